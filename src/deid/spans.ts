import type { Finding } from '../core/types.js';
import type { DeidSpan } from './types.js';

/** The policy type of a finding: `phi.NAME` → NAME, any secret → SECRET, any genomic kind → GENOMIC. */
export function typeOfFinding(f: Finding): string | undefined {
  if (f.family === 'phi') {
    const t = f.kind.slice(4);
    return t === 'KR_FRN' ? 'KR_RRN' : /^[A-Z][A-Z0-9_]*$/.test(t) ? t : undefined;
  }
  if (f.family === 'secret') return f.kind.endsWith('.detector_failed') ? undefined : 'SECRET';
  if (f.family === 'genomic') return f.kind.endsWith('.detector_failed') ? undefined : 'GENOMIC';
  return undefined;
}

export function findingsToSpans(findings: readonly Finding[]): DeidSpan[] {
  const out: DeidSpan[] = [];
  for (const f of findings) {
    const type = typeOfFinding(f);
    if (type !== undefined && f.end > f.start) out.push({ start: f.start, end: f.end, type, score: f.score });
  }
  return out;
}

/**
 * Overlapping spans become one: the union of the cluster, labelled with its best member (longest,
 * then highest score). Taking the union rather than dropping the loser means no fragment of a
 * partly overlapped value is left in the output.
 */
export function resolveOverlaps(spans: readonly DeidSpan[]): DeidSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DeidSpan[] = [];
  let cluster: DeidSpan[] = [];
  let end = -1;
  const close = (): void => {
    if (cluster.length === 0) return;
    let best = cluster[0] as DeidSpan;
    for (const s of cluster) {
      const len = s.end - s.start;
      const bestLen = best.end - best.start;
      if (len > bestLen || (len === bestLen && s.score > best.score)) best = s;
    }
    out.push({ start: (cluster[0] as DeidSpan).start, end, type: best.type, score: best.score });
    cluster = [];
  };
  for (const s of sorted) {
    if (s.start >= end) {
      close();
      end = s.end;
    }
    cluster.push(s);
    end = Math.max(end, s.end);
  }
  close();
  return out;
}
