//! Points in time: the `now` passed into the analysis, and the date formats mail software writes
//! at the end of a Received line.
//!
//! Must not read a clock. Every function takes its time as an argument.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Seconds since the Unix epoch, UTC. The analysis never reads a clock; callers pass one in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// RFC 3339 in UTC, e.g. `2024-05-01T12:00:00Z`. Out-of-range values print as the number.
    pub fn rfc3339(self) -> String {
        OffsetDateTime::from_unix_timestamp(self.0)
            .ok()
            .and_then(|t| t.format(&Rfc3339).ok())
            .unwrap_or_else(|| self.0.to_string())
    }

    /// Parses RFC 3339 (`2024-05-01T12:00:00Z`, `2024-05-01T14:00:00+02:00`).
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        OffsetDateTime::parse(text.trim(), &Rfc3339)
            .ok()
            .map(|t| Timestamp(t.unix_timestamp()))
    }

    /// From milliseconds since the epoch, as JavaScript's `Date.now()` gives them.
    pub fn from_millis(millis: f64) -> Timestamp {
        if millis.is_finite() {
            Timestamp((millis / 1000.0).floor() as i64)
        } else {
            Timestamp(0)
        }
    }
}

/// A date read from a header: the instant, and the offset it was written with so it can be shown
/// as the server wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    /// The instant.
    pub at: Timestamp,
    /// The writer's offset from UTC in seconds.
    pub offset_seconds: i32,
}

impl WrittenDate {
    /// RFC 3339 with the writer's own offset, e.g. `2023-08-28T02:21:23-07:00`.
    pub fn rfc3339(self) -> String {
        let Ok(utc) = OffsetDateTime::from_unix_timestamp(self.at.0) else {
            return self.at.0.to_string();
        };
        let offset = UtcOffset::from_whole_seconds(self.offset_seconds).unwrap_or(UtcOffset::UTC);
        utc.to_offset(offset)
            .format(&Rfc3339)
            .unwrap_or_else(|_| self.at.rfc3339())
    }
}

/// Reads the date-time that ends a Received line, in any of the forms seen in the wild:
/// - RFC 5322 §3.3 with obsolete parts: `Mon, 28 Aug 2023 02:21:23 -0700 (PDT)`, two-digit years,
///   named zones (`GMT`, `EST`, military letters), no seconds (mox), fractional seconds
///   (`02:54:16.987`), a missing zone (taken as UTC, RFC 5322 §4.3 `-0000`);
/// - Go's default format, written by SendGrid: `2018-04-22 02:54:17.028704749 +0000 UTC`;
/// - ISO 8601 / RFC 3339.
///
/// Returns None when no complete date is found; the text may contain other words around it.
pub fn parse_mail_date(text: &str) -> Option<WrittenDate> {
    let cleaned = strip_comments(text);
    parse_iso_like(&cleaned)
        .or_else(|| parse_rfc5322(&cleaned))
        .or_else(|| parse_ctime(&cleaned))
}

/// Removes parenthesised comments (zone names like `(PDT)`), which RFC 5322 allows anywhere.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn month_from_name(word: &str) -> Option<Month> {
    let lower = word.get(..3)?.to_ascii_lowercase();
    Some(match lower.as_str() {
        "jan" => Month::January,
        "feb" => Month::February,
        "mar" => Month::March,
        "apr" => Month::April,
        "may" => Month::May,
        "jun" => Month::June,
        "jul" => Month::July,
        "aug" => Month::August,
        "sep" => Month::September,
        "oct" => Month::October,
        "nov" => Month::November,
        "dec" => Month::December,
        _ => return None,
    })
}

/// RFC 5322 §4.3 obsolete zone names, in seconds east of UTC.
fn named_zone(word: &str) -> Option<i32> {
    let upper = word.to_ascii_uppercase();
    Some(match upper.as_str() {
        "UT" | "UTC" | "GMT" | "Z" => 0,
        "EDT" => -4 * 3600,
        "EST" | "CDT" => -5 * 3600,
        "CST" | "MDT" => -6 * 3600,
        "MST" | "PDT" => -7 * 3600,
        "PST" => -8 * 3600,
        "CET" => 3600,
        "CEST" => 2 * 3600,
        // Military zones other than Z are ambiguous in practice; RFC 5322 says treat as -0000.
        w if w.len() == 1 && w.bytes().all(|b| b.is_ascii_alphabetic()) => 0,
        _ => return None,
    })
}

/// `+hhmm` / `-hhmm` (also `+hh:mm`).
fn numeric_zone(word: &str) -> Option<i32> {
    let (sign, rest) = match word.as_bytes().first()? {
        b'+' => (1, word.get(1..)?),
        b'-' => (-1, word.get(1..)?),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits.get(2..)?.parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

/// `hh:mm[:ss[.frac]]`, and whether a fraction of half a second or more rounds it up (MHA
/// counts SendGrid's `16.987` as 17).
fn clock(word: &str) -> Option<(Time, bool)> {
    let mut parts = word.split(':');
    let hour: u8 = parts.next()?.trim().parse().ok()?;
    let minute: u8 = parts.next()?.trim().parse().ok()?;
    let (second, round_up) = match parts.next() {
        Some(s) => {
            let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
            if !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // A leap second (60) is legal in RFC 5322; clamp it rather than reject the date.
            let second = whole.trim().parse::<u8>().ok()?.min(59);
            (
                second,
                fraction.as_bytes().first().is_some_and(|d| *d >= b'5'),
            )
        }
        None => (0, false),
    };
    if parts.next().is_some() {
        return None;
    }
    Some((Time::from_hms(hour, minute, second).ok()?, round_up))
}

fn assemble(date: Date, (time, round_up): (Time, bool), offset: i32) -> Option<WrittenDate> {
    let utc_offset = UtcOffset::from_whole_seconds(offset).ok()?;
    let at = PrimitiveDateTime::new(date, time).assume_offset(utc_offset);
    Some(WrittenDate {
        at: Timestamp(at.unix_timestamp() + i64::from(round_up)),
        offset_seconds: offset,
    })
}

/// RFC 5322 date-time, tolerant of obsolete and sloppy forms. Scans for `day month year` then
/// a clock and an optional zone; words before the day (`Mon,`, ids) are skipped.
fn parse_rfc5322(text: &str) -> Option<WrittenDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // Try each position as the start of `day month year` and keep the last match: the date ends
    // the line, and ids before it can look like numbers.
    let mut found = None;
    for start in 0..words.len() {
        let Some(day_word) = words.get(start) else {
            continue;
        };
        let Ok(day) = day_word.parse::<u8>() else {
            continue;
        };
        let Some(month) = words.get(start + 1).and_then(|w| month_from_name(w)) else {
            continue;
        };
        let Some(year_word) = words.get(start + 2) else {
            continue;
        };
        let Ok(mut year) = year_word.parse::<i32>() else {
            continue;
        };
        // RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx; three digits add 1900.
        if year_word.len() == 2 {
            year += if year < 50 { 2000 } else { 1900 };
        } else if year_word.len() == 3 {
            year += 1900;
        }
        let Ok(date) = Date::from_calendar_date(year, month, day) else {
            continue;
        };
        let (time, zone_index) = match words.get(start + 3).and_then(|w| clock(w)) {
            Some(t) => (t, start + 4),
            None => ((Time::MIDNIGHT, false), start + 3),
        };
        let offset = words
            .get(zone_index)
            .and_then(|w| numeric_zone(w).or_else(|| named_zone(w)))
            .unwrap_or(0);
        found = assemble(date, time, offset).or(found);
    }
    found
}

/// `YYYY-MM-DD[T ]hh:mm[:ss[.frac]]` followed by `Z`, `+hhmm`, `+hh:mm` or a zone name, as Go's
/// default `time.Time` format (SendGrid) and ISO 8601 write it.
fn parse_iso_like(text: &str) -> Option<WrittenDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let (date_part, time_part) = match word.split_once('T') {
            Some((d, t)) if d.len() == 10 => (d, Some(t)),
            _ => (*word, None),
        };
        let Some(date) = iso_date(date_part) else {
            continue;
        };
        let (time_text, next) = match time_part {
            Some(t) => (t.to_string(), i + 1),
            None => (words.get(i + 1)?.to_string(), i + 2),
        };
        // The zone may be glued to the time (`12:00:00Z`, `12:00:00+02:00`) or follow it.
        let (clock_text, glued_zone) = split_glued_zone(&time_text);
        let time = clock(clock_text)?;
        let offset = glued_zone
            .or_else(|| {
                words
                    .get(next)
                    .and_then(|w| numeric_zone(w).or_else(|| named_zone(w)))
            })
            .unwrap_or(0);
        return assemble(date, time, offset);
    }
    None
}

/// C's `ctime` and `date(1)` forms: `Fri Feb 07 10:18:12 2003 -0800`,
/// `Fri Sep 14 14:36:56 EDT 2018`, `Sun Nov 13 14:50:12 2005`.
fn parse_ctime(text: &str) -> Option<WrittenDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for start in 0..words.len() {
        let Some(month) = words.get(start).and_then(|w| month_from_name(w)) else {
            continue;
        };
        if words.get(start).map_or(0, |w| w.len()) > 9 {
            continue;
        }
        let Some(day) = words.get(start + 1).and_then(|w| w.parse::<u8>().ok()) else {
            continue;
        };
        let Some(time) = words.get(start + 2).and_then(|w| clock(w)) else {
            continue;
        };
        let mut offset = None;
        let mut year = None;
        for word in words.iter().skip(start + 3).take(2) {
            if let Some(z) = numeric_zone(word).or_else(|| named_zone(word)) {
                offset = Some(z);
            } else if word.len() == 4 {
                year = word.parse::<i32>().ok().or(year);
            }
        }
        let Some(year) = year else { continue };
        let Ok(date) = Date::from_calendar_date(year, month, day) else {
            continue;
        };
        return assemble(date, time, offset.unwrap_or(0));
    }
    None
}

fn iso_date(word: &str) -> Option<Date> {
    let mut parts = word.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1000..=9999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

fn split_glued_zone(text: &str) -> (&str, Option<i32>) {
    if let Some(stripped) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        return (stripped, Some(0));
    }
    if let Some(pos) = text.rfind(['+', '-']) {
        if let (Some(head), Some(tail)) = (text.get(..pos), text.get(pos..)) {
            if let Some(z) = numeric_zone(tail) {
                return (head, Some(z));
            }
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let got = parse_mail_date(input).map(|d| d.rfc3339());
        assert_eq!(got.as_deref(), expected, "input: {input:?}");
    }

    #[test]
    fn forms_seen_in_the_wild() {
        check(
            "Mon, 28 Aug 2023 02:21:23 -0700 (PDT)",
            Some("2023-08-28T02:21:23-07:00"),
        );
        check(
            "Sat,  6 Jun 2015 05:34:06 +0200 (CEST)",
            Some("2015-06-06T05:34:06+02:00"),
        );
        check("28 Apr 2016 14:58:18 -0000", Some("2016-04-28T14:58:18Z"));
        check(
            "Sun, 22 Apr 2018 02:54:16.987 +0000 (UTC)",
            Some("2018-04-22T02:54:17Z"),
        );
        check(
            "Sun, 22 Apr 2018 02:54:16.2 +0000",
            Some("2018-04-22T02:54:16Z"),
        );
        check(
            "2018-04-22 02:54:17.028704749 +0000 UTC",
            Some("2018-04-22T02:54:17Z"),
        );
        check(
            "Thu, 2 Nov 2023 10:11 +0100",
            Some("2023-11-02T10:11:00+01:00"),
        );
        check(
            "Fri, 13 Jan 99 10:00:00 EST",
            Some("1999-01-13T10:00:00-05:00"),
        );
        check(
            "Tue, 4 Feb 2003 00:36:56 -0800",
            Some("2003-02-04T00:36:56-08:00"),
        );
        check("22 Apr 2018", Some("2018-04-22T00:00:00Z"));
        check(
            "2024-05-01T12:00:00+02:00",
            Some("2024-05-01T12:00:00+02:00"),
        );
        check(
            "id 12 Mon, 5 Dec 2016 04:36:38 -0800",
            Some("2016-12-05T04:36:38-08:00"),
        );
        check(
            "Fri Feb 07 10:18:12 2003 -0800",
            Some("2003-02-07T10:18:12-08:00"),
        );
        check(
            "Fri Sep 14 14:36:56 EDT 2018",
            Some("2018-09-14T14:36:56-04:00"),
        );
        check("Sun Nov 13 14:50:12 2005", Some("2005-11-13T14:50:12Z"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        check("", None);
        check("by mx.example.com with ESMTPS", None);
        check("31 Feb 2023 10:00:00 +0000", None);
        check("99 Foo 2023", None);
        check("2018-13-45 10:00:00", None);
    }

    #[test]
    fn timestamps_round_trip() {
        let t = Timestamp::parse_rfc3339("2024-05-01T12:00:00Z");
        assert_eq!(t, Some(Timestamp(1_714_564_800)));
        assert_eq!(Timestamp(1_714_564_800).rfc3339(), "2024-05-01T12:00:00Z");
        assert_eq!(
            Timestamp::from_millis(1_714_564_800_999.0),
            Timestamp(1_714_564_800)
        );
        assert_eq!(Timestamp::from_millis(f64::NAN), Timestamp(0));
    }
}
