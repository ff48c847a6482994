/**
 * `medguard scan dataset FILE...`: scans fine-tuning / evaluation data (chat or instruction JSON
 * Lines, CSV) for poisoned rows. Ranked report (or --json) on stdout, optional SARIF file,
 * progress on a TTY stderr only; exit codes as `scan model`.
 */
import { writeFile } from 'node:fs/promises';
import { MedguardError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/types.js';
import { scanDataset } from '../../scan/dataset/engine.js';
import { datasetSarif } from '../../scan/dataset/sarif.js';
import type { DatasetReport } from '../../scan/dataset/types.js';
import { EXIT_FLAGGED, EXIT_OK, oneOf, parseCommandArgs, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../version.js';

const FAIL_ON: readonly Severity[] = SEVERITIES.filter((s) => s !== 'info');

const usage = `usage: medguard scan dataset FILE... [options]

Scans fine-tuning and evaluation data (chat JSONL with messages[], instruction JSONL with
prompt/response or instruction/input/output, text/label JSONL, CSV with a header) for poisoned
rows: instructions addressed to the model, PHI, exact and near duplicates, answers that contradict
their near-duplicate prompts, and rare trigger phrases tied to anomalous answers.

options:
  --json                            print one JSON document {datasets, summary}
  --sarif FILE                      also write a SARIF 2.1.0 report to FILE
  --fail-on low|medium|high|critical
                                    a row is flagged (and the file unsafe) at this severity
                                    (default: medium)
  --format auto|jsonl|csv           reader (default: auto, by content)
  --full                            run the injection and PHI detectors on every text
                                    (default: only texts a cheap screen passes; slower)
  --top N                           rows listed per file in the text report (default 20)

exit: 0 all files safe, 1 any file unsafe, 2 usage or input error`;

function renderHuman(r: DatasetReport, top: number): string {
  const s = r.summary;
  const head = `${r.verdict === 'unsafe' ? 'UNSAFE' : 'safe  '} ${r.path}: ${s.rows} rows, ${s.errors} row errors, ${s.flagged} flagged (fail-on ${r.failOn})`;
  const shown = r.rows.filter((row) => row.severity !== 'info').slice(0, top);
  const lines = shown.flatMap((row) => [
    `  row ${row.index} (line ${row.line}) ${row.severity} score ${row.score.toFixed(2)}`,
    ...row.reasons.filter((x) => x.severity !== 'info').map((x) => `      ${x.severity.padEnd(8)} ${x.technique}: ${x.explanation}${x.related?.length ? ` [rows ${x.related.join(', ')}]` : ''}`),
  ]);
  const techniques = Object.entries(s.byTechnique).map(([t, n]) => `${t}=${n}`).join(' ');
  const triggers = s.triggers.map((t) => `"${t.phrase}" (${t.rows} rows, ${t.anomalousRows} anomalous)`).join('; ');
  const errors = r.rowErrors.slice(0, 5).map((e) => `  row error at line ${e.line}: ${e.code} ${e.message}`);
  return [head, ...lines, ...errors, `  techniques: ${techniques || 'none'}`, ...(triggers ? [`  trigger phrases: ${triggers}`] : []),
    ...(s.crossRowLimited ? ['  note: more rows than the cross-row limit; later rows got the per-row checks only'] : [])].join('\n');
}

export const scanDatasetCommand: Command = {
  name: 'dataset',
  summary: 'scan fine-tuning data (JSONL, CSV) for poisoned rows, backdoor triggers and PHI',
  usage,
  async run(argv, io: CliIo) {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' }, sarif: { type: 'string' }, 'fail-on': { type: 'string' },
      format: { type: 'string' }, full: { type: 'boolean' }, top: { type: 'string' },
    }, 'medguard scan dataset');
    if (positionals.length === 0) throw new MedguardError('MG_USAGE', 'scan dataset needs at least one FILE; run "medguard scan dataset --help"');
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on') ?? 'medium';
    const format = oneOf(values.format, ['auto', 'jsonl', 'csv'] as const, '--format') ?? 'auto';
    const top = values.top === undefined ? 20 : Number(values.top);
    if (!Number.isInteger(top) || top < 0) throw new MedguardError('MG_USAGE', '--top must be a whole number', { field: '--top' });
    const reports: DatasetReport[] = [];
    const tty = io.stderr.isTTY;
    for (const path of positionals) {
      let last: Promise<void> = Promise.resolve();
      const onProgress = tty ? (p: { bytes: number; rows: number }): void => {
        last = io.stderr.write(`\r${path}: ${(p.bytes / 1048576).toFixed(1)} MB, ${p.rows} rows`);
      } : undefined;
      const r = await scanDataset(path, { failOn, format, fullInjection: values.full === true, fullPhi: values.full === true, ...(onProgress ? { onProgress } : {}) });
      await last;
      if (tty) await io.stderr.write('\r\x1b[K');
      reports.push(r);
      if (values.json !== true) await io.stdout.write(`${renderHuman(r, top)}\n`);
    }
    const summary = { files: reports.length, unsafe: reports.filter((r) => r.verdict === 'unsafe').length, rows: reports.reduce((n, r) => n + r.summary.rows, 0), flagged: reports.reduce((n, r) => n + r.summary.flagged, 0) };
    if (values.json === true) await io.stdout.write(`${JSON.stringify({ datasets: reports, summary }, null, 2)}\n`);
    if (values.sarif !== undefined) {
      try {
        await writeFile(values.sarif, `${JSON.stringify(datasetSarif(reports, packageVersion()), null, 2)}\n`);
      } catch {
        throw new MedguardError('MG_IO', 'cannot write the SARIF file', { field: '--sarif' });
      }
    }
    return summary.unsafe > 0 ? EXIT_FLAGGED : EXIT_OK;
  },
};
