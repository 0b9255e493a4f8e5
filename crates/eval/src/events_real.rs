//! `newsledger eval events --real DIR`: events on real-news sets, scored by byte spans.
//!
//! Gold lines are `{"doc","type","trigger":[[s,e],…],"date","place":[keywords]|null,
//! "figures":[[s,e],…]}` (see `ANNOTATORS.md`). A predicted event matches a gold event of
//! the same type when its trigger overlaps any of the gold trigger spans; matching is
//! one-to-one, gold in file order, the first free prediction in document order. Scores are
//! kept apart for the political types and for the hazard, accident and response types.
//! Over matched events: the date (day) and the place (any gold key word in the predicted
//! place's name or aliases, accents folded; null = null). Figure links: of the gold figures
//! whose span overlaps a predicted figure, the share whose predicted `event` is the event
//! matched to the figure's gold event. Gold `state_of_emergency` is scored as
//! `declaration`, the stage's type for it.

use super::{f1, ratio, Args};
use anyhow::{Context, Result};
use newsledger_model::{Document, Meta, Pipeline, Span};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The political types; every other type is a hazard, accident or response.
pub(crate) const POLITICAL: &[&str] = newsledger_events::POLITICAL_TYPES;

fn is_political(kind: &str) -> bool {
    POLITICAL.contains(&kind)
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct RealGold {
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub trigger: Vec<[usize; 2]>,
    pub date: Option<String>,
    pub place: Option<Vec<String>>,
    #[serde(default)]
    pub figures: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
struct Source {
    id: String,
    published: Option<String>,
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Counts for one family of types.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Family {
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct RealTally {
    pub docs: usize,
    pub political: Family,
    pub hazard: Family,
    pub date: usize,
    pub place: usize,
    pub matched: usize,
    pub link_gold: usize,
    pub link_ok: usize,
    /// type → (gold, pred, matched)
    pub per_type: BTreeMap<String, Family>,
}

impl RealTally {
    fn family(&mut self, kind: &str) -> &mut Family {
        if is_political(kind) {
            &mut self.political
        } else {
            &mut self.hazard
        }
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ė' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ş' | 'š' | 'ś' => 's',
            'ğ' => 'g',
            'ñ' | 'ń' => 'n',
            'ž' | 'ź' | 'ż' => 'z',
            c => c,
        })
        .collect()
}

/// The predicted place's names (entity name and aliases, or the text where no entity).
fn pred_place_names(doc: &Document, place: &Option<String>) -> Vec<String> {
    match place {
        None => vec![],
        Some(p) => match doc.entity(p) {
            Some(e) => std::iter::once(fold(&e.name))
                .chain(e.aliases.iter().map(|a| fold(a)))
                .collect(),
            None => vec![fold(p)],
        },
    }
}

pub(crate) fn place_matches(
    doc: &Document,
    pred: &Option<String>,
    gold: &Option<Vec<String>>,
) -> bool {
    match gold {
        None => pred.is_none(),
        Some(kws) => {
            let names = pred_place_names(doc, pred);
            kws.iter().map(|k| fold(k)).any(|k| {
                !k.is_empty()
                    && names
                        .iter()
                        .any(|n| !n.is_empty() && (n.contains(&k) || k.contains(n.as_str())))
            })
        }
    }
}

fn day(d: &Option<String>) -> Option<&str> {
    d.as_deref().map(|d| d.get(..10).unwrap_or(d))
}

/// Scores one document whose layers are filled against its gold events.
pub(crate) fn score_doc(
    doc: &Document,
    golds: &[&RealGold],
    t: &mut RealTally,
    mut log: impl FnMut(String),
) {
    t.docs += 1;
    let preds = &doc.layers.events;
    for p in preds {
        t.family(&p.kind).pred += 1;
        t.per_type.entry(p.kind.clone()).or_default().pred += 1;
    }
    let mut used = vec![false; preds.len()];
    let mut matched_to: Vec<Option<usize>> = vec![None; golds.len()];
    for (gi, g) in golds.iter().enumerate() {
        t.family(&g.kind).gold += 1;
        t.per_type.entry(g.kind.clone()).or_default().gold += 1;
        let spans: Vec<Span> = g.trigger.iter().map(|&[a, b]| Span::new(a, b)).collect();
        let hit = preds.iter().enumerate().find(|(i, p)| {
            !used.get(*i).copied().unwrap_or(true)
                && p.kind == g.kind
                && spans.iter().any(|s| p.trigger.span.overlaps(*s))
        });
        let Some((pi, p)) = hit else {
            log(format!(
                "  - miss {} {} {:?}",
                g.doc,
                g.kind,
                first_text(doc, &spans)
            ));
            continue;
        };
        used[pi] = true;
        matched_to[gi] = Some(pi);
        t.family(&g.kind).matched += 1;
        t.per_type.entry(g.kind.clone()).or_default().matched += 1;
        t.matched += 1;
        let date_ok = day(&p.date) == g.date.as_deref();
        let place_ok = place_matches(doc, &p.place, &g.place);
        t.date += usize::from(date_ok);
        t.place += usize::from(place_ok);
        if !(date_ok && place_ok) {
            let pname = pred_place_names(doc, &p.place).into_iter().next();
            log(format!(
                "  ~ {} {} {:?}: date {:?}/{:?} place {:?}/{:?}",
                g.doc, g.kind, p.trigger.text, p.date, g.date, pname, g.place
            ));
        }
    }
    for (i, p) in preds.iter().enumerate() {
        if !used[i] {
            log(format!(
                "  + extra {} {} {:?} @{}",
                doc.id,
                p.kind,
                p.trigger.text,
                p.trigger.span.start()
            ));
        }
    }
    score_links(doc, golds, &matched_to, t, log);
}

fn first_text(doc: &Document, spans: &[Span]) -> String {
    spans
        .first()
        .and_then(|s| doc.text.get(s.start()..s.end()))
        .unwrap_or("")
        .to_string()
}

fn score_links(
    doc: &Document,
    golds: &[&RealGold],
    matched_to: &[Option<usize>],
    t: &mut RealTally,
    mut log: impl FnMut(String),
) {
    for (gi, g) in golds.iter().enumerate() {
        let want = matched_to
            .get(gi)
            .copied()
            .flatten()
            .and_then(|pi| doc.layers.events.get(pi))
            .map(|e| e.id.as_str());
        for &[a, b] in &g.figures {
            let gspan = Span::new(a, b);
            let Some(f) = doc.layers.figures.iter().find(|f| f.span.overlaps(gspan)) else {
                continue;
            };
            t.link_gold += 1;
            if want.is_some() && f.event.as_deref() == want {
                t.link_ok += 1;
            } else {
                let got = f
                    .event
                    .as_deref()
                    .and_then(|id| doc.layers.events.iter().find(|e| e.id == id))
                    .map(|e| format!("{} {:?}", e.kind, e.trigger.text));
                log(format!(
                    "  ^ link {} {:?} → gold {} got {:?}",
                    doc.id, f.value.text, g.kind, got
                ));
            }
        }
    }
}

/// The sets under `dir`: `dir` itself when it has `sources.jsonl`, else its subfolders
/// that do and have `gold/events.jsonl`.
fn sets(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.join("sources.jsonl").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("sources.jsonl").is_file() && p.join("gold/events.jsonl").is_file())
        .collect();
    out.sort();
    Ok(out)
}

fn texts_root(args: &Args) -> PathBuf {
    if let Some(t) = &args.texts {
        return t.clone();
    }
    if let Some(v) = std::env::var_os("NEWSLEDGER_REALDATA") {
        return PathBuf::from(v);
    }
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join("newsledger-realdata"))
        .unwrap_or_else(|| PathBuf::from("newsledger-realdata"))
}

/// Runs the pipeline over one set's documents of the split and scores them.
pub(crate) fn score_set(
    set: &Path,
    texts: &Path,
    split: &str,
    pipeline: &Pipeline,
    t: &mut RealTally,
    verbose: bool,
) -> Result<usize> {
    let name = set.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let sources: Vec<Source> = super::read_jsonl(&set.join("sources.jsonl"))?;
    let mut gold: Vec<RealGold> = super::read_jsonl(&set.join("gold/events.jsonl"))?;
    // A state of emergency is a `declaration` in the stage (its subtype, not a type).
    for g in &mut gold {
        if g.kind == "state_of_emergency" {
            g.kind = "declaration".into();
        }
    }
    let mut by_doc: HashMap<&str, Vec<&RealGold>> = HashMap::new();
    for g in &gold {
        by_doc.entry(g.doc.as_str()).or_default().push(g);
    }
    let mut missing = 0;
    for src in &sources {
        let sp = src.split.as_deref().unwrap_or("dev");
        if split != "all" && sp != split {
            continue;
        }
        let path = texts.join(name).join(format!("{}.txt", src.id));
        let Ok(text) = std::fs::read_to_string(&path) else {
            missing += 1;
            continue;
        };
        let meta = Meta {
            published: src
                .published
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            title: None,
            url: src.url.clone(),
            outlet: src.outlet.clone(),
            language: None,
        };
        let mut doc = Document::new(src.id.clone(), text, meta);
        pipeline.run(&mut doc);
        let golds = by_doc.get(src.id.as_str()).cloned().unwrap_or_default();
        score_doc(&doc, &golds, t, |l| {
            if verbose {
                println!("{l}");
            }
        });
    }
    Ok(missing)
}

fn print_family(name: &str, f: &Family) {
    let p = ratio(f.matched, f.pred);
    let r = ratio(f.matched, f.gold);
    println!(
        "  {:<28} gold {:>4} pred {:>4} matched {:>4}  P {:.3}  R {:.3}  F1 {:.3}",
        name,
        f.gold,
        f.pred,
        f.matched,
        p,
        r,
        f1(p, r)
    );
}

pub(crate) fn report(t: &RealTally) {
    println!("events (real): {} docs", t.docs);
    print_family("hazard/accident/response", &t.hazard);
    print_family("political", &t.political);
    println!(
        "  on matched ({}): date {:.3}  place {:.3}",
        t.matched,
        ratio(t.date, t.matched),
        ratio(t.place, t.matched)
    );
    println!(
        "  figure links: {} / {} = {:.3}",
        t.link_ok,
        t.link_gold,
        ratio(t.link_ok, t.link_gold)
    );
    println!("  per type (gold/pred/matched):");
    for (k, f) in &t.per_type {
        println!("    {:<24} {:>3} {:>3} {:>3}", k, f.gold, f.pred, f.matched);
    }
}

pub fn run(args: &Args, dir: &Path) -> Result<()> {
    if !matches!(args.split.as_str(), "dev" | "final" | "all") {
        anyhow::bail!("--split must be dev, final or all");
    }
    let texts = texts_root(args);
    let pipeline = super::pipeline()?;
    let mut t = RealTally::default();
    for set in sets(dir)? {
        let missing = score_set(&set, &texts, &args.split, &pipeline, &mut t, args.verbose)?;
        if missing > 0 {
            println!(
                "note: {}: {} texts absent under {} (skipped)",
                set.display(),
                missing,
                texts.display()
            );
        }
    }
    report(&t);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::{Actors, Event, EventStatus, Trigger};

    fn ev(id: &str, kind: &str, a: usize, b: usize, date: &str, place: Option<&str>) -> Event {
        Event {
            id: id.into(),
            kind: kind.into(),
            trigger: Trigger {
                text: String::new(),
                span: Span::new(a, b),
            },
            actors: Actors::default(),
            place: place.map(str::to_string),
            date: Some(date.into()),
            timex: None,
            status: EventStatus::Occurred,
            claim: None,
            hedged: false,
            span: Span::new(a, b),
        }
    }

    fn gold(kind: &str, trig: &[[usize; 2]], date: &str, place: &[&str]) -> RealGold {
        RealGold {
            doc: "x".into(),
            kind: kind.into(),
            trigger: trig.to_vec(),
            date: Some(date.into()),
            place: Some(place.iter().map(|s| s.to_string()).collect()),
            figures: vec![],
        }
    }

    #[test]
    fn scores_an_invented_document() {
        // An invented report: a quake, a rescue, a protest and one stray prediction.
        let text = "A quake hit Velmora on Monday. Rescuers dug all night. Crowds protested.";
        let mut doc = Document::new("x", text, Meta::default());
        doc.layers.events = vec![
            ev("v1", "earthquake", 2, 7, "2031-05-05", Some("Velmora")),
            ev("v2", "rescue_operation", 31, 39, "2031-05-06", None),
            ev("v3", "riot", 62, 71, "2031-05-05", None),
            ev("v4", "flood", 12, 19, "2031-05-05", None),
        ];
        let mut quake = gold("earthquake", &[[2, 7], [8, 11]], "2031-05-05", &["velmora"]);
        quake.figures = vec![[40, 43]];
        let g = [
            quake,
            gold("rescue_operation", &[[31, 39]], "2031-05-05", &["velmora"]),
            gold("protest", &[[62, 71]], "2031-05-05", &["velmora"]),
        ];
        let refs: Vec<&RealGold> = g.iter().collect();
        let mut t = RealTally::default();
        score_doc(&doc, &refs, &mut t, |_| {});
        assert_eq!((t.hazard.gold, t.hazard.pred, t.hazard.matched), (2, 3, 2));
        assert_eq!(
            (t.political.gold, t.political.pred, t.political.matched),
            (1, 1, 0)
        );
        assert_eq!((t.matched, t.date, t.place), (2, 1, 1));
        // No predicted figure: no link scored.
        assert_eq!(t.link_gold, 0);
    }

    fn fig(a: usize, b: usize, event: Option<&str>) -> newsledger_model::Figure {
        use newsledger_model::{Figure, FigureValue, Group, ValueKind};
        Figure {
            id: "f1".into(),
            metric: "killed".into(),
            value: FigureValue {
                kind: ValueKind::Exact,
                low: 3,
                high: None,
                text: String::new(),
            },
            group: Group {
                text: String::new(),
                class: "unspecified".into(),
            },
            place: None,
            as_of: None,
            period: None,
            sources: vec![],
            hedged: false,
            claim: None,
            span: Span::new(a, b),
            sentence: Span::new(a, b),
            event: event.map(str::to_string),
        }
    }

    #[test]
    fn links_count_figures_found_by_both() {
        let text = "A quake hit Velmora, killing three. A flood then drowned two.";
        let mut doc = Document::new("x", text, Meta::default());
        doc.layers.events = vec![
            ev("v1", "earthquake", 2, 7, "2031-05-05", None),
            ev("v2", "flood", 38, 43, "2031-05-05", None),
        ];
        // "three" linked right, "two" linked to the quake (wrong).
        doc.layers.figures = vec![fig(29, 34, Some("v1")), fig(56, 59, Some("v1"))];
        let mut q = gold("earthquake", &[[2, 7]], "2031-05-05", &[]);
        q.place = None;
        q.figures = vec![[29, 34]];
        let mut f = gold("flood", &[[38, 43]], "2031-05-05", &[]);
        f.place = None;
        f.figures = vec![[56, 59], [0, 1]];
        let g = [q, f];
        let refs: Vec<&RealGold> = g.iter().collect();
        let mut t = RealTally::default();
        score_doc(&doc, &refs, &mut t, |_| {});
        assert_eq!((t.link_gold, t.link_ok), (2, 1));
        assert_eq!((t.matched, t.date, t.place), (2, 2, 2));
    }

    #[test]
    fn place_key_words_fold_accents() {
        let doc = Document::new("x", "", Meta::default());
        let g = Some(vec!["kahramanmaras".to_string()]);
        assert!(place_matches(&doc, &Some("Kahramanmaraş".into()), &g));
        assert!(!place_matches(&doc, &None, &g));
        assert!(place_matches(&doc, &None, &None));
    }
}
