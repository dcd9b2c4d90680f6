//! The app: holds the [`State`] in a reducer and renders the [`Page`]. In the browser it also
//! connects to `ui/web.rs` for the worker, files, storage and clipboard; natively (SSR tests)
//! the page is inert.
//!
//! Must not touch the browser itself.

use std::rc::Rc;

use yew::prelude::*;

use super::components::{ExplainerNav, ExplainerPage, Handlers, Page};
use super::explain_state::{ExplainAction, ExplainState};
use super::state::State;

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    let handlers = use_handlers(&state);
    let (explain, on_explain) = use_explainer(&state);
    let explaining = explain.route().is_explainer();
    html! {<>
        <ExplainerNav base={explain.fragment.clone()} {explaining} />
        if explaining {
            <ExplainerPage state={explain} on={on_explain} />
        } else {
            <Page state={Rc::new((*state).clone())} {handlers} />
        }
    </>}
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

// --- The handshake explainer (issue 5) ---------------------------------------------------------

/// The explainer's state, as shown, and its callback: opened at the URL's fragment, fed the
/// latest report's walk-throughs, and, in the browser, kept in step with the URL, the arrow keys
/// and the play timer.
///
/// The walk-throughs shown are always the latest report's; the reducer gets them (for its moves)
/// only while the explainer is open, so a reply on the report page costs no second render.
#[hook]
fn use_explainer(state: &UseReducerHandle<State>) -> (Rc<ExplainState>, Callback<ExplainAction>) {
    let explain = use_reducer(|| ExplainState::from_url(&initial_fragment()));
    let personal = state
        .outcome
        .as_ref()
        .filter(|_| state.has_input())
        .map(|outcome| outcome.report.explainer.clone());
    let explaining = explain.route().is_explainer();
    {
        let dispatcher = explain.dispatcher();
        use_effect_with(
            (personal.clone(), explaining),
            move |(personal, explaining)| {
                if *explaining {
                    dispatcher.dispatch(ExplainAction::Data(personal.clone()));
                }
            },
        );
    }
    use_explainer_browser(&explain);
    // Made once, so the explainer's components see equal props between renders.
    let on = {
        let dispatcher = explain.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let shown = explain
        .apply(ExplainAction::Data(personal))
        .unwrap_or_else(|| (*explain).clone());
    (Rc::new(shown), on)
}

#[cfg(feature = "web")]
fn initial_fragment() -> String {
    super::web::location_hash()
}

#[cfg(not(feature = "web"))]
fn initial_fragment() -> String {
    String::new()
}

#[cfg(feature = "web")]
#[hook]
fn use_explainer_browser(explain: &UseReducerHandle<ExplainState>) {
    super::web::use_explainer_browser(explain);
}

#[cfg(not(feature = "web"))]
#[hook]
fn use_explainer_browser(explain: &UseReducerHandle<ExplainState>) {
    // Natively (SSR) there is no URL, keyboard or timer to follow.
    let _ = explain;
}
