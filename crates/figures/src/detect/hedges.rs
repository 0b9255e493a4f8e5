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
    for i in 0..toks.len() {
        if let Some((he, scope)) = LEX.hedges.longest_at(toks, i) {
            // "likely to rise" speaks of the future toll, not this one
            if toks.get(i).is_some_and(|t| t.lower == "likely")
                && toks.get(he).is_some_and(|t| t.lower == "to")
                && toks.get(he + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "rise" | "climb" | "increase" | "grow" | "go"
                    )
                })
            {
                continue;
            }
            let inside = i >= s && i < e;
            if inside || *scope == HedgeScope::Sentence {
                return true;
            }
        }
    }
    false
}

/// Sentence-relative hedge check for callers that know the figure's token-free span.
pub fn hedged_near(sentence: &str, span: (usize, usize)) -> bool {
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
}
