//! The story answer: per metric, the number an analyst can quote for the whole story, who
//! gives it, as of when, how it got there, and the breakdowns beside it.
//!
//! Rules (each named in the answer where it applied, see [`Rule`]):
//! - the latest `as_of` (a date) wins, whatever the value kind; hedged, unconfirmed,
//!   retracted or revised-away figures and superseded versions of an article are shown but
//!   chosen only when nothing firm exists;
//! - a total is never compared with its own parts; figures of a group ("12 police") or of
//!   a place narrower than the story are breakdowns, never mixed with the total and never
//!   added up;
//! - increments ("1,678 more detained") are shown beside the total, never summed;
//! - a revision or retraction supersedes what it revises;
//! - one origin across spellings, roles and office-holders: a person whose role names an
//!   office (the Prosecutor General) speaks for that office ([`Origins`]).
//!
//! `current` is the winner, or the range across current sources when they disagree: each
//! origin's latest firm figure, unless a later figure already reaches it (the count moved
//! past it).

use crate::analysis::disagree;
use crate::dates::parse_day;
use crate::identity::source_identity;
use crate::{EntityRow, FigureRow, Filter, Result, Store};
use chrono::NaiveDate;
use newsledger_model::{FigureValue, ValueKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What to answer: one metric or all, narrowed by place, days and a full-text query.
#[derive(Debug, Clone, Default)]
pub struct StoryQuery {
    pub metric: Option<String>,
    pub place: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Full-text match of the documents: only figures of matching texts count.
    pub query: Option<String>,
}

/// Why a figure holds its place in the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The first total reported.
    FirstReport,
    /// A later as_of replaced the previous answer.
    LatestAsOf,
    /// Same day: the origin reported by more independent articles.
    MoreArticles,
    /// Same day, as many articles: the higher count.
    HigherCount,
    /// The figure says it revises the previous one ("up from", "revised down to").
    Revision,
    /// The previous figure was withdrawn ("published in error").
    Retraction,
    /// Nothing firm exists: a hedged, unconfirmed or superseded figure stands in.
    OnlyUnconfirmed,
}

/// How a figure can be read and checked: its source, date, words and where they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    pub origin: String,
    /// The key every name of this origin shares (spellings, titles, office-holders).
    pub origin_key: String,
    pub value: FigureValue,
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    pub group: String,
    pub place: Option<String>,
    pub sentence: String,
    /// The article's URL, else the stored text (`/api/texts/{content_id}`).
    pub link: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub content_id: i64,
    pub span: [usize; 2],
    /// Distinct articles (not copies, not revisions) that report this origin's value.
    pub articles: usize,
    /// True when hedged, unconfirmed, retracted, revised away or from a superseded version.
    pub unconfirmed: bool,
    pub increment: bool,
}

/// `current`: the number for the whole story, or the range across current sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Current {
    /// `total`, `range` (current sources disagree) or `no_total` (only group figures).
    pub status: &'static str,
    /// The chosen figure's value (absent when no total is reported).
    pub value: Option<FigureValue>,
    /// With `range`: the lowest and highest count the current sources give.
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub as_of: Option<String>,
    /// One line for a reader: "47 (Health Ministry, as of 2031-03-10)" or a range.
    pub summary: String,
    /// The chosen figure first, then every other current source.
    pub sources: Vec<Cited>,
    pub rule: Rule,
}

/// One dated step of how the answer got where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub as_of: Option<String>,
    pub value: FigureValue,
    pub origin: String,
    /// The article that first reported this value from this origin.
    pub first_reported: Cited,
    pub rule: Rule,
    /// The value this step replaced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<FigureValue>,
}

/// The latest figure of one group or place, beside (never inside) the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// `group` (a group class), `place` or `part` (a stated part of a total).
    pub by: &'static str,
    pub group: String,
    pub place: Option<String>,
    pub latest: Cited,
    pub reports: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricStory {
    pub metric: String,
    /// The place the total covers: the one asked for, else the whole story (`None`).
    pub scope: Option<String>,
    pub current: Current,
    pub chain: Vec<Step>,
    /// Increments reported for the scope, newest first; never added to the total.
    pub increments: Vec<Cited>,
    /// Hedged, unconfirmed or retracted totals newer than the answer, shown not chosen.
    pub unconfirmed: Vec<Cited>,
    pub breakdowns: Vec<Breakdown>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    pub metrics: Vec<MetricStory>,
    pub rules: &'static str,
}

/// The rules, printed with every answer.
pub const RULES: &str = "latest as_of wins whatever the value kind; hedged, unconfirmed, \
     retracted or revised-away figures only when nothing firm exists; a total is never \
     compared with its parts; groups and places are breakdowns, never added up; increments \
     are shown beside the total, never summed; one origin across spellings, roles and \
     office-holders; current = each origin's latest firm total unless a later one reached it";

/// Words of a role that name a person's job, not an office they speak for.
const GENERIC_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "head",
    "official",
    "officer",
    "doctor",
    "surgeon",
    "member",
    "leader",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "resident",
    "witness",
    "reporter",
    "correspondent",
    "lawyer",
    "activist",
];

/// One origin across spellings, roles and office-holders.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// Person key → office key, from the roles the entities layer attached to them.
    person_office: HashMap<String, String>,
}

/// The key of an office from a title or an office's name: "Prosecutor General's Office",
/// "the Prosecutor General" and "office of the prosecutor general" meet; "Interior
/// Minister" meets "Interior Ministry".
pub fn office_key(name: &str) -> String {
    let (k, _) = source_identity(name);
    let mut words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() > 2 && words[0] == "office" && words[1] == "of" {
        words.drain(..2);
        if words.first() == Some(&"the") {
            words.remove(0);
        }
    }
    if words.len() > 1 && words.last() == Some(&"office") {
        words.pop();
    }
    let mapped: Vec<String> = words
        .iter()
        .map(|w| match *w {
            "minister" => "ministry".to_string(),
            w => w.to_string(),
        })
        .collect();
    source_identity(&mapped.join(" ")).0
}

impl Origins {
    /// From the stored entities: every person with a role naming an office (most frequent
    /// role wins when articles differ).
    pub fn from_entities(rows: &[EntityRow]) -> Origins {
        let mut counts: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
        for e in rows.iter().filter(|e| e.kind == "PERSON") {
            for role in &e.roles {
                if let Some(office) = office_of_role(role) {
                    *counts
                        .entry(e.name_key.clone())
                        .or_default()
                        .entry(office)
                        .or_default() += 1;
                }
            }
        }
        let person_office = counts
            .into_iter()
            .filter_map(|(p, m)| {
                m.into_iter()
                    .max_by_key(|(_, n)| *n)
                    .map(|(office, _)| (p, office))
            })
            .collect();
        Origins { person_office }
    }

    /// The one key every name of this origin shares.
    pub fn key(&self, origin: &str) -> String {
        let (k, _) = source_identity(origin);
        match self.person_office.get(&k) {
            Some(office) => office.clone(),
            None => office_key(origin),
        }
    }
}

/// The office a role speaks for, or `None` for a job title that names none.
fn office_of_role(role: &str) -> Option<String> {
    let words: Vec<String> = role
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = words.last()?;
    if GENERIC_ROLES.contains(&last.as_str()) || words.len() < 2 && last != "president" {
        return None;
    }
    Some(office_key(role))
}

/// A figure with what the story rules need to know about it.
struct Fig<'a> {
    r: &'a FigureRow,
    origin: String,
    day: Option<NaiveDate>,
    firm: bool,
    articles: usize,
}

fn link(r: &FigureRow) -> String {
    r.doc
        .url
        .clone()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| format!("/api/texts/{}", r.doc.content_id))
}

fn cite(f: &Fig<'_>) -> Cited {
    let r = f.r;
    Cited {
        origin: r.origin.clone(),
        origin_key: f.origin.clone(),
        value: r.value.clone(),
        as_of: r.as_of_day.clone(),
        period: r.period.clone(),
        group: r.group_class.clone(),
        place: r.place.clone(),
        sentence: r.sentence.clone(),
        link: link(r),
        outlet: r.doc.outlet.clone(),
        published: r.doc.published.clone(),
        content_id: r.doc.content_id,
        span: r.span,
        articles: f.articles,
        unconfirmed: !f.firm,
        increment: r.increment,
    }
}

/// A stored figure as cited on its own (one article, hedged = unconfirmed).
pub fn cite_row(r: &FigureRow) -> Cited {
    cite(&Fig {
        r,
        origin: r.origin_key.clone(),
        day: None,
        firm: !r.hedged && !r.retracted,
        articles: 1,
    })
}

fn high(v: &FigureValue) -> u64 {
    v.high.unwrap_or(v.low).max(v.low)
}

/// Rank for "who wins": later day, more articles, higher count, earliest stored.
fn rank(f: &Fig<'_>) -> (Option<NaiveDate>, usize, u64, std::cmp::Reverse<i64>) {
    (f.day, f.articles, f.r.value.low, std::cmp::Reverse(f.r.id))
}

fn best<'b, 'a>(figs: &[&'b Fig<'a>]) -> Option<&'b Fig<'a>> {
    figs.iter().copied().max_by_key(|f| rank(f))
}

/// Figures another figure of the same text revises, and (origin, value) pairs withdrawn as
/// of a day: a retracted value is withdrawn in every article that carried it before.
struct Superseded {
    revised: HashSet<(i64, String)>,
    retracted: Vec<(String, u64, Option<NaiveDate>)>,
}

impl Superseded {
    fn of(rows: &[&FigureRow], origins: &Origins) -> Superseded {
        let mut revised = HashSet::new();
        let mut retracted = Vec::new();
        for r in rows {
            if let Some(old) = &r.revises {
                revised.insert((r.doc.content_id, old.clone()));
            }
            if r.retracted {
                let day = r.as_of_day.as_deref().and_then(parse_day);
                retracted.push((origins.key(&r.origin), r.value.low, day));
            }
        }
        Superseded { revised, retracted }
    }

    /// Withdrawn or replaced in its own text (not by another article).
    fn here(&self, r: &FigureRow) -> bool {
        r.retracted || self.revised.contains(&(r.doc.content_id, r.rid.clone()))
    }

    fn hit(&self, r: &FigureRow, origin: &str, day: Option<NaiveDate>) -> bool {
        r.retracted
            || self.revised.contains(&(r.doc.content_id, r.rid.clone()))
            || self
                .retracted
                .iter()
                .any(|(o, v, d)| o == origin && *v == r.value.low && day <= *d)
    }
}

/// Answer the story over the store.
pub fn story(store: &dyn Store, q: &StoryQuery) -> Result<Story> {
    let filter = Filter {
        metric: q.metric.clone(),
        place: q.place.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        ..Filter::default()
    };
    let mut rows = store.figures(&filter)?;
    if let Some(text) = q.query.as_deref().filter(|t| !t.trim().is_empty()) {
        let hits: HashSet<i64> = store
            .search(text, 10_000)?
            .into_iter()
            .filter(|h| h.kind == "document")
            .map(|h| h.doc.content_id)
            .collect();
        rows.retain(|r| hits.contains(&r.doc.content_id));
    }
    let people = store.entities(&Filter {
        kind: Some("person".into()),
        ..Filter::default()
    })?;
    let origins = Origins::from_entities(&people);
    let places = store.entities(&Filter {
        kind: Some("place".into()),
        ..Filter::default()
    })?;
    let wide: HashSet<String> = places
        .iter()
        .filter(|e| e.subtype.as_deref() == Some("country"))
        .flat_map(|e| {
            let mut keys = vec![format!("name:{}", e.name_key)];
            if let Some(g) = e.geonames_id {
                keys.push(format!("gn:{g}"));
            }
            keys
        })
        .collect();
    let scope = q.place.clone();
    let mut metrics: BTreeMap<String, Vec<&FigureRow>> = BTreeMap::new();
    for r in &rows {
        metrics.entry(r.metric.clone()).or_default().push(r);
    }
    let mut out: Vec<MetricStory> = metrics
        .into_iter()
        .map(|(m, rs)| {
            let home = home_place(&rs, &wide);
            let in_scope = |r: &FigureRow| {
                scope.is_some()
                    || r.place_key
                        .as_ref()
                        .is_none_or(|k| wide.contains(k) || home.as_ref() == Some(k))
            };
            answer(&m, &rs, &origins, scope.clone(), &in_scope)
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse(s.current.sources.len() + s.chain.len()));
    Ok(Story {
        metrics: out,
        rules: RULES,
    })
}

/// The story's own place below country level: when the whole-story figures of a metric
/// name one place narrower than a country and no other ("the floods in Derna"), that place
/// is where the story happens, and its figures are totals. A place breakdown needs a
/// sibling: with two or more such places, each is a breakdown.
fn home_place(rows: &[&FigureRow], wide: &HashSet<String>) -> Option<String> {
    let narrow: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.group_class == "unspecified" && r.part_of.is_none() && !r.increment)
        .filter_map(|r| r.place_key.as_deref())
        .filter(|k| !wide.contains(*k))
        .collect();
    match narrow.len() {
        1 => narrow.into_iter().next().map(str::to_string),
        _ => None,
    }
}

/// The answer for one metric over its figures; `in_scope` tells whether a figure's place
/// is the story's whole scope (else it is a place breakdown).
pub fn answer(
    metric: &str,
    rows: &[&FigureRow],
    origins: &Origins,
    scope: Option<String>,
    in_scope: &dyn Fn(&FigureRow) -> bool,
) -> MetricStory {
    let sup = Superseded::of(rows, origins);
    // Independent articles per (origin, value).
    let mut arts: HashMap<(String, u64, Option<u64>), BTreeSet<&str>> = HashMap::new();
    for r in rows {
        arts.entry((origins.key(&r.origin), r.value.low, r.value.high))
            .or_default()
            .insert(r.doc.url_key.as_str());
    }
    let figs: Vec<Fig<'_>> = rows
        .iter()
        .map(|r| {
            let origin = origins.key(&r.origin);
            let day = r.as_of_day.as_deref().and_then(parse_day);
            let articles = arts
                .get(&(origin.clone(), r.value.low, r.value.high))
                .map_or(1, BTreeSet::len);
            let firm = !r.hedged && r.doc.is_current && !sup.hit(r, &origin, day);
            Fig {
                r,
                origin,
                day,
                firm,
                articles,
            }
        })
        .collect();
    let parts = parts_in_article(&figs, &sup, in_scope);
    let is_total = |f: &Fig<'_>| {
        f.r.group_class == "unspecified"
            && f.r.part_of.is_none()
            && !parts.contains(&f.r.id)
            && !f.r.increment
            && in_scope(f.r)
    };
    let totals: Vec<&Fig<'_>> = figs.iter().filter(|f| is_total(f)).collect();
    let firm: Vec<&Fig<'_>> = totals.iter().copied().filter(|f| f.firm).collect();
    let pool = if firm.is_empty() {
        totals.clone()
    } else {
        firm
    };
    let increments: Vec<Cited> = {
        let mut v: Vec<&Fig<'_>> = figs
            .iter()
            .filter(|f| f.r.increment && in_scope(f.r) && f.r.part_of.is_none())
            .collect();
        v.sort_by_key(|f| std::cmp::Reverse(rank(f)));
        v.into_iter().map(cite).collect()
    };
    let breakdowns = breakdowns(&figs, &is_total, &parts);
    // The chain also shows values later withdrawn or revised by another article, on the
    // days they stood (the step that replaced them names the rule).
    let history: Vec<&Fig<'_>> = if pool.iter().any(|f| f.firm) {
        totals
            .iter()
            .copied()
            .filter(|f| !f.r.hedged && f.r.doc.is_current && !sup.here(f.r))
            .collect()
    } else {
        pool.clone()
    };
    let chain = chain(&history, &sup);
    let current = current(&pool, &chain, &breakdowns);
    let unconfirmed = match &current.as_of {
        Some(d) => {
            let d = parse_day(d);
            let shown: Vec<(String, u64)> = current
                .sources
                .iter()
                .map(|c| (c.origin_key.clone(), c.value.low))
                .collect();
            latest_per_origin(
                &totals
                    .iter()
                    .copied()
                    .filter(|f| !f.firm)
                    .collect::<Vec<_>>(),
            )
            .into_iter()
            .filter(|f| f.day >= d && !shown.contains(&(f.origin.clone(), f.r.value.low)))
            .map(cite)
            .collect()
        }
        None => Vec::new(),
    };
    MetricStory {
        metric: metric.to_string(),
        scope,
        current,
        chain,
        increments,
        unconfirmed,
        breakdowns,
    }
}

/// Figures that are parts of a larger total of the same article and day, though no cue
/// says so: a count under half the article's largest firm total ("12,500 dead since April;
/// cholera has killed 200"), or counts that together make that total ("44,218 in one
/// country and 5,914 in the other" beside "over 50,000"). A total is never compared with
/// its own parts, so these are breakdowns, not rival totals.
fn parts_in_article(
    figs: &[Fig<'_>],
    sup: &Superseded,
    in_scope: &dyn Fn(&FigureRow) -> bool,
) -> HashSet<i64> {
    let mut by: BTreeMap<(i64, Option<NaiveDate>), Vec<&Fig<'_>>> = BTreeMap::new();
    for f in figs.iter().filter(|f| {
        f.r.group_class == "unspecified"
            && f.r.part_of.is_none()
            && !f.r.increment
            && !sup.here(f.r)
            && in_scope(f.r)
    }) {
        by.entry((f.r.doc.content_id, f.day)).or_default().push(f);
    }
    let mut parts = HashSet::new();
    for v in by.values().filter(|v| v.len() > 1) {
        let Some(top) = v.iter().filter(|f| f.firm).map(|f| f.r.value.low).max() else {
            continue;
        };
        let smaller: Vec<&&Fig<'_>> = v.iter().filter(|f| high(&f.r.value) < top).collect();
        let mut values: Vec<u64> = smaller.iter().map(|f| f.r.value.low).collect();
        values.sort_unstable();
        values.dedup();
        let sum: u64 = values.iter().sum();
        let sums_to_top = values.len() > 1 && sum.abs_diff(top) * 10 <= top;
        for f in smaller {
            if sums_to_top || high(&f.r.value) * 2 <= top {
                parts.insert(f.r.id);
            }
        }
    }
    parts
}

fn latest_per_origin<'b, 'a>(pool: &[&'b Fig<'a>]) -> Vec<&'b Fig<'a>> {
    let mut by: BTreeMap<&str, Vec<&'b Fig<'a>>> = BTreeMap::new();
    for f in pool {
        by.entry(f.origin.as_str()).or_default().push(f);
    }
    by.values().filter_map(|v| best(v)).collect()
}

/// Each origin's latest figure, unless a later figure from anyone already reaches it; a
/// vague count ("thousands") is reached by a count inside its bounds from that day on,
/// which makes it precise.
fn current_sources<'b, 'a>(pool: &[&'b Fig<'a>]) -> Vec<&'b Fig<'a>> {
    let latest = latest_per_origin(pool);
    latest
        .iter()
        .copied()
        .filter(|f| !pool.iter().any(|g| reaches(g, f)))
        .collect()
}

/// A later figure of another origin that leaves `f` behind; a vague `f` is also left behind
/// by a precise count inside its bounds of the same day.
fn reaches(g: &Fig<'_>, f: &Fig<'_>) -> bool {
    if g.origin == f.origin {
        return false;
    }
    if f.r.value.kind == ValueKind::Vague && g.r.value.kind != ValueKind::Vague {
        return g.day >= f.day && g.r.value.low >= f.r.value.low;
    }
    g.day > f.day && g.r.value.low >= high(&f.r.value)
}

fn current(pool: &[&Fig<'_>], chain: &[Step], breakdowns: &[Breakdown]) -> Current {
    let Some(win) = best(pool) else {
        return Current {
            status: "no_total",
            value: None,
            low: None,
            high: None,
            as_of: None,
            summary: if breakdowns.is_empty() {
                "nothing reported".into()
            } else {
                format!(
                    "no total reported; {} group or place figure(s) shown, never added up",
                    breakdowns.len()
                )
            },
            sources: Vec::new(),
            rule: Rule::FirstReport,
        };
    };
    let mut others = current_sources(pool);
    others.retain(|f| !std::ptr::eq(*f, win) && f.origin != win.origin);
    others.sort_by_key(|f| std::cmp::Reverse(rank(f)));
    let disagreeing = others.iter().any(|f| disagree(&f.r.value, &win.r.value))
        || others.iter().enumerate().any(|(i, a)| {
            others
                .iter()
                .skip(i + 1)
                .any(|b| disagree(&a.r.value, &b.r.value))
        });
    let mut sources = vec![cite(win)];
    sources.extend(others.iter().map(|f| cite(f)));
    let as_of = win.r.as_of_day.clone();
    let rule = if !win.firm {
        Rule::OnlyUnconfirmed
    } else {
        chain.last().map_or(Rule::FirstReport, |s| s.rule)
    };
    let who = |f: &Fig<'_>| {
        format!(
            "{} ({}, as of {})",
            f.r.value.text,
            f.r.origin,
            f.r.as_of_day.as_deref().unwrap_or("undated")
        )
    };
    if disagreeing {
        let all: Vec<&Fig<'_>> = std::iter::once(win).chain(others.iter().copied()).collect();
        let low = all.iter().map(|f| f.r.value.low).min();
        let hi = all.iter().map(|f| high(&f.r.value)).max();
        let parts: Vec<String> = all.iter().map(|f| who(f)).collect();
        Current {
            status: "range",
            value: Some(win.r.value.clone()),
            low,
            high: hi,
            as_of,
            summary: format!(
                "{}–{} across current sources: {}",
                low.unwrap_or(0),
                hi.unwrap_or(0),
                parts.join("; ")
            ),
            sources,
            rule,
        }
    } else {
        Current {
            status: "total",
            value: Some(win.r.value.clone()),
            low: None,
            high: None,
            as_of,
            summary: who(win),
            sources,
            rule,
        }
    }
}

/// The dated steps of the answer: the winner as of each day, a step whenever it changed.
fn chain(pool: &[&Fig<'_>], sup: &Superseded) -> Vec<Step> {
    let days: BTreeSet<Option<NaiveDate>> = pool.iter().map(|f| f.day).collect();
    let mut steps: Vec<Step> = Vec::new();
    let mut prev: Option<&Fig<'_>> = None;
    for d in days {
        let upto: Vec<&Fig<'_>> = pool.iter().copied().filter(|f| f.day <= d).collect();
        let Some(w) = best(&upto) else { continue };
        if let Some(p) = prev {
            if p.origin == w.origin && p.r.value == w.r.value {
                continue;
            }
            if p.origin == w.origin
                && p.r.value.low == w.r.value.low
                && p.r.value.high == w.r.value.high
            {
                continue;
            }
        }
        let rule = match prev {
            None => Rule::FirstReport,
            Some(p) => step_rule(p, w, &upto, sup),
        };
        // The first article to report this origin's value, for the reader to go to.
        let first = pool
            .iter()
            .filter(|f| f.origin == w.origin && f.r.value.low == w.r.value.low && f.day == w.day)
            .min_by_key(|f| (f.r.doc.published.clone(), f.r.doc.doc_id))
            .copied()
            .unwrap_or(w);
        steps.push(Step {
            as_of: w.r.as_of_day.clone(),
            value: w.r.value.clone(),
            origin: w.r.origin.clone(),
            first_reported: cite(first),
            rule,
            replaces: prev.map(|p| p.r.value.clone()),
        });
        prev = Some(w);
    }
    steps
}

fn step_rule(p: &Fig<'_>, w: &Fig<'_>, upto: &[&Fig<'_>], sup: &Superseded) -> Rule {
    let revises_prev = upto.iter().any(|f| {
        f.origin == w.origin
            && f.r.revises.is_some()
            && f.r.value.low == w.r.value.low
            && f.day == w.day
    });
    if sup
        .retracted
        .iter()
        .any(|(o, v, d)| *o == p.origin && *v == p.r.value.low && p.day <= *d)
    {
        Rule::Retraction
    } else if revises_prev {
        Rule::Revision
    } else if w.day > p.day {
        Rule::LatestAsOf
    } else if w.articles != p.articles {
        Rule::MoreArticles
    } else {
        Rule::HigherCount
    }
}

/// Latest figure per group class, per place, and per stated part, beside the total.
fn breakdowns(
    figs: &[Fig<'_>],
    is_total: &dyn Fn(&Fig<'_>) -> bool,
    parts: &HashSet<i64>,
) -> Vec<Breakdown> {
    let mut by: BTreeMap<(&'static str, String, Option<String>), Vec<&Fig<'_>>> = BTreeMap::new();
    for f in figs.iter().filter(|f| !is_total(f) && !f.r.increment) {
        let by_what = if f.r.group_class != "unspecified" {
            "group"
        } else if f.r.part_of.is_some() || parts.contains(&f.r.id) {
            "part"
        } else {
            "place"
        };
        by.entry((by_what, f.r.group_class.clone(), f.r.place_key.clone()))
            .or_default()
            .push(f);
    }
    let mut out: Vec<Breakdown> = by
        .into_iter()
        .filter_map(|((by_what, group, _), v)| {
            let firm: Vec<&Fig<'_>> = v.iter().copied().filter(|f| f.firm).collect();
            let pick = best(if firm.is_empty() { &v } else { &firm })?;
            Some(Breakdown {
                by: by_what,
                group,
                place: pick.r.place.clone(),
                latest: cite(pick),
                reports: v.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.by, std::cmp::Reverse(a.reports), &a.group).cmp(&(
            b.by,
            std::cmp::Reverse(b.reports),
            &b.group,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_offices_and_office_holders_meet() {
        assert_eq!(
            office_key("the Prosecutor General's Office"),
            office_key("Prosecutor General")
        );
        assert_eq!(
            office_key("office of the prosecutor general"),
            office_key("prosecutor general")
        );
        assert_eq!(
            office_key("Interior Minister"),
            office_key("Interior Ministry")
        );
        assert_eq!(office_of_role("group's director"), None);
        assert_eq!(office_of_role("spokesman"), None);
        assert_eq!(
            office_of_role("Prosecutor General"),
            Some(office_key("prosecutor general's office"))
        );
    }
}
