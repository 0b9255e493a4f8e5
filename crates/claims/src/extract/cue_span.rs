//! The cue as a whole verb group: the reporting verb with the auxiliaries, negation and
//! adverbs right before it ("has also said", "did not deny") and a colon right after it
//! ("said:") or a channel phrase ("said in a statement").

use super::*;

/// The span of the cue's verb group. Cues that are not verbs ("according to", "citing", a
/// colon) keep their span.
pub(crate) fn cue_group(ctx: &Ctx, c: &Cand) -> Span {
    if !matches!(
        c.entry.class,
        CueClass::Say
            | CueClass::Tell
            | CueClass::Weak
            | CueClass::Belief
            | CueClass::Finding
            | CueClass::QuoteOnly
            | CueClass::Part
            | CueClass::Stance
    ) || c.entry.lemma == "colon"
    {
        return c.cue;
    }
    let (a, b) = ctx.tok_range(c.cue);
    let (sa, _) = ctx
        .doc
        .layers
        .segments
        .get(c.seg)
        .map(|s| ctx.tok_range(s.span))
        .unwrap_or((a, b));
    let floor = c
        .speaker
        .filter(|s| s.span.end() <= c.cue.start())
        .map(|s| ctx.tok_range(s.span).1)
        .unwrap_or(sa)
        .max(sa);
    let mut start = a;
    while start > floor && start > a.saturating_sub(4) && group_word(ctx, start - 1) {
        start -= 1;
    }
    let end = if particle_at(ctx, &c.entry.lemma, b) {
        b + 1
    } else {
        group_end(ctx, b)
    };
    match (ctx.tok(start), ctx.tok(end.saturating_sub(1))) {
        (Some(s), Some(e)) if end > start => s.span.cover(e.span).cover(c.cue),
        _ => c.cue,
    }
}

/// Token `k` is a particle of the cue lemma ("called FOR", "pointed TO").
pub(super) fn particle_at(ctx: &Ctx, lemma: &str, k: usize) -> bool {
    crate::lexicon::PARTICLES
        .get(lemma)
        .is_some_and(|(ps, _)| ps.iter().any(|p| p == ctx.lower(k)))
}

/// The cue lemma is a cue only with a particle after it ("pointed to").
pub(super) fn needs_particle(lemma: &str) -> bool {
    crate::lexicon::PARTICLES
        .get(lemma)
        .is_some_and(|(_, required)| *required)
}

/// An auxiliary, negation or adverb of a verb group.
fn group_word(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    ctx.is_word(k)
        && (word_is(w, WordKind::CueAux)
            || w.len() > 4
                && w.ends_with("ly")
                && !any(w, &["only", "family", "italy", "assembly"]))
}

/// Where the verb group ends, from the token after the verb: a colon, or "in a statement",
/// is part of it.
fn group_end(ctx: &Ctx, b: usize) -> usize {
    if ctx.lower(b) == ":" {
        return b + 1;
    }
    if ctx.lower(b) == "in" && ctx.lower(b + 1) == "a" && ctx.lower(b + 2) == "statement" {
        return b + 3;
    }
    b
}

#[cfg(test)]
mod tests {
    use crate::testing::cues;

    #[test]
    fn auxiliaries_and_adverbs_join_the_cue() {
        let got = cues("The mayor has also said that the bridge will reopen in May.\n");
        assert_eq!(got, ["has also said"]);
        let got = cues("The council did not deny that the vote was delayed.\n");
        assert!(got.is_empty() || got == ["did not deny"], "{got:?}");
    }

    #[test]
    fn a_colon_or_channel_phrase_joins_the_cue() {
        let got =
            cues("The ferry company said in a statement that all crossings were cancelled.\n");
        assert_eq!(got, ["said in a statement"]);
        let got = cues("Ms. Orlova wrote: the depot will close next year.\n");
        assert_eq!(got, ["wrote:"]);
    }

    #[test]
    fn the_speaker_is_not_taken_into_the_cue() {
        let got = cues("“We are ready,” said Ms. Tamsin Hale.\n");
        assert_eq!(got, ["said"]);
    }
}
