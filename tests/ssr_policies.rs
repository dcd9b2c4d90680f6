//! Server-side render snapshots of the policy panels: MTA-STS policies (valid with full MX
//! coverage, broken with located diagnostics, a `curl -sSi` redirect), `_mta-sts` and
//! `_smtp._tls` records good and bad, the real Google and Microsoft TLS-RPT reports (mailed and
//! dropped as `.json.gz`), s_client transcripts (ok, refused, hostname mismatch), the commands
//! with and without a domain, and hostile text in every kind of input.
//!
//! Each case is a row in `CASES`: its inputs are analysed with `analysis::analyze` at the fixed
//! `common::NOW`, sent through JSON into the page's `ReportView` as the worker would, rendered
//! with Yew's `LocalServerRenderer` and compared with `tests/data/ssr_policies/<name>.html`. The
//! helper also checks that each diagnostic's mark sits on the line it names, that no markup from
//! the input survives, and the page-wide invariants (no style attributes, no links away).
//!
//! Run with `cargo test --features ssr --test ssr_policies`; `UPDATE_EXPECT=1` rewrites the
//! snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use expect_test::expect_file;
use mailtls::analysis::{analyze, Document, Inputs, Options, Report};
use mailtls::bridge::Reply;
use mailtls::ui::components::page::{Page, PageProps};
use mailtls::ui::components::{CommandsPanel, PolicyPanel, RecordsPanel, SClientView, TlsRptView};
use mailtls::ui::panel_state::PanelAction;
use mailtls::ui::report::ReportView;
use mailtls::ui::state::{Action, Body, State};
use yew::prelude::*;
use yew::LocalServerRenderer;

/// Where an input comes from.
#[derive(Clone, Copy)]
enum Src {
    /// `tests/data/ssr_policies/inputs/<file>`.
    Here(&'static str),
    /// `tests/data/<path>` (the analysis tests' fixtures).
    Test(&'static str),
    /// `../shared/corpus/<path>`.
    Corpus(&'static str),
}

/// One view to render.
struct Case {
    /// Snapshot name.
    name: &'static str,
    /// The inputs, in order.
    inputs: &'static [Src],
    /// Typed MX hosts.
    mx: &'static [&'static str],
    /// Typed domain.
    domain: Option<&'static str>,
    /// Text the HTML must contain.
    contains: &'static [&'static str],
    /// Text the HTML must not contain.
    lacks: &'static [&'static str],
    /// Lines of the first policy that must carry a mark of this severity class.
    marked: &'static [(u32, &'static str)],
    /// Lines of the first policy that must carry no mark.
    unmarked: &'static [u32],
}

const CASES: &[Case] = &[
    Case {
        name: "policy-enforce-covered",
        inputs: &[Src::Here("enforce-policy.txt"), Src::Here("records-good.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-test=\"policy\" data-valid=\"true\"",
            "Senders accept it",
            "2 weeks (1209600 s)",
            "CRLF line endings",
            // Both MX hosts from the pasted dig output are covered, one by the wildcard.
            "data-test=\"mx-row\" data-covered=\"true\"",
            "<code>*.mail.example.com</code>",
            "from DNS MX records",
            // The body's hash next to the pasted TXT id.
            "33abe1919619cdee91e04888a5d6f61aa1a95977c93fad445d4491295916c813",
            "<code>20250101T000000</code>",
            "change the id",
            ">https://mta-sts.example.com/.well-known/mta-sts.txt</code>",
            // The records panel shows both records, valid, and the rua URIs as text.
            "data-kind=\"mta-sts\" data-valid=\"true\"",
            "data-kind=\"tls-rpt\" data-valid=\"true\"",
            "https://reports.example.com/tlsrpt",
            "Filled in with example.com and the MX hosts known so far.",
            "dig +short TXT _mta-sts.example.com",
            "-connect eu.mail.example.com:25",
        ],
        lacks: &[
            "data-covered=\"false\"",
            "data-test=\"placeholder-note\"",
            "replace example.com</span>",
        ],
        // The wildcard notice marks the pattern on line 4.
        marked: &[(4, "sev-notice")],
        unmarked: &[1, 2, 3, 5],
    },
    Case {
        name: "policy-broken",
        inputs: &[Src::Here("broken-policy.txt")],
        mx: &["mail.example.com", "mx.other.example"],
        domain: None,
        contains: &[
            "data-test=\"policy\" data-valid=\"false\"",
            "Senders reject it: 3 errors",
            "MTA_STS_LEADING_WHITESPACE",
            "MTA_STS_MX_U_LABEL",
            "MTA_STS_KEY_TYPO",
            "MTA_STS_MAX_AGE_MISSING",
            "did you mean",
            "data-test=\"go-to-line\" aria-label=\"Show line 3\"",
            "line 4, column 6",
            // The missing max_age is a critical field in the fields list.
            "<dt>max_age</dt><dd><span class=\"muted\">not set</span>",
            // Typed MX hosts: one covered, one not.
            "data-covered=\"false\"",
            "typed by you",
            "Commands marked “replace example.com”",
        ],
        lacks: &[],
        marked: &[(3, "sev-critical"), (4, "sev-critical"), (5, "sev-critical")],
        unmarked: &[1, 2, 6],
    },
    Case {
        name: "policy-curl-redirect",
        inputs: &[Src::Here("curl-redirect.txt")],
        mx: &[],
        domain: Some("example.com"),
        contains: &[
            "The response as pasted",
            "MTA_STS_HTTP_REDIRECT",
            "MTA_STS_LOOKS_LIKE_HTML",
            "data-test=\"http-status\" class=\"http-status\">HTTP/1.1 301 Moved Permanently",
            "pline is-http is-status has-diag sev-critical",
            "data-status=\"not met\"",
            "<code>Location</code>",
            "&lt;html&gt;moved&lt;/html&gt;",
        ],
        lacks: &["<html>moved"],
        marked: &[(1, "sev-critical"), (7, "sev-critical")],
        unmarked: &[2, 3, 4, 5, 6],
    },
    Case {
        name: "records-good",
        inputs: &[Src::Here("records-good.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-test=\"records\"",
            "MTA-STS record",
            "TLS-RPT record",
            "data-test=\"record-id\">20250101T000000",
            "mailto:tlsrpt@example.com",
            "usable",
            "dig +short output is enough",
        ],
        lacks: &["data-test=\"record-diagnostic\"", "data-test=\"policy\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "records-bad",
        inputs: &[Src::Here("records-bad.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-kind=\"mta-sts\" data-valid=\"false\"",
            "MTA_STS_TXT_ID_INVALID",
            "Ignored: it doesn't begin with v=TLSRPTv1",
            "TLSRPT_TXT_VERSION",
            "TLSRPT_TXT_RUA_INVALID",
            "TLSRPT_TXT_OLD_OWNER",
            "column 41",
            "unusable",
            // The id's characters are marked in the value.
            "<mark aria-describedby=\"record-0-diag-0\" class=\"diag-mark sev-critical\">2025-01-01</mark>",
        ],
        lacks: &[],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "tlsrpt-google-mail",
        inputs: &[Src::Corpus("tlsrpt/parsedmarc_google.com_smtp_tls_report.eml")],
        mx: &[],
        domain: None,
        contains: &[
            "TLS-RPT report from Google Inc.",
            "2024-09-03 (one UTC day)",
            "smtp-tls-reporting@google.com",
            "data-policy-type=\"no-policy-found\"",
            "No policy found",
            "data-test=\"no-policy-note\"",
            "encrypted but not authenticated",
            "48 successful, 0 failed",
            "report message, attachment google.com!cardinalhealth.ca!1725321600!1725407999!001.json.gz",
            "DKIM-signed by",
        ],
        lacks: &["data-test=\"failure-group\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "tlsrpt-microsoft-mail",
        inputs: &[Src::Corpus("tlsrpt/mox_tlsreport_microsoft.eml")],
        mx: &[],
        domain: None,
        contains: &[
            "TLS-RPT report from Microsoft Corporation",
            "2023-01-10 (one UTC day)",
            "data-policy-type=\"sts\"",
            "<code class=\"mode is-enforce\">enforce</code>",
            "2 successful, 0 failed",
            "The policy the sender applied",
            // Microsoft writes dates without a zone: a tolerated deviation, a notice.
            "Notes on the report's format",
            "Date without a time zone",
        ],
        lacks: &["data-test=\"no-policy-note\"", "data-test=\"failure-group\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "tlsrpt-rfc8460-failures",
        inputs: &[Src::Corpus("tlsrpt/parsedmarc_rfc8460.json")],
        mx: &[],
        domain: None,
        contains: &[
            "TLS-RPT report from Company-X",
            "5326 successful, 303 failed",
            "data-result-type=\"starttls-not-supported\"",
            "data-result-type=\"certificate-expired\"",
            "data-result-type=\"validation-failure\"",
            "200 failed sessions",
            "2001:db8:abcd:0013::1",
            "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED",
            // additional-information is text, with the note that it is never opened.
            "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported",
            "mailtls never opens them",
            "What it means",
        ],
        lacks: &["href=\"https://reports"],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "tlsrpt-microsoft-gzip",
        inputs: &[Src::Test("tlsrpt/microsoft_drop.json.gz")],
        mx: &[],
        domain: None,
        contains: &[
            "TLS-RPT report from Microsoft Corporation",
            "gzip file, 478 bytes unpacked",
        ],
        lacks: &[],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "sclient-ok",
        inputs: &[Src::Test("sclient/ok_tls13.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-outcome=\"established\" data-starttls=\"offered\"",
            "offered by the server",
            "<code>TLSv1.3</code>",
            "X25519, 253 bits",
            "data-test=\"sclient-verify\" data-code=\"0\"",
            "yes, with -verify_hostname",
            "the certificate is valid for mx.test",
            "data-test=\"to-certificates\"",
            "Not shown: s_client doesn't print the EHLO reply",
            "data-test=\"requiretls\"",
        ],
        lacks: &[],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "sclient-refused",
        inputs: &[Src::Test("sclient/starttls_refused.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-outcome=\"handshake-failed\" data-starttls=\"not-offered\"",
            "not offered: the server's EHLO reply had no STARTTLS",
            "Didn't find STARTTLS in server response",
            // The transcript's -servername fills in the per-MX commands.
            "-connect mx.test:25",
            "MX host from the s_client command",
            "wrong version number",
        ],
        lacks: &["data-test=\"sclient-verify\"", "data-test=\"to-certificates\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "sclient-mismatch",
        inputs: &[Src::Test("sclient/hostname_mismatch.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-test=\"sclient-verify\" data-code=\"62\"",
            "62 (hostname mismatch)",
            "Put the MX host name in the certificate",
            "CN = other.test",
        ],
        lacks: &[],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "sclient-ehlo-after-tls",
        inputs: &[Src::Test("sclient/ehlo_after_tls.txt")],
        mx: &[],
        domain: None,
        contains: &["<span class=\"chip-method\">REQUIRETLS</span>", "chip is-pass"],
        lacks: &["Not shown: s_client doesn't print the EHLO reply"],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "commands-domain",
        inputs: &[Src::Here("enforce-policy.txt")],
        mx: &["mx1.example.org"],
        domain: Some("example.org"),
        contains: &[
            "data-test=\"commands\"",
            "dig +short MX example.org",
            "curl -sSi https://mta-sts.example.org/.well-known/mta-sts.txt",
            "openssl s_client -starttls smtp -connect mx1.example.org:25 -servername \
             mx1.example.org -verify_hostname mx1.example.org -showcerts &lt;/dev/null 2&gt;&amp;1",
            "MX host typed by you",
            "data-test=\"port-25\"",
            "Port 25 is blocked outbound",
            "Keep 2&gt;&amp;1 and -verify_hostname",
            "data-test=\"copy\" aria-label=\"Copy the command: MX hosts\"",
            "data-filled=\"true\"",
        ],
        lacks: &["data-filled=\"false\"", "data-test=\"placeholder-note\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "commands-placeholder",
        inputs: &[Src::Here("broken-policy.txt")],
        mx: &[],
        domain: None,
        contains: &[
            "data-test=\"placeholder-note\"",
            "dig +short MX example.com",
            "data-test=\"replace-example\" class=\"tag tag-replace\">replace example.com",
            "data-filled=\"false\"",
        ],
        lacks: &["data-filled=\"true\""],
        marked: &[],
        unmarked: &[],
    },
    Case {
        name: "hostile",
        inputs: &[
            Src::Here("hostile-policy.txt"),
            Src::Here("hostile-records.txt"),
            Src::Here("hostile-report.json"),
        ],
        mx: &[],
        domain: None,
        contains: &[
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&lt;b&gt;x&lt;/b&gt;",
            "javascript:alert(1)",
            "javascript:alert(document.cookie)",
            "&lt;img src=x onerror=alert(5)&gt;",
            "\"&gt;&lt;svg onload=alert(6)&gt;",
            "&lt;iframe src=javascript:alert(3)&gt;",
            "&lt;marquee&gt;x&lt;/marquee&gt;",
            "TLS-RPT report from &lt;script&gt;",
        ],
        lacks: &[
            "<script",
            "<img",
            "<iframe",
            "<b>",
            "<svg onload",
            "<marquee",
            "href=\"javascript",
        ],
        marked: &[(3, "sev-"), (4, "sev-")],
        unmarked: &[1, 2, 5],
    },
];

/// Markup no rendered view may contain: links away, scripts, frames, images.
const NEVER: &[&str] = &[
    "href=\"http",
    "href=\"//",
    "href=\"javascript:",
    "<script",
    "<img",
    "<iframe",
    "<a ",
];

#[tokio::test]
async fn panels_render_as_recorded() {
    let mut problems = Vec::new();
    for case in CASES {
        problems.extend(check(case).await);
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// The page puts each panel in its area's slot, in page order; a click in the diagnostics list
/// highlights the line; a copied command says so; the commands start open for a policy and
/// closed under a message's hops.
#[tokio::test]
async fn the_page_places_the_panels() {
    let text = String::from_utf8(read(Src::Here("broken-policy.txt"))).expect("UTF-8");
    let mut state = analysed(
        State::default()
            .apply(Action::EditText(text))
            .expect("the text is new"),
    );
    // A click in the diagnostics list reveals line 3; a copy marks its button.
    state = state
        .apply(Action::Panel(PanelAction::Reveal("policy-0-line-3".into())))
        .expect("reveal changes the state");
    state = state
        .apply(Action::Panel(PanelAction::Copied("mx-0".into())))
        .expect("copied changes the state");
    let html = render_page(state).await;
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("page: missing {needle}"))
    };
    assert!(at("id=\"area-overview\"") < at("data-test=\"policy\""));
    assert!(at("id=\"area-policies\"") < at("data-test=\"policy\""));
    assert!(at("data-test=\"policy\"") < at("id=\"area-records\""));
    assert!(at("id=\"area-commands\"") < at("data-test=\"commands\""));
    assert!(at("data-test=\"commands\"") < at("id=\"area-findings\""));
    // The revealed line is highlighted; the copied command says so.
    assert!(html.contains("<li id=\"policy-0-line-3\" tabindex=\"-1\""));
    let line = line_html(&html, 0, 3);
    assert!(line.contains("is-focus"), "line 3 not focused: {line}");
    assert!(!line_html(&html, 0, 2).contains("is-focus"));
    assert!(html.contains("copy-button is-copied"));
    assert_eq!(html.matches("is-copied").count(), 1);
    // Working on a policy, the commands are open; under a message's hops they start closed.
    assert!(html.contains("<details open=\"open\" class=\"commands-details\">"));
    let sample = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/samples/postfix-tls13.txt"),
    )
    .expect("the sample");
    let headers = analysed(
        State::default()
            .apply(Action::EditText(sample))
            .expect("the text is new"),
    );
    let html = render_page(headers).await;
    assert!(
        html.contains("data-test=\"hops\""),
        "the example shows its hops"
    );
    assert!(
        html.contains("<details class=\"commands-details\">"),
        "the commands are open under the hops"
    );
}

/// The state after the worker's reply to its current request.
fn analysed(state: State) -> State {
    let request = state.request().expect("a request to analyse");
    let report = analyze(
        &Inputs {
            documents: request
                .documents
                .iter()
                .map(|d| Document {
                    name: d.name.clone(),
                    bytes: match &d.body {
                        Body::Text(t) => t.as_bytes().to_vec(),
                        Body::Bytes(b) => b.to_vec(),
                    },
                    kind: d.kind,
                })
                .collect(),
            options: Options {
                mx_hosts: request.mx_hosts.clone(),
                domain: request.domain.clone(),
            },
        },
        common::NOW,
    );
    state
        .apply(Action::Replied(Box::new(Reply {
            id: request.id,
            report: view_of(&report),
            elapsed_ms: 0.5,
        })))
        .expect("the reply is current")
}

async fn render_page(state: State) -> String {
    LocalServerRenderer::<Page>::with_props(PageProps {
        state: Rc::new(state),
        handlers: Default::default(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The panels the page shows for a report, in the page's order.
#[derive(Properties, PartialEq)]
struct PanelsProps {
    report: Rc<ReportView>,
}

#[function_component(Panels)]
fn panels(props: &PanelsProps) -> Html {
    let report = &props.report;
    html! {<>
        { for (0..report.mta_sts_policies.len()).map(|index| html! {
            <PolicyPanel report={report.clone()} {index} act={Callback::noop()} />
        }) }
        <RecordsPanel report={report.clone()} />
        { for (0..report.tls_rpt_reports.len()).map(|index| html! {
            <TlsRptView report={report.clone()} {index} />
        }) }
        if report.s_client.is_some() {
            <SClientView report={report.clone()} act={Callback::noop()} />
        }
        <CommandsPanel report={report.clone()} />
    </>}
}

/// Analyses, renders, snapshots and checks one case; returns what is wrong.
async fn check(case: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            problems.push(format!("{}: {what}", case.name));
        }
    };
    let report = analyse(case);
    let view = view_of(&report);
    let html = LocalServerRenderer::<Panels>::with_props(PanelsProps {
        report: Rc::new(view.clone()),
    })
    .hydratable(false)
    .render()
    .await;
    expect_file![format!("data/ssr_policies/{}.html", case.name)].assert_eq(&pretty(&html));

    for needle in case.contains {
        expect(html.contains(needle), format!("missing {needle}"));
    }
    for needle in case.lacks.iter().chain(NEVER) {
        expect(!html.contains(needle), format!("must not contain {needle}"));
    }
    // Each diagnostic's mark sits on the line it names, and only there.
    for (line, class) in case.marked {
        let li = line_html(&html, 0, *line);
        expect(
            li.contains(&format!("class=\"diag-mark {class}"))
                || li.contains(&format!("diag-caret {class}")),
            format!("line {line} should carry a {class} mark: {li}"),
        );
    }
    for line in case.unmarked {
        let li = line_html(&html, 0, *line);
        expect(!li.is_empty(), format!("no line {line}"));
        expect(
            !li.contains("diag-mark") && !li.contains("diag-caret"),
            format!("line {line} should carry no mark: {li}"),
        );
    }
    // Every inline message is under the line its diagnostic names, and is what its mark
    // describes.
    for (p, policy) in view.mta_sts_policies.iter().enumerate() {
        for (k, d) in policy.diagnostics.iter().enumerate() {
            let id = format!("policy-{p}-diag-{k}");
            if !html.contains(&format!("<li id=\"{id}\"")) {
                continue;
            }
            let li = line_html(&html, p, d.line);
            expect(
                li.contains(&format!("<li id=\"{id}\"")),
                format!("{} should be under line {}", d.code, d.line),
            );
            expect(
                li.contains(&format!("aria-describedby=\"{id}"))
                    || li.contains(&format!(" {id}\""))
                    || li.contains(&format!(" {id} ")),
                format!("nothing on line {} is described by {id}", d.line),
            );
        }
    }
    // No style attributes (the CSP forbids them) and no inline event handlers.
    for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
        expect(!bare.contains(" style="), format!("style in <{tag}>"));
        let handler = bare
            .split_whitespace()
            .any(|attr| attr.starts_with("on") && attr.contains('='));
        expect(!handler, format!("inline handler in <{tag}>"));
    }
    problems
}

/// The rendered `<li>` of a policy line, up to the next line.
fn line_html(html: &str, policy: usize, line: u32) -> &str {
    let Some(start) = html.find(&format!("<li id=\"policy-{policy}-line-{line}\"")) else {
        return "";
    };
    let rest = &html[start + 1..];
    let end = rest
        .find(&format!("<li id=\"policy-{policy}-line-"))
        .or_else(|| rest.find("</ol>"))
        .unwrap_or(rest.len());
    &html[start..start + 1 + end]
}

fn analyse(case: &Case) -> Report {
    let documents = case
        .inputs
        .iter()
        .map(|src| Document {
            name: name_of(*src).to_string(),
            bytes: read(*src),
            kind: None,
        })
        .collect();
    analyze(
        &Inputs {
            documents,
            options: Options {
                mx_hosts: case.mx.iter().map(|m| m.to_string()).collect(),
                domain: case.domain.map(str::to_string),
            },
        },
        common::NOW,
    )
}

/// The page's view of a report, the way the worker sends it (JSON), checked to lose nothing the
/// panels render.
fn view_of(report: &Report) -> ReportView {
    let json = serde_json::to_string(&Reply {
        id: 1,
        report: report.clone(),
        elapsed_ms: 0.5,
    })
    .expect("serialises");
    let reply: Reply<ReportView> = serde_json::from_str(&json).expect("the page reads it");
    assert_eq!(
        reply.report,
        ReportView::from(report.clone()),
        "JSON round trip"
    );
    reply.report
}

fn path_of(src: Src) -> PathBuf {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    match src {
        Src::Here(file) => data.join("ssr_policies/inputs").join(file),
        Src::Test(path) => data.join(path),
        Src::Corpus(path) => common::corpus_dir().join(path),
    }
}

fn name_of(src: Src) -> &'static str {
    let (Src::Here(p) | Src::Test(p) | Src::Corpus(p)) = src;
    p.rsplit('/').next().unwrap_or(p)
}

fn read(src: Src) -> Vec<u8> {
    std::fs::read(path_of(src)).unwrap_or_else(|e| panic!("{}: {e}", path_of(src).display()))
}

/// One tag per line, so snapshot diffs are readable.
fn pretty(html: &str) -> String {
    let mut out = html.replace("><", ">\n<").replace("\r\n", "\n");
    out.push('\n');
    out
}
