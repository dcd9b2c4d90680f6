//! The x509-parser adapter: turns an `X509Certificate` into our [`CertSummary`] and our small
//! algorithm enums. Names are printed in RFC 4514 string form; algorithms by the names OpenSSL
//! prints, which are the ones mail admins see in their logs.
//!
//! Must not judge anything: it describes. x509-parser types do not leave this module family.

use std::borrow::Cow;
use std::net::{Ipv4Addr, Ipv6Addr};

use sha2::{Digest, Sha256};
use x509_parser::asn1_rs::{Any, Oid, Tag};
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo, X509Name};

use super::{hex, whole_days, CertSummary, ExtensionSummary, Role, Validity};
use crate::analysis::finding::Location;
use crate::analysis::Timestamp;

/// A hash function named in a signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hash {
    Md2,
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    pub(super) fn name(self) -> &'static str {
        match self {
            Hash::Md2 => "MD2",
            Hash::Md5 => "MD5",
            Hash::Sha1 => "SHA-1",
            Hash::Sha224 => "SHA-224",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }

    fn from_oid(oid: &str) -> Option<Hash> {
        Some(match oid {
            "1.2.840.113549.2.2" => Hash::Md2,
            "1.2.840.113549.2.5" => Hash::Md5,
            "1.3.14.3.2.26" => Hash::Sha1,
            "2.16.840.1.101.3.4.2.4" => Hash::Sha224,
            "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
            "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
            "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
            _ => return None,
        })
    }
}

/// A signature algorithm, as far as mailtls understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SigAlg {
    /// RSASSA-PKCS1-v1_5 with a hash.
    RsaPkcs1(Hash),
    /// RSASSA-PSS (RFC 4055): hash, MGF1 hash and salt length from the parameters.
    RsaPss {
        hash: Option<Hash>,
        mgf_hash: Option<Hash>,
        salt: u32,
    },
    Ecdsa(Hash),
    Ed25519,
    Ed448,
    Dsa(Option<Hash>),
    /// Anything else, by OID.
    Other(String),
}

impl SigAlg {
    pub(super) fn read(algorithm: &AlgorithmIdentifier<'_>) -> SigAlg {
        let oid = algorithm.algorithm.to_id_string();
        match oid.as_str() {
            "1.2.840.113549.1.1.2" => SigAlg::RsaPkcs1(Hash::Md2),
            "1.2.840.113549.1.1.4" => SigAlg::RsaPkcs1(Hash::Md5),
            "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => SigAlg::RsaPkcs1(Hash::Sha1),
            "1.2.840.113549.1.1.14" => SigAlg::RsaPkcs1(Hash::Sha224),
            "1.2.840.113549.1.1.11" => SigAlg::RsaPkcs1(Hash::Sha256),
            "1.2.840.113549.1.1.12" => SigAlg::RsaPkcs1(Hash::Sha384),
            "1.2.840.113549.1.1.13" => SigAlg::RsaPkcs1(Hash::Sha512),
            "1.2.840.113549.1.1.10" => read_pss(algorithm.parameters.as_ref()),
            "1.2.840.10045.4.1" => SigAlg::Ecdsa(Hash::Sha1),
            "1.2.840.10045.4.3.1" => SigAlg::Ecdsa(Hash::Sha224),
            "1.2.840.10045.4.3.2" => SigAlg::Ecdsa(Hash::Sha256),
            "1.2.840.10045.4.3.3" => SigAlg::Ecdsa(Hash::Sha384),
            "1.2.840.10045.4.3.4" => SigAlg::Ecdsa(Hash::Sha512),
            "1.3.101.112" => SigAlg::Ed25519,
            "1.3.101.113" => SigAlg::Ed448,
            "1.2.840.10040.4.3" => SigAlg::Dsa(Some(Hash::Sha1)),
            "2.16.840.1.101.3.4.3.1" => SigAlg::Dsa(Some(Hash::Sha224)),
            "2.16.840.1.101.3.4.3.2" => SigAlg::Dsa(Some(Hash::Sha256)),
            _ => SigAlg::Other(oid),
        }
    }

    /// The name OpenSSL prints.
    pub(super) fn name(&self) -> String {
        match self {
            SigAlg::RsaPkcs1(hash) => match hash {
                Hash::Md2 => "md2WithRSAEncryption",
                Hash::Md5 => "md5WithRSAEncryption",
                Hash::Sha1 => "sha1WithRSAEncryption",
                Hash::Sha224 => "sha224WithRSAEncryption",
                Hash::Sha256 => "sha256WithRSAEncryption",
                Hash::Sha384 => "sha384WithRSAEncryption",
                Hash::Sha512 => "sha512WithRSAEncryption",
            }
            .to_string(),
            SigAlg::RsaPss { .. } => "rsassaPss".to_string(),
            SigAlg::Ecdsa(hash) => format!("ecdsa-with-{}", hash.name().replace('-', "")),
            SigAlg::Ed25519 => "Ed25519".to_string(),
            SigAlg::Ed448 => "Ed448".to_string(),
            SigAlg::Dsa(Some(hash)) => format!("dsa-with-{}", hash.name().replace('-', "")),
            SigAlg::Dsa(None) => "dsa".to_string(),
            SigAlg::Other(oid) => oid.clone(),
        }
    }

    pub(super) fn hash(&self) -> Option<Hash> {
        match self {
            SigAlg::RsaPkcs1(hash) | SigAlg::Ecdsa(hash) => Some(*hash),
            SigAlg::RsaPss { hash, .. } | SigAlg::Dsa(hash) => *hash,
            SigAlg::Ed25519 | SigAlg::Ed448 | SigAlg::Other(_) => None,
        }
    }
}

/// RSASSA-PSS-params (RFC 4055 §3.1): every field has a default (SHA-1, MGF1-SHA-1, 20, 1).
fn read_pss(parameters: Option<&Any<'_>>) -> SigAlg {
    let defaults = SigAlg::RsaPss {
        hash: Some(Hash::Sha1),
        mgf_hash: Some(Hash::Sha1),
        salt: 20,
    };
    let Some(parameters) = parameters else {
        return defaults;
    };
    let mut hash = Some(Hash::Sha1);
    let mut mgf_hash = Some(Hash::Sha1);
    let mut salt = 20;
    let mut rest = parameters.as_bytes();
    // Each field is an explicit [n] tag around its value.
    while !rest.is_empty() {
        let Ok((next, field)) = Any::from_der_or_ber(rest) else {
            return SigAlg::RsaPss {
                hash: None,
                mgf_hash: None,
                salt,
            };
        };
        rest = next;
        let inner = field.as_bytes();
        match field.tag().0 {
            0 => hash = algorithm_oid(inner).and_then(|o| Hash::from_oid(&o)),
            1 => {
                // MaskGenAlgorithm: SEQUENCE { mgf1 OID, hash AlgorithmIdentifier }.
                mgf_hash = mgf1_hash(inner);
            }
            2 => {
                salt = Any::from_der_or_ber(inner)
                    .ok()
                    .and_then(|(_, n)| {
                        n.as_bytes().iter().try_fold(0u32, |acc, b| {
                            acc.checked_mul(256).map(|v| v + u32::from(*b))
                        })
                    })
                    .unwrap_or(u32::MAX);
            }
            _ => {}
        }
    }
    SigAlg::RsaPss {
        hash,
        mgf_hash,
        salt,
    }
}

/// The OID inside a DER AlgorithmIdentifier.
fn algorithm_oid(der: &[u8]) -> Option<String> {
    let (_, sequence) = Any::from_der_or_ber(der).ok()?;
    let (_, oid) = Any::from_der_or_ber(sequence.as_bytes()).ok()?;
    (oid.tag() == Tag::Oid).then(|| Oid::new(Cow::Borrowed(oid.as_bytes())).to_id_string())
}

fn mgf1_hash(der: &[u8]) -> Option<Hash> {
    let (_, sequence) = Any::from_der_or_ber(der).ok()?;
    let (rest, mgf) = Any::from_der_or_ber(sequence.as_bytes()).ok()?;
    let mgf = Oid::new(Cow::Borrowed(mgf.as_bytes())).to_id_string();
    if mgf != "1.2.840.113549.1.1.8" {
        return None;
    }
    Hash::from_oid(&algorithm_oid(rest)?)
}

/// Small helper trait so DER-or-BER reading reads like one call.
trait FromDerOrBer<'a>: Sized {
    fn from_der_or_ber(bytes: &'a [u8]) -> Result<(&'a [u8], Self), ()>;
}

impl<'a> FromDerOrBer<'a> for Any<'a> {
    fn from_der_or_ber(bytes: &'a [u8]) -> Result<(&'a [u8], Self), ()> {
        use x509_parser::asn1_rs::FromBer;
        Any::from_ber(bytes).map_err(|_| ())
    }
}

/// A public key, as far as mailtls understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum KeyAlg {
    Rsa,
    RsaPss,
    Ec(Curve),
    Ed25519,
    Ed448,
    X25519,
    X448,
    Dsa,
    Other(String),
}

/// An elliptic curve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Curve {
    P256,
    P384,
    P521,
    Named(String),
    Explicit,
}

impl Curve {
    fn name(&self) -> Option<String> {
        Some(match self {
            Curve::P256 => "P-256".to_string(),
            Curve::P384 => "P-384".to_string(),
            Curve::P521 => "P-521".to_string(),
            Curve::Named(name) => name.clone(),
            Curve::Explicit => return None,
        })
    }
}

impl KeyAlg {
    pub(super) fn read(spki: &SubjectPublicKeyInfo<'_>) -> KeyAlg {
        let oid = spki.algorithm.algorithm.to_id_string();
        match oid.as_str() {
            "1.2.840.113549.1.1.1" => KeyAlg::Rsa,
            "1.2.840.113549.1.1.10" => KeyAlg::RsaPss,
            "1.2.840.10045.2.1" => KeyAlg::Ec(read_curve(spki.algorithm.parameters.as_ref())),
            "1.3.101.112" => KeyAlg::Ed25519,
            "1.3.101.113" => KeyAlg::Ed448,
            "1.3.101.110" => KeyAlg::X25519,
            "1.3.101.111" => KeyAlg::X448,
            "1.2.840.10040.4.1" => KeyAlg::Dsa,
            _ => KeyAlg::Other(oid),
        }
    }

    pub(super) fn name(&self) -> String {
        match self {
            KeyAlg::Rsa => "RSA".to_string(),
            KeyAlg::RsaPss => "RSA-PSS".to_string(),
            KeyAlg::Ec(_) => "EC".to_string(),
            KeyAlg::Ed25519 => "Ed25519".to_string(),
            KeyAlg::Ed448 => "Ed448".to_string(),
            KeyAlg::X25519 => "X25519".to_string(),
            KeyAlg::X448 => "X448".to_string(),
            KeyAlg::Dsa => "DSA".to_string(),
            KeyAlg::Other(oid) => oid.clone(),
        }
    }
}

fn read_curve(parameters: Option<&Any<'_>>) -> Curve {
    let Some(parameters) = parameters else {
        return Curve::Named("unnamed".to_string());
    };
    if parameters.tag() == Tag::Sequence {
        return Curve::Explicit;
    }
    if parameters.tag() != Tag::Oid {
        return Curve::Named("unnamed".to_string());
    }
    let oid = Oid::new(Cow::Borrowed(parameters.as_bytes())).to_id_string();
    match oid.as_str() {
        "1.2.840.10045.3.1.7" => Curve::P256,
        "1.3.132.0.34" => Curve::P384,
        "1.3.132.0.35" => Curve::P521,
        "1.2.840.10045.3.1.1" => Curve::Named("P-192".to_string()),
        "1.3.132.0.33" => Curve::Named("P-224".to_string()),
        "1.3.132.0.10" => Curve::Named("secp256k1".to_string()),
        "1.3.36.3.3.2.8.1.1.7" => Curve::Named("brainpoolP256r1".to_string()),
        "1.3.36.3.3.2.8.1.1.11" => Curve::Named("brainpoolP384r1".to_string()),
        "1.3.36.3.3.2.8.1.1.13" => Curve::Named("brainpoolP512r1".to_string()),
        "1.2.156.10197.1.301" => Curve::Named("SM2".to_string()),
        _ => Curve::Named(oid),
    }
}

/// The RSA modulus and exponent of an `rsaEncryption` or `id-RSASSA-PSS` key.
pub(super) fn rsa_parts<'a>(spki: &'a SubjectPublicKeyInfo<'_>) -> Option<(&'a [u8], &'a [u8])> {
    use x509_parser::asn1_rs::FromDer;
    let (_, key) =
        x509_parser::public_key::RSAPublicKey::from_der(&spki.subject_public_key.data).ok()?;
    Some((key.modulus, key.exponent))
}

/// Bits in a big-endian unsigned integer, leading zeros ignored.
fn bit_length(bytes: &[u8]) -> u32 {
    let trimmed: &[u8] = match bytes.iter().position(|&b| b != 0) {
        Some(start) => bytes.get(start..).unwrap_or_default(),
        None => &[],
    };
    match trimmed.first() {
        Some(first) => {
            let len = u32::try_from(trimmed.len()).unwrap_or(u32::MAX);
            len.saturating_mul(8).saturating_sub(first.leading_zeros())
        }
        None => 0,
    }
}

fn key_bits(key: &KeyAlg, spki: &SubjectPublicKeyInfo<'_>) -> Option<u32> {
    match key {
        KeyAlg::Rsa | KeyAlg::RsaPss => rsa_parts(spki).map(|(n, _)| bit_length(n)),
        KeyAlg::Ec(curve) => match curve {
            Curve::P256 => Some(256),
            Curve::P384 => Some(384),
            Curve::P521 => Some(521),
            _ => {
                // An uncompressed point is 04 || X || Y.
                let point = spki.subject_public_key.data.as_ref();
                match point.first() {
                    Some(4) => u32::try_from((point.len() - 1) / 2 * 8).ok(),
                    Some(2 | 3) => u32::try_from((point.len() - 1) * 8).ok(),
                    _ => None,
                }
            }
        },
        KeyAlg::Ed25519 => Some(256),
        KeyAlg::Ed448 => Some(456),
        KeyAlg::X25519 => Some(255),
        KeyAlg::X448 => Some(448),
        KeyAlg::Dsa => dsa_bits(spki),
        KeyAlg::Other(_) => None,
    }
}

/// DSA's size is the size of the prime p in Dss-Parms (RFC 3279 §2.3.2).
fn dsa_bits(spki: &SubjectPublicKeyInfo<'_>) -> Option<u32> {
    let parameters = spki.algorithm.parameters.as_ref()?;
    let (_, p) = Any::from_der_or_ber(parameters.as_bytes()).ok()?;
    Some(bit_length(p.as_bytes()))
}

/// The adapter's output before chain placement: everything but index, role and the verdicts
/// that need the chain or `now`.
pub(super) fn summarise(
    cert: &X509Certificate<'_>,
    der: &[u8],
    location: &Location,
    pasted_position: usize,
    now: Timestamp,
) -> CertSummary {
    let tbs = &cert.tbs_certificate;
    let key = KeyAlg::read(&tbs.subject_pki);
    let sig = SigAlg::read(&cert.signature_algorithm);
    let not_before = Timestamp(tbs.validity.not_before.timestamp());
    let not_after = Timestamp(tbs.validity.not_after.timestamp());
    let mut summary = CertSummary {
        index: pasted_position,
        role: Role::Unrelated,
        pasted_position,
        location: location.clone(),
        subject: dn_string(&tbs.subject),
        subject_cn: last_cn(&tbs.subject),
        issuer: dn_string(&tbs.issuer),
        issuer_cn: last_cn(&tbs.issuer),
        serial: serial_hex(tbs.raw_serial()),
        version: tbs.version.0 + 1,
        not_before: not_before.rfc3339(),
        not_after: not_after.rfc3339(),
        days_left: whole_days(now, not_after),
        lifetime_days: whole_days(not_before, not_after),
        lifetime_left_percent: lifetime_left_percent(not_before, not_after, now),
        validity: validity(not_before, not_after, now),
        key_algorithm: key.name(),
        key_bits: key_bits(&key, &tbs.subject_pki),
        curve: match &key {
            KeyAlg::Ec(curve) => curve.name(),
            _ => None,
        },
        explicit_curve: matches!(key, KeyAlg::Ec(Curve::Explicit)),
        signature_algorithm: sig.name(),
        signature_hash: sig.hash().map(|h| h.name().to_string()),
        dns_names: Vec::new(),
        ip_addresses: Vec::new(),
        other_names: Vec::new(),
        is_ca: false,
        path_len: None,
        key_usage: Vec::new(),
        extended_key_usage: Vec::new(),
        self_issued: tbs.subject.as_raw() == tbs.issuer.as_raw(),
        self_signed: false,
        sha256_fingerprint: hex(&Sha256::digest(der)),
        spki_sha256: hex(&Sha256::digest(tbs.subject_pki.raw)),
        subject_key_id: None,
        authority_key_id: None,
        sct_count: 0,
        ocsp_urls: Vec::new(),
        ca_issuer_urls: Vec::new(),
        must_staple: false,
        name_constraints: Vec::new(),
        extensions: Vec::new(),
    };
    for extension in tbs.extensions() {
        let oid = extension.oid.to_id_string();
        let mut understood = true;
        match extension.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                for name in &san.general_names {
                    match name {
                        GeneralName::DNSName(dns) => summary.dns_names.push(printable(dns)),
                        GeneralName::IPAddress(bytes) => summary.ip_addresses.push(ip_text(bytes)),
                        other => summary.other_names.push(general_name_text(other)),
                    }
                }
            }
            ParsedExtension::BasicConstraints(bc) => {
                summary.is_ca = bc.ca;
                summary.path_len = bc.path_len_constraint;
            }
            ParsedExtension::KeyUsage(ku) => summary.key_usage = key_usage_names(ku.flags),
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let mut names = Vec::new();
                for (set, name) in [
                    (eku.any, "anyExtendedKeyUsage"),
                    (eku.server_auth, "serverAuth"),
                    (eku.client_auth, "clientAuth"),
                    (eku.code_signing, "codeSigning"),
                    (eku.email_protection, "emailProtection"),
                    (eku.time_stamping, "timeStamping"),
                    (eku.ocsp_signing, "OCSPSigning"),
                ] {
                    if set {
                        names.push(name.to_string());
                    }
                }
                names.extend(eku.other.iter().map(|o| o.to_id_string()));
                summary.extended_key_usage = names;
            }
            ParsedExtension::SubjectKeyIdentifier(id) => summary.subject_key_id = Some(hex(id.0)),
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                summary.authority_key_id = aki.key_identifier.as_ref().map(|id| hex(id.0));
            }
            ParsedExtension::SCT(list) => summary.sct_count = list.len(),
            ParsedExtension::AuthorityInfoAccess(aia) => {
                for access in aia.iter() {
                    let GeneralName::URI(uri) = &access.access_location else {
                        continue;
                    };
                    match access.access_method.to_id_string().as_str() {
                        "1.3.6.1.5.5.7.48.1" => summary.ocsp_urls.push(printable(uri)),
                        "1.3.6.1.5.5.7.48.2" => summary.ca_issuer_urls.push(printable(uri)),
                        _ => {}
                    }
                }
            }
            ParsedExtension::NameConstraints(nc) => {
                for (kind, subtrees) in [
                    ("permitted", nc.permitted_subtrees.as_ref()),
                    ("excluded", nc.excluded_subtrees.as_ref()),
                ] {
                    for subtree in subtrees.into_iter().flatten() {
                        summary
                            .name_constraints
                            .push(format!("{kind} {}", general_name_text(&subtree.base)));
                    }
                }
            }
            ParsedExtension::UnsupportedExtension { .. } => {
                match oid.as_str() {
                    // TLS Feature (RFC 7633): status_request (5) is "must-staple".
                    "1.3.6.1.5.5.7.1.24" => {
                        summary.must_staple = tls_feature_has_status_request(extension.value)
                    }
                    // The CT precertificate poison (RFC 6962 §3.1) is understood: it marks a
                    // precertificate, which no server should present.
                    "1.3.6.1.4.1.11129.2.4.3" => {}
                    _ => understood = false,
                }
            }
            ParsedExtension::ParseError { .. } => understood = false,
            _ => {}
        }
        summary.extensions.push(ExtensionSummary {
            name: extension_name(&oid).map(str::to_string),
            oid,
            critical: extension.critical,
            understood,
        });
    }
    summary
}

/// The validity verdict at `now`. Renewal is due under a third of the lifetime (at most 30
/// days), which is when ACME clients renew; "expiring soon" is an absolute floor of 14 days (a
/// third of the lifetime for certificates shorter than 42 days), so 90-day certificates don't
/// warn for most of their life.
pub(super) fn validity(not_before: Timestamp, not_after: Timestamp, now: Timestamp) -> Validity {
    if now.0 < not_before.0 {
        return Validity::NotYetValid;
    }
    if now.0 > not_after.0 {
        return Validity::Expired;
    }
    let lifetime = (not_after.0 - not_before.0).max(0);
    let left = not_after.0 - now.0;
    let urgent = (14 * 86_400).min(lifetime / 3);
    let due = (30 * 86_400).min(lifetime / 3);
    if left < urgent {
        Validity::ExpiringSoon
    } else if left < due {
        Validity::RenewalDue
    } else {
        Validity::Valid
    }
}

fn lifetime_left_percent(not_before: Timestamp, not_after: Timestamp, now: Timestamp) -> u8 {
    let lifetime = not_after.0 - not_before.0;
    if lifetime <= 0 || now.0 >= not_after.0 {
        return 0;
    }
    if now.0 <= not_before.0 {
        return 100;
    }
    let left = i128::from(not_after.0 - now.0) * 100 / i128::from(lifetime);
    u8::try_from(left.clamp(0, 100)).unwrap_or(0)
}

/// RFC 4514 §2: the RDNs in reverse order, `,` between them, `+` inside a multi-valued RDN, and
/// the §2.3 short names (others by dotted OID, plus emailAddress which everybody knows).
pub(super) fn dn_string(name: &X509Name<'_>) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|attr| {
                    let oid = attr.attr_type().to_id_string();
                    let key = attribute_name(&oid).map_or(oid.clone(), str::to_string);
                    format!(
                        "{key}={}",
                        escape_dn_value(&attribute_text(attr.attr_value()))
                    )
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

fn last_cn(name: &X509Name<'_>) -> Option<String> {
    name.iter_common_name()
        .last()
        .map(|attr| printable(&attribute_text(attr.attr_value())))
}

fn attribute_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.6" => "C",
        "2.5.4.9" => "STREET",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        "1.2.840.113549.1.9.1" => "emailAddress",
        "2.5.4.5" => "serialNumber",
        _ => return None,
    })
}

/// The text of a DirectoryString (or any string type), or `#hex` of the DER for anything
/// else (RFC 4514 §2.4).
fn attribute_text(value: &Any<'_>) -> String {
    let data = value.as_bytes();
    match value.tag() {
        Tag::Utf8String
        | Tag::PrintableString
        | Tag::Ia5String
        | Tag::NumericString
        | Tag::VisibleString => String::from_utf8_lossy(data).into_owned(),
        // T.61 is in practice Latin-1.
        Tag::T61String => data.iter().map(|&b| char::from(b)).collect(),
        Tag::BmpString => {
            let units: Vec<u16> = data
                .chunks(2)
                .map(|pair| match pair {
                    [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                    _ => 0xfffd,
                })
                .collect();
            String::from_utf16_lossy(&units)
        }
        Tag::UniversalString => data
            .chunks(4)
            .map(|quad| match quad {
                [a, b, c, d] => {
                    char::from_u32(u32::from_be_bytes([*a, *b, *c, *d])).unwrap_or('\u{fffd}')
                }
                _ => '\u{fffd}',
            })
            .collect(),
        tag => {
            let mut der = vec![u8::try_from(tag.0).unwrap_or(0)];
            der.extend(der_length(data.len()));
            der.extend_from_slice(data);
            format!("#{}", hex(&der))
        }
    }
}

fn der_length(len: usize) -> Vec<u8> {
    if len < 0x80 {
        return vec![u8::try_from(len).unwrap_or(0)];
    }
    let bytes: Vec<u8> = len
        .to_be_bytes()
        .into_iter()
        .skip_while(|&b| b == 0)
        .collect();
    let mut out = vec![0x80 | u8::try_from(bytes.len()).unwrap_or(0)];
    out.extend(bytes);
    out
}

/// RFC 4514 §2.4 escaping, plus `\XX` for control characters so nothing can move a terminal's
/// cursor.
fn escape_dn_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        match c {
            '"' | '+' | ',' | ';' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '#' if i == 0 => out.push_str("\\#"),
            ' ' if i == 0 || i == last => out.push_str("\\ "),
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Text from a certificate, with control characters replaced so it can't drive a terminal.
/// Markup such as `<script>` is kept as written: it is text, and renderers print it as text.
pub(super) fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

fn serial_hex(raw: &[u8]) -> String {
    raw.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn ip_text(bytes: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
        return Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
        return Ipv6Addr::from(v6).to_string();
    }
    // nameConstraints carry address + mask (8 or 32 bytes).
    if let Ok(v4) = <[u8; 8]>::try_from(bytes) {
        let (addr, mask) = v4.split_at(4);
        if let (Ok(addr), Ok(mask)) = (<[u8; 4]>::try_from(addr), <[u8; 4]>::try_from(mask)) {
            return format!("{}/{}", Ipv4Addr::from(addr), Ipv4Addr::from(mask));
        }
    }
    if let Ok(v6) = <[u8; 32]>::try_from(bytes) {
        let (addr, mask) = v6.split_at(16);
        if let (Ok(addr), Ok(mask)) = (<[u8; 16]>::try_from(addr), <[u8; 16]>::try_from(mask)) {
            return format!("{}/{}", Ipv6Addr::from(addr), Ipv6Addr::from(mask));
        }
    }
    format!("#{}", hex(bytes))
}

/// A GeneralName as `type:value`, the way OpenSSL prints SANs.
pub(super) fn general_name_text(name: &GeneralName<'_>) -> String {
    match name {
        GeneralName::DNSName(s) => format!("DNS:{}", printable(s)),
        GeneralName::RFC822Name(s) => format!("email:{}", printable(s)),
        GeneralName::URI(s) => format!("URI:{}", printable(s)),
        GeneralName::IPAddress(b) => format!("IP:{}", ip_text(b)),
        GeneralName::DirectoryName(n) => format!("DirName:{}", dn_string(n)),
        GeneralName::RegisteredID(oid) => format!("RID:{}", oid.to_id_string()),
        GeneralName::OtherName(oid, _) => format!("othername:{}", oid.to_id_string()),
        GeneralName::X400Address(_) => "X400Name".to_string(),
        GeneralName::EDIPartyName(_) => "EdiPartyName".to_string(),
        GeneralName::Invalid(tag, _) => format!("invalid (tag {})", tag.0),
    }
}

/// keyUsage bit names in RFC 5280 §4.2.1.3 order.
fn key_usage_names(flags: u16) -> Vec<String> {
    const NAMES: [&str; 9] = [
        "digitalSignature",
        "nonRepudiation",
        "keyEncipherment",
        "dataEncipherment",
        "keyAgreement",
        "keyCertSign",
        "cRLSign",
        "encipherOnly",
        "decipherOnly",
    ];
    NAMES
        .iter()
        .enumerate()
        .filter(|(bit, _)| flags & (1 << bit) != 0)
        .map(|(_, name)| (*name).to_string())
        .collect()
}

/// The TLS Feature extension's value is a SEQUENCE OF INTEGER; 5 is status_request.
fn tls_feature_has_status_request(value: &[u8]) -> bool {
    let Ok((_, sequence)) = Any::from_der_or_ber(value) else {
        return false;
    };
    let mut rest = sequence.as_bytes();
    while let Ok((next, feature)) = Any::from_der_or_ber(rest) {
        if feature.tag() == Tag::Integer && feature.as_bytes() == [5] {
            return true;
        }
        rest = next;
    }
    false
}

fn extension_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.29.14" => "subjectKeyIdentifier",
        "2.5.29.15" => "keyUsage",
        "2.5.29.17" => "subjectAltName",
        "2.5.29.18" => "issuerAltName",
        "2.5.29.19" => "basicConstraints",
        "2.5.29.30" => "nameConstraints",
        "2.5.29.31" => "cRLDistributionPoints",
        "2.5.29.32" => "certificatePolicies",
        "2.5.29.33" => "policyMappings",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.36" => "policyConstraints",
        "2.5.29.37" => "extendedKeyUsage",
        "2.5.29.54" => "inhibitAnyPolicy",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "1.3.6.1.5.5.7.1.11" => "subjectInfoAccess",
        "1.3.6.1.5.5.7.1.24" => "tlsFeature",
        "1.3.6.1.4.1.11129.2.4.2" => "ctSignedCertificateTimestamps",
        "1.3.6.1.4.1.11129.2.4.3" => "ctPrecertificatePoison",
        "2.16.840.1.113730.1.1" => "netscapeCertType",
        "2.16.840.1.113730.1.13" => "netscapeComment",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_thresholds_follow_the_lifetime() {
        let day = 86_400;
        let start = Timestamp(0);
        let ninety = Timestamp(90 * day);
        let at = |d: i64| validity(start, ninety, Timestamp(d * day));
        // A 90-day certificate: fine for 60 days, renewal due at 30 days left, urgent at 14.
        assert_eq!(at(59), Validity::Valid);
        assert_eq!(at(61), Validity::RenewalDue);
        assert_eq!(at(77), Validity::ExpiringSoon);
        assert_eq!(at(91), Validity::Expired);
        assert_eq!(
            validity(Timestamp(day), ninety, start),
            Validity::NotYetValid
        );
        // A 398-day certificate is not "due" at 100 days left: the cap is 30 days.
        let long = Timestamp(398 * day);
        assert_eq!(validity(start, long, Timestamp(298 * day)), Validity::Valid);
        assert_eq!(
            validity(start, long, Timestamp(380 * day)),
            Validity::RenewalDue
        );
        // A 6-day certificate warns only in its last 2 days.
        let short = Timestamp(6 * day);
        assert_eq!(validity(start, short, Timestamp(3 * day)), Validity::Valid);
        assert_eq!(
            validity(start, short, Timestamp(5 * day)),
            Validity::ExpiringSoon
        );
    }

    #[test]
    fn dn_values_are_escaped_per_rfc_4514() {
        assert_eq!(escape_dn_value("a,b+c"), "a\\,b\\+c");
        assert_eq!(escape_dn_value(" #x "), "\\ #x\\ ");
        assert_eq!(escape_dn_value("#x"), "\\#x");
        assert_eq!(escape_dn_value("<script>"), "\\<script\\>");
        assert_eq!(escape_dn_value("a\u{1b}[2J"), "a\\1B[2J");
        assert_eq!(printable("x\u{1b}y<b>"), "x\u{fffd}y<b>");
    }

    #[test]
    fn bit_lengths_ignore_leading_zeros() {
        assert_eq!(bit_length(&[0, 0x80, 0]), 16);
        assert_eq!(bit_length(&[0x01, 0]), 9);
        assert_eq!(bit_length(&[]), 0);
    }
}
