//! The policy records panel: each `_mta-sts` and `_smtp._tls` TXT record pasted, whether senders
//! accept it, its value with each diagnostic marked at its column, what it means, and the parts
//! senders use (the id; the report destinations). TLSA records belong to the DANE panel.
//!
//! Must not depend on the browser, and must not parse: the records and their diagnostics come
//! from `Report::dns_records`. Record values and `rua` URIs are rendered as text, never links.

use std::rc::Rc;

use yew::prelude::*;

use super::policy_text::{diag_item, highlight, Mark};
use crate::analysis::mta_sts::{Diagnostic, Extension};
use crate::analysis::DnsRecordReport;
use crate::ui::components::icons::{icon, Icon};
use crate::ui::report::ReportView;
use crate::ui::words_policies as says;

/// The panel's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct RecordsPanelProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
}

/// True when the report has records this panel shows.
pub fn has_records(report: &ReportView) -> bool {
    report
        .dns_records
        .iter()
        .any(|r| !matches!(r, DnsRecordReport::Tlsa(_)))
}

/// The panel.
#[function_component(RecordsPanel)]
pub fn records_panel(props: &RecordsPanelProps) -> Html {
    if !has_records(&props.report) {
        return html! {};
    }
    let domain = props.report.domain.as_deref().unwrap_or("<domain>");
    html! {
        <section class="card records-panel" data-test="records" aria-labelledby="records-title">
            <div class="card-head">
                <h2 id="records-title">{ says::RECORDS_TITLE }</h2>
            </div>
            <ul class="record-list">
                { for props.report.dns_records.iter().enumerate().filter_map(|(i, r)| match r {
                    DnsRecordReport::MtaSts(rec) => Some(record(
                        i,
                        says::MTA_STS_RECORD,
                        says::owner(rec.owner.as_deref(), &format!("_mta-sts.{domain}")),
                        &rec.value,
                        (rec.valid, rec.discarded, false),
                        &rec.diagnostics,
                        &rec.extensions,
                        html! {
                            <>
                            <dt>{ says::RECORD_ID }</dt>
                            <dd>
                                if let Some(id) = &rec.id {
                                    <code data-test="record-id">{ id }</code>
                                } else {
                                    <span class="muted">{ says::NOT_SET }</span>
                                }
                            </dd>
                            </>
                        },
                        says::MTA_STS_MEANING,
                    )),
                    DnsRecordReport::TlsRpt(rec) => Some(record(
                        i,
                        says::TLS_RPT_RECORD,
                        says::owner(rec.owner.as_deref(), &format!("_smtp._tls.{domain}")),
                        &rec.value,
                        (rec.valid, rec.discarded, true),
                        &rec.diagnostics,
                        &rec.extensions,
                        html! {
                            if !rec.rua.is_empty() {
                                <dt>{ says::RECORD_RUA }</dt>
                                <dd>
                                    <ul class="rua-list">
                                        { for rec.rua.iter().map(|u| html! {
                                            <li class={if u.usable { "is-usable" } else { "is-unusable" }}>
                                                <code class="wrap">{ &u.uri }</code>{ " " }
                                                <span class={classes!("tag", if u.usable { "tag-ok" } else { "tag-bad" })}>
                                                    { if u.usable { says::RUA_USABLE } else { says::RUA_UNUSABLE } }
                                                </span>
                                            </li>
                                        }) }
                                    </ul>
                                </dd>
                            }
                        },
                        says::TLS_RPT_MEANING,
                    )),
                    DnsRecordReport::Tlsa(_) => None,
                }) }
            </ul>
            <p class="hint">{ says::RECORDS_DNSSEC }</p>
        </section>
    }
}

/// One record: kind, owner, status, the value with marks, its messages, its parts, its meaning.
#[allow(clippy::too_many_arguments)]
fn record(
    index: usize,
    kind: &'static str,
    owner: String,
    value: &str,
    (valid, discarded, tls_rpt): (bool, bool, bool),
    diagnostics: &[Diagnostic],
    extensions: &[Extension],
    parts: Html,
    meaning: &'static str,
) -> Html {
    let message_id = |k: usize| format!("record-{index}-diag-{k}");
    // A point at column 1 is about the record as a whole (its owner name, a missing version):
    // nothing to mark in the value.
    let marks: Vec<Mark> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.length > 0 || d.column > 1 || value.is_empty())
        .map(|(k, d)| Mark::of(d, message_id(k)))
        .collect();
    let status_class = if valid && !discarded {
        "is-good"
    } else {
        "is-bad"
    };
    html! {
        <li class="record" data-test="record" data-kind={if tls_rpt { "tls-rpt" } else { "mta-sts" }}
            data-valid={valid.to_string()}>
            <div class="record-head">
                <h3 class="record-kind">{ kind }</h3>
                <code class="record-owner">{ super::super::format::breakable(&owner, '.') }</code>
                <span class={classes!("status-pill", status_class)}>
                    { icon(if status_class == "is-good" { Icon::Ok } else { Icon::Critical }, "") }
                    { says::record_status(valid, discarded, tls_rpt) }
                </span>
            </div>
            <p class="record-value-line">
                <code class="record-value" aria-label={says::VALUE_LABEL}>{ highlight(value, &marks) }</code>
            </p>
            if !diagnostics.is_empty() {
                <ul class="record-diags">
                    { for diagnostics.iter().enumerate().map(|(k, d)| diag_item(
                        d,
                        Some(message_id(k)),
                        "record-diagnostic",
                        html! { <span class="muted">{ says::at_column(d.column) }</span> },
                    )) }
                </ul>
            }
            <dl class="kv record-parts">
                { parts }
                if !extensions.is_empty() {
                    <dt>{ says::EXTENSIONS }</dt>
                    <dd>
                        { for extensions.iter().map(|e| html! {
                            <code class="ext">{ format!("{}={}", e.key, e.value) }</code>
                        }) }
                    </dd>
                }
            </dl>
            <p class="hint">{ meaning }</p>
        </li>
    }
}
