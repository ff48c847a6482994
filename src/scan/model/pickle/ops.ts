/**
 * Every opcode, asynchronously (operands may need more reads): the complete reference path. The
 * hot loop in machine.ts handles the common opcodes synchronously and falls back to this.
 */
import { OP, opName } from './opcodes.js';
import { SCALAR, rootImport, seq, type Value } from './values.js';
import { looksLikePickle, decodeBase64Pickle } from './sniff.js';
import { joblibArrayLayout } from './joblib.js';
import { dec, readLE, signedLong, unescapeRaw, unquote } from './operands.js';
import { KEEP_STRING, MAX_LINE, SNIFF, ParseError } from './state.js';
import { Simulation } from './sim.js';

export abstract class OpcodeSteps extends Simulation {
  /** A fresh machine on the same reader for a nested stream (joblib object arrays). */
  protected abstract nestedStream(): { run(): Promise<void> };
  protected abstract readonly level: number;

  /** A string/bytes operand: keep short ones, sniff every one for an embedded pickle. */
  protected async operand(len: number, bytes: boolean, enc: 'utf8' | 'latin1'): Promise<Value> {
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

  protected async lineText(keep: number): Promise<string | null> {
    const { bytes } = await this.r.line(keep, MAX_LINE);
    return bytes === null ? null : dec(bytes, 'latin1');
  }

  protected async globalOperands(opcode: string, at: number): Promise<Value> {
    const module = await this.lineText(1024);
    const name = await this.lineText(1024);
    if (module === null || name === null) throw new ParseError(at, `${opcode} operand too long`);
    return this.addImport(module.trim(), name.trim(), opcode, at, false);
  }



  protected async step(op: number, at: number): Promise<void> {
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
  protected async afterBuild(target: Value, at: number): Promise<void> {
    const imp = rootImport(target);
    if (imp === null || target.t !== 'obj' || imp.name !== 'NumpyArrayWrapper' || !imp.module.startsWith('joblib')) return;
    const layout = joblibArrayLayout(target.state);
    if (layout === null) throw new ParseError(at, 'joblib NumpyArrayWrapper with an unreadable shape/dtype');
    if (layout.kind === 'pickle') {
      // Object arrays are a whole nested pickle stream at this position.
      if (this.level >= 16) throw new ParseError(at, 'joblib object arrays nested too deeply');
      const inner = this.nestedStream();
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

}
