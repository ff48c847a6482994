/* global document, window, fetch, EventSource, URLSearchParams, history, setTimeout */
// The dashboard page: filters → JSON API (table + charts), live rows over SSE, one event's detail.
// Every value from the server is set as text (never as HTML), so stored strings cannot inject markup.
import { drawLegend, drawStacked } from './charts.js';
import { cell, renderDetail } from './detail.js';

const API = '/_medguard/api';
const MAX_ROWS = 200;
const VERDICTS = ['allow', 'alert', 'redact', 'pseudonymize', 'block', 'error'];
const $ = (id) => document.getElementById(id);
const form = $('filters');
const rows = $('event-rows');
let selected = null;
let statsTimer = null;

function filters() {
  const out = {};
  for (const name of ['principal', 'route', 'kind', 'verdict']) {
    const v = form.elements[name].value.trim();
    if (v) out[name] = v;
  }
  return out;
}

/** The same matching the store applies: kind is exact or a family prefix ("phi" matches "phi.PHONE"). */
function matches(event, f) {
  if (f.principal && event.principal !== f.principal) return false;
  if (f.route && event.route !== f.route) return false;
  if (f.verdict && event.verdict !== f.verdict) return false;
  if (f.kind && !event.findings.some((x) => x.kind === f.kind || x.kind.startsWith(`${f.kind}.`))) return false;
  return true;
}

function showError(text) {
  const p = $('error');
  p.textContent = text;
  p.hidden = !text;
}

async function getJson(path) {
  const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (res.status === 401) {
    window.location.assign('/_medguard/');
    throw new Error('signed out');
  }
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

function badge(verdict) {
  const span = document.createElement('span');
  span.className = `badge verdict-${VERDICTS.includes(verdict) ? verdict : 'error'}`;
  span.textContent = verdict;
  return span;
}

function row(event) {
  const tr = document.createElement('tr');
  tr.dataset.seq = String(event.seq);
  tr.tabIndex = 0;
  tr.setAttribute('aria-label', `event ${event.seq}, ${event.verdict}, route ${event.route}`);
  const verdict = document.createElement('td');
  verdict.append(badge(event.verdict));
  const kinds = [...new Set(event.findings.map((f) => f.kind))];
  tr.append(
    cell(String(event.seq)),
    cell(new Date(event.time).toLocaleTimeString()),
    cell(event.principal ?? '—'),
    cell(event.route),
    verdict,
    cell(kinds.join(', ') || '—', 'kinds'),
    cell(String(event.status)),
    cell(event.gatewayMs.toFixed(2)),
  );
  const open = () => showDetail(event.seq);
  tr.addEventListener('click', open);
  tr.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  });
  if (selected === event.seq) tr.setAttribute('aria-selected', 'true');
  return tr;
}

function updateCount() {
  $('event-count').textContent = `(${rows.children.length} shown)`;
}

async function loadEvents() {
  const q = new URLSearchParams({ ...filters(), limit: '100' });
  const { events } = await getJson(`${API}/events?${q}`);
  rows.replaceChildren(...events.map(row));
  updateCount();
}

async function loadStats() {
  const f = filters();
  const q = new URLSearchParams({ ...f, window: form.elements.window.value });
  const stats = await getJson(`${API}/stats?${q}`);
  const verdicts = VERDICTS.filter((v) => stats.totals.verdicts[v]);
  const byKind = Object.entries(stats.totals.kinds).sort((a, b) => b[1] - a[1]);
  const kinds = byKind.slice(0, 6).map(([k]) => k);
  drawStacked($('chart-verdicts'), stats.buckets.map((b) => ({ start: b.start, values: b.verdicts })), verdicts, 'Exchanges by verdict');
  drawLegend($('legend-verdicts'), verdicts, stats.totals.verdicts);
  drawStacked($('chart-kinds'), stats.buckets.map((b) => ({ start: b.start, values: b.kinds })), kinds, 'Exchanges by finding kind');
  drawLegend($('legend-kinds'), kinds, stats.totals.kinds);
}

async function showDetail(seq) {
  selected = seq;
  for (const tr of rows.children) tr.setAttribute('aria-selected', String(tr.dataset.seq === String(seq)));
  const { event } = await getJson(`${API}/events/${encodeURIComponent(seq)}`);
  renderDetail($('detail-body'), event);
  $('detail-empty').hidden = true;
  $('detail').focus();
}

function onLive(event) {
  if (!matches(event, filters())) return;
  if (rows.querySelector(`tr[data-seq="${event.seq}"]`)) return;
  rows.prepend(row(event));
  while (rows.children.length > MAX_ROWS) rows.lastElementChild.remove();
  updateCount();
  // Charts follow live traffic, at most every two seconds.
  statsTimer ??= setTimeout(() => {
    statsTimer = null;
    loadStats().catch((e) => showError(e.message));
  }, 2000);
}

function connect() {
  const status = $('live-status');
  const source = new EventSource(`${API}/live`);
  source.addEventListener('open', () => {
    status.textContent = 'live';
    status.dataset.state = 'live';
  });
  source.addEventListener('audit', (m) => onLive(JSON.parse(m.data)));
  source.addEventListener('error', () => {
    status.textContent = 'reconnecting…';
    status.dataset.state = 'down';
    // A dropped stream may have missed events: re-read the newest once it is back.
    source.addEventListener('open', () => refresh(), { once: true });
  });
}

async function refresh() {
  showError('');
  try {
    await Promise.all([loadEvents(), loadStats()]);
  } catch (e) {
    showError(e.message);
  }
}

function syncUrl() {
  const q = new URLSearchParams({ ...filters(), window: form.elements.window.value });
  history.replaceState(null, '', `?${q}`);
}

function init() {
  const given = new URLSearchParams(window.location.search);
  for (const name of ['principal', 'route', 'kind', 'verdict', 'window']) {
    const v = given.get(name);
    if (v) form.elements[name].value = v;
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    syncUrl();
    refresh();
  });
  form.addEventListener('reset', () => setTimeout(() => {
    syncUrl();
    refresh();
  }));
  form.elements.verdict.addEventListener('change', () => form.requestSubmit());
  form.elements.window.addEventListener('change', () => form.requestSubmit());
  refresh();
  connect();
}

init();
