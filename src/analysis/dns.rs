//! DNS records as people paste them: zone-file lines, full `dig` output (with its header flags),
//! `dig +short` answers and bare TXT values. This file only splits text into records; what a
//! TXT, TLSA or MX record means is decided by `mta_sts.rs`, `tlsrpt.rs`, `dane.rs` and the MX
//! cross-checks.
//!
//! Must not interpret record contents beyond their syntax (RFC 1035 §5.1 master files,
//! RFC 3597 §5 generic rdata).

use serde::{Deserialize, Serialize};

use super::finding::{excerpt, Location};

/// The record types mailtls reads; anything else is kept by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum RecordType {
    /// TXT (MTA-STS `_mta-sts`, TLS-RPT `_smtp._tls`).
    Txt,
    /// TLSA (DANE).
    Tlsa,
    /// MX.
    Mx,
    /// CNAME (e.g. the first line of `dig +short TXT` when the name is an alias).
    Cname,
    /// A.
    A,
    /// AAAA.
    Aaaa,
    /// RRSIG (shows the answer was signed; `dig +dnssec`).
    Rrsig,
    /// Any other type, by its mnemonic.
    Other(String),
}

impl RecordType {
    fn parse(word: &str) -> Option<RecordType> {
        let upper = word.to_ascii_uppercase();
        Some(match upper.as_str() {
            "TXT" => RecordType::Txt,
            "TLSA" => RecordType::Tlsa,
            "MX" => RecordType::Mx,
            "CNAME" => RecordType::Cname,
            "A" => RecordType::A,
            "AAAA" => RecordType::Aaaa,
            "RRSIG" => RecordType::Rrsig,
            "NS" | "SOA" | "SPF" | "PTR" | "SRV" | "CAA" | "DS" | "DNSKEY" | "NSEC" | "NSEC3"
            | "HTTPS" | "SVCB" | "CDS" | "CDNSKEY" | "SSHFP" | "OPENPGPKEY" | "SMIMEA" => {
                RecordType::Other(upper)
            }
            w if w.starts_with("TYPE")
                && w.len() > 4
                && w.bytes().skip(4).all(|b| b.is_ascii_digit()) =>
            {
                match w {
                    "TYPE52" => RecordType::Tlsa,
                    "TYPE16" => RecordType::Txt,
                    "TYPE15" => RecordType::Mx,
                    _ => RecordType::Other(upper),
                }
            }
            _ => return None,
        })
    }

    /// The mnemonic.
    pub fn name(&self) -> &str {
        match self {
            RecordType::Txt => "TXT",
            RecordType::Tlsa => "TLSA",
            RecordType::Mx => "MX",
            RecordType::Cname => "CNAME",
            RecordType::A => "A",
            RecordType::Aaaa => "AAAA",
            RecordType::Rrsig => "RRSIG",
            RecordType::Other(name) => name,
        }
    }
}

/// One resource record as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The owner name, when written (`dig +short` and bare values have none).
    pub owner: Option<String>,
    /// The TTL in seconds, when written.
    pub ttl: Option<u32>,
    /// The type, written or inferred from the rdata's shape.
    pub rtype: RecordType,
    /// True when the type was inferred (`dig +short`, bare values).
    pub type_inferred: bool,
    /// The rdata words, with multi-line parentheses removed and quotes kept.
    pub rdata: String,
    /// For TXT: the character-strings, unquoted and unescaped, in order. Joined without spaces
    /// they form the record's value (RFC 7208 §3.3, RFC 8461 §3.1).
    pub strings: Vec<String>,
    /// Where the record starts.
    pub location: Location,
}

impl Record {
    /// For TXT: the value, the character-strings joined without separators.
    pub fn txt_value(&self) -> String {
        self.strings.concat()
    }
}

/// A problem with the text itself (not with what a record means).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxProblem {
    /// Where.
    pub location: Location,
    /// What, in one sentence.
    pub message: String,
}

/// Everything read from one pasted DNS text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsText {
    /// The records in order.
    pub records: Vec<Record>,
    /// True when the text is `dig` output with its `;; flags:` line.
    pub from_dig: bool,
    /// The `ad` (authenticated data) flag of the dig answer: Some(true) means the resolver
    /// validated DNSSEC. None when there was no flags line (e.g. `dig +short`, which hides it).
    pub authenticated_data: Option<bool>,
    /// The dig status (`NOERROR`, `NXDOMAIN`, `SERVFAIL`), when shown.
    pub status: Option<String>,
    /// Lines that could not be read.
    pub problems: Vec<SyntaxProblem>,
}

/// Reads DNS text. `input` is the pasted input's index, for locations. Never fails.
pub fn read(text: &str, input: usize) -> DnsText {
    let mut out = DnsText::default();
    let mut previous_owner: Option<String> = None;
    let logical = logical_lines(text, input, &mut out.problems);
    for line in logical {
        let trimmed = line.text.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with(';') {
            read_dig_comment(trimmed, &mut out);
            continue;
        }
        if trimmed.starts_with('$') {
            // $ORIGIN / $TTL directives carry no records.
            continue;
        }
        let words = split_words(&line.text);
        match read_record(&line.text, &words, previous_owner.as_deref()) {
            Some(mut record) => {
                record.location = line.location.clone();
                if record.owner.is_some() && !record.type_inferred {
                    previous_owner.clone_from(&record.owner);
                }
                out.records.push(record);
            }
            None => out.problems.push(SyntaxProblem {
                location: line.location.clone(),
                message: "This line is not a DNS record mailtls can read.".to_string(),
            }),
        }
    }
    out
}

/// A record line after joining `( … )` continuations and dropping `;` comments.
struct LogicalLine {
    text: String,
    location: Location,
}

fn logical_lines(text: &str, input: usize, problems: &mut Vec<SyntaxProblem>) -> Vec<LogicalLine> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut start: Option<Location> = None;
    let mut depth = 0i32;
    for (n, raw) in text.lines().enumerate() {
        let raw = raw.trim_start_matches('\u{feff}');
        let location = Location {
            input,
            line: u32::try_from(n + 1).unwrap_or(u32::MAX),
            column: 1,
            excerpt: excerpt(raw, 160),
        };
        // dig prints comment lines starting with ';'; keep them whole for the flags.
        if depth == 0 && raw.trim_start().starts_with(';') {
            out.push(LogicalLine {
                text: raw.to_string(),
                location,
            });
            continue;
        }
        // A TXT value pasted bare (`v=STSv1; id=1`) uses `;` as a separator, not a comment.
        let bare_txt = depth == 0 && raw.trim_start().to_ascii_lowercase().starts_with("v=");
        let (content, opened, closed) = if bare_txt {
            (raw.to_string(), 0, 0)
        } else {
            strip_comment_and_count(raw)
        };
        if depth == 0 {
            start = Some(location);
            current.clear();
        } else {
            current.push(' ');
        }
        current.push_str(&content);
        depth += opened - closed;
        if depth <= 0 {
            if depth < 0 {
                if let Some(loc) = start.clone() {
                    problems.push(SyntaxProblem {
                        location: loc,
                        message: "A closing parenthesis has no opening one.".to_string(),
                    });
                }
            }
            depth = 0;
            if let Some(loc) = start.take() {
                out.push(LogicalLine {
                    text: current.replace(['(', ')'], " "),
                    location: loc,
                });
            }
        }
    }
    if depth > 0 {
        if let Some(loc) = start {
            problems.push(SyntaxProblem {
                location: loc.clone(),
                message: "A parenthesis opened here is never closed; the record was read up to \
                          the end of the text."
                    .to_string(),
            });
            out.push(LogicalLine {
                text: current.replace(['(', ')'], " "),
                location: loc,
            });
        }
    }
    out
}

/// Drops a `;` comment (outside quotes) and counts unquoted parentheses.
fn strip_comment_and_count(line: &str) -> (String, i32, i32) {
    let mut out = String::with_capacity(line.len());
    let mut in_quote = false;
    let mut escaped = false;
    let (mut opened, mut closed) = (0, 0);
    for c in line.chars() {
        if escaped {
            escaped = false;
            out.push(c);
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                out.push(c);
            }
            '"' => {
                in_quote = !in_quote;
                out.push(c);
            }
            ';' if !in_quote => break,
            '(' if !in_quote => {
                opened += 1;
                out.push(c);
            }
            ')' if !in_quote => {
                closed += 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    (out, opened, closed)
}

/// Splits on whitespace outside quotes, keeping quoted words whole (quotes included).
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_quote = false;
    let mut escaped = false;
    for c in line.chars() {
        if escaped {
            current.push(c);
            escaped = false;
            continue;
        }
        match c {
            '\\' => {
                current.push(c);
                escaped = true;
            }
            '"' => {
                current.push(c);
                in_quote = !in_quote;
            }
            c if c.is_whitespace() && !in_quote => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

fn read_dig_comment(line: &str, out: &mut DnsText) {
    let lower = line.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix(";; flags:") {
        out.from_dig = true;
        let flags = rest.split(';').next().unwrap_or_default();
        out.authenticated_data = Some(flags.split_whitespace().any(|f| f == "ad"));
    } else if lower.contains("->>header<<-") {
        out.from_dig = true;
        if let Some(pos) = line.find("status:") {
            let status = line
                .get(pos + 7..)
                .unwrap_or_default()
                .split(',')
                .next()
                .unwrap_or_default()
                .trim();
            if !status.is_empty() {
                out.status = Some(status.to_string());
            }
        }
    }
}

/// Reads `owner ttl class type rdata`, in any of the orders RFC 1035 allows, or a bare rdata
/// whose type is inferred from its shape.
fn read_record(line: &str, words: &[String], previous_owner: Option<&str>) -> Option<Record> {
    let starts_blank = line.starts_with([' ', '\t']);
    // Find the type mnemonic: the first word that is one, after at most an owner, a TTL and a
    // class.
    let mut owner = None;
    let mut ttl = None;
    let mut index = 0;
    let mut rtype = None;
    let mut class_seen = false;
    while let Some(word) = words.get(index) {
        if index > 3 {
            break;
        }
        if let Some(t) = RecordType::parse(word) {
            rtype = Some(t);
            index += 1;
            break;
        }
        if let Ok(n) = word.parse::<u32>() {
            if ttl.is_none() && (owner.is_some() || starts_blank || index > 0) {
                ttl = Some(n);
                index += 1;
                continue;
            }
            break;
        }
        let upper = word.to_ascii_uppercase();
        if matches!(upper.as_str(), "IN" | "CH" | "HS" | "CS") {
            class_seen = true;
            index += 1;
            continue;
        }
        if index == 0 && !starts_blank && !word.starts_with('"') {
            owner = Some(word.clone());
            index += 1;
            continue;
        }
        break;
    }
    // A relative owner without a dot, TTL or class ("not a record") is prose, not a record.
    let plausible = owner
        .as_deref()
        .is_none_or(|o: &str| o.contains('.') || o == "@" || o.starts_with('_'))
        || ttl.is_some()
        || class_seen;
    if let Some(rtype) = rtype.filter(|_| plausible) {
        let rdata_words = words.get(index..).unwrap_or_default();
        let owner = owner.or_else(|| previous_owner.map(str::to_string));
        return Some(build(owner, ttl, rtype, false, rdata_words));
    }
    infer(words)
}

/// `dig +short` answers and bare values: the type comes from the shape of the rdata.
fn infer(words: &[String]) -> Option<Record> {
    let first = words.first()?;
    let numeric = |w: &String| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let hexish = |w: &String| w.bytes().all(|b| b.is_ascii_hexdigit());
    let tlsa_shape = words.len() >= 4
        && words.iter().take(3).all(numeric)
        && (words.iter().skip(3).all(hexish) || words.get(3).is_some_and(|w| w == "\\#"));
    let rtype = if first.starts_with('"') {
        RecordType::Txt
    } else if tlsa_shape || first == "\\#" {
        RecordType::Tlsa
    } else if words.len() == 2 && numeric(first) && words.get(1).is_some_and(|w| w.contains('.')) {
        RecordType::Mx
    } else if words.len() == 1 && first.ends_with('.') && first.contains('.') {
        RecordType::Cname
    } else if first.to_ascii_lowercase().starts_with("v=") {
        // A TXT value pasted without quotes: keep the whole line as one string.
        return Some(Record {
            owner: None,
            ttl: None,
            rtype: RecordType::Txt,
            type_inferred: true,
            rdata: words.join(" "),
            strings: vec![words.join(" ")],
            location: Location {
                input: 0,
                line: 0,
                column: 0,
                excerpt: String::new(),
            },
        });
    } else {
        return None;
    };
    Some(build(None, None, rtype, true, words))
}

fn build(
    owner: Option<String>,
    ttl: Option<u32>,
    rtype: RecordType,
    type_inferred: bool,
    rdata_words: &[String],
) -> Record {
    let strings = if rtype == RecordType::Txt {
        txt_strings(rdata_words)
    } else {
        Vec::new()
    };
    Record {
        owner: owner.map(|o| o.trim_end_matches('.').to_string()),
        ttl,
        rtype,
        type_inferred,
        rdata: rdata_words.join(" "),
        strings,
        location: Location {
            input: 0,
            line: 0,
            column: 0,
            excerpt: String::new(),
        },
    }
}

/// TXT character-strings: quoted strings unescaped (`\"`, `\\`, `\DDD`), unquoted words as is.
fn txt_strings(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let inner = w
                .strip_prefix('"')
                .map(|s| s.strip_suffix('"').unwrap_or(s))
                .unwrap_or(w);
            unescape(inner)
        })
        .collect()
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let digits: String = std::iter::from_fn(|| chars.next_if(|d| d.is_ascii_digit()))
            .take(3)
            .collect();
        if digits.len() == 3 {
            if let Some(ch) = digits.parse::<u8>().ok().map(char::from) {
                out.push(ch);
            }
        } else {
            out.push_str(&digits);
            if digits.is_empty() {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: expect_test::Expect) {
        let dns = read(text, 0);
        let mut out = String::new();
        for r in &dns.records {
            out.push_str(&format!(
                "{} {:?} {}{} [{}] {:?}\n",
                r.location.line,
                r.owner,
                r.rtype.name(),
                if r.type_inferred { "?" } else { "" },
                r.rdata,
                r.strings
            ));
        }
        out.push_str(&format!(
            "dig={} ad={:?} status={:?} problems={:?}\n",
            dns.from_dig,
            dns.authenticated_data,
            dns.status,
            dns.problems
                .iter()
                .map(|p| p.location.line)
                .collect::<Vec<_>>()
        ));
        expected.assert_eq(&out);
    }

    #[test]
    fn zone_lines() {
        check(
            "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=2024\" \"0501\"\n\
             _25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 ( 0123456789abcdef\n   fedcba9876543210 )\n\
             example.com. IN 300 MX 10 mx.example.com.\n",
            expect_test::expect![[r#"
                1 Some("_mta-sts.example.com") TXT ["v=STSv1; id=2024" "0501"] ["v=STSv1; id=2024", "0501"]
                2 Some("_25._tcp.mx.example.com") TLSA [3 1 1 0123456789abcdef fedcba9876543210] []
                4 Some("example.com") MX [10 mx.example.com.] []
                dig=false ad=None status=None problems=[]
            "#]],
        );
    }

    #[test]
    fn dig_output() {
        check(
            "; <<>> DiG 9.18.24 <<>> +dnssec +noall +answer +comments TLSA _25._tcp.mx.example.com\n\
             ;; global options: +cmd\n\
             ;; Got answer:\n\
             ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 4242\n\
             ;; flags: qr rd ra ad; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 1\n\
             \n\
             ;; ANSWER SECTION:\n\
             _25._tcp.mx.example.com. 3600\tIN\tTLSA\t3 1 1 ABCDEF0123 4567\n\
             _25._tcp.mx.example.com. 3600\tIN\tRRSIG\tTLSA 13 5 3600 20240601000000 20240501000000 12345 example.com. abc=\n",
            expect_test::expect![[r#"
                8 Some("_25._tcp.mx.example.com") TLSA [3 1 1 ABCDEF0123 4567] []
                9 Some("_25._tcp.mx.example.com") RRSIG [TLSA 13 5 3600 20240601000000 20240501000000 12345 example.com. abc=] []
                dig=true ad=Some(true) status=Some("NOERROR") problems=[]
            "#]],
        );
    }

    #[test]
    fn short_and_bare_values() {
        check(
            "mta-sts.example.net.\n\"v=STSv1; id=20240101\"\n10 mx1.example.com.\n3 1 1 abcdef\n\\# 35 0301 01ab\nv=TLSRPTv1; rua=mailto:tls@example.com\nnot a record at all\n",
            expect_test::expect![[r#"
                1 None CNAME? [mta-sts.example.net.] []
                2 None TXT? ["v=STSv1; id=20240101"] ["v=STSv1; id=20240101"]
                3 None MX? [10 mx1.example.com.] []
                4 None TLSA? [3 1 1 abcdef] []
                5 None TLSA? [\# 35 0301 01ab] []
                6 None TXT? [v=TLSRPTv1; rua=mailto:tls@example.com] ["v=TLSRPTv1; rua=mailto:tls@example.com"]
                dig=false ad=None status=None problems=[7]
            "#]],
        );
    }

    #[test]
    fn escapes_comments_and_broken_parentheses() {
        check(
            "a.example. TXT \"say \\\"hi\\\"; \\065\" ; trailing comment\nb.example. TLSA 3 1 1 ( abcd\n",
            expect_test::expect![[r#"
                1 Some("a.example") TXT ["say \"hi\"; \065"] ["say \"hi\"; A"]
                2 Some("b.example") TLSA [3 1 1 abcd] []
                dig=false ad=None status=None problems=[2]
            "#]],
        );
    }
}
