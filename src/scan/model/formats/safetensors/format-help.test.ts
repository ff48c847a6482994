import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMAT_TECHNIQUE_HELP } from './format-help.js';

const formats = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return ['safetensors', 'gguf', 'onnx', 'keras'].includes(name) ? sources(p) : [];
    return /^(safetensors|gguf|onnx|keras|reader|template|model|config-walk|zip-members)\.ts$/.test(name) || dir !== formats && name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

test('every technique tag the four scanners emit has help text', () => {
  const tags = new Set<string>();
  for (const file of sources(formats)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"]((?:safetensors|gguf|onnx|keras)\.[a-z_]+)['"]/g)) tags.add(m[1] ?? '');
  }
  assert.ok(tags.size > 40, `found only ${tags.size} tags`);
  const missing = [...tags].filter((t) => !(t in FORMAT_TECHNIQUE_HELP));
  assert.deepEqual(missing, []);
});
