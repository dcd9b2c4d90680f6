//! The finding catalogue: every stable code with its default severity, title, explanation, fix
//! and references. This is reviewed product text; checks refer to entries here and add only the
//! specifics of the case.
//!
//! Must not depend on anything but `finding::Severity`. One file per area keeps reviews small;
//! codes are unique across all of them (a test checks).

pub mod certs;
pub mod dane;
pub mod input;
pub mod mta_sts;
pub mod requiretls;
pub mod sclient;
pub mod tlsrpt;
pub mod transport;

use super::finding::Severity;

/// One catalogue entry.
#[derive(Debug)]
pub struct Entry {
    /// Stable code, e.g. `HOP_PLAINTEXT`. Published in JSON; never renamed.
    pub code: &'static str,
    /// The severity when nothing about the context changes it.
    pub severity: Severity,
    /// A one-line title.
    pub title: &'static str,
    /// The explanation for a mail admin.
    pub detail: &'static str,
    /// What to do. Empty for informational entries.
    pub fix: &'static str,
    /// (document, section) pairs, e.g. `("RFC 8996", "§4")`.
    pub refs: &'static [(&'static str, &'static str)],
}

/// Every entry of every area, for documentation, the page's glossary and tests.
pub fn all() -> impl Iterator<Item = &'static Entry> {
    input::ALL
        .iter()
        .chain(transport::ALL.iter())
        .chain(mta_sts::ALL.iter())
        .chain(tlsrpt::ALL.iter())
        .chain(sclient::ALL.iter())
        .chain(requiretls::ALL.iter())
        .chain(certs::ALL.iter())
        .chain(dane::ALL.iter())
        .copied()
}

/// The entry for a code, if there is one.
pub fn find(code: &str) -> Option<&'static Entry> {
    all().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for entry in all() {
            assert!(seen.insert(entry.code), "duplicate code {}", entry.code);
            assert!(
                entry
                    .code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
                "code {} is not SCREAMING_SNAKE",
                entry.code
            );
            assert!(
                !entry.title.is_empty() && !entry.detail.is_empty(),
                "{} lacks words",
                entry.code
            );
            assert!(
                !entry.title.ends_with('.'),
                "{}: titles are not sentences",
                entry.code
            );
            assert!(
                entry.detail.ends_with('.'),
                "{}: details are sentences",
                entry.code
            );
            if entry.severity == Severity::Critical || entry.severity == Severity::Warning {
                assert!(
                    !entry.fix.is_empty(),
                    "{} is a problem without a fix",
                    entry.code
                );
            }
        }
        assert!(find("HOP_PLAINTEXT").is_some());
        assert!(find("NO_SUCH_CODE").is_none());
    }
}
