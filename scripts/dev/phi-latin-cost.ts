/**
 * CPU cost of the Latin name model and the international address rules on the PHI bench text
 * (scripts/bench/phi.ts, 1 MB): each pass alone, and scanPhi with the model off and on in
 * alternating rounds. CPU time (process.cpuUsage), so other load on the machine matters less.
 *   npx tsx scripts/dev/phi-latin-cost.ts [--rounds N]
 */
import { findAddressesIntl } from '../../src/detect/phi/addresses-intl.js';
import { candidates } from '../../src/detect/phi/latin-model/candidates.js';
import { findNamesLatinModel } from '../../src/detect/phi/latin-model/index.js';
import { latinNameModel, setLatinNameModel } from '../../src/detect/phi/latin-model/model.js';
import { scanPhi } from '../../src/detect/phi/scan.js';
import { compose } from '../bench/phi.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;
const text = compose(1024 * 1024, 99);
const mb = Buffer.byteLength(text) / 1e6;
const cpu = (fn: () => void): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / mb;
};
const model = latinNameModel();
setLatinNameModel(null);
const found = scanPhi(text);
setLatinNameModel(model);
console.log(`bench text ${mb.toFixed(2)} MB, ${candidates(text).length} candidate words`);
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const off: number[] = [], on: number[] = [], alone: number[] = [], addr: number[] = [];
for (let r = 0; r < rounds; r++) {
  addr.push(cpu(() => findAddressesIntl(text, () => undefined)));
  alone.push(cpu(() => findNamesLatinModel(text, found, () => undefined, model)));
  setLatinNameModel(null);
  off.push(cpu(() => scanPhi(text)));
  setLatinNameModel(model);
  on.push(cpu(() => scanPhi(text)));
}
const f = (xs: number[]): string => `median ${med(xs).toFixed(1)} (${xs.map((x) => x.toFixed(0)).join(' ')})`;
console.log(`ms CPU per MB: addresses-intl alone ${f(addr)}; name model alone ${f(alone)}; scanPhi model off ${f(off)}, on ${f(on)}`);
