/** Gateway limits: the in-process Limiter and request-shape checks. */
export { createLimiter, estimateTokens, type InProcessLimiter } from './limiter.js';
export { checkJsonShape, readBodyLimited, type JsonShapeLimits } from './body.js';
