//! Per-stage throughput of the default pipeline (a bench binary, not a test).
//!
//! `cargo bench -p newsledger-pipeline --bench stages -- [MB] [single]` builds a corpus of
//! about MB megabytes (default 10) from the sample reports — as many documents, or with
//! `single` as one document — and prints, for every stage, its time, MB/s and docs/s.

use newsledger_model::{Document, Meta};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mb: f64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(10.0);
    let single = args.iter().any(|a| a == "single");
    let sample = include_str!("../../../corpus/reports.jsonl");
    let texts: Vec<(String, Option<chrono::NaiveDate>)> = sample
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let d = v["published"]
                .as_str()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            (text, d)
        })
        .collect();
    let target = (mb * 1e6) as usize;
    let mut docs: Vec<Document> = Vec::new();
    let mut total = 0usize;
    if single {
        let mut big = String::new();
        while big.len() < target {
            for (t, _) in &texts {
                big.push_str(t);
                big.push_str("\n\n");
            }
        }
        total = big.len();
        let meta = Meta {
            published: texts.first().and_then(|t| t.1),
            ..Meta::default()
        };
        docs.push(Document::new("big", big, meta));
    } else {
        let mut i = 0;
        while total < target {
            let (t, d) = &texts[i % texts.len()];
            total += t.len();
            docs.push(Document::new(
                format!("d{i}"),
                t.clone(),
                Meta {
                    published: *d,
                    ..Meta::default()
                },
            ));
            i += 1;
        }
    }
    let Ok(pipeline) = newsledger_pipeline::default_pipeline() else {
        eprintln!("pipeline does not build");
        return;
    };
    let mbs = total as f64 / 1e6;
    println!(
        "{} documents, {:.1} MB{}",
        docs.len(),
        mbs,
        if single { " (one document)" } else { "" }
    );
    let mut all = 0.0;
    for stage in pipeline.stages() {
        let t0 = Instant::now();
        for d in docs.iter_mut() {
            stage.process(d);
        }
        let s = t0.elapsed().as_secs_f64();
        all += s;
        println!(
            "  {:<10} {:>8.2}s {:>9.2} MB/s {:>10.0} docs/s",
            stage.name(),
            s,
            mbs / s,
            docs.len() as f64 / s
        );
    }
    println!(
        "  {:<10} {:>8.2}s {:>9.2} MB/s {:>10.0} docs/s  (one thread)",
        "total",
        all,
        mbs / all,
        docs.len() as f64 / all
    );
}
