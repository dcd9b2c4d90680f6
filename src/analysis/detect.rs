//! What kind of input is this? Headers, certificates, an MTA-STS policy, DNS records, an
//! `openssl s_client` transcript or a TLS-RPT report, decided from the bytes alone.
//!
//! Must not depend on the parsers: detection is a cheap look at the first few kilobytes so that a
//! drop or a paste can be routed before anything is parsed.

use serde::{Deserialize, Serialize};

/// The kinds of input mailtls reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A message's header section, or a whole message (`.eml`, mbox).
    #[serde(rename = "headers")]
    Headers,
    /// PEM or DER X.509 certificates.
    #[serde(rename = "certificates")]
    Certificates,
    /// An MTA-STS policy file (RFC 8461 §3.2).
    #[serde(rename = "mta-sts-policy")]
    MtaStsPolicy,
    /// DNS records: `_mta-sts` and `_smtp._tls` TXT, TLSA, MX, as in a zone file or `dig` output.
    #[serde(rename = "dns-records")]
    DnsRecords,
    /// An `openssl s_client` transcript.
    #[serde(rename = "s_client")]
    SClient,
    /// A TLS-RPT aggregate report (RFC 8460 §4), JSON or gzip.
    #[serde(rename = "tls-rpt-report")]
    TlsRptReport,
    /// None of the above.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Kind {
    /// The name used in JSON and the CLI.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Headers => "headers",
            Kind::Certificates => "certificates",
            Kind::MtaStsPolicy => "mta-sts-policy",
            Kind::DnsRecords => "dns-records",
            Kind::SClient => "s_client",
            Kind::TlsRptReport => "tls-rpt-report",
            Kind::Unknown => "unknown",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Headers => "Message headers",
            Kind::Certificates => "Certificates",
            Kind::MtaStsPolicy => "MTA-STS policy",
            Kind::DnsRecords => "DNS records",
            Kind::SClient => "s_client transcript",
            Kind::TlsRptReport => "TLS-RPT report",
            Kind::Unknown => "Unrecognised",
        }
    }

    /// Every kind, in the order the page lists them.
    pub const ALL: [Kind; 7] = [
        Kind::Headers,
        Kind::Certificates,
        Kind::MtaStsPolicy,
        Kind::DnsRecords,
        Kind::SClient,
        Kind::TlsRptReport,
        Kind::Unknown,
    ];
}

/// How much of the input detection looks at. Every signature it needs sits near the start.
const SNIFF_BYTES: usize = 64 * 1024;

/// Decides the kind of `bytes`. `file_name` (may be empty) breaks ties for dropped files.
pub fn detect(bytes: &[u8], file_name: &str) -> Kind {
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let name = file_name.to_ascii_lowercase();

    // Binary signatures first: gzip (a compressed TLS-RPT report) and DER (a SEQUENCE with a
    // long-form length, which every certificate has).
    if head.starts_with(&[0x1f, 0x8b]) {
        return Kind::TlsRptReport;
    }
    if head.len() > 4 && head.first() == Some(&0x30) && matches!(head.get(1), Some(0x82 | 0x83)) {
        return Kind::Certificates;
    }
    if is_binary(head) {
        return Kind::Unknown;
    }

    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();

    if is_s_client(text) {
        return Kind::SClient;
    }
    if text.contains("-----BEGIN CERTIFICATE-----")
        || text.contains("-----BEGIN TRUSTED CERTIFICATE-----")
        || text.contains("-----BEGIN X509 CERTIFICATE-----")
    {
        // A message that carries a certificate in its body is still a message.
        if !looks_like_headers(trimmed) {
            return Kind::Certificates;
        }
    }
    // `curl -sSi` output: an HTTP response is only ever the MTA-STS policy fetch (issue #4).
    if trimmed.starts_with("HTTP/") {
        return Kind::MtaStsPolicy;
    }
    if trimmed.starts_with('{') && is_tls_rpt_json(text) {
        return Kind::TlsRptReport;
    }
    if looks_like_headers(trimmed) {
        return Kind::Headers;
    }
    if is_mta_sts_policy(text) {
        return Kind::MtaStsPolicy;
    }
    if is_dns_records(text) {
        return Kind::DnsRecords;
    }
    if is_bare_base64_der(trimmed) {
        return Kind::Certificates;
    }
    if name.ends_with(".pem") || name.ends_with(".crt") || name.ends_with(".cer") {
        return Kind::Certificates;
    }
    if name.ends_with(".eml") {
        return Kind::Headers;
    }
    Kind::Unknown
}

/// True when the bytes contain NULs or a high share of control characters: not text.
pub fn is_binary(bytes: &[u8]) -> bool {
    if bytes.is_empty() {
        return false;
    }
    let sample = bytes.get(..8192).unwrap_or(bytes);
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    sample.contains(&0) || controls * 20 > sample.len()
}

fn is_s_client(text: &str) -> bool {
    let markers = [
        "CONNECTED(",
        "Verify return code:",
        "SSL handshake has read",
        "Didn't find STARTTLS in server response",
        "didn't find starttls in server response",
        "Server certificate\n",
        "---\nCertificate chain",
        "SSL-Session:",
        "New, TLSv1",
        "New, SSLv",
        "Peer signing digest:",
        "Server Temp Key:",
        // `-brief` output, OpenSSL 3.x lines and connection failures (issue #4).
        "CONNECTION ESTABLISHED",
        "Ciphersuite:",
        "Verification: OK",
        "Verified peername:",
        "Negotiated TLS1.3 group:",
        "connect:errno=",
        "BIO_connect:",
    ];
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    markers.iter().filter(|m| text.contains(*m)).count() >= 2
        || text.trim_start().starts_with("CONNECTED(")
        || first.contains("openssl s_client")
}

fn is_tls_rpt_json(text: &str) -> bool {
    [
        "\"organization-name\"",
        "\"policies\"",
        "\"report-id\"",
        "\"date-range\"",
    ]
    .iter()
    .filter(|m| text.contains(*m))
    .count()
        >= 2
}

/// Header field names that start a real message or header paste.
const HEADER_NAMES: &[&str] = &[
    "received",
    "return-path",
    "delivered-to",
    "x-received",
    "arc-seal",
    "arc-message-signature",
    "arc-authentication-results",
    "authentication-results",
    "dkim-signature",
    "x-google-dkim-signature",
    "x-gm-message-state",
    "received-spf",
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "mime-version",
    "content-type",
    "x-originating-ip",
    "x-ms-exchange-organization-authas",
    "x-mailer",
    "envelope-to",
    "reply-to",
    "sender",
    "x-sender",
    "x-apparently-to",
    "tls-required",
];

/// True when the text opens like a header section: an mbox `From ` line, or a first field with a
/// well-known name, or several `Name: value` lines among which `Received:` appears.
pub fn looks_like_headers(trimmed: &str) -> bool {
    let mut lines = trimmed.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    if first.starts_with("From ") && first.contains('@') || first.starts_with(">From ") {
        return true;
    }
    let field = |line: &str| -> Option<String> {
        let (name, _) = line.split_once(':')?;
        let ok = !name.is_empty()
            && name.len() <= 76
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| name.to_ascii_lowercase())
    };
    let Some(first_name) = field(first) else {
        return false;
    };
    if HEADER_NAMES.contains(&first_name.as_str()) || first_name.starts_with("x-") {
        return true;
    }
    // Otherwise require a Received field among the first lines.
    trimmed
        .lines()
        .take(200)
        .filter_map(field)
        .any(|name| name == "received")
}

fn is_mta_sts_policy(text: &str) -> bool {
    let mut keys = 0;
    for line in text.lines().take(200) {
        let line = line
            .trim_start_matches('\u{feff}')
            .trim()
            .to_ascii_lowercase();
        if line.starts_with("version:") && line.contains("stsv1") {
            keys += 2;
        } else if line.starts_with("mode:")
            || line.starts_with("max_age:")
            || line.starts_with("mx:")
        {
            keys += 1;
        }
    }
    keys >= 2
}

fn is_dns_records(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    if lower.contains("v=stsv1") || lower.contains("v=tlsrptv1") || lower.contains("v=tsrptv1") {
        return true;
    }
    if lower.contains(";; answer section") || lower.contains("; <<>> dig") {
        return true;
    }
    text.lines().take(200).any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
        let has = |t: &str| upper.iter().any(|w| w == t);
        if has("TLSA") || (has("MX") && has("IN")) || (has("TXT") && has("IN")) {
            return true;
        }
        // Bare TLSA rdata: "3 1 1 <hex>".
        matches!(
            (words.first(), words.get(1), words.get(2), words.get(3)),
            (Some(u), Some(s), Some(m), Some(d))
                if u.len() <= 3 && s.len() <= 3 && m.len() <= 3
                    && [u, s, m].iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
                    && d.len() >= 8 && d.bytes().all(|b| b.is_ascii_hexdigit() || b == b'(')
        )
    })
}

/// Base64 DER without armour: the text is one base64 blob whose decoding would start with a
/// SEQUENCE with a long-form length ("MII…").
fn is_bare_base64_der(trimmed: &str) -> bool {
    trimmed.starts_with("MI")
        && trimmed.len() > 200
        && trimmed.bytes().take(4096).all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\n' | b'\r' | b' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Kind) {
        assert_eq!(detect(input.as_bytes(), ""), expected, "input: {input:?}");
    }

    #[test]
    fn kinds() {
        check(
            "Received: from a by b with ESMTPS; Mon, 1 Jan 2024 00:00:00 +0000\n",
            Kind::Headers,
        );
        check(
            "Return-Path: <a@b>\nReceived: from x by y; 1 Jan 2024 00:00 +0000\n",
            Kind::Headers,
        );
        check(
            "From alice@example.com Mon Jan  1 00:00:00 2024\nReceived: x\n",
            Kind::Headers,
        );
        check("X-Spam: 1\nSubject: hi\n", Kind::Headers);
        check("Foo: bar\nReceived: from a by b\n", Kind::Headers);
        check(
            "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\n",
            Kind::MtaStsPolicy,
        );
        check("mode: testing\nmx: a\n", Kind::MtaStsPolicy);
        check(
            "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=1\"\n",
            Kind::DnsRecords,
        );
        check("\"v=TLSRPTv1; rua=mailto:a@b\"\n", Kind::DnsRecords);
        check(
            "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 abcdef0123456789\n",
            Kind::DnsRecords,
        );
        check("3 1 1 0123456789abcdef0123456789abcdef\n", Kind::DnsRecords);
        check(
            "example.com. 300 IN MX 10 mx.example.com.\n",
            Kind::DnsRecords,
        );
        check(
            "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            Kind::Certificates,
        );
        check(
            "CONNECTED(00000003)\n---\nCertificate chain\n",
            Kind::SClient,
        );
        check(
            "{\"organization-name\":\"x\",\"date-range\":{},\"policies\":[]}",
            Kind::TlsRptReport,
        );
        check("hello world, this is prose.\n", Kind::Unknown);
        check("", Kind::Unknown);
    }

    #[test]
    fn binary_signatures() {
        assert_eq!(detect(&[0x1f, 0x8b, 8, 0], ""), Kind::TlsRptReport);
        assert_eq!(detect(&[0x30, 0x82, 1, 0x22, 0x30], ""), Kind::Certificates);
        assert_eq!(detect(&[0, 1, 2, 3, 4, 5], ""), Kind::Unknown);
        assert!(is_binary(b"abc\0def"));
        assert!(!is_binary(b"Received: from x\r\n\tby y\r\n"));
    }

    #[test]
    fn file_names_break_ties() {
        assert_eq!(detect(b"garbage", "server.pem"), Kind::Certificates);
        assert_eq!(detect(b"garbage", "Message.EML"), Kind::Headers);
    }
}
