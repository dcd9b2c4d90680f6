//! The empty state: what mailtls does, how to get a message's full header, and an example of
//! each kind (the whole-domain ones first; the menu has them all).
//!
//! Must not touch the browser.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::ui::samples::{in_group, Group, SAMPLES};
use crate::ui::state::Action;
use crate::ui::words;

/// The empty state's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct EmptyStateProps {
    /// Reducer actions (an example button picks that example).
    pub act: Callback<Action>,
}

/// The empty state.
#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    html! {
        <section class="card empty" aria-labelledby="empty-title" data-test="empty">
            <div class="empty-lead">
                <h2 id="empty-title">{ words::EMPTY_TITLE }</h2>
                <p>{ words::EMPTY_INTRO }</p>
                <p class="empty-privacy">{ icon(Icon::Shield, "") }<span>{ words::EMPTY_PRIVACY }</span></p>
            </div>
            <div class="empty-grid">
                <div>
                    <h3>{ words::HOWTO_TITLE }</h3>
                    <dl class="howto">
                        { for words::HOWTO.iter().map(|(client, steps)| html! {<>
                            <dt>{ *client }</dt>
                            <dd>{ *steps }</dd>
                        </>}) }
                    </dl>
                </div>
                <div class="empty-examples">
                    <h3>{ words::EMPTY_EXAMPLES }</h3>
                    <ul class="example-list">
                        { for SAMPLES.iter().filter(|s| shown(s.id)).map(|s| {
                            let act = props.act.clone();
                            let id = s.id;
                            let onclick = Callback::from(move |_: MouseEvent| {
                                act.emit(Action::PickExample(id.to_string()));
                            });
                            html! {
                                <li><button type="button" class="example-button" {onclick}
                                    data-example={s.id}>
                                    <span class="example-group">{ s.group.label() }</span>
                                    <span class="example-label">{ s.label }</span>
                                </button></li>
                            }
                        }) }
                    </ul>
                    <ul class="legend">
                        <li>{ icon(Icon::LockClosed, "is-yes") }<span>{ words::encrypted_alt(Some(true)) }</span></li>
                        <li>{ icon(Icon::LockOpen, "is-no") }<span>{ words::encrypted_alt(Some(false)) }</span></li>
                        <li>{ icon(Icon::Unknown, "is-unknown") }<span>{ words::encrypted_alt(None) }</span></li>
                    </ul>
                </div>
            </div>
        </section>
    }
}

/// The examples listed here: every whole-domain one, then the first of each kind.
fn shown(id: &str) -> bool {
    Group::ALL.iter().any(|&g| {
        if g == Group::WholeDomain {
            in_group(g).any(|s| s.id == id)
        } else {
            in_group(g).next().is_some_and(|s| s.id == id)
        }
    })
}
