//! A policy as pasted, line by line, with each diagnostic marked where it is (like an editor's
//! squiggles) and its message written under its line, linked to the mark by `aria-describedby`.
//! Also the highlighter itself ([`highlight`]), which the records panel uses for TXT values.
//!
//! Must not depend on the browser, and must not parse the policy: the lines, their roles and
//! the diagnostics' places come from the report (`PolicyReport::lines`, `diagnostics`). Every
//! piece of the input is rendered as text.

use std::rc::Rc;

use yew::prelude::*;

use crate::analysis::mta_sts::{Diagnostic, LineRole, PolicyLine};
use crate::analysis::Severity;
use crate::ui::panel_state::PanelAction;
use crate::ui::report::ReportView;
use crate::ui::state::Action;
use crate::ui::words;
use crate::ui::words_policies as says;

/// One diagnostic's place on a line of text, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// 0-based character where it starts.
    pub start: usize,
    /// How many characters (0 for a point, drawn as a caret).
    pub len: usize,
    /// Its severity (the worst one wins where marks overlap).
    pub severity: Severity,
    /// The id of the element holding its message.
    pub message_id: String,
}

impl Mark {
    /// The mark of a diagnostic whose 1-based `column` counts in the text being marked.
    pub fn of(diagnostic: &Diagnostic, message_id: String) -> Mark {
        Mark {
            start: usize::try_from(diagnostic.column.saturating_sub(1)).unwrap_or(usize::MAX),
            len: usize::try_from(diagnostic.length).unwrap_or(usize::MAX),
            severity: diagnostic.severity,
            message_id,
        }
    }
}

/// The text with each mark drawn: a `<mark>` over its characters (described by its message) or a
/// caret where it has no length. Marks past the end of the text are drawn at the end. Invisible
/// characters (a BOM, a tab, a non-breaking space) are shown by name.
pub fn highlight(text: &str, marks: &[Mark]) -> Html {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let range = |m: &Mark| {
        let start = m.start.min(n);
        (start, m.start.saturating_add(m.len).min(n))
    };
    // Every place where what is marked changes.
    let mut cuts: Vec<usize> = vec![0, n];
    for m in marks {
        let (start, end) = range(m);
        cuts.push(start);
        cuts.push(end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let carets_at = |at: usize| -> Html {
        marks
            .iter()
            .filter(|m| (m.len == 0 || m.start >= n) && m.start.min(n) == at)
            .map(|m| {
                html! {
                    <span class={classes!("diag-caret", format!("sev-{}", m.severity.name()))}
                        aria-hidden="true"></span>
                }
            })
            .collect()
    };
    let mut out: Vec<Html> = Vec::new();
    for pair in cuts.windows(2) {
        let (from, to) = match pair {
            [from, to] => (*from, *to),
            _ => continue,
        };
        out.push(carets_at(from));
        let piece: String = chars.get(from..to).unwrap_or_default().iter().collect();
        let covering: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.len > 0 && m.start < n)
            .filter(|m| {
                let (start, end) = range(m);
                start <= from && to <= end
            })
            .collect();
        match covering.iter().map(|m| m.severity).min() {
            Some(worst) => {
                let ids = covering
                    .iter()
                    .map(|m| m.message_id.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                // Whitespace alone (a leading space) gets a visible box.
                let space = piece.chars().all(char::is_whitespace);
                out.push(html! {
                    <mark class={classes!("diag-mark", format!("sev-{}", worst.name()), space.then_some("is-space"))}
                        aria-describedby={ids}>
                        { visible(&piece) }
                    </mark>
                });
            }
            None => out.push(visible(&piece)),
        }
    }
    out.push(carets_at(n));
    out.into_iter().collect()
}

/// Text with its invisible characters shown by name (the character itself stays in the DOM).
pub fn visible(text: &str) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut plain = String::new();
    for c in text.chars() {
        match says::invisible(c) {
            Some(name) => {
                if !plain.is_empty() {
                    out.push(html! { { std::mem::take(&mut plain) } });
                }
                out.push(html! {
                    <span class="glyph" data-glyph={name} title={name}>{ c.to_string() }</span>
                });
            }
            None => plain.push(c),
        }
    }
    if !plain.is_empty() {
        out.push(html! { { plain } });
    }
    out.into_iter().collect()
}

/// True when a diagnostic is about the policy as a whole (a missing field, a recommendation)
/// rather than a place in it: the analysis puts those at column 1 with no length on a line that
/// has text. A point on an empty line is a blank-line error and is drawn there.
pub fn is_whole_policy(diagnostic: &Diagnostic, lines: &[PolicyLine]) -> bool {
    if diagnostic.length != 0 || diagnostic.column > 1 {
        return false;
    }
    lines
        .iter()
        .find(|l| l.line == diagnostic.line)
        .is_none_or(|l| !l.text.is_empty())
}

/// The id of a policy line (the diagnostics list scrolls to it).
pub fn line_id(policy: usize, line: u32) -> String {
    format!("policy-{policy}-line-{line}")
}

/// The id of a diagnostic's message under its line.
pub fn message_id(policy: usize, diagnostic: usize) -> String {
    format!("policy-{policy}-diag-{diagnostic}")
}

/// The component's properties.
#[derive(Properties, Clone, PartialEq)]
pub struct PolicyTextProps {
    /// The report (shared, compared by pointer).
    pub report: Rc<ReportView>,
    /// The policy's index in `report.mta_sts_policies`.
    pub index: usize,
    /// The line last revealed from the diagnostics list, if any.
    #[prop_or_default]
    pub revealed: Option<String>,
}

/// The numbered lines with their marks and messages.
#[function_component(PolicyText)]
pub fn policy_text(props: &PolicyTextProps) -> Html {
    let Some(policy) = props.report.mta_sts_policies.get(props.index) else {
        return html! {};
    };
    let p = props.index;
    let inline: Vec<(usize, &Diagnostic)> = policy
        .diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| !is_whole_policy(d, &policy.lines))
        .collect();
    html! {
        <>
        <ol class="policy-lines" aria-label={says::SOURCE_LABEL} data-test="policy-lines">
            { for policy.lines.iter().map(|line| {
                let here: Vec<&(usize, &Diagnostic)> =
                    inline.iter().filter(|(_, d)| d.line == line.line).collect();
                let marks: Vec<Mark> = here
                    .iter()
                    .map(|(k, d)| Mark::of(d, message_id(p, *k)))
                    .collect();
                let worst = here.iter().map(|(_, d)| d.severity).min();
                let id = line_id(p, line.line);
                let focused = props.revealed.as_deref() == Some(id.as_str());
                let described = (!marks.is_empty()).then(|| {
                    marks.iter().map(|m| m.message_id.as_str()).collect::<Vec<_>>().join(" ")
                });
                html! {
                    <li {id} tabindex="-1" data-line={line.line.to_string()}
                        data-severity={worst.map(|s| s.name())}
                        aria-describedby={described}
                        class={classes!(
                            "pline",
                            role_class(line.role),
                            worst.map(|s| format!("has-diag sev-{}", s.name())),
                            focused.then_some("is-focus"),
                        )}>
                        <span class="pline-no">{ line.line }</span>
                        <code class="pline-text">{ highlight(&line.text, &marks) }</code>
                        if !here.is_empty() {
                            <ul class="pline-diags">
                                { for here.iter().map(|(k, d)| html! {
                                    <li id={message_id(p, *k)}
                                        class={classes!("pline-diag", format!("sev-{}", d.severity.name()))}>
                                        { super::severity_icon(d.severity) }
                                        <span class="visually-hidden">
                                            { format!("{}: ", words::severity_word(d.severity)) }
                                        </span>
                                        <span class="pline-diag-text">
                                            <strong>{ &d.title }</strong>{ " " }{ &d.message }
                                        </span>
                                    </li>
                                }) }
                            </ul>
                        }
                    </li>
                }
            }) }
        </ol>
        if policy.lines_truncated {
            <p class="hint">{ says::lines_cut(policy.lines.len()) }</p>
        }
        </>
    }
}

/// The class of a line's role (HTTP head lines are quieter than the policy's fields).
fn role_class(role: LineRole) -> &'static str {
    match role {
        LineRole::HttpStatus => "is-http is-status",
        LineRole::HttpHeader => "is-http",
        LineRole::HttpSeparator => "is-http is-separator",
        LineRole::Field => "is-field",
        LineRole::Extension => "is-extension",
        LineRole::Blank => "is-blank",
        LineRole::Invalid => "is-invalid",
    }
}

/// One diagnostic in a list: severity icon and word, title, code, message, and where it is
/// (`at`). `id` lets a mark point at it; `test` names the item for the tests.
pub fn diag_item(d: &Diagnostic, id: Option<String>, test: &'static str, at: Html) -> Html {
    let sev = d.severity.name();
    html! {
        <li {id} class={classes!("diag", format!("sev-{sev}"))} data-test={test}
            data-code={d.code.clone()} data-severity={sev} data-line={d.line.to_string()}>
            { super::severity_icon(d.severity) }
            <div class="diag-body">
                <p class="diag-head">
                    <span class="visually-hidden">{ format!("{}: ", words::severity_word(d.severity)) }</span>
                    <span class="diag-title">{ &d.title }</span>
                    { " " }
                    <code class="finding-code">{ &d.code }</code>
                </p>
                <p class="diag-message">{ &d.message }</p>
                <p class="diag-at">{ at }</p>
            </div>
        </li>
    }
}

/// The diagnostics list's "show line" callback for a line id.
pub fn reveal(act: &Callback<Action>, id: String) -> Callback<MouseEvent> {
    let act = act.clone();
    Callback::from(move |_: MouseEvent| act.emit(Action::Panel(PanelAction::Reveal(id.clone()))))
}
