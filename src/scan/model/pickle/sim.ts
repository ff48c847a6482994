/**
 * The simulated unpickler's data side: stack, marks, memo, imports and anomalies, plus the opcodes
 * that are pure stack work. Values are small tagged records shared by reference, never copied.
 */
import { OP } from './opcodes.js';
import { UNTRACKED, asValue, pushItems, rootImport, seq, type ImportRec, type Slot, type Value } from './values.js';
import { looksLikePickle, decodeBase64Pickle } from './sniff.js';
import { dec } from './operands.js';
import { EXPANSION_LIMIT, MAX_IMPORTS, MAX_MEMO_TRACKED, MAX_NESTED, MAX_STACK, ParseError, type Anomaly, type NestedRef, type StreamState } from './state.js';
import type { Reader } from './reader.js';

export class Simulation {
  protected stack: Slot[] = [];
  protected marks: number[] = [];
  protected memo = new Map<number, Slot>();
  /** Text strings are kept bare (no wrapper record): far less retained garbage on huge memos. */
  protected dense: Slot[] = [];
  protected memoOverflow = false;
  /** len(memo) as the real unpickler sees it (MEMOIZE's implicit index), tracked or not. */
  protected memoLen = 0;
  protected frameEnd = -1;
  protected bombReported = false;

  /** `level`: joblib object arrays nest whole pickle streams; bounded so crafted files cannot recurse without end. */
  constructor(protected readonly r: Reader, readonly state: StreamState) {}

  protected pop(): Value {
    if (this.stack.length === 0) throw new ParseError(this.r.offset, 'stack underflow');
    return asValue(this.stack.pop() as Slot);
  }

  protected push(v: Slot): void {
    if (this.stack.length >= MAX_STACK) throw new ParseError(this.r.offset, 'stack limit exceeded');
    this.stack.push(v);
  }

  protected popMark(): Slot[] {
    const m = this.marks.pop();
    if (m === undefined) throw new ParseError(this.r.offset, 'MARK missing');
    return this.stack.splice(m);
  }

  protected topRaw(): Slot {
    const v = this.stack[this.stack.length - 1];
    if (v === undefined) throw new ParseError(this.r.offset, 'stack underflow');
    return v;
  }

  protected top(): Value {
    return asValue(this.topRaw());
  }

  protected memoPut(i: number, v: Slot): void {
    // MEMOIZE indices are dense: an array is much cheaper than a Map on opcode-dense pickles.
    if (i === this.dense.length && i < MAX_MEMO_TRACKED) {
      this.dense.push(typeof v !== 'string' && v.t === 'str' && !v.bytes && v.s !== null ? v.s : v);
      this.memoLen++;
      return;
    }
    if (i < this.dense.length) {
      this.dense[i] = v;
      return;
    }
    if (!this.memo.has(i)) this.memoLen++;
    if (this.memo.size + this.dense.length >= MAX_MEMO_TRACKED && !this.memo.has(i)) {
      this.memoOverflow = true;
      return;
    }
    this.memo.set(i, v);
  }

  protected memoGet(i: number, at: number): Value {
    const v = i < this.dense.length ? this.dense[i] : this.memo.get(i);
    if (typeof v === 'string') return { t: 'str', s: v, bytes: false };
    if (v !== undefined) return v;
    if (this.memoOverflow) return UNTRACKED;
    throw new ParseError(at, 'memo slot missing');
  }

  protected addImport(module: string, name: string, opcode: string, offset: number, dynamic: boolean): Value {
    // One record per distinct import keeps memory flat when a pickle repeats GLOBAL millions of times.
    const key = dynamic ? null : `${module}\n${name}`;
    const known = key === null ? undefined : this.state.importIndex.get(key);
    if (known !== undefined) return { t: 'global', imp: known };
    const imp: ImportRec = { module, name, opcode, offset, uses: new Set(), dynamic };
    if (this.state.imports.length < MAX_IMPORTS) {
      this.state.imports.push(imp);
      if (key !== null) this.state.importIndex.set(key, imp);
    } else this.state.truncated = true;
    return { t: 'global', imp };
  }

  protected use(v: Value, opcode: string): void {
    const imp = rootImport(v);
    if (imp !== null) imp.uses.add(opcode);
  }

  /** Shared references let a tiny pickle describe 2^63 nodes; anything that copies them hangs. */
  protected grew(weight: number, at: number): void {
    if (weight > EXPANSION_LIMIT && !this.bombReported) {
      this.bombReported = true;
      this.anomaly({ technique: 'pickle.expansion_bomb', severity: 'high', offset: at,
        explanation: 'memo references describe more than 2^32 logical objects (expansion bomb): copying or decompiling it exhausts memory' });
    }
  }

  /** _codecs.encode(text, 'latin1') is how pickle writes bytes; any other codec is a computed value. */
  protected checkCodecs(fn: Extract<Value, { t: 'global' }>, args: Value, at: number): void {
    if (fn.imp.module !== '_codecs' || fn.imp.name !== 'encode') return;
    const codec = args.t === 'seq' ? args.items[1] : undefined;
    const name = codec?.t === 'str' ? codec.s?.toLowerCase() ?? null : null;
    if (name === 'latin1' || name === 'latin-1' || name === 'iso-8859-1') return;
    this.anomaly({ technique: 'pickle.codecs_unusual', severity: 'medium', offset: at,
      explanation: '_codecs.encode called with a codec other than latin1 (pickle only uses latin1 for bytes): a computed value' });
  }

  protected pushNested(ref: NestedRef): void {
    if (this.state.nested.length < MAX_NESTED) this.state.nested.push(ref);
    else this.state.truncated = true;
  }

  protected anomaly(a: Anomaly): void {
    if (this.state.anomalies.length < 64) this.state.anomalies.push(a);
  }

  /** A short operand already in memory: decode it, sniff it for an embedded (or base64) pickle. */
  protected smallOperand(b: Uint8Array, start: number, bytes: boolean, enc: 'utf8' | 'latin1'): Value {
    const len = b.length;
    if (len >= 8 && looksLikePickle(b)) this.pushNested({ kind: 'range', start, length: len });
    const s = dec(b, enc);
    if (!bytes && len >= 16) {
      const inner = decodeBase64Pickle(s);
      if (inner !== null) this.pushNested({ kind: 'bytes', offset: start, bytes: inner, via: 'base64' });
    }
    return { t: 'str', s, bytes };
  }


  /** Opcodes without operands: pure stack work, always synchronous. Returns false for any other opcode. */
  protected simple(op: number, at: number): boolean {
    switch (op) {
      case OP.STOP: this.state.top = this.stack.length > 0 ? this.top() : null; return true;
      case OP.APPEND: { const v = this.pop(); this.grew(pushItems(this.top(), [v]), at); return true; }
      case OP.APPENDS: case OP.SETITEMS: case OP.ADDITEMS: { const items = this.popMark(); this.grew(pushItems(this.top(), items), at); return true; }
      case OP.SETITEM: { const v = this.pop(); const k = this.pop(); this.grew(pushItems(this.top(), [k, v]), at); return true; }
      case OP.LIST: this.push(seq('list', this.popMark())); return true;
      case OP.TUPLE: this.push(seq('tuple', this.popMark())); return true;
      case OP.DICT: this.push(seq('dict', this.popMark())); return true;
      case OP.FROZENSET: this.push(seq('set', this.popMark())); return true;
      case OP.TUPLE1: this.push(seq('tuple', [this.pop()])); return true;
      case OP.TUPLE2: { const b = this.pop(); const a = this.pop(); this.push(seq('tuple', [a, b])); return true; }
      case OP.TUPLE3: { const c = this.pop(); const b = this.pop(); const a = this.pop(); this.push(seq('tuple', [a, b, c])); return true; }
      case OP.POP: if (this.stack.length > 0) this.pop(); else this.popMark(); return true;
      case OP.POP_MARK: this.popMark(); return true;
      case OP.DUP: this.push(this.topRaw()); return true;
      case OP.NEWOBJ: { this.pop(); const cls = this.pop(); this.use(cls, 'NEWOBJ'); this.push({ t: 'obj', cls, state: null }); return true; }
      case OP.STACK_GLOBAL: {
        const name = this.pop();
        const module = this.pop();
        const ok = module.t === 'str' && name.t === 'str' && module.s !== null && name.s !== null;
        this.push(ok ? this.addImport(module.s as string, name.s as string, 'STACK_GLOBAL', at, false)
          : this.addImport('?', '?', 'STACK_GLOBAL', at, true));
        return true;
      }
      case OP.OBJ: {
        const items = this.popMark();
        const first = items.shift();
        if (first === undefined) throw new ParseError(at, 'OBJ without class');
        const cls = asValue(first);
        this.use(cls, 'OBJ');
        this.push({ t: 'call', fn: cls, args: seq('tuple', items) });
        return true;
      }
      case OP.REDUCE: {
        const args = this.pop();
        const fn = this.pop();
        this.use(fn, 'REDUCE');
        if (fn.t === 'global') this.checkCodecs(fn, args, at);
        this.push({ t: 'call', fn, args });
        return true;
      }
      default:
        return false;
    }
  }
}
