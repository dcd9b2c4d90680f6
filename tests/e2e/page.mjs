// Journeys through the real page (the built dist/), written against the UI contract in
// tests/e2e/README.md. What the page shows is compared with what the CLI reports for the same
// input (`mailtls check --json`), so the page is checked against the one analysis core rather
// than against numbers copied here; a few facts about the sample are also pinned, so a change
// in the analysis itself is noticed too. The runner checks every request each journey makes.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, assert, assertEqual, sleep, waitForContract } from './lib.mjs';

const HOPS = 'table[data-test=hops] tr[data-test=hop]';

// A real header section: Google -> Cisco IronPort -> Exchange 2010 -> Exchange Online, 9 hops.
// From domainaware/parsedmarc, samples/aggregate/"Report domain- borschow.com Submitter-
// google.com Report-ID- 949348866075514174.eml" at commit 6358c364018af0815b59087eef99ff914bb6fa51
// (Apache-2.0); header section only, as kept in ../shared/corpus (see its MANIFEST.tsv).
const SAMPLE = path.join(ROOT, '..', 'shared', 'corpus', 'headers', 'parsedmarc_google_dmarc_o365_ironport.hdr');
const SAMPLE_MX = 'smtp2.cardinal.com';
const TYPED = 'Received: from a.example.net by mx.example.org with ESMTPS; Wed, 13 Feb 2019 10:48:13 +0000';

/** The CLI's report for `text`: the oracle the page is compared with. */
function cliReport(text, mx = []) {
  // --features ssr: the same build as `cargo test --features ssr`, so nothing recompiles.
  const args = ['run', '--quiet', '--features', 'ssr', '--bin', 'mailtls', '--', 'check', '--json'];
  for (const host of mx) args.push('--mx', host);
  args.push('-');
  const run = spawnSync('cargo', args, { cwd: ROOT, input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`mailtls check failed (${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

export function setup() {
  if (!existsSync(SAMPLE)) throw new Error(`${SAMPLE} is missing: the tests need ../shared next to the repository`);
  const sample = readFileSync(SAMPLE, 'utf8');
  const oracle = cliReport(sample);
  // Facts about this sample that hold whatever the page does; if one fails, the analysis changed.
  assertEqual(oracle.hops.length, 9, 'the CLI reads 9 hops from the sample');
  assert(/ESMTP\/TLS\//.test(oracle.hops[1].with) && oracle.hops[1].encrypted === true, 'IronPort hop is TLS');
  assert(
    oracle.findings.some((f) => f.code === 'HOP_CIPHER_NO_FORWARD_SECRECY'),
    'the CLI flags the IronPort hop (AES128-GCM-SHA256, static RSA) as not forward secret',
  );
  return {
    sample,
    oracle,
    oracleWithMx: cliReport(sample, [SAMPLE_MX]),
    typedOracle: cliReport(TYPED),
  };
}

const encryptedWord = (value) => (value === true ? 'yes' : value === false ? 'no' : 'unknown');
const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

async function openPage(t, page = t.page, requests = t.requests) {
  await t.load({ page, requests });
  await waitForContract(page, '#input', { state: 'visible' });
}

/** Waits until exactly `count` hop rows show (or, with no count, at least one). */
async function waitForHops(page, count = null, timeout = 15000) {
  try {
    await page.waitForFunction(
      ([selector, n]) => {
        const rows = document.querySelectorAll(selector).length;
        return n === null ? rows > 0 : rows === n;
      },
      [HOPS, count],
      { timeout },
    );
  } catch (error) {
    const rows = await page.locator(HOPS).count();
    throw new Error(
      `expected ${count ?? 'some'} hop rows (${HOPS}) within ${timeout} ms, found ${rows}` +
        ' (UI contract: see tests/e2e/README.md)',
    );
  }
}

/** [data-encrypted, data-internal] of every hop row, in page order. */
function hopAttributes(page) {
  return page.$$eval(HOPS, (rows) =>
    rows.map((row) => [row.getAttribute('data-encrypted'), row.getAttribute('data-internal')]),
  );
}

/** Checks the rendered report against the CLI's report for the same input. */
async function assertMatchesReport(page, report) {
  await waitForHops(page, report.hops.length);
  assertEqual(
    await hopAttributes(page),
    report.hops.map((hop) => [encryptedWord(hop.encrypted), String(hop.internal)]),
    'hop rows [data-encrypted, data-internal] in delivery order',
  );
  const verdict = squash(await page.textContent('[data-test=verdict]'));
  assert(
    verdict.includes(squash(report.path.headline)),
    `[data-test=verdict] should contain the path headline "${report.path.headline}"; it says "${verdict}"`,
  );
  const grade = squash(await page.textContent('[data-test=grade]'));
  const gradeToken = new RegExp(`(^|[^A-Za-z+-])${report.grade.replace('+', '\\+')}($|[^A-Za-z+-])`);
  assert(gradeToken.test(grade), `[data-test=grade] should show grade ${report.grade}; it says "${grade}"`);
  const shown = await page.$$eval('[data-test=finding]', (items) =>
    items.map((item) => [item.getAttribute('data-code'), item.getAttribute('data-severity')]),
  );
  for (const finding of report.findings) {
    assert(
      shown.some(([code, severity]) => code === finding.code && severity === finding.severity),
      `finding ${finding.code} (${finding.severity}) is not shown; shown: ${JSON.stringify(shown)}`,
    );
  }
  assert(!(await page.$('[data-test=error-banner]')), 'an error banner is showing');
}

export const journeys = [
  {
    name: 'a pasted multi-hop header renders the per-hop report',
    async run(t) {
      const { page } = t;
      const { sample, oracle, oracleWithMx, typedOracle } = t.shared;
      await openPage(t);
      await page.fill('#input', sample);
      await assertMatchesReport(page, oracle);
      const kind = squash(await page.textContent('[data-test=kind]'));
      assert(/header/i.test(kind), `[data-test=kind] should name message headers; it says "${kind}"`);
      const elapsed = squash(await page.textContent('[data-test=elapsed]'));
      assert(/\d/.test(elapsed), `[data-test=elapsed] should show a time; it says "${elapsed}"`);
      t.log(`verdict "${squash(await page.textContent('[data-test=verdict]'))}", elapsed "${elapsed}"`);

      // Typing more text below the headers keeps the report.
      await page.focus('#input');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nX-Typed: yes', { delay: 15 });
      await sleep(300);
      await assertMatchesReport(page, oracle);

      // The user's MX places the trust border exactly.
      await page.fill('#mx-hosts', SAMPLE_MX);
      await page.waitForFunction(
        ([selector, codes]) => {
          const shown = [...document.querySelectorAll(selector)].map((f) => f.getAttribute('data-code'));
          return shown.length === codes.length && codes.every((c) => shown.includes(c));
        },
        ['[data-test=finding]', oracleWithMx.findings.map((f) => f.code)],
        { timeout: 15000 },
      ).catch(async () => {
        const shown = await page.$$eval('[data-test=finding]', (l) => l.map((f) => f.getAttribute('data-code')));
        throw new Error(
          `with #mx-hosts = ${SAMPLE_MX} the findings should be ${JSON.stringify(oracleWithMx.findings.map((f) => f.code))}; shown: ${JSON.stringify(shown)}`,
        );
      });
      await assertMatchesReport(page, oracleWithMx);
      await page.fill('#mx-hosts', '');

      // Clear empties the input and the report.
      await page.click('#clear');
      await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, HOPS, {
        timeout: 10000,
      });
      assertEqual(await page.inputValue('#input'), '', '#input after #clear');

      // Typing a header key by key analyses as you type.
      await page.focus('#input');
      await page.keyboard.type(TYPED, { delay: 5 });
      await assertMatchesReport(page, typedOracle);
    },
  },
  {
    name: 'every example renders a report',
    timeout: 120000,
    async run(t) {
      const { page } = t;
      await openPage(t);
      await waitForContract(page, '#examples');
      const options = await page.$$eval('#examples option', (list) =>
        list.map((o) => ({ value: o.value, label: o.textContent.trim() })),
      );
      assert(options.length >= 2, `#examples should offer examples after its placeholder; it has ${options.length} options`);
      for (const [index, option] of options.entries()) {
        if (index === 0) continue; // the placeholder
        // Start empty, so the rows that appear are this example's (#clear is disabled when
        // there is nothing to clear).
        if (await page.isEnabled('#clear')) await page.click('#clear');
        await page.waitForFunction((selector) => !document.querySelector(selector), HOPS, { timeout: 10000 });
        await page.selectOption('#examples', { index });
        await page.waitForFunction(() => document.querySelector('#input').value.length > 0, null, { timeout: 10000 }).catch(() => {
          throw new Error(`example "${option.label}" did not fill #input`);
        });
        // Examples of other kinds (certificates, policies) come with later issues; headers must
        // render hops.
        await waitForContract(page, '[data-test=kind]');
        const kind = squash(await page.textContent('[data-test=kind]'));
        if (/header/i.test(kind)) {
          await waitForHops(page).catch((error) => {
            throw new Error(`example "${option.label}": ${error.message}`);
          });
        }
        assert(!(await page.$('[data-test=error-banner]')), `example "${option.label}" shows an error banner`);
        t.log(`example "${option.label}": ${kind}, ${await page.locator(HOPS).count()} hops`);
      }
    },
  },
  {
    name: 'garbage gets an input problem; binary with a NUL does not crash',
    async run(t) {
      const { page } = t;
      await openPage(t);
      await page.fill('#input', 'this is not an email header, just a sentence someone pasted');
      await waitForContract(page, '[data-test=input-problem]', { state: 'visible' });
      const binary = `Received: from a\u0000b by c\u0001\u0002\u0003 with ESMTP\u0000;\n${'\u00ff\u00fe\u0000\u0007'.repeat(256)}\n`;
      await page.fill('#input', binary);
      await page.waitForFunction(
        (selector) => document.querySelector('[data-test=input-problem]') || document.querySelector(selector),
        HOPS,
        { timeout: 15000 },
      );
      await sleep(300);
      assert(!(await page.$('[data-test=error-banner]')), 'binary input raised the error banner (a crash)');
      assertEqual(await page.evaluate(() => 6 * 7), 42, 'the page still answers');
      // And it still works afterwards.
      await page.fill('#input', t.shared.sample);
      await assertMatchesReport(page, t.shared.oracle);
    },
  },
  {
    name: 'a 5 MB paste keeps the page responsive and renders',
    timeout: 180000,
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run(t) {
      const { page } = t;
      // In the page: every long task (over 50 ms on the main thread, from the Long Tasks API)
      // and when each worker message arrives. Measured inside the page, so a protocol round trip
      // or the test process being slow doesn't count.
      await page.addInitScript(() => {
        const e2e = { gaps: [], messages: [] };
        window.__e2e = e2e;
        new PerformanceObserver((list) => {
          for (const task of list.getEntries()) e2e.gaps.push([task.startTime, task.startTime + task.duration]);
        }).observe({ type: 'longtask', buffered: true });
        const Original = window.Worker;
        window.Worker = class extends Original {
          constructor(...args) {
            super(...args);
            this.addEventListener('message', () => e2e.messages.push(performance.now()));
          }
        };
      });
      await openPage(t);
      const text = bigHeader(5 * 1024 * 1024);
      const hops = (text.match(/^Received:/gm) ?? []).length;
      // A real paste: through the clipboard and Control+V (fill() when the clipboard is refused).
      let how = 'clipboard';
      const copied = await page
        .evaluate((value) => navigator.clipboard.writeText(value).then(() => true), text)
        .catch(() => false);
      await page.focus('#input');
      const pressAt = await page.evaluate(() => performance.now());
      if (copied) await page.keyboard.press('Control+V');
      else {
        how = 'fill';
        await page.fill('#input', text);
      }
      const length = await page.evaluate(() => document.querySelector('#input').value.length);
      // A textarea's value normalises CRLF to LF.
      assertEqual(length, text.replace(/\r\n/g, '\n').length, `#input length after the ${how} paste`);
      const started = Date.now();
      let rendered = null;
      while (Date.now() - started < 120000) {
        rendered = await page.evaluate(
          (selector) => ({ rows: document.querySelectorAll(selector).length, at: performance.now() }),
          HOPS,
        );
        if (rendered.rows > 0) break;
        await sleep(20);
      }
      assert(rendered?.rows > 0, `no hop rows within 120 s of a ${hops}-hop paste`);
      const { gaps, messages } = await page.evaluate(() => window.__e2e);
      // Inserting 5 MB into a textarea is one long task in Chromium itself (about 1.3 s here on a
      // page with nothing but a textarea); the rows are the app's work. Between the two, the
      // worker analyses and the page must stay free: every gap there must be short.
      const pasteGap = gaps.find(([from, to]) => to > pressAt && from < pressAt + 50);
      const afterPaste = pasteGap ? pasteGap[1] : pressAt;
      // The reply is the last worker message before the rows showed.
      const replyAt = Math.max(...messages.filter((m) => m <= rendered.at));
      assert(Number.isFinite(replyAt), 'no worker message reached the page: is the analysis off the main thread?');
      assert(replyAt > afterPaste, 'the reply arrived before the paste was handled');
      const during = gaps.filter(([from, to]) => from >= afterPaste && to <= replyAt);
      const worst = Math.max(0, ...during.map(([from, to]) => to - from));
      const handling = Math.max(0, ...gaps.filter(([, to]) => to > replyAt).map(([from, to]) => to - from));
      const elapsed = squash(await page.textContent('[data-test=elapsed]').catch(() => ''));
      const ms = (n) => `${Math.round(n)} ms`;
      t.log(
        `${(text.length / 1048576).toFixed(1)} MB, ${hops} Received lines, ${rendered.rows} rows shown; ` +
          `[data-test=elapsed] "${elapsed}"`,
      );
      t.log(
        `main thread: the ${how} paste ${ms(pasteGap ? pasteGap[1] - pasteGap[0] : 0)}; ` +
          `then ${ms(replyAt - afterPaste)} until the reply, longest busy stretch ${ms(worst)}; ` +
          `handling the reply and rendering, longest ${ms(handling)}`,
      );
      t.log(
        `long tasks from the press (start+duration, ms): ${gaps
          .filter(([, to]) => to > pressAt)
          .map(([from, to]) => `${Math.round(from - pressAt)}+${Math.round(to - from)}`)
          .join(' ')}; worker messages at ${messages.map((m) => Math.round(m - pressAt)).join(' ')}`,
      );
      assert(worst < 200, `the page froze for ${ms(worst)} while the worker analysed`);
      assert(!(await page.$('[data-test=error-banner]')), 'the big paste raised the error banner');
    },
  },
  {
    name: 'screenshots: light, dark and phone; colours follow the system; no sideways scrolling',
    async run(t) {
      const shots = {};
      for (const [name, options] of [
        ['light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
        ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
        ['mobile', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
      ]) {
        const view = await t.newContext(options);
        await openPage(t, view.page, view.requests);
        await view.page.fill('#input', t.shared.sample);
        await assertMatchesReport(view.page, t.shared.oracle);
        shots[name] = {
          background: await view.page.evaluate(pageBackground),
          overflow: await view.page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
        };
        await t.screenshot(`page-${name}.png`, view.page);
      }
      const light = luminance(shots.light.background);
      const dark = luminance(shots.dark.background);
      t.log(`background light ${shots.light.background}, dark ${shots.dark.background}`);
      assert(dark < light, `prefers-color-scheme: dark should darken the page (light ${light}, dark ${dark})`);
      assert(shots.mobile.overflow <= 0, `the phone layout scrolls sideways by ${shots.mobile.overflow} px`);
    },
  },
];

/** A header block of about `bytes` bytes: thousands of Received lines with folded filler. */
function bigHeader(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const received =
      `Received: from relay${i}.example.net (relay${i}.example.net [192.0.2.${i % 250}])\r\n` +
      `\tby relay${i + 1}.example.net with ESMTPS id ${i.toString(16).padStart(8, '0')}\r\n` +
      '\t(version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r\n' +
      `\tWed, 13 Feb 2019 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} +0000\r\n`;
    const filler = `X-Filler-${i}: ${'abcdefghij'.repeat(7)}\r\n\t${'0123456789'.repeat(70)}\r\n`;
    lines.push(received, filler);
    size += received.length + filler.length;
  }
  // The newest hop is the top line.
  return `${lines.reverse().join('')}Subject: big\r\n\r\n`;
}

/** The page's background colour: the first opaque one from body up, else the canvas. */
function pageBackground() {
  for (const element of [document.body, document.documentElement]) {
    const colour = getComputedStyle(element).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return 'canvas';
}

/** Relative luminance (0 black … 1 white) of a CSS rgb() colour. */
function luminance(colour) {
  if (colour === 'canvas') return 1;
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
