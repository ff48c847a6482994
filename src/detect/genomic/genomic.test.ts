import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectGenomic, createGenomicDetector } from './index.js';

const SEQ = 'ATGGCGTACGATCGATCGGCTAGCTAGGATCCGATT';

const positives: Array<[string, string, string]> = [
  ['sequence', `Amplicon: ${SEQ}.`, SEQ],
  ['sequence', `primer ${SEQ.toLowerCase()} used`, SEQ.toLowerCase()],
  ['sequence', 'RNA AUGGCGUACGAUCGAUCGGCUAG end', 'AUGGCGUACGAUCGAUCGGCUAG'],
  ['sequence', 'ORIGIN\n        1 gatcctccat atacaacggt atctccacct\n       31 caggtttaga tctcaacaac\n//', 'gatcctccat atacaacggt atctccacct\n       31 caggtttaga tctcaacaac'],
  ['fasta', `notes\n>chr7:117559590 patient sample\n${SEQ}\n${SEQ}\nGATC\n\nend`, `>chr7:117559590 patient sample\n${SEQ}\n${SEQ}\nGATC`],
  ['vcf_header', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPT001', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPT001'],
  ['vcf_record', 'chr7\t117559590\trs113993960\tATCT\tA\t50\tPASS\tDP=30\tGT:DP\t0/1:35', 'chr7\t117559590\trs113993960\tATCT\tA\t50\tPASS\tDP=30\tGT:DP\t0/1:35'],
  ['vcf_record', '19 44908684 rs429358 T C . PASS AF=0.15 GT 1|1', '19 44908684 rs429358 T C . PASS AF=0.15 GT 1|1'],
  ['rsid_genotype', 'Result rs429358 C;T and more', 'rs429358 C;T'],
  ['rsid_genotype', 'rs7412(T;T) homozygous', 'rs7412(T;T)'],
  ['rsid_genotype', 'rs53576: GG', 'rs53576: GG'],
  ['hgvs', 'CFTR c.1521_1523delCTT found', 'c.1521_1523delCTT'],
  ['hgvs', 'protein p.Phe508del seen', 'p.Phe508del'],
  ['hgvs', 'predicted p.(Gly12Asp)', 'p.(Gly12Asp)'],
  ['hgvs', 'genomic g.12345A>G variant', 'g.12345A>G'],
  ['hgvs', 'NM_000492.4:c.1521_1523del reported', 'NM_000492.4:c.1521_1523del'],
  ['hgvs', 'c.5266dupC (5382insC)', 'c.5266dupC'],
  ['gene_variant', 'BRCA1 c.68_69delAG carrier', 'BRCA1 c.68_69delAG'],
  ['gene_variant', 'Tumour is KRAS G12D positive', 'KRAS G12D'],
  ['gene_variant', 'EGFR L858R and EGFR T790M', 'EGFR L858R'],
  ['gene_variant', 'BRAF V600E mutation', 'BRAF V600E'],
  ['gene_variant', 'KIT mutation D816V', 'KIT mutation D816V'],
  ['apoe_genotype', 'APOE ε4/ε4 homozygote', 'APOE ε4/ε4'],
  ['apoe_genotype', 'APOE e3/e4', 'APOE e3/e4'],
  ['star_allele', 'CYP2C19 *2/*2 poor metaboliser', 'CYP2C19 *2/*2'],
  ['hla_allele', 'HLA-B*57:01 positive: avoid abacavir', 'HLA-B*57:01'],
];

for (const [name, text, value] of positives) {
  test(`genomic fires: ${name} in ${JSON.stringify(text.slice(0, 30))}`, () => {
    const found = detectGenomic(text);
    const hit = found.find((f) => f.kind === `genomic.${name}`);
    assert.ok(hit, `expected genomic.${name}, got ${found.map((f) => f.kind).join(',') || 'nothing'}`);
    assert.equal(text.slice(hit.start, hit.end), value);
    assert.equal(hit.severity, 'high');
  });
}

const negatives = [
  'CT scan of the chest showed no acute process. CTA negative.',
  'Started ACE inhibitor; continue ARB? No. Hold ACE-I.',
  'Take 1 tablet p.o. b.i.d. p.r.n. pain; c.f. prior note; n.b. allergy',
  'eGFR 45 mL/min, CKD G3a; HER2 positive breast cancer; MET 3.5',
  'Grade A, T cell lymphoma, N stage 2, CAT scale, TAG meeting, GATA3 stain',
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!!! help',
  'Patient is a carrier of a BRCA1 mutation (details pending).',
  'rs429358 is a well-known APOE SNP.',
  'Page p. 12 and fig. 3; vitamin A 10 mg daily; HbA1c 7.2',
  'Blood type A; gene panel ordered: BRCA1, BRCA2, TP53.',
  'ACTG ACTG ACTG acct gate cage tact',
  '1 500 mg a day; 2 250 mg b i d',
];
for (const text of negatives) {
  test(`genomic silent: ${JSON.stringify(text.slice(0, 40))}`, () => {
    assert.deepEqual(detectGenomic(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`), []);
  });
}

test('genomic options validated', () => {
  assert.throws(() => createGenomicDetector({ minScore: 2 }), { code: 'MG_CONFIG_INVALID' });
});

test('genomic regexes and sequence scan stay linear on 100 KB adversarial input', () => {
  const r = (u: string, n: number): string => u.repeat(n);
  const hostile = [
    r('ACGT', 25000), r('ACGT ', 20000), r('ACGTACGTX', 11000), r('rs1 ', 25000), r('c.1', 33000), r('p.Arg1', 16000),
    r('KRAS ', 20000), r('1\t1\tx\tA\tC\t1\tP\tI\t', 5000), `#CHROM\tPOS\tID\tREF\tALT${r('\t', 100000)}`, r('c.1_2del', 12000),
    r('>', 100000), r('\n>h\nACGT', 10000), r('HLA-B*57:01', 9000), r('APOE e', 16000), r('NM_0000', 14000),
  ];
  const t0 = process.hrtime.bigint();
  for (const h of hostile) detectGenomic(h);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.ok(ms < 10000, `took ${ms} ms`);
});
