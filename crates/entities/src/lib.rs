//! # newsledger-entities
//!
//! Who and where a report is about. Analysts follow people, organisations, outlets and
//! places across documents, so every mention — a proper name, a role noun ("the Kazakh
//! president", "the state broadcaster"), a descriptor ("the Central Asian country") or a
//! pronoun — is grouped into one cluster per entity with its type, roles and, for places,
//! GeoNames id and coordinates. Later stages lean on it: claims resolve speakers through it,
//! figures and events take their places and actors from it.
//!
//! Generic statistical NER gets news names wrong in ways that matter here (a president
//! tagged as an organisation, a broadcaster as a product, a headline word as a person), so
//! this stage is rule-based, offline and fast: lexicons and the gazetteer in
//! `data/entities/` (see the README there for provenance), precise patterns, and an
//! in-document resolver that prefers leaving a mention out to linking it wrongly.

mod acronyms;
mod bare_names;
mod football;
mod gazetteer;
mod joined_names;
mod lexicon;
mod names;
mod place_lists;
mod resolve;
mod ru;
mod shouted;
#[cfg(test)]
mod test_names;
mod titled_runs;
mod words;

use newsledger_model::{Document, Layer, SegmentKind, Stage};
use rustc_hash::FxHashSet as HashSet;

/// A gazetteer look-up for other stages: the GeoNames id, coordinates and country of the
/// best reading of a place name, if the gazetteer knows it.
pub fn lookup_place(name: &str) -> Option<newsledger_model::Geo> {
    let idx = gazetteer::GAZ.best(name, &[], false)?;
    let p = gazetteer::GAZ.place(idx)?;
    Some(newsledger_model::Geo {
        geonames_id: (p.id != 0).then_some(p.id),
        lat: p.lat,
        lon: p.lon,
        country: Some(p.country.to_string()),
    })
}

/// Fills the entities layer.
#[derive(Debug, Default, Clone)]
pub struct EntityStage;

impl EntityStage {
    pub fn new() -> Self {
        EntityStage
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Segments, Layer::Tokens]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn process(&self, doc: &mut Document) {
        // Each language its own rules; others get no entities (never English rules by mistake).
        let entities = match doc.lang() {
            newsledger_model::Lang::En => extract(doc),
            newsledger_model::Lang::Ru => ru::extract(doc),
            newsledger_model::Lang::Other => Vec::new(),
        };
        doc.layers.entities = entities;
    }
}

/// The entity clusters of a segmented, tokenised document.
pub fn extract(doc: &Document) -> Vec<newsledger_model::Entity> {
    let segs: Vec<resolve::Seg<'_>> = doc
        .content_segments()
        .map(|s| resolve::Seg {
            words: words::words_of(doc, s.span, s.kind),
        })
        .collect();
    // Words the body capitalises mid-sentence: a capital at a sentence start or in a
    // headline is only trusted for these.
    let mut support: HashSet<&str> = HashSet::default();
    for (s, seg) in doc.content_segments().zip(segs.iter()) {
        if s.kind != SegmentKind::Sentence {
            continue;
        }
        for w in &seg.words {
            if w.cap && !w.start {
                support.insert(w.text);
            }
        }
    }
    // A demonym used in the body ("Talvarian") supports the place it is formed from
    // ("Talvaria"), which the headline or a sentence start may be the only mentions of.
    let stems: Vec<&str> = support
        .iter()
        .flat_map(|t| {
            ["n", "an", "ian"]
                .into_iter()
                .filter_map(|s| t.strip_suffix(s))
        })
        .filter(|s| s.chars().count() >= 4)
        .collect();
    support.extend(stems);
    let mut cands = Vec::new();
    for (i, (seg, s)) in segs.iter().zip(doc.content_segments()).enumerate() {
        // Over the time budget: stop here; the pipeline drops the partial result.
        if doc.budget.expired() {
            break;
        }
        let dateline = s.kind == SegmentKind::Dateline;
        names::names_in(doc, &seg.words, i, dateline, &mut cands);
    }
    football::read_clubs(doc, &mut cands);
    // A lone capitalised word at a sentence start or in a headline is kept only when
    // the body supports it, a lexicon or the gazetteer knows it.
    cands.retain(|c| {
        !c.weak
            || !matches!(c.reading, names::Reading::Single)
            || support.contains(c.text.as_str())
            || c.titled
    });
    resolve::resolve(doc, &segs, &cands, &support)
}

#[cfg(test)]
mod tests;
