//! The stage's lexicons, read from `data/claims/` once and compiled into lookups.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a cue finds its speaker and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Speech verb: any content after it.
    Say,
    /// Speech verb with an audience object before the content ("told Putin (that) …").
    Tell,
    /// Needs a clause, "that", a quote or a number when the speaker comes first.
    Weak,
    /// Attributed belief or intention; like `Weak`, speaker must be a person or group.
    Belief,
    /// Attributed finding; like `Weak`, speaker must be a document or measurement.
    Finding,
    /// "according to X".
    According,
    /// "quoting X", "citing X".
    Relay,
    /// Participle continuing an attribution ("…, adding that …").
    Part,
    /// "X quoted Y as saying".
    Quoted,
    /// "X put the toll at N".
    Put,
    /// Only as the tag of a quotation ("“…,” she continued").
    QuoteOnly,
    /// A stance toward something: the speaker before the verb, what it is about after it
    /// ("the senator criticized the plan", "the campaign wants a recount").
    Stance,
    /// An attribution that names no source ("is expected to", "seemed to", "reportedly");
    /// never read from `cues.tsv`, only from `unsourced.tsv`.
    NoSource,
}

#[derive(Debug, Clone)]
pub struct CueEntry {
    pub lemma: String,
    pub class: CueClass,
    pub distance: bool,
}

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

pub static CUES: Lazy<HashMap<String, CueEntry>> = Lazy::new(|| {
    let mut m = HashMap::default();
    for line in data_lines(include_str!("../../../data/claims/cues.tsv")) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let class = match f[2] {
            "say" => CueClass::Say,
            "tell" => CueClass::Tell,
            "weak" => CueClass::Weak,
            "belief" => CueClass::Belief,
            "finding" => CueClass::Finding,
            "according" => CueClass::According,
            "relay" => CueClass::Relay,
            "part" => CueClass::Part,
            "quoted" => CueClass::Quoted,
            "put" => CueClass::Put,
            "quote" => CueClass::QuoteOnly,
            "stance" => CueClass::Stance,
            _ => continue,
        };
        m.insert(
            f[0].to_string(),
            CueEntry {
                lemma: f[1].to_string(),
                class,
                distance: f[3] == "1",
            },
        );
    }
    m
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeScope {
    Clause,
    Disclaimer,
}

pub struct HedgeLexicon {
    pub matcher: AhoCorasick,
    pub entries: Vec<(String, HedgeScope)>,
}

pub static HEDGES: Lazy<HedgeLexicon> = Lazy::new(|| {
    let mut pats = Vec::new();
    let mut entries = Vec::new();
    for line in data_lines(include_str!("../../../data/claims/hedges.tsv")) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        pats.push(f[0].to_string());
        let scope = if f[2] == "disclaimer" {
            HedgeScope::Disclaimer
        } else {
            HedgeScope::Clause
        };
        entries.push((f[1].to_string(), scope));
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
        .unwrap_or_else(|e| panic!("hedge lexicon does not compile: {e}"));
    HedgeLexicon { matcher, entries }
});

/// Medium phrases as lower-case word sequences, longest first.
pub static MEDIA: Lazy<Vec<(Vec<String>, String)>> = Lazy::new(|| {
    let mut v: Vec<(Vec<String>, String)> =
        data_lines(include_str!("../../../data/claims/media.tsv"))
            .filter_map(|l| {
                let (p, m) = l.split_once('\t')?;
                let words = p
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>();
                Some((words, m.trim().to_string()))
            })
            .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
});

/// Head words of the medium phrases ("statement", "twitter", "address"), for spotting an
/// attribution modifier such as "said in a televised address".
pub static MEDIUM_HEADS: Lazy<HashSet<String>> = Lazy::new(|| {
    MEDIA
        .iter()
        .filter_map(|(ws, _)| ws.last())
        .filter(|w| w.len() > 3 && w.as_str() != "twitter," && w.as_str() != "out")
        .cloned()
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleClass {
    Person,
    Media,
    Gov,
    Org,
}

/// Role nouns: single words and two-word phrases ("press secretary").
pub static ROLES: Lazy<HashMap<String, RoleClass>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/roles.tsv"))
        .filter_map(|l| {
            let (p, c) = l.split_once('\t')?;
            let class = match c.trim() {
                "person" => RoleClass::Person,
                "media" => RoleClass::Media,
                "gov" => RoleClass::Gov,
                "org" => RoleClass::Org,
                _ => return None,
            };
            Some((p.trim().to_string(), class))
        })
        .collect()
});

/// Known outlet names, lower-cased.
pub static OUTLETS: Lazy<HashSet<String>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/outlets.txt"))
        .map(|l| l.trim().to_lowercase())
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load() {
        assert!(CUES.len() > 100);
        assert_eq!(CUES["claimed"].class, CueClass::Say);
        assert!(CUES["claimed"].distance);
        assert!(!CUES["said"].distance);
        assert_eq!(CUES["according"].class, CueClass::According);
        assert!(HEDGES.entries.len() > 30);
        assert!(MEDIA
            .iter()
            .any(|(w, m)| w == &["twitter"] && m == "twitter"));
        assert_eq!(ROLES.get("broadcaster"), Some(&RoleClass::Media));
        assert!(OUTLETS.contains("tass"));
    }
}

/// Word classes of `resolution.tsv`: generic body modifiers, spokesperson nouns, tally nouns
/// and trailing-clause openers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Generic,
    Spokes,
    Tally,
    Trail,
    Record,
    Account,
    /// A cue lemma that, with an object and a to-infinitive, asks someone to act instead of
    /// reporting a fact ("urged residents to leave").
    Directive,
    /// A counting verb, a cue only when a body counts and a number follows ("counted N").
    Counting,
    /// An auxiliary, negation or adverb that belongs to a cue's verb group when it stands
    /// right before the verb ("has also said", "did not deny").
    CueAux,
    /// A title abbreviated with a period before a name ("Mr.", "Sen."); the period is part
    /// of the word.
    Title,
    /// A label that opens a line before a colon without naming a speaker ("Update:").
    Label,
}

pub static WORD_KINDS: Lazy<HashMap<String, WordKind>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/resolution.tsv"))
        .filter_map(|l| {
            let (w, k) = l.split_once('\t')?;
            let kind = match k.trim() {
                "generic" => WordKind::Generic,
                "spokes" => WordKind::Spokes,
                "tally" => WordKind::Tally,
                "trail" => WordKind::Trail,
                "record" => WordKind::Record,
                "account" => WordKind::Account,
                "directive" => WordKind::Directive,
                "counting" => WordKind::Counting,
                "aux" => WordKind::CueAux,
                "title" => WordKind::Title,
                "label" => WordKind::Label,
                _ => return None,
            };
            Some((w.trim().to_string(), kind))
        })
        .collect()
});

/// Whether a lower-case word is of a kind in `resolution.tsv`.
pub fn word_is(w: &str, kind: WordKind) -> bool {
    WORD_KINDS.get(w) == Some(&kind)
}

/// Cue families of `families.tsv`: word → speech, writing, belief, intention or evidence.
pub static FAMILIES: Lazy<HashMap<String, &'static str>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/families.tsv"))
        .filter_map(|l| {
            let (w, f) = l.split_once('\t')?;
            let fam = match f.trim() {
                "speech" => "speech",
                "writing" => "writing",
                "belief" => "belief",
                "intention" => "intention",
                "evidence" => "evidence",
                _ => return None,
            };
            Some((w.trim().to_string(), fam))
        })
        .collect()
});

/// Particles of `particles.tsv` after which a stance verb reports ("pointed out"): lemma →
/// particles.
pub static REPORTING_PARTICLES: Lazy<HashMap<String, Vec<String>>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/particles.tsv"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let words = f.get(3)?.split_whitespace().map(str::to_string).collect();
            Some((f.first()?.to_string(), words))
        })
        .collect()
});

/// Particles of `particles.tsv`: lemma → (particles, whether the verb needs one to be a cue).
pub static PARTICLES: Lazy<HashMap<String, (Vec<String>, bool)>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/particles.tsv"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let words = f.get(1)?.split_whitespace().map(str::to_string).collect();
            Some((f.first()?.to_string(), (words, f.get(2) == Some(&"1"))))
        })
        .collect()
});

/// The shape of a no-source cue of `unsourced.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsourcedShape {
    /// "seemed to stall", "appears ready", "it appears that".
    Raise,
    /// "is expected to", "was said to", "it was said that".
    Passive,
    /// "reportedly".
    Adverb,
    /// "(when) asked (about) …,".
    Participle,
}

/// No-source cues of `unsourced.tsv`: word → (lemma, shape).
pub static UNSOURCED: Lazy<HashMap<String, (String, UnsourcedShape)>> = Lazy::new(|| {
    data_lines(include_str!("../../../data/claims/unsourced.tsv"))
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (w, lemma, shape) = (f.next()?, f.next()?, f.next()?);
            let shape = match shape.trim() {
                "raise" => UnsourcedShape::Raise,
                "passive" => UnsourcedShape::Passive,
                "adverb" => UnsourcedShape::Adverb,
                "participle" => UnsourcedShape::Participle,
                _ => return None,
            };
            Some((w.trim().to_string(), (lemma.trim().to_string(), shape)))
        })
        .collect()
});
