import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAMILY_NAMES } from '../detect/registry.js';
import { createDeidentifier, createVault, restore } from './index.js';

// End to end through the real detectors: whatever spans they find, a pseudonymised text must
// restore exactly; with the PHI family registered, the obvious identifiers must be gone.
const NOTES = [
  'Discharge summary. Patient: John Smith, DOB 04/12/1957, MRN 4481923. Admitted 03/14/2023 and discharged 03/20/2023. '
    + 'Follow-up with Dr. Emily Carter on April 3, 2023. Contact: (555) 201-3344, john.smith@gmail.com. '
    + 'Mr. Smith tolerated metformin. Molecular: BRCA1 c.68_69delAG detected.',
  '환자 김철수 (주민등록번호 900101-1234567)는 2023년 3월 14일 흉통으로 내원하였다. 보호자 이영희 연락처 010-1234-5678. '
    + '2023년 3월 20일 퇴원. 김철수 환자는 외래 추적 예정.',
  'Paciente María García, nacida el 14 de marzo de 1980, ingresó el 2 de mayo de 2023. Teléfono 612 345 678.',
];

const hasPhi = (FAMILY_NAMES as readonly string[]).includes('phi');

for (const [i, note] of NOTES.entries()) {
  test(`deidentify → restore is exact through the real detectors (note ${i + 1})`, () => {
    const deid = createDeidentifier({ defaultAction: 'pseudonymize', key: 'e2e-key-0123456789abcdef' });
    const vault = createVault();
    const r = deid.deidentify(note, { vault });
    assert.equal(r.ambiguous, 0);
    assert.equal(restore(r.text, vault), note);
    assert.ok(!r.text.includes('c.68_69delAG'));
    if (hasPhi) {
      for (const value of ['John Smith', '4481923', '201-3344', 'john.smith@gmail.com', '900101-1234567', '010-1234-5678', '김철수']) {
        assert.ok(!r.text.includes(value), `note ${i + 1} still contains an identifier`);
      }
    }
  });
}

test('redaction through the real detectors leaves clinical wording alone', () => {
  const text = 'CT scan showed no PE. Started ACE inhibitor; HbA1c 7.2%. Risk-factor review done.';
  const r = createDeidentifier().deidentify(text);
  assert.equal(r.text, text);
  assert.equal(r.replacements.length, 0);
});

test('pseudonymised places read as places and restore exactly', { skip: !hasPhi }, () => {
  const note = 'Seen 03/14/2023 at Cleveland Clinic. Lives at 4521 N Oak Avenue Apt 3B, Boston, MA 02118; moved to Boston in 2019.';
  const vault = createVault();
  const r = createDeidentifier({ defaultAction: 'pseudonymize', key: 'e2e-key-0123456789abcdef' }).deidentify(note, { vault });
  assert.ok(!/Cleveland|Oak|Boston|02118|\[LOCATION/.test(r.text), 'places replaced by realistic surrogates');
  assert.match(r.text, / Clinic\. Lives at \d{4} N \S+ Avenue Apt \dB, /);
  assert.equal(restore(r.text, vault), note);
});
