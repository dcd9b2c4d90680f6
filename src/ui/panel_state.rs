//! The detail panels' bit of page state, with its pure reducer: which element to scroll to (a
//! policy line a diagnostic points at) and which command was last copied. `state.rs` holds one
//! [`PanelState`] and forwards [`PanelAction`]s here, so the panels add one field and one action
//! to the page's state rather than many.
//!
//! Must not depend on the browser, a clock or the analysis functions. The scrolling and the
//! clipboard happen in `ui/web.rs`, driven by [`PanelState::reveal`] and the `copy` handler.

/// What the detail panels remember between renders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PanelState {
    /// An element to scroll to and focus (by id), set by a click in a diagnostics list.
    pub reveal: Option<Reveal>,
    /// The key of the command whose text was copied last (shows "Copied" on its button).
    pub copied: Option<String>,
}

/// An element to bring into view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reveal {
    /// The element's id.
    pub id: String,
    /// Increases with every request, so that asking twice for the same element scrolls twice.
    pub seq: u32,
}

/// What can happen to the panels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelAction {
    /// Scroll to the element with this id and focus it.
    Reveal(String),
    /// The clipboard now holds the command with this key.
    Copied(String),
}

impl PanelState {
    /// The state after `action`, or `None` when nothing changes.
    pub fn apply(&self, action: PanelAction) -> Option<PanelState> {
        let mut next = self.clone();
        match action {
            PanelAction::Reveal(id) => {
                if id.is_empty() {
                    return None;
                }
                let seq = self.reveal.as_ref().map_or(1, |r| r.seq.wrapping_add(1));
                next.reveal = Some(Reveal { id, seq });
            }
            PanelAction::Copied(key) => next.copied = Some(key),
        }
        (next != *self).then_some(next)
    }

    /// True when `id` is the element last revealed (it gets a highlight).
    pub fn is_revealed(&self, id: &str) -> bool {
        self.reveal.as_ref().is_some_and(|r| r.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_counts_each_request_and_ignores_an_empty_id() {
        let s = PanelState::default();
        assert_eq!(s.apply(PanelAction::Reveal(String::new())), None);
        let once = s
            .apply(PanelAction::Reveal("policy-0-line-3".into()))
            .unwrap_or_default();
        assert_eq!(
            once.reveal,
            Some(Reveal {
                id: "policy-0-line-3".into(),
                seq: 1
            })
        );
        assert!(once.is_revealed("policy-0-line-3"));
        assert!(!once.is_revealed("policy-0-line-4"));
        // The same line again scrolls again: the state changes.
        let twice = once
            .apply(PanelAction::Reveal("policy-0-line-3".into()))
            .unwrap_or_default();
        assert_eq!(twice.reveal.map(|r| r.seq), Some(2));
    }

    #[test]
    fn copied_remembers_the_last_key_once() {
        let s = PanelState::default()
            .apply(PanelAction::Copied("mx".into()))
            .unwrap_or_default();
        assert_eq!(s.copied.as_deref(), Some("mx"));
        assert_eq!(s.apply(PanelAction::Copied("mx".into())), None);
        let other = s
            .apply(PanelAction::Copied("tlsa-1".into()))
            .unwrap_or_default();
        assert_eq!(other.copied.as_deref(), Some("tlsa-1"));
    }
}
