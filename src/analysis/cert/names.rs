//! Names: does the leaf cover the MX host (SAN dNSName only, RFC 9525 §6.3; RFC 8461 §4.2), and
//! do the names below a CA satisfy its nameConstraints (RFC 5280 §4.2.1.10)?
//!
//! Must not read the subject CN as a host name: RFC 9525 and MTA-STS use SAN dNSName only.

use serde::{Deserialize, Serialize};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};

use super::{Check, CheckStatus};
use crate::analysis::MxSource;

/// Whether one SAN dNSName `pattern` covers `host`. Case-insensitive, trailing dots ignored. A
/// wildcard is only a whole leftmost `*` label and stands for exactly one non-empty label
/// (RFC 9525 §6.3, RFC 8461 §4.2); partial wildcards such as `mx*.example.com` never match.
pub fn host_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if pattern.is_empty() || host.is_empty() {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(parent) => {
            if parent.contains('*') || !parent.contains('.') {
                // `*.com` would cover a whole top-level domain; clients refuse it.
                return false;
            }
            match host.split_once('.') {
                Some((label, rest)) => !label.is_empty() && rest == parent,
                None => false,
            }
        }
        None => !pattern.contains('*') && pattern == host,
    }
}

/// The leaf's host name check against the MX hosts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostnameCheck {
    /// Pass when every host is covered, Fail when one isn't, NotEvaluated with no host known.
    pub status: CheckStatus,
    /// One sentence.
    pub detail: String,
    /// Each host checked.
    pub hosts: Vec<HostResult>,
    /// The leaf has no SAN dNSName, only a subject CN (which isn't used).
    pub cn_only: bool,
}

/// One host checked against the leaf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostResult {
    /// The host name.
    pub host: String,
    /// Where it came from: `typed`, `dns`, `headers` (a heuristic) or `tlsa` (a TLSA owner).
    pub source: String,
    /// The SAN entry that covers it, if any.
    pub covered_by: Option<String>,
}

/// A host name to check, with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostName {
    /// The name, lower case, no trailing dot.
    pub name: String,
    /// Where it came from.
    pub source: &'static str,
}

impl HostName {
    /// The source word for an MX host.
    pub fn source_of(source: MxSource) -> &'static str {
        match source {
            MxSource::Typed => "typed",
            MxSource::Dns => "dns",
            MxSource::Transcript => "s_client",
            MxSource::Headers => "headers",
        }
    }
}

/// Checks the leaf's SAN dNSNames against each host.
pub(super) fn check_hosts(
    dns_names: &[String],
    subject_cn: Option<&str>,
    hosts: &[HostName],
) -> HostnameCheck {
    let cn_only = dns_names.is_empty() && subject_cn.is_some();
    if hosts.is_empty() {
        return HostnameCheck {
            status: CheckStatus::NotEvaluated,
            detail: "No MX host name is known, so the certificate's names were not checked; enter \
                     your MX host name to check them."
                .to_string(),
            hosts: Vec::new(),
            cn_only,
        };
    }
    let results: Vec<HostResult> = hosts
        .iter()
        .map(|host| HostResult {
            host: host.name.clone(),
            source: host.source.to_string(),
            covered_by: dns_names
                .iter()
                .find(|p| host_matches(p, &host.name))
                .cloned(),
        })
        .collect();
    let missing: Vec<&str> = results
        .iter()
        .filter(|r| r.covered_by.is_none())
        .map(|r| r.host.as_str())
        .collect();
    let covered = results.len() - missing.len();
    let (status, detail) = if missing.is_empty() {
        (
            CheckStatus::Pass,
            format!(
                "The certificate's SAN covers {}.",
                join_names(results.iter().map(|r| r.host.as_str()))
            ),
        )
    } else if covered > 0 {
        // Several MX hosts, one certificate: it need only cover the host it was taken from.
        (
            CheckStatus::Pass,
            format!(
                "The certificate covers {} but not {}; that is fine if it was taken from a covered \
                 host and each other MX host presents its own certificate.",
                join_names(results.iter().filter(|r| r.covered_by.is_some()).map(|r| r.host.as_str())),
                join_names(missing.iter().copied())
            ),
        )
    } else {
        (
            CheckStatus::Fail,
            format!(
                "No SAN dNSName of the certificate covers {}.",
                join_names(missing.iter().copied())
            ),
        )
    };
    HostnameCheck {
        status,
        detail,
        hosts: results,
        cn_only,
    }
}

fn join_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.collect::<Vec<_>>().join(", ")
}

/// Checks the certificates `below` (closest to the issuer last does not matter) against the
/// issuer's nameConstraints.
pub(super) fn check_name_constraints(
    issuer: &X509Certificate<'_>,
    below: &[(&X509Certificate<'_>, bool)],
) -> Check {
    let constraints =
        issuer
            .tbs_certificate
            .extensions()
            .iter()
            .find_map(|e| match e.parsed_extension() {
                ParsedExtension::NameConstraints(nc) => Some(nc),
                _ => None,
            });
    let Some(constraints) = constraints else {
        return Check::new(
            CheckStatus::NotApplicable,
            "The issuer has no nameConstraints.",
        );
    };
    let permitted: Vec<&GeneralName<'_>> = constraints
        .permitted_subtrees
        .iter()
        .flatten()
        .map(|s| &s.base)
        .collect();
    let excluded: Vec<&GeneralName<'_>> = constraints
        .excluded_subtrees
        .iter()
        .flatten()
        .map(|s| &s.base)
        .collect();
    let mut violations = Vec::new();
    let mut unchecked = Vec::new();
    for (cert, is_leaf) in below {
        // RFC 5280 §6.1.3 (b): self-issued intermediates are exempt; the leaf never is.
        if !is_leaf && cert.tbs_certificate.subject.as_raw() == cert.tbs_certificate.issuer.as_raw()
        {
            continue;
        }
        for name in names_of(cert) {
            let same_type: Vec<&&GeneralName<'_>> =
                permitted.iter().filter(|c| same_kind(c, &name)).collect();
            match matches_any(&name, &excluded) {
                Some(true) => violations.push(format!("{} is excluded", name_text(&name))),
                None => unchecked.push(name_text(&name)),
                Some(false) => {}
            }
            if !same_type.is_empty() {
                let mut allowed = Some(false);
                for constraint in same_type {
                    match name_within(&name, constraint) {
                        Some(true) => {
                            allowed = Some(true);
                            break;
                        }
                        None => allowed = None,
                        Some(false) => {}
                    }
                }
                match allowed {
                    Some(false) => {
                        violations.push(format!("{} is not permitted", name_text(&name)))
                    }
                    None => unchecked.push(name_text(&name)),
                    Some(true) => {}
                }
            }
        }
    }
    if !violations.is_empty() {
        return Check::new(
            CheckStatus::Fail,
            format!(
                "The issuer's nameConstraints forbid these names: {}.",
                violations.join("; ")
            ),
        );
    }
    if !unchecked.is_empty() {
        return Check::new(
            CheckStatus::NotEvaluated,
            format!(
                "Some names are of a kind mailtls does not compare with constraints: {}.",
                unchecked.join(", ")
            ),
        );
    }
    Check::new(
        CheckStatus::Pass,
        "Every SAN and the subject name satisfy the issuer's nameConstraints (the subject CN is \
         not a host name and is not compared).",
    )
}

/// A name subject to constraints.
enum Name<'a> {
    Dns(String),
    Email(String),
    Ip(Vec<u8>),
    Directory(&'a x509_parser::x509::X509Name<'a>),
    Other(String),
}

fn name_text(name: &Name<'_>) -> String {
    match name {
        Name::Dns(d) => format!("DNS:{d}"),
        Name::Email(e) => format!("email:{e}"),
        Name::Ip(ip) => super::adapt::general_name_text(&GeneralName::IPAddress(ip)),
        Name::Directory(dn) => format!("DirName:{}", super::adapt::dn_string(dn)),
        Name::Other(o) => o.clone(),
    }
}

fn names_of<'a>(cert: &'a X509Certificate<'a>) -> Vec<Name<'a>> {
    let mut names = Vec::new();
    let subject = &cert.tbs_certificate.subject;
    if subject.iter_attributes().next().is_some() {
        names.push(Name::Directory(subject));
    }
    // RFC 5280 §4.2.1.10: emailAddress in the subject is checked as an rfc822Name.
    for email in subject.iter_email() {
        if let Ok(text) = email.as_str() {
            names.push(Name::Email(text.to_ascii_lowercase()));
        }
    }
    for extension in cert.tbs_certificate.extensions() {
        if let ParsedExtension::SubjectAlternativeName(san) = extension.parsed_extension() {
            for name in &san.general_names {
                names.push(match name {
                    GeneralName::DNSName(d) => {
                        Name::Dns(d.trim_end_matches('.').to_ascii_lowercase())
                    }
                    GeneralName::RFC822Name(e) => Name::Email(e.to_ascii_lowercase()),
                    GeneralName::IPAddress(ip) => Name::Ip(ip.to_vec()),
                    GeneralName::DirectoryName(dn) => Name::Directory(dn),
                    other => Name::Other(super::adapt::general_name_text(other)),
                });
            }
        }
    }
    names
}

fn same_kind(constraint: &GeneralName<'_>, name: &Name<'_>) -> bool {
    matches!(
        (constraint, name),
        (GeneralName::DNSName(_), Name::Dns(_))
            | (GeneralName::RFC822Name(_), Name::Email(_))
            | (GeneralName::IPAddress(_), Name::Ip(_))
            | (GeneralName::DirectoryName(_), Name::Directory(_))
    ) || (matches!(name, Name::Other(_))
        && !matches!(
            constraint,
            GeneralName::DNSName(_)
                | GeneralName::RFC822Name(_)
                | GeneralName::IPAddress(_)
                | GeneralName::DirectoryName(_)
        ))
}

/// Some(true) when the name falls in one of the subtrees, None when it can't be told.
fn matches_any(name: &Name<'_>, subtrees: &[&GeneralName<'_>]) -> Option<bool> {
    let mut unknown = false;
    for constraint in subtrees.iter().filter(|c| same_kind(c, name)) {
        match name_within(name, constraint) {
            Some(true) => return Some(true),
            None => unknown = true,
            Some(false) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(false)
    }
}

/// Whether a name lies within one subtree (RFC 5280 §4.2.1.10), or None when mailtls does not
/// compare this kind of name.
fn name_within(name: &Name<'_>, constraint: &GeneralName<'_>) -> Option<bool> {
    match (name, constraint) {
        (Name::Dns(host), GeneralName::DNSName(base)) => Some(dns_within(host, base)),
        (Name::Email(mailbox), GeneralName::RFC822Name(base)) => Some(email_within(mailbox, base)),
        (Name::Ip(ip), GeneralName::IPAddress(range)) => Some(ip_within(ip, range)),
        (Name::Directory(dn), GeneralName::DirectoryName(base)) => Some(dn_within(dn, base)),
        _ => None,
    }
}

/// "Any DNS name that can be constructed by simply adding zero or more labels to the left-hand
/// side of the name satisfies the name constraint"; a leading dot (common in practice) means
/// subdomains only.
fn dns_within(host: &str, base: &str) -> bool {
    let base = base.trim_end_matches('.').to_ascii_lowercase();
    if base.is_empty() {
        return true;
    }
    match base.strip_prefix('.') {
        Some(parent) => host.ends_with(&format!(".{parent}")),
        None => host == base || host.ends_with(&format!(".{base}")),
    }
}

/// A mailbox, a host (all mailboxes at it), or `.domain` (all hosts under it).
fn email_within(mailbox: &str, base: &str) -> bool {
    let base = base.to_ascii_lowercase();
    if base.contains('@') {
        return mailbox == base;
    }
    let host = mailbox.rsplit_once('@').map_or(mailbox, |(_, h)| h);
    match base.strip_prefix('.') {
        Some(parent) => host.ends_with(&format!(".{parent}")),
        None => host == base,
    }
}

/// An address within address/mask (8 bytes for IPv4, 32 for IPv6).
fn ip_within(ip: &[u8], range: &[u8]) -> bool {
    if range.len() != ip.len() * 2 {
        return false;
    }
    let (base, mask) = range.split_at(ip.len());
    ip.iter()
        .zip(base.iter().zip(mask.iter()))
        .all(|(a, (b, m))| a & m == b & m)
}

/// The constraint's RDNs are a prefix of the name's RDNs (compared as encoded).
fn dn_within(dn: &x509_parser::x509::X509Name<'_>, base: &x509_parser::x509::X509Name<'_>) -> bool {
    let mut names = dn.iter_rdn();
    base.iter_rdn().all(|want| {
        names.next().is_some_and(|have| {
            let have: Vec<_> = have
                .iter()
                .map(|a| (a.attr_type().clone(), a.as_slice().to_ascii_lowercase()))
                .collect();
            want.iter()
                .all(|a| have.contains(&(a.attr_type().clone(), a.as_slice().to_ascii_lowercase())))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_cover_exactly_one_leftmost_label() {
        assert!(host_matches("mx.example.com", "MX.Example.com."));
        assert!(host_matches("*.example.com", "mx.example.com"));
        assert!(!host_matches("*.example.com", "example.com"));
        assert!(!host_matches("*.example.com", "a.b.example.com"));
        assert!(!host_matches("mx*.example.com", "mx1.example.com"));
        assert!(!host_matches("*.com", "example.com"));
        assert!(!host_matches("*.*.example.com", "a.b.example.com"));
        assert!(!host_matches("", "example.com"));
    }

    #[test]
    fn constraint_subtrees() {
        assert!(dns_within("www.good.org", "good.org"));
        assert!(dns_within("good.org", "good.org"));
        assert!(!dns_within("notgood.org", "good.org"));
        assert!(!dns_within("good.org", ".good.org"));
        assert!(email_within("a@good.org", "good.org"));
        assert!(email_within("a@x.good.org", ".good.org"));
        assert!(!email_within("a@bad.net", "good.org"));
        assert!(ip_within(
            &[192, 168, 0, 1],
            &[192, 168, 0, 0, 255, 255, 0, 0]
        ));
        assert!(!ip_within(
            &[10, 0, 0, 1],
            &[192, 168, 0, 0, 255, 255, 0, 0]
        ));
    }
}
