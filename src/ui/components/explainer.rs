//! The explainer page: the walk-through picker, then the index, one walk-through or the TLS 1.2
//! / 1.3 comparison, by route; and the navigation between the checker and the explainer.
//!
//! Must not depend on the browser: everything it shows comes from [`ExplainState`], and moves go
//! up as [`ExplainAction`]s.

use std::rc::Rc;

use yew::prelude::*;

use super::explainer_compare::compare_view;
use super::explainer_walk::WalkthroughView;
use super::{Masthead, StatusFooter};
use crate::analysis::handshake::{Explainer, Fragment, Walkthrough};
use crate::ui::explain_state::{ExplainAction, ExplainState};
use crate::ui::route::{self, Route};
use crate::ui::words_explainer as words;

/// The explainer page's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct ExplainerPageProps {
    /// The explainer's state.
    pub state: Rc<ExplainState>,
    /// Moves, play and pause.
    #[prop_or_default]
    pub on: Callback<ExplainAction>,
}

/// The explainer page: masthead, picker, the view the route opens, footer.
#[function_component(ExplainerPage)]
pub fn explainer_page(props: &ExplainerPageProps) -> Html {
    let state = &props.state;
    let explainer = state.explainer();
    let route = state.route();
    let base = &state.fragment;
    let body = match route {
        Route::Walkthrough { scenario, position } => html! {
            <WalkthroughView explainer={explainer.clone()} {scenario} {position}
                playing={state.playing} base={base.clone()} on={props.on.clone()} />
        },
        Route::Compare => compare_view(&explainer, base),
        Route::Index | Route::Report => index_view(&explainer, base),
    };
    html! {
        <div class="page explainer-page">
            <Masthead />
            <main class="content explainer" id="main" data-test="explainer">
                { picker(&explainer, base, route) }
                { body }
            </main>
            <StatusFooter elapsed={None} analysing={false} />
        </div>
    }
}

/// The navigation's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct ExplainerNavProps {
    /// The URL fragment, so that links keep its other parts.
    pub base: Fragment,
    /// The explainer is open.
    pub explaining: bool,
}

/// "Check | How it works": the two views, as links (the fragment decides the view).
#[function_component(ExplainerNav)]
pub fn explainer_nav(props: &ExplainerNavProps) -> Html {
    let current = |on: bool| on.then_some("page");
    html! {
        <div class="site-nav-frame">
            <nav class="site-nav" aria-label={words::NAV_LABEL}>
                <a href={route::report_href(&props.base)} class="site-nav-link"
                    aria-current={current(!props.explaining)} data-test="nav-check">
                    { words::NAV_CHECK }
                </a>
                <a href={route::index_href(&props.base)} class="site-nav-link"
                    aria-current={current(props.explaining)} data-test="nav-explain">
                    { words::NAV_EXPLAIN }
                </a>
            </nav>
        </div>
    }
}

/// The walk-throughs and the comparison, as links; the open one is marked.
fn picker(explainer: &Explainer, base: &Fragment, route: Route) -> Html {
    let open = match route {
        Route::Walkthrough { scenario, .. } => Some(scenario),
        _ => None,
    };
    html! {
        <nav class="walk-picker" aria-label={words::PICKER_LABEL} data-test="picker">
            <ul>
                <li>
                    <a href={route::index_href(base)} class="walk-pick"
                        aria-current={(route == Route::Index).then_some("page")}>
                        { words::PICKER_ALL }
                    </a>
                </li>
                { for explainer.walkthroughs.iter().map(|w| html! {
                    <li>
                        <a href={route::scenario_href(base, w.scenario)}
                            class={classes!("walk-pick", yours(w).then_some("is-yours"))}
                            aria-current={(open == Some(w.scenario)).then_some("page")}
                            data-scenario={w.scenario.slug()}>
                            { words::scenario_short(w.scenario) }
                        </a>
                    </li>
                }) }
                <li>
                    <a href={route::compare_href(base)} class="walk-pick"
                        aria-current={(route == Route::Compare).then_some("page")}
                        data-scenario="compare">
                        { words::COMPARE_SHORT }
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// Every walk-through as a card, and the comparison.
fn index_view(explainer: &Explainer, base: &Fragment) -> Html {
    let personal = explainer.walkthroughs.iter().any(|w| !w.example);
    html! {
        <section class="walk-index" data-test="index" aria-labelledby="index-title">
            <header class="walk-head">
                <h2 class="walk-title" id="index-title">{ words::INDEX_TITLE }</h2>
                <p class="walk-summary">{ words::INDEX_INTRO }</p>
                <aside class={classes!("walk-notes", if personal { "is-personal" } else { "is-example" })}>
                    if personal {
                        <p>{ words::INDEX_PERSONAL }</p>
                    } else {
                        <p>
                            { words::INDEX_EXAMPLE }{ " " }
                            <a href={route::report_href(base)}>{ words::PASTE_YOURS }{ " \u{2192}" }</a>
                        </p>
                    }
                </aside>
            </header>
            <ul class="walk-cards">
                { for explainer.walkthroughs.iter().map(|w| html! {
                    <li class={classes!("walk-card", yours(w).then_some("is-yours"))}
                        data-test="walk-card" data-scenario={w.scenario.slug()}>
                        <h3 class="walk-card-title">
                            <a href={route::scenario_href(base, w.scenario)}>{ &w.title }</a>
                        </h3>
                        <p class="walk-card-summary">{ &w.summary }</p>
                        <p class="walk-card-meta">
                            <span>{ words::step_count(w.steps().count()) }</span>
                            if yours(w) {
                                <span class="walk-badge walk-badge-yours">{ words::YOURS }</span>
                            }
                        </p>
                    </li>
                }) }
                <li class="walk-card" data-test="walk-card" data-scenario="compare">
                    <h3 class="walk-card-title">
                        <a href={route::compare_href(base)}>{ words::COMPARE_TITLE }</a>
                    </h3>
                    <p class="walk-card-summary">{ words::COMPARE_INTRO }</p>
                </li>
            </ul>
        </section>
    }
}

/// True when the reader's own data shows in a walk-through's steps.
fn yours(walkthrough: &Walkthrough) -> bool {
    !walkthrough.example && walkthrough.steps().any(|step| step.highlight)
}
