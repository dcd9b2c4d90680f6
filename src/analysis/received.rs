//! The `Received:` adapter: mail-parser's reading of each trace field, completed with our own
//! reading of the TLS notations it misses, turned into our [`Hop`] type.
//!
//! Must not let mail-parser types escape this file. Must not judge the path (that is
//! `transport.rs`); this file only reads what each line says.

use std::net::IpAddr;

use mail_parser::{HeaderName, HeaderValue, Host, MessageParser};
use serde::{Deserialize, Serialize};

use super::date::{parse_mail_date, Timestamp};
use super::finding::Location;
use super::tls::{self, TlsVersion};

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
}

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
            HeaderName::Other(name) if name.eq_ignore_ascii_case("TLS-Required") => {
                if section.tls_required.is_none() {
                    section.tls_required = Some((unfold(raw).trim().to_string(), location));
                }
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

/// A lexical piece of a Received value: a word at comment depth 0, a whole top-level comment
/// (nested parentheses included) or a top-level semicolon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Word(&'a str),
    Comment(&'a str),
    /// A top-level `;` and its byte offset in the text.
    Semicolon(usize),
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b' ' | b'\t' => i += 1,
            b';' => {
                out.push(Piece::Semicolon(i));
                i += 1;
            }
            b'(' => {
                let start = i + 1;
                let mut depth = 1u32;
                let mut j = start;
                while j < bytes.len() && depth > 0 {
                    match bytes.get(j) {
                        Some(b'\\') => j += 1,
                        Some(b'(') => depth += 1,
                        Some(b')') => depth -= 1,
                        _ => {}
                    }
                    j += 1;
                }
                let end = if depth == 0 { j - 1 } else { bytes.len() };
                out.push(Piece::Comment(
                    text.get(start..end.max(start)).unwrap_or_default(),
                ));
                i = j.min(bytes.len()).max(start);
            }
            b')' => i += 1,
            _ => {
                let start = i;
                let mut in_quote = false;
                while i < bytes.len() {
                    match bytes.get(i) {
                        Some(b'"') => in_quote = !in_quote,
                        Some(b'\\') if in_quote => i += 1,
                        Some(b' ' | b'\t' | b';' | b'(') if !in_quote => break,
                        _ => {}
                    }
                    i += 1;
                }
                let end = i.min(bytes.len());
                if let Some(word) = text.get(start..end) {
                    out.push(Piece::Word(word));
                }
            }
        }
    }
    out
}

/// The clauses of a Received value (RFC 5321 §4.4): each keyword with the pieces up to the next
/// keyword, and the date after the last top-level semicolon.
#[derive(Debug, Default)]
struct Clauses<'a> {
    from: Vec<Piece<'a>>,
    by: Vec<Piece<'a>>,
    via: Vec<Piece<'a>>,
    with: Vec<Piece<'a>>,
    id: Vec<Piece<'a>>,
    for_: Vec<Piece<'a>>,
    /// Pieces before any keyword (qmail's leading comment).
    leading: Vec<Piece<'a>>,
    date_text: Option<&'a str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Clause {
    Leading,
    From,
    By,
    Via,
    With,
    Id,
    For,
    Date,
}

impl<'a> Clauses<'a> {
    fn read(text: &'a str, pieces: &[Piece<'a>]) -> Clauses<'a> {
        let mut clauses = Clauses::default();
        let last_semicolon = pieces
            .iter()
            .rposition(|p| matches!(p, Piece::Semicolon(_)));
        let mut current = Clause::Leading;
        let mut seen_keyword = [false; 6];
        for (i, piece) in pieces.iter().enumerate() {
            if Some(i) == last_semicolon {
                current = Clause::Date;
                continue;
            }
            if current == Clause::Date {
                continue;
            }
            if let Piece::Word(w) = piece {
                let keyword = match w.to_ascii_lowercase().as_str() {
                    "from" => Some((Clause::From, 0)),
                    "by" => Some((Clause::By, 1)),
                    "via" => Some((Clause::Via, 2)),
                    "with" => Some((Clause::With, 3)),
                    "id" => Some((Clause::Id, 4)),
                    "for" => Some((Clause::For, 5)),
                    _ => None,
                };
                // A keyword counts once; a repeat is part of a value ("by me by you").
                if let Some((clause, slot)) = keyword {
                    if let Some(seen) = seen_keyword.get_mut(slot) {
                        if !*seen {
                            *seen = true;
                            current = clause;
                            continue;
                        }
                    }
                }
            }
            let target = match current {
                Clause::Leading => &mut clauses.leading,
                Clause::From => &mut clauses.from,
                Clause::By => &mut clauses.by,
                Clause::Via => &mut clauses.via,
                Clause::With => &mut clauses.with,
                Clause::Id => &mut clauses.id,
                Clause::For => &mut clauses.for_,
                Clause::Date => continue,
            };
            target.push(*piece);
        }
        if let Some(Piece::Semicolon(offset)) = last_semicolon.and_then(|i| pieces.get(i)) {
            clauses.date_text = text.get(offset + 1..);
        }
        clauses
    }

    /// The words of a clause joined by spaces, without its comments; None if it has no words.
    fn words_of(&self, clause: &[Piece<'a>]) -> Option<String> {
        let words: Vec<&str> = clause
            .iter()
            .filter_map(|p| match p {
                Piece::Word(w) => Some(*w),
                _ => None,
            })
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    fn first_word(clause: &[Piece<'a>]) -> Option<&'a str> {
        clause.iter().find_map(|p| match p {
            Piece::Word(w) => Some(*w),
            _ => None,
        })
    }

    fn comments<'b>(clause: &'b [Piece<'a>]) -> impl Iterator<Item = &'a str> + 'b {
        clause.iter().filter_map(|p| match p {
            Piece::Comment(c) => Some(*c),
            _ => None,
        })
    }
}

fn clean_host(word: &str) -> String {
    word.trim_matches(|c: char| matches!(c, '[' | ']' | '<' | '>' | ',' | ';' | '"'))
        .trim_start_matches("IPv6:")
        .trim_start_matches("ipv6:")
        .to_string()
}

fn parse_ip(word: &str) -> Option<IpAddr> {
    let cleaned = clean_host(word);
    // `user@192.0.2.1` (qmail, with the SMTP AUTH name), `[192.0.2.1]:12345`, `192.0.2.1:port`,
    // Exim 3's `[192.0.2.1.12345]`, `fe80::1%11` (a zone id) and `192.0.2.1_trustedrelay`.
    let after_at = cleaned.rsplit('@').next().unwrap_or(&cleaned);
    let candidate = after_at.split(']').next().unwrap_or(after_at);
    let candidate = candidate.split('%').next().unwrap_or(candidate);
    let candidate = candidate.split('_').next().unwrap_or(candidate);
    let canonical = |ip: IpAddr| ip.to_canonical();
    if let Ok(ip) = candidate.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if candidate.matches(':').count() == 1 {
        if let Some((host, _port)) = candidate.split_once(':') {
            return host.parse().ok().map(canonical);
        }
    }
    let parts: Vec<&str> = candidate.split('.').collect();
    if parts.len() == 5
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return parts.get(..4)?.join(".").parse().ok().map(canonical);
    }
    None
}

/// `from` clause: `from HELO (RDNS [IP] ...)`, Microsoft's `from HOST (IP)`, Exim's
/// `from HOST ([IP] helo=NAME)`, `from [IP] (helo=[IP])`.
fn read_from_clause(
    clauses: &Clauses<'_>,
    parsed: Option<&mail_parser::Received<'_>>,
    hop: &mut Hop,
) {
    // The address in the comment is the connecting IP the receiver saw; a bare IP literal as the
    // first word is either the HELO argument (Postfix, Sendmail) or, without a comment IP, the
    // connection itself (Exim's `from [192.0.2.1] (helo=…)`).
    for comment in Clauses::comments(&clauses.from) {
        read_host_comment(comment, &mut hop.from_ip, &mut hop.from_rdns, &mut hop.helo);
    }
    // Some gateways put the whole from clause in a comment: `(from KRYPTIK [192.0.2.1]) by …`.
    if clauses.from.is_empty() {
        for comment in Clauses::comments(&clauses.leading) {
            if let Some(rest) = comment.trim().strip_prefix("from ") {
                let mut words = rest.split_whitespace();
                hop.from = words.next().map(clean_host);
                hop.from_ip = words.find_map(parse_ip).map(|ip| ip.to_string());
            }
        }
    }
    if let Some(first) = Clauses::first_word(&clauses.from) {
        hop.from = Some(clean_host(first));
        if hop.from_ip.is_none() {
            hop.from_ip = parse_ip(first).map(|ip| ip.to_string());
        }
    }
    // Exim 3 writes the address as a later bracketed word: `from host (helo) [192.0.2.1.port]`.
    if hop.from_ip.is_none() {
        hop.from_ip = clauses
            .from
            .iter()
            .skip(1)
            .find_map(|p| match p {
                Piece::Word(w) if w.starts_with('[') => parse_ip(w),
                _ => None,
            })
            .map(|ip| ip.to_string());
    }
    // Fill remaining gaps from mail-parser, but only for values our clause reading agrees exist
    // (mail-parser also reads `from` inside comments such as Postfix's "from userid 1001").
    if let Some(r) = parsed {
        if hop.from_ip.is_none() && !clauses.from.is_empty() {
            hop.from_ip = r.from_ip.map(|ip| ip.to_string());
        }
        if hop.from_rdns.is_none() && !clauses.from.is_empty() {
            hop.from_rdns = r
                .from_iprev
                .as_ref()
                .map(|s| s.trim_end_matches('.').to_string());
        }
        if hop.helo.is_none() && !clauses.from.is_empty() {
            hop.helo = r.helo.as_ref().map(host_text);
        }
    }
    if let (Some(from), Some(helo)) = (&hop.from, &hop.helo) {
        if from.eq_ignore_ascii_case(helo) {
            hop.helo = None;
        }
    }
}

fn host_text(host: &Host<'_>) -> String {
    match host {
        Host::Name(name) => name.to_string(),
        Host::IpAddr(ip) => ip.to_string(),
    }
}

/// Reads `rdns [ip]`, `[ip]:port helo=name`, `HELO name`, `(ip)` out of a host comment.
fn read_host_comment(
    comment: &str,
    ip: &mut Option<String>,
    rdns: &mut Option<String>,
    helo: &mut Option<String>,
) {
    let words: Vec<&str> = comment
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let lower = word.to_ascii_lowercase();
        if let Some(name) = lower
            .strip_prefix("helo=")
            .or_else(|| lower.strip_prefix("ehlo="))
        {
            if helo.is_none() && !name.is_empty() {
                *helo = Some(clean_host(word.get(5..).unwrap_or(name)));
            }
        } else if lower == "helo" || lower == "ehlo" {
            if let Some(next) = words.get(i + 1) {
                if helo.is_none() {
                    *helo = Some(clean_host(next));
                }
                i += 1;
            }
        } else if let Some(addr) = parse_ip(word) {
            if ip.is_none() {
                *ip = Some(addr.to_string());
            }
        } else if i == 0
            && rdns.is_none()
            && word.contains('.')
            && !word.contains('=')
            && !word.contains('@')
            && word
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            *rdns = Some(word.trim_end_matches('.').to_string());
        }
        i += 1;
    }
}

/// `by` clause: host, optional `(IP)` or `[IP]`, the software comment, and Microsoft's
/// `over TLS secured channel`.
fn read_by_clause(clauses: &Clauses<'_>, hop: &mut Hop) {
    if let Some(first) = Clauses::first_word(&clauses.by) {
        let host = clean_host(first);
        if let Some(ip) = parse_ip(first) {
            hop.by_ip = Some(ip.to_string());
        }
        hop.by = Some(host);
    }
    for comment in Clauses::comments(&clauses.by) {
        if hop.by_ip.is_none() {
            if let Some(ip) = comment.split_whitespace().find_map(parse_ip) {
                hop.by_ip = Some(ip.to_string());
            }
        }
    }
}

/// The `with` clause's words as written, without comments; qmail-tls puts a comment first
/// (`with (DHE-RSA-AES256-GCM-SHA384 encrypted) SMTP`).
fn with_text(clauses: &Clauses<'_>) -> Option<String> {
    let words: Vec<&str> = clauses
        .with
        .iter()
        .filter_map(|p| match p {
            Piece::Word(w) => Some(*w),
            _ => None,
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    // Microsoft writes several words ("Microsoft SMTP Server", "Microsoft SMTPSVC(6.0.3790)"),
    // XMail a bracketed phrase, qmail-tls `with AES256-SHA encrypted SMTP`; everyone else one
    // protocol word.
    let first = words.first().copied().unwrap_or_default();
    if first.eq_ignore_ascii_case("Microsoft") {
        let mut out = Vec::new();
        for w in &words {
            out.push(w.split('(').next().unwrap_or(w));
            if w.contains('(') || out.len() >= 3 {
                break;
            }
        }
        return Some(out.join(" "));
    }
    if first.starts_with('[') {
        let end = words.iter().position(|w| w.ends_with(']')).unwrap_or(0);
        let phrase = words.get(..=end).unwrap_or_default().join(" ");
        return Some(phrase.trim_matches(['[', ']']).to_string());
    }
    if let Some(pos) = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("encrypted"))
    {
        if let Some(proto) = words.get(pos + 1) {
            return Some(proto.trim_end_matches([',', ';']).to_string());
        }
    }
    Some(first.trim_end_matches([',', ';']).to_string())
}

/// The protocol word of a `with` value: `ESMTPS` from `ESMTP/TLS/…` is not what IronPort means,
/// so this keeps the first `/`-part and reports TLS separately.
fn protocol_word(with: &str) -> String {
    with.split('/').next().unwrap_or(with).to_ascii_uppercase()
}

fn recognise_software(text: &str, hop: &Hop) -> Option<Software> {
    let lower = text.to_ascii_lowercase();
    let by = hop.by.as_deref().unwrap_or_default().to_ascii_lowercase();
    let with = hop.with.as_deref().unwrap_or_default();
    if lower.contains("(postfix") || lower.contains(" postfix)") {
        return Some(Software::Postfix);
    }
    if lower.contains("microsoft smtp server")
        || lower.contains("microsoft smtpsvc")
        || with.eq_ignore_ascii_case("mapi")
    {
        return Some(Software::Microsoft);
    }
    if lower.contains("(exim ") || lower.contains("(exim)") || is_exim_id(hop.id.as_deref()) {
        return Some(Software::Exim);
    }
    if lower.contains("(haraka") || lower.contains("haraka/") {
        return Some(Software::Haraka);
    }
    if lower.contains("(stalwart") {
        return Some(Software::Stalwart);
    }
    if lower.contains("qmail") {
        return Some(Software::Qmail);
    }
    if lower.contains("ecelerity") {
        return Some(Software::Ecelerity);
    }
    if lower.contains("powermta") {
        return Some(Software::PowerMta);
    }
    if lower.contains("(courier") || lower.contains("courier-mta") {
        return Some(Software::Courier);
    }
    if with.contains("/TLS/") || with.contains("/tls/") || by.ends_with(".iphmx.com") {
        return Some(Software::IronPort);
    }
    if by.ends_with(".mimecast.com") || by.ends_with(".mimecast-offshore.com") {
        return Some(Software::Mimecast);
    }
    if by.ends_with("sendgrid.net") || lower.contains(" (sg) ") {
        return Some(Software::SendGrid);
    }
    if by == "mx.google.com"
        || by == "smtp.gmail.com"
        || by.ends_with(".google.com")
        || lower.contains("google transport security")
        || (by.starts_with("2002:") && lower.contains("with smtp id"))
    {
        return Some(Software::Gmail);
    }
    if is_sendmail_version_comment(&lower) || lower.contains("sendmail") {
        return Some(Software::Sendmail);
    }
    // Exim writes its protocol names in lower case (esmtp, esmtps, esmtpsa, local-esmtp) and
    // the sender as `(helo=…)` or `(envelope-from <…>)`; Courier also writes `esmtp`, so the
    // lower case alone is not enough.
    let exim_protocol = with.starts_with("esmtp") || with.starts_with("local-") || with == "asmtp";
    if exim_protocol && (lower.contains("helo=") || lower.contains("(envelope-from <")) {
        return Some(Software::Exim);
    }
    None
}

/// Exim message ids: `1GzVLs-0002Oz-7b` (6-6-2) and, since 4.97, `1qXyZa-00000000AbC-1234`.
fn is_exim_id(id: Option<&str>) -> bool {
    let Some(id) = id else { return false };
    let parts: Vec<&str> = id.split('-').collect();
    let alnum = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
    match parts.as_slice() {
        [a, b, c] => {
            alnum(a)
                && alnum(b)
                && alnum(c)
                && ((a.len() == 6 && b.len() == 6 && c.len() == 2)
                    || (a.len() == 6 && b.len() == 11 && c.len() == 4))
        }
        _ => false,
    }
}

/// Sendmail's `(8.15.2/8.15.2)` version comment in the by clause.
fn is_sendmail_version_comment(lower: &str) -> bool {
    lower.match_indices("(8.").any(|(i, _)| {
        let rest = lower.get(i + 1..).unwrap_or_default();
        let end = rest.find(')').unwrap_or(rest.len());
        let inside = rest.get(..end).unwrap_or_default();
        inside.contains('/') && inside.starts_with("8.")
    })
}

// ---------------------------------------------------------------------------------------------
// TLS notations.

/// What the TLS notations of one line say, before judgement.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct TlsReading {
    /// The phrase that shows TLS was used, for the evidence sentence.
    evidence: Option<String>,
    version_written: Option<String>,
    version: Option<TlsVersion>,
    /// The written version is the cipher's minimum (Sendmail/Haraka/Courier `TLSv1/SSLv3`).
    version_is_cipher_minimum: bool,
    cipher: Option<String>,
    bits: Option<u16>,
    key_exchange: Option<String>,
    client_certificate: Option<String>,
}

/// Splits text into tokens for notation matching: words separated by whitespace, parentheses,
/// commas and semicolons; `=`, `:` and `/` stay inside tokens.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '[' | ']'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn read_tls(
    text: &str,
    pieces: &[Piece<'_>],
    clauses: &Clauses<'_>,
    software: Option<Software>,
) -> TlsReading {
    let mut reading = TlsReading::default();
    let toks = tokens(text);
    let lower_toks: Vec<String> = toks.iter().map(|t| t.to_ascii_lowercase()).collect();
    let lower = text.to_ascii_lowercase();

    // Postfix, Mimecast, Postini and Stalwart: `(using TLSv1.3 with cipher X (256/256 bits)
    // key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)`,
    // `(Using TLS)`, `(using TLSv1)`.
    for (i, tok) in lower_toks.iter().enumerate() {
        if tok != "using" {
            continue;
        }
        let Some(next) = toks.get(i + 1) else {
            continue;
        };
        let next_lower = next.to_ascii_lowercase();
        if TlsVersion::parse_loose(next).is_some()
            || next_lower == "tls"
            || next_lower == "ssl"
            || next_lower.starts_with("tlsv")
            || next_lower.starts_with("sslv")
        {
            reading.evidence = Some(format!("using {next}"));
            if next_lower != "tls" && next_lower != "ssl" {
                reading.version_written = Some(next.to_string());
            }
            if lower_toks.get(i + 2).map(String::as_str) == Some("with")
                && lower_toks.get(i + 3).map(String::as_str) == Some("cipher")
            {
                reading.cipher = toks.get(i + 4).map(|s| s.to_string());
                reading.bits = toks.get(i + 5).and_then(|b| leading_number(b));
            }
            if let Some(k) = lower_toks.iter().position(|t| t == "key-exchange") {
                reading.key_exchange = toks.get(k + 1).map(|s| s.to_string());
            }
            break;
        }
    }

    // `key=value` notations: Sendmail/Haraka `version=… cipher=… bits=… verify=…`, Gmail
    // `version=TLS1_3 cipher=… bits=256/256`, Microsoft `(version=TLS1_2, cipher=…)`, ecelerity
    // `(cipher=…)`.
    for tok in &toks {
        let Some((key, value)) = tok.split_once('=') else {
            continue;
        };
        let value = value.trim_matches(|c: char| c == '"' || c == ',');
        match key.to_ascii_lowercase().as_str() {
            "version" if reading.version_written.is_none() && !value.is_empty() => {
                reading.version_written = Some(value.to_string());
                reading
                    .evidence
                    .get_or_insert_with(|| format!("version={value}"));
            }
            "cipher" | "tls_cipher" if reading.cipher.is_none() && !value.is_empty() => {
                reading.cipher = Some(value.to_string());
                reading
                    .evidence
                    .get_or_insert_with(|| format!("cipher={value}"));
            }
            "bits" if reading.bits.is_none() => reading.bits = leading_number(value),
            "verify" if reading.client_certificate.is_none() && !value.is_empty() => {
                reading.client_certificate = Some(format!("verify={value}"));
            }
            _ => {}
        }
    }

    // Courier and others: `(TLS: TLSv1/SSLv3, 168bits, DES-CBC3-SHA)`, `SSL: …`.
    for (i, tok) in lower_toks.iter().enumerate() {
        if tok != "tls:" && tok != "ssl:" {
            continue;
        }
        reading
            .evidence
            .get_or_insert_with(|| toks.get(i).map(|t| t.to_string()).unwrap_or_default());
        for follower in toks.iter().skip(i + 1).take(3) {
            if reading.version_written.is_none() && looks_like_version(follower) {
                reading.version_written = Some(follower.to_string());
            } else if reading.bits.is_none() && follower.to_ascii_lowercase().ends_with("bits") {
                reading.bits = leading_number(follower);
            } else if reading.cipher.is_none() && tls::looks_like_cipher(follower) {
                reading.cipher = Some(follower.to_string());
            }
        }
    }

    // Exim: `(TLS1.2:ECDHE_RSA_AES_256_GCM_SHA384:256)`, `(TLSv1:AES256-SHA:256)`,
    // `(TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24)`, `(UNKNOWN:…)`, `tls_cipher TLS-1.0:…:32`,
    // `Cipher TLSv1:…:168`.
    for tok in &toks {
        let parts: Vec<&str> = tok.split(':').collect();
        if let [version, cipher, bits] = parts.as_slice() {
            let version_ok = looks_like_version(version) || version.eq_ignore_ascii_case("unknown");
            if version_ok && tls::looks_like_cipher(cipher) {
                reading.evidence.get_or_insert_with(|| tok.to_string());
                if reading.version_written.is_none() && !version.eq_ignore_ascii_case("unknown") {
                    reading.version_written = Some(version.to_string());
                }
                reading.cipher.get_or_insert_with(|| cipher.to_string());
                if reading.bits.is_none() {
                    reading.bits = bits.parse().ok();
                }
            }
        }
    }

    // Exim 4.92+: `with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384`.
    for (i, tok) in lower_toks.iter().enumerate() {
        if tok == "tls" {
            if let Some(next) = toks.get(i + 1) {
                if tls::looks_like_cipher(next) {
                    reading.cipher.get_or_insert_with(|| next.to_string());
                    reading
                        .evidence
                        .get_or_insert_with(|| format!("tls {next}"));
                }
            }
        }
    }
    for piece in clauses.with.iter().chain(clauses.by.iter()) {
        if let Piece::Comment(c) = piece {
            let c = c.trim();
            if looks_like_version(c) && reading.version_written.is_none() {
                reading.version_written = Some(c.to_string());
                reading.evidence.get_or_insert_with(|| format!("({c})"));
            }
        }
    }

    // Cisco IronPort: `with ESMTP/TLS/AES128-GCM-SHA256`, also `ESMTP/TLS/ECDHE-RSA-…`.
    if let Some(with) = Clauses::first_word(&clauses.with) {
        let parts: Vec<&str> = with.split('/').collect();
        if let [_, middle, rest @ ..] = parts.as_slice() {
            if middle.eq_ignore_ascii_case("TLS") || middle.eq_ignore_ascii_case("SSL") {
                reading.evidence.get_or_insert_with(|| with.to_string());
                if let Some(cipher) = rest.first().filter(|c| !c.is_empty()) {
                    reading.cipher.get_or_insert_with(|| (*cipher).to_string());
                }
            }
        }
    }

    // qmail-tls and Symantec/MessageLabs: `with (DHE-RSA-AES256-GCM-SHA384 encrypted) SMTP`,
    // `with AES256-GCM-SHA384 encrypted SMTP`.
    for (i, tok) in lower_toks.iter().enumerate() {
        if tok == "encrypted" && i > 0 {
            if let Some(prev) = toks.get(i - 1) {
                if tls::looks_like_cipher(prev) {
                    reading.cipher.get_or_insert_with(|| prev.to_string());
                    reading
                        .evidence
                        .get_or_insert_with(|| format!("{prev} encrypted"));
                }
            }
        }
    }

    // Microsoft: `with Microsoft SMTP Server (TLS)`, `over TLS secured channel`; Google:
    // `(Google Transport Security)`.
    let comment_is = |want: &str| {
        pieces
            .iter()
            .any(|p| matches!(p, Piece::Comment(c) if c.trim().eq_ignore_ascii_case(want)))
    };
    if reading.evidence.is_none() {
        if comment_is("TLS") {
            reading.evidence = Some("(TLS)".to_string());
        } else if lower.contains("over tls secured channel") {
            reading.evidence = Some("over TLS secured channel".to_string());
        } else if lower.contains("google transport security") {
            reading.evidence = Some("Google Transport Security".to_string());
        }
    }

    // A bare cipher-suite name anywhere (Stalwart `TLS13_AES_256_GCM_SHA384`).
    if reading.cipher.is_none() {
        if let Some(tok) = toks.iter().find(|t| tls::lookup(t).is_some()) {
            reading.cipher = Some(tok.to_string());
            reading.evidence.get_or_insert_with(|| tok.to_string());
        }
    }

    // Postfix's notes on the client certificate.
    for piece in pieces {
        if let Piece::Comment(c) = piece {
            let lc = c.to_ascii_lowercase();
            if lc.contains("client certificate")
                || lc.contains("client cn")
                || lc.contains("verified ok")
                || lc.contains("not verified")
            {
                reading
                    .client_certificate
                    .get_or_insert_with(|| c.trim().to_string());
            }
        }
    }

    // Decide whether the written version is the negotiated one or the cipher's minimum.
    if let Some(written) = reading.version_written.clone() {
        reading.version = TlsVersion::parse_loose(&written);
        reading.version_is_cipher_minimum = is_cipher_minimum(
            &written,
            reading.version,
            reading.cipher.as_deref(),
            software,
            &toks,
        );
    }
    reading
}

fn leading_number(text: &str) -> Option<u16> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

fn looks_like_version(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    TlsVersion::parse_loose(text).is_some() || lower == "tlsv1/sslv3" || lower == "sslv3/tlsv1"
}

/// Is a written version only the cipher suite's minimum version?
///
/// OpenSSL's `SSL_CIPHER_get_version()` returns the oldest protocol a suite is defined for
/// (`TLSv1/SSLv3` for every SSLv3/TLS suite in OpenSSL 1.0, `TLSv1.0`/`SSLv3`/`TLSv1.2` since
/// 1.1), and Sendmail and Haraka (Node's `cipher.version`) write that, not the negotiated
/// version. `SSL_get_version()`, which Postfix and Exim use, returns `TLSv1` for TLS 1.0 without
/// `.0`. So: `TLSv1/SSLv3` and `TLSv1.0` are always minimums; Haraka's values always are; a
/// `version=` value equal to the cipher's own minimum is one; a higher value is negotiated.
fn is_cipher_minimum(
    written: &str,
    version: Option<TlsVersion>,
    cipher: Option<&str>,
    software: Option<Software>,
    toks: &[&str],
) -> bool {
    let lower = written.to_ascii_lowercase();
    if lower == "tlsv1/sslv3" || lower == "sslv3/tlsv1" {
        return true;
    }
    // Gmail and Microsoft write the negotiated version with an underscore (`TLS1_2`).
    if lower.contains('_') {
        return false;
    }
    let from_version_key = toks
        .iter()
        .any(|t| t.to_ascii_lowercase().starts_with("version=") && t.contains(written));
    if software == Some(Software::Haraka) && from_version_key {
        return true;
    }
    if lower == "tlsv1.0" && from_version_key {
        return true;
    }
    if !from_version_key {
        return false;
    }
    match (version, cipher.and_then(tls::lookup)) {
        (Some(v), Some(info)) => v == info.min_version,
        (Some(TlsVersion::Ssl3), None) => true,
        _ => false,
    }
}

/// Turns a reading into the hop's TLS fields, falling back to mail-parser's values.
fn apply_tls(hop: &mut Hop, mut reading: TlsReading, parsed: Option<&mail_parser::Received<'_>>) {
    if let Some(r) = parsed {
        if reading.cipher.is_none() {
            if let Some(c) = &r.tls_cipher {
                if tls::looks_like_cipher(c) {
                    reading.cipher = Some(c.to_string());
                    reading.evidence.get_or_insert_with(|| c.to_string());
                }
            }
        }
    }
    hop.key_exchange = reading.key_exchange.clone();
    hop.client_certificate = reading.client_certificate.clone();
    hop.cipher_bits = reading.bits;
    hop.tls_version_written = reading.version_written.clone();
    if let Some(evidence) = &reading.evidence {
        hop.encrypted = Some(true);
        hop.encryption_evidence = format!("The line records TLS: \u{201c}{evidence}\u{201d}.");
    }

    let info = reading.cipher.as_deref().and_then(tls::lookup);
    if let Some(cipher) = &reading.cipher {
        hop.cipher = Some(cipher.clone());
    }

    // The negotiated version, when the line states it.
    if let Some(v) = reading.version {
        if !reading.version_is_cipher_minimum {
            hop.tls_version = Some(v);
            hop.tls_version_source = Some(VersionSource::Stated);
        }
    }
    // Otherwise the cipher may pin it: TLS 1.3 suites exist only in 1.3, AEAD and SHA-2 suites
    // other than those only in 1.2.
    if hop.tls_version.is_none() {
        if let Some(info) = info {
            let pinned = if info.tls13_only {
                Some(TlsVersion::Tls1_3)
            } else if info.tls12_only {
                Some(TlsVersion::Tls1_2)
            } else {
                None
            };
            match (pinned, reading.version_is_cipher_minimum, reading.version) {
                // The written minimum equals the only version the suite exists in: it is the
                // negotiated version after all.
                (Some(p), true, Some(v)) if p == v => {
                    hop.tls_version = Some(p);
                    hop.tls_version_source = Some(VersionSource::Stated);
                }
                (Some(p), _, _) => {
                    hop.tls_version = Some(p);
                    hop.tls_version_source = Some(VersionSource::Inferred);
                }
                (None, true, _) => {
                    hop.tls_version_source = Some(VersionSource::CipherMinimum);
                    hop.tls_version_at_least = Some(info.min_version);
                }
                (None, false, _) => {}
            }
        } else if reading.version_is_cipher_minimum {
            hop.tls_version_source = Some(VersionSource::CipherMinimum);
            hop.tls_version_at_least = reading.version;
        }
    }

    // The IANA name. A TLS 1.3 session described with a TLS 1.2-style GnuTLS name maps to the
    // 1.3 suite with the same AEAD and hash.
    if let Some(info) = info {
        let effective = if hop.tls_version == Some(TlsVersion::Tls1_3) && !info.tls13_only {
            tls::tls13_equivalent(info).unwrap_or(info)
        } else {
            info
        };
        hop.cipher_iana = Some(effective.iana.to_string());
        hop.forward_secret = Some(effective.forward_secret());
    }
}

// ---------------------------------------------------------------------------------------------
// Internal hops and the encryption decision.

/// Operators whose relays talk to each other over public addresses; a hop between two hosts
/// of one group is internal to that operator.
const OPERATORS: &[(&str, &[&str])] = &[
    (
        "Microsoft",
        &[
            "outlook.com",
            "office365.com",
            "hotmail.com",
            "exchangelabs.com",
            "outlook.cn",
            "microsoft.com",
        ],
    ),
    (
        "Google",
        &["google.com", "gmail.com", "googlemail.com", "1e100.net"],
    ),
    ("Amazon SES", &["amazonses.com", "amazonaws.com"]),
    (
        "Yahoo",
        &["yahoo.com", "yahoodns.net", "yahoo.net", "aol.com"],
    ),
    ("Apple", &["icloud.com", "me.com", "mac.com", "apple.com"]),
    ("Mimecast", &["mimecast.com", "mimecast-offshore.com"]),
    (
        "Proofpoint",
        &["pphosted.com", "ppe-hosted.com", "proofpoint.com"],
    ),
    ("SendGrid", &["sendgrid.net"]),
    ("Fastmail", &["messagingengine.com", "fastmail.com"]),
    ("Zoho", &["zoho.com", "zohomail.com"]),
];

/// Two-label public suffixes common in mail host names, for a registrable-domain guess without
/// shipping the whole Public Suffix List.
const TWO_LABEL_SUFFIXES: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "ne.jp", "or.jp",
    "co.nz", "com.br", "com.cn", "net.cn", "co.in", "co.za", "com.mx", "com.tr", "co.kr", "com.sg",
    "com.hk", "com.tw",
];

/// The registrable domain of a host name (a guess good enough to compare two hosts).
pub fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.parse::<IpAddr>().is_ok() || !host.contains('.') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    let n = labels.len();
    if n < 2 {
        return None;
    }
    let last_two = labels.get(n - 2..)?.join(".");
    if TWO_LABEL_SUFFIXES.contains(&last_two.as_str()) && n >= 3 {
        return Some(labels.get(n - 3..)?.join("."));
    }
    Some(last_two)
}

fn operator_of(host: &str) -> Option<&'static str> {
    let domain = registrable_domain(host)?;
    OPERATORS
        .iter()
        .find(|(_, domains)| domains.contains(&domain.as_str()))
        .map(|(name, _)| *name)
}

/// True for addresses that never route on the public internet.
pub fn is_private_ip(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private() || v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()
        }
        IpAddr::V6(v6) => {
            let first = v6.segments().first().copied().unwrap_or(0);
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| v4.is_private() || v4.is_loopback())
        }
    }
}

fn is_loopback(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

fn mark_internal(hop: &mut Hop) {
    let with_upper = hop.with.as_deref().map(protocol_word).unwrap_or_default();
    let lower = hop.raw.to_ascii_lowercase();
    let from_ip = hop
        .from_ip
        .as_deref()
        .and_then(|s| s.parse::<IpAddr>().ok());
    let from_name = hop.from.as_deref().unwrap_or_default().to_ascii_lowercase();
    let reason: Option<String> =
        if with_upper.starts_with("LMTP") || with_upper.starts_with("UTF8LMTP") {
            Some("local delivery over LMTP".into())
        } else if with_upper == "LOCAL" || with_upper.starts_with("LOCAL-") {
            Some("local submission on the server itself".into())
        } else if with_upper == "MAPI" {
            Some("Exchange MAPI submission from a mailbox client".into())
        } else if lower.contains("invoked by uid")
            || lower.contains("from userid")
            || lower.contains("invoked from network")
        {
            Some("handed over by a local process".into())
        } else if with_upper == "POP3"
            || with_upper == "IMAP"
            || with_upper.starts_with("QMAIL-SCANNER")
        {
            Some("retrieval or scanning on the recipient's own machine".into())
        } else if from_ip.as_ref().is_some_and(is_loopback)
            || from_name == "localhost"
            || from_name == "localhost.localdomain"
            || hop
                .by
                .as_deref()
                .is_some_and(|b| b.eq_ignore_ascii_case("localhost"))
        {
            Some("loopback: the message never left the machine".into())
        } else if hop.from.is_none() && hop.from_ip.is_none() && hop.by.is_some() {
            Some("no sending host recorded: the message was handed over inside this server".into())
        } else if let Some(ip) = from_ip.filter(is_private_ip) {
            Some(format!("private address {ip}"))
        } else if let Some(op) = same_operator(hop) {
            Some(format!("both hosts belong to {op}"))
        } else {
            None
        };
    if let Some(reason) = reason {
        hop.internal = true;
        hop.internal_reason = Some(reason);
    }
}

/// The operator both ends of a hop belong to, when the host names say so.
fn same_operator(hop: &Hop) -> Option<String> {
    let by = hop.by.as_deref()?;
    let from_hosts = [
        hop.from_rdns.as_deref(),
        hop.from.as_deref(),
        hop.helo.as_deref(),
    ];
    // Gmail's internal hops: `by 2002:a05:…` with SMTP id.
    if by.starts_with("2002:") && hop.software == Some(Software::Gmail) {
        return Some("Google".into());
    }
    let by_operator = operator_of(by);
    let by_domain = registrable_domain(by);
    for from in from_hosts.into_iter().flatten() {
        if let (Some(a), Some(b)) = (by_operator, operator_of(from)) {
            if a == b {
                return Some(a.to_string());
            }
        }
        if let (Some(a), Some(b)) = (&by_domain, registrable_domain(from)) {
            if *a == b {
                return Some(format!("the same domain ({a})"));
            }
        }
    }
    None
}

/// Sets `encrypted` from the protocol word when no TLS notation decided it.
fn decide_encryption(hop: &mut Hop) {
    if hop.encrypted.is_some() {
        return;
    }
    if hop.from.is_none() && hop.from_ip.is_none() {
        hop.encryption_evidence = "No sending host is recorded: the line marks the message \
                                   entering this server (a local hand-over), not a transfer \
                                   over the network."
            .into();
        return;
    }
    // Yahoo and others write `via HTTP` for webmail submissions instead of a with clause.
    let with = hop.with.clone().or_else(|| {
        hop.via
            .clone()
            .filter(|v| v.eq_ignore_ascii_case("HTTP") || v.eq_ignore_ascii_case("HTTPS"))
    });
    let Some(with) = with else {
        hop.encryption_evidence =
            "The line has no with clause, so the protocol is not recorded.".into();
        return;
    };
    let proto = protocol_word(&with);
    let tls_protocols = [
        "ESMTPS",
        "ESMTPSA",
        "LMTPS",
        "LMTPSA",
        "UTF8SMTPS",
        "UTF8SMTPSA",
        "UTF8LMTPS",
        "UTF8LMTPSA",
        "SMTPS",
        "HTTPS",
        "LOCAL-ESMTPS",
        "LOCAL-ESMTPSA",
        "IMAPS",
        "POP3S",
    ];
    // CommuniGate Pro writes `ESMTP-TLS`; any protocol word naming TLS counts.
    if tls_protocols.contains(&proto.as_str()) || proto.contains("TLS") {
        hop.encrypted = Some(true);
        hop.encryption_evidence = match proto.as_str() {
            "SMTPS" => format!("\u{201c}with {with}\u{201d}: SMTP over implicit TLS."),
            "HTTPS" => format!("\u{201c}with {with}\u{201d}: submitted over HTTPS (web or API)."),
            _ => format!(
                "\u{201c}with {with}\u{201d}: the S means the session used TLS (RFC 3848); the \
                 version and cipher are not recorded."
            ),
        };
        return;
    }
    if proto == "HTTP" || proto == "HTTPREST" {
        hop.encryption_evidence = format!(
            "\u{201c}with {with}\u{201d}: a web or API submission. The service's front end \
             usually terminates HTTPS before this server, so the line can't say."
        );
        return;
    }
    let plain = [
        "SMTP",
        "ESMTP",
        "ESMTPA",
        "LMTP",
        "LMTPA",
        "UTF8SMTP",
        "UTF8SMTPA",
        "UTF8LMTP",
        "UTF8LMTPA",
        "ASMTP",
        "LOCAL-ESMTP",
        "LOCAL-SMTP",
        "LOCAL-BSMTP",
    ];
    let software = hop.software;
    if plain.contains(&proto.as_str()) {
        if let Some(sw) = software.filter(|s| s.always_marks_tls()) {
            hop.encrypted = Some(false);
            hop.encryption_evidence = format!(
                "\u{201c}with {with}\u{201d} without an S, written by {}, which always records \
                 TLS when it is used: this hop was plaintext.",
                sw.name()
            );
        } else {
            let who = software.map_or("software mailtls could not identify".to_string(), |s| {
                s.name().to_string()
            });
            hop.encryption_evidence = format!(
                "\u{201c}with {with}\u{201d} has no S, but the line was written by {who}, which \
                 does not always record TLS: unknown."
            );
        }
        return;
    }
    hop.encryption_evidence = match software {
        Some(Software::Microsoft) => format!(
            "\u{201c}with {with}\u{201d} without a TLS clause: Exchange omits it in some \
             configurations, so this is unknown, not plaintext."
        ),
        _ => format!("\u{201c}with {with}\u{201d} says nothing about TLS."),
    };
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

#[cfg(test)]
mod tests;
