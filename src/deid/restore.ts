import { SurrogateMatcher } from './matcher.js';
import type { Vault } from './vault.js';

/**
 * Puts originals back into text that arrives in pieces (an LLM's streamed answer). Only the
 * shortest tail that could still grow into a surrogate is held back; `end()` flushes it.
 */
export class StreamRestorer {
  readonly #matcher: SurrogateMatcher;
  #pending = '';
  #prev = -1;
  #ended = false;

  constructor(vaultOrMatcher: Vault | SurrogateMatcher) {
    this.#matcher = vaultOrMatcher instanceof SurrogateMatcher ? vaultOrMatcher : SurrogateMatcher.fromVault(vaultOrMatcher);
  }

  /** Characters currently held back. */
  get held(): number {
    return this.#pending.length;
  }

  push(chunk: string): string {
    if (this.#ended) throw new Error('StreamRestorer: push after end');
    return this.#run(this.#pending + chunk, false);
  }

  end(): string {
    if (this.#ended) return '';
    this.#ended = true;
    return this.#run(this.#pending, true);
  }

  #run(buf: string, final: boolean): string {
    const out: string[] = [];
    let flushed = 0;
    let i = 0;
    let prev = this.#prev;
    while (i < buf.length) {
      const step = this.#matcher.at(buf, i, prev, final);
      if (step.kind === 'wait') break;
      if (step.kind === 'match') {
        out.push(buf.slice(flushed, i), step.value);
        prev = buf.charCodeAt(step.end - 1);
        i = step.end;
        flushed = i;
      } else {
        prev = buf.charCodeAt(i);
        i += 1;
      }
    }
    out.push(buf.slice(flushed, i));
    this.#pending = buf.slice(i);
    this.#prev = prev;
    return out.join('');
  }
}

/** Restores a whole text at once. */
export function restore(text: string, vault: Vault | SurrogateMatcher): string {
  const r = new StreamRestorer(vault);
  return r.push(text) + r.end();
}
