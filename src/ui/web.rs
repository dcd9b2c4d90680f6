//! The page's only contact with the browser: mounting, the analysis worker's lifecycle, reading
//! dropped and picked files, sessionStorage, the clipboard, the time (`Date.now()`), and
//! scrolling to a hop; and, for the handshake explainer, the URL fragment (`hashchange`,
//! `location.replace`), its arrow keys and its play timer.
//!
//! Must not be used by components (they send raw events up through `Handlers`), and must not
//! call the analysis functions: the page only posts inputs and deserialises `bridge::Reply`.
//!
//! The worker's life:
//! - it is spawned on the first request, so its ~300 KB are not part of the first load;
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
    DragEvent, ErrorEvent, File, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, MessageEvent, ScrollIntoViewOptions, ScrollLogicalPosition, Worker,
    WorkerOptions,
};
use yew::prelude::*;

use super::app::App;
use super::components::explainer_diagram::row_id;
use super::components::Handlers;
use super::explain_state::{dwell_ms, ExplainAction, ExplainState, Move, UrlWrite};
use super::report::ReportView;
use super::route::Route;
use super::saved::{Saved, STORAGE_KEY};
use super::state::{Action, Body, Request, State};
use crate::bridge::{Reply, READY};

/// How long typing must pause before the input is analysed.
pub const DEBOUNCE_MS: i32 = 150;
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

    let events = use_memo((), {
        let act = act.clone();
        move |_| Events::new(act)
    });
    let copy_details = {
        let act = act.clone();
        (*use_memo(state.failure_details(), move |details| {
            let details = details.clone();
            Callback::from(move |()| copy_text(details.clone(), act.clone()))
        }))
        .clone()
    };

    Handlers {
        act,
        text_input: events.text_input.clone(),
        mx_input: events.mx_input.clone(),
        example: events.example.clone(),
        file_pick: events.file_pick.clone(),
        drag: events.drag.clone(),
        copy_details,
    }
}

/// The callbacks that read raw browser events into actions.
struct Events {
    text_input: Callback<InputEvent>,
    mx_input: Callback<InputEvent>,
    example: Callback<Event>,
    file_pick: Callback<Event>,
    drag: Callback<DragEvent>,
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
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    read_file(file, act.clone());
                }
                // Picking the same file again must fire `change` again.
                input.set_value("");
            })
        };
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
                    let file = e
                        .data_transfer()
                        .and_then(|dt| dt.files())
                        .and_then(|files| files.get(0));
                    if let Some(file) = file {
                        read_file(file, act.clone());
                    }
                }
                _ => {}
            }
        });
        Events {
            text_input,
            mx_input,
            example,
            file_pick,
            drag,
        }
    }
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
            self.act.emit(Action::EngineReady);
        } else {
            match serde_json::from_str::<Reply<ReportView>>(&text) {
                Ok(reply) => self.act.emit(Action::Replied(Box::new(reply))),
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

/// `{id, now_ms, mx_hosts: [..], documents: [{name, text, kind?} | {name, bytes, kind?}]}`, the
/// shape `worker.rs::read_request` reads. `now_ms` is the one read of the clock in the page.
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

/// Reads a dropped or picked file and hands its bytes to the reducer.
fn read_file(file: File, act: Callback<Action>) {
    let name = file.name();
    spawn_local(async move {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => act.emit(Action::OpenFile {
                name,
                bytes: Uint8Array::new(&buffer).to_vec(),
            }),
            Err(error) => web_sys::console::error_1(&error),
        }
    });
}

/// Copies text to the clipboard, then tells the reducer.
fn copy_text(text: String, act: Callback<Action>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    spawn_local(async move {
        if JsFuture::from(promise).await.is_ok() {
            act.emit(Action::Copied);
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
