/** Per-route FHIR state (options, break-the-glass windows, anomaly windows), built once per route. */
import { DEFAULT_SHARED_TYPES } from '../../fhir/compartment-data.js';
import type { ResolvedRoute } from '../config/load.js';
import { AnomalyDetector } from './anomaly.js';
import { createBreakGlass, type BreakGlassState } from './breakglass.js';
import { FhirOptionsSchema, type FhirOptions } from './config.js';

export interface FhirRouteState {
  readonly options: FhirOptions;
  readonly sharedTypes: ReadonlySet<string>;
  readonly allowedTypes: ReadonlySet<string> | undefined;
  readonly breakGlass: BreakGlassState;
  readonly anomaly: AnomalyDetector;
}

// Keyed by the frozen route object: one state per loaded config, dropped with it.
const states = new WeakMap<ResolvedRoute, FhirRouteState>();

export function stateFor(route: ResolvedRoute): FhirRouteState {
  let s = states.get(route);
  if (!s) {
    const options = route.fhir ?? FhirOptionsSchema.parse({});
    s = {
      options,
      sharedTypes: new Set(options.sharedTypes ?? DEFAULT_SHARED_TYPES),
      allowedTypes: options.minimise.resourceTypes ? new Set(options.minimise.resourceTypes) : undefined,
      breakGlass: createBreakGlass(options.breakGlass),
      anomaly: new AnomalyDetector(options.anomaly),
    };
    states.set(route, s);
  }
  return s;
}
