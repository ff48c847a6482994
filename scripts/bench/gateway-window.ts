/**
 * `npx tsx scripts/bench/gateway-window.ts`: CPU per streamed answer spent in the output window
 * (src/gateway/stream/window.ts), for the gateway benchmark's ~0.9 KB answer in 48-character chunks:
 * checked whole (a JSON answer), as one network read (how the benchmark's stub delivers a stream),
 * and paced (a model streaming token by token: every chunk its own read). The end-to-end benchmark
 * only shows the burst case; this shows what real streaming costs.
 */
import { createInspector } from '../../src/inspect.js';
import { createFingerprinter } from '../../src/gateway/inspect/fingerprint.js';
import { KnownValues } from '../../src/gateway/inspect/known.js';
import { inspectOutput, type OutputContext } from '../../src/gateway/inspect/output.js';
import { DEFAULT_POLICY } from '../../src/gateway/policy/resolve.js';
import { ChoiceWindow } from '../../src/gateway/stream/window.js';
import { ANSWER } from './gateway-roles.js';

const fp = createFingerprinter(Buffer.alloc(32, 7));
const output: OutputContext = { pipeline: createInspector({ families: ['phi', 'secrets'] }), rules: createInspector({ families: ['output'] }), policy: DEFAULT_POLICY, fp, requestPhi: new KnownValues(fp), canary: 'mgc-benchcanary00' };
const chunks = ANSWER.match(/.{1,48}/gs) ?? [];
type Mode = 'whole' | 'burst' | 'paced';

function once(mode: Mode): void {
  if (mode === 'whole') {
    inspectOutput(ANSWER, output);
    return;
  }
  const w = new ChoiceWindow(output, undefined);
  chunks.forEach((c, i) => {
    const final = i === chunks.length - 1;
    w.push(c, final, mode === 'paced' || final);
    w.release(final);
  });
}

/** Mean CPU µs per answer (process CPU, so a busy machine inflates it far less than wall time). */
function cpuUs(mode: Mode, n = 300): number {
  for (let i = 0; i < 30; i++) once(mode);
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) once(mode);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

console.log(`answer: ${ANSWER.length} characters in ${chunks.length} chunks\n\n| delivery | CPU µs per answer |\n|---|---:|`);
for (const [mode, label] of [['whole', 'JSON (checked once)'], ['burst', 'streamed, one network read'], ['paced', 'streamed, token by token']] as const) {
  console.log(`| ${label} | ${cpuUs(mode).toFixed(0)} |`);
}
