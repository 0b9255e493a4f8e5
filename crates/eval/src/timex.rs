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
    /// Leave the MEANTIME document-creation-time mention on the dateline out of the scores
    /// (by default it is scored like any other timex, as the shared `score_timex.py` does).
    #[arg(long)]
    pub without_dct: bool,
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

/// Scores one document the way TempEval-3's toolkit does (and `score_timex.py` with it):
/// extents trimmed of white space, system timexes as `--format timeml` writes them (in text
/// order, overlaps dropped), then system and gold paired by [`align`]'s token walk.
pub fn score_doc(gold: &GoldDoc, sys: &[Timex], errors: Option<&mut Vec<String>>) -> Counts {
    let text = gold.text.as_str();
    let kept = |sp: Span| !gold.ignore.iter().any(|i| i.overlaps(sp));
    let gtx: Vec<(Span, &GoldTimex)> = gold
        .timexes
        .iter()
        .filter(|t| kept(t.span))
        .filter_map(|t| trim_span(text, t.span).map(|sp| (sp, t)))
        .collect();
    let stx: Vec<(Span, &Timex)> = as_written(sys)
        .into_iter()
        .filter(|t| kept(t.span))
        .filter_map(|t| trim_span(text, t.span).map(|sp| (sp, t)))
        .collect();
    let g_spans: Vec<Span> = gtx.iter().map(|x| x.0).collect();
    let s_spans: Vec<Span> = stx.iter().map(|x| x.0).collect();
    let pairs = align(text, &g_spans, &s_spans);
    let mut c = Counts {
        gold: gtx.len(),
        system: stx.len(),
        ..Counts::default()
    };
    let slice = |sp: Span| text.get(sp.start()..sp.end()).unwrap_or("");
    let mut errs = Vec::new();
    let (mut g_used, mut s_used) = (vec![false; gtx.len()], vec![false; stx.len()]);
    for &(gi, si) in &pairs {
        let ((gs, g), (ss, s)) = (gtx[gi], stx[si]);
        g_used[gi] = true;
        s_used[si] = true;
        c.relaxed += 1;
        if gs == ss {
            c.strict += 1;
        } else {
            errs.push(format!("  EXTENT sys={:?} gold={:?}", slice(ss), slice(gs)));
        }
        if kind_name(s.kind) == g.kind {
            c.type_ok += 1;
        }
        if s.value == g.value {
            c.value_ok += 1;
        } else {
            errs.push(format!(
                "  VALUE {:?} sys={} {} gold={:?} {} {} | {}",
                slice(ss),
                kind_name(s.kind),
                s.value,
                slice(gs),
                g.kind,
                g.value,
                context(text, gs)
            ));
        }
    }
    for (ss, s) in stx
        .iter()
        .enumerate()
        .filter(|(i, _)| !s_used[*i])
        .map(|(_, x)| x)
    {
        errs.push(format!(
            "  SPURIOUS {:?} {} {} | {}",
            slice(*ss),
            kind_name(s.kind),
            s.value,
            context(text, *ss)
        ));
    }
    for (gs, g) in gtx
        .iter()
        .enumerate()
        .filter(|(i, _)| !g_used[*i])
        .map(|(_, x)| x)
    {
        errs.push(format!(
            "  MISSED {:?} {} {} | {}",
            slice(*gs),
            g.kind,
            g.value,
            context(text, *gs)
        ));
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

/// The system timexes as `--format timeml` writes them: by start, a timex overlapping the
/// one before it dropped.
fn as_written(sys: &[Timex]) -> Vec<&Timex> {
    let mut v: Vec<&Timex> = sys.iter().collect();
    v.sort_by_key(|t| t.span.start());
    let mut pos = 0usize;
    v.retain(|t| {
        let keep = t.span.start() >= pos;
        if keep {
            pos = t.span.end();
        }
        keep
    });
    v
}

/// A span without leading and trailing white space; None when nothing is left.
fn trim_span(text: &str, sp: Span) -> Option<Span> {
    let inner = text.get(sp.start()..sp.end())?;
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    (!trimmed.is_empty()).then(|| Span::new(sp.start() + lead, sp.start() + lead + trimmed.len()))
}

/// The TempEval-3 normaliser's tokens: a run of word characters, or one other non-space
/// character (`\w+|[^\w\s]`), as byte spans.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((s, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut e = s + c.len_utf8();
        if word(c) {
            while let Some(&(i, d)) = it.peek() {
                if !word(d) {
                    break;
                }
                e = i + d.len_utf8();
                it.next();
            }
        }
        out.push((s, e));
    }
    out
}

/// Per token, the first span covering it and whether the span begins there.
fn bio(toks: &[(usize, usize)], spans: &[Span]) -> Vec<Option<(usize, bool)>> {
    let mut lab: Vec<Option<(usize, bool)>> = vec![None; toks.len()];
    for (idx, sp) in spans.iter().enumerate() {
        let from = toks.partition_point(|&(_, te)| te <= sp.start());
        let mut first = true;
        for k in from..toks.len() {
            if toks[k].0 >= sp.end() {
                break;
            }
            if lab[k].is_none() {
                lab[k] = Some((idx, first));
                first = false;
            }
        }
    }
    lab
}

/// Pairs gold and system timexes as TempEval-3's TimeML-Normalizer does: walking the tokens
/// left to right, a timex that begins at a token the other side's timex covers is paired
/// with it, one to one, first come first served. Returns (gold index, system index).
pub fn align(text: &str, gold: &[Span], sys: &[Span]) -> Vec<(usize, usize)> {
    let toks = tokens(text);
    let ann = [bio(&toks, gold), bio(&toks, sys)];
    let mut pair_of: [Vec<Option<usize>>; 2] = [vec![None; gold.len()], vec![None; sys.len()]];
    for (lg, ls) in ann[0].iter().zip(&ann[1]) {
        let lab = [*lg, *ls];
        for a in 0..2 {
            let Some((idx, true)) = lab[a] else {
                continue;
            };
            let o = 1 - a;
            let Some((partner, _)) = lab[o] else {
                continue;
            };
            if pair_of[o][partner].is_none() && pair_of[a][idx].is_none() {
                pair_of[a][idx] = Some(partner);
                pair_of[o][partner] = Some(idx);
            }
        }
    }
    pair_of[0]
        .iter()
        .enumerate()
        .filter_map(|(g, s)| s.map(|s| (g, s)))
        .collect()
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
        let Some(src) = read_gold_file(&f) else {
            continue;
        };
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

/// A gold file's text, or None with a warning naming it when it is not UTF-8 or unreadable.
fn read_gold_file(f: &Path) -> Option<String> {
    let bytes = match std::fs::read(f) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("warning: skipping {}: {e}", f.display());
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(_) => {
            eprintln!("warning: skipping {}: not UTF-8", f.display());
            None
        }
    }
}

/// macOS metadata that archives carry along: `._<name>` resource forks and `.DS_Store`.
fn is_macos_metadata(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with("._") || n == ".DS_Store")
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if is_macos_metadata(path) {
        if path.is_file() {
            eprintln!("warning: skipping {}: macOS metadata", path.display());
        }
        return Ok(());
    }
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

/// `YYYY-MM-DD` exactly.
fn is_full_date(v: &str) -> bool {
    v.len() == 10 && NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
}

/// A creation time: `YYYY-MM-DD…`, or `DD-MM-YYYY` as one MEANTIME file writes it.
fn parse_dct(v: &str) -> Option<NaiveDate> {
    parse_date(v).or_else(|| NaiveDate::parse_from_str(v, "%d-%m-%Y").ok())
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
        .or_else(|| {
            root.descendants()
                .filter(|n| n.has_tag_name("TIMEX3"))
                .find(|n| {
                    matches!(
                        n.attribute("functionInDocument"),
                        Some("CREATION_TIME" | "PUBLICATION_TIME")
                    )
                })
                .and_then(|t| t.attribute("value"))
        })
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
                dct = x.attribute("value").and_then(parse_dct);
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
    timexes.sort_by_key(|t| (t.span.start(), std::cmp::Reverse(t.span.end())));
    // Two files lack the creation-time flag: the dateline's date is the first full date.
    if dct.is_none() {
        if let Some(t) = timexes.iter().find(|t| is_full_date(&t.value)) {
            dct = parse_date(&t.value);
            ignore.push(t.span);
        }
    }
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
        if !args.without_dct {
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

    #[test]
    fn alignment_pairs_overlaps_left_to_right_one_to_one() {
        let text = "The board met Friday morning, then again two days later.";
        let at = |w: &str| {
            let i = text.find(w).unwrap_or(0);
            Span::new(i, i + w.len())
        };
        // Gold "Friday morning" against system "morning": the system timex begins inside
        // the open gold one, so they pair; "two days later" against "two days" likewise.
        let gold = [at("Friday morning"), at("two days later")];
        let sys = [at("morning"), at("two days"), at("later")];
        assert_eq!(align(text, &gold, &sys), vec![(0, 0), (1, 1)]);
        // A system timex that begins before the gold one and covers its first token.
        assert_eq!(
            align(text, &[at("morning")], &[at("Friday morning")]),
            vec![(0, 0)]
        );
        assert!(align(text, &[at("Friday")], &[at("morning")]).is_empty());
    }

    #[test]
    fn extents_are_trimmed_and_overlapping_system_timexes_dropped() {
        let text = "Talks ran for three weeks.";
        let g = GoldDoc {
            id: "d".into(),
            group: "g".into(),
            text: text.into(),
            dct: None,
            timexes: vec![GoldTimex {
                span: Span::new(14, 25),
                kind: "DURATION".into(),
                value: "P3W".into(),
            }],
            ignore: Vec::new(),
        };
        let t = |s: usize, e: usize| Timex {
            id: "t".into(),
            span: Span::new(s, e),
            text: text[s..e].into(),
            kind: TimexType::Duration,
            value: "P3W".into(),
            anchor: None,
            modifier: None,
        };
        let c = score_doc(&g, &[t(13, 25), t(20, 25)], None);
        assert_eq!((c.gold, c.system, c.strict, c.value_ok), (1, 1, 1, 1));
    }

    #[test]
    fn macos_metadata_and_non_utf8_files_are_skipped() {
        let dir = std::env::temp_dir().join(format!("nl-timex-skip-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(std::fs::create_dir_all(&dir).is_ok());
        let good = "<TimeML><DOCID>a</DOCID><TEXT>It rained <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2031-05-02\">on Friday</TIMEX3>.</TEXT></TimeML>";
        let files: [(&str, &[u8]); 4] = [
            ("a.tml", good.as_bytes()),
            ("._a.tml", b"\x00\x05\x16\x07\xff\xfe"),
            (".DS_Store", b"\x00\x00\x00\x01Bud1\xff"),
            ("b.tml", b"<TimeML>\xff\xfe</TimeML>"),
        ];
        for (name, bytes) in files {
            assert!(std::fs::write(dir.join(name), bytes).is_ok());
        }
        let docs = load(&dir).map(|d| d.into_iter().map(|d| d.id).collect::<Vec<_>>());
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(docs.ok(), Some(vec!["a".to_string()]));
    }
}
