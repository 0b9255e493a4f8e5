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

pub mod disaster;

/// The political event types (PLOVER-aligned, `data/events/README.md`); every other type is a
/// hazard, an accident or a response (`disaster`).
pub const POLITICAL_TYPES: &[&str] = &[
    "protest",
    "riot",
    "assault",
    "clash",
    "attack",
    "killing",
    "arrest",
    "deployment",
    "resignation",
    "appointment",
    "declaration",
    "order",
    "consultation",
    "communications_shutdown",
    "accusation",
    "demolition",
];
mod dedup_index;
mod extract;
mod lexicon;
mod ru;
mod sent;

use extract::MentionIndex;
use extract::{
    actor_of, clause_hedged, datable, find_triggers, is_count, left_np, modality, owner_actor,
    pick_place, place_cands, right_np, second_conjunct, text_actor, Cand, Modality, Np,
};
use lexicon::Form;
use newsledger_model::{
    Actors, Claim, Document, Event, EventStatus, Layer, SegmentKind, Span, SpanIndex, Stage, Timex,
    Trigger,
};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use sent::{DocCache, Sent};

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
        // Each language its own rules; others get no events (never English rules by mistake).
        let (events, mentions) = match doc.lang() {
            newsledger_model::Lang::En => extract_events_with_mentions(doc),
            newsledger_model::Lang::Ru => ru::extract(doc),
            newsledger_model::Lang::Other => {
                doc.layers.events = Vec::new();
                return;
            }
        };
        doc.layers.events = events;
        disaster::link_figures(doc, &mentions);
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
    /// The claims' content spans of the whole document, for `covering_claim_in`.
    contents: &'a ContentIndex,
}

fn sentence_ctx<'a>(
    doc: &'a Document,
    span: Span,
    timexes_sorted: bool,
    contents: &'a ContentIndex,
    cache: &mut DocCache,
) -> SentCtx<'a> {
    let s = Sent::new_in(doc, span, cache);
    let mut in_time = vec![false; s.len()];
    let mut timexes = Vec::new();
    // Only timexes starting inside the sentence can lie in it: with the layer in document
    // order (as the time stage writes it) look at those alone, not the whole layer per
    // sentence (quadratic on one long document).
    let all = &doc.layers.timexes;
    let near = if timexes_sorted {
        let a = all.partition_point(|t| t.span.start() < span.start());
        let b = all.partition_point(|t| t.span.start() <= span.end());
        all.get(a..b.max(a)).unwrap_or(&[])
    } else {
        all.as_slice()
    };
    for t in near {
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
        contents,
    }
}

/// Every content span of every claim, searchable: `covering_claim` scanned all claims
/// for each event (quadratic on one long document).
struct ContentIndex {
    idx: SpanIndex,
    /// (claim index, span length) of each indexed span, in claim order.
    parts: Vec<(usize, usize)>,
}

impl ContentIndex {
    fn new(doc: &Document) -> Self {
        let mut spans = Vec::new();
        let mut parts = Vec::new();
        for (ci, c) in doc.layers.claims.iter().enumerate() {
            for p in &c.content {
                spans.push(*p);
                parts.push((ci, p.len()));
            }
        }
        ContentIndex {
            idx: SpanIndex::new(spans),
            parts,
        }
    }

    /// Same answer as [`covering_claim`]: the claim with the shortest content span
    /// containing `span`, the first such claim on a tie.
    fn covering_claim<'d>(&self, doc: &'d Document, span: Span) -> Option<&'d Claim> {
        self.idx
            .containing(span)
            .into_iter()
            .filter_map(|k| self.parts.get(k).copied())
            .min_by_key(|&(ci, len)| (len, ci))
            .and_then(|(ci, _)| doc.layers.claims.get(ci))
    }
}

/// Extract the events of a document (ids assigned in document order).
pub fn extract_events(doc: &Document) -> Vec<Event> {
    extract_events_with_mentions(doc).0
}

/// The events of a document and every trigger mention mapped to the event it became.
pub fn extract_events_with_mentions(doc: &Document) -> (Vec<Event>, Vec<disaster::Mention>) {
    let claim_timexes: HashSet<&str> = doc
        .layers
        .claims
        .iter()
        .filter_map(|c| c.timex.as_deref())
        .collect();
    let mut out: Vec<Found> = Vec::new();
    let mut narrative: Dated = (None, None);
    let mut cur_para: Option<usize> = None;
    let segs: Vec<Span> = doc.content_segments().map(|s| s.span).collect();
    let timexes_sorted = doc
        .layers
        .timexes
        .windows(2)
        .all(|w| w[0].span.start() <= w[1].span.start());
    let contents = ContentIndex::new(doc);
    let mut cache = DocCache::new(doc);
    let mentions = MentionIndex::new(doc);
    for span in segs {
        // Over the time budget: stop here; the pipeline drops the partial result.
        if doc.budget.expired() {
            break;
        }
        let para = doc.paragraph_index_at(span.start());
        if para != cur_para || para.is_none() {
            narrative = (None, None);
            cur_para = para;
        }
        let ctx = sentence_ctx(doc, span, timexes_sorted, &contents, &mut cache);
        if ctx.s.len() == 0 {
            continue;
        }
        let places = place_cands(doc, &ctx.s, &mentions);
        let cands = find_triggers(&ctx.s);
        let trigger_spans: Vec<Span> = cands
            .iter()
            .map(|c| ctx.s.span_of(trigger_start(&ctx.s, c), c.b))
            .collect();
        for c in &cands {
            if let Some(ev) = build(doc, &ctx, c, &places, &narrative, &trigger_spans, &cands) {
                out.push(ev);
            }
        }
        for (i, t) in &ctx.timexes {
            if !claim_timexes.contains(t.id.as_str())
                && !bounding(&ctx.s, *i)
                && !describing(&ctx.s, *i)
            {
                narrative = (Some(t.value.clone()), Some(t.id.clone()));
            }
        }
    }
    drop_disaster_deaths(&mut out);
    let found: Vec<(Span, String)> = out
        .iter()
        .map(|f| (f.event.trigger.span, f.event.kind.clone()))
        .collect();
    let mut out = dedup(doc, out);
    drop_headline_repeats(doc, &mut out);
    disaster::fill_places(doc, &mut out);
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("v{}", i + 1);
    }
    let mentions = disaster::mentions(&found, &out);
    (out, mentions)
}

/// In a report of a natural hazard or an accident, deaths that no person or weapon caused
/// are the disaster's toll, not killings: "19 people were killed as the storm passed",
/// "the disaster, which killed 82", "a man was killed by flying debris". Explosions and
/// fires are left out: in war reporting they are often the weapon's work.
fn drop_disaster_deaths(found: &mut Vec<Found>) {
    let disaster = found.iter().any(|f| {
        let k = f.event.kind.as_str();
        disaster::family(k) == disaster::Family::Hazard
            || matches!(
                k,
                "building_collapse" | "mine_accident" | "transport_accident"
            )
    });
    if disaster {
        found.retain(|f| f.event.kind != "killing" || f.lethal_agent);
    }
}

/// Headlines and subheadings restate the body: keep a headline event only when the body
/// has no event of its type.
fn drop_headline_repeats(doc: &Document, events: &mut Vec<Event>) {
    let is_head = |e: &Event| {
        doc.segment_at(e.trigger.span.start())
            .is_some_and(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading))
    };
    let body: HashSet<String> = events
        .iter()
        .filter(|e| !is_head(e))
        .map(|e| e.kind.clone())
        .collect();
    events.retain(|e| !is_head(e) || !body.contains(&e.kind));
}

/// An extracted event with what the deduplication needs to know about its mention.
struct Found {
    event: Event,
    /// The trigger is a noun ("the protests", "his resignation").
    nominal: bool,
    /// The mention restates an event told before: "Thursday's march", "86 had been
    /// detained by 6am", "rioting …, in which shops were looted".
    restates: bool,
    /// A nominal introduced as new: "a nationwide strike", "another day of action".
    indefinite: bool,
    /// The date comes from the mention's own sentence, not the narrative or publication.
    own_date: bool,
    /// A killing whose agent is a person or a weapon ("gunmen", "shelling").
    lethal_agent: bool,
    /// The trigger names who does the work ("rescuers"), not the work.
    agent_noun: bool,
}

/// Two events' dates can be one: either is not the mention's own, or they share the day.
fn dates_agree(a: &Found, b: &Found) -> bool {
    fn day(f: &Found) -> Option<&str> {
        f.event.date.as_deref().map(|d| d.get(..10).unwrap_or(d))
    }
    let (x, y) = (day(a).unwrap_or(""), day(b).unwrap_or(""));
    !a.own_date || !b.own_date || x.starts_with(y) || y.starts_with(x)
}

fn entity_of(a: &Option<newsledger_model::Actor>) -> Option<&str> {
    a.as_ref().and_then(|a| a.entity.as_deref())
}

/// Drop repeated mentions of one event. A later nominal mention that adds nothing (no
/// date, place or actors of its own: "amid the protests"), or names the same agent as an
/// earlier event of its type ("following his resignation"), refers back to it; so does a
/// later mention with identical actors, place, date and status.
fn dedup(doc: &Document, found: Vec<Found>) -> Vec<Event> {
    // Body mentions first: a headline restating the story must not become the event the
    // body's fuller mention is folded into.
    let is_head = |f: &Found| {
        doc.segment_at(f.event.trigger.span.start())
            .is_some_and(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading))
    };
    let (head, body): (Vec<Found>, Vec<Found>) = found.into_iter().partition(is_head);
    let mut kept: Vec<Found> = Vec::new();
    // Only events of the same kind can be duplicates: compare with those alone.
    let mut of_kind: HashMap<String, dedup_index::KindIndex> = HashMap::default();
    let none = dedup_index::KindIndex::default();
    for f in body.into_iter().chain(head) {
        let e = &f.event;
        let index = of_kind.get(&e.kind).unwrap_or(&none);
        let same_kind = index.kept.as_slice();
        let verbal = !f.nominal && !f.restates && !disaster::merges_per_document(&e.kind);
        let dup = if verbal {
            index.verbal_dup(e)
        } else {
            same_kind
                .iter()
                .copied()
                .find(|&i| kept.get(i).is_some_and(|kf| same_event(&f, kf)))
        };
        match dup {
            None => {
                of_kind
                    .entry(e.kind.clone())
                    .or_default()
                    .push(kept.len(), e);
                kept.push(f);
            }
            Some(i) if disaster::merges_per_document(&f.event.kind) => {
                if let Some(k) = kept.get_mut(i) {
                    absorb(k, &f);
                }
            }
            Some(_) => {}
        }
    }
    let mut out: Vec<Event> = kept.into_iter().map(|f| f.event).collect();
    out.sort_by_key(|e| e.trigger.span);
    out
}

/// Whether `f` mentions again the kept event `kf` of the same kind (the full test, for
/// nominal mentions, restatements and kinds merged per document).
fn same_event(f: &Found, kf: &Found) -> bool {
    let e = &f.event;
    let k = &kf.event;
    if k.kind != e.kind {
        return false;
    }
    if k.trigger.span.overlaps(e.trigger.span) {
        return true;
    }
    let place_agrees = e.place.is_none() || k.place.is_none() || e.place == k.place;
    // A hazard, accident or response named again is the same happening unless
    // its place tells it apart.
    if disaster::merges_per_document(&e.kind)
        && (place_agrees || disaster::one_per_document(&e.kind))
    {
        return true;
    }
    if f.restates && place_agrees && dates_agree(f, kf) {
        return true;
    }
    let same_agent = entity_of(&e.actors.agent).is_some()
        && entity_of(&e.actors.agent) == entity_of(&k.actors.agent);
    if f.nominal && same_agent {
        return true;
    }
    if f.nominal
        && !f.indefinite
        && dates_agree(f, kf)
        && e.actors.agent.is_none()
        && e.actors.target.is_none()
        && (e.place.is_none() || e.place == k.place)
    {
        return true;
    }
    k.actors == e.actors
        && k.actors.agent.is_some()
        && k.place == e.place
        && k.date == e.date
        && k.status == e.status
}

/// A hazard or accident dated to a year two or more before the report's.
fn past_disaster(doc: &Document, kind: &str, value: &str) -> bool {
    use chrono::Datelike;
    let family = disaster::family(kind);
    let Some(published) = doc.meta.published else {
        return false;
    };
    matches!(
        family,
        disaster::Family::Hazard | disaster::Family::Accident
    ) && value
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| y <= published.year() - 2)
}

/// The day of a day with a part of it ("2031-05-04TNI", Sunday night, is 2031-05-04): an
/// event's date is a day; the timex it points to keeps the part of the day.
fn day_of(value: &str) -> &str {
    match value.get(..10) {
        Some(day) if value.as_bytes().get(10) == Some(&b'T') && is_day(Some(day)) => day,
        _ => value,
    }
}

/// A day-precise date (`2031-05-04…`), not a week, month or year.
fn is_day(d: Option<&str>) -> bool {
    d.is_some_and(|d| {
        d.len() >= 10
            && d.bytes().take(10).enumerate().all(|(k, b)| {
                if k == 4 || k == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    })
}

/// A later mention of a hazard, accident or response fills what the first one lacked:
/// its own day ("the quake on Monday" after "the quake") and its place. Of two days the
/// mentions give of their own, the earlier is when it happened: a hazard or an operation
/// starts once, and later days in the story are its aftermath ("rescuers on Wednesday
/// searched the rubble of the quake" after "the quake struck on Monday").
fn absorb(k: &mut Found, f: &Found) {
    let kept_day = k.own_date && is_day(k.event.date.as_deref());
    let new_day = f.own_date && is_day(f.event.date.as_deref());
    let earlier = || match (&f.event.date, &k.event.date) {
        (Some(a), Some(b)) => a.get(..10) < b.get(..10),
        _ => false,
    };
    let better_day = new_day && (!kept_day || earlier());
    if better_day || (k.event.date.is_none() && f.event.date.is_some()) {
        k.event.date = f.event.date.clone();
        k.event.timex = f.event.timex.clone();
        k.own_date = f.own_date;
    }
    if k.event.place.is_none() && f.event.place.is_some() {
        k.event.place = f.event.place.clone();
    }
    // "Rescuers" names who works; "pulled alive", "the rescue operation" name the work.
    if k.agent_noun && !f.agent_noun {
        k.event.trigger = f.event.trigger.clone();
        k.agent_noun = false;
    }
}

/// A place the entity stage did not resolve: a capitalised name right after "in", "at",
/// "near" (or "the town of") in the event's clause, that is no other entity and no date.
fn name_after_locative(doc: &Document, ctx: &SentCtx<'_>, a: usize) -> Option<String> {
    let s = &ctx.s;
    let (ca, cb) = s.clause(a);
    let taken = |i: usize| {
        s.toks.get(i).is_some_and(|t| {
            doc.layers
                .entities
                .iter()
                .any(|e| e.mentions.iter().any(|m| m.span.overlaps(t.span)))
        })
    };
    let mut best: Option<(usize, String)> = None;
    for i in ca..cb {
        if !matches!(s.low(i), "in" | "at" | "near" | "outside") {
            continue;
        }
        let mut j = i + 1;
        // "the town of X", "the city of X"
        if s.low(j) == "the"
            && matches!(
                s.low(j + 1),
                "town" | "city" | "village" | "region" | "province"
            )
            && s.low(j + 2) == "of"
        {
            j += 3;
        }
        let start = j;
        while j < cb
            && s.cap(j)
            && !s.is_punct(j)
            && !ctx.in_time.get(j).copied().unwrap_or(true)
            && !taken(j)
            && s.toks
                .get(j)
                .is_some_and(|t| t.kind == newsledger_model::TokenKind::Word)
            && !s.low(j).ends_with("'s")
        {
            j += 1;
        }
        if j > start && j - start <= 3 {
            let d = if i >= a { i - a } else { a - i + 8 };
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, doc.slice(s.span_of(start, j)).to_string()));
            }
        }
    }
    best.map(|(_, n)| n)
}

/// The word before a participle is a noun-like word, not an auxiliary or adverb: the
/// participle modifies it ("protesters detained") rather than being its verb with an
/// elided object.
fn subj_np_hint(s: &Sent, a: usize) -> bool {
    s.prev_nq(a).is_some_and(|p| {
        !s.is_punct(p) && !s.is(p, "adverb") && !s.is(p, "be_aux") && !s.is(p, "pronoun")
    })
}

/// Who or what took the lives in a killing mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Killer {
    /// A person or a weapon: gunmen, soldiers, shelling, an airstrike.
    Lethal,
    /// A natural hazard or an abstraction: a quake, a flood, volatility.
    Hazard,
    Unknown,
}

/// The kind of agent of a killing trigger: the subject of an active verb, the "by" phrase
/// of a passive, the subject of the clause an "-ing" toll hangs on (", killing 19"), or a
/// "when gunmen stormed…" clause after the trigger. A lethal word followed by a reporting
/// verb ("police said") is a source, not the agent.
fn killer_kind(s: &Sent, c: &Cand, passive: bool, subj_np: Option<Np>) -> Killer {
    let (ca, _) = s.clause(c.a);
    let lethal_in = |a: usize, b: usize| {
        (a..b.min(s.len())).any(|i| {
            s.member_at(i, "lethal_agent")
                .is_some_and(|n| !s.is(i + n, "report_verb") && !s.is(i + n, "quote"))
        })
    };
    let hazard_in = |a: usize, b: usize| s.find_in(a, b, "hazard").is_some();
    let classify = |a: usize, b: usize| {
        if lethal_in(a, b) {
            Killer::Lethal
        } else if hazard_in(a, b) {
            Killer::Hazard
        } else {
            Killer::Unknown
        }
    };
    let by = (c.b..(c.b + 4).min(s.len())).find(|&i| s.low(i) == "by");
    let mut kind = Killer::Unknown;
    if c.entry().form.is_verb() {
        if let Some(i) = by {
            kind = classify(i + 1, (i + 7).min(s.len()));
        } else if !passive {
            if let Some((a, b)) = subj_np {
                kind = classify(a, b);
            }
        }
    } else if s.prev_nq(c.a).is_some_and(|p| s.low(p) == ",") {
        // The clause the participle hangs on: from the sentence start to the comma.
        let lo = if ca > 0 { s.clause(ca - 1).0 } else { 0 };
        kind = classify(lo, c.a);
    }
    if kind != Killer::Unknown {
        return kind;
    }
    // "was killed when the gunmen stormed the vehicle"
    let after = (c.b..(c.b + 3).min(s.len()))
        .find(|&i| matches!(s.low(i), "when" | "as" | "after" | "while"));
    match after {
        Some(i) if lethal_in(i + 1, (i + 6).min(s.len())) => Killer::Lethal,
        _ => Killer::Unknown,
    }
}

/// A timex that bounds or describes rather than dates: "since Saturday", "until Friday",
/// "their February level".
fn bounding(s: &Sent, i: usize) -> bool {
    s.prev_nq(i)
        .is_some_and(|p| s.is(p, "since_like") || s.is(p, "possessive") || s.low(p).ends_with("'s"))
}

/// A year that describes a thing, not when anything happened: "the ferry, built in
/// 1987, …", "a group founded in 2004".
fn describing(s: &Sent, i: usize) -> bool {
    let Some(p) = s.prev_nq(i) else {
        return false;
    };
    if s.is(p, "modifier_participle") {
        return true;
    }
    matches!(s.low(p), "in" | "on" | "around" | "about")
        && s.prev_nq(p).is_some_and(|q| s.is(q, "modifier_participle"))
}

/// A declared nominal takes its declaring verb: "declared January 10 a day of mourning".
fn trigger_start(s: &Sent, c: &Cand) -> usize {
    let e = c.entry();
    if e.form == Form::Noun && matches!(e.kind.as_str(), "declaration" | "order") {
        let (ca, _) = s.clause(c.a);
        if let Some(v) = s.rfind_in(c.a.saturating_sub(8).max(ca), c.a, "declare_verb") {
            return v;
        }
    }
    c.a
}

fn build(
    doc: &Document,
    ctx: &SentCtx<'_>,
    c: &Cand,
    places: &[extract::PlaceCand],
    narrative: &Dated,
    trigger_spans: &[Span],
    all: &[Cand],
) -> Option<Found> {
    let s = &ctx.s;
    let e = c.entry();
    let kind = e.kind.as_str();
    let mut status = match modality(s, c) {
        Modality::Skip => return None,
        Modality::Status(st) => st,
    };
    let (ca, cb) = s.clause(c.a);
    // "Rescue workers evacuated 300 people": the workers' work is the event.
    if e.opts.agent
        && all.iter().any(|o| {
            o.a >= c.b
                && o.a < cb
                && !o.entry().opts.agent
                && disaster::family(&o.entry().kind) == disaster::Family::Response
        })
    {
        return None;
    }
    // "marched … to protest": the purpose restates the event already found.
    if e.form == Form::Base
        && s.prev_nq(c.a).is_some_and(|p| s.low(p) == "to")
        && all
            .iter()
            .any(|o| o.a < c.a && o.a >= ca && o.entry().kind == e.kind)
    {
        return None;
    }

    let ta = trigger_start(s, c);
    let form = if ta < c.a { Form::Past } else { e.form };
    let trig_span = s.span_of(ta, c.b);

    // ---- actors
    let in_time = &ctx.in_time;
    // "killed by gunfire" names the means, not who did it.
    let by_np: Option<Np> = (c.b..(c.b + 6).min(cb))
        .find(|&i| s.low(i) == "by")
        .and_then(|i| right_np(s, i + 1, in_time))
        .filter(|&(a, b)| s.find_in(a, b, "instrument").is_none());
    let with_np: Option<Np> = if matches!(s.low(c.b.saturating_sub(1)), "with" | "between") {
        right_np(s, c.b, in_time)
    } else {
        (c.b..(c.b + 4).min(cb))
            .find(|&i| matches!(s.low(i), "with" | "between"))
            .and_then(|i| right_np(s, i + 1, in_time))
    };
    let mut actors = Actors::default();
    let mut passive = false;
    let mut restates: bool;
    let mut indefinite = false;
    let mut lethal_agent = false;
    if form.is_verb() {
        // "86 people had been detained by 6am": a running count, an update of the event.
        restates = (c.b..(c.b + 3).min(cb))
            .any(|i| s.low(i) == "by" && in_time.get(i + 1).copied().unwrap_or(false));
        // "rioting …, in which shops were looted": a part of the event just told.
        let sub_clause = (ca.saturating_sub(1)..c.a).any(|i| {
            s.low(i) == "which"
                && i > 0
                && matches!(s.low(i - 1), "in" | "during" | "amid" | "throughout")
        });
        if sub_clause && all.iter().any(|o| o.b <= c.a && o.entry().kind == e.kind) {
            restates = true;
        }
    } else {
        // "It was the third mass shooting this year": a comment on the event just told.
        restates = (ca..c.a).any(|i| {
            matches!(s.low(i), "it" | "this" | "that")
                && matches!(s.low(i + 1), "was" | "is" | "marked")
        });
        // "a nationwide strike": new, not a reference back.
        let mut p = s.prev_nq(c.a);
        for _ in 0..3 {
            match p {
                Some(q) if q >= ca && matches!(s.low(q), "a" | "an" | "another") => {
                    indefinite = true;
                    break;
                }
                Some(q) if q > ca && !s.is_punct(q) && !s.is(q, "det") => p = s.prev_nq(q),
                _ => break,
            }
        }
    }
    if form.is_verb() {
        // "The youngest person arrested is 13": the participle only describes the subject
        // of a copular sentence; it reports no event of its own.
        if form == Form::Past
            && subj_np_hint(s, ta)
            && s.prev_nq(ta).is_some_and(|p| !s.cap(p) || p > ca)
            && s.next_nq(c.b)
                .is_some_and(|j| matches!(s.low(j), "is" | "was" | "are" | "were"))
        {
            return None;
        }
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
        // A participle with no object after a noun is a reduced passive: "thousands of
        // protesters detained", "a statue toppled".
        if form == Form::Past
            && !passive
            && transitive(kind)
            && !matches!(kind, "consultation" | "clash" | "order" | "accusation")
            && right_np(s, c.b, in_time).is_none()
            && subj_np_hint(s, ta)
        {
            passive = true;
        }
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
            actors.target = subj_np.map(|np| {
                if kind == "demolition" {
                    // The thing torn down, not the person it depicts.
                    text_actor(doc, s, np)
                } else {
                    actor_of(doc, s, np)
                }
            });
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
        // "The deal was killed": the patient must be able to die.
        if e.opts.patient {
            let patient = if passive {
                subj_np
            } else {
                right_np(s, c.b, in_time)
            };
            if patient.is_some_and(|(a, b)| s.find_in(a, b, "inanimate").is_some()) {
                return None;
            }
            // "We were killed on the break": a speaker who was killed says nothing.
            if passive && subj_np.is_some_and(|(a, b)| b == a + 1 && matches!(s.low(a), "we" | "i"))
            {
                return None;
            }
        }
        // Tolls are the figures stage's business: "dozens were killed", "thousands of
        // protesters detained" with no one doing it.
        let killer = if kind == "killing" {
            killer_kind(s, c, passive, subj_np)
        } else {
            Killer::Unknown
        };
        lethal_agent = killer == Killer::Lethal;
        if killer == Killer::Hazard {
            return None;
        }
        // A person or weapon doing it makes even a counted toll a killing: "19 were
        // killed when gunmen stormed the bus".
        if e.opts.count && killer != Killer::Lethal {
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
        // ", killing at least 19 people": the toll of the event just told, unless a
        // person or weapon did it ("shelling struck the market, killing 19"); a quake or a
        // flood "killing" people is no killing at all.
        if kind == "killing" {
            let killer = killer_kind(s, c, false, None);
            lethal_agent = killer == Killer::Lethal;
            if killer == Killer::Hazard
                || (killer != Killer::Lethal && is_count(s, (c.b, (c.b + 6).min(cb))))
            {
                return None;
            }
        }
        // Nominal: "X's resignation", "the arrest of X", "clashes with police".
        let possessor = s
            .prev_nq(c.a)
            .filter(|&p| p >= ca && (s.is(p, "possessive") || s.low(p).ends_with("'s")));
        // "Thursday's march" names a day, not an organiser: it points back to the march
        // already told.
        if possessor.is_some_and(|p| in_time.get(p).copied().unwrap_or(false)) {
            restates = true;
        }
        let possessor = possessor.filter(|&p| !in_time.get(p).copied().unwrap_or(false));
        let of_np = (s.low(c.b) == "of")
            .then(|| right_np(s, c.b + 1, in_time))
            .flatten();
        let owner = possessor.map(|p| owner_actor(doc, s, p));
        let of_actor = of_np.map(|np| actor_of(doc, s, np));
        if nominal_of_is_target(kind) {
            actors.target = owner.or(of_actor);
            actors.agent = by_np.map(|np| actor_of(doc, s, np));
        } else {
            actors.agent = owner
                .or(of_actor)
                .or_else(|| by_np.map(|np| actor_of(doc, s, np)));
            if matches!(kind, "clash" | "consultation") {
                actors.target = with_np.map(|np| actor_of(doc, s, np));
            }
        }
    }

    // ---- claim, status, hedge
    let claim = ctx.contents.covering_claim(doc, trig_span);
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

    // A hedged report of an event ("reportedly", "unconfirmed reports of") leaves it
    // contested: claimed, not occurred.
    if hedged && status == EventStatus::Occurred {
        status = EventStatus::Claimed;
    }

    // ---- date
    let dist = |i: usize| i.abs_diff(c.a);
    // A timex inside a trigger is the declared object ("declared 10 June a day of
    // mourning"), not when the event happened.
    // "since Saturday", "their February level" bound or describe, they do not date.
    let usable = |(i, t): &&(usize, &Timex)| {
        !trigger_spans.iter().any(|sp| sp.contains(t.span))
            && !bounding(s, *i)
            && !describing(s, *i)
    };
    // "arrested since Saturday": ongoing up to the report, so the report's date, not
    // the narrative's.
    let since = ctx
        .timexes
        .iter()
        .any(|(i, _)| *i >= ca && *i < cb && bounding(s, *i));
    // "appointed X and said elections would be held in the spring": a timex past a
    // reporting verb or a future cue belongs to that other verb.
    let between = |i: usize, report: bool| {
        let (lo, hi) = if i < c.a { (i, c.a) } else { (c.b, i) };
        status == EventStatus::Planned
            || !(lo..hi)
                .any(|k| (report && s.is(k, "report_verb")) || s.member_at(k, "planned").is_some())
    };
    let same_phrase = |i: usize| between(i, true);
    // A timex after another trigger that follows a comma dates that other event: "86
    // had been detained by 6am, and a further 12 were arrested on Sunday". A fronted
    // timex ("The next day, …; two men were shot dead") scopes the whole sentence.
    let other_event_clause = |i: usize| {
        i >= c.b
            && all.iter().any(|o| {
                o.a >= c.b && o.b <= i && (c.b..o.a).any(|k| s.is_punct(k) && !s.is_quote(k))
            })
    };
    let in_clause = ctx
        .timexes
        .iter()
        .filter(usable)
        .filter(|(i, _)| *i >= ca && *i < cb && same_phrase(*i) && !other_event_clause(*i))
        .min_by_key(|(i, _)| dist(*i));
    let in_sentence = || {
        ctx.timexes
            .iter()
            .filter(usable)
            .filter(|(i, _)| between(*i, false) && !other_event_clause(*i))
            .min_by_key(|(i, _)| dist(*i))
    };
    let own = in_clause.or_else(in_sentence);
    // A hazard or accident its own words date two or more years before publication is
    // history, not this story's event: "an eruption in 1911 killed 1,300", "the 2011
    // quake that triggered a tsunami".
    if own.is_some_and(|(_, t)| past_disaster(doc, kind, &t.value)) {
        return None;
    }
    // A hazard, accident or response is dated to a day or not at all: "in 1950", "this
    // week", "in November" do not say when it struck.
    let own = own.filter(|(_, t)| !disaster::merges_per_document(kind) || is_day(Some(&t.value)));
    let own_date = own.is_some();
    // An event dated after publication is announced, not reported: "another day of
    // action on April 2" in a March story.
    if status == EventStatus::Occurred {
        let published = doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string());
        let day = own.and_then(|(_, t)| t.value.get(..10));
        if let (Some(day), Some(p)) = (day, published.as_deref()) {
            if is_day(Some(day)) && day > p {
                status = EventStatus::Planned;
            }
        }
    }
    let (date, timex) = if let Some((_, t)) = own {
        (Some(t.value.clone()), Some(t.id.clone()))
    } else if disaster::merges_per_document(kind) {
        // A hazard or its response is dated by its own words only: the narrative's day
        // is often a later day of the story ("On Tuesday rescuers… the quake").
        (None, None)
    } else if narrative.0.is_some() && !since {
        narrative.clone()
    } else if let Some(cl) = claim.filter(|cl| cl.date.is_some()) {
        (cl.date.clone(), cl.timex.clone())
    } else {
        // The text does not date it: the publication day would be a guess.
        (None, None)
    };
    let date = date.map(|d| day_of(&d).to_string());

    let event = Event {
        id: String::new(),
        kind: kind.to_string(),
        trigger: Trigger {
            text: doc.slice(trig_span).to_string(),
            span: trig_span,
        },
        actors,
        place: pick_place(
            s,
            places,
            c.a,
            c.b,
            matches!(
                kind,
                "assault" | "attack" | "demolition" | "deployment" | "explosion" | "riot"
            ),
        )
        .or_else(|| name_after_locative(doc, ctx, c.a)),
        date,
        timex,
        status,
        claim: claim.map(|cl| cl.id.clone()),
        hedged,
        span: clause_span,
    };
    Some(Found {
        event,
        nominal: e.form == Form::Noun && ta == c.a,
        restates,
        indefinite,
        own_date,
        lethal_agent,
        agent_noun: e.opts.agent,
    })
}

#[cfg(test)]
mod tests;
