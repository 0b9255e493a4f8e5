//! # newsledger-pipeline
//!
//! Assembles the default list of stages (segment → time → entities → claims → figures →
//! events) and runs documents through it. The CLI, the store and the evaluators all get
//! their pipeline here, so there is one definition of "what newsledger extracts".

use newsledger_model::chunk::Merger;
use newsledger_model::{
    Budget, Document, Entity, Layers, OverBudget, Pipeline, PipelineError, Span,
};
use rayon::prelude::*;

/// The version of the extraction pipeline, stored with every record so a store can tell
/// which records a newer pipeline should reprocess. The suffix counts changes to what is
/// stored within one crate version (`+2`: figure periods, days as dates, figure relations).
pub const PIPELINE_VERSION: &str = concat!("newsledger/", env!("CARGO_PKG_VERSION"), "+2");

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

/// Run the default pipeline over one document within `budget`; over it, the document has no
/// records and the error names the budget (see [`Pipeline::run_within`]).
pub fn process_within(
    pipeline: &Pipeline,
    doc: &mut Document,
    budget: Budget,
) -> Result<(), OverBudget> {
    pipeline.run_within(doc, budget)
}

/// Runs a long document chunk by chunk (`chunks` from [`Pipeline::chunks_of`]) without
/// keeping its records: each chunk's records, in document offsets and numbered through the
/// document, go to `each` in text order, and the entity clusters (which grow until the last
/// chunk) are returned at the end. Chunks run in parallel a few at a time, so a single long
/// document uses every core while only those few chunks' working data is alive. The
/// document's [`Document::budget`] is checked before each wave and after the last: over it,
/// the error is the [`OverBudget`] and the records already given to `each` are to be dropped.
pub fn run_streamed<E: From<OverBudget>>(
    pipeline: &Pipeline,
    doc: &Document,
    chunks: &[Span],
    mut each: impl FnMut(Layers) -> Result<(), E>,
) -> Result<Vec<Entity>, E> {
    let wave = 2 * rayon::current_num_threads().max(1);
    let mut merger = Merger::new();
    for group in chunks.chunks(wave) {
        doc.budget.check()?;
        let parts: Vec<Layers> = group
            .par_iter()
            .map(|&span| pipeline.run_chunk(doc, span))
            .collect();
        for (span, part) in group.iter().zip(parts) {
            each(merger.place(part, span.start()))?;
        }
    }
    doc.budget.check()?;
    Ok(merger.into_entities())
}

pub mod output;

/// The document as TimeML (TempEval-3 style), with the publication date as DCT.
pub fn to_timeml(doc: &Document) -> String {
    newsledger_time::timeml::to_timeml(doc)
}
