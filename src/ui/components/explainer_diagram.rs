//! The sequence diagram of one act: the lanes (one per actor), then one row per step, each an
//! item of an ordered list that links to its step. Every row is a small SVG of the same width,
//! so the rows stack into one diagram whose lane lines run top to bottom: an arrow between two
//! lanes for a message, a box on one lane for a check. How a message is protected shows twice,
//! as the line's colour and weight and as a text label; optional branches are dashed.
//!
//! The SVGs are `aria-hidden`: each row's link carries the step as text for screen readers, and
//! narrow layouts show that text (from → to chips) instead of the drawing. The step's detail
//! sits inside its row too, shown where the layout is narrow (for the current step) and in
//! print (for every step).
//!
//! Must not depend on the browser: clicks go up as [`ExplainAction`]s.

use yew::prelude::*;

use super::explainer_step::{happened, step_detail, Place};
use crate::analysis::handshake::{
    Act, Actor, Direction, Encryption, Explainer, Fragment, Scenario, Step,
};
use crate::ui::explain_state::ExplainAction;
use crate::ui::route;
use crate::ui::words_explainer as words;

/// The width every row's SVG draws in (it scales to the column).
pub const WIDTH: u32 = 720;
/// The height of one row.
pub const ROW: u32 = 56;
/// Where the arrow runs.
const LINE_Y: u32 = 30;
/// The arrowhead's length and half-width.
const HEAD: (u32, u32) = (11, 5);
/// An average character width of the message label (14 px semibold, set in the CSS), for
/// centring labels without measuring text; a little generous, so labels never clip.
const CHAR_WIDTH: u32 = 8;

/// What one act needs to render.
pub struct ActView<'a> {
    /// The act.
    pub act: &'a Act,
    /// The walk-through it belongs to.
    pub scenario: Scenario,
    /// The position of the act's first step in the walk-through.
    pub first: usize,
    /// How many steps the walk-through has.
    pub total: usize,
    /// The current step's position.
    pub current: usize,
    /// The fragment, for links that keep its other parts.
    pub base: &'a Fragment,
    /// Every walk-through (a summary step links to the one that details it).
    pub explainer: &'a Explainer,
}

/// One act: its heading, lane headers and rows.
pub fn act_view(view: &ActView<'_>, on: &Callback<ExplainAction>) -> Html {
    let act = view.act;
    let heading_id = format!("{}-act-{}", view.scenario.slug(), act.id);
    html! {
        <section class={classes!("walk-act", act.highlight.then_some("is-yours"))}
            aria-labelledby={heading_id.clone()} data-test="act" data-act={act.id.clone()}>
            <h3 class="walk-act-title" id={heading_id}>
                <span>{ &act.title }</span>
                if act.highlight {
                    <span class="walk-badge walk-badge-yours">{ words::YOUR_SITUATION }</span>
                }
            </h3>
            <div class="seq-lanes" aria-hidden="true">
                <span class="seq-gutter"></span>
                <span class={classes!("seq-lane-names", format!("lanes-{}", act.lanes.len()))}>
                    { for act.lanes.iter().map(|actor| html! {
                        <span class={classes!("seq-lane-name", format!("actor-{}", actor_slug(*actor)))}>
                            { actor.label() }
                        </span>
                    }) }
                </span>
            </div>
            <ol class="seq" start={(view.first + 1).to_string()}>
                { for act.steps.iter().enumerate().map(|(i, step)| row(view, view.first + i, step, on)) }
            </ol>
        </section>
    }
}

/// One step's row: the link (number, drawing, chips) and the step's detail.
fn row(view: &ActView<'_>, position: usize, step: &Step, on: &Callback<ExplainAction>) -> Html {
    let act = view.act;
    let current = position == view.current;
    let local = step.local_id().to_string();
    let href = route::step_href(view.base, view.scenario, &local);
    let onclick = {
        let on = on.clone();
        Callback::from(move |e: MouseEvent| {
            // A plain click moves in place; a modified one (new tab, new window) is the
            // browser's.
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                on.emit(ExplainAction::Step(position));
            }
        })
    };
    let happened = happened(step);
    let (yours_label, yours_short) = if happened {
        (words::WHERE_IT_HAPPENED, words::WHERE_IT_HAPPENED_SHORT)
    } else {
        (words::YOURS, words::YOURS_SHORT)
    };
    let badge = classes!(
        "walk-badge",
        "walk-badge-yours",
        happened.then_some("is-happened")
    );
    html! {
        <li id={row_id(step)}
            class={classes!(
                "seq-step",
                format!("enc-{}", step.encrypted.name()),
                current.then_some("is-current"),
                step.highlight.then_some("is-yours"),
                happened.then_some("is-happened"),
                step.optional.then_some("is-optional"),
                (step.direction == Direction::Local).then_some("is-local"),
            )}
            data-test="step" data-step={local.clone()}>
            <a class="seq-link" {href} {onclick}
                aria-label={words::step_label(step, position, view.total)}
                aria-current={current.then_some("step")}>
                <span class="seq-gutter">
                    <span class="seq-number">{ position + 1 }</span>
                    if step.highlight {
                        <span class={classes!(badge.clone(), "seq-yours")} aria-hidden="true">
                            { yours_short }
                        </span>
                    }
                </span>
                { drawing(act, step, current) }
                <span class="seq-chips">
                    <span class="seq-chip-message">{ &step.message }</span>
                    <span class="seq-chip-route">{ words::from_to(step) }</span>
                    <span class={classes!("enc-tag", format!("enc-{}", step.encrypted.name()))}>
                        { words::encryption(step.encrypted) }
                    </span>
                    if step.optional {
                        <span class="walk-badge walk-badge-optional">{ words::OPTIONAL }</span>
                    }
                    if step.highlight {
                        <span class={badge}>{ yours_label }</span>
                    }
                </span>
            </a>
            <div class="seq-detail">
                { step_detail(step, position, view.total, view.explainer, view.base, Place::Row) }
            </div>
        </li>
    }
}

/// The row's SVG: lane lines, then the arrow and its labels, or the box of a local step. The
/// current step's solid lines get `pathLength="1"` so that the CSS can draw them in the
/// direction of travel (dashes would count in that unit too, so dashed lines never do).
fn drawing(act: &Act, step: &Step, current: bool) -> Html {
    let lanes = act.lanes.len().max(1);
    let lane_x = |index: usize| {
        let width = WIDTH as usize;
        u32::try_from((2 * index + 1) * width / (2 * lanes)).unwrap_or(WIDTH / 2)
    };
    let position = |actor| act.lanes.iter().position(|&a| a == actor).unwrap_or(0);
    let from = lane_x(position(step.actor));
    let to = lane_x(position(step.to));
    let lane_lines: String = (0..lanes)
        .map(|i| format!("M{} 0V{ROW}", lane_x(i)))
        .collect();
    let body = if step.direction == Direction::Local || from == to {
        local_box(from, &step.message)
    } else {
        arrow(from, to, step, current && !step.optional)
    };
    html! {
        <svg class="seq-svg" viewBox={format!("0 0 {WIDTH} {ROW}")} aria-hidden="true"
            focusable="false">
            <path class="seq-lane" d={lane_lines} />
            { body }
        </svg>
    }
}

/// An arrow from lane `from` to lane `to`, with the message above and the protection below.
fn arrow(from: u32, to: u32, step: &Step, draw: bool) -> Html {
    let (head_len, head_half) = HEAD;
    // The line stops where the head starts, so a thick line doesn't poke through its tip.
    let (line_end, back) = if to > from {
        (to.saturating_sub(head_len), format!("-{head_len}"))
    } else {
        (to + head_len, head_len.to_string())
    };
    let head = format!("M{to} {LINE_Y}l{back} -{head_half}v{}z", 2 * head_half);
    let middle = (from + to) / 2;
    let enc = words::encryption(step.encrypted);
    let length = draw.then_some("1");
    let drawn = draw.then_some("is-drawn");
    // A whole handshake starts in plaintext and ends protected: two segments.
    let line = if step.encrypted == Encryption::Mixed {
        html! {<>
            <path class={classes!("seq-line", "seq-line-plain", drawn)}
                d={format!("M{from} {LINE_Y}H{middle}")} pathLength={length} />
            <path class={classes!("seq-line", "seq-line-second", drawn)}
                d={format!("M{middle} {LINE_Y}H{line_end}")} pathLength={length} />
        </>}
    } else {
        html! {
            <path class={classes!("seq-line", drawn)} d={format!("M{from} {LINE_Y}H{line_end}")}
                pathLength={length} />
        }
    };
    html! {
        <g class="seq-arrow">
            { line }
            <path class="seq-head" d={head} />
            { label("seq-message", centre(middle, text_width(&step.message)), LINE_Y - 9, &step.message) }
            { label("seq-enc", centre(middle, text_width(enc) * 4 / 5), LINE_Y + 18, enc) }
        </g>
    }
}

/// A check or decision inside one party: a box on its lane.
fn local_box(x: u32, message: &str) -> Html {
    let width = text_width(message) + 28;
    let centre_x = centre(x, width);
    let left = centre_x.saturating_sub(width / 2);
    html! {
        <g class="seq-note">
            <rect class="seq-box" x={left.to_string()} y="12" width={width.to_string()}
                height="32" rx="7" />
            { label("seq-message", centre_x, 33, message) }
        </g>
    }
}

/// A label centred on `x` (the CSS sets `text-anchor: middle`).
fn label(class: &'static str, x: u32, y: u32, text: &str) -> Html {
    html! { <text {class} x={x.to_string()} y={y.to_string()}>{ text }</text> }
}

/// The id of a step's row, `step-<scenario>-<step>`: unique even with several walk-throughs on
/// one page (an embed).
pub fn row_id(step: &Step) -> String {
    format!("step-{}", step.id.replace('/', "-"))
}

/// The estimated width of a label.
fn text_width(text: &str) -> u32 {
    u32::try_from(text.chars().count())
        .unwrap_or(u32::MAX / CHAR_WIDTH)
        .saturating_mul(CHAR_WIDTH)
}

/// `x` moved so that something `width` wide centred on it stays inside the row.
fn centre(x: u32, width: u32) -> u32 {
    let half = width / 2 + 4;
    if half * 2 >= WIDTH {
        WIDTH / 2
    } else {
        x.clamp(half, WIDTH - half)
    }
}

/// An actor's CSS class suffix.
fn actor_slug(actor: Actor) -> &'static str {
    match actor {
        Actor::ClientMta => "client-mta",
        Actor::ServerMta => "server-mta",
        Actor::MailClient => "mail-client",
        Actor::MailServer => "mail-server",
        Actor::Attacker => "attacker",
        Actor::DnsResolver => "dns-resolver",
        Actor::PolicyHost => "policy-host",
        Actor::ReportReceiver => "report-receiver",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_stay_inside_the_row() {
        assert_eq!(centre(10, 100), 54);
        assert_eq!(centre(700, 100), WIDTH - 54);
        assert_eq!(centre(360, 100), 360);
        assert_eq!(centre(100, 2 * WIDTH), WIDTH / 2);
    }
}
