//! # newsledger-server
//!
//! Analysts work in a browser, not in a terminal: this crate puts the store behind a small
//! JSON API (`/api/...`, described by `/api/openapi.json`) and serves, from the same
//! binary, a self-contained web page — story view (toll series per source, conflicts, event
//! timeline, entities) and a document view that marks the evidence of every record in the
//! text. Every asset, including the vendored chart library, is compiled in, so the page
//! works offline and behind an air gap.
//!
//! Safe by default: read-only unless a write token is configured, request bodies capped,
//! no CORS unless origins are named, every query parameter validated (the store binds all
//! values as SQL parameters), every error a JSON `{"error"}` with a meaningful status.
//! Store calls block (SQLite, a Postgres client), so handlers run them on tokio's blocking
//! pool and the async workers stay free for I/O.

mod api;
mod assets;
mod docview;
mod error;
mod ingest;
mod params;
mod story;

use axum::Router;
use newsledger_model::Pipeline;
use newsledger_store::Store;
use std::net::SocketAddr;
use std::sync::Arc;

pub use error::ApiError;

/// Largest request body accepted (a POST of documents), in bytes.
pub const DEFAULT_BODY_LIMIT: usize = 10 * 1024 * 1024;

/// How the server behaves beyond what it serves.
#[derive(Debug, Clone)]
pub struct Config {
    /// When set, `POST /api/documents` ingests documents sent with
    /// `Authorization: Bearer <token>`; when `None` the server is read-only.
    pub write_token: Option<String>,
    /// Origins allowed to call the API from other pages (`*` for any). Empty: no CORS
    /// headers at all, so browsers keep other sites out.
    pub cors: Vec<String>,
    /// Request bodies larger than this are refused with 413.
    pub body_limit: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            write_token: None,
            cors: Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }
}

/// What every handler shares.
pub(crate) struct Inner {
    pub store: Arc<dyn Store>,
    /// The pipeline that processes POSTed documents; only built when writing is on.
    pub writer: Option<Writer>,
}

pub(crate) struct Writer {
    pub token: String,
    pub pipeline: Pipeline,
}

pub(crate) type AppState = Arc<Inner>;

/// The whole application: API routes, page and assets, with the configured limits.
pub fn app(store: Arc<dyn Store>, config: &Config) -> anyhow::Result<Router> {
    let writer = match &config.write_token {
        Some(t) if t.trim().len() < 16 => {
            anyhow::bail!("--write-token must be at least 16 characters")
        }
        Some(t) => Some(Writer {
            token: t.trim().to_string(),
            pipeline: newsledger_pipeline::default_pipeline()?,
        }),
        None => None,
    };
    let state = Arc::new(Inner { store, writer });
    api::router(state, config)
}

/// Serve `app` on an already bound listener until Ctrl-C (or the future ends).
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// `newsledger serve`: the JSON API and the web page over a store.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// The store: a SQLite file path or a postgres:// URL.
    #[arg(long, default_value = "newsledger.db")]
    pub db: String,
    /// Address to listen on. Keep it on loopback unless a proxy in front authenticates.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Accept POST /api/documents from clients sending `Authorization: Bearer TOKEN`
    /// (at least 16 characters). Also read from NEWSLEDGER_WRITE_TOKEN, which keeps it out
    /// of the process list. Without it the server is read-only.
    #[arg(long, value_name = "TOKEN")]
    pub write_token: Option<String>,
    /// Allow pages from ORIGIN (e.g. https://desk.example, or * for any) to call the API.
    /// Repeatable. Without it, no CORS headers are sent.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Vec<String>,
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_BODY_LIMIT)]
    pub max_body: usize,
}

/// Run `newsledger serve` with parsed arguments.
pub fn run_args(args: &ServeArgs) -> anyhow::Result<()> {
    let write_token = args.write_token.clone().or_else(|| {
        std::env::var("NEWSLEDGER_WRITE_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty())
    });
    let config = Config {
        write_token,
        cors: args.cors.clone(),
        body_limit: args.max_body,
    };
    run(&args.db, &args.addr, &config)
}

/// Open the store at `db`, bind `addr` and serve until Ctrl-C.
pub fn run(db: &str, addr: &str, config: &Config) -> anyhow::Result<()> {
    let addr: SocketAddr = addr
        .parse()
        .map_err(|e| anyhow::anyhow!("--addr {addr:?}: {e}"))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "newsledger serve: warning: listening on {addr}, reachable from other machines; \
             the API has no user accounts (put it behind a proxy that authenticates)"
        );
    }
    let store: Arc<dyn Store> = Arc::from(
        newsledger_store::open(db).map_err(|e| anyhow::anyhow!("opening store {db}: {e}"))?,
    );
    let router = app(store, config)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        eprintln!(
            "newsledger serve: http://{local}/ ({})",
            if config.write_token.is_some() {
                "writable with the token"
            } else {
                "read-only"
            }
        );
        serve(listener, router).await?;
        Ok(())
    })
}
