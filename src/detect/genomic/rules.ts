/**
 * Variant notations. All quantifiers are bounded; alternatives start with distinct literals so a
 * hostile run costs at most the longest bounded repetition per start position.
 */
export interface GenomicRule {
  readonly name: string;
  readonly re: RegExp;
  readonly score: number;
  readonly explanation: string;
}

const AA3 = '(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec|Pyl|Ter)';
const AA1 = '[ACDEFGHIKLMNPQRSTVWY]';
const POS = '[-*]?\\d{1,9}(?:[+-]\\d{1,6})?';
const NUC_CHANGE = `(?:[ACGTU]{1,50}>[ACGTU]{1,50}|delins[ACGTU]{1,100}|del[ACGTU]{0,100}(?:ins[ACGTU]{1,100})?|dup[ACGTU]{0,100}|ins[ACGTU]{1,100}|inv[ACGTU]{0,100}|=)`;
const PROT = `(?:${AA3}|${AA1})\\d{1,6}(?:_(?:${AA3}|${AA1})\\d{1,6})?(?:delins(?:${AA3}|${AA1}){1,20}|del|dup|ins(?:${AA3}|${AA1}){1,20}|fs(?:Ter|\\*)?\\d{0,5}|${AA3}|${AA1}|\\*|=)`;
const REFSEQ = '(?:(?:NM|NR|NP|NC|NG|XM|XR|XP)_\\d{4,12}(?:\\.\\d{1,3})?|ENS[TGP]\\d{6,15}(?:\\.\\d{1,3})?|LRG_\\d{1,6})(?:\\([A-Z0-9-]{1,20}\\))?:';

const GENES = 'BRCA1|BRCA2|KRAS|NRAS|HRAS|EGFR|BRAF|TP53|CFTR|PIK3CA|ALK|ROS1|RET|MET|ERBB2|HER2|IDH1|IDH2|JAK2|FLT3|NPM1|KIT|PDGFRA|PTEN|MLH1|MSH2|MSH6|PMS2|APC|MUTYH|ATM|CHEK2|PALB2|CDH1|STK11|NTRK1|NTRK2|NTRK3|FGFR1|FGFR2|FGFR3|ESR1|AKT1|MAP2K1|CTNNB1|SMAD4|VHL|NF1|NF2|RB1|WT1|LDLR|PCSK9|APOB|HFE|MTHFR|F5|F2|HBB|HBA1|SMN1|DMD|FMR1|HTT|G6PD|TPMT|NUDT15|DPYD|UGT1A1|VKORC1|CYP2C9|CYP2C19|CYP2D6|CYP3A5|SLCO1B1|GBA|LRRK2|SOD1|MYH7|MYBPC3|SCN5A|KCNQ1|KCNH2|TTR|GJB2';
const GENE_VARIANT = `(?:(?:c|p)\\.)?\\(?(?:${PROT}|${POS}(?:_${POS})?${NUC_CHANGE})\\)?`;

export const GENOMIC_RULES: readonly GenomicRule[] = [
  { name: 'vcf_header', re: /^#CHROM[\t ]{1,8}POS[\t ]{1,8}ID[\t ]{1,8}REF[\t ]{1,8}ALT[^\n]{0,100000}/gm,
    score: 0.95, explanation: 'VCF column header (sample genotypes follow)' },
  { name: 'vcf_record',
    re: /^(?:chr)?(?:[1-9]|1\d|2[0-2]|X|Y|MT?)[\t ]{1,8}\d{1,10}[\t ]{1,8}[^\s]{1,100}[\t ]{1,8}[ACGTN]{1,500}[\t ]{1,8}(?:[ACGTN*,]{1,500}|<[A-Z0-9:]{1,20}>|\.)[\t ]{1,8}(?:\d{1,6}(?:\.\d{1,4})?|\.)[\t ]{1,8}[A-Za-z0-9_;.]{1,50}[\t ]{1,8}[^\s]{1,8000}(?:[\t ]{1,8}[^\s]{1,2000}){0,1000}/gm,
    score: 0.95, explanation: 'VCF variant record' },
  { name: 'rsid_genotype',
    re: /(?<![A-Za-z0-9])rs\d{1,10}[\t ]{0,3}[:=]?[\t ]{0,3}(?:\([\t ]{0,2}[ACGTDI-][\t ]{0,2}[;/|,][\t ]{0,2}[ACGTDI-][\t ]{0,2}\)|[ACGTDI-][;/|][ACGTDI-]|[ACGT]{2})(?![A-Za-z0-9])/g,
    score: 0.9, explanation: 'rsID with a personal genotype' },
  { name: 'hgvs',
    re: new RegExp(`(?<![A-Za-z0-9_])(?:${REFSEQ})?(?:[cgmnr]\\.\\(?${POS}(?:_${POS})?${NUC_CHANGE}\\)?|p\\.\\(?${PROT}\\)?)(?![A-Za-z0-9])`, 'g'),
    score: 0.9, explanation: 'HGVS variant description' },
  { name: 'gene_variant',
    re: new RegExp(`(?<![A-Za-z0-9])(?:${GENES})[\\t ]{0,3}(?:(?:gene|mutation|variant|mutated|pathogenic variant|carrier)[\\t ]{1,3}){0,2}[:(]?[\\t ]{0,2}${GENE_VARIANT}(?![A-Za-z0-9])`, 'g'),
    score: 0.85, explanation: 'gene with a specific variant' },
  { name: 'apoe_genotype',
    re: /(?<![A-Za-z0-9])APOE[\t ]{0,3}(?:genotype[\t ]{0,3})?[:(]?[\t ]{0,2}(?:[εEe][2-4][\t ]{0,2}\/[\t ]{0,2}[εEe][2-4]|[εEe][2-4][\t ]{0,2}(?:homozygote|homozygous|carrier|heterozygote|heterozygous)|[εe][2-4])\)?(?![A-Za-z0-9])/g,
    score: 0.85, explanation: 'APOE genotype' },
  { name: 'star_allele',
    re: /(?<![A-Za-z0-9])(?:CYP2C9|CYP2C19|CYP2D6|CYP3A5|TPMT|NUDT15|DPYD|UGT1A1|NAT2)[\t ]{0,3}[:(]?[\t ]{0,2}\*\d{1,3}[A-Z]?[\t ]{0,2}\/[\t ]{0,2}\*\d{1,3}[A-Z]?\)?/g,
    score: 0.85, explanation: 'pharmacogenomic diplotype' },
  { name: 'hla_allele', re: /(?<![A-Za-z0-9])HLA-(?:A|B|C|DRB1|DQB1|DPB1|DQA1)\*\d{2,3}(?::\d{2,3}){1,3}[A-Z]?(?![0-9])/g,
    score: 0.8, explanation: 'HLA allele typing' },
];
