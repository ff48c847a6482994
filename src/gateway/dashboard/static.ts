/**
 * The dashboard's page and assets from `web/`, read once at start into memory (a handful of small
 * files), served only by exact name — no path from the request ever reaches the file system.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MedguardError } from '../../core/errors.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** `web/` beside `src/` and `dist/` alike (both sit at the package root). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

export interface Asset {
  readonly body: Buffer;
  readonly type: string;
}

export function loadAssets(root: string = DEFAULT_WEB_ROOT): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (e) {
    throw new MedguardError('MG_IO', 'dashboard: the web/ folder with the dashboard page cannot be read', { cause: e });
  }
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (type && /^[a-z0-9][a-z0-9.-]{0,63}$/.test(name)) assets.set(name, { body: readFileSync(join(root, name)), type });
  }
  if (!assets.has('index.html') || !assets.has('login.html')) throw new MedguardError('MG_IO', 'dashboard: web/index.html or web/login.html is missing');
  return assets;
}

/** Everything the page needs comes from this origin; no inline script or style, no framing. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
