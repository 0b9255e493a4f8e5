//! The stage's data files (`data/entities/*`), parsed once on first use.
//!
//! Everything the rules know about names lives in those files so that it can be read,
//! reviewed and extended without touching code; this module only indexes them.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const PLATFORMS: &str = include_str!("../../../data/entities/platforms.tsv");
const MEDIA: &str = include_str!("../../../data/entities/media.tsv");
const ORGS: &str = include_str!("../../../data/entities/orgs.tsv");
const ORG_HEADS: &str = include_str!("../../../data/entities/org_heads.tsv");
const ROLES: &str = include_str!("../../../data/entities/roles.tsv");
const DEMONYMS: &str = include_str!("../../../data/entities/demonyms.tsv");
const DESCRIPTORS: &str = include_str!("../../../data/entities/descriptors.tsv");
const NON_NAMES: &str = include_str!("../../../data/entities/non_names.txt");
const WORDS: &str = include_str!("../../../data/entities/words.tsv");

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn aliases(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
}

/// A named organisation, outlet or platform from the lexicons.
#[derive(Debug, Clone)]
pub struct Known {
    pub canonical: &'static str,
    pub kind: KnownKind,
    pub subtype: &'static str,
    /// Media kind (agency, broadcaster, newspaper, online); empty for others.
    pub media_kind: &'static str,
    pub state_media: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownKind {
    Org,
    Platform,
}

/// Named organisations/outlets/platforms by every name they go by (exact, case-sensitive).
pub static KNOWN: Lazy<HashMap<&'static str, Known>> = Lazy::new(|| {
    let mut m = HashMap::default();
    for r in rows(ORGS) {
        let (Some(&name), Some(&sub)) = (r.first(), r.get(1)) else {
            continue;
        };
        let k = Known {
            canonical: name,
            kind: KnownKind::Org,
            subtype: sub,
            media_kind: "",
            state_media: false,
        };
        for a in std::iter::once(name).chain(aliases(r.get(3))) {
            m.insert(a, k.clone());
        }
    }
    for r in rows(MEDIA) {
        let (Some(&name), Some(&kind), Some(&state)) = (r.first(), r.get(1), r.get(2)) else {
            continue;
        };
        let k = Known {
            canonical: name,
            kind: KnownKind::Org,
            subtype: "media",
            media_kind: kind,
            state_media: state == "y",
        };
        for a in std::iter::once(name).chain(aliases(r.get(4))) {
            m.insert(a, k.clone());
        }
    }
    for r in rows(PLATFORMS) {
        let Some(&name) = r.first() else { continue };
        let k = Known {
            canonical: name,
            kind: KnownKind::Platform,
            subtype: "",
            media_kind: "",
            state_media: false,
        };
        for a in std::iter::once(name).chain(aliases(r.get(1))) {
            m.insert(a, k.clone());
        }
    }
    m
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadPos {
    Head,
    Tail,
    Both,
}

/// Organisation head words: word → (subtype, position).
pub static ORG_HEAD: Lazy<HashMap<&'static str, (&'static str, HeadPos)>> = Lazy::new(|| {
    rows(ORG_HEADS)
        .filter_map(|r| {
            let pos = match *r.get(2)? {
                "head" => HeadPos::Head,
                "tail" => HeadPos::Tail,
                _ => HeadPos::Both,
            };
            Some((*r.first()?, (*r.get(1)?, pos)))
        })
        .collect()
});

#[derive(Debug, Clone, Copy)]
pub struct RoleNoun {
    pub class: &'static str,
    pub leader: bool,
}

/// Role nouns by lower-case phrase.
pub static ROLE: Lazy<HashMap<&'static str, RoleNoun>> = Lazy::new(|| {
    rows(ROLES)
        .filter_map(|r| {
            Some((
                *r.first()?,
                RoleNoun {
                    class: r.get(1)?,
                    leader: r.get(2).is_some_and(|v| *v == "y"),
                },
            ))
        })
        .collect()
});

/// First words of role phrases, to skip most words at once.
pub static ROLE_FIRST: Lazy<HashSet<&'static str>> =
    Lazy::new(|| ROLE.keys().filter_map(|k| k.split(' ').next()).collect());

pub static ROLE_MAX_WORDS: Lazy<usize> = Lazy::new(|| {
    ROLE.keys()
        .map(|k| k.split_whitespace().count())
        .max()
        .unwrap_or(1)
});

/// Demonym → ISO country code.
pub static DEMONYM: Lazy<HashMap<&'static str, &'static str>> = Lazy::new(|| {
    rows(DEMONYMS)
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

/// Descriptor (lower case) → country codes or `@` continent codes.
pub static DESCRIPTOR: Lazy<HashMap<&'static str, Vec<&'static str>>> = Lazy::new(|| {
    rows(DESCRIPTORS)
        .filter_map(|r| {
            Some((
                *r.first()?,
                r.get(1)?.split_whitespace().collect::<Vec<_>>(),
            ))
        })
        .collect()
});

pub static NON_NAME: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    NON_NAMES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next().map(str::trim))
        .collect()
});

/// Non-name words that may still open a longer organisation or place name.
pub static NAME_MODIFIER: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    NON_NAMES
        .lines()
        .filter(|l| l.ends_with("\tmodifier"))
        .filter_map(|l| l.split('\t').next().map(str::trim))
        .collect()
});

/// Closed word classes from `words.tsv`: word → its (class, optional value) pairs. Keyed by
/// the word so that a test costs one hash of the word and a scan of its few classes (the
/// stage asks this for most tokens, often several times).
static WORD_CLASSES: Lazy<HashMap<&'static str, Vec<(&'static str, &'static str)>>> =
    Lazy::new(|| {
        let mut m: HashMap<&'static str, Vec<(&'static str, &'static str)>> = HashMap::default();
        for r in rows(WORDS) {
            if let (Some(&c), Some(&w)) = (r.first(), r.get(1)) {
                let v = r.get(2).copied().unwrap_or("");
                let classes = m.entry(w).or_default();
                // A repeated row replaces the earlier value.
                match classes.iter_mut().find(|(k, _)| *k == c) {
                    Some(slot) => slot.1 = v,
                    None => classes.push((c, v)),
                }
            }
        }
        m
    });

/// Is `word` in the closed class `class` of `words.tsv`?
pub fn is(class: &str, word: &str) -> bool {
    value(class, word).is_some()
}

/// The value column of a `words.tsv` entry.
pub fn value(class: &str, word: &str) -> Option<&'static str> {
    WORD_CLASSES
        .get(word)?
        .iter()
        .find(|(k, _)| *k == class)
        .map(|(_, v)| *v)
}
