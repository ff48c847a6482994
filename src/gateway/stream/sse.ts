/**
 * A bounded Server-Sent Events parser: lines and events larger than the limits end the stream
 * with an error instead of growing a buffer without bound.
 */
export interface SseEvent {
  readonly data: string;
  readonly event: string | undefined;
}

export class SseTooLarge extends Error {
  constructor() {
    super('SSE line or event larger than the limit');
    this.name = 'SseTooLarge';
  }
}

export class SseParser {
  readonly #decoder = new TextDecoder('utf-8');
  readonly #maxLine: number;
  readonly #maxEvent: number;
  #partial = '';
  #data: string[] = [];
  #dataSize = 0;
  #event: string | undefined;

  constructor(maxLine = 1024 * 1024, maxEvent = 4 * 1024 * 1024) {
    this.#maxLine = maxLine;
    this.#maxEvent = maxEvent;
  }

  push(chunk: Uint8Array): SseEvent[] {
    return this.#lines(this.#decoder.decode(chunk, { stream: true }));
  }

  end(): SseEvent[] {
    const out = this.#lines(`${this.#decoder.decode()}\n\n`);
    return out;
  }

  #lines(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let buf = this.#partial + text;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf('\n', start);
      if (nl < 0) break;
      let line = buf.slice(start, nl);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      start = nl + 1;
      const ev = this.#line(line);
      if (ev) out.push(ev);
    }
    buf = buf.slice(start);
    if (buf.length > this.#maxLine) throw new SseTooLarge();
    this.#partial = buf;
    return out;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') {
      if (this.#data.length === 0) return undefined;
      const ev = { data: this.#data.join('\n'), event: this.#event };
      this.#data = [];
      this.#dataSize = 0;
      this.#event = undefined;
      return ev;
    }
    if (line.length > this.#maxLine) throw new SseTooLarge();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') {
      this.#dataSize += value.length + 1;
      if (this.#dataSize > this.#maxEvent) throw new SseTooLarge();
      this.#data.push(value);
    } else if (field === 'event') this.#event = value;
    return undefined;
  }
}

export const sseData = (data: string): string => `data: ${data}\n\n`;
