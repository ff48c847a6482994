/**
 * SARIF 2.1.0 for model-file scans: one rule per technique (with help text), one result per
 * finding, located at the scanned file; container members go in logicalLocations and the message.
 */
import type { Severity } from '../core/types.js';
import type { FileReport } from './model/types.js';
import { techniqueHelp } from './model/techniques.js';

const LEVEL: Record<Severity, 'none' | 'note' | 'warning' | 'error'> = {
  info: 'note', low: 'note', medium: 'warning', high: 'error', critical: 'error',
};

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly unknown[];
}

export function toSarif(reports: readonly FileReport[], toolVersion: string): SarifLog {
  const techniques = [...new Set(reports.flatMap((r) => r.findings.map((f) => f.technique)))].sort();
  const ruleIndex = new Map(techniques.map((t, i) => [t, i]));
  const rules = techniques.map((t) => ({
    id: t,
    name: t.replace(/[._](\w)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: techniqueHelp(t).summary },
    help: { text: techniqueHelp(t).help },
  }));
  const results = reports.flatMap((r) => r.findings.map((f) => ({
    ruleId: f.technique,
    ruleIndex: ruleIndex.get(f.technique) ?? 0,
    level: LEVEL[f.severity],
    message: { text: f.member === undefined ? f.explanation : `${f.member}: ${f.explanation}` },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: r.path.split('\\').join('/') },
        region: { byteOffset: f.start, byteLength: Math.max(0, f.end - f.start) },
      },
      ...(f.member === undefined ? {} : { logicalLocations: [{ fullyQualifiedName: f.member, kind: 'member' }] }),
    }],
    properties: { severity: f.severity, score: f.score, detector: f.detector },
  })));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'medguard', version: toolVersion, rules } },
      results,
    }],
  };
}
