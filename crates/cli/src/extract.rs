//! `newsledger extract`: read inputs, run the pipeline, write ledgers.

use anyhow::Context;
use clap::{Args, ValueEnum};
use newsledger_ingest::{read_input, read_web_input, Item, ReadOptions, ReadStats, TextMeta};
use newsledger_model::{Budget, Document, LedgerOptions, OverBudget, Pipeline};
use newsledger_pipeline::output::{Format, LedgerWriter, Rendered};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// The built-in sample: our own fictional corpus (see corpus/README.md).
const SAMPLE: &str = include_str!("../../../corpus/reports.jsonl");

/// Documents processed in parallel at a time; bounds memory on large inputs.
const BATCH: usize = 64;
/// A batch is also run once its texts reach this many bytes, so a JSONL file of long
/// documents is not held whole.
const BATCH_BYTES: usize = 32 << 20;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutFormat {
    Jsonl,
    Json,
    Table,
    Timeml,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Inputs: .txt (one document), .jsonl (one per line), or - for stdin.
    paths: Vec<String>,
    /// Run on the built-in sample corpus instead of PATHs.
    #[arg(long)]
    sample: bool,
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
    /// Output format (default: jsonl when stdout is not a terminal, else table).
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Output directory (required for --format timeml: DIR/<id>.tml).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Include the document text in each ledger.
    #[arg(long)]
    with_text: bool,
    /// Include the segment layer (headlines, sentences…) in each ledger.
    #[arg(long)]
    annotations: bool,
    /// Inside directories, read only files matching this glob (repeatable), e.g. '**/*.html'.
    #[arg(long = "glob", value_name = "PATTERN")]
    globs: Vec<String>,
    /// Skip documents detected as not English (counted in the summary).
    #[arg(long)]
    english_only: bool,
    /// No progress bar and no summary line on stderr (warnings and errors still print).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Time the pipeline may spend on one document (e.g. 30s, 500ms, or none); a document
    /// over it is reported on stderr and skipped, and the run exits 1 at the end.
    #[arg(long, default_value = "30s")]
    budget: newsledger_model::budget::Limit,
}

fn parse_published(s: &str) -> Result<chrono::NaiveDate, String> {
    newsledger_ingest::parse_date(s)
}

/// Where ledgers go.
enum Sink {
    Ledger(LedgerWriter<Box<dyn Write>>),
    Timeml(PathBuf),
}

impl Sink {
    /// Run a document the pipeline cuts into chunks and write its ledger as the chunks come,
    /// without holding all its records (see `LedgerWriter::run_and_write`). Over the
    /// document's budget nothing is written and the overrun is returned.
    fn run_and_write(
        &mut self,
        pipeline: &Pipeline,
        doc: &Document,
        with_text: bool,
    ) -> anyhow::Result<Option<OverBudget>> {
        match self {
            Sink::Ledger(w) => match w.run_and_write(pipeline, doc, with_text) {
                Ok(()) => Ok(None),
                Err(e) => match OverBudget::in_io(&e) {
                    Some(over) => Ok(Some(over)),
                    None => Err(e).context("writing output"),
                },
            },
            Sink::Timeml(_) => {
                let mut d = doc.clone();
                if let Err(over) = pipeline.run_within(&mut d, doc.budget.clone()) {
                    return Ok(Some(over));
                }
                self.write(&d, with_text)?;
                Ok(None)
            }
        }
    }

    /// Write a ledger; `with_text` forces the text in (extracted HTML/WARC/feed text, which
    /// the spans point into and which the caller does not have).
    fn write(&mut self, doc: &Document, with_text: bool) -> anyhow::Result<()> {
        match self {
            Sink::Ledger(w) => w
                .write_with_text(doc, with_text)
                .context("writing output")?,
            Sink::Timeml(dir) => {
                let name = format!("{}.tml", file_safe(&doc.id));
                let path = dir.join(name);
                std::fs::write(&path, newsledger_pipeline::to_timeml(doc))
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
        Ok(())
    }
}

/// A document id as a file name: path separators and odd characters become `_`.
fn file_safe(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    s.trim_start_matches('.').chars().take(200).collect()
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.paths.is_empty() && !args.sample {
        eprintln!("newsledger extract: give one or more PATHs (or - for stdin), or --sample");
        return Ok(ExitCode::from(2));
    }
    let pipeline = newsledger_pipeline::default_pipeline()?;
    let opts = LedgerOptions {
        with_text: args.with_text,
        annotations: args.annotations,
    };
    let stdout_tty = std::io::stdout().is_terminal();
    let format = args.format.unwrap_or(if stdout_tty {
        OutFormat::Table
    } else {
        OutFormat::Jsonl
    });
    let mut sink = match format {
        OutFormat::Timeml => {
            let Some(dir) = args.out.clone() else {
                eprintln!("newsledger extract: --format timeml needs --out DIR");
                return Ok(ExitCode::from(2));
            };
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            Sink::Timeml(dir)
        }
        f => {
            let out: Box<dyn Write> = match &args.out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("creating {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let f = match f {
                OutFormat::Json => Format::Json,
                OutFormat::Table => Format::Table,
                _ => Format::Jsonl,
            };
            Sink::Ledger(LedgerWriter::new(out, f, opts))
        }
    };

    let meta = TextMeta {
        published: args.published,
        title: args.title.clone(),
        url: args.url.clone(),
        outlet: args.outlet.clone(),
    };
    let read_opts = ReadOptions {
        english_only: args.english_only,
        globs: args.globs.clone(),
    };
    let mut stats = ReadStats::default();
    let total = if args.sample {
        None
    } else {
        crate::progress::total_bytes(&args.paths)
    };
    let mut progress = crate::progress::Progress::new("extract", total, args.quiet);
    let started = std::time::Instant::now();
    let mut failed = false;
    let mut batch: Vec<(Document, bool)> = Vec::with_capacity(BATCH);
    let mut extracted = false;
    let mut write_err: Option<anyhow::Error> = None;
    {
        let mut on_item = |item: Item, extracted: bool| {
            if write_err.is_some() {
                return;
            }
            match item {
                Item::Doc(d) => {
                    batch.push((d, extracted));
                    let bytes: usize = batch.iter().map(|(d, _)| d.text.len()).sum();
                    if batch.len() >= BATCH || bytes >= BATCH_BYTES {
                        let r = flush(
                            &pipeline,
                            &mut batch,
                            &mut sink,
                            &mut progress,
                            args.budget.0,
                        );
                        if let Err(e) = r.map(|over| failed |= over) {
                            write_err = Some(e);
                        }
                    }
                }
                Item::Warning(w) => progress.println(&format!("warning: {w}")),
                Item::Error(e) => {
                    progress.println(&format!("error: {e}"));
                    progress.failed();
                    failed = true;
                }
            }
        };
        if args.sample {
            newsledger_ingest::read_jsonl(
                std::io::Cursor::new(SAMPLE.as_bytes()),
                "sample",
                &mut |i| on_item(i, false),
            );
        }
        for p in &args.paths {
            let path = std::path::Path::new(p);
            if p != "-" && newsledger_ingest::web::handles(path) {
                extracted = true;
                read_web_input(path, &meta, &read_opts, &mut stats, &mut |i| {
                    on_item(i, true)
                });
            } else if args.english_only {
                // Text and JSONL come out of the reader with their language settled
                // (declared or detected): skip those that are not English, by name.
                read_input(p, &meta, &mut |i| match i {
                    Item::Doc(d) => match newsledger_ingest::language::not_english(&d) {
                        Some(msg) => {
                            stats.skipped_language += 1;
                            on_item(Item::Warning(msg), false);
                        }
                        None => on_item(Item::Doc(d), false),
                    },
                    other => on_item(other, false),
                });
            } else {
                read_input(p, &meta, &mut |i| on_item(i, false));
            }
        }
    }
    if let Some(e) = write_err {
        return Err(e);
    }
    failed |= flush(
        &pipeline,
        &mut batch,
        &mut sink,
        &mut progress,
        args.budget.0,
    )?;
    if let Sink::Ledger(w) = sink {
        w.finish().context("writing output")?;
    }
    if extracted {
        progress.println(&stats.summary(started.elapsed()));
    }
    progress.skipped((stats.skipped_language + stats.skipped_other) as u64);
    progress.finish();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The records of a processed document (figures, claims, events, entities, timexes).
fn records_of(d: &Document) -> u64 {
    let l = &d.layers;
    (l.figures.len() + l.claims.len() + l.events.len() + l.entities.len() + l.timexes.len()) as u64
}

/// Runs and writes a batch; true when a document was skipped for going over its budget.
fn flush(
    pipeline: &Pipeline,
    batch: &mut Vec<(Document, bool)>,
    sink: &mut Sink,
    progress: &mut crate::progress::Progress,
    budget: Option<Duration>,
) -> anyhow::Result<bool> {
    // Long documents are run chunk by chunk (in parallel inside) while they are written.
    let long = |d: &Document| pipeline.chunks_of(&d.text).is_some();
    let renderer = match sink {
        Sink::Ledger(w) => Some(w.renderer()),
        Sink::Timeml(_) => None,
    };
    // The other documents are run, serialised and freed on all cores; only their bytes are
    // written here, in input order, so the serial part of a batch stays small.
    type Done = (
        Option<std::io::Result<Rendered>>,
        u64,
        u64,
        Option<OverBudget>,
    );
    let rendered: Vec<Done> = batch
        .par_iter_mut()
        .map(|(d, extracted)| {
            let bytes = d.text.len() as u64;
            if long(d) {
                return (None, bytes, 0, None);
            }
            if let Err(over) = pipeline.run_within(d, Budget::from_limit(budget)) {
                return (None, bytes, 0, Some(over));
            }
            let records = records_of(d);
            let Some(r) = renderer.map(|r| r.render(d, *extracted)) else {
                return (None, bytes, records, None);
            };
            *d = Document::default();
            (Some(r), bytes, records, None)
        })
        .collect();
    let mut skipped = false;
    for ((mut d, extracted), (r, bytes, records, over)) in batch.drain(..).zip(rendered) {
        progress.doc(bytes, records);
        let over = match (r, &mut *sink) {
            _ if over.is_some() => over,
            (Some(r), Sink::Ledger(w)) => {
                w.write_rendered(r.context("writing output")?)
                    .context("writing output")?;
                None
            }
            (Some(_), Sink::Timeml(_)) => None,
            (None, _) if long(&d) => {
                d.budget = Budget::from_limit(budget);
                sink.run_and_write(pipeline, &d, extracted)?
            }
            (None, _) => {
                sink.write(&d, extracted)?;
                None
            }
        };
        if let Some(over) = over {
            progress.println(&format!("error: {}: skipped: {over}", d.id));
            progress.failed();
            skipped = true;
        }
    }
    Ok(skipped)
}
