/** Test scaffolding shared by the safetensors/GGUF/ONNX/Keras scanner tests (no engine needed). */
import type { ModelFinding, ScanContext } from '../../types.js';

export function testContext(overrides: Partial<ScanContext> = {}): ScanContext & { nested: string[] } {
  const nested: string[] = [];
  return {
    limits: { maxDepth: 4, maxExpandedBytes: 1 << 30, maxRatio: 100, maxMemberInMemory: 64 << 20 },
    depth: 0,
    baseDir: '/nonexistent-medguard-test',
    displayPath: 'test.bin',
    scanNested: async (_source, member) => {
      nested.push(member);
      return [];
    },
    addExpanded: () => true,
    nested,
    ...overrides,
  };
}

export const techniques = (findings: readonly ModelFinding[]): string[] => [...new Set(findings.map((f) => f.technique))].sort();

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
