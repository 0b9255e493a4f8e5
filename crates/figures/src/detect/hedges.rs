//! Hedges kept to the clause of the figure they are written beside.

use super::*;

/// Clause boundaries used to keep a hedge to the figure it is written beside.
pub(super) fn clause_bounds(toks: &[Tok], a: usize, b: usize) -> (usize, usize) {
    let is_boundary = |i: usize| -> bool {
        let Some(t) = toks.get(i) else { return true };
        if t.text == ";" {
            return true;
        }
        if matches!(
            t.lower.as_ref(),
            "but" | "while" | "whereas" | "although" | "though"
        ) {
            return true;
        }
        // ", adding that the real number was likely higher" opens a new statement
        t.text == ","
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_ref(),
                    "and" | "but" | "while" | "as" | "adding" | "saying" | "noting" | "warning"
                )
            })
    };
    let mut s = a;
    while s > 0 && !is_boundary(s - 1) {
        s -= 1;
    }
    let mut e = b;
    while e < toks.len() && !is_boundary(e) {
        e += 1;
    }
    (s, e)
}

pub(super) fn hedge_in_clause(toks: &[Tok], a: usize, b: usize) -> bool {
    let (s, e) = clause_bounds(toks, a, b);
    hedges_of(toks).any(|(i, scope)| (i >= s && i < e) || scope == HedgeScope::Sentence)
}

/// The hedges of a sentence: token index and scope of each (not "likely to rise", which
/// speaks of the future toll, not this one).
fn hedges_of<'t>(toks: &'t [Tok]) -> impl Iterator<Item = (usize, HedgeScope)> + 't {
    (0..toks.len()).filter_map(move |i| {
        let (he, scope) = LEX.hedges.longest_at(toks, i)?;
        let future = toks.get(i).is_some_and(|t| t.lower == "likely")
            && toks.get(he).is_some_and(|t| t.lower == "to")
            && toks.get(he + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "rise" | "climb" | "increase" | "grow" | "go"
                )
            });
        (!future).then_some((i, *scope))
    })
}

/// What [`hedged_near`] needs of one sentence, worked out once for all its figures (it
/// tokenised the sentence and scanned it for hedges and clause breaks per figure: quadratic
/// in the sentence on run-on toll lists).
struct HedgeFacts {
    sentence: String,
    /// (start, end) of each token.
    toks: Vec<(usize, usize)>,
    /// Token indexes that are clause boundaries ([`clause_bounds`]), ascending.
    boundaries: Vec<usize>,
    /// Token indexes of the hedges, ascending, and whether one speaks for the sentence.
    hedges: Vec<usize>,
    sentence_wide: bool,
}

impl HedgeFacts {
    fn new(sentence: &str) -> Self {
        let toks = tokenize(sentence);
        let n = toks.len();
        // a boundary at i: the clause of a token after i starts at i + 1
        let boundaries = (0..n)
            .filter(|&i| clause_bounds(&toks, i + 1, i + 1).0 == i + 1)
            .collect();
        let all: Vec<(usize, HedgeScope)> = hedges_of(&toks).collect();
        HedgeFacts {
            sentence: sentence.to_string(),
            toks: toks.iter().map(|t| (t.start, t.end)).collect(),
            boundaries,
            hedges: all.iter().map(|h| h.0).collect(),
            sentence_wide: all.iter().any(|h| h.1 == HedgeScope::Sentence),
        }
    }

    fn hedged(&self, span: (usize, usize)) -> bool {
        if self.sentence_wide {
            return true;
        }
        let n = self.toks.len();
        let first_after = self.toks.partition_point(|t| t.1 <= span.0);
        let a = if first_after == n { 0 } else { first_after };
        let b = self.toks.partition_point(|t| t.0 < span.1);
        // the clause of [a, b): after the last boundary before a, up to the first at or
        // after b
        let k = self.boundaries.partition_point(|&i| i < a);
        let s = k
            .checked_sub(1)
            .and_then(|k| self.boundaries.get(k))
            .map_or(0, |&i| i + 1);
        let k = self.boundaries.partition_point(|&i| i < b);
        let e = self.boundaries.get(k).copied().unwrap_or(n).max(b.min(n));
        let h = self.hedges.partition_point(|&i| i < s);
        self.hedges.get(h).is_some_and(|&i| i < e)
    }
}

/// Sentence-relative hedge check for callers that know the figure's token-free span.
/// The sentence's facts are kept between calls, so the figures of one sentence share them.
pub fn hedged_near(sentence: &str, span: (usize, usize)) -> bool {
    thread_local! {
        static LAST: std::cell::RefCell<Option<HedgeFacts>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|f| f.sentence != sentence) {
            *last = Some(HedgeFacts::new(sentence));
        }
        last.as_ref().is_some_and(|f| f.hedged(span))
    })
}

/// [`hedged_near`] as it was written before its facts were kept: the reference the tests
/// compare it with.
#[cfg(test)]
fn hedged_near_scan(sentence: &str, span: (usize, usize)) -> bool {
    let toks = tokenize(sentence);
    let a = toks.iter().position(|t| t.end > span.0).unwrap_or(0);
    let b = toks
        .iter()
        .position(|t| t.start >= span.1)
        .unwrap_or(toks.len());
    hedge_in_clause(&toks, a, b)
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn hedges_in_the_figures_own_clause() {
        let c = detect(
            "About 40 people were reportedly killed in the clashes.",
            &[],
        );
        assert!(c[0].hedged);
        let c = detect("Some 300 villagers are believed to have died.", &[]);
        assert!(c[0].hedged);
        let c = detect("Up to 90 people may have died in the fire.", &[]);
        assert!(c[0].hedged);
        let c = detect(
            "Rebels reportedly seized the airport, but 20 soldiers were killed.",
            &[],
        );
        assert!(!c[0].hedged);
        let c = detect("The ministry claimed 20 militants were killed.", &[]);
        assert!(!c[0].hedged, "claimed is not a hedge");
    }

    /// The kept facts answer as the per-figure scan, for every span of every sentence.
    #[test]
    fn kept_facts_answer_as_the_scan() {
        use super::{hedged_near, hedged_near_scan};
        let sentences = [
            "Rebels reportedly seized the airport, but 20 soldiers were killed; 4 died later.",
            "Officials said 12 died, adding that the toll was likely to rise, while 3 are missing.",
            "Up to 90 people may have died although 40 were rescued, and 7 were hurt.",
            "killed killed 5 killed 6 killed, but 7 killed; 8 killed",
            "Nine people died.",
            "",
        ];
        for s in sentences {
            for a in 0..=s.len() {
                for b in a..=s.len() {
                    let span = (a, b);
                    assert_eq!(
                        hedged_near(s, span),
                        hedged_near_scan(s, span),
                        "{s} {span:?}"
                    );
                }
            }
        }
    }
}
