/** Turns the reasons gathered per row into ranked row reports and the dataset verdict. */
import type { Severity } from '../../core/types.js';
import type { RowReason, RowReport } from './types.js';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function atLeast(s: Severity, min: Severity): boolean {
  return SEVERITY_RANK[s] >= SEVERITY_RANK[min];
}

/**
 * The strongest reason sets the score; each further reason of a different technique adds a tenth
 * of its own score, so a row that is both a trigger row and contradicts its consensus ranks above
 * one that is only one of them, but many weak reasons never outrank one strong one.
 */
export function rowReport(index: number, line: number, reasons: readonly RowReason[]): RowReport {
  const sorted = [...reasons].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score);
  const top = sorted[0]!;
  const seen = new Set([top.technique]);
  let score = top.score;
  for (const r of sorted.slice(1)) {
    if (seen.has(r.technique)) continue;
    seen.add(r.technique);
    score += r.score * 0.1;
  }
  return { index, line, severity: top.severity, score: Math.round(Math.min(1, score) * 1000) / 1000, reasons: sorted };
}

/** Highest severity first, then score, then file order (stable reports). */
export function rankRows(rows: RowReport[]): RowReport[] {
  return rows.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.score - a.score || a.index - b.index);
}
