/**
 * Turns one parsed record (a JSON object, or a CSV row keyed by its header) into a DatasetRow.
 * The shapes accepted are the common fine-tuning layouts; anything else is a per-row error that
 * names the fields we look for, never a crash.
 */
import type { DatasetFormat, DatasetRow, RowText } from '../types.js';

const PROMPT_KEYS = ['prompt', 'instruction', 'question', 'query'] as const;
const ANSWER_KEYS = ['response', 'output', 'completion', 'answer', 'chosen'] as const;
const INPUT_KEYS = ['input', 'context'] as const;
const TEXT_KEYS = ['text', 'sentence', 'content'] as const;
const LABEL_KEYS = ['label', 'class', 'category', 'target'] as const;

export type RowResult = { readonly ok: true; readonly row: DatasetRow } | { readonly ok: false; readonly message: string };

type Rec = Readonly<Record<string, unknown>>;

function pick(rec: Rec, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  }
  return undefined;
}

/** OpenAI content may be a string or an array of parts; only text parts are training text. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const parts: string[] = [];
  for (const p of content) {
    if (typeof p === 'string') parts.push(p);
    else if (p !== null && typeof p === 'object' && typeof (p as Rec).text === 'string') parts.push((p as Rec).text as string);
  }
  return parts.join('\n');
}

const ROLE: Record<string, RowText['role']> = {
  system: 'system', developer: 'system', user: 'user', human: 'user', assistant: 'assistant', gpt: 'assistant', model: 'assistant', bot: 'assistant', tool: 'input', function: 'input',
};

function chatRow(list: readonly unknown[], index: number, line: number, format: DatasetFormat): RowResult {
  const texts: RowText[] = [];
  for (const [i, m] of list.entries()) {
    if (m === null || typeof m !== 'object') return { ok: false, message: `messages[${i}] is not an object` };
    const rec = m as Rec;
    const roleName = typeof rec.role === 'string' ? rec.role : typeof rec.from === 'string' ? rec.from : undefined;
    const role = roleName === undefined ? undefined : ROLE[roleName.toLowerCase()];
    if (role === undefined) return { ok: false, message: `messages[${i}] has no known role (system, user, assistant)` };
    const text = contentText(rec.content ?? rec.value);
    if (text === undefined) {
      // An assistant turn that only calls tools has no text; it is not malformed.
      if (rec.content === null) continue;
      return { ok: false, message: `messages[${i}].content is not text` };
    }
    texts.push({ role, text });
  }
  const lastAnswer = texts.map((t) => t.role).lastIndexOf('assistant');
  if (lastAnswer < 0) return { ok: false, message: 'messages has no assistant turn' };
  const prompt = texts.filter((t, i) => i < lastAnswer && (t.role === 'user' || t.role === 'input')).map((t) => t.text).join('\n');
  return { ok: true, row: { index, line, format, texts, prompt, answer: texts[lastAnswer]!.text } };
}

export function toRow(value: unknown, index: number, line: number, csv: boolean): RowResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'a row must be a JSON object' };
  const rec = value as Rec;
  const list = rec.messages ?? rec.conversations;
  if (Array.isArray(list)) return chatRow(list, index, line, csv ? 'csv' : 'chat');
  const system = pick(rec, ['system']);
  const head: RowText[] = system === undefined ? [] : [{ role: 'system', text: system }];
  const prompt = pick(rec, PROMPT_KEYS);
  const answer = pick(rec, ANSWER_KEYS);
  const input = pick(rec, INPUT_KEYS);
  if (prompt !== undefined && answer !== undefined) {
    const texts: RowText[] = [...head, { role: 'user', text: prompt }, ...(input ? [{ role: 'input' as const, text: input }] : []), { role: 'assistant', text: answer }];
    return { ok: true, row: { index, line, format: csv ? 'csv' : 'instruction', texts, prompt: input ? `${prompt}\n${input}` : prompt, answer } };
  }
  // Alpaca variants without an instruction: input -> output.
  if (input !== undefined && answer !== undefined) {
    return { ok: true, row: { index, line, format: csv ? 'csv' : 'instruction', texts: [...head, { role: 'input', text: input }, { role: 'assistant', text: answer }], prompt: input, answer } };
  }
  const text = pick(rec, TEXT_KEYS);
  const label = pick(rec, LABEL_KEYS);
  if (text !== undefined && label !== undefined) {
    return { ok: true, row: { index, line, format: csv ? 'csv' : 'classification', texts: [...head, { role: 'user', text }, { role: 'label', text: label }], prompt: text, answer: label } };
  }
  return { ok: false, message: 'no known fields: expected messages[], prompt/response, instruction/output, input/output or text/label' };
}
