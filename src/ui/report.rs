//! The part of the analysis [`Report`] the page renders. The worker sends the whole report as
//! JSON; the page deserialises only these fields (serde skips the rest), so the page's
//! WebAssembly carries no deserialiser for what it doesn't show. A panel that renders more of
//! the report adds its field here.
//!
//! Must not call analysis functions: it is data, built from JSON or, natively, from a `Report`.

use serde::Deserialize;

use crate::analysis::commands::Command;
use crate::analysis::mta_sts::PolicyReport;
use crate::analysis::posture::Posture;
use crate::analysis::sclient::Transcript;
use crate::analysis::tlsrpt::TlsRptReport;
use crate::analysis::transport::{MessageSummary, PathSummary};
use crate::analysis::{DnsRecordReport, Finding, Hop, InputSummary, MxHost, Report};

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
    /// The recipient domain, typed or inferred (policies panel, commands).
    pub domain: Option<String>,
    /// MTA-STS policies (policies panel).
    pub mta_sts_policies: Vec<PolicyReport>,
    /// DNS records judged by meaning (records panel: `_mta-sts`, `_smtp._tls`).
    pub dns_records: Vec<DnsRecordReport>,
    /// TLS-RPT aggregate reports (report view).
    pub tls_rpt_reports: Vec<TlsRptReport>,
    /// The first s_client transcript (s_client view).
    pub s_client: Option<Transcript>,
    /// The commands to run (commands panel).
    pub commands: Vec<Command>,
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
            domain: report.domain,
            mta_sts_policies: report.mta_sts_policies,
            dns_records: report.dns_records,
            tls_rpt_reports: report.tls_rpt_reports,
            s_client: report.s_client,
            commands: report.commands,
        }
    }
}
