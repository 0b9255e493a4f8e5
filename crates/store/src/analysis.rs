//! The questions that span articles, answered from stored rows: series of a figure per
//! source, the best current estimate, conflicts, and the merged event timeline.
//!
//! These are plain functions over rows (no SQL), so every backend answers them the same way
//! and they can be tested on hand-built rows. Copies of a text were already folded into one
//! record set by the store; here "independent" means distinct articles (URL families), so a
//! revision of an article does not count twice either.

use crate::dates::{day_key, parse_day};
use crate::{Appearance, DocRef, EventRow, FigureRow};
use chrono::NaiveDate;
use newsledger_model::{FigureValue, ValueKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The rule [`estimates`] applies, printed with every estimate.
pub const ESTIMATE_RULE: &str = "latest as_of; on that day, the origin cited by the most \
     independent articles; ties → highest low. Superseded versions of an article and hedged \
     figures are used only when nothing else reports it.";

/// One piece of evidence for a value: where it was said, in which sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub doc: DocRef,
    pub rid: String,
    pub sentence: String,
    pub sources: Vec<String>,
    pub value_text: String,
    pub hedged: bool,
    /// Other places the same text appeared (copies), which add no confirmation.
    pub also_in: Vec<Appearance>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub as_of: Option<String>,
    pub value: FigureValue,
    pub evidence: Vec<Evidence>,
}

/// The values of one (metric, group class, place, origin source) over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub metric: String,
    pub group_class: String,
    pub place: Option<String>,
    pub place_key: Option<String>,
    pub origin: String,
    pub origin_key: String,
    /// Distinct articles (not copies, not revisions) that report this origin's figures.
    pub articles: usize,
    pub points: Vec<Point>,
}

/// The best current figure for a (metric, group class, place).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub metric: String,
    pub group_class: String,
    pub place: Option<String>,
    pub as_of: Option<String>,
    pub value: FigureValue,
    pub origin: String,
    pub evidence: Evidence,
    pub rule: &'static str,
}

fn evidence(r: &FigureRow, apps: &HashMap<i64, Vec<Appearance>>) -> Evidence {
    Evidence {
        doc: r.doc.clone(),
        rid: r.rid.clone(),
        sentence: r.sentence.clone(),
        sources: r.sources.clone(),
        value_text: r.value.text.clone(),
        hedged: r.hedged,
        also_in: apps
            .get(&r.doc.content_id)
            .map(|v| {
                v.iter()
                    .filter(|a| a.doc_id != r.doc.doc_id)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    }
}

type SeriesKey = (String, String, Option<String>, String);

/// Series per (metric, group class, place, origin), points ordered by as_of, equal values on
/// the same day merged into one point with all their evidence.
pub fn series(rows: &[FigureRow], apps: &HashMap<i64, Vec<Appearance>>) -> Vec<Series> {
    let mut by: BTreeMap<SeriesKey, Vec<&FigureRow>> = BTreeMap::new();
    for r in rows {
        by.entry((
            r.metric.clone(),
            r.group_class.clone(),
            r.place_key.clone(),
            r.origin_key.clone(),
        ))
        .or_default()
        .push(r);
    }
    let mut out = Vec::new();
    for ((metric, group_class, place_key, origin_key), rs) in by {
        // Keyed by the day as a date (undated last), never by its spelling.
        type PointKey = ((bool, Option<NaiveDate>), u64, Option<u64>, String);
        let mut points: BTreeMap<PointKey, Point> = BTreeMap::new();
        let articles: BTreeSet<&str> = rs.iter().map(|r| r.doc.url_key.as_str()).collect();
        for r in &rs {
            let k = (
                day_key(r.as_of_day.as_deref()),
                r.value.low,
                r.value.high,
                format!("{:?}", r.value.kind),
            );
            points
                .entry(k)
                .or_insert_with(|| Point {
                    as_of: r.as_of_day.clone(),
                    value: r.value.clone(),
                    evidence: Vec::new(),
                })
                .evidence
                .push(evidence(r, apps));
        }
        let first = rs.first();
        out.push(Series {
            metric,
            group_class,
            place: first.and_then(|r| r.place.clone()),
            place_key,
            origin: first.map(|r| r.origin.clone()).unwrap_or_default(),
            origin_key,
            articles: articles.len(),
            points: points.into_values().collect(),
        });
    }
    out
}

/// The best current estimate per (metric, group class, place); see [`ESTIMATE_RULE`].
pub fn estimates(rows: &[FigureRow], apps: &HashMap<i64, Vec<Appearance>>) -> Vec<Estimate> {
    let mut by: BTreeMap<(String, String, Option<String>), Vec<&FigureRow>> = BTreeMap::new();
    for r in rows {
        by.entry((r.metric.clone(), r.group_class.clone(), r.place_key.clone()))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((metric, group_class, _), rs) in by {
        // Citations per origin: distinct articles.
        let mut cited: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for r in &rs {
            cited
                .entry(r.origin_key.as_str())
                .or_default()
                .insert(r.doc.url_key.as_str());
        }
        let current: Vec<&FigureRow> = rs.iter().copied().filter(|r| r.doc.is_current).collect();
        let pool = if current.is_empty() {
            rs.clone()
        } else {
            current
        };
        let firm: Vec<&FigureRow> = pool.iter().copied().filter(|r| !r.hedged).collect();
        let pool = if firm.is_empty() { pool } else { firm };
        let best = pool.iter().copied().max_by(|a, b| {
            let ca = cited.get(a.origin_key.as_str()).map_or(0, BTreeSet::len);
            let cb = cited.get(b.origin_key.as_str()).map_or(0, BTreeSet::len);
            // Latest as_of first, compared as dates (a missing day is the oldest).
            let da = a.as_of_day.as_deref().and_then(parse_day);
            let db = b.as_of_day.as_deref().and_then(parse_day);
            da.cmp(&db)
                .then(ca.cmp(&cb))
                .then(a.value.low.cmp(&b.value.low))
                // Stable among equals: the earliest stored wins.
                .then(b.id.cmp(&a.id))
        });
        if let Some(b) = best {
            out.push(Estimate {
                metric,
                group_class,
                place: b.place.clone(),
                as_of: b.as_of_day.clone(),
                value: b.value.clone(),
                origin: b.origin.clone(),
                evidence: evidence(b, apps),
                rule: ESTIMATE_RULE,
            });
        }
    }
    out
}

/// The interval of counts a value admits (approximate values ±10%).
pub fn interval(v: &FigureValue) -> (u64, u64) {
    let high = v.high.unwrap_or(u64::MAX);
    match v.kind {
        ValueKind::Exact => (v.low, v.low.max(v.high.unwrap_or(v.low))),
        ValueKind::AtLeast => (v.low, u64::MAX),
        ValueKind::AtMost => (0, high),
        ValueKind::Approx => {
            let h = v.high.unwrap_or(v.low).max(v.low);
            (v.low - v.low / 10, h.saturating_add(h.div_ceil(10)))
        }
        ValueKind::Range | ValueKind::Vague => (v.low, high.max(v.low)),
    }
}

/// True when no count satisfies both values.
pub fn disagree(a: &FigureValue, b: &FigureValue) -> bool {
    let (a0, a1) = interval(a);
    let (b0, b1) = interval(b);
    a1 < b0 || b1 < a0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Different origins give incompatible values.
    Sources,
    /// Articles citing the same origin give incompatible values.
    Reports,
    /// One article's versions give incompatible values.
    Revisions,
}

/// One side of a conflict: a value and who gave it, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub origin: String,
    pub value: FigureValue,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub metric: String,
    pub group_class: String,
    pub place: Option<String>,
    pub date: String,
    pub kinds: Vec<ConflictKind>,
    pub sides: Vec<Side>,
}

/// True when one figure is a part of the other, or revises it, in the same text: "12
/// police among 90 dead" and "41, up from 31" are no disagreement.
pub fn part_and_total(a: &FigureRow, b: &FigureRow) -> bool {
    a.doc.content_id == b.doc.content_id
        && (a.part_of.as_deref() == Some(b.rid.as_str())
            || b.part_of.as_deref() == Some(a.rid.as_str())
            || a.revises.as_deref() == Some(b.rid.as_str())
            || b.revises.as_deref() == Some(a.rid.as_str()))
}

/// Figures of the same metric, group class, place and day whose values cannot both be true.
pub fn conflicts(rows: &[FigureRow], apps: &HashMap<i64, Vec<Appearance>>) -> Vec<Conflict> {
    type Key = (String, String, Option<String>, NaiveDate);
    let mut by: BTreeMap<Key, Vec<&FigureRow>> = BTreeMap::new();
    for r in rows {
        // Grouped by the day as a date; an increment ("3 more") is no rival count.
        let Some(day) = r.as_of_day.as_deref().and_then(parse_day) else {
            continue;
        };
        if r.increment {
            continue;
        }
        by.entry((
            r.metric.clone(),
            r.group_class.clone(),
            r.place_key.clone(),
            day,
        ))
        .or_default()
        .push(r);
    }
    let mut out = Vec::new();
    for ((metric, group_class, _, date), rs) in by {
        let mut kinds: BTreeSet<u8> = BTreeSet::new();
        let mut involved: BTreeSet<usize> = BTreeSet::new();
        for (i, a) in rs.iter().enumerate() {
            for (j, b) in rs.iter().enumerate().skip(i + 1) {
                if !disagree(&a.value, &b.value) || part_and_total(a, b) {
                    continue;
                }
                let k = if a.doc.url_key == b.doc.url_key {
                    if a.doc.version == b.doc.version {
                        // One version contradicting itself is a breakdown or an extraction
                        // slip, not a disagreement between reports.
                        continue;
                    }
                    ConflictKind::Revisions
                } else if a.origin_key != b.origin_key {
                    ConflictKind::Sources
                } else {
                    ConflictKind::Reports
                };
                kinds.insert(k as u8);
                involved.insert(i);
                involved.insert(j);
            }
        }
        if involved.is_empty() {
            continue;
        }
        let mut sides: Vec<Side> = Vec::new();
        for &i in &involved {
            let Some(r) = rs.get(i) else { continue };
            match sides.iter_mut().find(|s| {
                s.origin == r.origin
                    && s.value.low == r.value.low
                    && s.value.high == r.value.high
                    && s.value.kind == r.value.kind
            }) {
                Some(s) => s.evidence.push(evidence(r, apps)),
                None => sides.push(Side {
                    origin: r.origin.clone(),
                    value: r.value.clone(),
                    evidence: vec![evidence(r, apps)],
                }),
            }
        }
        let place = rs.first().and_then(|r| r.place.clone());
        out.push(Conflict {
            metric,
            group_class,
            place,
            date: crate::dates::iso(date),
            kinds: kinds
                .into_iter()
                .map(|k| match k {
                    0 => ConflictKind::Sources,
                    1 => ConflictKind::Reports,
                    _ => ConflictKind::Revisions,
                })
                .collect(),
            sides,
        });
    }
    out
}

/// One report of an event in the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Support {
    pub doc: DocRef,
    pub rid: String,
    pub trigger: String,
    pub sentence: String,
    pub status: String,
    pub hedged: bool,
    pub claim: Option<String>,
    pub claim_speaker: Option<String>,
    pub also_in: Vec<Appearance>,
}

/// One event, merged across every article that reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    pub date: Option<String>,
    pub kind: String,
    pub place: Option<String>,
    pub agents: Vec<String>,
    pub targets: Vec<String>,
    /// Distinct articles (URL families) that report it.
    pub articles: usize,
    pub supports: Vec<Support>,
}

/// Two agent keys can be the same actor: unless both are resolved entities ("e:" keys)
/// whose names do not contain one another word for word ("korvath" ⊂ "anselm korvath").
fn same_actor(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (a.strip_prefix("e:"), b.strip_prefix("e:")) else {
        return true;
    };
    let wa: BTreeSet<&str> = a.split(' ').collect();
    let wb: BTreeSet<&str> = b.split(' ').collect();
    wa.is_subset(&wb) || wb.is_subset(&wa)
}

/// Merge events reported by many articles: same type and day, places that do not differ
/// (an event with no place joins one that has it), and agents that can be the same actor.
/// Undated events are never merged.
pub fn timeline(rows: &[EventRow], apps: &HashMap<i64, Vec<Appearance>>) -> Vec<TimelineEntry> {
    struct Acc {
        entry: TimelineEntry,
        place_key: Option<String>,
        agent_keys: Vec<String>,
        target_keys: BTreeSet<String>,
        urls: BTreeSet<String>,
    }
    let mut groups: BTreeMap<(Option<String>, String), Vec<Acc>> = BTreeMap::new();
    // Events with a place first, so that placeless reports join a placed entry.
    let mut ordered: Vec<&EventRow> = rows.iter().collect();
    ordered.sort_by_key(|r| (r.place_key.is_none(), r.id));
    for r in ordered {
        let accs = groups
            .entry((r.date_day.clone(), r.kind.clone()))
            .or_default();
        let fits = |a: &Acc| {
            // Without a day there is nothing to say two reports describe one happening:
            // an undated event stays its own entry (copies of its text still show under
            // `also_in`).
            if r.date_day.is_none() {
                return false;
            }
            let place_ok = match (&a.place_key, &r.place_key) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let agent_ok = match &r.agent_key {
                Some(k) => a.agent_keys.iter().all(|x| same_actor(x, k)),
                None => true,
            };
            place_ok && agent_ok
        };
        let idx = match accs.iter().position(fits) {
            Some(i) => i,
            None => {
                accs.push(Acc {
                    entry: TimelineEntry {
                        date: r.date_day.clone(),
                        kind: r.kind.clone(),
                        place: None,
                        agents: Vec::new(),
                        targets: Vec::new(),
                        articles: 0,
                        supports: Vec::new(),
                    },
                    place_key: None,
                    agent_keys: Vec::new(),
                    target_keys: BTreeSet::new(),
                    urls: BTreeSet::new(),
                });
                accs.len() - 1
            }
        };
        let Some(a) = accs.get_mut(idx) else { continue };
        if a.place_key.is_none() && r.place_key.is_some() {
            a.place_key = r.place_key.clone();
            a.entry.place = r.place.clone();
        }
        if let (Some(k), Some(n)) = (&r.agent_key, &r.agent) {
            if !a.agent_keys.contains(k) {
                a.agent_keys.push(k.clone());
                a.entry.agents.push(n.clone());
            }
        }
        if let (Some(k), Some(n)) = (&r.target_key, &r.target) {
            if a.target_keys.insert(k.clone()) {
                a.entry.targets.push(n.clone());
            }
        }
        a.urls.insert(r.doc.url_key.clone());
        a.entry.supports.push(Support {
            doc: r.doc.clone(),
            rid: r.rid.clone(),
            trigger: r.trigger.clone(),
            sentence: r.sentence.clone(),
            status: r.status.clone(),
            hedged: r.hedged,
            claim: r.claim.clone(),
            claim_speaker: r.claim_speaker.clone(),
            also_in: apps
                .get(&r.doc.content_id)
                .map(|v| {
                    v.iter()
                        .filter(|x| x.doc_id != r.doc.doc_id)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    let mut out: Vec<TimelineEntry> = groups
        .into_values()
        .flatten()
        .map(|mut a| {
            a.entry.articles = a.urls.len();
            a.entry
                .supports
                .sort_by_key(|s| (s.doc.published.clone(), s.doc.doc_id));
            a.entry
        })
        .collect();
    // Dated entries in order of their first day (a week sorts at its Monday, not by its
    // spelling); undated ones last.
    out.sort_by(|a, b| {
        (day_key(a.date.as_deref()), &a.kind).cmp(&(day_key(b.date.as_deref()), &b.kind))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(kind: ValueKind, low: u64, high: Option<u64>) -> FigureValue {
        FigureValue {
            kind,
            low,
            high,
            text: String::new(),
        }
    }

    #[test]
    fn intervals_decide_disagreement() {
        use ValueKind::*;
        assert!(disagree(&v(Exact, 18, Some(18)), &v(Exact, 20, Some(20))));
        assert!(!disagree(&v(AtLeast, 10, None), &v(Exact, 12, Some(12))));
        assert!(disagree(&v(AtLeast, 30, None), &v(Exact, 12, Some(12))));
        assert!(!disagree(&v(Approx, 40, Some(40)), &v(Exact, 42, Some(42))));
        assert!(disagree(&v(Approx, 40, Some(40)), &v(Exact, 50, Some(50))));
        assert!(!disagree(&v(AtMost, 0, Some(50)), &v(Exact, 12, Some(12))));
        assert!(!disagree(&v(Range, 20, Some(30)), &v(Exact, 25, Some(25))));
        assert!(disagree(&v(Vague, 24, Some(99)), &v(Exact, 18, Some(18))));
        assert!(!disagree(
            &v(Vague, 2_000_000, None),
            &v(Exact, 3_000_000, Some(3_000_000))
        ));
    }

    #[test]
    fn actors_match_by_words_of_resolved_names() {
        assert!(same_actor("e:korvath", "e:anselm korvath"));
        assert!(!same_actor("e:police", "e:army"));
        assert!(same_actor("t:signed a decree", "e:anselm korvath"));
    }
}
