//! Scratch: run segment, time, entities and claims over a jsonl of documents (`id`, `text`,
//! `published`) and print each document's claims as jsonl spans (speaker, cue, content), the
//! shape `../shared/tools/score_attribution.py` reads. For quick iteration on the claims
//! stage; `newsledger extract` is the reference.
use newsledger_model::{Document, Meta, Stage};
use std::io::{BufRead, Write};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: attribution_pred DOCS.jsonl");
        return;
    };
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("cannot open {path}");
        return;
    };
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(newsledger_segment::SegmentStage::new()),
        Box::new(newsledger_time::TimeStage::new()),
        Box::new(newsledger_entities::EntityStage::new()),
        Box::new(newsledger_claims::ClaimStage::new()),
    ];
    let mut out = std::io::stdout().lock();
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        let text = v["text"].as_str().unwrap_or("").to_string();
        let published = v["published"]
            .as_str()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let meta = Meta {
            published,
            ..Meta::default()
        };
        let mut doc = Document::new(id.clone(), text, meta);
        for s in &stages {
            s.process(&mut doc);
        }
        let claims: Vec<serde_json::Value> = doc
            .layers
            .claims
            .iter()
            .map(|c| {
                let content: Vec<[usize; 2]> =
                    c.content.iter().map(|s| [s.start(), s.end()]).collect();
                serde_json::json!({
                    "speaker": match &c.speaker {
                        Some(s) if !s.text.is_empty() => {
                            serde_json::json!({"span": [s.span.start(), s.span.end()]})
                        }
                        _ => serde_json::Value::Null,
                    },
                    "cue": {"span": [c.cue.span.start(), c.cue.span.end()]},
                    "content": content,
                })
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::json!({"id": id, "claims": claims}));
    }
}
