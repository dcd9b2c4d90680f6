//! The banner shown when the analysis worker crashed: what happened, that the input is safe,
//! and "Try again" / "Copy details".
//!
//! Must not touch the browser: copying goes up through a callback.

use yew::prelude::*;

use super::icons::{icon, Icon};
use crate::ui::state::Action;
use crate::ui::words;

/// The banner's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorBannerProps {
    /// What the browser reported.
    pub message: String,
    /// The details were copied.
    pub copied: bool,
    /// Reducer actions.
    pub act: Callback<Action>,
    /// Copy the details.
    pub copy_details: Callback<()>,
}

/// The banner.
#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let retry = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Retry))
    };
    let copy = {
        let copy = props.copy_details.clone();
        Callback::from(move |_: MouseEvent| copy.emit(()))
    };
    html! {
        <div class="banner banner-critical" data-test="error-banner" role="alert">
            { icon(Icon::Critical, "banner-icon") }
            <div class="banner-body">
                <p class="banner-title">{ words::CRASH_TITLE }</p>
                <p>{ words::CRASH_TEXT }</p>
                <p class="banner-code"><code>{ &props.message }</code></p>
                <div class="banner-actions">
                    <button type="button" class="button button-primary" onclick={retry}>
                        { icon(Icon::Retry, "") }<span>{ words::TRY_AGAIN }</span>
                    </button>
                    <button type="button" class="button" onclick={copy}>
                        { icon(Icon::Copy, "") }
                        <span>{ if props.copied { words::COPIED } else { words::COPY_DETAILS } }</span>
                    </button>
                </div>
            </div>
        </div>
    }
}
