//! Every TLS notation the Received adapter must read, one line each, checked through the public
//! `analyze` entry point. The lines follow each MTA's documented or source-code format; where a
//! corpus file shows the notation, it is named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use expect_test::{expect, Expect};
use mailtls::analysis::{analyze, Document, Inputs, Timestamp};

/// Reads one Received line and prints what the hop says, plus the codes of its findings.
fn check(line: &str, expected: Expect) {
    let text = format!("Received: {line}\nSubject: test\n\n");
    let inputs = Inputs {
        documents: vec![Document::text("line", text)],
        ..Inputs::default()
    };
    let report = analyze(&inputs, Timestamp(1_767_225_600));
    let hop = report.hops.first().expect("one hop");
    let codes: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.hop == Some(0) && f.code.starts_with("HOP_"))
        .map(|f| f.code.as_str())
        .collect();
    let actual = format!(
        "encrypted={:?} internal={} version={:?} source={:?} at_least={:?} cipher={:?} iana={:?} with={:?} software={:?} codes={codes:?}",
        hop.encrypted,
        hop.internal,
        hop.tls_version.map(|v| v.name()),
        hop.tls_version_source.map(|s| s.name()),
        hop.tls_version_at_least.map(|v| v.name()),
        hop.cipher,
        hop.cipher_iana,
        hop.with,
        hop.software.map(|s| s.name()),
    );
    expected.assert_eq(&actual);
}

#[test]
fn postfix() {
    // Postfix smtpd_tls_received_header=yes (stalwart_received_005.txt).
    check(
        "from wmail.tana.it (wmail.tana.it [94.198.96.74]) (using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange ECDHE (P-256) server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client certificate requested) by ietfa.amsl.com (Postfix) with ESMTPS id 10B7AC151535 for <dmarc@ietf.org>; Mon, 28 Aug 2023 02:21:23 -0700 (PDT)",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("TLS_AES_256_GCM_SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Postfix") codes=[]"#]],
    );
    // The default smtpd_tls_received_header=no: only the S of ESMTPS says TLS was used.
    check(
        "from mail.example.org (mail.example.org [198.51.100.7]) by mx.example.net (Postfix) with ESMTPS id 4AB12C0F; Tue, 3 Sep 2024 10:00:00 +0000 (UTC)",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("ESMTPS") software=Some("Postfix") codes=[]"#]],
    );
    // Postfix without TLS: plaintext, because Postfix always says ESMTPS when TLS is used.
    check(
        "from mail.example.org (mail.example.org [198.51.100.7]) by mx.example.net (Postfix) with ESMTP id 4AB12C0F; Tue, 3 Sep 2024 10:00:00 +0000 (UTC)",
        expect![[r#"encrypted=Some(false) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("ESMTP") software=Some("Postfix") codes=["HOP_PLAINTEXT"]"#]],
    );
    // TLS 1.0 from Postfix is the negotiated version (SSL_get_version): deprecated.
    check(
        "from rubel.csumb.edu (rubel.csumb.edu [198.189.237.214]) (using TLSv1 with cipher DHE-RSA-AES256-SHA (256/256 bits)) (No client certificate requested) by sf1.isc.org (Postfix) with ESMTP id 23587284EE for <bind-users@isc.org>; Sat, 16 Oct 2004 23:32:19 +0000 (UTC)",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.0") source=Some("stated") at_least=None cipher=Some("DHE-RSA-AES256-SHA") iana=Some("TLS_DHE_RSA_WITH_AES_256_CBC_SHA") with=Some("ESMTP") software=Some("Postfix") codes=["HOP_TLS_DEPRECATED"]"#]],
    );
    // Postfix offering an anonymous suite in opportunistic mode.
    check(
        "from a.example (a.example [192.0.2.10]) (using TLSv1.2 with cipher ADH-AES256-GCM-SHA384 (256/256 bits)) (No client certificate requested) by b.example (Postfix) with ESMTPS id 1A2B3C; Wed, 4 Sep 2024 08:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ADH-AES256-GCM-SHA384") iana=Some("TLS_DH_anon_WITH_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Postfix") codes=["HOP_CIPHER_ANONYMOUS"]"#]],
    );
}

#[test]
fn postini_and_mimecast() {
    // Postini wrote only the version.
    check(
        "from mail.example.com ([203.0.113.5]) by exprod7mx123.postini.com ([64.18.2.10]) with SMTP (using TLSv1) ; Mon, 5 Mar 2012 09:10:11 PST",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.0") source=Some("stated") at_least=None cipher=None iana=None with=Some("SMTP") software=None codes=["HOP_TLS_DEPRECATED"]"#]],
    );
    check(
        "from mail.example.com (mail.example.com [203.0.113.5]) (Using TLS) by relay.mimecast.com with ESMTP id abc-123; Mon, 04 Mar 2024 10:00:00 -0000",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("ESMTP") software=Some("Mimecast") codes=[]"#]],
    );
}

#[test]
fn sendmail_and_haraka() {
    check(
        "from mail.example.org (mail.example.org [198.51.100.20]) by mx.example.net (8.17.1/8.17.1) with ESMTPS id 44N8xAbc012345 (version=TLSv1.3 cipher=TLS_AES_256_GCM_SHA384 bits=256 verify=NO) for <bob@example.net>; Thu, 23 May 2024 10:11:12 +0200",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("TLS_AES_256_GCM_SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Sendmail") codes=[]"#]],
    );
    // verify=OK describes the client certificate; it does not change the reading.
    check(
        "from relay.example.org (relay.example.org [198.51.100.21]) by mx.example.net (8.15.2/8.15.2) with ESMTP id 3AB2c0Tx004242 (version=TLSv1.2 cipher=ECDHE-RSA-AES256-GCM-SHA384 bits=256 verify=OK); Fri, 1 Mar 2019 12:00:00 +0100",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ECDHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("ESMTP") software=Some("Sendmail") codes=[]"#]],
    );
    // Old sendmail: `TLSv1/SSLv3` is OpenSSL 1.0's cipher minimum, never the negotiated version
    // (spamassassin_rcvd_097.txt). No deprecated-version finding; RC4 is still judged.
    check(
        "from 141.44.167.13 (p83.129.191.197.tisdip.tiscali.de [83.129.191.197]) (authenticated bits=0) by sunny.urz.uni-magdeburg.de (8.12.10/8.12.10) with ESMTP id i8ND9v0N017746 (version=TLSv1/SSLv3 cipher=RC4-MD5 bits=128 verify=NO) for <ilug@linux.ie>; Thu, 23 Sep 2004 15:09:59 +0200",
        expect![[r#"encrypted=Some(true) internal=false version=None source=Some("cipher-minimum") at_least=Some("SSLv3") cipher=Some("RC4-MD5") iana=Some("TLS_RSA_WITH_RC4_128_MD5") with=Some("ESMTP") software=Some("Sendmail") codes=["HOP_CIPHER_RC4", "HOP_VERSION_IS_CIPHER_MINIMUM", "HOP_CIPHER_NO_FORWARD_SECRECY"]"#]],
    );
    // Old sendmail with a TLS 1.2-only suite: the suite pins the version.
    check(
        "from a.example (a.example [192.0.2.30]) by b.example (8.14.4/8.14.4) with ESMTP id t1ABC123 (version=TLSv1/SSLv3 cipher=DHE-RSA-AES256-GCM-SHA384 bits=256 verify=NOT); Mon, 2 Feb 2015 10:00:00 +0100",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("inferred") at_least=None cipher=Some("DHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("ESMTP") software=Some("Sendmail") codes=[]"#]],
    );
    // Haraka writes Node's cipher.version, the suite's minimum: never a TLS 1.0 finding.
    check(
        "from mail.example.org (mail.example.org [198.51.100.40]) by haraka.example.net (Haraka/3.0.3) with ESMTPS id 8E2B6C1A-7C0D-4D2B-9A1F-1D2E3F4A5B6C.1 envelope-from <a@example.org> (version=TLSv1 cipher=ECDHE-RSA-AES256-SHA verify=NO); Tue, 07 May 2024 09:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=None source=Some("cipher-minimum") at_least=Some("TLSv1.0") cipher=Some("ECDHE-RSA-AES256-SHA") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA") with=Some("ESMTPS") software=Some("Haraka") codes=["HOP_VERSION_IS_CIPHER_MINIMUM"]"#]],
    );
}

#[test]
fn gmail() {
    check(
        "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id a640c23a62f3a-a8d25a4d3b1sor1234567866b.8.2024.09.05.01.02.03 for <alice@gmail.com> (Google Transport Security); Thu, 05 Sep 2024 01:02:03 -0700 (PDT)",
        expect![[r#"encrypted=Some(true) internal=true version=None source=None at_least=None cipher=None iana=None with=Some("SMTPS") software=Some("Gmail") codes=[]"#]],
    );
    check(
        "from mail.example.org (mail.example.org. [198.51.100.50]) by mx.google.com with ESMTPS id d75a77b69052e-45826a1b2c3si12345671cf.123.2024.09.05.01.02.03 for <alice@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Thu, 05 Sep 2024 01:02:03 -0700 (PDT)",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("TLS_AES_256_GCM_SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Gmail") codes=[]"#]],
    );
    check(
        "from mail.example.org (mail.example.org. [198.51.100.50]) by mx.google.com with ESMTP id x12si345678qkb.99.2019.01.01.00.00.00 for <alice@gmail.com>; Tue, 01 Jan 2019 00:00:00 -0800 (PST)",
        expect![[r#"encrypted=Some(false) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("ESMTP") software=Some("Gmail") codes=["HOP_PLAINTEXT"]"#]],
    );
    // Gmail's internal hop: no sending host, an IPv6 `by`.
    check(
        "by 2002:a05:6a10:8a0d:b0:5a2:1c3e:7f2a with SMTP id l13csp123456pxv; Thu, 5 Sep 2024 01:02:04 -0700 (PDT)",
        expect![[r#"encrypted=None internal=true version=None source=None at_least=None cipher=None iana=None with=Some("SMTP") software=Some("Gmail") codes=[]"#]],
    );
    check(
        "from smtp.gmail.com (smtp.gmail.com. [142.250.0.109]) by smtp.example.net with ESMTPSA id y2sm1234567wrt.45.2024.09.05.01.02.03 for <bob@example.net> (version=TLS1_2 cipher=ECDHE-ECDSA-CHACHA20-POLY1305 bits=256/256); Thu, 05 Sep 2024 01:02:03 -0700 (PDT)",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ECDHE-ECDSA-CHACHA20-POLY1305") iana=Some("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256") with=Some("ESMTPSA") software=None codes=[]"#]],
    );
}

#[test]
fn microsoft() {
    // Exchange Online with the SChannel curve suffix (pyreceived_exchange3.txt style).
    check(
        "from o9.sgmail.github.com (167.89.101.2) by CO1NAM03FT028.mail.protection.outlook.com (10.152.80.189) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384) id 15.20.696.11 via Frontend Transport; Sun, 22 Apr 2018 02:54:17 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384") with=Some("Microsoft SMTP Server") software=Some("Microsoft Exchange") codes=[]"#]],
    );
    // Without a TLS clause: unknown, not plaintext.
    check(
        "from vmta6.response.nfcu.org (199.204.166.217) by BN3NAM04FT003.mail.protection.outlook.com (10.152.92.112) with Microsoft SMTP Server id 15.20.696.11 via Frontend Transport; Sat, 21 Apr 2018 03:01:32 +0000",
        expect![[r#"encrypted=None internal=false version=None source=None at_least=None cipher=None iana=None with=Some("Microsoft SMTP Server") software=Some("Microsoft Exchange") codes=["HOP_ENCRYPTION_UNKNOWN"]"#]],
    );
    // Exchange 2010's `(TLS)`.
    check(
        "from smtp2.cardinal.com (10.212.2.71) by WPIL0210EXCAS23.cardinalhealth.net (10.212.25.115) with Microsoft SMTP Server (TLS) id 14.3.408.0; Wed, 13 Feb 2019 04:47:32 -0600",
        expect![[r#"encrypted=Some(true) internal=true version=None source=None at_least=None cipher=None iana=None with=Some("Microsoft SMTP Server") software=Some("Microsoft Exchange") codes=[]"#]],
    );
    // IIS SMTP over TLS (pyreceived_exchange4.txt).
    check(
        "from EUR03-VE1-obe.outbound.protection.outlook.com ([65.54.190.201]) by BAY004-OMC4S3.hotmail.com over TLS secured channel with Microsoft SMTPSVC(7.5.7601.23008); Mon, 5 Dec 2016 04:36:38 -0800",
        expect![[r#"encrypted=Some(true) internal=true version=None source=None at_least=None cipher=None iana=None with=Some("Microsoft SMTPSVC") software=Some("Microsoft Exchange") codes=[]"#]],
    );
    check(
        "from DM6PR11MB1234.namprd11.prod.outlook.com ([fe80::1:2:3:4]) by DM6PR11MB1234.namprd11.prod.outlook.com ([fe80::1:2:3:4%5]) with mapi id 15.20.7544.041; Tue, 7 May 2024 09:00:00 +0000",
        expect![[r#"encrypted=None internal=true version=None source=None at_least=None cipher=None iana=None with=Some("mapi") software=Some("Microsoft Exchange") codes=[]"#]],
    );
}

#[test]
fn exim() {
    check(
        "from mail.example.org ([198.51.100.60]) by mx.example.net with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.97) (envelope-from <a@example.org>) id 1rXyZa-00000000AbC-1234 for b@example.net; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("TLS_AES_256_GCM_SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("esmtps") software=Some("Exim") codes=[]"#]],
    );
    // GnuTLS names (pyreceived_exim1.txt).
    check(
        "from [1.2.3.4] (helo=[4.5.6.7]) by mail-serveur with esmtpsa (TLS1.2:ECDHE_RSA_AES_128_GCM_SHA256:128) (Exim 4.84_2) (envelope-from <lol@example.org>) id 1fLsDO-0006c5-UC; Thu, 24 May 2018 17:31:43 +0200",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ECDHE_RSA_AES_128_GCM_SHA256") iana=Some("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256") with=Some("esmtpsa") software=Some("Exim") codes=[]"#]],
    );
    // OpenSSL names (parsedmarc_twilight_postfix_exim.hdr).
    check(
        "from relay-twl-01.twlnet.com ([87.106.127.28]:58922) by mail.twlnet.com with esmtps (TLSv1.2:DHE-RSA-AES256-GCM-SHA384:256) (Exim 4.82_1-5b7a7c0-XX) (envelope-from <noreply-dmarc-support@google.com>) id 1gt8kN-0003AY-1B for dmarc.reports@twlnet.com; Mon, 11 Feb 2019 11:23:31 +0100",
        expect![[r#"encrypted=Some(true) internal=true version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("DHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("esmtps") software=Some("Exim") codes=[]"#]],
    );
    // Exim 4.50 with 3DES (spamassassin_rcvd_121.txt).
    check(
        "from server040.webpack.hosteurope.de ([80.237.130.48]:52313) by vps832469583.serverpool.info with esmtps (TLS-1.0:DHE_RSA_3DES_EDE_CBC_SHA:24) (Exim 4.50) id 1GzVLs-0002Oz-7b for axel@axelcity.de; Wed, 27 Dec 2006 10:45:49 +0100",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.0") source=Some("stated") at_least=None cipher=Some("DHE_RSA_3DES_EDE_CBC_SHA") iana=Some("TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA") with=Some("esmtps") software=Some("Exim") codes=["HOP_TLS_DEPRECATED", "HOP_CIPHER_3DES"]"#]],
    );
    // local-esmtps: TLS, but a local submission (stalwart_received_031.txt).
    check(
        "from root (helo=candygram.thunk.org) by thunker.thunk.org with local-esmtps  (tls_cipher TLS-1.0:RSA_AES_256_CBC_SHA:32)  (Exim 4.50 #1 (Debian)) id 1FwHqR-0008Bw-OG; Fri, 30 Jun 2006 08:11:35 -0400",
        expect![[r#"encrypted=Some(true) internal=true version=Some("TLSv1.0") source=Some("stated") at_least=None cipher=Some("RSA_AES_256_CBC_SHA") iana=Some("TLS_RSA_WITH_AES_256_CBC_SHA") with=Some("local-esmtps") software=Some("Exim") codes=["HOP_TLS_DEPRECATED", "HOP_CIPHER_NO_FORWARD_SECRECY"]"#]],
    );
    // Exim without TLS: plaintext.
    check(
        "from mail.example.org ([198.51.100.61] helo=mail.example.org) by mx.example.net with esmtp (Exim 4.96) (envelope-from <a@example.org>) id 1sAbCd-000123-4E for b@example.net; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(false) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("esmtp") software=Some("Exim") codes=["HOP_PLAINTEXT"]"#]],
    );
}

#[test]
fn appliances_and_others() {
    // Cisco IronPort (parsedmarc_google_dmarc_o365_ironport.hdr).
    check(
        "from mail-it1-f201.google.com ([209.85.166.201])  by  smtp2.cardinal.com with ESMTP/TLS/AES128-GCM-SHA256; 13 Feb 2019 04:47:15  -0600",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("inferred") at_least=None cipher=Some("AES128-GCM-SHA256") iana=Some("TLS_RSA_WITH_AES_128_GCM_SHA256") with=Some("ESMTP/TLS/AES128-GCM-SHA256") software=Some("Cisco IronPort") codes=["HOP_CIPHER_NO_FORWARD_SECRECY"]"#]],
    );
    check(
        "from mail.example.org ([198.51.100.70]) by esa1.example.iphmx.com with ESMTP/TLS/ECDHE-RSA-AES256-SHA; 13 Feb 2019 04:47:15 -0600",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=Some("ECDHE-RSA-AES256-SHA") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA") with=Some("ESMTP/TLS/ECDHE-RSA-AES256-SHA") software=Some("Cisco IronPort") codes=[]"#]],
    );
    // Stalwart's TLS13_ names (stalwart_received_002.txt).
    check(
        "from out-25.smtp.github.com (out-25.smtp.github.com. [192.30.252.208]) (using TLSv1.3 with cipher TLS13_AES_256_GCM_SHA384) by mail.stalw.art (Stalwart SMTP) with ESMTPS id 41A2C80D73C; Tue, 29 Aug 2023 16:20:12 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("TLS13_AES_256_GCM_SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Stalwart") codes=[]"#]],
    );
    // ecelerity's bare (cipher=…) (pyreceived_ecelerity3.txt, from a public address here).
    check(
        "from [198.51.100.80] ([198.51.100.80:60938] helo=na47-app2-11-dfw.ops.sfdc.net) by mx4-dfw-sp3.mta.salesforce.com (envelope-from <support@twitter.com>) (ecelerity 3.6.25.56547 r(Core:3.6.25.0)) with ESMTPS (cipher=ECDHE-RSA-AES256-GCM-SHA384) id BD/7B-10868-A85F2CA5; Tue, 03 Apr 2018 03:31:22 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("inferred") at_least=None cipher=Some("ECDHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Momentum (ecelerity)") codes=[]"#]],
    );
    // qmail-tls (pyreceived_unknown.txt).
    check(
        "from smtp.example.net (HELO outlook.example.net) (1.2.3.4) by server-16.example.com with AES256-SHA encrypted SMTP; 28 Apr 2016 14:58:18 -0000",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=Some("AES256-SHA") iana=Some("TLS_RSA_WITH_AES_256_CBC_SHA") with=Some("SMTP") software=None codes=["HOP_CIPHER_NO_FORWARD_SECRECY"]"#]],
    );
    // GnuTLS-style name with TLS 1.3 (stalwart_received_006.txt, from a public address here):
    // the stated version wins and the suite maps to its TLS 1.3 equivalent.
    check(
        "from [198.51.100.90] (pcale.tana [198.51.100.90]) (AUTH: CRAM-MD5 uXDGrn@SYT0/k, TLS: TLS1.3, 128bits, ECDHE_RSA_AES_128_GCM_SHA256) by wmail.tana.it with ESMTPSA id 00000000005DC0D6.0000000064EC6711.00003756; Mon, 28 Aug 2023 11:21:21 +0200",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("ECDHE_RSA_AES_128_GCM_SHA256") iana=Some("TLS_AES_128_GCM_SHA256") with=Some("ESMTPSA") software=None codes=[]"#]],
    );
    // Courier-style `(TLS: TLSv1/SSLv3, …)`: the cipher minimum again (stalwart_received_078.txt).
    check(
        "from Agni (agni.example [198.51.100.91]) (TLS: TLSv1/SSLv3, 168bits,DES-CBC3-SHA) by agni.forevermore.net with esmtp; Mon, 28 Oct 2002 14:48:52 -0800",
        expect![[r#"encrypted=Some(true) internal=false version=None source=Some("cipher-minimum") at_least=Some("SSLv3") cipher=Some("DES-CBC3-SHA") iana=Some("TLS_RSA_WITH_3DES_EDE_CBC_SHA") with=Some("esmtp") software=None codes=["HOP_CIPHER_3DES", "HOP_VERSION_IS_CIPHER_MINIMUM", "HOP_CIPHER_NO_FORWARD_SECRECY"]"#]],
    );
    // CommuniGate Pro's ESMTP-TLS (stalwart_received_113.txt).
    check(
        "from [212.87.144.30] (account seiz [212.87.144.30] verified) by x.imd.net (CommuniGate Pro SMTP 4.0.3) with ESMTP-TLS id 5026665 for spamassassin-talk@lists.sourceforge.net; Wed, 15 Jan 2003 16:27:05 +0100",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("ESMTP-TLS") software=None codes=[]"#]],
    );
}

#[test]
fn submission_and_local() {
    check(
        "from SN6PR04MB4480.namprd04.prod.outlook.com ([fe80::b1a4:65b:a2e4:e9f9]) by SN6PR04MB4480.namprd04.prod.outlook.com ([fe80::b1a4:65b:a2e4:e9f9%3]) with mapi id 15.20.1622.018; Wed, 13 Feb 2019 10:48:13 +0000",
        expect![[r#"encrypted=None internal=true version=None source=None at_least=None cipher=None iana=None with=Some("mapi") software=Some("Microsoft Exchange") codes=[]"#]],
    );
    check(
        "from [192.0.2.44] by web12345.mail.example.com via HTTP; Mon, 06 May 2024 12:00:00 PDT",
        expect![[
            r#"encrypted=None internal=false version=None source=None at_least=None cipher=None iana=None with=None software=None codes=["HOP_ENCRYPTION_UNKNOWN"]"#
        ]],
    );
    check(
        "from webmail.example.org (webmail.example.org [198.51.100.100]) by smtp.example.org with HTTPS; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=true version=None source=None at_least=None cipher=None iana=None with=Some("HTTPS") software=None codes=[]"#]],
    );
    check(
        "from mx.example.org (mx.example.org [198.51.100.101]) by imap.example.org (Postfix) with LMTPS id 12AB34; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=true version=None source=None at_least=None cipher=None iana=None with=Some("LMTPS") software=Some("Postfix") codes=[]"#]],
    );
    check(
        "from mx.example.org (mx.example.org [198.51.100.102]) by store.example.net with UTF8SMTPS id 12AB35; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("UTF8SMTPS") software=None codes=[]"#]],
    );
}

#[test]
fn more_providers() {
    // OpenSMTPD: version:cipher:bits:client-verify, with LibreSSL's TLS 1.3 suite names.
    check(
        "from mail.example.org (mail.example.org [198.51.100.110]) by mx.example.net (OpenSMTPD) with ESMTPS id 1a2b3c4d (TLSv1.3:AEAD-AES256-GCM-SHA384:256:NO) for <bob@example.net>; Wed, 8 May 2024 10:00:00 +0200 (CEST)",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("AEAD-AES256-GCM-SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("OpenSMTPD") codes=[]"#]],
    );
    // A stated version that the suite can't be used with.
    check(
        "from a.example (a.example [192.0.2.160]) (using TLSv1.3 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)) by b.example (Postfix) with ESMTPS id 1A2B3D; Wed, 4 Sep 2024 08:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("ECDHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("ESMTPS") software=Some("Postfix") codes=["HOP_VERSION_CIPHER_MISMATCH"]"#]],
    );
    // Yahoo writes the protocol in mixed case.
    check(
        "from 66.163.191.204 (EHLO sonic.gate.mail.ne1.yahoo.com) by 10.217.151.75 with SMTPs; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=None source=None at_least=None cipher=None iana=None with=Some("SMTPs") software=None codes=[]"#]],
    );
    // Proofpoint (Sendmail-based): version= equals this CBC suite's minimum? No: TLSv1.2 is above
    // ECDHE-RSA-AES256-SHA's minimum, so it is the negotiated version.
    check(
        "from mail.example.org (mail.example.org [198.51.100.120]) by mx0a-00123456.pphosted.com (PPS) with ESMTPS id 3xyzabc (version=TLSv1.2 cipher=ECDHE-RSA-AES256-SHA bits=256 verify=NOT); Mon, 06 May 2024 12:00:00 -0700",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ECDHE-RSA-AES256-SHA") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA") with=Some("ESMTPS") software=None codes=[]"#]],
    );
    // Mimecast with an IANA suite name in version=/cipher= form.
    check(
        "from mail.example.org (mail.example.org [198.51.100.130]) by relay.mimecast.com with ESMTP (version=TLSv1.2 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id us-mta-123-AbCdEf; Mon, 06 May 2024 12:00:00 -0400",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("ESMTP") software=Some("Mimecast") codes=[]"#]],
    );
    // Courier with a negotiated-looking version: Courier prints SSL_CIPHER_get_version too, and
    // TLSv1.2 with a GCM suite is exact either way.
    check(
        "from mail.example.org (mail.example.org [::ffff:198.51.100.140]) (TLS: TLSv1.2,256bits,ECDHE-RSA-AES256-GCM-SHA384) by mx.example.net with ESMTPS; Mon, 06 May 2024 12:00:00 -0400",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.2") source=Some("stated") at_least=None cipher=Some("ECDHE-RSA-AES256-GCM-SHA384") iana=Some("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384") with=Some("ESMTPS") software=None codes=[]"#]],
    );
    // Exim 4.9x with GnuTLS's session description as the cipher.
    check(
        "from mail.example.org ([198.51.100.150]) by mx.example.net with esmtps (TLS1.3:ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM:256) (Exim 4.94.2) (envelope-from <a@example.org>) id 1kXyZa-0001Ab-Cd; Mon, 06 May 2024 12:00:00 +0000",
        expect![[r#"encrypted=Some(true) internal=false version=Some("TLSv1.3") source=Some("stated") at_least=None cipher=Some("ECDHE_X25519__RSA_PSS_RSAE_SHA256__AES_256_GCM") iana=Some("TLS_AES_256_GCM_SHA384") with=Some("esmtps") software=Some("Exim") codes=[]"#]],
    );
}
