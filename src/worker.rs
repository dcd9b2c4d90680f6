//! The analysis side of the browser: runs in a dedicated web worker, receives inputs from the
//! page, calls [`crate::analysis::analyze`] and posts the report back. The same module, loaded in
//! a page with `<script src="mailtls-worker.js">`, is the public JavaScript API ([`analyze_js`]).
//!
//! Must not depend on Yew. It is the only browser-facing code of the worker module; a panic here
//! aborts this instance only, and the page respawns it (see `ui/web.rs`).

use js_sys::{Array, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::analysis::{analyze, Document, Inputs, Kind, Options, Timestamp};
use crate::bridge::{Reply, Request};

/// Starts the worker: installs the message handler when running inside a dedicated worker. In
/// a page (the JavaScript API) it does nothing.
pub fn start() {
    let global = js_sys::global();
    let Ok(scope) = global.dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_scope = scope.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let (request, documents) = read_request(&data);
        let started = now_ms(&reply_scope);
        let inputs = Inputs {
            documents,
            options: Options {
                mx_hosts: request.mx_hosts.clone(),
                domain: None,
            },
        };
        let report = analyze(&inputs, Timestamp::from_millis(request.now_ms));
        let elapsed_ms = now_ms(&reply_scope) - started;
        let reply = Reply {
            id: request.id,
            report,
            elapsed_ms,
        };
        if let Ok(text) = serde_json::to_string(&reply) {
            let _ = reply_scope.post_message(&JsValue::from_str(&text));
        }
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let _ = scope.post_message(&JsValue::from_str("{\"ready\":true}"));
}

fn now_ms(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Reads `{id, now_ms, mx_hosts: [..], documents: [{name, text} | {name, bytes: Uint8Array}]}`.
fn read_request(data: &JsValue) -> (Request, Vec<Document>) {
    let get = |target: &JsValue, key: &str| Reflect::get(target, &JsValue::from_str(key)).ok();
    let request = Request {
        id: get(data, "id").and_then(|v| v.as_f64()).unwrap_or(0.0) as u32,
        now_ms: get(data, "now_ms").and_then(|v| v.as_f64()).unwrap_or(0.0),
        mx_hosts: get(data, "mx_hosts")
            .filter(|v| v.is_object())
            .map(|v| {
                Array::from(&v)
                    .iter()
                    .filter_map(|h| h.as_string())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut documents = Vec::new();
    if let Some(list) = get(data, "documents").filter(|v| Array::is_array(v)) {
        for item in Array::from(&list).iter() {
            let name = get(&item, "name")
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let kind = get(&item, "kind")
                .and_then(|v| v.as_string())
                .and_then(|k| Kind::ALL.into_iter().find(|x| x.name() == k));
            let bytes = match get(&item, "text").and_then(|v| v.as_string()) {
                Some(text) => text.into_bytes(),
                None => get(&item, "bytes")
                    .filter(|v| v.is_instance_of::<Uint8Array>())
                    .map(|v| Uint8Array::new(&v).to_vec())
                    .unwrap_or_default(),
            };
            documents.push(Document { name, bytes, kind });
        }
    }
    (request, documents)
}

/// The public JavaScript API: `wasm_bindgen.analyze(text, options)` returns the same report
/// object as `mailtls check --json`. `options` may hold `now` (milliseconds or an RFC 3339
/// string; default `Date.now()`), `mx` (an array of MX host names) and `name` (a label).
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let get = |key: &str| {
        if options.is_object() {
            Reflect::get(&options, &JsValue::from_str(key)).ok()
        } else {
            None
        }
    };
    let now = match get("now") {
        Some(v) if v.as_f64().is_some() => Timestamp::from_millis(v.as_f64().unwrap_or(0.0)),
        Some(v) if v.as_string().is_some() => v
            .as_string()
            .and_then(|s| Timestamp::parse_rfc3339(&s))
            .ok_or_else(|| JsValue::from_str("options.now: not an RFC 3339 time"))?,
        _ => Timestamp::from_millis(js_sys::Date::now()),
    };
    let mx_hosts = get("mx")
        .filter(|v| Array::is_array(v))
        .map(|v| {
            Array::from(&v)
                .iter()
                .filter_map(|h| h.as_string())
                .collect()
        })
        .unwrap_or_default();
    let name = get("name")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "input".to_string());
    let report = analyze(
        &Inputs {
            documents: vec![Document::text(name, text)],
            options: Options {
                mx_hosts,
                domain: None,
            },
        },
        now,
    );
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    report
        .serialize(&serializer)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}
