//! Chain building and link checks: put the certificates leaf first whatever the paste order,
//! link each to its issuer by name (preferring matching key identifiers and a verifying
//! signature), run the RFC 5280 §6.1 issuer checks on each link, and find the anchor.
//!
//! Must not decide severities: that depends on the policy in force (`judge.rs`).

use std::collections::HashSet;

use x509_parser::certificate::X509Certificate;

use super::adapt::{self, KeyAlg, SigAlg};
use super::names::check_name_constraints;
use super::verify::{key_fits_signature, verify, Outcome};
use super::{
    roots, Anchor, CertSummary, ChainStatus, Check, CheckStatus, LinkReport, Material,
    RawCertificate, Role, Trust, Validity, MAX_CHAIN_CANDIDATES,
};
use crate::analysis::Timestamp;

/// The chain, with everything the judge and the DANE matcher need.
pub(super) struct Built {
    /// Every certificate, chain first (leaf first), then the unrelated ones.
    pub certificates: Vec<CertSummary>,
    /// How many of `certificates` form the chain.
    pub chain_len: usize,
    /// One link per chain certificate.
    pub links: Vec<LinkReport>,
    pub anchor: Option<Anchor>,
    pub trust: Trust,
    pub status: ChainStatus,
    pub reordered: bool,
    pub pasted_order: Vec<usize>,
    pub not_evaluated: Vec<String>,
    /// DANE material, parallel to `certificates`.
    pub material: Vec<Material>,
    /// Pasted positions of exact duplicates that were dropped.
    pub duplicates: Vec<usize>,
    /// Certificates beyond [`MAX_CHAIN_CANDIDATES`] that were summarised but not chained.
    pub over_limit: usize,
}

impl Built {
    /// The chain part of the certificates.
    pub(super) fn chain(&self) -> &[CertSummary] {
        self.certificates.get(..self.chain_len).unwrap_or_default()
    }
}

/// Parses, orders and checks the certificates.
pub(super) fn build(raw: &[&RawCertificate], now: Timestamp) -> Built {
    // Parse each once; duplicates (same bytes) are dropped and remembered.
    let mut seen = HashSet::new();
    let mut parsed: Vec<(usize, X509Certificate<'_>, &RawCertificate)> = Vec::new();
    let mut duplicates = Vec::new();
    for (position, cert) in raw.iter().enumerate() {
        let Ok((_, x509)) = x509_parser::parse_x509_certificate(&cert.der) else {
            continue;
        };
        if !seen.insert(cert.der.as_slice()) {
            duplicates.push(position);
            continue;
        }
        parsed.push((position, x509, cert));
    }
    let over_limit = parsed.len().saturating_sub(MAX_CHAIN_CANDIDATES);
    let pool_len = parsed.len().min(MAX_CHAIN_CANDIDATES);

    let mut summaries: Vec<CertSummary> = parsed
        .iter()
        .map(|(position, x509, raw)| {
            adapt::summarise(x509, &raw.der, &raw.location, *position, now)
        })
        .collect();
    for (summary, (_, x509, _)) in summaries.iter_mut().zip(&parsed) {
        if summary.self_issued {
            summary.self_signed = !matches!(
                verify(x509, &x509.tbs_certificate.subject_pki),
                Outcome::Failed(_)
            );
        }
    }

    let pool: Vec<&X509Certificate<'_>> = parsed.iter().take(pool_len).map(|(_, x, _)| x).collect();
    let order = order_chain(&pool, &summaries);

    // Links.
    let mut links = Vec::new();
    let mut anchor = None;
    for (k, &child_at) in order.iter().enumerate() {
        let (Some(child), Some(child_summary)) = (pool.get(child_at), summaries.get(child_at))
        else {
            continue;
        };
        let issuer_at = order.get(k + 1).copied();
        let link = match issuer_at.and_then(|i| pool.get(i).map(|c| (i, c))) {
            Some((i, issuer)) => {
                let below: Vec<(&X509Certificate<'_>, bool)> = order
                    .iter()
                    .take(k + 1)
                    .enumerate()
                    .filter_map(|(pos, &at)| pool.get(at).map(|c| (*c, pos == 0)))
                    .collect();
                let issuer_summary = summaries.get(i);
                link_to_issuer(
                    k,
                    k + 1,
                    child,
                    issuer,
                    issuer_summary,
                    &below,
                    &order,
                    &summaries,
                    &pool,
                )
            }
            None if child_summary.self_issued => {
                anchor = Some(Anchor::IncludedRoot { index: k });
                self_link(k, child, child_summary)
            }
            None => {
                let (link, found) = link_to_public_root(k, child);
                anchor = Some(match found {
                    Some(name) => Anchor::PublicRoot { name },
                    None => Anchor::Missing {
                        issuer: child_summary.issuer.clone(),
                    },
                });
                link
            }
        };
        links.push(link);
    }

    // Trust: the lowest point where the chain meets the public list.
    let mut trust = Trust::Unknown;
    for (k, &at) in order.iter().enumerate() {
        let Some(cert) = pool.get(at) else { continue };
        let tbs = &cert.tbs_certificate;
        if roots::is_public_root(tbs.subject.as_raw(), tbs.subject_pki.raw) {
            trust = Trust::Public {
                root: summaries
                    .get(at)
                    .map(|s| s.subject.clone())
                    .unwrap_or_default(),
            };
            break;
        }
        if k + 1 == order.len() {
            trust = match &anchor {
                Some(Anchor::PublicRoot { name }) => Trust::Public { root: name.clone() },
                Some(Anchor::IncludedRoot { .. }) => Trust::Private,
                _ => Trust::Unknown,
            };
        }
    }

    let failed = links
        .iter()
        .any(|l| checks(l).iter().any(|c| c.status == CheckStatus::Fail));
    let complete = matches!(
        anchor,
        Some(Anchor::IncludedRoot { .. } | Anchor::PublicRoot { .. })
    );
    let mut not_evaluated = Vec::new();
    for link in &links {
        for (name, check) in check_names().iter().zip(checks(link)) {
            if check.status == CheckStatus::NotEvaluated {
                not_evaluated.push(format!(
                    "Certificate {} {name}: {}",
                    link.child + 1,
                    check.detail
                ));
            }
        }
    }
    let status = if failed {
        ChainStatus::Broken
    } else if !complete {
        ChainStatus::Incomplete
    } else if !not_evaluated.is_empty() {
        ChainStatus::PartlyChecked
    } else {
        ChainStatus::Verified
    };

    // Reorder: chain first, then everything else in paste order.
    let pasted_order: Vec<usize> = order
        .iter()
        .filter_map(|&at| summaries.get(at).map(|s| s.pasted_position))
        .collect();
    let reordered = pasted_order
        .windows(2)
        .any(|w| matches!(w, [a, b] if a > b));
    let chain_len = order.len();
    let mut ordered_at: Vec<usize> = order.clone();
    ordered_at.extend((0..summaries.len()).filter(|i| !order.contains(i)));
    let mut certificates = Vec::with_capacity(summaries.len());
    let mut material = Vec::with_capacity(summaries.len());
    for (index, &at) in ordered_at.iter().enumerate() {
        let (Some(summary), Some((_, x509, _))) = (summaries.get(at), parsed.get(at)) else {
            continue;
        };
        let mut summary = summary.clone();
        summary.index = index;
        summary.role = if index >= chain_len {
            Role::Unrelated
        } else if index == 0 {
            Role::Leaf
        } else if index + 1 == chain_len && summary.self_issued {
            Role::Root
        } else {
            Role::Intermediate
        };
        material.push(Material {
            der: x509.as_raw().to_vec(),
            spki: x509.tbs_certificate.subject_pki.raw.to_vec(),
            subject: summary.subject.clone(),
            role: summary.role,
        });
        certificates.push(summary);
    }

    Built {
        certificates,
        chain_len,
        links,
        anchor,
        trust,
        status,
        reordered,
        pasted_order,
        not_evaluated,
        material,
        duplicates,
        over_limit,
    }
}

/// The names of the checks in a link, in [`checks`] order.
pub(super) fn check_names() -> [&'static str; 10] {
    [
        "issuer name",
        "key identifiers",
        "signature",
        "signature algorithm fields",
        "key type",
        "issuer is a CA",
        "issuer keyCertSign",
        "path length",
        "name constraints",
        "issuer validity",
    ]
}

/// The checks of a link, in [`check_names`] order.
pub(super) fn checks(link: &LinkReport) -> [&Check; 10] {
    [
        &link.names,
        &link.key_ids,
        &link.signature,
        &link.algorithm_match,
        &link.key_type,
        &link.issuer_is_ca,
        &link.key_cert_sign,
        &link.path_len,
        &link.name_constraints,
        &link.issuer_validity,
    ]
}

/// The chain as pool indexes, leaf first.
fn order_chain(pool: &[&X509Certificate<'_>], summaries: &[CertSummary]) -> Vec<usize> {
    let issues = |child: usize, issuer: usize| -> bool {
        child != issuer
            && match (pool.get(child), pool.get(issuer)) {
                (Some(c), Some(i)) => names_equal(c, i),
                _ => false,
            }
    };
    // The leaf issues nothing else in the pool; prefer a non-CA, then paste order.
    let issuers_of_others: HashSet<usize> = (0..pool.len())
        .flat_map(|c| (0..pool.len()).filter(move |&i| issues(c, i)))
        .collect();
    let leaf = (0..pool.len())
        .filter(|i| !issuers_of_others.contains(i))
        .min_by_key(|&i| (summaries.get(i).is_some_and(|s| s.is_ca), i))
        .or_else(|| {
            (0..pool.len()).min_by_key(|&i| (summaries.get(i).is_some_and(|s| s.is_ca), i))
        });
    let Some(leaf) = leaf else {
        return Vec::new();
    };
    let mut order = vec![leaf];
    let mut current = leaf;
    while order.len() < pool.len() {
        // A self-issued certificate whose own key doesn't verify its signature was issued by a
        // different key of the same name (OpenSSL's ee-ed25519 case): keep looking up.
        if summaries
            .get(current)
            .is_some_and(|s| s.self_issued && s.self_signed)
        {
            break;
        }
        let candidates: Vec<usize> = (0..pool.len())
            .filter(|i| !order.contains(i) && issues(current, *i))
            .collect();
        let score = |i: usize| -> (bool, bool) {
            let key_ids = match (
                summaries
                    .get(current)
                    .and_then(|s| s.authority_key_id.as_ref()),
                summaries.get(i).and_then(|s| s.subject_key_id.as_ref()),
            ) {
                (Some(aki), Some(ski)) => aki == ski,
                _ => true,
            };
            let signature = match (pool.get(current), pool.get(i)) {
                (Some(c), Some(issuer)) => {
                    verify(c, &issuer.tbs_certificate.subject_pki) == Outcome::Verified
                }
                _ => false,
            };
            (key_ids, signature)
        };
        let Some(next) = candidates
            .iter()
            .copied()
            .max_by_key(|&i| (score(i), std::cmp::Reverse(i)))
        else {
            break;
        };
        order.push(next);
        current = next;
    }
    order
}

/// Issuer name of `child` equals subject name of `issuer`: byte equality, or the RFC 4514
/// strings equal ignoring case (RFC 5280 §7.1 compares after normalisation).
fn names_equal(child: &X509Certificate<'_>, issuer: &X509Certificate<'_>) -> bool {
    let a = &child.tbs_certificate.issuer;
    let b = &issuer.tbs_certificate.subject;
    a.as_raw() == b.as_raw() || adapt::dn_string(a).eq_ignore_ascii_case(&adapt::dn_string(b))
}

fn outcome_check(outcome: Outcome, who: &str) -> Check {
    match outcome {
        Outcome::Verified => Check::new(
            CheckStatus::Pass,
            format!("The signature verifies with {who}'s key."),
        ),
        Outcome::Failed(why) => Check::new(CheckStatus::Fail, format!("Bad signature: {why}.")),
        Outcome::NotChecked(why) => {
            Check::new(CheckStatus::NotEvaluated, format!("Not checked: {why}."))
        }
    }
}

fn algorithm_match(child: &X509Certificate<'_>) -> Check {
    if child.signature_algorithm == child.tbs_certificate.signature {
        Check::new(
            CheckStatus::Pass,
            "The outer and inner signature algorithm fields agree.",
        )
    } else {
        Check::new(
            CheckStatus::Fail,
            format!(
                "The outer signatureAlgorithm ({}) differs from the one inside the signed part ({}); \
                 RFC 5280 §4.1.1.2 requires them to be identical.",
                SigAlg::read(&child.signature_algorithm).name(),
                SigAlg::read(&child.tbs_certificate.signature).name()
            ),
        )
    }
}

fn key_type(child: &X509Certificate<'_>, issuer_key: &KeyAlg) -> Check {
    match key_fits_signature(issuer_key, &SigAlg::read(&child.signature_algorithm)) {
        Ok(()) => Check::new(
            CheckStatus::Pass,
            "The issuer's key type can make this signature.",
        ),
        Err(why) => Check::new(
            CheckStatus::Fail,
            format!("Key and signature contradict each other: {why}."),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn link_to_issuer(
    child_index: usize,
    issuer_index: usize,
    child: &X509Certificate<'_>,
    issuer: &X509Certificate<'_>,
    issuer_summary: Option<&CertSummary>,
    below: &[(&X509Certificate<'_>, bool)],
    order: &[usize],
    summaries: &[CertSummary],
    _pool: &[&X509Certificate<'_>],
) -> LinkReport {
    let child_aki = aki(child);
    let issuer_ski = ski(issuer);
    let key_ids = match (child_aki, issuer_ski) {
        (Some(a), Some(s)) if a == s => Check::new(
            CheckStatus::Pass,
            "authorityKeyIdentifier matches the issuer's subjectKeyIdentifier.",
        ),
        (Some(_), Some(_)) => Check::new(
            CheckStatus::Fail,
            "authorityKeyIdentifier differs from the issuer's subjectKeyIdentifier: this issuer \
             certificate holds a different key from the one that signed (a renewed or wrong CA \
             certificate).",
        ),
        _ => Check::new(
            CheckStatus::NotApplicable,
            "One of the key identifiers is absent.",
        ),
    };
    let issuer_key = KeyAlg::read(&issuer.tbs_certificate.subject_pki);
    let self_issued_top =
        issuer_summary.is_some_and(|s| s.self_issued) && issuer_index + 1 == order.len();
    let issuer_is_ca = match issuer_summary {
        Some(s) if s.is_ca => Check::new(
            CheckStatus::Pass,
            "The issuer is a CA (basicConstraints cA=TRUE).",
        ),
        Some(s) if s.version == 1 && self_issued_top => Check::new(
            CheckStatus::Pass,
            "The issuer is a version 1 root, which has no extensions; it is accepted only as a \
             trust anchor.",
        ),
        Some(s) if s.extensions.iter().any(|e| e.oid == "2.5.29.19") => Check::new(
            CheckStatus::Fail,
            "The issuer's basicConstraints says it is not a CA (cA=FALSE), so it may not issue \
             certificates.",
        ),
        _ => Check::new(
            CheckStatus::Fail,
            "The issuer has no basicConstraints extension, so it is not a CA and may not issue \
             certificates (RFC 5280 §6.1.4 (k)).",
        ),
    };
    let key_cert_sign = match issuer_summary {
        Some(s) if s.key_usage.is_empty() => Check::new(
            CheckStatus::NotApplicable,
            "The issuer has no keyUsage extension.",
        ),
        Some(s) if s.key_usage.iter().any(|u| u == "keyCertSign") => Check::new(
            CheckStatus::Pass,
            "The issuer's keyUsage allows keyCertSign.",
        ),
        _ => Check::new(
            CheckStatus::Fail,
            "The issuer's keyUsage lacks keyCertSign, so its key may not sign certificates.",
        ),
    };
    let path_len = match issuer_summary.and_then(|s| s.path_len) {
        None => Check::new(
            CheckStatus::NotApplicable,
            "The issuer sets no path length limit.",
        ),
        Some(limit) => {
            // Non-self-issued intermediates strictly between the issuer and the leaf.
            let between = order
                .iter()
                .take(issuer_index)
                .skip(1)
                .filter(|&&at| summaries.get(at).is_some_and(|s| !s.self_issued))
                .count();
            if between as u64 > u64::from(limit) {
                Check::new(
                    CheckStatus::Fail,
                    format!(
                        "The issuer allows {limit} CA certificate(s) below it (pathLenConstraint) \
                         and the chain has {between}."
                    ),
                )
            } else {
                Check::new(
                    CheckStatus::Pass,
                    format!("The issuer allows {limit} CA certificate(s) below it; the chain has {between}."),
                )
            }
        }
    };
    let issuer_validity =
        match issuer_summary.map(|s| s.validity) {
            Some(Validity::Expired) => Check::new(
                CheckStatus::Fail,
                format!(
                "The issuer expired on {}; validators reject a chain through an expired CA (most, \
                 OpenSSL included, also for a root).",
                issuer_summary.map(|s| s.not_after.as_str()).unwrap_or_default()
            ),
            ),
            Some(Validity::NotYetValid) => Check::new(
                CheckStatus::Fail,
                format!(
                    "The issuer is not valid before {}.",
                    issuer_summary
                        .map(|s| s.not_before.as_str())
                        .unwrap_or_default()
                ),
            ),
            _ => Check::new(
                CheckStatus::Pass,
                "The issuer is within its validity period.",
            ),
        };
    LinkReport {
        child: child_index,
        issuer: Some(issuer_index),
        names: Check::new(
            CheckStatus::Pass,
            "The issuer name matches the next certificate's subject.",
        ),
        key_ids,
        signature: outcome_check(
            verify(child, &issuer.tbs_certificate.subject_pki),
            "the issuer",
        ),
        algorithm_match: algorithm_match(child),
        key_type: key_type(child, &issuer_key),
        issuer_is_ca,
        key_cert_sign,
        path_len,
        name_constraints: check_name_constraints(issuer, below),
        issuer_validity,
    }
}

/// The top certificate is self-issued: it is its own anchor. Its self-signature is shown but is
/// not a trust decision (validators don't check a trust anchor's own signature).
fn self_link(index: usize, cert: &X509Certificate<'_>, summary: &CertSummary) -> LinkReport {
    let own = verify(cert, &cert.tbs_certificate.subject_pki);
    let signature = match own {
        Outcome::Verified => Check::new(CheckStatus::Pass, "Self-signed: the signature verifies with its own key."),
        Outcome::Failed(why) => Check::new(
            CheckStatus::NotApplicable,
            format!(
                "Self-issued, but the self-signature does not verify ({why}); validators don't \
                 check a trust anchor's own signature."
            ),
        ),
        Outcome::NotChecked(why) => Check::new(CheckStatus::NotApplicable, format!("Self-signature not checked ({why}); validators don't check a trust anchor's own signature.")),
    };
    let anchor = |what: &str| {
        Check::new(
            CheckStatus::NotApplicable,
            format!("{what}: this certificate is its own anchor."),
        )
    };
    let is_leaf = index == 0;
    let ca = if is_leaf || summary.is_ca || summary.version == 1 {
        anchor("Issuer is a CA")
    } else if summary.extensions.iter().any(|e| e.oid == "2.5.29.19") {
        Check::new(
            CheckStatus::Fail,
            "This root's basicConstraints says it is not a CA (cA=FALSE), yet it issued the \
             certificate below it; validators reject it as a trust anchor.",
        )
    } else {
        Check::new(
            CheckStatus::Fail,
            "This root has no basicConstraints extension, so it is not a CA; validators reject \
             it as a trust anchor for the certificate below it.",
        )
    };
    LinkReport {
        child: index,
        issuer: Some(index),
        names: Check::new(
            CheckStatus::Pass,
            "Subject and issuer are the same name (self-issued).",
        ),
        key_ids: anchor("Key identifiers"),
        signature,
        algorithm_match: algorithm_match(cert),
        key_type: key_type(cert, &KeyAlg::read(&cert.tbs_certificate.subject_pki)),
        issuer_is_ca: ca,
        key_cert_sign: anchor("keyCertSign"),
        path_len: anchor("Path length"),
        name_constraints: anchor("Name constraints"),
        issuer_validity: anchor("Issuer validity"),
    }
}

/// The top certificate's issuer isn't in the paste: look for it in the public list.
fn link_to_public_root(index: usize, cert: &X509Certificate<'_>) -> (LinkReport, Option<String>) {
    let candidates = roots::by_subject(cert.tbs_certificate.issuer.as_raw());
    let mut result: Option<(Outcome, String, KeyAlg)> = None;
    for root in &candidates {
        let Some((outcome, key)) = root.with_key(|spki| (verify(cert, spki), KeyAlg::read(spki)))
        else {
            continue;
        };
        let verified = outcome == Outcome::Verified;
        if result.is_none() || verified {
            result = Some((outcome, root.name(), key));
        }
        if verified {
            break;
        }
    }
    let anchor = |what: &str| {
        Check::new(
            CheckStatus::NotApplicable,
            format!("{what}: the issuer is a trust anchor from the public list."),
        )
    };
    match result {
        Some((outcome, name, key)) => {
            let found = (outcome == Outcome::Verified).then(|| name.clone());
            (
                LinkReport {
                    child: index,
                    issuer: None,
                    names: Check::new(
                        CheckStatus::Pass,
                        format!(
                            "The issuer is the public root {name}, which servers need not send."
                        ),
                    ),
                    key_ids: anchor("Key identifiers"),
                    signature: outcome_check(outcome, &name),
                    algorithm_match: algorithm_match(cert),
                    key_type: key_type(cert, &key),
                    issuer_is_ca: anchor("Issuer is a CA"),
                    key_cert_sign: anchor("keyCertSign"),
                    path_len: anchor("Path length"),
                    name_constraints: anchor("Name constraints"),
                    issuer_validity: anchor("Issuer validity"),
                },
                found,
            )
        }
        None => {
            let missing = |what: &str| {
                Check::new(
                    CheckStatus::NotEvaluated,
                    format!("{what}: the issuer's certificate was not given."),
                )
            };
            (
                LinkReport {
                    child: index,
                    issuer: None,
                    names: Check::new(
                        CheckStatus::NotEvaluated,
                        "No certificate given has this certificate's issuer as its subject, and it is \
                         not a root of the public list.",
                    ),
                    key_ids: missing("Key identifiers"),
                    signature: missing("Signature"),
                    algorithm_match: algorithm_match(cert),
                    key_type: missing("Key type"),
                    issuer_is_ca: missing("Issuer is a CA"),
                    key_cert_sign: missing("keyCertSign"),
                    path_len: missing("Path length"),
                    name_constraints: missing("Name constraints"),
                    issuer_validity: missing("Issuer validity"),
                },
                None,
            )
        }
    }
}

fn aki<'a>(cert: &'a X509Certificate<'_>) -> Option<&'a [u8]> {
    cert.tbs_certificate
        .extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            x509_parser::extensions::ParsedExtension::AuthorityKeyIdentifier(a) => {
                a.key_identifier.as_ref().map(|k| k.0)
            }
            _ => None,
        })
}

fn ski<'a>(cert: &'a X509Certificate<'_>) -> Option<&'a [u8]> {
    cert.tbs_certificate
        .extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            x509_parser::extensions::ParsedExtension::SubjectKeyIdentifier(k) => Some(k.0),
            _ => None,
        })
}
