//! TLS protocol versions and the cipher-suite registry: IANA, OpenSSL and GnuTLS names.
//!
//! Must not depend on anything but `serde` and `std`: no clock, IO or randomness. Every function
//! here takes untrusted text from pasted headers and must never panic on it.
//!
//! Mail software writes cipher suites in three dialects: IANA names (Microsoft, Gmail for TLS 1.3,
//! Sendmail), OpenSSL names (Postfix, Gmail, IronPort, Exim built with OpenSSL) and GnuTLS names
//! (Exim built with GnuTLS). [`classify`] reads all three and says which one it saw; the registry
//! behind it describes what each suite is made of and what is weak about it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A TLS/SSL protocol version, ordered oldest to newest.
///
/// It serializes as the OpenSSL spelling (`"TLSv1.2"`), which is also what [`TlsVersion::name`]
/// returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TlsVersion {
    /// SSL 2.0, prohibited by RFC 6176.
    #[serde(rename = "SSLv2")]
    Ssl2,
    /// SSL 3.0, deprecated by RFC 7568.
    #[serde(rename = "SSLv3")]
    Ssl3,
    /// TLS 1.0 (RFC 2246), deprecated by RFC 8996.
    #[serde(rename = "TLSv1.0")]
    Tls1_0,
    /// TLS 1.1 (RFC 4346), deprecated by RFC 8996.
    #[serde(rename = "TLSv1.1")]
    Tls1_1,
    /// TLS 1.2 (RFC 5246).
    #[serde(rename = "TLSv1.2")]
    Tls1_2,
    /// TLS 1.3 (RFC 8446).
    #[serde(rename = "TLSv1.3")]
    Tls1_3,
}

impl TlsVersion {
    /// The version as OpenSSL writes it: `"SSLv3"`, `"TLSv1.0"` … `"TLSv1.3"`.
    pub fn name(self) -> &'static str {
        match self {
            TlsVersion::Ssl2 => "SSLv2",
            TlsVersion::Ssl3 => "SSLv3",
            TlsVersion::Tls1_0 => "TLSv1.0",
            TlsVersion::Tls1_1 => "TLSv1.1",
            TlsVersion::Tls1_2 => "TLSv1.2",
            TlsVersion::Tls1_3 => "TLSv1.3",
        }
    }

    /// Reads a protocol version in any spelling mail software uses, ignoring case and surrounding
    /// punctuation.
    ///
    /// Accepted: `TLSv1.3` (OpenSSL, Postfix, Sendmail), `TLS1_2` (Gmail, Microsoft), `TLS1.2` and
    /// `TLS-1.0` (Exim), `TLS 1.2`, `TLSv1_2` (mail-parser's names), `TLSv1`/`TLS1` (TLS 1.0),
    /// `TLS12`, `SSLv3`, `SSL3`, `SSL 3.0` and `SSLv2`.
    ///
    /// Returns `None` for `TLSv1/SSLv3`: OpenSSL 1.0 prints that as the *minimum* version of the
    /// cipher, and it says nothing about the version that was negotiated. Also `None` for
    /// `UNKNOWN`, `OTHER`, a bare `TLS`, DTLS versions and anything else.
    pub fn parse_loose(text: &str) -> Option<TlsVersion> {
        let text = trim_token(text);
        let prefix = text.get(..3)?;
        let tls = if prefix.eq_ignore_ascii_case("tls") {
            true
        } else if prefix.eq_ignore_ascii_case("ssl") {
            false
        } else {
            return None;
        };
        // What follows the prefix: separators, an optional `v`, separators, then the number.
        let mut rest = text.get(3..)?.trim_start_matches([' ', '\t', '-', '_']);
        if let Some(after_v) = rest.strip_prefix(['v', 'V']) {
            rest = after_v.trim_start_matches([' ', '\t', '-', '_']);
        }
        let mut digits = rest.bytes();
        let major = digits.next()?;
        let minor = match (digits.next(), digits.next(), digits.next()) {
            (None, _, _) => b'0',
            (Some(b'.' | b'_'), Some(minor), None) => minor,
            // `TLS12` and `TLSv13`, as mail-parser also accepts.
            (Some(minor @ b'0'..=b'3'), None, None) if tls => minor,
            _ => return None,
        };
        match (tls, major, minor) {
            (true, b'1', b'0') => Some(TlsVersion::Tls1_0),
            (true, b'1', b'1') => Some(TlsVersion::Tls1_1),
            (true, b'1', b'2') => Some(TlsVersion::Tls1_2),
            (true, b'1', b'3') => Some(TlsVersion::Tls1_3),
            (false, b'2', b'0') => Some(TlsVersion::Ssl2),
            (false, b'3', b'0') => Some(TlsVersion::Ssl3),
            _ => None,
        }
    }

    /// Whether the IETF has retired this version, and by which RFC: SSL 2.0 is prohibited
    /// (RFC 6176), SSL 3.0 deprecated (RFC 7568), TLS 1.0 and 1.1 deprecated (RFC 8996). TLS 1.2
    /// and 1.3 return `None`.
    pub fn deprecation(self) -> Option<Deprecation> {
        let (status, rfc) = match self {
            TlsVersion::Ssl2 => (VersionStatus::Prohibited, DeprecationRfc::Rfc6176),
            TlsVersion::Ssl3 => (VersionStatus::Deprecated, DeprecationRfc::Rfc7568),
            TlsVersion::Tls1_0 | TlsVersion::Tls1_1 => {
                (VersionStatus::Deprecated, DeprecationRfc::Rfc8996)
            }
            TlsVersion::Tls1_2 | TlsVersion::Tls1_3 => return None,
        };
        Some(Deprecation { status, rfc })
    }
}

impl fmt::Display for TlsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The IETF's verdict on an old protocol version ([`TlsVersion::deprecation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Deprecation {
    /// How firmly the version is retired.
    pub status: VersionStatus,
    /// The RFC that retires it. It serializes as its citation, e.g. `"RFC 8996"`.
    pub rfc: DeprecationRfc,
}

/// How firmly a protocol version is retired, in the RFCs' own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VersionStatus {
    /// Prohibited outright (SSL 2.0, RFC 6176).
    Prohibited,
    /// Deprecated (SSL 3.0, RFC 7568; TLS 1.0 and 1.1, RFC 8996). Both RFCs say "MUST NOT", yet
    /// between MXs an old version still beats cleartext (RFC 7435), so it is a warning there.
    Deprecated,
}

/// An RFC that retires a protocol version. A typed citation rather than a string, so that the
/// report stays `Copy` and still round-trips through JSON as `"RFC 6176"` and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeprecationRfc {
    /// RFC 6176, "Prohibiting Secure Sockets Layer (SSL) Version 2.0".
    #[serde(rename = "RFC 6176")]
    Rfc6176,
    /// RFC 7568, "Deprecating Secure Sockets Layer Version 3.0".
    #[serde(rename = "RFC 7568")]
    Rfc7568,
    /// RFC 8996, "Deprecating TLS 1.0 and TLS 1.1".
    #[serde(rename = "RFC 8996")]
    Rfc8996,
}

impl DeprecationRfc {
    /// The citation as written in prose: `"RFC 6176"`.
    pub fn name(self) -> &'static str {
        match self {
            DeprecationRfc::Rfc6176 => "RFC 6176",
            DeprecationRfc::Rfc7568 => "RFC 7568",
            DeprecationRfc::Rfc8996 => "RFC 8996",
        }
    }
}

impl fmt::Display for DeprecationRfc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An IANA TLS cipher suite code point (open newtype: unknown values are data, not errors).
///
/// The registry is IANA's "TLS Cipher Suites" table; TLS 1.3 suites are defined in RFC 8446
/// §B.4, TLS 1.2 ones in RFC 5246 App. A.5 and the RFCs that extend it (RFC 8422 for ECC).
/// It prints as the IANA name when the code point is known, else as `0xC0FF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CipherSuite(pub u16);

impl CipherSuite {
    /// TLS 1.3, RFC 8446 §B.4.
    pub const TLS_AES_128_GCM_SHA256: Self = Self(0x1301);
    /// TLS 1.3, RFC 8446 §B.4.
    pub const TLS_AES_256_GCM_SHA384: Self = Self(0x1302);
    /// TLS 1.3, RFC 8446 §B.4.
    pub const TLS_CHACHA20_POLY1305_SHA256: Self = Self(0x1303);
    /// TLS 1.3, RFC 8446 §B.4.
    pub const TLS_AES_128_CCM_SHA256: Self = Self(0x1304);
    /// TLS 1.3, RFC 8446 §B.4.
    pub const TLS_AES_128_CCM_8_SHA256: Self = Self(0x1305);

    /// RFC 5289; OpenSSL `ECDHE-ECDSA-AES128-GCM-SHA256`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: Self = Self(0xC02B);
    /// RFC 5289; OpenSSL `ECDHE-ECDSA-AES256-GCM-SHA384`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: Self = Self(0xC02C);
    /// RFC 7905; OpenSSL `ECDHE-ECDSA-CHACHA20-POLY1305`.
    pub const TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: Self = Self(0xCCA9);
    /// RFC 8422; OpenSSL `ECDHE-ECDSA-AES128-SHA`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: Self = Self(0xC009);
    /// RFC 8422; OpenSSL `ECDHE-ECDSA-AES256-SHA`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: Self = Self(0xC00A);
    /// RFC 5289; OpenSSL `ECDHE-ECDSA-AES128-SHA256`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256: Self = Self(0xC023);
    /// RFC 5289; OpenSSL `ECDHE-ECDSA-AES256-SHA384`.
    pub const TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384: Self = Self(0xC024);

    /// RFC 5289; OpenSSL `ECDHE-RSA-AES128-GCM-SHA256`.
    pub const TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: Self = Self(0xC02F);
    /// RFC 5289; OpenSSL `ECDHE-RSA-AES256-GCM-SHA384`.
    pub const TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: Self = Self(0xC030);
    /// RFC 7905; OpenSSL `ECDHE-RSA-CHACHA20-POLY1305`.
    pub const TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: Self = Self(0xCCA8);
    /// RFC 8422; OpenSSL `ECDHE-RSA-AES128-SHA`.
    pub const TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: Self = Self(0xC013);
    /// RFC 8422; OpenSSL `ECDHE-RSA-AES256-SHA`.
    pub const TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: Self = Self(0xC014);
    /// RFC 5289; OpenSSL `ECDHE-RSA-AES128-SHA256`.
    pub const TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256: Self = Self(0xC027);
    /// RFC 5289; OpenSSL `ECDHE-RSA-AES256-SHA384`.
    pub const TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384: Self = Self(0xC028);
    /// RFC 8422; OpenSSL `ECDHE-RSA-DES-CBC3-SHA`.
    pub const TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA: Self = Self(0xC012);
    /// RFC 8422, prohibited by RFC 7465; OpenSSL `ECDHE-RSA-RC4-SHA`.
    pub const TLS_ECDHE_RSA_WITH_RC4_128_SHA: Self = Self(0xC011);

    /// RFC 5288; OpenSSL `DHE-RSA-AES128-GCM-SHA256`.
    pub const TLS_DHE_RSA_WITH_AES_128_GCM_SHA256: Self = Self(0x009E);
    /// RFC 5288; OpenSSL `DHE-RSA-AES256-GCM-SHA384`.
    pub const TLS_DHE_RSA_WITH_AES_256_GCM_SHA384: Self = Self(0x009F);
    /// RFC 7905; OpenSSL `DHE-RSA-CHACHA20-POLY1305`.
    pub const TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256: Self = Self(0xCCAA);
    /// RFC 5246; OpenSSL `DHE-RSA-AES128-SHA`.
    pub const TLS_DHE_RSA_WITH_AES_128_CBC_SHA: Self = Self(0x0033);
    /// RFC 5246; OpenSSL `DHE-RSA-AES256-SHA`.
    pub const TLS_DHE_RSA_WITH_AES_256_CBC_SHA: Self = Self(0x0039);
    /// RFC 5246; OpenSSL `DHE-RSA-AES128-SHA256`.
    pub const TLS_DHE_RSA_WITH_AES_128_CBC_SHA256: Self = Self(0x0067);
    /// RFC 5246; OpenSSL `DHE-RSA-AES256-SHA256`.
    pub const TLS_DHE_RSA_WITH_AES_256_CBC_SHA256: Self = Self(0x006B);
    /// RFC 5246; OpenSSL `DHE-RSA-DES-CBC3-SHA`, formerly `EDH-RSA-DES-CBC3-SHA`.
    pub const TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA: Self = Self(0x0016);

    /// RFC 5288; OpenSSL `AES128-GCM-SHA256`.
    pub const TLS_RSA_WITH_AES_128_GCM_SHA256: Self = Self(0x009C);
    /// RFC 5288; OpenSSL `AES256-GCM-SHA384`.
    pub const TLS_RSA_WITH_AES_256_GCM_SHA384: Self = Self(0x009D);
    /// RFC 5246; OpenSSL `AES128-SHA`.
    pub const TLS_RSA_WITH_AES_128_CBC_SHA: Self = Self(0x002F);
    /// RFC 5246; OpenSSL `AES256-SHA`.
    pub const TLS_RSA_WITH_AES_256_CBC_SHA: Self = Self(0x0035);
    /// RFC 5246; OpenSSL `AES128-SHA256`.
    pub const TLS_RSA_WITH_AES_128_CBC_SHA256: Self = Self(0x003C);
    /// RFC 5246; OpenSSL `AES256-SHA256`.
    pub const TLS_RSA_WITH_AES_256_CBC_SHA256: Self = Self(0x003D);
    /// RFC 5246; OpenSSL `DES-CBC3-SHA`.
    pub const TLS_RSA_WITH_3DES_EDE_CBC_SHA: Self = Self(0x000A);
    /// RFC 5246, prohibited by RFC 7465; OpenSSL `RC4-SHA`.
    pub const TLS_RSA_WITH_RC4_128_SHA: Self = Self(0x0005);
    /// RFC 5246, prohibited by RFC 7465; OpenSSL `RC4-MD5`.
    pub const TLS_RSA_WITH_RC4_128_MD5: Self = Self(0x0004);
    /// RFC 4346 (removed from TLS 1.2); OpenSSL `DES-CBC-SHA`.
    pub const TLS_RSA_WITH_DES_CBC_SHA: Self = Self(0x0009);
    /// RFC 2246 export suite; OpenSSL `EXP-RC4-MD5`.
    pub const TLS_RSA_EXPORT_WITH_RC4_40_MD5: Self = Self(0x0003);
    /// RFC 5246, no encryption; OpenSSL `NULL-SHA`.
    pub const TLS_RSA_WITH_NULL_SHA: Self = Self(0x0002);
    /// RFC 5246, no encryption; OpenSSL `NULL-MD5`.
    pub const TLS_RSA_WITH_NULL_MD5: Self = Self(0x0001);

    /// What the registry knows about this code point, or `None` for one it doesn't list
    /// (unassigned, GREASE, signalling values such as `TLS_EMPTY_RENEGOTIATION_INFO_SCSV`).
    pub fn info(self) -> Option<&'static SuiteInfo> {
        let index = SUITES.binary_search_by_key(&self.0, |s| s.code.0).ok()?;
        SUITES.get(index)
    }
}

impl fmt::Display for CipherSuite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.info() {
            Some(info) => f.write_str(info.iana),
            None => write!(f, "0x{:04X}", self.0),
        }
    }
}

/// One row of the cipher-suite registry: the suite's names and what it is made of.
///
/// Only `Serialize`: the names are `&'static str` into the table, so a report that crosses a
/// JSON boundary should carry the [`CipherSuite`] and look the row up again with
/// [`CipherSuite::info`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SuiteInfo {
    /// The IANA code point.
    pub code: CipherSuite,
    /// The IANA name, e.g. `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`.
    pub iana: &'static str,
    /// OpenSSL's name, e.g. `ECDHE-RSA-AES256-GCM-SHA384`; `None` if OpenSSL never named the
    /// suite. OpenSSL names TLS 1.3 suites by their IANA names. Where OpenSSL renamed a suite,
    /// this is the newest name that shipped (`DHE-RSA-DES-CBC3-SHA`, not `EDH-RSA-DES-CBC3-SHA`);
    /// [`lookup`] accepts both.
    pub openssl: Option<&'static str>,
    /// How the session keys are agreed.
    pub key_exchange: KeyExchange,
    /// How the server proves who it is.
    pub authentication: Authentication,
    /// The record encryption.
    pub cipher: BulkCipher,
    /// The record integrity check.
    pub mac: Mac,
    /// The oldest protocol version the suite may be used with, as OpenSSL records it
    /// (`min_tls` in `ssl/s3_lib.c`). This is the "cipher minimum" that some MTAs print instead
    /// of the negotiated version.
    pub min_version: TlsVersion,
    /// A TLS 1.3 suite (RFC 8446 §B.4): usable with TLS 1.3 only, and only there.
    pub tls13_only: bool,
    /// Defined for TLS 1.2 only (AEAD and SHA-256/SHA-384 suites: RFC 5246 App. A.5, RFC 5288,
    /// RFC 5289), so seeing it implies at least TLS 1.2. It equals `min_version == Tls1_2`; PSK
    /// suites with SHA-256/384 CBC are the exception, as RFC 5487 defines them for TLS 1.0 too.
    pub tls12_only: bool,
    /// An export-grade suite: 40-bit (RFC 2246) or 56-bit (the expired
    /// draft-ietf-tls-56-bit-ciphersuites) keys.
    pub export: bool,
}

impl SuiteInfo {
    /// Whether recorded traffic stays safe if the server's long-term key leaks later: true for
    /// ephemeral key exchange (DHE, ECDHE, their PSK forms, SRP, and every TLS 1.3 suite).
    /// Anonymous DH and ECDH are ephemeral too, so they count, though nobody is authenticated.
    /// Static RSA, static DH/ECDH, plain PSK and Kerberos do not.
    pub fn forward_secret(&self) -> bool {
        match self.key_exchange {
            KeyExchange::Dhe
            | KeyExchange::Ecdhe
            | KeyExchange::DhePsk
            | KeyExchange::EcdhePsk
            | KeyExchange::DhAnon
            | KeyExchange::EcdhAnon
            | KeyExchange::Srp
            | KeyExchange::Tls13 => true,
            KeyExchange::Rsa
            | KeyExchange::Dh
            | KeyExchange::Ecdh
            | KeyExchange::Psk
            | KeyExchange::RsaPsk
            | KeyExchange::Krb5
            | KeyExchange::Null => false,
        }
    }

    /// Whether the cipher is an AEAD (GCM, CCM, ChaCha20-Poly1305), which encrypts and
    /// authenticates in one step and has no separate MAC.
    pub fn aead(&self) -> bool {
        self.cipher.aead()
    }

    /// The cipher's effective key strength in bits: 0 for NULL, 40 or 56 for export grades, 56
    /// for single DES, 112 for 3DES (meet-in-the-middle), else the key size.
    pub fn effective_bits(&self) -> u16 {
        self.cipher.effective_bits()
    }

    /// What is wrong with this suite, in [`Weakness`] order; empty for a sound one.
    ///
    /// CBC with HMAC-SHA-1 is not listed: NIST SP 800-52r2 §3.3.1 still allows it.
    pub fn weaknesses(&self) -> Vec<Weakness> {
        let cipher = self.cipher;
        let checks = [
            (Weakness::NullCipher, cipher == BulkCipher::Null),
            (Weakness::Export, self.export),
            (
                Weakness::Rc4,
                matches!(
                    cipher,
                    BulkCipher::Rc4_40 | BulkCipher::Rc4_56 | BulkCipher::Rc4_128
                ),
            ),
            (
                Weakness::Des,
                matches!(cipher, BulkCipher::Des40 | BulkCipher::Des),
            ),
            (Weakness::TripleDes, cipher == BulkCipher::TripleDes),
            (
                Weakness::Rc2,
                matches!(cipher, BulkCipher::Rc2_40 | BulkCipher::Rc2_56),
            ),
            (Weakness::Idea, cipher == BulkCipher::Idea),
            (
                Weakness::Anonymous,
                self.authentication == Authentication::Anonymous,
            ),
            (Weakness::NoForwardSecrecy, !self.forward_secret()),
            (Weakness::Md5Mac, self.mac == Mac::Md5),
        ];
        checks
            .into_iter()
            .filter_map(|(weakness, applies)| applies.then_some(weakness))
            .collect()
    }
}

/// How a suite agrees on session keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum KeyExchange {
    /// Static RSA key transport (RFC 5246 §7.4.7.1): no forward secrecy.
    Rsa,
    /// Ephemeral finite-field Diffie-Hellman (RFC 5246 §7.4.3).
    Dhe,
    /// Ephemeral elliptic-curve Diffie-Hellman (RFC 8422).
    Ecdhe,
    /// Static finite-field Diffie-Hellman from the certificate: no forward secrecy.
    Dh,
    /// Static elliptic-curve Diffie-Hellman from the certificate (RFC 4492): no forward secrecy.
    Ecdh,
    /// Anonymous ephemeral Diffie-Hellman: no server authentication at all.
    DhAnon,
    /// Anonymous ephemeral elliptic-curve Diffie-Hellman (RFC 8422): no server authentication.
    EcdhAnon,
    /// A pre-shared key alone (RFC 4279): no forward secrecy.
    Psk,
    /// A pre-shared key plus ephemeral Diffie-Hellman (RFC 4279).
    DhePsk,
    /// A pre-shared key plus ephemeral elliptic-curve Diffie-Hellman (RFC 5489).
    EcdhePsk,
    /// A pre-shared key plus RSA key transport (RFC 4279): no forward secrecy.
    RsaPsk,
    /// Kerberos 5 (RFC 2712).
    Krb5,
    /// Secure Remote Password (RFC 5054), whose ephemeral exchange is forward-secret.
    Srp,
    /// TLS 1.3: the suite does not name it; it is always (EC)DHE, or PSK with (EC)DHE or alone
    /// (RFC 8446 §2).
    Tls13,
    /// No key exchange (`TLS_NULL_WITH_NULL_NULL`, the state before the first handshake).
    Null,
}

/// How the server proves its identity in a suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Authentication {
    /// An RSA certificate.
    Rsa,
    /// An ECDSA (or, by RFC 8422 §5.1.1, EdDSA) certificate.
    Ecdsa,
    /// A DSA certificate.
    Dss,
    /// None at all: anyone in the path can impersonate the server.
    Anonymous,
    /// Knowledge of a pre-shared key.
    Psk,
    /// A Kerberos ticket (RFC 2712).
    Krb5,
    /// Knowledge of an SRP password verifier (RFC 5054).
    Srp,
    /// TLS 1.3: certificate-based, negotiated separately through `signature_algorithms`.
    Tls13,
    /// No authentication (`TLS_NULL_WITH_NULL_NULL`).
    None,
}

/// The record-layer cipher of a suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BulkCipher {
    /// No encryption.
    Null,
    /// RC4 with a 40-bit key (export).
    Rc4_40,
    /// RC4 with a 56-bit key (1024-bit export).
    Rc4_56,
    /// RC4 with a 128-bit key; prohibited by RFC 7465.
    Rc4_128,
    /// RC2-CBC with a 40-bit key (export).
    Rc2_40,
    /// RC2-CBC with a 56-bit key (1024-bit export).
    Rc2_56,
    /// Single DES-CBC with a 40-bit key (export).
    Des40,
    /// Single DES-CBC, 56-bit key.
    Des,
    /// Triple DES (EDE) CBC: 168-bit key, 112-bit strength, 64-bit block.
    TripleDes,
    /// IDEA-CBC: 128-bit key, 64-bit block.
    Idea,
    /// SEED-CBC (RFC 4162).
    Seed,
    /// AES-128 in CBC mode (RFC 5246).
    Aes128Cbc,
    /// AES-256 in CBC mode (RFC 5246).
    Aes256Cbc,
    /// AES-128-GCM (RFC 5288, RFC 8446).
    Aes128Gcm,
    /// AES-256-GCM (RFC 5288, RFC 8446).
    Aes256Gcm,
    /// AES-128-CCM (RFC 6655, RFC 8446).
    Aes128Ccm,
    /// AES-CCM with an 8-byte tag (RFC 6655).
    Aes128Ccm8,
    /// AES-256-CCM (RFC 6655).
    Aes256Ccm,
    /// AES-CCM with an 8-byte tag (RFC 6655).
    Aes256Ccm8,
    /// Camellia-128 in CBC mode (RFC 5932).
    Camellia128Cbc,
    /// Camellia-256 in CBC mode (RFC 5932).
    Camellia256Cbc,
    /// Camellia-128-GCM (RFC 6367).
    Camellia128Gcm,
    /// Camellia-256-GCM (RFC 6367).
    Camellia256Gcm,
    /// ARIA-128 in CBC mode (RFC 6209).
    Aria128Cbc,
    /// ARIA-256 in CBC mode (RFC 6209).
    Aria256Cbc,
    /// ARIA-128-GCM (RFC 6209).
    Aria128Gcm,
    /// ARIA-256-GCM (RFC 6209).
    Aria256Gcm,
    /// ChaCha20-Poly1305 (RFC 7905, RFC 8446).
    ChaCha20Poly1305,
}

impl BulkCipher {
    /// See [`SuiteInfo::aead`].
    fn aead(self) -> bool {
        matches!(
            self,
            BulkCipher::Aes128Gcm
                | BulkCipher::Aes256Gcm
                | BulkCipher::Aes128Ccm
                | BulkCipher::Aes128Ccm8
                | BulkCipher::Aes256Ccm
                | BulkCipher::Aes256Ccm8
                | BulkCipher::Camellia128Gcm
                | BulkCipher::Camellia256Gcm
                | BulkCipher::Aria128Gcm
                | BulkCipher::Aria256Gcm
                | BulkCipher::ChaCha20Poly1305
        )
    }

    /// See [`SuiteInfo::effective_bits`].
    fn effective_bits(self) -> u16 {
        match self {
            BulkCipher::Null => 0,
            BulkCipher::Rc4_40 | BulkCipher::Rc2_40 | BulkCipher::Des40 => 40,
            BulkCipher::Rc4_56 | BulkCipher::Rc2_56 | BulkCipher::Des => 56,
            BulkCipher::TripleDes => 112,
            BulkCipher::Rc4_128
            | BulkCipher::Idea
            | BulkCipher::Seed
            | BulkCipher::Aes128Cbc
            | BulkCipher::Aes128Gcm
            | BulkCipher::Aes128Ccm
            | BulkCipher::Aes128Ccm8
            | BulkCipher::Camellia128Cbc
            | BulkCipher::Camellia128Gcm
            | BulkCipher::Aria128Cbc
            | BulkCipher::Aria128Gcm => 128,
            BulkCipher::Aes256Cbc
            | BulkCipher::Aes256Gcm
            | BulkCipher::Aes256Ccm
            | BulkCipher::Aes256Ccm8
            | BulkCipher::Camellia256Cbc
            | BulkCipher::Camellia256Gcm
            | BulkCipher::Aria256Cbc
            | BulkCipher::Aria256Gcm
            | BulkCipher::ChaCha20Poly1305 => 256,
        }
    }

    /// The PRF hash of an AEAD suite, which its name states in place of a MAC: SHA-384 for the
    /// 256-bit GCM suites, SHA-256 for the rest (RFC 5288 §3, RFC 6655, RFC 7905, RFC 8446 §B.4).
    fn prf_hash(self) -> Mac {
        match self {
            BulkCipher::Aes256Gcm | BulkCipher::Camellia256Gcm | BulkCipher::Aria256Gcm => {
                Mac::Sha384
            }
            _ => Mac::Sha256,
        }
    }

    /// Whether this cipher only ever appears in export-grade suites.
    fn export_only(self) -> bool {
        matches!(
            self,
            BulkCipher::Rc4_40
                | BulkCipher::Rc4_56
                | BulkCipher::Rc2_40
                | BulkCipher::Rc2_56
                | BulkCipher::Des40
        )
    }
}

/// The record integrity check of a suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mac {
    /// Built into an AEAD cipher; the hash in the suite's name is then the PRF hash.
    Aead,
    /// HMAC-MD5.
    Md5,
    /// HMAC-SHA-1 (IANA writes `SHA`).
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-384.
    Sha384,
    /// No integrity check (`TLS_NULL_WITH_NULL_NULL`).
    Null,
}

/// Something wrong with a cipher suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Weakness {
    /// No encryption at all: the mail crosses the network readable.
    NullCipher,
    /// Export grade: 40- or 56-bit keys, brute-forced in hours, and 512-bit key exchange (FREAK,
    /// Logjam).
    Export,
    /// RC4, prohibited by RFC 7465.
    Rc4,
    /// Single DES: a 56-bit key, brute-forced since 1998.
    Des,
    /// Triple DES: its 64-bit block is open to SWEET32 (CVE-2016-2183), and NIST SP 800-52r2
    /// lists no 3DES suite.
    TripleDes,
    /// RC2, a 1987 cipher with a 64-bit block that TLS only ever used at export strength.
    Rc2,
    /// IDEA: a 64-bit block (SWEET32), removed from TLS 1.2 (RFC 5469).
    Idea,
    /// No server authentication at all (DH_anon, ECDH_anon): an attacker in the path can
    /// impersonate the server.
    Anonymous,
    /// Static key exchange (RSA, static DH or ECDH, plain PSK, Kerberos): whoever gets the
    /// server's key later can decrypt recorded traffic.
    NoForwardSecrecy,
    /// An HMAC-MD5 record MAC.
    Md5Mac,
}

/// Where a cipher name came from, and what we made of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CipherName {
    /// The name as written, without surrounding whitespace and punctuation.
    pub written: String,
    /// The naming convention it follows.
    pub dialect: CipherDialect,
    /// The suite it names, if the registry knows it.
    pub suite: Option<CipherSuite>,
}

/// A naming convention for cipher suites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CipherDialect {
    /// IANA's names (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`), also with a Microsoft SChannel
    /// curve suffix (`_P384`), rustls' `TLS13_` prefix or Java's `SSL_` prefix.
    Iana,
    /// OpenSSL's names (`ECDHE-RSA-AES256-GCM-SHA384`), including LibreSSL's TLS 1.3 names
    /// (`AEAD-AES256-GCM-SHA384`) and OpenSSL 1.1.1 pre-release ones (`TLS13-AES-256-GCM-SHA384`).
    OpenSsl,
    /// GnuTLS's names as Exim writes them: suite names (`ECDHE_RSA_AES_256_GCM_SHA384`) and
    /// session descriptions (`ECDHE_SECP256R1__RSA_SHA256__AES_256_GCM`).
    GnuTls,
    /// Not a cipher-suite name we recognise.
    Unknown,
}

/// Looks up a cipher name in any dialect, ignoring case and surrounding punctuation.
///
/// Reads IANA names (`TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`), also with a Microsoft SChannel
/// curve suffix (`_P256`, `_P384`, `_P521`); OpenSSL names (`ECDHE-RSA-AES256-GCM-SHA384`,
/// `DES-CBC3-SHA`, `EDH-RSA-DES-CBC3-SHA` as well as `DHE-RSA-DES-CBC3-SHA`, `ADH-AES256-SHA`);
/// GnuTLS names as Exim writes them, old and new (`ECDHE_RSA_AES_256_GCM_SHA384`,
/// `DHE_RSA_3DES_EDE_CBC_SHA`, `RSA_ARCFOUR_MD5`, `ECDHE_RSA_CHACHA20_POLY1305`); and the TLS 1.3
/// spellings `TLS_AES_256_GCM_SHA384`, `TLS13_AES_256_GCM_SHA384`, `TLS13-AES-256-GCM-SHA384`
/// and LibreSSL's `AEAD-AES256-GCM-SHA384`.
///
/// GnuTLS session descriptions, which Exim 4.92 and later write
/// (`ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM`), name the key exchange and cipher but not
/// the protocol version, so they resolve to the TLS 1.2 suite. On a TLS 1.3 hop, pass the result
/// to [`tls13_equivalent`].
///
/// Returns `None` for `UNKNOWN`, `OTHER` and anything else it cannot place. Never panics.
pub fn lookup(name: &str) -> Option<&'static SuiteInfo> {
    resolve(trim_token(name)).map(|(info, _)| info)
}

/// Like [`lookup`], and also says which dialect the name is in. A name that has the shape of a
/// suite name but is not in the registry keeps its dialect with `suite: None`.
pub fn classify(name: &str) -> CipherName {
    let token = trim_token(name);
    let (dialect, suite) = match resolve(token) {
        Some((info, dialect)) => (dialect, Some(info.code)),
        None => (shape_dialect(token), None),
    };
    CipherName {
        written: token.to_owned(),
        dialect,
        suite,
    }
}

/// For a TLS 1.3 connection described with a TLS-1.2-style GnuTLS name (GnuTLS-based MTAs write
/// e.g. `TLS1.3 ... ECDHE_RSA_AES_128_GCM_SHA256`), the TLS 1.3 suite with the same AEAD and hash
/// (here `TLS_AES_128_GCM_SHA256`, RFC 8446 §B.4), if any. A TLS 1.3 suite maps to itself.
pub fn tls13_equivalent(info: &SuiteInfo) -> Option<&'static SuiteInfo> {
    let code = match info.cipher {
        BulkCipher::Aes128Gcm => CipherSuite::TLS_AES_128_GCM_SHA256,
        BulkCipher::Aes256Gcm => CipherSuite::TLS_AES_256_GCM_SHA384,
        BulkCipher::ChaCha20Poly1305 => CipherSuite::TLS_CHACHA20_POLY1305_SHA256,
        BulkCipher::Aes128Ccm => CipherSuite::TLS_AES_128_CCM_SHA256,
        BulkCipher::Aes128Ccm8 => CipherSuite::TLS_AES_128_CCM_8_SHA256,
        _ => return None,
    };
    code.info()
}

/// True if the token looks like a cipher-suite name at all (in any dialect), used to pick a
/// cipher out of free text: known suites, plus names that decompose into key-exchange, cipher
/// and MAC parts (`TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256`, `ECDHE-RSA-AES128-CCM`).
pub fn looks_like_cipher(token: &str) -> bool {
    let token = trim_token(token);
    plausible(token)
        && (resolve(token).is_some()
            || decompose(strip_schannel_suffix(token)).is_some()
            || openssl_shaped(token))
}

/// The longest token worth looking at: the longest real name, a GnuTLS session description with
/// a CBC cipher, is about 60 bytes.
const MAX_NAME_LEN: usize = 128;

/// Strips whitespace and punctuation from both ends of a token: `(`, `)`, `,`, `;`, quotes,
/// guillemets, stray marks. Letters and digits of any script stay, so that `TLSv1.２` does not
/// shrink to `TLSv1`; they then fail the ASCII checks.
fn trim_token(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether a trimmed token can be a suite name at all: short, made of letters, digits, `_` and
/// `-` only, and naming a bulk cipher. Every suite in every dialect names one (`AES`, `CHACHA`,
/// `RC4`/`ARCFOUR`, `DES`, `NULL`, `CAMELLIA`, `ARIA`, `SEED`, `IDEA`, `RC2`, `SM4`); checking
/// that first keeps a scan of every word of a header cheap.
fn plausible(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= MAX_NAME_LEN
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && names_bulk_cipher(token.as_bytes())
}

/// ASCII case-insensitive search for a bulk-cipher marker, without allocating.
fn names_bulk_cipher(token: &[u8]) -> bool {
    const MARKERS: [&[u8]; 11] = [
        b"AES",
        b"CHACHA",
        b"RC4",
        b"ARCFOUR",
        b"DES",
        b"NULL",
        b"CAMELLIA",
        b"ARIA",
        b"SEED",
        b"IDEA",
        b"RC2",
    ];
    const SM4: &[u8] = b"SM4";
    MARKERS.iter().chain(std::iter::once(&SM4)).any(|marker| {
        token
            .windows(marker.len())
            .any(|window| window.eq_ignore_ascii_case(marker))
    })
}

/// Finds the suite a trimmed token names, and the dialect it is written in.
fn resolve(token: &str) -> Option<(&'static SuiteInfo, CipherDialect)> {
    if !plausible(token) {
        return None;
    }
    let token = strip_schannel_suffix(token);
    if let Some(info) = lookup_iana(token) {
        // Only OpenSSL 1.1.1's pre-release TLS 1.3 names spell an IANA name with hyphens.
        let dialect = if token.contains('-') {
            CipherDialect::OpenSsl
        } else {
            CipherDialect::Iana
        };
        return Some((info, dialect));
    }
    if let Some(info) = lookup_openssl(token) {
        return Some((info, CipherDialect::OpenSsl));
    }
    let parts = decompose(token)?;
    Some((find_parts(&parts)?, parts.shape))
}

/// The dialect a token is written in, judged by its shape alone.
fn shape_dialect(token: &str) -> CipherDialect {
    if !plausible(token) {
        return CipherDialect::Unknown;
    }
    if let Some(parts) = decompose(strip_schannel_suffix(token)) {
        parts.shape
    } else if openssl_shaped(token) {
        CipherDialect::OpenSsl
    } else {
        CipherDialect::Unknown
    }
}

/// Removes a Microsoft SChannel curve suffix (`_P256`, `_P384`, `_P521`), which names the ECDHE
/// group and is not part of the IANA name.
fn strip_schannel_suffix(token: &str) -> &str {
    for suffix in ["_P256", "_P384", "_P521"] {
        let Some(cut) = token.len().checked_sub(suffix.len()) else {
            continue;
        };
        if let (Some(head), Some(tail)) = (token.get(..cut), token.get(cut..)) {
            if tail.eq_ignore_ascii_case(suffix) && !head.is_empty() {
                return head;
            }
        }
    }
    token
}

/// Finds an IANA name, also with rustls' `TLS13_`, Java's `SSL_` or hyphens for underscores.
fn lookup_iana(token: &str) -> Option<&'static SuiteInfo> {
    let body = ["TLS13_", "TLS13-", "TLS_", "TLS-", "SSL_", "SSL-"]
        .into_iter()
        .find_map(|prefix| strip_prefix_ignore_case(token, prefix))?;
    SUITES.iter().find(|info| {
        info.iana
            .get(4..)
            .is_some_and(|iana_body| same_ignoring_separator(body, iana_body))
    })
}

/// Finds an OpenSSL name, treating the `EDH` and `DHE` spellings as one, plus LibreSSL's names
/// for the TLS 1.3 suites.
fn lookup_openssl(token: &str) -> Option<&'static SuiteInfo> {
    const LIBRESSL_TLS13: [(&str, CipherSuite); 3] = [
        (
            "AEAD-AES128-GCM-SHA256",
            CipherSuite::TLS_AES_128_GCM_SHA256,
        ),
        (
            "AEAD-AES256-GCM-SHA384",
            CipherSuite::TLS_AES_256_GCM_SHA384,
        ),
        (
            "AEAD-CHACHA20-POLY1305-SHA256",
            CipherSuite::TLS_CHACHA20_POLY1305_SHA256,
        ),
    ];
    if let Some(info) = SUITES.iter().find(|info| {
        info.openssl
            .is_some_and(|name| same_openssl_name(token, name))
    }) {
        return Some(info);
    }
    LIBRESSL_TLS13
        .into_iter()
        .find(|(name, _)| token.eq_ignore_ascii_case(name))
        .and_then(|(_, code)| code.info())
}

/// Compares OpenSSL names ignoring case, with `EDH` and `DHE` as one segment: OpenSSL 1.1.0
/// renamed `EDH-RSA-DES-CBC3-SHA` to `DHE-RSA-DES-CBC3-SHA`, and headers carry both.
fn same_openssl_name(written: &str, name: &str) -> bool {
    let mut written = written.split('-');
    let mut name = name.split('-');
    loop {
        match (written.next(), name.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) => {
                let edh = |x: &str, y: &str| {
                    x.eq_ignore_ascii_case("EDH") && y.eq_ignore_ascii_case("DHE")
                };
                if !(a.eq_ignore_ascii_case(b) || edh(a, b) || edh(b, a)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// ASCII case-insensitive equality that treats `-` and `_` as the same character.
fn same_ignoring_separator(a: &str, b: &str) -> bool {
    let fold = |c: u8| {
        if c == b'-' {
            b'_'
        } else {
            c.to_ascii_uppercase()
        }
    };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y))
}

/// `text` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        text.get(prefix.len()..)
    } else {
        None
    }
}

/// Whether a token has the shape of an OpenSSL name that is not in the registry: hyphenated,
/// with a cipher segment and ending in a MAC or AEAD segment.
fn openssl_shaped(token: &str) -> bool {
    const CIPHERS: [&str; 11] = [
        "AES", "CAMELLIA", "ARIA", "CHACHA20", "RC4", "RC2", "DES", "3DES", "IDEA", "SEED", "NULL",
    ];
    const ENDINGS: [&str; 8] = [
        "SHA", "SHA1", "SHA256", "SHA384", "MD5", "POLY1305", "CCM", "CCM8",
    ];
    let Some((segments, count)) = split_fixed::<10>(token, "-") else {
        return false;
    };
    let Some(segments) = segments.get(..count) else {
        return false;
    };
    let has_cipher = segments.iter().any(|segment| {
        CIPHERS
            .iter()
            .any(|cipher| strip_prefix_ignore_case(segment, cipher).is_some())
    });
    let ends_well = segments
        .last()
        .is_some_and(|last| ENDINGS.iter().any(|end| last.eq_ignore_ascii_case(end)));
    count >= 2 && has_cipher && ends_well && segments.iter().all(|s| !s.is_empty())
}

/// Splits `text` on `separator` into at most `N` pieces, or `None` if there are more.
fn split_fixed<'a, const N: usize>(
    text: &'a str,
    separator: &str,
) -> Option<([&'a str; N], usize)> {
    let mut pieces = [""; N];
    let mut count = 0;
    for piece in text.split(separator) {
        *pieces.get_mut(count)? = piece;
        count += 1;
    }
    Some((pieces, count))
}

/// A suite name taken apart into what it names, before looking it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    key_exchange: KeyExchange,
    authentication: Authentication,
    export: bool,
    cipher: BulkCipher,
    /// The MAC or, for an AEAD cipher, the PRF hash, when the name states one.
    hash: Option<Mac>,
    shape: CipherDialect,
}

/// A key-exchange spelling: IANA's (between `TLS_` and `_WITH_`) or GnuTLS's, the
/// authentication it implies (`None` where a GnuTLS session description names it separately),
/// and whether it is export grade.
type KeyExchangeName = (&'static str, KeyExchange, Option<Authentication>, bool);

/// Every key-exchange spelling [`decompose`] knows.
const KEY_EXCHANGE_NAMES: &[KeyExchangeName] = {
    use Authentication as A;
    use KeyExchange as K;
    &[
        ("RSA", K::Rsa, Some(A::Rsa), false),
        ("RSA_EXPORT", K::Rsa, Some(A::Rsa), true),
        ("RSA_EXPORT1024", K::Rsa, Some(A::Rsa), true),
        ("DH_DSS", K::Dh, Some(A::Dss), false),
        ("DH_DSS_EXPORT", K::Dh, Some(A::Dss), true),
        ("DH_RSA", K::Dh, Some(A::Rsa), false),
        ("DH_RSA_EXPORT", K::Dh, Some(A::Rsa), true),
        ("DHE_DSS", K::Dhe, Some(A::Dss), false),
        ("DHE_DSS_EXPORT", K::Dhe, Some(A::Dss), true),
        ("DHE_DSS_EXPORT1024", K::Dhe, Some(A::Dss), true),
        ("DHE_RSA", K::Dhe, Some(A::Rsa), false),
        ("DHE_RSA_EXPORT", K::Dhe, Some(A::Rsa), true),
        ("DH_ANON", K::DhAnon, Some(A::Anonymous), false),
        ("DH_ANON_EXPORT", K::DhAnon, Some(A::Anonymous), true),
        ("ANON_DH", K::DhAnon, Some(A::Anonymous), false),
        ("ECDH_ANON", K::EcdhAnon, Some(A::Anonymous), false),
        ("ANON_ECDH", K::EcdhAnon, Some(A::Anonymous), false),
        ("ECDH_ECDSA", K::Ecdh, Some(A::Ecdsa), false),
        ("ECDH_RSA", K::Ecdh, Some(A::Rsa), false),
        ("ECDHE_ECDSA", K::Ecdhe, Some(A::Ecdsa), false),
        ("ECDHE_RSA", K::Ecdhe, Some(A::Rsa), false),
        ("KRB5", K::Krb5, Some(A::Krb5), false),
        ("KRB5_EXPORT", K::Krb5, Some(A::Krb5), true),
        ("PSK", K::Psk, Some(A::Psk), false),
        ("DHE_PSK", K::DhePsk, Some(A::Psk), false),
        // IANA's name for 0xC0AA and 0xC0AB (RFC 6655) has the words the other way round.
        ("PSK_DHE", K::DhePsk, Some(A::Psk), false),
        ("ECDHE_PSK", K::EcdhePsk, Some(A::Psk), false),
        ("RSA_PSK", K::RsaPsk, Some(A::Rsa), false),
        ("SRP_SHA", K::Srp, Some(A::Srp), false),
        ("SRP", K::Srp, Some(A::Srp), false),
        ("SRP_SHA_RSA", K::Srp, Some(A::Rsa), false),
        ("SRP_RSA", K::Srp, Some(A::Rsa), false),
        ("SRP_SHA_DSS", K::Srp, Some(A::Dss), false),
        ("SRP_DSS", K::Srp, Some(A::Dss), false),
        // GnuTLS session descriptions name the group here and the signature in the next part.
        ("ECDHE", K::Ecdhe, None, false),
        ("DHE", K::Dhe, None, false),
    ]
};

/// Every cipher spelling [`decompose`] knows: IANA's and GnuTLS's (`ARCFOUR`, `3DES_CBC`).
const CIPHER_NAMES: &[(&str, BulkCipher)] = {
    use BulkCipher as C;
    &[
        ("NULL", C::Null),
        ("RC4_40", C::Rc4_40),
        ("ARCFOUR_40", C::Rc4_40),
        ("RC4_56", C::Rc4_56),
        ("RC4_128", C::Rc4_128),
        ("ARCFOUR_128", C::Rc4_128),
        // GnuTLS 1.x wrote `RSA_ARCFOUR_SHA1`.
        ("ARCFOUR", C::Rc4_128),
        ("RC2_CBC_40", C::Rc2_40),
        ("RC2_40", C::Rc2_40),
        ("RC2_CBC_56", C::Rc2_56),
        ("DES40_CBC", C::Des40),
        ("DES_CBC_40", C::Des40),
        ("DES_CBC", C::Des),
        ("3DES_EDE_CBC", C::TripleDes),
        ("3DES_CBC", C::TripleDes),
        ("IDEA_CBC", C::Idea),
        ("SEED_CBC", C::Seed),
        ("AES_128_CBC", C::Aes128Cbc),
        ("AES_256_CBC", C::Aes256Cbc),
        ("AES_128_GCM", C::Aes128Gcm),
        ("AES_256_GCM", C::Aes256Gcm),
        ("AES_128_CCM", C::Aes128Ccm),
        ("AES_128_CCM_8", C::Aes128Ccm8),
        ("AES_256_CCM", C::Aes256Ccm),
        ("AES_256_CCM_8", C::Aes256Ccm8),
        ("CAMELLIA_128_CBC", C::Camellia128Cbc),
        ("CAMELLIA_256_CBC", C::Camellia256Cbc),
        ("CAMELLIA_128_GCM", C::Camellia128Gcm),
        ("CAMELLIA_256_GCM", C::Camellia256Gcm),
        ("ARIA_128_CBC", C::Aria128Cbc),
        ("ARIA_256_CBC", C::Aria256Cbc),
        ("ARIA_128_GCM", C::Aria128Gcm),
        ("ARIA_256_GCM", C::Aria256Gcm),
        ("CHACHA20_POLY1305", C::ChaCha20Poly1305),
    ]
};

/// Every MAC spelling: IANA writes `SHA` for SHA-1, GnuTLS `SHA1`.
const MAC_NAMES: &[(&str, Mac)] = &[
    ("SHA", Mac::Sha1),
    ("SHA1", Mac::Sha1),
    ("SHA256", Mac::Sha256),
    ("SHA384", Mac::Sha384),
    ("MD5", Mac::Md5),
];

/// The most `_`-separated words a suite name can have
/// (`TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384` has 9).
const MAX_WORDS: usize = 12;

/// Takes an IANA-shaped or GnuTLS-shaped name apart. The result may name no registered suite;
/// [`find_parts`] says which one it is.
fn decompose(token: &str) -> Option<Parts> {
    if token.contains("__") {
        return decompose_description(token);
    }
    let (words, count) = split_fixed::<MAX_WORDS>(token, "_")?;
    let words = words.get(..count)?;
    let first = words.first()?;
    if ["TLS", "TLS13", "SSL"]
        .iter()
        .any(|prefix| first.eq_ignore_ascii_case(prefix))
    {
        let rest = words.get(1..)?;
        let Some(with) = rest.iter().position(|w| w.eq_ignore_ascii_case("WITH")) else {
            // A TLS 1.3 name: the cipher and hash, nothing else (RFC 8446 §B.4).
            return tls13_parts(rest, CipherDialect::Iana);
        };
        let (key_exchange, authentication, export) = key_exchange_exact(rest.get(..with)?)?;
        let (cipher, hash) = cipher_and_hash(rest.get(with + 1..)?)?;
        return finish(
            key_exchange,
            authentication,
            export,
            cipher,
            hash,
            CipherDialect::Iana,
        );
    }
    // GnuTLS: the longest key-exchange prefix whose remainder names a cipher.
    for len in (1..=3).rev() {
        let Some(head) = words.get(..len) else {
            continue;
        };
        let Some((key_exchange, authentication, export)) = key_exchange_exact(head) else {
            continue;
        };
        let Some((cipher, hash)) = words.get(len..).and_then(cipher_and_hash) else {
            continue;
        };
        return finish(
            key_exchange,
            authentication,
            export,
            cipher,
            hash,
            CipherDialect::GnuTls,
        );
    }
    // GnuTLS's own names for the TLS 1.3 suites lack the `TLS_` prefix.
    tls13_parts(words, CipherDialect::GnuTls)
}

/// A TLS 1.3 suite name after its prefix: an AEAD cipher and the hash.
fn tls13_parts(words: &[&str], shape: CipherDialect) -> Option<Parts> {
    let (cipher, hash) = cipher_and_hash(words)?;
    if hash.is_none() || !cipher.aead() {
        return None;
    }
    finish(
        KeyExchange::Tls13,
        Authentication::Tls13,
        false,
        cipher,
        hash,
        shape,
    )
}

/// Takes apart a GnuTLS session description as Exim writes it: `gnutls_session_get_desc()`
/// output such as `(TLS1.2)-(ECDHE-SECP256R1)-(RSA-SHA256)-(AES-128-CBC)-(SHA1)`, without the
/// version, with `_` for `-` and `__` between the parts:
/// `ECDHE_SECP256R1__RSA_SHA256__AES_128_CBC__SHA1`. The first part is the key exchange and the
/// group or DH size (`DHE_RSA_2048`), then the signature algorithm for (EC)DHE, the cipher, and
/// the MAC unless the cipher is an AEAD.
fn decompose_description(token: &str) -> Option<Parts> {
    let (pieces, count) = split_fixed::<5>(token, "__")?;
    let mut pieces = pieces.get(..count)?.iter();
    let (kx_words, kx_count) = split_fixed::<MAX_WORDS>(pieces.next()?, "_")?;
    let kx_words = kx_words.get(..kx_count)?;
    // The longest key-exchange prefix; what follows it names the group, which we don't need.
    let (key_exchange, stated, export) = (1..=3)
        .rev()
        .find_map(|len| kx_words.get(..len).and_then(key_exchange_any))?;
    let mut next = pieces.next()?;
    let authentication = match (stated, signature_authentication(next)) {
        (Some(stated), Some(_)) => {
            next = pieces.next()?;
            stated
        }
        (Some(stated), None) => stated,
        (None, Some(signature)) => {
            next = pieces.next()?;
            signature
        }
        (None, None) => return None,
    };
    let (cipher_words, cipher_count) = split_fixed::<MAX_WORDS>(next, "_")?;
    let cipher = cipher_exact(cipher_words.get(..cipher_count)?)?;
    let hash = match pieces.next() {
        Some(mac) => Some(mac_exact(mac)?),
        None => None,
    };
    if pieces.next().is_some() {
        return None;
    }
    finish(
        key_exchange,
        authentication,
        export,
        cipher,
        hash,
        CipherDialect::GnuTls,
    )
}

/// The authentication a GnuTLS signature-algorithm name implies: `RSA_SHA256`,
/// `RSA_PSS_RSAE_SHA256`, `ECDSA_SECP256R1_SHA256`, `EdDSA_Ed25519`, `DSA_SHA1`.
fn signature_authentication(piece: &str) -> Option<Authentication> {
    let first = piece.split('_').next()?;
    let is = |name: &str| first.eq_ignore_ascii_case(name);
    if is("RSA") {
        Some(Authentication::Rsa)
    } else if is("ECDSA") || is("EDDSA") || is("ED25519") || is("ED448") {
        Some(Authentication::Ecdsa)
    } else if is("DSA") {
        Some(Authentication::Dss)
    } else {
        None
    }
}

/// Checks a decomposed name for consistency and packs it up.
fn finish(
    key_exchange: KeyExchange,
    authentication: Authentication,
    export: bool,
    cipher: BulkCipher,
    hash: Option<Mac>,
    shape: CipherDialect,
) -> Option<Parts> {
    // A non-AEAD cipher needs its MAC named; an AEAD one may name its PRF hash.
    let consistent = match hash {
        None => cipher.aead(),
        Some(hash) => !cipher.aead() || hash == cipher.prf_hash(),
    };
    consistent.then_some(Parts {
        key_exchange,
        authentication,
        export: export || cipher.export_only(),
        cipher,
        hash,
        shape,
    })
}

/// The registry row with these parts. Where two rows share them (1024-bit export DES and plain
/// DES differ only in the export flag), the flag decides; then the lower code point wins.
fn find_parts(parts: &Parts) -> Option<&'static SuiteInfo> {
    SUITES.iter().find(|info| {
        info.key_exchange == parts.key_exchange
            && info.authentication == parts.authentication
            && info.cipher == parts.cipher
            && info.export == parts.export
            && match parts.hash {
                None => info.mac == Mac::Aead,
                Some(hash) if info.mac == Mac::Aead => hash == info.cipher.prf_hash(),
                Some(hash) => hash == info.mac,
            }
    })
}

/// A key exchange whose words are exactly `words` and which implies the authentication.
fn key_exchange_exact(words: &[&str]) -> Option<(KeyExchange, Authentication, bool)> {
    match key_exchange_any(words)? {
        (key_exchange, Some(authentication), export) => {
            Some((key_exchange, authentication, export))
        }
        (_, None, _) => None,
    }
}

/// A key exchange whose words are exactly `words`.
fn key_exchange_any(words: &[&str]) -> Option<(KeyExchange, Option<Authentication>, bool)> {
    KEY_EXCHANGE_NAMES
        .iter()
        .find(|(name, ..)| words_match(words, name))
        .map(|&(_, key_exchange, authentication, export)| (key_exchange, authentication, export))
}

/// A cipher and an optional trailing MAC or hash: `AES_128_CBC_SHA`, `CHACHA20_POLY1305`.
fn cipher_and_hash(words: &[&str]) -> Option<(BulkCipher, Option<Mac>)> {
    if let Some((last, init)) = words.split_last() {
        if let (Some(mac), Some(cipher)) = (mac_exact(last), cipher_exact(init)) {
            return Some((cipher, Some(mac)));
        }
    }
    Some((cipher_exact(words)?, None))
}

/// A cipher whose words are exactly `words`.
fn cipher_exact(words: &[&str]) -> Option<BulkCipher> {
    CIPHER_NAMES
        .iter()
        .find(|(name, _)| words_match(words, name))
        .map(|&(_, cipher)| cipher)
}

/// A MAC named by one word.
fn mac_exact(word: &str) -> Option<Mac> {
    MAC_NAMES
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|&(_, mac)| mac)
}

/// Whether `words` spell `name` (words joined by `_`), ignoring ASCII case.
fn words_match(words: &[&str], name: &str) -> bool {
    let mut words = words.iter();
    for part in name.split('_') {
        match words.next() {
            Some(word) if word.eq_ignore_ascii_case(part) => {}
            _ => return false,
        }
    }
    words.next().is_none()
}

/// Builds [`SUITES`]. Each row is `code iana openssl key_exchange authentication cipher mac
/// min_version [export];` with `_` where OpenSSL never named the suite; `tls13_only` and
/// `tls12_only` follow from `min_version`.
macro_rules! suites {
    ($($code:literal $iana:literal $openssl:tt $kx:ident $auth:ident $cipher:ident $mac:ident
       $min:ident $($export:ident)?;)*) => {
        &[$(SuiteInfo {
            code: CipherSuite($code),
            iana: $iana,
            openssl: openssl_name!($openssl),
            key_exchange: KeyExchange::$kx,
            authentication: Authentication::$auth,
            cipher: BulkCipher::$cipher,
            mac: Mac::$mac,
            min_version: TlsVersion::$min,
            tls13_only: matches!(TlsVersion::$min, TlsVersion::Tls1_3),
            tls12_only: matches!(TlsVersion::$min, TlsVersion::Tls1_2),
            export: export_flag!($($export)?),
        }),*]
    };
}

/// The `openssl` column of [`suites!`].
macro_rules! openssl_name {
    (_) => {
        None
    };
    ($name:literal) => {
        Some($name)
    };
}

/// The optional `export` column of [`suites!`].
macro_rules! export_flag {
    () => {
        false
    };
    (export) => {
        true
    };
}

/// The registry, sorted by code point.
///
/// Sources: the IANA "TLS Cipher Suites" registry for code points and names; OpenSSL's
/// `include/openssl/{ssl3,tls1}.h` for OpenSSL names, and `ssl/s3_lib.c` (`openssl ciphers -V`)
/// for minimum versions. Every suite OpenSSL 3.0 knows was checked against `openssl ciphers -V`.
///
/// Left out, to keep the wasm bundle small: the draft ECC (0x0047–0x005C), RIPEMD
/// (0x0072–0x007E) and GOST (0x0080–0x0083) code points, Fortezza, ARIA-CBC (no MTA
/// negotiates it), SM4 and the signalling values. Key exchange, cipher and MAC of the rows are
/// cross-checked against the IANA name by the tests.
#[rustfmt::skip]
static SUITES: &[SuiteInfo] = suites! {
    0x0001 "TLS_RSA_WITH_NULL_MD5" "NULL-MD5" Rsa Rsa Null Md5 Ssl3;
    0x0002 "TLS_RSA_WITH_NULL_SHA" "NULL-SHA" Rsa Rsa Null Sha1 Ssl3;
    0x0003 "TLS_RSA_EXPORT_WITH_RC4_40_MD5" "EXP-RC4-MD5" Rsa Rsa Rc4_40 Md5 Ssl3 export;
    0x0004 "TLS_RSA_WITH_RC4_128_MD5" "RC4-MD5" Rsa Rsa Rc4_128 Md5 Ssl3;
    0x0005 "TLS_RSA_WITH_RC4_128_SHA" "RC4-SHA" Rsa Rsa Rc4_128 Sha1 Ssl3;
    0x0006 "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5" "EXP-RC2-CBC-MD5" Rsa Rsa Rc2_40 Md5 Ssl3 export;
    0x0007 "TLS_RSA_WITH_IDEA_CBC_SHA" "IDEA-CBC-SHA" Rsa Rsa Idea Sha1 Ssl3;
    0x0008 "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA" "EXP-DES-CBC-SHA" Rsa Rsa Des40 Sha1 Ssl3 export;
    0x0009 "TLS_RSA_WITH_DES_CBC_SHA" "DES-CBC-SHA" Rsa Rsa Des Sha1 Ssl3;
    0x000A "TLS_RSA_WITH_3DES_EDE_CBC_SHA" "DES-CBC3-SHA" Rsa Rsa TripleDes Sha1 Ssl3;
    0x000B "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA" "EXP-DH-DSS-DES-CBC-SHA" Dh Dss Des40 Sha1 Ssl3 export;
    0x000C "TLS_DH_DSS_WITH_DES_CBC_SHA" "DH-DSS-DES-CBC-SHA" Dh Dss Des Sha1 Ssl3;
    0x000D "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA" "DH-DSS-DES-CBC3-SHA" Dh Dss TripleDes Sha1 Ssl3;
    0x000E "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA" "EXP-DH-RSA-DES-CBC-SHA" Dh Rsa Des40 Sha1 Ssl3 export;
    0x000F "TLS_DH_RSA_WITH_DES_CBC_SHA" "DH-RSA-DES-CBC-SHA" Dh Rsa Des Sha1 Ssl3;
    0x0010 "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA" "DH-RSA-DES-CBC3-SHA" Dh Rsa TripleDes Sha1 Ssl3;
    0x0011 "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA" "EXP-EDH-DSS-DES-CBC-SHA" Dhe Dss Des40 Sha1 Ssl3 export;
    0x0012 "TLS_DHE_DSS_WITH_DES_CBC_SHA" "EDH-DSS-DES-CBC-SHA" Dhe Dss Des Sha1 Ssl3;
    0x0013 "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA" "DHE-DSS-DES-CBC3-SHA" Dhe Dss TripleDes Sha1 Ssl3;
    0x0014 "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA" "EXP-EDH-RSA-DES-CBC-SHA" Dhe Rsa Des40 Sha1 Ssl3 export;
    0x0015 "TLS_DHE_RSA_WITH_DES_CBC_SHA" "EDH-RSA-DES-CBC-SHA" Dhe Rsa Des Sha1 Ssl3;
    0x0016 "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA" "DHE-RSA-DES-CBC3-SHA" Dhe Rsa TripleDes Sha1 Ssl3;
    0x0017 "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5" "EXP-ADH-RC4-MD5" DhAnon Anonymous Rc4_40 Md5 Ssl3 export;
    0x0018 "TLS_DH_anon_WITH_RC4_128_MD5" "ADH-RC4-MD5" DhAnon Anonymous Rc4_128 Md5 Ssl3;
    0x0019 "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA" "EXP-ADH-DES-CBC-SHA" DhAnon Anonymous Des40 Sha1 Ssl3 export;
    0x001A "TLS_DH_anon_WITH_DES_CBC_SHA" "ADH-DES-CBC-SHA" DhAnon Anonymous Des Sha1 Ssl3;
    0x001B "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA" "ADH-DES-CBC3-SHA" DhAnon Anonymous TripleDes Sha1 Ssl3;
    0x001E "TLS_KRB5_WITH_DES_CBC_SHA" "KRB5-DES-CBC-SHA" Krb5 Krb5 Des Sha1 Ssl3;
    0x001F "TLS_KRB5_WITH_3DES_EDE_CBC_SHA" "KRB5-DES-CBC3-SHA" Krb5 Krb5 TripleDes Sha1 Ssl3;
    0x0020 "TLS_KRB5_WITH_RC4_128_SHA" "KRB5-RC4-SHA" Krb5 Krb5 Rc4_128 Sha1 Ssl3;
    0x0021 "TLS_KRB5_WITH_IDEA_CBC_SHA" "KRB5-IDEA-CBC-SHA" Krb5 Krb5 Idea Sha1 Ssl3;
    0x0022 "TLS_KRB5_WITH_DES_CBC_MD5" "KRB5-DES-CBC-MD5" Krb5 Krb5 Des Md5 Ssl3;
    0x0023 "TLS_KRB5_WITH_3DES_EDE_CBC_MD5" "KRB5-DES-CBC3-MD5" Krb5 Krb5 TripleDes Md5 Ssl3;
    0x0024 "TLS_KRB5_WITH_RC4_128_MD5" "KRB5-RC4-MD5" Krb5 Krb5 Rc4_128 Md5 Ssl3;
    0x0025 "TLS_KRB5_WITH_IDEA_CBC_MD5" "KRB5-IDEA-CBC-MD5" Krb5 Krb5 Idea Md5 Ssl3;
    0x0026 "TLS_KRB5_EXPORT_WITH_DES_CBC_40_SHA" "EXP-KRB5-DES-CBC-SHA" Krb5 Krb5 Des40 Sha1 Ssl3 export;
    0x0027 "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_SHA" "EXP-KRB5-RC2-CBC-SHA" Krb5 Krb5 Rc2_40 Sha1 Ssl3 export;
    0x0028 "TLS_KRB5_EXPORT_WITH_RC4_40_SHA" "EXP-KRB5-RC4-SHA" Krb5 Krb5 Rc4_40 Sha1 Ssl3 export;
    0x0029 "TLS_KRB5_EXPORT_WITH_DES_CBC_40_MD5" "EXP-KRB5-DES-CBC-MD5" Krb5 Krb5 Des40 Md5 Ssl3 export;
    0x002A "TLS_KRB5_EXPORT_WITH_RC2_CBC_40_MD5" "EXP-KRB5-RC2-CBC-MD5" Krb5 Krb5 Rc2_40 Md5 Ssl3 export;
    0x002B "TLS_KRB5_EXPORT_WITH_RC4_40_MD5" "EXP-KRB5-RC4-MD5" Krb5 Krb5 Rc4_40 Md5 Ssl3 export;
    0x002C "TLS_PSK_WITH_NULL_SHA" "PSK-NULL-SHA" Psk Psk Null Sha1 Ssl3;
    0x002D "TLS_DHE_PSK_WITH_NULL_SHA" "DHE-PSK-NULL-SHA" DhePsk Psk Null Sha1 Ssl3;
    0x002E "TLS_RSA_PSK_WITH_NULL_SHA" "RSA-PSK-NULL-SHA" RsaPsk Rsa Null Sha1 Ssl3;
    0x002F "TLS_RSA_WITH_AES_128_CBC_SHA" "AES128-SHA" Rsa Rsa Aes128Cbc Sha1 Ssl3;
    0x0030 "TLS_DH_DSS_WITH_AES_128_CBC_SHA" "DH-DSS-AES128-SHA" Dh Dss Aes128Cbc Sha1 Ssl3;
    0x0031 "TLS_DH_RSA_WITH_AES_128_CBC_SHA" "DH-RSA-AES128-SHA" Dh Rsa Aes128Cbc Sha1 Ssl3;
    0x0032 "TLS_DHE_DSS_WITH_AES_128_CBC_SHA" "DHE-DSS-AES128-SHA" Dhe Dss Aes128Cbc Sha1 Ssl3;
    0x0033 "TLS_DHE_RSA_WITH_AES_128_CBC_SHA" "DHE-RSA-AES128-SHA" Dhe Rsa Aes128Cbc Sha1 Ssl3;
    0x0034 "TLS_DH_anon_WITH_AES_128_CBC_SHA" "ADH-AES128-SHA" DhAnon Anonymous Aes128Cbc Sha1 Ssl3;
    0x0035 "TLS_RSA_WITH_AES_256_CBC_SHA" "AES256-SHA" Rsa Rsa Aes256Cbc Sha1 Ssl3;
    0x0036 "TLS_DH_DSS_WITH_AES_256_CBC_SHA" "DH-DSS-AES256-SHA" Dh Dss Aes256Cbc Sha1 Ssl3;
    0x0037 "TLS_DH_RSA_WITH_AES_256_CBC_SHA" "DH-RSA-AES256-SHA" Dh Rsa Aes256Cbc Sha1 Ssl3;
    0x0038 "TLS_DHE_DSS_WITH_AES_256_CBC_SHA" "DHE-DSS-AES256-SHA" Dhe Dss Aes256Cbc Sha1 Ssl3;
    0x0039 "TLS_DHE_RSA_WITH_AES_256_CBC_SHA" "DHE-RSA-AES256-SHA" Dhe Rsa Aes256Cbc Sha1 Ssl3;
    0x003A "TLS_DH_anon_WITH_AES_256_CBC_SHA" "ADH-AES256-SHA" DhAnon Anonymous Aes256Cbc Sha1 Ssl3;
    0x003B "TLS_RSA_WITH_NULL_SHA256" "NULL-SHA256" Rsa Rsa Null Sha256 Tls1_2;
    0x003C "TLS_RSA_WITH_AES_128_CBC_SHA256" "AES128-SHA256" Rsa Rsa Aes128Cbc Sha256 Tls1_2;
    0x003D "TLS_RSA_WITH_AES_256_CBC_SHA256" "AES256-SHA256" Rsa Rsa Aes256Cbc Sha256 Tls1_2;
    0x003E "TLS_DH_DSS_WITH_AES_128_CBC_SHA256" "DH-DSS-AES128-SHA256" Dh Dss Aes128Cbc Sha256 Tls1_2;
    0x003F "TLS_DH_RSA_WITH_AES_128_CBC_SHA256" "DH-RSA-AES128-SHA256" Dh Rsa Aes128Cbc Sha256 Tls1_2;
    0x0040 "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256" "DHE-DSS-AES128-SHA256" Dhe Dss Aes128Cbc Sha256 Tls1_2;
    0x0041 "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA" "CAMELLIA128-SHA" Rsa Rsa Camellia128Cbc Sha1 Ssl3;
    0x0042 "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA" "DH-DSS-CAMELLIA128-SHA" Dh Dss Camellia128Cbc Sha1 Ssl3;
    0x0043 "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA" "DH-RSA-CAMELLIA128-SHA" Dh Rsa Camellia128Cbc Sha1 Ssl3;
    0x0044 "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA" "DHE-DSS-CAMELLIA128-SHA" Dhe Dss Camellia128Cbc Sha1 Ssl3;
    0x0045 "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA" "DHE-RSA-CAMELLIA128-SHA" Dhe Rsa Camellia128Cbc Sha1 Ssl3;
    0x0046 "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA" "ADH-CAMELLIA128-SHA" DhAnon Anonymous Camellia128Cbc Sha1 Ssl3;
    0x0060 "TLS_RSA_EXPORT1024_WITH_RC4_56_MD5" "EXP1024-RC4-MD5" Rsa Rsa Rc4_56 Md5 Ssl3 export;
    0x0061 "TLS_RSA_EXPORT1024_WITH_RC2_CBC_56_MD5" "EXP1024-RC2-CBC-MD5" Rsa Rsa Rc2_56 Md5 Ssl3 export;
    0x0062 "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA" "EXP1024-DES-CBC-SHA" Rsa Rsa Des Sha1 Ssl3 export;
    0x0063 "TLS_DHE_DSS_EXPORT1024_WITH_DES_CBC_SHA" "EXP1024-DHE-DSS-DES-CBC-SHA" Dhe Dss Des Sha1 Ssl3 export;
    0x0064 "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA" "EXP1024-RC4-SHA" Rsa Rsa Rc4_56 Sha1 Ssl3 export;
    0x0065 "TLS_DHE_DSS_EXPORT1024_WITH_RC4_56_SHA" "EXP1024-DHE-DSS-RC4-SHA" Dhe Dss Rc4_56 Sha1 Ssl3 export;
    0x0066 "TLS_DHE_DSS_WITH_RC4_128_SHA" "DHE-DSS-RC4-SHA" Dhe Dss Rc4_128 Sha1 Ssl3;
    0x0067 "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256" "DHE-RSA-AES128-SHA256" Dhe Rsa Aes128Cbc Sha256 Tls1_2;
    0x0068 "TLS_DH_DSS_WITH_AES_256_CBC_SHA256" "DH-DSS-AES256-SHA256" Dh Dss Aes256Cbc Sha256 Tls1_2;
    0x0069 "TLS_DH_RSA_WITH_AES_256_CBC_SHA256" "DH-RSA-AES256-SHA256" Dh Rsa Aes256Cbc Sha256 Tls1_2;
    0x006A "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256" "DHE-DSS-AES256-SHA256" Dhe Dss Aes256Cbc Sha256 Tls1_2;
    0x006B "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256" "DHE-RSA-AES256-SHA256" Dhe Rsa Aes256Cbc Sha256 Tls1_2;
    0x006C "TLS_DH_anon_WITH_AES_128_CBC_SHA256" "ADH-AES128-SHA256" DhAnon Anonymous Aes128Cbc Sha256 Tls1_2;
    0x006D "TLS_DH_anon_WITH_AES_256_CBC_SHA256" "ADH-AES256-SHA256" DhAnon Anonymous Aes256Cbc Sha256 Tls1_2;
    0x0084 "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA" "CAMELLIA256-SHA" Rsa Rsa Camellia256Cbc Sha1 Ssl3;
    0x0085 "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA" "DH-DSS-CAMELLIA256-SHA" Dh Dss Camellia256Cbc Sha1 Ssl3;
    0x0086 "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA" "DH-RSA-CAMELLIA256-SHA" Dh Rsa Camellia256Cbc Sha1 Ssl3;
    0x0087 "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA" "DHE-DSS-CAMELLIA256-SHA" Dhe Dss Camellia256Cbc Sha1 Ssl3;
    0x0088 "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA" "DHE-RSA-CAMELLIA256-SHA" Dhe Rsa Camellia256Cbc Sha1 Ssl3;
    0x0089 "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA" "ADH-CAMELLIA256-SHA" DhAnon Anonymous Camellia256Cbc Sha1 Ssl3;
    0x008A "TLS_PSK_WITH_RC4_128_SHA" "PSK-RC4-SHA" Psk Psk Rc4_128 Sha1 Ssl3;
    0x008B "TLS_PSK_WITH_3DES_EDE_CBC_SHA" "PSK-3DES-EDE-CBC-SHA" Psk Psk TripleDes Sha1 Ssl3;
    0x008C "TLS_PSK_WITH_AES_128_CBC_SHA" "PSK-AES128-CBC-SHA" Psk Psk Aes128Cbc Sha1 Ssl3;
    0x008D "TLS_PSK_WITH_AES_256_CBC_SHA" "PSK-AES256-CBC-SHA" Psk Psk Aes256Cbc Sha1 Ssl3;
    0x008E "TLS_DHE_PSK_WITH_RC4_128_SHA" "DHE-PSK-RC4-SHA" DhePsk Psk Rc4_128 Sha1 Ssl3;
    0x008F "TLS_DHE_PSK_WITH_3DES_EDE_CBC_SHA" "DHE-PSK-3DES-EDE-CBC-SHA" DhePsk Psk TripleDes Sha1 Ssl3;
    0x0090 "TLS_DHE_PSK_WITH_AES_128_CBC_SHA" "DHE-PSK-AES128-CBC-SHA" DhePsk Psk Aes128Cbc Sha1 Ssl3;
    0x0091 "TLS_DHE_PSK_WITH_AES_256_CBC_SHA" "DHE-PSK-AES256-CBC-SHA" DhePsk Psk Aes256Cbc Sha1 Ssl3;
    0x0092 "TLS_RSA_PSK_WITH_RC4_128_SHA" "RSA-PSK-RC4-SHA" RsaPsk Rsa Rc4_128 Sha1 Ssl3;
    0x0093 "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA" "RSA-PSK-3DES-EDE-CBC-SHA" RsaPsk Rsa TripleDes Sha1 Ssl3;
    0x0094 "TLS_RSA_PSK_WITH_AES_128_CBC_SHA" "RSA-PSK-AES128-CBC-SHA" RsaPsk Rsa Aes128Cbc Sha1 Ssl3;
    0x0095 "TLS_RSA_PSK_WITH_AES_256_CBC_SHA" "RSA-PSK-AES256-CBC-SHA" RsaPsk Rsa Aes256Cbc Sha1 Ssl3;
    0x0096 "TLS_RSA_WITH_SEED_CBC_SHA" "SEED-SHA" Rsa Rsa Seed Sha1 Ssl3;
    0x0097 "TLS_DH_DSS_WITH_SEED_CBC_SHA" "DH-DSS-SEED-SHA" Dh Dss Seed Sha1 Ssl3;
    0x0098 "TLS_DH_RSA_WITH_SEED_CBC_SHA" "DH-RSA-SEED-SHA" Dh Rsa Seed Sha1 Ssl3;
    0x0099 "TLS_DHE_DSS_WITH_SEED_CBC_SHA" "DHE-DSS-SEED-SHA" Dhe Dss Seed Sha1 Ssl3;
    0x009A "TLS_DHE_RSA_WITH_SEED_CBC_SHA" "DHE-RSA-SEED-SHA" Dhe Rsa Seed Sha1 Ssl3;
    0x009B "TLS_DH_anon_WITH_SEED_CBC_SHA" "ADH-SEED-SHA" DhAnon Anonymous Seed Sha1 Ssl3;
    0x009C "TLS_RSA_WITH_AES_128_GCM_SHA256" "AES128-GCM-SHA256" Rsa Rsa Aes128Gcm Aead Tls1_2;
    0x009D "TLS_RSA_WITH_AES_256_GCM_SHA384" "AES256-GCM-SHA384" Rsa Rsa Aes256Gcm Aead Tls1_2;
    0x009E "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256" "DHE-RSA-AES128-GCM-SHA256" Dhe Rsa Aes128Gcm Aead Tls1_2;
    0x009F "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384" "DHE-RSA-AES256-GCM-SHA384" Dhe Rsa Aes256Gcm Aead Tls1_2;
    0x00A0 "TLS_DH_RSA_WITH_AES_128_GCM_SHA256" "DH-RSA-AES128-GCM-SHA256" Dh Rsa Aes128Gcm Aead Tls1_2;
    0x00A1 "TLS_DH_RSA_WITH_AES_256_GCM_SHA384" "DH-RSA-AES256-GCM-SHA384" Dh Rsa Aes256Gcm Aead Tls1_2;
    0x00A2 "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256" "DHE-DSS-AES128-GCM-SHA256" Dhe Dss Aes128Gcm Aead Tls1_2;
    0x00A3 "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384" "DHE-DSS-AES256-GCM-SHA384" Dhe Dss Aes256Gcm Aead Tls1_2;
    0x00A4 "TLS_DH_DSS_WITH_AES_128_GCM_SHA256" "DH-DSS-AES128-GCM-SHA256" Dh Dss Aes128Gcm Aead Tls1_2;
    0x00A5 "TLS_DH_DSS_WITH_AES_256_GCM_SHA384" "DH-DSS-AES256-GCM-SHA384" Dh Dss Aes256Gcm Aead Tls1_2;
    0x00A6 "TLS_DH_anon_WITH_AES_128_GCM_SHA256" "ADH-AES128-GCM-SHA256" DhAnon Anonymous Aes128Gcm Aead Tls1_2;
    0x00A7 "TLS_DH_anon_WITH_AES_256_GCM_SHA384" "ADH-AES256-GCM-SHA384" DhAnon Anonymous Aes256Gcm Aead Tls1_2;
    0x00A8 "TLS_PSK_WITH_AES_128_GCM_SHA256" "PSK-AES128-GCM-SHA256" Psk Psk Aes128Gcm Aead Tls1_2;
    0x00A9 "TLS_PSK_WITH_AES_256_GCM_SHA384" "PSK-AES256-GCM-SHA384" Psk Psk Aes256Gcm Aead Tls1_2;
    0x00AA "TLS_DHE_PSK_WITH_AES_128_GCM_SHA256" "DHE-PSK-AES128-GCM-SHA256" DhePsk Psk Aes128Gcm Aead Tls1_2;
    0x00AB "TLS_DHE_PSK_WITH_AES_256_GCM_SHA384" "DHE-PSK-AES256-GCM-SHA384" DhePsk Psk Aes256Gcm Aead Tls1_2;
    0x00AC "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256" "RSA-PSK-AES128-GCM-SHA256" RsaPsk Rsa Aes128Gcm Aead Tls1_2;
    0x00AD "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384" "RSA-PSK-AES256-GCM-SHA384" RsaPsk Rsa Aes256Gcm Aead Tls1_2;
    0x00AE "TLS_PSK_WITH_AES_128_CBC_SHA256" "PSK-AES128-CBC-SHA256" Psk Psk Aes128Cbc Sha256 Tls1_0;
    0x00AF "TLS_PSK_WITH_AES_256_CBC_SHA384" "PSK-AES256-CBC-SHA384" Psk Psk Aes256Cbc Sha384 Tls1_0;
    0x00B0 "TLS_PSK_WITH_NULL_SHA256" "PSK-NULL-SHA256" Psk Psk Null Sha256 Tls1_0;
    0x00B1 "TLS_PSK_WITH_NULL_SHA384" "PSK-NULL-SHA384" Psk Psk Null Sha384 Tls1_0;
    0x00B2 "TLS_DHE_PSK_WITH_AES_128_CBC_SHA256" "DHE-PSK-AES128-CBC-SHA256" DhePsk Psk Aes128Cbc Sha256 Tls1_0;
    0x00B3 "TLS_DHE_PSK_WITH_AES_256_CBC_SHA384" "DHE-PSK-AES256-CBC-SHA384" DhePsk Psk Aes256Cbc Sha384 Tls1_0;
    0x00B4 "TLS_DHE_PSK_WITH_NULL_SHA256" "DHE-PSK-NULL-SHA256" DhePsk Psk Null Sha256 Tls1_0;
    0x00B5 "TLS_DHE_PSK_WITH_NULL_SHA384" "DHE-PSK-NULL-SHA384" DhePsk Psk Null Sha384 Tls1_0;
    0x00B6 "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256" "RSA-PSK-AES128-CBC-SHA256" RsaPsk Rsa Aes128Cbc Sha256 Tls1_0;
    0x00B7 "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384" "RSA-PSK-AES256-CBC-SHA384" RsaPsk Rsa Aes256Cbc Sha384 Tls1_0;
    0x00B8 "TLS_RSA_PSK_WITH_NULL_SHA256" "RSA-PSK-NULL-SHA256" RsaPsk Rsa Null Sha256 Tls1_0;
    0x00B9 "TLS_RSA_PSK_WITH_NULL_SHA384" "RSA-PSK-NULL-SHA384" RsaPsk Rsa Null Sha384 Tls1_0;
    0x00BA "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA256" "CAMELLIA128-SHA256" Rsa Rsa Camellia128Cbc Sha256 Tls1_2;
    0x00BB "TLS_DH_DSS_WITH_CAMELLIA_128_CBC_SHA256" "DH-DSS-CAMELLIA128-SHA256" Dh Dss Camellia128Cbc Sha256 Tls1_2;
    0x00BC "TLS_DH_RSA_WITH_CAMELLIA_128_CBC_SHA256" "DH-RSA-CAMELLIA128-SHA256" Dh Rsa Camellia128Cbc Sha256 Tls1_2;
    0x00BD "TLS_DHE_DSS_WITH_CAMELLIA_128_CBC_SHA256" "DHE-DSS-CAMELLIA128-SHA256" Dhe Dss Camellia128Cbc Sha256 Tls1_2;
    0x00BE "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA256" "DHE-RSA-CAMELLIA128-SHA256" Dhe Rsa Camellia128Cbc Sha256 Tls1_2;
    0x00BF "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256" "ADH-CAMELLIA128-SHA256" DhAnon Anonymous Camellia128Cbc Sha256 Tls1_2;
    0x00C0 "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA256" "CAMELLIA256-SHA256" Rsa Rsa Camellia256Cbc Sha256 Tls1_2;
    0x00C1 "TLS_DH_DSS_WITH_CAMELLIA_256_CBC_SHA256" "DH-DSS-CAMELLIA256-SHA256" Dh Dss Camellia256Cbc Sha256 Tls1_2;
    0x00C2 "TLS_DH_RSA_WITH_CAMELLIA_256_CBC_SHA256" "DH-RSA-CAMELLIA256-SHA256" Dh Rsa Camellia256Cbc Sha256 Tls1_2;
    0x00C3 "TLS_DHE_DSS_WITH_CAMELLIA_256_CBC_SHA256" "DHE-DSS-CAMELLIA256-SHA256" Dhe Dss Camellia256Cbc Sha256 Tls1_2;
    0x00C4 "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA256" "DHE-RSA-CAMELLIA256-SHA256" Dhe Rsa Camellia256Cbc Sha256 Tls1_2;
    0x00C5 "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256" "ADH-CAMELLIA256-SHA256" DhAnon Anonymous Camellia256Cbc Sha256 Tls1_2;
    0x1301 "TLS_AES_128_GCM_SHA256" "TLS_AES_128_GCM_SHA256" Tls13 Tls13 Aes128Gcm Aead Tls1_3;
    0x1302 "TLS_AES_256_GCM_SHA384" "TLS_AES_256_GCM_SHA384" Tls13 Tls13 Aes256Gcm Aead Tls1_3;
    0x1303 "TLS_CHACHA20_POLY1305_SHA256" "TLS_CHACHA20_POLY1305_SHA256" Tls13 Tls13 ChaCha20Poly1305 Aead Tls1_3;
    0x1304 "TLS_AES_128_CCM_SHA256" "TLS_AES_128_CCM_SHA256" Tls13 Tls13 Aes128Ccm Aead Tls1_3;
    0x1305 "TLS_AES_128_CCM_8_SHA256" "TLS_AES_128_CCM_8_SHA256" Tls13 Tls13 Aes128Ccm8 Aead Tls1_3;
    0xC001 "TLS_ECDH_ECDSA_WITH_NULL_SHA" "ECDH-ECDSA-NULL-SHA" Ecdh Ecdsa Null Sha1 Tls1_0;
    0xC002 "TLS_ECDH_ECDSA_WITH_RC4_128_SHA" "ECDH-ECDSA-RC4-SHA" Ecdh Ecdsa Rc4_128 Sha1 Tls1_0;
    0xC003 "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA" "ECDH-ECDSA-DES-CBC3-SHA" Ecdh Ecdsa TripleDes Sha1 Tls1_0;
    0xC004 "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA" "ECDH-ECDSA-AES128-SHA" Ecdh Ecdsa Aes128Cbc Sha1 Tls1_0;
    0xC005 "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA" "ECDH-ECDSA-AES256-SHA" Ecdh Ecdsa Aes256Cbc Sha1 Tls1_0;
    0xC006 "TLS_ECDHE_ECDSA_WITH_NULL_SHA" "ECDHE-ECDSA-NULL-SHA" Ecdhe Ecdsa Null Sha1 Tls1_0;
    0xC007 "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA" "ECDHE-ECDSA-RC4-SHA" Ecdhe Ecdsa Rc4_128 Sha1 Tls1_0;
    0xC008 "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA" "ECDHE-ECDSA-DES-CBC3-SHA" Ecdhe Ecdsa TripleDes Sha1 Tls1_0;
    0xC009 "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA" "ECDHE-ECDSA-AES128-SHA" Ecdhe Ecdsa Aes128Cbc Sha1 Tls1_0;
    0xC00A "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA" "ECDHE-ECDSA-AES256-SHA" Ecdhe Ecdsa Aes256Cbc Sha1 Tls1_0;
    0xC00B "TLS_ECDH_RSA_WITH_NULL_SHA" "ECDH-RSA-NULL-SHA" Ecdh Rsa Null Sha1 Tls1_0;
    0xC00C "TLS_ECDH_RSA_WITH_RC4_128_SHA" "ECDH-RSA-RC4-SHA" Ecdh Rsa Rc4_128 Sha1 Tls1_0;
    0xC00D "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA" "ECDH-RSA-DES-CBC3-SHA" Ecdh Rsa TripleDes Sha1 Tls1_0;
    0xC00E "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA" "ECDH-RSA-AES128-SHA" Ecdh Rsa Aes128Cbc Sha1 Tls1_0;
    0xC00F "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA" "ECDH-RSA-AES256-SHA" Ecdh Rsa Aes256Cbc Sha1 Tls1_0;
    0xC010 "TLS_ECDHE_RSA_WITH_NULL_SHA" "ECDHE-RSA-NULL-SHA" Ecdhe Rsa Null Sha1 Tls1_0;
    0xC011 "TLS_ECDHE_RSA_WITH_RC4_128_SHA" "ECDHE-RSA-RC4-SHA" Ecdhe Rsa Rc4_128 Sha1 Tls1_0;
    0xC012 "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA" "ECDHE-RSA-DES-CBC3-SHA" Ecdhe Rsa TripleDes Sha1 Tls1_0;
    0xC013 "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA" "ECDHE-RSA-AES128-SHA" Ecdhe Rsa Aes128Cbc Sha1 Tls1_0;
    0xC014 "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA" "ECDHE-RSA-AES256-SHA" Ecdhe Rsa Aes256Cbc Sha1 Tls1_0;
    0xC015 "TLS_ECDH_anon_WITH_NULL_SHA" "AECDH-NULL-SHA" EcdhAnon Anonymous Null Sha1 Tls1_0;
    0xC016 "TLS_ECDH_anon_WITH_RC4_128_SHA" "AECDH-RC4-SHA" EcdhAnon Anonymous Rc4_128 Sha1 Tls1_0;
    0xC017 "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA" "AECDH-DES-CBC3-SHA" EcdhAnon Anonymous TripleDes Sha1 Tls1_0;
    0xC018 "TLS_ECDH_anon_WITH_AES_128_CBC_SHA" "AECDH-AES128-SHA" EcdhAnon Anonymous Aes128Cbc Sha1 Tls1_0;
    0xC019 "TLS_ECDH_anon_WITH_AES_256_CBC_SHA" "AECDH-AES256-SHA" EcdhAnon Anonymous Aes256Cbc Sha1 Tls1_0;
    0xC01A "TLS_SRP_SHA_WITH_3DES_EDE_CBC_SHA" "SRP-3DES-EDE-CBC-SHA" Srp Srp TripleDes Sha1 Ssl3;
    0xC01B "TLS_SRP_SHA_RSA_WITH_3DES_EDE_CBC_SHA" "SRP-RSA-3DES-EDE-CBC-SHA" Srp Rsa TripleDes Sha1 Ssl3;
    0xC01C "TLS_SRP_SHA_DSS_WITH_3DES_EDE_CBC_SHA" "SRP-DSS-3DES-EDE-CBC-SHA" Srp Dss TripleDes Sha1 Ssl3;
    0xC01D "TLS_SRP_SHA_WITH_AES_128_CBC_SHA" "SRP-AES-128-CBC-SHA" Srp Srp Aes128Cbc Sha1 Ssl3;
    0xC01E "TLS_SRP_SHA_RSA_WITH_AES_128_CBC_SHA" "SRP-RSA-AES-128-CBC-SHA" Srp Rsa Aes128Cbc Sha1 Ssl3;
    0xC01F "TLS_SRP_SHA_DSS_WITH_AES_128_CBC_SHA" "SRP-DSS-AES-128-CBC-SHA" Srp Dss Aes128Cbc Sha1 Ssl3;
    0xC020 "TLS_SRP_SHA_WITH_AES_256_CBC_SHA" "SRP-AES-256-CBC-SHA" Srp Srp Aes256Cbc Sha1 Ssl3;
    0xC021 "TLS_SRP_SHA_RSA_WITH_AES_256_CBC_SHA" "SRP-RSA-AES-256-CBC-SHA" Srp Rsa Aes256Cbc Sha1 Ssl3;
    0xC022 "TLS_SRP_SHA_DSS_WITH_AES_256_CBC_SHA" "SRP-DSS-AES-256-CBC-SHA" Srp Dss Aes256Cbc Sha1 Ssl3;
    0xC023 "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256" "ECDHE-ECDSA-AES128-SHA256" Ecdhe Ecdsa Aes128Cbc Sha256 Tls1_2;
    0xC024 "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384" "ECDHE-ECDSA-AES256-SHA384" Ecdhe Ecdsa Aes256Cbc Sha384 Tls1_2;
    0xC025 "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256" "ECDH-ECDSA-AES128-SHA256" Ecdh Ecdsa Aes128Cbc Sha256 Tls1_2;
    0xC026 "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384" "ECDH-ECDSA-AES256-SHA384" Ecdh Ecdsa Aes256Cbc Sha384 Tls1_2;
    0xC027 "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256" "ECDHE-RSA-AES128-SHA256" Ecdhe Rsa Aes128Cbc Sha256 Tls1_2;
    0xC028 "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384" "ECDHE-RSA-AES256-SHA384" Ecdhe Rsa Aes256Cbc Sha384 Tls1_2;
    0xC029 "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256" "ECDH-RSA-AES128-SHA256" Ecdh Rsa Aes128Cbc Sha256 Tls1_2;
    0xC02A "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384" "ECDH-RSA-AES256-SHA384" Ecdh Rsa Aes256Cbc Sha384 Tls1_2;
    0xC02B "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" "ECDHE-ECDSA-AES128-GCM-SHA256" Ecdhe Ecdsa Aes128Gcm Aead Tls1_2;
    0xC02C "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384" "ECDHE-ECDSA-AES256-GCM-SHA384" Ecdhe Ecdsa Aes256Gcm Aead Tls1_2;
    0xC02D "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256" "ECDH-ECDSA-AES128-GCM-SHA256" Ecdh Ecdsa Aes128Gcm Aead Tls1_2;
    0xC02E "TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384" "ECDH-ECDSA-AES256-GCM-SHA384" Ecdh Ecdsa Aes256Gcm Aead Tls1_2;
    0xC02F "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" "ECDHE-RSA-AES128-GCM-SHA256" Ecdhe Rsa Aes128Gcm Aead Tls1_2;
    0xC030 "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" "ECDHE-RSA-AES256-GCM-SHA384" Ecdhe Rsa Aes256Gcm Aead Tls1_2;
    0xC031 "TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256" "ECDH-RSA-AES128-GCM-SHA256" Ecdh Rsa Aes128Gcm Aead Tls1_2;
    0xC032 "TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384" "ECDH-RSA-AES256-GCM-SHA384" Ecdh Rsa Aes256Gcm Aead Tls1_2;
    0xC033 "TLS_ECDHE_PSK_WITH_RC4_128_SHA" "ECDHE-PSK-RC4-SHA" EcdhePsk Psk Rc4_128 Sha1 Tls1_0;
    0xC034 "TLS_ECDHE_PSK_WITH_3DES_EDE_CBC_SHA" "ECDHE-PSK-3DES-EDE-CBC-SHA" EcdhePsk Psk TripleDes Sha1 Tls1_0;
    0xC035 "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA" "ECDHE-PSK-AES128-CBC-SHA" EcdhePsk Psk Aes128Cbc Sha1 Tls1_0;
    0xC036 "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA" "ECDHE-PSK-AES256-CBC-SHA" EcdhePsk Psk Aes256Cbc Sha1 Tls1_0;
    0xC037 "TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256" "ECDHE-PSK-AES128-CBC-SHA256" EcdhePsk Psk Aes128Cbc Sha256 Tls1_0;
    0xC038 "TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384" "ECDHE-PSK-AES256-CBC-SHA384" EcdhePsk Psk Aes256Cbc Sha384 Tls1_0;
    0xC039 "TLS_ECDHE_PSK_WITH_NULL_SHA" "ECDHE-PSK-NULL-SHA" EcdhePsk Psk Null Sha1 Tls1_0;
    0xC03A "TLS_ECDHE_PSK_WITH_NULL_SHA256" "ECDHE-PSK-NULL-SHA256" EcdhePsk Psk Null Sha256 Tls1_0;
    0xC03B "TLS_ECDHE_PSK_WITH_NULL_SHA384" "ECDHE-PSK-NULL-SHA384" EcdhePsk Psk Null Sha384 Tls1_0;
    0xC050 "TLS_RSA_WITH_ARIA_128_GCM_SHA256" "ARIA128-GCM-SHA256" Rsa Rsa Aria128Gcm Aead Tls1_2;
    0xC051 "TLS_RSA_WITH_ARIA_256_GCM_SHA384" "ARIA256-GCM-SHA384" Rsa Rsa Aria256Gcm Aead Tls1_2;
    0xC052 "TLS_DHE_RSA_WITH_ARIA_128_GCM_SHA256" "DHE-RSA-ARIA128-GCM-SHA256" Dhe Rsa Aria128Gcm Aead Tls1_2;
    0xC053 "TLS_DHE_RSA_WITH_ARIA_256_GCM_SHA384" "DHE-RSA-ARIA256-GCM-SHA384" Dhe Rsa Aria256Gcm Aead Tls1_2;
    0xC054 "TLS_DH_RSA_WITH_ARIA_128_GCM_SHA256" "DH-RSA-ARIA128-GCM-SHA256" Dh Rsa Aria128Gcm Aead Tls1_2;
    0xC055 "TLS_DH_RSA_WITH_ARIA_256_GCM_SHA384" "DH-RSA-ARIA256-GCM-SHA384" Dh Rsa Aria256Gcm Aead Tls1_2;
    0xC056 "TLS_DHE_DSS_WITH_ARIA_128_GCM_SHA256" "DHE-DSS-ARIA128-GCM-SHA256" Dhe Dss Aria128Gcm Aead Tls1_2;
    0xC057 "TLS_DHE_DSS_WITH_ARIA_256_GCM_SHA384" "DHE-DSS-ARIA256-GCM-SHA384" Dhe Dss Aria256Gcm Aead Tls1_2;
    0xC058 "TLS_DH_DSS_WITH_ARIA_128_GCM_SHA256" "DH-DSS-ARIA128-GCM-SHA256" Dh Dss Aria128Gcm Aead Tls1_2;
    0xC059 "TLS_DH_DSS_WITH_ARIA_256_GCM_SHA384" "DH-DSS-ARIA256-GCM-SHA384" Dh Dss Aria256Gcm Aead Tls1_2;
    0xC05A "TLS_DH_anon_WITH_ARIA_128_GCM_SHA256" "ADH-ARIA128-GCM-SHA256" DhAnon Anonymous Aria128Gcm Aead Tls1_2;
    0xC05B "TLS_DH_anon_WITH_ARIA_256_GCM_SHA384" "ADH-ARIA256-GCM-SHA384" DhAnon Anonymous Aria256Gcm Aead Tls1_2;
    0xC05C "TLS_ECDHE_ECDSA_WITH_ARIA_128_GCM_SHA256" "ECDHE-ECDSA-ARIA128-GCM-SHA256" Ecdhe Ecdsa Aria128Gcm Aead Tls1_2;
    0xC05D "TLS_ECDHE_ECDSA_WITH_ARIA_256_GCM_SHA384" "ECDHE-ECDSA-ARIA256-GCM-SHA384" Ecdhe Ecdsa Aria256Gcm Aead Tls1_2;
    0xC05E "TLS_ECDH_ECDSA_WITH_ARIA_128_GCM_SHA256" "ECDH-ECDSA-ARIA128-GCM-SHA256" Ecdh Ecdsa Aria128Gcm Aead Tls1_2;
    0xC05F "TLS_ECDH_ECDSA_WITH_ARIA_256_GCM_SHA384" "ECDH-ECDSA-ARIA256-GCM-SHA384" Ecdh Ecdsa Aria256Gcm Aead Tls1_2;
    0xC060 "TLS_ECDHE_RSA_WITH_ARIA_128_GCM_SHA256" "ECDHE-ARIA128-GCM-SHA256" Ecdhe Rsa Aria128Gcm Aead Tls1_2;
    0xC061 "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384" "ECDHE-ARIA256-GCM-SHA384" Ecdhe Rsa Aria256Gcm Aead Tls1_2;
    0xC062 "TLS_ECDH_RSA_WITH_ARIA_128_GCM_SHA256" "ECDH-ARIA128-GCM-SHA256" Ecdh Rsa Aria128Gcm Aead Tls1_2;
    0xC063 "TLS_ECDH_RSA_WITH_ARIA_256_GCM_SHA384" "ECDH-ARIA256-GCM-SHA384" Ecdh Rsa Aria256Gcm Aead Tls1_2;
    0xC06A "TLS_PSK_WITH_ARIA_128_GCM_SHA256" "PSK-ARIA128-GCM-SHA256" Psk Psk Aria128Gcm Aead Tls1_2;
    0xC06B "TLS_PSK_WITH_ARIA_256_GCM_SHA384" "PSK-ARIA256-GCM-SHA384" Psk Psk Aria256Gcm Aead Tls1_2;
    0xC06C "TLS_DHE_PSK_WITH_ARIA_128_GCM_SHA256" "DHE-PSK-ARIA128-GCM-SHA256" DhePsk Psk Aria128Gcm Aead Tls1_2;
    0xC06D "TLS_DHE_PSK_WITH_ARIA_256_GCM_SHA384" "DHE-PSK-ARIA256-GCM-SHA384" DhePsk Psk Aria256Gcm Aead Tls1_2;
    0xC06E "TLS_RSA_PSK_WITH_ARIA_128_GCM_SHA256" "RSA-PSK-ARIA128-GCM-SHA256" RsaPsk Rsa Aria128Gcm Aead Tls1_2;
    0xC06F "TLS_RSA_PSK_WITH_ARIA_256_GCM_SHA384" "RSA-PSK-ARIA256-GCM-SHA384" RsaPsk Rsa Aria256Gcm Aead Tls1_2;
    0xC072 "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_CBC_SHA256" "ECDHE-ECDSA-CAMELLIA128-SHA256" Ecdhe Ecdsa Camellia128Cbc Sha256 Tls1_2;
    0xC073 "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_CBC_SHA384" "ECDHE-ECDSA-CAMELLIA256-SHA384" Ecdhe Ecdsa Camellia256Cbc Sha384 Tls1_2;
    0xC074 "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_CBC_SHA256" "ECDH-ECDSA-CAMELLIA128-SHA256" Ecdh Ecdsa Camellia128Cbc Sha256 Tls1_2;
    0xC075 "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_CBC_SHA384" "ECDH-ECDSA-CAMELLIA256-SHA384" Ecdh Ecdsa Camellia256Cbc Sha384 Tls1_2;
    0xC076 "TLS_ECDHE_RSA_WITH_CAMELLIA_128_CBC_SHA256" "ECDHE-RSA-CAMELLIA128-SHA256" Ecdhe Rsa Camellia128Cbc Sha256 Tls1_2;
    0xC077 "TLS_ECDHE_RSA_WITH_CAMELLIA_256_CBC_SHA384" "ECDHE-RSA-CAMELLIA256-SHA384" Ecdhe Rsa Camellia256Cbc Sha384 Tls1_2;
    0xC078 "TLS_ECDH_RSA_WITH_CAMELLIA_128_CBC_SHA256" "ECDH-RSA-CAMELLIA128-SHA256" Ecdh Rsa Camellia128Cbc Sha256 Tls1_2;
    0xC079 "TLS_ECDH_RSA_WITH_CAMELLIA_256_CBC_SHA384" "ECDH-RSA-CAMELLIA256-SHA384" Ecdh Rsa Camellia256Cbc Sha384 Tls1_2;
    0xC07A "TLS_RSA_WITH_CAMELLIA_128_GCM_SHA256" _ Rsa Rsa Camellia128Gcm Aead Tls1_2;
    0xC07B "TLS_RSA_WITH_CAMELLIA_256_GCM_SHA384" _ Rsa Rsa Camellia256Gcm Aead Tls1_2;
    0xC07C "TLS_DHE_RSA_WITH_CAMELLIA_128_GCM_SHA256" _ Dhe Rsa Camellia128Gcm Aead Tls1_2;
    0xC07D "TLS_DHE_RSA_WITH_CAMELLIA_256_GCM_SHA384" _ Dhe Rsa Camellia256Gcm Aead Tls1_2;
    0xC07E "TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256" _ Dh Rsa Camellia128Gcm Aead Tls1_2;
    0xC07F "TLS_DH_RSA_WITH_CAMELLIA_256_GCM_SHA384" _ Dh Rsa Camellia256Gcm Aead Tls1_2;
    0xC080 "TLS_DHE_DSS_WITH_CAMELLIA_128_GCM_SHA256" _ Dhe Dss Camellia128Gcm Aead Tls1_2;
    0xC081 "TLS_DHE_DSS_WITH_CAMELLIA_256_GCM_SHA384" _ Dhe Dss Camellia256Gcm Aead Tls1_2;
    0xC082 "TLS_DH_DSS_WITH_CAMELLIA_128_GCM_SHA256" _ Dh Dss Camellia128Gcm Aead Tls1_2;
    0xC083 "TLS_DH_DSS_WITH_CAMELLIA_256_GCM_SHA384" _ Dh Dss Camellia256Gcm Aead Tls1_2;
    0xC084 "TLS_DH_anon_WITH_CAMELLIA_128_GCM_SHA256" _ DhAnon Anonymous Camellia128Gcm Aead Tls1_2;
    0xC085 "TLS_DH_anon_WITH_CAMELLIA_256_GCM_SHA384" _ DhAnon Anonymous Camellia256Gcm Aead Tls1_2;
    0xC086 "TLS_ECDHE_ECDSA_WITH_CAMELLIA_128_GCM_SHA256" _ Ecdhe Ecdsa Camellia128Gcm Aead Tls1_2;
    0xC087 "TLS_ECDHE_ECDSA_WITH_CAMELLIA_256_GCM_SHA384" _ Ecdhe Ecdsa Camellia256Gcm Aead Tls1_2;
    0xC088 "TLS_ECDH_ECDSA_WITH_CAMELLIA_128_GCM_SHA256" _ Ecdh Ecdsa Camellia128Gcm Aead Tls1_2;
    0xC089 "TLS_ECDH_ECDSA_WITH_CAMELLIA_256_GCM_SHA384" _ Ecdh Ecdsa Camellia256Gcm Aead Tls1_2;
    0xC08A "TLS_ECDHE_RSA_WITH_CAMELLIA_128_GCM_SHA256" _ Ecdhe Rsa Camellia128Gcm Aead Tls1_2;
    0xC08B "TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384" _ Ecdhe Rsa Camellia256Gcm Aead Tls1_2;
    0xC08C "TLS_ECDH_RSA_WITH_CAMELLIA_128_GCM_SHA256" _ Ecdh Rsa Camellia128Gcm Aead Tls1_2;
    0xC08D "TLS_ECDH_RSA_WITH_CAMELLIA_256_GCM_SHA384" _ Ecdh Rsa Camellia256Gcm Aead Tls1_2;
    0xC08E "TLS_PSK_WITH_CAMELLIA_128_GCM_SHA256" _ Psk Psk Camellia128Gcm Aead Tls1_2;
    0xC08F "TLS_PSK_WITH_CAMELLIA_256_GCM_SHA384" _ Psk Psk Camellia256Gcm Aead Tls1_2;
    0xC090 "TLS_DHE_PSK_WITH_CAMELLIA_128_GCM_SHA256" _ DhePsk Psk Camellia128Gcm Aead Tls1_2;
    0xC091 "TLS_DHE_PSK_WITH_CAMELLIA_256_GCM_SHA384" _ DhePsk Psk Camellia256Gcm Aead Tls1_2;
    0xC092 "TLS_RSA_PSK_WITH_CAMELLIA_128_GCM_SHA256" _ RsaPsk Rsa Camellia128Gcm Aead Tls1_2;
    0xC093 "TLS_RSA_PSK_WITH_CAMELLIA_256_GCM_SHA384" _ RsaPsk Rsa Camellia256Gcm Aead Tls1_2;
    0xC094 "TLS_PSK_WITH_CAMELLIA_128_CBC_SHA256" "PSK-CAMELLIA128-SHA256" Psk Psk Camellia128Cbc Sha256 Tls1_0;
    0xC095 "TLS_PSK_WITH_CAMELLIA_256_CBC_SHA384" "PSK-CAMELLIA256-SHA384" Psk Psk Camellia256Cbc Sha384 Tls1_0;
    0xC096 "TLS_DHE_PSK_WITH_CAMELLIA_128_CBC_SHA256" "DHE-PSK-CAMELLIA128-SHA256" DhePsk Psk Camellia128Cbc Sha256 Tls1_0;
    0xC097 "TLS_DHE_PSK_WITH_CAMELLIA_256_CBC_SHA384" "DHE-PSK-CAMELLIA256-SHA384" DhePsk Psk Camellia256Cbc Sha384 Tls1_0;
    0xC098 "TLS_RSA_PSK_WITH_CAMELLIA_128_CBC_SHA256" "RSA-PSK-CAMELLIA128-SHA256" RsaPsk Rsa Camellia128Cbc Sha256 Tls1_0;
    0xC099 "TLS_RSA_PSK_WITH_CAMELLIA_256_CBC_SHA384" "RSA-PSK-CAMELLIA256-SHA384" RsaPsk Rsa Camellia256Cbc Sha384 Tls1_0;
    0xC09A "TLS_ECDHE_PSK_WITH_CAMELLIA_128_CBC_SHA256" "ECDHE-PSK-CAMELLIA128-SHA256" EcdhePsk Psk Camellia128Cbc Sha256 Tls1_0;
    0xC09B "TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384" "ECDHE-PSK-CAMELLIA256-SHA384" EcdhePsk Psk Camellia256Cbc Sha384 Tls1_0;
    0xC09C "TLS_RSA_WITH_AES_128_CCM" "AES128-CCM" Rsa Rsa Aes128Ccm Aead Tls1_2;
    0xC09D "TLS_RSA_WITH_AES_256_CCM" "AES256-CCM" Rsa Rsa Aes256Ccm Aead Tls1_2;
    0xC09E "TLS_DHE_RSA_WITH_AES_128_CCM" "DHE-RSA-AES128-CCM" Dhe Rsa Aes128Ccm Aead Tls1_2;
    0xC09F "TLS_DHE_RSA_WITH_AES_256_CCM" "DHE-RSA-AES256-CCM" Dhe Rsa Aes256Ccm Aead Tls1_2;
    0xC0A0 "TLS_RSA_WITH_AES_128_CCM_8" "AES128-CCM8" Rsa Rsa Aes128Ccm8 Aead Tls1_2;
    0xC0A1 "TLS_RSA_WITH_AES_256_CCM_8" "AES256-CCM8" Rsa Rsa Aes256Ccm8 Aead Tls1_2;
    0xC0A2 "TLS_DHE_RSA_WITH_AES_128_CCM_8" "DHE-RSA-AES128-CCM8" Dhe Rsa Aes128Ccm8 Aead Tls1_2;
    0xC0A3 "TLS_DHE_RSA_WITH_AES_256_CCM_8" "DHE-RSA-AES256-CCM8" Dhe Rsa Aes256Ccm8 Aead Tls1_2;
    0xC0A4 "TLS_PSK_WITH_AES_128_CCM" "PSK-AES128-CCM" Psk Psk Aes128Ccm Aead Tls1_2;
    0xC0A5 "TLS_PSK_WITH_AES_256_CCM" "PSK-AES256-CCM" Psk Psk Aes256Ccm Aead Tls1_2;
    0xC0A6 "TLS_DHE_PSK_WITH_AES_128_CCM" "DHE-PSK-AES128-CCM" DhePsk Psk Aes128Ccm Aead Tls1_2;
    0xC0A7 "TLS_DHE_PSK_WITH_AES_256_CCM" "DHE-PSK-AES256-CCM" DhePsk Psk Aes256Ccm Aead Tls1_2;
    0xC0A8 "TLS_PSK_WITH_AES_128_CCM_8" "PSK-AES128-CCM8" Psk Psk Aes128Ccm8 Aead Tls1_2;
    0xC0A9 "TLS_PSK_WITH_AES_256_CCM_8" "PSK-AES256-CCM8" Psk Psk Aes256Ccm8 Aead Tls1_2;
    0xC0AA "TLS_PSK_DHE_WITH_AES_128_CCM_8" "DHE-PSK-AES128-CCM8" DhePsk Psk Aes128Ccm8 Aead Tls1_2;
    0xC0AB "TLS_PSK_DHE_WITH_AES_256_CCM_8" "DHE-PSK-AES256-CCM8" DhePsk Psk Aes256Ccm8 Aead Tls1_2;
    0xC0AC "TLS_ECDHE_ECDSA_WITH_AES_128_CCM" "ECDHE-ECDSA-AES128-CCM" Ecdhe Ecdsa Aes128Ccm Aead Tls1_2;
    0xC0AD "TLS_ECDHE_ECDSA_WITH_AES_256_CCM" "ECDHE-ECDSA-AES256-CCM" Ecdhe Ecdsa Aes256Ccm Aead Tls1_2;
    0xC0AE "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8" "ECDHE-ECDSA-AES128-CCM8" Ecdhe Ecdsa Aes128Ccm8 Aead Tls1_2;
    0xC0AF "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8" "ECDHE-ECDSA-AES256-CCM8" Ecdhe Ecdsa Aes256Ccm8 Aead Tls1_2;
    0xCCA8 "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256" "ECDHE-RSA-CHACHA20-POLY1305" Ecdhe Rsa ChaCha20Poly1305 Aead Tls1_2;
    0xCCA9 "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256" "ECDHE-ECDSA-CHACHA20-POLY1305" Ecdhe Ecdsa ChaCha20Poly1305 Aead Tls1_2;
    0xCCAA "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256" "DHE-RSA-CHACHA20-POLY1305" Dhe Rsa ChaCha20Poly1305 Aead Tls1_2;
    0xCCAB "TLS_PSK_WITH_CHACHA20_POLY1305_SHA256" "PSK-CHACHA20-POLY1305" Psk Psk ChaCha20Poly1305 Aead Tls1_2;
    0xCCAC "TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256" "ECDHE-PSK-CHACHA20-POLY1305" EcdhePsk Psk ChaCha20Poly1305 Aead Tls1_2;
    0xCCAD "TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256" "DHE-PSK-CHACHA20-POLY1305" DhePsk Psk ChaCha20Poly1305 Aead Tls1_2;
    0xCCAE "TLS_RSA_PSK_WITH_CHACHA20_POLY1305_SHA256" "RSA-PSK-CHACHA20-POLY1305" RsaPsk Rsa ChaCha20Poly1305 Aead Tls1_2;
    0xD001 "TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256" _ EcdhePsk Psk Aes128Gcm Aead Tls1_2;
    0xD002 "TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384" _ EcdhePsk Psk Aes256Gcm Aead Tls1_2;
    0xD003 "TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256" _ EcdhePsk Psk Aes128Ccm8 Aead Tls1_2;
    0xD005 "TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256" _ EcdhePsk Psk Aes128Ccm Aead Tls1_2;
};

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use CipherDialect::{GnuTls, Iana, OpenSsl, Unknown};
    use TlsVersion::{Ssl2, Ssl3, Tls1_0, Tls1_1, Tls1_2, Tls1_3};
    use Weakness::{
        Anonymous, Des, Export, Idea, Md5Mac, NoForwardSecrecy, NullCipher, Rc2, Rc4, TripleDes,
    };

    /// A cipher name and what must come of it: the IANA name [`lookup`] finds, the dialect
    /// [`classify`] reports, the suite's weaknesses, whether it is forward-secret, its minimum
    /// version, and whether [`looks_like_cipher`] accepts the name.
    type CipherCase<'a> = (
        &'a str,
        Option<&'a str>,
        CipherDialect,
        &'a [Weakness],
        bool,
        Option<TlsVersion>,
        bool,
    );

    const NO_FS: &[Weakness] = &[NoForwardSecrecy];

    #[rustfmt::skip]
    const CIPHER_CASES: &[CipherCase<'static>] = &[
        // IANA names, as Microsoft, Gmail (TLS 1.3) and Sendmail write them.
        ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), Iana, &[], true, Some(Tls1_2), true),
        ("tls_rsa_with_aes_256_cbc_sha", Some("TLS_RSA_WITH_AES_256_CBC_SHA"), Iana, NO_FS, false, Some(Ssl3), true),
        ("(TLS_RSA_WITH_3DES_EDE_CBC_SHA),", Some("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), Iana, &[TripleDes, NoForwardSecrecy], false, Some(Ssl3), true),
        ("TLS_DH_anon_WITH_AES_128_CBC_SHA", Some("TLS_DH_anon_WITH_AES_128_CBC_SHA"), Iana, &[Anonymous], true, Some(Ssl3), true),
        ("TLS_RSA_EXPORT_WITH_RC4_40_MD5", Some("TLS_RSA_EXPORT_WITH_RC4_40_MD5"), Iana, &[Export, Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("TLS_RSA_WITH_NULL_SHA256", Some("TLS_RSA_WITH_NULL_SHA256"), Iana, &[NullCipher, NoForwardSecrecy], false, Some(Tls1_2), true),
        ("TLS_PSK_DHE_WITH_AES_128_CCM_8", Some("TLS_PSK_DHE_WITH_AES_128_CCM_8"), Iana, &[], true, Some(Tls1_2), true),
        ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", Some("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), Iana, &[], true, Some(Tls1_2), true),
        // Microsoft SChannel appends the ECDHE curve.
        ("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384", Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"), Iana, &[], true, Some(Tls1_2), true),
        ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256_P256", Some("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), Iana, &[], true, Some(Tls1_2), true),
        ("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_p521", Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), Iana, &[], true, Some(Tls1_0), true),
        // Java's SSL_ prefix for the suites SSL 3.0 defined.
        ("SSL_RSA_WITH_RC4_128_MD5", Some("TLS_RSA_WITH_RC4_128_MD5"), Iana, &[Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        // TLS 1.3: IANA, rustls/Stalwart (`TLS13_`), OpenSSL 1.1.1 pre-releases, LibreSSL.
        ("TLS_AES_256_GCM_SHA384", Some("TLS_AES_256_GCM_SHA384"), Iana, &[], true, Some(Tls1_3), true),
        ("TLS_CHACHA20_POLY1305_SHA256", Some("TLS_CHACHA20_POLY1305_SHA256"), Iana, &[], true, Some(Tls1_3), true),
        ("TLS_AES_128_CCM_8_SHA256", Some("TLS_AES_128_CCM_8_SHA256"), Iana, &[], true, Some(Tls1_3), true),
        ("TLS13_AES_256_GCM_SHA384", Some("TLS_AES_256_GCM_SHA384"), Iana, &[], true, Some(Tls1_3), true),
        ("TLS13_CHACHA20_POLY1305_SHA256", Some("TLS_CHACHA20_POLY1305_SHA256"), Iana, &[], true, Some(Tls1_3), true),
        ("TLS13-AES-256-GCM-SHA384", Some("TLS_AES_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_3), true),
        ("AEAD-AES256-GCM-SHA384", Some("TLS_AES_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_3), true),
        ("AEAD-CHACHA20-POLY1305-SHA256", Some("TLS_CHACHA20_POLY1305_SHA256"), OpenSsl, &[], true, Some(Tls1_3), true),
        // IANA-shaped but not in the registry: ARIA-CBC is left out and ECDHE_RSA has no CCM
        // suite. SHA512 is no TLS MAC, and signalling values are not suites.
        ("TLS_ECDHE_RSA_WITH_ARIA_128_CBC_SHA256", None, Iana, &[], false, None, true),
        ("TLS_ECDHE_RSA_WITH_AES_128_CCM", None, Iana, &[], false, None, true),
        ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA512", None, Unknown, &[], false, None, false),
        ("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", None, Unknown, &[], false, None, false),
        ("TLS_FALLBACK_SCSV", None, Unknown, &[], false, None, false),
        // OpenSSL names, as Postfix, Gmail, IronPort and Exim-with-OpenSSL write them.
        ("ECDHE-RSA-AES256-GCM-SHA384", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("ecdhe-rsa-aes128-gcm-sha256", Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("ECDHE-RSA-CHACHA20-POLY1305", Some("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("ECDHE-RSA-AES128-SHA256", Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("ECDHE-RSA-AES256-SHA384", Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("ECDHE-RSA-AES128-SHA", Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), OpenSsl, &[], true, Some(Tls1_0), true),
        ("ECDHE-RSA-AES256-SHA", Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"), OpenSsl, &[], true, Some(Tls1_0), true),
        ("ECDHE-ARIA256-GCM-SHA384", Some("TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("DHE-RSA-AES256-GCM-SHA384", Some("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("DHE-RSA-AES256-SHA", Some("TLS_DHE_RSA_WITH_AES_256_CBC_SHA"), OpenSsl, &[], true, Some(Ssl3), true),
        // Without ECDHE-/DHE- an OpenSSL name is static RSA.
        ("AES256-GCM-SHA384", Some("TLS_RSA_WITH_AES_256_GCM_SHA384"), OpenSsl, NO_FS, false, Some(Tls1_2), true),
        ("AES128-GCM-SHA256", Some("TLS_RSA_WITH_AES_128_GCM_SHA256"), OpenSsl, NO_FS, false, Some(Tls1_2), true),
        ("AES256-SHA", Some("TLS_RSA_WITH_AES_256_CBC_SHA"), OpenSsl, NO_FS, false, Some(Ssl3), true),
        ("AES128-SHA", Some("TLS_RSA_WITH_AES_128_CBC_SHA"), OpenSsl, NO_FS, false, Some(Ssl3), true),
        ("AES128-SHA256", Some("TLS_RSA_WITH_AES_128_CBC_SHA256"), OpenSsl, NO_FS, false, Some(Tls1_2), true),
        ("AES256-SHA256", Some("TLS_RSA_WITH_AES_256_CBC_SHA256"), OpenSsl, NO_FS, false, Some(Tls1_2), true),
        ("DES-CBC3-SHA", Some("TLS_RSA_WITH_3DES_EDE_CBC_SHA"), OpenSsl, &[TripleDes, NoForwardSecrecy], false, Some(Ssl3), true),
        ("ECDH-RSA-AES256-GCM-SHA384", Some("TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384"), OpenSsl, NO_FS, false, Some(Tls1_2), true),
        // OpenSSL 1.0 wrote EDH where 1.1 writes DHE.
        ("EDH-RSA-DES-CBC3-SHA", Some("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), OpenSsl, &[TripleDes], true, Some(Ssl3), true),
        ("DHE-RSA-DES-CBC3-SHA", Some("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), OpenSsl, &[TripleDes], true, Some(Ssl3), true),
        ("EDH-RSA-DES-CBC-SHA", Some("TLS_DHE_RSA_WITH_DES_CBC_SHA"), OpenSsl, &[Des], true, Some(Ssl3), true),
        ("DHE-RSA-DES-CBC-SHA", Some("TLS_DHE_RSA_WITH_DES_CBC_SHA"), OpenSsl, &[Des], true, Some(Ssl3), true),
        ("EXP-EDH-RSA-DES-CBC-SHA", Some("TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA"), OpenSsl, &[Export, Des], true, Some(Ssl3), true),
        // Anonymous: ephemeral, so forward-secret, but nobody is authenticated.
        ("ADH-AES256-SHA", Some("TLS_DH_anon_WITH_AES_256_CBC_SHA"), OpenSsl, &[Anonymous], true, Some(Ssl3), true),
        ("AECDH-AES128-SHA", Some("TLS_ECDH_anon_WITH_AES_128_CBC_SHA"), OpenSsl, &[Anonymous], true, Some(Tls1_0), true),
        // The weak old ones.
        ("RC4-MD5", Some("TLS_RSA_WITH_RC4_128_MD5"), OpenSsl, &[Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("RC4-SHA", Some("TLS_RSA_WITH_RC4_128_SHA"), OpenSsl, &[Rc4, NoForwardSecrecy], false, Some(Ssl3), true),
        ("EXP-RC4-MD5", Some("TLS_RSA_EXPORT_WITH_RC4_40_MD5"), OpenSsl, &[Export, Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("EXP-RC2-CBC-MD5", Some("TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5"), OpenSsl, &[Export, Rc2, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("EXP1024-DES-CBC-SHA", Some("TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA"), OpenSsl, &[Export, Des, NoForwardSecrecy], false, Some(Ssl3), true),
        ("DES-CBC-SHA", Some("TLS_RSA_WITH_DES_CBC_SHA"), OpenSsl, &[Des, NoForwardSecrecy], false, Some(Ssl3), true),
        ("IDEA-CBC-SHA", Some("TLS_RSA_WITH_IDEA_CBC_SHA"), OpenSsl, &[Idea, NoForwardSecrecy], false, Some(Ssl3), true),
        ("NULL-MD5", Some("TLS_RSA_WITH_NULL_MD5"), OpenSsl, &[NullCipher, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("SEED-SHA", Some("TLS_RSA_WITH_SEED_CBC_SHA"), OpenSsl, NO_FS, false, Some(Ssl3), true),
        ("KRB5-DES-CBC3-MD5", Some("TLS_KRB5_WITH_3DES_EDE_CBC_MD5"), OpenSsl, &[TripleDes, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("PSK-AES128-CBC-SHA256", Some("TLS_PSK_WITH_AES_128_CBC_SHA256"), OpenSsl, NO_FS, false, Some(Tls1_0), true),
        // OpenSSL-shaped but unknown.
        ("ECDHE-RSA-AES128-CCM", None, OpenSsl, &[], false, None, true),
        // GnuTLS suite names, as Exim before 4.92 wrote them, old spellings included.
        ("ECDHE_RSA_AES_256_GCM_SHA384", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_RSA_AES_128_GCM_SHA256", Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_RSA_CHACHA20_POLY1305", Some("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_ECDSA_CHACHA20_POLY1305", Some("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), GnuTls, &[], true, Some(Tls1_2), true),
        ("DHE_RSA_AES_256_CBC_SHA1", Some("TLS_DHE_RSA_WITH_AES_256_CBC_SHA"), GnuTls, &[], true, Some(Ssl3), true),
        ("DHE_RSA_3DES_EDE_CBC_SHA1", Some("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), GnuTls, &[TripleDes], true, Some(Ssl3), true),
        ("DHE_RSA_3DES_EDE_CBC_SHA", Some("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"), GnuTls, &[TripleDes], true, Some(Ssl3), true),
        ("RSA_AES_256_CBC_SHA1", Some("TLS_RSA_WITH_AES_256_CBC_SHA"), GnuTls, NO_FS, false, Some(Ssl3), true),
        ("RSA_AES_256_CBC_SHA", Some("TLS_RSA_WITH_AES_256_CBC_SHA"), GnuTls, NO_FS, false, Some(Ssl3), true),
        ("RSA_ARCFOUR_MD5", Some("TLS_RSA_WITH_RC4_128_MD5"), GnuTls, &[Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("RSA_ARCFOUR_SHA1", Some("TLS_RSA_WITH_RC4_128_SHA"), GnuTls, &[Rc4, NoForwardSecrecy], false, Some(Ssl3), true),
        ("RSA_ARCFOUR_128_SHA1", Some("TLS_RSA_WITH_RC4_128_SHA"), GnuTls, &[Rc4, NoForwardSecrecy], false, Some(Ssl3), true),
        ("RSA_EXPORT_ARCFOUR_40_MD5", Some("TLS_RSA_EXPORT_WITH_RC4_40_MD5"), GnuTls, &[Export, Rc4, NoForwardSecrecy, Md5Mac], false, Some(Ssl3), true),
        ("RSA_AES_128_CCM_8", Some("TLS_RSA_WITH_AES_128_CCM_8"), GnuTls, NO_FS, false, Some(Tls1_2), true),
        ("DHE_RSA_CAMELLIA_128_CBC_SHA1", Some("TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA"), GnuTls, &[], true, Some(Ssl3), true),
        ("ECDHE_RSA_CAMELLIA_256_GCM_SHA384", Some("TLS_ECDHE_RSA_WITH_CAMELLIA_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        ("DH_ANON_AES_128_CBC_SHA1", Some("TLS_DH_anon_WITH_AES_128_CBC_SHA"), GnuTls, &[Anonymous], true, Some(Ssl3), true),
        ("ANON_DH_ARCFOUR_MD5", Some("TLS_DH_anon_WITH_RC4_128_MD5"), GnuTls, &[Rc4, Anonymous, Md5Mac], true, Some(Ssl3), true),
        ("ECDH_ANON_3DES_EDE_CBC_SHA1", Some("TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA"), GnuTls, &[TripleDes, Anonymous], true, Some(Tls1_0), true),
        ("PSK_AES_128_GCM_SHA256", Some("TLS_PSK_WITH_AES_128_GCM_SHA256"), GnuTls, NO_FS, false, Some(Tls1_2), true),
        ("SRP_SHA_AES_256_CBC_SHA1", Some("TLS_SRP_SHA_WITH_AES_256_CBC_SHA"), GnuTls, &[], true, Some(Ssl3), true),
        ("DHE_DSS_ARCFOUR_128_SHA1", Some("TLS_DHE_DSS_WITH_RC4_128_SHA"), GnuTls, &[Rc4], true, Some(Ssl3), true),
        ("AES_128_GCM_SHA256", Some("TLS_AES_128_GCM_SHA256"), GnuTls, &[], true, Some(Tls1_3), true),
        // GnuTLS session descriptions, as Exim 4.92 and later write them. They do not say the
        // version, so TLS 1.3 ones resolve to the TLS 1.2 suite (see `tls13_equivalent`).
        ("ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_SECP256R1__RSA_SHA256__AES_256_GCM", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_SECP384R1__ECDSA_SECP384R1_SHA384__AES_256_GCM", Some("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_X25519__EdDSA_Ed25519__CHACHA20_POLY1305", Some("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"), GnuTls, &[], true, Some(Tls1_2), true),
        ("ECDHE_SECP256R1__RSA_SHA256__AES_128_CBC__SHA1", Some("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"), GnuTls, &[], true, Some(Tls1_0), true),
        ("DHE_RSA_2038__AES_256_CBC__SHA1", Some("TLS_DHE_RSA_WITH_AES_256_CBC_SHA"), GnuTls, &[], true, Some(Ssl3), true),
        ("DHE_FFDHE2048__RSA_PSS_RSAE_SHA256__AES_128_GCM", Some("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"), GnuTls, &[], true, Some(Tls1_2), true),
        ("RSA__AES_128_CBC__SHA1", Some("TLS_RSA_WITH_AES_128_CBC_SHA"), GnuTls, NO_FS, false, Some(Ssl3), true),
        ("ECDHE_PSK_X25519__AES_256_GCM", Some("TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384"), GnuTls, &[], true, Some(Tls1_2), true),
        // Descriptions that leave out what we need: the signature, or a CBC cipher's MAC.
        ("ECDHE_X25519__AES_256_GCM", None, Unknown, &[], false, None, false),
        ("ECDHE_SECP256R1__RSA_SHA256__AES_128_CBC", None, Unknown, &[], false, None, false),
        // Not cipher names.
        ("OTHER", None, Unknown, &[], false, None, false),
        ("UNKNOWN", None, Unknown, &[], false, None, false),
        ("", None, Unknown, &[], false, None, false),
        ("   ", None, Unknown, &[], false, None, false),
        ("__", None, Unknown, &[], false, None, false),
        ("_P384", None, Unknown, &[], false, None, false),
        ("TLS_P384", None, Unknown, &[], false, None, false),
        ("TLS", None, Unknown, &[], false, None, false),
        ("TLS_WITH_", None, Unknown, &[], false, None, false),
        ("TLSv1.2", None, Unknown, &[], false, None, false),
        ("ESMTPS", None, Unknown, &[], false, None, false),
        ("ECDHE", None, Unknown, &[], false, None, false),
        ("ECDHE-RSA-AES256-GCM", None, Unknown, &[], false, None, false),
        ("mail.example.com", None, Unknown, &[], false, None, false),
        // Callers split `key=value` and Exim's `version:cipher:bits` before asking.
        ("cipher=ECDHE-RSA-AES256-GCM-SHA384", None, Unknown, &[], false, None, false),
        ("ECDHE-RSA-AES256-GCM-SHA384:256", None, Unknown, &[], false, None, false),
        // Non-ASCII: trimmed at the ends like punctuation, never matched inside a name.
        ("«ECDHE-RSA-AES256-GCM-SHA384»", Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), OpenSsl, &[], true, Some(Tls1_2), true),
        ("TLS_AES_256_GCM_SHA384\u{301}", Some("TLS_AES_256_GCM_SHA384"), Iana, &[], true, Some(Tls1_3), true),
        ("AES256-SHA\0", Some("TLS_RSA_WITH_AES_256_CBC_SHA"), OpenSsl, NO_FS, false, Some(Ssl3), true),
        ("ECDHE\u{2011}RSA\u{2011}AES256\u{2011}GCM\u{2011}SHA384", None, Unknown, &[], false, None, false),
        ("AES256–SHA", None, Unknown, &[], false, None, false),
        ("ÄES256-SHA", None, Unknown, &[], false, None, false),
    ];

    /// Runs one [`CipherCase`] through every public name function.
    fn check_cipher(case: &CipherCase<'_>) {
        let &(input, iana, dialect, weaknesses, forward_secret, min_version, looks) = case;
        let found = lookup(input);
        assert_eq!(found.map(|info| info.iana), iana, "lookup({input:?})");
        let name = classify(input);
        assert_eq!(
            name.suite,
            found.map(|info| info.code),
            "classify({input:?}).suite"
        );
        assert_eq!(name.dialect, dialect, "classify({input:?}).dialect");
        assert_eq!(
            looks_like_cipher(input),
            looks,
            "looks_like_cipher({input:?})"
        );
        let actual_weaknesses = found.map(SuiteInfo::weaknesses).unwrap_or_default();
        assert_eq!(actual_weaknesses, weaknesses, "weaknesses of {input:?}");
        let actual_fs = found.is_some_and(SuiteInfo::forward_secret);
        assert_eq!(actual_fs, forward_secret, "forward_secret of {input:?}");
        let actual_min = found.map(|info| info.min_version);
        assert_eq!(actual_min, min_version, "min_version of {input:?}");
    }

    #[test]
    fn cipher_names() {
        for case in CIPHER_CASES {
            check_cipher(case);
        }
    }

    #[test]
    fn cipher_names_that_are_too_long_or_odd() {
        let garbage = [
            "A".repeat(100_000),
            "ECDHE-RSA-AES256-GCM-SHA384".repeat(1_000),
            format!("TLS{}", "_AES".repeat(50_000)),
            format!("TLS_ECDHE_RSA_WITH{}_SHA", "_".repeat(10_000)),
            "__".repeat(10_000),
            "-".repeat(10_000),
            "é".repeat(10_000),
            "\u{0}".repeat(1_000),
            format!("ECDHE{}", "__RSA".repeat(1_000)),
        ];
        for input in &garbage {
            check_cipher(&(input, None, Unknown, &[], false, None, false));
        }
    }

    /// A version spelling and what [`TlsVersion::parse_loose`] must make of it.
    #[rustfmt::skip]
    const VERSION_CASES: &[(&str, Option<TlsVersion>)] = &[
        // OpenSSL, Postfix, Sendmail.
        ("TLSv1.3", Some(Tls1_3)), ("TLSv1.2", Some(Tls1_2)), ("TLSv1.1", Some(Tls1_1)),
        ("TLSv1.0", Some(Tls1_0)), ("TLSv1", Some(Tls1_0)),
        // Gmail and Microsoft.
        ("TLS1_3", Some(Tls1_3)), ("TLS1_2", Some(Tls1_2)), ("TLS1_0", Some(Tls1_0)),
        // Exim, old and new.
        ("TLS1.2", Some(Tls1_2)), ("TLS1.3", Some(Tls1_3)), ("TLS-1.0", Some(Tls1_0)),
        ("TLS-1.2", Some(Tls1_2)), ("TLS1", Some(Tls1_0)),
        // Prose, lower case, mail-parser's variant names, compact forms.
        ("TLS 1.2", Some(Tls1_2)), ("TLS v1.2", Some(Tls1_2)), ("tls1.3", Some(Tls1_3)),
        ("TLSv1_2", Some(Tls1_2)), ("TLSv1_0", Some(Tls1_0)), ("TLS12", Some(Tls1_2)),
        ("TLSv13", Some(Tls1_3)),
        // SSL.
        ("SSLv3", Some(Ssl3)), ("SSLv2", Some(Ssl2)), ("SSL3", Some(Ssl3)), ("SSL 3.0", Some(Ssl3)),
        ("SSL3.0", Some(Ssl3)), ("sslv2.0", Some(Ssl2)),
        // Surrounding punctuation.
        ("TLSv1.2,", Some(Tls1_2)), ("(TLS1.2)", Some(Tls1_2)), ("TLSv1.3;", Some(Tls1_3)),
        ("TLSv1.", Some(Tls1_0)), ("TLS1_", Some(Tls1_0)), (" TLSv1.2 ", Some(Tls1_2)),
        // OpenSSL 1.0's cipher minimum, not a negotiated version.
        ("TLSv1/SSLv3", None),
        // Not versions.
        ("UNKNOWN", None), ("OTHER", None), ("TLS", None), ("TLSv", None), ("SSL", None),
        ("DTLSv1.2", None), ("DTLSv1", None), ("DTLS1.2", None),
        ("TLSv1.4", None), ("TLSv2", None), ("TLSv1.2.1", None), ("TLS14", None), ("TLS1_x", None),
        ("SSLv4", None), ("SSLv3.1", None), ("SSL 2.1", None), ("SSL30", None),
        ("1.2", None), ("v1.2", None), ("", None), ("   ", None),
        ("TLS_AES_256_GCM_SHA384", None), ("TLSv1.3:TLS_AES_256_GCM_SHA384", None),
        ("\u{422}LSv1.2", None), ("TLS\u{a0}1.2", None), ("TLS１.２", None), ("TLSv1.２", None),
    ];

    /// Checks one version spelling, and that a recognised version round-trips through its name,
    /// `Display` and JSON.
    fn check_version(input: &str, expected: Option<TlsVersion>) {
        assert_eq!(
            TlsVersion::parse_loose(input),
            expected,
            "parse_loose({input:?})"
        );
        if let Some(version) = expected {
            assert_eq!(TlsVersion::parse_loose(version.name()), Some(version));
            assert_eq!(version.to_string(), version.name());
            let json = serde_json::to_string(&version).unwrap();
            assert_eq!(json, format!("\"{}\"", version.name()));
            assert_eq!(serde_json::from_str::<TlsVersion>(&json).unwrap(), version);
        }
    }

    #[test]
    fn version_spellings() {
        for &(input, expected) in VERSION_CASES {
            check_version(input, expected);
        }
        check_version(&format!("TLSv1.2{}", "2".repeat(10_000)), None);
        check_version(&"TLS".repeat(10_000), None);
    }

    #[test]
    fn versions_are_ordered_oldest_first() {
        let mut versions = [Tls1_3, Ssl3, Tls1_1, Ssl2, Tls1_2, Tls1_0];
        versions.sort();
        assert_eq!(versions, [Ssl2, Ssl3, Tls1_0, Tls1_1, Tls1_2, Tls1_3]);
    }

    #[test]
    fn deprecations() {
        use VersionStatus::{Deprecated, Prohibited};
        let cases = [
            (Ssl2, Some((Prohibited, "RFC 6176"))),
            (Ssl3, Some((Deprecated, "RFC 7568"))),
            (Tls1_0, Some((Deprecated, "RFC 8996"))),
            (Tls1_1, Some((Deprecated, "RFC 8996"))),
            (Tls1_2, None),
            (Tls1_3, None),
        ];
        for (version, expected) in cases {
            let deprecation = version.deprecation();
            let actual = deprecation.map(|d| (d.status, d.rfc.name()));
            assert_eq!(actual, expected, "{version}");
            if let Some(deprecation) = deprecation {
                assert_eq!(deprecation.rfc.to_string(), deprecation.rfc.name());
                let json = serde_json::to_string(&deprecation).unwrap();
                let status = format!("{:?}", deprecation.status);
                let rfc = deprecation.rfc.name();
                assert_eq!(json, format!(r#"{{"status":"{status}","rfc":"{rfc}"}}"#));
                assert_eq!(
                    serde_json::from_str::<Deprecation>(&json).unwrap(),
                    deprecation
                );
            }
        }
    }

    #[test]
    fn tls13_equivalents() {
        #[rustfmt::skip]
        let cases = [
            ("ECDHE_RSA_AES_128_GCM_SHA256", Some("TLS_AES_128_GCM_SHA256")),
            ("ECDHE_RSA_AES_256_GCM_SHA384", Some("TLS_AES_256_GCM_SHA384")),
            ("ECDHE_RSA_CHACHA20_POLY1305", Some("TLS_CHACHA20_POLY1305_SHA256")),
            ("ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM", Some("TLS_AES_256_GCM_SHA384")),
            ("ECDHE-ECDSA-AES128-CCM8", Some("TLS_AES_128_CCM_8_SHA256")),
            ("DHE-RSA-AES128-CCM", Some("TLS_AES_128_CCM_SHA256")),
            ("TLS_AES_256_GCM_SHA384", Some("TLS_AES_256_GCM_SHA384")),
            // No TLS 1.3 suite has AES-256-CCM, ARIA or CBC.
            ("AES256-CCM", None),
            ("ECDHE-ARIA128-GCM-SHA256", None),
            ("ECDHE-RSA-AES256-SHA", None),
        ];
        for (input, expected) in cases {
            let info = lookup(input).unwrap();
            let actual = tls13_equivalent(info).map(|info| info.iana);
            assert_eq!(actual, expected, "tls13_equivalent({input:?})");
        }
    }

    #[test]
    fn suite_constants_and_display() {
        #[rustfmt::skip]
        let cases = [
            (CipherSuite::TLS_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256"),
            (CipherSuite::TLS_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384"),
            (CipherSuite::TLS_CHACHA20_POLY1305_SHA256, "TLS_CHACHA20_POLY1305_SHA256"),
            (CipherSuite::TLS_AES_128_CCM_SHA256, "TLS_AES_128_CCM_SHA256"),
            (CipherSuite::TLS_AES_128_CCM_8_SHA256, "TLS_AES_128_CCM_8_SHA256"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            (CipherSuite::TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            (CipherSuite::TLS_ECDHE_RSA_WITH_RC4_128_SHA, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_128_GCM_SHA256, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_256_GCM_SHA384, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            (CipherSuite::TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_128_CBC_SHA256, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
            (CipherSuite::TLS_DHE_RSA_WITH_AES_256_CBC_SHA256, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
            (CipherSuite::TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            (CipherSuite::TLS_RSA_WITH_AES_128_GCM_SHA256, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            (CipherSuite::TLS_RSA_WITH_AES_256_GCM_SHA384, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            (CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA, "TLS_RSA_WITH_AES_128_CBC_SHA"),
            (CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            (CipherSuite::TLS_RSA_WITH_AES_128_CBC_SHA256, "TLS_RSA_WITH_AES_128_CBC_SHA256"),
            (CipherSuite::TLS_RSA_WITH_AES_256_CBC_SHA256, "TLS_RSA_WITH_AES_256_CBC_SHA256"),
            (CipherSuite::TLS_RSA_WITH_3DES_EDE_CBC_SHA, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            (CipherSuite::TLS_RSA_WITH_RC4_128_SHA, "TLS_RSA_WITH_RC4_128_SHA"),
            (CipherSuite::TLS_RSA_WITH_RC4_128_MD5, "TLS_RSA_WITH_RC4_128_MD5"),
            (CipherSuite::TLS_RSA_WITH_DES_CBC_SHA, "TLS_RSA_WITH_DES_CBC_SHA"),
            (CipherSuite::TLS_RSA_EXPORT_WITH_RC4_40_MD5, "TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
            (CipherSuite::TLS_RSA_WITH_NULL_SHA, "TLS_RSA_WITH_NULL_SHA"),
            (CipherSuite::TLS_RSA_WITH_NULL_MD5, "TLS_RSA_WITH_NULL_MD5"),
            // Unknown code points are data: the renegotiation SCSV, GREASE, unassigned.
            (CipherSuite(0x00FF), "0x00FF"),
            (CipherSuite(0x0A0A), "0x0A0A"),
            (CipherSuite(0xC0FF), "0xC0FF"),
            (CipherSuite(0x0000), "0x0000"),
            (CipherSuite(0xFFFF), "0xFFFF"),
        ];
        for (suite, display) in cases {
            assert_eq!(suite.to_string(), display, "{suite:?}");
            assert_eq!(
                suite.info().is_some(),
                !display.starts_with("0x"),
                "{suite:?}"
            );
        }
    }

    /// Walks the whole registry: order, names, and that every row's columns agree with its IANA
    /// name, its OpenSSL name and each other.
    #[test]
    fn registry_is_consistent() {
        assert_eq!(
            SUITES.len(),
            311,
            "rows added or removed: update this count"
        );
        for pair in SUITES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} is out of order",
                pair[1].iana
            );
        }
        for info in SUITES {
            let iana = info.iana;
            assert!(iana.starts_with("TLS_"), "{iana}");
            assert_eq!(info.code.info(), Some(info), "{iana}");
            assert_eq!(info.code.to_string(), iana);
            assert_eq!(lookup(iana), Some(info), "lookup({iana})");
            assert_eq!(classify(iana).dialect, Iana, "{iana}");
            // The columns are what the IANA name says.
            let parts = decompose(iana).unwrap_or_else(|| panic!("decompose({iana})"));
            assert_eq!(find_parts(&parts), Some(info), "columns of {iana}");
            if let Some(openssl) = info.openssl {
                assert_eq!(lookup(openssl), Some(info), "lookup({openssl})");
                let dialect = if info.tls13_only { Iana } else { OpenSsl };
                assert_eq!(classify(openssl).dialect, dialect, "{openssl}");
                let others = SUITES.iter().filter(|other| other.openssl == Some(openssl));
                assert_eq!(others.count(), 1, "{openssl} is not unique");
            }
            assert_eq!(
                info.tls13_only,
                info.key_exchange == KeyExchange::Tls13,
                "{iana}"
            );
            assert_eq!(info.tls12_only, info.min_version == Tls1_2, "{iana}");
            assert_eq!(info.aead(), info.mac == Mac::Aead, "{iana}");
            if info.aead() {
                assert!(info.min_version >= Tls1_2, "{iana}");
            }
            assert_eq!(info.export, iana.contains("EXPORT"), "{iana}");
            if info.export {
                assert!(info.effective_bits() <= 56, "{iana}");
            }
            assert_eq!(
                info.weaknesses().contains(&NoForwardSecrecy),
                !info.forward_secret()
            );
        }
    }

    /// The registry ships in a size-budgeted wasm bundle. On wasm32 a row is 28 bytes (a `u16`,
    /// two 8-byte string slices, eight one-byte fields), plus the strings it points to.
    #[test]
    fn registry_fits_its_size_budget() {
        let strings: usize = SUITES
            .iter()
            .map(|info| info.iana.len() + info.openssl.map_or(0, str::len))
            .sum();
        let bytes = SUITES.len() * 28 + strings;
        assert!(bytes < 25 * 1024, "{bytes} bytes");
    }

    #[test]
    fn names_round_trip_through_json() {
        let name = classify(" (ECDHE-RSA-AES256-GCM-SHA384), ");
        let json = serde_json::to_string(&name).unwrap();
        assert_eq!(
            json,
            r#"{"written":"ECDHE-RSA-AES256-GCM-SHA384","dialect":"OpenSsl","suite":49200}"#
        );
        assert_eq!(serde_json::from_str::<CipherName>(&json).unwrap(), name);

        let unknown = classify("OTHER");
        let json = serde_json::to_string(&unknown).unwrap();
        assert_eq!(
            json,
            r#"{"written":"OTHER","dialect":"Unknown","suite":null}"#
        );
        assert_eq!(serde_json::from_str::<CipherName>(&json).unwrap(), unknown);

        let info = CipherSuite::TLS_AES_128_GCM_SHA256.info().unwrap();
        let value = serde_json::to_value(info).unwrap();
        assert_eq!(value["iana"], "TLS_AES_128_GCM_SHA256");
        assert_eq!(value["min_version"], "TLSv1.3");
        assert_eq!(value["code"], 0x1301);
    }
}
