//! Data-driven tests over `../shared/corpus/mta-sts` (mox's and Mimecast's test vectors): every
//! policy goes through `analyze` and every `_mta-sts` TXT value through `mta_sts::read_record`,
//! each reading is snapshotted in `tests/data/mta_sts/*.expected`, and the verdicts and values the
//! sources state are compared with ours. RFC 8461 decides where the sources disagree; the
//! DEVIATIONS table lists each difference with its reason. Hostile inputs are at the bottom.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fmt::Write;

use expect_test::{expect, expect_file, Expect};
use mailtls::analysis::mta_sts::{self, PolicyReport, RecordReport};
use mailtls::analysis::{analyze, Document, Inputs, Kind, Options, Report};

/// Where we deliberately differ from a source: (file, what, reason).
const DEVIATIONS: &[(&str, &str, &str)] = &[
    (
        "mimecast_policy_configRelaxed.txt",
        "verdict",
        "its lines end with a bare CR; RFC 8461 §3.2 allows LF or CRLF only, so senders read one \
         invalid line. Mimecast's relaxed config (requireCRLF=false) splits on CR too",
    ),
    (
        "mimecast_policy_configRelaxed.txt",
        "max_age",
        "the policy says 1; Mimecast reports 30 because that test's config raises max_age to its \
         configured minimum (setPolicyMinAge(30))",
    ),
    (
        "mimecast_policy_duplicateMode3.txt",
        "verdict",
        "the first mode wins and it is none, which is a valid mode (RFC 8461 §5, §8.3); Mimecast \
         calls every mode-none policy invalid",
    ),
    (
        "mimecast_policy_noneMode.txt",
        "verdict",
        "mode none is valid (RFC 8461 §5, §8.3: the documented way to withdraw); Mimecast calls it \
         invalid",
    ),
    (
        "mimecast_policy_invalidLF.txt",
        "verdict",
        "LF line endings are valid (sts-policy-term = LF / CRLF, erratum 6253); Mimecast's strict \
         config requires CRLF",
    ),
    (
        "mimecast_policy_noLastCRLF.txt",
        "verdict",
        "the final line break is optional ([sts-policy-term] in RFC 8461 §3.2); Mimecast's strict \
         config requires it",
    ),
    (
        "mimecast_policy_underMin.txt",
        "verdict",
        "valid per RFC 8461 (no final line break needed; 604799 s is in range), with a notice for \
         max_age under a week; Mimecast's strict config rejects the missing final CRLF",
    ),
    (
        "mimecast_policy_invalidMaxAge.txt",
        "verdict",
        "max_age is required (RFC 8461 §3.2); Mimecast substitutes a default of 86400",
    ),
    (
        "mimecast_policy_invalidMaxAge.txt",
        "max_age",
        "there is no max_age field; the 86400 is Mimecast's own default, not the policy's",
    ),
    (
        "mimecast_policy_invalidValue.txt",
        "verdict",
        "an empty max_age is not 1*10DIGIT (RFC 8461 §3.2); Mimecast tolerates it with a warning",
    ),
    (
        "mimecast_policy_nonNumericMaxAgeNotRequired.txt",
        "verdict",
        "\"twenty\" is not 1*10DIGIT (RFC 8461 §3.2); the source verdict is for a Mimecast config \
         that doesn't require a valid max_age",
    ),
    (
        "mimecast_policy_nonNumericMaxAgeNotRequired.txt",
        "max_age",
        "max_age is \"twenty\", so there is none; the 86400 is Mimecast's default",
    ),
    (
        "mimecast_policy_nonNumericMaxAgeRequired.txt",
        "max_age",
        "max_age is \"twenty\", so there is none; the 86400 is Mimecast's default",
    ),
    (
        "mimecast_policy_matchMxTesting.txt",
        "match mimecast.net",
        "\"*.mimecast.com\" does not cover mimecast.net (RFC 8461 §4.1); Mimecast's matchMx answers \
         true for any host in testing mode because nothing is enforced, but a testing-mode sender \
         still reports the mismatch",
    ),
];

fn deviates(file: &str, what: &str) -> bool {
    DEVIATIONS.iter().any(|(f, w, _)| *f == file && *w == what)
}

/// A policy reading as the snapshots show it.
fn policy_summary(policy: &PolicyReport, report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "valid={} version={:?} mode={:?} max_age={:?} mx={:?} endings={:?} bytes={} sha256={}",
        policy.valid,
        policy.version,
        policy.mode.map(|m| m.name()),
        policy.max_age,
        policy.mx,
        policy.line_endings,
        policy.body_bytes,
        policy.sha256,
    );
    for e in &policy.extensions {
        let _ = writeln!(out, "extension {}={:?} (line {})", e.key, e.value, e.line);
    }
    for d in &policy.diagnostics {
        let _ = writeln!(
            out,
            "{}:{}+{} {} {} | {} | {}",
            d.line,
            d.column,
            d.length,
            d.severity.name(),
            d.code,
            d.title,
            d.message
        );
    }
    let codes: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{}:{}", f.severity.name(), f.code))
        .collect();
    let _ = writeln!(out, "findings: {}", codes.join(" "));
    out
}

fn record_summary(record: &RecordReport) -> String {
    let mut out = format!(
        "valid={} discarded={} id={:?} extensions={:?}\n",
        record.valid,
        record.discarded,
        record.id,
        record
            .extensions
            .iter()
            .map(|e| (e.key.as_str(), e.value.as_str()))
            .collect::<Vec<_>>()
    );
    for d in &record.diagnostics {
        let _ = writeln!(
            out,
            "col {}+{} {} {} | {}",
            d.column,
            d.length,
            d.severity.name(),
            d.code,
            d.message
        );
    }
    out
}

/// Analyses one policy text with its kind forced (detection is tested elsewhere; an empty file,
/// for example, is not detectable as anything).
fn analyse_policy(name: &str, bytes: Vec<u8>) -> Report {
    analyze(
        &Inputs {
            documents: vec![Document {
                name: name.to_string(),
                bytes,
                kind: Some(Kind::MtaStsPolicy),
            }],
            options: Options::default(),
        },
        common::NOW,
    )
}

/// The source's verdict: true for valid.
fn source_verdict(expected: &str) -> bool {
    let e = expected.trim_start_matches("_mta-sts TXT: ");
    assert!(
        e.starts_with("valid") || e.starts_with("invalid"),
        "unreadable verdict {expected:?}"
    );
    e.starts_with("valid")
}

/// A TXT vector's value: the file's single line.
fn txt_value(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .trim_end_matches(['\n', '\r'])
        .to_string()
}

#[test]
fn every_vector_is_read_snapshotted_and_compared() {
    let rows = common::manifest("mta-sts");
    assert!(
        rows.len() >= 75,
        "expected ~78 MTA-STS vectors, found {}",
        rows.len()
    );
    let mut compared = 0;
    for row in &rows {
        let file = row.file_name().to_string();
        let stem = file.trim_end_matches(".txt");
        let bytes = row.bytes();
        let (ours, snapshot, policy) = if file.contains("_txt_") {
            let record = mta_sts::read_record(&txt_value(&bytes));
            (record.valid, record_summary(&record), None)
        } else {
            let report = analyse_policy(&file, bytes);
            let policy = report
                .mta_sts_policies
                .first()
                .cloned()
                .expect("one policy");
            (policy.valid, policy_summary(&policy, &report), Some(policy))
        };
        expect_file![format!("data/mta_sts/{stem}.expected")].assert_eq(&snapshot);

        let theirs = source_verdict(&row.expected);
        if deviates(&file, "verdict") {
            assert_ne!(
                ours, theirs,
                "{file}: listed as a deviation but we now agree"
            );
        } else {
            assert_eq!(
                ours, theirs,
                "{file}: source says valid={theirs}: {}",
                row.expected
            );
        }
        compared += 1;
        if let Some(policy) = policy {
            compare_values(&file, &row.expected, &policy);
        }
    }
    assert_eq!(compared, rows.len());
}

/// Compares the values a source states: mode, max_age, mx patterns, Mimecast's matchMx and the
/// TXT id.
fn compare_values(file: &str, expected: &str, policy: &PolicyReport) {
    // mox: `Mode: ModeTesting`, `MaxAgeSeconds: 1296000`, MX entries.
    if let Some(mode) = ["ModeEnforce", "ModeTesting", "ModeNone"]
        .iter()
        .find(|m| expected.contains(*m))
    {
        let want = mode.trim_start_matches("Mode").to_ascii_lowercase();
        assert_eq!(
            policy.mode.map(|m| m.name().to_string()),
            Some(want),
            "{file} mode"
        );
    }
    if let Some(rest) = expected.split("MaxAgeSeconds: ").nth(1) {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        assert_eq!(policy.max_age, digits.parse().ok(), "{file} max_age");
    }
    if expected.contains("MX: []MX{") {
        let mut want = Vec::new();
        for entry in expected.split("{Domain: dns.Domain{ASCII: \"").skip(1) {
            want.push(entry.split('"').next().unwrap().to_string());
        }
        for entry in expected
            .split("{Wildcard: true, Domain: dns.Domain{ASCII: \"")
            .skip(1)
        {
            want.push(format!("*.{}", entry.split('"').next().unwrap()));
        }
        let mut got = policy.mx.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{file} mx");
    }
    // Mimecast: `"enforce", policy.getMode()` and `604800, policy.getMaxAge()`.
    if let Some(before) = expected
        .split(", policy.getMode()")
        .next()
        .filter(|_| expected.contains("getMode()"))
    {
        let want = before.rsplit('"').nth(1).unwrap_or_default();
        assert_eq!(policy.mode.map(|m| m.name()), Some(want), "{file} mode");
    }
    if let Some(before) = expected
        .split(", policy.getMaxAge()")
        .next()
        .filter(|_| expected.contains("getMaxAge()"))
    {
        let want: u64 = before.rsplit([' ', ';']).next().unwrap().parse().unwrap();
        if deviates(file, "max_age") {
            assert_ne!(
                policy.max_age,
                Some(want),
                "{file}: max_age deviation is stale"
            );
        } else {
            assert_eq!(policy.max_age, Some(want), "{file} max_age");
        }
    }
    if let Some(list) = expected.split("matchMx: ").nth(1) {
        for pair in list.split(", ") {
            let (host, verdict) = pair.split_once('=').unwrap();
            let covered = policy.mx.iter().any(|p| mta_sts::pattern_covers(p, host));
            let theirs = verdict.trim() == "true";
            if deviates(file, &format!("match {host}")) {
                assert_ne!(covered, theirs, "{file}: match {host} deviation is stale");
            } else {
                assert_eq!(covered, theirs, "{file}: match {host}");
            }
        }
    }
}

#[test]
fn txt_values_stated_by_the_sources() {
    for row in common::manifest("mta-sts")
        .iter()
        .filter(|r| r.file_name().contains("_txt_"))
    {
        let record = mta_sts::read_record(&txt_value(&row.bytes()));
        // mox: `ID: "…"`, `Extensions: []Pair{{"more", "a"}, …}`; Mimecast: `Id=…`.
        let id = row
            .expected
            .split("ID: \"")
            .nth(1)
            .map(|r| r.split('"').next().unwrap().to_string())
            .or_else(|| {
                row.expected
                    .split("; Id=")
                    .nth(1)
                    .map(|r| r.split(';').next().unwrap().trim().to_string())
            });
        if let Some(id) = id {
            assert_eq!(
                record.id.as_deref(),
                Some(id.as_str()),
                "{}",
                row.local_path
            );
        }
        if let Some(pairs) = row.expected.split("Extensions: []Pair{").nth(1) {
            let want: Vec<String> = pairs
                .split("{\"")
                .skip(1)
                .map(|p| p.split("\"}").next().unwrap().replace("\", \"", "="))
                .collect();
            let got: Vec<String> = record
                .extensions
                .iter()
                .map(|e| format!("{}={}", e.key, e.value))
                .collect();
            assert_eq!(got, want, "{}", row.local_path);
        }
    }
}

/// Cross-checks through `analyze`: MX coverage from typed MX hosts, the TXT id next to the hash,
/// and readiness.
#[test]
fn cross_checks() {
    let run = |mx: &[&str], docs: &[(&str, &str)]| {
        analyze(
            &Inputs {
                documents: docs.iter().map(|(n, t)| Document::text(*n, *t)).collect(),
                options: Options {
                    mx_hosts: mx.iter().map(|m| m.to_string()).collect(),
                    domain: Some("example.com".to_string()),
                },
            },
            common::NOW,
        )
    };
    let policy = "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 1209600\n";
    let report = run(
        &[
            "mx1.example.com",
            "example.com",
            "a.b.example.com",
            "mx.example.net",
        ],
        &[
            ("policy", policy),
            (
                "txt",
                "_mta-sts.example.com. 300 IN TXT \"v=STSv1; id=20240501T120000\"\n",
            ),
        ],
    );
    let p = &report.mta_sts_policies[0];
    let coverage: Vec<(String, Option<String>)> = p
        .mx_coverage
        .iter()
        .map(|c| (c.host.clone(), c.covered_by.clone()))
        .collect();
    expect![[r#"[("mx1.example.com", Some("*.example.com")), ("example.com", None), ("a.b.example.com", None), ("mx.example.net", None)]"#]]
        .assert_eq(&format!("{coverage:?}"));
    assert_eq!(p.txt_id.as_deref(), Some("20240501T120000"));
    assert_eq!(
        p.fetch.url.as_deref(),
        Some("https://mta-sts.example.com/.well-known/mta-sts.txt")
    );
    let uncovered = report
        .findings
        .iter()
        .filter(|f| f.code == "MTA_STS_MX_NOT_COVERED")
        .count();
    assert_eq!(uncovered, 3);
    assert!(report
        .findings
        .iter()
        .filter(|f| f.code == "MTA_STS_MX_NOT_COVERED")
        .all(|f| f.severity.name() == "critical"));

    // Testing mode: uncovered MX hosts are warnings, and readiness shows what is known.
    let report = run(
        &["mx1.example.com"],
        &[
            ("policy", &policy.replace("enforce", "testing")),
            (
                "rpt",
                "_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"\n",
            ),
        ],
    );
    let readiness: Vec<String> = report.mta_sts_policies[0]
        .readiness
        .iter()
        .map(|c| format!("{:?} {}", c.status, c.rule))
        .collect();
    expect![[r#"
        Met Every MX host matches an mx pattern.
        Met A TLS-RPT record is published, so failures are reported to you.
        NotShown TLS-RPT reports show no MTA-STS failures.
        NotShown Each MX presents a certificate valid for its name that chains to a public CA."#]]
    .assert_eq(&readiness.join("\n"));
}

/// `curl -sSi` output: status, Content-Type, redirects and caches are judged.
#[test]
fn http_responses() {
    fn check(text: &str, expected: Expect) {
        let report = common::run_text("curl", text);
        assert_eq!(report.inputs[0].kind, Kind::MtaStsPolicy, "{text:?}");
        let p = &report.mta_sts_policies[0];
        let mut out = format!(
            "valid={} body_line={} http={:?}\n",
            p.valid,
            p.body_line,
            p.http.iter().map(|h| h.status).collect::<Vec<_>>()
        );
        for c in &p.fetch.checks {
            let _ = writeln!(out, "{:?}: {}", c.status, c.rule);
        }
        for d in p.diagnostics.iter().filter(|d| {
            d.code.contains("HTTP") || d.code.contains("CONTENT") || d.code.contains("HTML")
        }) {
            let _ = writeln!(out, "{}:{} {} {}", d.line, d.column, d.code, d.message);
        }
        expected.assert_eq(&out);
    }
    check(
        "HTTP/2 200 \r\ncontent-type: text/plain; charset=utf-8\r\nage: 3600\r\n\r\nversion: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 604800\r\n",
        expect![[r#"
            valid=true body_line=5 http=[Some(200)]
            Met: The answer is 200 OK.
            Met: No redirect: senders must not follow one.
            Met: Content-Type is text/plain (a SHOULD; senders that check reject anything else).
            NotShown: No HTTP caching: senders fetch fresh, so a cache in front must not serve an old policy.
            NotShown: HTTPS with SNI mta-sts.<your domain> and a certificate valid for mta-sts.<your domain>, chaining to a public CA, even when mta-sts.<your domain> is a CNAME to a provider.
            NotShown: TLS 1.2 or later on the policy host.
            NotShown: Trust on first use: a sender with no cached policy that cannot reach the TXT record or this URL delivers without MTA-STS.
            3:1 MTA_STS_HTTP_CACHED “age: 3600” shows a cache answered.
        "#]],
    );
    check(
        "HTTP/1.1 301 Moved Permanently\nLocation: https://www.example.com/.well-known/mta-sts.txt\n\nHTTP/1.1 200 OK\nContent-Type: application/octet-stream\n\nversion: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400\n",
        expect![[r#"
            valid=false body_line=7 http=[Some(301), Some(200)]
            Failed: The answer is 200 OK.
            Failed: No redirect: senders must not follow one.
            Failed: Content-Type is text/plain (a SHOULD; senders that check reject anything else).
            NotShown: No HTTP caching: senders fetch fresh, so a cache in front must not serve an old policy.
            NotShown: HTTPS with SNI mta-sts.<your domain> and a certificate valid for mta-sts.<your domain>, chaining to a public CA, even when mta-sts.<your domain> is a CNAME to a provider.
            NotShown: TLS 1.2 or later on the policy host.
            NotShown: Trust on first use: a sender with no cached policy that cannot reach the TXT record or this URL delivers without MTA-STS.
            1:1 MTA_STS_HTTP_REDIRECT “HTTP/1.1 301 Moved Permanently”. It points to https://www.example.com/.well-known/mta-sts.txt.
            5:1 MTA_STS_CONTENT_TYPE The policy came as “application/octet-stream”.
        "#]],
    );
    check(
        "HTTP/2 404\r\ncontent-type: text/html\r\n\r\n<!doctype html><title>Not found</title>\r\n",
        expect![[r#"
            valid=false body_line=4 http=[Some(404)]
            Failed: The answer is 200 OK.
            Met: No redirect: senders must not follow one.
            Failed: Content-Type is text/plain (a SHOULD; senders that check reject anything else).
            NotShown: No HTTP caching: senders fetch fresh, so a cache in front must not serve an old policy.
            NotShown: HTTPS with SNI mta-sts.<your domain> and a certificate valid for mta-sts.<your domain>, chaining to a public CA, even when mta-sts.<your domain> is a CNAME to a provider.
            NotShown: TLS 1.2 or later on the policy host.
            NotShown: Trust on first use: a sender with no cached policy that cannot reach the TXT record or this URL delivers without MTA-STS.
            1:1 MTA_STS_HTTP_STATUS “HTTP/2 404”: senders need 200.
            4:1 MTA_STS_LOOKS_LIKE_HTML The body begins “<!doctype html><title>Not found</title>”: markup, not a policy.
        "#]],
    );
}

/// Hostile and broken policies: located messages, no panic, text kept as text.
#[test]
fn hostile_policies() {
    fn check(bytes: &[u8], expected: Expect) {
        let report = analyse_policy("hostile", bytes.to_vec());
        let p = report.mta_sts_policies.first().expect("a policy");
        // The report always serialises (it crosses the worker boundary as JSON).
        let json = serde_json::to_string(&report).expect("serialises");
        assert!(!json.is_empty());
        let mut out = format!(
            "valid={} lines={} diagnostics={}\n",
            p.valid,
            p.lines.len(),
            p.diagnostics.len()
        );
        for d in p.diagnostics.iter().take(6) {
            let _ = writeln!(
                out,
                "{}:{}+{} {} {}",
                d.line, d.column, d.length, d.code, d.message
            );
        }
        expected.assert_eq(&out);
    }
    check(
        b"version: STSv1\nmode: enforce\nmx: <script>alert(1)</script>\nmax_age: 604800\n",
        expect![[r#"
            valid=false lines=4 diagnostics=1
            3:5+25 MTA_STS_MX_INVALID “<script>alert(1)</script>” has the character “<”.
        "#]],
    );
    check(
        b"version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\nnote: <img src=x onerror=alert(1)>\n",
        expect![[r#"
            valid=true lines=5 diagnostics=3
            5:1+4 MTA_STS_UNKNOWN_KEY “note” is not a field RFC 8461 defines; senders ignore it.
            1:1+0 MTA_STS_NO_SUBDOMAINS Subdomains that receive mail need their own record and policy.
            1:1+0 MTA_STS_POLICY_ID_REMINDER This body's SHA-256 is f9637f7709e2621439652910ef7cb8e1d783abdc276da1495f13fe40cdfac413.
        "#]],
    );
    check(
        b"version: STSv1\nmode: \xff\xfeenforce\x00\nmx: mx.example.com\nmax_age: 604800\n",
        expect![[r#"
            valid=false lines=4 diagnostics=2
            2:16+1 MTA_STS_INVALID_CHARACTER The line contains the control character U+0000.
            2:7+10 MTA_STS_MODE_INVALID The mode is “��enforce␀”; it must be enforce, testing or none (lower case).
        "#]],
    );
    // A huge policy: thousands of bad lines are capped, with a count of the rest.
    let mut huge = String::from("version: STSv1\nmode: enforce\nmax_age: 604800\n");
    for i in 0..20_000 {
        let _ = writeln!(huge, "mx: bad_{i}.example.com");
    }
    check(
        huge.as_bytes(),
        expect![[r#"
            valid=false lines=5000 diagnostics=201
            1:1+0 MTA_STS_TOO_LARGE The body is 508935 bytes; senders may refuse policies over 65536 bytes.
            4:5+5 MTA_STS_MX_INVALID “bad_0.example.com” has the character “_”.
            5:5+5 MTA_STS_MX_INVALID “bad_1.example.com” has the character “_”.
            6:5+5 MTA_STS_MX_INVALID “bad_2.example.com” has the character “_”.
            7:5+5 MTA_STS_MX_INVALID “bad_3.example.com” has the character “_”.
            8:5+5 MTA_STS_MX_INVALID “bad_4.example.com” has the character “_”.
        "#]],
    );
}
