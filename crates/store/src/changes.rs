//! What entered the ledger since a day, by ingest time: new figures, and revisions (a new
//! latest value for the same metric, group, place and origin, with the value it replaces),
//! each with its evidence. The same list feeds `newsledger changes` and the Atom feed.

use crate::dates::{iso, parse_day};
use crate::story::{cite_row, Cited, Origins};
use crate::{FigureRow, Filter, Result, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Stable across fetches and re-processing of the same text: the text's hash, the
    /// figure's byte span and metric.
    pub id: String,
    /// `new` (first value for its metric, group, place and origin), `revision` (replaces
    /// another value) or `repeat` (the same value again).
    pub kind: &'static str,
    /// When the text entered the store (RFC 3339).
    pub ingested_at: String,
    pub metric: String,
    pub group: String,
    pub figure: Cited,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaces: Option<Cited>,
}

type Key = (String, String, Option<String>, String);

/// Changes whose text was ingested on or after `since` (a day), oldest first.
pub fn changes(store: &dyn Store, since: &str) -> Result<Vec<Change>> {
    let since = parse_day(since).ok_or_else(|| {
        crate::StoreError::Other(format!("--since {since}: expected a day YYYY-MM-DD"))
    })?;
    let docs = store.documents(&Filter::default())?;
    let ingested: HashMap<i64, String> = docs
        .iter()
        .map(|d| (d.doc.doc_id, d.ingested_at.clone()))
        .collect();
    let hashes: HashMap<i64, String> = docs
        .iter()
        .map(|d| (d.doc.content_id, d.content_hash.clone()))
        .collect();
    let people = store.entities(&Filter {
        kind: Some("person".into()),
        ..Filter::default()
    })?;
    let origins = Origins::from_entities(&people);
    let mut rows = store.figures(&Filter::default())?;
    let at = |r: &FigureRow| ingested.get(&r.doc.doc_id).cloned().unwrap_or_default();
    rows.sort_by_key(|r| (at(r), r.id));
    let mut latest: HashMap<Key, &FigureRow> = HashMap::new();
    let mut out = Vec::new();
    for r in &rows {
        let key: Key = (
            r.metric.clone(),
            r.group_class.clone(),
            r.place_key.clone(),
            origins.key(&r.origin),
        );
        let when = at(r);
        let day = r.as_of_day.as_deref().and_then(parse_day);
        let prev = latest.get(&key).copied();
        let prev_day = prev.and_then(|p| p.as_of_day.as_deref().and_then(parse_day));
        let is_latest = prev.is_none() || day >= prev_day;
        if is_latest {
            latest.insert(key, r);
        }
        let entered: Option<NaiveDate> = when.get(..10).and_then(parse_day);
        if entered.is_none_or(|d| d < since) {
            continue;
        }
        let (kind, replaces) = match prev {
            None => ("new", None),
            Some(p) if is_latest && (p.value.low, p.value.high) != (r.value.low, r.value.high) => {
                ("revision", Some(cite_row(p)))
            }
            Some(p) if (p.value.low, p.value.high) == (r.value.low, r.value.high) => {
                ("repeat", None)
            }
            // An older value arriving late changes nothing current.
            Some(_) => ("new", None),
        };
        let hash = hashes.get(&r.doc.content_id).map_or("", String::as_str);
        out.push(Change {
            id: format!(
                "urn:newsledger:figure:{}:{}-{}:{}",
                hash.get(..16).unwrap_or(hash),
                r.span[0],
                r.span[1],
                r.metric
            ),
            kind,
            ingested_at: when,
            metric: r.metric.clone(),
            group: r.group_class.clone(),
            figure: cite_row(r),
            replaces,
        });
    }
    Ok(out)
}

/// The newest day among changes, for a feed's `updated` (or the given fallback).
pub fn newest(changes: &[Change], fallback: NaiveDate) -> String {
    changes
        .iter()
        .map(|c| c.ingested_at.clone())
        .max()
        .unwrap_or_else(|| format!("{}T00:00:00Z", iso(fallback)))
}
