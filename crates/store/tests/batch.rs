//! Batch writes: a batch is written in one transaction with multi-row statements, and a
//! batch in which something fails is rolled back and written again document by document,
//! so only the failing documents are refused. The failures are made by triggers this test
//! adds to its own throwaway database (one on `documents`, met while a document is stored,
//! one on `figures`, met when the batch's records are written at its end).

use newsledger_model::{Document, ValueKind};
use newsledger_store::testing::{add_figure, doc, fresh_pg_database};
use newsledger_store::{Filter, Incoming, PutOutcome, Store};

const V1: &str = "test/1";

/// Four reports with distinct texts, each with one figure; the second's figure has the
/// metric the figures trigger refuses, the third's id the documents trigger refuses.
fn reports() -> Vec<Incoming> {
    let towns = ["Orrin Vale", "Brackwater", "Seldon Ford", "Tamsy Cross"];
    let mut out = Vec::new();
    for (i, town) in towns.iter().enumerate() {
        let n = 3 + i as u64;
        let first = format!("Hail flattened the market stalls of {town} on Sunday afternoon.");
        let second = format!("The district council said {n} people were hurt by falling glass.");
        let third = format!(
            "Traders in {town} said the storm lasted less than an hour but ruined a season of stock."
        );
        let id = if i == 2 {
            "c-refused".to_string()
        } else {
            format!("r{i}")
        };
        let mut d: Document = doc(
            &id,
            Some(&format!("https://hail.example/{i}")),
            "Valley Post",
            "2031-06-01",
            &[&first, &second, &third],
        );
        let metric = if i == 1 { "refused" } else { "injured" };
        add_figure(
            &mut d,
            metric,
            &format!("{n} people"),
            ValueKind::Exact,
            n,
            Some(n),
            "unspecified",
            Some(town),
            Some("2031-06-01"),
            &["district council"],
        );
        out.push(Incoming {
            doc: d,
            processed: true,
        });
    }
    out
}

fn kinds(out: &[PutOutcome]) -> Vec<&'static str> {
    out.iter()
        .map(|o| match o {
            PutOutcome::Stored { .. } => "stored",
            PutOutcome::Duplicate { .. } => "duplicate",
            PutOutcome::Unchanged { .. } => "unchanged",
            PutOutcome::Failed { .. } => "failed",
        })
        .collect()
}

fn refused_alone_then_idempotent(store: &dyn Store) {
    let batch = reports();
    let out = store.put_batch(&batch, V1).expect("the batch commits");
    assert_eq!(kinds(&out), ["stored", "failed", "failed", "stored"]);
    let s = store.stats().expect("stats");
    assert_eq!((s.documents, s.figures), (2, 2), "{s:?}");
    let figs = store.figures(&Filter::default()).expect("figures");
    assert!(figs.iter().all(|f| f.metric == "injured"));

    // Again: the stored ones are unchanged, the refused ones refused again, nothing doubled.
    let out = store.put_batch(&batch, V1).expect("the batch commits");
    assert_eq!(kinds(&out), ["unchanged", "failed", "failed", "unchanged"]);
    let again = store.stats().expect("stats");
    assert_eq!(again, s);
}

/// A batch with nothing failing is written whole, records and all, in one go.
fn clean_batch_is_whole(store: &dyn Store) {
    let batch: Vec<Incoming> = reports()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || *i == 3)
        .map(|(_, inc)| inc)
        .collect();
    let out = store.put_batch(&batch, V1).expect("the batch commits");
    assert_eq!(kinds(&out), ["stored", "stored"]);
    let s = store.stats().expect("stats");
    assert_eq!((s.documents, s.figures), (2, 2), "{s:?}");
    assert!(!store.search("hail", 10).expect("search").is_empty());
}

#[test]
fn sqlite_batch_with_failures_falls_back_per_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("batch.db");
    let path = path.to_str().expect("utf-8 path");
    let store = newsledger_store::open(path).expect("opens");
    let c = rusqlite::Connection::open(path).expect("second connection");
    c.execute_batch(
        "CREATE TRIGGER refuse_doc BEFORE INSERT ON documents WHEN NEW.ext_id LIKE '%refused%' \
           BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
         CREATE TRIGGER refuse_fig BEFORE INSERT ON figures WHEN NEW.metric = 'refused' \
           BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    )
    .expect("triggers");
    drop(c);
    refused_alone_then_idempotent(store.as_ref());

    let dir2 = tempfile::tempdir().expect("temp dir");
    let clean = newsledger_store::open(dir2.path().join("clean.db").to_str().expect("path"))
        .expect("opens");
    clean_batch_is_whole(clean.as_ref());
}

#[test]
fn postgres_batch_with_failures_falls_back_per_document() {
    let Some(url) = fresh_pg_database("batch_fallback") else {
        return;
    };
    let store = newsledger_store::open(&url).expect("opens");
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("second connection");
    c.batch_execute(
        "CREATE FUNCTION refuse() RETURNS trigger AS $f$ \
           BEGIN RAISE EXCEPTION 'refused by the test'; END $f$ LANGUAGE plpgsql;
         CREATE TRIGGER refuse_doc BEFORE INSERT ON documents FOR EACH ROW \
           WHEN (NEW.ext_id LIKE '%refused%') EXECUTE FUNCTION refuse();
         CREATE TRIGGER refuse_fig BEFORE INSERT ON figures FOR EACH ROW \
           WHEN (NEW.metric = 'refused') EXECUTE FUNCTION refuse();",
    )
    .expect("triggers");
    refused_alone_then_idempotent(store.as_ref());

    let Some(url2) = fresh_pg_database("batch_clean") else {
        return;
    };
    let clean = newsledger_store::open(&url2).expect("opens");
    clean_batch_is_whole(clean.as_ref());
}
