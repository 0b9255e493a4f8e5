//! The mini pipeline segment → time → entities → claims → figures that the integration tests
//! run their own sentences through.

use newsledger_claims::ClaimStage;
use newsledger_entities::EntityStage;
use newsledger_figures::FigureStage;
use newsledger_model::{Document, Figure, Meta, Pipeline};
use newsledger_segment::SegmentStage;
use newsledger_time::TimeStage;

/// The figures of `text`, with document metadata given as JSON (`published`, `outlet`…).
pub fn figures(meta: serde_json::Value, text: &str) -> Vec<Figure> {
    let meta: Meta = serde_json::from_value(meta).unwrap_or_default();
    let mut doc = Document::new("t", text.to_string(), meta);
    let p = Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(TimeStage::new()))
        .and_then(|p| p.with(EntityStage::new()))
        .and_then(|p| p.with(ClaimStage::new()))
        .and_then(|p| p.with(FigureStage::new()))
        .expect("pipeline order");
    p.run(&mut doc);
    doc.layers.figures
}
