import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { cleanRows, poisonedRows } from '../src/scan/dataset/testing.js';

async function fixtures(): Promise<{ dir: string; clean: string; poisoned: string; poisoned_: Record<string, number> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mg-scan-dataset-'));
  const clean = join(dir, 'clean.jsonl');
  const poisoned = join(dir, 'poisoned.jsonl');
  const p = poisonedRows();
  await writeFile(clean, `${cleanRows().join('\n')}\n`);
  await writeFile(poisoned, `${p.rows.join('\n')}\n`);
  return { dir, clean, poisoned, poisoned_: p.poisoned };
}

test('scan dataset: exit 0 on a clean file, 1 on a poisoned one; JSON shape', async () => {
  const f = await fixtures();
  try {
    const ok = memoryIo();
    assert.equal(await runCli(['scan', 'dataset', f.clean], ok), 0);
    assert.match(ok.out(), /safe {2}.*36 rows, 0 row errors, 0 flagged/);
    const io = memoryIo();
    assert.equal(await runCli(['scan', 'dataset', '--json', f.clean, f.poisoned], io), 1);
    const doc = JSON.parse(io.out()) as { datasets: { path: string; verdict: string; rows: { index: number; severity: string; score: number; reasons: { technique: string; explanation: string }[] }[]; summary: { rows: number; flagged: number; byTechnique: Record<string, number> } }[]; summary: { files: number; unsafe: number } };
    assert.deepEqual(doc.summary, { files: 2, unsafe: 1, rows: 78, flagged: 6 });
    const bad = doc.datasets[1]!;
    assert.equal(bad.verdict, 'unsafe');
    assert.equal(bad.rows[0]!.severity, 'high');
    assert.ok(bad.summary.byTechnique['dataset.backdoor_trigger'] === 3);
    assert.equal(io.err(), '', 'no progress when stderr is not a TTY');
  } finally {
    await rm(f.dir, { recursive: true, force: true });
  }
});

test('scan dataset: --fail-on critical passes a high-only file; SARIF rules and line regions', async () => {
  const f = await fixtures();
  try {
    const sarifPath = join(f.dir, 'out.sarif');
    const io = memoryIo();
    assert.equal(await runCli(['scan', 'dataset', '--fail-on', 'critical', '--sarif', sarifPath, f.poisoned], io), 0);
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8')) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    for (const t of ['dataset.backdoor_trigger', 'dataset.consensus_contradiction', 'dataset.injected_instruction', 'dataset.phi']) assert.ok(ids.includes(t), t);
    for (const r of run.results) {
      assert.equal(ids[r.ruleIndex], r.ruleId);
      assert.ok(['note', 'warning', 'error'].includes(r.level));
      assert.ok(r.locations[0]!.physicalLocation.region.startLine >= 1);
    }
    const trigger = run.results.find((r) => r.ruleId === 'dataset.backdoor_trigger')!;
    assert.equal(trigger.level, 'error');
    assert.equal(trigger.locations[0]!.physicalLocation.region.startLine, f.poisoned_.trigger1! + 1);
  } finally {
    await rm(f.dir, { recursive: true, force: true });
  }
});

test('scan dataset: usage and input errors exit 2', async () => {
  assert.equal(await runCli(['scan', 'dataset'], memoryIo()), 2);
  assert.equal(await runCli(['scan', 'dataset', '--fail-on', 'extreme', 'x.jsonl'], memoryIo()), 2);
  const io = memoryIo();
  assert.equal(await runCli(['scan', 'dataset', join(tmpdir(), 'mg-no-such-file.jsonl')], io), 2);
  assert.match(io.err(), /MG_IO/);
});
