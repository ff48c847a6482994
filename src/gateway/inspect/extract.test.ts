import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTexts, setText } from './extract.js';

test('every text of a chat request is found with its mode and trust', () => {
  const body = {
    messages: [
      { role: 'system', content: 'You are a ward assistant.' },
      { role: 'user', content: [{ type: 'text', text: 'Summarise this.' }, { type: 'image_url', image_url: { url: 'https://x' } }, { type: 'document', text: 'Retrieved note.' }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{"q":"x"}' } }] },
      { role: 'tool', tool_call_id: 't', content: 'Tool output.' },
    ],
    tools: [{ type: 'function', function: { name: 'f', description: 'Looks things up.' } }],
  };
  const items = extractTexts('chat', body);
  assert.deepEqual(items.map((i) => [i.path.join('.'), i.mode, i.injection]), [
    ['messages.0.content', 'prompt', false],
    ['messages.1.content.0.text', 'prompt', true],
    ['messages.1.content.2.text', 'document', true],
    ['messages.2.tool_calls.0.function.arguments', 'document', true],
    ['messages.3.content', 'document', true],
    ['tools.0.function.description', 'document', true],
  ]);
  setText(body, items[4]!.path, 'rewritten');
  assert.equal(body.messages[3]!.content, 'rewritten');
});

test('completions and embeddings inputs, single or listed', () => {
  assert.deepEqual(extractTexts('completions', { prompt: ['a', 'b'], suffix: 'c' }).map((i) => [i.path.join('.'), i.mode]), [['prompt.0', 'prompt'], ['prompt.1', 'prompt'], ['suffix', 'prompt']]);
  assert.deepEqual(extractTexts('embeddings', { input: 'doc' }).map((i) => i.mode), ['document']);
  assert.deepEqual(extractTexts('embeddings', { input: [1, 2, 3] }), [], 'token arrays carry no text');
});
