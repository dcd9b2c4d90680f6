//! Finding certificates in pasted text or dropped bytes: PEM blocks (RFC 7468) among any other
//! lines, base64 DER without armour, and binary DER. Each problem gets a location: the BEGIN
//! line, the exact character of bad base64, or the byte offset of bad DER.
//!
//! Must not interpret certificates beyond checking that x509-parser can read them; base64 comes
//! from the data-encoding crate, not from hand-written code.

use x509_parser::asn1_rs::{FromDer, Header};

use super::{CertReading, RawCertificate};
use crate::analysis::catalog::certs as catalog;
use crate::analysis::finding::{excerpt, Finding, Location};

/// Labels that hold a certificate (RFC 7468 §5.1 and OpenSSL's two older spellings).
const CERT_LABELS: &[&str] = &["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE"];

/// Reads a dropped file: binary DER when it looks binary, text otherwise.
pub(super) fn read_bytes(bytes: &[u8], input: usize) -> CertReading {
    if bytes.first() == Some(&0x30) && crate::analysis::detect::is_binary(bytes) {
        return read_der_file(bytes, input);
    }
    read_text(&String::from_utf8_lossy(bytes), input)
}

/// Reads text: PEM blocks anywhere in it, or one base64 blob without armour.
pub(super) fn read_text(text: &str, input: usize) -> CertReading {
    let mut reading = CertReading::default();
    let blocks = scan_blocks(text, input, &mut reading.findings);
    if blocks.is_empty() {
        if let Some(blob) = bare_base64(text, input) {
            decode_block(&blob, input, &mut reading);
        } else if reading.findings.is_empty() {
            reading
                .findings
                .push(Finding::new(&catalog::CERT_NONE_FOUND).at(Location {
                    input,
                    line: 1,
                    column: 1,
                    excerpt: excerpt(text.lines().next().unwrap_or_default(), 120),
                }));
        }
        return reading;
    }
    for block in &blocks {
        decode_block(block, input, &mut reading);
    }
    reading
}

/// One PEM block (or bare blob): its label, its base64 body without whitespace, and enough of
/// the original lines to point at a bad character.
struct Block {
    label: String,
    body: String,
    /// (offset in `body`, 1-based line, the original line) for each body line.
    lines: Vec<(usize, u32, String)>,
    begin: Location,
}

/// Splits text into PEM blocks, reporting blocks without an END line and non-certificate
/// blocks. Lines outside blocks (s_client noise, prose) are ignored.
fn scan_blocks(text: &str, input: usize, findings: &mut Vec<Finding>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let line = raw.trim_start_matches('\u{feff}');
        let trimmed = line.trim();
        if let Some(label) = pem_label(trimmed, "-----BEGIN ") {
            if let Some(unfinished) = open.take() {
                findings.push(no_end(
                    &unfinished,
                    "another BEGIN line starts before it ends",
                ));
                blocks.push(unfinished);
            }
            let column = line.len() - line.trim_start().len() + 1;
            open = Some(Block {
                label: label.to_string(),
                body: String::new(),
                lines: Vec::new(),
                begin: Location {
                    input,
                    line: line_no,
                    column: u32::try_from(column).unwrap_or(u32::MAX),
                    excerpt: excerpt(trimmed, 120),
                },
            });
            continue;
        }
        let Some(block) = open.as_mut() else {
            continue;
        };
        if let Some(label) = pem_label(trimmed, "-----END ") {
            if label != block.label {
                findings.push(
                    Finding::new(&catalog::CERT_PEM_MALFORMED)
                        .specific(format!(
                            "The block opened as \u{201c}{}\u{201d} is closed as \u{201c}{label}\u{201d}; \
                             it was read anyway.",
                            block.label
                        ))
                        .at(location_of(input, line_no, raw)),
                );
            }
            if let Some(done) = open.take() {
                blocks.push(done);
            }
            continue;
        }
        // RFC 1421 headers (Proc-Type, DEK-Info) belong to encrypted keys, never to
        // certificates; skip them so the body stays base64.
        if trimmed.contains(':') && block.body.is_empty() {
            continue;
        }
        if !trimmed.is_empty() {
            block
                .lines
                .push((block.body.len(), line_no, raw.to_string()));
            block
                .body
                .extend(trimmed.chars().filter(|c| !c.is_whitespace()));
        }
    }
    if let Some(unfinished) = open.take() {
        findings.push(no_end(&unfinished, "the text ends first"));
        blocks.push(unfinished);
    }
    let mut certificates = Vec::new();
    for block in blocks {
        if CERT_LABELS.contains(&block.label.as_str()) {
            certificates.push(block);
        } else if block.label.contains("PRIVATE KEY") {
            findings.push(
                Finding::new(&catalog::CERT_PRIVATE_KEY_PASTED)
                    .specific(format!(
                        "A \u{201c}{}\u{201d} block was pasted.",
                        block.label
                    ))
                    .at(block.begin.clone()),
            );
        } else {
            findings.push(
                Finding::new(&catalog::CERT_OTHER_PEM_BLOCK)
                    .specific(format!(
                        "A \u{201c}{}\u{201d} block is not a certificate and was skipped.",
                        block.label
                    ))
                    .at(block.begin.clone()),
            );
        }
    }
    certificates
}

/// The label of a `-----BEGIN LABEL-----` or `-----END LABEL-----` line.
fn pem_label<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let label = line.strip_prefix(prefix)?.strip_suffix("-----")?;
    (!label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b' ' || b.is_ascii_digit()))
    .then_some(label)
}

fn no_end(block: &Block, why: &str) -> Finding {
    Finding::new(&catalog::CERT_PEM_NO_END)
        .specific(format!(
            "The \u{201c}{}\u{201d} block opened here has no END line: {why}. What came before \
             was still decoded.",
            block.label
        ))
        .at(block.begin.clone())
}

/// A whole text that is nothing but base64 (after whitespace), starting like DER.
fn bare_base64(text: &str, input: usize) -> Option<Block> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if !trimmed.starts_with("MI") {
        return None;
    }
    let mut block = Block {
        label: "CERTIFICATE".to_string(),
        body: String::new(),
        lines: Vec::new(),
        begin: Location {
            input,
            line: 1,
            column: 1,
            excerpt: excerpt(trimmed.lines().next().unwrap_or_default(), 120),
        },
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if !line
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b' ' | b'\t'))
        {
            return None;
        }
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        if block.lines.is_empty() {
            block.begin.line = line_no;
        }
        block
            .lines
            .push((block.body.len(), line_no, raw.to_string()));
        block
            .body
            .extend(line.chars().filter(|c| !c.is_whitespace()));
    }
    Some(block)
}

/// Decodes one block's base64 and checks the DER, adding the certificate or a finding.
fn decode_block(block: &Block, input: usize, reading: &mut CertReading) {
    let der = match data_encoding::BASE64.decode(block.body.as_bytes()) {
        Ok(der) => der,
        Err(error) => {
            let location = body_location(block, error.position, input);
            reading.findings.push(
                Finding::new(&catalog::CERT_BASE64_INVALID)
                    .specific(format!(
                        "The base64 of the block that starts on line {} breaks here ({}).",
                        block.begin.line,
                        base64_problem(error.kind)
                    ))
                    .at(location),
            );
            return;
        }
    };
    let trusted_format = block.label == "TRUSTED CERTIFICATE";
    match check_der(&der) {
        Ok(length) => {
            if trusted_format {
                reading
                    .findings
                    .push(Finding::new(&catalog::CERT_TRUSTED_FORMAT).at(block.begin.clone()));
            } else if length < der.len() {
                reading.findings.push(
                    Finding::new(&catalog::CERT_TRAILING_DATA)
                        .specific(format!(
                            "{} byte(s) follow the certificate (from byte offset {length} of the \
                             decoded block); they were ignored.",
                            der.len() - length
                        ))
                        .at(block.begin.clone()),
                );
            }
            reading.certificates.push(RawCertificate {
                der: der.get(..length).unwrap_or(&der).to_vec(),
                location: block.begin.clone(),
            });
        }
        Err(problem) => reading.findings.push(
            Finding::new(&catalog::CERT_DER_INVALID)
                .specific(format!(
                    "The block that starts on line {} decodes to {} bytes, but {problem}",
                    block.begin.line,
                    der.len()
                ))
                .at(block.begin.clone()),
        ),
    }
}

/// Binary DER: one or several certificates back to back, then perhaps stray bytes.
fn read_der_file(bytes: &[u8], input: usize) -> CertReading {
    let mut reading = CertReading::default();
    let mut offset = 0usize;
    while let Some(rest) = bytes.get(offset..).filter(|r| !r.is_empty()) {
        let location = byte_location(input, offset);
        match check_der(rest) {
            Ok(length) => {
                reading.certificates.push(RawCertificate {
                    der: rest.get(..length).unwrap_or(rest).to_vec(),
                    location,
                });
                offset += length.max(1);
            }
            Err(problem) if reading.certificates.is_empty() => {
                reading.findings.push(
                    Finding::new(&catalog::CERT_DER_INVALID)
                        .specific(format!("The file has {} bytes, but {problem}", bytes.len()))
                        .at(location),
                );
                break;
            }
            Err(_) => {
                reading.findings.push(
                    Finding::new(&catalog::CERT_TRAILING_DATA)
                        .specific(format!(
                            "{} byte(s) after the last certificate, from byte offset {offset}, are \
                             not a certificate; they were ignored.",
                            rest.len()
                        ))
                        .at(location),
                );
                break;
            }
        }
    }
    reading
}

/// Checks that x509-parser reads a certificate at the start of `der`, returning its length, or
/// a sentence saying what is wrong and at which byte.
fn check_der(der: &[u8]) -> Result<usize, String> {
    let header = Header::from_der(der);
    let Ok((after_header, header)) = header else {
        return Err("they don't start with an ASN.1 SEQUENCE header (byte offset 0).".to_string());
    };
    let header_len = der.len() - after_header.len();
    let declared = header.length().definite().ok();
    if header.tag().0 != 16 {
        return Err(format!(
            "the first element has ASN.1 tag {} where a certificate's SEQUENCE (16) belongs \
             (byte offset 0).",
            header.tag().0
        ));
    }
    if let Some(declared) = declared {
        if declared > after_header.len() {
            return Err(format!(
                "the certificate declares {} bytes and only {} are present: it was cut off at \
                 byte offset {}.",
                declared + header_len,
                der.len(),
                der.len()
            ));
        }
    }
    match x509_parser::parse_x509_certificate(der) {
        Ok((rest, _)) => Ok(der.len() - rest.len()),
        Err(error) => Err(format!(
            "x509-parser cannot read them as a certificate ({}); the problem lies within bytes \
             {header_len}–{} of the certificate.",
            plain_error(&error),
            declared.map_or(der.len(), |d| d + header_len)
        )),
    }
}

fn plain_error(error: &x509_parser::nom::Err<x509_parser::error::X509Error>) -> String {
    match error {
        x509_parser::nom::Err::Incomplete(_) => "the data ends too early".to_string(),
        x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => e.to_string(),
    }
}

fn base64_problem(kind: data_encoding::DecodeKind) -> &'static str {
    match kind {
        data_encoding::DecodeKind::Symbol => "a character that is not base64",
        data_encoding::DecodeKind::Length => {
            "the length is not a multiple of 4: characters are missing"
        }
        data_encoding::DecodeKind::Trailing => "stray bits at the end",
        data_encoding::DecodeKind::Padding => "misplaced = padding",
    }
}

/// The line and column of character `position` of a block's body.
fn body_location(block: &Block, position: usize, input: usize) -> Location {
    let Some((start, line_no, raw)) = block
        .lines
        .iter()
        .take_while(|(start, _, _)| *start <= position)
        .last()
    else {
        return block.begin.clone();
    };
    let wanted = position - start;
    let mut seen = 0usize;
    let mut column = raw.chars().count() + 1;
    for (i, c) in raw.chars().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        if seen == wanted {
            column = i + 1;
            break;
        }
        seen += 1;
    }
    Location {
        input,
        line: *line_no,
        column: u32::try_from(column).unwrap_or(u32::MAX),
        excerpt: excerpt(raw, 120),
    }
}

fn location_of(input: usize, line: u32, raw: &str) -> Location {
    Location {
        input,
        line,
        column: 1,
        excerpt: excerpt(raw, 120),
    }
}

/// Binary input has no lines: line 1, and the column is the byte offset plus one.
fn byte_location(input: usize, offset: usize) -> Location {
    Location {
        input,
        line: 1,
        column: u32::try_from(offset + 1).unwrap_or(u32::MAX),
        excerpt: format!("byte offset {offset}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: expect_test::Expect) {
        let reading = read_text(text, 0);
        let mut out = format!("{} certificate(s)\n", reading.certificates.len());
        for f in &reading.findings {
            let l = f.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
            out.push_str(&format!(
                "{} {}:{} {}\n",
                f.code,
                l.0,
                l.1,
                f.detail.split(". ").next().unwrap_or("")
            ));
        }
        expected.assert_eq(&out);
    }

    #[test]
    fn framing_problems_are_located() {
        check(
            "noise\n-----BEGIN CERTIFICATE-----\nMIIB*AAA\n-----END CERTIFICATE-----\n",
            expect_test::expect![[r#"
                0 certificate(s)
                CERT_BASE64_INVALID 3:5 The base64 of the block that starts on line 2 breaks here (a character that is not base64)
            "#]],
        );
        check(
            "  -----BEGIN CERTIFICATE-----\nMIIBAAAA\n",
            expect_test::expect![[r#"
                0 certificate(s)
                CERT_PEM_NO_END 1:3 The “CERTIFICATE” block opened here has no END line: the text ends first
                CERT_DER_INVALID 1:3 The block that starts on line 1 decodes to 6 bytes, but the certificate declares 260 bytes and only 6 are present: it was cut off at byte offset 6
            "#]],
        );
        check(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
            expect_test::expect![[r#"
                0 certificate(s)
                CERT_PRIVATE_KEY_PASTED 1:1 A “PRIVATE KEY” block was pasted
                CERT_OTHER_PEM_BLOCK 4:1 A “CERTIFICATE REQUEST” block is not a certificate and was skipped
            "#]],
        );
        check(
            "hello\n",
            expect_test::expect![[r#"
                0 certificate(s)
                CERT_NONE_FOUND 1:1 No certificate was found in this input
            "#]],
        );
    }
}
