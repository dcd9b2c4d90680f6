//! The messages between the page and the analysis worker. Plain data, shared by both sides, so
//! the page never links the analysis code.
//!
//! Must not depend on the browser or on anything in `analysis` but its types.

use serde::{Deserialize, Serialize};

use crate::analysis::Report;

/// What the page sends: the inputs, the user's options and the time, which the page reads.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Request {
    /// Increasing per request; the page drops replies to stale requests.
    pub id: u32,
    /// Milliseconds since the epoch, from the page's `Date.now()`.
    pub now_ms: f64,
    /// The recipient's MX hosts, as typed.
    pub mx_hosts: Vec<String>,
}

/// What the worker posts back, as a JSON string.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reply {
    /// The request's id.
    pub id: u32,
    /// The analysis.
    pub report: Report,
    /// How long `analyze` took, in milliseconds (`performance.now()` in the worker).
    pub elapsed_ms: f64,
}
