//! Unit tests of the Received adapter: notation rows read into hops (see `received.rs`).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;

fn hop(line: &str) -> Hop {
    let section = read_headers(&format!("Received: {line}\n"), 0);
    section.hops.into_iter().next().unwrap()
}

#[test]
fn smoke() {
    let h = hop("from a.example (a.example [192.0.2.1]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)) by b.example (Postfix) with ESMTPS id X; Mon, 1 Jan 2024 00:00:00 +0000");
    assert_eq!(h.encrypted, Some(true));
    assert_eq!(h.tls_version, Some(TlsVersion::Tls1_3));
}
