//! The findings, grouped by severity (worst first), each with its explanation, fix, references
//! and location. `INPUT_*` findings are shown by the input instead.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use super::FindingItem;
use crate::analysis::Severity;
use crate::ui::report::ReportView;
use crate::ui::state::{Action, FINDINGS_SHOWN};
use crate::ui::words;

/// The list's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct FindingListProps {
    /// The report.
    pub report: Rc<ReportView>,
    /// Reducer actions (a location shows its hop).
    pub act: Callback<Action>,
    /// Render every finding, not only the first [`FINDINGS_SHOWN`].
    pub all: bool,
}

/// The list.
#[function_component(FindingList)]
pub fn finding_list(props: &FindingListProps) -> Html {
    let report = &props.report;
    let several_inputs = report.inputs.len() > 1;
    let findings: Vec<(usize, &crate::analysis::Finding)> = report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.code.starts_with("INPUT_"))
        .collect();
    if findings.is_empty() {
        return html! {};
    }
    let total = findings.len();
    let findings: Vec<_> = findings
        .into_iter()
        .take(if props.all { total } else { FINDINGS_SHOWN })
        .collect();
    let hidden = total - findings.len();
    let show_all = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ShowAllFindings))
    };
    let groups = [
        Severity::Critical,
        Severity::Warning,
        Severity::Notice,
        Severity::Ok,
    ];
    html! {
        <section class="card findings-card" aria-labelledby="findings-title">
            <div class="card-head">
                <h2 id="findings-title">{ words::FINDINGS_TITLE }</h2>
                <ul class="counts" aria-label="Findings by severity">
                    { for groups.iter().filter_map(|&sev| {
                        let count = findings.iter().filter(|(_, f)| f.severity == sev).count();
                        (count > 0).then(|| html! {
                            <li class={classes!("count", format!("sev-{}", sev.name()))}>
                                { super::severity_icon(sev) }
                                <span>{ words::problem_count(sev, count) }</span>
                            </li>
                        })
                    }) }
                </ul>
            </div>
            { for groups.iter().filter_map(|&sev| {
                let items: Vec<_> = findings.iter().filter(|(_, f)| f.severity == sev).collect();
                (!items.is_empty()).then(|| html! {
                    <div class={classes!("finding-group", format!("sev-{}", sev.name()))}>
                        <h3 class="group-title">{ words::severity_heading(sev) }</h3>
                        <ul class="finding-items">
                            { for items.iter().map(|(i, f)| {
                                let input_name = several_inputs
                                    .then_some(f.location.as_ref())
                                    .flatten()
                                    .and_then(|l| report.inputs.get(l.input))
                                    .map(|i| i.file.clone());
                                html! {
                                    <FindingItem key={*i} report={report.clone()} index={*i}
                                        {input_name} act={props.act.clone()} />
                                }
                            }) }
                        </ul>
                    </div>
                })
            }) }
            if hidden > 0 {
                <p class="more">
                    <button type="button" class="button" onclick={show_all}>
                        { words::show_all(total, hidden, "findings") }
                    </button>
                </p>
            }
        </section>
    }
}
