/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) into self time per area of the gateway
 * and per function, for scripts/bench/gateway-profile.ts and docs/GATEWAY.md's performance notes.
 */

export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly children?: readonly number[]; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** First match wins: the area a script URL belongs to (paths are what tsx reports: file:// URLs). */
const AREAS: readonly (readonly [string, (url: string, fn: string) => boolean])[] = [
  ['idle / GC / native (no JS frame)', (url, fn) => url === '' && (fn === '(idle)' || fn === '(garbage collector)' || fn === '(program)')],
  ['SQLite store (better-sqlite3 calls)', (url) => url.includes('/src/store/sqlite/') || url.includes('better-sqlite3')],
  ['audit chain (canonical JSON, SHA-256)', (url) => url.includes('/src/audit/')],
  ['detectors (injection, PHI, output)', (url) => url.includes('/src/detect/') || url.includes('/src/core/') || url.includes('/src/inspect')],
  ['gateway inspection / policy', (url) => /\/src\/gateway\/(inspect|policy|stream)\//.test(url)],
  ['gateway pipeline (app, routes, identity, limits, ops)', (url) => url.includes('/src/gateway/')],
  ['undici (upstream client)', (url) => url.includes('undici')],
  ['node:http / net / streams', (url) => url.startsWith('node:') && /node:(_http|http|net|stream|internal\/streams|internal\/http|events|buffer)/.test(url)],
  ['other node: internals', (url) => url.startsWith('node:')],
  ['tsx / loaders', (url) => url.includes('tsx')],
  ['native builtins (JSON, crypto, regex, ...)', (url) => url === ''],
];

function selfTimes(p: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  }
  return self;
}

export function byArea(p: CpuProfile): { area: string; ms: number; share: number }[] {
  const self = selfTimes(p);
  const totals = new Map<string, number>();
  let all = 0;
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (ms === 0) continue;
    const area = AREAS.find(([, test]) => test(n.callFrame.url, n.callFrame.functionName))?.[0] ?? 'other';
    totals.set(area, (totals.get(area) ?? 0) + ms);
    all += ms;
  }
  return [...totals].map(([area, ms]) => ({ area, ms, share: all > 0 ? ms / all : 0 })).sort((a, b) => b.ms - a.ms);
}

export function topFunctions(p: CpuProfile, n: number): { name: string; file: string; ms: number }[] {
  const self = selfTimes(p);
  const totals = new Map<string, { name: string; file: string; ms: number }>();
  for (const node of p.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url === '' ? 'native' : `${url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${functionName}@${file}`;
    const t = totals.get(key) ?? { name: functionName || '(anonymous)', file, ms: 0 };
    t.ms += ms;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
}

/**
 * Total (self + callees) time of the functions of medguard's own files, each counted once per
 * sample even when recursive: which pipeline stage a request's time is spent under.
 */
export function inclusive(p: CpuProfile, n: number, include: RegExp = /\/src\//): { name: string; file: string; ms: number }[] {
  const self = selfTimes(p);
  const byId = new Map(p.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of p.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, { name: string; file: string; ms: number }>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node || !include.test(node.callFrame.url)) continue;
      const file = node.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/');
      const key = `${node.callFrame.functionName}@${file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const t = totals.get(key) ?? { name: node.callFrame.functionName || '(anonymous)', file, ms: 0 };
      t.ms += ms;
      totals.set(key, t);
    }
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
}
