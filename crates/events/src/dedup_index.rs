//! The events kept so far of one kind, indexed for the common question of deduplication: is
//! a new verbal mention (not nominal, not a restatement, of a kind not merged per document)
//! the same as a kept one? Only two tests can then hold — the triggers overlap, or actors,
//! place, date and status are identical with an agent — so each is a look-up instead of a
//! scan of every kept event of the kind (quadratic on run-on text with thousands of "killed").
//! The answer is the first kept event, in keeping order, that a scan would have found.

use newsledger_model::{Event, EventStatus, Span};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

type Key = (
    Option<(String, Option<String>)>,
    Option<(String, Option<String>)>,
    Option<String>,
    Option<String>,
    EventStatus,
);

#[derive(Default)]
pub(crate) struct KindIndex {
    /// Kept positions (into the caller's list) of this kind, in keeping order.
    pub(crate) kept: Vec<usize>,
    /// Trigger start → (trigger end, kept position).
    triggers: BTreeMap<usize, Vec<(usize, usize)>>,
    longest: usize,
    /// Actors, place, date and status of events with an agent → first kept position.
    same: HashMap<Key, usize>,
}

fn key(e: &Event) -> Option<Key> {
    let actor = |a: &Option<newsledger_model::Actor>| {
        a.as_ref().map(|a| (a.text.clone(), a.entity.clone()))
    };
    e.actors.agent.as_ref()?;
    Some((
        actor(&e.actors.agent),
        actor(&e.actors.target),
        e.place.clone(),
        e.date.clone(),
        e.status,
    ))
}

impl KindIndex {
    /// Record kept event `e` at position `pos`.
    pub(crate) fn push(&mut self, pos: usize, e: &Event) {
        self.kept.push(pos);
        let t = e.trigger.span;
        self.triggers
            .entry(t.start())
            .or_default()
            .push((t.end(), pos));
        self.longest = self.longest.max(t.len());
        if let Some(k) = key(e) {
            self.same.entry(k).or_insert(pos);
        }
    }

    /// The first kept event whose trigger overlaps `e`'s, or that has `e`'s agent, target,
    /// place, date and status (an agent required).
    pub(crate) fn verbal_dup(&self, e: &Event) -> Option<usize> {
        let t: Span = e.trigger.span;
        let from = t.start().saturating_sub(self.longest);
        let overlap = self
            .triggers
            .range(from..t.end().max(from))
            .flat_map(|(&s, v)| v.iter().map(move |&(end, pos)| (Span::new(s, end), pos)))
            .filter(|(s, _)| s.overlaps(t))
            .map(|(_, pos)| pos)
            .min();
        let same = key(e).and_then(|k| self.same.get(&k).copied());
        overlap.into_iter().chain(same).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::{Actor, Actors, Trigger};

    fn event(start: usize, end: usize, agent: Option<&str>, place: Option<&str>) -> Event {
        Event {
            id: String::new(),
            kind: "killing".into(),
            trigger: Trigger {
                text: "killed".into(),
                span: Span::new(start, end),
            },
            actors: Actors {
                agent: agent.map(|a| Actor {
                    text: a.into(),
                    entity: None,
                }),
                target: None,
            },
            place: place.map(str::to_string),
            date: None,
            timex: None,
            status: EventStatus::Occurred,
            claim: None,
            hedged: false,
            span: Span::new(start, end),
        }
    }

    /// The first kept event a scan finds with an overlapping trigger or the same agent,
    /// target, place, date and status.
    fn scan(kept: &[Event], e: &Event) -> Option<usize> {
        kept.iter().position(|k| {
            k.trigger.span.overlaps(e.trigger.span)
                || (k.actors == e.actors
                    && k.actors.agent.is_some()
                    && k.place == e.place
                    && k.date == e.date
                    && k.status == e.status)
        })
    }

    #[test]
    fn look_ups_answer_as_the_scan() {
        let agents = [None, Some("troops"), Some("police")];
        let places = [None, Some("Ostrin")];
        let mut ix = KindIndex::default();
        let mut kept: Vec<Event> = Vec::new();
        for i in 0..60usize {
            // triggers of varied length, some overlapping earlier ones
            let start = (i * 37) % 400;
            let e = event(start, start + 3 + i % 9, agents[i % 3], places[i % 2]);
            let want = scan(&kept, &e);
            assert_eq!(ix.verbal_dup(&e), want, "event {i}");
            if want.is_none() {
                ix.push(kept.len(), &e);
                kept.push(e);
            }
        }
        assert!(kept.len() > 5);
    }
}
