//! Shared helpers for the integration tests: the third-party corpus in `../shared/corpus` and
//! its `MANIFEST.tsv`, and a one-call way to analyse text.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use mailtls::analysis::{analyze, Document, Inputs, Options, Report, Timestamp};

/// A fixed "now" for every test: 2026-01-01T00:00:00Z.
pub const NOW: Timestamp = Timestamp(1_767_225_600);

/// The corpus folder (`../shared/corpus` from the repository root).
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// One row of `MANIFEST.tsv`.
#[derive(Debug, Clone)]
pub struct Row {
    /// Path inside the corpus folder, e.g. `headers/mha_case1.txt`.
    pub local_path: String,
    /// Where the data came from.
    pub source_repo: String,
    /// The source's licence.
    pub license: String,
    /// What the source says the right result is (may be empty).
    pub expected: String,
    /// How the file was cut out.
    pub notes: String,
}

impl Row {
    /// The file's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(corpus_dir().join(&self.local_path))
            .unwrap_or_else(|e| panic!("{}: {e}", self.local_path))
    }

    /// The file name without folder.
    pub fn file_name(&self) -> &str {
        self.local_path
            .rsplit('/')
            .next()
            .unwrap_or(&self.local_path)
    }
}

/// Rows of the manifest whose path starts with `folder/`, in manifest order.
pub fn manifest(folder: &str) -> Vec<Row> {
    let text = std::fs::read_to_string(corpus_dir().join("MANIFEST.tsv"))
        .expect("../shared/corpus/MANIFEST.tsv must exist (see README: tests need ../shared)");
    let prefix = format!("{folder}/");
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let get = |i: usize| unquote(cols.get(i).copied().unwrap_or_default());
            let local_path = get(0);
            local_path.starts_with(&prefix).then(|| Row {
                local_path,
                source_repo: get(1),
                license: get(4),
                expected: get(5),
                notes: get(6),
            })
        })
        .collect()
}

/// TSV cells may be quoted with doubled inner quotes.
fn unquote(cell: &str) -> String {
    let cell = cell.trim();
    match cell.strip_prefix('"').and_then(|c| c.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => cell.to_string(),
    }
}

/// Analyses documents with default options at [`NOW`].
pub fn run(documents: Vec<Document>) -> Report {
    analyze(
        &Inputs {
            documents,
            options: Options::default(),
        },
        NOW,
    )
}

/// Analyses one text.
pub fn run_text(name: &str, text: &str) -> Report {
    run(vec![Document::text(name, text)])
}
