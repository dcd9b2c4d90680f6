//! The public root list: Mozilla's root program as shipped by the webpki-roots crate, used to
//! say "chains to a publicly trusted CA", which MTA-STS requires (RFC 8461 §4.2).
//!
//! Must not fetch anything: the list is compiled in and its date is the crate's release. Roots
//! are compared by encoded subject name and verified by signature, the way webpki does.

use sha2::{Digest, Sha256, Sha512};
use x509_parser::asn1_rs::{FromDer, Header};
use x509_parser::x509::{SubjectPublicKeyInfo, X509Name};

/// What the page says about the list.
pub(super) fn store_label() -> String {
    format!(
        "Mozilla's root program via the webpki-roots crate ({} roots), compiled in; it is as \
         current as this build of mailtls.",
        webpki_roots::TLS_SERVER_ROOTS.len()
    )
}

/// A root of the public list, re-wrapped as full DER.
pub(super) struct PublicRoot {
    /// SubjectPublicKeyInfo, DER with its SEQUENCE header.
    pub spki: Vec<u8>,
    /// Subject name, DER with its SEQUENCE header.
    pub subject: Vec<u8>,
}

impl PublicRoot {
    /// The root's name in RFC 4514 form.
    pub(super) fn name(&self) -> String {
        match X509Name::from_der(&self.subject) {
            Ok((_, name)) => super::adapt::dn_string(&name),
            Err(_) => "a public root".to_string(),
        }
    }

    /// Runs `f` with the parsed key.
    pub(super) fn with_key<T>(&self, f: impl FnOnce(&SubjectPublicKeyInfo<'_>) -> T) -> Option<T> {
        let (_, spki) = SubjectPublicKeyInfo::from_der(&self.spki).ok()?;
        Some(f(&spki))
    }
}

/// Public roots whose subject equals `name_der` (a Name with its SEQUENCE header).
pub(super) fn by_subject(name_der: &[u8]) -> Vec<PublicRoot> {
    let Some(content) = content_of(name_der) else {
        return Vec::new();
    };
    webpki_roots::TLS_SERVER_ROOTS
        .iter()
        .filter(|root| root.subject.as_ref() == content)
        .map(|root| PublicRoot {
            spki: wrap(root.subject_public_key_info.as_ref()),
            subject: wrap(root.subject.as_ref()),
        })
        .collect()
}

/// True when a certificate with this subject and key is itself a public root.
pub(super) fn is_public_root(name_der: &[u8], spki_der: &[u8]) -> bool {
    let (Some(name), Some(spki)) = (content_of(name_der), content_of(spki_der)) else {
        return false;
    };
    webpki_roots::TLS_SERVER_ROOTS
        .iter()
        .any(|root| root.subject.as_ref() == name && root.subject_public_key_info.as_ref() == spki)
}

/// SHA-256 and SHA-512 of every public root's SubjectPublicKeyInfo, with its name: enough to
/// recognise a `2 1 1` or `2 1 2` TLSA record for a root the server doesn't send.
pub fn spki_hashes() -> Vec<RootDigest> {
    webpki_roots::TLS_SERVER_ROOTS
        .iter()
        .map(|root| {
            let spki = wrap(root.subject_public_key_info.as_ref());
            let subject = wrap(root.subject.as_ref());
            RootDigest {
                sha256: Sha256::digest(&spki).to_vec(),
                sha512: Sha512::digest(&spki).to_vec(),
                name: PublicRoot { spki, subject }.name(),
            }
        })
        .collect()
}

/// Digests of one public root's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootDigest {
    /// SHA-256 of the SubjectPublicKeyInfo.
    pub sha256: Vec<u8>,
    /// SHA-512 of the SubjectPublicKeyInfo.
    pub sha512: Vec<u8>,
    /// The root's name.
    pub name: String,
}

/// The contents of a DER SEQUENCE, without its header.
fn content_of(der: &[u8]) -> Option<&[u8]> {
    let (rest, header) = Header::from_der(der).ok()?;
    let len = header.length().definite().ok()?;
    rest.get(..len)
}

/// Puts a SEQUENCE header back in front of contents.
fn wrap(content: &[u8]) -> Vec<u8> {
    let mut out = vec![0x30];
    let len = content.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}
