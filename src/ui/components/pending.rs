//! The placeholder shown while the first analysis of an input is on its way, including the one
//! time the worker loads.
//!
//! Must not touch the browser.

use yew::prelude::*;

use crate::ui::state::Engine;
use crate::ui::words;

/// The placeholder's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct PendingProps {
    /// The worker's state.
    pub engine: Engine,
}

/// The placeholder.
#[function_component(Pending)]
pub fn pending(props: &PendingProps) -> Html {
    let starting = props.engine != Engine::Ready;
    html! {
        <section class="card pending" role="status" data-test="pending">
            <span class="spinner" aria-hidden="true"></span>
            <div>
                <p class="pending-title">
                    { if starting { words::STARTING } else { words::ANALYSING } }
                </p>
                if starting {
                    <p class="hint">{ words::STARTING_HINT }</p>
                }
            </div>
        </section>
    }
}
