//! Catalogue entries for SMTP TLS Reporting (RFC 8460): the `_smtp._tls` TXT record, aggregate
//! reports, and the eleven result types of the IANA "STARTTLS Validation Result Types" registry,
//! each with what it means and how to fix it.

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &TLSRPT_TXT_NOT_TLSRPT,
    &TLSRPT_TXT_VERSION,
    &TLSRPT_TXT_SPACE_BEFORE_SEMICOLON,
    &TLSRPT_TXT_OLD_OWNER,
    &TLSRPT_TXT_MULTIPLE,
    &TLSRPT_TXT_RUA_MISSING,
    &TLSRPT_TXT_RUA_INVALID,
    &TLSRPT_TXT_RUA_SCHEME,
    &TLSRPT_TXT_SEMICOLON_BETWEEN_URIS,
    &TLSRPT_TXT_DUPLICATE_RUA,
    &TLSRPT_TXT_SYNTAX,
    &TLSRPT_TXT_OK,
    &TLSRPT_REPORT_UNREADABLE,
    &TLSRPT_REPORT_TOO_LARGE,
    &TLSRPT_REPORT_FIELD_MISSING,
    &TLSRPT_REPORT_FIELD_TYPE,
    &TLSRPT_REPORT_DEVIATION,
    &TLSRPT_REPORT_DATE_RANGE,
    &TLSRPT_REPORT_COUNT_MISMATCH,
    &TLSRPT_REPORT_POLICY_TYPE_UNKNOWN,
    &TLSRPT_REPORT_POLICY_SUCCESS,
    &TLSRPT_REPORT_NO_POLICY_FOUND,
    &TLSRPT_REPORT_MAILED,
    &TLSRPT_REPORT_MAIL_WITHOUT_REPORT,
    &TLSRPT_RESULT_STARTTLS_NOT_SUPPORTED,
    &TLSRPT_RESULT_CERTIFICATE_HOST_MISMATCH,
    &TLSRPT_RESULT_CERTIFICATE_EXPIRED,
    &TLSRPT_RESULT_CERTIFICATE_NOT_TRUSTED,
    &TLSRPT_RESULT_VALIDATION_FAILURE,
    &TLSRPT_RESULT_TLSA_INVALID,
    &TLSRPT_RESULT_DNSSEC_INVALID,
    &TLSRPT_RESULT_DANE_REQUIRED,
    &TLSRPT_RESULT_STS_POLICY_FETCH_ERROR,
    &TLSRPT_RESULT_STS_POLICY_INVALID,
    &TLSRPT_RESULT_STS_WEBPKI_INVALID,
    &TLSRPT_RESULT_UNKNOWN,
];

/// The eleven registered result types (RFC 8460 §4.3, IANA registry), in the RFC's order.
pub static RESULT_TYPES: &[(&str, &Entry)] = &[
    (
        "starttls-not-supported",
        &TLSRPT_RESULT_STARTTLS_NOT_SUPPORTED,
    ),
    (
        "certificate-host-mismatch",
        &TLSRPT_RESULT_CERTIFICATE_HOST_MISMATCH,
    ),
    ("certificate-expired", &TLSRPT_RESULT_CERTIFICATE_EXPIRED),
    (
        "certificate-not-trusted",
        &TLSRPT_RESULT_CERTIFICATE_NOT_TRUSTED,
    ),
    ("validation-failure", &TLSRPT_RESULT_VALIDATION_FAILURE),
    ("tlsa-invalid", &TLSRPT_RESULT_TLSA_INVALID),
    ("dnssec-invalid", &TLSRPT_RESULT_DNSSEC_INVALID),
    ("dane-required", &TLSRPT_RESULT_DANE_REQUIRED),
    (
        "sts-policy-fetch-error",
        &TLSRPT_RESULT_STS_POLICY_FETCH_ERROR,
    ),
    ("sts-policy-invalid", &TLSRPT_RESULT_STS_POLICY_INVALID),
    ("sts-webpki-invalid", &TLSRPT_RESULT_STS_WEBPKI_INVALID),
];

/// The entry for a result type, or [`TLSRPT_RESULT_UNKNOWN`].
pub fn result_type(name: &str) -> &'static Entry {
    RESULT_TYPES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&TLSRPT_RESULT_UNKNOWN, |(_, e)| e)
}

/// A TXT record at `_smtp._tls` that isn't TLS-RPT.
pub static TLSRPT_TXT_NOT_TLSRPT: Entry = Entry {
    code: "TLSRPT_TXT_NOT_TLSRPT",
    severity: Notice,
    title: "A TXT record at _smtp._tls is not a TLS-RPT record",
    detail: "Senders consider only TXT records that begin with \"v=TLSRPTv1\" and ignore the \
             rest, so this record is not an error in itself.",
    fix: "",
    refs: &[("RFC 8460", "§3")],
};

/// Almost `v=TLSRPTv1`.
pub static TLSRPT_TXT_VERSION: Entry = Entry {
    code: "TLSRPT_TXT_VERSION",
    severity: Critical,
    title: "The TLS-RPT record doesn't begin with v=TLSRPTv1",
    detail: "The record must begin with \"v=TLSRPTv1\", exactly so (case-sensitive). Misspellings \
             seen in the wild, such as \"v=TSLRPTv1\", make senders ignore the record, so nobody \
             sends you reports.",
    fix: "Begin the record with \"v=TLSRPTv1; rua=\" followed by your reporting address.",
    refs: &[("RFC 8460", "§3")],
};

/// `v=TLSRPTv1 ;`.
pub static TLSRPT_TXT_SPACE_BEFORE_SEMICOLON: Entry = Entry {
    code: "TLSRPT_TXT_SPACE_BEFORE_SEMICOLON",
    severity: Notice,
    title: "A space comes before the first semicolon",
    detail: "The grammar allows whitespace around the semicolon, but the usual form is \
             \"v=TLSRPTv1;\" and parsers that compare the beginning of the record literally may \
             miss it.",
    fix: "Write \"v=TLSRPTv1;\" with no space before the semicolon.",
    refs: &[("RFC 8460", "§3")],
};

/// `_smtp-tlsrpt` owner.
pub static TLSRPT_TXT_OLD_OWNER: Entry = Entry {
    code: "TLSRPT_TXT_OLD_OWNER",
    severity: Critical,
    title: "The TLS-RPT record is at _smtp-tlsrpt, not _smtp._tls",
    detail: "_smtp-tlsrpt was the name in early drafts. Senders look up _smtp._tls.<domain> \
             only, so a record at the old name is never found and no reports are sent.",
    fix: "Publish the same TXT record at _smtp._tls.<your domain> and delete the old one.",
    refs: &[("RFC 8460", "§3")],
};

/// Several TLSRPTv1 records.
pub static TLSRPT_TXT_MULTIPLE: Entry = Entry {
    code: "TLSRPT_TXT_MULTIPLE",
    severity: Critical,
    title: "More than one TLS-RPT record",
    detail: "If more than one TXT record at _smtp._tls begins with \"v=TLSRPTv1\", senders must \
             assume the domain does not want reports, and send none.",
    fix: "Merge the addresses into one record: \"v=TLSRPTv1; rua=mailto:a@example.com,\
          mailto:b@example.net\".",
    refs: &[("RFC 8460", "§3")],
};

/// No rua field.
pub static TLSRPT_TXT_RUA_MISSING: Entry = Entry {
    code: "TLSRPT_TXT_RUA_MISSING",
    severity: Critical,
    title: "The TLS-RPT record has no rua field",
    detail: "rua, the list of addresses reports go to, is required. Without it the record is \
             invalid and no reports are sent.",
    fix: "Add \"rua=mailto:tlsrpt@<your domain>\" (or an https: URL that accepts reports).",
    refs: &[("RFC 8460", "§3")],
};

/// A malformed rua URI.
pub static TLSRPT_TXT_RUA_INVALID: Entry = Entry {
    code: "TLSRPT_TXT_RUA_INVALID",
    severity: Critical,
    title: "A rua entry is not a valid URI",
    detail: "Each rua entry is a full URI with its scheme (mailto: or https:). Inside a URI, \
             \"!\", \",\" and \";\" must be percent-encoded (%21, %2C, %3B), so a DMARC-style \
             size limit such as \"!10m\" is invalid here, and a bare e-mail address without \
             \"mailto:\" is not a URI.",
    fix: "Write each destination as \"mailto:address@example.com\" or \
          \"https://reports.example.com/path\", separated by commas.",
    refs: &[("RFC 8460", "§3"), ("RFC 3986", "§3")],
};

/// A scheme other than mailto and https.
pub static TLSRPT_TXT_RUA_SCHEME: Entry = Entry {
    code: "TLSRPT_TXT_RUA_SCHEME",
    severity: Warning,
    title: "A rua entry uses a scheme senders don't deliver to",
    detail: "RFC 8460 defines delivery by mailto: and https: only. Senders skip any other scheme, \
             including plain http:, so no reports reach that destination.",
    fix: "Use a mailto: address or an https: URL.",
    refs: &[("RFC 8460", "§3"), ("RFC 8460", "§5")],
};

/// `rua=mailto:a; mailto:b`.
pub static TLSRPT_TXT_SEMICOLON_BETWEEN_URIS: Entry = Entry {
    code: "TLSRPT_TXT_SEMICOLON_BETWEEN_URIS",
    severity: Critical,
    title: "Report URIs are separated by a semicolon",
    detail: "A semicolon ends the rua field, so the second URI is read as a new field without \
             \"=\", which makes the whole record invalid.",
    fix: "Separate the URIs with a comma: \"rua=mailto:a@example.com,mailto:b@example.com\".",
    refs: &[("RFC 8460", "§3")],
};

/// Two rua fields.
pub static TLSRPT_TXT_DUPLICATE_RUA: Entry = Entry {
    code: "TLSRPT_TXT_DUPLICATE_RUA",
    severity: Warning,
    title: "The TLS-RPT record has more than one rua field",
    detail: "RFC 8460 defines one rua field holding a comma-separated list. What senders do with \
             a second rua field is not specified: some merge the lists, others use only the \
             first, so the second destination may get nothing.",
    fix: "Use one rua field with the URIs separated by commas.",
    refs: &[("RFC 8460", "§3")],
};

/// Other record syntax errors.
pub static TLSRPT_TXT_SYNTAX: Entry = Entry {
    code: "TLSRPT_TXT_SYNTAX",
    severity: Critical,
    title: "The TLS-RPT record has a syntax error",
    detail: "The record is name=value fields separated by semicolons. A field without \"=\", an \
             empty field between two semicolons, an invalid extension name or value, or stray \
             text makes the record invalid, and senders then send no reports.",
    fix: "Write the record as \"v=TLSRPTv1; rua=mailto:tlsrpt@<your domain>\".",
    refs: &[("RFC 8460", "§3")],
};

/// A good record.
pub static TLSRPT_TXT_OK: Entry = Entry {
    code: "TLSRPT_TXT_OK",
    severity: Ok,
    title: "The TLS-RPT record is valid",
    detail: "Senders that support TLS-RPT send a daily aggregate report to these destinations, \
             covering successful and failed TLS sessions to your MX hosts under MTA-STS, DANE or \
             no policy. Reports are daily summaries, not alerts.",
    fix: "",
    refs: &[("RFC 8460", "§3"), ("RFC 8460", "§4")],
};

/// Not JSON, bad gzip, bad UTF-8.
pub static TLSRPT_REPORT_UNREADABLE: Entry = Entry {
    code: "TLSRPT_REPORT_UNREADABLE",
    severity: Warning,
    title: "The TLS-RPT report could not be read",
    detail: "A report is a JSON document, usually gzip-compressed (.json.gz). This input is not \
             valid JSON, or its compression is broken (often a truncated download or an \
             attachment saved as text).",
    fix: "Save the attachment again as a file and drop it here unchanged, or paste the JSON \
          text after decompressing it.",
    refs: &[("RFC 8460", "§4"), ("RFC 8460", "§5.3")],
};

/// Decompressed size cap.
pub static TLSRPT_REPORT_TOO_LARGE: Entry = Entry {
    code: "TLSRPT_REPORT_TOO_LARGE",
    severity: Warning,
    title: "The compressed report expands beyond the size limit",
    detail: "Decompression was stopped at the limit: a small gzip file can expand to gigabytes \
             (a \"gzip bomb\"), and real TLS-RPT reports are far smaller than the limit.",
    fix: "Check where the file came from. A genuine report this large can be decompressed with \
          gunzip and split by policy before pasting.",
    refs: &[("RFC 8460", "§4")],
};

/// A required §4 field is absent.
pub static TLSRPT_REPORT_FIELD_MISSING: Entry = Entry {
    code: "TLSRPT_REPORT_FIELD_MISSING",
    severity: Warning,
    title: "A required report field is missing",
    detail: "RFC 8460 §4.4 requires organization-name, date-range, contact-info, report-id and \
             policies, and for each policy its type, domain and session counts, and for each \
             failure its result type and count. The rest of the report was read as far as \
             possible.",
    fix: "Tell the reporting organisation (its contact-info) that its reports omit this field.",
    refs: &[("RFC 8460", "§4.4")],
};

/// A field of the wrong JSON type.
pub static TLSRPT_REPORT_FIELD_TYPE: Entry = Entry {
    code: "TLSRPT_REPORT_FIELD_TYPE",
    severity: Warning,
    title: "A report field has the wrong type",
    detail: "The field exists but holds the wrong kind of JSON value (for example a number as a \
             string), so it was ignored.",
    fix: "Tell the reporting organisation (its contact-info) that its reports are malformed.",
    refs: &[("RFC 8460", "§4.4")],
};

/// A known, harmless deviation from §4.
pub static TLSRPT_REPORT_DEVIATION: Entry = Entry {
    code: "TLSRPT_REPORT_DEVIATION",
    severity: Notice,
    title: "The report deviates from RFC 8460 in a known, harmless way",
    detail: "Large reporters depart from the schema in small ways: Microsoft leaves out \
             sending-mta-ip and writes dates without a time zone, and some reporters send a null \
             contact-info. mailtls reads such reports anyway; nothing needs fixing on your side.",
    fix: "",
    refs: &[("RFC 8460", "§4.4")],
};

/// Not one UTC day.
pub static TLSRPT_REPORT_DATE_RANGE: Entry = Entry {
    code: "TLSRPT_REPORT_DATE_RANGE",
    severity: Notice,
    title: "The report doesn't cover exactly one UTC day",
    detail: "Reports should cover a full day, from 00:00 to 24:00 UTC. A different range is \
             allowed but makes reports from different senders harder to compare.",
    fix: "",
    refs: &[("RFC 8460", "§4.1")],
};

/// Failure details don't add up.
pub static TLSRPT_REPORT_COUNT_MISMATCH: Entry = Entry {
    code: "TLSRPT_REPORT_COUNT_MISMATCH",
    severity: Notice,
    title: "The failure details don't add up to the failure count",
    detail: "The failed-session-count values of a policy's failure details differ from its \
             total-failure-session-count. Reporters may summarise or cap the details, so treat \
             the counts as approximate.",
    fix: "",
    refs: &[("RFC 8460", "§4.4")],
};

/// A policy type other than sts, tlsa, no-policy-found.
pub static TLSRPT_REPORT_POLICY_TYPE_UNKNOWN: Entry = Entry {
    code: "TLSRPT_REPORT_POLICY_TYPE_UNKNOWN",
    severity: Notice,
    title: "The report names an unknown policy type",
    detail: "The policy types are \"sts\", \"tlsa\" and \"no-policy-found\". The counts for this \
             policy were read, but what they were checked against is unknown.",
    fix: "",
    refs: &[("RFC 8460", "§4.4")],
};

/// All sessions successful under a policy.
pub static TLSRPT_REPORT_POLICY_SUCCESS: Entry = Entry {
    code: "TLSRPT_REPORT_POLICY_SUCCESS",
    severity: Ok,
    title: "Every reported session succeeded",
    detail: "The sender connected to your MX hosts with TLS that met the policy (MTA-STS or DANE) \
             in every session of the reporting period.",
    fix: "",
    refs: &[("RFC 8460", "§4.4")],
};

/// Sessions under no policy.
pub static TLSRPT_REPORT_NO_POLICY_FOUND: Entry = Entry {
    code: "TLSRPT_REPORT_NO_POLICY_FOUND",
    severity: Notice,
    title: "Sessions with no MTA-STS or DANE policy",
    detail: "\"no-policy-found\" means the sender found neither an MTA-STS policy nor DANE TLSA \
             records for your domain. Successful sessions under it used TLS without \
             authenticating your server: encrypted, but open to an attacker who can intercept \
             the connection or strip STARTTLS.",
    fix: "Publish an MTA-STS policy (testing, then enforce) or DNSSEC-signed TLSA records, so \
          senders authenticate your MX hosts.",
    refs: &[
        ("RFC 8460", "§4.4"),
        ("RFC 8461", "§5"),
        ("RFC 7672", "§2.2"),
    ],
};

/// A report read out of a message.
pub static TLSRPT_REPORT_MAILED: Entry = Entry {
    code: "TLSRPT_REPORT_MAILED",
    severity: Notice,
    title: "A TLS-RPT report was read from the message",
    detail: "The message carries an aggregate report as an application/tlsrpt+gzip or +json \
             attachment. Mailed reports must be DKIM-signed by the reporting domain, with a key \
             whose DNS record allows the \"tlsrpt\" service type (s=tlsrpt or s=*); that key \
             record is not visible here, so the signature was not checked.",
    fix: "",
    refs: &[("RFC 8460", "§5.3"), ("RFC 6376", "§3.6.1")],
};

/// A tlsrpt message without a readable report.
pub static TLSRPT_REPORT_MAIL_WITHOUT_REPORT: Entry = Entry {
    code: "TLSRPT_REPORT_MAIL_WITHOUT_REPORT",
    severity: Warning,
    title: "The message looks like a TLS-RPT report but has no readable report",
    detail: "It is marked as a TLS report (report-type=tlsrpt or TLS-Report-Domain), but no \
             application/tlsrpt+gzip or application/tlsrpt+json attachment could be found.",
    fix: "Save the attachment and drop the .json.gz file here instead.",
    refs: &[("RFC 8460", "§5.3")],
};

/// `starttls-not-supported`.
pub static TLSRPT_RESULT_STARTTLS_NOT_SUPPORTED: Entry = Entry {
    code: "TLSRPT_RESULT_STARTTLS_NOT_SUPPORTED",
    severity: Warning,
    title: "starttls-not-supported: an MX did not offer STARTTLS",
    detail: "The sender connected to your MX and found no STARTTLS in its EHLO reply. Either TLS \
             is not enabled on that host, or something between the sender and your MX (a \
             firewall's SMTP inspection, an attacker) removed the offer. Under an enforce \
             policy the mail was not delivered to that host.",
    fix: "Enable STARTTLS on every MX and check from outside with openssl s_client \
          -starttls smtp; turn off SMTP inspection features on firewalls that strip STARTTLS.",
    refs: &[("RFC 8460", "§4.3.1"), ("RFC 3207", "")],
};

/// `certificate-host-mismatch`.
pub static TLSRPT_RESULT_CERTIFICATE_HOST_MISMATCH: Entry = Entry {
    code: "TLSRPT_RESULT_CERTIFICATE_HOST_MISMATCH",
    severity: Warning,
    title: "certificate-host-mismatch: the certificate doesn't name the MX",
    detail: "The certificate your MX presented does not list the MX host name the sender \
             connected to in its subject alternative names (or does not match what the policy \
             requires). MTA-STS and DANE-TA senders refuse such a host.",
    fix: "Add every MX host name as a DNS name in the certificate's subject alternative names, \
          and make sure each MX serves the right certificate (SNI).",
    refs: &[("RFC 8460", "§4.3.1"), ("RFC 8461", "§4.2")],
};

/// `certificate-expired`.
pub static TLSRPT_RESULT_CERTIFICATE_EXPIRED: Entry = Entry {
    code: "TLSRPT_RESULT_CERTIFICATE_EXPIRED",
    severity: Warning,
    title: "certificate-expired: an MX presented an expired certificate",
    detail: "The certificate was past its end date when the sender connected. Senders applying \
             MTA-STS in enforce mode (or DANE-TA) deferred the mail; opportunistic senders still \
             delivered it, encrypted but unauthenticated.",
    fix: "Renew the certificate, automate renewal, and make sure the mail server reloads it \
          after each renewal.",
    refs: &[("RFC 8460", "§4.3.1")],
};

/// `certificate-not-trusted`.
pub static TLSRPT_RESULT_CERTIFICATE_NOT_TRUSTED: Entry = Entry {
    code: "TLSRPT_RESULT_CERTIFICATE_NOT_TRUSTED",
    severity: Warning,
    title: "certificate-not-trusted: the certificate doesn't chain to a trusted CA",
    detail: "The sender could not build a chain from your MX's certificate to a CA it trusts: \
             the certificate is self-signed or from a private CA, or the server doesn't send \
             the intermediate certificates.",
    fix: "Use a certificate from a public CA and configure the server to send the full chain \
          (leaf first, then intermediates).",
    refs: &[("RFC 8460", "§4.3.1"), ("RFC 8461", "§4.2")],
};

/// `validation-failure`.
pub static TLSRPT_RESULT_VALIDATION_FAILURE: Entry = Entry {
    code: "TLSRPT_RESULT_VALIDATION_FAILURE",
    severity: Warning,
    title: "validation-failure: the TLS session failed for another reason",
    detail: "A general failure that fits none of the other types: for example a handshake error, \
             no common protocol version or cipher, or a certificate problem the sender could not \
             classify. The failure-reason-code, when given, usually names the cause.",
    fix: "Look at the failure-reason-code and the receiving MX, then test that MX with \
          openssl s_client -starttls smtp.",
    refs: &[("RFC 8460", "§4.3.1")],
};

/// `tlsa-invalid`.
pub static TLSRPT_RESULT_TLSA_INVALID: Entry = Entry {
    code: "TLSRPT_RESULT_TLSA_INVALID",
    severity: Warning,
    title: "tlsa-invalid: no TLSA record matched the certificate",
    detail: "The MX has DNSSEC-signed TLSA records, but none of them matches the certificate \
             chain the server presented. This typically follows a certificate renewal with a \
             new key while the TLSA record still holds the old key's digest. DANE senders defer \
             the mail.",
    fix: "Publish a TLSA record for the key in use (3 1 1 is the usual choice), and during a key \
          change publish the new record at least two TTLs before deploying the new key.",
    refs: &[("RFC 8460", "§4.3.2.1"), ("RFC 7671", "§8.1")],
};

/// `dnssec-invalid`.
pub static TLSRPT_RESULT_DNSSEC_INVALID: Entry = Entry {
    code: "TLSRPT_RESULT_DNSSEC_INVALID",
    severity: Warning,
    title: "dnssec-invalid: DNSSEC validation failed",
    detail: "The sender's validating resolver returned no valid records: signatures expired, a \
             DS record doesn't match the zone's keys, or another DNSSEC error. DANE senders \
             cannot deliver while this lasts.",
    fix: "Check the zone's DNSSEC chain (for example with DNSViz) and re-sign it; make sure \
          signing is automated and DS records match after key rollovers.",
    refs: &[("RFC 8460", "§4.3.2.1"), ("RFC 7672", "§2.2")],
};

/// `dane-required`.
pub static TLSRPT_RESULT_DANE_REQUIRED: Entry = Entry {
    code: "TLSRPT_RESULT_DANE_REQUIRED",
    severity: Warning,
    title: "dane-required: the sender requires DANE but found no TLSA records",
    detail: "The sending system is configured to require DANE for your domain, but found no \
             DNSSEC-validated TLSA records for the MX host, so it did not deliver.",
    fix: "Publish TLSA records in a DNSSEC-signed zone for every MX host, or ask the sender to \
          drop the requirement.",
    refs: &[("RFC 8460", "§4.3.2.1")],
};

/// `sts-policy-fetch-error`.
pub static TLSRPT_RESULT_STS_POLICY_FETCH_ERROR: Entry = Entry {
    code: "TLSRPT_RESULT_STS_POLICY_FETCH_ERROR",
    severity: Warning,
    title: "sts-policy-fetch-error: the MTA-STS policy could not be fetched",
    detail: "The sender found your _mta-sts TXT record but could not fetch the policy: the host \
             mta-sts.<domain> did not resolve or answer, the answer was not 200, or it \
             redirected. The failure-reason-code often gives the HTTP status or error.",
    fix: "Check that https://mta-sts.<your domain>/.well-known/mta-sts.txt answers 200 with the \
          policy, without redirects, from outside your network.",
    refs: &[("RFC 8460", "§4.3.2.2"), ("RFC 8461", "§3.3")],
};

/// `sts-policy-invalid`.
pub static TLSRPT_RESULT_STS_POLICY_INVALID: Entry = Entry {
    code: "TLSRPT_RESULT_STS_POLICY_INVALID",
    severity: Warning,
    title: "sts-policy-invalid: the MTA-STS policy was rejected",
    detail: "The sender fetched the policy but found it invalid: a syntax error, a missing \
             field, or a wrong media type are the usual causes.",
    fix: "Paste the policy (or the output of curl -sSi for its URL) here to see the exact \
          problem.",
    refs: &[("RFC 8460", "§4.3.2.2"), ("RFC 8461", "§3.2")],
};

/// `sts-webpki-invalid`.
pub static TLSRPT_RESULT_STS_WEBPKI_INVALID: Entry = Entry {
    code: "TLSRPT_RESULT_STS_WEBPKI_INVALID",
    severity: Warning,
    title: "sts-webpki-invalid: the policy host's certificate failed",
    detail: "The HTTPS certificate of mta-sts.<domain> could not be validated: expired, not \
             valid for that name (common when mta-sts is a CNAME to a provider that has no \
             certificate for your name), or not from a trusted CA.",
    fix: "Serve mta-sts.<your domain> with a valid public certificate for exactly that name, \
          and renew it automatically.",
    refs: &[("RFC 8460", "§4.3.2.2"), ("RFC 8461", "§3.3")],
};

/// A result type outside the registry.
pub static TLSRPT_RESULT_UNKNOWN: Entry = Entry {
    code: "TLSRPT_RESULT_UNKNOWN",
    severity: Notice,
    title: "The report names an unregistered result type",
    detail: "The result type is not one of the eleven in the IANA registry. The sessions are \
             counted as failures, but what went wrong can only be guessed from the type's name \
             and the failure-reason-code.",
    fix: "",
    refs: &[("RFC 8460", "§4.3")],
};
