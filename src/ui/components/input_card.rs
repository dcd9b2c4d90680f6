//! The input card: the strip of inputs (each with its detected kind, name and a remove button,
//! and "+ Add input"), the editor for the open one with its kind and problems, messages about
//! refused files, the undo bar after an example, and the tools: examples, file picker, domain,
//! MX hosts and Clear all.
//!
//! Must not touch the browser: raw events go up through [`Handlers`].

use std::rc::Rc;

use yew::prelude::*;

use super::icons::{icon, Icon};
use super::page::Handlers;
use super::{ExamplesMenu, InputProblem};
use crate::analysis::Kind;
use crate::ui::state::{Action, Doc, State, LARGE_INPUT_BYTES, MAX_FILE_BYTES};
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
    let act = &handlers.act;
    let on_clear = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Clear))
    };
    let on_add = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::AddInput))
    };
    let on_undo = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::UndoExample))
    };
    let on_dismiss = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::DismissNotices))
    };
    let on_remove_file = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::EditText(String::new())))
    };
    let problems = state.input_problems();
    let file = state.file();
    let compact = (state.report().is_some() && state.has_input()) || file.is_some();
    let active = state.active_doc();
    let size = active.map_or(0, Doc::size);
    let size_note = if size > MAX_FILE_BYTES {
        Some(words::over_limit(size))
    } else if size > LARGE_INPUT_BYTES {
        Some(words::large_input(size))
    } else {
        None
    };
    let placeholder = if file.is_some() {
        words::REPLACE_FILE
    } else {
        words::placeholder_for(active.and_then(|d| d.seen))
    };
    let removable = state.documents.len() > 1;

    html! {
        <section class="card input-card" aria-labelledby="inputs-title">
            <div class="input-strip">
                <h2 id="inputs-title" class="input-strip-title">{ words::INPUTS_TITLE }</h2>
                <ul class="input-tabs" aria-label={words::INPUT_LIST_LABEL}>
                    { for state.documents.iter().enumerate().map(|(i, doc)| {
                        tab(state, doc, i == state.active, removable || !doc.is_blank(), act)
                    }) }
                    <li class="input-tab-add">
                        <button type="button" id="add-input" class="button button-quiet"
                            title={words::ADD_INPUT_TITLE} onclick={on_add}>
                            <span class="plus" aria-hidden="true">{ "+" }</span>
                            <span>{ words::ADD_INPUT }</span>
                        </button>
                    </li>
                </ul>
            </div>
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
                {placeholder}
                spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-describedby="input-hint" />
            <p id="input-hint" class="hint">{ words::INPUT_HINT }</p>
            if let Some(note) = size_note {
                <p class="hint is-warning" data-test="large-input">{ note }</p>
            }
            if !problems.is_empty() {
                <InputProblem findings={problems.into_iter().cloned().collect::<Vec<_>>()} />
            }
            if !state.notices.is_empty() {
                <div class="banner banner-warning" data-test="input-notice" role="alert">
                    { icon(Icon::Warning, "banner-icon") }
                    <div class="banner-body">
                        { for state.notices.iter().map(|n| html! { <p>{ n }</p> }) }
                        <div class="banner-actions">
                            <button type="button" class="button" onclick={on_dismiss}>{ words::DISMISS }</button>
                        </div>
                    </div>
                </div>
            }
            if state.undo.is_some() {
                <div class="undo-bar" role="status" data-test="undo">
                    <span>{ words::REPLACED }</span>
                    <button type="button" id="undo-example" class="button" onclick={on_undo}>
                        { words::UNDO }
                    </button>
                </div>
            }
            <div class="input-tools">
                <ExamplesMenu selected={state.example} on_change={handlers.example.clone()} />
                <div class="tool tool-file">
                    <input type="file" id="file" class="visually-hidden file-input" multiple={true}
                        onchange={handlers.file_pick.clone()} />
                    <label for="file" class="button">
                        { icon(Icon::File, "") }
                        <span>{ words::OPEN_FILE }</span>
                    </label>
                </div>
                <div class="tool domain-tool">
                    <label for="domain" class="field-label">{ words::DOMAIN_LABEL }</label>
                    <input id="domain" type="text" class="field" inputmode="url"
                        value={state.domain.clone()} oninput={handlers.domain_input.clone()}
                        placeholder={words::DOMAIN_PLACEHOLDER} spellcheck="false"
                        autocomplete="off" autocapitalize="off" aria-describedby="domain-hint" />
                    <p id="domain-hint" class="hint">{ words::DOMAIN_HINT }</p>
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
                        disabled={!state.has_anything()}>
                        { icon(Icon::Clear, "") }
                        <span>{ words::CLEAR }</span>
                    </button>
                </div>
            </div>
        </section>
    }
}

/// One input in the strip: a button that opens it (with its kind and name) and one that
/// removes it.
fn tab(state: &State, doc: &Doc, active: bool, removable: bool, act: &Callback<Action>) -> Html {
    let id = doc.id;
    let detected = state.detected_kind(id).filter(|_| !doc.is_blank());
    let (kind_attr, badge) = match detected {
        _ if doc.is_blank() => ("empty", words::KIND_EMPTY),
        Some(kind) => (kind.name(), words::kind_short(kind)),
        None => ("pending", words::KIND_PENDING),
    };
    let on_open = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::SelectInput(id)))
    };
    let on_remove = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::RemoveInput(id)))
    };
    let remove_label = words::remove_input(&doc.name);
    html! {
        <li key={id} class={classes!("input-tab", active.then_some("is-active"))}
            data-test="input-tab" data-kind={kind_attr}>
            <button type="button" class="input-tab-open" id={format!("input-tab-{id}")}
                aria-current={if active { "true" } else { "false" }} aria-controls="input"
                onclick={on_open}>
                <span class={classes!("tab-kind", format!("kind-{kind_attr}"))}>{ badge }</span>
                <span class="tab-name">{ doc.name.clone() }</span>
                if !doc.is_blank() {
                    <span class="tab-size">{ words::size_label(doc.size()) }</span>
                }
            </button>
            if removable {
                <button type="button" class="input-tab-remove" aria-label={remove_label.clone()}
                    title={remove_label} onclick={on_remove}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            }
        </li>
    }
}
