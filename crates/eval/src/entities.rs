//! Scores the entities stage, against either of two golds:
//!
//! - **MEANTIME CAT XML** (a `.xml` file or a directory of them, e.g.
//!   `../shared/data/meantime-en`): entity mentions (`ENTITY_MENTION`) typed through their
//!   `REFERS_TO` link to an `ENTITY` instance (PER, ORG, LOC; PRO/FIN/MIX are not types this
//!   stage has, so system mentions on them are neither right nor wrong). Only the annotated
//!   region (title and first sentences) is rebuilt, tokens joined with single spaces.
//!   Reports mention detection P/R/F1 for proper names (NAM) and for all mentions, strict
//!   (same span) and relaxed (overlap, one-to-one), type accuracy over the relaxed matches,
//!   and pairwise coreference P/R/F1 over matched mentions.
//! - **Our jsonl gold** (`corpus/gold/entities.jsonl`, lines of `{"doc", "name", "type",
//!   "subtype", "aliases"}`) with the documents (`--docs`, default `reports.jsonl` next to
//!   the gold directory): cluster-level P/R/F1 (a system cluster matches a gold entity when
//!   one of its names or mentions equals one of the gold names, case-insensitively), type
//!   and subtype accuracy over matches, and alias recall.

use anyhow::{Context, Result};
use newsledger_model::{Document, Entity, EntityType, MentionKind, Meta, Pipeline, Span};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

pub mod real;

/// Arguments of `newsledger eval entities`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold annotations: MEANTIME CAT XML (file or directory) or our entities jsonl gold.
    /// Not needed with `--real`.
    #[arg(required_unless_present = "real")]
    pub gold: Option<PathBuf>,
    /// A real-news set folder (`corpus/real/<set>`) or their parent (`corpus/real`): name
    /// mentions and clusters against `gold/entities.jsonl`, texts from $NEWSLEDGER_REALDATA
    /// (default ~/newsledger-realdata).
    #[arg(long)]
    pub real: Option<PathBuf>,
    /// Split of the real sets to run: dev, final or all.
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// Documents for a jsonl gold (default: `reports.jsonl` beside the gold directory).
    #[arg(long)]
    pub docs: Option<PathBuf>,
    /// Print missed and spurious mentions/entities.
    #[arg(long)]
    pub errors: bool,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

fn pipeline() -> Result<Pipeline> {
    newsledger_pipeline::default_pipeline().map_err(|e| anyhow::anyhow!("{e}"))
}

fn system(p: &Pipeline, id: &str, text: &str, meta: Meta) -> Document {
    let mut doc = Document::new(id, text, meta);
    p.run_until(&mut doc, "entities");
    doc
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(hit_p: usize, sys: usize, hit_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(hit_p, sys);
    let r = ratio(hit_r, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

pub fn run(args: &Args) -> Result<()> {
    if let Some(dir) = &args.real {
        return real::run_real(dir, &args.split, args.errors, args.json);
    }
    let Some(gold) = &args.gold else {
        anyhow::bail!("a gold file or --real DIR is needed");
    };
    let is_jsonl = gold
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if is_jsonl {
        run_jsonl(args, gold)
    } else {
        run_meantime(args, gold)
    }
}

// ------------------------------------------------------------------ MEANTIME

/// A gold mention: span in the rebuilt text, its type (PER/ORG/LOC/PRO/FIN/MIX), its
/// syntactic type (NAM, NOM, PRO…) and the entity instance it refers to.
#[derive(Debug, Clone)]
pub struct GoldMention {
    pub span: Span,
    pub ent_type: String,
    pub syntactic: String,
    pub instance: String,
}

#[derive(Debug, Clone)]
pub struct MeantimeDoc {
    pub id: String,
    pub text: String,
    pub mentions: Vec<GoldMention>,
}

pub fn parse_meantime(src: &str, id: String) -> Result<MeantimeDoc> {
    let xml = roxmltree::Document::parse(src)?;
    let root = xml.root_element();
    let mut sent_of: HashMap<String, u32> = HashMap::new();
    let mut order: Vec<(String, u32, String)> = Vec::new();
    for t in root.children().filter(|n| n.has_tag_name("token")) {
        let Some(tid) = t.attribute("t_id") else {
            continue;
        };
        let s = t
            .attribute("sentence")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        sent_of.insert(tid.to_string(), s);
        order.push((tid.to_string(), s, t.text().unwrap_or("").to_string()));
    }
    let markables = root.children().find(|n| n.has_tag_name("Markables"));
    let mut last_sentence = 5u32;
    if let Some(m) = markables {
        for a in m.descendants().filter(|n| n.has_tag_name("token_anchor")) {
            if let Some(s) = a.attribute("t_id").and_then(|i| sent_of.get(i)) {
                last_sentence = last_sentence.max(*s);
            }
        }
    }
    let mut text = String::new();
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut prev: Option<u32> = None;
    for (tid, s, t) in &order {
        if *s > last_sentence {
            continue;
        }
        match prev {
            Some(p) if p != *s => text.push('\n'),
            Some(_) => text.push(' '),
            None => {}
        }
        prev = Some(*s);
        let a = text.len();
        text.push_str(t);
        spans.insert(tid.clone(), Span::new(a, text.len()));
    }
    let mut instances: HashMap<String, String> = HashMap::new();
    let mut ments: HashMap<String, (Span, String)> = HashMap::new();
    if let Some(m) = markables {
        for e in m.children().filter(|n| n.has_tag_name("ENTITY")) {
            if let (Some(mid), Some(t)) = (e.attribute("m_id"), e.attribute("ent_type")) {
                instances.insert(mid.to_string(), t.to_string());
            }
        }
        for e in m.children().filter(|n| n.has_tag_name("ENTITY_MENTION")) {
            let Some(mid) = e.attribute("m_id") else {
                continue;
            };
            let anchors: Vec<Span> = e
                .children()
                .filter(|n| n.has_tag_name("token_anchor"))
                .filter_map(|a| a.attribute("t_id").and_then(|i| spans.get(i)).copied())
                .collect();
            let (Some(a), Some(b)) = (
                anchors.iter().map(|s| s.start()).min(),
                anchors.iter().map(|s| s.end()).max(),
            ) else {
                continue;
            };
            ments.insert(
                mid.to_string(),
                (
                    Span::new(a, b),
                    e.attribute("syntactic_type").unwrap_or("").to_string(),
                ),
            );
        }
    }
    let mut mentions = Vec::new();
    if let Some(rel) = root.children().find(|n| n.has_tag_name("Relations")) {
        for r in rel.children().filter(|n| n.has_tag_name("REFERS_TO")) {
            let Some(target) = r
                .children()
                .find(|n| n.has_tag_name("target"))
                .and_then(|t| t.attribute("m_id"))
            else {
                continue;
            };
            let Some(ty) = instances.get(target) else {
                continue;
            };
            for s in r.children().filter(|n| n.has_tag_name("source")) {
                if let Some((span, syn)) = s.attribute("m_id").and_then(|m| ments.get(m)) {
                    mentions.push(GoldMention {
                        span: *span,
                        ent_type: ty.clone(),
                        syntactic: syn.clone(),
                        instance: target.to_string(),
                    });
                }
            }
        }
    }
    mentions.sort_by_key(|m| m.span);
    Ok(MeantimeDoc { id, text, mentions })
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
    {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn our_type(k: EntityType) -> &'static str {
    match k {
        EntityType::Person => "PER",
        EntityType::Org | EntityType::Platform => "ORG",
        EntityType::Place => "LOC",
    }
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct MentionCounts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
}

impl MentionCounts {
    fn add(&mut self, o: &MentionCounts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
    }
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct CorefCounts {
    pub sys_pairs: usize,
    pub gold_pairs: usize,
    pub common: usize,
}

/// Score one document. `names_only`: gold NAM/PRE.NAM against system name mentions.
pub fn score_meantime_doc(
    g: &MeantimeDoc,
    ents: &[Entity],
    names_only: bool,
    errors: Option<&mut Vec<String>>,
) -> (MentionCounts, CorefCounts) {
    let scored = |m: &GoldMention| {
        matches!(m.ent_type.as_str(), "PER" | "ORG" | "LOC")
            && (!names_only || m.syntactic == "NAM" || m.syntactic == "PRE.NAM")
    };
    let gold: Vec<&GoldMention> = g.mentions.iter().filter(|m| scored(m)).collect();
    // Unscored gold (other types, or non-names when scoring names): system mentions on
    // them count neither way.
    let neutral: Vec<Span> = g
        .mentions
        .iter()
        .filter(|m| !scored(m))
        .map(|m| m.span)
        .collect();
    let mut sys: Vec<(Span, &'static str, usize)> = Vec::new();
    for (ei, e) in ents.iter().enumerate() {
        for m in &e.mentions {
            if names_only && m.kind != MentionKind::Name {
                continue;
            }
            sys.push((m.span, our_type(e.kind), ei));
        }
    }
    sys.sort_by_key(|s| s.0);
    let mut used_gold = vec![false; gold.len()];
    let mut c = MentionCounts {
        gold: gold.len(),
        ..Default::default()
    };
    let mut matched: Vec<(usize, usize)> = Vec::new(); // (sys idx, gold idx)
    let mut errs = Vec::new();
    for (si, (span, ty, _)) in sys.iter().enumerate() {
        // Prefer an exact match, then the largest overlap.
        let best = gold
            .iter()
            .enumerate()
            .filter(|(gi, gm)| !used_gold[*gi] && gm.span.overlaps(*span))
            .max_by_key(|(_, gm)| {
                let ov = gm.span.end().min(span.end()) - gm.span.start().max(span.start());
                (gm.span == *span, ov)
            })
            .map(|(gi, _)| gi);
        match best {
            Some(gi) => {
                used_gold[gi] = true;
                c.system += 1;
                c.relaxed += 1;
                if let Some(gm) = gold.get(gi) {
                    if gm.span == *span {
                        c.strict += 1;
                    }
                    if gm.ent_type == *ty {
                        c.type_ok += 1;
                    } else {
                        errs.push(format!(
                            "  type  {:<30} system {ty} gold {}",
                            slice(&g.text, *span),
                            gm.ent_type
                        ));
                    }
                }
                matched.push((si, gi));
            }
            None => {
                if !neutral.iter().any(|n| n.overlaps(*span)) {
                    c.system += 1;
                    errs.push(format!("  spurious {:<30} {ty}", slice(&g.text, *span)));
                }
            }
        }
    }
    for (gi, gm) in gold.iter().enumerate() {
        if !used_gold[gi] {
            errs.push(format!(
                "  missed {:<30} {} {}",
                slice(&g.text, gm.span),
                gm.ent_type,
                gm.syntactic
            ));
        }
    }
    // Pairwise coreference over matched mentions.
    let mut cc = CorefCounts::default();
    for (i, &(sa, ga)) in matched.iter().enumerate() {
        for &(sb, gb) in matched.iter().skip(i + 1) {
            let same_sys = sys.get(sa).map(|x| x.2) == sys.get(sb).map(|x| x.2);
            let same_gold = gold.get(ga).map(|x| &x.instance) == gold.get(gb).map(|x| &x.instance);
            cc.sys_pairs += usize::from(same_sys);
            cc.gold_pairs += usize::from(same_gold);
            cc.common += usize::from(same_sys && same_gold);
        }
    }
    if let Some(e) = errors {
        if !errs.is_empty() {
            e.push(format!("{}:", g.id));
            e.extend(errs);
        }
    }
    (c, cc)
}

fn slice(text: &str, s: Span) -> String {
    text.get(s.start()..s.end())
        .unwrap_or("")
        .replace('\n', " ")
}

fn run_meantime(args: &Args, gold_path: &Path) -> Result<()> {
    let mut files = Vec::new();
    collect(gold_path, &mut files)?;
    anyhow::ensure!(
        !files.is_empty(),
        "no MEANTIME .xml files under {}",
        gold_path.display()
    );
    let p = pipeline()?;
    let mut names = MentionCounts::default();
    let mut all = MentionCounts::default();
    let mut coref = CorefCounts::default();
    let mut errors: Vec<String> = Vec::new();
    let mut bytes = 0usize;
    let t0 = std::time::Instant::now();
    for f in &files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let id = f
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let g =
            parse_meantime(&src, id.clone()).with_context(|| format!("parsing {}", f.display()))?;
        bytes += g.text.len();
        let doc = system(&p, &id, &g.text, Meta::default());
        let (n, _) = score_meantime_doc(
            &g,
            &doc.layers.entities,
            true,
            args.errors.then_some(&mut errors),
        );
        let (a, c) = score_meantime_doc(&g, &doc.layers.entities, false, None);
        names.add(&n);
        all.add(&a);
        coref.sys_pairs += c.sys_pairs;
        coref.gold_pairs += c.gold_pairs;
        coref.common += c.common;
    }
    let secs = t0.elapsed().as_secs_f64();
    let report = |c: &MentionCounts| {
        let (sp, sr, sf) = prf(c.strict, c.system, c.strict, c.gold);
        let (rp, rr, rf) = prf(c.relaxed, c.system, c.relaxed, c.gold);
        serde_json::json!({
            "gold": c.gold, "system": c.system,
            "strict": {"p": sp, "r": sr, "f1": sf},
            "relaxed": {"p": rp, "r": rr, "f1": rf},
            "type_accuracy": ratio(c.type_ok, c.relaxed),
        })
    };
    let (cp, cr, cf) = prf(
        coref.common,
        coref.sys_pairs,
        coref.common,
        coref.gold_pairs,
    );
    let out = serde_json::json!({
        "documents": files.len(),
        "names": report(&names),
        "all_mentions": report(&all),
        "coreference_pairwise": {"p": cp, "r": cr, "f1": cf},
        "seconds": secs,
        "bytes": bytes,
    });
    if args.errors {
        for e in &errors {
            println!("{e}");
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!("MEANTIME entities, {} documents (PER/ORG/LOC)", files.len());
        for (label, c) in [("names (NAM)", &names), ("all mentions", &all)] {
            let (sp, sr, sf) = prf(c.strict, c.system, c.strict, c.gold);
            let (rp, rr, rf) = prf(c.relaxed, c.system, c.relaxed, c.gold);
            println!(
                "  {label:<14} gold {:>5} system {:>5}  strict P {sp:.3} R {sr:.3} F1 {sf:.3}  relaxed P {rp:.3} R {rr:.3} F1 {rf:.3}  type acc {:.3}",
                c.gold,
                c.system,
                ratio(c.type_ok, c.relaxed)
            );
        }
        println!("  coreference (pairwise over matched mentions) P {cp:.3} R {cr:.3} F1 {cf:.3}");
        println!(
            "  {:.1} docs/s, {:.2} MB/s (whole pipeline up to entities, this build)",
            files.len() as f64 / secs.max(1e-9),
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
    Ok(())
}

// ------------------------------------------------------------------ our jsonl gold

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub doc: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub subtype: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct DocLine {
    id: String,
    text: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

fn type_name(k: EntityType) -> &'static str {
    match k {
        EntityType::Person => "PERSON",
        EntityType::Org => "ORG",
        EntityType::Place => "PLACE",
        EntityType::Platform => "PLATFORM",
    }
}

/// Every surface form a system cluster goes by (name, aliases, mention texts), lower case.
fn forms(doc: &Document, e: &Entity) -> HashSet<String> {
    let mut s: HashSet<String> = HashSet::new();
    s.insert(e.name.to_lowercase());
    s.insert(format!("the {}", e.name.to_lowercase()));
    for a in &e.aliases {
        s.insert(a.to_lowercase());
    }
    for m in &e.mentions {
        if m.kind != MentionKind::Pronoun {
            s.insert(doc.slice(m.span).to_lowercase());
        }
    }
    s
}

#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct ClusterCounts {
    pub gold: usize,
    pub system: usize,
    pub matched_gold: usize,
    pub matched_system: usize,
    pub type_ok: usize,
    pub subtype_ok: usize,
    pub aliases_gold: usize,
    pub aliases_found: usize,
}

/// Score one document's clusters against its gold entities.
pub fn score_clusters(
    doc: &Document,
    gold: &[&GoldEntity],
    errors: Option<&mut Vec<String>>,
) -> ClusterCounts {
    let ents: Vec<&Entity> = doc.layers.entities.iter().collect();
    let sys_forms: Vec<HashSet<String>> = ents.iter().map(|e| forms(doc, e)).collect();
    let mut c = ClusterCounts {
        gold: gold.len(),
        system: ents.len(),
        ..Default::default()
    };
    let mut sys_used = vec![false; ents.len()];
    let mut errs = Vec::new();
    for g in gold {
        let names: Vec<String> = std::iter::once(g.name.to_lowercase())
            .chain(g.aliases.iter().map(|a| a.to_lowercase()))
            .flat_map(|n| {
                let bare = n.trim_start_matches("the ").to_string();
                [n, bare]
            })
            .collect();
        // The system cluster sharing the most gold names.
        let best = sys_forms
            .iter()
            .enumerate()
            .map(|(i, f)| (i, names.iter().filter(|n| f.contains(*n)).count()))
            .filter(|(_, k)| *k > 0)
            .max_by_key(|(_, k)| *k)
            .map(|(i, _)| i);
        let Some(si) = best else {
            errs.push(format!("  missed {} ({})", g.name, g.kind));
            continue;
        };
        c.matched_gold += 1;
        if let Some(u) = sys_used.get_mut(si) {
            *u = true;
        }
        let (Some(e), Some(f)) = (ents.get(si), sys_forms.get(si)) else {
            continue;
        };
        if type_name(e.kind) == g.kind {
            c.type_ok += 1;
        } else {
            errs.push(format!(
                "  type   {}: system {} gold {}",
                g.name,
                type_name(e.kind),
                g.kind
            ));
        }
        if e.subtype.as_deref() == g.subtype.as_deref() {
            c.subtype_ok += 1;
        } else {
            errs.push(format!(
                "  subtype {}: system {:?} gold {:?}",
                g.name, e.subtype, g.subtype
            ));
        }
        let mut gold_aliases: Vec<String> = g.aliases.iter().map(|a| a.to_lowercase()).collect();
        gold_aliases.sort();
        gold_aliases.dedup();
        let roles: Vec<String> = e.roles.iter().map(|r| r.to_lowercase()).collect();
        let strip = |x: &str| x.trim_start_matches("the ").to_string();
        let found = |a: &str| {
            // As written, without a leading "the", or a role title before a name it has
            // ("president anselm korvath" = role "President" + name "Anselm Korvath").
            f.contains(a)
                || f.iter().any(|x| strip(x) == strip(a))
                || f.iter().any(|x| {
                    a.strip_suffix(x.as_str())
                        .map(|pre| pre.trim().trim_end_matches(','))
                        .is_some_and(|pre| !pre.is_empty() && roles.iter().any(|r| r == pre))
                })
        };
        for a in &gold_aliases {
            c.aliases_gold += 1;
            if found(a) {
                c.aliases_found += 1;
            } else {
                errs.push(format!("  alias  {}: missing {:?}", g.name, a));
            }
        }
    }
    for (i, e) in ents.iter().enumerate() {
        if sys_used.get(i).copied().unwrap_or(false) {
            c.matched_system += 1;
        } else {
            errs.push(format!(
                "  spurious {} ({}, {:?})",
                e.name,
                type_name(e.kind),
                e.subtype
            ));
        }
    }
    if let Some(e) = errors {
        if !errs.is_empty() {
            e.push(format!("{}:", doc.id));
            e.extend(errs);
        }
    }
    c
}

fn run_jsonl(args: &Args, gold_path: &Path) -> Result<()> {
    let gold_src = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let mut gold: BTreeMap<String, Vec<GoldEntity>> = BTreeMap::new();
    for (i, line) in gold_src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldEntity = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", gold_path.display(), i + 1))?;
        gold.entry(g.doc.clone()).or_default().push(g);
    }
    let docs_path = match &args.docs {
        Some(p) => p.clone(),
        None => gold_path
            .parent()
            .and_then(Path::parent)
            .map(|d| d.join("reports.jsonl"))
            .unwrap_or_else(|| PathBuf::from("reports.jsonl")),
    };
    let docs_src = std::fs::read_to_string(&docs_path)
        .with_context(|| format!("reading {}", docs_path.display()))?;
    let p = pipeline()?;
    let mut total = ClusterCounts::default();
    let mut errors = Vec::new();
    let mut ndocs = 0;
    for (i, line) in docs_src.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: DocLine = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", docs_path.display(), i + 1))?;
        let Some(g) = gold.get(&d.id) else { continue };
        ndocs += 1;
        let meta = Meta {
            published: d
                .published
                .as_deref()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
            title: d.title.clone(),
            url: d.url.clone(),
            outlet: d.outlet.clone(),
            language: None,
        };
        let doc = system(&p, &d.id, &d.text, meta);
        let refs: Vec<&GoldEntity> = g.iter().collect();
        let c = score_clusters(&doc, &refs, args.errors.then_some(&mut errors));
        total.gold += c.gold;
        total.system += c.system;
        total.matched_gold += c.matched_gold;
        total.matched_system += c.matched_system;
        total.type_ok += c.type_ok;
        total.subtype_ok += c.subtype_ok;
        total.aliases_gold += c.aliases_gold;
        total.aliases_found += c.aliases_found;
    }
    let (p_, r_, f_) = prf(
        total.matched_system,
        total.system,
        total.matched_gold,
        total.gold,
    );
    if args.errors {
        for e in &errors {
            println!("{e}");
        }
    }
    let out = serde_json::json!({
        "documents": ndocs,
        "counts": total,
        "clusters": {"p": p_, "r": r_, "f1": f_},
        "type_accuracy": ratio(total.type_ok, total.matched_gold),
        "subtype_accuracy": ratio(total.subtype_ok, total.matched_gold),
        "alias_recall": ratio(total.aliases_found, total.aliases_gold),
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    } else {
        println!(
            "entities vs {} ({} documents)\n  clusters: gold {} system {}  P {p_:.3} R {r_:.3} F1 {f_:.3}\n  type accuracy {:.3}  subtype accuracy {:.3}  alias recall {:.3} ({}/{})",
            gold_path.display(),
            ndocs,
            total.gold,
            total.system,
            ratio(total.type_ok, total.matched_gold),
            ratio(total.subtype_ok, total.matched_gold),
            ratio(total.aliases_found, total.aliases_gold),
            total.aliases_found,
            total.aliases_gold
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meantime_mentions_are_typed_through_refers_to() {
        let src = r#"<?xml version="1.0" ?><Document doc_id="1">
<token t_id="1" sentence="0">Acme</token>
<token t_id="2" sentence="0">hires</token>
<token t_id="3" sentence="1">Jo</token>
<token t_id="4" sentence="1">Bloggs</token>
<token t_id="5" sentence="1">joined</token>
<token t_id="6" sentence="1">it</token>
<Markables>
<ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="PRO"><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="ORG" TAG_DESCRIPTOR="Acme"/>
<ENTITY m_id="21" ent_type="PER" TAG_DESCRIPTOR="Jo Bloggs"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="10"/><source m_id="12"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO>
</Relations></Document>"#;
        let g = parse_meantime(src, "1".into()).expect("parses");
        assert_eq!(g.text, "Acme hires\nJo Bloggs joined it");
        assert_eq!(g.mentions.len(), 3);
        let jo = g
            .mentions
            .iter()
            .find(|m| m.ent_type == "PER")
            .expect("person");
        assert_eq!(&g.text[jo.span.start()..jo.span.end()], "Jo Bloggs");
        let it = g
            .mentions
            .iter()
            .find(|m| m.syntactic == "PRO")
            .expect("pronoun");
        assert_eq!(it.instance, "20");
    }
}
