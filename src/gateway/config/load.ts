import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { MedguardError } from '../../core/errors.js';
import { DEFAULT_POLICY, mergePolicy, type ResolvedPolicy } from '../policy/resolve.js';
import { GatewayConfigSchema, type ParsedConfig, type RouteConfig } from './schema.js';

export interface ResolvedRoute extends RouteConfig {
  readonly effectivePolicy: ResolvedPolicy;
}

/** The validated, frozen config the gateway runs on. */
export interface GatewayConfig extends Omit<ParsedConfig, 'routes'> {
  readonly routes: readonly ResolvedRoute[];
}

const MAX_CONFIG_BYTES = 1024 * 1024;

export function loadConfigFile(path: string): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new MedguardError('MG_IO', `cannot read the config file (${(e as NodeJS.ErrnoException).code ?? 'error'}); check --config`, { field: 'config' });
  }
  if (text.length > MAX_CONFIG_BYTES) throw new MedguardError('MG_CONFIG_INVALID', 'the config file is larger than 1 MiB', { field: 'config' });
  return parseConfigText(text);
}

export function parseConfigText(text: string): GatewayConfig {
  let data: unknown;
  try {
    // maxAliasCount bounds "billion laughs" alias expansion.
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? ` at line ${e.linePos[0].line}` : '';
    throw new MedguardError('MG_CONFIG_INVALID', `the config is not valid YAML${where} — fix: check indentation and quoting there`, { field: 'config' });
  }
  return parseConfig(data ?? {});
}

export function parseConfig(data: unknown): GatewayConfig {
  const parsed = GatewayConfigSchema.safeParse(data);
  if (!parsed.success) throw configError(parsed.error.issues[0]);
  const config = parsed.data;
  const names = new Set<string>();
  config.routes.forEach((route, i) => {
    if (!Object.hasOwn(config.upstreams, route.upstream)) {
      const known = Object.keys(config.upstreams).join(', ') || '(none)';
      throw new MedguardError('MG_CONFIG_INVALID', `routes[${i}].upstream: no upstream named "${route.upstream}" — fix: use one of ${known} or add it under upstreams`, { field: `routes[${i}].upstream` });
    }
    if (names.has(route.name)) {
      throw new MedguardError('MG_CONFIG_INVALID', `routes[${i}].name: "${route.name}" is used twice — fix: give each route its own name`, { field: `routes[${i}].name` });
    }
    names.add(route.name);
  });
  const base = mergePolicy(DEFAULT_POLICY, config.policy);
  const routes = config.routes.map((r) => Object.freeze({ ...r, effectivePolicy: mergePolicy(base, r.policy) }));
  return deepFreeze({ ...config, routes });
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || '(top level)';
}

function configError(issue: z.core.$ZodIssue | undefined): MedguardError {
  if (!issue) return new MedguardError('MG_CONFIG_INVALID', 'the config is invalid');
  const field = formatPath(issue.path);
  let detail: string;
  let fix: string;
  switch (issue.code) {
    case 'unrecognized_keys':
      detail = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      fix = 'remove it or correct its spelling (see docs/GATEWAY.md)';
      break;
    case 'invalid_value':
      detail = `expected one of ${issue.values.map(String).join('|')}`;
      fix = 'use one of those values';
      break;
    case 'invalid_type':
      detail = issue.message.replace(/^Invalid input: /, '');
      fix = / received undefined$/.test(issue.message) ? 'add this required field' : `give a ${issue.expected}`;
      break;
    default:
      detail = issue.message;
      fix = 'correct the value';
  }
  return new MedguardError('MG_CONFIG_INVALID', `${field}: ${detail} — fix: ${fix}`, { field });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
