import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternatives, byFirstChar, firstKey, grouped, regroup } from './alternation.js';

test('alternatives splits at top-level bars only', () => {
  assert.deepEqual(alternatives('a|b(?:c|d)|[|x]|\\||e'), ['a', 'b(?:c|d)', '[|x]', '\\|', 'e']);
});

test('firstKey: the first consumed character, or null where it is not plain', () => {
  assert.equal(firstKey('patient'), 'P');
  assert.equal(firstKey('(?<!del )paciente'), 'P');
  assert.equal(firstKey('\\bMRN'), 'M');
  assert.equal(firstKey('환자'), '환');
  assert.equal(firstKey('[Pp]t'), 'P');
  assert.equal(firstKey('[lL]ocated'), 'L');
  for (const alt of ['(?:a|b)c', '[Pp]?t', '[ab]c', '\\d+', 's?he', 'x*y', 'a{0,2}b', '.x', 'élan', '']) assert.equal(firstKey(alt), null, alt);
});

const spans = (re: RegExp, text: string): string => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`).join(',');

test('the grouped alternation finds exactly the matches of the original', () => {
  const lists = [
    'patient|pt|(?<!del )paciente|named (?:him|her)|named|name(?: is)?|son|step(?:son|mother)|(?:mother|son)-in-law|mom|mr|mrs|ms|s?he|t[ií]o|i am|i\'m|pa|p',
    'tel[eé]fonos?|tel|tfno|tlf|phone|ph|mobile|cell|m[oó]vil|call|contact(?:\\s?phone)?|cel|c',
    'Johns Hopkins|Mayo Clinic|Mayo|MGH|Mass General|St\\.? [A-Z][a-z]{2,12}|Stanford|(?:the )?Bronx|Bronx',
    '[lL]ocated|[lL]ives?|Lane|living|[sS]ent|send|Send|[pP]hone|ph|[tT]el',
  ];
  const pieces = ['patient', 'pt', 'paciente', 'del ', 'named', 'him', 'name is', 'son', 'step', 'mother', '-in-law', 'mom', 'MR', 'mrs', 'she', 'he', 'tío', "i'm", 'i am', 'pa', 'p', 'tel', 'teléfonos', 'tfno', 'phone', 'Ph', 'cell', 'cel', 'móvil', 'contact phone', 'Mayo', ' Clinic', 'Johns Hopkins', 'MGH', 'Mass General', 'St. Mary', 'the Bronx', 'Stanford', 'located', 'Located', 'lives', 'Lane', 'Living', 'sent', 'Send', ' ', ' ', ', ', ':', 'x', '\n'];
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (const list of lists) {
    const alts = alternatives(list);
    for (const flags of ['g', 'gi']) {
      const wrap = (body: string): RegExp => new RegExp(`\\b(?:${body})\\b\\s{0,2}[:,]?`, flags);
      const original = wrap(list);
      const grouped = wrap(byFirstChar(alts));
      assert.notEqual(grouped.source, original.source);
      for (let k = 0; k < 300; k++) {
        let text = '';
        for (let w = 0; w < 30; w++) text += pieces[rand(pieces.length)] ?? '';
        assert.equal(spans(grouped, text), spans(original, text), `${flags} ${JSON.stringify(text)}`);
      }
    }
  }
});

test('regroup groups every alternation of six or more, named groups included, look-behinds left alone', () => {
  const src = String.raw`\b(?:aa|ab|ba|ac|bb|ca|[(]x|\(y)\b(?<=(?:q|w|e|r|t|y|u|qq))(?<MRN>\bMRN|\bmed|\bMR|x|y|z)(?:a|b|ab)`;
  assert.equal(regroup(src), String.raw`\b(?:(?:aa|ab|ac)|(?:ba|bb)|ca|[(]x|\(y)\b(?<=(?:q|w|e|r|t|y|u|qq))(?<MRN>(?:\bMRN|\bmed|\bMR)|x|y|z)(?:a|b|ab)`);
  const re = grouped(/(?:(?<A>\bMRN|\bmed ?rec|\bMR ?#|\bchart|[x](?:y|z)|\bmember)|(?<B>\bplan|\bmed(?:ical)? id))(?<id>\d+)/gi);
  assert.equal(re.flags, 'gi');
  const text = 'MRN12, med rec3, mr #4, chart5, xy6 member7 plan8 medical id9 MEDREC10';
  const named = (r: RegExp): string => [...text.matchAll(r)].map((m) => `${m.index}:${Object.keys(m.groups ?? {}).filter((k) => m.groups?.[k] !== undefined).join('/')}`).join(',');
  assert.equal(named(re), named(/(?:(?<A>\bMRN|\bmed ?rec|\bMR ?#|\bchart|[x](?:y|z)|\bmember)|(?<B>\bplan|\bmed(?:ical)? id))(?<id>\d+)/gi));
});
