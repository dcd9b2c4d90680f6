//! Signature checks with RustCrypto: RSA PKCS#1 v1.5 and PSS (rsa), ECDSA on P-256, P-384 and
//! P-521 (p256, p384, p521), Ed25519 (ed25519-dalek). Everything else is "not checked", never
//! "bad".
//!
//! Must not depend on C code (the wasm build has no C toolchain) or on x509-parser's own
//! `verify` feature (ring).

use ed25519_dalek::Verifier;
use md5::Md5;
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};
use x509_parser::asn1_rs::{Any, FromBer, Tag};
use x509_parser::certificate::X509Certificate;
use x509_parser::x509::SubjectPublicKeyInfo;

use super::adapt::{rsa_parts, Curve, Hash, KeyAlg, SigAlg};

/// The largest RSA modulus verified; the rsa crate's default limit is 4096 bits, and 8192-bit
/// roots exist.
const MAX_RSA_BITS: usize = 16_384;

/// The result of checking one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Outcome {
    Verified,
    Failed(String),
    NotChecked(String),
}

/// Verifies `cert`'s signature with `issuer`'s public key.
pub(super) fn verify(cert: &X509Certificate<'_>, issuer: &SubjectPublicKeyInfo<'_>) -> Outcome {
    let sig = SigAlg::read(&cert.signature_algorithm);
    let key = KeyAlg::read(issuer);
    let message = cert.tbs_certificate.as_ref();
    let signature = cert.signature_value.data.as_ref();
    verify_raw(&sig, &key, issuer, message, signature)
}

/// Whether a key of this type can make this kind of signature at all.
pub(super) fn key_fits_signature(key: &KeyAlg, sig: &SigAlg) -> Result<(), String> {
    match (key, sig) {
        (KeyAlg::Rsa, SigAlg::RsaPkcs1(_) | SigAlg::RsaPss { .. })
        | (KeyAlg::RsaPss, SigAlg::RsaPss { .. })
        | (KeyAlg::Ec(_), SigAlg::Ecdsa(_))
        | (KeyAlg::Ed25519, SigAlg::Ed25519)
        | (KeyAlg::Ed448, SigAlg::Ed448)
        | (KeyAlg::Dsa, SigAlg::Dsa(_)) => Ok(()),
        (KeyAlg::RsaPss, SigAlg::RsaPkcs1(_)) => Err(
            "the issuer's key is an RSA-PSS key (id-RSASSA-PSS), which may only make PSS \
             signatures, but this certificate carries a PKCS#1 v1.5 signature (RFC 4055 §1.2)"
                .to_string(),
        ),
        (_, SigAlg::Other(_)) | (KeyAlg::Other(_), _) => Ok(()),
        (key, sig) => Err(format!(
            "a {} key cannot make a {} signature",
            key.name(),
            sig.name()
        )),
    }
}

fn verify_raw(
    sig: &SigAlg,
    key: &KeyAlg,
    spki: &SubjectPublicKeyInfo<'_>,
    message: &[u8],
    signature: &[u8],
) -> Outcome {
    match (sig, key) {
        (SigAlg::RsaPkcs1(hash), KeyAlg::Rsa | KeyAlg::RsaPss) => {
            let Some(public) = rsa_key(spki) else {
                return Outcome::NotChecked("the issuer's RSA key could not be read".to_string());
            };
            let scheme = match hash {
                Hash::Md5 => Pkcs1v15Sign::new::<Md5>(),
                Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
                Hash::Sha224 => Pkcs1v15Sign::new::<Sha224>(),
                Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
                Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
                Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
                Hash::Md2 => {
                    return Outcome::NotChecked("MD2 signatures are not verified".to_string())
                }
            };
            rsa_outcome(public.verify(scheme, &digest(*hash, message), signature))
        }
        (
            SigAlg::RsaPss {
                hash,
                mgf_hash,
                salt,
            },
            KeyAlg::Rsa | KeyAlg::RsaPss,
        ) => {
            let (Some(hash), Some(mgf_hash)) = (hash, mgf_hash) else {
                return Outcome::NotChecked(
                    "the RSA-PSS parameters name a hash mailtls does not know".to_string(),
                );
            };
            if hash != mgf_hash {
                return Outcome::NotChecked(format!(
                    "RSA-PSS with {} and MGF1-{} is not supported by the verifier",
                    hash.name(),
                    mgf_hash.name()
                ));
            }
            let Some(public) = rsa_key(spki) else {
                return Outcome::NotChecked("the issuer's RSA key could not be read".to_string());
            };
            let salt = usize::try_from(*salt).unwrap_or(usize::MAX);
            let scheme = match hash {
                Hash::Sha1 => Pss::new_with_salt::<Sha1>(salt),
                Hash::Sha224 => Pss::new_with_salt::<Sha224>(salt),
                Hash::Sha256 => Pss::new_with_salt::<Sha256>(salt),
                Hash::Sha384 => Pss::new_with_salt::<Sha384>(salt),
                Hash::Sha512 => Pss::new_with_salt::<Sha512>(salt),
                Hash::Md2 | Hash::Md5 => {
                    return Outcome::NotChecked(format!("RSA-PSS with {}", hash.name()))
                }
            };
            rsa_outcome(public.verify(scheme, &digest(*hash, message), signature))
        }
        (SigAlg::Ecdsa(hash), KeyAlg::Ec(curve)) => {
            let point = spki.subject_public_key.data.as_ref();
            let prehash = digest(*hash, message);
            match curve {
                Curve::P256 => ecdsa_p256(point, &prehash, signature),
                Curve::P384 => ecdsa_p384(point, &prehash, signature),
                Curve::P521 => ecdsa_p521(point, &prehash, signature),
                Curve::Named(name) => Outcome::NotChecked(format!(
                    "ECDSA on {name} is not supported by mailtls's verifier"
                )),
                Curve::Explicit => Outcome::NotChecked(
                    "the issuer's EC key has explicit curve parameters".to_string(),
                ),
            }
        }
        (SigAlg::Ed25519, KeyAlg::Ed25519) => {
            let point = spki.subject_public_key.data.as_ref();
            let Ok(bytes) = <[u8; 32]>::try_from(point) else {
                return Outcome::Failed("the issuer's Ed25519 key is not 32 bytes".to_string());
            };
            let Ok(public) = ed25519_dalek::VerifyingKey::from_bytes(&bytes) else {
                return Outcome::Failed(
                    "the issuer's Ed25519 key is not a valid point".to_string(),
                );
            };
            let Ok(signature) = ed25519_dalek::Signature::from_slice(signature) else {
                return Outcome::Failed("the Ed25519 signature is not 64 bytes".to_string());
            };
            match public.verify(message, &signature) {
                Ok(()) => Outcome::Verified,
                Err(_) => Outcome::Failed("the Ed25519 signature does not verify".to_string()),
            }
        }
        (SigAlg::Ed448, _) => Outcome::NotChecked(
            "Ed448 signatures are not supported by mailtls's verifier".to_string(),
        ),
        (SigAlg::Dsa(_), _) => Outcome::NotChecked(
            "DSA signatures are not supported by mailtls's verifier".to_string(),
        ),
        (SigAlg::Other(oid), _) => Outcome::NotChecked(format!(
            "the signature algorithm {oid} is not supported by mailtls's verifier"
        )),
        (sig, key) => Outcome::Failed(format!(
            "a {} signature cannot come from the issuer's {} key",
            sig.name(),
            key.name()
        )),
    }
}

fn digest(hash: Hash, message: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Md2 => Vec::new(),
        Hash::Md5 => Md5::digest(message).to_vec(),
        Hash::Sha1 => Sha1::digest(message).to_vec(),
        Hash::Sha224 => Sha224::digest(message).to_vec(),
        Hash::Sha256 => Sha256::digest(message).to_vec(),
        Hash::Sha384 => Sha384::digest(message).to_vec(),
        Hash::Sha512 => Sha512::digest(message).to_vec(),
    }
}

fn rsa_key(spki: &SubjectPublicKeyInfo<'_>) -> Option<RsaPublicKey> {
    let (n, e) = rsa_parts(spki)?;
    RsaPublicKey::new_with_max_size(
        BigUint::from_bytes_be(n),
        BigUint::from_bytes_be(e),
        MAX_RSA_BITS,
    )
    .ok()
}

fn rsa_outcome(result: rsa::Result<()>) -> Outcome {
    match result {
        Ok(()) => Outcome::Verified,
        Err(_) => {
            Outcome::Failed("the RSA signature does not verify with the issuer's key".to_string())
        }
    }
}

/// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279 §2.2.3), as `r || s`
/// left-padded to the field size.
fn ecdsa_fixed(signature: &[u8], size: usize) -> Option<Vec<u8>> {
    let (_, sequence) = Any::from_ber(signature).ok()?;
    if sequence.tag() != Tag::Sequence {
        return None;
    }
    let (rest, r) = Any::from_ber(sequence.as_bytes()).ok()?;
    let (_, s) = Any::from_ber(rest).ok()?;
    let mut out = Vec::with_capacity(size * 2);
    for integer in [r, s] {
        if integer.tag() != Tag::Integer {
            return None;
        }
        let bytes = integer.as_bytes();
        let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let trimmed = bytes.get(start..)?;
        if trimmed.len() > size {
            return None;
        }
        out.extend(std::iter::repeat_n(0u8, size - trimmed.len()));
        out.extend_from_slice(trimmed);
    }
    Some(out)
}

macro_rules! ecdsa_curve {
    ($name:ident, $krate:ident, $size:expr, $label:expr) => {
        fn $name(point: &[u8], prehash: &[u8], signature: &[u8]) -> Outcome {
            let Ok(public) = $krate::ecdsa::VerifyingKey::from_sec1_bytes(point) else {
                return Outcome::Failed(format!(
                    "the issuer's {} key is not a valid point",
                    $label
                ));
            };
            let Some(fixed) = ecdsa_fixed(signature, $size) else {
                return Outcome::Failed(
                    "the ECDSA signature is not a valid ECDSA-Sig-Value".to_string(),
                );
            };
            let Ok(signature) = $krate::ecdsa::Signature::from_slice(&fixed) else {
                return Outcome::Failed("the ECDSA signature values are out of range".to_string());
            };
            match public.verify_prehash(prehash, &signature) {
                Ok(()) => Outcome::Verified,
                Err(_) => Outcome::Failed(format!(
                    "the ECDSA {} signature does not verify with the issuer's key",
                    $label
                )),
            }
        }
    };
}

ecdsa_curve!(ecdsa_p256, p256, 32, "P-256");
ecdsa_curve!(ecdsa_p384, p384, 48, "P-384");
ecdsa_curve!(ecdsa_p521, p521, 66, "P-521");
