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
use std::time::Duration;

pub use error::ApiError;

/// Largest request body accepted (a POST of documents), in bytes.
pub const DEFAULT_BODY_LIMIT: usize = 10 * 1024 * 1024;
/// How long the pipeline may work on one POST before it gives up and stores nothing.
pub const DEFAULT_INGEST_BUDGET: Duration = Duration::from_secs(5);
/// How long a client may take to send a request body before it gets 408.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// Write requests processed at once; more are answered 503 with `Retry-After`.
pub const DEFAULT_MAX_WRITES: usize = 4;

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
    /// Time the pipeline may spend on one write request (`None`: no limit). Over it the
    /// work stops, nothing of the request is stored, and the answer is 503 with
    /// `Retry-After`.
    pub ingest_budget: Option<Duration>,
    /// Time a client may take to send a write request's body; slower gets 408.
    pub body_timeout: Duration,
    /// Write requests processed at once; beyond, 503 with `Retry-After` (0 refuses all).
    pub max_writes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            write_token: None,
            cors: Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
            ingest_budget: Some(DEFAULT_INGEST_BUDGET),
            body_timeout: DEFAULT_BODY_TIMEOUT,
            max_writes: DEFAULT_MAX_WRITES,
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
    pub budget: Option<Duration>,
    pub body_timeout: Duration,
    pub body_limit: usize,
    /// One permit per write request in progress.
    pub permits: Arc<tokio::sync::Semaphore>,
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
            budget: config.ingest_budget,
            body_timeout: config.body_timeout,
            body_limit: config.body_limit,
            permits: Arc::new(tokio::sync::Semaphore::new(config.max_writes)),
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
    /// Time the pipeline may spend on one POST of documents (e.g. 5s, 800ms, or none); over
    /// it nothing is stored and the client gets 503 with Retry-After.
    #[arg(long, default_value = "5s")]
    pub ingest_budget: newsledger_model::budget::Limit,
    /// Time a client may take to send a request body (e.g. 10s); slower gets 408.
    #[arg(long, default_value = "10s", value_parser = parse_timeout)]
    pub body_timeout: Duration,
    /// Write requests processed at once; more get 503 with Retry-After.
    #[arg(long, default_value_t = DEFAULT_MAX_WRITES, value_parser = parse_max_writes)]
    pub max_writes: usize,
}

fn parse_max_writes(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?}: give a whole number of at least 1")),
    }
}

fn parse_timeout(s: &str) -> Result<Duration, String> {
    newsledger_model::budget::parse_limit(s)?.ok_or_else(|| format!("{s:?}: give a duration"))
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
        ingest_budget: args.ingest_budget.0,
        body_timeout: args.body_timeout,
        max_writes: args.max_writes,
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
