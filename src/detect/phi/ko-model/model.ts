/** The shipped Korean name model's files (models/ko-names.{json,bin}); see ../name-model.ts. */
import { nameModelFile, type NameModel, type NameModelMetadata } from '../name-model.js';
import { KO_FEATURE_VERSION } from './features.js';

export const KO_MODEL_FORMAT = 'medguard.ko-names';
export const KO_MODEL_NAME = 'ko-names';

export type KoModelMetadata = NameModelMetadata;
export type KoNameModel = NameModel;

const file = nameModelFile({ format: KO_MODEL_FORMAT, name: KO_MODEL_NAME, label: 'Korean name model', featureVersion: KO_FEATURE_VERSION, trainFlag: '--ko-names' });

export const serializeKoModel = file.serialize;
export const parseKoModel = file.parse;
export const loadKoModelFrom = file.loadFrom;
/** Loaded once per process on first Korean text; `null` means the model was switched off. */
export const koNameModel = file.get;
export const setKoNameModel = file.set;
