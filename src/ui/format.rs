//! Small presentation helpers over report data (no prose; that is `words.rs`).
//!
//! Must not depend on the browser or call analysis functions: the page never links the analysis
//! code, so tiny formatters such as `received::version_label` are repeated here.

use yew::{html, Html};

use crate::analysis::Hop;

/// A hop's TLS version for display: "TLSv1.3", "≥ TLSv1.0" for a cipher's minimum, or empty.
pub fn version_label(hop: &Hop) -> String {
    match (hop.tls_version, hop.tls_version_at_least) {
        (Some(v), _) => v.name().to_string(),
        (None, Some(min)) => format!("\u{2265} {}", min.name()),
        (None, None) => String::new(),
    }
}

/// Text with a line-break opportunity (`<wbr>`) after each `separator`, so long host names break
/// at dots and cipher names at underscores instead of mid-word.
pub fn breakable(text: &str, separator: char) -> Html {
    let mut parts = text.split_inclusive(separator).peekable();
    let mut out = Vec::new();
    while let Some(part) = parts.next() {
        out.push(html! { { part.to_string() } });
        if parts.peek().is_some() {
            out.push(html! { <wbr /> });
        }
    }
    out.into_iter().collect::<Html>()
}
