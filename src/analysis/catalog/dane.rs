//! Catalogue entries for DANE TLSA records (RFC 6698, RFC 7671, RFC 7672).

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &TLSA_MALFORMED,
    &TLSA_DIGEST_LENGTH,
    &TLSA_EMPTY_HASH,
    &TLSA_UNKNOWN_PARAMETER,
    &TLSA_PKIX_USAGE,
    &TLSA_OWNER_NOT_SMTP,
    &TLSA_EE_CERT_SELECTOR,
    &TLSA_RECORD_MATCHES,
    &TLSA_RECORD_NO_MATCH,
    &TLSA_EE_MATCHES_ISSUER,
    &TLSA_TA_NOT_SERVED,
    &DANE_NO_MATCH,
    &DANE_DIGEST_DOWNGRADE,
    &DANE_NO_USABLE_RECORDS,
    &DANE_NOTHING_TO_MATCH,
    &DANE_DNSSEC_VALIDATED,
    &DANE_DNSSEC_NOT_VALIDATED,
    &DANE_DNSSEC_UNKNOWN,
    &DANE_ROLLOVER_SINGLE_KEY,
];

/// Unreadable record.
pub static TLSA_MALFORMED: Entry = Entry {
    code: "TLSA_MALFORMED",
    severity: Warning,
    title: "TLSA record is malformed",
    detail: "A TLSA record is three numbers (usage, selector, matching type) and hexadecimal \
             data; spaces inside the hex are allowed. Clients ignore a record they can't read.",
    fix: "Regenerate the record from the certificate (mailtls shows the lines to publish).",
    refs: &[("RFC 6698", "§2.2")],
};

/// Digest of the wrong length.
pub static TLSA_DIGEST_LENGTH: Entry = Entry {
    code: "TLSA_DIGEST_LENGTH",
    severity: Warning,
    title: "TLSA digest has the wrong length",
    detail: "Matching type 1 is a SHA-256 digest of 32 bytes (64 hex digits) and type 2 a \
             SHA-512 digest of 64 bytes. A record of another length can never match.",
    fix: "Regenerate the record with SHA-256 (e.g. `openssl x509 -noout -pubkey | openssl pkey \
          -pubin -outform DER | openssl sha256`).",
    refs: &[("RFC 6698", "§2.1.3")],
};

/// The hash of nothing.
pub static TLSA_EMPTY_HASH: Entry = Entry {
    code: "TLSA_EMPTY_HASH",
    severity: Warning,
    title: "TLSA data is the hash of empty input",
    detail: "This value (e3b0c442… for SHA-256) is what a hash command prints when it reads \
             nothing. It has caused real DANE outages: the record can never match.",
    fix: "Rerun the command on the certificate file that the mail server actually uses.",
    refs: &[("RFC 6698", "§2.1.3")],
};

/// Unknown usage/selector/matching type.
pub static TLSA_UNKNOWN_PARAMETER: Entry = Entry {
    code: "TLSA_UNKNOWN_PARAMETER",
    severity: Warning,
    title: "TLSA parameter not defined",
    detail: "Usage 0–3, selector 0–1 and matching type 0–2 are defined; clients treat a record \
             with other values as unusable.",
    fix: "Publish 3 1 1 (and 2 0 1 for your CA) instead.",
    refs: &[("RFC 6698", "§7"), ("RFC 7672", "§3.1")],
};

/// Usage 0/1 for SMTP.
pub static TLSA_PKIX_USAGE: Entry = Entry {
    code: "TLSA_PKIX_USAGE",
    severity: Warning,
    title: "PKIX usage in a TLSA record for SMTP",
    detail: "Usages PKIX-TA(0) and PKIX-EE(1) need a trust store that SMTP senders don't share, \
             so RFC 7672 says servers should not publish them and clients may treat them as \
             unusable. OpenSSL's generic DANE code accepts them; mailtls judges them as SMTP \
             senders do.",
    fix: "Replace them with DANE-EE 3 1 1 and DANE-TA 2 0 1 records.",
    refs: &[("RFC 7672", "§3.1.3")],
};

/// Owner is not _25._tcp.
pub static TLSA_OWNER_NOT_SMTP: Entry = Entry {
    code: "TLSA_OWNER_NOT_SMTP",
    severity: Warning,
    title: "TLSA owner name is not for SMTP on port 25",
    detail: "Senders look up TLSA records at _25._tcp.<MX host>, where the MX host is the MX \
             record's target after CNAME expansion. Records elsewhere don't apply to mail \
             delivery.",
    fix: "Publish the records at _25._tcp.<your MX host name>.",
    refs: &[("RFC 7672", "§2.2.3")],
};

/// 3 0 x.
pub static TLSA_EE_CERT_SELECTOR: Entry = Entry {
    code: "TLSA_EE_CERT_SELECTOR",
    severity: Notice,
    title: "DANE-EE record pins the whole certificate",
    detail: "A 3 0 x record changes at every renewal, even when the key is reused, so it must be \
             replaced (ahead of time) each time. 3 1 1 pins only the key.",
    fix: "Publish 3 1 1 for the key instead.",
    refs: &[("RFC 7671", "§5.1")],
};

/// A record matches.
pub static TLSA_RECORD_MATCHES: Entry = Entry {
    code: "TLSA_RECORD_MATCHES",
    severity: Ok,
    title: "TLSA record matches",
    detail: "DANE senders accept the server when any usable record matches the chain it sends.",
    fix: "",
    refs: &[("RFC 7672", "§3.1")],
};

/// A usable record matches nothing.
pub static TLSA_RECORD_NO_MATCH: Entry = Entry {
    code: "TLSA_RECORD_NO_MATCH",
    severity: Notice,
    title: "TLSA record matches nothing in the chain",
    detail: "During a key rollover, a record for the next key is expected to match nothing yet; \
             otherwise it is stale. A stale record is harmless only while another one matches.",
    fix: "If it is not the next key's record, remove it.",
    refs: &[("RFC 7671", "§8.1")],
};

/// 3 x x matches an issuer.
pub static TLSA_EE_MATCHES_ISSUER: Entry = Entry {
    code: "TLSA_EE_MATCHES_ISSUER",
    severity: Warning,
    title: "DANE-EE record pins a CA, not the server",
    detail: "Usage 3 (DANE-EE) matches only the server's own certificate. This one was made from \
             a CA certificate in the chain, so it never matches; for a CA, usage 2 (DANE-TA) is \
             meant.",
    fix: "Publish 3 1 1 made from the server certificate, or change this record to usage 2.",
    refs: &[("RFC 7671", "§5.1"), ("RFC 7671", "§5.2")],
};

/// 2 x x pins a root the server doesn't send.
pub static TLSA_TA_NOT_SERVED: Entry = Entry {
    code: "TLSA_TA_NOT_SERVED",
    severity: Warning,
    title: "DANE-TA record pins a CA the server doesn't send",
    detail: "With DANE-TA the server must include the pinned CA's certificate in its chain, even \
             a self-signed root, because senders have no root store to find it in.",
    fix: "Add the root to the chain the server sends, or pin an intermediate it sends.",
    refs: &[("RFC 7672", "§3.1.2")],
};

/// No usable record matches.
pub static DANE_NO_MATCH: Entry = Entry {
    code: "DANE_NO_MATCH",
    severity: Critical,
    title: "No TLSA record matches the server's chain",
    detail: "With DNSSEC-signed TLSA records, DANE senders (Postfix, Exim, Microsoft 365, many \
             large providers) refuse to deliver when no usable record matches, and queue the \
             mail. Typically the key changed at renewal and the records were not updated.",
    fix: "Publish 3 1 1 for the current key (shown below) now; keep the old record until the \
          new one has been visible for twice its TTL, then remove the old one.",
    refs: &[("RFC 7672", "§2.2"), ("RFC 7671", "§8.1")],
};

/// Stale strongest digest.
pub static DANE_DIGEST_DOWNGRADE: Entry = Entry {
    code: "DANE_DIGEST_DOWNGRADE",
    severity: Critical,
    title: "Stale SHA-512 record hides a good SHA-256 one",
    detail: "Clients may use only the strongest digest present for each usage and selector, \
             ignoring the weaker records. Here the strongest ones match nothing, so those clients \
             fail even though a weaker record matches.",
    fix: "Update or remove the records with the stronger digest so every record matches.",
    refs: &[("RFC 7671", "§9")],
};

/// Only unusable records.
pub static DANE_NO_USABLE_RECORDS: Entry = Entry {
    code: "DANE_NO_USABLE_RECORDS",
    severity: Warning,
    title: "No usable TLSA record",
    detail: "Every TLSA record is malformed or of a usage SMTP senders don't use. If the records \
             are DNSSEC-signed, DANE senders still insist on TLS but can't authenticate the \
             server: encryption without authentication.",
    fix: "Publish 3 1 1 for the server's key (shown below).",
    refs: &[("RFC 7672", "§2.2")],
};

/// Records but no certificate.
pub static DANE_NOTHING_TO_MATCH: Entry = Entry {
    code: "DANE_NOTHING_TO_MATCH",
    severity: Notice,
    title: "No certificate to match the TLSA records against",
    detail: "The TLSA records were read, but no certificate was given, so mailtls can't tell \
             whether they match.",
    fix: "Paste the chain your server sends: `openssl s_client -starttls smtp -connect \
          mx.example.com:25 -servername mx.example.com -showcerts </dev/null 2>&1`.",
    refs: &[("RFC 7672", "§3.1")],
};

/// ad flag set.
pub static DANE_DNSSEC_VALIDATED: Entry = Entry {
    code: "DANE_DNSSEC_VALIDATED",
    severity: Ok,
    title: "TLSA answer was DNSSEC-validated",
    detail: "dig shows the ad (authenticated data) flag, so the resolver validated the TLSA \
             answer and DANE senders will use it. The MX records must be DNSSEC-signed too.",
    fix: "",
    refs: &[("RFC 7672", "§2.2")],
};

/// dig output without ad.
pub static DANE_DNSSEC_NOT_VALIDATED: Entry = Entry {
    code: "DANE_DNSSEC_NOT_VALIDATED",
    severity: Warning,
    title: "TLSA answer was not DNSSEC-validated",
    detail: "TLSA records mean nothing without DNSSEC: senders use them only when the answer \
             validates. This answer lacks the ad flag, so either the zone is not signed or the \
             resolver does not validate.",
    fix: "Sign the zone (and the MX host's zone) with DNSSEC, and check again with a validating \
          resolver.",
    refs: &[("RFC 7672", "§2.2"), ("RFC 4035", "§3.2.3")],
};

/// DNSSEC state not shown.
pub static DANE_DNSSEC_UNKNOWN: Entry = Entry {
    code: "DANE_DNSSEC_UNKNOWN",
    severity: Notice,
    title: "DNSSEC status not shown",
    detail: "TLSA records count only when DNSSEC validates them, and this paste doesn't show \
             whether it did: `dig +short` and zone files hide the ad flag. The command below \
             prints it.",
    fix: "Paste the output of the dig command shown here.",
    refs: &[("RFC 7672", "§2.2")],
};

/// Only the current key is pinned.
pub static DANE_ROLLOVER_SINGLE_KEY: Entry = Entry {
    code: "DANE_ROLLOVER_SINGLE_KEY",
    severity: Notice,
    title: "TLSA records pin only the current key",
    detail: "The matching records pin this exact key, so the next key change breaks delivery \
             from DANE senders unless the new key's record was published in time. certbot makes \
             a new key at every renewal unless run with --reuse-key.",
    fix: "Before each key change publish the next key's 3 1 1 beside the current one, at least \
          twice the TTL ahead; or add 2 0 1 for your CA so any new key it certifies matches.",
    refs: &[("RFC 7671", "§8.1"), ("RFC 7672", "§3.1")],
};
