//! `newsledger eval figures --real DIR`: the real-news development sets kept as the shared
//! `real-data.md` says, scored exactly as the shared `score_figures.py` scores them.
//!
//! A set folder (`corpus/real/<set>`) holds `sources.jsonl` (one document a line: id,
//! published, outlet, url, kind, split), `gold/figures.jsonl` and optionally
//! `gold/ambiguous.jsonl`; the texts are outside the repository, at
//! `$NEWSLEDGER_REALDATA/<set>/<id>.txt` (default `~/newsledger-realdata`). `DIR` is one set
//! folder, or a folder of sets (`corpus/real`), scored together.
//!
//! Scoring: per document, each gold figure in order takes the first unused predicted figure
//! with the same (metric, low, high); unmatched gold figures are misses. A predicted figure
//! left over that matches an ambiguous reading (one per ambiguous line) is neither right nor
//! wrong; the rest are false figures, counted apart in control documents. Over the matches:
//! as_of is right when it is one of the gold's days, origin when a gold key is a fragment of
//! the first source (lower-cased; no sources is right only for an own-voice gold), group class
//! when it is one of the gold's classes, kind and hedged when equal.

use anyhow::Context;
use newsledger_model::{Document, Figure, Meta};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which documents of a set are scored.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Split {
    /// The development part.
    #[default]
    Dev,
    /// The held-back slice.
    Final,
    /// Both.
    All,
}

impl Split {
    fn takes(self, split: &str) -> bool {
        match self {
            Split::All => true,
            Split::Dev => split == "dev",
            Split::Final => split == "final",
        }
    }
}

/// One document of a set, with its text when present.
struct RealDoc {
    id: String,
    kind: String,
    published: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    text: String,
}

/// The scores of one or more sets.
#[derive(Default, Debug, Clone, PartialEq)]
pub struct Score {
    pub docs: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub as_of: (usize, usize),
    pub origin: (usize, usize),
    pub group: (usize, usize),
    pub kind: (usize, usize),
    pub hedged: (usize, usize),
    pub control_docs: usize,
    pub control_false: usize,
    /// metric → (tp, fp, fn)
    pub per_metric: BTreeMap<String, (usize, usize, usize)>,
    pub errors: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The folder of real texts: `$NEWSLEDGER_REALDATA`, else `~/newsledger-realdata`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("NEWSLEDGER_REALDATA") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => {
            let home = std::env::var_os("HOME").unwrap_or_default();
            PathBuf::from(home).join("newsledger-realdata")
        }
    }
}

/// The set folders under `dir`: itself when it holds `sources.jsonl`, else its sub-folders
/// that do, in name order.
pub fn set_dirs(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.join("sources.jsonl").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("sources.jsonl").is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn read_values(path: &Path) -> anyhow::Result<Vec<Value>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: bad JSON line", path.display(), i + 1))?;
        out.push(v);
    }
    Ok(out)
}

fn str_of(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

/// The documents of one set in `split` whose texts are present under `data`, and how many
/// were left out for a missing text.
fn load_docs(set: &Path, data: &Path, split: Split) -> anyhow::Result<(Vec<RealDoc>, usize)> {
    let name = set
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let mut docs = Vec::new();
    let mut missing = 0;
    for r in read_values(&set.join("sources.jsonl"))? {
        let split_of = str_of(&r, "split").unwrap_or_else(|| "dev".into());
        if !split.takes(&split_of) {
            continue;
        }
        let Some(id) = str_of(&r, "id") else { continue };
        let path = data.join(&name).join(format!("{id}.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            missing += 1;
            continue;
        };
        docs.push(RealDoc {
            id,
            kind: str_of(&r, "kind").unwrap_or_default(),
            published: str_of(&r, "published"),
            url: str_of(&r, "url"),
            outlet: str_of(&r, "outlet"),
            text,
        });
    }
    Ok((docs, missing))
}

/// A gold or predicted integer as the scorer keys it.
fn int_of(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .ok()
            .or_else(|| s.trim().parse::<f64>().ok().map(|f| f as i64)),
        _ => None,
    }
}

type Key = (String, Option<i64>, Option<i64>);

fn gold_key(g: &Value) -> Key {
    (
        str_of(g, "metric").unwrap_or_default(),
        int_of(g.get("low")),
        int_of(g.get("high")),
    )
}

fn pred_key(f: &Figure) -> Key {
    (
        f.metric.clone(),
        i64::try_from(f.value.low).ok(),
        f.value.high.and_then(|h| i64::try_from(h).ok()),
    )
}

/// Python's `x in v`: membership in a list, a substring of a string.
fn is_in(x: Option<&str>, v: Option<&Value>) -> bool {
    match (x, v) {
        (_, None | Some(Value::Null)) => false,
        (Some(x), Some(Value::String(s))) => s.contains(x),
        (None, Some(Value::String(_))) => false,
        (x, Some(Value::Array(a))) => a.iter().any(|e| match (x, e) {
            (None, Value::Null) => true,
            (Some(x), Value::String(s)) => s == x,
            _ => false,
        }),
        _ => false,
    }
}

/// The scorer's origin rule: a gold key that is a fragment of the first source.
fn origin_ok(gold: Option<&Value>, sources: &[String]) -> bool {
    let keys: Vec<&str> = match gold {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        // a bare string: Python tests each of its characters, and "" is in any string
        Some(Value::String(s)) if !s.is_empty() => {
            let Some(first) = sources.first() else {
                return true;
            };
            let first = first.to_lowercase();
            return s.chars().any(|c| first.contains(c));
        }
        _ => Vec::new(),
    };
    if keys.is_empty() {
        return sources.is_empty();
    }
    let Some(first) = sources.first() else {
        return keys.contains(&"");
    };
    let first = first.to_lowercase();
    keys.iter().any(|k| !k.is_empty() && first.contains(k))
}

fn kind_name(f: &Figure) -> String {
    serde_json::to_value(f.value.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Score one document's predicted figures against its gold and ambiguous readings.
fn score_doc(
    doc: &Document,
    kind: &str,
    gold: &[&Value],
    ambiguous: &mut BTreeMap<(String, Key), usize>,
    s: &mut Score,
) {
    let preds = &doc.layers.figures;
    let did = &doc.id;
    if kind == "control" {
        s.control_docs += 1;
    }
    let mut used = vec![false; preds.len()];
    for g in gold {
        let key = gold_key(g);
        let hit = (0..preds.len()).find(|&i| !used[i] && pred_key(&preds[i]) == key);
        let entry = s.per_metric.entry(key.0.clone()).or_default();
        let Some(i) = hit else {
            s.fn_ += 1;
            entry.2 += 1;
            s.errors.push(format!(
                "{did} MISS {} {}..{} [{}] | {}",
                key.0,
                show(g.get("low")),
                show(g.get("high")),
                str_of(g, "kind").unwrap_or_default(),
                str_of(g, "anchor").unwrap_or_default()
            ));
            continue;
        };
        used[i] = true;
        s.tp += 1;
        entry.0 += 1;
        matched(did, g, &preds[i], s);
    }
    for (i, f) in preds.iter().enumerate() {
        let k = (did.clone(), pred_key(f));
        if let Some(n) = ambiguous.get_mut(&k).filter(|n| !used[i] && **n > 0) {
            *n -= 1;
            used[i] = true;
        }
    }
    for (_, f) in preds.iter().enumerate().filter(|(i, _)| !used[*i]) {
        s.fp += 1;
        s.per_metric.entry(f.metric.clone()).or_default().1 += 1;
        if kind == "control" {
            s.control_false += 1;
        }
        let ev: String = doc.slice(f.span).chars().take(80).collect();
        let high = f.value.high.map_or("None".to_string(), |h| h.to_string());
        s.errors.push(format!(
            "{did} FALSE {} {}..{high} | {ev}",
            f.metric, f.value.low
        ));
    }
}

/// Attribute agreement on a matched pair.
fn matched(did: &str, g: &Value, f: &Figure, s: &mut Score) {
    let m = str_of(g, "metric").unwrap_or_default();
    let low = show(g.get("low"));
    if g.get("as_of").is_some_and(|v| !v.is_null()) {
        s.as_of.1 += 1;
        if is_in(f.as_of.as_deref(), g.get("as_of")) {
            s.as_of.0 += 1;
        } else {
            s.errors.push(format!(
                "{did} ASOF {m} {low} want {} got {}",
                show(g.get("as_of")),
                f.as_of.as_deref().unwrap_or("None")
            ));
        }
    }
    s.origin.1 += 1;
    if origin_ok(g.get("origin"), &f.sources) {
        s.origin.0 += 1;
    } else {
        let got = Value::Array(f.sources.iter().cloned().map(Value::String).collect());
        s.errors.push(format!(
            "{did} SRC {m} {low} want {} got {}",
            show(g.get("origin")),
            py_repr(&got)
        ));
    }
    s.group.1 += 1;
    if is_in(Some(f.group.class.as_str()), g.get("group_class")) {
        s.group.0 += 1;
    }
    s.kind.1 += 1;
    if str_of(g, "kind").is_some_and(|k| k == kind_name(f)) {
        s.kind.0 += 1;
    }
    s.hedged.1 += 1;
    let gh = g.get("hedged").is_some_and(truthy);
    if gh == f.hedged {
        s.hedged.0 += 1;
    }
}

/// Python's `bool(v)` for a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A value as the Python scorer prints it in its error list (`str()` of the JSON value).
fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => py_repr(v),
    }
}

/// Python's `repr` of a decoded JSON value: `['a', 'b']`, `None`, `True`.
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{s}'"),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(py_repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("'{k}': {}", py_repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

/// Run the pipeline over every present document of the sets under `dir` in `split` and score
/// them. Sets whose texts are all absent are skipped with a note in `notes`.
pub fn score(
    dir: &Path,
    data: &Path,
    split: Split,
    notes: &mut Vec<String>,
) -> anyhow::Result<Score> {
    let pipeline = newsledger_pipeline::default_pipeline()?;
    let mut s = Score::default();
    for set in set_dirs(dir)? {
        let name = set.file_name().map(|n| n.to_string_lossy().to_string());
        let name = name.unwrap_or_default();
        let (docs, missing) = load_docs(&set, data, split)?;
        if docs.is_empty() {
            if missing > 0 {
                notes.push(format!(
                    "{name}: texts absent under {}, skipped (restore them: RECIPE.md)",
                    data.join(&name).display()
                ));
            }
            continue;
        }
        if missing > 0 {
            notes.push(format!(
                "{name}: {missing} text(s) missing, left out of the score"
            ));
        }
        score_set(&pipeline, &set, docs, &mut s)?;
    }
    Ok(s)
}

fn score_set(
    pipeline: &newsledger_model::Pipeline,
    set: &Path,
    docs: Vec<RealDoc>,
    s: &mut Score,
) -> anyhow::Result<()> {
    let gold = read_values(&set.join("gold").join("figures.jsonl"))?;
    let mut ambiguous: BTreeMap<(String, Key), usize> = BTreeMap::new();
    for a in read_values(&set.join("gold").join("ambiguous.jsonl"))? {
        let doc = str_of(&a, "doc").unwrap_or_default();
        *ambiguous.entry((doc, gold_key(&a))).or_default() += 1;
    }
    for d in docs {
        let published = d.published.as_deref().and_then(|p| {
            chrono::NaiveDate::parse_from_str(p.get(..10).unwrap_or(p), "%Y-%m-%d").ok()
        });
        let meta = Meta {
            published,
            title: Some(String::new()),
            url: d.url,
            outlet: d.outlet,
            language: None,
        };
        let mut doc = Document::new(d.id.clone(), d.text, meta);
        pipeline.run(&mut doc);
        let golds: Vec<&Value> = gold
            .iter()
            .filter(|g| g.get("doc").and_then(Value::as_str) == Some(d.id.as_str()))
            .collect();
        s.docs += 1;
        score_doc(&doc, &d.kind, &golds, &mut ambiguous, s);
    }
    Ok(())
}

/// Print a score as `score_figures.py` does (fractions to three decimals).
pub fn print(s: &Score, out: &mut dyn Write) -> std::io::Result<()> {
    let r3 = |(a, b): (usize, usize)| {
        if b == 0 {
            "None".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    writeln!(out, "docs                   {}", s.docs)?;
    writeln!(out, "gold                   {}", s.tp + s.fn_)?;
    writeln!(out, "pred                   {}", s.tp + s.fp)?;
    writeln!(out, "P                      {:.3}", s.precision())?;
    writeln!(out, "R                      {:.3}", s.recall())?;
    writeln!(out, "F1                     {:.3}", s.f1())?;
    writeln!(out, "as_of_acc              {}", r3(s.as_of))?;
    writeln!(out, "origin_acc             {}", r3(s.origin))?;
    writeln!(out, "group_acc              {}", r3(s.group))?;
    writeln!(out, "kind_acc               {}", r3(s.kind))?;
    writeln!(out, "hedged_acc             {}", r3(s.hedged))?;
    writeln!(out, "control_docs           {}", s.control_docs)?;
    writeln!(out, "control_false_figures  {}", s.control_false)?;
    for (m, (tp, fp, fn_)) in &s.per_metric {
        writeln!(out, "  {m:<12} tp={tp} fp={fp} fn={fn_}")?;
    }
    writeln!(
        out,
        "figures F1={:.3} P={:.3} R={:.3}",
        s.f1(),
        s.precision(),
        s.recall()
    )
}

/// Write the error list (misses, false figures, attribute disagreements). It prints
/// evidence, so it must go outside the repository or under `target/`.
pub fn write_errors(s: &Score, path: &Path) -> anyhow::Result<()> {
    let mut text = s.errors.join("\n");
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Is `path` a place the error list may go: outside the repository holding `repo_dir` (and
/// the one holding the working directory), or under its `target/`?
pub fn errors_path_ok(path: &Path, repo_dir: &Path) -> bool {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // the file may not exist yet: canonicalise its folder
        match (p.parent(), p.file_name()) {
            (Some(dir), Some(name)) => std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or(p.clone()),
            _ => p,
        }
    };
    let p = abs(path);
    let cwd = std::env::current_dir().unwrap_or_default();
    [repo_root(repo_dir), repo_root(&cwd)]
        .into_iter()
        .flatten()
        .all(|root| !p.starts_with(&root) || p.starts_with(root.join("target")))
}

/// The repository root above `dir`: the nearest folder with a `.git` entry.
fn repo_root(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    dir.ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    //! On a tiny set invented for these tests (sentences written here, not news text).
    use super::*;
    use newsledger_model::{FigureValue, Group, Span, ValueKind};
    use serde_json::json;

    fn fig(metric: &str, low: u64, high: Option<u64>, as_of: &str, sources: &[&str]) -> Figure {
        Figure {
            id: "f".into(),
            metric: metric.into(),
            value: FigureValue {
                kind: ValueKind::Exact,
                low,
                high,
                text: low.to_string(),
            },
            group: Group {
                text: String::new(),
                class: "civilians".into(),
            },
            place: None,
            as_of: Some(as_of.into()),
            period: None,
            sources: sources.iter().map(|s| s.to_string()).collect(),
            hedged: false,
            claim: None,
            span: Span::new(0, 1),
            sentence: Span::new(0, 1),
            event: None,
        }
    }

    fn doc(id: &str, figures: Vec<Figure>) -> Document {
        let mut d = Document::new(id, "x".repeat(40), Meta::default());
        d.layers.figures = figures;
        d
    }

    #[test]
    fn one_to_one_matching_attributes_and_ambiguous_readings() {
        let gold = [
            json!({"doc": "a", "metric": "killed", "kind": "exact", "low": 7, "high": 7,
                   "group_class": ["civilians"], "as_of": ["2030-05-02"], "origin": ["river"],
                   "hedged": false}),
            json!({"doc": "a", "metric": "killed", "kind": "exact", "low": 7, "high": 7,
                   "group_class": ["police"], "as_of": ["2030-05-03"], "origin": [],
                   "hedged": true}),
            json!({"doc": "a", "metric": "injured", "kind": "at_least", "low": 30, "high": null,
                   "group_class": ["civilians"], "as_of": null, "origin": ["", "clinic"],
                   "hedged": false}),
        ];
        let golds: Vec<&Value> = gold.iter().collect();
        let d = doc(
            "a",
            vec![
                fig("killed", 7, Some(7), "2030-05-02", &["River Board"]),
                fig("injured", 30, None, "2030-05-02", &[]),
                fig("detained", 4, Some(4), "2030-05-02", &[]),
                fig("detained", 4, Some(4), "2030-05-02", &[]),
            ],
        );
        let mut amb = BTreeMap::new();
        amb.insert(
            ("a".to_string(), ("detained".to_string(), Some(4), Some(4))),
            1,
        );
        let mut s = Score::default();
        score_doc(&d, "crisis", &golds, &mut amb, &mut s);
        // two matches, one miss (the second 7), one ambiguous, one false figure
        assert_eq!((s.tp, s.fn_, s.fp), (2, 1, 1));
        assert_eq!(s.as_of, (1, 1));
        assert_eq!(s.origin, (2, 2));
        assert_eq!(s.group, (2, 2));
        assert_eq!(s.kind, (1, 2));
        assert_eq!(s.per_metric.get("detained"), Some(&(0, 1, 0)));
        assert_eq!(s.control_false, 0);
        let mut c = Score::default();
        score_doc(&d, "control", &[], &mut BTreeMap::new(), &mut c);
        assert_eq!((c.control_docs, c.control_false), (1, 4));
        assert!((s.f1() - 2.0 * (2.0 / 3.0) * (2.0 / 3.0) / (4.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn origin_rule_as_the_scorer_has_it() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(origin_ok(
            Some(&json!(["ministry"])),
            &v(&["Interior Ministry", "TV"])
        ));
        assert!(!origin_ok(
            Some(&json!(["ministry"])),
            &v(&["TV", "Interior Ministry"])
        ));
        assert!(origin_ok(Some(&json!([])), &[]));
        assert!(!origin_ok(None, &v(&["police"])));
        assert!(origin_ok(Some(&json!(["", "police"])), &[]));
        assert!(!origin_ok(Some(&json!(["police"])), &[]));
    }

    fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("nl-real-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_tiny_set_end_to_end_with_splits_and_absent_texts() {
        let root = scratch("e2e");
        let set = root.join("repo/corpus/real/tiny");
        let data = root.join("data");
        std::fs::create_dir_all(set.join("gold")).unwrap();
        std::fs::create_dir_all(data.join("tiny")).unwrap();
        let rows = [
            json!({"id": "t1", "published": "2030-05-02", "outlet": "Example Wire",
                   "url": "https://example.org/1", "kind": "crisis", "split": "dev"}),
            json!({"id": "t2", "published": "2030-05-02", "outlet": "Example Wire",
                   "url": "https://example.org/2", "kind": "control", "split": "dev"}),
            json!({"id": "t3", "published": "2030-05-03", "outlet": "Example Wire",
                   "url": "https://example.org/3", "kind": "crisis", "split": "final"}),
        ];
        let lines = |v: &[Value]| v.iter().map(|r| format!("{r}\n")).collect::<String>();
        std::fs::write(set.join("sources.jsonl"), lines(&rows)).unwrap();
        let texts = [
            ("t1", "A mudslide buried a hillside village in Norvale on Tuesday. At least 14 people were killed and 40 were injured, the regional governor said."),
            ("t2", "The home side won 3-1 in front of 12,000 fans, and their striker scored twice."),
            ("t3", "Rescuers pulled 9 people alive from the mud on Wednesday."),
        ];
        for (id, t) in texts {
            std::fs::write(data.join("tiny").join(format!("{id}.txt")), t).unwrap();
        }
        let gold = [
            json!({"doc": "t1", "metric": "killed", "kind": "at_least", "low": 14, "high": null,
                   "group_class": ["unspecified", "civilians"], "as_of": ["2030-05-02"],
                   "origin": ["governor"], "hedged": false}),
            json!({"doc": "t1", "metric": "injured", "kind": "exact", "low": 40, "high": 40,
                   "group_class": ["unspecified", "civilians"], "as_of": ["2030-05-02"],
                   "origin": ["governor"], "hedged": false}),
            json!({"doc": "t3", "metric": "rescued", "kind": "exact", "low": 9, "high": 9,
                   "group_class": ["unspecified"], "as_of": ["2030-05-03"], "origin": [],
                   "hedged": false}),
        ];
        std::fs::write(set.join("gold/figures.jsonl"), lines(&gold)).unwrap();
        let mut notes = Vec::new();
        let dev = score(&set, &data, Split::Dev, &mut notes).unwrap();
        assert_eq!((dev.docs, dev.tp + dev.fn_, dev.control_docs), (2, 2, 1));
        assert_eq!(dev.control_false, 0, "{:?}", dev.errors);
        assert_eq!(dev.tp, 2, "{:?}", dev.errors);
        let all = score(
            &root.join("repo/corpus/real"),
            &data,
            Split::All,
            &mut notes,
        )
        .unwrap();
        assert_eq!((all.docs, all.tp + all.fn_), (3, 3));
        assert!(notes.is_empty(), "{notes:?}");
        // texts absent: skipped with one note
        let none = score(&set, &root.join("elsewhere"), Split::Dev, &mut notes).unwrap();
        assert_eq!(none.docs, 0);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].starts_with("tiny: texts absent"));
        // the error list may not go into the repository, except under target/
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        std::fs::create_dir_all(root.join("repo/target")).unwrap();
        assert!(!errors_path_ok(&set.join("errs.txt"), &set));
        assert!(errors_path_ok(&root.join("repo/target/errs.txt"), &set));
        assert!(errors_path_ok(&root.join("errs.txt"), &set));
        let _ = std::fs::remove_dir_all(&root);
    }
}
