//! Scores the claims stage against PolNeAR-style attribution gold, as
//! `../shared/tools/score_attribution.py` does: cue exact, source exact (cue overlaps, same
//! source span list), content exact and token-overlap precision/recall/F1.
//!
//! Input is the pair written by `convert_polnear.py`: `polnear_<split>.gold.jsonl` (`id`,
//! `text`, `tokens` as character offsets, `attributions` with `source`, `cue`, `content`) and
//! `polnear_<split>.docs.jsonl` (`id`, `text`, `published`). Every span is snapped to the
//! gold's tokens the way the Python scorer does it: whitespace trimmed, the start to the token
//! holding it, the end to the token holding its last character. Claims carry byte offsets;
//! they are mapped to characters first. Files named `*test*` are refused: that split is for
//! the hidden evaluation only.

use anyhow::{bail, Context, Result};
use newsledger_model::{Claim, Document, Meta};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Arguments of `newsledger eval attribution`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Folder holding `polnear_<split>.gold.jsonl` and `polnear_<split>.docs.jsonl`.
    pub dir: PathBuf,
    /// Which converted split to score: `dev` (numbers) or `train` (error analysis).
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Write every missed gold cue and every false cue, with its sentence, to this file
    /// (keep it outside the repository: it prints evidence text).
    #[arg(long)]
    pub errors: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
struct GoldAttr {
    #[serde(default)]
    source: Option<[usize; 2]>,
    cue: [usize; 2],
    #[serde(default)]
    content: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
struct GoldDoc {
    id: String,
    text: String,
    #[serde(default)]
    tokens: Vec<[usize; 2]>,
    attributions: Vec<GoldAttr>,
}

#[derive(Debug, Deserialize)]
struct DocLine {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// A matching rule between a predicted and a gold attribution.
type Rule = dyn Fn(&Quote, &Quote) -> bool;

/// A token span [start, end).
type TSpan = (usize, usize);

/// One attribution on tokens: cue, source list (empty or one, `None` when it cannot be
/// snapped), contents (sorted).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Quote {
    cue: Option<TSpan>,
    sources: Vec<Option<TSpan>>,
    contents: Vec<TSpan>,
}

/// Character → token index over the gold's tokens, as the Python scorer builds it.
struct TokenIndex {
    starts: Vec<usize>,
    chars: Vec<char>,
}

impl TokenIndex {
    fn new(text: &str, tokens: &[[usize; 2]]) -> Self {
        TokenIndex {
            starts: tokens.iter().map(|t| t[0]).collect(),
            chars: text.chars().collect(),
        }
    }

    fn tok(&self, ch: usize) -> usize {
        self.starts.partition_point(|&s| s <= ch).saturating_sub(1)
    }

    /// Character span → token span; `None` when empty after trimming whitespace.
    fn span(&self, s: usize, e: usize) -> Option<TSpan> {
        let mut e = e.min(self.chars.len());
        let mut s = s;
        while s < e && self.chars.get(s).is_some_and(|c| c.is_whitespace()) {
            s += 1;
        }
        while e > s && self.chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
            e -= 1;
        }
        if e <= s || self.starts.is_empty() {
            return None;
        }
        let (ts, te) = (self.tok(s), self.tok(e - 1) + 1);
        (te > ts).then_some((ts, te))
    }
}

/// Byte offset → character offset (offsets of claims lie on character boundaries).
struct ByteToChar {
    byte_starts: Vec<usize>,
    nbytes: usize,
}

impl ByteToChar {
    fn new(text: &str) -> Self {
        ByteToChar {
            byte_starts: text.char_indices().map(|(b, _)| b).collect(),
            nbytes: text.len(),
        }
    }
    fn start(&self, b: usize) -> usize {
        if b >= self.nbytes {
            return self.byte_starts.len();
        }
        self.byte_starts
            .partition_point(|&x| x <= b)
            .saturating_sub(1)
    }
    fn end(&self, b: usize) -> usize {
        if b >= self.nbytes {
            return self.byte_starts.len();
        }
        self.byte_starts.partition_point(|&x| x < b)
    }
}

fn overlapping(a: Option<TSpan>, b: Option<TSpan>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 <= b.1 && a.1 > b.0)
}

fn gold_quotes(d: &GoldDoc, idx: &TokenIndex) -> Vec<Quote> {
    d.attributions
        .iter()
        .map(|a| {
            let mut contents: Vec<TSpan> = a
                .content
                .iter()
                .filter_map(|c| idx.span(c[0], c[1]))
                .collect();
            contents.sort();
            Quote {
                cue: idx.span(a.cue[0], a.cue[1]),
                sources: a.source.map(|s| idx.span(s[0], s[1])).into_iter().collect(),
                contents,
            }
        })
        .collect()
}

fn pred_quotes(claims: &[Claim], text: &str, idx: &TokenIndex) -> Vec<Quote> {
    let conv = ByteToChar::new(text);
    let snap = |s: newsledger_model::Span| idx.span(conv.start(s.start()), conv.end(s.end()));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in claims {
        let sources = match &c.speaker {
            Some(s) if !s.text.is_empty() => vec![snap(s.span)],
            _ => Vec::new(),
        };
        let mut contents: Vec<TSpan> = c.content.iter().filter_map(|&s| snap(s)).collect();
        contents.sort();
        let q = Quote {
            cue: snap(c.cue.span),
            sources,
            contents,
        };
        if seen.insert(q.clone()) {
            out.push(q);
        }
    }
    out
}

/// Exact counts [tp, fp, fn] under a matching rule.
fn exact(preds: &[Quote], golds: &[Quote], ok: impl Fn(&Quote, &Quote) -> bool) -> [usize; 3] {
    let tp = preds
        .iter()
        .filter(|p| golds.iter().any(|g| ok(p, g)))
        .count();
    let fneg = golds
        .iter()
        .filter(|g| !preds.iter().any(|p| ok(p, g)))
        .count();
    [tp, preds.len() - tp, fneg]
}

fn role_tokens(q: &Quote, role: usize) -> HashSet<usize> {
    let spans: Vec<TSpan> = match role {
        0 => q.cue.into_iter().collect(),
        1 => q.sources.iter().flatten().copied().collect(),
        _ => q.contents.clone(),
    };
    spans.into_iter().flat_map(|(a, b)| a..b).collect()
}

/// Token overlap accumulators per role: [pred in gold, pred, gold in pred, gold].
fn overlap(preds: &[Quote], golds: &[Quote], role: usize, acc: &mut [usize; 4]) {
    let pt: Vec<HashSet<usize>> = preds.iter().map(|q| role_tokens(q, role)).collect();
    let gt: Vec<HashSet<usize>> = golds.iter().map(|q| role_tokens(q, role)).collect();
    let pu: HashSet<usize> = pt.iter().flatten().copied().collect();
    let gu: HashSet<usize> = gt.iter().flatten().copied().collect();
    for t in &pt {
        acc[0] += t.intersection(&gu).count();
        acc[1] += t.len();
    }
    for t in &gt {
        acc[2] += t.intersection(&pu).count();
        acc[3] += t.len();
    }
}

/// Corpus totals.
#[derive(Default)]
struct Totals {
    n_pred: usize,
    n_gold: usize,
    /// cue, source, content exact: [tp, fp, fn].
    exact: [[usize; 3]; 3],
    /// cue, source, content overlap.
    overlap: [[usize; 4]; 3],
    /// Per cue family: [gold, gold whose cue is predicted exactly].
    families: BTreeMap<&'static str, [usize; 2]>,
}

fn prf(p_num: usize, p_den: usize, r_num: usize, r_den: usize) -> (f64, f64, f64) {
    let p = if p_den > 0 {
        p_num as f64 / p_den as f64
    } else {
        0.0
    };
    let r = if r_den > 0 {
        r_num as f64 / r_den as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn score_doc(g: &GoldDoc, claims: &[Claim], t: &mut Totals, errors: Option<&mut String>) {
    let idx = TokenIndex::new(&g.text, &g.tokens);
    let golds = gold_quotes(g, &idx);
    let preds = pred_quotes(claims, &g.text, &idx);
    t.n_pred += preds.len();
    t.n_gold += golds.len();
    let rules: [&Rule; 3] = [
        &|p, g| p.cue.is_some() && p.cue == g.cue,
        &|p, g| overlapping(p.cue, g.cue) && p.sources == g.sources,
        &|p, g| overlapping(p.cue, g.cue) && p.contents == g.contents,
    ];
    for (k, rule) in rules.iter().enumerate() {
        let c = exact(&preds, &golds, rule);
        for (acc, n) in t.exact[k].iter_mut().zip(c) {
            *acc += n;
        }
        overlap(&preds, &golds, k, &mut t.overlap[k]);
    }
    let chars: Vec<char> = g.text.chars().collect();
    let cue_text = |a: &GoldAttr| chars.get(a.cue[0]..a.cue[1]).map(String::from_iter);
    for (a, q) in g.attributions.iter().zip(&golds) {
        let fam =
            newsledger_claims::cue_family(&cue_text(a).unwrap_or_default(), a.source.is_some());
        let e = t.families.entry(fam).or_default();
        e[0] += 1;
        if preds.iter().any(|p| p.cue.is_some() && p.cue == q.cue) {
            e[1] += 1;
        }
    }
    if let Some(out) = errors {
        write_errors(g, &golds, &preds, &idx, out);
    }
}

/// Missed gold cues and false predicted cues, each with its line of text.
fn write_errors(g: &GoldDoc, golds: &[Quote], preds: &[Quote], idx: &TokenIndex, out: &mut String) {
    let chars = &idx.chars;
    let tok_text = |s: TSpan| -> String {
        let a = g.tokens.get(s.0).map(|t| t[0]).unwrap_or(0);
        let b = g
            .tokens
            .get(s.1.saturating_sub(1))
            .map(|t| t[1])
            .unwrap_or(a);
        chars.get(a..b).map(String::from_iter).unwrap_or_default()
    };
    let line = |s: TSpan| -> String {
        let a = g.tokens.get(s.0).map(|t| t[0]).unwrap_or(0);
        let ls = chars[..a.min(chars.len())]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |k| k + 1);
        let le = chars[a.min(chars.len())..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |k| a + k);
        String::from_iter(&chars[ls..le])
    };
    for q in golds {
        if let Some(c) = q.cue {
            if !preds.iter().any(|p| p.cue == q.cue) {
                let src = q
                    .sources
                    .iter()
                    .flatten()
                    .map(|&s| tok_text(s))
                    .collect::<Vec<_>>();
                out.push_str(&format!(
                    "MISS [{}] cue={:?} source={:?}\n    {}\n",
                    g.id,
                    tok_text(c),
                    src,
                    line(c)
                ));
            }
        }
    }
    for p in preds {
        if let Some(c) = p.cue {
            if !golds.iter().any(|q| q.cue == p.cue) {
                out.push_str(&format!(
                    "FALSE [{}] cue={:?}\n    {}\n",
                    g.id,
                    tok_text(c),
                    line(c)
                ));
            }
        }
    }
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

fn report(t: &Totals) {
    println!(
        "attribution: predicted claims {}  gold attributions {}",
        t.n_pred, t.n_gold
    );
    println!("{:<34} {:>7} {:>7} {:>7}", "metric", "P", "R", "F1");
    let names = ["cue", "source", "content"];
    for (k, name) in names.iter().enumerate() {
        let [tp, fp, fne] = t.exact[k];
        let (p, r, f) = prf(tp, tp + fp, tp, tp + fne);
        println!("{:<34} {p:>7.4} {r:>7.4} {f:>7.4}", format!("{name} exact"));
    }
    for (k, name) in names.iter().enumerate() {
        let [a, b, c, d] = t.overlap[k];
        let (p, r, f) = prf(a, b, c, d);
        println!(
            "{:<34} {p:>7.4} {r:>7.4} {f:>7.4}",
            format!("{name} overlap")
        );
    }
    println!("recall of cue (exact) per cue family:");
    for (fam, [n, hit]) in &t.families {
        println!(
            "  {fam:<12} {:.3} ({hit}/{n})",
            *hit as f64 / (*n).max(1) as f64
        );
    }
}

pub fn run(args: &Args) -> Result<()> {
    if args.split.to_lowercase().contains("test") {
        bail!("refusing to score a test split: it is kept for the hidden evaluation");
    }
    let gold_path = args.dir.join(format!("polnear_{}.gold.jsonl", args.split));
    let docs_path = args.dir.join(format!("polnear_{}.docs.jsonl", args.split));
    for p in [&gold_path, &docs_path] {
        let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase());
        if name.is_some_and(|n| n.contains("test")) {
            bail!(
                "refusing {}: test files are for the hidden evaluation only",
                p.display()
            );
        }
    }
    if !gold_path.exists() || !docs_path.exists() {
        println!(
            "no PolNeAR {} files in {} ({} and {}): convert them with \
             ../shared/tools/convert_polnear.py --split {}",
            args.split,
            args.dir.display(),
            gold_path.display(),
            docs_path.display(),
            args.split
        );
        return Ok(());
    }
    let gold: Vec<GoldDoc> = read_jsonl(&gold_path)?;
    let docs: Vec<DocLine> = read_jsonl(&docs_path)?;
    let by_id: BTreeMap<&str, &DocLine> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let pipeline = newsledger_pipeline::default_pipeline().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut t = Totals::default();
    let mut errors = args.errors.as_ref().map(|_| String::new());
    for g in &gold {
        let claims = match by_id.get(g.id.as_str()) {
            Some(d) => {
                let meta = Meta {
                    published: d
                        .published
                        .as_deref()
                        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
                    ..Meta::default()
                };
                let mut doc = Document::new(d.id.clone(), d.text.clone(), meta);
                pipeline.run(&mut doc);
                doc.layers.claims
            }
            None => Vec::new(),
        };
        score_doc(g, &claims, &mut t, errors.as_mut());
    }
    report(&t);
    if let (Some(p), Some(e)) = (&args.errors, errors) {
        std::fs::write(p, e).with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapping_trims_whitespace_and_takes_whole_tokens() {
        // "Ana said it" with tokens Ana / said / it
        let idx = TokenIndex::new("Ana said it", &[[0, 3], [4, 8], [9, 11]]);
        assert_eq!(idx.span(0, 3), Some((0, 1)));
        assert_eq!(idx.span(3, 8), Some((1, 2)));
        assert_eq!(idx.span(5, 10), Some((1, 3)));
        assert_eq!(idx.span(3, 4), None);
    }

    #[test]
    fn byte_offsets_map_to_characters() {
        let b = ByteToChar::new("é said");
        assert_eq!(b.start(0), 0);
        assert_eq!(b.start(3), 2);
        assert_eq!(b.end(2), 1);
        assert_eq!(b.end(99), 6);
    }

    #[test]
    fn refuses_test_and_notes_absent_files() {
        let args = Args {
            dir: PathBuf::from("/nonexistent"),
            split: "test".into(),
            errors: None,
        };
        assert!(run(&args).is_err());
        let args = Args {
            dir: PathBuf::from("/nonexistent"),
            split: "dev".into(),
            errors: None,
        };
        assert!(run(&args).is_ok());
    }
}
