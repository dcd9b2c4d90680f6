//! The masthead: the product name and its promise.
//!
//! Must not depend on the browser or on any state.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::ui::words;

/// The masthead. It holds no links or controls, so the textarea is the first thing the keyboard
/// reaches and no skip link is needed (nor a `#fragment` link, which the share links will own).
#[function_component(Masthead)]
pub fn masthead() -> Html {
    html! {
        <header class="masthead">
            <div class="masthead-inner">
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
