//! Print the events of documents from a JSONL file (`id`, `published`, `text`), for
//! development: `cargo run -p newsledger-events --example dump -- FILE [ID]`.

use newsledger_model::{Document, Meta, Pipeline};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: dump FILE [ID]");
        return;
    };
    let want = args.get(2);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let Ok(p) = Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())
        .and_then(|p| p.with(newsledger_time::TimeStage::new()))
        .and_then(|p| p.with(newsledger_entities::EntityStage::new()))
        .and_then(|p| p.with(newsledger_claims::ClaimStage::new()))
        .and_then(|p| p.with(newsledger_events::EventStage::new()))
    else {
        return;
    };
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        if want.is_some_and(|w| !id.contains(w.as_str())) {
            continue;
        }
        let meta = Meta {
            published: v["published"]
                .as_str()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            ..Meta::default()
        };
        let mut doc = Document::new(id.clone(), v["text"].as_str().unwrap_or(""), meta);
        p.run(&mut doc);
        if std::env::var_os("DUMP_JSON").is_some() {
            for e in &doc.layers.events {
                let names: Vec<String> = e
                    .place
                    .as_ref()
                    .map(|p| match doc.entity(p) {
                        Some(x) => std::iter::once(x.name.clone())
                            .chain(x.aliases.iter().cloned())
                            .collect(),
                        None => vec![p.clone()],
                    })
                    .unwrap_or_default();
                let v = serde_json::json!({"doc": id, "type": e.kind, "trigger": e.trigger.text,
                    "start": e.trigger.span.start(), "end": e.trigger.span.end(),
                    "date": e.date, "place": names, "status": e.status,
                    "sentence": doc.slice(e.span)});
                println!("{v}");
            }
            continue;
        }
        println!("=== {id}");
        if want.is_some() {
            for t in &doc.layers.timexes {
                println!("  T {} {:?} {}", t.id, t.text, t.value);
            }
            for e in &doc.layers.entities {
                if e.kind == newsledger_model::EntityType::Place {
                    let ms: Vec<&str> = e.mentions.iter().map(|m| doc.slice(m.span)).collect();
                    println!("  P {} {} {:?} {:?}", e.id, e.name, e.subtype, ms);
                }
            }
        }
        for e in &doc.layers.events {
            let place = e
                .place
                .as_ref()
                .map(|p| doc.entity(p).map(|x| x.name.clone()).unwrap_or(p.clone()));
            println!(
                "  {} {} {:?} date={:?} place={:?} {:?} hedged={} | {}",
                e.id,
                e.kind,
                e.trigger.text,
                e.date,
                place,
                e.status,
                e.hedged,
                doc.slice(e.span).chars().take(120).collect::<String>()
            );
        }
    }
}
