//! The seed article (read from ../shared at run time): the clusters issue 7 asks for.

use newsledger_entities::EntityStage;
use newsledger_model::{testing, Document, Entity, EntityType, Meta, Pipeline};
use newsledger_segment::SegmentStage;

fn run(text: &str) -> Document {
    let p = Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(EntityStage::new()))
        .expect("pipeline");
    let mut doc = Document::new("t", text, Meta::default());
    p.run(&mut doc);
    doc
}

fn dump(doc: &Document) {
    for e in &doc.layers.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}:{:?}", doc.slice(m.span), m.kind))
            .collect();
        eprintln!(
            "{} {:?}/{:?} {} | aliases {:?} | roles {:?} | geo {:?}\n     {}",
            e.id,
            e.kind,
            e.subtype,
            e.name,
            e.aliases,
            e.roles,
            e.geo
                .as_ref()
                .map(|g| (g.geonames_id, g.lat, g.lon, g.country.clone())),
            ms.join(", ")
        );
    }
}

#[test]
fn seed_dump() {
    let Some(text) = testing::shared_text(testing::SEED) else {
        return;
    };
    let doc = run(&text);
    dump(&doc);
    let _: Vec<&Entity> = doc
        .layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .collect();
}
