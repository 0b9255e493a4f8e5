//! Estimate shapes: "put the crowd at 80,000", "gave a figure of 31", and counting verbs.

use super::*;

/// Where the number of an estimate shape is introduced: "put the crowd AT 80,000",
/// "estimated the toll AT 40", "gave a figure OF 31", "gave the number of dead AS 12".
pub(super) fn put_linker(ctx: &Ctx, i: usize, sb: usize) -> Option<usize> {
    if !any(
        ctx.lower(i + 1),
        &["the", "its", "their", "his", "her", "a", "an"],
    ) {
        return None;
    }
    let give = ctx.lower(i) == "gave" || ctx.lower(i) == "gives";
    let links: &[&str] = if give { &["of", "as", "at"] } else { &["at"] };
    let num = |k: usize| {
        ctx.tok(k).is_some_and(|t| t.kind == crate::text::TK::Num)
            || any(ctx.lower(k), NUMBER_WORDS)
    };
    (i + 2..(i + 12).min(sb)).find(|&at| {
        any(ctx.lower(at), links)
            && (at + 1..(at + 5).min(sb)).any(num)
            && (!give || (i + 2..at).any(|k| word_is(ctx.lower(k), WordKind::Tally)))
    })
}

/// "Organisers put the crowd at 80,000", "police gave a figure of 31": the speaker before the
/// verb, the estimate after it.
pub(super) fn put_claim(ctx: &Ctx, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    put_linker(ctx, i, sb)?;
    let p = skip_back(ctx, i, sa)?;
    let (a, b) = if ctx.lower(p) == "," {
        appositive_np(ctx, p, sa)?.0
    } else {
        back_np(ctx, p, sa)?
    };
    c.speaker = Some(SpkRef {
        span: np_span(ctx, a, b),
    });
    c.attr.push(np_span(ctx, a, b).cover(c.cue));
    c.forward_from = ctx.tok(i + 1).map(|t| t.span.start());
    Some(c)
}

/// An organisation that keeps counts: a body role noun ("the ministry", "police"), an
/// acronym ("the IOM"), or an organisation the entity layer knows that is not a company.
pub(super) fn counting_body(ctx: &Ctx, a: usize, b: usize) -> bool {
    use crate::lexicon::{RoleClass, ROLES};
    // The head is the noun before a post-modifier: "a reporter for the paper" → reporter.
    let h = (a..b)
        .find(|&x| {
            any(
                ctx.lower(x + 1),
                &["for", "of", "at", "with", "from", "in", "on"],
            )
        })
        .unwrap_or(b.saturating_sub(1));
    if let Some(r) = ROLES.get(ctx.lower(h)) {
        return *r != RoleClass::Person;
    }
    let Some(t) = ctx.tok(h) else { return false };
    let w = ctx.slice(t.span);
    if w.chars().count() >= 2 && w.chars().all(|ch| ch.is_ascii_uppercase()) {
        return true;
    }
    ctx.doc.entity_at(t.span).is_some_and(|e| {
        e.kind == newsledger_model::EntityType::Org && e.subtype.as_deref() != Some("company")
    })
}

/// A number (possibly after "more than", "at least", "some"…) right after the cue.
pub(super) fn number_follows(ctx: &Ctx, j: usize) -> bool {
    let mut m = j;
    while m < j + 3
        && any(
            ctx.lower(m),
            &[
                "at", "least", "more", "than", "over", "nearly", "about", "some", "almost",
                "roughly", "around", "another", "a", "further", "fewer", "up", "to",
            ],
        )
    {
        m += 1;
    }
    (ctx.tok(m).is_some_and(|t| t.kind == crate::text::TK::Num) || any(ctx.lower(m), NUMBER_WORDS))
        && !ctx.timeish(m)
}
