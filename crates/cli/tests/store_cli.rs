//! The store commands end to end through the built binary: crash safety under `kill -9`,
//! idempotent re-ingest, and every reading command on the sample corpus.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsledger"))
}

fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("binary runs");
    if !out.status.success() {
        panic!(
            "newsledger {args:?} failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Synthetic reports in our own words: every one distinct (its numbers differ), long
/// enough to go through every stage.
fn write_corpus(path: &Path, n: usize) {
    let towns = ["Amberly", "Corvin", "Dessa", "Elmere", "Fallow", "Grisby"];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let town = towns[i % towns.len()];
        let day = 1 + i % 27;
        let text = format!(
            "Storm damage reported in {town}\n{town}, May {day} - Officials in {town} said on \
             Tuesday that {} people were killed and {} injured when a storm tore through the \
             district, the regional governor's office said in a statement. Rescue workers \
             searched collapsed buildings through the night, and {} residents were moved to \
             shelters, according to the civil defence agency. Report number {i}.",
            2 + i % 40,
            10 + i % 90,
            100 + i
        );
        let line = serde_json::json!({
            "id": format!("syn-{i}"),
            "url": format!("https://synthetic.example/{i}"),
            "outlet": if i % 2 == 0 { "Synthetic Wire" } else { "Example Daily" },
            "published": format!("2031-05-{:02}", day),
            "title": format!("Storm damage reported in {town}"),
            "text": text,
        });
        writeln!(f, "{line}").unwrap();
    }
}

fn stats(db: &str) -> newsledger_store::Stats {
    newsledger_store::open(db).unwrap().stats().unwrap()
}

/// Kill `newsledger ingest` with SIGKILL several times at different points, check the
/// store is consistent after each kill, then let a re-run finish and compare with a clean,
/// uninterrupted ingest into `clean_db`.
fn crash_and_rerun(db: &str, clean_db: &str) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("syn.jsonl");
    let n = 500;
    write_corpus(&corpus, n);
    let corpus = corpus.to_str().unwrap();
    // Open once so the reader below never races the schema creation.
    drop(newsledger_store::open(db).unwrap());

    let mut kills = 0;
    for threshold in [20, 90, 200] {
        let mut child = bin()
            .args(["ingest", "--batch", "4", "--db", db, corpus])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if stats(db).documents >= threshold {
                child.kill().unwrap(); // SIGKILL
                kills += 1;
                break;
            }
            std::thread::sleep(Duration::from_millis(3));
        }
        let _ = child.wait();
        let s = stats(db);
        eprintln!("after kill at >= {threshold}: {s:?}");
        // Consistent: whole documents only, every stored text with its records.
        assert_eq!(s.unprocessed, 0);
        assert_eq!(s.documents, s.contents);
        assert_eq!(s.documents, s.urls);
    }
    assert!(kills >= 2, "ingest finished before it could be killed");

    // Running the same command again completes the job.
    let out = run(&["ingest", "--batch", "4", "--db", db, corpus]);
    let summary = stdout(&out);
    assert!(summary.contains(&format!("read {n},")), "{summary}");
    let done = stats(db);

    // A clean, uninterrupted ingest of the same input gives exactly the same counts.
    run(&["ingest", "--db", clean_db, corpus]);
    let want = stats(clean_db);
    assert_eq!(done, want);
    assert_eq!(done.documents as usize, n);
    assert_eq!(done.urls as usize, n);

    // And once more: nothing changes.
    let out = run(&["ingest", "--db", db, corpus]);
    assert!(
        stdout(&out).contains(&format!("unchanged {n}")),
        "{}",
        stdout(&out)
    );
    assert_eq!(stats(db), want);
}

#[test]
fn kill_9_mid_ingest_then_rerun_completes_with_nothing_lost_or_doubled_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let clean = dir.path().join("clean.db");
    crash_and_rerun(db.to_str().unwrap(), clean.to_str().unwrap());
}

#[test]
fn kill_9_mid_ingest_then_rerun_completes_with_nothing_lost_or_doubled_postgres() {
    let (Some(db), Some(clean)) = (
        newsledger_store::testing::fresh_pg_database("cli_crash"),
        newsledger_store::testing::fresh_pg_database("cli_clean"),
    ) else {
        return;
    };
    crash_and_rerun(&db, &clean);
}

fn sample_corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/reports.jsonl");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: corpus/reports.jsonl absent; skipping");
        None
    }
}

fn commands_on_sample(db: &str) {
    let Some(corpus) = sample_corpus() else {
        return;
    };
    let corpus = corpus.to_str().unwrap();
    let first = stdout(&run(&["ingest", "--db", db, corpus]));
    assert!(first.contains("failed 0"), "{first}");
    let second = stdout(&run(&["ingest", "--db", db, corpus]));
    assert!(second.contains("stored 0 "), "{second}");

    let figs = stdout(&run(&["figures", "--metric", "killed", "--db", db]));
    assert!(!figs.is_empty());
    let js: serde_json::Value =
        serde_json::from_slice(&run(&["figures", "--json", "--db", db]).stdout).unwrap();
    assert!(js.get("series").is_some() && js.get("estimates").is_some());
    run(&["conflicts", "--db", db]);
    run(&["timeline", "--db", db]);
    let hits = stdout(&run(&["search", "--db", db, "protest"]));
    assert!(hits.contains("[document]"), "{hits}");

    for fmt in ["csv", "jsonl", "parquet"] {
        for table in ["figures", "events", "claims", "entities"] {
            let out = run(&["export", "--db", db, "--format", fmt, "--table", table]);
            if fmt == "csv" {
                assert!(stdout(&out).starts_with("doc_id,"));
            }
            if fmt == "parquet" {
                assert!(out.stdout.starts_with(b"PAR1"));
            }
        }
    }
    let re = stdout(&run(&["reprocess", "--db", db]));
    assert!(re.contains("reprocessed 0 "), "{re}");
}

#[test]
fn reading_commands_on_the_sample_corpus_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    commands_on_sample(dir.path().join("sample.db").to_str().unwrap());
}

#[test]
fn reading_commands_on_the_sample_corpus_postgres() {
    if let Some(url) = newsledger_store::testing::fresh_pg_database("cli_sample") {
        commands_on_sample(&url);
    }
}

#[test]
fn ingest_skips_documents_over_their_budget_and_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.jsonl");
    write_corpus(&input, 3);
    let db = dir.path().join("b.db");
    let db = db.to_str().expect("utf-8");
    // A zero budget is spent at the first check: every document is over it.
    let out = bin()
        .args([
            "ingest",
            input.to_str().expect("utf-8"),
            "--db",
            db,
            "--budget",
            "0ms",
        ])
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let over = err
        .lines()
        .filter(|l| l.contains("over its time budget of 0ms"))
        .count();
    assert_eq!(over, 3, "each document is named: {err}");
    assert_eq!(stats(db).documents, 0, "nothing over budget is stored");
    // The same input with the default budget stores them all.
    run(&["ingest", input.to_str().expect("utf-8"), "--db", db]);
    assert_eq!(stats(db).documents, 3);
}
