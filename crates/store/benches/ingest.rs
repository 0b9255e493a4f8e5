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
//! The pipeline is timed on its own (on documents recombined from the corpus' paragraphs),
//! then the store is timed on N documents made from the 23 processed reports: each variant
//! replaces about half of the words with random letters of the same byte length, so every
//! span and record stays valid while texts stop sharing shingles (no false near-copies);
//! 4% are exact copies under another URL and 4% revisions of an earlier URL, so the
//! duplicate and version paths run too. Batches of 64 documents, one transaction each.
//! End-to-end throughput = 1 / (1/pipeline + 1/store).

use newsledger_model::Document;
use newsledger_store::{Incoming, Store};
use rayon::prelude::*;
use std::time::{Duration, Instant};

const CHUNK: usize = 2_000;

/// CPU seconds (user + system) a process has used, from /proc (Linux); 0 elsewhere. Wall
/// time on a shared 2-core machine says more about the neighbours than about the store, so
/// the bench reports documents per CPU-second too.
fn cpu_seconds(pid: &str) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // Fields after the ")" that closes the command name; utime and stime are 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| f.get(i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}
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

/// Documents recombined from the corpus' paragraphs, for timing the pipeline.
fn recombined(p: &Pool, i: usize) -> Document {
    let mut r = Rng(0x9e37_79b9 ^ (i as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut text = p.heads[r.below(p.heads.len())].clone();
    for _ in 0..4 + r.below(3) {
        text.push('\n');
        text.push_str(&p.paras[r.below(p.paras.len())]);
    }
    Document::new(
        format!("rec-{i}"),
        text,
        newsledger_model::Meta {
            published: chrono::NaiveDate::from_ymd_opt(2031, 3, 1 + (i % 11) as u32),
            title: None,
            url: Some(format!("https://recombined.example/{i}")),
            outlet: p.outlets.get(i % p.outlets.len()).cloned(),
            language: None,
        },
    )
}

/// Replace about half of the ASCII words with random letters of the same length: byte
/// offsets (and so every record's spans) are unchanged.
fn scramble(text: &str, r: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, r: &mut Rng| {
        if !word.is_empty() && r.below(2) == 0 {
            for (k, c) in word.chars().enumerate() {
                let l = (b'a' + r.below(26) as u8) as char;
                out.push(if k == 0 && c.is_ascii_uppercase() {
                    l.to_ascii_uppercase()
                } else {
                    l
                });
            }
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, r);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, r);
    out
}

fn variant(base: &[Document], i: usize, prev: Option<&Document>, outlets: &[String]) -> Incoming {
    let mut r = Rng(0x51_7cc1_b727_220a ^ (i as u64 + 1).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let roll = r.below(100);
    if let (Some(prev), true) = (prev, roll < 4) {
        let mut d = prev.clone();
        d.id = format!("syn-{i}");
        d.meta.url = Some(format!("https://copy.example/{i}"));
        d.meta.outlet = outlets.get(r.below(outlets.len())).cloned();
        return Incoming {
            doc: d,
            processed: true,
        };
    }
    let b = &base[i % base.len()];
    let mut d = b.clone();
    d.text = scramble(&b.text, &mut r);
    d.id = format!("syn-{i}");
    d.meta.url = match (prev, roll < 8) {
        (Some(prev), true) => prev.meta.url.clone(),
        _ => Some(format!("https://synthetic.example/{i}")),
    };
    d.meta.published = chrono::NaiveDate::from_ymd_opt(2031, 3, 1 + (i % 11) as u32);
    Incoming {
        doc: d,
        processed: true,
    }
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

    // 1. The pipeline alone.
    let pipe_n = 2_000.min(n);
    let mut docs: Vec<Document> = (0..pipe_n).map(|i| recombined(&p, i)).collect();
    let t = Instant::now();
    docs.par_iter_mut().for_each(|d| pipeline.run(d));
    let t_pipe = t.elapsed();
    let pipe_rate = pipe_n as f64 / t_pipe.as_secs_f64().max(1e-9);
    drop(docs);

    // 2. The stores.
    let mut base: Vec<Document> = Vec::new();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/reports.jsonl");
    newsledger_ingest::read_input(path, &Default::default(), &mut |item| {
        if let newsledger_ingest::Item::Doc(mut d) = item {
            pipeline.run(&mut d);
            d.layers.tokens = Vec::new();
            base.push(d);
        }
    });
    let tmp = tempfile::tempdir().expect("temp dir");
    let sqlite_path = tmp.path().join("bench.db");
    let sqlite =
        newsledger_store::open(sqlite_path.to_str().unwrap_or("bench.db")).expect("sqlite");
    let pg_url = newsledger_store::testing::fresh_pg_database("bench");
    let pg: Option<Box<dyn Store>> = pg_url
        .as_deref()
        .map(|u| newsledger_store::open(u).expect("postgres"));

    let budget = std::env::var("NEWSLEDGER_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .map(Duration::from_secs_f64);
    let started = Instant::now();
    let mut cpu_sqlite = 0.0;
    let mut cpu_pg = 0.0;
    let mut t_sqlite = Duration::ZERO;
    let mut t_pg = Duration::ZERO;
    let mut prev: Option<Document> = None;
    let mut records = 0usize;
    let mut made = 0;
    let backend_pid = pg.as_ref().and_then(|_| {
        // The store's own connection is the newest backend of the bench database.
        let url = pg_url.as_deref()?;
        let db = url.rsplit('/').next()?.split('?').next()?.to_string();
        let mut c = postgres::Client::connect(url, postgres::NoTls).ok()?;
        let row = c
            .query_one(
                "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() \
                 ORDER BY backend_start DESC LIMIT 1",
                &[&db],
            )
            .ok()?;
        Some(row.get::<_, i32>(0).to_string())
    });
    while made < n {
        if budget.is_some_and(|b| started.elapsed() > b) {
            eprintln!("time budget reached at {made} documents");
            break;
        }
        let count = CHUNK.min(n - made);
        let mut incoming = Vec::with_capacity(count);
        for i in made..made + count {
            let inc = variant(&base, i, prev.as_ref(), &p.outlets);
            prev = Some(inc.doc.clone());
            incoming.push(inc);
        }
        made += count;
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
        let c0 = cpu_seconds("self");
        for b in incoming.chunks(BATCH) {
            sqlite.put_batch(b, version).expect("sqlite batch");
        }
        cpu_sqlite += cpu_seconds("self") - c0;
        let dt_sqlite = t.elapsed();
        t_sqlite += dt_sqlite;
        let mut dt_pg = Duration::ZERO;
        if let Some(pg) = &pg {
            let t = Instant::now();
            let c0 = cpu_seconds("self");
            let s0 = backend_pid.as_deref().map_or(0.0, cpu_seconds);
            for b in incoming.chunks(BATCH) {
                pg.put_batch(b, version).expect("postgres batch");
            }
            cpu_pg +=
                cpu_seconds("self") - c0 + backend_pid.as_deref().map_or(0.0, cpu_seconds) - s0;
            dt_pg = t.elapsed();
            t_pg += dt_pg;
        }
        eprintln!(
            "… {made} documents (this chunk: sqlite {:.0}/s, postgres {:.0}/s)",
            count as f64 / dt_sqlite.as_secs_f64().max(1e-9),
            count as f64 / dt_pg.as_secs_f64().max(1e-9)
        );
    }

    let target = n;
    let n = made;
    let s = sqlite.stats().expect("stats");
    drop(sqlite);
    // Fold the WAL back so the file size is the store's size.
    if let Ok(c) = rusqlite::Connection::open(&sqlite_path) {
        let _ = c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    let sqlite_bytes = dir_size(&sqlite_path);
    let per10k = |bytes: u64| bytes as f64 / n as f64 * 10_000.0 / 1_048_576.0;
    let rate = |d: Duration| n as f64 / d.as_secs_f64().max(1e-9);

    if n < target {
        println!("stopped at the time budget: {n} of {target} documents");
    }
    println!(
        "synthetic documents: {n} ({} stored texts, {} documents, {} urls; {records} records)",
        s.canonical, s.documents, s.urls
    );
    println!(
        "machine: {} cores",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );
    println!(
        "pipeline alone (rayon, {pipe_n} recombined docs, {:.1} s wall): {pipe_rate:.0} docs/s",
        t_pipe.as_secs_f64()
    );
    println!(
        "{:<10} {:>14} {:>14} {:>16} {:>18}",
        "backend", "store docs/s", "end-to-end/s", "size MiB", "MiB per 10k docs"
    );
    println!(
        "(wall clock; per CPU-second the stores wrote: sqlite {:.0} docs, postgres {:.0} docs \
         counting client and server)",
        n as f64 / cpu_sqlite.max(1e-9),
        n as f64 / cpu_pg.max(1e-9)
    );
    let e2e = |d: Duration| 1.0 / (1.0 / rate(d) + 1.0 / pipe_rate);
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
