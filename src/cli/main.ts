/**
 * The `medguard` entry point: top-level flags, command dispatch, and the single place where errors
 * become a one-line message and an exit code (stack traces only with MEDGUARD_DEBUG=1).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMedguardError } from '../core/errors.js';
import { dispatch, EXIT_ERROR, EXIT_OK, listCommands } from './command.js';
import { COMMANDS } from './commands/index.js';
import { processIo, type CliIo } from './io.js';
import { packageVersion } from './version.js';

const usage = () => `medguard ${packageVersion()}: security layer for medical AI

usage: medguard <command> [options]
       medguard --version

commands:
${listCommands(COMMANDS)}

Run "medguard <command> --help" for a command's options. Exit codes: 0 nothing flagged,
1 something flagged, 2 usage or input error.`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      await io.stdout.write(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    return await dispatch(COMMANDS, argv, io, 'medguard', usage());
  } catch (e) {
    if ((e as { code?: unknown }).code === 'EPIPE') return EXIT_OK;
    const debug = io.env.MEDGUARD_DEBUG === '1';
    const line = isMedguardError(e)
      ? `medguard: ${e.message} (${e.code})`
      : `medguard: unexpected error${debug ? '' : '; set MEDGUARD_DEBUG=1 for details'}`;
    await io.stderr.write(`${line}\n${debug && e instanceof Error && e.stack ? `${e.stack}\n` : ''}`).catch(() => undefined);
    return EXIT_ERROR;
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const io = processIo();
  const code = await runCli(argv, io);
  // A hidden hook for the bounded-memory tests and the benchmark (maxRSS is in kilobytes).
  if (io.env.MEDGUARD_REPORT_RSS === '1') {
    const usage = process.resourceUsage();
    process.stderr.write(`medguard: maxRSS ${usage.maxRSS} kB, cpu ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)} ms\n`);
  }
  // exitCode, not exit(): let buffered stdout drain first.
  process.exitCode = code;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await main();
