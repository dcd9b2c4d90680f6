//! Server-side render snapshots of the page's main views: every "Try an example" sample analysed
//! and rendered, the empty state, inputs mailtls can't read, a crash, the first-load wait, an
//! opened hop and hostile text. Each case is a row in `CASES`; the helper renders it with Yew's
//! `LocalServerRenderer`, compares it with `tests/data/ssr/<name>.html` and checks the page-wide
//! invariants (no style attributes, no links away, no live markup from the input).
//!
//! Run with `cargo test --features ssr --test ssr`; `UPDATE_EXPECT=1` rewrites the snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::rc::Rc;

use expect_test::expect_file;
use mailtls::analysis::{analyze, Document, Inputs, Options};
use mailtls::bridge::Reply;
use mailtls::ui::app::App;
use mailtls::ui::components::page::{Page, PageProps};
use mailtls::ui::report::ReportView;
use mailtls::ui::samples::SAMPLES;
use mailtls::ui::state::{Action, Body, State, FINDINGS_SHOWN, HOPS_SHOWN};
use yew::LocalServerRenderer;

/// One view to render.
struct Case {
    /// Snapshot name (`tests/data/ssr/<name>.html`).
    name: &'static str,
    /// The actions that lead to the view; `Analyse` stands for the worker's reply.
    steps: Vec<Step>,
    /// Text the HTML must contain.
    contains: &'static [&'static str],
    /// Text the HTML must not contain.
    lacks: &'static [&'static str],
    /// Compare with a snapshot file (off for views too large to review).
    snapshot: bool,
}

enum Step {
    Do(Action),
    /// Runs the analysis the worker would run, on the state's current request, and replies.
    Analyse,
}

/// Markup every rendered view must never contain: links to other sites or to scripts, and
/// elements that load or run anything. (Input text is escaped, so a `<` is always a real tag.)
const NEVER: &[&str] = &[
    "href=\"http",
    "href=\"//",
    "href=\"javascript:",
    "<script",
    "<img",
    "<iframe",
    "<a href=\"h",
];

#[tokio::test]
async fn views_render_as_recorded() {
    let mut cases = Vec::new();
    for sample in SAMPLES {
        cases.push(Case {
            name: sample.id,
            steps: vec![
                Step::Do(Action::PickExample(sample.id.into())),
                Step::Analyse,
            ],
            contains: &[
                "data-test=\"verdict\"",
                "aria-live=\"polite\"",
                "data-test=\"grade\"",
                "<table data-test=\"hops\" class=\"hops\">",
                "data-test=\"finding\"",
                "data-test=\"elapsed\">Analysed in 0.8 ms in your browser",
                "data-test=\"kind\" class=\"kind-name\">Message headers",
            ],
            lacks: &["data-test=\"input-problem\"", "data-test=\"error-banner\""],
            snapshot: true,
        });
    }
    cases.extend([
        Case {
            name: "empty",
            steps: vec![],
            contains: &["data-test=\"empty\"", "Show original", "View message source", "Message Source"],
            lacks: &["data-test=\"verdict\"", "data-test=\"elapsed\"", "data-test=\"kind\""],
            snapshot: true,
        },
        Case {
            name: "bad-text",
            steps: vec![
                Step::Do(Action::EditText("hello, this is not a header\njust some words".into())),
                Step::Analyse,
            ],
            contains: &[
                "data-test=\"input-problem\"",
                "This input isn't something mailtls reads",
                "data-code=\"INPUT_UNRECOGNISED\"",
                "data-test=\"empty\"",
                "data-test=\"kind\" class=\"kind-name\">Unrecognised",
            ],
            lacks: &["data-test=\"verdict\"", "data-test=\"finding\""],
            snapshot: true,
        },
        Case {
            name: "bad-binary",
            steps: vec![
                Step::Do(Action::OpenFile {
                    name: "mystery.bin".into(),
                    bytes: vec![0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x01, 0x02, 0x7f, 0x80],
                }),
                Step::Analyse,
            ],
            contains: &[
                "data-test=\"input-problem\"",
                "data-code=\"INPUT_BINARY\"",
                "mystery.bin — 10 bytes — read as binary data",
            ],
            lacks: &["data-test=\"verdict\""],
            snapshot: true,
        },
        Case {
            name: "crash",
            steps: vec![
                Step::Do(Action::PickExample("postfix-tls13".into())),
                Step::Do(Action::Crashed {
                    id: 1,
                    message: "RuntimeError: unreachable".into(),
                }),
            ],
            contains: &["data-test=\"error-banner\"", "Try again", "Copy details", "RuntimeError: unreachable", "Received: from gal.iecc.com"],
            lacks: &["data-test=\"verdict\""],
            snapshot: true,
        },
        Case {
            name: "starting",
            steps: vec![
                Step::Do(Action::EditText("Received: from a by b; Tue, 1 Jan 2030 00:00:00 +0000".into())),
                Step::Do(Action::EngineStarting),
            ],
            contains: &["data-test=\"pending\"", "Starting the analyser"],
            lacks: &["data-test=\"empty\"", "data-test=\"verdict\""],
            snapshot: true,
        },
        Case {
            name: "hop-opened",
            steps: vec![
                Step::Do(Action::PickExample("plaintext-hop".into())),
                Step::Analyse,
                Step::Do(Action::ShowHop(0)),
            ],
            contains: &[
                "data-encrypted=\"no\"",
                "data-internal=\"false\"",
                "id=\"hop-1-detail\"",
                "aria-expanded=\"true\"",
                "is-focus",
                "Received line · line 6",
                "HOP_PLAINTEXT",
            ],
            lacks: &[],
            snapshot: true,
        },
        Case {
            name: "mx-given",
            steps: vec![
                Step::Do(Action::PickExample("postfix-exim".into())),
                Step::Do(Action::EditMx("mail01.twlnet.com".into())),
                Step::Analyse,
            ],
            contains: &["Border at hop", "from your MX hosts", "typed by you", "PATH_BORDER_GIVEN"],
            lacks: &[],
            snapshot: true,
        },
        Case {
            name: "hostile",
            steps: vec![
                Step::Do(Action::EditText(
                    "Subject: <script>alert(1)</script>\nReceived: from <img src=x onerror=alert(1)> \
                     (javascript:alert(1) [192.0.2.1]) by mx.example.com with ESMTP; Tue, 1 Jan \
                     2030 00:00:00 +0000\n"
                        .into(),
                )),
                Step::Analyse,
                Step::Do(Action::ToggleHop(0)),
            ],
            contains: &["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;"],
            lacks: &[],
            snapshot: true,
        },
        // A kind this page has no detailed view for yet: its grade, areas and findings show.
        Case {
            name: "certificate",
            steps: vec![
                Step::Do(Action::EditText(
                    std::fs::read_to_string(
                        common::corpus_dir().join("certs/openssl_ee-cert-1024.pem"),
                    )
                    .expect("corpus certificate"),
                )),
                Step::Analyse,
            ],
            contains: &[
                "data-test=\"kind-note\"",
                "This looks like certificates.",
                "data-test=\"verdict\"",
                "By area",
                "data-code=\"CERT_KEY_TOO_SMALL\"",
                "data-test=\"kind\" class=\"kind-name\">Certificates",
            ],
            lacks: &["data-test=\"hops\"", "data-test=\"input-problem\""],
            snapshot: true,
        },
        // Thousands of hops (a hostile or broken paste) render the first rows and a button.
        Case {
            name: "many-hops",
            steps: vec![
                Step::Do(Action::EditText(
                    "Received: from a.example (a.example [192.0.2.1]) by b.example (Postfix) \
                     with ESMTP id 1; Tue, 1 Jan 2030 00:00:00 +0000\n"
                        .repeat(HOPS_SHOWN + 50),
                )),
                Step::Analyse,
            ],
            contains: &["Show all 250 hops (50 more)", "Show all", "findings ("],
            lacks: &[],
            snapshot: false,
        },
    ]);

    for case in cases {
        check(case).await;
    }
}

/// The app as a whole renders the empty page natively (no browser, no worker).
#[tokio::test]
async fn app_renders_the_empty_page() {
    let html = LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    for needle in [
        "id=\"input\"",
        "id=\"examples\"",
        "id=\"mx-hosts\"",
        "id=\"clear\"",
        "data-test=\"empty\"",
        "Checks email TLS in your browser — nothing you paste leaves this page",
    ] {
        assert!(html.contains(needle), "app: missing {needle}");
    }
    // The examples menu: a placeholder first, then every sample by id.
    let placeholder = html.find("<option value=\"\"").expect("placeholder option");
    for sample in SAMPLES {
        let at = html
            .find(&format!("<option value=\"{}\"", sample.id))
            .expect(sample.id);
        assert!(
            at > placeholder,
            "{} is listed before the placeholder",
            sample.id
        );
    }
}

/// Plays the case's steps, renders, snapshots and checks.
async fn check(case: Case) {
    let mut state = State::default();
    let mut hops = None;
    for step in case.steps {
        let action = match step {
            Step::Do(action) => action,
            Step::Analyse => {
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
                            domain: None,
                        },
                    },
                    common::NOW,
                );
                hops = Some(report.hops.len());
                // The worker posts the whole report as JSON; the page reads the part it shows.
                // Go the same way, and check it loses nothing the page renders.
                let json = serde_json::to_string(&Reply {
                    id: request.id,
                    report: report.clone(),
                    elapsed_ms: 0.8,
                })
                .expect("reply serialises");
                let reply: Reply<ReportView> = serde_json::from_str(&json).expect("page reads it");
                assert_eq!(
                    reply.report,
                    ReportView::from(report),
                    "{}: JSON round trip",
                    case.name
                );
                Action::Replied(Box::new(reply))
            }
        };
        state = state.apply(action).unwrap_or(state);
    }
    let findings = state
        .report()
        .map(|r| {
            r.findings
                .iter()
                .filter(|f| !f.code.starts_with("INPUT_"))
                .count()
        })
        .unwrap_or(0);
    let html = LocalServerRenderer::<Page>::with_props(PageProps {
        state: Rc::new(state),
        handlers: Default::default(),
    })
    .hydratable(false)
    .render()
    .await;

    if case.snapshot {
        expect_file![format!("data/ssr/{}.html", case.name)].assert_eq(&pretty(&html));
    }
    for needle in case.contains {
        assert!(html.contains(needle), "{}: missing {needle}", case.name);
    }
    for needle in case.lacks.iter().chain(NEVER) {
        assert!(
            !html.contains(needle),
            "{}: must not contain {needle}",
            case.name
        );
    }
    // No tag carries a style attribute (the CSP forbids them) or an inline event handler; text
    // inside quoted attribute values doesn't count.
    for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
        assert!(
            !bare.contains(" style="),
            "{}: style attribute in <{tag}>",
            case.name
        );
        let handler = bare
            .split_whitespace()
            .any(|attr| attr.starts_with("on") && attr.contains('='));
        assert!(!handler, "{}: inline handler in <{tag}>", case.name);
    }
    // One row per hop and one item per finding, up to the page's limits.
    if let Some(hops) = hops {
        let rows = html.matches("data-test=\"hop\"").count();
        assert_eq!(rows, hops.min(HOPS_SHOWN), "{}: hop rows", case.name);
    }
    let items = html.matches("data-test=\"finding\"").count();
    assert_eq!(
        items,
        findings.min(FINDINGS_SHOWN),
        "{}: findings",
        case.name
    );
}

/// One tag per line, so snapshot diffs are readable (and CRLF from the samples as LF, which is
/// how expect-test reads files back).
fn pretty(html: &str) -> String {
    let mut out = html.replace("><", ">\n<").replace("\r\n", "\n");
    out.push('\n');
    out
}
