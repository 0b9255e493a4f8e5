//! The ledger: the public, serialised record of one document.

use crate::{Claim, Document, Entity, Event, Figure, Segment, Span, Timex};
use serde::{Deserialize, Serialize};

/// Bumped whenever the ledger's shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

/// What optional parts a ledger carries.
#[derive(Debug, Clone, Copy, Default)]
pub struct LedgerOptions {
    /// Include the document text (always on for HTML/WARC/feeds, whose text is extracted).
    pub with_text: bool,
    /// Include the segment layer.
    pub annotations: bool,
}

/// One document's records, as written by `newsledger extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub schema_version: u32,
    pub id: String,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub figures: Vec<Figure>,
    pub claims: Vec<Claim>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub timexes: Vec<Timex>,
    pub residue: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub segments: Option<Vec<Segment>>,
}

impl Ledger {
    pub fn from_document(doc: &Document, opts: LedgerOptions) -> Ledger {
        let l = &doc.layers;
        Ledger {
            schema_version: SCHEMA_VERSION,
            id: doc.id.clone(),
            published: doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            title: doc.meta.title.clone(),
            url: doc.meta.url.clone(),
            outlet: doc.meta.outlet.clone(),
            figures: l.figures.clone(),
            claims: l.claims.clone(),
            entities: l.entities.clone(),
            events: l.events.clone(),
            timexes: l.timexes.clone(),
            residue: l.residue.clone(),
            text: opts.with_text.then(|| doc.text.clone()),
            segments: opts.annotations.then(|| l.segments.clone()),
        }
    }
}
