/**
 * The simulated unpickler's values: small tagged records shared by reference. The simulation
 * never copies a structure (memo-expansion bombs stay tiny) and tracks at most
 * MAX_TRACKED_ITEMS elements per container (enough for joblib shapes and state dicts).
 */
export const MAX_TRACKED_ITEMS = 32;

export interface ImportRec {
  readonly module: string;
  readonly name: string;
  readonly opcode: string;
  readonly offset: number;
  /** Opcodes that called or instantiated it (REDUCE, NEWOBJ, BUILD, OBJ, INST ...). */
  readonly uses: Set<string>;
  /** Module/name computed at load time (not literal strings): resolution impossible statically. */
  readonly dynamic: boolean;
}

export type Value =
  | { readonly t: 'str'; readonly s: string | null; readonly bytes: boolean }
  | { readonly t: 'int'; readonly v: bigint }
  | { readonly t: 'global'; readonly imp: ImportRec }
  | { readonly t: 'call'; readonly fn: Value; readonly args: Value }
  | { readonly t: 'obj'; readonly cls: Value; state: Value | null }
  /** `w`: logical node count if every shared reference were expanded (saturating float). */
  | { readonly t: 'seq'; readonly kind: 'tuple' | 'list' | 'set' | 'dict'; readonly items: Value[]; over: boolean; w: number }
  | { readonly t: 'scalar' }
  | { readonly t: 'ext'; readonly code: number }
  | { readonly t: 'persid' };

/** Stack/memo slot: plain text strings travel bare (no wrapper record) on the hot path. */
export type Slot = Value | string;

export const asValue = (x: Slot): Value => (typeof x === 'string' ? { t: 'str', s: x, bytes: false } : x);

export const SCALAR: Value = { t: 'scalar' };
export const UNTRACKED: Value = { t: 'scalar' };

const weight = (v: Slot): number => (typeof v !== 'string' && v.t === 'seq' ? v.w : 1);

function weightOf(items: readonly Slot[]): number {
  let w = 1;
  for (const it of items) w += weight(it);
  return w;
}

export function seq(kind: 'tuple' | 'list' | 'set' | 'dict', items: readonly Slot[]): Value {
  const over = items.length > MAX_TRACKED_ITEMS;
  const tracked = (over ? items.slice(0, MAX_TRACKED_ITEMS) : items).map(asValue);
  return { t: 'seq', kind, items: tracked, over, w: weightOf(items) };
}

/** Adds items to a container; returns its new logical weight (0 for non-containers). */
export function pushItems(target: Value, items: readonly Slot[]): number {
  if (target.t !== 'seq') return 0;
  target.w += weightOf(items) - 1;
  for (const it of items) {
    if (target.items.length >= MAX_TRACKED_ITEMS) {
      target.over = true;
      break;
    }
    target.items.push(asValue(it));
  }
  return target.w;
}

/** The import a value ultimately calls, following call results (getattr(x)(...) chains). */
export function rootImport(v: Value): ImportRec | null {
  let cur: Value = v;
  for (let i = 0; i < 64; i++) {
    if (cur.t === 'global') return cur.imp;
    if (cur.t === 'call') cur = cur.fn;
    else if (cur.t === 'obj') cur = cur.cls;
    else return null;
  }
  return null;
}

export function dictGet(d: Value, key: string): Value | undefined {
  if (d.t !== 'seq' || d.kind !== 'dict') return undefined;
  for (let i = 0; i + 1 < d.items.length; i += 2) {
    const k = d.items[i];
    if (k?.t === 'str' && k.s === key) return d.items[i + 1];
  }
  return undefined;
}
