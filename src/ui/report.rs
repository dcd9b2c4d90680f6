//! The part of the analysis [`Report`] the page renders. The worker sends the whole report as
//! JSON; the page deserialises only these fields (serde skips the rest), so the page's
//! WebAssembly carries no deserialiser for what it doesn't show. A panel that renders more of
//! the report adds its field here.
//!
//! Must not call analysis functions: it is data, built from JSON or, natively, from a `Report`.

use std::rc::Rc;

use serde::Deserialize;

use crate::analysis::handshake::Explainer;
use crate::analysis::posture::Posture;
use crate::analysis::transport::{MessageSummary, PathSummary};
use crate::analysis::{Finding, Hop, InputSummary, MxHost, Report};

/// What the page shows of a report. Field names and meanings are the report's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ReportView {
    /// One entry per document.
    pub inputs: Vec<InputSummary>,
    /// The hops, in delivery order.
    pub hops: Vec<Hop>,
    /// The path verdict, when there were headers.
    pub path: Option<PathSummary>,
    /// Message context from the headers.
    pub message: Option<MessageSummary>,
    /// Every finding, worst first.
    pub findings: Vec<Finding>,
    /// The overall grade.
    pub grade: Option<String>,
    /// How the grade was reached.
    pub posture: Posture,
    /// The MX hosts the checks used.
    pub mx_hosts: Vec<MxHost>,
    /// The explainer's walk-throughs, personalised (shared: the explainer keeps it).
    pub explainer: Rc<Explainer>,
}

impl From<Report> for ReportView {
    fn from(report: Report) -> ReportView {
        ReportView {
            inputs: report.inputs,
            hops: report.hops,
            path: report.path,
            message: report.message,
            findings: report.findings,
            grade: report.grade,
            posture: report.posture,
            mx_hosts: report.mx_hosts,
            explainer: Rc::new(report.explainer),
        }
    }
}
