//! Classifying a read hop: which software wrote it, whether it is internal to one operator, and
//! whether it used TLS when no notation says so (RFC 3848 protocol names).
//!
//! Must not parse the line (that is `clauses.rs` and `notation.rs`).

use std::net::IpAddr;

use super::clauses::protocol_word;
use super::{Hop, Software};
pub(super) fn recognise_software(text: &str, hop: &Hop) -> Option<Software> {
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
    if lower.contains("(opensmtpd)") {
        return Some(Software::OpenSmtpd);
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
pub(super) fn is_exim_id(id: Option<&str>) -> bool {
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
pub(super) fn is_sendmail_version_comment(lower: &str) -> bool {
    lower.match_indices("(8.").any(|(i, _)| {
        let rest = lower.get(i + 1..).unwrap_or_default();
        let end = rest.find(')').unwrap_or(rest.len());
        let inside = rest.get(..end).unwrap_or_default();
        inside.contains('/') && inside.starts_with("8.")
    })
}

/// Operators whose relays talk to each other over public addresses; a hop between two hosts
/// of one group is internal to that operator.
pub(super) const OPERATORS: &[(&str, &[&str])] = &[
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
pub(super) const TWO_LABEL_SUFFIXES: &[&str] = &[
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

pub(super) fn operator_of(host: &str) -> Option<&'static str> {
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

pub(super) fn is_loopback(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

pub(super) fn mark_internal(hop: &mut Hop) {
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
        } else {
            same_operator(hop).map(|op| format!("both hosts belong to {op}"))
        };
    if let Some(reason) = reason {
        hop.internal = true;
        hop.internal_reason = Some(reason);
    }
}

/// The operator both ends of a hop belong to, when the host names say so.
pub(super) fn same_operator(hop: &Hop) -> Option<String> {
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
pub(super) fn decide_encryption(hop: &mut Hop) {
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
