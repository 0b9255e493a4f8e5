//! The distributed-ingest commands: `enqueue`, `worker`, `status`. Flags and printing only;
//! the queue, the workers and the status live in `newsledger-queue`.

use anyhow::Context;
use clap::Args;
use newsledger_ingest::{read_input, Item, TextMeta};
use newsledger_queue::{publish::Publisher, worker::WorkerOptions, Names, StreamOptions};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

const NATS_HELP: &str = "NATS server URL, e.g. nats://127.0.0.1:4222";

/// Which queue: the server and the stream.
#[derive(Args, Debug)]
pub struct QueueArgs {
    #[arg(long, help = NATS_HELP)]
    nats: String,
    /// Stream name; the subjects, dead-letter stream and buckets are named after it.
    #[arg(long, default_value = newsledger_queue::DEFAULT_STREAM)]
    stream: String,
    /// Durable consumer shared by the workers.
    #[arg(long, default_value = newsledger_queue::DEFAULT_CONSUMER)]
    consumer: String,
}

impl QueueArgs {
    fn names(&self) -> anyhow::Result<Names> {
        Names::new(&self.stream, &self.consumer)
    }
}

#[derive(Args, Debug)]
pub struct EnqueueArgs {
    /// Inputs, read as `ingest` reads them: .txt, .jsonl, HTML, WARC, feeds, .gz,
    /// directories, or - for stdin.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    queue: QueueArgs,
    /// Re-sends of the same document within this many seconds are dropped by the server
    /// (applies when this command creates the stream).
    #[arg(long, default_value_t = 600)]
    duplicate_window: u64,
    /// Publication date of .txt/stdin text inputs (YYYY-MM-DD or RFC 3339).
    #[arg(long, value_parser = parse_published)]
    published: Option<chrono::NaiveDate>,
    /// Title of .txt inputs.
    #[arg(long)]
    title: Option<String>,
    /// URL of .txt inputs.
    #[arg(long)]
    url: Option<String>,
    /// Outlet of .txt inputs.
    #[arg(long)]
    outlet: Option<String>,
    /// No progress bar and no summary line on stderr (warnings and errors still print).
    #[arg(long, short)]
    quiet: bool,
}

fn parse_published(s: &str) -> Result<chrono::NaiveDate, String> {
    newsledger_ingest::parse_date(s)
}

#[derive(Args, Debug)]
pub struct WorkerArgs {
    #[command(flatten)]
    queue: QueueArgs,
    /// Store: postgres://user@host:port/db (a SQLite path works for workers on one machine).
    #[arg(long)]
    db: String,
    /// Documents per batch; each batch is one transaction.
    #[arg(long, default_value_t = 32)]
    batch: usize,
    /// Batches taken and not yet acknowledged, at most (back-pressure).
    #[arg(long, default_value_t = 2)]
    in_flight: usize,
    /// Seconds the server waits for an ack before redelivering a message (used when this
    /// worker creates the consumer; while a batch is worked on, the worker extends it).
    #[arg(long, default_value_t = 30.0)]
    ack_wait: f64,
    /// Deliveries of a failing document before it goes to the dead-letter subject.
    #[arg(long, default_value_t = 5)]
    max_deliveries: i64,
    /// Serve Prometheus metrics at http://ADDR/metrics (e.g. 0.0.0.0:9464).
    #[arg(long)]
    metrics_addr: Option<SocketAddr>,
    /// Stop gracefully once the queue has given nothing for this many seconds.
    #[arg(long)]
    exit_when_idle: Option<f64>,
    /// Worker name in heartbeats and metrics (default HOST-PID).
    #[arg(long)]
    id: Option<String>,
    /// Seconds between heartbeats.
    #[arg(long, default_value_t = 2.0)]
    heartbeat: f64,
    /// Time the pipeline may spend on one document (e.g. 10s, 500ms, or none); a document
    /// over it goes straight to the dead-letter subject with the reason.
    #[arg(long, default_value = "10s")]
    budget: newsledger_model::budget::Limit,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    #[command(flatten)]
    queue: QueueArgs,
    /// Also count the store's rows (postgres://… or a SQLite path).
    #[arg(long)]
    db: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn seconds(what: &str, s: f64) -> anyhow::Result<Duration> {
    if !(s.is_finite() && s > 0.0 && s < 1e7) {
        anyhow::bail!("--{what} must be a positive number of seconds, not {s}");
    }
    Ok(Duration::from_secs_f64(s))
}

pub fn enqueue(args: EnqueueArgs) -> anyhow::Result<ExitCode> {
    let names = args.queue.names()?;
    let rt = newsledger_queue::runtime()?;
    let opts = StreamOptions {
        duplicate_window: Duration::from_secs(args.duplicate_window.max(1)),
    };
    let mut publisher = rt.block_on(Publisher::connect(&args.queue.nats, &names, &opts))?;
    let meta = TextMeta {
        published: args.published,
        title: args.title.clone(),
        url: args.url.clone(),
        outlet: args.outlet.clone(),
    };
    let mut read = 0usize;
    let mut read_errors = 0usize;
    let mut progress = crate::progress::Progress::new(
        "enqueue",
        crate::progress::total_bytes(&args.paths),
        args.quiet,
    );
    {
        let mut on_item = |item: Item| match item {
            Item::Doc(d) => {
                read += 1;
                if let Err(e) = rt.block_on(publisher.enqueue(&d)) {
                    progress.println(&format!("error: {e}"));
                }
                progress.doc(d.text.len() as u64, 0);
            }
            Item::Warning(w) => progress.println(&format!("warning: {w}")),
            Item::Error(e) => {
                progress.println(&format!("error: {e}"));
                progress.failed();
                read_errors += 1;
            }
        };
        for p in &args.paths {
            read_input(p, &meta, &mut on_item);
        }
    }
    let (errors, counts) = rt.block_on(publisher.finish());
    for e in &errors {
        progress.println(&format!("error: {e}"));
    }
    progress.skipped(counts.duplicates as u64);
    progress.failed_n(counts.failed as u64);
    progress.finish();
    println!(
        "read {}, queued {}, dropped as re-sends {}, via object store {}, failed {}",
        read + read_errors,
        counts.queued,
        counts.duplicates,
        counts.large,
        counts.failed + read_errors
    );
    Ok(if read_errors + counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn worker(args: WorkerArgs) -> anyhow::Result<ExitCode> {
    let names = args.queue.names()?;
    if args.batch == 0 || args.in_flight == 0 || args.max_deliveries < 1 {
        anyhow::bail!("--batch, --in-flight and --max-deliveries must be at least 1");
    }
    let mut opts = WorkerOptions::new(&args.queue.nats, &args.db, names);
    opts.batch = args.batch;
    opts.in_flight = args.in_flight;
    opts.ack_wait = seconds("ack-wait", args.ack_wait)?;
    opts.max_deliveries = args.max_deliveries;
    opts.metrics_addr = args.metrics_addr;
    opts.exit_when_idle = args
        .exit_when_idle
        .map(|s| seconds("exit-when-idle", s))
        .transpose()?;
    opts.id = args.id;
    opts.heartbeat = seconds("heartbeat", args.heartbeat)?;
    opts.budget = args.budget.0;
    let rt = newsledger_queue::runtime()?;
    rt.block_on(newsledger_queue::worker::run(opts))
        .context("worker")?;
    Ok(ExitCode::SUCCESS)
}

pub fn status(args: StatusArgs) -> anyhow::Result<ExitCode> {
    let names = args.queue.names()?;
    let rt = newsledger_queue::runtime()?;
    let st = rt.block_on(newsledger_queue::status::status(
        &args.queue.nats,
        &names,
        args.db.as_deref(),
    ))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&st)?);
    } else {
        print!("{st}");
    }
    Ok(ExitCode::SUCCESS)
}
