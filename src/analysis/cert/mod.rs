//! Certificates: read PEM/DER text into our own [`CertSummary`], put the chain in order, check
//! each link (names, key identifiers, signatures, issuer rules), find its anchor, and judge the
//! result against the policy senders apply (opportunistic, MTA-STS, DANE).
//!
//! Must not depend on anything outside `analysis`. x509-parser types stay inside this module and
//! its children; everything that leaves is one of the serialisable types below. Dates are judged
//! against the `now` passed in, never the clock (`Validity::is_valid` and `ASN1Time::now` are
//! forbidden by clippy.toml).

mod adapt;
mod chain;
mod judge;
mod names;
mod pem;
mod roots;
mod verify;

use serde::{Deserialize, Serialize};

use super::dns::DnsText;
use super::finding::{Finding, Location};
use super::{dane, Context, Timestamp};

pub use judge::{Policy, PolicyInForce, PolicyReport, StsMode};
pub use names::{host_matches, HostName, HostResult, HostnameCheck};
pub use roots::RootDigest;

/// The most certificates one analysis puts through the chain checks. A server sends a handful;
/// a pasted CA bundle can hold hundreds, and each is still summarised, but only the first ones
/// are considered when building the chain so the time stays bounded.
pub const MAX_CHAIN_CANDIDATES: usize = 64;

/// One certificate as found in an input: its DER bytes and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCertificate {
    /// The DER encoding of the certificate alone (trailing bytes removed).
    pub der: Vec<u8>,
    /// The BEGIN line of its PEM block, or the byte offset of binary DER.
    pub location: Location,
}

/// What one input holds: the certificates that parsed and the problems found on the way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CertReading {
    /// Certificates that x509-parser could read, in input order.
    pub certificates: Vec<RawCertificate>,
    /// Located findings about the input itself (missing END line, bad base64, truncated DER).
    pub findings: Vec<Finding>,
}

/// Reads certificates from text: one or many PEM blocks in any order, with or without the
/// `openssl s_client -showcerts` lines around them, or base64 DER without armour. The s_client
/// reader feeds its transcript here too.
pub fn read_text(text: &str, input: usize) -> CertReading {
    pem::read_text(text, input)
}

/// Reads certificates from a dropped file's bytes: binary DER (one or several certificates
/// back to back), or any text [`read_text`] accepts.
pub fn read_bytes(bytes: &[u8], input: usize) -> CertReading {
    pem::read_bytes(bytes, input)
}

/// Everything a page needs to show one certificate without recomputing anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertSummary {
    /// Position in the chain, leaf first (0 = the server's own certificate). Certificates that
    /// are not part of the chain follow it.
    pub index: usize,
    /// Where this certificate sits in the chain.
    pub role: Role,
    /// Position in the order it was pasted (0 = first).
    pub pasted_position: usize,
    /// Where it was read from (the BEGIN line, or the byte offset of binary DER).
    pub location: Location,
    /// The subject's full distinguished name, RFC 4514 string form (most specific first).
    pub subject: String,
    /// The subject's (last) common name, as written. It is never used for host name checks.
    pub subject_cn: Option<String>,
    /// The issuer's full distinguished name, RFC 4514 string form.
    pub issuer: String,
    /// The issuer's (last) common name.
    pub issuer_cn: Option<String>,
    /// The serial number in lowercase hex, colon-separated as OpenSSL prints it.
    pub serial: String,
    /// X.509 version (1, 2 or 3).
    pub version: u32,
    /// Start of validity, RFC 3339.
    pub not_before: String,
    /// End of validity, RFC 3339.
    pub not_after: String,
    /// Whole days from `now` until not-after (negative once expired).
    pub days_left: i64,
    /// Whole days between not-before and not-after.
    pub lifetime_days: i64,
    /// The share of the lifetime still ahead at `now`, 0–100 (0 once expired, 100 before it
    /// starts): the length of a days-left bar.
    pub lifetime_left_percent: u8,
    /// Whether `now` falls inside the validity period, with the expiry rule's verdict.
    pub validity: Validity,
    /// `RSA`, `RSA-PSS`, `EC`, `Ed25519`, `Ed448`, `X25519`, `X448`, `DSA`, or the key's OID.
    pub key_algorithm: String,
    /// The key size in bits (RSA modulus, DSA prime, EC field), when known.
    pub key_bits: Option<u32>,
    /// The named curve of an EC key (`P-256`, `P-384`, `P-521`, `brainpoolP256r1`, …).
    pub curve: Option<String>,
    /// True when the EC key spells out its curve parameters instead of naming the curve
    /// (forbidden by RFC 5480 §2.1.1).
    pub explicit_curve: bool,
    /// The signature algorithm, by its usual OpenSSL name (`sha256WithRSAEncryption`,
    /// `ecdsa-with-SHA384`, `rsassaPss`, `Ed25519`, …).
    pub signature_algorithm: String,
    /// The hash inside the signature algorithm (`SHA-256`, `SHA-1`, `MD5`, …), when it has one.
    pub signature_hash: Option<String>,
    /// SAN dNSName entries, as written (lower case is not forced).
    pub dns_names: Vec<String>,
    /// SAN iPAddress entries, printed as addresses.
    pub ip_addresses: Vec<String>,
    /// Other SAN entries (e-mail, URI, directory names), as `type:value` text.
    pub other_names: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// basicConstraints pathLenConstraint.
    pub path_len: Option<u32>,
    /// keyUsage bits by their RFC 5280 names; empty when the extension is absent.
    pub key_usage: Vec<String>,
    /// extendedKeyUsage purposes by name (`serverAuth`, `clientAuth`, …) or OID; empty when
    /// the extension is absent.
    pub extended_key_usage: Vec<String>,
    /// Subject and issuer are the same name.
    pub self_issued: bool,
    /// Self-issued and its signature verifies with its own key (or can't be checked).
    pub self_signed: bool,
    /// SHA-256 of the whole certificate, lowercase hex.
    pub sha256_fingerprint: String,
    /// SHA-256 of the SubjectPublicKeyInfo, lowercase hex (the `3 1 1` TLSA value).
    pub spki_sha256: String,
    /// subjectKeyIdentifier, lowercase hex.
    pub subject_key_id: Option<String>,
    /// authorityKeyIdentifier's keyIdentifier, lowercase hex.
    pub authority_key_id: Option<String>,
    /// Embedded Certificate Transparency timestamps (RFC 6962 §3.3).
    pub sct_count: usize,
    /// OCSP responder URLs from authorityInfoAccess, as text (never fetched).
    pub ocsp_urls: Vec<String>,
    /// CA-issuer URLs from authorityInfoAccess, as text (never fetched).
    pub ca_issuer_urls: Vec<String>,
    /// The TLS Feature extension asks for OCSP stapling (RFC 7633 "must-staple").
    pub must_staple: bool,
    /// nameConstraints, as `permitted DNS:example.com` / `excluded IP:…` lines.
    pub name_constraints: Vec<String>,
    /// Every extension, in order.
    pub extensions: Vec<ExtensionSummary>,
}

/// Where a certificate sits in the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The server's own certificate.
    Leaf,
    /// A CA between the leaf and the top of the chain.
    Intermediate,
    /// A self-signed certificate at the top of the chain.
    Root,
    /// Not part of the leaf's chain (another server's, a duplicate, a spare root).
    Unrelated,
}

/// The validity period judged at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validity {
    /// Inside the period, with more than the renewal threshold left.
    Valid,
    /// Less than a third of the lifetime (at most 30 days) left: ACME clients renew here.
    RenewalDue,
    /// Under the absolute floor (14 days, or a third of a short lifetime).
    ExpiringSoon,
    /// Past not-after.
    Expired,
    /// Before not-before.
    NotYetValid,
}

/// One extension as found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionSummary {
    /// Dotted OID.
    pub oid: String,
    /// Its name, when known.
    pub name: Option<String>,
    /// The critical flag.
    pub critical: bool,
    /// False when mailtls does not know the extension; a critical one of these must make
    /// validators reject the certificate (RFC 5280 §4.2).
    pub understood: bool,
}

/// The outcome of one check, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// The outcome.
    pub status: CheckStatus,
    /// Why, in one sentence.
    pub detail: String,
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckStatus {
    /// Checked and fine.
    Pass,
    /// Checked and wrong.
    Fail,
    /// Could not be checked (an algorithm mailtls does not implement, a missing certificate).
    NotEvaluated,
    /// Does not apply here (no such extension, nothing to compare).
    NotApplicable,
}

impl Check {
    /// A check with an outcome and a reason.
    pub fn new(status: CheckStatus, detail: impl Into<String>) -> Check {
        Check {
            status,
            detail: detail.into(),
        }
    }
}

/// The link between one certificate and the next one up the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkReport {
    /// Chain index of the certificate being checked.
    pub child: usize,
    /// Chain index of its issuer, when the issuer is in the chain.
    pub issuer: Option<usize>,
    /// The issuer name of the child equals the subject name of the issuer.
    pub names: Check,
    /// authorityKeyIdentifier of the child equals subjectKeyIdentifier of the issuer.
    pub key_ids: Check,
    /// The child's signature, verified with the issuer's public key.
    pub signature: Check,
    /// The outer signatureAlgorithm equals the one inside the signed part (RFC 5280 §4.1.1.2).
    pub algorithm_match: Check,
    /// The issuer's key type can make this kind of signature (e.g. an RSA-PSS key may only
    /// make PSS signatures, RFC 4055 §1.2).
    pub key_type: Check,
    /// The issuer is a CA (basicConstraints cA, RFC 5280 §6.1.4 (k)).
    pub issuer_is_ca: Check,
    /// The issuer's keyUsage, when present, allows keyCertSign (RFC 5280 §6.1.4 (n)).
    pub key_cert_sign: Check,
    /// The issuer's pathLenConstraint allows the CAs below it (RFC 5280 §6.1.4 (m)).
    pub path_len: Check,
    /// The names below the issuer satisfy its nameConstraints (RFC 5280 §6.1.3 (b)).
    pub name_constraints: Check,
    /// The issuer is inside its validity period at `now`.
    pub issuer_validity: Check,
}

/// The chain as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainReport {
    /// One-line verdict in words.
    pub headline: String,
    /// The verdict.
    pub status: ChainStatus,
    /// True when the certificates were not pasted leaf first (they are shown leaf first).
    pub reordered: bool,
    /// For each chain position, its position in the paste.
    pub pasted_order: Vec<usize>,
    /// One entry per certificate in the chain, leaf first; the last one's link goes to the
    /// anchor (or is missing).
    pub links: Vec<LinkReport>,
    /// What the chain is anchored in.
    pub anchor: Anchor,
    /// The chain reaches a self-signed root or a root of the public list.
    pub complete: bool,
    /// Whether the chain ends in the bundled public root list (Mozilla's, via webpki-roots).
    pub trust: Trust,
    /// Checks not performed for this chain, with why ("never say valid while one was
    /// skipped").
    pub not_evaluated: Vec<String>,
    /// Checks no SMTP sender performs and mailtls doesn't either (revocation), said once.
    pub out_of_scope: Vec<String>,
    /// The leaf's host name check against the MX hosts.
    pub hostname: HostnameCheck,
    /// The policy the findings were judged against.
    pub policy: PolicyReport,
    /// The bundled root list, for the page's "publicly trusted" explanation.
    pub trust_store: String,
}

/// The chain verdict. `Verified` only when every check mailtls makes was made and passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChainStatus {
    /// Every link checked and passed, and the chain reaches an anchor.
    Verified,
    /// Nothing failed, but at least one check could not be made (see `not_evaluated`).
    PartlyChecked,
    /// Nothing failed, but the top certificate's issuer is missing and not a public root.
    Incomplete,
    /// At least one check failed.
    Broken,
}

impl ChainStatus {
    /// The word used in JSON and text output.
    pub fn name(self) -> &'static str {
        match self {
            ChainStatus::Verified => "verified",
            ChainStatus::PartlyChecked => "partly-checked",
            ChainStatus::Incomplete => "incomplete",
            ChainStatus::Broken => "broken",
        }
    }
}

/// What the chain ends in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Anchor {
    /// A self-signed root included in the paste, at this chain index.
    IncludedRoot {
        /// Chain index of the root.
        index: usize,
    },
    /// A root of the public list, not included (servers normally don't send it).
    PublicRoot {
        /// The root's name.
        name: String,
    },
    /// The top certificate's issuer was not given and is not a public root.
    Missing {
        /// The issuer name that is missing.
        issuer: String,
    },
}

/// Whether the chain ends in the bundled public root list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Trust {
    /// Anchored in a root of the public list.
    Public {
        /// The root's name.
        root: String,
    },
    /// Anchored in a self-signed root that is not in the public list (a private CA, or the
    /// leaf itself).
    Private,
    /// The anchor is missing, so trust can't be decided.
    Unknown,
}

/// Everything the certificate and DANE checks add to the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Every certificate, leaf first, then those not part of the chain.
    pub certificates: Vec<CertSummary>,
    /// The chain report, when there was at least one certificate.
    pub chain: Option<ChainReport>,
    /// The DANE report, when TLSA records were given.
    pub dane: Option<dane::DaneReport>,
    /// One entry per TLSA record given.
    pub tlsa: Vec<dane::TlsaReport>,
    /// Findings about certificates and TLSA records.
    pub findings: Vec<Finding>,
}

/// Judges every certificate input and every TLSA record together.
///
/// `mta_sts_mode` is the mode of the MTA-STS policy the user showed (None when none was shown);
/// the MTA-STS reader supplies it.
pub fn analyse(
    readings: &[CertReading],
    dns: &[(usize, DnsText)],
    context: &Context,
    mta_sts_mode: Option<StsMode>,
) -> Analysis {
    let mut findings: Vec<Finding> = readings
        .iter()
        .flat_map(|r| r.findings.iter().cloned())
        .collect();
    let raw: Vec<&RawCertificate> = readings
        .iter()
        .flat_map(|r| r.certificates.iter())
        .collect();
    let tlsa = dane::read(dns);
    if raw.is_empty() && tlsa.records.is_empty() {
        return Analysis {
            findings,
            ..Analysis::default()
        };
    }
    let built = chain::build(&raw, context.now);
    let chain_material = built.material.get(..built.chain_len).unwrap_or_default();
    let records = dane::check(&tlsa, chain_material);
    let policy = PolicyInForce {
        mta_sts_mode,
        tlsa: records.clone(),
        dnssec: tlsa.dnssec,
    };
    let hosts = judge::hostnames(context, &tlsa);
    let judged = judge::judge(&built, &policy, &hosts);
    findings.extend(judged.findings);
    let dane = dane::judge(&tlsa, records, chain_material, &judged.certificates, &hosts);
    findings.extend(dane.findings);
    Analysis {
        certificates: judged.certificates,
        chain: judged.chain,
        dane: dane.report,
        tlsa: dane.records,
        findings,
    }
}

/// True when the certificate `child_der` is signed by the key in `issuer` (a DER certificate
/// when `issuer_is_certificate`, else a DER SubjectPublicKeyInfo). DANE uses it for `2 x 0`
/// records, which carry the trust anchor itself.
pub fn signed_by(child_der: &[u8], issuer: &[u8], issuer_is_certificate: bool) -> bool {
    use x509_parser::asn1_rs::FromDer;
    let Ok((_, child)) = x509_parser::parse_x509_certificate(child_der) else {
        return false;
    };
    let outcome = if issuer_is_certificate {
        match x509_parser::parse_x509_certificate(issuer) {
            Ok((_, ta)) => verify::verify(&child, &ta.tbs_certificate.subject_pki),
            Err(_) => return false,
        }
    } else {
        match x509_parser::x509::SubjectPublicKeyInfo::from_der(issuer) {
            Ok((_, spki)) => verify::verify(&child, &spki),
            Err(_) => return false,
        }
    };
    outcome == verify::Outcome::Verified
}

/// SHA-256 and SHA-512 digests of every public root's key, for recognising DANE-TA records
/// that pin a root the server does not send.
pub fn public_root_digests() -> Vec<roots::RootDigest> {
    roots::spki_hashes()
}

/// The bytes DANE matches against, for one certificate in chain order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Material {
    /// The certificate's DER (selector 0).
    pub der: Vec<u8>,
    /// Its SubjectPublicKeyInfo DER (selector 1).
    pub spki: Vec<u8>,
    /// Its subject, for messages.
    pub subject: String,
    /// Its role.
    pub role: Role,
}

/// Days between two instants, rounded towards negative infinity.
fn whole_days(from: Timestamp, to: Timestamp) -> i64 {
    (to.0 - from.0).div_euclid(86_400)
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(bytes)
}
