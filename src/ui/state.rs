//! The page's state and its pure reducer: every user action and every worker event is an
//! [`Action`], and [`State::apply`] turns the old state and an action into the new one.
//!
//! Must not depend on the browser (web-sys, js-sys), a clock or the analysis functions: it runs
//! natively in the tests. Side effects (posting to the worker, storage, clipboard, scrolling,
//! focus, downloads) happen in `ui/web.rs`, driven by the fields this file sets (`revision`,
//! `focus`, `focus_results`, `help_open`, `printing`).
//!
//! The inputs are a list of documents, one of them open in the editor. There is always at least
//! one (a blank one on a fresh page), so the editor always has something to show.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use super::panel_state::{PanelAction, PanelState};
use super::report::ReportView;
use super::samples;
use super::saved::{base64_decode, base64_encode, Saved, SavedDoc};
use super::words;
use crate::analysis::{Finding, Kind, MAX_INPUT_BYTES};
use crate::bridge::Reply;

/// The page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The inputs, in order. Never empty: a fresh page has one blank document.
    pub documents: Vec<Doc>,
    /// The index of the document open in the editor (always within `documents`).
    pub active: usize,
    /// The id the next new document gets.
    pub next_id: u32,
    /// The "Your MX hosts" field, as typed.
    pub mx_hosts: String,
    /// The "Your domain" field, as typed.
    pub domain: String,
    /// The example the inputs came from, while they are unchanged.
    pub example: Option<&'static str>,
    /// The example being fetched (its files are served next to the page, not compiled in).
    pub loading_example: Option<&'static str>,
    /// The user's own inputs that picking an example replaced, until they undo it or change the
    /// inputs again.
    pub undo: Option<Rc<Snapshot>>,
    /// Messages about files that were not opened (too large), until dismissed.
    pub notices: Vec<String>,
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
    /// How long the worker took to start, when the current analysis had to wait for it.
    pub startup_wait_ms: Option<f64>,
    /// The latest analysis of the current inputs.
    pub outcome: Option<Outcome>,
    /// The worker crashed on the current inputs.
    pub failure: Option<Failure>,
    /// Hop rows the user opened (hop indexes).
    pub expanded_hops: BTreeSet<usize>,
    /// A hop to scroll to, set by a finding's location; `seq` makes repeated clicks count.
    pub focus: Option<Focus>,
    /// Move the keyboard focus to the results' heading once the analysis of this revision shows
    /// (set by picking an example).
    pub focus_results: Option<u32>,
    /// Where the keyboard focus should go after an input was added or removed (the button
    /// that had it is gone or done); `seq` makes each request count.
    pub move_focus: Option<(Spot, u32)>,
    /// A file is being dragged over the page.
    pub dragging: bool,
    /// Show every hop, not only the first [`HOPS_SHOWN`].
    pub all_hops: bool,
    /// Show every finding, not only the first [`FINDINGS_SHOWN`].
    pub all_findings: bool,
    /// The page is being printed: every hop and finding is rendered, opened.
    pub printing: bool,
    /// The keyboard-shortcuts dialog is open.
    pub help_open: bool,
    /// The detail panels' scroll target and copied command.
    pub panels: PanelState,
}

impl Default for State {
    fn default() -> State {
        State {
            documents: vec![Doc::blank(0, words::pasted_name(1))],
            active: 0,
            next_id: 1,
            mx_hosts: String::new(),
            domain: String::new(),
            example: None,
            loading_example: None,
            undo: None,
            notices: Vec::new(),
            revision: 0,
            urgent: false,
            analysing: false,
            engine: Engine::default(),
            startup_wait_ms: None,
            outcome: None,
            failure: None,
            expanded_hops: BTreeSet::new(),
            focus: None,
            focus_results: None,
            move_focus: None,
            dragging: false,
            all_hops: false,
            all_findings: false,
            printing: false,
            help_open: false,
            panels: PanelState::default(),
        }
    }
}

/// Hops rendered before "Show all": a real path has a dozen; thousands (a hostile paste) would
/// keep the main thread busy for seconds.
pub const HOPS_SHOWN: usize = 200;

/// Findings rendered before "Show all", for the same reason.
pub const FINDINGS_SHOWN: usize = 100;

/// The largest file the page opens: what the analysis reads of one input (16 MiB). A larger
/// file is refused before it is read, so it never fills the page's memory.
pub const MAX_FILE_BYTES: usize = MAX_INPUT_BYTES;

/// Above this size an input is slow to edit in a textarea, and the page says so.
pub const LARGE_INPUT_BYTES: usize = 2_000_000;

/// One input document.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// A stable id (tabs and keys), unique within the page's life.
    pub id: u32,
    /// The file name, or "Pasted text N".
    pub name: String,
    /// The content.
    pub body: Body,
    /// The kind, when the page decides it (a dropped `.eml` is headers); otherwise detected.
    pub kind: Option<Kind>,
    /// The kind the latest analysis detected, kept when the text is emptied so that a dropped
    /// file of that kind can fill it.
    pub seen: Option<Kind>,
}

/// A document's content. Shared, so that cloning the state stays cheap for large pastes.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Text: pasted, typed, or a text file.
    Text(Rc<str>),
    /// A binary file (DER certificate, gzip report), sent to the worker as bytes.
    Bytes(Rc<[u8]>),
}

impl Doc {
    /// An empty text document.
    pub fn blank(id: u32, name: String) -> Doc {
        Doc {
            id,
            name,
            body: Body::Text(Rc::from("")),
            kind: None,
            seen: None,
        }
    }

    /// True when there is nothing in it to analyse.
    pub fn is_blank(&self) -> bool {
        match &self.body {
            Body::Text(text) => text.is_empty(),
            Body::Bytes(bytes) => bytes.is_empty(),
        }
    }

    /// Its size in bytes.
    pub fn size(&self) -> usize {
        match &self.body {
            Body::Text(text) => text.len(),
            Body::Bytes(bytes) => bytes.len(),
        }
    }
}

/// The inputs as they were before an example replaced them.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The documents.
    pub documents: Vec<Doc>,
    /// The open one.
    pub active: usize,
    /// The MX hosts field.
    pub mx_hosts: String,
    /// The domain field.
    pub domain: String,
}

/// The worker's life, as the page sees it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Engine {
    /// Not started yet (it starts on the first request, or when the page is idle) or gone
    /// after a crash.
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
    /// The report's whole JSON text as the worker sent it (the CLI's `--json` schema), for the
    /// JSON export. `None` where the report didn't come from the worker (the SSR tests).
    pub json: Option<Rc<str>>,
    /// How long the analysis took in the worker, in milliseconds.
    pub elapsed_ms: f64,
    /// How long this analysis first waited for the worker to start, when it did.
    pub startup_ms: Option<f64>,
    /// The ids of the documents analysed, in the order of `report.inputs`.
    pub sent: Vec<u32>,
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

/// A place the focus moves to in the input card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// The editor (`#input`).
    Editor,
    /// The tab button of this input.
    Tab(u32),
    /// The Undo button after an example replaced the user's inputs.
    Undo,
}

/// A file the browser read (dropped or picked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedFile {
    /// Its name.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Everything that can happen to the page.
#[derive(Debug, Clone)]
pub enum Action {
    /// The editor's text changed (the open document's).
    EditText(String),
    /// The MX hosts field changed.
    EditMx(String),
    /// The domain field changed.
    EditDomain(String),
    /// An example was picked (its id; the placeholder's empty value does nothing). `ui/web.rs`
    /// fetches its files, then sends [`Action::ExampleLoaded`].
    PickExample(String),
    /// The picked example's files arrived: they replace the inputs.
    ExampleLoaded {
        /// The example's id.
        id: String,
        /// The files' texts, in the order of the sample's `files`.
        texts: Vec<String>,
    },
    /// The picked example's files could not be fetched.
    ExampleFailed {
        /// The example's id.
        id: String,
        /// What went wrong.
        message: String,
    },
    /// Put back the inputs the last example replaced.
    UndoExample,
    /// "+ Add input": a new blank document, opened.
    AddInput,
    /// Open this document (by id) in the editor.
    SelectInput(u32),
    /// Remove this document (by id).
    RemoveInput(u32),
    /// One file was dropped or picked, and read.
    OpenFile {
        /// Its name.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// Several files were dropped or picked at once, and read: each goes to a blank input of
    /// its kind, a blank input, or a new one.
    OpenFiles(Vec<OpenedFile>),
    /// A file was too large to open; it was not read.
    RefuseFile {
        /// Its name.
        name: String,
        /// Its size in bytes.
        size: usize,
    },
    /// Dismiss the messages about refused files.
    DismissNotices,
    /// The "Clear all" button: forget everything.
    Clear,
    /// Inputs restored from sessionStorage on load.
    Restore(Saved),
    /// "Try again" after a crash.
    Retry,
    /// The worker is loading.
    EngineStarting,
    /// The worker is ready; it took this many milliseconds to start.
    EngineReady(f64),
    /// The worker answered (the SSR tests' form: no JSON text).
    Replied(Box<Reply<ReportView>>),
    /// The worker answered; `json` is the report's own JSON text, kept for the JSON export.
    RepliedWithJson {
        /// The reply, read.
        reply: Box<Reply<ReportView>>,
        /// The report's JSON text.
        json: Rc<str>,
    },
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
    /// The results' heading took the focus.
    ResultsFocused,
    /// A drag entered (true) or left (false) the page.
    Dragging(bool),
    /// The crash details were copied.
    Copied,
    /// Render every hop.
    ShowAllHops,
    /// Render every finding.
    ShowAllFindings,
    /// Printing starts (true) or ends (false).
    Printing(bool),
    /// Open (true) or close (false) the keyboard-shortcuts dialog.
    Help(bool),
    /// Something in the detail panels (scroll to a policy line, a command was copied).
    Panel(PanelAction),
}

/// What the page asks the worker to analyse.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The request id (the revision).
    pub id: u32,
    /// The documents that have content, in order.
    pub documents: Vec<Doc>,
    /// The MX hosts, split.
    pub mx_hosts: Vec<String>,
    /// The domain, trimmed, when one was typed.
    pub domain: Option<String>,
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
            Action::EditText(text) => self.edit_text(text),
            Action::EditMx(mx) => (mx != self.mx_hosts).then(|| {
                let mut next = self.changed(self.documents.clone(), self.active, false);
                next.mx_hosts = mx;
                next
            }),
            Action::EditDomain(domain) => (domain != self.domain).then(|| {
                let mut next = self.changed(self.documents.clone(), self.active, false);
                next.domain = domain;
                next
            }),
            Action::PickExample(id) => {
                let sample = samples::find(&id)?;
                self.with(|s| s.loading_example = Some(sample.id))
            }
            Action::ExampleLoaded { id, texts } => {
                let sample = samples::find(&id)?;
                if self.loading_example != Some(sample.id) || texts.len() != sample.files.len() {
                    return None;
                }
                self.load_example(sample, texts)
            }
            Action::ExampleFailed { id, message } => {
                if self.loading_example.is_none_or(|l| l != id) {
                    return None;
                }
                let mut next = self.clone();
                next.loading_example = None;
                next.notices.push(words::example_failed(&message));
                Some(next)
            }
            Action::UndoExample => {
                let snapshot = self.undo.clone()?;
                let mut next = self.changed(snapshot.documents.clone(), snapshot.active, true);
                next.mx_hosts = snapshot.mx_hosts.clone();
                next.domain = snapshot.domain.clone();
                Some(next.fresh())
            }
            Action::AddInput => {
                let mut next = self.clone();
                let name = words::pasted_name(self.free_pasted_number());
                next.documents.push(Doc::blank(next.next_id, name));
                next.next_id = next.next_id.wrapping_add(1);
                next.active = next.documents.len() - 1;
                next.move_focus = Some((Spot::Editor, next.focus_seq()));
                Some(next)
            }
            Action::SelectInput(id) => {
                let index = self.index_of(id)?;
                self.with(|s| s.active = index)
            }
            Action::RemoveInput(id) => {
                let index = self.index_of(id)?;
                let mut documents = self.documents.clone();
                let removed = documents.remove(index);
                let mut next_id = self.next_id;
                if documents.is_empty() {
                    documents.push(Doc::blank(next_id, words::pasted_name(1)));
                    next_id = next_id.wrapping_add(1);
                }
                let active = if self.active > index || self.active >= documents.len() {
                    self.active.saturating_sub(1)
                } else {
                    self.active
                };
                // Removing a blank input changes nothing to analyse: no new request.
                let mut next = if removed.is_blank() {
                    let mut next = self.clone();
                    next.documents = documents;
                    next.active = active;
                    next
                } else {
                    self.changed(documents, active, true)
                };
                next.next_id = next_id;
                // The removed tab's button had the focus: give it to the open input's tab.
                let open = next.active_doc().map_or(0, |d| d.id);
                next.move_focus = Some((Spot::Tab(open), self.focus_seq()));
                Some(next)
            }
            Action::OpenFile { name, bytes } => {
                self.apply(Action::OpenFiles(vec![OpenedFile { name, bytes }]))
            }
            Action::OpenFiles(files) => Some(self.open_files(files)),
            Action::RefuseFile { name, size } => {
                let mut next = self.clone();
                next.dragging = false;
                next.notices.push(words::file_too_large(&name, size));
                Some(next)
            }
            Action::DismissNotices => self.with(|s| s.notices.clear()),
            Action::Clear => Some(State {
                engine: self.engine,
                revision: self.revision.wrapping_add(1),
                next_id: self.next_id.wrapping_add(1),
                documents: vec![Doc::blank(self.next_id, words::pasted_name(1))],
                urgent: true,
                help_open: self.help_open,
                ..State::default()
            }),
            Action::Restore(saved) => self.restore(saved),
            Action::Retry => {
                let mut next = self.changed(self.documents.clone(), self.active, true);
                next.example = self.example;
                next.undo = self.undo.clone();
                next.outcome = self.outcome.clone();
                Some(next)
            }
            Action::EngineStarting => self.with(|s| s.engine = Engine::Starting),
            Action::EngineReady(startup_ms) => self.with(|s| {
                s.engine = Engine::Ready;
                // Only an analysis that was waiting for the worker counts its start.
                s.startup_wait_ms = s.analysing.then_some(startup_ms);
            }),
            Action::Replied(reply) => self.replied(*reply, None),
            Action::RepliedWithJson { reply, json } => self.replied(*reply, Some(json)),
            Action::Crashed { id, message } => {
                let mut next = self.clone();
                next.engine = Engine::Idle;
                next.startup_wait_ms = None;
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
            Action::ResultsFocused => self.with(|s| s.focus_results = None),
            Action::Dragging(on) => self.with(|s| s.dragging = on),
            Action::ShowAllHops => self.with(|s| s.all_hops = true),
            Action::ShowAllFindings => self.with(|s| s.all_findings = true),
            Action::Printing(on) => self.with(|s| s.printing = on),
            Action::Help(open) => self.with(|s| s.help_open = open),
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

    /// The open document.
    pub fn active_doc(&self) -> Option<&Doc> {
        self.documents.get(self.active)
    }

    /// The editor's text, shared (no copy of a large paste per render).
    pub fn text_shared(&self) -> Option<Rc<str>> {
        match self.active_doc() {
            Some(Doc {
                body: Body::Text(text),
                ..
            }) => Some(text.clone()),
            _ => None,
        }
    }

    /// The editor's text: the open document's, when it is text.
    pub fn text(&self) -> &str {
        match self.active_doc() {
            Some(Doc {
                body: Body::Text(text),
                ..
            }) => text,
            _ => "",
        }
    }

    /// The open document, when it is a binary file, as (name, size in bytes).
    pub fn file(&self) -> Option<(&str, usize)> {
        self.active_doc().and_then(|d| match &d.body {
            Body::Bytes(bytes) => Some((d.name.as_str(), bytes.len())),
            Body::Text(_) => None,
        })
    }

    /// True when there is something to analyse.
    pub fn has_input(&self) -> bool {
        self.documents.iter().any(|d| !d.is_blank())
    }

    /// True when "Clear all" has something to clear.
    pub fn has_anything(&self) -> bool {
        self.has_input()
            || self.documents.len() > 1
            || !self.mx_hosts.is_empty()
            || !self.domain.is_empty()
            || !self.notices.is_empty()
    }

    /// The report for the current inputs (possibly one revision behind while typing).
    pub fn report(&self) -> Option<&ReportView> {
        self.outcome.as_ref().map(|o| o.report.as_ref())
    }

    /// Where a document is in the latest report's `inputs`, if it was analysed.
    pub fn report_index(&self, id: u32) -> Option<usize> {
        self.outcome.as_ref()?.sent.iter().position(|&d| d == id)
    }

    /// The kind the latest analysis detected for a document.
    pub fn detected_kind(&self, id: u32) -> Option<Kind> {
        let index = self.report_index(id)?;
        self.report()?.inputs.get(index).map(|i| i.kind)
    }

    /// The detected kind of the open document, once analysed.
    pub fn kind(&self) -> Option<Kind> {
        let doc = self.active_doc().filter(|d| !d.is_blank())?;
        self.detected_kind(doc.id)
    }

    /// The findings that say the open document could not be read (`INPUT_*`), for the banner
    /// by the editor.
    pub fn input_problems(&self) -> Vec<&Finding> {
        let Some(index) = self.active_doc().and_then(|d| self.report_index(d.id)) else {
            return Vec::new();
        };
        self.report()
            .map(|r| {
                r.findings
                    .iter()
                    .filter(|f| f.code.starts_with("INPUT_"))
                    .filter(|f| f.location.as_ref().is_none_or(|l| l.input == index))
                    .collect()
            })
            .unwrap_or_default()
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
            documents: self
                .documents
                .iter()
                .filter(|d| !d.is_blank())
                .cloned()
                .collect(),
            mx_hosts: self.mx_list(),
            domain: Some(self.domain.trim())
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            urgent: self.urgent,
        })
    }

    /// What to keep in sessionStorage, or `None` when there is nothing to keep.
    pub fn saved(&self) -> Option<Saved> {
        if !self.has_input() && self.mx_hosts.is_empty() && self.domain.is_empty() {
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
            active: self.active,
            mx_hosts: self.mx_hosts.clone(),
            domain: self.domain.clone(),
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
        for doc in self.documents.iter().filter(|d| !d.is_blank()) {
            let what = match &doc.body {
                Body::Text(_) => "text",
                Body::Bytes(_) => "binary",
            };
            out.push_str(&format!(
                "Input: {} ({what}, {} bytes)\n",
                doc.name,
                doc.size()
            ));
        }
        if !self.mx_hosts.is_empty() {
            out.push_str(&format!("MX hosts given: {}\n", self.mx_list().len()));
        }
        if !self.domain.is_empty() {
            out.push_str("Domain given: yes\n");
        }
        out
    }

    fn edit_text(&self, text: String) -> Option<State> {
        let doc = self.active_doc()?;
        if text == self.text() && self.file().is_none() {
            return None;
        }
        let mut documents = self.documents.clone();
        let slot = documents.get_mut(self.active)?;
        // Typing over a binary file replaces it with pasted text.
        if matches!(doc.body, Body::Bytes(_)) {
            slot.name = words::pasted_name(self.free_pasted_number());
            slot.kind = None;
        }
        slot.body = Body::Text(text.into());
        Some(self.changed(documents, self.active, false))
    }

    fn load_example(&self, sample: &'static samples::Sample, texts: Vec<String>) -> Option<State> {
        // Replacing blank inputs or an unchanged example loses nothing; anything else can be
        // put back with Undo. An unchanged example keeps the undo of what it replaced.
        let disposable = self.example.is_some()
            || (!self.has_input() && self.mx_hosts.is_empty() && self.domain.is_empty());
        let undo = if self.example.is_some() {
            self.undo.clone()
        } else if disposable {
            None
        } else {
            Some(Rc::new(Snapshot {
                documents: self.documents.clone(),
                active: self.active,
                mx_hosts: self.mx_hosts.clone(),
                domain: self.domain.clone(),
            }))
        };
        let mut next_id = self.next_id;
        let documents = sample
            .files
            .iter()
            .zip(texts)
            .map(|(name, text)| {
                let id = next_id;
                next_id = next_id.wrapping_add(1);
                Doc {
                    id,
                    name: (*name).to_string(),
                    body: Body::Text(text.into()),
                    kind: None,
                    seen: None,
                }
            })
            .collect();
        let mut next = self.changed(documents, 0, true).fresh();
        next.next_id = next_id;
        next.mx_hosts = sample.mx_hosts.to_string();
        next.domain = sample.domain.to_string();
        next.example = Some(sample.id);
        next.loading_example = None;
        // The focus goes to the example's results, unless it replaced the user's own inputs:
        // then to Undo, which is by the inputs and would be out of sight.
        if undo.is_some() && undo != self.undo {
            next.move_focus = Some((Spot::Undo, self.focus_seq()));
        } else {
            next.focus_results = Some(next.revision);
        }
        next.undo = undo;
        Some(next)
    }

    /// Routes files to inputs: each goes to a blank input whose last detected kind is the kind
    /// its name suggests, else to a blank input of no known kind, else to a new input. Files
    /// over [`MAX_FILE_BYTES`] are refused with a notice. Dropping onto an unchanged example
    /// replaces the example.
    fn open_files(&self, files: Vec<OpenedFile>) -> State {
        let (mut documents, mut next_id) = if self.example.is_some() {
            (
                vec![Doc::blank(self.next_id, words::pasted_name(1))],
                self.next_id.wrapping_add(1),
            )
        } else {
            (self.documents.clone(), self.next_id)
        };
        let mut notices = Vec::new();
        let mut active = self.active.min(documents.len().saturating_sub(1));
        let mut opened = false;
        for file in files {
            if file.bytes.len() > MAX_FILE_BYTES {
                notices.push(words::file_too_large(&file.name, file.bytes.len()));
                continue;
            }
            let guess = kind_from_name(&file.name);
            let mut doc = document_from_file(next_id, file.name, file.bytes);
            let target = documents
                .iter()
                .position(|d| d.is_blank() && guess.is_some() && d.seen == guess)
                .or_else(|| {
                    documents
                        .iter()
                        .position(|d| d.is_blank() && d.seen.is_none())
                });
            match target.and_then(|t| documents.get_mut(t).map(|slot| (t, slot))) {
                Some((t, slot)) => {
                    doc.id = slot.id;
                    *slot = doc;
                    active = t;
                }
                None => {
                    next_id = next_id.wrapping_add(1);
                    documents.push(doc);
                    active = documents.len() - 1;
                }
            }
            opened = true;
        }
        let mut next = if opened {
            let mut next = self.changed(documents, active, true).fresh();
            // The example's domain and MX hosts went with it.
            if self.example.is_some() {
                next.domain.clear();
                next.mx_hosts.clear();
            }
            next
        } else {
            self.clone()
        };
        next.next_id = next_id;
        next.notices = notices;
        next.dragging = false;
        next
    }

    fn restore(&self, saved: Saved) -> Option<State> {
        let mut next_id = self.next_id;
        let documents: Vec<Doc> = saved
            .documents
            .into_iter()
            .filter_map(|d| {
                let doc = restore_doc(next_id, d)?;
                next_id = next_id.wrapping_add(1);
                Some(doc)
            })
            .collect();
        if documents.iter().all(Doc::is_blank)
            && saved.mx_hosts.is_empty()
            && saved.domain.is_empty()
        {
            return None;
        }
        let documents = if documents.is_empty() {
            self.documents.clone()
        } else {
            documents
        };
        let active = saved.active.min(documents.len() - 1);
        let mut next = self.changed(documents, active, true);
        next.next_id = next_id;
        next.mx_hosts = saved.mx_hosts;
        next.domain = saved.domain;
        next.example = saved
            .example
            .as_deref()
            .and_then(samples::find)
            .map(|s| s.id);
        Some(next)
    }

    fn replied(&self, reply: Reply<ReportView>, json: Option<Rc<str>>) -> Option<State> {
        if reply.id != self.revision || !self.has_input() {
            return None;
        }
        let Reply {
            id,
            report,
            elapsed_ms,
        } = reply;
        let hops = report.hops.len();
        let sent: Vec<u32> = self
            .documents
            .iter()
            .filter(|d| !d.is_blank())
            .map(|d| d.id)
            .collect();
        let mut next = self.clone();
        for (doc, input) in next
            .documents
            .iter_mut()
            .filter(|d| !d.is_blank())
            .zip(&report.inputs)
        {
            doc.seen = (input.kind != Kind::Unknown).then_some(input.kind);
        }
        next.engine = Engine::Ready;
        next.analysing = false;
        next.failure = None;
        next.expanded_hops.retain(|&h| h < hops);
        next.outcome = Some(Outcome {
            id,
            report: Rc::new(report),
            json,
            elapsed_ms,
            startup_ms: next.startup_wait_ms.take(),
            sent,
        });
        Some(next)
    }

    /// The next sequence number for [`State::move_focus`].
    fn focus_seq(&self) -> u32 {
        self.move_focus.map_or(1, |(_, seq)| seq.wrapping_add(1))
    }

    /// The smallest N for which no document is called "Pasted text N".
    fn free_pasted_number(&self) -> usize {
        (1..)
            .find(|n| {
                let name = words::pasted_name(*n);
                self.documents.iter().all(|d| d.name != name)
            })
            .unwrap_or(1)
    }

    fn index_of(&self, id: u32) -> Option<usize> {
        self.documents.iter().position(|d| d.id == id)
    }

    /// A copy with new inputs and a new revision. The inputs are the user's own from now on:
    /// the example and its undo are forgotten (callers that keep them set them again).
    fn changed(&self, documents: Vec<Doc>, active: usize, urgent: bool) -> State {
        let has_input = documents.iter().any(|d| !d.is_blank());
        let active = active.min(documents.len().saturating_sub(1));
        State {
            documents,
            active,
            example: None,
            loading_example: None,
            undo: None,
            revision: self.revision.wrapping_add(1),
            urgent,
            analysing: has_input,
            outcome: if has_input {
                self.outcome.clone()
            } else {
                None
            },
            failure: None,
            focus: None,
            focus_results: None,
            dragging: false,
            panels: PanelState::default(),
            ..self.clone()
        }
    }

    /// For new documents: forget which rows were open and what was expanded.
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

/// The kind a file's name suggests, for routing a dropped file before it is analysed. Only
/// unambiguous extensions count; the worker detects the real kind from the content.
pub fn kind_from_name(name: &str) -> Option<Kind> {
    let name = name.to_ascii_lowercase();
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| name.ends_with(s));
    if ends(&[".eml", ".msg", ".mbox"]) {
        Some(Kind::Headers)
    } else if ends(&[".pem", ".crt", ".cer", ".der", ".p7b", ".p7c"]) {
        Some(Kind::Certificates)
    } else if ends(&[".json", ".json.gz", ".gz"]) {
        Some(Kind::TlsRptReport)
    } else if name.ends_with("mta-sts.txt") {
        Some(Kind::MtaStsPolicy)
    } else if ends(&[".zone", ".dig"]) {
        Some(Kind::DnsRecords)
    } else {
        None
    }
}

/// A read file becomes a text document when it is UTF-8 without NUL bytes, otherwise a binary
/// one. A `.eml` is a whole message, so it is read as headers whatever it starts with.
fn document_from_file(id: u32, name: String, bytes: Vec<u8>) -> Doc {
    let kind = name
        .to_ascii_lowercase()
        .ends_with(".eml")
        .then_some(Kind::Headers);
    let body = match String::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Body::Text(text.into()),
        Ok(text) => Body::Bytes(text.into_bytes().into()),
        Err(error) => Body::Bytes(error.into_bytes().into()),
    };
    Doc {
        id,
        name,
        body,
        kind,
        seen: None,
    }
}

fn restore_doc(id: u32, saved: SavedDoc) -> Option<Doc> {
    let body = match (saved.text, saved.base64) {
        (Some(text), _) => Body::Text(text.into()),
        (_, Some(encoded)) => Body::Bytes(base64_decode(&encoded)?.into()),
        _ => return None,
    };
    Some(Doc {
        id,
        name: saved.name,
        body,
        kind: saved.kind,
        seen: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::InputSummary;

    /// Applies actions in order, treating "no change" as keeping the state.
    fn run(actions: Vec<Action>) -> State {
        play(State::default(), actions)
    }

    fn play(state: State, actions: Vec<Action>) -> State {
        actions
            .into_iter()
            .fold(state, |s, a| s.apply(a).unwrap_or(s))
    }

    fn reply(id: u32, report: ReportView) -> Action {
        Action::Replied(Box::new(Reply {
            id,
            report,
            elapsed_ms: 0.5,
        }))
    }

    /// A reply whose inputs have these kinds, for the current revision.
    fn reply_kinds(state: &State, kinds: &[Kind]) -> Action {
        let report = ReportView {
            inputs: kinds
                .iter()
                .map(|&kind| InputSummary {
                    file: String::new(),
                    kind,
                    bytes: 1,
                })
                .collect(),
            ..ReportView::default()
        };
        reply(state.revision, report)
    }

    /// Picking an example and its files arriving, as `ui/web.rs` sends them.
    fn example(id: &str) -> Vec<Action> {
        let sample = samples::find(id).unwrap_or(&samples::SAMPLES[0]);
        let texts = sample
            .files
            .iter()
            .map(|name| {
                let path = format!("{}/www/samples/{name}", env!("CARGO_MANIFEST_DIR"));
                std::fs::read_to_string(path).unwrap_or_default()
            })
            .collect();
        vec![
            Action::PickExample(id.into()),
            Action::ExampleLoaded {
                id: id.into(),
                texts,
            },
        ]
    }

    fn file(name: &str, text: &str) -> OpenedFile {
        OpenedFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// The documents as (name, text) pairs, blank ones included.
    fn docs(state: &State) -> Vec<(String, String)> {
        state
            .documents
            .iter()
            .map(|d| {
                let text = match &d.body {
                    Body::Text(t) => t.to_string(),
                    Body::Bytes(b) => format!("<{} bytes>", b.len()),
                };
                (d.name.clone(), text)
            })
            .collect()
    }

    fn pair(name: &str, text: &str) -> (String, String) {
        (name.to_string(), text.to_string())
    }

    #[test]
    fn a_fresh_page_has_one_blank_input_and_nothing_to_analyse() {
        let s = State::default();
        assert_eq!(docs(&s), vec![pair("Pasted text", "")]);
        assert!(!s.has_input() && !s.has_anything());
        assert_eq!(s.request(), None);
        assert_eq!(s.saved(), None);
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
    fn inputs_are_added_selected_and_removed() {
        let s = run(vec![
            Action::EditText("Received: x".into()),
            Action::AddInput,
            Action::EditText("-----BEGIN CERTIFICATE-----".into()),
        ]);
        assert_eq!(
            docs(&s),
            vec![
                pair("Pasted text", "Received: x"),
                pair("Pasted text 2", "-----BEGIN CERTIFICATE-----")
            ]
        );
        assert_eq!(s.active, 1);
        assert_eq!(s.request().map(|r| r.documents.len()), Some(2));
        // Adding a blank input asks for no analysis; its text does.
        let added = s.apply(Action::AddInput).unwrap_or_default();
        assert_eq!(added.revision, s.revision);
        assert_eq!(added.request().map(|r| r.documents.len()), Some(2));
        assert_eq!(
            added.documents.last().map(|d| d.name.as_str()),
            Some("Pasted text 3")
        );
        // Selecting shows another input; it is not a change of the inputs.
        let first = s.documents.first().map_or(0, |d| d.id);
        let selected = s.apply(Action::SelectInput(first)).unwrap_or_default();
        assert_eq!((selected.active, selected.text()), (0, "Received: x"));
        assert_eq!(selected.revision, s.revision);
        // Removing the open input opens its neighbour and re-analyses.
        let second = s.documents.get(1).map_or(0, |d| d.id);
        let removed = s.apply(Action::RemoveInput(second)).unwrap_or_default();
        assert_eq!(docs(&removed), vec![pair("Pasted text", "Received: x")]);
        assert_eq!((removed.active, removed.revision), (0, s.revision + 1));
        // The last input removed leaves a blank one.
        let gone = removed
            .apply(Action::RemoveInput(first))
            .unwrap_or_default();
        assert_eq!(docs(&gone), vec![pair("Pasted text", "")]);
        assert_eq!(gone.request(), None);
        // A name is reused once free: the new input is "Pasted text 2" again.
        let again = removed.apply(Action::AddInput).unwrap_or_default();
        assert_eq!(
            again.documents.last().map(|d| d.name.as_str()),
            Some("Pasted text 2")
        );
        assert!(s.apply(Action::SelectInput(999)).is_none());
        assert!(s.apply(Action::RemoveInput(999)).is_none());
    }

    #[test]
    fn adding_and_removing_inputs_moves_the_focus_sensibly() {
        let s = run(vec![Action::EditText("a".into()), Action::AddInput]);
        assert_eq!(s.move_focus, Some((Spot::Editor, 1)));
        let added = s.documents.get(1).map_or(0, |d| d.id);
        let first = s.documents.first().map_or(0, |d| d.id);
        let s = s.apply(Action::RemoveInput(added)).unwrap_or_default();
        assert_eq!(s.move_focus, Some((Spot::Tab(first), 2)));
    }

    #[test]
    fn kinds_are_read_per_input_by_id_and_kept_when_emptied() {
        let s = run(vec![
            Action::EditText("Received: x".into()),
            Action::AddInput,
            Action::AddInput,
            Action::EditText("-----BEGIN CERTIFICATE-----".into()),
        ]);
        // The blank middle input is not sent, so the report's second input is the third doc.
        let s = play(
            s.clone(),
            vec![reply_kinds(&s, &[Kind::Headers, Kind::Certificates])],
        );
        let ids: Vec<u32> = s.documents.iter().map(|d| d.id).collect();
        let kinds: Vec<Option<Kind>> = ids.iter().map(|&id| s.detected_kind(id)).collect();
        assert_eq!(
            kinds,
            vec![Some(Kind::Headers), None, Some(Kind::Certificates)]
        );
        assert_eq!(s.kind(), Some(Kind::Certificates));
        // Emptying the certificate input keeps what it was, for a drop of the same kind.
        let s = s.apply(Action::EditText(String::new())).unwrap_or_default();
        assert_eq!(
            s.documents.get(2).and_then(|d| d.seen),
            Some(Kind::Certificates)
        );
        assert_eq!(s.kind(), None, "a blank input has no detected kind");
    }

    #[test]
    fn dropped_files_are_routed_by_kind() {
        // A fresh page: the first file fills the blank input, the second is added.
        let s = run(vec![Action::OpenFiles(vec![
            file("message.eml", "Received: x"),
            file("chain.pem", "-----BEGIN CERTIFICATE-----"),
        ])]);
        assert_eq!(
            docs(&s),
            vec![
                pair("message.eml", "Received: x"),
                pair("chain.pem", "-----BEGIN CERTIFICATE-----")
            ]
        );
        assert_eq!(s.active, 1, "the last file opened is shown");
        assert!(s.urgent);
        assert_eq!(
            s.documents.first().and_then(|d| d.kind),
            Some(Kind::Headers)
        );

        // A blank input that held certificates takes a certificate file; a policy file skips
        // it and goes to a new input.
        let s = play(
            s.clone(),
            vec![reply_kinds(&s, &[Kind::Headers, Kind::Certificates])],
        );
        let s = play(s, vec![Action::EditText(String::new())]);
        let s = play(
            s,
            vec![Action::OpenFiles(vec![
                file("mta-sts.txt", "version: STSv1"),
                file("new.crt", "-----BEGIN CERTIFICATE----- 2"),
            ])],
        );
        assert_eq!(
            docs(&s),
            vec![
                pair("message.eml", "Received: x"),
                pair("new.crt", "-----BEGIN CERTIFICATE----- 2"),
                pair("mta-sts.txt", "version: STSv1"),
            ]
        );
        // Ids stay unique.
        let mut ids: Vec<u32> = s.documents.iter().map(|d| d.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 3);

        // A blank input of no known kind takes any file; one of another kind is left alone.
        let s = run(vec![
            Action::EditText("Received: x".into()),
            Action::AddInput,
            Action::OpenFiles(vec![file("notes.txt", "hello")]),
        ]);
        assert_eq!(docs(&s).get(1), Some(&pair("notes.txt", "hello")));
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
        assert!(s.has_input());
        // Typing replaces the file with pasted text.
        let s = s.apply(Action::EditText("x".into())).unwrap_or_default();
        assert_eq!(s.file(), None);
        assert_eq!(docs(&s), vec![pair("Pasted text", "x")]);
    }

    #[test]
    fn files_over_the_size_guard_are_refused_with_a_message() {
        let big = OpenedFile {
            name: "huge.eml".into(),
            bytes: vec![b'a'; MAX_FILE_BYTES + 1],
        };
        let s = run(vec![Action::OpenFiles(vec![
            big,
            file("ok.pem", "-----BEGIN CERTIFICATE-----"),
        ])]);
        assert_eq!(
            docs(&s),
            vec![pair("ok.pem", "-----BEGIN CERTIFICATE-----")]
        );
        assert_eq!(s.notices.len(), 1);
        assert!(s
            .notices
            .iter()
            .all(|n| n.contains("huge.eml") && n.contains("16 MiB")));
        // Refused before reading (the browser knows the size) says the same.
        let s = run(vec![Action::RefuseFile {
            name: "huge.eml".into(),
            size: 20_000_000,
        }]);
        assert_eq!(s.notices.len(), 1);
        assert!(!s.has_input());
        assert!(s.has_anything(), "Clear all can dismiss the message");
        let s = s.apply(Action::DismissNotices).unwrap_or_default();
        assert!(s.notices.is_empty());
        // A file at the limit is opened.
        let s = run(vec![Action::OpenFiles(vec![OpenedFile {
            name: "edge.txt".into(),
            bytes: vec![b'a'; MAX_FILE_BYTES],
        }])]);
        assert!(s.notices.is_empty() && s.has_input());
    }

    #[test]
    fn examples_replace_only_what_can_be_put_back() {
        // On a blank page an example simply loads, with no undo.
        // Picking starts the fetch and changes no input yet; the files replace the inputs.
        let loading = run(vec![Action::PickExample("domain-protected".into())]);
        assert_eq!(loading.loading_example, Some("domain-protected"));
        assert_eq!(loading.revision, 0);
        let s = run(example("domain-protected"));
        assert_eq!(s.example, Some("domain-protected"));
        assert_eq!(s.loading_example, None);
        assert_eq!(s.documents.len(), 3);
        assert_eq!((s.domain.as_str(), s.active), ("example.com", 0));
        assert!(s.mx_hosts.contains("mx1.example.com"));
        assert!(s.urgent && s.undo.is_none());
        assert_eq!(s.focus_results, Some(s.revision));
        // The placeholder option does nothing.
        assert!(s.apply(Action::PickExample(String::new())).is_none());
        // An unchanged example is replaced by the next one, still with nothing to undo.
        let s = play(s, example("postfix-tls13"));
        assert_eq!(s.documents.len(), 1);
        assert!(s.undo.is_none() && s.domain.is_empty());

        // Typed input is kept for Undo, and Undo puts it back exactly.
        let typed = run(vec![
            Action::EditText("Received: mine".into()),
            Action::AddInput,
            Action::EditText("version: STSv1".into()),
            Action::EditDomain("mine.example".into()),
        ]);
        let s = play(typed.clone(), example("postfix-tls13"));
        assert!(s.undo.is_some());
        assert_eq!(
            s.move_focus.map(|(spot, _)| spot),
            Some(Spot::Undo),
            "Undo takes the focus"
        );
        assert_eq!(s.focus_results, None);
        // A second example on top keeps the same undo.
        let s = play(s, example("plaintext-hop"));
        let back = s.apply(Action::UndoExample).unwrap_or_default();
        assert_eq!(docs(&back), docs(&typed));
        assert_eq!((back.active, back.domain.as_str()), (1, "mine.example"));
        assert_eq!(back.example, None);
        assert!(back.undo.is_none() && back.urgent);
        assert!(back.apply(Action::UndoExample).is_none());

        // Editing the example makes it the user's: the undo is gone, the name stays.
        let edited = s.apply(Action::EditText("x".into())).unwrap_or_default();
        assert_eq!(edited.example, None);
        assert!(edited.undo.is_none());
        assert_eq!(docs(&edited), vec![pair("plaintext-hop.txt", "x")]);
        // The example menu's id survives a reload while unchanged.
        let restored = run(vec![Action::Restore(s.saved().unwrap_or_default())]);
        assert_eq!(restored.example, Some("plaintext-hop"));

        // Files of an example that is no longer wanted are ignored; a failed fetch says so.
        let s = run(vec![
            Action::PickExample("postfix-tls13".into()),
            Action::EditText("typed meanwhile".into()),
            Action::ExampleLoaded {
                id: "postfix-tls13".into(),
                texts: vec!["Received: x".into()],
            },
        ]);
        assert_eq!(docs(&s), vec![pair("Pasted text", "typed meanwhile")]);
        let s = run(vec![
            Action::PickExample("postfix-tls13".into()),
            Action::ExampleFailed {
                id: "postfix-tls13".into(),
                message: "404".into(),
            },
        ]);
        assert_eq!(s.loading_example, None);
        assert_eq!(s.notices.len(), 1);
    }

    #[test]
    fn a_drop_onto_an_unchanged_example_replaces_it() {
        let mut actions = example("domain-dane");
        actions.push(Action::OpenFiles(vec![file("mine.eml", "Received: mine")]));
        let s = run(actions);
        assert_eq!(docs(&s), vec![pair("mine.eml", "Received: mine")]);
        assert_eq!(s.example, None);
        assert!(s.domain.is_empty(), "the example's domain went with it");
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
        assert!(s.failure_details().contains("Pasted text (text, 1 bytes)"));
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
    fn the_first_analysis_says_when_it_waited_for_the_worker() {
        let s = run(vec![
            Action::EditText("a".into()),
            Action::EngineStarting,
            Action::EngineReady(240.0),
        ]);
        let s = play(s.clone(), vec![reply(s.revision, ReportView::default())]);
        assert_eq!(s.outcome.as_ref().and_then(|o| o.startup_ms), Some(240.0));
        let s = play(s, vec![Action::EditText("ab".into())]);
        let s = play(s.clone(), vec![reply(s.revision, ReportView::default())]);
        assert_eq!(s.outcome.as_ref().and_then(|o| o.startup_ms), None);
        // A worker started while the page was idle (prefetched) made nobody wait.
        let s = run(vec![
            Action::EngineStarting,
            Action::EngineReady(240.0),
            Action::EditText("a".into()),
        ]);
        let s = play(s.clone(), vec![reply(s.revision, ReportView::default())]);
        assert_eq!(s.outcome.as_ref().and_then(|o| o.startup_ms), None);
    }

    #[test]
    fn the_json_text_is_kept_with_the_report() {
        let s = run(vec![Action::EditText("a".into())]);
        let s = play(
            s,
            vec![Action::RepliedWithJson {
                reply: Box::new(Reply {
                    id: 1,
                    report: ReportView::default(),
                    elapsed_ms: 0.5,
                }),
                json: Rc::from("{\"inputs\":[]}"),
            }],
        );
        assert_eq!(
            s.outcome.as_ref().and_then(|o| o.json.as_deref()),
            Some("{\"inputs\":[]}")
        );
    }

    #[test]
    fn clear_forgets_inputs_but_keeps_the_worker() {
        let mut actions = vec![Action::EngineReady(1.0)];
        actions.extend(example("domain-protected"));
        actions.extend([
            Action::AddInput,
            Action::EditMx("mx.example.com".into()),
            Action::Clear,
        ]);
        let s = run(actions);
        assert!(!s.has_input() && !s.has_anything());
        assert_eq!(docs(&s), vec![pair("Pasted text", "")]);
        assert_eq!((s.mx_hosts.as_str(), s.domain.as_str()), ("", ""));
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
    fn saved_inputs_restore_including_binary_files_and_the_open_one() {
        let s = run(vec![
            Action::OpenFile {
                name: "cert.der".into(),
                bytes: vec![0x30, 0, 1, 2],
            },
            Action::AddInput,
            Action::EditText("Received: x".into()),
            Action::AddInput,
            Action::EditMx("mx1.example.com, mx2.example.com".into()),
            Action::EditDomain("example.com".into()),
        ]);
        let saved = s.saved().unwrap_or_default();
        let restored = run(vec![Action::Restore(saved)]);
        assert_eq!(docs(&restored), docs(&s));
        assert_eq!(restored.active, 2);
        assert_eq!(
            restored.mx_list(),
            vec!["mx1.example.com", "mx2.example.com"]
        );
        assert_eq!(restored.domain, "example.com");
        assert_eq!(
            restored.request().and_then(|r| r.domain),
            Some("example.com".to_string())
        );
        assert!(restored.urgent);
        // Ids stay unique after a restore.
        let fresh = restored.apply(Action::AddInput).unwrap_or_default();
        let mut ids: Vec<u32> = fresh.documents.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), fresh.documents.len());
        assert!(run(vec![Action::Restore(Saved::default())]) == State::default());
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
        let s = run(vec![
            Action::EditText("x".into()),
            Action::EditDomain("  ".into()),
        ]);
        assert_eq!(s.request().and_then(|r| r.domain), None);
    }

    #[test]
    fn file_names_suggest_kinds_only_when_unambiguous() {
        for (name, kind) in [
            ("Message.EML", Some(Kind::Headers)),
            ("chain.pem", Some(Kind::Certificates)),
            ("leaf.DER", Some(Kind::Certificates)),
            (
                "google.com!example.com!1!2.json.gz",
                Some(Kind::TlsRptReport),
            ),
            ("mta-sts.txt", Some(Kind::MtaStsPolicy)),
            ("example.com.zone", Some(Kind::DnsRecords)),
            ("notes.txt", None),
            ("headers", None),
        ] {
            assert_eq!(kind_from_name(name), kind, "{name}");
        }
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
        let mut actions = vec![Action::ShowAllHops, Action::ToggleHop(3)];
        actions.extend(example("postfix-tls13"));
        let s = run(actions);
        assert!(!s.all_hops && s.expanded_hops.is_empty());
    }

    #[test]
    fn dialogs_and_printing_are_plain_flags() {
        let s = run(vec![Action::Help(true)]);
        assert!(s.help_open);
        assert!(s.apply(Action::Help(true)).is_none());
        let s = run(vec![Action::Printing(true)]);
        assert!(s.printing);
        let mut actions = example("postfix-tls13");
        actions.push(Action::ResultsFocused);
        let s = run(actions);
        assert_eq!(s.focus_results, None);
    }
}
