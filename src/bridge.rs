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
///
/// The report is the last field, so that the page can also keep the report's own JSON text
/// ([`report_text`]) for the "JSON" export without deserialising all of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reply<R = Report> {
    /// The request's id.
    pub id: u32,
    /// How long `analyze` took, in milliseconds (`performance.now()` in the worker).
    pub elapsed_ms: f64,
    /// The analysis.
    pub report: R,
}

/// The report's JSON text inside a serialised [`Reply`]: the same object `mailtls check --json`
/// prints. `None` when the text is not a reply.
///
/// `id` and `elapsed_ms` are numbers, so the first `,"report":` is the report's key, and the
/// report runs to the reply's closing brace.
pub fn report_text(reply: &str) -> Option<&str> {
    const KEY: &str = ",\"report\":";
    let start = reply.find(KEY)? + KEY.len();
    let end = reply.trim_end().strip_suffix('}')?.len();
    reply.get(start..end).filter(|r| r.starts_with('{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_text_is_the_report_alone() {
        let report = Report {
            grade: Some("A".into()),
            analysed_at: "2026-01-01T00:00:00Z".into(),
            ..Report::default()
        };
        let text = serde_json::to_string(&Reply {
            id: 7,
            elapsed_ms: 0.25,
            report: report.clone(),
        })
        .unwrap_or_default();
        let inner = report_text(&text).unwrap_or_default();
        assert_eq!(inner, serde_json::to_string(&report).unwrap_or_default());
        assert_eq!(report_text("{\"ready\":true}"), None);
        assert_eq!(
            report_text("{\"id\":1,\"elapsed_ms\":1,\"report\":3}"),
            None
        );
    }
}
