//! Figures-stage throughput (MB/s and docs/s) on the sample corpus repeated to ≥ 50 MB.
//! The earlier stages run once per distinct document outside the timing; only the figures
//! stage is measured. Run with `cargo bench -p newsledger-figures`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsledger_claims::ClaimStage;
use newsledger_entities::EntityStage;
use newsledger_figures::FigureStage;
use newsledger_model::{Document, Meta, Pipeline, Stage};
use newsledger_segment::SegmentStage;
use newsledger_time::TimeStage;
use std::path::PathBuf;

const TARGET_BYTES: usize = 50 * 1024 * 1024;

fn load_corpus() -> Vec<Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut docs = Vec::new();
    for name in ["reports.jsonl", "controls.jsonl"] {
        let Ok(text) = std::fs::read_to_string(root.join(name)) else {
            continue;
        };
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let id = v["id"].as_str().unwrap_or("doc").to_string();
            let body = v["text"].as_str().unwrap_or("").to_string();
            let meta: Meta = serde_json::from_value(serde_json::json!({
                "published": v["published"],
            }))
            .unwrap_or_default();
            docs.push(Document::new(id, body, meta));
        }
    }
    if docs.is_empty() {
        eprintln!("note: corpus/ not found, benchmarking on a synthetic paragraph");
        let para = "At least 41 people were killed and more than 300 injured in clashes on \
                    Saturday, the Interior Ministry said. Police detained 1,200 protesters.\n";
        docs.push(Document::new("synthetic", para.repeat(50), Meta::default()));
    }
    docs
}

fn prepared() -> Vec<Document> {
    let upstream = Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(TimeStage::new()))
        .and_then(|p| p.with(EntityStage::new()))
        .and_then(|p| p.with(ClaimStage::new()))
        .expect("upstream pipeline");
    let mut base = load_corpus();
    for d in &mut base {
        upstream.run(d);
    }
    let size: usize = base.iter().map(|d| d.text.len()).sum::<usize>().max(1);
    let copies = TARGET_BYTES.div_ceil(size);
    let mut out = Vec::with_capacity(base.len() * copies);
    for _ in 0..copies {
        out.extend(base.iter().cloned());
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut docs = prepared();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!(
        "figures bench: {} docs, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    let stage = FigureStage::new();
    let mut g = c.benchmark_group("figures");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in docs.iter_mut() {
                stage.process(d);
                n += d.layers.figures.len();
            }
            n
        })
    });
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function("docs", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in docs.iter_mut() {
                stage.process(d);
                n += d.layers.figures.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
