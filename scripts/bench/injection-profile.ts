/**
 * Quick look at the issue-2 figure without the full section (no CLI run, no other sizes), for
 * iterating on the injection hot path and for `node --cpu-prof`:
 *   npx tsx scripts/bench/injection-profile.ts [seconds-of-plain-loop]
 * With a number it only loops for that long (a clean profile); without, it prints the stages and
 * the target measurement as the bench section would.
 */
import { createInspector } from '../../src/inspect.js';
import { corpus } from './injection.js';
import { measureTarget, stageBreakdown } from './injection-stages.js';
import { fmt } from './measure.js';

const inputs = corpus(1024, 'prompt', 400, 1025);
const inspector = createInspector({ families: ['injection'] });
const seconds = Number(process.argv[2]);
if (Number.isFinite(seconds) && seconds > 0) {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) for (const x of inputs) { inspector.inspect(x.text, { mode: 'prompt' }); n++; }
  console.log(`${n} calls`);
} else {
  console.log(stageBreakdown(inputs));
  const t = measureTarget(inputs, (text) => inspector.inspect(text, { mode: 'prompt' }), 3);
  console.log(t.table);
  console.log(`median of round CPU medians ${fmt(t.cpuMedianUs)} µs, p99 ${fmt(t.cpuP99Us)} µs`);
}
