/** CLI test helpers: running the CLI in memory, and a tiny deterministic pipeline independent of the real detectors' progress. */
import { createPipeline, type Pipeline } from '../core/pipeline.js';
import type { Assessor, Detector } from '../core/types.js';
import { memoryIo } from './io.js';
import { runCli } from './main.js';

/** Runs the CLI with `argv` on in-memory streams: its exit code and what it wrote. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}


/** Flags the word ATTACK (high) and reports SECRET as a secret finding (medium). */
export function fakeInspector(): Pipeline {
  const detector: Detector = {
    id: 'test.words', family: 'injection', modes: ['prompt', 'document', 'output'], decodedLayers: false,
    detect(view) {
      const out = [];
      for (const m of view.raw.matchAll(/ATTACK|SECRET/g)) {
        const attack = m[0] === 'ATTACK';
        out.push({
          family: attack ? 'injection' as const : 'secret' as const,
          kind: attack ? 'injection.test' : 'secret.test',
          detector: 'test.words', start: m.index, end: m.index + m[0].length, score: attack ? 0.9 : 0.5,
          severity: attack ? 'high' as const : 'medium' as const, explanation: attack ? 'test attack word' : 'test secret',
        });
      }
      return out;
    },
  };
  const assessor: Assessor = {
    family: 'injection', modes: ['prompt', 'document', 'output'],
    assess: (_root, findings) => {
      const score = findings.length > 0 ? 0.9 : 0.1;
      return { family: 'injection', score, threshold: 0.5, flagged: score >= 0.5 };
    },
  };
  return createPipeline({ detectors: [detector], assessors: [assessor], maxInputChars: 1000 });
}
