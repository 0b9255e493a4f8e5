//! One identity across articles: the same ministry, outlet or town spelled differently in
//! different reports must group together in series, conflicts and timelines.
//!
//! Names are normalised (case, a leading "the", possessive 's, media descriptors such as
//! "state television", punctuation) and then mapped through the alias table in
//! `data/store/source_aliases.tsv`. Places prefer their GeoNames id, which no spelling can
//! split.

use newsledger_model::{Document, Entity};
use once_cell::sync::Lazy;
use std::collections::HashMap;

const ALIASES_TSV: &str = include_str!("../../../data/store/source_aliases.tsv");

/// Descriptors that say what kind of body a source is, not which one.
const DESCRIPTORS: &[&str] = &[
    "state-run television",
    "state television",
    "state tv",
    "state-run tv",
    "state broadcaster",
    "state media",
    "state-run media",
    "state news agency",
    "official news agency",
    "news agency",
    "broadcaster",
    "newspaper",
    "daily",
];

static ALIASES: Lazy<HashMap<String, (String, String)>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for line in ALIASES_TSV.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(canon), Some(alias)) = (parts.next(), parts.next()) else {
            continue;
        };
        let ck = base_key(canon);
        let entry = (ck.clone(), canon.trim().to_string());
        m.insert(base_key(alias), entry.clone());
        m.insert(ck, entry);
    }
    m
});

/// Normalisation without the alias table.
fn base_key(name: &str) -> String {
    let lower: String = name
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let mut words: Vec<String> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix('\''))
                .unwrap_or(w);
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    // "state television Kanal 9" → "kanal 9"; a descriptor that is all there is stays, so
    // "state television" alone still names something.
    for d in DESCRIPTORS {
        let dw: Vec<&str> = d.split(' ').collect();
        if dw.len() >= words.len() {
            continue;
        }
        if let Some(i) = words.windows(dw.len()).position(|w| w.iter().eq(dw.iter())) {
            words.drain(i..i + dw.len());
        }
    }
    let start = usize::from(words.len() > 1 && words.first().map(String::as_str) == Some("the"));
    words.get(start..).unwrap_or(&[]).join(" ")
}

/// The key two spellings of one source share, and the display name to show for it.
pub fn source_identity(name: &str) -> (String, String) {
    let k = base_key(name);
    match ALIASES.get(&k) {
        Some((ck, canon)) => (ck.clone(), canon.clone()),
        // A Cyrillic name without an alias: its Latin spelling is the key, so "Ирма Веск"
        // and "Irma Vesk" are one source.
        None => match crate::translit::to_latin(&k) {
            Some(latin) => match ALIASES.get(&latin) {
                Some((ck, canon)) => (ck.clone(), canon.clone()),
                None => (latin, name.trim().to_string()),
            },
            None => (k, name.trim().to_string()),
        },
    }
}

/// Just the key of [`source_identity`].
pub fn source_key(name: &str) -> String {
    source_identity(name).0
}

/// Normalised place name (no alias table: places link by GeoNames id where they can).
pub fn place_name_key(name: &str) -> String {
    base_key(name)
}

/// The cross-document key of a place named in a document: `gn:<id>` when an entity of the
/// document with that name (or alias, or id) carries a GeoNames id, else `name:<normalised>`.
/// Returns the key and the best display name.
pub fn place_identity(doc: &Document, place: &str) -> (String, String) {
    let ent = doc.entity(place).or_else(|| find_named(doc, place));
    if let Some(e) = ent {
        if let Some(id) = e.geo.as_ref().and_then(|g| g.geonames_id) {
            return (format!("gn:{id}"), e.name.clone());
        }
        return (format!("name:{}", place_name_key(&e.name)), e.name.clone());
    }
    (
        format!("name:{}", place_name_key(place)),
        place.trim().to_string(),
    )
}

fn find_named<'a>(doc: &'a Document, name: &str) -> Option<&'a Entity> {
    let k = place_name_key(name);
    if k.is_empty() {
        return None;
    }
    doc.layers
        .entities
        .iter()
        .find(|e| place_name_key(&e.name) == k || e.aliases.iter().any(|a| place_name_key(a) == k))
}

/// Key of an actor or entity name: the entity's canonical name through the alias table.
pub fn entity_key(doc: &Document, entity_id: Option<&str>, text: &str) -> String {
    if let Some(e) = entity_id.and_then(|id| doc.entity(id)) {
        if let Some(id) = e.geo.as_ref().and_then(|g| g.geonames_id) {
            return format!("gn:{id}");
        }
        return source_key(&e.name);
    }
    source_key(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::{EntityType, Geo, Meta};

    #[test]
    fn ministry_aliases_meet() {
        assert_eq!(
            source_key("the Ministry of Internal Affairs"),
            source_key("Interior Ministry")
        );
        assert_eq!(
            source_key("Interior Ministry's"),
            source_key("interior ministry")
        );
        let (_, shown) = source_identity("ministry of internal affairs");
        assert_eq!(shown, "Interior Ministry");
    }

    #[test]
    fn one_source_in_either_script() {
        assert_eq!(source_key("Минздрав"), source_key("Health Ministry"));
        assert_eq!(source_key("МВД"), source_key("the Interior Ministry"));
        assert_eq!(source_key("Ирма Веск"), source_key("Irma Vesk"));
    }

    #[test]
    fn descriptors_and_the_are_dropped() {
        assert_eq!(source_key("state television Kanal 9"), "kanal 9");
        assert_eq!(source_key("The Daily Beacon"), "beacon");
        assert_eq!(source_key("state television"), "state television");
        assert_eq!(source_key("The"), "the");
        assert_eq!(source_key(""), "");
        assert_eq!(source_key("Harbour police’s"), "harbour police");
    }

    #[test]
    fn places_link_by_geonames() {
        let mut doc = Document::new("d", "x", Meta::default());
        doc.layers.entities.push(Entity {
            id: "e1".into(),
            kind: EntityType::Place,
            subtype: Some("city".into()),
            name: "Port Aldric".into(),
            aliases: vec!["Aldric".into()],
            mentions: vec![],
            roles: vec![],
            geo: Some(Geo {
                geonames_id: Some(42),
                lat: None,
                lon: None,
                country: None,
            }),
        });
        assert_eq!(place_identity(&doc, "Aldric").0, "gn:42");
        assert_eq!(place_identity(&doc, "e1").0, "gn:42");
        assert_eq!(place_identity(&doc, "the Capital").0, "name:capital");
    }
}
