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

use newsledger_model::{Document, Lang, Layer, Stage};

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
        doc.layers.figures = match doc.lang() {
            Lang::En => extract(doc),
            Lang::Ru => ru::extract(doc),
            Lang::Other => Vec::new(),
        };
    }
}
