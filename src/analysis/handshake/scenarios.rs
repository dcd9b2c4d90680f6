//! The step lists of each walk-through, personalised from [`Facts`].
//!
//! Must not hold prose: every explanation and reference comes from `words.rs`. What is written
//! here is structure (who sends what, in which order, how it is protected) and the message
//! contents, with field and extension names as the RFCs write them.

use super::words::{self, EndingWords};
use super::{
    references, Act, Actor, Encryption, Ending, Facts, HopFacts, Outcome, Scenario, Step, StsMode,
    Walkthrough,
};
use crate::analysis::tls::{KeyExchange, TlsVersion};

use Actor::{
    Attacker, ClientMta, DnsResolver, MailClient, MailServer, PolicyHost, ReportReceiver, ServerMta,
};
use Encryption::{
    ApplicationKeys, EarlyDataKeys, HandshakeKeys, Mixed, NotOnWire, OwnConnection, Plaintext,
};

/// The example receiving MX (RFC 2606 names).
const EXAMPLE_MX: &str = "mx.example.net";
/// The example sending server.
const EXAMPLE_CLIENT: &str = "mail.example.org";
/// The example recipient domain.
const EXAMPLE_DOMAIN: &str = "example.net";
/// The example TLS 1.3 suite.
const EXAMPLE_TLS13_SUITE: &str = "TLS_AES_128_GCM_SHA256";
/// The example TLS 1.2 suite.
const EXAMPLE_TLS12_SUITE: &str = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
/// The example static-RSA suite.
const EXAMPLE_RSA_SUITE: &str = "TLS_RSA_WITH_AES_256_GCM_SHA384";

/// (TLS 1.2 step, TLS 1.3 step, what differs). Each column lists its full handshake once, in
/// order (a test checks), so a row pairs messages that play the same part.
pub(super) const SIDE_BY_SIDE: &[(Option<&str>, Option<&str>, &str)] = &[
    (
        Some("client-hello"),
        Some("client-hello"),
        "TLS 1.3 already sends a key share; TLS 1.2 only lists cipher suites.",
    ),
    (
        None,
        Some("hello-retry-request"),
        "Only TLS 1.3 needs a retry, when its guess of the group was wrong.",
    ),
    (None, Some("client-hello-retry"), ""),
    (
        Some("server-hello"),
        Some("server-hello"),
        "In TLS 1.3 both sides have handshake keys right after this message.",
    ),
    (
        None,
        Some("change-cipher-spec"),
        "A compatibility dummy in TLS 1.3, sent only to look like TLS 1.2.",
    ),
    (
        None,
        Some("encrypted-extensions"),
        "TLS 1.3 moves most extensions out of ServerHello so that they are encrypted.",
    ),
    (
        None,
        Some("certificate-request"),
        "TLS 1.3 asks for a client certificate before sending its own.",
    ),
    (
        Some("certificate"),
        Some("certificate"),
        "Plaintext in TLS 1.2, encrypted in TLS 1.3.",
    ),
    (
        Some("certificate-status"),
        None,
        "TLS 1.3 carries a stapled OCSP response inside the Certificate message.",
    ),
    (
        Some("server-key-exchange"),
        Some("certificate-verify"),
        "Both carry the server's signature: TLS 1.2 signs its key-exchange parameters, TLS 1.3 \
         the whole transcript.",
    ),
    (Some("certificate-request"), None, ""),
    (
        Some("server-hello-done"),
        Some("server-finished"),
        "TLS 1.2 only ends the server's turn; TLS 1.3 already finishes.",
    ),
    (
        Some("client-key-exchange"),
        None,
        "TLS 1.3 sent the client's key share in the ClientHello.",
    ),
    (
        Some("client-change-cipher-spec"),
        Some("client-change-cipher-spec"),
        "A real signal in TLS 1.2, a compatibility dummy in TLS 1.3.",
    ),
    (
        Some("client-finished"),
        Some("client-finished"),
        "TLS 1.3 is complete here, after one round trip.",
    ),
    (Some("server-change-cipher-spec"), None, ""),
    (
        Some("server-finished"),
        None,
        "TLS 1.2 is complete here, after two round trips.",
    ),
    (Some("application-data"), Some("application-data"), ""),
    (
        None,
        Some("new-session-ticket"),
        "TLS 1.3 issues resumption tickets after the handshake, encrypted.",
    ),
];

// ---------------------------------------------------------------------------------------------
// Scenario 1: SMTP with STARTTLS.

/// SMTP with STARTTLS.
pub(super) fn starttls(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::Starttls;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let server = tls_server(facts);
    let client = tls_client(facts);
    let c2s = (ClientMta, ServerMta);
    let s2c = (ServerMta, ClientMta);
    let hop = facts.encrypted_hop.as_ref();
    let mut act = Act::new("session", "One SMTP session", &[ClientMta, ServerMta]);
    use words::starttls as w;

    act.push(
        step("greeting", s2c, "220 greeting", Plaintext, &w::GREETING)
            .field("reply", format!("220 {server} ESMTP")),
    );
    act.push(
        step("ehlo", c2s, "EHLO", Plaintext, &w::EHLO).field("command", format!("EHLO {client}")),
    );
    act.push(
        step(
            "capabilities",
            s2c,
            "250-STARTTLS",
            Plaintext,
            &w::CAPABILITIES,
        )
        .field("reply", format!("250-{server}"))
        .field("reply", "250-PIPELINING")
        .field("reply", "250-SIZE 52428800")
        .field("reply", "250-STARTTLS")
        .field("reply", "250 8BITMIME")
        .note(
            facts
                .plaintext_hop
                .as_ref()
                .map(words::hop_plaintext_in_starttls),
            true,
        ),
    );
    act.push(
        step("starttls", c2s, "STARTTLS", Plaintext, &w::STARTTLS).field("command", "STARTTLS"),
    );
    act.push(
        step("ready", s2c, "220 Ready to start TLS", Plaintext, &w::READY)
            .field("reply", "220 2.0.0 Ready to start TLS"),
    );
    let (version, suite) = match hop {
        Some(hop) => (
            hop.version
                .map_or("not recorded".to_string(), |v| v.to_string()),
            hop.cipher.clone().unwrap_or_default(),
        ),
        None => (
            TlsVersion::Tls1_3.to_string(),
            EXAMPLE_TLS13_SUITE.to_string(),
        ),
    };
    let detail = match hop {
        Some(hop) if !hop.is_tls13() && hop.version.is_some() => Scenario::Tls12,
        _ => Scenario::Tls13,
    };
    act.push(
        step("handshake", c2s, "TLS handshake", Mixed, &w::HANDSHAKE)
            .field("version", version)
            .field("cipher suite", suite)
            .field("server_name", server.clone())
            .expands(detail)
            .note(hop.map(words::hop_negotiated), true),
    );
    act.push(
        step("ehlo-again", c2s, "EHLO", ApplicationKeys, &w::EHLO_AGAIN)
            .field("command", format!("EHLO {client}")),
    );
    act.push(
        step(
            "capabilities-again",
            s2c,
            "250 EHLO reply",
            ApplicationKeys,
            &w::CAPABILITIES_AGAIN,
        )
        .field("reply", format!("250-{server}"))
        .field("reply", "250-PIPELINING")
        .field("reply", "250-SIZE 52428800")
        .field("reply", "250-AUTH PLAIN LOGIN (submission only)")
        .field("reply", "250-REQUIRETLS (if supported)")
        .field("reply", "250 8BITMIME"),
    );
    act.push(
        step("auth", c2s, "AUTH", ApplicationKeys, &w::AUTH)
            .field("command", "AUTH PLAIN <base64 user and password>")
            .optional(),
    );
    act.push(
        step(
            "mail-from",
            c2s,
            "MAIL FROM",
            ApplicationKeys,
            &w::MAIL_FROM,
        )
        .field("command", "MAIL FROM:<alice@example.org>"),
    );
    act.push(
        step("rcpt-to", c2s, "RCPT TO", ApplicationKeys, &w::RCPT_TO)
            .field("command", format!("RCPT TO:<bob@{}>", domain(facts))),
    );
    act.push(
        step("data", c2s, "DATA", ApplicationKeys, &w::DATA)
            .field("command", "DATA")
            .field("message", "headers, blank line, body")
            .field("end", "."),
    );
    act.push(
        step("queued", s2c, "250 OK", ApplicationKeys, &w::QUEUED)
            .field("reply", "250 2.0.0 Ok: queued"),
    );

    finish(
        scenario,
        facts,
        vec![act],
        outcome(Ending::Encrypted, &words::endings::STARTTLS, Vec::new()),
    )
}

// ---------------------------------------------------------------------------------------------
// Scenario 2: implicit TLS.

/// Implicit TLS for submission and access.
pub(super) fn implicit_tls(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::ImplicitTls;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let c2s = (MailClient, MailServer);
    let s2c = (MailServer, MailClient);
    let submit = "submit.example.net";
    let mut act = Act::new(
        "session",
        "Submission on port 465",
        &[MailClient, MailServer],
    );
    use words::implicit as w;

    act.push(
        step("connect", c2s, "TCP connection", Plaintext, &w::CONNECT)
            .field("port 465", "SMTP submission (submissions)")
            .field("port 993", "IMAP (imaps)")
            .field("port 995", "POP3 (pop3s)"),
    );
    act.push(
        step("handshake", c2s, "TLS handshake", Mixed, &w::HANDSHAKE)
            .field("server_name", submit)
            .field("version", "TLSv1.2 or TLSv1.3")
            .expands(Scenario::Tls13),
    );
    act.push(
        step(
            "greeting",
            s2c,
            "220 greeting",
            ApplicationKeys,
            &w::GREETING,
        )
        .field("reply", format!("220 {submit} ESMTP")),
    );
    act.push(
        step("ehlo", c2s, "EHLO", ApplicationKeys, &w::EHLO)
            .field("command", "EHLO [192.0.2.10]")
            .field("reply", "250-AUTH PLAIN LOGIN"),
    );
    act.push(
        step("auth", c2s, "AUTH", ApplicationKeys, &w::AUTH)
            .field("command", "AUTH PLAIN <base64 user and password>")
            .field("reply", "235 2.7.0 Authentication successful"),
    );
    act.push(
        step("submit", c2s, "MAIL FROM", ApplicationKeys, &w::SUBMIT)
            .field("command", "MAIL FROM:<alice@example.org>")
            .field("then", "RCPT TO, DATA, as on port 25"),
    );

    finish(
        scenario,
        facts,
        vec![act],
        outcome(Ending::Encrypted, &words::endings::IMPLICIT_TLS, Vec::new()),
    )
}

// ---------------------------------------------------------------------------------------------
// Scenario 3: TLS 1.3.

/// The TLS 1.3 handshake, with HelloRetryRequest, NewSessionTicket and resumption.
pub(super) fn tls13(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::Tls13;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let c2s = (ClientMta, ServerMta);
    let s2c = (ServerMta, ClientMta);
    let server = tls_server(facts);
    let hop = facts.encrypted_hop.as_ref().filter(|hop| hop.is_tls13());
    let suite = hop
        .and_then(|hop| hop.cipher.clone())
        .unwrap_or_else(|| EXAMPLE_TLS13_SUITE.to_string());
    let group = hop
        .and_then(|hop| hop.key_exchange.as_deref())
        .map_or_else(|| "x25519".to_string(), group_name);
    let mut personal = Vec::new();
    if let Some(other) = facts.encrypted_hop.as_ref().filter(|h| !h.is_tls13()) {
        personal.push(words::hop_other_version(other, "TLS 1.2"));
    }
    use words::tls13 as w;

    let mut full = Act::new("full", "Full handshake", &[ClientMta, ServerMta]);
    full.push(
        step(
            "client-hello",
            c2s,
            "ClientHello",
            Plaintext,
            &w::CLIENT_HELLO,
        )
        .field(
            "legacy_version",
            "0x0303 (TLS 1.2, kept for old middleboxes)",
        )
        .field("random", "32 random bytes")
        .field("legacy_session_id", "32 bytes (compatibility mode)")
        .field(
            "cipher_suites",
            "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256",
        )
        .field("server_name", server.clone())
        .field("supported_versions", "TLS 1.3, TLS 1.2")
        .field("supported_groups", "x25519, secp256r1, secp384r1")
        .field("key_share", format!("{group} public key"))
        .field(
            "signature_algorithms",
            "ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256",
        ),
    );
    full.push(
        step(
            "hello-retry-request",
            s2c,
            "HelloRetryRequest",
            Plaintext,
            &w::HELLO_RETRY_REQUEST,
        )
        .field("random", "SHA-256 of \"HelloRetryRequest\" (fixed)")
        .field("supported_versions", "TLS 1.3")
        .field("key_share", "selected_group: secp256r1")
        .field("cookie", "opaque server state (optional)")
        .optional(),
    );
    full.push(
        step(
            "client-hello-retry",
            c2s,
            "ClientHello",
            Plaintext,
            &w::CLIENT_HELLO_RETRY,
        )
        .field("key_share", "secp256r1 public key")
        .field("cookie", "echoed from the HelloRetryRequest")
        .optional(),
    );
    full.push(
        step(
            "server-hello",
            s2c,
            "ServerHello",
            Plaintext,
            &w::SERVER_HELLO,
        )
        .field("legacy_version", "0x0303")
        .field("random", "32 random bytes")
        .field("cipher_suite", suite)
        .field("supported_versions", "TLS 1.3 (0x0304)")
        .field("key_share", format!("{group} public key"))
        .note(hop.map(words::hop_negotiated), true),
    );
    full.push(
        step(
            "change-cipher-spec",
            s2c,
            "ChangeCipherSpec",
            Plaintext,
            &w::CHANGE_CIPHER_SPEC,
        )
        .field("record type", "change_cipher_spec (20)")
        .field("payload", "0x01")
        .optional(),
    );
    full.push(
        step(
            "encrypted-extensions",
            s2c,
            "EncryptedExtensions",
            HandshakeKeys,
            &w::ENCRYPTED_EXTENSIONS,
        )
        .field(
            "server_name",
            "empty, if the server used the name (optional)",
        )
        .field("supported_groups", "the server's preference (optional)"),
    );
    full.push(
        step(
            "certificate-request",
            s2c,
            "CertificateRequest",
            HandshakeKeys,
            &w::CERTIFICATE_REQUEST,
        )
        .field("signature_algorithms", "what a client certificate may use")
        .optional(),
    );
    full.push(certificate_step(
        step(
            "certificate",
            s2c,
            "Certificate",
            HandshakeKeys,
            &w::CERTIFICATE,
        ),
        facts,
        &server,
    ));
    full.push(
        step(
            "certificate-verify",
            s2c,
            "CertificateVerify",
            HandshakeKeys,
            &w::CERTIFICATE_VERIFY,
        )
        .field("algorithm", "rsa_pss_rsae_sha256")
        .field(
            "signature",
            "over the transcript hash, with the certificate's key",
        ),
    );
    full.push(
        step(
            "server-finished",
            s2c,
            "Finished",
            HandshakeKeys,
            &w::SERVER_FINISHED,
        )
        .field("verify_data", "HMAC of the transcript hash"),
    );
    full.push(
        step(
            "client-change-cipher-spec",
            c2s,
            "ChangeCipherSpec",
            Plaintext,
            &w::CLIENT_CHANGE_CIPHER_SPEC,
        )
        .field("record type", "change_cipher_spec (20)")
        .field("payload", "0x01")
        .optional(),
    );
    full.push(
        step(
            "client-finished",
            c2s,
            "Finished",
            HandshakeKeys,
            &w::CLIENT_FINISHED,
        )
        .field("verify_data", "HMAC of the transcript hash"),
    );
    full.push(
        step(
            "application-data",
            c2s,
            "application_data",
            ApplicationKeys,
            &w::APPLICATION_DATA,
        )
        .field("record type", "application_data (23)")
        .field("carries", "EHLO, MAIL FROM, RCPT TO, DATA"),
    );
    full.push(
        step(
            "new-session-ticket",
            s2c,
            "NewSessionTicket",
            ApplicationKeys,
            &w::NEW_SESSION_TICKET,
        )
        .field("ticket_lifetime", "7200 seconds (at most 7 days)")
        .field("ticket_age_add", "random obfuscation value")
        .field("ticket_nonce", "unique per ticket")
        .field("ticket", "opaque, only the server can read it")
        .optional(),
    );

    let mut resume = Act::new(
        "resumption",
        "Resumption with a ticket (optional)",
        &[ClientMta, ServerMta],
    );
    resume.push(
        step(
            "resume-client-hello",
            c2s,
            "ClientHello",
            Plaintext,
            &w::RESUME_CLIENT_HELLO,
        )
        .field("psk_key_exchange_modes", "psk_dhe_ke")
        .field("key_share", format!("{group} public key"))
        .field("early_data", "only when sending 0-RTT data")
        .field(
            "pre_shared_key",
            "identity: the ticket; binder: HMAC proving the PSK",
        )
        .optional(),
    );
    resume.push(
        step(
            "early-data",
            c2s,
            "application_data (0-RTT)",
            EarlyDataKeys,
            &w::EARLY_DATA,
        )
        .field("keys", "client_early_traffic_secret, from the PSK only")
        .optional(),
    );
    resume.push(
        step(
            "resume-server-hello",
            s2c,
            "ServerHello",
            Plaintext,
            &w::RESUME_SERVER_HELLO,
        )
        .field("pre_shared_key", "selected_identity: 0")
        .field("key_share", format!("{group} public key (psk_dhe_ke)"))
        .optional(),
    );
    resume.push(
        step(
            "resume-encrypted-extensions",
            s2c,
            "EncryptedExtensions",
            HandshakeKeys,
            &w::RESUME_ENCRYPTED_EXTENSIONS,
        )
        .field("early_data", "present if the 0-RTT data was accepted")
        .optional(),
    );
    resume.push(
        step(
            "resume-server-finished",
            s2c,
            "Finished",
            HandshakeKeys,
            &w::RESUME_SERVER_FINISHED,
        )
        .optional(),
    );
    resume.push(
        step(
            "resume-client-finished",
            c2s,
            "Finished",
            HandshakeKeys,
            &w::RESUME_CLIENT_FINISHED,
        )
        .field("before it", "EndOfEarlyData, if 0-RTT data was accepted")
        .optional(),
    );

    let mut walkthrough = finish(
        scenario,
        facts,
        vec![full, resume],
        outcome(Ending::Encrypted, &words::endings::TLS13, Vec::new()),
    );
    walkthrough.personal.extend(personal);
    walkthrough
}

// ---------------------------------------------------------------------------------------------
// Scenario 4: TLS 1.2.

/// The TLS 1.2 handshake with ECDHE, and the static-RSA variant.
pub(super) fn tls12(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::Tls12;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let c2s = (ClientMta, ServerMta);
    let s2c = (ServerMta, ClientMta);
    let server = tls_server(facts);
    let hop = facts
        .encrypted_hop
        .as_ref()
        .filter(|hop| !hop.is_tls13() && hop.version.is_some_and(|v| v <= TlsVersion::Tls1_2));
    let kind = hop.and_then(HopFacts::key_exchange_kind);
    let ephemeral_hop = hop.filter(|_| matches!(kind, Some(KeyExchange::Ecdhe | KeyExchange::Dhe)));
    let rsa_hop = hop.filter(|_| kind == Some(KeyExchange::Rsa));
    let suite = ephemeral_hop
        .and_then(|hop| hop.cipher.clone())
        .unwrap_or_else(|| EXAMPLE_TLS12_SUITE.to_string());
    let group = ephemeral_hop
        .and_then(|hop| hop.key_exchange.as_deref())
        .map_or_else(|| "x25519".to_string(), group_name);

    let mut personal = Vec::new();
    if let Some(other) = facts.encrypted_hop.as_ref().filter(|h| h.is_tls13()) {
        personal.push(words::hop_other_version(other, "TLS 1.3"));
    }
    if let Some(hop) = hop {
        if let Some(deprecation) = hop.version.and_then(TlsVersion::deprecation) {
            personal.push(words::hop_deprecated(hop, deprecation.rfc.name()));
        }
    }
    use words::tls12 as w;

    let mut full = Act::new(
        "ecdhe",
        "Full handshake with ECDHE",
        &[ClientMta, ServerMta],
    );
    full.push(
        step(
            "client-hello",
            c2s,
            "ClientHello",
            Plaintext,
            &w::CLIENT_HELLO,
        )
        .field("client_version", "3,3 (TLS 1.2)")
        .field("random", "32 bytes")
        .field("session_id", "empty, or one to resume")
        .field(
            "cipher_suites",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, \
                 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, …",
        )
        .field("server_name", server.clone())
        .field("supported_groups", "x25519, secp256r1, secp384r1")
        .field("ec_point_formats", "uncompressed")
        .field(
            "signature_algorithms",
            "ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256",
        )
        .field("extended_master_secret", "empty")
        .field("renegotiation_info", "empty"),
    );
    full.push(
        step(
            "server-hello",
            s2c,
            "ServerHello",
            Plaintext,
            &w::SERVER_HELLO,
        )
        .field("server_version", "3,3 (TLS 1.2)")
        .field("random", "32 bytes")
        .field("session_id", "new session id")
        .field("cipher_suite", suite)
        .field("extensions", "extended_master_secret, renegotiation_info")
        .note(ephemeral_hop.map(words::hop_negotiated), true)
        .note(
            ephemeral_hop
                .filter(|_| kind == Some(KeyExchange::Dhe))
                .map(words::hop_dhe),
            true,
        ),
    );
    full.push(certificate_step(
        step(
            "certificate",
            s2c,
            "Certificate",
            Plaintext,
            &w::CERTIFICATE,
        ),
        facts,
        &server,
    ));
    full.push(
        step(
            "certificate-status",
            s2c,
            "CertificateStatus",
            Plaintext,
            &w::CERTIFICATE_STATUS,
        )
        .field("status_type", "ocsp")
        .field("response", "a signed OCSP response from the CA")
        .optional(),
    );
    full.push(
        step(
            "server-key-exchange",
            s2c,
            "ServerKeyExchange",
            Plaintext,
            &w::SERVER_KEY_EXCHANGE,
        )
        .field("curve_type", "named_curve")
        .field("namedcurve", group.clone())
        .field("public", "the server's ephemeral public key")
        .field(
            "signature",
            "over client_random, server_random and these parameters",
        ),
    );
    full.push(
        step(
            "certificate-request",
            s2c,
            "CertificateRequest",
            Plaintext,
            &w::CERTIFICATE_REQUEST,
        )
        .field("certificate_types", "rsa_sign, ecdsa_sign")
        .field("certificate_authorities", "accepted issuers (may be empty)")
        .optional(),
    );
    full.push(step(
        "server-hello-done",
        s2c,
        "ServerHelloDone",
        Plaintext,
        &w::SERVER_HELLO_DONE,
    ));
    full.push(
        step(
            "client-key-exchange",
            c2s,
            "ClientKeyExchange",
            Plaintext,
            &w::CLIENT_KEY_EXCHANGE,
        )
        .field(
            "ecdh_Yc",
            format!("the client's ephemeral {group} public key"),
        ),
    );
    full.push(
        step(
            "client-change-cipher-spec",
            c2s,
            "ChangeCipherSpec",
            Plaintext,
            &w::CLIENT_CHANGE_CIPHER_SPEC,
        )
        .field("record type", "change_cipher_spec (20)")
        .field("payload", "0x01"),
    );
    full.push(
        step(
            "client-finished",
            c2s,
            "Finished",
            ApplicationKeys,
            &w::CLIENT_FINISHED,
        )
        .field(
            "verify_data",
            "PRF(master_secret, \"client finished\", hash of the handshake)",
        ),
    );
    full.push(
        step(
            "server-change-cipher-spec",
            s2c,
            "ChangeCipherSpec",
            Plaintext,
            &w::SERVER_CHANGE_CIPHER_SPEC,
        )
        .field("record type", "change_cipher_spec (20)")
        .field("payload", "0x01"),
    );
    full.push(
        step(
            "server-finished",
            s2c,
            "Finished",
            ApplicationKeys,
            &w::SERVER_FINISHED,
        )
        .field(
            "verify_data",
            "PRF(master_secret, \"server finished\", hash of the handshake)",
        ),
    );
    full.push(
        step(
            "application-data",
            c2s,
            "application_data",
            ApplicationKeys,
            &w::APPLICATION_DATA,
        )
        .field("record type", "application_data (23)")
        .field("carries", "EHLO, MAIL FROM, RCPT TO, DATA"),
    );
    full.highlight = ephemeral_hop.is_some();

    let mut rsa = Act::new(
        "static-rsa",
        "Static RSA key exchange (no forward secrecy)",
        &[ClientMta, ServerMta],
    );
    let rsa_suite = rsa_hop
        .and_then(|hop| hop.cipher.clone())
        .unwrap_or_else(|| EXAMPLE_RSA_SUITE.to_string());
    rsa.push(
        step(
            "rsa-server-hello",
            s2c,
            "ServerHello",
            Plaintext,
            &w::RSA_SERVER_HELLO,
        )
        .field("cipher_suite", rsa_suite),
    );
    rsa.push(
        step(
            "rsa-certificate",
            s2c,
            "Certificate",
            Plaintext,
            &w::RSA_CERTIFICATE,
        )
        .field("leaf public key", "RSA, long-term"),
    );
    rsa.push(step(
        "rsa-server-hello-done",
        s2c,
        "ServerHelloDone",
        Plaintext,
        &w::RSA_SERVER_HELLO_DONE,
    ));
    rsa.push(
        step(
            "rsa-client-key-exchange",
            c2s,
            "ClientKeyExchange",
            Plaintext,
            &w::RSA_CLIENT_KEY_EXCHANGE,
        )
        .field(
            "EncryptedPreMasterSecret",
            "48-byte premaster secret, encrypted to the server's RSA key",
        )
        .note(rsa_hop.map(words::hop_static_rsa), true),
    );
    rsa.push(
        step(
            "rsa-finished",
            c2s,
            "Finished",
            ApplicationKeys,
            &w::RSA_FINISHED,
        )
        .field("before it", "ChangeCipherSpec"),
    );
    rsa.highlight = rsa_hop.is_some();

    let mut walkthrough = finish(
        scenario,
        facts,
        vec![full, rsa],
        outcome(Ending::Encrypted, &words::endings::TLS12, Vec::new()),
    );
    walkthrough.personal.extend(personal);
    walkthrough
}

// ---------------------------------------------------------------------------------------------
// Scenario 5: the downgrade.

/// The STARTTLS downgrade, replayed against MTA-STS, DANE and REQUIRETLS, and reported by
/// TLS-RPT.
pub(super) fn downgrade(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::Downgrade;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let plain = facts.plaintext_hop.as_ref();
    // The attack happens on the reader's plaintext hop; the defences belong to their own MX.
    let server = plain
        .and_then(|hop| hop.by.clone())
        .or_else(|| facts.mx_host.clone())
        .unwrap_or_else(|| EXAMPLE_MX.to_string());
    let mx = facts
        .mx_host
        .clone()
        .or_else(|| plain.and_then(|hop| hop.by.clone()))
        .unwrap_or_else(|| EXAMPLE_MX.to_string());
    let client = plain
        .and_then(|hop| hop.from.clone())
        .unwrap_or_else(|| EXAMPLE_CLIENT.to_string());
    let domain = facts.domain.clone().unwrap_or_else(|| domain_of(&mx));
    let stripped_reply = |act: &str, server: &str| {
        step(
            act,
            (Attacker, ClientMta),
            "250 EHLO reply (STARTTLS removed)",
            Plaintext,
            match act {
                "sts-strip" => &words::downgrade::STS_STRIP,
                "dane-strip" => &words::downgrade::DANE_STRIP,
                "requiretls-strip" => &words::downgrade::REQUIRETLS_STRIP,
                _ => &words::downgrade::STRIP,
            },
        )
        .field("reply", format!("250-{server}"))
        .field("reply", "250-PIPELINING")
        .field("reply", "250 8BITMIME")
    };
    use words::downgrade as w;

    // Act 1: the attack, unopposed.
    let mut attack = Act::new(
        "attack",
        "The attack, with nothing to stop it",
        &[ClientMta, Attacker, ServerMta],
    );
    attack.push(
        step(
            "greeting",
            (ServerMta, ClientMta),
            "220 greeting",
            Plaintext,
            &w::GREETING,
        )
        .field("reply", format!("220 {server} ESMTP")),
    );
    attack.push(
        step("ehlo", (ClientMta, ServerMta), "EHLO", Plaintext, &w::EHLO)
            .field("command", format!("EHLO {client}")),
    );
    attack.push(
        step(
            "capabilities",
            (ServerMta, Attacker),
            "250-STARTTLS",
            Plaintext,
            &w::CAPABILITIES,
        )
        .field("reply", format!("250-{server}"))
        .field("reply", "250-PIPELINING")
        .field("reply", "250-STARTTLS")
        .field("reply", "250 8BITMIME"),
    );
    attack.push(
        stripped_reply("strip", &server).field("or", "250-XXXXXXXA in place of 250-STARTTLS"),
    );
    attack.push(
        step(
            "no-tls",
            (ClientMta, ClientMta),
            "Continue without TLS",
            NotOnWire,
            &w::NO_TLS,
        )
        .field("policy", "opportunistic: TLS if offered"),
    );
    attack.push(
        step(
            "mail-in-clear",
            (ClientMta, ServerMta),
            "DATA",
            Plaintext,
            &w::MAIL_IN_CLEAR,
        )
        .field("command", "MAIL FROM:<alice@example.org>")
        .field("command", format!("RCPT TO:<bob@{domain}>"))
        .field("command", "DATA")
        .field("message", "headers and body, readable on the path")
        .note(plain.map(words::hop_plaintext), true),
    );
    attack.push(
        step(
            "recorded",
            (ServerMta, ServerMta),
            "Received line",
            NotOnWire,
            &w::RECORDED,
        )
        .field("Received", format!("from {client} by {server} with ESMTP"))
        .note(plain.map(words::hop_received_line), true),
    );
    if facts.plaintext_hop.is_none() && facts.encrypted_hop.is_some() {
        if let Some(last) = attack.steps.last_mut() {
            last.personal.push(words::NO_PLAINTEXT_HOP.to_string());
        }
    }

    // Act 2: MTA-STS.
    let mut sts = Act::new(
        "mta-sts",
        "Replayed against an MTA-STS enforce policy",
        &[DnsResolver, PolicyHost, ClientMta, Attacker, ServerMta],
    );
    let mode = facts.mta_sts;
    sts.push(
        step(
            "sts-txt",
            (DnsResolver, ClientMta),
            "_mta-sts TXT record",
            Plaintext,
            &w::STS_TXT,
        )
        .field("query", format!("_mta-sts.{domain} TXT"))
        .field("answer", "v=STSv1; id=20250101T000000"),
    );
    sts.push(
        step(
            "sts-policy",
            (PolicyHost, ClientMta),
            "MTA-STS policy",
            OwnConnection,
            &w::STS_POLICY,
        )
        .field(
            "request",
            format!("GET https://mta-sts.{domain}/.well-known/mta-sts.txt"),
        )
        .field("version", "STSv1")
        .field("mode", "enforce")
        .field("mx", mx.clone())
        .field("max_age", "604800")
        .note(mode.map(words::sts_mode), true),
    );
    sts.push(
        step(
            "sts-tofu",
            (ClientMta, ClientMta),
            "Policy cached",
            NotOnWire,
            &w::STS_TOFU,
        )
        .field("cached until", "max_age seconds after the fetch"),
    );
    sts.push(stripped_reply("sts-strip", &mx));
    sts.push(
        step(
            "sts-refuse",
            (ClientMta, ClientMta),
            "Delivery deferred",
            NotOnWire,
            &w::STS_REFUSE,
        )
        .field("reason", "mode enforce, and no STARTTLS offered")
        .field("action", "keep queued, retry later"),
    );

    // Act 3: DANE.
    let mut dane = Act::new(
        "dane",
        "Replayed against DANE",
        &[DnsResolver, ClientMta, Attacker, ServerMta],
    );
    dane.push(
        step(
            "dane-mx",
            (DnsResolver, ClientMta),
            "MX record (DNSSEC)",
            Plaintext,
            &w::DANE_MX,
        )
        .field("answer", format!("{domain}. MX 10 {mx}."))
        .field("flags", "ad (authenticated data)"),
    );
    let tlsa_note = (!facts.tlsa_usages.is_empty())
        .then(|| words::tlsa(&facts.tlsa_usages, facts.dnssec_validated));
    dane.push(
        step(
            "dane-tlsa",
            (DnsResolver, ClientMta),
            "TLSA record (DNSSEC)",
            Plaintext,
            &w::DANE_TLSA,
        )
        .field(
            "answer",
            format!("_25._tcp.{mx}. TLSA 3 1 1 <SHA-256 of the server's public key>"),
        )
        .field("flags", "ad (authenticated data)")
        .note(tlsa_note, true),
    );
    dane.push(stripped_reply("dane-strip", &mx));
    dane.push(
        step(
            "dane-refuse",
            (ClientMta, ClientMta),
            "Delivery deferred",
            NotOnWire,
            &w::DANE_REFUSE,
        )
        .field("reason", "secure TLSA records, and no STARTTLS offered")
        .field("action", "keep queued, retry later"),
    );

    // Act 4: REQUIRETLS.
    let mut requiretls = Act::new(
        "requiretls",
        "Replayed against REQUIRETLS",
        &[ClientMta, Attacker, ServerMta],
    );
    requiretls.push(
        step(
            "requiretls-flag",
            (ClientMta, ClientMta),
            "MAIL FROM … REQUIRETLS",
            NotOnWire,
            &w::REQUIRETLS_FLAG,
        )
        .field("at submission", "MAIL FROM:<alice@example.org> REQUIRETLS"),
    );
    requiretls.push(stripped_reply("requiretls-strip", &mx));
    requiretls.push(
        step(
            "requiretls-bounce",
            (ClientMta, ClientMta),
            "Non-delivery report",
            NotOnWire,
            &w::REQUIRETLS_BOUNCE,
        )
        .field("reason", "REQUIRETLS, and no TLS to this MX")
        .field("action", "return the message to its author"),
    );

    // Act 5: TLS-RPT.
    let mut report = Act::new(
        "tls-rpt",
        "TLS-RPT reports it, later",
        &[DnsResolver, ClientMta, ReportReceiver],
    );
    report.push(
        step(
            "tlsrpt-txt",
            (DnsResolver, ClientMta),
            "_smtp._tls TXT record",
            Plaintext,
            &w::TLSRPT_TXT,
        )
        .field("query", format!("_smtp._tls.{domain} TXT"))
        .field("answer", format!("v=TLSRPTv1; rua=mailto:tlsrpt@{domain}")),
    );
    report.push(
        step(
            "tlsrpt-count",
            (ClientMta, ClientMta),
            "Failure counted",
            NotOnWire,
            &w::TLSRPT_COUNT,
        )
        .field("result-type", "starttls-not-supported")
        .field("policy-type", "sts or tlsa"),
    );
    let rpt_note = if facts.is_example() {
        None
    } else {
        Some(
            facts
                .tls_rpt_rua
                .map_or_else(|| words::NO_TLS_RPT.to_string(), words::tls_rpt),
        )
    };
    report.push(
        step(
            "tlsrpt-report",
            (ClientMta, ReportReceiver),
            "Aggregate report",
            OwnConnection,
            &w::TLSRPT_REPORT,
        )
        .field("date-range", "one UTC day")
        .field("policy-type", "sts")
        .field("result-type", "starttls-not-supported")
        .field("failed-session-count", "1")
        .note(rpt_note, false),
    );

    // The act that is the reader's own story: the defence that holds, or the bare attack.
    let ending = downgrade_outcome(facts);
    let opted_out = facts.opted_out();
    attack.highlight = ending.ending == Ending::Plaintext && !facts.is_example();
    dane.highlight = facts.dane_secure() && !opted_out;
    sts.highlight = mode == Some(StsMode::Enforce) && !facts.dane_secure() && !opted_out;
    finish(
        scenario,
        facts,
        vec![attack, sts, dane, requiretls, report],
        ending,
    )
}

/// How the downgrade ends for this reader: decided by their DANE, MTA-STS and the message's
/// `TLS-Required:` field, in that order of strength.
fn downgrade_outcome(facts: &Facts) -> Outcome {
    use words::endings as e;
    let mut personal = Vec::new();
    if let Some(hop) = facts.plaintext_hop.as_ref().filter(|hop| !hop.at_border) {
        personal.push(words::hop_not_into_mx(hop));
    }
    if let Some(value) = &facts.tls_required {
        personal.push(words::tls_required(value));
    }
    let protected = facts.dane_secure() || facts.mta_sts == Some(StsMode::Enforce);
    if protected && facts.opted_out() {
        return outcome(Ending::Plaintext, &e::DOWNGRADE_OPTED_OUT, personal);
    }
    if facts.dane_secure() {
        return outcome(Ending::Deferred, &e::DOWNGRADE_DANE, personal);
    }
    match facts.mta_sts {
        Some(StsMode::Enforce) => outcome(Ending::Deferred, &e::DOWNGRADE_STS, personal),
        Some(StsMode::Testing) => outcome(Ending::Plaintext, &e::DOWNGRADE_TESTING, personal),
        Some(StsMode::None) | None => {
            let nothing_given = facts.mta_sts.is_none() && facts.tlsa_usages.is_empty();
            if nothing_given && !facts.is_example() {
                personal.push(words::NO_POLICY_GIVEN.to_string());
            }
            outcome(Ending::Plaintext, &e::DOWNGRADE_PLAINTEXT, personal)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scenario 6: certificate validation.

/// Certificate validation, and what opportunistic TLS skips.
pub(super) fn certificate(facts: &Facts) -> Walkthrough {
    let scenario = Scenario::Certificate;
    let step = |local: &str,
                pair: (Actor, Actor),
                message: &str,
                encrypted: Encryption,
                words: &words::Words| {
        Step::new(scenario, local, pair, message, encrypted, words)
    };
    let s2c = (ServerMta, ClientMta);
    let local = (ClientMta, ClientMta);
    let server = tls_server(facts);
    // In TLS 1.2 the certificate crosses the wire in plaintext; in TLS 1.3 it is encrypted.
    let tls12 = facts
        .encrypted_hop
        .as_ref()
        .is_some_and(|hop| !hop.is_tls13() && hop.version.is_some());
    let on_wire = if tls12 { Plaintext } else { HandshakeKeys };
    let cert = facts.certificate.as_ref();
    let dane_ee = facts.dane_secure() && facts.tlsa_usages.contains(&3);
    use words::certificate as w;

    let mut act = Act::new("checks", "What the sender checks", &[ClientMta, ServerMta]);
    act.push(certificate_step(
        step("certificate", s2c, "Certificate", on_wire, &w::CERTIFICATE),
        facts,
        &server,
    ));
    // TLS 1.2 has no server CertificateVerify: the ServerKeyExchange signature plays its part.
    let proof = if tls12 {
        "ServerKeyExchange"
    } else {
        "CertificateVerify"
    };
    act.push(
        step(
            "certificate-verify",
            s2c,
            proof,
            on_wire,
            &w::CERTIFICATE_VERIFY,
        )
        .field("signature", "made with the leaf's private key"),
    );
    act.push(
        step(
            "chain",
            local,
            "Check: chain to a trusted root",
            NotOnWire,
            &w::CHAIN,
        )
        .field(
            "path",
            format!(
                "leaf \u{2192} {} \u{2192} root in the trust store",
                cert.map_or("intermediate CA", |c| c.issuer.as_str())
            ),
        )
        .note(
            cert.filter(|c| c.self_signed)
                .map(|_| words::CERTIFICATE_SELF_SIGNED.to_string()),
            true,
        ),
    );
    let name_note = (!facts.is_example()).then(|| words::certificate_name(&server));
    act.push(
        step(
            "hostname",
            local,
            "Check: name matches the MX host",
            NotOnWire,
            &w::HOSTNAME,
        )
        .field("expected", server.clone())
        .field("compared with", "subjectAltName dNSName entries")
        .note(name_note, false),
    );
    act.push(
        step(
            "expiry",
            local,
            "Check: validity dates",
            NotOnWire,
            &w::EXPIRY,
        )
        .field(
            "notAfter",
            cert.map_or("in the future".to_string(), |c| c.not_after.clone()),
        )
        .note(
            cert.map(|c| words::certificate_expiry(c, dane_ee)),
            cert.is_some_and(|c| c.days_left < 0),
        ),
    );
    act.push(
        step(
            "opportunistic",
            local,
            "Opportunistic TLS: no checks",
            NotOnWire,
            &w::OPPORTUNISTIC,
        )
        .field("result", "encrypted, server not authenticated"),
    );
    act.push(
        step(
            "policy",
            local,
            "MTA-STS or DANE: defer on failure",
            NotOnWire,
            &w::POLICY,
        )
        .field(
            "MTA-STS enforce",
            "chain to a public root, name and dates must pass",
        )
        .field(
            "DANE-TA(2)",
            "chain to the CA the TLSA record names; name and dates must pass",
        )
        .field("DANE-EE(3)", "the key must match; name and dates ignored"),
    );

    finish(
        scenario,
        facts,
        vec![act],
        outcome(
            Ending::Informational,
            &words::endings::CERTIFICATE,
            Vec::new(),
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/// A walk-through from its acts and outcome, with the scenario's words.
fn finish(scenario: Scenario, facts: &Facts, acts: Vec<Act>, outcome: Outcome) -> Walkthrough {
    let words = words::scenario(scenario);
    Walkthrough {
        scenario,
        title: words.title.to_string(),
        summary: words.summary.to_string(),
        example: facts.is_example(),
        personal: Vec::new(),
        acts,
        outcome,
    }
}

/// An outcome from its words.
fn outcome(ending: Ending, words: &EndingWords, personal: Vec<String>) -> Outcome {
    Outcome {
        ending,
        title: words.title.to_string(),
        text: words.text.to_string(),
        refs: references(words.refs),
        personal,
    }
}

/// Fills a Certificate step from the reader's certificate, or an example.
fn certificate_step(step: Step, facts: &Facts, server: &str) -> Step {
    match &facts.certificate {
        Some(cert) => step
            .field("leaf subject", cert.subject.clone())
            .field("leaf issuer", cert.issuer.clone())
            .field("leaf notAfter", cert.not_after.clone())
            .field("then", "the intermediate CA certificates")
            .note(Some(words::certificate_sent(cert)), true),
        None => step
            .field("leaf subject", format!("CN={server}"))
            .field("leaf subjectAltName", format!("DNS:{server}"))
            .field("leaf issuer", "an intermediate CA")
            .field("then", "the intermediate CA certificates"),
    }
}

/// The server of the TLS walk-throughs: the encrypted hop's receiver, the MX, or the example.
fn tls_server(facts: &Facts) -> String {
    facts
        .encrypted_hop
        .as_ref()
        .and_then(|hop| hop.by.clone())
        .or_else(|| facts.mx_host.clone())
        .unwrap_or_else(|| EXAMPLE_MX.to_string())
}

/// The client of the TLS walk-throughs: the encrypted hop's sender, or the example.
fn tls_client(facts: &Facts) -> String {
    facts
        .encrypted_hop
        .as_ref()
        .and_then(|hop| hop.from.clone())
        .unwrap_or_else(|| EXAMPLE_CLIENT.to_string())
}

/// The recipient domain, else a guess from the MX host, else the example.
fn domain(facts: &Facts) -> String {
    facts
        .domain
        .clone()
        .or_else(|| facts.mx_host.as_deref().map(domain_of))
        .unwrap_or_else(|| EXAMPLE_DOMAIN.to_string())
}

/// A guess at the domain a host name belongs to, for illustrative record names only: the last
/// two labels, or three under a two-letter country code with a short second level (`co.uk`).
fn domain_of(host: &str) -> String {
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let keep = match labels.as_slice() {
        [.., second, last] if last.len() == 2 && second.len() <= 3 => 3,
        _ => 2,
    };
    let start = labels.len().saturating_sub(keep);
    match labels.get(start..) {
        Some(tail) if labels.len() > keep => tail.join("."),
        _ => host.to_string(),
    }
}

/// A key-exchange group as the TLS registry names it (`x25519`, `secp256r1`), from the names
/// mail software writes (`X25519`, `P-256`, `prime256v1`). Unknown names are kept as written.
fn group_name(written: &str) -> String {
    let known = [
        ("x25519", "x25519"),
        ("x448", "x448"),
        ("p-256", "secp256r1"),
        ("prime256v1", "secp256r1"),
        ("secp256r1", "secp256r1"),
        ("p-384", "secp384r1"),
        ("secp384r1", "secp384r1"),
        ("p-521", "secp521r1"),
        ("secp521r1", "secp521r1"),
    ];
    known
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(written.trim()))
        .map_or_else(
            || written.trim().to_string(),
            |(_, name)| (*name).to_string(),
        )
}

#[cfg(test)]
mod tests {
    use super::{domain_of, group_name};

    #[test]
    fn names_for_illustrative_records() {
        let domains = [
            ("mx.example.net", "example.net"),
            ("mx1.mail.example.co.uk", "example.co.uk"),
            ("relay-twl-01.twlnet.com.", "twlnet.com"),
            ("example.net", "example.net"),
            ("localhost", "localhost"),
            ("", ""),
        ];
        for (host, domain) in domains {
            assert_eq!(domain_of(host), domain, "{host}");
        }
        let groups = [
            ("X25519", "x25519"),
            ("P-256", "secp256r1"),
            ("prime256v1", "secp256r1"),
            (" secp384r1 ", "secp384r1"),
            ("X25519MLKEM768", "X25519MLKEM768"),
        ];
        for (written, name) in groups {
            assert_eq!(group_name(written), name, "{written}");
        }
    }
}
