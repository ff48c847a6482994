/**
 * Parser for the tiny Python literal subset .npy headers use: dicts, tuples, lists, strings,
 * ints, True/False/None. Linear, bounded nesting, never evaluates anything. Returns null on error.
 */
export type PyValue = string | number | boolean | null | PyValue[] | Map<string, PyValue>;

const MAX_DEPTH = 32;

export function parsePyLiteral(src: string): PyValue | null {
  let p = 0;
  const ws = (): void => { while (p < src.length && /\s/.test(src[p] as string)) p++; };
  const fail = (): never => { throw new SyntaxError('literal'); };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) fail();
    ws();
    const c = src[p];
    if (c === '{') {
      p++;
      const m = new Map<string, PyValue>();
      for (;;) {
        ws();
        if (src[p] === '}') { p++; return m; }
        const k = value(depth + 1);
        ws();
        if (typeof k !== 'string' || src[p] !== ':') fail();
        p++;
        m.set(k as string, value(depth + 1));
        ws();
        if (src[p] === ',') p++;
        else if (src[p] !== '}') fail();
      }
    }
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      p++;
      const items: PyValue[] = [];
      for (;;) {
        ws();
        if (src[p] === close) { p++; return items; }
        items.push(value(depth + 1));
        ws();
        if (src[p] === ',') p++;
        else if (src[p] !== close) fail();
      }
    }
    if (c === "'" || c === '"') {
      p++;
      let out = '';
      while (p < src.length && src[p] !== c) {
        if (src[p] === '\\') p++;
        out += src[p] ?? '';
        p++;
      }
      if (src[p] !== c) fail();
      p++;
      return out;
    }
    const m = /^(?:-?\d{1,30}L?|True|False|None)/.exec(src.slice(p, p + 40));
    if (m === null) return fail();
    p += m[0].length;
    const t = m[0];
    return t === 'True' ? true : t === 'False' ? false : t === 'None' ? null : Number(t.replace('L', ''));
  };
  try {
    const v = value(0);
    ws();
    return p === src.length ? v : null;
  } catch {
    return null;
  }
}
