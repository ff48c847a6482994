/**
 * What the model gets to see of a FHIR answer: elements stripped per route, free text checked for
 * indirect injection (mode `document`) and optionally de-identified with the PHI engine, one
 * vault per answer so a name gets the same pseudonym in every resource of it.
 */
import { createDeidentifier, createVault, type Deidentifier, type Vault } from '../../deid/index.js';
import type { Pipeline } from '../../core/pipeline.js';
import { createInspector } from '../../inspect.js';
import type { Json } from '../../fhir/compartment.js';
import { inspectText, isFailure } from '../inspect/engine.js';
import type { FhirOptions } from './config.js';

export const QUARANTINE_MARKER = '[medguard: content quarantined: instruction-like text]';
/** Text the PHI engine could not process is withheld rather than passed on un-de-identified. */
export const WITHHELD_MARKER = '[medguard: text withheld: could not be de-identified]';
const TEXT_TYPES = /^text\/(plain|markdown)\b/i;
/** Shorter strings are codes and labels, not prose that could carry instructions. */
const MIN_TEXT_CHARS = 16;
const MAX_NODES = 50_000;
const MAX_DEPTH = 32;

let injection: Pipeline | undefined;
let deidentifier: Deidentifier | undefined;

export interface TextHit {
  readonly resource: Json;
  readonly kind: string;
  readonly value: string;
}

export interface ContentReport {
  readonly quarantined: TextHit[];
  readonly flagged: TextHit[];
  readonly blocked: TextHit[];
  failures: number;
  pseudonymized: number;
}

interface Slot {
  readonly get: () => string;
  readonly set: (v: string) => void;
  readonly kind: 'div' | 'text' | 'attachment';
}

/** A marker in place of a slot's text: a narrative div stays valid XHTML. */
const marker = (slot: Slot, text: string): string => (slot.kind === 'div' ? `<div xmlns="http://www.w3.org/1999/xhtml"><p>${text}</p></div>` : text);

/** Free-text slots of one resource: narrative div, note/description/text strings, text attachments. */
function slots(resource: Json): Slot[] {
  const out: Slot[] = [];
  let nodes = 0;
  const walk = (o: Json, depth: number): void => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) return;
    if (typeof o.contentType === 'string' && TEXT_TYPES.test(o.contentType) && typeof o.data === 'string') {
      out.push({ kind: 'attachment', get: () => Buffer.from(o.data as string, 'base64').toString('utf8'), set: (v) => { o.data = Buffer.from(v, 'utf8').toString('base64'); } });
    }
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') {
        if (k === 'div') out.push({ kind: 'div', get: () => o[k] as string, set: (s) => { o[k] = s; } });
        else if ((k === 'text' || k === 'description' || k === 'comment') && v.length >= MIN_TEXT_CHARS) out.push({ kind: 'text', get: () => o[k] as string, set: (s) => { o[k] = s; } });
      } else if (Array.isArray(v)) {
        for (const item of v) if (item !== null && typeof item === 'object' && !Array.isArray(item)) walk(item as Json, depth + 1);
      } else if (v !== null && typeof v === 'object') walk(v as Json, depth + 1);
    }
  };
  walk(resource, 0);
  return out;
}

function strip(resource: Json, elements: readonly string[]): void {
  for (const e of elements) delete resource[e];
  if (Array.isArray(resource.contained)) for (const c of resource.contained) if (c && typeof c === 'object') strip(c as Json, elements);
}

function flag(resource: Json): void {
  const meta = (resource.meta ??= {}) as Json;
  const security = (Array.isArray(meta.security) ? meta.security : (meta.security = [])) as unknown[];
  security.push({ system: 'urn:medguard:fhir', code: 'injection-suspect', display: 'instruction-like text found by medguard' });
}

/** Applies the route's content policy to every resource of an answer, in place. */
export function processContent(resources: readonly Json[], options: FhirOptions): ContentReport {
  const report: ContentReport = { quarantined: [], flagged: [], blocked: [], failures: 0, pseudonymized: 0 };
  const { stripElements, deidentifyText } = options.minimise;
  let vault: Vault | undefined;
  for (const r of resources) {
    if (stripElements.length > 0) strip(r, stripElements);
    if (options.injection === 'off' && !deidentifyText) continue;
    for (const slot of slots(r)) {
      const value = slot.get();
      if (options.injection !== 'off') {
        injection ??= createInspector({ families: ['injection'] });
        const findings = inspectText(injection, value, 'document');
        if (findings.some(isFailure)) report.failures++;
        if (findings.length > 0) {
          const hit = { resource: r, kind: `injection.fhir_${slot.kind}`, value };
          if (options.injection === 'block') report.blocked.push(hit);
          else if (options.injection === 'flag') {
            report.flagged.push(hit);
            flag(r);
          } else {
            report.quarantined.push(hit);
            slot.set(marker(slot, QUARANTINE_MARKER));
            continue;
          }
        }
      }
      if (deidentifyText) {
        deidentifier ??= createDeidentifier({ defaultAction: 'pseudonymize', families: ['phi'] });
        vault ??= createVault();
        let out;
        try {
          out = deidentifier.deidentify(value, { vault });
        } catch {
          // Too large, or the vault is full: fail closed for PHI.
          report.failures++;
          slot.set(marker(slot, WITHHELD_MARKER));
          continue;
        }
        if (out.text !== value) {
          report.pseudonymized += out.replacements.length;
          slot.set(out.text);
        }
      }
    }
  }
  return report;
}
