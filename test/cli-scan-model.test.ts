import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile, readFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { pickle } from '../src/scan/model/testing/build.js';

async function fixtureDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mg-scan-model-'));
  await mkdir(join(dir, 'model'));
  await writeFile(join(dir, 'model', 'ok.pkl'), pickle().proto(2).emptyDict().stop().bytesOut());
  await writeFile(join(dir, 'model', 'config.json'), '{"hidden": 4}');
  await writeFile(join(dir, 'bad.pkl'), pickle().proto(2).call('posix', 'system', 'id').stop().bytesOut());
  return dir;
}

test('scan model: exit 0 on a clean folder, 1 with an unsafe file, JSON shape', async () => {
  const dir = await fixtureDir();
  try {
    const clean = memoryIo();
    assert.equal(await runCli(['scan', 'model', join(dir, 'model')], clean), 0);
    assert.match(clean.out(), /2 files: 2 safe, 0 unsafe/);
    const io = memoryIo();
    assert.equal(await runCli(['scan', 'model', '--json', dir], io), 1);
    const doc = JSON.parse(io.out()) as { files: { path: string; verdict: string; severity: string; format: string; findings: { technique: string }[] }[]; summary: { unsafe: number } };
    assert.equal(doc.summary.unsafe, 1);
    const bad = doc.files.find((f) => f.path.endsWith('bad.pkl'));
    assert.equal(bad?.verdict, 'unsafe');
    assert.equal(bad?.severity, 'critical');
    assert.equal(bad?.findings[0]?.technique, 'pickle.global.denied');
    assert.equal(io.err(), '', 'no progress bar when stderr is not a TTY');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('scan model: --fail-on critical lets a medium finding pass; SARIF is written', async () => {
  const dir = await fixtureDir();
  try {
    await writeFile(join(dir, 'model', 'custom.pkl'), pickle().proto(2).global('mylib', 'Net').emptyTuple().reduce().stop().bytesOut());
    const sarifPath = join(dir, 'out.sarif');
    const io = memoryIo();
    assert.equal(await runCli(['scan', 'model', '--fail-on', 'critical', '--sarif', sarifPath, join(dir, 'model')], io), 0);
    const sarif = JSON.parse(await readFile(sarifPath, 'utf8')) as { version: string; runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run);
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['pickle.global.unknown']);
    assert.ok((run.tool.driver.rules[0]?.help.text.length ?? 0) > 20);
    assert.equal(run.results[0]?.level, 'warning');
    assert.match(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri ?? '', /custom\.pkl$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('scan model: symlinks out of the tree are reported, not followed', async () => {
  const dir = await fixtureDir();
  try {
    await symlink(join(dir, 'bad.pkl'), join(dir, 'model', 'link.pkl'));
    const io = memoryIo();
    assert.equal(await runCli(['scan', 'model', '--json', join(dir, 'model')], io), 1);
    const doc = JSON.parse(io.out()) as { files: { path: string; findings: { technique: string }[] }[] };
    const link = doc.files.find((f) => f.path.endsWith('link.pkl'));
    assert.deepEqual(link?.findings.map((f) => f.technique), ['fs.symlink_outside']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('scan model: usage errors exit 2 with a coded one-line message', async () => {
  const missing = memoryIo();
  assert.equal(await runCli(['scan', 'model', '/nonexistent/model.pt'], missing), 2);
  assert.match(missing.err(), /MG_IO/);
  assert.equal(missing.err().trim().split('\n').length, 1);
  const none = memoryIo();
  assert.equal(await runCli(['scan', 'model'], none), 2);
  assert.match(none.err(), /MG_USAGE/);
  const badFail = memoryIo();
  assert.equal(await runCli(['scan', 'model', '--fail-on', 'extreme', '.'], badFail), 2);
});
