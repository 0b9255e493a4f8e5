//! Candidate finding: every pattern runs over one sentence and proposes spans with a
//! structured reading; overlaps are settled longest-first. Nothing here knows the
//! publication date: values are computed later in `resolve`, in document order.

use crate::lexicon::LEX;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use regex::{Captures, Regex, RegexSet, SetMatches};

/// Modifier words that come before a month, a year or a weekday and change its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    Last,
    Next,
    This,
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

fn alternation<I: IntoIterator<Item = String>>(items: I) -> String {
    let mut v: Vec<String> = items.into_iter().collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

/// Month names as a regex group body; abbreviations may carry a period ("Jan."), full
/// names never take one (it ends the sentence).
fn month_alt(full_only: bool) -> String {
    let names = |full: bool| {
        alternation(
            LEX.months
                .iter()
                .filter(|m| m.full == full)
                .flat_map(|m| [m.name.clone(), m.name.to_uppercase()]),
        )
    };
    if full_only {
        format!(r"(?:{})\b", names(true))
    } else {
        format!(r"(?:{})\b|(?:{})(?:\.|\b)", names(true), names(false))
    }
}

const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2})";
const SEASON: &str = r"(?i:spring|summer|autumn|fall|winter)";

fn number_alt() -> String {
    // Single words, without the articles: "a five-year plan" is five years, not six.
    let words = alternation(
        LEX.numbers
            .keys()
            .filter(|k| !k.contains(' ') && !matches!(k.as_str(), "a" | "an"))
            .cloned(),
    );
    let multi = alternation(LEX.numbers.keys().filter(|k| k.contains(' ')).cloned());
    format!(
        r"(?i:(?:[0-9]+(?:[.,][0-9]+)?|{multi}|(?:{words})(?:-(?:{words}))?|an?)(?:\s+and\s+a\s+half)?|a\s+few|few|several|many|a\s+number\s+of)"
    )
}

fn unit_alt() -> String {
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)".to_string()
}

fn mod_alt() -> String {
    let mods = alternation(LEX.modifiers.iter().map(|m| m.0.clone()));
    format!(r"(?i:{mods})")
}

struct Patterns {
    mdy: Regex,
    dmy: Regex,
    md: Regex,
    my: Regex,
    month: Regex,
    iso: Regex,
    slash: Regex,
    /// Day-first dates with periods (08.01.2022), common outside the US.
    dotted: Regex,
    year: Regex,
    decade: Regex,
    century: Regex,
    weekday: Regex,
    clock_ampm: Regex,
    clock_colon: Regex,
    clock_mil: Regex,
    noon: Regex,
    duration: Regex,
    bare_unit: Regex,
    quarter: Regex,
    qn: Regex,
    season: Regex,
    short_year: Regex,
    holiday: Regex,
    nth_weekday: Regex,
    fiscal: Regex,
    coordinated: Regex,
    /// The fixed phrases of `relative.tsv`, any case; word boundaries are checked after.
    fixed: AhoCorasick,
    /// Words without which a sentence cannot hold a timex (besides digits): a cheap
    /// first pass so most sentences skip the patterns.
    triggers: AhoCorasick,
    /// All the patterns above, in [`GATED`] order: one pass tells which of them match
    /// the text at all, so the others are not run.
    set: RegexSet,
}

/// Indices into [`Patterns::set`].
mod gate {
    pub const MDY: usize = 0;
    pub const DMY: usize = 1;
    pub const MD: usize = 2;
    pub const MY: usize = 3;
    pub const MONTH: usize = 4;
    pub const ISO: usize = 5;
    pub const SLASH: usize = 6;
    pub const DOTTED: usize = 7;
    pub const YEAR: usize = 8;
    pub const DECADE: usize = 9;
    pub const CENTURY: usize = 10;
    pub const WEEKDAY: usize = 11;
    pub const CLOCK_AMPM: usize = 12;
    pub const CLOCK_COLON: usize = 13;
    pub const CLOCK_MIL: usize = 14;
    pub const NOON: usize = 15;
    pub const DURATION: usize = 16;
    pub const BARE_UNIT: usize = 17;
    pub const QUARTER: usize = 18;
    pub const QN: usize = 19;
    pub const SEASON: usize = 20;
    pub const SHORT_YEAR: usize = 21;
    pub const HOLIDAY: usize = 22;
    pub const NTH_WEEKDAY: usize = 23;
    pub const FISCAL: usize = 24;
    pub const COORDINATED: usize = 25;
}

/// The patterns with Unicode word boundaries: exact for any text, but the regex crate's
/// fast lazy DFA gives up on non-ASCII text with a Unicode `\b` and falls back to a much
/// slower engine. Only used for sentences holding a non-ASCII word character.
static PAT: Lazy<Option<Patterns>> = Lazy::new(|| patterns(false));

/// The same patterns with ASCII word boundaries (`(?-u:\b)`), which keep the lazy DFA.
/// On a text without non-ASCII word characters an ASCII and a Unicode `\b` agree, so
/// [`candidates`] uses these whenever that holds (nearly always for English news, whose
/// non-ASCII characters are mostly curly quotes and dashes).
static PAT_ASCII: Lazy<Option<Patterns>> = Lazy::new(|| patterns(true));

/// A non-ASCII character the regex crate counts as a word character (Unicode `\w`).
static NON_ASCII_WORD: Lazy<Option<Regex>> = Lazy::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").ok());

/// True when a Unicode and an ASCII `\b` may disagree somewhere in `text`.
fn needs_unicode_boundaries(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    match NON_ASCII_WORD.as_ref() {
        Some(r) => r.is_match(text),
        None => true,
    }
}

/// `\b` → `(?-u:\b)` in a pattern, leaving escaped backslashes (`\\b`) alone.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str("(?-u:\\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn patterns(ascii_b: bool) -> Option<Patterns> {
    let re = |pattern: &str| {
        if ascii_b {
            Regex::new(&ascii_boundaries(pattern))
        } else {
            Regex::new(pattern)
        }
    };
    let m_any = month_alt(false);
    let m_full = month_alt(true);
    let wds = alternation(
        LEX.weekdays
            .keys()
            .flat_map(|w| {
                let cap = capitalise(w);
                [cap.clone(), cap.to_uppercase()]
            })
            .collect::<Vec<_>>(),
    );
    let num = number_alt();
    let unit = unit_alt();
    let mods = mod_alt();
    let mut p = Patterns {
        mdy: re(&format!(
            r"\b(?P<m>{m_any})\s*(?P<d>{DAY})\b(?:\s*,\s*|\s+)(?P<y>{YEAR})\b"
        ))
        .ok()?,
        dmy: re(&format!(
            r"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{m_any})(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ))
        .ok()?,
        md: re(&format!(r"\b(?P<m>{m_any})\s*(?P<d>{DAY})\b")).ok()?,
        my: re(&format!(
            r"\b(?:(?P<q>(?i:early|late|mid|the end of|the beginning of|the start of|the middle of))[\s-]*)?(?P<m>{m_any})\s*,?\s*(?:of\s+)?(?P<y>{YEAR})\b"
        ))
        .ok()?,
        month: re(&format!(
            r"\b(?:(?P<rel>(?i:last|next|this|early|late|mid|the end of|the beginning of|the start of|the middle of))[\s-]*)?(?P<m>{m_full})(?:\s+of\s+(?P<ry>(?i:next|last|this|the same|the following|the previous))\s+(?i:year))?"
        ))
        .ok()?,
        iso: re(&format!(
            r"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?:T(?P<h>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9]))?\b"
        ))
        .ok()?,
        slash: re(r"\b(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})\b").ok()?,
        dotted: re(&format!(
            r"\b(?P<d>[0-9]{{1,2}})\.(?P<m>[0-9]{{1,2}})\.(?P<y>{YEAR})\b"
        ))
        .ok()?,
        year: re(&format!(
            r"\b(?:(?P<q>(?i:early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of))[\s-]*|(?P<s>(?i:the\s+)?{SEASON}\s+(?:of\s+)?))?(?P<y>{YEAR})\b"
        ))
        .ok()?,
        decade: re(&format!(
            r"(?:\b(?:(?P<q>(?i:early|late|mid))[\s-]+)?(?P<full>{YEAR})'?s\b)|(?:(?:\b(?i:the|and|or)\s+|['’])(?P<short>[1-9]0)'?s\b)"
        ))
        .ok()?,
        century: re(r"\b(?i:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b")
            .ok()?,
        weekday: re(&format!(
            r"\b(?:(?P<rel>(?i:last|next|this|this coming|this past|coming|past|previous|early|late|every|each))\s+)?(?P<wd>{wds})\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ))
        .ok()?,
        clock_ampm: re(
            r"\b(?:(?P<about>(?i:about|around|approximately))\s+)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))(?:\s*(?P<z>UTC|GMT|local time|[ECMP][SD]T|BST|CET|CEST|MSK|IST)\b)?",
        )
        .ok()?,
        clock_colon: re(
            r"\b(?:(?P<about>(?i:about|around|approximately))\s+)?(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])\b(?:\s*(?P<z>UTC|GMT|local time|[ECMP][SD]T|BST|CET|CEST|MSK|IST)\b)?",
        )
        .ok()?,
        clock_mil: re(r"\b(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])\s*(?P<z>GMT|UTC|hours|hrs|local time)\b").ok()?,
        noon: re(r"\b(?i:noon|midday|midnight)\b").ok()?,
        duration: re(&format!(
            r"\b(?:(?P<mod>{mods})\s+)?(?P<pp>(?i:the\s+(?:(?:past|last|next|first|previous|coming|following|final|same|last\s+few|past\s+few)\s+)?))?(?P<num>{num})[\s-]+(?P<adj>(?i:straight|consecutive|full|long|more|whole|trading|working|business)\s+)?(?P<u>{unit})\b(?P<tail>\s+(?i:ago|later|earlier|old)\b|-old\b|\s+of\b)?"
        ))
        .ok()?,
        bare_unit: re(
            r"\b(?P<u>(?i:minutes|hours|days|weeks|months|years|decades|centuries))\b(?P<tail>\s+(?i:ago|old)\b|-(?i:long)\b)?",
        )
        .ok()?,
        quarter: re(&format!(
            r"\b(?i:the\s+)?(?P<o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?P<k>(?i:quarter|half))\b(?:\s+(?i:of)\s+(?:(?P<y>{YEAR})|(?P<ry>(?i:this|last|next|the))\s+(?i:year)))?"
        ))
        .ok()?,
        qn: re(&format!(r"\b(?P<k>Q|H)(?P<n>[1-4])(?:\s+(?P<y>{YEAR}))?\b")).ok()?,
        season: re(
            r"\b(?:(?P<rel>(?i:last|next|this|early|late|this past|this coming))\s+)?(?P<s>(?i:spring|summer|autumn|winter))\b",
        )
        .ok()?,
        short_year: re(r"['’](?P<yy>[0-9]{2})\b").ok()?,
        nth_weekday: re(&format!(
            r"\b(?i:the)\s+(?P<o>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+(?P<wd>{wds})\s+(?i:of)\s+(?:(?i:the|this)\s+(?i:month)|(?P<m>{m_full})(?:\s*,?\s*(?P<y>{YEAR})\b)?)"
        ))
        .ok()?,
        holiday: re(&format!(
            r"\b(?:{})(?:\s*,?\s*(?P<y>{YEAR})\b)?",
            alternation(LEX.holidays.keys().cloned())
        ))
        .ok()?,
        fiscal: re(&format!(
            r"\b(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)(?P<y>{YEAR}|[0-9]{{2}})\b"
        ))
        .ok()?,
        coordinated: re(&format!(
            r"\b(?P<n1>{num})\s+(?i:and|or|to)\s+(?:{num})[\s-]+(?P<u>{unit})\b"
        ))
        .ok()?,
        fixed: AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(LEX.relative.iter().map(|r| r.phrase.as_str()))
            .ok()?,
        triggers: AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(trigger_words())
            .ok()?,
        set: RegexSet::empty(),
    };
    let gated = [
        &p.mdy,
        &p.dmy,
        &p.md,
        &p.my,
        &p.month,
        &p.iso,
        &p.slash,
        &p.dotted,
        &p.year,
        &p.decade,
        &p.century,
        &p.weekday,
        &p.clock_ampm,
        &p.clock_colon,
        &p.clock_mil,
        &p.noon,
        &p.duration,
        &p.bare_unit,
        &p.quarter,
        &p.qn,
        &p.season,
        &p.short_year,
        &p.holiday,
        &p.nth_weekday,
        &p.fiscal,
        &p.coordinated,
    ];
    p.set = RegexSet::new(gated.iter().map(|r| r.as_str())).ok()?;
    Some(p)
}

/// `re`'s captures in `text`, or none when the set pass found no match for it.
fn caps<'t>(
    re: &'t Regex,
    hits: &SetMatches,
    which: usize,
    text: &'t str,
) -> impl Iterator<Item = Captures<'t>> + 't {
    hits.matched(which)
        .then(|| re.captures_iter(text))
        .into_iter()
        .flatten()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name).and_then(|m| {
        m.as_str()
            .trim_end_matches(|ch: char| ch.is_ascii_alphabetic())
            .parse()
            .ok()
    })
}

/// The word just before byte offset `at` (skipping spaces), if any.
pub fn prev_word(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '$'))
        .last()
        .map(|(i, _)| i)?;
    before.get(start..).filter(|w| !w.is_empty())
}

/// Up to `n` characters of text before byte offset `at`, lower-cased (a cheap look-behind
/// that does not grow with the text).
fn tail_lower(text: &str, at: usize, n: usize) -> String {
    let before = text.get(..at).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(before.len(), |(i, _)| i);
    before.get(start..).unwrap_or("").to_lowercase()
}

/// The word just before byte offset `at`, with its start offset.
fn prev_word_at(text: &str, at: usize) -> Option<(usize, &str)> {
    let w = prev_word(text, at)?;
    let start = (w.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    Some((start, w))
}

/// The word just after byte offset `at` (skipping spaces), if any.
pub fn next_word(text: &str, at: usize) -> Option<&str> {
    let after = text.get(at..)?;
    let trimmed = after.trim_start();
    let end = trimmed
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '%')))
        .map(|(i, _)| i)
        .unwrap_or(trimmed.len());
    trimmed.get(..end).filter(|w| !w.is_empty())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn quarter_mod(q: Option<&str>) -> Option<&'static str> {
    let q = q?.to_lowercase();
    Some(match q.trim_end_matches(['-', ' ']) {
        "early" | "the beginning of" | "the start of" | "the first half of" => "START",
        "late" | "the end of" | "the second half of" => "END",
        "mid" | "the middle of" => "MID",
        _ => return None,
    })
}

fn season_code(s: &str) -> Option<&'static str> {
    let s = s.to_lowercase();
    let s = s.trim();
    let s = s.strip_prefix("the").unwrap_or(s).trim();
    let s = s.strip_suffix("of").unwrap_or(s).trim();
    Some(match s {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn rel_of(s: Option<&str>) -> Option<Rel> {
    match s?.to_lowercase().as_str() {
        "last" | "past" | "this past" | "previous" => Some(Rel::Last),
        "next" | "coming" | "this coming" => Some(Rel::Next),
        "this" => Some(Rel::This),
        _ => None,
    }
}

/// Prepositions and other words that license a month name standing alone.
const MONTH_LICENCE: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "through",
    "from",
    "to",
    "between",
    "and",
    "of",
    "on",
    "for",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "or",
    "throughout",
    "around",
    "into",
    "late-",
    "early-",
    "mid-",
    "that",
    "each",
    "every",
    "the",
    "a",
    "since",
    "starting",
    "beginning",
    "ending",
    "within",
    "as",
    "In",
    "Since",
    "By",
    "Until",
    "During",
    "Before",
    "After",
    "From",
    "Through",
    "Between",
    "Last",
    "Next",
    "This",
    "Early",
    "Late",
    "Throughout",
    "Starting",
];

/// Words at sentence start (capitalised) that may still stand before a year.
const YEAR_OK_CAPITALISED: &[&str] = &[
    "In",
    "Since",
    "By",
    "Until",
    "Till",
    "During",
    "Before",
    "After",
    "From",
    "Through",
    "Between",
    "Throughout",
    "Of",
    "The",
    "Early",
    "Late",
    "Mid",
    "Around",
    "And",
    "Or",
    "As",
    "Until",
    "Unlike",
    "Like",
    "Back",
    "Also",
];

fn unit_of(u: &str) -> Option<(&'static str, f64)> {
    let u = u.to_lowercase();
    let singular = match u.as_str() {
        "centuries" => "century",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    LEX.units.get(singular).map(|x| (x.code, x.mult))
}

/// Formats a TIMEX3 duration value (P3D, PT24H, P2.5Y, PXY).
pub fn duration_value(n: Option<f64>, code: &str) -> String {
    let (t, c) = match code.strip_prefix('T') {
        Some(c) => ("T", c),
        None => ("", code),
    };
    match n {
        Some(n) if n.fract() == 0.0 => format!("P{t}{}{c}", n as i64),
        Some(n) => format!("P{t}{n}{c}"),
        None => format!("P{t}X{c}"),
    }
}

/// Lower-case words that any timex needs (a digit aside): names, units, and the content
/// words of the fixed phrases.
fn trigger_words() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    v.extend(LEX.months.iter().map(|m| m.name.to_lowercase()));
    v.extend(LEX.weekdays.keys().cloned());
    v.extend(LEX.units.keys().cloned());
    v.extend(LEX.numbers.keys().filter(|k| k.len() > 2).cloned());
    v.extend(
        LEX.holidays
            .keys()
            .filter_map(|h| h.split_whitespace().last().map(str::to_lowercase)),
    );
    for w in [
        "centur", "spring", "summer", "autumn", "fall", "winter", "fiscal", "half", "noon",
        "midday", "midnight", "fy",
    ] {
        v.push(w.to_string());
    }
    const STOP: &[&str] = &["the", "a", "an", "of", "in", "at", "this", "that", "these"];
    for r in &LEX.relative {
        for w in r.phrase.split_whitespace() {
            if !STOP.contains(&w) {
                v.push(w.to_string());
            }
        }
    }
    v.sort();
    v.dedup();
    v
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
    let mut push = |start: usize, end: usize, reading: Reading| {
        if end > start {
            out.push(Cand {
                start,
                end,
                reading,
            })
        }
    };

    // Full dates and month-day forms.
    for c in caps(&p.mdy, &hits, gate::MDY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let (Some(d), Some(y)) = (num::<u32>(&c, "d"), num::<i32>(&c, "y")) else {
            continue;
        };
        push(all.start(), all.end(), Reading::date(Some(y), m, d));
    }
    for c in caps(&p.dmy, &hits, gate::DMY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(d) = num::<u32>(&c, "d") else {
            continue;
        };
        // "5 May" after a counting word is rarely a date ("up 5 May" is); keep it simple:
        // reject when the number is glued to a decimal or a larger number.
        if matches!(char_before(text, all.start()), Some(ch) if ch.is_ascii_digit() || ch == '.' || ch == ',')
        {
            continue;
        }
        let name = c.name("m").map(|x| x.as_str()).unwrap_or("");
        if name == "May" || name == "March" {
            // "3 May" is fine, but "the 3 March to…" is rare; require the month to be
            // followed by something that is not a lower-case verb complement.
            if let Some(nw) = next_word(text, c.name("m").map(|x| x.end()).unwrap_or(0)) {
                if c.name("y").is_none() && matches!(nw, "be" | "have" | "not" | "on" | "to") {
                    continue;
                }
            }
        }
        push(all.start(), all.end(), Reading::date(num(&c, "y"), m, d));
    }
    for c in caps(&p.md, &hits, gate::MD, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(d) = num::<u32>(&c, "d") else {
            continue;
        };
        if matches!(char_after(text, all.end()), Some(ch) if ch.is_ascii_digit() || ch == ':' || ch == '%')
        {
            continue;
        }
        if let Some(nw) = next_word(text, all.end()) {
            if LEX.count_noun.contains(nw) && nw != "of" {
                continue;
            }
        }
        push(all.start(), all.end(), Reading::date(None, m, d));
    }
    for c in caps(&p.my, &hits, gate::MY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(y) = num::<i32>(&c, "y") else {
            continue;
        };
        push(
            all.start(),
            all.end(),
            Reading::Date {
                y: Some(y),
                m,
                d: 0,
                rel: None,
                modifier: quarter_mod(c.name("q").map(|x| x.as_str())),
                yrel: None,
            },
        );
    }
    for c in caps(&p.month, &hits, gate::MONTH, text) {
        let (Some(all), Some(mm)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let Some(m) = LEX.month(mm.as_str()) else {
            continue;
        };
        let relw = c.name("rel").map(|x| x.as_str());
        if relw.is_none() {
            let pw = prev_word(text, all.start());
            let licensed = pw.is_some_and(|w| MONTH_LICENCE.contains(&w));
            let name = mm.as_str();
            let strict = matches!(name, "May" | "MAY" | "March" | "MARCH");
            match pw {
                None => continue,
                Some(w) if is_capitalised(w) && !licensed => continue,
                Some(_) if strict && !licensed => continue,
                // "singer June Carter": a first name before a surname.
                Some(_)
                    if !licensed
                        && next_word(text, mm.end()).is_some_and(|w| {
                            is_capitalised(w)
                                && text.get(mm.end()..).is_some_and(|t| t.starts_with(' '))
                        }) =>
                {
                    continue
                }
                _ => {}
            }
            if strict {
                if let Some(nw) = next_word(text, mm.end()) {
                    if matches!(
                        nw,
                        "be" | "have"
                            | "not"
                            | "also"
                            | "well"
                            | "on"
                            | "to"
                            | "against"
                            | "toward"
                            | "towards"
                            | "through"
                            | "into"
                    ) {
                        continue;
                    }
                }
            }
        }
        let rel_lc = relw.map(|r| r.to_lowercase());
        let yrel = c
            .name("ry")
            .map(|r| match r.as_str().to_lowercase().as_str() {
                "next" | "the following" => 1,
                "last" | "the previous" => -1,
                _ => 0,
            });
        push(
            all.start(),
            all.end(),
            Reading::Date {
                y: None,
                m,
                d: 0,
                rel: rel_of(rel_lc.as_deref()),
                modifier: quarter_mod(rel_lc.as_deref()),
                yrel,
            },
        );
    }
    for c in caps(&p.iso, &hits, gate::ISO, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(y), Some(m), Some(d)) = (num(&c, "y"), num(&c, "m"), num(&c, "d")) else {
            continue;
        };
        match (num::<u32>(&c, "h"), num::<u32>(&c, "mi")) {
            (Some(h), Some(mi)) => push(
                all.start(),
                all.end(),
                Reading::Literal {
                    kind: "TIME",
                    value: format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"),
                },
            ),
            _ => push(all.start(), all.end(), Reading::date(Some(y), m, d)),
        }
    }
    for c in caps(&p.slash, &hits, gate::SLASH, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(a), Some(b), Some(ys)) = (
            num::<u32>(&c, "a"),
            num::<u32>(&c, "b"),
            c.name("y").map(|x| x.as_str()),
        ) else {
            continue;
        };
        let Ok(mut y) = ys.parse::<i32>() else {
            continue;
        };
        if ys.len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        // Month first unless that is impossible (a US-style default).
        let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        push(all.start(), all.end(), Reading::date(Some(y), m, d));
    }
    for c in caps(&p.dotted, &hits, gate::DOTTED, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(d), Some(m), Some(y)) = (num::<u32>(&c, "d"), num::<u32>(&c, "m"), num(&c, "y"))
        else {
            continue;
        };
        if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch.is_ascii_digit()) {
            continue;
        }
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            push(all.start(), all.end(), Reading::date(Some(y), m, d));
        }
    }
    for c in caps(&p.year, &hits, gate::YEAR, text) {
        let (Some(all), Some(ym)) = (c.get(0), c.name("y")) else {
            continue;
        };
        let Some(y) = num::<i32>(&c, "y") else {
            continue;
        };
        let qualified = c.name("q").is_some() || c.name("s").is_some();
        if !year_ok(text, ym.start(), ym.end(), y, qualified) {
            continue;
        }
        push(
            all.start(),
            all.end(),
            Reading::Year {
                y,
                modifier: quarter_mod(c.name("q").map(|x| x.as_str())),
                season: c.name("s").and_then(|s| season_code(s.as_str())),
            },
        );
    }
    for c in caps(&p.decade, &hits, gate::DECADE, text) {
        let Some(all) = c.get(0) else { continue };
        let v = if let Some(f) = c.name("full") {
            f.as_str().get(..3).map(str::to_string)
        } else if let Some(s) = c.name("short") {
            // "the '80s" / "the 80s": twentieth century unless it reads as this one.
            let pw = prev_word(text, all.start()).map(str::to_lowercase);
            if matches!(
                pw.as_deref(),
                Some("their" | "his" | "her" | "mid" | "early" | "late")
            ) {
                continue;
            }
            let d = s.as_str().get(..1).map(|d| format!("19{d}"));
            if let Some(v) = d {
                // "the 80s" / "and 80s" keep only the decade; "'80s" keeps its apostrophe.
                let start = if all.as_str().starts_with(['\'', '’']) {
                    all.start()
                } else {
                    s.start()
                };
                push(start, all.end(), Reading::Prefix(v));
            }
            continue;
        } else {
            None
        };
        if let Some(v) = v {
            push(all.start(), all.end(), Reading::Prefix(v));
        }
    }
    for c in caps(&p.century, &hits, gate::CENTURY, text) {
        let Some(all) = c.get(0) else { continue };
        if let Some(n) = num::<u32>(&c, "n").filter(|n| (1..=21).contains(n)) {
            push(
                all.start(),
                all.end(),
                Reading::Prefix(format!("{:02}", n - 1)),
            );
        }
    }
    for c in caps(&p.weekday, &hits, gate::WEEKDAY, text) {
        let (Some(all), Some(wm)) = (c.get(0), c.name("wd")) else {
            continue;
        };
        let Some(wd) = LEX.weekdays.get(&wm.as_str().to_lowercase()).copied() else {
            continue;
        };
        if let Some(pw) = prev_word(text, all.start()) {
            if LEX.before_weekday.contains(pw) {
                continue;
            }
        }
        // "Saturday Night Live", "Monday Night Football": a name.
        if let Some(pm) = c.name("part") {
            if is_capitalised(pm.as_str())
                && !is_capitalised(
                    text.get(..wm.start())
                        .and_then(|b| prev_word(b, b.len()))
                        .unwrap_or("x"),
                )
                && next_word(text, pm.end()).is_some_and(is_capitalised)
            {
                continue;
            }
        }
        let part = c.name("part").map(|x| x.as_str().to_lowercase());
        if part.is_none() {
            if let Some(nw) = next_word(text, wm.end()) {
                if LEX.after_weekday.contains(nw) {
                    continue;
                }
            }
        }
        let part = part.as_deref().map(|p| match p {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            _ => "NI",
        });
        let rel_lc = c.name("rel").map(|x| x.as_str().to_lowercase());
        if matches!(rel_lc.as_deref(), Some("every" | "each")) {
            push(
                all.start(),
                all.end(),
                Reading::Set(format!("XXXX-WXX-{wd}")),
            );
            continue;
        }
        push(
            all.start(),
            all.end(),
            Reading::Weekday {
                wd,
                rel: rel_of(rel_lc.as_deref()),
                part,
            },
        );
    }
    for c in caps(&p.clock_ampm, &hits, gate::CLOCK_AMPM, text) {
        let Some(all) = c.get(0) else { continue };
        if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch == ',' || ch == '$')
        {
            continue;
        }
        let (Some(h), ap) = (
            num::<u32>(&c, "h"),
            c.name("ap").map(|x| x.as_str().to_lowercase()),
        ) else {
            continue;
        };
        let pm = ap.as_deref().is_some_and(|a| a.starts_with('p'));
        let h24 = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        push(
            all.start(),
            all.end(),
            Reading::Clock {
                h: h24,
                mi: num(&c, "mi").unwrap_or(0),
                zone: c
                    .name("z")
                    .is_some_and(|z| matches!(z.as_str(), "UTC" | "GMT")),
                day: None,
            },
        );
    }
    for (re, which) in [
        (&p.clock_colon, gate::CLOCK_COLON),
        (&p.clock_mil, gate::CLOCK_MIL),
    ] {
        for c in caps(re, &hits, which, text) {
            let Some(all) = c.get(0) else { continue };
            if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch == ',' || ch == ':' || ch == '$')
                || matches!(char_after(text, all.end()), Some(ch) if ch == ':' || ch.is_ascii_digit())
            {
                continue;
            }
            let (Some(h), Some(mi)) = (num::<u32>(&c, "h"), num::<u32>(&c, "mi")) else {
                continue;
            };
            let zone = c.name("z").map(|z| z.as_str());
            push(
                all.start(),
                all.end(),
                Reading::Clock {
                    h,
                    mi,
                    zone: matches!(zone, Some("UTC" | "GMT")),
                    day: None,
                },
            );
        }
    }
    let noon = if hits.matched(gate::NOON) {
        p.noon.find_iter(text).collect()
    } else {
        Vec::new()
    };
    for m in noon {
        let h = if m.as_str().eq_ignore_ascii_case("midnight") {
            24
        } else {
            12
        };
        push(
            m.start(),
            m.end(),
            Reading::Clock {
                h,
                mi: 0,
                zone: false,
                day: None,
            },
        );
    }
    for c in caps(&p.duration, &hits, gate::DURATION, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(numm), Some(um)) = (c.name("num"), c.name("u")) else {
            continue;
        };
        let Some((code, mult)) = unit_of(um.as_str()) else {
            continue;
        };
        let tail = c
            .name("tail")
            .map(|t| t.as_str().trim().trim_start_matches('-').to_lowercase());
        let numtxt = numm.as_str().to_lowercase();
        let n = LEX.number(&numtxt).map(|n| n * mult);
        let vague = n.is_none();
        // "a second time" is an ordinal, "three quarters of" a fraction.
        if (code == "TS" && matches!(numtxt.as_str(), "a" | "an"))
            || (code == "Q"
                && ((tail.as_deref() == Some("of") && c.name("adj").is_none())
                    || (c.name("pp").is_none()
                        && c.name("adj").is_none()
                        && !numtxt.starts_with(|ch: char| ch.is_ascii_digit()))))
        {
            continue;
        }
        // Digits glued to a larger number or money are not durations ("$5 billion a year").
        if matches!(char_before(text, numm.start()), Some(ch) if ch.is_ascii_digit() || ch == '$' || ch == '.')
        {
            continue;
        }
        let end_no_tail = match c.name("tail") {
            Some(t) if t.as_str().trim().eq_ignore_ascii_case("of") => t.start(),
            Some(_) => all.end(),
            None => all.end(),
        };
        // "the 10-year yield": a bare "the" before an adjectival "N-unit" belongs to the noun.
        let adjectival_the = c
            .name("pp")
            .is_some_and(|pp| pp.as_str().trim().eq_ignore_ascii_case("the"))
            && text
                .get(numm.end()..um.start())
                .is_some_and(|g| g.contains('-'));
        // "over the next four years": with "the next/past", over/under are prepositions.
        let (start, mod_m) = match (c.name("mod"), c.name("pp")) {
            _ if adjectival_the => (numm.start(), None),
            (Some(m), Some(pp))
                if matches!(m.as_str().to_lowercase().as_str(), "over" | "under") =>
            {
                (pp.start(), None)
            }
            (m, _) => (all.start(), m),
        };
        let modifier = mod_m
            .and_then(|m| {
                let lc = m.as_str().to_lowercase();
                LEX.modifiers
                    .iter()
                    .find(|x| x.0 == lc)
                    .map(|x| x.1.clone())
            })
            .map(|s| static_mod(&s));
        // "a day of mourning" names an occasion, not a length of time.
        if tail.as_deref() == Some("of")
            && matches!(numtxt.as_str(), "a" | "an" | "one")
            && code == "D"
        {
            continue;
        }
        // "a median age of 43.6 years", "aged 58 years": ages, not spans of time.
        let before_num = tail_lower(text, all.start(), 40);
        if before_num
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(4)
            .any(|w| matches!(w, "age" | "aged" | "ages"))
        {
            continue;
        }
        match tail.as_deref() {
            // "a 27-year-old volunteer", "she is 40 years old": TimeML annotates an age
            // as the duration lived (P27Y), wherever it stands in the sentence.
            Some("old") => {
                if n.is_some() {
                    push(
                        start,
                        all.end(),
                        Reading::Duration {
                            value: duration_value(n, code),
                            modifier,
                        },
                    );
                }
                continue;
            }
            Some("ago") => {
                push(
                    all.start(),
                    all.end(),
                    match n {
                        Some(n) => Reading::Shift {
                            n,
                            unit: code,
                            sign: -1,
                            from_anchor: false,
                        },
                        None => Reading::Literal {
                            kind: "DATE",
                            value: "PAST_REF".into(),
                        },
                    },
                );
                continue;
            }
            Some("later") | Some("earlier") if !vague && c.name("pp").is_none() => {
                let sign = if tail.as_deref() == Some("later") {
                    1
                } else {
                    -1
                };
                push(
                    all.start(),
                    all.end(),
                    Reading::Shift {
                        n: n.unwrap_or(1.0),
                        unit: code,
                        sign,
                        from_anchor: true,
                    },
                );
                continue;
            }
            _ => {}
        }
        let end = if matches!(tail.as_deref(), Some("later" | "earlier")) {
            c.name("tail").map(|t| t.start()).unwrap_or(end_no_tail)
        } else {
            end_no_tail
        };
        // "twice a day", "$3 a year": a frequency, not a duration.
        if matches!(numtxt.as_str(), "a" | "an") && c.name("mod").is_none() {
            let pw = prev_word(text, all.start()).map(str::to_lowercase);
            let money = pw
                .as_deref()
                .is_some_and(|w| w.starts_with(['$', '€', '£']) || w.ends_with('%'));
            if money
                || matches!(
                    pw.as_deref(),
                    Some(
                        "once"
                            | "twice"
                            | "thrice"
                            | "times"
                            | "million"
                            | "billion"
                            | "per"
                            | "percent"
                            | "cent"
                            | "dollars"
                            | "euros"
                            | "pounds"
                    )
                )
                || text
                    .get(..all.start())
                    .and_then(|b| b.trim_end().chars().next_back())
                    .is_some_and(|ch| ch == '%')
            {
                push(
                    all.start(),
                    end,
                    Reading::Set(duration_value(Some(mult), code)),
                );
                continue;
            }
        }
        // "every two weeks": a frequency.
        let every = prev_word_at(text, all.start())
            .filter(|(_, w)| w.eq_ignore_ascii_case("every") || w.eq_ignore_ascii_case("each"));
        if let (Some((from, _)), None, None) = (every, c.name("mod"), c.name("pp")) {
            push(from, end, Reading::Set(duration_value(n, code)));
            continue;
        }
        push(
            start,
            end,
            Reading::Duration {
                value: duration_value(n, code),
                modifier,
            },
        );
    }
    for c in caps(&p.bare_unit, &hits, gate::BARE_UNIT, text) {
        let (Some(all), Some(um)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((code, _)) = unit_of(um.as_str()) else {
            continue;
        };
        let tail = c.name("tail").map(|t| t.as_str().trim().to_lowercase());
        // A unit right after a number belongs to that number (or to an age we rejected).
        if text
            .get(..all.start())
            .and_then(|b| b.trim_end().chars().next_back())
            .is_some_and(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        // "the minutes of the meeting" are a record, not a span of time.
        if um.as_str().eq_ignore_ascii_case("minutes")
            && prev_word(text, all.start()).is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            continue;
        }
        match tail.as_deref() {
            Some("old") => continue,
            Some("ago") => push(
                all.start(),
                all.end(),
                Reading::Literal {
                    kind: "DATE",
                    value: "PAST_REF".into(),
                },
            ),
            _ => push(
                all.start(),
                all.end(),
                Reading::Duration {
                    value: duration_value(None, code),
                    modifier: None,
                },
            ),
        }
    }
    for c in caps(&p.quarter, &hits, gate::QUARTER, text) {
        let (Some(all), Some(o)) = (c.get(0), c.name("o")) else {
            continue;
        };
        let half = c
            .name("k")
            .is_some_and(|k| k.as_str().eq_ignore_ascii_case("half"));
        let q = match o.as_str().to_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" | "final" => 4,
            _ => continue,
        };
        if half && (q > 2 || (c.name("y").is_none() && c.name("ry").is_none())) {
            continue;
        }
        // "the second half" of a match is not a date; only years have halves here.
        let ry = c.name("ry").map(|x| x.as_str().to_lowercase());
        let year_rel = match ry.as_deref() {
            Some("last") => Some(-1),
            Some("next") => Some(1),
            Some(_) => Some(0),
            None => None,
        };
        push(
            all.start(),
            all.end(),
            Reading::Quarter {
                q: if half { q.min(2) } else { q.min(4) },
                y: num(&c, "y"),
                year_rel,
                half,
            },
        );
    }
    for c in caps(&p.qn, &hits, gate::QN, text) {
        let Some(all) = c.get(0) else { continue };
        let half = c.name("k").is_some_and(|k| k.as_str() == "H");
        let Some(q) = num::<u32>(&c, "n") else {
            continue;
        };
        if half && (q > 2 || c.name("y").is_none()) {
            continue;
        }
        push(
            all.start(),
            all.end(),
            Reading::Quarter {
                q,
                y: num(&c, "y"),
                year_rel: None,
                half,
            },
        );
    }
    for c in caps(&p.season, &hits, gate::SEASON, text) {
        let (Some(all), Some(sm)) = (c.get(0), c.name("s")) else {
            continue;
        };
        let Some(code) = season_code(sm.as_str()) else {
            continue;
        };
        let relw = c.name("rel").map(|x| x.as_str().to_lowercase());
        if relw.is_none() {
            // "the Arab Spring", "Summer Olympics": part of a name.
            let pw = prev_word(text, all.start());
            if pw.is_some_and(|w| is_capitalised(w) && !MONTH_LICENCE.contains(&w)) {
                continue;
            }
            if is_capitalised(sm.as_str()) && next_word(text, sm.end()).is_some_and(is_capitalised)
            {
                continue;
            }
            // "could spring a surprise": a verb after a modal, pronoun or "to".
            let lic = pw.map(str::to_lowercase);
            if matches!(
                lic.as_deref(),
                Some(
                    "could"
                        | "would"
                        | "will"
                        | "may"
                        | "might"
                        | "can"
                        | "to"
                        | "did"
                        | "does"
                        | "do"
                        | "not"
                        | "they"
                        | "we"
                        | "you"
                        | "i"
                        | "should"
                        | "must"
                )
            ) {
                continue;
            }
        }
        let (rel, modifier) = match relw.as_deref() {
            Some("early") => (None, Some("START")),
            Some("late") => (None, Some("END")),
            r => (rel_of(r), None),
        };
        push(
            all.start(),
            all.end(),
            Reading::Season {
                code,
                rel,
                modifier,
            },
        );
    }
    for c in caps(&p.nth_weekday, &hits, gate::NTH_WEEKDAY, text) {
        let (Some(all), Some(o), Some(w)) = (c.get(0), c.name("o"), c.name("wd")) else {
            continue;
        };
        let n = match o.as_str().to_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            _ => 0,
        };
        let Some(wd) = LEX.weekdays.get(&w.as_str().to_lowercase()).copied() else {
            continue;
        };
        push(
            all.start(),
            all.end(),
            Reading::NthWeekday {
                n,
                wd,
                m: c.name("m").and_then(|m| LEX.month(m.as_str())),
                y: num(&c, "y"),
            },
        );
    }
    for c in caps(&p.holiday, &hits, gate::HOLIDAY, text) {
        let Some(all) = c.get(0) else { continue };
        let name = all
            .as_str()
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ',' || ch.is_whitespace());
        let Some(&(m, d)) = LEX.holidays.get(name) else {
            continue;
        };
        push(all.start(), all.end(), Reading::date(num(&c, "y"), m, d));
    }
    for c in caps(&p.fiscal, &hits, gate::FISCAL, text) {
        let (Some(all), Some(ys)) = (c.get(0), c.name("y")) else {
            continue;
        };
        let Ok(mut y) = ys.as_str().parse::<i32>() else {
            continue;
        };
        if ys.as_str().len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        push(
            all.start(),
            all.end(),
            Reading::Literal {
                kind: "DATE",
                value: format!("FY{y:04}"),
            },
        );
    }
    for c in caps(&p.short_year, &hits, gate::SHORT_YEAR, text) {
        let (Some(all), Some(yy)) = (c.get(0), num::<i32>(&c, "yy")) else {
            continue;
        };
        if matches!(char_after(text, all.end()), Some(ch) if ch.is_alphanumeric())
            || matches!(char_before(text, all.start()), Some(ch) if ch.is_alphanumeric())
        {
            continue;
        }
        let pw = prev_word(text, all.start()).map(str::to_lowercase);
        if !matches!(
            pw.as_deref(),
            Some(
                "since"
                    | "in"
                    | "of"
                    | "from"
                    | "until"
                    | "by"
                    | "and"
                    | "to"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "the"
                    | "class"
            )
        ) {
            continue;
        }
        let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
        push(
            all.start(),
            all.end(),
            Reading::Year {
                y,
                modifier: None,
                season: None,
            },
        );
    }
    for c in caps(&p.coordinated, &hits, gate::COORDINATED, text) {
        let (Some(n1), Some(um)) = (c.name("n1"), c.name("u")) else {
            continue;
        };
        let Some((code, mult)) = unit_of(um.as_str()) else {
            continue;
        };
        let Some(n) = LEX.number(n1.as_str()) else {
            continue;
        };
        if matches!(n1.as_str().to_lowercase().as_str(), "a" | "an") {
            continue;
        }
        push(
            n1.start(),
            n1.end(),
            Reading::Duration {
                value: duration_value(Some(n * mult), code),
                modifier: None,
            },
        );
    }
    // Every phrase occurrence, overlapping ones included: when a long phrase fails its
    // context check ("the day before the vote"), the shorter one inside it can still count;
    // `settle` keeps the longest of those that pass.
    for m in p.fixed.find_overlapping_iter(text) {
        let (ms, me) = (m.start(), m.end());
        let i = m.pattern().as_usize();
        let key = LEX.relative.get(i).map(|r| r.phrase.as_str()).unwrap_or("");
        let boundary = |ch: Option<char>| !ch.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let ok = boundary(char_before(text, ms))
            && boundary(char_after(text, me))
            // "soon-to-open", "now-defunct": part of a compound adjective.
            && !matches!(char_after(text, me), Some('-'))
            && fixed_ok(text, ms, me, key);
        if ok {
            push(ms, me, Reading::Fixed(i));
        }
    }

    settle(text, out)
}

/// A `mod` value from the data file as one of TimeML's fixed names.
fn static_mod(s: &str) -> &'static str {
    match s {
        "APPROX" => "APPROX",
        "MORE_THAN" => "MORE_THAN",
        "LESS_THAN" => "LESS_THAN",
        "EQUAL_OR_MORE" => "EQUAL_OR_MORE",
        "EQUAL_OR_LESS" => "EQUAL_OR_LESS",
        "START" => "START",
        "END" => "END",
        "MID" => "MID",
        _ => "APPROX",
    }
}

/// Context checks for fixed phrases whose words have other uses.
fn fixed_ok(text: &str, start: usize, end: usize, key: &str) -> bool {
    let pw = prev_word(text, start).map(str::to_lowercase);
    let nw = next_word(text, end).map(str::to_lowercase);
    match key {
        // "now" as a discourse particle is still PRESENT_REF in TimeML; but "now-defunct"
        // and "from now on" stay.
        "now" => !matches!(char_after(text, end), Some('-')),
        "the past" => !matches!(
            nw.as_deref(),
            Some("decade" | "year" | "week" | "month" | "few" | "two" | "three" | "several")
        ),
        "the present" => !matches!(nw.as_deref(), Some("government" | "day")),
        "annual" | "daily" | "weekly" | "monthly" | "yearly" => {
            // An adjective before a name ("the Daily Telegraph") is part of the name.
            text.get(start..end)
                .is_some_and(|t| t.chars().next().is_some_and(|c| c.is_lowercase()))
        }
        "the day after" | "the day before" | "the night before" | "the week before" => {
            // "the day after the vote" dates against that event, which we cannot resolve.
            nw.is_none() || matches!(nw.as_deref(), Some("and" | "but" | "as"))
        }
        "the day" => !matches!(
            nw.as_deref(),
            Some(
                "of" | "when"
                    | "that"
                    | "after"
                    | "before"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "you"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "which"
                    | "where"
                    | "following"
                    | "ahead"
                    | "is"
                    | "was"
                    | "will"
            )
        ),
        "the year" => {
            matches!(
                pw.as_deref(),
                Some("in" | "for" | "during" | "throughout" | "through" | "of" | "all")
            ) && !matches!(
                nw.as_deref(),
                Some(
                    "of" | "when"
                        | "that"
                        | "before"
                        | "after"
                        | "ended"
                        | "ending"
                        | "ago"
                        | "in"
                        | "which"
                        | "to"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "earlier"
                        | "later"
                        | "before,"
                        | "since"
                )
            )
        }
        "recent" | "current" => {
            // "the current crisis", "recent talks"; not "its five current models".
            (key == "recent" || pw.as_deref() == Some("the"))
                && pw.as_deref() != Some("most")
                && nw
                    .as_deref()
                    .is_some_and(|w| w.chars().all(|c| c.is_lowercase()))
                && !matches!(
                    nw.as_deref(),
                    Some("account" | "accounts" | "affairs" | "events" | "and" | "or" | "of")
                )
        }
        "soon" => {
            !matches!(pw.as_deref(), Some("as" | "how" | "too"))
                && !matches!(
                    nw.as_deref(),
                    Some("as" | "after" | "afterwards" | "thereafter")
                )
        }
        "per day" | "per week" | "per month" | "per year" => true,
        // "the last quarter of an hour", "the past of the city".
        "the last quarter" | "last quarter" | "this quarter" | "next quarter" => {
            nw.as_deref() != Some("of")
        }
        "overnight" => !matches!(pw.as_deref(), Some("an")),
        _ => true,
    }
}

/// Whether a four-digit number at `[s, e)` reads as a year.
fn year_ok(text: &str, s: usize, e: usize, y: i32, qualified: bool) -> bool {
    if matches!(char_before(text, s), Some(ch) if ch.is_ascii_digit() || matches!(ch, '$' | '€' | '£' | '#' | '+' | '/'))
    {
        return false;
    }
    // "2,000" / "1.500": part of a larger number; "1991-92" is fine.
    if let Some(b) = text.get(..s) {
        let mut it = b.chars().rev();
        if let (Some(p), Some(pp)) = (it.next(), it.next()) {
            if matches!(p, ',' | '.') && pp.is_ascii_digit() {
                return false;
            }
        }
    }
    if let Some(a) = text.get(e..) {
        let mut it = a.chars();
        match (it.next(), it.next()) {
            (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => return false,
            (Some('%'), _) => return false,
            (Some(ch), _) if ch.is_ascii_alphanumeric() => return false,
            _ => {}
        }
    }
    if qualified {
        return (1000..=2100).contains(&y);
    }
    // "© 2031 Example Media": a copyright line, not a date in the story.
    let b = tail_lower(text, s, 16);
    let b = b.trim_end();
    if b.ends_with('©') || b.ends_with("(c)") || b.ends_with("copyright") {
        return false;
    }
    let nw = next_word(text, e);
    if let Some(nw) = nw {
        let lc = nw.to_lowercase();
        if LEX.count_noun.contains(lc.as_str()) {
            return false;
        }
        if matches!(
            lc.as_str(),
            "percent" | "per" | "bn" | "million" | "billion"
        ) {
            return false;
        }
    }
    let pw = prev_word(text, s);
    if let Some(pw) = pw {
        if LEX.count_before.contains(pw) || LEX.count_before.contains(&pw.to_lowercase()) {
            return false;
        }
        // After a capitalised word only modern years ("WWDC 2005", "Euro 2020"); an
        // older number there is a model or a flight.
        if is_capitalised(pw)
            && !YEAR_OK_CAPITALISED.contains(&pw)
            && LEX.month(pw).is_none()
            && (!(1950..=2100).contains(&y) || nw.is_some_and(is_capitalised))
        {
            return false;
        }
    }
    if (1900..=2100).contains(&y) {
        return true;
    }
    // Older years only with a clear year cue before them.
    matches!(
        pw.map(str::to_lowercase).as_deref(),
        Some(
            "in" | "since"
                | "until"
                | "from"
                | "by"
                | "of"
                | "between"
                | "during"
                | "before"
                | "after"
                | "the"
                | "and"
                | "year"
                | "circa"
                | "c."
        )
    )
}

/// Keep the longest candidates; among equal lengths the earliest pattern wins.
fn settle(text: &str, v: Vec<Cand>) -> Vec<Cand> {
    let mut order: Vec<(usize, Cand)> = v.into_iter().enumerate().collect();
    order.sort_by_key(|(i, c)| (std::cmp::Reverse(c.end - c.start), c.start, *i));
    // Kept spans by start; they never overlap, so only the one starting last before a
    // candidate's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut kept: Vec<Cand> = Vec::new();
    for (_, c) in order {
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &te)| te > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    merge(text, kept)
}

/// The part of day a fixed phrase names when it reads "the morning/afternoon/evening/night".
fn part_of_day(r: &Reading) -> Option<&'static str> {
    let Reading::Fixed(i) = r else { return None };
    match LEX.relative.get(*i)?.phrase.as_str() {
        "the morning" => Some("MO"),
        "the afternoon" => Some("AF"),
        "the evening" => Some("EV"),
        "the night" | "overnight" => Some("NI"),
        _ => None,
    }
}

fn gap_is(text: &str, a: usize, b: usize, comma: bool) -> bool {
    b >= a
        && b - a <= 3
        && text
            .get(a..b)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || (comma && c == ',')))
}

/// Joins a weekday with the date right after it ("Saturday, January 8") and a clock time
/// with the day right after it ("3 p.m. Saturday").
fn merge(text: &str, v: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    for c in v {
        if let Some(last) = out.last_mut() {
            // "the evening of March 4"
            if let (Some(part), true) = (part_of_day(&last.reading), is_day(&c.reading)) {
                // "the evening of March 4", "overnight on Friday", "overnight Friday".
                let of = text.get(last.end..c.start).is_some_and(|g| {
                    let g = g.trim();
                    g.eq_ignore_ascii_case("of")
                        || ((g.is_empty() || g.eq_ignore_ascii_case("on"))
                            && text
                                .get(last.start..last.end)
                                .is_some_and(|t| t.eq_ignore_ascii_case("overnight")))
                });
                if of {
                    last.reading = Reading::DayPart {
                        part,
                        day: Box::new(c.reading.clone()),
                    };
                    last.end = c.end;
                    continue;
                }
            }
            let with_comma = gap_is(text, last.end, c.start, true);
            let spaced = gap_is(text, last.end, c.start, false);
            // "02:40 on Saturday 4 March", "5 p.m. on Friday": one point in time (TimeML
            // joins a time with its day; the preposition between them stays inside).
            let on = text
                .get(last.end..c.start)
                .is_some_and(|g| g.trim().eq_ignore_ascii_case("on") && g.starts_with(' '));
            if on || spaced {
                if let (Reading::Clock { day: None, .. }, true) =
                    (&last.reading, is_day(&c.reading))
                {
                    if let Reading::Clock { h, mi, zone, .. } = last.reading.clone() {
                        last.end = c.end;
                        last.reading = Reading::Clock {
                            h,
                            mi,
                            zone,
                            day: Some(Box::new(c.reading.clone())),
                        };
                        continue;
                    }
                }
            }
            // "3 p.m. Saturday, January 8": the full date replaces the weekday.
            if with_comma {
                if let Reading::Clock { day: Some(day), .. } = &mut last.reading {
                    if matches!(**day, Reading::Weekday { part: None, .. })
                        && is_date_with_day(&c.reading)
                    {
                        **day = c.reading.clone();
                        last.end = c.end;
                        continue;
                    }
                }
            }
            if with_comma {
                match (&last.reading, &c.reading) {
                    (Reading::Weekday { part: None, .. }, Reading::Date { d, .. }) if *d > 0 => {
                        last.end = c.end;
                        last.reading = c.reading.clone();
                        continue;
                    }
                    (
                        day,
                        Reading::Clock {
                            day: None,
                            h,
                            mi,
                            zone,
                        },
                    ) if is_date_with_day(day) => {
                        last.reading = Reading::Clock {
                            h: *h,
                            mi: *mi,
                            zone: *zone,
                            day: Some(Box::new(day.clone())),
                        };
                        last.end = c.end;
                        continue;
                    }
                    (Reading::Clock { day: None, .. }, next) if spaced && is_day(next) => {
                        if let Reading::Clock { h, mi, zone, .. } = last.reading.clone() {
                            last.end = c.end;
                            last.reading = Reading::Clock {
                                h,
                                mi,
                                zone,
                                day: Some(Box::new(next.clone())),
                            };
                            continue;
                        }
                    }
                    _ => {}
                }
            }
        }
        out.push(c);
    }
    out
}

/// A written calendar date with its day ("5 March 2031", "March 4").
fn is_date_with_day(r: &Reading) -> bool {
    matches!(r, Reading::Date { d, .. } if *d > 0)
}

/// Readings that name one day (a time can attach to them).
fn is_day(r: &Reading) -> bool {
    match r {
        Reading::Date { d, .. } => *d > 0,
        Reading::Weekday { part: None, .. } => true,
        Reading::Fixed(i) => LEX
            .relative
            .get(*i)
            .is_some_and(|x| x.kind == "DATE" && x.template.starts_with('D')),
        _ => false,
    }
}

/// Words of a text with their byte offsets (for tense cues): the matches of `Patterns::word`
/// (`[\p{L}\p{N}][\p{L}\p{N}'’.-]*`), found by a scan that needs the regex only to class a
/// non-ASCII character (every sentence with a date goes through here).
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((s, c)) = it.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut e = s + c.len_utf8();
        while let Some(&(i, d)) = it.peek() {
            if !(matches!(d, '\'' | '’' | '.' | '-') || is_word_char(d)) {
                break;
            }
            e = i + d.len_utf8();
            it.next();
        }
        if let Some(w) = text.get(s..e) {
            out.push((s, w));
        }
    }
    out
}

/// `\p{L}` or `\p{N}`: a character a word of [`words`] is made of.
fn is_word_char(c: char) -> bool {
    static LETTER_OR_NUMBER: Lazy<Option<Regex>> =
        Lazy::new(|| Regex::new(r"\A[\p{L}\p{N}]\z").ok());
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let mut buf = [0u8; 4];
    LETTER_OR_NUMBER
        .as_ref()
        .is_some_and(|r| r.is_match(c.encode_utf8(&mut buf)))
}

#[cfg(test)]
mod boundary_tests {
    use super::*;

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
