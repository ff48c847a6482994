/**
 * Lists and hashes the files of a model folder the way model_signing's "files" serialization does:
 * relative POSIX paths, SHA-256 of each file's bytes. Large folders are hashed by a small pool of
 * worker threads (one file at a time each, streamed in 4 MiB reads), so both cores are used.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MedguardError } from '../../../core/errors.js';

export interface ModelListing {
  /** Regular files, relative POSIX paths, sorted. */
  readonly files: string[];
  /** Symlinks (never followed: allow_symlinks is false). */
  readonly symlinks: string[];
}

const isIgnored = (rel: string, ignore: readonly string[]): boolean =>
  ignore.some((p) => rel === p || rel.startsWith(`${p.replace(/\/+$/, '')}/`));

export async function listModelFiles(root: string, ignore: readonly string[]): Promise<ModelListing> {
  const files: string[] = [];
  const symlinks: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (isIgnored(child, ignore)) continue;
      if (e.isSymbolicLink()) symlinks.push(child);
      else if (e.isDirectory()) await walk(child);
      else if (e.isFile()) files.push(child);
    }
  };
  try {
    await walk('');
  } catch (cause) {
    throw new MedguardError('MG_IO', 'the model folder could not be listed', { field: 'dir', cause });
  }
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byName), symlinks: symlinks.sort(byName) };
}

/** Below this total size, one thread is faster than starting workers. */
const PARALLEL_MIN_BYTES = 32 << 20;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const buf = Buffer.allocUnsafe(4 << 20);
parentPort.on('message', (file) => {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const h = createHash('sha256');
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    parentPort.postMessage({ file, digest: h.digest('hex') });
  } catch (e) {
    parentPort.postMessage({ file, error: (e && e.code) || 'read failed' });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});`;

async function hashOne(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/**
 * SHA-256 (hex) of each listed file; `threads` defaults to the available cores (at most 8).
 * Workers start only for two or more files totalling `parallelMinBytes`.
 */
export async function hashModelFiles(
  root: string, files: readonly string[], threads = Math.min(8, os.availableParallelism()), parallelMinBytes = PARALLEL_MIN_BYTES,
): Promise<Map<string, string>> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(root, f))).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const digests = new Map<string, string>();
  const pool = Math.min(threads, files.length);
  if (pool < 2 || total < parallelMinBytes) {
    for (const f of files) digests.set(f, await hashOne(path.join(root, f)));
    return digests;
  }
  // Largest first, so one big file does not start last and stretch the wall time.
  const queue = files.map((f, i) => ({ f, size: sizes[i] ?? 0 })).sort((a, b) => b.size - a.size).map((x) => x.f);
  const nameOf = new Map(files.map((f) => [path.join(root, f), f]));
  const workers = Array.from({ length: pool }, () => new Worker(WORKER_SOURCE, { eval: true }));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const next = (): void => {
        const f = queue.shift();
        if (f === undefined) resolve();
        else w.postMessage(path.join(root, f));
      };
      w.on('message', (m: { file: string; digest?: string; error?: string }) => {
        if (m.digest === undefined) {
          reject(new MedguardError('MG_IO', `a model file could not be read (${m.error ?? 'error'})`, { field: 'dir' }));
          return;
        }
        digests.set(nameOf.get(m.file) ?? m.file, m.digest);
        next();
      });
      w.on('error', reject);
      next();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return digests;
}
