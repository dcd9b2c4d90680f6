//! MTA-STS (RFC 8461): the policy file (§3.2), the `_mta-sts` TXT record (§3.1), the HTTPS fetch
//! (§3.3) as shown by `curl -sSi`, and the cross-checks against the MX hosts (§4.1).
//!
//! Must not depend on anything outside `analysis`, read a clock or do IO. Parsing never fails:
//! every reader returns its best value and located diagnostics.
//!
//! Decisions, each also explained in the words of the catalogue entry concerned:
//! - Lines end with LF or CRLF, mixed freely (erratum 6253). A bare CR is not a line end: the
//!   text around it is one (invalid) line for senders, but the pieces are read separately so
//!   every other mistake is reported too.
//! - Blank lines are errors. The §3.2 grammar allows one optional line break after the last
//!   field and no empty lines; strict parsers (mox) reject the whole policy for one.
//! - Keys and values are case-sensitive (`%s"…"` in the grammar).
//! - Leading whitespace, whitespace before `:`, a BOM and a trailing dot in `mx` break the grammar
//!   and are errors; the field is still read, so one mistake doesn't hide the others.
//! - A dotted IPv4 address in `mx` fits the host-name grammar but never matches an MX: a warning.
//! - Unknown keys are extensions (a notice); a key one or two edits away from a missing required
//!   key is reported as a likely typo (a warning) next to the missing-field error it causes.
//! - `valid` means no diagnostic is critical: a sender following RFC 8461 accepts the policy.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::catalog::{self, mta_sts as words, Entry};
use super::finding::{excerpt, Finding, Location, Severity};
use super::{Context, MxSource};

/// The largest policy body senders are told they may refuse above (RFC 8461 §3.3).
pub const POLICY_SIZE_LIMIT: usize = 64 * 1024;

/// The largest max_age (RFC 8461 §3.2), one year in seconds.
pub const MAX_AGE_LIMIT: u64 = 31_557_600;

/// Below this max_age (one day) a testing or enforce policy is a risk.
pub const MAX_AGE_SHORT: u64 = 86_400;

/// Below this max_age (one week) a testing or enforce policy gets a notice.
pub const MAX_AGE_WEEK: u64 = 604_800;

/// At most this many diagnostics are kept per policy or record; a final notice counts the rest.
pub const MAX_DIAGNOSTICS: usize = 200;

/// At most this many lines are kept in [`PolicyReport::lines`] for display.
pub const MAX_LINES: usize = 5_000;

/// The policy mode (RFC 8461 §5), in the RFC's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Senders refuse to deliver unless an MX matches and presents a valid certificate.
    Enforce,
    /// Senders check and report, but deliver anyway.
    Testing,
    /// Senders treat the domain as having no policy.
    None,
}

impl Mode {
    /// The value as written in a policy.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Testing => "testing",
            Mode::None => "none",
        }
    }

    fn parse(value: &str) -> Option<Mode> {
        match value {
            "enforce" => Some(Mode::Enforce),
            "testing" => Some(Mode::Testing),
            "none" => Some(Mode::None),
            _ => None,
        }
    }
}

/// One located problem or remark about a policy or record, ready to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The catalogue code; the same code appears in the report's findings.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// A short title for this case.
    pub title: String,
    /// One or two sentences about this case.
    pub message: String,
    /// 1-based line in the input. For a DNS record it is the record's line.
    pub line: u32,
    /// 1-based column, in characters. In a policy it counts on the input line; in a DNS record
    /// it counts in the record's joined TXT value.
    pub column: u32,
    /// How many characters to highlight from `column` (0 for a point, e.g. a missing field).
    pub length: u32,
    /// For JSON reports: the JSON Pointer of the value concerned (RFC 6901).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// How the policy's lines end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineEndings {
    /// LF only.
    Lf,
    /// CRLF only.
    Crlf,
    /// LF and CRLF mixed (valid, erratum 6253).
    Mixed,
    /// Bare CR somewhere (invalid).
    CrOnly,
    /// A single line without a terminator.
    None,
}

/// What a line of the pasted input is, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineRole {
    /// The HTTP status line of a pasted `curl -i` response.
    HttpStatus,
    /// An HTTP header line.
    HttpHeader,
    /// The empty line between HTTP headers and the body.
    HttpSeparator,
    /// A known policy field (version, mode, mx, max_age).
    Field,
    /// An extension field.
    Extension,
    /// An empty or whitespace-only line in the body.
    Blank,
    /// A body line that is not a field.
    Invalid,
}

/// One line of the pasted input with its role, so a page can show the policy with highlights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyLine {
    /// 1-based line number in the input.
    pub line: u32,
    /// The line as written, without its line ending.
    pub text: String,
    /// What the line is.
    pub role: LineRole,
    /// For fields: the key as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// For fields: the value as read (without surrounding whitespace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// An extension field (an unknown key, which senders ignore).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
    /// 1-based line in the input (or 0 in a DNS record).
    pub line: u32,
}

/// One header of an HTTP response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpHeader {
    /// The name as written.
    pub name: String,
    /// The value, trimmed.
    pub value: String,
    /// 1-based line in the input.
    pub line: u32,
}

/// An HTTP response head, as printed by `curl -i`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpResponse {
    /// The status line as written, e.g. `HTTP/2 200`.
    pub status_line: String,
    /// 1-based line of the status line.
    pub line: u32,
    /// The status code, when readable.
    pub status: Option<u16>,
    /// The headers in order.
    pub headers: Vec<HttpHeader>,
}

impl HttpResponse {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&HttpHeader> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
    }
}

/// Whether a requirement of the fetch was seen to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    /// The inputs show it is met.
    Met,
    /// The inputs show it is not met.
    Failed,
    /// The inputs don't show it either way.
    NotShown,
}

/// One requirement with what the inputs show about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The requirement, in one sentence.
    pub rule: String,
    /// What the inputs show.
    pub status: CheckStatus,
    /// Why, for this case.
    pub detail: String,
    /// The standard behind it, e.g. `RFC 8461 §3.3`.
    pub reference: String,
}

/// What the policy fetch must look like (RFC 8461 §3.3), checked against a pasted `curl -i` head.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fetch {
    /// `https://mta-sts.<domain>/.well-known/mta-sts.txt`, when the domain is known.
    pub url: Option<String>,
    /// The requirements.
    pub checks: Vec<Check>,
}

/// Whether one MX host matches the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MxCoverage {
    /// The MX host.
    pub host: String,
    /// Where the host name came from.
    pub source: MxSource,
    /// The first mx pattern that matches it, if any.
    pub covered_by: Option<String>,
}

/// An MTA-STS policy as read and judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyReport {
    /// Index of the input it came from.
    pub input: usize,
    /// True when no diagnostic is critical: senders following RFC 8461 accept it.
    pub valid: bool,
    /// The first `version` value.
    pub version: Option<String>,
    /// The first valid `mode`.
    pub mode: Option<Mode>,
    /// The first valid `max_age`, in seconds.
    pub max_age: Option<u64>,
    /// The `mx` patterns in order, as written (trimmed).
    pub mx: Vec<String>,
    /// Extension fields.
    pub extensions: Vec<Extension>,
    /// SHA-256 of the policy body bytes, lower-case hex: changes with every edit.
    pub sha256: String,
    /// The body size in bytes.
    pub body_bytes: usize,
    /// The 1-based input line where the body starts (after any HTTP response head).
    pub body_line: u32,
    /// How the body's lines end.
    pub line_endings: LineEndings,
    /// Every input line with its role (at most [`MAX_LINES`]).
    pub lines: Vec<PolicyLine>,
    /// True when `lines` was cut at [`MAX_LINES`].
    pub lines_truncated: bool,
    /// Located diagnostics, in input order, then the recommendations.
    pub diagnostics: Vec<Diagnostic>,
    /// The HTTP response head(s), when the paste included them (`curl -sSi`; more than one with
    /// `-L`).
    pub http: Vec<HttpResponse>,
    /// What the HTTPS fetch must look like, with what the paste shows.
    pub fetch: Fetch,
    /// Each known MX host against the mx patterns.
    pub mx_coverage: Vec<MxCoverage>,
    /// For testing mode: what is known about switching to enforce.
    pub readiness: Vec<Check>,
    /// The id of a pasted `_mta-sts` TXT record, shown next to `sha256`.
    pub txt_id: Option<String>,
}

/// An `_mta-sts` TXT record as read and judged (RFC 8461 §3.1).
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
    /// True when senders accept the record (begins with `v=STSv1;`, has a valid id, no syntax
    /// error).
    pub valid: bool,
    /// True when senders discard it because it doesn't begin with `v=STSv1;`.
    pub discarded: bool,
    /// The first `id`.
    pub id: Option<String>,
    /// Extension fields.
    pub extensions: Vec<Extension>,
    /// Diagnostics; columns count in `value`.
    pub diagnostics: Vec<Diagnostic>,
    /// SHA-256 of a pasted policy body, shown next to the id.
    pub policy_sha256: Option<String>,
}

/// What other inputs show, for the testing → enforce readiness list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Whether a pasted `_smtp._tls` record is valid (None: none pasted).
    pub tls_rpt_record: Option<bool>,
    /// The number of failed sessions under `sts` policies in pasted TLS-RPT reports (None: no
    /// reports).
    pub sts_report_failures: Option<u64>,
    /// Whether pasted `openssl s_client` transcripts verified (None: none pasted).
    pub certificate_verified: Option<bool>,
}

/// Reads a policy as pasted: the body alone, or a `curl -sSi` response (status line, headers, a
/// blank line, the body). `input` is the input's index, for locations. Never fails.
///
/// RFC 8461 §3.2 (with erratum 6253 for line endings); §3.3 for the HTTP response.
pub fn read_policy(text: &str, input: usize) -> PolicyReport {
    let mut reader = PolicyReader::new(input);
    let physical = physical_lines(text);
    let body_index = reader.read_http(&physical);
    let body_offset = physical.get(body_index).map_or(text.len(), |l| l.offset);
    let body = text.get(body_offset..).unwrap_or_default();
    reader.report.sha256 = hex(&Sha256::digest(body.as_bytes()));
    reader.report.body_bytes = body.len();
    reader.report.body_line = physical
        .get(body_index)
        .map_or(u32_of(physical.len() + 1), |l| l.number);
    reader.read_body(physical.get(body_index..).unwrap_or_default(), body);
    reader.finish()
}

/// Reads the value of an `_mta-sts` TXT record (strings already joined). The caller fills in
/// `input`, `line` and `owner`. Never fails. RFC 8461 §3.1.
pub fn read_record(value: &str) -> RecordReport {
    let mut record = RecordReport {
        input: 0,
        line: 0,
        owner: None,
        value: value.to_string(),
        valid: false,
        discarded: false,
        id: None,
        extensions: Vec::new(),
        diagnostics: Vec::new(),
        policy_sha256: None,
    };
    let mut out = Vec::new();
    let Some(start) = record_version(value, &mut out, &mut record.discarded) else {
        record.discarded = true;
        record.diagnostics = out;
        return record;
    };
    let fields = read_fields(value, start, &mut out, &words::MTA_STS_TXT_SYNTAX);
    for field in fields {
        if field.name == "id" {
            if record.id.is_some() {
                out.push(diag(
                    &words::MTA_STS_TXT_DUPLICATE_FIELD,
                    "Duplicate id",
                    format!(
                        "A second id (\u{201c}{}\u{201d}) is ignored; the first one counts.",
                        field.value
                    ),
                    field.column,
                    field.length,
                ));
                continue;
            }
            if field.value.is_empty()
                || field.value.len() > 32
                || !field.value.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                out.push(diag(
                    &words::MTA_STS_TXT_ID_INVALID,
                    "Invalid id",
                    format!(
                        "The id \u{201c}{}\u{201d} is {}; it must be 1 to 32 letters and digits.",
                        field.value,
                        if field.value.is_empty() {
                            "empty".to_string()
                        } else if field.value.len() > 32 {
                            format!("{} characters long", field.value.chars().count())
                        } else {
                            "not only letters and digits".to_string()
                        }
                    ),
                    field.value_column,
                    u32_of(field.value.chars().count().max(1)),
                ));
            }
            record.id = Some(field.value.clone());
        } else {
            if !is_txt_ext_value(&field.value) {
                out.push(diag(
                    &words::MTA_STS_TXT_SYNTAX,
                    "Invalid extension value",
                    format!(
                        "The value of \u{201c}{}\u{201d} is {}; extension values are one or \
                         more printable characters other than \u{201c};\u{201d} and \
                         \u{201c}=\u{201d}.",
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
    if record.id.is_none() {
        out.push(diag(
            &words::MTA_STS_TXT_ID_MISSING,
            "No id",
            "The record has no id field, so it is invalid.".to_string(),
            u32_of(value.chars().count() + 1),
            0,
        ));
    }
    record.diagnostics = out;
    record.valid = !record.discarded
        && !record
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Critical);
    record
}

/// Whether an `mx` pattern covers a host name (RFC 8461 §4.1): case-insensitive, trailing dots
/// ignored; `*.example.com` covers exactly one extra leftmost label (`mx.example.com`, not
/// `example.com` or `a.b.example.com`). A pattern with a `*` anywhere else covers nothing.
pub fn pattern_covers(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    if host.is_empty() || pattern.is_empty() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(base) => {
            if base.contains('*') || base.is_empty() {
                return false;
            }
            host.strip_suffix(base)
                .and_then(|head| head.strip_suffix('.'))
                .is_some_and(|label| !label.is_empty() && !label.contains('.'))
        }
        None => !pattern.contains('*') && pattern == host,
    }
}

/// The policy URL for a domain: `https://mta-sts.<domain>/.well-known/mta-sts.txt` (§3.3).
pub fn policy_url(domain: &str) -> String {
    format!("https://mta-sts.{domain}/.well-known/mta-sts.txt")
}

/// Judges the policies and `_mta-sts` records against the context and each other: MX coverage,
/// recommendations, the fetch explanation, readiness for enforce, and the TXT id next to the
/// policy hash. Returns the findings (every diagnostic becomes one, with the same code).
pub fn judge(
    policies: &mut [PolicyReport],
    records: &mut [RecordReport],
    context: &Context,
    evidence: &Evidence,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    judge_records(records, &mut findings);
    let txt_id = records.iter().find(|r| r.valid).and_then(|r| r.id.clone());
    let first_sha = policies.first().map(|p| p.sha256.clone());
    for record in records.iter_mut() {
        record.policy_sha256.clone_from(&first_sha);
    }
    for policy in policies.iter_mut() {
        policy.txt_id.clone_from(&txt_id);
        recommend(policy);
        explain_fetch(policy, context);
        cover(policy, context);
        readiness(policy, context, evidence);
        policy_findings(policy, context, &mut findings);
    }
    findings
}

/// Turns a diagnostic into a finding located in `input`, with the catalogue's words.
pub(crate) fn finding_of(diagnostic: &Diagnostic, input: usize, line_text: &str) -> Finding {
    let entry = catalog::find(&diagnostic.code).unwrap_or(&words::MTA_STS_TOO_MANY_PROBLEMS);
    Finding::new(entry)
        .titled(diagnostic.title.clone())
        .specific(&diagnostic.message)
        .with_severity(diagnostic.severity)
        .at(Location {
            input,
            line: diagnostic.line,
            column: diagnostic.column,
            excerpt: excerpt(line_text, 160),
        })
}

/// A diagnostic with the entry's code and severity. Control characters echoed from the input
/// are shown as their Unicode control pictures (U+2400…), so messages stay printable.
pub(crate) fn diag(
    entry: &Entry,
    title: impl Into<String>,
    message: String,
    column: u32,
    length: u32,
) -> Diagnostic {
    let printable = |text: String| {
        if text.chars().any(char::is_control) {
            text.chars()
                .map(|c| match u32::from(c) {
                    n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
                    0x7f => '\u{2421}',
                    _ if c.is_control() => '\u{fffd}',
                    _ => c,
                })
                .collect()
        } else {
            text
        }
    };
    Diagnostic {
        code: entry.code.to_string(),
        severity: entry.severity,
        title: printable(title.into()),
        message: printable(message),
        line: 0,
        column,
        length,
        path: None,
    }
}

/// One `name=value` field of a TXT record (MTA-STS or TLS-RPT).
pub(crate) struct TxtField {
    pub(crate) name: String,
    pub(crate) value: String,
    /// 1-based column of the name in the record value.
    pub(crate) column: u32,
    /// Characters from the name to the end of the value.
    pub(crate) length: u32,
    /// 1-based column of the value.
    pub(crate) value_column: u32,
}

/// Reads the `field *(*WSP ";" *WSP field) [*WSP ";" *WSP]` list that follows the version in
/// both RFC 8461 §3.1 and RFC 8460 §3, starting at byte `start` of `value` (just after the first
/// `;`). Field names are 1 to 32 of ALPHA / DIGIT / `_-.`, starting with a letter or digit; a
/// value is everything up to the next `;` (the caller checks it). Problems get `syntax`'s code.
pub(crate) fn read_fields(
    value: &str,
    start: usize,
    out: &mut Vec<Diagnostic>,
    syntax: &'static Entry,
) -> Vec<TxtField> {
    let mut fields = Vec::new();
    let column_at = |byte: usize| u32_of(value.get(..byte).map_or(0, |s| s.chars().count()) + 1);
    let mut offset = start;
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    for piece in value.get(start..).unwrap_or_default().split(';') {
        pieces.push((offset, piece));
        offset += piece.len() + 1;
    }
    let count = pieces.len();
    for (index, (at, piece)) in pieces.into_iter().enumerate() {
        let trimmed = piece.trim_matches([' ', '\t']);
        let lead = piece.len() - piece.trim_start_matches([' ', '\t']).len();
        let field_at = at + lead;
        let last = index + 1 == count;
        if trimmed.is_empty() {
            // A final `;` (with optional whitespace after it) is allowed; an empty field
            // between two semicolons is not.
            if !last {
                out.push(diag(
                    syntax,
                    "Extra semicolon",
                    "Two semicolons with no field between them.".to_string(),
                    column_at(at + piece.len()),
                    1,
                ));
            } else if !piece.is_empty() && index == 0 {
                // `v=STSv1; ` with nothing after: fine, the caller reports the missing field.
            }
            continue;
        }
        if last && piece.ends_with([' ', '\t']) {
            // The grammar allows whitespace only around a `;`. Most parsers trim it, some
            // (mox's MTA-STS parser) reject the record: a risk, not a certain failure.
            out.push(Diagnostic {
                severity: Severity::Warning,
                ..diag(
                    syntax,
                    "Trailing whitespace",
                    "Whitespace after the last field is allowed only before a semicolon; \
                     strict parsers reject the record because of it."
                        .to_string(),
                    column_at(field_at + trimmed.len()),
                    u32_of(piece.len() - lead - trimmed.len()),
                )
            });
        }
        let Some((name, field_value)) = trimmed.split_once('=') else {
            out.push(diag(
                syntax,
                "Field without =",
                format!(
                    "\u{201c}{}\u{201d} is not a name=value field.",
                    excerpt(trimmed, 40)
                ),
                column_at(field_at),
                u32_of(trimmed.chars().count()),
            ));
            continue;
        };
        if !is_field_name(name) {
            out.push(diag(
                syntax,
                "Invalid field name",
                format!(
                    "\u{201c}{}\u{201d} is not a valid field name: 1 to 32 letters, digits, \
                     \u{201c}_\u{201d}, \u{201c}-\u{201d} or \u{201c}.\u{201d}, starting with a \
                     letter or digit.",
                    excerpt(name, 40)
                ),
                column_at(field_at),
                u32_of(name.chars().count().max(1)),
            ));
            continue;
        }
        let value_at = field_at + name.len() + 1;
        fields.push(TxtField {
            name: name.to_string(),
            value: field_value.to_string(),
            column: column_at(field_at),
            length: u32_of(trimmed.chars().count()),
            value_column: column_at(value_at),
        });
    }
    fields
}

/// True when `value` is a valid extension value for a TXT record: one or more of VCHAR except
/// `;` and `=` (RFC 8461 §3.1 `sts-ext-value`, RFC 8460 §3 `tlsrpt-ext-value`).
pub(crate) fn is_txt_ext_value(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| (0x21..=0x7e).contains(&b) && b != b';' && b != b'=')
}

/// True for `(ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")`.
pub(crate) fn is_field_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && name.len() <= 32
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The optimal string alignment distance (Levenshtein plus adjacent swaps), for typo hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        if let Some(cell) = d.get_mut(at(i, 0)) {
            *cell = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(cell) = d.get_mut(at(0, j)) {
            *cell = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a.get(i - 1) != b.get(j - 1));
            let get = |i: usize, j: usize| d.get(at(i, j)).copied().unwrap_or(usize::MAX / 2);
            let mut best = (get(i - 1, j) + 1)
                .min(get(i, j - 1) + 1)
                .min(get(i - 1, j - 1) + cost);
            if i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1) {
                best = best.min(get(i - 2, j - 2) + 1);
            }
            if let Some(cell) = d.get_mut(at(i, j)) {
                *cell = best;
            }
        }
    }
    d.get(at(a.len(), b.len())).copied().unwrap_or(usize::MAX)
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A count as u32, saturating.
pub(crate) fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// The TXT record.

/// Checks the record's start. Returns the byte offset where the field list begins when the
/// record is (meant as) an MTA-STS record, with diagnostics for near misses; None for records
/// that aren't MTA-STS at all.
fn record_version(value: &str, out: &mut Vec<Diagnostic>, discarded: &mut bool) -> Option<usize> {
    const VERSION: &str = "v=STSv1";
    if let Some(rest) = value.strip_prefix(VERSION) {
        if rest.starts_with(';') {
            return Some(VERSION.len() + 1);
        }
        if rest.is_empty() {
            *discarded = true;
            out.push(diag(
                &words::MTA_STS_TXT_VERSION,
                "Record ends after v=STSv1",
                "The record is only \u{201c}v=STSv1\u{201d}: it lacks the \u{201c};\u{201d} \
                 and the id, so senders discard it."
                    .to_string(),
                1,
                7,
            ));
            return Some(value.len());
        }
        let trimmed = rest.trim_start_matches([' ', '\t']);
        if let Some(after) = trimmed.strip_prefix(';') {
            out.push(diag(
                &words::MTA_STS_TXT_SPACE_BEFORE_SEMICOLON,
                "Space before the semicolon",
                "The record begins \u{201c}v=STSv1 ;\u{201d}; write \u{201c}v=STSv1;\u{201d}."
                    .to_string(),
                8,
                u32_of(rest.len() - trimmed.len()),
            ));
            return Some(value.len() - after.len());
        }
        if trimmed.len() != rest.len() {
            *discarded = true;
            out.push(diag(
                &words::MTA_STS_TXT_VERSION,
                "No semicolon after v=STSv1",
                format!(
                    "\u{201c}v=STSv1\u{201d} is followed by \u{201c}{}\u{201d} without a \
                     \u{201c};\u{201d}, so the record doesn't begin with \u{201c}v=STSv1;\u{201d} \
                     and senders discard it.",
                    excerpt(trimmed, 20)
                ),
                8,
                1,
            ));
            return Some(value.len() - trimmed.len());
        }
        // `v=STSv10`, `v=STSv1x`: another version; fall through.
    }
    // Near misses: other case, other version, `v-`, spaces around `=`.
    let lower = value.to_ascii_lowercase();
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let near = squeezed.starts_with("v=sts") || squeezed.starts_with("v-sts");
    if !near {
        out.push(diag(
            &words::MTA_STS_TXT_NOT_STS,
            "Not an MTA-STS record",
            if value.trim().is_empty() {
                "The TXT record is empty, so senders ignore it.".to_string()
            } else {
                format!(
                    "\u{201c}{}\u{201d} doesn't begin with \u{201c}v=STSv1;\u{201d}, so \
                     senders ignore it.",
                    excerpt(value, 40)
                )
            },
            1,
            u32_of(value.chars().count().min(40)),
        ));
        return None;
    }
    *discarded = true;
    let spaced = value.get(..3).is_some_and(|s| s.contains([' ', '\t']))
        || value.trim_start().starts_with("v =");
    let version_end = if spaced {
        // `v = STSv1;`: the version token ends at the first semicolon.
        value.find(';').unwrap_or(value.len())
    } else {
        value.find([';', ' ', '\t']).unwrap_or(value.len())
    };
    let written = value.get(..version_end).unwrap_or(value).trim_end();
    let reason = if squeezed.starts_with("v-") {
        "uses \u{201c}-\u{201d} instead of \u{201c}=\u{201d}".to_string()
    } else if spaced {
        "has spaces around \u{201c}=\u{201d}".to_string()
    } else if written.eq_ignore_ascii_case(VERSION) {
        "has the wrong letter case; \u{201c}v=STSv1\u{201d} is case-sensitive".to_string()
    } else {
        format!(
            "names version \u{201c}{}\u{201d}; the only version is STSv1",
            written.get(2..).unwrap_or(written)
        )
    };
    out.push(diag(
        &words::MTA_STS_TXT_VERSION,
        "Record doesn't begin with v=STSv1;",
        format!(
            "The record begins \u{201c}{}\u{201d}, which {reason}, so senders discard it.",
            excerpt(written, 20)
        ),
        1,
        u32_of(written.chars().count()),
    ));
    // Read the rest for other mistakes.
    let rest = value.get(version_end..).unwrap_or_default();
    let after = rest.trim_start_matches([' ', '\t']);
    Some(value.len() - after.strip_prefix(';').unwrap_or(after).len())
}

// ---------------------------------------------------------------------------------------------
// The policy file.

/// A physical line: split on LF only, with one CR before the LF removed.
struct Physical<'a> {
    number: u32,
    /// Byte offset of the line in the text.
    offset: usize,
    text: &'a str,
    /// The line ended with CRLF (true) or LF (false); None for the last, unterminated line.
    crlf: Option<bool>,
}

fn physical_lines(text: &str) -> Vec<Physical<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut number = 1u32;
    let mut rest = text;
    loop {
        match rest.find('\n') {
            Some(i) => {
                let raw = rest.get(..i).unwrap_or_default();
                let (line, crlf) = match raw.strip_suffix('\r') {
                    Some(l) => (l, true),
                    None => (raw, false),
                };
                out.push(Physical {
                    number,
                    offset,
                    text: line,
                    crlf: Some(crlf),
                });
                offset += i + 1;
                rest = rest.get(i + 1..).unwrap_or_default();
                number = number.saturating_add(1);
            }
            None => {
                if !rest.is_empty() {
                    out.push(Physical {
                        number,
                        offset,
                        text: rest,
                        crlf: None,
                    });
                }
                break;
            }
        }
    }
    out
}

struct PolicyReader {
    report: PolicyReport,
    /// Keys seen, with the line of their first occurrence.
    seen: Vec<(String, u32)>,
    /// Unknown keys that look like a misspelt known key: (suggested key, line, column, length).
    typos: Vec<(String, u32, u32, u32)>,
    dropped: usize,
}

impl PolicyReader {
    fn new(input: usize) -> PolicyReader {
        PolicyReader {
            report: PolicyReport {
                input,
                valid: false,
                version: None,
                mode: None,
                max_age: None,
                mx: Vec::new(),
                extensions: Vec::new(),
                sha256: String::new(),
                body_bytes: 0,
                body_line: 1,
                line_endings: LineEndings::None,
                lines: Vec::new(),
                lines_truncated: false,
                diagnostics: Vec::new(),
                http: Vec::new(),
                fetch: Fetch::default(),
                mx_coverage: Vec::new(),
                readiness: Vec::new(),
                txt_id: None,
            },
            seen: Vec::new(),
            typos: Vec::new(),
            dropped: 0,
        }
    }

    fn push(&mut self, line: u32, mut d: Diagnostic) {
        if self.report.diagnostics.len() >= MAX_DIAGNOSTICS {
            self.dropped += 1;
            return;
        }
        d.line = line;
        self.report.diagnostics.push(d);
    }

    fn add_line(&mut self, line: PolicyLine) {
        if self.report.lines.len() >= MAX_LINES {
            self.report.lines_truncated = true;
            return;
        }
        self.report.lines.push(line);
    }

    /// Reads `curl -i` response heads at the top. Returns the index of the first body line.
    fn read_http(&mut self, lines: &[Physical<'_>]) -> usize {
        let mut index = 0;
        while let Some(status) = lines.get(index).filter(|l| is_status_line(l.text)) {
            let mut response = HttpResponse {
                status_line: status.text.to_string(),
                line: status.number,
                status: status
                    .text
                    .split_whitespace()
                    .nth(1)
                    .and_then(|s| s.parse::<u16>().ok()),
                headers: Vec::new(),
            };
            self.add_line(PolicyLine {
                line: status.number,
                text: status.text.to_string(),
                role: LineRole::HttpStatus,
                key: None,
                value: None,
            });
            index += 1;
            while let Some(header) = lines.get(index) {
                index += 1;
                if header.text.trim().is_empty() {
                    self.add_line(PolicyLine {
                        line: header.number,
                        text: header.text.to_string(),
                        role: LineRole::HttpSeparator,
                        key: None,
                        value: None,
                    });
                    break;
                }
                let (name, value) = header.text.split_once(':').unwrap_or((header.text, ""));
                response.headers.push(HttpHeader {
                    name: name.trim().to_string(),
                    value: value.trim().to_string(),
                    line: header.number,
                });
                self.add_line(PolicyLine {
                    line: header.number,
                    text: header.text.to_string(),
                    role: LineRole::HttpHeader,
                    key: Some(name.trim().to_string()),
                    value: Some(value.trim().to_string()),
                });
            }
            self.report.http.push(response);
        }
        index
    }

    fn read_body(&mut self, lines: &[Physical<'_>], body: &str) {
        self.report.line_endings = line_endings(lines, body);
        if body.trim().is_empty() {
            let line = lines.first().map_or(self.report.body_line, |l| l.number);
            self.push(
                line,
                diag(
                    &words::MTA_STS_POLICY_EMPTY,
                    words::MTA_STS_POLICY_EMPTY.title,
                    "There is no policy text.".to_string(),
                    1,
                    0,
                ),
            );
            for l in lines {
                self.add_line(PolicyLine {
                    line: l.number,
                    text: l.text.to_string(),
                    role: LineRole::Blank,
                    key: None,
                    value: None,
                });
            }
            return;
        }
        let first_visible = body.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if first_visible.starts_with('<') {
            let line = lines
                .iter()
                .find(|l| !l.text.trim().is_empty())
                .map_or(self.report.body_line, |l| l.number);
            self.push(
                line,
                diag(
                    &words::MTA_STS_LOOKS_LIKE_HTML,
                    words::MTA_STS_LOOKS_LIKE_HTML.title,
                    format!(
                        "The body begins \u{201c}{}\u{201d}: markup, not a policy.",
                        excerpt(first_visible.lines().next().unwrap_or_default(), 40)
                    ),
                    1,
                    u32_of(
                        first_visible
                            .lines()
                            .next()
                            .map_or(1, |l| l.chars().count()),
                    ),
                ),
            );
            for l in lines {
                self.add_line(PolicyLine {
                    line: l.number,
                    text: l.text.to_string(),
                    role: LineRole::Invalid,
                    key: None,
                    value: None,
                });
            }
            return;
        }
        if body.len() > POLICY_SIZE_LIMIT {
            self.push(
                self.report.body_line,
                diag(
                    &words::MTA_STS_TOO_LARGE,
                    words::MTA_STS_TOO_LARGE.title,
                    format!(
                        "The body is {} bytes; senders may refuse policies over {} bytes.",
                        body.len(),
                        POLICY_SIZE_LIMIT
                    ),
                    1,
                    0,
                ),
            );
        }
        let last = lines.len().saturating_sub(1);
        for (index, physical) in lines.iter().enumerate() {
            // Bare CRs split the line into segments that senders see as one line.
            let segments: Vec<&str> = physical.text.split('\r').collect();
            if segments.len() > 1 {
                let column = physical
                    .text
                    .find('\r')
                    .map_or(1, |b| char_column(physical.text, b));
                self.push(
                    physical.number,
                    diag(
                        &words::MTA_STS_CR_LINE_ENDING,
                        words::MTA_STS_CR_LINE_ENDING.title,
                        format!(
                            "This line contains {} carriage return(s) not followed by a line \
                             feed; senders read it as a single line.",
                            segments.len() - 1
                        ),
                        column,
                        1,
                    ),
                );
            }
            let mut role = None;
            let mut key = None;
            let mut value = None;
            let mut byte = 0;
            let segment_count = segments.len();
            for (s, segment) in segments.into_iter().enumerate() {
                let column = char_column(physical.text, byte);
                byte += segment.len() + 1;
                // The empty piece after a final bare CR of an unterminated last line is no line.
                let is_last =
                    index == last && s > 0 && s + 1 == segment_count && physical.crlf.is_none();
                let first_in_body = index == 0 && s == 0;
                let (r, k, v) =
                    self.read_segment(physical.number, column, segment, first_in_body, is_last);
                if role.is_none() || r != LineRole::Blank {
                    role = Some(r);
                    if k.is_some() {
                        key = k;
                        value = v;
                    }
                }
            }
            self.add_line(PolicyLine {
                line: physical.number,
                text: physical.text.to_string(),
                role: role.unwrap_or(LineRole::Blank),
                key,
                value,
            });
        }
    }

    /// Reads one `key: value` segment. Returns its role and, for fields, key and value.
    fn read_segment(
        &mut self,
        line: u32,
        column: u32,
        segment: &str,
        first_in_body: bool,
        is_last: bool,
    ) -> (LineRole, Option<String>, Option<String>) {
        let mut text = segment;
        let mut column = column;
        if first_in_body {
            if let Some(rest) = text.strip_prefix('\u{feff}') {
                self.push(
                    line,
                    diag(
                        &words::MTA_STS_BOM,
                        words::MTA_STS_BOM.title,
                        "The first line starts with U+FEFF, the byte order mark.".to_string(),
                        column,
                        1,
                    ),
                );
                text = rest;
                column += 1;
            }
        }
        if text.trim_matches([' ', '\t']).is_empty() {
            // An empty final segment is the text ending without a line break after a CR; a
            // whitespace-only last line is still a blank line.
            if !(is_last && text.is_empty()) {
                self.push(
                    line,
                    diag(
                        &words::MTA_STS_BLANK_LINE,
                        words::MTA_STS_BLANK_LINE.title,
                        if text.is_empty() {
                            "This line is empty.".to_string()
                        } else {
                            "This line holds only whitespace.".to_string()
                        },
                        column,
                        u32_of(text.chars().count()),
                    ),
                );
            }
            return (LineRole::Blank, None, None);
        }
        let stripped = text.trim_start_matches([' ', '\t']);
        if stripped.len() != text.len() {
            let width = u32_of(text.len() - stripped.len());
            self.push(
                line,
                diag(
                    &words::MTA_STS_LEADING_WHITESPACE,
                    words::MTA_STS_LEADING_WHITESPACE.title,
                    "The line starts with whitespace before its key.".to_string(),
                    column,
                    width,
                ),
            );
            column += width;
            text = stripped;
        }
        if let Some((byte, c)) = text
            .char_indices()
            .find(|(_, c)| c.is_control() && *c != '\t')
        {
            self.push(
                line,
                diag(
                    &words::MTA_STS_INVALID_CHARACTER,
                    words::MTA_STS_INVALID_CHARACTER.title,
                    format!(
                        "The line contains the control character U+{:04X}.",
                        u32::from(c)
                    ),
                    column + char_column(text, byte) - 1,
                    1,
                ),
            );
        }
        let Some(colon) = text.find(':') else {
            let first = text.split_whitespace().next().unwrap_or_default();
            let hint = if KNOWN_KEYS.contains(&first) {
                // Point the missing-field error at this line.
                self.typos.push((
                    first.to_string(),
                    line,
                    column,
                    u32_of(first.chars().count()),
                ));
                format!(" Did you mean \u{201c}{first}: \u{2026}\u{201d}?")
            } else {
                String::new()
            };
            self.push(
                line,
                diag(
                    &words::MTA_STS_LINE_NOT_FIELD,
                    words::MTA_STS_LINE_NOT_FIELD.title,
                    format!("\u{201c}{}\u{201d} has no colon.{hint}", excerpt(text, 60)),
                    column,
                    u32_of(text.chars().count()),
                ),
            );
            return (LineRole::Invalid, None, None);
        };
        let raw_key = text.get(..colon).unwrap_or_default();
        let key = raw_key.trim_end_matches([' ', '\t']);
        if key.len() != raw_key.len() {
            self.push(
                line,
                diag(
                    &words::MTA_STS_SPACE_BEFORE_COLON,
                    words::MTA_STS_SPACE_BEFORE_COLON.title,
                    format!("\u{201c}{raw_key}:\u{201d} has whitespace before the colon."),
                    column + u32_of(key.chars().count()),
                    u32_of(raw_key.len() - key.len()),
                ),
            );
        }
        let after = text.get(colon + 1..).unwrap_or_default();
        let value_lead = after.len() - after.trim_start_matches([' ', '\t']).len();
        let value = after.trim_matches([' ', '\t']);
        let value_column = column + u32_of(raw_key.chars().count()) + 1 + u32_of(value_lead);
        let value_length = u32_of(value.chars().count());
        if !is_field_name(key) {
            self.push(
                line,
                diag(
                    &words::MTA_STS_BAD_KEY,
                    words::MTA_STS_BAD_KEY.title,
                    format!(
                        "\u{201c}{}\u{201d} is not a valid key: it must start with a letter or \
                         digit and have at most 32 letters, digits, \u{201c}_\u{201d}, \
                         \u{201c}-\u{201d} or \u{201c}.\u{201d}.",
                        excerpt(key, 40)
                    ),
                    column,
                    u32_of(key.chars().count().max(1)),
                ),
            );
            return (
                LineRole::Invalid,
                Some(key.to_string()),
                Some(value.to_string()),
            );
        }
        let duplicate = self
            .seen
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, l)| *l)
            .filter(|_| key != "mx");
        if self.seen.iter().all(|(k, _)| k != key) {
            self.seen.push((key.to_string(), line));
        }
        if let Some(first_line) = duplicate {
            if KNOWN_KEYS.contains(&key) {
                self.push(
                    line,
                    diag(
                        &words::MTA_STS_DUPLICATE_FIELD,
                        format!("Duplicate {key} field"),
                        format!(
                            "\u{201c}{key}: {}\u{201d} is ignored: senders use the first {key} \
                             (line {first_line}).",
                            excerpt(value, 40)
                        ),
                        column,
                        u32_of(text.chars().count()),
                    ),
                );
                return (
                    LineRole::Field,
                    Some(key.to_string()),
                    Some(value.to_string()),
                );
            }
        }
        let role = match key {
            "version" => {
                if value != "STSv1" {
                    let hint = if value.eq_ignore_ascii_case("stsv1") {
                        " The value is case-sensitive."
                    } else {
                        ""
                    };
                    self.push(
                        line,
                        diag(
                            &words::MTA_STS_VERSION_INVALID,
                            words::MTA_STS_VERSION_INVALID.title,
                            format!(
                                "The version is \u{201c}{}\u{201d}; it must be \u{201c}STSv1\u{201d}.{hint}",
                                excerpt(value, 40)
                            ),
                            value_column,
                            value_length.max(1),
                        ),
                    );
                }
                self.report.version = Some(value.to_string());
                LineRole::Field
            }
            "mode" => {
                match Mode::parse(value) {
                    Some(mode) => self.report.mode = Some(mode),
                    None => {
                        let hint = suggest(value, &["enforce", "testing", "none"], 2)
                            .map(|s| format!(" Did you mean \u{201c}{s}\u{201d}?"))
                            .unwrap_or_default();
                        self.push(
                            line,
                            diag(
                                &words::MTA_STS_MODE_INVALID,
                                words::MTA_STS_MODE_INVALID.title,
                                format!(
                                    "The mode is \u{201c}{}\u{201d}; it must be enforce, testing \
                                     or none (lower case).{hint}",
                                    excerpt(value, 40)
                                ),
                                value_column,
                                value_length.max(1),
                            ),
                        );
                    }
                }
                LineRole::Field
            }
            "max_age" => {
                self.read_max_age(line, value, value_column, value_length);
                LineRole::Field
            }
            "mx" => {
                for d in check_mx(value, value_column) {
                    self.push(line, d);
                }
                self.report.mx.push(value.to_string());
                LineRole::Field
            }
            _ => {
                self.read_extension(line, column, key, value, value_column, value_length);
                LineRole::Extension
            }
        };
        (role, Some(key.to_string()), Some(value.to_string()))
    }

    fn read_max_age(&mut self, line: u32, value: &str, column: u32, length: u32) {
        let digits = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
        if !digits || value.len() > 10 {
            let why = if value.is_empty() {
                "max_age is empty".to_string()
            } else if digits {
                format!(
                    "\u{201c}{value}\u{201d} has {} digits; at most 10 are allowed",
                    value.len()
                )
            } else {
                format!(
                    "\u{201c}{}\u{201d} is not a whole number of seconds",
                    excerpt(value, 40)
                )
            };
            self.push(
                line,
                diag(
                    &words::MTA_STS_MAX_AGE_INVALID,
                    words::MTA_STS_MAX_AGE_INVALID.title,
                    format!("{why}."),
                    column,
                    length.max(1),
                ),
            );
            return;
        }
        let Ok(seconds) = value.parse::<u64>() else {
            return;
        };
        if seconds > MAX_AGE_LIMIT {
            self.push(
                line,
                diag(
                    &words::MTA_STS_MAX_AGE_TOO_LARGE,
                    words::MTA_STS_MAX_AGE_TOO_LARGE.title,
                    format!(
                        "max_age is {seconds} seconds ({}); the maximum is {MAX_AGE_LIMIT} (one \
                         year).",
                        human_duration(seconds)
                    ),
                    column,
                    length,
                ),
            );
        }
        self.report.max_age = Some(seconds);
    }

    fn read_extension(
        &mut self,
        line: u32,
        column: u32,
        key: &str,
        value: &str,
        value_column: u32,
        value_length: u32,
    ) {
        if value.is_empty() {
            self.push(
                line,
                diag(
                    &words::MTA_STS_EMPTY_VALUE,
                    words::MTA_STS_EMPTY_VALUE.title,
                    format!("\u{201c}{key}:\u{201d} has no value."),
                    column,
                    u32_of(key.chars().count() + 1),
                ),
            );
        }
        self.report.extensions.push(Extension {
            key: key.to_string(),
            value: value.to_string(),
            line,
        });
        let normal = key.to_ascii_lowercase().replace(['-', '.'], "_");
        let suggestion = KNOWN_KEYS
            .iter()
            .find(|k| **k == normal)
            .map(|k| k.to_string())
            .or_else(|| {
                KNOWN_KEYS
                    .iter()
                    .filter(|k| {
                        let limit = if k.len() <= 2 { 1 } else { 2 };
                        key.len() >= 2 && edit_distance(&normal, k) <= limit
                    })
                    .min_by_key(|k| edit_distance(&normal, k))
                    .map(|k| k.to_string())
            });
        // A near miss counts as a typo only if the key it resembles is missing; `more:` next to
        // a `mode:` line is an extension.
        // A near miss counts only once per known key, so `Mode:` and `more:` together don't both
        // claim to be the missing `mode`.
        let known_present = |k: &str| {
            self.seen.iter().any(|(s, _)| s == k) || self.typos.iter().any(|(s, ..)| s == k)
        };
        let is_case_variant = suggestion.as_deref() == Some(normal.as_str());
        if let Some(s) = suggestion.filter(|s| is_case_variant || !known_present(s)) {
            let why = if key.eq_ignore_ascii_case(&s) {
                " (keys are case-sensitive)"
            } else {
                ""
            };
            self.typos
                .push((s.clone(), line, column, u32_of(key.chars().count())));
            self.push(
                line,
                diag(
                    &words::MTA_STS_KEY_TYPO,
                    format!("Unknown key \u{201c}{key}\u{201d}, did you mean \u{201c}{s}\u{201d}?"),
                    format!(
                        "\u{201c}{key}\u{201d} is not a policy field{why}, so senders ignore this \
                         line as an extension; did you mean \u{201c}{s}\u{201d}?"
                    ),
                    column,
                    u32_of(key.chars().count()),
                ),
            );
        } else {
            self.push(
                line,
                diag(
                    &words::MTA_STS_UNKNOWN_KEY,
                    format!("Extension field \u{201c}{key}\u{201d}"),
                    format!(
                        "\u{201c}{key}\u{201d} is not a field RFC 8461 defines; senders ignore it."
                    ),
                    column,
                    u32_of(key.chars().count()),
                ),
            );
        }
        let _ = (value_column, value_length);
    }

    fn finish(mut self) -> PolicyReport {
        let html_or_empty = self.report.diagnostics.iter().any(|d| {
            d.code == words::MTA_STS_LOOKS_LIKE_HTML.code
                || d.code == words::MTA_STS_POLICY_EMPTY.code
        });
        if !html_or_empty {
            let missing: Vec<(&Entry, &str, &str)> = [
                (&words::MTA_STS_VERSION_MISSING, "version", "version: STSv1"),
                (&words::MTA_STS_MODE_MISSING, "mode", "mode: testing"),
                (
                    &words::MTA_STS_MAX_AGE_MISSING,
                    "max_age",
                    "max_age: 604800",
                ),
            ]
            .into_iter()
            .filter(|(_, key, _)| self.seen.iter().all(|(k, _)| k != key))
            .collect();
            for (entry, key, example) in missing {
                self.missing(entry, key, example);
            }
            let mx_needed = self.report.mode != Some(Mode::None);
            if mx_needed && self.report.mx.is_empty() {
                self.missing(&words::MTA_STS_MX_MISSING, "mx", "mx: mx1.example.com");
            }
        }
        if self.dropped > 0 {
            let line = self.report.body_line;
            let dropped = self.dropped;
            self.dropped = 0;
            self.report.diagnostics.push(Diagnostic {
                line,
                ..diag(
                    &words::MTA_STS_TOO_MANY_PROBLEMS,
                    words::MTA_STS_TOO_MANY_PROBLEMS.title,
                    format!("{dropped} more problems are not listed."),
                    1,
                    0,
                )
            });
        }
        self.report.valid = !self
            .report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Critical);
        self.report
    }

    /// A missing required field, located at the typo that was probably meant to be it, or at
    /// the start of the body.
    fn missing(&mut self, entry: &'static Entry, key: &str, example: &str) {
        let typo = self.typos.iter().find(|(k, _, _, _)| k == key).cloned();
        let (line, column, length, because) = match typo {
            Some((_, line, column, length)) => (
                line,
                column,
                length,
                format!(" Line {line} was probably meant to be it."),
            ),
            None => (self.report.body_line, 1, 0, String::new()),
        };
        let message = if key == "mx" {
            format!(
                "No \u{201c}mx:\u{201d} line, and the mode is not none.{because} Add e.g. \
                 \u{201c}{example}\u{201d}."
            )
        } else {
            format!("No \u{201c}{key}:\u{201d} line.{because} Add e.g. \u{201c}{example}\u{201d}.")
        };
        self.push(line, diag(entry, entry.title, message, column, length));
    }
}

const KNOWN_KEYS: [&str; 4] = ["version", "mode", "mx", "max_age"];

fn is_status_line(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("HTTP/") else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words
        .next()
        .is_some_and(|v| v.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        && words
            .next()
            .is_some_and(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
}

fn line_endings(lines: &[Physical<'_>], body: &str) -> LineEndings {
    if lines.iter().any(|l| l.text.contains('\r')) {
        return LineEndings::CrOnly;
    }
    let crlf = lines.iter().filter(|l| l.crlf == Some(true)).count();
    let lf = lines.iter().filter(|l| l.crlf == Some(false)).count();
    match (crlf, lf) {
        (0, 0) if body.is_empty() => LineEndings::None,
        (0, 0) => LineEndings::None,
        (_, 0) => LineEndings::Crlf,
        (0, _) => LineEndings::Lf,
        _ => LineEndings::Mixed,
    }
}

/// The 1-based character column of byte offset `byte` in `text`.
fn char_column(text: &str, byte: usize) -> u32 {
    u32_of(text.get(..byte).map_or(0, |s| s.chars().count()) + 1)
}

/// The closest candidate within `limit` edits (or equal ignoring case), if any.
fn suggest<'a>(value: &str, candidates: &[&'a str], limit: usize) -> Option<&'a str> {
    let lower = value.to_ascii_lowercase();
    candidates
        .iter()
        .map(|c| (edit_distance(&lower, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Checks one mx value (`["*."] Domain`, RFC 8461 §3.2 with RFC 5321 §4.1.2's Domain).
fn check_mx(value: &str, column: u32) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let length = u32_of(value.chars().count());
    if value.is_empty() {
        out.push(diag(
            &words::MTA_STS_MX_INVALID,
            "Empty mx pattern",
            "\u{201c}mx:\u{201d} has no host name.".to_string(),
            column,
            0,
        ));
        return out;
    }
    if let Some((byte, c)) = value.char_indices().find(|(_, c)| !c.is_ascii()) {
        out.push(diag(
            &words::MTA_STS_MX_U_LABEL,
            words::MTA_STS_MX_U_LABEL.title,
            format!(
                "\u{201c}{value}\u{201d} contains \u{201c}{c}\u{201d}; write the host name as \
                 A-labels (xn--\u{2026})."
            ),
            column + char_column(value, byte) - 1,
            1,
        ));
        return out;
    }
    if value.starts_with('[') || value.contains(':') {
        out.push(Diagnostic {
            severity: Severity::Critical,
            ..diag(
                &words::MTA_STS_MX_IP_ADDRESS,
                "An mx pattern is an IPv6 address",
                format!(
                    "\u{201c}{value}\u{201d} is an address, not a host name: it is not allowed \
                     here and could never match an MX host."
                ),
                column,
                length,
            )
        });
        return out;
    }
    let unrooted = value.strip_suffix('.').unwrap_or(value);
    if unrooted.len() != value.len() {
        out.push(diag(
            &words::MTA_STS_MX_TRAILING_DOT,
            words::MTA_STS_MX_TRAILING_DOT.title,
            format!("\u{201c}{value}\u{201d} ends with a dot; write \u{201c}{unrooted}\u{201d}."),
            column + length - 1,
            1,
        ));
    }
    if is_ipv4(unrooted) {
        out.push(diag(
            &words::MTA_STS_MX_IP_ADDRESS,
            words::MTA_STS_MX_IP_ADDRESS.title,
            format!(
                "\u{201c}{unrooted}\u{201d} is an IPv4 address; senders match MX host names, so \
                 it never matches."
            ),
            column,
            length,
        ));
        return out;
    }
    let (base, base_offset) = match unrooted.strip_prefix("*.") {
        Some(base) => (base, 2),
        None => (unrooted, 0),
    };
    if let Some(star) = base.find('*') {
        out.push(diag(
            &words::MTA_STS_MX_WILDCARD_POSITION,
            words::MTA_STS_MX_WILDCARD_POSITION.title,
            format!(
                "\u{201c}{value}\u{201d} has \u{201c}*\u{201d} {}; only a leading \
                 \u{201c}*.\u{201d} standing for one whole label is allowed.",
                if base_offset == 0 && star == 0 {
                    "without a following dot"
                } else {
                    "inside the name"
                }
            ),
            column + u32_of(base_offset + star),
            1,
        ));
        return out;
    }
    if base.len() > 253 {
        out.push(diag(
            &words::MTA_STS_MX_INVALID,
            "mx pattern too long",
            format!(
                "The host name is {} characters; the maximum is 253.",
                base.len()
            ),
            column,
            length,
        ));
    }
    let mut offset = base_offset;
    for label in base.split('.') {
        let problem = if label.is_empty() {
            Some("an empty label (two dots in a row, or a leading dot)".to_string())
        } else if label.len() > 63 {
            Some(format!(
                "a label of {} characters (at most 63)",
                label.len()
            ))
        } else if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            Some(format!("the character \u{201c}{c}\u{201d}"))
        } else if label.starts_with('-') || label.ends_with('-') {
            Some(format!(
                "the label \u{201c}{label}\u{201d}, which starts or ends with a hyphen"
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(diag(
                &words::MTA_STS_MX_INVALID,
                words::MTA_STS_MX_INVALID.title,
                format!("\u{201c}{value}\u{201d} has {problem}."),
                column + u32_of(offset),
                u32_of(label.len().max(1)),
            ));
            break;
        }
        offset += label.len() + 1;
    }
    out
}

fn is_ipv4(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

/// "2 days", "1 week", "about 1 year" … for messages: the largest unit that fits, rounded.
pub(crate) fn human_duration(seconds: u64) -> String {
    let units = [
        (31_557_600, "year"),
        (604_800, "week"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    let Some((size, name)) = units.into_iter().find(|(size, _)| seconds >= *size) else {
        return "0 seconds".to_string();
    };
    let exact = seconds.is_multiple_of(size);
    let n = (seconds + size / 2) / size;
    format!(
        "{}{n} {name}{}",
        if exact { "" } else { "about " },
        if n == 1 { "" } else { "s" }
    )
}

// ---------------------------------------------------------------------------------------------
// Judgement.

fn judge_records(records: &mut [RecordReport], findings: &mut Vec<Finding>) {
    // Records beginning with `v=STSv1;` at one owner form the RRset senders count (§3.1).
    let counted: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.value.starts_with("v=STSv1;") || (r.valid && !r.discarded))
        .map(|(i, _)| i)
        .collect();
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for i in counted {
        let Some(record) = records.get(i) else {
            continue;
        };
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
        let ids: Vec<String> = members
            .iter()
            .filter_map(|i| records.get(*i))
            .map(|r| r.id.clone().unwrap_or_else(|| "(none)".to_string()))
            .collect();
        for i in members {
            if let Some(record) = records.get_mut(*i) {
                record.diagnostics.push(diag(
                    &words::MTA_STS_TXT_MULTIPLE,
                    words::MTA_STS_TXT_MULTIPLE.title,
                    format!(
                        "{} v=STSv1 records{} (ids {}): senders assume there is no policy.",
                        members.len(),
                        owner
                            .as_deref()
                            .map(|o| format!(" at {o}"))
                            .unwrap_or_default(),
                        ids.join(", ")
                    ),
                    1,
                    u32_of(record.value.chars().count()),
                ));
                record.valid = false;
            }
        }
    }
    for record in records.iter() {
        for d in &record.diagnostics {
            let mut f = finding_of(d, record.input, &record.value);
            if let Some(location) = f.location.as_mut() {
                location.line = record.line;
                location.column = 1;
            }
            findings.push(f);
        }
        if record.valid {
            findings.push(
                Finding::new(&words::MTA_STS_TXT_OK)
                    .titled(format!(
                        "The MTA-STS TXT record is valid (id {})",
                        record.id.as_deref().unwrap_or_default()
                    ))
                    .at(Location {
                        input: record.input,
                        line: record.line,
                        column: 1,
                        excerpt: excerpt(&record.value, 160),
                    }),
            );
        }
    }
}

/// Adds the recommendations that depend only on the policy itself.
fn recommend(policy: &mut PolicyReport) {
    if !policy.valid {
        return;
    }
    let body = (policy.body_line, 1, 0);
    let place = |key: &str, value: Option<&str>| {
        policy
            .lines
            .iter()
            .find(|l| {
                l.key.as_deref() == Some(key) && value.is_none_or(|v| l.value.as_deref() == Some(v))
            })
            .map_or(body, |l| {
                let column = l
                    .value
                    .as_deref()
                    .filter(|v| !v.is_empty())
                    .and_then(|v| l.text.find(v))
                    .map_or(1, |b| char_column(&l.text, b));
                (
                    l.line,
                    column,
                    l.value.as_deref().map_or(0, |v| u32_of(v.chars().count())),
                )
            })
    };
    let at =
        |entry: &Entry, title: String, message: String, (line, column, length): (u32, u32, u32)| {
            Diagnostic {
                line,
                ..diag(entry, title, message, column, length)
            }
        };
    let mut out = Vec::new();
    match policy.mode {
        Some(Mode::None) => out.push(at(
            &words::MTA_STS_MODE_NONE,
            words::MTA_STS_MODE_NONE.title.to_string(),
            "Senders treat the domain as having no policy.".to_string(),
            place("mode", None),
        )),
        Some(Mode::Testing) => out.push(at(
            &words::MTA_STS_MODE_TESTING,
            words::MTA_STS_MODE_TESTING.title.to_string(),
            "Failures are reported, not enforced.".to_string(),
            place("mode", None),
        )),
        Some(Mode::Enforce) | None => {}
    }
    if let (Some(age), Some(mode)) = (policy.max_age, policy.mode) {
        if mode != Mode::None && age < MAX_AGE_WEEK {
            let entry = if age < MAX_AGE_SHORT {
                &words::MTA_STS_MAX_AGE_SHORT
            } else {
                &words::MTA_STS_MAX_AGE_BELOW_WEEK
            };
            out.push(at(
                entry,
                format!("max_age is only {}", human_duration(age)),
                format!(
                    "max_age: {age} lets senders keep the policy for {} only, in {} mode.",
                    human_duration(age),
                    mode.name()
                ),
                place("max_age", None),
            ));
        }
    }
    for pattern in policy.mx.iter().filter(|p| p.starts_with("*.")) {
        let base = pattern.trim_start_matches("*.");
        let tld = !base.trim_end_matches('.').contains('.');
        let mut d = at(
            &words::MTA_STS_WILDCARD_ZONE,
            format!("\u{201c}{pattern}\u{201d} admits any host directly under {base}"),
            if tld {
                format!(
                    "\u{201c}{pattern}\u{201d} matches hosts directly under the top-level domain \
                     {base}: any of them with a public certificate passes."
                )
            } else {
                format!(
                    "\u{201c}{pattern}\u{201d} matches every host name directly under {base}, \
                     not only your MX hosts."
                )
            },
            place("mx", Some(pattern)),
        );
        if tld {
            d.severity = Severity::Warning;
        }
        out.push(d);
    }
    if policy.mode != Some(Mode::None) {
        out.push(at(
            &words::MTA_STS_NO_SUBDOMAINS,
            words::MTA_STS_NO_SUBDOMAINS.title.to_string(),
            "Subdomains that receive mail need their own record and policy.".to_string(),
            body,
        ));
    }
    let id = policy
        .txt_id
        .as_deref()
        .map(|id| format!(" The pasted TXT record has id {id}."))
        .unwrap_or_default();
    out.push(at(
        &words::MTA_STS_POLICY_ID_REMINDER,
        words::MTA_STS_POLICY_ID_REMINDER.title.to_string(),
        format!("This body's SHA-256 is {}.{id}", policy.sha256),
        body,
    ));
    policy.diagnostics.extend(out);
}

/// Fills in the fetch explanation and adds diagnostics for a pasted HTTP response.
fn explain_fetch(policy: &mut PolicyReport, context: &Context) {
    let domain = context.domain.as_deref().filter(|d| is_plain_host(d));
    policy.fetch.url = domain.map(policy_url);
    let host = domain.map_or("mta-sts.<your domain>".to_string(), |d| {
        format!("mta-sts.{d}")
    });
    let responses = policy.http.clone();
    let last = responses.last();
    let mut checks = Vec::new();

    // 200, and no redirects.
    let status = last.and_then(|r| r.status);
    let redirects: Vec<&HttpResponse> = responses
        .iter()
        .filter(|r| r.status.is_some_and(|s| (300..400).contains(&s)))
        .collect();
    checks.push(Check {
        rule: "The answer is 200 OK.".to_string(),
        status: match (last, status) {
            (None, _) => CheckStatus::NotShown,
            (Some(_), Some(200)) if redirects.is_empty() => CheckStatus::Met,
            _ => CheckStatus::Failed,
        },
        detail: match (responses.first(), status) {
            (None, _) => "Paste the output of curl -sSi to check the status.".to_string(),
            (Some(first), _) if responses.len() > 1 => format!(
                "The first answer was \u{201c}{}\u{201d}; senders stop there.",
                first.status_line
            ),
            (Some(r), _) => format!("The answer was \u{201c}{}\u{201d}.", r.status_line),
        },
        reference: "RFC 8461 §3.3".to_string(),
    });
    checks.push(Check {
        rule: "No redirect: senders must not follow one.".to_string(),
        status: match (last, redirects.is_empty()) {
            (None, _) => CheckStatus::NotShown,
            (Some(_), true) => CheckStatus::Met,
            (Some(_), false) => CheckStatus::Failed,
        },
        detail: redirects
            .first()
            .map(|r| {
                let to = r
                    .header("location")
                    .map(|h| format!(" to {}", h.value))
                    .unwrap_or_default();
                format!("\u{201c}{}\u{201d} redirects{to}.", r.status_line)
            })
            .unwrap_or_else(|| "A 3xx answer is a fetch failure for senders.".to_string()),
        reference: "RFC 8461 §3.3".to_string(),
    });
    let content_type = last.and_then(|r| r.header("content-type")).cloned();
    let media = content_type.as_ref().map(|h| {
        h.value
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    });
    checks.push(Check {
        rule: "Content-Type is text/plain (a SHOULD; senders that check reject anything else)."
            .to_string(),
        status: match (last, media.as_deref()) {
            (None, _) => CheckStatus::NotShown,
            (Some(_), Some("text/plain")) => CheckStatus::Met,
            (Some(_), _) => CheckStatus::Failed,
        },
        detail: content_type.as_ref().map_or_else(
            || "No Content-Type header was shown.".to_string(),
            |h| format!("Content-Type: {}.", h.value),
        ),
        reference: "RFC 8461 §3.3".to_string(),
    });
    checks.push(Check {
        rule: "No HTTP caching: senders fetch fresh, so a cache in front must not serve an old \
               policy."
            .to_string(),
        status: CheckStatus::NotShown,
        detail: "Purge any CDN cache before you bump the TXT id.".to_string(),
        reference: "RFC 8461 §3.3".to_string(),
    });
    checks.push(Check {
        rule: format!(
            "HTTPS with SNI {host} and a certificate valid for {host}, chaining to a public CA, \
             even when {host} is a CNAME to a provider."
        ),
        status: CheckStatus::NotShown,
        detail: "curl checks this unless run with -k; an error from curl means senders fail too."
            .to_string(),
        reference: "RFC 8461 §3.3, §8.2".to_string(),
    });
    checks.push(Check {
        rule: "TLS 1.2 or later on the policy host.".to_string(),
        status: CheckStatus::NotShown,
        detail: "Older TLS versions are deprecated (RFC 8996).".to_string(),
        reference: "RFC 8461 §7.2".to_string(),
    });
    checks.push(Check {
        rule: "Trust on first use: a sender with no cached policy that cannot reach the TXT \
               record or this URL delivers without MTA-STS."
            .to_string(),
        status: CheckStatus::NotShown,
        detail: "A long max_age keeps senders protected between fetches; DANE avoids the first \
                 contact gap where DNSSEC is available."
            .to_string(),
        reference: "RFC 8461 §10.2".to_string(),
    });
    policy.fetch.checks = checks;

    // Diagnostics for what the response shows.
    if let Some(first) = redirects.first() {
        let to = first
            .header("location")
            .map(|h| format!(" It points to {}.", h.value))
            .unwrap_or_default();
        policy.diagnostics.insert(
            0,
            Diagnostic {
                line: first.line,
                ..diag(
                    &words::MTA_STS_HTTP_REDIRECT,
                    format!("The policy URL redirects ({})", first.status.unwrap_or(0)),
                    format!("\u{201c}{}\u{201d}.{to}", first.status_line),
                    1,
                    u32_of(first.status_line.chars().count()),
                )
            },
        );
    } else if let Some(r) = last.filter(|r| r.status != Some(200)) {
        policy.diagnostics.insert(
            0,
            Diagnostic {
                line: r.line,
                ..diag(
                    &words::MTA_STS_HTTP_STATUS,
                    format!(
                        "The policy URL answered {}",
                        r.status.map_or("?".to_string(), |s| s.to_string())
                    ),
                    format!("\u{201c}{}\u{201d}: senders need 200.", r.status_line),
                    1,
                    u32_of(r.status_line.chars().count()),
                )
            },
        );
    }
    if let Some(r) = last.filter(|r| r.status == Some(200)) {
        match &content_type {
            Some(h) if media.as_deref() != Some("text/plain") => {
                policy.diagnostics.push(Diagnostic {
                    line: h.line,
                    ..diag(
                        &words::MTA_STS_CONTENT_TYPE,
                        words::MTA_STS_CONTENT_TYPE.title,
                        format!("The policy came as \u{201c}{}\u{201d}.", h.value),
                        1,
                        u32_of(h.name.chars().count() + h.value.chars().count() + 2),
                    )
                })
            }
            None => policy.diagnostics.push(Diagnostic {
                line: r.line,
                ..diag(
                    &words::MTA_STS_CONTENT_TYPE,
                    words::MTA_STS_CONTENT_TYPE.title,
                    "The response has no Content-Type header.".to_string(),
                    1,
                    0,
                )
            }),
            Some(_) => {}
        }
        let cache = r.headers.iter().find(|h| {
            let name = h.name.to_ascii_lowercase();
            let value = h.value.to_ascii_lowercase();
            name == "age"
                || (matches!(
                    name.as_str(),
                    "x-cache" | "cf-cache-status" | "x-cache-status"
                ) && value.contains("hit"))
        });
        if let Some(h) = cache {
            policy.diagnostics.push(Diagnostic {
                line: h.line,
                ..diag(
                    &words::MTA_STS_HTTP_CACHED,
                    words::MTA_STS_HTTP_CACHED.title,
                    format!(
                        "\u{201c}{}: {}\u{201d} shows a cache answered.",
                        h.name, h.value
                    ),
                    1,
                    u32_of(h.name.chars().count() + h.value.chars().count() + 2),
                )
            });
        }
    }
    policy.valid = !policy
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Critical);
}

/// Checks each known MX host against the mx patterns.
fn cover(policy: &mut PolicyReport, context: &Context) {
    policy.mx_coverage = context
        .mx_hosts
        .iter()
        .map(|mx| MxCoverage {
            host: mx.name.clone(),
            source: mx.source,
            covered_by: policy
                .mx
                .iter()
                .find(|p| pattern_covers(p, &mx.name))
                .cloned(),
        })
        .collect();
}

fn readiness(policy: &mut PolicyReport, context: &Context, evidence: &Evidence) {
    if policy.mode != Some(Mode::Testing) {
        return;
    }
    let mut checks = Vec::new();
    let uncovered: Vec<&str> = policy
        .mx_coverage
        .iter()
        .filter(|c| c.covered_by.is_none())
        .map(|c| c.host.as_str())
        .collect();
    checks.push(Check {
        rule: "Every MX host matches an mx pattern.".to_string(),
        status: if context.mx_hosts.is_empty() {
            CheckStatus::NotShown
        } else if uncovered.is_empty() {
            CheckStatus::Met
        } else {
            CheckStatus::Failed
        },
        detail: if context.mx_hosts.is_empty() {
            "Enter your MX hosts or paste `dig MX` output to check.".to_string()
        } else if uncovered.is_empty() {
            format!("{} MX host(s) checked.", context.mx_hosts.len())
        } else {
            format!("Not covered: {}.", uncovered.join(", "))
        },
        reference: "RFC 8461 §4.1".to_string(),
    });
    checks.push(Check {
        rule: "A TLS-RPT record is published, so failures are reported to you.".to_string(),
        status: match evidence.tls_rpt_record {
            None => CheckStatus::NotShown,
            Some(true) => CheckStatus::Met,
            Some(false) => CheckStatus::Failed,
        },
        detail: match evidence.tls_rpt_record {
            None => "Paste the _smtp._tls TXT record to check.".to_string(),
            Some(true) => "The pasted _smtp._tls record is valid.".to_string(),
            Some(false) => "The pasted _smtp._tls record is not valid.".to_string(),
        },
        reference: "RFC 8460 §3".to_string(),
    });
    checks.push(Check {
        rule: "TLS-RPT reports show no MTA-STS failures.".to_string(),
        status: match evidence.sts_report_failures {
            None => CheckStatus::NotShown,
            Some(0) => CheckStatus::Met,
            Some(_) => CheckStatus::Failed,
        },
        detail: match evidence.sts_report_failures {
            None => "Paste a couple of weeks of reports to check.".to_string(),
            Some(0) => "The pasted reports show no failed sessions under MTA-STS.".to_string(),
            Some(n) => format!("The pasted reports show {n} failed session(s) under MTA-STS."),
        },
        reference: "RFC 8460 §4.3".to_string(),
    });
    checks.push(Check {
        rule: "Each MX presents a certificate valid for its name that chains to a public CA."
            .to_string(),
        status: match evidence.certificate_verified {
            None => CheckStatus::NotShown,
            Some(true) => CheckStatus::Met,
            Some(false) => CheckStatus::Failed,
        },
        detail: match evidence.certificate_verified {
            None => "Paste an openssl s_client transcript per MX to check.".to_string(),
            Some(true) => "The pasted s_client transcripts verified.".to_string(),
            Some(false) => "A pasted s_client transcript failed verification.".to_string(),
        },
        reference: "RFC 8461 §4.2".to_string(),
    });
    policy.readiness = checks;
}

fn policy_findings(policy: &mut PolicyReport, context: &Context, findings: &mut Vec<Finding>) {
    // Coverage findings (only with a mode that checks MX hosts).
    if policy.valid
        && policy.mode.is_some_and(|m| m != Mode::None)
        && !policy.mx_coverage.is_empty()
    {
        let guessed = context
            .mx_hosts
            .iter()
            .any(|m| m.source == MxSource::Headers);
        let mut all = true;
        for coverage in &policy.mx_coverage {
            if coverage.covered_by.is_some() {
                continue;
            }
            all = false;
            let mut severity = if policy.mode == Some(Mode::Enforce) {
                Severity::Critical
            } else {
                Severity::Warning
            };
            let mut heuristic = String::new();
            if coverage.source == MxSource::Headers {
                severity = if severity == Severity::Critical {
                    Severity::Warning
                } else {
                    Severity::Notice
                };
                heuristic = " This MX host was guessed from the headers (the recipient's border \
                             host), so it may not be a real MX; enter your MX hosts to be sure."
                    .to_string();
            }
            let patterns = if policy.mx.is_empty() {
                "(none)".to_string()
            } else {
                policy.mx.join(", ")
            };
            let mut d = diag(
                &words::MTA_STS_MX_NOT_COVERED,
                format!("MX {} is not covered by the policy", coverage.host),
                format!(
                    "{} ({}) matches none of the mx patterns: {patterns}.{heuristic}",
                    coverage.host,
                    source_label(coverage.source)
                ),
                1,
                0,
            );
            d.severity = severity;
            d.line = policy.body_line;
            policy.diagnostics.push(d);
        }
        if all {
            let hosts: Vec<&str> = policy.mx_coverage.iter().map(|c| c.host.as_str()).collect();
            let mut f = Finding::new(&words::MTA_STS_MX_ALL_COVERED).specific(format!(
                "Checked: {} ({}).",
                hosts.join(", "),
                if guessed {
                    "guessed from the headers"
                } else {
                    source_label(
                        policy
                            .mx_coverage
                            .first()
                            .map_or(MxSource::Typed, |c| c.source),
                    )
                }
            ));
            if guessed {
                f = f.with_severity(Severity::Notice);
            }
            findings.push(f);
        }
    }
    if policy.valid && policy.mode == Some(Mode::Enforce) {
        findings.push(Finding::new(&words::MTA_STS_MODE_ENFORCE).at(Location {
            input: policy.input,
            line: policy.body_line,
            column: 1,
            excerpt: String::new(),
        }));
    }
    let texts: Vec<(u32, String)> = policy
        .lines
        .iter()
        .map(|l| (l.line, l.text.clone()))
        .collect();
    for d in &policy.diagnostics {
        let text = texts
            .iter()
            .find(|(n, _)| *n == d.line)
            .map_or("", |(_, t)| t.as_str());
        findings.push(finding_of(d, policy.input, text));
    }
}

fn source_label(source: MxSource) -> &'static str {
    match source {
        MxSource::Typed => "typed",
        MxSource::Dns => "from DNS",
        MxSource::Transcript => "from your s_client command",
        MxSource::Headers => "guessed from the headers",
    }
}

/// True for names safe to show in a URL or a shell command: letters, digits, `-`, `.`.
pub(crate) fn is_plain_host(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        && !name.starts_with(['-', '.'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(text: &str, expected: Expect) {
        let report = read_policy(text, 0);
        let mut out = format!(
            "valid={} version={:?} mode={:?} max_age={:?} mx={:?} endings={:?}\n",
            report.valid,
            report.version,
            report.mode.map(Mode::name),
            report.max_age,
            report.mx,
            report.line_endings
        );
        for d in &report.diagnostics {
            out.push_str(&format!(
                "{}:{}+{} {} {}: {}\n",
                d.line,
                d.column,
                d.length,
                d.severity.name(),
                d.code,
                d.message
            ));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn good_policies() {
        check(
            "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.example.net\nmax_age: 604800\n",
            expect![[r#"
                valid=true version=Some("STSv1") mode=Some("enforce") max_age=Some(604800) mx=["mx1.example.com", "*.example.net"] endings=Lf
            "#]],
        );
        check(
            "max_age:1209600\r\nmx:\t mx.example.com \r\nmode: testing\nversion: STSv1",
            expect![[r#"
                valid=true version=Some("STSv1") mode=Some("testing") max_age=Some(1209600) mx=["mx.example.com"] endings=Mixed
            "#]],
        );
    }

    #[test]
    fn typos_and_missing_fields() {
        check(
            "version: STSv1\nmode: enforce\nnmx: mx.example.com\nmax-age: 86400\n",
            expect![[r#"
                valid=false version=Some("STSv1") mode=Some("enforce") max_age=None mx=[] endings=Lf
                3:1+3 warning MTA_STS_KEY_TYPO: “nmx” is not a policy field, so senders ignore this line as an extension; did you mean “mx”?
                4:1+7 warning MTA_STS_KEY_TYPO: “max-age” is not a policy field, so senders ignore this line as an extension; did you mean “max_age”?
                4:1+7 critical MTA_STS_MAX_AGE_MISSING: No “max_age:” line. Line 4 was probably meant to be it. Add e.g. “max_age: 604800”.
                3:1+3 critical MTA_STS_MX_MISSING: No “mx:” line, and the mode is not none. Line 3 was probably meant to be it. Add e.g. “mx: mx1.example.com”.
            "#]],
        );
        check(
            "version: STSv1\nMode: Enforce\nmx: mx.example.com\nmax_age: 604800\nmore: ext\n",
            expect![[r#"
                valid=false version=Some("STSv1") mode=None max_age=Some(604800) mx=["mx.example.com"] endings=Lf
                2:1+4 warning MTA_STS_KEY_TYPO: “Mode” is not a policy field (keys are case-sensitive), so senders ignore this line as an extension; did you mean “mode”?
                5:1+4 notice MTA_STS_UNKNOWN_KEY: “more” is not a field RFC 8461 defines; senders ignore it.
                2:1+4 critical MTA_STS_MODE_MISSING: No “mode:” line. Line 2 was probably meant to be it. Add e.g. “mode: testing”.
            "#]],
        );
    }

    #[test]
    fn whitespace_bom_blank_and_cr() {
        check(
            "\u{feff}version: STSv1\n mode : enforce\n\nmx: mx.example.com.\nmax_age: 604800\n\n",
            expect![[r#"
                valid=false version=Some("STSv1") mode=Some("enforce") max_age=Some(604800) mx=["mx.example.com."] endings=Lf
                1:1+1 critical MTA_STS_BOM: The first line starts with U+FEFF, the byte order mark.
                2:1+1 critical MTA_STS_LEADING_WHITESPACE: The line starts with whitespace before its key.
                2:6+1 critical MTA_STS_SPACE_BEFORE_COLON: “mode :” has whitespace before the colon.
                3:1+0 critical MTA_STS_BLANK_LINE: This line is empty.
                4:19+1 critical MTA_STS_MX_TRAILING_DOT: “mx.example.com.” ends with a dot; write “mx.example.com”.
                6:1+0 critical MTA_STS_BLANK_LINE: This line is empty.
            "#]],
        );
        check(
            "version: STSv1\rmode: enforce\rmx: *.example.com\rmax_age: 1\r",
            expect![[r#"
                valid=false version=Some("STSv1") mode=Some("enforce") max_age=Some(1) mx=["*.example.com"] endings=CrOnly
                1:15+1 critical MTA_STS_CR_LINE_ENDING: This line contains 4 carriage return(s) not followed by a line feed; senders read it as a single line.
            "#]],
        );
    }

    #[test]
    fn mx_values() {
        check(
            "version: STSv1\nmode: enforce\nmax_age: 604800\nmx: 192.0.2.1\nmx: mx*.example.com\nmx: *.*.example\nmx: m\u{00f8}x.example\nmx: -a.example\nmx: [2001:db8::1]\nmx: a..b\n",
            expect![[r#"
                valid=false version=Some("STSv1") mode=Some("enforce") max_age=Some(604800) mx=["192.0.2.1", "mx*.example.com", "*.*.example", "møx.example", "-a.example", "[2001:db8::1]", "a..b"] endings=Lf
                4:5+9 warning MTA_STS_MX_IP_ADDRESS: “192.0.2.1” is an IPv4 address; senders match MX host names, so it never matches.
                5:7+1 critical MTA_STS_MX_WILDCARD_POSITION: “mx*.example.com” has “*” inside the name; only a leading “*.” standing for one whole label is allowed.
                6:7+1 critical MTA_STS_MX_WILDCARD_POSITION: “*.*.example” has “*” inside the name; only a leading “*.” standing for one whole label is allowed.
                7:6+1 critical MTA_STS_MX_U_LABEL: “møx.example” contains “ø”; write the host name as A-labels (xn--…).
                8:5+2 critical MTA_STS_MX_INVALID: “-a.example” has the label “-a”, which starts or ends with a hyphen.
                9:5+13 critical MTA_STS_MX_IP_ADDRESS: “[2001:db8::1]” is an address, not a host name: it is not allowed here and could never match an MX host.
                10:7+1 critical MTA_STS_MX_INVALID: “a..b” has an empty label (two dots in a row, or a leading dot).
            "#]],
        );
    }

    #[test]
    fn max_age_values_and_modes() {
        check(
            "version: STSv1\nmode: enforced\nmode: testing\nmx: mx.example.com\nmax_age: 31557601\nmax_age: 1\n",
            expect![[r#"
                valid=false version=Some("STSv1") mode=None max_age=Some(31557601) mx=["mx.example.com"] endings=Lf
                2:7+8 critical MTA_STS_MODE_INVALID: The mode is “enforced”; it must be enforce, testing or none (lower case). Did you mean “enforce”?
                3:1+13 warning MTA_STS_DUPLICATE_FIELD: “mode: testing” is ignored: senders use the first mode (line 2).
                5:10+8 critical MTA_STS_MAX_AGE_TOO_LARGE: max_age is 31557601 seconds (about 1 year); the maximum is 31557600 (one year).
                6:1+10 warning MTA_STS_DUPLICATE_FIELD: “max_age: 1” is ignored: senders use the first max_age (line 5).
            "#]],
        );
    }

    #[test]
    fn patterns() {
        let cases = [
            ("*.example.com", "mx.example.com", true),
            ("*.example.com", "MX.Example.COM.", true),
            ("*.example.com", "example.com", false),
            ("*.example.com", "a.b.example.com", false),
            ("*.example.com", "xexample.com", false),
            ("mx.example.com", "mx.example.com", true),
            ("mx.example.com.", "mx.example.com", true),
            ("mx*.example.com", "mx1.example.com", false),
            ("*", "mx", false),
            ("*.", "mx.", false),
            ("", "", false),
        ];
        for (pattern, host, covers) in cases {
            assert_eq!(pattern_covers(pattern, host), covers, "{pattern} vs {host}");
        }
    }

    #[test]
    fn records() {
        let show = |value: &str| {
            let r = read_record(value);
            let mut out = format!("valid={} discarded={} id={:?}", r.valid, r.discarded, r.id);
            for d in &r.diagnostics {
                out.push_str(&format!(
                    " | {}@{}+{} {}",
                    d.code, d.column, d.length, d.message
                ));
            }
            out
        };
        expect![[r#"valid=true discarded=false id=Some("20240501T120000")"#]]
            .assert_eq(&show("v=STSv1; id=20240501T120000;"));
        expect![[r#"valid=false discarded=true id=Some("1") | MTA_STS_TXT_VERSION@1+7 The record begins “v=stsv1”, which has the wrong letter case; “v=STSv1” is case-sensitive, so senders discard it."#]]
            .assert_eq(&show("v=stsv1; id=1"));
        expect![[r#"valid=false discarded=false id=Some("2024-05-01") | MTA_STS_TXT_ID_INVALID@13+10 The id “2024-05-01” is not only letters and digits; it must be 1 to 32 letters and digits."#]]
            .assert_eq(&show("v=STSv1; id=2024-05-01"));
        expect![[r#"valid=true discarded=false id=Some("a") | MTA_STS_TXT_SPACE_BEFORE_SEMICOLON@8+1 The record begins “v=STSv1 ;”; write “v=STSv1;”."#]]
            .assert_eq(&show("v=STSv1 ; id=a"));
        expect!["valid=false discarded=false id=None | MTA_STS_TXT_SYNTAX@9+1 Two semicolons with no field between them. | MTA_STS_TXT_ID_MISSING@10+0 The record has no id field, so it is invalid."]
            .assert_eq(&show("v=STSv1;;"));
        expect!["valid=false discarded=true id=None | MTA_STS_TXT_NOT_STS@1+11 “v=spf1 -all” doesn't begin with “v=STSv1;”, so senders ignore it."]
            .assert_eq(&show("v=spf1 -all"));
    }

    #[test]
    fn http_response_head() {
        let report = read_policy(
            "HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.example.com/\r\n\r\n<html>moved</html>\r\n",
            0,
        );
        assert_eq!(report.http.len(), 1);
        assert_eq!(report.body_line, 4);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["MTA_STS_LOOKS_LIKE_HTML"]);
        assert!(!report.valid);
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(86_400), "1 day");
        assert_eq!(human_duration(604_800), "1 week");
        assert_eq!(human_duration(1), "1 second");
        assert_eq!(human_duration(90_000), "about 1 day");
        assert_eq!(edit_distance("nmx", "mx"), 1);
        assert_eq!(edit_distance("maxage", "max_age"), 1);
        assert_eq!(edit_distance("mdoe", "mode"), 1);
    }
}
