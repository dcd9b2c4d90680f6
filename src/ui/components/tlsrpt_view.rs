//! A TLS-RPT aggregate report (RFC 8460 §4): who sent it and for which UTC day, then per policy
//! (sts, tlsa, no-policy-found) the successful and failed sessions as a bar, the failures grouped
//! by result type with what each means and how to fix it, and a table of where each failure
//! happened (sending MTA, receiving MX and IP, reason). Notes on tolerated deviations follow.
//!
//! Must not depend on the browser, and must not compute beyond proportions for the bar: the
//! report's groups, explanations and verdicts come from `TlsRptReport`. Every string in a report
//! is the reporter's: organisation, contact, MX names and `additional-information` URLs are
//! rendered as text, never links.

use std::rc::Rc;

use yew::prelude::*;

use super::policy_text::diag_item;
use crate::analysis::tlsrpt::{FailureGroup, PolicySummary, TlsRptReport};
use crate::analysis::Severity;
use crate::ui::components::icons::{icon, Icon};
use crate::ui::report::ReportView;
use crate::ui::words_policies as says;

/// At most this many failure details are rendered per result type (a hostile report may carry
/// thousands); a line says how many more there are.
pub const DETAILS_SHOWN: usize = 100;

/// The view's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct TlsRptViewProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// The index in `report.tls_rpt_reports`.
    pub index: usize,
}

/// One TLS-RPT report.
#[function_component(TlsRptView)]
pub fn tlsrpt_view(props: &TlsRptViewProps) -> Html {
    let Some(r) = props.report.tls_rpt_reports.get(props.index) else {
        return html! {};
    };
    let i = props.index;
    let title_id = format!("tlsrpt-{i}-title");
    html! {
        <section class="card tlsrpt-view" data-test="tlsrpt" aria-labelledby={title_id.clone()}
            data-valid={r.valid.to_string()}>
            <div class="card-head">
                <h2 id={title_id}>{ says::report_title(r.organization_name.as_deref()) }</h2>
                if r.readable {
                    <span class="muted" data-test="tlsrpt-sessions">
                        { says::sessions(r.successful_sessions, r.failed_sessions) }
                    </span>
                }
            </div>
            if r.readable {
                { about(r) }
                { for r.policies.iter().enumerate().map(|(k, p)| policy(i, k, p)) }
            } else {
                <p class="panel-lead">{ says::REPORT_UNREADABLE }</p>
            }
            if !r.diagnostics.is_empty() {
                <section class="subpanel" aria-label={says::REPORT_NOTES}>
                    <h3>{ says::REPORT_NOTES }</h3>
                    <ul class="report-notes">
                        { for r.diagnostics.iter().map(|d| diag_item(
                            d,
                            None,
                            "tlsrpt-note",
                            html! {
                                <span class="muted">
                                    if let Some(path) = &d.path { <code>{ path }</code>{ " · " } }
                                    { says::report_line(d.line) }
                                </span>
                            },
                        )) }
                    </ul>
                </section>
            }
        </section>
    }
}

/// Who sent it, for which period, how it arrived.
fn about(r: &TlsRptReport) -> Html {
    let mail = r.mail.as_ref();
    html! {
        <dl class="kv report-facts">
            if let Some(range) = &r.date_range {
                <dt>{ says::REPORT_PERIOD }</dt>
                <dd data-test="tlsrpt-period">{ says::period(
                    range.start.as_deref().unwrap_or(&range.start_written),
                    range.end.as_deref().unwrap_or(&range.end_written),
                    range.one_utc_day,
                ) }</dd>
            }
            <dt>{ says::REPORT_CONTACT }</dt>
            <dd>
                if let Some(c) = r.contact_info.as_deref().filter(|c| !c.trim().is_empty()) {
                    <code class="wrap">{ c }</code>
                } else {
                    <span class="muted">{ says::NO_CONTACT }</span>
                }
            </dd>
            if let Some(id) = &r.report_id {
                <dt>{ says::REPORT_ID }</dt>
                <dd><code class="wrap">{ id }</code></dd>
            }
            <dt>{ says::REPORT_SOURCE }</dt>
            <dd>{ says::report_source(
                r.source,
                mail.and_then(|m| m.attachment_name.as_deref()),
                r.decompressed_bytes,
            ) }</dd>
            if let Some(from) = mail.and_then(|m| m.from.as_deref()) {
                <dt>{ says::REPORT_SENT_BY }</dt>
                <dd><code class="wrap">{ from }</code></dd>
            }
            if let Some(m) = mail.filter(|m| !m.dkim_domains.is_empty()) {
                <dt>{ says::REPORT_SIGNED_BY }</dt>
                <dd>{ m.dkim_domains.join(", ") }</dd>
            }
        </dl>
    }
}

/// One policy: type, domain, the sessions bar and verdict, the policy applied, the failures.
fn policy(report: usize, k: usize, p: &PolicySummary) -> Html {
    let unauthenticated = p.policy_type == "no-policy-found";
    let type_class = match p.policy_type.as_str() {
        "sts" => "is-sts",
        "tlsa" => "is-tlsa",
        "no-policy-found" => "is-none",
        _ => "is-unknown",
    };
    html! {
        <section class="subpanel report-policy" data-test="tlsrpt-policy"
            data-policy-type={p.policy_type.clone()}
            aria-label={says::policy_type(&p.policy_type)}>
            <div class="report-policy-head">
                <h3 class={classes!("policy-type", type_class)}>{ says::policy_type(&p.policy_type) }</h3>
                if let Some(domain) = &p.policy_domain {
                    <code class="policy-domain">{ super::super::format::breakable(domain, '.') }</code>
                }
                if let Some(mode) = p.sts_mode {
                    <code class={classes!("mode", format!("is-{}", mode.name()))}>{ mode.name() }</code>
                }
            </div>
            { bar(p.successful_sessions, p.failed_sessions, unauthenticated) }
            <p class="report-verdict">{ &p.verdict }</p>
            if unauthenticated && p.successful_sessions > 0 {
                <p class="callout sev-warning" data-test="no-policy-note">
                    { icon(Icon::Warning, "callout-icon") }
                    <span>{ says::NO_POLICY_SUCCESS }</span>
                </p>
            }
            if !p.mx_hosts.is_empty() {
                <p class="hint">
                    { says::POLICY_MX }{ ": " }
                    { for p.mx_hosts.iter().map(|m| html! { <><code>{ m }</code>{ " " }</> }) }
                </p>
            }
            if !p.policy_string.is_empty() {
                <details class="policy-string">
                    <summary>{ says::POLICY_STRING }</summary>
                    <pre><code>{ p.policy_string.join("\n") }</code></pre>
                </details>
            }
            if p.failed_sessions > 0 || !p.failures.is_empty() {
                <h4 class="failures-title">{ says::FAILURES_TITLE }</h4>
                if p.failures.is_empty() {
                    <p class="muted">{ says::NO_FAILURES }</p>
                }
                <ul class="failure-groups">
                    { for p.failures.iter().enumerate().map(|(g, group)| failure_group(report, k, g, group)) }
                </ul>
            }
        </section>
    }
}

/// Successful and failed sessions as one bar (SVG: widths are presentation attributes, which
/// the CSP allows, unlike style attributes).
fn bar(ok: u64, failed: u64, unauthenticated: bool) -> Html {
    const WIDTH: u64 = 1000;
    let total = ok.saturating_add(failed);
    let ok_width = if total == 0 {
        0
    } else {
        // Whole thousandths; u128 so large counts can't overflow.
        u64::try_from(u128::from(ok) * u128::from(WIDTH) / u128::from(total)).unwrap_or(WIDTH)
    };
    let fail_width = if total == 0 { 0 } else { WIDTH - ok_width };
    let label = says::sessions(ok, failed);
    html! {
        <div class="sessions">
            <svg class="sessions-bar" viewBox="0 0 1000 10" preserveAspectRatio="none"
                role="img" aria-label={label.clone()} focusable="false">
                <rect class="bar-track" x="0" y="0" width="1000" height="10" />
                <rect class={if unauthenticated { "bar-unauth" } else { "bar-ok" }}
                    x="0" y="0" width={ok_width.to_string()} height="10" />
                <rect class="bar-fail" x={ok_width.to_string()} y="0"
                    width={fail_width.to_string()} height="10" />
            </svg>
            <p class="sessions-legend" aria-hidden="true">
                <span class={if unauthenticated { "key key-unauth" } else { "key key-ok" }}>{ format!("{ok} successful") }</span>
                <span class="key key-fail">{ format!("{failed} failed") }</span>
            </p>
        </div>
    }
}

/// One result type: title, sessions, meaning, fix, and where it happened.
fn failure_group(report: usize, policy: usize, g: usize, group: &FailureGroup) -> Html {
    let shown = group.details.len().min(DETAILS_SHOWN);
    let hidden = group.details.len() - shown;
    let has = |f: fn(&crate::analysis::tlsrpt::FailureDetail) -> bool| group.details.iter().any(f);
    let helo = has(|d| d.receiving_mx_helo.is_some());
    let more = has(|d| d.additional_information.is_some());
    let reason = has(|d| d.failure_reason_code.is_some());
    let dash = || html! { <span class="muted" aria-label="not given">{ says::NOT_GIVEN }</span> };
    let cell = |value: &Option<String>| match value {
        Some(v) => html! { <code class="wrap">{ v }</code> },
        None => dash(),
    };
    let severity = if group.registered {
        Severity::Critical
    } else {
        Severity::Notice
    };
    html! {
        <li class={classes!("failure-group", format!("sev-{}", severity.name()))}
            id={format!("tlsrpt-{report}-{policy}-{g}")}
            data-test="failure-group" data-result-type={group.result_type.clone()}>
            <div class="failure-head">
                { super::severity_icon(severity) }
                <h5 class="failure-title">{ &group.title }</h5>
                <span class="failure-count">{ says::group_sessions(group.sessions) }</span>
            </div>
            if !group.registered {
                <p class="hint">{ says::UNREGISTERED }</p>
            }
            <dl class="kv failure-words">
                <dt>{ says::WHAT_IT_MEANS }</dt>
                <dd>{ &group.explanation }</dd>
                if !group.fix.is_empty() {
                    <dt>{ says::FIX }</dt>
                    <dd>{ &group.fix }</dd>
                }
            </dl>
            if !group.details.is_empty() {
                <div class="ptable-wrap">
                    <table class="plain-table failure-details" data-test="failure-details">
                        <caption class="visually-hidden">{ says::DETAILS_CAPTION }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">{ says::COL_SESSIONS }</th>
                                <th scope="col">{ says::COL_SENDING_MTA }</th>
                                <th scope="col">{ says::COL_RECEIVING_MX }</th>
                                <th scope="col">{ says::COL_RECEIVING_IP }</th>
                                if reason {
                                    <th scope="col">{ says::COL_REASON }</th>
                                }
                                if more {
                                    <th scope="col">{ says::COL_MORE }</th>
                                }
                            </tr>
                        </thead>
                        <tbody>
                            { for group.details.iter().take(shown).map(|d| html! {
                                <tr>
                                    <td class="num">{ d.failed_session_count }</td>
                                    <td>{ cell(&d.sending_mta_ip) }</td>
                                    <td>
                                        { cell(&d.receiving_mx_hostname) }
                                        if helo {
                                            if let Some(h) = &d.receiving_mx_helo {
                                                <span class="hint helo">{ format!("HELO {h}") }</span>
                                            }
                                        }
                                    </td>
                                    <td>{ cell(&d.receiving_ip) }</td>
                                    if reason {
                                        <td>{ cell(&d.failure_reason_code) }</td>
                                    }
                                    if more {
                                        <td>{ cell(&d.additional_information) }</td>
                                    }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if hidden > 0 {
                    <p class="hint">{ says::more_rows(hidden) }</p>
                }
                if more {
                    <p class="hint">{ says::MORE_AS_TEXT }</p>
                }
            }
        </li>
    }
}
