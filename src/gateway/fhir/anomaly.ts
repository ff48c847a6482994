/**
 * FHIR access-anomaly detection, per principal over sliding windows (in-process state, bounded):
 * distinct patients per hour against the principal's own hourly baseline and its role's,
 * enumeration (runs of sequential ids, many 404s), bulk access ($export, a large _count, paging
 * through results), access outside usual hours and sudden new resource types. Each rule yields an
 * alert with evidence (counts and thresholds, never identifiers), then rests for a cool-down.
 */
import type { AnomalyOptions } from './config.js';

export interface AccessRecord {
  readonly principal: string;
  readonly role: string;
  readonly time: number;
  readonly interaction: string;
  readonly type: string | undefined;
  readonly id: string | undefined;
  readonly status: number;
  /** Patients whose data the answer carried (or the request named). */
  readonly patients: readonly string[];
  readonly count: number | undefined;
  /** The request asked for a further page of results. */
  readonly paging: boolean;
}

export type AnomalyRule = 'patients_per_hour' | 'enumeration_404' | 'enumeration_sequential' | 'bulk_export' | 'bulk_count' | 'bulk_paging' | 'off_hours' | 'new_resource_type';

export interface AnomalyAlert {
  readonly rule: AnomalyRule;
  readonly evidence: string;
}

const HOUR = 3_600_000;
const TEN_MIN = 600_000;
const COOLDOWN = TEN_MIN;
const MAX_PRINCIPALS = 100_000;
const MAX_PATIENTS = 100_000;
const MAX_HISTORY = 168;

interface State {
  readonly role: string;
  readonly patients: Map<string, number>;
  hour: number;
  readonly hourly: number[];
  /** This principal's current contribution (its mean hourly count) to its role's baseline. */
  contribution: number | undefined;
  readonly notFound: number[];
  readonly pages: number[];
  lastId: number | undefined;
  lastType: string | undefined;
  run: number;
  seen: number;
  readonly hours: number[];
  readonly types: Set<string>;
  readonly lastAlert: Map<AnomalyRule, number>;
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const prune = (xs: number[], since: number): void => {
  while (xs.length > 0 && (xs[0] ?? 0) < since) xs.shift();
};

export class AnomalyDetector {
  private readonly states = new Map<string, State>();
  /** Per role: the sum and number of its principals' own baselines, kept as hours close (O(1) per request). */
  private readonly roles = new Map<string, { sum: number; n: number }>();

  constructor(private readonly options: AnomalyOptions) {}

  private state(principal: string, role: string, time: number): State {
    let s = this.states.get(principal);
    if (!s) {
      if (this.states.size >= MAX_PRINCIPALS) {
        const oldest = this.states.keys().next().value as string;
        const evicted = this.states.get(oldest);
        if (evicted) this.contribute(evicted, undefined);
        this.states.delete(oldest);
      }
      s = { role, patients: new Map(), hour: Math.floor(time / HOUR), hourly: [], contribution: undefined, notFound: [], pages: [], lastId: undefined, lastType: undefined, run: 0, seen: 0, hours: new Array<number>(24).fill(0), types: new Set(), lastAlert: new Map() };
      this.states.set(principal, s);
    }
    return s;
  }

  /** Replaces a principal's contribution to its role's baseline. */
  private contribute(s: State, value: number | undefined): void {
    const r = this.roles.get(s.role) ?? { sum: 0, n: 0 };
    if (s.contribution !== undefined) {
      r.sum -= s.contribution;
      r.n--;
    }
    if (value !== undefined) {
      r.sum += value;
      r.n++;
    }
    s.contribution = value;
    if (r.n === 0) this.roles.delete(s.role);
    else this.roles.set(s.role, r);
  }

  /** The usual hourly distinct-patient count of a role: the mean of its principals' own baselines. */
  roleBaseline(role: string): number {
    const r = this.roles.get(role);
    return r === undefined || r.n === 0 ? 0 : r.sum / r.n;
  }

  observe(r: AccessRecord): AnomalyAlert[] {
    const o = this.options;
    if (!o.enabled) return [];
    const s = this.state(r.principal, r.role, r.time);
    const alerts: AnomalyAlert[] = [];
    const raise = (rule: AnomalyRule, evidence: string): void => {
      const last = s.lastAlert.get(rule);
      if (last !== undefined && r.time - last < COOLDOWN) return;
      s.lastAlert.set(rule, r.time);
      alerts.push({ rule, evidence });
    };
    // Close finished hours into the baseline (idle hours count as zero, up to a week).
    const hour = Math.floor(r.time / HOUR);
    if (hour > s.hour) {
      const distinct = [...s.patients.values()].filter((t) => Math.floor(t / HOUR) === s.hour).length;
      s.hourly.push(distinct);
      for (let h = s.hour + 1; h < hour && s.hourly.length < MAX_HISTORY * 2; h++) s.hourly.push(0);
      while (s.hourly.length > MAX_HISTORY) s.hourly.shift();
      s.hour = hour;
      this.contribute(s, mean(s.hourly));
    }
    for (const p of r.patients) {
      s.patients.delete(p);
      if (s.patients.size < MAX_PATIENTS) s.patients.set(p, r.time);
    }
    for (const [p, t] of s.patients) {
      if (t >= r.time - HOUR) break; // insertion order is time order
      s.patients.delete(p);
    }
    const own = mean(s.hourly);
    const role = this.roleBaseline(s.role);
    const limit = Math.max(o.patientsPerHour, o.baselineFactor * Math.max(own, role));
    if (s.patients.size > limit) raise('patients_per_hour', `${s.patients.size} distinct patients in the last hour (limit ${Math.round(limit)}: floor ${o.patientsPerHour}, own baseline ${own.toFixed(1)}/h, role ${s.role} baseline ${role.toFixed(1)}/h, factor ${o.baselineFactor})`);

    if (r.status === 404) {
      s.notFound.push(r.time);
      prune(s.notFound, r.time - TEN_MIN);
      if (s.notFound.length > o.notFoundPer10Min) raise('enumeration_404', `${s.notFound.length} not-found answers in 10 minutes (limit ${o.notFoundPer10Min})`);
    }
    const numeric = r.interaction === 'read' && r.id !== undefined && /^\d{1,15}$/.test(r.id) ? Number(r.id) : undefined;
    if (numeric !== undefined && s.lastId !== undefined && s.lastType === r.type && Math.abs(numeric - s.lastId) === 1) s.run++;
    else s.run = numeric === undefined ? 0 : 1;
    s.lastId = numeric;
    s.lastType = r.type;
    if (s.run >= o.sequentialRun) raise('enumeration_sequential', `${s.run} reads of consecutive ${r.type ?? ''} ids in a row (limit ${o.sequentialRun})`);

    if (r.interaction === 'export') raise('bulk_export', 'bulk $export requested');
    if (r.count !== undefined && r.count > o.maxCount) raise('bulk_count', `_count=${r.count} (limit ${o.maxCount})`);
    if (r.paging) {
      s.pages.push(r.time);
      prune(s.pages, r.time - TEN_MIN);
      if (s.pages.length > o.pagesPer10Min) raise('bulk_paging', `${s.pages.length} result pages in 10 minutes (limit ${o.pagesPer10Min})`);
    }

    const h = new Date(r.time).getUTCHours();
    const [start, end] = o.workingHours;
    const usual = s.seen > 0 ? (s.hours[h] ?? 0) / s.seen : 0;
    if (s.seen >= o.warmup && (h < start || h >= end) && usual < 0.05) raise('off_hours', `access at ${h}:00 UTC, outside ${start}:00-${end}:00 and ${(usual * 100).toFixed(1)}% of this principal's history`);
    if (r.type !== undefined && !s.types.has(r.type)) {
      if (s.seen >= o.warmup) raise('new_resource_type', `first access to ${r.type} after ${s.seen} requests`);
      if (s.types.size < 1000) s.types.add(r.type);
    }
    s.hours[h] = (s.hours[h] ?? 0) + 1;
    s.seen++;
    return alerts;
  }
}
