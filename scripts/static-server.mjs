#!/usr/bin/env node
// A plain static file server for the built `dist/` (Node, no dependencies).
//
// It stands in for the static host the page ships to, so the page is tested the way it runs:
// correct MIME types (`application/wasm` for streaming compilation), the security headers from
// the `_headers` file we deploy (Netlify / Cloudflare Pages format), no caching for `index.html`
// and `sw.js`, and no way out of the served folder. `trunk serve` is not used because it injects
// its own websocket script, which a strict Content-Security-Policy rightly refuses.
//
// Usage:  node scripts/static-server.mjs [DIR] [--headers FILE] [--quiet]
//   DIR defaults to dist. HOST (default 127.0.0.1) and PORT (default 8080; 0 picks a free port)
//   come from the environment. The first line printed is `serving DIR on http://HOST:PORT/`.
// As a module:  const server = await startServer({ root, host, port, headersFile });
//   server.url, server.port, server.close().

import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** File extension -> Content-Type. Anything else is served as application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.hdr': 'text/plain; charset=utf-8',
  '.eml': 'message/rfc822',
  '.pem': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** Sent when there is no `_headers` file; the real set lives in `www/_headers`. */
export const DEFAULT_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
];

/** Files that must never be cached: the page shell and the service worker (DOMAIN_NOTES.md). */
const NEVER_CACHED = /(^|\/)(index\.html|sw\.js)$|\.html$/;
/** Trunk's hashed file names (`name-0123456789abcdef.ext`) can be cached for good. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

/**
 * Parses a `_headers` file: a path pattern at the start of a line, then indented `Name: value`
 * lines. `#` starts a comment line. Patterns may use `*` (any characters, including `/`) and
 * `:name` (one path segment), as Netlify and Cloudflare Pages do.
 */
export function parseHeadersFile(text) {
  const rules = [];
  let current = null;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(raw)) continue;
    if (!/^\s/.test(raw)) {
      current = { pattern: raw.trim(), regex: patternToRegex(raw.trim()), headers: [] };
      rules.push(current);
      continue;
    }
    const colon = raw.indexOf(':');
    if (current && colon > 0) {
      current.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

function patternToRegex(pattern) {
  const body = pattern
    .split('*')
    .map((part) =>
      part
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/:[A-Za-z_][A-Za-z0-9_]*/g, '[^/]+'),
    )
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** The headers a `_headers` rule set gives a URL path; later rules override earlier names. */
export function headersFor(rules, urlPath) {
  const out = new Map();
  for (const rule of rules) {
    if (!rule.regex.test(urlPath)) continue;
    for (const [name, value] of rule.headers) out.set(name.toLowerCase(), [name, value]);
  }
  return [...out.values()];
}

/**
 * Maps a request target to a file under `root`, or returns an HTTP status for why not.
 * Refuses encoded NULs, backslashes, `..` segments, dot files, `_headers`/`_redirects`, and
 * anything whose real path (after symlinks) is outside `root`.
 */
export function resolveTarget(root, target) {
  let pathname;
  try {
    pathname = new URL(target, 'http://localhost').pathname;
  } catch {
    return { status: 400 };
  }
  // Check the raw target too: URL parsing already folds `/a/../b`, but a request line is not
  // obliged to be normalised and we refuse any attempt rather than guess what was meant.
  const rawPath = target.split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  let rawDecoded;
  try {
    rawDecoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  for (const candidate of [decoded, rawDecoded]) {
    if (candidate.includes('\0') || candidate.includes('\\')) return { status: 400 };
    if (candidate.split('/').some((segment) => segment === '..')) return { status: 403 };
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  const last = segments[segments.length - 1] ?? '';
  if (segments.length === 1 && (last === '_headers' || last === '_redirects')) {
    return { status: 404 };
  }
  let file = path.join(root, ...segments);
  if (!isInside(root, file)) return { status: 403 };
  if (!existsSync(file)) return { status: 404 };
  let stat = statSync(file);
  if (stat.isDirectory()) {
    if (!decoded.endsWith('/')) return { status: 301, location: `${pathname}/` };
    file = path.join(file, 'index.html');
    if (!existsSync(file)) return { status: 404 };
    stat = statSync(file);
  }
  if (!stat.isFile()) return { status: 404 };
  const real = realpathSync(file);
  if (!isInside(root, real)) return { status: 403 };
  const urlPath = `/${path.relative(root, real).split(path.sep).join('/')}`;
  return { status: 200, file: real, size: stat.size, urlPath };
}

function isInside(root, file) {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Where the security headers come from: an explicit file, else `ROOT/_headers` (what deploys),
 * else `www/_headers` next to the built folder's project, else none (defaults are sent).
 */
export function findHeadersFile(root, explicit) {
  if (explicit) return explicit;
  const candidates = [path.join(root, '_headers'), path.join(root, '..', 'www', '_headers')];
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** Starts the server; resolves once it listens. */
export async function startServer({
  root = 'dist',
  host = '127.0.0.1',
  port = 8080,
  headersFile = null,
  log = () => {},
} = {}) {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`${root}: no such folder (build it first: trunk build --release)`);
  }
  const realRoot = realpathSync(root);
  const headersPath = findHeadersFile(realRoot, headersFile);
  const rules = headersPath ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : null;

  const server = createServer((request, response) => {
    const done = (status, extra = {}) => {
      log(`${status} ${request.method} ${request.url}`);
      response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
      response.end(status === 301 ? '' : `${status}\n`);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return done(405, { Allow: 'GET, HEAD' });
    }
    const target = resolveTarget(realRoot, request.url ?? '/');
    if (target.status === 301) return done(301, { Location: target.location });
    if (target.status !== 200) return done(target.status);

    const headers = rules ? headersFor(rules, target.urlPath) : DEFAULT_HEADERS;
    const ext = path.extname(target.file).toLowerCase();
    response.setHeader('Content-Type', MIME_TYPES[ext] ?? 'application/octet-stream');
    response.setHeader('Content-Length', target.size);
    const immutable = HASHED.test(target.urlPath) && !NEVER_CACHED.test(target.urlPath);
    response.setHeader(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    // The `_headers` file has the last word, as on the real host.
    for (const [name, value] of headers) response.setHeader(name, value);
    log(`200 ${request.method} ${request.url}`);
    response.writeHead(200);
    if (request.method === 'HEAD') return response.end();
    createReadStream(target.file)
      .on('error', () => response.destroy())
      .pipe(response);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    host,
    root: realRoot,
    headersFile: headersPath,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function main(argv) {
  let root = 'dist';
  let headersFile = null;
  let quiet = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--headers') headersFile = argv[(i += 1)];
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/static-server.mjs [DIR] [--headers FILE] [--quiet]');
      console.log('environment: HOST (default 127.0.0.1), PORT (default 8080, 0 = any free)');
      return;
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else root = arg;
  }
  const server = await startServer({
    root,
    host: process.env.HOST || '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
    headersFile,
    log: quiet ? () => {} : (line) => console.log(line),
  });
  console.log(`serving ${root} on ${server.url}`);
  console.log(
    server.headersFile
      ? `security headers from ${server.headersFile}`
      : 'no _headers file: sending the default security headers',
  );
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`static-server: ${error.message}`);
    process.exit(2);
  });
}

export const SCRIPT = fileURLToPath(import.meta.url);
