//! Small presentation helpers over report data (no prose; that is `words.rs`).
//!
//! Must not depend on the browser or call analysis functions: the page never links the analysis
//! code, so tiny formatters such as `received::version_label` are repeated here.

use crate::analysis::Hop;

/// A hop's TLS version for display: "TLSv1.3", "≥ TLSv1.0" for a cipher's minimum, or empty.
pub fn version_label(hop: &Hop) -> String {
    match (hop.tls_version, hop.tls_version_at_least) {
        (Some(v), _) => v.name().to_string(),
        (None, Some(min)) => format!("\u{2265} {}", min.name()),
        (None, None) => String::new(),
    }
}
