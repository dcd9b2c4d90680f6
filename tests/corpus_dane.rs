//! Data-driven tests over `../shared/corpus/dane`: OpenSSL's `danetest.in` and `dane-cross.in`
//! cases (TLSA records, a served chain, and OpenSSL's verify result and match depth). Each case
//! is analysed the way a user would paste it (the TLSA lines as DNS records, the chain as PEM),
//! snapshotted, and compared with OpenSSL's verdict. Where the SMTP verdict (RFC 7672) differs
//! from OpenSSL's generic DANE verdict, the table below says why.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fmt::Write;

use expect_test::expect_file;
use mailtls::analysis::dane::DaneStatus;
use mailtls::analysis::{analyze, DnsRecordReport, Document, Inputs, Options, Report};

/// One danetest block.
struct Case {
    name: String,
    tlsa: Vec<String>,
    certs: usize,
    no_name_checks: bool,
    verify_result: i32,
    match_depth: i32,
    text: String,
}

fn read_case(name: &str, text: &str) -> Case {
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<i32> = lines
        .next()
        .unwrap()
        .split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect();
    let tlsa = lines
        .by_ref()
        .take(header[0] as usize)
        .map(str::to_string)
        .collect();
    Case {
        name: name.to_string(),
        tlsa,
        certs: header[1] as usize,
        no_name_checks: header[2] == 1,
        verify_result: header[3],
        match_depth: header[4],
        text: text.to_string(),
    }
}

fn run(case: &Case) -> Report {
    let host = if case.name.contains("danecross") {
        "server.example"
    } else {
        "example.com"
    };
    analyze(
        &Inputs {
            documents: vec![
                Document::text("tlsa.txt", case.tlsa.join("\n")),
                Document::text("chain.pem", case.text.clone()),
            ],
            options: Options {
                mx_hosts: vec![host.to_string()],
                ..Options::default()
            },
        },
        common::NOW,
    )
}

fn summary(report: &Report) -> String {
    let mut out = String::new();
    for cert in &report.certificates {
        let _ = writeln!(
            out,
            "cert {} {:?} {} issuer={} {}",
            cert.index,
            cert.role,
            cert.subject,
            cert.issuer,
            cert.validity_word()
        );
    }
    for record in &report.dns_records {
        let DnsRecordReport::Tlsa(t) = record else {
            continue;
        };
        let _ = writeln!(
            out,
            "tlsa {} valid={} usable={} matches={:?} any={:?} anchor_signs={:?}",
            t.label, t.valid, t.usable, t.matches, t.matches_any, t.anchor_signs
        );
    }
    if let Some(dane) = &report.dane {
        let _ = writeln!(out, "dane {:?}: {}", dane.status, dane.headline);
    }
    if let Some(chain) = &report.chain {
        let _ = writeln!(out, "chain {}: {}", chain.status.name(), chain.headline);
    }
    for f in &report.findings {
        let _ = writeln!(out, "{} {}", f.severity.name(), f.code);
    }
    out
}

/// Small extension so snapshots read well.
trait ValidityWord {
    fn validity_word(&self) -> String;
}

impl ValidityWord for mailtls::analysis::cert::CertSummary {
    fn validity_word(&self) -> String {
        format!("{:?}", self.validity).to_lowercase()
    }
}

/// Where the SMTP verdict differs from OpenSSL's generic one, and why.
const DEVIATIONS: &[(&str, &str)] = &[(
    "openssl_danetest_case54.txt",
    "OpenSSL reports a host name mismatch for a matching 3 1 1 record because danetest checks \
         names; RFC 7672 §3.2.1 says SMTP clients don't check names with DANE-EE, so for mail \
         this server authenticates",
)];

fn deviation(name: &str) -> bool {
    DEVIATIONS.iter().any(|(n, _)| *n == name)
}

#[test]
fn every_dane_case_matches_openssl_or_says_why() {
    let rows = common::manifest("dane");
    let cases: Vec<_> = rows
        .iter()
        .filter(|r| r.local_path.ends_with(".txt"))
        .collect();
    assert!(
        cases.len() >= 55,
        "expected 54 danetest cases and 1 danecross case, found {}",
        cases.len()
    );
    for row in cases {
        let text = String::from_utf8(row.bytes()).unwrap();
        let case = read_case(row.file_name(), &text);
        let report = run(&case);
        let stem = row.file_name().trim_end_matches(".txt");
        expect_file![format!("data/dane/{stem}.expected")].assert_eq(&summary(&report));

        assert_eq!(
            report.certificates.len(),
            case.certs,
            "{}: every certificate is read",
            case.name
        );
        let records: Vec<_> = report
            .dns_records
            .iter()
            .filter_map(|r| match r {
                DnsRecordReport::Tlsa(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(
            records.len(),
            case.tlsa.len(),
            "{}: every TLSA line is read",
            case.name
        );
        let dane = report.dane.as_ref().unwrap();
        let pkix_only = records.iter().all(|r| matches!(r.usage, Some(0 | 1)));
        let found = records
            .iter()
            .filter_map(|r| {
                r.matches.map(|m| m as i32).or(r.anchor_signs.map(|k| {
                    // OpenSSL puts a full TA certificate (2 0 0) on the chain above the certificate
                    // it signs, and reports a bare TA key (2 1 0) at the depth it signs.
                    k as i32 + i32::from(r.selector == Some(0))
                }))
            })
            .min()
            .unwrap_or(-1);

        if pkix_only {
            // SMTP verdict: usages 0 and 1 are unusable for SMTP (RFC 7672 §3.1.3); OpenSSL's
            // generic verdict (with its own trust store) is about other protocols.
            assert_eq!(
                dane.status,
                DaneStatus::NoUsableRecords,
                "{}: PKIX usages are unusable for SMTP",
                case.name
            );
            assert!(
                report.findings.iter().any(|f| f.code == "TLSA_PKIX_USAGE"),
                "{}",
                case.name
            );
            // The matcher still finds what OpenSSL matched within the served chain.
            if case.verify_result == 0 && (case.match_depth as usize) < case.certs {
                assert_eq!(
                    found, case.match_depth,
                    "{}: same match depth as OpenSSL",
                    case.name
                );
            }
            continue;
        }
        match case.verify_result {
            // X509_V_OK and X509_V_ERR_HOSTNAME_MISMATCH: a record matched at this depth.
            0 | 62 => {
                assert_eq!(
                    found, case.match_depth,
                    "{}: same match depth as OpenSSL",
                    case.name
                );
                assert_eq!(dane.status, DaneStatus::Matches, "{}", case.name);
                let mismatch = report
                    .findings
                    .iter()
                    .any(|f| f.code == "CERT_HOSTNAME_MISMATCH" && f.severity.name() == "critical");
                let expect_mismatch = case.verify_result == 62 && !deviation(&case.name);
                assert_eq!(
                    mismatch, expect_mismatch,
                    "{}: host name verdict (nonamechecks={})",
                    case.name, case.no_name_checks
                );
            }
            // X509_V_ERR_DANE_NO_MATCH.
            65 => {
                assert_eq!(found, -1, "{}", case.name);
                assert_eq!(dane.status, DaneStatus::NoMatch, "{}", case.name);
                assert!(
                    report
                        .findings
                        .iter()
                        .any(|f| f.code == "DANE_NO_MATCH" && f.severity.name() == "critical"),
                    "{}",
                    case.name
                );
            }
            other => panic!(
                "{}: verify result {other} is not handled by this test",
                case.name
            ),
        }
    }
}
