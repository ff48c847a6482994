/** Human-readable scan output. Matched values are shown only for injection findings, never for PHI or secrets. */
import type { InspectReport } from '../core/pipeline.js';
import type { Finding } from '../core/types.js';
import { injectionSummary, roundScore } from './records.js';

const EXCERPT_CHARS = 60;

export function renderReport(report: InspectReport, text: string, flagged: boolean): string {
  const inj = injectionSummary(report);
  const lines: string[] = [];
  const verdict = flagged ? 'FLAGGED' : 'not flagged';
  const scoreLine = inj.threshold === null
    ? `injection score ${inj.score.toFixed(2)} (no calibrated assessor; flags on a high-severity injection finding)`
    : `injection score ${inj.score.toFixed(2)}, threshold ${inj.threshold.toFixed(2)}${inj.flagged ? ' (at/above)' : ''}`;
  lines.push(`verdict: ${verdict}  mode: ${report.mode}  ${scoreLine}`);
  if (report.decodedLayers > 0) lines.push(`decoded layers inspected: ${report.decodedLayers}`);
  if (report.findings.length === 0) {
    lines.push('findings: none');
    return lines.join('\n');
  }
  lines.push(`findings (${report.findings.length}):`);
  const sensitive = report.findings.filter((f) => f.family !== 'injection');
  for (const f of report.findings) {
    const via = f.via && f.via.length > 0 ? ` via ${f.via.join('>')}` : '';
    lines.push(`  ${f.severity.padEnd(8)} ${roundScore(f.score).toFixed(2)}  ${f.kind}  [${f.start}, ${f.end})${via}`);
    lines.push(`           ${sanitize(f.explanation)}`);
    const excerpt = excerptOf(f, text, sensitive);
    if (excerpt !== undefined) lines.push(`           "${excerpt}"`);
  }
  return lines.join('\n');
}

/**
 * Attack text is shown so an analyst can judge it; anything that may be patient data or a secret is
 * not. An injection span (a classifier window especially) can cover PHI, so spans found by the
 * other families are replaced by their kind inside the excerpt.
 */
function excerptOf(f: Finding, text: string, sensitive: readonly Finding[]): string | undefined {
  if (f.family !== 'injection') return undefined;
  const end = Math.min(f.end, f.start + EXCERPT_CHARS);
  const parts: string[] = [];
  let at = f.start;
  const overlapping = sensitive.filter((s) => s.start < end && s.end > f.start).sort((a, b) => a.start - b.start);
  for (const s of overlapping) {
    if (s.end <= at) continue;
    if (s.start > at) parts.push(sanitize(text.slice(at, s.start)));
    parts.push(`[${s.kind}]`);
    at = s.end;
  }
  if (at < end) parts.push(sanitize(text.slice(at, end)));
  return parts.join('') + (f.end > end ? '…' : '');
}

/**
 * Control, format (bidi, zero-width) and tag characters are escaped so an excerpt cannot drive the
 * terminal or hide what it says.
 */
export function sanitize(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
