export { parseScope, parseScopes, grantsFor, OPS, type Grant, type Op, type ParsedScopes, type ScopeContext } from './scopes.js';
export { PATIENT_COMPARTMENT, DEFAULT_SHARED_TYPES, type Inclusion } from './compartment-data.js';
export { compartmentParams, compartmentPatients, inCompartment, isCompartmentType, otherPatients, patientIdOf, valuesAt, type Json } from './compartment.js';
export { classify, parseQuery, FhirRefusal, MAX_BATCH_ENTRIES, type FhirRequest, type Interaction, type Param } from './request.js';
export { authorize, admits, defaultAccess, usableGrants, type Access, type Allow, type Removal } from './authorize.js';
export { restrictionHolds, anyGrantAdmits } from './restrict.js';
