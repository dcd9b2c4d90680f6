//! What the page keeps in sessionStorage so that a reload or an analyser crash never loses the
//! user's input: the documents (text as text, files as base64), which one is open, the domain
//! and the MX hosts, as JSON.
//!
//! Must not depend on the browser: `ui/web.rs` reads and writes the string, this file only
//! encodes and decodes it.

use serde::{Deserialize, Serialize};

use crate::analysis::Kind;

/// The sessionStorage key. Versioned so an incompatible format is ignored, not misread.
pub const STORAGE_KEY: &str = "mailtls.inputs.v1";

/// The saved inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The documents, in order.
    #[serde(default)]
    pub documents: Vec<SavedDoc>,
    /// The index of the input shown in the editor.
    #[serde(default)]
    pub active: usize,
    /// The MX hosts field, as typed.
    #[serde(default)]
    pub mx_hosts: String,
    /// The "Your domain" field, as typed.
    #[serde(default)]
    pub domain: String,
    /// The example the inputs came from, if unchanged since.
    #[serde(default)]
    pub example: Option<String>,
}

/// One saved document: `text` for text, `base64` for binary files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDoc {
    /// The document's name.
    pub name: String,
    /// The text, for text documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The bytes, base64 (RFC 4648 §4), for binary documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
    /// The kind, when it was decided by the page (a dropped `.eml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
}

impl Saved {
    /// The JSON stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored JSON; anything unreadable is treated as nothing saved.
    pub fn from_json(text: &str) -> Option<Saved> {
        serde_json::from_str(text).ok()
    }
}

/// Base64 with padding (RFC 4648 §4).
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(symbol((n >> shift) & 63));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes base64 (RFC 4648 §4), ignoring whitespace; `None` on any other stray character.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for c in text.chars().filter(|c| !c.is_ascii_whitespace()) {
        if c == '=' {
            break;
        }
        acc = (acc << 6) | value(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn symbol(six_bits: u32) -> char {
    ALPHABET
        .get(six_bits as usize)
        .map_or('A', |&b| char::from(b))
}

fn value(c: char) -> Option<u32> {
    ALPHABET
        .iter()
        .position(|&b| char::from(b) == c)
        .and_then(|p| u32::try_from(p).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_rfc_4648_vectors() {
        // RFC 4648 §10 test vectors.
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)), Some(all));
        assert_eq!(base64_decode("Zm9v!"), None);
    }

    #[test]
    fn saved_json_round_trips_and_tolerates_junk() {
        let saved = Saved {
            documents: vec![SavedDoc {
                name: "m.eml".into(),
                text: Some("Received: x".into()),
                base64: None,
                kind: Some(Kind::Headers),
            }],
            active: 0,
            mx_hosts: "mx1.example.com".into(),
            domain: "example.com".into(),
            example: None,
        };
        assert_eq!(Saved::from_json(&saved.to_json()), Some(saved));
        assert_eq!(Saved::from_json("not json"), None);
        assert_eq!(Saved::from_json("{}"), Some(Saved::default()));
    }
}
