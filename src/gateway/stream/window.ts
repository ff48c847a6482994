/**
 * One choice's streamed answer: restored (pseudonyms put back), inspected over a sliding window,
 * and released with a small hold-back. Text is forwarded only once it is HOLD characters behind
 * the head and at least CONTEXT characters behind the head of the last check, and each check
 * re-reads OVERLAP characters before the forwarded point, so a finding split across chunks is seen
 * whole before its end reaches the client, even one the detectors could not recognise in part.
 */
import type { Finding } from '../../core/types.js';
import { StreamRestorer, type Vault } from '../../deid/index.js';
import { inspectOutput, type OutputContext } from '../inspect/output.js';

export const HOLD = 64;
export const OVERLAP = 256;
/** Every released character was checked with at least this much text after it. */
export const CONTEXT = 32;
/**
 * Inspect again once this much new text arrived. Each check re-reads OVERLAP + HOLD characters
 * besides the new ones, so checking every 32 characters cost a 1 KB answer in 48-character chunks
 * 20 checks; every 64, 10. Safety does not depend on it: release() is bounded by the last check.
 */
export const MIN_STEP = 64;

export class ChoiceWindow {
  readonly #restorer: StreamRestorer | undefined;
  readonly #output: OutputContext;
  readonly #seen = new Set<string>();
  #text = '';
  #forwarded = 0;
  #inspected = 0;
  #ended = false;

  constructor(output: OutputContext, vault: Vault | undefined) {
    this.#output = output;
    this.#restorer = vault && vault.size > 0 ? new StreamRestorer(vault) : undefined;
  }

  get text(): string {
    return this.#text;
  }

  /**
   * Adds a delta; returns findings not seen before (offsets into `text`). `check: false` only
   * appends (the relay checks once per network read, not per event, when several arrive at once).
   */
  push(delta: string, final: boolean, check = true): Finding[] {
    // A choice ends once (finish_reason); the closing [DONE] must not feed it again.
    if (this.#ended) return [];
    this.#ended = final;
    const restored = this.#restorer ? this.#restorer.push(delta) + (final ? this.#restorer.end() : '') : delta;
    this.#text += restored;
    // Re-inspecting on every tiny delta would cost a detector run per token. Skipping is safe:
    // release() never forwards past the last check's head minus CONTEXT.
    if (!final && (!check || this.#text.length - this.#inspected < MIN_STEP)) return [];
    const from = Math.max(0, this.#forwarded - OVERLAP);
    const found = inspectOutput(this.#text.slice(from), this.#output);
    this.#inspected = this.#text.length;
    const fresh: Finding[] = [];
    for (const f of found) {
      const shifted = { ...f, start: f.start + from, end: f.end + from };
      // A value touching the head may be cut short ("John Sm"): judged as it is, it would be "new"
      // PHI. It is still held back, and is judged whole once more text (or the end) arrives.
      if (!final && shifted.end >= this.#text.length) continue;
      const key = `${f.kind}\u0000${shifted.start}`;
      if (this.#seen.has(key)) continue;
      this.#seen.add(key);
      fresh.push(shifted);
    }
    return fresh;
  }

  /** Text that may now go to the client. */
  release(final: boolean): string {
    const upTo = final ? this.#text.length : Math.max(this.#forwarded, Math.min(this.#text.length - HOLD, this.#inspected - CONTEXT));
    const out = this.#text.slice(this.#forwarded, upTo);
    this.#forwarded = upTo;
    return out;
  }
}
