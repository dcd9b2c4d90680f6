//! Catalogue entries for MTA-STS (RFC 8461): the policy file, its `_mta-sts` TXT record, the
//! HTTPS fetch and the cross-checks against the MX hosts.
//!
//! Severity convention: Critical means senders that follow RFC 8461 reject the policy or record
//! (so it protects nothing), Warning a risk some senders trip over, Notice advice.

use super::Entry;
use crate::analysis::finding::Severity::{Critical, Notice, Ok, Warning};

/// Every entry of this area.
pub static ALL: &[&Entry] = &[
    &MTA_STS_POLICY_EMPTY,
    &MTA_STS_LOOKS_LIKE_HTML,
    &MTA_STS_BOM,
    &MTA_STS_CR_LINE_ENDING,
    &MTA_STS_BLANK_LINE,
    &MTA_STS_LEADING_WHITESPACE,
    &MTA_STS_SPACE_BEFORE_COLON,
    &MTA_STS_LINE_NOT_FIELD,
    &MTA_STS_BAD_KEY,
    &MTA_STS_EMPTY_VALUE,
    &MTA_STS_INVALID_CHARACTER,
    &MTA_STS_VERSION_MISSING,
    &MTA_STS_VERSION_INVALID,
    &MTA_STS_MODE_MISSING,
    &MTA_STS_MODE_INVALID,
    &MTA_STS_MAX_AGE_MISSING,
    &MTA_STS_MAX_AGE_INVALID,
    &MTA_STS_MAX_AGE_TOO_LARGE,
    &MTA_STS_MX_MISSING,
    &MTA_STS_MX_INVALID,
    &MTA_STS_MX_U_LABEL,
    &MTA_STS_MX_WILDCARD_POSITION,
    &MTA_STS_MX_TRAILING_DOT,
    &MTA_STS_MX_IP_ADDRESS,
    &MTA_STS_DUPLICATE_FIELD,
    &MTA_STS_KEY_TYPO,
    &MTA_STS_UNKNOWN_KEY,
    &MTA_STS_TOO_LARGE,
    &MTA_STS_TOO_MANY_PROBLEMS,
    &MTA_STS_MAX_AGE_SHORT,
    &MTA_STS_MAX_AGE_BELOW_WEEK,
    &MTA_STS_MODE_NONE,
    &MTA_STS_MODE_TESTING,
    &MTA_STS_MODE_ENFORCE,
    &MTA_STS_NO_SUBDOMAINS,
    &MTA_STS_WILDCARD_ZONE,
    &MTA_STS_POLICY_ID_REMINDER,
    &MTA_STS_MX_NOT_COVERED,
    &MTA_STS_MX_ALL_COVERED,
    &MTA_STS_HTTP_STATUS,
    &MTA_STS_HTTP_REDIRECT,
    &MTA_STS_CONTENT_TYPE,
    &MTA_STS_HTTP_CACHED,
    &MTA_STS_TXT_NOT_STS,
    &MTA_STS_TXT_VERSION,
    &MTA_STS_TXT_SPACE_BEFORE_SEMICOLON,
    &MTA_STS_TXT_ID_MISSING,
    &MTA_STS_TXT_ID_INVALID,
    &MTA_STS_TXT_SYNTAX,
    &MTA_STS_TXT_DUPLICATE_FIELD,
    &MTA_STS_TXT_MULTIPLE,
    &MTA_STS_TXT_OK,
];

/// Nothing in the body.
pub static MTA_STS_POLICY_EMPTY: Entry = Entry {
    code: "MTA_STS_POLICY_EMPTY",
    severity: Critical,
    title: "The MTA-STS policy is empty",
    detail: "A policy needs at least the version, mode and max_age fields. Senders that fetch an \
             empty body treat the domain as having no valid policy.",
    fix: "Serve the policy text (version, mode, mx and max_age lines) at \
          https://mta-sts.<your domain>/.well-known/mta-sts.txt.",
    refs: &[("RFC 8461", "§3.2")],
};

/// The body is an HTML page.
pub static MTA_STS_LOOKS_LIKE_HTML: Entry = Entry {
    code: "MTA_STS_LOOKS_LIKE_HTML",
    severity: Critical,
    title: "The policy URL returned an HTML page",
    detail: "The body starts with an HTML tag, so the web server answered with a page (often a \
             site's index or error page served for every path) instead of the policy file. \
             Senders find no version, mode or max_age in it and treat the domain as having no \
             policy.",
    fix: "Serve the plain-text policy at /.well-known/mta-sts.txt on the mta-sts host, with \
          Content-Type text/plain, and make sure the site's catch-all rule doesn't take over \
          that path.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 8461", "§3.3")],
};

/// A UTF-8 byte order mark.
pub static MTA_STS_BOM: Entry = Entry {
    code: "MTA_STS_BOM",
    severity: Critical,
    title: "The policy starts with a byte order mark",
    detail: "The file begins with the invisible UTF-8 byte order mark (EF BB BF), which some \
             editors on Windows add. A parser that follows the RFC 8461 grammar reads the first \
             key as \"\u{FEFF}version\", not \"version\", and rejects the policy.",
    fix: "Save the file as UTF-8 without BOM (or plain ASCII).",
    refs: &[("RFC 8461", "§3.2")],
};

/// Carriage return without line feed.
pub static MTA_STS_CR_LINE_ENDING: Entry = Entry {
    code: "MTA_STS_CR_LINE_ENDING",
    severity: Critical,
    title: "Lines end with a bare carriage return",
    detail: "Policy lines must end with LF or CRLF; mixing the two is fine. A carriage return on \
             its own (old Mac line endings) is not a line ending, so senders read the text around \
             it as one long, invalid line. mailtls read the pieces separately to report what else \
             is wrong with them.",
    fix: "Save the file with Unix (LF) or Windows (CRLF) line endings.",
    refs: &[("RFC 8461", "§3.2")],
};

/// An empty or whitespace-only line.
pub static MTA_STS_BLANK_LINE: Entry = Entry {
    code: "MTA_STS_BLANK_LINE",
    severity: Critical,
    title: "The policy contains a blank line",
    detail: "The RFC 8461 grammar is a sequence of key: value lines with an optional line break \
             at the very end; it has no empty lines. Strict parsers (mox, for one) reject the \
             whole policy because of a blank line, including an extra one at the end, while \
             lenient ones skip it. mailtls counts it as an error because a sender that follows \
             the grammar exactly is entitled to refuse the policy.",
    fix: "Delete the blank line. One line break after the last line is fine.",
    refs: &[("RFC 8461", "§3.2")],
};

/// Whitespace before the key.
pub static MTA_STS_LEADING_WHITESPACE: Entry = Entry {
    code: "MTA_STS_LEADING_WHITESPACE",
    severity: Critical,
    title: "A line starts with whitespace",
    detail: "Each line must start with its key. Spaces or tabs before the key make the line \
             invalid under the RFC 8461 grammar, and strict senders reject the policy. mailtls \
             read the field anyway to report anything else.",
    fix: "Remove the spaces or tabs at the start of the line.",
    refs: &[("RFC 8461", "§3.2")],
};

/// Whitespace between the key and the colon.
pub static MTA_STS_SPACE_BEFORE_COLON: Entry = Entry {
    code: "MTA_STS_SPACE_BEFORE_COLON",
    severity: Critical,
    title: "A space comes before the colon",
    detail: "The grammar allows whitespace after the colon but not before it, so \"mode : \
             enforce\" is invalid and strict senders reject the policy.",
    fix: "Write the key and the colon together, as in \"mode: enforce\".",
    refs: &[("RFC 8461", "§3.2")],
};

/// Not a key: value line.
pub static MTA_STS_LINE_NOT_FIELD: Entry = Entry {
    code: "MTA_STS_LINE_NOT_FIELD",
    severity: Critical,
    title: "A line is not a key: value field",
    detail: "Every line of a policy is a key, a colon and a value. A line without a colon \
             doesn't fit the grammar, so senders reject the whole policy.",
    fix: "Correct the line to the form \"key: value\", or delete it.",
    refs: &[("RFC 8461", "§3.2")],
};

/// A key with characters the grammar doesn't allow.
pub static MTA_STS_BAD_KEY: Entry = Entry {
    code: "MTA_STS_BAD_KEY",
    severity: Critical,
    title: "A key is not a valid field name",
    detail: "Field names start with a letter or digit and continue with up to 31 letters, \
             digits, underscores, hyphens or dots. Anything else breaks the grammar and senders \
             reject the policy.",
    fix: "Correct the key; the known keys are version, mode, mx and max_age.",
    refs: &[("RFC 8461", "§3.2")],
};

/// A field with nothing after the colon.
pub static MTA_STS_EMPTY_VALUE: Entry = Entry {
    code: "MTA_STS_EMPTY_VALUE",
    severity: Critical,
    title: "A field has no value",
    detail: "The grammar requires a value after the colon, even for extension fields, so an \
             empty field makes the policy invalid.",
    fix: "Give the field a value or delete the line.",
    refs: &[("RFC 8461", "§3.2")],
};

/// Control characters.
pub static MTA_STS_INVALID_CHARACTER: Entry = Entry {
    code: "MTA_STS_INVALID_CHARACTER",
    severity: Critical,
    title: "A line contains a control character",
    detail: "Policy values are printable text; apart from tabs around values, control characters \
             (such as NUL or escape) are outside the grammar and make the policy invalid.",
    fix: "Remove the control character; re-save the file as plain text.",
    refs: &[("RFC 8461", "§3.2")],
};

/// No version field.
pub static MTA_STS_VERSION_MISSING: Entry = Entry {
    code: "MTA_STS_VERSION_MISSING",
    severity: Critical,
    title: "The policy has no version field",
    detail: "\"version: STSv1\" is required. Without it senders reject the policy.",
    fix: "Add the line \"version: STSv1\".",
    refs: &[("RFC 8461", "§3.2")],
};

/// A version other than STSv1.
pub static MTA_STS_VERSION_INVALID: Entry = Entry {
    code: "MTA_STS_VERSION_INVALID",
    severity: Critical,
    title: "The policy version is not STSv1",
    detail: "The only version is STSv1, written exactly so (it is case-sensitive). Any other \
             value makes the policy invalid.",
    fix: "Write \"version: STSv1\".",
    refs: &[("RFC 8461", "§3.2")],
};

/// No mode field.
pub static MTA_STS_MODE_MISSING: Entry = Entry {
    code: "MTA_STS_MODE_MISSING",
    severity: Critical,
    title: "The policy has no mode field",
    detail: "The mode (enforce, testing or none) is required. Without it senders reject the \
             policy.",
    fix: "Add \"mode: testing\" while you check the reports, then \"mode: enforce\".",
    refs: &[("RFC 8461", "§3.2")],
};

/// A mode value outside enforce/testing/none.
pub static MTA_STS_MODE_INVALID: Entry = Entry {
    code: "MTA_STS_MODE_INVALID",
    severity: Critical,
    title: "The mode is not enforce, testing or none",
    detail: "The mode must be one of enforce, testing or none, in lower case. Any other value \
             makes the policy invalid.",
    fix: "Write \"mode: enforce\", \"mode: testing\" or \"mode: none\".",
    refs: &[("RFC 8461", "§3.2")],
};

/// No max_age field.
pub static MTA_STS_MAX_AGE_MISSING: Entry = Entry {
    code: "MTA_STS_MAX_AGE_MISSING",
    severity: Critical,
    title: "The policy has no max_age field",
    detail: "max_age, the number of seconds senders may cache the policy, is required. Without \
             it senders reject the policy.",
    fix: "Add \"max_age: 604800\" (one week) or longer once the policy is settled.",
    refs: &[("RFC 8461", "§3.2")],
};

/// max_age not 1 to 10 digits.
pub static MTA_STS_MAX_AGE_INVALID: Entry = Entry {
    code: "MTA_STS_MAX_AGE_INVALID",
    severity: Critical,
    title: "max_age is not a whole number of seconds",
    detail: "max_age is written as 1 to 10 decimal digits: no units, signs, spaces inside or \
             fractions. Any other value makes the policy invalid.",
    fix: "Write the number of seconds, e.g. \"max_age: 604800\" for one week.",
    refs: &[("RFC 8461", "§3.2")],
};

/// max_age above a year.
pub static MTA_STS_MAX_AGE_TOO_LARGE: Entry = Entry {
    code: "MTA_STS_MAX_AGE_TOO_LARGE",
    severity: Critical,
    title: "max_age is larger than the allowed maximum",
    detail: "The largest max_age is 31557600 seconds (one year). Larger values are outside the \
             specification, and senders may reject the policy or treat it differently.",
    fix: "Use at most 31557600; a few weeks (e.g. 1209600 or 2419200) is a common choice.",
    refs: &[("RFC 8461", "§3.2")],
};

/// No mx line while the mode needs one.
pub static MTA_STS_MX_MISSING: Entry = Entry {
    code: "MTA_STS_MX_MISSING",
    severity: Critical,
    title: "The policy lists no mx patterns",
    detail: "Unless the mode is none, a policy must list at least one mx pattern naming the MX \
             hosts senders may deliver to. Without one the policy is invalid.",
    fix: "Add one \"mx:\" line per MX host (or a \"*.\" pattern covering them).",
    refs: &[("RFC 8461", "§3.2")],
};

/// An mx value that isn't a host name.
pub static MTA_STS_MX_INVALID: Entry = Entry {
    code: "MTA_STS_MX_INVALID",
    severity: Critical,
    title: "An mx pattern is not a valid host name",
    detail: "mx values are host names (letters, digits and hyphens in dot-separated labels, no \
             label starting or ending with a hyphen), optionally preceded by \"*.\". Anything \
             else breaks the grammar and senders reject the policy.",
    fix: "Write the MX host name exactly as in your MX records, without a trailing dot.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 5321", "§4.1.2")],
};

/// A Unicode label.
pub static MTA_STS_MX_U_LABEL: Entry = Entry {
    code: "MTA_STS_MX_U_LABEL",
    severity: Critical,
    title: "An mx pattern contains non-ASCII characters",
    detail: "Internationalised host names must be written in their A-label (\"xn--\", punycode) \
             form in a policy; U-labels (the Unicode form) are not allowed, so senders reject the \
             policy.",
    fix: "Convert the name to its A-label form (for example with `idn2` or your registrar's \
          converter) and use that.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 5890", "§2.3.2.1")],
};

/// A `*` anywhere but as the whole leftmost label.
pub static MTA_STS_MX_WILDCARD_POSITION: Entry = Entry {
    code: "MTA_STS_MX_WILDCARD_POSITION",
    severity: Critical,
    title: "A wildcard is not the whole leftmost label",
    detail: "The only wildcard form is \"*.\" followed by a host name, standing for exactly one \
             label. Patterns such as \"mx*.example.com\", \"*mx.example.com\" or \
             \"*.*.example.com\" are invalid, and senders reject the policy.",
    fix: "List each MX host, or use one \"*.\" pattern for hosts that differ only in their \
          first label.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 8461", "§4.1")],
};

/// A trailing dot.
pub static MTA_STS_MX_TRAILING_DOT: Entry = Entry {
    code: "MTA_STS_MX_TRAILING_DOT",
    severity: Critical,
    title: "An mx pattern ends with a dot",
    detail: "DNS zone files write fully qualified names with a final dot, but the policy grammar \
             does not allow it. Strict senders reject the policy; others may fail to match the \
             MX host.",
    fix: "Remove the trailing dot.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 5321", "§4.1.2")],
};

/// An IP address where a host name belongs.
pub static MTA_STS_MX_IP_ADDRESS: Entry = Entry {
    code: "MTA_STS_MX_IP_ADDRESS",
    severity: Warning,
    title: "An mx pattern is an IP address",
    detail: "Senders compare the MX host name from DNS with the mx patterns, never an address, \
             and MX records point at names. An IP address therefore never matches any MX. A \
             dotted IPv4 address happens to fit the host-name grammar; an IPv6 address does \
             not, which also makes the policy invalid.",
    fix: "Replace the address with the MX host name your MX record points to.",
    refs: &[("RFC 8461", "§4.1"), ("RFC 5321", "§5.1")],
};

/// A non-mx key seen twice.
pub static MTA_STS_DUPLICATE_FIELD: Entry = Entry {
    code: "MTA_STS_DUPLICATE_FIELD",
    severity: Warning,
    title: "A field appears more than once",
    detail: "Only mx may be repeated. For any other field, senders use the first occurrence and \
             ignore the rest, so the later line has no effect and may mislead whoever edits the \
             file next.",
    fix: "Keep one line for the field, with the value you mean.",
    refs: &[("RFC 8461", "§3.2")],
};

/// An unknown key that looks like a misspelt known one.
pub static MTA_STS_KEY_TYPO: Entry = Entry {
    code: "MTA_STS_KEY_TYPO",
    severity: Warning,
    title: "An unknown key looks like a misspelt field",
    detail: "Unknown keys are valid extensions and senders silently ignore them, so a misspelt \
             key means the field it was meant to be is missing. Keys are case-sensitive and use \
             an underscore in max_age.",
    fix: "Spell the key exactly: version, mode, mx or max_age.",
    refs: &[("RFC 8461", "§3.2")],
};

/// An extension field.
pub static MTA_STS_UNKNOWN_KEY: Entry = Entry {
    code: "MTA_STS_UNKNOWN_KEY",
    severity: Notice,
    title: "The policy has an extension field",
    detail: "Keys other than version, mode, mx and max_age are extensions. They are valid and \
             senders ignore them; no extension is defined today.",
    fix: "",
    refs: &[("RFC 8461", "§3.2")],
};

/// A body over 64 KiB.
pub static MTA_STS_TOO_LARGE: Entry = Entry {
    code: "MTA_STS_TOO_LARGE",
    severity: Warning,
    title: "The policy is larger than 64 KiB",
    detail: "Senders may limit the size of the policy they fetch to protect themselves, and 64 \
             KiB is the size they are told they may refuse above. A policy this large may be \
             ignored.",
    fix: "Shorten the policy: use \"*.\" patterns instead of listing many hosts, and remove \
          comments or padding.",
    refs: &[("RFC 8461", "§3.3")],
};

/// More problems than are listed.
pub static MTA_STS_TOO_MANY_PROBLEMS: Entry = Entry {
    code: "MTA_STS_TOO_MANY_PROBLEMS",
    severity: Notice,
    title: "More problems than listed",
    detail: "The policy has so many problems that only the first ones are listed; the rest are \
             likely the same mistakes repeated.",
    fix: "Correct the listed problems and check the policy again.",
    refs: &[],
};

/// max_age under a day with testing or enforce.
pub static MTA_STS_MAX_AGE_SHORT: Entry = Entry {
    code: "MTA_STS_MAX_AGE_SHORT",
    severity: Warning,
    title: "max_age is shorter than a day",
    detail: "Senders keep the policy only for max_age seconds. MTA-STS protects a connection \
             only while a sender holds a cached policy, so a short max_age leaves long gaps in \
             which an attacker who blocks the policy fetch can downgrade delivery. RFC 8461 \
             expects values of weeks or more.",
    fix: "Raise max_age to at least a week (604800); a few weeks is better once the policy is \
          stable.",
    refs: &[("RFC 8461", "§3.2"), ("RFC 8461", "§10.2")],
};

/// max_age under a week with testing or enforce.
pub static MTA_STS_MAX_AGE_BELOW_WEEK: Entry = Entry {
    code: "MTA_STS_MAX_AGE_BELOW_WEEK",
    severity: Notice,
    title: "max_age is shorter than a week",
    detail: "A short max_age is handy while you test changes, but RFC 8461 expects values of \
             weeks or more: the policy protects only while senders have it cached.",
    fix: "Once the policy is stable, raise max_age to a few weeks (e.g. 1209600 or 2419200).",
    refs: &[("RFC 8461", "§3.2")],
};

/// mode: none.
pub static MTA_STS_MODE_NONE: Entry = Entry {
    code: "MTA_STS_MODE_NONE",
    severity: Notice,
    title: "The policy is in mode none",
    detail: "With mode none, senders treat the domain as having no MTA-STS policy. That is the \
             documented way to withdraw MTA-STS: publish mode none with a short max_age, bump the \
             TXT id, and remove the records only after every sender's cached policy has expired. \
             A short max_age is right here.",
    fix: "If you meant to protect mail to this domain, switch to mode testing and then enforce.",
    refs: &[("RFC 8461", "§5"), ("RFC 8461", "§8.3")],
};

/// mode: testing.
pub static MTA_STS_MODE_TESTING: Entry = Entry {
    code: "MTA_STS_MODE_TESTING",
    severity: Notice,
    title: "The policy is in testing mode",
    detail: "In testing mode, senders check your MX hosts and certificates and report failures \
             through TLS-RPT, but still deliver when the checks fail. It does not stop a \
             downgrade yet. The readiness list shows what is known about switching to enforce.",
    fix: "Publish a TLS-RPT record, read the reports for a couple of weeks, fix every failure \
          they show, then change the mode to enforce and bump the TXT id.",
    refs: &[("RFC 8461", "§5"), ("RFC 8460", "§3")],
};

/// mode: enforce.
pub static MTA_STS_MODE_ENFORCE: Entry = Entry {
    code: "MTA_STS_MODE_ENFORCE",
    severity: Ok,
    title: "The policy is in enforce mode",
    detail: "Senders that have this policy cached deliver only to the listed MX hosts, over TLS \
             with a certificate that is valid for the MX host and chains to a trusted CA. They \
             defer mail instead of falling back to cleartext.",
    fix: "",
    refs: &[("RFC 8461", "§5"), ("RFC 8461", "§4.2")],
};

/// Subdomains are not covered.
pub static MTA_STS_NO_SUBDOMAINS: Entry = Entry {
    code: "MTA_STS_NO_SUBDOMAINS",
    severity: Notice,
    title: "The policy covers this domain only, not its subdomains",
    detail: "An MTA-STS policy applies to mail for exactly the domain it is published for. Mail \
             to user@sub.example.com looks up _mta-sts.sub.example.com and is unprotected \
             unless that subdomain publishes its own TXT record and policy.",
    fix: "Publish a TXT record and policy for every subdomain that receives mail.",
    refs: &[("RFC 8461", "§3.4")],
};

/// `mx: *.zone` admits every host of the zone.
pub static MTA_STS_WILDCARD_ZONE: Entry = Entry {
    code: "MTA_STS_WILDCARD_ZONE",
    severity: Notice,
    title: "A wildcard pattern admits any host in the zone",
    detail: "A pattern such as \"*.example.com\" lets senders deliver to any host directly under \
             example.com that has a valid public certificate. Anyone who can obtain such a \
             certificate and point an MX there (a compromised web host, a dangling DNS name) \
             passes the policy.",
    fix: "Where practical, list the MX hosts by name instead of with a wildcard.",
    refs: &[("RFC 8461", "§10.4")],
};

/// The id must change with the policy.
pub static MTA_STS_POLICY_ID_REMINDER: Entry = Entry {
    code: "MTA_STS_POLICY_ID_REMINDER",
    severity: Notice,
    title: "Change the TXT id whenever the policy changes",
    detail: "Senders fetch the policy again only when the id in the _mta-sts TXT record changes \
             (or their copy expires). If you edit the policy but keep the id, senders go on using \
             the old one for up to max_age: this caused real outages, such as a sender keeping a \
             policy that no longer listed the new MX (postfix-mta-sts-resolver issue 113). The \
             SHA-256 shown with the policy changes with every edit; note it next to the id you \
             publish so a stale id is easy to spot.",
    fix: "Upload the new policy first, then publish a new id (for example a timestamp such as \
          20240501T120000).",
    refs: &[("RFC 8461", "§3.1"), ("RFC 8461", "§8.1")],
};

/// An MX that no pattern covers.
pub static MTA_STS_MX_NOT_COVERED: Entry = Entry {
    code: "MTA_STS_MX_NOT_COVERED",
    severity: Critical,
    title: "An MX host is not covered by the policy",
    detail: "Senders check every MX host against the mx patterns before connecting. In enforce \
             mode they will not deliver to a host that matches no pattern; in testing mode they \
             deliver but report a failure. A wildcard covers exactly one label: \
             \"*.example.com\" matches mx.example.com, not example.com or a.b.example.com.",
    fix: "Add an mx line for the host (or correct the pattern), upload the policy, then bump \
          the TXT id.",
    refs: &[("RFC 8461", "§4.1"), ("RFC 8461", "§5")],
};

/// Every MX is covered.
pub static MTA_STS_MX_ALL_COVERED: Entry = Entry {
    code: "MTA_STS_MX_ALL_COVERED",
    severity: Ok,
    title: "Every MX host matches an mx pattern",
    detail: "Each known MX host matches one of the policy's mx patterns, so senders that honour \
             the policy may deliver to all of them (given a valid certificate).",
    fix: "",
    refs: &[("RFC 8461", "§4.1")],
};

/// A status other than 200.
pub static MTA_STS_HTTP_STATUS: Entry = Entry {
    code: "MTA_STS_HTTP_STATUS",
    severity: Critical,
    title: "The policy URL did not answer 200 OK",
    detail: "Senders accept the policy only from a 200 response. Any other status is a fetch \
             failure: new senders get no policy, and senders with a cached copy keep using it \
             until it expires.",
    fix: "Serve the file at /.well-known/mta-sts.txt on mta-sts.<your domain> so that it \
          answers 200.",
    refs: &[("RFC 8461", "§3.3")],
};

/// A redirect.
pub static MTA_STS_HTTP_REDIRECT: Entry = Entry {
    code: "MTA_STS_HTTP_REDIRECT",
    severity: Critical,
    title: "The policy URL redirects",
    detail: "Senders must not follow HTTP redirects when fetching the policy, so a 3xx answer \
             (such as a redirect to https://www.<domain>/ or to another host) is a fetch failure, \
             even if a browser or curl -L shows the policy at the end.",
    fix: "Serve the policy directly from https://mta-sts.<your domain>/.well-known/mta-sts.txt \
          with a 200 answer; exempt that path from site-wide redirects.",
    refs: &[("RFC 8461", "§3.3")],
};

/// Content-Type not text/plain.
pub static MTA_STS_CONTENT_TYPE: Entry = Entry {
    code: "MTA_STS_CONTENT_TYPE",
    severity: Warning,
    title: "The policy is not served as text/plain",
    detail: "Senders should check that the policy comes with Content-Type text/plain (this stops \
             a user-uploaded file elsewhere on the host from posing as a policy). Senders that \
             check reject a policy served as anything else.",
    fix: "Configure the web server to send \"Content-Type: text/plain\" for mta-sts.txt.",
    refs: &[("RFC 8461", "§3.3")],
};

/// A cache answered.
pub static MTA_STS_HTTP_CACHED: Entry = Entry {
    code: "MTA_STS_HTTP_CACHED",
    severity: Notice,
    title: "A cache served the policy",
    detail: "The response headers show a cache or CDN in front of the policy. Senders must not \
             use HTTP caching themselves, but a cache in front of your server can keep serving \
             the old policy after you change it, while the new TXT id tells senders to fetch \
             again.",
    fix: "After uploading a new policy, purge it from the cache, check with curl that the new \
          text is served, and only then bump the TXT id.",
    refs: &[("RFC 8461", "§3.3"), ("RFC 8461", "§8.1")],
};

/// A TXT record that isn't MTA-STS.
pub static MTA_STS_TXT_NOT_STS: Entry = Entry {
    code: "MTA_STS_TXT_NOT_STS",
    severity: Notice,
    title: "A TXT record at _mta-sts is not an MTA-STS record",
    detail: "Senders look only at TXT records that begin with \"v=STSv1;\" and discard the rest. \
             A different record at this name is ignored; it is not an error in itself.",
    fix: "",
    refs: &[("RFC 8461", "§3.1")],
};

/// Almost `v=STSv1;`.
pub static MTA_STS_TXT_VERSION: Entry = Entry {
    code: "MTA_STS_TXT_VERSION",
    severity: Critical,
    title: "The MTA-STS TXT record doesn't begin with v=STSv1;",
    detail: "Senders keep only records that begin exactly with \"v=STSv1;\" (case-sensitive, \
             with the semicolon) and discard all others. This record looks meant as an MTA-STS \
             record but is discarded, so the domain has no policy for senders.",
    fix: "Start the record with \"v=STSv1; id=\" followed by the id.",
    refs: &[("RFC 8461", "§3.1")],
};

/// `v=STSv1 ;`.
pub static MTA_STS_TXT_SPACE_BEFORE_SEMICOLON: Entry = Entry {
    code: "MTA_STS_TXT_SPACE_BEFORE_SEMICOLON",
    severity: Warning,
    title: "A space comes before the first semicolon",
    detail: "The record grammar allows whitespace before a semicolon, but the same section tells \
             senders to discard records that do not begin with \"v=STSv1;\" exactly (a \
             contradiction reported as RFC 8461 erratum 6285). Senders that read it literally \
             discard this record.",
    fix: "Write \"v=STSv1;\" with no space before the semicolon.",
    refs: &[("RFC 8461", "§3.1")],
};

/// No id.
pub static MTA_STS_TXT_ID_MISSING: Entry = Entry {
    code: "MTA_STS_TXT_ID_MISSING",
    severity: Critical,
    title: "The MTA-STS TXT record has no id",
    detail: "The id field is required: senders use it to notice that the policy changed. A \
             record without it is invalid, so the domain has no policy for senders.",
    fix: "Add \"id=\" followed by 1 to 32 letters and digits, for example a timestamp such as \
          20240501T120000.",
    refs: &[("RFC 8461", "§3.1")],
};

/// id not 1-32 alphanumerics.
pub static MTA_STS_TXT_ID_INVALID: Entry = Entry {
    code: "MTA_STS_TXT_ID_INVALID",
    severity: Critical,
    title: "The MTA-STS id is not 1 to 32 letters and digits",
    detail: "The id is 1 to 32 ASCII letters and digits: no hyphens, dots, colons or spaces. \
             Timestamps are popular ids, but written without separators. An invalid id makes \
             the record invalid.",
    fix: "Use only letters and digits, e.g. 20240501T120000 instead of 2024-05-01T12:00:00.",
    refs: &[("RFC 8461", "§3.1")],
};

/// Broken field syntax.
pub static MTA_STS_TXT_SYNTAX: Entry = Entry {
    code: "MTA_STS_TXT_SYNTAX",
    severity: Critical,
    title: "The MTA-STS TXT record has a syntax error",
    detail: "The record is a list of name=value fields separated by semicolons. A field without \
             \"=\", an empty field between two semicolons, an invalid field name or value, or \
             text after the last field makes the record invalid, and senders then treat the \
             domain as having no policy.",
    fix: "Write the record as \"v=STSv1; id=<id>\" with nothing else unless you need an \
          extension.",
    refs: &[("RFC 8461", "§3.1")],
};

/// A field seen twice in the record.
pub static MTA_STS_TXT_DUPLICATE_FIELD: Entry = Entry {
    code: "MTA_STS_TXT_DUPLICATE_FIELD",
    severity: Warning,
    title: "A field appears twice in the MTA-STS record",
    detail: "RFC 8461 tells senders to use the first of duplicated policy fields; implementations \
             apply the same to the TXT record, so the later value is ignored.",
    fix: "Keep a single id field.",
    refs: &[("RFC 8461", "§3.1"), ("RFC 8461", "§3.2")],
};

/// Several STSv1 records.
pub static MTA_STS_TXT_MULTIPLE: Entry = Entry {
    code: "MTA_STS_TXT_MULTIPLE",
    severity: Critical,
    title: "More than one MTA-STS TXT record",
    detail: "When more than one TXT record at _mta-sts begins with \"v=STSv1;\", senders must \
             assume the domain has no MTA-STS policy at all. This often happens when a new id is \
             added without deleting the old record.",
    fix: "Keep exactly one v=STSv1 record and delete the others.",
    refs: &[("RFC 8461", "§3.1")],
};

/// A good record.
pub static MTA_STS_TXT_OK: Entry = Entry {
    code: "MTA_STS_TXT_OK",
    severity: Ok,
    title: "The MTA-STS TXT record is valid",
    detail: "Senders that find this record fetch the policy over HTTPS and fetch it again \
             whenever the id changes. Order matters when you update: upload the new policy \
             first, then change the id, so that senders never fetch an old body under a new id.",
    fix: "",
    refs: &[("RFC 8461", "§3.1"), ("RFC 8461", "§8.1")],
};
