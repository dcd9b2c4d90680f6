//! The hop table: one row per Received line in delivery order, with the lock, route, protocol,
//! TLS version and cipher, and delay; a divider marks the recipient's border. On phones the CSS
//! turns rows into stacked cards.
//!
//! Must not depend on the browser.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::HopRow;
use crate::analysis::transport::BorderSource;
use crate::ui::report::ReportView;
use crate::ui::state::{Action, HOPS_SHOWN};
use crate::ui::words;

/// The table's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct HopTableProps {
    /// The report.
    pub report: Rc<ReportView>,
    /// Open rows.
    pub expanded: BTreeSet<usize>,
    /// The highlighted hop.
    pub focus: Option<usize>,
    /// Render every hop, not only the first [`HOPS_SHOWN`].
    pub all: bool,
    /// Reducer actions.
    pub act: Callback<Action>,
}

/// The table.
#[function_component(HopTable)]
pub fn hop_table(props: &HopTableProps) -> Html {
    let report = &props.report;
    if report.hops.is_empty() {
        return html! {};
    }
    let border = report.path.as_ref().and_then(|p| p.border);
    let border_source = report
        .path
        .as_ref()
        .map_or(BorderSource::None, |p| p.border_source);
    let shown = if props.all {
        report.hops.len()
    } else {
        HOPS_SHOWN
    };
    let hidden = report.hops.len().saturating_sub(shown);
    let show_all = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::ShowAllHops))
    };
    html! {
        <section class="card hops-card" aria-labelledby="hops-title">
            <div class="card-head">
                <h2 id="hops-title">{ words::HOPS_TITLE }</h2>
                <p class="hint">{ words::HOPS_HINT }</p>
            </div>
            <div class="table-wrap">
                <table class="hops" data-test="hops">
                    <caption class="visually-hidden">{ words::HOPS_HINT }</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="col-hop">{ words::COL_HOP }</th>
                            <th scope="col" class="col-tls">{ words::COL_TLS }</th>
                            <th scope="col" class="col-route">{ words::COL_ROUTE }</th>
                            <th scope="col" class="col-with">{ words::COL_WITH }</th>
                            <th scope="col" class="col-version">{ words::COL_VERSION }</th>
                            <th scope="col" class="col-delay">{ words::COL_DELAY }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for report.hops.iter().take(shown).map(|hop| {
                            let divider = (border == Some(hop.index) && hop.index > 0)
                                .then(|| words::border_divider(border_source));
                            html! {<>
                                if let Some(text) = divider {
                                    <tr class="border-row">
                                        <td colspan="6"><span class="border-line">{ text }</span></td>
                                    </tr>
                                }
                                <HopRow key={hop.index} report={report.clone()} index={hop.index}
                                    is_border={border == Some(hop.index)}
                                    expanded={props.expanded.contains(&hop.index)}
                                    focused={props.focus == Some(hop.index)}
                                    act={props.act.clone()} />
                            </>}
                        }) }
                    </tbody>
                </table>
            </div>
            if hidden > 0 {
                <p class="more">
                    <button type="button" class="button" onclick={show_all}>
                        { words::show_all(report.hops.len(), hidden, "hops") }
                    </button>
                </p>
            }
        </section>
    }
}
