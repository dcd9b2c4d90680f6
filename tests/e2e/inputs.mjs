// Journeys through the page's input model and overview: several inputs at once, files dropped
// and picked together and routed by kind, the whole-domain examples, the exports, the keyboard
// shortcuts and focus, undo after an example, printing, and inputs that survive a reload and go
// with "Clear all". What the page grades is compared with `mailtls check --json` on the same
// files, so the page is checked against the one analysis core. The runner checks every request.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, artifact, assert, assertEqual, sleep, waitForContract } from './lib.mjs';

const SAMPLES = path.join(ROOT, 'www', 'samples');
const sample = (name) => readFileSync(path.join(SAMPLES, name), 'utf8');
const TAB = '[data-test=input-tab]';
const HOPS = 'table[data-test=hops] tr[data-test=hop]';

/** The CLI's report for these files (the oracle). */
function cli(files, mx = []) {
  const args = ['run', '--quiet', '--features', 'ssr', '--bin', 'mailtls', '--', 'check', '--json'];
  for (const host of mx) args.push('--mx', host);
  args.push(...files);
  const run = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`mailtls check failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** {area: letter or '–'} from a report's posture. */
const letters = (report) =>
  Object.fromEntries(report.posture.sections.map((s) => [s.area, s.grade ?? '–']));

export function setup() {
  const inSamples = (names) => names.map((n) => path.join(SAMPLES, n));
  const pair = cli(inSamples(['postfix-tls13.txt', 'openssl-chain.pem']));
  const protectedDomain = cli(inSamples(['domain-headers.txt', 'domain-mta-sts.txt', 'domain-dns.txt']), [
    'mx1.example.com',
    'mx2.example.com',
  ]);
  const dane = cli(inSamples(['dane-headers.txt', 'dane-chain.pem', 'dane-dns.txt']), ['mx1.example.net', 'mx2.example.net']);
  // Facts the journeys rely on; if one fails, the analysis changed, not the page.
  assertEqual(letters(pair), { transport: 'A', server: 'B', policy: '–' }, 'CLI letters for headers + chain');
  assertEqual(protectedDomain.grade, 'A+', 'CLI grade of the well-protected domain');
  assertEqual(dane.grade, 'A+', 'CLI grade of the DANE domain');
  return { pair, protectedDomain, dane };
}

async function openPage(t, page = t.page, requests = t.requests) {
  await t.load({ page, requests });
  await waitForContract(page, '#input', { state: 'visible' });
}

/**
 * Reloads the page in the same tab (so sessionStorage stays). A reload the journey asks for is a
 * load like the first, not a navigation by the page, so the request log starts its load phase
 * again; everything else about the requests is judged as always.
 */
async function reload(t) {
  t.requests.loaded = false;
  await openPage(t);
}

/** [data-kind, name] of every input tab, in order. */
const tabs = (page) =>
  page.$$eval('[data-test=input-tab]', (list) =>
    list.map((tab) => [tab.getAttribute('data-kind'), tab.querySelector('.tab-name')?.textContent ?? '']),
  );

/** Waits until the tabs are exactly `expected` ([kind, name] pairs). */
async function waitForTabs(page, expected, what) {
  try {
    await page.waitForFunction(
      (want) => {
        const got = [...document.querySelectorAll('[data-test=input-tab]')].map((tab) => [
          tab.getAttribute('data-kind'),
          tab.querySelector('.tab-name')?.textContent ?? '',
        ]);
        return JSON.stringify(got) === JSON.stringify(want);
      },
      expected,
      { timeout: 15000 },
    );
  } catch {
    throw new Error(`${what}: tabs should be ${JSON.stringify(expected)}; they are ${JSON.stringify(await tabs(page))}`);
  }
}

/** {area: letter} shown in the overview. */
const shownLetters = (page) =>
  page.$$eval('[data-test=area]', (list) =>
    Object.fromEntries(list.map((a) => [a.getAttribute('data-area'), a.querySelector('.area-grade').textContent.trim()])),
  );

async function waitForGrade(page, grade) {
  await page
    .waitForFunction((g) => document.querySelector('[data-test=grade]')?.textContent.trim() === g, grade, { timeout: 15000 })
    .catch(async () => {
      const shown = await page.textContent('[data-test=grade]').catch(() => 'nothing');
      throw new Error(`[data-test=grade] should be ${grade}; it is ${shown}`);
    });
}

/** Files dropped on the page the way a browser delivers them: one DataTransfer, several files. */
async function dropFiles(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    const target = document.querySelector('.page');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') })));
}

export const journeys = [
  {
    name: 'a certificate chain next to headers: both kinds detected, a letter per area',
    async run(t) {
      const { page } = t;
      await openPage(t);
      await page.fill('#input', sample('postfix-tls13.txt'));
      await waitForTabs(page, [['headers', 'Pasted text']], 'after pasting headers');
      await page.click('#add-input');
      assertEqual(await page.inputValue('#input'), '', 'the new input is open and blank');
      await page.fill('#input', sample('openssl-chain.pem'));
      await waitForTabs(page, [['headers', 'Pasted text'], ['certificates', 'Pasted text 2']], 'after adding a chain');
      const kind = (await page.textContent('[data-test=kind]')).trim();
      assert(/certificate/i.test(kind), `[data-test=kind] names the open input's kind; it says "${kind}"`);
      await page.waitForFunction(() => document.querySelectorAll('[data-test=area]').length === 3);
      assertEqual(await shownLetters(page), letters(t.shared.pair), 'letters per area, as the CLI grades them');
      await waitForGrade(page, t.shared.pair.grade);
      // Both inputs' findings show, and the hops of the headers.
      await page.waitForSelector(HOPS);
      const codes = await page.$$eval('[data-test=finding]', (l) => l.map((f) => f.getAttribute('data-code')));
      for (const f of t.shared.pair.findings) assert(codes.includes(f.code), `finding ${f.code} is shown`);
      // The first input opens again with its own kind; removing the second re-grades.
      await page.click('[data-test=input-tab]:nth-child(1) .input-tab-open');
      assert((await page.inputValue('#input')).startsWith('Received:'), 'the first tab shows the headers');
      await page.click('[data-test=input-tab]:nth-child(2) .input-tab-remove');
      await waitForTabs(page, [['headers', 'Pasted text']], 'after removing the chain');
      await page.waitForFunction(() => document.querySelector('[data-area=server]')?.classList.contains('is-absent'));
      await t.screenshot('inputs-two-kinds.png');
    },
  },
  {
    name: 'files picked and dropped together are routed to inputs by kind',
    async run(t) {
      const { page } = t;
      await openPage(t);
      // Two files through the (hidden) file picker: the first fills the blank input.
      await page.setInputFiles('#file', [
        { name: 'message.eml', mimeType: 'message/rfc822', buffer: Buffer.from(sample('dane-headers.txt')) },
        { name: 'chain.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(sample('dane-chain.pem')) },
      ]);
      await waitForTabs(page, [['headers', 'message.eml'], ['certificates', 'chain.pem']], 'after picking two files');
      // Empty the chain input: it stays, blank. A drop of a DER certificate and a DNS file:
      // the certificate fills that blank input (same kind), the other is added.
      await page.fill('#input', '');
      await waitForTabs(page, [['headers', 'message.eml'], ['empty', 'chain.pem']], 'after emptying the chain');
      const der = Buffer.from(
        sample('dane-chain.pem').split('-----END CERTIFICATE-----')[0].replace(/-----BEGIN CERTIFICATE-----|\s/g, ''),
        'base64',
      );
      await dropFiles(page, [
        { name: 'leaf.der', bytes: der },
        { name: 'records.txt', bytes: Buffer.from(sample('dane-dns.txt')) },
      ]);
      await waitForTabs(
        page,
        [['headers', 'message.eml'], ['certificates', 'leaf.der'], ['dns-records', 'records.txt']],
        'after dropping two files',
      );
      // The DER file stays bytes: no text in the editor, a chip names it.
      await page.click('[data-test=input-tab]:nth-child(2) .input-tab-open');
      assertEqual(await page.inputValue('#input'), '', 'a binary input shows no text');
      const chip = (await page.textContent('.file-chip')).trim();
      assert(/leaf\.der .* read as binary data/.test(chip), `the file chip names the DER file: "${chip}"`);
      // A file over 16 MiB is refused before it is read, with a message.
      await page.setInputFiles('#file', [
        { name: 'huge.mbox', mimeType: 'application/mbox', buffer: Buffer.alloc(16 * 1024 * 1024 + 1, 0x61) },
      ]);
      await waitForContract(page, '[data-test=input-notice]', { state: 'visible' });
      const notice = (await page.textContent('[data-test=input-notice]')).trim();
      assert(/huge\.mbox was not opened/.test(notice), `the refusal names the file: "${notice}"`);
      assertEqual((await tabs(page)).length, 3, 'the refused file added no input');
    },
  },
  {
    name: 'the whole-domain examples reach A+, as the CLI grades them',
    async run(t) {
      const { page } = t;
      await openPage(t);
      for (const [id, oracle, names] of [
        ['domain-protected', t.shared.protectedDomain, ['domain-headers.txt', 'domain-mta-sts.txt', 'domain-dns.txt']],
        ['domain-dane', t.shared.dane, ['dane-headers.txt', 'dane-chain.pem', 'dane-dns.txt']],
      ]) {
        await page.selectOption('#examples', id);
        await waitForTabs(page, names.map((n, i) => [oracle.inputs[i].kind, n]), `example ${id}`);
        await waitForGrade(page, 'A+');
        assertEqual(await shownLetters(page), letters(oracle), `${id}: letters per area`);
        const verdict = (await page.textContent('[data-test=verdict]')).replace(/\s+/g, ' ');
        assert(verdict.includes(oracle.path.headline), `${id}: the overview names the path headline`);
        assert(/What TLS does not cover/.test(verdict), `${id}: the overview says what TLS does not cover`);
        assert((await page.inputValue('#domain')).startsWith('example.'), `${id}: fills in the domain`);
        // The focus moved to the results' heading.
        const focused = await page.evaluate(() => document.activeElement?.id);
        assertEqual(focused, 'overview-title', `${id}: focus after picking the example`);
        t.log(`${id}: ${JSON.stringify(await shownLetters(page))}, grade A+`);
      }
      await t.screenshot('inputs-domain-dane.png');
    },
  },
  {
    name: 'export: JSON in the CLI schema, Markdown for a ticket, and a clean print',
    async run(t) {
      const { page } = t;
      await openPage(t);
      await page.selectOption('#examples', 'domain-dane');
      await waitForGrade(page, 'A+');
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      assertEqual(json.suggestedFilename(), 'mailtls-report.json', 'the JSON file name');
      const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
      assertEqual(Object.keys(report), Object.keys(t.shared.dane), 'the JSON has the CLI report\'s top-level keys, in order');
      assertEqual(report.grade, 'A+', 'the JSON grade');
      assertEqual(report.inputs.map((i) => i.file), ['dane-headers.txt', 'dane-chain.pem', 'dane-dns.txt'], 'the JSON inputs');
      const [md] = await Promise.all([page.waitForEvent('download'), page.click('#export-markdown')]);
      assertEqual(md.suggestedFilename(), 'mailtls-report.md', 'the Markdown file name');
      const text = readFileSync(await md.path(), 'utf8');
      for (const needle of ['# mailtls report', '**Grade: A+**', '| Policies | A |', '## Hops', '**Fix:**']) {
        assert(text.includes(needle), `the Markdown has "${needle}"`);
      }
      // Printing: the inputs and buttons are gone, every detail is open, text is black on white.
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(() => document.querySelector('.page.is-printing'));
      const print = await page.evaluate(() => ({
        inputs: getComputedStyle(document.querySelector('.input-card')).display,
        exports: getComputedStyle(document.querySelector('.export')).display,
        closed: document.querySelectorAll('details:not([open])').length,
        details: document.querySelectorAll('tr.hop-detail').length,
        hops: document.querySelectorAll('tr.hop').length,
        colour: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assertEqual([print.inputs, print.exports], ['none', 'none'], 'printed: no input card, no export buttons');
      assertEqual(print.closed, 0, 'printed: every <details> is open');
      assertEqual(print.details, print.hops, 'printed: every hop row is opened');
      assertEqual([print.colour, print.background], ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'printed: black on white');
      await page.pdf({ path: artifact('inputs-report.pdf'), format: 'A4' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(() => !document.querySelector('.page.is-printing'));
      t.log(`JSON ${Object.keys(report).length} keys; Markdown ${text.length} characters; PDF in target/e2e/inputs-report.pdf`);
    },
  },
  {
    name: 'an example over typed input can be undone',
    async run(t) {
      const { page } = t;
      await openPage(t);
      const mine = 'Received: from mine.example.org by mx.example.org with ESMTPS; Wed, 13 Feb 2019 10:48:13 +0000';
      await page.fill('#input', mine);
      await page.fill('#domain', 'example.org');
      await page.selectOption('#examples', 'postfix-tls13');
      await waitForContract(page, '[data-test=undo]', { state: 'visible' });
      assert((await page.inputValue('#input')) !== mine, 'the example replaced the input');
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'undo-example', 'Undo has the focus');
      await page.click('#undo-example');
      await page.waitForFunction((text) => document.querySelector('#input').value === text, mine);
      assertEqual(await page.inputValue('#domain'), 'example.org', 'the domain came back');
      assert(!(await page.$('[data-test=undo]')), 'the undo bar is gone');
    },
  },
  {
    name: 'keyboard: ? opens the shortcuts, Esc closes them and gives the focus back, / and a',
    async run(t) {
      const { page } = t;
      await openPage(t);
      await page.focus('#clear');
      await page.evaluate(() => document.activeElement.blur());
      await page.keyboard.press('?');
      await page.waitForFunction(() => document.querySelector('#shortcuts')?.open);
      const inside = await page.evaluate(() => document.querySelector('#shortcuts').contains(document.activeElement));
      assert(inside, 'the focus is inside the open dialog');
      // Tab stays inside the modal dialog.
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
      const still = await page.evaluate(() => document.querySelector('#shortcuts').contains(document.activeElement) || document.activeElement === document.body);
      assert(still, 'Tab does not leave the dialog for the page');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('#shortcuts').open);
      // From the footer's button, the focus comes back to the button.
      await page.click('#open-shortcuts');
      await page.waitForFunction(() => document.querySelector('#shortcuts')?.open);
      await page.click('#shortcuts-close');
      await page.waitForFunction(() => !document.querySelector('#shortcuts').open);
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'open-shortcuts', 'focus after closing');
      // `/` goes to the editor; typing there is text, not shortcuts; Esc leaves the field.
      await page.keyboard.press('/');
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'input', 'focus after /');
      await page.keyboard.type('a?e/');
      assertEqual(await page.inputValue('#input'), 'a?e/', 'keys typed in the editor are text');
      await page.keyboard.press('Escape');
      assert(await page.evaluate(() => document.activeElement?.id !== 'input'), 'Esc leaves the editor');
      await page.keyboard.press('a');
      await waitForTabs(page, [['pending', 'Pasted text'], ['empty', 'Pasted text 2']], 'after the a shortcut').catch(async () => {
        // The first input may already be analysed (unrecognised text).
        const got = await tabs(page);
        assertEqual(got.map(([, name]) => name), ['Pasted text', 'Pasted text 2'], 'after the a shortcut');
      });
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      assertEqual(await page.evaluate(() => document.activeElement?.id), 'examples', 'focus after e');
    },
  },
  {
    name: 'inputs survive a reload; Clear all wipes them',
    async run(t) {
      const { page } = t;
      await openPage(t);
      await page.selectOption('#examples', 'domain-dane');
      await waitForGrade(page, 'A+');
      await page.click('#add-input');
      await page.fill('#input', 'version: STSv1\nmode: testing\nmx: mx1.example.net\nmax_age: 86400\n');
      await page.fill('#mx-hosts', 'mx1.example.net');
      const before = [
        ['headers', 'dane-headers.txt'],
        ['certificates', 'dane-chain.pem'],
        ['dns-records', 'dane-dns.txt'],
        ['mta-sts-policy', 'Pasted text'],
      ];
      await waitForTabs(page, before, 'before the reload');
      await sleep(300);
      await reload(t);
      await waitForTabs(page, before, 'after a reload');
      assert((await page.inputValue('#input')).startsWith('version: STSv1'), 'the open input is the same after a reload');
      assertEqual(await page.inputValue('#domain'), 'example.net', '#domain after a reload');
      assertEqual(await page.inputValue('#mx-hosts'), 'mx1.example.net', '#mx-hosts after a reload');
      await page.click('#clear');
      await waitForTabs(page, [['empty', 'Pasted text']], 'after Clear all');
      assertEqual(await page.inputValue('#domain'), '', '#domain after Clear all');
      assertEqual(await page.evaluate(() => sessionStorage.length), 0, 'nothing left in sessionStorage');
      await reload(t);
      await waitForContract(page, '[data-test=empty]', { state: 'visible' });
      await waitForTabs(page, [['empty', 'Pasted text']], 'after Clear all and a reload');
    },
  },
];
