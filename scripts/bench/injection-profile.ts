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
import { fmt, measure } from './measure.js';

const inputs = corpus(1024, 'prompt', 400, 1025);
const inspector = createInspector({ families: ['injection'] });
const seconds = Number(process.argv[2]);
// As in the bench section, which runs every family (and other sizes) first: call sites shared
// with other families (the pipeline, views, normal forms) are then polymorphic, as in a server.
if (process.argv.includes('--after-all')) {
  const all = process.env.I2_FAMS ? createInspector({ families: process.env.I2_FAMS.split(',') as never }) : createInspector();
  for (const mode of (process.env.I2_MODES ?? 'prompt,document').split(',') as Array<'prompt' | 'document'>) {
    for (const [bytes, count] of (process.env.I2_SIZES ?? '100:400,1024:400,102400:40').split(',').map((p) => p.split(':').map(Number) as [number, number])) {
      const xs = corpus(bytes, mode, count, bytes + (mode === 'prompt' ? 1 : 2));
      measure(xs, (x) => x.bytes, (x) => all.inspect(x.text, { mode: x.mode }));
    }
  }
}
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
