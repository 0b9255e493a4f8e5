//! Test helper: the name mentions the stage finds in a text, with their entity types.

use crate::EntityStage;
use newsledger_model::{Document, EntityType, MentionKind, Meta, Pipeline};
use newsledger_segment::SegmentStage;

pub(crate) fn names(text: &str) -> Vec<(String, EntityType)> {
    let p = Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(EntityStage::new()))
        .expect("pipeline");
    let mut doc = Document::new("t", text, Meta::default());
    p.run(&mut doc);
    let mut out = Vec::new();
    for e in &doc.layers.entities {
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            out.push((doc.slice(m.span).to_string(), e.kind));
        }
    }
    out
}
