//! Data-driven tests over `../shared/corpus/tlsrpt` (parsedmarc, mox and Stalwart: `_smtp._tls`
//! records, RFC 8460 example reports, real Google and Microsoft reports as JSON and as mailed
//! .eml) and the gzip files in `tests/data/tlsrpt`. Readings are snapshotted in
//! `tests/data/tlsrpt/*.expected`; source verdicts and the curators' summaries are compared with
//! ours, and the DEVIATIONS table lists each difference with its reason. Hostile inputs (HTML in
//! strings, deep nesting, a gzip bomb, truncated gzip, non-UTF-8) are at the bottom.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;

use expect_test::{expect, expect_file, Expect};
use mailtls::analysis::tlsrpt::{self, RecordReport, TlsRptReport, MAX_DECOMPRESSED_BYTES};
use mailtls::analysis::{Document, Report};

/// Where we deliberately differ from a source: (file, what, reason).
const DEVIATIONS: &[(&str, &str, &str)] = &[(
    "stalwart_rpt03.json",
    "valid",
    "Stalwart parses it, and so do we (readable), but RFC 8460 §4.4 requires \
     total-failure-session-count, so we list it as missing and call the report incomplete; the \
     unknown policy type gets a notice",
)];

fn deviates(file: &str, what: &str) -> bool {
    DEVIATIONS.iter().any(|(f, w, _)| *f == file && *w == what)
}

fn record_summary(record: &RecordReport) -> String {
    let mut out = format!(
        "valid={} discarded={} rua={:?} extensions={:?}\n",
        record.valid,
        record.discarded,
        record
            .rua
            .iter()
            .map(|u| (u.uri.as_str(), u.usable))
            .collect::<Vec<_>>(),
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

fn report_summary(report: &Report) -> String {
    let mut out = String::new();
    for r in &report.tls_rpt_reports {
        let _ = writeln!(out, "{}", one_report(r));
    }
    let codes: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.code.starts_with("TLSRPT_"))
        .map(|f| format!("{}:{}", f.severity.name(), f.code))
        .collect();
    let _ = writeln!(out, "findings: {}", codes.join(" "));
    out
}

fn one_report(r: &TlsRptReport) -> String {
    let mut out = format!(
        "source={:?} readable={} valid={} org={:?} contact={:?} id={:?} decompressed={:?}\n",
        r.source,
        r.readable,
        r.valid,
        r.organization_name,
        r.contact_info,
        r.report_id,
        r.decompressed_bytes
    );
    if let Some(range) = &r.date_range {
        let _ = writeln!(
            out,
            "range {:?} .. {:?} one_utc_day={}",
            range.start, range.end, range.one_utc_day
        );
    }
    if let Some(mail) = &r.mail {
        let _ = writeln!(
            out,
            "mail domain={:?} submitter={:?} dkim={:?} attachment={:?} type={:?}",
            mail.report_domain,
            mail.submitter,
            mail.dkim_domains,
            mail.attachment_name,
            mail.content_type
        );
    }
    for p in &r.policies {
        let _ = writeln!(
            out,
            "policy {} {:?} mx={:?} sts_mode={:?} ok={} failed={} line={} | {}",
            p.policy_type,
            p.policy_domain,
            p.mx_hosts,
            p.sts_mode.map(|m| m.name()),
            p.successful_sessions,
            p.failed_sessions,
            p.line,
            p.verdict
        );
        for g in &p.failures {
            let _ = writeln!(
                out,
                "  {} registered={} sessions={} code={} details={}",
                g.result_type,
                g.registered,
                g.sessions,
                g.code,
                g.details.len()
            );
            for d in &g.details {
                let _ = writeln!(
                    out,
                    "    {} from={:?} mx={:?} ip={:?} n={} reason={:?}",
                    d.path,
                    d.sending_mta_ip,
                    d.receiving_mx_hostname,
                    d.receiving_ip,
                    d.failed_session_count,
                    d.failure_reason_code
                );
            }
        }
    }
    for d in &r.diagnostics {
        let _ = writeln!(
            out,
            "{}:{} {} {} {} | {}",
            d.line,
            d.column,
            d.severity.name(),
            d.code,
            d.path.as_deref().unwrap_or("-"),
            d.message
        );
    }
    out
}

#[test]
fn records_are_read_snapshotted_and_compared() {
    let rows: Vec<_> = common::manifest("tlsrpt")
        .into_iter()
        .filter(|r| r.file_name().contains("_txt_"))
        .collect();
    assert!(
        rows.len() >= 23,
        "expected 23 TLS-RPT record vectors, found {}",
        rows.len()
    );
    for row in &rows {
        let file = row.file_name();
        let value = String::from_utf8_lossy(&row.bytes())
            .trim_end_matches(['\n', '\r'])
            .to_string();
        let record = tlsrpt::read_record(&value);
        let stem = file.trim_end_matches(".txt");
        expect_file![format!("data/tlsrpt/{stem}.expected")].assert_eq(&record_summary(&record));
        let verdict = row.expected.trim_start_matches("_smtp._tls TXT: ");
        let theirs = verdict.starts_with("valid");
        assert!(
            theirs || verdict.starts_with("invalid"),
            "{file}: {verdict}"
        );
        if deviates(file, "verdict") {
            assert_ne!(record.valid, theirs, "{file}: deviation is stale");
        } else {
            assert_eq!(record.valid, theirs, "{file}: source says {verdict}");
        }
        // mox lists the URIs it read: RUAs: [][]RUA{{"mailto:…", "https:…"}, {…}}.
        if let Some(list) = row.expected.split("RUAs: [][]RUA{").nth(1) {
            let list = list.split("}}").next().unwrap();
            let want: Vec<String> = list
                .split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            let got: Vec<String> = record.rua.iter().map(|u| u.uri.clone()).collect();
            assert_eq!(got, want, "{file} rua");
        }
    }
}

/// Records through `analyze`: owner names decide the kind, the old `_smtp-tlsrpt` name is
/// caught, and two records at one name mean no reporting.
#[test]
fn records_in_dns_output() {
    fn check(text: &str, expected: Expect) {
        let report = common::run_text("dns", text);
        let codes: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{} {}:{}",
                    f.code,
                    f.location.as_ref().map_or(0, |l| l.line),
                    f.severity.name()
                )
            })
            .collect();
        expected.assert_eq(&codes.join("\n"));
    }
    check(
        "_smtp-tlsrpt.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"\n",
        expect![[r#"TLSRPT_TXT_OLD_OWNER 1:critical"#]],
    );
    check(
        "_smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:a@example.com\"\n\
         _smtp._tls.example.com. 300 IN TXT \"v=TLSRPTv1; rua=mailto:b@example.com\"\n",
        expect![[r#"
            TLSRPT_TXT_MULTIPLE 1:critical
            TLSRPT_TXT_MULTIPLE 2:critical"#]],
    );
    check(
        "; <<>> DiG 9.18 <<>> +short TXT _smtp._tls.example.com\n\"v=TSLRPTv1; rua=mailto:tls@example.com\"\n",
        expect![[r#"TLSRPT_TXT_VERSION 2:critical"#]],
    );
}

/// The curators' summaries: `org='…'; report-id='…'; N policies [type: ok=A fail=B failures=[…]] | …`.
fn compare_summary(file: &str, notes: &str, report: &TlsRptReport) {
    let quoted = |key: &str| {
        notes
            .split(&format!("{key}='"))
            .nth(1)
            .map(|r| r.split('\'').next().unwrap().to_string())
    };
    if let Some(org) = quoted("org") {
        assert_eq!(
            report.organization_name.as_deref(),
            Some(org.as_str()),
            "{file} org"
        );
    }
    if let Some(id) = quoted("report-id") {
        assert_eq!(
            report.report_id.as_deref(),
            Some(id.as_str()),
            "{file} report-id"
        );
    }
    let Some(list) = notes.split(" policies [").nth(1) else {
        return;
    };
    let list = list
        .split(']')
        .take_while(|_| true)
        .collect::<Vec<_>>()
        .join("]");
    let list = list
        .rsplit_once(']')
        .map_or(list.as_str(), |(l, _)| l)
        .to_string();
    let entries: Vec<&str> = list.split(" | ").collect();
    assert_eq!(
        entries.len(),
        report.policies.len(),
        "{file}: policy count in {list:?}"
    );
    for (entry, policy) in entries.iter().zip(&report.policies) {
        let (kind, rest) = entry.split_once(": ").unwrap();
        assert_eq!(policy.policy_type, kind.trim(), "{file} policy-type");
        let number = |key: &str| {
            rest.split(&format!("{key}="))
                .nth(1)
                .map(|r| r.split([' ', ']']).next().unwrap())
        };
        assert_eq!(
            number("ok"),
            Some(policy.successful_sessions.to_string().as_str()),
            "{file} ok"
        );
        match number("fail") {
            Some("None") => assert_eq!(policy.failed_sessions, 0, "{file} fail"),
            Some(n) => assert_eq!(n, policy.failed_sessions.to_string(), "{file} fail"),
            None => {}
        }
        let want: BTreeSet<String> = rest
            .split("failures=[")
            .nth(1)
            .map(|f| {
                f.split('\'')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let got: BTreeSet<String> = policy
            .failures
            .iter()
            .map(|g| g.result_type.clone())
            .collect();
        assert_eq!(got, want, "{file} failure types");
    }
}

#[test]
fn reports_are_read_snapshotted_and_compared() {
    let rows: Vec<_> = common::manifest("tlsrpt")
        .into_iter()
        .filter(|r| !r.file_name().contains("_txt_"))
        .collect();
    assert!(
        rows.len() >= 15,
        "expected 15 report files, found {}",
        rows.len()
    );
    for row in &rows {
        let file = row.file_name();
        let report = common::run(vec![Document {
            name: file.to_string(),
            bytes: row.bytes(),
            kind: None,
        }]);
        assert_eq!(report.tls_rpt_reports.len(), 1, "{file}: one report");
        let r = &report.tls_rpt_reports[0];
        expect_file![format!("data/tlsrpt/{file}.expected")].assert_eq(&report_summary(&report));
        // Every source parses every report: so do we.
        assert!(r.readable, "{file} should be readable");
        if deviates(file, "valid") {
            assert!(!r.valid, "{file}: deviation is stale");
        } else {
            assert!(r.valid, "{file}: required fields should all be there");
        }
        compare_summary(file, &row.notes, r);
        // JSON reports keep their locations; mailed ones count in the attachment.
        assert!(
            r.diagnostics.iter().all(|d| d.line >= 1 && d.column >= 1),
            "{file}"
        );
    }
}

/// The same report mailed, decoded by the curators, and dropped as .json.gz reads the same.
#[test]
fn the_same_report_in_every_wrapping_reads_the_same() {
    let read = |name: &str, bytes: Vec<u8>| {
        let report = common::run(vec![Document {
            name: name.to_string(),
            bytes,
            kind: None,
        }]);
        report.tls_rpt_reports.into_iter().next().expect("a report")
    };
    let corpus = |path: &str| std::fs::read(common::corpus_dir().join(path)).unwrap();
    let data = |path: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/tlsrpt")
                .join(path),
        )
        .unwrap()
    };
    let pairs = [
        (
            read("a.eml", corpus("tlsrpt/mox_tlsreport_example.eml")),
            read(
                "a.json",
                corpus("tlsrpt/mox_tlsreport_example.decoded0.json"),
            ),
        ),
        (
            read("b.eml", corpus("tlsrpt/mox_tlsreport_microsoft.eml")),
            read(
                "b.json",
                corpus("tlsrpt/mox_tlsreport_microsoft.decoded0.json"),
            ),
        ),
        (
            read(
                "c.eml",
                corpus("tlsrpt/parsedmarc_google.com_smtp_tls_report.eml"),
            ),
            read(
                "c.json",
                corpus("tlsrpt/parsedmarc_google.com_smtp_tls_report.decoded.json"),
            ),
        ),
        (
            read("d.eml", corpus("tlsrpt/stalwart_rpt01.eml")),
            read("d.json", corpus("tlsrpt/stalwart_rpt01.json")),
        ),
        (
            read("e.eml", corpus("tlsrpt/stalwart_rpt02.eml")),
            read("e.json", corpus("tlsrpt/stalwart_rpt02.json")),
        ),
        (
            read("f.json.gz", data("microsoft_drop.json.gz")),
            read(
                "f.json",
                corpus("tlsrpt/mox_tlsreport_microsoft.decoded0.json"),
            ),
        ),
        (
            read("g.json.gz", data("rfc8460_drop.json.gz")),
            read("g.json", corpus("tlsrpt/parsedmarc_rfc8460.json")),
        ),
    ];
    for (wrapped, plain) in pairs {
        assert_eq!(wrapped.policies.len(), plain.policies.len());
        for (a, b) in wrapped.policies.iter().zip(&plain.policies) {
            assert_eq!(
                (
                    &a.policy_type,
                    a.successful_sessions,
                    a.failed_sessions,
                    a.failures.len()
                ),
                (
                    &b.policy_type,
                    b.successful_sessions,
                    b.failed_sessions,
                    b.failures.len()
                )
            );
        }
        assert_eq!(wrapped.report_id, plain.report_id);
        assert_ne!(wrapped.source, plain.source);
    }
}

/// Hostile and broken reports: located messages, no panic, strings kept as text, the gzip cap.
#[test]
fn hostile_reports() {
    fn check(bytes: Vec<u8>, expected: Expect) {
        let report = common::run(vec![Document {
            name: "hostile.json".to_string(),
            bytes,
            kind: Some(mailtls::analysis::Kind::TlsRptReport),
        }]);
        let json = serde_json::to_string(&report).expect("the report serialises");
        assert!(!json.is_empty());
        let r = report.tls_rpt_reports.first().expect("a report");
        let mut out = format!(
            "readable={} valid={} policies={}\n",
            r.readable,
            r.valid,
            r.policies.len()
        );
        for d in r.diagnostics.iter().take(5) {
            let _ = writeln!(out, "{}:{} {} {}", d.line, d.column, d.code, d.message);
        }
        expected.assert_eq(&out);
    }
    let gzip = |data: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    };
    // HTML in strings stays text.
    check(
        br#"{"organization-name":"<script>alert(1)</script>","date-range":{"start-datetime":"2024-01-01T00:00:00Z","end-datetime":"2024-01-01T23:59:59Z"},"contact-info":"<img src=x onerror=alert(1)>","report-id":"x","policies":[{"policy":{"policy-type":"sts","policy-domain":"<b>example.com</b>"},"summary":{"total-successful-session-count":1,"total-failure-session-count":1},"failure-details":[{"result-type":"<i>bogus</i>","sending-mta-ip":"192.0.2.1","failed-session-count":1}]}]}"#.to_vec(),
        expect![[r#"
            readable=true valid=true policies=1
            1:399 TLSRPT_RESULT_UNKNOWN “<i>bogus</i>” is not a registered result type.
        "#]],
    );
    // Deep nesting: serde_json's recursion limit answers, located.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    check(
        deep.into_bytes(),
        expect![[r#"
            readable=false valid=false policies=0
            1:128 TLSRPT_REPORT_UNREADABLE The report can't be read: it is not valid JSON at line 1, column 128 (recursion limit exceeded at line 1 column 128).
        "#]],
    );
    // A huge report: 20,000 failure details are read and grouped.
    let mut details = Vec::new();
    for i in 0..20_000 {
        details.push(format!(
            r#"{{"result-type":"certificate-expired","sending-mta-ip":"192.0.2.{}","receiving-mx-hostname":"mx.example.com","failed-session-count":1}}"#,
            i % 250
        ));
    }
    let huge = format!(
        r#"{{"organization-name":"o","date-range":{{"start-datetime":"2024-01-01T00:00:00Z","end-datetime":"2024-01-01T23:59:59Z"}},"contact-info":"c","report-id":"r","policies":[{{"policy":{{"policy-type":"sts","policy-domain":"example.com"}},"summary":{{"total-successful-session-count":0,"total-failure-session-count":20000}},"failure-details":[{}]}}]}}"#,
        details.join(",")
    );
    let report = common::run(vec![Document {
        name: "huge.json".to_string(),
        bytes: huge.into_bytes(),
        kind: None,
    }]);
    let r = &report.tls_rpt_reports[0];
    assert!(
        r.valid && r.diagnostics.is_empty(),
        "{:?}",
        r.diagnostics.first()
    );
    assert_eq!(r.policies[0].failures[0].sessions, 20_000);
    assert_eq!(r.policies[0].failures[0].details.len(), 20_000);
    // A gzip bomb: a few kilobytes that expand past the cap.
    let bomb = gzip(&vec![b' '; MAX_DECOMPRESSED_BYTES + 1024]);
    assert!(
        bomb.len() < 64 * 1024,
        "the bomb should be small, is {}",
        bomb.len()
    );
    check(
        bomb,
        expect![[r#"
            readable=false valid=false policies=0
            1:1 TLSRPT_REPORT_TOO_LARGE 16330 compressed bytes expand to more than 16 MiB; decompression stopped there.
        "#]],
    );
    // Truncated gzip.
    let whole =
        gzip(&std::fs::read(common::corpus_dir().join("tlsrpt/parsedmarc_rfc8460.json")).unwrap());
    check(
        whole[..whole.len() / 2].to_vec(),
        expect![[r#"
            readable=false valid=false policies=0
            1:1 TLSRPT_REPORT_UNREADABLE The gzip data is broken after 543 decompressed bytes: incomplete deflate stream.
        "#]],
    );
    // Not UTF-8, not an object, wrong types, not JSON.
    check(
        b"{\"organization-name\":\"\xff\xfe\"}".to_vec(),
        expect![[r#"
            readable=false valid=false policies=0
            1:23 TLSRPT_REPORT_UNREADABLE The report can't be read: it is not valid JSON at line 1, column 23 (invalid unicode code point at line 1 column 23).
        "#]],
    );
    check(
        b"[1, 2, 3]".to_vec(),
        expect![[r#"
            readable=true valid=false policies=0
            1:1 TLSRPT_REPORT_FIELD_TYPE The report should be a JSON object but is an array.
        "#]],
    );
    check(
        br#"{"organization-name": 7, "contact-info": null, "report-id": "r", "date-range": {"start-datetime": "yesterday", "end-datetime": "2024-01-01T23:59:59"}, "policies": [{"policy": {"policy-type": "tlsa", "policy-domain": "example.com", "mx-host": 3}, "summary": {"total-successful-session-count": -1, "total-failure-session-count": "2"}}]}"#.to_vec(),
        expect![[r#"
            readable=true valid=false policies=1
            1:23 TLSRPT_REPORT_FIELD_TYPE /organization-name should be a string but is a number.
            1:42 TLSRPT_REPORT_DEVIATION contact-info is null; RFC 8460 asks for an address or URI.
            1:99 TLSRPT_REPORT_FIELD_TYPE “yesterday” is not an RFC 3339 date-time.
            1:128 TLSRPT_REPORT_DEVIATION “2024-01-01T23:59:59” has no time zone (Microsoft writes dates so); it was read as UTC.
            1:243 TLSRPT_REPORT_FIELD_TYPE /policies/0/policy/mx-host should be a string or an array of strings but is a number.
        "#]],
    );
    check(
        b"this is not json".to_vec(),
        expect![[r#"
            readable=false valid=false policies=0
            1:2 TLSRPT_REPORT_UNREADABLE The report can't be read: it is not valid JSON at line 1, column 2 (expected ident at line 1 column 2).
        "#]],
    );
}
