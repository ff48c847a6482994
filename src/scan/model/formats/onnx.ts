/**
 * ONNX models: a protobuf walk (no onnx runtime) that flags external-data references leaving the
 * model folder (CVE-2022-25882, CVE-2024-27318) and operators from domains that need custom native
 * or Python code. Allowed domains: '', ai.onnx, ai.onnx.ml, ai.onnx.training,
 * ai.onnx.preview.training and com.microsoft (onnxruntime's own contrib ops, common in optimised
 * exports); functions defined inside the model may use their own domains.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { FormatScanner, ModelFinding, ScanContext } from '../types.js';
import { modelFinding, type FindingSpec } from './safetensors/finding.js';
import { readOnnx, type ExternalRef } from './onnx/model.js';
import { ProtobufError } from './onnx/protobuf.js';
import { Truncated } from './gguf/cursor.js';

const DETECTOR = 'model.onnx';
export const ONNX_STANDARD_DOMAINS: ReadonlySet<string> = new Set(['', 'ai.onnx', 'ai.onnx.ml', 'ai.onnx.training', 'ai.onnx.preview.training', 'com.microsoft']);
/** ModelProto field tags that can follow ir_version (field 1) at the start of a file. */
const SECOND_TAGS = new Set([0x12, 0x1a, 0x22, 0x28, 0x32, 0x3a, 0x42, 0x72]);

export const onnxScanner: FormatScanner = {
  format: 'onnx',
  sniff(head, name) {
    if (head.length < 3 || head[0] !== 0x08) return false;
    const irVersion = head[1] ?? 0;
    if (irVersion >= 1 && irVersion <= 15 && SECOND_TAGS.has(head[2] ?? 0)) return true;
    return name.toLowerCase().endsWith('.onnx');
  },
  async scan(source, ctx) {
    const specs: FindingSpec[] = [];
    try {
      const model = await readOnnx(source);
      if (!model.hasGraph) specs.push({ technique: 'onnx.parse_error', severity: 'high', explanation: 'ModelProto has no graph' });
      const pythonOps = model.nodes.filter((n) => /^Py/.test(n.opType) || n.domain === 'ai.onnx.contrib' && /python/i.test(n.opType));
      for (const n of pythonOps.slice(0, 20)) {
        specs.push({ technique: 'onnx.python_op', severity: 'critical', start: n.at, rule: n.domain.slice(0, 100),
          explanation: 'node is a Python operator (onnxruntime-extensions PyOp): runs arbitrary Python when the graph executes' });
      }
      const custom = new Set(model.nodes.filter((n) => !pythonOps.includes(n) && !ONNX_STANDARD_DOMAINS.has(n.domain) && !model.functionDomains.has(n.domain)).map((n) => n.domain));
      for (const d of model.opsetDomains) if (!ONNX_STANDARD_DOMAINS.has(d) && !model.functionDomains.has(d)) custom.add(d);
      for (const domain of custom) {
        specs.push({ technique: 'onnx.custom_domain', severity: 'medium', rule: domain.slice(0, 100),
          explanation: 'operators from a non-standard domain need a custom native library to be loaded' });
      }
      for (const ref of model.external) specs.push(...await checkExternal(ref, ctx));
    } catch (e) {
      if (!(e instanceof ProtobufError || e instanceof Truncated)) throw e;
      specs.push({ technique: 'onnx.parse_error', severity: 'high', start: e instanceof ProtobufError ? e.at : e.at,
        explanation: `not a well-formed ONNX protobuf (${e.message})` });
    }
    return specs.map((s): ModelFinding => modelFinding(ctx, DETECTOR, s));
  },
};

async function checkExternal(ref: ExternalRef, ctx: ScanContext): Promise<FindingSpec[]> {
  const base = { start: ref.at, member: 'external_data' };
  const loc = ref.location;
  if (loc === undefined || loc === '') {
    return [{ ...base, technique: 'onnx.external_data_invalid', severity: 'high', explanation: 'tensor stored externally without a location' }];
  }
  const unified = loc.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || loc.includes('\0')) {
    return [{ ...base, technique: 'onnx.external_data_absolute', severity: 'high', explanation: 'external data location is an absolute path (reads or writes outside the model folder)' }];
  }
  if (unified.split('/').includes('..')) {
    return [{ ...base, technique: 'onnx.external_data_traversal', severity: 'high', explanation: 'external data location climbs out of the model folder with ".."' }];
  }
  const target = path.resolve(ctx.baseDir, unified);
  try {
    const stat = await lstat(target);
    const [realBase, realTarget] = await Promise.all([realpath(ctx.baseDir), realpath(target)]);
    if (realTarget !== realBase && !realTarget.startsWith(realBase + path.sep)) {
      return [{ ...base, technique: 'onnx.external_data_symlink', severity: 'high', explanation: 'external data resolves through a symlink to a file outside the model folder' }];
    }
    const size = stat.isSymbolicLink() ? Number.POSITIVE_INFINITY : stat.size;
    if ((ref.offset ?? 0) + (ref.length ?? 0) > size) {
      return [{ ...base, technique: 'onnx.external_data_range', severity: 'medium', explanation: 'external data offset/length run past the end of the data file' }];
    }
  } catch {
    return [{ ...base, technique: 'onnx.external_data_missing', severity: 'medium', explanation: 'external data file is missing next to the model' }];
  }
  return [];
}
