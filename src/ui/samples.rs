//! The "Try an example" samples: real header sections from `../shared/corpus`, trimmed as
//! `www/samples/ATTRIBUTION.md` says, compiled into the page so that picking one needs no request.
//!
//! Must not depend on the browser or on the analysis functions; tests reuse these files.

/// One example input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// A stable id, used as the `<select>` option value and in test snapshot names.
    pub id: &'static str,
    /// What the sample shows, as listed in the menu.
    pub label: &'static str,
    /// The file name under `www/samples/`, shown as the input's name.
    pub file: &'static str,
    /// The text.
    pub text: &'static str,
}

/// Every sample, in menu order: good paths first, then the problems.
pub static SAMPLES: &[Sample] = &[
    Sample {
        id: "o365-ironport",
        label: "Office 365 via Cisco IronPort — all TLS, one hop without forward secrecy",
        file: "o365-ironport.txt",
        text: include_str!("../../www/samples/o365-ironport.txt"),
    },
    Sample {
        id: "postfix-exim",
        label: "Gmail to Postfix and Exim — TLS 1.2 throughout",
        file: "postfix-exim.txt",
        text: include_str!("../../www/samples/postfix-exim.txt"),
    },
    Sample {
        id: "postfix-tls13",
        label: "Postfix with TLS 1.3 — one hop",
        file: "postfix-tls13.txt",
        text: include_str!("../../www/samples/postfix-tls13.txt"),
    },
    Sample {
        id: "github-sendgrid-o365",
        label: "GitHub via SendGrid to Office 365 — a hop that doesn't say",
        file: "github-sendgrid-o365.txt",
        text: include_str!("../../www/samples/github-sendgrid-o365.txt"),
    },
    Sample {
        id: "legacy-2004",
        label: "2004 relays — TLS 1.0 and RC4",
        file: "legacy-2004.txt",
        text: include_str!("../../www/samples/legacy-2004.txt"),
    },
    Sample {
        id: "plaintext-hop",
        label: "A plaintext hop — no TLS from the sender",
        file: "plaintext-hop.txt",
        text: include_str!("../../www/samples/plaintext-hop.txt"),
    },
];

/// The sample with this id.
pub fn find(id: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_are_distinct_and_not_empty() {
        for (i, sample) in SAMPLES.iter().enumerate() {
            assert!(
                sample.text.contains("Received:"),
                "{} has no Received line",
                sample.id
            );
            assert!(
                SAMPLES
                    .iter()
                    .skip(i + 1)
                    .all(|o| o.id != sample.id && o.file != sample.file),
                "{} is listed twice",
                sample.id
            );
            assert_eq!(find(sample.id), Some(sample));
        }
        assert_eq!(find("nope"), None);
    }
}
