/**
 * The identifiers a request carried, as keyed fingerprints, so `outputPhi: new` can tell a value
 * the model merely repeats from one it produced. Names are also known word by word ("Mr Smith"
 * after "John Smith"), and the surrogates the model was shown count as known too, since a model
 * that shortens a surrogate ("Mr Jones") leaves something the restorer cannot map back.
 */
import type { Vault } from '../../deid/index.js';
import type { Fingerprinter } from './fingerprint.js';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);
const words = (value: string): string[] => value.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 1 && !TITLES.has(w));

export class KnownValues {
  readonly #fp: Fingerprinter;
  readonly #values = new Set<string>();
  readonly #nameWords = new Set<string>();

  constructor(fp: Fingerprinter) {
    this.#fp = fp;
  }

  add(value: string, isName: boolean): void {
    this.#values.add(this.#fp(value));
    if (isName) for (const w of words(value)) this.#nameWords.add(this.#fp(w));
  }

  addSurrogates(vault: Vault): void {
    for (const e of vault.entries()) this.add(e.surrogate, e.type === 'NAME');
  }

  has(value: string, isName: boolean): boolean {
    if (this.#values.has(this.#fp(value))) return true;
    if (!isName) return false;
    const ws = words(value);
    return ws.length > 0 && ws.every((w) => this.#nameWords.has(this.#fp(w)));
  }
}
