//! `newsledger story` (the answer an analyst can quote) and `newsledger changes` (what
//! entered the ledger since a day): flags and printing only; the logic is in the store.

use crate::store_cmds::{one_line, open, out, value, DB_HELP};
use clap::Args;
use newsledger_store::story::{story as answer, Cited, MetricStory, StoryQuery};
use std::io::Write;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct StoryArgs {
    /// Metric: killed, injured, detained… (every metric when absent).
    #[arg(long)]
    metric: Option<String>,
    /// Place name (any known spelling) or gn:<GeoNames id>: the answer for that place.
    #[arg(long)]
    place: Option<String>,
    /// First as_of day (YYYY-MM-DD, or a month/week/year from its first day).
    #[arg(long)]
    from: Option<String>,
    /// Last as_of day (YYYY-MM-DD, or a month/week/year to its last day).
    #[arg(long)]
    to: Option<String>,
    /// Only documents matching these words (full-text search).
    #[arg(long)]
    query: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

fn cited(c: &Cited) -> String {
    format!(
        "{} — {}, as of {}{}{} — \"{}\" — {}",
        value(&c.value),
        c.origin,
        c.as_of.as_deref().unwrap_or("undated"),
        c.period
            .as_deref()
            .map(|p| format!(" (period {p})"))
            .unwrap_or_default(),
        if c.unconfirmed { " [unconfirmed]" } else { "" },
        one_line(&c.sentence),
        c.link
    )
}

fn print_metric(o: &mut impl Write, m: &MetricStory) -> std::io::Result<()> {
    writeln!(
        o,
        "{}{}: {}",
        m.metric,
        m.scope
            .as_deref()
            .map(|s| format!(" in {s}"))
            .unwrap_or_default(),
        m.current.summary
    )?;
    for c in &m.current.sources {
        writeln!(o, "  source  {}", cited(c))?;
    }
    if !m.chain.is_empty() {
        writeln!(o, "  chain:")?;
    }
    for s in &m.chain {
        let f = &s.first_reported;
        writeln!(
            o,
            "    {}  {:>8}  {}  [{}]  first in {} {}",
            s.as_of.as_deref().unwrap_or("undated"),
            value(&s.value),
            s.origin,
            serde_json::to_value(s.rule)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            f.outlet.as_deref().unwrap_or("?"),
            f.link
        )?;
    }
    for c in &m.increments {
        writeln!(o, "  increment (not summed)  {}", cited(c))?;
    }
    for c in &m.unconfirmed {
        writeln!(o, "  unconfirmed (shown, not chosen)  {}", cited(c))?;
    }
    for b in &m.breakdowns {
        writeln!(
            o,
            "  breakdown by {} {}{}: {}",
            b.by,
            b.group,
            b.place
                .as_deref()
                .map(|p| format!(" in {p}"))
                .unwrap_or_default(),
            cited(&b.latest)
        )?;
    }
    writeln!(o)
}

pub fn story(a: StoryArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let s = answer(
        store.as_ref(),
        &StoryQuery {
            metric: a.metric,
            place: a.place,
            from: a.from,
            to: a.to,
            query: a.query,
        },
    )?;
    let mut o = out();
    if a.json {
        serde_json::to_writer_pretty(&mut o, &s)?;
        writeln!(o)?;
        return Ok(ExitCode::SUCCESS);
    }
    if s.metrics.is_empty() {
        writeln!(o, "no figures match")?;
    }
    for m in &s.metrics {
        print_metric(&mut o, m)?;
    }
    writeln!(o, "rules: {}", s.rules)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args, Debug)]
pub struct ChangesArgs {
    /// The first ingest day to list (YYYY-MM-DD).
    #[arg(long)]
    since: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    #[arg(long, default_value = "newsledger.db", help = DB_HELP)]
    db: String,
}

pub fn changes(a: ChangesArgs) -> anyhow::Result<ExitCode> {
    let store = open(&a.db)?;
    let all = newsledger_store::changes::changes(store.as_ref(), &a.since)?;
    let mut o = out();
    if a.json {
        serde_json::to_writer_pretty(&mut o, &all)?;
        writeln!(o)?;
        return Ok(ExitCode::SUCCESS);
    }
    for c in &all {
        writeln!(
            o,
            "{}  {:<8}  {} {}: {}",
            c.ingested_at,
            c.kind,
            c.metric,
            c.group,
            cited(&c.figure)
        )?;
        if let Some(old) = &c.replaces {
            writeln!(o, "      replaces  {}", cited(old))?;
        }
    }
    if all.is_empty() {
        writeln!(o, "nothing entered the ledger since {}", a.since)?;
    }
    Ok(ExitCode::SUCCESS)
}
