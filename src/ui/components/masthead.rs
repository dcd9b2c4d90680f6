//! The masthead: the product name and its promise.
//!
//! Must not depend on the browser or on any state.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::ui::words;

/// The masthead.
#[function_component(Masthead)]
pub fn masthead() -> Html {
    html! {
        <header class="masthead">
            <div class="masthead-inner">
                <a class="skip-link" href="#input">{ "Skip to the input" }</a>
                <div class="brand">
                    { icon(Icon::Mark, "brand-mark") }
                    <span class="brand-name">{ words::PRODUCT }</span>
                </div>
                <p class="tagline">
                    { icon(Icon::Shield, "tagline-icon") }
                    <span>{ words::TAGLINE }</span>
                </p>
            </div>
        </header>
    }
}
