//! The Markdown export: a ticket-ready summary of a report (grade and rule, the areas, every
//! finding with its explanation, fix and references, and the hop table), as one pure function
//! of the [`ReportView`] the page already holds.
//!
//! Must not depend on the browser or call analysis functions: `ui/web.rs` downloads the text.
//! Text that comes from the inputs (host names, excerpts, titles made specific) is escaped, so
//! a hostile header can't turn into links or markup in the ticket it is pasted into.

use super::format::version_label;
use super::report::ReportView;
use super::words;
use crate::analysis::posture::Section;
use crate::analysis::{Finding, Severity};

/// Hops listed before the table is cut short, as in the page.
const HOPS_LISTED: usize = super::state::HOPS_SHOWN;

/// The report as Markdown (GitHub-flavoured: tables, backslash escapes).
pub fn markdown(report: &ReportView) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: &str| {
        out.push_str(text);
        out.push('\n');
    };

    line(&mut out, "# mailtls report");
    line(&mut out, "");
    let mut about = Vec::new();
    if let Some(domain) = &report.domain {
        about.push(format!("Domain: {}", inline(domain)));
    }
    if !report.analysed_at.is_empty() {
        about.push(format!("Analysed at {}", inline(&report.analysed_at)));
    }
    about.push("made in the browser by mailtls; nothing was uploaded".to_string());
    line(&mut out, &about.join(" · "));
    line(&mut out, "");

    // The grade and the rule that gave it.
    let posture = &report.posture;
    match report.grade.as_deref() {
        Some(grade) => line(&mut out, &format!("**Grade: {}**", inline(grade))),
        None => line(&mut out, &format!("**{}**", words::NOT_GRADED)),
    }
    line(&mut out, "");
    if !posture.rule.is_empty() {
        line(
            &mut out,
            &format!("{} {}", words::RULE_PREFIX, inline(&posture.rule)),
        );
        line(&mut out, "");
    }
    if let Some(path) = &report.path {
        line(&mut out, &format!("Path: {}", inline(&path.headline)));
        line(&mut out, "");
    }
    list(&mut out, words::REASONS_TITLE, &posture.reasons);
    if !posture.limits.is_empty() {
        let mut limits = posture.limits.clone();
        limits.push(words::NO_DATA_NOT_A_FAIL.to_string());
        list(&mut out, words::LIMITS_TITLE, &limits);
    }

    // The areas.
    if !posture.sections.is_empty() {
        line(&mut out, &format!("## {}", words::AREAS_TITLE));
        line(&mut out, "");
        line(&mut out, "| Area | Grade | Summary | Findings |");
        line(&mut out, "| --- | --- | --- | --- |");
        for Section {
            area,
            grade,
            summary,
            counts,
        } in &posture.sections
        {
            line(
                &mut out,
                &format!(
                    "| {} | {} | {} | {} |",
                    area.label(),
                    grade.as_deref().map_or("–".to_string(), inline),
                    inline(summary),
                    words::area_counts(*counts)
                ),
            );
        }
        line(&mut out, "");
    }

    // The inputs.
    if !report.inputs.is_empty() {
        line(&mut out, "## Inputs");
        line(&mut out, "");
        for input in &report.inputs {
            line(
                &mut out,
                &format!(
                    "- {} — {} ({})",
                    inline(&input.file),
                    input.kind.label(),
                    words::size_label(input.bytes)
                ),
            );
        }
        line(&mut out, "");
    }

    // The findings, worst first, each with what it means and what to do.
    if !report.findings.is_empty() {
        line(&mut out, &format!("## {}", words::FINDINGS_TITLE));
        line(&mut out, "");
        for severity in [Severity::Critical, Severity::Warning, Severity::Notice] {
            for finding in report.findings.iter().filter(|f| f.severity == severity) {
                finding_section(&mut out, report, finding);
            }
        }
        let passed: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Ok)
            .collect();
        if !passed.is_empty() {
            line(
                &mut out,
                &format!("### {}", words::severity_heading(Severity::Ok)),
            );
            line(&mut out, "");
            for f in passed {
                line(
                    &mut out,
                    &format!("- {} ({})", inline(&f.title), code(&f.code)),
                );
            }
            line(&mut out, "");
        }
    }

    // The hops.
    if !report.hops.is_empty() {
        line(&mut out, &format!("## {}", words::HOPS_TITLE));
        line(&mut out, "");
        line(&mut out, words::HOPS_ORDER);
        line(&mut out, "");
        line(
            &mut out,
            &format!(
                "| {} | {} | {} | {} | {} | {} |",
                words::COL_HOP,
                words::COL_TLS,
                words::COL_ROUTE,
                words::COL_WITH,
                words::COL_VERSION,
                words::COL_DELAY
            ),
        );
        line(&mut out, "| ---: | --- | --- | --- | --- | --- |");
        for hop in report.hops.iter().take(HOPS_LISTED) {
            let mut tls = words::encrypted_word(hop.encrypted).to_string();
            if hop.internal {
                tls.push_str(&format!(" ({})", words::INTERNAL));
            }
            let route = format!(
                "{} → {}",
                hop.from
                    .as_deref()
                    .or(hop.from_ip.as_deref())
                    .unwrap_or("?"),
                hop.by.as_deref().unwrap_or("?")
            );
            let cipher = hop.cipher_iana.as_deref().or(hop.cipher.as_deref());
            let version = [Some(version_label(hop)), cipher.map(str::to_string)]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            line(
                &mut out,
                &format!(
                    "| {} | {} | {} | {} | {} | {} |",
                    hop.index + 1,
                    tls,
                    inline(&route),
                    inline(hop.with.as_deref().unwrap_or("")),
                    inline(&version),
                    hop.delay_seconds.map(words::delay).unwrap_or_default()
                ),
            );
        }
        if report.hops.len() > HOPS_LISTED {
            line(&mut out, "");
            line(
                &mut out,
                &format!(
                    "… and {} more hops (see the JSON export).",
                    report.hops.len() - HOPS_LISTED
                ),
            );
        }
        line(&mut out, "");
    }

    line(&mut out, &format!("## {}", words::TLS_SCOPE_TITLE));
    line(&mut out, "");
    for (what, why) in words::TLS_SCOPE {
        line(&mut out, &format!("- **{what}** {why}"));
    }
    line(&mut out, "");
    line(&mut out, words::TLS_SCOPE_DOES);
    out
}

/// One finding: a heading with its severity, then the explanation, fix, references and place.
fn finding_section(out: &mut String, report: &ReportView, f: &Finding) {
    out.push_str(&format!(
        "### {}: {} ({})\n\n",
        words::severity_word(f.severity),
        inline(&f.title),
        code(&f.code)
    ));
    out.push_str(&inline(&f.detail));
    out.push_str("\n\n");
    if !f.fix.is_empty() {
        out.push_str(&format!("**{}:** {}\n\n", words::FIX, inline(&f.fix)));
    }
    if !f.refs.is_empty() {
        let refs: Vec<String> = f.refs.iter().map(|r| inline(&r.label())).collect();
        out.push_str(&format!(
            "**{}:** {}\n\n",
            words::REFERENCES,
            refs.join(" · ")
        ));
    }
    if let Some(l) = &f.location {
        let name = (report.inputs.len() > 1)
            .then(|| report.inputs.get(l.input).map(|i| i.file.as_str()))
            .flatten();
        out.push_str(&format!(
            "**{}:** {}\n\n",
            words::FOUND_AT,
            code(&words::location(name, l.line, &l.excerpt))
        ));
    } else if let Some(hop) = f.hop {
        out.push_str(&format!("**{}:** hop {}\n\n", words::FOUND_AT, hop + 1));
    }
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("{title}:\n\n"));
    for item in items {
        out.push_str(&format!("- {}\n", inline(item)));
    }
    out.push('\n');
}

/// Text on one line with Markdown's active characters escaped (CommonMark §2.4 backslash
/// escapes), and `|` too, so it can sit in a table cell.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A code span holding `text` verbatim: the fence is one backtick longer than the longest run
/// inside (CommonMark §6.1). A `|` is still escaped, since GFM splits table cells first.
pub fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_text_cannot_become_markup() {
        assert_eq!(
            inline("[click](http://x) <b>*hi*</b> | a_b\nnext"),
            "\\[click\\](http://x) \\<b\\>\\*hi\\*\\</b\\> \\| a\\_b next"
        );
        assert_eq!(code("Received: a"), "`Received: a`");
        assert_eq!(code("a `b` c"), "``a `b` c``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a|b"), "`a\\|b`");
    }

    #[test]
    fn an_empty_report_still_says_what_it_is() {
        let md = markdown(&ReportView::default());
        assert!(md.starts_with("# mailtls report\n"));
        assert!(md.contains("**Not graded**"));
        assert!(md.contains("## What TLS does not cover"));
        assert!(!md.contains("## Hops"));
    }
}
