//! Scratch timing: the claims stage over one big document (the seed repeated).
use newsledger_model::{Document, Meta, Stage};
fn main() {
    let Some(seed) = newsledger_model::testing::shared_text(newsledger_model::testing::SEED) else {
        return;
    };
    let text = seed.repeat(
        std::env::args()
            .nth(1)
            .and_then(|a| a.parse().ok())
            .unwrap_or(200),
    );
    let mut doc = Document::new("d", text, Meta::default());
    newsledger_segment::SegmentStage::new().process(&mut doc);
    let t = std::time::Instant::now();
    newsledger_claims::ClaimStage::new().process(&mut doc);
    println!(
        "{} bytes, {} claims, {:?}",
        doc.text.len(),
        doc.layers.claims.len(),
        t.elapsed()
    );
}
