//! The page's own words: labels, the empty state's explanation, banners and notes. Findings'
//! words come from `analysis::catalog`; everything else a reader sees is here, in one place, so
//! it can be reviewed as product text.
//!
//! Must not depend on anything: plain constants and tiny word choices.

use crate::analysis::received::{Trust, VersionSource};
use crate::analysis::transport::BorderSource;
use crate::analysis::{Kind, Severity};

/// The product name.
pub const PRODUCT: &str = "mailtls";

/// The promise under the name.
pub const TAGLINE: &str = "Checks email TLS in your browser — nothing you paste leaves this page";

/// The name given to the first pasted or typed text.
pub const PASTED_NAME: &str = "Pasted text";

/// The name of the n-th pasted input: "Pasted text", "Pasted text 2", …
pub fn pasted_name(n: usize) -> String {
    if n <= 1 {
        PASTED_NAME.to_string()
    } else {
        format!("{PASTED_NAME} {n}")
    }
}

/// The input card's heading.
pub const INPUTS_TITLE: &str = "Inputs";

/// The textarea's label.
pub const INPUT_LABEL: &str = "Paste message headers, an .eml, certificates, an MTA-STS policy, \
                               DNS records, s_client output or a TLS-RPT report";

/// The list of inputs, for screen readers.
pub const INPUT_LIST_LABEL: &str = "Inputs: choose one to show it in the editor";

/// "+ Add input".
pub const ADD_INPUT: &str = "Add input";
/// What "+ Add input" does.
pub const ADD_INPUT_TITLE: &str = "Add another input next to this one (shortcut: a)";

/// A tab's remove button, for screen readers and as its tooltip.
pub fn remove_input(name: &str) -> String {
    format!("Remove {name}")
}

/// A tab's kind badge before the analysis has said, and for a blank input.
pub const KIND_PENDING: &str = "…";
/// A blank input's badge.
pub const KIND_EMPTY: &str = "empty";

/// A short kind name for the tabs.
pub fn kind_short(kind: Kind) -> &'static str {
    match kind {
        Kind::Headers => "Headers",
        Kind::Certificates => "Certificates",
        Kind::MtaStsPolicy => "MTA-STS",
        Kind::DnsRecords => "DNS",
        Kind::SClient => "s_client",
        Kind::TlsRptReport => "TLS-RPT",
        Kind::Unknown => "Unrecognised",
    }
}

/// The editor's placeholder for a blank input that held this kind before.
pub fn placeholder_for(kind: Option<Kind>) -> &'static str {
    match kind {
        Some(Kind::Certificates) => {
            "-----BEGIN CERTIFICATE-----\nMIIF…\n-----END CERTIFICATE-----\n\nPaste the server's \
             chain, leaf first (or drop a .pem/.der file)."
        }
        Some(Kind::MtaStsPolicy) => {
            "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n\nPaste \
             https://mta-sts.example.com/.well-known/mta-sts.txt"
        }
        Some(Kind::DnsRecords) => {
            "_mta-sts.example.com. 3600 IN TXT \"v=STSv1; id=2025…\"\n\nPaste dig output or zone \
             lines: MX, _mta-sts and _smtp._tls TXT, TLSA."
        }
        Some(Kind::SClient) => {
            "openssl s_client -starttls smtp -connect mx1.example.com:25 -showcerts …\n\nPaste \
             the whole output."
        }
        Some(Kind::TlsRptReport) => "{\"organization-name\": …}\n\nPaste a TLS-RPT report (JSON).",
        _ => INPUT_PLACEHOLDER,
    }
}

/// The textarea's placeholder.
pub const INPUT_PLACEHOLDER: &str = "Received: from mail.example.org (mail.example.org [192.0.2.1])\n    \
                                     (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))\n    \
                                     by mx.example.com (Postfix) with ESMTPS id 4Xy…";

/// The textarea's placeholder while a binary file is the input.
pub const REPLACE_FILE: &str = "Or paste text here instead of the file.";

/// The hint under the textarea.
pub const INPUT_HINT: &str = "Analysed as you type. You can also drop a file anywhere on the page.";

/// The examples menu's label and placeholder option.
pub const EXAMPLES_LABEL: &str = "Try an example";
/// The placeholder option of the examples menu.
pub const EXAMPLES_PLACEHOLDER: &str = "Choose an example…";

/// The file button.
pub const OPEN_FILE: &str = "Open files…";

/// The domain field's label.
pub const DOMAIN_LABEL: &str = "Your domain";
/// The domain field's hint.
pub const DOMAIN_HINT: &str = "Optional. The recipient domain, for the policy checks and commands.";
/// The domain field's placeholder.
pub const DOMAIN_PLACEHOLDER: &str = "example.com";

/// The MX hosts field's label.
pub const MX_LABEL: &str = "Your MX hosts";
/// The MX hosts field's hint.
pub const MX_HINT: &str = "Optional. Names your border exactly; separate several with commas.";
/// The MX hosts field's placeholder.
pub const MX_PLACEHOLDER: &str = "mx1.example.com, mx2.example.com";

/// The Clear button.
pub const CLEAR: &str = "Clear all";
/// What Clear does, for its title.
pub const CLEAR_TITLE: &str = "Forget every input, the domain and the MX hosts, here and in this \
    tab's storage";

/// The bar shown after an example replaced the user's inputs.
pub const REPLACED: &str = "The example replaced your inputs.";
/// Its button.
pub const UNDO: &str = "Undo";

/// Why a file was not opened.
pub fn file_too_large(name: &str, size: usize) -> String {
    format!(
        "{name} was not opened: it is {}, and mailtls reads inputs up to 16 MiB. Headers, chains, \
         policies and reports are far smaller; check that this is the right file.",
        size_label(size)
    )
}
/// When an example's files could not be fetched.
pub fn example_failed(reason: &str) -> String {
    format!("The example could not be loaded ({reason}). Reload the page and try again.")
}
/// The button that dismisses the refused-file messages.
pub const DISMISS: &str = "Dismiss";

/// Under a large input.
pub fn large_input(size: usize) -> String {
    format!(
        "This input is {}. The analysis runs in the background, but editing text this long may \
         be slow in the browser; dropping the file is quicker than pasting it.",
        size_label(size)
    )
}
/// Under an input over the analysis limit.
pub fn over_limit(size: usize) -> String {
    format!(
        "This input is {}: only its first 16 MiB are analysed.",
        size_label(size)
    )
}

/// The detected-kind badge's prefix.
pub const DETECTED: &str = "Detected:";

/// The overlay shown while a file is dragged over the page.
pub const DROP_HERE: &str = "Drop files to add them as inputs";
/// The overlay's second line.
pub const DROP_HINT: &str = "Each file becomes an input, routed by its kind: .eml, header text, \
    certificates (PEM or DER), MTA-STS policies, DNS records, s_client output, TLS-RPT reports \
    (.json or .json.gz). Up to 16 MiB each.";

/// Shown instead of the textarea's content when the input is a binary file.
pub fn binary_file(name: &str, size: usize) -> String {
    format!("{name} — {} — read as binary data", size_label(size))
}

/// "1.2 KB", "640 bytes". (Integer arithmetic: float formatting would add ~10 KB of wasm.)
pub fn size_label(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1000..=999_949 => tenths((bytes + 50) / 100, "KB"),
        _ => tenths((bytes + 50_000) / 100_000, "MB"),
    }
}

fn tenths(value: usize, unit: &str) -> String {
    format!("{}.{} {unit}", value / 10, value % 10)
}

// --- Empty state -------------------------------------------------------------------------------

/// The empty state's heading.
pub const EMPTY_TITLE: &str = "See how a message travelled, and whether each hop was encrypted";

/// The empty state's explanation.
pub const EMPTY_INTRO: &str = "Every mail server that relays a message adds a Received line to \
    its header. Many record whether the connection used TLS, which version and which cipher. \
    mailtls reads those lines, hop by hop, and tells you which links were encrypted, which were \
    not, and which don't say. Add your MX servers' certificates, MTA-STS policy, DNS records, \
    s_client output or TLS-RPT reports as further inputs, and it grades the whole domain.";

/// What the empty state says about privacy.
pub const EMPTY_PRIVACY: &str = "The analysis runs here, in WebAssembly. Nothing you paste is \
    uploaded, logged or sent anywhere.";

/// The heading of the "how to get headers" list.
pub const HOWTO_TITLE: &str = "How to get the full headers";

/// Where each mail client shows a message's full header, as (client, steps).
pub const HOWTO: &[(&str, &str)] = &[
    (
        "Gmail",
        "open the message, then ⋮ (More) → “Show original”.",
    ),
    (
        "Outlook",
        "open the message, then … → View → “View message source” (Outlook on the web), or File → \
         Properties → Internet headers (classic Outlook).",
    ),
    (
        "Thunderbird",
        "open the message, then View → “Message Source” (Ctrl+U).",
    ),
    ("Apple Mail", "View → Message → “Raw Source”."),
];

/// The line that points at the examples.
pub const EMPTY_EXAMPLES: &str = "Nothing at hand? Try an example:";

// --- Loading and banners ---------------------------------------------------------------------

/// While the worker loads for the first time.
pub const STARTING: &str = "Starting the analyser…";
/// Under [`STARTING`].
pub const STARTING_HINT: &str =
    "It loads once, then every change is analysed in a few milliseconds.";
/// While a request is out.
pub const ANALYSING: &str = "Analysing…";

/// The crash banner's title.
pub const CRASH_TITLE: &str = "The analyser stopped on this input";
/// The crash banner's explanation.
pub const CRASH_TEXT: &str = "This is a bug in mailtls, not in your input. Your input is still \
    here and kept in this tab. Try again, or copy the details (they name the error and the \
    inputs' sizes, never their content) for a bug report.";
/// The crash banner's buttons.
pub const TRY_AGAIN: &str = "Try again";
/// Copy the crash details.
pub const COPY_DETAILS: &str = "Copy details";
/// After copying.
pub const COPIED: &str = "Copied";

/// The heading of the banner for INPUT_* findings.
pub const INPUT_PROBLEM_TITLE: &str = "mailtls could not read all of this input";

// --- Verdict -----------------------------------------------------------------------------------

/// The overview's heading.
pub const VERDICT_TITLE: &str = "Overview";
/// The label under the grade letter.
pub const GRADE_LABEL: &str = "grade";
/// Shown instead of a letter when nothing could be graded.
pub const NOT_GRADED: &str = "Not graded";
/// Before the grading rule.
pub const RULE_PREFIX: &str = "The rule that gave it:";
/// Before the reasons.
pub const REASONS_TITLE: &str = "What decided it";
/// Before the limits.
pub const LIMITS_TITLE: &str = "What the grade can't see";
/// The principle behind the limits.
pub const NO_DATA_NOT_A_FAIL: &str = "No data is not a fail: an area without input is left out \
    of the grade, not marked down. Add inputs to grade it.";
/// The summary of the grading scale.
pub const SCALE_TITLE: &str = "How grades are given";

/// The heading of the per-area letters.
pub const AREAS_TITLE: &str = "By area";
/// Shown for an area without input.
pub const AREA_NOT_GIVEN: &str = "not given";
/// The caption of an area's letter.
pub fn area_grade_alt(area: &str, grade: Option<&str>) -> String {
    match grade {
        Some(g) => format!("{area}: grade {g}"),
        None => format!("{area}: not graded, no input"),
    }
}
/// The link from an area to its panel.
pub const AREA_DETAILS: &str = "Details";

/// "1 critical · 2 warnings · 3 passed": an area's findings by severity (none: "no findings").
pub fn area_counts(counts: [usize; 4]) -> String {
    let parts: Vec<String> = [
        Severity::Critical,
        Severity::Warning,
        Severity::Notice,
        Severity::Ok,
    ]
    .iter()
    .zip(counts)
    .filter(|(_, n)| *n > 0)
    .map(|(&sev, n)| problem_count(sev, n))
    .collect();
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The heading of the box on what TLS does not do.
pub const TLS_SCOPE_TITLE: &str = "What TLS does not cover";
/// What TLS between mail servers does not protect, as (what, why).
pub const TLS_SCOPE: &[(&str, &str)] = &[
    (
        "Storage.",
        "TLS protects a message only while it moves between two servers. Each server stores it \
         as it chooses, often unencrypted on disk and in backups.",
    ),
    (
        "End-to-end secrecy.",
        "Every relay decrypts the message to pass it on, so each server and mailbox provider on \
         the path can read it. Only S/MIME or OpenPGP keep the content from them.",
    ),
    (
        "The sender's identity.",
        "TLS does not say who wrote the message; that is the job of SPF, DKIM and DMARC \
         (RFC 7208, 6376, 7489).",
    ),
];
/// What it does cover, after the list.
pub const TLS_SCOPE_DOES: &str = "What it does: TLS hides each hop from the network. With \
    MTA-STS (RFC 8461) or DANE (RFC 7672) it also authenticates the receiving server, so an \
    attacker can neither strip the encryption nor pose as your MX. Without them, TLS between MXs \
    is opportunistic (RFC 7435): encrypted, but the server is not checked.";

/// Printed above the results, in place of the input card: what was analysed.
pub const PRINT_INPUTS: &str = "Inputs analysed";
/// Printed: when.
pub fn print_analysed_at(at: &str) -> String {
    format!("Analysed at {at}, in the browser; nothing was uploaded.")
}

/// The export buttons' group label.
pub const EXPORT_LABEL: &str = "Export";
/// The Markdown export button.
pub const EXPORT_MARKDOWN: &str = "Markdown";
/// Its tooltip.
pub const EXPORT_MARKDOWN_TITLE: &str = "Download a ticket-ready summary (mailtls-report.md)";
/// The JSON export button.
pub const EXPORT_JSON: &str = "JSON";
/// Its tooltip.
pub const EXPORT_JSON_TITLE: &str =
    "Download the whole report, the same JSON as mailtls check --json (mailtls-report.json)";
/// The print button.
pub const EXPORT_PRINT: &str = "Print / PDF";
/// Its tooltip.
pub const EXPORT_PRINT_TITLE: &str = "Print the report, or save it as PDF from the print dialog";

/// What headers can never show, in one line.
pub const HEADERS_CANNOT_SHOW: &str = "Headers can't show whether any sender checked the \
    receiving server's certificate (that needs MTA-STS or DANE), and lines below your border \
    can be forged.";

/// "9 hops · 3 public, 3 encrypted · delivered in 58 s".
pub fn path_stats(hops: usize, public: usize, encrypted: usize, total: Option<&str>) -> String {
    let mut out = format!("{hops} hop{}", plural(hops));
    if public > 0 {
        out.push_str(&format!(" · {public} public, {encrypted} with TLS"));
    }
    if let Some(total) = total {
        out.push_str(&format!(" · delivered in {total}"));
    }
    out
}

/// How the border was placed, for the verdict card.
pub fn border_note(source: BorderSource, hop: Option<usize>) -> Option<String> {
    let n = hop.map(|h| h + 1);
    match (source, n) {
        (BorderSource::Given, Some(n)) => Some(format!(
            "Border at hop {n}, from your MX hosts. Lines from there on were written by your \
             servers."
        )),
        (BorderSource::Inferred, Some(n)) => Some(format!(
            "Border guessed at hop {n} (the last hop from another operator). Name your MX hosts \
             to place it exactly."
        )),
        (BorderSource::NotFound, _) => Some(
            "None of your MX hosts appears in these headers, so the border could not be placed."
                .to_string(),
        ),
        _ => None,
    }
}

// --- Hop table ---------------------------------------------------------------------------------

/// The hop table's heading.
pub const HOPS_TITLE: &str = "Hops";
/// Under the heading.
pub const HOPS_HINT: &str = "In delivery order: hop 1 is the first server that received the \
    message. Select a row to see its Received line.";
/// The hop order, for the exports.
pub const HOPS_ORDER: &str =
    "In delivery order: hop 1 is the first server that received the message.";
/// The table's column headings.
pub const COL_HOP: &str = "Hop";
/// Encryption column.
pub const COL_TLS: &str = "Encrypted";
/// Route column.
pub const COL_ROUTE: &str = "From → by";
/// Protocol column.
pub const COL_WITH: &str = "With";
/// Version and cipher column.
pub const COL_VERSION: &str = "TLS version and cipher";
/// Delay column.
pub const COL_DELAY: &str = "Delay";

/// The word shown beside the lock.
pub fn encrypted_word(encrypted: Option<bool>) -> &'static str {
    match encrypted {
        Some(true) => "TLS",
        Some(false) => "No TLS",
        None => "Not stated",
    }
}

/// The lock's text alternative.
pub fn encrypted_alt(encrypted: Option<bool>) -> &'static str {
    match encrypted {
        Some(true) => "Encrypted with TLS",
        Some(false) => "Not encrypted",
        None => "The line doesn't say whether TLS was used",
    }
}

/// How a version was learnt, as a tag.
pub fn version_source(source: VersionSource) -> &'static str {
    match source {
        VersionSource::Stated => "stated",
        VersionSource::CipherMinimum => "cipher minimum",
        VersionSource::Inferred => "inferred",
    }
}

/// How a version was learnt, explained (a tooltip).
pub fn version_source_title(source: VersionSource) -> &'static str {
    match source {
        VersionSource::Stated => "The Received line states the negotiated version.",
        VersionSource::CipherMinimum => {
            "The line names only the oldest version the cipher \
            suite works with; the session used that version or a newer one."
        }
        VersionSource::Inferred => {
            "No version is written; the cipher suite exists only in this \
            version."
        }
    }
}

/// The divider row above the border hop.
pub fn border_divider(source: BorderSource) -> &'static str {
    match source {
        BorderSource::Given => {
            "Your border MX (from the hosts you named): the lines above were \
            already in the message when it arrived — the sender's claim."
        }
        _ => {
            "The recipient's border (guessed): the lines above were already in the message when \
            it arrived — the sender's claim."
        }
    }
}

/// "1 critical", "2 warnings", "3 notices", "1 passed": findings counted by severity.
pub fn problem_count(severity: Severity, n: usize) -> String {
    match severity {
        Severity::Critical => format!("{n} critical"),
        Severity::Warning => format!("{n} warning{}", plural(n)),
        Severity::Notice => format!("{n} notice{}", plural(n)),
        Severity::Ok => format!("{n} passed"),
    }
}

/// The tag for a hop inside one operator.
pub const INTERNAL: &str = "internal";
/// The tag for a suite without forward secrecy.
pub const NO_FORWARD_SECRECY: &str = "no forward secrecy";
/// The tag on the border hop.
pub const BORDER_TAG: &str = "your border";
/// The tag on hops below the border.
pub const UPSTREAM_TAG: &str = "claimed upstream";
/// The tooltip of [`UPSTREAM_TAG`].
pub const UPSTREAM_TITLE: &str = "Written before the message reached the recipient's border: \
    the sender's claim, which could be forged.";

/// The trust line in a hop's details.
pub fn trust_sentence(trust: Trust) -> &'static str {
    match trust {
        Trust::RecordedByRecipient => {
            "Written by the recipient's own servers (at or after the \
            border)."
        }
        Trust::ClaimedUpstream => UPSTREAM_TITLE,
        Trust::Unknown => "The border could not be placed, so it is unknown who wrote this line.",
    }
}

/// Labels in a hop's details.
pub const DETAIL_EVIDENCE: &str = "Encryption";
/// Why internal.
pub const DETAIL_INTERNAL: &str = "Internal because";
/// Who wrote it.
pub const DETAIL_TRUST: &str = "Written by";
/// Stamped when.
pub const DETAIL_DATE: &str = "Stamped";
/// Software.
pub const DETAIL_SOFTWARE: &str = "Software";
/// Key exchange.
pub const DETAIL_KEY_EXCHANGE: &str = "Key exchange";
/// Client certificate.
pub const DETAIL_CLIENT_CERT: &str = "Client certificate";
/// Why the client certificate note doesn't matter much.
pub const CLIENT_CERT_NOTE: &str = "(about the sending server's certificate, not the receiving \
    server's; none is normal between MXs)";
/// The raw line.
pub const DETAIL_RAW: &str = "Received line";
/// Cipher as written.
pub const DETAIL_CIPHER_WRITTEN: &str = "Cipher as written";

/// "+2 s", "+8 min 26 s", or the clock skew wording for negative delays.
pub fn delay(seconds: i64) -> String {
    if seconds < 0 {
        format!("clock skew −{}", duration(-seconds))
    } else {
        format!("+{}", duration(seconds))
    }
}

/// "45 s", "3 min 12 s", "2 h 5 min", "3 d 4 h".
pub fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min {} s", s / 60, s % 60),
        3600..=86_399 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} d {} h", s / 86_400, (s % 86_400) / 3600),
    }
}

/// "Show all 5,000 hops (4,800 more)".
pub fn show_all(total: usize, hidden: usize, what: &str) -> String {
    format!("Show all {total} {what} ({hidden} more)")
}

// --- Findings ----------------------------------------------------------------------------------

/// The findings heading.
pub const FINDINGS_TITLE: &str = "Findings";

/// A severity group's heading.
pub fn severity_heading(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Critical",
        Severity::Warning => "Warnings",
        Severity::Notice => "Notices",
        Severity::Ok => "Passed",
    }
}

/// A severity's word, for a finding's text alternative.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Critical",
        Severity::Warning => "Warning",
        Severity::Notice => "Notice",
        Severity::Ok => "Passed",
    }
}

/// Before the fix.
pub const FIX: &str = "Fix";
/// Before the references.
pub const REFERENCES: &str = "References";
/// Before the location.
pub const FOUND_AT: &str = "Found at";
/// The location button's title.
pub const SHOW_HOP: &str = "Show this hop in the table";

/// "line 12: Received: from …", with the input's name when there are several inputs.
pub fn location(input_name: Option<&str>, line: u32, excerpt: &str) -> String {
    let place = match input_name {
        Some(name) => format!("{name}, line {line}"),
        None => format!("line {line}"),
    };
    if excerpt.is_empty() {
        place
    } else {
        format!("{place}: {excerpt}")
    }
}

// --- Message context ---------------------------------------------------------------------------

/// The context card's heading.
pub const MESSAGE_TITLE: &str = "Message";
/// Field labels.
pub const SUBJECT: &str = "Subject";
/// Date label.
pub const DATE: &str = "Date";
/// From label.
pub const FROM: &str = "From";
/// TLS-Required label.
pub const TLS_REQUIRED: &str = "TLS-Required";
/// What `TLS-Required: No` means.
pub const TLS_REQUIRED_NOTE: &str = "The sender asked relays to deliver even where TLS policies \
    (MTA-STS, DANE) would refuse (RFC 8689).";
/// The authentication heading.
pub const AUTHENTICATION: &str = "Sender authentication";
/// Why authentication is shown.
pub const AUTHENTICATION_NOTE: &str = "Context only: SPF, DKIM and DMARC say who sent the \
    message, not whether it was encrypted on the way.";
/// The MX hosts heading.
pub const MX_USED: &str = "MX hosts used";

/// Where an MX host came from.
pub fn mx_source(source: crate::analysis::MxSource) -> &'static str {
    match source {
        crate::analysis::MxSource::Typed => "typed by you",
        crate::analysis::MxSource::Dns => "from DNS records",
        crate::analysis::MxSource::Transcript => "from the s_client transcript",
        crate::analysis::MxSource::Headers => "guessed from the headers",
    }
}

// --- Footer ------------------------------------------------------------------------------------

/// "Analysed in 0.8 ms in your browser · first run: the analyser took 240 ms to load", for the
/// one analysis that waited for the worker to start.
pub fn elapsed_first(ms: f64, startup_ms: f64) -> String {
    format!(
        "{} · first run: the analyser took {} ms to load (once per visit)",
        elapsed(ms),
        (startup_ms.max(0.0).round() as u64)
    )
}

/// "Analysed in 0.8 ms in your browser".
pub fn elapsed(ms: f64) -> String {
    // Whole tenths of a millisecond; `as` saturates, so odd values can't panic.
    let tenths = (ms.max(0.0) * 10.0).round() as u64;
    let figure = if tenths == 0 {
        "under 0.1".to_string()
    } else if tenths < 100 {
        format!("{}.{}", tenths / 10, tenths % 10)
    } else {
        format!("{}", (tenths + 5) / 10)
    };
    format!("Analysed in {figure} ms in your browser")
}

/// The footer's pointer to the shortcuts.
pub const SHORTCUTS_HINT: &str = "Keyboard shortcuts";

// --- Keyboard shortcuts ------------------------------------------------------------------------

/// The dialog's heading.
pub const SHORTCUTS_TITLE: &str = "Keyboard shortcuts";
/// The shortcuts, as (keys, what they do). They work when the focus is not in a text field.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("?", "Show this list"),
    ("/", "Go to the editor"),
    ("e", "Go to the examples"),
    ("a", "Add an input"),
    ("Esc", "Close this dialog, or leave a text field"),
];
/// Under the list.
pub const SHORTCUTS_NOTE: &str = "Single-key shortcuts work when the focus is not in a text \
    field. Esc leaves the field first. Ctrl+P (⌘P) prints the report.";
/// The dialog's close button.
pub const CLOSE: &str = "Close";

/// The privacy line in the footer.
pub const PRIVACY: &str = "Your input stays in this tab. It is analysed by WebAssembly on this \
    page and kept in this tab's session storage so a reload doesn't lose it; Clear all wipes it. \
    mailtls makes no network requests beyond loading its own files.";

/// The footer's second line.
pub const FOOTER_NOTE: &str = "References are to RFCs and NIST SP 800-52r2 / 800-177, named as \
    text so nothing here links away.";

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(delay(2), "+2 s");
        assert_eq!(delay(506), "+8 min 26 s");
        assert_eq!(delay(-5), "clock skew −5 s");
        assert_eq!(delay(90_000), "+1 d 1 h");
        assert_eq!(elapsed(0.84), "Analysed in 0.8 ms in your browser");
        assert_eq!(elapsed(12.6), "Analysed in 13 ms in your browser");
        assert_eq!(size_label(640), "640 bytes");
        assert_eq!(size_label(1234), "1.2 KB");
        assert_eq!(size_label(999_960), "1.0 MB");
        assert_eq!(size_label(2_500_000), "2.5 MB");
        assert_eq!(elapsed(0.04), "Analysed in under 0.1 ms in your browser");
        assert_eq!(path_stats(1, 1, 1, None), "1 hop · 1 public, 1 with TLS");
        assert_eq!(location(None, 12, "Received: x"), "line 12: Received: x");
        assert_eq!(location(Some("a.eml"), 3, ""), "a.eml, line 3");
        assert_eq!(
            elapsed_first(0.84, 239.6),
            "Analysed in 0.8 ms in your browser · first run: the analyser took 240 ms to load \
             (once per visit)"
        );
    }

    #[test]
    fn inputs_and_areas_are_named_plainly() {
        assert_eq!(pasted_name(1), "Pasted text");
        assert_eq!(pasted_name(2), "Pasted text 2");
        assert_eq!(area_counts([0, 0, 0, 0]), "no findings");
        assert_eq!(
            area_counts([1, 2, 0, 3]),
            "1 critical · 2 warnings · 3 passed"
        );
        assert!(file_too_large("big.eml", 20_000_000)
            .starts_with("big.eml was not opened: it is 20.0 MB"));
    }
}
