//! The explainer's words: every sentence the handshake walk-throughs show, with its references.
//!
//! Must not depend on anything but the handshake types it formats. This is reviewed product
//! content, kept here as data so that it can be read and checked in one place: builders in
//! `scenarios.rs` only pick entries and add the reader's own facts. Each step's explanation is one
//! to three sentences, in our own words, and cites the RFC section that says it.

use super::{Actor, CertFacts, HopFacts, Scenario, StsMode};

/// The fixed words of one step: what it means and where that is written down.
#[derive(Debug)]
pub struct Words {
    /// One to three plain sentences for a mail admin in a hurry.
    pub explanation: &'static str,
    /// (document, section) pairs, e.g. `("RFC 8446", "§4.1.2")`.
    pub refs: &'static [(&'static str, &'static str)],
}

/// The fixed words of a whole walk-through.
#[derive(Debug)]
pub struct ScenarioWords {
    /// A short title (not a sentence).
    pub title: &'static str,
    /// Two or three sentences shown above the diagram.
    pub summary: &'static str,
}

/// The words of an ending: a title and what it means.
#[derive(Debug)]
pub struct EndingWords {
    /// A short title (not a sentence).
    pub title: &'static str,
    /// One to three sentences.
    pub text: &'static str,
    /// (document, section) pairs.
    pub refs: &'static [(&'static str, &'static str)],
}

/// The walk-through's title and summary.
pub fn scenario(scenario: Scenario) -> &'static ScenarioWords {
    match scenario {
        Scenario::Starttls => &STARTTLS,
        Scenario::ImplicitTls => &IMPLICIT_TLS,
        Scenario::Tls13 => &TLS13,
        Scenario::Tls12 => &TLS12,
        Scenario::Downgrade => &DOWNGRADE,
        Scenario::Certificate => &CERTIFICATE,
    }
}

/// How an actor is named in a lane header.
pub fn actor(actor: Actor) -> &'static str {
    match actor {
        Actor::ClientMta => "Sending server",
        Actor::ServerMta => "Receiving server",
        Actor::MailClient => "Mail client",
        Actor::MailServer => "Submission or mailbox server",
        Actor::Attacker => "Attacker on the path",
        Actor::DnsResolver => "DNS resolver",
        Actor::PolicyHost => "MTA-STS policy host (HTTPS)",
        Actor::ReportReceiver => "TLS-RPT report address",
    }
}

// Reference strings used more than once.
const NO_STARTTLS: &str =
    "Poddebniak et al., \u{201c}Why TLS is better without STARTTLS\u{201d}, USENIX Security 2021";

// ---------------------------------------------------------------------------------------------
// Scenario titles and summaries.

static STARTTLS: ScenarioWords = ScenarioWords {
    title: "SMTP with STARTTLS (ports 25 and 587)",
    summary: "Two mail servers start in plaintext and upgrade the same connection to TLS. \
              Everything said before the upgrade is thrown away and the conversation starts \
              again inside TLS. Submission on port 587 works the same way, with the login after \
              TLS.",
};

static IMPLICIT_TLS: ScenarioWords = ScenarioWords {
    title: "Implicit TLS (ports 465, 993 and 995)",
    summary: "For submission and mailbox access the connection is TLS from its first byte, so \
              there is no plaintext phase to tamper with and no fallback. Relay between mail \
              servers on port 25 has no implicit-TLS form: it always uses STARTTLS.",
};

static TLS13: ScenarioWords = ScenarioWords {
    title: "The TLS 1.3 handshake",
    summary: "One round trip: the client sends a key share in its first message, so every \
              handshake message after the ServerHello, the certificate included, is encrypted. Optional branches \
              show a HelloRetryRequest, when the client guessed the wrong group, and resumption \
              with a session ticket.",
};

static TLS12: ScenarioWords = ScenarioWords {
    title: "The TLS 1.2 handshake",
    summary: "Two round trips before data flows, with the certificate in plaintext and \
              ChangeCipherSpec as a real signal that encryption starts. Ephemeral ECDHE gives \
              forward secrecy; the older static RSA key exchange, shown second, does not.",
};

static DOWNGRADE: ScenarioWords = ScenarioWords {
    title: "The STARTTLS downgrade attack",
    summary: "An attacker on the path deletes the STARTTLS offer, the mail goes out in \
              plaintext and nobody is warned. The same attack is then replayed against MTA-STS, \
              DANE and REQUIRETLS, and TLS-RPT reports it afterwards.",
};

static CERTIFICATE: ScenarioWords = ScenarioWords {
    title: "Certificate validation",
    summary: "What a sending server checks in the receiving server's certificate: the chain to \
              a trusted root, the name against the MX host, the dates. Without MTA-STS or DANE, \
              most senders check none of it.",
};

// ---------------------------------------------------------------------------------------------
// Scenario 1: SMTP with STARTTLS.

/// The words of the STARTTLS walk-through.
pub mod starttls {
    use super::{Words, NO_STARTTLS};

    /// `220` greeting.
    pub static GREETING: Words = Words {
        explanation: "The receiving server speaks first, with a 220 greeting. SMTP on ports 25 \
                      and 587 always starts in plaintext.",
        refs: &[("RFC 5321", "§3.1"), ("RFC 5321", "§4.2")],
    };
    /// `EHLO`.
    pub static EHLO: Words = Words {
        explanation: "The client names itself and asks which extensions the server supports.",
        refs: &[("RFC 5321", "§4.1.1.1")],
    };
    /// `250-STARTTLS`.
    pub static CAPABILITIES: Words = Words {
        explanation: "The reply lists the server's extensions, and the STARTTLS line says it can \
                      switch to TLS. The list travels in plaintext: anyone on the path can read \
                      it, or delete that line.",
        refs: &[("RFC 3207", "§3"), ("RFC 3207", "§6")],
    };
    /// `STARTTLS`.
    pub static STARTTLS: Words = Words {
        explanation: "The client asks to turn this same TCP connection into a TLS connection. A \
                      careful client sends nothing more until the server has answered.",
        refs: &[("RFC 3207", "§4")],
    };
    /// `220 Ready to start TLS`.
    pub static READY: Words = Words {
        explanation: "The server agrees, and the next bytes on the connection are the TLS \
                      handshake. A server that cannot do TLS right now answers 454 instead.",
        refs: &[("RFC 3207", "§4")],
    };
    /// The TLS handshake, summarised.
    pub static HANDSHAKE: Words = Words {
        explanation: "Client and server agree on a version and cipher suite, derive keys, and \
                      the server presents its certificate. Whether anyone checks that \
                      certificate is the sender's policy: plain opportunistic TLS accepts any.",
        refs: &[("RFC 3207", "§4.1"), ("RFC 8446", "§2")],
    };
    /// `EHLO` again, inside TLS.
    pub static EHLO_AGAIN: Words = Words {
        explanation: "Both sides discard everything learnt before TLS and the client starts \
                      over with a new EHLO. Anything said in plaintext may have been altered or \
                      injected, such as commands smuggled in behind STARTTLS (CVE-2011-0411, and \
                      the many similar bugs found by the 2021 NO STARTTLS study).",
        refs: &[
            ("RFC 3207", "§4.2"),
            ("CVE-2011-0411", ""),
            (NO_STARTTLS, ""),
        ],
    };
    /// The extension list again, inside TLS.
    pub static CAPABILITIES_AGAIN: Words = Words {
        explanation: "The server lists its extensions again, now encrypted and without \
                      STARTTLS. Extensions meant for TLS sessions appear here, such as AUTH on \
                      port 587 and REQUIRETLS.",
        refs: &[("RFC 3207", "§4.2"), ("RFC 8689", "§2")],
    };
    /// `AUTH` on submission.
    pub static AUTH: Words = Words {
        explanation: "On port 587 the mail client logs in now, inside TLS, so the password \
                      never crosses the network in plaintext. Relay between MX hosts on port 25 \
                      has no login.",
        refs: &[("RFC 4954", "§4"), ("RFC 6409", "")],
    };
    /// `MAIL FROM`.
    pub static MAIL_FROM: Words = Words {
        explanation: "The envelope sender opens the mail transaction. From here on, everything \
                      on this connection is encrypted.",
        refs: &[("RFC 5321", "§4.1.1.2")],
    };
    /// `RCPT TO`.
    pub static RCPT_TO: Words = Words {
        explanation: "The envelope recipient. The server accepts or refuses each recipient \
                      separately.",
        refs: &[("RFC 5321", "§4.1.1.3")],
    };
    /// `DATA`.
    pub static DATA: Words = Words {
        explanation: "After a 354 reply the client sends the message, ending with a line that \
                      holds a single dot. The receiving server adds a Received line, and that \
                      line is where a hop's TLS is recorded (`with ESMTPS`).",
        refs: &[
            ("RFC 5321", "§4.1.1.4"),
            ("RFC 5321", "§4.4"),
            ("RFC 3848", ""),
        ],
    };
    /// `250 OK` after the message.
    pub static QUEUED: Words = Words {
        explanation: "The server takes responsibility for the message. TLS protected this one \
                      connection: the server stores the message readable, and the next hop \
                      negotiates TLS afresh, or not at all.",
        refs: &[("RFC 5321", "§6.1")],
    };
}

// ---------------------------------------------------------------------------------------------
// Scenario 2: implicit TLS.

/// The words of the implicit-TLS walk-through.
pub mod implicit {
    use super::Words;

    /// The TCP connection to an implicit-TLS port.
    pub static CONNECT: Words = Words {
        explanation: "The client connects to a port where TLS is expected at once: 465 for \
                      submission, 993 for IMAP, 995 for POP3. No mail protocol byte is sent \
                      before TLS.",
        refs: &[("RFC 8314", "§3")],
    };
    /// The TLS handshake, first thing.
    pub static HANDSHAKE: Words = Words {
        explanation: "The first bytes are the TLS ClientHello. The client checks the \
                      certificate against the server name it was configured with; if TLS fails \
                      there is no plaintext to fall back to, and the connection simply fails.",
        refs: &[("RFC 8314", "§3"), ("RFC 7817", "§3")],
    };
    /// The greeting, inside TLS.
    pub static GREETING: Words = Words {
        explanation: "The server's greeting is already encrypted. IMAP would say `* OK` and \
                      POP3 `+OK` here.",
        refs: &[("RFC 8314", "§3"), ("RFC 5321", "§3.1")],
    };
    /// `EHLO`, inside TLS.
    pub static EHLO: Words = Words {
        explanation: "The extension list arrives encrypted, and there is no STARTTLS line for \
                      anyone to strip.",
        refs: &[("RFC 8314", "§3.1")],
    };
    /// `AUTH`.
    pub static AUTH: Words = Words {
        explanation: "The user logs in. TLS came first, so the password is never sent in \
                      plaintext.",
        refs: &[("RFC 4954", "§4")],
    };
    /// Submission of the message.
    pub static SUBMIT: Words = Words {
        explanation: "The message is submitted as in any SMTP session. The submission server \
                      then relays it on port 25, where STARTTLS, and its weaknesses, apply \
                      again.",
        refs: &[("RFC 6409", ""), ("RFC 8314", "§1")],
    };
}

// ---------------------------------------------------------------------------------------------
// Scenario 3: TLS 1.3.

/// The words of the TLS 1.3 walk-through.
pub mod tls13 {
    use super::Words;

    /// `ClientHello`.
    pub static CLIENT_HELLO: Words = Words {
        explanation: "The client offers TLS 1.3 in supported_versions and, guessing which group \
                      the server prefers, already sends a Diffie-Hellman public key in \
                      key_share. server_name (SNI) names the host it wants to reach.",
        refs: &[
            ("RFC 8446", "§4.1.2"),
            ("RFC 8446", "§4.2.1"),
            ("RFC 8446", "§4.2.8"),
            ("RFC 6066", "§3"),
        ],
    };
    /// `HelloRetryRequest`.
    pub static HELLO_RETRY_REQUEST: Words = Words {
        explanation: "Only when none of the client's key shares is in a group the server \
                      accepts: the server names the group it wants, at the cost of one more \
                      round trip. On the wire it is a ServerHello with a fixed, special random \
                      value.",
        refs: &[("RFC 8446", "§4.1.4")],
    };
    /// The second `ClientHello` after a retry.
    pub static CLIENT_HELLO_RETRY: Words = Words {
        explanation: "The client repeats its ClientHello with a key share in the requested \
                      group, and echoes the cookie if the server sent one.",
        refs: &[("RFC 8446", "§4.1.2"), ("RFC 8446", "§4.2.2")],
    };
    /// `ServerHello`.
    pub static SERVER_HELLO: Words = Words {
        explanation: "The server picks the cipher suite and answers with its own key share. \
                      Both sides now compute the same (EC)DHE secret and derive handshake keys, \
                      so every handshake message after this one is encrypted.",
        refs: &[("RFC 8446", "§4.1.3"), ("RFC 8446", "§7.1")],
    };
    /// The server's dummy `ChangeCipherSpec`.
    pub static CHANGE_CIPHER_SPEC: Words = Words {
        explanation: "In middlebox compatibility mode the server sends a meaningless, \
                      unencrypted ChangeCipherSpec record so the exchange looks like TLS 1.2 to \
                      old network equipment. TLS 1.3 drops it unread; it is why real traces \
                      show one.",
        refs: &[("RFC 8446", "App. D.4"), ("RFC 8446", "§5")],
    };
    /// `EncryptedExtensions`.
    pub static ENCRYPTED_EXTENSIONS: Words = Words {
        explanation: "Extensions that don't affect the key exchange, already encrypted. An \
                      eavesdropper sees little more of the negotiation than the two hellos.",
        refs: &[("RFC 8446", "§4.3.1")],
    };
    /// `CertificateRequest`.
    pub static CERTIFICATE_REQUEST: Words = Words {
        explanation: "Only if the server wants a client certificate; the client then sends its \
                      own Certificate and CertificateVerify before its Finished. Between mail \
                      servers a missing client certificate is normal.",
        refs: &[("RFC 8446", "§4.3.2")],
    };
    /// `Certificate`.
    pub static CERTIFICATE: Words = Words {
        explanation: "The server's certificate chain, leaf first. It is encrypted, so an \
                      eavesdropper can't see which certificate was used (in TLS 1.2 it can).",
        refs: &[("RFC 8446", "§4.4.2")],
    };
    /// `CertificateVerify`.
    pub static CERTIFICATE_VERIFY: Words = Words {
        explanation: "A signature over the whole handshake so far, made with the certificate's \
                      private key. It proves the server holds that key and that nobody altered \
                      the hellos.",
        refs: &[("RFC 8446", "§4.4.3")],
    };
    /// The server's `Finished`.
    pub static SERVER_FINISHED: Words = Words {
        explanation: "A MAC over the whole handshake under a key only the two endpoints can \
                      know. After it the server may already send data.",
        refs: &[("RFC 8446", "§4.4.4")],
    };
    /// The client's dummy `ChangeCipherSpec`.
    pub static CLIENT_CHANGE_CIPHER_SPEC: Words = Words {
        explanation: "The client's own compatibility-mode ChangeCipherSpec, sent in plaintext \
                      just before its encrypted flight and ignored by the server.",
        refs: &[("RFC 8446", "App. D.4")],
    };
    /// The client's `Finished`.
    pub static CLIENT_FINISHED: Words = Words {
        explanation: "The client checks CertificateVerify and Finished, and the certificate if \
                      its policy asks for that, then sends its own Finished. One round trip \
                      after its ClientHello, it can send data.",
        refs: &[("RFC 8446", "§4.4.4"), ("RFC 8446", "§2")],
    };
    /// Application data.
    pub static APPLICATION_DATA: Words = Words {
        explanation: "The SMTP conversation now travels under application traffic keys. They \
                      come from an ephemeral key exchange, so stealing the server's private key \
                      later does not decrypt recorded traffic: forward secrecy.",
        refs: &[("RFC 8446", "§7.1"), ("RFC 8446", "§1.2")],
    };
    /// `NewSessionTicket`.
    pub static NEW_SESSION_TICKET: Words = Words {
        explanation: "Optionally, after the handshake, the server hands out a ticket the client \
                      can use to resume later without a full handshake.",
        refs: &[("RFC 8446", "§4.6.1")],
    };
    /// The resumption `ClientHello`.
    pub static RESUME_CLIENT_HELLO: Words = Words {
        explanation: "The client offers the ticket as a pre-shared key (PSK). With psk_dhe_ke \
                      it also sends a fresh key share, so the new session keeps forward secrecy; \
                      with psk_ke the keys come from the PSK alone and have none.",
        refs: &[
            ("RFC 8446", "§2.2"),
            ("RFC 8446", "§4.2.9"),
            ("RFC 8446", "§4.2.11"),
        ],
    };
    /// 0-RTT early data.
    pub static EARLY_DATA: Words = Words {
        explanation: "Optionally, data sent right behind the ClientHello under keys derived \
                      from the PSK only. It is not forward secret and can be replayed by an \
                      attacker, so only requests that are safe to repeat belong there.",
        refs: &[
            ("RFC 8446", "§2.3"),
            ("RFC 8446", "§8"),
            ("RFC 8446", "App. E.5"),
        ],
    };
    /// The resumption `ServerHello`.
    pub static RESUME_SERVER_HELLO: Words = Words {
        explanation: "The server accepts the ticket. No Certificate or CertificateVerify \
                      follows: the PSK, from an earlier authenticated session, stands in for \
                      them.",
        refs: &[("RFC 8446", "§4.1.3"), ("RFC 8446", "§4.2.11")],
    };
    /// The resumption `EncryptedExtensions`.
    pub static RESUME_ENCRYPTED_EXTENSIONS: Words = Words {
        explanation: "As in a full handshake, encrypted. If it carries early_data, the server \
                      accepted the 0-RTT data.",
        refs: &[("RFC 8446", "§4.3.1"), ("RFC 8446", "§4.2.10")],
    };
    /// The resumption server `Finished`.
    pub static RESUME_SERVER_FINISHED: Words = Words {
        explanation: "The server's Finished closes its side of the abbreviated handshake.",
        refs: &[("RFC 8446", "§4.4.4")],
    };
    /// The resumption client `Finished`.
    pub static RESUME_CLIENT_FINISHED: Words = Words {
        explanation: "The client ends any early data with EndOfEarlyData, then sends its \
                      Finished. The resumed session is ready.",
        refs: &[("RFC 8446", "§4.5"), ("RFC 8446", "§4.4.4")],
    };
}

// ---------------------------------------------------------------------------------------------
// Scenario 4: TLS 1.2.

/// The words of the TLS 1.2 walk-through.
pub mod tls12 {
    use super::Words;

    /// `ClientHello`.
    pub static CLIENT_HELLO: Words = Words {
        explanation: "The client offers its highest version, TLS 1.2, and a list of cipher \
                      suites, each naming key exchange, authentication, cipher and hash \
                      together. No key material is sent yet.",
        refs: &[
            ("RFC 5246", "§7.4.1.2"),
            ("RFC 8422", "§5.1"),
            ("RFC 6066", "§3"),
        ],
    };
    /// `ServerHello`.
    pub static SERVER_HELLO: Words = Words {
        explanation: "The server picks the version and one cipher suite. Everything until \
                      ChangeCipherSpec can be read by anyone on the path.",
        refs: &[("RFC 5246", "§7.4.1.3")],
    };
    /// `Certificate`.
    pub static CERTIFICATE: Words = Words {
        explanation: "The server's chain, leaf first, in plaintext: an eavesdropper sees \
                      exactly which certificate, and so which server, this is.",
        refs: &[("RFC 5246", "§7.4.2")],
    };
    /// `CertificateStatus`.
    pub static CERTIFICATE_STATUS: Words = Words {
        explanation: "Only if the client asked with status_request and the server staples an \
                      OCSP response. SMTP clients don't enforce revocation checks, so its \
                      absence is not a fault.",
        refs: &[("RFC 6066", "§8")],
    };
    /// `ServerKeyExchange`.
    pub static SERVER_KEY_EXCHANGE: Words = Words {
        explanation: "The server's ephemeral ECDH public key, signed with the certificate's key \
                      so the client knows who sent it. A fresh key for every connection is what \
                      gives forward secrecy.",
        refs: &[("RFC 8422", "§5.4"), ("RFC 5246", "§7.4.3")],
    };
    /// `CertificateRequest`.
    pub static CERTIFICATE_REQUEST: Words = Words {
        explanation: "Only if the server wants a client certificate. Received lines such as \
                      `verify=NO` describe this client certificate, never the server's.",
        refs: &[("RFC 5246", "§7.4.4")],
    };
    /// `ServerHelloDone`.
    pub static SERVER_HELLO_DONE: Words = Words {
        explanation: "The server has said everything for this round; it is the client's turn.",
        refs: &[("RFC 5246", "§7.4.5")],
    };
    /// `ClientKeyExchange`.
    pub static CLIENT_KEY_EXCHANGE: Words = Words {
        explanation: "The client sends its own ephemeral public key. Each side combines it with \
                      the other's to reach the same premaster secret, and from it the master \
                      secret and session keys.",
        refs: &[
            ("RFC 8422", "§5.7"),
            ("RFC 5246", "§8.1"),
            ("RFC 7627", "§4"),
        ],
    };
    /// The client's `ChangeCipherSpec`.
    pub static CLIENT_CHANGE_CIPHER_SPEC: Words = Words {
        explanation: "Not a handshake message but its own record type: from the next record \
                      on, this client encrypts with the new keys.",
        refs: &[("RFC 5246", "§7.1")],
    };
    /// The client's `Finished`.
    pub static CLIENT_FINISHED: Words = Words {
        explanation: "The first encrypted message: a check value over every handshake message, \
                      so tampering with the plaintext hellos is caught here.",
        refs: &[("RFC 5246", "§7.4.9")],
    };
    /// The server's `ChangeCipherSpec`.
    pub static SERVER_CHANGE_CIPHER_SPEC: Words = Words {
        explanation: "The server switches to the new keys for what it sends.",
        refs: &[("RFC 5246", "§7.1")],
    };
    /// The server's `Finished`.
    pub static SERVER_FINISHED: Words = Words {
        explanation: "The server's check value over the handshake. Two round trips after the \
                      ClientHello, data can flow.",
        refs: &[("RFC 5246", "§7.4.9"), ("RFC 5246", "§7.3")],
    };
    /// Application data.
    pub static APPLICATION_DATA: Words = Words {
        explanation: "The SMTP conversation continues inside TLS.",
        refs: &[("RFC 5246", "§10")],
    };
    /// Static RSA: `ServerHello`.
    pub static RSA_SERVER_HELLO: Words = Words {
        explanation: "A suite without ECDHE or DHE in its name (OpenSSL writes \
                      `AES256-GCM-SHA384`) uses the certificate's RSA key for the key exchange \
                      itself.",
        refs: &[("RFC 5246", "§7.4.1.3"), ("RFC 5246", "App. A.5")],
    };
    /// Static RSA: `Certificate`.
    pub static RSA_CERTIFICATE: Words = Words {
        explanation: "The certificate's long-term RSA public key will encrypt the secret, so no \
                      ServerKeyExchange follows.",
        refs: &[("RFC 5246", "§7.4.2"), ("RFC 5246", "§7.4.3")],
    };
    /// Static RSA: `ServerHelloDone`.
    pub static RSA_SERVER_HELLO_DONE: Words = Words {
        explanation: "The server's turn ends without any ephemeral key.",
        refs: &[("RFC 5246", "§7.4.5")],
    };
    /// Static RSA: `ClientKeyExchange`.
    pub static RSA_CLIENT_KEY_EXCHANGE: Words = Words {
        explanation: "The client picks the premaster secret and encrypts it to the server's \
                      long-term RSA key. Whoever records the connection and later obtains that \
                      private key can decrypt it, and every other recorded session: no forward \
                      secrecy, which is why TLS 1.3 removed this exchange.",
        refs: &[("RFC 5246", "§7.4.7.1"), ("RFC 8446", "§1.2")],
    };
    /// Static RSA: the rest.
    pub static RSA_FINISHED: Words = Words {
        explanation: "ChangeCipherSpec and Finished follow as in the ECDHE handshake. The \
                      session is encrypted, but only as safe as the server's key stays secret, \
                      forever.",
        refs: &[("RFC 5246", "§7.4.9")],
    };
}

// ---------------------------------------------------------------------------------------------
// Scenario 5: the downgrade.

/// The words of the downgrade walk-through.
pub mod downgrade {
    use super::Words;

    /// The greeting, seen by the attacker.
    pub static GREETING: Words = Words {
        explanation: "The sending server connects to the MX. Somewhere on the path sits an \
                      attacker who can change packets: a compromised router, a hostile \
                      network.",
        refs: &[("RFC 3207", "§6"), ("RFC 7672", "§1.3.1")],
    };
    /// `EHLO`.
    pub static EHLO: Words = Words {
        explanation: "The client asks for the extension list, in plaintext as always.",
        refs: &[("RFC 5321", "§4.1.1.1")],
    };
    /// The real `250-STARTTLS`.
    pub static CAPABILITIES: Words = Words {
        explanation: "The real server offers STARTTLS, but its reply passes through the \
                      attacker.",
        refs: &[("RFC 3207", "§6")],
    };
    /// The stripped reply.
    pub static STRIP: Words = Words {
        explanation: "The attacker deletes the STARTTLS line, or overwrites it so it no longer \
                      reads STARTTLS. The reply is still valid SMTP, so the client can't tell.",
        refs: &[("RFC 3207", "§6"), ("RFC 7672", "§1.3.1")],
    };
    /// The opportunistic client carries on.
    pub static NO_TLS: Words = Words {
        explanation: "With opportunistic TLS, no STARTTLS offer means no TLS: the sender \
                      delivers in plaintext rather than hold the mail. That is the design, and \
                      it is what the attacker relies on.",
        refs: &[("RFC 7435", ""), ("RFC 3207", "§6")],
    };
    /// The message in the clear.
    pub static MAIL_IN_CLEAR: Words = Words {
        explanation: "Envelope, headers and body cross the network in plaintext. The attacker \
                      can read all of it, and change it.",
        refs: &[("RFC 5321", "§4.1.1.4"), ("RFC 3207", "§6")],
    };
    /// The Received line without TLS.
    pub static RECORDED: Words = Words {
        explanation: "The receiving server writes `with ESMTP`, not ESMTPS, in its Received \
                      line. Neither side raises an alarm: that line and the servers' logs are \
                      the only trace.",
        refs: &[("RFC 3848", ""), ("RFC 5321", "§4.4")],
    };
    /// MTA-STS: the TXT record.
    pub static STS_TXT: Words = Words {
        explanation: "Before delivering, a sender that supports MTA-STS looks up \
                      `_mta-sts.<domain>`. A `v=STSv1` record says a policy exists, and its id \
                      says whether a cached copy is still current.",
        refs: &[("RFC 8461", "§3.1")],
    };
    /// MTA-STS: the policy over HTTPS.
    pub static STS_POLICY: Words = Words {
        explanation: "It fetches the policy over HTTPS, from a host with a publicly trusted \
                      certificate, and caches it for max_age seconds. `mode: enforce` means: \
                      only these MX hosts, only over TLS, only with a valid certificate.",
        refs: &[("RFC 8461", "§3.2"), ("RFC 8461", "§3.3")],
    };
    /// MTA-STS: trust on first use.
    pub static STS_TOFU: Words = Words {
        explanation: "This works only if the sender once got the policy without interference. \
                      An attacker who blocks that first lookup leaves the sender with no policy, \
                      back in the first story; after it, the cached policy holds for max_age.",
        refs: &[("RFC 8461", "§10.2"), ("RFC 8461", "§3.2")],
    };
    /// MTA-STS: the strip again.
    pub static STS_STRIP: Words = Words {
        explanation: "The attacker strips STARTTLS exactly as before.",
        refs: &[("RFC 3207", "§6")],
    };
    /// MTA-STS: the sender refuses.
    pub static STS_REFUSE: Words = Words {
        explanation: "The policy says enforce and the MX offers no STARTTLS, so the sender must \
                      not deliver. It keeps the message queued and retries later: the mail is \
                      late, not exposed.",
        refs: &[("RFC 8461", "§5")],
    };
    /// DANE: the MX record.
    pub static DANE_MX: Words = Words {
        explanation: "The sender's validating resolver returns the MX record with the ad flag: \
                      DNSSEC-validated. The attacker can't forge a signed answer or fake its \
                      absence; blocking it only delays the mail.",
        refs: &[("RFC 7672", "§2.1"), ("RFC 7672", "§2.2.1")],
    };
    /// DANE: the TLSA record.
    pub static DANE_TLSA: Words = Words {
        explanation: "A DNSSEC-validated TLSA record at `_25._tcp.<MX host>` says the server \
                      does TLS and which key or CA to expect. Without DNSSEC a sender ignores \
                      TLSA records: no DNSSEC, no protection.",
        refs: &[
            ("RFC 7672", "§2.2"),
            ("RFC 7672", "§2.3"),
            ("RFC 6698", "§2"),
        ],
    };
    /// DANE: the strip again.
    pub static DANE_STRIP: Words = Words {
        explanation: "The attacker strips STARTTLS once more.",
        refs: &[("RFC 3207", "§6")],
    };
    /// DANE: the sender refuses.
    pub static DANE_REFUSE: Words = Words {
        explanation: "A secure TLSA record set makes TLS mandatory for this host, even if none \
                      of its records is usable, so the sender won't send in plaintext. It \
                      defers and retries.",
        refs: &[("RFC 7672", "§2.2")],
    };
    /// REQUIRETLS: the message carries the demand.
    pub static REQUIRETLS_FLAG: Words = Words {
        explanation: "This time the author asked for it: the message was submitted with the \
                      REQUIRETLS option. Every hop must then use TLS to an MX validated by \
                      DNSSEC or MTA-STS, with a certificate validated by DANE or PKIX.",
        refs: &[("RFC 8689", "§2"), ("RFC 8689", "§4.2.1")],
    };
    /// REQUIRETLS: the strip again.
    pub static REQUIRETLS_STRIP: Words = Words {
        explanation: "The attacker strips STARTTLS again.",
        refs: &[("RFC 3207", "§6")],
    };
    /// REQUIRETLS: the bounce.
    pub static REQUIRETLS_BOUNCE: Words = Words {
        explanation: "The sender can't meet the requirement, so the message must not go out in \
                      plaintext. If no MX qualifies, the message is returned to its author as \
                      undeliverable.",
        refs: &[("RFC 8689", "§4.2.1"), ("RFC 8689", "§5")],
    };
    /// TLS-RPT: the TXT record.
    pub static TLSRPT_TXT: Words = Words {
        explanation: "The recipient domain publishes, at `_smtp._tls.<domain>`, where senders \
                      should send reports about TLS failures.",
        refs: &[("RFC 8460", "§3")],
    };
    /// TLS-RPT: the failure is counted.
    pub static TLSRPT_COUNT: Words = Words {
        explanation: "A sender that supports TLS-RPT counts the failed session under a result \
                      type, here starttls-not-supported.",
        refs: &[("RFC 8460", "§4.3")],
    };
    /// TLS-RPT: the report.
    pub static TLSRPT_REPORT: Words = Words {
        explanation: "Once a day the sender mails or posts a JSON summary per policy domain. It \
                      tells the domain owner something went wrong, typically a day later: a \
                      report, not an alert, and it cannot stop the mail.",
        refs: &[
            ("RFC 8460", "§4.1"),
            ("RFC 8460", "§4.4"),
            ("RFC 8460", "§5"),
        ],
    };
}

// ---------------------------------------------------------------------------------------------
// Scenario 6: certificate validation.

/// The words of the certificate walk-through.
pub mod certificate {
    use super::Words;

    /// `Certificate`.
    pub static CERTIFICATE: Words = Words {
        explanation: "The server sends its chain: its own certificate (the leaf), then the \
                      intermediates that link it to a root. The root itself is usually left \
                      out: the client must already have it.",
        refs: &[("RFC 8446", "§4.4.2"), ("RFC 5246", "§7.4.2")],
    };
    /// `CertificateVerify`.
    pub static CERTIFICATE_VERIFY: Words = Words {
        explanation: "The server proves it holds the leaf's private key (in TLS 1.2 with \
                      ECDHE, the ServerKeyExchange signature does this). The proof is worth only as much \
                      as the client's trust in the certificate.",
        refs: &[("RFC 8446", "§4.4.3"), ("RFC 5246", "§7.4.3")],
    };
    /// The chain check.
    pub static CHAIN: Words = Words {
        explanation: "Each certificate must be signed by the next, each issuer must be a CA, \
                      and the chain must end at a root in the client's trust store.",
        refs: &[("RFC 5280", "§6.1"), ("RFC 5280", "§4.2.1.9")],
    };
    /// The name check.
    pub static HOSTNAME: Words = Words {
        explanation: "The name checked is the MX host the client connected to, not the \
                      recipient's domain, and only DNS names in subjectAltName count, never the \
                      CN. A wildcard covers exactly one leftmost label.",
        refs: &[
            ("RFC 8461", "§4.2"),
            ("RFC 9525", "§6"),
            ("RFC 7672", "§3.2.2"),
        ],
    };
    /// The dates check.
    pub static EXPIRY: Words = Words {
        explanation: "The current time must lie between notBefore and notAfter, for every \
                      certificate in the chain.",
        refs: &[("RFC 5280", "§4.1.2.5"), ("RFC 5280", "§6.1.3")],
    };
    /// What opportunistic TLS skips.
    pub static OPPORTUNISTIC: Words = Words {
        explanation: "A sender with no MTA-STS or DANE policy for the domain usually skips all \
                      three checks: an expired, self-signed or misnamed certificate still gets \
                      an encrypted connection. That stops eavesdroppers, but not an attacker who \
                      presents a certificate of their own.",
        refs: &[("RFC 3207", "§4.1"), ("RFC 7435", ""), ("RFC 7672", "§1.3")],
    };
    /// What MTA-STS and DANE senders do.
    pub static POLICY: Words = Words {
        explanation: "Under an MTA-STS enforce policy or DANE-TA(2) records, a failed check \
                      fails the delivery attempt: the sender defers and retries, and never falls \
                      back to plaintext. Under DANE-EE(3) only the key must match the TLSA \
                      record; names and dates are ignored.",
        refs: &[
            ("RFC 8461", "§5"),
            ("RFC 7672", "§3.1.1"),
            ("RFC 7672", "§3.1.2"),
            ("RFC 7671", "§5.1"),
        ],
    };
}

// ---------------------------------------------------------------------------------------------
// Endings.

/// The endings of the walk-throughs.
pub mod endings {
    use super::EndingWords;

    /// STARTTLS: encrypted on this hop.
    pub static STARTTLS: EndingWords = EndingWords {
        title: "Encrypted on this hop",
        text: "TLS protected this one connection: not the stored message, and not the next hop. \
               Only end-to-end encryption such as S/MIME or OpenPGP protects the message itself, \
               and nothing here stopped an attacker from deleting the STARTTLS line.",
        refs: &[("RFC 3207", "§6"), ("RFC 8551", ""), ("RFC 9580", "")],
    };
    /// Implicit TLS.
    pub static IMPLICIT_TLS: EndingWords = EndingWords {
        title: "No plaintext phase, no downgrade",
        text: "RFC 8314 prefers implicit TLS to STARTTLS for submission and access, and RFC 8997 \
               requires at least TLS 1.2 there. Relay between MX hosts has no such port: it \
               relies on STARTTLS plus MTA-STS or DANE.",
        refs: &[
            ("RFC 8314", "§3"),
            ("RFC 8997", ""),
            ("RFC 8461", ""),
            ("RFC 7672", ""),
        ],
    };
    /// TLS 1.3.
    pub static TLS13: EndingWords = EndingWords {
        title: "One round trip, forward secret",
        text: "TLS 1.3 hides the certificate and always has forward secrecy, except in psk_ke \
               resumption and 0-RTT data. TLS 1.2 and 1.3 are the baseline (NIST SP 800-52r2, \
               as SP 800-177r1 directs); SSL 3.0 (RFC 7568) and TLS 1.0 and 1.1 (RFC 8996) are \
               deprecated.",
        refs: &[
            ("RFC 8446", "§1.2"),
            ("NIST SP 800-52r2", "§3.1"),
            ("NIST SP 800-177r1", ""),
            ("RFC 7568", ""),
            ("RFC 8996", ""),
        ],
    };
    /// TLS 1.2.
    pub static TLS12: EndingWords = EndingWords {
        title: "Two round trips, forward secret only with (EC)DHE",
        text: "TLS 1.2 with ECDHE and an AEAD cipher is still sound, and between MX hosts any \
               TLS beats plaintext. Static RSA key exchange has no forward secrecy; SSL 3.0 \
               (RFC 7568) and TLS 1.0 and 1.1 (RFC 8996) are deprecated.",
        refs: &[
            ("RFC 5246", "§7.3"),
            ("NIST SP 800-52r2", "§3.1"),
            ("RFC 7435", ""),
            ("RFC 7568", ""),
            ("RFC 8996", ""),
        ],
    };
    /// Certificate validation.
    pub static CERTIFICATE: EndingWords = EndingWords {
        title: "A bad certificate never causes plaintext",
        text: "An expired certificate doesn't push opportunistic senders to plaintext: they \
               keep encrypting, unauthenticated, while MTA-STS and DANE-TA senders defer. \
               Cleartext retries come from failed handshakes (Exim's tls_tempfail_tryclear, \
               Postfix at security level may), not from certificates.",
        refs: &[
            ("RFC 8461", "§5"),
            ("RFC 7672", "§3.1.2"),
            ("Exim specification", "tls_tempfail_tryclear"),
            ("Postfix TLS_README", "Opportunistic TLS"),
        ],
    };
    /// Downgrade: no protection.
    pub static DOWNGRADE_PLAINTEXT: EndingWords = EndingWords {
        title: "Delivered in plaintext, nobody warned",
        text: "Without MTA-STS or DANE for the recipient domain, a sender cannot tell a stripped \
               STARTTLS from a server that never offered it. The mail arrives, readable and \
               alterable on the way.",
        refs: &[("RFC 3207", "§6"), ("RFC 7672", "§1.3.1")],
    };
    /// Downgrade: MTA-STS in testing mode.
    pub static DOWNGRADE_TESTING: EndingWords = EndingWords {
        title: "Delivered in plaintext, reported later",
        text: "A policy in testing mode asks senders to report failures but still deliver. The \
               mail goes out in plaintext; a TLS-RPT report may tell you the next day.",
        refs: &[("RFC 8461", "§5"), ("RFC 8460", "§4.1")],
    };
    /// Downgrade: stopped by MTA-STS.
    pub static DOWNGRADE_STS: EndingWords = EndingWords {
        title: "Delivery deferred by MTA-STS",
        text: "Senders that already hold your enforce policy refuse to deliver without TLS and \
               retry later. A sender meeting your domain for the first time, with the policy \
               lookup blocked, is not protected.",
        refs: &[("RFC 8461", "§5"), ("RFC 8461", "§10.2")],
    };
    /// Downgrade: stopped by DANE.
    pub static DOWNGRADE_DANE: EndingWords = EndingWords {
        title: "Delivery deferred by DANE",
        text: "Senders that validate DNSSEC see your TLSA records and refuse to deliver without \
               TLS. Where a sender also has an MTA-STS policy, a failing DANE check is not \
               overridden by it.",
        refs: &[("RFC 7672", "§2.2"), ("RFC 8461", "§2")],
    };
    /// Downgrade: the message opted out with `TLS-Required: No`.
    pub static DOWNGRADE_OPTED_OUT: EndingWords = EndingWords {
        title: "Delivered in plaintext: the message opted out",
        text: "This message carries `TLS-Required: No`, which asks senders to ignore MTA-STS and \
               DANE for it. A sender that honours the field delivers even when TLS is stripped.",
        refs: &[("RFC 8689", "§3")],
    };
}

// ---------------------------------------------------------------------------------------------
// Personal notes: sentences that carry the reader's own facts.

/// The note shown when no data was given.
pub const EXAMPLE_NOTE: &str = "This walk-through uses example names (mx.example.net, \
                                example.org) because no headers or records were given. Paste \
                                yours to see your own mail in it.";

/// "hop 3 (a.example → b.example)".
pub fn hop_name(hop: &HopFacts) -> String {
    match (&hop.from, &hop.by) {
        (Some(from), Some(by)) => format!("hop {} ({from} \u{2192} {by})", hop.number),
        (None, Some(by)) => format!("hop {} (received by {by})", hop.number),
        (Some(from), None) => format!("hop {} (from {from})", hop.number),
        (None, None) => format!("hop {}", hop.number),
    }
}

/// What an encrypted hop negotiated.
pub fn hop_negotiated(hop: &HopFacts) -> String {
    let cipher = hop
        .cipher
        .as_deref()
        .unwrap_or("an unrecorded cipher suite");
    let version = match (hop.version, hop.version_at_least) {
        (Some(v), _) => format!("over {v}"),
        (None, Some(v)) => format!("over {v} or newer (the exact version isn't recorded)"),
        (None, None) => "(the version isn't recorded)".to_string(),
    };
    let mut note = format!(
        "Your mail's {} negotiated {cipher} {version}.",
        hop_name(hop)
    );
    if let Some(group) = &hop.key_exchange {
        note.push_str(&format!(" The key exchange used {group}."));
    }
    note.push_str(&claimed_suffix(hop));
    note
}

/// A hop that used static RSA key exchange.
pub fn hop_static_rsa(hop: &HopFacts) -> String {
    format!(
        "Your mail's {} used {}: this exchange, with no forward secrecy.",
        hop_name(hop),
        hop.cipher.as_deref().unwrap_or("a static RSA suite")
    )
}

/// A hop that used finite-field DHE rather than ECDHE.
pub fn hop_dhe(hop: &HopFacts) -> String {
    format!(
        "Your mail's {} used finite-field DHE rather than ECDHE: the same messages, with \
         different arithmetic in ServerKeyExchange and ClientKeyExchange (RFC 5246 §7.4.3).",
        hop_name(hop)
    )
}

/// A hop that used a version other than the walk-through's.
pub fn hop_other_version(hop: &HopFacts, walkthrough: &str) -> String {
    let version = hop
        .version
        .map_or("an unrecorded version".to_string(), |v| v.to_string());
    format!(
        "Your mail's {} used {version}; the {walkthrough} walk-through shows that handshake.",
        hop_name(hop)
    )
}

/// A hop with a retired protocol version.
pub fn hop_deprecated(hop: &HopFacts, rfc: &str) -> String {
    let version = hop.version.map_or(String::new(), |v| v.to_string());
    format!(
        "Your mail's {} used {version}, deprecated by {rfc}. Between mail servers it is still \
         better than plaintext, but both ends should move to TLS 1.2 or 1.3.",
        hop_name(hop)
    )
}

/// A plaintext hop, where the downgrade story happened (or could have).
pub fn hop_plaintext(hop: &HopFacts) -> String {
    format!(
        "This is where it happened in your mail: {} was recorded without TLS. The headers can't \
         say why: the server may not offer STARTTLS, the sender may not try it, or someone on \
         the path removed it as shown here.{}",
        hop_name(hop),
        claimed_suffix(hop)
    )
}

/// The Received line of the plaintext hop.
pub fn hop_received_line(hop: &HopFacts) -> String {
    let with = hop.with.as_deref().unwrap_or("no TLS clause");
    let by = hop.by.as_deref().unwrap_or("the receiving server");
    format!(
        "In your headers, {by} wrote `with {with}` for hop {}: the trace this attack leaves.",
        hop.number
    )
}

/// A plaintext hop seen from the STARTTLS walk-through.
pub fn hop_plaintext_in_starttls(hop: &HopFacts) -> String {
    format!(
        "Your mail's {} was recorded without TLS: for it, this conversation never got past \
         the extension list. The downgrade walk-through shows one way that happens.",
        hop_name(hop)
    )
}

/// A plaintext hop that did not deliver to the reader's own MX.
pub fn hop_not_into_mx(hop: &HopFacts) -> String {
    let by = hop.by.as_deref().unwrap_or("another server");
    format!(
        "Your plaintext hop {} delivered to {by}, not to your own MX. Your MTA-STS or DANE \
         policy protects only connections to your MX hosts; that hop depended on the policy of \
         {by}'s domain.",
        hop.number
    )
}

/// No public hop was plaintext.
pub const NO_PLAINTEXT_HOP: &str = "No public hop in your headers is recorded as plaintext, so \
                                    this did not happen on the hops your headers describe.";

/// Upstream hops can be forged.
fn claimed_suffix(hop: &HopFacts) -> String {
    if hop.claimed_upstream {
        " (This line was written before your border MX: it is the sender's claim and could be \
         forged.)"
            .to_string()
    } else {
        String::new()
    }
}

/// The reader's certificate, as the Certificate message carries it.
pub fn certificate_sent(cert: &CertFacts) -> String {
    format!(
        "Your certificate: subject {}, issued by {}.",
        cert.subject, cert.issuer
    )
}

/// The reader's certificate's expiry. `dane_ee` is true when DNSSEC-validated DANE-EE(3)
/// records exist, which ignore dates (RFC 7671 §5.1).
pub fn certificate_expiry(cert: &CertFacts, dane_ee: bool) -> String {
    if cert.days_left < 0 {
        let dane = if dane_ee {
            " DANE senders still accept it if your DANE-EE(3) record matches its key, as \
             DANE-EE ignores dates."
        } else {
            " DANE-TA senders defer too."
        };
        format!(
            "Your certificate expired on {} ({} days ago). Opportunistic senders still deliver \
             to you over TLS, unauthenticated; MTA-STS senders defer.{dane}",
            cert.not_after,
            cert.days_left.unsigned_abs()
        )
    } else {
        format!(
            "Your certificate is valid until {} ({} days from now).",
            cert.not_after, cert.days_left
        )
    }
}

/// The reader's certificate is self-signed.
pub const CERTIFICATE_SELF_SIGNED: &str = "Your certificate is self-signed, so it chains to no \
                                           public root. MTA-STS senders refuse it; a matching \
                                           DANE-EE(3) record makes it fully valid for DANE \
                                           senders.";

/// The reader's certificate is checked against this name.
pub fn certificate_name(host: &str) -> String {
    format!("For your mail, the name to match is {host}.")
}

/// The reader's MTA-STS mode.
pub fn sts_mode(mode: StsMode) -> String {
    match mode {
        StsMode::Enforce => "Your MTA-STS policy is in enforce mode.".to_string(),
        StsMode::Testing => "Your policy is in testing mode: senders report failures but still \
                             deliver, so the first story applies to you."
            .to_string(),
        StsMode::None => "Your policy is in mode none: it protects nothing, so the first story \
                          applies to you."
            .to_string(),
    }
}

/// The reader's TLSA records, by their DNSSEC status.
pub fn tlsa(usages: &[u8], dnssec_validated: Option<bool>) -> String {
    let list = usages
        .iter()
        .map(|u| match u {
            0 => "PKIX-TA(0)".to_string(),
            1 => "PKIX-EE(1)".to_string(),
            2 => "DANE-TA(2)".to_string(),
            3 => "DANE-EE(3)".to_string(),
            other => format!("usage {other}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    match dnssec_validated {
        Some(true) => {
            format!("Your TLSA records ({list}) are DNSSEC-validated: this is your case.")
        }
        Some(false) => format!(
            "Your TLSA records ({list}) came without the ad flag, so they are not \
             DNSSEC-validated and senders ignore them."
        ),
        None => format!(
            "You have TLSA records ({list}), but the pasted output doesn't show the ad flag. \
             Paste `dig +dnssec` output to see whether senders can use them."
        ),
    }
}

/// The reader has TLS-RPT.
pub fn tls_rpt(rua_present: bool) -> String {
    if rua_present {
        "Your domain publishes a TLS-RPT address, so senders that support it will report this \
         failure to you."
            .to_string()
    } else {
        "Your TLS-RPT record has no usable rua address, so no report reaches you.".to_string()
    }
}

/// The reader has no TLS-RPT record among the inputs.
pub const NO_TLS_RPT: &str = "No TLS-RPT record was given: without one, nobody reports this \
                              failure to you.";

/// No policy information was given, but headers were.
pub const NO_POLICY_GIVEN: &str = "No MTA-STS policy or TLSA records were given, so this shows \
                                   a domain without either. Paste them to see how your story \
                                   ends.";

/// The message carries `TLS-Required: No`.
pub fn tls_required(value: &str) -> String {
    format!(
        "Your message carries `TLS-Required: {value}`: the sender asked relays to ignore \
         MTA-STS and DANE for it (RFC 8689 §3). Common on list mail; it is information, not a \
         fault."
    )
}
