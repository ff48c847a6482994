import { test } from 'node:test';
import assert from 'node:assert/strict';
import { injectionFinding, phoneFinding, sampleEvent } from '../../store/fixtures.js';
import { createMetrics } from './metrics.js';
import { Counter, Histogram } from './prom.js';

/** The value of one sample line, e.g. `medguard_requests_total{route="clinical",verdict="block"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('counts exchanges by route and verdict, reasons and finding kinds', () => {
  const m = createMetrics({ routeUpstreams: new Map([['clinical', 'openai']]), rss: () => 12345 });
  m.observeExchange(sampleEvent(1, { route: 'clinical', verdict: 'block', reasons: ['MG_BLOCKED_INJECTION'], findings: [injectionFinding, injectionFinding] }));
  m.observeExchange(sampleEvent(2, { route: 'clinical', verdict: 'allow', reasons: [], findings: [] }));
  m.observeExchange(sampleEvent(3, { route: 'clinical', verdict: 'redact', reasons: ['MG_REDACTED'], findings: [phoneFinding] }));
  const text = m.render();
  assert.equal(sample(text, 'medguard_requests_total{route="clinical",verdict="block"}'), 1);
  assert.equal(sample(text, 'medguard_requests_total{route="clinical",verdict="allow"}'), 1);
  assert.equal(sample(text, 'medguard_verdict_reasons_total{reason="MG_BLOCKED_INJECTION"}'), 1);
  assert.equal(sample(text, 'medguard_findings_total{kind="injection.override"}'), 2);
  assert.equal(sample(text, 'medguard_findings_total{kind="phi.PHONE"}'), 1);
  assert.equal(sample(text, 'process_resident_memory_bytes'), 12345);
  assert.match(text, /# TYPE medguard_gateway_added_seconds histogram/);
});

test('gateway-added and upstream time land in separate histograms, in seconds', () => {
  const m = createMetrics({ routeUpstreams: new Map([['clinical', 'openai']]) });
  m.observeExchange(sampleEvent(1, { route: 'clinical', gatewayMs: 1.5, upstreamMs: 800, upstreamStatus: 200 }));
  const text = m.render();
  assert.equal(sample(text, 'medguard_gateway_added_seconds_bucket{route="clinical",le="0.001"}'), 0);
  assert.equal(sample(text, 'medguard_gateway_added_seconds_bucket{route="clinical",le="0.002"}'), 1);
  assert.equal(sample(text, 'medguard_gateway_added_seconds_sum{route="clinical"}'), 0.0015);
  assert.equal(sample(text, 'medguard_upstream_seconds_bucket{upstream="openai",le="0.5"}'), 0);
  assert.equal(sample(text, 'medguard_upstream_seconds_bucket{upstream="openai",le="1"}'), 1);
  assert.equal(sample(text, 'medguard_upstream_seconds_count{upstream="openai"}'), 1);
});

test('upstream errors are counted by upstream and kind, including 5xx answers', () => {
  const m = createMetrics({ routeUpstreams: new Map([['clinical', 'openai']]) });
  m.observeExchange(sampleEvent(1, { route: 'clinical', verdict: 'error', reasons: ['MG_UPSTREAM_TIMEOUT'], upstreamStatus: null, upstreamMs: null }));
  m.observeExchange(sampleEvent(2, { route: 'clinical', verdict: 'error', reasons: ['MG_UPSTREAM_UNAVAILABLE'], upstreamStatus: null, upstreamMs: null }));
  m.observeExchange(sampleEvent(3, { route: 'clinical', verdict: 'allow', reasons: [], upstreamStatus: 503 }));
  m.observeExchange(sampleEvent(4, { route: 'clinical', verdict: 'allow', reasons: [], upstreamStatus: 200 }));
  const text = m.render();
  assert.equal(sample(text, 'medguard_upstream_errors_total{upstream="openai",kind="timeout"}'), 1);
  assert.equal(sample(text, 'medguard_upstream_errors_total{upstream="openai",kind="unavailable"}'), 1);
  assert.equal(sample(text, 'medguard_upstream_errors_total{upstream="openai",kind="status_5xx"}'), 1);
});

test('label values are escaped and the series count is capped', () => {
  const c = new Counter('t_total', 'help', ['v']);
  c.inc({ v: 'a"b\\c\nd' });
  assert.match(c.render(), /^t_total\{v="a\\"b\\\\c\\nd"\} 1$/m);
  for (let i = 0; i < 1500; i++) c.inc({ v: `x${i}` });
  const lines = c.render().split('\n').filter((l) => l.startsWith('t_total{'));
  assert.equal(lines.length, 1001, '1000 series plus the overflow series');
  assert.match(c.render(), /t_total\{v="__overflow__"\} 501/);
});

test('histogram buckets are cumulative and end with +Inf', () => {
  const h = new Histogram('h_seconds', 'help', [], [0.1, 1]);
  h.observe({}, 0.05);
  h.observe({}, 0.5);
  h.observe({}, 5);
  h.observe({}, Number.NaN);
  const text = h.render();
  assert.equal(sample(text, 'h_seconds_bucket{le="0.1"}'), 1);
  assert.equal(sample(text, 'h_seconds_bucket{le="1"}'), 2);
  assert.equal(sample(text, 'h_seconds_bucket{le="+Inf"}'), 3);
  assert.equal(sample(text, 'h_seconds_count'), 3);
});
