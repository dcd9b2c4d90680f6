//! The certificate judge: which policy senders apply (opportunistic, MTA-STS, DANE-EE, DANE-TA)
//! and, under it, how much each certificate problem matters.
//!
//! Must not parse anything; it reads the built chain. The severities here are the product's
//! claims about sender behaviour, so each rule cites its source:
//! - opportunistic senders don't validate, and an expired certificate does not make them fall
//!   back to plaintext (RFC 7435 §1.3);
//! - MTA-STS senders in enforce mode and DANE-TA(2) senders fail on expiry, an untrusted chain
//!   or a name mismatch (RFC 8461 §4.2, §5; RFC 7672 §3.1.2);
//! - under DANE-EE(3) names, dates and the chain are ignored (RFC 7671 §5.1).

use serde::{Deserialize, Serialize};

use super::chain::{check_names, checks, Built};
use super::names::{check_hosts, HostName};
use super::{
    Anchor, CertSummary, ChainReport, ChainStatus, CheckStatus, HostnameCheck, Role, Trust,
    Validity,
};
use crate::analysis::catalog::certs as catalog;
use crate::analysis::catalog::Entry;
use crate::analysis::dane::{TlsaReport, TlsaSet};
use crate::analysis::finding::{Finding, Severity};
use crate::analysis::Context;

/// The MTA-STS policy mode (RFC 8461 §5), as the MTA-STS reader reports it.
pub use crate::analysis::mta_sts::Mode as StsMode;

/// What the user showed us about how senders authenticate this server.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyInForce {
    /// The MTA-STS mode, when a policy was shown.
    pub mta_sts_mode: Option<StsMode>,
    /// The TLSA records given, with their match results.
    pub tlsa: Vec<TlsaReport>,
    /// Whether the TLSA answer was DNSSEC-validated (the `ad` flag), when dig output showed it.
    pub dnssec: Option<bool>,
}

/// A policy some senders apply to this server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// No MTA-STS policy or TLSA records shown: senders encrypt without checking.
    Opportunistic,
    /// MTA-STS in testing mode: failures are reported, mail still flows.
    MtaStsTesting,
    /// MTA-STS in enforce mode: PKIX validation with the public roots and the policy's names.
    MtaStsEnforce,
    /// DANE-EE(3): the key or certificate is pinned; names, dates and chain are ignored.
    DaneEe,
    /// DANE-TA(2): the chain must lead to the pinned CA; names and dates are checked.
    DaneTa,
    /// TLSA records exist but none is usable: TLS is mandatory, unauthenticated (RFC 7672 §2.2).
    DaneUnusable,
}

impl Policy {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            Policy::Opportunistic => "opportunistic TLS",
            Policy::MtaStsTesting => "MTA-STS testing",
            Policy::MtaStsEnforce => "MTA-STS enforce",
            Policy::DaneEe => "DANE-EE",
            Policy::DaneTa => "DANE-TA",
            Policy::DaneUnusable => "DANE without usable records",
        }
    }
}

/// The policies the certificate findings were judged against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyReport {
    /// Every policy some senders apply, strictest first in the sense used for severity.
    pub applied: Vec<Policy>,
    /// One or two sentences saying what that means.
    pub summary: String,
}

/// What the judge hands back.
pub(super) struct Judged {
    pub certificates: Vec<CertSummary>,
    pub chain: Option<ChainReport>,
    pub findings: Vec<Finding>,
}

/// The hosts the leaf must cover: the context's MX hosts, or else the TLSA owner names.
pub(super) fn hostnames(context: &Context, tlsa: &TlsaSet) -> Vec<HostName> {
    let mut hosts: Vec<HostName> = context
        .mx_hosts
        .iter()
        .map(|mx| HostName {
            name: mx.name.clone(),
            source: HostName::source_of(mx.source),
        })
        .collect();
    if hosts.is_empty() {
        for host in tlsa.hosts() {
            if !hosts.iter().any(|h| h.name == host) {
                hosts.push(HostName {
                    name: host,
                    source: "tlsa",
                });
            }
        }
    }
    hosts
}

/// Decides the policies in force.
pub(super) fn policies(policy: &PolicyInForce) -> PolicyReport {
    let mut applied = Vec::new();
    let mut notes = Vec::new();
    if !policy.tlsa.is_empty() {
        if policy.dnssec == Some(false) {
            notes.push(
                "TLSA records were shown, but the answer was not DNSSEC-validated, so DANE senders \
                 ignore them.",
            );
        } else {
            let usable: Vec<&TlsaReport> = policy.tlsa.iter().filter(|r| r.usable).collect();
            let ee_matches = usable
                .iter()
                .any(|r| r.usage == Some(3) && r.matches == Some(0));
            let has_ta = usable.iter().any(|r| r.usage == Some(2));
            applied.push(if usable.is_empty() {
                Policy::DaneUnusable
            } else if ee_matches || !has_ta {
                Policy::DaneEe
            } else {
                Policy::DaneTa
            });
        }
    }
    match policy.mta_sts_mode {
        Some(StsMode::Enforce) => applied.push(Policy::MtaStsEnforce),
        Some(StsMode::Testing) => applied.push(Policy::MtaStsTesting),
        Some(StsMode::None) | None => {}
    }
    if applied.is_empty() {
        applied.push(Policy::Opportunistic);
    }
    let mut summary =
        match applied.as_slice() {
            [Policy::Opportunistic] => {
                "No MTA-STS policy or TLSA records were shown, so these findings are \
             judged as opportunistic senders see them: they encrypt without checking the \
             certificate, and a bad certificate does not make them fall back to plaintext. Under \
             MTA-STS or DANE-TA the same problems would stop delivery."
                    .to_string()
            }
            list => format!(
            "Judged against {}: senders that apply {} check the certificate as that policy says.",
            list.iter().map(|p| p.label()).collect::<Vec<_>>().join(" and "),
            if list.len() > 1 { "either" } else { "it" }
        ),
        };
    if applied.contains(&Policy::DaneEe) {
        summary.push_str(
            " Under DANE-EE, senders check only that the key matches the TLSA record: names, dates \
             and the chain are ignored (RFC 7671 §5.1).",
        );
    }
    for note in notes {
        summary.push(' ');
        summary.push_str(note);
    }
    PolicyReport { applied, summary }
}

/// How much a kind of problem matters under each policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Concern {
    /// Expiry, names, a broken chain, purpose, unknown critical extensions: what PKIX
    /// validation rejects.
    Authentication,
    /// The chain does not reach a public root (or any root).
    Anchoring,
    /// SHA-1/MD5 signatures on the chain.
    WeakSignature,
    /// A self-signed leaf.
    SelfSigned,
    /// Key strength and encoding problems that matter whatever the policy.
    Hygiene(Severity),
    /// Expiry coming up.
    Soon(Severity),
}

fn severity_under(concern: Concern, policy: Policy) -> Severity {
    use Policy::*;
    use Severity::*;
    match (concern, policy) {
        (Concern::Hygiene(s), _) => s,
        (Concern::Soon(_), DaneEe) => Notice,
        (Concern::Soon(s), _) => s,
        (_, MtaStsEnforce) => Critical,
        (_, MtaStsTesting) => Warning,
        (Concern::Authentication | Concern::WeakSignature, DaneTa) => Critical,
        (Concern::Anchoring | Concern::SelfSigned, DaneTa) => Notice,
        (Concern::SelfSigned, DaneEe) => Ok,
        (_, DaneEe) => Notice,
        (Concern::Authentication, Opportunistic | DaneUnusable) => Warning,
        (
            Concern::Anchoring | Concern::WeakSignature | Concern::SelfSigned,
            Opportunistic | DaneUnusable,
        ) => Notice,
    }
}

/// The worst severity over the policies in force, with a sentence naming the policy.
fn judged(concern: Concern, report: &PolicyReport) -> (Severity, String) {
    let mut worst: Option<(Severity, Policy)> = None;
    for &policy in &report.applied {
        let severity = severity_under(concern, policy);
        if worst.is_none_or(|(w, _)| severity < w) {
            worst = Some((severity, policy));
        }
    }
    let (severity, policy) = worst.unwrap_or((Severity::Notice, Policy::Opportunistic));
    if matches!(concern, Concern::Hygiene(_)) {
        return (severity, String::new());
    }
    let why = match (policy, severity) {
        (Policy::MtaStsEnforce, Severity::Critical) => {
            "Under your MTA-STS policy in enforce mode, senders that honour it refuse to deliver \
             and queue the mail."
        }
        (Policy::DaneTa, Severity::Critical) => {
            "Under DANE-TA, senders validate the chain below the pinned CA, including names and \
             dates, and defer the mail when it fails."
        }
        (Policy::MtaStsTesting, _) => {
            "Your MTA-STS policy is in testing mode, so senders deliver anyway and report the \
             failure through TLS-RPT; in enforce mode they would refuse."
        }
        (Policy::DaneEe, _) => {
            "Under DANE-EE senders ignore this: they only check that the key matches the TLSA \
             record (RFC 7671 §5.1)."
        }
        (Policy::Opportunistic | Policy::DaneUnusable, _) => {
            "Senders that encrypt opportunistically (most of them) don't check this and still \
             deliver over TLS; it matters once you publish MTA-STS or DANE-TA."
        }
        _ => "",
    };
    (severity, why.to_string())
}

/// Judges the built chain.
pub(super) fn judge(built: &Built, policy: &PolicyInForce, hosts: &[HostName]) -> Judged {
    let report = policies(policy);
    let mut findings = Vec::new();
    let chain = built.chain();
    let Some(leaf) = chain.first() else {
        return Judged {
            certificates: built.certificates.clone(),
            chain: None,
            findings,
        };
    };
    let push = |findings: &mut Vec<Finding>,
                entry: &Entry,
                concern: Concern,
                cert: &CertSummary,
                sentence: String| {
        let (severity, why) = judged(concern, &report);
        findings.push(
            Finding::new(entry)
                .specific(format!("{sentence} {why}"))
                .with_severity(severity)
                .at(cert.location.clone()),
        );
    };

    // Paste-level facts.
    if built.reordered {
        let mut pasted: Vec<&CertSummary> = chain.iter().collect();
        pasted.sort_by_key(|c| c.pasted_position);
        findings.push(
            Finding::new(&catalog::CERT_CHAIN_REORDERED)
                .specific(format!(
                    "They were pasted as {} (1 = the server certificate, counting up the chain).",
                    pasted
                        .iter()
                        .map(|c| (c.index + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .at(leaf.location.clone()),
        );
    }
    if !built.duplicates.is_empty() {
        findings.push(Finding::new(&catalog::CERT_DUPLICATE).specific(format!(
            "{} certificate(s) appeared more than once and were counted once.",
            built.duplicates.len()
        )));
    }
    if built.over_limit > 0 {
        findings.push(Finding::new(&catalog::CERT_TOO_MANY).specific(format!(
            "{} certificates were given; the chain was built from the first {} and the other {} \
             were only summarised.",
            built.certificates.len(),
            super::MAX_CHAIN_CANDIDATES,
            built.over_limit
        )));
    }
    let unrelated: Vec<&CertSummary> = built
        .certificates
        .iter()
        .filter(|c| c.role == Role::Unrelated)
        .collect();
    if let Some(first) = unrelated.first() {
        findings.push(
            Finding::new(&catalog::CERT_UNRELATED)
                .specific(format!(
                    "{} certificate(s) are not part of the leaf's chain: {}.",
                    unrelated.len(),
                    unrelated
                        .iter()
                        .take(5)
                        .map(|c| c.subject.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                ))
                .at(first.location.clone()),
        );
    }

    // The leaf.
    match leaf.validity {
        Validity::Expired => push(
            &mut findings,
            &catalog::CERT_EXPIRED,
            Concern::Authentication,
            leaf,
            format!(
                "The server certificate expired on {} ({} days ago).",
                leaf.not_after, -leaf.days_left
            ),
        ),
        Validity::NotYetValid => push(
            &mut findings,
            &catalog::CERT_NOT_YET_VALID,
            Concern::Authentication,
            leaf,
            format!("The server certificate is valid from {}.", leaf.not_before),
        ),
        Validity::ExpiringSoon => push(
            &mut findings,
            &catalog::CERT_EXPIRING_SOON,
            Concern::Soon(Severity::Warning),
            leaf,
            format!(
                "{} days left of a {}-day lifetime (expires {}).",
                leaf.days_left, leaf.lifetime_days, leaf.not_after
            ),
        ),
        Validity::RenewalDue => push(
            &mut findings,
            &catalog::CERT_RENEWAL_DUE,
            Concern::Soon(Severity::Notice),
            leaf,
            format!(
                "{} days left of a {}-day lifetime (expires {}).",
                leaf.days_left, leaf.lifetime_days, leaf.not_after
            ),
        ),
        Validity::Valid => {}
    }

    let hostname = check_hosts(&leaf.dns_names, leaf.subject_cn.as_deref(), hosts);
    hostname_findings(&hostname, leaf, &report, &mut findings);

    let self_signed_leaf = chain.len() == 1 && leaf.self_signed;
    if self_signed_leaf {
        push(
            &mut findings,
            &catalog::CERT_SELF_SIGNED_LEAF,
            Concern::SelfSigned,
            leaf,
            "The server certificate signs itself; no CA vouches for it.".to_string(),
        );
    }
    if leaf.is_ca && !self_signed_leaf {
        let (severity, _) = judged(Concern::Authentication, &report);
        findings.push(
            Finding::new(&catalog::CERT_LEAF_IS_CA)
                .with_severity(match severity {
                    Severity::Critical => Severity::Warning,
                    other => other,
                })
                .at(leaf.location.clone()),
        );
    }
    if !leaf.extended_key_usage.is_empty()
        && !leaf
            .extended_key_usage
            .iter()
            .any(|e| e == "serverAuth" || e == "anyExtendedKeyUsage")
    {
        push(
            &mut findings,
            &catalog::CERT_NO_SERVER_AUTH,
            Concern::Authentication,
            leaf,
            format!(
                "Its extendedKeyUsage allows only {}.",
                leaf.extended_key_usage.join(", ")
            ),
        );
    }

    // Every certificate of the chain.
    let top = chain.len().saturating_sub(1);
    for (k, cert) in chain.iter().enumerate() {
        let who = describe(k, cert);
        for ext in cert
            .extensions
            .iter()
            .filter(|e| e.critical && !e.understood)
        {
            push(
                &mut findings,
                &catalog::CERT_UNKNOWN_CRITICAL_EXTENSION,
                Concern::Authentication,
                cert,
                format!(
                    "{who} has a critical extension mailtls does not know ({}).",
                    ext.oid
                ),
            );
        }
        if let (Some(bits), true) = (
            cert.key_bits,
            matches!(cert.key_algorithm.as_str(), "RSA" | "RSA-PSS" | "DSA"),
        ) {
            if bits < 2048 {
                push(
                    &mut findings,
                    &catalog::CERT_KEY_TOO_SMALL,
                    Concern::Hygiene(Severity::Warning),
                    cert,
                    format!("{who} has a {bits}-bit {} key.", cert.key_algorithm),
                );
            } else if k == 0 && bits < 3072 && cert.key_algorithm != "DSA" {
                push(
                    &mut findings,
                    &catalog::CERT_RSA_PHASE_OUT,
                    Concern::Hygiene(Severity::Notice),
                    cert,
                    format!("The server key is {bits}-bit RSA."),
                );
            }
        }
        if cert.explicit_curve {
            push(
                &mut findings,
                &catalog::CERT_EC_EXPLICIT_CURVE,
                Concern::Hygiene(Severity::Warning),
                cert,
                format!("{who} has an EC key with explicit curve parameters."),
            );
        }
        // A trust anchor's own self-signature is never checked, so its hash doesn't matter.
        let anchor_self_signature = k == top && cert.self_issued;
        if let Some(hash) = cert
            .signature_hash
            .as_deref()
            .filter(|h| matches!(*h, "SHA-1" | "MD5" | "MD2"))
        {
            if !anchor_self_signature {
                push(
                    &mut findings,
                    &catalog::CERT_WEAK_SIGNATURE,
                    Concern::WeakSignature,
                    cert,
                    format!(
                        "{who} is signed with {hash} ({}).",
                        cert.signature_algorithm
                    ),
                );
            }
        }
    }

    // Links.
    for link in &built.links {
        let Some(cert) = chain.get(link.child) else {
            continue;
        };
        let who = describe(link.child, cert);
        for (name, check) in check_names().iter().zip(checks(link)) {
            let entry: &Entry = match (*name, check.status) {
                ("signature", CheckStatus::Fail) => &catalog::CERT_SIGNATURE_INVALID,
                ("signature", CheckStatus::NotEvaluated) if link.issuer.is_some() => {
                    &catalog::CERT_SIGNATURE_NOT_CHECKED
                }
                ("signature algorithm fields", CheckStatus::Fail) => {
                    &catalog::CERT_SIGNATURE_ALGORITHM_MISMATCH
                }
                ("key type", CheckStatus::Fail) => &catalog::CERT_KEY_SIGNATURE_MISMATCH,
                ("issuer is a CA", CheckStatus::Fail) => &catalog::CERT_ISSUER_NOT_CA,
                ("issuer keyCertSign", CheckStatus::Fail) => &catalog::CERT_ISSUER_NO_KEY_CERT_SIGN,
                ("path length", CheckStatus::Fail) => &catalog::CERT_PATH_LENGTH_EXCEEDED,
                ("name constraints", CheckStatus::Fail) => &catalog::CERT_NAME_CONSTRAINTS_VIOLATED,
                ("name constraints", CheckStatus::NotEvaluated) if link.issuer.is_some() => {
                    &catalog::CERT_NAME_CONSTRAINTS_NOT_CHECKED
                }
                ("issuer validity", CheckStatus::Fail) => &catalog::CERT_ISSUER_EXPIRED,
                ("key identifiers", CheckStatus::Fail) => &catalog::CERT_KEY_ID_MISMATCH,
                _ => continue,
            };
            let concern = match check.status {
                CheckStatus::Fail if entry.code != catalog::CERT_KEY_ID_MISMATCH.code => {
                    Concern::Authentication
                }
                _ => Concern::Hygiene(entry.severity),
            };
            push(
                &mut findings,
                entry,
                concern,
                cert,
                format!("{who}: {}", check.detail),
            );
        }
    }

    // The chain as a whole.
    match (&built.anchor, built.status) {
        (Some(Anchor::Missing { issuer }), _) => push(
            &mut findings,
            &catalog::CERT_CHAIN_INCOMPLETE,
            Concern::Anchoring,
            chain.last().unwrap_or(leaf),
            format!("The certificate for \u{201c}{issuer}\u{201d} is missing, and it is not a root of the public list."),
        ),
        (_, ChainStatus::Verified | ChainStatus::PartlyChecked) => match &built.trust {
            Trust::Public { root } => findings.push(
                Finding::new(&catalog::CERT_CHAIN_PUBLIC)
                    .specific(format!(
                        "The chain leads to {root}{}",
                        if built.status == ChainStatus::PartlyChecked {
                            ", though some checks could not be made (see the chain details)."
                        } else {
                            ", and every link was checked."
                        }
                    ))
                    .with_severity(if built.status == ChainStatus::PartlyChecked { Severity::Notice } else { Severity::Ok })
                    .at(leaf.location.clone()),
            ),
            Trust::Private if !self_signed_leaf => push(
                &mut findings,
                &catalog::CERT_CHAIN_PRIVATE_ROOT,
                Concern::Anchoring,
                chain.last().unwrap_or(leaf),
                format!(
                    "The chain ends in {}, which is not in the public root list.",
                    chain.last().map_or("its root", |c| c.subject.as_str())
                ),
            ),
            _ => {}
        },
        _ => {}
    }

    let chain_report = ChainReport {
        headline: headline(built, &hostname, &report),
        status: built.status,
        reordered: built.reordered,
        pasted_order: built.pasted_order.clone(),
        links: built.links.clone(),
        anchor: built.anchor.clone().unwrap_or(Anchor::Missing {
            issuer: leaf.issuer.clone(),
        }),
        complete: matches!(
            built.anchor,
            Some(Anchor::IncludedRoot { .. } | Anchor::PublicRoot { .. })
        ),
        trust: built.trust.clone(),
        not_evaluated: built.not_evaluated.clone(),
        out_of_scope: vec![
            "Revocation (CRL and OCSP) is not checked: SMTP senders don't check it either, and a \
             certificate without an OCSP URL is not a defect."
                .to_string(),
            "Certificate policies (RFC 5280 §6.1.3 (d)) are not processed; SMTP senders don't \
             require any."
                .to_string(),
        ],
        hostname,
        policy: report,
        trust_store: super::roots::store_label(),
    };
    Judged {
        certificates: built.certificates.clone(),
        chain: Some(chain_report),
        findings,
    }
}

fn describe(index: usize, cert: &CertSummary) -> String {
    match cert.role {
        Role::Leaf => "The server certificate".to_string(),
        Role::Root => format!("The root \u{201c}{}\u{201d}", cert.subject),
        _ => format!(
            "Certificate {} (\u{201c}{}\u{201d})",
            index + 1,
            cert.subject
        ),
    }
}

fn hostname_findings(
    check: &HostnameCheck,
    leaf: &CertSummary,
    report: &PolicyReport,
    findings: &mut Vec<Finding>,
) {
    let heuristic = check
        .hosts
        .iter()
        .all(|h| h.source == "headers" || h.source == "tlsa");
    let source_note = match check.hosts.first().map(|h| h.source.as_str()) {
        Some("typed") => "the MX host you entered",
        Some("dns") => "the pasted MX records",
        Some("s_client") => "the host your s_client command connected to",
        Some("headers") => "the recipient's border host guessed from the headers (a heuristic)",
        Some("tlsa") => "the TLSA record's owner name",
        _ => "",
    };
    match check.status {
        CheckStatus::Pass => findings.push(
            Finding::new(&catalog::CERT_HOSTNAME_OK)
                .specific(format!(
                    "{} Host names came from {source_note}.",
                    check.detail
                ))
                .at(leaf.location.clone()),
        ),
        CheckStatus::Fail => {
            let entry = if check.cn_only {
                &catalog::CERT_NAME_ONLY_IN_CN
            } else {
                &catalog::CERT_HOSTNAME_MISMATCH
            };
            let (mut severity, why) = judged(Concern::Authentication, report);
            if heuristic && severity == Severity::Critical {
                severity = Severity::Warning;
            }
            findings.push(
                Finding::new(entry)
                    .specific(format!(
                        "{} The names come from {source_note}. The certificate names: {}. {why}",
                        check.detail,
                        if leaf.dns_names.is_empty() {
                            format!(
                                "no dNSName (CN {})",
                                leaf.subject_cn.as_deref().unwrap_or("none")
                            )
                        } else {
                            leaf.dns_names.join(", ")
                        }
                    ))
                    .with_severity(severity)
                    .at(leaf.location.clone()),
            );
        }
        CheckStatus::NotEvaluated | CheckStatus::NotApplicable => findings
            .push(Finding::new(&catalog::CERT_HOSTNAME_NOT_CHECKED).at(leaf.location.clone())),
    }
}

fn headline(built: &Built, hostname: &HostnameCheck, report: &PolicyReport) -> String {
    let chain = built.chain();
    let Some(leaf) = chain.first() else {
        return "No certificate could be read.".to_string();
    };
    let name = leaf
        .dns_names
        .first()
        .cloned()
        .or_else(|| leaf.subject_cn.clone())
        .unwrap_or_else(|| leaf.subject.clone());
    let name = if name.is_empty() {
        "The server certificate (empty subject)".to_string()
    } else {
        name
    };
    let state = match built.status {
        ChainStatus::Verified => "chain verified",
        ChainStatus::PartlyChecked => "chain partly checked",
        ChainStatus::Incomplete => "chain incomplete",
        ChainStatus::Broken => "chain broken",
    };
    let days = match leaf.validity {
        Validity::Expired => format!("expired {} days ago", -leaf.days_left),
        Validity::NotYetValid => "not yet valid".to_string(),
        _ => format!("{} days left", leaf.days_left),
    };
    let host = match hostname.status {
        CheckStatus::Pass => ", names the MX host",
        CheckStatus::Fail => ", does not name the MX host",
        _ => "",
    };
    format!(
        "{name}: {} certificate(s), {state}, {days}{host}; judged for {}.",
        chain.len(),
        report
            .applied
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join(" and ")
    )
}
