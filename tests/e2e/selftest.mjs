// Self-test of the e2e harness against tests/e2e/fixtures/: the static server (MIME types,
// `_headers`, caching, path traversal), the request recording (page and worker requests are
// seen; off-origin, query, body, 404 and post-load navigation requests are each caught) and the
// runner (a failing journey fails the run, with a screenshot). A check that cannot fail is a
// defect, so each rule is shown failing here before it is trusted with the real page.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { headersFor, parseHeadersFile, startServer } from '../../scripts/static-server.mjs';
import { ARTIFACTS, ROOT, assert, assertEqual, sleep } from './lib.mjs';

export const serve = 'fixtures';

/** Waits until the request log has a request matching `test`, or fails. */
async function seen(requests, test, what) {
  for (let i = 0; i < 100; i += 1) {
    if (requests.entries.some(test)) return;
    await sleep(50);
  }
  throw new Error(`the recorder never saw ${what}:\n  ${requests.describe()}`);
}

/** A raw GET, with the path sent exactly as given (no normalisation by a URL parser). */
function rawGet(url, rawPath) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The other loopback origin: same server, host name instead of address. */
const otherOrigin = (t) => `http://localhost:${t.server.port}`;

export const journeys = [
  {
    name: 'fixture page loads its worker, wasm and JSON; every request is recorded',
    async run(t) {
      await t.load();
      await t.page.waitForFunction(() => document.getElementById('status').textContent.startsWith('ready'));
      const wasm = await t.page.textContent('#wasm');
      // Streaming compilation rejects any MIME type but application/wasm.
      assertEqual(wasm, 'wasm answer 42', 'tiny.wasm through WebAssembly.instantiateStreaming');
      const paths = t.requests.entries.map((e) => new URL(e.url).pathname);
      for (const expected of ['/', '/app.js', '/worker.js', '/data.json', '/tiny.wasm']) {
        assert(paths.includes(expected), `no request for ${expected} was recorded: ${paths.join(', ')}`);
      }
      const network = t.requests.network().map((e) => new URL(e.url).pathname);
      for (const expected of ['/', '/worker.js', '/data.json', '/tiny.wasm']) {
        assert(network.includes(expected), `the proxy did not see ${expected}: ${network.join(', ')}`);
      }
      assertEqual(t.requests.violations(), [], 'violations of a clean page');
    },
  },
  {
    name: 'an off-origin request from the page is caught',
    allowViolations: true,
    // The proxy refuses it, and the page logs that as an error.
    allowConsoleErrors: true,
    async run(t) {
      await t.load();
      const target = `${otherOrigin(t)}/data.json`;
      await t.page.evaluate((url) => window.fixture.fetch(url), target);
      await seen(t.requests, (e) => e.url === target, target);
      const found = t.requests.violations();
      assert(
        found.some((v) => v.includes(target) && v.includes('another origin')),
        `the off-origin fetch was not flagged: ${JSON.stringify(found)}`,
      );
    },
  },
  {
    name: 'an off-origin request from a worker is caught',
    allowViolations: true,
    // The proxy refuses it, and the page logs that as an error.
    allowConsoleErrors: true,
    async run(t) {
      await t.load();
      await t.page.waitForFunction(() => document.getElementById('status').textContent.startsWith('ready'));
      const target = `${otherOrigin(t)}/from-worker.json`;
      await t.page.evaluate((url) => window.fixture.workerFetch(url), target);
      await seen(t.requests, (e) => e.url === target, `the worker's ${target}`);
      assert(
        t.requests.violations().some((v) => v.includes(target) && v.includes('another origin')),
        `the worker's off-origin fetch was not flagged: ${JSON.stringify(t.requests.violations())}`,
      );
    },
  },
  {
    name: 'an off-origin image is caught',
    allowViolations: true,
    // The proxy refuses it, and the page logs that as an error.
    allowConsoleErrors: true,
    async run(t) {
      await t.load();
      const target = `${otherOrigin(t)}/pixel.png`;
      await t.page.evaluate((url) => window.fixture.image(url), target);
      await seen(t.requests, (e) => e.url === target, target);
      assert(
        t.requests.violations().some((v) => v.includes(target)),
        'the off-origin image was not flagged',
      );
    },
  },
  {
    name: "the browser's own favicon request, unseen by the context, is caught by the proxy",
    allowViolations: true,
    allowConsoleErrors: true,
    async run(t) {
      await t.load({ path: 'noicon.html' });
      const icon = `${t.url}favicon.ico`;
      for (let i = 0; i < 60 && !t.requests.network().some((e) => e.url === icon); i += 1) await sleep(50);
      assert(
        t.requests.network().some((e) => e.url === icon),
        `the proxy did not see ${icon}:\n  ${t.requests.describe()}`,
      );
      assert(
        t.requests.violations().some((v) => v.includes('favicon.ico') && v.includes('not a served file')),
        `the favicon 404 was not flagged: ${JSON.stringify(t.requests.violations())}`,
      );
      // Why the proxy exists: Playwright's context events never report this request.
      assert(!t.requests.entries.some((e) => e.url === icon), 'the context now reports the favicon: the proxy may be redundant');
    },
  },
  {
    name: 'an off-origin icon is caught',
    allowViolations: true,
    // The proxy refuses it, and the page logs that as an error.
    allowConsoleErrors: true,
    async run(t) {
      await t.load({ path: 'foreign-icon.html' });
      const icon = `${otherOrigin(t)}/icon.png`;
      for (let i = 0; i < 60 && !t.requests.network().some((e) => e.url === icon); i += 1) await sleep(50);
      assert(
        t.requests.violations().some((v) => v.includes(icon) && v.includes('another origin')),
        `the off-origin icon was not flagged: ${JSON.stringify(t.requests.violations())}\n  ${t.requests.describe()}`,
      );
    },
  },
  {
    name: 'own-origin requests with a query, a body, for a missing file, or a navigation are caught',
    allowViolations: true,
    allowConsoleErrors: true,
    async run(t) {
      await t.load();
      const base = t.url.replace(/\/$/, '');
      await t.page.evaluate((b) => window.fixture.fetch(`${b}/data.json?q=secret`), base);
      await t.page.evaluate((b) => window.fixture.fetch(`${b}/data.json`, { method: 'POST', body: 'secret' }), base);
      await t.page.evaluate((b) => window.fixture.fetch(`${b}/not-there.js`), base);
      await t.page.goto(t.url);
      await seen(t.requests, (e) => e.afterLoad && e.navigation, 'the second navigation');
      const found = t.requests.violations();
      for (const why of ['query string', 'method POST', 'not a served file', 'navigation after']) {
        assert(found.some((v) => v.includes(why)), `no violation mentions "${why}": ${JSON.stringify(found)}`);
      }
      assert(t.requests.afterLoad().length >= 4, 'requests after load were not marked as such');
    },
  },
  {
    name: 'uncaught page errors are collected',
    allowConsoleErrors: true,
    async run(t) {
      await t.load();
      await t.page.evaluate(() => setTimeout(() => { throw new Error('deliberate boom'); }));
      for (let i = 0; i < 40 && !t.errors.length; i += 1) await sleep(50);
      assert(t.errors.some((e) => e.includes('deliberate boom')), `not collected: ${JSON.stringify(t.errors)}`);
    },
  },
  {
    name: 'static server: MIME types, _headers, caching, no way out of the folder',
    async run(t) {
      const home = await rawGet(t.url, '/');
      assertEqual(home.status, 200, 'GET /');
      assertEqual(home.headers['content-type'], 'text/html; charset=utf-8', 'index.html type');
      assertEqual(home.headers['x-fixture-header'], 'from-_headers', 'header from _headers');
      assertEqual(home.headers['cache-control'], 'no-cache', 'index.html caching');
      assertEqual((await rawGet(t.url, '/tiny.wasm')).headers['content-type'], 'application/wasm', 'wasm type');
      assertEqual((await rawGet(t.url, '/data.json')).headers['x-data'], 'yes', 'path-specific _headers rule');
      assertEqual((await rawGet(t.url, '/_headers')).status, 404, 'the _headers file itself');
      // Each of these would reach package.json at the repository root if the server let it.
      for (const attempt of [
        '/../../../package.json',
        '/%2e%2e/%2e%2e/%2e%2e/package.json',
        '/..%2f..%2f..%2fpackage.json',
        '/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
        '/..\\..\\..\\package.json',
        '/data.json%00.png',
        '//etc/passwd',
        `/${ROOT}/package.json`,
      ]) {
        const answer = await rawGet(t.url, attempt);
        assert(
          answer.status >= 400 && !answer.body.includes('mailtls') && !answer.body.includes('root:'),
          `GET ${attempt} answered ${answer.status}: ${answer.body.slice(0, 80)}`,
        );
      }
      assertEqual((await rawGet(t.url, '/.hidden')).status, 404, 'dot files');

      // Without a _headers file the defaults are sent.
      const bare = mkdtempSync(path.join(tmpdir(), 'mailtls-e2e-'));
      writeFileSync(path.join(bare, 'index.html'), '<!doctype html><title>x</title>');
      writeFileSync(path.join(bare, 'sw.js'), '');
      const plain = await startServer({ root: bare, port: 0 });
      try {
        const answer = await rawGet(plain.url, '/');
        assertEqual(answer.headers['x-content-type-options'], 'nosniff', 'default nosniff');
        assertEqual(answer.headers['referrer-policy'], 'no-referrer', 'default Referrer-Policy');
        assertEqual((await rawGet(plain.url, '/sw.js')).headers['cache-control'], 'no-cache', 'sw.js caching');
      } finally {
        await plain.close();
        rmSync(bare, { recursive: true, force: true });
      }

      const rules = parseHeadersFile(
        '# comment\n/*\n  A: 1\n  B: 1\n/sw.js\n  B: 2\n/:lang/docs/*\n  C: 3\n',
      );
      assertEqual(headersFor(rules, '/index.html'), [['A', '1'], ['B', '1']], '/* rule');
      assertEqual(headersFor(rules, '/sw.js'), [['A', '1'], ['B', '2']], 'later rule overrides');
      assertEqual(headersFor(rules, '/en/docs/a/b'), [['A', '1'], ['B', '1'], ['C', '3']], ':placeholder');
      assertEqual(headersFor(rules, '/en/x/docs/a'), [['A', '1'], ['B', '1']], ':placeholder is one segment');
    },
  },
  {
    name: 'the runner fails a failing journey, an unclean one, and takes a screenshot',
    timeout: 90000,
    async run() {
      const shot = path.join(ARTIFACTS, 'failing--deliberately-throws.png');
      rmSync(shot, { force: true });
      const child = spawnSync(
        process.execPath,
        [path.join(ROOT, 'tests/e2e/run.mjs'), path.join(ROOT, 'tests/e2e/fixtures/failing.mjs')],
        { encoding: 'utf8', timeout: 80000 },
      );
      const output = `${child.stdout}${child.stderr}`;
      assertEqual(child.status, 1, `the runner's exit status on failures (output:\n${output})`);
      assert(/FAIL {2}deliberately throws/.test(output), `no FAIL line for the throwing journey:\n${output}`);
      assert(/FAIL {2}makes an off-origin request/.test(output), `the unclean journey passed:\n${output}`);
      assert(output.includes('goes to another origin'), `the violation is not named:\n${output}`);
      assert(/^e2e: 1 passed, 2 failed$/m.test(output), `wrong tally:\n${output}`);
      assert(existsSync(shot), `no failure screenshot at ${shot}`);
    },
  },
];
