import type { Command } from '../command.js';
import { demo } from './demo.js';
import { scan } from './scan/index.js';

/** The closed list of top-level commands, in help order; adding one is one line here. */
export const COMMANDS: readonly Command[] = [
  scan,
  demo,
];
