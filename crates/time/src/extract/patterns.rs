//! The compiled patterns of every expression family, the trigger words that let a sentence
//! skip them, and the one-pass gate that tells which of them match at all.

use super::context::capitalise;
use crate::lexicon::LEX;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use regex::{Captures, Regex, RegexSet, SetMatches};

pub(super) fn alternation<I: IntoIterator<Item = String>>(items: I) -> String {
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
pub(super) fn month_alt(full_only: bool) -> String {
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

pub(super) const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?";
pub(super) const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2})";
pub(super) const SEASON: &str = r"(?i:spring|summer|autumn|fall|winter)";

pub(super) fn number_alt() -> String {
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

pub(super) fn unit_alt() -> String {
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)".to_string()
}

pub(super) fn mod_alt() -> String {
    let mods = alternation(LEX.modifiers.iter().map(|m| m.0.clone()));
    format!(r"(?i:{mods})")
}

pub(super) struct Patterns {
    pub(super) mdy: Regex,
    pub(super) dmy: Regex,
    pub(super) md: Regex,
    pub(super) my: Regex,
    pub(super) month: Regex,
    pub(super) iso: Regex,
    pub(super) slash: Regex,
    /// Day-first dates with periods (08.01.2022), common outside the US.
    pub(super) dotted: Regex,
    pub(super) year: Regex,
    pub(super) decade: Regex,
    pub(super) century: Regex,
    pub(super) weekday: Regex,
    pub(super) clock_ampm: Regex,
    pub(super) clock_colon: Regex,
    pub(super) clock_mil: Regex,
    pub(super) noon: Regex,
    pub(super) duration: Regex,
    pub(super) bare_unit: Regex,
    pub(super) quarter: Regex,
    pub(super) qn: Regex,
    pub(super) season: Regex,
    pub(super) short_year: Regex,
    pub(super) holiday: Regex,
    pub(super) nth_weekday: Regex,
    pub(super) fiscal: Regex,
    pub(super) coordinated: Regex,
    /// The fixed phrases of `relative.tsv`, any case; word boundaries are checked after.
    pub(super) fixed: AhoCorasick,
    /// Words without which a sentence cannot hold a timex (besides digits): a cheap
    /// first pass so most sentences skip the patterns.
    pub(super) triggers: AhoCorasick,
    /// All the patterns above, in [`GATED`] order: one pass tells which of them match
    /// the text at all, so the others are not run.
    pub(super) set: RegexSet,
}

/// Indices into [`Patterns::set`].
pub(super) mod gate {
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
pub(super) static PAT: Lazy<Option<Patterns>> = Lazy::new(|| patterns(false));

/// The same patterns with ASCII word boundaries (`(?-u:\b)`), which keep the lazy DFA.
/// On a text without non-ASCII word characters an ASCII and a Unicode `\b` agree, so
/// [`candidates`] uses these whenever that holds (nearly always for English news, whose
/// non-ASCII characters are mostly curly quotes and dashes).
pub(super) static PAT_ASCII: Lazy<Option<Patterns>> = Lazy::new(|| patterns(true));

/// A non-ASCII character the regex crate counts as a word character (Unicode `\w`).
pub(super) static NON_ASCII_WORD: Lazy<Option<Regex>> =
    Lazy::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").ok());

/// True when a Unicode and an ASCII `\b` may disagree somewhere in `text`.
pub(super) fn needs_unicode_boundaries(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    match NON_ASCII_WORD.as_ref() {
        Some(r) => r.is_match(text),
        None => true,
    }
}

/// `\b` → `(?-u:\b)` in a pattern, leaving escaped backslashes (`\\b`) alone.
pub(super) fn ascii_boundaries(pattern: &str) -> String {
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

pub(super) fn patterns(ascii_b: bool) -> Option<Patterns> {
    let re = |pattern: &str| {
        if ascii_b {
            Regex::new(&ascii_boundaries(pattern))
        } else {
            Regex::new(pattern)
        }
    };
    let alts = Alts::new();
    let [mdy, dmy, md, my, month, iso, slash, dotted, nth_weekday, holiday] =
        calendar_patterns(&re, &alts)?;
    let [year, decade, century, short_year, fiscal] = year_patterns(&re)?;
    let [weekday, clock_ampm, clock_colon, clock_mil, noon, duration, bare_unit, quarter, qn, season, coordinated] =
        day_patterns(&re, &alts)?;
    let mut p = Patterns {
        mdy,
        dmy,
        md,
        my,
        month,
        iso,
        slash,
        dotted,
        year,
        decade,
        century,
        weekday,
        clock_ampm,
        clock_colon,
        clock_mil,
        noon,
        duration,
        bare_unit,
        quarter,
        qn,
        season,
        short_year,
        nth_weekday,
        holiday,
        fiscal,
        coordinated,
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

/// A pattern compiler: with Unicode or ASCII word boundaries.
type Re<'a> = dyn Fn(&str) -> Result<Regex, regex::Error> + 'a;

/// The alternations the patterns are built from.
struct Alts {
    m_any: String,
    m_full: String,
    wds: String,
    num: String,
    unit: String,
    mods: String,
}

impl Alts {
    fn new() -> Alts {
        let wds = alternation(
            LEX.weekdays
                .keys()
                .flat_map(|w| {
                    let cap = capitalise(w);
                    [cap.clone(), cap.to_uppercase()]
                })
                .collect::<Vec<_>>(),
        );
        Alts {
            m_any: month_alt(false),
            m_full: month_alt(true),
            wds,
            num: number_alt(),
            unit: unit_alt(),
            mods: mod_alt(),
        }
    }
}

/// Calendar dates, nth weekdays and holidays.
fn calendar_patterns(re: &Re, a: &Alts) -> Option<[Regex; 10]> {
    let Alts {
        m_any, m_full, wds, ..
    } = a;
    Some([
re(&format!(
            r"\b(?P<m>{m_any})\s*(?P<d>{DAY})\b(?:\s*,\s*|\s+)(?P<y>{YEAR})\b"
        ))
        .ok()?,
re(&format!(
            r"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{m_any})(?:\s*,?\s*(?P<y>{YEAR})\b)?"
        ))
        .ok()?,
re(&format!(r"\b(?P<m>{m_any})\s*(?P<d>{DAY})\b")).ok()?,
re(&format!(
            r"\b(?:(?P<q>(?i:early|late|mid|the end of|the beginning of|the start of|the middle of))[\s-]*)?(?P<m>{m_any})\s*,?\s*(?:of\s+)?(?P<y>{YEAR})\b"
        ))
        .ok()?,
re(&format!(
            r"\b(?:(?P<rel>(?i:last|next|this|early|late|mid|the end of|the beginning of|the start of|the middle of))[\s-]*)?(?P<m>{m_full})(?:\s+(?:of\s+)?(?P<ry>(?i:next|last|this|the same|the following|the previous))\s+(?i:year)\b)?"
        ))
        .ok()?,
re(&format!(
            r"\b(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?:T(?P<h>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9]))?\b"
        ))
        .ok()?,
re(r"\b(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})\b").ok()?,
re(&format!(
            r"\b(?P<d>[0-9]{{1,2}})\.(?P<m>[0-9]{{1,2}})\.(?P<y>{YEAR})\b"
        ))
        .ok()?,
re(&format!(
            r"\b(?i:the)\s+(?P<o>(?i:first|second|third|fourth|last|1st|2nd|3rd|4th))\s+(?P<wd>{wds})\s+(?i:of)\s+(?:(?i:the|this)\s+(?i:month)|(?P<m>{m_full})(?:\s*,?\s*(?P<y>{YEAR})\b)?)"
        ))
        .ok()?,
re(&format!(
            r"\b(?:{})(?:\s*,?\s*(?P<y>{YEAR})\b)?",
            alternation(
                LEX.holidays
                    .keys()
                    .chain(LEX.nth_holidays.keys())
                    .cloned()
            )
        ))
        .ok()?,
    ])
}

/// Years, decades, centuries, two-digit and fiscal years.
fn year_patterns(re: &Re) -> Option<[Regex; 5]> {
    Some([
re(&format!(
            r"\b(?:(?P<q>(?i:early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of))[\s-]*|(?P<s>(?i:the\s+)?{SEASON}\s+(?:of\s+)?))?(?P<y>{YEAR})\b"
        ))
        .ok()?,
re(&format!(
            r"(?:\b(?:(?P<q>(?i:early|late|mid))[\s-]+)?(?P<full>{YEAR})'?s\b)|(?:(?:\b(?i:the|and|or)\s+|['’])(?P<short>[1-9]0)'?s\b)"
        ))
        .ok()?,
re(r"\b(?i:the\s+)?(?P<n>[0-9]{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)\b")
            .ok()?,
re(r"['’](?P<yy>[0-9]{2})\b").ok()?,
re(&format!(
            r"\b(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)(?P<y>{YEAR}|[0-9]{{2}})\b"
        ))
        .ok()?,
    ])
}

/// Weekdays, clock times, durations, quarters, seasons.
fn day_patterns(re: &Re, a: &Alts) -> Option<[Regex; 11]> {
    let Alts {
        wds,
        num,
        unit,
        mods,
        ..
    } = a;
    Some([
re(&format!(
            r"\b(?:(?P<rel>(?i:last|next|this|this coming|this past|coming|past|previous|early|late|every|each))\s+)?(?P<wd>{wds})\b(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ))
        .ok()?,
re(
            r"\b(?:(?P<about>(?i:about|around|approximately))\s+)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5][0-9]))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))(?:\s*(?P<z>UTC|GMT|local time|[ECMP][SD]T|BST|CET|CEST|MSK|IST)\b)?",
        )
        .ok()?,
re(
            r"\b(?:(?P<about>(?i:about|around|approximately))\s+)?(?P<h>[01]?[0-9]|2[0-3]):(?P<mi>[0-5][0-9])\b(?:\s*(?P<z>UTC|GMT|local time|[ECMP][SD]T|BST|CET|CEST|MSK|IST)\b)?",
        )
        .ok()?,
re(r"\b(?P<h>[01][0-9]|2[0-3])(?P<mi>[0-5][0-9])\s*(?P<z>GMT|UTC|hours|hrs|local time)\b").ok()?,
re(r"\b(?i:noon|midday|midnight)\b").ok()?,
re(&format!(
            r"\b(?:(?P<mod>{mods})\s+)?(?P<pp>(?i:the\s+(?:(?:past|last|next|first|previous|coming|following|final|same|last\s+few|past\s+few)\s+)?))?(?P<num>{num})[\s-]+(?P<adj>(?i:straight|consecutive|full|long|more|whole|trading|working|business)\s+)?(?P<u>{unit})\b(?P<tail>\s+(?i:ago|later|earlier|old)\b|-old\b|\s+of\b)?"
        ))
        .ok()?,
re(
            r"\b(?P<u>(?i:minutes|hours|days|weeks|months|years|decades|centuries))\b(?P<tail>\s+(?i:ago|old)\b|-(?i:long)\b)?",
        )
        .ok()?,
re(&format!(
            r"\b(?:(?P<yp>(?i:this|last|next)\s+year['’]s|(?i:the\s+)?(?i:comparable\s+)?(?i:year-ago|year-earlier)|(?i:the\s+)?(?P<y0>{YEAR}))\s+|(?i:the\s+))?(?P<o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]+(?P<k>(?i:quarter|half))\b(?:\s+(?i:of)\s+(?:(?P<y>{YEAR})|(?P<ry>(?i:this|last|next|the))\s+(?i:year)))?"
        ))
        .ok()?,
re(&format!(r"\b(?P<k>Q|H)(?P<n>[1-4])(?:\s+(?P<y>{YEAR}))?\b")).ok()?,
re(
            r"\b(?:(?P<rel>(?i:last|next|this|early|late|this past|this coming))\s+)?(?P<s>(?i:spring|summer|autumn|winter))\b",
        )
        .ok()?,
re(&format!(
            r"\b(?P<n1>{num})\s+(?i:and|or|to)\s+(?:{num})[\s-]+(?P<u>{unit})\b"
        ))
        .ok()?,
    ])
}

/// `re`'s captures in `text`, or none when the set pass found no match for it.
pub(super) fn caps<'t>(
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

/// Lower-case words that any timex needs (a digit aside): names, units, and the content
/// words of the fixed phrases.
pub(super) fn trigger_words() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    v.extend(LEX.months.iter().map(|m| m.name.to_lowercase()));
    v.extend(LEX.weekdays.keys().cloned());
    v.extend(LEX.units.keys().cloned());
    v.extend(LEX.numbers.keys().filter(|k| k.len() > 2).cloned());
    v.extend(
        LEX.holidays
            .keys()
            .chain(LEX.nth_holidays.keys())
            .filter_map(|h| h.split_whitespace().last().map(str::to_lowercase)),
    );
    for w in [
        "centur", "spring", "summer", "autumn", "fall", "winter", "fiscal", "half", "noon",
        "midday", "midnight", "fy",
    ] {
        v.push(w.to_string());
    }
    const STOP: &[&str] = &["the", "a", "an", "of", "in", "at", "this", "that", "these"];
    // A phrase matches only where all its words are, so one of them (the longest, which
    // tends to be the rarest) is enough to let a sentence through.
    for r in &LEX.relative {
        let words = r.phrase.split_whitespace().filter(|w| !STOP.contains(w));
        if let Some(w) = words.max_by_key(|w| w.len()) {
            v.push(w.to_string());
        }
    }
    v.sort();
    v.dedup();
    v
}
