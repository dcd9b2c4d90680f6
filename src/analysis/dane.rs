//! DANE for SMTP (RFC 6698, RFC 7671, RFC 7672): TLSA records read from DNS text, matched
//! against the served chain with the usage semantics, checked for the mistakes seen in the wild,
//! and the records an admin should publish, generated as copyable lines.
//!
//! Must not parse certificates itself (it gets DER and SPKI bytes from `cert`) and must not
//! split DNS text (that is `dns.rs`). TLSA means nothing without DNSSEC; the DNSSEC state comes
//! from dig's `ad` flag when the user pasted it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256, Sha512};

use super::catalog::dane as catalog;
use super::cert::{self, CertSummary, HostName, Material, Role};
use super::dns::{DnsText, RecordType};
use super::finding::{Finding, Location, Severity};

/// The SHA-256 of empty input: a generation script that hashed nothing produces it.
const SHA256_EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/// The SHA-512 of empty input.
const SHA512_EMPTY: &str = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

/// Every TLSA record found in the DNS inputs, with what the inputs say about DNSSEC.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TlsaSet {
    /// The records, in input order.
    pub records: Vec<TlsaRecord>,
    /// The dig `ad` flag of the answer that held them: Some(true) validated, Some(false) not,
    /// None when the text doesn't show it (`dig +short`, a zone file, bare values).
    pub dnssec: Option<bool>,
    /// An RRSIG was pasted alongside: the zone is signed (whatever the resolver said).
    pub signed: bool,
}

impl TlsaSet {
    /// The host names in the records' owner names (`_25._tcp.<host>`).
    pub fn hosts(&self) -> Vec<String> {
        let mut hosts: Vec<String> = Vec::new();
        for record in &self.records {
            if let Some(host) = record.owner.as_deref().and_then(smtp_host) {
                if !hosts.contains(&host) {
                    hosts.push(host);
                }
            }
        }
        hosts
    }
}

/// One TLSA record as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsaRecord {
    /// The owner name, when written.
    pub owner: Option<String>,
    /// The TTL, when written.
    pub ttl: Option<u32>,
    /// Certificate usage (RFC 6698 §2.1.1).
    pub usage: Option<u8>,
    /// Selector (§2.1.2).
    pub selector: Option<u8>,
    /// Matching type (§2.1.3).
    pub matching_type: Option<u8>,
    /// The association data, decoded.
    pub data: Vec<u8>,
    /// Why the record can't be used, if it can't (one sentence each).
    pub problems: Vec<(&'static str, String)>,
    /// Where it was written.
    pub location: Location,
}

/// Reads the TLSA records out of every DNS text.
pub fn read(texts: &[(usize, DnsText)]) -> TlsaSet {
    let mut set = TlsaSet::default();
    for (_, text) in texts {
        let mut any = false;
        for record in text.records.iter().filter(|r| r.rtype == RecordType::Tlsa) {
            any = true;
            set.records.push(parse_record(
                record.owner.clone(),
                record.ttl,
                &record.rdata,
                record.location.clone(),
            ));
        }
        if any {
            if text.records.iter().any(|r| r.rtype == RecordType::Rrsig) {
                set.signed = true;
            }
            set.dnssec = match (set.dnssec, text.authenticated_data) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (_, Some(true)) => Some(true),
                (known, None) => known,
            };
        }
    }
    set
}

/// Parses TLSA rdata: `usage selector type hex…` with whitespace anywhere in the hex (RFC 6698
/// §2.2), or the RFC 3597 generic form `\# length hex…`.
fn parse_record(
    owner: Option<String>,
    ttl: Option<u32>,
    rdata: &str,
    location: Location,
) -> TlsaRecord {
    let mut record = TlsaRecord {
        owner,
        ttl,
        usage: None,
        selector: None,
        matching_type: None,
        data: Vec::new(),
        problems: Vec::new(),
        location,
    };
    let words: Vec<&str> = rdata.split_whitespace().collect();
    if words.first() == Some(&"\\#") {
        let declared = words.get(1).and_then(|w| w.parse::<usize>().ok());
        let hex: String = words.iter().skip(2).copied().collect();
        let Some(bytes) = decode_hex(&hex, &mut record) else {
            return record;
        };
        if declared != Some(bytes.len()) {
            record.problems.push((
                catalog::TLSA_MALFORMED.code,
                format!(
                    "The generic form declares {} bytes but holds {}.",
                    declared.map_or("an unreadable number of".to_string(), |d| d.to_string()),
                    bytes.len()
                ),
            ));
        }
        let mut bytes = bytes.into_iter();
        record.usage = bytes.next();
        record.selector = bytes.next();
        record.matching_type = bytes.next();
        record.data = bytes.collect();
        if record.matching_type.is_none() {
            record.problems.push((
                catalog::TLSA_MALFORMED.code,
                "The generic form is too short to hold usage, selector and matching type."
                    .to_string(),
            ));
        }
    } else {
        let field = |i: usize| words.get(i).and_then(|w| w.parse::<u8>().ok());
        record.usage = field(0);
        record.selector = field(1);
        record.matching_type = field(2);
        if record.usage.is_none() || record.selector.is_none() || record.matching_type.is_none() {
            record.problems.push((
                catalog::TLSA_MALFORMED.code,
                "Usage, selector and matching type must be three numbers from 0 to 255."
                    .to_string(),
            ));
            return record;
        }
        let hex: String = words.iter().skip(3).copied().collect();
        if let Some(bytes) = decode_hex(&hex, &mut record) {
            record.data = bytes;
        }
    }
    check_parameters(&mut record);
    record
}

fn decode_hex(hex: &str, record: &mut TlsaRecord) -> Option<Vec<u8>> {
    if hex.is_empty() {
        record.problems.push((
            catalog::TLSA_MALFORMED.code,
            "The record has no association data.".to_string(),
        ));
        return None;
    }
    if let Some(bad) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        record.problems.push((
            catalog::TLSA_MALFORMED.code,
            format!(
                "The association data must be hexadecimal, but it contains \u{201c}{bad}\u{201d}."
            ),
        ));
        return None;
    }
    match data_encoding::HEXLOWER_PERMISSIVE.decode(hex.as_bytes()) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            record.problems.push((
                catalog::TLSA_MALFORMED.code,
                format!(
                    "The association data has an odd number of hex digits ({}).",
                    hex.len()
                ),
            ));
            None
        }
    }
}

/// Checks usage, selector and matching type and the data length they imply.
fn check_parameters(record: &mut TlsaRecord) {
    let (Some(usage), Some(selector), Some(matching)) =
        (record.usage, record.selector, record.matching_type)
    else {
        return;
    };
    if usage > 3 {
        record.problems.push((catalog::TLSA_UNKNOWN_PARAMETER.code, format!("Usage {usage} is not defined (0–3; 255 is private use); clients ignore the record.")));
    }
    if selector > 1 {
        record.problems.push((
            catalog::TLSA_UNKNOWN_PARAMETER.code,
            format!("Selector {selector} is not defined (0 or 1); clients ignore the record."),
        ));
    }
    if matching > 2 {
        record.problems.push((
            catalog::TLSA_UNKNOWN_PARAMETER.code,
            format!("Matching type {matching} is not defined (0–2); clients ignore the record."),
        ));
    }
    let len = record.data.len();
    let expected = match matching {
        1 => Some(32),
        2 => Some(64),
        _ => None,
    };
    if let Some(expected) = expected {
        if len != expected && !record.data.is_empty() {
            let guess = match len {
                28 => " 28 bytes is the size of a SHA-224 digest (a wrong tool option), or the value was cut.",
                20 => " 20 bytes is the size of a SHA-1 digest, which TLSA does not use.",
                48 => " 48 bytes is the size of a SHA-384 digest, which TLSA does not use.",
                _ => "",
            };
            record.problems.push((
                catalog::TLSA_DIGEST_LENGTH.code,
                format!(
                    "Matching type {matching} ({}) needs {expected} bytes of data, and this record has {len}.{guess}",
                    matching_name(matching)
                ),
            ));
        }
    }
    let hex = cert::hex(&record.data);
    if hex == SHA256_EMPTY || hex == SHA512_EMPTY {
        record.problems.push((
            catalog::TLSA_EMPTY_HASH.code,
            "The data is the digest of empty input: the command that made it hashed nothing (a wrong \
             file name or an empty pipe)."
                .to_string(),
        ));
    }
    if matching == 0 && !record.data.is_empty() {
        let parses = match selector {
            0 => x509_parser::parse_x509_certificate(&record.data).is_ok(),
            _ => {
                use x509_parser::asn1_rs::FromDer;
                x509_parser::x509::SubjectPublicKeyInfo::from_der(&record.data).is_ok()
            }
        };
        if !parses {
            record.problems.push((
                catalog::TLSA_MALFORMED.code,
                format!(
                    "Matching type 0 holds the full {} in DER, but this data does not parse as one.",
                    if selector == 0 { "certificate" } else { "SubjectPublicKeyInfo" }
                ),
            ));
        }
    }
}

/// One TLSA record in the report (the `dns_records` entry with `kind: "tlsa"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TlsaReport {
    /// The owner name, when written.
    pub owner: Option<String>,
    /// The TTL, when written.
    pub ttl: Option<u32>,
    /// Certificate usage.
    pub usage: Option<u8>,
    /// Selector.
    pub selector: Option<u8>,
    /// Matching type.
    pub matching_type: Option<u8>,
    /// The association data, lowercase hex.
    pub data: String,
    /// Well-formed: known parameters, hex data of the right length.
    pub valid: bool,
    /// Valid and of a usage SMTP clients use (DANE-TA 2 or DANE-EE 3, RFC 7672 §3.1).
    pub usable: bool,
    /// The chain index of the certificate it matches under its usage, or null.
    pub matches: Option<usize>,
    /// Chain indexes it matches whatever the usage says (shows a usage mistake).
    pub matches_any: Vec<usize>,
    /// For a `2 x 0` record that holds the trust anchor itself (not sent by the server): the
    /// chain index of the lowest certificate that anchor signs. The record then matches
    /// without the anchor in the chain (RFC 7671 §5.2.2).
    pub anchor_signs: Option<usize>,
    /// `DANE-EE(3) SPKI(1) SHA2-256(1)`.
    pub label: String,
    /// Problems, one sentence each.
    pub problems: Vec<String>,
    /// Where it was written.
    pub location: Location,
}

/// Matches every record against the served chain (leaf first).
pub fn check(set: &TlsaSet, chain: &[Material]) -> Vec<TlsaReport> {
    set.records
        .iter()
        .map(|record| {
            // The digest of empty input is well-formed: clients use it, and it never matches,
            // which is exactly the outage it causes.
            let valid = record
                .problems
                .iter()
                .all(|(code, _)| *code == catalog::TLSA_EMPTY_HASH.code);
            let matches_any: Vec<usize> = if valid {
                chain
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| {
                        association(record.selector, record.matching_type, m).as_deref()
                            == Some(record.data.as_slice())
                    })
                    .map(|(i, _)| i)
                    .collect()
            } else {
                Vec::new()
            };
            // A full (matching type 0) DANE-TA record can carry the anchor itself.
            let anchor_signs = if valid
                && record.usage == Some(2)
                && record.matching_type == Some(0)
                && matches_any.is_empty()
            {
                chain
                    .iter()
                    .position(|m| cert::signed_by(&m.der, &record.data, record.selector == Some(0)))
            } else {
                None
            };
            let matches = match record.usage {
                // DANE-EE and PKIX-EE: the leaf only.
                Some(3 | 1) => matches_any.first().copied().filter(|&i| i == 0),
                // DANE-TA: an issuer in the chain, or a self-issued leaf as its own TA.
                Some(2) => matches_any
                    .iter()
                    .copied()
                    .find(|&i| i > 0)
                    .or_else(|| matches_any.first().copied()),
                // PKIX-TA: an issuer.
                Some(0) => matches_any.iter().copied().find(|&i| i > 0),
                _ => None,
            };
            TlsaReport {
                owner: record.owner.clone(),
                ttl: record.ttl,
                usage: record.usage,
                selector: record.selector,
                matching_type: record.matching_type,
                data: cert::hex(&record.data),
                valid,
                usable: valid && matches!(record.usage, Some(2 | 3)),
                matches,
                matches_any,
                anchor_signs,
                label: label(record.usage, record.selector, record.matching_type),
                problems: record.problems.iter().map(|(_, p)| p.clone()).collect(),
                location: record.location.clone(),
            }
        })
        .collect()
}

/// The bytes a record of this selector and matching type would hold for one certificate.
fn association(selector: Option<u8>, matching: Option<u8>, material: &Material) -> Option<Vec<u8>> {
    let selected: &[u8] = match selector? {
        0 => &material.der,
        1 => &material.spki,
        _ => return None,
    };
    Some(match matching? {
        0 => selected.to_vec(),
        1 => Sha256::digest(selected).to_vec(),
        2 => Sha512::digest(selected).to_vec(),
        _ => return None,
    })
}

/// A record to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeneratedRecord {
    /// Certificate usage.
    pub usage: u8,
    /// Selector.
    pub selector: u8,
    /// Matching type.
    pub matching_type: u8,
    /// The data, lowercase hex.
    pub data: String,
    /// The zone-file line to copy.
    pub line: String,
    /// The chain index of the certificate it is made from.
    pub certificate: usize,
    /// 1 = publish this first, 2 = publish this beside it; 0 = an alternative.
    pub rank: u8,
    /// `DANE-EE(3) SPKI(1) SHA2-256(1)`.
    pub label: String,
    /// What to know before publishing it.
    pub caveat: String,
}

/// The DANE panel's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaneReport {
    /// One line.
    pub headline: String,
    /// The overall state.
    pub status: DaneStatus,
    /// Whether the records were DNSSEC-validated (the `ad` flag): true, false, or null when the
    /// pasted text doesn't say.
    pub dnssec: Option<bool>,
    /// The command that shows the `ad` flag.
    pub dnssec_command: String,
    /// The owner name the generated lines use.
    pub owner: String,
    /// Where that owner's host name came from.
    pub owner_source: String,
    /// Records to publish, best first.
    pub generated: Vec<GeneratedRecord>,
    /// Rollover advice for the records given (or to be published).
    pub advice: Vec<String>,
}

/// The overall DANE state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DaneStatus {
    /// No TLSA records were given: only the generated records are shown.
    NoRecords,
    /// A usable record matches the served chain.
    Matches,
    /// Usable records exist and none matches: DANE senders defer all mail.
    NoMatch,
    /// Records exist, none usable: TLS is mandatory but unauthenticated (RFC 7672 §2.2).
    NoUsableRecords,
    /// Records were given without a certificate to match them against.
    NothingToMatch,
}

/// What the DANE judge hands back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Judged {
    /// The DANE panel, when there were certificates or records.
    pub report: Option<DaneReport>,
    /// The records, for `dns_records`.
    pub records: Vec<TlsaReport>,
    /// Findings.
    pub findings: Vec<Finding>,
}

/// Judges the records against the chain and generates the records to publish.
pub fn judge(
    set: &TlsaSet,
    records: Vec<TlsaReport>,
    chain: &[Material],
    certificates: &[CertSummary],
    hosts: &[HostName],
) -> Judged {
    let mut findings = Vec::new();
    if records.is_empty() && chain.is_empty() {
        return Judged::default();
    }
    let (owner_host, owner_source) = owner_host(certificates, hosts, set);
    let owner = format!("_25._tcp.{owner_host}");
    let dnssec_command = format!("dig +dnssec +noall +answer +comments TLSA {owner}");

    // Per record.
    for (record, raw) in records.iter().zip(&set.records) {
        for (code, problem) in &raw.problems {
            let entry = catalog::ALL
                .iter()
                .find(|e| e.code == *code)
                .copied()
                .unwrap_or(&catalog::TLSA_MALFORMED);
            findings.push(
                Finding::new(entry)
                    .specific(problem)
                    .at(record.location.clone()),
            );
        }
        if !record.valid {
            continue;
        }
        if let Some(owner) = record.owner.as_deref() {
            if smtp_host(owner).is_none() {
                findings.push(
                    Finding::new(&catalog::TLSA_OWNER_NOT_SMTP)
                        .specific(format!("The owner name is \u{201c}{owner}\u{201d}."))
                        .at(record.location.clone()),
                );
            }
        }
        if matches!(record.usage, Some(0 | 1)) {
            findings.push(
                Finding::new(&catalog::TLSA_PKIX_USAGE)
                    .specific(format!("This is a {} record.", record.label))
                    .at(record.location.clone()),
            );
        }
        if record.usage == Some(3) && record.selector == Some(0) {
            findings
                .push(Finding::new(&catalog::TLSA_EE_CERT_SELECTOR).at(record.location.clone()));
        }
        if chain.is_empty() {
            continue;
        }
        match (record.matches, record.usage) {
            (Some(index), _) if record.usable => {
                let what = chain
                    .get(index)
                    .map_or(String::new(), |m| m.subject.clone());
                let mut finding = Finding::new(&catalog::TLSA_RECORD_MATCHES)
                    .titled(format!(
                        "{} matches certificate {} ({})",
                        record.label,
                        index + 1,
                        role_word(chain.get(index).map(|m| m.role))
                    ))
                    .specific(format!("It matches \u{201c}{what}\u{201d}."));
                if record.usage == Some(2) && index == 0 {
                    finding = finding.specific(
                        "This DANE-TA record matches the server's own certificate, so it works only \
                         as a self-issued trust anchor; a DANE-EE (3 1 1) record says the same \
                         thing more simply.",
                    );
                }
                findings.push(finding.at(record.location.clone()));
            }
            (None, Some(2)) if record.anchor_signs.is_some() => findings.push(
                Finding::new(&catalog::TLSA_RECORD_MATCHES)
                    .titled(format!("{} holds the trust anchor itself", record.label))
                    .specific(
                        "The record carries the whole CA certificate or key, and that key signs a \
                         certificate of the chain, so the anchor need not be sent; most operators \
                         publish a 2 0 1 digest instead and send the CA certificate.",
                    )
                    .at(record.location.clone()),
            ),
            (None, Some(3)) if record.matches_any.iter().any(|&i| i > 0) => findings.push(
                Finding::new(&catalog::TLSA_EE_MATCHES_ISSUER)
                    .specific(format!(
                        "The record matches certificate {} of the chain, not the server's own.",
                        record.matches_any.first().map_or(0, |i| i + 1)
                    ))
                    .at(record.location.clone()),
            ),
            (None, Some(2 | 3)) => {
                let root = (record.usage == Some(2) && record.selector == Some(1))
                    .then(|| unserved_root(record))
                    .flatten();
                match root {
                    Some(name) => findings.push(
                        Finding::new(&catalog::TLSA_TA_NOT_SERVED)
                            .specific(format!("The record pins the public root \u{201c}{name}\u{201d}, which the server does not send."))
                            .at(record.location.clone()),
                    ),
                    None => findings.push(
                        Finding::new(&catalog::TLSA_RECORD_NO_MATCH)
                            .specific(format!("This {} record matches no certificate in the chain.", record.label))
                            .at(record.location.clone()),
                    ),
                }
            }
            _ => {}
        }
    }

    let usable: Vec<&TlsaReport> = records.iter().filter(|r| r.usable).collect();
    let any_match = usable
        .iter()
        .any(|r| r.matches.is_some() || r.anchor_signs.is_some());
    let status = if records.is_empty() {
        DaneStatus::NoRecords
    } else if chain.is_empty() {
        DaneStatus::NothingToMatch
    } else if usable.is_empty() {
        DaneStatus::NoUsableRecords
    } else if any_match {
        DaneStatus::Matches
    } else {
        DaneStatus::NoMatch
    };
    let in_force = set.dnssec != Some(false);

    match status {
        DaneStatus::NoMatch => findings.push(
            Finding::new(&catalog::DANE_NO_MATCH)
                .specific(format!(
                    "{} usable record(s), none matching the chain given.",
                    usable.len()
                ))
                .with_severity(if in_force {
                    Severity::Critical
                } else {
                    Severity::Warning
                }),
        ),
        DaneStatus::NoUsableRecords => findings.push(
            Finding::new(&catalog::DANE_NO_USABLE_RECORDS).with_severity(if in_force {
                Severity::Warning
            } else {
                Severity::Notice
            }),
        ),
        DaneStatus::NothingToMatch => findings.push(Finding::new(&catalog::DANE_NOTHING_TO_MATCH)),
        DaneStatus::Matches | DaneStatus::NoRecords => {}
    }

    // Digest agility (RFC 7671 §9): per usage and selector, clients may use only the strongest
    // matching type present, so a stale SHA-512 record beside a good SHA-256 one fails.
    for usage in [2u8, 3] {
        for selector in [0u8, 1] {
            let group: Vec<&&TlsaReport> = usable
                .iter()
                .filter(|r| r.usage == Some(usage) && r.selector == Some(selector))
                .collect();
            let strongest = group
                .iter()
                .filter_map(|r| r.matching_type)
                .filter(|m| *m > 0)
                .max();
            let Some(strongest) = strongest else { continue };
            let strong_match = group
                .iter()
                .any(|r| r.matching_type == Some(strongest) && r.matches.is_some());
            let weak_match = group.iter().any(|r| {
                r.matching_type.is_some_and(|m| m > 0 && m < strongest) && r.matches.is_some()
            });
            if !strong_match && weak_match {
                findings.push(
                    Finding::new(&catalog::DANE_DIGEST_DOWNGRADE)
                        .specific(format!(
                            "The {usage} {selector} {strongest} record(s) match nothing while a weaker {usage} {selector} x record matches."
                        ))
                        .with_severity(if in_force { Severity::Critical } else { Severity::Warning }),
                );
            }
        }
    }

    // DNSSEC.
    if !records.is_empty() {
        match set.dnssec {
            Some(true) => findings.push(Finding::new(&catalog::DANE_DNSSEC_VALIDATED)),
            Some(false) => findings.push(
                Finding::new(&catalog::DANE_DNSSEC_NOT_VALIDATED)
                    .specific(if set.signed {
                        "RRSIG records were pasted, so the zone is signed, but the answer has no ad \
                         flag: the resolver that answered does not validate, or validation failed."
                    } else {
                        "The dig output shows no ad flag."
                    })
                    .specific(format!("Run: {dnssec_command}")),
            ),
            None => findings.push(
                Finding::new(&catalog::DANE_DNSSEC_UNKNOWN).specific(format!("Run: {dnssec_command}")),
            ),
        }
    }

    // Rollover.
    let mut advice = Vec::new();
    let matching: Vec<&&TlsaReport> = usable
        .iter()
        .filter(|r| r.matches.is_some() || r.anchor_signs.is_some())
        .collect();
    let ta_matches = matching.iter().any(|r| r.usage == Some(2));
    let ee_keys: Vec<&str> = usable
        .iter()
        .filter(|r| r.usage == Some(3) && r.selector == Some(1))
        .map(|r| r.data.as_str())
        .collect();
    if !matching.is_empty() && !ta_matches && ee_keys.len() < 2 {
        let ttl = records.iter().filter_map(|r| r.ttl).max();
        findings.push(
            Finding::new(&catalog::DANE_ROLLOVER_SINGLE_KEY).specific(match ttl {
                Some(ttl) => format!(
                    "With the TTL of {ttl} s, publish the next key's record at least {} s ({}) before \
                     you deploy it.",
                    ttl * 2,
                    duration_words(u64::from(ttl) * 2)
                ),
                None => "Publish the next key's record at least twice the TTL before you deploy it.".to_string(),
            }),
        );
    }
    advice.push(
        "Publish 3 1 1 for the current key and 3 1 1 for the next key, at least twice the TTL \
         before the new key goes live (RFC 7671 §8.1); or publish 3 1 1 beside 2 0 1 for your CA, \
         so a new key from the same CA still matches."
            .to_string(),
    );
    advice.push(
        "certbot makes a new key at every renewal unless you run it with --reuse-key; without it a \
         3 1 1 record breaks at each renewal."
            .to_string(),
    );
    advice.push(
        "Every record you publish must match the live chain on its own terms, and clients may use \
         only the strongest digest present for each usage and selector: a stale 3 1 2 beside a \
         correct 3 1 1 fails (RFC 7671 §9)."
            .to_string(),
    );

    let generated = generate(chain, &owner);
    let headline = match status {
        DaneStatus::NoRecords => {
            format!("No TLSA records given; the records to publish for {owner} are below.")
        }
        DaneStatus::Matches => format!(
            "{} of {} TLSA record(s) match the chain{}.",
            matching.len(),
            records.len(),
            match set.dnssec {
                Some(true) => ", DNSSEC-validated",
                Some(false) => ", but the answer was not DNSSEC-validated",
                None => "; DNSSEC not shown",
            }
        ),
        DaneStatus::NoMatch => {
            "No usable TLSA record matches the chain: DANE senders will defer mail.".to_string()
        }
        DaneStatus::NoUsableRecords => {
            "No TLSA record is usable: DANE senders require TLS but can't authenticate it."
                .to_string()
        }
        DaneStatus::NothingToMatch => {
            "TLSA records given without a certificate to match them against.".to_string()
        }
    };
    Judged {
        report: Some(DaneReport {
            headline,
            status,
            dnssec: if records.is_empty() { None } else { set.dnssec },
            dnssec_command,
            owner,
            owner_source,
            generated,
            advice,
        }),
        records,
        findings,
    }
}

/// The records to publish for the chain: 3 1 1 first, 2 0 1 for the topmost served issuer
/// second (RFC 7672 §3.1, RFC 7671 §5.2), then the alternatives with their caveats.
fn generate(chain: &[Material], owner: &str) -> Vec<GeneratedRecord> {
    let mut out = Vec::new();
    let mut add = |usage: u8, selector: u8, matching: u8, index: usize, rank: u8, caveat: &str| {
        let Some(material) = chain.get(index) else {
            return;
        };
        let Some(data) = association(Some(selector), Some(matching), material) else {
            return;
        };
        let data = cert::hex(&data);
        out.push(GeneratedRecord {
            usage,
            selector,
            matching_type: matching,
            line: format!("{owner}. IN TLSA {usage} {selector} {matching} {data}"),
            data,
            certificate: index,
            rank,
            label: label(Some(usage), Some(selector), Some(matching)),
            caveat: caveat.to_string(),
        });
    };
    if chain.is_empty() {
        return out;
    }
    add(
        3,
        1,
        1,
        0,
        1,
        "Pins the server's public key: it survives renewals that keep the key, and names and dates \
         stop mattering to DANE senders.",
    );
    let top_issuer = chain.len().checked_sub(1).filter(|&i| i > 0);
    if let Some(top) = top_issuer {
        add(
            2,
            0,
            1,
            top,
            2,
            "Pins this CA certificate: the server must keep sending it in its chain (RFC 7672 \
             §3.1.2), and names and dates are checked below it. A CA that rotates intermediates \
             (Let's Encrypt does) needs a record for each one it may use.",
        );
    }
    for index in 1..chain.len() {
        if Some(index) != top_issuer {
            add(
                2,
                0,
                1,
                index,
                0,
                "Pins this CA certificate; the server must keep sending it (RFC 7672 §3.1.2).",
            );
        }
        add(
            2,
            1,
            1,
            index,
            0,
            "Pins the CA's key rather than its certificate: valid, but RFC 7671 §5.2 prefers \
             selector 0 for DANE-TA; the server must still send the certificate.",
        );
    }
    add(
        3,
        1,
        2,
        0,
        0,
        "SHA-512 instead of SHA-256: no gain for SMTP, and clients use only the strongest digest \
         present, so it must always be kept in step with any 3 1 1 (RFC 7671 §9).",
    );
    add(
        3,
        0,
        1,
        0,
        0,
        "Pins the whole certificate: it changes at every renewal, even when the key is reused, so \
         the record must be replaced each time.",
    );
    out
}

/// The host the generated owner name uses, and where it came from.
fn owner_host(certificates: &[CertSummary], hosts: &[HostName], set: &TlsaSet) -> (String, String) {
    let leaf = certificates.first().filter(|c| c.role == Role::Leaf);
    let covered = hosts
        .iter()
        .find(|h| leaf.is_some_and(|l| l.dns_names.iter().any(|p| cert::host_matches(p, &h.name))));
    if let Some(host) = covered.or(hosts.first()) {
        return (host.name.clone(), host.source.to_string());
    }
    if let Some(host) = set.hosts().into_iter().next() {
        return (host, "tlsa".to_string());
    }
    if let Some(name) = leaf.and_then(|l| l.dns_names.iter().find(|n| !n.starts_with('*'))) {
        return (
            name.trim_end_matches('.').to_ascii_lowercase(),
            "certificate".to_string(),
        );
    }
    (
        "your-mx-host.example".to_string(),
        "placeholder".to_string(),
    )
}

/// The host of `_25._tcp.<host>`, or None for any other owner name.
fn smtp_host(owner: &str) -> Option<String> {
    let lower = owner.trim_end_matches('.').to_ascii_lowercase();
    lower
        .strip_prefix("_25._tcp.")
        .filter(|h| !h.is_empty())
        .map(str::to_string)
}

/// A `2 1 x` record for a public root that isn't in the served chain.
fn unserved_root(record: &TlsaReport) -> Option<String> {
    let data = data_encoding::HEXLOWER_PERMISSIVE
        .decode(record.data.as_bytes())
        .ok()?;
    cert::public_root_digests()
        .into_iter()
        .find(|root| match record.matching_type {
            Some(1) => root.sha256 == data,
            Some(2) => root.sha512 == data,
            _ => false,
        })
        .map(|root| root.name)
}

fn label(usage: Option<u8>, selector: Option<u8>, matching: Option<u8>) -> String {
    let usage = match usage {
        Some(0) => "PKIX-TA(0)".to_string(),
        Some(1) => "PKIX-EE(1)".to_string(),
        Some(2) => "DANE-TA(2)".to_string(),
        Some(3) => "DANE-EE(3)".to_string(),
        Some(n) => format!("usage({n})"),
        None => "usage(?)".to_string(),
    };
    let selector = match selector {
        Some(0) => "Cert(0)".to_string(),
        Some(1) => "SPKI(1)".to_string(),
        Some(n) => format!("selector({n})"),
        None => "selector(?)".to_string(),
    };
    let matching = match matching {
        Some(n @ 0..=2) => format!("{}({n})", matching_name(n)),
        Some(n) => format!("type({n})"),
        None => "type(?)".to_string(),
    };
    format!("{usage} {selector} {matching}")
}

fn matching_name(matching: u8) -> &'static str {
    match matching {
        0 => "Full",
        1 => "SHA2-256",
        2 => "SHA2-512",
        _ => "unknown",
    }
}

fn role_word(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Leaf) => "the server's own",
        Some(Role::Intermediate) => "an intermediate CA",
        Some(Role::Root) => "the root",
        _ => "a certificate",
    }
}

fn duration_words(seconds: u64) -> String {
    if seconds >= 86_400 && seconds.is_multiple_of(3600) {
        format!("{:.1} days", seconds as f64 / 86_400.0)
    } else if seconds >= 3600 {
        format!("{:.1} hours", seconds as f64 / 3600.0)
    } else {
        format!("{} minutes", seconds.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rdata: &str, expected: expect_test::Expect) {
        let location = Location {
            input: 0,
            line: 1,
            column: 1,
            excerpt: String::new(),
        };
        let record = parse_record(None, None, rdata, location);
        let out = format!(
            "{:?} {:?} {:?} {} {:?}",
            record.usage,
            record.selector,
            record.matching_type,
            cert::hex(&record.data),
            record.problems.iter().map(|(c, _)| *c).collect::<Vec<_>>()
        );
        expected.assert_eq(&out);
    }

    #[test]
    fn rdata_forms() {
        check(
            "3 1 1 ABCD EF01 2345 6789 abcd ef01 2345 6789 abcd ef01 2345 6789 abcd ef01 2345 6789",
            expect_test::expect![[
                r#"Some(3) Some(1) Some(1) abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789 []"#
            ]],
        );
        check(
            "\\# 5 030101 abcd",
            expect_test::expect![[r#"Some(3) Some(1) Some(1) abcd ["TLSA_DIGEST_LENGTH"]"#]],
        );
        check(
            "3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            expect_test::expect![[
                r#"Some(3) Some(1) Some(1) e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ["TLSA_EMPTY_HASH"]"#
            ]],
        );
        check(
            "3 1 1 zz",
            expect_test::expect![[r#"Some(3) Some(1) Some(1)  ["TLSA_MALFORMED"]"#]],
        );
        check(
            "4 2 3 abcd",
            expect_test::expect![[
                r#"Some(4) Some(2) Some(3) abcd ["TLSA_UNKNOWN_PARAMETER", "TLSA_UNKNOWN_PARAMETER", "TLSA_UNKNOWN_PARAMETER"]"#
            ]],
        );
        check(
            "3 1 1 00112233445566778899aabbccddeeff00112233445566778899aabb",
            expect_test::expect![[
                r#"Some(3) Some(1) Some(1) 00112233445566778899aabbccddeeff00112233445566778899aabb ["TLSA_DIGEST_LENGTH"]"#
            ]],
        );
        check(
            "3 1",
            expect_test::expect![[r#"Some(3) Some(1) None  ["TLSA_MALFORMED"]"#]],
        );
    }

    #[test]
    fn owner_names() {
        assert_eq!(
            smtp_host("_25._tcp.MX.example.com."),
            Some("mx.example.com".to_string())
        );
        assert_eq!(smtp_host("_443._tcp.mx.example.com"), None);
        assert_eq!(duration_words(7200), "2.0 hours");
    }
}
