//! The whole page as a function of the [`State`]: masthead, input card, banners, the results
//! (the overview and one slot per area panel, in [`Slot::ALL`] order) or the empty state, the
//! footer and the shortcuts dialog. The SSR tests render this component directly.
//!
//! Must not touch the browser: events go up through [`Handlers`], which `app.rs` wires to the
//! reducer and to `ui/web.rs`.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    CommandsPanel, EmptyState, ErrorBanner, FindingList, HopTable, InputCard, Masthead,
    MessageContext, Overview, Pending, PolicyPanel, RecordsPanel, SClientView, Shortcuts,
    StatusFooter, TlsRptView,
};
use crate::analysis::Kind;
use crate::ui::report::ReportView;
use crate::ui::state::{Action, State};
use crate::ui::words;

/// The page's callbacks. Raw browser events go to `app.rs`, which reads them through
/// `ui/web.rs`; everything else is an [`Action`] for the reducer.
#[derive(Clone, Default, PartialEq)]
pub struct Handlers {
    /// Pure actions (toggle a hop, pick an example, clear…).
    pub act: Callback<Action>,
    /// The editor's `input` event.
    pub text_input: Callback<InputEvent>,
    /// The MX field's `input` event.
    pub mx_input: Callback<InputEvent>,
    /// The domain field's `input` event.
    pub domain_input: Callback<InputEvent>,
    /// The examples menu's `change` event.
    pub example: Callback<Event>,
    /// The file picker's `change` event.
    pub file_pick: Callback<Event>,
    /// `dragenter`, `dragover` and `drop` anywhere on the page.
    pub drag: Callback<DragEvent>,
    /// "Copy details" in the crash banner.
    pub copy_details: Callback<()>,
    /// A click on an in-page link (`href="#area-…"`): scrolls to the panel and moves the focus
    /// there without touching the URL's fragment, which share links own.
    pub jump: Callback<MouseEvent>,
    /// The Markdown export button.
    pub export_markdown: Callback<()>,
    /// The JSON export button.
    pub export_json: Callback<()>,
    /// The print button.
    pub print: Callback<()>,
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

/// The results' slots, in page order. Each is a `<div id="area-…">` that its panels render
/// into (an empty slot takes no space); the overview's area links point at these anchors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The posture report: grade, rule, areas, limits, export.
    Overview,
    /// How the message travelled: the hop table.
    Transport,
    /// The receiving server: certificates, chain, DANE.
    Server,
    /// MTA-STS policies.
    Policies,
    /// DNS records.
    Records,
    /// TLS-RPT reports.
    Reports,
    /// The commands to run.
    Commands,
    /// Every finding, and the message's context.
    Findings,
}

impl Slot {
    /// Every slot, in page order.
    pub const ALL: [Slot; 8] = [
        Slot::Overview,
        Slot::Transport,
        Slot::Server,
        Slot::Policies,
        Slot::Records,
        Slot::Reports,
        Slot::Commands,
        Slot::Findings,
    ];

    /// The slot's element id, the target of in-page links.
    pub fn anchor(self) -> &'static str {
        match self {
            Slot::Overview => "area-overview",
            Slot::Transport => "area-transport",
            Slot::Server => "area-server",
            Slot::Policies => "area-policies",
            Slot::Records => "area-records",
            Slot::Reports => "area-reports",
            Slot::Commands => "area-commands",
            Slot::Findings => "area-findings",
        }
    }
}

/// What every panel may need to render.
pub struct PanelContext<'a> {
    /// The state.
    pub state: &'a Rc<State>,
    /// The report shown.
    pub report: &'a Rc<ReportView>,
    /// The callbacks.
    pub handlers: &'a Handlers,
}

// ---- Area panels --------------------------------------------------------------------------
//
// One arm per slot, in page order. An area's panels go in its arm (and their CSS in
// `www/css/<area>.css`); nothing else in this file needs to change for a new panel.

/// The panels of one slot.
fn panels(slot: Slot, cx: &PanelContext) -> Html {
    let PanelContext {
        state,
        report,
        handlers,
    } = cx;
    let act = &handlers.act;
    match slot {
        Slot::Overview => html! {
            <Overview report={(*report).clone()} handlers={(*handlers).clone()} />
        },
        Slot::Transport => html! {
            if report.path.is_some() {
                <HopTable report={(*report).clone()} expanded={expanded_hops(state, report)}
                    focus={state.focus.map(|f| f.hop)} all={state.all_hops || state.printing}
                    act={act.clone()} />
            }
        },
        // Certificates, chain and DANE (branch `certui`); the s_client transcript read back.
        Slot::Server => html! {
            if report.s_client.is_some() {
                <SClientView report={(*report).clone()} act={act.clone()} />
            }
        },
        Slot::Policies => {
            let revealed = state.panels.reveal.as_ref().map(|r| r.id.clone());
            html! {
                { for (0..report.mta_sts_policies.len()).map(|index| html! {
                    <PolicyPanel key={index} report={(*report).clone()} {index}
                        revealed={revealed.clone()} act={act.clone()} />
                }) }
            }
        }
        Slot::Records => html! { <RecordsPanel report={(*report).clone()} /> },
        Slot::Reports => html! {
            { for (0..report.tls_rpt_reports.len()).map(|index| html! {
                <TlsRptView key={index} report={(*report).clone()} {index} />
            }) }
        },
        // Open when the inputs are about a domain's setup; under a message's hops alone it is
        // a next step, so it starts closed.
        Slot::Commands => html! {
            <CommandsPanel report={(*report).clone()} copy={handlers.copy.clone()}
                copied={state.panels.copied.clone()}
                open={report.inputs.iter().any(|i| i.kind != Kind::Headers)
                    || !report.tls_rpt_reports.is_empty()} />
        },
        Slot::Findings => {
            let context = report.message.is_some() || !report.mx_hosts.is_empty();
            html! {
                <div class={classes!("lower", context.then_some("has-context"))}>
                    <FindingList report={(*report).clone()} act={act.clone()}
                        all={state.all_findings || state.printing} />
                    if context {
                        <MessageContext report={(*report).clone()} />
                    }
                </div>
            }
        }
    }
}

/// The open hop rows: all of them while printing.
fn expanded_hops(state: &State, report: &ReportView) -> std::collections::BTreeSet<usize> {
    if state.printing {
        (0..report.hops.len()).collect()
    } else {
        state.expanded_hops.clone()
    }
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

    // Nothing but "couldn't read this" (the banner by the input says so): show the help again
    // rather than an empty page.
    let unread = report.as_ref().is_some_and(|r| {
        r.path.is_none()
            && r.findings.iter().all(|f| f.code.starts_with("INPUT_"))
            && r.inputs.iter().all(|i| i.kind == Kind::Unknown)
    });

    let results = match &report {
        Some(report) if state.has_input() && !unread => {
            let cx = PanelContext {
                state,
                report,
                handlers,
            };
            html! {<>
                { for Slot::ALL.iter().map(|&slot| html! {
                    <div class="slot" id={slot.anchor()} data-slot={slot.anchor()}>
                        { panels(slot, &cx) }
                    </div>
                }) }
            </>}
        }
        None if state.has_input() && state.failure.is_none() => {
            html! { <Pending engine={state.engine} /> }
        }
        // After a crash the banner says everything.
        None if state.has_input() => html! {},
        _ => html! { <EmptyState act={act.clone()} /> },
    };

    let elapsed = state
        .outcome
        .as_ref()
        .filter(|_| state.has_input())
        .map(|o| (o.elapsed_ms, o.startup_ms));
    html! {
        <div class={classes!("page", state.dragging.then_some("is-dragging"), state.printing.then_some("is-printing"))}
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
            <StatusFooter {elapsed} analysing={state.analysing} engine={state.engine}
                act={act.clone()} />
            <Shortcuts act={act.clone()} />
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
