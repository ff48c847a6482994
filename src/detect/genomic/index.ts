import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import type { Detector, Finding, TextView } from '../../core/types.js';
import { MODES } from '../../core/types.js';
import { createRootView } from '../../core/text/view.js';
import type { FamilyBundle } from '../family.js';
import { GENOMIC_RULES } from './rules.js';
import { findSequences } from './sequence.js';

export { findSequences } from './sequence.js';

export interface GenomicOptions {
  /** Minimum score to report, 0..1 (default 0). */
  readonly minScore?: number;
}

const OptionsSchema = z.strictObject({ minScore: z.number().min(0).max(1).optional() });

/**
 * DNA/RNA sequences, VCF records, rsID genotypes, HGVS descriptions and gene-plus-variant
 * mentions: a genome is the most identifying datum there is, so every kind is severity high.
 */
export function createGenomicDetector(options: GenomicOptions = {}): Detector {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new MedguardError('MG_CONFIG_INVALID', `genomic options: ${parsed.error.issues[0]?.message ?? 'invalid'}; allowed: minScore (0..1)`, { field: 'genomic' });
  }
  const minScore = parsed.data.minScore ?? 0;
  return {
    id: 'genomic.rules',
    family: 'genomic',
    modes: MODES,
    decodedLayers: false,
    detect: (input) => detectIn(input).filter((f) => f.score >= minScore),
  };
}

function detectIn(input: TextView): Finding[] {
  const form = input.form('raw');
  const text = form.text;
  const out: Finding[] = [];
  const push = (name: string, start: number, end: number, score: number, explanation: string): void => {
    const span = form.toRoot(start, end);
    out.push({ family: 'genomic', kind: `genomic.${name}`, detector: 'genomic.rules', rule: `genomic.${name}`, start: span.start, end: span.end, score, severity: 'high', explanation });
  };
  for (const s of findSequences(text)) {
    push(s.fasta ? 'fasta' : 'sequence', s.start, s.end, s.fasta ? 0.97 : 0.9, s.fasta ? 'FASTA record (header and sequence)' : 'nucleotide sequence of 20 or more bases');
  }
  for (const rule of GENOMIC_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex += 1;
        continue;
      }
      push(rule.name, m.index, m.index + m[0].trimEnd().length, rule.score, rule.explanation);
    }
  }
  return out;
}

export function createGenomicFamily(options: GenomicOptions = {}): FamilyBundle {
  return { detectors: [createGenomicDetector(options)] };
}

export function detectGenomic(text: string, options: GenomicOptions = {}): Finding[] {
  const root = createRootView(text);
  return createGenomicDetector(options).detect(root, { mode: 'document', views: [root] });
}
