//! The figures stage checks the document's time budget sentence by sentence.

use newsledger_figures::FigureStage;
use newsledger_model::{Budget, Document, Meta, Stage};
use newsledger_segment::SegmentStage;

/// A spent budget stops the stage at its first sentence; unlimited, the same text has its
/// counts.
#[test]
fn a_spent_budget_stops_the_figures_stage() {
    let text = "Nine people were killed in the flood. Forty were injured.\n";
    let run = |budget: Budget| {
        let mut doc = Document::new("t", text, Meta::default());
        SegmentStage::new().process(&mut doc);
        doc.budget = budget;
        FigureStage::new().process(&mut doc);
        doc.layers.figures.len()
    };
    assert_eq!(run(Budget::of(std::time::Duration::ZERO)), 0);
    assert_eq!(run(Budget::unlimited()), 2);
}
