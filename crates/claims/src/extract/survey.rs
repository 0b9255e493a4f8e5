//! "In a new county poll, 52 percent back the levy": a poll or survey named in the in-phrase
//! that opens a sentence is the source of what the rest of the sentence reports; "In" is the
//! cue, as attribution corpora mark it.

use super::*;

/// Nouns naming a survey of opinion.
const SURVEY_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys"];

/// The sentence-opening "In <survey NP>, <content>" of the segment, if any.
pub(super) fn survey_frame(ctx: &Ctx, si: usize, sa: usize, sb: usize) -> Option<Cand> {
    if ctx.lower(sa) != "in" {
        return None;
    }
    let comma = (sa + 1..(sa + 20).min(sb)).find(|&k| ctx.lower(k) == ",")?;
    let named = (sa + 1..comma).any(|k| any(ctx.lower(k), SURVEY_NOUNS));
    let quoted = (sa..comma).any(|k| ctx.is_open_quote(k) || ctx.is_close_quote(k));
    let words_after = (comma + 1..sb).filter(|&k| ctx.is_word(k)).take(3).count();
    if !named || quoted || comma < sa + 2 || words_after < 3 {
        return None;
    }
    let cue = ctx.tok(sa)?.span;
    let entry = CueEntry {
        lemma: "in".into(),
        class: CueClass::Say,
        distance: false,
    };
    let mut c = Cand::new(si, cue, &entry, sa);
    c.speaker = Some(SpkRef {
        span: np_span(ctx, sa + 1, comma),
    });
    c.attr.push(cue);
    c.forward_from = ctx.tok(comma + 1).map(|t| t.span.start());
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::testing::run;

    #[test]
    fn a_poll_in_an_opening_phrase_is_the_source() {
        let doc = run("In a new Harlow County poll, 52 percent of voters back the levy.\n");
        let c = doc.layers.claims.iter().find(|c| c.cue.text == "In");
        let c = c.expect("a claim cued by In");
        assert_eq!(c.speaker_text(), "a new Harlow County poll");
        let content: Vec<&str> = c.content.iter().map(|s| doc.slice(*s)).collect();
        assert_eq!(content, ["52 percent of voters back the levy"]);
    }

    #[test]
    fn an_opening_phrase_without_a_survey_is_not_a_source() {
        let doc = run("In a new county budget, the levy rises by two percent.\n");
        assert!(doc.layers.claims.is_empty());
    }
}
