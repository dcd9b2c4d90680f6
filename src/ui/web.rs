//! Temporary skeleton browser glue.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions};

/// Spawns the worker.
pub fn spawn_worker(set: yew::UseStateSetter<String>) -> Option<Worker> {
    let options = WorkerOptions::new();
    let worker = Worker::new_with_options("./mailtls-worker_loader.js", &options).ok()?;
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let text = e.data().as_string().unwrap_or_default();
        let summary = serde_json::from_str::<crate::bridge::Reply>(&text)
            .map(|r| format!("{} hops in {:.2} ms", r.report.hops.len(), r.elapsed_ms))
            .unwrap_or(text);
        set.set(summary);
    });
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    Some(worker)
}

/// Posts text.
pub fn post(worker: &Option<Worker>, text: &str) {
    let Some(worker) = worker else { return };
    let msg = js_sys::Object::new();
    let doc = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&doc, &"name".into(), &"pasted".into());
    let _ = js_sys::Reflect::set(&doc, &"text".into(), &text.into());
    let docs = js_sys::Array::of1(&doc);
    let _ = js_sys::Reflect::set(&msg, &"documents".into(), &docs);
    let _ = js_sys::Reflect::set(&msg, &"now_ms".into(), &js_sys::Date::now().into());
    let _ = worker.post_message(&msg);
}
