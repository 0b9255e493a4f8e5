//! Entities on the real-news sets (`corpus/real/<set>/gold/entities.jsonl`): name mentions
//! scored on exact span and type and on overlapping span and same type, and clusters
//! (gold entities with several found mentions kept in one system cluster; system clusters
//! joining two gold entities).
//!
//! Types: the stage's four types are the gold's four (PERSON, ORG, PLACE, PLATFORM); news
//! outlets are organisations in both (the stage gives them subtype `media`), so no mapping
//! beyond the names is needed. Only system mentions of kind `Name` are scored: the gold marks
//! names, not role nouns, descriptors or pronouns.

use super::{pipeline, prf, ratio, system, type_name};
use anyhow::{Context, Result};
use newsledger_model::{Document, MentionKind, Meta};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One gold entity of a real set.
#[derive(Debug, Clone, Deserialize)]
pub struct RealGold {
    pub doc: String,
    pub entity: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub mentions: Vec<[usize; 2]>,
}

#[derive(Debug, Clone, Deserialize)]
struct Source {
    id: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

/// Counts of one document or a whole run.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct RealCounts {
    pub gold: usize,
    pub system: usize,
    pub exact: usize,
    /// One-to-one overlapping matches of the same type.
    pub overlap: usize,
    /// Gold entities with at least two mentions found (overlap, any type).
    pub multi: usize,
    /// …of which every found mention is in one system cluster.
    pub merged: usize,
    /// System clusters whose name mentions overlap mentions of two gold entities.
    pub over_merged: usize,
}

impl RealCounts {
    fn add(&mut self, o: &RealCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.exact += o.exact;
        self.overlap += o.overlap;
        self.multi += o.multi;
        self.merged += o.merged;
        self.over_merged += o.over_merged;
    }
}

struct SysMention {
    start: usize,
    end: usize,
    kind: &'static str,
    cluster: usize,
}

struct GoldMention {
    start: usize,
    end: usize,
    kind: String,
    entity: usize,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// One-to-one greedy matching of overlapping spans (largest overlap first); `same_type`
/// requires equal types.
fn match_overlap(sys: &[SysMention], gold: &[GoldMention], same_type: bool) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (si, s) in sys.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            if overlaps((s.start, s.end), (g.start, g.end)) && (!same_type || s.kind == g.kind) {
                let ov = s.end.min(g.end) - s.start.max(g.start);
                pairs.push((ov, si, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut su, mut gu) = (vec![false; sys.len()], vec![false; gold.len()]);
    let mut out = Vec::new();
    for (_, si, gi) in pairs {
        if su[si] || gu[gi] {
            continue;
        }
        su[si] = true;
        gu[gi] = true;
        out.push((si, gi));
    }
    out
}

/// Scores one document's name mentions and clusters against its gold entities.
pub fn score_real_doc(
    doc: &Document,
    gold: &[&RealGold],
    errors: Option<&mut Vec<String>>,
) -> RealCounts {
    let mut sys = Vec::new();
    for (ci, e) in doc.layers.entities.iter().enumerate() {
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            sys.push(SysMention {
                start: m.span.start(),
                end: m.span.end(),
                kind: type_name(e.kind),
                cluster: ci,
            });
        }
    }
    sys.sort_by_key(|m| (m.start, m.end));
    sys.dedup_by_key(|m| (m.start, m.end));
    let mut gm = Vec::new();
    for (ei, g) in gold.iter().enumerate() {
        for &[s, e] in &g.mentions {
            gm.push(GoldMention {
                start: s,
                end: e,
                kind: g.kind.clone(),
                entity: ei,
            });
        }
    }
    let exact_set: HashSet<(usize, usize, &str)> = gm
        .iter()
        .map(|g| (g.start, g.end, g.kind.as_str()))
        .collect();
    let exact = sys
        .iter()
        .filter(|s| exact_set.contains(&(s.start, s.end, s.kind)))
        .count();
    let typed = match_overlap(&sys, &gm, true);
    let mut c = RealCounts {
        gold: gm.len(),
        system: sys.len(),
        exact,
        overlap: typed.len(),
        ..Default::default()
    };
    // Clusters, through overlap matches of any type.
    let any = match_overlap(&sys, &gm, false);
    let mut per_gold: HashMap<usize, HashSet<usize>> = HashMap::new();
    let mut found: HashMap<usize, usize> = HashMap::new();
    let mut per_cluster: HashMap<usize, HashSet<usize>> = HashMap::new();
    for &(si, gi) in &any {
        let (s, g) = (&sys[si], &gm[gi]);
        per_gold.entry(g.entity).or_default().insert(s.cluster);
        *found.entry(g.entity).or_default() += 1;
        per_cluster.entry(s.cluster).or_default().insert(g.entity);
    }
    let mut errs = Vec::new();
    for (ent, n) in &found {
        if *n < 2 {
            continue;
        }
        c.multi += 1;
        if per_gold.get(ent).map_or(0, HashSet::len) == 1 {
            c.merged += 1;
        } else if let Some(g) = gold.get(*ent) {
            errs.push(format!("  split    {} ({})", g.name, g.kind));
        }
    }
    for (cl, ents) in &per_cluster {
        if ents.len() > 1 {
            c.over_merged += 1;
            let names: Vec<&str> = ents
                .iter()
                .filter_map(|e| gold.get(*e))
                .map(|g| g.name.as_str())
                .collect();
            let sys_name = doc.layers.entities.get(*cl).map_or("", |e| e.name.as_str());
            errs.push(format!("  overmerge {sys_name}: {names:?}"));
        }
    }
    if let Some(out) = errors {
        mention_errors(doc, &sys, &gm, &typed, &mut errs);
        if !errs.is_empty() {
            out.push(format!("{}:", doc.id));
            out.append(&mut errs);
        }
    }
    c
}

fn mention_errors(
    doc: &Document,
    sys: &[SysMention],
    gm: &[GoldMention],
    typed: &[(usize, usize)],
    errs: &mut Vec<String>,
) {
    let text = |s: usize, e: usize| doc.text.get(s..e).unwrap_or("").replace('\n', " ");
    let sm: HashMap<usize, usize> = typed.iter().copied().collect();
    let gmatch: HashMap<usize, usize> = typed.iter().map(|&(s, g)| (g, s)).collect();
    for (gi, g) in gm.iter().enumerate() {
        match gmatch.get(&gi).and_then(|si| sys.get(*si)) {
            None => {
                let other = sys
                    .iter()
                    .find(|s| overlaps((s.start, s.end), (g.start, g.end)));
                match other {
                    Some(s) => errs.push(format!(
                        "  type     {:?} gold {} system {:?} {}",
                        text(g.start, g.end),
                        g.kind,
                        text(s.start, s.end),
                        s.kind
                    )),
                    None => errs.push(format!(
                        "  missed   {:?} {} @{}",
                        text(g.start, g.end),
                        g.kind,
                        g.start
                    )),
                }
            }
            Some(s) if (s.start, s.end) != (g.start, g.end) => errs.push(format!(
                "  boundary {:?} gold {:?} {}",
                text(s.start, s.end),
                text(g.start, g.end),
                g.kind
            )),
            Some(_) => {}
        }
    }
    for (si, s) in sys.iter().enumerate() {
        if !sm.contains_key(&si)
            && !gm
                .iter()
                .any(|g| overlaps((s.start, s.end), (g.start, g.end)))
        {
            errs.push(format!(
                "  spurious {:?} {} @{}",
                text(s.start, s.end),
                s.kind,
                s.start
            ));
        }
    }
}

/// The set folders under `dir` (itself, when it holds `sources.jsonl`) that have entity gold.
fn set_dirs(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.join("sources.jsonl").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("sources.jsonl").is_file() && p.join("gold/entities.jsonl").is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let src =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{} line {}", path.display(), i + 1))
        })
        .collect()
}

/// Per set: documents scored and their counts.
pub type SetScores = BTreeMap<String, (usize, RealCounts)>;

/// Scores of every set under `dir` on `split` (`dev`, `final` or `all`), texts read from
/// `texts/<set>/<id>.txt`. Returns per-set counts and notes (sets skipped).
pub fn score_real(
    dir: &Path,
    texts: &Path,
    split: &str,
    mut errors: Option<&mut Vec<String>>,
) -> Result<(SetScores, Vec<String>)> {
    let p = pipeline()?;
    let mut out = BTreeMap::new();
    let mut notes = Vec::new();
    for set in set_dirs(dir)? {
        let name = set
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let gold_path = set.join("gold/entities.jsonl");
        if !gold_path.is_file() {
            notes.push(format!("{name}: no gold/entities.jsonl, skipped"));
            continue;
        }
        let tdir = texts.join(&name);
        if !tdir.is_dir() {
            notes.push(format!(
                "{name}: texts not found at {}, skipped",
                tdir.display()
            ));
            continue;
        }
        let gold: Vec<RealGold> = read_jsonl(&gold_path)?;
        let mut by_doc: HashMap<&str, Vec<&RealGold>> = HashMap::new();
        for g in &gold {
            by_doc.entry(g.doc.as_str()).or_default().push(g);
        }
        let sources: Vec<Source> = read_jsonl(&set.join("sources.jsonl"))?;
        let scope = read_scope(&set.join("gold/entities_docs.txt"))?;
        let (mut n, mut total) = (0, RealCounts::default());
        for s in sources
            .iter()
            .filter(|s| split == "all" || s.split.as_deref() == Some(split))
            .filter(|s| match &scope {
                Some(ids) => ids.contains(&s.id),
                None => true,
            })
        {
            let path = tdir.join(format!("{}.txt", s.id));
            let Ok(text) = std::fs::read_to_string(&path) else {
                notes.push(format!("{name}/{}: text missing, skipped", s.id));
                continue;
            };
            let meta = Meta {
                published: s
                    .published
                    .as_deref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                title: None,
                url: s.url.clone(),
                outlet: s.outlet.clone(),
                language: s.language.clone(),
            };
            let doc = system(&p, &s.id, &text, meta);
            let g = by_doc.get(s.id.as_str()).cloned().unwrap_or_default();
            total.add(&score_real_doc(&doc, &g, errors.as_deref_mut()));
            n += 1;
        }
        out.insert(name, (n, total));
    }
    Ok((out, notes))
}

/// The documents a set's entity gold covers, when it covers only some of them
/// (`gold/entities_docs.txt`, one id a line); `None` when the file is absent (every
/// document of the split is scored).
fn read_scope(path: &Path) -> Result<Option<HashSet<String>>> {
    if !path.is_file() {
        return Ok(None);
    }
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect(),
    ))
}

fn scores_json(n: usize, c: &RealCounts) -> serde_json::Value {
    let (ep, er, ef) = prf(c.exact, c.system, c.exact, c.gold);
    let (op, or, of) = prf(c.overlap, c.system, c.overlap, c.gold);
    serde_json::json!({
        "documents": n,
        "counts": c,
        "exact": {"p": ep, "r": er, "f1": ef},
        "overlap": {"p": op, "r": or, "f1": of},
        "merged": ratio(c.merged, c.multi),
        "over_merged": c.over_merged,
    })
}

fn line(label: &str, n: usize, c: &RealCounts) -> String {
    let (ep, er, ef) = prf(c.exact, c.system, c.exact, c.gold);
    let (op, or, of) = prf(c.overlap, c.system, c.overlap, c.gold);
    format!(
        "  {label}: {n} documents, gold {} system {}\n    exact   P {ep:.3} R {er:.3} F1 {ef:.3}\n    overlap P {op:.3} R {or:.3} F1 {of:.3}\n    merged {:.3} ({}/{})  over-merged clusters {}",
        c.gold,
        c.system,
        ratio(c.merged, c.multi),
        c.merged,
        c.multi,
        c.over_merged
    )
}

/// `newsledger eval entities --real DIR [--split dev|final|all]`.
pub fn run_real(dir: &Path, split: &str, errors: bool, json: bool) -> Result<()> {
    if !matches!(split, "dev" | "final" | "all") {
        anyhow::bail!("--split must be dev, final or all");
    }
    let texts = std::env::var_os("NEWSLEDGER_REALDATA")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join("newsledger-realdata")))
        .unwrap_or_else(|| PathBuf::from("newsledger-realdata"));
    let mut errs = Vec::new();
    let (sets, notes) = score_real(dir, &texts, split, errors.then_some(&mut errs))?;
    for n in &notes {
        eprintln!("note: {n}");
    }
    let mut all = (0, RealCounts::default());
    for (n, c) in sets.values() {
        all.0 += n;
        all.1.add(c);
    }
    if errors {
        for e in &errs {
            println!("{e}");
        }
    }
    if json {
        let per: serde_json::Map<String, serde_json::Value> = sets
            .iter()
            .map(|(k, (n, c))| (k.clone(), scores_json(*n, c)))
            .collect();
        let out =
            serde_json::json!({"split": split, "all": scores_json(all.0, &all.1), "sets": per});
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "entities on real sets under {} (split {split})",
            dir.display()
        );
        println!("{}", line("all", all.0, &all.1));
        for (k, (n, c)) in &sets {
            println!("{}", line(k, *n, c));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_an_invented_set() {
        let root = std::env::temp_dir().join(format!("nl-entities-real-{}", std::process::id()));
        let set = root.join("corpus/en-test");
        let texts = root.join("texts/en-test");
        std::fs::create_dir_all(set.join("gold")).expect("dir");
        std::fs::create_dir_all(&texts).expect("dir");
        let text = "Mira Tolvanen visited Oslo on Monday.\n\nTolvanen said the Red Cross had arrived in Oslo.\n";
        std::fs::write(texts.join("t-1.txt"), text).expect("write");
        std::fs::write(texts.join("t-2.txt"), "Nothing to see.\n").expect("write");
        let src = "{\"id\":\"t-1\",\"split\":\"dev\",\"published\":\"2024-03-04\"}\n{\"id\":\"t-2\",\"split\":\"final\"}\n";
        std::fs::write(set.join("sources.jsonl"), src).expect("write");
        let at = |s: &str, nth: usize| {
            let i = text.match_indices(s).nth(nth).map(|(i, _)| i).unwrap_or(0);
            format!("[{i},{}]", i + s.len())
        };
        let gold = format!(
            "{{\"doc\":\"t-1\",\"entity\":\"e1\",\"name\":\"Mira Tolvanen\",\"type\":\"PERSON\",\"mentions\":[{},{}]}}\n\
             {{\"doc\":\"t-1\",\"entity\":\"e2\",\"name\":\"Oslo\",\"type\":\"PLACE\",\"mentions\":[{},{}]}}\n\
             {{\"doc\":\"t-1\",\"entity\":\"e3\",\"name\":\"Red Cross\",\"type\":\"ORG\",\"mentions\":[{}]}}\n",
            at("Mira Tolvanen", 0),
            at("Tolvanen", 1),
            at("Oslo", 0),
            at("Oslo", 1),
            at("Red Cross", 0)
        );
        std::fs::write(set.join("gold/entities.jsonl"), gold).expect("write");
        let (sets, notes) = score_real(&set, &root.join("texts"), "dev", None).expect("scores");
        assert!(notes.is_empty(), "{notes:?}");
        let (n, c) = sets.get("en-test").copied().expect("set scored");
        assert_eq!(n, 1, "only the dev document");
        assert_eq!(c.gold, 5);
        assert!(c.exact >= 4 && c.overlap >= c.exact, "{c:?}");
        assert_eq!(c.multi, 2);
        assert_eq!(c.merged, 2);
        assert_eq!(c.over_merged, 0);
        let (sets, _) = score_real(&set, &root.join("texts"), "all", None).expect("scores");
        assert_eq!(sets.get("en-test").map(|x| x.0), Some(2));
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn over_merged_and_split_clusters_are_counted() {
        use newsledger_model::{Entity, EntityType, Mention, Span};
        let text = "Ana Rusk met Ben Rusk. Ana Rusk left.";
        let mut doc = Document::new("x", text, Meta::default());
        let m = |s: usize, e: usize| Mention {
            span: Span::new(s, e),
            kind: MentionKind::Name,
        };
        doc.layers.entities = vec![Entity {
            id: "e1".into(),
            kind: EntityType::Person,
            subtype: None,
            name: "Rusk".into(),
            aliases: vec![],
            mentions: vec![m(0, 8), m(13, 21), m(23, 31)],
            roles: vec![],
            geo: None,
        }];
        let g1 = RealGold {
            doc: "x".into(),
            entity: "e1".into(),
            name: "Ana Rusk".into(),
            kind: "PERSON".into(),
            mentions: vec![[0, 8], [23, 31]],
        };
        let g2 = RealGold {
            doc: "x".into(),
            entity: "e2".into(),
            name: "Ben Rusk".into(),
            kind: "PERSON".into(),
            mentions: vec![[13, 21]],
        };
        let c = score_real_doc(&doc, &[&g1, &g2], None);
        assert_eq!(
            (c.exact, c.overlap, c.multi, c.merged, c.over_merged),
            (3, 3, 1, 1, 1)
        );
    }
}
