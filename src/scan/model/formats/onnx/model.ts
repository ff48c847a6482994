/**
 * Walks ModelProto → graphs (including subgraphs in If/Loop/Scan attributes, training graphs and
 * functions) and collects what the security checks need: operator domains/types, opset imports
 * and external-data references of every tensor.
 */
import type { ByteSource } from '../../types.js';
import { Cursor } from '../gguf/cursor.js';
import { forEachField, ProtobufError, readString, type Field } from './protobuf.js';

export interface OnnxNode { readonly opType: string; readonly domain: string; readonly at: number }
export interface ExternalRef { readonly location: string | undefined; readonly offset?: number; readonly length?: number; readonly at: number }

export interface OnnxModel {
  hasGraph: boolean;
  readonly nodes: OnnxNode[];
  readonly opsetDomains: Set<string>;
  readonly functionDomains: Set<string>;
  readonly external: ExternalRef[];
}

const MAX_DEPTH = 32;

export async function readOnnx(source: ByteSource): Promise<OnnxModel> {
  const c = new Cursor(source);
  const model: OnnxModel = { hasGraph: false, nodes: [], opsetDomains: new Set(), functionDomains: new Set(), external: [] };

  const deeper = (depth: number, at: number): number => {
    if (depth >= MAX_DEPTH) throw new ProtobufError(at, 'graphs nested too deeply');
    return depth + 1;
  };
  const sub = (f: Field, what: string): Field => {
    if (f.wire !== 2) throw new ProtobufError(f.start, `${what} is not a message`);
    return f;
  };

  const opset = async (f: Field, into: Set<string>): Promise<void> => {
    let domain = '';
    await forEachField(c, f.start, f.end, async (g) => { if (g.number === 1) domain = await readString(c, g); });
    into.add(domain);
  };

  const tensor = async (f: Field): Promise<void> => {
    let external = false;
    const entries: { key: string; value: string }[] = [];
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 14 && g.wire === 0) external = g.value === 1;
      if (g.number === 13) {
        let key = '';
        let value = '';
        await forEachField(c, sub(g, 'external_data').start, g.end, async (h) => {
          if (h.number === 1) key = await readString(c, h);
          if (h.number === 2) value = await readString(c, h, 1 << 12);
        });
        entries.push({ key, value });
      }
    });
    if (!external && entries.length === 0) return;
    const get = (k: string): string | undefined => entries.find((e) => e.key === k)?.value;
    const num = (k: string): number | undefined => {
      const v = get(k);
      return v !== undefined && /^[0-9]{1,16}$/.test(v) ? Number(v) : undefined;
    };
    const offset = num('offset');
    const length = num('length');
    model.external.push({ location: get('location'), at: f.start, ...(offset === undefined ? {} : { offset }), ...(length === undefined ? {} : { length }) });
  };

  const node = async (f: Field, depth: number): Promise<void> => {
    let opType = '';
    let domain = '';
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 4) opType = await readString(c, g);
      else if (g.number === 7) domain = await readString(c, g);
      else if (g.number === 5) await attribute(sub(g, 'attribute'), depth);
    });
    model.nodes.push({ opType, domain, at: f.start });
  };

  const attribute = async (f: Field, depth: number): Promise<void> => {
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 5 || g.number === 10) await tensor(sub(g, 'tensor'));
      else if (g.number === 6 || g.number === 11) await graph(sub(g, 'graph'), deeper(depth, g.start));
      else if (g.number === 22 || g.number === 23) await sparse(sub(g, 'sparse tensor'));
    });
  };

  const sparse = async (f: Field): Promise<void> => {
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 1 || g.number === 2) await tensor(sub(g, 'tensor'));
    });
  };

  const graph = async (f: Field, depth: number): Promise<void> => {
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 1) await node(sub(g, 'node'), depth);
      else if (g.number === 5) await tensor(sub(g, 'initializer'));
      else if (g.number === 15) await sparse(sub(g, 'sparse initializer'));
    });
  };

  const fn = async (f: Field): Promise<void> => {
    await forEachField(c, f.start, f.end, async (g) => {
      if (g.number === 7) await node(sub(g, 'node'), 1);
      else if (g.number === 9) await opset(sub(g, 'opset'), model.opsetDomains);
      else if (g.number === 10) model.functionDomains.add(await readString(c, g));
    });
  };

  await forEachField(c, 0, source.size, async (f) => {
    if (f.number === 7) {
      model.hasGraph = true;
      await graph(sub(f, 'graph'), 0);
    } else if (f.number === 8) await opset(sub(f, 'opset_import'), model.opsetDomains);
    else if (f.number === 25) await fn(sub(f, 'function'));
    else if (f.number === 20) {
      await forEachField(c, sub(f, 'training_info').start, f.end, async (g) => {
        if (g.number === 1 || g.number === 2) await graph(sub(g, 'graph'), 1);
      });
    }
  });
  return model;
}
