//! Scores the time stage against TimeML (`.tml`, TempEval-3 style) or MEANTIME CAT XML.
//!
//! Metrics follow TempEval-3: extent precision/recall/F1 with strict (same span) and
//! relaxed (overlapping span) matching, then over the relaxed matches type accuracy, and
//! type and value F1, where a system timex counts only when it overlaps a gold one and
//! agrees on the attribute.
//!
//! MEANTIME gives one token per element and annotates only the title and the first
//! sentences, so the text is rebuilt from the tokens of that region: tokens joined with
//! single spaces, sentences with a line break (so the title stays a headline). Its
//! document creation time is annotated on the dateline; like TempEval's DCT it is left out
//! of the scores (with `--with-dct` it is scored like any other timex).

use anyhow::{Context, Result};
use chrono::NaiveDate;
use newsledger_model::{Document, Meta, Pipeline, Span, Timex, TimexType};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Arguments of `newsledger eval timex`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations: a TimeML `.tml` file, a MEANTIME CAT `.xml` file, a directory
    /// searched recursively for both, or a `timexes.jsonl` of our corpus (with `--docs`).
    pub gold: PathBuf,
    /// Documents (`.jsonl`: id, published, text) that a `timexes.jsonl` gold refers to.
    #[arg(long)]
    pub docs: Option<PathBuf>,
    /// Score the MEANTIME document-creation-time mention on the dateline too.
    #[arg(long)]
    pub with_dct: bool,
    /// Print every missed, spurious and mis-valued timex.
    #[arg(long)]
    pub errors: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

/// One gold timex.
#[derive(Debug, Clone)]
pub struct GoldTimex {
    pub span: Span,
    pub kind: String,
    pub value: String,
}

/// One gold document: the text as the system sees it, its DCT and its timexes.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    /// The corpus/sub-directory it came from, for per-corpus scores.
    pub group: String,
    pub text: String,
    pub dct: Option<NaiveDate>,
    pub timexes: Vec<GoldTimex>,
    /// Spans excluded from scoring (the MEANTIME DCT mention).
    pub ignore: Vec<Span>,
}

/// Counts behind the TempEval-3 scores.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }

    fn prf(&self, hits: usize) -> (f64, f64, f64) {
        let p = if self.system == 0 {
            0.0
        } else {
            hits as f64 / self.system as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            hits as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

fn kind_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Matches system to gold one-to-one (strict first, then largest overlap) and counts.
pub fn score_doc(gold: &GoldDoc, sys: &[Timex], errors: Option<&mut Vec<String>>) -> Counts {
    let sys: Vec<&Timex> = sys
        .iter()
        .filter(|t| !gold.ignore.iter().any(|i| i.overlaps(t.span)))
        .collect();
    let gtx: Vec<&GoldTimex> = gold
        .timexes
        .iter()
        .filter(|t| !gold.ignore.iter().any(|i| i.overlaps(t.span)))
        .collect();
    let mut c = Counts {
        gold: gtx.len(),
        system: sys.len(),
        ..Counts::default()
    };
    let mut g_used = vec![false; gtx.len()];
    let mut s_match: Vec<Option<usize>> = vec![None; sys.len()];
    // Strict matches.
    for (si, s) in sys.iter().enumerate() {
        if let Some(gi) = (0..gtx.len()).find(|&gi| !g_used[gi] && gtx[gi].span == s.span) {
            g_used[gi] = true;
            s_match[si] = Some(gi);
            c.strict += 1;
        }
    }
    // Relaxed matches, largest overlap first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in sys.iter().enumerate() {
        if s_match[si].is_some() {
            continue;
        }
        for (gi, g) in gtx.iter().enumerate() {
            if !g_used[gi] && g.span.overlaps(s.span) {
                let ov = s.span.end().min(g.span.end()) - s.span.start().max(g.span.start());
                pairs.push((ov, si, gi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    for (_, si, gi) in pairs {
        if s_match[si].is_none() && !g_used[gi] {
            s_match[si] = Some(gi);
            g_used[gi] = true;
        }
    }
    let slice = |sp: Span| gold.text.get(sp.start()..sp.end()).unwrap_or("");
    let mut errs = Vec::new();
    for (si, s) in sys.iter().enumerate() {
        match s_match[si] {
            Some(gi) => {
                let g = gtx[gi];
                c.relaxed += 1;
                if g.span != s.span {
                    errs.push(format!(
                        "  EXTENT sys={:?} gold={:?}",
                        s.text,
                        slice(g.span)
                    ));
                }
                if kind_name(s.kind) == g.kind {
                    c.type_ok += 1;
                }
                if s.value == g.value {
                    c.value_ok += 1;
                } else {
                    errs.push(format!(
                        "  VALUE {:?} sys={} {} gold={:?} {} {} | {}",
                        s.text,
                        kind_name(s.kind),
                        s.value,
                        slice(g.span),
                        g.kind,
                        g.value,
                        context(&gold.text, g.span)
                    ));
                }
            }
            None => errs.push(format!(
                "  SPURIOUS {:?} {} {} | {}",
                s.text,
                kind_name(s.kind),
                s.value,
                context(&gold.text, s.span)
            )),
        }
    }
    for (gi, g) in gtx.iter().enumerate() {
        if !g_used[gi] {
            errs.push(format!(
                "  MISSED {:?} {} {} | {}",
                slice(g.span),
                g.kind,
                g.value,
                context(&gold.text, g.span)
            ));
        }
    }
    if let Some(e) = errors {
        if !errs.is_empty() {
            e.push(format!(
                "{} (DCT {})",
                gold.id,
                gold.dct.map(|d| d.to_string()).unwrap_or_default()
            ));
            e.extend(errs);
        }
    }
    c
}

fn context(text: &str, sp: Span) -> String {
    let mut a = sp.start().saturating_sub(60);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (sp.end() + 60).min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    text.get(a..b).unwrap_or("").replace('\n', " / ")
}

/// Reads every gold document under `path`.
pub fn load(path: &Path) -> Result<Vec<GoldDoc>> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let id = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let group = f
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = f
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let doc = if ext == "tml" || src.contains("<TimeML") {
            parse_timeml(&src, id, group)
        } else {
            parse_meantime(&src, id, group)
        };
        match doc {
            Ok(d) => out.push(d),
            Err(e) => eprintln!("warning: skipping {}: {e:#}", f.display()),
        }
    }
    Ok(out)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        for e in std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))? {
            collect(&e?.path(), out)?;
        }
    } else if path
        .extension()
        .is_some_and(|e| matches!(e.to_string_lossy().to_lowercase().as_str(), "tml" | "xml"))
    {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn parse_date(v: &str) -> Option<NaiveDate> {
    let v = v.get(..10).unwrap_or(v);
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// TempEval-3 TimeML: the DCT from `<DCT><TIMEX3 value>`, the text of `<TEXT>` with its
/// inline TIMEX3 tags as gold.
pub fn parse_timeml(src: &str, id: String, group: String) -> Result<GoldDoc> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let xml = roxmltree::Document::parse_with_options(src, opts)?;
    let root = xml.root_element();
    let dct = root
        .descendants()
        .find(|n| n.has_tag_name("DCT"))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name("TIMEX3")))
        .and_then(|t| t.attribute("value"))
        .and_then(parse_date);
    let docid = root
        .descendants()
        .find(|n| n.has_tag_name("DOCID"))
        .and_then(|n| n.text())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or(id);
    let text_el = root
        .descendants()
        .find(|n| n.has_tag_name("TEXT"))
        .context("no <TEXT> element")?;
    let mut text = String::new();
    let mut timexes = Vec::new();
    walk(text_el, &mut text, &mut timexes);
    Ok(GoldDoc {
        id: docid,
        group,
        text,
        dct,
        timexes,
        ignore: Vec::new(),
    })
}

fn walk(n: roxmltree::Node, text: &mut String, out: &mut Vec<GoldTimex>) {
    for c in n.children() {
        if c.is_text() {
            text.push_str(c.text().unwrap_or(""));
        } else if c.is_element() {
            let start = text.len();
            walk(c, text, out);
            if c.has_tag_name("TIMEX3") && text.len() > start {
                out.push(GoldTimex {
                    span: Span::new(start, text.len()),
                    kind: c.attribute("type").unwrap_or("").to_string(),
                    value: c.attribute("value").unwrap_or("").to_string(),
                });
            }
        }
    }
}

/// MEANTIME CAT XML: tokens of the annotated region, TIMEX3 markables by token anchors.
pub fn parse_meantime(src: &str, id: String, group: String) -> Result<GoldDoc> {
    let xml = roxmltree::Document::parse(src)?;
    let root = xml.root_element();
    struct Tok {
        sentence: u32,
        text: String,
    }
    let mut toks: BTreeMap<String, Tok> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for t in root.children().filter(|n| n.has_tag_name("token")) {
        let Some(tid) = t.attribute("t_id") else {
            continue;
        };
        let sentence = t
            .attribute("sentence")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        order.push(tid.to_string());
        toks.insert(
            tid.to_string(),
            Tok {
                sentence,
                text: t.text().unwrap_or("").to_string(),
            },
        );
    }
    let markables = root.children().find(|n| n.has_tag_name("Markables"));
    // The annotated region: at least the title and five sentences, or as far as any
    // markable reaches.
    let mut last_sentence = 5u32;
    if let Some(m) = markables {
        for a in m.descendants().filter(|n| n.has_tag_name("token_anchor")) {
            if let Some(t) = a.attribute("t_id").and_then(|i| toks.get(i)) {
                last_sentence = last_sentence.max(t.sentence);
            }
        }
    }
    let mut text = String::new();
    let mut spans: BTreeMap<String, Span> = BTreeMap::new();
    let mut prev_sentence: Option<u32> = None;
    for tid in &order {
        let Some(t) = toks.get(tid) else { continue };
        if t.sentence > last_sentence {
            continue;
        }
        match prev_sentence {
            Some(p) if p != t.sentence => text.push('\n'),
            Some(_) => text.push(' '),
            None => {}
        }
        prev_sentence = Some(t.sentence);
        let s = text.len();
        text.push_str(&t.text);
        spans.insert(tid.clone(), Span::new(s, text.len()));
    }
    let mut timexes = Vec::new();
    let mut ignore = Vec::new();
    let mut dct = None;
    if let Some(m) = markables {
        for x in m.children().filter(|n| n.has_tag_name("TIMEX3")) {
            let anchors: Vec<Span> = x
                .children()
                .filter(|n| n.has_tag_name("token_anchor"))
                .filter_map(|a| a.attribute("t_id").and_then(|i| spans.get(i)).copied())
                .collect();
            let is_dct = x.attribute("functionInDocument") == Some("CREATION_TIME");
            if is_dct && dct.is_none() {
                dct = x.attribute("value").and_then(parse_date);
            }
            let (Some(first), Some(last)) = (
                anchors.iter().map(|s| s.start()).min(),
                anchors.iter().map(|s| s.end()).max(),
            ) else {
                continue;
            };
            let span = Span::new(first, last);
            if is_dct {
                ignore.push(span);
            }
            timexes.push(GoldTimex {
                span,
                kind: x.attribute("type").unwrap_or("").to_string(),
                value: x.attribute("value").unwrap_or("").to_string(),
            });
        }
    }
    // A few files lack a usable creation time; Wikinews puts the publication date on the
    // line after the title, so read it from there.
    if dct.is_none() {
        let line = text.lines().nth(1).unwrap_or("");
        let cleaned = line.replace(" ,", ",");
        dct = NaiveDate::parse_from_str(cleaned.trim(), "%B %d, %Y").ok();
        if dct.is_some() {
            let start = text.find(line).unwrap_or(0);
            let span = Span::new(start, start + line.len());
            ignore.push(span);
        }
    }
    timexes.sort_by_key(|t| t.span);
    Ok(GoldDoc {
        id,
        group,
        text,
        dct,
        timexes,
        ignore,
    })
}

/// The pipeline up to and including the time stage.
fn pipeline() -> Result<Pipeline> {
    let mut p = newsledger_pipeline::default_pipeline().map_err(|e| anyhow::anyhow!("{e}"))?;
    if !p.stages().any(|s| s.name() == "time") {
        p.push(Box::new(newsledger_time::TimeStage::new()))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    Ok(p)
}

/// Runs the time stage over a gold document's text with its DCT.
pub fn system_timexes(p: &Pipeline, g: &GoldDoc) -> Vec<Timex> {
    let mut doc = Document::new(
        g.id.clone(),
        g.text.clone(),
        Meta {
            published: g.dct,
            ..Meta::default()
        },
    );
    p.run_until(&mut doc, "time");
    doc.layers.timexes
}

/// Our corpus gold: `{"doc", "text", "type", "value"}` lines in document order, matched to
/// the documents' text left to right (a text not found after the previous match is searched
/// from the start).
pub fn load_jsonl(gold: &Path, docs: &Path) -> Result<Vec<GoldDoc>> {
    #[derive(serde::Deserialize)]
    struct D {
        id: String,
        published: Option<String>,
        text: String,
    }
    #[derive(serde::Deserialize)]
    struct G {
        doc: String,
        text: String,
        #[serde(rename = "type")]
        kind: String,
        value: String,
    }
    let group = docs
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out: Vec<GoldDoc> = Vec::new();
    let src =
        std::fs::read_to_string(docs).with_context(|| format!("reading {}", docs.display()))?;
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let d: D = serde_json::from_str(line).context("a document line")?;
        out.push(GoldDoc {
            id: d.id,
            group: group.clone(),
            text: d.text,
            dct: d.published.as_deref().and_then(parse_date),
            timexes: Vec::new(),
            ignore: Vec::new(),
        });
    }
    let src =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let mut cursor: BTreeMap<String, usize> = BTreeMap::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let g: G = serde_json::from_str(line).context("a gold line")?;
        let Some(doc) = out.iter_mut().find(|d| d.id == g.doc) else {
            eprintln!("warning: gold for unknown document {}", g.doc);
            continue;
        };
        let from = cursor.get(&g.doc).copied().unwrap_or(0);
        let at = doc
            .text
            .get(from..)
            .and_then(|t| t.find(&g.text))
            .map(|i| i + from)
            .or_else(|| doc.text.find(&g.text));
        let Some(at) = at else {
            eprintln!("warning: {:?} not found in {}", g.text, g.doc);
            continue;
        };
        cursor.insert(g.doc.clone(), at + g.text.len());
        doc.timexes.push(GoldTimex {
            span: Span::new(at, at + g.text.len()),
            kind: g.kind,
            value: g.value,
        });
    }
    for d in &mut out {
        d.timexes.sort_by_key(|t| t.span);
    }
    out.retain(|d| !d.timexes.is_empty());
    Ok(out)
}

pub fn run(args: &Args) -> Result<()> {
    let docs = match &args.docs {
        Some(d) => load_jsonl(&args.gold, d)?,
        None => load(&args.gold)?,
    };
    anyhow::ensure!(
        !docs.is_empty(),
        "no .tml or .xml gold files under {}",
        args.gold.display()
    );
    let p = pipeline()?;
    let mut by_group: BTreeMap<String, Counts> = BTreeMap::new();
    let mut total = Counts::default();
    let mut errors = Vec::new();
    for mut g in docs {
        if args.with_dct {
            g.ignore.clear();
        }
        let sys = system_timexes(&p, &g);
        let c = score_doc(&g, &sys, args.errors.then_some(&mut errors));
        by_group.entry(g.group.clone()).or_default().add(&c);
        total.add(&c);
    }
    if args.errors {
        for e in &errors {
            println!("{e}");
        }
        println!();
    }
    if args.json {
        let row = |c: &Counts| {
            let (sp, sr, sf) = c.prf(c.strict);
            let (rp, rr, rf) = c.prf(c.relaxed);
            let (_, _, tf) = c.prf(c.type_ok);
            let (vp, vr, vf) = c.prf(c.value_ok);
            serde_json::json!({
                "counts": c,
                "strict": {"p": sp, "r": sr, "f1": sf},
                "relaxed": {"p": rp, "r": rr, "f1": rf},
                "type": {"f1": tf, "accuracy": ratio(c.type_ok, c.relaxed)},
                "value": {"p": vp, "r": vr, "f1": vf, "accuracy": ratio(c.value_ok, c.relaxed)},
            })
        };
        let mut groups = serde_json::Map::new();
        for (k, c) in &by_group {
            groups.insert(k.clone(), row(c));
        }
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"total": row(&total), "groups": groups})
            )?
        );
        return Ok(());
    }
    println!(
        "{:<22} {:>5} {:>5} | {:^17} | {:^17} | {:>6} {:>6} | {:^17}",
        "set", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "typeAc", "typeF1", "value P/R/F1"
    );
    for (k, c) in by_group
        .iter()
        .chain(std::iter::once((&"TOTAL".to_string(), &total)))
    {
        let (sp, sr, sf) = c.prf(c.strict);
        let (rp, rr, rf) = c.prf(c.relaxed);
        let (_, _, tf) = c.prf(c.type_ok);
        let (vp, vr, vf) = c.prf(c.value_ok);
        println!(
            "{:<22} {:>5} {:>5} | {:.3} {:.3} {:.3} | {:.3} {:.3} {:.3} | {:>6.3} {:>6.3} | {:.3} {:.3} {:.3}",
            k,
            c.gold,
            c.system,
            sp,
            sr,
            sf,
            rp,
            rr,
            rf,
            ratio(c.type_ok, c.relaxed),
            tf,
            vp,
            vr,
            vf
        );
    }
    Ok(())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeml_text_and_spans() {
        let src = r#"<?xml version="1.0" ?>
<TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-08" functionInDocument="CREATION_TIME">2022-01-08</TIMEX3></DCT>
<TEXT>Leaders met on <TIMEX3 tid="t1" type="DATE" value="2022-01-08">Saturday</TIMEX3> &amp; <EVENT eid="e1">talked</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3>.</TEXT></TimeML>"#;
        let g = parse_timeml(src, "x".into(), "g".into()).unwrap();
        assert_eq!(g.id, "d1");
        assert_eq!(g.dct, NaiveDate::from_ymd_opt(2022, 1, 8));
        assert_eq!(g.text, "Leaders met on Saturday & talked for two hours.");
        assert_eq!(g.timexes.len(), 2);
        assert_eq!(
            &g.text[g.timexes[1].span.0..g.timexes[1].span.1],
            "two hours"
        );
    }

    #[test]
    fn meantime_region_and_dct() {
        let src = r#"<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">Title</token>
<token number="1" sentence="1" t_id="2">May</token>
<token number="2" sentence="1" t_id="3">3</token>
<token number="3" sentence="2" t_id="4">It</token>
<token number="4" sentence="2" t_id="5">rained</token>
<token number="5" sentence="2" t_id="6">today</token>
<token number="6" sentence="9" t_id="7">Later</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2010-05-03"><token_anchor t_id="2"/><token_anchor t_id="3"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010-05-03"><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2058"/>
</Markables></Document>"#;
        let g = parse_meantime(src, "x".into(), "g".into()).unwrap();
        assert_eq!(g.text, "Title\nMay 3\nIt rained today");
        assert_eq!(g.dct, NaiveDate::from_ymd_opt(2010, 5, 3));
        assert_eq!(g.timexes.len(), 2);
        assert_eq!(g.ignore.len(), 1);
        let sys = vec![Timex {
            id: "t1".into(),
            span: Span::new(22, 27),
            text: "today".into(),
            kind: TimexType::Date,
            value: "2010-05-03".into(),
            anchor: None,
            modifier: None,
        }];
        let c = score_doc(&g, &sys, None);
        assert_eq!((c.gold, c.system, c.strict, c.value_ok), (1, 1, 1, 1));
    }
}
