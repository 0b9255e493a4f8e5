//! The Russian lexicons of `data/figures/ru/`, loaded once. Word forms are stemmed with the
//! Snowball Russian stemmer, so an entry matches its other case and number forms.

use newsledger_model::ValueKind;
use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};

static STEMMER: Lazy<Stemmer> = Lazy::new(|| Stemmer::create(Algorithm::Russian));

/// The stem of one word: lower case, ё as е, Snowball Russian.
pub fn stem(word: &str) -> String {
    let lc = word.to_lowercase().replace('ё', "е");
    STEMMER.stem(&lc).into_owned()
}

/// The stems of a phrase, space separated.
pub fn stems(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// How a number word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    Word,
    Collective,
    Scale,
}

pub struct Lexicon {
    /// Stemmed phrase → metric code; `max_words` is the longest phrase.
    pub metrics: HashMap<String, &'static str>,
    pub max_words: usize,
    /// Stem of a person noun → group class.
    pub groups: HashMap<String, &'static str>,
    /// Lower-case number word → (value, kind); exact forms, not stems.
    pub numbers: HashMap<String, (u64, NumKind)>,
    /// Lower-case vague phrase → (kind, low, high).
    pub vague: Vec<(String, ValueKind, u64, Option<u64>)>,
    /// Lower-case qualifier phrase → kind, longest first.
    pub qualifiers: Vec<(String, ValueKind)>,
    pub nonfigure: HashSet<String>,
    /// Word beginnings that link a metric word to its number ("возросло до").
    pub linking: Vec<&'static str>,
    /// Words between a count and the metric word after it ("были").
    pub aux: HashSet<&'static str>,
    /// Heads of "число погибших" phrases.
    pub count_heads: HashSet<&'static str>,
    /// Word beginnings by role (`context.tsv`): rescue_work, kin, affected_by.
    pub context: Vec<(&'static str, &'static str)>,
}

impl Lexicon {
    /// True when a lower-case word begins with a word of this role in `context.tsv`.
    pub fn in_context(&self, role: &str, lc: &str) -> bool {
        self.context
            .iter()
            .any(|(w, r)| *r == role && lc.starts_with(w))
    }
}

fn kind(s: &str) -> ValueKind {
    match s {
        "at_least" => ValueKind::AtLeast,
        "at_most" => ValueKind::AtMost,
        "approx" => ValueKind::Approx,
        "vague" => ValueKind::Vague,
        "range" => ValueKind::Range,
        _ => ValueKind::Exact,
    }
}

fn longest_first<T>(mut v: Vec<(String, T)>) -> Vec<(String, T)> {
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.split_whitespace().count()));
    v
}

pub static LEX: Lazy<Lexicon> = Lazy::new(|| {
    let metrics: HashMap<String, &'static str> =
        rows(include_str!("../../../../data/figures/ru/metrics.tsv"))
            .filter_map(|r| Some((stems(r.first()?), *r.get(1)?)))
            .collect();
    let max_words = metrics
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    let numbers = rows(include_str!("../../../../data/figures/ru/numbers.tsv"))
        .filter_map(|r| {
            let k = match *r.get(2)? {
                "collective" => NumKind::Collective,
                "scale" => NumKind::Scale,
                _ => NumKind::Word,
            };
            Some((r.first()?.to_string(), (r.get(1)?.parse().ok()?, k)))
        })
        .collect();
    let vague = rows(include_str!("../../../../data/figures/ru/vague.tsv"))
        .filter_map(|r| {
            let high = r.get(3).and_then(|h| h.parse().ok());
            Some((
                r.first()?.to_string(),
                kind(r.get(1)?),
                r.get(2)?.parse().ok()?,
                high,
            ))
        })
        .collect::<Vec<_>>();
    let mut vague = vague;
    vague.sort_by_key(|v| std::cmp::Reverse(v.0.split_whitespace().count()));
    Lexicon {
        metrics,
        max_words,
        groups: rows(include_str!("../../../../data/figures/ru/groups.tsv"))
            .filter_map(|r| Some((stem(r.first()?), *r.get(1)?)))
            .collect(),
        numbers,
        vague,
        qualifiers: longest_first(
            rows(include_str!("../../../../data/figures/ru/qualifiers.tsv"))
                .filter_map(|r| Some((r.first()?.to_string(), kind(r.get(1)?))))
                .collect(),
        ),
        nonfigure: rows(include_str!("../../../../data/figures/ru/nonfigure.tsv"))
            .filter_map(|r| Some(stem(r.first()?)))
            .collect(),
        linking: rows(include_str!("../../../../data/figures/ru/linking.txt"))
            .filter_map(|r| r.first().copied())
            .collect(),
        aux: rows(include_str!("../../../../data/figures/ru/aux.txt"))
            .filter_map(|r| r.first().copied())
            .collect(),
        count_heads: rows(include_str!("../../../../data/figures/ru/count_heads.txt"))
            .filter_map(|r| r.first().copied())
            .collect(),
        context: rows(include_str!("../../../../data/figures/ru/context.tsv"))
            .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_metric() {
        assert_eq!(LEX.metrics.get(&stem("погибли")), Some(&"killed"));
        assert_eq!(LEX.metrics.get(&stem("погибших")), Some(&"killed"));
        assert_eq!(LEX.metrics.get(&stem("задержаны")), Some(&"detained"));
        assert_eq!(
            LEX.metrics.get(&stems("пропали без вести")),
            Some(&"missing")
        );
        assert_eq!(
            LEX.groups.get(&stem("полицейских")),
            Some(&"security_forces")
        );
    }
}
