/**
 * Simulated unpickler for ONE pickle stream: runs every opcode against a stack of tagged values
 * and a memo, resolving imports however they are spelled (GLOBAL, STACK_GLOBAL with operands from
 * any string opcode or the memo, INST/OBJ, EXT*). Nothing is imported or executed. Work is linear
 * in the stream length; memory is bounded by the caps below, not by the input.
 */
import type { Reader } from './reader.js';
import { OP, opName } from './opcodes.js';
import { SCALAR, UNTRACKED, asValue, dictGet, pushItems, rootImport, seq, type ImportRec, type Slot, type Value } from './values.js';
import { looksLikePickle, decodeBase64Pickle } from './sniff.js';
import { joblibArrayLayout } from './joblib.js';

/** Strings longer than this are not decoded (only sniffed): module/name operands are short. */
const KEEP_STRING = 4096;
const MAX_LINE = 64 * 1024 * 1024;
const MAX_STACK = 1 << 20;
const MAX_MEMO_TRACKED = 1 << 18;
const SNIFF = 64;
const EXPANSION_LIMIT = 2 ** 32;
/** Bytes kept buffered ahead of the hot loop: the largest operand it handles plus headers. */
const SYNC_WINDOW = KEEP_STRING + 16;
const MAX_IMPORTS = 4096;
export const MAX_NESTED = 64;

export interface Anomaly {
  readonly technique: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly offset: number;
  readonly explanation: string;
}

export type NestedRef =
  | { readonly kind: 'range'; readonly start: number; readonly length: number }
  | { readonly kind: 'bytes'; readonly offset: number; readonly bytes: Uint8Array; readonly via: string };

export class ParseError extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

export interface StreamState {
  readonly imports: ImportRec[];
  readonly importIndex: Map<string, ImportRec>;
  /** Set when a cap (imports, nested candidates) dropped something: the caller fails closed. */
  truncated: boolean;
  readonly anomalies: Anomaly[];
  readonly nested: NestedRef[];
  protocol: number;
  top: Value | null;
}

const dec = (b: Uint8Array, enc: 'utf8' | 'latin1'): string => Buffer.from(b.buffer, b.byteOffset, b.length).toString(enc);

function readLE(b: Uint8Array, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + (b[i] as number);
  return v;
}

function signedLong(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i] as number);
  if (((b[b.length - 1] as number) & 0x80) !== 0) v -= 1n << BigInt(8 * b.length);
  return v;
}

export class PickleMachine {
  private stack: Slot[] = [];
  private marks: number[] = [];
  private memo = new Map<number, Slot>();
  /** Text strings are kept bare (no wrapper record): far less retained garbage on huge memos. */
  private dense: Slot[] = [];
  private memoOverflow = false;
  /** len(memo) as the real unpickler sees it (MEMOIZE's implicit index), tracked or not. */
  private memoLen = 0;
  private frameEnd = -1;
  private bombReported = false;

  /** `level`: joblib object arrays nest whole pickle streams; bounded so crafted files cannot recurse without end. */
  constructor(private readonly r: Reader, readonly state: StreamState, private readonly level = 0) {}

  private pop(): Value {
    if (this.stack.length === 0) throw new ParseError(this.r.offset, 'stack underflow');
    return asValue(this.stack.pop() as Slot);
  }

  private push(v: Slot): void {
    if (this.stack.length >= MAX_STACK) throw new ParseError(this.r.offset, 'stack limit exceeded');
    this.stack.push(v);
  }

  private popMark(): Slot[] {
    const m = this.marks.pop();
    if (m === undefined) throw new ParseError(this.r.offset, 'MARK missing');
    return this.stack.splice(m);
  }

  private topRaw(): Slot {
    const v = this.stack[this.stack.length - 1];
    if (v === undefined) throw new ParseError(this.r.offset, 'stack underflow');
    return v;
  }

  private top(): Value {
    return asValue(this.topRaw());
  }

  private memoPut(i: number, v: Slot): void {
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

  private memoGet(i: number, at: number): Value {
    const v = i < this.dense.length ? this.dense[i] : this.memo.get(i);
    if (typeof v === 'string') return { t: 'str', s: v, bytes: false };
    if (v !== undefined) return v;
    if (this.memoOverflow) return UNTRACKED;
    throw new ParseError(at, 'memo slot missing');
  }

  private addImport(module: string, name: string, opcode: string, offset: number, dynamic: boolean): Value {
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

  private use(v: Value, opcode: string): void {
    const imp = rootImport(v);
    if (imp !== null) imp.uses.add(opcode);
  }

  /** Shared references let a tiny pickle describe 2^63 nodes; anything that copies them hangs. */
  private grew(weight: number, at: number): void {
    if (weight > EXPANSION_LIMIT && !this.bombReported) {
      this.bombReported = true;
      this.anomaly({ technique: 'pickle.expansion_bomb', severity: 'high', offset: at,
        explanation: 'memo references describe more than 2^32 logical objects (expansion bomb): copying or decompiling it exhausts memory' });
    }
  }

  /** _codecs.encode(text, 'latin1') is how pickle writes bytes; any other codec is a computed value. */
  private checkCodecs(fn: Extract<Value, { t: 'global' }>, args: Value, at: number): void {
    if (fn.imp.module !== '_codecs' || fn.imp.name !== 'encode') return;
    const codec = args.t === 'seq' ? args.items[1] : undefined;
    const name = codec?.t === 'str' ? codec.s?.toLowerCase() ?? null : null;
    if (name === 'latin1' || name === 'latin-1' || name === 'iso-8859-1') return;
    this.anomaly({ technique: 'pickle.codecs_unusual', severity: 'medium', offset: at,
      explanation: '_codecs.encode called with a codec other than latin1 (pickle only uses latin1 for bytes): a computed value' });
  }

  private pushNested(ref: NestedRef): void {
    if (this.state.nested.length < MAX_NESTED) this.state.nested.push(ref);
    else this.state.truncated = true;
  }

  private anomaly(a: Anomaly): void {
    if (this.state.anomalies.length < 64) this.state.anomalies.push(a);
  }

  /** A short operand already in memory: decode it, sniff it for an embedded (or base64) pickle. */
  private smallOperand(b: Uint8Array, start: number, bytes: boolean, enc: 'utf8' | 'latin1'): Value {
    const len = b.length;
    if (len >= 8 && looksLikePickle(b)) this.pushNested({ kind: 'range', start, length: len });
    const s = dec(b, enc);
    if (!bytes && len >= 16) {
      const inner = decodeBase64Pickle(s);
      if (inner !== null) this.pushNested({ kind: 'bytes', offset: start, bytes: inner, via: 'base64' });
    }
    return { t: 'str', s, bytes };
  }

  /** A string/bytes operand: keep short ones, sniff every one for an embedded pickle. */
  private async operand(len: number, bytes: boolean, enc: 'utf8' | 'latin1'): Promise<Value> {
    const start = this.r.offset;
    if (len > this.r.remaining) throw new ParseError(start, 'operand runs past end of data');
    if (len <= KEEP_STRING) return this.smallOperand(await this.r.take(len), start, bytes, enc);
    const head = await this.r.peek(SNIFF);
    if (looksLikePickle(head)) this.pushNested({ kind: 'range', start, length: len });
    else if (!bytes && /^[A-Za-z0-9+/]{16}/.test(dec(head.subarray(0, 16), 'latin1'))) {
      // Large base64 text: only decode it when its head decodes to a pickle.
      if (decodeBase64Pickle(dec(head.subarray(0, 64 - (64 % 4)), 'latin1')) !== null && len <= 64 * 1024 * 1024) {
        const text = dec(await this.r.take(len), 'latin1');
        const inner = decodeBase64Pickle(text);
        if (inner !== null) this.pushNested({ kind: 'bytes', offset: start, bytes: inner, via: 'base64' });
        return { t: 'str', s: null, bytes };
      }
    }
    this.r.skip(len);
    return { t: 'str', s: null, bytes };
  }

  private async lineText(keep: number): Promise<string | null> {
    const { bytes } = await this.r.line(keep, MAX_LINE);
    return bytes === null ? null : dec(bytes, 'latin1');
  }

  private async globalOperands(opcode: string, at: number): Promise<Value> {
    const module = await this.lineText(1024);
    const name = await this.lineText(1024);
    if (module === null || name === null) throw new ParseError(at, `${opcode} operand too long`);
    return this.addImport(module.trim(), name.trim(), opcode, at, false);
  }

  /** Runs to STOP. Returns normally on STOP; throws ParseError / TruncatedError otherwise. */
  async run(): Promise<void> {
    const r = this.r;
    for (;;) {
      if (r.buffered < SYNC_WINDOW && r.remaining > r.buffered) await r.ensure(Math.min(SYNC_WINDOW, r.remaining));
      // Hot loop: opcodes whose operands are already buffered run without awaiting.
      while (r.buffered > 0 && (r.buffered >= SYNC_WINDOW || r.remaining === r.buffered)) {
        const at = r.offset;
        const op = r.peekByteSync();
        if (!this.stepSync(op, at)) break;
        if (this.afterOp(op, at)) return;
      }
      if (r.buffered < SYNC_WINDOW && r.remaining > r.buffered) continue;
      const at = r.offset;
      const op = await r.u8();
      await this.step(op, at);
      if (this.afterOp(op, at)) return;
    }
  }

  /** Frame bookkeeping after each opcode; true on STOP. */
  private afterOp(op: number, at: number): boolean {
    const end = this.r.offset;
    if (this.frameEnd >= 0) {
      if (at < this.frameEnd && end > this.frameEnd) {
        this.anomaly({ technique: 'pickle.frame_straddle', severity: 'high', offset: at,
          explanation: `${opName(op)} straddles the end of its FRAME: loaders that honour frames read different opcodes than a plain parser (parser differential)` });
        this.frameEnd = -1;
      } else if (end === this.frameEnd) this.frameEnd = -1;
    }
    return op === OP.STOP;
  }

  /**
   * The common opcodes, synchronously, when their operands are buffered (the caller guarantees
   * SYNC_WINDOW bytes or the rest of the data). Returns false, consuming nothing, otherwise.
   */
  private stepSync(op: number, at: number): boolean {
    const r = this.r;
    const avail = r.buffered;
    switch (op) {
      case OP.MARK: r.advanceSync(1); this.marks.push(this.stack.length); return true;
      case OP.EMPTY_DICT: r.advanceSync(1); this.push(seq('dict', [])); return true;
      case OP.EMPTY_LIST: r.advanceSync(1); this.push(seq('list', [])); return true;
      case OP.EMPTY_TUPLE: r.advanceSync(1); this.push(seq('tuple', [])); return true;
      case OP.NONE: case OP.NEWTRUE: case OP.NEWFALSE: r.advanceSync(1); this.push(SCALAR); return true;
      case OP.BINFLOAT: if (avail < 9) return false; r.advanceSync(9); this.push(SCALAR); return true;
      case OP.BININT1: if (avail < 2) return false; this.push({ t: 'int', v: BigInt(r.byteAtSync(1)) }); r.advanceSync(2); return true;
      case OP.BININT2: if (avail < 3) return false; this.push({ t: 'int', v: BigInt(r.byteAtSync(1) | (r.byteAtSync(2) << 8)) }); r.advanceSync(3); return true;
      case OP.BININT: {
        if (avail < 5) return false;
        const v = r.byteAtSync(1) | (r.byteAtSync(2) << 8) | (r.byteAtSync(3) << 16) | (r.byteAtSync(4) << 24);
        r.advanceSync(5);
        this.push({ t: 'int', v: BigInt(v) });
        return true;
      }
      case OP.SHORT_BINUNICODE: case OP.SHORT_BINBYTES: case OP.SHORT_BINSTRING: {
        if (avail < 2) return false;
        const len = r.byteAtSync(1);
        if (avail < 2 + len) return false;
        r.advanceSync(2);
        const start = r.offset;
        const bytes = op === OP.SHORT_BINBYTES;
        // Short keys cannot hold a pickle or base64 of one: decode straight from the buffer.
        if (len < 8 || (len < 16 && !bytes && r.byteAtSync(0) !== 0x80 && r.byteAtSync(0) !== 0x63 && r.byteAtSync(0) !== 0x28 && r.byteAtSync(0) !== 0x69 && r.byteAtSync(0) !== 0x7d && r.byteAtSync(0) !== 0x5d)) {
          const text = r.textSync(len, op === OP.SHORT_BINUNICODE ? (r.asciiSync(len) ? 'latin1' : 'utf8') : 'latin1');
          this.push(bytes ? { t: 'str', s: text, bytes } : text);
          return true;
        }
        this.push(this.smallOperand(r.takeSync(len), start, bytes, op === OP.SHORT_BINUNICODE ? 'utf8' : 'latin1'));
        return true;
      }
      case OP.BINUNICODE: case OP.BINBYTES: {
        if (avail < 5) return false;
        const len = (r.byteAtSync(1) | (r.byteAtSync(2) << 8) | (r.byteAtSync(3) << 16) | (r.byteAtSync(4) << 24)) >>> 0;
        if (len > KEEP_STRING || avail < 5 + len) return false;
        r.advanceSync(5);
        const start = r.offset;
        this.push(this.smallOperand(r.takeSync(len), start, op === OP.BINBYTES, op === OP.BINUNICODE ? 'utf8' : 'latin1'));
        return true;
      }
      case OP.MEMOIZE: r.advanceSync(1); this.memoPut(this.memoLen, this.topRaw()); return true;
      case OP.BINPUT: if (avail < 2) return false; this.memoPut(r.byteAtSync(1), this.topRaw()); r.advanceSync(2); return true;
      case OP.BINGET: if (avail < 2) return false; this.push(this.memoGet(r.byteAtSync(1), at)); r.advanceSync(2); return true;
      case OP.LONG_BINPUT: case OP.LONG_BINGET: {
        if (avail < 5) return false;
        const i = (r.byteAtSync(1) | (r.byteAtSync(2) << 8) | (r.byteAtSync(3) << 16) | (r.byteAtSync(4) << 24)) >>> 0;
        if (op === OP.LONG_BINPUT) this.memoPut(i, this.topRaw());
        else this.push(this.memoGet(i, at));
        r.advanceSync(5);
        return true;
      }
      case OP.APPEND: case OP.APPENDS: case OP.SETITEM: case OP.SETITEMS: case OP.ADDITEMS:
      case OP.TUPLE: case OP.TUPLE1: case OP.TUPLE2: case OP.TUPLE3: case OP.LIST: case OP.DICT: case OP.FROZENSET:
      case OP.POP: case OP.POP_MARK: case OP.DUP: case OP.STACK_GLOBAL: case OP.REDUCE: case OP.NEWOBJ: case OP.OBJ:
      case OP.STOP:
        r.advanceSync(1);
        this.simple(op, at);
        return true;
      default:
        return false;
    }
  }

  /** Opcodes without operands: pure stack work, always synchronous. Returns false for any other opcode. */
  private simple(op: number, at: number): boolean {
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

  private async step(op: number, at: number): Promise<void> {
    const r = this.r;
    if (this.simple(op, at)) return;
    switch (op) {
      case OP.PROTO: this.state.protocol = await r.u8(); return;
      case OP.FRAME: {
        const len = readLE(await r.take(8), 8);
        if (this.frameEnd >= 0 && at < this.frameEnd) {
          this.anomaly({ technique: 'pickle.frame_nested', severity: 'high', offset: at, explanation: 'FRAME opcode inside another frame' });
        }
        this.frameEnd = r.offset + len;
        return;
      }
      case OP.MARK: this.marks.push(this.stack.length); return;
      case OP.EMPTY_TUPLE: this.push(seq('tuple', [])); return;
      case OP.EMPTY_LIST: this.push(seq('list', [])); return;
      case OP.EMPTY_DICT: this.push(seq('dict', [])); return;
      case OP.EMPTY_SET: this.push(seq('set', [])); return;
      case OP.NONE: case OP.NEWTRUE: case OP.NEWFALSE: this.push(SCALAR); return;
      case OP.BINFLOAT: r.skip(8); this.push(SCALAR); return;
      case OP.BININT: this.push({ t: 'int', v: BigInt((await r.take(4)).reduceRight((a, b) => a * 256 + b, 0) | 0) }); return;
      case OP.BININT1: this.push({ t: 'int', v: BigInt(await r.u8()) }); return;
      case OP.BININT2: this.push({ t: 'int', v: BigInt(readLE(await r.take(2), 2)) }); return;
      case OP.LONG1: this.push({ t: 'int', v: signedLong(await r.take(await r.u8())) }); return;
      case OP.LONG4: {
        const n = readLE(await r.take(4), 4);
        if (n > 1 << 16) { r.skip(n); this.push(SCALAR); } else this.push({ t: 'int', v: signedLong(await r.take(n)) });
        return;
      }
      case OP.INT: case OP.LONG: {
        const text = (await this.lineText(4096)) ?? '';
        const m = /^\s*(-?\d{1,300})L?\s*$/.exec(text);
        this.push(m?.[1] !== undefined ? { t: 'int', v: BigInt(m[1]) } : SCALAR);
        return;
      }
      case OP.FLOAT: await r.line(0, MAX_LINE); this.push(SCALAR); return;
      case OP.STRING: {
        const text = await this.lineText(KEEP_STRING);
        this.push({ t: 'str', s: text === null ? null : unquote(text), bytes: false });
        return;
      }
      case OP.UNICODE: {
        const text = await this.lineText(KEEP_STRING);
        this.push({ t: 'str', s: text === null ? null : unescapeRaw(text), bytes: false });
        return;
      }
      case OP.BINSTRING: this.push(await this.operand(readLE(await r.take(4), 4), false, 'latin1')); return;
      case OP.SHORT_BINSTRING: this.push(await this.operand(await r.u8(), false, 'latin1')); return;
      case OP.BINUNICODE: this.push(await this.operand(readLE(await r.take(4), 4), false, 'utf8')); return;
      case OP.SHORT_BINUNICODE: this.push(await this.operand(await r.u8(), false, 'utf8')); return;
      case OP.BINUNICODE8: this.push(await this.operand(readLE(await r.take(8), 8), false, 'utf8')); return;
      case OP.BINBYTES: this.push(await this.operand(readLE(await r.take(4), 4), true, 'latin1')); return;
      case OP.SHORT_BINBYTES: this.push(await this.operand(await r.u8(), true, 'latin1')); return;
      case OP.BINBYTES8: case OP.BYTEARRAY8: this.push(await this.operand(readLE(await r.take(8), 8), true, 'latin1')); return;
      case OP.NEXT_BUFFER: this.push(SCALAR); return;
      case OP.READONLY_BUFFER: this.top(); return;
      case OP.GET: this.push(this.memoGet(Number((await this.lineText(64)) ?? NaN), at)); return;
      case OP.BINGET: this.push(this.memoGet(await r.u8(), at)); return;
      case OP.LONG_BINGET: this.push(this.memoGet(readLE(await r.take(4), 4), at)); return;
      case OP.PUT: this.memoPut(Number((await this.lineText(64)) ?? NaN), this.topRaw()); return;
      case OP.BINPUT: this.memoPut(await r.u8(), this.topRaw()); return;
      case OP.LONG_BINPUT: this.memoPut(readLE(await r.take(4), 4), this.topRaw()); return;
      case OP.MEMOIZE: this.memoPut(this.memoLen, this.topRaw()); return;
      case OP.GLOBAL: this.push(await this.globalOperands('GLOBAL', at)); return;
      case OP.INST: {
        const cls = await this.globalOperands('INST', at);
        const args = this.popMark();
        this.use(cls, 'INST');
        this.push({ t: 'call', fn: cls, args: seq('tuple', args) });
        return;
      }
      case OP.NEWOBJ_EX: { this.pop(); this.pop(); const cls = this.pop(); this.use(cls, 'NEWOBJ_EX'); this.push({ t: 'obj', cls, state: null }); return; }
      case OP.BUILD: {
        const st = this.pop();
        const target = this.top();
        this.use(target, 'BUILD');
        if (target.t === 'obj') target.state = st;
        await this.afterBuild(target, at);
        return;
      }
      case OP.EXT1: case OP.EXT2: case OP.EXT4: {
        const code = op === OP.EXT1 ? await r.u8() : readLE(await r.take(op === OP.EXT2 ? 2 : 4), op === OP.EXT2 ? 2 : 4);
        this.anomaly({ technique: 'pickle.extension_registry', severity: 'high', offset: at,
          explanation: `${opName(op)} resolves a callable from the process-wide copyreg extension registry (code ${code}); it cannot be resolved statically` });
        this.push({ t: 'ext', code });
        return;
      }
      case OP.PERSID: await r.line(0, MAX_LINE); this.push({ t: 'persid' }); return;
      case OP.BINPERSID: this.pop(); this.push({ t: 'persid' }); return;
      default:
        throw new ParseError(at, `unknown opcode ${opName(op)}`);
    }
  }

  /** joblib writes raw array bytes right after a NumpyArrayWrapper's BUILD; its unpickler reads them there. */
  private async afterBuild(target: Value, at: number): Promise<void> {
    const imp = rootImport(target);
    if (imp === null || target.t !== 'obj' || imp.name !== 'NumpyArrayWrapper' || !imp.module.startsWith('joblib')) return;
    const layout = joblibArrayLayout(target.state);
    if (layout === null) throw new ParseError(at, 'joblib NumpyArrayWrapper with an unreadable shape/dtype');
    if (layout.kind === 'pickle') {
      // Object arrays are a whole nested pickle stream at this position.
      if (this.level >= 16) throw new ParseError(at, 'joblib object arrays nested too deeply');
      const inner = new PickleMachine(this.r, this.state, this.level + 1);
      await inner.run();
      this.stack[this.stack.length - 1] = SCALAR;
      return;
    }
    if (layout.alignment !== null) {
      const pad = await this.r.u8();
      this.r.skip(pad);
    }
    if (layout.bytes > this.r.remaining) throw new ParseError(at, 'joblib array bytes run past end of data');
    this.r.skip(layout.bytes);
    this.stack[this.stack.length - 1] = SCALAR;
  }

  /** Used by callers that inspect the final value (legacy torch magic number). */
  static dictGet = dictGet;
}

function unquote(text: string): string {
  const t = text.trim();
  const q = t[0];
  if ((q === "'" || q === '"') && t.endsWith(q) && t.length >= 2) {
    return t.slice(1, -1).replace(/\\x([0-9a-fA-F]{2})|\\(['"\\nrt])/g, (_m, hex: string | undefined, c: string | undefined) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : (c ?? ''));
  }
  return t;
}

function unescapeRaw(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, a: string | undefined, b: string | undefined) =>
    String.fromCodePoint(parseInt(a ?? b ?? '0', 16)));
}
