//! # newsledger-queue
//!
//! One process and one SQLite file cannot keep up with a day of world news. This crate
//! spreads `ingest` over machines on engines that already solve the hard parts: a NATS
//! JetStream stream is the work queue (durable, acknowledged, redelivered on timeout) and
//! PostgreSQL is the shared store (the store crate serialises writers with an advisory lock
//! and stores every text once, keyed by its content hash).
//!
//! - [`publish`]: `newsledger enqueue` reads inputs with the same readers as `ingest` and
//!   publishes each document with `Nats-Msg-Id` = the SHA-256 of its message, so the
//!   stream's duplicate window drops a re-send. Documents too large for one message go
//!   through the JetStream object store and the queue carries a reference.
//! - [`worker`]: `newsledger worker` is a durable pull consumer. It takes a batch, runs the
//!   pipeline, writes the batch to PostgreSQL in one transaction and acks only after the
//!   commit, so a crash at any point means redelivery, and redelivery is harmless because
//!   storage is idempotent. Bounded in-flight batches, graceful SIGTERM/SIGINT, dead letters
//!   after N failed deliveries, a Prometheus `/metrics` endpoint and a heartbeat in a KV
//!   bucket that `status` reads.
//! - [`status`]: queue depth, workers seen, throughput and errors.
//!
//! Everything one queue uses is named after its stream (see [`Names`]), so several queues
//! (or test runs) can share one NATS server without seeing each other.

pub mod metrics;
pub mod publish;
pub mod status;
pub mod wire;
pub mod worker;

use anyhow::{bail, Context as _};
use async_nats::jetstream;
use std::time::Duration;

/// Default stream name.
pub const DEFAULT_STREAM: &str = "NEWSLEDGER";
/// Default durable consumer name shared by all workers of a queue.
pub const DEFAULT_CONSUMER: &str = "workers";
/// Header naming the object-store entry that holds a document too large for one message.
pub const OBJECT_HEADER: &str = "Newsledger-Object";
/// Header carrying the document's own id, so errors can name it without decoding the body.
pub const DOC_ID_HEADER: &str = "Newsledger-Doc-Id";
/// Headers of a dead letter.
pub const DEAD_ERROR_HEADER: &str = "Newsledger-Error";
pub const DEAD_DELIVERIES_HEADER: &str = "Newsledger-Deliveries";
pub const DEAD_SEQUENCE_HEADER: &str = "Newsledger-Stream-Sequence";
pub const DEAD_WORKER_HEADER: &str = "Newsledger-Worker";

/// The JetStream resources of one queue, all derived from the stream name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// The work stream (work-queue retention: a message leaves it when acked).
    pub stream: String,
    /// Subject the documents are published on.
    pub subject: String,
    /// Stream keeping dead letters (limits retention: they stay until someone looks).
    pub dead_stream: String,
    pub dead_subject: String,
    /// Durable pull consumer shared by the workers.
    pub consumer: String,
    /// KV bucket of worker heartbeats.
    pub workers_bucket: String,
    /// Object store for documents larger than the server's max payload.
    pub objects_bucket: String,
}

impl Names {
    /// Names for stream `stream` and consumer `consumer`. Both must be plain names
    /// (letters, digits, `-`, `_`): they become parts of subjects and bucket names.
    pub fn new(stream: &str, consumer: &str) -> anyhow::Result<Names> {
        for (what, v) in [("stream", stream), ("consumer", consumer)] {
            if v.is_empty()
                || v.len() > 64
                || !v
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                bail!("{what} name {v:?}: use 1-64 letters, digits, '-' or '_'");
            }
        }
        let prefix = stream.to_ascii_lowercase();
        Ok(Names {
            stream: stream.to_string(),
            subject: format!("{prefix}.docs"),
            dead_stream: format!("{stream}_DEAD"),
            dead_subject: format!("{prefix}.dead"),
            consumer: consumer.to_string(),
            workers_bucket: format!("{stream}_WORKERS"),
            objects_bucket: format!("{stream}_OBJECTS"),
        })
    }
}

/// How the work stream is created when it does not exist yet (an existing stream keeps
/// its configuration).
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// Re-sends of a message id within this window are dropped by the server.
    pub duplicate_window: Duration,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            duplicate_window: Duration::from_secs(600),
        }
    }
}

/// Connect to NATS with a client name that shows up in the server's monitoring.
pub async fn connect(url: &str, name: &str) -> anyhow::Result<async_nats::Client> {
    async_nats::ConnectOptions::new()
        .name(name)
        .connect(url)
        .await
        .with_context(|| format!("connecting to NATS at {url}"))
}

/// Get or create the work stream and the dead-letter stream.
pub async fn ensure_streams(
    js: &jetstream::Context,
    names: &Names,
    opts: &StreamOptions,
) -> anyhow::Result<jetstream::stream::Stream> {
    let work = js
        .get_or_create_stream(jetstream::stream::Config {
            name: names.stream.clone(),
            subjects: vec![names.subject.clone()],
            retention: jetstream::stream::RetentionPolicy::WorkQueue,
            storage: jetstream::stream::StorageType::File,
            duplicate_window: opts.duplicate_window,
            description: Some("newsledger documents waiting for a worker".into()),
            ..Default::default()
        })
        .await
        .with_context(|| format!("creating stream {} (is JetStream enabled?)", names.stream))?;
    js.get_or_create_stream(jetstream::stream::Config {
        name: names.dead_stream.clone(),
        subjects: vec![names.dead_subject.clone()],
        storage: jetstream::stream::StorageType::File,
        description: Some("newsledger documents that failed too often, with the error".into()),
        ..Default::default()
    })
    .await
    .with_context(|| format!("creating stream {}", names.dead_stream))?;
    Ok(work)
}

/// Get or create the heartbeat bucket. Entries expire after a day, so `status` shows
/// the workers seen recently, not every worker that ever ran.
///
/// The bucket's stream is created here with the key-value conventions (`KV_<bucket>` over
/// `$KV.<bucket>.>`, one message per key) rather than through the client's
/// `create_key_value`, which first reads account fields that servers before 2.10 (such as
/// Debian's 2.9) do not send. The result is an ordinary bucket (`nats kv ls` shows it).
pub async fn workers_bucket(
    js: &jetstream::Context,
    names: &Names,
) -> anyhow::Result<jetstream::kv::Store> {
    if let Ok(kv) = js.get_key_value(&names.workers_bucket).await {
        return Ok(kv);
    }
    let bucket = &names.workers_bucket;
    js.get_or_create_stream(jetstream::stream::Config {
        name: format!("KV_{bucket}"),
        description: Some("newsledger worker heartbeats".into()),
        subjects: vec![format!("$KV.{bucket}.>")],
        max_messages_per_subject: 1,
        max_age: Duration::from_secs(24 * 3600),
        storage: jetstream::stream::StorageType::File,
        allow_rollup: true,
        deny_delete: true,
        allow_direct: true,
        discard: jetstream::stream::DiscardPolicy::New,
        ..Default::default()
    })
    .await
    .with_context(|| format!("creating KV bucket {bucket}"))?;
    js.get_key_value(bucket)
        .await
        .with_context(|| format!("opening KV bucket {bucket}"))
}

/// Get or create the object store for large documents.
pub async fn objects_bucket(
    js: &jetstream::Context,
    names: &Names,
) -> anyhow::Result<jetstream::object_store::ObjectStore> {
    if let Ok(os) = js.get_object_store(&names.objects_bucket).await {
        return Ok(os);
    }
    js.create_object_store(jetstream::object_store::Config {
        bucket: names.objects_bucket.clone(),
        description: Some("newsledger documents larger than one message".into()),
        // A worker deletes an object once its document is stored; this only bounds what a
        // crash between the ack and the delete (or a dropped re-send) leaves behind.
        max_age: Duration::from_secs(7 * 24 * 3600),
        storage: jetstream::stream::StorageType::File,
        ..Default::default()
    })
    .await
    .with_context(|| format!("creating object store {}", names.objects_bucket))
}

/// A multi-threaded Tokio runtime for the command-line entry points, which are sync.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_derive_from_the_stream() {
        let n = Names::new("NL_test-1", "workers").unwrap();
        assert_eq!(n.subject, "nl_test-1.docs");
        assert_eq!(n.dead_subject, "nl_test-1.dead");
        assert_eq!(n.dead_stream, "NL_test-1_DEAD");
        assert_eq!(n.workers_bucket, "NL_test-1_WORKERS");
    }

    #[test]
    fn names_refuse_subject_syntax() {
        assert!(Names::new("a.b", "w").is_err());
        assert!(Names::new("a*", "w").is_err());
        assert!(Names::new("", "w").is_err());
        assert!(Names::new("ok", "w>").is_err());
    }
}
