/* global document */
// The event-detail panel. Values are set as text only, never as HTML.

export function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function dl(pairs) {
  const list = document.createElement('dl');
  for (const [k, v] of pairs) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    list.append(dt, dd);
  }
  return list;
}

/** Fills the detail panel with one stored event: its fields and its findings (fingerprints, never values). */
export function renderDetail(body, event) {
  const summary = dl([
    ['Sequence', String(event.seq)], ['Time', event.time], ['Request id', event.requestId],
    ['Principal', event.principal ?? '—'], ['Role', event.role ?? '—'], ['Route', event.route],
    ['Request', `${event.method} ${event.path}`], ['Verdict', event.verdict], ['Reasons', event.reasons.join(', ') || '—'],
    ['Status', String(event.status)], ['Upstream status', event.upstreamStatus === null ? '—' : String(event.upstreamStatus)],
    ['Gateway ms', String(event.gatewayMs)], ['Upstream ms', event.upstreamMs === null ? '—' : String(event.upstreamMs)],
    ['Chain hash', event.hash],
  ]);
  const table = document.createElement('table');
  table.className = 'findings';
  const caption = document.createElement('caption');
  caption.textContent = event.findings.length ? `Findings (${event.findings.length}); values are never stored, only keyed fingerprints` : 'No findings';
  const head = document.createElement('tr');
  for (const h of ['Kind', 'Detector', 'Score', 'Severity', 'Direction', 'Fingerprint']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const f of event.findings) {
    const tr = document.createElement('tr');
    tr.append(cell(f.kind), cell(f.detector), cell(f.score.toFixed(2)), cell(f.severity), cell(f.direction), cell(f.fingerprint, 'mono'));
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  body.replaceChildren(summary, table);
  body.hidden = false;
}

