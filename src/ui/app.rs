//! The app: holds the [`State`] in a reducer and renders the [`Page`]. In the browser it also
//! connects to `ui/web.rs` for the worker, files, storage and clipboard; natively (SSR tests)
//! the page is inert.
//!
//! Must not touch the browser itself.

use yew::prelude::*;

use super::components::{Handlers, Page};
use super::state::State;

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let handlers = use_handlers(&state);
    html! { <Page state={std::rc::Rc::new((*state).clone())} {handlers} /> }
}

#[cfg(feature = "web")]
#[hook]
fn use_handlers(state: &UseReducerHandle<State>) -> Handlers {
    super::web::use_browser(state)
}

#[cfg(not(feature = "web"))]
#[hook]
fn use_handlers(state: &UseReducerHandle<State>) -> Handlers {
    let dispatcher = state.dispatcher();
    Handlers {
        act: Callback::from(move |action| dispatcher.dispatch(action)),
        ..Handlers::default()
    }
}
