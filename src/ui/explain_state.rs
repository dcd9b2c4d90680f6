//! The explainer's state and its pure reducer: the URL fragment (which walk-through, which
//! step), whether it plays, which walk-throughs it shows (the reader's, from the worker, or the
//! example compiled in), and how each change should reach the URL.
//!
//! Must not depend on the browser or call analysis functions: it runs natively in the tests.
//! `ui/web.rs` reads the fragment into [`ExplainAction::Url`], writes it back when [`url_seq`]
//! changes, and runs the play timer.
//!
//! History: opening a walk-through (a link) adds a history entry, as links do; stepping with the
//! buttons, the arrow keys or play replaces the current entry, so Back leaves the walk-through
//! instead of undoing one step at a time, while every step still has its own shareable URL.
//!
//! [`url_seq`]: ExplainState::url_seq

use std::cell::OnceCell;
use std::rc::Rc;

use yew::Reducible;

use super::route::Route;
use crate::analysis::handshake::{Explainer, Fragment, Scenario, Step, View, Walkthrough};

/// The example walk-throughs: `analyze` of no input, as JSON. `tests/handshake.rs` regenerates
/// it (and fails when it is stale), so the explainer works before, and without, the worker: an
/// embed or a first visit to "How it works" doesn't load the ~500 KB analysis engine.
const EXAMPLE_JSON: &str = include_str!("explainer-example.json");

thread_local! {
    static EXAMPLE: OnceCell<Rc<Explainer>> = const { OnceCell::new() };
}

/// The example walk-throughs, read once per thread on first use. A file that doesn't read
/// (impossible while the test above passes) gives no walk-throughs: the index still shows.
pub fn example() -> Rc<Explainer> {
    EXAMPLE.with(|cell| {
        cell.get_or_init(|| Rc::new(serde_json::from_str(EXAMPLE_JSON).unwrap_or_default()))
            .clone()
    })
}

/// The explainer's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExplainState {
    /// The fragment as last read from or written to the URL, share payload and unknown parts
    /// included.
    pub fragment: Fragment,
    /// The reader's walk-throughs, from the latest report; `None` shows the example.
    pub personal: Option<Rc<Explainer>>,
    /// Steps advance by themselves.
    pub playing: bool,
    /// How `ui/web.rs` should write [`ExplainState::fragment`] to the URL.
    pub url_write: UrlWrite,
    /// Increases with every change the URL must follow; `ui/web.rs` writes when it changes.
    pub url_seq: u32,
}

/// How a change reaches the URL.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UrlWrite {
    /// It came from the URL: nothing to write.
    #[default]
    None,
    /// Replace the current history entry (a step moved).
    Replace,
}

/// A move within a walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// The previous step.
    Back,
    /// The next step.
    Next,
    /// The first step (Home).
    First,
    /// The last step (End).
    Last,
}

/// Everything that can happen to the explainer.
#[derive(Debug, Clone, PartialEq)]
pub enum ExplainAction {
    /// The URL's fragment is this (on load, and on every `hashchange`).
    Url(String),
    /// The latest report's walk-throughs (`None`: no input, show the example).
    Data(Option<Rc<Explainer>>),
    /// Move within the open walk-through.
    Go(Move),
    /// Open the step at this position of the open walk-through (a click on its row).
    Step(usize),
    /// Start advancing by itself (from the first step when at the last).
    Play,
    /// Stop advancing.
    Pause,
    /// The play timer fired: the next step, or stop at the last.
    Tick,
}

impl Reducible for ExplainState {
    type Action = ExplainAction;

    fn reduce(self: Rc<Self>, action: ExplainAction) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

impl ExplainState {
    /// The state for the URL the page was opened with.
    pub fn from_url(hash: &str) -> ExplainState {
        ExplainState {
            fragment: Fragment::parse(hash),
            ..ExplainState::default()
        }
    }

    /// The walk-throughs shown: the reader's, or the example.
    pub fn explainer(&self) -> Rc<Explainer> {
        match &self.personal {
            Some(personal) if !personal.is_empty() => personal.clone(),
            _ => example(),
        }
    }

    /// The view the fragment opens.
    pub fn route(&self) -> Route {
        if self.fragment.view.is_none() {
            // The report needs no walk-throughs (don't read the example for it).
            return Route::Report;
        }
        Route::resolve(&self.fragment, &self.explainer())
    }

    /// The open walk-through and the current step's position, if one is open.
    pub fn current(&self) -> Option<(Rc<Explainer>, Scenario, usize)> {
        match self.route() {
            Route::Walkthrough { scenario, position } => {
                Some((self.explainer(), scenario, position))
            }
            _ => None,
        }
    }

    /// The state after `action`, or `None` when nothing changes (so nothing re-renders).
    pub fn apply(&self, action: ExplainAction) -> Option<ExplainState> {
        match action {
            ExplainAction::Url(text) => {
                let fragment = Fragment::parse(&text);
                (fragment != self.fragment).then(|| ExplainState {
                    fragment,
                    // The reader navigated (Back, a link, a typed URL): stop playing.
                    playing: false,
                    url_write: UrlWrite::None,
                    ..self.clone()
                })
            }
            ExplainAction::Data(personal) => {
                let personal = personal.filter(|p| !p.is_empty());
                (personal != self.personal).then(|| ExplainState {
                    personal,
                    ..self.clone()
                })
            }
            ExplainAction::Go(to) => {
                let (explainer, scenario, position) = self.current()?;
                let walkthrough = explainer.walkthrough(scenario)?;
                let last = walkthrough.steps().count().checked_sub(1)?;
                let target = match to {
                    Move::Back => position.checked_sub(1)?,
                    Move::Next => (position < last).then_some(position + 1)?,
                    Move::First => 0,
                    Move::Last => last,
                };
                self.at_step(walkthrough, target, self.playing)
            }
            ExplainAction::Step(target) => {
                let (explainer, scenario, position) = self.current()?;
                if target == position {
                    return None;
                }
                self.at_step(explainer.walkthrough(scenario)?, target, self.playing)
            }
            ExplainAction::Play => {
                let (explainer, scenario, position) = self.current()?;
                let walkthrough = explainer.walkthrough(scenario)?;
                let last = walkthrough.steps().count().checked_sub(1)?;
                if self.playing {
                    return None;
                }
                if position >= last {
                    // Play at the end starts again.
                    return self.at_step(walkthrough, 0, true);
                }
                Some(ExplainState {
                    playing: true,
                    ..self.clone()
                })
            }
            ExplainAction::Pause => self.playing.then(|| ExplainState {
                playing: false,
                ..self.clone()
            }),
            ExplainAction::Tick => {
                if !self.playing {
                    return None;
                }
                let stopped = ExplainState {
                    playing: false,
                    ..self.clone()
                };
                let Some((explainer, scenario, position)) = self.current() else {
                    return Some(stopped);
                };
                let Some(walkthrough) = explainer.walkthrough(scenario) else {
                    return Some(stopped);
                };
                if position + 1 >= walkthrough.steps().count() {
                    return Some(stopped);
                }
                self.at_step(walkthrough, position + 1, true)
            }
        }
    }

    /// The state at step `position` of `walkthrough`, written to the URL in place.
    fn at_step(
        &self,
        walkthrough: &Walkthrough,
        position: usize,
        playing: bool,
    ) -> Option<ExplainState> {
        let step = walkthrough.steps().nth(position)?;
        Some(ExplainState {
            fragment: Fragment {
                view: Some(View::Explain {
                    scenario: Some(walkthrough.scenario),
                    step: Some(step.local_id().to_string()),
                }),
                ..self.fragment.clone()
            },
            playing,
            url_write: UrlWrite::Replace,
            url_seq: self.url_seq.wrapping_add(1),
            personal: self.personal.clone(),
        })
    }
}

/// How long play shows a step: time to read its explanation and notes, within 3 to 12 seconds.
pub fn dwell_ms(step: &Step) -> u32 {
    let chars = step.explanation.len() + step.personal.iter().map(String::len).sum::<usize>();
    let ms = 2_000 + 35 * u32::try_from(chars).unwrap_or(u32::MAX / 64);
    ms.clamp(3_000, 12_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies actions in order, treating "no change" as keeping the state.
    fn run(start: &str, actions: &[ExplainAction]) -> ExplainState {
        actions
            .iter()
            .cloned()
            .fold(ExplainState::from_url(start), |s, a| {
                s.apply(a).unwrap_or(s)
            })
    }

    fn at(state: &ExplainState) -> String {
        state.fragment.to_string()
    }

    #[test]
    fn the_example_is_every_walkthrough() {
        let example = example();
        let scenarios: Vec<Scenario> = example.walkthroughs.iter().map(|w| w.scenario).collect();
        assert_eq!(scenarios, Scenario::ALL);
        assert!(example.walkthroughs.iter().all(|w| w.example));
        assert!(!example.side_by_side.is_empty());
    }

    #[test]
    fn steps_move_within_the_walkthrough_and_replace_the_url() {
        use ExplainAction::Go;
        let s = run("#explain/starttls", &[Go(Move::Next), Go(Move::Next)]);
        assert_eq!(at(&s), "#explain/starttls/capabilities");
        assert_eq!(s.url_write, UrlWrite::Replace);
        assert_eq!(s.url_seq, 2);
        let s = run("#explain/starttls/ehlo", &[Go(Move::Back), Go(Move::Back)]);
        assert_eq!(
            at(&s),
            "#explain/starttls/greeting",
            "Back stops at the first"
        );
        let s = run("#explain/tls13&s=abc", &[Go(Move::Last)]);
        assert_eq!(at(&s), "#explain/tls13/resume-client-finished&s=abc");
        let s = s.apply(Go(Move::Next));
        assert!(s.is_none(), "Next at the last step changes nothing");
        let s = run("#explain/downgrade/strip", &[Go(Move::First)]);
        assert_eq!(at(&s), "#explain/downgrade/greeting");
        // No walk-through open: the keys do nothing.
        assert!(ExplainState::from_url("#explain")
            .apply(Go(Move::Next))
            .is_none());
        assert!(ExplainState::from_url("").apply(Go(Move::Next)).is_none());
    }

    #[test]
    fn play_advances_until_the_end_and_restarts_from_there() {
        use ExplainAction::{Pause, Play, Tick};
        let s = run("#explain/implicit-tls", &[Play, Tick, Tick]);
        assert!(s.playing);
        assert_eq!(at(&s), "#explain/implicit-tls/greeting");
        let s = run("#explain/implicit-tls/submit", &[Play]);
        assert_eq!(
            at(&s),
            "#explain/implicit-tls/connect",
            "play at the end restarts"
        );
        assert!(s.playing);
        let s = run("#explain/implicit-tls/auth", &[Play, Tick, Tick]);
        assert_eq!(at(&s), "#explain/implicit-tls/submit");
        assert!(!s.playing, "the last tick stops at the last step");
        let s = run("#explain/implicit-tls", &[Play, Pause, Tick]);
        assert!(!s.playing);
        assert_eq!(
            at(&s),
            "#explain/implicit-tls",
            "a tick after pause does nothing"
        );
        // Navigating (Back, a link) stops playing; the echo of our own write does not.
        let s = run("#explain/tls12", &[Play, Tick]);
        let echo = s.apply(ExplainAction::Url(at(&s)));
        assert!(echo.is_none());
        let s = s
            .apply(ExplainAction::Url("#explain/tls13".into()))
            .unwrap_or_default();
        assert!(!s.playing);
        assert_eq!(s.url_write, UrlWrite::None);
    }

    #[test]
    fn the_readers_walkthroughs_replace_the_example() {
        let mut mine = (*example()).clone();
        if let Some(w) = mine.walkthroughs.first_mut() {
            w.title = "Mine".into();
            w.example = false;
        }
        let mine = Rc::new(mine);
        let s = run(
            "#explain/starttls",
            &[ExplainAction::Data(Some(mine.clone()))],
        );
        assert_eq!(
            s.explainer()
                .walkthrough(Scenario::Starttls)
                .map(|w| w.title.as_str()),
            Some("Mine")
        );
        // An empty explainer (an older report) keeps the example.
        let s = s
            .apply(ExplainAction::Data(Some(Rc::new(Explainer::default()))))
            .unwrap_or_default();
        assert!(s.personal.is_none());
        assert!(s.explainer().walkthroughs.iter().all(|w| w.example));
    }

    #[test]
    fn play_shows_each_step_long_enough_to_read() {
        for w in &example().walkthroughs {
            for step in w.steps() {
                let ms = dwell_ms(step);
                assert!((3_000..=12_000).contains(&ms), "{}: {ms}", step.id);
            }
        }
    }
}
