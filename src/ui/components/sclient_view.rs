//! An `openssl s_client` transcript read back: whether STARTTLS was offered, the protocol and
//! cipher, the key exchange (hybrid post-quantum groups named), the verify result with what it
//! means and whether the host name was part of it, the chain as the server sent it (the
//! certificate panel checks it in full) and the EHLO capabilities after TLS, when shown.
//!
//! Must not depend on the browser, and must not parse: everything comes from `Transcript`.
//! Transcript lines are rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::sclient::{NameCheck, Outcome, StartTls};
use crate::ui::components::icons::{icon, Icon};
use crate::ui::panel_state::PanelAction;
use crate::ui::report::ReportView;
use crate::ui::state::Action;
use crate::ui::words_policies as says;

/// The view's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct SClientViewProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// Reducer actions (the link to the certificate panel).
    pub act: Callback<Action>,
}

/// The view.
#[function_component(SClientView)]
pub fn sclient_view(props: &SClientViewProps) -> Html {
    let Some(t) = props.report.s_client.as_ref() else {
        return html! {};
    };
    let to_certificates = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| {
            act.emit(Action::Panel(PanelAction::Reveal(
                says::CERTIFICATES_ID.to_string(),
            )));
        })
    };
    let (outcome_class, outcome_icon) = match t.outcome {
        Outcome::Established => ("is-good", Icon::LockClosed),
        Outcome::ConnectFailed | Outcome::HandshakeFailed => ("is-bad", Icon::LockOpen),
        Outcome::Unknown => ("is-unsure", Icon::Unknown),
    };
    html! {
        <section class="card sclient-view" data-test="sclient" aria-labelledby="sclient-title"
            data-outcome={outcome_name(t.outcome)} data-starttls={starttls_name(t.starttls)}>
            <div class="card-head">
                <h2 id="sclient-title">{ says::SCLIENT_TITLE }</h2>
                <span class={classes!("status-pill", outcome_class)}>
                    { icon(outcome_icon, "") }{ says::outcome(t.outcome) }
                </span>
            </div>
            if let Some(command) = &t.command {
                <p class="sclient-command">
                    <span class="muted">{ says::SCLIENT_COMMAND }{ " " }</span>
                    <code class="wrap">{ &command.text }</code>
                </p>
            }
            <dl class="kv sclient-facts">
                <dt>{ says::SCLIENT_STARTTLS }</dt>
                <dd class={starttls_class(t.starttls)} data-test="sclient-starttls">{ says::starttls(t.starttls) }</dd>
                if let Some(protocol) = t.protocol_text.as_deref().or(t.protocol.map(|p| p.name())) {
                    <dt>{ says::SCLIENT_PROTOCOL }</dt>
                    <dd><code>{ protocol }</code></dd>
                }
                if let Some(cipher) = &t.cipher {
                    <dt>{ says::SCLIENT_CIPHER }</dt>
                    <dd>
                        <code class="wrap">{ super::super::format::breakable(cipher, '_') }</code>
                        if let Some(iana) = t.cipher_iana.as_ref().filter(|i| *i != cipher) {
                            <span class="hint">{ " (" }{ iana }{ ")" }</span>
                        }
                        if let Some(fs) = t.forward_secret {
                            { " " }
                            <span class={classes!("tag", if fs { "tag-ok" } else { "tag-bad" })}>
                                { if fs { says::FORWARD_SECRET } else { says::NOT_FORWARD_SECRET } }
                            </span>
                        }
                    </dd>
                }
                if let Some(key) = &t.temp_key {
                    <dt>{ says::SCLIENT_KEY_EXCHANGE }</dt>
                    <dd data-test="sclient-key">
                        <code>{ &key.text }</code>
                        if key.post_quantum {
                            { " " }<span class="tag tag-ok">{ says::POST_QUANTUM }</span>
                        }
                    </dd>
                }
                if let Some(verify) = &t.verify {
                    <dt>{ says::SCLIENT_VERIFY }</dt>
                    <dd data-test="sclient-verify" data-code={verify.code.to_string()}>
                        <span class={classes!("check", if verify.code == 0 { "is-met" } else { "is-failed" })}>
                            { icon(if verify.code == 0 { Icon::Ok } else { Icon::Critical }, "") }
                            <code>{ says::verify_code(verify.code, &verify.text) }</code>
                        </span>
                        <p>{ &verify.meaning }</p>
                        if !verify.fix.is_empty() {
                            <p class="hint"><strong>{ says::FIX }{ ": " }</strong>{ &verify.fix }</p>
                        }
                    </dd>
                }
                <dt>{ says::SCLIENT_NAME }</dt>
                <dd class={name_class(t.name_check)} data-test="sclient-name">
                    { says::name_check(t.name_check) }
                    if let Some(name) = &t.verified_peername {
                        <p class="hint">{ says::verified_peername(name) }</p>
                    }
                </dd>
                if !t.chain.is_empty() {
                    <dt>{ says::SCLIENT_CHAIN }</dt>
                    <dd>
                        <ol class="chain-summary">
                            { for t.chain.iter().map(|c| html! {
                                <li>
                                    <span class="chain-depth">{ says::depth(c.depth) }</span>
                                    <code class="wrap">{ &c.subject }</code>
                                    if let Some(issuer) = &c.issuer {
                                        <span class="hint">{ says::ISSUED_BY }{ " " }<code class="wrap">{ issuer }</code></span>
                                    }
                                </li>
                            }) }
                        </ol>
                        if t.certificates.0 > 0 {
                            <button type="button" class="link-button" onclick={to_certificates}
                                data-test="to-certificates">
                                { says::SEE_CERTIFICATES }
                            </button>
                        }
                    </dd>
                }
                if t.outcome == Outcome::Established {
                    <dt>{ says::SCLIENT_AFTER_TLS }</dt>
                    <dd data-test="sclient-capabilities">
                        if t.capabilities.is_empty() {
                            <p class="muted">{ says::NO_EHLO_AFTER_TLS }</p>
                            if let Some(line) = &t.pre_tls_ehlo_last_line {
                                <p class="hint">{ says::echoed_line(&line.text) }</p>
                            }
                        } else {
                            <ul class="chips">
                                { for t.capabilities.iter().map(|c| html! {
                                    <li class={classes!("chip", (c == "REQUIRETLS").then_some("is-pass"))}>
                                        <span class="chip-method">{ c }</span>
                                    </li>
                                }) }
                            </ul>
                        }
                    </dd>
                }
                if !t.errors.is_empty() {
                    <dt>{ says::SCLIENT_ERRORS }</dt>
                    <dd>
                        <ul class="sclient-errors">
                            { for t.errors.iter().map(|e| html! {
                                <li><span class="muted">{ format!("line {}: ", e.line) }</span><code class="wrap">{ &e.text }</code></li>
                            }) }
                        </ul>
                    </dd>
                }
            </dl>
        </section>
    }
}

fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::ConnectFailed => "connect-failed",
        Outcome::HandshakeFailed => "handshake-failed",
        Outcome::Established => "established",
        Outcome::Unknown => "unknown",
    }
}

fn starttls_name(starttls: StartTls) -> &'static str {
    match starttls {
        StartTls::Offered => "offered",
        StartTls::NotOffered => "not-offered",
        StartTls::NotUsed => "not-used",
        StartTls::Unknown => "unknown",
    }
}

fn starttls_class(starttls: StartTls) -> &'static str {
    match starttls {
        StartTls::Offered => "is-good-text",
        StartTls::NotOffered => "is-bad-text",
        StartTls::NotUsed | StartTls::Unknown => "",
    }
}

fn name_class(check: NameCheck) -> &'static str {
    match check {
        NameCheck::Checked => "is-good-text",
        NameCheck::NotRequested => "is-warn-text",
        NameCheck::Unknown => "",
    }
}
