//! The lexical layer of a Received value: pieces (words, comments, semicolons), the clauses
//! of RFC 5321 §4.4 (`from`, `by`, `via`, `with`, `id`, `for`, date) and the host details in them.
//!
//! Must not judge anything: it only says what the line's words are.

use std::net::IpAddr;

use mail_parser::Host;

use super::Hop;
/// A lexical piece of a Received value: a word at comment depth 0, a whole top-level comment
/// (nested parentheses included) or a top-level semicolon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// A word at comment depth 0.
    Word(&'a str),
    Comment(&'a str),
    /// A top-level `;` and its byte offset in the text.
    Semicolon(usize),
}

pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
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
pub(super) struct Clauses<'a> {
    pub(super) from: Vec<Piece<'a>>,
    pub(super) by: Vec<Piece<'a>>,
    pub(super) via: Vec<Piece<'a>>,
    pub(super) with: Vec<Piece<'a>>,
    pub(super) id: Vec<Piece<'a>>,
    pub(super) for_: Vec<Piece<'a>>,
    /// Pieces before any keyword (qmail's leading comment).
    pub(super) leading: Vec<Piece<'a>>,
    pub(super) date_text: Option<&'a str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Clause {
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
    pub(super) fn read(text: &'a str, pieces: &[Piece<'a>]) -> Clauses<'a> {
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
    pub(super) fn words_of(&self, clause: &[Piece<'a>]) -> Option<String> {
        let words: Vec<&str> = clause
            .iter()
            .filter_map(|p| match p {
                Piece::Word(w) => Some(*w),
                _ => None,
            })
            .collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    pub(super) fn first_word(clause: &[Piece<'a>]) -> Option<&'a str> {
        clause.iter().find_map(|p| match p {
            Piece::Word(w) => Some(*w),
            _ => None,
        })
    }

    pub(super) fn comments<'b>(clause: &'b [Piece<'a>]) -> impl Iterator<Item = &'a str> + 'b {
        clause.iter().filter_map(|p| match p {
            Piece::Comment(c) => Some(*c),
            _ => None,
        })
    }
}

pub(super) fn clean_host(word: &str) -> String {
    word.trim_matches(|c: char| matches!(c, '[' | ']' | '<' | '>' | ',' | ';' | '"'))
        .trim_start_matches("IPv6:")
        .trim_start_matches("ipv6:")
        .to_string()
}

pub(super) fn parse_ip(word: &str) -> Option<IpAddr> {
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
pub(super) fn read_from_clause(
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

pub(super) fn host_text(host: &Host<'_>) -> String {
    match host {
        Host::Name(name) => name.to_string(),
        Host::IpAddr(ip) => ip.to_string(),
    }
}

/// Reads `rdns [ip]`, `[ip]:port helo=name`, `HELO name`, `(ip)` out of a host comment.
pub(super) fn read_host_comment(
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
pub(super) fn read_by_clause(clauses: &Clauses<'_>, hop: &mut Hop) {
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
pub(super) fn with_text(clauses: &Clauses<'_>) -> Option<String> {
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
pub(super) fn protocol_word(with: &str) -> String {
    with.split('/').next().unwrap_or(with).to_ascii_uppercase()
}
