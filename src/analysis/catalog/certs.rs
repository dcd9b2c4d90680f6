//! Catalogue entries for certificates: reading them, the chain, the server certificate itself.
//! Severities here are the defaults; the certificate judge raises or lowers them by the policy
//! in force (opportunistic, MTA-STS, DANE-EE, DANE-TA) and says which one applied.

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &CERT_NONE_FOUND,
    &CERT_PEM_NO_END,
    &CERT_PEM_MALFORMED,
    &CERT_BASE64_INVALID,
    &CERT_DER_INVALID,
    &CERT_TRAILING_DATA,
    &CERT_TRUSTED_FORMAT,
    &CERT_PRIVATE_KEY_PASTED,
    &CERT_OTHER_PEM_BLOCK,
    &CERT_DUPLICATE,
    &CERT_TOO_MANY,
    &CERT_UNRELATED,
    &CERT_CHAIN_REORDERED,
    &CERT_EXPIRED,
    &CERT_NOT_YET_VALID,
    &CERT_EXPIRING_SOON,
    &CERT_RENEWAL_DUE,
    &CERT_HOSTNAME_OK,
    &CERT_HOSTNAME_MISMATCH,
    &CERT_NAME_ONLY_IN_CN,
    &CERT_HOSTNAME_NOT_CHECKED,
    &CERT_SELF_SIGNED_LEAF,
    &CERT_LEAF_IS_CA,
    &CERT_NO_SERVER_AUTH,
    &CERT_UNKNOWN_CRITICAL_EXTENSION,
    &CERT_KEY_TOO_SMALL,
    &CERT_RSA_PHASE_OUT,
    &CERT_EC_EXPLICIT_CURVE,
    &CERT_WEAK_SIGNATURE,
    &CERT_SIGNATURE_INVALID,
    &CERT_SIGNATURE_NOT_CHECKED,
    &CERT_SIGNATURE_ALGORITHM_MISMATCH,
    &CERT_KEY_SIGNATURE_MISMATCH,
    &CERT_ISSUER_NOT_CA,
    &CERT_ISSUER_NO_KEY_CERT_SIGN,
    &CERT_PATH_LENGTH_EXCEEDED,
    &CERT_NAME_CONSTRAINTS_VIOLATED,
    &CERT_NAME_CONSTRAINTS_NOT_CHECKED,
    &CERT_ISSUER_EXPIRED,
    &CERT_KEY_ID_MISMATCH,
    &CERT_CHAIN_INCOMPLETE,
    &CERT_CHAIN_PRIVATE_ROOT,
    &CERT_CHAIN_PUBLIC,
];

/// Input detected as certificates, but none found.
pub static CERT_NONE_FOUND: Entry = Entry {
    code: "CERT_NONE_FOUND",
    severity: Warning,
    title: "No certificate found",
    detail: "No certificate was found in this input. mailtls reads PEM blocks (-----BEGIN \
             CERTIFICATE-----), base64 DER without the armour lines, and binary DER files.",
    fix: "Paste the certificate in PEM form, for example the output of `openssl s_client \
          -starttls smtp -connect mx.example.com:25 -showcerts </dev/null 2>&1`.",
    refs: &[("RFC 7468", "§5.1")],
};

/// A PEM block without its END line.
pub static CERT_PEM_NO_END: Entry = Entry {
    code: "CERT_PEM_NO_END",
    severity: Warning,
    title: "PEM block without an END line",
    detail: "A PEM block ends with a line such as -----END CERTIFICATE-----. Without it the \
             paste was probably cut short, so the certificate may be incomplete.",
    fix: "Copy the block again, up to and including its END line.",
    refs: &[("RFC 7468", "§2")],
};

/// BEGIN and END labels differ.
pub static CERT_PEM_MALFORMED: Entry = Entry {
    code: "CERT_PEM_MALFORMED",
    severity: Notice,
    title: "PEM block with mismatched labels",
    detail: "The label on the END line should repeat the one on the BEGIN line.",
    fix: "",
    refs: &[("RFC 7468", "§2")],
};

/// The base64 inside a PEM block is broken.
pub static CERT_BASE64_INVALID: Entry = Entry {
    code: "CERT_BASE64_INVALID",
    severity: Warning,
    title: "Certificate base64 is damaged",
    detail: "The text between the BEGIN and END lines must be base64. A stray character, a lost \
             line or an editor's line wrapping breaks it, and the certificate can't be read.",
    fix: "Copy the certificate again from the file or from openssl's output, without editing it.",
    refs: &[("RFC 7468", "§3")],
};

/// Decoded bytes are not a certificate.
pub static CERT_DER_INVALID: Entry = Entry {
    code: "CERT_DER_INVALID",
    severity: Warning,
    title: "Not a readable certificate",
    detail: "The bytes are not a complete X.509 certificate in DER, so nothing else can be \
             checked for it.",
    fix: "Check that the whole certificate was copied; a truncated paste or a different kind of \
          file (a key, a request, a PKCS#12 bundle) gives this.",
    refs: &[("RFC 5280", "§4.1")],
};

/// Bytes after the certificate.
pub static CERT_TRAILING_DATA: Entry = Entry {
    code: "CERT_TRAILING_DATA",
    severity: Notice,
    title: "Extra bytes after a certificate",
    detail: "A certificate is one DER SEQUENCE; what follows it is not part of it. Strict \
             software refuses such a file, lenient software ignores the extra bytes, as mailtls \
             did.",
    fix: "Re-export the certificate so the file holds exactly the certificate.",
    refs: &[("RFC 5280", "§4.1")],
};

/// OpenSSL's TRUSTED CERTIFICATE format.
pub static CERT_TRUSTED_FORMAT: Entry = Entry {
    code: "CERT_TRUSTED_FORMAT",
    severity: Notice,
    title: "OpenSSL trusted-certificate format",
    detail: "A TRUSTED CERTIFICATE block is OpenSSL's own format: the certificate followed by \
             local trust settings. mailtls read the certificate and ignored the settings; a server \
             sends plain certificates.",
    fix: "",
    refs: &[("OpenSSL x509(1)", "TRUST SETTINGS")],
};

/// A private key was pasted.
pub static CERT_PRIVATE_KEY_PASTED: Entry = Entry {
    code: "CERT_PRIVATE_KEY_PASTED",
    severity: Warning,
    title: "A private key was pasted",
    detail:
        "mailtls runs in your browser and sends nothing anywhere, so the key has not left this \
             machine, and it was not read. But a private key should never be pasted into web \
             pages, chats or tickets: whoever holds it can impersonate your server.",
    fix: "Remove the key from the paste. If it was ever pasted somewhere that is stored or \
          shared, replace the key and its certificate, and update any TLSA 3 1 1 record.",
    refs: &[],
};

/// A PEM block that isn't a certificate.
pub static CERT_OTHER_PEM_BLOCK: Entry = Entry {
    code: "CERT_OTHER_PEM_BLOCK",
    severity: Notice,
    title: "PEM block that is not a certificate",
    detail: "Only certificate blocks are read; requests, revocation lists and public keys are \
             skipped.",
    fix: "",
    refs: &[("RFC 7468", "§4")],
};

/// The same certificate twice.
pub static CERT_DUPLICATE: Entry = Entry {
    code: "CERT_DUPLICATE",
    severity: Notice,
    title: "Certificate given twice",
    detail: "A server that sends a certificate twice wastes bytes in every handshake; some \
             clients refuse such a chain.",
    fix: "If this is your server's chain file, remove the repeated certificate.",
    refs: &[("RFC 8446", "§4.4.2")],
};

/// Too many certificates for the chain builder.
pub static CERT_TOO_MANY: Entry = Entry {
    code: "CERT_TOO_MANY",
    severity: Notice,
    title: "More certificates than a server chain holds",
    detail: "A server sends its own certificate and one to three CA certificates. A large paste \
             is more likely a CA bundle; each certificate was summarised, and the chain was built \
             from the first ones only.",
    fix: "",
    refs: &[],
};

/// Certificates not part of the chain.
pub static CERT_UNRELATED: Entry = Entry {
    code: "CERT_UNRELATED",
    severity: Notice,
    title: "Certificates that are not part of the chain",
    detail: "Only certificates that issue one another form a chain. If the server sends these \
             too, they add bytes to every handshake and can confuse clients that build the chain \
             in order.",
    fix: "If this is what the server sends, remove the unrelated certificates from its chain \
          file.",
    refs: &[("RFC 8446", "§4.4.2"), ("RFC 5246", "§7.4.2")],
};

/// The paste was not leaf first.
pub static CERT_CHAIN_REORDERED: Entry = Entry {
    code: "CERT_CHAIN_REORDERED",
    severity: Notice,
    title: "Chain was not in leaf-first order",
    detail: "The certificates are shown leaf first. TLS 1.2 requires the server's own \
             certificate first and each next one to certify the one before it; TLS 1.3 still \
             requires the server's certificate first and lets clients cope with the rest. If \
             this is your server's chain file, the server sends it in this order.",
    fix: "Order the chain file: server certificate, then its issuer, then that issuer's issuer.",
    refs: &[("RFC 5246", "§7.4.2"), ("RFC 8446", "§4.4.2")],
};

/// The server certificate has expired.
pub static CERT_EXPIRED: Entry = Entry {
    code: "CERT_EXPIRED",
    severity: Critical,
    title: "Server certificate has expired",
    detail: "An expired certificate fails validation. Opportunistic senders don't validate and \
             keep delivering over TLS, not in plaintext; senders that apply MTA-STS or DANE-TA \
             refuse and queue the mail.",
    fix: "Renew the certificate and reload the mail server. Check that automatic renewal runs \
          and that the mail server is restarted or reloaded afterwards (a renewed file on disk is \
          not enough).",
    refs: &[
        ("RFC 5280", "§4.1.2.5"),
        ("RFC 8461", "§4.2"),
        ("RFC 7435", "§1.3"),
    ],
};

/// Not yet valid.
pub static CERT_NOT_YET_VALID: Entry = Entry {
    code: "CERT_NOT_YET_VALID",
    severity: Critical,
    title: "Server certificate is not valid yet",
    detail: "The certificate's validity starts in the future. It fails validation like an \
             expired one, or the clock used for this check (yours) is wrong.",
    fix: "Check the clocks; if the certificate was issued with a future start date, reissue it.",
    refs: &[("RFC 5280", "§4.1.2.5")],
};

/// Expiring under the absolute floor.
pub static CERT_EXPIRING_SOON: Entry = Entry {
    code: "CERT_EXPIRING_SOON",
    severity: Warning,
    title: "Server certificate expires soon",
    detail: "mailtls warns when fewer than 14 days are left (a third of the lifetime for \
             certificates shorter than 42 days). Fixed 60- and 30-day warnings would fire for most \
             of a 90-day certificate's life; by 14 days an automated renewal should long have \
             happened, so something is stuck.",
    fix: "Renew now and find out why automatic renewal did not run (look at the ACME client's \
          log and timer).",
    refs: &[("RFC 5280", "§4.1.2.5")],
};

/// Past the point where ACME clients renew.
pub static CERT_RENEWAL_DUE: Entry = Entry {
    code: "CERT_RENEWAL_DUE",
    severity: Notice,
    title: "Renewal is due",
    detail: "Less than a third of the certificate's lifetime (capped at 30 days) is left: the \
             point at which ACME clients renew a 90-day certificate. Nothing is broken yet.",
    fix: "Make sure renewal is scheduled, and that the mail server reloads the new certificate.",
    refs: &[("RFC 8555", "")],
};

/// The SAN covers the MX host.
pub static CERT_HOSTNAME_OK: Entry = Entry {
    code: "CERT_HOSTNAME_OK",
    severity: Ok,
    title: "Certificate names the MX host",
    detail: "Only SAN dNSName entries count, never the subject CN; a wildcard covers exactly one \
             leftmost label.",
    fix: "",
    refs: &[("RFC 9525", "§6.3"), ("RFC 8461", "§4.2")],
};

/// The SAN does not cover the MX host.
pub static CERT_HOSTNAME_MISMATCH: Entry = Entry {
    code: "CERT_HOSTNAME_MISMATCH",
    severity: Critical,
    title: "Certificate does not name the MX host",
    detail: "Senders that authenticate check the name they connected to, the MX host name, \
             against the certificate's SAN dNSName entries (not the CN). A wildcard covers exactly \
             one leftmost label: *.example.com covers mx.example.com, not example.com or \
             a.mx.example.com.",
    fix: "Get a certificate whose SAN lists every MX host name that points at this server, or \
          point the MX records at a name the certificate has.",
    refs: &[
        ("RFC 9525", "§6.3"),
        ("RFC 8461", "§4.2"),
        ("RFC 7672", "§3.2.2"),
    ],
};

/// The name is only in the CN.
pub static CERT_NAME_ONLY_IN_CN: Entry = Entry {
    code: "CERT_NAME_ONLY_IN_CN",
    severity: Critical,
    title: "Host name only in the subject CN",
    detail: "The certificate has no SAN dNSName entries. RFC 9525 and MTA-STS ignore the subject \
             CN, so for senders that authenticate, this certificate names no host at all.",
    fix: "Reissue the certificate with the MX host names in the subjectAltName extension.",
    refs: &[("RFC 9525", "§6.3"), ("RFC 8461", "§4.2")],
};

/// No MX host known.
pub static CERT_HOSTNAME_NOT_CHECKED: Entry = Entry {
    code: "CERT_HOSTNAME_NOT_CHECKED",
    severity: Notice,
    title: "Host name not checked",
    detail: "No MX host name was given (typed, in pasted MX records or in the headers), so the \
             certificate's names could not be compared with it.",
    fix: "Enter your MX host name, or paste `dig +short MX example.com` output.",
    refs: &[("RFC 9525", "§6.3")],
};

/// A self-signed server certificate.
pub static CERT_SELF_SIGNED_LEAF: Entry = Entry {
    code: "CERT_SELF_SIGNED_LEAF",
    severity: Notice,
    title: "Self-signed server certificate",
    detail: "A self-signed certificate still gives encryption. With a matching DANE-EE 3 1 1 \
             record it is a textbook-good setup, because DANE senders then trust the key itself. \
             It can never satisfy MTA-STS, which needs a publicly trusted CA.",
    fix: "Publish a 3 1 1 TLSA record for it under DNSSEC, or use a certificate from a public CA \
          if you want MTA-STS.",
    refs: &[("RFC 7671", "§5.1"), ("RFC 8461", "§4.2")],
};

/// The server certificate is a CA.
pub static CERT_LEAF_IS_CA: Entry = Entry {
    code: "CERT_LEAF_IS_CA",
    severity: Warning,
    title: "Server certificate is a CA certificate",
    detail: "The server's certificate says cA=TRUE. Some validators (webpki, used by rustls) \
             refuse a CA certificate as a server certificate, and a CA key on a mail server can \
             sign certificates for any name.",
    fix: "Issue the server a certificate with basicConstraints cA=FALSE (or none).",
    refs: &[("RFC 5280", "§4.2.1.9")],
};

/// No serverAuth in EKU.
pub static CERT_NO_SERVER_AUTH: Entry = Entry {
    code: "CERT_NO_SERVER_AUTH",
    severity: Critical,
    title: "Certificate is not for TLS servers",
    detail: "The extendedKeyUsage extension limits what the key may be used for, and it does not \
             include serverAuth. Validators that check the purpose, OpenSSL's client among them, \
             reject it for a server.",
    fix: "Reissue the certificate with extendedKeyUsage serverAuth (or without the extension).",
    refs: &[("RFC 5280", "§4.2.1.12")],
};

/// An unknown critical extension.
pub static CERT_UNKNOWN_CRITICAL_EXTENSION: Entry = Entry {
    code: "CERT_UNKNOWN_CRITICAL_EXTENSION",
    severity: Critical,
    title: "Unknown critical extension",
    detail: "An extension marked critical must be understood by the validator or the certificate \
             rejected. One mailtls doesn't know is likely unknown to mail servers too.",
    fix: "Reissue the certificate without the extension, or with it marked non-critical.",
    refs: &[("RFC 5280", "§4.2")],
};

/// RSA or DSA below 2048 bits.
pub static CERT_KEY_TOO_SMALL: Entry = Entry {
    code: "CERT_KEY_TOO_SMALL",
    severity: Warning,
    title: "Key too small",
    detail: "RSA and DSA keys below 2048 bits are considered breakable: a 768-bit RSA key was \
             factored publicly in 2009. Public CAs stopped issuing them in 2013, and OpenSSL at \
             its common security levels refuses them.",
    fix: "Make a new key of at least 3072-bit RSA or an EC P-256 key, and a new certificate (and \
          TLSA record) for it.",
    refs: &[
        ("NIST SP 800-131A Rev. 2", "§3"),
        ("NCSC-NL TLS guidelines", ""),
    ],
};

/// RSA 2048–3071.
pub static CERT_RSA_PHASE_OUT: Entry = Entry {
    code: "CERT_RSA_PHASE_OUT",
    severity: Notice,
    title: "RSA key of 2048 bits: phase out",
    detail: "RSA 2048 is sufficient today and is what most CAs issue. The Dutch NCSC guidelines \
             (used by internet.nl) list 2048–3071-bit RSA as \u{201c}phase out\u{201d}: plan a \
             larger key at a convenient renewal.",
    fix: "At the next key change, use 3072-bit RSA or an EC P-256 key.",
    refs: &[("NCSC-NL TLS guidelines", "")],
};

/// Explicit EC parameters.
pub static CERT_EC_EXPLICIT_CURVE: Entry = Entry {
    code: "CERT_EC_EXPLICIT_CURVE",
    severity: Warning,
    title: "EC key with explicit curve parameters",
    detail: "The key spells out its curve instead of naming it. RFC 5480 forbids this in \
             certificates, OpenSSL rejects it in strict mode, and other TLS stacks may fail the \
             handshake.",
    fix: "Make the key with a named curve (e.g. `openssl genpkey -algorithm EC -pkeyopt \
          ec_paramgen_curve:P-256`) and reissue the certificate.",
    refs: &[("RFC 5480", "§2.1.1")],
};

/// SHA-1 or MD5 signatures.
pub static CERT_WEAK_SIGNATURE: Entry = Entry {
    code: "CERT_WEAK_SIGNATURE",
    severity: Warning,
    title: "Signature with a broken hash",
    detail: "MD5 and SHA-1 allow collisions, so a signature over them no longer proves who \
             signed. Many validators refuse them (OpenSSL 3 at its default security level). A \
             root's signature on itself doesn't count and is not flagged.",
    fix: "Get the certificate reissued with a SHA-256 signature.",
    refs: &[("RFC 6151", ""), ("NIST SP 800-131A Rev. 2", "")],
};

/// The signature does not verify.
pub static CERT_SIGNATURE_INVALID: Entry = Entry {
    code: "CERT_SIGNATURE_INVALID",
    severity: Critical,
    title: "Signature does not verify",
    detail: "The certificate was not signed by the key of the certificate presented as its \
             issuer. Usually the wrong intermediate is installed (for example an old one after \
             the CA changed keys); otherwise the certificate was altered.",
    fix: "Install the intermediate certificate your CA issued with this certificate.",
    refs: &[("RFC 5280", "§6.1.3 (a)")],
};

/// Algorithm we don't verify.
pub static CERT_SIGNATURE_NOT_CHECKED: Entry = Entry {
    code: "CERT_SIGNATURE_NOT_CHECKED",
    severity: Notice,
    title: "Signature not checked",
    detail: "mailtls verifies RSA (PKCS#1 v1.5 and PSS), ECDSA on P-256, P-384 and P-521, and \
             Ed25519. This signature uses something else, so it was not checked; that says \
             nothing about whether it is good, and the chain is not called verified.",
    fix: "",
    refs: &[("RFC 5280", "§6.1.3 (a)")],
};

/// Outer vs TBS signature algorithm.
pub static CERT_SIGNATURE_ALGORITHM_MISMATCH: Entry = Entry {
    code: "CERT_SIGNATURE_ALGORITHM_MISMATCH",
    severity: Critical,
    title: "Signature algorithm fields disagree",
    detail: "A certificate names its signature algorithm twice, inside and outside the signed \
             part, and they must be identical. A mismatch is a malformed or tampered certificate \
             and validators reject it.",
    fix: "Get the certificate reissued.",
    refs: &[("RFC 5280", "§4.1.1.2")],
};

/// Key type contradicts signature type.
pub static CERT_KEY_SIGNATURE_MISMATCH: Entry = Entry {
    code: "CERT_KEY_SIGNATURE_MISMATCH",
    severity: Critical,
    title: "Issuer key cannot make this signature",
    detail: "The issuer's key type rules out this certificate's signature algorithm, for example \
             an RSA-PSS key, which may only make PSS signatures, with a PKCS#1 v1.5 signature. \
             Validators reject the chain.",
    fix: "Get the certificate reissued with a signature the CA's key allows.",
    refs: &[("RFC 4055", "§1.2"), ("RFC 5280", "§6.1.3 (a)")],
};

/// Issuer not a CA.
pub static CERT_ISSUER_NOT_CA: Entry = Entry {
    code: "CERT_ISSUER_NOT_CA",
    severity: Critical,
    title: "Issuer is not a CA",
    detail: "Only a certificate with basicConstraints cA=TRUE may issue certificates. A chain \
             through one without it is rejected: otherwise any server could sign for any name.",
    fix: "Install the real intermediate from your CA; if this is your own CA, reissue its \
          certificate with basicConstraints cA=TRUE.",
    refs: &[("RFC 5280", "§6.1.4 (k)")],
};

/// Issuer key usage lacks keyCertSign.
pub static CERT_ISSUER_NO_KEY_CERT_SIGN: Entry = Entry {
    code: "CERT_ISSUER_NO_KEY_CERT_SIGN",
    severity: Critical,
    title: "Issuer may not sign certificates",
    detail: "The issuer's keyUsage extension is present and does not include keyCertSign, so its \
             key may not sign certificates.",
    fix: "Reissue the CA certificate with keyUsage keyCertSign.",
    refs: &[("RFC 5280", "§6.1.4 (n)")],
};

/// pathLen exceeded.
pub static CERT_PATH_LENGTH_EXCEEDED: Entry = Entry {
    code: "CERT_PATH_LENGTH_EXCEEDED",
    severity: Critical,
    title: "Too many CAs below a path length limit",
    detail: "A CA's pathLenConstraint caps how many CA certificates may follow it in a chain. \
             This chain has more.",
    fix: "Issue the server certificate from a CA that the limit allows.",
    refs: &[("RFC 5280", "§4.2.1.9"), ("RFC 5280", "§6.1.4 (m)")],
};

/// Name constraints violated.
pub static CERT_NAME_CONSTRAINTS_VIOLATED: Entry = Entry {
    code: "CERT_NAME_CONSTRAINTS_VIOLATED",
    severity: Critical,
    title: "Name outside the CA's name constraints",
    detail: "The CA is only allowed to certify names inside its nameConstraints, and a \
             certificate below it has a name outside them. Validators reject the chain.",
    fix: "Get the certificate from a CA allowed to certify these names, or remove the names.",
    refs: &[("RFC 5280", "§4.2.1.10")],
};

/// Name constraints of an unsupported form.
pub static CERT_NAME_CONSTRAINTS_NOT_CHECKED: Entry = Entry {
    code: "CERT_NAME_CONSTRAINTS_NOT_CHECKED",
    severity: Notice,
    title: "Name constraints only partly checked",
    detail: "mailtls compares DNS names, e-mail addresses, IP addresses and directory names with \
             name constraints. Some names here are of another kind, so the chain is not called \
             verified.",
    fix: "",
    refs: &[("RFC 5280", "§4.2.1.10")],
};

/// An issuing CA has expired.
pub static CERT_ISSUER_EXPIRED: Entry = Entry {
    code: "CERT_ISSUER_EXPIRED",
    severity: Critical,
    title: "CA certificate in the chain has expired",
    detail: "Every certificate in the chain must be within its validity period. An expired \
             intermediate breaks the chain. For an expired root, validators differ (RFC 5280 \
             treats the trust anchor's dates as optional), but most, OpenSSL included, reject it.",
    fix: "Install the CA's current intermediate; remove an expired root from the chain file or \
          replace it.",
    refs: &[("RFC 5280", "§6.1.3 (a)")],
};

/// AKI ≠ SKI.
pub static CERT_KEY_ID_MISMATCH: Entry = Entry {
    code: "CERT_KEY_ID_MISMATCH",
    severity: Notice,
    title: "Key identifiers don't match",
    detail: "The certificate's authorityKeyIdentifier differs from the issuer's \
             subjectKeyIdentifier: the issuer certificate given probably holds a different key \
             from the one that signed (a renewed CA or a cross-signed twin).",
    fix: "Install the intermediate your CA issued with this certificate.",
    refs: &[("RFC 5280", "§4.2.1.1")],
};

/// Chain incomplete.
pub static CERT_CHAIN_INCOMPLETE: Entry = Entry {
    code: "CERT_CHAIN_INCOMPLETE",
    severity: Critical,
    title: "Chain is incomplete",
    detail: "The chain stops at a certificate whose issuer was not given and is not a public \
             root. Mail servers don't fetch missing intermediates (browsers sometimes do), so \
             senders that validate fail. If you pasted only the server certificate, paste the \
             whole chain the server sends.",
    fix: "Configure the server with the full chain file (for certbot: fullchain.pem, not \
          cert.pem).",
    refs: &[("RFC 5246", "§7.4.2"), ("RFC 8446", "§4.4.2")],
};

/// Chain ends in a private root.
pub static CERT_CHAIN_PRIVATE_ROOT: Entry = Entry {
    code: "CERT_CHAIN_PRIVATE_ROOT",
    severity: Critical,
    title: "Chain ends in a private root",
    detail: "The chain is complete but its root is not in the public root list senders trust, so \
             MTA-STS senders reject it. DANE-TA (a 2 0 1 record for this root) or DANE-EE makes a \
             private CA work for DANE senders.",
    fix: "Use a public CA for MTA-STS, or publish DANE TLSA records under DNSSEC.",
    refs: &[("RFC 8461", "§4.2"), ("RFC 7671", "§5.2")],
};

/// Publicly trusted chain.
pub static CERT_CHAIN_PUBLIC: Entry = Entry {
    code: "CERT_CHAIN_PUBLIC",
    severity: Ok,
    title: "Chain leads to a publicly trusted root",
    detail: "The chain ends in a root of Mozilla's root program (bundled from the webpki-roots \
             crate), which is what MTA-STS senders need.",
    fix: "",
    refs: &[("RFC 8461", "§4.2")],
};
