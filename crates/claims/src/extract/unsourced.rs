//! Attributions that name no source, as PolNeAR marks them: raising verbs ("the plan seemed
//! to stall", "the senator appears ready", "it appears that …"), report verbs in the passive
//! before a to-clause ("the vote is expected to slip", "the aide was said to be furious",
//! "it was said that …") and the adverb "reportedly". The content is the subject and the
//! complement, two spans; the claim has no speaker. Cue words are `data/claims/unsourced.tsv`.

use super::*;
use crate::lexicon::{UnsourcedShape, UNSOURCED};

/// Words that may stand between a subject and its raising verb, or between "is" and
/// "expected" ("now seem", "would appear", "is widely expected", "is not expected").
const BETWEEN: &[&str] = &[
    "now",
    "also",
    "still",
    "even",
    "already",
    "only",
    "again",
    "all",
    "never",
    "not",
    "n't",
    "would",
    "may",
    "might",
    "could",
    "does",
    "did",
    "do",
    "will",
    "can",
    "widely",
    "generally",
    "largely",
    "increasingly",
    "initially",
    "originally",
    "once",
];

/// Words after "appeared" that make it an appearance, not a seeming ("appeared on air").
const NOT_COMPLEMENT: &[&str] = &[
    "as",
    "like",
    "before",
    "alongside",
    "together",
    "onstage",
    "that",
    "and",
    "or",
    "but",
    "to",
    "if",
    "so",
    "for",
    "in",
    "on",
    "at",
    "with",
    "from",
    "by",
    "during",
    "after",
    "about",
];

/// Relative pronouns that stand as the subject ("delegates who are expected to …").
const RELATIVES: &[&str] = &["who", "which", "that"];

/// Adds the no-source claims of a segment; a sourced reading of the same cue gives way. A
/// "reportedly" in a sentence that names a source hedges that report ("troops reportedly
/// left, local radio said"), and a subject that holds a cue of its own ("the toll confirmed
/// by the coast guard is expected to rise") leaves the attribution to that cue.
pub(super) fn add_unsourced(ctx: &Ctx, si: usize, sa: usize, sb: usize, cands: &mut Vec<Cand>) {
    let sourced = !cands.is_empty();
    for i in sa..sb {
        let Some(t) = ctx.tok(i).filter(|t| t.is_word()) else {
            continue;
        };
        let Some((lemma, shape)) = UNSOURCED.get(t.lower.as_str()) else {
            continue;
        };
        if ctx.quote_at(t.span.start()).is_some() || (t.cap && i != sa) {
            continue;
        }
        let found = match shape {
            UnsourcedShape::Raise => raise(ctx, si, sa, sb, i, lemma),
            UnsourcedShape::Passive => passive(ctx, si, sa, sb, i, lemma),
            UnsourcedShape::Adverb if !sourced => adverb(ctx, si, sa, sb, i, lemma),
            UnsourcedShape::Adverb => None,
            UnsourcedShape::Participle => participle(ctx, si, sa, sb, i, lemma),
        };
        let found = found.filter(|c| {
            !cands
                .iter()
                .any(|o| c.content.iter().any(|s| s.contains(o.cue)))
        });
        if let Some(c) = found {
            cands.retain(|o| !o.cue.overlaps(c.cue));
            cands.push(c);
        }
    }
}

fn unsourced_cand(si: usize, cue: Span, lemma: &str, i: usize) -> Cand {
    let entry = CueEntry {
        lemma: lemma.to_string(),
        class: CueClass::NoSource,
        distance: matches!(lemma, "say" | "rumor" | "reportedly"),
    };
    let mut c = Cand::new(si, cue, &entry, i);
    c.no_source = true;
    c.attr.push(cue);
    c
}

/// The first token before `i` that is not a word of [`BETWEEN`] (not before `sa`).
fn skip_between(ctx: &Ctx, sa: usize, i: usize) -> Option<usize> {
    let mut k = i.checked_sub(1)?;
    while k > sa && any(ctx.lower(k), BETWEEN) {
        k -= 1;
    }
    (k >= sa).then_some(k)
}

/// The subject ending at token `j`, as a span running on to the end of token `to`; none
/// when the noun phrase is the object of a preposition ("confirmed by the office is
/// expected": the office is not what is expected).
fn subject(ctx: &Ctx, sa: usize, j: usize, to: usize) -> Option<Span> {
    let (a, _) = if any(ctx.lower(j), RELATIVES) {
        (j, j + 1)
    } else {
        back_np(ctx, j, sa)?
    };
    if a > sa && any(ctx.lower(a - 1), PREPS) {
        return None;
    }
    Some(np_span(ctx, a, to + 1))
}

/// "it appears that …" / "it was said that …": content from "that" on.
fn it_that(ctx: &Ctx, sa: usize, sb: usize, j: usize, i: usize) -> Option<usize> {
    if ctx.lower(j) != "it" || (j > sa && ctx.is_word(j - 1) && ctx.lower(j - 1) != "and") {
        return None;
    }
    let that = (i + 1..(i + 6).min(sb)).find(|&k| ctx.lower(k) == "that")?;
    ctx.tok(that).map(|t| t.span.start())
}

/// "the plan seemed to stall", "the senator appears ready", "it seems that …".
fn raise(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize, lemma: &str) -> Option<Cand> {
    let j = skip_between(ctx, sa, i)?;
    if ctx.lower(j) == "to" || !ctx.is_word(j) {
        return None;
    }
    let cue = ctx.tok(i)?.span;
    let mut c = unsourced_cand(si, cue, lemma, i);
    if let Some(from) = it_that(ctx, sa, sb, j, i) {
        c.forward_from = Some(from);
        return Some(c);
    }
    let next = ctx.lower(i + 1);
    let to_clause = next == "to" && ctx.is_word(i + 2);
    let adjective = ctx.is_word(i + 1)
        && !any(next, NOT_COMPLEMENT)
        && !any(next, PREPS)
        && !any(next, DETS)
        && !ctx.timeish(i + 1)
        && !ctx.tok(i + 1).is_some_and(|t| t.cap);
    if i + 1 >= sb || !(to_clause || adjective) {
        return None;
    }
    c.content.push(subject(ctx, sa, j, i - 1)?);
    c.forward_from = ctx.tok(i + 1).map(|t| t.span.start());
    Some(c)
}

/// "the vote is (widely) expected to slip", "he was said to be furious", "it was said that".
fn passive(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize, lemma: &str) -> Option<Cand> {
    let aux = skip_between(ctx, sa, i)?;
    if !any(ctx.lower(aux), BE) || aux <= sa {
        return None;
    }
    let cue = ctx.tok(aux)?.span.cover(ctx.tok(i)?.span);
    let mut c = unsourced_cand(si, cue, lemma, i);
    let j = aux - 1;
    if let Some(from) = it_that(ctx, sa, sb, j, i) {
        c.forward_from = Some(from);
        return Some(c);
    }
    if ctx.lower(i + 1) != "to" || !ctx.is_word(i + 2) || i + 2 >= sb {
        return None;
    }
    c.content.push(subject(ctx, sa, j, j)?);
    c.forward_from = ctx.tok(i + 1).map(|t| t.span.start());
    Some(c)
}

/// "the fund is reportedly spending …": the subject (with its auxiliary) and the rest.
fn adverb(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize, lemma: &str) -> Option<Cand> {
    if i + 1 >= sb || !ctx.is_word(i + 1) || i == sa {
        return None;
    }
    let cue = ctx.tok(i)?.span;
    let mut c = unsourced_cand(si, cue, lemma, i);
    let aux = |w: &str| any(w, BE) || any(w, &["has", "have", "had", "will", "would"]);
    let j = if aux(ctx.lower(i - 1)) && i - 1 > sa {
        i - 2
    } else {
        i - 1
    };
    c.content.push(subject(ctx, sa, j, i - 1)?);
    c.forward_from = ctx.tok(i + 1).map(|t| t.span.start());
    Some(c)
}

/// "Asked whether the fund would pay, …", "when asked about the fund, …": the question
/// (after "about" when it is there) up to the next comma is the content; the cue is "asked"
/// or "asked about".
fn participle(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize, lemma: &str) -> Option<Cand> {
    let opens = i == sa || (i == sa + 1 && any(ctx.lower(sa), &["when", "if", "after", "once"]));
    let after_when = i > sa && any(ctx.lower(i - 1), &["when", "after", "once"]);
    if !(opens || after_when) {
        return None;
    }
    let about = ctx.lower(i + 1) == "about";
    let from = if about { i + 2 } else { i + 1 };
    if from >= sb || !ctx.is_word(from) {
        return None;
    }
    let comma = (from..sb)
        .find(|&k| {
            ctx.lower(k) == ","
                && ctx
                    .quote_at(ctx.tok(k).map_or(0, |t| t.span.start()))
                    .is_none()
        })
        .unwrap_or(sb);
    if comma <= from {
        return None;
    }
    let cue = ctx
        .tok(i)?
        .span
        .cover(ctx.tok(if about { i + 1 } else { i })?.span);
    let mut c = unsourced_cand(si, cue, lemma, i);
    c.content
        .push(trim_span(ctx.text, np_span(ctx, from, comma), &['.', ',']));
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::testing::{contents, run};

    /// (cue, speaker named?, content texts) of each claim.
    fn claims(text: &str) -> Vec<(String, bool, Vec<String>)> {
        let doc = run(text);
        doc.layers
            .claims
            .iter()
            .map(|c| {
                let content = contents(&doc, c);
                (c.cue.text.clone(), c.speaker.is_some(), content)
            })
            .collect()
    }

    #[test]
    fn a_passive_report_verb_before_a_to_clause_names_no_source() {
        let c = claims("The ferry vote is widely expected to slip into March.");
        assert_eq!(
            c,
            [(
                "is widely expected".to_string(),
                false,
                vec!["The ferry vote".into(), "to slip into March".into()]
            )]
        );
        let c = claims("The harbour chief was said to be furious with the board.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "was said");
        assert!(!c[0].1);
    }

    #[test]
    fn it_was_said_that_takes_the_that_clause() {
        let c = claims("It was said that the mill would close by spring.");
        assert_eq!(
            c,
            [(
                "was said".to_string(),
                false,
                vec!["that the mill would close by spring".into()]
            )]
        );
    }

    #[test]
    fn raising_verbs_report_without_a_source() {
        let c = claims("The council now seemed ready to drop the toll plan.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].0, "seemed");
        assert!(!c[0].1);
        assert_eq!(c[0].2[0], "The council now");
        let c = claims("It appears, though, that the ferry will sail.");
        assert_eq!(c[0].2, ["that the ferry will sail"]);
        // An appearance is not a seeming.
        assert!(claims("The mayor appeared on the radio on Friday.").is_empty());
    }

    #[test]
    fn reportedly_reports_the_clause_around_it() {
        let c = claims("The Harlow fund is reportedly weighing a second bid.");
        assert_eq!(
            c,
            [(
                "reportedly".to_string(),
                false,
                vec!["The Harlow fund is".into(), "weighing a second bid".into()]
            )]
        );
    }

    #[test]
    fn reportedly_in_a_sourced_sentence_is_a_hedge_not_a_claim() {
        let c = claims("Troops reportedly left the depot, the harbour radio said.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].1);
    }

    #[test]
    fn a_subject_holding_a_cue_leaves_the_attribution_to_it() {
        let c = claims("The count of 31 confirmed by the rescue office is expected to rise.");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].1);
    }

    #[test]
    fn a_clause_opening_asked_reports_the_question_with_no_source() {
        let c = claims("Asked whether the levy would pass, most voters in the survey said yes.");
        assert!(
            c.iter()
                .any(|x| x.0 == "Asked" && !x.1 && x.2 == ["whether the levy would pass"]),
            "{c:?}"
        );
        let c = claims("The mayor smiled when asked about the ferry, and left.");
        assert!(
            c.iter()
                .any(|x| x.0 == "asked about" && !x.1 && x.2 == ["the ferry"]),
            "{c:?}"
        );
    }

    #[test]
    fn a_named_speaker_keeps_the_claim_sourced() {
        let c = claims("The mayor said the ferry would sail at noon.");
        assert_eq!(c.len(), 1);
        assert!(c[0].1);
    }
}
