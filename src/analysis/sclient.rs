//! `openssl s_client` transcripts, as printed by OpenSSL 1.0.2, 1.1.1 and 3.x (including
//! `-brief` and the 3.5 hybrid post-quantum group line): whether STARTTLS was offered, the
//! session, the verify result, the certificate chain as PEM text with line numbers, and any SMTP
//! replies.
//!
//! Must not depend on anything outside `analysis`, read a clock or do IO. Never panics. The
//! certificate blocks are kept as text: certificate checks belong to the certificate module,
//! which reads [`Transcript::certificates`] at merge time.
//!
//! Facts the reader relies on:
//! - With `2>&1`, stderr lines (`depth=…`, `verify error:…`, `Didn't find STARTTLS…`, error
//!   lines) are interleaved with stdout in any order, so nothing here depends on line order
//!   except within the chain and session blocks.
//! - `New, TLSv1/SSLv3, Cipher is …` (OpenSSL 1.0) names the cipher's minimum version, not the
//!   protocol; the session's `Protocol  :` line is preferred.
//! - A lone `250 …` line right after the handshake is the last line of the EHLO reply *before*
//!   STARTTLS, which s_client echoes; it says nothing about the TLS session. Only a multi-line
//!   `250-` reply after the handshake (from an EHLO typed into the session) shows the post-TLS
//!   capabilities, where REQUIRETLS would appear.

use serde::{Deserialize, Serialize};

use super::catalog::{requiretls, sclient as words};
use super::finding::{excerpt, Finding, Location, Severity};
use super::mta_sts::{u32_of, Mode};
use super::tls::{self, TlsVersion};

/// What the transcript says about STARTTLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StartTls {
    /// The server's EHLO reply offered STARTTLS.
    Offered,
    /// "Didn't find STARTTLS in server response".
    NotOffered,
    /// The command used implicit TLS (no `-starttls`).
    NotUsed,
    /// The transcript doesn't say.
    Unknown,
}

/// How far the connection got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// No TCP connection.
    ConnectFailed,
    /// Connected, but no TLS session.
    HandshakeFailed,
    /// A TLS session was established.
    Established,
    /// The transcript is too partial to tell.
    Unknown,
}

/// Whether the host name was part of verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameCheck {
    /// `-verify_hostname` was used (seen in the command, a `Verified peername:` line or a
    /// hostname-mismatch error).
    Checked,
    /// The command was pasted and has no `-verify_hostname`.
    NotRequested,
    /// The transcript doesn't say.
    Unknown,
}

/// The command line, when the paste includes it (`$ openssl s_client …`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandLine {
    /// The command as pasted, without the prompt.
    pub text: String,
    /// 1-based line.
    pub line: u32,
    /// `-connect` host.
    pub host: Option<String>,
    /// `-connect` port.
    pub port: Option<u16>,
    /// `-starttls` protocol.
    pub starttls: Option<String>,
    /// `-servername` (SNI).
    pub servername: Option<String>,
    /// `-verify_hostname`.
    pub verify_hostname: Option<String>,
    /// `-showcerts`.
    pub showcerts: bool,
    /// `2>&1` (stderr captured).
    pub stderr_captured: bool,
    /// `-brief`.
    pub brief: bool,
}

/// A line of the transcript worth pointing at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based line.
    pub line: u32,
    /// The text.
    pub text: String,
}

/// The server's ephemeral key exchange (`Server Temp Key:`, `Peer Temp Key:` or
/// `Negotiated TLS1.3 group:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TempKey {
    /// As written, e.g. `X25519, 253 bits`.
    pub text: String,
    /// The group, e.g. `X25519`, `P-256`, `X25519MLKEM768`, or `DH` for finite-field.
    pub group: String,
    /// The size in bits, when given.
    pub bits: Option<u32>,
    /// True for a hybrid post-quantum group (ML-KEM, or the earlier Kyber drafts).
    pub post_quantum: bool,
}

/// `Verify return code: N (text)`, with what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyResult {
    /// The code (an OpenSSL `X509_V_ERR_*` value; 0 is success).
    pub code: i64,
    /// The text in parentheses.
    pub text: String,
    /// What it means for a mail admin.
    pub meaning: String,
    /// What to do about it (empty for 0).
    pub fix: String,
    /// 1-based line.
    pub line: u32,
}

/// A `verify error:num=N:text` line with the depth it was reported at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyError {
    /// The chain depth (0 = the server's certificate).
    pub depth: Option<u32>,
    /// The code.
    pub code: i64,
    /// The text.
    pub text: String,
    /// 1-based line.
    pub line: u32,
}

/// One entry of the `Certificate chain` block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainEntry {
    /// The depth (0 = the server's certificate).
    pub depth: u32,
    /// `s:` subject.
    pub subject: String,
    /// `i:` issuer.
    pub issuer: Option<String>,
    /// `a:` key and signature algorithm (OpenSSL 3.x).
    pub algorithms: Option<String>,
    /// `v:` validity (OpenSSL 3.x), as written.
    pub validity: Option<String>,
    /// 1-based line of the `s:` line.
    pub line: u32,
}

/// A PEM certificate block, kept as text for the certificate checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PemBlock {
    /// Position in the chain as printed (0 = first block).
    pub index: usize,
    /// The block from `-----BEGIN CERTIFICATE-----` to `-----END CERTIFICATE-----`, with LF
    /// line ends.
    pub pem: String,
    /// 1-based line of the BEGIN line.
    pub first_line: u32,
    /// 1-based line of the END line (or the last line read, if the block is cut off).
    pub last_line: u32,
    /// False when the END line is missing.
    pub complete: bool,
}

/// Everything read from one transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    /// Index of the input it came from.
    pub input: usize,
    /// The command line, when pasted.
    pub command: Option<CommandLine>,
    /// How far the connection got.
    pub outcome: Outcome,
    /// STARTTLS.
    pub starttls: StartTls,
    /// The negotiated protocol version.
    pub protocol: Option<TlsVersion>,
    /// The protocol as written.
    pub protocol_text: Option<String>,
    /// The cipher suite as written (OpenSSL name).
    pub cipher: Option<String>,
    /// Its IANA name, when known.
    pub cipher_iana: Option<String>,
    /// Whether the suite has forward secrecy, when known.
    pub forward_secret: Option<bool>,
    /// The key exchange group.
    pub temp_key: Option<TempKey>,
    /// `Peer signing digest:`.
    pub peer_signing_digest: Option<String>,
    /// `Peer signature type:`.
    pub peer_signature_type: Option<String>,
    /// `Server public key is N bit`.
    pub server_public_key_bits: Option<u32>,
    /// `Verify return code:`.
    pub verify: Option<VerifyResult>,
    /// `verify error:` lines.
    pub verify_errors: Vec<VerifyError>,
    /// `Verified peername:` (OpenSSL 3.x, when `-verify_hostname` matched).
    pub verified_peername: Option<String>,
    /// Whether the host name was checked.
    pub name_check: NameCheck,
    /// The `Certificate chain` block.
    pub chain: Vec<ChainEntry>,
    /// The PEM blocks in order (leaf first when `-showcerts` was used).
    pub certificates: Vec<PemBlock>,
    /// `subject=` of the server certificate.
    pub server_subject: Option<String>,
    /// `issuer=` of the server certificate.
    pub server_issuer: Option<String>,
    /// The echoed last line of the EHLO reply before STARTTLS (see the module docs).
    pub pre_tls_ehlo_last_line: Option<Line>,
    /// SMTP (or IMAP/POP) lines the server sent after the handshake.
    pub post_tls_lines: Vec<Line>,
    /// Capabilities from a multi-line EHLO reply after the handshake.
    pub capabilities: Vec<String>,
    /// OpenSSL error lines and `connect:errno=` lines.
    pub errors: Vec<Line>,
    /// `Secure Renegotiation IS supported` / `IS NOT supported`.
    pub secure_renegotiation: Option<bool>,
    /// Whether any stderr line (`depth=`, `verify return:`, errors) is present.
    pub stderr_seen: bool,
}

/// Reads a transcript. `input` is the input's index. Never fails.
pub fn read(text: &str, input: usize) -> Transcript {
    let mut t = Transcript {
        input,
        command: None,
        outcome: Outcome::Unknown,
        starttls: StartTls::Unknown,
        protocol: None,
        protocol_text: None,
        cipher: None,
        cipher_iana: None,
        forward_secret: None,
        temp_key: None,
        peer_signing_digest: None,
        peer_signature_type: None,
        server_public_key_bits: None,
        verify: None,
        verify_errors: Vec::new(),
        verified_peername: None,
        name_check: NameCheck::Unknown,
        chain: Vec::new(),
        certificates: Vec::new(),
        server_subject: None,
        server_issuer: None,
        pre_tls_ehlo_last_line: None,
        post_tls_lines: Vec::new(),
        capabilities: Vec::new(),
        errors: Vec::new(),
        secure_renegotiation: None,
        stderr_seen: false,
    };
    let mut connected = false;
    let mut no_peer_certificate = false;
    let mut cipher_none = false;
    let mut not_offered = false;
    let mut depth: Option<u32> = None;
    let mut new_line_version: Option<String> = None;
    let mut pem: Option<PemBlock> = None;
    // After the session summary (the `Verify return code` that ends it), server lines follow.
    let mut after_session = false;
    // `Verification: OK` / `Verification error: …` (1.1.1+), the only verify line of `-brief`.
    let mut verification: Option<(u32, Option<String>)> = None;

    for (n, raw) in text.lines().enumerate() {
        let number = u32_of(n + 1);
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();

        if let Some(block) = pem.as_mut() {
            block.pem.push_str(trimmed);
            block.pem.push('\n');
            block.last_line = number;
            if trimmed.starts_with("-----END") {
                block.complete = true;
                if let Some(done) = pem.take() {
                    t.certificates.push(done);
                }
            }
            continue;
        }
        if trimmed == "-----BEGIN CERTIFICATE-----" {
            pem = Some(PemBlock {
                index: t.certificates.len(),
                pem: format!("{trimmed}\n"),
                first_line: number,
                last_line: number,
                complete: false,
            });
            continue;
        }
        if t.command.is_none() {
            if let Some(command) = read_command(trimmed, number) {
                t.command = Some(command);
                continue;
            }
        }
        if trimmed.starts_with("CONNECTED(") {
            connected = true;
            continue;
        }
        if trimmed == "CONNECTION ESTABLISHED" {
            // `-brief` prints its summary on stderr, and server lines may follow it.
            connected = true;
            t.stderr_seen = true;
            after_session = true;
            continue;
        }
        if trimmed == "Verification: OK" {
            verification = Some((number, None));
            continue;
        }
        let lower = trimmed.to_ascii_lowercase();
        if lower.starts_with("didn't find starttls") || lower.starts_with("didn't found starttls") {
            not_offered = true;
            t.stderr_seen = true;
            t.errors.push(Line {
                line: number,
                text: trimmed.to_string(),
            });
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("depth=") {
            t.stderr_seen = true;
            depth = rest
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|d| d.parse().ok());
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("verify error:num=") {
            t.stderr_seen = true;
            let (code, text) = rest.split_once(':').unwrap_or((rest, ""));
            let code = code.trim().parse::<i64>().unwrap_or(-1);
            if !t
                .verify_errors
                .iter()
                .any(|e| e.code == code && e.depth == depth)
            {
                t.verify_errors.push(VerifyError {
                    depth,
                    code,
                    text: text.trim().to_string(),
                    line: number,
                });
            }
            continue;
        }
        if trimmed.starts_with("verify return:")
            || trimmed.starts_with("notAfter=")
            || trimmed.starts_with("notBefore=")
        {
            t.stderr_seen = true;
            continue;
        }
        if trimmed.starts_with("connect:errno=")
            || lower.contains(":error:")
            || lower.starts_with("connect: ")
            || lower.starts_with("getaddrinfo")
            || lower.contains("bio_lookup")
            || lower.starts_with("unable to load")
        {
            t.stderr_seen = true;
            t.errors.push(Line {
                line: number,
                text: trimmed.to_string(),
            });
            continue;
        }
        // The chain block: ` 0 s:subject`, `   i:issuer`, `   a:…`, `   v:…`.
        if let Some((d, subject)) = chain_subject(trimmed) {
            t.chain.push(ChainEntry {
                depth: d,
                subject,
                issuer: None,
                algorithms: None,
                validity: None,
                line: number,
            });
            continue;
        }
        if let Some(last) = t.chain.last_mut() {
            if let Some(v) = trimmed.strip_prefix("i:") {
                last.issuer = Some(v.trim().to_string());
                continue;
            }
            if let Some(v) = trimmed.strip_prefix("a:") {
                last.algorithms = Some(v.trim().to_string());
                continue;
            }
            if let Some(v) = trimmed.strip_prefix("v:") {
                last.validity = Some(v.trim().to_string());
                continue;
            }
        }
        if let Some(v) = trimmed.strip_prefix("subject=") {
            t.server_subject.get_or_insert_with(|| v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("issuer=") {
            t.server_issuer.get_or_insert_with(|| v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("Peer certificate:") {
            t.server_subject.get_or_insert_with(|| v.trim().to_string());
            continue;
        }
        if trimmed == "no peer certificate available" {
            no_peer_certificate = true;
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Peer signing digest:")
            .or_else(|| trimmed.strip_prefix("Hash used:"))
        {
            t.peer_signing_digest = Some(v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Peer signature type:")
            .or_else(|| trimmed.strip_prefix("Signature type:"))
        {
            t.peer_signature_type = Some(v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Server Temp Key:")
            .or_else(|| trimmed.strip_prefix("Peer Temp Key:"))
        {
            // A `Negotiated TLS1.3 group` line names the group more precisely; keep it.
            if t.temp_key.as_ref().is_none_or(|k| !k.post_quantum) {
                t.temp_key = Some(temp_key(v.trim()));
            }
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Negotiated TLS1.3 group:")
            .or_else(|| trimmed.strip_prefix("Negotiated TLS1.2 group:"))
        {
            t.temp_key = Some(temp_key(v.trim()));
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("Server public key is ") {
            t.server_public_key_bits = v.split_whitespace().next().and_then(|b| b.parse().ok());
            continue;
        }
        if trimmed.starts_with("Secure Renegotiation IS NOT supported") {
            t.secure_renegotiation = Some(false);
            continue;
        }
        if trimmed.starts_with("Secure Renegotiation IS supported") {
            t.secure_renegotiation = Some(true);
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("New, ") {
            // `New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384` / `New, (NONE), Cipher is (NONE)`.
            let (version, cipher) = rest.split_once(", Cipher is ").unwrap_or((rest, ""));
            if cipher.trim() == "(NONE)" || version.trim() == "(NONE)" {
                cipher_none = true;
            } else {
                new_line_version = Some(version.trim().to_string());
                if t.cipher.is_none() && !cipher.trim().is_empty() {
                    t.cipher = Some(cipher.trim().to_string());
                }
            }
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Protocol  :")
            .or_else(|| trimmed.strip_prefix("Protocol version:"))
            .or_else(|| trimmed.strip_prefix("Protocol :"))
        {
            t.protocol_text = Some(v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed
            .strip_prefix("Cipher    :")
            .or_else(|| trimmed.strip_prefix("Ciphersuite:"))
        {
            let v = v.trim();
            if v != "0000" && v != "(NONE)" {
                t.cipher = Some(v.to_string());
            } else {
                cipher_none = true;
            }
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("Verified peername:") {
            t.verified_peername = Some(v.trim().to_string());
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("Verification error:") {
            // `-brief` and 3.x print the reason here; the code comes with `Verify return code`.
            verification = Some((number, Some(v.trim().to_string())));
            if t.verify.is_none() && t.verify_errors.is_empty() {
                t.verify_errors.push(VerifyError {
                    depth: None,
                    code: code_for_text(v.trim()).unwrap_or(-1),
                    text: v.trim().to_string(),
                    line: number,
                });
            }
            continue;
        }
        if let Some(v) = trimmed.strip_prefix("Verify return code:") {
            if t.verify.is_none() {
                let v = v.trim();
                let (code, text) = v.split_once(' ').unwrap_or((v, ""));
                let code = code.parse::<i64>().unwrap_or(-1);
                let text = text
                    .trim()
                    .trim_start_matches('(')
                    .trim_end_matches(')')
                    .to_string();
                let (meaning, fix) = meaning(code, &text);
                t.verify = Some(VerifyResult {
                    code,
                    text,
                    meaning,
                    fix,
                    line: number,
                });
            }
            after_session = true;
            continue;
        }
        // Server lines after the session summary: SMTP replies, an IMAP/POP greeting.
        let server_line =
            is_reply(trimmed) || trimmed.starts_with("* ") || trimmed.starts_with("+OK");
        if after_session && server_line {
            t.post_tls_lines.push(Line {
                line: number,
                text: trimmed.to_string(),
            });
        }
    }
    if let Some(partial) = pem.take() {
        t.certificates.push(partial);
    }
    if t.verify.is_none() {
        if let Some((line, error)) = verification {
            let (code, text) = match error {
                None => (0, "ok".to_string()),
                Some(text) => (code_for_text(&text).unwrap_or(-1), text),
            };
            let (meaning, fix) = meaning(code, &text);
            t.verify = Some(VerifyResult {
                code,
                text,
                meaning,
                fix,
                line,
            });
        }
    }

    // The protocol: the session's line, or `New, TLSv1.x` unless it is OpenSSL 1.0's
    // cipher-minimum `TLSv1/SSLv3`.
    if t.protocol_text.is_none() {
        t.protocol_text = new_line_version.filter(|v| v != "TLSv1/SSLv3" && v != "SSLv3/TLSv1");
    }
    t.protocol = t.protocol_text.as_deref().and_then(TlsVersion::parse_loose);
    if let Some(info) = t.cipher.as_deref().and_then(tls::lookup) {
        t.cipher_iana = Some(info.iana.to_string());
        t.forward_secret = Some(info.forward_secret());
    }

    // SMTP replies after the handshake: a lone `250 x` first is the echoed pre-TLS EHLO end;
    // `250-` runs are EHLO replies inside TLS.
    if let Some(first) = t
        .post_tls_lines
        .first()
        .filter(|l| l.text.starts_with("250 "))
    {
        t.pre_tls_ehlo_last_line = Some(first.clone());
    }
    let skip = usize::from(t.pre_tls_ehlo_last_line.is_some());
    let mut in_ehlo = false;
    for l in t.post_tls_lines.iter().skip(skip) {
        if let Some(rest) = l.text.strip_prefix("250-") {
            if in_ehlo {
                t.capabilities.push(capability(rest));
            }
            // The first `250-` line of an EHLO reply is the server's name.
            in_ehlo = true;
        } else if let Some(rest) = l.text.strip_prefix("250 ") {
            if in_ehlo {
                t.capabilities.push(capability(rest));
            }
            in_ehlo = false;
        } else {
            in_ehlo = false;
        }
    }

    t.starttls = if not_offered {
        StartTls::NotOffered
    } else if t.command.as_ref().is_some_and(|c| c.starttls.is_none()) {
        StartTls::NotUsed
    } else if connected
        && (t.protocol.is_some() || !t.certificates.is_empty() || t.cipher.is_some())
    {
        if t.command.as_ref().is_some_and(|c| c.starttls.is_some())
            || t.pre_tls_ehlo_last_line.is_some()
        {
            StartTls::Offered
        } else {
            StartTls::Unknown
        }
    } else {
        StartTls::Unknown
    };
    t.outcome = if !connected
        && t.errors
            .iter()
            .any(|e| e.text.starts_with("connect:errno=") || is_connect_error(&e.text))
    {
        Outcome::ConnectFailed
    } else if cipher_none || (no_peer_certificate && t.cipher.is_none()) {
        Outcome::HandshakeFailed
    } else if t.cipher.is_some() || t.protocol.is_some() {
        Outcome::Established
    } else {
        Outcome::Unknown
    };
    // s_client prints "Verify return code: 0 (ok)" even when no certificate was received; that
    // zero verified nothing.
    if t.outcome == Outcome::HandshakeFailed && t.certificates.is_empty() && t.chain.is_empty() {
        t.verify = None;
    }
    t.name_check = if t.verified_peername.is_some()
        || t.verify_errors.iter().any(|e| e.code == 62)
        || t.verify.as_ref().is_some_and(|v| v.code == 62)
        || t.command
            .as_ref()
            .is_some_and(|c| c.verify_hostname.is_some())
    {
        NameCheck::Checked
    } else if t.command.is_some() {
        NameCheck::NotRequested
    } else {
        NameCheck::Unknown
    };
    t
}

/// The host the transcript connected to: `-verify_hostname`, `-servername`, then `-connect`.
pub fn host(t: &Transcript) -> Option<&str> {
    let command = t.command.as_ref()?;
    command
        .verify_hostname
        .as_deref()
        .or(command.servername.as_deref())
        .or(command.host.as_deref())
}

/// Judges a transcript. `mta_sts_mode` is the mode of a valid pasted MTA-STS policy, which
/// decides how much a verification failure matters. Returns the findings.
pub fn judge(t: &Transcript, mta_sts_mode: Option<Mode>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let at = |line: u32, text: &str| Location {
        input: t.input,
        line,
        column: 1,
        excerpt: excerpt(text, 160),
    };
    let first_line = t.command.as_ref().map_or(1, |c| c.line);
    let command_text = t.command.as_ref().map_or("", |c| c.text.as_str());
    let target = host(t).map(|h| format!(" ({h})")).unwrap_or_default();

    // Implicit TLS or submission rather than SMTP on 25.
    if let Some(c) = &t.command {
        let port = c.port;
        let smtp = c
            .starttls
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case("smtp"));
        if !smtp || port.is_some_and(|p| p != 25) {
            let what = match (smtp, port) {
                (false, Some(p)) => {
                    format!("The command connects to port {p} without -starttls smtp.")
                }
                (false, None) => "The command has no -starttls smtp.".to_string(),
                (true, Some(p)) => format!(
                    "The command tests port {p}; MX delivery uses port 25{}.",
                    if p == 587 {
                        " (587 is submission, for your users' mail clients)"
                    } else {
                        ""
                    }
                ),
                (true, None) => String::new(),
            };
            findings.push(
                Finding::new(&words::SCLIENT_NOT_SMTP_STARTTLS)
                    .specific(what)
                    .at(at(c.line, &c.text)),
            );
        }
    } else if t
        .post_tls_lines
        .iter()
        .any(|l| l.text.starts_with("* ") || l.text.starts_with("+OK"))
    {
        findings.push(
            Finding::new(&words::SCLIENT_NOT_SMTP_STARTTLS)
                .specific("The server's greeting is IMAP or POP, not SMTP.")
                .at(at(first_line, command_text)),
        );
    }

    match t.outcome {
        Outcome::ConnectFailed => {
            let error = t
                .errors
                .iter()
                .rev()
                .find(|e| e.text.starts_with("connect:errno="))
                .or(t.errors.last());
            let why = error.map(|e| connect_reason(&e.text)).unwrap_or_default();
            let mut f = Finding::new(&words::SCLIENT_CONNECT_FAILED)
                .titled(format!("openssl could not connect{target}"))
                .specific(why);
            if let Some(e) = error {
                f = f.at(at(e.line, &e.text));
            }
            findings.push(f);
            return findings;
        }
        Outcome::HandshakeFailed | Outcome::Unknown | Outcome::Established => {}
    }
    if t.starttls == StartTls::NotOffered {
        let line = t
            .errors
            .iter()
            .find(|e| e.text.to_ascii_lowercase().starts_with("didn't f"))
            .map_or(first_line, |e| e.line);
        findings.push(
            Finding::new(&words::SCLIENT_STARTTLS_NOT_OFFERED)
                .titled(format!("The server did not offer STARTTLS{target}"))
                .at(at(line, "Didn't find STARTTLS in server response")),
        );
    }
    if t.outcome == Outcome::HandshakeFailed {
        let error = t.errors.iter().find(|e| e.text.contains(":error:"));
        let mut f = Finding::new(&words::SCLIENT_HANDSHAKE_FAILED)
            .titled(format!("The TLS handshake failed{target}"));
        if let Some(e) = error {
            let reason = e.text.split(':').nth(5).unwrap_or_default().trim();
            if !reason.is_empty() {
                f = f.specific(format!("openssl said: \u{201c}{reason}\u{201d}."));
            }
            f = f.at(at(e.line, &e.text));
        }
        findings.push(f);
        return findings;
    }

    if t.outcome == Outcome::Established {
        let version = t
            .protocol
            .map_or("an unstated protocol version".to_string(), |v| {
                v.name().to_string()
            });
        let suite = t
            .cipher_iana
            .as_deref()
            .or(t.cipher.as_deref())
            .unwrap_or("an unknown suite");
        let group = t
            .temp_key
            .as_ref()
            .map(|k| format!(", key exchange {}", k.group))
            .unwrap_or_default();
        findings.push(
            Finding::new(&words::SCLIENT_SESSION)
                .titled(format!("TLS session{target}: {version} with {suite}"))
                .specific(format!("Negotiated {version}, {suite}{group}."))
                .at(at(first_line, command_text)),
        );
        if let Some(v) = t.protocol.filter(|v| *v < TlsVersion::Tls1_2) {
            findings.push(
                Finding::new(&words::SCLIENT_TLS_DEPRECATED)
                    .titled(format!("The server negotiated {}", v.name()))
                    .at(at(first_line, command_text)),
            );
        }
        if t.forward_secret == Some(false) {
            findings.push(
                Finding::new(&words::SCLIENT_NO_FORWARD_SECRECY)
                    .specific(format!(
                        "{} uses a static key exchange.",
                        t.cipher.as_deref().unwrap_or_default()
                    ))
                    .at(at(first_line, command_text)),
            );
        }
        if let Some(k) = &t.temp_key {
            if k.post_quantum {
                findings.push(
                    Finding::new(&words::SCLIENT_POST_QUANTUM)
                        .specific(format!("The group was {}.", k.group))
                        .at(at(first_line, command_text)),
                );
            } else if k.group == "DH" && k.bits.is_some_and(|b| b < 2048) {
                findings.push(
                    Finding::new(&words::SCLIENT_WEAK_KEY_EXCHANGE)
                        .specific(format!("The server used {}.", k.text))
                        .at(at(first_line, command_text)),
                );
            }
        }
    }

    // Verification.
    if let Some(v) = &t.verify {
        if v.code == 0 {
            let title = match t.name_check {
                NameCheck::Checked => format!(
                    "The certificate verified, including the name{}",
                    t.verified_peername
                        .as_deref()
                        .map(|p| format!(" {p}"))
                        .unwrap_or_default()
                ),
                NameCheck::NotRequested | NameCheck::Unknown => {
                    "The certificate chain verified".to_string()
                }
            };
            findings.push(Finding::new(&words::SCLIENT_VERIFY_OK).titled(title).at(at(
                v.line,
                &format!("Verify return code: {} ({})", v.code, v.text),
            )));
            match t.name_check {
                NameCheck::NotRequested => findings.push(
                    Finding::new(&words::SCLIENT_NAME_NOT_CHECKED)
                        .specific("The pasted command has no -verify_hostname.")
                        .at(at(first_line, command_text)),
                ),
                NameCheck::Unknown => findings.push(
                    Finding::new(&words::SCLIENT_NAME_NOT_CHECKED)
                        .titled("The transcript doesn't show whether the host name was checked")
                        .specific(
                            "There is no command line and no \u{201c}Verified peername\u{201d} line, so \
                             it is unknown whether -verify_hostname was used.",
                        )
                        .at(at(v.line, &v.text)),
                ),
                NameCheck::Checked => {}
            }
        } else {
            let severity = if mta_sts_mode == Some(Mode::Enforce) {
                Severity::Critical
            } else {
                Severity::Warning
            };
            let depth = t
                .verify_errors
                .iter()
                .find(|e| e.code == v.code)
                .and_then(|e| e.depth)
                .map(|d| {
                    if d == 0 {
                        " at the server's own certificate (depth 0)".to_string()
                    } else {
                        format!(" at chain depth {d}")
                    }
                })
                .unwrap_or_default();
            let policy = if severity == Severity::Critical {
                " The pasted MTA-STS policy is in enforce mode, so senders that have it refuse this host."
            } else {
                ""
            };
            let mut f = Finding::new(&words::SCLIENT_VERIFY_FAILED)
                .titled(format!(
                    "The certificate did not verify{target}: {} ({})",
                    v.code, v.text
                ))
                .specific(format!(
                    "{}{depth}.{policy}",
                    v.meaning.trim_end_matches('.')
                ))
                .with_severity(severity)
                .at(at(
                    v.line,
                    &format!("Verify return code: {} ({})", v.code, v.text),
                ));
            if !v.fix.is_empty() {
                f.fix = format!("{} {}", v.fix, f.fix);
            }
            findings.push(f);
        }
    }

    // What the transcript can't show.
    // Verification always prints `depth=` lines on stderr (except with -brief, whose whole
    // summary is on stderr), so a verify code without them means stderr was not captured.
    let stderr_lost = !t.stderr_seen
        && (t.verify.is_some() || t.command.as_ref().is_some_and(|c| !c.stderr_captured));
    if stderr_lost {
        findings
            .push(Finding::new(&words::SCLIENT_STDERR_MISSING).at(at(first_line, command_text)));
    }
    let brief = t.command.as_ref().is_some_and(|c| c.brief);
    let leaf_only = t.certificates.len() <= 1
        && (t.chain.len() > 1 || t.command.as_ref().is_some_and(|c| !c.showcerts) || brief);
    if t.outcome == Outcome::Established && leaf_only {
        let mut f = Finding::new(&words::SCLIENT_NO_CHAIN);
        if brief {
            f = f
                .titled("The transcript has no certificates (-brief)")
                .specific("-brief prints a summary without any certificate.");
        }
        findings.push(f.at(at(first_line, command_text)));
    }
    if t.capabilities.iter().any(|c| c == "REQUIRETLS") {
        let line = t
            .post_tls_lines
            .iter()
            .find(|l| l.text.to_ascii_uppercase().contains("REQUIRETLS"));
        let mut f = Finding::new(&words::SCLIENT_REQUIRETLS_ADVERTISED);
        if let Some(l) = line {
            f = f.at(at(l.line, &l.text));
        }
        findings.push(f);
    }
    findings
}

/// The REQUIRETLS explainer, with what this report shows about it.
pub fn requiretls_finding(
    tls_required: Option<&str>,
    transcripts: &[Transcript],
) -> Option<Finding> {
    let sessions = transcripts
        .iter()
        .any(|t| t.outcome == Outcome::Established);
    if tls_required.is_none() && !sessions {
        return None;
    }
    let mut sentences = Vec::new();
    if let Some(value) = tls_required {
        sentences.push(format!(
            "The message carries \u{201c}TLS-Required: {}\u{201d}.",
            value.trim()
        ));
    }
    for t in transcripts {
        let who = host(t).map(|h| format!("{h}: ")).unwrap_or_default();
        if t.capabilities.is_empty() {
            if t.outcome == Outcome::Established {
                sentences.push(format!(
                    "{who}the transcript has no EHLO reply from inside the TLS session, so it can't show \
                     whether the server supports REQUIRETLS."
                ));
            }
        } else if t.capabilities.iter().any(|c| c == "REQUIRETLS") {
            sentences.push(format!("{who}the EHLO reply inside TLS lists REQUIRETLS."));
        } else {
            sentences.push(format!(
                "{who}the EHLO reply inside TLS does not list REQUIRETLS (few servers support it yet)."
            ));
        }
    }
    Some(Finding::new(&requiretls::REQUIRETLS_EXPLAINED).specific(sentences.join(" ")))
}

// ---------------------------------------------------------------------------------------------

fn read_command(line: &str, number: u32) -> Option<CommandLine> {
    let start = line.find("openssl s_client")?;
    let prefix = line.get(..start).unwrap_or_default().trim();
    // `$ openssl …`, `# openssl …`, `user@host:~$ openssl …`, `printf … | openssl …`, or bare.
    if !(prefix.is_empty() || prefix.ends_with(['$', '#', '>', '%', '|'])) {
        return None;
    }
    let text = line.get(start..).unwrap_or_default().trim().to_string();
    let words: Vec<&str> = text.split_whitespace().collect();
    let value = |flag: &str| {
        words
            .iter()
            .position(|w| *w == flag)
            .and_then(|i| words.get(i + 1))
            .map(|v| v.to_string())
    };
    let (host, port) = match value("-connect") {
        Some(target) => split_host_port(&target),
        None => (value("-host"), value("-port").and_then(|p| p.parse().ok())),
    };
    Some(CommandLine {
        host,
        port,
        starttls: value("-starttls"),
        servername: value("-servername"),
        verify_hostname: value("-verify_hostname"),
        showcerts: words.contains(&"-showcerts"),
        stderr_captured: text.contains("2>&1") || text.contains("|&"),
        brief: words.contains(&"-brief"),
        text,
        line: number,
    })
}

fn split_host_port(target: &str) -> (Option<String>, Option<u16>) {
    if let Some(rest) = target.strip_prefix('[') {
        let (host, port) = rest.split_once(']').unwrap_or((rest, ""));
        return (
            Some(host.to_string()),
            port.trim_start_matches(':').parse().ok(),
        );
    }
    match target.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => (Some(host.to_string()), port.parse().ok()),
        _ => (Some(target.to_string()), None),
    }
}

/// ` 0 s:CN = mx.example.com` → (0, "CN = mx.example.com").
fn chain_subject(trimmed: &str) -> Option<(u32, String)> {
    let (depth, rest) = trimmed.split_once(' ')?;
    let depth: u32 = depth.parse().ok()?;
    let subject = rest.trim().strip_prefix("s:")?;
    Some((depth, subject.trim().to_string()))
}

fn temp_key(text: &str) -> TempKey {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let bits = parts
        .iter()
        .find_map(|p| p.strip_suffix(" bits").and_then(|b| b.trim().parse().ok()));
    let group = match parts.first().copied().unwrap_or_default() {
        "ECDH" => parts
            .get(1)
            .map_or("ECDH".to_string(), |g| normalise_curve(g)),
        "DH" => "DH".to_string(),
        other => other.to_string(),
    };
    let upper = group.to_ascii_uppercase();
    TempKey {
        text: text.to_string(),
        post_quantum: upper.contains("MLKEM") || upper.contains("KYBER"),
        group,
        bits,
    }
}

fn normalise_curve(name: &str) -> String {
    match name {
        "prime256v1" | "secp256r1" => "P-256".to_string(),
        "secp384r1" => "P-384".to_string(),
        "secp521r1" => "P-521".to_string(),
        other => other.to_string(),
    }
}

fn is_reply(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 4
        && b.iter().take(3).all(u8::is_ascii_digit)
        && matches!(b.get(3), Some(b' ' | b'-'))
}

fn capability(text: &str) -> String {
    text.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

fn is_connect_error(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("connection refused")
        || lower.contains("timed out")
        || lower.contains("no route to host")
        || lower.contains("network is unreachable")
        || lower.contains("name or service not known")
        || lower.contains("nodename nor servname")
        || lower.contains("bio_lookup")
        || lower.contains("getaddrinfo")
}

fn connect_reason(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    if lower.contains("errno=110") || lower.contains("timed out") || lower.contains("errno=60") {
        "The connection timed out: typical of a network that blocks outgoing port 25.".to_string()
    } else if lower.contains("errno=111") || lower.contains("refused") || lower.contains("errno=61")
    {
        "The connection was refused: nothing accepts connections on that address and port."
            .to_string()
    } else if lower.contains("errno=113")
        || lower.contains("errno=101")
        || lower.contains("unreachable")
        || lower.contains("no route")
    {
        "The host is unreachable from where the command ran.".to_string()
    } else if lower.contains("getaddrinfo")
        || lower.contains("bio_lookup")
        || lower.contains("not known")
    {
        "The host name did not resolve.".to_string()
    } else {
        format!("openssl said: \u{201c}{}\u{201d}.", excerpt(text, 80))
    }
}

/// The X509_V_ERR code for a verify error text, for `-brief` output without a code.
fn code_for_text(text: &str) -> Option<i64> {
    VERIFY_CODES
        .iter()
        .find(|(_, t, _, _)| {
            t.eq_ignore_ascii_case(text) || t.replace('-', " ").eq_ignore_ascii_case(text)
        })
        .map(|(c, _, _, _)| *c)
}

/// OpenSSL verify codes (`X509_V_ERR_*`, from `x509_vfy.h` / `x509_txt.c`) that mail servers
/// produce, with what they mean and what to do.
const VERIFY_CODES: &[(i64, &str, &str, &str)] = &[
    (0, "ok", "The chain leads to a trusted CA and nothing failed.", ""),
    (
        2,
        "unable to get issuer certificate",
        "An issuer certificate in the chain could not be found: the chain is incomplete.",
        "Configure the server to send its intermediate certificates.",
    ),
    (
        7,
        "certificate signature failure",
        "A signature in the chain does not verify: a certificate was altered or paired with the wrong issuer.",
        "Rebuild the chain file from the certificates your CA issued.",
    ),
    (
        9,
        "certificate is not yet valid",
        "A certificate's start date is in the future: a clock is wrong, or a new certificate was installed too early.",
        "Check the server's and the testing machine's clocks, or wait until the certificate's start date.",
    ),
    (
        10,
        "certificate has expired",
        "A certificate in the chain has expired. MTA-STS enforce and DANE-TA senders refuse the host; opportunistic senders still deliver, encrypted but unauthenticated.",
        "Renew the certificate, automate renewal, and make sure the mail server reloads it.",
    ),
    (
        18,
        "self-signed certificate",
        "The server's own certificate is self-signed. Only DANE-EE (3 1 1) senders accept that; MTA-STS needs a certificate from a public CA.",
        "Use a certificate from a public CA (for example Let's Encrypt), or publish DNSSEC-signed DANE-EE TLSA records if self-signed is deliberate.",
    ),
    (
        19,
        "self-signed certificate in certificate chain",
        "The chain ends in a root that is not in the trust store of the machine that ran openssl: a private CA, or a public root missing from that store.",
        "Use a certificate from a public CA; if it already is one, check the test machine's CA store (-CAfile or -CApath).",
    ),
    (
        20,
        "unable to get local issuer certificate",
        "openssl could not find the issuer of the last certificate the server sent in its trust store. Either the server does not send its intermediate certificate, or the CA is not public, or the machine that ran openssl has no CA store configured.",
        "Send the full chain (leaf, then intermediates); if the chain is complete, run the test with -CApath /etc/ssl/certs or -CAfile pointing at a CA bundle.",
    ),
    (
        21,
        "unable to verify the first certificate",
        "Only the server's own certificate could be checked: the server sends no intermediates and the issuer is not in the trust store.",
        "Configure the server to send the intermediate certificates after its own.",
    ),
    (
        24,
        "invalid CA certificate",
        "A certificate used as an issuer is not allowed to act as a CA.",
        "Rebuild the chain from the certificates your CA issued.",
    ),
    (
        25,
        "path length constraint exceeded",
        "The chain is longer than an issuer's path-length constraint allows.",
        "Rebuild the chain from the certificates your CA issued.",
    ),
    (
        26,
        "unsupported certificate purpose",
        "The certificate is not issued for TLS servers (its extended key usage lacks serverAuth).",
        "Get a certificate issued for TLS server authentication.",
    ),
    (
        27,
        "certificate not trusted",
        "The trust store marks the root as not trusted for this purpose.",
        "Use a certificate from a CA that is trusted for TLS servers.",
    ),
    (
        47,
        "permitted subtree violation",
        "A name in the certificate is outside the name constraints of an issuing CA.",
        "Ask the CA for a certificate within its constraints.",
    ),
    (
        62,
        "hostname mismatch",
        "The certificate is valid, but not for the host name given to -verify_hostname: none of its subject alternative names matches. MTA-STS senders refuse such a host.",
        "Put the MX host name in the certificate's subject alternative names, or point the MX record at a name the certificate covers.",
    ),
    (
        64,
        "ip address mismatch",
        "The certificate does not cover the IP address given to -verify_ip.",
        "Check the name with -verify_hostname instead; senders check MX host names, not addresses.",
    ),
];

fn meaning(code: i64, text: &str) -> (String, String) {
    match VERIFY_CODES.iter().find(|(c, _, _, _)| *c == code) {
        Some((_, _, meaning, fix)) => (meaning.to_string(), fix.to_string()),
        None => (
            format!("OpenSSL reported verify error {code} ({text})."),
            "Look the code up in the OpenSSL documentation (openssl-verify(1), \"Diagnostics\")."
                .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_keys() {
        let k = temp_key("X25519, 253 bits");
        assert_eq!(
            (k.group.as_str(), k.bits, k.post_quantum),
            ("X25519", Some(253), false)
        );
        let k = temp_key("ECDH, prime256v1, 256 bits");
        assert_eq!((k.group.as_str(), k.bits), ("P-256", Some(256)));
        let k = temp_key("X25519MLKEM768");
        assert_eq!(
            (k.group.as_str(), k.bits, k.post_quantum),
            ("X25519MLKEM768", None, true)
        );
        let k = temp_key("DH, 1024 bits");
        assert_eq!((k.group.as_str(), k.bits), ("DH", Some(1024)));
    }

    #[test]
    fn commands() {
        let c = read_command(
            "$ openssl s_client -starttls smtp -connect [2001:db8::25]:25 -servername mx.example.com -showcerts </dev/null 2>&1",
            1,
        )
        .expect("a command");
        assert_eq!(c.host.as_deref(), Some("2001:db8::25"));
        assert_eq!(c.port, Some(25));
        assert_eq!(c.servername.as_deref(), Some("mx.example.com"));
        assert!(c.showcerts && c.stderr_captured && c.verify_hostname.is_none());
        assert!(read_command("this mentions openssl s_client in prose", 1).is_none());
    }
}
