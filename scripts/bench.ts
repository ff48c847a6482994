/**
 * `npm run bench [-- SECTION...]`: runs each benchmark section in its own child process (so peak
 * RSS is per section) and rewrites that section of docs/BENCH.md, keeping the others. A section
 * whose file does not exist yet is skipped with a note.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Section { readonly name: string; readonly title: string; readonly fn: string }

/** In document order; adding a family's benchmark is one line here plus scripts/bench/<name>.ts. */
const SECTIONS: readonly Section[] = [
  { name: 'injection', title: 'Prompt injection', fn: 'benchInjection' },
  { name: 'text', title: 'Text normalisation and decoding', fn: 'benchText' },
  { name: 'phi', title: 'PHI detection', fn: 'benchPhi' },
  { name: 'deid', title: 'De-identification', fn: 'benchDeid' },
  { name: 'models', title: 'Model file scanning', fn: 'benchModels' },
  { name: 'signing', title: 'Signing and verification', fn: 'benchSigning' },
  { name: 'dataset', title: 'Dataset scanning', fn: 'benchDataset' },
  { name: 'gateway', title: 'Gateway (HTTP, end to end)', fn: 'benchGateway' },
  { name: 'fhir', title: 'FHIR route (authorisation, guard, content checks)', fn: 'benchFhir' },
  { name: 'scale', title: 'Scale-out (PostgreSQL + Redis, several instances)', fn: 'benchScale' },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const benchFile = join(root, 'docs/BENCH.md');
const sectionFile = (s: Section): string => join(root, 'scripts/bench', `${s.name}.ts`);

/** Child mode: run one section and write its markdown body to a file (stdout is left to the section). */
async function runChild(name: string, outFile: string): Promise<void> {
  const section = SECTIONS.find((s) => s.name === name);
  if (!section) throw new Error(`unknown section ${name}`);
  const mod = (await import(pathToFileURL(sectionFile(section)).href)) as Record<string, unknown>;
  const fn = mod[section.fn];
  if (typeof fn !== 'function') throw new Error(`scripts/bench/${section.name}.ts does not export ${section.fn}()`);
  const body: unknown = await (fn as () => Promise<unknown>)();
  writeFileSync(outFile, String(body));
}

function header(s: Section, load: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  // Other processes competing for the cores inflate every figure; say so next to the numbers.
  const busy = load > cpus().length / 2 ? ' (machine busy: figures are pessimistic)' : '';
  return [
    `## ${s.title}`,
    '',
    `Command: \`npm run bench -- ${s.name}\`  `,
    `Date: ${new Date().toISOString()}  `,
    `Node: ${process.version} on ${process.platform}/${process.arch}  `,
    `CPU: ${cpu} (${cpus().length} logical cores; measured on one)  `,
    `Load average at start: ${load.toFixed(2)}${busy}`,
  ].join('\n');
}

const marker = (name: string): [string, string] => [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];

function existingSections(): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(benchFile)) return found;
  const doc = readFileSync(benchFile, 'utf8');
  for (const s of SECTIONS) {
    const [open, close] = marker(s.name);
    const a = doc.indexOf(open);
    const b = doc.indexOf(close);
    if (a !== -1 && b > a) found.set(s.name, doc.slice(a + open.length, b).trim());
  }
  return found;
}

function writeDoc(sections: Map<string, string>): void {
  const parts = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (all sections) or `npm run bench -- <section>` (one section; the others',
    'are kept). Each section runs in its own process; figures are single-threaded unless stated.',
    'Regenerate on your own hardware before quoting them.',
  ];
  for (const s of SECTIONS) {
    const [open, close] = marker(s.name);
    const body = sections.get(s.name) ?? `## ${s.title}\n\nNot benchmarked yet (scripts/bench/${s.name}.ts does not exist).`;
    parts.push('', open, body, close);
  }
  writeFileSync(benchFile, `${parts.join('\n')}\n`);
}

async function runParent(filter: readonly string[]): Promise<number> {
  const unknown = filter.filter((f) => !SECTIONS.some((s) => s.name === f));
  if (unknown.length > 0) {
    console.error(`bench: unknown section ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const selected = filter.length > 0 ? SECTIONS.filter((s) => filter.includes(s.name)) : SECTIONS;
  const produced = new Map<string, string>();
  const tmp = mkdtempSync(join(tmpdir(), 'medguard-bench-out-'));
  let failed = 0;
  try {
    for (const s of selected) {
      if (!existsSync(sectionFile(s))) {
        console.log(`bench: ${s.name}: skipped (scripts/bench/${s.name}.ts not present yet)`);
        continue;
      }
      console.log(`bench: ${s.name}: running...`);
      const load = loadavg()[0] ?? 0;
      const out = join(tmp, `${s.name}.md`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--section', s.name, out], { stdio: 'inherit', cwd: root });
      if (r.status !== 0 || !existsSync(out)) {
        console.error(`bench: ${s.name}: failed (exit ${String(r.status)}); its section in docs/BENCH.md is unchanged`);
        failed += 1;
        continue;
      }
      const text = `${header(s, load)}\n\n${readFileSync(out, 'utf8').trim()}`;
      produced.set(s.name, text);
      console.log(`\n${text}\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Re-read just before writing: another `npm run bench -- <section>` may have finished meanwhile.
  const sections = existingSections();
  for (const [name, text] of produced) sections.set(name, text);
  writeDoc(sections);
  console.log(`bench: wrote ${benchFile}`);
  return failed > 0 ? 1 : 0;
}

const argv = process.argv.slice(2);
if (argv[0] === '--section') {
  await runChild(argv[1] ?? '', argv[2] ?? '');
} else {
  process.exitCode = await runParent(argv.filter((a) => a !== '--'));
}
