/** bzip2 through seek-bzip (pure JS). It decodes from a whole input buffer, so input is capped. */
import Bunzip from 'seek-bzip';
import type { Decoder } from '../expand.js';

const MAX_INPUT = 64 * 1024 * 1024;
const OUT_CHUNK = 64 * 1024;

class Stopped extends Error {}

export function bunzipDecoder(onData: (out: Uint8Array) => boolean): Decoder {
  const input: Uint8Array[] = [];
  let inputBytes = 0;
  return {
    write(chunk) {
      inputBytes += chunk.length;
      if (inputBytes > MAX_INPUT) return Promise.reject(new Error('bzip2 input larger than the in-memory limit'));
      input.push(chunk);
      return Promise.resolve();
    },
    end() {
      let buf = Buffer.allocUnsafe(OUT_CHUNK);
      let pos = 0;
      const flush = (): void => {
        if (pos === 0) return;
        const out = buf.subarray(0, pos);
        buf = Buffer.allocUnsafe(OUT_CHUNK);
        pos = 0;
        if (!onData(out)) throw new Stopped();
      };
      const output = {
        writeByte(b: number): void {
          buf[pos++] = b;
          if (pos === OUT_CHUNK) flush();
        },
      };
      try {
        Bunzip.decode(Buffer.concat(input), output, true);
        flush();
      } catch (e) {
        if (!(e instanceof Stopped)) return Promise.reject(e instanceof Error ? e : new Error('bzip2 decode failure'));
      }
      return Promise.resolve();
    },
  };
}
