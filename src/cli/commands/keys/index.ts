import { dispatch, listCommands, type Command } from '../../command.js';
import { keysGenerate } from '../keys-generate.js';
import { keysCreate } from './create.js';
import { keysList } from './list.js';
import { keysRevoke } from './revoke.js';

/** The closed list of `keys` sub-commands; adding one is one line here. */
export const KEYS_COMMANDS: readonly Command[] = [
  keysGenerate,
  keysCreate,
  keysList,
  keysRevoke,
];

const usage = `usage: medguard keys <action> [options]

actions:
${listCommands(KEYS_COMMANDS)}

Run "medguard keys <action> --help" for its options.`;

export const keys: Command = {
  name: 'keys',
  summary: 'manage keys (model-signing key pairs, gateway API keys)',
  usage,
  subcommands: KEYS_COMMANDS,
  run: (argv, io) => dispatch(KEYS_COMMANDS, argv, io, 'medguard keys', usage),
};
