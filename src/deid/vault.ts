import { randomBytes } from 'node:crypto';
import { MedguardError } from '../core/errors.js';

export interface VaultEntry {
  readonly surrogate: string;
  readonly original: string;
  readonly type: string;
}

export interface VaultOptions {
  /** Upper bound on entries; adding past it raises MG_VAULT_FULL (default 200,000). */
  readonly maxEntries?: number;
  /** Upper bound on the characters of all originals and surrogates together (default 64 Mi). */
  readonly maxChars?: number;
}

export const DEFAULT_MAX_VAULT_ENTRIES = 200_000;
export const DEFAULT_MAX_VAULT_CHARS = 64 * 1024 * 1024;
/** Surrogates are short by construction; originals may be whole sequences or VCF blocks. */
const MAX_SURROGATE_CHARS = 4096;
const MAX_ORIGINAL_CHARS = 1024 * 1024;

/**
 * The reversible mapping of a pseudonymisation: surrogate → original for restoring, and
 * (type, original) → surrogate so a value seen again gets the same surrogate. It also holds the
 * random key surrogates are derived from, so one vault gives consistent surrogates across runs.
 * Nothing in it is ever printed: `toJSON` and `util.inspect` show only the entry count.
 */
export class Vault {
  readonly #bySurrogate = new Map<string, VaultEntry>();
  readonly #byOriginal = new Map<string, string>();
  readonly #key: Buffer;
  readonly #maxEntries: number;
  readonly #maxChars: number;
  #chars = 0;
  #version = 0;

  constructor(key: Uint8Array = randomBytes(32), options: VaultOptions = {}) {
    if (key.length < 16) throw new MedguardError('MG_CONFIG_INVALID', 'vault pseudonym key must be at least 16 bytes', { field: 'key' });
    this.#key = Buffer.from(key);
    const max = options.maxEntries ?? DEFAULT_MAX_VAULT_ENTRIES;
    if (!Number.isInteger(max) || max < 1) throw new MedguardError('MG_CONFIG_INVALID', 'vault maxEntries must be a positive integer', { field: 'maxEntries' });
    this.#maxEntries = max;
    const maxChars = options.maxChars ?? DEFAULT_MAX_VAULT_CHARS;
    if (!Number.isInteger(maxChars) || maxChars < 1) throw new MedguardError('MG_CONFIG_INVALID', 'vault maxChars must be a positive integer', { field: 'maxChars' });
    this.#maxChars = maxChars;
  }

  get size(): number {
    return this.#bySurrogate.size;
  }

  /** Bumped on every change, so cached matchers know to rebuild. */
  get version(): number {
    return this.#version;
  }

  get maxEntries(): number {
    return this.#maxEntries;
  }

  /** @internal The key surrogate choices are derived from. */
  pseudonymKey(): Buffer {
    return this.#key;
  }

  surrogateFor(type: string, original: string): string | undefined {
    return this.#byOriginal.get(`${type}\u0000${original}`);
  }

  originalFor(surrogate: string): string | undefined {
    return this.#bySurrogate.get(surrogate)?.original;
  }

  /** Whether `surrogate` is free or already stands for exactly this original. */
  canBind(surrogate: string, original: string): boolean {
    const e = this.#bySurrogate.get(surrogate);
    return e === undefined ? surrogate !== original : e.original === original;
  }

  /** Records a mapping; false when the surrogate already stands for another value. */
  bind(type: string, original: string, surrogate: string): boolean {
    if (!this.canBind(surrogate, original)) return false;
    if (surrogate.length === 0 || surrogate.length > MAX_SURROGATE_CHARS || original.length > MAX_ORIGINAL_CHARS) {
      throw new MedguardError('MG_INPUT_TOO_LARGE', `a vault value is longer than the limit (surrogate ${MAX_SURROGATE_CHARS}, original ${MAX_ORIGINAL_CHARS} characters)`, { field: 'vault' });
    }
    const id = `${type}\u0000${original}`;
    if (this.#bySurrogate.has(surrogate)) {
      this.#byOriginal.set(id, this.#byOriginal.get(id) ?? surrogate);
      return true;
    }
    if (this.#bySurrogate.size >= this.#maxEntries || this.#chars + surrogate.length + original.length > this.#maxChars) {
      throw new MedguardError('MG_VAULT_FULL', `the vault is full (${this.#maxEntries} entries or ${this.#maxChars} characters); start a new vault`, { field: 'vault' });
    }
    this.#chars += surrogate.length + original.length;
    this.#bySurrogate.set(surrogate, { surrogate, original, type });
    if (!this.#byOriginal.has(id)) this.#byOriginal.set(id, surrogate);
    this.#version += 1;
    return true;
  }

  /** @internal For persistence and restoring. */
  entries(): IterableIterator<VaultEntry> {
    return this.#bySurrogate.values();
  }

  toJSON(): { entries: number } {
    return { entries: this.size };
  }

  toString(): string {
    return `Vault(${this.size} entries)`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

export function createVault(options: VaultOptions & { key?: Uint8Array } = {}): Vault {
  return new Vault(options.key ?? randomBytes(32), options);
}
