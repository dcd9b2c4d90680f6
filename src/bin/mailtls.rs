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
    write_certificates(out, report)?;
    write_policies(out, report)?;
    write_records(out, report)?;
    write_tls_rpt(out, report)?;
    write_s_client(out, report)?;
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
    write_commands(out, report)?;
    writeln!(out)?;
    match &report.grade {
        Some(grade) => writeln!(out, "GRADE {grade}: {}", report.posture.rule)?,
        None => writeln!(out, "GRADE none: {}", report.posture.rule)?,
    }
    Ok(())
}

/// The MTA-STS policies: fields, hash, MX coverage and located diagnostics.
fn write_policies(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for policy in &report.mta_sts_policies {
        let file = report
            .inputs
            .get(policy.input)
            .map_or("", |i| i.file.as_str());
        writeln!(out)?;
        writeln!(
            out,
            "MTA-STS POLICY  {file}  {}  mode={} max_age={} mx={}",
            if policy.valid { "valid" } else { "INVALID" },
            policy.mode.map_or("-", |m| m.name()),
            policy.max_age.map_or("-".to_string(), |a| a.to_string()),
            if policy.mx.is_empty() {
                "-".to_string()
            } else {
                policy.mx.join(",")
            },
        )?;
        writeln!(
            out,
            "  sha256 {}  ({} bytes){}",
            policy.sha256,
            policy.body_bytes,
            policy
                .txt_id
                .as_deref()
                .map(|id| format!("  TXT id={id}"))
                .unwrap_or_default()
        )?;
        for response in &policy.http {
            writeln!(out, "  http   {}", response.status_line)?;
        }
        for coverage in &policy.mx_coverage {
            writeln!(
                out,
                "  mx     {} ({:?}) -> {}",
                coverage.host,
                coverage.source,
                coverage.covered_by.as_deref().unwrap_or("NOT COVERED")
            )?;
        }
        for check in &policy.readiness {
            writeln!(
                out,
                "  ready  {:?}: {} {}",
                check.status, check.rule, check.detail
            )?;
        }
        for d in &policy.diagnostics {
            writeln!(
                out,
                "  {}:{}  {:<8} {}  {}",
                d.line,
                d.column,
                d.severity.name(),
                d.code,
                d.message
            )?;
        }
    }
    Ok(())
}

/// The `_mta-sts` and `_smtp._tls` records.
fn write_records(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    use mailtls::analysis::DnsRecordReport;
    for record in &report.dns_records {
        let (kind, valid, value, line, diagnostics) = match record {
            DnsRecordReport::MtaSts(r) => ("mta-sts", r.valid, &r.value, r.line, &r.diagnostics),
            DnsRecordReport::TlsRpt(r) => ("tls-rpt", r.valid, &r.value, r.line, &r.diagnostics),
            // TLSA records are listed with the DANE section.
            DnsRecordReport::Tlsa(_) => continue,
        };
        writeln!(out)?;
        writeln!(
            out,
            "RECORD {kind}  line {line}  {}  {value}",
            if valid { "valid" } else { "INVALID" }
        )?;
        for d in diagnostics {
            writeln!(
                out,
                "  col {}  {:<8} {}  {}",
                d.column,
                d.severity.name(),
                d.code,
                d.message
            )?;
        }
    }
    Ok(())
}

/// TLS-RPT reports: one line per policy and per failure group.
fn write_tls_rpt(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for r in &report.tls_rpt_reports {
        writeln!(out)?;
        writeln!(
            out,
            "TLS-RPT REPORT  {}  {}  {}",
            r.organization_name.as_deref().unwrap_or("?"),
            r.report_id.as_deref().unwrap_or("?"),
            r.date_range
                .as_ref()
                .map(|d| format!(
                    "{} .. {}",
                    d.start.as_deref().unwrap_or(&d.start_written),
                    d.end.as_deref().unwrap_or(&d.end_written)
                ))
                .unwrap_or_default()
        )?;
        for p in &r.policies {
            writeln!(
                out,
                "  {} {}  ok={} failed={}  {}",
                p.policy_type,
                p.policy_domain.as_deref().unwrap_or("?"),
                p.successful_sessions,
                p.failed_sessions,
                p.verdict
            )?;
            for g in &p.failures {
                writeln!(out, "    {:>6}  {}", g.sessions, g.title)?;
            }
        }
        for d in &r.diagnostics {
            writeln!(
                out,
                "  {}:{}  {:<8} {}  {}",
                d.line,
                d.column,
                d.severity.name(),
                d.code,
                d.message
            )?;
        }
    }
    Ok(())
}

/// The first s_client transcript.
fn write_s_client(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let Some(t) = &report.s_client else {
        return Ok(());
    };
    writeln!(out)?;
    writeln!(
        out,
        "S_CLIENT  {:?}  starttls={:?}  {} {}  key={}",
        t.outcome,
        t.starttls,
        t.protocol.map_or("-", |v| v.name()),
        t.cipher_iana
            .as_deref()
            .or(t.cipher.as_deref())
            .unwrap_or("-"),
        t.temp_key.as_ref().map_or("-", |k| k.group.as_str()),
    )?;
    if let Some(v) = &t.verify {
        writeln!(
            out,
            "  verify {} ({})  name check: {:?}",
            v.code, v.text, t.name_check
        )?;
    }
    for c in &t.chain {
        writeln!(out, "  chain {} {}", c.depth, c.subject)?;
    }
    writeln!(out, "  {} certificate block(s)", t.certificates.len())?;
    if !t.capabilities.is_empty() {
        writeln!(out, "  EHLO after TLS: {}", t.capabilities.join(" "))?;
    }
    Ok(())
}

/// The commands to run.
fn write_commands(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    if report.commands.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "COMMANDS")?;
    for c in &report.commands {
        writeln!(
            out,
            "  # {}{}",
            c.title,
            if c.filled {
                ""
            } else {
                " (replace the example names)"
            }
        )?;
        writeln!(out, "  {}", c.command)?;
    }
    Ok(())
}

/// The certificates, the chain verdict, the TLSA records and the records to publish.
fn write_certificates(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    use mailtls::analysis::cert::CheckStatus;
    use mailtls::analysis::DnsRecordReport;
    if let Some(chain) = &report.chain {
        writeln!(out)?;
        writeln!(out, "CHAIN  {}", chain.headline)?;
        writeln!(out, "  policy: {}", chain.policy.summary)?;
        for cert in &report.certificates {
            let role = match cert.role {
                mailtls::analysis::cert::Role::Leaf => "leaf",
                mailtls::analysis::cert::Role::Intermediate => "intermediate",
                mailtls::analysis::cert::Role::Root => "root",
                mailtls::analysis::cert::Role::Unrelated => "not in chain",
            };
            writeln!(out, "  {}. [{role}] {}", cert.index + 1, cert.subject)?;
            writeln!(out, "       issuer  {}", cert.issuer)?;
            writeln!(
                out,
                "       valid   {} .. {}  ({} days left, {}% of lifetime)",
                cert.not_before, cert.not_after, cert.days_left, cert.lifetime_left_percent
            )?;
            let curve = cert
                .curve
                .as_deref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default();
            let bits = cert.key_bits.map(|b| format!(" {b}")).unwrap_or_default();
            writeln!(
                out,
                "       key     {}{bits}{curve}, signed {}",
                cert.key_algorithm, cert.signature_algorithm
            )?;
            if !cert.dns_names.is_empty() || !cert.ip_addresses.is_empty() {
                let names: Vec<&str> = cert
                    .dns_names
                    .iter()
                    .chain(cert.ip_addresses.iter())
                    .map(String::as_str)
                    .collect();
                writeln!(out, "       names   {}", names.join(", "))?;
            }
            writeln!(out, "       sha256  {}", cert.sha256_fingerprint)?;
            writeln!(out, "       spki    {}", cert.spki_sha256)?;
        }
        for link in &chain.links {
            let failed: Vec<&str> = [
                (&link.names, "issuer name"),
                (&link.key_ids, "key ids"),
                (&link.signature, "signature"),
                (&link.algorithm_match, "algorithm fields"),
                (&link.key_type, "key type"),
                (&link.issuer_is_ca, "issuer CA"),
                (&link.key_cert_sign, "keyCertSign"),
                (&link.path_len, "path length"),
                (&link.name_constraints, "name constraints"),
                (&link.issuer_validity, "issuer validity"),
            ]
            .iter()
            .filter(|(c, _)| matches!(c.status, CheckStatus::Fail | CheckStatus::NotEvaluated))
            .map(|(c, n)| {
                if c.status == CheckStatus::Fail {
                    *n
                } else {
                    ""
                }
            })
            .filter(|n| !n.is_empty())
            .collect();
            if !failed.is_empty() {
                writeln!(
                    out,
                    "  link {}: failed {}",
                    link.child + 1,
                    failed.join(", ")
                )?;
            }
        }
        for skipped in &chain.not_evaluated {
            writeln!(out, "  not evaluated: {skipped}")?;
        }
        writeln!(out, "  host name: {}", chain.hostname.detail)?;
    }
    let tlsa: Vec<_> = report
        .dns_records
        .iter()
        .filter_map(|r| match r {
            DnsRecordReport::Tlsa(t) => Some(t),
            _ => None,
        })
        .collect();
    if let Some(dane) = &report.dane {
        writeln!(out)?;
        writeln!(out, "DANE  {}", dane.headline)?;
        for record in &tlsa {
            let verdict = match (record.valid, record.matches) {
                (false, _) => "invalid".to_string(),
                (true, Some(i)) => format!("matches certificate {}", i + 1),
                (true, None) => "no match".to_string(),
            };
            writeln!(
                out,
                "  {} {} {} {}…  {verdict}",
                record.usage.map_or("?".to_string(), |u| u.to_string()),
                record.selector.map_or("?".to_string(), |u| u.to_string()),
                record
                    .matching_type
                    .map_or("?".to_string(), |u| u.to_string()),
                record.data.chars().take(16).collect::<String>()
            )?;
        }
        if !dane.generated.is_empty() {
            writeln!(out, "  publish:")?;
            for generated in dane.generated.iter().filter(|g| g.rank > 0) {
                writeln!(out, "    {}", generated.line)?;
            }
        }
        writeln!(out, "  DNSSEC check: {}", dane.dnssec_command)?;
    }
    Ok(())
}
