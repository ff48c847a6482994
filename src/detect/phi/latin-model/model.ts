/** The shipped Latin-script name model's files (models/latin-names.{json,bin}); see ../name-model.ts. */
import { nameModelFile, type NameModel } from '../name-model.js';
import { LATIN_FEATURE_VERSION } from './features.js';

export type LatinNameModel = NameModel;

const file = nameModelFile({ format: 'medguard.latin-names', name: 'latin-names', label: 'Latin name model', featureVersion: LATIN_FEATURE_VERSION, trainFlag: '--latin-names' });

export const serializeLatinModel = file.serialize;
export const parseLatinModel = file.parse;
export const loadLatinModelFrom = file.loadFrom;
/** Loaded once per process on first text with candidate words; `null` means the model was switched off. */
export const latinNameModel = file.get;
export const setLatinNameModel = file.set;
