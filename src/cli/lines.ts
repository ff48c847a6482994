/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line, so a
 * 1 GB corpus or a 100 MB single line runs in bounded memory. (node:readline buffers whole lines.)
 */

export type LineEvent =
  | { readonly kind: 'line'; readonly line: number; readonly bytes: Uint8Array }
  /** The line was longer than the limit; its bytes were dropped as they arrived. */
  | { readonly kind: 'too_long'; readonly line: number; readonly length: number };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Yields the lines completed by each input chunk as one batch, so a consumer can write its output
 * per batch (few writes on a big file) yet still answer promptly when input arrives slowly.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<LineEvent[]> {
  let parts: Uint8Array[] = [];
  let pending = 0;
  let skipping = false;
  let line = 1;

  const finish = (): LineEvent => {
    const bytes = skipping ? undefined : trimCr(parts.length === 1 ? parts[0]! : Buffer.concat(parts, pending));
    const event: LineEvent = bytes === undefined || bytes.length > maxLineBytes
      ? { kind: 'too_long', line, length: pending }
      : { kind: 'line', line, bytes };
    parts = [];
    pending = 0;
    skipping = false;
    line += 1;
    return event;
  };

  // Adds a piece of the current line, switching to counting-only once it passes the limit.
  const take = (piece: Uint8Array): void => {
    pending += piece.length;
    if (skipping) return;
    // The limit excludes the line terminator, so a trailing CR may take one byte over it.
    if (pending > maxLineBytes + 1) {
      skipping = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(piece);
  };

  for await (const input of chunks) {
    // Buffer's indexOf is a memchr; a view, not a copy.
    const chunk = Buffer.from(input.buffer, input.byteOffset, input.length);
    const batch: LineEvent[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(LF, from);
      if (nl === -1) break;
      take(chunk.subarray(from, nl));
      batch.push(finish());
      from = nl + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
    if (batch.length > 0) yield batch;
  }
  if (pending > 0 || skipping) yield [finish()];
}

function trimCr(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
}
