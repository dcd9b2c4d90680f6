//! The step controls: first, back, play or pause, next, last, where we are, and the keys.
//!
//! Must not depend on the browser: buttons send [`ExplainAction`]s. At either end the buttons
//! stay focusable and say `aria-disabled` (a disabled button would drop the keyboard focus).

use yew::prelude::*;

use crate::ui::explain_state::{ExplainAction, Move};
use crate::ui::words_explainer as words;

/// The controls for step `position` of `total`.
pub fn controls(
    position: usize,
    total: usize,
    playing: bool,
    on: &Callback<ExplainAction>,
) -> Html {
    let last = total.saturating_sub(1);
    let button = |action: ExplainAction,
                  label: &'static str,
                  glyph: Html,
                  show_label: bool,
                  at_end: bool,
                  test: &'static str| {
        let on = on.clone();
        let onclick = Callback::from(move |_: MouseEvent| on.emit(action.clone()));
        html! {
            <button type="button" class={classes!("button", "walk-button", (!show_label).then_some("icon-only"))}
                {onclick} title={label} aria-label={(!show_label).then_some(label)}
                aria-disabled={at_end.then_some("true")} data-test={test}>
                { glyph }
                if show_label {
                    <span class="walk-button-label">{ label }</span>
                }
            </button>
        }
    };
    let (play_action, play_label, play_glyph) = if playing {
        (ExplainAction::Pause, words::PAUSE, glyph(Glyph::Pause))
    } else {
        (ExplainAction::Play, words::PLAY, glyph(Glyph::Play))
    };
    html! {
        <div class="walk-controls" role="group" aria-label={words::CONTROLS_LABEL} data-test="controls">
            <div class="walk-buttons">
                { button(ExplainAction::Go(Move::First), words::FIRST, glyph(Glyph::First), false,
                    position == 0, "first") }
                { button(ExplainAction::Go(Move::Back), words::BACK, glyph(Glyph::Back), true,
                    position == 0, "back") }
                { button(play_action, play_label, play_glyph, true, false, "play") }
                { button(ExplainAction::Go(Move::Next), words::NEXT, glyph(Glyph::Next), true,
                    position >= last, "next") }
                { button(ExplainAction::Go(Move::Last), words::LAST, glyph(Glyph::Last), false,
                    position >= last, "last") }
            </div>
            <div class="walk-where">
                <span class="walk-position" data-test="position">{ words::step_of(position, total) }</span>
                <progress class="walk-progress" max={total.max(1).to_string()}
                    value={(position + 1).min(total).to_string()} aria-hidden="true"></progress>
                <span class="walk-keys hint">{ words::KEYS_HINT }</span>
            </div>
        </div>
    }
}

/// The controls' small drawings.
#[derive(Clone, Copy)]
enum Glyph {
    First,
    Back,
    Play,
    Pause,
    Next,
    Last,
}

/// A control's drawing, 24×24, in `currentColor`.
fn glyph(which: Glyph) -> Html {
    let body = match which {
        Glyph::First => html! {<><path d="M6 6v12" /><path d="M17 6l-7 6 7 6" /></>},
        Glyph::Back => html! { <path d="M15 6l-6 6 6 6" /> },
        Glyph::Play => html! { <path class="glyph-fill" d="M8 5.5v13l10.5-6.5z" /> },
        Glyph::Pause => html! {<><path d="M9 6v12" /><path d="M15 6v12" /></>},
        Glyph::Next => html! { <path d="M9 6l6 6-6 6" /> },
        Glyph::Last => html! {<><path d="M18 6v12" /><path d="M7 6l7 6-7 6" /></>},
    };
    html! {
        <svg class="icon walk-glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
            stroke-linejoin="round">
            { body }
        </svg>
    }
}
