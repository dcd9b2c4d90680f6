// Journeys through the handshake explainer (issue 5) on the real page (the built dist/). What
// the page shows is compared with the CLI's report for the same input (`mailtls check --json`
// carries the same walk-throughs the worker builds), so the page is checked against the one
// analysis core. The runner checks every request each journey makes (no other origin, no
// navigation after load).
//
// The explainer's contract, beside tests/e2e/README.md's:
//   [data-test=nav-explain], [data-test=nav-check]   the links between the checker and explainer
//   [data-test=picker] a[data-scenario=SLUG]         the walk-through picker
//   [data-test=walkthrough][data-scenario=SLUG]      the open walk-through
//   [data-test=step][data-step=ID]                   one row per step; the current one has
//                                                    a[aria-current=step]; the reader's have
//                                                    class is-yours
//   [data-test=step-detail]                          the current step in full (wide layouts)
//   [data-test=position]                             "Step N of M"
//   [data-test=next|back|play|first|last]            the controls
//   [data-test=announce]                             the aria-live announcement

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, assert, assertEqual, sleep, waitForContract } from './lib.mjs';

// A real header with a plaintext hop: Postfix and Exim relaying without TLS (www/samples, from
// domainaware/parsedmarc; see www/samples/ATTRIBUTION.md).
const SAMPLE = path.join(ROOT, 'www', 'samples', 'plaintext-hop.txt');

const CURRENT = '[data-test=step]:has(a[aria-current=step])';

/** The CLI's report for `text` (the oracle), built as `cargo test --features ssr` builds. */
function cliReport(text) {
  const args = ['run', '--quiet', '--features', 'ssr', '--bin', 'mailtls', '--', 'check', '--json', '-'];
  const run = spawnSync('cargo', args, { cwd: ROOT, input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`mailtls check failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export function setup() {
  if (!existsSync(SAMPLE)) throw new Error(`${SAMPLE} is missing`);
  const sample = readFileSync(SAMPLE, 'utf8');
  const oracle = cliReport(sample);
  const downgrade = oracle.explainer.walkthroughs.find((w) => w.scenario === 'downgrade');
  assert(downgrade, 'the report carries the downgrade walk-through');
  const plain = oracle.hops.find((hop) => !hop.internal && hop.encrypted === false);
  assert(plain, 'the sample has a plaintext public hop');
  const steps = downgrade.acts.flatMap((act) => act.steps);
  const highlighted = steps.filter((step) => step.highlight).map((step) => step.id.split('/')[1]);
  assertEqual(highlighted, ['mail-in-clear', 'recorded'], 'the CLI highlights the plaintext hop in the downgrade');
  return { sample, oracle, plain, downgrade, steps };
}

/** `#hash` of the page. */
const hash = (page) => page.evaluate(() => location.hash);

/** Waits until the current step is `id` (the step id without its scenario). */
async function waitForStep(page, id, timeout = 5000) {
  try {
    await page.waitForFunction(
      ([selector, want]) => document.querySelector(selector)?.getAttribute('data-step') === want,
      [CURRENT, id],
      { timeout },
    );
  } catch {
    const now = await page.$eval(CURRENT, (row) => row.getAttribute('data-step')).catch(() => 'none');
    throw new Error(`expected the current step to be ${id} within ${timeout} ms; it is ${now}`);
  }
}

/** Reloads the page; the reload is the journey's own navigation, not the page's. */
async function reload(t, page = t.page, requests = t.requests) {
  requests.loaded = false;
  await page.reload({ waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  requests.markLoaded();
}

export const journeys = [
  {
    name: 'a plaintext hop becomes the highlighted step of the downgrade, with the arrow keys and deep links',
    async run(t) {
      const { page } = t;
      const { sample, plain, steps, downgrade } = t.shared;
      await t.load({ ready: '#input' });
      await page.fill('#input', sample);
      await waitForContract(page, 'table[data-test=hops] tr[data-test=hop]');

      // Check -> How it works -> the downgrade.
      await page.click('[data-test=nav-explain]');
      await waitForContract(page, '[data-test=index]');
      assertEqual(await hash(page), '#explain', 'the index has its own fragment');
      await page.click('[data-test=picker] a[data-scenario=downgrade]');
      await waitForContract(page, '[data-test=walkthrough][data-scenario=downgrade]');
      assertEqual(await hash(page), '#explain/downgrade', 'the walk-through has its own fragment');

      // The reader's hop is the highlighted one: the row, and the note naming their hop.
      const hopName = `hop ${plain.index + 1} (${plain.from} \u2192 ${plain.by})`;
      await page.waitForFunction(
        (name) => document.querySelector('[data-step=mail-in-clear]')?.textContent.includes(name),
        hopName,
        { timeout: 10000 },
      );
      const yours = await page.$$eval('[data-test=step].is-yours', (rows) => rows.map((r) => r.getAttribute('data-step')));
      assertEqual(yours, ['mail-in-clear', 'recorded'], 'rows marked as the reader\'s');
      t.log(`highlighted: ${yours.join(', ')} (${hopName})`);
      assertEqual(
        await page.locator('[data-test=step]').count(),
        steps.length,
        'one row per step of the CLI\'s walk-through',
      );
      const outcome = await page.textContent('[data-test=outcome]');
      assert(outcome.includes(downgrade.outcome.title), `the ending is the report's: ${downgrade.outcome.title}`);

      // Arrow keys move the step and the fragment follows.
      await waitForStep(page, 'greeting');
      await page.keyboard.press('ArrowRight');
      await waitForStep(page, 'ehlo');
      assertEqual(await hash(page), '#explain/downgrade/ehlo', 'ArrowRight writes the step to the URL');
      assertEqual((await page.textContent('[data-test=position]')).trim(), `Step 2 of ${steps.length}`, 'position');
      const announced = await page.textContent('[data-test=announce]');
      assert(announced.includes('Step 2 of') && announced.includes('EHLO'), `announced: ${announced}`);
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
      await waitForStep(page, 'mail-in-clear');
      assertEqual(await hash(page), '#explain/downgrade/mail-in-clear', 'four more steps');
      const detail = await page.textContent('[data-test=step-detail]');
      assert(detail.includes(hopName), 'the panel tells the reader it is their hop');
      await page.keyboard.press('ArrowLeft');
      await waitForStep(page, 'no-tls');
      await page.keyboard.press('End');
      await waitForStep(page, steps[steps.length - 1].id.split('/')[1]);
      await page.keyboard.press('Home');
      await waitForStep(page, 'greeting');
      // Keys with a modifier are the browser's (Alt+Left is Back).
      await page.keyboard.press('Shift+ArrowRight');
      await sleep(150);
      await waitForStep(page, 'greeting');

      // The buttons move too; clicking a row opens it.
      await page.click('[data-test=next]');
      await waitForStep(page, 'ehlo');
      await page.click('[data-test=step][data-step=strip] a');
      await waitForStep(page, 'strip');
      assertEqual(await hash(page), '#explain/downgrade/strip', 'a row click writes the step');

      // Moving replaced the history entry: Back leaves the walk-through, Forward returns to it.
      await page.goBack();
      await waitForContract(page, '[data-test=index]');
      await page.goForward();
      await waitForStep(page, 'strip');

      // A reload keeps the step, and the input (sessionStorage) keeps it the reader's.
      await reload(t);
      await waitForStep(page, 'strip');
      await page.waitForFunction(
        (name) => document.querySelector('[data-step=mail-in-clear]')?.textContent.includes(name),
        hopName,
        { timeout: 15000 },
      );

      // Check takes the reader back to the report, which still has their input.
      await page.click('[data-test=nav-check]');
      await waitForContract(page, 'table[data-test=hops] tr[data-test=hop]', { timeout: 15000 });
      assert(!(await hash(page)).includes('explain'), 'the report has no explain part');
    },
  },
  {
    name: 'a deep link opens its step in a new tab, unknown fragments fall back, play advances',
    async run(t) {
      const { page } = t;
      await t.load({ path: '#explain/tls13/server-hello', ready: '[data-test=walkthrough]' });
      await waitForStep(page, 'server-hello');
      const detail = await page.textContent('[data-test=step-detail]');
      assert(detail.includes('ServerHello'), 'the panel shows ServerHello');
      const announced = await page.textContent('[data-test=announce]');
      assert(announced.includes('ServerHello'), 'the live region names it');
      // Without input, the example names are shown, and said to be examples.
      assert((await page.textContent('[data-test=walk-notes]')).includes('example names'), 'example note');

      // A step that doesn't exist opens the first; a scenario that doesn't exist opens the index;
      // the share payload and parts from newer versions survive moving around.
      await page.evaluate(() => {
        location.hash = '#explain/tls12/no-such-step&s=abc&future=1';
      });
      await waitForContract(page, '[data-test=walkthrough][data-scenario=tls12]');
      await waitForStep(page, 'client-hello');
      await page.keyboard.press('ArrowRight');
      await waitForStep(page, 'server-hello');
      assertEqual(await hash(page), '#explain/tls12/server-hello&s=abc&future=1', 'other parts kept');
      await page.evaluate(() => {
        location.hash = '#explain/nonsense';
      });
      await waitForContract(page, '[data-test=index]');

      // The comparison: one row per pair; each message links to its step.
      await page.click('[data-test=picker] a[data-scenario=compare]');
      await waitForContract(page, '[data-test=compare]');
      assertEqual(await hash(page), '#explain/compare', 'the comparison has its own fragment');
      await page.click('[data-test=compare] a[href="#explain/tls13/hello-retry-request"]');
      await waitForStep(page, 'hello-retry-request');

      // Play advances by itself and pauses.
      await page.click('[data-test=play]');
      await waitForStep(page, 'client-hello-retry', 13000);
      await page.click('[data-test=play]');
      const paused = await hash(page);
      await sleep(3500);
      assertEqual(await hash(page), paused, 'pause stops advancing');
    },
    timeout: 90000,
  },
  {
    name: 'screenshots: the explainer in light, dark and on a phone; no sideways scrolling',
    async run(t) {
      for (const [name, options] of [
        ['light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
        ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
        ['mobile', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }],
      ]) {
        const view = await t.newContext({ ...options, reducedMotion: 'reduce' });
        await t.load({ page: view.page, requests: view.requests, ready: '#input' });
        await view.page.fill('#input', t.shared.sample);
        await waitForContract(view.page, 'table[data-test=hops] tr[data-test=hop]');
        await view.page.evaluate(() => {
          location.hash = '#explain/downgrade/mail-in-clear';
        });
        await waitForStep(view.page, 'mail-in-clear');
        await view.page.waitForSelector('[data-step=mail-in-clear].is-yours');
        const overflow = await view.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert(overflow <= 0, `${name}: the explainer scrolls sideways by ${overflow} px`);
        await t.screenshot(`explainer-${name}.png`, view.page, { fullPage: false });
      }
    },
  },
];
