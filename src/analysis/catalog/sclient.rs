//! Catalogue entries for `openssl s_client` transcripts: whether STARTTLS was offered, the
//! session, the verify result, and what the transcript can't show.

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &SCLIENT_CONNECT_FAILED,
    &SCLIENT_STARTTLS_NOT_OFFERED,
    &SCLIENT_HANDSHAKE_FAILED,
    &SCLIENT_NOT_SMTP_STARTTLS,
    &SCLIENT_SESSION,
    &SCLIENT_TLS_DEPRECATED,
    &SCLIENT_NO_FORWARD_SECRECY,
    &SCLIENT_WEAK_KEY_EXCHANGE,
    &SCLIENT_POST_QUANTUM,
    &SCLIENT_VERIFY_OK,
    &SCLIENT_VERIFY_FAILED,
    &SCLIENT_NAME_NOT_CHECKED,
    &SCLIENT_STDERR_MISSING,
    &SCLIENT_NO_CHAIN,
    &SCLIENT_REQUIRETLS_ADVERTISED,
];

/// No TCP connection.
pub static SCLIENT_CONNECT_FAILED: Entry = Entry {
    code: "SCLIENT_CONNECT_FAILED",
    severity: Warning,
    title: "openssl could not connect",
    detail: "The transcript ends before any TLS: the TCP connection failed. A timeout on port 25 \
             usually means the network you ran the command from blocks outgoing port 25 (most \
             home ISPs and cloud providers do, to stop spam), not that the MX is down. A refusal \
             means nothing listens on that address and port; a lookup error means the name does \
             not resolve.",
    fix: "Run the command from a server that may connect out on port 25 (a mail server, or a VPS \
          whose provider unblocked it), and check the host name and port.",
    refs: &[("RFC 5321", "§3.1")],
};

/// "Didn't find STARTTLS in server response".
pub static SCLIENT_STARTTLS_NOT_OFFERED: Entry = Entry {
    code: "SCLIENT_STARTTLS_NOT_OFFERED",
    severity: Critical,
    title: "The server did not offer STARTTLS",
    detail: "openssl found no STARTTLS in the server's EHLO reply (\"Didn't find STARTTLS in \
             server response, trying anyway\"). Senders deliver to this host in cleartext, and \
             under MTA-STS enforce or DANE they refuse to deliver to it at all. If the server is \
             configured for TLS, a firewall's SMTP inspection or a filtering proxy in between may \
             be removing the offer.",
    fix: "Enable STARTTLS with a valid certificate on this MX, and test again from outside your \
          network so that nothing in between rewrites the EHLO reply.",
    refs: &[("RFC 3207", "§4"), ("RFC 8461", "§5")],
};

/// The handshake did not complete.
pub static SCLIENT_HANDSHAKE_FAILED: Entry = Entry {
    code: "SCLIENT_HANDSHAKE_FAILED",
    severity: Critical,
    title: "The TLS handshake failed",
    detail: "openssl connected but no TLS session was established (\"Cipher is (NONE)\" or \"no \
             peer certificate available\"). After a refused STARTTLS, \"wrong version number\" \
             means the server answered in plain SMTP. Otherwise the two sides share no protocol \
             version or cipher, or the server has no usable certificate. Some senders then retry \
             in cleartext; MTA-STS and DANE senders defer.",
    fix: "Read the error line openssl printed; make sure the server offers TLS 1.2 and 1.3 with \
          current cipher suites and has a certificate and key configured.",
    refs: &[("RFC 3207", "§4.1"), ("RFC 8996", "")],
};

/// Not an SMTP STARTTLS transcript on port 25.
pub static SCLIENT_NOT_SMTP_STARTTLS: Entry = Entry {
    code: "SCLIENT_NOT_SMTP_STARTTLS",
    severity: Notice,
    title: "This transcript is not SMTP STARTTLS on port 25",
    detail: "Other mail servers deliver to your MX on port 25 with STARTTLS. A transcript of \
             implicit TLS (ports 465, 993, 995) or of submission (587) tests a different service, \
             which may have a different certificate and TLS settings.",
    fix: "Test the MX as senders see it: openssl s_client -starttls smtp -connect <mx>:25.",
    refs: &[("RFC 3207", ""), ("RFC 8314", "§3.3")],
};

/// The session's protocol and suite.
pub static SCLIENT_SESSION: Entry = Entry {
    code: "SCLIENT_SESSION",
    severity: Ok,
    title: "TLS session established",
    detail: "The server agreed to STARTTLS and completed a TLS handshake with this protocol \
             version and cipher suite. Different senders may negotiate differently, depending on \
             what they offer.",
    fix: "",
    refs: &[("RFC 3207", ""), ("RFC 8446", "")],
};

/// TLS 1.0/1.1 or SSL.
pub static SCLIENT_TLS_DEPRECATED: Entry = Entry {
    code: "SCLIENT_TLS_DEPRECATED",
    severity: Warning,
    title: "The server negotiated a deprecated protocol version",
    detail: "TLS 1.0 and 1.1 are deprecated and SSL 3.0 is broken. Between MX hosts an old \
             version still beats cleartext, but a server that picks it when the client offers \
             TLS 1.2 or 1.3 is badly configured or very old.",
    fix: "Enable TLS 1.2 and TLS 1.3 on the server, then disable older versions.",
    refs: &[("RFC 8996", ""), ("RFC 7568", "")],
};

/// A suite without forward secrecy.
pub static SCLIENT_NO_FORWARD_SECRECY: Entry = Entry {
    code: "SCLIENT_NO_FORWARD_SECRECY",
    severity: Warning,
    title: "The cipher suite has no forward secrecy",
    detail: "With a static RSA key exchange, anyone who later obtains the server's private key \
             can decrypt recorded sessions.",
    fix: "Prefer ECDHE suites (and TLS 1.3) in the server's cipher configuration.",
    refs: &[("RFC 9325", ""), ("NIST SP 800-52r2", "§3.3.1")],
};

/// A small finite-field DH group.
pub static SCLIENT_WEAK_KEY_EXCHANGE: Entry = Entry {
    code: "SCLIENT_WEAK_KEY_EXCHANGE",
    severity: Warning,
    title: "The key exchange uses a small Diffie-Hellman group",
    detail: "Finite-field Diffie-Hellman below 2048 bits is within reach of well-funded attackers \
             (Logjam showed 512- and 768-bit groups broken in practice; 1024-bit is considered \
             weak).",
    fix: "Configure a 2048-bit or larger DH group, or prefer ECDHE (X25519, P-256).",
    refs: &[("RFC 7919", "§1"), ("NIST SP 800-52r2", "§3.3.1")],
};

/// A hybrid post-quantum group.
pub static SCLIENT_POST_QUANTUM: Entry = Entry {
    code: "SCLIENT_POST_QUANTUM",
    severity: Ok,
    title: "The key exchange is hybrid post-quantum",
    detail: "The session used a hybrid group that combines a classical exchange with ML-KEM, so \
             recorded traffic stays confidential even against a future quantum computer, as long \
             as either part holds.",
    fix: "",
    refs: &[("draft-ietf-tls-ecdhe-mlkem", "")],
};

/// Verify return code 0.
pub static SCLIENT_VERIFY_OK: Entry = Entry {
    code: "SCLIENT_VERIFY_OK",
    severity: Ok,
    title: "The certificate verified",
    detail: "openssl built a chain from the server's certificate to a CA in its trust store \
             (\"Verify return code: 0 (ok)\"). What that store contains depends on the machine \
             that ran the command, and whether the host name was checked depends on \
             -verify_hostname.",
    fix: "",
    refs: &[("RFC 8461", "§4.2")],
};

/// Verify return code other than 0.
pub static SCLIENT_VERIFY_FAILED: Entry = Entry {
    code: "SCLIENT_VERIFY_FAILED",
    severity: Warning,
    title: "The certificate did not verify",
    detail: "openssl could not validate the certificate. Opportunistic senders deliver anyway \
             (encrypted, unauthenticated); senders applying MTA-STS in enforce mode or DANE-TA \
             refuse, and DANE-EE (3 1 1) senders ignore names and dates but need the TLSA record \
             to match.",
    fix: "See the meaning of the code below; after fixing, run the command again.",
    refs: &[("RFC 8461", "§4.2"), ("RFC 7672", "§3.1")],
};

/// No -verify_hostname.
pub static SCLIENT_NAME_NOT_CHECKED: Entry = Entry {
    code: "SCLIENT_NAME_NOT_CHECKED",
    severity: Notice,
    title: "The host name was not checked",
    detail: "Without -verify_hostname, openssl checks only that the chain leads to a trusted CA: \
             \"Verify return code: 0 (ok)\" would also appear for a valid certificate issued to \
             a completely different name. MTA-STS senders check the MX host name against the \
             certificate's subject alternative names.",
    fix: "Run the command again with -verify_hostname <mx host> (and -servername <mx host>).",
    refs: &[("RFC 8461", "§4.2"), ("RFC 9525", "§6")],
};

/// stderr not captured.
pub static SCLIENT_STDERR_MISSING: Entry = Entry {
    code: "SCLIENT_STDERR_MISSING",
    severity: Notice,
    title: "The transcript seems to lack openssl's error output",
    detail: "openssl prints the per-certificate verify lines (depth=…, verify error:…), \
             \"Didn't find STARTTLS\" and handshake errors on standard error. Without 2>&1 they \
             are not in the paste, so the reason for a failure may be missing.",
    fix: "Run the command again with 2>&1 at the end, as shown in the commands.",
    refs: &[],
};

/// Only the leaf shown.
pub static SCLIENT_NO_CHAIN: Entry = Entry {
    code: "SCLIENT_NO_CHAIN",
    severity: Notice,
    title: "Only the server's own certificate is in the transcript",
    detail: "Without -showcerts, openssl prints just the leaf certificate, so the intermediates \
             the server sends can't be checked here.",
    fix: "Run the command again with -showcerts.",
    refs: &[],
};

/// REQUIRETLS in the post-TLS EHLO reply.
pub static SCLIENT_REQUIRETLS_ADVERTISED: Entry = Entry {
    code: "SCLIENT_REQUIRETLS_ADVERTISED",
    severity: Ok,
    title: "The server advertises REQUIRETLS after STARTTLS",
    detail: "The EHLO reply inside the TLS session lists REQUIRETLS, so this server accepts \
             messages whose senders demand TLS on every hop.",
    fix: "",
    refs: &[("RFC 8689", "§2")],
};
