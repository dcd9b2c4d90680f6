//! The grade: a finished report in, a letter per area and overall out, with the rule that
//! produced it stated in the report so the page can show it. There is no hidden scoring: every
//! letter follows from the findings' codes and severities by the rules in [`RULES`].
//!
//! Must not parse anything; it reads a finished [`Report`].

use serde::{Deserialize, Serialize};

use super::dane::DaneStatus;
use super::finding::{Finding, Severity};
use super::mta_sts::Mode;
use super::transport::PathVerdict;
use super::Report;

/// How the grade was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posture {
    /// A+ … F, or None when nothing gradable was given.
    pub grade: Option<String>,
    /// The rule that produced this grade, in one sentence.
    pub rule: String,
    /// The facts that decided it (the titles of the findings that set the letter).
    pub reasons: Vec<String>,
    /// What the grade can't reflect because an input is missing. No data is never a fail.
    pub limits: Vec<String>,
    /// One entry per area, in the page's order.
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// The three areas of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// How the message travelled: the hops of the headers.
    Transport,
    /// The receiving server's certificate chain and live TLS (certificates, s_client).
    Server,
    /// What stops a downgrade and reports failures: MTA-STS, DANE, TLS-RPT, REQUIRETLS.
    Policy,
}

impl Area {
    /// A heading for people.
    pub fn label(self) -> &'static str {
        match self {
            Area::Transport => "Transport",
            Area::Server => "Server and certificates",
            Area::Policy => "Policies",
        }
    }

    /// The area a finding code belongs to, or None for findings about the input itself.
    pub fn of(code: &str) -> Option<Area> {
        let prefix = code.split('_').next().unwrap_or_default();
        match prefix {
            "HOP" | "PATH" | "HDR" => Some(Area::Transport),
            "CERT" | "SCLIENT" => Some(Area::Server),
            "MTA" | "TLSRPT" | "DANE" | "TLSA" | "REQUIRETLS" => Some(Area::Policy),
            _ => None,
        }
    }
}

/// One area's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Which area.
    pub area: Area,
    /// Its letter, or None when the area had no input.
    pub grade: Option<String>,
    /// One sentence.
    pub summary: String,
    /// How many findings of each severity it has: critical, warning, notice, ok.
    pub counts: [usize; 4],
}

/// The grading rules, best to worst, as shown in the page.
pub const RULES: &[(&str, &str)] = &[
    (
        "A+",
        "Nothing below a notice in any area, and the inputs prove that senders must use \
         authenticated TLS to the recipient's MX: a valid MTA-STS policy in enforce mode covering \
         the MX hosts, or DNSSEC-validated TLSA records that match the server's chain.",
    ),
    (
        "A",
        "Nothing below a notice in any area given: every public hop used TLS 1.2 or 1.3 with \
         forward secrecy (or TLS of unstated version), and certificates and policies have no \
         warnings.",
    ),
    (
        "B",
        "At least one warning: TLS 1.0/1.1, a suite without forward secrecy, a public hop that \
         doesn't say whether it used TLS, or a certificate or policy warning.",
    ),
    ("C", "A public hop used SSL 3.0, RC4 or 3DES."),
    (
        "F",
        "At least one critical finding: a plaintext public hop, SSL 2.0, a NULL, export-grade or \
         single-DES suite, or a certificate or policy problem that makes delivery fail or leaves \
         the domain unprotected.",
    ),
];

/// Transport codes that set a letter below A although their severity is a notice or warning.
const TRANSPORT_C: &[&str] = &["HOP_SSL3", "HOP_CIPHER_RC4", "HOP_CIPHER_3DES"];
const TRANSPORT_B: &[&str] = &[
    "HOP_TLS_DEPRECATED",
    "HOP_CIPHER_NO_FORWARD_SECRECY",
    "HOP_ENCRYPTION_UNKNOWN",
];

/// Grades a report.
pub fn grade(report: &Report) -> Posture {
    let mut posture = Posture::default();
    let present = |area: Area| match area {
        Area::Transport => report
            .path
            .as_ref()
            .is_some_and(|p| !matches!(p.verdict, PathVerdict::NoHops | PathVerdict::InternalOnly)),
        Area::Server => !report.certificates.is_empty() || report.s_client.is_some(),
        Area::Policy => {
            !report.mta_sts_policies.is_empty()
                || !report.dns_records.is_empty()
                || !report.tls_rpt_reports.is_empty()
        }
    };

    let mut letters = Vec::new();
    for area in [Area::Transport, Area::Server, Area::Policy] {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| Area::of(&f.code) == Some(area))
            .filter(|f| area != Area::Transport || counts_for_transport(report, f))
            .collect();
        let mut counts = [0; 4];
        for f in &findings {
            let slot = match f.severity {
                Severity::Critical => 0,
                Severity::Warning => 1,
                Severity::Notice => 2,
                Severity::Ok => 3,
            };
            if let Some(c) = counts.get_mut(slot) {
                *c += 1;
            }
        }
        if !present(area) {
            posture.sections.push(Section {
                area,
                grade: None,
                summary: absent_summary(area).to_string(),
                counts,
            });
            continue;
        }
        let (letter, deciding) = area_letter(area, &findings);
        for f in deciding {
            if !posture.reasons.contains(&f.title) {
                posture.reasons.push(f.title.clone());
            }
        }
        posture.sections.push(Section {
            area,
            grade: Some(letter.to_string()),
            summary: area_summary(area, report, letter),
            counts,
        });
        letters.push(letter);
    }

    let Some(worst) = letters.iter().copied().max_by_key(|l| rank(l)) else {
        posture.rule = "Nothing gradable was given: paste message headers, certificates or an \
                        s_client transcript, or the domain's MTA-STS policy and DNS records."
            .to_string();
        posture.limits = limits(report, &present);
        return posture;
    };
    let proven = downgrade_protection(report);
    let letter = if worst == "A" && proven.is_some() {
        "A+"
    } else {
        worst
    };
    posture.grade = Some(letter.to_string());
    posture.rule = RULES
        .iter()
        .find(|(g, _)| *g == letter)
        .map(|(_, r)| (*r).to_string())
        .unwrap_or_default();
    if let Some(how) = proven {
        posture.reasons.push(how);
    }
    if posture.reasons.is_empty() {
        if let Some(path) = &report.path {
            posture.reasons.push(path.headline.clone());
        }
    }
    posture.limits = limits(report, &present);
    if letter == "A" && present(Area::Policy) {
        posture.limits.push(
            "A+ needs proof that senders must use authenticated TLS: a valid MTA-STS policy in \
             enforce mode, or DNSSEC-validated TLSA records matching the chain."
                .to_string(),
        );
    }
    posture
}

/// Only findings about public hops, or about the path as a whole, grade the transport.
fn counts_for_transport(report: &Report, finding: &Finding) -> bool {
    match finding.hop {
        Some(i) => report.hops.get(i).is_some_and(|h| !h.internal),
        None => true,
    }
}

fn rank(letter: &str) -> u8 {
    match letter {
        "A+" => 0,
        "A" => 1,
        "B" => 2,
        "C" => 3,
        _ => 4,
    }
}

/// An area's letter and the findings that decided it.
fn area_letter<'a>(area: Area, findings: &[&'a Finding]) -> (&'static str, Vec<&'a Finding>) {
    let critical: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| f.severity == Severity::Critical)
        .collect();
    if !critical.is_empty() {
        return ("F", critical);
    }
    if area == Area::Transport {
        let c: Vec<&Finding> = findings
            .iter()
            .copied()
            .filter(|f| TRANSPORT_C.contains(&f.code.as_str()))
            .collect();
        if !c.is_empty() {
            return ("C", c);
        }
    }
    let b: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| {
            f.severity == Severity::Warning
                || (area == Area::Transport && TRANSPORT_B.contains(&f.code.as_str()))
        })
        .collect();
    if !b.is_empty() {
        return ("B", b);
    }
    ("A", Vec::new())
}

/// How the inputs prove that senders must use authenticated TLS, if they do.
fn downgrade_protection(report: &Report) -> Option<String> {
    let dane = report
        .dane
        .as_ref()
        .filter(|d| d.status == DaneStatus::Matches && d.dnssec == Some(true));
    if dane.is_some() {
        return Some(
            "DNSSEC-validated TLSA records match the server's chain, so DANE senders refuse \
             anything else."
                .to_string(),
        );
    }
    let sts = report.mta_sts_policies.iter().find(|p| {
        p.valid
            && p.mode == Some(Mode::Enforce)
            && !p.mx_coverage.is_empty()
            && p.mx_coverage.iter().all(|c| c.covered_by.is_some())
    });
    sts.map(|_| {
        "A valid MTA-STS policy in enforce mode covers the MX hosts, so senders that fetched it \
         refuse plaintext and unauthenticated TLS."
            .to_string()
    })
}

fn absent_summary(area: Area) -> &'static str {
    match area {
        Area::Transport => "No message headers with a public hop were given.",
        Area::Server => "No certificates or s_client transcript were given.",
        Area::Policy => "No MTA-STS policy, DNS records or TLS-RPT reports were given.",
    }
}

fn area_summary(area: Area, report: &Report, letter: &str) -> String {
    match area {
        Area::Transport => report
            .path
            .as_ref()
            .map(|p| p.headline.clone())
            .unwrap_or_default(),
        Area::Server => report
            .chain
            .as_ref()
            .map(|c| c.headline.clone())
            .or_else(|| {
                report
                    .s_client
                    .as_ref()
                    .map(|_| "Read from the s_client transcript.".to_string())
            })
            .unwrap_or_default(),
        Area::Policy => {
            let mut parts = Vec::new();
            if let Some(p) = report.mta_sts_policies.first() {
                parts.push(format!(
                    "MTA-STS policy {}{}",
                    if p.valid { "valid" } else { "invalid" },
                    p.mode
                        .map_or(String::new(), |m| format!(", mode {}", m.name()))
                ));
            }
            if let Some(d) = &report.dane {
                parts.push(d.headline.clone());
            }
            if !report.tls_rpt_reports.is_empty() {
                parts.push(format!(
                    "{} TLS-RPT report(s)",
                    report.tls_rpt_reports.len()
                ));
            }
            if parts.is_empty() {
                parts.push(format!("Grade {letter} from the DNS records given."));
            }
            parts.join("; ")
        }
    }
}

fn limits(report: &Report, present: &dyn Fn(Area) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    if !present(Area::Transport) {
        out.push(if report.path.is_some() {
            "The headers have no public hop, so the transport is not graded.".to_string()
        } else {
            "No headers: how a message actually travelled is not graded.".to_string()
        });
    }
    if !present(Area::Server) {
        out.push(
            "No certificates or s_client transcript: the server's certificate is not graded."
                .to_string(),
        );
    }
    if !present(Area::Policy) {
        out.push(
            "No MTA-STS policy or TLSA records: whether senders are forced to authenticate the \
             server is not graded, so A+ is not possible."
                .to_string(),
        );
    }
    out
}
