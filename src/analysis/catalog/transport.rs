//! Catalogue entries for the transport path read from `Received:` and related header fields.

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &PATH_ALL_ENCRYPTED,
    &PATH_ENCRYPTION_INCOMPLETE,
    &PATH_AUTHENTICATION_NOT_VISIBLE,
    &PATH_BORDER_INFERRED,
    &PATH_BORDER_GIVEN,
    &PATH_BORDER_NOT_FOUND,
    &HOP_PLAINTEXT,
    &HOP_ENCRYPTION_UNKNOWN,
    &HOP_INTERNAL_PLAINTEXT,
    &HOP_SSL2,
    &HOP_SSL3,
    &HOP_TLS_DEPRECATED,
    &HOP_VERSION_IS_CIPHER_MINIMUM,
    &HOP_VERSION_CIPHER_MISMATCH,
    &HOP_CIPHER_NULL,
    &HOP_CIPHER_EXPORT,
    &HOP_CIPHER_DES,
    &HOP_CIPHER_RC4,
    &HOP_CIPHER_3DES,
    &HOP_CIPHER_ANONYMOUS,
    &HOP_CIPHER_NO_FORWARD_SECRECY,
    &HOP_CIPHER_UNRECOGNISED,
    &HOP_CLOCK_SKEW,
    &HOP_LONG_DELAY,
    &HOP_DATE_MISSING,
    &HOP_UNREADABLE,
    &HDR_NO_RECEIVED,
    &HDR_TLS_REQUIRED_NO,
    &HDR_AUTHENTICATION_RESULTS,
    &HDR_EMBEDDED_MESSAGE,
    &HDR_TOO_MANY_HOPS,
];

/// Every public hop was encrypted.
pub static PATH_ALL_ENCRYPTED: Entry = Entry {
    code: "PATH_ALL_ENCRYPTED",
    severity: Ok,
    title: "Every public hop used TLS",
    detail: "Each hop between different operators recorded a TLS session, so the message was \
             encrypted on every stretch of the public internet the headers describe. TLS \
             protects the connection, not the stored message: every server on the way saw it in \
             clear text.",
    fix: "",
    refs: &[("RFC 3207", ""), ("RFC 3848", "")],
};

/// Some public hops don't say whether they used TLS.
pub static PATH_ENCRYPTION_INCOMPLETE: Entry = Entry {
    code: "PATH_ENCRYPTION_INCOMPLETE",
    severity: Notice,
    title: "Not every public hop says whether it used TLS",
    detail: "No hop is recorded as plaintext, but at least one public hop was written by software \
             that does not always note TLS in its Received line. Unknown is not the same as \
             plaintext.",
    fix: "Check the logs of the server that wrote the unknown hop, or send a test message \
          through it and look for TLS in its log line.",
    refs: &[("RFC 5321", "§4.4")],
};

/// Headers never show server authentication.
pub static PATH_AUTHENTICATION_NOT_VISIBLE: Entry = Entry {
    code: "PATH_AUTHENTICATION_NOT_VISIBLE",
    severity: Notice,
    title: "Headers cannot show whether the receiving servers were authenticated",
    detail: "A Received line records that TLS was used, never whether the sending server checked \
             the receiver's certificate. Most MX-to-MX TLS is opportunistic: it encrypts, but an \
             attacker on the path could have stripped STARTTLS or presented their own \
             certificate. Fields such as verify=NO or \"No client certificate requested\" are \
             about the client's certificate, and verify=NO is normal between MX hosts. Only \
             MTA-STS in enforce mode or DANE make a sender authenticate the receiver.",
    fix: "To protect mail sent to your domain, publish an MTA-STS policy in enforce mode or \
          DNSSEC-signed DANE TLSA records, and TLS-RPT to hear about failures.",
    refs: &[("RFC 7435", ""), ("RFC 8461", "§5"), ("RFC 7672", "§2.2")],
};

/// The trust boundary was inferred.
pub static PATH_BORDER_INFERRED: Entry = Entry {
    code: "PATH_BORDER_INFERRED",
    severity: Notice,
    title: "Lines below the recipient's border were written by others",
    detail: "Each server adds its Received line on top of the ones it got. The lines written by \
             the recipient's own servers can be trusted; everything below the first of them was \
             in the message when it arrived and could have been forged by the sender. mailtls \
             guessed where the recipient's side begins from the host names; name your MX hosts \
             to set it exactly.",
    fix: "Enter your MX host names so the border is exact rather than guessed.",
    refs: &[("RFC 5321", "§4.4")],
};

/// The trust boundary was set from the user's MX hosts.
pub static PATH_BORDER_GIVEN: Entry = Entry {
    code: "PATH_BORDER_GIVEN",
    severity: Ok,
    title: "Border set from your MX hosts",
    detail: "The hops from your own MX upward were written by your servers and can be trusted. \
             Lines below it were in the message when it arrived; they are the sender's claim and \
             could be forged.",
    fix: "",
    refs: &[("RFC 5321", "§4.4")],
};

/// The user's MX hosts don't appear in the headers.
pub static PATH_BORDER_NOT_FOUND: Entry = Entry {
    code: "PATH_BORDER_NOT_FOUND",
    severity: Warning,
    title: "None of your MX hosts appears in these headers",
    detail: "No Received line was written by a host you named as your MX, so mailtls cannot tell \
             which lines your servers wrote. Either the message reached you another way (a \
             forwarder, a gateway, a different MX) or the names don't match what your servers \
             write in their Received lines.",
    fix: "Check the host names you entered against the \"by\" part of the top Received lines.",
    refs: &[("RFC 5321", "§4.4")],
};

/// A public hop without TLS.
pub static HOP_PLAINTEXT: Entry = Entry {
    code: "HOP_PLAINTEXT",
    severity: Critical,
    title: "A public hop carried the message without TLS",
    detail: "This hop's Received line says the connection did not use TLS, and the software that \
             wrote it always marks TLS when it is used. Anyone on the network path could read \
             the message. Either the sending server does not do STARTTLS, or the receiving \
             server did not offer it, or an attacker removed the STARTTLS offer (a downgrade), \
             which opportunistic TLS cannot detect.",
    fix: "Make sure both servers offer and use STARTTLS. To stop downgrades for mail to your \
          domain, publish MTA-STS in enforce mode or DANE TLSA records; senders that honour \
          them refuse to deliver in plaintext.",
    refs: &[("RFC 3207", ""), ("RFC 8461", "§5"), ("RFC 7672", "§2.2")],
};

/// A public hop whose Received line doesn't say.
pub static HOP_ENCRYPTION_UNKNOWN: Entry = Entry {
    code: "HOP_ENCRYPTION_UNKNOWN",
    severity: Notice,
    title: "This hop doesn't say whether it used TLS",
    detail: "The Received line has no TLS details, and the software that wrote it does not \
             always record TLS when it is used (Exchange, qmail and many appliances leave it \
             out). It may well have been encrypted.",
    fix: "",
    refs: &[("RFC 3848", "")],
};

/// An internal hop without TLS.
pub static HOP_INTERNAL_PLAINTEXT: Entry = Entry {
    code: "HOP_INTERNAL_PLAINTEXT",
    severity: Notice,
    title: "An internal hop did not use TLS",
    detail: "The message moved between hosts of the same operator (loopback, a private address, \
             local delivery or the same provider's relays) without TLS. That is common and not \
             a path exposure in the sense of a public hop, but it is cleartext on that network.",
    fix: "If the internal network is shared or spans data centres, enable TLS between these \
          hosts too.",
    refs: &[("RFC 3848", "")],
};

/// SSL 2.0.
pub static HOP_SSL2: Entry = Entry {
    code: "HOP_SSL2",
    severity: Critical,
    title: "SSL 2.0 was used",
    detail: "SSL 2.0 is prohibited: it has no protection against downgrades, weak MACs and \
             export-grade keys. Its encryption cannot be relied on.",
    fix: "Disable SSL 2.0 on both servers; allow TLS 1.2 and TLS 1.3 only.",
    refs: &[("RFC 6176", "§3"), ("NIST SP 800-52r2", "§3.1")],
};

/// SSL 3.0.
pub static HOP_SSL3: Entry = Entry {
    code: "HOP_SSL3",
    severity: Warning,
    title: "SSL 3.0 was used",
    detail: "SSL 3.0 is deprecated and broken (POODLE). Between mail servers it still beats \
             cleartext, which is why this is a warning and not critical, but an active attacker \
             can decrypt parts of such a session.",
    fix: "Disable SSL 3.0 on both servers; allow TLS 1.2 and TLS 1.3 only.",
    refs: &[
        ("RFC 7568", "§3"),
        ("RFC 7435", ""),
        ("NIST SP 800-52r2", "§3.1"),
    ],
};

/// TLS 1.0 or 1.1.
pub static HOP_TLS_DEPRECATED: Entry = Entry {
    code: "HOP_TLS_DEPRECATED",
    severity: Warning,
    title: "A deprecated TLS version was used",
    detail: "TLS 1.0 and 1.1 are deprecated: they lack modern cipher suites and rely on MD5 and \
             SHA-1 in the handshake. Between MX hosts old TLS is still better than cleartext, so \
             this is a warning. For submission and mail access, TLS 1.2 is the minimum.",
    fix: "Upgrade or reconfigure the server that negotiated it to support TLS 1.2 and TLS 1.3, \
          then disable TLS 1.0 and 1.1.",
    refs: &[
        ("RFC 8996", "§4"),
        ("RFC 8996", "§5"),
        ("RFC 8997", ""),
        ("NIST SP 800-52r2", "§3.1"),
    ],
};

/// `version=TLSv1/SSLv3` and similar: the cipher's minimum version.
pub static HOP_VERSION_IS_CIPHER_MINIMUM: Entry = Entry {
    code: "HOP_VERSION_IS_CIPHER_MINIMUM",
    severity: Notice,
    title: "The version written here is the cipher's minimum, not the negotiated version",
    detail: "Sendmail and Haraka write the version OpenSSL or Node.js report for the cipher \
             suite, which is the oldest protocol the suite works with (OpenSSL 1.0 even prints \
             \"TLSv1/SSLv3\" for TLS 1.2-only suites). The real protocol may have been newer, so \
             mailtls judges this hop by its cipher and raises no old-version finding.",
    fix: "",
    refs: &[("RFC 5246", "App. A.5")],
};

/// The stated version contradicts the cipher.
pub static HOP_VERSION_CIPHER_MISMATCH: Entry = Entry {
    code: "HOP_VERSION_CIPHER_MISMATCH",
    severity: Notice,
    title: "The TLS version and the cipher suite don't fit together",
    detail: "The Received line names a cipher suite that is not defined for the stated TLS \
             version. Some software prints cipher names in an older style; mailtls kept the \
             stated version and mapped the cipher to its closest equivalent.",
    fix: "",
    refs: &[("RFC 8446", "§B.4"), ("RFC 5246", "App. A.5")],
};

/// NULL cipher.
pub static HOP_CIPHER_NULL: Entry = Entry {
    code: "HOP_CIPHER_NULL",
    severity: Critical,
    title: "A NULL cipher was used: nothing was encrypted",
    detail: "The negotiated suite authenticates the records but does not encrypt them, so the \
             message crossed this hop readable by anyone on the path.",
    fix: "Remove NULL suites from both servers' cipher lists.",
    refs: &[("NIST SP 800-52r2", "§3.3.1")],
};

/// Export-grade cipher.
pub static HOP_CIPHER_EXPORT: Entry = Entry {
    code: "HOP_CIPHER_EXPORT",
    severity: Critical,
    title: "An export-grade cipher was used",
    detail: "Export suites use 40- or 56-bit keys that can be broken in hours; they are also the \
             basis of the FREAK and Logjam downgrade attacks.",
    fix: "Remove EXPORT suites from both servers' cipher lists.",
    refs: &[("NIST SP 800-52r2", "§3.3.1")],
};

/// Single DES.
pub static HOP_CIPHER_DES: Entry = Entry {
    code: "HOP_CIPHER_DES",
    severity: Critical,
    title: "Single DES was used",
    detail: "Single DES has a 56-bit key, which can be searched exhaustively; the session \
             offered no real confidentiality against a motivated attacker.",
    fix: "Remove DES suites; prefer AES-GCM or ChaCha20-Poly1305 with ECDHE.",
    refs: &[("NIST SP 800-52r2", "§3.3.1")],
};

/// RC4.
pub static HOP_CIPHER_RC4: Entry = Entry {
    code: "HOP_CIPHER_RC4",
    severity: Warning,
    title: "RC4 was used",
    detail: "RC4 has statistical biases that leak plaintext and is prohibited in TLS. Between \
             mail servers it still beats cleartext, so this is a warning.",
    fix: "Remove RC4 suites from both servers; prefer AES-GCM or ChaCha20-Poly1305 with ECDHE.",
    refs: &[("RFC 7465", "§2"), ("NIST SP 800-52r2", "§3.3.1")],
};

/// Triple DES.
pub static HOP_CIPHER_3DES: Entry = Entry {
    code: "HOP_CIPHER_3DES",
    severity: Warning,
    title: "Triple DES was used",
    detail: "3DES has a 64-bit block, so long sessions leak data through block collisions \
             (SWEET32, CVE-2016-2183); NIST no longer allows it for TLS.",
    fix: "Remove 3DES suites; prefer AES-GCM or ChaCha20-Poly1305 with ECDHE.",
    refs: &[("NIST SP 800-52r2", "§3.3.1")],
};

/// Anonymous key exchange.
pub static HOP_CIPHER_ANONYMOUS: Entry = Entry {
    code: "HOP_CIPHER_ANONYMOUS",
    severity: Notice,
    title: "An anonymous cipher suite was used",
    detail: "Anonymous (ADH/AECDH) suites encrypt without any server certificate, so the \
             receiving server could not have been authenticated even in principle. MTAs such \
             as Postfix allow them for opportunistic TLS, where nobody authenticates anyway; it \
             is not a weakness of the encryption itself.",
    fix: "Nothing for opportunistic TLS. A server that publishes MTA-STS or DANE must present \
          a certificate, which senders that enforce those policies require.",
    refs: &[("RFC 7435", ""), ("RFC 7672", "§2.2")],
};

/// Static RSA or DH key exchange.
pub static HOP_CIPHER_NO_FORWARD_SECRECY: Entry = Entry {
    code: "HOP_CIPHER_NO_FORWARD_SECRECY",
    severity: Notice,
    title: "No forward secrecy on this hop",
    detail: "The suite uses static RSA (or static DH) key exchange: the session key is sent \
             encrypted under the server's long-term key. Anyone who recorded the traffic and \
             later obtains that key can decrypt it. ECDHE and DHE suites, and every TLS 1.3 \
             suite, don't have this problem.",
    fix: "Prefer ECDHE suites (and TLS 1.3) on the receiving server.",
    refs: &[("NIST SP 800-52r2", "§3.3.1"), ("RFC 8422", "")],
};

/// A cipher name we don't know.
pub static HOP_CIPHER_UNRECOGNISED: Entry = Entry {
    code: "HOP_CIPHER_UNRECOGNISED",
    severity: Notice,
    title: "The cipher name isn't one mailtls recognises",
    detail: "The name is kept as written, but mailtls could not map it to an IANA cipher suite, \
             so it could not judge its strength.",
    fix: "",
    refs: &[],
};

/// Negative delay.
pub static HOP_CLOCK_SKEW: Entry = Entry {
    code: "HOP_CLOCK_SKEW",
    severity: Notice,
    title: "Clock skew: a hop is dated before the one below it",
    detail: "A server stamped the message earlier than the server before it, which is \
             impossible in real time. One of the clocks is wrong (or a time zone is). The delay \
             is shown as skew, not as a real delay.",
    fix: "Run NTP (chrony or systemd-timesyncd) on the servers involved and check their time \
          zones.",
    refs: &[("RFC 5322", "§3.3")],
};

/// A long delay.
pub static HOP_LONG_DELAY: Entry = Entry {
    code: "HOP_LONG_DELAY",
    severity: Notice,
    title: "A hop took more than an hour",
    detail: "The message waited over an hour between two servers. Common causes are greylisting, \
             a queue retrying after a failure (including a failed TLS handshake or an \
             MTA-STS/DANE deferral) and rate limits.",
    fix: "Look at the sending server's log for the deferral reason.",
    refs: &[("RFC 5321", "§4.5.4.1")],
};

/// No date.
pub static HOP_DATE_MISSING: Entry = Entry {
    code: "HOP_DATE_MISSING",
    severity: Notice,
    title: "A Received line has no readable date",
    detail: "Without a date the delay to the neighbouring hops can't be computed. RFC 5321 \
             requires each Received line to end with \"; date-time\".",
    fix: "",
    refs: &[("RFC 5321", "§4.4"), ("RFC 5322", "§3.6.7")],
};

/// A Received line we couldn't read.
pub static HOP_UNREADABLE: Entry = Entry {
    code: "HOP_UNREADABLE",
    severity: Notice,
    title: "A Received line could not be read",
    detail: "The line has none of the from, by or with clauses a Received line should have, so \
             it is listed but not judged.",
    fix: "",
    refs: &[("RFC 5321", "§4.4")],
};

/// No Received lines.
pub static HDR_NO_RECEIVED: Entry = Entry {
    code: "HDR_NO_RECEIVED",
    severity: Warning,
    title: "No Received lines found",
    detail: "The pasted header block has no Received fields, so there is no path to judge. Mail \
             clients often hide them; copy the full original headers (\"Show original\" in \
             Gmail, \"View message source\" in Outlook and Thunderbird).",
    fix: "Paste the complete header section, starting at the first line of the message source.",
    refs: &[("RFC 5321", "§4.4")],
};

/// `TLS-Required: No`.
pub static HDR_TLS_REQUIRED_NO: Entry = Entry {
    code: "HDR_TLS_REQUIRED_NO",
    severity: Notice,
    title: "The sender asked relays to ignore TLS policies (TLS-Required: No)",
    detail: "RFC 8689 lets a sender ask that the recipient domain's MTA-STS and DANE policies be \
             ignored for this message, so it is delivered even if a secure connection fails. It \
             is common on list mail and on messages that report TLS problems. It is ignored when \
             the REQUIRETLS parameter is present.",
    fix: "",
    refs: &[("RFC 8689", "§5")],
};

/// Authentication-Results context.
pub static HDR_AUTHENTICATION_RESULTS: Entry = Entry {
    code: "HDR_AUTHENTICATION_RESULTS",
    severity: Notice,
    title: "Sender authentication results (context only)",
    detail: "SPF, DKIM and DMARC say whether the sender's domain authorised the message; they \
             say nothing about whether the transport was encrypted. They are shown here for \
             context.",
    fix: "",
    refs: &[("RFC 8601", "§2")],
};

/// A forwarded or attached message.
pub static HDR_EMBEDDED_MESSAGE: Entry = Entry {
    code: "HDR_EMBEDDED_MESSAGE",
    severity: Notice,
    title: "The message contains another message",
    detail: "An attached message (message/rfc822, as in DMARC failure reports and forwards) has \
             its own Received lines describing a different delivery. Only the outer headers are \
             analysed here.",
    fix: "To analyse the attached message's path, paste its headers separately.",
    refs: &[("RFC 2046", "§5.2.1")],
};

/// More Received fields than any real delivery has.
pub static HDR_TOO_MANY_HOPS: Entry = Entry {
    code: "HDR_TOO_MANY_HOPS",
    severity: Warning,
    title: "More Received lines than a real delivery has",
    detail: "Mail servers stop relaying a message long before this many hops to break loops \
             (Postfix at 50, Exim at 30), so this is a mail loop, a corrupted message or a \
             synthetic paste. Only the newest lines, written closest to the recipient, were \
             analysed.",
    fix: "If this is a real message, look for a forwarding loop between the servers named in \
          the top lines.",
    refs: &[("RFC 5321", "§6.3")],
};
