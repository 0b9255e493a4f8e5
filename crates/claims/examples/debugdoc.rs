//! Scratch: print the claims of one corpus document (jsonl line with "id" and "text").
use newsledger_model::{Document, Meta};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["id"].as_str() != Some(args[2].as_str()) {
            continue;
        }
        let mut doc = Document::new("d", v["text"].as_str().unwrap(), Meta::default());
        let p = newsledger_pipeline::default_pipeline().unwrap();
        p.run_until(&mut doc, "claims");
        for c in &doc.layers.claims {
            let content: Vec<&str> = c.content.iter().map(|s| doc.slice(*s)).collect();
            let via: Vec<&str> = c.via.iter().map(|v| v.name.as_str()).collect();
            let h: Vec<&str> = c.hedges.iter().map(|h| h.text.as_str()).collect();
            println!(
                "{} [{}|{}] {} via={:?} {:?} h={:?} {:?}",
                c.id, c.speaker.text, c.speaker.name, c.cue.text, via, c.kind, h, content
            );
        }
    }
}
