//! The page's only contact with the browser: mounting, the analysis worker's lifecycle, reading
//! dropped and picked files, sessionStorage, the clipboard, the time (`Date.now()`,
//! `performance.now()`), scrolling and focus, the keyboard shortcuts, the shortcuts dialog,
//! printing, downloads (the exports, as own-origin `blob:` URLs); and, for the handshake
//! explainer, the URL fragment (`hashchange`, `location.replace`), its arrow keys and its play
//! timer.
//!
//! Must not be used by components (they send raw events up through `Handlers`), and must not
//! call the analysis functions: the page only posts inputs and deserialises `bridge::Reply`.
//!
//! The worker's life:
//! - it is spawned when the page has been idle for [`PREFETCH_MS`] after loading, or on the
//!   first request if that comes sooner, so its ~300 KB are not part of the first load and the
//!   first analysis rarely waits for it (the footer says when one did);
//! - requests wait for the worker's `READY` message (messages sent earlier would be lost);
//! - one request is in the worker at a time; a newer one waits and replaces any older waiting
//!   one, so a burst of edits on a large input doesn't queue up stale work;
//! - typing is debounced ([`DEBOUNCE_MS`]); picks, drops and retries go at once;
//! - if the worker fires `error` (a Rust panic aborts the wasm instance), or doesn't start or
//!   answer in time, it is terminated, the request in flight is reported as crashed, and the
//!   next request spawns a new worker;
//! - the inputs are written to sessionStorage before each request, so a crash or a reload never
//!   loses them, and restored when the page loads.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    Blob, BlobPropertyBag, DragEvent, Element, ErrorEvent, Event, File, FileList,
    HtmlDialogElement, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    KeyboardEvent, MessageEvent, Response, ScrollIntoViewOptions, ScrollLogicalPosition, Url,
    Worker, WorkerOptions,
};
use yew::prelude::*;

use super::app::App;
use super::components::explainer_diagram::row_id;
use super::components::page::Slot;
use super::components::Handlers;
use super::explain_state::{dwell_ms, ExplainAction, ExplainState, Move, UrlWrite};
use super::export;
use super::panel_state::PanelAction;
use super::report::ReportView;
use super::route::Route;
use super::samples::{self, SAMPLES_URL};
use super::saved::{Saved, STORAGE_KEY};
use super::state::{Action, Body, OpenedFile, Request, Spot, State, MAX_FILE_BYTES};
use crate::bridge::{report_text, Reply, READY};

/// How long typing must pause before the input is analysed.
pub const DEBOUNCE_MS: i32 = 150;
/// How long after loading the page starts the worker by itself, so that the first analysis
/// doesn't wait for it. Late enough not to compete with the page's own first paint.
pub const PREFETCH_MS: i32 = 1_200;
/// How long the worker may take to load before it counts as failed.
const START_TIMEOUT_MS: i32 = 20_000;
/// How long one analysis may take before the worker counts as hung.
const ANSWER_TIMEOUT_MS: i32 = 30_000;
/// The worker's entry, written by Trunk next to the page (unhashed, see index.html).
const WORKER_URL: &str = "./mailtls-worker_loader.js";

/// Mounts the app on `#app` (replacing the "Loading…" placeholder), or on `<body>`.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// Connects the page to the browser: starts the analyser, runs the effects the state asks for
/// and returns the callbacks the components use.
#[hook]
pub fn use_browser(state: &UseReducerHandle<State>) -> Handlers {
    // Every callback is made once (or when what it captures changes), so components that
    // receive them see equal props and skip re-rendering while the user types.
    let act = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let analyser = {
        let act = act.clone();
        use_memo((), move |_| Analyser::new(act))
    };

    // Restore the inputs of this tab once, on load.
    {
        let act = act.clone();
        use_effect_with((), move |_| {
            if let Some(saved) = storage_get().as_deref().and_then(Saved::from_json) {
                act.emit(Action::Restore(saved));
            }
        });
    }

    // Every change of the inputs: save them, then analyse (or stop, when there is nothing).
    {
        let state = state.clone();
        let analyser = analyser.clone();
        use_effect_with(state.revision, move |revision| {
            // Revision 0 is the first render: nothing was typed, and the saved inputs are
            // still to be restored, so don't wipe them.
            if *revision != 0 {
                match state.saved() {
                    Some(saved) => storage_set(&saved.to_json()),
                    None => storage_remove(),
                }
                match state.request() {
                    Some(request) => Analyser::send(&analyser, request),
                    None => analyser.cancel(),
                }
            }
        });
    }

    // Fetch a picked example's files (served next to the page), then hand them to the reducer.
    {
        let act = act.clone();
        use_effect_with(state.loading_example, move |loading| {
            if let Some(id) = *loading {
                spawn_local(fetch_example(id, act));
            }
        });
    }

    // Keep the examples menu showing the loaded example (a `selected` attribute can't move the
    // selection once the user has touched the menu).
    use_effect_with(state.example, |example| {
        set_select_value("examples", example.unwrap_or_default());
    });

    // Scroll to a hop that a finding pointed at, and move the focus to its row.
    use_effect_with(state.focus, |focus| {
        if let Some(focus) = focus {
            let n = focus.hop + 1;
            show_element(&format!("hop-{n}"), &format!("hop-{n}-toggle"));
        }
    });

    // Scroll to a line a diagnostic pointed at (the line is focusable), in the detail panels.
    use_effect_with(state.panels.reveal.clone(), |reveal| {
        if let Some(reveal) = reveal {
            show_element(&reveal.id, &reveal.id);
        }
    });

    // After an example was picked, move the focus to the results' heading once they show, so a
    // keyboard or screen-reader user lands on what the example is about.
    {
        let act = act.clone();
        let shown = state.outcome.as_ref().map(|o| o.id);
        use_effect_with((state.focus_results, shown), move |(target, shown)| {
            if target.is_some() && shown == target {
                focus_heading("overview-title");
                act.emit(Action::ResultsFocused);
            }
        });
    }

    // After an input was added (the editor) or removed (the open input's tab), or an example
    // replaced the user's inputs (Undo).
    use_effect_with(state.move_focus, |spot| match spot {
        Some((Spot::Editor, _)) => focus_field("input"),
        Some((Spot::Tab(id), _)) => focus_field(&format!("input-tab-{id}")),
        Some((Spot::Undo, _)) => focus_field("undo-example"),
        None => {}
    });

    // The shortcuts dialog: opened modal (the browser keeps the focus inside), and the focus
    // given back to where it was when it closes.
    {
        let opener = use_mut_ref(|| None::<HtmlElement>);
        use_effect_with(state.help_open, move |open| {
            let Some(dialog) = element::<HtmlDialogElement>("shortcuts") else {
                return;
            };
            if *open && !dialog.open() {
                *opener.borrow_mut() = active_element();
                if dialog.show_modal().is_ok() {
                    if let Some(close) = element::<HtmlElement>("shortcuts-close") {
                        let _ = close.focus();
                    }
                }
            } else if !*open {
                if dialog.open() {
                    dialog.close();
                }
                if let Some(opener) = opener.borrow_mut().take() {
                    let _ = opener.focus();
                }
            }
        });
    }

    // Page-wide listeners, installed once: the keyboard shortcuts, printing, and starting the
    // worker once the page has settled.
    {
        let act = act.clone();
        let analyser = analyser.clone();
        use_effect_with((), move |_| {
            let listeners = Listeners::install(act);
            let prefetch = Closure::<dyn FnMut()>::new(move || analyser.prefetch());
            let timer = set_timer(&prefetch, PREFETCH_MS);
            move || {
                clear_timer(timer);
                drop(prefetch);
                drop(listeners);
            }
        });
    }

    let events = use_memo((), {
        let act = act.clone();
        move |_| Events::new(act)
    });
    let copy_details = {
        let act = act.clone();
        (*use_memo(state.failure_details(), move |details| {
            let details = details.clone();
            Callback::from(move |()| copy_text(details.clone(), act.clone(), Action::Copied))
        }))
        .clone()
    };
    // A command's copy button: (key, text).
    let copy = {
        let act = act.clone();
        (*use_memo((), move |_| {
            Callback::from(move |(key, text): (String, String)| {
                copy_text(text, act.clone(), Action::Panel(PanelAction::Copied(key)));
            })
        }))
        .clone()
    };
    let outcome = state.outcome.clone();
    let exports = use_memo(outcome.as_ref().map(|o| o.id), move |_| {
        Exports::new(outcome.as_ref().map(|o| (o.report.clone(), o.json.clone())))
    });

    Handlers {
        act,
        text_input: events.text_input.clone(),
        mx_input: events.mx_input.clone(),
        domain_input: events.domain_input.clone(),
        example: events.example.clone(),
        file_pick: events.file_pick.clone(),
        drag: events.drag.clone(),
        copy_details,
        jump: events.jump.clone(),
        export_markdown: exports.markdown.clone(),
        export_json: exports.json.clone(),
        print: events.print.clone(),
        copy,
    }
}

/// The export buttons' callbacks for one report.
struct Exports {
    markdown: Callback<()>,
    json: Callback<()>,
}

impl Exports {
    fn new(report: Option<(std::rc::Rc<ReportView>, Option<std::rc::Rc<str>>)>) -> Exports {
        let Some((report, json)) = report else {
            return Exports {
                markdown: Callback::noop(),
                json: Callback::noop(),
            };
        };
        let markdown = Callback::from(move |()| {
            download(
                "mailtls-report.md",
                "text/markdown;charset=utf-8",
                &export::markdown(&report),
            );
        });
        let json = Callback::from(move |()| {
            if let Some(json) = &json {
                download(
                    "mailtls-report.json",
                    "application/json",
                    &pretty_json(json),
                );
            }
        });
        Exports { markdown, json }
    }
}

/// The callbacks that read raw browser events into actions.
struct Events {
    text_input: Callback<InputEvent>,
    mx_input: Callback<InputEvent>,
    domain_input: Callback<InputEvent>,
    example: Callback<Event>,
    file_pick: Callback<Event>,
    drag: Callback<DragEvent>,
    jump: Callback<MouseEvent>,
    print: Callback<()>,
}

impl Events {
    fn new(act: Callback<Action>) -> Events {
        let text_input = {
            let act = act.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                    act.emit(Action::EditText(area.value()));
                }
            })
        };
        let mx_input = {
            let act = act.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    act.emit(Action::EditMx(input.value()));
                }
            })
        };
        let domain_input = {
            let act = act.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                    act.emit(Action::EditDomain(input.value()));
                }
            })
        };
        let example = {
            let act = act.clone();
            Callback::from(move |e: Event| {
                if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                    act.emit(Action::PickExample(select.value()));
                }
            })
        };
        let file_pick = {
            let act = act.clone();
            Callback::from(move |e: Event| {
                let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                    return;
                };
                if let Some(files) = input.files() {
                    read_files(&files, act.clone());
                }
                // Picking the same file again must fire `change` again.
                input.set_value("");
            })
        };
        let jump = Callback::from(|e: MouseEvent| {
            let target = e
                .current_target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|a| a.get_attribute("href"));
            if let Some(id) = target.as_deref().and_then(|h| h.strip_prefix('#')) {
                e.prevent_default();
                jump_to(id);
            }
        });
        let print = Callback::from(|()| {
            if let Some(window) = web_sys::window() {
                // `beforeprint` (see `Listeners`) opens everything first, as for Ctrl+P.
                let _ = window.print();
            }
        });
        let drag = Callback::from(move |e: DragEvent| {
            // Only drags that carry files are ours; a text selection dragged within the page
            // keeps the browser's behaviour.
            let carries_files = e.data_transfer().is_some_and(|dt| {
                dt.types()
                    .iter()
                    .any(|t| t.as_string().as_deref() == Some("Files"))
            });
            if !carries_files {
                return;
            }
            e.prevent_default();
            match e.type_().as_str() {
                "dragenter" => act.emit(Action::Dragging(true)),
                "drop" => {
                    act.emit(Action::Dragging(false));
                    if let Some(files) = e.data_transfer().and_then(|dt| dt.files()) {
                        read_files(&files, act.clone());
                    }
                }
                _ => {}
            }
        });
        Events {
            text_input,
            mx_input,
            domain_input,
            example,
            file_pick,
            drag,
            jump,
            print,
        }
    }
}

/// The page-wide listeners: keys for the shortcuts, and `beforeprint`/`afterprint`. Removed
/// when dropped.
struct Listeners {
    keydown: Closure<dyn FnMut(KeyboardEvent)>,
    before_print: Closure<dyn FnMut(Event)>,
    after_print: Closure<dyn FnMut(Event)>,
}

impl Listeners {
    fn install(act: Callback<Action>) -> Listeners {
        let keys = act.clone();
        let keydown = Closure::<dyn FnMut(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            shortcut(&e, &keys);
        });
        // Printing shows everything: every `<details>` opened (and closed again after), and
        // every hop and finding rendered (the reducer's `printing`).
        let opened: Rc<RefCell<Vec<Element>>> = Rc::default();
        let before_print = {
            let act = act.clone();
            let opened = opened.clone();
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                *opened.borrow_mut() = open_all_details();
                act.emit(Action::Printing(true));
            })
        };
        let after_print = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            for details in opened.borrow_mut().drain(..) {
                let _ = details.remove_attribute("open");
            }
            act.emit(Action::Printing(false));
        });
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let _ = document
                    .add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref());
            }
            let _ = window.add_event_listener_with_callback(
                "beforeprint",
                before_print.as_ref().unchecked_ref(),
            );
            let _ = window.add_event_listener_with_callback(
                "afterprint",
                after_print.as_ref().unchecked_ref(),
            );
        }
        Listeners {
            keydown,
            before_print,
            after_print,
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let _ = document.remove_event_listener_with_callback(
                    "keydown",
                    self.keydown.as_ref().unchecked_ref(),
                );
            }
            let _ = window.remove_event_listener_with_callback(
                "beforeprint",
                self.before_print.as_ref().unchecked_ref(),
            );
            let _ = window.remove_event_listener_with_callback(
                "afterprint",
                self.after_print.as_ref().unchecked_ref(),
            );
        }
    }
}

/// The single-key shortcuts (`words::SHORTCUTS`). They never fire while a text field, a menu
/// or an open dialog has the keys, nor with Ctrl, Alt or ⌘, so typing and the browser's own
/// shortcuts are untouched; arrow keys are left to the panels. Esc in a text field leaves it.
fn shortcut(e: &KeyboardEvent, act: &Callback<Action>) {
    if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() || e.is_composing() {
        return;
    }
    let target = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok());
    let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
    let editing = matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.as_ref().is_some_and(|t| t.is_content_editable());
    let key = e.key();
    if editing {
        if key == "Escape" && tag != "SELECT" {
            if let Some(field) = target {
                let _ = field.blur();
            }
        }
        return;
    }
    if element::<HtmlDialogElement>("shortcuts").is_some_and(|d| d.open()) {
        return;
    }
    match key.as_str() {
        "?" => act.emit(Action::Help(true)),
        "/" => focus_field("input"),
        "e" => {
            focus_field("examples");
            // Open the list too, where the browser can (Chromium 121+, Firefox 122+).
            if let Some(select) = element::<HtmlSelectElement>("examples") {
                if let Ok(show) = Reflect::get(&select, &JsValue::from_str("showPicker")) {
                    if let Some(show) = show.dyn_ref::<js_sys::Function>() {
                        let _ = show.call0(&select);
                    }
                }
            }
        }
        "a" => act.emit(Action::AddInput),
        _ => return,
    }
    e.prevent_default();
}

/// The page's side of the analysis worker.
///
/// Its four JavaScript callbacks are made once and live as long as it does, so no callback is
/// ever dropped while it runs; timers are plain handles.
pub struct Analyser {
    inner: RefCell<Inner>,
    act: Callback<Action>,
    on_message: Closure<dyn FnMut(MessageEvent)>,
    on_error: Closure<dyn FnMut(ErrorEvent)>,
    on_pause: Closure<dyn FnMut()>,
    on_watchdog: Closure<dyn FnMut()>,
}

#[derive(Default)]
struct Inner {
    worker: Option<Worker>,
    ready: bool,
    /// When the worker was spawned (`performance.now()`), to say how long it took to start.
    spawned_at: f64,
    /// The request in the worker.
    in_flight: Option<u32>,
    /// The next request to post, with its message.
    waiting: Option<(u32, JsValue)>,
    /// A typed request waiting for the pause, and its timer.
    typed: Option<(u32, JsValue)>,
    pause_timer: Option<i32>,
    /// The timer that declares the worker dead, and what it will say.
    watchdog_timer: Option<i32>,
    watchdog_reason: &'static str,
}

impl Analyser {
    /// A new analyser; the worker starts on the first request.
    pub fn new(act: Callback<Action>) -> Rc<Analyser> {
        Rc::new_cyclic(|me: &Weak<Analyser>| {
            let weak = me.clone();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(analyser) = weak.upgrade() {
                    analyser.received(event.data().as_string().unwrap_or_default());
                }
            });
            let weak = me.clone();
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                let mut message = event.message();
                if message.is_empty() {
                    message = "The analyser's script failed to load or run.".to_string();
                }
                if !event.filename().is_empty() {
                    message.push_str(&format!(" ({}:{})", event.filename(), event.lineno()));
                }
                if let Some(analyser) = weak.upgrade() {
                    analyser.crashed(message);
                }
            });
            let weak = me.clone();
            let on_pause = Closure::<dyn FnMut()>::new(move || {
                if let Some(analyser) = weak.upgrade() {
                    let typed = {
                        let mut inner = analyser.inner.borrow_mut();
                        inner.pause_timer = None;
                        inner.typed.take()
                    };
                    if let Some((id, message)) = typed {
                        analyser.enqueue(id, message);
                    }
                }
            });
            let weak = me.clone();
            let on_watchdog = Closure::<dyn FnMut()>::new(move || {
                if let Some(analyser) = weak.upgrade() {
                    let reason = {
                        let mut inner = analyser.inner.borrow_mut();
                        inner.watchdog_timer = None;
                        inner.watchdog_reason
                    };
                    analyser.crashed(reason.to_string());
                }
            });
            Analyser {
                inner: RefCell::new(Inner::default()),
                act,
                on_message,
                on_error,
                on_pause,
                on_watchdog,
            }
        })
    }

    /// Analyses `request`: at once when it is urgent, after the typing pause otherwise. The
    /// caller has saved the inputs already.
    pub fn send(this: &Rc<Analyser>, request: Request) {
        let message = request_message(&request);
        let id = request.id;
        let old_timer = {
            let mut inner = this.inner.borrow_mut();
            inner.typed = None;
            inner.pause_timer.take()
        };
        clear_timer(old_timer);
        if request.urgent {
            this.enqueue(id, message);
        } else {
            let timer = set_timer(&this.on_pause, DEBOUNCE_MS);
            let mut inner = this.inner.borrow_mut();
            inner.typed = Some((id, message));
            inner.pause_timer = timer;
        }
    }

    /// Starts the worker ahead of the first request, if it isn't running.
    pub fn prefetch(&self) {
        if self.inner.borrow().worker.is_none() {
            self.spawn();
        }
    }

    /// Forgets any request not yet posted (the input was cleared).
    pub fn cancel(&self) {
        let timer = {
            let mut inner = self.inner.borrow_mut();
            inner.typed = None;
            inner.waiting = None;
            inner.pause_timer.take()
        };
        clear_timer(timer);
    }

    /// Makes `message` the next request, and posts it when the worker is free.
    fn enqueue(&self, id: u32, message: JsValue) {
        let needs_worker = {
            let mut inner = self.inner.borrow_mut();
            inner.waiting = Some((id, message));
            inner.worker.is_none()
        };
        if needs_worker {
            self.spawn();
        }
        self.pump();
    }

    /// Posts the waiting request if the worker is ready and idle.
    fn pump(&self) {
        let (worker, message) = {
            let mut inner = self.inner.borrow_mut();
            if !inner.ready || inner.in_flight.is_some() {
                return;
            }
            let (Some(worker), Some((id, message))) = (inner.worker.clone(), inner.waiting.take())
            else {
                return;
            };
            inner.in_flight = Some(id);
            (worker, message)
        };
        self.arm_watchdog(ANSWER_TIMEOUT_MS, "The analysis took longer than 30 s.");
        if let Err(error) = worker.post_message(&message) {
            self.crashed(describe(&error));
        }
    }

    /// Starts a worker and wires its events.
    fn spawn(&self) {
        let worker = match Worker::new_with_options(WORKER_URL, &WorkerOptions::new()) {
            Ok(worker) => worker,
            Err(error) => {
                self.crashed(format!(
                    "The analyser could not start: {}",
                    describe(&error)
                ));
                return;
            }
        };
        worker.set_onmessage(Some(self.on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(self.on_error.as_ref().unchecked_ref()));
        {
            let mut inner = self.inner.borrow_mut();
            inner.worker = Some(worker);
            inner.ready = false;
            inner.in_flight = None;
            inner.spawned_at = now_ms();
        }
        self.arm_watchdog(START_TIMEOUT_MS, "The analyser did not start within 20 s.");
        self.act.emit(Action::EngineStarting);
    }

    /// A message from the worker: `READY`, or a reply.
    fn received(&self, text: String) {
        let timer = {
            let mut inner = self.inner.borrow_mut();
            if text == READY {
                inner.ready = true;
            } else {
                inner.in_flight = None;
            }
            inner.watchdog_timer.take()
        };
        clear_timer(timer);
        if text == READY {
            let spawned_at = self.inner.borrow().spawned_at;
            self.act.emit(Action::EngineReady(now_ms() - spawned_at));
        } else {
            match serde_json::from_str::<Reply<ReportView>>(&text) {
                Ok(reply) => self.act.emit(Action::RepliedWithJson {
                    reply: Box::new(reply),
                    json: Rc::from(report_text(&text).unwrap_or_default()),
                }),
                // A reply the page can't read is a bug on one side of the bridge.
                Err(error) => web_sys::console::error_1(&JsValue::from_str(&format!(
                    "mailtls: unreadable reply from the analyser: {error}"
                ))),
            }
        }
        self.pump();
    }

    /// The worker died or hung: terminate it and report the request it was working on. The
    /// next request spawns a new one.
    fn crashed(&self, message: String) {
        let (id, timer) = {
            let mut inner = self.inner.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                worker.terminate();
            }
            inner.ready = false;
            let waiting = inner.waiting.take().map(|(id, _)| id);
            (
                inner.in_flight.take().or(waiting),
                inner.watchdog_timer.take(),
            )
        };
        clear_timer(timer);
        if let Some(id) = id {
            self.act.emit(Action::Crashed { id, message });
        }
    }

    fn arm_watchdog(&self, ms: i32, reason: &'static str) {
        let old = self.inner.borrow_mut().watchdog_timer.take();
        clear_timer(old);
        let timer = set_timer(&self.on_watchdog, ms);
        let mut inner = self.inner.borrow_mut();
        inner.watchdog_timer = timer;
        inner.watchdog_reason = reason;
    }
}

fn set_timer(callback: &Closure<dyn FnMut()>, ms: i32) -> Option<i32> {
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )
        .ok()
}

fn clear_timer(handle: Option<i32>) {
    if let (Some(handle), Some(window)) = (handle, web_sys::window()) {
        window.clear_timeout_with_handle(handle);
    }
}

/// `{id, now_ms, mx_hosts: [..], domain?, documents: [{name, text, kind?} | {name, bytes,
/// kind?}]}`, the shape `worker.rs::read_request` reads. `now_ms` is the page's read of the
/// calendar clock.
fn request_message(request: &Request) -> JsValue {
    let message = Object::new();
    let set = |target: &Object, key: &str, value: &JsValue| {
        let _ = Reflect::set(target, &JsValue::from_str(key), value);
    };
    set(&message, "id", &JsValue::from(request.id));
    set(&message, "now_ms", &JsValue::from(js_sys::Date::now()));
    let hosts = Array::new();
    for host in &request.mx_hosts {
        hosts.push(&JsValue::from_str(host));
    }
    set(&message, "mx_hosts", &hosts);
    if let Some(domain) = &request.domain {
        set(&message, "domain", &JsValue::from_str(domain));
    }
    let documents = Array::new();
    for doc in &request.documents {
        let item = Object::new();
        set(&item, "name", &JsValue::from_str(&doc.name));
        match &doc.body {
            Body::Text(text) => set(&item, "text", &JsValue::from_str(text)),
            Body::Bytes(bytes) => set(&item, "bytes", &Uint8Array::from(bytes.as_ref())),
        }
        if let Some(kind) = doc.kind {
            set(&item, "kind", &JsValue::from_str(kind.name()));
        }
        documents.push(&item);
    }
    set(&message, "documents", &documents);
    message.into()
}

/// Reads dropped or picked files and hands them to the reducer in one batch, which routes them
/// to inputs. Files over [`MAX_FILE_BYTES`] are never read (the browser knows their size); the
/// reducer hears of them after the batch, so their messages stay.
fn read_files(files: &FileList, act: Callback<Action>) {
    let files: Vec<File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    let (accepted, refused): (Vec<File>, Vec<File>) = files
        .into_iter()
        .partition(|f| f.size() <= MAX_FILE_BYTES as f64);
    spawn_local(async move {
        let mut opened = Vec::new();
        for file in accepted {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => opened.push(OpenedFile {
                    name: file.name(),
                    bytes: Uint8Array::new(&buffer).to_vec(),
                }),
                Err(error) => web_sys::console::error_1(&error),
            }
        }
        act.emit(Action::OpenFiles(opened));
        for file in refused {
            act.emit(Action::RefuseFile {
                name: file.name(),
                size: file.size() as usize,
            });
        }
    });
}

/// Fetches an example's files from `samples/` (this origin, GET, no query) and reports them.
async fn fetch_example(id: &'static str, act: Callback<Action>) {
    let Some(sample) = samples::find(id) else {
        return;
    };
    let mut texts = Vec::new();
    for name in sample.files {
        match fetch_text(&format!("{SAMPLES_URL}{name}")).await {
            Ok(text) => texts.push(text),
            Err(message) => {
                act.emit(Action::ExampleFailed {
                    id: id.to_string(),
                    message,
                });
                return;
            }
        }
    }
    act.emit(Action::ExampleLoaded {
        id: id.to_string(),
        texts,
    });
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| describe(&e))?
        .dyn_into::<Response>()
        .map_err(|e| describe(&e))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| describe(&e))?)
        .await
        .map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// Saves `text` as a file: a `blob:` URL of this origin, clicked from a detached link, then
/// revoked. Nothing is sent anywhere.
fn download(name: &str, mime: &str, text: &str) {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        link.click();
    }
    // The download has started by the time this runs; the URL is no longer needed.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

/// The report's JSON, indented for people (the browser's own `JSON.stringify`, so the page's
/// WebAssembly needs no serialiser for the whole report); as sent when it can't be parsed.
fn pretty_json(json: &str) -> String {
    js_sys::JSON::parse(json)
        .ok()
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &JsValue::NULL,
                &JsValue::from(2),
            )
            .ok()
        })
        .map(String::from)
        .unwrap_or_else(|| json.to_string())
}

/// Copies text to the clipboard, then tells the reducer `done`.
fn copy_text(text: String, act: Callback<Action>, done: Action) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    spawn_local(async move {
        if JsFuture::from(promise).await.is_ok() {
            act.emit(done);
        }
    });
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn storage_get() -> Option<String> {
    session_storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the inputs. A quota error (inputs of several MB) is ignored: the input is still in the
/// textarea, it just won't survive a reload.
fn storage_set(json: &str) {
    if let Some(storage) = session_storage() {
        if storage.set_item(STORAGE_KEY, json).is_err() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
    }
}

fn storage_remove() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(STORAGE_KEY);
    }
}

fn element<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<T>()
        .ok()
}

fn set_select_value(id: &str, value: &str) {
    if let Some(select) = element::<HtmlSelectElement>(id) {
        if select.value() != value {
            select.set_value(value);
        }
    }
}

/// Scrolls the element into the middle of the view (smoothly unless the user prefers reduced
/// motion: the CSS sets `scroll-behavior`) and focuses `focus_id` without scrolling again.
fn show_element(id: &str, focus_id: &str) {
    if let Some(target) = element::<HtmlElement>(id) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    }
    if let Some(button) = element::<HtmlElement>(focus_id) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = button.focus_with_options(&options);
    }
}

/// Scrolls to an area's panel and moves the focus to its first heading, without changing the
/// URL. An area whose panel isn't on the page goes to the findings instead.
fn jump_to(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = document
        .get_element_by_id(id)
        .filter(|t| t.child_element_count() > 0)
        .or_else(|| document.get_element_by_id(Slot::Findings.anchor()));
    let Some(target) = target else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    let heading = target
        .query_selector("h2")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<HtmlElement>().ok());
    if let Some(heading) = heading {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
}

/// Moves the focus to a heading (which has `tabindex="-1"`), scrolling it into view.
fn focus_heading(id: &str) {
    if let Some(heading) = element::<HtmlElement>(id) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Start);
        heading.scroll_into_view_with_scroll_into_view_options(&options);
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&focus);
    }
}

/// Focuses a form field by id.
fn focus_field(id: &str) {
    if let Some(field) = element::<HtmlElement>(id) {
        let _ = field.focus();
    }
}

fn active_element() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Opens every closed `<details>` and returns them, so they can be closed again.
fn open_all_details() -> Vec<Element> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("details:not([open])").ok())
    else {
        return Vec::new();
    };
    let mut opened = Vec::new();
    for i in 0..list.length() {
        if let Some(details) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = details.set_attribute("open", "");
            opened.push(details);
        }
    }
    opened
}

/// Milliseconds from `performance.now()`: for durations only, never for dates.
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn describe(error: &JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

// --- The handshake explainer (issue 5): the URL fragment, the keys and the play timer --------

/// The URL's fragment with its `#`, or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Keeps the explainer in step with the browser:
/// - every `hashchange` (Back, Forward, a link, a typed URL) is read into the state;
/// - moves made here (buttons, keys, play) replace the current history entry's fragment;
/// - while a walk-through is open, ArrowLeft/ArrowRight step and Home/End jump, unless the
///   reader is typing in a field or holds a modifier (Alt+Left is the browser's Back);
/// - while playing, a timer advances after the step's reading time;
/// - a new view starts at the top, and a deep link or a move brings the current step into view
///   (if it isn't already).
#[hook]
pub fn use_explainer_browser(explain: &UseReducerHandle<ExplainState>) {
    {
        let dispatcher = explain.dispatcher();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut()>::new(move || {
                dispatcher.dispatch(ExplainAction::Url(location_hash()));
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(window) = window {
                    let _ = window.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
                drop(listener);
            }
        });
    }

    {
        let explain = explain.clone();
        use_effect_with(explain.url_seq, move |_| {
            if explain.url_write == UrlWrite::Replace {
                replace_fragment(&explain.fragment.to_string());
            }
        });
    }

    let route = explain.route();
    let walking = matches!(route, Route::Walkthrough { .. });
    {
        let dispatcher = explain.dispatcher();
        use_effect_with(walking, move |walking| {
            let listener = walking.then(|| {
                Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
                    move |event: web_sys::KeyboardEvent| {
                        if let Some(to) = key_move(&event) {
                            event.prevent_default();
                            dispatcher.dispatch(ExplainAction::Go(to));
                        }
                    },
                )
            });
            let document = web_sys::window().and_then(|w| w.document());
            if let (Some(listener), Some(document)) = (&listener, &document) {
                let _ = document
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(listener), Some(document)) = (listener, document) {
                    let _ = document.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    // The current step: its row's id, and how long play shows it.
    let current = explain
        .current()
        .and_then(|(explainer, scenario, position)| {
            let step = explainer.walkthrough(scenario)?.steps().nth(position)?;
            Some((row_id(step), dwell_ms(step)))
        });
    {
        let dispatcher = explain.dispatcher();
        let playing = explain.playing.then(|| current.clone()).flatten();
        use_effect_with(playing, move |playing| {
            let tick =
                Closure::<dyn FnMut()>::new(move || dispatcher.dispatch(ExplainAction::Tick));
            let timer = playing
                .as_ref()
                .and_then(|(_, ms)| set_timer(&tick, i32::try_from(*ms).unwrap_or(i32::MAX)));
            move || {
                clear_timer(timer);
                drop(tick);
            }
        });
    }

    let previous = use_mut_ref(|| None::<Route>);
    use_effect_with((route, current.map(|(row, _)| row)), move |(route, row)| {
        let before = previous.replace(Some(*route));
        let same_walkthrough = match (before, route) {
            (
                Some(Route::Walkthrough { scenario: a, .. }),
                Route::Walkthrough { scenario: b, .. },
            ) => a == *b,
            _ => false,
        };
        match (route, row) {
            (Route::Walkthrough { position, .. }, Some(row))
                if same_walkthrough || *position > 0 =>
            {
                scroll_to_element(row, ScrollLogicalPosition::Nearest);
            }
            _ if before.is_some_and(|before| before != *route) => {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
            _ => {}
        }
    });
}

/// The move a key asks for, or `None` when the key is not the explainer's: typing in a field,
/// a modifier held, or text being composed.
fn key_move(event: &web_sys::KeyboardEvent) -> Option<Move> {
    if event.default_prevented()
        || event.alt_key()
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.is_composing()
    {
        return None;
    }
    let typing = event
        .target()
        .and_then(|target| target.dyn_into::<HtmlElement>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.is_content_editable()
        });
    if typing {
        return None;
    }
    match event.key().as_str() {
        "ArrowLeft" => Some(Move::Back),
        "ArrowRight" => Some(Move::Next),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// Replaces the current history entry's fragment (no new entry, no reload).
fn replace_fragment(fragment: &str) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let target = if fragment.is_empty() { "#" } else { fragment };
    if location.hash().ok().as_deref() != Some(target) {
        let _ = location.replace(target);
    }
}

/// Scrolls an element into view (smoothly unless the reader prefers reduced motion: the CSS
/// sets `scroll-behavior`).
fn scroll_to_element(id: &str, block: ScrollLogicalPosition) {
    if let Some(target) = element::<HtmlElement>(id) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(block);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
