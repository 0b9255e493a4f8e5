//! The ledger-across-articles commands: `ingest`, `figures`, `conflicts`, `timeline`,
//! `search`, `export`, `reprocess`. They only parse flags and print; the store, the
//! identity rules and the analysis live in `newsledger-store`.

use anyhow::Context;
use clap::{Args, ValueEnum};
use newsledger_ingest::{read_input, Item, TextMeta};
use newsledger_model::{Document, FigureValue, Pipeline, ValueKind};
use newsledger_pipeline::PIPELINE_VERSION;
use newsledger_store::analysis::{self, Evidence};
use newsledger_store::{export, Filter, Incoming, PutOutcome, Store, Triage};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::progress::{Counting, Progress};

/// Documents extracted in parallel and written in one transaction.
const BATCH: usize = 64;

pub(crate) const DB_HELP: &str = "Store: a SQLite file path, or a postgres:// URL";

#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Inputs: .txt (one document), .jsonl (one per line), or - for stdin.
    #[arg(required = true)]
    paths: Vec<String>,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
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
    /// Documents per transaction.
    #[arg(long, default_value_t = BATCH)]
    batch: usize,
    /// No progress bar and no summary line on stderr (warnings and errors still print).
    #[arg(long, short)]
    quiet: bool,
    /// Time the pipeline may spend on one document (e.g. 30s, 500ms, or none); a document
    /// over it is reported and skipped, and the run exits 1 at the end.
    #[arg(long, default_value = "30s")]
    budget: newsledger_model::budget::Limit,
}

fn parse_published(s: &str) -> Result<chrono::NaiveDate, String> {
    newsledger_ingest::parse_date(s)
}

#[derive(Args, Debug)]
pub struct FiguresArgs {
    /// Metric: killed, injured, detained, missing, displaced…
    #[arg(long, default_value = "killed")]
    metric: String,
    /// Place name (any known spelling) or gn:<GeoNames id>.
    #[arg(long)]
    place: Option<String>,
    /// Group class: civilians, security_forces, protesters…
    #[arg(long)]
    group: Option<String>,
    /// Origin source (normalised through the alias table).
    #[arg(long)]
    source: Option<String>,
    /// First as_of day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last as_of day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

#[derive(Args, Debug)]
pub struct ConflictsArgs {
    /// Only this metric.
    #[arg(long)]
    metric: Option<String>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    group: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// Only this event type (protest, killing, arrest…).
    #[arg(long = "type")]
    kind: Option<String>,
    #[arg(long)]
    place: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words to look for (all must match).
    #[arg(required = true)]
    query: Vec<String>,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    Csv,
    Jsonl,
    Parquet,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportTable {
    Figures,
    Events,
    Claims,
    Entities,
    /// The story answer (every metric): current sources, chain, increments, breakdowns.
    Story,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value = "csv")]
    format: ExportFormat,
    #[arg(long, value_enum, default_value = "figures")]
    table: ExportTable,
    /// Output file (stdout when absent).
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
    /// No progress bar and no summary line on stderr (warnings and errors still print).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args, Debug)]
pub struct ReprocessArgs {
    /// Documents per transaction.
    #[arg(long, default_value_t = BATCH)]
    batch: usize,
    /// Time the pipeline may spend on one document (e.g. 30s, 500ms, or none); a document
    /// over it is reported and skipped, and the run exits 1 at the end.
    #[arg(long, default_value = "30s")]
    budget: newsledger_model::budget::Limit,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
    /// No progress bar and no summary line on stderr (warnings and errors still print).
    #[arg(long, short)]
    quiet: bool,
}

pub(crate) fn open(db: &str) -> anyhow::Result<Box<dyn Store>> {
    newsledger_store::open(db).with_context(|| format!("opening store {db}"))
}

// ------------------------------------------------------------------ ingest

#[derive(Default, Debug)]
struct Summary {
    read: usize,
    stored: usize,
    revisions: usize,
    duplicates: usize,
    near: usize,
    unchanged: usize,
    failed: usize,
    skipped_records: usize,
}

/// Run the pipeline over one document within its budget, turning a panicking stage or an
/// overrun into an error (the message to print) for that document alone.
fn run_guarded(
    pipeline: &Pipeline,
    doc: &mut Document,
    budget: Option<std::time::Duration>,
) -> Result<(), String> {
    let run = || pipeline.run_within(doc, newsledger_model::Budget::from_limit(budget));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(over)) => Err(format!("skipped: {over}")),
        Err(p) => Err(format!(
            "pipeline failed: {}",
            p.downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a stage panicked".into())
        )),
    }
}

fn flush(
    store: &dyn Store,
    pipeline: &Pipeline,
    batch: &mut Vec<Document>,
    sum: &mut Summary,
    progress: &mut Progress,
    budget: Option<std::time::Duration>,
) -> anyhow::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    sum.read += batch.len();
    let docs = batch.len() as u64;
    let bytes: u64 = batch.iter().map(|d| d.text.len() as u64).sum();
    let (mut records, mut skipped, mut failed) = (0u64, 0u64, 0u64);
    let triage = {
        let refs: Vec<&Document> = batch.iter().collect();
        store.triage(&refs).context("checking the store")?
    };
    // Extraction in parallel, only for texts the store does not have yet.
    let results: Vec<Result<(), String>> = batch
        .par_iter_mut()
        .zip(triage.par_iter())
        .map(|(d, t)| {
            if *t == Triage::New {
                run_guarded(pipeline, d, budget)
            } else {
                Ok(())
            }
        })
        .collect();
    let mut incoming = Vec::with_capacity(batch.len());
    for ((doc, t), r) in batch.drain(..).zip(triage).zip(results) {
        match (t, r) {
            (Triage::Unchanged, _) => {
                sum.unchanged += 1;
                skipped += 1;
            }
            (_, Err(e)) => {
                progress.println(&format!("error: {}: {e}", doc.id));
                sum.failed += 1;
                failed += 1;
            }
            (t, Ok(())) => incoming.push(Incoming {
                doc,
                processed: t == Triage::New,
            }),
        }
    }
    let outcomes = store
        .put_batch(&incoming, PIPELINE_VERSION)
        .context("writing to the store")?;
    for (inc, o) in incoming.iter().zip(outcomes) {
        match o {
            PutOutcome::Stored {
                version,
                skipped: skipped_records,
                records: n,
                ..
            } => {
                sum.stored += 1;
                records += n as u64;
                if version > 1 {
                    sum.revisions += 1;
                }
                for s in &skipped_records {
                    progress.println(&format!("warning: {}: record skipped: {s}", inc.doc.id));
                }
                sum.skipped_records += skipped_records.len();
            }
            PutOutcome::Duplicate { near, .. } => {
                sum.duplicates += 1;
                if near {
                    sum.near += 1;
                }
            }
            PutOutcome::Unchanged { .. } => {
                sum.unchanged += 1;
                skipped += 1;
            }
            PutOutcome::Failed { error } => {
                progress.println(&format!("error: {}: not stored: {error}", inc.doc.id));
                sum.failed += 1;
                failed += 1;
            }
        }
    }
    progress.docs(docs, bytes, records);
    progress.skipped(skipped);
    progress.failed_n(failed);
    Ok(())
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let store = open(&args.db)?;
    let pipeline = newsledger_pipeline::default_pipeline()?;
    let meta = TextMeta {
        published: args.published,
        title: args.title.clone(),
        url: args.url.clone(),
        outlet: args.outlet.clone(),
    };
    let size = args.batch.max(1);
    let mut progress = Progress::new(
        "ingest",
        crate::progress::total_bytes(&args.paths),
        args.quiet,
    );
    let mut sum = Summary::default();
    let mut read_errors = 0usize;
    let mut batch: Vec<Document> = Vec::with_capacity(size);
    let mut fatal: Option<anyhow::Error> = None;
    {
        let mut on_item = |item: Item| {
            if fatal.is_some() {
                return;
            }
            match item {
                Item::Doc(d) => {
                    batch.push(d);
                    if batch.len() >= size {
                        if let Err(e) = flush(
                            store.as_ref(),
                            &pipeline,
                            &mut batch,
                            &mut sum,
                            &mut progress,
                            args.budget.0,
                        ) {
                            fatal = Some(e);
                        }
                    }
                }
                Item::Warning(w) => progress.println(&format!("warning: {w}")),
                Item::Error(e) => {
                    progress.println(&format!("error: {e}"));
                    progress.failed();
                    read_errors += 1;
                }
            }
        };
        for p in &args.paths {
            read_input(p, &meta, &mut on_item);
        }
    }
    if let Some(e) = fatal {
        return Err(e);
    }
    flush(
        store.as_ref(),
        &pipeline,
        &mut batch,
        &mut sum,
        &mut progress,
        args.budget.0,
    )?;
    sum.failed += read_errors;
    sum.read += read_errors;
    progress.finish();
    let stats = store.stats()?;
    println!(
        "read {}, stored {} ({} revisions), duplicates {} ({} near), unchanged {}, failed {}{}",
        sum.read,
        sum.stored,
        sum.revisions,
        sum.duplicates,
        sum.near,
        sum.unchanged,
        sum.failed,
        if sum.skipped_records > 0 {
            format!(", records skipped {}", sum.skipped_records)
        } else {
            String::new()
        }
    );
    println!(
        "store ({}): {} documents, {} texts, {} figures, {} claims, {} entities, {} events",
        store.backend(),
        stats.documents,
        stats.canonical,
        stats.figures,
        stats.claims,
        stats.entities,
        stats.events
    );
    Ok(if sum.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

// ------------------------------------------------------------------ reading

pub(crate) fn value(v: &FigureValue) -> String {
    match v.kind {
        ValueKind::Exact => v.low.to_string(),
        ValueKind::AtLeast => format!("≥{}", v.low),
        ValueKind::AtMost => format!("≤{}", v.high.unwrap_or(v.low)),
        ValueKind::Approx => format!("~{}", v.low),
        ValueKind::Range | ValueKind::Vague => match v.high {
            Some(h) => format!("{}–{}", v.low, h),
            None => format!("≥{}", v.low),
        },
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cite(e: &Evidence) -> String {
    let d = &e.doc;
    let mut s = format!(
        "{} {}",
        d.outlet.as_deref().unwrap_or("?"),
        d.url.as_deref().unwrap_or(&d.ext_id)
    );
    if d.version > 1 || !d.is_current {
        s.push_str(&format!(
            " (v{}{})",
            d.version,
            if d.is_current { "" } else { ", superseded" }
        ));
    }
    if !e.also_in.is_empty() {
        let outlets: Vec<&str> = e
            .also_in
            .iter()
            .map(|a| a.outlet.as_deref().unwrap_or("?"))
            .collect();
        s.push_str(&format!(" [same text also in: {}]", outlets.join(", ")));
    }
    s
}

fn place_label(p: &Option<String>) -> &str {
    p.as_deref().unwrap_or("(no place)")
}

/// Stdout for the reading commands. A closed pipe (`| head`) ends the program quietly:
/// nothing is being written to the store at that point.
pub(crate) struct Out(std::io::BufWriter<std::io::StdoutLock<'static>>);

impl Out {
    fn pipe_closed<T>(r: std::io::Result<T>) -> std::io::Result<T> {
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            r => r,
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Out::pipe_closed(self.0.write(buf))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Out::pipe_closed(self.0.flush())
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

pub(crate) fn out() -> Out {
    Out(std::io::BufWriter::new(std::io::stdout().lock()))
}

pub fn figures(a: FiguresArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let filter = Filter {
        metric: Some(a.metric.clone()),
        kind: a.group.clone(),
        place: a.place.clone(),
        source: a.source.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        ..Filter::default()
    };
    let rows = store.figures(&filter)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.doc.content_id).collect();
    let apps = store.appearances(&ids)?;
    let series = analysis::series(&rows, &apps);
    let estimates = analysis::estimates(&rows, &apps);
    let mut w = out();
    if a.json {
        serde_json::to_writer_pretty(
            &mut w,
            &serde_json::json!({"series": series, "estimates": estimates}),
        )?;
        writeln!(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    if series.is_empty() {
        writeln!(w, "no {} figures in the store", a.metric)?;
        return Ok(ExitCode::SUCCESS);
    }
    for s in &series {
        writeln!(
            w,
            "{} · {} · {} · origin: {} ({} article{})",
            s.metric,
            s.group_class,
            place_label(&s.place),
            s.origin,
            s.articles,
            if s.articles == 1 { "" } else { "s" }
        )?;
        for p in &s.points {
            for (i, e) in p.evidence.iter().enumerate() {
                let head = if i == 0 {
                    format!(
                        "  {:<10}  {:>8}",
                        p.as_of.as_deref().unwrap_or("?"),
                        value(&p.value)
                    )
                } else {
                    format!("  {:<10}  {:>8}", "", "")
                };
                writeln!(
                    w,
                    "{head}  {}{} — {}",
                    if e.hedged { "(hedged) " } else { "" },
                    cite(e),
                    if e.sources.is_empty() {
                        "own voice".to_string()
                    } else {
                        e.sources.join(" > ")
                    }
                )?;
                writeln!(w, "  {:<10}  {:>8}  \"{}\"", "", "", one_line(&e.sentence))?;
            }
        }
        writeln!(w)?;
    }
    writeln!(
        w,
        "best current estimates (rule: {})",
        analysis::ESTIMATE_RULE
    )?;
    for e in &estimates {
        writeln!(
            w,
            "  {} · {} · {}: {} as of {} from {} — {}",
            e.metric,
            e.group_class,
            place_label(&e.place),
            value(&e.value),
            e.as_of.as_deref().unwrap_or("?"),
            e.origin,
            cite(&e.evidence)
        )?;
        writeln!(w, "      \"{}\"", one_line(&e.evidence.sentence))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn conflicts(a: ConflictsArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let rows = store.figures(&Filter {
        metric: a.metric.clone(),
        kind: a.group.clone(),
        place: a.place.clone(),
        ..Filter::default()
    })?;
    let ids: Vec<i64> = rows.iter().map(|r| r.doc.content_id).collect();
    let apps = store.appearances(&ids)?;
    let conflicts = analysis::conflicts(&rows, &apps);
    let mut w = out();
    if a.json {
        serde_json::to_writer_pretty(&mut w, &conflicts)?;
        writeln!(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    if conflicts.is_empty() {
        writeln!(w, "no conflicts")?;
    }
    for c in &conflicts {
        let kinds: Vec<String> = c
            .kinds
            .iter()
            .map(|k| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect();
        writeln!(
            w,
            "CONFLICT {} · {} · {} · {}  [across {}]",
            c.metric,
            c.group_class,
            place_label(&c.place),
            c.date,
            kinds.join(", ")
        )?;
        for s in &c.sides {
            writeln!(w, "  {:>8}  according to {}", value(&s.value), s.origin)?;
            for e in &s.evidence {
                writeln!(w, "            {}", cite(e))?;
                writeln!(w, "            \"{}\"", one_line(&e.sentence))?;
            }
        }
        writeln!(w)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn timeline(a: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let rows = store.events(&Filter {
        kind: a.kind.clone(),
        place: a.place.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        ..Filter::default()
    })?;
    let ids: Vec<i64> = rows.iter().map(|r| r.doc.content_id).collect();
    let apps = store.appearances(&ids)?;
    let entries = analysis::timeline(&rows, &apps);
    let mut w = out();
    if a.json {
        serde_json::to_writer_pretty(&mut w, &entries)?;
        writeln!(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    if entries.is_empty() {
        writeln!(w, "no events in the store")?;
    }
    for e in &entries {
        let mut who = String::new();
        if !e.agents.is_empty() {
            who.push_str(&format!(" · by {}", e.agents.join(" / ")));
        }
        if !e.targets.is_empty() {
            who.push_str(&format!(" · against {}", e.targets.join(" / ")));
        }
        writeln!(
            w,
            "{:<10}  {} · {}{} — {} article{}",
            e.date.as_deref().unwrap_or("undated"),
            e.kind,
            place_label(&e.place),
            who,
            e.articles,
            if e.articles == 1 { "" } else { "s" }
        )?;
        for s in &e.supports {
            let mut line = format!(
                "            {} {}",
                s.doc.outlet.as_deref().unwrap_or("?"),
                s.doc.url.as_deref().unwrap_or(&s.doc.ext_id)
            );
            if !s.also_in.is_empty() {
                line.push_str(&format!(" [+{} copies]", s.also_in.len()));
            }
            line.push_str(&format!(" · {} \"{}\"", s.status, s.trigger));
            if let Some(c) = &s.claim {
                line.push_str(&format!(
                    " · claim {c}{}",
                    s.claim_speaker
                        .as_deref()
                        .map(|sp| format!(" by {sp}"))
                        .unwrap_or_default()
                ));
            }
            writeln!(w, "{line}")?;
            writeln!(w, "              \"{}\"", one_line(&s.sentence))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(a: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let q = a.query.join(" ");
    let hits = store.search(&q, a.limit)?;
    let mut w = out();
    if a.json {
        serde_json::to_writer_pretty(&mut w, &hits)?;
        writeln!(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    if hits.is_empty() {
        writeln!(w, "no matches for {q:?}")?;
    }
    for h in &hits {
        writeln!(
            w,
            "[{}{}] {} {} {}",
            h.kind,
            h.rid
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default(),
            h.doc.published.as_deref().unwrap_or("?"),
            h.doc.outlet.as_deref().unwrap_or("?"),
            h.doc.url.as_deref().unwrap_or(&h.doc.ext_id)
        )?;
        writeln!(w, "    {}", one_line(&h.snippet))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export_cmd(a: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let mut progress = Progress::new("export", None, a.quiet);
    progress.status("reading the store");
    let all = Filter::default();
    let table = match a.table {
        ExportTable::Figures => export::figures_table(&store.figures(&all)?),
        ExportTable::Events => export::events_table(&store.events(&all)?),
        ExportTable::Claims => export::claims_table(&store.claims(&all)?),
        ExportTable::Entities => export::entities_table(&store.entities(&all)?),
        ExportTable::Story => export::story_table(&newsledger_store::story::story(
            store.as_ref(),
            &newsledger_store::story::StoryQuery::default(),
        )?),
    };
    export::check(&table)?;
    let inner: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(out()),
    };
    progress.status(&format!("{} rows", table.rows.len()));
    let mut sink = Counting {
        inner,
        bar: progress.bar(),
        bytes: 0,
    };
    match a.format {
        ExportFormat::Csv => export::write_csv(&table, &mut sink)?,
        ExportFormat::Jsonl => export::write_jsonl(&table, &mut sink)?,
        ExportFormat::Parquet => export::write_parquet(&table, &mut sink)?,
    }
    sink.flush()?;
    let rows = table.rows.len() as u64;
    progress.docs(rows, sink.bytes, rows);
    if let Some(p) = &a.out {
        progress.println(&format!("wrote {rows} rows to {}", p.display()));
    }
    progress.finish();
    Ok(ExitCode::SUCCESS)
}

pub fn reprocess(a: ReprocessArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let pipeline = newsledger_pipeline::default_pipeline()?;
    let size = a.batch.max(1);
    let (mut done, mut failed, mut after) = (0usize, 0usize, 0i64);
    // The number of stale texts is not known ahead: the bar counts without an ETA.
    let mut progress = Progress::new("reprocess", None, a.quiet);
    loop {
        let stale = store.stale(PIPELINE_VERSION, after, size)?;
        let Some(last) = stale.last() else { break };
        after = last.content_id;
        let results: Vec<(i64, Document, Result<(), String>)> = stale
            .into_par_iter()
            .map(|mut s| {
                let r = run_guarded(&pipeline, &mut s.doc, a.budget.0);
                (s.content_id, s.doc, r)
            })
            .collect();
        let mut ok = Vec::with_capacity(results.len());
        for (cid, doc, r) in results {
            match r {
                Ok(()) => ok.push((cid, doc)),
                Err(e) => {
                    progress.println(&format!("error: {}: {e}", doc.id));
                    progress.failed();
                    failed += 1;
                }
            }
        }
        let bytes: u64 = ok.iter().map(|(_, d)| d.text.len() as u64).sum();
        let mut records = 0u64;
        for (o, (_, d)) in store
            .replace_records(&ok, PIPELINE_VERSION)?
            .iter()
            .zip(&ok)
        {
            match o {
                PutOutcome::Failed { error } => {
                    progress.println(&format!("error: {}: not stored: {error}", d.id));
                    progress.failed();
                    failed += 1;
                }
                PutOutcome::Stored { records: n, .. } => {
                    records += *n as u64;
                    done += 1;
                }
                _ => done += 1,
            }
        }
        progress.docs(ok.len() as u64, bytes, records);
    }
    progress.finish();
    println!("reprocessed {done} texts with {PIPELINE_VERSION}, failed {failed}");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
