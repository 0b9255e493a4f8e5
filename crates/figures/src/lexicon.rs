//! The data files of `data/figures`, parsed once into phrase tables.
//!
//! Phrases are sequences of lower-cased words matched against the sentence's own tokens
//! (see [`crate::tokens`]), keyed by their first word so a lookup at a token costs one hash
//! probe. The files are small and hand-written; a malformed line is skipped rather than
//! failing, so the stage can never panic on its own data.

use crate::tokens::Tok;
use newsledger_model::ValueKind;
use once_cell::sync::Lazy;
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiply-rotate hasher for the short, trusted lexicon keys: lookups happen for
/// nearly every word of every sentence, where SipHash's DoS resistance buys nothing.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A phrase table: first word → (phrase words, value), longest phrase first.
pub struct PhraseMap<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> PhraseMap<V> {
    fn new() -> Self {
        PhraseMap {
            by_first: HashMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, v: V) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        list.push((words, v));
        list.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    }

    /// Longest phrase starting at token `i`; returns the token index just after it.
    pub fn longest_at(&self, toks: &[Tok], i: usize) -> Option<(usize, &V)> {
        let first = toks.get(i)?;
        let list = self.by_first.get(first.lower.as_ref())?;
        'phrases: for (words, v) in list {
            for (k, w) in words.iter().enumerate() {
                match toks.get(i + k) {
                    Some(t) if t.lower.as_ref() == w.as_str() => {}
                    _ => continue 'phrases,
                }
            }
            return Some((i + words.len(), v));
        }
        None
    }

    /// Longest phrase ending exactly at token `end` (exclusive); returns its first token.
    pub fn longest_ending_at(&self, toks: &[Tok], end: usize) -> Option<(usize, &V)> {
        for start in end.saturating_sub(6)..end {
            let Some(first) = toks.get(start) else {
                continue;
            };
            let Some(list) = self.by_first.get(first.lower.as_ref()) else {
                continue;
            };
            for (words, v) in list {
                if start + words.len() != end {
                    continue;
                }
                let ok = words.iter().enumerate().all(|(k, w)| {
                    toks.get(start + k)
                        .is_some_and(|t| t.lower.as_ref() == w.as_str())
                });
                if ok {
                    return Some((start, v));
                }
            }
        }
        None
    }
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Require {
    Any,
    Security,
    Crowd,
    Armed,
    /// "pulled six people alive from the rubble"
    Alive,
    /// "taken to Central and St Anne's hospitals": a hospital word closes the phrase
    Hospital,
}

#[derive(Debug, Clone)]
pub struct MetricEntry {
    pub metric: &'static str,
    pub pp: bool,
    pub vi: bool,
    pub vt: bool,
    pub noun: bool,
    pub toll: bool,
    pub require: Require,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumWord {
    Unit(u64),
    Scale(u64),
    Dozen,
}

#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub mult: u64,
    pub glued: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Vague {
    pub low: u64,
    pub high: Option<u64>,
    pub kind: ValueKind,
    pub needs_group: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonFigure {
    Percent,
    Money,
    Age,
    Cancel,
    Forecast,
    NoGroup,
    Stats,
    /// A building or scene ("fled the building", "fled in panic"): not displacement.
    Venue,
    /// People counted at a venue (shoppers, fans) who flee it, not their homes.
    VenueCrowd,
    /// Ballots, polls, surveys: their counts are never participants.
    Vote,
    /// Rubble, water…: pulled out of it means rescued.
    RescuePlace,
    /// Funerals, matches, conferences: a head-count there is not a protest crowd.
    Occasion,
    /// Goals, points, medals, seats: a "tally" of these is a score, not a toll.
    Score,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeScope {
    Clause,
    Sentence,
}

pub struct Lexicon {
    pub metrics: PhraseMap<MetricEntry>,
    pub numbers: HashMap<String, NumWord>,
    pub scales: HashMap<String, Scale>,
    pub pre_qualifiers: PhraseMap<ValueKind>,
    pub post_qualifiers: PhraseMap<ValueKind>,
    pub vague: PhraseMap<Vague>,
    pub groups: PhraseMap<&'static str>,
    /// Person nouns that are sent somewhere as personnel (medics, rescuers) although they
    /// are not security forces: they can be `deployed`.
    pub personnel: PhraseMap<()>,
    /// Titles before a person's name in a source ("Sheriff", "Chief Constable").
    pub titles: PhraseMap<()>,
    pub nonfigure: PhraseMap<NonFigure>,
    pub hedges: PhraseMap<HedgeScope>,
}

fn kind_of(s: &str) -> Option<ValueKind> {
    Some(match s {
        "exact" => ValueKind::Exact,
        "at_least" => ValueKind::AtLeast,
        "at_most" => ValueKind::AtMost,
        "approx" => ValueKind::Approx,
        "range" => ValueKind::Range,
        "vague" => ValueKind::Vague,
        _ => return None,
    })
}

/// The group class names of the spec, as static strings.
pub fn class_name(s: &str) -> &'static str {
    match s {
        "security_forces" => "security_forces",
        "protesters" => "protesters",
        "civilians" => "civilians",
        "militants" => "militants",
        "officials" => "officials",
        "journalists" => "journalists",
        "foreigners" => "foreigners",
        "children" => "children",
        "mixed" => "mixed",
        _ => "unspecified",
    }
}

fn metric_name(s: &str) -> Option<&'static str> {
    const METRICS: [&str; 10] = [
        "killed",
        "injured",
        "detained",
        "missing",
        "displaced",
        "evacuated",
        "rescued",
        "deployed",
        "participants",
        "charged",
    ];
    METRICS.iter().copied().find(|m| *m == s)
}

fn build() -> Lexicon {
    let mut metrics = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/metrics.tsv")) {
        let (Some(p), Some(m), Some(roles)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let Some(metric) = metric_name(m) else {
            continue;
        };
        let has = |x: &str| roles.split(',').any(|y| y.trim() == x);
        let require = match r.get(3).copied().unwrap_or("any") {
            "security" => Require::Security,
            "crowd" => Require::Crowd,
            "armed" => Require::Armed,
            "alive" => Require::Alive,
            "hospital" => Require::Hospital,
            _ => Require::Any,
        };
        metrics.insert(
            p,
            MetricEntry {
                metric,
                pp: has("pp"),
                vi: has("vi"),
                vt: has("vt"),
                noun: has("noun"),
                toll: has("toll"),
                require,
            },
        );
    }
    let mut numbers = HashMap::default();
    for r in rows(include_str!("../../../data/figures/numbers.tsv")) {
        let (Some(w), Some(v), Some(t)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let Ok(v) = v.parse::<u64>() else { continue };
        let nw = match *t {
            "scale" => NumWord::Scale(v),
            "dozen" => NumWord::Dozen,
            _ => NumWord::Unit(v),
        };
        numbers.insert(w.to_lowercase(), nw);
    }
    let mut scales = HashMap::default();
    for r in rows(include_str!("../../../data/figures/scales.tsv")) {
        let (Some(w), Some(v)) = (r.first(), r.get(1)) else {
            continue;
        };
        let Ok(mult) = v.parse::<u64>() else { continue };
        let glued = r.get(2).is_some_and(|g| *g == "yes");
        scales.insert(w.to_lowercase(), Scale { mult, glued });
    }
    let mut pre_qualifiers = PhraseMap::new();
    let mut post_qualifiers = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/qualifiers.tsv")) {
        let (Some(p), Some(k)) = (r.first(), r.get(1)) else {
            continue;
        };
        let Some(kind) = kind_of(k) else { continue };
        if r.get(2).is_some_and(|x| *x == "post") {
            // "-plus" is written glued to the number: split it like the tokenizer does.
            let p = p.replace('-', "- ");
            post_qualifiers.insert(&p, kind);
        } else {
            pre_qualifiers.insert(p, kind);
        }
    }
    let mut vague = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/vague.tsv")) {
        let (Some(p), Some(lo), Some(hi), Some(k)) = (r.first(), r.get(1), r.get(2), r.get(3))
        else {
            continue;
        };
        let Ok(low) = lo.parse::<u64>() else { continue };
        let high = hi.parse::<u64>().ok();
        let Some(kind) = kind_of(k) else { continue };
        let needs_group = r.get(4).is_some_and(|x| *x == "yes");
        vague.insert(
            p,
            Vague {
                low,
                high,
                kind,
                needs_group,
            },
        );
    }
    let mut groups = PhraseMap::new();
    let mut personnel = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/groups.tsv")) {
        let (Some(p), Some(c)) = (r.first(), r.get(1)) else {
            continue;
        };
        groups.insert(p, class_name(c));
        if r.get(2).is_some_and(|x| *x == "personnel") {
            personnel.insert(p, ());
        }
    }
    let mut titles = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/titles.tsv")) {
        if let Some(p) = r.first() {
            titles.insert(p, ());
        }
    }
    let mut nonfigure = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/nonfigure.tsv")) {
        let (Some(p), Some(t)) = (r.first(), r.get(1)) else {
            continue;
        };
        let t = match *t {
            "percent" => NonFigure::Percent,
            "money" => NonFigure::Money,
            "age" => NonFigure::Age,
            "cancel" => NonFigure::Cancel,
            "forecast" => NonFigure::Forecast,
            "nogroup" => NonFigure::NoGroup,
            "stats" => NonFigure::Stats,
            "venue" => NonFigure::Venue,
            "venuecrowd" => NonFigure::VenueCrowd,
            "vote" => NonFigure::Vote,
            "rescueplace" => NonFigure::RescuePlace,
            "occasion" => NonFigure::Occasion,
            "score" => NonFigure::Score,
            _ => continue,
        };
        nonfigure.insert(p, t);
    }
    let mut hedges = PhraseMap::new();
    for r in rows(include_str!("../../../data/figures/hedges.tsv")) {
        let (Some(p), Some(s)) = (r.first(), r.get(1)) else {
            continue;
        };
        let scope = if *s == "sentence" {
            HedgeScope::Sentence
        } else {
            HedgeScope::Clause
        };
        hedges.insert(p, scope);
    }
    Lexicon {
        metrics,
        numbers,
        scales,
        pre_qualifiers,
        post_qualifiers,
        vague,
        groups,
        personnel,
        titles,
        nonfigure,
        hedges,
    }
}

pub static LEX: Lazy<Lexicon> = Lazy::new(build);

/// Cheap sentence prefilter: most news sentences hold no toll, and a toll needs both a
/// count (digits, or a number or vague word) and a word that can carry a metric, a crowd or
/// a breakdown. Stems are cut from the lexicons so the filter never drops what the grammar
/// would find.
pub struct Prefilter {
    counts: aho_corasick::AhoCorasick,
    cues: aho_corasick::AhoCorasick,
}

fn stem(w: &str) -> String {
    w.chars().take(4).collect()
}

fn build_prefilter() -> Option<Prefilter> {
    let mut counts: Vec<String> = Vec::new();
    for r in rows(include_str!("../../../data/figures/numbers.tsv")) {
        if let Some(w) = r.first() {
            counts.push(w.to_lowercase());
        }
    }
    for r in rows(include_str!("../../../data/figures/vague.tsv")) {
        if let Some(w) = r.first().and_then(|p| p.split_whitespace().last()) {
            counts.push(w.to_lowercase());
        }
    }
    let mut cues: Vec<String> = Vec::new();
    for r in rows(include_str!("../../../data/figures/metrics.tsv")) {
        if let Some(p) = r.first() {
            for w in p.split_whitespace() {
                // body parts ("hit in the leg") are too common to be cues; "shot", "hit"
                // and "wounded" carry those phrases
                let body = matches!(
                    w,
                    "legs"
                        | "arms"
                        | "chest"
                        | "head"
                        | "back"
                        | "shoulder"
                        | "stomach"
                        | "neck"
                        | "face"
                        | "foot"
                        | "hand"
                );
                if w.len() >= 4
                    && !body
                    && !matches!(w, "have" | "their" | "into" | "from" | "still")
                {
                    cues.push(stem(&w.to_lowercase()));
                }
            }
        }
    }
    for w in [
        "hit",
        "them",
        "whom",
        "among",
        "includ",
        "toll",
        "tally",
        "count",
        "figure",
        "number",
        "bodies",
        "protest",
        "demonstrat",
        "marcher",
        "gather",
        "rall",
        "march",
        "crowd",
        // forces a body keeps somewhere ("has 3,000 troops in the east")
        "troop",
        "soldier",
        "peacekeep",
        "seriously",
        "critically",
        "severely",
        "gravely",
        "badly",
        "fatally",
        ":",
    ] {
        cues.push(w.to_string());
    }
    counts.sort();
    counts.dedup();
    cues.sort();
    cues.dedup();
    // Counts need leftmost-longest matching: with the default semantics "eight" matches
    // first inside "Eighteen" and is then rejected as part of a longer word, so a sentence
    // that spells its only count as "Eighteen" or "Seventy" was dropped.
    let build = |pats: &[String], kind: aho_corasick::MatchKind| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(kind)
            .build(pats)
            .ok()
    };
    Some(Prefilter {
        counts: build(&counts, aho_corasick::MatchKind::LeftmostLongest)?,
        cues: build(&cues, aho_corasick::MatchKind::Standard)?,
    })
}

static PREFILTER: Lazy<Option<Prefilter>> = Lazy::new(build_prefilter);

/// False only when the sentence certainly holds no toll.
pub fn may_hold_toll(sentence: &str) -> bool {
    let Some(p) = PREFILTER.as_ref() else {
        return true;
    };
    let has_count = sentence.bytes().any(|b| b.is_ascii_digit())
        || p.counts.find_iter(sentence).any(|m| {
            let before = sentence
                .get(..m.start())
                .and_then(|s| s.chars().next_back());
            let after = sentence.get(m.end()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
                || after == Some('s')
                || after == Some('-')
        });
    has_count && p.cues.is_match(sentence)
}
