//! The commands to run where a browser can't reach (DNS, HTTPS as senders fetch it, port 25),
//! filled in with the user's domain and MX hosts when known and otherwise with example names
//! marked as such, each with a copy button, why it matters and its pitfalls. Then what
//! REQUIRETLS is, when the report explains it.
//!
//! Must not depend on the browser (the copy button sends its text up through a callback that
//! `ui/web.rs` turns into a clipboard write), and must not build commands: they come from
//! `Report::commands`, where the names were checked before being put into a shell line.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::components::icons::{icon, Icon};
use crate::ui::report::ReportView;
use crate::ui::words_policies as says;

/// The finding that explains REQUIRETLS, shown under the commands when the report has it.
pub const REQUIRETLS_CODE: &str = "REQUIRETLS_EXPLAINED";

/// The panel's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct CommandsPanelProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// Copy (key, text) to the clipboard.
    #[prop_or_default]
    pub copy: Callback<(String, String)>,
    /// The key of the command copied last.
    #[prop_or_default]
    pub copied: Option<String>,
    /// Start open. The page opens it when the inputs are policies, records or transcripts, and
    /// leaves it closed under a message's hops, where it is a next step rather than the answer.
    #[prop_or(true)]
    pub open: bool,
}

/// The key of the command at `index` (ids repeat: one `starttls` per MX host).
pub fn command_key(id: &str, index: usize) -> String {
    format!("{id}-{index}")
}

/// The panel.
#[function_component(CommandsPanel)]
pub fn commands_panel(props: &CommandsPanelProps) -> Html {
    let report = &props.report;
    if report.commands.is_empty() {
        return html! {};
    }
    let all_filled = report.commands.iter().all(|c| c.filled);
    let any_port_25 = report.commands.iter().any(|c| c.id == "starttls");
    let requiretls = report.findings.iter().find(|f| f.code == REQUIRETLS_CODE);
    html! {
        <section class="card commands-panel" data-test="commands" aria-labelledby="commands-title">
            <details class="commands-details" open={props.open}>
            <summary class="commands-summary">
                <h2 id="commands-title">{ says::COMMANDS_TITLE }</h2>
                <span class="hint">{ says::COMMANDS_SUMMARY }</span>
            </summary>
            <p class="panel-lead">{ says::COMMANDS_INTRO }</p>
            if let (Some(domain), true) = (report.domain.as_deref(), all_filled) {
                <p class="hint" data-test="filled-note">{ says::commands_filled(domain) }</p>
            } else {
                <p class="callout sev-notice" data-test="placeholder-note">
                    { icon(Icon::Notice, "callout-icon") }
                    <span>{ says::commands_placeholder(report.domain.as_deref()) }</span>
                </p>
            }
            if any_port_25 {
                <p class="callout sev-warning" data-test="port-25">
                    { icon(Icon::Warning, "callout-icon") }
                    <span>{ says::PORT_25 }{ " " }{ says::KEEP_OPTIONS }</span>
                </p>
            }
            <ol class="command-list">
                { for report.commands.iter().enumerate().map(|(i, c)| {
                    let key = command_key(&c.id, i);
                    let copied = props.copied.as_deref() == Some(key.as_str());
                    let onclick = {
                        let copy = props.copy.clone();
                        let key = key.clone();
                        let text = c.command.clone();
                        Callback::from(move |_: MouseEvent| copy.emit((key.clone(), text.clone())))
                    };
                    let title_id = format!("command-{i}-title");
                    html! {
                        <li class="command" data-test="command" data-id={c.id.clone()}
                            data-filled={c.filled.to_string()}>
                            <div class="command-head">
                                <h3 id={title_id.clone()} class="command-title">{ &c.title }</h3>
                                if !c.filled {
                                    <span class="tag tag-replace" data-test="replace-example">{ says::REPLACE_EXAMPLE }</span>
                                }
                                if let Some(source) = c.host_source {
                                    <span class="hint">{ says::command_host(source) }</span>
                                }
                            </div>
                            <div class="command-line">
                                <pre><code>{ &c.command }</code></pre>
                                <button type="button" class={classes!("button", "copy-button", copied.then_some("is-copied"))}
                                    data-test="copy" aria-label={says::copy_label(&c.title)} {onclick}>
                                    { icon(if copied { Icon::Ok } else { Icon::Copy }, "") }
                                    <span aria-live="polite">{ if copied { says::COPIED } else { says::COPY } }</span>
                                </button>
                            </div>
                            <p class="command-why">{ &c.why }</p>
                            if !c.pitfalls.is_empty() {
                                <details class="pitfalls">
                                    <summary>{ says::pitfalls(c.pitfalls.len()) }</summary>
                                    <ul>
                                        { for c.pitfalls.iter().map(|p| html! { <li>{ p }</li> }) }
                                    </ul>
                                </details>
                            }
                        </li>
                    }
                }) }
            </ol>
            if let Some(f) = requiretls {
                <details class="requiretls" data-test="requiretls">
                    <summary>{ &f.title }</summary>
                    <p>{ &f.detail }</p>
                    if !f.refs.is_empty() {
                        <p class="hint">{ f.refs.iter().map(|r| r.label()).collect::<Vec<_>>().join(" · ") }</p>
                    }
                </details>
            }
            </details>
        </section>
    }
}
