//! The message's context: subject, date, TLS-Required, sender authentication results (as
//! context only) and the MX hosts the checks used.
//!
//! Must not depend on the browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::report::ReportView;
use crate::ui::words;

/// The card's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct MessageContextProps {
    /// The report.
    pub report: Rc<ReportView>,
}

/// The card.
#[function_component(MessageContext)]
pub fn message_context(props: &MessageContextProps) -> Html {
    let report = &props.report;
    let message = report.message.clone().unwrap_or_default();
    let row = |label: &'static str, value: &Option<String>| match value {
        Some(v) if !v.trim().is_empty() => html! {<>
            <dt>{ label }</dt>
            <dd>{ v }</dd>
        </>},
        _ => html! {},
    };
    let tls_required_no = message
        .tls_required
        .as_deref()
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("no"));
    html! {
        <aside class="card context-card" aria-labelledby="context-title">
            <div class="card-head">
                <h2 id="context-title">{ words::MESSAGE_TITLE }</h2>
            </div>
            <dl class="context">
                { row(words::SUBJECT, &message.subject) }
                { row(words::FROM, &message.from) }
                { row(words::DATE, &message.date) }
                if let Some(value) = &message.tls_required {
                    <dt>{ words::TLS_REQUIRED }</dt>
                    <dd>
                        <code>{ value }</code>
                        if tls_required_no {
                            <p class="hint">{ words::TLS_REQUIRED_NOTE }</p>
                        }
                    </dd>
                }
            </dl>
            if !message.authentication.is_empty() {
                <div class="auth">
                    <h3>{ words::AUTHENTICATION }</h3>
                    <ul class="chips">
                        { for message.authentication.iter().map(|a| {
                            let tone = match a.result.to_ascii_lowercase().as_str() {
                                "pass" => "is-pass",
                                "fail" | "permerror" | "hardfail" => "is-fail",
                                "softfail" | "temperror" | "neutral" | "policy" => "is-soft",
                                _ => "is-none",
                            };
                            let title = match &a.property {
                                Some(p) => format!("{} · {}", a.authserv_id, p),
                                None => a.authserv_id.clone(),
                            };
                            html! {
                                <li class={classes!("chip", tone)} {title}>
                                    <span class="chip-method">{ a.method.to_ascii_uppercase() }</span>
                                    <span class="chip-result">{ &a.result }</span>
                                </li>
                            }
                        }) }
                    </ul>
                    <p class="hint">{ words::AUTHENTICATION_NOTE }</p>
                </div>
            }
            if !report.mx_hosts.is_empty() {
                <div class="mx-used">
                    <h3>{ words::MX_USED }</h3>
                    <ul>
                        { for report.mx_hosts.iter().map(|mx| html! {
                            <li><code>{ &mx.name }</code>{ " " }<span class="muted">{ format!("({})", words::mx_source(mx.source)) }</span></li>
                        }) }
                    </ul>
                </div>
            }
        </aside>
    }
}
