//! The "Try an example" samples: real inputs of every kind from `../shared/corpus` and our own
//! fixtures, plus whole-domain examples made of several inputs, as `www/samples/ATTRIBUTION.md`
//! says. This is the menu; the files themselves are copied next to the page (`samples/`) and
//! fetched when an example is picked, so their ~55 KB are not part of the first load.
//!
//! Must not depend on the browser or on the analysis functions; tests read the same files.

/// One example: one or several inputs, and the options a whole-domain example fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// A stable id, used as the `<select>` option value and in test snapshot names.
    pub id: &'static str,
    /// What the sample shows, as listed in the menu.
    pub label: &'static str,
    /// The menu group it is listed under.
    pub group: Group,
    /// The inputs' file names under `www/samples/`, in order; the first becomes the open one.
    pub files: &'static [&'static str],
    /// The "Your domain" field it fills in (empty for none).
    pub domain: &'static str,
    /// The "Your MX hosts" field it fills in (empty for none).
    pub mx_hosts: &'static str,
}

/// Where the sample files are served, relative to the page (Trunk copies `www/samples/`).
pub const SAMPLES_URL: &str = "samples/";

/// The groups of the examples menu, in menu order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Several inputs about one domain.
    WholeDomain,
    /// Message headers.
    Headers,
    /// Certificate chains.
    Certificates,
    /// `openssl s_client` transcripts.
    SClient,
    /// MTA-STS policies.
    MtaSts,
    /// DNS records.
    Dns,
    /// TLS-RPT reports.
    TlsRpt,
}

impl Group {
    /// Every group, in menu order.
    pub const ALL: [Group; 7] = [
        Group::WholeDomain,
        Group::Headers,
        Group::Certificates,
        Group::SClient,
        Group::MtaSts,
        Group::Dns,
        Group::TlsRpt,
    ];

    /// The `<optgroup>` label.
    pub fn label(self) -> &'static str {
        match self {
            Group::WholeDomain => "A whole domain (several inputs)",
            Group::Headers => "Message headers",
            Group::Certificates => "Certificates",
            Group::SClient => "openssl s_client",
            Group::MtaSts => "MTA-STS policy",
            Group::Dns => "DNS records",
            Group::TlsRpt => "TLS-RPT reports",
        }
    }
}

macro_rules! single {
    ($id:literal, $group:expr, $label:literal, $name:literal) => {
        Sample {
            id: $id,
            label: $label,
            group: $group,
            files: &[$name],
            domain: "",
            mx_hosts: "",
        }
    };
}

/// Every sample, in menu order: whole domains first, then one group per input kind.
pub static SAMPLES: &[Sample] = &[
    Sample {
        id: "domain-protected",
        label: "A well-protected domain — headers, MTA-STS in enforce, DNSSEC-signed records (A+)",
        group: Group::WholeDomain,
        files: &["domain-headers.txt", "domain-mta-sts.txt", "domain-dns.txt"],
        domain: "example.com",
        mx_hosts: "mx1.example.com, mx2.example.com",
    },
    Sample {
        id: "domain-dane",
        label: "DANE with its own CA — headers, chain, DNSSEC-signed TLSA that match (A+)",
        group: Group::WholeDomain,
        files: &["dane-headers.txt", "dane-chain.pem", "dane-dns.txt"],
        domain: "example.net",
        mx_hosts: "mx1.example.net, mx2.example.net",
    },
    single!(
        "o365-ironport",
        Group::Headers,
        "Office 365 via Cisco IronPort — all TLS, one hop without forward secrecy",
        "o365-ironport.txt"
    ),
    single!(
        "postfix-exim",
        Group::Headers,
        "Gmail to Postfix and Exim — TLS 1.2 throughout",
        "postfix-exim.txt"
    ),
    single!(
        "postfix-tls13",
        Group::Headers,
        "Postfix with TLS 1.3 — one hop",
        "postfix-tls13.txt"
    ),
    single!(
        "github-sendgrid-o365",
        Group::Headers,
        "GitHub via SendGrid to Office 365 — a hop that doesn't say",
        "github-sendgrid-o365.txt"
    ),
    single!(
        "legacy-2004",
        Group::Headers,
        "2004 relays — TLS 1.0 and RC4",
        "legacy-2004.txt"
    ),
    single!(
        "plaintext-hop",
        Group::Headers,
        "A plaintext hop — no TLS from the sender",
        "plaintext-hop.txt"
    ),
    single!(
        "openssl-chain",
        Group::Certificates,
        "A complete chain to a private root (OpenSSL's test certificates)",
        "openssl-chain.pem"
    ),
    single!(
        "letsencrypt-2019",
        Group::Certificates,
        "A Let's Encrypt chain from 2019 — expired",
        "letsencrypt-2019-chain.pem"
    ),
    single!(
        "sclient-tls13",
        Group::SClient,
        "STARTTLS with TLS 1.3, verified with -verify_hostname",
        "sclient-tls13.txt"
    ),
    single!(
        "sclient-587-2019",
        Group::SClient,
        "Postfix on port 587 in 2019 — expired certificate, name not checked",
        "sclient-587-2019.txt"
    ),
    single!(
        "mox-policy-testing",
        Group::MtaSts,
        "A policy in testing mode with three MX patterns (mox)",
        "mox-policy-testing.txt"
    ),
    single!(
        "domain-dns",
        Group::Dns,
        "dig output: MX, MTA-STS and TLS-RPT TXT, DNSSEC-signed TLSA",
        "domain-dns.txt"
    ),
    single!(
        "google-tlsrpt",
        Group::TlsRpt,
        "Google's daily report — all sessions succeeded (JSON)",
        "google-tlsrpt.json"
    ),
    single!(
        "microsoft-tlsrpt",
        Group::TlsRpt,
        "Microsoft's report as it arrives by mail (.eml with gzip attachment)",
        "microsoft-tlsrpt.eml"
    ),
];

/// The sample with this id.
pub fn find(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

/// The samples of one menu group, in menu order.
pub fn in_group(group: Group) -> impl Iterator<Item = &'static Sample> {
    SAMPLES.iter().filter(move |s| s.group == group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_distinct_and_not_empty() {
        for (i, sample) in SAMPLES.iter().enumerate() {
            assert!(!sample.files.is_empty(), "{} has no input", sample.id);
            for name in sample.files {
                let path = format!("{}/www/samples/{name}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(
                    text.trim().len() > 40,
                    "{}: {path} is missing or empty",
                    sample.id
                );
                if sample.group == Group::Headers {
                    assert!(text.contains("Received:"), "{name} has no Received line");
                }
            }
            assert!(
                SAMPLES.iter().skip(i + 1).all(|o| o.id != sample.id),
                "{} is listed twice",
                sample.id
            );
            assert_eq!(find(sample.id), Some(sample));
        }
        assert_eq!(find("nope"), None);
        // Every group has an example, and the menu lists each sample once.
        let listed: usize = Group::ALL.iter().map(|g| in_group(*g).count()).sum();
        assert_eq!(listed, SAMPLES.len());
        assert!(Group::ALL.iter().all(|g| in_group(*g).next().is_some()));
    }
}
