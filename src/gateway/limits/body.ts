/**
 * Request-shape limits: a body reader that stops at the cap (never buffering past it), and a
 * walk over parsed JSON that bounds depth, message count and string length. Both are linear in
 * the input and neither recurses, so a hostile body costs bounded memory and no stack.
 */
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../types.js';

const tooLarge = (what: string): GatewayError => new GatewayError(413, 'MG_BODY_TOO_LARGE', what);

/**
 * Reads the whole body, or rejects with 413 as soon as it is known to exceed `maxBytes` (from
 * content-length before reading anything, else once the running count passes the cap). On
 * rejection the request is left paused and unread: answer with `connection: close` so the rest
 * of the upload is never read.
 */
export function readBodyLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.pause();
    return Promise.reject(tooLarge(`request body is larger than ${maxBytes} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(tooLarge(`request body is larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (): void => {
      cleanup();
      reject(new GatewayError(400, 'MG_CLIENT_CLOSED', 'the request body could not be read'));
    };
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

export interface JsonShapeLimits {
  /** Objects and arrays both count; the top-level value is depth 1. */
  readonly maxDepth: number;
  /** Length cap for a top-level `messages` array (chat requests). */
  readonly maxMessages: number;
  /** Cap on any single string, key or value, in UTF-16 units. */
  readonly maxStringChars: number;
}

/** Throws 400 MG_BODY_TOO_DEEP or 413 MG_BODY_TOO_LARGE; an explicit stack, never recursion. */
export function checkJsonShape(value: unknown, limits: JsonShapeLimits): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const messages = (value as Record<string, unknown>).messages;
    if (Array.isArray(messages) && messages.length > limits.maxMessages) throw tooLarge(`more than ${limits.maxMessages} messages`);
  }
  const longString = (): GatewayError => tooLarge(`a string is longer than ${limits.maxStringChars} characters`);
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 1 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (typeof v === 'string') {
      if (v.length > limits.maxStringChars) throw longString();
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > limits.maxDepth) throw new GatewayError(400, 'MG_BODY_TOO_DEEP', `request JSON is nested deeper than ${limits.maxDepth} levels`);
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ v: item, depth: depth + 1 });
    } else {
      for (const [k, item] of Object.entries(v)) {
        if (k.length > limits.maxStringChars) throw longString();
        stack.push({ v: item, depth: depth + 1 });
      }
    }
  }
}
