//! Distributed ingest end to end through the built binary, on a real NATS JetStream server
//! and a real PostgreSQL server on loopback (`NEWSLEDGER_TEST_NATS`, `NEWSLEDGER_TEST_PG`;
//! `.ci/run` starts both with `scripts/start-nats.sh` and `scripts/start-postgres.sh`).
//! Each test uses a fresh stream and a fresh database, so reruns never see old state.
//! Without the servers the tests print a note and pass.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
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

fn nats_url(test: &str) -> Option<String> {
    match std::env::var("NEWSLEDGER_TEST_NATS") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            eprintln!("note: NEWSLEDGER_TEST_NATS is not set; skipping {test} (scripts/start-nats.sh starts a server)");
            None
        }
    }
}

/// A stream name no earlier run used.
fn fresh_stream(tag: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() % 1_000_000_000_000);
    format!("T_{tag}_{}_{nanos}", std::process::id())
}

/// Short synthetic reports in our own words, each distinct (its numbers and place differ)
/// and under the near-copy word limit, so each must end up stored exactly once.
fn doc_line(prefix: &str, i: usize) -> String {
    let towns = [
        "Brellin", "Osk", "Varrow", "Tamsey", "Quill", "Hadderly", "Neme",
    ];
    let town = towns[i % towns.len()];
    let text = format!(
        "Flooding closed {} roads in {town} on Friday, officials said. Volunteers filled \
         {} sandbags and {} families left their homes, the district office said. Note {prefix}{i}.",
        3 + i % 11,
        200 + i,
        5 + i % 23
    );
    serde_json::json!({
        "id": format!("{prefix}{i}"),
        "url": format!("https://queue-test.example/{prefix}{i}"),
        "outlet": "Queue Test Wire",
        "published": "2031-06-13",
        "title": format!("Flooding in {town}"),
        "text": text,
    })
    .to_string()
}

fn write_docs(path: &Path, prefix: &str, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(f, "{}", doc_line(prefix, i)).unwrap();
    }
}

fn status(nats: &str, stream: &str) -> serde_json::Value {
    let out = run(&["status", "--nats", nats, "--stream", stream, "--json"]);
    serde_json::from_slice(&out.stdout).expect("status --json prints JSON")
}

fn num(v: &serde_json::Value, key: &str) -> u64 {
    v.get(key).and_then(serde_json::Value::as_u64).unwrap_or(0)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// GET /metrics; the sum of the samples of `metric` (None while the worker is starting).
fn scrape(port: u16, metric: &str) -> Option<f64> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .ok()?;
    let mut body = String::new();
    s.read_to_string(&mut body).ok()?;
    let prefix = format!("{metric}{{");
    Some(
        body.lines()
            .filter(|l| l.starts_with(&prefix))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum(),
    )
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        if start.elapsed() > limit {
            panic!("timed out after {limit:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

struct Worker {
    child: Child,
    port: u16,
    log: std::path::PathBuf,
}

fn start_worker(
    nats: &str,
    stream: &str,
    db: &str,
    id: &str,
    dir: &Path,
    extra: &[&str],
) -> Worker {
    let port = free_port();
    let log = dir.join(format!("{id}.log"));
    let child = bin()
        .args([
            "worker",
            "--nats",
            nats,
            "--stream",
            stream,
            "--db",
            db,
            "--id",
            id,
            "--heartbeat",
            "0.5",
            "--metrics-addr",
            &format!("127.0.0.1:{port}"),
        ])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("worker starts");
    Worker { child, port, log }
}

/// SIGTERM, then wait for a clean exit.
fn stop_gracefully(w: &mut Worker) {
    let pid = w.child.id().to_string();
    let ok = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill -TERM {pid}");
    let start = Instant::now();
    loop {
        if let Some(st) = w.child.try_wait().unwrap() {
            assert!(
                st.success(),
                "worker exited with {st} after SIGTERM:\n{}",
                std::fs::read_to_string(&w.log).unwrap_or_default()
            );
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = w.child.kill();
            panic!("worker did not stop within 20 s of SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn stored_ids(db: &str) -> Vec<String> {
    let store = newsledger_store::open(db).unwrap();
    store
        .documents(&newsledger_store::Filter::default())
        .unwrap()
        .into_iter()
        .map(|d| d.doc.ext_id)
        .collect()
}

#[test]
fn three_workers_one_killed_mid_batch_store_every_document_once() {
    let Some(nats) = nats_url("the kill -9 worker test") else {
        return;
    };
    let Some(db) = newsledger_store::testing::fresh_pg_database("queue_kill") else {
        return;
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let stream = fresh_stream("kill");
    let input = dir.path().join("docs.jsonl");
    const N: usize = 2000;
    write_docs(&input, "k", N);

    let out = run(&[
        "enqueue",
        input.to_str().unwrap(),
        "--nats",
        &nats,
        "--stream",
        &stream,
    ]);
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(printed.contains(&format!("queued {N},")), "{printed}");
    assert_eq!(num(&status(&nats, &stream), "queue_depth"), N as u64);

    // A short ack wait so the killed worker's batches come back quickly; small batches
    // so each worker has some in flight most of the time.
    let extra = ["--ack-wait", "2", "--batch", "16", "--in-flight", "2"];
    let mut workers: Vec<Worker> = (0..3)
        .map(|i| start_worker(&nats, &stream, &db, &format!("w{i}"), dir.path(), &extra))
        .collect();

    // Kill worker 0 while it holds unacked batches, after it has stored some.
    wait_for("worker w0 to be mid-batch", Duration::from_secs(60), || {
        let done = scrape(workers[0].port, "newsledger_worker_documents_total").unwrap_or(0.0);
        let busy = scrape(workers[0].port, "newsledger_worker_batches_in_flight").unwrap_or(0.0);
        done > 0.0 && busy > 0.0
    });
    workers[0].child.kill().unwrap();
    workers[0].child.wait().unwrap();
    let killed_at = started.elapsed();

    wait_for("the queue to drain", Duration::from_secs(90), || {
        let s = status(&nats, &stream);
        num(&s, "queue_depth") == 0 && num(&s, "ack_pending") == 0
    });
    let redelivered: f64 = workers[1..]
        .iter()
        .map(|w| scrape(w.port, "newsledger_worker_redeliveries_total").unwrap_or(0.0))
        .sum();
    for w in workers.iter_mut().skip(1) {
        stop_gracefully(w);
    }

    let ids = stored_ids(&db);
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), N, "documents rows (every document exactly once)");
    assert_eq!(unique.len(), N, "distinct document ids");
    for i in 0..N {
        assert!(unique.contains(&format!("k{i}")), "k{i} is missing");
    }
    let stats = newsledger_store::open(&db).unwrap().stats().unwrap();
    assert_eq!(stats.contents, N as i64, "texts stored once each");
    assert!(
        stats.claims > 0 && stats.timexes > 0,
        "the pipeline ran: {stats:?}"
    );
    assert!(
        redelivered > 0.0,
        "the killed worker's unacked messages were redelivered to the others"
    );

    let s = status(&nats, &stream);
    assert_eq!(num(&s, "dead_letters"), 0);
    let seen = s["workers"].as_array().map_or(0, Vec::len);
    assert_eq!(seen, 3, "status sees the three workers: {s}");
    eprintln!(
        "queue test: {N} documents, 3 workers, w0 killed at {:.1}s, {redelivered} redelivered, all stored once in {:.1}s",
        killed_at.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn re_enqueued_documents_are_dropped_by_the_duplicate_window() {
    let Some(nats) = nats_url("the duplicate-window test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let stream = fresh_stream("dup");
    let input = dir.path().join("docs.jsonl");
    write_docs(&input, "d", 40);
    let enqueue = |path: &Path| {
        let out = run(&[
            "enqueue",
            path.to_str().unwrap(),
            "--nats",
            &nats,
            "--stream",
            &stream,
        ]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let first = enqueue(&input);
    assert!(
        first.contains("queued 40, dropped as re-sends 0"),
        "{first}"
    );
    let again = enqueue(&input);
    assert!(
        again.contains("queued 0, dropped as re-sends 40"),
        "{again}"
    );

    // The same text under another URL is a new message: the store must learn where else
    // the text appeared.
    let moved = dir.path().join("moved.jsonl");
    let mut line: serde_json::Value = serde_json::from_str(&doc_line("d", 0)).unwrap();
    line["url"] = "https://elsewhere.example/d0".into();
    std::fs::write(&moved, format!("{line}\n")).unwrap();
    let other = enqueue(&moved);
    assert!(other.contains("queued 1, dropped as re-sends 0"), "{other}");

    // A document larger than the server's max payload (1 MB by default) goes through the
    // object store, and its re-send is dropped like any other.
    let big = dir.path().join("big.jsonl");
    let text = format!(
        "Officials said 4 people were hurt.{}The report ends here.",
        " ".repeat(1_200_000)
    );
    let big_line =
        serde_json::json!({"id": "big-1", "url": "https://queue-test.example/big", "text": text});
    std::fs::write(&big, format!("{big_line}\n")).unwrap();
    let b1 = enqueue(&big);
    assert!(
        b1.contains("queued 1, dropped as re-sends 0, via object store 1"),
        "{b1}"
    );
    let b2 = enqueue(&big);
    assert!(b2.contains("queued 0, dropped as re-sends 1"), "{b2}");

    assert_eq!(num(&status(&nats, &stream), "queue_depth"), 42);
}

#[test]
fn a_document_the_store_rejects_goes_to_the_dead_letter_subject() {
    let Some(nats) = nats_url("the dead-letter test") else {
        return;
    };
    let Some(db) = newsledger_store::testing::fresh_pg_database("queue_dead") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let stream = fresh_stream("dead");
    let input = dir.path().join("docs.jsonl");
    write_docs(&input, "g", 6);
    // PostgreSQL text cannot hold a NUL character, and the store keeps texts byte for byte
    // (spans point into them), so this document is refused on every delivery: a real
    // failure, not a test hook. Crawls do contain such bytes.
    let bad = serde_json::json!({
        "id": "bad-nul",
        "url": "https://queue-test.example/bad",
        "text": "Officials said 2 people were hurt.\u{0} The rest of the page was binary.",
    });
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&input)
        .unwrap();
    writeln!(f, "{bad}").unwrap();
    drop(f);
    // And one document large enough for the object store, to show workers read it back.
    let big_text = format!(
        "Officials said 4 people were hurt in Osk.{}The report ends here.",
        " ".repeat(1_200_000)
    );
    let big = serde_json::json!({"id": "big-2", "url": "https://queue-test.example/big2", "text": big_text});
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&input)
        .unwrap();
    writeln!(f, "{big}").unwrap();
    drop(f);

    let out = run(&[
        "enqueue",
        input.to_str().unwrap(),
        "--nats",
        &nats,
        "--stream",
        &stream,
    ]);
    let printed = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(printed.contains("queued 8,"), "{printed}");
    assert!(printed.contains("via object store 1"), "{printed}");

    let mut w = start_worker(
        &nats,
        &stream,
        &db,
        "dl",
        dir.path(),
        &[
            "--ack-wait",
            "5",
            "--max-deliveries",
            "2",
            "--exit-when-idle",
            "3",
        ],
    );
    let start = Instant::now();
    let st = loop {
        if let Some(st) = w.child.try_wait().unwrap() {
            break st;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = w.child.kill();
            panic!("worker did not finish");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(&w.log).unwrap_or_default();
    assert!(st.success(), "worker failed: {st}\n{log}");

    let s = status(&nats, &stream);
    assert_eq!(num(&s, "queue_depth"), 0, "{s}");
    assert_eq!(num(&s, "dead_letters"), 1, "{s}");
    let dead = &s["recent_dead_letters"][0];
    assert_eq!(dead["doc_id"], "bad-nul", "{s}");
    assert_eq!(dead["deliveries"], "2", "{s}");
    let error = dead["error"].as_str().unwrap_or_default();
    assert!(error.contains("store refused it"), "{error}");
    assert!(
        log.contains("bad-nul"),
        "the worker names the failing document:\n{log}"
    );

    let ids = stored_ids(&db);
    assert_eq!(ids.len(), 7, "{ids:?}");
    assert!(ids.contains(&"big-2".to_string()));
    assert!(!ids.contains(&"bad-nul".to_string()));
}
