//! The page's state and its pure reducer: every user action and every worker event is an
//! [`Action`], and [`State::apply`] turns the old state and an action into the new one.
//!
//! Must not depend on the browser (web-sys, js-sys), a clock or the analysis functions: it runs
//! natively in the tests. Side effects (posting to the worker, storage, clipboard, scrolling)
//! happen in `ui/web.rs`, driven by the fields this file sets (`revision`, `focus`).

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use super::panel_state::{PanelAction, PanelState};
use super::report::ReportView;
use super::samples;
use super::saved::{base64_decode, base64_encode, Saved, SavedDoc};
use super::words;
use crate::analysis::{Finding, Kind};
use crate::bridge::Reply;

/// The page's state.
///
/// The inputs are a list of documents so that later issues can add several (a certificate next
/// to the headers, routed by kind). Today the page shows one: the textarea, or a dropped file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The documents to analyse. Empty when there is no input.
    pub documents: Vec<Doc>,
    /// The "Your MX hosts" field, as typed.
    pub mx_hosts: String,
    /// The example the input came from, while it is unchanged.
    pub example: Option<&'static str>,
    /// Increases on every change of the inputs; it is also the id of the request that analyses
    /// them, so a reply with another id is stale.
    pub revision: u32,
    /// True when the latest change should be analysed at once (a pick, a drop), false when it
    /// should wait for typing to pause.
    pub urgent: bool,
    /// True while the current revision is being analysed.
    pub analysing: bool,
    /// The analysis worker's life.
    pub engine: Engine,
    /// The latest analysis of the current inputs.
    pub outcome: Option<Outcome>,
    /// The worker crashed on the current inputs.
    pub failure: Option<Failure>,
    /// Hop rows the user opened (hop indexes).
    pub expanded_hops: BTreeSet<usize>,
    /// A hop to scroll to, set by a finding's location; `seq` makes repeated clicks count.
    pub focus: Option<Focus>,
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// Show every hop, not only the first [`HOPS_SHOWN`].
    pub all_hops: bool,
    /// Show every finding, not only the first [`FINDINGS_SHOWN`].
    pub all_findings: bool,
    /// The detail panels' scroll target and copied command.
    pub panels: PanelState,
}

/// Hops rendered before "Show all": a real path has a dozen; thousands (a hostile paste) would
/// keep the main thread busy for seconds.
pub const HOPS_SHOWN: usize = 200;

/// Findings rendered before "Show all", for the same reason.
pub const FINDINGS_SHOWN: usize = 100;

/// One input document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The file name, or [`words::PASTED_NAME`].
    pub name: String,
    /// The content.
    pub body: Body,
    /// The kind, when the page decides it (a dropped `.eml` is headers); otherwise detected.
    pub kind: Option<Kind>,
}

/// A document's content. Shared, so that cloning the state stays cheap for large pastes.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Text: pasted, typed, or a text file.
    Text(Rc<str>),
    /// A binary file (DER certificate, gzip report), sent to the worker as bytes.
    Bytes(Rc<[u8]>),
}

/// The worker's life, as the page sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    /// Not started yet (it starts on the first request) or gone after a crash.
    #[default]
    Idle,
    /// Loading its WebAssembly.
    Starting,
    /// Ready for requests.
    Ready,
}

/// A finished analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The request id (the revision it analysed).
    pub id: u32,
    /// The report (the part the page shows).
    pub report: Rc<ReportView>,
    /// How long the analysis took in the worker, in milliseconds.
    pub elapsed_ms: f64,
}

/// The worker died while analysing the current inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The request that was in flight.
    pub id: u32,
    /// What the browser reported.
    pub message: String,
    /// The details were copied to the clipboard.
    pub copied: bool,
}

/// A hop the page should scroll to and highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// The hop index.
    pub hop: usize,
    /// Increases with every request, so that asking twice for the same hop scrolls twice.
    pub seq: u32,
}

/// Everything that can happen to the page.
#[derive(Debug, Clone)]
pub enum Action {
    /// The textarea's text changed.
    EditText(String),
    /// The MX hosts field changed.
    EditMx(String),
    /// An example was picked (its id; the placeholder's empty value does nothing).
    PickExample(String),
    /// A file was dropped or picked, and read.
    OpenFile {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// The Clear button: forget everything.
    Clear,
    /// Inputs restored from sessionStorage on load.
    Restore(Saved),
    /// "Try again" after a crash.
    Retry,
    /// The worker is loading.
    EngineStarting,
    /// The worker is ready.
    EngineReady,
    /// The worker answered.
    Replied(Box<Reply<ReportView>>),
    /// The worker died while request `id` was in flight.
    Crashed {
        /// The request in flight.
        id: u32,
        /// What the browser said.
        message: String,
    },
    /// Open or close a hop row.
    ToggleHop(usize),
    /// Open a hop row and scroll to it (from a finding's location).
    ShowHop(usize),
    /// A drag entered (true) or left (false) the page.
    Dragging(bool),
    /// The crash details were copied.
    Copied,
    /// Render every hop.
    ShowAllHops,
    /// Render every finding.
    ShowAllFindings,
    /// Something in the detail panels (scroll to a policy line, a command was copied).
    Panel(PanelAction),
}

/// What the page asks the worker to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The request id (the revision).
    pub id: u32,
    /// The documents.
    pub documents: Vec<Doc>,
    /// The MX hosts, split.
    pub mx_hosts: Vec<String>,
    /// Send at once rather than after the typing pause.
    pub urgent: bool,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

impl State {
    /// The state after `action`, or `None` when the action changes nothing (so nothing
    /// re-renders).
    pub fn apply(&self, action: Action) -> Option<State> {
        match action {
            Action::EditText(text) => {
                if text == self.text() && self.file().is_none() {
                    return None;
                }
                let (name, kind) = match self.documents.first() {
                    Some(Doc {
                        name,
                        body: Body::Text(_),
                        kind,
                    }) if self.example.is_none() => (name.clone(), *kind),
                    _ => (words::PASTED_NAME.to_string(), None),
                };
                let documents = if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Doc {
                        name,
                        body: Body::Text(text.into()),
                        kind,
                    }]
                };
                Some(self.with_inputs(documents, self.mx_hosts.clone(), None, false))
            }
            Action::EditMx(mx) => (mx != self.mx_hosts)
                .then(|| self.with_inputs(self.documents.clone(), mx, self.example, false)),
            Action::PickExample(id) => {
                let sample = samples::find(&id)?;
                let doc = Doc {
                    name: sample.file.to_string(),
                    body: Body::Text(sample.text.into()),
                    kind: None,
                };
                let next =
                    self.with_inputs(vec![doc], self.mx_hosts.clone(), Some(sample.id), true);
                Some(next.fresh())
            }
            Action::OpenFile { name, bytes } => {
                let mut next = self.with_inputs(
                    vec![document_from_file(name, bytes)],
                    self.mx_hosts.clone(),
                    None,
                    true,
                );
                next.dragging = false;
                Some(next.fresh())
            }
            Action::Clear => Some(State {
                engine: self.engine,
                revision: self.revision.wrapping_add(1),
                urgent: true,
                ..State::default()
            }),
            Action::Restore(saved) => {
                let documents: Vec<Doc> = saved
                    .documents
                    .into_iter()
                    .filter_map(restore_doc)
                    .collect();
                let example = saved
                    .example
                    .as_deref()
                    .and_then(samples::find)
                    .map(|s| s.id);
                if documents.is_empty() && saved.mx_hosts.is_empty() {
                    return None;
                }
                Some(self.with_inputs(documents, saved.mx_hosts, example, true))
            }
            Action::Retry => {
                let mut next = self.with_inputs(
                    self.documents.clone(),
                    self.mx_hosts.clone(),
                    self.example,
                    true,
                );
                next.outcome = self.outcome.clone();
                Some(next)
            }
            Action::EngineStarting => self.with(|s| s.engine = Engine::Starting),
            Action::EngineReady => self.with(|s| s.engine = Engine::Ready),
            Action::Replied(reply) => {
                if reply.id != self.revision || !self.has_input() {
                    return None;
                }
                let Reply {
                    id,
                    report,
                    elapsed_ms,
                } = *reply;
                let hops = report.hops.len();
                let mut next = self.clone();
                next.engine = Engine::Ready;
                next.analysing = false;
                next.failure = None;
                next.expanded_hops.retain(|&h| h < hops);
                next.outcome = Some(Outcome {
                    id,
                    report: Rc::new(report),
                    elapsed_ms,
                });
                Some(next)
            }
            Action::Crashed { id, message } => {
                let mut next = self.clone();
                next.engine = Engine::Idle;
                if id == self.revision && self.has_input() {
                    next.analysing = false;
                    next.failure = Some(Failure {
                        id,
                        message,
                        copied: false,
                    });
                }
                Some(next)
            }
            Action::ToggleHop(hop) => self.with(|s| {
                if !s.expanded_hops.remove(&hop) {
                    s.expanded_hops.insert(hop);
                }
            }),
            Action::ShowHop(hop) => self.with(|s| {
                s.expanded_hops.insert(hop);
                s.all_hops |= hop >= HOPS_SHOWN;
                let seq = s.focus.map_or(1, |f| f.seq.wrapping_add(1));
                s.focus = Some(Focus { hop, seq });
            }),
            Action::Dragging(on) => (on != self.dragging).then(|| {
                let mut next = self.clone();
                next.dragging = on;
                next
            }),
            Action::ShowAllHops => self.with(|s| s.all_hops = true),
            Action::ShowAllFindings => self.with(|s| s.all_findings = true),
            Action::Panel(action) => {
                let panels = self.panels.apply(action)?;
                self.with(|s| s.panels = panels)
            }
            Action::Copied => {
                let failure = self.failure.as_ref()?;
                let mut next = self.clone();
                next.failure = Some(Failure {
                    copied: true,
                    ..failure.clone()
                });
                Some(next)
            }
        }
    }

    /// The textarea's text, shared (no copy of a large paste per render).
    pub fn text_shared(&self) -> Option<Rc<str>> {
        match self.documents.first() {
            Some(Doc {
                body: Body::Text(text),
                ..
            }) => Some(text.clone()),
            _ => None,
        }
    }

    /// The textarea's text: the first document's, when it is text.
    pub fn text(&self) -> &str {
        match self.documents.first() {
            Some(Doc {
                body: Body::Text(text),
                ..
            }) => text,
            _ => "",
        }
    }

    /// The binary file being analysed, as (name, size in bytes).
    pub fn file(&self) -> Option<(&str, usize)> {
        self.documents.iter().find_map(|d| match &d.body {
            Body::Bytes(bytes) => Some((d.name.as_str(), bytes.len())),
            Body::Text(_) => None,
        })
    }

    /// True when there is something to analyse.
    pub fn has_input(&self) -> bool {
        !self.documents.is_empty()
    }

    /// The report for the current inputs (possibly one revision behind while typing).
    pub fn report(&self) -> Option<&ReportView> {
        self.outcome.as_ref().map(|o| o.report.as_ref())
    }

    /// The findings that say an input could not be read (`INPUT_*`), for the banner by the input.
    pub fn input_problems(&self) -> Vec<&Finding> {
        self.report()
            .map(|r| {
                r.findings
                    .iter()
                    .filter(|f| f.code.starts_with("INPUT_"))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The detected kind of the first input, once analysed.
    pub fn kind(&self) -> Option<Kind> {
        if !self.has_input() {
            return None;
        }
        self.report().and_then(|r| r.inputs.first()).map(|i| i.kind)
    }

    /// The MX hosts field split into host names (commas, semicolons or spaces between them).
    pub fn mx_list(&self) -> Vec<String> {
        self.mx_hosts
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|h| !h.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The request for the current revision, or `None` when there is nothing to analyse.
    pub fn request(&self) -> Option<Request> {
        self.has_input().then(|| Request {
            id: self.revision,
            documents: self.documents.clone(),
            mx_hosts: self.mx_list(),
            urgent: self.urgent,
        })
    }

    /// What to keep in sessionStorage, or `None` when there is nothing to keep.
    pub fn saved(&self) -> Option<Saved> {
        if self.documents.is_empty() && self.mx_hosts.is_empty() {
            return None;
        }
        Some(Saved {
            documents: self
                .documents
                .iter()
                .map(|d| SavedDoc {
                    name: d.name.clone(),
                    text: match &d.body {
                        Body::Text(t) => Some(t.to_string()),
                        Body::Bytes(_) => None,
                    },
                    base64: match &d.body {
                        Body::Bytes(b) => Some(base64_encode(b)),
                        Body::Text(_) => None,
                    },
                    kind: d.kind,
                })
                .collect(),
            mx_hosts: self.mx_hosts.clone(),
            example: self.example.map(str::to_string),
        })
    }

    /// A plain-text description of a crash for a bug report: what failed and the inputs' names
    /// and sizes, never their content.
    pub fn failure_details(&self) -> String {
        let Some(failure) = &self.failure else {
            return String::new();
        };
        let mut out = format!(
            "mailtls {}: the analyser stopped.\nError: {}\nRequest: {}\n",
            env!("CARGO_PKG_VERSION"),
            failure.message,
            failure.id
        );
        for doc in &self.documents {
            let (what, size) = match &doc.body {
                Body::Text(t) => ("text", t.len()),
                Body::Bytes(b) => ("binary", b.len()),
            };
            out.push_str(&format!("Input: {} ({what}, {size} bytes)\n", doc.name));
        }
        if !self.mx_hosts.is_empty() {
            out.push_str(&format!("MX hosts given: {}\n", self.mx_list().len()));
        }
        out
    }

    /// A copy with new inputs and a new revision.
    fn with_inputs(
        &self,
        documents: Vec<Doc>,
        mx_hosts: String,
        example: Option<&'static str>,
        urgent: bool,
    ) -> State {
        let has_input = !documents.is_empty();
        State {
            documents,
            mx_hosts,
            example,
            revision: self.revision.wrapping_add(1),
            urgent,
            analysing: has_input,
            engine: self.engine,
            outcome: if has_input {
                self.outcome.clone()
            } else {
                None
            },
            failure: None,
            expanded_hops: self.expanded_hops.clone(),
            focus: None,
            dragging: false,
            all_hops: self.all_hops,
            all_findings: self.all_findings,
            panels: PanelState::default(),
        }
    }

    /// For a new document: forget which rows were open and what was expanded.
    fn fresh(mut self) -> State {
        self.expanded_hops.clear();
        self.all_hops = false;
        self.all_findings = false;
        self
    }

    fn with(&self, change: impl FnOnce(&mut State)) -> Option<State> {
        let mut next = self.clone();
        change(&mut next);
        (next != *self).then_some(next)
    }
}

/// A read file becomes a text document when it is UTF-8 without NUL bytes, otherwise a binary
/// one. A `.eml` is a whole message, so it is read as headers whatever it starts with.
fn document_from_file(name: String, bytes: Vec<u8>) -> Doc {
    let kind = name
        .to_ascii_lowercase()
        .ends_with(".eml")
        .then_some(Kind::Headers);
    let body = match String::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Body::Text(text.into()),
        Ok(text) => Body::Bytes(text.into_bytes().into()),
        Err(error) => Body::Bytes(error.into_bytes().into()),
    };
    Doc { name, body, kind }
}

fn restore_doc(saved: SavedDoc) -> Option<Doc> {
    let body = match (saved.text, saved.base64) {
        (Some(text), _) if !text.is_empty() => Body::Text(text.into()),
        (_, Some(encoded)) => Body::Bytes(base64_decode(&encoded)?.into()),
        _ => return None,
    };
    Some(Doc {
        name: saved.name,
        body,
        kind: saved.kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies actions in order, treating "no change" as keeping the state.
    fn run(actions: Vec<Action>) -> State {
        actions
            .into_iter()
            .fold(State::default(), |s, a| s.apply(a).unwrap_or(s))
    }

    fn reply(id: u32, report: ReportView) -> Action {
        Action::Replied(Box::new(Reply {
            id,
            report,
            elapsed_ms: 0.5,
        }))
    }

    #[test]
    fn typing_bumps_the_revision_and_waits_for_a_pause() {
        let s = run(vec![Action::EditText("Received: a".into())]);
        assert_eq!(s.revision, 1);
        assert!(!s.urgent && s.analysing);
        assert_eq!(s.text(), "Received: a");
        assert_eq!(s.request().map(|r| r.id), Some(1));
        // The same text again changes nothing.
        assert!(s.apply(Action::EditText("Received: a".into())).is_none());
    }

    #[test]
    fn stale_replies_are_dropped_and_the_current_one_is_kept() {
        let s = run(vec![
            Action::EditText("a".into()),
            Action::EditText("ab".into()),
        ]);
        assert!(
            s.apply(reply(1, ReportView::default())).is_none(),
            "reply to revision 1 is stale"
        );
        let s = s.apply(reply(2, ReportView::default())).unwrap_or_default();
        assert_eq!(s.outcome.as_ref().map(|o| o.id), Some(2));
        assert!(!s.analysing);
        assert_eq!(s.engine, Engine::Ready);
    }

    #[test]
    fn picking_an_example_loads_its_text_at_once() {
        let s = run(vec![Action::PickExample("plaintext-hop".into())]);
        assert_eq!(s.example, Some("plaintext-hop"));
        assert!(s.urgent);
        assert!(s.text().contains("Received:"));
        assert_eq!(
            s.documents.first().map(|d| d.name.as_str()),
            Some("plaintext-hop.txt")
        );
        // The placeholder option does nothing; editing forgets the example.
        assert!(s.apply(Action::PickExample(String::new())).is_none());
        let edited = s.apply(Action::EditText("x".into())).unwrap_or_default();
        assert_eq!(edited.example, None);
        assert_eq!(
            edited.documents.first().map(|d| d.name.as_str()),
            Some(words::PASTED_NAME)
        );
    }

    #[test]
    fn files_become_text_or_bytes_and_eml_is_headers() {
        let s = run(vec![Action::OpenFile {
            name: "Message.EML".into(),
            bytes: b"Subject: hi\n".to_vec(),
        }]);
        assert_eq!(s.text(), "Subject: hi\n");
        assert_eq!(
            s.documents.first().and_then(|d| d.kind),
            Some(Kind::Headers)
        );
        let s = run(vec![Action::OpenFile {
            name: "cert.der".into(),
            bytes: vec![0x30, 0x82, 0x00, 0xff],
        }]);
        assert_eq!(s.text(), "");
        assert_eq!(s.file(), Some(("cert.der", 4)));
        // Typing replaces the file with pasted text.
        let s = s.apply(Action::EditText("x".into())).unwrap_or_default();
        assert_eq!(s.file(), None);
        assert_eq!(s.text(), "x");
    }

    #[test]
    fn a_crash_on_the_current_request_shows_until_retry() {
        let s = run(vec![
            Action::EditText("a".into()),
            Action::Crashed {
                id: 1,
                message: "RuntimeError: unreachable".into(),
            },
        ]);
        assert_eq!(s.failure.as_ref().map(|f| f.id), Some(1));
        assert_eq!(s.engine, Engine::Idle);
        assert!(!s.analysing);
        assert!(s.failure_details().contains("RuntimeError: unreachable"));
        assert!(s.failure_details().contains("pasted input (text, 1 bytes)"));
        assert!(
            !s.failure_details().contains("\na\n"),
            "details never carry the input"
        );
        let copied = s.apply(Action::Copied).unwrap_or_default();
        assert_eq!(copied.failure.as_ref().map(|f| f.copied), Some(true));
        let retried = s.apply(Action::Retry).unwrap_or_default();
        assert_eq!(retried.failure, None);
        assert_eq!(retried.revision, 2);
        assert!(retried.urgent && retried.analysing);
        // A crash on an older request (the user typed on) shows no banner.
        let s = run(vec![
            Action::EditText("a".into()),
            Action::EditText("ab".into()),
            Action::Crashed {
                id: 1,
                message: "x".into(),
            },
        ]);
        assert_eq!(s.failure, None);
    }

    #[test]
    fn clear_forgets_inputs_but_keeps_the_worker() {
        let s = run(vec![
            Action::EngineReady,
            Action::PickExample("postfix-tls13".into()),
            Action::EditMx("mx.example.com".into()),
            Action::Clear,
        ]);
        assert!(!s.has_input());
        assert_eq!(s.mx_hosts, "");
        assert_eq!(s.engine, Engine::Ready);
        assert_eq!(s.revision, 3);
        assert_eq!(s.request(), None);
        assert_eq!(s.saved(), None);
        assert!(
            s.apply(reply(3, ReportView::default())).is_none(),
            "no input, no report"
        );
    }

    #[test]
    fn saved_inputs_restore_including_binary_files() {
        let s = run(vec![
            Action::OpenFile {
                name: "cert.der".into(),
                bytes: vec![0x30, 0, 1, 2],
            },
            Action::EditMx("mx1.example.com, mx2.example.com".into()),
        ]);
        let saved = s.saved().unwrap_or_default();
        let restored = run(vec![Action::Restore(saved)]);
        assert_eq!(restored.documents, s.documents);
        assert_eq!(
            restored.mx_list(),
            vec!["mx1.example.com", "mx2.example.com"]
        );
        assert!(restored.urgent);
        assert!(run(vec![Action::Restore(Saved::default())])
            .documents
            .is_empty());
    }

    #[test]
    fn mx_hosts_split_on_commas_and_spaces() {
        let s = run(vec![Action::EditMx(
            " a.example, b.example;c.example  d.example ".into(),
        )]);
        assert_eq!(
            s.mx_list(),
            vec!["a.example", "b.example", "c.example", "d.example"]
        );
        assert_eq!(s.request(), None, "MX hosts alone are nothing to analyse");
    }

    #[test]
    fn hops_toggle_and_show_counts_each_request() {
        let s = run(vec![Action::ToggleHop(2)]);
        assert!(s.expanded_hops.contains(&2));
        let s = s.apply(Action::ToggleHop(2)).unwrap_or_default();
        assert!(s.expanded_hops.is_empty());
        let s = run(vec![Action::ShowHop(1), Action::ShowHop(1)]);
        assert_eq!(s.focus, Some(Focus { hop: 1, seq: 2 }));
        assert!(s.expanded_hops.contains(&1));
        assert!(!s.all_hops);
        // A hop beyond the first page of rows shows them all.
        let s = run(vec![Action::ShowHop(HOPS_SHOWN)]);
        assert!(s.all_hops);
        // A new example starts collapsed.
        let s = run(vec![
            Action::ShowAllHops,
            Action::ToggleHop(3),
            Action::PickExample("postfix-tls13".into()),
        ]);
        assert!(!s.all_hops && s.expanded_hops.is_empty());
    }
}
