/**
 * Simulated unpickler for ONE pickle stream: runs every opcode against a stack of tagged values
 * and a memo, resolving imports however they are spelled (GLOBAL, STACK_GLOBAL with operands from
 * any string opcode or the memo, INST/OBJ, EXT*). Nothing is imported or executed. Work is linear
 * in the stream length; memory is bounded by the caps below, not by the input.
 */
import type { Reader } from './reader.js';
import { OP, opName } from './opcodes.js';
import { SCALAR, seq } from './values.js';
import { KEEP_STRING, SYNC_WINDOW, type StreamState } from './state.js';
import { OpcodeSteps } from './ops.js';

export { ParseError, MAX_NESTED, type Anomaly, type NestedRef, type StreamState } from './state.js';

export class PickleMachine extends OpcodeSteps {
  /** `level`: joblib object arrays nest whole pickle streams; bounded so crafted files cannot recurse without end. */
  constructor(r: Reader, state: StreamState, protected readonly level = 0) {
    super(r, state);
  }

  protected nestedStream(): PickleMachine {
    return new PickleMachine(this.r, this.state, this.level + 1);
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

}
