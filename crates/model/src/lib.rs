//! # newsledger-model
//!
//! The one document model every stage reads and adds to, in the manner of a spaCy `Doc`:
//! the text exactly as given (never normalised) plus stand-off annotation layers addressed
//! by UTF-8 byte spans into that text. Every extracted record carries the span of its
//! evidence, so `&doc.text[span]` always reproduces what the record claims.
//!
//! The crate also defines the [`Stage`] trait and the [`Pipeline`] that runs stages in
//! order, and the [`Ledger`]: the serialised, public shape of one document's records.
//!
//! Layers, in the order the default pipeline fills them:
//! segments/tokens/paragraphs/residue → timexes → entities → claims → figures → events.

mod ledger;
mod pipeline;
mod records;
mod span;
#[doc(hidden)]
pub mod testing;

pub use ledger::{Ledger, LedgerOptions, SCHEMA_VERSION};
pub use pipeline::{Layer, Pipeline, PipelineError, Stage};
pub use records::*;
pub use span::Span;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Metadata that comes with a document from its source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Publication date (the day in the publication's own offset).
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

/// A document: its id, its text exactly as given, its metadata and its annotation layers.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Meta,
    pub layers: Layers,
}

/// Stand-off annotation layers. Each stage fills one or more of these; nothing here
/// copies text, everything points into [`Document::text`] by byte span.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// Paragraphs (blank-line or line separated blocks of text).
    pub paragraphs: Vec<Span>,
    /// Sentence-like segments: sentences, headlines, subheadings, datelines.
    pub segments: Vec<Segment>,
    /// Word, number and punctuation tokens.
    pub tokens: Vec<Token>,
    /// Page furniture (newsletter sign-ups, share buttons, credits): never yields facts.
    pub residue: Vec<Span>,
    pub timexes: Vec<Timex>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Meta) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            meta,
            layers: Layers::default(),
        }
    }

    /// The text of a span. Returns "" for a span that does not fall on char boundaries
    /// inside the text, so a buggy stage can never make a caller panic.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start()..span.end()).unwrap_or("")
    }

    /// True when the span overlaps any residue span (page furniture).
    pub fn is_residue(&self, span: Span) -> bool {
        self.layers.residue.iter().any(|r| r.overlaps(span))
    }

    /// Segments that are not residue: the ones stages should extract facts from.
    pub fn content_segments(&self) -> impl Iterator<Item = &Segment> {
        self.layers
            .segments
            .iter()
            .filter(move |s| !self.is_residue(s.span))
    }

    /// The segment (sentence, headline…) that contains the byte offset, if any.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let segs = &self.layers.segments;
        let i = segs.partition_point(|s| s.span.end() <= offset);
        segs.get(i).filter(|s| s.span.start() <= offset)
    }

    /// Index of the segment containing the byte offset.
    pub fn segment_index_at(&self, offset: usize) -> Option<usize> {
        let segs = &self.layers.segments;
        let i = segs.partition_point(|s| s.span.end() <= offset);
        segs.get(i).filter(|s| s.span.start() <= offset).map(|_| i)
    }

    /// Index of the paragraph containing the byte offset.
    pub fn paragraph_index_at(&self, offset: usize) -> Option<usize> {
        let ps = &self.layers.paragraphs;
        let i = ps.partition_point(|p| p.end() <= offset);
        ps.get(i).filter(|p| p.start() <= offset).map(|_| i)
    }

    /// Tokens inside a span (by binary search on the sorted token layer).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let toks = &self.layers.tokens;
        let a = toks.partition_point(|t| t.span.start() < span.start());
        let b = toks.partition_point(|t| t.span.start() < span.end());
        &toks[a..b.max(a)]
    }

    /// Entity cluster that has a mention overlapping the span, if any.
    pub fn entity_at(&self, span: Span) -> Option<&Entity> {
        self.layers
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
    }

    /// Entity by id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.layers.entities.iter().find(|e| e.id == id)
    }

    /// Timex by id.
    pub fn timex(&self, id: &str) -> Option<&Timex> {
        self.layers.timexes.iter().find(|t| t.id == id)
    }

    /// Claim by id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.layers.claims.iter().find(|c| c.id == id)
    }
}
