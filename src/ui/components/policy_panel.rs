//! The MTA-STS policy panel: the policy text with its problems marked in place, the diagnostics
//! list (each one scrolls to its line), the fields as senders read them, the body's SHA-256 next
//! to the TXT id, which MX host each pattern covers, the testing → enforce checklist, and the
//! rules of the HTTPS fetch with what a pasted `curl -sSi` response shows.
//!
//! Must not depend on the browser, and must not parse or compute: everything comes from
//! `PolicyReport`. Text from the input (lines, header values, URLs) is rendered as text only.

use std::rc::Rc;

use yew::prelude::*;

use super::policy_text::{diag_item, is_whole_policy, line_id, reveal, PolicyText};
use crate::analysis::mta_sts::{Check, CheckStatus, PolicyReport};
use crate::analysis::{MxSource, Severity};
use crate::ui::components::icons::{icon, Icon};
use crate::ui::report::ReportView;
use crate::ui::state::Action;
use crate::ui::words_policies as says;

/// The panel's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct PolicyPanelProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// The policy's index in `report.mta_sts_policies`.
    pub index: usize,
    /// The element last revealed from a diagnostics list.
    #[prop_or_default]
    pub revealed: Option<String>,
    /// Reducer actions.
    pub act: Callback<Action>,
}

/// The panel.
#[function_component(PolicyPanel)]
pub fn policy_panel(props: &PolicyPanelProps) -> Html {
    let Some(policy) = props.report.mta_sts_policies.get(props.index) else {
        return html! {};
    };
    let p = props.index;
    let title_id = format!("policy-{p}-title");
    let errors = policy
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Critical)
        .count();
    let several = props.report.mta_sts_policies.len() > 1;
    let input_name = props
        .report
        .inputs
        .get(policy.input)
        .filter(|_| several)
        .map(|i| i.file.clone());
    html! {
        <section class="card policy-panel" id={format!("policy-{p}")} data-test="policy"
            data-valid={policy.valid.to_string()} aria-labelledby={title_id.clone()}>
            <div class="card-head">
                <h2 id={title_id}>{ says::POLICY_TITLE }</h2>
                if policy.valid {
                    <span class="status-pill is-good" data-test="policy-status">
                        { icon(Icon::Ok, "") }{ says::POLICY_VALID }
                    </span>
                } else {
                    <span class="status-pill is-bad" data-test="policy-status">
                        { icon(Icon::Critical, "") }{ says::policy_invalid(errors) }
                    </span>
                }
                if let Some(name) = input_name {
                    <span class="muted">{ name }</span>
                }
            </div>
            <p class="panel-lead">{ says::policy_validity(policy.valid) }</p>
            <div class="policy-grid">
                <div class="policy-source">
                    <h3>{ says::source_title(!policy.http.is_empty()) }</h3>
                    <p class="hint">{ says::SOURCE_HINT }</p>
                    <PolicyText report={props.report.clone()} index={p}
                        revealed={props.revealed.clone()} />
                    <h3 class="section-gap">{ says::DIAGNOSTICS_TITLE }</h3>
                    { diagnostics_list(policy, p, &props.act) }
                </div>
                <div class="policy-side">
                    { fields(policy) }
                    { hash_and_id(policy) }
                </div>
            </div>
            <div class="policy-sections">
                { coverage(policy) }
                if !policy.readiness.is_empty() {
                    <section class="subpanel" aria-label={says::READINESS_TITLE}>
                        <h3>{ says::READINESS_TITLE }</h3>
                        <p class="hint">{ says::READINESS_INTRO }</p>
                        { checklist(&policy.readiness, "readiness") }
                    </section>
                }
                { fetch(policy) }
            </div>
        </section>
    }
}

/// Every diagnostic: where (a button that shows the line), severity, title, message, code.
fn diagnostics_list(policy: &PolicyReport, p: usize, act: &Callback<Action>) -> Html {
    if policy.diagnostics.is_empty() {
        return html! { <p class="muted">{ says::NO_DIAGNOSTICS }</p> };
    }
    html! {
        <ol class="diag-list" data-test="diagnostics">
            { for policy.diagnostics.iter().map(|d| {
                let located = !is_whole_policy(d, &policy.lines)
                    && policy.lines.iter().any(|l| l.line == d.line);
                let at = if located {
                    html! {
                        <button type="button" class="link-button" data-test="go-to-line"
                            aria-label={says::go_to_line(d.line)}
                            onclick={reveal(act, line_id(p, d.line))}>
                            { says::at_line(d.line, d.column) }
                        </button>
                    }
                } else {
                    html! { <span class="muted">{ says::WHOLE_POLICY }</span> }
                };
                diag_item(d, None, "diagnostic", at)
            }) }
        </ol>
    }
}

/// The fields as senders read them.
fn fields(policy: &PolicyReport) -> Html {
    let unset = || html! { <span class="muted">{ says::NOT_SET }</span> };
    html! {
        <section class="subpanel" aria-label={says::FIELDS_TITLE}>
            <h3>{ says::FIELDS_TITLE }</h3>
            <dl class="kv policy-fields" data-test="policy-fields">
                <dt>{ says::FIELD_VERSION }</dt>
                <dd>
                    if let Some(v) = &policy.version { <code>{ v }</code> } else { { unset() } }
                </dd>
                <dt>{ says::FIELD_MODE }</dt>
                <dd>
                    if let Some(mode) = policy.mode {
                        <code class={classes!("mode", format!("is-{}", mode.name()))}>{ mode.name() }</code>
                        <p class="hint">{ says::mode_meaning(mode) }</p>
                    } else { { unset() } }
                </dd>
                <dt>{ says::FIELD_MAX_AGE }</dt>
                <dd>
                    if let Some(age) = policy.max_age { { says::max_age(age) } } else { { unset() } }
                </dd>
                <dt>{ says::FIELD_MX }</dt>
                <dd>
                    if policy.mx.is_empty() {
                        { unset() }
                    } else {
                        <ul class="mx-patterns">
                            { for policy.mx.iter().map(|m| html! { <li><code>{ m }</code></li> }) }
                        </ul>
                    }
                </dd>
                if !policy.extensions.is_empty() {
                    <dt>{ says::EXTENSIONS }</dt>
                    <dd>
                        <ul>
                            { for policy.extensions.iter().map(|e| html! {
                                <li><code>{ format!("{}: {}", e.key, e.value) }</code></li>
                            }) }
                        </ul>
                    </dd>
                }
                <dt>{ says::FIELD_BODY }</dt>
                <dd>{ says::body(policy.body_bytes, policy.line_endings) }</dd>
            </dl>
        </section>
    }
}

/// The body's SHA-256 next to the TXT id, with the reminder to change the id.
fn hash_and_id(policy: &PolicyReport) -> Html {
    html! {
        <section class="subpanel id-box" aria-label={says::ID_TITLE} data-test="policy-id">
            <h3>{ says::ID_TITLE }</h3>
            <dl class="kv">
                <dt>{ says::BODY_SHA256 }</dt>
                <dd><code class="hash">{ &policy.sha256 }</code></dd>
                <dt>{ says::TXT_ID }</dt>
                <dd>
                    if let Some(id) = &policy.txt_id {
                        <code>{ id }</code>
                    } else {
                        <span class="muted">{ says::NO_TXT_ID }</span>
                    }
                </dd>
            </dl>
            <p class="hint">{ says::ID_REMINDER }</p>
        </section>
    }
}

/// Which MX host each pattern covers.
fn coverage(policy: &PolicyReport) -> Html {
    let guessed = policy
        .mx_coverage
        .iter()
        .any(|c| c.source == MxSource::Headers);
    html! {
        <section class="subpanel" aria-label={says::COVERAGE_TITLE} data-test="mx-coverage">
            <h3>{ says::COVERAGE_TITLE }</h3>
            if policy.mx_coverage.is_empty() {
                <p class="muted">{ says::NO_MX_KNOWN }</p>
            } else {
                <div class="ptable-wrap">
                    <table class="plain-table">
                        <thead>
                            <tr>
                                <th scope="col">{ says::COL_MX_HOST }</th>
                                <th scope="col">{ says::COL_MATCHED_BY }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for policy.mx_coverage.iter().map(|c| html! {
                                <tr data-test="mx-row" data-covered={c.covered_by.is_some().to_string()}>
                                    <td>
                                        <code>{ super::super::format::breakable(&c.host, '.') }</code>
                                        <span class="hint mx-source">{ says::mx_source(c.source) }</span>
                                    </td>
                                    <td>
                                        if let Some(pattern) = &c.covered_by {
                                            <span class="check is-met">
                                                { icon(Icon::Ok, "") }
                                                <code>{ super::super::format::breakable(pattern, '.') }</code>
                                            </span>
                                        } else {
                                            <span class="check is-failed">
                                                { icon(Icon::Critical, "") }{ says::NOT_COVERED }
                                            </span>
                                        }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                if guessed {
                    <p class="hint">{ says::MX_FROM_HEADERS }</p>
                }
            }
        </section>
    }
}

/// The fetch rules, with what the paste shows, and the HTTP response head if pasted.
fn fetch(policy: &PolicyReport) -> Html {
    let url = policy
        .fetch
        .url
        .clone()
        .unwrap_or_else(|| says::FETCH_URL_UNKNOWN.to_string());
    html! {
        <section class="subpanel fetch" aria-label={says::FETCH_TITLE} data-test="fetch">
            <h3>{ says::FETCH_TITLE }</h3>
            <p class="hint">{ says::FETCH_INTRO }</p>
            <p class="fetch-url">
                <span class="muted">{ says::FETCH_URL }{ " " }</span>
                <code class="wrap" data-test="fetch-url">{ url }</code>
            </p>
            { checklist(&policy.fetch.checks, "fetch") }
            if let Some(first) = policy.http.first() {
                <h3 class="section-gap">{ says::HTTP_TITLE }</h3>
                if policy.http.len() > 1 {
                    <p class="hint">{ says::HTTP_SEVERAL }</p>
                }
                <p><code class="http-status" data-test="http-status">{ &first.status_line }</code></p>
                if !first.headers.is_empty() {
                    <div class="ptable-wrap">
                        <table class="plain-table http-headers">
                            <thead>
                                <tr>
                                    <th scope="col">{ says::COL_HEADER }</th>
                                    <th scope="col">{ says::COL_VALUE }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for first.headers.iter().map(|h| html! {
                                    <tr>
                                        <td><code>{ &h.name }</code></td>
                                        <td><code class="wrap">{ &h.value }</code></td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            }
        </section>
    }
}

/// A list of requirements with what the inputs show about each.
pub fn checklist(checks: &[Check], test: &'static str) -> Html {
    html! {
        <ul class="checklist" data-test={test}>
            { for checks.iter().map(|c| {
                let (class, which) = match c.status {
                    CheckStatus::Met => ("is-met", Icon::Ok),
                    CheckStatus::Failed => ("is-failed", Icon::Critical),
                    CheckStatus::NotShown => ("is-unknown", Icon::Unknown),
                };
                html! {
                    <li class={classes!("check-item", class)} data-status={says::check_status(c.status)}>
                        { icon(which, "check-icon") }
                        <div>
                            <p class="check-rule">
                                { &c.rule }{ " " }
                                <span class="check-status">{ says::check_status(c.status) }</span>
                            </p>
                            <p class="hint">{ &c.detail }{ " " }<span class="ref">{ &c.reference }</span></p>
                        </div>
                    </li>
                }
            }) }
        </ul>
    }
}
