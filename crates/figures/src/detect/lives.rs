//! A toll written as lives taken: "the floods claimed 80 lives", "claiming dozens of
//! lives", "the blast cost 12 more lives".

use super::*;

/// verb-of-taking count [of] [more] "lives"
pub(super) fn read_lives_claimed(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let v = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if !matches!(
        v.lower.as_ref(),
        "claimed"
            | "claiming"
            | "claims"
            | "claim"
            | "cost"
            | "costing"
            | "costs"
            | "took"
            | "taken"
            | "taking"
            | "takes"
    ) {
        return None;
    }
    // "could claim 1,000 lives", "threatens to cost thousands of lives": a forecast
    if let Some(p) = np.start.checked_sub(2).and_then(|i| toks.get(i)) {
        if p.lower == "to" || MODALS.contains(&p.lower.as_ref()) {
            return None;
        }
    }
    let mut j = np.end;
    if !np.digits && toks.get(j).is_some_and(|t| t.lower == "of") {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_ref(),
            "more" | "other" | "further" | "additional"
        )
    }) {
        j += 1;
    }
    if toks.get(j).is_none_or(|t| t.lower != "lives") {
        return None;
    }
    Some(Reading {
        metric: "killed",
        group: GroupParse {
            end: j + 1,
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        },
        adjacent_group: false,
        hedged: false,
        parent: false,
        end: j + 1,
        shape: "lives-claimed",
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn lives_claimed_cost_or_taken_are_the_dead() {
        assert_eq!(
            d("The flooding has claimed at least 80 lives in the province."),
            vec![("killed", AtLeast, 80, None, "unspecified")]
        );
        assert_eq!(
            metrics("A cholera outbreak in the camps is claiming dozens of lives."),
            vec![("killed", 24)]
        );
        assert_eq!(
            metrics("The second blast cost 12 more lives, the fire service said."),
            vec![("killed", 12)]
        );
        // forecasts and rescues keep their numbers out of the toll
        none("Experts warn the heat could claim 1,000 lives this summer.");
        none("The new dykes are expected to save 5,000 lives a year.");
        none("The war took 30 years to end.");
    }
}
