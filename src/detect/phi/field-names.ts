/**
 * Field names that declare their value an identifier, shared by the JSON-key and table rules:
 * "patientName", "dob", "mrn", "postalCode", a "Phone #" column. Compared lower-cased with
 * spaces, '_', '-', '.', '#' and '/' removed.
 */
import type { PhiType } from './types.js';

const FIELDS: ReadonlyMap<string, PhiType> = new Map([
  ...['family', 'given', 'patientname', 'firstname', 'lastname', 'givenname', 'familyname', 'fullname', 'middlename', 'surname',
    'maidenname', 'mothersmaidenname', 'nextofkin', 'emergencycontactname', 'guarantorname', 'subscribername', 'insuredname', 'ptname'].map((k) => [k, 'NAME'] as const),
  ...['birthdate', 'dob', 'dateofbirth', 'birthday', 'deceaseddatetime', 'dateofdeath', 'deathdate', 'admissiondate', 'admitdate',
    'dischargedate', 'dod'].map((k) => [k, 'DATE'] as const),
  ...['mrn', 'medicalrecordnumber', 'chartnumber', 'patientmrn', 'mrno', 'medrec'].map((k) => [k, 'MRN'] as const),
  ...['ssn', 'socialsecuritynumber'].map((k) => [k, 'SSN'] as const),
  ...['phone', 'phonenumber', 'phoneno', 'telephone', 'tel', 'mobile', 'mobilephone', 'cellphone', 'cell', 'homephone', 'workphone', 'fax', 'faxnumber'].map((k) => [k, 'PHONE'] as const),
  ...['email', 'emailaddress', 'mail'].map((k) => [k, 'EMAIL'] as const),
  ...['line', 'address', 'streetaddress', 'street', 'addressline1', 'addressline2', 'city', 'town', 'district', 'zip', 'zipcode',
    'postalcode', 'postcode'].map((k) => [k, 'LOCATION'] as const),
  ...['memberid', 'insuranceid', 'policynumber', 'policyno', 'subscriberid', 'healthplanid'].map((k) => [k, 'HEALTH_PLAN_ID'] as const),
  ...['accountnumber', 'patientaccountnumber', 'accountno', 'acct'].map((k) => [k, 'ACCOUNT'] as const),
  ...['patientid', 'personid', 'subjectid', 'encounterid', 'visitid', 'accessionnumber', 'caseid'].map((k) => [k, 'ID'] as const),
  ...['licensenumber', 'driverslicense', 'driverslicensenumber'].map((k) => [k, 'LICENSE'] as const),
]);

/** A field name in its compared form. */
export const fieldKey = (name: string): string => name.replace(/[\s_.#/-]/g, '').toLowerCase();

/** What a field of this name holds, when it is an identifier. */
export const fieldType = (name: string): PhiType | undefined => FIELDS.get(fieldKey(name));

/** Placeholders and nulls written as values ("N/A", "***", "[REDACTED]") are no values. */
export const EMPTY_VALUE = /^(?:|null|none|n\/?a|unknown|redacted|\[[A-Z_]+\]|\*+|-+|x+)$/i;

/** A date of a year alone is no Safe Harbor date. */
export const YEAR_ONLY = /^\d{4}$/;
