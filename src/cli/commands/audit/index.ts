import { dispatch, listCommands, type Command } from '../../command.js';
import { auditExport } from './export.js';
import { auditVerify } from './verify.js';

/** The closed list of `audit` sub-commands; adding one is one line here. */
export const AUDIT_COMMANDS: readonly Command[] = [
  auditVerify,
  auditExport,
];

const usage = `usage: medguard audit <action> [options]

actions:
${listCommands(AUDIT_COMMANDS)}

Run "medguard audit <action> --help" for its options. See docs/AUDIT.md.`;

export const audit: Command = {
  name: 'audit',
  summary: 'verify or export the gateway audit trail',
  usage,
  subcommands: AUDIT_COMMANDS,
  run: (argv, io) => dispatch(AUDIT_COMMANDS, argv, io, 'medguard audit', usage),
};
