/**
 * The model-file scan engine: walks paths, sniffs each file's format by content, dispatches to a
 * FormatScanner and turns findings into a verdict. It never executes or imports anything, and any
 * scanner failure becomes a high finding (fail closed), never a clean result.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MedguardError } from '../../core/errors.js';
import { SEVERITIES, severityRank, type Severity } from '../../core/types.js';
import type { ByteSource, FileReport, FormatScanner, ModelFinding, ScanContext, ScanLimits } from './types.js';
import { DEFAULT_LIMITS } from './limits.js';
import { FORMAT_SCANNERS, sniffFormat } from './formats/index.js';
import { modelFinding, withMember } from './finding.js';
import { openFileSource } from './source.js';
import { endsWithZip, polyglotFindings } from './polyglot.js';
import { scanPickleSource } from './pickle/scan.js';

export interface ScanOptions {
  /** Files whose worst finding is at least this severe are unsafe (default 'medium'). */
  readonly failOn?: Severity;
  readonly limits?: Partial<ScanLimits>;
  /** Called after each file with running totals (for progress bars). */
  readonly onProgress?: (p: { filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number }) => void;
  /** Formats to use, in sniff order (default: the built-in registry). */
  readonly scanners?: readonly FormatScanner[];
}

const HEAD = 4096;
const DETECTOR = 'model.engine';

interface Target { readonly path: string; readonly display: string; readonly size: number; readonly note?: ModelFinding }

/** Scans one source with the scanner its content selects; errors become findings. */
export async function scanSource(source: ByteSource, ctx: ScanContext, scanners: readonly FormatScanner[] = FORMAT_SCANNERS):
  Promise<{ format: string; findings: ModelFinding[] }> {
  const head = await source.read(0, HEAD);
  let scanner = sniffFormat(head, source.name, scanners);
  // Zip readers find the directory at the end, whatever precedes it (self-extractors, junk prefixes).
  if (scanner === null && (await endsWithZip(source))) scanner = scanners.find((s) => s.format === 'zip') ?? null;
  if (scanner === null) {
    // Loaders unpickle whatever they are given: content no sniff recognises is still tried as a
    // pickle, and kept as one only if it parses (or reaches a denied import before breaking).
    const asPickle = await scanPickleSource(source, ctx, 0, true);
    return asPickle === null ? { format: 'unknown', findings: [] } : { format: 'pickle', findings: asPickle };
  }
  const findings: ModelFinding[] = [];
  let format = scanner.format;
  const local: ScanContext = { ...ctx, reportFormat: (f: string) => { format = f; } };
  try {
    findings.push(...(await scanner.scan(source, local)));
  } catch (e) {
    // Programming errors are still fail-closed findings, but tagged apart so fuzzing can count them.
    const bug = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
    findings.push(modelFinding(ctx, { detector: DETECTOR, technique: bug ? 'model.scanner_error' : 'model.parse_error', severity: 'high',
      explanation: `${scanner.format} scanner could not read the file whole (${e instanceof MedguardError ? e.code : bug ? 'internal error' : 'parse failure'}); fail closed` }));
  }
  if (head.length > 0 && !(head[0] === 0x50 && head[1] === 0x4b)) findings.push(...(await polyglotFindings(source, scanner, ctx, scanners)));
  return { format, findings };
}

export function makeContext(displayPath: string, baseDir: string, limits: ScanLimits, scanners: readonly FormatScanner[]): ScanContext {
  let expanded = 0;
  const build = (depth: number): ScanContext => ({
    limits, depth, baseDir, displayPath,
    addExpanded(bytes: number): boolean {
      expanded += bytes;
      return expanded <= limits.maxExpandedBytes;
    },
    async scanNested(source: ByteSource, member: string): Promise<ModelFinding[]> {
      if (depth + 1 > limits.maxDepth) {
        return [modelFinding({ displayPath }, { detector: DETECTOR, technique: 'container.too_deep', severity: 'high', member,
          explanation: `containers nested deeper than ${limits.maxDepth} levels; fail closed` })];
      }
      const { findings } = await scanSource(source, build(depth + 1), scanners);
      return findings.map((f) => withMember(f, member));
    },
  });
  return build(0);
}

export function verdictOf(findings: readonly ModelFinding[], failOn: Severity): Pick<FileReport, 'severity' | 'verdict'> {
  let worst = -1;
  for (const f of findings) worst = Math.max(worst, severityRank(f.severity));
  const severity = worst < 0 ? 'none' : (SEVERITIES[worst] as Severity);
  return { severity, verdict: worst >= severityRank(failOn) ? 'unsafe' : 'safe' };
}

async function collect(input: string, out: Target[]): Promise<void> {
  const root = resolve(input);
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new MedguardError('MG_IO', 'path does not exist or cannot be read', { field: 'path' });
  }
  if (!st.isDirectory()) {
    out.push({ path: root, display: input, size: st.size });
    return;
  }
  const realRoot = await realpath(root);
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      const display = join(input, relative(root, dir));
      out.push({ path: dir, display, size: 0, note: modelFinding({ displayPath: display }, { detector: DETECTOR, technique: 'model.unreadable',
        severity: 'high', explanation: 'folder cannot be listed; its files were not scanned (fail closed)' }) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      const display = join(input, relative(root, p));
      if (e.isDirectory()) await walk(p);
      else if (e.isSymbolicLink()) {
        const target = await realpath(p).catch(() => null);
        const inside = target !== null && (target === realRoot || target.startsWith(realRoot + sep));
        const tst = target === null ? null : await stat(target).catch(() => null);
        if (inside && tst?.isFile() === true) out.push({ path: target as string, display, size: tst.size });
        else if (inside && tst?.isDirectory() === true) continue; // its files are scanned under their real path
        else {
          out.push({ path: p, display, size: 0, note: modelFinding({ displayPath: display }, { detector: DETECTOR, technique: 'fs.symlink_outside',
            severity: 'medium', explanation: 'symbolic link leaves the scanned folder (or dangles, or is a folder); not followed' }) });
        }
      } else if (e.isFile()) out.push({ path: p, display, size: (await lstat(p)).size });
    }
  };
  await walk(root);
}

export async function* scanPaths(paths: readonly string[], options: ScanOptions = {}): AsyncIterable<FileReport> {
  const failOn = options.failOn ?? 'medium';
  const limits: ScanLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const scanners = options.scanners ?? FORMAT_SCANNERS;
  const targets: Target[] = [];
  for (const p of paths) await collect(p, targets);
  const bytesTotal = targets.reduce((n, t) => n + t.size, 0);
  let bytesDone = 0;
  for (const [i, t] of targets.entries()) {
    let format = 'unknown';
    const findings: ModelFinding[] = [];
    if (t.note !== undefined) findings.push(t.note);
    else {
      const ctx = makeContext(t.display, dirname(t.path), limits, scanners);
      let source;
      try {
        source = await openFileSource(t.path, t.display);
      } catch {
        findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'model.unreadable', severity: 'high', explanation: 'file cannot be opened; fail closed' }));
      }
      if (source !== undefined) {
        try {
          const r = await scanSource(source, ctx, scanners);
          format = r.format;
          findings.push(...r.findings);
        } finally {
          await source.close();
        }
      }
    }
    bytesDone += t.size;
    options.onProgress?.({ filesDone: i + 1, filesTotal: targets.length, bytesDone, bytesTotal });
    yield { path: t.display, format, ...verdictOf(findings, failOn), findings };
  }
}
