/** Raw pickle files (protocols 0-5), including legacy stacked-pickle torch checkpoints and joblib. */
import type { FormatScanner } from '../types.js';
import { scanPickleSource } from '../pickle/scan.js';
import { looksLikePickle } from '../pickle/sniff.js';

export const pickleScanner: FormatScanner = {
  format: 'pickle',
  sniff: (head) => looksLikePickle(head),
  scan: (source, ctx) => scanPickleSource(source, ctx),
};
