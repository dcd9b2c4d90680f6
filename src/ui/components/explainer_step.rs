//! One step in full: the message's name in the RFC's words, who sends it to whom, how it is
//! protected, the reader's own notes, what it carries (field and extension names as the RFCs
//! write them), the explanation, the references (as text, never links) and, for a summary step,
//! the link to the walk-through that shows it message by message.
//!
//! Must not depend on the browser.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::analysis::handshake::{Encryption, Explainer, Fragment, Scenario, Step};
use crate::ui::route;
use crate::ui::words_explainer as words;

/// Where a step's detail is shown: beside the diagram (the current step), or inside its row
/// (narrow layouts and print).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The panel beside the diagram, with the step's name as an `h3`.
    Panel,
    /// Inside the step's row in the list, which names the step already.
    Row,
}

/// The detail of `step`, at `position` of the `total` steps of its walk-through.
pub fn step_detail(
    step: &Step,
    position: usize,
    total: usize,
    explainer: &Explainer,
    base: &Fragment,
    place: Place,
) -> Html {
    let note_heading = match place {
        Place::Panel => "h4",
        Place::Row => "h5",
    };
    let refs = step
        .refs
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(" · ");
    let local = step.encrypted == Encryption::NotOnWire;
    let expands = step.expands.map(|scenario| {
        let title = explainer
            .walkthrough(scenario)
            .map_or_else(|| scenario.slug().to_string(), |w| w.title.clone());
        (route::scenario_href(base, scenario), words::expands(&title))
    });
    let happened = happened(step);
    let yours = if happened {
        words::WHERE_IT_HAPPENED
    } else {
        words::YOURS
    };
    html! {
        <article class={classes!("step-detail", step.highlight.then_some("is-yours"))}
            data-test={(place == Place::Panel).then_some("step-detail")}>
            // In its row, the row already names the step and how it is protected.
            if place == Place::Panel {
                <p class="step-kicker">
                    <span>{ words::step_of(position, total) }</span>
                    <span class="step-route">{ words::from_to(step) }</span>
                </p>
                <h3 class="step-message">{ &step.message }</h3>
                <p class="step-tags">
                    { enc_tag(step.encrypted) }
                    if step.optional {
                        <span class="walk-badge walk-badge-optional">{ words::OPTIONAL }</span>
                    }
                    if step.highlight {
                        <span class={classes!("walk-badge", "walk-badge-yours", happened.then_some("is-happened"))}>
                            { yours }
                        </span>
                    }
                </p>
            }
            if !step.personal.is_empty() {
                <aside class="step-personal" data-test="personal">
                    <@{note_heading} class="step-personal-title">{ words::IN_YOUR_MAIL }</@>
                    { for step.personal.iter().map(|note| html! { <p>{ note }</p> }) }
                </aside>
            }
            <p class="step-explanation">{ &step.explanation }</p>
            if step.optional {
                <p class="step-optional hint">{ words::OPTIONAL_NOTE }</p>
            }
            if !step.contents.is_empty() {
                <div class="step-contents">
                    <p class="step-label">{ if local { words::CONTENTS_LOCAL } else { words::CONTENTS } }</p>
                    <dl>
                        { for step.contents.iter().map(|field| html! {
                            <div class="step-field">
                                <dt><code>{ &field.name }</code></dt>
                                <dd>{ &field.value }</dd>
                            </div>
                        }) }
                    </dl>
                </div>
            }
            <p class="step-protection hint">{ words::encryption_meaning(step.encrypted) }</p>
            <p class="refs" data-test="refs">
                <strong>{ words::REFERENCES }{ ": " }</strong>{ refs }
            </p>
            if let Some((href, text)) = expands {
                <p class="step-expands"><a {href} data-test="expands">{ text }{ " \u{2192}" }</a></p>
            }
        </article>
    }
}

/// True for the downgrade's step where the reader's plaintext hop happened (other highlighted
/// plaintext steps, such as a ServerHello of the reader's encrypted hop, are plaintext by
/// design).
pub fn happened(step: &Step) -> bool {
    step.highlight
        && step.encrypted == Encryption::Plaintext
        && step.id.split('/').next() == Some(Scenario::Downgrade.slug())
}

/// The protection as a tag: a lock (closed for the session's own keys, open for plaintext) and
/// the words, so colour is never the only sign.
pub fn enc_tag(encryption: Encryption) -> Html {
    let which = match encryption {
        Encryption::Plaintext => Some(Icon::LockOpen),
        Encryption::NotOnWire => None,
        _ => Some(Icon::LockClosed),
    };
    html! {
        <span class={classes!("enc-tag", format!("enc-{}", encryption.name()))}>
            if let Some(which) = which {
                { icon(which, "enc-icon") }
            }
            { words::encryption(encryption) }
        </span>
    }
}
