//! The `mailtls` command line: reads files (or stdin), calls `mailtls::analysis::analyze` and
//! prints text for people or JSON for machines.
//!
//! Must not contain analysis logic: everything it prints comes from the `Report`.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use mailtls::analysis::{analyze, Document, Inputs, Options, Report, Severity, Timestamp};

const USAGE: &str = "\
mailtls: explain and check email TLS, offline

USAGE:
    mailtls check [--json] [--now RFC3339] [--mx HOST]... FILE...
    mailtls --help | --version

FILE is a message header block or .eml, PEM/DER certificates, an MTA-STS policy, DNS records
(TXT, TLSA, MX), an `openssl s_client` transcript or a TLS-RPT report (JSON or gzip). Each
file's kind is detected. Use - for standard input.

OPTIONS:
    --json          print the report as JSON (the same schema as the JavaScript API)
    --now TIME      judge dates against TIME (RFC 3339) instead of the system clock
    --mx HOST       your MX host name; repeat for several. Places the trust border in headers.

EXIT STATUS:
    0  no critical finding      1  at least one critical finding      2  usage or I/O error
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "mailtls: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut iter = args.iter();
    match iter.next().map(String::as_str) {
        Some("check") => {}
        Some("--help" | "-h" | "help") | None => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Some("--version" | "-V") => {
            println!("mailtls {}", env!("CARGO_PKG_VERSION"));
            return Ok(ExitCode::SUCCESS);
        }
        Some(other) => return Err(format!("unknown command {other:?}; try `mailtls --help`")),
    }

    let mut json = false;
    let mut now = None;
    let mut options = Options::default();
    let mut files = Vec::new();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--now" => {
                let value = iter
                    .next()
                    .ok_or("--now needs a time, e.g. 2024-05-01T00:00:00Z")?;
                now = Some(
                    Timestamp::parse_rfc3339(value)
                        .ok_or_else(|| format!("--now: {value:?} is not an RFC 3339 time"))?,
                );
            }
            "--mx" => {
                let value = iter.next().ok_or("--mx needs a host name")?;
                options.mx_hosts.push(value.clone());
            }
            "-" => files.push(arg.clone()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return Err("no input files; use - for standard input".to_string());
    }

    let mut documents = Vec::new();
    for file in &files {
        let bytes = if file == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("reading standard input: {e}"))?;
            buf
        } else {
            std::fs::read(file).map_err(|e| format!("{file}: {e}"))?
        };
        documents.push(Document {
            name: file.clone(),
            bytes,
            kind: None,
        });
    }
    let now = now.unwrap_or_else(system_now);
    let report = analyze(&Inputs { documents, options }, now);

    let mut out = std::io::stdout().lock();
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(|e| e.to_string())?;
    } else {
        write_text(&mut out, &report).map_err(|e| e.to_string())?;
    }
    let critical = report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Critical);
    Ok(if critical {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The CLI is the one native place that may read the clock; the analysis gets it as an argument.
#[allow(clippy::disallowed_methods)]
fn system_now() -> Timestamp {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for input in &report.inputs {
        writeln!(
            out,
            "{}: {} ({} bytes)",
            input.file,
            input.kind.label(),
            input.bytes
        )?;
    }
    if let Some(path) = &report.path {
        writeln!(out)?;
        writeln!(out, "PATH  {}", path.headline)?;
        for hop in &report.hops {
            let lock = match hop.encrypted {
                Some(true) => "TLS ",
                Some(false) => "PLAIN",
                None => "  ?  ",
            };
            let version = mailtls::analysis::received::version_label(hop);
            let cipher = hop
                .cipher_iana
                .as_deref()
                .or(hop.cipher.as_deref())
                .unwrap_or("");
            let delay = hop
                .delay_seconds
                .map(|d| {
                    if d < 0 {
                        format!("skew -{}", mailtls::analysis::transport::duration(d))
                    } else {
                        format!("+{}", mailtls::analysis::transport::duration(d))
                    }
                })
                .unwrap_or_default();
            writeln!(
                out,
                "  {:>2}. [{lock}] {} -> {}  {}  {} {} {}{}",
                hop.index + 1,
                hop.from.as_deref().unwrap_or("?"),
                hop.by.as_deref().unwrap_or("?"),
                hop.with.as_deref().unwrap_or(""),
                version,
                cipher,
                delay,
                if hop.internal { "  (internal)" } else { "" },
            )?;
        }
    }
    if !report.findings.is_empty() {
        writeln!(out)?;
        for finding in &report.findings {
            let place = finding
                .location
                .as_ref()
                .map(|l| {
                    let file = report.inputs.get(l.input).map_or("", |i| i.file.as_str());
                    format!("  ({file}:{}:{})", l.line, l.column)
                })
                .unwrap_or_default();
            writeln!(
                out,
                "{:<8} {}  {}{}",
                finding.severity.name().to_uppercase(),
                finding.code,
                finding.title,
                place
            )?;
        }
    }
    writeln!(out)?;
    match &report.grade {
        Some(grade) => writeln!(out, "GRADE {grade}: {}", report.posture.rule)?,
        None => writeln!(out, "GRADE none: {}", report.posture.rule)?,
    }
    Ok(())
}
