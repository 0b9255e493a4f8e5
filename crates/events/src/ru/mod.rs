//! Events of Russian-language documents: the common triggers of each type in their
//! inflected forms (`data/events/ru/triggers.tsv`), with the place the entity stage found in
//! the sentence (or the story's place for hazards, accidents and responses), the date of a
//! timex in the sentence, and the claim that reports it.
//!
//! Modest next to the English rules: no actors, and no status beyond "occurred" (a negated
//! trigger makes no event). Hazards and responses are one event per document; accidents one
//! per place; political events one per sentence.

mod lexicon;

use crate::disaster;
use crate::extract::datable;
use lexicon::{Trig, TRIGS};
use newsledger_model::{
    Actors, Document, EntityType, Event, EventStatus, MentionKind, Span, Trigger,
};

#[cfg(test)]
mod tests;

/// A word of a sentence: byte offsets into the document and its key (lower case, ё as е).
struct W {
    start: usize,
    end: usize,
    key: String,
}

fn words(doc: &Document, span: Span) -> Vec<W> {
    let Some(text) = doc.text.get(span.start()..span.end()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let inner = c == '-' && start.is_some();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let w = text[s..i].trim_end_matches('-');
            out.push(W {
                start: span.start() + s,
                end: span.start() + s + w.len(),
                key: w
                    .chars()
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == 'ё' { 'е' } else { c })
                    .collect(),
            });
        }
    }
    out
}

/// The trigger that starts at word `i` and whose context the sentence gives, if any, with
/// its length in words ("столкновение" of buses is an accident, of fans a clash).
fn trigger_at<'a>(ws: &[W], i: usize) -> Option<(&'a Trig, usize)> {
    TRIGS.iter().find_map(|t| {
        let n = t.words.len();
        let fits = ws
            .get(i..i + n)
            .is_some_and(|run| run.iter().zip(&t.words).all(|(w, p)| p.matches(&w.key)));
        (fits && allowed(t, ws)).then_some((t, n))
    })
}

/// "не было взрыва", "без пожара", "взрыва не было": the trigger is denied.
fn negated(ws: &[W], i: usize, n: usize) -> bool {
    let before = i > 0 && matches!(ws[i - 1].key.as_str(), "не" | "без" | "нет" | "ни");
    let after = ws.get(i + n).is_some_and(|w| w.key == "не")
        && ws
            .get(i + n + 1)
            .is_some_and(|w| matches!(w.key.as_str(), "было" | "произошло" | "зафиксировано"));
    before || after
}

fn allowed(t: &Trig, ws: &[W]) -> bool {
    let any = |ps: &[lexicon::Pat]| ws.iter().any(|w| ps.iter().any(|p| p.matches(&w.key)));
    (t.ctx.is_empty() || any(&t.ctx)) && (t.veto.is_empty() || !any(&t.veto))
}

/// The most specific place entity named in a span (a city before a region before a country).
fn place_in(doc: &Document, span: Span) -> Option<String> {
    let rank = |s: Option<&str>| match s {
        Some("landmark") | Some("city") => 3,
        Some("region") => 2,
        _ => 1,
    };
    doc.layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
        .filter(|e| {
            e.mentions
                .iter()
                .any(|m| m.kind == MentionKind::Name && span.contains(m.span))
        })
        .max_by_key(|e| rank(e.subtype.as_deref()))
        .map(|e| e.id.clone())
}

fn date_in(doc: &Document, span: Span) -> (Option<String>, Option<String>) {
    doc.layers
        .timexes
        .iter()
        .find(|t| span.contains(t.span) && datable(t.kind, &t.value))
        .map_or((None, None), |t| {
            (Some(t.value.clone()), Some(t.id.clone()))
        })
}

fn claim_of(doc: &Document, span: Span) -> Option<String> {
    doc.layers
        .claims
        .iter()
        .filter(|c| c.content.iter().any(|s| s.contains(span)))
        .min_by_key(|c| c.span.len())
        .map(|c| c.id.clone())
}

/// Every trigger of a sentence: (type, trigger span).
fn triggers_in(doc: &Document, span: Span) -> Vec<(&'static str, Span)> {
    let ws = words(doc, span);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some((t, n)) = trigger_at(&ws, i) else {
            i += 1;
            continue;
        };
        if !negated(&ws, i, n) {
            out.push((t.kind, Span::new(ws[i].start, ws[i + n - 1].end)));
        }
        i += n;
    }
    out
}

/// Whether a new mention of `kind` at `place` is an event already found.
fn same_event(e: &Event, kind: &str, place: &Option<String>, sentence: Span) -> bool {
    if e.kind != kind {
        return false;
    }
    if disaster::one_per_document(kind) {
        return true;
    }
    if disaster::merges_per_document(kind) {
        return place.is_none() || e.place.is_none() || e.place == *place;
    }
    sentence.contains(e.trigger.span)
}

/// The events of a Russian document and every trigger mapped to the event it became.
pub fn extract(doc: &Document) -> (Vec<Event>, Vec<disaster::Mention>) {
    let mut events: Vec<Event> = Vec::new();
    let mut found: Vec<(Span, String)> = Vec::new();
    let segs: Vec<Span> = doc.content_segments().map(|s| s.span).collect();
    for sent in segs {
        if doc.budget.expired() {
            break;
        }
        for (kind, tspan) in triggers_in(doc, sent) {
            found.push((tspan, kind.to_string()));
            let place = place_in(doc, sent);
            if events.iter().any(|e| same_event(e, kind, &place, sent)) {
                continue;
            }
            let (date, timex) = date_in(doc, sent);
            events.push(Event {
                id: String::new(),
                kind: kind.to_string(),
                trigger: Trigger {
                    text: doc
                        .text
                        .get(tspan.start()..tspan.end())
                        .unwrap_or("")
                        .to_string(),
                    span: tspan,
                },
                actors: Actors::default(),
                place,
                date,
                timex,
                status: EventStatus::Occurred,
                claim: claim_of(doc, tspan),
                hedged: false,
                span: sent,
            });
        }
    }
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("v{}", n + 1);
    }
    disaster::fill_places(doc, &mut events);
    let mentions = disaster::mentions(&found, &events);
    (events, mentions)
}
