/**
 * SARIF 2.1.0 for dataset scans: one rule per technique, one result per reason of a reported row,
 * located at the row's line in the file (the region is the line; row texts are never copied).
 */
import { SARIF_LEVEL, sarifLog, sarifRules, type SarifLog } from '../sarif.js';
import type { DatasetReport } from './types.js';

const DATASET_TECHNIQUES: Record<string, string> = {
  'dataset.injected_instruction': 'A row carries an instruction addressed to the model (injection detector, document mode); in an answer or system prompt it teaches the model to obey or emit it.',
  'dataset.phi': 'A row contains protected health information; a model trained on it can reproduce it.',
  'dataset.exact_duplicate': 'A row repeats an earlier row exactly (after normalisation); duplicates multiply a row\'s weight in training.',
  'dataset.near_duplicate': 'A row is a near-duplicate (MinHash/Jaccard) of other rows.',
  'dataset.consensus_contradiction': 'A row\'s answer disagrees with the agreeing answers of rows that ask the same question: an answer or label flip.',
  'dataset.backdoor_trigger': 'A rare phrase recurs in rows whose answers are anomalous across different questions: a likely backdoor trigger.',
};

export function datasetSarif(reports: readonly DatasetReport[], toolVersion: string): SarifLog {
  const used = reports.flatMap((r) => r.rows.flatMap((row) => row.reasons.map((x) => x.technique)));
  const { rules, ruleIndex } = sarifRules(used, (t) => ({ summary: DATASET_TECHNIQUES[t] ?? t }));
  const results = reports.flatMap((r) => r.rows.flatMap((row) => row.reasons.map((x) => ({
    ruleId: x.technique,
    ruleIndex: ruleIndex.get(x.technique) ?? 0,
    level: SARIF_LEVEL[x.severity],
    message: { text: `row ${row.index}: ${x.explanation}${x.related && x.related.length > 0 ? ` (related rows: ${x.related.join(', ')})` : ''}` },
    locations: [{
      physicalLocation: { artifactLocation: { uri: r.path.split('\\').join('/') }, region: { startLine: Math.max(1, row.line) } },
      logicalLocations: [{ fullyQualifiedName: `row[${row.index}]`, kind: 'element' }],
    }],
    properties: { severity: x.severity, score: x.score, rowScore: row.score, row: row.index, ...(x.role ? { role: x.role } : {}) },
  }))));
  return sarifLog(toolVersion, rules, results);
}
