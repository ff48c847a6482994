/**
 * `scanDataset`: streams a fine-tuning / evaluation file through a reader, runs the per-row checks
 * as rows arrive, keeps compact features of up to `maxCrossRows` rows, then runs the cross-row
 * checks (duplicates, consensus, triggers) and ranks the suspicious rows.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { MedguardError } from '../../core/errors.js';
import type { Severity } from '../../core/types.js';
import { readDataset } from './read/index.js';
import { RowChecker } from './checks/row.js';
import { FeatureStore } from './checks/store.js';
import { findDuplicates } from './checks/duplicates.js';
import { checkConsensus } from './checks/consensus.js';
import { findTriggers } from './checks/triggers.js';
import { fixedAnswerRows } from './checks/fixed.js';
import { atLeast, rankRows, rowReport } from './rank.js';
import type { DatasetFormat, DatasetReport, DatasetScanOptions, RowError, RowReason, RowReport } from './types.js';

export const DATASET_DEFAULTS = {
  failOn: 'medium' as Severity,
  maxRecordBytes: 1 << 20,
  maxFieldBytes: 512 * 1024,
  maxCrossRows: 200_000,
  maxReportedRows: 1000,
  /** Row errors listed one by one; the summary counts all of them. */
  maxListedErrors: 1000,
};

export async function scanDatasetStream(chunks: AsyncIterable<Uint8Array>, path: string, options: DatasetScanOptions = {}): Promise<DatasetReport> {
  const failOn = options.failOn ?? DATASET_DEFAULTS.failOn;
  const checker = new RowChecker({ fullInjection: options.fullInjection === true, fullPhi: options.fullPhi === true });
  const store = new FeatureStore(options.maxCrossRows ?? DATASET_DEFAULTS.maxCrossRows);
  const reasons = new Map<number, RowReason[]>();
  const lines = new Map<number, number>();
  const rowErrors: RowError[] = [];
  const formats: Partial<Record<DatasetFormat, number>> = {};
  let rowCount = 0;
  let errorCount = 0;
  let bytes = 0;
  let nextProgress = 1 << 20;
  let crossRowLimited = false;

  const events = readDataset(chunks, {
    format: options.format ?? 'auto',
    maxRecordBytes: options.maxRecordBytes ?? DATASET_DEFAULTS.maxRecordBytes,
    maxFieldBytes: options.maxFieldBytes ?? DATASET_DEFAULTS.maxFieldBytes,
    onBytes: (n) => { bytes += n; },
  });
  for await (const batch of events) {
    for (const e of batch) {
      if (e.kind === 'error') {
        errorCount += 1;
        if (rowErrors.length < DATASET_DEFAULTS.maxListedErrors) rowErrors.push(e.error);
        continue;
      }
      const row = e.row;
      rowCount += 1;
      formats[row.format] = (formats[row.format] ?? 0) + 1;
      const found = checker.check(row);
      if (found.length > 0) { reasons.set(row.index, found); lines.set(row.index, row.line); }
      if (!store.add(row)) crossRowLimited = true;
    }
    if (bytes >= nextProgress) {
      nextProgress = bytes + (1 << 20);
      options.onProgress?.({ bytes, rows: rowCount });
    }
  }
  const common = store.commonWords();
  const dup = findDuplicates(store.rows);
  const consensus = checkConsensus(store.rows, common, store.idf());
  const anomalous = new Set([...consensus.contradicting, ...fixedAnswerRows(store.rows, consensus.clusters, common)]);
  const trig = findTriggers(store.rows, anomalous, consensus.clusters, store.words, common);
  for (const extra of [dup.reasons, consensus.reasons, trig.reasons]) {
    for (const [i, list] of extra) reasons.set(i, [...(reasons.get(i) ?? []), ...list]);
  }

  for (const r of store.rows) if (reasons.has(r.index)) lines.set(r.index, r.line);
  const reports: RowReport[] = [];
  const byTechnique: Record<string, number> = {};
  let flagged = 0;
  for (const [index, list] of reasons) {
    const r = rowReport(index, lines.get(index) ?? 0, list);
    for (const t of new Set(list.map((x) => x.technique))) byTechnique[t] = (byTechnique[t] ?? 0) + 1;
    if (atLeast(r.severity, failOn)) flagged += 1;
    reports.push(r);
  }
  rankRows(reports);
  return {
    path,
    failOn,
    verdict: flagged > 0 ? 'unsafe' : 'safe',
    rows: reports.slice(0, options.maxReportedRows ?? DATASET_DEFAULTS.maxReportedRows),
    rowErrors,
    summary: {
      rows: rowCount,
      errors: errorCount,
      bytes,
      formats,
      flagged,
      withReasons: reports.length,
      byTechnique,
      exactDuplicates: dup.exact,
      nearDuplicates: dup.near,
      promptClusters: consensus.promptClusters,
      triggers: trig.triggers,
      crossRowLimited,
      injectionScreened: { inspected: checker.injectionInspected, texts: checker.texts },
    },
  };
}

export async function scanDataset(path: string, options: DatasetScanOptions = {}): Promise<DatasetReport> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    throw new MedguardError('MG_IO', 'dataset file does not exist or cannot be read', { field: 'path' });
  }
  return scanDatasetStream(createReadStream(path, { highWaterMark: 1 << 20 }), path, options);
}
