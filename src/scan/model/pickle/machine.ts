/**
 * Simulated unpickler for ONE pickle stream: runs every opcode against a stack of tagged values
 * and a memo, resolving imports however they are spelled (GLOBAL, STACK_GLOBAL with operands from
 * any string opcode or the memo, INST/OBJ, EXT*). Nothing is imported or executed. Work is linear
 * in the stream length; memory is bounded by the caps below, not by the input.
 */
import type { Reader } from './reader.js';
import { OP, opName } from './opcodes.js';
import { SCALAR, UNTRACKED, dictGet, pushItems, rootImport, seq, type ImportRec, type Value } from './values.js';
import { looksLikePickle, decodeBase64Pickle } from './sniff.js';
import { joblibArrayLayout } from './joblib.js';

/** Strings longer than this are not decoded (only sniffed): module/name operands are short. */
const KEEP_STRING = 4096;
const MAX_LINE = 64 * 1024 * 1024;
const MAX_STACK = 1 << 20;
const MAX_MEMO_TRACKED = 1 << 18;
const SNIFF = 64;
const EXPANSION_LIMIT = 2 ** 32;

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
  private stack: Value[] = [];
  private marks: number[] = [];
  private memo = new Map<number, Value>();
  private memoOverflow = false;
  /** len(memo) as the real unpickler sees it (MEMOIZE's implicit index), tracked or not. */
  private memoLen = 0;
  private frameEnd = -1;
  private bombReported = false;

  constructor(private readonly r: Reader, readonly state: StreamState) {}

  private pop(): Value {
    if (this.stack.length === 0) throw new ParseError(this.r.offset, 'stack underflow');
    return this.stack.pop() as Value;
  }

  private push(v: Value): void {
    if (this.stack.length >= MAX_STACK) throw new ParseError(this.r.offset, 'stack limit exceeded');
    this.stack.push(v);
  }

  private popMark(): Value[] {
    const m = this.marks.pop();
    if (m === undefined) throw new ParseError(this.r.offset, 'MARK missing');
    return this.stack.splice(m);
  }

  private top(): Value {
    const v = this.stack[this.stack.length - 1];
    if (v === undefined) throw new ParseError(this.r.offset, 'stack underflow');
    return v;
  }

  private memoPut(i: number, v: Value): void {
    if (!this.memo.has(i)) this.memoLen++;
    if (this.memo.size >= MAX_MEMO_TRACKED && !this.memo.has(i)) {
      this.memoOverflow = true;
      return;
    }
    this.memo.set(i, v);
  }

  private memoGet(i: number, at: number): Value {
    const v = this.memo.get(i);
    if (v !== undefined) return v;
    if (this.memoOverflow) return UNTRACKED;
    throw new ParseError(at, 'memo slot missing');
  }

  private addImport(module: string, name: string, opcode: string, offset: number, dynamic: boolean): Value {
    const imp: ImportRec = { module, name, opcode, offset, uses: new Set(), dynamic };
    this.state.imports.push(imp);
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

  private anomaly(a: Anomaly): void {
    if (this.state.anomalies.length < 64) this.state.anomalies.push(a);
  }

  /** A string/bytes operand: keep short ones, sniff every one for an embedded pickle. */
  private async operand(len: number, bytes: boolean, enc: 'utf8' | 'latin1'): Promise<Value> {
    const start = this.r.offset;
    if (len > this.r.remaining) throw new ParseError(start, 'operand runs past end of data');
    if (len <= KEEP_STRING) {
      const b = await this.r.take(len);
      if (len >= 8 && looksLikePickle(b)) this.state.nested.push({ kind: 'range', start, length: len });
      const s = dec(b, enc);
      if (!bytes && len >= 16) {
        const inner = decodeBase64Pickle(s);
        if (inner !== null) this.state.nested.push({ kind: 'bytes', offset: start, bytes: inner, via: 'base64' });
      }
      return { t: 'str', s, bytes };
    }
    const head = await this.r.peek(SNIFF);
    if (looksLikePickle(head)) this.state.nested.push({ kind: 'range', start, length: len });
    else if (!bytes && /^[A-Za-z0-9+/]{16}/.test(dec(head.subarray(0, 16), 'latin1'))) {
      // Large base64 text: only decode it when its head decodes to a pickle.
      if (decodeBase64Pickle(dec(head.subarray(0, 64 - (64 % 4)), 'latin1')) !== null && len <= 64 * 1024 * 1024) {
        const text = dec(await this.r.take(len), 'latin1');
        const inner = decodeBase64Pickle(text);
        if (inner !== null) this.state.nested.push({ kind: 'bytes', offset: start, bytes: inner, via: 'base64' });
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
      const at = r.offset;
      if (this.frameEnd >= 0 && at === this.frameEnd) this.frameEnd = -1;
      const op = await r.u8();
      await this.step(op, at);
      if (this.frameEnd >= 0 && at < this.frameEnd && r.offset > this.frameEnd) {
        this.anomaly({ technique: 'pickle.frame_straddle', severity: 'high', offset: at,
          explanation: `${opName(op)} straddles the end of its FRAME: loaders that honour frames read different opcodes than a plain parser (parser differential)` });
        this.frameEnd = -1;
      }
      if (op === OP.STOP) return;
    }
  }

  private async step(op: number, at: number): Promise<void> {
    const r = this.r;
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
      case OP.STOP: this.state.top = this.stack.length > 0 ? this.top() : null; return;
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
      case OP.APPEND: { const v = this.pop(); this.grew(pushItems(this.top(), [v]), at); return; }
      case OP.APPENDS: case OP.SETITEMS: case OP.ADDITEMS: { const items = this.popMark(); this.grew(pushItems(this.top(), items), at); return; }
      case OP.SETITEM: { const v = this.pop(); const k = this.pop(); this.grew(pushItems(this.top(), [k, v]), at); return; }
      case OP.LIST: this.push(seq('list', this.popMark())); return;
      case OP.TUPLE: this.push(seq('tuple', this.popMark())); return;
      case OP.DICT: this.push(seq('dict', this.popMark())); return;
      case OP.FROZENSET: this.push(seq('set', this.popMark())); return;
      case OP.TUPLE1: this.push(seq('tuple', [this.pop()])); return;
      case OP.TUPLE2: { const b = this.pop(); const a = this.pop(); this.push(seq('tuple', [a, b])); return; }
      case OP.TUPLE3: { const c = this.pop(); const b = this.pop(); const a = this.pop(); this.push(seq('tuple', [a, b, c])); return; }
      case OP.POP: if (this.stack.length > 0) this.pop(); else this.popMark(); return;
      case OP.POP_MARK: this.popMark(); return;
      case OP.DUP: this.push(this.top()); return;
      case OP.GET: this.push(this.memoGet(Number((await this.lineText(64)) ?? NaN), at)); return;
      case OP.BINGET: this.push(this.memoGet(await r.u8(), at)); return;
      case OP.LONG_BINGET: this.push(this.memoGet(readLE(await r.take(4), 4), at)); return;
      case OP.PUT: this.memoPut(Number((await this.lineText(64)) ?? NaN), this.top()); return;
      case OP.BINPUT: this.memoPut(await r.u8(), this.top()); return;
      case OP.LONG_BINPUT: this.memoPut(readLE(await r.take(4), 4), this.top()); return;
      case OP.MEMOIZE: this.memoPut(this.memoLen, this.top()); return;
      case OP.GLOBAL: this.push(await this.globalOperands('GLOBAL', at)); return;
      case OP.STACK_GLOBAL: {
        const name = this.pop();
        const module = this.pop();
        const ok = module.t === 'str' && name.t === 'str' && module.s !== null && name.s !== null;
        this.push(ok ? this.addImport(module.s as string, name.s as string, 'STACK_GLOBAL', at, false)
          : this.addImport('?', '?', 'STACK_GLOBAL', at, true));
        return;
      }
      case OP.INST: {
        const cls = await this.globalOperands('INST', at);
        const args = this.popMark();
        this.use(cls, 'INST');
        this.push({ t: 'call', fn: cls, args: seq('tuple', args) });
        return;
      }
      case OP.OBJ: {
        const items = this.popMark();
        const cls = items.shift();
        if (cls === undefined) throw new ParseError(at, 'OBJ without class');
        this.use(cls, 'OBJ');
        this.push({ t: 'call', fn: cls, args: seq('tuple', items) });
        return;
      }
      case OP.REDUCE: {
        const args = this.pop();
        const fn = this.pop();
        this.use(fn, 'REDUCE');
        this.push({ t: 'call', fn, args });
        return;
      }
      case OP.NEWOBJ: { this.pop(); const cls = this.pop(); this.use(cls, 'NEWOBJ'); this.push({ t: 'obj', cls, state: null }); return; }
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
      const inner = new PickleMachine(this.r, this.state);
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
