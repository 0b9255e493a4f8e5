//! Segmentation throughput (MB/s) on synthetic news text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsledger_model::{Document, Meta, Stage};
use newsledger_segment::SegmentStage;

fn corpus() -> String {
    let para =
        "PORT VELL, March 3. /FPA/. At least 41 people were killed and more than 300 injured \
                in clashes on Saturday, the Interior Ministry said, quoting Gen. R. Tamsin. \
                “We will restore order,” the president told the U.S. envoy. Read more: flood map\n";
    para.repeat(20_000)
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("segment_stage", |b| {
        b.iter(|| {
            let mut doc = Document::new("bench", text.clone(), Meta::default());
            SegmentStage.process(&mut doc);
            doc.layers.segments.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
