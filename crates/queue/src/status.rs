//! `newsledger status`: how much is queued, who is working on it, how fast, what failed.
//!
//! Everything comes from the engines themselves: queue depth and in-flight counts from the
//! stream and consumer info, workers from their heartbeats in the KV bucket, failures from
//! the dead-letter stream, and (with `--db`) the store's own row counts.

use crate::metrics::Snapshot;
use crate::worker::Heartbeat;
use crate::{Names, DEAD_DELIVERIES_HEADER, DEAD_ERROR_HEADER, DOC_ID_HEADER};
use anyhow::Context as _;
use async_nats::jetstream;
use futures_util::StreamExt;
use serde::Serialize;
use std::fmt;

/// A worker is "alive" when its last heartbeat is younger than this many heartbeat periods.
const ALIVE_PERIODS: f64 = 3.0;
/// Dead letters listed in full (the most recent).
const RECENT_DEAD: u64 = 5;
const LIST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, Clone, Serialize)]
pub struct WorkerSeen {
    #[serde(flatten)]
    pub heartbeat: Heartbeat,
    /// Seconds since the last heartbeat.
    pub age_secs: f64,
    pub alive: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeadLetter {
    pub sequence: u64,
    pub doc_id: String,
    pub deliveries: String,
    pub error: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub stream: String,
    /// Messages in the work stream: queued plus taken-but-not-acked.
    pub queue_depth: u64,
    pub queue_bytes: u64,
    /// Not yet delivered to any worker (the consumer's lag).
    pub pending: u64,
    /// Delivered and not yet acked (in flight in some worker).
    pub ack_pending: u64,
    /// Messages the consumer has redelivered at least once (currently unacked).
    pub redelivered: u64,
    pub dead_letters: u64,
    pub recent_dead_letters: Vec<DeadLetter>,
    pub workers: Vec<WorkerSeen>,
    pub workers_alive: usize,
    /// Sum over alive workers of their documents/s (last 10 s).
    pub documents_per_second: f64,
    pub records_per_second: f64,
    /// Sums over the workers seen (since each started).
    pub documents: u64,
    pub records: u64,
    pub errors: u64,
    /// Row counts of the store, when a store was given.
    pub store: Option<newsledger_store::Stats>,
}

/// Collect the status of the queue named by `names` (and of the store at `db`, if any).
pub async fn status(nats_url: &str, names: &Names, db: Option<&str>) -> anyhow::Result<Status> {
    let client = crate::connect(nats_url, "newsledger-status").await?;
    let js = jetstream::new(client);
    let mut stream = js
        .get_stream(&names.stream)
        .await
        .with_context(|| format!("stream {} (nothing enqueued yet?)", names.stream))?;
    let state = stream.info().await?.state.clone();
    let (pending, ack_pending, redelivered) = match stream
        .get_consumer::<jetstream::consumer::pull::Config>(&names.consumer)
        .await
    {
        Ok(mut c) => {
            let i = c.info().await?;
            (
                i.num_pending,
                i.num_ack_pending as u64,
                i.num_redelivered as u64,
            )
        }
        // No worker has run yet: everything is pending.
        Err(_) => (state.messages, 0, 0),
    };

    let mut dead_letters = 0;
    let mut recent_dead_letters = Vec::new();
    if let Ok(mut dead) = js.get_stream(&names.dead_stream).await {
        let ds = dead.info().await?.state.clone();
        dead_letters = ds.messages;
        let mut seq = ds.last_sequence;
        while seq >= ds.first_sequence.max(1) && (recent_dead_letters.len() as u64) < RECENT_DEAD {
            if let Ok(m) = dead.get_raw_message(seq).await {
                let h = |k: &str| {
                    m.headers
                        .get(k)
                        .map(|v| v.as_str().to_string())
                        .unwrap_or_default()
                };
                recent_dead_letters.push(DeadLetter {
                    sequence: seq,
                    doc_id: h(DOC_ID_HEADER),
                    deliveries: h(DEAD_DELIVERIES_HEADER),
                    error: h(DEAD_ERROR_HEADER),
                });
            }
            seq -= 1;
        }
    }

    // Bounded: a status that hangs is worse than one that says it could not list workers.
    let workers = match tokio::time::timeout(LIST_TIMEOUT, list_workers(&js, names)).await {
        Ok(Ok(w)) => w,
        Ok(Err(e)) => {
            eprintln!("warning: cannot list workers: {e:#}");
            Vec::new()
        }
        Err(_) => {
            eprintln!("warning: listing workers timed out");
            Vec::new()
        }
    };
    let sum = |f: &dyn Fn(&Snapshot) -> u64| -> u64 {
        workers.iter().map(|w| f(&w.heartbeat.counters)).sum()
    };
    let documents = sum(&|c| c.documents);
    let records = sum(&|c| c.records);
    let errors = sum(&|c| c.document_errors + c.store_errors);
    let alive: Vec<&WorkerSeen> = workers.iter().filter(|w| w.alive).collect();
    let documents_per_second = alive
        .iter()
        .map(|w| w.heartbeat.counters.documents_per_second)
        .fold(0.0, |a, b| a + b);
    let records_per_second = alive
        .iter()
        .map(|w| w.heartbeat.counters.records_per_second)
        .fold(0.0, |a, b| a + b);
    let workers_alive = alive.len();

    let store = match db {
        Some(db) => {
            let db = db.to_string();
            let stats = tokio::task::spawn_blocking(move || {
                newsledger_store::open(&db)
                    .and_then(|s| s.stats())
                    .with_context(|| format!("reading store {db}"))
            })
            .await??;
            Some(stats)
        }
        None => None,
    };

    Ok(Status {
        stream: names.stream.clone(),
        queue_depth: state.messages,
        queue_bytes: state.bytes,
        pending,
        ack_pending,
        redelivered,
        dead_letters,
        recent_dead_letters,
        workers_alive,
        workers,
        documents_per_second,
        records_per_second,
        documents,
        records,
        errors,
        store,
    })
}

/// The heartbeats in the workers bucket. Keys come from the bucket stream's subject list
/// (one STREAM.INFO request) rather than from a watcher, so the listing cannot wait on
/// heartbeats being written meanwhile.
async fn list_workers(js: &jetstream::Context, names: &Names) -> anyhow::Result<Vec<WorkerSeen>> {
    let bucket = &names.workers_bucket;
    let Ok(kv) = js.get_key_value(bucket).await else {
        return Ok(Vec::new());
    };
    let stream = js.get_stream(format!("KV_{bucket}")).await?;
    let prefix = format!("$KV.{bucket}.");
    let mut subjects = stream.info_with_subjects(format!("{prefix}>")).await?;
    let mut keys = Vec::new();
    while let Some(item) = subjects.next().await {
        let (subject, _) = item?;
        if let Some(k) = subject.strip_prefix(&prefix) {
            keys.push(k.to_string());
        }
    }
    let now = chrono::Utc::now();
    let mut workers = Vec::new();
    for k in keys {
        let Ok(Some(v)) = kv.get(&k).await else {
            continue;
        };
        let Ok(hb) = serde_json::from_slice::<Heartbeat>(&v) else {
            continue;
        };
        let age_secs = chrono::DateTime::parse_from_rfc3339(&hb.seen)
            .map(|t| (now - t.with_timezone(&chrono::Utc)).num_milliseconds() as f64 / 1e3)
            .unwrap_or(f64::INFINITY);
        let alive =
            hb.state != "stopped" && age_secs <= ALIVE_PERIODS * hb.heartbeat_secs.max(0.5) + 1.0;
        workers.push(WorkerSeen {
            heartbeat: hb,
            age_secs,
            alive,
        });
    }
    workers.sort_by(|a, b| a.heartbeat.id.cmp(&b.heartbeat.id));
    Ok(workers)
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "queue {}: {} documents ({:.1} MB): {} waiting, {} in flight ({} redelivered)",
            self.stream,
            self.queue_depth,
            self.queue_bytes as f64 / 1e6,
            self.pending,
            self.ack_pending,
            self.redelivered
        )?;
        writeln!(
            f,
            "workers: {} alive of {} seen; throughput {:.1} documents/s, {:.1} records/s",
            self.workers_alive,
            self.workers.len(),
            self.documents_per_second,
            self.records_per_second
        )?;
        for w in &self.workers {
            let c = &w.heartbeat.counters;
            writeln!(
                f,
                "  {:<28} {:<8} seen {:>6.1}s ago  {:>8} docs  {:>7.1}/s  {:>6} errors  {} dead{}",
                w.heartbeat.id,
                if w.alive {
                    w.heartbeat.state.as_str()
                } else if w.heartbeat.state == "stopped" {
                    "stopped"
                } else {
                    "gone"
                },
                w.age_secs,
                c.documents,
                if w.alive { c.documents_per_second } else { 0.0 },
                c.document_errors + c.store_errors,
                c.dead_letters,
                w.heartbeat
                    .metrics_addr
                    .as_deref()
                    .map(|a| format!("  http://{a}/metrics"))
                    .unwrap_or_default()
            )?;
        }
        writeln!(
            f,
            "processed: {} documents, {} records, {} errors (by the workers seen)",
            self.documents, self.records, self.errors
        )?;
        writeln!(f, "dead letters: {}", self.dead_letters)?;
        for d in &self.recent_dead_letters {
            writeln!(
                f,
                "  #{} {} (after {} deliveries): {}",
                d.sequence, d.doc_id, d.deliveries, d.error
            )?;
        }
        if let Some(s) = &self.store {
            writeln!(
                f,
                "store: {} documents, {} texts, {} figures, {} claims, {} entities, {} events",
                s.documents, s.canonical, s.figures, s.claims, s.entities, s.events
            )?;
        }
        Ok(())
    }
}
