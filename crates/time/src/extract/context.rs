//! Small look-arounds and modifier readings shared by the expression families.

use super::Rel;
use once_cell::sync::Lazy;
use regex::{Captures, Regex};

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub(super) fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
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
pub(super) fn tail_lower(text: &str, at: usize, n: usize) -> String {
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
pub(super) fn prev_word_at(text: &str, at: usize) -> Option<(usize, &str)> {
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

pub(super) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

pub(super) fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn quarter_mod(q: Option<&str>) -> Option<&'static str> {
    let q = q?.to_lowercase();
    Some(match q.trim_end_matches(['-', ' ']) {
        "early" | "the beginning of" | "the start of" | "the first half of" => "START",
        "late" | "the end of" | "the second half of" => "END",
        "mid" | "the middle of" => "MID",
        _ => return None,
    })
}

pub(super) fn season_code(s: &str) -> Option<&'static str> {
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

pub(super) fn rel_of(s: Option<&str>) -> Option<Rel> {
    match s?.to_lowercase().as_str() {
        "last" | "past" | "this past" | "previous" => Some(Rel::Last),
        "next" | "coming" | "this coming" => Some(Rel::Next),
        "this" => Some(Rel::This),
        _ => None,
    }
}

/// Prepositions and other words that license a month name standing alone.
pub(super) const MONTH_LICENCE: &[&str] = &[
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
pub(super) fn is_word_char(c: char) -> bool {
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
