//! Scores the claims stage against jsonl gold (`corpus/gold/claims.jsonl`): one line per act
//! of reporting, `{"doc","speaker","speaker_text","cue","via","kind","hedges","evidence"}`,
//! where `evidence` is a verbatim piece of the document around the attribution.
//!
//! A predicted claim matches a gold one when its cue lies in a sentence the evidence touches
//! and its cue (or the attribution part of its span) holds the gold cue word. Matching is
//! one-to-one per document. Over the matches it reports speaker, relay, kind and hedge
//! accuracy, and how often the content falls in the evidence's sentences.

use anyhow::{Context, Result};
use newsledger_model::{Claim, Document, Meta, Span};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Arguments of `newsledger eval claims`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations (jsonl).
    pub gold: PathBuf,
    /// Documents (jsonl: id, published, title, url, outlet, text). Defaults to
    /// `reports.jsonl` beside the gold folder.
    #[arg(long)]
    pub docs: Option<PathBuf>,
    /// Print unmatched gold and predicted claims, and wrong speakers.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Deserialize)]
struct Gold {
    doc: String,
    speaker: String,
    #[serde(default)]
    speaker_text: String,
    cue: String,
    #[serde(default)]
    via: Vec<String>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    hedges: Vec<String>,
    evidence: String,
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
    text: String,
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1))
        })
        .collect()
}

/// Lower-case, without determiners, possessive markers and punctuation.
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['’', '\''], "");
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "s"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Names agree when equal after normalising, or when one is a word-suffix of the other
/// ("Ukibai" / "Aidos Ukibai").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

fn sentences_touching(doc: &Document, ev: Span) -> Vec<usize> {
    doc.layers
        .segments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.overlaps(ev))
        .map(|(i, _)| i)
        .collect()
}

fn attribution_text(doc: &Document, c: &Claim) -> String {
    // The claim's span with its content cut out: speaker, cue and their modifiers.
    let mut out = String::new();
    let mut at = c.span.start();
    let mut content = c.content.clone();
    content.sort();
    for s in content {
        if s.start() > at {
            out.push_str(doc.slice(Span::new(at, s.start())));
            out.push(' ');
        }
        at = at.max(s.end());
    }
    if c.span.end() > at {
        out.push_str(doc.slice(Span::new(at, c.span.end())));
    }
    out.to_lowercase()
}

fn cue_matches(doc: &Document, c: &Claim, gold_cue: &str) -> bool {
    let g = gold_cue.to_lowercase();
    let cue = c.cue.text.to_lowercase();
    if cue.contains(&g) || (!cue.is_empty() && g.contains(&cue)) {
        return true;
    }
    let attr = attribution_text(doc, c);
    attr.split(|ch: char| !ch.is_alphanumeric() && ch != ' ')
        .any(|part| {
            part.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&g)
        })
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".into()
    } else {
        format!("{:.3} ({a}/{b})", a as f64 / b as f64)
    }
}

pub fn run(args: &Args) -> Result<()> {
    let gold: Vec<Gold> = read_jsonl(&args.gold)?;
    let docs_path = args.docs.clone().unwrap_or_else(|| {
        args.gold
            .parent()
            .and_then(Path::parent)
            .unwrap_or_else(|| Path::new("."))
            .join("reports.jsonl")
    });
    let lines: Vec<DocLine> = read_jsonl(&docs_path)?;
    let pipeline = newsledger_pipeline::default_pipeline().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut by_doc: HashMap<&str, Vec<&Gold>> = HashMap::new();
    for g in &gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }

    let (mut n_pred, mut n_gold, mut n_match) = (0usize, 0usize, 0usize);
    let (mut spk_ok, mut via_ok, mut kind_ok, mut hedge_ok, mut content_ok) = (0, 0, 0, 0, 0);
    let (mut hedge_tp, mut hedge_pred, mut hedge_gold) = (0, 0, 0);
    let mut unmatched_evidence = 0;
    for line in &lines {
        let meta = Meta {
            published: line.published.as_deref().and_then(chrono_date),
            title: line.title.clone(),
            url: line.url.clone(),
            outlet: line.outlet.clone(),
            language: None,
        };
        let mut doc = Document::new(line.id.clone(), line.text.clone(), meta);
        pipeline.run_until(&mut doc, "claims");
        let claims = &doc.layers.claims;
        n_pred += claims.len();
        let golds = by_doc.get(line.id.as_str()).cloned().unwrap_or_default();
        n_gold += golds.len();
        let mut used = vec![false; claims.len()];
        // Gold lines whose cue word is itself a predicted cue go first, so that a looser
        // match cannot take their claim.
        let mut golds = golds;
        golds.sort_by_key(|g| {
            !claims.iter().any(|c| {
                c.cue.text.to_lowercase().contains(&g.cue.to_lowercase())
                    && doc
                        .text
                        .find(&g.evidence)
                        .is_some_and(|o| c.span.overlaps(Span::new(o, o + g.evidence.len())))
            })
        });
        for g in golds {
            let Some(off) = doc.text.find(&g.evidence) else {
                unmatched_evidence += 1;
                if args.verbose {
                    println!("[{}] evidence not found: {:?}", g.doc, g.evidence);
                }
                continue;
            };
            let ev = Span::new(off, off + g.evidence.len());
            let sents = sentences_touching(&doc, ev);
            // Prefer, in order: the cue word itself with the right speaker, the cue word,
            // then the cue found elsewhere in the attribution.
            let pool: Vec<(usize, &Claim)> = claims
                .iter()
                .enumerate()
                .filter(|(k, c)| {
                    !used[*k]
                        && doc
                            .segment_index_at(c.cue.span.start())
                            .is_some_and(|s| sents.contains(&s))
                        && cue_matches(&doc, c, &g.cue)
                })
                .collect();
            let exact = |c: &Claim| c.cue.text.to_lowercase().contains(&g.cue.to_lowercase());
            let spk = |c: &Claim| {
                c.speaker.as_ref().is_some_and(|s| {
                    same_name(&s.name, &g.speaker) || same_name(&s.text, &g.speaker)
                })
            };
            let cand = pool
                .iter()
                .find(|(_, c)| exact(c) && spk(c))
                .or_else(|| pool.iter().find(|(_, c)| exact(c)))
                .or_else(|| pool.first())
                .copied();
            let Some((k, c)) = cand else {
                if args.verbose {
                    println!(
                        "[{}] MISSED {:?} {:?} :: {:?}",
                        g.doc, g.speaker, g.cue, g.evidence
                    );
                }
                continue;
            };
            used[k] = true;
            n_match += 1;
            let s_ok = spk(c);
            spk_ok += s_ok as usize;
            if !s_ok && args.verbose {
                println!(
                    "[{}] SPEAKER got {:?} ({:?}) want {:?} ({:?})",
                    g.doc,
                    c.speaker_name(),
                    c.speaker_text(),
                    g.speaker,
                    g.speaker_text
                );
            }
            let v_ok = c.via.len() == g.via.len()
                && c.via
                    .iter()
                    .zip(&g.via)
                    .all(|(a, b)| same_name(&a.name, b) || same_name(&a.text, b));
            via_ok += v_ok as usize;
            if !v_ok && args.verbose {
                let got: Vec<&str> = c.via.iter().map(|v| v.name.as_str()).collect();
                println!(
                    "[{}] VIA got {:?} want {:?} :: {:?}",
                    g.doc, got, g.via, g.evidence
                );
            }
            let kind = serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            kind_ok += (kind == g.kind) as usize;
            let gh = !g.hedges.is_empty();
            let ph = !c.hedges.is_empty();
            hedge_ok += (gh == ph) as usize;
            hedge_tp += (gh && ph) as usize;
            hedge_pred += ph as usize;
            hedge_gold += gh as usize;
            if gh != ph && args.verbose {
                let got: Vec<&str> = c.hedges.iter().map(|h| h.text.as_str()).collect();
                println!(
                    "[{}] HEDGE got {:?} want {:?} :: {:?}",
                    g.doc, got, g.hedges, g.evidence
                );
            }
            let in_sents = |s: &Span| {
                sents.iter().any(|&i| {
                    doc.layers
                        .segments
                        .get(i)
                        .is_some_and(|seg| seg.span.overlaps(*s))
                })
            };
            content_ok += (!c.content.is_empty() && c.content.iter().any(in_sents)) as usize;
        }
        if args.verbose {
            for (k, c) in claims.iter().enumerate() {
                if !used[k] {
                    let content: Vec<&str> = c.content.iter().map(|s| doc.slice(*s)).collect();
                    println!(
                        "[{}] EXTRA {:?} {:?} :: {:?}",
                        line.id,
                        c.speaker_name(),
                        c.cue.text,
                        content
                    );
                }
            }
        }
    }
    let p = if n_pred == 0 {
        0.0
    } else {
        n_match as f64 / n_pred as f64
    };
    let r = if n_gold == 0 {
        0.0
    } else {
        n_match as f64 / n_gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    println!("claims: gold {n_gold}, predicted {n_pred}, matched {n_match} (sentence + cue)");
    if unmatched_evidence > 0 {
        println!("gold lines whose evidence is not in the document: {unmatched_evidence}");
    }
    println!("precision {p:.3}  recall {r:.3}  F1 {f:.3}");
    println!("speaker accuracy  {}", pct(spk_ok, n_match));
    println!("via accuracy      {}", pct(via_ok, n_match));
    println!("kind accuracy     {}", pct(kind_ok, n_match));
    println!("content in sentence {}", pct(content_ok, n_match));
    println!(
        "hedge accuracy    {}  (hedged: precision {}, recall {})",
        pct(hedge_ok, n_match),
        pct(hedge_tp, hedge_pred),
        pct(hedge_tp, hedge_gold)
    );
    Ok(())
}

fn chrono_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}
