// Journeys through the policy panels of the real page (the built dist/): a broken MTA-STS
// policy with its problems marked on their lines and a diagnostics list that scrolls to them; a
// gzip TLS-RPT report opened through the file input; the commands' copy buttons; hostile strings
// in a JSON report that must stay text. What the page shows is compared with `mailtls check
// --json` on the same input, so the page is checked against the one analysis core. The runner
// checks every request each journey makes (nothing may leave the origin).
//
// Selectors (the panels' contract):
// | selector | what it is |
// | --- | --- |
// | `[data-test=policy]` | one MTA-STS policy panel, `data-valid="true|false"` |
// | `#policy-N-line-L` | line L of policy N, with `data-severity` of its worst diagnostic |
// | `[data-test=diagnostic]` | one diagnostic in the list, `data-code`, `data-line` |
// | `[data-test=go-to-line]` | the button in a diagnostic that shows its line |
// | `[data-test=tlsrpt]` | one TLS-RPT report; `[data-test=failure-group]` per result type |
// | `[data-test=commands]` | the commands panel; `[data-test=command]` each, `[data-test=copy]` |

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, assert, assertEqual, sleep, waitForContract } from './lib.mjs';

const DATA = path.join(ROOT, 'tests', 'data');
// A policy with a leading space (line 3), a U-label (line 4) and a typo key (line 5).
const BROKEN = path.join(DATA, 'ssr_policies', 'inputs', 'broken-policy.txt');
// Microsoft's real report (from mox's testdata, via ../shared/corpus), gzip-compressed as
// senders attach it; see tests/data/tlsrpt.
const GZIP = path.join(DATA, 'tlsrpt', 'microsoft_drop.json.gz');
// A report whose every string is markup or a javascript: URL.
const HOSTILE = path.join(DATA, 'ssr_policies', 'inputs', 'hostile-report.json');

/** The CLI's report for a file: the oracle the page is compared with. */
function cliReport(file) {
  // --features ssr: the same build as `cargo test --features ssr`, so nothing recompiles.
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '--features', 'ssr', '--bin', 'mailtls', '--', 'check', '--json', file],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`mailtls check ${file} failed (${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

export function setup() {
  const broken = cliReport(BROKEN);
  const gzip = cliReport(GZIP);
  const hostile = cliReport(HOSTILE);
  // Facts about the inputs that hold whatever the page does; if one fails, the analysis changed.
  const codes = broken.mta_sts_policies[0].diagnostics.map((d) => d.code);
  for (const code of ['MTA_STS_LEADING_WHITESPACE', 'MTA_STS_MX_U_LABEL', 'MTA_STS_KEY_TYPO']) {
    assert(codes.includes(code), `the CLI reports ${code} for the broken policy; it reports ${codes}`);
  }
  assertEqual(gzip.tls_rpt_reports[0]?.organization_name, 'Microsoft Corporation', 'the gzip report');
  return { broken, gzip, hostile, brokenText: readFileSync(BROKEN, 'utf8'), hostileText: readFileSync(HOSTILE, 'utf8') };
}

async function openPage(t, page = t.page, requests = t.requests) {
  await t.load({ page, requests });
  await waitForContract(page, '#input', { state: 'visible' });
}

export const journeys = [
  {
    name: 'a broken policy is marked on its lines and the list shows each line',
    async run(t) {
      const { page } = t;
      const { broken, brokenText } = t.shared;
      await openPage(t);
      await page.fill('#input', brokenText);
      await waitForContract(page, '[data-test=policy]', { state: 'visible' });
      const policy = broken.mta_sts_policies[0];
      assertEqual(
        await page.getAttribute('[data-test=policy]', 'data-valid'),
        String(policy.valid),
        '[data-test=policy] data-valid',
      );

      // Every located diagnostic marks its own line, with the worst severity on that line, and
      // the message under the line is what the mark is described by.
      const worst = new Map();
      const rank = { critical: 0, warning: 1, notice: 2, ok: 3 };
      for (const d of policy.diagnostics) {
        // A point at column 1 of a line with text is about the whole policy (a missing field).
        const text = policy.lines.find((l) => l.line === d.line)?.text ?? '';
        if (d.length === 0 && d.column <= 1 && text !== '') continue;
        const now = worst.get(d.line);
        if (!now || rank[d.severity] < rank[now]) worst.set(d.line, d.severity);
      }
      for (const line of policy.lines) {
        const severity = await page.getAttribute(`#policy-0-line-${line.line}`, 'data-severity');
        assertEqual(severity, worst.get(line.line) ?? null, `line ${line.line} data-severity`);
        const marks = await page.$$eval(`#policy-0-line-${line.line} mark.diag-mark`, (list) =>
          list.map((m) => ({ text: m.textContent, ok: (m.getAttribute('aria-describedby') ?? '').split(' ').every((id) => document.getElementById(id)) })),
        );
        if (worst.has(line.line)) {
          assert(marks.length > 0, `line ${line.line} should carry a mark`);
          assert(marks.every((m) => m.ok), `line ${line.line}: a mark describes a missing element`);
        } else {
          assertEqual(marks.length, 0, `marks on line ${line.line}`);
        }
      }
      // The U-label's own character is what line 4 marks.
      assertEqual(await page.textContent('#policy-0-line-4 mark.diag-mark'), 'ä', 'the mark on line 4');

      // The list has every diagnostic; its button for line 5 scrolls there and focuses it.
      const listed = await page.$$eval('[data-test=diagnostic]', (l) => l.map((d) => d.getAttribute('data-code')));
      assertEqual(listed, policy.diagnostics.map((d) => d.code), 'the diagnostics list');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('[data-test=diagnostic][data-line="5"] [data-test=go-to-line]');
      await page.waitForFunction(() => document.activeElement?.id === 'policy-0-line-5', null, { timeout: 5000 }).catch(() => {
        throw new Error('the diagnostic for line 5 did not move the focus to #policy-0-line-5');
      });
      await page.waitForFunction(() => document.querySelector('#policy-0-line-5').classList.contains('is-focus'));
      // Smooth scrolling (unless the user prefers reduced motion) takes a moment.
      await page
        .waitForFunction(
          () => {
            const box = document.querySelector('#policy-0-line-5').getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          },
          null,
          { timeout: 5000 },
        )
        .catch(() => {
          throw new Error('line 5 is not in view after its diagnostic was clicked');
        });
      await t.screenshot('policies-broken.png');
    },
  },
  {
    name: 'a .json.gz TLS-RPT report opened with the file input renders',
    async run(t) {
      const { page } = t;
      const report = t.shared.gzip.tls_rpt_reports[0];
      await openPage(t);
      await page.setInputFiles('#file', GZIP);
      await waitForContract(page, '[data-test=tlsrpt]', { state: 'visible' });
      const title = await page.textContent('[data-test=tlsrpt] h2');
      assert(title.includes(report.organization_name), `the report's heading "${title}" should name ${report.organization_name}`);
      const policies = await page.$$eval('[data-test=tlsrpt-policy]', (l) => l.map((p) => p.getAttribute('data-policy-type')));
      assertEqual(policies, report.policies.map((p) => p.policy_type), 'policy types shown');
      const sessions = await page.textContent('[data-test=tlsrpt-sessions]');
      assert(
        sessions.includes(`${report.successful_sessions} successful`) && sessions.includes(`${report.failed_sessions} failed`),
        `the sessions line "${sessions}" should match the CLI's counts`,
      );
      const groups = await page.locator('[data-test=failure-group]').count();
      assertEqual(groups, report.policies.reduce((n, p) => n + p.failures.length, 0), 'failure groups');
      await t.screenshot('policies-tlsrpt.png');
    },
  },
  {
    name: 'every command has a copy button that copies it',
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
    async run(t) {
      const { page } = t;
      const { broken, brokenText } = t.shared;
      await openPage(t);
      await page.fill('#input', brokenText);
      await waitForContract(page, '[data-test=commands]', { state: 'visible' });
      const commands = await page.$$eval('[data-test=command]', (l) =>
        l.map((c) => ({ id: c.getAttribute('data-id'), text: c.querySelector('pre').textContent, copy: !!c.querySelector('button[data-test=copy]') })),
      );
      assertEqual(commands.map((c) => c.text), broken.commands.map((c) => c.command), 'commands shown');
      assert(commands.every((c) => c.copy), 'a command has no copy button');
      // Copy the STARTTLS command: the clipboard holds it, and the button says so.
      const index = broken.commands.findIndex((c) => c.id === 'starttls');
      const button = page.locator('[data-test=command]').nth(index).locator('[data-test=copy]');
      await button.click();
      await page.waitForFunction((i) => document.querySelectorAll('[data-test=copy]')[i].textContent.includes('Copied'), index, { timeout: 5000 });
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assertEqual(clip, broken.commands[index].command, 'the clipboard after Copy');
      assert(clip.includes('-verify_hostname') && clip.includes('2>&1'), 'the copied command keeps -verify_hostname and 2>&1');
      assert(await page.isVisible('[data-test=port-25]'), 'the port 25 note is not shown');
    },
  },
  {
    name: 'hostile strings in a JSON report stay text: no dialog, no new elements',
    async run(t) {
      const { page } = t;
      const dialogs = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss().catch(() => {});
      });
      await openPage(t);
      const before = await page.evaluate(() => document.querySelectorAll('script, iframe, img, svg[onload], marquee').length);
      await page.fill('#input', t.shared.hostileText);
      await waitForContract(page, '[data-test=tlsrpt]', { state: 'visible' });
      await waitForContract(page, '[data-test=failure-group]', { state: 'visible' });
      await sleep(500);
      assertEqual(dialogs, [], 'dialogs opened');
      const after = await page.evaluate(() => document.querySelectorAll('script, iframe, img, svg[onload], marquee').length);
      assertEqual(after, before, 'script, iframe, img and marquee elements after the hostile report');
      const text = await page.textContent('[data-test=tlsrpt]');
      for (const literal of ['<script>alert(1)</script>', '<img src=x onerror=alert(5)>', 'javascript:alert(document.cookie)']) {
        assert(text.includes(literal), `the report should show ${literal} as text`);
      }
      const links = await page.$$eval('[data-test=tlsrpt] a, [data-test=commands] a', (l) => l.length);
      assertEqual(links, 0, 'links in the report and commands');
    },
  },
];
