/**
 * `medguard scan model PATH...`: scans model files and folders without loading them. Human report
 * (or --json) on stdout, optional SARIF file, progress on a TTY stderr only.
 */
import { writeFile } from 'node:fs/promises';
import { MedguardError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/types.js';
import { scanPaths } from '../../scan/model/engine.js';
import type { FileReport } from '../../scan/model/types.js';
import { toSarif } from '../../scan/sarif.js';
import { EXIT_FLAGGED, EXIT_OK, oneOf, parseCommandArgs, type Command } from '../command.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../version.js';

const FAIL_ON: readonly Severity[] = SEVERITIES.filter((s) => s !== 'info');

const usage = `usage: medguard scan model PATH... [options]

Scans model files and folders (pickle, PyTorch, joblib, NumPy, zip/tar/gzip/bzip2/xz/7z,
safetensors, GGUF, ONNX, Keras) by content. Nothing is loaded, imported or executed; a file that
cannot be read whole is reported unsafe.

options:
  --json                            print one JSON document {files, summary}
  --sarif FILE                      also write a SARIF 2.1.0 report to FILE
  --fail-on low|medium|high|critical
                                    a file is unsafe when a finding is at least this severe
                                    (default: medium)

exit: 0 all files safe, 1 any file unsafe, 2 usage or input error`;

function humanBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function renderHuman(r: FileReport): string {
  const head = `${r.verdict === 'unsafe' ? 'UNSAFE' : 'safe  '} ${r.path} [${r.format}]${r.severity === 'none' ? '' : ` max=${r.severity}`}`;
  const lines = r.findings.map((f) => `    ${f.severity.padEnd(8)} ${f.technique}${f.member === undefined ? '' : ` (${f.member})`}: ${f.explanation}`);
  return [head, ...lines].join('\n');
}

export function summarise(reports: readonly FileReport[]): { files: number; safe: number; unsafe: number; findings: number } {
  const unsafe = reports.filter((r) => r.verdict === 'unsafe').length;
  return { files: reports.length, safe: reports.length - unsafe, unsafe, findings: reports.reduce((n, r) => n + r.findings.length, 0) };
}

async function progress(io: CliIo, p: { filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number }): Promise<void> {
  const width = 24;
  const done = Math.round((width * p.filesDone) / Math.max(1, p.filesTotal));
  await io.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${p.filesDone}/${p.filesTotal} files, ${humanBytes(p.bytesDone)}/${humanBytes(p.bytesTotal)}`);
}

export const scanModel: Command = {
  name: 'model',
  summary: 'scan model files/folders for malicious pickles, archive tricks and malformed formats',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      json: { type: 'boolean' },
      sarif: { type: 'string' },
      'fail-on': { type: 'string' },
    }, 'medguard scan model');
    if (positionals.length === 0) throw new MedguardError('MG_USAGE', 'scan model needs at least one PATH; run "medguard scan model --help"');
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on') ?? 'medium';
    const reports: FileReport[] = [];
    const showProgress = io.stderr.isTTY;
    let last: Promise<void> = Promise.resolve();
    for await (const r of scanPaths(positionals, { failOn, onProgress: showProgress ? (p) => { last = progress(io, p); } : undefined })) {
      reports.push(r);
      if (values.json !== true) {
        await last;
        if (showProgress) await io.stderr.write('\r\x1b[K');
        await io.stdout.write(`${renderHuman(r)}\n`);
      }
    }
    if (showProgress && values.json === true) {
      await last;
      await io.stderr.write('\r\x1b[K');
    }
    const summary = summarise(reports);
    if (values.json === true) {
      const files = reports.map((r) => ({ path: r.path, format: r.format, severity: r.severity, verdict: r.verdict, findings: r.findings }));
      await io.stdout.write(`${JSON.stringify({ files, summary }, null, 2)}\n`);
    } else {
      await io.stdout.write(`${summary.files} files: ${summary.safe} safe, ${summary.unsafe} unsafe (fail-on ${failOn})\n`);
    }
    if (values.sarif !== undefined) {
      try {
        await writeFile(values.sarif, `${JSON.stringify(toSarif(reports, packageVersion()), null, 2)}\n`);
      } catch {
        throw new MedguardError('MG_IO', 'cannot write the SARIF file', { field: '--sarif' });
      }
    }
    return summary.unsafe > 0 ? EXIT_FLAGGED : EXIT_OK;
  },
};
