//! Findings: what the checker concluded, with a stable code, a severity, the words that explain
//! it and where in the input it comes from.
//!
//! Must not depend on anything outside `analysis`. The words themselves live in `catalog.rs`.

use serde::{Deserialize, Serialize};

use super::catalog::Entry;

/// How much a finding matters, worst first.
///
/// `Ok` is a positive result ("every public hop was encrypted"), shown so a reader sees what was
/// checked and passed, not only what failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Mail is exposed now, or a policy is broken so that it protects nothing.
    Critical,
    /// A weakness an attacker could use, or a setup that will break.
    Warning,
    /// Worth knowing; nothing is broken.
    Notice,
    /// Checked and good.
    Ok,
}

impl Severity {
    /// The lowercase word used in JSON and in the page.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Warning => "warning",
            Severity::Notice => "notice",
            Severity::Ok => "ok",
        }
    }
}

/// A reference to a standard or guideline, with the section that matters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The document, e.g. "RFC 8996" or "NIST SP 800-52r2".
    pub document: String,
    /// The section, e.g. "§2", or empty when the whole document applies.
    pub section: String,
}

impl Reference {
    /// A human-readable label such as "RFC 8461 §4.2".
    pub fn label(&self) -> String {
        if self.section.is_empty() {
            self.document.clone()
        } else {
            format!("{} {}", self.document, self.section)
        }
    }
}

/// Where a finding comes from: which pasted input, which line and column (both 1-based), and the
/// text of that line so the reader can find it without counting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Index into `Report::inputs`.
    pub input: usize,
    /// 1-based line number in that input.
    pub line: u32,
    /// 1-based column (in characters) on that line.
    pub column: u32,
    /// The source text the finding is about, shortened for display.
    pub excerpt: String,
}

/// One conclusion of the checker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable machine-readable code, e.g. `HOP_PLAINTEXT`. Never renamed once published.
    pub code: String,
    /// How much it matters.
    pub severity: Severity,
    /// One line, specific to this case.
    pub title: String,
    /// The explanation for a mail admin: what it means and why it matters.
    pub detail: String,
    /// What to do about it. Empty for purely informational findings.
    pub fix: String,
    /// Standards that back the statement.
    pub refs: Vec<Reference>,
    /// Where it comes from, when it comes from one place.
    pub location: Option<Location>,
    /// The hop (delivery order, 0 = first) it is about, if any.
    pub hop: Option<usize>,
}

impl Finding {
    /// A finding with the catalogue entry's words, its default severity and no location.
    pub fn new(entry: &Entry) -> Finding {
        Finding {
            code: entry.code.to_string(),
            severity: entry.severity,
            title: entry.title.to_string(),
            detail: entry.detail.to_string(),
            fix: entry.fix.to_string(),
            refs: entry
                .refs
                .iter()
                .map(|(document, section)| Reference {
                    document: (*document).to_string(),
                    section: (*section).to_string(),
                })
                .collect(),
            location: None,
            hop: None,
        }
    }

    /// Replaces the generic title with one that names this case.
    pub fn titled(mut self, title: impl Into<String>) -> Finding {
        self.title = title.into();
        self
    }

    /// Puts a sentence specific to this case in front of the catalogue's explanation.
    pub fn specific(mut self, sentence: impl AsRef<str>) -> Finding {
        let sentence = sentence.as_ref().trim();
        if !sentence.is_empty() {
            self.detail = if self.detail.is_empty() {
                sentence.to_string()
            } else {
                format!("{sentence} {}", self.detail)
            };
        }
        self
    }

    /// Overrides the default severity (severity can depend on context, e.g. the policy in force).
    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    /// Attaches the place in the input it comes from.
    pub fn at(mut self, location: Location) -> Finding {
        self.location = Some(location);
        self
    }

    /// Attaches the hop it is about.
    pub fn on_hop(mut self, hop: usize) -> Finding {
        self.hop = Some(hop);
        self
    }
}

/// Sorts findings worst first, keeping the order of discovery among equals.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by_key(|f| f.severity);
}

/// Shortens `text` to at most `max` characters for display, marking the cut with an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_orders_worst_first() {
        let mut v = vec![
            Severity::Ok,
            Severity::Critical,
            Severity::Notice,
            Severity::Warning,
        ];
        v.sort();
        assert_eq!(
            v,
            vec![
                Severity::Critical,
                Severity::Warning,
                Severity::Notice,
                Severity::Ok
            ]
        );
    }

    #[test]
    fn excerpt_cuts_on_characters_not_bytes() {
        assert_eq!(excerpt("ääääää", 4), "äää…");
        assert_eq!(excerpt("  short  ", 10), "short");
    }
}
