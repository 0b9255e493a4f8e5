//! From a processed [`Document`] to the rows of the record tables: each record's JSON plus
//! the columns that are queried (keys that link across documents, the evidence sentence).
//! A record whose spans do not fall inside the text is reported and skipped, so the store
//! never holds evidence that cannot be shown.

use crate::dates::{date_span, figure_dates};
use crate::db::Val;
use crate::identity::{entity_key, place_identity, source_identity};
use newsledger_model::{Document, Span};
use serde::Serialize;

pub(crate) struct RecordRows {
    /// (table, columns after content_id, values)
    pub rows: Vec<(&'static str, &'static [&'static str], Vec<Val>)>,
    /// (kind, rid, body) for the search index.
    pub search: Vec<(&'static str, String, String)>,
    pub skipped: Vec<String>,
}

const FIGURE_COLS: &[&str] = &[
    "rid",
    "metric",
    "group_class",
    "group_text",
    "place",
    "place_key",
    "as_of",
    "as_of_day",
    "origin",
    "origin_key",
    "sources",
    "value_kind",
    "low",
    "high",
    "value_text",
    "hedged",
    "claim_rid",
    "span_start",
    "span_end",
    "sentence",
    "pipeline_version",
    "json",
    "period",
    "period_start",
    "period_end",
    "increment",
    "part_of",
    "revises",
    "retracted",
];
const CLAIM_COLS: &[&str] = &[
    "rid",
    "speaker",
    "speaker_key",
    "chain",
    "cue",
    "kind",
    "date",
    "medium",
    "hedged",
    "content_text",
    "span_start",
    "span_end",
    "pipeline_version",
    "json",
    "date_start",
    "date_end",
];
const ENTITY_COLS: &[&str] = &[
    "rid",
    "type",
    "subtype",
    "name",
    "name_key",
    "geonames_id",
    "mentions",
    "pipeline_version",
    "json",
];
const EVENT_COLS: &[&str] = &[
    "rid",
    "type",
    "place",
    "place_key",
    "date",
    "date_day",
    "agent",
    "agent_key",
    "target",
    "target_key",
    "status",
    "claim_rid",
    "hedged",
    "trigger_text",
    "sentence",
    "span_start",
    "span_end",
    "pipeline_version",
    "json",
    "date_start",
    "date_end",
];
const TIMEX_COLS: &[&str] = &["rid", "type", "value", "text", "pipeline_version", "json"];

fn valid(doc: &Document, span: Span) -> bool {
    span.start() <= span.end() && doc.text.get(span.start()..span.end()).is_some()
}

/// The text of the segment holding `span`, or the span's own text when no segment does.
fn sentence_of(doc: &Document, span: Span) -> String {
    match doc.segment_at(span.start()) {
        Some(s) if s.span.contains(span) || s.span.start() <= span.start() => {
            doc.slice(s.span).to_string()
        }
        _ => doc.slice(span).to_string(),
    }
}

/// `YYYY-MM-DD` prefix of a TIMEX3 value, or the value itself when it is coarser; `None`
/// for values that are not calendar positions (durations, PRESENT_REF, XXXX-…).
pub(crate) fn day_of(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
    {
        return v.get(..10).map(str::to_string);
    }
    if b.len() >= 4 && digits(0..4) {
        return Some(v.to_string());
    }
    None
}

fn json<T: Serialize>(r: &T) -> Result<String, String> {
    serde_json::to_string(r).map_err(|e| e.to_string())
}

pub(crate) fn record_rows(doc: &Document, version: &str) -> RecordRows {
    let mut out = RecordRows {
        rows: Vec::new(),
        search: Vec::new(),
        skipped: Vec::new(),
    };
    let published = doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string());
    let l = &doc.layers;
    let relations = crate::relations::relations(doc);

    for f in &l.figures {
        if !valid(doc, f.span) || !valid(doc, f.sentence) {
            out.skipped
                .push(format!("figure {}: span outside the text", f.id));
            continue;
        }
        let dates = figure_dates(
            f.as_of.as_deref(),
            f.period.as_deref(),
            published.as_deref(),
        );
        let mut stored = f.clone();
        stored.as_of.clone_from(&dates.as_of);
        stored.period.clone_from(&dates.period);
        let Ok(js) = json(&stored) else {
            out.skipped
                .push(format!("figure {}: not serialisable", f.id));
            continue;
        };
        let rel = relations.get(&f.id).cloned().unwrap_or_default();
        let (origin_key, origin) = match f.sources.first() {
            Some(s) => source_identity(s),
            None => source_identity(doc.meta.outlet.as_deref().unwrap_or("(own voice)")),
        };
        let (place_key, place) = match f.place.as_deref() {
            Some(p) if !p.trim().is_empty() => {
                let (k, n) = place_identity(doc, p);
                (Some(k), Some(n))
            }
            _ => (None, None),
        };
        let sentence = doc.slice(f.sentence).to_string();
        out.search.push(("figure", f.id.clone(), sentence.clone()));
        out.rows.push((
            "figures",
            FIGURE_COLS,
            vec![
                f.id.clone().into(),
                f.metric.clone().into(),
                f.group.class.clone().into(),
                f.group.text.clone().into(),
                place.into(),
                place_key.into(),
                dates.as_of.clone().into(),
                dates.as_of_day.clone().into(),
                origin.into(),
                origin_key.into(),
                serde_json::to_string(&f.sources).unwrap_or_default().into(),
                serde_json::to_value(f.value.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
                    .into(),
                Val::Int(i64::try_from(f.value.low).unwrap_or(i64::MAX)),
                f.value
                    .high
                    .map(|h| Val::Int(i64::try_from(h).unwrap_or(i64::MAX)))
                    .unwrap_or(Val::Null),
                f.value.text.clone().into(),
                f.hedged.into(),
                f.claim.clone().into(),
                Val::Int(f.span.start() as i64),
                Val::Int(f.span.end() as i64),
                sentence.into(),
                version.into(),
                js.into(),
                dates.period.into(),
                dates.period_start.into(),
                dates.period_end.into(),
                rel.increment.into(),
                rel.part_of.into(),
                rel.revises.into(),
                rel.retracted.into(),
            ],
        ));
    }

    for c in &l.claims {
        if !valid(doc, c.span) || c.content.iter().any(|s| !valid(doc, *s)) {
            out.skipped
                .push(format!("claim {}: span outside the text", c.id));
            continue;
        }
        let Ok(js) = json(c) else {
            out.skipped
                .push(format!("claim {}: not serialisable", c.id));
            continue;
        };
        let content: Vec<&str> = c.content.iter().map(|s| doc.slice(*s)).collect();
        let content = content.join(" … ");
        let (date_start, date_end) = date_span(c.date.as_deref());
        // A claim that names no source has no speaker and no key.
        let (speaker_key, speaker) = match &c.speaker {
            Some(sp) => {
                let (k, s) = source_identity(&sp.name);
                (Some(k), Some(s))
            }
            None => (None, None),
        };
        let kind = serde_json::to_value(c.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let line = match &speaker {
            Some(s) => format!("{s}: {content}"),
            None => content.clone(),
        };
        out.search.push(("claim", c.id.clone(), line));
        out.rows.push((
            "claims",
            CLAIM_COLS,
            vec![
                c.id.clone().into(),
                speaker.into(),
                speaker_key.into(),
                serde_json::to_string(&c.source_chain())
                    .unwrap_or_default()
                    .into(),
                c.cue.lemma.clone().into(),
                kind.into(),
                c.date.clone().into(),
                c.medium.clone().into(),
                (!c.hedges.is_empty()).into(),
                content.into(),
                Val::Int(c.span.start() as i64),
                Val::Int(c.span.end() as i64),
                version.into(),
                js.into(),
                date_start.into(),
                date_end.into(),
            ],
        ));
    }

    for e in &l.entities {
        if e.mentions.iter().any(|m| !valid(doc, m.span)) {
            out.skipped
                .push(format!("entity {}: mention outside the text", e.id));
            continue;
        }
        let Ok(js) = json(e) else {
            out.skipped
                .push(format!("entity {}: not serialisable", e.id));
            continue;
        };
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let geo = e
            .geo
            .as_ref()
            .and_then(|g| g.geonames_id)
            .and_then(|g| i64::try_from(g).ok());
        let key = entity_key(doc, Some(&e.id), &e.name);
        let mut body = e.name.clone();
        for a in &e.aliases {
            body.push_str(" ; ");
            body.push_str(a);
        }
        out.search.push(("entity", e.id.clone(), body));
        out.rows.push((
            "entities",
            ENTITY_COLS,
            vec![
                e.id.clone().into(),
                kind.into(),
                e.subtype.clone().into(),
                e.name.clone().into(),
                key.into(),
                geo.into(),
                Val::Int(e.mentions.len() as i64),
                version.into(),
                js.into(),
            ],
        ));
    }

    for v in &l.events {
        if !valid(doc, v.span) || !valid(doc, v.trigger.span) {
            out.skipped
                .push(format!("event {}: span outside the text", v.id));
            continue;
        }
        let Ok(js) = json(v) else {
            out.skipped
                .push(format!("event {}: not serialisable", v.id));
            continue;
        };
        let (place_key, place) = match v.place.as_deref() {
            Some(p) if !p.trim().is_empty() => {
                let (k, n) = place_identity(doc, p);
                (Some(k), Some(n))
            }
            _ => (None, None),
        };
        let actor = |a: &Option<newsledger_model::Actor>| -> (Option<String>, Option<String>) {
            match a {
                Some(a) => {
                    let name = a
                        .entity
                        .as_deref()
                        .and_then(|id| doc.entity(id))
                        .map_or_else(|| a.text.clone(), |e| e.name.clone());
                    // "e:" keys come from resolved entities and can keep two events
                    // apart; "t:" keys are raw text, too loose to do so.
                    let resolved = a.entity.as_deref().and_then(|id| doc.entity(id)).is_some();
                    let key = entity_key(doc, a.entity.as_deref(), &a.text);
                    (
                        Some(name),
                        Some(format!("{}:{key}", if resolved { "e" } else { "t" })),
                    )
                }
                None => (None, None),
            }
        };
        let (agent, agent_key) = actor(&v.actors.agent);
        let (target, target_key) = actor(&v.actors.target);
        let status = serde_json::to_value(v.status)
            .ok()
            .and_then(|x| x.as_str().map(str::to_string))
            .unwrap_or_default();
        let sentence = sentence_of(doc, v.span);
        let (date_start, date_end) = date_span(v.date.as_deref());
        out.search.push(("event", v.id.clone(), sentence.clone()));
        out.rows.push((
            "events",
            EVENT_COLS,
            vec![
                v.id.clone().into(),
                v.kind.clone().into(),
                place.into(),
                place_key.into(),
                v.date.clone().into(),
                v.date.as_deref().and_then(day_of).into(),
                agent.into(),
                agent_key.into(),
                target.into(),
                target_key.into(),
                status.into(),
                v.claim.clone().into(),
                v.hedged.into(),
                v.trigger.text.clone().into(),
                sentence.into(),
                Val::Int(v.span.start() as i64),
                Val::Int(v.span.end() as i64),
                version.into(),
                js.into(),
                date_start.into(),
                date_end.into(),
            ],
        ));
    }

    for t in &l.timexes {
        if !valid(doc, t.span) {
            out.skipped
                .push(format!("timex {}: span outside the text", t.id));
            continue;
        }
        let Ok(js) = json(t) else {
            out.skipped
                .push(format!("timex {}: not serialisable", t.id));
            continue;
        };
        let kind = serde_json::to_value(t.kind)
            .ok()
            .and_then(|x| x.as_str().map(str::to_string))
            .unwrap_or_default();
        out.rows.push((
            "timexes",
            TIMEX_COLS,
            vec![
                t.id.clone().into(),
                kind.into(),
                t.value.clone().into(),
                t.text.clone().into(),
                version.into(),
                js.into(),
            ],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(day_of("2031-03-02").as_deref(), Some("2031-03-02"));
        assert_eq!(day_of("2031-03-02T10:00").as_deref(), Some("2031-03-02"));
        assert_eq!(day_of("2031-W09").as_deref(), Some("2031-W09"));
        assert_eq!(day_of("P3D"), None);
        assert_eq!(day_of("XXXX-03-02"), None);
        assert_eq!(day_of(""), None);
    }
}
