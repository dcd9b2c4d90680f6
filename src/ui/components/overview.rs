//! The overview (posture report): the grade with the rule that produced it, what decided it, a
//! letter and one-line summary per area (each linking to its panel), what the grade can't see
//! because an input is missing, what TLS does not cover, and the export buttons.
//!
//! Must not depend on the browser: the links and buttons send their events up.

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use super::page::{Handlers, Slot};
use crate::analysis::posture::{Area, RULES};
use crate::analysis::transport::PathVerdict;
use crate::ui::report::ReportView;
use crate::ui::words;

/// The overview's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct OverviewProps {
    /// The report.
    pub report: Rc<ReportView>,
    /// The callbacks (area links, export buttons).
    pub handlers: Handlers,
}

/// The overview.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let report = &props.report;
    let handlers = &props.handlers;
    let posture = &report.posture;
    let path = report.path.as_ref();
    let grade = report.grade.as_deref();
    // The card's accent follows the grade (an all-TLS path can still grade C for RC4); without a
    // grade it follows the path verdict.
    let tone = match (grade, path.map(|p| p.verdict)) {
        (Some("A+" | "A"), _) => "is-good",
        (Some("B"), _) => "is-fair",
        (Some("C" | "D"), _) => "is-unsure",
        (Some(_), _) | (None, Some(PathVerdict::PlaintextHop)) => "is-bad",
        (None, _) => "is-neutral",
    };
    // With headers the path headline leads (the page's contract); otherwise the first graded
    // area's summary, or the rule that says nothing could be graded.
    let headline = path.map(|p| p.headline.clone()).unwrap_or_else(|| {
        posture
            .sections
            .iter()
            .find(|s| s.grade.is_some())
            .map_or_else(|| posture.rule.clone(), |s| s.summary.clone())
    });
    let stats = path.map(|p| {
        let total = p.total_seconds.filter(|s| *s >= 0).map(words::duration);
        words::path_stats(
            report.hops.len(),
            p.public_hops,
            p.encrypted_public_hops,
            total.as_deref(),
        )
    });
    let reasons: Vec<&String> = posture.reasons.iter().filter(|r| **r != headline).collect();
    let border = path.and_then(|p| words::border_note(p.border_source, p.border));
    let click = |handler: &Callback<()>| {
        let handler = handler.clone();
        Callback::from(move |_: MouseEvent| handler.emit(()))
    };

    html! {
        <section class={classes!("card", "overview", tone)} data-test="verdict"
            aria-labelledby="overview-title">
            <div class="overview-head">
                <h2 id="overview-title" tabindex="-1">{ words::VERDICT_TITLE }</h2>
                <div class="export" role="group" aria-label={words::EXPORT_LABEL}>
                    <span class="export-label" aria-hidden="true">{ words::EXPORT_LABEL }</span>
                    <button type="button" id="export-markdown" class="button button-small"
                        title={words::EXPORT_MARKDOWN_TITLE} onclick={click(&handlers.export_markdown)}>
                        { words::EXPORT_MARKDOWN }
                    </button>
                    <button type="button" id="export-json" class="button button-small"
                        title={words::EXPORT_JSON_TITLE} onclick={click(&handlers.export_json)}>
                        { words::EXPORT_JSON }
                    </button>
                    <button type="button" id="export-print" class="button button-small"
                        title={words::EXPORT_PRINT_TITLE} onclick={click(&handlers.print)}>
                        { words::EXPORT_PRINT }
                    </button>
                </div>
            </div>
            <div class="overview-main" aria-live="polite">
                <div class={classes!("grade", grade_class(grade))}>
                    <span class="grade-letter" data-test="grade">{ grade.unwrap_or("–") }</span>
                    <span class="grade-caption">
                        { if grade.is_some() { words::GRADE_LABEL } else { words::NOT_GRADED } }
                    </span>
                </div>
                <div class="overview-body">
                    <p class="headline">{ headline.clone() }</p>
                    if let Some(stats) = stats {
                        <p class="stats">{ stats }</p>
                    }
                    if !posture.rule.is_empty() {
                        <p class="rule"><span class="rule-label">{ words::RULE_PREFIX }</span>{ " " }{ &posture.rule }</p>
                    }
                    if !reasons.is_empty() {
                        <div class="verdict-list">
                            <h3>{ words::REASONS_TITLE }</h3>
                            <ul>{ for reasons.iter().map(|r| html! { <li>{ r.as_str() }</li> }) }</ul>
                        </div>
                    }
                </div>
            </div>
            if !posture.sections.is_empty() {
                <div class="areas-block">
                    <h3 class="visually-hidden">{ words::AREAS_TITLE }</h3>
                    <ul class="area-tiles">
                        { for posture.sections.iter().map(|s| {
                            let slot = slot_of(s.area);
                            let given = s.grade.is_some();
                            html! {
                                <li class={classes!("area-tile", (!given).then_some("is-absent"))}
                                    data-area={area_name(s.area)} data-test="area">
                                    <span class={classes!("area-grade", grade_class(s.grade.as_deref()))}
                                        aria-hidden="true">
                                        { s.grade.as_deref().unwrap_or("–") }
                                    </span>
                                    <div class="area-text">
                                        <h3 class="area-name">
                                            if given {
                                                <a href={format!("#{}", slot.anchor())} class="area-link"
                                                    onclick={handlers.jump.clone()}>
                                                    { s.area.label() }
                                                </a>
                                            } else {
                                                { s.area.label() }
                                            }
                                            <span class="visually-hidden">
                                                { format!(" — {}", words::area_grade_alt(s.area.label(), s.grade.as_deref())) }
                                            </span>
                                        </h3>
                                        <p class="area-summary">{ &s.summary }</p>
                                        if given {
                                            <p class="area-counts">{ words::area_counts(s.counts) }</p>
                                        }
                                    </div>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            if !posture.limits.is_empty() {
                <div class="verdict-list limits">
                    <h3>{ words::LIMITS_TITLE }</h3>
                    <p class="limits-principle">{ words::NO_DATA_NOT_A_FAIL }</p>
                    <ul>{ for posture.limits.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                </div>
            }
            if path.is_some() {
                <p class="cannot-show">
                    { icon(Icon::Notice, "") }
                    <span>{ words::HEADERS_CANNOT_SHOW }</span>
                </p>
            }
            if let Some(border) = border {
                <p class="border-note">{ border }</p>
            }
            <aside class="tls-scope" aria-labelledby="tls-scope-title">
                <h3 id="tls-scope-title">{ words::TLS_SCOPE_TITLE }</h3>
                <ul>
                    { for words::TLS_SCOPE.iter().map(|(what, why)| html! {
                        <li><strong>{ *what }</strong>{ " " }{ *why }</li>
                    }) }
                </ul>
                <p>{ words::TLS_SCOPE_DOES }</p>
            </aside>
            <details class="scale">
                <summary>{ words::SCALE_TITLE }</summary>
                <dl>
                    { for RULES.iter().map(|(letter, rule)| html! {<>
                        <dt class={classes!((Some(*letter) == grade).then_some("is-current"))}>{ *letter }</dt>
                        <dd>{ *rule }</dd>
                    </>}) }
                </dl>
            </details>
            <div class="print-only print-inputs">
                <h3>{ words::PRINT_INPUTS }</h3>
                <ul>
                    { for report.inputs.iter().map(|i| html! {
                        <li>{ format!("{} — {} ({})", i.file, i.kind.label(), words::size_label(i.bytes)) }</li>
                    }) }
                </ul>
                if !report.analysed_at.is_empty() {
                    <p>{ words::print_analysed_at(&report.analysed_at) }</p>
                }
            </div>
        </section>
    }
}

/// The panel slot an area links to.
fn slot_of(area: Area) -> Slot {
    match area {
        Area::Transport => Slot::Transport,
        Area::Server => Slot::Server,
        Area::Policy => Slot::Policies,
    }
}

fn area_name(area: Area) -> &'static str {
    match area {
        Area::Transport => "transport",
        Area::Server => "server",
        Area::Policy => "policy",
    }
}

/// The CSS class of a grade letter.
pub fn grade_class(grade: Option<&str>) -> &'static str {
    match grade {
        Some("A+") => "grade-a-plus",
        Some("A") => "grade-a",
        Some("B") => "grade-b",
        Some("C") => "grade-c",
        Some("D") => "grade-d",
        Some(_) => "grade-f",
        None => "grade-none",
    }
}
