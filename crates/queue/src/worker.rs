//! `newsledger worker`: a durable pull consumer that turns queued documents into stored
//! ledgers.
//!
//! The order of events for one batch is what makes the queue safe to crash at any point:
//!
//! 1. take up to `batch` messages (one pull request, short expiry);
//! 2. decode them, run the pipeline over the texts the store does not have yet (in
//!    parallel), and write the whole batch in ONE PostgreSQL transaction;
//! 3. only after the commit, ack each message (or nak it, or dead-letter it).
//!
//! A worker that dies before 3 never acked: the server redelivers after `ack_wait`, and the
//! store's idempotence (a text is keyed by its content hash; the same URL and text is
//! "unchanged") makes the second write a no-op. While a batch is being worked on, the worker
//! tells the server it is still in progress, so `ack_wait` only has to outlast a crash, not
//! the slowest batch.
//!
//! Failures are sorted by whose fault they are. A document's own failure (undecodable body,
//! a stage that panics on it, a store error on its savepoint) is nak'ed with a delay and,
//! from its `max_deliveries`-th delivery on, published to the dead-letter subject with the
//! error and acked. A message delivered more than `max_deliveries` times that never got an
//! answer (its workers died or hung on it) is dead-lettered before it can take down another
//! worker. A failure of the whole write (database down, commit failed) is nobody's fault in
//! the batch: the worker keeps the batch in progress, reconnects with backoff and retries.

use crate::metrics::{Metrics, Snapshot};
use crate::publish::header_value;
use crate::{
    wire, Names, StreamOptions, DEAD_DELIVERIES_HEADER, DEAD_ERROR_HEADER, DEAD_SEQUENCE_HEADER,
    DEAD_WORKER_HEADER, DOC_ID_HEADER, OBJECT_HEADER,
};
use anyhow::Context as _;
use async_nats::jetstream::{self, consumer::PullConsumer, message::PublishMessage, AckKind};
use futures_util::StreamExt;
use newsledger_model::{Budget, Document, Pipeline};
use newsledger_pipeline::PIPELINE_VERSION;
use newsledger_store::{Incoming, PutOutcome, Store, Triage};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::AsyncReadExt;
use tokio::sync::{watch, Semaphore};

/// How a worker runs.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    pub nats_url: String,
    /// Store location (`postgres://…`; a SQLite path works for workers on one machine).
    pub db: String,
    pub names: Names,
    /// Used only when the worker is the first to create the streams.
    pub stream: StreamOptions,
    /// Messages per batch (and per transaction).
    pub batch: usize,
    /// Batches taken and not yet acked, at most. Each has its own database connection.
    pub in_flight: usize,
    /// How long the server waits for an ack before redelivering.
    pub ack_wait: Duration,
    /// Deliveries of a failing document before it goes to the dead-letter subject.
    pub max_deliveries: i64,
    pub metrics_addr: Option<SocketAddr>,
    /// Stop (gracefully) after the queue has given nothing this long.
    pub exit_when_idle: Option<Duration>,
    /// Name in heartbeats and metrics (default `<host>-<pid>`).
    pub id: Option<String>,
    /// How often the heartbeat is written.
    pub heartbeat: Duration,
    /// Time the pipeline may spend on one document (`None`: no limit). A document over it
    /// goes straight to the dead-letter subject with the reason, without redelivery, and is
    /// left out of its batch's transaction.
    pub budget: Option<Duration>,
}

/// Default per-document time budget of a worker.
pub const DEFAULT_WORKER_BUDGET: Duration = Duration::from_secs(10);

impl WorkerOptions {
    pub fn new(nats_url: &str, db: &str, names: Names) -> Self {
        WorkerOptions {
            nats_url: nats_url.to_string(),
            db: db.to_string(),
            names,
            stream: StreamOptions::default(),
            batch: 32,
            in_flight: 2,
            ack_wait: Duration::from_secs(30),
            max_deliveries: 5,
            metrics_addr: None,
            exit_when_idle: None,
            id: None,
            heartbeat: Duration::from_secs(2),
            budget: Some(DEFAULT_WORKER_BUDGET),
        }
    }
}

/// What a worker writes to the heartbeat bucket, and what `status` reads.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Heartbeat {
    pub id: String,
    pub host: String,
    pub pid: u32,
    /// `running`, `stopping` or `stopped`.
    pub state: String,
    pub started: String,
    /// When this heartbeat was written (RFC 3339, UTC).
    pub seen: String,
    pub heartbeat_secs: f64,
    pub batch: usize,
    pub in_flight_limit: usize,
    pub pipeline_version: String,
    pub metrics_addr: Option<String>,
    pub counters: Snapshot,
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "host".into())
}

/// KV keys allow letters, digits and `-_=./`; anything else becomes `_`.
fn kv_key(id: &str) -> String {
    let k: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if k.is_empty() {
        "worker".into()
    } else {
        k
    }
}

/// Everything the batch tasks share.
struct Ctx {
    opts: WorkerOptions,
    id: String,
    client: async_nats::Client,
    js: jetstream::Context,
    pipeline: Arc<Pipeline>,
    stores: Mutex<Vec<Box<dyn Store>>>,
    objects: tokio::sync::OnceCell<jetstream::object_store::ObjectStore>,
    metrics: Arc<Metrics>,
    shutdown: watch::Receiver<bool>,
}

/// Run a worker until SIGTERM/SIGINT (or idleness, when asked); returns its final counters.
pub async fn run(opts: WorkerOptions) -> anyhow::Result<Snapshot> {
    let host = host_name();
    let id = opts
        .id
        .clone()
        .unwrap_or_else(|| format!("{host}-{}", std::process::id()));
    let client = crate::connect(&opts.nats_url, &format!("newsledger-worker {id}")).await?;
    let js = jetstream::new(client.clone());
    let stream = crate::ensure_streams(&js, &opts.names, &opts.stream).await?;
    let consumer = ensure_consumer(&stream, &opts).await?;
    let kv = crate::workers_bucket(&js, &opts.names).await?;

    let in_flight = opts.in_flight.max(1);
    let pipeline = Arc::new(newsledger_pipeline::default_pipeline()?);
    let metrics = Metrics::new();

    let metrics_addr = match opts.metrics_addr {
        Some(addr) => {
            let bound = crate::metrics::serve(addr, metrics.clone(), id.clone())
                .await
                .with_context(|| format!("serving metrics on {addr}"))?;
            eprintln!("worker {id}: metrics on http://{bound}/metrics");
            Some(bound.to_string())
        }
        None => None,
    };

    // Opened last: from here on nothing returns early, so the connections are always
    // closed by `close_stores` (see there why that matters).
    let db = opts.db.clone();
    let stores = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<Box<dyn Store>>> {
        (0..in_flight)
            .map(|_| newsledger_store::open(&db).with_context(|| format!("opening store {db}")))
            .collect()
    })
    .await??;

    let (stop_tx, stop_rx) = watch::channel(false);
    spawn_signal_handler(stop_tx.clone(), id.clone());

    let ctx = Arc::new(Ctx {
        opts: opts.clone(),
        id: id.clone(),
        client: client.clone(),
        js,
        pipeline,
        stores: Mutex::new(stores),
        objects: tokio::sync::OnceCell::new(),
        metrics: metrics.clone(),
        shutdown: stop_rx.clone(),
    });

    let started = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let beat = {
        let metrics = metrics.clone();
        let id = id.clone();
        let host = host.clone();
        let opts = opts.clone();
        let metrics_addr = metrics_addr.clone();
        let started = started.clone();
        move |state: &str| Heartbeat {
            id: id.clone(),
            host: host.clone(),
            pid: std::process::id(),
            state: state.to_string(),
            started: started.clone(),
            seen: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            heartbeat_secs: opts.heartbeat.as_secs_f64(),
            batch: opts.batch,
            in_flight_limit: in_flight,
            pipeline_version: PIPELINE_VERSION.to_string(),
            metrics_addr: metrics_addr.clone(),
            counters: metrics.snapshot(),
        }
    };
    let beat = Arc::new(beat);
    let key = kv_key(&id);
    let heart = {
        let kv = kv.clone();
        let key = key.clone();
        let beat = beat.clone();
        let metrics = metrics.clone();
        let mut consumer = consumer.clone();
        let every = opts.heartbeat.max(Duration::from_millis(200));
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(500));
            let mut last_beat: Option<Instant> = None;
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    _ = stop.changed() => {}
                }
                metrics.tick();
                if last_beat.is_some_and(|t| t.elapsed() < every) {
                    continue;
                }
                last_beat = Some(Instant::now());
                if let Ok(info) = consumer.info().await {
                    metrics
                        .consumer_pending
                        .store(info.num_pending, Ordering::Relaxed);
                    metrics
                        .consumer_ack_pending
                        .store(info.num_ack_pending as u64, Ordering::Relaxed);
                }
                let state = if *stop.borrow() {
                    "stopping"
                } else {
                    "running"
                };
                if let Ok(body) = serde_json::to_vec(&beat(state)) {
                    if let Err(e) = kv.put(&key, body.into()).await {
                        eprintln!("warning: worker heartbeat not written: {e}");
                    }
                }
            }
        })
    };

    eprintln!(
        "worker {id}: consuming {} (consumer {}) into {}, batch {}, in flight {}, ack wait {:.1}s",
        opts.names.stream,
        opts.names.consumer,
        redact(&opts.db),
        opts.batch,
        in_flight,
        opts.ack_wait.as_secs_f64()
    );

    let permits = Arc::new(Semaphore::new(in_flight));
    let mut tasks = tokio::task::JoinSet::new();
    let mut stop = stop_rx.clone();
    let mut last_work = Instant::now();
    let batch_size = opts.batch.max(1);
    loop {
        while let Some(r) = tasks.try_join_next() {
            if let Err(e) = r {
                eprintln!("error: worker {id}: a batch task failed: {e}");
            }
        }
        if *stop.borrow() {
            break;
        }
        if !tasks.is_empty() {
            // Idle means nothing in flight either: a batch's naks come back after it ends.
            last_work = Instant::now();
        }
        if let Some(idle) = opts.exit_when_idle {
            if tasks.is_empty() && last_work.elapsed() >= idle {
                eprintln!("worker {id}: idle for {:.1}s, stopping", idle.as_secs_f64());
                break;
            }
        }
        // Back-pressure: no new batch until one of the in-flight ones is acked.
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            _ = stop.changed() => break,
        };
        // The pull expires after a second, so a stop request waits at most that long; a
        // batch that arrives meanwhile is still processed ("finish the batch").
        let msgs = match fetch(&consumer, batch_size).await {
            Ok(m) => m,
            Err(e) => {
                eprintln!("warning: worker {id}: fetching from the queue: {e:#}");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if msgs.is_empty() {
            continue;
        }
        last_work = Instant::now();
        Metrics::add(&metrics.batches, 1);
        metrics.in_flight.fetch_add(1, Ordering::Relaxed);
        let ctx = ctx.clone();
        tasks.spawn(async move {
            process_batch(&ctx, msgs).await;
            ctx.metrics.in_flight.fetch_sub(1, Ordering::Relaxed);
            drop(permit);
        });
    }
    let _ = stop_tx.send(true);
    if !tasks.is_empty() {
        eprintln!(
            "worker {id}: stopping: finishing {} batch(es) in flight",
            tasks.len()
        );
    }
    while let Some(r) = tasks.join_next().await {
        if let Err(e) = r {
            eprintln!("error: worker {id}: a batch task failed: {e}");
        }
    }
    heart.abort();
    if let Ok(mut s) = ctx.stores.lock() {
        let _ = close_stores(std::mem::take(&mut *s)).join();
    }
    metrics.tick();
    if let Ok(body) = serde_json::to_vec(&beat("stopped")) {
        let _ = kv.put(&key, body.into()).await;
    }
    let _ = client.flush().await;
    let snap = metrics.snapshot();
    eprintln!(
        "worker {id}: stopped: {} documents ({} stored, {} copies, {} unchanged), {} records, {} document errors, {} dead letters, {} store errors",
        snap.documents,
        snap.stored,
        snap.duplicates,
        snap.unchanged,
        snap.records,
        snap.document_errors,
        snap.dead_letters,
        snap.store_errors
    );
    Ok(snap)
}

/// The URL without its password, for logs.
fn redact(db: &str) -> String {
    match (db.find("://"), db.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &db[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &db[..s + 3], &db[at..]),
                None => db.to_string(),
            }
        }
        _ => db.to_string(),
    }
}

/// SIGTERM or SIGINT: stop taking batches, finish the ones in flight. A second signal
/// exits at once (the unacked batches are redelivered, as after a crash).
fn spawn_signal_handler(stop: watch::Sender<bool>, id: String) {
    tokio::spawn(async move {
        #[cfg(unix)]
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => Some(s),
                Err(e) => {
                    eprintln!("warning: cannot listen for SIGTERM: {e}");
                    None
                }
            };
        let mut signals = 0;
        loop {
            #[cfg(unix)]
            let got = {
                let term_recv = async {
                    match term.as_mut() {
                        Some(t) => t.recv().await,
                        None => std::future::pending().await,
                    }
                };
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => true,
                    _ = term_recv => true,
                }
            };
            #[cfg(not(unix))]
            let got = tokio::signal::ctrl_c().await.is_ok();
            if !got {
                return;
            }
            signals += 1;
            if signals > 1 {
                eprintln!(
                    "worker {id}: second signal, exiting now; unacked messages will be redelivered"
                );
                std::process::exit(130);
            }
            eprintln!("worker {id}: signal received, finishing the current batches");
            let _ = stop.send(true);
        }
    });
}

/// Get or create the durable consumer. An existing consumer keeps its configuration (the
/// first worker's ack wait wins); a different request is reported, not applied, because
/// servers before 2.10 cannot update a consumer in place.
async fn ensure_consumer(
    stream: &jetstream::stream::Stream,
    opts: &WorkerOptions,
) -> anyhow::Result<PullConsumer> {
    let config = jetstream::consumer::pull::Config {
        durable_name: Some(opts.names.consumer.clone()),
        description: Some("newsledger workers".into()),
        ack_policy: jetstream::consumer::AckPolicy::Explicit,
        ack_wait: opts.ack_wait,
        filter_subject: opts.names.subject.clone(),
        // Dead-lettering is ours (it needs the error); the server never gives up on its own.
        max_deliver: -1,
        max_ack_pending: 10_000,
        ..Default::default()
    };
    let mut consumer: PullConsumer = stream
        .get_or_create_consumer(&opts.names.consumer, config)
        .await
        .with_context(|| format!("creating consumer {}", opts.names.consumer))?;
    if let Ok(info) = consumer.info().await {
        let have = info.config.ack_wait;
        if have != opts.ack_wait {
            eprintln!(
                "warning: consumer {} already exists with ack wait {:.1}s; keeping it (delete the consumer to change it)",
                opts.names.consumer,
                have.as_secs_f64()
            );
        }
    }
    Ok(consumer)
}

/// One pull: up to `n` messages, waiting at most a second for them.
async fn fetch(consumer: &PullConsumer, n: usize) -> anyhow::Result<Vec<jetstream::Message>> {
    let mut batch = consumer
        .batch()
        .max_messages(n)
        .expires(Duration::from_secs(1))
        .messages()
        .await?;
    let mut out = Vec::with_capacity(n);
    while let Some(m) = batch.next().await {
        match m {
            Ok(m) => out.push(m),
            Err(e) => {
                if out.is_empty() {
                    return Err(anyhow::anyhow!("{e}"));
                }
                break;
            }
        }
    }
    Ok(out)
}

/// What became of one message's document.
#[derive(Debug)]
enum Fate {
    Stored {
        records: usize,
    },
    Duplicate,
    Unchanged,
    Failed(String),
    /// Fails the same way on every delivery (over its time budget): dead-lettered at once.
    Dead(String),
}

struct Job {
    /// Index into the batch's messages.
    at: usize,
    delivered: i64,
    doc_id: String,
    object: Option<String>,
}

fn header<'a>(m: &'a jetstream::Message, name: &str) -> Option<&'a str> {
    m.message
        .headers
        .as_ref()
        .and_then(|h| h.get(name))
        .map(|v| v.as_str())
}

async fn process_batch(ctx: &Arc<Ctx>, msgs: Vec<jetstream::Message>) {
    let msgs = Arc::new(msgs);
    // Tell the server the batch is being worked on, so a slow batch is not redelivered
    // to another worker; only a dead worker's batch is.
    let keepalive = {
        let msgs = msgs.clone();
        let every = (ctx.opts.ack_wait / 3).max(Duration::from_millis(100));
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                for m in msgs.iter() {
                    let _ = m.ack_with(AckKind::Progress).await;
                }
            }
        })
    };

    let mut jobs: Vec<Job> = Vec::with_capacity(msgs.len());
    let mut docs: Vec<(usize, Document)> = Vec::with_capacity(msgs.len());
    let mut early: Vec<(usize, Fate)> = Vec::new();
    for (i, m) in msgs.iter().enumerate() {
        let delivered = m.info().map(|x| x.delivered).unwrap_or(1);
        let doc_id = header(m, DOC_ID_HEADER).unwrap_or("?").to_string();
        let object = header(m, OBJECT_HEADER).map(str::to_string);
        if delivered > 1 {
            Metrics::add(&ctx.metrics.redeliveries, 1);
        }
        jobs.push(Job {
            at: i,
            delivered,
            doc_id,
            object: object.clone(),
        });
        if delivered > ctx.opts.max_deliveries {
            // Delivered that often without any answer: whatever handled it died or hung.
            early.push((
                i,
                Fate::Failed(format!(
                    "delivered {delivered} times without an acknowledgement (workers died or timed out while processing it)"
                )),
            ));
            continue;
        }
        let body = match &object {
            Some(name) => match read_object(ctx, name).await {
                Ok(b) => b,
                Err(e) => {
                    early.push((i, Fate::Failed(format!("object {name}: {e:#}"))));
                    continue;
                }
            },
            None => m.message.payload.to_vec(),
        };
        match wire::decode(&body) {
            Ok(d) => docs.push((i, d)),
            Err(e) => early.push((i, Fate::Failed(e))),
        }
    }

    let mut fates: Vec<Option<Fate>> = (0..msgs.len()).map(|_| None).collect();
    for (i, f) in early {
        if let Some(slot) = fates.get_mut(i) {
            *slot = Some(f);
        }
    }
    if !docs.is_empty() {
        match write_with_retry(ctx, docs).await {
            Some(done) => {
                for (i, f) in done {
                    if let Some(slot) = fates.get_mut(i) {
                        *slot = Some(f);
                    }
                }
            }
            None => {
                // Stopping while the store was unreachable: leave the batch unacked; it is
                // redelivered to a worker after the ack wait.
                keepalive.abort();
                return;
            }
        }
    }
    keepalive.abort();

    let mut stored_objects = Vec::new();
    for job in &jobs {
        let Some(m) = msgs.get(job.at) else { continue };
        let fate = fates
            .get_mut(job.at)
            .and_then(Option::take)
            .unwrap_or_else(|| Fate::Failed("no outcome (internal error)".into()));
        let done = match fate {
            Fate::Stored { records } => {
                Metrics::add(&ctx.metrics.stored, 1);
                Metrics::add(&ctx.metrics.records, records as u64);
                true
            }
            Fate::Duplicate => {
                Metrics::add(&ctx.metrics.duplicates, 1);
                true
            }
            Fate::Unchanged => {
                Metrics::add(&ctx.metrics.unchanged, 1);
                true
            }
            Fate::Dead(error) => {
                Metrics::add(&ctx.metrics.document_errors, 1);
                dead_letter(ctx, m, job, &error).await;
                false
            }
            Fate::Failed(error) => {
                Metrics::add(&ctx.metrics.document_errors, 1);
                if job.delivered >= ctx.opts.max_deliveries {
                    dead_letter(ctx, m, job, &error).await;
                } else {
                    eprintln!(
                        "error: {}: delivery {} of {} failed, will retry: {error}",
                        job.doc_id, job.delivered, ctx.opts.max_deliveries
                    );
                    let delay = Duration::from_secs(job.delivered.clamp(1, 30) as u64);
                    let _ = m.ack_with(AckKind::Nak(Some(delay))).await;
                }
                false
            }
        };
        if done {
            if let Err(e) = m.ack().await {
                eprintln!("warning: {}: ack not sent ({e}); it will be redelivered and found already stored", job.doc_id);
            }
            if let Some(o) = &job.object {
                stored_objects.push(o.clone());
            }
        }
    }
    let _ = ctx.client.flush().await;
    if let Some(os) = ctx.objects.get() {
        for o in stored_objects {
            let _ = os.delete(&o).await;
        }
    }
}

async fn read_object(ctx: &Ctx, name: &str) -> anyhow::Result<Vec<u8>> {
    let os = ctx
        .objects
        .get_or_try_init(|| crate::objects_bucket(&ctx.js, &ctx.opts.names))
        .await?;
    let mut obj = os.get(name).await?;
    let mut buf = Vec::new();
    obj.read_to_end(&mut buf).await?;
    Ok(buf)
}

/// Publish the message with its error to the dead-letter subject, then ack it. When the
/// dead letter cannot be published the message is nak'ed instead, so nothing is lost.
async fn dead_letter(ctx: &Ctx, m: &jetstream::Message, job: &Job, error: &str) {
    let seq = m.info().map(|i| i.stream_sequence).unwrap_or(0);
    eprintln!(
        "error: {}: failed on delivery {}, moved to {}: {error}",
        job.doc_id, job.delivered, ctx.opts.names.dead_subject
    );
    let mut msg = PublishMessage::build()
        .payload(m.message.payload.clone())
        .header(DOC_ID_HEADER, header_value(&job.doc_id).as_str())
        .header(DEAD_ERROR_HEADER, header_value(error).as_str())
        .header(DEAD_DELIVERIES_HEADER, job.delivered.to_string().as_str())
        .header(DEAD_SEQUENCE_HEADER, seq.to_string().as_str())
        .header(DEAD_WORKER_HEADER, header_value(&ctx.id).as_str());
    // Two workers dead-lettering the same message leave one dead letter.
    if let Some(mid) = header(m, "Nats-Msg-Id") {
        msg = msg.message_id(mid);
    }
    if let Some(o) = &job.object {
        msg = msg.header(OBJECT_HEADER, o.as_str());
    }
    let published = match ctx
        .js
        .send_publish(ctx.opts.names.dead_subject.clone(), msg)
        .await
    {
        Ok(ack) => ack.await.map(|_| ()).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match published {
        Ok(()) => {
            Metrics::add(&ctx.metrics.dead_letters, 1);
            if let Err(e) = m.ack().await {
                eprintln!(
                    "warning: {}: ack after dead letter not sent: {e}",
                    job.doc_id
                );
            }
        }
        Err(e) => {
            eprintln!(
                "error: {}: dead letter not published ({e}); will retry",
                job.doc_id
            );
            let _ = m.ack_with(AckKind::Nak(Some(Duration::from_secs(5)))).await;
        }
    }
}

/// Run the pipeline and write the batch, retrying whole-batch store failures with backoff
/// and a fresh connection. `None` when asked to stop before the write succeeded.
async fn write_with_retry(
    ctx: &Arc<Ctx>,
    docs: Vec<(usize, Document)>,
) -> Option<Vec<(usize, Fate)>> {
    let mut backoff = Duration::from_millis(500);
    loop {
        let store = ctx.stores.lock().ok().and_then(|mut s| s.pop());
        let store = match store {
            Some(s) => s,
            None => match reopen(ctx).await {
                Ok(s) => s,
                Err(e) => {
                    Metrics::add(&ctx.metrics.store_errors, 1);
                    eprintln!("error: worker {}: store unavailable: {e:#}", ctx.id);
                    if !pause(ctx, &mut backoff).await {
                        return None;
                    }
                    continue;
                }
            },
        };
        let pipeline = ctx.pipeline.clone();
        let batch = docs.clone();
        let budget = ctx.opts.budget;
        let joined = tokio::task::spawn_blocking(move || {
            let r = write_batch(store.as_ref(), &pipeline, batch, budget);
            (store, r)
        })
        .await;
        match joined {
            Ok((store, Ok(fates))) => {
                if let Ok(mut s) = ctx.stores.lock() {
                    s.push(store);
                }
                return Some(fates);
            }
            Ok((broken, Err(e))) => {
                // The connection may be dead; close it and open a new one next time.
                close_stores(vec![broken]);
                Metrics::add(&ctx.metrics.store_errors, 1);
                eprintln!(
                    "error: worker {}: writing a batch of {} failed, retrying: {e}",
                    ctx.id,
                    docs.len()
                );
            }
            Err(e) => {
                Metrics::add(&ctx.metrics.store_errors, 1);
                eprintln!("error: worker {}: batch task panicked: {e}", ctx.id);
            }
        }
        if !pause(ctx, &mut backoff).await {
            return None;
        }
    }
}

/// Close store connections on a plain thread. The PostgreSQL client is synchronous and owns
/// a small runtime of its own, which must not be dropped on a thread driving async tasks.
fn close_stores(stores: Vec<Box<dyn Store>>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || drop(stores))
}

async fn reopen(ctx: &Ctx) -> anyhow::Result<Box<dyn Store>> {
    let db = ctx.opts.db.clone();
    tokio::task::spawn_blocking(move || newsledger_store::open(&db))
        .await?
        .map_err(Into::into)
}

/// Sleep for the backoff (doubling it up to 30 s); false when a stop was requested.
async fn pause(ctx: &Ctx, backoff: &mut Duration) -> bool {
    let mut stop = ctx.shutdown.clone();
    if *stop.borrow() {
        return false;
    }
    tokio::select! {
        _ = tokio::time::sleep(*backoff) => {}
        _ = stop.changed() => return false,
    }
    *backoff = (*backoff * 2).min(Duration::from_secs(30));
    true
}

/// Run a stage-panic-safe pipeline over one document within its budget.
fn run_guarded(
    pipeline: &Pipeline,
    doc: &mut Document,
    budget: Option<Duration>,
) -> Result<(), Fate> {
    let run = || pipeline.run_within(doc, Budget::from_limit(budget));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(over)) => Err(Fate::Dead(format!("pipeline stopped: {over}"))),
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a stage panicked".into());
            Err(Fate::Failed(format!("pipeline failed: {what}")))
        }
    }
}

/// The blocking part of a batch: triage, pipeline (in parallel, only over texts the store
/// does not have), one transaction. `Err` means nothing was written.
fn write_batch(
    store: &dyn Store,
    pipeline: &Pipeline,
    mut docs: Vec<(usize, Document)>,
    budget: Option<Duration>,
) -> newsledger_store::Result<Vec<(usize, Fate)>> {
    let triage = {
        let refs: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
        store.triage(&refs)?
    };
    let results: Vec<Result<(), Fate>> = docs
        .par_iter_mut()
        .zip(triage.par_iter())
        .map(|((_, d), t)| {
            if *t == Triage::New {
                run_guarded(pipeline, d, budget)
            } else {
                Ok(())
            }
        })
        .collect();
    let mut out = Vec::with_capacity(docs.len());
    let mut incoming = Vec::with_capacity(docs.len());
    let mut at = Vec::with_capacity(docs.len());
    for (((i, doc), t), r) in docs.into_iter().zip(triage).zip(results) {
        match r {
            Err(fate) => out.push((i, fate)),
            Ok(()) => {
                at.push(i);
                incoming.push(Incoming {
                    doc,
                    processed: t == Triage::New,
                });
            }
        }
    }
    if incoming.is_empty() {
        return Ok(out);
    }
    let outcomes = store.put_batch(&incoming, PIPELINE_VERSION)?;
    for (i, o) in at.into_iter().zip(outcomes) {
        out.push((
            i,
            match o {
                PutOutcome::Stored { records, .. } => Fate::Stored { records },
                PutOutcome::Duplicate { .. } => Fate::Duplicate,
                PutOutcome::Unchanged { .. } => Fate::Unchanged,
                PutOutcome::Failed { error } => Fate::Failed(format!("store refused it: {error}")),
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stands in for a stage too slow for its budget, on texts that contain "STALL".
    struct Stalls;
    impl newsledger_model::Stage for Stalls {
        fn name(&self) -> &'static str {
            "stalls"
        }
        fn needs(&self) -> &'static [newsledger_model::Layer] {
            &[]
        }
        fn adds(&self) -> &'static [newsledger_model::Layer] {
            &[]
        }
        fn process(&self, doc: &mut Document) {
            if doc.text.contains("STALL") {
                doc.budget.cancel();
            }
        }
    }

    #[test]
    fn a_document_over_budget_is_dead_and_left_out_of_the_transaction() {
        let path = std::env::temp_dir().join(format!("nl-worker-budget-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let store = newsledger_store::open(path.to_str().expect("utf-8")).expect("store");
        let mut pipeline = newsledger_pipeline::default_pipeline().expect("pipeline");
        pipeline.push(Box::new(Stalls)).expect("stage");
        let meta = newsledger_model::Meta::default();
        let docs = vec![
            (
                0,
                Document::new(
                    "calm",
                    "Nine people were hurt in Tarsk on Monday.",
                    meta.clone(),
                ),
            ),
            (
                1,
                Document::new("stuck", "STALL STALL STALL, four were hurt.", meta),
            ),
        ];
        let fates = write_batch(
            store.as_ref(),
            &pipeline,
            docs,
            Some(Duration::from_secs(3600)),
        )
        .expect("batch written");
        let fate = |i| fates.iter().find(|(j, _)| *j == i).map(|(_, f)| f);
        assert!(matches!(fate(0), Some(Fate::Stored { .. })), "{fates:?}");
        match fate(1) {
            Some(Fate::Dead(reason)) => assert!(reason.contains("time budget"), "{reason}"),
            other => panic!("expected a dead letter, got {other:?}"),
        }
        let stats = store.stats().expect("stats");
        assert_eq!(stats.documents, 1, "only the calm document was written");
        drop(store);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn kv_keys_are_safe() {
        assert_eq!(kv_key("host-1.example:42"), "host-1_example_42");
        assert_eq!(kv_key(""), "worker");
    }

    #[test]
    fn passwords_stay_out_of_logs() {
        assert_eq!(
            redact("postgres://u:secret@db.example:5432/x"),
            "postgres://u:***@db.example:5432/x"
        );
        assert_eq!(redact("postgres://u@h/x"), "postgres://u@h/x");
        assert_eq!(redact("story.db"), "story.db");
    }
}
