//! Shared by the API tests, the demo server and the load bench: a store built from our own
//! fictional corpus, and a server on a loopback port.
#![allow(dead_code)]

use newsledger_ingest::{read_jsonl, Item};
use newsledger_store::{Incoming, Store, Triage};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const TOKEN: &str = "test-token-0123456789abcdef";

pub fn corpus_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/reports.jsonl")
}

/// Read the corpus, run the default pipeline and store it in a SQLite file under `dir`.
pub fn build_store(dir: &Path) -> Arc<dyn Store> {
    let path = corpus_path();
    let file = std::fs::File::open(&path).expect("corpus/reports.jsonl");
    let mut docs = Vec::new();
    read_jsonl(std::io::BufReader::new(file), "reports.jsonl", &mut |i| {
        if let Item::Doc(d) = i {
            docs.push(d)
        }
    });
    assert!(!docs.is_empty(), "corpus is empty");
    let db = dir.join("ledger.db");
    let store: Arc<dyn Store> =
        Arc::from(newsledger_store::open(db.to_str().expect("utf-8 path")).expect("open store"));
    let pipeline = newsledger_pipeline::default_pipeline().expect("pipeline");
    let refs: Vec<&newsledger_model::Document> = docs.iter().collect();
    let triage = store.triage(&refs).expect("triage");
    let incoming: Vec<Incoming> = docs
        .into_iter()
        .zip(triage)
        .map(|(mut doc, t)| {
            let processed = t == Triage::New;
            if processed {
                pipeline.run(&mut doc);
            }
            Incoming { doc, processed }
        })
        .collect();
    store
        .put_batch(&incoming, newsledger_pipeline::PIPELINE_VERSION)
        .expect("put_batch");
    store
}

/// Start the app on 127.0.0.1:0 in the current runtime; returns the base URL.
pub async fn start(store: Arc<dyn Store>, config: newsledger_server::Config) -> String {
    let app = newsledger_server::app(store, &config).expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}
