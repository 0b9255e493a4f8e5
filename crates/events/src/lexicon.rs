//! The trigger lexicon and cue classes, parsed once from the data files under
//! `data/events/`. Keeping them as data lets a reviewer see (and extend) exactly which words
//! make an event without reading the matcher.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const TRIGGERS: &str = include_str!("../../../data/events/triggers.tsv");
const CUES: &str = include_str!("../../../data/events/cues.tsv");

/// Grammatical form of a trigger, which decides how its arguments are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Verb base form ("kill"): only an event after "to", a modal or a bare-infinitive verb.
    Base,
    /// Third person singular ("resigns").
    Third,
    /// Past tense or participle ("detained"): passive after a form of "be".
    Past,
    /// Participle only ("torn down").
    Participle,
    /// -ing form ("storming").
    Ing,
    /// Noun or nominal phrase ("internet blackout").
    Noun,
}

impl Form {
    fn parse(s: &str) -> Option<Form> {
        Some(match s {
            "b" => Form::Base,
            "s" => Form::Third,
            "p" => Form::Past,
            "pp" => Form::Participle,
            "g" => Form::Ing,
            "n" => Form::Noun,
            _ => return None,
        })
    }
    pub fn is_verb(self) -> bool {
        !matches!(self, Form::Noun)
    }
}

/// Options attached to a trigger (see the header of `triggers.tsv`).
#[derive(Debug, Clone, Default)]
pub struct Opts {
    pub ctx: Vec<String>,
    pub veto: Vec<String>,
    pub notnext: Vec<String>,
    pub notprev: Vec<String>,
    pub next: Vec<String>,
    pub prev: Vec<String>,
    pub near: Vec<String>,
    pub nearany: Vec<String>,
    pub lower: bool,
    pub declared: bool,
    pub patient: bool,
    pub subj: Vec<String>,
    /// A class word heads the object phrase right after the trigger ("sent 400 troops").
    pub obj: Vec<String>,
    pub count: bool,
    pub order: bool,
    pub pair: bool,
    /// The phrase names who does the work ("rescuers"), not the work itself.
    pub agent: bool,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: String,
    pub form: Form,
    /// Number of tokens of the phrase.
    pub len: usize,
    pub opts: Opts,
}

/// A class of cue words and multiword phrases (token sequences).
#[derive(Debug, Default)]
pub struct Class {
    pub words: HashSet<String>,
    pub phrases: Vec<Vec<String>>,
}

/// Class bits of one lower-cased word: the classes it is a single-word member of, and the
/// classes with a phrase that starts or ends with it. Bit `k` stands for the class with id
/// `k`; classes past the mask's width have no bit and take the slow path.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordBits {
    pub words: Mask,
    pub first: Mask,
    pub last: Mask,
}

pub type Mask = u128;

/// Number of classes a [`Mask`] can hold.
pub const MASK_BITS: usize = Mask::BITS as usize;

pub struct Lexicon {
    pub entries: Vec<Entry>,
    /// Patterns are the entries' phrases, matched over the space-joined lower-case tokens of
    /// a sentence; all overlapping matches are reported and resolved by the caller.
    pub matcher: Option<AhoCorasick>,
    pub classes: HashMap<String, Class>,
    /// Class name → (class, its bit when it has one). Asked per token and class name, so
    /// one look-up gives both.
    by_name: HashMap<String, (usize, Option<Mask>)>,
    /// Lower-cased word → its class bits: one look-up per token instead of one per token
    /// and class asked about.
    pub bits: HashMap<String, WordBits>,
}

static EMPTY: Lazy<Class> = Lazy::new(Class::default);

impl Lexicon {
    pub fn class(&self, name: &str) -> &Class {
        self.classes.get(name).unwrap_or(&EMPTY)
    }

    /// The class and its bit (None for an unknown class, or one past the mask's width).
    pub fn class_bit(&self, name: &str) -> (&Class, Option<Mask>) {
        match self.by_name.get(name) {
            Some(&(_, bit)) => (self.class(name), bit),
            None => (&EMPTY, None),
        }
    }

    /// The bit of a class, if it has one; unknown classes have the empty bit (no word is
    /// a member of them).
    pub fn bit(&self, name: &str) -> Option<Mask> {
        match self.by_name.get(name) {
            Some(&(_, bit)) => bit,
            None => Some(0),
        }
    }

    pub fn every_class_has_a_bit(&self) -> bool {
        self.by_name.len() <= MASK_BITS
    }

    /// Class bits of a lower-cased word.
    pub fn word_bits(&self, low: &str) -> WordBits {
        self.bits.get(low).copied().unwrap_or_default()
    }
}

fn parse_opts(s: &str) -> Opts {
    let mut o = Opts::default();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = match part.split_once('=') {
            Some((k, v)) => (k, v.to_string()),
            None => (part, String::new()),
        };
        match k {
            "ctx" => o.ctx.push(v),
            "veto" => o.veto.push(v),
            "notnext" => o.notnext.push(v),
            "notprev" => o.notprev.push(v),
            "next" => o.next.push(v),
            "prev" => o.prev.push(v),
            "near" => o.near.push(v),
            "nearany" => o.nearany.push(v),
            "lower" => o.lower = true,
            "declared" => o.declared = true,
            "patient" => o.patient = true,
            "subj" => o.subj.push(v),
            "obj" => o.obj.push(v),
            "count" => o.count = true,
            "order" => o.order = true,
            "pair" => o.pair = true,
            "agent" => o.agent = true,
            _ => {}
        }
    }
    o
}

fn build() -> Lexicon {
    let mut classes: HashMap<String, Class> = HashMap::default();
    let mut names: Vec<String> = Vec::new();
    for line in CUES.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, items)) = line.split_once('\t') else {
            continue;
        };
        if !classes.contains_key(name.trim()) {
            names.push(name.trim().to_string());
        }
        let class = classes.entry(name.trim().to_string()).or_default();
        for item in items.split('|').map(str::trim).filter(|i| !i.is_empty()) {
            if item.contains(' ') {
                class
                    .phrases
                    .push(item.split(' ').map(str::to_string).collect());
            } else {
                class.words.insert(item.to_string());
            }
        }
    }
    let mut entries = Vec::new();
    let mut patterns = Vec::new();
    for line in TRIGGERS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(kind), Some(form), Some(phrase)) = (cols.first(), cols.get(1), cols.get(2))
        else {
            continue;
        };
        let Some(form) = Form::parse(form.trim()) else {
            continue;
        };
        let phrase = phrase.trim();
        if phrase.is_empty() {
            continue;
        }
        entries.push(Entry {
            kind: kind.trim().to_string(),
            form,
            len: phrase.split(' ').count(),
            opts: parse_opts(cols.get(3).copied().unwrap_or("")),
        });
        patterns.push(phrase.to_string());
    }
    // The lexicon is compiled-in data; should it ever fail to build, the stage finds
    // nothing rather than panicking on user input (the lexicon test catches it first).
    let matcher = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok();
    let mut by_name: HashMap<String, (usize, Option<Mask>)> = HashMap::default();
    let mut bits: HashMap<String, WordBits> = HashMap::default();
    for (k, name) in names.iter().enumerate() {
        let bit = (k < MASK_BITS).then(|| 1 << k);
        by_name.insert(name.clone(), (k, bit));
        let (Some(bit), Some(class)) = (bit, classes.get(name)) else {
            continue;
        };
        for w in &class.words {
            bits.entry(w.clone()).or_default().words |= bit;
        }
        for p in &class.phrases {
            if let Some(f) = p.first() {
                bits.entry(f.clone()).or_default().first |= bit;
            }
            if let Some(l) = p.last() {
                bits.entry(l.clone()).or_default().last |= bit;
            }
        }
    }
    Lexicon {
        entries,
        matcher,
        classes,
        by_name,
        bits,
    }
}

pub static LEXICON: Lazy<Lexicon> = Lazy::new(build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_every_option_class_exists() {
        let lx = &*LEXICON;
        assert!(lx.entries.len() > 200);
        assert!(lx.matcher.is_some());
        let types: HashSet<&str> = lx.entries.iter().map(|e| e.kind.as_str()).collect();
        for t in crate::POLITICAL_TYPES.iter().chain(&["explosion"]) {
            assert!(types.contains(t), "type {t} has no trigger");
        }
        for e in &lx.entries {
            let o = &e.opts;
            for c in o
                .ctx
                .iter()
                .chain(&o.veto)
                .chain(&o.notnext)
                .chain(&o.notprev)
                .chain(&o.next)
                .chain(&o.prev)
                .chain(&o.near)
                .chain(&o.nearany)
                .chain(&o.subj)
                .chain(&o.obj)
            {
                assert!(lx.classes.contains_key(c), "unknown cue class {c}");
            }
        }
        for c in [
            "negation",
            "irrealis",
            "planned",
            "ordered",
            "denied",
            "hedge",
            "generic",
            "count",
            "be_aux",
            "adverb",
            "subordinator",
            "locative",
            "declare_verb",
            "report_verb",
            "bare_inf_ctrl",
            "np_stop",
            "pronoun",
            "possessive",
            "quote",
            "occurred_ctrl",
            "big_number_word",
        ] {
            assert!(lx.classes.contains_key(c), "missing cue class {c}");
        }
    }
}
