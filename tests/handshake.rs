//! Tests of the handshake explainer's data: every walk-through snapshotted in full with example
//! names, the personalised parts snapshotted for real headers, and the facts that must hold in
//! every walk-through (references, unique fragment-safe ids, what is encrypted, how the downgrade
//! ends for each policy, fragment round trips).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::HashSet;
use std::fmt::Write;

use expect_test::expect_file;
use mailtls::analysis::handshake::{
    self, explainer, is_slug, parse_fragment, side_by_side, walkthrough, CertFacts, Ending,
    Explainer, Facts, Fragment, Scenario, StsMode, View, Walkthrough,
};
use mailtls::analysis::{analyze, Document, Inputs};

/// The header files the personalised snapshots are built from: (name, path).
const HEADERS: &[(&str, &str)] = &[
    // TLS 1.2 on every public hop (Postfix and Exim).
    (
        "twilight",
        "../shared/corpus/headers/parsedmarc_twilight_postfix_exim.hdr",
    ),
    // One Postfix hop recorded `with ESMTP`: plaintext, into the border MX.
    (
        "postfix_plaintext",
        "../shared/corpus/headers/pyreceived_postfix4.txt",
    ),
    // A plaintext Exim hop upstream, between TLS 1.3 hops, with Postfix's key-exchange group.
    ("mixed_path", "tests/data/handshake/mixed_path.hdr"),
    // TLS 1.2 with static RSA key exchange (OpenSSL's `AES256-GCM-SHA384`).
    ("static_rsa", "tests/data/handshake/static_rsa.hdr"),
];

/// A domain's whole kit, analysed together: the mixed-path headers, an enforce MTA-STS policy,
/// `dig` output with the `ad` flag holding a matching TLSA record and the `_mta-sts` and
/// `_smtp._tls` TXT records, and the MX host's (self-signed) certificate.
const DOMAIN_KIT: &[&str] = &[
    "tests/data/handshake/mixed_path.hdr",
    "tests/data/handshake/domain/mta-sts.txt",
    "tests/data/handshake/domain/dns.txt",
    "tests/data/certs/fixtures/self-signed-mx.pem",
];

/// Facts from a header file.
fn facts_from(path: &str) -> Facts {
    facts_from_documents(&[path])
}

/// Facts from the report on several files, analysed together.
fn facts_from_documents(paths: &[&str]) -> Facts {
    let documents = paths
        .iter()
        .map(|path| {
            let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
            let bytes = std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
            Document {
                name: (*path).to_string(),
                bytes,
                kind: None,
            }
        })
        .collect();
    Facts::from_report(&common::run(documents))
}

/// The plaintext corpus headers.
fn plaintext_headers() -> Facts {
    facts_from(HEADERS[1].1)
}

/// Every personalised input: each header file, and the plaintext one with the facts other
/// modules will add (an enforce policy, secure TLSA records, TLS-RPT, an expired certificate).
fn cases() -> Vec<(&'static str, Facts)> {
    let mut cases: Vec<(&'static str, Facts)> = HEADERS
        .iter()
        .map(|(name, path)| (*name, facts_from(path)))
        .collect();
    cases.push((
        "policies",
        plaintext_headers()
            .with_mta_sts(StsMode::Enforce)
            .with_tlsa([3, 2], Some(true))
            .with_tls_rpt(true)
            .with_certificate(expired_certificate()),
    ));
    cases.push(("domain", facts_from_documents(DOMAIN_KIT)));
    cases
}

/// Every walk-through for every input the tests use: the example and each case.
fn all_walkthroughs() -> Vec<(String, Walkthrough)> {
    let mut inputs = vec![("example", Facts::default())];
    inputs.extend(cases());
    inputs
        .iter()
        .flat_map(|(name, facts)| {
            Scenario::ALL
                .into_iter()
                .map(move |s| (format!("{name} {}", s.slug()), walkthrough(s, facts)))
        })
        .collect()
}

fn expired_certificate() -> CertFacts {
    CertFacts {
        subject: "CN=mx.example.org".to_string(),
        issuer: "CN=R11, O=Let's Encrypt, C=US".to_string(),
        not_after: "2025-12-20T00:00:00Z".to_string(),
        days_left: -12,
        self_signed: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Snapshots.

#[test]
fn example_walkthroughs_are_snapshotted() {
    for scenario in Scenario::ALL {
        let walkthrough = walkthrough(scenario, &Facts::default());
        assert!(
            walkthrough.example,
            "{}: no data means example names",
            scenario.slug()
        );
        expect_file![format!("data/handshake/{}.txt", scenario.slug())]
            .assert_eq(&render(&walkthrough));
    }
}

#[test]
fn personalised_parts_are_snapshotted() {
    let example: Vec<Walkthrough> = Scenario::ALL
        .into_iter()
        .map(|s| walkthrough(s, &Facts::default()))
        .collect();
    for (name, facts) in cases() {
        assert!(!facts.is_example(), "{name}: the headers must give facts");
        let mut out = format!("facts: {}\n", serde_json::to_string(&facts).unwrap());
        for (scenario, plain) in Scenario::ALL.into_iter().zip(&example) {
            let mine = walkthrough(scenario, &facts);
            assert!(!mine.example, "{name} {}: data was given", scenario.slug());
            out.push_str(&render_differences(plain, &mine));
        }
        expect_file![format!("data/handshake/{name}.personal.txt")].assert_eq(&out);
    }
}

/// The whole walk-through, as a reviewer reads it.
fn render(w: &Walkthrough) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({})", w.title, w.scenario.slug());
    let _ = writeln!(out, "{}", w.summary);
    for note in &w.personal {
        let _ = writeln!(out, "personal: {note}");
    }
    for act in &w.acts {
        let lanes: Vec<&str> = act.lanes.iter().map(|a| a.label()).collect();
        let _ = writeln!(
            out,
            "\n## {} ({}){}\nlanes: {}",
            act.title,
            act.id,
            if act.highlight { " [yours]" } else { "" },
            lanes.join(" | ")
        );
        for step in &act.steps {
            let _ = writeln!(
                out,
                "\n{}: {} {:?} -> {:?} ({:?}) [{}]{}{}",
                step.id,
                step.message,
                step.actor,
                step.to,
                step.direction,
                step.encrypted.name(),
                if step.optional { " [optional]" } else { "" },
                if step.highlight { " [highlight]" } else { "" },
            );
            for field in &step.contents {
                let _ = writeln!(out, "  {}: {}", field.name, field.value);
            }
            let _ = writeln!(out, "  = {}", step.explanation);
            let refs: Vec<String> = step.refs.iter().map(|r| r.label()).collect();
            let _ = writeln!(out, "  refs: {}", refs.join("; "));
            if let Some(expands) = step.expands {
                let _ = writeln!(out, "  expands: {}", expands.slug());
            }
            for note in &step.personal {
                let _ = writeln!(out, "  personal: {note}");
            }
        }
    }
    render_outcome(&mut out, w);
    out
}

fn render_outcome(out: &mut String, w: &Walkthrough) {
    let o = &w.outcome;
    let refs: Vec<String> = o.refs.iter().map(|r| r.label()).collect();
    let _ = writeln!(
        out,
        "\noutcome: {:?}: {}\n  = {}\n  refs: {}",
        o.ending,
        o.title,
        o.text,
        refs.join("; ")
    );
    for note in &o.personal {
        let _ = writeln!(out, "  personal: {note}");
    }
}

/// Only what the reader's data changed, against the example walk-through.
fn render_differences(example: &Walkthrough, mine: &Walkthrough) -> String {
    let mut out = format!("\n# {}\n", mine.scenario.slug());
    for note in &mine.personal {
        let _ = writeln!(out, "personal: {note}");
    }
    for (plain, act) in example.acts.iter().zip(&mine.acts) {
        if act.highlight {
            let _ = writeln!(out, "act {} [yours]", act.id);
        }
        for (a, b) in plain.steps.iter().zip(&act.steps) {
            assert_eq!(a.id, b.id, "personal data must not change the steps");
            let changed: Vec<String> = a
                .contents
                .iter()
                .zip(&b.contents)
                .filter(|(x, y)| x != y)
                .map(|(_, y)| format!("{}: {}", y.name, y.value))
                .collect();
            if changed.is_empty()
                && b.personal.is_empty()
                && !b.highlight
                && a.encrypted == b.encrypted
            {
                continue;
            }
            let _ = writeln!(
                out,
                "{}{}{}",
                b.id,
                if b.highlight { " [highlight]" } else { "" },
                if a.encrypted == b.encrypted {
                    String::new()
                } else {
                    format!(" [{}]", b.encrypted.name())
                }
            );
            for field in changed {
                let _ = writeln!(out, "  {field}");
            }
            for note in &b.personal {
                let _ = writeln!(out, "  personal: {note}");
            }
        }
    }
    render_outcome(&mut out, mine);
    out
}

// ---------------------------------------------------------------------------------------------
// Facts that must hold in every walk-through.

#[test]
fn every_step_is_well_formed() {
    for (name, w) in all_walkthroughs() {
        let slug = w.scenario.slug();
        let mut ids = HashSet::new();
        let mut acts = HashSet::new();
        assert!(!w.acts.is_empty(), "{name}: no acts");
        for act in &w.acts {
            assert!(
                acts.insert(act.id.clone()) && is_slug(&act.id),
                "{name}: act id {}",
                act.id
            );
            assert!(!act.steps.is_empty(), "{name}: act {} is empty", act.id);
            for step in &act.steps {
                let what = format!("{name}: {}", step.id);
                assert!(ids.insert(step.id.clone()), "{what}: duplicate id");
                let (prefix, local) = step.id.split_once('/').expect("scenario/step");
                assert_eq!(prefix, slug, "{what}: id must start with the scenario");
                assert!(is_slug(local), "{what}: id is not fragment-safe");
                assert!(!step.refs.is_empty(), "{what}: no reference");
                assert!(
                    step.refs.iter().all(|r| !r.document.is_empty()),
                    "{what}: empty reference"
                );
                assert!(!step.message.is_empty(), "{what}: no message name");
                assert!(
                    step.explanation.ends_with('.'),
                    "{what}: explanations are sentences"
                );
                let sentences = step.explanation.matches(". ").count() + 1;
                assert!(
                    sentences <= 3,
                    "{what}: explanations are one to three sentences"
                );
                assert!(
                    act.lanes.contains(&step.actor) && act.lanes.contains(&step.to),
                    "{what}: actor or recipient has no lane in act {}",
                    act.id
                );
                assert_eq!(
                    step.actor == step.to,
                    step.direction == handshake::Direction::Local,
                    "{what}: local steps and only they stay in one lane"
                );
                assert_eq!(
                    step.actor == step.to,
                    step.encrypted == handshake::Encryption::NotOnWire,
                    "{what}: a local step sends nothing, every other step does"
                );
                if step.highlight {
                    assert!(
                        !step.personal.is_empty(),
                        "{what}: a highlight needs a note"
                    );
                }
                if w.example {
                    assert!(
                        step.personal.is_empty(),
                        "{what}: the example has no personal notes"
                    );
                }
                assert_eq!(
                    w.position(local),
                    ids.len().checked_sub(1),
                    "{what}: position"
                );
                let fragment = step.fragment();
                assert_eq!(fragment.to_string(), format!("#explain/{}", step.id));
                assert_eq!(
                    fragment.view,
                    Some(View::Explain {
                        scenario: Some(w.scenario),
                        step: Some(local.to_string())
                    })
                );
            }
        }
        assert!(
            !w.outcome.refs.is_empty(),
            "{name}: the outcome needs a reference"
        );
        assert!(
            w.outcome.text.ends_with('.'),
            "{name}: the outcome is sentences"
        );
        assert_eq!(
            w.example,
            w.personal
                .first()
                .is_some_and(|p| p.contains("example names"))
        );
        // The JSON form crosses the worker boundary: it must read back unchanged.
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(
            serde_json::from_str::<Walkthrough>(&json).unwrap(),
            w,
            "{name}: JSON"
        );
    }
}

#[test]
fn tls13_encrypts_everything_after_server_hello() {
    for (name, w) in all_walkthroughs()
        .into_iter()
        .filter(|(_, w)| w.scenario == Scenario::Tls13)
    {
        for act in &w.acts {
            let hello = act
                .steps
                .iter()
                .position(|s| s.message == "ServerHello")
                .unwrap_or_else(|| panic!("{name}: act {} has no ServerHello", act.id));
            for step in &act.steps[hello + 1..] {
                // RFC 8446 §5: the compatibility ChangeCipherSpec is the one unencrypted record.
                if step.message == "ChangeCipherSpec" {
                    assert_eq!(
                        step.encrypted,
                        handshake::Encryption::Plaintext,
                        "{}",
                        step.id
                    );
                } else {
                    assert!(
                        step.encrypted.is_encrypted(),
                        "{name}: {} must be encrypted",
                        step.id
                    );
                }
            }
            for step in &act.steps[..=hello] {
                assert!(
                    step.encrypted == handshake::Encryption::Plaintext
                        || step.encrypted == handshake::Encryption::EarlyDataKeys,
                    "{name}: {} comes before the keys exist",
                    step.id
                );
            }
        }
        let optional: Vec<&str> = w
            .steps()
            .filter(|s| s.optional)
            .map(|s| s.local_id())
            .collect();
        for branch in [
            "hello-retry-request",
            "new-session-ticket",
            "resume-client-hello",
            "early-data",
        ] {
            assert!(
                optional.contains(&branch),
                "{name}: {branch} must be an optional branch"
            );
        }
    }
}

#[test]
fn tls12_static_rsa_says_no_forward_secrecy() {
    let w = walkthrough(Scenario::Tls12, &Facts::default());
    let rsa = w
        .acts
        .iter()
        .find(|a| a.id == "static-rsa")
        .expect("a static RSA act");
    let exchange = rsa
        .steps
        .iter()
        .find(|s| s.message == "ClientKeyExchange")
        .expect("the RSA ClientKeyExchange");
    assert!(
        exchange.explanation.contains("no forward secrecy"),
        "{}",
        exchange.explanation
    );
    assert!(!rsa.steps.iter().any(|s| s.message == "ServerKeyExchange"));
    let ecdhe = w.acts.iter().find(|a| a.id == "ecdhe").unwrap();
    let ske = ecdhe
        .steps
        .iter()
        .find(|s| s.message == "ServerKeyExchange")
        .unwrap();
    assert!(ske.explanation.contains("forward secrecy"));
    // ChangeCipherSpec is its own record type (RFC 5246 §7.1), once from each side.
    let ccs: Vec<_> = ecdhe
        .steps
        .iter()
        .filter(|s| s.message == "ChangeCipherSpec")
        .collect();
    assert_eq!(ccs.len(), 2);
    assert!(ccs
        .iter()
        .all(|s| s.contents.iter().any(|f| f.value.contains("(20)"))));
    for optional in ["certificate-status", "certificate-request"] {
        assert!(
            ecdhe
                .steps
                .iter()
                .any(|s| s.local_id() == optional && s.optional),
            "{optional}"
        );
    }
}

#[test]
fn starttls_repeats_ehlo_inside_tls() {
    let w = walkthrough(Scenario::Starttls, &Facts::default());
    let steps: Vec<_> = w.steps().collect();
    let handshake = steps
        .iter()
        .position(|s| s.local_id() == "handshake")
        .unwrap();
    let first_ehlo = steps.iter().position(|s| s.message == "EHLO").unwrap();
    let again = steps.iter().rposition(|s| s.message == "EHLO").unwrap();
    assert!(first_ehlo < handshake && handshake < again);
    let again = steps[again];
    assert_eq!(again.encrypted, handshake::Encryption::ApplicationKeys);
    assert!(again.refs.iter().any(|r| r.label() == "RFC 3207 §4.2"));
    assert!(again.refs.iter().any(|r| r.document == "CVE-2011-0411"));
    let order: Vec<&str> = steps.iter().map(|s| s.message.as_str()).collect();
    let mail = order.iter().position(|m| *m == "MAIL FROM").unwrap();
    assert!(again.local_id() == "ehlo-again" && mail > handshake);
    // Nothing after the upgrade travels in plaintext.
    assert!(steps[handshake + 1..]
        .iter()
        .all(|s| s.encrypted.is_encrypted()));
    assert!(steps[..handshake]
        .iter()
        .all(|s| s.encrypted == handshake::Encryption::Plaintext));
}

#[test]
fn implicit_tls_has_no_plaintext_smtp() {
    let w = walkthrough(Scenario::ImplicitTls, &Facts::default());
    let steps: Vec<_> = w.steps().collect();
    let handshake = steps
        .iter()
        .position(|s| s.local_id() == "handshake")
        .unwrap();
    assert_eq!(handshake, 1, "TLS comes right after the TCP connection");
    assert!(steps[handshake + 1..]
        .iter()
        .all(|s| s.encrypted.is_encrypted()));
    assert!(!steps.iter().any(|s| s.message.contains("STARTTLS")));
    assert!(w.summary.contains("port 25 has no implicit-TLS form"));
}

/// (what the reader has, the ending, the outcome title's first words, the act marked as theirs).
#[test]
fn downgrade_ending_follows_the_policy() {
    let headers = plaintext_headers;
    let rows: Vec<(&str, Facts, Ending, &str, Option<&str>)> = vec![
        (
            "example",
            Facts::default(),
            Ending::Plaintext,
            "Delivered in plaintext",
            None,
        ),
        (
            "headers only",
            headers(),
            Ending::Plaintext,
            "Delivered in plaintext",
            Some("attack"),
        ),
        (
            "sts enforce",
            headers().with_mta_sts(StsMode::Enforce),
            Ending::Deferred,
            "Delivery deferred by MTA-STS",
            Some("mta-sts"),
        ),
        (
            "sts testing",
            headers().with_mta_sts(StsMode::Testing),
            Ending::Plaintext,
            "Delivered in plaintext, reported",
            Some("attack"),
        ),
        (
            "sts none",
            headers().with_mta_sts(StsMode::None),
            Ending::Plaintext,
            "Delivered in plaintext, nobody",
            Some("attack"),
        ),
        (
            "dane",
            headers().with_tlsa([3], Some(true)),
            Ending::Deferred,
            "Delivery deferred by DANE",
            Some("dane"),
        ),
        (
            "dane and sts",
            headers()
                .with_tlsa([2], Some(true))
                .with_mta_sts(StsMode::Enforce),
            Ending::Deferred,
            "Delivery deferred by DANE",
            Some("dane"),
        ),
        (
            "tlsa without dnssec",
            headers().with_tlsa([3], Some(false)),
            Ending::Plaintext,
            "Delivered in plaintext",
            Some("attack"),
        ),
        (
            "tlsa, ad unknown, sts",
            headers()
                .with_tlsa([3], None)
                .with_mta_sts(StsMode::Enforce),
            Ending::Deferred,
            "Delivery deferred by MTA-STS",
            Some("mta-sts"),
        ),
        (
            "opted out",
            Facts {
                tls_required: Some("No".into()),
                ..headers().with_mta_sts(StsMode::Enforce)
            },
            Ending::Plaintext,
            "Delivered in plaintext: the message opted out",
            Some("attack"),
        ),
    ];
    for (name, facts, ending, title, yours) in rows {
        let w = walkthrough(Scenario::Downgrade, &facts);
        assert_eq!(w.outcome.ending, ending, "{name}");
        assert!(
            w.outcome.title.starts_with(title),
            "{name}: {}",
            w.outcome.title
        );
        let highlighted: Vec<&str> = w
            .acts
            .iter()
            .filter(|a| a.highlight)
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(highlighted, yours.into_iter().collect::<Vec<_>>(), "{name}");
    }
}

#[test]
fn downgrade_highlights_the_readers_plaintext_hop() {
    let w = walkthrough(Scenario::Downgrade, &facts_from(HEADERS[2].1));
    let highlighted: Vec<&str> = w
        .steps()
        .filter(|s| s.highlight)
        .map(|s| s.local_id())
        .collect();
    assert_eq!(highlighted, ["mail-in-clear", "recorded"]);
    let step = w.steps().find(|s| s.local_id() == "mail-in-clear").unwrap();
    assert!(
        step.personal[0].contains("hop 2 (smtp.sender.example \u{2192} relay.forwarder.example)")
    );
    // The TLS walk-throughs talk about the encrypted hop instead.
    let tls13 = walkthrough(Scenario::Tls13, &facts_from(HEADERS[2].1));
    let hello = tls13
        .steps()
        .find(|s| s.local_id() == "server-hello")
        .unwrap();
    assert!(hello.highlight);
    assert!(
        hello.personal[0].contains("hop 3")
            && hello.personal[0].contains("TLS_AES_256_GCM_SHA384 over TLSv1.3")
    );
    assert!(hello
        .contents
        .iter()
        .any(|f| f.name == "key_share" && f.value == "x25519 public key"));
}

#[test]
fn the_report_carries_the_explainer_personalised_from_every_input() {
    // With no input at all, the analysis gives the example walk-throughs: the page embeds this
    // very JSON (include_str!) so that the explainer needs no worker, and this snapshot fails
    // when the words or steps change without it (UPDATE_EXPECT=1 rewrites it).
    let nothing = analyze(&Inputs::default(), common::NOW);
    assert_eq!(nothing.explainer, explainer(&Facts::default()));
    assert!(nothing.explainer.walkthroughs.iter().all(|w| w.example));
    let scenarios: Vec<Scenario> = nothing
        .explainer
        .walkthroughs
        .iter()
        .map(|w| w.scenario)
        .collect();
    assert_eq!(scenarios, Scenario::ALL);
    let json = example_json(&nothing.explainer);
    expect_file!["../src/ui/explainer-example.json"].assert_eq(&json);
    assert_eq!(
        serde_json::from_str::<Explainer>(&json).unwrap(),
        nothing.explainer
    );

    // Every input feeds the facts: headers, the MTA-STS policy, TLSA with its DNSSEC state,
    // TLS-RPT and the leaf certificate.
    let facts = facts_from_documents(DOMAIN_KIT);
    assert_eq!(facts.mta_sts, Some(StsMode::Enforce));
    assert_eq!(facts.tlsa_usages, [3]);
    assert_eq!(facts.dnssec_validated, Some(true));
    assert_eq!(facts.tls_rpt_rua, Some(true));
    assert_eq!(
        facts.certificate.as_ref().map(|c| c.subject.as_str()),
        Some("CN=mx.example.com")
    );
    assert_eq!(
        facts.plaintext_hop.as_ref().map(|h| h.number),
        Some(2),
        "the headers still count"
    );
    // The report's explainer is built from exactly these facts.
    let report = common::run(
        DOMAIN_KIT
            .iter()
            .map(|path| Document {
                name: (*path).to_string(),
                bytes: std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                    .unwrap(),
                kind: None,
            })
            .collect(),
    );
    assert_eq!(report.explainer, explainer(&facts));
    let downgrade = report.explainer.walkthrough(Scenario::Downgrade).unwrap();
    assert_eq!(downgrade.outcome.ending, Ending::Deferred, "DANE holds");
}

/// The example explainer as the page embeds it: JSON with one walk-through or row per line, so
/// a stale file shows which walk-through changed.
fn example_json(explainer: &Explainer) -> String {
    let lines = |items: Vec<String>| items.join(",\n");
    format!(
        "{{\"walkthroughs\":[\n{}\n],\"side_by_side\":[\n{}\n]}}\n",
        lines(
            explainer
                .walkthroughs
                .iter()
                .map(|w| serde_json::to_string(w).unwrap())
                .collect()
        ),
        lines(
            explainer
                .side_by_side
                .iter()
                .map(|r| serde_json::to_string(r).unwrap())
                .collect()
        ),
    )
}

/// One fragment case: what is typed, its canonical form, and what it opens.
struct FragmentCase {
    input: &'static str,
    canonical: &'static str,
    /// `None`: no view; `Some(None)`: the explainer's index; `Some(Some(slug))`: a scenario.
    scenario: Option<Option<&'static str>>,
    step: Option<&'static str>,
    share: Option<&'static str>,
}

const fn case(
    input: &'static str,
    canonical: &'static str,
    scenario: Option<Option<&'static str>>,
    step: Option<&'static str>,
    share: Option<&'static str>,
) -> FragmentCase {
    FragmentCase {
        input,
        canonical,
        scenario,
        step,
        share,
    }
}

const FRAGMENTS: &[FragmentCase] = &[
    case("", "", None, None, None),
    case("#", "", None, None, None),
    case("#explain", "#explain", Some(None), None, None),
    case(
        "explain/tls13",
        "#explain/tls13",
        Some(Some("tls13")),
        None,
        None,
    ),
    case(
        "#explain/starttls/ehlo-again",
        "#explain/starttls/ehlo-again",
        Some(Some("starttls")),
        Some("ehlo-again"),
        None,
    ),
    case(
        "#s=eJzLSM3JyQcABiwCFQ",
        "#s=eJzLSM3JyQcABiwCFQ",
        None,
        None,
        Some("eJzLSM3JyQcABiwCFQ"),
    ),
    case(
        "#s=abc&explain/downgrade/mail-in-clear",
        "#explain/downgrade/mail-in-clear&s=abc",
        Some(Some("downgrade")),
        Some("mail-in-clear"),
        Some("abc"),
    ),
    // An unknown scenario opens the index; a bad step opens the scenario.
    case("#explain/nope/step", "#explain", Some(None), None, None),
    case(
        "#explain/tls12/Bad_Step",
        "#explain/tls12",
        Some(Some("tls12")),
        None,
        None,
    ),
    case(
        "#explain/tls12/a/b",
        "#explain/tls12",
        Some(Some("tls12")),
        None,
        None,
    ),
    // A malformed payload is dropped; unknown parts survive, after the known ones.
    case(
        "#s=not+base64&view=report",
        "#view=report",
        None,
        None,
        None,
    ),
    case(
        "#future=1&&explain/certificate",
        "#explain/certificate&future=1",
        Some(Some("certificate")),
        None,
        None,
    ),
    // The comparison view takes no step; anything after it is ignored.
    case(
        "#explain/compare",
        "#explain/compare",
        Some(Some("compare")),
        None,
        None,
    ),
    case(
        "#s=abc&explain/compare/client-hello",
        "#explain/compare&s=abc",
        Some(Some("compare")),
        None,
        Some("abc"),
    ),
    // A second view or payload is kept as an unknown part, so nothing is lost.
    case(
        "#explain/tls13&explain/tls12&s=a&s=b",
        "#explain/tls13&s=a&explain/tls12&s=b",
        Some(Some("tls13")),
        None,
        Some("a"),
    ),
];

#[test]
fn fragments_parse_and_round_trip() {
    for c in FRAGMENTS {
        let input = c.input;
        let fragment = parse_fragment(input);
        assert_eq!(fragment.to_string(), c.canonical, "{input}");
        assert_eq!(
            parse_fragment(c.canonical),
            fragment,
            "{input}: canonical form parses back"
        );
        assert_eq!(
            Fragment::parse(&fragment.to_string()).to_string(),
            c.canonical
        );
        assert_eq!(fragment.share.as_deref(), c.share, "{input}");
        match (&fragment.view, c.scenario) {
            (None, None) => {}
            (Some(View::Compare), Some(Some("compare"))) => assert_eq!(c.step, None),
            (Some(View::Explain { scenario, step }), Some(expected)) => {
                assert_eq!(scenario.map(Scenario::slug), expected, "{input}");
                assert_eq!(step.as_deref(), c.step, "{input}");
            }
            (view, expected) => panic!("{input}: {view:?} vs {expected:?}"),
        }
    }
    assert_eq!(
        Fragment::step(Scenario::Downgrade, "recorded").to_string(),
        "#explain/downgrade/recorded"
    );
}

#[test]
fn side_by_side_columns_are_the_full_handshakes() {
    let rows = side_by_side();
    for (scenario, act, column) in [
        (
            Scenario::Tls12,
            "ecdhe",
            rows.iter()
                .filter_map(|r| r.tls12.as_deref())
                .collect::<Vec<_>>(),
        ),
        (
            Scenario::Tls13,
            "full",
            rows.iter()
                .filter_map(|r| r.tls13.as_deref())
                .collect::<Vec<_>>(),
        ),
    ] {
        let w = walkthrough(scenario, &Facts::default());
        let act = w.acts.iter().find(|a| a.id == act).unwrap();
        let ids: Vec<&str> = act.steps.iter().map(|s| s.local_id()).collect();
        assert_eq!(
            column,
            ids,
            "{}: each full-handshake step once, in order",
            scenario.slug()
        );
    }
    assert!(rows.iter().all(|r| r.tls12.is_some() || r.tls13.is_some()));
    assert!(rows
        .iter()
        .all(|r| r.note.is_empty() || r.note.ends_with('.')));
}
