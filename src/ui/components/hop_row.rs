//! One hop: the row, and when opened, a second row with the raw Received line, the encryption
//! evidence and the hop's findings.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use super::severity_icon;
use crate::analysis::received::Trust;
use crate::analysis::{Finding, Hop, Severity};
use crate::ui::format::breakable;
use crate::ui::report::ReportView;
use crate::ui::state::Action;
use crate::ui::words;

/// The row's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct HopRowProps {
    /// The report (shared: rows compare it by pointer, so an unchanged report costs nothing).
    pub report: Rc<ReportView>,
    /// The hop's index in `report.hops`.
    pub index: usize,
    /// This hop is the recipient's border.
    pub is_border: bool,
    /// The details row is open.
    pub expanded: bool,
    /// Highlighted from a finding.
    pub focused: bool,
    /// Reducer actions.
    pub act: Callback<Action>,
}

/// The row.
#[function_component(HopRow)]
pub fn hop_row(props: &HopRowProps) -> Html {
    let Some(hop) = props.report.hops.get(props.index) else {
        return html! {};
    };
    let n = hop.index + 1;
    let (state_class, encrypted_attr, lock) = match hop.encrypted {
        Some(true) => ("is-yes", "yes", Icon::LockClosed),
        Some(false) => ("is-no", "no", Icon::LockOpen),
        None => ("is-unknown", "unknown", Icon::Unknown),
    };
    let onclick = {
        let act = props.act.clone();
        let index = hop.index;
        Callback::from(move |_: MouseEvent| act.emit(Action::ToggleHop(index)))
    };
    let row_id = format!("hop-{n}");
    let detail_id = format!("hop-{n}-detail");
    let upstream = hop.trust == Trust::ClaimedUpstream;
    // The hop's problems, counted from the report's findings (the page judges nothing itself).
    let count = |severity: Severity| {
        props
            .report
            .findings
            .iter()
            .filter(|f| f.hop == Some(hop.index) && f.severity == severity)
            .count()
    };
    let problems: Vec<(Severity, usize)> = [Severity::Critical, Severity::Warning]
        .into_iter()
        .map(|s| (s, count(s)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let class = classes!(
        "hop",
        state_class,
        hop.internal.then_some("is-internal"),
        upstream.then_some("is-upstream"),
        props.expanded.then_some("is-open"),
        props.focused.then_some("is-focus"),
    );

    html! {<>
        <tr id={row_id} {class} data-test="hop" data-encrypted={encrypted_attr}
            data-internal={if hop.internal { "true" } else { "false" }} {onclick}>
            <th scope="row" class="hop-num" data-label={words::COL_HOP}>
                <button type="button" class="hop-toggle" id={format!("hop-{n}-toggle")}
                    aria-expanded={if props.expanded { "true" } else { "false" }}
                    aria-controls={detail_id.clone()}>
                    { icon(Icon::Chevron, "chevron") }
                    <span class="hop-number">{ n }</span>
                    <span class="visually-hidden">{ " — show the Received line" }</span>
                </button>
            </th>
            <td class="hop-tls" data-label={words::COL_TLS}>
                <span class={classes!("lock", state_class)} title={words::encrypted_alt(hop.encrypted)}>
                    { icon(lock, "") }
                    <span class="lock-word">{ words::encrypted_word(hop.encrypted) }</span>
                    <span class="visually-hidden">{ format!(" ({})", words::encrypted_alt(hop.encrypted)) }</span>
                </span>
            </td>
            <td class="hop-route" data-label={words::COL_ROUTE}>
                <div class="route-from">
                    <span class={classes!("host", hop.from.is_none().then_some("is-missing"))}>
                        { breakable(hop.from.as_deref().or(hop.helo.as_deref()).unwrap_or("—"), '.') }
                    </span>
                    if let Some(ip) = &hop.from_ip {
                        if hop.from.as_deref() != Some(ip.as_str()) {
                            <span class="ip">{ ip }</span>
                        }
                    }
                </div>
                <div class="route-by">
                    <span class="arrow" aria-hidden="true">{ "→" }</span>
                    <span class="visually-hidden">{ " to " }</span>
                    <span class="route-end">
                        <span class="host">{ breakable(hop.by.as_deref().unwrap_or("—"), '.') }</span>
                        if let Some(ip) = &hop.by_ip {
                            <span class="ip">{ ip }</span>
                        }
                    </span>
                </div>
                if hop.internal || props.is_border || upstream || !problems.is_empty() {
                    <div class="tags">
                        { for problems.iter().map(|(severity, n)| html! {
                            <span class={classes!("tag", "tag-sev", format!("sev-{}", severity.name()))}>
                                { severity_icon(*severity) }
                                { words::problem_count(*severity, *n) }
                            </span>
                        }) }
                        if hop.internal {
                            <span class="tag tag-internal"
                                title={hop.internal_reason.clone().unwrap_or_default()}>
                                { words::INTERNAL }
                            </span>
                        }
                        if props.is_border {
                            <span class="tag tag-border">{ words::BORDER_TAG }</span>
                        }
                        if upstream {
                            <span class="tag tag-upstream" title={words::UPSTREAM_TITLE}>
                                { words::UPSTREAM_TAG }
                            </span>
                        }
                    </div>
                }
            </td>
            <td class="hop-with" data-label={words::COL_WITH}>
                if let Some(with) = &hop.with {
                    <code>{ breakable(with, '/') }</code>
                } else {
                    <span class="muted">{ "—" }</span>
                }
            </td>
            <td class="hop-version" data-label={words::COL_VERSION}>
                { version_cell(hop) }
            </td>
            <td class="hop-delay" data-label={words::COL_DELAY}>
                { delay_cell(hop.delay_seconds) }
            </td>
        </tr>
        if props.expanded {
            <tr class={classes!("hop-detail", state_class)} id={detail_id}>
                <td colspan="6">{ details(hop, &props.report.findings) }</td>
            </tr>
        }
    </>}
}

fn version_cell(hop: &Hop) -> Html {
    let label = crate::ui::format::version_label(hop);
    let source = hop.tls_version_source;
    let cipher = hop.cipher_iana.clone().or_else(|| hop.cipher.clone());
    let written_title = match (&hop.cipher, &hop.cipher_iana) {
        (Some(written), Some(iana)) if written != iana => format!("As written: {written}"),
        (Some(written), _) => written.clone(),
        _ => String::new(),
    };
    html! {<>
        <div class="version">
            if label.is_empty() {
                <span class="muted">{ if hop.encrypted == Some(true) { "version not stated" } else { "—" } }</span>
            } else {
                <span class="version-name">{ label }</span>
            }
            if let Some(source) = source {
                <span class="source-tag" title={words::version_source_title(source)}>
                    { words::version_source(source) }
                </span>
            }
        </div>
        if let Some(cipher) = cipher {
            <div class="cipher" title={written_title}><code>{ breakable(&cipher, '_') }</code></div>
        }
        if hop.forward_secret == Some(false) {
            <span class="tag tag-warning">{ words::NO_FORWARD_SECRECY }</span>
        }
    </>}
}

fn delay_cell(delay: Option<i64>) -> Html {
    match delay {
        Some(s) if s < 0 => html! { <span class="delay is-skew">{ words::delay(s) }</span> },
        Some(s) => html! { <span class="delay">{ words::delay(s) }</span> },
        None => html! { <span class="muted">{ "—" }</span> },
    }
}

fn details(hop: &Hop, findings: &[Finding]) -> Html {
    let fact = |label: &'static str, value: String| {
        html! {<>
            <dt>{ label }</dt>
            <dd>{ value }</dd>
        </>}
    };
    let key_exchange = match (&hop.key_exchange, hop.cipher_bits) {
        (Some(k), Some(bits)) => Some(format!("{k}, {bits}-bit cipher")),
        (Some(k), None) => Some(k.clone()),
        (None, Some(bits)) => Some(format!("{bits}-bit cipher")),
        (None, None) => None,
    };
    let written = match (&hop.cipher, &hop.cipher_iana) {
        (Some(w), Some(iana)) if w != iana => Some(w.clone()),
        (Some(w), None) => Some(w.clone()),
        _ => None,
    };
    html! {
        <div class="detail">
            <dl class="facts">
                { fact(words::DETAIL_EVIDENCE, hop.encryption_evidence.clone()) }
                if let Some(reason) = &hop.internal_reason {
                    { fact(words::DETAIL_INTERNAL, reason.clone()) }
                }
                { fact(words::DETAIL_TRUST, words::trust_sentence(hop.trust).to_string()) }
                if let Some(date) = &hop.date {
                    { fact(words::DETAIL_DATE, date.clone()) }
                }
                if let Some(software) = hop.software {
                    { fact(words::DETAIL_SOFTWARE, software.name().to_string()) }
                }
                if let Some(written) = written {
                    { fact(words::DETAIL_CIPHER_WRITTEN, written) }
                }
                if let Some(k) = key_exchange {
                    { fact(words::DETAIL_KEY_EXCHANGE, k) }
                }
                if let Some(c) = &hop.client_certificate {
                    { fact(words::DETAIL_CLIENT_CERT, format!("{c} {}", words::CLIENT_CERT_NOTE)) }
                }
            </dl>
            if findings.iter().any(|f| f.hop == Some(hop.index)) {
                <ul class="hop-findings">
                    { for findings.iter().filter(|f| f.hop == Some(hop.index)).map(|f| html! {
                        <li class={classes!("sev", format!("sev-{}", f.severity.name()))}>
                            { severity_icon(f.severity) }
                            <span>{ &f.title }</span>
                        </li>
                    }) }
                </ul>
            }
            <figure class="raw">
                <figcaption>{ format!("{} · line {}", words::DETAIL_RAW, hop.location.line) }</figcaption>
                <pre><code>{ &hop.raw }</code></pre>
            </figure>
        </div>
    }
}
