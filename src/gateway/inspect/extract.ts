/**
 * Every text an OpenAI-style request carries, with the mode it must be read in: what the user
 * typed is a `prompt`; tool results, retrieved documents, prior answers and tool definitions are
 * `document` (indirect injection lives there); system prompts are the operator's own words, so
 * they are checked for PHI and secrets but not for injection.
 */
import type { Mode } from '../../core/types.js';
import type { EndpointKind } from '../routes/openai.js';

export type JsonPath = readonly (string | number)[];

export interface TextItem {
  readonly path: JsonPath;
  readonly text: string;
  readonly mode: Mode;
  /** False for system/developer messages: trusted for injection, still checked for PHI. */
  readonly injection: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const DOCUMENT_PART_TYPES = new Set(['document', 'file', 'input_file', 'context', 'retrieved_context', 'tool_result', 'search_result']);

export function extractTexts(kind: EndpointKind, body: Obj): TextItem[] {
  const out: TextItem[] = [];
  const add = (path: JsonPath, text: unknown, mode: Mode, injection = true): void => {
    if (typeof text === 'string' && text.length > 0) out.push({ path, text, mode, injection });
  };
  if (kind === 'chat') {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    messages.forEach((m, i) => {
      if (!isObj(m)) return;
      const role = typeof m.role === 'string' ? m.role : 'user';
      const trusted = role === 'system' || role === 'developer';
      const mode: Mode = role === 'user' ? 'prompt' : trusted ? 'prompt' : 'document';
      contentTexts(m.content, ['messages', i, 'content'], mode, !trusted, add);
      if (Array.isArray(m.tool_calls)) {
        m.tool_calls.forEach((call, j) => {
          if (isObj(call) && isObj(call.function)) add(['messages', i, 'tool_calls', j, 'function', 'arguments'], call.function.arguments, 'document');
        });
      }
      if (isObj(m.function_call)) add(['messages', i, 'function_call', 'arguments'], m.function_call.arguments, 'document');
    });
    if (Array.isArray(body.tools)) {
      body.tools.forEach((t, k) => {
        if (isObj(t) && isObj(t.function)) add(['tools', k, 'function', 'description'], t.function.description, 'document');
      });
    }
  } else if (kind === 'completions') {
    stringOrList(body.prompt, ['prompt'], 'prompt', add);
    add(['suffix'], body.suffix, 'prompt');
  } else if (kind === 'embeddings') {
    stringOrList(body.input, ['input'], 'document', add);
  }
  return out;
}

type Add = (path: JsonPath, text: unknown, mode: Mode, injection?: boolean) => void;

function contentTexts(content: unknown, path: JsonPath, mode: Mode, injection: boolean, add: Add): void {
  if (typeof content === 'string') return add(path, content, mode, injection);
  if (!Array.isArray(content)) return;
  content.forEach((part, j) => {
    if (typeof part === 'string') return add([...path, j], part, mode, injection);
    if (!isObj(part)) return;
    const type = typeof part.type === 'string' ? part.type : 'text';
    const partMode: Mode = DOCUMENT_PART_TYPES.has(type) ? 'document' : mode;
    for (const field of ['text', 'content', 'input_text'] as const) {
      if (typeof part[field] === 'string') add([...path, j, field], part[field], partMode, injection || partMode === 'document');
    }
  });
}

function stringOrList(value: unknown, path: JsonPath, mode: Mode, add: Add): void {
  if (typeof value === 'string') add(path, value, mode);
  else if (Array.isArray(value)) value.forEach((v, i) => add([...path, i], v, mode));
}

/** Writes `text` at `path` inside `body` (which the caller owns). */
export function setText(body: Obj, path: JsonPath, text: string): void {
  let node: unknown = body;
  for (let i = 0; i < path.length - 1; i++) node = (node as Record<string | number, unknown>)[path[i] as string | number];
  (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = text;
}
