//! The words of the policy panels: MTA-STS policy, policy records, TLS-RPT reports, the s_client
//! view and the commands panel. Findings' and diagnostics' words come from `analysis::catalog`
//! (through the report); everything else these panels say is here, in one place, so it can be
//! reviewed as product text.
//!
//! Must not depend on anything but report types: plain constants and tiny word choices.

use crate::analysis::mta_sts::{CheckStatus, LineEndings, Mode};
use crate::analysis::sclient::{NameCheck, Outcome, StartTls};
use crate::analysis::tlsrpt::ReportSource;
use crate::analysis::MxSource;

// --- MTA-STS policy ----------------------------------------------------------------------------

/// The policy panel's heading.
pub const POLICY_TITLE: &str = "MTA-STS policy";

/// The badge of a policy senders accept.
pub const POLICY_VALID: &str = "Senders accept it";

/// The badge of a policy senders reject, with the number of errors.
pub fn policy_invalid(errors: usize) -> String {
    match errors {
        1 => "Senders reject it: 1 error".to_string(),
        n => format!("Senders reject it: {n} errors"),
    }
}

/// What a policy's validity means for senders.
pub fn policy_validity(valid: bool) -> &'static str {
    if valid {
        "A sender following RFC 8461 accepts this policy. Warnings and notices below are worth \
         fixing but don't stop it."
    } else {
        "A sender following RFC 8461 rejects this policy and treats the domain as having none \
         (or keeps a policy it cached earlier). Fix the errors marked in the text."
    }
}

/// The parsed fields' heading.
pub const FIELDS_TITLE: &str = "Fields";
/// Field label.
pub const FIELD_VERSION: &str = "version";
/// Field label.
pub const FIELD_MODE: &str = "mode";
/// Field label.
pub const FIELD_MAX_AGE: &str = "max_age";
/// Field label.
pub const FIELD_MX: &str = "mx";
/// Field label.
pub const FIELD_BODY: &str = "Body";
/// A field the policy lacks.
pub const NOT_SET: &str = "not set";

/// What each mode makes senders do (RFC 8461 §5).
pub fn mode_meaning(mode: Mode) -> &'static str {
    match mode {
        Mode::Enforce => {
            "Senders deliver only to an MX host that matches an mx pattern and presents a valid \
             certificate for its name; otherwise they hold the mail."
        }
        Mode::Testing => {
            "Senders check and report failures (TLS-RPT) but deliver anyway: the step before \
             enforce."
        }
        Mode::None => {
            "Senders treat the domain as having no policy: the way to withdraw MTA-STS \
             (RFC 8461 §8.3)."
        }
    }
}

/// max_age for people: "2 weeks (1209600 s)".
pub fn max_age(seconds: u64) -> String {
    const MINUTE: u64 = 60;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    const WEEK: u64 = 7 * DAY;
    let plural = |n: u64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    let words = if seconds >= WEEK && seconds.is_multiple_of(WEEK) {
        plural(seconds / WEEK, "week")
    } else if seconds >= DAY {
        let days = seconds / DAY;
        if seconds.is_multiple_of(DAY) {
            plural(days, "day")
        } else {
            format!("about {}", plural((seconds + DAY / 2) / DAY, "day"))
        }
    } else if seconds >= HOUR {
        if seconds.is_multiple_of(HOUR) {
            plural(seconds / HOUR, "hour")
        } else {
            format!("about {}", plural((seconds + HOUR / 2) / HOUR, "hour"))
        }
    } else if seconds >= MINUTE && seconds.is_multiple_of(MINUTE) {
        plural(seconds / MINUTE, "minute")
    } else {
        plural(seconds, "second")
    };
    format!("{words} ({seconds} s)")
}

/// The body's size and line endings.
pub fn body(bytes: usize, endings: LineEndings) -> String {
    let endings = match endings {
        LineEndings::Lf => "LF line endings",
        LineEndings::Crlf => "CRLF line endings",
        LineEndings::Mixed => "LF and CRLF mixed (allowed, erratum 6253)",
        LineEndings::CrOnly => "bare CR line endings (not allowed)",
        LineEndings::None => "one line without a line break",
    };
    format!("{}, {endings}", super::words::size_label(bytes))
}

/// The heading over the pasted text.
pub fn source_title(with_http: bool) -> &'static str {
    if with_http {
        "The response as pasted"
    } else {
        "The policy as pasted"
    }
}

/// The hint over the pasted text.
pub const SOURCE_HINT: &str = "Problems are marked where they are; each message is under its line.";

/// The label of a policy's source lines, for screen readers.
pub const SOURCE_LABEL: &str = "Policy text with its problems marked";

/// When the text had more lines than are shown.
pub fn lines_cut(shown: usize) -> String {
    format!("Only the first {shown} lines are shown.")
}

/// A visible stand-in for an invisible character in the text (a BOM, a zero-width space, a
/// non-breaking space, a tab or a bare CR), or `None` for an ordinary character.
pub fn invisible(c: char) -> Option<&'static str> {
    match c {
        '\u{feff}' => Some("BOM"),
        '\u{200b}' => Some("ZWSP"),
        '\u{200c}' => Some("ZWNJ"),
        '\u{200d}' => Some("ZWJ"),
        '\u{00a0}' => Some("NBSP"),
        '\t' => Some("TAB"),
        '\r' => Some("CR"),
        _ => None,
    }
}

/// The diagnostics list's heading.
pub const DIAGNOSTICS_TITLE: &str = "Diagnostics";

/// When a text has no diagnostics.
pub const NO_DIAGNOSTICS: &str = "Nothing to report in the text itself.";

/// Where a diagnostic is: "line 3, column 5".
pub fn at_line(line: u32, column: u32) -> String {
    format!("line {line}, column {column}")
}

/// Where a record's diagnostic is: "column 13".
pub fn at_column(column: u32) -> String {
    format!("column {column}")
}

/// A diagnostic about the policy as a whole (a recommendation, not a place in the text).
pub const WHOLE_POLICY: &str = "whole policy";

/// The button that scrolls to a diagnostic's line.
pub fn go_to_line(line: u32) -> String {
    format!("Show line {line}")
}

/// The hash and id section's heading.
pub const ID_TITLE: &str = "Policy id and body hash";
/// Label.
pub const BODY_SHA256: &str = "SHA-256 of the body";
/// Label.
pub const TXT_ID: &str = "TXT record id";
/// When no `_mta-sts` record was pasted.
pub const NO_TXT_ID: &str = "not pasted: add the output of dig +short TXT _mta-sts.<your domain> \
                             to see it here";
/// The reminder next to the hash.
pub const ID_REMINDER: &str = "Senders fetch the policy again only when the TXT id changes. \
    Whenever you edit the policy, publish the new body first, then change the id (RFC 8461 §8.1). \
    Keep this hash next to the id you publish: if the hash changed and the id didn't, senders \
    keep applying the old policy until its max_age runs out, which has caused real outages.";

/// The MX coverage section's heading.
pub const COVERAGE_TITLE: &str = "MX hosts against the mx patterns";
/// Column.
pub const COL_MX_HOST: &str = "MX host";
/// Column.
pub const COL_MATCHED_BY: &str = "Matched by";
/// An MX host no pattern matches.
pub const NOT_COVERED: &str = "no pattern: senders in enforce mode won't deliver to it";
/// When no MX host is known.
pub const NO_MX_KNOWN: &str = "No MX hosts are known, so coverage can't be checked. Type them in \
    \u{201c}Your MX hosts\u{201d}, or paste dig MX output together with the policy.";
/// When the MX hosts were guessed from headers.
pub const MX_FROM_HEADERS: &str = "These MX hosts were guessed from the message's headers (the \
    host where it entered your side): a heuristic, not your MX records.";

/// Where an MX host came from, for the coverage table.
pub fn mx_source(source: MxSource) -> &'static str {
    match source {
        MxSource::Typed => "typed by you",
        MxSource::Dns => "from DNS MX records",
        MxSource::Transcript => "from the s_client command",
        MxSource::Headers => "guessed from the headers",
    }
}

/// The readiness section's heading.
pub const READINESS_TITLE: &str = "Ready to switch from testing to enforce?";
/// The readiness section's introduction.
pub const READINESS_INTRO: &str = "Change mode to enforce once every item holds, then change the \
    TXT id. Items marked \u{201c}not shown\u{201d} need another paste to check.";

/// The fetch section's heading.
pub const FETCH_TITLE: &str = "How senders fetch the policy";
/// The fetch section's introduction.
pub const FETCH_INTRO: &str = "Senders fetch the policy over HTTPS before they trust it. Each \
    rule below is checked against the curl -sSi output when you paste it.";
/// Label of the policy URL.
pub const FETCH_URL: &str = "URL";
/// When the domain is unknown.
pub const FETCH_URL_UNKNOWN: &str = "https://mta-sts.<your domain>/.well-known/mta-sts.txt";

/// A check's status, as a word.
pub fn check_status(status: CheckStatus) -> &'static str {
    match status {
        CheckStatus::Met => "met",
        CheckStatus::Failed => "not met",
        CheckStatus::NotShown => "not shown",
    }
}

/// The HTTP section's heading.
pub const HTTP_TITLE: &str = "HTTP response";
/// Several responses (curl -L).
pub const HTTP_SEVERAL: &str = "Several responses were pasted (curl -L follows redirects); \
    senders don't, so only the first one counts.";
/// Column.
pub const COL_HEADER: &str = "Header";
/// Column.
pub const COL_VALUE: &str = "Value";

// --- Records -----------------------------------------------------------------------------------

/// The records panel's heading.
pub const RECORDS_TITLE: &str = "MTA-STS and TLS-RPT records";

/// The records panel's note about DNSSEC and dig +short.
pub const RECORDS_DNSSEC: &str = "MTA-STS and TLS-RPT don't rely on DNSSEC, so dig +short output \
    is enough for these records. It hides the ad (authenticated data) flag, which only DANE's \
    TLSA records need.";

/// A record kind.
pub const MTA_STS_RECORD: &str = "MTA-STS record";
/// A record kind.
pub const TLS_RPT_RECORD: &str = "TLS-RPT record";

/// The owner name as shown, or a note when the paste had none.
pub fn owner(owner: Option<&str>, expected: &str) -> String {
    match owner {
        Some(o) => o.to_string(),
        None => format!("{expected} (assumed: the paste had no owner name)"),
    }
}

/// What an `_mta-sts` record means.
pub const MTA_STS_MEANING: &str = "Tells senders this domain publishes an MTA-STS policy at \
    https://mta-sts.<domain>/.well-known/mta-sts.txt. Senders fetch it again only when the id \
    changes, so change the id with every policy edit, after the new policy is served.";

/// What a `_smtp._tls` record means.
pub const TLS_RPT_MEANING: &str = "Tells senders where to send TLS reports (RFC 8460): once a day \
    each sender reports the sessions it made to your MX hosts, with or without TLS problems. \
    Reports are aggregates, not alerts.";

/// A record's status.
pub fn record_status(valid: bool, discarded: bool, tls_rpt: bool) -> &'static str {
    match (valid, discarded, tls_rpt) {
        (_, true, false) => "Ignored: it doesn't begin with v=STSv1;",
        (_, true, true) => "Ignored: it doesn't begin with v=TLSRPTv1",
        (true, _, false) => "Senders accept it",
        (true, _, true) => "Senders accept it",
        (false, _, false) => "Senders reject it",
        (false, _, true) => "Senders can't use it",
    }
}

/// Label.
pub const RECORD_VALUE: &str = "Value";
/// Label.
pub const RECORD_ID: &str = "id";
/// Label.
pub const RECORD_RUA: &str = "Reports go to";
/// A rua URI senders can use.
pub const RUA_USABLE: &str = "usable";
/// A rua URI senders can't use.
pub const RUA_UNUSABLE: &str = "unusable";
/// Label.
pub const EXTENSIONS: &str = "Extensions (ignored by senders)";
/// Label of the value with its problems marked, for screen readers.
pub const VALUE_LABEL: &str = "Record value with its problems marked";

// --- TLS-RPT reports ---------------------------------------------------------------------------

/// A report's heading.
pub fn report_title(organisation: Option<&str>) -> String {
    match organisation {
        Some(o) if !o.trim().is_empty() => format!("TLS-RPT report from {o}"),
        _ => "TLS-RPT report".to_string(),
    }
}

/// Label.
pub const REPORT_PERIOD: &str = "Period";
/// Label.
pub const REPORT_CONTACT: &str = "Contact";
/// Label.
pub const REPORT_ID: &str = "Report id";
/// Label.
pub const REPORT_SOURCE: &str = "Read from";
/// Label.
pub const REPORT_SENT_BY: &str = "Sent by";
/// Label.
pub const REPORT_SIGNED_BY: &str = "DKIM-signed by";
/// When contact-info is missing.
pub const NO_CONTACT: &str = "none given";

/// The reporting period: "2016-04-01 (one UTC day)" or "start to end".
pub fn period(start: &str, end: &str, one_utc_day: bool) -> String {
    if one_utc_day {
        format!("{} (one UTC day)", start.get(..10).unwrap_or(start))
    } else {
        format!("{start} to {end}")
    }
}

/// How the report reached the page.
pub fn report_source(
    source: ReportSource,
    attachment: Option<&str>,
    unpacked: Option<usize>,
) -> String {
    let size = unpacked
        .map(|b| format!(", {} unpacked", super::words::size_label(b)))
        .unwrap_or_default();
    match source {
        ReportSource::Json => "JSON".to_string(),
        ReportSource::Gzip => format!("gzip file{size}"),
        ReportSource::Mail => match attachment {
            Some(name) => format!("report message, attachment {name}{size}"),
            None => format!("report message{size}"),
        },
    }
}

/// The sessions summary.
pub fn sessions(successful: u64, failed: u64) -> String {
    format!("{successful} successful, {failed} failed")
}

/// The label of a policy type.
pub fn policy_type(policy_type: &str) -> String {
    match policy_type {
        "sts" => "MTA-STS".to_string(),
        "tlsa" => "DANE (TLSA)".to_string(),
        "no-policy-found" => "No policy found".to_string(),
        other => format!("Unknown type \u{201c}{other}\u{201d}"),
    }
}

/// Label.
pub const POLICY_DOMAIN: &str = "Domain";
/// Label.
pub const POLICY_MX: &str = "MX patterns";
/// The collapsed policy the sender applied.
pub const POLICY_STRING: &str = "The policy the sender applied";

/// What success means when the sender found no policy.
pub const NO_POLICY_SUCCESS: &str = "Successful here means encrypted but not authenticated: \
    without an MTA-STS or DANE policy, senders use TLS when offered but don't check your MX's \
    certificate, so an attacker on the path could strip TLS or impersonate the MX unnoticed. \
    Publish MTA-STS (or DANE with DNSSEC) to turn these into authenticated sessions.";

/// The failures heading.
pub const FAILURES_TITLE: &str = "Failures by result type";
/// When a policy had no failures.
pub const NO_FAILURES: &str = "No failed sessions.";
/// A result type outside the IANA registry.
pub const UNREGISTERED: &str = "not a registered result type";
/// Label.
pub const WHAT_IT_MEANS: &str = "What it means";
/// Label.
pub const FIX: &str = "Fix";
/// Failed sessions in a group.
pub fn group_sessions(n: u64) -> String {
    if n == 1 {
        "1 failed session".to_string()
    } else {
        format!("{n} failed sessions")
    }
}
/// The details table's caption.
pub const DETAILS_CAPTION: &str = "Where it failed";
/// Column.
pub const COL_SESSIONS: &str = "Sessions";
/// Column.
pub const COL_SENDING_MTA: &str = "Sending MTA";
/// Column.
pub const COL_RECEIVING_MX: &str = "Receiving MX";
/// Column.
pub const COL_RECEIVING_IP: &str = "Receiving IP";
/// Column.
pub const COL_REASON: &str = "Reason code";
/// Column.
pub const COL_MORE: &str = "More information";
/// What a table cell says when the reporter left the value out.
pub const NOT_GIVEN: &str = "—";
/// Under a details table cut at its limit.
pub fn more_rows(hidden: usize) -> String {
    format!("{hidden} more rows are not shown; the CLI's --json output has them all.")
}
/// Under the details table.
pub const MORE_AS_TEXT: &str = "Links in reports are shown as text: mailtls never opens them.";
/// Where in a JSON report a note is.
pub fn report_line(line: u32) -> String {
    format!("line {line} of the report")
}
/// The deviations heading.
pub const REPORT_NOTES: &str = "Notes on the report's format";
/// An unreadable report.
pub const REPORT_UNREADABLE: &str = "This report could not be read.";

// --- s_client ----------------------------------------------------------------------------------

/// The s_client view's heading.
pub const SCLIENT_TITLE: &str = "openssl s_client transcript";
/// Label.
pub const SCLIENT_COMMAND: &str = "Command";
/// Label.
pub const SCLIENT_OUTCOME: &str = "Connection";
/// Label.
pub const SCLIENT_STARTTLS: &str = "STARTTLS";
/// Label.
pub const SCLIENT_PROTOCOL: &str = "Protocol";
/// Label.
pub const SCLIENT_CIPHER: &str = "Cipher";
/// Label.
pub const SCLIENT_KEY_EXCHANGE: &str = "Key exchange";
/// Label.
pub const SCLIENT_VERIFY: &str = "Certificate check";
/// Label.
pub const SCLIENT_NAME: &str = "Host name checked";
/// Label.
pub const SCLIENT_CHAIN: &str = "Chain as sent";
/// Label.
pub const SCLIENT_AFTER_TLS: &str = "EHLO after STARTTLS";
/// Label.
pub const SCLIENT_ERRORS: &str = "Errors";
/// A tag.
pub const POST_QUANTUM: &str = "hybrid post-quantum";
/// A tag.
pub const FORWARD_SECRET: &str = "forward secret";
/// A tag.
pub const NOT_FORWARD_SECRET: &str = "no forward secrecy";

/// How far the connection got.
pub fn outcome(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::ConnectFailed => {
            "No connection: refused, filtered or timed out. Port 25 is often blocked from home \
             and cloud networks."
        }
        Outcome::HandshakeFailed => "Connected, but no TLS session was set up.",
        Outcome::Established => "A TLS session was set up.",
        Outcome::Unknown => "The transcript doesn't show how far it got.",
    }
}

/// What the transcript says about STARTTLS.
pub fn starttls(starttls: StartTls) -> &'static str {
    match starttls {
        StartTls::Offered => "offered by the server",
        StartTls::NotOffered => {
            "not offered: the server's EHLO reply had no STARTTLS, so senders deliver in \
             cleartext (or, under MTA-STS enforce or DANE, not at all)"
        }
        StartTls::NotUsed => {
            "not used: the command connected with TLS from the start (no -starttls)"
        }
        StartTls::Unknown => "not shown",
    }
}

/// Whether the host name was part of the check.
pub fn name_check(check: NameCheck) -> &'static str {
    match check {
        NameCheck::Checked => "yes, with -verify_hostname",
        NameCheck::NotRequested => {
            "no: the command had no -verify_hostname, so \u{201c}0 (ok)\u{201d} says nothing \
             about whether the certificate is for this host"
        }
        NameCheck::Unknown => "not shown: paste the command line too",
    }
}

/// The verified name.
pub fn verified_peername(name: &str) -> String {
    format!("the certificate is valid for {name}")
}

/// The verify result.
pub fn verify_code(code: i64, text: &str) -> String {
    format!("{code} ({text})")
}

/// A chain entry's depth.
pub fn depth(depth: u32) -> String {
    match depth {
        0 => "0 · server".to_string(),
        n => format!("{n} · issuer"),
    }
}

/// Label of an issuer.
pub const ISSUED_BY: &str = "issued by";

/// The link to the certificate panel.
pub const SEE_CERTIFICATES: &str = "Show the full certificate checks";

/// The id of the certificate panel's heading (`cert_panel.rs`), which this view scrolls to.
pub const CERTIFICATES_ID: &str = "certs-title";

/// When the transcript shows no EHLO reply after STARTTLS.
pub const NO_EHLO_AFTER_TLS: &str = "Not shown: s_client doesn't print the EHLO reply after \
    STARTTLS. To see the capabilities (REQUIRETLS among them), add -crlf -ign_eof, drop \
    </dev/null and type EHLO yourself once the session is up.";

/// The note on s_client's echoed `250 …` line.
pub fn echoed_line(text: &str) -> String {
    format!(
        "\u{201c}{text}\u{201d} after the handshake is the end of the EHLO reply before \
         STARTTLS, echoed by s_client; it says nothing about the TLS session."
    )
}

// --- Commands ----------------------------------------------------------------------------------

/// The commands panel's heading.
pub const COMMANDS_TITLE: &str = "Commands to run";

/// Next to the commands panel's heading (it may start closed).
pub const COMMANDS_SUMMARY: &str = "Check your MX hosts, MTA-STS, TLS-RPT and DANE from a terminal";

/// Why there are commands.
pub const COMMANDS_INTRO: &str = "A browser can't look up DNS records or open a connection to \
    port 25, so run these where you can and paste their output here; mailtls reads each one.";

/// When the commands are filled in.
pub fn commands_filled(domain: &str) -> String {
    format!("Filled in with {domain} and the MX hosts known so far.")
}

/// When some commands still use placeholders: all of them (no domain known), or the per-MX ones.
pub fn commands_placeholder(domain: Option<&str>) -> String {
    match domain {
        None => "Commands marked \u{201c}replace example.com\u{201d} use example.com and \
                 mx.example.com: replace them with your domain and MX host, or type your MX \
                 hosts above and paste a record, policy or report that names your domain to fill \
                 them in."
            .to_string(),
        Some(domain) => format!(
            "Filled in with {domain}. Commands marked \u{201c}replace example.com\u{201d} \
             still use mx.example.com: type your MX hosts above, or paste dig MX output, to fill \
             them in."
        ),
    }
}

/// The badge of a command with placeholders.
pub const REPLACE_EXAMPLE: &str = "replace example.com";

/// The port 25 warning.
pub const PORT_25: &str = "Port 25 is blocked outbound on most home connections and many cloud \
    networks: run the s_client commands from a mail server or another host allowed to connect \
    to port 25. A timeout usually means that block, not a dead MX.";

/// Why the s_client options matter.
pub const KEEP_OPTIONS: &str = "Keep 2>&1 and -verify_hostname: without 2>&1, \u{201c}Didn't \
    find STARTTLS\u{201d} and the verify errors go to the terminal but not into what you copy; \
    without -verify_hostname, \u{201c}Verify return code: 0 (ok)\u{201d} passes any valid \
    certificate, whatever name it is for.";

/// The copy button.
pub const COPY: &str = "Copy";
/// The copy button after copying.
pub const COPIED: &str = "Copied";
/// The copy button's label for screen readers.
pub fn copy_label(title: &str) -> String {
    format!("Copy the command: {title}")
}

/// The pitfalls' summary.
pub fn pitfalls(n: usize) -> String {
    match n {
        1 => "1 pitfall".to_string(),
        n => format!("{n} pitfalls"),
    }
}

/// Where a command's MX host came from.
pub fn command_host(source: MxSource) -> String {
    format!("MX host {}", mx_source(source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_age_reads_in_the_largest_whole_unit() {
        for (seconds, expected) in [
            (0, "0 seconds (0 s)"),
            (1, "1 second (1 s)"),
            (300, "5 minutes (300 s)"),
            (3_600, "1 hour (3600 s)"),
            (5_400, "about 2 hours (5400 s)"),
            (86_400, "1 day (86400 s)"),
            (604_800, "1 week (604800 s)"),
            (1_209_600, "2 weeks (1209600 s)"),
            (864_000, "10 days (864000 s)"),
            (31_557_600, "about 365 days (31557600 s)"),
        ] {
            assert_eq!(max_age(seconds), expected, "{seconds}");
        }
    }

    #[test]
    fn periods_and_invisibles() {
        assert_eq!(
            period("2016-04-01T00:00:00Z", "2016-04-01T23:59:59Z", true),
            "2016-04-01 (one UTC day)"
        );
        assert_eq!(period("a", "b", false), "a to b");
        // A start too short for a date is shown as written, never sliced mid-character.
        assert_eq!(period("é", "x", true), "é (one UTC day)");
        assert_eq!(invisible('\u{feff}'), Some("BOM"));
        assert_eq!(invisible('a'), None);
    }
}
