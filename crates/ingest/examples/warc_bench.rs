//! Streams a large synthetic WARC.gz and reports MB/s, docs/s and peak RSS.
//!
//! `cargo run --release -p newsledger-ingest --example warc_bench -- [SIZE_MB] [PAGES_DIR]`
//! builds a crawl of about SIZE_MB (default 200) uncompressed from the `.html` pages in
//! PAGES_DIR (default tests-data/html, our fictional pages), one gzip member per record as
//! crawlers write them, then reads it back through the ingest reader (HTML extraction in
//! parallel batches). Peak RSS shows that memory does not grow with the file.
use flate2::write::GzEncoder;
use flate2::Compression;
use newsledger_ingest::{read_web_input, Item, ReadOptions, ReadStats, TextMeta};
use std::io::Write;
use std::path::PathBuf;

fn peak_rss_mb() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map_or(0.0, |k| k / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size_mb: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(200);
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests-data/html"));
    let pages: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .filter_map(|p| std::fs::read(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if pages.is_empty() {
        eprintln!("no pages in {}", dir.display());
        std::process::exit(2);
    }
    let path = std::env::temp_dir().join(format!("nl-warc-bench-{}.warc.gz", std::process::id()));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let (mut raw, mut n) = (0usize, 0usize);
    while raw < size_mb << 20 {
        let page = &pages[n % pages.len()];
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend_from_slice(page);
        let mut rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bench.example/{n}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        rec.extend_from_slice(&http);
        rec.extend_from_slice(b"\r\n\r\n");
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(&rec).expect("gz");
        f.write_all(&e.finish().expect("gz")).expect("write");
        raw += rec.len();
        n += 1;
    }
    drop(f);
    let gz = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "built {n} records, {:.0} MB raw, {:.0} MB gz",
        raw as f64 / 1e6,
        gz as f64 / 1e6
    );
    let rss_before = peak_rss_mb();
    let t = std::time::Instant::now();
    let mut stats = ReadStats::default();
    let (mut docs, mut chars) = (0usize, 0usize);
    let opts = ReadOptions {
        english_only: true,
        ..Default::default()
    };
    read_web_input(&path, &TextMeta::default(), &opts, &mut stats, &mut |it| {
        if let Item::Doc(d) = it {
            docs += 1;
            chars += d.text.len();
        }
    });
    let el = t.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    println!(
        "records {} docs {} skipped(lang) {} skipped(other) {} failed {} | {:.1} s | {:.1} MB/s raw, {:.1} MB/s gz | {:.0} docs/s | peak RSS {:.0} MB (before read {:.0} MB) | threads {}",
        stats.records, docs, stats.skipped_language, stats.skipped_other, stats.failed, el,
        raw as f64 / 1e6 / el, gz as f64 / 1e6 / el, docs as f64 / el, peak_rss_mb(), rss_before,
        rayon::current_num_threads()
    );
    let _ = chars;
}
