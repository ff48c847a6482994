/**
 * CPU time of the processes a scale benchmark run involves, read from /proc (Linux): the gateway
 * instances by pid, and the PostgreSQL and Redis server processes by name. On a shared 2-core
 * machine wall-clock throughput mostly measures waiting for a core; CPU-seconds per request is the
 * figure that carries over to other hardware. PostgreSQL and Redis serve every client on the
 * machine, so their share counts whatever else used them during the run (said beside the figure).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every Linux this runs on). */
const HZ = 100;

/** user + system CPU seconds of one process, or 0 when it is gone or unreadable. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / HZ;
  } catch {
    return 0;
  }
}

/** Pids whose command name is one of `names` (e.g. postgres backends, redis-server). */
export function pidsNamed(names: readonly string[]): number[] {
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${e}/comm`, 'utf8').trim())) out.push(Number(e));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

export interface CpuSnapshot {
  readonly gateways: number;
  readonly servers: ReadonlyMap<number, number>;
  readonly self: number;
}

const SERVERS = ['postgres', 'redis-server'];

export function cpuSnapshot(gatewayPids: readonly number[]): CpuSnapshot {
  const c = process.cpuUsage();
  return {
    gateways: gatewayPids.reduce((n, p) => n + processCpuSeconds(p), 0),
    servers: new Map(pidsNamed(SERVERS).map((p) => [p, processCpuSeconds(p)])),
    self: (c.user + c.system) / 1e6,
  };
}

export interface CpuUsed {
  /** Gateway instances together. */
  readonly gateways: number;
  /** PostgreSQL + Redis server processes (backends started during the run count whole). */
  readonly servers: number;
  /** This process: autocannon. */
  readonly loadGenerator: number;
}

export function cpuSince(before: CpuSnapshot, gatewayPids: readonly number[]): CpuUsed {
  const now = cpuSnapshot(gatewayPids);
  let servers = 0;
  for (const [pid, s] of now.servers) servers += s - (before.servers.get(pid) ?? 0);
  return { gateways: now.gateways - before.gateways, servers, loadGenerator: now.self - before.self };
}
