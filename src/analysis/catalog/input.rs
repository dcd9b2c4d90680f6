//! Catalogue entries about the pasted input itself: what kind it is and whether it could be read.

use super::Entry;
use crate::analysis::finding::Severity::{Notice, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &INPUT_UNRECOGNISED,
    &INPUT_BINARY,
    &INPUT_INVALID_UTF8,
    &INPUT_TOO_LARGE,
    &INPUT_TRUNCATED,
];

/// Text of no kind we read.
pub static INPUT_UNRECOGNISED: Entry = Entry {
    code: "INPUT_UNRECOGNISED",
    severity: Warning,
    title: "This input isn't something mailtls reads",
    detail: "It doesn't look like message headers, PEM or DER certificates, an MTA-STS policy, \
             DNS records (TXT, TLSA, MX), an openssl s_client transcript or a TLS-RPT report, so \
             it was not analysed.",
    fix: "Paste one of those kinds. For headers, copy the full original message source from \
          your mail client.",
    refs: &[],
};

/// Binary data that isn't DER.
pub static INPUT_BINARY: Entry = Entry {
    code: "INPUT_BINARY",
    severity: Warning,
    title: "This input is binary data",
    detail: "It contains control bytes that don't occur in headers, policies or records, and it \
             isn't a DER certificate or a gzip-compressed report, so it was not analysed.",
    fix: "Paste text, or drop a .eml, .pem, .crt, .der, .json or .json.gz file.",
    refs: &[],
};

/// Invalid UTF-8 replaced.
pub static INPUT_INVALID_UTF8: Entry = Entry {
    code: "INPUT_INVALID_UTF8",
    severity: Notice,
    title: "Some bytes were not valid UTF-8",
    detail: "They were replaced with \u{FFFD} before analysis. Header fields are ASCII (or UTF-8 \
             under RFC 6532), so this usually means an 8-bit body or a legacy encoding; the \
             analysis of the readable parts is unaffected.",
    fix: "",
    refs: &[("RFC 6532", "§3")],
};

/// Over the size limit.
pub static INPUT_TOO_LARGE: Entry = Entry {
    code: "INPUT_TOO_LARGE",
    severity: Warning,
    title: "The input is larger than mailtls analyses",
    detail: "Only the beginning was analysed, up to the size limit. Headers, certificates and \
             policies are far smaller than this; a large paste is usually a whole message with \
             attachments.",
    fix: "Paste only the header section (everything before the first empty line).",
    refs: &[],
};

/// Cut off part-way.
pub static INPUT_TRUNCATED: Entry = Entry {
    code: "INPUT_TRUNCATED",
    severity: Notice,
    title: "The input seems to be cut off",
    detail: "The last field ends without a line break or in the middle of a value, so the paste \
             may be incomplete. What was there has been analysed.",
    fix: "Copy the input again, making sure nothing is cut off at the end.",
    refs: &[],
};
