//! Entities of Russian-language documents: people, organisations, outlets, platforms and
//! places, found by the rules of the modules below over `data/entities/ru/*`, and grouped
//! into one entity per key (a GeoNames id, a surname, a body and its country).
//!
//! The English rules never see a Russian document, nor these rules an English one: the
//! stage routes by the document's language (`lib.rs`).

mod cand;
mod data;
mod morph;
mod orgs;
mod persons;
mod places;
mod translit;
mod words;

#[cfg(test)]
mod tests;

use cand::Cand;
use newsledger_model::{Document, Entity, EntityType, Geo, Mention, MentionKind, Span};
use rustc_hash::FxHashMap as HashMap;

/// The entity clusters of a segmented Russian document.
pub fn extract(doc: &Document) -> Vec<Entity> {
    let words = words::words_of(doc);
    let text = doc.text.as_str();
    let mut cands = Vec::new();
    orgs::lexicon(text, &words, &mut cands);
    orgs::quoted(text, &words, &mut cands);
    orgs::titled(text, &words, &mut cands);
    persons::full_names(&words, &mut cands);
    persons::initials(&words, &mut cands);
    persons::after_roles(&words, &mut cands);
    places::regions(&words, &mut cands);
    places::headed(text, &words, &mut cands);
    places::gazetteer(&words, &mut cands);
    places::after_preposition(text, &words, &mut cands);
    let mut kept = settle(cands);
    // the surname alone, once the full name is known
    let mut people: Vec<(String, String)> = Vec::new();
    for c in kept.iter().filter(|c| c.kind == EntityType::Person) {
        let surname = c.name.rsplit(' ').next().unwrap_or("");
        let pair = (c.key.clone(), translit::loose(surname));
        if !people.contains(&pair) {
            people.push(pair);
        }
    }
    // a one-word place reading of a person's surname gives way ("Соколов" after
    // "Максим Соколов" is the man, not the Czech town)
    kept.retain(|c| {
        c.kind != EntityType::Place
            || c.prio > 2
            || text.get(c.start..c.end).is_some_and(|s| {
                s.contains(' ')
                    || !people
                        .iter()
                        .any(|(k, _)| *k == format!("per:{}", morph::surname_key(s)))
            })
    });
    let mut more = Vec::new();
    persons::surname_mentions(&words, &people, &mut more);
    orgs::quoted_again(text, &words, &kept, &mut more);
    kept.extend(more);
    let mut kept = settle(kept);
    resolve_countries(&mut kept);
    cluster(text, kept)
}

/// Non-overlapping candidates: longer first, then the stronger rule.
fn settle(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        b.len()
            .cmp(&a.len())
            .then(b.prio.cmp(&a.prio))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.end <= k.start || k.end <= c.start) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    kept
}

/// The story's country: the country its place mentions point to most.
fn story_country(cands: &[Cand]) -> Option<String> {
    let mut n: HashMap<&str, usize> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind == EntityType::Place) {
        if let Some(cc) = c.geo.as_ref().and_then(|g| g.country.as_deref()) {
            *n.entry(cc).or_default() += 1;
        }
    }
    let best = n.values().copied().max()?;
    let mut top: Vec<&str> = n
        .iter()
        .filter(|(_, &v)| v == best)
        .map(|(k, _)| *k)
        .collect();
    top.sort_unstable();
    (top.len() == 1).then(|| top[0].to_string())
}

/// A body named without its country ("МВД") is the body of the story's country.
fn resolve_countries(cands: &mut [Cand]) {
    let story = story_country(cands);
    for c in cands.iter_mut() {
        let Some(body) = c.needs_country else {
            continue;
        };
        match &story {
            Some(cc) => {
                let gen = data::LEX
                    .country_names
                    .get(cc.as_str())
                    .map_or(cc.as_str(), |n| n.1);
                c.name = format!("{body} {gen}");
                c.key = format!("org:{body}:{cc}");
                c.geo = Some(Geo {
                    geonames_id: None,
                    lat: None,
                    lon: None,
                    country: Some(cc.clone()),
                });
            }
            None => c.key = format!("org:{body}"),
        }
    }
}

/// One entity per key, numbered in order of first mention.
fn cluster(text: &str, cands: Vec<Cand>) -> Vec<Entity> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: HashMap<String, Vec<Cand>> = HashMap::default();
    for c in cands {
        if !groups.contains_key(&c.key) {
            order.push(c.key.clone());
        }
        groups.entry(c.key.clone()).or_default().push(c);
    }
    let mut out = Vec::new();
    for k in order {
        let Some(g) = groups.remove(&k) else { continue };
        if let Some(e) = entity(text, out.len() + 1, g) {
            out.push(e);
        }
    }
    out
}

fn entity(text: &str, n: usize, g: Vec<Cand>) -> Option<Entity> {
    let first = g.first()?;
    let name = match first.kind {
        // the full name, else the first
        EntityType::Person => g
            .iter()
            .filter(|c| c.name.contains(' '))
            .max_by_key(|c| c.name.chars().count())
            .unwrap_or(first)
            .name
            .clone(),
        _ => first.name.clone(),
    };
    let mut aliases: Vec<String> = Vec::new();
    for c in &g {
        let s = text.get(c.start..c.end).unwrap_or("").to_string();
        if s != name && !s.is_empty() && !aliases.contains(&s) {
            aliases.push(s);
        }
    }
    if matches!(first.kind, EntityType::Person | EntityType::Place)
        && name.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        let l = translit::latin(&name);
        if !aliases.contains(&l) {
            aliases.push(l);
        }
    }
    Some(Entity {
        id: format!("e{n}"),
        kind: first.kind,
        subtype: g.iter().find_map(|c| c.subtype).map(str::to_string),
        name,
        aliases,
        mentions: g
            .iter()
            .map(|c| Mention {
                span: Span::new(c.start, c.end),
                kind: MentionKind::Name,
            })
            .collect(),
        roles: Vec::new(),
        geo: g.iter().find_map(|c| c.geo.clone()),
    })
}
