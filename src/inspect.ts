import { createPipeline, type InspectReport, type Pipeline } from './core/pipeline.js';
import type { Mode } from './core/types.js';
import { MedguardError } from './core/errors.js';
import { createFamily, FAMILY_NAMES, isFamilyName, type FamilyName, type FamilyOptions } from './detect/registry.js';

export interface InspectorOptions {
  /** Families to run; default: all. */
  readonly families?: readonly FamilyName[];
  readonly options?: Partial<FamilyOptions>;
  readonly maxInputChars?: number;
}

export function createInspector(options: InspectorOptions = {}): Pipeline {
  const names = options.families ?? FAMILY_NAMES;
  const detectors = [];
  const assessors = [];
  for (const name of names) {
    if (!isFamilyName(name)) {
      throw new MedguardError('MG_UNKNOWN_DETECTOR', `unknown detector family "${String(name)}"; known: ${FAMILY_NAMES.join(', ')}`, { field: 'families' });
    }
    const bundle = createFamily(name, options.options?.[name] ?? {});
    detectors.push(...bundle.detectors);
    if (bundle.assessor) assessors.push(bundle.assessor);
  }
  return createPipeline({ detectors, assessors, ...(options.maxInputChars === undefined ? {} : { maxInputChars: options.maxInputChars }) });
}

let defaultInspector: Pipeline | undefined;

/** Inspects one text with every detector family at its defaults. */
export function inspect(text: string, options: { mode?: Mode } = {}): InspectReport {
  defaultInspector ??= createInspector();
  return defaultInspector.inspect(text, options);
}
