/** Scanners the zip container hands members to by structure (a .keras zip goes to the Keras scanner). */
import type { FormatScanner } from '../types.js';

export const KERAS_SCANNER: FormatScanner | null = null;
