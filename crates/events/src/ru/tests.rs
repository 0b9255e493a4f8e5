//! Russian triggers on sentences written for these tests (invented places and events).

use newsledger_model::{Document, Event, Meta, Stage};

fn events(text: &str) -> Vec<Event> {
    let meta = Meta {
        language: Some("ru".into()),
        ..Meta::default()
    };
    let mut doc = Document::new("t", text, meta);
    newsledger_segment::SegmentStage::new().process(&mut doc);
    newsledger_entities::EntityStage::new().process(&mut doc);
    crate::EventStage::new().process(&mut doc);
    doc.layers.events
}

fn kinds(es: &[Event]) -> Vec<&str> {
    es.iter().map(|e| e.kind.as_str()).collect()
}

#[test]
fn inflected_hazard_triggers_make_one_event_per_document() {
    let es = events(
        "Землетрясение магнитудой 5,1 произошло под Ольховском. После землетрясения жители ночевали на улице.",
    );
    assert_eq!(kinds(&es), ["earthquake"]);
    assert_eq!(es[0].trigger.text, "Землетрясение");
}

#[test]
fn fire_is_not_firefighters_and_a_negated_trigger_is_no_event() {
    let es =
        events("Пожарные прибыли к складу через десять минут. Взрыва не было, сообщили очевидцы.");
    assert!(es.is_empty(), "{es:#?}");
    let es =
        events("Не было ни взрыва, ни пожара. Склад горел всю ночь, при пожаре пострадал сторож.");
    assert_eq!(kinds(&es), ["fire"]);
}

#[test]
fn a_trigger_needs_its_context_words_and_respects_its_vetoes() {
    let es = events("Рейс задержан на три часа из-за тумана.");
    assert!(es.is_empty(), "{es:#?}");
    let es = events("Полиция задержала двух участников акции протеста у мэрии.");
    assert_eq!(kinds(&es), ["arrest", "protest"]);
    let es = events("На трассе автобус столкнулся с грузовиком.");
    assert_eq!(kinds(&es), ["transport_accident"]);
    let es = events("У стадиона произошли столкновения болельщиков с полицией.");
    assert_eq!(kinds(&es), ["clash"]);
}

#[test]
fn events_take_the_place_named_in_their_sentence() {
    let t = "В Хабаровске из-за паводка эвакуировали двести человек.";
    let es = events(t);
    assert_eq!(kinds(&es), ["flood", "evacuation"]);
    assert!(es.iter().all(|e| e.place.is_some()), "{es:#?}");
}
