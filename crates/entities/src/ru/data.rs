//! The Russian lexicons (`data/entities/ru/*`), indexed once on first use by every case form
//! of every name (see `morph`).

use super::morph::{key, noun_cases, phrase_forms};
use newsledger_model::Geo;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap as HashMap;

const PLACES: &str = include_str!("../../../../data/entities/ru/places.tsv");
const COUNTRIES: &str = include_str!("../../../../data/entities/ru/countries.tsv");
const ORGS: &str = include_str!("../../../../data/entities/ru/orgs.tsv");
const FIRST_NAMES: &str = include_str!("../../../../data/entities/ru/first_names.txt");
const HEADS: &str = include_str!("../../../../data/entities/ru/heads.tsv");
const REGIONS: &str = include_str!("../../../../data/entities/ru/regions.tsv");

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// One place of the Russian gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: u64,
    pub name: &'static str,
    pub country_level: bool,
    /// A first-level region of `regions.tsv` (no GeoNames id).
    pub region: bool,
    pub country: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
}

impl Place {
    pub fn geo(&self) -> Geo {
        Geo {
            geonames_id: (self.id != 0).then_some(self.id),
            lat: self.lat,
            lon: self.lon,
            country: Some(self.country.to_string()),
        }
    }
}

/// A body, outlet or platform of `orgs.tsv`.
#[derive(Debug, Clone)]
pub struct Org {
    pub canonical: &'static str,
    pub kind: &'static str,
    pub subtype: Option<&'static str>,
    /// `None`: a body every country has (МВД, МЧС), read from the text or the story.
    pub country: Option<&'static str>,
}

pub struct Lex {
    pub places: Vec<Place>,
    /// Case form (key) → places, most populous first.
    pub place_forms: HashMap<String, Vec<u32>>,
    /// ISO code → (nominative, genitive) Russian name of the country.
    pub country_names: HashMap<&'static str, (&'static str, &'static str)>,
    pub orgs: Vec<Org>,
    /// Case form (key; acronyms as written) → org index.
    pub org_forms: HashMap<String, u32>,
    /// First-name case form (key) → (nominative, case index 0..6, feminine).
    pub first_names: HashMap<String, (&'static str, usize, bool)>,
    /// Word class (heads.tsv) → words (keys); quoted-org heads carry their subtype.
    pub heads: HashMap<&'static str, HashMap<String, &'static str>>,
    /// Longest name in words, places and orgs.
    pub max_words: usize,
}

impl Lex {
    pub fn is(&self, class: &str, word_key: &str) -> bool {
        self.heads
            .get(class)
            .is_some_and(|m| m.contains_key(word_key))
    }
    pub fn head(&self, class: &str, word_key: &str) -> Option<&'static str> {
        self.heads.get(class).and_then(|m| m.get(word_key)).copied()
    }
}

fn parse_f64(s: Option<&&str>) -> Option<f64> {
    s.and_then(|v| v.parse().ok())
}

fn index_names(lex: &mut Lex, idx: u32, names: Vec<&'static str>) {
    for n in names {
        lex.max_words = lex.max_words.max(n.split(' ').count());
        let forms = if n.chars().all(|c| c.is_uppercase()) {
            vec![key(n)]
        } else {
            phrase_forms(&key(n))
        };
        for f in forms {
            let v = lex.place_forms.entry(f).or_default();
            if !v.contains(&idx) {
                v.push(idx);
            }
        }
    }
}

fn load_places(lex: &mut Lex) {
    for r in rows(PLACES).skip(1) {
        let (Some(id), Some(&name), Some(&kind), Some(&cc)) = (
            r.first().and_then(|v| v.parse().ok()),
            r.get(1),
            r.get(2),
            r.get(3),
        ) else {
            continue;
        };
        let idx = lex.places.len() as u32;
        lex.places.push(Place {
            id,
            name,
            country_level: kind == "country",
            region: false,
            country: cc,
            lat: parse_f64(r.get(4)),
            lon: parse_f64(r.get(5)),
            population: r.get(6).and_then(|v| v.parse().ok()).unwrap_or(0),
        });
        let mut names = vec![name];
        if kind == "country" {
            if let Some(c) = rows(COUNTRIES).find(|c| c.first() == Some(&cc)) {
                names.extend(
                    c.get(3)
                        .copied()
                        .unwrap_or("")
                        .split('|')
                        .filter(|a| !a.is_empty()),
                );
                lex.country_names.insert(
                    cc,
                    (
                        c.get(1).copied().unwrap_or(name),
                        c.get(2).copied().unwrap_or(name),
                    ),
                );
            }
        }
        index_names(lex, idx, names);
    }
    for r in rows(REGIONS) {
        let (Some(&cc), Some(&name)) = (r.first(), r.get(1)) else {
            continue;
        };
        let idx = lex.places.len() as u32;
        lex.places.push(Place {
            id: 0,
            name,
            country_level: false,
            region: true,
            country: cc,
            lat: None,
            lon: None,
            population: 0,
        });
        let mut names = vec![name];
        names.extend(
            r.get(2)
                .copied()
                .unwrap_or("")
                .split('|')
                .filter(|a| !a.is_empty()),
        );
        index_names(lex, idx, names);
    }
    let places = &lex.places;
    for v in lex.place_forms.values_mut() {
        v.sort_by_key(|&i| {
            let p = &places[i as usize];
            (!p.country_level, !p.region, std::cmp::Reverse(p.population))
        });
    }
}

fn load_orgs(lex: &mut Lex) {
    for r in rows(ORGS) {
        let (Some(&canon), Some(&kind), Some(&sub), Some(&cc), Some(&names)) =
            (r.first(), r.get(1), r.get(2), r.get(3), r.get(4))
        else {
            continue;
        };
        let idx = lex.orgs.len() as u32;
        lex.orgs.push(Org {
            canonical: canon,
            kind,
            subtype: (sub != "-").then_some(sub),
            country: (cc != "-").then_some(cc),
        });
        for n in names.split('|').filter(|n| !n.is_empty()) {
            lex.max_words = lex.max_words.max(n.split(' ').count());
            // Acronyms and Latin-script names do not decline; the others do.
            let fixed = n.chars().all(|c| !c.is_lowercase() || c.is_ascii()) || n.is_ascii();
            let forms = if fixed {
                vec![key(n)]
            } else {
                phrase_forms(&key(n))
            };
            for f in forms {
                lex.org_forms.entry(f).or_insert(idx);
            }
        }
    }
}

fn load_first_names(lex: &mut Lex) {
    for r in rows(FIRST_NAMES) {
        let Some(&n) = r.first() else { continue };
        let k = key(n);
        let feminine = k.ends_with('а') || k.ends_with('я');
        for (case, forms) in noun_cases(&k).iter().enumerate() {
            for f in forms {
                lex.first_names
                    .entry(f.clone())
                    .or_insert((n, case, feminine));
            }
        }
    }
}

fn load_heads(lex: &mut Lex) {
    for r in rows(HEADS) {
        let (Some(&class), Some(&words)) = (r.first(), r.get(1)) else {
            continue;
        };
        let m = lex.heads.entry(class).or_default();
        for w in words.split('|') {
            let (w, tag) = w.split_once(':').unwrap_or((w, ""));
            m.insert(key(w), tag);
        }
    }
}

pub static LEX: Lazy<Lex> = Lazy::new(|| {
    let mut lex = Lex {
        places: Vec::new(),
        place_forms: HashMap::default(),
        country_names: HashMap::default(),
        orgs: Vec::new(),
        org_forms: HashMap::default(),
        first_names: HashMap::default(),
        heads: HashMap::default(),
        max_words: 1,
    };
    load_places(&mut lex);
    load_orgs(&mut lex);
    load_first_names(&mut lex);
    load_heads(&mut lex);
    lex
});
