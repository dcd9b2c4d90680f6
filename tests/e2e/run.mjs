#!/usr/bin/env node
// The e2e runner: serves a folder with scripts/static-server.mjs on a free loopback port, drives
// Debian's Chromium with playwright-core through each journey, checks every request each
// journey's browser contexts made (see RequestLog in lib.mjs), screenshots failures into
// target/e2e/, and ends with `e2e: N passed, N failed` (exit 1 on any failure).
//
// usage: node tests/e2e/run.mjs [--dist DIR] [--only TEXT] [FILE.mjs ...]
//   FILE defaults to every journey file in tests/e2e (selftest.mjs first). A journey file
//   exports `journeys` ([{ name, run(t), timeout?, allowViolations?, allowConsoleErrors? }]),
//   optionally `serve = 'fixtures'` (serve tests/e2e/fixtures instead of dist) and
//   `setup({ server, root })`, whose result journeys get as `t.shared`.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { startServer } from '../../scripts/static-server.mjs';
import { ARTIFACTS, ROOT, RequestLog, artifact, launchBrowser, startProxy } from './lib.mjs';

const HERE = path.join(ROOT, 'tests', 'e2e');
const NOT_JOURNEYS = new Set(['lib.mjs', 'run.mjs']);
const DEFAULT_TIMEOUT = 60000;

const args = process.argv.slice(2);
let dist = path.join(ROOT, 'dist');
let only = null;
const files = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--dist') dist = path.resolve(args[(i += 1)]);
  else if (args[i] === '--only') only = args[(i += 1)];
  else files.push(path.resolve(args[i]));
}
if (!files.length) {
  const found = readdirSync(HERE).filter((f) => f.endsWith('.mjs') && !NOT_JOURNEYS.has(f));
  found.sort((a, b) => (a === 'selftest.mjs' ? -1 : b === 'selftest.mjs' ? 1 : a.localeCompare(b)));
  files.push(...found.map((f) => path.join(HERE, f)));
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const results = [];
const started = Date.now();
const proxy = await startProxy();
const browser = await launchBrowser({ proxy });
console.log(
  `e2e: Chromium ${browser.version()} via playwright-core, every request through the recording ` +
    `proxy; artifacts in ${path.relative(ROOT, ARTIFACTS)}/`,
);

try {
  for (const file of files) {
    await runFile(file);
  }
} finally {
  await browser.close();
  await proxy.close();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (failed) {
  console.log('\nfailed journeys:');
  for (const r of results.filter((x) => !x.ok)) console.log(`  ${r.label}: ${r.message.split('\n')[0]}`);
}
console.log(`\n${results.length} journeys in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed || !results.length ? 1 : 0);

async function runFile(file) {
  const base = path.basename(file, '.mjs');
  const mod = await import(pathToFileURL(file).href);
  const root = mod.serve === 'fixtures' ? path.join(HERE, 'fixtures') : dist;
  const journeys = (mod.journeys ?? []).filter((j) => !only || `${base} ${j.name}`.includes(only));
  if (!journeys.length) return;
  console.log(`\n${base} (serving ${path.relative(ROOT, root) || root})`);
  if (!existsSync(path.join(root, 'index.html'))) {
    for (const journey of journeys) {
      fail(`${base} › ${journey.name}`, `${root}/index.html is missing: run trunk build --release first`);
    }
    return;
  }
  const server = await startServer({ root, host: '127.0.0.1', port: 0 });
  proxy.setUpstream(new URL(server.url).origin);
  try {
    let shared = {};
    if (mod.setup) {
      try {
        shared = await mod.setup({ server, root: server.root });
      } catch (error) {
        for (const journey of journeys) fail(`${base} › ${journey.name}`, `setup: ${error.message}`);
        return;
      }
    }
    for (const journey of journeys) {
      await runJourney(base, journey, server, shared);
    }
  } finally {
    await server.close();
  }
}

async function runJourney(base, journey, server, shared) {
  const label = `${base} › ${journey.name}`;
  const origin = new URL(server.url).origin;
  const opened = [];
  const newContext = async (options = {}) => {
    for (const earlier of opened) earlier.requests.closeWindow();
    const context = await browser.newContext(options);
    const requests = new RequestLog({ origin, root: server.root, proxy });
    requests.watch(context);
    const errors = [];
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
    page.on('crash', () => errors.push('the page crashed'));
    const opened_ = { context, page, requests, errors };
    opened.push(opened_);
    return opened_;
  };
  const started = Date.now();
  try {
    const main = await newContext(journey.context ?? {});
    const t = {
      ...main,
      url: server.url,
      origin,
      server,
      root: server.root,
      shared,
      newContext,
      log: (line) => console.log(`      ${line}`),
      // Opens the page and waits until its own assets are in; later requests are judged
      // strictly (see RequestLog).
      load: async ({ page = main.page, requests = main.requests, ready = null, path: at = '' } = {}) => {
        await page.goto(new URL(at, server.url).href, { waitUntil: 'load' });
        if (ready) await page.waitForSelector(ready, { timeout: 15000 });
        await page.waitForLoadState('networkidle');
        requests.markLoaded();
      },
      screenshot: async (name, page = main.page, options = {}) => {
        const file = artifact(name);
        await page.screenshot({ path: file, fullPage: true, ...options });
        console.log(`      screenshot ${path.relative(ROOT, file)}`);
        return file;
      },
    };
    await withTimeout(journey.run(t), journey.timeout ?? DEFAULT_TIMEOUT);
    for (const { requests, errors } of opened) {
      if (!journey.allowViolations) requests.assertClean();
      if (!journey.allowConsoleErrors && errors.length) {
        throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
      }
    }
    results.push({ label, ok: true });
    const requestsAfterLoad = opened.reduce((n, o) => n + o.requests.afterLoad().length, 0);
    console.log(
      `  ok    ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${requestsAfterLoad} requests after load)`,
    );
  } catch (error) {
    let message = error.message ?? String(error);
    for (const [index, { page, requests, errors }] of opened.entries()) {
      const file = artifact(`${base}--${slug(journey.name)}${opened.length > 1 ? `-${index}` : ''}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 10000 });
        message += `\n    screenshot: ${path.relative(ROOT, file)}`;
      } catch {
        message += '\n    (no screenshot: the page is gone)';
      }
      if (errors.length) message += `\n    page errors:\n      ${errors.join('\n      ')}`;
      message += `\n    last requests:\n      ${requests.describe(15).replaceAll('\n  ', '\n      ')}`;
    }
    fail(label, message, journey.name);
  } finally {
    for (const { context } of opened) await context.close().catch(() => {});
  }
}

function fail(label, message, name = label) {
  results.push({ label, ok: false, message });
  console.log(`  FAIL  ${name}\n    ${message.replaceAll('\n', '\n    ')}`);
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
