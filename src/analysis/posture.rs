//! The grade: findings and hops in, a letter and the rule that produced it out. The rule is
//! stated in the report so the page can show it; there is no hidden scoring.
//!
//! Must not parse anything; it reads a finished [`Report`].

use serde::{Deserialize, Serialize};

use super::transport::PathVerdict;
use super::Report;

/// How the grade was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posture {
    /// A+ … F, or None when nothing gradable was given.
    pub grade: Option<String>,
    /// The rule that produced this grade, in one sentence.
    pub rule: String,
    /// The facts that decided it.
    pub reasons: Vec<String>,
    /// What the grade can't reflect because an input is missing.
    pub limits: Vec<String>,
}

/// The grading rules, best to worst, as shown in the page.
pub const RULES: &[(&str, &str)] = &[
    (
        "A+",
        "Every public hop used TLS 1.2 or 1.3 with forward secrecy, and the recipient domain \
         enforces MTA-STS or DANE so a downgrade would have been refused.",
    ),
    (
        "A",
        "Every public hop used TLS 1.2 or 1.3 with forward secrecy (or TLS of unstated version).",
    ),
    (
        "B",
        "Every public hop used TLS, but some with TLS 1.0/1.1 or without forward secrecy, or some \
         public hops don't say whether they used TLS.",
    ),
    ("C", "A public hop used SSL 3.0, RC4 or 3DES."),
    (
        "F",
        "A public hop was plaintext, or used SSL 2.0, a NULL, export-grade or single-DES cipher.",
    ),
];

/// Grades a report.
pub fn grade(report: &Report) -> Posture {
    let mut posture = Posture::default();
    let Some(path) = &report.path else {
        posture.rule =
            "No message headers were given, so there is no transport path to grade.".to_string();
        return posture;
    };
    if matches!(
        path.verdict,
        PathVerdict::NoHops | PathVerdict::InternalOnly
    ) {
        posture.rule = match path.verdict {
            PathVerdict::NoHops => {
                "The headers have no Received lines, so there is no path to grade."
            }
            _ => "Every hop was internal to one operator, so there is no public path to grade.",
        }
        .to_string();
        return posture;
    }

    // The worst public-hop finding decides, by code.
    let public_codes: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| {
            f.hop
                .and_then(|i| report.hops.get(i))
                .is_some_and(|h| !h.internal)
        })
        .map(|f| f.code.as_str())
        .collect();
    let has = |codes: &[&str]| public_codes.iter().any(|c| codes.contains(c));

    let letter = if has(&[
        "HOP_PLAINTEXT",
        "HOP_SSL2",
        "HOP_CIPHER_NULL",
        "HOP_CIPHER_EXPORT",
        "HOP_CIPHER_DES",
    ]) {
        "F"
    } else if has(&["HOP_SSL3", "HOP_CIPHER_RC4", "HOP_CIPHER_3DES"]) {
        "C"
    } else if has(&[
        "HOP_TLS_DEPRECATED",
        "HOP_CIPHER_NO_FORWARD_SECRECY",
        "HOP_ENCRYPTION_UNKNOWN",
    ]) {
        "B"
    } else {
        "A"
    };
    posture.grade = Some(letter.to_string());
    posture.rule = RULES
        .iter()
        .find(|(g, _)| *g == letter)
        .map(|(_, r)| r.to_string())
        .unwrap_or_default();
    for finding in report.findings.iter().filter(|f| {
        public_codes.contains(&f.code.as_str())
            && matches!(
                f.severity,
                super::Severity::Critical | super::Severity::Warning
            )
    }) {
        posture.reasons.push(finding.title.clone());
    }
    if posture.reasons.is_empty() {
        posture.reasons.push(path.headline.clone());
    }
    if letter == "A" {
        posture.limits.push(
            "A+ needs proof that the recipient domain refuses plaintext: paste its MTA-STS \
             policy or DANE TLSA records."
                .to_string(),
        );
    }
    posture
}
