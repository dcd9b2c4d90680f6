//! The `Received:` adapter: mail-parser's reading of each trace field, completed with our own
//! reading of the TLS notations it misses, turned into our [`Hop`] type.
//!
//! Must not let mail-parser types escape this file. Must not judge the path (that is
//! `transport.rs`); this file only reads what each line says.

use mail_parser::{HeaderName, HeaderValue, MessageParser};
use serde::{Deserialize, Serialize};

use super::date::{parse_mail_date, Timestamp};
use super::finding::Location;
use super::tls::TlsVersion;
use classify::{decide_encryption, mark_internal, recognise_software};
use clauses::{pieces, read_by_clause, read_from_clause, with_text, Clauses};
use notation::{apply_tls, read_tls};

/// One Received line, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hop {
    /// Position in delivery order: 0 is the bottom-most Received line, the first hop.
    pub index: usize,
    /// The sending host as it named itself or was recorded (`from` clause).
    pub from: Option<String>,
    /// The sending host's IP address as the receiving server saw it.
    pub from_ip: Option<String>,
    /// The reverse-DNS name the receiving server found for `from_ip`.
    pub from_rdns: Option<String>,
    /// The name the sender gave in HELO/EHLO, when recorded separately.
    pub helo: Option<String>,
    /// The receiving host (`by` clause).
    pub by: Option<String>,
    /// The receiving host's IP address, when recorded.
    pub by_ip: Option<String>,
    /// The `with` clause as written (protocol and, for some MTAs, more).
    pub with: Option<String>,
    /// The `via` clause as written (Exchange: "Frontend Transport").
    pub via: Option<String>,
    /// The queue id (`id` clause).
    pub id: Option<String>,
    /// The recipient (`for` clause).
    #[serde(rename = "for")]
    pub for_: Option<String>,
    /// The software that wrote the line, when recognisable.
    pub software: Option<Software>,
    /// Whether the hop used TLS: yes, no, or unknown (`null`). Unknown is not plaintext.
    pub encrypted: Option<bool>,
    /// Why `encrypted` has the value it has, for people.
    pub encryption_evidence: String,
    /// True for hops inside one operator: loopback, private addresses, local delivery, the same
    /// provider's relays.
    pub internal: bool,
    /// Why the hop counts as internal, for people.
    pub internal_reason: Option<String>,
    /// The TLS version, normalised.
    pub tls_version: Option<TlsVersion>,
    /// Where `tls_version` comes from.
    pub tls_version_source: Option<VersionSource>,
    /// A lower bound on the version when only the cipher's minimum was written.
    pub tls_version_at_least: Option<TlsVersion>,
    /// The version exactly as written.
    pub tls_version_written: Option<String>,
    /// The cipher suite as written.
    pub cipher: Option<String>,
    /// The cipher suite's IANA name, when known.
    pub cipher_iana: Option<String>,
    /// Whether the cipher suite gives forward secrecy, when known.
    pub forward_secret: Option<bool>,
    /// Symmetric key bits as written (`256/256 bits`, `bits=256`, `:256`).
    pub cipher_bits: Option<u16>,
    /// The key exchange group Postfix records (`key-exchange X25519`).
    pub key_exchange: Option<String>,
    /// What the line says about the *client's* certificate (`verify=NO`, `No client certificate
    /// requested`). This is never about the server's certificate.
    pub client_certificate: Option<String>,
    /// When the receiving server stamped the line, RFC 3339 with the server's own offset.
    pub date: Option<String>,
    /// The same instant as seconds since the epoch.
    pub timestamp: Option<i64>,
    /// Seconds since the nearest earlier hop with a date; negative means clock skew.
    pub delay_seconds: Option<i64>,
    /// Who wrote this line, relative to the recipient's border MX.
    pub trust: Trust,
    /// The whole field value, unfolded.
    pub raw: String,
    /// Where the field starts in the input.
    pub location: Location,
}

/// Where a hop's TLS version comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VersionSource {
    /// The line states the negotiated version.
    #[serde(rename = "stated")]
    Stated,
    /// The line states only the cipher suite's minimum version (Sendmail's and Haraka's
    /// `version=`, OpenSSL 1.0's `TLSv1/SSLv3`): the real version is unknown, at least that.
    #[serde(rename = "cipher-minimum")]
    CipherMinimum,
    /// No version is written; the cipher suite exists in only one version.
    #[serde(rename = "inferred")]
    Inferred,
}

impl VersionSource {
    /// The JSON name.
    pub fn name(self) -> &'static str {
        match self {
            VersionSource::Stated => "stated",
            VersionSource::CipherMinimum => "cipher-minimum",
            VersionSource::Inferred => "inferred",
        }
    }
}

/// Who wrote a Received line, relative to the recipient's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trust {
    /// Written by the recipient's own servers (at or above the border MX).
    RecordedByRecipient,
    /// Already in the message when it reached the border: the sender's claim.
    ClaimedUpstream,
    /// The border could not be placed.
    Unknown,
}

/// Mail software recognisable from its Received lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Software {
    /// Postfix.
    Postfix,
    /// Exim.
    Exim,
    /// Sendmail.
    Sendmail,
    /// Gmail / Google Workspace.
    Gmail,
    /// Microsoft Exchange, Exchange Online, IIS SMTP.
    Microsoft,
    /// Haraka.
    Haraka,
    /// Stalwart.
    Stalwart,
    /// qmail and its forks.
    Qmail,
    /// Cisco Secure Email (IronPort).
    IronPort,
    /// Message Systems / SparkPost Momentum (ecelerity).
    Ecelerity,
    /// PowerMTA.
    PowerMta,
    /// SendGrid.
    SendGrid,
    /// Courier.
    Courier,
    /// Mimecast.
    Mimecast,
    /// OpenSMTPD.
    OpenSmtpd,
}

impl Software {
    /// The product name.
    pub fn name(self) -> &'static str {
        match self {
            Software::Postfix => "Postfix",
            Software::Exim => "Exim",
            Software::Sendmail => "Sendmail",
            Software::Gmail => "Gmail",
            Software::Microsoft => "Microsoft Exchange",
            Software::Haraka => "Haraka",
            Software::Stalwart => "Stalwart",
            Software::Qmail => "qmail",
            Software::IronPort => "Cisco IronPort",
            Software::Ecelerity => "Momentum (ecelerity)",
            Software::PowerMta => "PowerMTA",
            Software::SendGrid => "SendGrid",
            Software::Courier => "Courier",
            Software::Mimecast => "Mimecast",
            Software::OpenSmtpd => "OpenSMTPD",
        }
    }

    /// True for MTAs that always note TLS in their Received line when a session used it, so a
    /// line without TLS from them means plaintext. For the others, it means "unknown".
    pub fn always_marks_tls(self) -> bool {
        matches!(
            self,
            Software::Postfix
                | Software::Exim
                | Software::Sendmail
                | Software::Gmail
                | Software::Haraka
                | Software::Stalwart
                | Software::IronPort
                | Software::OpenSmtpd
        )
    }
}

/// Everything the header section says that the transport judgement needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeaderSection {
    /// The hops in delivery order (bottom-most Received first).
    pub hops: Vec<Hop>,
    /// Received fields that are not hops: qmail's `(qmail 123 invoked by uid 1001)` notes and
    /// values with no from, by or with clause.
    pub not_hops: Vec<NotHop>,
    /// `Subject:`.
    pub subject: Option<String>,
    /// `From:`.
    pub from: Option<String>,
    /// `Date:`, RFC 3339.
    pub date: Option<String>,
    /// `Date:` as seconds since the epoch.
    pub date_timestamp: Option<i64>,
    /// `Message-ID:`.
    pub message_id: Option<String>,
    /// `TLS-Required:` value and where it is (RFC 8689 §5).
    pub tls_required: Option<(String, Location)>,
    /// `Authentication-Results:` fields, top first.
    pub authentication_results: Vec<AuthenticationResults>,
    /// How many attached messages (message/rfc822, message/global) the input carries.
    pub embedded_messages: usize,
    /// Received fields beyond [`MAX_HOPS`] that were not read (the oldest ones).
    pub hops_not_read: usize,
}

/// The most Received fields read from one message, newest first. MTAs refuse mail long before
/// this (RFC 5321 §6.3 loop detection; Postfix stops at 50, Exim at 30), so more means a loop or
/// a synthetic paste; the newest hops, which the recipient's side wrote, are the ones kept.
pub const MAX_HOPS: usize = 250;

/// A Received field that is not a hop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotHop {
    /// True for qmail's process notes, which are normal; false for unreadable values.
    pub qmail_note: bool,
    /// Where the field is.
    pub location: Location,
}

/// One `Authentication-Results:` field (RFC 8601), reduced to what people read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticationResults {
    /// The host that evaluated (authserv-id).
    pub authserv_id: String,
    /// (method, result, the key property such as `header.d=example.com`).
    pub results: Vec<(String, String, Option<String>)>,
    /// Where the field is.
    pub location: Location,
}

/// Reads a header section (or a whole message). `input` is the index of the pasted input, used
/// in locations. Never fails: what can't be read is simply absent.
pub fn read_headers(text: &str, input: usize) -> HeaderSection {
    let lines = LineIndex::new(text);
    let mut section = HeaderSection::default();
    let body_start = strip_mbox_line(text);
    let Some(source) = text.get(body_start..) else {
        return section;
    };
    let Some(message) = MessageParser::default().parse_headers(source) else {
        return section;
    };

    let mut received = Vec::new();
    for header in message.headers() {
        let start = header.offset_start as usize;
        let end = header.offset_end as usize;
        let raw = source.get(start..end).unwrap_or_default();
        let field_offset = body_start + header.offset_field as usize;
        let location = lines.locate(input, field_offset, text);
        match &header.name {
            HeaderName::Received => {
                let parsed = match &header.value {
                    HeaderValue::Received(r) => Some(r.as_ref()),
                    _ => None,
                };
                received.push((raw, parsed, location));
            }
            HeaderName::Subject if section.subject.is_none() => {
                section.subject = header.value.as_text().map(str::to_string);
            }
            HeaderName::From if section.from.is_none() => {
                section.from = Some(unfold(raw).trim().to_string());
            }
            HeaderName::Date if section.date.is_none() => {
                if let Some(d) = parse_mail_date(&unfold(raw)) {
                    section.date = Some(d.rfc3339());
                    section.date_timestamp = Some(d.at.0);
                }
            }
            HeaderName::MessageId if section.message_id.is_none() => {
                section.message_id = Some(unfold(raw).trim().to_string());
            }
            // mail-parser 0.11 knows TLS-Required (RFC 8689) as its own header name.
            HeaderName::TlsRequired if section.tls_required.is_none() => {
                section.tls_required = Some((unfold(raw).trim().to_string(), location));
            }
            HeaderName::Other(name)
                if name.eq_ignore_ascii_case("TLS-Required") && section.tls_required.is_none() =>
            {
                section.tls_required = Some((unfold(raw).trim().to_string(), location));
            }
            HeaderName::Other(name) if name.eq_ignore_ascii_case("Authentication-Results") => {
                section
                    .authentication_results
                    .push(read_authentication_results(&unfold(raw), location));
            }
            _ => {}
        }
    }

    // Received fields are prepended by each server, so the last one in the text is the first hop.
    // Only the newest MAX_HOPS are read.
    if received.len() > MAX_HOPS {
        section.hops_not_read = received.len() - MAX_HOPS;
        received.truncate(MAX_HOPS);
    }
    let mut index = 0;
    for (raw, parsed, location) in received.into_iter().rev() {
        match read_received(raw, parsed, index, location.clone()) {
            Some(hop) => {
                section.hops.push(hop);
                index += 1;
            }
            None => section.not_hops.push(NotHop {
                qmail_note: raw.to_ascii_lowercase().contains("(qmail "),
                location,
            }),
        }
    }
    section.embedded_messages = count_embedded_messages(text);
    section
}

/// Skips an mbox `From ` separator line, which mail-parser would otherwise read as a header.
fn strip_mbox_line(text: &str) -> usize {
    let leading = text.len() - text.trim_start().len();
    let rest = text.get(leading..).unwrap_or_default();
    if rest.starts_with("From ") || rest.starts_with(">From ") {
        match rest.find('\n') {
            Some(nl) => leading + nl + 1,
            None => text.len(),
        }
    } else {
        leading
    }
}

fn count_embedded_messages(text: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    lower.matches("content-type: message/rfc822").count()
        + lower.matches("content-type: message/global").count()
}

/// Unfolds a header value: CRLF or LF followed by whitespace becomes one space.
pub fn unfold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        match c {
            '\r' | '\n' => pending_space = true,
            ' ' | '\t' if pending_space => {}
            _ => {
                if pending_space && !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out.trim().to_string()
}

/// Line starts of the input, to turn byte offsets into line and column.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The location of byte `offset`, with the line's text as the excerpt.
    pub fn locate(&self, input: usize, offset: usize, text: &str) -> Location {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        let line_text = text.get(start..end).unwrap_or_default();
        let column = text
            .get(start..offset.min(text.len()))
            .map(|s| s.chars().count())
            .unwrap_or(0);
        Location {
            input,
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            excerpt: super::finding::excerpt(line_text, 160),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One Received line.

/// Reads one Received field value. Returns None for values that are not hops: qmail's
/// comment-only lines and empty or unreadable values (MHA #335).
fn read_received(
    raw: &str,
    parsed: Option<&mail_parser::Received<'_>>,
    index: usize,
    location: Location,
) -> Option<Hop> {
    let text = unfold(raw);
    let pieces = pieces(&text);
    let clauses = Clauses::read(&text, &pieces);

    let date = clauses
        .date_text
        .and_then(parse_mail_date)
        .or_else(|| parse_mail_date(&text));
    if clauses.from.is_empty() && clauses.by.is_empty() && clauses.with.is_empty() {
        // qmail writes `(qmail 123 invoked from network); date` and `(qmail 123 invoked by uid
        // 1001); date`: a note about the process, not a hop. Empty and date-only values are not
        // hops either.
        return None;
    }

    let mut hop = Hop {
        index,
        from: None,
        from_ip: None,
        from_rdns: None,
        helo: None,
        by: None,
        by_ip: None,
        with: None,
        via: clauses.words_of(&clauses.via),
        id: clauses.words_of(&clauses.id).map(|s| trim_id(&s)),
        for_: clauses
            .words_of(&clauses.for_)
            .map(|s| s.trim_matches(|c| c == '<' || c == '>').to_string()),
        software: None,
        encrypted: None,
        encryption_evidence: String::new(),
        internal: false,
        internal_reason: None,
        tls_version: None,
        tls_version_source: None,
        tls_version_at_least: None,
        tls_version_written: None,
        cipher: None,
        cipher_iana: None,
        forward_secret: None,
        cipher_bits: None,
        key_exchange: None,
        client_certificate: None,
        date: date.map(|d| d.rfc3339()),
        timestamp: date.map(|d| d.at.0),
        delay_seconds: None,
        trust: Trust::Unknown,
        raw: text.clone(),
        location,
    };

    read_from_clause(&clauses, parsed, &mut hop);
    read_by_clause(&clauses, &mut hop);
    hop.with = with_text(&clauses);
    hop.software = recognise_software(&text, &hop);
    let tls = read_tls(&text, &pieces, &clauses, hop.software);
    apply_tls(&mut hop, tls, parsed);
    mark_internal(&mut hop);
    decide_encryption(&mut hop);
    Some(hop)
}

fn trim_id(id: &str) -> String {
    id.trim_matches(|c: char| c == '<' || c == '>' || c == ';' || c == ',')
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Authentication-Results.

/// Reads `authserv-id [version]; method=result ptype.prop=value …; …` (RFC 8601 §2.2).
fn read_authentication_results(value: &str, location: Location) -> AuthenticationResults {
    let without_comments = strip_comments(value);
    let mut parts = without_comments.split(';');
    let authserv_id = parts
        .next()
        .and_then(|p| p.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    let mut results = Vec::new();
    for part in parts {
        let mut words = part.split_whitespace();
        let Some(first) = words.next() else { continue };
        let Some((method, result)) = first.split_once('=') else {
            continue;
        };
        let property = words
            .find(|w| {
                let l = w.to_ascii_lowercase();
                l.starts_with("header.d=")
                    || l.starts_with("header.from=")
                    || l.starts_with("smtp.mailfrom=")
                    || l.starts_with("header.i=")
            })
            .map(str::to_string);
        results.push((
            method.to_ascii_lowercase(),
            result.to_ascii_lowercase(),
            property,
        ));
    }
    AuthenticationResults {
        authserv_id,
        results,
        location,
    }
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Normalised TLS version of a hop for display ("TLSv1.3", "≥ TLSv1.0", "unknown").
pub fn version_label(hop: &Hop) -> String {
    match (hop.tls_version, hop.tls_version_at_least) {
        (Some(v), _) => v.name().to_string(),
        (None, Some(min)) => format!("\u{2265} {}", min.name()),
        (None, None) => String::new(),
    }
}

/// For tests and the CLI: the date a hop was stamped, as a timestamp.
pub fn hop_time(hop: &Hop) -> Option<Timestamp> {
    hop.timestamp.map(Timestamp)
}

mod classify;
mod clauses;
mod notation;
#[cfg(test)]
mod tests;
