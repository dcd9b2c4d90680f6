//! `openssl s_client` transcripts: the real ones in `tests/data/sclient` (made against a loopback
//! SMTP responder by `make-fixtures.sh`, see the README there) and the two in
//! `../shared/corpus/sclient` (OpenSSL 1.1.1). Each is read through `analyze` and snapshotted; a
//! table states what each fixture was made to show, and a live run regenerates the transcripts
//! into a temporary folder when `openssl` and `python3` are available (loopback only).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use expect_test::{expect, expect_file, Expect};
use mailtls::analysis::sclient::{self, NameCheck, Outcome, StartTls, Transcript};
use mailtls::analysis::Report;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sclient")
}

/// What each fixture was made to show: (file, outcome, STARTTLS, verify code, name check).
const FIXTURES: &[(&str, Outcome, StartTls, Option<i64>, NameCheck)] = &[
    (
        "ok_tls13.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(0),
        NameCheck::Checked,
    ),
    (
        "ok_tls12.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(0),
        NameCheck::Checked,
    ),
    (
        "ok_brief.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(0),
        NameCheck::Checked,
    ),
    (
        "ehlo_after_tls.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(0),
        NameCheck::Checked,
    ),
    (
        "no_verify_hostname.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(0),
        NameCheck::NotRequested,
    ),
    (
        "expired.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(10),
        NameCheck::Checked,
    ),
    (
        "hostname_mismatch.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(62),
        NameCheck::Checked,
    ),
    (
        "untrusted_chain.txt",
        Outcome::Established,
        StartTls::Offered,
        Some(20),
        NameCheck::Checked,
    ),
    (
        "starttls_refused.txt",
        Outcome::HandshakeFailed,
        StartTls::NotOffered,
        None,
        NameCheck::Checked,
    ),
    (
        "connection_refused.txt",
        Outcome::ConnectFailed,
        StartTls::Unknown,
        None,
        NameCheck::Checked,
    ),
];

fn summary(t: &Transcript, report: &Report, text: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "outcome={:?} starttls={:?} protocol={:?} cipher={:?} iana={:?} fs={:?}",
        t.outcome,
        t.starttls,
        t.protocol.map(|v| v.name()),
        t.cipher,
        t.cipher_iana,
        t.forward_secret
    );
    let _ = writeln!(
        out,
        "temp_key={:?} digest={:?} signature={:?} key_bits={:?} renegotiation={:?}",
        t.temp_key
            .as_ref()
            .map(|k| (&k.group, k.bits, k.post_quantum)),
        t.peer_signing_digest,
        t.peer_signature_type,
        t.server_public_key_bits,
        t.secure_renegotiation
    );
    if let Some(c) = &t.command {
        let _ = writeln!(
            out,
            "command line {}: host={:?} port={:?} starttls={:?} sni={:?} verify_hostname={:?} showcerts={} 2>&1={} brief={}",
            c.line, c.host, c.port, c.starttls, c.servername, c.verify_hostname, c.showcerts, c.stderr_captured, c.brief
        );
    }
    if let Some(v) = &t.verify {
        let _ = writeln!(
            out,
            "verify {} ({}) line {}: {}",
            v.code, v.text, v.line, v.meaning
        );
    }
    for e in &t.verify_errors {
        let _ = writeln!(
            out,
            "verify error depth={:?} num={} {} (line {})",
            e.depth, e.code, e.text, e.line
        );
    }
    let _ = writeln!(
        out,
        "peername={:?} name_check={:?} stderr_seen={}",
        t.verified_peername, t.name_check, t.stderr_seen
    );
    let _ = writeln!(
        out,
        "server subject={:?} issuer={:?}",
        t.server_subject, t.server_issuer
    );
    for c in &t.chain {
        let _ = writeln!(
            out,
            "chain {} s:{} i:{} a:{} v:{} (line {})",
            c.depth,
            c.subject,
            c.issuer.as_deref().unwrap_or("-"),
            c.algorithms.as_deref().unwrap_or("-"),
            c.validity.as_deref().unwrap_or("-"),
            c.line
        );
    }
    let lines: Vec<&str> = text.lines().collect();
    for p in &t.certificates {
        // The block's lines point at its BEGIN and END lines in the input.
        assert_eq!(
            lines[p.first_line as usize - 1].trim(),
            "-----BEGIN CERTIFICATE-----"
        );
        if p.complete {
            assert_eq!(
                lines[p.last_line as usize - 1].trim(),
                "-----END CERTIFICATE-----"
            );
        }
        let _ = writeln!(
            out,
            "certificate {} lines {}-{} complete={} {} bytes",
            p.index,
            p.first_line,
            p.last_line,
            p.complete,
            p.pem.len()
        );
    }
    if let Some(l) = &t.pre_tls_ehlo_last_line {
        let _ = writeln!(out, "pre-TLS EHLO last line {}: {}", l.line, l.text);
    }
    if !t.capabilities.is_empty() {
        let _ = writeln!(out, "capabilities after TLS: {}", t.capabilities.join(" "));
    }
    for e in &t.errors {
        let _ = writeln!(out, "error line {}: {}", e.line, e.text);
    }
    for f in &report.findings {
        let _ = writeln!(
            out,
            "{} {} | {}{}",
            f.severity.name(),
            f.code,
            f.title,
            f.location
                .as_ref()
                .map(|l| format!(" @{}", l.line))
                .unwrap_or_default()
        );
    }
    out
}

fn analyse(name: &str, text: &str) -> (Transcript, Report) {
    let report = common::run_text(name, text);
    assert_eq!(
        report.inputs[0].kind.name(),
        "s_client",
        "{name} should be detected as s_client"
    );
    let t = report.s_client.clone().expect("a transcript");
    (t, report)
}

#[test]
fn fixtures_are_read_snapshotted_and_match_what_they_were_made_for() {
    for (file, outcome, starttls, code, name_check) in FIXTURES {
        let text = std::fs::read_to_string(fixtures_dir().join(file)).unwrap();
        let (t, report) = analyse(file, &text);
        let stem = file.trim_end_matches(".txt");
        expect_file![format!("data/sclient/{stem}.expected")]
            .assert_eq(&summary(&t, &report, &text));
        assert_eq!(t.outcome, *outcome, "{file} outcome");
        assert_eq!(t.starttls, *starttls, "{file} STARTTLS");
        assert_eq!(
            t.verify.as_ref().map(|v| v.code),
            *code,
            "{file} verify code"
        );
        assert_eq!(t.name_check, *name_check, "{file} name check");
    }
    // Every transcript in the folder is in the table.
    let mut listed: Vec<&str> = FIXTURES.iter().map(|f| f.0).collect();
    listed.sort_unstable();
    let mut files: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && n != "openssl-version.txt")
        .collect();
    files.sort();
    assert_eq!(files, listed);
}

/// The corpus transcripts (OpenSSL 1.1.1, from the telnet-mail README): one STARTTLS on the
/// submission port, one implicit-TLS IMAP control sample.
#[test]
fn corpus_transcripts() {
    for row in common::manifest("sclient") {
        let text = String::from_utf8_lossy(&row.bytes()).into_owned();
        let (t, report) = analyse(row.file_name(), &text);
        let stem = row.file_name().trim_end_matches(".txt");
        expect_file![format!("data/sclient/corpus_{stem}.expected")]
            .assert_eq(&summary(&t, &report, &text));
        // The curators' summary: TLSv1.2, ECDHE-RSA-AES256-GCM-SHA384, verify 0, one PEM block.
        assert_eq!(t.protocol.map(|v| v.name()), Some("TLSv1.2"));
        assert_eq!(t.cipher.as_deref(), Some("ECDHE-RSA-AES256-GCM-SHA384"));
        assert_eq!(t.verify.as_ref().map(|v| v.code), Some(0));
        assert_eq!(t.certificates.len(), 1);
        assert_eq!(t.chain.len(), 2);
        let smtp = row.file_name().contains("smtp");
        assert_eq!(
            t.starttls,
            if smtp {
                StartTls::Offered
            } else {
                StartTls::NotUsed
            }
        );
        // "ends with 250 DSN (Postfix EHLO reply)": the echoed last line of the pre-TLS EHLO.
        if smtp {
            assert_eq!(
                t.pre_tls_ehlo_last_line.as_ref().map(|l| l.text.as_str()),
                Some("250 DSN")
            );
        }
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.code == "SCLIENT_NOT_SMTP_STARTTLS"),
            "port 587/993"
        );
    }
}

/// Lines other OpenSSL versions print, one snippet each, written after OpenSSL's `s_client.c`
/// formats (1.0.2 prints the cipher's minimum version in `New, …`; 3.2+ says `Peer Temp Key`;
/// 3.5 names hybrid groups in `Negotiated TLS1.3 group`).
#[test]
fn version_specific_lines() {
    fn check(text: &str, expected: Expect) {
        let t = sclient::read(text, 0);
        expected.assert_eq(&format!(
            "outcome={:?} protocol={:?} cipher={:?} key={:?} verify={:?} starttls={:?}",
            t.outcome,
            t.protocol.map(|v| v.name()),
            t.cipher_iana.as_deref().or(t.cipher.as_deref()),
            t.temp_key.as_ref().map(|k| (&k.group, k.post_quantum)),
            t.verify.as_ref().map(|v| v.code),
            t.starttls
        ));
    }
    // OpenSSL 1.0.2: `TLSv1/SSLv3` is the cipher's minimum; the session line has the protocol.
    check(
        "CONNECTED(00000003)\n---\nNew, TLSv1/SSLv3, Cipher is ECDHE-RSA-AES256-GCM-SHA384\nSSL-Session:\n    Protocol  : TLSv1.2\n    Cipher    : ECDHE-RSA-AES256-GCM-SHA384\n    Verify return code: 0 (ok)\n",
        expect![[r#"outcome=Established protocol=Some("TLSv1.2") cipher=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") key=None verify=Some(0) starttls=Unknown"#]],
    );
    // Without the session block, `TLSv1/SSLv3` alone says nothing about the protocol.
    check(
        "CONNECTED(00000003)\nNew, TLSv1/SSLv3, Cipher is DES-CBC3-SHA\nVerify return code: 0 (ok)\n",
        expect![[r#"outcome=Established protocol=None cipher=Some("TLS_RSA_WITH_3DES_EDE_CBC_SHA") key=None verify=Some(0) starttls=Unknown"#]],
    );
    // OpenSSL 3.5 with a hybrid post-quantum group.
    check(
        "CONNECTED(00000003)\nPeer Temp Key: X25519, 253 bits\nNegotiated TLS1.3 group: X25519MLKEM768\nNew, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\nVerify return code: 0 (ok)\n",
        expect![[r#"outcome=Established protocol=Some("TLSv1.3") cipher=Some("TLS_AES_256_GCM_SHA384") key=Some(("X25519MLKEM768", true)) verify=Some(0) starttls=Unknown"#]],
    );
    // OpenSSL 1.0.2's misspelt refusal message.
    check(
        "CONNECTED(00000003)\ndidn't found starttls in server response, try anyway...\n139:error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol:s23_clnt.c:794:\nno peer certificate available\nNew, (NONE), Cipher is (NONE)\n",
        expect![[r#"outcome=HandshakeFailed protocol=None cipher=None key=None verify=None starttls=NotOffered"#]],
    );
    // A timeout on port 25, as from a network that blocks it.
    check(
        "$ openssl s_client -starttls smtp -connect mx.example.com:25 </dev/null 2>&1\n40:error:8000006E:system library:BIO_connect:Connection timed out:../crypto/bio/bio_sock2.c:178:calling connect()\nconnect:errno=110\n",
        expect![[r#"outcome=ConnectFailed protocol=None cipher=None key=None verify=None starttls=Unknown"#]],
    );
}

/// Broken and hostile transcripts: no panic, located findings.
#[test]
fn broken_transcripts() {
    let cut = std::fs::read_to_string(fixtures_dir().join("ok_tls13.txt")).unwrap();
    let half = &cut[..cut.find("-----END CERTIFICATE-----").unwrap()];
    let (t, _) = analyse("cut", half);
    assert_eq!(t.certificates.len(), 1);
    assert!(!t.certificates[0].complete);
    let (t, report) = analyse(
        "hostile",
        "CONNECTED(00000003)\nSSL handshake has read 1 bytes\nVerify return code: 99 (<script>alert(1)</script>)\n",
    );
    assert_eq!(t.verify.as_ref().map(|v| v.code), Some(99));
    let f = report
        .findings
        .iter()
        .find(|f| f.code == "SCLIENT_VERIFY_FAILED")
        .unwrap();
    assert!(f.title.contains("<script>"), "text stays text: {}", f.title);
    assert_eq!(f.location.as_ref().map(|l| l.line), Some(3));
    serde_json::to_string(&report).unwrap();
}

/// An enforce-mode MTA-STS policy makes a verification failure critical.
#[test]
fn severity_follows_the_policy() {
    let expired = std::fs::read_to_string(fixtures_dir().join("expired.txt")).unwrap();
    let severity = |documents: Vec<mailtls::analysis::Document>| {
        let report = common::run(documents);
        report
            .findings
            .iter()
            .find(|f| f.code == "SCLIENT_VERIFY_FAILED")
            .map(|f| f.severity.name())
            .unwrap()
    };
    use mailtls::analysis::Document;
    assert_eq!(
        severity(vec![Document::text("s", expired.clone())]),
        "warning"
    );
    assert_eq!(
        severity(vec![
            Document::text("s", expired),
            Document::text(
                "p",
                "version: STSv1\nmode: enforce\nmx: mx.test\nmax_age: 604800\n"
            ),
        ]),
        "critical"
    );
}

/// Regenerates the transcripts into a temporary folder with the local `openssl` against the
/// loopback responder, and checks each against the table. Skipped (and says so) when `openssl`
/// or `python3` is missing; it never touches the committed fixtures or the network.
#[test]
fn live_transcripts_match_the_table() {
    let have = |tool: &str| {
        std::process::Command::new(tool)
            .arg(if tool == "openssl" {
                "version"
            } else {
                "--version"
            })
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !have("openssl") || !have("python3") || !have("bash") {
        eprintln!("live_transcripts_match_the_table: openssl, python3 or bash missing; skipped");
        return;
    }
    let out = std::env::temp_dir().join(format!("mailtls-sclient-{}", std::process::id()));
    let status = std::process::Command::new("bash")
        .arg(fixtures_dir().join("make-fixtures.sh"))
        .arg(&out)
        .output()
        .expect("runs the script");
    assert!(
        status.status.success(),
        "make-fixtures.sh failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    for (file, outcome, starttls, code, name_check) in FIXTURES {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        let t = sclient::read(&text, 0);
        assert_eq!(
            (
                t.outcome,
                t.starttls,
                t.verify.as_ref().map(|v| v.code),
                t.name_check
            ),
            (*outcome, *starttls, *code, *name_check),
            "live {file}:\n{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// REQUIRETLS: `TLS-Required: No` keeps its header finding (information, not an alarm) and gets
/// the explainer; a transcript with an EHLO reply after TLS says whether REQUIRETLS is offered.
#[test]
fn requiretls() {
    let headers = "Received: from a.example.org (a.example.org [192.0.2.1]) by mx.example.com \
                   (Postfix) with ESMTPS id 1; Mon, 1 Jan 2024 00:00:00 +0000\n\
                   TLS-Required: No\nSubject: list mail\n\n";
    let report = common::run_text("headers", headers);
    let codes: Vec<(&str, &str)> = report
        .findings
        .iter()
        .filter(|f| f.code.contains("TLS_REQUIRED") || f.code.starts_with("REQUIRETLS"))
        .map(|f| (f.code.as_str(), f.severity.name()))
        .collect();
    assert_eq!(
        codes,
        [
            ("HDR_TLS_REQUIRED_NO", "notice"),
            ("REQUIRETLS_EXPLAINED", "notice")
        ]
    );
    let explained = report
        .findings
        .iter()
        .find(|f| f.code == "REQUIRETLS_EXPLAINED")
        .unwrap();
    assert!(explained
        .detail
        .starts_with("The message carries \u{201c}TLS-Required: No\u{201d}."));

    let text = std::fs::read_to_string(fixtures_dir().join("ehlo_after_tls.txt")).unwrap();
    let (_, report) = analyse("ehlo", &text);
    let explained = report
        .findings
        .iter()
        .find(|f| f.code == "REQUIRETLS_EXPLAINED")
        .unwrap();
    assert!(explained
        .detail
        .starts_with("mx.test: the EHLO reply inside TLS lists REQUIRETLS."));
    // Without an EHLO typed into the session, the transcript can't tell.
    let text = std::fs::read_to_string(fixtures_dir().join("ok_tls13.txt")).unwrap();
    let (_, report) = analyse("ok", &text);
    let explained = report
        .findings
        .iter()
        .find(|f| f.code == "REQUIRETLS_EXPLAINED")
        .unwrap();
    assert!(explained
        .detail
        .contains("can't show whether the server supports REQUIRETLS"));
}
