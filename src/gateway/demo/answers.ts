/**
 * The demo model's canned, deterministic answers. They echo part of the question so redaction and
 * pseudonymisation round trips are visible, and one of them "leaks" a made-up phone number so
 * output inspection has something to catch. Every name and number here is fictional.
 */
const CANNED: readonly [RegExp, string][] = [
  [/metformin/i, 'Metformin is usually started at 500 mg once daily with food and titrated to 1 g twice daily; with an eGFR of 30-45 the maximum is 1 g a day.'],
  [/warfarin|inr/i, 'Keep the INR between 2 and 3 for most indications; recheck within 5-7 days after any dose change.'],
  [/statin|lipid|cholesterol/i, 'Atorvastatin 20 mg at night is a common starting dose for primary prevention; recheck lipids and ALT at 3 months.'],
  [/amoxicillin|antibiotic/i, 'Amoxicillin 500 mg three times a day for 5 days covers most uncomplicated community-acquired infections in adults.'],
];

const FALLBACK = 'I can help with dosing, interactions and guideline questions. Please check local protocols before acting on any answer.';

/** Asking for a contact number makes the demo model invent one: output inspection should stop it. */
const LEAK = /\b(phone|contact number|call back|telephone)\b/i;
const LEAKED = 'You can reach the on-call registrar, Dr Alan Grant, on 020 7946 0321 or at alan.grant@example-hospital.org.';

export function answerFor(question: string): string {
  const echo = question.length > 300 ? `${question.slice(0, 300)}...` : question;
  const canned = CANNED.find(([re]) => re.test(question))?.[1] ?? FALLBACK;
  const leak = LEAK.test(question) ? ` ${LEAKED}` : '';
  return `You asked: "${echo}". ${canned}${leak}`;
}

/** A small deterministic "embedding" so /v1/embeddings works offline. */
export function embed(text: string, dims = 8): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i++) v[i % dims] = ((v[i % dims] ?? 0) + text.charCodeAt(i) * 31) % 1000;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => Math.round((x / norm) * 1e6) / 1e6);
}
