//! The keyboard-shortcuts dialog, opened with `?`. A native `<dialog>`: `ui/web.rs` opens it
//! with `showModal()`, which keeps the focus inside it, and gives the focus back on close.
//!
//! Must not touch the browser: the close button and the dialog's `close` event go up.

use yew::prelude::*;

use crate::ui::state::Action;
use crate::ui::words;

/// The dialog's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct ShortcutsProps {
    /// Reducer actions (closing).
    pub act: Callback<Action>,
}

/// The dialog. It is always in the page, closed until `ui/web.rs` opens it.
#[function_component(Shortcuts)]
pub fn shortcuts(props: &ShortcutsProps) -> Html {
    let close = {
        let act = props.act.clone();
        Callback::from(move |_: MouseEvent| act.emit(Action::Help(false)))
    };
    // Esc closes a modal dialog by itself; the reducer must hear of it.
    let closed = {
        let act = props.act.clone();
        Callback::from(move |_: Event| act.emit(Action::Help(false)))
    };
    html! {
        <dialog id="shortcuts" class="dialog" aria-labelledby="shortcuts-title" onclose={closed}>
            <div class="dialog-head">
                <h2 id="shortcuts-title">{ words::SHORTCUTS_TITLE }</h2>
                <button type="button" class="button button-quiet" id="shortcuts-close" onclick={close}>
                    { words::CLOSE }
                </button>
            </div>
            <dl class="shortcut-list">
                { for words::SHORTCUTS.iter().map(|(keys, what)| html! {<>
                    <dt><kbd>{ *keys }</kbd></dt>
                    <dd>{ *what }</dd>
                </>}) }
            </dl>
            <p class="hint">{ words::SHORTCUTS_NOTE }</p>
        </dialog>
    }
}
