//! The event rules: trigger matching and checks, then status, actors, date and place for
//! each accepted trigger. Everything here works on one [`Sent`] at a time, with the
//! document's earlier layers (timexes, entities, claims) for anchoring.

use crate::lexicon::{Entry, Form, LEXICON};
use crate::sent::Sent;
use newsledger_model::{
    Actor, Claim, Document, EntityType, EventStatus, MentionKind, Span, SpanIndex, TimexType,
    TokenKind,
};

/// A trigger accepted by the lexicon checks: entry index and token range `[a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cand {
    pub entry: usize,
    pub a: usize,
    pub b: usize,
}

impl Cand {
    pub fn entry(&self) -> &'static Entry {
        // Entry indices come from the lexicon's own matcher, so they are always in range;
        // the fallback keeps this total anyway.
        LEXICON
            .entries
            .get(self.entry)
            .unwrap_or_else(|| &FALLBACK_ENTRY)
    }
}

static FALLBACK_ENTRY: once_cell::sync::Lazy<Entry> = once_cell::sync::Lazy::new(|| Entry {
    kind: String::new(),
    form: Form::Noun,
    len: 0,
    opts: Default::default(),
});

/// Every lexicon match that lands on token boundaries and passes its entry's options,
/// overlaps resolved longest-first.
pub fn find_triggers(s: &Sent) -> Vec<Cand> {
    let Some(matcher) = LEXICON.matcher.as_ref() else {
        return Vec::new();
    };
    // `norm` is the tokens' lower-cased text joined by spaces.
    let norm = s.norm.as_str();
    let (starts, ends): (Vec<usize>, Vec<usize>) =
        (0..s.len()).filter_map(|i| s.low_range(i)).unzip();
    let mut cands = Vec::new();
    for m in matcher.find_overlapping_iter(norm) {
        let (Ok(a), Ok(last)) = (
            starts.binary_search(&m.start()),
            ends.binary_search(&m.end()),
        ) else {
            continue;
        };
        let c = Cand {
            entry: m.pattern().as_usize(),
            a,
            b: last + 1,
        };
        if c.b <= c.a || c.b - c.a != c.entry().len {
            continue;
        }
        if options_ok(s, &c) {
            cands.push(c);
        }
    }
    cands.sort_by_key(|c| (std::cmp::Reverse(c.b - c.a), c.a, c.entry));
    let mut kept: Vec<Cand> = Vec::new();
    for c in cands {
        if kept.iter().all(|k| c.b <= k.a || k.b <= c.a) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.a, c.b));
    kept
}

fn options_ok(s: &Sent, c: &Cand) -> bool {
    let e = c.entry();
    let o = &e.opts;
    let (ca, cb) = s.clause(c.a);
    if !o.ctx.iter().all(|k| s.topic(k)) {
        return false;
    }
    if o.veto.iter().any(|k| s.topic(k)) {
        return false;
    }
    let next = s.next_nq(c.b);
    let prev = s.prev_nq(c.a);
    if let Some(j) = next {
        if o.notnext.iter().any(|k| s.member_at(j, k).is_some()) {
            return false;
        }
    }
    if !o.next.is_empty() && !next.is_some_and(|j| o.next.iter().any(|k| s.is(j, k))) {
        return false;
    }
    if let Some(p) = prev {
        if o.notprev.iter().any(|k| s.member_ending_at(p, k)) {
            return false;
        }
        // Look through a determiner: "lifted the curfew".
        if s.is(p, "det") || s.is(p, "possessive") {
            if let Some(q) = s.prev_nq(p) {
                if o.notprev.iter().any(|k| s.member_ending_at(q, k)) {
                    return false;
                }
            }
        }
    }
    if e.form == Form::Base && !base_licensed(s, c.a) {
        return false;
    }
    if e.form != Form::Base
        && !o.prev.is_empty()
        && !prev.is_some_and(|p| o.prev.iter().any(|k| s.member_ending_at(p, k)))
    {
        return false;
    }
    if !o.near.is_empty()
        && !o
            .near
            .iter()
            .any(|k| s.find_in(c.b, (c.b + 4).min(cb), k).is_some())
    {
        return false;
    }
    if !o.subj.is_empty()
        && !o
            .subj
            .iter()
            .any(|k| s.find_in(c.a.saturating_sub(8).max(ca), c.a, k).is_some())
    {
        return false;
    }
    if !o.obj.is_empty() && !o.obj.iter().any(|k| object_has(s, c.b, cb, k)) {
        return false;
    }
    if o.lower && s.cap(c.a) {
        return false;
    }
    if !o.nearany.is_empty() {
        let lo = c.a.saturating_sub(5).max(ca);
        let hi = (c.b + 5).min(cb);
        let hit = |i: usize| {
            (i < c.a || i >= c.b)
                && (s.platform.get(i).copied().unwrap_or(false)
                    || o.nearany.iter().any(|k| s.member_at(i, k).is_some()))
        };
        if !(lo..hi).any(hit) {
            return false;
        }
    }
    // A label in a key-figures block ("Killed: 52") is a toll, not an event.
    if s.low(c.b) == ":" && c.a == 0 {
        return false;
    }
    if o.declared && !is_declared(s, c) {
        return false;
    }
    if o.pair && !is_pair(s, c) {
        return false;
    }
    if o.order && !order_licensed(s, c) {
        return false;
    }
    true
}

/// The object phrase starting at token `b` (up to six tokens, ending at punctuation, a
/// preposition or a clause boundary) has a word of the class: "sent 400 National Guard
/// troops" but not "sent letters to officers".
fn object_has(s: &Sent, b: usize, cb: usize, class: &str) -> bool {
    let hi = (b + 6).min(cb);
    for i in b..hi {
        if s.member_at(i, class).is_some() {
            return true;
        }
        if (s.is_punct(i) && !s.is_quote(i))
            || (s.is(i, "locative") && s.low(i) != "of")
            || s.is(i, "np_stop")
            || s.is(i, "be_aux")
        {
            return false;
        }
    }
    false
}

/// A state of emergency, curfew or day of mourning is an event where it is declared or
/// imposed ("declared a curfew", "a curfew was imposed", "a curfew will be in force"), not
/// where it is only referred to ("in defiance of the state of emergency").
fn is_declared(s: &Sent, c: &Cand) -> bool {
    let (ca, cb) = s.clause(c.a);
    s.find_in(c.a.saturating_sub(8).max(ca), c.a, "declare_verb")
        .is_some()
        || s.find_in(c.b, (c.b + 5).min(cb), "declare_after").is_some()
}

/// A bare verb is an event only after "to", a modal, "did", or a verb taking a bare
/// infinitive ("saw the government resign"); elsewhere it is likely a noun or imperative.
fn base_licensed(s: &Sent, a: usize) -> bool {
    let Some(p) = s.prev_nq(a) else {
        return false;
    };
    if s.is(p, "to_like") || s.is(p, "pronoun") && matches!(s.low(p), "they" | "we" | "i" | "you") {
        return true;
    }
    let (ca, _) = s.clause(a);
    s.find_in(a.saturating_sub(4).max(ca), a, "bare_inf_ctrl")
        .is_some()
}

/// Two parties: "A and B discussed", "talks with B", "spoke to B" (a name).
fn is_pair(s: &Sent, c: &Cand) -> bool {
    let (ca, cb) = s.clause(c.a);
    let lo = c.a.saturating_sub(12).max(ca);
    let and_before = (lo..c.a).any(|i| s.low(i) == "and" && i > lo);
    let with_after = (c.b..(c.b + 6).min(cb)).any(|i| matches!(s.low(i), "with" | "between"));
    let name_after = s.next_nq(c.b).is_some_and(|j| {
        j < cb && (s.cap(j) || (matches!(s.low(j), "his" | "her" | "their") && j + 1 < cb))
    });
    and_before || with_after || (s.low(c.b.saturating_sub(1)) == "to" && name_after)
}

/// "ordered" makes an order event only with something ordered: "to <verb>", a nominal
/// event ("ordered the arrest of"), or forces sent somewhere. Purchase orders, "in order
/// to", "restore order" stay out.
fn order_licensed(s: &Sent, c: &Cand) -> bool {
    let (_, cb) = s.clause(c.a);
    let hi = (c.b + 10).min(cb);
    // "order to" entries already end in "to".
    if s.low(c.b.saturating_sub(1)) == "to" {
        return s.next_nq(c.b).is_some_and(|j| j < cb && verb_like(s, j));
    }
    for i in c.b..hi {
        if s.is_punct(i) && !s.is_quote(i) {
            break;
        }
        if s.low(i) == "to" {
            return s.next_nq(i + 1).is_some_and(|j| j < cb && verb_like(s, j));
        }
    }
    // "The town was ordered evacuated": a passive order with its participle.
    let passive = s.prev_nq(c.a).is_some_and(|p| s.is(p, "be_aux"));
    if passive && c.b < cb && s.low(c.b).ends_with("ed") && verb_like(s, c.b) {
        return true;
    }
    // A nominal event or forces within the object: "ordered an inquiry", "ordered troops".
    let hi = (c.b + 4).min(cb);
    (c.b..hi).any(|i| s.is(i, "forces_strong") || s.is(i, "order_object"))
}

/// A word that can follow infinitival "to" ("to kill"), unlike "to 230" or "to the".
fn verb_like(s: &Sent, j: usize) -> bool {
    s.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
        && !s.is(j, "det")
        && !s.is(j, "possessive")
        && !s.cap(j)
}

// ---------------------------------------------------------------- noun phrases and actors

/// A noun phrase as token range.
pub type Np = (usize, usize);

/// The subject noun phrase left of token `a`: skips adverbs, auxiliaries and a dating
/// phrase ("on Saturday"), then takes words up to a clause boundary.
pub fn left_np(s: &Sent, a: usize, in_time: &[bool]) -> Option<Np> {
    let (ca, _) = s.clause(a);
    let mut i = a;
    // Skip adverbs/auxiliaries/quotes and a time phrase between subject and verb.
    while i > ca {
        let k = i - 1;
        let skip_time = in_time.get(k).copied().unwrap_or(false)
            || (matches!(s.low(k), "on" | "in" | "at" | "late" | "early" | "earlier")
                && in_time.get(k + 1).copied().unwrap_or(false)
                && k + 1 < a);
        if s.is(k, "adverb") || s.is(k, "be_aux") || s.is_quote(k) || skip_time {
            i = k;
        } else {
            break;
        }
    }
    let end = i;
    let mut start = end;
    let mut j = end;
    let mut taken = 0;
    while j > ca && taken < 12 {
        let k = j - 1;
        let w = s.low(k);
        if s.is_quote(k) {
            j = k;
            continue;
        }
        if s.is_punct(k) {
            break;
        }
        if s.is(k, "pronoun") && !s.is(k, "possessive") {
            if taken == 0 {
                start = k;
            }
            break;
        }
        if w == "and" {
            if k > ca && s.cap(k - 1) && taken > 0 {
                j = k;
                start = k;
                taken += 1;
                continue;
            }
            break;
        }
        if s.is(k, "locative") && w != "of" && taken > 0 && k > ca {
            // "Protesters in Almaty stormed…": keep going, the PP is dropped below.
            let before = k - 1;
            if !s.is_punct(before) && !s.is(before, "np_stop") && !s.is(before, "adverb") {
                j = k;
                start = k;
                taken += 1;
                continue;
            }
            break;
        }
        if s.member_at(k, "count").is_some() {
            // "at least 40", "more than 3,000": part of the phrase.
            start = k;
            j = k;
            taken += 1;
            continue;
        }
        if s.is(k, "np_stop")
            || s.member_ending_at(k, "subordinator")
            || s.is(k, "report_verb")
            || s.is(k, "be_aux")
            || (taken > 0 && s.is(k, "adverb"))
            || in_time.get(k).copied().unwrap_or(false)
        {
            break;
        }
        start = k;
        j = k;
        taken += 1;
    }
    if start >= end {
        return None;
    }
    // Drop a trailing locative PP: "Protesters in Almaty" → "Protesters".
    let mut np_end = end;
    for k in start + 1..end {
        if s.is(k, "locative") && s.low(k) != "of" {
            np_end = k;
            break;
        }
    }
    // Trim a leading determiner-less connector.
    let mut st = start;
    while st < np_end && s.is_quote(st) {
        st += 1;
    }
    (st < np_end).then_some((st, np_end))
}

/// The object noun phrase starting at token `b`.
pub fn right_np(s: &Sent, b: usize, in_time: &[bool]) -> Option<Np> {
    let (_, cb) = s.clause(b.min(s.len().saturating_sub(1)));
    let mut i = b;
    while i < cb && s.is_quote(i) {
        i += 1;
    }
    let start = i;
    let mut end = i;
    while i < cb && i < start + 10 {
        let w = s.low(i);
        if s.is_quote(i) {
            i += 1;
            continue;
        }
        if s.is_punct(i) || in_time.get(i).copied().unwrap_or(false) {
            break;
        }
        if w == "and" {
            if i > start && s.cap(i - 1) && s.cap(i + 1) {
                i += 1;
                continue;
            }
            break;
        }
        if (s.is(i, "np_stop") && w != "of")
            || s.member_at(i, "subordinator").is_some()
            || s.is(i, "be_aux")
            || s.is(i, "report_verb")
            || (i > start && s.is(i, "locative") && w != "of")
        {
            break;
        }
        i += 1;
        end = i;
    }
    // An object cannot start with a preposition ("detained on suspicion").
    if end <= start || s.is(start, "locative") || s.is(start, "np_stop") {
        return None;
    }
    // Drop a trailing "of" left by the boundary.
    let mut e = end;
    while e > start && matches!(s.low(e - 1), "of" | "the" | "a" | "an") {
        e -= 1;
    }
    (e > start).then_some((start, e))
}

/// Is the noun phrase just a quantity ("dozens", "more than 3,000 protesters")?
pub fn is_count(s: &Sent, np: Np) -> bool {
    let (mut i, end) = np;
    if s.find_in(i, (i + 3).min(end), "count_head").is_some() {
        return true;
    }
    while i < end {
        if (s.is(i, "det") || s.is_quote(i)) && s.member_at(i, "count").is_none() {
            i += 1;
            continue;
        }
        if let Some(n) = s.member_at(i, "count") {
            if s.is(i, "big_number_word") {
                return true;
            }
            i += n;
            continue;
        }
        break;
    }
    if i >= end {
        return false;
    }
    if s.is(i, "big_number_word") {
        return true;
    }
    if let Some(t) = s.toks.get(i) {
        if t.kind == TokenKind::Number {
            let digits: String = s.low(i).chars().filter(char::is_ascii_digit).collect();
            return digits.parse::<u64>().map(|v| v >= 10).unwrap_or(true);
        }
    }
    false
}

/// The noun phrase as written, with no entity.
pub fn text_actor(doc: &Document, s: &Sent, np: Np) -> Actor {
    Actor {
        text: doc.slice(s.span_of(np.0, np.1)).to_string(),
        entity: None,
    }
}

/// A possessor ("his", "Tokayev's"): the entity it mentions, or the word as written.
pub fn owner_actor(doc: &Document, s: &Sent, p: usize) -> Actor {
    let span = s.span_of(p, p + 1);
    for e in &doc.layers.entities {
        for m in &e.mentions {
            if span.contains(m.span) || m.span.contains(span) {
                return Actor {
                    text: doc.slice(m.span).to_string(),
                    entity: Some(e.id.clone()),
                };
            }
        }
    }
    text_actor(doc, s, (p, p + 1))
}

/// Resolve a noun phrase to an actor: an entity mentioned in its first conjunct (person or
/// organisation first, possessive modifiers last), else the phrase as written.
pub fn actor_of(doc: &Document, s: &Sent, np: Np) -> Actor {
    let (a, b) = np;
    let and = (a..b).find(|&i| s.low(i) == "and").unwrap_or(b);
    actor_in(doc, s, (a, and)).unwrap_or_else(|| Actor {
        text: doc.slice(s.span_of(a, b)).to_string(),
        entity: None,
    })
}

/// The second conjunct of "A and B", as an actor.
pub fn second_conjunct(doc: &Document, s: &Sent, np: Np) -> Option<Actor> {
    let (a, b) = np;
    let and = (a..b).find(|&i| s.low(i) == "and")?;
    if and + 1 >= b {
        return None;
    }
    actor_in(doc, s, (and + 1, b)).or_else(|| {
        Some(Actor {
            text: doc.slice(s.span_of(and + 1, b)).to_string(),
            entity: None,
        })
    })
}

fn actor_in(doc: &Document, s: &Sent, np: Np) -> Option<Actor> {
    let (a, b) = np;
    if a >= b {
        return None;
    }
    let span = s.span_of(a, b);
    let mut best: Option<(u8, usize, &str, Span)> = None;
    for e in &doc.layers.entities {
        for m in &e.mentions {
            if !span.contains(m.span) {
                continue;
            }
            let text = doc.slice(m.span);
            let after = doc.text.get(m.span.end()..).unwrap_or("");
            let possessive = after.starts_with("’s")
                || after.starts_with("'s")
                || text.ends_with("’s")
                || text.ends_with("'s")
                || (m.kind == MentionKind::Pronoun
                    && matches!(
                        text.to_lowercase().as_str(),
                        "his" | "her" | "their" | "its"
                    )
                    && b > a + 1);
            let hyphen = after.starts_with('-');
            let rank = match (e.kind, possessive || hyphen) {
                (EntityType::Person | EntityType::Org, false) => 0,
                (_, false) => 1,
                (_, true) => 2,
            };
            let better = match best {
                None => true,
                Some((r, end, _, _)) => rank < r || (rank == r && m.span.end() > end),
            };
            if better {
                best = Some((rank, m.span.end(), e.id.as_str(), m.span));
            }
        }
    }
    let (rank, _, id, sp) = best?;
    // Only a modifier matched ("the city's main office", "a Russia-led bloc"): the phrase
    // itself is the actor.
    if rank == 2 {
        return None;
    }
    Some(Actor {
        text: doc.slice(sp).to_string(),
        entity: Some(id.to_string()),
    })
}

// ---------------------------------------------------------------- status

/// What the words before a trigger say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Skip,
    Status(EventStatus),
}

pub fn modality(s: &Sent, c: &Cand) -> Modality {
    let (ca, _) = s.clause(c.a);
    // The window stops at a relative pronoun: "officials who had called for…" must not
    // leak into the next verb.
    let mut lo = c.a.saturating_sub(5).max(ca);
    for i in (lo..c.a).rev() {
        if matches!(s.low(i), "who" | "which" | "that" | "whom") {
            lo = i + 1;
            break;
        }
    }
    let in_window = |class: &str, from: usize| {
        (from..c.a).any(|i| s.member_at(i, class).is_some_and(|n| i + n <= c.a))
    };
    if in_window("negation", c.a.saturating_sub(4).max(lo)) {
        return Modality::Skip;
    }
    if in_window("generic", c.a.saturating_sub(3).max(lo)) {
        return Modality::Skip;
    }
    // "those killed", "the detained": the people, not an event.
    if c.entry().form.is_verb()
        && s.prev_nq(c.a)
            .is_some_and(|p| p >= ca && matches!(s.low(p), "those" | "the"))
    {
        return Modality::Skip;
    }
    // Infinitive complements: the controlling verb decides.
    let prev = s.prev_nq(c.a);
    if prev.is_some_and(|p| s.low(p) == "to") && c.entry().form == Form::Base {
        let p = prev.unwrap_or(0);
        let lo2 = p.saturating_sub(8).max(ca);
        if (lo2..p).any(|i| s.is(i, "defiance")) {
            return Modality::Status(EventStatus::Occurred);
        }
        if (lo2..p).any(|i| s.is(i, "ordered")) || (lo2..p).any(|i| is_order_at(s, i)) {
            return Modality::Status(EventStatus::Ordered);
        }
        if c.entry().kind == "protest" && (lo2..p).any(|i| s.member_at(i, "call_ctrl").is_some()) {
            return Modality::Status(EventStatus::Planned);
        }
        if (p.saturating_sub(4).max(ca)..p).any(|i| s.member_at(i, "irrealis").is_some()) {
            return Modality::Skip;
        }
        if (p.saturating_sub(3).max(ca)..=p).any(|i| s.member_ending_at(i, "occurred_ctrl")) {
            return Modality::Status(EventStatus::Occurred);
        }
        return Modality::Status(EventStatus::Planned);
    }
    // A call for a protest announces one; a call for a resignation is only a demand.
    if c.entry().kind == "protest" && in_window("call_ctrl", lo) {
        return Modality::Status(EventStatus::Planned);
    }
    if in_window("irrealis", lo) {
        return Modality::Skip;
    }
    // "in the riots", "amid the protests", "despite the arrest": a reference back to an
    // event told elsewhere, not a report of one.
    if c.entry().form == Form::Noun && s.low(c.b) != "of" {
        // Allow one modifier: "of the mass riots", "since the recent protests".
        let mut p = s.prev_nq(c.a).filter(|&p| p >= ca);
        if let Some(q) = p.filter(|&q| !s.is(q, "det") && !s.is_punct(q) && !s.cap(q)) {
            p = s.prev_nq(q).filter(|&r| r >= ca && s.low(r) == "the");
        }
        if let Some(p) = p {
            if matches!(s.low(p), "the" | "these" | "those" | "this")
                && s.prev_nq(p)
                    .is_some_and(|q| q >= ca && s.is(q, "anaphor_prep"))
            {
                return Modality::Skip;
            }
        }
    }
    // "accused the police of firing on…": the accusation's content is contested.
    if (c.a.saturating_sub(8).max(ca)..c.a).any(|i| {
        matches!(
            s.low(i),
            "accused" | "accuses" | "accusing" | "blamed" | "blames"
        ) && (i + 1..c.a).any(|k| matches!(s.low(k), "of" | "for"))
    }) {
        return Modality::Status(EventStatus::Claimed);
    }
    let lo_deny = c.a.saturating_sub(12);
    if (lo_deny..c.a).any(|i| s.member_at(i, "denied").is_some()) {
        return Modality::Status(EventStatus::Denied);
    }
    if in_window("planned", lo) {
        return Modality::Status(EventStatus::Planned);
    }
    Modality::Status(EventStatus::Occurred)
}

fn is_order_at(s: &Sent, i: usize) -> bool {
    matches!(s.low(i), "ordered" | "orders" | "order" | "ordering")
}

/// Hedge words anywhere in the clause ("reportedly", "reports of").
pub fn clause_hedged(s: &Sent, a: usize) -> bool {
    let (ca, cb) = s.clause(a);
    s.find_in(ca, cb, "hedge").is_some()
}

/// The claim whose content covers the span (the innermost one).
// The stage asks `ContentIndex` (same answer, indexed); kept as the reference it is tested against.
#[cfg_attr(not(test), allow(dead_code))]
pub fn covering_claim(doc: &Document, span: Span) -> Option<&Claim> {
    doc.layers
        .claims
        .iter()
        .filter_map(|c| {
            c.content
                .iter()
                .filter(|p| p.contains(span))
                .map(|p| p.len())
                .min()
                .map(|len| (len, c))
        })
        .min_by_key(|(len, _)| *len)
        .map(|(_, c)| c)
}

// ---------------------------------------------------------------- date and place

/// A timex usable as an event date: a calendar date/time with a resolved value.
pub fn datable(kind: TimexType, value: &str) -> bool {
    let day_part = ["TMO", "TAF", "TEV", "TNI", "TDT"]
        .iter()
        .any(|p| value.ends_with(p));
    // Clock times ("from 22:00 to 06:00", "at 2 p.m.") say when in the day, and are often
    // schedules; the day itself comes from a date.
    (kind == TimexType::Date || (kind == TimexType::Time && day_part))
        && value.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Rank of a place subtype for event location: the city is what event datasets code.
fn place_rank(subtype: Option<&str>) -> u8 {
    match subtype {
        Some("city") => 0,
        Some("landmark") => 1,
        Some("region") => 2,
        Some("country") => 3,
        // "the Himalayas", "Europe": wider than the country the event is in.
        Some("world_region") => 4,
        _ => 2,
    }
}

/// A place mention candidate in a sentence.
#[derive(Debug, Clone)]
pub struct PlaceCand {
    pub entity: String,
    pub span: Span,
    pub tok: usize,
    pub rank: u8,
    pub locative: bool,
    pub name: bool,
}

/// Every entity mention of a document, searchable by span: asking the whole entity layer
/// per sentence is quadratic on one long document.
pub struct MentionIndex {
    /// Probe span of each mention: the mention's span, or for an empty one a span one byte
    /// wider on each side, so that an overlap query finds every mention a query span
    /// contains or overlaps (the callers then apply their own test).
    idx: SpanIndex,
    /// (entity, mention) of each probe, in layer order.
    refs: Vec<(usize, usize)>,
}

impl MentionIndex {
    pub fn new(doc: &Document) -> Self {
        let mut spans = Vec::new();
        let mut refs = Vec::new();
        for (ei, e) in doc.layers.entities.iter().enumerate() {
            for (mi, m) in e.mentions.iter().enumerate() {
                let probe = if m.span.is_empty() {
                    Span::new(m.span.start().saturating_sub(1), m.span.start() + 1)
                } else {
                    m.span
                };
                spans.push(probe);
                refs.push((ei, mi));
            }
        }
        MentionIndex {
            idx: SpanIndex::new(spans),
            refs,
        }
    }

    /// The mentions that may lie in, contain or overlap `q`, in layer order (every
    /// mention when `q` is empty).
    pub fn near<'d>(
        &self,
        doc: &'d Document,
        q: Span,
    ) -> Vec<(&'d newsledger_model::Entity, &'d newsledger_model::Mention)> {
        let get = |&(ei, mi): &(usize, usize)| {
            let e = doc.layers.entities.get(ei)?;
            Some((e, e.mentions.get(mi)?))
        };
        if q.is_empty() {
            return self.refs.iter().filter_map(get).collect();
        }
        self.idx
            .overlapping(q)
            .into_iter()
            .filter_map(|k| self.refs.get(k))
            .filter_map(get)
            .collect()
    }
}

pub fn place_cands(doc: &Document, s: &Sent, mentions: &MentionIndex) -> Vec<PlaceCand> {
    let mut out = Vec::new();
    for (e, m) in mentions.near(doc, s.span) {
        if e.kind != EntityType::Place {
            continue;
        }
        if !s.span.contains(m.span) || m.kind == MentionKind::Pronoun {
            continue;
        }
        let after = doc.text.get(m.span.end()..).unwrap_or("");
        let text = doc.slice(m.span);
        // "Russia-led", "Kazakhstan's capital": modifiers, not locations.
        if after.starts_with('-')
            || after.starts_with("’s")
            || after.starts_with("'s")
            || text.ends_with("’s")
            || text.ends_with("'s")
            || after.starts_with('’') && m.kind == MentionKind::Nominal
        {
            continue;
        }
        let Some(tok) = s.tok_at(m.span.start()) else {
            continue;
        };
        // A token that runs past the mention is an adjective use ("Russia-led").
        if s.toks
            .get(tok)
            .is_some_and(|t| t.span.start() < m.span.start())
        {
            continue;
        }
        let (ca, _) = s.clause(tok);
        let locative = is_locative(s, tok, ca);
        out.push(PlaceCand {
            entity: e.id.clone(),
            span: m.span,
            tok,
            rank: place_rank(e.subtype.as_deref()),
            locative,
            name: m.kind == MentionKind::Name,
        });
    }
    out.sort_by_key(|p| p.span);
    out
}

/// A place mention introduced by a locative preposition: "in Almaty", "near the border
/// town of X", "to Kazakhstan", or the apposition "in the country's biggest city, Almaty".
fn is_locative(s: &Sent, tok: usize, ca: usize) -> bool {
    let lo = tok.saturating_sub(3).max(ca);
    for i in (lo..tok).rev() {
        if let Some(n) = s.member_at(i, "locative") {
            // "to" is locative only right before the place ("to Kazakhstan", "to the
            // capital"), not as an infinitive marker ("to discuss Taiwan").
            if s.low(i) == "to" && !(i + 1 == tok || (i + 2 == tok && s.is(i + 1, "det"))) {
                continue;
            }
            if i + n <= tok {
                return true;
            }
        }
    }
    // Apposition: "…city, Almaty" takes the locative of the noun before the comma.
    if tok >= 2 && s.low(tok - 1) == "," && s.is(tok - 2, "place_noun") {
        let lo = tok.saturating_sub(8).max(ca);
        return (lo..tok - 2).any(|i| s.is(i, "locative") && s.low(i) != "to");
    }
    false
}

/// Place of an event at tokens `[a, b)`: the best place in its clause, else a locative
/// place elsewhere in the sentence.
pub fn pick_place(
    s: &Sent,
    cands: &[PlaceCand],
    a: usize,
    b: usize,
    direct_place: bool,
) -> Option<String> {
    let (ca, cb) = s.clause(a);
    let key = |p: &PlaceCand| {
        (
            !p.locative,
            !p.name,
            p.rank,
            if p.tok >= a { p.tok - a } else { a - p.tok + 4 },
        )
    };
    // Without a locative preposition a place is usually a topic or an object ("to
    // discuss Taiwan"); only a place right after the trigger ("stormed Almaty airport",
    // "shelled Kharkiv") is where the event happened.
    cands
        .iter()
        .filter(|p| p.tok >= ca && p.tok < cb)
        .filter(|p| p.locative || (p.tok >= b && p.tok <= b + 2 && direct_place))
        .min_by_key(|p| key(p))
        .or_else(|| {
            cands
                .iter()
                .filter(|p| p.locative && p.name)
                .min_by_key(|p| key(p))
        })
        .map(|p| p.entity.clone())
}

#[cfg(test)]
mod mention_index_tests {
    use super::*;
    use newsledger_model::{Entity, Mention, Meta};

    fn entity(k: usize, span: Span) -> Entity {
        Entity {
            id: format!("e{k}"),
            kind: EntityType::Place,
            subtype: None,
            name: String::new(),
            aliases: Vec::new(),
            mentions: vec![Mention {
                span,
                kind: MentionKind::Name,
            }],
            roles: Vec::new(),
            geo: None,
        }
    }

    #[test]
    fn near_finds_every_mention_a_scan_finds() {
        let text = "a".repeat(60);
        let mut doc = Document::new("t", text, Meta::default());
        let spans = [
            (0, 0),
            (0, 4),
            (3, 9),
            (10, 10),
            (12, 20),
            (20, 20),
            (59, 60),
            (60, 60),
        ];
        for (k, (a, b)) in spans.iter().enumerate() {
            doc.layers.entities.push(entity(k, Span::new(*a, *b)));
        }
        let idx = MentionIndex::new(&doc);
        for a in 0..=60 {
            for len in [0, 1, 3, 12] {
                let q = Span::new(a, (a + len).min(60));
                let near: Vec<&str> = idx
                    .near(&doc, q)
                    .iter()
                    .map(|(e, _)| e.id.as_str())
                    .collect();
                for e in &doc.layers.entities {
                    for m in &e.mentions {
                        if q.contains(m.span) || m.span.contains(q) || m.span.overlaps(q) {
                            assert!(near.contains(&e.id.as_str()), "{q:?} {:?}", m.span);
                        }
                    }
                }
            }
        }
    }
}
