//! Server-side render snapshots of the page's main views: every "Try an example" sample analysed
//! and rendered (the header and whole-domain ones as snapshots), the overview with all three
//! areas, several inputs in the strip, the empty state, inputs mailtls can't read, a refused
//! file, the undo after an example, a crash, the first-load wait, an opened hop and hostile
//! text; and the Markdown export of a whole domain. Each case is a row; the helper renders it
//! with Yew's `LocalServerRenderer`, compares it with `tests/data/ssr/<name>.html` and checks
//! the page-wide invariants (no style attributes, no links away, no live markup from the input).
//!
//! Run with `cargo test --features ssr --test ssr`; `UPDATE_EXPECT=1` rewrites the snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::rc::Rc;

use expect_test::expect_file;
use mailtls::analysis::{analyze, Document, Inputs, Options};
use mailtls::bridge::{report_text, Reply};
use mailtls::ui::app::App;
use mailtls::ui::components::page::{Page, PageProps};
use mailtls::ui::export::markdown;
use mailtls::ui::report::ReportView;
use mailtls::ui::samples::{Group, SAMPLES};
use mailtls::ui::state::{Action, Body, State, FINDINGS_SHOWN, HOPS_SHOWN, MAX_FILE_BYTES};
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
    /// Picks an example and delivers its files, as `ui/web.rs` does after fetching them.
    Example(&'static str),
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
        // Every example renders the overview without an input problem; header examples render
        // their hops. The header and whole-domain examples are snapshots; the single inputs of
        // other kinds are asserted only, since their area panels render into these pages too.
        let contains: &[&str] = match sample.group {
            Group::Headers => &[
                "data-test=\"verdict\"",
                "aria-live=\"polite\"",
                "data-test=\"grade\"",
                "<table data-test=\"hops\" class=\"hops\">",
                "data-test=\"finding\"",
                "data-test=\"elapsed\" data-first=\"false\">Analysed in 0.8 ms in your browser",
                "data-test=\"kind\" class=\"kind-name\">Message headers",
            ],
            Group::WholeDomain => &[
                "data-test=\"verdict\"",
                "class=\"grade-letter\">A+</span>",
                "<table data-test=\"hops\" class=\"hops\">",
                "data-kind=\"headers\"",
                "data-kind=\"dns-records\"",
                "<input value=\"example.",
            ],
            _ => &[
                "data-test=\"verdict\"",
                "data-test=\"grade\"",
                "data-test=\"finding\"",
                "data-test=\"area\"",
            ],
        };
        cases.push(Case {
            name: sample.id,
            steps: vec![Step::Example(sample.id), Step::Analyse],
            contains,
            lacks: &[
                "data-test=\"input-problem\"",
                "data-test=\"error-banner\"",
                "data-test=\"undo\"",
            ],
            snapshot: matches!(sample.group, Group::Headers | Group::WholeDomain),
        });
    }
    cases.extend([
        Case {
            name: "empty",
            steps: vec![],
            contains: &[
                "data-test=\"empty\"",
                "Show original",
                "View message source",
                "Message Source",
                "data-test=\"input-tab\" data-kind=\"empty\"",
                "id=\"add-input\"",
                "<dialog id=\"shortcuts\"",
            ],
            lacks: &[
                "data-test=\"verdict\"",
                "data-test=\"elapsed\"",
                "data-test=\"kind\"",
                "class=\"input-tab-remove\"",
            ],
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
                Step::Example("postfix-tls13"),
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
                Step::Example("plaintext-hop"),
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
                Step::Example("postfix-exim"),
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
        // A certificate alone: the overview grades the server area and leaves the others out.
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
                "data-test=\"verdict\"",
                "data-area=\"server\"",
                "No data is not a fail",
                "data-code=\"CERT_KEY_TOO_SMALL\"",
                "data-test=\"kind\" class=\"kind-name\">Certificates",
            ],
            lacks: &["data-test=\"hops\"", "data-test=\"input-problem\""],
            snapshot: true,
        },
        // Several inputs: headers next to a certificate chain, each with its kind in the strip,
        // and a letter for each area given.
        Case {
            name: "multi-input",
            steps: vec![
                Step::Example("postfix-tls13"),
                Step::Do(Action::AddInput),
                Step::Do(Action::EditText(
                    include_str!("../www/samples/openssl-chain.pem").into(),
                )),
                Step::Analyse,
            ],
            contains: &[
                "data-test=\"input-tab\" data-kind=\"headers\"",
                "data-test=\"input-tab\" data-kind=\"certificates\"",
                "aria-current=\"true\" aria-controls=\"input\"",
                "<span class=\"tab-name\">Pasted text</span>",
                "data-test=\"kind\" class=\"kind-name\">Certificates",
                "<li data-area=\"transport\" data-test=\"area\" class=\"area-tile\"><span aria-hidden=\"true\" class=\"area-grade grade-a\">A</span>",
                "<li data-area=\"server\" data-test=\"area\" class=\"area-tile\"><span aria-hidden=\"true\" class=\"area-grade grade-b\">B</span>",
                // The chain is checked against the MX the headers name: a cross-input finding.
                "data-code=\"CERT_HOSTNAME_MISMATCH\"",
                "<li data-area=\"policy\" data-test=\"area\" class=\"area-tile is-absent\">",
                "href=\"#area-transport\"",
                "<table data-test=\"hops\" class=\"hops\">",
                "class=\"input-tab-remove\"",
            ],
            lacks: &["data-test=\"undo\""],
            snapshot: true,
        },
        // An example over typed input can be undone.
        Case {
            name: "undo",
            steps: vec![
                Step::Do(Action::EditText("Received: from mine.example by mx.example; Tue, 1 Jan 2030 00:00:00 +0000".into())),
                Step::Example("plaintext-hop"),
            ],
            contains: &["data-test=\"undo\"", "The example replaced your inputs.", "id=\"undo-example\""],
            lacks: &[],
            snapshot: false,
        },
        // A file over the size guard is refused with a message, before the page reads it.
        Case {
            name: "refused-file",
            steps: vec![Step::Do(Action::RefuseFile {
                name: "archive.mbox".into(),
                size: MAX_FILE_BYTES + 1,
            })],
            contains: &[
                "data-test=\"input-notice\"",
                "archive.mbox was not opened: it is 16.8 MB, and mailtls reads inputs up to 16 MiB.",
                "data-test=\"empty\"",
            ],
            lacks: &["data-test=\"verdict\""],
            snapshot: false,
        },
        // A large paste says editing may be slow; the analysis still runs.
        Case {
            name: "large-input",
            steps: vec![Step::Do(Action::EditText(
                "Subject: big\n".repeat(200_000),
            ))],
            contains: &["data-test=\"large-input\"", "This input is 2.6 MB."],
            lacks: &[],
            snapshot: false,
        },
        // The first analysis after the worker started says how long the start took.
        Case {
            name: "first-run",
            steps: vec![
                Step::Example("postfix-tls13"),
                Step::Do(Action::EngineStarting),
                Step::Do(Action::EngineReady(312.4)),
                Step::Analyse,
            ],
            contains: &["data-first=\"true\"", "first run: the analyser took 312 ms to load"],
            lacks: &[],
            snapshot: false,
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
        "id=\"domain\"",
        "id=\"add-input\"",
        "data-test=\"input-tab\"",
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

/// The Markdown export of a whole domain, as a ticket would get it; and hostile header text
/// stays text in it.
#[test]
fn markdown_export_is_ticket_ready() {
    let report = report_for(vec![
        Action::PickExample("domain-dane".into()),
        example_files("domain-dane"),
    ]);
    let md = markdown(&report);
    expect_file!["data/ssr/export-domain-dane.md"].assert_eq(&md);
    for needle in [
        "**Grade: A+**",
        "Domain: example.net",
        "| Transport | A |",
        "| Server and certificates | A |",
        "| Policies | A |",
        "### Notice: ",
        "**Fix:** ",
        "**References:** ",
        "**Found at:** `dane-chain.pem, line ",
        "| 2 | TLS | mail-out.sender.example.org → mx1.example.net | ESMTPS | TLSv1.3 TLS\\_AES\\_256\\_GCM\\_SHA384 | +1 s |",
        "## What TLS does not cover",
    ] {
        assert!(md.contains(needle), "markdown: missing {needle}");
    }
    let hostile = markdown(&report_for(vec![Action::EditText(
        "Received: from [evil](javascript:alert(1)) <script>x</script> (a [192.0.2.1]) by \
         mx.example.com with ESMTP; Tue, 1 Jan 2030 00:00:00 +0000\n"
            .into(),
    )]));
    // The raw line is quoted in a code span (shown literally); outside code spans nothing of
    // it is live markup.
    assert!(
        hostile.contains("`line 1: Received: from [evil](javascript:alert(1)) <script>x</script>"),
        "{hostile}"
    );
    for line in hostile.lines().filter(|l| !l.contains('`')) {
        assert!(!line.contains("<script>") && !line.contains("]("), "{line}");
    }
}

/// The files of an example arriving, read from `www/samples/` as the page fetches them.
fn example_files(id: &str) -> Action {
    let sample = mailtls::ui::samples::find(id).expect("a sample");
    let texts = sample
        .files
        .iter()
        .map(|name| {
            std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("www/samples")
                    .join(name),
            )
            .expect("sample file")
        })
        .collect();
    Action::ExampleLoaded {
        id: id.into(),
        texts,
    }
}

/// The report the worker would send for the state after `actions`.
fn report_for(actions: Vec<Action>) -> ReportView {
    let state = actions
        .into_iter()
        .fold(State::default(), |s, a| s.apply(a).unwrap_or(s));
    let request = state.request().expect("a request to analyse");
    ReportView::from(analyze(
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
    ))
}

/// Plays the case's steps, renders, snapshots and checks.
async fn check(case: Case) {
    let mut state = State::default();
    let mut hops = None;
    for step in case.steps {
        let action = match step {
            Step::Do(action) => action,
            Step::Example(id) => {
                state = state.apply(Action::PickExample(id.into())).unwrap_or(state);
                example_files(id)
            }
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
                            domain: request.domain.clone(),
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
                    ReportView::from(report.clone()),
                    "{}: JSON round trip",
                    case.name
                );
                // The JSON export is the report's own text: exactly what the CLI serialises.
                let raw = report_text(&json).expect("the report's text");
                assert_eq!(
                    raw,
                    serde_json::to_string(&report).expect("report serialises"),
                    "{}: JSON export",
                    case.name
                );
                Action::RepliedWithJson {
                    reply: Box::new(reply),
                    json: raw.into(),
                }
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
