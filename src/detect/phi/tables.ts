/**
 * Tables pasted into a prompt or returned by a tool: CSV, TSV and Markdown, whose header names a
 * column as an identifier ("MRN", "DOB", "Patient Name", "Phone #"). The rows under it hold bare
 * values ("4471920", "DELGADO, ROBERT") that no text rule can tell from other numbers and words.
 */
import { EMPTY_VALUE, fieldKey, fieldType, YEAR_ONLY } from './field-names.js';
import type { PhiType, Sink } from './types.js';

const MAX_LINE = 2048;
const MAX_CELLS = 40;
const SCORE = 0.85;
// A header cell: a short label, no digits but a trailing one ("Address 1", "Phone 2").
const HEADER_CELL = /^[A-Za-z][A-Za-z _.#/'()-]{0,38}\d?$/;
const PROSE = /\d\d|[.!?;:] /;
const MARKDOWN_RULE = /^\|?[ :|-]+\|?$/;

interface Cell { readonly start: number; readonly end: number }

/** The cells of text[start, end) split at `sep`; a CSV cell in double quotes may hold the separator. */
function cells(text: string, start: number, end: number, sep: string): Cell[] {
  const out: Cell[] = [];
  let s = start;
  let quoted = false;
  for (let i = start; i <= end && out.length <= MAX_CELLS; i++) {
    const c = i < end ? text[i] : sep;
    if (c === '"' && sep === ',') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(trim(text, s, i));
      s = i + 1;
    }
  }
  return out;
}

function trim(text: string, s: number, e: number): Cell {
  while (s < e && (text[s] === ' ' || text[s] === '\t' || text[s] === '"')) s++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '"' || text[e - 1] === '\r')) e--;
  return { start: s, end: e };
}

/** Markdown rows are framed by pipes: the cells between the first and the last. */
function rowCells(text: string, start: number, end: number, sep: string): Cell[] {
  const all = cells(text, start, end, sep);
  if (sep !== '|') return all;
  const t = text.slice(start, end).trim();
  return all.slice(t.startsWith('|') ? 1 : 0, t.endsWith('|') ? all.length - 1 : all.length);
}

function separatorOf(line: string): string | undefined {
  if (line.includes('\t')) return '\t';
  if (line.trimStart().startsWith('|')) return '|';
  return line.includes(',') ? ',' : undefined;
}

export function findTables(text: string, sink: Sink): void {
  let ls = 0;
  while (ls < text.length) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const columns = le - ls <= MAX_LINE ? header(text, ls, le) : undefined;
    ls = le + 1;
    if (!columns) continue;
    // The rows under the header: same separator and as many cells; a Markdown rule row is skipped.
    while (ls < text.length) {
      let re = text.indexOf('\n', ls);
      if (re < 0) re = text.length;
      if (re - ls > MAX_LINE) break;
      const line = text.slice(ls, re);
      if (columns.sep === '|' && MARKDOWN_RULE.test(line.trim())) {
        ls = re + 1;
        continue;
      }
      const row = separatorOf(line) === columns.sep ? rowCells(text, ls, re, columns.sep) : [];
      if (row.length !== columns.types.length) break;
      row.forEach((c, i) => {
        const type = columns.types[i];
        const v = text.slice(c.start, c.end);
        if (type && c.end > c.start && !EMPTY_VALUE.test(v) && !(type === 'DATE' && YEAR_ONLY.test(v))) sink(c.start, c.end, type, SCORE, `table.${type.toLowerCase()}`);
      });
      ls = re + 1;
    }
  }
}

/** A header line: every cell a short label, at least one naming an identifier. */
function header(text: string, start: number, end: number): { sep: string; types: (PhiType | undefined)[] } | undefined {
  const line = text.slice(start, end);
  // Prose (a sentence end, a number) is rejected before any splitting.
  if (line.length > 600 || PROSE.test(line)) return undefined;
  const sep = separatorOf(line);
  if (!sep) return undefined;
  const row = rowCells(text, start, end, sep);
  if (row.length < 2 || row.length > MAX_CELLS) return undefined;
  const labels = row.map((c) => text.slice(c.start, c.end));
  if (!labels.every((l) => HEADER_CELL.test(l))) return undefined;
  const known = labels.map((l) => fieldType(l));
  // A "Patient" column names people; "Name" alone only beside another identifier column (not in
  // "Name, Dose, Route").
  const others = known.filter(Boolean).length;
  const types = labels.map((l, i) => known[i] ?? (['patient', 'pt', 'resident', 'client'].includes(fieldKey(l)) || (others > 0 && fieldKey(l) === 'name') ? 'NAME' : undefined));
  // A table of places alone ("District", "City") is about places, not people: it needs a column
  // that identifies a person before its place columns count.
  return types.some((t) => t !== undefined && t !== 'LOCATION') ? { sep, types } : undefined;
}
