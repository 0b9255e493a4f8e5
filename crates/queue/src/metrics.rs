//! A worker's counters and the `/metrics` endpoint (Prometheus text format, version 0.0.4).
//!
//! Counters are what Prometheus wants (it computes rates itself); the per-second gauges are
//! there for people reading the endpoint or `newsledger status` without a Prometheus server:
//! they are the rate over the last [`RATE_WINDOW`].

use serde::Serialize;
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The window over which the per-second gauges are computed.
pub const RATE_WINDOW: Duration = Duration::from_secs(10);

/// Counters of one worker; shared by its tasks.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Documents committed to the store and acked, by outcome.
    pub stored: AtomicU64,
    pub duplicates: AtomicU64,
    pub unchanged: AtomicU64,
    /// Records written (figures, claims, entities, events, timexes).
    pub records: AtomicU64,
    /// Deliveries that failed for the document's own sake (pipeline, store, undecodable).
    pub document_errors: AtomicU64,
    /// Batches whose write failed as a whole (store unreachable, commit failed): retried.
    pub store_errors: AtomicU64,
    pub dead_letters: AtomicU64,
    /// Messages delivered more than once (a worker died, timed out or nak'ed).
    pub redeliveries: AtomicU64,
    pub batches: AtomicU64,
    pub in_flight: AtomicI64,
    /// Messages not yet delivered to any worker, as last seen.
    pub consumer_pending: AtomicU64,
    /// Messages delivered but not yet acked, across all workers, as last seen.
    pub consumer_ack_pending: AtomicU64,
    samples: Mutex<VecDeque<(Instant, u64, u64)>>,
}

/// A point-in-time copy of the counters, as written to the heartbeat.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Snapshot {
    pub documents: u64,
    pub stored: u64,
    pub duplicates: u64,
    pub unchanged: u64,
    pub records: u64,
    pub document_errors: u64,
    pub store_errors: u64,
    pub dead_letters: u64,
    pub redeliveries: u64,
    pub batches: u64,
    pub in_flight: i64,
    pub documents_per_second: f64,
    pub records_per_second: f64,
    pub consumer_pending: u64,
    pub consumer_ack_pending: u64,
}

impl Metrics {
    pub fn new() -> Arc<Metrics> {
        Arc::new(Metrics::default())
    }

    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    fn documents(&self) -> u64 {
        self.stored.load(Ordering::Relaxed)
            + self.duplicates.load(Ordering::Relaxed)
            + self.unchanged.load(Ordering::Relaxed)
    }

    /// Record a sample for the rate gauges; call about once a second.
    pub fn tick(&self) {
        let now = Instant::now();
        let docs = self.documents();
        let recs = self.records.load(Ordering::Relaxed);
        if let Ok(mut s) = self.samples.lock() {
            s.push_back((now, docs, recs));
            while s
                .front()
                .is_some_and(|(t, _, _)| now.duration_since(*t) > RATE_WINDOW)
            {
                s.pop_front();
            }
        }
    }

    /// (documents/s, records/s) over the window.
    fn rates(&self) -> (f64, f64) {
        let now = Instant::now();
        let docs = self.documents();
        let recs = self.records.load(Ordering::Relaxed);
        let Ok(s) = self.samples.lock() else {
            return (0.0, 0.0);
        };
        match s.front() {
            Some((t, d0, r0)) => {
                let secs = now.duration_since(*t).as_secs_f64();
                if secs < 0.5 {
                    return (0.0, 0.0);
                }
                (
                    docs.saturating_sub(*d0) as f64 / secs,
                    recs.saturating_sub(*r0) as f64 / secs,
                )
            }
            None => (0.0, 0.0),
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        let (dps, rps) = self.rates();
        let l = |a: &AtomicU64| a.load(Ordering::Relaxed);
        Snapshot {
            documents: self.documents(),
            stored: l(&self.stored),
            duplicates: l(&self.duplicates),
            unchanged: l(&self.unchanged),
            records: l(&self.records),
            document_errors: l(&self.document_errors),
            store_errors: l(&self.store_errors),
            dead_letters: l(&self.dead_letters),
            redeliveries: l(&self.redeliveries),
            batches: l(&self.batches),
            in_flight: self.in_flight.load(Ordering::Relaxed),
            documents_per_second: dps,
            records_per_second: rps,
            consumer_pending: l(&self.consumer_pending),
            consumer_ack_pending: l(&self.consumer_ack_pending),
        }
    }

    /// The Prometheus text exposition of the counters.
    pub fn render(&self, worker: &str) -> String {
        let s = self.snapshot();
        let w = escape_label(worker);
        let mut out = String::new();
        let mut metric = |name: &str, kind: &str, help: &str, samples: &[(&str, String)]| {
            let _ = writeln!(out, "# HELP newsledger_worker_{name} {help}");
            let _ = writeln!(out, "# TYPE newsledger_worker_{name} {kind}");
            for (labels, v) in samples {
                let sep = if labels.is_empty() { "" } else { "," };
                let _ = writeln!(
                    out,
                    "newsledger_worker_{name}{{worker=\"{w}\"{sep}{labels}}} {v}"
                );
            }
        };
        metric(
            "documents_total",
            "counter",
            "Documents committed to the store and acknowledged, by outcome.",
            &[
                ("outcome=\"stored\"", s.stored.to_string()),
                ("outcome=\"duplicate\"", s.duplicates.to_string()),
                ("outcome=\"unchanged\"", s.unchanged.to_string()),
            ],
        );
        metric(
            "records_total",
            "counter",
            "Records written to the store.",
            &[("", s.records.to_string())],
        );
        metric(
            "errors_total",
            "counter",
            "Failures: a document's own (retried, then dead-lettered) or a whole batch's store write (retried).",
            &[
                ("kind=\"document\"", s.document_errors.to_string()),
                ("kind=\"store\"", s.store_errors.to_string()),
            ],
        );
        metric(
            "dead_letters_total",
            "counter",
            "Documents moved to the dead-letter subject.",
            &[("", s.dead_letters.to_string())],
        );
        metric(
            "redeliveries_total",
            "counter",
            "Messages received that had been delivered before.",
            &[("", s.redeliveries.to_string())],
        );
        metric(
            "batches_total",
            "counter",
            "Batches taken from the queue.",
            &[("", s.batches.to_string())],
        );
        metric(
            "batches_in_flight",
            "gauge",
            "Batches taken and not yet acknowledged.",
            &[("", s.in_flight.to_string())],
        );
        metric(
            "documents_per_second",
            "gauge",
            "Documents acknowledged per second over the last 10 seconds.",
            &[("", format!("{:.3}", s.documents_per_second))],
        );
        metric(
            "records_per_second",
            "gauge",
            "Records written per second over the last 10 seconds.",
            &[("", format!("{:.3}", s.records_per_second))],
        );
        metric(
            "consumer_lag",
            "gauge",
            "Messages in the queue not yet delivered to any worker (consumer num_pending).",
            &[("", s.consumer_pending.to_string())],
        );
        metric(
            "consumer_ack_pending",
            "gauge",
            "Messages delivered to some worker and not yet acknowledged.",
            &[("", s.consumer_ack_pending.to_string())],
        );
        out
    }
}

fn escape_label(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Serve `GET /metrics` on `addr` until the runtime stops; returns the bound address (so
/// port 0 can be used).
pub async fn serve(
    addr: SocketAddr,
    metrics: Arc<Metrics>,
    worker: String,
) -> anyhow::Result<SocketAddr> {
    use axum::{http::header, routing::get, Router};
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let app = Router::new().route(
        "/metrics",
        get(move || {
            let body = metrics.render(&worker);
            async move {
                (
                    [(
                        header::CONTENT_TYPE,
                        "text/plain; version=0.0.4; charset=utf-8",
                    )],
                    body,
                )
            }
        }),
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("warning: metrics endpoint stopped: {e}");
        }
    });
    Ok(bound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_prometheus_text() {
        let m = Metrics::new();
        Metrics::add(&m.stored, 3);
        Metrics::add(&m.records, 7);
        let text = m.render("w\"1");
        assert!(text
            .contains("newsledger_worker_documents_total{worker=\"w\\\"1\",outcome=\"stored\"} 3"));
        assert!(text.contains("newsledger_worker_records_total{worker=\"w\\\"1\"} 7"));
        assert!(text.contains("# TYPE newsledger_worker_consumer_lag gauge"));
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
}
