/**
 * DICOM header attributes that identify a patient, in the two forms a model is shown: text dumps
 * (dcmdump "(0010,0010) PN [DELGADO^ROBERT]", pydicom "(0010, 0010) Patient's Name  PN: 'DELGADO^
 * ROBERT'") and DICOM JSON ("00100010": {"vr": "PN", "Value": [{"Alphabetic": "DELGADO^ROBERT"}]}).
 * The attributes are those of the basic de-identification profile (PS3.15 Annex E) that hold a
 * person's data, a date of care, an institution or a unique id.
 */
import type { PhiType, Sink } from './types.js';

/** Tag (group and element, upper-case hex, no separator) → what its value is. */
export const DICOM_TAGS: ReadonlyMap<string, PhiType> = new Map([
  ...['00100010', '00101001', '00101005', '00101060', '00080090', '00081050', '00081060', '00081070', '00321032', '0040A123', '00081048'].map((t) => [t, 'NAME'] as const),
  ...['00100030', '00080020', '00080021', '00080022', '00080023', '00080012', '00380020', '00400244'].map((t) => [t, 'DATE'] as const),
  ['00100020', 'MRN'],
  ...['00101000', '00080050', '00200010', '00380010', '0020000D', '0020000E', '00080018', '00401001'].map((t) => [t, 'ID'] as const),
  ...['00101040', '00080080', '00080081'].map((t) => [t, 'LOCATION'] as const),
  ['00102154', 'PHONE'],
  ['00181000', 'DEVICE_ID'],
]);

const TAG = /\(([0-9A-Fa-f]{4}), ?([0-9A-Fa-f]{4})\)/g;
const MAX_LINE = 512;
const SCORE = 0.9;

export function findDicomDump(text: string, sink: Sink): void {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const type = DICOM_TAGS.get(`${m[1] ?? ''}${m[2] ?? ''}`.toUpperCase());
    if (!type) continue;
    const from = m.index + m[0].length;
    // Searches stay inside the (bounded) rest of the line: a text of tags and no newline must not
    // make each tag scan to its end.
    let line = text.slice(from, from + MAX_LINE);
    const nl = line.indexOf('\n');
    if (nl >= 0) line = line.slice(0, nl);
    const value = dumpValue(line);
    if (value) dicomValue(text, from + value.start, from + value.end, type, sink);
  }
}

/** The value on the rest of a dump line: dcmdump's [...], pydicom's 'VR: ...' (quoted or bare). */
function dumpValue(line: string): { start: number; end: number } | undefined {
  const open = line.indexOf('[');
  if (open >= 0) {
    const close = line.indexOf(']', open + 1);
    return close >= 0 ? { start: open + 1, end: close } : undefined;
  }
  const vr = /\b[A-Z][A-Z]: /.exec(line);
  if (!vr) return undefined;
  let start = vr.index + vr[0].length;
  let stop = line.length;
  const q = line[start];
  if (q === "'" || q === '"') {
    const close = line.indexOf(q, start + 1);
    if (close < 0) return undefined;
    start += 1;
    stop = close;
  }
  return { start, end: stop };
}

/**
 * One attribute value: several values split at '\', a person name into its representations ('=')
 * and components ('^': family, given, middle, then prefix and suffix, which are no names), each
 * its own span. Empty and padding-only pieces are skipped.
 */
export function dicomValue(text: string, start: number, end: number, type: PhiType, sink: Sink): void {
  let s = start;
  let component = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text[i] : '\\';
    if (c !== '\\' && !(type === 'NAME' && (c === '^' || c === '='))) continue;
    let a = s;
    let b = i;
    while (a < b && (text[a] === ' ' || text[a] === '\0')) a++;
    while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\0')) b--;
    if (b > a && component <= 2 && !/^(?:\(no value available\)|<empty>|\*+)$/i.test(text.slice(a, b))) sink(a, b, type, SCORE, `dicom.${type.toLowerCase()}`);
    component = c === '^' ? component + 1 : 0;
    s = i + 1;
  }
}
