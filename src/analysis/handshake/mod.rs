//! The handshake explainer as data: SMTP, STARTTLS, implicit TLS, the TLS 1.2 and 1.3
//! handshakes, the STARTTLS downgrade and certificate validation, each a [`Walkthrough`] of
//! [`Step`]s that a sequence-diagram view only has to render.
//!
//! Must not depend on yew, web-sys or any UI code, nor on a clock, IO or randomness. The words
//! live in `words.rs`; the step lists are built in `scenarios.rs` and personalised from [`Facts`],
//! our own small input type, so that modules written in parallel (certificates, DANE, MTA-STS,
//! TLS-RPT) feed it through builder methods instead of being imported here.
//!
//! # Fragment grammar
//!
//! One grammar serves the explainer's step links and the share links of the report (issue 6).
//! A fragment is a list of `&`-separated parts; the order of parts does not matter and a part
//! this version does not know is kept, so newer links survive older pages:
//!
//! ```text
//! fragment = [ "#" ] [ part *( "&" part ) ]
//! part     = explain / share / other
//! explain  = "explain" [ "/" ( compare / scenario [ "/" step ] ) ]
//!                                                      ; the index, a walk-through (optionally
//!                                                      ; at a step), or the comparison
//! compare  = "compare"                                 ; TLS 1.2 and 1.3 side by side
//! share    = "s=" payload                              ; the inputs, deflate + base64url
//! scenario = slug                                      ; starttls, implicit-tls, tls13, …
//! step     = slug                                      ; a step id without its scenario
//! slug     = 1*( %x61-7A / DIGIT / "-" )               ; lower-case letters, digits, hyphens
//! payload  = 1*( ALPHA / DIGIT / "-" / "_" )           ; base64url without padding
//! other    = 1*( any character but "&" )
//! ```
//!
//! Examples: `#explain/downgrade/mail-in-clear`, `#s=eJzLSM3JyQcABiwCFQ`, and both together,
//! `#explain/downgrade/mail-in-clear&s=eJzLSM3JyQcABiwCFQ`. [`parse_fragment`] never fails: an
//! unknown scenario opens the explainer's index, an unknown or malformed step opens the
//! scenario's first step, anything after `compare` is ignored, and a malformed payload is
//! dropped. `Fragment`'s `Display` writes the canonical form (explain, then share, then the
//! other parts), which parses back to the same value.

mod scenarios;
pub mod words;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::finding::Reference;
use super::received::{Hop, Trust};
use super::tls::{self, KeyExchange, TlsVersion};
use super::{cert, mta_sts, DnsRecordReport, Report};

/// A walk-through the explainer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
    /// SMTP on ports 25 and 587, upgraded with STARTTLS (RFC 3207).
    Starttls,
    /// TLS from the first byte on ports 465, 993 and 995 (RFC 8314).
    ImplicitTls,
    /// The TLS 1.3 handshake (RFC 8446).
    Tls13,
    /// The TLS 1.2 handshake (RFC 5246, ECDHE per RFC 8422).
    Tls12,
    /// The STARTTLS downgrade, replayed against MTA-STS, DANE and REQUIRETLS.
    Downgrade,
    /// Certificate validation, and what opportunistic TLS skips.
    Certificate,
}

impl Scenario {
    /// Every scenario, in the order the explainer lists them.
    pub const ALL: [Scenario; 6] = [
        Scenario::Starttls,
        Scenario::ImplicitTls,
        Scenario::Tls13,
        Scenario::Tls12,
        Scenario::Downgrade,
        Scenario::Certificate,
    ];

    /// The slug used in JSON and in URL fragments.
    pub fn slug(self) -> &'static str {
        match self {
            Scenario::Starttls => "starttls",
            Scenario::ImplicitTls => "implicit-tls",
            Scenario::Tls13 => "tls13",
            Scenario::Tls12 => "tls12",
            Scenario::Downgrade => "downgrade",
            Scenario::Certificate => "certificate",
        }
    }

    /// The scenario with this slug.
    pub fn from_slug(slug: &str) -> Option<Scenario> {
        Scenario::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The walk-through's title.
    pub fn title(self) -> &'static str {
        words::scenario(self).title
    }
}

/// Who sends or does something in a step: one lane of the sequence diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Actor {
    /// The sending mail server, acting as SMTP (and TLS) client.
    ClientMta,
    /// The receiving mail server (the recipient's MX), acting as SMTP (and TLS) server.
    ServerMta,
    /// A mail user agent submitting or reading mail.
    MailClient,
    /// A submission server (port 465/587) or mailbox server (IMAP 993, POP3 995).
    MailServer,
    /// Someone on the network path who can read and change packets.
    Attacker,
    /// The sending server's DNS resolver (validating, where DNSSEC matters).
    DnsResolver,
    /// The web server at `mta-sts.<domain>` that serves the MTA-STS policy.
    PolicyHost,
    /// The address in the recipient domain's TLS-RPT `rua`.
    ReportReceiver,
}

impl Actor {
    /// The lane header.
    pub fn label(self) -> &'static str {
        words::actor(self)
    }
}

/// Which way a step's arrow points, given the act's lane order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// From a lane to one on its right.
    LeftToRight,
    /// From a lane to one on its left.
    RightToLeft,
    /// Inside one lane: a decision or check, nothing sent.
    Local,
}

/// How a step is protected on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encryption {
    /// Readable (and changeable) by anyone on the path.
    Plaintext,
    /// TLS 1.3 handshake traffic keys (RFC 8446 §7.1).
    HandshakeKeys,
    /// TLS 1.3 application traffic keys; in TLS 1.2, the one set of keys the handshake
    /// negotiated, which protect Finished and everything after ChangeCipherSpec.
    ApplicationKeys,
    /// TLS 1.3 0-RTT keys, derived from a resumption PSK alone: not forward secret, replayable
    /// (RFC 8446 §2.3).
    EarlyDataKeys,
    /// A summary of a whole TLS handshake: its first messages are plaintext, the rest protected
    /// as the version allows. The step's `expands` names the scenario that shows each message.
    Mixed,
    /// Carried over a separate connection with its own protection: HTTPS for an MTA-STS policy,
    /// mail or HTTPS for a TLS-RPT report.
    OwnConnection,
    /// Not sent: a check or decision inside one party.
    NotOnWire,
}

impl Encryption {
    /// The kebab-case name used in JSON and snapshots.
    pub fn name(self) -> &'static str {
        match self {
            Encryption::Plaintext => "plaintext",
            Encryption::HandshakeKeys => "handshake-keys",
            Encryption::ApplicationKeys => "application-keys",
            Encryption::EarlyDataKeys => "early-data-keys",
            Encryption::Mixed => "mixed",
            Encryption::OwnConnection => "own-connection",
            Encryption::NotOnWire => "not-on-wire",
        }
    }

    /// True when the step's bytes are encrypted by the TLS session being shown.
    pub fn is_encrypted(self) -> bool {
        matches!(
            self,
            Encryption::HandshakeKeys | Encryption::ApplicationKeys | Encryption::EarlyDataKeys
        )
    }
}

/// One named part of a message, with extension and field names as the RFCs write them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The field or extension name, e.g. `key_share`, or a command line's label.
    pub name: String,
    /// What it holds here, e.g. `x25519 public key (32 bytes)`.
    pub value: String,
}

/// One step of a walk-through: a message on the wire, or a check inside one party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stable id, `<scenario>/<step>`, e.g. `starttls/ehlo-again`. It is the URL fragment after
    /// `#explain/` and never changes once published.
    pub id: String,
    /// Who sends it (or, for a local step, who does it).
    pub actor: Actor,
    /// Who receives it; equal to `actor` for a local step.
    pub to: Actor,
    /// The arrow's direction in the act's lane order.
    pub direction: Direction,
    /// The message's name in the RFC's words: `EHLO`, `250-STARTTLS`, `ClientHello`, `Finished`.
    pub message: String,
    /// What the message carries.
    pub contents: Vec<Field>,
    /// How it is protected on the wire.
    pub encrypted: Encryption,
    /// What it means, in one to three plain sentences.
    pub explanation: String,
    /// Where that is written down; never empty.
    pub refs: Vec<Reference>,
    /// True for branches that happen only sometimes (HelloRetryRequest, CertificateStatus,
    /// CertificateRequest, NewSessionTicket, 0-RTT).
    pub optional: bool,
    /// True where the reader's own data meets this step ("this is where it happened in your
    /// mail").
    pub highlight: bool,
    /// Sentences about the reader's own data, e.g. "Your mail's hop 3 … negotiated
    /// TLS_AES_256_GCM_SHA384 over TLSv1.3."
    pub personal: Vec<String>,
    /// For a summary step: the scenario that shows it message by message.
    pub expands: Option<Scenario>,
}

impl Step {
    /// The step id without its scenario, as used in [`View::Explain`].
    pub fn local_id(&self) -> &str {
        self.id
            .split_once('/')
            .map_or(self.id.as_str(), |(_, local)| local)
    }

    /// The fragment that deep-links to this step.
    pub fn fragment(&self) -> Fragment {
        parse_fragment(&format!("explain/{}", self.id))
    }

    /// A step with its words, not yet placed in an act.
    fn new(
        scenario: Scenario,
        local: &str,
        (actor, to): (Actor, Actor),
        message: &str,
        encrypted: Encryption,
        words: &words::Words,
    ) -> Step {
        Step {
            id: format!("{}/{local}", scenario.slug()),
            actor,
            to,
            direction: Direction::Local,
            message: message.to_string(),
            contents: Vec::new(),
            encrypted,
            explanation: words.explanation.to_string(),
            refs: references(words.refs),
            optional: false,
            highlight: false,
            personal: Vec::new(),
            expands: None,
        }
    }

    /// Adds a field.
    fn field(mut self, name: &str, value: impl Into<String>) -> Step {
        self.contents.push(Field {
            name: name.to_string(),
            value: value.into(),
        });
        self
    }

    /// Marks the step as an optional branch.
    fn optional(mut self) -> Step {
        self.optional = true;
        self
    }

    /// Adds a personal note, if there is one, and highlights the step when asked.
    fn note(mut self, note: Option<String>, highlight: bool) -> Step {
        if let Some(note) = note {
            self.personal.push(note);
            self.highlight |= highlight;
        }
        self
    }

    /// Links a summary step to the scenario that details it.
    fn expands(mut self, scenario: Scenario) -> Step {
        self.expands = Some(scenario);
        self
    }
}

/// Part of a walk-through with its own lanes: the downgrade story has one act per defence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    /// A slug, unique within the walk-through.
    pub id: String,
    /// A short heading.
    pub title: String,
    /// The lanes, left to right.
    pub lanes: Vec<Actor>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// True when this act is the reader's own situation (e.g. the defence their domain has).
    pub highlight: bool,
}

impl Act {
    /// An empty act.
    fn new(id: &str, title: &str, lanes: &[Actor]) -> Act {
        Act {
            id: id.to_string(),
            title: title.to_string(),
            lanes: lanes.to_vec(),
            steps: Vec::new(),
            highlight: false,
        }
    }

    /// Appends a step, setting its direction from the lane order.
    fn push(&mut self, mut step: Step) {
        let lane = |actor: Actor| self.lanes.iter().position(|&a| a == actor);
        step.direction = match (lane(step.actor), lane(step.to)) {
            (Some(from), Some(to)) if from < to => Direction::LeftToRight,
            (Some(from), Some(to)) if from > to => Direction::RightToLeft,
            _ => Direction::Local,
        };
        self.steps.push(step);
    }
}

/// How a walk-through ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ending {
    /// The mail travelled encrypted.
    Encrypted,
    /// The mail travelled in plaintext.
    Plaintext,
    /// The sender refused to deliver without TLS and will retry: late, not exposed.
    Deferred,
    /// The message was returned to its author as undeliverable.
    Bounced,
    /// A summary of rules rather than one delivery.
    Informational,
}

/// The end of a walk-through; for the downgrade, it depends on the reader's policies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// What happened to the mail.
    pub ending: Ending,
    /// A short heading.
    pub title: String,
    /// One to three sentences.
    pub text: String,
    /// Where that is written down.
    pub refs: Vec<Reference>,
    /// Sentences about the reader's own data.
    pub personal: Vec<String>,
}

/// A whole walk-through, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Walkthrough {
    /// Which one.
    pub scenario: Scenario,
    /// Its title.
    pub title: String,
    /// Two or three sentences shown above the diagram.
    pub summary: String,
    /// True when no data of the reader's was used: every name is an example.
    pub example: bool,
    /// Notes about the reader's data that belong to no single step.
    pub personal: Vec<String>,
    /// The acts, in order; most walk-throughs have one or two.
    pub acts: Vec<Act>,
    /// How it ends.
    pub outcome: Outcome,
}

impl Walkthrough {
    /// Every step of every act, in order: the sequence the step buttons walk through.
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.acts.iter().flat_map(|act| act.steps.iter())
    }

    /// The position of a step (by its id without the scenario) in [`Walkthrough::steps`].
    pub fn position(&self, local_id: &str) -> Option<usize> {
        self.steps().position(|step| step.local_id() == local_id)
    }
}

/// Builds a walk-through, personalised from `facts`.
pub fn walkthrough(scenario: Scenario, facts: &Facts) -> Walkthrough {
    let mut walkthrough = match scenario {
        Scenario::Starttls => scenarios::starttls(facts),
        Scenario::ImplicitTls => scenarios::implicit_tls(facts),
        Scenario::Tls13 => scenarios::tls13(facts),
        Scenario::Tls12 => scenarios::tls12(facts),
        Scenario::Downgrade => scenarios::downgrade(facts),
        Scenario::Certificate => scenarios::certificate(facts),
    };
    if walkthrough.example {
        walkthrough
            .personal
            .insert(0, words::EXAMPLE_NOTE.to_string());
    }
    walkthrough
}

/// The steps of a walk-through, every act in order.
pub fn scenario(scenario: Scenario, facts: &Facts) -> Vec<Step> {
    walkthrough(scenario, facts).steps().cloned().collect()
}

/// What the report carries for the explainer view: every walk-through, personalised from the
/// same facts, and the TLS 1.2 / TLS 1.3 rows. The worker builds it (the page never runs
/// [`walkthrough`]); with no inputs it holds the example walk-throughs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Explainer {
    /// One walk-through per scenario, in [`Scenario::ALL`] order.
    pub walkthroughs: Vec<Walkthrough>,
    /// The rows of the TLS 1.2 / TLS 1.3 comparison.
    pub side_by_side: Vec<SideBySide>,
}

impl Explainer {
    /// The walk-through of a scenario, if it is present.
    pub fn walkthrough(&self, scenario: Scenario) -> Option<&Walkthrough> {
        self.walkthroughs.iter().find(|w| w.scenario == scenario)
    }

    /// True when no walk-through is present (an older report, or a page still waiting).
    pub fn is_empty(&self) -> bool {
        self.walkthroughs.is_empty()
    }
}

/// Every walk-through personalised from `facts`, and the side-by-side rows.
pub fn explainer(facts: &Facts) -> Explainer {
    Explainer {
        walkthroughs: Scenario::ALL
            .into_iter()
            .map(|scenario| walkthrough(scenario, facts))
            .collect(),
        side_by_side: side_by_side(),
    }
}

/// One row of the TLS 1.2 / TLS 1.3 side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideBySide {
    /// The TLS 1.2 step (id without scenario) in this row, if any.
    pub tls12: Option<String>,
    /// The TLS 1.3 step (id without scenario) in this row, if any.
    pub tls13: Option<String>,
    /// What differs, in one sentence; empty when nothing needs saying.
    pub note: String,
}

/// The full handshakes of TLS 1.2 and 1.3 in aligned rows. Each column lists its scenario's
/// full-handshake steps exactly once and in order; a row pairs the messages that play the same
/// part.
pub fn side_by_side() -> Vec<SideBySide> {
    scenarios::SIDE_BY_SIDE
        .iter()
        .map(|(tls12, tls13, note)| SideBySide {
            tls12: tls12.map(str::to_string),
            tls13: tls13.map(str::to_string),
            note: note.to_string(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Personalisation input.

/// What the explainer knows about the reader's mail, from the report and, once their modules
/// exist, from certificates, DANE, MTA-STS and TLS-RPT. Everything is optional: with nothing, the
/// walk-throughs use clearly labelled example names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// The newest public hop that recorded TLS with a known cipher suite.
    pub encrypted_hop: Option<HopFacts>,
    /// The first public hop recorded as plaintext: the downgrade story's "your mail".
    pub plaintext_hop: Option<HopFacts>,
    /// The recipient's MX host, most trusted source first.
    pub mx_host: Option<String>,
    /// The recipient domain.
    pub domain: Option<String>,
    /// The MX host's certificate.
    pub certificate: Option<CertFacts>,
    /// The MTA-STS policy mode.
    pub mta_sts: Option<StsMode>,
    /// The TLSA certificate usages present (0–3), empty when none were given.
    pub tlsa_usages: Vec<u8>,
    /// Whether the TLSA answer was DNSSEC-validated (the `ad` flag); `None` when not shown.
    pub dnssec_validated: Option<bool>,
    /// Whether the TLS-RPT record has a usable `rua`; `None` when no record was given.
    pub tls_rpt_rua: Option<bool>,
    /// The message's `TLS-Required:` value (RFC 8689 §3).
    pub tls_required: Option<String>,
}

/// One hop of the reader's mail, as the explainer uses it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HopFacts {
    /// The hop's number for people: 1 is the first hop in delivery order.
    pub number: usize,
    /// The sending host.
    pub from: Option<String>,
    /// The receiving host.
    pub by: Option<String>,
    /// The `with` clause as written (`ESMTP`, `ESMTPS`).
    pub with: Option<String>,
    /// The negotiated TLS version, when the line says it.
    pub version: Option<TlsVersion>,
    /// A lower bound on the version, when only the cipher's minimum was written.
    pub version_at_least: Option<TlsVersion>,
    /// The cipher suite's IANA name.
    pub cipher: Option<String>,
    /// Whether the suite gives forward secrecy.
    pub forward_secret: Option<bool>,
    /// The key-exchange group, when recorded (Postfix's `key-exchange X25519`).
    pub key_exchange: Option<String>,
    /// True when the line was written before the recipient's border MX: the sender's claim.
    pub claimed_upstream: bool,
    /// True for the hop into the recipient's border MX, the one connection the recipient's
    /// MTA-STS and DANE policies protect.
    pub at_border: bool,
}

/// The MX host's certificate, as the explainer uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertFacts {
    /// The subject, e.g. `CN=mx.example.net`.
    pub subject: String,
    /// The issuer, e.g. `CN=R11, O=Let's Encrypt, C=US`.
    pub issuer: String,
    /// notAfter, RFC 3339.
    pub not_after: String,
    /// Whole days from the analysis time to notAfter; negative when expired.
    pub days_left: i64,
    /// True for a self-signed leaf.
    pub self_signed: bool,
}

/// An MTA-STS policy mode (RFC 8461 §5), in the RFC's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StsMode {
    /// Senders must not deliver without valid TLS to a listed MX.
    Enforce,
    /// Senders report failures but deliver anyway.
    Testing,
    /// No policy: the way a policy is withdrawn.
    None,
}

impl Facts {
    /// What the report says: the hops (the first plaintext public hop, and the newest
    /// encrypted public hop with a known cipher), the MX host, the domain, the message's
    /// `TLS-Required:` field, and, through the builders below, the leaf certificate, the MTA-STS
    /// mode, the TLSA records with their DNSSEC state and the TLS-RPT record.
    pub fn from_report(report: &Report) -> Facts {
        let public = || report.hops.iter().filter(|hop| !hop.internal);
        let border = report.path.as_ref().and_then(|path| path.border);
        let read = |hop: &Hop| HopFacts {
            at_border: border == Some(hop.index),
            ..HopFacts::from_hop(hop)
        };
        let mut facts = Facts {
            plaintext_hop: public().find(|hop| hop.encrypted == Some(false)).map(read),
            encrypted_hop: public()
                .rfind(|hop| hop.encrypted == Some(true) && hop.cipher_iana.is_some())
                .map(read),
            mx_host: report.mx_hosts.first().map(|mx| mx.name.clone()),
            domain: report.domain.clone(),
            tls_required: report
                .message
                .as_ref()
                .and_then(|message| message.tls_required.clone()),
            ..Facts::default()
        };
        if let Some(certificate) = leaf_certificate(report) {
            facts = facts.with_certificate(certificate);
        }
        // A policy senders would reject (`valid` false) has no mode for them (RFC 8461 §3.2).
        let mode = report
            .mta_sts_policies
            .iter()
            .find(|policy| policy.valid)
            .and_then(|policy| policy.mode);
        if let Some(mode) = mode {
            facts = facts.with_mta_sts(match mode {
                mta_sts::Mode::Enforce => StsMode::Enforce,
                mta_sts::Mode::Testing => StsMode::Testing,
                mta_sts::Mode::None => StsMode::None,
            });
        }
        let mut usages = Vec::new();
        let mut tls_rpt = None;
        for record in &report.dns_records {
            match record {
                DnsRecordReport::Tlsa(tlsa) if tlsa.valid => usages.extend(tlsa.usage),
                DnsRecordReport::TlsRpt(rpt) => {
                    let usable = rpt.valid && rpt.rua.iter().any(|uri| uri.usable);
                    tls_rpt = Some(tls_rpt.unwrap_or(false) || usable);
                }
                _ => {}
            }
        }
        if !usages.is_empty() {
            let dnssec = report.dane.as_ref().and_then(|dane| dane.dnssec);
            facts = facts.with_tlsa(usages, dnssec);
        }
        if let Some(rua) = tls_rpt {
            facts = facts.with_tls_rpt(rua);
        }
        facts
    }

    /// Adds the MX host's certificate.
    pub fn with_certificate(mut self, certificate: CertFacts) -> Facts {
        self.certificate = Some(certificate);
        self
    }

    /// Adds the MTA-STS policy mode.
    pub fn with_mta_sts(mut self, mode: StsMode) -> Facts {
        self.mta_sts = Some(mode);
        self
    }

    /// Adds the TLSA certificate usages present and whether the answer was DNSSEC-validated.
    pub fn with_tlsa(
        mut self,
        usages: impl IntoIterator<Item = u8>,
        dnssec_validated: Option<bool>,
    ) -> Facts {
        self.tlsa_usages = usages.into_iter().collect();
        self.tlsa_usages.sort_unstable();
        self.tlsa_usages.dedup();
        self.dnssec_validated = dnssec_validated;
        self
    }

    /// Adds whether a TLS-RPT record with a usable `rua` was found.
    pub fn with_tls_rpt(mut self, rua_present: bool) -> Facts {
        self.tls_rpt_rua = Some(rua_present);
        self
    }

    /// True when nothing is known, so every walk-through shows example names.
    pub fn is_example(&self) -> bool {
        *self == Facts::default()
    }

    /// The hop the explainer talks about first: the plaintext one, else the encrypted one.
    pub fn hop(&self) -> Option<&HopFacts> {
        self.plaintext_hop.as_ref().or(self.encrypted_hop.as_ref())
    }

    /// True when DANE protects the domain: TLSA records, DNSSEC-validated.
    pub fn dane_secure(&self) -> bool {
        !self.tlsa_usages.is_empty() && self.dnssec_validated == Some(true)
    }

    /// True when the message asks relays to ignore MTA-STS and DANE (`TLS-Required: No`).
    pub fn opted_out(&self) -> bool {
        self.tls_required
            .as_deref()
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("no"))
    }
}

impl HopFacts {
    /// Reads one of the report's hops. `at_border` needs the path, so it is left false here and
    /// set by [`Facts::from_report`].
    pub fn from_hop(hop: &Hop) -> HopFacts {
        HopFacts {
            number: hop.index + 1,
            from: hop
                .from
                .clone()
                .or_else(|| hop.from_rdns.clone())
                .or_else(|| hop.from_ip.clone()),
            by: hop.by.clone(),
            with: hop.with.clone(),
            version: hop.tls_version,
            version_at_least: if hop.tls_version.is_none() {
                hop.tls_version_at_least
            } else {
                None
            },
            cipher: hop.cipher_iana.clone(),
            forward_secret: hop.forward_secret,
            key_exchange: hop.key_exchange.clone(),
            claimed_upstream: hop.trust == Trust::ClaimedUpstream,
            at_border: false,
        }
    }

    /// The suite's key exchange, when the cipher is in the registry.
    pub fn key_exchange_kind(&self) -> Option<KeyExchange> {
        self.cipher
            .as_deref()
            .and_then(tls::lookup)
            .map(|info| info.key_exchange)
    }

    /// True for a TLS 1.3 session: stated, or implied by a TLS 1.3 suite.
    pub fn is_tls13(&self) -> bool {
        self.version == Some(TlsVersion::Tls1_3)
            || (self.version.is_none() && self.key_exchange_kind() == Some(KeyExchange::Tls13))
    }
}

// ---------------------------------------------------------------------------------------------
// Fragments.

/// A parsed URL fragment: which view to open and which inputs to restore.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The view to open; `None` for the default page.
    pub view: Option<View>,
    /// The shared inputs (deflate + base64url), still encoded.
    pub share: Option<String>,
    /// Parts this version does not know, kept in order so they survive a rewrite.
    pub other: Vec<String>,
}

/// A view a fragment can open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// The explainer: its index, a walk-through, or one step of it.
    Explain {
        /// The walk-through; `None` for the index.
        scenario: Option<Scenario>,
        /// The step id without its scenario; ignored without a scenario.
        step: Option<String>,
    },
    /// The TLS 1.2 and TLS 1.3 handshakes side by side ([`side_by_side`]).
    Compare,
}

impl Fragment {
    /// Reads a fragment, with or without its `#`. Never fails.
    pub fn parse(text: &str) -> Fragment {
        parse_fragment(text)
    }

    /// The fragment that opens a walk-through at a step.
    pub fn step(scenario: Scenario, step: &str) -> Fragment {
        Fragment {
            view: Some(View::Explain {
                scenario: Some(scenario),
                step: is_slug(step).then(|| step.to_string()),
            }),
            ..Fragment::default()
        }
    }
}

/// Reads a fragment by the grammar in this module's documentation. Never fails.
pub fn parse_fragment(text: &str) -> Fragment {
    let text = text.strip_prefix('#').unwrap_or(text);
    let mut fragment = Fragment::default();
    for part in text.split('&').filter(|part| !part.is_empty()) {
        if fragment.view.is_none() && (part == "explain" || part.starts_with("explain/")) {
            fragment.view = Some(parse_explain(part));
        } else if let Some(payload) = part.strip_prefix("s=") {
            let valid = !payload.is_empty()
                && payload
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if valid && fragment.share.is_none() {
                fragment.share = Some(payload.to_string());
            } else if valid {
                fragment.other.push(part.to_string());
            }
        } else {
            fragment.other.push(part.to_string());
        }
    }
    fragment
}

impl fmt::Display for Fragment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if self.view == Some(View::Compare) {
            parts.push(format!("explain/{COMPARE}"));
        }
        if let Some(View::Explain { scenario, step }) = &self.view {
            let mut part = "explain".to_string();
            if let Some(scenario) = scenario {
                part.push('/');
                part.push_str(scenario.slug());
                if let Some(step) = step.as_deref().filter(|s| is_slug(s)) {
                    part.push('/');
                    part.push_str(step);
                }
            }
            parts.push(part);
        }
        if let Some(share) = &self.share {
            parts.push(format!("s={share}"));
        }
        parts.extend(self.other.iter().filter(|p| !p.is_empty()).cloned());
        if parts.is_empty() {
            Ok(())
        } else {
            write!(f, "#{}", parts.join("&"))
        }
    }
}

/// The path segment of the comparison view.
const COMPARE: &str = "compare";

/// Reads `explain[/compare | /scenario[/step]]`.
fn parse_explain(part: &str) -> View {
    let mut segments = part.split('/').skip(1);
    if part.split('/').nth(1) == Some(COMPARE) {
        return View::Compare;
    }
    let scenario = segments.next().and_then(Scenario::from_slug);
    let step = segments.next().filter(|s| is_slug(s)).map(str::to_string);
    let extra = segments.next().is_some();
    View::Explain {
        scenario,
        step: if scenario.is_some() && !extra {
            step
        } else {
            None
        },
    }
}

/// True for a non-empty run of lower-case ASCII letters, digits and hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The server's own certificate, when one was given: the chain's leaf.
fn leaf_certificate(report: &Report) -> Option<CertFacts> {
    let leaf = report
        .certificates
        .iter()
        .find(|cert| cert.role == cert::Role::Leaf)?;
    Some(CertFacts {
        subject: leaf.subject.clone(),
        issuer: leaf.issuer.clone(),
        not_after: leaf.not_after.clone(),
        days_left: leaf.days_left,
        self_signed: leaf.self_signed,
    })
}

/// Our references from the words' (document, section) pairs.
fn references(refs: &[(&str, &str)]) -> Vec<Reference> {
    refs.iter()
        .map(|(document, section)| Reference {
            document: (*document).to_string(),
            section: (*section).to_string(),
        })
        .collect()
}
