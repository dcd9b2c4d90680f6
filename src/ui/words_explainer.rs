//! The explainer view's own words: navigation, controls, labels for how a step is protected and
//! how a walk-through ends, and what the screen reader hears. The walk-throughs' content (steps,
//! explanations, references) is data from `analysis::handshake::words`, reviewed there.
//!
//! Must not depend on anything but the handshake types: plain constants and tiny word choices.

use crate::analysis::handshake::{Encryption, Ending, Scenario, Step};

/// The label of the navigation between the checker and the explainer.
pub const NAV_LABEL: &str = "Views";
/// The link to the checker (the report).
pub const NAV_CHECK: &str = "Check";
/// The link to the explainer.
pub const NAV_EXPLAIN: &str = "How it works";

/// The explainer index's heading.
pub const INDEX_TITLE: &str = "How mail TLS works, step by step";
/// Under the index's heading.
pub const INDEX_INTRO: &str = "Walk through what two mail servers say to each other, message \
    by message: how STARTTLS upgrades a connection, what the TLS 1.2 and 1.3 handshakes carry, \
    how an attacker on the path strips encryption, and what stops them. Each step names the \
    message as the RFC does and cites where its rule is written.";
/// The index's note when the walk-throughs use the reader's data.
pub const INDEX_PERSONAL: &str = "These walk-throughs use what you pasted: your hops, hosts, \
    policies and certificate appear in the steps they belong to.";
/// The index's note when they don't.
pub const INDEX_EXAMPLE: &str = "These walk-throughs use example names. Paste a message's \
    headers (and, if you have them, your MTA-STS policy, TLSA records and certificate) on the \
    Check page, and they will show your own mail.";
/// The link from the example note to the checker.
pub const PASTE_YOURS: &str = "Paste your headers";
/// "13 steps".
pub fn step_count(n: usize) -> String {
    format!("{n} step{}", if n == 1 { "" } else { "s" })
}

/// The label of the walk-through picker.
pub const PICKER_LABEL: &str = "Walk-throughs";
/// The picker's link to the index.
pub const PICKER_ALL: &str = "All";
/// A walk-through's name in the picker.
pub fn scenario_short(scenario: Scenario) -> &'static str {
    match scenario {
        Scenario::Starttls => "STARTTLS",
        Scenario::ImplicitTls => "Implicit TLS",
        Scenario::Tls13 => "TLS 1.3",
        Scenario::Tls12 => "TLS 1.2",
        Scenario::Downgrade => "The downgrade",
        Scenario::Certificate => "Certificates",
    }
}
/// The comparison's name in the picker.
pub const COMPARE_SHORT: &str = "TLS 1.2 vs 1.3";
/// The comparison's heading.
pub const COMPARE_TITLE: &str = "TLS 1.2 and TLS 1.3, side by side";
/// Under the comparison's heading.
pub const COMPARE_INTRO: &str = "Each row pairs the messages that do the same job. TLS 1.3 \
    finishes in one round trip instead of two, encrypts everything after ServerHello, \
    including the certificate, and always has forward secrecy outside psk_ke resumption and \
    0-RTT data.";
/// The comparison table's column headings.
pub const COMPARE_COLUMNS: [&str; 3] = ["TLS 1.2", "TLS 1.3", "What differs"];
/// An empty cell of the comparison.
pub const COMPARE_NONE: &str = "—";
/// What a screen reader says for it.
pub const COMPARE_NONE_SPOKEN: &str = "no such message";

/// The controls' label.
pub const CONTROLS_LABEL: &str = "Step controls";
/// The back button.
pub const BACK: &str = "Back";
/// The next button.
pub const NEXT: &str = "Next";
/// The play button.
pub const PLAY: &str = "Play";
/// The pause button.
pub const PAUSE: &str = "Pause";
/// The first-step button.
pub const FIRST: &str = "First step";
/// The last-step button.
pub const LAST: &str = "Last step";
/// "Step 4 of 13".
pub fn step_of(position: usize, total: usize) -> String {
    format!("Step {} of {total}", position + 1)
}
/// The keyboard hint.
pub const KEYS_HINT: &str = "← and → step, Home and End jump";

/// The heading over the reader's notes on a walk-through.
pub const FROM_YOUR_DATA: &str = "From your data";
/// The heading over the example note.
pub const EXAMPLE: &str = "Example";
/// The badge of a step or act where the reader's data meets the story.
pub const YOURS: &str = "Your mail";
/// The badge of the step where the reader's plaintext hop happened (the downgrade).
pub const WHERE_IT_HAPPENED: &str = "Where it happened";
/// The short badge beside a step's number where the reader's data meets the story.
pub const YOURS_SHORT: &str = "Yours";
/// The short badge beside the number of the step where the reader's plaintext hop happened.
pub const WHERE_IT_HAPPENED_SHORT: &str = "Here";
/// The badge of an act that is the reader's situation.
pub const YOUR_SITUATION: &str = "Your situation";
/// The badge of an optional step.
pub const OPTIONAL: &str = "Optional";
/// The note of an optional step.
pub const OPTIONAL_NOTE: &str = "Only sometimes: this branch happens when the situation it \
    describes arises.";

/// The detail's label for what a message carries.
pub const CONTENTS: &str = "What it carries";
/// The detail's label for local steps' contents.
pub const CONTENTS_LOCAL: &str = "What it checks";
/// The detail's label for references.
pub const REFERENCES: &str = "References";
/// The heading of the reader's notes on a step.
pub const IN_YOUR_MAIL: &str = "In your mail";
/// The link from a summary step to its detailed walk-through.
pub fn expands(title: &str) -> String {
    format!("See it message by message: {title}")
}
/// The heading of the ending.
pub const OUTCOME: &str = "How it ends";

/// The legend's heading.
pub const LEGEND_TITLE: &str = "How to read the diagram";
/// The legend's rows, in the order [`ENCRYPTIONS`] lists them.
pub const ENCRYPTIONS: [Encryption; 6] = [
    Encryption::Plaintext,
    Encryption::HandshakeKeys,
    Encryption::ApplicationKeys,
    Encryption::EarlyDataKeys,
    Encryption::Mixed,
    Encryption::OwnConnection,
];
/// The legend's entry for optional steps.
pub const LEGEND_OPTIONAL: &str = "dashed: an optional branch";
/// The legend's entry for local steps.
pub const LEGEND_LOCAL: &str = "box: a check or decision, nothing sent";

/// How a step is protected, in a few words (the diagram's label and the badge).
pub fn encryption(encryption: Encryption) -> &'static str {
    match encryption {
        Encryption::Plaintext => "plaintext",
        Encryption::HandshakeKeys => "handshake keys",
        Encryption::ApplicationKeys => "application keys",
        Encryption::EarlyDataKeys => "early data keys (0-RTT)",
        Encryption::Mixed => "plaintext, then TLS",
        Encryption::OwnConnection => "own connection",
        Encryption::NotOnWire => "not sent",
    }
}

/// What that protection means, in one sentence (the legend and the detail).
pub fn encryption_meaning(encryption: Encryption) -> &'static str {
    match encryption {
        Encryption::Plaintext => "Anyone on the path can read and change it.",
        Encryption::HandshakeKeys => {
            "Encrypted with TLS 1.3 handshake keys: hidden from observers, even the certificate."
        }
        Encryption::ApplicationKeys => "Encrypted with the keys the handshake agreed.",
        Encryption::EarlyDataKeys => {
            "Encrypted with keys from an earlier session only: not forward secret, and replayable."
        }
        Encryption::Mixed => {
            "A whole TLS handshake: its first messages are plaintext, the rest protected."
        }
        Encryption::OwnConnection => {
            "Sent over a separate connection with its own protection (HTTPS or mail)."
        }
        Encryption::NotOnWire => "Nothing is sent: a check or decision inside one party.",
    }
}

/// How a walk-through ends, as a badge.
pub fn ending(ending: Ending) -> &'static str {
    match ending {
        Ending::Encrypted => "Encrypted",
        Ending::Plaintext => "Plaintext",
        Ending::Deferred => "Deferred, not exposed",
        Ending::Bounced => "Bounced, not exposed",
        Ending::Informational => "Good to know",
    }
}

/// "Sending server → Receiving server", or "Sending server (inside)" for a local step.
pub fn from_to(step: &Step) -> String {
    if step.actor == step.to {
        format!("{}, on its own", step.actor.label())
    } else {
        format!("{} \u{2192} {}", step.actor.label(), step.to.label())
    }
}

/// What a step's row says to a screen reader, and what the live region announces:
/// "Step 4 of 13: ServerHello, Receiving server → Sending server, plaintext. Optional."
pub fn step_label(step: &Step, position: usize, total: usize) -> String {
    let mut out = format!(
        "{}: {}, {}, {}.",
        step_of(position, total),
        step.message,
        from_to(step),
        encryption(step.encrypted)
    );
    if step.optional {
        out.push_str(" Optional.");
    }
    if step.highlight {
        out.push_str(" Your mail.");
    }
    out
}

/// The live region's announcement when the step changes: the label, then the explanation.
pub fn announce(step: &Step, position: usize, total: usize) -> String {
    format!("{} {}", step_label(step, position, total), step.explanation)
}
