import type { ByteSource } from '../../types.js';

/** A ByteSource over bytes already in memory (a slack region handed to the nested scan). */
export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    chunks: async function* (offset = 0) {
      if (offset < bytes.length) yield bytes.subarray(offset);
    },
  };
}
