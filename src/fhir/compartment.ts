/**
 * Patient-compartment membership of a resource (FHIR R4 CompartmentDefinition/patient). Pure
 * functions over parsed JSON; work is bounded by the elements the definition names.
 */
import { PATIENT_COMPARTMENT, type Inclusion } from './compartment-data.js';

export type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Bounds a walk over hostile JSON (an element array of a million references). */
const MAX_VALUES = 1000;

export function inclusionsOf(type: string): readonly Inclusion[] | undefined {
  return Object.hasOwn(PATIENT_COMPARTMENT, type) ? PATIENT_COMPARTMENT[type] : undefined;
}

/** The search parameters that put a type in the compartment (deduplicated, in definition order). */
export function compartmentParams(type: string): string[] {
  return [...new Set((inclusionsOf(type) ?? []).map(([p]) => p))];
}

export const isCompartmentType = (type: string): boolean => inclusionsOf(type) !== undefined;

/** Values at a dotted path, arrays walked transparently (`participant.actor` over every participant). */
export function valuesAt(resource: Json, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (!isObject(v) || !Object.hasOwn(v, key)) continue;
      const child = v[key];
      if (Array.isArray(child)) next.push(...child.slice(0, MAX_VALUES));
      else next.push(child);
      if (next.length > MAX_VALUES) break;
    }
    current = next;
  }
  return current;
}

/**
 * The patient id a reference string names, or undefined: `Patient/123`, `Patient/123/_history/2`
 * or an absolute `https://fhir.example/r4/Patient/123`. Contained (`#x`) and `urn:` references
 * name no server patient.
 */
export function patientIdOf(reference: string): string | undefined {
  if (reference.length > 2048 || reference.startsWith('#') || reference.startsWith('urn:')) return undefined;
  let parts = reference.split('?')[0]?.split('/') ?? [];
  const h = parts.lastIndexOf('_history');
  if (h >= 0) parts = parts.slice(0, h);
  const id = parts[parts.length - 1];
  return parts[parts.length - 2] === 'Patient' && id !== undefined && id.length > 0 ? id : undefined;
}

/** Every patient id the compartment elements of `resource` reference (its own id for a Patient). */
export function compartmentPatients(resource: Json): string[] {
  const type = resource.resourceType;
  if (typeof type !== 'string') return [];
  const out = new Set<string>();
  if (type === 'Patient' && typeof resource.id === 'string') out.add(resource.id);
  for (const [, path] of inclusionsOf(type) ?? []) {
    for (const v of valuesAt(resource, path)) {
      const ref = isObject(v) ? v.reference : undefined;
      if (typeof ref !== 'string') continue;
      const id = patientIdOf(ref);
      if (id !== undefined) out.add(id);
    }
  }
  return [...out];
}

/** True when `resource` is in patient `patientId`'s compartment. */
export function inCompartment(resource: Json, patientId: string): boolean {
  return compartmentPatients(resource).includes(patientId);
}

/** Patients other than `patientId` that the resource's compartment elements point at. */
export function otherPatients(resource: Json, patientId: string): string[] {
  return compartmentPatients(resource).filter((p) => p !== patientId);
}
