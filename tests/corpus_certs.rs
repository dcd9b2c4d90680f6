//! Data-driven tests over `../shared/corpus/certs` (OpenSSL's and x509-parser's test
//! certificates) and `tests/data/certs/fixtures` (made by `make_fixtures.py` for the checks the
//! corpus alone can't reach). Every corpus file is read and snapshotted; the facts the manifest
//! states (subject, issuer, dates, key, signature algorithm, SAN, CA) are compared with ours; and
//! chains are grouped the way OpenSSL's tests use them, with their verdicts. Where the SMTP/RFC
//! verdict differs from OpenSSL's, the row says why.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fmt::Write;
use std::path::PathBuf;

use expect_test::expect_file;
use mailtls::analysis::cert::CertSummary;
use mailtls::analysis::{analyze, Document, Inputs, Options, Report};

fn summary(report: &Report) -> String {
    let mut out = String::new();
    for c in &report.certificates {
        let _ = writeln!(
            out,
            "cert {} {:?} pasted {}",
            c.index, c.role, c.pasted_position
        );
        let _ = writeln!(out, "  subject {} (cn {:?})", c.subject, c.subject_cn);
        let _ = writeln!(out, "  issuer {} (cn {:?})", c.issuer, c.issuer_cn);
        let _ = writeln!(out, "  serial {} v{}", c.serial, c.version);
        let _ = writeln!(
            out,
            "  valid {} .. {} days_left={} lifetime={} left%={} {:?}",
            c.not_before,
            c.not_after,
            c.days_left,
            c.lifetime_days,
            c.lifetime_left_percent,
            c.validity
        );
        let _ = writeln!(
            out,
            "  key {} {:?} {:?} explicit={} sig {} {:?}",
            c.key_algorithm,
            c.key_bits,
            c.curve,
            c.explicit_curve,
            c.signature_algorithm,
            c.signature_hash
        );
        let _ = writeln!(
            out,
            "  san dns={:?} ip={:?} other={:?}",
            c.dns_names, c.ip_addresses, c.other_names
        );
        let _ = writeln!(
            out,
            "  ca={} pathlen={:?} ku={:?} eku={:?} self_issued={} self_signed={}",
            c.is_ca, c.path_len, c.key_usage, c.extended_key_usage, c.self_issued, c.self_signed
        );
        let _ = writeln!(
            out,
            "  sha256 {} spki {}",
            c.sha256_fingerprint, c.spki_sha256
        );
        let _ = writeln!(
            out,
            "  ski={:?} aki={:?} sct={} ocsp={:?} issuers={:?} must_staple={}",
            c.subject_key_id,
            c.authority_key_id,
            c.sct_count,
            c.ocsp_urls,
            c.ca_issuer_urls,
            c.must_staple
        );
        if !c.name_constraints.is_empty() {
            let _ = writeln!(out, "  nc {:?}", c.name_constraints);
        }
        for e in c.extensions.iter().filter(|e| !e.understood || e.critical) {
            let _ = writeln!(
                out,
                "  ext {} {:?} critical={} understood={}",
                e.oid, e.name, e.critical, e.understood
            );
        }
    }
    if let Some(chain) = &report.chain {
        let _ = writeln!(
            out,
            "chain {} trust={:?} anchor={:?}",
            chain.status.name(),
            chain.trust,
            chain.anchor
        );
        for skipped in &chain.not_evaluated {
            let _ = writeln!(out, "  not evaluated: {skipped}");
        }
    }
    for f in &report.findings {
        let place = f.location.as_ref().map_or(String::new(), |l| {
            format!(" @{}:{}:{}", l.input, l.line, l.column)
        });
        let _ = writeln!(out, "{} {}{place}", f.severity.name(), f.code);
    }
    out
}

fn corpus_file(name: &str) -> PathBuf {
    common::corpus_dir().join("certs").join(name)
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/certs/fixtures")
        .join(name)
}

fn run_files(paths: &[PathBuf], mx: &[&str]) -> Report {
    let documents = paths
        .iter()
        .map(|p| Document {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(p).unwrap(),
            kind: None,
        })
        .collect();
    analyze(
        &Inputs {
            documents,
            options: Options {
                mx_hosts: mx.iter().map(|s| s.to_string()).collect(),
                ..Options::default()
            },
        },
        common::NOW,
    )
}

#[test]
fn every_certificate_file_is_read_and_snapshotted() {
    let rows = common::manifest("certs");
    assert!(
        rows.len() >= 60,
        "the corpus should have ~63 certificate files, found {}",
        rows.len()
    );
    for row in &rows {
        let report = run_files(&[corpus_file(row.file_name())], &[]);
        assert_eq!(
            report.inputs[0].kind.name(),
            "certificates",
            "{} should be detected as certificates",
            row.local_path
        );
        let stem = row.file_name().replace('.', "_");
        expect_file![format!("data/certs/{stem}.expected")].assert_eq(&summary(&report));
        if !row.notes.contains("subject=") || row.notes.contains("openssl 3.0 reads") {
            continue;
        }
        let leaf = report
            .certificates
            .first()
            .unwrap_or_else(|| panic!("{}: no certificate read", row.local_path));
        check_stated_facts(row.file_name(), &row.notes, leaf);
    }
}

/// Compares the curator-computed facts in the manifest notes with our summary.
fn check_stated_facts(file: &str, notes: &str, c: &CertSummary) {
    let facts = notes.split("curator-computed: ").nth(1).unwrap();
    let between = |start: &str, ends: &[&str]| -> String {
        let from = facts.find(start).unwrap() + start.len();
        let rest = &facts[from..];
        let end = ends
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .unwrap_or(rest.len());
        rest[..end].to_string()
    };
    let normalise = |dn: &str| dn.replace("1.2.840.113549.1.9.1=", "emailAddress=");
    // The manifest notes are cut at 1,000 characters for many-names1; compare the prefix.
    let subject = between("subject=", &[" issuer="]);
    assert!(
        normalise(&c.subject).starts_with(normalise(&subject).trim_end_matches("...")),
        "{file}: subject {} vs {subject}",
        c.subject
    );
    if facts.contains(" issuer=") {
        let issuer = between(
            " issuer=",
            &[" self-issued v", " v1 notBefore", " v3 notBefore"],
        );
        assert_eq!(normalise(&c.issuer), normalise(&issuer), "{file}: issuer");
        assert_eq!(
            c.self_issued,
            facts.contains(" self-issued"),
            "{file}: self-issued"
        );
    }
    if facts.contains("notBefore=") {
        assert!(
            c.not_before.starts_with(&between("notBefore=", &[" "])),
            "{file}: notBefore {}",
            c.not_before
        );
        assert!(
            c.not_after.starts_with(&between("notAfter=", &[" "])),
            "{file}: notAfter {}",
            c.not_after
        );
    }
    let key = between("notAfter=", &[" sig="]);
    let key = key.split_once(' ').map_or("", |(_, k)| k);
    let ours = match (c.key_algorithm.as_str(), c.key_bits, c.curve.as_deref()) {
        ("EC", _, Some(curve)) => format!(
            "EC-{}",
            match curve {
                "P-256" => "secp256r1",
                "P-384" => "secp384r1",
                "P-521" => "secp521r1",
                other => other,
            }
        ),
        // The explicit-curve leaf: the curator names the curve its parameters describe.
        ("EC", _, None) if c.explicit_curve => "EC-secp256r1".to_string(),
        ("Ed25519" | "Ed448", _, _) => c.key_algorithm.clone(),
        (alg, Some(bits), _) => format!("{alg}-{bits}"),
        (alg, None, _) => alg.to_string(),
    };
    assert_eq!(ours, key, "{file}: key");
    let sig = between(" sig=", &[" "]);
    assert!(
        c.signature_algorithm.eq_ignore_ascii_case(&sig),
        "{file}: signature {} vs {sig}",
        c.signature_algorithm
    );
    if facts.contains("SAN=[") {
        let stated_text = between("SAN=[", &["]"]);
        let stated: Vec<&str> = stated_text.split(',').collect();
        let mut ours: Vec<String> = c.dns_names.clone();
        let _ = &mut ours;
        ours.extend(c.ip_addresses.iter().cloned());
        ours.extend(
            c.other_names
                .iter()
                .map(|o| o.split_once(':').map_or(o.clone(), |(_, v)| v.to_string())),
        );
        // Long lists are cut in the notes as `first,…,+N` (N more entries).
        let more: usize = stated
            .iter()
            .filter_map(|s| s.strip_prefix('+')?.parse::<usize>().ok())
            .sum();
        let listed: Vec<String> = stated
            .iter()
            .filter(|s| !s.starts_with('+'))
            .map(|s| s.to_string())
            .collect();
        assert_eq!(ours.len(), listed.len() + more, "{file}: SAN count");
        for name in &listed {
            assert!(
                ours.contains(name),
                "{file}: SAN {name} missing from {ours:?}"
            );
        }
    } else {
        assert!(
            c.dns_names.is_empty() && c.ip_addresses.is_empty(),
            "{file}: no SAN"
        );
    }
    if facts.contains("CA=True") {
        assert!(c.is_ca, "{file}: CA");
    } else if facts.contains("CA=False") || facts.contains("no basicConstraints") {
        assert!(!c.is_ca, "{file}: not a CA");
    }
    if facts.contains("no basicConstraints") {
        assert!(
            !c.extensions.iter().any(|e| e.oid == "2.5.29.19"),
            "{file}: no basicConstraints"
        );
    }
    if facts.contains("pathlen=0") {
        assert_eq!(c.path_len, Some(0), "{file}: pathlen");
    }
    if facts.contains("has embedded SCTs") {
        assert!(c.sct_count > 0, "{file}: SCTs");
    }
}

/// A chain as OpenSSL's tests (or our fixtures) use it, and what we must conclude.
struct Group {
    name: &'static str,
    files: &'static [&'static str],
    mx: &'static [&'static str],
    status: &'static str,
    /// Codes that must be present (with this severity, when given as `code:severity`).
    present: &'static [&'static str],
    /// Codes that must be absent.
    absent: &'static [&'static str],
    /// OpenSSL's verdict and, where ours differs, why.
    why: &'static str,
}

const GROUPS: &[Group] = &[
    Group {
        name: "good chain, pasted root first",
        files: &["openssl_root-cert.pem", "openssl_ee-cert.pem", "openssl_ca-cert.pem"],
        mx: &["server.example"],
        status: "verified",
        present: &["CERT_CHAIN_REORDERED", "CERT_HOSTNAME_OK:ok", "CERT_CHAIN_PRIVATE_ROOT:notice"],
        absent: &["CERT_SIGNATURE_INVALID", "CERT_CHAIN_INCOMPLETE"],
        why: "OpenSSL: OK with root-cert trusted. Ours: verified; the root is private, a notice for opportunistic senders.",
    },
    Group {
        name: "wrong intermediate key",
        files: &["openssl_ee-cert2.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_SIGNATURE_INVALID:warning"],
        absent: &[],
        why: "OpenSSL: FAIL \"wrong intermediate CA key\". Same, warning-level because no MTA-STS/DANE policy was shown.",
    },
    Group {
        name: "wrong intermediate name",
        files: &["openssl_ee-name2.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "incomplete",
        present: &["CERT_CHAIN_INCOMPLETE", "CERT_UNRELATED"],
        absent: &[],
        why: "OpenSSL: FAIL \"wrong intermediate CA DN\". Ours: the issuer CA2 is missing, the chain is incomplete and the others are unrelated.",
    },
    Group {
        name: "expired leaf",
        files: &["openssl_ee-expired.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_EXPIRED:warning"],
        absent: &[],
        why: "OpenSSL: FAIL \"fail expired leaf\". Ours: expired is a warning under opportunistic TLS (no plaintext fallback); the chain itself verifies.",
    },
    Group {
        name: "non-CA intermediate",
        files: &["openssl_ee-cert.pem", "openssl_ca-nonca.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_ISSUER_NOT_CA"],
        absent: &[],
        why: "OpenSSL: FAIL \"fail non-CA untrusted intermediate\".",
    },
    Group {
        name: "intermediate without basicConstraints",
        files: &["openssl_ee-cert.pem", "openssl_ca-nonbc.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_ISSUER_NOT_CA"],
        absent: &[],
        why: "OpenSSL: FAIL (no basicConstraints).",
    },
    Group {
        name: "expired intermediate",
        files: &["openssl_ee-cert.pem", "openssl_ca-expired.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_ISSUER_EXPIRED"],
        absent: &[],
        why: "OpenSSL: FAIL \"reject expired trusted partial chain\".",
    },
    Group {
        name: "expired root",
        files: &["openssl_ee-cert.pem", "openssl_ca-cert.pem", "openssl_root-expired.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_ISSUER_EXPIRED"],
        absent: &[],
        why: "OpenSSL: FAIL \"reject expired trusted root\". RFC 5280 leaves anchor dates optional; we follow the common validators and say so.",
    },
    Group {
        name: "non-CA root",
        files: &["openssl_ee-cert.pem", "openssl_ca-cert.pem", "openssl_root-nonca.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_ISSUER_NOT_CA"],
        absent: &[],
        why: "OpenSSL: FAIL \"fail trusted non-ca root\".",
    },
    Group {
        name: "MD5-signed leaf",
        files: &["openssl_ee-cert-md5.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_WEAK_SIGNATURE:notice"],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "OpenSSL: OK at auth level 0, FAIL at level 1. Ours: the signature verifies and the MD5 hash is flagged.",
    },
    Group {
        name: "MD5 self-signed trust anchor",
        files: &["openssl_ee-cert.pem", "openssl_ca-cert.pem", "openssl_root-cert-md5.pem"],
        mx: &[],
        status: "verified",
        present: &[],
        absent: &["CERT_WEAK_SIGNATURE"],
        why: "OpenSSL: OK \"accept md5 self-signed TA\": a trust anchor's own signature is not checked.",
    },
    Group {
        name: "768-bit leaf",
        files: &["openssl_ee-cert-768.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_KEY_TOO_SMALL:warning"],
        absent: &[],
        why: "OpenSSL: OK at auth level 0, FAIL at level 1.",
    },
    Group {
        name: "1024-bit leaf",
        files: &["openssl_ee-cert-1024.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_KEY_TOO_SMALL:warning"],
        absent: &["CERT_RSA_PHASE_OUT"],
        why: "OpenSSL: no stated verdict; RSA 1024 is below the 2048-bit floor.",
    },
    Group {
        name: "PSS SHA-256 leaf",
        files: &["openssl_ee-pss-sha256-cert.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &[],
        absent: &["CERT_SIGNATURE_NOT_CHECKED", "CERT_WEAK_SIGNATURE"],
        why: "OpenSSL: OK \"CA with PSS signature using SHA256\".",
    },
    Group {
        name: "PSS SHA-1 leaf",
        files: &["openssl_ee-pss-sha1-cert.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_WEAK_SIGNATURE"],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "OpenSSL: OK at level 0, FAIL at level 1 (SHA-1).",
    },
    Group {
        name: "PSS CA with PKCS#1 v1.5 signature, issuer missing",
        files: &["openssl_ee-pss-wrong1.5-cert.pem"],
        mx: &[],
        status: "incomplete",
        present: &["CERT_CHAIN_INCOMPLETE"],
        absent: &["CERT_KEY_SIGNATURE_MISMATCH"],
        why: "OpenSSL: FAIL with ca-pss-cert, which the corpus lacks; so the chain is incomplete here. The fixture group below checks the contradiction itself.",
    },
    Group {
        name: "client-only leaf",
        files: &["openssl_ee-client.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_NO_SERVER_AUTH:warning"],
        absent: &[],
        why: "OpenSSL: FAIL \"fail server leaf purpose\".",
    },
    Group {
        name: "critical unknown extension",
        files: &["openssl_ee-cert-crit-unknown-ext.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &["CERT_UNKNOWN_CRITICAL_EXTENSION"],
        absent: &[],
        why: "OpenSSL: FAIL \"reject critical unknown extension\".",
    },
    Group {
        name: "non-critical unknown extension",
        files: &["openssl_ee-cert-noncrit-unknown-ext.pem", "openssl_ca-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "verified",
        present: &[],
        absent: &["CERT_UNKNOWN_CRITICAL_EXTENSION"],
        why: "OpenSSL: OK.",
    },
    Group {
        name: "explicit-curve leaf, issuer missing",
        files: &["openssl_ee-cert-ec-explicit.pem"],
        mx: &[],
        status: "incomplete",
        present: &["CERT_EC_EXPLICIT_CURVE"],
        absent: &[],
        why: "OpenSSL: FAIL with ca-cert-ec-named, which the corpus lacks; the explicit curve is flagged on its own.",
    },
    Group {
        name: "name-constrained CA missing (badalt1)",
        files: &["openssl_badalt1-cert.pem"],
        mx: &[],
        status: "incomplete",
        present: &["CERT_CHAIN_INCOMPLETE"],
        absent: &["CERT_NAME_CONSTRAINTS_VIOLATED"],
        why: "OpenSSL: FAIL \"Name Constraints hostname not permitted\" with ncca1-cert, which the corpus lacks, so name constraints can't be evaluated here; the fixture groups check them.",
    },
    Group {
        name: "name-constrained CA missing (badcn1)",
        files: &["openssl_badcn1-cert.pem"],
        mx: &[],
        status: "incomplete",
        present: &["CERT_CHAIN_INCOMPLETE"],
        absent: &[],
        why: "OpenSSL: FAIL \"CNs not permitted\"; besides the missing CA, we never treat a CN as a host name (RFC 9525), so CN constraints would not apply.",
    },
    Group {
        name: "Ed25519 root",
        files: &["openssl_ee-ed25519.pem", "openssl_root-ed25519.pem"],
        mx: &[],
        status: "verified",
        present: &[],
        absent: &["CERT_SIGNATURE_NOT_CHECKED", "CERT_SIGNATURE_INVALID"],
        why: "OpenSSL: OK with root-ed25519 (FAIL only with -x509_strict for the missing AKID).",
    },
    Group {
        name: "embedded SCTs",
        files: &["openssl_embeddedSCTs1.pem", "openssl_embeddedSCTs1_issuer.pem"],
        mx: &[],
        status: "verified",
        present: &[],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "ct_test reads one embedded SCT; the chain verifies.",
    },
    Group {
        name: "Let's Encrypt leaf and cross-signed X3",
        files: &["x509parser_certificate.pem", "x509parser_lets-encrypt-x3-cross-signed.pem"],
        mx: &["lists.for-our.info"],
        status: "broken",
        present: &["CERT_EXPIRED", "CERT_ISSUER_EXPIRED", "CERT_CHAIN_INCOMPLETE", "CERT_HOSTNAME_OK"],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "x509-parser: the signature verifies with X3 (it does here too). At our test date X3 itself has expired (2021), and DST Root CA X3 has left the public list, so the chain is broken and does not reach a public root.",
    },
    Group {
        name: "DSA leaf signed by the RSA root",
        files: &["openssl_server-dsa-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_KEY_ID_MISMATCH", "CERT_SIGNATURE_INVALID"],
        absent: &["CERT_SIGNATURE_NOT_CHECKED"],
        why: "No stated verdict. The leaf was signed by an older \"Root CA\" (AKI 70:7f…), not the corpus root-cert (SKI 8e:f5…): same name, different key, so the link is named but the key ids differ and the signature fails. The leaf's own unusual key is not what is verified.",
    },
    Group {
        name: "brainpool leaf signed by the RSA root",
        files: &["openssl_server-ecdsa-brainpoolP256r1-cert.pem", "openssl_root-cert.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_KEY_ID_MISMATCH", "CERT_SIGNATURE_INVALID"],
        absent: &["CERT_SIGNATURE_NOT_CHECKED"],
        why: "No stated verdict. The leaf was signed by an older \"Root CA\" (AKI 70:7f…), not the corpus root-cert (SKI 8e:f5…): same name, different key, so the link is named but the key ids differ and the signature fails. The leaf's own unusual key is not what is verified.",
    },
    Group {
        name: "P-521 self-signed",
        files: &["x509parser_p521-selfsigned.der"],
        mx: &[],
        status: "verified",
        present: &["CERT_SELF_SIGNED_LEAF"],
        absent: &[],
        why: "x509-parser: the P-521 self-signature verifies.",
    },
    // Fixtures (tests/data/certs/fixtures/make_fixtures.py).
    Group {
        name: "fixture: name constraints satisfied",
        files: &["@nc-good-chain.pem"],
        mx: &["mx.good.org"],
        status: "verified",
        present: &["CERT_HOSTNAME_OK"],
        absent: &["CERT_NAME_CONSTRAINTS_VIOLATED"],
        why: "OpenSSL verify: OK.",
    },
    Group {
        name: "fixture: name outside permitted subtree",
        files: &["@nc-bad-chain.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_NAME_CONSTRAINTS_VIOLATED"],
        absent: &[],
        why: "mx.bad.net is outside permitted good.org.",
    },
    Group {
        name: "fixture: name in excluded subtree",
        files: &["@nc-excluded-chain.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_NAME_CONSTRAINTS_VIOLATED"],
        absent: &[],
        why: "mx.bad.good.org is inside excluded bad.good.org.",
    },
    Group {
        name: "fixture: path length exceeded",
        files: &["@pathlen-chain.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_PATH_LENGTH_EXCEEDED"],
        absent: &[],
        why: "CA1 has pathLen 0 and CA2 sits below it.",
    },
    Group {
        name: "fixture: RSA-PSS CA key with PKCS#1 v1.5 signature",
        files: &["@pss-key-pkcs1-chain.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_KEY_SIGNATURE_MISMATCH"],
        absent: &[],
        why: "RFC 4055 §1.2; OpenSSL's ee-pss-wrong1.5 case with its missing issuer rebuilt.",
    },
    Group {
        name: "fixture: outer and TBS signature algorithms differ",
        files: &["@mismatched-alg-chain.pem"],
        mx: &[],
        status: "broken",
        present: &["CERT_SIGNATURE_ALGORITHM_MISMATCH"],
        absent: &[],
        why: "x509-limbo's \"mismatched\" case; RFC 5280 §4.1.1.2.",
    },
    Group {
        name: "fixture: Ed448 issuer",
        files: &["@ed448-chain.pem"],
        mx: &[],
        status: "partly-checked",
        present: &["CERT_SIGNATURE_NOT_CHECKED"],
        absent: &["CERT_SIGNATURE_INVALID", "CERT_CHAIN_PUBLIC"],
        why: "Ed448 is not verified: \"not checked\", never \"bad\", and never \"verified\".",
    },
    Group {
        name: "fixture: DSA issuer",
        files: &["@dsa-chain.pem"],
        mx: &[],
        status: "partly-checked",
        present: &["CERT_SIGNATURE_NOT_CHECKED"],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "DSA is not verified.",
    },
    Group {
        name: "fixture: brainpool issuer",
        files: &["@brainpool-chain.pem"],
        mx: &[],
        status: "partly-checked",
        present: &["CERT_SIGNATURE_NOT_CHECKED"],
        absent: &["CERT_SIGNATURE_INVALID"],
        why: "ECDSA on brainpoolP256r1 is not verified.",
    },
    Group {
        name: "fixture: self-signed MX certificate, names the MX",
        files: &["@self-signed-mx.pem"],
        mx: &["mx.example.com"],
        status: "verified",
        present: &["CERT_SELF_SIGNED_LEAF:notice", "CERT_HOSTNAME_OK"],
        absent: &[],
        why: "Opportunistic senders: a notice; with a matching 3 1 1 it becomes good (see certs_scenarios).",
    },
];

#[test]
fn chains_get_the_verdicts_their_sources_state() {
    let mut table = String::new();
    for group in GROUPS {
        let paths: Vec<PathBuf> = group
            .files
            .iter()
            .map(|f| match f.strip_prefix('@') {
                Some(fixture_name) => fixture(fixture_name),
                None => corpus_file(f),
            })
            .collect();
        let report = run_files(&paths, group.mx);
        let chain = report
            .chain
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no chain", group.name));
        assert_eq!(
            chain.status.name(),
            group.status,
            "{}: {}\n{}",
            group.name,
            group.why,
            summary(&report)
        );
        for want in group.present {
            let (code, severity) = want
                .split_once(':')
                .map_or((*want, None), |(c, s)| (c, Some(s)));
            let found = report.findings.iter().find(|f| f.code == code);
            let found = found.unwrap_or_else(|| {
                panic!(
                    "{}: {code} missing ({})\n{}",
                    group.name,
                    group.why,
                    summary(&report)
                )
            });
            if let Some(severity) = severity {
                assert_eq!(
                    found.severity.name(),
                    severity,
                    "{}: {code} severity",
                    group.name
                );
            }
        }
        for code in group.absent {
            assert!(
                !report.findings.iter().any(|f| f.code == *code),
                "{}: {code} must not appear ({})",
                group.name,
                group.why
            );
        }
        let _ = writeln!(
            table,
            "{}: {} — {}",
            group.name,
            chain.status.name(),
            chain.headline
        );
    }
    expect_file!["data/certs/groups.expected"].assert_eq(&table);
}
