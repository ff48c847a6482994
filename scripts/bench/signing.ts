/**
 * Model hashing, signing and verification throughput on generated files (4 x 256 MB by default,
 * MEDGUARD_BENCH_SIGN_MB to change the per-file size) in os.tmpdir(), deleted afterwards, compared
 * with coreutils `sha256sum` over the same files. Also times the safetensors header check on a
 * sparse 1 GB file, which should not depend on file size.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashModelFiles } from '../../src/scan/model/sign/files.js';
import { generateKeyPair } from '../../src/scan/model/sign/keys.js';
import { signModel } from '../../src/scan/model/sign/sign.js';
import { verifyModel } from '../../src/scan/model/sign/verify.js';
import { safetensorsScanner } from '../../src/scan/model/formats/safetensors.js';
import type { ByteSource, ScanContext } from '../../src/scan/model/types.js';
import { fmt, rng, table } from './measure.js';

const FILES = 4;

function writeFiles(dir: string, mb: number): string[] {
  const random = rng(42);
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = Math.floor(random() * 256);
  const names: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const name = `shard-${f}.bin`;
    const fd = openSync(path.join(dir, name), 'w');
    for (let m = 0; m < mb; m++) {
      block[0] = m & 0xff; // distinct blocks, so nothing is trivially repetitive
      block[1] = f;
      writeSync(fd, block);
    }
    closeSync(fd);
    names.push(name);
  }
  return names;
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

async function best<T>(runs: number, fn: () => Promise<T> | T): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    min = Math.min(min, seconds(t));
  }
  return min;
}

async function headerCheckSeconds(dir: string): Promise<number> {
  const file = path.join(dir, 'big.safetensors');
  const header = Buffer.from(JSON.stringify({ w: { dtype: 'F32', shape: [268435456], data_offsets: [0, 1073741824] } }));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(header.length));
  const fd = openSync(file, 'w');
  writeSync(fd, len);
  writeSync(fd, header);
  ftruncateSync(fd, 8 + header.length + 1073741824);
  closeSync(fd);
  const handle = await open(file);
  try {
    const size = (await handle.stat()).size;
    const source: ByteSource = {
      name: file, size,
      async read(offset, length) {
        const buf = Buffer.alloc(Math.min(length, size - offset));
        await handle.read(buf, 0, buf.length, offset);
        return buf;
      },
      async *chunks() { /* not used by the header check */ },
    };
    const ctx: ScanContext = {
      limits: { maxDepth: 4, maxExpandedBytes: 1 << 30, maxRatio: 100, maxMemberInMemory: 64 << 20 },
      depth: 0, baseDir: dir, displayPath: 'big.safetensors', scanNested: async () => [], addExpanded: () => true,
    };
    return await best(5, async () => {
      const findings = await safetensorsScanner.scan(source, ctx);
      if (findings.length > 0) throw new Error('benchmark file should be clean');
    });
  } finally {
    await handle.close();
  }
}

export async function benchSigning(): Promise<string> {
  const mb = Number(process.env.MEDGUARD_BENCH_SIGN_MB ?? 256);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medguard-bench-sign-'));
  try {
    const names = writeFiles(dir, mb);
    const gb = (FILES * mb * (1 << 20)) / 1e9;
    const files = names.map((n) => path.join(dir, n));
    spawnSync('cat', files, { stdio: 'ignore' }); // warm the page cache equally for every contender
    const sha = await best(2, () => {
      const r = spawnSync('sha256sum', files, { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('sha256sum failed');
    });
    const shaParallel = await best(2, () => {
      const r = spawnSync('sh', ['-c', `printf '%s\\n' ${files.map((f) => `'${f}'`).join(' ')} | xargs -P ${os.availableParallelism()} -n 1 sha256sum`], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) throw new Error('parallel sha256sum failed');
    });
    const pooled = await best(2, () => hashModelFiles(dir, names));
    const single = await best(2, () => hashModelFiles(dir, names, 1));
    const keys = generateKeyPair('ecdsa-p256');
    const signS = await best(1, () => signModel(dir, { privateKeyPem: keys.privatePem }));
    const verifyS = await best(1, async () => {
      if (!(await verifyModel(dir, { publicKeyPem: keys.publicPem })).ok) throw new Error('verify failed');
    });
    const headerS = await headerCheckSeconds(dir);
    const rate = (s: number): string => fmt(gb / s, 2);
    const rows = [
      ['`sha256sum` (one process, sequential)', fmt(sha, 2), rate(sha), '100%'],
      [`\`sha256sum\` x${os.availableParallelism()} (xargs -P)`, fmt(shaParallel, 2), rate(shaParallel), `${fmt((100 * sha) / shaParallel, 0)}%`],
      [`medguard hashing, ${Math.min(8, os.availableParallelism())} worker threads`, fmt(pooled, 2), rate(pooled), `${fmt((100 * sha) / pooled, 0)}%`],
      ['medguard hashing, 1 thread', fmt(single, 2), rate(single), `${fmt((100 * sha) / single, 0)}%`],
      ['`medguard sign` (hash + sign + write)', fmt(signS, 2), rate(signS), `${fmt((100 * sha) / signS, 0)}%`],
      ['`medguard verify` (verify + list + hash + compare)', fmt(verifyS, 2), rate(verifyS), `${fmt((100 * sha) / verifyS, 0)}%`],
    ];
    return [
      `${FILES} files x ${mb} MB (${fmt(gb, 2)} GB) of generated data in ${os.tmpdir()}, page cache warm, best of 2 runs (sign/verify: 1 run).`,
      'Relative speed is against one sequential `sha256sum` (target: medguard hashing at least 80% of it).',
      '',
      table(['contender', 'seconds', 'GB/s', 'vs sha256sum'], rows),
      '',
      `safetensors header validation of a sparse 1 GB file: ${fmt(headerS * 1000, 2)} ms (reads only the header; best of 5).`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
