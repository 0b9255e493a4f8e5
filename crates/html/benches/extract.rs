//! Extraction speed on our own test pages (tests-data/html), one core.
//!
//! `cargo bench -p newsledger-html --bench extract` reports pages/s (elements) and MB/s
//! (bytes). Set `NEWSLEDGER_HTML_BENCH_DIR` to a folder of `.html` pages to measure on
//! other pages (e.g. a local copy of a public extraction benchmark).
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn load_pages() -> Vec<Vec<u8>> {
    let dir = std::env::var_os("NEWSLEDGER_HTML_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests-data/html"));
    let mut pages: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages
}

fn bench(c: &mut Criterion) {
    let pages = load_pages();
    if pages.is_empty() {
        eprintln!("no pages to benchmark");
        return;
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut g = c.benchmark_group("html");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.bench_function("extract_article/pages", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = std::hint::black_box(newsledger_html::extract_article(p, None));
            }
        })
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract_article/bytes", |b| {
        b.iter(|| {
            for p in &pages {
                let _ = std::hint::black_box(newsledger_html::extract_article(p, None));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
