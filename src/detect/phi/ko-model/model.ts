/** The shipped Korean name model's files (models/ko-names.{json,bin}); see ../name-model.ts. */
import { nameModelFile, type NameModel } from '../name-model.js';
import { KO_FEATURE_VERSION } from './features.js';

export type KoNameModel = NameModel;

const file = nameModelFile({ format: 'medguard.ko-names', name: 'ko-names', label: 'Korean name model', featureVersion: KO_FEATURE_VERSION, trainFlag: '--ko-names' });

export const serializeKoModel = file.serialize;
export const parseKoModel = file.parse;
/** Loaded once per process on first Korean text; `null` means the model was switched off. */
export const koNameModel = file.get;
export const setKoNameModel = file.set;
