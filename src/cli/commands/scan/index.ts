import { dispatch, listCommands, type Command } from '../../command.js';
import { scanText } from './text.js';
import { scanModel } from '../scan-model.js';
import { scanDatasetCommand } from '../scan-dataset.js';

/** The closed list of `scan` sub-commands; adding one is one line here. */
export const SCAN_COMMANDS: readonly Command[] = [
  scanText,
  scanModel,
  scanDatasetCommand,
];

const usage = `usage: medguard scan <what> [options]

what:
${listCommands(SCAN_COMMANDS)}

Run "medguard scan <what> --help" for its options.`;

export const scan: Command = {
  name: 'scan',
  summary: 'inspect text, JSON Lines corpora (and more) for attacks and leaks',
  usage,
  subcommands: SCAN_COMMANDS,
  run: (argv, io) => dispatch(SCAN_COMMANDS, argv, io, 'medguard scan', usage),
};
