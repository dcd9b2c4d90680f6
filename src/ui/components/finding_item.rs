//! One finding: severity icon and title; opened, the explanation, the fix, the references (as
//! plain text, never links) and the location, which shows the hop it is about.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::Severity;
use crate::ui::report::ReportView;
use crate::ui::state::Action;
use crate::ui::words;

/// The item's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct FindingItemProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// The finding's index in `report.findings`.
    pub index: usize,
    /// The input's name, when there are several inputs.
    #[prop_or_default]
    pub input_name: Option<String>,
    /// Reducer actions.
    pub act: Callback<Action>,
}

/// The item.
#[function_component(FindingItem)]
pub fn finding_item(props: &FindingItemProps) -> Html {
    let Some(f) = props.report.findings.get(props.index) else {
        return html! {};
    };
    let sev = f.severity.name();
    // Critical findings open by themselves; the rest wait to be asked.
    let open = f.severity == Severity::Critical;
    let location = f
        .location
        .as_ref()
        .map(|l| words::location(props.input_name.as_deref(), l.line, &l.excerpt));
    let refs = f
        .refs
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(" · ");
    let show_hop = f.hop.map(|hop| {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ShowHop(hop)))
    });
    html! {
        <li class={classes!("finding", format!("sev-{sev}"))} data-test="finding"
            data-code={f.code.clone()} data-severity={sev}>
            <details {open}>
                <summary>
                    { super::severity_icon(f.severity) }
                    <span class="visually-hidden">{ format!("{}: ", words::severity_word(f.severity)) }</span>
                    <span class="finding-title">{ &f.title }</span>
                    <code class="finding-code">{ &f.code }</code>
                </summary>
                <div class="finding-body">
                    <p>{ &f.detail }</p>
                    if !f.fix.is_empty() {
                        <p class="fix"><strong>{ words::FIX }{ ": " }</strong>{ &f.fix }</p>
                    }
                    if !refs.is_empty() {
                        <p class="refs"><strong>{ words::REFERENCES }{ ": " }</strong>{ refs }</p>
                    }
                    if let Some(location) = location {
                        <p class="location">
                            <strong>{ words::FOUND_AT }{ ": " }</strong>
                            if let Some(onclick) = show_hop {
                                <button type="button" class="link-button" {onclick} title={words::SHOW_HOP}>
                                    <code>{ location }</code>
                                </button>
                            } else {
                                <code>{ location }</code>
                            }
                        </p>
                    } else if let Some(onclick) = show_hop {
                        <p class="location">
                            <button type="button" class="link-button" {onclick}>{ words::SHOW_HOP }</button>
                        </p>
                    }
                </div>
            </details>
        </li>
    }
}
