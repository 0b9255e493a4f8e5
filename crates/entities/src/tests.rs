use super::*;
use crate::gazetteer::{PlaceKind, GAZ};
use crate::lexicon::{KnownKind, KNOWN, ROLE};
use newsledger_model::EntityType;

#[test]
fn gazetteer_knows_transliterations_and_hand_aliases() {
    for (name, id) in [
        ("Nur-Sultan", 1526273),
        ("Nursultan", 1526273),
        ("Astana", 1526273),
        ("Alma-Ata", 1526384),
        ("Almaty", 1526384),
        ("Kiev", 703448),
    ] {
        let idx = GAZ
            .best(name, &[], false)
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(GAZ.place(idx).map(|p| p.id), Some(id), "{name}");
    }
    let kz = GAZ
        .country("KZ")
        .and_then(|i| GAZ.place(i))
        .expect("Kazakhstan");
    assert_eq!(kz.kind, PlaceKind::Country);
    assert_eq!(kz.capital, Some(1526273));
    assert!(lookup_place("Taldykorgan").and_then(|g| g.lat).is_some());
}

#[test]
fn countries_win_over_namesake_towns_unless_the_text_says_city() {
    let idx = GAZ.best("Mexico", &[], false).expect("Mexico");
    assert_eq!(GAZ.place(idx).map(|p| p.kind), Some(PlaceKind::Country));
    let idx = GAZ.best("Kuwait", &[], true).expect("Kuwait City");
    assert_eq!(GAZ.place(idx).map(|p| p.kind), Some(PlaceKind::City));
}

#[test]
fn lexicons_parse() {
    assert_eq!(KNOWN.get("Khabar 24").map(|k| k.subtype), Some("media"));
    assert_eq!(
        KNOWN.get("Twitter").map(|k| k.kind),
        Some(KnownKind::Platform)
    );
    assert_eq!(
        KNOWN.get("CSTO").map(|k| k.canonical),
        Some("Collective Security Treaty Organization")
    );
    assert!(ROLE.get("press secretary").is_some());
    assert!(ROLE.get("president").is_some_and(|r| r.leader));
}

/// A spent budget stops the stage before its first sentence's names; unlimited, the same
/// text has them.
#[test]
fn a_spent_budget_stops_the_entity_stage() {
    use newsledger_model::{Budget, Meta, Stage};
    let text = "Mayor Lena Hart visited Ostrin on Monday. Tom Reed stayed in Ostrin.\n";
    let run = |budget: Budget| {
        let mut doc = Document::new("t", text, Meta::default());
        newsledger_segment::SegmentStage::new().process(&mut doc);
        doc.budget = budget;
        EntityStage::new().process(&mut doc);
        doc.layers.entities.len()
    };
    assert_eq!(run(Budget::of(std::time::Duration::ZERO)), 0);
    assert!(run(Budget::unlimited()) >= 2);
}

#[test]
fn world_regions_are_places() {
    let n = crate::test_names::names("Aid flights left Europe for the Middle East on Tuesday.");
    assert!(n.contains(&("Europe".into(), EntityType::Place)), "{n:?}");
    assert!(
        n.contains(&("Middle East".into(), EntityType::Place)),
        "{n:?}"
    );
}

#[test]
fn a_tail_head_that_takes_of_makes_one_body() {
    let n = crate::test_names::names(
        "The count was checked by the Talvaria Institute of Rural Studies last year.",
    );
    assert!(
        n.contains(&(
            "Talvaria Institute of Rural Studies".into(),
            EntityType::Org
        )),
        "{n:?}"
    );
}

#[test]
fn parts_of_a_country_keep_their_own_entity() {
    let p = newsledger_model::Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())
        .and_then(|p| p.with(EntityStage::new()))
        .expect("pipeline");
    let text = "Rain hit England on Monday. The UK weather office said more would fall.";
    let mut doc = newsledger_model::Document::new("t", text, newsledger_model::Meta::default());
    p.run(&mut doc);
    let places: Vec<&str> = doc
        .layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        places.contains(&"England") && places.len() == 2,
        "{places:?}"
    );
}

#[test]
fn a_valley_or_camp_lead_makes_a_site() {
    let n = crate::test_names::names("Water rushed down Wadi Kessar towards the town of Pellik.");
    assert!(
        n.contains(&("Wadi Kessar".into(), EntityType::Place)),
        "{n:?}"
    );
}

#[test]
fn world_regions_are_typed_apart_from_sites() {
    let mut d = Document::new(
        "t",
        "Aid flights left Europe for the capital on Tuesday.",
        newsledger_model::Meta::default(),
    );
    newsledger_segment::SegmentStage::new().process(&mut d);
    EntityStage::new().process(&mut d);
    let subtype = |name: &str| {
        d.layers
            .entities
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.subtype.clone())
    };
    assert_eq!(
        subtype("Europe").as_deref(),
        Some("world_region"),
        "{:?}",
        d.layers.entities
    );
}
