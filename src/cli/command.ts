/**
 * The shape every command shares, and the one dispatcher used both for top-level commands and for
 * sub-commands (`scan text`, `scan model`, ...), so help, unknown names and exit codes behave alike.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MedguardError } from '../core/errors.js';
import type { CliIo } from './io.js';

export const EXIT_OK = 0;
/** Something was flagged. */
export const EXIT_FLAGGED = 1;
/** Usage or input error. */
export const EXIT_ERROR = 2;

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full help text printed by `--help`. */
  readonly usage: string;
  /** Present on a command group (e.g. `scan`); the group then handles `--help` for its members. */
  readonly subcommands?: readonly Command[];
  /** Receives the arguments after the command name; returns the exit code. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export const isHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h';

export function listCommands(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
}

/**
 * Runs the command named by argv[0]. `prefix` is what the user typed before it (e.g. `medguard scan`)
 * so hints name the exact command to try.
 */
export async function dispatch(commands: readonly Command[], argv: readonly string[], io: CliIo, prefix: string, usage: string): Promise<number> {
  const [name, ...rest] = argv;
  const known = commands.map((c) => c.name).join(', ');
  if (name === undefined) throw new MedguardError('MG_USAGE', `missing command; run "${prefix} --help" (commands: ${known})`);
  if (isHelp(name)) {
    await io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option "${name}"` : `unknown command "${name}"`;
    throw new MedguardError('MG_USAGE', `${what}; run "${prefix} --help" (commands: ${known})`);
  }
  const beforeDashes = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (!command.subcommands && beforeDashes.some(isHelp)) {
    await io.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

/** `parseArgs` with its TypeErrors turned into MG_USAGE errors that point at the command's help. */
export function parseCommandArgs<T extends Options>(argv: readonly string[], options: T, command: string): Parsed<T> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's own message goes on to explain '--'; its first sentence is the useful part.
    const detail = e instanceof Error ? e.message.split('. ')[0] ?? '' : 'invalid arguments';
    throw new MedguardError('MG_USAGE', `${detail.replace(/\.$/, '')}; run "${command} --help"`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new MedguardError('MG_USAGE', `${flag} must be one of ${allowed.join(', ')}`, { field: flag });
  }
  return value as T;
}
