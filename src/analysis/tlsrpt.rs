//! SMTP TLS Reporting (RFC 8460): the `_smtp._tls` TXT record (§3) and aggregate reports (§4) as
//! JSON, gzip-compressed JSON, or attached to a report message (§5.3).
//!
//! Must not depend on anything outside `analysis`, read a clock or do IO; mail-parser and flate2
//! types stay inside this file. Never panics: what can't be read becomes a located diagnostic.
//!
//! Decisions:
//! - Decompressed reports are capped at [`MAX_DECOMPRESSED_BYTES`] (16 MiB, the same limit as any
//!   pasted input): a few kilobytes of gzip can expand to gigabytes.
//! - Known real-world deviations are notices, not failures: Microsoft omits `sending-mta-ip` and
//!   writes dates without a zone (read as UTC), some reporters send `"contact-info": null`,
//!   `mx-host` may be a string or an array (erratum 6241).
//! - Unknown fields are ignored; unknown policy and result types are kept and get a notice.
//! - Diagnostics carry the JSON Pointer of the value and its line and column; for a report read
//!   from a message, line and column count in the decoded attachment.

use std::collections::HashMap;
use std::io::Read;

use mail_parser::{MessageParser, MimeHeaders};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::catalog::{tlsrpt as words, Entry};
use super::date::Timestamp;
use super::finding::{excerpt, Finding, Location, Severity};
use super::mta_sts::{
    self, diag, is_txt_ext_value, read_fields, u32_of, Diagnostic, Extension, Mode,
};

/// The most bytes a compressed report may expand to.
pub const MAX_DECOMPRESSED_BYTES: usize = 16 * 1024 * 1024;

/// The policy types of RFC 8460 §4.4 (`policy-type`).
pub const POLICY_TYPES: [&str; 3] = ["sts", "tlsa", "no-policy-found"];

/// One destination of the `rua` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportUri {
    /// The URI as written.
    pub uri: String,
    /// The scheme, lower case, when there is one.
    pub scheme: Option<String>,
    /// True for a valid `mailto:` or `https:` URI that senders deliver to.
    pub usable: bool,
}

/// A `_smtp._tls` TXT record as read and judged (RFC 8460 §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordReport {
    /// Index of the input it came from.
    pub input: usize,
    /// 1-based line of the record in the input.
    pub line: u32,
    /// The owner name, when written.
    pub owner: Option<String>,
    /// The TXT value, strings joined without spaces.
    pub value: String,
    /// True when senders accept it and have somewhere to send reports.
    pub valid: bool,
    /// True when senders ignore it because it doesn't begin with `v=TLSRPTv1`.
    pub discarded: bool,
    /// The report destinations, from every `rua` field.
    pub rua: Vec<ReportUri>,
    /// Extension fields.
    pub extensions: Vec<Extension>,
    /// Diagnostics; columns count in `value`.
    pub diagnostics: Vec<Diagnostic>,
}

/// How a report reached us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportSource {
    /// JSON text.
    Json,
    /// A gzip file.
    Gzip,
    /// An attachment of a report message.
    Mail,
}

/// The reporting period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// The start, RFC 3339 UTC, when readable.
    pub start: Option<String>,
    /// The end, RFC 3339 UTC, when readable.
    pub end: Option<String>,
    /// The start as written.
    pub start_written: String,
    /// The end as written.
    pub end_written: String,
    /// True when the range is one UTC day (00:00:00 to 23:59:59 or to the next 00:00:00).
    pub one_utc_day: bool,
}

/// One failure detail of a policy (RFC 8460 §4.4 `failure-details`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureDetail {
    /// `sending-mta-ip`.
    pub sending_mta_ip: Option<String>,
    /// `receiving-mx-hostname`.
    pub receiving_mx_hostname: Option<String>,
    /// `receiving-mx-helo`.
    pub receiving_mx_helo: Option<String>,
    /// `receiving-ip`.
    pub receiving_ip: Option<String>,
    /// `failed-session-count`.
    pub failed_session_count: u64,
    /// `additional-information` (a URI the reporter chose; shown, never followed).
    pub additional_information: Option<String>,
    /// `failure-reason-code`.
    pub failure_reason_code: Option<String>,
    /// The detail's JSON Pointer.
    pub path: String,
    /// 1-based line of the detail in the report.
    pub line: u32,
}

/// The failure details of one result type, with what it means and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailureGroup {
    /// The result type as written, e.g. `certificate-expired`.
    pub result_type: String,
    /// True for the eleven registered types.
    pub registered: bool,
    /// The finding code for this type.
    pub code: String,
    /// A one-line title.
    pub title: String,
    /// What it means.
    pub explanation: String,
    /// What to do.
    pub fix: String,
    /// Failed sessions in this group.
    pub sessions: u64,
    /// The details, in report order.
    pub details: Vec<FailureDetail>,
}

/// One policy of a report with its counts (RFC 8460 §4.4 `policies`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicySummary {
    /// `policy-type`: `sts`, `tlsa`, `no-policy-found` or something unknown.
    pub policy_type: String,
    /// True for the three defined types.
    pub known_type: bool,
    /// `policy-domain`.
    pub policy_domain: Option<String>,
    /// `mx-host`, as a list (it may be written as a string or an array, erratum 6241).
    pub mx_hosts: Vec<String>,
    /// `policy-string`: the policy lines (sts) or TLSA records (tlsa) the sender applied.
    pub policy_string: Vec<String>,
    /// For `sts`: the mode in `policy_string`.
    pub sts_mode: Option<Mode>,
    /// For `sts`: max_age in `policy_string`.
    pub sts_max_age: Option<u64>,
    /// `total-successful-session-count`.
    pub successful_sessions: u64,
    /// `total-failure-session-count`.
    pub failed_sessions: u64,
    /// What the counts mean, in one sentence.
    pub verdict: String,
    /// Failure details grouped by result type, most sessions first.
    pub failures: Vec<FailureGroup>,
    /// The policy's JSON Pointer.
    pub path: String,
    /// 1-based line of the policy in the report.
    pub line: u32,
}

/// The message a report came in (RFC 8460 §5.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailedReport {
    /// `Subject:`.
    pub subject: Option<String>,
    /// `From:`.
    pub from: Option<String>,
    /// `TLS-Report-Domain:`.
    pub report_domain: Option<String>,
    /// `TLS-Report-Submitter:`.
    pub submitter: Option<String>,
    /// The `d=` domains of the message's DKIM-Signature fields.
    pub dkim_domains: Vec<String>,
    /// The attachment's file name.
    pub attachment_name: Option<String>,
    /// The attachment's media type.
    pub content_type: Option<String>,
}

/// A TLS-RPT aggregate report as read and judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TlsRptReport {
    /// Index of the input it came from.
    pub input: usize,
    /// How it reached us.
    pub source: ReportSource,
    /// False when the bytes were not a JSON report at all.
    pub readable: bool,
    /// True when every required §4.4 field is present with the right type.
    pub valid: bool,
    /// `organization-name`.
    pub organization_name: Option<String>,
    /// `contact-info`.
    pub contact_info: Option<String>,
    /// `report-id`.
    pub report_id: Option<String>,
    /// `date-range`.
    pub date_range: Option<DateRange>,
    /// The policies.
    pub policies: Vec<PolicySummary>,
    /// Successful sessions over all policies.
    pub successful_sessions: u64,
    /// Failed sessions over all policies.
    pub failed_sessions: u64,
    /// Located diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// The message it was attached to, if any.
    pub mail: Option<MailedReport>,
    /// The decompressed size, for gzip input.
    pub decompressed_bytes: Option<usize>,
}

/// Reads the value of a `_smtp._tls` TXT record (strings already joined). The caller fills in
/// `input`, `line` and `owner`. Never fails. RFC 8460 §3.
pub fn read_record(value: &str) -> RecordReport {
    let mut record = RecordReport {
        input: 0,
        line: 0,
        owner: None,
        value: value.to_string(),
        valid: false,
        discarded: false,
        rua: Vec::new(),
        extensions: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut out = Vec::new();
    let Some(start) = record_version(value, &mut out, &mut record.discarded) else {
        record.discarded = true;
        record.diagnostics = out;
        return record;
    };
    let fields = read_fields(value, start, &mut out, &words::TLSRPT_TXT_SYNTAX);
    let mut rua_fields = 0;
    for field in fields {
        if field.name == "rua" {
            rua_fields += 1;
            if rua_fields == 2 {
                out.push(diag(
                    &words::TLSRPT_TXT_DUPLICATE_RUA,
                    words::TLSRPT_TXT_DUPLICATE_RUA.title,
                    "A second rua field: senders may use only the first.".to_string(),
                    field.column,
                    field.length,
                ));
            }
            read_rua(&field.value, field.value_column, &mut record.rua, &mut out);
        } else {
            if !is_txt_ext_value(&field.value) {
                out.push(diag(
                    &words::TLSRPT_TXT_SYNTAX,
                    "Invalid extension value",
                    format!(
                        "The value of \u{201c}{}\u{201d} is {}; extension values are one or more \
                         printable characters other than \u{201c};\u{201d} and \u{201c}=\u{201d}.",
                        field.name,
                        if field.value.is_empty() {
                            "empty".to_string()
                        } else {
                            format!("\u{201c}{}\u{201d}", excerpt(&field.value, 40))
                        }
                    ),
                    field.value_column,
                    u32_of(field.value.chars().count().max(1)),
                ));
            }
            record.extensions.push(Extension {
                key: field.name,
                value: field.value,
                line: 0,
            });
        }
    }
    // A `;` between URIs shows up as a field without `=`: name it for what it is.
    for d in &mut out {
        if d.code == words::TLSRPT_TXT_SYNTAX.code {
            let at = value
                .char_indices()
                .nth(d.column.saturating_sub(1) as usize)
                .map_or(value.len(), |(b, _)| b);
            let text = value.get(at..).unwrap_or_default().to_ascii_lowercase();
            if ["mailto:", "https:", "http:"]
                .iter()
                .any(|s| text.starts_with(s))
            {
                *d = Diagnostic {
                    line: d.line,
                    ..diag(
                        &words::TLSRPT_TXT_SEMICOLON_BETWEEN_URIS,
                        words::TLSRPT_TXT_SEMICOLON_BETWEEN_URIS.title,
                        "This URI follows a \u{201c};\u{201d}, which ends the rua field; use a \
                         comma between URIs."
                            .to_string(),
                        d.column,
                        d.length,
                    )
                };
            }
        }
    }
    if rua_fields == 0 && !record.discarded {
        out.push(diag(
            &words::TLSRPT_TXT_RUA_MISSING,
            words::TLSRPT_TXT_RUA_MISSING.title,
            "The record has no rua field, so there is nowhere to send reports.".to_string(),
            u32_of(value.chars().count() + 1),
            0,
        ));
    } else if rua_fields > 0 && !record.rua.iter().any(|r| r.usable) {
        let any_critical = out.iter().any(|d| d.severity == Severity::Critical);
        if !any_critical {
            out.push(Diagnostic {
                severity: Severity::Critical,
                ..diag(
                    &words::TLSRPT_TXT_RUA_SCHEME,
                    "No rua entry senders can deliver to",
                    "None of the rua URIs is a mailto: or https: URI, so no reports are sent."
                        .to_string(),
                    1,
                    0,
                )
            });
        }
    }
    record.diagnostics = out;
    record.valid = !record.discarded
        && record.rua.iter().any(|r| r.usable)
        && !record
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Critical);
    record
}

/// Reads a report from bytes: JSON text or gzip-compressed JSON. Never fails.
pub fn read_report(bytes: &[u8], input: usize) -> TlsRptReport {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        read_bytes(bytes, input, ReportSource::Gzip)
    } else {
        read_bytes(bytes, input, ReportSource::Json)
    }
}

/// Reads the TLS-RPT reports attached to a message (RFC 8460 §5.3). Returns None when the message
/// is not a TLS report; a message marked as one without a readable attachment yields one
/// unreadable report saying so.
pub fn read_mailed(bytes: &[u8], input: usize) -> Option<Vec<TlsRptReport>> {
    let head = bytes.get(..bytes.len().min(256 * 1024)).unwrap_or(bytes);
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if !lower.contains("tlsrpt") && !lower.contains("tls-report-domain") {
        return None;
    }
    let message = MessageParser::default().parse(bytes)?;
    let text = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let mut mail = MailedReport {
        subject: message.subject().map(str::to_string),
        from: text("From"),
        report_domain: text("TLS-Report-Domain"),
        submitter: text("TLS-Report-Submitter"),
        dkim_domains: Vec::new(),
        attachment_name: None,
        content_type: None,
    };
    for (name, value) in message.headers_raw() {
        if name.eq_ignore_ascii_case("DKIM-Signature") {
            if let Some(d) = dkim_domain(value) {
                if !mail.dkim_domains.contains(&d) {
                    mail.dkim_domains.push(d);
                }
            }
        }
    }
    let marked = message.content_type().is_some_and(|ct| {
        ct.attribute("report-type")
            .is_some_and(|t| t.eq_ignore_ascii_case("tlsrpt"))
    }) || mail.report_domain.is_some();
    let mut reports = Vec::new();
    for part in &message.parts {
        let Some(ct) = part.content_type() else {
            continue;
        };
        let media = format!(
            "{}/{}",
            ct.ctype().to_ascii_lowercase(),
            ct.subtype().unwrap_or_default().to_ascii_lowercase()
        );
        let name = part.attachment_name().map(str::to_string);
        let by_name = name.as_deref().is_some_and(|n| {
            let n = n.to_ascii_lowercase();
            n.ends_with(".json.gz") || n.ends_with(".json")
        });
        let by_type = matches!(
            media.as_str(),
            "application/tlsrpt+gzip" | "application/tlsrpt+json" | "application/tlsrpt"
        );
        if !(by_type || by_name && media.starts_with("application/")) {
            continue;
        }
        let mut report = read_bytes(part.contents(), input, ReportSource::Mail);
        report.mail = Some(MailedReport {
            attachment_name: name,
            content_type: Some(media),
            ..mail.clone()
        });
        reports.push(report);
    }
    if reports.is_empty() {
        if !marked {
            return None;
        }
        let mut report = empty_report(input, ReportSource::Mail);
        report.mail = Some(mail);
        report.diagnostics.push(Diagnostic {
            line: 1,
            ..diag(
                &words::TLSRPT_REPORT_MAIL_WITHOUT_REPORT,
                words::TLSRPT_REPORT_MAIL_WITHOUT_REPORT.title,
                "No application/tlsrpt attachment was found in the message.".to_string(),
                1,
                0,
            )
        });
        reports.push(report);
    }
    Some(reports)
}

/// Judges `_smtp._tls` records: counts the RRset (exactly one `v=TLSRPTv1` record), and turns the
/// diagnostics into findings.
pub fn judge_records(records: &mut [RecordReport]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (i, record) in records.iter().enumerate() {
        if record.discarded {
            continue;
        }
        let owner = record.owner.as_ref().map(|o| o.to_ascii_lowercase());
        match groups.iter_mut().find(|(o, _)| *o == owner) {
            Some((_, members)) => members.push(i),
            None => groups.push((owner, vec![i])),
        }
    }
    for (owner, members) in &groups {
        if members.len() < 2 {
            continue;
        }
        for i in members {
            if let Some(record) = records.get_mut(*i) {
                record.diagnostics.push(diag(
                    &words::TLSRPT_TXT_MULTIPLE,
                    words::TLSRPT_TXT_MULTIPLE.title,
                    format!(
                        "{} v=TLSRPTv1 records{}: senders send no reports.",
                        members.len(),
                        owner
                            .as_deref()
                            .map(|o| format!(" at {o}"))
                            .unwrap_or_default()
                    ),
                    1,
                    u32_of(record.value.chars().count()),
                ));
                record.valid = false;
            }
        }
    }
    for record in records.iter() {
        let location = Location {
            input: record.input,
            line: record.line,
            column: 1,
            excerpt: excerpt(&record.value, 160),
        };
        for d in &record.diagnostics {
            let mut f = mta_sts::finding_of(d, record.input, &record.value);
            f.location = Some(location.clone());
            findings.push(f);
        }
        if record.valid {
            let to: Vec<&str> = record
                .rua
                .iter()
                .filter(|r| r.usable)
                .map(|r| r.uri.as_str())
                .collect();
            findings.push(
                Finding::new(&words::TLSRPT_TXT_OK)
                    .specific(format!("Reports go to {}.", to.join(", ")))
                    .at(location),
            );
        }
    }
    findings
}

/// Turns reports into findings: their diagnostics, one finding per failure group, and a summary
/// per policy.
pub fn judge_reports(reports: &[TlsRptReport]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for report in reports {
        let located = report.source != ReportSource::Mail;
        let place = |line: u32, column: u32, text: &str| {
            located.then(|| Location {
                input: report.input,
                line,
                column,
                excerpt: excerpt(text, 160),
            })
        };
        if let Some(mail) = &report.mail {
            if report.readable {
                let mut parts = Vec::new();
                if let Some(s) = &mail.submitter {
                    parts.push(format!("submitted by {s}"));
                }
                if let Some(d) = &mail.report_domain {
                    parts.push(format!("for {d}"));
                }
                if !mail.dkim_domains.is_empty() {
                    parts.push(format!("DKIM-signed by {}", mail.dkim_domains.join(", ")));
                }
                let mut f = Finding::new(&words::TLSRPT_REPORT_MAILED);
                if !parts.is_empty() {
                    f = f.specific(format!("Report {}.", parts.join(", ")));
                }
                findings.push(f);
            }
        }
        for d in &report.diagnostics {
            let mut f = mta_sts::finding_of(d, report.input, d.path.as_deref().unwrap_or_default());
            f.location = place(d.line, d.column, d.path.as_deref().unwrap_or_default());
            findings.push(f);
        }
        let org = report.organization_name.as_deref().unwrap_or("A reporter");
        let day = report
            .date_range
            .as_ref()
            .and_then(|r| r.start.as_deref())
            .map(|s| format!(" on {}", s.get(..10).unwrap_or(s)))
            .unwrap_or_default();
        for policy in &report.policies {
            let domain = policy.policy_domain.as_deref().unwrap_or("your domain");
            for group in &policy.failures {
                let entry =
                    super::catalog::find(&group.code).unwrap_or(&words::TLSRPT_RESULT_UNKNOWN);
                let hosts: Vec<&str> = group
                    .details
                    .iter()
                    .filter_map(|d| {
                        d.receiving_mx_hostname
                            .as_deref()
                            .or(d.receiving_ip.as_deref())
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let reasons: Vec<&str> = group
                    .details
                    .iter()
                    .filter_map(|d| d.failure_reason_code.as_deref())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let mut sentence = format!(
                    "{org} reported {} failed session(s) of type {} under the {} policy of \
                     {domain}{day}",
                    group.sessions, group.result_type, policy.policy_type
                );
                if !hosts.is_empty() {
                    sentence.push_str(&format!(", to {}", hosts.join(", ")));
                }
                sentence.push('.');
                if !reasons.is_empty() {
                    sentence.push_str(&format!(" Reason given: {}.", reasons.join("; ")));
                }
                let mut f = Finding::new(entry)
                    .titled(format!(
                        "{} failed session(s): {}",
                        group.sessions, group.result_type
                    ))
                    .specific(sentence);
                f.location = group
                    .details
                    .first()
                    .and_then(|d| place(d.line, 1, &d.path));
                findings.push(f);
            }
            let location = place(policy.line, 1, &policy.path);
            if policy.policy_type == "no-policy-found" && policy.successful_sessions > 0 {
                let mut f = Finding::new(&words::TLSRPT_REPORT_NO_POLICY_FOUND)
                    .titled(format!(
                        "{} session(s) to {domain} used TLS without authentication",
                        policy.successful_sessions
                    ))
                    .specific(format!(
                        "{org} found no MTA-STS or DANE policy for {domain}{day}."
                    ));
                f.location = location;
                findings.push(f);
            } else if policy.known_type
                && policy.policy_type != "no-policy-found"
                && policy.failed_sessions == 0
                && policy.failures.is_empty()
                && policy.successful_sessions > 0
            {
                let mut f = Finding::new(&words::TLSRPT_REPORT_POLICY_SUCCESS)
                    .titled(format!(
                        "All {} session(s) met the {} policy of {domain}",
                        policy.successful_sessions, policy.policy_type
                    ))
                    .specific(format!("Reported by {org}{day}."));
                f.location = location;
                findings.push(f);
            }
        }
    }
    findings
}

// ---------------------------------------------------------------------------------------------
// The TXT record.

fn record_version(value: &str, out: &mut Vec<Diagnostic>, discarded: &mut bool) -> Option<usize> {
    const VERSION: &str = "v=TLSRPTv1";
    if let Some(rest) = value.strip_prefix(VERSION) {
        if rest.starts_with(';') {
            return Some(VERSION.len() + 1);
        }
        if rest.is_empty() {
            return Some(value.len());
        }
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = trimmed.strip_prefix(';') {
            out.push(diag(
                &words::TLSRPT_TXT_SPACE_BEFORE_SEMICOLON,
                words::TLSRPT_TXT_SPACE_BEFORE_SEMICOLON.title,
                "The record begins \u{201c}v=TLSRPTv1 ;\u{201d}; write \u{201c}v=TLSRPTv1;\u{201d}."
                    .to_string(),
                11,
                u32_of(rest.len() - trimmed.len()),
            ));
            return Some(value.len() - after.len());
        }
        if trimmed.len() != rest.len() {
            out.push(diag(
                &words::TLSRPT_TXT_SYNTAX,
                "No semicolon after v=TLSRPTv1",
                format!(
                    "\u{201c}v=TLSRPTv1\u{201d} is followed by \u{201c}{}\u{201d} without a \
                     \u{201c};\u{201d}.",
                    excerpt(trimmed, 20)
                ),
                11,
                1,
            ));
            return Some(value.len() - trimmed.len());
        }
    }
    let squeezed: String = value
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let near = [
        "v=tlsrpt",
        "v=tslrpt",
        "v=tlsrtp",
        "v=tls-rpt",
        "v=tlsrp",
        "v-tlsrpt",
        "v=smtp-tls",
    ]
    .iter()
    .any(|p| squeezed.starts_with(p));
    if !near {
        out.push(diag(
            &words::TLSRPT_TXT_NOT_TLSRPT,
            words::TLSRPT_TXT_NOT_TLSRPT.title,
            format!(
                "\u{201c}{}\u{201d} doesn't begin with \u{201c}v=TLSRPTv1\u{201d}, so senders \
                 ignore it.",
                excerpt(value, 40)
            ),
            1,
            u32_of(value.chars().count().min(40)),
        ));
        return None;
    }
    *discarded = true;
    let end = value.find([';', ' ', '\t']).unwrap_or(value.len());
    let written = value.get(..end).unwrap_or(value);
    let reason = if written.eq_ignore_ascii_case(VERSION) {
        "has the wrong letter case; \u{201c}v=TLSRPTv1\u{201d} is case-sensitive".to_string()
    } else if squeezed.starts_with("v=tslrpt") {
        "swaps the L and S of \u{201c}TLSRPTv1\u{201d}".to_string()
    } else {
        format!(
            "names version \u{201c}{}\u{201d}; the only version is TLSRPTv1",
            written.get(2..).unwrap_or(written)
        )
    };
    out.push(diag(
        &words::TLSRPT_TXT_VERSION,
        format!("{} is not v=TLSRPTv1", excerpt(written, 20)),
        format!(
            "The record begins \u{201c}{}\u{201d}, which {reason}, so senders ignore it.",
            excerpt(written, 20)
        ),
        1,
        u32_of(written.chars().count()),
    ));
    let rest = value.get(end..).unwrap_or_default();
    let after = rest.trim_start_matches([' ', '\t']);
    Some(value.len() - after.strip_prefix(';').unwrap_or(after).len())
}

/// Reads `uri *(*WSP "," *WSP uri)`; `!`, `,` and `;` inside a URI must be percent-encoded.
fn read_rua(value: &str, column: u32, into: &mut Vec<ReportUri>, out: &mut Vec<Diagnostic>) {
    let mut offset = 0usize;
    for piece in value.split(',') {
        let lead = piece.len() - piece.trim_start_matches([' ', '\t']).len();
        let uri = piece.trim_matches([' ', '\t']);
        let at = column + u32_of(value.get(..offset + lead).map_or(0, |s| s.chars().count()));
        offset += piece.len() + 1;
        let length = u32_of(uri.chars().count());
        if uri.is_empty() {
            out.push(diag(
                &words::TLSRPT_TXT_RUA_INVALID,
                "Empty rua entry",
                if value.trim().is_empty() {
                    "rua has no URI.".to_string()
                } else {
                    "There is an empty entry between commas.".to_string()
                },
                at,
                0,
            ));
            continue;
        }
        let (scheme, problem) = check_uri(uri);
        let usable = problem.is_none() && matches!(scheme.as_deref(), Some("mailto" | "https"));
        if let Some((entry, title, message)) = problem {
            out.push(diag(entry, title, message, at, length));
        } else if !usable {
            out.push(diag(
                &words::TLSRPT_TXT_RUA_SCHEME,
                words::TLSRPT_TXT_RUA_SCHEME.title,
                format!(
                    "\u{201c}{}\u{201d} uses {}:, which senders don't deliver reports to{}.",
                    excerpt(uri, 60),
                    scheme.as_deref().unwrap_or("?"),
                    if scheme.as_deref() == Some("http") {
                        "; use https:"
                    } else {
                        ""
                    }
                ),
                at,
                length,
            ));
        }
        into.push(ReportUri {
            uri: uri.to_string(),
            scheme,
            usable,
        });
    }
}

type UriProblem = (&'static Entry, &'static str, String);

/// Checks one URI (RFC 3986 characters, a scheme, percent-encoding; mailto needs an address and
/// https a host). Returns the scheme and the first problem.
fn check_uri(uri: &str) -> (Option<String>, Option<UriProblem>) {
    let invalid = |title: &'static str, message: String| {
        Some((&words::TLSRPT_TXT_RUA_INVALID, title, message))
    };
    let scheme_end = uri.find(':');
    let scheme = scheme_end
        .and_then(|i| uri.get(..i))
        .filter(|s| {
            let mut b = s.bytes();
            b.next().is_some_and(|c| c.is_ascii_alphabetic())
                && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
        })
        .map(str::to_ascii_lowercase);
    let Some(scheme) = scheme else {
        let message = if uri.contains('@') {
            format!(
                "\u{201c}{}\u{201d} is an address, not a URI; write \u{201c}mailto:{}\u{201d}.",
                excerpt(uri, 60),
                excerpt(uri, 60)
            )
        } else {
            format!(
                "\u{201c}{}\u{201d} has no scheme such as mailto: or https:.",
                excerpt(uri, 60)
            )
        };
        return (None, invalid("rua entry without mailto:", message));
    };
    if let Some(i) = uri.find('!') {
        let tail = uri.get(i..).unwrap_or_default();
        return (
            Some(scheme),
            invalid(
                "Unencoded \u{201c}!\u{201d} in a rua URI",
                format!(
                    "\u{201c}{}\u{201d} contains \u{201c}{}\u{201d}: \u{201c}!\u{201d} must be \
                     written %21, and DMARC's size suffix (such as !10m) does not exist in \
                     TLS-RPT.",
                    excerpt(uri, 60),
                    excerpt(tail, 12)
                ),
            ),
        );
    }
    if let Some(c) = uri
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-._~:/?#[]@$&'()*+=%".contains(*c)))
    {
        let what = if c.is_whitespace() {
            "whitespace".to_string()
        } else {
            format!("\u{201c}{c}\u{201d}")
        };
        return (
            Some(scheme),
            invalid(
                "Invalid character in a rua URI",
                format!(
                    "\u{201c}{}\u{201d} contains {what}, which is not allowed in a URI unless \
                     percent-encoded.",
                    excerpt(uri, 60)
                ),
            ),
        );
    }
    let bytes = uri.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'%' {
            let ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !ok {
                return (
                    Some(scheme),
                    invalid(
                        "Broken percent-encoding in a rua URI",
                        format!(
                            "\u{201c}{}\u{201d} has a \u{201c}%\u{201d} not followed by two hex \
                             digits.",
                            excerpt(uri, 60)
                        ),
                    ),
                );
            }
        }
    }
    let rest = uri.get(scheme.len() + 1..).unwrap_or_default();
    match scheme.as_str() {
        "mailto" => {
            let address = rest.split('?').next().unwrap_or_default();
            let good = address
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.ends_with('.'));
            if !good {
                return (
                    Some(scheme),
                    invalid(
                        "mailto: without an address",
                        format!(
                            "\u{201c}{}\u{201d} has no address of the form name@domain.",
                            excerpt(uri, 60)
                        ),
                    ),
                );
            }
        }
        "https" | "http" => {
            let host = rest
                .strip_prefix("//")
                .map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
            if host.is_none_or(str::is_empty) {
                return (
                    Some(scheme),
                    invalid(
                        "URL without a host",
                        format!("\u{201c}{}\u{201d} has no host after //.", excerpt(uri, 60)),
                    ),
                );
            }
        }
        _ => {}
    }
    (Some(scheme), None)
}

/// The `d=` tag of a DKIM-Signature field value.
fn dkim_domain(value: &str) -> Option<String> {
    value.split(';').find_map(|tag| {
        let (name, v) = tag.split_once('=')?;
        (name.trim() == "d").then(|| {
            v.split_whitespace()
                .collect::<String>()
                .trim_end_matches('.')
                .to_ascii_lowercase()
        })
    })
}

// ---------------------------------------------------------------------------------------------
// The JSON report.

fn empty_report(input: usize, source: ReportSource) -> TlsRptReport {
    TlsRptReport {
        input,
        source,
        readable: false,
        valid: false,
        organization_name: None,
        contact_info: None,
        report_id: None,
        date_range: None,
        policies: Vec::new(),
        successful_sessions: 0,
        failed_sessions: 0,
        diagnostics: Vec::new(),
        mail: None,
        decompressed_bytes: None,
    }
}

fn unreadable(report: &mut TlsRptReport, line: u32, column: u32, message: String) {
    report.diagnostics.push(Diagnostic {
        line,
        ..diag(
            &words::TLSRPT_REPORT_UNREADABLE,
            words::TLSRPT_REPORT_UNREADABLE.title,
            message,
            column,
            0,
        )
    });
}

fn read_bytes(bytes: &[u8], input: usize, source: ReportSource) -> TlsRptReport {
    let mut report = empty_report(input, source);
    let decompressed;
    let json: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
        if source == ReportSource::Json {
            report.source = ReportSource::Gzip;
        }
        match gunzip(bytes) {
            Ok(out) => {
                report.decompressed_bytes = Some(out.len());
                decompressed = out;
                &decompressed
            }
            Err(Gunzip::TooLarge) => {
                report.diagnostics.push(Diagnostic {
                    line: 1,
                    ..diag(
                        &words::TLSRPT_REPORT_TOO_LARGE,
                        words::TLSRPT_REPORT_TOO_LARGE.title,
                        format!(
                            "{} compressed bytes expand to more than {} MiB; decompression \
                             stopped there.",
                            bytes.len(),
                            MAX_DECOMPRESSED_BYTES / (1024 * 1024)
                        ),
                        1,
                        0,
                    )
                });
                return report;
            }
            Err(Gunzip::Broken { read, error }) => {
                unreadable(
                    &mut report,
                    1,
                    1,
                    format!("The gzip data is broken after {read} decompressed bytes: {error}."),
                );
                return report;
            }
        }
    } else {
        bytes
    };
    let json = json
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(json);
    let value: Value = match serde_json::from_slice(json) {
        Ok(v) => v,
        Err(e) => {
            let line = u32::try_from(e.line()).unwrap_or(u32::MAX).max(1);
            let column = u32::try_from(e.column()).unwrap_or(u32::MAX).max(1);
            let what = match e.classify() {
                serde_json::error::Category::Eof => "it ends too early (truncated?)",
                serde_json::error::Category::Syntax => "it is not valid JSON",
                serde_json::error::Category::Data => "it has unexpected data",
                serde_json::error::Category::Io => "it could not be read",
            };
            unreadable(
                &mut report,
                line,
                column,
                format!("The report can't be read: {what} at line {line}, column {column} ({e})."),
            );
            return report;
        }
    };
    let text = String::from_utf8_lossy(json);
    let places = Places::new(&text);
    report.readable = true;
    Reader {
        report: &mut report,
        places: &places,
    }
    .read(&value);
    report.valid = !report.diagnostics.iter().any(|d| {
        d.code == words::TLSRPT_REPORT_FIELD_MISSING.code
            || d.code == words::TLSRPT_REPORT_FIELD_TYPE.code
    });
    report
}

enum Gunzip {
    TooLarge,
    Broken { read: usize, error: String },
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, Gunzip> {
    let mut out = Vec::new();
    let limit = u64::try_from(MAX_DECOMPRESSED_BYTES).unwrap_or(u64::MAX);
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(limit + 1);
    match decoder.read_to_end(&mut out) {
        Ok(_) if out.len() > MAX_DECOMPRESSED_BYTES => Err(Gunzip::TooLarge),
        Ok(_) => Ok(out),
        Err(error) => Err(Gunzip::Broken {
            read: out.len(),
            error: error.to_string(),
        }),
    }
}

struct Reader<'a> {
    report: &'a mut TlsRptReport,
    places: &'a Places,
}

impl Reader<'_> {
    fn push(&mut self, entry: &Entry, path: &str, title: &str, message: String) {
        let (line, column) = self.places.find(path);
        self.report.diagnostics.push(Diagnostic {
            line,
            path: Some(path.to_string()),
            ..diag(entry, title, message, column, 0)
        });
    }

    fn missing(&mut self, path: &str, field: &str) {
        self.push(
            &words::TLSRPT_REPORT_FIELD_MISSING,
            path,
            "Missing report field",
            format!("The required field \u{201c}{field}\u{201d} is missing at {path}."),
        );
    }

    fn wrong_type(&mut self, path: &str, expected: &str, got: &Value) {
        self.push(
            &words::TLSRPT_REPORT_FIELD_TYPE,
            path,
            "Report field of the wrong type",
            format!(
                "{} should be {expected} but is {}.",
                if path.is_empty() { "The report" } else { path },
                kind_of(got)
            ),
        );
    }

    /// A required string field.
    fn string(
        &mut self,
        object: &serde_json::Map<String, Value>,
        base: &str,
        field: &str,
    ) -> Option<String> {
        let path = format!("{base}/{field}");
        match object.get(field) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&path, "a string", other);
                None
            }
            None => {
                self.missing(if base.is_empty() { "" } else { base }, field);
                None
            }
        }
    }

    fn optional_string(
        &mut self,
        object: &serde_json::Map<String, Value>,
        base: &str,
        field: &str,
    ) -> Option<String> {
        match object.get(field) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Null) | None => None,
            Some(other) => {
                self.wrong_type(&format!("{base}/{field}"), "a string", other);
                None
            }
        }
    }

    fn count(
        &mut self,
        object: &serde_json::Map<String, Value>,
        base: &str,
        field: &str,
    ) -> Option<u64> {
        let path = format!("{base}/{field}");
        match object.get(field) {
            Some(Value::Number(n)) => match n.as_u64() {
                Some(n) => Some(n),
                None => {
                    self.wrong_type(
                        &path,
                        "a whole number of sessions",
                        &Value::Number(n.clone()),
                    );
                    None
                }
            },
            Some(other) => {
                self.wrong_type(&path, "a number", other);
                None
            }
            None => None,
        }
    }

    fn read(&mut self, value: &Value) {
        let Value::Object(top) = value else {
            self.wrong_type("", "a JSON object", value);
            return;
        };
        self.report.organization_name = self.string(top, "", "organization-name");
        match top.get("contact-info") {
            Some(Value::String(s)) => self.report.contact_info = Some(s.clone()),
            Some(Value::Null) => self.push(
                &words::TLSRPT_REPORT_DEVIATION,
                "/contact-info",
                "contact-info is null",
                "contact-info is null; RFC 8460 asks for an address or URI.".to_string(),
            ),
            Some(other) => self.wrong_type("/contact-info", "a string", other),
            None => self.missing("", "contact-info"),
        }
        self.report.report_id = self.string(top, "", "report-id");
        match top.get("date-range") {
            Some(Value::Object(range)) => self.read_range(range),
            Some(other) => self.wrong_type("/date-range", "an object", other),
            None => self.missing("", "date-range"),
        }
        match top.get("policies") {
            Some(Value::Array(policies)) => {
                for (i, policy) in policies.iter().enumerate() {
                    self.read_policy(i, policy);
                }
            }
            Some(other) => self.wrong_type("/policies", "an array", other),
            None => self.missing("", "policies"),
        }
        self.report.successful_sessions = self
            .report
            .policies
            .iter()
            .map(|p| p.successful_sessions)
            .sum();
        self.report.failed_sessions = self.report.policies.iter().map(|p| p.failed_sessions).sum();
    }

    fn read_range(&mut self, range: &serde_json::Map<String, Value>) {
        let start_written = self
            .string(range, "/date-range", "start-datetime")
            .unwrap_or_default();
        let end_written = self
            .string(range, "/date-range", "end-datetime")
            .unwrap_or_default();
        let parse = |reader: &mut Self, written: &str, field: &str| -> Option<Timestamp> {
            if written.is_empty() {
                return None;
            }
            if let Some(t) = Timestamp::parse_rfc3339(written) {
                return Some(t);
            }
            let zoned = format!("{}Z", written.trim());
            let t = Timestamp::parse_rfc3339(&zoned);
            let path = format!("/date-range/{field}");
            if t.is_some() {
                reader.push(
                    &words::TLSRPT_REPORT_DEVIATION,
                    &path,
                    "Date without a time zone",
                    format!(
                        "\u{201c}{written}\u{201d} has no time zone (Microsoft writes dates so); \
                         it was read as UTC."
                    ),
                );
            } else {
                reader.push(
                    &words::TLSRPT_REPORT_FIELD_TYPE,
                    &path,
                    "Unreadable date",
                    format!(
                        "\u{201c}{}\u{201d} is not an RFC 3339 date-time.",
                        excerpt(written, 40)
                    ),
                );
            }
            t
        };
        let start = parse(self, &start_written, "start-datetime");
        let end = parse(self, &end_written, "end-datetime");
        let one_utc_day = match (start, end) {
            (Some(s), Some(e)) => {
                s.0.rem_euclid(86_400) == 0 && (e.0 == s.0 + 86_399 || e.0 == s.0 + 86_400)
            }
            _ => false,
        };
        if let (Some(s), Some(e)) = (start, end) {
            if !one_utc_day {
                self.push(
                    &words::TLSRPT_REPORT_DATE_RANGE,
                    "/date-range",
                    words::TLSRPT_REPORT_DATE_RANGE.title,
                    format!("The report covers {} to {}.", s.rfc3339(), e.rfc3339()),
                );
            }
        }
        self.report.date_range = Some(DateRange {
            start: start.map(Timestamp::rfc3339),
            end: end.map(Timestamp::rfc3339),
            start_written,
            end_written,
            one_utc_day,
        });
    }

    fn read_policy(&mut self, index: usize, value: &Value) {
        let base = format!("/policies/{index}");
        let Value::Object(entry) = value else {
            self.wrong_type(&base, "an object", value);
            return;
        };
        let (line, _) = self.places.find(&base);
        let mut summary = PolicySummary {
            policy_type: String::new(),
            known_type: false,
            policy_domain: None,
            mx_hosts: Vec::new(),
            policy_string: Vec::new(),
            sts_mode: None,
            sts_max_age: None,
            successful_sessions: 0,
            failed_sessions: 0,
            verdict: String::new(),
            failures: Vec::new(),
            path: base.clone(),
            line,
        };
        match entry.get("policy") {
            Some(Value::Object(policy)) => {
                let path = format!("{base}/policy");
                summary.policy_type = self
                    .string(policy, &path, "policy-type")
                    .unwrap_or_default();
                summary.known_type = POLICY_TYPES.contains(&summary.policy_type.as_str());
                if !summary.known_type && !summary.policy_type.is_empty() {
                    self.push(
                        &words::TLSRPT_REPORT_POLICY_TYPE_UNKNOWN,
                        &format!("{path}/policy-type"),
                        words::TLSRPT_REPORT_POLICY_TYPE_UNKNOWN.title,
                        format!(
                            "\u{201c}{}\u{201d} is not sts, tlsa or no-policy-found.",
                            excerpt(&summary.policy_type, 40)
                        ),
                    );
                }
                summary.policy_domain = match policy.get("policy-domain") {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(other) => {
                        self.wrong_type(&format!("{path}/policy-domain"), "a string", other);
                        None
                    }
                    None => {
                        self.missing(&path, "policy-domain");
                        None
                    }
                };
                match policy.get("policy-string") {
                    Some(Value::Array(lines)) => {
                        for (i, line) in lines.iter().enumerate() {
                            match line {
                                Value::String(s) => summary.policy_string.push(s.clone()),
                                other => self.wrong_type(
                                    &format!("{path}/policy-string/{i}"),
                                    "a string",
                                    other,
                                ),
                            }
                        }
                    }
                    Some(Value::Null) | None => {}
                    Some(other) => self.wrong_type(
                        &format!("{path}/policy-string"),
                        "an array of strings",
                        other,
                    ),
                }
                match policy.get("mx-host") {
                    Some(Value::String(s)) => summary.mx_hosts.push(s.clone()),
                    Some(Value::Array(hosts)) => {
                        for (i, host) in hosts.iter().enumerate() {
                            match host {
                                Value::String(s) => summary.mx_hosts.push(s.clone()),
                                other => self.wrong_type(
                                    &format!("{path}/mx-host/{i}"),
                                    "a string",
                                    other,
                                ),
                            }
                        }
                    }
                    Some(Value::Null) | None => {}
                    Some(other) => self.wrong_type(
                        &format!("{path}/mx-host"),
                        "a string or an array of strings",
                        other,
                    ),
                }
            }
            Some(other) => self.wrong_type(&format!("{base}/policy"), "an object", other),
            None => self.missing(&base, "policy"),
        }
        if summary.policy_type == "sts" && !summary.policy_string.is_empty() {
            let policy = mta_sts::read_policy(&summary.policy_string.join("\n"), self.report.input);
            summary.sts_mode = policy.mode;
            summary.sts_max_age = policy.max_age;
        }
        match entry.get("summary") {
            Some(Value::Object(counts)) => {
                let path = format!("{base}/summary");
                match self.count(counts, &path, "total-successful-session-count") {
                    Some(n) => summary.successful_sessions = n,
                    None if !counts.contains_key("total-successful-session-count") => {
                        self.missing(&path, "total-successful-session-count");
                    }
                    None => {}
                }
                match self.count(counts, &path, "total-failure-session-count") {
                    Some(n) => summary.failed_sessions = n,
                    None if !counts.contains_key("total-failure-session-count") => {
                        self.missing(&path, "total-failure-session-count");
                    }
                    None => {}
                }
            }
            Some(other) => self.wrong_type(&format!("{base}/summary"), "an object", other),
            None => self.missing(&base, "summary"),
        }
        match entry.get("failure-details") {
            Some(Value::Array(details)) => {
                let mut listed = 0u64;
                for (i, detail) in details.iter().enumerate() {
                    if let Some((result_type, detail)) = self.read_detail(&base, i, detail) {
                        listed = listed.saturating_add(detail.failed_session_count);
                        add_to_group(&mut summary.failures, result_type, detail);
                    }
                }
                if listed != summary.failed_sessions && !details.is_empty() {
                    self.push(
                        &words::TLSRPT_REPORT_COUNT_MISMATCH,
                        &format!("{base}/failure-details"),
                        words::TLSRPT_REPORT_COUNT_MISMATCH.title,
                        format!(
                            "The failure details add up to {listed} session(s); the summary says \
                             {}.",
                            summary.failed_sessions
                        ),
                    );
                }
            }
            Some(Value::Null) | None => {}
            Some(other) => self.wrong_type(&format!("{base}/failure-details"), "an array", other),
        }
        summary
            .failures
            .sort_by_key(|g| std::cmp::Reverse(g.sessions));
        for group in &summary.failures {
            if !group.registered {
                let path = group
                    .details
                    .first()
                    .map_or(base.clone(), |d| format!("{}/result-type", d.path));
                self.push(
                    &words::TLSRPT_RESULT_UNKNOWN,
                    &path,
                    words::TLSRPT_RESULT_UNKNOWN.title,
                    format!(
                        "\u{201c}{}\u{201d} is not a registered result type.",
                        excerpt(&group.result_type, 40)
                    ),
                );
            }
        }
        summary.verdict = verdict(&summary);
        self.report.policies.push(summary);
    }

    fn read_detail(
        &mut self,
        base: &str,
        index: usize,
        value: &Value,
    ) -> Option<(String, FailureDetail)> {
        let path = format!("{base}/failure-details/{index}");
        let Value::Object(detail) = value else {
            self.wrong_type(&path, "an object", value);
            return None;
        };
        let result_type = self.string(detail, &path, "result-type")?;
        let count = match self.count(detail, &path, "failed-session-count") {
            Some(n) => n,
            None => {
                if !detail.contains_key("failed-session-count") {
                    self.missing(&path, "failed-session-count");
                }
                0
            }
        };
        let sending_mta_ip = self.optional_string(detail, &path, "sending-mta-ip");
        if sending_mta_ip.is_none() {
            self.push(
                &words::TLSRPT_REPORT_DEVIATION,
                &path,
                "No sending-mta-ip",
                "This failure detail has no sending-mta-ip; several reporters, Microsoft among \
                 them, leave it out."
                    .to_string(),
            );
        }
        let (line, _) = self.places.find(&path);
        Some((
            result_type,
            FailureDetail {
                sending_mta_ip,
                receiving_mx_hostname: self.optional_string(detail, &path, "receiving-mx-hostname"),
                receiving_mx_helo: self.optional_string(detail, &path, "receiving-mx-helo"),
                receiving_ip: self.optional_string(detail, &path, "receiving-ip"),
                failed_session_count: count,
                additional_information: self.optional_string(
                    detail,
                    &path,
                    "additional-information",
                ),
                failure_reason_code: self.optional_string(detail, &path, "failure-reason-code"),
                path,
                line,
            },
        ))
    }
}

fn add_to_group(groups: &mut Vec<FailureGroup>, result_type: String, detail: FailureDetail) {
    let sessions = detail.failed_session_count;
    if let Some(group) = groups.iter_mut().find(|g| g.result_type == result_type) {
        group.sessions = group.sessions.saturating_add(sessions);
        group.details.push(detail);
        return;
    }
    let entry = words::result_type(&result_type);
    groups.push(FailureGroup {
        registered: entry.code != words::TLSRPT_RESULT_UNKNOWN.code,
        result_type,
        code: entry.code.to_string(),
        title: entry.title.to_string(),
        explanation: entry.detail.to_string(),
        fix: entry.fix.to_string(),
        sessions,
        details: vec![detail],
    });
}

fn verdict(policy: &PolicySummary) -> String {
    let ok = policy.successful_sessions;
    let failed = policy.failed_sessions;
    match policy.policy_type.as_str() {
        "no-policy-found" if ok > 0 => format!(
            "{ok} session(s) used TLS without authentication (no MTA-STS or DANE policy was \
             found){}.",
            if failed > 0 {
                format!("; {failed} failed")
            } else {
                String::new()
            }
        ),
        "no-policy-found" => format!("{failed} session(s) failed; no policy was found."),
        "sts" | "tlsa" => {
            let name = if policy.policy_type == "sts" {
                "MTA-STS"
            } else {
                "DANE"
            };
            if failed == 0 {
                format!("All {ok} session(s) met the {name} policy.")
            } else {
                format!("{ok} session(s) met the {name} policy and {failed} failed it.")
            }
        }
        _ => {
            format!("{ok} successful and {failed} failed session(s) under an unknown policy type.")
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where each value of a JSON text starts, by JSON Pointer, down to the depth a report uses.
/// Built by a light scan after serde_json accepted the text, so it can assume valid JSON.
struct Places {
    at: HashMap<String, (u32, u32)>,
}

impl Places {
    /// Deeper than this, values are not recorded (a report's deepest field is at depth 5).
    const MAX_DEPTH: usize = 6;
    /// At most this many positions are recorded.
    const MAX_ENTRIES: usize = 100_000;

    fn new(text: &str) -> Places {
        enum Frame {
            Object { key: Option<String> },
            Array { index: usize },
        }
        let mut at = HashMap::new();
        at.insert(String::new(), (1, 1));
        let mut stack: Vec<Frame> = Vec::new();
        let (mut line, mut column) = (1u32, 1u32);
        let mut chars = text.chars().peekable();
        let path_of = |stack: &[Frame]| {
            let mut path = String::new();
            for frame in stack {
                match frame {
                    Frame::Object { key: Some(k) } => {
                        path.push('/');
                        path.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    }
                    Frame::Object { key: None } => path.push_str("/?"),
                    Frame::Array { index } => {
                        path.push('/');
                        path.push_str(&index.to_string());
                    }
                }
            }
            path
        };
        // Whether the next string in an object is a key.
        let mut expect_key = false;
        let mut value_started = false;
        while let Some(c) = chars.next() {
            let here = (line, column);
            if c == '\n' {
                line = line.saturating_add(1);
                column = 1;
            } else {
                column = column.saturating_add(1);
            }
            let record = |at: &mut HashMap<String, (u32, u32)>, stack: &[Frame]| {
                if stack.len() <= Self::MAX_DEPTH && at.len() < Self::MAX_ENTRIES {
                    at.entry(path_of(stack)).or_insert(here);
                }
            };
            match c {
                '{' | '[' => {
                    if !value_started {
                        record(&mut at, &stack);
                    }
                    value_started = false;
                    if c == '{' {
                        stack.push(Frame::Object { key: None });
                        expect_key = true;
                    } else {
                        stack.push(Frame::Array { index: 0 });
                        expect_key = false;
                    }
                }
                '}' | ']' => {
                    stack.pop();
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = None;
                    }
                    expect_key = false;
                    value_started = false;
                }
                ',' => {
                    match stack.last_mut() {
                        Some(Frame::Array { index }) => *index += 1,
                        Some(Frame::Object { key }) => {
                            *key = None;
                            expect_key = true;
                        }
                        None => {}
                    }
                    value_started = false;
                }
                ':' => {
                    expect_key = false;
                    value_started = false;
                }
                '"' => {
                    let mut s = String::new();
                    while let Some(d) = chars.next() {
                        if d == '\n' {
                            line = line.saturating_add(1);
                            column = 1;
                        } else {
                            column = column.saturating_add(1);
                        }
                        match d {
                            '"' => break,
                            '\\' => {
                                if let Some(e) = chars.next() {
                                    column = column.saturating_add(1);
                                    s.push(match e {
                                        'n' => '\n',
                                        't' => '\t',
                                        other => other,
                                    });
                                }
                            }
                            other => s.push(other),
                        }
                    }
                    if expect_key && matches!(stack.last(), Some(Frame::Object { .. })) {
                        if let Some(Frame::Object { key }) = stack.last_mut() {
                            *key = Some(s);
                        }
                        expect_key = false;
                    } else if !value_started {
                        record(&mut at, &stack);
                        value_started = true;
                    }
                }
                c if c.is_whitespace() => {}
                _ => {
                    if !value_started {
                        record(&mut at, &stack);
                        value_started = true;
                    }
                }
            }
        }
        Places { at }
    }

    /// The position of `path`, or of its nearest recorded ancestor.
    fn find(&self, path: &str) -> (u32, u32) {
        let mut path = path;
        loop {
            if let Some(p) = self.at.get(path) {
                return *p;
            }
            match path.rfind('/') {
                Some(i) => path = path.get(..i).unwrap_or_default(),
                None => return (1, 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn record(value: &str) -> String {
        let r = read_record(value);
        let mut out = format!(
            "valid={} discarded={} rua={:?}",
            r.valid,
            r.discarded,
            r.rua
                .iter()
                .map(|u| (u.uri.as_str(), u.usable))
                .collect::<Vec<_>>()
        );
        for d in &r.diagnostics {
            out.push_str(&format!(
                " | {}@{}+{} {}",
                d.code, d.column, d.length, d.message
            ));
        }
        out
    }

    #[test]
    fn records() {
        expect![[r#"valid=true discarded=false rua=[("mailto:tlsrpt@example.com", true), ("https://r.example.net/v1", true)]"#]]
            .assert_eq(&record("v=TLSRPTv1; rua=mailto:tlsrpt@example.com, https://r.example.net/v1"));
        expect![[r#"valid=false discarded=true rua=[("mailto:a@example.com", true)] | TLSRPT_TXT_VERSION@1+10 The record begins “v=TSLRPTv1”, which swaps the L and S of “TLSRPTv1”, so senders ignore it."#]]
            .assert_eq(&record("v=TSLRPTv1; rua=mailto:a@example.com"));
        expect![[r#"valid=false discarded=false rua=[("mailto:a@example.com!10m", false)] | TLSRPT_TXT_RUA_INVALID@17+24 “mailto:a@example.com!10m” contains “!10m”: “!” must be written %21, and DMARC's size suffix (such as !10m) does not exist in TLS-RPT."#]]
            .assert_eq(&record("v=TLSRPTv1; rua=mailto:a@example.com!10m"));
        expect![[r#"valid=false discarded=false rua=[("tlsrpt@example.com", false)] | TLSRPT_TXT_RUA_INVALID@17+18 “tlsrpt@example.com” is an address, not a URI; write “mailto:tlsrpt@example.com”."#]]
            .assert_eq(&record("v=TLSRPTv1; rua=tlsrpt@example.com"));
        expect![[r#"valid=false discarded=false rua=[("mailto:a@example.com", true)] | TLSRPT_TXT_SEMICOLON_BETWEEN_URIS@39+20 This URI follows a “;”, which ends the rua field; use a comma between URIs."#]]
            .assert_eq(&record("v=TLSRPTv1; rua=mailto:a@example.com; mailto:b@example.com"));
        expect![[r#"valid=false discarded=false rua=[("http://r.example.net/", false)] | TLSRPT_TXT_RUA_SCHEME@17+21 “http://r.example.net/” uses http:, which senders don't deliver reports to; use https:. | TLSRPT_TXT_RUA_SCHEME@1+0 None of the rua URIs is a mailto: or https: URI, so no reports are sent."#]]
            .assert_eq(&record("v=TLSRPTv1; rua=http://r.example.net/"));
    }

    #[test]
    fn places() {
        let text = "{\n \"a\": [1, {\"b\": \"x\"}],\n \"c\": {\"d\": null}\n}";
        let places = Places::new(text);
        assert_eq!(places.find(""), (1, 1));
        assert_eq!(places.find("/a"), (2, 7));
        assert_eq!(places.find("/a/1/b"), (2, 17));
        assert_eq!(places.find("/c/d"), (3, 13));
        assert_eq!(places.find("/c/missing"), (3, 7));
    }
}
