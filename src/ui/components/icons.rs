//! Inline SVG icons (drawn here, 24×24, stroked in `currentColor`), so the page loads no image
//! files and every icon follows the theme's colours.
//!
//! Must not depend on the browser. Icons are decorative (`aria-hidden`); the text beside them
//! carries the meaning.

use yew::prelude::*;

/// The icons the page uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// The product mark: an envelope with a lock.
    Mark,
    /// A closed lock: encrypted.
    LockClosed,
    /// An open lock: not encrypted.
    LockOpen,
    /// A question mark in a circle: not stated.
    Unknown,
    /// A critical finding.
    Critical,
    /// A warning.
    Warning,
    /// A notice.
    Notice,
    /// Passed.
    Ok,
    /// A document (file picker).
    File,
    /// A chevron (expand).
    Chevron,
    /// Crossed circle (clear).
    Clear,
    /// A shield (privacy).
    Shield,
    /// A copy symbol.
    Copy,
    /// A circular arrow (try again).
    Retry,
}

/// An icon as inline SVG, with an extra class.
pub fn icon(which: Icon, class: &'static str) -> Html {
    let body = match which {
        Icon::Mark => html! {<>
            <rect x="2.5" y="5" width="15" height="11" rx="2" />
            <path d="M3 6.5l7 5 7-5" />
            <rect x="14" y="13" width="8" height="7" rx="1.5" class="icon-fill" />
            <path d="M15.8 13v-1.6a2.2 2.2 0 0 1 4.4 0V13" />
        </>},
        Icon::LockClosed => html! {<>
            <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
            <path d="M8 10.5V7a4 4 0 0 1 8 0v3.5" />
        </>},
        Icon::LockOpen => html! {<>
            <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
            <path d="M8 10.5V7a4 4 0 0 1 7.6-1.7" />
        </>},
        Icon::Unknown => html! {<>
            <circle cx="12" cy="12" r="9" />
            <path d="M9.6 9.3a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.6" />
            <path d="M12 16.8h.01" />
        </>},
        Icon::Critical => html! {<>
            <path d="M8.2 2.8h7.6l5.4 5.4v7.6l-5.4 5.4H8.2l-5.4-5.4V8.2z" />
            <path d="M12 7.5v5.5M12 16.5h.01" />
        </>},
        Icon::Warning => html! {<>
            <path d="M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
            <path d="M12 9v4.5M12 17h.01" />
        </>},
        Icon::Notice => html! {<>
            <circle cx="12" cy="12" r="9" />
            <path d="M12 11v5.5M12 7.8h.01" />
        </>},
        Icon::Ok => html! {<>
            <circle cx="12" cy="12" r="9" />
            <path d="M8 12.3l2.8 2.8L16.2 9.5" />
        </>},
        Icon::File => html! {<>
            <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
            <path d="M14 3v5h5M9 13h6M9 17h6" />
        </>},
        Icon::Chevron => html! { <path d="M9 6l6 6-6 6" /> },
        Icon::Clear => html! {<>
            <circle cx="12" cy="12" r="9" />
            <path d="M9 9l6 6M15 9l-6 6" />
        </>},
        Icon::Shield => html! {<>
            <path d="M12 3l7.5 3v5.5c0 4.6-3.1 8.3-7.5 9.5-4.4-1.2-7.5-4.9-7.5-9.5V6z" />
            <path d="M9 12l2.2 2.2L15.5 10" />
        </>},
        Icon::Copy => html! {<>
            <rect x="9" y="9" width="11" height="11" rx="2" />
            <path d="M5 15V6a2 2 0 0 1 2-2h9" />
        </>},
        Icon::Retry => html! {<>
            <path d="M20 12a8 8 0 1 1-2.3-5.7" />
            <path d="M20 4v5h-5" />
        </>},
    };
    html! {
        <svg class={classes!("icon", class)} viewBox="0 0 24 24" aria-hidden="true"
            focusable="false" fill="none" stroke="currentColor" stroke-width="2"
            stroke-linecap="round" stroke-linejoin="round">
            { body }
        </svg>
    }
}

/// The icon for a finding's severity.
pub fn severity_icon(severity: crate::analysis::Severity) -> Html {
    use crate::analysis::Severity;
    match severity {
        Severity::Critical => icon(Icon::Critical, "sev-icon"),
        Severity::Warning => icon(Icon::Warning, "sev-icon"),
        Severity::Notice => icon(Icon::Notice, "sev-icon"),
        Severity::Ok => icon(Icon::Ok, "sev-icon"),
    }
}
