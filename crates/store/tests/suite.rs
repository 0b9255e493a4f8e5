//! One behaviour suite, run against every backend: SQLite always, PostgreSQL when
//! `NEWSLEDGER_TEST_PG` names a server (skipped with a note otherwise).

use newsledger_model::{Span, ValueKind};
use newsledger_store::analysis;
use newsledger_store::testing::{add_claim, add_event, add_figure, doc, fresh_pg_database};
use newsledger_store::{export, Filter, Incoming, PutOutcome, Store, Triage};

const V1: &str = "test/1";

fn put(store: &dyn Store, d: &newsledger_model::Document) -> PutOutcome {
    let out = store
        .put_batch(
            &[Incoming {
                doc: d.clone(),
                processed: true,
            }],
            V1,
        )
        .expect("batch commits");
    out.into_iter().next().expect("one outcome")
}

/// Long enough for near-copy detection (≥ 40 words).
const BODY: &[&str] = &[
    "Flood water swept through the lower districts of Kestrel Bay overnight, residents said.",
    "The regional emergency office said 14 people were killed and dozens more were missing.",
    "Rescue crews used boats to reach families stranded on roofs in the old harbour quarter.",
    "Officials said the river had risen faster than at any time since records began in the town.",
];

fn base_doc() -> newsledger_model::Document {
    let mut d = doc(
        "a1",
        Some("https://one.example/flood"),
        "Harbour Herald",
        "2031-05-02",
        BODY,
    );
    add_figure(
        &mut d,
        "killed",
        "14 people",
        ValueKind::Exact,
        14,
        Some(14),
        "unspecified",
        Some("Kestrel Bay"),
        Some("2031-05-02"),
        &["Ministry of Internal Affairs"],
    );
    add_event(
        &mut d,
        "flood",
        "Flood water swept",
        Some("Kestrel Bay"),
        Some("2031-05-01"),
    );
    d
}

fn idempotent_and_versions(store: &dyn Store) {
    let d = base_doc();
    assert!(matches!(
        put(store, &d),
        PutOutcome::Stored {
            version: 1,
            records: 2,
            ..
        }
    ));
    let s1 = store.stats().unwrap();
    assert_eq!(
        (s1.documents, s1.contents, s1.figures, s1.events),
        (1, 1, 1, 1)
    );
    // Same URL, same text (modulo white space and case): nothing changes.
    let mut again = d.clone();
    again.text = again.text.replace(". ", ".  ");
    assert_eq!(store.triage(&[&again]).unwrap(), vec![Triage::Unchanged]);
    assert!(matches!(put(store, &d), PutOutcome::Unchanged { .. }));
    assert_eq!(store.stats().unwrap(), s1);

    // Same URL, new text: version 2, both kept, the latest current.
    let mut rev = doc("a1", Some("https://one.example/flood/"), "Harbour Herald", "2031-05-03", &[
        BODY[0], "The regional emergency office said 19 people were killed and dozens more were missing.",
        BODY[2], BODY[3],
    ]);
    add_figure(
        &mut rev,
        "killed",
        "19 people",
        ValueKind::Exact,
        19,
        Some(19),
        "unspecified",
        Some("Kestrel Bay"),
        Some("2031-05-02"),
        &["Interior Ministry"],
    );
    assert_eq!(store.triage(&[&rev]).unwrap(), vec![Triage::New]);
    assert!(matches!(
        put(store, &rev),
        PutOutcome::Stored { version: 2, .. }
    ));
    let s2 = store.stats().unwrap();
    assert_eq!(
        (s2.documents, s2.contents, s2.urls, s2.figures),
        (2, 2, 1, 2)
    );
    let docs = store.documents(&Filter::default()).unwrap();
    let current: Vec<i64> = docs
        .iter()
        .filter(|d| d.doc.is_current)
        .map(|d| d.doc.version)
        .collect();
    assert_eq!(current, vec![2]);

    // The ministry's two spellings are one origin; the revision is a conflict.
    let figs = store
        .figures(&Filter {
            metric: Some("killed".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(figs.len(), 2);
    assert_eq!(figs[0].origin_key, figs[1].origin_key);
    let apps = store
        .appearances(&figs.iter().map(|f| f.doc.content_id).collect::<Vec<_>>())
        .unwrap();
    let conf = analysis::conflicts(&figs, &apps);
    assert_eq!(conf.len(), 1);
    assert_eq!(conf[0].kinds, vec![analysis::ConflictKind::Revisions]);
    assert_eq!(conf[0].sides.len(), 2);
    assert!(conf[0]
        .sides
        .iter()
        .any(|s| s.evidence[0].sentence.contains("19 people")));
    assert!(conf[0]
        .sides
        .iter()
        .any(|s| s.evidence[0].sentence.contains("14 people")));
    // The best estimate uses the current version.
    let est = analysis::estimates(&figs, &apps);
    assert_eq!(est.len(), 1);
    assert_eq!(est[0].value.low, 19);
}

fn copies_are_stored_once(store: &dyn Store) {
    let d = base_doc();
    put(store, &d);
    // Exact copy under another outlet.
    let mut copy = d.clone();
    copy.id = "b1".into();
    copy.meta.url = Some("https://two.example/news/flood".into());
    copy.meta.outlet = Some("Valley Times".into());
    assert_eq!(store.triage(&[&copy]).unwrap(), vec![Triage::Copy]);
    assert!(matches!(
        put(store, &copy),
        PutOutcome::Duplicate { near: false, .. }
    ));
    // Near copy: new dateline and a credit line, same numbers.
    let mut near = doc(
        "c1",
        Some("https://three.example/a/77"),
        "Coast Daily",
        "2031-05-02",
        &[
            "KESTREL BAY (Wire) -",
            BODY[0],
            BODY[1],
            BODY[2],
            BODY[3],
            "Reporting by the wire desk.",
        ],
    );
    add_figure(
        &mut near,
        "killed",
        "14 people",
        ValueKind::Exact,
        14,
        Some(14),
        "unspecified",
        Some("Kestrel Bay"),
        Some("2031-05-02"),
        &["Interior Ministry"],
    );
    assert_eq!(store.triage(&[&near]).unwrap(), vec![Triage::Copy]);
    assert!(matches!(
        put(store, &near),
        PutOutcome::Duplicate { near: true, .. }
    ));
    // Same text but an updated toll is news, not a copy.
    let mut upd = doc("d1", Some("https://four.example/flood-update"), "Coast Daily", "2031-05-02", &[
        BODY[0], "The regional emergency office said 17 people were killed and dozens more were missing.",
        BODY[2], BODY[3],
    ]);
    add_figure(
        &mut upd,
        "killed",
        "17 people",
        ValueKind::Exact,
        17,
        Some(17),
        "unspecified",
        Some("Kestrel Bay"),
        Some("2031-05-02"),
        &["state television Kanal 5"],
    );
    assert!(matches!(
        put(store, &upd),
        PutOutcome::Stored { version: 1, .. }
    ));

    let s = store.stats().unwrap();
    assert_eq!(
        (s.documents, s.contents, s.canonical, s.figures, s.events),
        (4, 3, 2, 2, 1)
    );
    let figs = store.figures(&Filter::default()).unwrap();
    let apps = store
        .appearances(&figs.iter().map(|f| f.doc.content_id).collect::<Vec<_>>())
        .unwrap();
    let first = figs.iter().find(|f| f.value.low == 14).unwrap();
    assert_eq!(
        apps[&first.doc.content_id].len(),
        3,
        "original, exact copy and near copy"
    );
    // Two origins on the same day, 14 vs 17: a conflict across sources, once (copies do
    // not add sides).
    let conf = analysis::conflicts(&figs, &apps);
    assert_eq!(conf.len(), 1);
    assert_eq!(conf[0].kinds, vec![analysis::ConflictKind::Sources]);
    assert_eq!(conf[0].sides.len(), 2);
    let ser = analysis::series(&figs, &apps);
    assert_eq!(ser.len(), 2);
    assert!(ser
        .iter()
        .any(|s| s.origin == "Interior Ministry" && s.articles == 1));
    // Source and place filters go through the identity rules.
    let by_src = store
        .figures(&Filter {
            source: Some("Kanal 5".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(by_src.len(), 1);
    let by_place = store
        .figures(&Filter {
            place: Some("kestrel bay".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(by_place.len(), 2);
    // The content filter gives exactly the records of one stored text, in every table.
    let only = |cid: i64| Filter {
        content_id: Some(cid),
        ..Filter::default()
    };
    let cids: std::collections::BTreeSet<i64> = figs.iter().map(|f| f.doc.content_id).collect();
    assert!(cids.len() >= 2, "the test needs records from two texts");
    let all_claims = store.claims(&Filter::default()).unwrap();
    let all_entities = store.entities(&Filter::default()).unwrap();
    for &cid in &cids {
        let own = store.figures(&only(cid)).unwrap();
        let expected: Vec<i64> = figs
            .iter()
            .filter(|f| f.doc.content_id == cid)
            .map(|f| f.id)
            .collect();
        assert_eq!(own.iter().map(|f| f.id).collect::<Vec<_>>(), expected);
        let own_claims = store.claims(&only(cid)).unwrap();
        assert_eq!(
            own_claims.len(),
            all_claims
                .iter()
                .filter(|c| c.doc.content_id == cid)
                .count()
        );
        assert!(own_claims.iter().all(|c| c.doc.content_id == cid));
        let own_entities = store.entities(&only(cid)).unwrap();
        assert_eq!(
            own_entities.len(),
            all_entities
                .iter()
                .filter(|e| e.doc.content_id == cid)
                .count()
        );
        assert!(own_entities.iter().all(|e| e.doc.content_id == cid));
    }
    assert!(store.figures(&only(i64::MAX)).unwrap().is_empty());
    // The event appears once in the timeline although three outlets carried it.
    let evs = store.events(&Filter::default()).unwrap();
    let tl = analysis::timeline(&evs, &store.appearances(&[evs[0].doc.content_id]).unwrap());
    assert_eq!(tl.len(), 1);
    assert_eq!(tl[0].supports[0].also_in.len(), 2);
}

/// A bulletin updated all day: dozens of look-alike texts, each with a new toll, share
/// their MinHash bands. Each is stored as news; a wire copy of the latest is still found.
fn copies_among_look_alikes(store: &dyn Store) {
    let update = |i: usize| {
        doc(
            &format!("u{i}"),
            Some(&format!("https://live.example/flood/{i}")),
            "Harbour Herald",
            "2031-05-02",
            &[
                BODY[0],
                &format!(
                    "The regional emergency office said {} people were killed and dozens more were missing.",
                    20 + i
                ),
                BODY[2],
                BODY[3],
            ],
        )
    };
    let n = 80;
    for i in 0..n {
        assert!(
            matches!(put(store, &update(i)), PutOutcome::Stored { .. }),
            "update {i} is news"
        );
    }
    let mut wire = update(n - 1);
    wire.id = "w1".into();
    wire.meta.url = Some("https://wire.example/b/9".into());
    wire.text = format!(
        "KESTREL BAY (Wire) - {} Reporting by the wire desk.",
        wire.text
    );
    assert_eq!(store.triage(&[&wire]).unwrap(), vec![Triage::Copy]);
    assert!(matches!(
        put(store, &wire),
        PutOutcome::Duplicate { near: true, .. }
    ));
    assert_eq!(store.stats().unwrap().contents, n as i64 + 1);
}

fn timeline_merges_articles(store: &dyn Store) {
    let mut a = doc(
        "t1",
        Some("https://one.example/t1"),
        "Harbour Herald",
        "2031-06-02",
        &["Police fired tear gas at a march in Lune on Monday, witnesses said."],
    );
    add_event(&mut a, "protest", "march", Some("Lune"), Some("2031-06-01"));
    let mut b = doc(
        "t2",
        Some("https://two.example/t2"),
        "Valley Times",
        "2031-06-03",
        &["Thousands joined Monday's protest in the city of Lune against the fuel tax."],
    );
    add_event(
        &mut b,
        "protest",
        "protest",
        Some("Lune"),
        Some("2031-06-01"),
    );
    let mut c = doc(
        "t3",
        Some("https://two.example/t3"),
        "Valley Times",
        "2031-06-03",
        &["A second protest took place in Lune on Tuesday."],
    );
    add_event(
        &mut c,
        "protest",
        "protest",
        Some("Lune"),
        Some("2031-06-02"),
    );
    // Two undated protests in other stories: nothing says they are one happening.
    let mut d = doc(
        "t4",
        Some("https://three.example/t4"),
        "Coast Wire",
        "2031-06-03",
        &["Students have protested for weeks over tuition fees."],
    );
    add_event(&mut d, "protest", "protested", None, None);
    let mut e = doc(
        "t5",
        Some("https://four.example/t5"),
        "Ridge Post",
        "2031-06-04",
        &["Farmers protested at the border over grain imports."],
    );
    add_event(&mut e, "protest", "protested", None, None);
    let out = store
        .put_batch(
            &[a, b, c, d, e].map(|doc| Incoming {
                doc,
                processed: true,
            }),
            V1,
        )
        .unwrap();
    assert!(
        out.iter().all(|o| matches!(o, PutOutcome::Stored { .. })),
        "{out:?}"
    );
    let evs = store
        .events(&Filter {
            kind: Some("protest".into()),
            ..Filter::default()
        })
        .unwrap();
    let tl = analysis::timeline(&evs, &Default::default());
    let dated: Vec<_> = tl.iter().filter(|t| t.date.is_some()).collect();
    assert_eq!(dated.len(), 2);
    assert_eq!(dated[0].date.as_deref(), Some("2031-06-01"));
    assert_eq!(dated[0].articles, 2);
    assert_eq!(dated[1].articles, 1);
    let undated: Vec<_> = tl.iter().filter(|t| t.date.is_none()).collect();
    assert_eq!(undated.len(), 2, "undated events are never merged");
    assert!(undated.iter().all(|t| t.articles == 1));
}

fn bad_records_are_skipped(store: &dyn Store) {
    let mut d = base_doc();
    d.layers.figures[0].span = Span(10_000, 10_010);
    let mut extra = d.layers.events[0].clone();
    extra.id = "v1".into(); // a repeated id
    d.layers.events.push(extra);
    match put(store, &d) {
        PutOutcome::Stored {
            records, skipped, ..
        } => {
            assert_eq!(records, 1);
            assert_eq!(skipped.len(), 2, "{skipped:?}");
        }
        o => panic!("unexpected {o:?}"),
    }
    let s = store.stats().unwrap();
    assert_eq!((s.figures, s.events), (0, 1));
}

fn search_and_reprocess(store: &dyn Store) {
    let mut d = base_doc();
    put(store, &d);
    let hits = store.search("harbour quarter boats", 10).unwrap();
    assert!(hits.iter().any(|h| h.kind == "document"), "{hits:?}");
    let hits = store.search("killed", 10).unwrap();
    assert!(
        hits.iter()
            .any(|h| h.kind == "figure" && h.snippet.contains("killed")),
        "{hits:?}"
    );
    assert!(store.search("\"unbalanced (", 10).is_ok());
    assert!(store.search("", 10).unwrap().is_empty());

    // A new text stored without running the pipeline is stale; so is every text once the
    // pipeline version changes.
    let mut raw = doc(
        "r1",
        None,
        "Valley Times",
        "2031-05-04",
        &["A quiet day in the hills; nothing to report at all."],
    );
    raw.layers.segments.clear();
    store
        .put_batch(
            &[Incoming {
                doc: raw,
                processed: false,
            }],
            V1,
        )
        .unwrap();
    assert_eq!(store.stats().unwrap().unprocessed, 1);
    let stale = store.stale(V1, 0, 10).unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].doc.meta.outlet.as_deref(), Some("Valley Times"));
    let stale2 = store.stale("test/2", 0, 10).unwrap();
    assert_eq!(stale2.len(), 2);
    // Reprocess the first with one more figure.
    d.layers.figures.push(d.layers.figures[0].clone());
    d.layers.figures[1].id = "f2".into();
    d.layers.figures[1].metric = "missing".into();
    let cid = stale2[0].content_id;
    let out = store.replace_records(&[(cid, d)], "test/2").unwrap();
    assert!(
        matches!(out[0], PutOutcome::Stored { records: 3, .. }),
        "{out:?}"
    );
    let s = store.stats().unwrap();
    assert_eq!(s.figures, 2);
    assert_eq!(store.stale("test/2", 0, 10).unwrap().len(), 1);
    assert!(store
        .figures(&Filter::default())
        .unwrap()
        .iter()
        .all(|f| f.pipeline_version == "test/2"));
    // Search rows were replaced, not doubled.
    let hits = store.search("killed", 50).unwrap();
    assert_eq!(hits.iter().filter(|h| h.kind == "figure").count(), 2);
}

fn exports(store: &dyn Store) {
    put(store, &base_doc());
    let t = export::figures_table(&store.figures(&Filter::default()).unwrap());
    export::check(&t).unwrap();
    let mut csv = Vec::new();
    export::write_csv(&t, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("doc_id,content_id,"));
    assert!(csv.contains("Interior Ministry"));
    let mut pq = Vec::new();
    export::write_parquet(&t, &mut pq).unwrap();
    assert!(pq.starts_with(b"PAR1") && pq.ends_with(b"PAR1"));
    for t in [
        export::events_table(&store.events(&Filter::default()).unwrap()),
        export::claims_table(&store.claims(&Filter::default()).unwrap()),
        export::entities_table(&store.entities(&Filter::default()).unwrap()),
    ] {
        export::check(&t).unwrap();
        let mut out = Vec::new();
        export::write_jsonl(&t, &mut out).unwrap();
    }
}

/// A claim that names no source is stored with a NULL speaker and key, read back as such,
/// never matched by a source filter, and exported with an empty speaker cell.
fn unsourced_claims(store: &dyn Store) {
    let mut d = doc(
        "u1",
        Some("https://one.example/pier"),
        "Harbour Herald",
        "2031-05-03",
        &[
            "The harbour master said the old pier had given way before dawn.",
            "It was reported that two fishing boats were lost with it.",
        ],
    );
    add_claim(
        &mut d,
        Some("The harbour master"),
        "said",
        "the old pier had given way",
    );
    add_claim(&mut d, None, "was reported", "two fishing boats were lost");
    put(store, &d);
    let claims = store.claims(&Filter::default()).unwrap();
    assert_eq!(claims.len(), 2, "{claims:?}");
    let named = claims.iter().find(|c| c.rid == "c1").unwrap();
    assert_eq!(named.speaker.as_deref(), Some("The harbour master"));
    assert!(named.speaker_key.is_some());
    let unnamed = claims.iter().find(|c| c.rid == "c2").unwrap();
    assert_eq!((&unnamed.speaker, &unnamed.speaker_key), (&None, &None));
    assert!(unnamed.chain.is_empty());
    let by_source = Filter {
        source: Some("The harbour master".into()),
        ..Filter::default()
    };
    let only = store.claims(&by_source).unwrap();
    assert_eq!(
        only.iter().map(|c| c.rid.as_str()).collect::<Vec<_>>(),
        ["c1"]
    );
    let t = export::claims_table(&claims);
    export::check(&t).unwrap();
    let mut out = Vec::new();
    export::write_jsonl(&t, &mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("\"speaker\":null"));
    // The stored record is the ledger's claim, speaker null included.
    let hits = store.search("fishing boats", 10).unwrap();
    assert!(hits.iter().any(|h| h.kind == "claim"), "{hits:?}");
}

type Case = (&'static str, fn(&dyn Store));
/// A figure dated by a week (as older pipelines wrote it) and a later one dated by a day:
/// the store orders, filters and picks by date, never by the text of the value.
fn dates_are_dates(store: &dyn Store) {
    let mut a = doc(
        "wk",
        Some("https://one.example/week"),
        "Harbour Herald",
        "2031-03-08",
        &["Crews pulled five people from the mud this week, the emergency office said."],
    );
    add_figure(
        &mut a,
        "rescued",
        "five people",
        ValueKind::Exact,
        5,
        Some(5),
        "unspecified",
        None,
        Some("2031-W10"),
        &["emergency office"],
    );
    add_event(&mut a, "rescue", "pulled", None, Some("2031-W10"));
    let mut b = doc(
        "day",
        Some("https://two.example/day"),
        "Valley Times",
        "2031-03-14",
        &["By Friday crews had pulled ten people from the mud, the emergency office said."],
    );
    add_figure(
        &mut b,
        "rescued",
        "ten people",
        ValueKind::Exact,
        10,
        Some(10),
        "unspecified",
        None,
        Some("2031-03-14"),
        &["emergency office"],
    );
    add_event(&mut b, "rescue", "pulled", None, Some("2031-03-01"));
    put(store, &a);
    put(store, &b);
    let rows = store.figures(&Filter::default()).unwrap();
    let week = rows.iter().find(|r| r.value.low == 5).unwrap();
    assert_eq!(week.as_of, None);
    assert_eq!(week.as_of_day.as_deref(), Some("2031-03-08"));
    assert_eq!(week.period.as_deref(), Some("2031-W10"));
    assert_eq!(week.period_start.as_deref(), Some("2031-03-03"));
    assert_eq!(
        rows.iter().map(|r| r.value.low).collect::<Vec<_>>(),
        vec![5, 10]
    );
    let est = analysis::estimates(&rows, &Default::default());
    assert_eq!(est[0].value.low, 10, "the later day wins");
    let from = Filter {
        from: Some("2031-03-10".into()),
        ..Filter::default()
    };
    let late = store.figures(&from).unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].value.low, 10);
    // A month bound runs to the month's last day.
    let march = Filter {
        to: Some("2031-03".into()),
        ..Filter::default()
    };
    assert_eq!(store.figures(&march).unwrap().len(), 2);
    // Events keep their week but sort by its Monday, after 1 March.
    let ev = store.events(&Filter::default()).unwrap();
    assert_eq!(
        ev.iter()
            .map(|e| e.date.clone().unwrap())
            .collect::<Vec<_>>(),
        vec!["2031-03-01", "2031-W10"]
    );
    // A week overlaps a day filter inside it.
    let mid = Filter {
        from: Some("2031-03-05".into()),
        to: Some("2031-03-05".into()),
        ..Filter::default()
    };
    let ev = store.events(&mid).unwrap();
    assert_eq!(ev.len(), 1);
    assert_eq!(ev[0].date_start.as_deref(), Some("2031-03-03"));
    let tl = analysis::timeline(
        &store.events(&Filter::default()).unwrap(),
        &Default::default(),
    );
    assert_eq!(tl[0].date.as_deref(), Some("2031-03-01"));
}

const CASES: &[Case] = &[
    ("dates", dates_are_dates),
    ("versions", idempotent_and_versions),
    ("copies", copies_are_stored_once),
    ("lookalikes", copies_among_look_alikes),
    ("timeline", timeline_merges_articles),
    ("badrecords", bad_records_are_skipped),
    ("search", search_and_reprocess),
    ("exports", exports),
    ("unsourced", unsourced_claims),
];

#[test]
fn sqlite_suite() {
    for (name, case) in CASES {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{name}.db"));
        let store = newsledger_store::open(path.to_str().unwrap()).unwrap();
        assert_eq!(store.backend(), "sqlite");
        case(store.as_ref());
        drop(store);
        // Re-opening applies no migration twice and keeps everything.
        let again = newsledger_store::open(path.to_str().unwrap()).unwrap();
        assert!(again.stats().unwrap().documents > 0, "{name}");
    }
}

#[test]
fn postgres_suite() {
    for (name, case) in CASES {
        let Some(url) = fresh_pg_database(name) else {
            return;
        };
        let store = newsledger_store::open(&url).unwrap();
        assert_eq!(store.backend(), "postgres");
        case(store.as_ref());
        drop(store);
        let again = newsledger_store::open(&url).unwrap();
        assert!(again.stats().unwrap().documents > 0, "{name}");
    }
}
