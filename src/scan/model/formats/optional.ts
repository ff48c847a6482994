/** Scanners the zip container hands a whole archive to by structure (a .keras zip goes to the Keras scanner). */
import type { FormatScanner } from '../types.js';
import { kerasScanner } from './keras.js';

export const KERAS_SCANNER: FormatScanner | null = kerasScanner;
