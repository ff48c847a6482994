/**
 * Data for the Latin-script name model besides the PHI dev file: template sentences we wrote
 * (general and clinical; dialogues, signatures, lists, address blocks, lower-case variants) filled
 * with faker's names from 40 Latin-script locales, the same templates with unmarked places,
 * companies, nouns, drugs and eponyms in the name slots, clinical sentences with eponyms and drugs,
 * and licensed medical text (medical_benign.jsonl: MedQuAD, PubMedQA, MTS-Dialog, aci-bench; all
 * CC BY 4.0 or MIT) as negatives. Deterministic for a seed.
 */
import { createHash } from 'node:crypto';
import { allFakers, type Faker } from '@faker-js/faker';
import { loadSplit } from './data.js';
import type { PhiDoc, Span } from './ko-names-data.js';

const LOCALES = ['de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CA', 'it', 'nl', 'nl_BE', 'pl', 'cs_CZ', 'sk', 'hu', 'hr', 'sl_SI', 'sr_RS_latin', 'sv', 'nb_NO', 'da', 'fi', 'pt_PT', 'pt_BR', 'ro', 'tr', 'lv', 'id_ID', 'vi', 'af_ZA', 'zu_ZA', 'yo_NG', 'en', 'en_GB', 'en_IN', 'en_NG', 'en_AU', 'es', 'es_MX', 'az', 'uz_UZ_latin', 'ku_kmr_latin'] as const;

// Name slots: {N} full name, {F} given name, {L} surname (a digit after the letter makes another
// person). Other slots: {C} city, {O} company, {J} job, {S} street, {D} drug, {E} eponym, {W} noun.
const NAME_TEMPLATES = [
  '{F}: What a day.\n{F2}: Indeed it was.', '{F}: "who are you?"\n{F2}: "i\'m {F3}\'s friend".', '{F}: Are you coming tonight?\n{F2}: Maybe later.',
  'Best regards,\n{N}\n{J}\n{O}', '{N}\n{J}\n{O}\n{S}\n{C}', 'Thanks,\n{F}', 'Cheers, {F}', '{N}\n\n{S}\n{C}',
  'Our founders: {L}, {L2} and {L3}.', '{L} and {L2} were the first to arrive.', 'Attendees: {N}, {N2}, {N3}.',
  'I met {N} at the conference last year.', 'Have you read the new book by {N}?', '{F} told me that {F2} is moving to {C}.',
  'Please forward this to {N} before Friday.', 'The report was written by {N} and reviewed by {N2}.', '{N} will present the results tomorrow.',
  'Can you ask {F} to call me back?', 'Hey {F}, are you coming tonight?', 'I\'m so tired, said {F} to {F2}.', '{L}\'s latest album sold well.',
  'This song was covered by {N} in 1999.', 'Unlike early {L}, this record is calm.', 'Send the package to {N}, {S}, {C}.', '{N} lives in {C} with her family.',
  'We hired {N} as our new accountant.', 'Congratulations to {N} on the promotion!', 'You can tell {F} was a big fan of {N}.', 'Don\'t be late, {F}!',
  '{F} is from {O} and works as a {J}.', 'I want to add {N} as a beneficiary.', '{L} began writing as a teenager.', 'What a surprise to see {F} here.',
  'Dr. {L} reviewed the MRI with the patient.', 'Follow up with {N} in two weeks.', 'Patient seen with her daughter {F} today.', '{N} was admitted for chest pain.',
  'Spoke with {F} (wife) by phone about discharge.', 'Referred to {N} for cardiology consult.', 'Hi, this is {F}. My mother {N} has diabetes; is metformin safe?',
  'Pt {L} c/o headache x3 days.', 'Signed: {N}, MD', 'Nurse {F} gave 4 mg ondansetron at 10:00.', 'Discussed the plan with {N} and her son {F}.',
  '{N} ({J}) called about the lab results.', 'Name:    {N}\nPhone:   555-0100', 'Directed By:    {N}', 'Written by {N} and {N2}', 'Question from {F}: what does my A1c mean?',
  '{H}: {W} is ready.\n{F}: Thanks!', '{F} {L} speaking, how can I help?', 'Regards\n{N}', 'Sent by {F} on behalf of {N}', 'It was {F} who found it, not {F2}.',
  '{F}, {F2} and {F3} went home.', '{L} and {L2} were precision engineers.', 'Thank you {F}!', 'Ask {F} about it.', 'I am {F} and this is my friend {F2}.', 'Visit with {F} and {F2} went well; {L} will call back.', 'Has {N} been seen by neurology?',
];

// Names in ordinary running text with no cue: subject, object, after a preposition, alone at a
// sentence start, in questions and asides. Without them the model learned that a capital inside
// plain prose is not a name (a held-out probe, "we are waiting for X to finish", scored 0.00).
const RUNNING_TEMPLATES = [
  'I ran into {F} at the station this morning.', 'We stayed with {F} and her parents over the holidays.', 'The keys are with {F}, ask her.',
  'This cake recipe comes from {N}.', 'Nobody told {F} about the change of plan.', 'How long has {F} worked here?', 'We should invite {F} too.',
  '{L} missed the penalty in the last minute.', '{L} won the race for the third year running.', 'The bill was drafted by {L} and passed easily.',
  'After lunch {F} drove back to the office.', 'When {F} called, we were already asleep.', 'If {F} agrees, we can start on Monday.',
  'Do you remember when {F} fell off the boat?', 'She has been friends with {F} since school.', 'The dog belongs to {N}, who lives upstairs.',
  'My brother and {F} are planning a trip.', 'I gave the book back to {F} yesterday.', 'Everyone laughed when {F} started singing.',
  'Apparently {F} got the job.', 'Tell {F} the car is ready.', 'Was it {F} or {F2} who called?', 'Neither {F} nor {F2} wanted to leave.',
  '{F} and I went for a walk.', 'Why did {F} leave so early?', 'The photo shows {N} in front of the house.', 'Last year {N} ran the marathon.',
  'Critics praised {L} for the bold staging.', 'The new coach, {N}, starts next month.', 'Only {F} knows the password.', 'We voted for {L}.',
  'The award went to {N} for her first novel.', 'They named the bridge after {N}.', 'Let me check with {F} first.', 'I owe {F} a favour.',
  '{F} looked tired but happy.', 'The first goal came from {L} after ten minutes.', 'Honestly, {F} was right about the weather.', 'See you soon, {F}.',
  'We are still waiting to hear from {N}.', 'According to {F}, the shop opens at nine.', 'In the end {L} resigned.', 'The kids adore {F}.',
];

const NEGATIVE_TEMPLATES = [
  '{E} disease was ruled out; start {D} 20 mg daily.', 'History of {E} syndrome. Continue {D}.', 'Positive {E} sign on exam.', 'Transferred from {C} General Hospital.',
  'She works at {O} in {C}.', '{W} is important for recovery.', 'Take {D} with food. {W} may help.', 'Is {D} safe during pregnancy?', 'What are the symptoms of {E} disease?',
  'The {W} was delivered to {C} on time.', 'Doctor: Any allergies?\nPatient: No, but {D} makes me sick.', 'Assessment: {E} disease, stable on {D}.',
  'Plan: increase {D}; recheck in {C} clinic.', '{W} and {W2} were discussed at length.', 'Known {E} syndrome, now on {D} and {D2}.', 'Can {D} cause {E} syndrome?',
  'Welcome to {O}! Our {W} team is here.', 'The bus to {C} leaves at noon.', 'We flew from {C} to {C2} on Monday.', 'Medications: {D} 5 mg, {D2} 10 mg.',
  'Differential includes {E} disease and {E2} syndrome.', '{H}: {W} and {W2}.', '{H}: see {E} criteria.\n{H2}: {D} 10 mg.', '{H}:    {W}',
  '{W}: {W2} is listed below.', 'Re: {W} update', '{H}: none known.\n{H2}: stable.', 'Subject: {W} schedule for {C}', '{D} was held because of low blood pressure.', 'Negative {E} test. {W} normal.',
];

// Their counterpart: capitalised words in plain prose that are not names (sentence starts, plurals,
// titles, brands), so the running-text contexts above do not make every capital a name.
const RUNNING_NEGATIVES = [
  '{W}s were cheaper last year.', '{W} prices went up again this spring.', 'Neighbours said the {W} was too loud.', '{W}s and {W2}s are on sale.',
  'We watched {W} and {W2} on Friday night.', 'The {W} Festival starts next week.', 'Most {W}s arrived late.', 'Our {W} team won again.',
  'Honestly, {W} was the best part.', 'I bought {W} at the market.', 'Sales of {W} fell after the launch.', 'Apparently {W}s are back in fashion.',
  'After lunch {W} was served.', 'They moved to {C} last year.', 'The train to {C} was cancelled.', 'We flew with {O} this time.',
];

const EPONYMS = 'Parkinson Crohn Hodgkin Alzheimer Cushing Addison Graves Hashimoto Raynaud Sjogren Wernicke Tourette Asperger Marfan Kawasaki Lyme Meniere Paget Bell Wilson Wilms Ewing Burkitt Barrett Takayasu Behcet Down Huntington Babinski Romberg Kernig Brudzinski Murphy McBurney Homans Tinel Phalen Lachman Apgar Glasgow Gleason Epley Heimlich Valsalva Nissen Whipple Kaposi Dupuytren Hirschsprung Klinefelter Turner Noonan Angelman Rett Gaucher Fabry Pompe Lynch Gilbert Brugada Eisenmenger Fallot Ebstein Kussmaul Virchow Horner Duchenne Becker Charcot Guillain-Barre Osgood-Schlatter Peyronie Reiter Sturge-Weber Budd-Chiari Mallory-Weiss Zollinger-Ellison Tietze Bartter Conn Cushing Dressler Erb Felty Kawasaki Leber Ludwig Meckel Ortner Pancoast Raynaud Still Weber Wegener'.split(' ');
const DRUGS = 'Lasix Norvasc Zestril Glucotrol Coreg Lopressor Imdur Aldactone Bumex Zofran Reglan Pepcid Colace Senokot Miralax Imodium Flonase Pulmicort Dilantin Ativan Haldol Zyprexa Risperdal Buspar Remeron Effexor Klonopin Restoril Lunesta Strattera Catapres Cardura Proscar Detrol Ditropan Macrobid Bactroban Lamisil Eliquis Xarelto Januvia Jardiance Ozempic Keytruda Humira Lantus Synthroid Plavix Metformin Warfarin Lisinopril Atorvastatin Amlodipine Gabapentin Sertraline Prednisone Insulin Heparin Tramadol Augmentin Keflex Bactrim'.split(' ');

/** Line labels that are not speakers: "Note:", "Plan:" open a field, not a dialogue line. */
const HEADERS = 'Note Notes Summary Plan Assessment Allergies Medications Impression Question Answer Update Reminder Warning Important Location Company Title Email Phone Address Date Time Subject Comments Remarks Findings Result Results Status Reason Complaint Diagnosis Procedure Instructions Follow-up Vitals Labs Imaging Disposition Echo Reply Response Output Input Context Prompt System User Assistant Bot Agent Customer Support Operator Caller Host Moderator Narrator Speaker Name Surname Occupation Employer Nationality Department Office Website Hours Price Total Menu Topic Agenda Action Goal Tip Example Step Source Reference Category Genre Rating Cast Runtime Studio'.split(' ');

const ALL_NAME_TEMPLATES = [...NAME_TEMPLATES, ...RUNNING_TEMPLATES];
const ALL_NEGATIVE_TEMPLATES = [...NEGATIVE_TEMPLATES, ...RUNNING_NEGATIVES];

type Fill = Record<string, { text: string; name: boolean }>;

function localeFaker(i: number): Faker {
  return (allFakers as Record<string, Faker>)[LOCALES[i % LOCALES.length] ?? 'en'] ?? allFakers.en;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Fills one template; `names` false puts places, companies and nouns in the name slots, unmarked. */
function render(template: string, f: Faker, names: boolean, seed: number): { text: string; spans: Span[] } {
  const fill: Fill = {};
  const negative = (): string => {
    const k = seed++ % 4;
    return k === 0 ? f.location.city() : k === 1 ? f.company.name().split(/[ ,]/)[0] ?? 'Acme' : k === 2 ? cap(allFakers.en.word.noun()) : f.helpers.arrayElement(DRUGS);
  };
  let text = '';
  const spans: Span[] = [];
  for (const part of template.split(/(\{[A-Z]\d?\})/)) {
    const m = /^\{([A-Z])(\d?)\}$/.exec(part);
    if (!m) { text += part; continue; }
    const key = `${m[1] ?? ''}${m[2] ?? ''}`;
    const kind = m[1] ?? '';
    let v = fill[key];
    if (!v) {
      const isName = kind === 'N' || kind === 'F' || kind === 'L';
      const value = !isName || !names ? (isName ? negative() : other(kind, f)) : kind === 'N' ? fullName(f, seed++) : kind === 'F' ? word(f, f.person.firstName(), seed++) : word(f, f.person.lastName(), seed++);
      v = fill[key] = { text: value, name: isName && names };
    }
    if (v.name) spans.push({ start: text.length, end: text.length + v.text.length, type: 'NAME' });
    text += v.text;
  }
  return { text, spans };
}

/** A third of the names are spliced from two of the locale's (Anouk + Brigitta -> Anitta): name-shaped, not memorisable. */
function word(f: Faker, name: string, seed: number): string {
  if (seed % 3 !== 0) return name;
  const other = seed % 2 === 0 ? f.person.firstName() : f.person.lastName();
  const cut = Math.max(2, Math.min(name.length - 1, 2 + (seed % 3)));
  const from = Math.max(1, Math.min(other.length - 2, 1 + (seed % 4)));
  const spliced = `${name.slice(0, cut)}${other.slice(from)}`;
  return /^[\p{L}'-]{3,}$/u.test(spliced) ? spliced : name;
}

/** Given name and surname; every fifth with a middle initial (Karin M. Beike, Miki C Kristiansen). */
function fullName(f: Faker, seed: number): string {
  const first = word(f, f.person.firstName(), seed);
  const last = word(f, f.person.lastName(), seed + 1);
  if (seed % 5 !== 0) return `${first} ${last}`;
  const initial = String.fromCharCode(65 + (seed % 26));
  return `${first} ${initial}${seed % 2 === 0 ? '.' : ''} ${last}`;
}

function other(kind: string, f: Faker): string {
  switch (kind) {
    case 'C': return f.location.city();
    case 'O': return f.company.name();
    case 'J': return allFakers.en.person.jobTitle();
    case 'S': return f.location.streetAddress();
    case 'D': return f.helpers.arrayElement(DRUGS);
    case 'E': return f.helpers.arrayElement(EPONYMS);
    case 'H': return f.helpers.arrayElement(HEADERS);
    default: return cap(allFakers.en.word.noun());
  }
}

/**
 * Template documents: of every ten, five with names as written, two lower-cased (chat style), one
 * with negatives in the name slots, two from the negative templates (eponyms, drugs, places), one
 * of them lower-cased.
 */
export function syntheticLatinDocs(count: number, seed: number): PhiDoc[] {
  const docs: PhiDoc[] = [];
  for (const l of LOCALES) (allFakers as Record<string, Faker>)[l]?.seed(seed);
  allFakers.en.seed(seed);
  for (let i = 0; i < count; i++) {
    const f = localeFaker(Math.floor(i / 5) * 7 + i);
    const mode = i % 5;
    const template = mode === 4 ? ALL_NEGATIVE_TEMPLATES[i % ALL_NEGATIVE_TEMPLATES.length] ?? '' : ALL_NAME_TEMPLATES[Math.floor(i / 5) % ALL_NAME_TEMPLATES.length] ?? '';
    // Negatives in the name slots for one in ten, so a context alone ("X: What a day") still counts.
    const named = mode <= 2 || (mode === 3 && i % 10 !== 3);
    const { text: written, spans } = render(template, f, named, i);
    let text = written;
    // Lower case: the chat-style named rows, and half the negative rows (so "she was born" stays a verb).
    if (mode === 2 || i % 10 === 9) {
      const lower = text.toLowerCase();
      if (lower.length === text.length) text = lower;
    }
    docs.push({ id: `faker-latin:${i}`, text, spans, ignore: [], source: 'faker-latin', lang: 'xx' });
  }
  return docs;
}

const LICENSED = ['abachaa/MedQuAD', 'pubmedqa/pubmedqa', 'abachaa/MTS-Dialog', 'wyim/aci-bench'];

/** Licensed medical-benign rows of one split, hash-selected, cut to `maxChars`: negatives with no gold names. */
export function medicalRows(split: 'train' | 'dev', count: number, maxChars = 3000): PhiDoc[] {
  const rows = loadSplit(split).medical
    .filter((r) => LICENSED.some((p) => r.source.startsWith(p)))
    .map((r) => ({ id: r.id, text: r.text.slice(0, maxChars), h: createHash('sha256').update(`latin:${r.id}`).digest('hex') }));
  rows.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
  return rows.slice(0, count).map((r) => ({ id: `medical:${r.id}`, text: r.text, spans: [], ignore: [], source: 'medical-benign', lang: 'en' }));
}
