//! The Yew front end: renders a `Report` that the analysis worker sends as JSON. It never parses
//! input and never calls the analysis functions (only its types), so the page's WebAssembly
//! stays small and a panic in the analysis can't take the page down.
//!
//! Layout: `state.rs` is the pure reducer, `components/` render, `words.rs` holds the page's
//! prose, `samples.rs` the examples, `export.rs` the Markdown export, `app.rs` wires state to
//! effects, and `web.rs` (browser builds only) is the one file that talks to the browser. The
//! handshake explainer has its own pure state (`explain_state.rs`), routing from the URL fragment
//! (`route.rs`) and words (`words_explainer.rs`).

pub mod app;
pub mod components;
pub mod explain_state;
pub mod export;
pub mod format;
pub mod panel_state;
pub mod report;
pub mod route;
pub mod samples;
pub mod saved;
pub mod state;
#[cfg(feature = "web")]
pub mod web;
pub mod words;
pub mod words_explainer;
pub mod words_policies;
