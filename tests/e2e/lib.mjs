// Shared pieces of the e2e harness: launching Debian's Chromium, recording every request at
// browser-context level, and small assertions with messages that say what was expected.

import { existsSync, mkdirSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { resolveTarget } from '../../scripts/static-server.mjs';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Screenshots and other files for people to look at. */
export const ARTIFACTS = path.join(ROOT, 'target', 'e2e');

/** Chromium's flags. Without the background-networking ones it tries to reach Google. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches Chromium. Playwright's `launch` gives it a fresh, empty `--user-data-dir` in a new
 * temporary folder, removed on close, so no state is shared between runs. With a `proxy` (see
 * `startProxy`), every HTTP request the browser makes goes through it, loopback included.
 */
export async function launchBrowser({ proxy = null } = {}) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: run scripts/setup.sh --browser`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    // `<-loopback>` removes Chromium's built-in bypass for localhost and 127.0.0.1.
    ...(proxy ? { proxy: { server: proxy.url, bypass: '<-loopback>' } } : {}),
  });
}

/**
 * The second witness: a recording HTTP proxy the whole browser uses. Playwright's context
 * events miss requests the browser makes for a page on its own behalf (the favicon, seen
 * here); the proxy sees everything sent over HTTP, from any page, worker or the browser itself.
 * It forwards only to the origin under test and refuses everything else (and every CONNECT
 * tunnel or upgrade), so nothing it records reaches another host.
 */
export async function startProxy() {
  const entries = [];
  let upstream = null;
  const record = (req, url) => {
    const entry = {
      url,
      method: req.method,
      body: Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] ? 'a body' : null,
      navigation: req.headers['sec-fetch-mode'] === 'navigate',
      afterLoad: false,
      index: entries.length,
    };
    entries.push(entry);
    return entry;
  };
  const server = createServer((req, res) => {
    req.on('error', () => {});
    res.on('error', () => {});
    record(req, req.url);
    let url = null;
    try {
      url = new URL(req.url);
    } catch {}
    if (!url || !upstream || url.origin !== upstream) {
      req.resume();
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('refused by the e2e proxy: not the origin under test\n');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const forward = httpRequest(
      { host: url.hostname, port: url.port, method: req.method, path: `${url.pathname}${url.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forward);
  });
  server.on('connect', (req, socket) => {
    socket.on('error', () => {});
    record(req, `https://${req.url}/`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    socket.on('error', () => {});
    record(req, req.url);
    socket.destroy();
  });
  server.on('clientError', (_, socket) => socket.destroy());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    entries,
    /** Forward to this origin only (e.g. `http://127.0.0.1:8080`). */
    setUpstream: (origin) => {
      upstream = origin;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Tunnels Chromium opens by itself, to Google services, whatever page is open, and which no
 * switch turns off without also undoing Playwright's own switches: its identity manager lists
 * the accounts in the profile's cookie jar (accounts.google.com/ListAccounts), it preconnects to
 * www.google.com, GCM checks in (android.clients.google.com/checkin), and autofill asks for the
 * field types of any form (content-autofill.googleapis.com, form signatures only, never the
 * text). They were read from Chromium's own net log; the proxy refuses them and the machine has
 * no route out. Only these exact tunnels are excused, and only as the proxy sees them: a page or
 * worker request to any of these hosts is still caught by the context witness.
 */
export const CHROMIUM_OWN = [
  'https://accounts.google.com:443/',
  'https://android.clients.google.com:443/',
  'https://content-autofill.googleapis.com:443/',
  'https://www.google.com:443/',
];

/**
 * The privacy rules for one request, or null when it keeps them:
 * - it goes to the page's own origin, with GET, no body and no query string;
 * - it is for a file the server really has (no probing, no 404s);
 * - after the page's own assets have loaded, it is not a navigation (only asset files, such as
 *   the worker's script and wasm loaded on first use, may follow).
 */
export function judgeRequest(entry, { origin, root }) {
  if (entry.method === 'CONNECT' && CHROMIUM_OWN.includes(entry.url)) return null;
  let url;
  try {
    url = new URL(entry.url);
  } catch {
    return 'not a URL';
  }
  // data: URLs never leave the page; blob: URLs name memory of their origin.
  if (url.protocol === 'data:') return null;
  if (url.origin !== origin) return `goes to another origin (${url.origin})`;
  if (url.protocol === 'blob:') return null;
  if (entry.method !== 'GET') return `method ${entry.method}: only GET is allowed`;
  if (entry.body) return `carries ${entry.body.length > 6 ? `a body of ${entry.body.length} characters` : entry.body}`;
  if (url.search) return `carries a query string (${url.search.slice(0, 40)})`;
  const target = resolveTarget(root, url.pathname);
  if (target.status !== 200) return `not a served file (the server answers ${target.status})`;
  if (entry.afterLoad && entry.navigation) return 'a navigation after the page had loaded';
  return null;
}

/**
 * The requests one journey made, from two witnesses: Playwright's context events (every page
 * and worker of the journey's contexts, with resource types) and the recording proxy (every
 * HTTP request of the browser during the journey). `markLoaded()` splits the page's own load
 * from what the journey caused; `judgeRequest` says what is allowed.
 */
export class RequestLog {
  constructor({ origin, root, proxy = null }) {
    this.origin = origin;
    this.root = root;
    this.proxy = proxy;
    this.proxyStart = proxy ? proxy.entries.length : 0;
    this.proxyEnd = null;
    this.entries = [];
    this.loaded = false;
  }

  /** Records a browser context's requests here. */
  watch(context) {
    context.on('request', (request) => {
      this.entries.push({
        url: request.url(),
        method: request.method(),
        type: request.resourceType(),
        navigation: request.isNavigationRequest(),
        body: request.postData(),
        afterLoad: this.loaded,
      });
    });
  }

  /** From now on only the page's own asset files may be requested. */
  markLoaded() {
    this.loaded = true;
    this.proxyLoaded = this.proxy ? this.proxy.entries.length : 0;
  }

  /** Ends this log's share of the proxy's record (the journey moved on to another context). */
  closeWindow() {
    if (this.proxy && this.proxyEnd === null) this.proxyEnd = this.proxy.entries.length;
  }

  /** What the proxy saw while this log was current (each marked before or after load). */
  network() {
    if (!this.proxy) return [];
    const end = this.proxyEnd ?? this.proxy.entries.length;
    return this.proxy.entries.slice(this.proxyStart, end).map((entry) => ({
      ...entry,
      type: 'network',
      afterLoad: this.loaded && entry.index >= this.proxyLoaded,
    }));
  }

  /** Requests made after `markLoaded()`, as the context saw them. */
  afterLoad() {
    return this.entries.filter((entry) => entry.afterLoad);
  }

  /** Every broken rule, one line each, naming the request and the witness. */
  violations() {
    const problems = [];
    for (const [witness, list] of [['page', this.entries], ['proxy', this.network()]]) {
      for (const entry of list) {
        const why = judgeRequest(entry, this);
        if (why) problems.push(`${entry.method} ${entry.url} (${witness}: ${entry.type}): ${why}`);
      }
    }
    return problems;
  }

  /** Throws when any rule is broken. */
  assertClean() {
    const problems = this.violations();
    if (problems.length) {
      throw new Error(`requests broke the privacy rules:\n  ${problems.join('\n  ')}`);
    }
  }

  /** A short listing for failure reports. */
  describe(limit = 30) {
    const line = (e, witness) =>
      `${e.afterLoad ? 'after-load' : 'load      '} ${witness.padEnd(5)} ${e.method} ${e.url} (${e.type})`;
    return [...this.entries.map((e) => line(e, 'page')), ...this.network().map((e) => line(e, 'proxy'))]
      .slice(-limit)
      .join('\n  ');
  }
}

/** Fails with `message` unless `condition` holds. */
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Fails unless `actual` and `expected` are the same JSON value. */
export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${what}:\n    got      ${a}\n    expected ${b}`);
}

/** Waits for a selector; on timeout says which part of the UI contract is missing. */
export async function waitForContract(page, selector, { timeout = 15000, state = 'attached' } = {}) {
  try {
    await page.waitForSelector(selector, { timeout, state });
  } catch (error) {
    if (error.name !== 'TimeoutError') throw error;
    throw new Error(
      `no ${selector} ${state === 'visible' ? 'visible ' : ''}after ${timeout} ms ` +
        '(UI contract: see tests/e2e/README.md)',
    );
  }
}

/** `target/e2e/NAME`, creating the folder. */
export function artifact(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
