//! # newsledger-pipeline
//!
//! Assembles the default list of stages (segment → time → entities → claims → figures →
//! events) and runs documents through it. The CLI, the store and the evaluators all get
//! their pipeline here, so there is one definition of "what newsledger extracts".

use newsledger_model::{Document, Pipeline, PipelineError};

/// The version of the extraction pipeline, stored with every record so a store can tell
/// which records a newer pipeline should reprocess.
pub const PIPELINE_VERSION: &str = concat!("newsledger/", env!("CARGO_PKG_VERSION"));

/// The default pipeline, in dependency order.
pub fn default_pipeline() -> Result<Pipeline, PipelineError> {
    Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())?
        .with(newsledger_time::TimeStage::new())?
        .with(newsledger_entities::EntityStage::new())?
        .with(newsledger_claims::ClaimStage::new())?
        .with(newsledger_figures::FigureStage::new())?
        .with(newsledger_events::EventStage::new())
}

/// Run the default pipeline over one document.
pub fn process(pipeline: &Pipeline, doc: &mut Document) {
    pipeline.run(doc);
}

pub mod output;

/// The document as TimeML (TempEval-3 style), with the publication date as DCT.
pub fn to_timeml(doc: &Document) -> String {
    newsledger_time::timeml::to_timeml(doc)
}
