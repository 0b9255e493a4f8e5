//! # newsledger-events
//!
//! The events stage: turns reported happenings into typed events the way conflict-data
//! coders (ACLED, PLOVER) would — protest, riot, assault, clash, attack, killing, arrest,
//! deployment, resignation, appointment, declaration, order, consultation, communications
//! shutdown, explosion, accusation, demolition — but keeps for each the evidence an analyst
//! needs to check it: the trigger and clause spans, the claim it rests on, whether it is
//! hedged, and whether it occurred, was ordered, planned, denied or only claimed.
//!
//! It runs last among the extractors because it anchors on their layers: dates come from the
//! time stage's timexes (same clause, then sentence, then the narrative date carried through
//! the paragraph, then the reporting claim's date, then publication), places from the entity
//! stage's PLACE mentions, actors from entity mentions in the subject/object phrases, and the
//! claim and its distance cue ("claimed") from the claims stage.
//!
//! Triggers and cue words live in `data/events/` so the vocabulary can be reviewed and
//! extended without touching the rules. The rules favour precision: negated, hypothetical,
//! generic ("the fight against terrorism") and toll-only mentions ("dozens were killed",
//! which the figures stage records) do not become events.

mod extract;
mod lexicon;
mod sent;

use extract::{
    actor_of, clause_hedged, covering_claim, datable, find_triggers, is_count, left_np,
    modality, pick_place, place_cands, right_np, second_conjunct, Cand, Modality, Np,
};
use lexicon::Form;
use newsledger_model::{
    Actors, Document, Event, EventStatus, Layer, Span, Stage, Timex, Trigger,
};
use sent::Sent;
use std::collections::HashSet;

/// Fills the `events` layer.
#[derive(Debug, Default, Clone)]
pub struct EventStage;

impl EventStage {
    pub fn new() -> Self {
        EventStage
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Segments,
            Layer::Tokens,
            Layer::Timexes,
            Layer::Entities,
            Layer::Claims,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn process(&self, doc: &mut Document) {
        doc.layers.events = extract_events(doc);
    }
}

/// Event types whose object is the party acted upon.
fn transitive(kind: &str) -> bool {
    matches!(
        kind,
        "assault"
            | "attack"
            | "killing"
            | "arrest"
            | "deployment"
            | "appointment"
            | "order"
            | "consultation"
            | "accusation"
            | "demolition"
            | "clash"
    )
}

/// Event types where "X's <noun>" / "<noun> of X" names the party acted upon.
fn nominal_of_is_target(kind: &str) -> bool {
    matches!(
        kind,
        "arrest" | "killing" | "assault" | "attack" | "demolition" | "appointment"
    )
}

/// The date of an event: value and timex id.
type Dated = (Option<String>, Option<String>);

struct SentCtx<'a> {
    s: Sent,
    /// Datable timexes in the sentence with their first token.
    timexes: Vec<(usize, &'a Timex)>,
    in_time: Vec<bool>,
}

fn sentence_ctx<'a>(doc: &'a Document, span: Span) -> SentCtx<'a> {
    let s = Sent::new(doc, span);
    let mut in_time = vec![false; s.len()];
    let mut timexes = Vec::new();
    for t in &doc.layers.timexes {
        if !span.contains(t.span) {
            continue;
        }
        for (i, tok) in s.toks.iter().enumerate() {
            if t.span.overlaps(tok.span) {
                if let Some(x) = in_time.get_mut(i) {
                    *x = true;
                }
            }
        }
        if datable(t.kind, &t.value) {
            if let Some(i) = s.tok_at(t.span.start()) {
                timexes.push((i, t));
            }
        }
    }
    SentCtx {
        s,
        timexes,
        in_time,
    }
}

/// Extract the events of a document (ids assigned in document order).
pub fn extract_events(doc: &Document) -> Vec<Event> {
    let claim_timexes: HashSet<&str> = doc
        .layers
        .claims
        .iter()
        .filter_map(|c| c.timex.as_deref())
        .collect();
    let mut out: Vec<Event> = Vec::new();
    let mut narrative: Dated = (None, None);
    let mut cur_para: Option<usize> = None;
    let segs: Vec<Span> = doc.content_segments().map(|s| s.span).collect();
    for span in segs {
        let para = doc.paragraph_index_at(span.start());
        if para != cur_para || para.is_none() {
            narrative = (None, None);
            cur_para = para;
        }
        let ctx = sentence_ctx(doc, span);
        if ctx.s.len() == 0 {
            continue;
        }
        let places = place_cands(doc, &ctx.s);
        for c in find_triggers(&ctx.s) {
            if let Some(ev) = build(doc, &ctx, &c, &places, &narrative) {
                out.push(ev);
            }
        }
        for (_, t) in &ctx.timexes {
            if !claim_timexes.contains(t.id.as_str()) {
                narrative = (Some(t.value.clone()), Some(t.id.clone()));
            }
        }
    }
    dedup(&mut out);
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
    }
    out
}

/// Drop repeated mentions of one event: same type and trigger span, or a later mention
/// of the same type with the same actors, place and date.
fn dedup(events: &mut Vec<Event>) {
    let mut kept: Vec<Event> = Vec::new();
    for e in events.drain(..) {
        let dup = kept.iter().any(|k| {
            k.kind == e.kind
                && (k.trigger.span.overlaps(e.trigger.span)
                    || (k.actors == e.actors
                        && k.actors.agent.is_some()
                        && k.place == e.place
                        && k.date == e.date
                        && k.status == e.status))
        });
        if !dup {
            kept.push(e);
        }
    }
    *events = kept;
}

fn build(
    doc: &Document,
    ctx: &SentCtx<'_>,
    c: &Cand,
    places: &[extract::PlaceCand],
    narrative: &Dated,
) -> Option<Event> {
    let s = &ctx.s;
    let e = c.entry();
    let kind = e.kind.as_str();
    let mut status = match modality(s, c) {
        Modality::Skip => return None,
        Modality::Status(st) => st,
    };
    let (ca, cb) = s.clause(c.a);

    // A declared nominal takes its declaring verb: "declared January 10 a day of mourning".
    let mut ta = c.a;
    let mut form = e.form;
    if kind == "declaration" && form == Form::Noun {
        if let Some(v) = s.rfind_in(c.a.saturating_sub(6).max(ca), c.a, "declare_verb") {
            ta = v;
            form = Form::Past;
        }
    }
    let trig_span = s.span_of(ta, c.b);

    // ---- actors
    let in_time = &ctx.in_time;
    let by_np: Option<Np> = (c.b..(c.b + 6).min(cb))
        .find(|&i| s.low(i) == "by")
        .and_then(|i| right_np(s, i + 1, in_time));
    let with_np: Option<Np> = if matches!(s.low(c.b.saturating_sub(1)), "with" | "between") {
        right_np(s, c.b, in_time)
    } else {
        (c.b..(c.b + 4).min(cb))
            .find(|&i| matches!(s.low(i), "with" | "between"))
            .and_then(|i| right_np(s, i + 1, in_time))
    };
    let mut actors = Actors::default();
    let mut passive = false;
    if form.is_verb() {
        let subj_np = left_np(s, ta, in_time);
        let mut i = ta;
        while i > ca {
            let k = i - 1;
            if s.is(k, "be_aux") && !matches!(s.low(k), "'s") {
                passive = true;
            }
            if s.is(k, "adverb") || s.is(k, "be_aux") || s.is_quote(k) {
                i = k;
            } else {
                break;
            }
        }
        passive = passive && matches!(form, Form::Past | Form::Participle);
        if form == Form::Participle || (form == Form::Past && by_np.is_some()) {
            passive = passive || by_np.is_some() || form == Form::Participle;
        }
        let obj = if matches!(kind, "clash" | "consultation") {
            with_np.or_else(|| right_np(s, c.b, in_time))
        } else if transitive(kind) && !passive {
            right_np(s, c.b, in_time)
        } else {
            None
        };
        if passive {
            actors.target = subj_np.map(|np| actor_of(doc, s, np));
            actors.agent = by_np.map(|np| actor_of(doc, s, np));
        } else {
            actors.agent = subj_np.map(|np| actor_of(doc, s, np));
            actors.target = obj.map(|np| actor_of(doc, s, np));
        }
        if kind == "consultation" {
            if let Some(second) = subj_np.and_then(|np| second_conjunct(doc, s, np)) {
                actors.target = Some(second);
            }
        }
        // Tolls are the figures stage's business: "dozens were killed", "thousands of
        // protesters detained" with no one doing it.
        if e.opts.count {
            let subj_count = subj_np.is_some_and(|np| is_count(s, np));
            let obj_np = right_np(s, c.b, in_time);
            if subj_count && by_np.is_none() && (passive || obj_np.is_none()) {
                return None;
            }
            if subj_np.is_none() && by_np.is_none() && obj_np.is_some_and(|np| is_count(s, np)) {
                return None;
            }
        }
    } else {
        // Nominal: "X's resignation", "the arrest of X", "clashes with police".
        let possessor = s.prev_nq(c.a).filter(|&p| {
            p >= ca && (s.is(p, "possessive") || s.low(p).ends_with("'s"))
        });
        let of_np = (s.low(c.b) == "of")
            .then(|| right_np(s, c.b + 1, in_time))
            .flatten();
        let owner = possessor.map(|p| actor_of(doc, s, (p, p + 1)));
        let of_actor = of_np.map(|np| actor_of(doc, s, np));
        if nominal_of_is_target(kind) {
            actors.target = owner.or(of_actor);
            actors.agent = by_np.map(|np| actor_of(doc, s, np));
        } else {
            actors.agent = owner.or(of_actor).or_else(|| by_np.map(|np| actor_of(doc, s, np)));
            if matches!(kind, "clash" | "consultation") {
                actors.target = with_np.map(|np| actor_of(doc, s, np));
            }
        }
    }

    // ---- claim, status, hedge
    let claim = covering_claim(doc, trig_span);
    if status == EventStatus::Occurred {
        if let Some(cl) = claim {
            if cl.cue.lemma.starts_with("den") {
                status = EventStatus::Denied;
            } else if cl.cue.distance {
                status = EventStatus::Claimed;
            }
        }
    }
    let clause_span = s.span_of(ca, cb);
    let hedged = clause_hedged(s, c.a)
        || claim.is_some_and(|cl| {
            cl.hedges
                .iter()
                .any(|h| h.kind != "scare_quote" && h.span.overlaps(clause_span))
        });

    // ---- date
    let dist = |i: usize| if i >= c.a { i - c.a } else { c.a - i };
    let usable = |(_, t): &&(usize, &Timex)| !trig_span.contains(t.span);
    let in_clause = ctx
        .timexes
        .iter()
        .filter(usable)
        .filter(|(i, _)| *i >= ca && *i < cb)
        .min_by_key(|(i, _)| dist(*i));
    let in_sentence = || {
        ctx.timexes
            .iter()
            .filter(usable)
            .min_by_key(|(i, _)| dist(*i))
    };
    let (date, timex) = if let Some((_, t)) = in_clause.or_else(in_sentence) {
        (Some(t.value.clone()), Some(t.id.clone()))
    } else if narrative.0.is_some() {
        narrative.clone()
    } else if let Some(cl) = claim.filter(|cl| cl.date.is_some()) {
        (cl.date.clone(), cl.timex.clone())
    } else {
        (
            doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            None,
        )
    };

    Some(Event {
        id: String::new(),
        kind: kind.to_string(),
        trigger: Trigger {
            text: doc.slice(trig_span).to_string(),
            span: trig_span,
        },
        actors,
        place: pick_place(s, places, c.a),
        date,
        timex,
        status,
        claim: claim.map(|cl| cl.id.clone()),
        hedged,
        span: clause_span,
    })
}

#[cfg(test)]
mod tests;
