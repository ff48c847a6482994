/**
 * Reading and parsing a request body under the configured limits. The size cap is enforced while
 * reading (a lying or missing content-length cannot get past it) and depth is checked without
 * recursion, so hostile bodies cost at most `maxBodyBytes` of memory and linear time.
 */
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../types.js';

export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxJsonDepth: number;
  readonly maxStringChars?: number;
}

export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) throw tooLarge(limits);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limits.maxBodyBytes) throw tooLarge(limits);
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

const tooLarge = (limits: BodyLimits): GatewayError =>
  new GatewayError(413, 'MG_BODY_TOO_LARGE', `request body is larger than ${limits.maxBodyBytes} bytes`);

export function requireJson(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new GatewayError(415, 'MG_UNSUPPORTED_MEDIA_TYPE', 'content-type must be application/json');
}

export function parseJsonBody(raw: Buffer, limits: BodyLimits): Record<string, unknown> {
  const text = raw.toString('utf8');
  const shape = scanJson(text);
  if (shape.depth > limits.maxJsonDepth) {
    throw new GatewayError(400, 'MG_BODY_TOO_DEEP', `request JSON is nested deeper than ${limits.maxJsonDepth} levels`);
  }
  if (limits.maxStringChars !== undefined && shape.longestString > limits.maxStringChars) {
    throw new GatewayError(413, 'MG_BODY_TOO_LARGE', `a JSON string in the request is longer than ${limits.maxStringChars} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GatewayError(400, 'MG_BODY_INVALID', 'request body is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayError(400, 'MG_BODY_INVALID', 'request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Bracket depth outside strings and the longest string (raw JSON characters), in one pass before JSON.parse builds anything. */
export function scanJson(text: string): { depth: number; longestString: number } {
  let depth = 0;
  let max = 0;
  let inString = false;
  let stringStart = 0;
  let longest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inString = false;
        if (i - stringStart > longest) longest = i - stringStart;
      }
    } else if (c === 0x22) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return { depth: max, longestString: longest };
}
