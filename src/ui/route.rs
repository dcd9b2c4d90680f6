//! Which view a URL fragment opens: the report, the explainer's index, a walk-through at one of
//! its steps, or the TLS 1.2 / 1.3 comparison; and the fragments the explainer's links point to.
//!
//! Must not depend on the browser or call analysis functions: the fragment grammar
//! (`handshake::Fragment`) is plain parsing and formatting, and the walk-throughs are data the
//! worker built. Every link keeps the fragment's other parts (the `s=` share payload, parts a
//! newer version wrote), so moving around the explainer never drops them.

use crate::analysis::handshake::{Explainer, Fragment, Scenario, View};

/// What the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The report (no `explain` part in the fragment).
    Report,
    /// The explainer's list of walk-throughs (`#explain`, or an unknown scenario).
    Index,
    /// One walk-through at one step (`#explain/<scenario>[/<step>]`).
    Walkthrough {
        /// Which walk-through.
        scenario: Scenario,
        /// The step's position in `Walkthrough::steps`; an unknown or missing step is the first.
        position: usize,
    },
    /// TLS 1.2 and TLS 1.3 side by side (`#explain/compare`).
    Compare,
}

impl Route {
    /// The route a fragment opens, given the walk-throughs at hand. Never fails: an unknown step
    /// opens the walk-through's first step, a walk-through that isn't there opens the index.
    pub fn resolve(fragment: &Fragment, explainer: &Explainer) -> Route {
        match &fragment.view {
            None => Route::Report,
            Some(View::Compare) => Route::Compare,
            Some(View::Explain { scenario, step }) => {
                let Some(walkthrough) = scenario.and_then(|s| explainer.walkthrough(s)) else {
                    return Route::Index;
                };
                Route::Walkthrough {
                    scenario: walkthrough.scenario,
                    position: step
                        .as_deref()
                        .and_then(|step| walkthrough.position(step))
                        .unwrap_or(0),
                }
            }
        }
    }

    /// True for every explainer view (not the report).
    pub fn is_explainer(self) -> bool {
        self != Route::Report
    }
}

/// A link to `view`, keeping `base`'s other parts. Never empty: an empty `href` would reload
/// the page, so the bare report is `#`.
pub fn href(base: &Fragment, view: Option<View>) -> String {
    let text = Fragment {
        view,
        ..base.clone()
    }
    .to_string();
    if text.is_empty() {
        "#".to_string()
    } else {
        text
    }
}

/// A link to one step of a walk-through (`step` is its id without the scenario).
pub fn step_href(base: &Fragment, scenario: Scenario, step: &str) -> String {
    href(
        base,
        Some(View::Explain {
            scenario: Some(scenario),
            step: Some(step.to_string()),
        }),
    )
}

/// A link to a walk-through's first step.
pub fn scenario_href(base: &Fragment, scenario: Scenario) -> String {
    href(
        base,
        Some(View::Explain {
            scenario: Some(scenario),
            step: None,
        }),
    )
}

/// A link to the explainer's index.
pub fn index_href(base: &Fragment) -> String {
    href(
        base,
        Some(View::Explain {
            scenario: None,
            step: None,
        }),
    )
}

/// A link to the comparison.
pub fn compare_href(base: &Fragment) -> String {
    href(base, Some(View::Compare))
}

/// A link back to the report.
pub fn report_href(base: &Fragment) -> String {
    href(base, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::explain_state::example;

    /// (fragment, the route it opens). Steps are positions in the example walk-throughs.
    const ROUTES: &[(&str, Route)] = &[
        ("", Route::Report),
        ("#", Route::Report),
        ("#s=abc", Route::Report),
        ("#explain", Route::Index),
        ("#explain/nope/x", Route::Index),
        ("#explain/compare", Route::Compare),
        (
            "#explain/tls13",
            Route::Walkthrough {
                scenario: Scenario::Tls13,
                position: 0,
            },
        ),
        (
            "#explain/starttls/ehlo-again",
            Route::Walkthrough {
                scenario: Scenario::Starttls,
                position: 6,
            },
        ),
        // An unknown step opens the first; so does a malformed one.
        (
            "#explain/downgrade/no-such-step",
            Route::Walkthrough {
                scenario: Scenario::Downgrade,
                position: 0,
            },
        ),
        (
            "#explain/downgrade/Mail_In_Clear",
            Route::Walkthrough {
                scenario: Scenario::Downgrade,
                position: 0,
            },
        ),
        (
            "#s=abc&explain/downgrade/mail-in-clear",
            Route::Walkthrough {
                scenario: Scenario::Downgrade,
                position: 5,
            },
        ),
    ];

    #[test]
    fn fragments_open_their_routes() {
        let explainer = example();
        for (text, route) in ROUTES {
            assert_eq!(
                Route::resolve(&Fragment::parse(text), &explainer),
                *route,
                "{text}"
            );
        }
        // Without any walk-through (an old report), a scenario opens the index.
        assert_eq!(
            Route::resolve(&Fragment::parse("#explain/tls13"), &Explainer::default()),
            Route::Index
        );
    }

    #[test]
    fn links_keep_the_other_parts() {
        let base = Fragment::parse("#explain/tls12/server-hello&s=abc&future=1");
        assert_eq!(
            step_href(&base, Scenario::Downgrade, "strip"),
            "#explain/downgrade/strip&s=abc&future=1"
        );
        assert_eq!(report_href(&base), "#s=abc&future=1");
        assert_eq!(compare_href(&base), "#explain/compare&s=abc&future=1");
        assert_eq!(index_href(&base), "#explain&s=abc&future=1");
        assert_eq!(
            scenario_href(&base, Scenario::Tls13),
            "#explain/tls13&s=abc&future=1"
        );
        // The bare report is `#`, never an empty href (which would reload the page).
        assert_eq!(report_href(&Fragment::parse("#explain/tls13")), "#");
    }
}
