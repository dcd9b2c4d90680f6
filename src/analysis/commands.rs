//! The commands a user runs to collect what a browser can't fetch (DNS, HTTPS, port 25), filled
//! in with their domain and MX hosts, each with why it matters and the pitfalls that spoil the
//! output. These words are product text, reviewed with the catalogue.
//!
//! Must not depend on anything outside `analysis`. Only names made of letters, digits, `-`, `_`
//! and `.` are put into a command; anything else (a typo, or an attempt to inject shell syntax)
//! leaves the placeholder in place.

use serde::{Deserialize, Serialize};

use super::mta_sts::is_plain_host;
use super::{Context, MxSource};

/// The placeholder domain when none is known (RFC 2606).
pub const PLACEHOLDER_DOMAIN: &str = "example.com";

/// The placeholder MX host when none is known.
pub const PLACEHOLDER_MX: &str = "mx.example.com";

/// At most this many MX hosts get their own s_client and TLSA commands.
pub const MAX_MX_COMMANDS: usize = 4;

/// One command to run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// A stable id: `mx`, `mta-sts-txt`, `mta-sts-policy`, `tls-rpt-txt`, `starttls`, `tlsa`.
    pub id: String,
    /// A short title.
    pub title: String,
    /// The command line, ready to copy.
    pub command: String,
    /// Why it matters, in one or two sentences.
    pub why: String,
    /// What spoils the output.
    pub pitfalls: Vec<String>,
    /// True when the names in it came from the inputs; false when placeholders remain.
    pub filled: bool,
    /// For per-MX commands: the MX host.
    pub host: Option<String>,
    /// For per-MX commands: where the MX host name came from.
    pub host_source: Option<MxSource>,
}

/// The commands for these inputs: DNS and HTTPS lookups for the domain, then s_client and TLSA
/// lookups per MX host (at most [`MAX_MX_COMMANDS`]).
pub fn for_inputs(context: &Context) -> Vec<Command> {
    let domain = context.domain.as_deref().filter(|d| is_plain_host(d));
    let d = domain.unwrap_or(PLACEHOLDER_DOMAIN);
    let filled = domain.is_some();
    let mut out = vec![
        Command {
            id: "mx".to_string(),
            title: "MX hosts".to_string(),
            command: format!("dig +short MX {d}"),
            why: "The MX host names are where senders connect, so they are what the MTA-STS mx \
                  patterns, the certificates and the TLSA records must match."
                .to_string(),
            pitfalls: vec![
                "The names end with a dot in DNS notation; leave the dot out in a policy's mx \
                 lines."
                    .to_string(),
                "+short hides whether the answer was DNSSEC-validated, which DANE needs; use the \
                 TLSA command below for that."
                    .to_string(),
            ],
            filled,
            host: None,
            host_source: None,
        },
        Command {
            id: "mta-sts-txt".to_string(),
            title: "MTA-STS TXT record".to_string(),
            command: format!("dig +short TXT _mta-sts.{d}"),
            why: "Senders fetch the policy only if this record exists, and fetch it again only \
                  when its id changes."
                .to_string(),
            pitfalls: vec![
                "If _mta-sts is an alias, the first line of the output is the CNAME target; \
                 that is fine."
                    .to_string(),
                "A long value prints as several quoted strings; senders join them without \
                 spaces."
                    .to_string(),
                "More than one v=STSv1 record means no policy at all.".to_string(),
            ],
            filled,
            host: None,
            host_source: None,
        },
        Command {
            id: "mta-sts-policy".to_string(),
            title: "MTA-STS policy, fetched as senders do".to_string(),
            command: format!("curl -sSi https://mta-sts.{d}/.well-known/mta-sts.txt"),
            why: "Shows the status, the headers and the policy exactly as served; paste the whole \
                  output so the status line and Content-Type are checked too."
                .to_string(),
            pitfalls: vec![
                "Don't add -L: senders never follow redirects, so a redirect is a failure and \
                 must stay visible."
                    .to_string(),
                "Don't add -k: a certificate error for mta-sts.<domain> is a failure for \
                 senders too."
                    .to_string(),
                "Run it from outside your network; inside, a different server or cache may \
                 answer."
                    .to_string(),
            ],
            filled,
            host: None,
            host_source: None,
        },
        Command {
            id: "tls-rpt-txt".to_string(),
            title: "TLS-RPT record".to_string(),
            command: format!("dig +short TXT _smtp._tls.{d}"),
            why: "Tells senders where to send daily reports of TLS successes and failures for \
                  your domain."
                .to_string(),
            pitfalls: vec![
                "The name is _smtp._tls; _smtp-tlsrpt was an early draft name that senders don't \
                 look up."
                    .to_string(),
            ],
            filled,
            host: None,
            host_source: None,
        },
    ];
    let hosts: Vec<(&str, Option<MxSource>)> = {
        let known: Vec<(&str, Option<MxSource>)> = context
            .mx_hosts
            .iter()
            .filter(|m| is_plain_host(&m.name))
            .take(MAX_MX_COMMANDS)
            .map(|m| (m.name.as_str(), Some(m.source)))
            .collect();
        if known.is_empty() {
            vec![(PLACEHOLDER_MX, None)]
        } else {
            known
        }
    };
    for (mx, source) in hosts {
        let filled = source.is_some();
        out.push(Command {
            id: "starttls".to_string(),
            title: format!("STARTTLS on {mx}"),
            command: format!(
                "openssl s_client -starttls smtp -connect {mx}:25 -servername {mx} \
                 -verify_hostname {mx} -showcerts </dev/null 2>&1"
            ),
            why: "Connects like a sending server: shows whether STARTTLS is offered, the \
                  protocol and cipher, the certificate chain and whether it verifies for the MX \
                  name."
                .to_string(),
            pitfalls: vec![
                "Port 25 is blocked outbound on most home connections and cloud servers; a \
                 timeout usually means that, not a dead MX. Run it from a mail server or a host \
                 allowed to use port 25."
                    .to_string(),
                "Without -verify_hostname, \"Verify return code: 0 (ok)\" says nothing about \
                 the name: any valid certificate passes."
                    .to_string(),
                "Without 2>&1, \"Didn't find STARTTLS\", the per-certificate verify lines and \
                 handshake errors go to stderr and are missing from the paste."
                    .to_string(),
                "s_client doesn't print the EHLO reply after STARTTLS, so REQUIRETLS and other \
                 capabilities are invisible unless you type EHLO into the session."
                    .to_string(),
                "Verification uses the trust store of the machine you run it on; \"unable to get \
                 local issuer certificate\" can mean that machine has none (add -CApath \
                 /etc/ssl/certs)."
                    .to_string(),
                "An MX with IPv4 and IPv6 addresses can behave differently on each; add -4 or -6 \
                 to test both."
                    .to_string(),
                "The key-exchange line differs by OpenSSL version (Server Temp Key, Peer Temp \
                 Key, or Negotiated TLS1.3 group for hybrid post-quantum groups)."
                    .to_string(),
            ],
            filled,
            host: source.map(|_| mx.to_string()),
            host_source: source,
        });
        out.push(Command {
            id: "tlsa".to_string(),
            title: format!("DANE TLSA records for {mx}"),
            command: format!("dig +dnssec +noall +answer +comments TLSA _25._tcp.{mx}"),
            why: "DANE senders authenticate the MX with these records, but only when the answer \
                  is DNSSEC-validated: the ad flag in the header comments shows that."
                .to_string(),
            pitfalls: vec![
                "+short hides the header and its ad flag, so it can't show whether the records \
                 are DNSSEC-secure."
                    .to_string(),
                "The ad flag comes from your resolver: use a validating one (for example add \
                 @1.1.1.1 or @9.9.9.9); a non-validating resolver never sets it."
                    .to_string(),
                "If the MX name is a CNAME, senders look up TLSA at the name it points to; query \
                 that name too."
                    .to_string(),
            ],
            filled,
            host: source.map(|_| mx.to_string()),
            host_source: source,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{MxHost, Timestamp};

    fn context(domain: Option<&str>, mx: &[&str]) -> Context {
        Context {
            now: Timestamp(0),
            domain: domain.map(str::to_string),
            mx_hosts: mx
                .iter()
                .map(|m| MxHost {
                    name: m.to_string(),
                    preference: Some(10),
                    source: MxSource::Dns,
                })
                .collect(),
        }
    }

    #[test]
    fn filled_and_placeholders() {
        let commands = for_inputs(&context(Some("example.org"), &["mx1.example.org"]));
        let lines: Vec<&str> = commands.iter().map(|c| c.command.as_str()).collect();
        assert_eq!(
            lines,
            [
                "dig +short MX example.org",
                "dig +short TXT _mta-sts.example.org",
                "curl -sSi https://mta-sts.example.org/.well-known/mta-sts.txt",
                "dig +short TXT _smtp._tls.example.org",
                "openssl s_client -starttls smtp -connect mx1.example.org:25 -servername mx1.example.org -verify_hostname mx1.example.org -showcerts </dev/null 2>&1",
                "dig +dnssec +noall +answer +comments TLSA _25._tcp.mx1.example.org",
            ]
        );
        assert!(commands.iter().all(|c| c.filled));

        // Shell syntax in a typed name never reaches a command.
        let commands = for_inputs(&context(Some("x.com; rm -rf ~"), &["$(reboot)"]));
        assert!(commands.iter().all(|c| !c.filled));
        assert!(commands
            .iter()
            .all(|c| !c.command.contains(['$', ';', '~'])));
    }
}
