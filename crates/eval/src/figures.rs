//! Scores the figures stage against gold figures (`corpus/gold/figures.jsonl` or any file in
//! that format): precision, recall and F1 over a one-to-one match per document on
//! (metric, low, high), then, over the matches, how often the as-of date, the origin (first
//! source), the group class, the value kind and the hedged flag agree. Documents with no
//! gold figure (controls) are reported separately: any figure there is a false positive.
//!
//! Gold line: `{"doc", "metric", "value": {"kind", "low", "high"}, "group_class", "as_of",
//! "period", "sources", "hedged", "evidence", "place"}` (`as_of` a day, `period` the coarser
//! TIMEX3 value dating the counted events, absent when none). Document line: `{"id",
//! "published", "title", "url", "outlet", "text"}`.
//!
//! With `--real DIR` it scores the real-news sets instead (see [`real`]).

pub mod real;

use anyhow::Context;
use newsledger_model::{Document, Figure, Meta};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Arguments of `newsledger eval figures`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold figures (JSON lines).
    #[arg(long, required_unless_present = "real")]
    pub gold: Option<PathBuf>,
    /// Documents (JSON lines: id, published, title, url, outlet, text).
    #[arg(required_unless_present = "real")]
    pub docs: Vec<PathBuf>,
    /// Print every miss, false positive and attribute disagreement.
    #[arg(long, short)]
    pub verbose: bool,
    /// Score a real-news set folder (`corpus/real/<set>`), or every set under a folder
    /// (`corpus/real`), as `score_figures.py` does; texts from `$NEWSLEDGER_REALDATA`.
    #[arg(long, conflicts_with_all = ["gold", "docs"])]
    pub real: Option<PathBuf>,
    /// Which part of the real sets to score.
    #[arg(long, value_enum, default_value = "dev")]
    pub split: real::Split,
    /// With `--real`: write misses, false figures and attribute disagreements to FILE
    /// (it prints evidence: outside the repository or under `target/`).
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

#[derive(Debug, Clone, Deserialize)]
struct GoldValue {
    kind: String,
    low: u64,
    high: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
struct Gold {
    doc: String,
    metric: String,
    value: GoldValue,
    #[serde(default)]
    group_class: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    period: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    hedged: bool,
    #[serde(default)]
    evidence: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DocLine {
    id: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    /// The document's language when the line declares it (`corpus/ru`); English otherwise.
    #[serde(default)]
    language: Option<String>,
    text: String,
}

fn read_lines<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let f = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: bad JSON line", path.display(), i + 1))?;
        out.push(v);
    }
    Ok(out)
}

fn norm_source(s: &str) -> String {
    let t = s.trim().to_lowercase();
    let t = t
        .strip_prefix("the ")
        .or_else(|| t.strip_prefix("a "))
        .or_else(|| t.strip_prefix("an "))
        .unwrap_or(&t);
    t.trim().to_string()
}

fn kind_name(f: &Figure) -> String {
    serde_json::to_value(f.value.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
    as_of: usize,
    period: usize,
    origin: usize,
    class: usize,
    kind: usize,
    hedged: usize,
    control_docs: usize,
    control_figures: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    if let Some(dir) = &args.real {
        return run_real(args, dir);
    }
    let Some(gold_path) = &args.gold else {
        anyhow::bail!("give --gold FILE and document files, or --real DIR");
    };
    let gold: Vec<Gold> = read_lines(gold_path)?;
    let mut by_doc: BTreeMap<String, Vec<Gold>> = BTreeMap::new();
    for g in gold {
        by_doc.entry(g.doc.clone()).or_default().push(g);
    }
    let pipeline = newsledger_pipeline::default_pipeline()?;
    let mut t = Tally::default();
    for path in &args.docs {
        let docs: Vec<DocLine> = read_lines(path)?;
        for d in docs {
            let published = d.published.as_deref().and_then(|p| {
                chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok()
            });
            let meta = Meta {
                published,
                title: d.title,
                url: d.url,
                outlet: d.outlet,
                language: d.language,
            };
            let mut doc = Document::new(d.id.clone(), d.text, meta);
            pipeline.run_until(&mut doc, "figures");
            let golds = by_doc.get(&d.id).cloned().unwrap_or_default();
            score_doc(&doc, &golds, &mut t, args.verbose);
        }
    }
    let p = pct(t.tp, t.tp + t.fp);
    let r = pct(t.tp, t.tp + t.fn_);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("figures: tp {}  fp {}  fn {}", t.tp, t.fp, t.fn_);
    println!("precision {p:.1}%  recall {r:.1}%  F1 {f1:.1}%");
    println!(
        "over {} matches: as_of {:.1}%  period {:.1}%  origin {:.1}%  group_class {:.1}%  kind {:.1}%  hedged {:.1}%",
        t.tp,
        pct(t.as_of, t.tp),
        pct(t.period, t.tp),
        pct(t.origin, t.tp),
        pct(t.class, t.tp),
        pct(t.kind, t.tp),
        pct(t.hedged, t.tp)
    );
    println!(
        "documents without gold figures (controls): {}  figures found in them: {}",
        t.control_docs, t.control_figures
    );
    Ok(())
}

/// `--real DIR`: score the real-news sets, print as `score_figures.py` does.
fn run_real(args: &Args, dir: &Path) -> anyhow::Result<()> {
    if let Some(e) = &args.errors {
        if !real::errors_path_ok(e, dir) {
            anyhow::bail!(
                "--errors {}: the list prints evidence; write it outside the repository or under target/",
                e.display()
            );
        }
    }
    let data = real::data_dir();
    let mut notes = Vec::new();
    let s = real::score(dir, &data, args.split, &mut notes)?;
    for n in &notes {
        eprintln!("note: {n}");
    }
    if s.docs == 0 {
        println!(
            "figures --real {}: no texts under {}, nothing scored",
            dir.display(),
            data.display()
        );
        return Ok(());
    }
    real::print(&s, &mut std::io::stdout().lock())?;
    if let Some(e) = &args.errors {
        real::write_errors(&s, e)?;
    }
    Ok(())
}

fn score_doc(doc: &Document, golds: &[Gold], t: &mut Tally, verbose: bool) {
    let preds = &doc.layers.figures;
    if golds.is_empty() {
        t.control_docs += 1;
        t.control_figures += preds.len();
    }
    let mut used = vec![false; preds.len()];
    for g in golds {
        let key_ok = |f: &Figure| {
            f.metric == g.metric && f.value.low == g.value.low && f.value.high == g.value.high
        };
        // among equal keys prefer the prediction whose evidence matches
        let ev = g.evidence.as_deref().unwrap_or("");
        let cand = preds
            .iter()
            .enumerate()
            .filter(|(i, f)| !used[*i] && key_ok(f))
            .max_by_key(|(i, f)| {
                let s = doc.slice(f.span);
                let hit = !ev.is_empty() && (s.contains(ev) || ev.contains(s));
                (hit, std::cmp::Reverse(*i))
            })
            .map(|(i, _)| i);
        let Some(i) = cand else {
            t.fn_ += 1;
            if verbose {
                println!(
                    "MISS {} {} {}-{:?} {:?} evidence={:?}",
                    doc.id, g.metric, g.value.low, g.value.high, g.value.kind, ev
                );
            }
            continue;
        };
        used[i] = true;
        t.tp += 1;
        let f = &preds[i];
        let mut diffs = Vec::new();
        if f.as_of == g.as_of {
            t.as_of += 1;
        } else {
            diffs.push(format!("as_of {:?} want {:?}", f.as_of, g.as_of));
        }
        if f.period == g.period {
            t.period += 1;
        } else {
            diffs.push(format!("period {:?} want {:?}", f.period, g.period));
        }
        let o1 = f.sources.first().map(|s| norm_source(s));
        let o2 = g.sources.first().map(|s| norm_source(s));
        if o1 == o2 {
            t.origin += 1;
        } else {
            diffs.push(format!("sources {:?} want {:?}", f.sources, g.sources));
        }
        if Some(f.group.class.as_str()) == g.group_class.as_deref() {
            t.class += 1;
        } else {
            diffs.push(format!("class {} want {:?}", f.group.class, g.group_class));
        }
        if kind_name(f) == g.value.kind {
            t.kind += 1;
        } else {
            diffs.push(format!("kind {} want {}", kind_name(f), g.value.kind));
        }
        if f.hedged == g.hedged {
            t.hedged += 1;
        } else {
            diffs.push(format!("hedged {} want {}", f.hedged, g.hedged));
        }
        if verbose && !diffs.is_empty() {
            println!(
                "DIFF {} {} {} {:?}: {}",
                doc.id,
                f.metric,
                f.value.low,
                doc.slice(f.span),
                diffs.join("; ")
            );
        }
    }
    for (i, f) in preds.iter().enumerate() {
        if !used[i] {
            t.fp += 1;
            if verbose {
                println!(
                    "FP   {} {} {}-{:?} {:?} in {:?}",
                    doc.id,
                    f.metric,
                    f.value.low,
                    f.value.high,
                    doc.slice(f.span),
                    doc.slice(f.sentence)
                );
            }
        }
    }
}
