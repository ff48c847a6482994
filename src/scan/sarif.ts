/**
 * SARIF 2.1.0 for model-file scans: one rule per technique (with help text), one result per
 * finding, located at the scanned file; container members go in logicalLocations and the message.
 */
import type { Severity } from '../core/types.js';
import type { FileReport } from './model/types.js';
import { techniqueHelp } from './model/techniques.js';

/** SARIF result level per medguard severity. */
export const SARIF_LEVEL: Record<Severity, 'none' | 'note' | 'warning' | 'error'> = {
  info: 'note', low: 'note', medium: 'warning', high: 'error', critical: 'error',
};

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly unknown[];
}

/** One rule per distinct technique (sorted), and each technique's index among them for results. */
export function sarifRules(used: Iterable<string>, describe: (technique: string) => { summary: string; help?: string }): { rules: unknown[]; ruleIndex: Map<string, number> } {
  const techniques = [...new Set(used)].sort();
  const rules = techniques.map((t) => {
    const d = describe(t);
    return {
      id: t,
      name: t.replace(/[._](\w)/g, (_m, c: string) => c.toUpperCase()),
      shortDescription: { text: d.summary },
      ...(d.help === undefined ? {} : { help: { text: d.help } }),
    };
  });
  return { rules, ruleIndex: new Map(techniques.map((t, i) => [t, i])) };
}

/** The log of one medguard run. */
export const sarifLog = (toolVersion: string, rules: readonly unknown[], results: readonly unknown[]): SarifLog => ({
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  version: '2.1.0',
  runs: [{ tool: { driver: { name: 'medguard', version: toolVersion, rules } }, results }],
});

export function toSarif(reports: readonly FileReport[], toolVersion: string): SarifLog {
  const { rules, ruleIndex } = sarifRules(reports.flatMap((r) => r.findings.map((f) => f.technique)), techniqueHelp);
  const results = reports.flatMap((r) => r.findings.map((f) => ({
    ruleId: f.technique,
    ruleIndex: ruleIndex.get(f.technique) ?? 0,
    level: SARIF_LEVEL[f.severity],
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
  return sarifLog(toolVersion, rules, results);
}
