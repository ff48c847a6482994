/**
 * Runs the safetensors / GGUF / ONNX / Keras scanners over every corpus entry of those formats
 * (dev and test splits) and prints verdict vs MANIFEST. Reads ../shared/data/models; never loads
 * a model with an ML runtime. Exit 1 on any mismatch.
 * Usage: npx tsx scripts/dev/check-formats.ts [--verbose]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteSource, FormatScanner, ModelFinding, ScanContext } from '../../src/scan/model/types.js';
import { safetensorsScanner } from '../../src/scan/model/formats/safetensors.js';
import { ggufScanner } from '../../src/scan/model/formats/gguf.js';
import { onnxScanner } from '../../src/scan/model/formats/onnx.js';
import { kerasScanner } from '../../src/scan/model/formats/keras.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/data/models');
const SCANNERS: readonly FormatScanner[] = [ggufScanner, onnxScanner, kerasScanner, safetensorsScanner];
const OWN_FORMATS = new Set(['safetensors', 'gguf', 'onnx', 'keras']);

/** Whole small corpus files in memory: the check needs no streaming. */
async function fileSource(file: string): Promise<ByteSource> {
  const bytes = new Uint8Array(await readFile(file));
  return {
    name: file,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
    chunks: async function* (offset = 0) {
      yield bytes.subarray(offset);
    },
  };
}

interface Entry { file: string; format: string; expected: 'safe' | 'unsafe'; technique: string; split: string }

const verbose = process.argv.includes('--verbose');
const manifest = JSON.parse(await readFile(path.join(corpus, 'MANIFEST.json'), 'utf8')) as { entries: Entry[] };
let wrong = 0;
let checked = 0;
for (const e of manifest.entries.filter((x) => OWN_FORMATS.has(x.format))) {
  const file = path.join(corpus, e.file);
  const source = await fileSource(file);
  const head = await source.read(0, 64);
  const scanner = SCANNERS.find((s) => s.sniff(head, path.basename(file)));
  if (!scanner) {
    // Disguised pickles/zips belong to the engine's other scanners; not sniffing them is correct.
    console.log(`${e.expected === 'unsafe' ? 'HANDOFF' : 'MISS   '} ${e.split} ${e.file} (not this format by content)`);
    if (e.expected !== 'unsafe') wrong++;
    continue;
  }
  const ctx: ScanContext = {
    limits: { maxDepth: 4, maxExpandedBytes: 1 << 30, maxRatio: 100, maxMemberInMemory: 64 << 20 },
    depth: 0, baseDir: path.dirname(file), displayPath: e.file,
    scanNested: async () => [], addExpanded: () => true,
  };
  const findings: ModelFinding[] = await scanner.scan(source, ctx);
  const verdict = findings.some((f) => f.severity !== 'info' && f.severity !== 'low') ? 'unsafe' : 'safe';
  checked++;
  const ok = verdict === e.expected;
  if (!ok) wrong++;
  console.log(`${ok ? 'ok     ' : 'WRONG  '} ${e.split} ${e.file} -> ${verdict} [${[...new Set(findings.map((f) => f.technique))].join(', ')}]`);
  if (verbose) for (const f of findings) console.log(`        ${f.severity} ${f.technique} ${f.rule ?? ''} ${f.explanation}`);
}
console.log(`\n${checked} scanned, ${wrong} wrong`);
process.exit(wrong === 0 ? 0 : 1);
