/** xz through xz-decompress (xz-embedded compiled to WebAssembly; no native code, no downloads). */
import xz from 'xz-decompress';
import type { Decoder } from '../expand.js';

// CommonJS package: named exports are not visible to Node's ESM loader, the default export is.
const { XzReadableStream } = xz;
const MAX_INPUT = 64 * 1024 * 1024;

export function xzDecoder(onData: (out: Uint8Array) => boolean): Decoder {
  const input: Uint8Array[] = [];
  let inputBytes = 0;
  return {
    write(chunk) {
      inputBytes += chunk.length;
      if (inputBytes > MAX_INPUT) return Promise.reject(new Error('xz input larger than the in-memory limit'));
      input.push(chunk.slice());
      return Promise.resolve();
    },
    async end() {
      let i = 0;
      const compressed = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = input[i++];
          if (next === undefined) controller.close();
          else controller.enqueue(next);
        },
      });
      const reader = new XzReadableStream(compressed).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (!onData(value)) {
          await reader.cancel();
          return;
        }
      }
    },
  };
}
