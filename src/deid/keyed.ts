import { createHmac } from 'node:crypto';

/**
 * Every choice a surrogate makes comes from an HMAC of the value under the policy key, so the
 * same value always gets the same surrogate and nobody without the key can recompute it.
 */
export function hmac(key: Uint8Array, label: string, value: string): Buffer {
  return createHmac('sha256', key).update(label).update('\u0000').update(value).digest();
}

/** A stream of keyed pseudo-random integers for one value (counter mode over the HMAC). */
export class KeyedStream {
  #block: Buffer;
  #pos = 0;
  #counter = 0;
  constructor(private readonly key: Uint8Array, private readonly label: string, private readonly value: string) {
    this.#block = hmac(key, label, value);
  }

  /** Uniform-enough integer in [0, n) for the small n used here (lists, digits). */
  next(n: number): number {
    if (this.#pos + 4 > this.#block.length) {
      this.#counter += 1;
      this.#block = hmac(this.key, `${this.label}#${this.#counter}`, this.value);
      this.#pos = 0;
    }
    const x = this.#block.readUInt32BE(this.#pos);
    this.#pos += 4;
    return x % n;
  }
}
