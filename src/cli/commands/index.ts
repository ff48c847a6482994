import type { Command } from '../command.js';
import { demo } from './demo.js';
import { scan } from './scan/index.js';
import { sign } from './sign.js';
import { verify } from './verify.js';
import { keys } from './keys/index.js';
import { deid } from './deid.js';
import { reid } from './reid.js';
import { audit } from './audit/index.js';
import { serve } from './serve.js';

/** The closed list of top-level commands, in help order; adding one is one line here. */
export const COMMANDS: readonly Command[] = [
  scan,
  deid,
  reid,
  sign,
  verify,
  keys,
  audit,
  serve,
  demo,
];
