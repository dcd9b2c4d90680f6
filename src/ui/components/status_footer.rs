//! The footer: how long the analysis took (and, the one time it happened, how long the analyser
//! took to load first), a button for the keyboard shortcuts, and the privacy line.
//!
//! Must not depend on the browser.

use yew::prelude::*;

use crate::ui::state::{Action, Engine};
use crate::ui::words;

/// The footer's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct StatusFooterProps {
    /// The worker's time for the shown report, and how long that analysis waited for the
    /// worker to start (only the first one does), if there is a report.
    pub elapsed: Option<(f64, Option<f64>)>,
    /// A newer request is out.
    pub analysing: bool,
    /// The worker's state.
    #[prop_or_default]
    pub engine: Engine,
    /// Reducer actions (the shortcuts button).
    #[prop_or_default]
    pub act: Callback<Action>,
}

/// The footer.
#[function_component(StatusFooter)]
pub fn status_footer(props: &StatusFooterProps) -> Html {
    let open_help = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Help(true)))
    };
    let busy = if props.engine == Engine::Starting {
        words::STARTING
    } else {
        words::ANALYSING
    };
    html! {
        <footer class="footer">
            <div class="footer-inner">
                <p class="status" role="status">
                    if let Some((ms, startup)) = props.elapsed {
                        <span data-test="elapsed" data-first={startup.is_some().to_string()}>
                            { match startup {
                                Some(startup) => words::elapsed_first(ms, startup),
                                None => words::elapsed(ms),
                            } }
                        </span>
                    }
                    if props.analysing {
                        <span class="status-busy">{ busy }</span>
                    }
                </p>
                <p class="privacy">{ words::PRIVACY }</p>
                <p class="footnote">
                    { words::FOOTER_NOTE }
                    { " " }
                    <button type="button" class="link-button" id="open-shortcuts" onclick={open_help}>
                        { words::SHORTCUTS_HINT }
                    </button>
                    <kbd class="footer-key" aria-hidden="true">{ "?" }</kbd>
                </p>
            </div>
        </footer>
    }
}
