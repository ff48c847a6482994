/** Zip containers: structure checks + every member scanned by content; .keras zips also go to the Keras scanner. */
import type { FormatScanner } from '../types.js';
import { scanZip } from '../zip/scan.js';
import { KERAS_SCANNER } from './optional.js';

const isZip = (h: Uint8Array): boolean => h[0] === 0x50 && h[1] === 0x4b && (h[2] === 3 || h[2] === 5) && (h[3] === 4 || h[3] === 6);

export const zipScanner: FormatScanner = {
  format: 'zip',
  sniff: (head) => isZip(head),
  async scan(source, ctx) {
    const { flavour, findings } = await scanZip(source, ctx);
    ctx.reportFormat?.(flavour);
    if (flavour === 'keras' && KERAS_SCANNER !== null) findings.push(...(await KERAS_SCANNER.scan(source, ctx)));
    return findings;
  },
};
