//! The analysis core: pure functions from pasted text and `now` to a typed [`Report`].
//!
//! Must not depend on: yew, web-sys, js-sys, gloo, wasm-bindgen, a clock, IO or randomness. Never
//! panics on any input; what can't be read becomes a finding with a location.

pub mod catalog;
pub mod cert;
pub mod commands;
pub mod dane;
pub mod date;
pub mod detect;
pub mod dns;
pub mod finding;
pub mod handshake;
pub mod mta_sts;
pub mod posture;
pub mod received;
pub mod sclient;
pub mod tls;
pub mod tlsrpt;
pub mod transport;

use serde::{Deserialize, Serialize};

pub use date::Timestamp;
pub use detect::Kind;
pub use finding::{Finding, Location, Severity};
pub use received::Hop;

/// The most bytes of one input that are analysed. Headers, chains, policies and reports are far
/// smaller; anything above is cut, with a finding saying so.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// One pasted text or dropped file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// A file name, or a label such as "pasted headers".
    pub name: String,
    /// The raw bytes (text is UTF-8; DER and gzip are binary).
    pub bytes: Vec<u8>,
    /// The kind, when the user chose it; otherwise it is detected.
    pub kind: Option<Kind>,
}

impl Document {
    /// A pasted text whose kind will be detected.
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            name: name.into(),
            bytes: text.into().into_bytes(),
            kind: None,
        }
    }
}

/// What the user told us beyond the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// The recipient's MX host names, as typed. They place the trust border in headers exactly
    /// and are the most trusted source of the MX set for certificate and MTA-STS checks.
    pub mx_hosts: Vec<String>,
    /// The recipient domain, as typed (e.g. `example.com`), for the commands and policy checks.
    #[serde(default)]
    pub domain: Option<String>,
}

/// Where an MX host name came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MxSource {
    /// Typed by the user.
    Typed,
    /// From pasted DNS MX records (`dig MX`).
    Dns,
    /// The host a pasted `openssl s_client` command connected to.
    Transcript,
    /// Guessed from the headers (the recipient's border MX): a heuristic, labelled so.
    Headers,
}

/// One MX host the cross-checks use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MxHost {
    /// The host name, lower case, without the trailing dot.
    pub name: String,
    /// The MX preference, when known from DNS.
    pub preference: Option<u16>,
    /// Where it came from.
    pub source: MxSource,
}

/// What all the inputs say together, built before any cross-check runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The instant to judge dates against.
    pub now: Timestamp,
    /// The recipient domain: typed, or inferred from record owner names.
    pub domain: Option<String>,
    /// The MX hosts, most trusted source first. Only the best available source is used: typed
    /// hosts hide DNS ones, which hide the header guess.
    pub mx_hosts: Vec<MxHost>,
}

/// Everything `analyze` reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// The documents, in the order given.
    pub documents: Vec<Document>,
    /// Options.
    pub options: Options,
}

/// What was read from one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSummary {
    /// The document's name.
    pub file: String,
    /// Its kind, as chosen or detected.
    pub kind: Kind,
    /// Its size in bytes.
    pub bytes: usize,
}

/// A DNS record judged by its meaning, tagged by `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum DnsRecordReport {
    /// An `_mta-sts` TXT record (RFC 8461 §3.1).
    #[serde(rename = "mta-sts")]
    MtaSts(mta_sts::RecordReport),
    /// An `_smtp._tls` TXT record (RFC 8460 §3).
    #[serde(rename = "tls-rpt")]
    TlsRpt(tlsrpt::RecordReport),
    /// A TLSA record (DANE, RFC 6698/7672).
    #[serde(rename = "tlsa")]
    Tlsa(dane::TlsaReport),
}

/// The result of an analysis. Serialised as the CLI's `--json` output and returned by the
/// JavaScript API; field names are part of that contract.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// One entry per document.
    pub inputs: Vec<InputSummary>,
    /// The hops of the (first) header section, in delivery order.
    pub hops: Vec<Hop>,
    /// The judgement of the whole path, when there were headers.
    pub path: Option<transport::PathSummary>,
    /// Context from the header section (subject, dates, TLS-Required, Authentication-Results).
    pub message: Option<transport::MessageSummary>,
    /// Every finding, worst first.
    pub findings: Vec<Finding>,
    /// The overall grade (A+ … F), or null when nothing gradable was given.
    pub grade: Option<String>,
    /// How the grade was reached.
    pub posture: posture::Posture,
    /// The instant the analysis was made for, RFC 3339.
    pub analysed_at: String,
    /// The MX hosts the cross-checks used, with where each came from.
    pub mx_hosts: Vec<MxHost>,
    /// The recipient domain, typed or inferred from record names.
    pub domain: Option<String>,
    /// MTA-STS policies, one per pasted policy, with located diagnostics.
    #[serde(default)]
    pub mta_sts_policies: Vec<mta_sts::PolicyReport>,
    /// DNS records judged by their meaning (`_mta-sts`, `_smtp._tls`, TLSA), in input order.
    #[serde(default)]
    pub dns_records: Vec<DnsRecordReport>,
    /// TLS-RPT aggregate reports, pasted, dropped or read from report messages.
    #[serde(default)]
    pub tls_rpt_reports: Vec<tlsrpt::TlsRptReport>,
    /// The first `openssl s_client` transcript (all transcripts contribute findings).
    #[serde(default)]
    pub s_client: Option<sclient::Transcript>,
    /// The commands to run, filled in with the domain and MX hosts.
    #[serde(default)]
    pub commands: Vec<commands::Command>,
    /// Every certificate given, leaf first, then any not part of the chain.
    #[serde(default)]
    pub certificates: Vec<cert::CertSummary>,
    /// The certificate chain's checks, anchor, trust and host name verdict.
    #[serde(default)]
    pub chain: Option<cert::ChainReport>,
    /// The DANE panel: records to publish, DNSSEC state, rollover advice.
    #[serde(default)]
    pub dane: Option<dane::DaneReport>,
    /// The handshake explainer's walk-throughs, personalised from everything above (the
    /// examples when nothing was given).
    #[serde(default)]
    pub explainer: handshake::Explainer,
}

/// The one front door: reads every document, cross-checks them and grades the result.
///
/// It runs in phases so that every cross-check sees every input, whatever the paste order:
/// 1. read each document by its kind into a typed reading (no judgement across inputs);
/// 2. build the [`Context`] (domain, MX hosts) from the options and the readings;
/// 3. judge each reading against the context;
/// 4. grade;
/// 5. build the explainer's walk-throughs from the finished report.
pub fn analyze(inputs: &Inputs, now: Timestamp) -> Report {
    let mut report = Report {
        analysed_at: now.rfc3339(),
        ..Report::default()
    };
    let mut header_sections = Vec::new();
    let mut dns_texts = Vec::new();
    let mut policies = Vec::new();
    let mut transcripts = Vec::new();
    let mut cert_readings = Vec::new();

    // Phase 1: read.
    for (index, document) in inputs.documents.iter().enumerate() {
        let (bytes, truncated) = match document.bytes.get(..MAX_INPUT_BYTES) {
            Some(cut) if document.bytes.len() > MAX_INPUT_BYTES => (cut, true),
            _ => (document.bytes.as_slice(), false),
        };
        let kind = document
            .kind
            .unwrap_or_else(|| detect::detect(bytes, &document.name));
        report.inputs.push(InputSummary {
            file: document.name.clone(),
            kind,
            bytes: document.bytes.len(),
        });
        if truncated {
            report.findings.push(
                Finding::new(&catalog::input::INPUT_TOO_LARGE)
                    .specific(format!(
                        "\u{201c}{}\u{201d} is {} MB; the limit is {} MB.",
                        document.name,
                        document.bytes.len() / (1024 * 1024),
                        MAX_INPUT_BYTES / (1024 * 1024)
                    ))
                    .at(whole_input(index, "")),
            );
        }
        match kind {
            Kind::Headers => {
                let text = decode_text(bytes, index, &mut report.findings);
                header_sections.push((index, received::read_headers(&text, index)));
                // A TLS-RPT report message (RFC 8460 §5.3) is also read for its report.
                if let Some(mailed) = tlsrpt::read_mailed(bytes, index) {
                    report.tls_rpt_reports.extend(mailed);
                }
            }
            Kind::MtaStsPolicy => {
                let text = decode_text(bytes, index, &mut report.findings);
                policies.push(mta_sts::read_policy(&text, index));
            }
            Kind::SClient => {
                let text = decode_text(bytes, index, &mut report.findings);
                transcripts.push(sclient::read(&text, index));
                // The chain the server sent (with -showcerts) gets the certificate checks; the
                // PEM reader skips the transcript's other lines.
                let reading = cert::read_text(&text, index);
                if !reading.certificates.is_empty() {
                    cert_readings.push(cert::CertReading {
                        findings: Vec::new(),
                        ..reading
                    });
                }
            }
            Kind::TlsRptReport => report
                .tls_rpt_reports
                .push(tlsrpt::read_report(bytes, index)),
            Kind::DnsRecords => {
                let text = decode_text(bytes, index, &mut report.findings);
                dns_texts.push((index, dns::read(&text, index)));
            }
            Kind::Unknown => {
                let entry = if detect::is_binary(bytes) {
                    &catalog::input::INPUT_BINARY
                } else {
                    &catalog::input::INPUT_UNRECOGNISED
                };
                let first_line = String::from_utf8_lossy(bytes.get(..200).unwrap_or(bytes))
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                report
                    .findings
                    .push(Finding::new(entry).at(whole_input(index, &first_line)));
            }
            Kind::Certificates => cert_readings.push(cert::read_bytes(bytes, index)),
        }
    }

    // The first header section is the message being analysed (a page shows one path).
    let judged = header_sections
        .into_iter()
        .next()
        .map(|(_, section)| transport::judge(section, &inputs.options));

    // Phase 2: context.
    let transcript_hosts: Vec<String> = transcripts
        .iter()
        .filter_map(|t| sclient::host(t).map(str::to_string))
        .collect();
    let mut context = build_context(inputs, now, &dns_texts, &transcript_hosts, judged.as_ref());
    if context.domain.is_none() {
        // A TLS-RPT report names the domain it is about.
        context.domain = report
            .tls_rpt_reports
            .iter()
            .flat_map(|r| r.policies.iter())
            .find_map(|p| p.policy_domain.clone())
            .map(|d| d.trim_end_matches('.').to_ascii_lowercase());
    }

    // Phase 3: judge. (Transport is judged above because the border it places feeds the
    // context's header-guessed MX.)
    if let Some(judged) = judged {
        report.hops = judged.hops;
        report.path = Some(judged.path);
        report.message = Some(judged.message);
        report.findings.extend(judged.findings);
    }
    judge_policies(&mut report, policies, transcripts, &dns_texts, &context);
    report.mx_hosts = context.mx_hosts.clone();
    report.domain = context.domain.clone();
    // Certificates and DANE, judged under the MTA-STS policy the user showed (if it is valid).
    let sts_mode = report
        .mta_sts_policies
        .iter()
        .find(|p| p.valid)
        .and_then(|p| p.mode);
    let tls = cert::analyse(&cert_readings, &dns_texts, &context, sts_mode);
    report.certificates = tls.certificates;
    report.chain = tls.chain;
    report.dane = tls.dane;
    report
        .dns_records
        .extend(tls.tlsa.into_iter().map(DnsRecordReport::Tlsa));
    report.findings.extend(tls.findings);

    // Phase 4: grade.
    finding::sort(&mut report.findings);
    report.posture = posture::grade(&report);
    report.grade = report.posture.grade.clone();

    // Phase 5: the explainer, personalised from the finished report.
    report.explainer = handshake::explainer(&handshake::Facts::from_report(&report));
    report
}

/// Judges MTA-STS, TLS-RPT and s_client inputs against the context and each other, and fills
/// in the commands (issue #4).
fn judge_policies(
    report: &mut Report,
    mut policies: Vec<mta_sts::PolicyReport>,
    transcripts: Vec<sclient::Transcript>,
    dns_texts: &[(usize, dns::DnsText)],
    context: &Context,
) {
    let (mut sts_records, mut rpt_records) = policy_records(dns_texts);
    report
        .findings
        .extend(tlsrpt::judge_records(&mut rpt_records));
    let readable: Vec<&tlsrpt::TlsRptReport> = report
        .tls_rpt_reports
        .iter()
        .filter(|r| r.readable)
        .collect();
    let evidence = mta_sts::Evidence {
        tls_rpt_record: (!rpt_records.is_empty()).then(|| rpt_records.iter().any(|r| r.valid)),
        sts_report_failures: (!readable.is_empty()).then(|| {
            readable
                .iter()
                .flat_map(|r| r.policies.iter())
                .filter(|p| p.policy_type == "sts")
                .map(|p| p.failed_sessions)
                .sum()
        }),
        certificate_verified: (!transcripts.is_empty()).then(|| {
            transcripts.iter().all(|t| {
                t.verify.as_ref().is_some_and(|v| v.code == 0)
                    && t.name_check == sclient::NameCheck::Checked
            })
        }),
    };
    report.findings.extend(mta_sts::judge(
        &mut policies,
        &mut sts_records,
        context,
        &evidence,
    ));
    report
        .findings
        .extend(tlsrpt::judge_reports(&report.tls_rpt_reports));
    let mode = policies.iter().find(|p| p.valid).and_then(|p| p.mode);
    for transcript in &transcripts {
        report.findings.extend(sclient::judge(transcript, mode));
    }
    let tls_required = report
        .message
        .as_ref()
        .and_then(|m| m.tls_required.as_deref());
    report
        .findings
        .extend(sclient::requiretls_finding(tls_required, &transcripts));
    let mut records: Vec<(usize, u32, DnsRecordReport)> = sts_records
        .into_iter()
        .map(|r| (r.input, r.line, DnsRecordReport::MtaSts(r)))
        .chain(
            rpt_records
                .into_iter()
                .map(|r| (r.input, r.line, DnsRecordReport::TlsRpt(r))),
        )
        .collect();
    records.sort_by_key(|(input, line, _)| (*input, *line));
    report
        .dns_records
        .extend(records.into_iter().map(|(_, _, r)| r));
    report.mta_sts_policies = policies;
    report.s_client = transcripts.into_iter().next();
    report.commands = commands::for_inputs(context);
}

/// The `_mta-sts` and `_smtp._tls` TXT records among the pasted DNS records: by owner name, or,
/// for owner-less values (`dig +short`, bare), by how they begin.
fn policy_records(
    dns_texts: &[(usize, dns::DnsText)],
) -> (Vec<mta_sts::RecordReport>, Vec<tlsrpt::RecordReport>) {
    let mut sts = Vec::new();
    let mut rpt = Vec::new();
    for (index, text) in dns_texts {
        for record in text
            .records
            .iter()
            .filter(|r| r.rtype == dns::RecordType::Txt)
        {
            let value = record.txt_value();
            let owner = record.owner.as_deref().map(str::to_ascii_lowercase);
            let squeezed: String = value
                .to_ascii_lowercase()
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(12)
                .collect();
            let sts_owner = owner.as_deref().is_some_and(|o| o.starts_with("_mta-sts."));
            let rpt_owner = owner
                .as_deref()
                .is_some_and(|o| o.starts_with("_smtp._tls.") || o.starts_with("_smtp-tlsrpt."));
            let unowned =
                owner.is_none() || !(owner.as_deref().is_some_and(|o| o.starts_with('_')));
            if sts_owner
                || unowned && (squeezed.starts_with("v=sts") || squeezed.starts_with("v-sts"))
            {
                let mut r = mta_sts::read_record(&value);
                r.input = *index;
                r.line = record.location.line;
                r.owner.clone_from(&record.owner);
                sts.push(r);
            } else if rpt_owner
                || unowned
                    && ["v=tlsrpt", "v=tslrpt", "v=tlsrtp", "v-tlsrpt", "v=tls-rpt"]
                        .iter()
                        .any(|p| squeezed.starts_with(p))
            {
                let mut r = tlsrpt::read_record(&value);
                r.input = *index;
                r.line = record.location.line;
                r.owner.clone_from(&record.owner);
                if owner
                    .as_deref()
                    .is_some_and(|o| o.starts_with("_smtp-tlsrpt."))
                {
                    r.diagnostics.insert(
                        0,
                        mta_sts::Diagnostic {
                            code: catalog::tlsrpt::TLSRPT_TXT_OLD_OWNER.code.to_string(),
                            severity: catalog::tlsrpt::TLSRPT_TXT_OLD_OWNER.severity,
                            title: catalog::tlsrpt::TLSRPT_TXT_OLD_OWNER.title.to_string(),
                            message: format!(
                                "The record is published at {}; senders look up _smtp._tls.",
                                record.owner.as_deref().unwrap_or_default()
                            ),
                            line: 0,
                            column: 1,
                            length: 0,
                            path: None,
                        },
                    );
                    r.valid = false;
                }
                rpt.push(r);
            }
        }
    }
    (sts, rpt)
}

/// Builds the cross-input context: the MX set from the best available source and the domain.
fn build_context(
    inputs: &Inputs,
    now: Timestamp,
    dns_texts: &[(usize, dns::DnsText)],
    transcript_hosts: &[String],
    judged: Option<&transport::Judged>,
) -> Context {
    let clean = |name: &str| name.trim().trim_end_matches('.').to_ascii_lowercase();
    let typed: Vec<MxHost> = inputs
        .options
        .mx_hosts
        .iter()
        .map(|h| clean(h))
        .filter(|h| !h.is_empty())
        .map(|name| MxHost {
            name,
            preference: None,
            source: MxSource::Typed,
        })
        .collect();
    let from_dns: Vec<MxHost> = dns_texts
        .iter()
        .flat_map(|(_, text)| text.records.iter())
        .filter(|r| r.rtype == dns::RecordType::Mx)
        .filter_map(|r| {
            let mut words = r.rdata.split_whitespace();
            let preference = words.next()?.parse::<u16>().ok();
            let name = clean(words.next()?);
            (!name.is_empty()).then_some(MxHost {
                name,
                preference,
                source: MxSource::Dns,
            })
        })
        .collect();
    let from_headers: Vec<MxHost> = judged
        .and_then(|j| j.path.border.and_then(|b| j.hops.get(b)))
        .and_then(|hop| hop.by.as_deref())
        .map(|by| MxHost {
            name: clean(by),
            preference: None,
            source: MxSource::Headers,
        })
        .into_iter()
        .collect();
    let from_transcripts: Vec<MxHost> = transcript_hosts
        .iter()
        .map(|h| clean(h))
        .filter(|h| !h.is_empty() && h.parse::<std::net::IpAddr>().is_err())
        .map(|name| MxHost {
            name,
            preference: None,
            source: MxSource::Transcript,
        })
        .collect();
    let mut mx_hosts = if !typed.is_empty() {
        typed
    } else if !from_dns.is_empty() {
        from_dns
    } else if !from_transcripts.is_empty() {
        from_transcripts
    } else {
        from_headers
    };
    mx_hosts.sort_by_key(|m| m.preference.unwrap_or(0));
    mx_hosts.dedup_by(|a, b| a.name == b.name);

    let typed_domain = inputs
        .options
        .domain
        .as_deref()
        .map(clean)
        .filter(|d| !d.is_empty());
    // Owner names such as `_mta-sts.example.com` and `_smtp._tls.example.com` name the domain.
    let from_owners = dns_texts
        .iter()
        .flat_map(|(_, text)| text.records.iter())
        .filter_map(|r| r.owner.as_deref())
        .find_map(|owner| {
            let lower = owner.to_ascii_lowercase();
            lower
                .strip_prefix("_mta-sts.")
                .or_else(|| lower.strip_prefix("_smtp._tls."))
                .map(str::to_string)
        });
    Context {
        now,
        domain: typed_domain.or(from_owners),
        mx_hosts,
    }
}

/// Text from bytes: UTF-8, with invalid sequences replaced and a notice saying so.
fn decode_text(bytes: &[u8], index: usize, findings: &mut Vec<Finding>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(error) => {
            let valid = error.valid_up_to();
            let prefix = bytes.get(..valid).unwrap_or_default();
            let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
            findings.push(
                Finding::new(&catalog::input::INPUT_INVALID_UTF8).at(Location {
                    input: index,
                    line: u32::try_from(line).unwrap_or(u32::MAX),
                    column: u32::try_from(column).unwrap_or(u32::MAX),
                    excerpt: String::new(),
                }),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// A location that points at a whole input (line 1, column 1).
fn whole_input(index: usize, excerpt: &str) -> Location {
    Location {
        input: index,
        line: 1,
        column: 1,
        excerpt: finding::excerpt(excerpt, 120),
    }
}
