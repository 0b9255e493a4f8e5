//! # newsledger
//!
//! The command line. It only parses flags and wires the crates together: readers from
//! `newsledger-ingest`, the stages from `newsledger-pipeline`, the writers, the scorers from
//! `newsledger-eval`. Exit codes: 0 when every input was read (warnings do not count), 1 when
//! an input or a line of one could not be read (the rest is still written), 2 on usage errors.

mod extract;
mod progress;
mod queue_cmds;
mod store_cmds;
mod story_cmds;
mod text_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The stages allocate many small, short-lived strings and vectors per document: with glibc's
/// malloc/free these were about a fifth of the instructions of an extract run (callgrind);
/// mimalloc cuts the run's instructions by about 14% for some 60% more peak memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "newsledger",
    version,
    about = "Turn news reports into a sourced, time-resolved ledger of a developing story."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the pipeline over documents and print one ledger per document.
    Extract(extract::ExtractArgs),
    /// Print the main text of HTML pages (article only, no page furniture).
    Text(text_cmd::TextArgs),
    /// List the pipeline's stages with the layers each needs and adds.
    Stages,
    /// Score a stage against gold annotations.
    #[command(subcommand)]
    Eval(EvalCmd),
    /// Run the pipeline over documents and keep them and their records in a store.
    Ingest(store_cmds::IngestArgs),
    /// Series of a figure per source over time, with the best current estimate.
    Figures(store_cmds::FiguresArgs),
    /// The story answer per metric: current number or range, who gives it, as of when,
    /// the chain of revisions that led there, and the breakdowns beside it.
    Story(story_cmds::StoryArgs),
    /// What entered the ledger since a day (by ingest time): new figures and revisions.
    Changes(story_cmds::ChangesArgs),
    /// Figures for the same metric, group, place and day that disagree.
    Conflicts(store_cmds::ConflictsArgs),
    /// Events merged across articles, in date order.
    Timeline(store_cmds::TimelineArgs),
    /// Full-text search over stored documents and records.
    Search(store_cmds::SearchArgs),
    /// Export a record table as CSV, JSON Lines or Parquet.
    Export(store_cmds::ExportArgs),
    /// Re-run the current pipeline over stored documents with older records.
    Reprocess(store_cmds::ReprocessArgs),
    /// Serve the store over HTTP: a JSON API and a web page (read-only by default).
    Serve(newsledger_server::ServeArgs),
    /// Queue documents on a NATS JetStream stream for `worker` processes.
    Enqueue(queue_cmds::EnqueueArgs),
    /// Take queued documents, run the pipeline and write them to the store (any number of
    /// workers, on any number of machines).
    Worker(queue_cmds::WorkerArgs),
    /// Queue depth, workers seen, throughput and errors of a queue.
    Status(queue_cmds::StatusArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to stdout.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout: `newsledger man | man -l -`.
    Man,
}

#[derive(Subcommand)]
enum EvalCmd {
    /// Temporal expressions: extent (strict, relaxed), type and value F1.
    Timex(newsledger_eval::timex::Args),
    /// Figures: precision, recall, F1 and attribute accuracy.
    Figures(newsledger_eval::figures::Args),
    /// Claims: speaker, cue, content overlap, hedges.
    Claims(newsledger_eval::claims::Args),
    /// Attribution on PolNeAR (converted dev or train): cue, source, content F1 as
    /// ../shared/tools/score_attribution.py scores them, and cue recall per family.
    Attribution(newsledger_eval::attribution::Args),
    /// Entities: mentions, types, clusters.
    Entities(newsledger_eval::entities::Args),
    /// Events: type, trigger, date, place, status.
    Events(newsledger_eval::events::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Extract(args) => extract::run(args),
        Cmd::Text(a) => text_cmd::run(a),
        Cmd::Stages => stages(),
        Cmd::Eval(e) => {
            let r = match e {
                EvalCmd::Timex(a) => newsledger_eval::timex::run(&a),
                EvalCmd::Figures(a) => newsledger_eval::figures::run(&a),
                EvalCmd::Claims(a) => newsledger_eval::claims::run(&a),
                EvalCmd::Attribution(a) => newsledger_eval::attribution::run(&a),
                EvalCmd::Entities(a) => newsledger_eval::entities::run(&a),
                EvalCmd::Events(a) => newsledger_eval::events::run(&a),
            };
            r.map(|()| ExitCode::SUCCESS)
        }
        Cmd::Ingest(a) => store_cmds::ingest(a),
        Cmd::Figures(a) => store_cmds::figures(a),
        Cmd::Story(a) => story_cmds::story(a),
        Cmd::Changes(a) => story_cmds::changes(a),
        Cmd::Conflicts(a) => store_cmds::conflicts(a),
        Cmd::Timeline(a) => store_cmds::timeline(a),
        Cmd::Search(a) => store_cmds::search(a),
        Cmd::Export(a) => store_cmds::export_cmd(a),
        Cmd::Reprocess(a) => store_cmds::reprocess(a),
        Cmd::Serve(a) => newsledger_server::run_args(&a).map(|()| ExitCode::SUCCESS),
        Cmd::Enqueue(a) => queue_cmds::enqueue(a),
        Cmd::Worker(a) => queue_cmds::worker(a),
        Cmd::Status(a) => queue_cmds::status(a),
        Cmd::Completions { shell } => completions(shell),
        Cmd::Man => man(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsledger: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Completion scripts and the manual page come from the same clap definitions as the
/// parser, so they never drift from the flags.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "newsledger", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}

fn man() -> anyhow::Result<ExitCode> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
    Ok(ExitCode::SUCCESS)
}

fn stages() -> anyhow::Result<ExitCode> {
    let p = newsledger_pipeline::default_pipeline()?;
    for s in p.stages() {
        let names = |ls: &[newsledger_model::Layer]| {
            ls.iter().map(|l| l.name()).collect::<Vec<_>>().join(", ")
        };
        println!(
            "{:<10} needs [{}]  adds [{}]",
            s.name(),
            names(s.needs()),
            names(s.adds())
        );
    }
    Ok(ExitCode::SUCCESS)
}
