/**
 * Just enough of the Prometheus text exposition format (version 0.0.4) for the gateway: counters
 * and histograms with labels, and gauges read at scrape time. Label sets per metric are capped so
 * an unexpected value (a new reason code, a misbehaving upstream) cannot grow memory without bound.
 */
export type Labels = Readonly<Record<string, string>>;

const MAX_SERIES = 1000;
const OVERFLOW = '__overflow__';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(names: readonly string[], values: readonly string[], extra = ''): string {
  const parts = names.map((n, i) => `${n}="${escapeLabel(values[i] ?? '')}"`);
  if (extra) parts.push(extra);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Prometheus renders non-integers in Go float syntax; JS number text is compatible except for infinities. */
function num(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

abstract class Family<S> {
  protected readonly series = new Map<string, { values: string[]; state: S }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected abstract fresh(): S;

  protected at(labels: Labels): S {
    let values = this.labelNames.map((n) => labels[n] ?? '');
    let key = values.join('\u0000');
    let entry = this.series.get(key);
    if (!entry) {
      if (this.series.size >= MAX_SERIES) {
        values = this.labelNames.map(() => OVERFLOW);
        key = values.join('\u0000');
        entry = this.series.get(key);
      }
      if (!entry) {
        entry = { values, state: this.fresh() };
        this.series.set(key, entry);
      }
    }
    return entry.state;
  }

  protected head(type: string): string {
    return `# HELP ${this.name} ${this.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${this.name} ${type}\n`;
  }

  abstract render(): string;
}

export class Counter extends Family<{ value: number }> {
  protected fresh(): { value: number } {
    return { value: 0 };
  }

  inc(labels: Labels = {}, by = 1): void {
    this.at(labels).value += by;
  }

  render(): string {
    let out = this.head('counter');
    for (const { values, state } of this.series.values()) out += `${this.name}${labelText(this.labelNames, values)} ${num(state.value)}\n`;
    return out;
  }
}

interface HistogramState {
  readonly counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Family<HistogramState> {
  constructor(name: string, help: string, labelNames: readonly string[], readonly buckets: readonly number[]) {
    super(name, help, labelNames);
  }

  protected fresh(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(labels: Labels, value: number): void {
    if (!Number.isFinite(value) || value < 0) return;
    const s = this.at(labels);
    s.sum += value;
    s.count += 1;
    // Buckets are few (≤ 20): a linear scan is cheaper than a binary search at this size.
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] ?? Infinity)) {
        s.counts[i] = (s.counts[i] ?? 0) + 1;
        break;
      }
    }
  }

  render(): string {
    let out = this.head('histogram');
    for (const { values, state } of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i < this.buckets.length; i++) {
        cumulative += state.counts[i] ?? 0;
        out += `${this.name}_bucket${labelText(this.labelNames, values, `le="${num(this.buckets[i] ?? Infinity)}"`)} ${cumulative}\n`;
      }
      out += `${this.name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${state.count}\n`;
      out += `${this.name}_sum${labelText(this.labelNames, values)} ${num(state.sum)}\n`;
      out += `${this.name}_count${labelText(this.labelNames, values)} ${state.count}\n`;
    }
    return out;
  }
}

/** A value read when scraped (process memory, subscribers). */
export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string {
    return `# HELP ${this.name} ${this.help}\n# TYPE ${this.name} gauge\n${this.name} ${num(this.read())}\n`;
  }
}

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
