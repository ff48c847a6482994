/**
 * Child process for the crash test: appends events (and signs no heads) as fast as it can until it
 * is killed; prints "ready" once the first events are durable so the parent kills it mid-stream.
 */
import { sampleEvent } from '../fixtures.js';
import { openSqliteStore } from './index.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: append-loop.fixture.ts DB');
const store = openSqliteStore(path);
for (let i = 1; ; i++) {
  await store.audit.append(sampleEvent(i));
  if (i === 50) process.stdout.write('ready\n');
}
