//! The messages between the page and the analysis worker. Plain data, shared by both sides, so
//! the page never links the analysis code.
//!
//! Must not depend on the browser or on anything in `analysis` but its types.

use serde::{Deserialize, Serialize};

use crate::analysis::Report;

/// What the worker posts once its WebAssembly is running. Messages posted to a worker before its
/// handler is installed are lost, so the page waits for this before posting requests.
pub const READY: &str = "{\"ready\":true}";

/// What the page sends: the inputs, the user's options and the time, which the page reads.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Request {
    /// Increasing per request; the page drops replies to stale requests.
    pub id: u32,
    /// Milliseconds since the epoch, from the page's `Date.now()`.
    pub now_ms: f64,
    /// The recipient's MX hosts, as typed.
    pub mx_hosts: Vec<String>,
    /// The recipient domain, as typed (optional).
    #[serde(default)]
    pub domain: Option<String>,
}

/// What the worker posts back, as a JSON string.
///
/// The worker sends the whole [`Report`]; the page reads it into a smaller type with only the
/// fields it renders (`ui::report::ReportView`), so its WebAssembly carries no deserialiser for
/// the parts it doesn't show. Unknown fields are skipped.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reply<R = Report> {
    /// The request's id.
    pub id: u32,
    /// The analysis.
    pub report: R,
    /// How long `analyze` took, in milliseconds (`performance.now()` in the worker).
    pub elapsed_ms: f64,
}
