import { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import type { Detector, Finding } from '../../core/types.js';
import type { FamilyBundle } from '../family.js';
import { findActiveContent } from './active.js';
import { findLinks, hostAllowed } from './links.js';

export { findLinks, hostAllowed, networkHost } from './links.js';
export { findActiveContent } from './active.js';

export interface OutputOptions {
  /** Hosts answers may link to (`example.org` or `*.example.org`); every other host is flagged. */
  readonly linkAllowlist?: readonly string[];
}

const OptionsSchema = z.strictObject({
  linkAllowlist: z.array(z.string().regex(/^(\*\.)?[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,10}$/, 'expected a host such as "pubmed.ncbi.nlm.nih.gov" or "*.nhs.uk"')).max(1000).optional(),
});

/**
 * Checks that only make sense on what a model answered (mode `output`): links and images to hosts
 * off the allowlist (`output.exfiltration_link`) and active content (`output.active_content`).
 */
export function createOutputFamily(options: OutputOptions = {}): FamilyBundle {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MedguardError('MG_CONFIG_INVALID', `output.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, { field: 'output' });
  }
  const allowlist = parsed.data.linkAllowlist ?? [];
  const detector: Detector = {
    id: 'output.rules',
    family: 'output',
    modes: ['output'],
    decodedLayers: false,
    detect(input) {
      const form = input.form('raw');
      const out: Finding[] = [];
      for (const link of findLinks(form.text)) {
        if (hostAllowed(link.host, allowlist)) continue;
        const span = form.toRoot(link.start, link.end);
        out.push({
          family: 'output', kind: 'output.exfiltration_link', detector: 'output.rules', rule: link.image ? 'output.markdown_image' : 'output.markdown_link',
          start: span.start, end: span.end, score: link.image ? 0.95 : 0.7, severity: link.image ? 'high' : 'medium',
          explanation: link.image ? 'markdown image from a host not on the allowlist (loads without a click)' : 'markdown link to a host not on the allowlist',
        });
      }
      for (const hit of findActiveContent(form.text)) {
        const span = form.toRoot(hit.start, hit.end);
        out.push({ family: 'output', kind: 'output.active_content', detector: 'output.rules', rule: `output.${hit.what}`, start: span.start, end: span.end, score: 0.95, severity: 'high', explanation: `active content in the answer (${hit.what.replace('_', ' ')})` });
      }
      return out;
    },
  };
  return { detectors: [detector] };
}
