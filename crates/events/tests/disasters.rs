//! The fictional disaster reports of the sample corpus (`corpus/disasters.jsonl`, gold in
//! `corpus/gold/disaster_events.jsonl`) through the stages the events stage needs, with the
//! figures stage so that figures can be tied to their events.

use newsledger_model::{Document, Meta, Pipeline};
use serde_json::Value;

fn pipeline() -> Pipeline {
    Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())
        .and_then(|p| p.with(newsledger_time::TimeStage::new()))
        .and_then(|p| p.with(newsledger_entities::EntityStage::new()))
        .and_then(|p| p.with(newsledger_claims::ClaimStage::new()))
        .and_then(|p| p.with(newsledger_figures::FigureStage::new()))
        .and_then(|p| p.with(newsledger_events::EventStage::new()))
        .unwrap_or_else(|e| panic!("pipeline: {e}"))
}

fn lines(rel: &str) -> Vec<Value> {
    let path = format!("{}/../../{rel}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect()
}

fn run(id: &str) -> Document {
    let docs = lines("corpus/disasters.jsonl");
    let d = docs
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id}"));
    let meta = Meta {
        published: d["published"]
            .as_str()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
        ..Meta::default()
    };
    let mut doc = Document::new(id, d["text"].as_str().unwrap_or(""), meta);
    pipeline().run(&mut doc);
    doc
}

#[test]
fn every_gold_disaster_event_is_found_with_its_type() {
    let mut found = 0;
    let gold = lines("corpus/gold/disaster_events.jsonl");
    for g in &gold {
        let doc = run(g["doc"].as_str().unwrap_or(""));
        let trig = g["trigger"].as_str().unwrap_or("");
        let at = doc.text.find(trig).unwrap_or(usize::MAX);
        let hit = doc.layers.events.iter().any(|e| {
            e.kind == g["type"].as_str().unwrap_or("")
                && e.trigger.span.start() < at + trig.len()
                && at < e.trigger.span.end()
        });
        found += usize::from(hit);
    }
    // Every event but at most one of the invented reports.
    assert!(found + 1 >= gold.len(), "{found} of {}", gold.len());
}

#[test]
fn the_quake_toll_hangs_on_the_quake() {
    let doc = run("fpa-20310412-velgrad-quake");
    let quake = doc
        .layers
        .events
        .iter()
        .find(|e| e.kind == "earthquake")
        .map(|e| e.id.clone());
    assert!(quake.is_some(), "{:?}", doc.layers.events);
    let killed = doc
        .layers
        .figures
        .iter()
        .find(|f| f.metric == "killed")
        .unwrap_or_else(|| panic!("no toll: {:?}", doc.layers.figures));
    assert_eq!(killed.event, quake);
    // One earthquake however often it is named.
    let quakes = doc.layers.events.iter().filter(|e| e.kind == "earthquake");
    assert_eq!(quakes.count(), 1);
}

#[test]
fn a_capsized_ferry_is_a_transport_accident_not_a_killing() {
    let doc = run("oc-20310503-orvan-ferry");
    assert!(doc
        .layers
        .events
        .iter()
        .any(|e| e.kind == "transport_accident" && e.trigger.text == "capsized"));
    assert!(!doc.layers.events.iter().any(|e| e.kind == "killing"));
}

#[test]
fn tolls_of_a_quake_story_count_against_the_quake_not_its_collapses() {
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2031, 4, 8),
        ..Meta::default()
    };
    let mut doc = Document::new(
        "quake-collapse",
        "A powerful earthquake struck the hill province on Monday, the civil defence \
         agency said.\n\nThe earthquake flattened whole streets of the old town.\n\n\
         At least 40 people were killed when buildings collapsed in the old town, \
         the agency said.",
        meta,
    );
    pipeline().run(&mut doc);
    let quake = doc
        .layers
        .events
        .iter()
        .find(|e| e.kind == "earthquake")
        .unwrap_or_else(|| panic!("no earthquake: {:#?}", doc.layers.events));
    let killed = doc
        .layers
        .figures
        .iter()
        .find(|f| f.metric == "killed")
        .unwrap_or_else(|| panic!("no toll: {:#?}", doc.layers.figures));
    assert_eq!(
        killed.event.as_deref(),
        Some(quake.id.as_str()),
        "{:#?}",
        doc.layers.events
    );
}
