//! Shared helpers for the integration tests: a mini pipeline (segment → claims) and a
//! compact rendering of claims.

#![allow(dead_code)]

use newsledger_claims::ClaimStage;
use newsledger_model::{Claim, Document, Meta, Stage};
use newsledger_segment::SegmentStage;

/// Segment and claims only: the claims rules on their own.
pub fn run(text: &str) -> Document {
    let mut doc = Document::new("t", text, Meta::default());
    SegmentStage::new().process(&mut doc);
    ClaimStage::new().process(&mut doc);
    doc
}

/// The mini pipeline segment → time → entities → claims.
pub fn run_full(text: &str, published: &str) -> Document {
    let meta = Meta {
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        ..Meta::default()
    };
    let mut doc = Document::new("t", text, meta);
    SegmentStage::new().process(&mut doc);
    newsledger_time::TimeStage::new().process(&mut doc);
    newsledger_entities::EntityStage::new().process(&mut doc);
    ClaimStage::new().process(&mut doc);
    doc
}

pub fn show(doc: &Document, c: &Claim) -> String {
    let content: Vec<&str> = c.content.iter().map(|s| doc.slice(*s)).collect();
    let via: Vec<&str> = c.via.iter().map(|v| v.name.as_str()).collect();
    let hedges: Vec<&str> = c.hedges.iter().map(|h| h.kind.as_str()).collect();
    format!(
        "{} [{}|{}] cue={} kind={:?} via={:?} medium={:?} date={:?} hedges={:?} content={:?}",
        c.id,
        c.speaker_text(),
        c.speaker_name(),
        c.cue.text,
        c.kind,
        via,
        c.medium,
        c.date,
        hedges,
        content
    )
}

pub fn dump(doc: &Document) {
    for c in &doc.layers.claims {
        eprintln!("{}", show(doc, c));
    }
}
