//! The place gazetteer: countries, US states and every city of 15,000 people or more, with
//! GeoNames ids, coordinates and alternate names (derived from GeoNames, CC BY 4.0, by
//! `scripts/build_gazetteer.py`), plus a few hand-written aliases.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const GAZETTEER: &str = include_str!("../../../data/entities/gazetteer.tsv");
const PLACE_ALIASES: &str = include_str!("../../../data/entities/place_aliases.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

impl PlaceKind {
    pub fn subtype(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Place {
    pub id: u64,
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country: &'static str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    /// Admin-1 code; for a country, its GeoNames continent code.
    pub admin1: &'static str,
    /// For a country: its capital's GeoNames id.
    pub capital: Option<u64>,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    by_name: HashMap<&'static str, Vec<u32>>,
    by_id: HashMap<u64, u32>,
    by_country: HashMap<&'static str, u32>,
    /// Names that are not in GeoNames' current extracts (historical states): name → kind.
    pub historical: HashMap<&'static str, PlaceKind>,
    hand: HashSet<&'static str>,
}

pub static GAZ: Lazy<Gazetteer> = Lazy::new(|| {
    let mut places = Vec::with_capacity(35_000);
    let mut by_name: HashMap<&'static str, Vec<u32>> =
        HashMap::with_capacity_and_hasher(200_000, Default::default());
    let mut by_id = HashMap::with_capacity_and_hasher(35_000, Default::default());
    let mut by_country = HashMap::default();
    for line in GAZETTEER.lines().skip(1) {
        let f: Vec<&'static str> = line.split('\t').collect();
        let (Some(id), Some(&name), Some(kind), Some(&cc)) = (
            f.first().and_then(|v| v.parse::<u64>().ok()),
            f.get(1),
            f.get(2),
            f.get(3),
        ) else {
            continue;
        };
        let kind = match *kind {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            _ => PlaceKind::City,
        };
        let idx = places.len() as u32;
        places.push(Place {
            id,
            name,
            kind,
            country: cc,
            lat: f.get(5).and_then(|v| v.parse().ok()),
            lon: f.get(6).and_then(|v| v.parse().ok()),
            admin1: f.get(4).copied().unwrap_or(""),
            population: f.get(7).and_then(|v| v.parse().ok()).unwrap_or(0),
            capital: f.get(9).and_then(|v| v.parse().ok()),
        });
        // Admin-1 regions outside the US come without a GeoNames id (0).
        if id != 0 {
            by_id.insert(id, idx);
        }
        if kind == PlaceKind::Country {
            by_country.insert(cc, idx);
        }
        by_name.entry(name).or_default().push(idx);
        for a in f.get(8).copied().unwrap_or("").split('|') {
            if !a.is_empty() && a != name {
                by_name.entry(a).or_default().push(idx);
            }
        }
    }
    let mut historical = HashMap::default();
    let mut hand = HashSet::default();
    for line in PLACE_ALIASES.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(alias), Some(id)) = (
            f.next(),
            f.next().and_then(|v| v.trim().parse::<u64>().ok()),
        ) else {
            continue;
        };
        if id == 0 {
            historical.insert(alias, PlaceKind::Country);
        } else if let Some(&idx) = by_id.get(&id) {
            hand.insert(alias);
            let v = by_name.entry(alias).or_default();
            // A hand alias names its place first: it outranks any namesake.
            v.retain(|&i| i != idx);
            v.insert(0, idx);
        }
    }
    Gazetteer {
        places,
        by_name,
        by_id,
        by_country,
        historical,
        hand,
    }
});

impl Gazetteer {
    /// Candidate places for an exact name (curly apostrophes accepted for straight ones).
    pub fn lookup(&self, name: &str) -> &[u32] {
        if let Some(v) = self.by_name.get(name) {
            return v;
        }
        if name.contains('’') {
            let n = name.replace('’', "'");
            if let Some(v) = self.by_name.get(n.as_str()) {
                return v;
            }
        }
        &[]
    }

    pub fn place(&self, idx: u32) -> Option<&Place> {
        self.places.get(idx as usize)
    }

    pub fn by_geonames_id(&self, id: u64) -> Option<u32> {
        self.by_id.get(&id).copied()
    }

    pub fn country(&self, cc: &str) -> Option<u32> {
        self.by_country.get(cc).copied()
    }

    /// The best reading of a name: a hand alias first, then countries, regions, cities
    /// (cities first when the text says "X city"); among equals those in `context`
    /// countries, then primary names, then the most populous.
    pub fn best(&self, name: &str, context: &[&str], want_city: bool) -> Option<u32> {
        let cands = self.lookup(name);
        if self.hand.contains(name) {
            return cands.first().copied();
        }
        let mut best: Option<(u32, (u8, u8, u8, u64))> = None;
        for &c in cands {
            let Some(p) = self.place(c) else { continue };
            let kind_rank = match (p.kind, want_city) {
                (PlaceKind::City, true) => 3,
                (PlaceKind::Country, _) => 2,
                (PlaceKind::Region, _) => 1,
                (PlaceKind::City, false) => 0,
            };
            let ctx = u8::from(context.contains(&p.country));
            let exact = u8::from(p.name == name);
            let key = (kind_rank, ctx, exact, p.population);
            let better = match &best {
                None => true,
                Some((_, k)) => key > *k,
            };
            if better {
                best = Some((c, key));
            }
        }
        best.map(|(c, _)| c)
    }
}
