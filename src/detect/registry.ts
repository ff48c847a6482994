import { MedguardError } from '../core/errors.js';
import type { FamilyBundle } from './family.js';
import { createInjectionFamily, type InjectionOptions } from './injection/index.js';
import { createSecretsFamily, type SecretsOptions } from './secrets/index.js';
import { createGenomicFamily, type GenomicOptions } from './genomic/index.js';
import { createPhiFamily, type PhiOptions } from './phi/index.js';
import { createOutputFamily, type OutputOptions } from './output/index.js';

/**
 * The closed list of detector families. Each entry is a factory that validates its options once;
 * adding a family means adding a line here, and an unknown name is a coded error.
 */
export interface FamilyOptions {
  injection: InjectionOptions;
  secrets: SecretsOptions;
  genomic: GenomicOptions;
  phi: PhiOptions;
  output: OutputOptions;
}

export type FamilyName = keyof FamilyOptions;

const FACTORIES: { readonly [K in FamilyName]: (options: FamilyOptions[K]) => FamilyBundle } = Object.freeze({
  injection: createInjectionFamily,
  secrets: createSecretsFamily,
  genomic: createGenomicFamily,
  phi: createPhiFamily,
  output: createOutputFamily,
});

export const FAMILY_NAMES = Object.freeze(Object.keys(FACTORIES)) as readonly FamilyName[];

export function isFamilyName(name: string): name is FamilyName {
  return Object.prototype.hasOwnProperty.call(FACTORIES, name);
}

export function createFamily<K extends FamilyName>(name: K, options: FamilyOptions[K]): FamilyBundle {
  if (!isFamilyName(name)) {
    throw new MedguardError('MG_UNKNOWN_DETECTOR', `unknown detector family "${String(name)}"; known: ${FAMILY_NAMES.join(', ')}`, { field: 'detectors' });
  }
  return FACTORIES[name](options);
}
