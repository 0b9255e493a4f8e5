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

fn find<'a>(doc: &'a Document, surface: &str) -> Option<&'a Entity> {
    doc.layers.entities.iter().find(|e| {
        e.name == surface
            || e.name.ends_with(&format!(" {surface}"))
            || e.mentions.iter().any(|m| doc.slice(m.span) == surface)
    })
}

fn surfaces(doc: &Document, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| doc.slice(m.span).to_string())
        .collect()
}

#[test]
fn seed_clusters() {
    let Some(text) = testing::shared_text(testing::SEED) else {
        return;
    };
    let doc = run(&text);
    if std::env::var("NL_DUMP").is_ok() {
        dump(&doc);
    }
    let ent = |s: &str| find(&doc, s).unwrap_or_else(|| panic!("no entity for {s}"));

    // Tokayev = Kassym-Jomart Tokayev = the Kazakh president = "the leader" (line 16).
    let t = ent("Kassym-Jomart Tokayev");
    assert_eq!(t.kind, EntityType::Person);
    let ts = surfaces(&doc, t);
    for s in ["Tokayev", "The Kazakh president", "the leader"] {
        assert!(ts.iter().any(|x| x == s), "Tokayev lacks {s}: {ts:?}");
    }
    let line16 = text.lines().nth(15).unwrap_or("");
    let l16 = text.find(line16).unwrap_or(0);
    assert!(t
        .mentions
        .iter()
        .any(|m| doc.slice(m.span) == "the leader" && m.span.start() >= l16));

    // Nazarbayev = Nursultan Nazarbayev = Kazakhstan's former president = the longtime
    // leader = the leader of the nation.
    let n = ent("Nursultan Nazarbayev");
    assert_eq!(n.kind, EntityType::Person);
    let ns = surfaces(&doc, n);
    for s in [
        "Nazarbayev",
        "the longtime leader",
        "The leader of the nation",
    ] {
        assert!(ns.iter().any(|x| x == s), "Nazarbayev lacks {s}: {ns:?}");
    }
    assert!(
        n.roles.iter().any(|r| r.contains("former president")),
        "{:?}",
        n.roles
    );
    assert_ne!(t.id, n.id);

    // The capital: Nursultan = Nur-Sultan city = the capital, a place, never the person.
    let c = ent("Nur-Sultan");
    assert_eq!(c.kind, EntityType::Place);
    assert_eq!(c.subtype.as_deref(), Some("city"));
    let cs = surfaces(&doc, c);
    for s in ["Nursultan", "Nur-Sultan", "the capital"] {
        assert!(cs.iter().any(|x| x == s), "capital lacks {s}: {cs:?}");
    }
    assert!(!ns.iter().any(|x| x == "Nursultan"));

    // Khabar 24 = the state broadcaster; an outlet.
    let k = ent("Khabar 24");
    assert_eq!(
        (k.kind, k.subtype.as_deref()),
        (EntityType::Org, Some("media"))
    );
    assert!(surfaces(&doc, k)
        .iter()
        .any(|x| x == "the state broadcaster"));

    // Almaty the city and the Almaty region are different places.
    let a = ent("Almaty");
    let ar = ent("Almaty region");
    assert_ne!(a.id, ar.id);
    assert_eq!(a.subtype.as_deref(), Some("city"));
    assert_eq!(ar.subtype.as_deref(), Some("region"));

    // Places with coordinates (Republic Square may have none).
    for p in ["Kazakhstan", "Almaty", "Nursultan", "Taldykorgan", "Russia"] {
        let e = ent(p);
        assert_eq!(e.kind, EntityType::Place, "{p}");
        let g = e.geo.as_ref().unwrap_or_else(|| panic!("{p} has no geo"));
        assert!(
            g.geonames_id.is_some() && g.lat.is_some() && g.lon.is_some(),
            "{p}"
        );
    }
    assert_eq!(ent("Republic Square").kind, EntityType::Place);

    // People with roles.
    for (p, role) in [
        ("Putin", "President"),
        ("Tokayev", "president"),
        (
            "Massimov",
            "former head of Kazakhstan’s National Security Committee",
        ),
        ("Nazarbayev", "former president"),
        ("Ukibai", "press secretary"),
        ("Mamin", "Prime Minister"),
        ("Smailov", "acting prime minister"),
    ] {
        let e = ent(p);
        assert_eq!(e.kind, EntityType::Person, "{p}");
        assert!(
            e.roles.iter().any(|r| r.contains(role)),
            "{p}: {:?}",
            e.roles
        );
    }
    // Ukibai is "his press secretary" too, before he is named.
    assert!(surfaces(&doc, ent("Ukibai"))
        .iter()
        .any(|x| x == "his press secretary"));

    for o in [
        "Kremlin",
        "National Security Committee",
        "Interior Ministry",
        "State Department",
    ] {
        let e = ent(o);
        assert_eq!(
            (e.kind, e.subtype.as_deref()),
            (EntityType::Org, Some("government")),
            "{o}"
        );
    }
    for o in ["Khabar 24", "TASS", "CNN"] {
        let e = ent(o);
        assert_eq!(
            (e.kind, e.subtype.as_deref()),
            (EntityType::Org, Some("media")),
            "{o}"
        );
    }
    assert_eq!(ent("Twitter").kind, EntityType::Platform);

    // None of the generic tagger's errors, and no sentence-initial common words.
    for bad in [
        "Flurry",
        "Flurry of rumors",
        "Meanwhile",
        "Violent",
        "Security forces",
        "Security",
        "Kazakh",
        "Russian",
    ] {
        assert!(find(&doc, bad).is_none(), "{bad} should not be an entity");
    }
}

/// Throughput of segment + entities on the seed repeated (run with --release --ignored).
#[test]
#[ignore]
fn bench_seed() {
    let Some(text) = testing::shared_text(testing::SEED) else {
        return;
    };
    let _ = run(&text);
    let n = 300;
    let t0 = std::time::Instant::now();
    for _ in 0..n {
        let _ = run(&text);
    }
    let s = t0.elapsed().as_secs_f64();
    eprintln!(
        "segment+entities: {:.0} docs/s, {:.2} MB/s",
        n as f64 / s,
        (n * text.len()) as f64 / 1e6 / s
    );
}
