//! The seed article (read from `../shared` at run time, skipped when absent) through a mini
//! pipeline of the stages the events stage needs. Checks the events the issue asks for.

use newsledger_model::{testing, Document, Event, EventStatus, Meta, Pipeline};

fn pipeline() -> Pipeline {
    Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())
        .and_then(|p| p.with(newsledger_time::TimeStage::new()))
        .and_then(|p| p.with(newsledger_entities::EntityStage::new()))
        .and_then(|p| p.with(newsledger_claims::ClaimStage::new()))
        .and_then(|p| p.with(newsledger_events::EventStage::new()))
        .unwrap_or_else(|e| panic!("pipeline: {e}"))
}

fn seed() -> Option<Document> {
    let text = testing::shared_text(testing::SEED)?;
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2022, 1, 8),
        ..Meta::default()
    };
    let mut doc = Document::new("seed", text, meta);
    pipeline().run(&mut doc);
    Some(doc)
}

/// An event of the type whose trigger contains `trigger` and whose clause contains `ctx`.
fn find<'a>(doc: &'a Document, kind: &str, trigger: &str, ctx: &str) -> Option<&'a Event> {
    doc.layers.events.iter().find(|e| {
        e.kind == kind
            && e.trigger.text.to_lowercase().contains(trigger)
            && doc.slice(e.span).contains(ctx)
    })
}

fn place_name(doc: &Document, e: &Event) -> String {
    e.place
        .as_ref()
        .map(|p| doc.entity(p).map(|x| x.name.clone()).unwrap_or(p.clone()))
        .unwrap_or_default()
}

#[test]
fn seed_events() {
    let Some(doc) = seed() else { return };
    for e in &doc.layers.events {
        eprintln!(
            "{} {:<22} {:<40} {:<12} {:<12} {:?} hedged={} claim={:?} agent={:?} target={:?}",
            e.id,
            e.kind,
            e.trigger.text,
            e.date.clone().unwrap_or_default(),
            place_name(&doc, e),
            e.status,
            e.hedged,
            e.claim,
            e.actors.agent.as_ref().map(|a| &a.text),
            e.actors.target.as_ref().map(|a| &a.text),
        );
    }
    let mut held = Vec::new();
    let mut check = |name: &str, ok: bool| {
        eprintln!("{} {name}", if ok { "HOLD" } else { "MISS" });
        if ok {
            held.push(name.to_string());
        }
    };
    let date = |e: Option<&Event>| e.and_then(|e| e.date.clone()).unwrap_or_default();
    let call = find(&doc, "consultation", "call", "Putin")
        .or_else(|| find(&doc, "consultation", "discussed", "Putin"));
    check("call (Saturday)", date(call) == "2022-01-08");
    check(
        "Massimov detained",
        find(&doc, "arrest", "detained", "Massimov").is_some(),
    );
    check(
        "government resigned",
        find(&doc, "resignation", "resign", "government").is_some(),
    );
    check(
        "state of emergency",
        find(&doc, "declaration", "state of emergency", "").is_some(),
    );
    check(
        "alliance deployed",
        find(&doc, "deployment", "deploy", "Russia-led").is_some()
            || find(&doc, "deployment", "head", "Russia-led").is_some(),
    );
    let storm = find(&doc, "assault", "stormed", "airport");
    check(
        "airport stormed (Jan 5)",
        date(storm) == "2022-01-05"
            && storm.is_some_and(|e| place_name(&doc, e).contains("Almaty")),
    );
    check(
        "buildings entered / set fire",
        find(&doc, "assault", "set fire", "administration").is_some()
            || find(&doc, "assault", "entered", "government buildings").is_some(),
    );
    check("clashes", find(&doc, "clash", "clash", "police").is_some());
    check(
        "internet blackout",
        find(&doc, "communications_shutdown", "blackout", "").is_some(),
    );
    let fired = find(&doc, "attack", "fired on", "Security forces");
    check(
        "fired on protesters (Jan 6, hedged)",
        date(fired) == "2022-01-06" && fired.is_some_and(|e| e.hedged),
    );
    check(
        "explosions near Republic Square",
        find(&doc, "explosion", "explosion", "Republic Square").is_some(),
    );
    let mourning = find(&doc, "declaration", "mourning", "Tokayev declared");
    check("day of mourning (Saturday)", date(mourning) == "2022-01-08");
    let order = find(&doc, "order", "ordered", "kill");
    check("order to kill (Friday)", date(order) == "2022-01-07");
    let kill = find(&doc, "killing", "kill", "without warning");
    check(
        "kill without warning is ordered",
        kill.is_some_and(|e| e.status == EventStatus::Ordered),
    );
    let sc = find(&doc, "appointment", "taken over", "Security Council");
    check("Security Council (Wednesday)", date(sc) == "2022-01-05");
    let statue = find(&doc, "demolition", "torn down", "statue");
    check(
        "statue torn down in Taldykorgan",
        statue.is_some_and(|e| place_name(&doc, e).contains("Taldykorgan")),
    );
    let naz = find(&doc, "resignation", "resignation", "March 2019");
    check("Nazarbayev resignation (2019-03)", date(naz) == "2019-03");
    check(
        "Mamin resigned",
        find(&doc, "resignation", "resigned", "Mamin").is_some(),
    );
    check(
        "Smailov appointed",
        find(&doc, "appointment", "appointed", "Smailov").is_some(),
    );
    // Precision: the generic and metaphorical mentions stay out.
    check(
        "no event from 'calls to unite'",
        !doc.layers
            .events
            .iter()
            .any(|e| doc.slice(e.span).contains("calls to unite")),
    );
    check(
        "no event from 'fight against terrorism'",
        !doc.layers
            .events
            .iter()
            .any(|e| doc.slice(e.trigger.span).contains("fight")),
    );
    check(
        "no event from the toll sentence",
        !doc.layers
            .events
            .iter()
            .any(|e| doc.slice(e.span).contains("Dozens have been killed") && e.kind == "killing"),
    );
    eprintln!("{} of the seed checks hold", held.len());
    assert!(
        held.len() >= 15,
        "only {} seed checks hold: {held:?}",
        held.len()
    );
}
