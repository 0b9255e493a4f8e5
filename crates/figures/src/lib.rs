//! # newsledger-figures
//!
//! The heart of the ledger: every reported toll in a news text — killed, injured, detained,
//! missing, displaced… — as a record an analyst can put in a table and trace back to its
//! exact words. Each figure carries its value as the spec defines it (`exact`, `at_least`,
//! `vague` 24–99 for "dozens"…), who was counted, where, as of when, and who said so.
//!
//! The stage reads what earlier stages found rather than redoing their work: sentences and
//! residue from `segment` (nothing is taken from page furniture), dates from `time` (an
//! "As of January 7", the dated moment a toll describes, the day a statement was made),
//! places from `entities`, and the source chain and hedges from `claims`. Finding the
//! number and deciding that it is a toll is this crate's own job (see [`detect`]), driven by
//! the lexicons in `data/figures`.
//!
//! The contract is `../shared/spec/figures.md`.

mod context;
pub mod detect;
mod lexicon;
mod number;
mod ru;
mod tokens;

pub use context::extract;
pub use detect::{detect, Candidate};

use newsledger_model::{Claim, Document, Lang, Layer, Stage};

/// Fills `doc.layers.figures`.
#[derive(Debug, Default, Clone)]
pub struct FigureStage;

impl FigureStage {
    pub fn new() -> Self {
        FigureStage
    }
}

impl Stage for FigureStage {
    fn name(&self) -> &'static str {
        "figures"
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Segments,
            Layer::Tokens,
            Layer::Timexes,
            Layer::Entities,
            Layer::Claims,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Figures]
    }
    fn process(&self, doc: &mut Document) {
        // A claim that names no source ("it was reported that…") gives a figure no origin:
        // the rules read only the claims with a speaker, and the layer is put back whole.
        let unsourced = take_unsourced(doc);
        doc.layers.figures = match doc.lang() {
            Lang::En => extract(doc),
            Lang::Ru => ru::extract(doc),
            Lang::Other => Vec::new(),
        };
        put_back(doc, unsourced);
    }
}

/// Takes the claims with no speaker out of the claims layer, each with its position.
fn take_unsourced(doc: &mut Document) -> Vec<(usize, Claim)> {
    if doc.layers.claims.iter().all(|c| c.speaker.is_some()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut kept = Vec::new();
    for (i, c) in std::mem::take(&mut doc.layers.claims)
        .into_iter()
        .enumerate()
    {
        if c.speaker.is_some() {
            kept.push(c);
        } else {
            out.push((i, c));
        }
    }
    doc.layers.claims = kept;
    out
}

/// Puts the claims [`take_unsourced`] took back where they were.
fn put_back(doc: &mut Document, unsourced: Vec<(usize, Claim)>) {
    if unsourced.is_empty() {
        return;
    }
    let kept = std::mem::take(&mut doc.layers.claims);
    let mut all = Vec::with_capacity(kept.len() + unsourced.len());
    let mut kept = kept.into_iter();
    for (i, c) in unsourced {
        while all.len() < i {
            match kept.next() {
                Some(k) => all.push(k),
                None => break,
            }
        }
        all.push(c);
    }
    all.extend(kept);
    doc.layers.claims = all;
}

#[cfg(test)]
mod unsourced_tests {
    use super::*;
    use newsledger_model::{ClaimKind, Cue, Meta, Span, Speaker};

    fn claim(id: &str, speaker: bool) -> Claim {
        Claim {
            id: id.into(),
            speaker: speaker.then(|| Speaker {
                text: "the mayor".into(),
                span: Span::new(0, 9),
                entity: None,
                name: "the mayor".into(),
            }),
            cue: Cue {
                text: "said".into(),
                span: Span::new(10, 14),
                lemma: "say".into(),
                distance: false,
            },
            content: Vec::new(),
            kind: ClaimKind::Indirect,
            via: Vec::new(),
            date: None,
            timex: None,
            medium: None,
            hedges: Vec::new(),
            span: Span::new(0, 14),
        }
    }

    #[test]
    fn unsourced_claims_are_hidden_from_the_rules_and_put_back_in_order() {
        let mut doc = Document::new("t", "the mayor said so", Meta::default());
        doc.layers.claims = vec![
            claim("c1", false),
            claim("c2", true),
            claim("c3", false),
            claim("c4", true),
            claim("c5", false),
        ];
        let taken = take_unsourced(&mut doc);
        let ids = |d: &Document| {
            d.layers
                .claims
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&doc), ["c2", "c4"]);
        put_back(&mut doc, taken);
        assert_eq!(ids(&doc), ["c1", "c2", "c3", "c4", "c5"]);
    }
}
