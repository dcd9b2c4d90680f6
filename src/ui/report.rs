//! The part of the analysis [`Report`] the page renders. The worker sends the whole report as
//! JSON; the page deserialises only these fields (serde skips the rest), so the page's
//! WebAssembly carries no deserialiser for what it doesn't show. A panel that renders more of
//! the report adds its field here.
//!
//! Must not call analysis functions: it is data, built from JSON or, natively, from a `Report`.

use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use std::rc::Rc;

use serde::Deserialize;

use crate::analysis::commands::Command;
use crate::analysis::handshake::Explainer;
use crate::analysis::mta_sts::PolicyReport;
use crate::analysis::posture::Posture;
use crate::analysis::sclient::{
    ChainEntry, Line, NameCheck, Outcome, StartTls, TempKey, Transcript, VerifyResult,
};
use crate::analysis::tls::TlsVersion;
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
    /// The instant the analysis was made for, RFC 3339 (the overview's print line, the
    /// Markdown export).
    pub analysed_at: String,
    /// The recipient domain, typed or inferred.
    pub domain: Option<String>,
    /// MTA-STS policies (policies panel).
    pub mta_sts_policies: Vec<PolicyReport>,
    /// DNS records judged by meaning (records panel: `_mta-sts`, `_smtp._tls`).
    pub dns_records: Vec<DnsRecordReport>,
    /// TLS-RPT aggregate reports (report view).
    pub tls_rpt_reports: Vec<TlsRptReport>,
    /// The first s_client transcript (s_client view), without what the page doesn't show.
    pub s_client: Option<TranscriptView>,
    /// The commands to run (commands panel).
    pub commands: Vec<Command>,
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
            analysed_at: report.analysed_at,
            domain: report.domain,
            mta_sts_policies: report.mta_sts_policies,
            dns_records: report.dns_records,
            tls_rpt_reports: report.tls_rpt_reports,
            s_client: report.s_client.map(TranscriptView::from),
            commands: report.commands,
            explainer: Rc::new(report.explainer),
        }
    }
}

/// What the s_client view shows of a [`Transcript`]: its PEM blocks (which the worker's
/// certificate checks read), the per-certificate verify lines and the command's options stay in
/// the worker. A transcript with `-showcerts` carries kilobytes of PEM the page would parse for
/// nothing, and each field costs page WebAssembly.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TranscriptView {
    /// The command line, when pasted.
    pub command: Option<CommandText>,
    /// How far the connection got.
    pub outcome: Outcome,
    /// STARTTLS.
    pub starttls: StartTls,
    /// The negotiated protocol version.
    pub protocol: Option<TlsVersion>,
    /// The protocol as written.
    pub protocol_text: Option<String>,
    /// The cipher suite as written.
    pub cipher: Option<String>,
    /// Its IANA name, when known.
    pub cipher_iana: Option<String>,
    /// Whether the suite has forward secrecy, when known.
    pub forward_secret: Option<bool>,
    /// The key exchange group.
    pub temp_key: Option<TempKey>,
    /// `Verify return code:`.
    pub verify: Option<VerifyResult>,
    /// `Verified peername:`.
    pub verified_peername: Option<String>,
    /// Whether the host name was checked.
    pub name_check: NameCheck,
    /// The `Certificate chain` block.
    pub chain: Vec<ChainEntry>,
    /// How many PEM certificates the transcript holds (they are checked in the worker).
    pub certificates: Count,
    /// The echoed last line of the EHLO reply before STARTTLS.
    pub pre_tls_ehlo_last_line: Option<Line>,
    /// Capabilities from a multi-line EHLO reply after the handshake.
    pub capabilities: Vec<String>,
    /// OpenSSL error lines.
    pub errors: Vec<Line>,
}

/// The command line of a transcript, as pasted.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CommandText {
    /// The command as pasted, without the prompt.
    pub text: String,
}

/// The length of a JSON array whose items the page doesn't read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count(pub usize);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
        struct Counter;
        impl<'de> Visitor<'de> for Counter {
            type Value = Count;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        deserializer.deserialize_seq(Counter)
    }
}

impl From<Transcript> for TranscriptView {
    fn from(t: Transcript) -> TranscriptView {
        TranscriptView {
            command: t.command.map(|c| CommandText { text: c.text }),
            outcome: t.outcome,
            starttls: t.starttls,
            protocol: t.protocol,
            protocol_text: t.protocol_text,
            cipher: t.cipher,
            cipher_iana: t.cipher_iana,
            forward_secret: t.forward_secret,
            temp_key: t.temp_key,
            verify: t.verify,
            verified_peername: t.verified_peername,
            name_check: t.name_check,
            chain: t.chain,
            certificates: Count(t.certificates.len()),
            pre_tls_ehlo_last_line: t.pre_tls_ehlo_last_line,
            capabilities: t.capabilities,
            errors: t.errors,
        }
    }
}
