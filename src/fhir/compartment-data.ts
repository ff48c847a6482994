/**
 * The Patient compartment of FHIR R4 (CompartmentDefinition/patient, version 4.0.1), as data:
 * for each resource type in the compartment, its inclusion search parameters, each with the
 * element path that parameter reads (where the parameter name is not simply the element name).
 * A resource is in patient P's compartment when any of those elements references Patient/P.
 * Types absent here are never in the compartment.
 */

/** `[searchParam, elementPath]`; the path is dotted and walks arrays transparently. */
export type Inclusion = readonly [param: string, path: string];

const same = (...names: string[]): Inclusion[] => names.map((n) => [n, n] as const);

export const PATIENT_COMPARTMENT: Readonly<Record<string, readonly Inclusion[]>> = {
  Account: same('subject'),
  AdverseEvent: same('subject'),
  AllergyIntolerance: same('patient', 'recorder', 'asserter'),
  Appointment: [['actor', 'participant.actor']],
  AppointmentResponse: same('actor'),
  AuditEvent: [['patient', 'agent.who'], ['patient', 'entity.what']],
  Basic: [['patient', 'subject'], ['author', 'author']],
  BodyStructure: same('patient'),
  CarePlan: [['patient', 'subject'], ['performer', 'activity.detail.performer']],
  CareTeam: [['patient', 'subject'], ['participant', 'participant.member']],
  ChargeItem: same('subject'),
  Claim: [['patient', 'patient'], ['payee', 'payee.party']],
  ClaimResponse: same('patient'),
  ClinicalImpression: same('subject'),
  Communication: same('subject', 'sender', 'recipient'),
  CommunicationRequest: same('subject', 'sender', 'recipient', 'requester'),
  Composition: [['subject', 'subject'], ['author', 'author'], ['attester', 'attester.party']],
  Condition: [['patient', 'subject'], ['asserter', 'asserter']],
  Consent: same('patient'),
  Coverage: [['policy-holder', 'policyHolder'], ['subscriber', 'subscriber'], ['beneficiary', 'beneficiary'], ['payor', 'payor']],
  CoverageEligibilityRequest: same('patient'),
  CoverageEligibilityResponse: same('patient'),
  DetectedIssue: same('patient'),
  DeviceRequest: same('subject', 'performer'),
  DeviceUseStatement: same('subject'),
  DiagnosticReport: same('subject'),
  DocumentManifest: same('subject', 'author', 'recipient'),
  DocumentReference: same('subject', 'author'),
  Encounter: [['patient', 'subject']],
  EnrollmentRequest: [['subject', 'candidate']],
  EpisodeOfCare: same('patient'),
  ExplanationOfBenefit: [['patient', 'patient'], ['payee', 'payee.party']],
  FamilyMemberHistory: same('patient'),
  Flag: [['patient', 'subject']],
  Goal: [['patient', 'subject']],
  Group: [['member', 'member.entity']],
  ImagingStudy: [['patient', 'subject']],
  Immunization: same('patient'),
  ImmunizationEvaluation: same('patient'),
  ImmunizationRecommendation: same('patient'),
  Invoice: [['subject', 'subject'], ['patient', 'subject'], ['recipient', 'recipient']],
  List: same('subject', 'source'),
  MeasureReport: [['patient', 'subject']],
  Media: same('subject'),
  MedicationAdministration: [['patient', 'subject'], ['performer', 'performer.actor'], ['subject', 'subject']],
  MedicationDispense: [['subject', 'subject'], ['patient', 'subject'], ['receiver', 'receiver']],
  MedicationRequest: same('subject'),
  MedicationStatement: same('subject'),
  MolecularSequence: same('patient'),
  NutritionOrder: same('patient'),
  Observation: same('subject', 'performer'),
  Patient: [['link', 'link.other']],
  Person: [['patient', 'link.target']],
  Procedure: [['patient', 'subject'], ['performer', 'performer.actor']],
  Provenance: [['patient', 'target']],
  QuestionnaireResponse: same('subject', 'author'),
  RelatedPerson: same('patient'),
  RequestGroup: [['subject', 'subject'], ['participant', 'action.participant']],
  ResearchSubject: same('individual'),
  RiskAssessment: same('subject'),
  Schedule: same('actor'),
  ServiceRequest: same('subject', 'performer'),
  Specimen: same('subject'),
  SupplyDelivery: same('patient'),
  SupplyRequest: [['subject', 'deliverTo']],
  VisionPrescription: same('patient'),
};

/**
 * Types with no patient data that a patient-bound client may still read (a medication's name,
 * the practitioner who signed a note). Anything neither here nor in the compartment is refused
 * to a patient-bound client: R4 leaves e.g. Task and Device out of the compartment although
 * they can point at a patient.
 */
export const DEFAULT_SHARED_TYPES: readonly string[] = [
  'CapabilityStatement', 'CodeSystem', 'HealthcareService', 'Location', 'Medication', 'MedicationKnowledge',
  'Organization', 'Practitioner', 'PractitionerRole', 'Questionnaire', 'StructureDefinition', 'Substance', 'ValueSet',
];
