//! The analysis core: pure functions from pasted text and `now` to a typed [`Report`].
//!
//! Must not depend on: yew, web-sys, js-sys, gloo, wasm-bindgen, a clock, IO or randomness. Never
//! panics on any input; what can't be read becomes a finding with a location.

pub mod catalog;
pub mod date;
pub mod detect;
pub mod finding;
pub mod posture;
pub mod received;
pub mod tls;
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
    /// The recipient's MX host names, as typed. They place the trust border in headers exactly.
    pub mx_hosts: Vec<String>,
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
}

/// The one front door: reads every document, cross-checks them and grades the result.
pub fn analyze(inputs: &Inputs, now: Timestamp) -> Report {
    let mut report = Report {
        analysed_at: now.rfc3339(),
        ..Report::default()
    };
    let mut header_sections = Vec::new();

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
            // The other kinds are read by their own modules as they land.
            _ => {}
        }
    }

    // The first header section is the message being analysed; more are reported as their own
    // paths only through findings (a page shows one path at a time).
    if let Some((_, section)) = header_sections.into_iter().next() {
        let judged = transport::judge(section, &inputs.options);
        report.hops = judged.hops;
        report.path = Some(judged.path);
        report.message = Some(judged.message);
        report.findings.extend(judged.findings);
    }

    finding::sort(&mut report.findings);
    report.posture = posture::grade(&report);
    report.grade = report.posture.grade.clone();
    report
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
            findings.push(Finding::new(&catalog::input::INPUT_INVALID_UTF8).at(Location {
                input: index,
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
                excerpt: String::new(),
            }));
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
