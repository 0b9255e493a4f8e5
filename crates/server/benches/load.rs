//! Load bench for `GET /api/figures` (not a test): a server over the fictional corpus on a
//! loopback port, hammered by concurrent keep-alive clients for a bounded number of requests
//! and seconds. Reports requests/s and latency percentiles per query.
//!
//! `cargo bench -p newsledger-server --bench load` (release build). Knobs, all bounded:
//! LOAD_REQUESTS (per query, default 20000, max 1000000), LOAD_CONCURRENCY (default 16,
//! max 256), LOAD_SECONDS (per query, default 20, max 120).

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn knob(name: &str, default: usize, max: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .clamp(1, max)
}

fn main() -> anyhow::Result<()> {
    let requests = knob("LOAD_REQUESTS", 20_000, 1_000_000);
    let concurrency = knob("LOAD_CONCURRENCY", 16, 256);
    let seconds = knob("LOAD_SECONDS", 20, 120);

    let dir = tempfile::tempdir()?;
    let t = Instant::now();
    let store = common::build_store(dir.path());
    let stats = store.stats()?;
    eprintln!(
        "store: {} documents, {} figures (sqlite, built in {:.1}s)",
        stats.documents,
        stats.figures,
        t.elapsed().as_secs_f64()
    );

    // Server and clients on separate runtimes, so the numbers are the server's.
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let app = newsledger_server::app(store, &newsledger_server::Config::default())?;
    let listener = server_rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))?;
    let addr = listener.local_addr()?;
    assert!(addr.ip().is_loopback());
    server_rt.spawn(async move {
        let _ = axum::serve(listener, app).await;
    });

    let client_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let queries = [
        "/api/figures?limit=50",
        "/api/figures?metric=killed&limit=50",
        "/api/figures?metric=killed&group=unspecified&from=2031-03-03&to=2031-03-08",
        "/api/figures?limit=500",
    ];
    println!(
        "{:<76} {:>8} {:>6} {:>9} {:>8} {:>8} {:>8}",
        "query", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms"
    );
    for q in queries {
        let url = format!("http://{addr}{q}");
        let r = client_rt.block_on(run(
            url,
            requests,
            concurrency,
            Duration::from_secs(seconds as u64),
        ))?;
        println!(
            "{:<76} {:>8} {:>6} {:>9.0} {:>8.2} {:>8.2} {:>8.2}",
            q, r.done, r.errors, r.rps, r.p50, r.p99, r.max
        );
    }
    println!("concurrency {concurrency}, keep-alive, loopback {addr}");
    Ok(())
}

struct Report {
    done: usize,
    errors: usize,
    rps: f64,
    p50: f64,
    p99: f64,
    max: f64,
}

async fn run(
    url: String,
    requests: usize,
    concurrency: usize,
    limit: Duration,
) -> anyhow::Result<Report> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()?;
    // Warm up: connections and the SQLite page cache.
    for _ in 0..50 {
        client.get(&url).send().await?.bytes().await?;
    }
    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, url, next, errors) =
            (client.clone(), url.clone(), next.clone(), errors.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < requests && start.elapsed() < limit {
                let t = Instant::now();
                let ok = match client.get(&url).send().await {
                    Ok(r) if r.status().is_success() => r.bytes().await.is_ok(),
                    _ => false,
                };
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            lat
        }));
    }
    let mut lat = Vec::new();
    for t in tasks {
        lat.extend(t.await?);
    }
    let wall = start.elapsed().as_secs_f64();
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((lat.len() as f64 - 1.0) * p).round() as usize;
        lat.get(i).copied().unwrap_or(0.0)
    };
    Ok(Report {
        done: lat.len(),
        errors: errors.load(Ordering::Relaxed),
        rps: lat.len() as f64 / wall,
        p50: pct(0.50),
        p99: pct(0.99),
        max: lat.last().copied().unwrap_or(0.0),
    })
}
