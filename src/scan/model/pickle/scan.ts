/**
 * Scans every pickle stream in a byte range: streams concatenated after STOP, legacy torch's five
 * stacked pickles, trailing bytes that parse as another stream, and pickles nested in operands.
 * A stream that breaks is reported (fail closed) together with every import seen before the break.
 */
import type { ModelFinding, ScanContext, ByteSource } from '../types.js';
import { modelFinding, withMember } from '../finding.js';
import { bufferSource, sliceSource } from '../source.js';
import { Reader, TruncatedError } from './reader.js';
import { PickleMachine, ParseError, type StreamState } from './machine.js';
import { classifyImport } from './policy.js';
import { looksLikePickle } from './sniff.js';
import type { ImportRec } from './values.js';

const DETECTOR = 'model.pickle';
const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;
const MAX_STREAMS = 4096;

function importFindings(ctx: ScanContext, imports: readonly ImportRec[]): ModelFinding[] {
  const seen = new Map<string, ModelFinding>();
  for (const imp of imports) {
    const uses = imp.uses.size > 0 ? `, then ${[...imp.uses].join('/')}` : ' (imported, not called)';
    if (imp.dynamic) {
      const f = modelFinding(ctx, { detector: DETECTOR, technique: 'pickle.global.dynamic', severity: 'critical', start: imp.offset, end: imp.offset + 1,
        explanation: `STACK_GLOBAL operands are computed at load time, so the import cannot be resolved statically${uses}` });
      seen.set(`dyn@${imp.offset}`, f);
      continue;
    }
    const c = classifyImport(imp.module, imp.name);
    if (c.severity === 'none') continue;
    const key = `${imp.module}.${imp.name}`;
    if (seen.has(key)) continue;
    const technique = c.rule === 'dotted_name' ? 'pickle.global.dotted_name' : c.verdict === 'denied' ? 'pickle.global.denied' : 'pickle.global.unknown';
    const what = c.verdict === 'denied' ? 'denied import' : 'import not on the allowlist';
    seen.set(key, modelFinding(ctx, { detector: DETECTOR, technique, severity: c.severity, start: imp.offset, end: imp.offset + 1, rule: c.rule,
      explanation: `${what} ${key.slice(0, 200)} via ${imp.opcode}${uses}` }));
  }
  return [...seen.values()];
}

const DOTTED = /^[A-Za-z_]\w{0,100}(?:\.[A-Za-z_]\w{0,100}){0,20}$/;

/** A dangerous import Python could actually perform (text like "import os" makes no valid module name). */
function importable(i: ImportRec): boolean {
  return i.dynamic || (DOTTED.test(i.module) && DOTTED.test(i.name) && classifyImport(i.module, i.name).verdict === 'denied');
}

function isLegacyMagic(state: StreamState): boolean {
  return state.top?.t === 'int' && state.top.v === LEGACY_MAGIC;
}

async function nestedFindings(source: ByteSource, state: StreamState, ctx: ScanContext): Promise<ModelFinding[]> {
  const out: ModelFinding[] = [];
  for (const ref of state.nested) {
    const at = ref.kind === 'range' ? ref.start : ref.offset;
    const member = `pickle@${at}${ref.kind === 'bytes' ? `:${ref.via}` : ''}`;
    if (ctx.depth + 1 > ctx.limits.maxDepth) {
      out.push(modelFinding(ctx, { detector: DETECTOR, technique: 'container.too_deep', severity: 'high', start: at, member,
        explanation: 'nested pickle deeper than the configured maximum depth' }));
      continue;
    }
    const sub = ref.kind === 'range' ? sliceSource(source, member, ref.start, ref.length) : bufferSource(member, ref.bytes);
    const inner = await scanPickleSource(sub, { ...ctx, depth: ctx.depth + 1 }, 0, true);
    // Data that merely resembles a pickle head and does not parse is just data.
    if (inner === null) continue;
    out.push(modelFinding(ctx, { detector: DETECTOR, technique: 'pickle.nested', severity: 'low', start: at, member,
      explanation: `a ${ref.kind === 'bytes' ? `${ref.via}-encoded ` : ''}pickle is embedded in a string operand (a second-stage loader can unpickle it)` }));
    for (const f of inner) out.push(withMember(f, member));
  }
  return out;
}

export async function scanPickleSource(source: ByteSource, ctx: ScanContext, start?: number): Promise<ModelFinding[]>;
export async function scanPickleSource(source: ByteSource, ctx: ScanContext, start: number, tentative: true): Promise<ModelFinding[] | null>;
/** `tentative`: the bytes were only guessed to be a pickle; null if the first stream neither parses nor imports. */
export async function scanPickleSource(source: ByteSource, ctx: ScanContext, start = 0, tentative = false): Promise<ModelFinding[] | null> {
  const findings: ModelFinding[] = [];
  let pos = start;
  let legacy = false;
  for (let index = 0; index < MAX_STREAMS && pos < source.size; index++) {
    const speculative = (index === 0 && tentative) || (index > 0 && !legacy && !(await startsWithProto(source, pos)));
    const reader = new Reader(source, pos);
    const state: StreamState = { imports: [], importIndex: new Map(), truncated: false, anomalies: [], nested: [], protocol: 0, top: null };
    let error: { offset: number; reason: string } | null = null;
    try {
      await new PickleMachine(reader, state).run();
    } catch (e) {
      if (e instanceof ParseError) error = { offset: e.offset, reason: e.reason };
      else if (e instanceof TruncatedError) error = { offset: e.offset, reason: 'stream ends before STOP' };
      else throw e;
    }
    const invalidImport = state.imports.some((i) => !i.dynamic && !(DOTTED.test(i.module) && DOTTED.test(i.name)));
    if (index === 0 && tentative && (error !== null || invalidImport) && !state.imports.some(importable)) {
      // Guessed bytes that break (or import names Python cannot import) without reaching a dangerous
      // import are not a pickle (text, binary data): the real load would fail harmlessly.
      return null;
    }
    if (speculative && (error !== null || invalidImport) && !state.imports.some(importable)) {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'pickle.trailing_data', severity: 'low', start: pos, end: source.size,
        explanation: `${source.size - pos} bytes after the last pickle stream are not a pickle` }));
      break;
    }
    findings.push(...importFindings(ctx, state.imports));
    for (const a of state.anomalies) {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: a.technique, severity: a.severity, start: a.offset, end: a.offset + 1, explanation: a.explanation }));
    }
    findings.push(...(await nestedFindings(source, state, ctx)));
    if (state.truncated) {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'pickle.resource_limit', severity: 'high', start: pos,
        explanation: 'more distinct imports or embedded pickles than the scanner tracks; fail closed' }));
    }
    if (index === 1 && !legacy) {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'pickle.multiple_streams', severity: 'low', start: pos,
        explanation: 'another pickle stream follows the first STOP; loaders that read more than once execute every stream' }));
    }
    if (error !== null) {
      findings.push(modelFinding(ctx, { detector: DETECTOR, technique: 'model.parse_error', severity: 'high', start: error.offset, end: error.offset + 1,
        explanation: `pickle stream cannot be parsed whole (${error.reason}); fail closed` }));
      break;
    }
    if (index === 0 && isLegacyMagic(state)) {
      legacy = true;
      ctx.reportFormat?.('pytorch-legacy');
    }
    pos = reader.offset;
    // Legacy torch: magic, protocol, sys_info, data, storage keys; raw storage bytes follow.
    if (legacy && index >= 4) break;
  }
  // Text that happens to parse as a harmless pickle ("GIT v1.5 ..." is BINFLOAT, POP, ...) is not worth calling one.
  if (tentative && findings.every((f) => f.technique === 'pickle.trailing_data' || f.technique === 'pickle.multiple_streams')) return null;
  return findings;
}

async function startsWithProto(source: ByteSource, pos: number): Promise<boolean> {
  return looksLikePickle(await source.read(pos, 64));
}
