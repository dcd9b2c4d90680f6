//! "Try an example": a menu of the real samples compiled into the page, grouped by input kind,
//! whole domains first.
//!
//! Must not touch the browser: the `change` event goes up raw.

use yew::prelude::*;

use crate::ui::samples::{in_group, Group};
use crate::ui::words;

/// The menu's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct ExamplesMenuProps {
    /// The sample currently loaded, if unchanged.
    pub selected: Option<&'static str>,
    /// The `change` event.
    pub on_change: Callback<Event>,
    /// The element id (the input card's menu is `examples`).
    #[prop_or("examples")]
    pub id: &'static str,
}

/// The menu.
#[function_component(ExamplesMenu)]
pub fn examples_menu(props: &ExamplesMenuProps) -> Html {
    html! {
        <div class="tool examples">
            <label for={props.id} class="field-label">{ words::EXAMPLES_LABEL }</label>
            <select id={props.id} class="field select" onchange={props.on_change.clone()}>
                <option value="" selected={props.selected.is_none()}>
                    { words::EXAMPLES_PLACEHOLDER }
                </option>
                { for Group::ALL.iter().map(|group| html! {
                    <optgroup label={group.label()}>
                        { for in_group(*group).map(|s| html! {
                            <option value={s.id} selected={props.selected == Some(s.id)}>{ s.label }</option>
                        }) }
                    </optgroup>
                }) }
            </select>
        </div>
    }
}
