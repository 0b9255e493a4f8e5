//! A candidate name found by one of the Russian rules, before overlaps are settled and
//! mentions are grouped into entities.

use super::words::Word;
use newsledger_model::{EntityType, Geo};

#[derive(Debug, Clone)]
pub struct Cand {
    /// Byte offsets into the document.
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    pub subtype: Option<&'static str>,
    /// Canonical name (nominative where the rule knows it).
    pub name: String,
    /// Mentions with one key are one entity.
    pub key: String,
    pub geo: Option<Geo>,
    /// Which reading wins an overlap between two candidates of one length.
    pub prio: u8,
    /// A body every country has (МВД), named without its country: the story's country
    /// decides it.
    pub needs_country: Option<&'static str>,
}

impl Cand {
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// Words `i..j` joined by their keys with single spaces, when only spaces separate them
/// (no punctuation, no segment break); `None` otherwise.
pub fn phrase_key(words: &[Word<'_>], i: usize, j: usize) -> Option<String> {
    let first = words.get(i)?;
    let mut k = first.key.clone();
    for w in words.get(i + 1..j)? {
        if w.seg != first.seg || !w.gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
            return None;
        }
        k.push(' ');
        k.push_str(&w.key);
    }
    Some(k)
}

/// The document text of words `i..j`.
pub fn surface<'a>(text: &'a str, words: &[Word<'_>], i: usize, j: usize) -> &'a str {
    match (words.get(i), j.checked_sub(1).and_then(|l| words.get(l))) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or(""),
        _ => "",
    }
}

/// The next word is in the same segment with nothing but spaces before it.
pub fn joined(words: &[Word<'_>], i: usize) -> bool {
    match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => {
            a.seg == b.seg && b.gap.chars().all(|c| c == ' ' || c == '\u{a0}') && !b.gap.is_empty()
        }
        _ => false,
    }
}
