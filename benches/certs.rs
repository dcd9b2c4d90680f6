//! Speed of the certificate checks, printed as ratios against a baseline measured in the same
//! run (base64-decoding the same PEM text), so the figures mean the same on any machine.
//!
//! Budget (issue #3): parsing and checking a 5-certificate chain in ≤ 5 ms in the browser.
//! Run with `cargo bench --bench certs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::disallowed_methods,
    missing_docs
)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use mailtls::analysis::{analyze, Document, Inputs, Options, Timestamp};

fn time<T>(iterations: u32, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        black_box(f());
    }
    start.elapsed() / iterations
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let chain =
        std::fs::read_to_string(root.join("tests/data/certs/fixtures/pathlen-chain.pem")).unwrap();
    let extra =
        std::fs::read_to_string(root.join("../shared/corpus/certs/openssl_ee-cert.pem")).unwrap();
    let text = format!("{chain}{extra}");
    let now = Timestamp(1_767_225_600);
    let inputs = |tlsa: Option<&str>| Inputs {
        documents: std::iter::once(Document::text("chain.pem", text.clone()))
            .chain(tlsa.map(|t| Document::text("tlsa.txt", t)))
            .collect(),
        options: Options {
            mx_hosts: vec!["mx.example.com".into()],
            ..Options::default()
        },
    };
    let report = analyze(&inputs(None), now);
    assert_eq!(report.certificates.len(), 5);
    let tlsa = format!(
        "_25._tcp.mx.example.com. 3600 IN TLSA 3 1 1 {}",
        report.certificates[0].spki_sha256
    );

    let bodies: Vec<String> = text
        .split("-----BEGIN CERTIFICATE-----")
        .skip(1)
        .map(|b| {
            b.split("-----END")
                .next()
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect()
        })
        .collect();
    let iterations = 200;
    let baseline = time(iterations * 10, || {
        bodies
            .iter()
            .map(|b| data_encoding::BASE64.decode(b.as_bytes()).unwrap().len())
            .sum::<usize>()
    });
    let read = time(iterations, || {
        mailtls::analysis::cert::read_text(&text, 0)
            .certificates
            .len()
    });
    let full = time(iterations, || {
        analyze(&inputs(None), now).certificates.len()
    });
    let with_dane = time(iterations, || {
        analyze(&inputs(Some(&tlsa)), now).dns_records.len()
    });

    println!(
        "5 certificates (4-link chain: RSA-2048 root and CAs, P-256 leaf; one unrelated RSA leaf)"
    );
    println!(
        "baseline  base64-decode the 5 PEM bodies      {:>10.3?}  1.0x",
        baseline
    );
    for (name, d) in [
        ("read      PEM framing + x509-parser check", read),
        ("analyse   read, chain, 4 signatures, judge", full),
        ("  + DANE  one 3 1 1 record matched", with_dane),
    ] {
        println!(
            "{name:<44}{d:>10.3?}  {:.0}x",
            d.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    println!(
        "budget: 5 ms in the browser; native analyse is {:.2} ms",
        full.as_secs_f64() * 1000.0
    );
}
