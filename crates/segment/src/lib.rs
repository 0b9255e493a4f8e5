//! # newsledger-segment
//!
//! The first stage: cuts a news text into paragraphs, sentence-like segments (sentences,
//! headlines, subheadings, datelines) and tokens, and marks page residue — the newsletter
//! sign-ups, share buttons, credits and copyright lines that page scrapes carry along and
//! that must never yield a fact.
//!
//! News text breaks the usual sentence splitters: headlines have no final period, quotes
//! close after the period (`.”`), abbreviations (`Gen.`, `U.S.`, `Jan.`) and initials are
//! followed by capitals, and wire datelines (`NUR-SULTAN, January 7. /TASS/.`) look like
//! sentences. The rules here are written for those cases; every span is a byte range into
//! the text exactly as given.

mod cap;
mod residue;
mod ru;
mod sentences;
mod tokens;

pub use cap::MAX_SENTENCE_BYTES;
pub use residue::residue_spans;
pub use sentences::{paragraphs, segments_of_paragraph, segments_of_paragraph_in};
pub use tokens::tokenize;

use newsledger_model::{Document, Lang, Layer, Segment, Stage};

/// Fills paragraphs, segments, tokens and residue.
#[derive(Debug, Default, Clone)]
pub struct SegmentStage;

impl SegmentStage {
    pub fn new() -> Self {
        SegmentStage
    }
}

impl Stage for SegmentStage {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn needs(&self) -> &'static [Layer] {
        &[]
    }
    fn adds(&self) -> &'static [Layer] {
        &[
            Layer::Paragraphs,
            Layer::Segments,
            Layer::Tokens,
            Layer::Residue,
        ]
    }
    fn process(&self, doc: &mut Document) {
        let text = doc.text.as_str();
        let lang = doc.lang();
        if lang == Lang::Other {
            return;
        }
        let paras = paragraphs(text);
        let mut segs: Vec<Segment> = Vec::new();
        for (i, &p) in paras.iter().enumerate() {
            // Over the time budget: stop here; the pipeline drops the partial result.
            if doc.budget.expired() {
                break;
            }
            segs.extend(segments_of_paragraph_in(text, p, i == 0, lang));
        }
        doc.layers.residue = residue_spans(text, &paras, &segs);
        doc.layers.tokens = tokenize(text);
        doc.layers.segments = segs;
        doc.layers.paragraphs = paras;
    }
}

#[cfg(test)]
mod tests;
