//! One walk-through, whole: its title and summary, the reader's notes, the controls, the current
//! step's detail, the sequence diagram of each act and how it ends. It is the part of the
//! explainer that can render alone (an embed: one scenario, minimal chrome, any width): its
//! layout follows its own width (CSS container queries), not the window's.
//!
//! To embed one walk-through (issue 6's `embed.html?view=handshake&scenario=…`), render
//! `<WalkthroughView explainer={explain_state::example()} scenario={…} standalone=true … />`
//! with the position and callback of an `ExplainState` opened at `#explain/<scenario>`, and
//! `web::use_explainer_browser` for its keys, URL and play timer.
//!
//! Must not depend on the browser: moves go up as [`ExplainAction`]s; `ui/web.rs` turns keys,
//! the play timer and the URL into the same actions.

use std::rc::Rc;

use yew::prelude::*;

use super::explainer_controls::controls;
use super::explainer_diagram::{act_view, ActView};
use super::explainer_step::{enc_tag, step_detail, Place};
use crate::analysis::handshake::{Ending, Explainer, Fragment, Scenario};
use crate::ui::explain_state::ExplainAction;
use crate::ui::route;
use crate::ui::words_explainer as words;

/// The walk-through's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct WalkthroughProps {
    /// Every walk-through (the reader's, or the example); shared.
    pub explainer: Rc<Explainer>,
    /// The one to show.
    pub scenario: Scenario,
    /// The current step's position in it.
    #[prop_or_default]
    pub position: usize,
    /// Steps advance by themselves.
    #[prop_or_default]
    pub playing: bool,
    /// The URL fragment, so that links keep its other parts (the share payload).
    #[prop_or_default]
    pub base: Fragment,
    /// Moves, play and pause.
    #[prop_or_default]
    pub on: Callback<ExplainAction>,
    /// Alone on a page (an embed): no link back to the checker.
    #[prop_or_default]
    pub standalone: bool,
}

/// The walk-through view.
#[function_component(WalkthroughView)]
pub fn walkthrough_view(props: &WalkthroughProps) -> Html {
    let Some(walkthrough) = props.explainer.walkthrough(props.scenario) else {
        return html! {};
    };
    let steps: Vec<_> = walkthrough.steps().collect();
    let total = steps.len();
    let position = props.position.min(total.saturating_sub(1));
    let Some(current) = steps.get(position).copied() else {
        return html! {};
    };
    let on = &props.on;

    let mut first = 0;
    let acts = walkthrough.acts.iter().map(|act| {
        let view = ActView {
            act,
            scenario: walkthrough.scenario,
            first,
            total,
            current: position,
            base: &props.base,
            explainer: &props.explainer,
        };
        first += act.steps.len();
        act_view(&view, on)
    });
    let acts: Html = acts.collect();

    let (notes_title, notes_class) = if walkthrough.example {
        (words::EXAMPLE, "is-example")
    } else {
        (words::FROM_YOUR_DATA, "is-personal")
    };
    let outcome = &walkthrough.outcome;
    let outcome_refs = outcome
        .refs
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(" · ");
    let ending = format!("ending-{}", ending_slug(outcome.ending));
    let title_id = format!("walk-{}-title", walkthrough.scenario.slug());
    let outcome_id = format!("walk-{}-outcome", walkthrough.scenario.slug());

    html! {
        <article class={classes!("walk", props.standalone.then_some("is-standalone"))}
            data-test="walkthrough" data-scenario={walkthrough.scenario.slug()}
            aria-labelledby={title_id.clone()}>
            <header class="walk-head">
                <h2 class="walk-title" id={title_id}>{ &walkthrough.title }</h2>
                <p class="walk-summary">{ &walkthrough.summary }</p>
                if !walkthrough.personal.is_empty() {
                    <aside class={classes!("walk-notes", notes_class)} data-test="walk-notes">
                        <h3 class="walk-notes-title">{ notes_title }</h3>
                        { for walkthrough.personal.iter().map(|note| html! { <p>{ note }</p> }) }
                        if walkthrough.example && !props.standalone {
                            <p><a href={route::report_href(&props.base)}>{ words::PASTE_YOURS }{ " \u{2192}" }</a></p>
                        }
                    </aside>
                }
            </header>
            <div class="walk-body">
                <div class="walk-side">
                    { controls(position, total, props.playing, on) }
                    <section class="walk-panel" aria-label={words::step_of(position, total)}>
                        { step_detail(current, position, total, &props.explainer, &props.base, Place::Panel) }
                    </section>
                </div>
                <div class="walk-diagram">
                    { legend() }
                    { acts }
                </div>
            </div>
            <section class={classes!("walk-outcome", ending)} data-test="outcome"
                aria-labelledby={outcome_id.clone()}>
                <h3 class="walk-outcome-head" id={outcome_id}>
                    <span class="walk-outcome-kicker">{ words::OUTCOME }</span>
                    <span class="walk-badge walk-badge-ending">{ words::ending(outcome.ending) }</span>
                    <span class="walk-outcome-title">{ &outcome.title }</span>
                </h3>
                <p>{ &outcome.text }</p>
                if !outcome.personal.is_empty() {
                    <aside class="step-personal" data-test="outcome-personal">
                        <h4 class="step-personal-title">{ words::IN_YOUR_MAIL }</h4>
                        { for outcome.personal.iter().map(|note| html! { <p>{ note }</p> }) }
                    </aside>
                }
                <p class="refs"><strong>{ words::REFERENCES }{ ": " }</strong>{ outcome_refs }</p>
            </section>
            <p class="visually-hidden" aria-live="polite" data-test="announce">
                { words::announce(current, position, total) }
            </p>
        </article>
    }
}

/// How to read the diagram: a sample line for each kind of protection (drawn by the CSS), and
/// what dashes and boxes mean.
fn legend() -> Html {
    let item = |class: String, tag: Html, meaning: &'static str| {
        html! {
            <li class={classes!("walk-legend-item", class)}>
                <span class="walk-legend-line" aria-hidden="true"></span>
                { tag }
                <span class="walk-legend-meaning">{ meaning }</span>
            </li>
        }
    };
    html! {
        <details class="walk-legend">
            <summary>{ words::LEGEND_TITLE }</summary>
            <ul class="walk-legend-list">
                { for words::ENCRYPTIONS.into_iter().map(|encryption| item(
                    format!("enc-{}", encryption.name()),
                    enc_tag(encryption),
                    words::encryption_meaning(encryption),
                )) }
                { item("is-optional".into(), html! {}, words::LEGEND_OPTIONAL) }
                { item("is-local".into(), html! {}, words::LEGEND_LOCAL) }
            </ul>
        </details>
    }
}

/// An ending's CSS class suffix.
fn ending_slug(ending: Ending) -> &'static str {
    match ending {
        Ending::Encrypted => "encrypted",
        Ending::Plaintext => "plaintext",
        Ending::Deferred => "deferred",
        Ending::Bounced => "bounced",
        Ending::Informational => "informational",
    }
}
