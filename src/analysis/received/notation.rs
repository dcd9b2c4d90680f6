//! TLS notations inside a Received value, in every dialect mail software writes them: Postfix
//! `using`, Sendmail/Haraka/Gmail/Microsoft `version=`/`cipher=`, Courier `TLS:`, Exim
//! `VER:CIPHER:BITS` and `(TLS1.3) tls X`, OpenSMTPD, Cisco `ESMTP/TLS/X`, qmail-tls `X encrypted`,
//! Exchange `(TLS)`, IIS `over TLS secured channel`, Google Transport Security.
//!
//! Must not decide encryption from the protocol word or judge strength (see `classify.rs` and
//! `transport.rs`).

use super::clauses::{Clauses, Piece};
use super::{Hop, Software, VersionSource};
use crate::analysis::tls::{self, TlsVersion};

/// What the TLS notations of one line say, before judgement.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct TlsReading {
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
pub(super) fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | '[' | ']'))
        .filter(|t| !t.is_empty())
        .collect()
}

pub(super) fn read_tls(
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
    // OpenSMTPD adds the client-certificate verdict: `(TLSv1.3:AEAD-AES256-GCM-SHA384:256:NO)`.
    for tok in &toks {
        let parts: Vec<&str> = tok.split(':').collect();
        let (version, cipher, bits, verify) = match parts.as_slice() {
            [v, c, b] => (v, c, b, None),
            [v, c, b, verify] => (v, c, b, Some(verify)),
            _ => continue,
        };
        {
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
                if let Some(verify) = verify.filter(|v| !v.is_empty()) {
                    reading
                        .client_certificate
                        .get_or_insert_with(|| format!("client certificate verified: {verify}"));
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

pub(super) fn leading_number(text: &str) -> Option<u16> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

pub(super) fn looks_like_version(text: &str) -> bool {
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
pub(super) fn is_cipher_minimum(
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
pub(super) fn apply_tls(
    hop: &mut Hop,
    mut reading: TlsReading,
    parsed: Option<&mail_parser::Received<'_>>,
) {
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
