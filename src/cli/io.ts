/**
 * Commands never touch `process` directly: they get a `CliIo`, so tests run them in-process with
 * captured output, and the real process streams (with their backpressure) are plugged in once here.
 */
import type { Readable, Writable } from 'node:stream';

export interface OutStream {
  /** Resolves once the stream can take more, so a fast producer cannot buffer without bound. */
  write(text: string): Promise<void>;
  readonly isTTY: boolean;
}

export interface CliIo {
  readonly stdin: AsyncIterable<Uint8Array>;
  readonly stdinIsTTY: boolean;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function streamOut(stream: Writable & { isTTY?: boolean }): OutStream {
  let failure: Error | undefined;
  // A closed pipe (`medguard ... | head`) must end the run quietly rather than crash on an unhandled error.
  stream.on('error', (err: Error) => { failure = err; });
  return {
    isTTY: stream.isTTY === true,
    write(text) {
      if (failure) return Promise.reject(failure);
      if (stream.write(text)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const onDrain = (): void => { stream.off('error', onError); resolve(); };
        const onError = (err: Error): void => { stream.off('drain', onDrain); reject(err); };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    },
  };
}

export function processIo(): CliIo {
  const stdin = process.stdin as Readable & { isTTY?: boolean };
  return {
    stdin,
    stdinIsTTY: stdin.isTTY === true,
    stdout: streamOut(process.stdout),
    stderr: streamOut(process.stderr),
    env: process.env,
  };
}

export interface MemoryIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  err(): string;
}

/** An in-memory `CliIo` for tests; stdin is the given text or byte chunks. */
export function memoryIo(input: string | readonly Uint8Array[] = [], env: Record<string, string> = {}): MemoryIo {
  const chunks = typeof input === 'string' ? [new TextEncoder().encode(input)] : input;
  const outParts: string[] = [];
  const errParts: string[] = [];
  const sink = (parts: string[]): OutStream => ({
    isTTY: false,
    write(text) { parts.push(text); return Promise.resolve(); },
  });
  return {
    stdin: (async function* () { yield* chunks; })(),
    stdinIsTTY: false,
    stdout: sink(outParts),
    stderr: sink(errParts),
    env,
    out: () => outParts.join(''),
    err: () => errParts.join(''),
  };
}
