//! The input card: the paste area, the detected kind, "Try an example", the file picker, the MX
//! hosts field, Clear, and the banner for inputs mailtls could not read.
//!
//! Must not touch the browser: raw events go up through [`Handlers`].

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use super::page::Handlers;
use super::{ExamplesMenu, InputProblem};
use crate::analysis::Kind;
use crate::ui::state::{Action, State};
use crate::ui::words;

/// The input card's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct InputCardProps {
    /// The state.
    pub state: Rc<State>,
    /// The callbacks.
    pub handlers: Handlers,
}

/// The input card.
#[function_component(InputCard)]
pub fn input_card(props: &InputCardProps) -> Html {
    let state = &props.state;
    let handlers = &props.handlers;
    let on_clear = {
        let act = handlers.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Clear))
    };
    let on_remove_file = {
        let act = handlers.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::EditText(String::new())))
    };
    let problems = state.input_problems();
    let file = state.file();
    let compact = (state.report().is_some() && state.has_input()) || file.is_some();

    html! {
        <section class="card input-card" aria-labelledby="input-label">
            <div class="input-head">
                <label id="input-label" for="input" class="input-label">{ words::INPUT_LABEL }</label>
                if let Some(kind) = state.kind() {
                    <p class={classes!("kind-badge", (kind == Kind::Unknown).then_some("is-unknown"))}>
                        <span class="kind-prefix">{ words::DETECTED }</span>
                        { " " }
                        <span class="kind-name" data-test="kind">{ kind.label() }</span>
                    </p>
                }
            </div>
            if let Some((name, size)) = file {
                <div class="file-chip">
                    { icon(Icon::File, "") }
                    <span class="file-chip-text">{ words::binary_file(name, size) }</span>
                    <button type="button" class="button button-quiet" onclick={on_remove_file}>
                        { "Remove" }
                    </button>
                </div>
            }
            <textarea id="input" class={classes!("input", compact.then_some("is-compact"))}
                value={state.text_shared().map_or_else(AttrValue::default, AttrValue::from)}
                oninput={handlers.text_input.clone()}
                placeholder={if file.is_some() { words::REPLACE_FILE } else { words::INPUT_PLACEHOLDER }}
                spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-describedby="input-hint" />
            <p id="input-hint" class="hint">{ words::INPUT_HINT }</p>
            if !problems.is_empty() {
                <InputProblem findings={problems.into_iter().cloned().collect::<Vec<_>>()} />
            }
            <div class="input-tools">
                <ExamplesMenu selected={state.example} on_change={handlers.example.clone()} />
                <div class="tool tool-file">
                    <input type="file" id="file" class="visually-hidden file-input"
                        onchange={handlers.file_pick.clone()} />
                    <label for="file" class="button">
                        { icon(Icon::File, "") }
                        <span>{ words::OPEN_FILE }</span>
                    </label>
                </div>
                <div class="tool mx-tool">
                    <label for="mx-hosts" class="field-label">{ words::MX_LABEL }</label>
                    <input id="mx-hosts" type="text" class="field"
                        value={state.mx_hosts.clone()} oninput={handlers.mx_input.clone()}
                        placeholder={words::MX_PLACEHOLDER} spellcheck="false"
                        autocomplete="off" autocapitalize="off" aria-describedby="mx-hint" />
                    <p id="mx-hint" class="hint">{ words::MX_HINT }</p>
                </div>
                <div class="tool tool-end">
                    <button type="button" id="clear" class="button button-quiet"
                        title={words::CLEAR_TITLE} onclick={on_clear}
                        disabled={!state.has_input() && state.mx_hosts.is_empty()}>
                        { icon(Icon::Clear, "") }
                        <span>{ words::CLEAR }</span>
                    </button>
                </div>
            </div>
        </section>
    }
}
