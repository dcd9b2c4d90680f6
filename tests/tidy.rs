//! Tidy test: the project's invariants (ARCHITECTURE.md), checked over the source tree as a table
//! of rules. Each rule names the files it reads and what it forbids; a failure lists every
//! offending `file:line`. Every rule also carries a bad example it must catch and a good one it
//! must pass, so no rule here can silently never fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

/// Reads another file of the tree being checked (the repository, or a rule's example set).
type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// One invariant.
struct Rule {
    /// A short name, printed with each offence.
    name: &'static str,
    /// Which files it reads, by repository-relative path with `/`.
    applies: fn(&str) -> bool,
    /// The offences in one file: `(line, message)`, lines counted from 1.
    check: fn(path: &str, text: &str, lookup: Lookup) -> Vec<(usize, String)>,
    /// Files (path, text) whose first file must offend; the rest are there for lookups.
    bad: &'static [(&'static str, &'static str)],
    /// How many offences the bad example holds: each must be found.
    bad_offences: usize,
    /// Files whose first file must not offend.
    good: &'static [(&'static str, &'static str)],
}

/// The rules. A new invariant adds a row here, with its examples.
static RULES: &[Rule] = &[
    Rule {
        name: "analysis-is-pure",
        applies: |p| p.starts_with("src/analysis/") && p.ends_with(".rs"),
        check: analysis_is_pure,
        bad: &[(
            "src/analysis/x.rs",
            "//! x\nuse yew::prelude::*;\nuse std::{fs, net::TcpStream};\n\
             fn f() { let t = std::time::SystemTime::now(); let ok = cert.is_valid(); }\n",
        )],
        bad_offences: 5,
        good: &[(
            "src/analysis/x.rs",
            "//! Must not use yew, web_sys or SystemTime::now.\nuse std::net::IpAddr;\n\
             // Instant::now is never called here.\nconst S: &str = \"Date::now() and yew\";\n\
             fn f<'a>(c: char) -> bool { c == '\"' || c == '/' }\nfn g() {}\n",
        )],
    },
    Rule {
        name: "browser-crates-only-in-web-and-worker",
        applies: |p| {
            p.starts_with("src/") && p.ends_with(".rs") && p != "src/ui/web.rs" && p != "src/worker.rs"
        },
        check: browser_crates_elsewhere,
        bad: &[(
            "src/ui/components/x.rs",
            "//! x\nfn v(e: InputEvent) { let t = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>(); }\n",
        )],
        bad_offences: 1,
        good: &[("src/ui/components/x.rs", "//! Renders; `ui/web.rs` reads the web_sys event.\nuse yew::prelude::*;\n")],
    },
    Rule {
        name: "yew-only-in-the-page",
        applies: |p| {
            p.starts_with("src/") && p.ends_with(".rs") && !p.starts_with("src/ui/") && p != "src/main.rs"
        },
        check: yew_elsewhere,
        bad: &[("src/worker.rs", "//! x\nuse yew::Callback;\n")],
        bad_offences: 1,
        good: &[("src/worker.rs", "//! Must not depend on Yew (yew).\nuse js_sys::Array;\n")],
    },
    Rule {
        name: "page-never-analyses",
        applies: |p| (p.starts_with("src/ui/") && p.ends_with(".rs")) || p == "src/main.rs",
        check: page_analyses,
        bad: &[(
            "src/ui/app.rs",
            "//! x\nfn f(i: &Inputs) -> Report { crate::analysis::analyze(i, Timestamp(0)) }\n",
        )],
        bad_offences: 1,
        good: &[(
            "src/ui/app.rs",
            "//! Renders the worker's reply; never calls analyze.\nuse crate::analysis::{Hop, Report};\n",
        )],
    },
    Rule {
        name: "file-starts-with-doc-line",
        applies: |p| p.starts_with("src/") && p.ends_with(".rs"),
        check: starts_with_doc_line,
        bad: &[("src/x.rs", "use std::fmt;\n//! Late docs.\n")],
        bad_offences: 1,
        good: &[("src/x.rs", "//! What this file is and what it must not depend on.\n")],
    },
    Rule {
        name: "no-third-party-urls",
        applies: is_page_source,
        check: no_third_party_urls,
        bad: &[(
            "www/app.css",
            "/* fonts from https://fonts.example are fine in a comment */\n\
             body { background: url(\"https://cdn.example.com/bg.png\"); }\n",
        )],
        bad_offences: 1,
        good: &[(
            "www/icon.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- from https://example.org --></svg>\n",
        )],
    },
    Rule {
        name: "relative-asset-urls",
        applies: is_page_source,
        check: relative_asset_urls,
        bad: &[("index.html", "<link rel=\"manifest\" href=\"/manifest.webmanifest\">\n")],
        bad_offences: 1,
        good: &[(
            "index.html",
            "<link rel=\"icon\" href=\"www/icon.svg\"><a href=\"#main\">skip</a>\n\
             <img src=\"data:,\" alt=\"\">\n",
        )],
    },
    Rule {
        name: "no-style-attributes",
        applies: |p| {
            (p.starts_with("src/ui/") && p.ends_with(".rs"))
                || p == "index.html"
                || (p.starts_with("www/") && p.ends_with(".html"))
        },
        check: no_style_attributes,
        bad: &[(
            "src/ui/components/x.rs",
            "//! x\nfn v() -> Html { html! { <div style=\"color: red\">{ \"x\" }</div> } }\n",
        )],
        bad_offences: 1,
        good: &[(
            "src/ui/components/x.rs",
            "//! Uses classes: never style=\"...\" attributes.\n\
             fn v() -> Html { html! { <div class=\"warn\" data-style=\"x\">{ \"style=\" }</div> } }\n",
        )],
    },
    Rule {
        name: "no-inline-scripts-or-handlers",
        applies: |p| p == "index.html" || (p.starts_with("www/") && p.ends_with(".html")),
        check: no_inline_scripts,
        bad: &[("index.html", "<body onload=\"start()\"><script>start()</script></body>\n")],
        bad_offences: 2,
        good: &[(
            "index.html",
            "<!-- <script>old()</script> -->\n<script src=\"www/boot.js\" type=\"module\"></script>\n\
             <link data-trunk rel=\"rust\" href=\"Cargo.toml\" data-bin=\"mailtls-web\" />\n",
        )],
    },
    Rule {
        name: "ci-runs-the-readme-test-command",
        applies: |p| p == "README.md",
        check: ci_runs_test_command,
        bad: &[
            (
                "README.md",
                "# x\n## Quick start\n```sh\n./scripts/serve.sh\n```\n```sh\n./scripts/test.sh\n```\n",
            ),
            (".ci/run", "#!/usr/bin/env bash\n# ./scripts/test.sh\ncargo test\n"),
            ("scripts/serve.sh", "#!/bin/sh\n"),
            ("scripts/test.sh", "#!/bin/sh\n"),
        ],
        bad_offences: 1,
        good: &[
            (
                "README.md",
                "# x\n## Quick start\nServe:\n```sh\n./scripts/serve.sh\n```\nTest:\n\
                 ```sh\n./scripts/test.sh\n```\n## Next\n```sh\ncargo run\n```\n",
            ),
            (".ci/run", "#!/usr/bin/env bash\nset -e\nexec ./scripts/test.sh\n"),
            ("scripts/serve.sh", "#!/bin/sh\n"),
            ("scripts/test.sh", "#!/bin/sh\n"),
        ],
    },
];

#[test]
fn tidy() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let files = walk(&root);
    let lookup = |path: &str| std::fs::read_to_string(root.join(path)).ok();
    let mut offences = Vec::new();
    let mut checked = 0;
    for rule in RULES {
        for path in files.iter().filter(|p| (rule.applies)(p)) {
            let Ok(text) = std::fs::read_to_string(root.join(path)) else {
                continue;
            };
            checked += 1;
            for (line, message) in (rule.check)(path, &text, &lookup) {
                offences.push(format!("{path}:{line}: {message} [{}]", rule.name));
            }
        }
    }
    assert!(
        checked > 0,
        "the tidy rules matched no file under {}",
        root.display()
    );
    assert!(
        offences.is_empty(),
        "{} tidy offence(s):\n  {}",
        offences.len(),
        offences.join("\n  ")
    );
}

#[test]
fn every_rule_catches_its_bad_example_and_passes_its_good_one() {
    let mut problems = Vec::new();
    for rule in RULES {
        for (set, want_offences) in [(rule.bad, true), (rule.good, false)] {
            let Some((path, text)) = set.first() else {
                problems.push(format!("{}: an example set is empty", rule.name));
                continue;
            };
            let lookup = |p: &str| {
                set.iter()
                    .find(|(q, _)| *q == p)
                    .map(|(_, t)| t.to_string())
            };
            assert!(
                (rule.applies)(path),
                "{}: example {path} is not a file it applies to",
                rule.name
            );
            let found = (rule.check)(path, text, &lookup);
            if want_offences && found.len() != rule.bad_offences {
                problems.push(format!(
                    "{}: found {} offences in its bad example {path}, not {}: {found:?}",
                    rule.name,
                    found.len(),
                    rule.bad_offences
                ));
            }
            if !want_offences && !found.is_empty() {
                problems.push(format!(
                    "{}: flagged its good example {path}: {found:?}",
                    rule.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// --- The rules -------------------------------------------------------------------------------

/// What `src/analysis` must never use: browser crates, a clock, IO or randomness (STYLE.md).
/// Matched in code only: comments and string contents are blanked first.
const IMPURE: &[(&str, &str)] = &[
    ("yew", "the UI framework"),
    ("web_sys", "a browser crate"),
    ("js_sys", "a browser crate"),
    ("gloo", "a browser crate"),
    ("wasm_bindgen", "a browser crate"),
    ("wasm_bindgen_futures", "a browser crate"),
    ("serde_wasm_bindgen", "a browser crate"),
    ("SystemTime::now", "the clock (take `now` as an argument)"),
    ("Instant::now", "the clock (take `now` as an argument)"),
    ("ASN1Time::now", "the clock (take `now` as an argument)"),
    ("Date::now", "the clock (take `now` as an argument)"),
    (
        ".is_valid()",
        "the clock (x509 validity against the system time)",
    ),
    ("std::fs", "file IO"),
    ("File::open", "file IO"),
    ("File::create", "file IO"),
    ("read_dir", "file IO"),
    ("TcpStream", "network IO"),
    ("TcpListener", "network IO"),
    ("UdpSocket", "network IO"),
    ("ToSocketAddrs", "network IO (a DNS lookup)"),
    ("to_socket_addrs", "network IO (a DNS lookup)"),
    ("stdin", "IO"),
    ("std::process", "processes"),
    ("std::env", "the environment"),
    ("rand", "randomness"),
    ("getrandom", "randomness"),
];

fn analysis_is_pure(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    let code = blank(text, Syntax::Rust);
    let mut found = Vec::new();
    for (token, what) in IMPURE {
        for at in find_token(&code, token) {
            found.push((line_of(&code, at), format!("uses `{token}`: {what}")));
        }
    }
    // `use std::{fs, net::TcpStream}` hides the paths above in a group.
    for at in find_token(&code, "std::{") {
        let group: String = code[at..].chars().take_while(|&c| c != '}').collect();
        for name in ["fs", "process", "env"] {
            if !find_token(&group, name).is_empty() {
                found.push((line_of(&code, at), format!("uses `std::{{{name}}}`")));
            }
        }
    }
    found.sort();
    found
}

/// The crates that touch the browser. Only `ui/web.rs` (the page) and `worker.rs` (the worker)
/// may use them, so everything else builds and tests natively.
const BROWSER_CRATES: &[&str] = &[
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "serde_wasm_bindgen",
];

/// What the page must never call: the analysis runs in the worker; the page links its types only.
const ANALYSIS_ENTRY_POINTS: &[&str] = &[
    "analyze",
    "read_headers",
    "detect::detect",
    "dns::read",
    "transport::judge",
    "posture::grade",
    // The explainer's walk-throughs are built in the worker and arrive in the report.
    "Facts::from_report",
    "handshake::walkthrough",
    "handshake::explainer",
];

fn browser_crates_elsewhere(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    forbid(
        text,
        BROWSER_CRATES,
        "a browser crate outside ui/web.rs and worker.rs",
    )
}

fn yew_elsewhere(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    forbid(text, &["yew"], "Yew outside the page (src/ui, src/main.rs)")
}

fn page_analyses(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    forbid(
        text,
        ANALYSIS_ENTRY_POINTS,
        "analysis code in the page: send it to the worker",
    )
}

/// Offences for each use of any of `tokens` in Rust code (comments and strings blanked).
fn forbid(text: &str, tokens: &[&str], what: &str) -> Vec<(usize, String)> {
    let code = blank(text, Syntax::Rust);
    let mut found: Vec<(usize, String)> = tokens
        .iter()
        .flat_map(|token| {
            find_token(&code, token)
                .into_iter()
                .map(move |at| (at, format!("uses `{token}`: {what}")))
        })
        .map(|(at, message)| (line_of(&code, at), message))
        .collect();
    found.sort();
    found
}

fn starts_with_doc_line(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    if text.lines().next().is_some_and(|l| l.starts_with("//!")) {
        Vec::new()
    } else {
        vec![(
            1,
            "the first line must be a `//!` line saying what the file is".into(),
        )]
    }
}

/// The page's own sources: `index.html` and `www/`, except the samples (data shown as text).
fn is_page_source(path: &str) -> bool {
    let web = [
        ".html",
        ".htm",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".webmanifest",
        ".svg",
        ".xml",
    ];
    path == "index.html"
        || (path.starts_with("www/")
            && !path.starts_with("www/samples/")
            && (path.ends_with("/_headers") || web.iter().any(|e| path.ends_with(e))))
}

fn syntax_of(path: &str) -> Syntax {
    if path.ends_with(".js") || path.ends_with(".mjs") {
        Syntax::Js
    } else if path.ends_with(".css") {
        Syntax::Css
    } else if path.ends_with("_headers") {
        Syntax::Hash
    } else if path.ends_with(".json") || path.ends_with(".webmanifest") {
        Syntax::Plain
    } else {
        Syntax::Html
    }
}

fn no_third_party_urls(path: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    let code = blank(text, syntax_of(path));
    let lower = code.to_ascii_lowercase();
    let mut found = Vec::new();
    for scheme in ["http://", "https://"] {
        for (at, _) in lower.match_indices(scheme) {
            // An XML namespace names a vocabulary; nothing is fetched from it.
            let before = &lower[..at];
            if before
                .trim_end_matches(['"', '\''])
                .trim_end()
                .ends_with('=')
                && before
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.starts_with("xmlns"))
            {
                continue;
            }
            let url: String = code[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && !"\"'()<>".contains(*c))
                .collect();
            found.push((
                line_of(&code, at),
                format!("third-party URL {url}: the page loads only its own files"),
            ));
        }
    }
    found
}

/// Attributes and CSS functions whose value the browser fetches or navigates to.
const URL_ATTRIBUTES: &[&str] = &[
    "src=", "href=", "action=", "srcset=", "poster=", "data=", "url(", "@import",
];

fn relative_asset_urls(path: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    let code = blank(text, syntax_of(path));
    let lower = code.to_ascii_lowercase();
    let mut found = Vec::new();
    for attribute in URL_ATTRIBUTES {
        for (at, _) in lower.match_indices(attribute) {
            // `data-src=` and the like are not fetched; the attribute must stand alone.
            let before = lower[..at].chars().next_back();
            if attribute.ends_with('=') && before.is_some_and(|c| c.is_alphanumeric() || c == '-') {
                continue;
            }
            let value: String = code[at + attribute.len()..]
                .trim_start()
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| !c.is_whitespace() && !"\"')>".contains(*c))
                .collect();
            let v = value.to_ascii_lowercase();
            let scheme = v.split_once(':').is_some_and(|(s, _)| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
            let allowed = v.starts_with("data:") || v.starts_with('#');
            if !allowed && (scheme || v.starts_with('/') || v.starts_with('\\')) {
                found.push((
                    line_of(&code, at),
                    format!("{attribute}{value}: asset URLs must be relative (the page may live under any path)"),
                ));
            }
        }
    }
    found
}

fn no_style_attributes(path: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    let syntax = if path.ends_with(".rs") {
        Syntax::Rust
    } else {
        Syntax::Html
    };
    let code = blank(text, syntax);
    let mut found = Vec::new();
    for pattern in ["style=\"", "style={", "style='", "<style"] {
        for (at, _) in code.match_indices(pattern) {
            let before = code[..at].chars().next_back();
            if pattern.starts_with('s')
                && before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            found.push((
                line_of(&code, at),
                format!(
                    "`{pattern}`: the CSP (style-src 'self') forbids inline styles; use a class"
                ),
            ));
        }
    }
    // `set_attribute("style", ..)`: the attribute name is a string, blanked above.
    for (at, _) in text.match_indices("\"style\"") {
        if syntax == Syntax::Rust {
            found.push((
                line_of(text, at),
                "sets a style attribute: use a class or CSSOM".into(),
            ));
        }
    }
    found
}

fn no_inline_scripts(_: &str, text: &str, _: Lookup) -> Vec<(usize, String)> {
    let code = blank(text, Syntax::Html);
    let lower = code.to_ascii_lowercase();
    let mut found = Vec::new();
    for (at, _) in lower.match_indices("<script") {
        let tag: String = lower[at..].chars().take_while(|&c| c != '>').collect();
        if !tag.contains(" src=") && !tag.contains("\tsrc=") && !tag.contains("\nsrc=") {
            found.push((
                line_of(&code, at),
                "inline <script>: the CSP allows only script files".into(),
            ));
        }
    }
    for (at, _) in lower.match_indices("on") {
        let after_space = lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace);
        let name: String = lower[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if after_space && name.len() > 2 && lower[at + name.len()..].starts_with('=') {
            found.push((
                line_of(&code, at),
                format!("inline event handler {name}=: the CSP forbids it"),
            ));
        }
    }
    for (at, _) in lower.match_indices("javascript:") {
        found.push((line_of(&code, at), "javascript: URL".into()));
    }
    found
}

/// README's Quick start has exactly two commands (serve, then test); both exist, and `.ci/run`
/// runs the second.
fn ci_runs_test_command(_: &str, text: &str, lookup: Lookup) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim().eq_ignore_ascii_case("## quick start"))
    else {
        return vec![(1, "no `## Quick start` section".into())];
    };
    let mut commands = Vec::new();
    let mut fenced = false;
    for (index, line) in lines.iter().enumerate().skip(start + 1) {
        if line.starts_with("## ") {
            break;
        }
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if fenced && !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            commands.push((index + 1, line.trim().trim_start_matches("$ ").to_string()));
        }
    }
    let mut found = Vec::new();
    if commands.len() != 2 {
        found.push((
            start + 1,
            format!(
                "Quick start must show exactly two commands, not {}",
                commands.len()
            ),
        ));
    }
    for (line, command) in &commands {
        let program = command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_start_matches("./");
        if lookup(program).is_none() {
            found.push((*line, format!("`{command}`: {program} does not exist")));
        }
    }
    if let Some((line, command)) = commands.get(1) {
        let program = command
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_start_matches("./");
        let ci = lookup(".ci/run").unwrap_or_default();
        let runs = ci.lines().any(|l| {
            let l = l.trim();
            !l.starts_with('#')
                && l.split_whitespace()
                    .any(|w| w.trim_start_matches("./") == program)
        });
        if !runs {
            found.push((
                *line,
                format!(".ci/run does not run the test command `{command}`"),
            ));
        }
    }
    found
}

// --- Helpers ---------------------------------------------------------------------------------

/// Every file under the repository root, as relative paths with `/`, skipping build output,
/// dependencies and version control.
fn walk(root: &Path) -> Vec<String> {
    let skip = ["target", "dist", "node_modules", ".git", "fuzz"];
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                if !skip.contains(&relative.as_str()) {
                    stack.push(path);
                }
            } else {
                out.push(relative);
            }
        }
    }
    out.sort();
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Syntax {
    /// `//` and nested `/* */` comments; string and char contents are blanked too.
    Rust,
    /// `/* */` and `//` comments; strings are kept (a URL in a string is still fetched).
    Js,
    /// `/* */` comments only (`//` starts a protocol-relative URL in CSS).
    Css,
    /// `<!-- -->` comments.
    Html,
    /// `#` at the start of a line (the `_headers` format).
    Hash,
    /// No comments (JSON).
    Plain,
}

/// `text` with comments (and, for Rust, string contents) replaced by spaces, keeping every
/// newline, so offsets and line numbers still match the original.
fn blank(text: &str, syntax: Syntax) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let hide = |c: char| if c == '\n' { '\n' } else { ' ' };
    // Pushes a hidden char of the same UTF-8 width, so byte offsets stay the same.
    let push_hidden = |out: &mut String, c: char| {
        let h = hide(c);
        for _ in 0..c.len_utf8() {
            out.push(h);
        }
    };
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let starts = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| at(i + k) == c);
    let mut i = 0;
    let mut line_start = true;
    while i < chars.len() {
        let c = chars[i];
        let code_like = matches!(syntax, Syntax::Rust | Syntax::Js | Syntax::Css);
        // Comments.
        let comment_end = if syntax == Syntax::Html && starts(i, "<!--") {
            Some(find_from(&chars, i + 4, "-->").map_or(chars.len(), |e| e + 3))
        } else if syntax == Syntax::Hash && line_start && c == '#' {
            Some(find_from(&chars, i, "\n").unwrap_or(chars.len()))
        } else if code_like && starts(i, "/*") {
            Some(block_comment_end(&chars, i, syntax == Syntax::Rust))
        } else if matches!(syntax, Syntax::Rust | Syntax::Js) && starts(i, "//") {
            Some(find_from(&chars, i, "\n").unwrap_or(chars.len()))
        } else {
            None
        };
        if let Some(end) = comment_end {
            for &h in &chars[i..end] {
                push_hidden(&mut out, h);
            }
            i = end;
            continue;
        }
        // Strings: skipped whole so that `//` inside them is not a comment.
        if code_like {
            let string_end = if syntax == Syntax::Rust {
                rust_literal_end(&chars, i)
            } else if c == '"' || c == '\'' || (c == '`' && syntax == Syntax::Js) {
                Some((1, quoted_end(&chars, i + 1, c)))
            } else {
                None
            };
            if let Some((open, end)) = string_end {
                for (k, &s) in chars[i..end].iter().enumerate() {
                    let keep = syntax != Syntax::Rust || k < open || k + 1 == end - i;
                    if keep {
                        out.push(s);
                    } else {
                        push_hidden(&mut out, s);
                    }
                }
                i = end;
                continue;
            }
        }
        line_start = c == '\n' || (line_start && c.is_whitespace());
        out.push(c);
        i += 1;
    }
    out
}

fn find_from(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let n: Vec<char> = needle.chars().collect();
    (from..chars.len()).find(|&i| chars.get(i..i + n.len()) == Some(&n[..]))
}

fn block_comment_end(chars: &[char], start: usize, nested: bool) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < chars.len() {
        if chars[i] == '/' && chars[i + 1] == '*' && (nested || depth == 0) {
            depth += 1;
            i += 2;
        } else if chars[i] == '*' && chars[i + 1] == '/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    chars.len()
}

/// The end (exclusive) of a quoted literal whose contents start at `from`.
fn quoted_end(chars: &[char], from: usize, quote: char) -> usize {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == '\\' {
            i += 2;
        } else if chars[i] == quote {
            return i + 1;
        } else {
            i += 1;
        }
    }
    chars.len()
}

/// A Rust string, raw string or char literal at `i`: (length of its opening, end), or `None`
/// (including for lifetimes such as `'a`).
fn rust_literal_end(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let c = at(i);
    if c == '"' {
        return Some((1, quoted_end(chars, i + 1, '"')));
    }
    if c == '\'' {
        if at(i + 1) == '\\' {
            return Some((1, quoted_end(chars, i + 1, '\'')));
        }
        if at(i + 2) == '\'' {
            return Some((1, i + 3));
        }
        return None;
    }
    // r"..", r#".."#, br"..": only where an identifier does not continue.
    let prefix = if c == 'r' && !(i > 0 && ident(at(i - 1))) {
        1
    } else if c == 'b' && at(i + 1) == 'r' && !(i > 0 && ident(at(i - 1))) {
        2
    } else {
        return None;
    };
    let hashes = (i + prefix..chars.len())
        .take_while(|&k| at(k) == '#')
        .count();
    if at(i + prefix + hashes) != '"' {
        return None;
    }
    let open = prefix + hashes + 1;
    let closing: String = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    let end = find_from(chars, i + open, &closing).map_or(chars.len(), |e| e + closing.len());
    Some((open, end))
}

/// Byte offsets of `token` in `code` where it is not part of a longer identifier.
fn find_token(code: &str, token: &str) -> Vec<usize> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices(token)
        .filter(|(at, _)| {
            let before = code[..*at].chars().next_back();
            let after = code[at + token.len()..].chars().next();
            let starts_ident = token.starts_with(ident);
            let ends_ident = token.ends_with(ident);
            let joins_before = starts_ident && before.is_some_and(ident);
            let joins_after = ends_ident && after.is_some_and(ident);
            !joins_before && !joins_after
        })
        .map(|(at, _)| at)
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
