//! Scores the events stage against `corpus/gold/events.jsonl`-style gold:
//! `{"doc","type","trigger","date","place","status"}` per line.
//!
//! An event matches a gold record when the document and type agree and the trigger spans
//! overlap (the gold trigger is located at its first occurrence in the text, as the corpus
//! conventions say). Matching is one-to-one, greedy in document order. Over matched pairs we
//! report the accuracy of the date (TIMEX3 value, null = null), the place (the predicted
//! entity's name or any of its aliases, case-insensitive, or null = null) and the status.

use anyhow::{Context, Result};
use newsledger_model::{Document, Event, Meta, Pipeline, Span};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[path = "events_real.rs"]
mod real;

/// Arguments of `newsledger eval events`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations (JSONL) of the sample corpus' kind (trigger as a phrase).
    #[arg(required_unless_present = "real")]
    pub gold: Option<std::path::PathBuf>,
    /// A real-news set (`corpus/real/<set>`, with `sources.jsonl` and `gold/events.jsonl`)
    /// or a folder of such sets: run the pipeline on the split's texts and score events by
    /// trigger spans, dates, places and figure-to-event links.
    #[arg(long, conflicts_with = "gold")]
    pub real: Option<PathBuf>,
    /// Which documents of a real set: dev, final or all.
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Where the real texts live (`<dir>/<set>/<id>.txt`); default `$NEWSLEDGER_REALDATA`
    /// or `~/newsledger-realdata`.
    #[arg(long)]
    pub texts: Option<PathBuf>,
    /// Documents (JSONL with id, published, title, url, outlet, text). Default: the
    /// `reports.jsonl` next to the gold folder.
    #[arg(long)]
    pub docs: Option<PathBuf>,
    /// Print misses, false alarms and attribute errors.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    doc: String,
    #[serde(rename = "type")]
    kind: String,
    trigger: String,
    date: Option<String>,
    place: Option<String>,
    status: String,
}

#[derive(Debug, Deserialize)]
struct DocLine {
    id: String,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    text: String,
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: bad JSON", path.display(), i + 1))?,
        );
    }
    Ok(out)
}

/// The default pipeline when it already runs the events stage; otherwise the stages the
/// events stage needs, assembled here.
fn pipeline() -> Result<Pipeline> {
    let p = newsledger_pipeline::default_pipeline().map_err(|e| anyhow::anyhow!("{e}"))?;
    if p.stages().any(|s| s.name() == "events") {
        return Ok(p);
    }
    Pipeline::new()
        .with(newsledger_segment::SegmentStage::new())
        .and_then(|p| p.with(newsledger_time::TimeStage::new()))
        .and_then(|p| p.with(newsledger_entities::EntityStage::new()))
        .and_then(|p| p.with(newsledger_claims::ClaimStage::new()))
        .and_then(|p| p.with(newsledger_events::EventStage::new()))
        .map_err(|e| anyhow::anyhow!("{e}"))
}

/// Names by which a predicted place may be written: entity name and aliases, or the text.
fn place_names(doc: &Document, place: &Option<String>) -> Vec<String> {
    match place {
        None => vec![],
        Some(p) => match doc.entity(p) {
            Some(e) => std::iter::once(e.name.to_lowercase())
                .chain(e.aliases.iter().map(|a| a.to_lowercase()))
                .collect(),
            None => vec![p.to_lowercase()],
        },
    }
}

fn place_ok(doc: &Document, pred: &Option<String>, gold: &Option<String>) -> bool {
    match gold {
        None => pred.is_none(),
        Some(g) => {
            let g = g.to_lowercase();
            let g = g.trim_start_matches("the ");
            place_names(doc, pred)
                .iter()
                .any(|n| n.trim_start_matches("the ") == g)
        }
    }
}

/// First occurrence of `needle` that starts and ends at word boundaries ("strike" must not
/// land inside "strikers").
fn find_word(text: &str, needle: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
        let a = from + i;
        let b = a + needle.len();
        let before = text.get(..a).and_then(|t| t.chars().next_back());
        let after = text.get(b..).and_then(|t| t.chars().next());
        if !is_word(before) && !is_word(after) {
            return Some(a);
        }
        from = a + needle.chars().next().map_or(1, char::len_utf8);
    }
    text.find(needle)
}

fn status_str(e: &Event) -> String {
    serde_json::to_value(e.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched: usize,
    date: usize,
    place: usize,
    status: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub fn run(args: &Args) -> Result<()> {
    if let Some(dir) = &args.real {
        return real::run(args, dir);
    }
    let gold_path = args
        .gold
        .as_ref()
        .context("a gold file or --real DIR is needed")?;
    let gold: Vec<GoldEvent> = read_jsonl(gold_path)?;
    let docs_path = match &args.docs {
        Some(p) => p.clone(),
        None => gold_path
            .parent()
            .and_then(Path::parent)
            .map(|p| p.join("reports.jsonl"))
            .unwrap_or_else(|| PathBuf::from("reports.jsonl")),
    };
    let docs: Vec<DocLine> = read_jsonl(&docs_path)?;
    let pipeline = pipeline()?;
    let mut by_doc: BTreeMap<&str, Vec<&GoldEvent>> = BTreeMap::new();
    for g in &gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut total = Tally::default();
    let mut per_type: BTreeMap<String, Tally> = BTreeMap::new();
    let mut scored_docs = 0;
    let gold_types: std::collections::HashSet<&str> =
        gold.iter().map(|g| g.kind.as_str()).collect();
    let mut unscored = 0;
    for line in &docs {
        let Some(golds) = by_doc.get(line.id.as_str()) else {
            continue;
        };
        scored_docs += 1;
        let meta = Meta {
            published: line
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            title: line.title.clone(),
            url: line.url.clone(),
            outlet: line.outlet.clone(),
            language: None,
        };
        let mut doc = Document::new(line.id.clone(), line.text.clone(), meta);
        pipeline.run(&mut doc);
        // Hazard, accident and response types the gold file never annotates are left
        // unscored (the sample corpus' gold predates them); they are counted apart.
        let (preds, skipped): (Vec<Event>, Vec<Event>) =
            doc.layers.events.iter().cloned().partition(|p| {
                newsledger_events::disaster::family(&p.kind)
                    == newsledger_events::disaster::Family::Political
                    || gold_types.contains(p.kind.as_str())
            });
        unscored += skipped.len();
        let preds = &preds;
        let mut used = vec![false; preds.len()];
        total.gold += golds.len();
        total.pred += preds.len();
        for p in preds {
            per_type.entry(p.kind.clone()).or_default().pred += 1;
        }
        let mut gold_hit = HashMap::new();
        for (gi, g) in golds.iter().enumerate() {
            per_type.entry(g.kind.clone()).or_default().gold += 1;
            let Some(start) = find_word(&doc.text, &g.trigger) else {
                if args.verbose {
                    println!("  ! {}: gold trigger {:?} not in text", g.doc, g.trigger);
                }
                continue;
            };
            let gspan = Span::new(start, start + g.trigger.len());
            let hit = preds
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && p.kind == g.kind && p.trigger.span.overlaps(gspan));
            let Some((pi, p)) = hit else {
                continue;
            };
            used[pi] = true;
            gold_hit.insert(gi, pi);
            let t = per_type.entry(g.kind.clone()).or_default();
            t.matched += 1;
            total.matched += 1;
            let date_ok = p.date == g.date;
            let place_good = place_ok(&doc, &p.place, &g.place);
            let status_ok = status_str(p) == g.status;
            total.date += usize::from(date_ok);
            total.place += usize::from(place_good);
            total.status += usize::from(status_ok);
            t.date += usize::from(date_ok);
            t.place += usize::from(place_good);
            t.status += usize::from(status_ok);
            if args.verbose && !(date_ok && place_good && status_ok) {
                let pname = p
                    .place
                    .as_ref()
                    .map(|id| doc.entity(id).map(|e| e.name.clone()).unwrap_or(id.clone()));
                println!(
                    "  ~ {} {} {:?}: date {:?}/{:?} place {:?}/{:?} status {}/{}",
                    g.doc,
                    g.kind,
                    g.trigger,
                    p.date,
                    g.date,
                    pname,
                    g.place,
                    status_str(p),
                    g.status
                );
            }
        }
        if args.verbose {
            for (gi, g) in golds.iter().enumerate() {
                if !gold_hit.contains_key(&gi) {
                    println!("  - miss {} {} {:?}", g.doc, g.kind, g.trigger);
                }
            }
            for (i, p) in preds.iter().enumerate() {
                if !used[i] {
                    println!(
                        "  + extra {} {} {:?} [{}]",
                        line.id,
                        p.kind,
                        p.trigger.text,
                        doc.slice(p.span).chars().take(90).collect::<String>()
                    );
                }
            }
        }
    }
    let p = ratio(total.matched, total.pred);
    let r = ratio(total.matched, total.gold);
    println!(
        "events: {} docs, gold {}, predicted {}, matched {}",
        scored_docs, total.gold, total.pred, total.matched
    );
    println!("  P {:.3}  R {:.3}  F1 {:.3}", p, r, f1(p, r));
    if unscored > 0 {
        println!("  ({unscored} predicted events of hazard/accident/response types the gold does not annotate: unscored)");
    }
    println!(
        "  on matched: date {:.3}  place {:.3}  status {:.3}",
        ratio(total.date, total.matched),
        ratio(total.place, total.matched),
        ratio(total.status, total.matched)
    );
    println!("  per type (gold/pred/matched):");
    for (k, t) in &per_type {
        println!("    {:<24} {:>3} {:>3} {:>3}", k, t.gold, t.pred, t.matched);
    }
    Ok(())
}
