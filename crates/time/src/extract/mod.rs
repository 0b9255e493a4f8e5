//! Candidate finding: every pattern runs over one sentence and proposes spans with a
//! structured reading; overlaps are settled longest-first. Nothing here knows the
//! publication date: values are computed later in `resolve`, in document order.

//!
//! One module per expression family (`calendar`, `years`, `weekdays`, `clock`, `durations`,
//! `periods`, `fixed`); `patterns` compiles them, `merge` settles overlaps.

mod calendar;
mod clock;
mod context;
mod durations;
mod fixed;
mod merge;
mod patterns;
mod periods;
pub mod ru;
mod weekdays;
mod years;

pub(crate) use context::words;
use merge::settle;
use once_cell::sync::Lazy;
use patterns::{needs_unicode_boundaries, Patterns, PAT, PAT_ASCII};

/// Modifier words that come before a month, a year or a weekday and change its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Last,
    Next,
    This,
    /// "as of Friday", "as at Monday": the moment a stated state holds, which may be the
    /// day after the report's date (a report dated by its first version, updated later).
    Status,
}

/// A structured reading of a matched expression, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A calendar date; `y` is None when the year must come from context; `d` is 0 for
    /// a month without a day.
    Date {
        y: Option<i32>,
        m: u32,
        d: u32,
        rel: Option<Rel>,
        modifier: Option<&'static str>,
        /// "October of next year": the year relative to the DCT's.
        yrel: Option<i32>,
    },
    /// A bare year (or a season of a year), maybe with early/late/mid.
    Year {
        y: i32,
        modifier: Option<&'static str>,
        season: Option<&'static str>,
    },
    /// A decade or century as a value prefix ("199", "18").
    Prefix(String),
    Weekday {
        wd: u32,
        rel: Option<Rel>,
        part: Option<&'static str>,
    },
    /// A row of `relative.tsv`.
    Fixed(usize),
    /// A row of `ru/relative.tsv` (Russian fixed phrases).
    FixedRu(usize),
    Duration {
        value: String,
        modifier: Option<&'static str>,
    },
    /// "two days ago" (against the DCT) or "three days later" (against the last date).
    Shift {
        n: f64,
        unit: &'static str,
        sign: i32,
        from_anchor: bool,
    },
    Clock {
        h: u32,
        mi: u32,
        zone: bool,
        /// The day written right after the time ("3 p.m. Saturday").
        day: Option<Box<Reading>>,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
        /// Explicit "of this/last/next year" (0, -1, 1).
        year_rel: Option<i32>,
        half: bool,
    },
    /// "the first Saturday of the month": `n` is 1–4, or 0 for "last"; no month means the
    /// DCT's.
    NthWeekday {
        n: u32,
        wd: u32,
        m: Option<u32>,
        y: Option<i32>,
    },
    /// "the evening of March 4": a part of a named day (MO, AF, EV, NI).
    DayPart {
        part: &'static str,
        day: Box<Reading>,
    },
    /// A season without a year ("in spring", "last summer").
    Season {
        code: &'static str,
        rel: Option<Rel>,
        modifier: Option<&'static str>,
    },
    Set(String),
    Literal {
        kind: &'static str,
        value: String,
    },
}

impl Reading {
    /// A plain calendar date: no relative word, modifier or relative year.
    fn date(y: Option<i32>, m: u32, d: u32) -> Reading {
        Reading::Date {
            y,
            m,
            d,
            rel: None,
            modifier: None,
            yrel: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cand {
    /// Byte offsets relative to the text handed to [`candidates`].
    pub start: usize,
    pub end: usize,
    pub reading: Reading,
}

/// Adds a candidate unless its span is empty.
fn push(out: &mut Vec<Cand>, start: usize, end: usize, reading: Reading) {
    if end > start {
        out.push(Cand {
            start,
            end,
            reading,
        })
    }
}

/// Every candidate expression in `text` (one sentence, or any text), overlaps settled.
pub fn candidates(text: &str) -> Vec<Cand> {
    let pat = if needs_unicode_boundaries(text) {
        &PAT
    } else {
        &PAT_ASCII
    };
    candidates_with(pat, text)
}

fn candidates_with(pat: &Lazy<Option<Patterns>>, text: &str) -> Vec<Cand> {
    let Some(p) = pat.as_ref() else {
        return Vec::new();
    };
    if !text.bytes().any(|b| b.is_ascii_digit()) && !p.triggers.is_match(text) {
        return Vec::new();
    }
    let hits = p.set.matches(text);
    let mut out: Vec<Cand> = Vec::new();
    calendar::mdy(p, &hits, text, &mut out);
    calendar::dmy(p, &hits, text, &mut out);
    calendar::md(p, &hits, text, &mut out);
    calendar::my(p, &hits, text, &mut out);
    calendar::month(p, &hits, text, &mut out);
    calendar::iso(p, &hits, text, &mut out);
    calendar::slash(p, &hits, text, &mut out);
    calendar::dotted(p, &hits, text, &mut out);
    years::year(p, &hits, text, &mut out);
    years::decade(p, &hits, text, &mut out);
    years::century(p, &hits, text, &mut out);
    weekdays::weekday(p, &hits, text, &mut out);
    clock::clock_ampm(p, &hits, text, &mut out);
    clock::clock_colon(p, &hits, text, &mut out);
    clock::noon(p, &hits, text, &mut out);
    durations::duration(p, &hits, text, &mut out);
    durations::bare_unit(p, &hits, text, &mut out);
    periods::quarter(p, &hits, text, &mut out);
    periods::qn(p, &hits, text, &mut out);
    periods::season(p, &hits, text, &mut out);
    calendar::nth_weekday(p, &hits, text, &mut out);
    calendar::holiday(p, &hits, text, &mut out);
    years::fiscal(p, &hits, text, &mut out);
    years::short_year(p, &hits, text, &mut out);
    years::spelled_year(text, &mut out);
    durations::coordinated(p, &hits, text, &mut out);
    fixed::phrases(p, text, &mut out);
    settle(text, out)
}

#[cfg(test)]
mod boundary_tests {
    use super::patterns::ascii_boundaries;
    use super::*;
    use regex::Regex;

    fn show(c: &[Cand]) -> String {
        format!("{c:?}")
    }

    #[test]
    fn word_scan_matches_the_word_pattern() {
        let p = Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*").ok();
        assert!(p.is_some());
        for s in [
            "",
            "The mayor’s office said on Jan. 5 it would re-open.",
            "Zürich-based firms' profits fell 3.5% — ‘again’ — in 2020...",
            "Café naïve Ελλάδα Москва 東京 x² ٣٤ e\u{301}tude -start .dot 'q ’r",
            "U.S.-led talks; co-op’s 1,200 staff. A.B.C",
        ] {
            let want: Vec<(usize, &str)> = p
                .as_ref()
                .map(|r| r.find_iter(s).map(|m| (m.start(), m.as_str())).collect())
                .unwrap_or_default();
            assert_eq!(words(s), want, "{s}");
        }
    }

    #[test]
    fn ascii_boundaries_agree_when_no_non_ascii_word_characters() {
        assert!(PAT_ASCII.is_some() && PAT.is_some());
        for s in [
            "On March 3, 2021 the board met at 10:30 a.m. and again “last Tuesday”.",
            "Prices rose 5% in the first quarter of 2020 — the third rise in two years.",
            "The 1990s ended; by mid-2001 the plant ran 24 hours a day, seven days a week.",
            "He said ‘next spring’ at noon on 04/05/2022, FY2023 or Q3 2019.",
            "Nothing here at all.",
        ] {
            assert!(!needs_unicode_boundaries(s), "{s}");
            assert_eq!(
                show(&candidates_with(&PAT, s)),
                show(&candidates_with(&PAT_ASCII, s)),
                "{s}"
            );
        }
    }

    #[test]
    fn letters_beyond_ascii_keep_unicode_boundaries() {
        for s in ["Born éMay 5 in Zürich", "Le 5 mai 2020 à Paris"] {
            assert!(needs_unicode_boundaries(s), "{s}");
            assert_eq!(show(&candidates(s)), show(&candidates_with(&PAT, s)), "{s}");
        }
        assert_eq!(ascii_boundaries(r"\bx\\b\s"), r"(?-u:\b)x\\b\s");
    }
}
