//! The verdict card: the path's headline, the grade with the rule that produced it, the reasons
//! and limits in the open, and what headers can never show.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::analysis::posture::RULES;
use crate::analysis::transport::PathVerdict;
use crate::analysis::Report;
use crate::ui::words;

/// The card's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct VerdictProps {
    /// The report (it has a path).
    pub report: Rc<Report>,
}

/// The card.
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let report = &props.report;
    let Some(path) = &report.path else {
        return html! {};
    };
    let posture = &report.posture;
    let grade = report.grade.as_deref();
    let grade_class = match grade {
        Some("A+") => "grade-a-plus",
        Some("A") => "grade-a",
        Some("B") => "grade-b",
        Some("C") => "grade-c",
        Some("D") => "grade-d",
        Some(_) => "grade-f",
        None => "grade-none",
    };
    // The card's accent follows the grade (an all-TLS path can still grade C for RC4); without a
    // grade it follows the path verdict.
    let tone = match (grade, path.verdict) {
        (Some("A+" | "A"), _) => "is-good",
        (Some("B"), _) => "is-fair",
        (Some("C" | "D"), _) => "is-unsure",
        (Some(_), _) | (None, PathVerdict::PlaintextHop) => "is-bad",
        (None, _) => "is-neutral",
    };
    let total = path.total_seconds.filter(|s| *s >= 0).map(words::duration);
    let stats = words::path_stats(
        report.hops.len(),
        path.public_hops,
        path.encrypted_public_hops,
        total.as_deref(),
    );
    let reasons: Vec<&String> = posture
        .reasons
        .iter()
        .filter(|r| **r != path.headline)
        .collect();
    let border = words::border_note(path.border_source, path.border);

    html! {
        <section class={classes!("card", "verdict", tone)} data-test="verdict"
            aria-live="polite" aria-labelledby="verdict-title">
            <div class={classes!("grade", grade_class)}>
                <span class="grade-letter" data-test="grade">{ grade.unwrap_or("–") }</span>
                <span class="grade-caption">
                    { if grade.is_some() { words::GRADE_LABEL } else { words::NOT_GRADED } }
                </span>
            </div>
            <div class="verdict-body">
                <h2 id="verdict-title" class="visually-hidden">{ words::VERDICT_TITLE }</h2>
                <p class="headline">{ &path.headline }</p>
                <p class="stats">{ stats }</p>
                if !posture.rule.is_empty() {
                    <p class="rule"><span class="rule-label">{ words::RULE_PREFIX }</span>{ " " }{ &posture.rule }</p>
                }
                if !reasons.is_empty() {
                    <div class="verdict-list">
                        <h3>{ words::REASONS_TITLE }</h3>
                        <ul>{ for reasons.iter().map(|r| html! { <li>{ r.as_str() }</li> }) }</ul>
                    </div>
                }
                if !posture.limits.is_empty() {
                    <div class="verdict-list">
                        <h3>{ words::LIMITS_TITLE }</h3>
                        <ul>{ for posture.limits.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                    </div>
                }
                <p class="cannot-show">
                    { icon(Icon::Notice, "") }
                    <span>{ words::HEADERS_CANNOT_SHOW }</span>
                </p>
                if let Some(border) = border {
                    <p class="border-note">{ border }</p>
                }
                <details class="scale">
                    <summary>{ words::SCALE_TITLE }</summary>
                    <dl>
                        { for RULES.iter().map(|(letter, rule)| html! {<>
                            <dt class={classes!((Some(*letter) == grade).then_some("is-current"))}>{ *letter }</dt>
                            <dd>{ *rule }</dd>
                        </>}) }
                    </dl>
                </details>
            </div>
        </section>
    }
}
