/** Scan bytes in memory the way the engine scans a file (tests, fuzzing). */
import type { Severity } from '../../../core/types.js';
import type { FileReport, ScanLimits } from '../types.js';
import { makeContext, scanSource, verdictOf } from '../engine.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { FORMAT_SCANNERS } from '../formats/index.js';
import { bufferSource } from '../source.js';

export async function scanBytes(bytes: Uint8Array, name = 'input', options: { failOn?: Severity; limits?: Partial<ScanLimits> } = {}): Promise<FileReport> {
  const ctx = makeContext(name, '.', { ...DEFAULT_LIMITS, ...options.limits }, FORMAT_SCANNERS);
  const { format, findings } = await scanSource(bufferSource(name, bytes), ctx);
  return { path: name, format, ...verdictOf(findings, options.failOn ?? 'medium'), findings };
}

export const techniques = (r: FileReport): string[] => r.findings.map((f) => f.technique);
