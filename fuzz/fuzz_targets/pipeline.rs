//! Fuzz target: the whole default pipeline on arbitrary text (lossy UTF-8), under a small
//! chunk size so the chunked path and its merge are exercised too. Every record's span must
//! slice the text on char boundaries, and nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsledger_model::{Document, Meta, Pipeline};
use std::sync::OnceLock;

fn pipelines() -> &'static (Pipeline, Pipeline) {
    static P: OnceLock<(Pipeline, Pipeline)> = OnceLock::new();
    P.get_or_init(|| {
        let whole = newsledger_pipeline::default_pipeline().expect("pipeline");
        let chunked = newsledger_pipeline::default_pipeline()
            .expect("pipeline")
            .chunk_bytes(512);
        (whole, chunked)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (whole, chunked) = pipelines();
    let p = if data.first().is_some_and(|b| b & 1 == 1) { chunked } else { whole };
    let meta = Meta {
        // A fixed publication date, so relative dates resolve.
        published: chrono::NaiveDate::from_ymd_opt(2031, 4, 1),
        ..Meta::default()
    };
    let mut doc = Document::new("fuzz", text, meta);
    p.run(&mut doc);
    let l = &doc.layers;
    let spans = l
        .figures
        .iter()
        .map(|f| f.span)
        .chain(l.claims.iter().map(|c| c.span))
        .chain(l.events.iter().map(|e| e.span))
        .chain(l.timexes.iter().map(|t| t.span))
        .chain(l.segments.iter().map(|s| s.span));
    for s in spans {
        assert!(
            doc.text.get(s.start()..s.end()).is_some(),
            "span {s:?} does not slice the text"
        );
    }
});
