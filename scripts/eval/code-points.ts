/**
 * The PHI data files count offsets in Unicode code points; JavaScript strings index UTF-16 code
 * units. Shared by the PHI eval and the Korean-name training, which read the same files.
 */
export interface CodePointSpan { start: number; end: number; type?: string }

export function spansToUtf16<S extends CodePointSpan>(text: string, spans: S[]): S[] {
  // Only texts with astral characters differ; build a code point -> UTF-16 table once per text.
  if (!/[\ud800-\udfff]/.test(text)) return spans;
  const map: number[] = [];
  let u = 0;
  for (const ch of Array.from(text)) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return spans.map((s) => ({ ...s, start: map[s.start] ?? s.start, end: map[s.end] ?? s.end }));
}
