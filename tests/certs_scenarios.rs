//! Hostile and broken certificate input, and DANE scenarios a mail admin meets: each case is a
//! row of data behind one helper. Nothing here may panic; every verdict is asserted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::path::PathBuf;

use mailtls::analysis::cert::{read_bytes, read_text, Role};
use mailtls::analysis::{analyze, DnsRecordReport, Document, Inputs, Options, Report};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/certs/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn corpus(name: &str) -> Vec<u8> {
    std::fs::read(common::corpus_dir().join("certs").join(name)).unwrap()
}

fn run(texts: &[(&str, String)], mx: &[&str]) -> Report {
    analyze(
        &Inputs {
            documents: texts
                .iter()
                .map(|(n, t)| Document::text(*n, t.clone()))
                .collect(),
            options: Options {
                mx_hosts: mx.iter().map(|s| s.to_string()).collect(),
                ..Options::default()
            },
        },
        common::NOW,
    )
}

fn codes(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| format!("{}:{}", f.code, f.severity.name()))
        .collect()
}

#[test]
fn hostile_names_stay_text() {
    let report = run(&[("hostile.pem", fixture("hostile-names.pem"))], &[]);
    let leaf = &report.certificates[0];
    assert_eq!(
        leaf.subject_cn.as_deref(),
        Some("<script>alert(1)</script>")
    );
    assert!(
        leaf.subject
            .contains("CN=\\<script\\>alert(1)\\</script\\>"),
        "{}",
        leaf.subject
    );
    assert_eq!(
        leaf.dns_names,
        vec!["<img src=x onerror=alert(1)>.example".to_string()]
    );
    assert_eq!(
        leaf.other_names,
        vec!["URI:javascript:alert(1)".to_string()]
    );
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.contains("<script>alert(1)</script>"),
        "JSON keeps the text as text"
    );
}

#[test]
fn truncated_der_at_every_length_is_reported_not_panicked() {
    let pem = String::from_utf8(corpus("openssl_ee-cert.pem")).unwrap();
    let der = read_text(&pem, 0).certificates.remove(0).der;
    for len in 0..der.len() {
        let reading = read_bytes(&der[..len], 0);
        assert!(
            reading.certificates.is_empty(),
            "{len} bytes cannot be a whole certificate"
        );
        // Whatever the cut, the analysis as a whole must not panic either.
        let report = analyze(
            &Inputs {
                documents: vec![Document {
                    name: "cut.der".into(),
                    bytes: der[..len].to_vec(),
                    kind: None,
                }],
                options: Options::default(),
            },
            common::NOW,
        );
        assert!(report.certificates.is_empty());
    }
    let whole = read_bytes(&der, 0);
    assert_eq!(whole.certificates.len(), 1);
    // A cut inside the body is located by byte offset.
    let cut = read_bytes(&der[..600], 0);
    let finding = &cut.findings[0];
    assert_eq!(finding.code, "CERT_DER_INVALID");
    assert!(
        finding.detail.contains("cut off at byte offset 600"),
        "{}",
        finding.detail
    );
}

/// (name, text, expected finding codes in order of appearance, certificates read)
const BROKEN_TEXT: &[(&str, &str, &[&str], usize)] = &[
    (
        "garbage base64",
        "-----BEGIN CERTIFICATE-----\n!!!!not base64!!!!\n-----END CERTIFICATE-----\n",
        &["CERT_BASE64_INVALID"],
        0,
    ),
    (
        "base64 of garbage",
        "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
        &["CERT_DER_INVALID"],
        0,
    ),
    (
        "missing END",
        "-----BEGIN CERTIFICATE-----\nMIIB\n",
        &["CERT_PEM_NO_END", "CERT_DER_INVALID"],
        0,
    ),
    (
        "prose",
        "this is not a certificate\n",
        &["CERT_NONE_FOUND"],
        0,
    ),
    (
        "empty block",
        "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
        &["CERT_DER_INVALID"],
        0,
    ),
];

#[test]
fn broken_text_gets_located_findings() {
    for (name, text, expected, count) in BROKEN_TEXT {
        let reading = read_text(text, 0);
        let got: Vec<&str> = reading.findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(&got, expected, "{name}");
        assert_eq!(reading.certificates.len(), *count, "{name}");
        assert!(
            reading
                .findings
                .iter()
                .all(|f| f.location.as_ref().is_some_and(|l| l.line >= 1)),
            "{name}: located"
        );
    }
}

#[test]
fn s_client_noise_and_any_order_are_fine() {
    let chain: String = [
        "openssl_root-cert.pem",
        "openssl_ca-cert.pem",
        "openssl_ee-cert.pem",
    ]
    .iter()
    .map(|f| String::from_utf8(corpus(f)).unwrap())
    .collect();
    let text = format!("CONNECTED(00000003)\ndepth=2 CN = Root CA\n---\nCertificate chain\n 0 s:CN = x\n{chain}---\nServer certificate\nVerify return code: 0 (ok)\n");
    let reading = read_text(&text, 0);
    assert_eq!(reading.certificates.len(), 3);
    assert!(reading.findings.is_empty());
}

#[test]
fn five_hundred_certificates_stay_bounded() {
    let one = String::from_utf8(corpus("openssl_ee-cert.pem")).unwrap();
    let others = [
        "openssl_ca-cert.pem",
        "openssl_root-cert.pem",
        "openssl_ee-cert-1024.pem",
        "openssl_p384-server-cert.pem",
    ];
    let mut text = String::new();
    for i in 0..500 {
        match others.get(i % 7) {
            Some(f) => text.push_str(&String::from_utf8(corpus(f)).unwrap()),
            None => text.push_str(&one),
        }
    }
    #[allow(clippy::disallowed_methods)]
    let started = std::time::Instant::now();
    let report = run(&[("bundle.pem", text)], &[]);
    let elapsed = started.elapsed();
    // Duplicates are counted once; the rest are summarised.
    assert_eq!(report.certificates.len(), 5);
    assert!(report.findings.iter().any(|f| f.code == "CERT_DUPLICATE"));
    eprintln!("500 certificates: {elapsed:?}");
    assert!(elapsed.as_secs() < 10, "500 certificates took {elapsed:?}");
}

/// DANE scenarios: TLSA text, chain fixture, MX host, codes that must appear (`code:severity`).
const DANE: &[(&str, &str, &str, &[&str])] = &[
    (
        "self-signed leaf with matching 3 1 1 is good",
        "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 {leaf311}",
        "self-signed-mx.pem",
        &["TLSA_RECORD_MATCHES:ok", "CERT_SELF_SIGNED_LEAF:ok", "DANE_ROLLOVER_SINGLE_KEY:notice", "DANE_DNSSEC_UNKNOWN:notice"],
    ),
    (
        "stale 3 1 2 beside good 3 1 1",
        "3 1 1 {leaf311}\n3 1 2 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
        "self-signed-mx.pem",
        &["DANE_DIGEST_DOWNGRADE:critical", "TLSA_RECORD_NO_MATCH:notice"],
    ),
    (
        "hash of empty input",
        "3 1 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "self-signed-mx.pem",
        &["TLSA_EMPTY_HASH:warning", "DANE_NO_MATCH:critical"],
    ),
    (
        "SHA-224 length",
        "3 1 1 d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
        "self-signed-mx.pem",
        &["TLSA_DIGEST_LENGTH:warning", "DANE_NO_USABLE_RECORDS:warning"],
    ),
    (
        "dig output with the ad flag and a split value",
        ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\n;; flags: qr rd ra ad; QUERY: 1, ANSWER: 1\n_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 {leaf311_split}",
        "self-signed-mx.pem",
        &["TLSA_RECORD_MATCHES:ok", "DANE_DNSSEC_VALIDATED:ok"],
    ),
    (
        "dig output without the ad flag",
        ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\n;; flags: qr rd ra; QUERY: 1, ANSWER: 1\n_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 {leaf311}",
        "self-signed-mx.pem",
        &["DANE_DNSSEC_NOT_VALIDATED:warning", "CERT_SELF_SIGNED_LEAF:notice"],
    ),
    (
        "wrong port",
        "_443._tcp.mx.example.com. 3600 IN TLSA 3 1 1 {leaf311}",
        "self-signed-mx.pem",
        &["TLSA_OWNER_NOT_SMTP:warning"],
    ),
    (
        "DANE-EE pinned on the intermediate",
        "3 1 1 {ca311}",
        "nc-good-chain.pem",
        &["TLSA_EE_MATCHES_ISSUER:warning", "DANE_NO_MATCH:critical"],
    ),
    (
        "DANE-TA on the root the server sends, plus name mismatch",
        "2 0 1 {root201}",
        "nc-good-chain.pem",
        &["TLSA_RECORD_MATCHES:ok", "CERT_HOSTNAME_MISMATCH:critical"],
    ),
    (
        "a public root the server does not send",
        "2 1 1 {isrg211}",
        "nc-good-chain.pem",
        &["TLSA_TA_NOT_SERVED:warning", "DANE_NO_MATCH:critical"],
    ),
    (
        "PKIX-EE only",
        "1 1 1 {leaf311}",
        "self-signed-mx.pem",
        &["TLSA_PKIX_USAGE:warning", "DANE_NO_USABLE_RECORDS:warning"],
    ),
];

#[test]
fn dane_scenarios() {
    for (name, tlsa, chain_file, expected) in DANE {
        let chain = fixture(chain_file);
        // The values to fill in come from the analysis of the chain alone.
        let plain = run(&[("chain.pem", chain.clone())], &["mx.example.com"]);
        let leaf311 = &plain.certificates[0].spki_sha256;
        let generated = &plain.dane.as_ref().unwrap().generated;
        let find = |u: u8, s: u8, role: Role| {
            generated
                .iter()
                .find(|g| {
                    g.usage == u
                        && g.selector == s
                        && g.matching_type == 1
                        && plain.certificates[g.certificate].role == role
                })
                .map(|g| g.data.clone())
                .unwrap_or_default()
        };
        let ca311 = plain
            .certificates
            .iter()
            .find(|c| c.role == Role::Intermediate)
            .map(|c| c.spki_sha256.clone())
            .unwrap_or_default();
        let isrg = mailtls::analysis::cert::public_root_digests()
            .into_iter()
            .find(|r| r.name.contains("ISRG Root X1"))
            .map(|r| mailtls::analysis::cert::hex(&r.sha256))
            .unwrap();
        let text = tlsa
            .replace(
                "{leaf311_split}",
                &format!("( {} {} )", &leaf311[..32], &leaf311[32..]),
            )
            .replace("{leaf311}", leaf311)
            .replace("{ca311}", &ca311)
            .replace("{root201}", &find(2, 0, Role::Root))
            .replace("{isrg211}", &isrg);
        let report = run(
            &[("tlsa.txt", text), ("chain.pem", chain)],
            &["mx.example.com"],
        );
        let got = codes(&report);
        for want in *expected {
            assert!(
                got.iter().any(|c| c == want),
                "{name}: {want} missing from {got:?}"
            );
        }
        let tlsa_entries = report
            .dns_records
            .iter()
            .filter(|r| matches!(r, DnsRecordReport::Tlsa(_)))
            .count();
        assert!(tlsa_entries >= 1, "{name}: TLSA entries in dns_records");
    }
}

#[test]
fn generated_records_lead_with_3_1_1_then_2_0_1() {
    let report = run(
        &[("chain.pem", fixture("nc-good-chain.pem"))],
        &["mx.good.org"],
    );
    let dane = report.dane.unwrap();
    let ranked: Vec<String> = dane
        .generated
        .iter()
        .filter(|g| g.rank > 0)
        .map(|g| g.line.clone())
        .collect();
    assert_eq!(ranked.len(), 2);
    assert!(
        ranked[0].starts_with("_25._tcp.mx.good.org. IN TLSA 3 1 1 "),
        "{}",
        ranked[0]
    );
    assert!(
        ranked[1].starts_with("_25._tcp.mx.good.org. IN TLSA 2 0 1 "),
        "{}",
        ranked[1]
    );
    assert_eq!(
        dane.dnssec_command,
        "dig +dnssec +noall +answer +comments TLSA _25._tcp.mx.good.org"
    );
    let json = serde_json::to_value(&report.certificates[0]).unwrap();
    for field in [
        "subject",
        "issuer",
        "not_before",
        "not_after",
        "key_algorithm",
        "key_bits",
        "curve",
        "signature_algorithm",
        "dns_names",
        "is_ca",
        "self_signed",
        "sha256_fingerprint",
        "spki_sha256",
    ] {
        assert!(json.get(field).is_some(), "CLI JSON field {field}");
    }
}
