//! TLS 1.2 and TLS 1.3 side by side: one row per pair of messages that do the same job (from
//! `handshake::side_by_side`), each linking to its step, with what differs.
//!
//! Must not depend on the browser.

use yew::prelude::*;

use super::explainer_step::enc_tag;
use crate::analysis::handshake::{Explainer, Fragment, Scenario};
use crate::ui::route;
use crate::ui::words_explainer as words;

/// The comparison.
pub fn compare_view(explainer: &Explainer, base: &Fragment) -> Html {
    let cell = |scenario: Scenario, local: Option<&str>, column: &'static str| {
        let step = local.and_then(|local| {
            explainer
                .walkthrough(scenario)?
                .steps()
                .find(|step| step.local_id() == local)
        });
        match step {
            Some(step) => html! {
                <td class={classes!("compare-cell", step.optional.then_some("is-optional"))}
                    data-label={column}>
                    <a href={route::step_href(base, scenario, step.local_id())} class="compare-step">
                        <span class="compare-message">{ &step.message }</span>
                    </a>
                    { enc_tag(step.encrypted) }
                    if step.optional {
                        <span class="walk-badge walk-badge-optional">{ words::OPTIONAL }</span>
                    }
                </td>
            },
            None => html! {
                <td class="compare-cell is-empty" data-label={column}>
                    <span class="muted" aria-hidden="true">{ words::COMPARE_NONE }</span>
                    <span class="visually-hidden">{ words::COMPARE_NONE_SPOKEN }</span>
                </td>
            },
        }
    };
    let [tls12, tls13, differs] = words::COMPARE_COLUMNS;
    html! {
        <section class="walk-compare" data-test="compare" aria-labelledby="compare-title">
            <header class="walk-head">
                <h2 class="walk-title" id="compare-title">{ words::COMPARE_TITLE }</h2>
                <p class="walk-summary">{ words::COMPARE_INTRO }</p>
            </header>
            <table class="walk-compare-table">
                <thead>
                    <tr>
                        <th scope="col">{ tls12 }</th>
                        <th scope="col">{ tls13 }</th>
                        <th scope="col">{ differs }</th>
                    </tr>
                </thead>
                <tbody>
                    { for explainer.side_by_side.iter().map(|row| html! {
                        <tr data-test="compare-row">
                            { cell(Scenario::Tls12, row.tls12.as_deref(), tls12) }
                            { cell(Scenario::Tls13, row.tls13.as_deref(), tls13) }
                            <td class="compare-note" data-label={differs}>{ &row.note }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
