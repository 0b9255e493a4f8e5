//! Ingest bench (not a test): throughput in documents/s and store size per 10,000
//! documents, SQLite and PostgreSQL side by side, on a synthetic corpus made by recombining
//! the paragraphs of the sample corpus (`corpus/reports.jsonl`).
//!
//! ```text
//! cargo bench -p newsledger-store --bench ingest            # 100,000 documents
//! NEWSLEDGER_BENCH_DOCS=20000 cargo bench -p newsledger-store --bench ingest
//! NEWSLEDGER_TEST_PG=$(scripts/start-postgres.sh) cargo bench …   # adds PostgreSQL
//! ```
//!
//! Every synthetic document is a headline and 4–6 paragraphs drawn from all reports, so
//! documents share text the way a story's coverage does without being copies; 4% are exact
//! copies under another URL and 4% revisions of an earlier URL, so the duplicate and
//! version paths are exercised too. The pipeline runs once per chunk (timed on its own), then
//! the same processed documents are written to each store in batches of 64.

use newsledger_model::Document;
use newsledger_store::{Incoming, Store};
use rayon::prelude::*;
use std::time::{Duration, Instant};

const CHUNK: usize = 4_000;
const BATCH: usize = 64;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Pool {
    heads: Vec<String>,
    paras: Vec<String>,
    outlets: Vec<String>,
}

fn pool() -> Pool {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/reports.jsonl");
    let mut p = Pool {
        heads: Vec::new(),
        paras: Vec::new(),
        outlets: Vec::new(),
    };
    let mut sink = |item: newsledger_ingest::Item| {
        if let newsledger_ingest::Item::Doc(d) = item {
            let mut lines = d.text.lines();
            if let Some(h) = lines.next() {
                p.heads.push(h.to_string());
            }
            p.paras
                .extend(lines.filter(|l| l.len() > 40).map(str::to_string));
            if let Some(o) = d.meta.outlet {
                if !p.outlets.contains(&o) {
                    p.outlets.push(o);
                }
            }
        }
    };
    newsledger_ingest::read_input(path, &Default::default(), &mut sink);
    assert!(
        !p.paras.is_empty(),
        "corpus/reports.jsonl is needed for the bench"
    );
    p
}

fn synth(p: &Pool, i: usize, prev: Option<&Document>) -> Document {
    let mut r = Rng(0x9e37_79b9 ^ (i as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let roll = r.below(100);
    if let (Some(prev), true) = (prev, roll < 4) {
        // An exact copy under another outlet's URL.
        let mut d = prev.clone();
        d.id = format!("syn-{i}");
        d.meta.url = Some(format!("https://copy.example/{i}"));
        d.meta.outlet = p.outlets.get(r.below(p.outlets.len())).cloned();
        d.layers = Default::default();
        return d;
    }
    let mut text = p.heads[r.below(p.heads.len())].clone();
    for _ in 0..4 + r.below(3) {
        text.push('\n');
        text.push_str(&p.paras[r.below(p.paras.len())]);
    }
    text.push_str(&format!("\nFile {i}."));
    let (id, url) = match (prev, roll < 8) {
        // A revision: the previous document's URL with a new text.
        (Some(prev), true) => (format!("syn-{i}"), prev.meta.url.clone()),
        _ => (
            format!("syn-{i}"),
            Some(format!("https://synthetic.example/{i}")),
        ),
    };
    Document::new(
        id,
        text,
        newsledger_model::Meta {
            published: chrono::NaiveDate::from_ymd_opt(2031, 3, 1 + (i % 11) as u32),
            title: None,
            url,
            outlet: p.outlets.get(i % p.outlets.len()).cloned(),
        },
    )
}

fn dir_size(path: &std::path::Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum()
}

fn main() {
    let n: usize = std::env::var("NEWSLEDGER_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let p = pool();
    let pipeline = newsledger_pipeline::default_pipeline().expect("pipeline builds");
    let version = newsledger_pipeline::PIPELINE_VERSION;

    let tmp = tempfile::tempdir().expect("temp dir");
    let sqlite_path = tmp.path().join("bench.db");
    let sqlite =
        newsledger_store::open(sqlite_path.to_str().unwrap_or("bench.db")).expect("sqlite");
    let pg_url = newsledger_store::testing::fresh_pg_database("bench");
    let pg: Option<Box<dyn Store>> = pg_url
        .as_deref()
        .map(|u| newsledger_store::open(u).expect("postgres"));

    let mut t_pipe = Duration::ZERO;
    let mut t_sqlite = Duration::ZERO;
    let mut t_pg = Duration::ZERO;
    let mut prev: Option<Document> = None;
    let mut records = 0usize;
    let mut made = 0;
    while made < n {
        let count = CHUNK.min(n - made);
        let mut docs = Vec::with_capacity(count);
        for i in made..made + count {
            let d = synth(&p, i, prev.as_ref());
            prev = Some(d.clone());
            docs.push(d);
        }
        made += count;
        // What the CLI does: triage, then the pipeline only where the text is new. Triage
        // is against SQLite; the PostgreSQL store makes the same decisions.
        let t = Instant::now();
        let refs: Vec<&Document> = docs.iter().collect();
        let triage = sqlite.triage(&refs).expect("triage");
        let _ = refs;
        docs.par_iter_mut()
            .zip(triage.par_iter())
            .for_each(|(d, t)| {
                if *t == newsledger_store::Triage::New {
                    pipeline.run(d);
                    d.layers.tokens = Vec::new();
                }
            });
        let dt = t.elapsed();
        t_pipe += dt;
        let incoming: Vec<Incoming> = docs
            .into_iter()
            .zip(&triage)
            .map(|(doc, t)| Incoming {
                processed: *t == newsledger_store::Triage::New,
                doc,
            })
            .collect();
        records += incoming
            .iter()
            .map(|i| {
                let l = &i.doc.layers;
                l.figures.len()
                    + l.claims.len()
                    + l.entities.len()
                    + l.events.len()
                    + l.timexes.len()
            })
            .sum::<usize>();
        let t = Instant::now();
        for b in incoming.chunks(BATCH) {
            sqlite.put_batch(b, version).expect("sqlite batch");
        }
        t_sqlite += t.elapsed();
        if let Some(pg) = &pg {
            let t = Instant::now();
            for b in incoming.chunks(BATCH) {
                pg.put_batch(b, version).expect("postgres batch");
            }
            t_pg += t.elapsed();
        }
        eprintln!("… {made} documents");
    }

    let s = sqlite.stats().expect("stats");
    drop(sqlite);
    // Fold the WAL back so the file size is the store's size.
    if let Ok(c) = rusqlite::Connection::open(&sqlite_path) {
        let _ = c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    let sqlite_bytes = dir_size(&sqlite_path);
    let per10k = |bytes: u64| bytes as f64 / n as f64 * 10_000.0 / 1_048_576.0;
    let rate = |d: Duration| n as f64 / d.as_secs_f64().max(1e-9);

    println!("synthetic documents: {n} ({} stored texts, {} documents, {} urls; {records} records extracted)",
        s.canonical, s.documents, s.urls);
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );
    println!(
        "pipeline (triage + extraction, rayon): {:>9.0} docs/s  ({:.1} s)",
        rate(t_pipe),
        t_pipe.as_secs_f64()
    );
    println!(
        "{:<10} {:>14} {:>14} {:>16} {:>18}",
        "backend", "store docs/s", "end-to-end/s", "size MiB", "MiB per 10k docs"
    );
    let e2e = |d: Duration| rate(d + t_pipe);
    println!(
        "{:<10} {:>14.0} {:>14.0} {:>16.1} {:>18.1}",
        "sqlite",
        rate(t_sqlite),
        e2e(t_sqlite),
        sqlite_bytes as f64 / 1_048_576.0,
        per10k(sqlite_bytes)
    );
    match (&pg, &pg_url) {
        (Some(pg), Some(url)) => {
            let ps = pg.stats().expect("pg stats");
            assert_eq!(ps, s, "both backends hold the same rows");
            let bytes = postgres::Client::connect(url, postgres::NoTls)
                .and_then(|mut c| c.query_one("SELECT pg_database_size(current_database())", &[]))
                .map(|r| r.get::<_, i64>(0))
                .unwrap_or(0)
                .max(0) as u64;
            println!(
                "{:<10} {:>14.0} {:>14.0} {:>16.1} {:>18.1}",
                "postgres",
                rate(t_pg),
                e2e(t_pg),
                bytes as f64 / 1_048_576.0,
                per10k(bytes)
            );
        }
        _ => println!("postgres   (skipped: NEWSLEDGER_TEST_PG not set)"),
    }
}
