//! The verdict card: the headline, the grade with the rule that produced it, the reasons and
//! limits in the open, the letter of each area, and what headers can never show.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::analysis::posture::RULES;
use crate::analysis::transport::PathVerdict;
use crate::ui::report::ReportView;
use crate::ui::words;

/// The card's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct VerdictProps {
    /// The report (it has a path or a grade).
    pub report: Rc<ReportView>,
}

/// The card.
#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let report = &props.report;
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
    // The areas matter once more than one kind of input can be graded; with headers alone the
    // transport line would only repeat the headline.
    let areas = posture
        .sections
        .iter()
        .filter(|s| s.grade.is_some())
        .count()
        > 1
        || (path.is_none() && !posture.sections.is_empty());

    html! {
        <section class={classes!("card", "verdict", tone)} data-test="verdict"
            aria-live="polite" aria-labelledby="verdict-title">
            <div class={classes!("grade", grade_class(grade))}>
                <span class="grade-letter" data-test="grade">{ grade.unwrap_or("–") }</span>
                <span class="grade-caption">
                    { if grade.is_some() { words::GRADE_LABEL } else { words::NOT_GRADED } }
                </span>
            </div>
            <div class="verdict-body">
                <h2 id="verdict-title" class="visually-hidden">{ words::VERDICT_TITLE }</h2>
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
                if !posture.limits.is_empty() {
                    <div class="verdict-list">
                        <h3>{ words::LIMITS_TITLE }</h3>
                        <ul>{ for posture.limits.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                    </div>
                }
                if areas {
                    <div class="verdict-list">
                        <h3>{ words::AREAS_TITLE }</h3>
                        <ul class="areas">
                            { for posture.sections.iter().map(|s| html! {
                                <li class={classes!("area", s.grade.is_none().then_some("is-absent"))}
                                    data-area={s.area.label()}>
                                    <span class={classes!("area-grade", grade_class(s.grade.as_deref()))}>
                                        { s.grade.as_deref().unwrap_or("–") }
                                    </span>
                                    <span class="area-name">{ s.area.label() }</span>
                                    <span class="area-summary">
                                        { if s.grade.is_some() { s.summary.clone() } else { words::AREA_NOT_GIVEN.to_string() } }
                                    </span>
                                </li>
                            }) }
                        </ul>
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

fn grade_class(grade: Option<&str>) -> &'static str {
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
