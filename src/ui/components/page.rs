//! The whole page as a function of the [`State`]: masthead, input card, banners, results or the
//! empty state, and the footer. The SSR tests render this component directly.
//!
//! Must not touch the browser: events go up through [`Handlers`], which `app.rs` wires to the
//! reducer and to `ui/web.rs`.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    CommandsPanel, EmptyState, ErrorBanner, FindingList, HopTable, InputCard, Masthead,
    MessageContext, Pending, PolicyPanel, RecordsPanel, SClientView, StatusFooter, TlsRptView,
    Verdict,
};
use crate::analysis::Kind;
use crate::ui::state::{Action, State};
use crate::ui::words;

/// The page's callbacks. Raw browser events go to `app.rs`, which reads them through
/// `ui/web.rs`; everything else is an [`Action`] for the reducer.
#[derive(Clone, Default, PartialEq)]
pub struct Handlers {
    /// Pure actions (toggle a hop, pick an example, clear…).
    pub act: Callback<Action>,
    /// The textarea's `input` event.
    pub text_input: Callback<InputEvent>,
    /// The MX field's `input` event.
    pub mx_input: Callback<InputEvent>,
    /// The examples menu's `change` event.
    pub example: Callback<Event>,
    /// The file picker's `change` event.
    pub file_pick: Callback<Event>,
    /// `dragenter`, `dragover` and `drop` anywhere on the page.
    pub drag: Callback<DragEvent>,
    /// "Copy details" in the crash banner.
    pub copy_details: Callback<()>,
    /// A copy button in the detail panels: (key, text to copy).
    pub copy: Callback<(String, String)>,
}

/// The page's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct PageProps {
    /// The state.
    pub state: Rc<State>,
    /// The callbacks.
    #[prop_or_default]
    pub handlers: Handlers,
}

/// The page.
#[function_component(Page)]
pub fn page(props: &PageProps) -> Html {
    let state = &props.state;
    let handlers = &props.handlers;
    let act = handlers.act.clone();

    // `ui/web.rs` decides which drags are file drops (only those show the overlay and are
    // taken over; dragging text within the textarea keeps its normal behaviour).
    let ondrag = handlers.drag.clone();
    let onoverlayleave = {
        let act = act.clone();
        Callback::from(move |_: DragEvent| act.emit(Action::Dragging(false)))
    };

    let report = state.outcome.as_ref().map(|o| o.report.clone());
    let kind = state.kind();
    let shows_headers =
        kind == Some(Kind::Headers) || report.as_ref().is_some_and(|r| r.path.is_some());

    // Nothing but "couldn't read this" (the banner by the input says so): show the help again
    // rather than an empty page.
    let unread = report.as_ref().is_some_and(|r| {
        r.path.is_none()
            && r.findings.iter().all(|f| f.code.starts_with("INPUT_"))
            && matches!(kind, None | Some(Kind::Unknown))
    });

    let results = match &report {
        Some(report) if state.has_input() && !unread => {
            // The policy panels (MTA-STS policy, records, TLS-RPT reports, s_client).
            let shows_policies = !report.mta_sts_policies.is_empty()
                || super::records_panel::has_records(report)
                || !report.tls_rpt_reports.is_empty()
                || report.s_client.is_some();
            let revealed = state.panels.reveal.as_ref().map(|r| r.id.clone());
            let kind_note = match kind {
                Some(k) if !shows_headers && !shows_policies && k != Kind::Unknown => html! {
                    <section class="card note" data-test="kind-note">
                        <p>{ words::kind_not_shown(k) }</p>
                    </section>
                },
                _ => html! {},
            };
            let context = report.message.is_some() || !report.mx_hosts.is_empty();
            html! {<>
                { kind_note }
                if report.path.is_some() || report.grade.is_some() {
                    <Verdict report={report.clone()} />
                }
                if report.path.is_some() {
                    <HopTable report={report.clone()} expanded={state.expanded_hops.clone()}
                        focus={state.focus.map(|f| f.hop)} all={state.all_hops}
                        act={act.clone()} />
                }
                { for (0..report.mta_sts_policies.len()).map(|index| html! {
                    <PolicyPanel key={index} report={report.clone()} {index}
                        revealed={revealed.clone()} act={act.clone()} />
                }) }
                <RecordsPanel report={report.clone()} />
                { for (0..report.tls_rpt_reports.len()).map(|index| html! {
                    <TlsRptView key={index} report={report.clone()} {index} />
                }) }
                if report.s_client.is_some() {
                    <SClientView report={report.clone()} act={act.clone()} />
                }
                <div class={classes!("lower", context.then_some("has-context"))}>
                    <FindingList report={report.clone()} act={act.clone()} all={state.all_findings} />
                    if context {
                        <MessageContext report={report.clone()} />
                    }
                </div>
                <CommandsPanel report={report.clone()} copy={handlers.copy.clone()}
                    copied={state.panels.copied.clone()} open={!shows_headers || shows_policies} />
            </>}
        }
        None if state.has_input() && state.failure.is_none() => {
            html! { <Pending engine={state.engine} /> }
        }
        // After a crash the banner says everything.
        None if state.has_input() => html! {},
        _ => html! { <EmptyState act={act.clone()} /> },
    };

    html! {
        <div class={classes!("page", state.dragging.then_some("is-dragging"))}
            ondragenter={ondrag.clone()} ondragover={ondrag.clone()} ondrop={ondrag}>
            <Masthead />
            <main class="content" id="main">
                <InputCard state={state.clone()} handlers={handlers.clone()} />
                if let Some(failure) = &state.failure {
                    <ErrorBanner copied={failure.copied} message={failure.message.clone()}
                        act={act.clone()} copy_details={handlers.copy_details.clone()} />
                }
                <div class={classes!("results", (state.analysing && report.is_some()).then_some("is-stale"))}
                    aria-busy={if state.analysing { "true" } else { "false" }}>
                    { results }
                </div>
            </main>
            <StatusFooter elapsed_ms={state.outcome.as_ref().filter(|_| state.has_input()).map(|o| o.elapsed_ms)}
                analysing={state.analysing} />
            if state.dragging {
                <div class="drop-overlay" ondragleave={onoverlayleave}>
                    <div class="drop-message">
                        <p class="drop-title">{ words::DROP_HERE }</p>
                        <p class="drop-hint">{ words::DROP_HINT }</p>
                    </div>
                </div>
            }
        </div>
    }
}
