//! Judging the transport path: delays, the trust border, the path verdict and the per-hop
//! findings (plaintext, deprecated versions, weak suites).
//!
//! Must not parse header text (that is `received.rs`); it works on [`Hop`]s.

use serde::{Deserialize, Serialize};

use super::catalog::transport as words;
use super::finding::{Finding, Severity};
use super::received::{HeaderSection, Hop, Trust, VersionSource};
use super::tls::{self, TlsVersion, Weakness};
use super::Options;

/// The verdict on the whole path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathVerdict {
    /// Every public hop recorded TLS.
    AllEncrypted,
    /// At least one public hop was recorded as plaintext.
    PlaintextHop,
    /// No plaintext hop, but at least one public hop doesn't say.
    Incomplete,
    /// Every hop was internal to one operator.
    InternalOnly,
    /// There were no Received lines.
    NoHops,
}

/// How the trust border was placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BorderSource {
    /// From the MX hosts the user typed.
    Given,
    /// Guessed from the host names.
    Inferred,
    /// The user's MX hosts appear nowhere.
    NotFound,
    /// There was nothing to place it on.
    None,
}

/// The judgement of a whole header path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathSummary {
    /// The verdict.
    pub verdict: PathVerdict,
    /// One sentence for the top of the page.
    pub headline: String,
    /// How many hops crossed between operators.
    pub public_hops: usize,
    /// Of those, how many recorded TLS.
    pub encrypted_public_hops: usize,
    /// Hop indexes recorded as plaintext on public links.
    pub plaintext_hops: Vec<usize>,
    /// Hop indexes on public links that don't say.
    pub unknown_hops: Vec<usize>,
    /// The hop written by the recipient's border MX, if placed.
    pub border: Option<usize>,
    /// How the border was placed.
    pub border_source: BorderSource,
    /// Seconds from the first dated hop to the last.
    pub total_seconds: Option<i64>,
}

/// Context from the header section, shown beside the path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageSummary {
    /// `Subject:`.
    pub subject: Option<String>,
    /// `From:`.
    pub from: Option<String>,
    /// `Date:`, RFC 3339.
    pub date: Option<String>,
    /// `Message-ID:`.
    pub message_id: Option<String>,
    /// `TLS-Required:` value (RFC 8689).
    pub tls_required: Option<String>,
    /// SPF/DKIM/DMARC results as (authserv-id, method, result, property).
    pub authentication: Vec<AuthenticationResult>,
}

/// One method's result from `Authentication-Results:`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthenticationResult {
    /// The evaluating host.
    pub authserv_id: String,
    /// `spf`, `dkim`, `dmarc`, `arc`, …
    pub method: String,
    /// `pass`, `fail`, `none`, …
    pub result: String,
    /// The key property, e.g. `header.d=example.com`.
    pub property: Option<String>,
}

/// The output of [`judge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The hops with delays and trust filled in.
    pub hops: Vec<Hop>,
    /// The path verdict.
    pub path: PathSummary,
    /// Message context.
    pub message: MessageSummary,
    /// The findings.
    pub findings: Vec<Finding>,
}

/// Seconds above which a hop's delay is reported.
const LONG_DELAY_SECONDS: i64 = 3600;

/// Judges a header section: fills in delays and trust, and produces the path verdict and the
/// findings.
pub fn judge(mut section: HeaderSection, options: &Options) -> Judged {
    let mut hops = std::mem::take(&mut section.hops);
    let mut findings = Vec::new();

    fill_delays(&mut hops, &mut findings);
    let (border, border_source) = place_border(&mut hops, options);
    for hop in &hops {
        judge_hop(hop, &mut findings);
    }

    for not_hop in section.not_hops.iter().filter(|n| !n.qmail_note) {
        findings.push(Finding::new(&words::HOP_UNREADABLE).at(not_hop.location.clone()));
    }

    let public: Vec<&Hop> = hops.iter().filter(|h| !h.internal).collect();
    let plaintext_hops: Vec<usize> = public
        .iter()
        .filter(|h| h.encrypted == Some(false))
        .map(|h| h.index)
        .collect();
    let unknown_hops: Vec<usize> = public
        .iter()
        .filter(|h| h.encrypted.is_none())
        .map(|h| h.index)
        .collect();
    let encrypted_public_hops = public.iter().filter(|h| h.encrypted == Some(true)).count();

    let verdict = if hops.is_empty() {
        PathVerdict::NoHops
    } else if !plaintext_hops.is_empty() {
        PathVerdict::PlaintextHop
    } else if public.is_empty() {
        PathVerdict::InternalOnly
    } else if unknown_hops.is_empty() {
        PathVerdict::AllEncrypted
    } else {
        PathVerdict::Incomplete
    };

    let headline = headline(
        verdict,
        &hops,
        &plaintext_hops,
        public.len(),
        encrypted_public_hops,
    );
    match verdict {
        PathVerdict::NoHops => findings.push(Finding::new(&words::HDR_NO_RECEIVED)),
        PathVerdict::AllEncrypted => {
            findings.push(Finding::new(&words::PATH_ALL_ENCRYPTED).titled(format!(
                "All {} public hop{} used TLS",
                public.len(),
                plural(public.len())
            )))
        }
        PathVerdict::Incomplete => findings.push(
            Finding::new(&words::PATH_ENCRYPTION_INCOMPLETE).specific(format!(
                "{} of {} public hops recorded TLS; {} do{} not say ({}).",
                encrypted_public_hops,
                public.len(),
                unknown_hops.len(),
                if unknown_hops.len() == 1 { "es" } else { "" },
                hop_list(&unknown_hops)
            )),
        ),
        PathVerdict::PlaintextHop | PathVerdict::InternalOnly => {}
    }
    if !hops.is_empty() {
        findings.push(Finding::new(&words::PATH_AUTHENTICATION_NOT_VISIBLE));
        border_finding(&hops, border, border_source, options, &mut findings);
    }

    let message = summarise_message(&section, &mut findings);
    let total_seconds = {
        let first = hops.iter().find_map(|h| h.timestamp);
        let last = hops.iter().rev().find_map(|h| h.timestamp);
        first.zip(last).map(|(a, b)| b - a)
    };

    Judged {
        path: PathSummary {
            verdict,
            headline,
            public_hops: public.len(),
            encrypted_public_hops,
            plaintext_hops,
            unknown_hops,
            border,
            border_source,
            total_seconds,
        },
        hops,
        message,
        findings,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// "hop 2, hop 5" with 1-based numbers, as the page shows them.
pub fn hop_list(indexes: &[usize]) -> String {
    indexes
        .iter()
        .map(|i| format!("hop {}", i + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

fn headline(
    verdict: PathVerdict,
    hops: &[Hop],
    plaintext: &[usize],
    public: usize,
    encrypted: usize,
) -> String {
    match verdict {
        PathVerdict::NoHops => "No Received lines: there is no path to judge.".into(),
        PathVerdict::AllEncrypted => format!(
            "Encrypted on every public hop ({encrypted} of {public}); server authentication is \
             not visible in headers."
        ),
        PathVerdict::PlaintextHop => {
            let first = plaintext.first().and_then(|i| hops.get(*i));
            let which = first.map_or(String::new(), |h| {
                format!(
                    " ({} \u{2192} {})",
                    h.from.as_deref().unwrap_or("?"),
                    h.by.as_deref().unwrap_or("?")
                )
            });
            format!(
                "Plaintext on {}{which}: the message crossed the internet unencrypted there.",
                hop_list(plaintext)
            )
        }
        PathVerdict::Incomplete => format!(
            "No hop is recorded as plaintext, but only {encrypted} of {public} public hops say \
             they used TLS."
        ),
        PathVerdict::InternalOnly => {
            "Every hop was inside one operator; no public hop to judge.".into()
        }
    }
}

/// Delays between consecutive dated hops. A negative delay is clock skew and is flagged.
fn fill_delays(hops: &mut [Hop], findings: &mut Vec<Finding>) {
    let mut previous: Option<i64> = None;
    for hop in hops.iter_mut() {
        match hop.timestamp {
            Some(t) => {
                if let Some(p) = previous {
                    let delay = t - p;
                    hop.delay_seconds = Some(delay);
                    if delay < 0 {
                        findings.push(
                            Finding::new(&words::HOP_CLOCK_SKEW)
                                .specific(format!(
                                    "Hop {} is stamped {} before the hop below it.",
                                    hop.index + 1,
                                    duration(-delay)
                                ))
                                .at(hop.location.clone())
                                .on_hop(hop.index),
                        );
                    } else if delay > LONG_DELAY_SECONDS {
                        findings.push(
                            Finding::new(&words::HOP_LONG_DELAY)
                                .titled(format!("Hop {} took {}", hop.index + 1, duration(delay)))
                                .at(hop.location.clone())
                                .on_hop(hop.index),
                        );
                    }
                }
                previous = Some(t);
            }
            None => findings.push(
                Finding::new(&words::HOP_DATE_MISSING)
                    .at(hop.location.clone())
                    .on_hop(hop.index),
            ),
        }
    }
}

/// "3 h 12 min", "45 s".
pub fn duration(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min {} s", s / 60, s % 60),
        3600..=86_399 => format!("{} h {} min", s / 3600, (s % 3600) / 60),
        _ => format!("{} d {} h", s / 86_400, (s % 86_400) / 3600),
    }
}

/// Places the border: the top-most hop written by one of the user's MX hosts, or, failing that,
/// the top-most hop that arrived from outside the recipient's operator.
fn place_border(hops: &mut [Hop], options: &Options) -> (Option<usize>, BorderSource) {
    let wanted: Vec<String> = options
        .mx_hosts
        .iter()
        .map(|h| h.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    let (border, source) = if !wanted.is_empty() {
        let found = hops.iter().rev().find(|h| {
            h.by.as_deref().is_some_and(|by| {
                let by = by.trim_end_matches('.').to_ascii_lowercase();
                wanted.contains(&by)
            })
        });
        match found {
            Some(h) => (Some(h.index), BorderSource::Given),
            None => (None, BorderSource::NotFound),
        }
    } else {
        match hops.iter().rev().find(|h| !h.internal) {
            Some(h) => (Some(h.index), BorderSource::Inferred),
            None => (None, BorderSource::None),
        }
    };
    for hop in hops.iter_mut() {
        hop.trust = match border {
            Some(b) if hop.index >= b => Trust::RecordedByRecipient,
            Some(_) => Trust::ClaimedUpstream,
            None => Trust::Unknown,
        };
    }
    (border, source)
}

fn border_finding(
    hops: &[Hop],
    border: Option<usize>,
    source: BorderSource,
    options: &Options,
    findings: &mut Vec<Finding>,
) {
    let describe = |i: usize| {
        hops.get(i).map_or(String::new(), |h| {
            format!(
                "hop {} (by {})",
                i + 1,
                h.by.as_deref().unwrap_or("an unnamed host")
            )
        })
    };
    match (source, border) {
        (BorderSource::Given, Some(b)) => findings.push(
            Finding::new(&words::PATH_BORDER_GIVEN)
                .specific(format!("Your border is {}.", describe(b)))
                .on_hop(b),
        ),
        (BorderSource::Inferred, Some(b)) => findings.push(
            Finding::new(&words::PATH_BORDER_INFERRED)
                .specific(format!(
                    "mailtls placed the border at {}: the top-most hop that arrived from \
                     another operator.",
                    describe(b)
                ))
                .on_hop(b),
        ),
        (BorderSource::NotFound, _) => findings.push(
            Finding::new(&words::PATH_BORDER_NOT_FOUND)
                .specific(format!("You named: {}.", options.mx_hosts.join(", "))),
        ),
        _ => {}
    }
}

fn judge_hop(hop: &Hop, findings: &mut Vec<Finding>) {
    let here = |f: Finding| f.at(hop.location.clone()).on_hop(hop.index);
    let n = hop.index + 1;
    let route = format!(
        "{} \u{2192} {}",
        hop.from.as_deref().unwrap_or("?"),
        hop.by.as_deref().unwrap_or("?")
    );
    let upstream = if hop.trust == Trust::ClaimedUpstream {
        " This line is below the recipient's border, so it is the sender's claim."
    } else {
        ""
    };

    match (hop.encrypted, hop.internal) {
        (Some(false), false) => findings.push(here(
            Finding::new(&words::HOP_PLAINTEXT)
                .titled(format!("Hop {n} ({route}) was plaintext"))
                .specific(format!("{}{upstream}", hop.encryption_evidence)),
        )),
        (None, false) => findings.push(here(
            Finding::new(&words::HOP_ENCRYPTION_UNKNOWN)
                .titled(format!("Hop {n} ({route}) doesn't say whether it used TLS"))
                .specific(&hop.encryption_evidence),
        )),
        (Some(false), true) => findings.push(here(
            Finding::new(&words::HOP_INTERNAL_PLAINTEXT)
                .titled(format!("Internal hop {n} ({route}) did not use TLS"))
                .specific(format!(
                    "Internal because: {}.",
                    hop.internal_reason.as_deref().unwrap_or("same operator")
                )),
        )),
        _ => {}
    }

    // Versions: only a negotiated version (stated, or pinned by the suite) is judged; a cipher's
    // minimum never raises an old-version finding.
    let internal_note = |f: Finding| {
        if hop.internal {
            f.with_severity(Severity::Notice)
                .specific("This hop is internal, so the exposure is limited to that network.")
        } else {
            f
        }
    };
    match (hop.tls_version, hop.tls_version_source) {
        (Some(v), Some(VersionSource::Stated | VersionSource::Inferred)) => {
            let entry = match v {
                TlsVersion::Ssl2 => Some(&words::HOP_SSL2),
                TlsVersion::Ssl3 => Some(&words::HOP_SSL3),
                TlsVersion::Tls1_0 | TlsVersion::Tls1_1 => Some(&words::HOP_TLS_DEPRECATED),
                TlsVersion::Tls1_2 | TlsVersion::Tls1_3 => None,
            };
            if let Some(entry) = entry {
                findings.push(here(internal_note(
                    Finding::new(entry).titled(format!("Hop {n} ({route}) used {}", v.name())),
                )));
            }
        }
        (_, Some(VersionSource::CipherMinimum)) => findings.push(here(
            Finding::new(&words::HOP_VERSION_IS_CIPHER_MINIMUM).specific(format!(
                "Hop {n} says \u{201c}{}\u{201d}.",
                hop.tls_version_written.as_deref().unwrap_or_default()
            )),
        )),
        _ => {}
    }

    let Some(cipher) = hop.cipher.as_deref() else {
        return;
    };
    let Some(info) = tls::lookup(cipher) else {
        let generic = ["other", "unknown", "none"];
        if !generic.contains(&cipher.to_ascii_lowercase().as_str()) {
            findings.push(here(Finding::new(&words::HOP_CIPHER_UNRECOGNISED).titled(
                format!("Hop {n}: cipher \u{201c}{cipher}\u{201d} not recognised"),
            )));
        }
        return;
    };

    // A stated version the suite doesn't exist in. GnuTLS-based MTAs (Exim, Courier) describe
    // TLS 1.3 sessions with 1.2-style names by design, so their dialect is not a contradiction.
    let gnutls = tls::classify(cipher).dialect == tls::CipherDialect::GnuTls;
    if let (Some(v), Some(VersionSource::Stated), false) =
        (hop.tls_version, hop.tls_version_source, gnutls)
    {
        let fits = if info.tls13_only {
            v == TlsVersion::Tls1_3
        } else if v == TlsVersion::Tls1_3 {
            false
        } else {
            !(info.tls12_only && v < TlsVersion::Tls1_2)
        };
        if !fits {
            findings.push(here(
                Finding::new(&words::HOP_VERSION_CIPHER_MISMATCH).specific(format!(
                    "Hop {n} says {} with {cipher}{}.",
                    v.name(),
                    hop.cipher_iana
                        .as_deref()
                        .map_or(String::new(), |iana| format!("; shown as {iana}"))
                )),
            ));
        }
    }
    // When the hop is TLS 1.3 the suite is judged as its TLS 1.3 equivalent.
    let effective = hop
        .cipher_iana
        .as_deref()
        .and_then(tls::lookup)
        .unwrap_or(info);
    for weakness in effective.weaknesses() {
        let entry = match weakness {
            Weakness::NullCipher => &words::HOP_CIPHER_NULL,
            Weakness::Export => &words::HOP_CIPHER_EXPORT,
            Weakness::Des => &words::HOP_CIPHER_DES,
            Weakness::Rc4 => &words::HOP_CIPHER_RC4,
            Weakness::TripleDes | Weakness::Idea => &words::HOP_CIPHER_3DES,
            Weakness::Anonymous => &words::HOP_CIPHER_ANONYMOUS,
            Weakness::NoForwardSecrecy => &words::HOP_CIPHER_NO_FORWARD_SECRECY,
            Weakness::Rc2 | Weakness::Md5Mac => continue,
        };
        findings.push(here(internal_note(
            Finding::new(entry).titled(format!("{}: hop {n} used {cipher}", entry.title)),
        )));
    }
}

fn summarise_message(section: &HeaderSection, findings: &mut Vec<Finding>) -> MessageSummary {
    let mut message = MessageSummary {
        subject: section.subject.clone(),
        from: section.from.clone(),
        date: section.date.clone(),
        message_id: section.message_id.clone(),
        tls_required: section.tls_required.as_ref().map(|(v, _)| v.clone()),
        authentication: Vec::new(),
    };
    if let Some((value, location)) = &section.tls_required {
        if value.trim().eq_ignore_ascii_case("no") {
            findings.push(Finding::new(&words::HDR_TLS_REQUIRED_NO).at(location.clone()));
        }
    }
    // The top-most Authentication-Results field is the recipient's own evaluation.
    if let Some(top) = section.authentication_results.first() {
        for (method, result, property) in &top.results {
            message.authentication.push(AuthenticationResult {
                authserv_id: top.authserv_id.clone(),
                method: method.clone(),
                result: result.clone(),
                property: property.clone(),
            });
        }
        if !top.results.is_empty() {
            let summary = top
                .results
                .iter()
                .filter(|(m, _, _)| matches!(m.as_str(), "spf" | "dkim" | "dmarc" | "arc"))
                .map(|(m, r, _)| format!("{m}={r}"))
                .collect::<Vec<_>>()
                .join(", ");
            if !summary.is_empty() {
                findings.push(
                    Finding::new(&words::HDR_AUTHENTICATION_RESULTS)
                        .titled(format!("Sender authentication: {summary}"))
                        .specific(format!("Evaluated by {}.", top.authserv_id))
                        .at(top.location.clone()),
                );
            }
        }
    }
    if section.hops_not_read > 0 {
        findings.push(Finding::new(&words::HDR_TOO_MANY_HOPS).specific(format!(
            "{} Received lines were found; the newest {} were analysed and {} older ones skipped.",
            section.hops_not_read + super::received::MAX_HOPS,
            super::received::MAX_HOPS,
            section.hops_not_read
        )));
    }
    if section.embedded_messages > 0 {
        findings.push(Finding::new(&words::HDR_EMBEDDED_MESSAGE));
    }
    message
}
