//! Catalogue entries for REQUIRETLS (RFC 8689): the per-message TLS requirement and its opposite,
//! the `TLS-Required: No` header field (whose finding, HDR_TLS_REQUIRED_NO, lives with the other
//! header findings in `transport.rs`).

use super::Entry;
use crate::analysis::finding::Severity::Notice;

/// Every entry of this area.
pub static ALL: &[&Entry] = &[&REQUIRETLS_EXPLAINED];

/// What REQUIRETLS is and isn't.
pub static REQUIRETLS_EXPLAINED: Entry = Entry {
    code: "REQUIRETLS_EXPLAINED",
    severity: Notice,
    title: "REQUIRETLS: a sender's demand for TLS on every hop, per message",
    detail: "With REQUIRETLS (RFC 8689) a sender asks, for one message, that every relay use TLS \
             to the next hop: the relay must find that hop's MX through DNSSEC or MTA-STS, \
             validate its certificate with DANE or PKIX, and see REQUIRETLS in the EHLO reply \
             that follows STARTTLS. If any hop can't, the message bounces back to the sender; it \
             is never sent in cleartext. The capability appears only after STARTTLS, so an \
             openssl s_client transcript shows it only if you type EHLO in the session yourself. \
             The opposite request is the header field \"TLS-Required: No\": it asks relays to \
             ignore the recipient's policies (MTA-STS, DANE) for that message, so it is \
             delivered even when they would refuse. That is common on mailing-list mail and on \
             messages that report TLS problems, and it is information, not an alarm; it is \
             ignored when the message also carries the REQUIRETLS parameter.",
    fix: "",
    refs: &[("RFC 8689", "§2"), ("RFC 8689", "§4"), ("RFC 8689", "§5")],
};
