//! Server-side render tests of the handshake explainer: every walk-through rendered natively,
//! with the example names and personalised from a real header with a plaintext hop
//! (`tests/data/handshake/mixed_path.hdr`), through the same JSON the worker sends.
//!
//! Each rendered step list is snapshotted as the reader gets it (`tests/data/ssr_explainer/
//! <input>-<scenario>.txt`: each row's classes, its screen-reader label, what its drawing holds
//! and its detail's text), one walk-through's markup in full, and the index and comparison.
//! Beside the snapshots, facts that must hold in every rendering: the highlighted hop is the
//! reader's own, every step shows its references, the diagram has one arrow per message and one
//! box per check, the current step is marked and announced, and nothing links away or carries
//! a style attribute.
//!
//! Run with `cargo test --features ssr --test ssr_explainer`; `UPDATE_EXPECT=1` rewrites the
//! snapshots.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::rc::Rc;

use expect_test::expect_file;
use mailtls::analysis::handshake::{Direction, Explainer, Fragment, Scenario, Walkthrough};
use mailtls::analysis::{analyze, Document, Inputs, Report};
use mailtls::ui::components::explainer::{ExplainerPage, ExplainerPageProps};
use mailtls::ui::components::explainer_walk::{WalkthroughProps, WalkthroughView};
use mailtls::ui::explain_state::{example, ExplainAction, ExplainState};
use mailtls::ui::report::ReportView;
use yew::LocalServerRenderer;

/// The header the personalised renderings come from: a plaintext Exim hop (hop 2) upstream of
/// TLS 1.3 hops.
const HEADER: &str = "tests/data/handshake/mixed_path.hdr";

/// Markup no rendering may contain: links away, scripts, images, frames.
const NEVER: &[&str] = &[
    "href=\"http",
    "href=\"//",
    "href=\"javascript:",
    "<script",
    "<img",
    "<iframe",
];

/// The report on the header, and the explainer as the page reads it from the worker's JSON.
fn personalised() -> (Report, Rc<Explainer>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(HEADER);
    let report = common::run(vec![Document {
        name: HEADER.into(),
        bytes: std::fs::read(path).unwrap(),
        kind: None,
    }]);
    let json = serde_json::to_string(&report).unwrap();
    let view: ReportView = serde_json::from_str(&json).unwrap();
    assert_eq!(
        *view.explainer, report.explainer,
        "the page reads the explainer whole"
    );
    (report, view.explainer)
}

/// A walk-through rendered at step `position`.
async fn render_walkthrough(
    explainer: &Rc<Explainer>,
    scenario: Scenario,
    position: usize,
    standalone: bool,
) -> String {
    LocalServerRenderer::<WalkthroughView>::with_props(WalkthroughProps {
        explainer: explainer.clone(),
        scenario,
        position,
        playing: false,
        base: Fragment::parse("#s=abc"),
        on: Default::default(),
        standalone,
    })
    .hydratable(false)
    .render()
    .await
}

/// The explainer page for a URL fragment, with the reader's walk-throughs if given.
async fn render_page(fragment: &str, personal: Option<Rc<Explainer>>) -> String {
    let state = ExplainState::from_url(fragment);
    let state = state.apply(ExplainAction::Data(personal)).unwrap_or(state);
    LocalServerRenderer::<ExplainerPage>::with_props(ExplainerPageProps {
        state: Rc::new(state),
        on: Default::default(),
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn every_walkthrough_renders_its_steps() {
    let example = example();
    // The page's example is the analysis of nothing (tests/handshake.rs keeps the file fresh).
    assert_eq!(*example, analyze(&Inputs::default(), common::NOW).explainer);
    let (report, mine) = personalised();
    for (input, explainer) in [("example", &example), ("mixed_path", &mine)] {
        for scenario in Scenario::ALL {
            let walkthrough = explainer.walkthrough(scenario).unwrap();
            // Open at the first step the reader's data touches (the example has none).
            let position = walkthrough.steps().position(|s| s.highlight).unwrap_or(0);
            let html = render_walkthrough(explainer, scenario, position, false).await;
            let name = format!("{input}-{}", scenario.slug());
            check_walkthrough(&name, walkthrough, position, &html);
            // Only the downgrade says "where it happened": elsewhere a highlighted plaintext
            // step (the ServerHello of the reader's TLS 1.3 hop) is plaintext by design.
            assert_eq!(
                html.contains("is-happened"),
                scenario == Scenario::Downgrade && input != "example",
                "{name}"
            );
            expect_file![format!("data/ssr_explainer/{name}.txt")].assert_eq(&outline(&html));
        }
    }

    // One walk-through's markup in full, to review the structure itself.
    let html = render_walkthrough(&mine, Scenario::Starttls, 5, false).await;
    expect_file!["data/ssr_explainer/mixed_path-starttls.html"].assert_eq(&pretty(&html));

    // The downgrade: the highlighted hop is the reader's plaintext hop, taken from the report.
    let plain = report
        .hops
        .iter()
        .find(|hop| !hop.internal && hop.encrypted == Some(false))
        .expect("the header has a plaintext public hop");
    let hop_name = format!(
        "hop {} ({} \u{2192} {})",
        plain.index + 1,
        plain.from.as_deref().unwrap(),
        plain.by.as_deref().unwrap()
    );
    let downgrade = mine.walkthrough(Scenario::Downgrade).unwrap();
    let happened = downgrade
        .position("mail-in-clear")
        .expect("the plaintext DATA step");
    let html = render_walkthrough(&mine, Scenario::Downgrade, happened, false).await;
    let row = item(&html, "downgrade/mail-in-clear");
    assert!(
        row.contains("is-yours") && row.contains("is-current"),
        "{row}"
    );
    assert!(row.contains("Where it happened"), "{row}");
    assert!(unescape(&row).contains(&hop_name), "{hop_name} in {row}");
    let panel = section(&html, "data-test=\"step-detail\"");
    assert!(
        unescape(panel).contains(&hop_name),
        "the panel names it too"
    );
    // The act marked as theirs is the unopposed attack (no MTA-STS or DANE was given).
    assert!(section(&html, "data-act=\"attack\"").starts_with(
        "<section aria-labelledby=\"downgrade-act-attack\" data-test=\"act\" data-act=\"attack\" \
         class=\"walk-act is-yours\">"
    ));
    assert_eq!(html.matches("walk-act is-yours").count(), 1);
    // With the example, nothing is the reader's.
    let html = render_walkthrough(&example, Scenario::Downgrade, happened, false).await;
    assert!(!html.contains("is-yours") && !html.contains("Where it happened"));
}

/// What every rendered walk-through must show.
fn check_walkthrough(name: &str, walkthrough: &Walkthrough, position: usize, html: &str) {
    let steps: Vec<_> = walkthrough.steps().collect();
    // One row per step, in order, and one drawing element per row: an arrow for a message, a
    // box for a check.
    let rows: Vec<&str> = html
        .split("data-test=\"step\" data-step=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let ids: Vec<&str> = steps.iter().map(|s| s.local_id()).collect();
    assert_eq!(rows, ids, "{name}: rows");
    let messages = steps
        .iter()
        .filter(|s| s.direction != Direction::Local)
        .count();
    assert_eq!(
        html.matches("<g class=\"seq-arrow\">").count(),
        messages,
        "{name}: one arrow per message"
    );
    assert_eq!(
        html.matches("<g class=\"seq-note\">").count(),
        steps.len() - messages,
        "{name}: one box per check"
    );
    assert_eq!(
        html.matches(
            "<svg viewBox=\"0 0 720 56\" aria-hidden=\"true\" focusable=\"false\" \
                      class=\"seq-svg\">"
        )
        .count(),
        steps.len(),
        "{name}: one drawing per row, hidden from screen readers (the rows' labels say it)"
    );
    for (index, step) in steps.iter().enumerate() {
        let row = unescape(&item(html, &step.id));
        for reference in &step.refs {
            assert!(
                row.contains(&reference.label()),
                "{name}: {} lacks its reference {}",
                step.id,
                reference.label()
            );
        }
        assert!(row.contains(&step.explanation), "{name}: {}", step.id);
        for note in &step.personal {
            assert!(row.contains(note.as_str()), "{name}: {} note", step.id);
        }
        assert_eq!(
            row.contains("aria-current=\"step\""),
            index == position,
            "{name}: {} current",
            step.id
        );
        assert_eq!(
            row.contains("is-yours"),
            step.highlight,
            "{name}: {}",
            step.id
        );
        assert!(
            row.contains(&format!("href=\"#explain/{}&amp;s=abc\"", step.id))
                || row.contains(&format!("href=\"#explain/{}&s=abc\"", step.id)),
            "{name}: {} links to itself, keeping the share payload",
            step.id
        );
    }
    // The current step is in the panel and announced.
    let current = steps[position];
    let panel = unescape(section(html, "data-test=\"step-detail\""));
    assert!(panel.contains(&format!(
        "<h3 class=\"step-message\">{}</h3>",
        current.message
    )));
    let announce = unescape(section(html, "aria-live=\"polite\""));
    assert!(
        announce.contains(&current.explanation) && announce.contains(&current.message),
        "{name}: the live region says the current step"
    );
    // The ending, with its references.
    assert!(unescape(html).contains(&walkthrough.outcome.title));
    check_page_rules(name, html);
}

#[tokio::test]
async fn the_explainer_pages_render() {
    let (_, mine) = personalised();
    // The index: every walk-through and the comparison, marked where the reader's mail is.
    let html = render_page("#explain", Some(mine.clone())).await;
    check_page_rules("index", &html);
    assert_eq!(html.matches("data-test=\"walk-card\"").count(), 7);
    for scenario in ["starttls", "tls13", "downgrade"] {
        let card = section(
            &html,
            &format!("data-test=\"walk-card\" data-scenario=\"{scenario}\""),
        );
        assert!(card.contains("Your mail"), "{scenario}: {card}");
    }
    expect_file!["data/ssr_explainer/index.txt"].assert_eq(&outline_text(&html));

    // The comparison: one row per pair, each message linking to its step.
    let html = render_page("#explain/compare", None).await;
    check_page_rules("compare", &html);
    let rows = example().side_by_side.len();
    assert_eq!(html.matches("data-test=\"compare-row\"").count(), rows);
    let links = example()
        .side_by_side
        .iter()
        .map(|r| usize::from(r.tls12.is_some()) + usize::from(r.tls13.is_some()))
        .sum::<usize>();
    assert_eq!(html.matches("class=\"compare-step\"").count(), links);
    assert!(html.contains("href=\"#explain/tls13/hello-retry-request\""));
    expect_file!["data/ssr_explainer/compare.txt"].assert_eq(&outline_text(&html));

    // A deep link opens its walk-through at its step; an unknown step opens the first; the
    // picker marks the open one.
    let html = render_page("#explain/tls12/server-key-exchange", None).await;
    assert!(html.contains("data-step=\"server-key-exchange\"") && html.contains("Step 5 of 18"));
    assert!(
        html.contains("<a href=\"#explain/tls12\" aria-current=\"page\" data-scenario=\"tls12\"")
    );
    let html = render_page("#explain/tls12/nope", None).await;
    assert!(html.contains("Step 1 of 18"));
    let html = render_page("#explain/nope", None).await;
    assert!(html.contains("data-test=\"index\""));
}

#[tokio::test]
async fn a_walkthrough_renders_alone_for_embedding() {
    let html = render_walkthrough(&example(), Scenario::Starttls, 0, true).await;
    check_page_rules("standalone", &html);
    let first_tag = html.split('>').next().unwrap();
    assert!(
        first_tag.ends_with("class=\"walk is-standalone\""),
        "{first_tag}"
    );
    assert!(!html.contains("walk-picker") && !html.contains("site-nav"));
    assert!(
        !html.contains("Paste your headers"),
        "an embed doesn't send readers to the checker"
    );
    let html = render_walkthrough(&example(), Scenario::Starttls, 0, false).await;
    assert!(html.contains("Paste your headers"));
}

/// No style attributes, inline handlers or links away in any rendering.
fn check_page_rules(name: &str, html: &str) {
    for needle in NEVER {
        assert!(!html.contains(needle), "{name}: must not contain {needle}");
    }
    for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
        let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\"");
        assert!(
            !bare.contains(" style="),
            "{name}: style attribute in <{tag}>"
        );
        let handler = bare
            .split_whitespace()
            .any(|attr| attr.starts_with("on") && attr.contains('='));
        assert!(!handler, "{name}: inline handler in <{tag}>");
    }
}

/// The `<li>` of step `id` (`scenario/step`).
fn item(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("<li id=\"step-{}\"", id.replace('/', "-")))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let rest = &html[start..];
    let end = rest.find("</li>").unwrap();
    rest[..end].to_string()
}

/// From the tag holding `marker` to the end of that element (by matching its tag name).
fn section<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let start = html[..at].rfind('<').unwrap();
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0;
    let mut i = start;
    while i < html.len() {
        if html[i..].starts_with(&close) {
            depth -= 1;
            if depth == 0 {
                return &html[start..i + close.len()];
            }
            i += close.len();
        } else if html[i..].starts_with(&open) {
            depth += 1;
            i += open.len();
        } else {
            i += html[i..].chars().next().unwrap().len_utf8();
        }
    }
    &html[start..]
}

/// The step list as a reader gets it: per row, its step id and state, the label a screen
/// reader hears, what the drawing holds, and the detail's text.
fn outline(html: &str) -> String {
    let mut out = String::new();
    for act in html.split("data-test=\"act\"").skip(1) {
        let title = text_of(section(act, "class=\"walk-act-title\""));
        let lanes = text_of(section(act, "class=\"seq-lanes\""));
        out.push_str(&format!("## {title}\nlanes: {lanes}\n"));
        for row in act.split("<li id=\"step-").skip(1) {
            let row = &row[..row.find("</li>").unwrap_or(row.len())];
            let id = row.split('"').next().unwrap();
            let first_tag = row.split('>').next().unwrap_or_default();
            let classes = attribute(first_tag, "class").unwrap_or_default();
            let label = attribute(row, "aria-label").unwrap_or_default();
            // The lines' paths show where an arrow runs (M from-lane H to-lane).
            let lines: Vec<String> = row
                .split('<')
                .filter(|tag| tag.starts_with("path") && tag.contains("seq-line"))
                .filter_map(|tag| attribute(tag, "d"))
                .collect();
            let drawing = if row.contains("<g class=\"seq-arrow\">") {
                format!("arrow {}", lines.join(" "))
            } else {
                "box".to_string()
            };
            let detail = text_of(section(row, "class=\"seq-detail\""));
            out.push_str(&format!(
                "\n{id} [{classes}]\n  label: {label}\n  drawing: {drawing}\n  detail: {detail}\n"
            ));
        }
        out.push('\n');
    }
    let ending = text_of(section(html, "data-test=\"outcome\""));
    out.push_str(&format!("outcome: {ending}\n"));
    out
}

/// Headings, links and text of a page, one element's text per line.
fn outline_text(html: &str) -> String {
    let body = section(html, "<main");
    let mut out = String::new();
    for part in body.split('<').skip(1) {
        let (tag, text) = part.split_once('>').unwrap_or((part, ""));
        let text = unescape(text.trim());
        let name = tag.split_whitespace().next().unwrap_or_default();
        if name.starts_with('/') {
            continue;
        }
        let href = attribute(&format!("<{tag}>"), "href")
            .map(|h| format!(" -> {h}"))
            .unwrap_or_default();
        if !text.is_empty() || !href.is_empty() {
            out.push_str(&format!("{name}{href}: {text}\n"));
        }
    }
    out
}

/// The text of an element, tags removed, whitespace collapsed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The first value of attribute `name` in `html`.
fn attribute(html: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = html.find(&key)? + key.len();
    let end = html[start..].find('"')?;
    Some(unescape(&html[start..start + end]))
}

/// HTML's five escapes undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// One tag per line.
fn pretty(html: &str) -> String {
    let mut out = html.replace("><", ">\n<");
    out.push('\n');
    out
}
