/* global document */
// Stacked bar charts drawn as inline SVG: one bar per time bucket, one colour per series.
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Colours per verdict, chosen so block/error read as alarms and allow as calm. */
export const VERDICT_COLOURS = {
  allow: '#2e7d32', alert: '#f9a825', redact: '#6a1b9a', pseudonymize: '#1565c0', block: '#c62828', error: '#5d4037',
};
const PALETTE = ['#00838f', '#ad1457', '#ef6c00', '#4527a0', '#558b2f', '#37474f', '#8d6e63'];

export function colourFor(name, index) {
  return VERDICT_COLOURS[name] ?? PALETTE[index % PALETTE.length];
}

/**
 * buckets: [{ start, values: { series: count } }], series: ordered names.
 * Replaces the container's content; the SVG carries a text summary for screen readers.
 */
export function drawStacked(container, buckets, series, title) {
  const width = 600;
  const height = 160;
  const pad = { left: 34, right: 6, top: 8, bottom: 22 };
  const max = Math.max(1, ...buckets.map((b) => series.reduce((s, k) => s + (b.values[k] ?? 0), 0)));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const barW = plotW / Math.max(1, buckets.length);
  const total = buckets.reduce((s, b) => s + series.reduce((t, k) => t + (b.values[k] ?? 0), 0), 0);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}: ${total} in the window`, class: 'chart-svg' });
  svg.append(el('title', {}, `${title}: ${total} in the window`));
  for (const frac of [0, 0.5, 1]) {
    const y = pad.top + plotH * (1 - frac);
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: pad.left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, String(Math.round(max * frac))));
  }
  buckets.forEach((b, i) => {
    let y = pad.top + plotH;
    series.forEach((k, si) => {
      const v = b.values[k] ?? 0;
      if (v === 0) return;
      const h = (v / max) * plotH;
      y -= h;
      const rect = el('rect', { x: pad.left + i * barW + 1, y, width: Math.max(1, barW - 2), height: h, fill: colourFor(k, si), 'data-series': k });
      rect.append(el('title', {}, `${new Date(b.start).toLocaleTimeString()} — ${k}: ${v}`));
      svg.append(rect);
    });
  });
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (first && last) {
    svg.append(el('text', { x: pad.left, y: height - 6, class: 'axis' }, new Date(first.start).toLocaleTimeString()));
    svg.append(el('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end', class: 'axis' }, new Date(last.start).toLocaleTimeString()));
  }
  container.replaceChildren(svg);
}

export function drawLegend(list, series, totals) {
  list.replaceChildren(...series.map((k, i) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colourFor(k, i);
    li.append(swatch, document.createTextNode(`${k} (${totals[k] ?? 0})`));
    return li;
  }));
}
