//! What lies between a cue and its speaker or content: adverbs, time words, audiences, channels.

use super::*;

/// Step back over adverbs, auxiliaries and time words between a cue and its speaker.
/// Returns the index of the first token left of them, or None for a negated or passive cue.
pub(super) fn skip_back(ctx: &Ctx, i: usize, sa: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    loop {
        if j < sa {
            return None;
        }
        let w = ctx.lower(j);
        if any(w, NEG) {
            return None;
        }
        let adverb = w.len() > 4
            && w.ends_with("ly")
            && ctx.is_word(j)
            && !any(w, &["only", "family", "italy", "assembly"]);
        if any(w, PRE_CUE_SKIP) || adverb || (ctx.timeish(j) && ctx.is_word(j)) {
            if j == sa {
                return None;
            }
            j -= 1;
            continue;
        }
        if any(w, BE) && w != "'s" {
            return None;
        }
        return Some(j);
    }
}

/// Skip modifiers of an attribution after the cue: time words, "in a statement", "on Twitter",
/// "to reporters", adverbs. Returns the first token after them.
pub(super) fn skip_mods(ctx: &Ctx, mut j: usize, sb: usize) -> usize {
    let mut guard = 0;
    while j < sb && guard < 8 {
        guard += 1;
        let w = ctx.lower(j).to_string();
        // "said on condition of anonymity"
        if w == "on" && ctx.lower(j + 1) == "condition" && ctx.lower(j + 2) == "of" {
            j += 4;
            continue;
        }
        if ctx.timeish(j) && ctx.is_word(j)
            || ctx.tok(j).is_some_and(|t| t.kind == crate::text::TK::Num) && ctx.timeish(j)
        {
            j += 1;
            continue;
        }
        if w.len() > 4 && w.ends_with("ly") && ctx.is_word(j) && !any(&w, &["only"]) {
            j += 1;
            continue;
        }
        if any(&w, ATTR_PREPS) {
            if ctx.timeish(j + 1) {
                j += 2;
                continue;
            }
            let last = attr_phrase_last(ctx, j, sb);
            if let Some(l) = last {
                j = l + 1;
                // A proper name right after ("an interview with CNN") belongs to the phrase.
                while j < sb
                    && ctx.tok(j).is_some_and(|t| t.cap && t.is_word())
                    && any(ctx.lower(l), &["with", "to"])
                {
                    j += 1;
                }
                continue;
            }
            if any(
                &w,
                &[
                    "also",
                    "again",
                    "then",
                    "separately",
                    "publicly",
                    "privately",
                    "earlier",
                    "later",
                ],
            ) {
                j += 1;
                continue;
            }
        }
        break;
    }
    j
}

/// Skip the audience of "told": "told Putin", "told reporters", "told the BBC".
pub(super) fn skip_audience(ctx: &Ctx, mut j: usize, sb: usize) -> usize {
    let start = j;
    if ctx.tok(j).is_some_and(|t| t.cap && t.is_word()) {
        while j < sb
            && ctx
                .tok(j)
                .is_some_and(|t| (t.cap && t.is_word()) || t.lower == "'s")
        {
            j += 1;
        }
    } else if any(
        ctx.lower(j),
        &["the", "a", "state", "local", "his", "her", "their", "its"],
    ) {
        let mut m = j + 1;
        while m < sb && m < j + 4 && ctx.tok(m).is_some_and(|t| t.is_word()) {
            if ctx.tok(m).is_some_and(|t| t.cap) || any(ctx.lower(m), AUDIENCE) {
                let mut e = m + 1;
                while e < sb && ctx.tok(e).is_some_and(|t| t.cap && t.is_word()) {
                    e += 1;
                }
                return skip_mods(ctx, e, sb);
            }
            m += 1;
        }
    } else if any(ctx.lower(j), AUDIENCE) {
        j += 1;
    }
    if j == start {
        // "told his cabinet that …", "told delegates at the county fair that …": an object
        // (and where it was told) before "that".
        if let Some(t) = (j + 1..(j + 10).min(sb)).find(|&k| ctx.lower(k) == "that") {
            let place = (j + 1..t).any(|k| any(ctx.lower(k), &["at", "in", "on", "during"]));
            if (t <= j + 4 || place) && (j..t).all(|k| ctx.is_word(k) || ctx.lower(k) == "'s") {
                return t;
            }
        }
        return j;
    }
    let k = skip_mods(ctx, j, sb);
    // "told delegates at the party's convention that …": the audience's place before "that".
    if let Some(t) = (k + 1..(k + 10).min(sb)).find(|&m| ctx.lower(m) == "that") {
        if any(ctx.lower(k), &["at", "in", "on", "during"])
            && (k..t).all(|m| ctx.is_word(m) || ctx.lower(m) == "'s")
        {
            return t;
        }
    }
    k
}

/// A weak cue needs a clause after it: "that", a quote, a colon, "to" + verb, a number,
/// or a finite verb soon after.
pub(super) fn clause_follows(ctx: &Ctx, j: usize, sb: usize, class: CueClass) -> bool {
    let w = ctx.lower(j);
    if w == "that" || w == ":" || ctx.is_open_quote(j) {
        return true;
    }
    if w == "to" && class != CueClass::Finding {
        return true;
    }
    if class == CueClass::Finding && ctx.is_word(j) && !any(w, PREPS) {
        return true;
    }
    if matches!(class, CueClass::Weak | CueClass::Finding | CueClass::Belief) {
        let mut m = j;
        while any(
            ctx.lower(m),
            &[
                "at", "least", "more", "than", "over", "nearly", "about", "some", "a", "total",
                "of", "around", "up", "to", "as", "many", "almost", "roughly", "another",
                "further", "only", "just", "no", "fewer", "between",
            ],
        ) && m < j + 4
        {
            m += 1;
        }
        if (ctx.tok(m).is_some_and(|t| t.kind == crate::text::TK::Num)
            || any(ctx.lower(m), NUMBER_WORDS))
            && !ctx.timeish(m)
        {
            return true;
        }
    }
    if any(w, PREPS) || w == "," {
        return false;
    }
    let mut m = j;
    while m < sb && m < j + 12 {
        let Some(t) = ctx.tok(m) else { break };
        if t.is_punct() && matches!(ctx.slice(t.span), ";" | "." | "|" | "?" | "!") {
            break;
        }
        if any(&t.lower, FINITE) && m > j {
            return true;
        }
        m += 1;
    }
    false
}

/// "urged the public to boil water", "asked residents to stay away", "called on donors to
/// give": an object and a to-infinitive after a directive cue ask someone to act; nothing is
/// reported as fact. `after` is the first token after the cue and its modifiers.
pub(super) fn directive(ctx: &Ctx, lemma: &str, after: usize, sb: usize) -> bool {
    if !word_is(lemma, WordKind::Directive) {
        return false;
    }
    let mut m = after;
    if any(ctx.lower(m), &["on", "upon"]) || lemma == "appeal" && ctx.lower(m) == "to" {
        m += 1;
    }
    let start = m;
    while m < sb && m < start + 10 {
        let w = ctx.lower(m);
        if w == "to" {
            let verb_next = ctx.tok(m + 1).is_some_and(|t| {
                t.is_word() && t.kind != crate::text::TK::Num && !any(&t.lower, DETS)
            });
            return m > start && verb_next;
        }
        let np_part = ctx
            .tok(m)
            .is_some_and(|t| t.is_word() || t.kind == crate::text::TK::Num)
            || matches!(w, "'s" | "’s" | "-");
        // a clause of its own: "told the paper they were forced to wait"
        let clause = any(w, FINITE) || any(w, &["he", "she", "they", "we", "i", "it", "you"]);
        if !np_part || clause || w == "that" || CUES.contains_key(w) {
            return false;
        }
        m += 1;
    }
    false
}

/// After a preposition at token `j`, the last audience, channel or time word inside a short
/// phrase ("to reporters", "in an interview with CNN", "on Friday"), if any.
fn attr_phrase_last(ctx: &Ctx, j: usize, sb: usize) -> Option<usize> {
    let mut last = None;
    let mut m = j + 1;
    while m < sb && m <= j + 5 {
        let Some(t) = ctx.tok(m) else { break };
        if t.is_punct() && !matches!(ctx.slice(t.span), "-") {
            break;
        }
        if t.lower == "that" {
            break;
        }
        let medium = crate::lexicon::MEDIUM_HEADS.contains(t.lower.as_str());
        // Time words count right after the preposition ("on Friday", "late on
        // Friday", "in the morning"), not deep inside a clause.
        let near_time = ctx.timeish(m)
            && (m == j + 1
                || (m == j + 2
                    && any(
                        ctx.lower(j + 1),
                        &["the", "this", "last", "next", "on", "a"],
                    )));
        if any(&t.lower, AUDIENCE)
            || medium
            || near_time
            || (t.cap && any(ctx.lower(m - 1), &["with", "to"]))
        {
            last = Some(m);
        }
        // Past a verb-like word the phrase is a clause, not a modifier.
        if !t.cap && !medium && m > j + 1 && (t.lower.ends_with("ed") || any(&t.lower, FINITE)) {
            break;
        }
        m += 1;
    }
    last
}
