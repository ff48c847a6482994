export { inspect, createInspector, type InspectorOptions } from './inspect.js';
export { createPipeline, type InspectReport, type InspectOptions, type Pipeline, type PipelineOptions } from './core/pipeline.js';
export { MedguardError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export type { Finding, Mode, Severity, Family, Detector, Assessor, Assessment, TextView, NormalForm, FormName, Span } from './core/types.js';
export { detectPhi, createPhiFamily, PHI_TYPES, type PhiSpan, type PhiType, type PhiOptions } from './detect/phi/index.js';
