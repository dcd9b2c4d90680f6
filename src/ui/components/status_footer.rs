//! The footer: how long the analysis took, and the privacy line.
//!
//! Must not depend on the browser.

use yew::prelude::*;

use crate::ui::words;

/// The footer's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct StatusFooterProps {
    /// The worker's time for the shown report, if there is one.
    pub elapsed_ms: Option<f64>,
    /// A newer request is out.
    pub analysing: bool,
}

/// The footer.
#[function_component(StatusFooter)]
pub fn status_footer(props: &StatusFooterProps) -> Html {
    html! {
        <footer class="footer">
            <div class="footer-inner">
                <p class="status" role="status">
                    if let Some(ms) = props.elapsed_ms {
                        <span data-test="elapsed">{ words::elapsed(ms) }</span>
                    }
                    if props.analysing {
                        <span class="status-busy">{ words::ANALYSING }</span>
                    }
                </p>
                <p class="privacy">{ words::PRIVACY }</p>
                <p class="footnote">{ words::FOOTER_NOTE }</p>
            </div>
        </footer>
    }
}
