//! The banner by the input for `INPUT_*` findings: the input (or part of it) could not be read.
//! It says so plainly instead of leaving the page blank.
//!
//! Must not depend on the browser.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::analysis::Finding;
use crate::ui::words;

/// The banner's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct InputProblemProps {
    /// The `INPUT_*` findings.
    pub findings: Vec<Finding>,
}

/// The banner.
#[function_component(InputProblem)]
pub fn input_problem(props: &InputProblemProps) -> Html {
    html! {
        <div class="banner banner-warning" data-test="input-problem" role="status"
            aria-label={words::INPUT_PROBLEM_TITLE}>
            { icon(Icon::Warning, "banner-icon") }
            <div class="banner-body">
                { for props.findings.iter().map(|f| html! {
                    <div class="banner-item" data-code={f.code.clone()}>
                        <p class="banner-title">{ &f.title }</p>
                        <p>{ &f.detail }</p>
                        if !f.fix.is_empty() {
                            <p class="banner-fix"><strong>{ words::FIX }{ ": " }</strong>{ &f.fix }</p>
                        }
                    </div>
                }) }
            </div>
        </div>
    }
}
