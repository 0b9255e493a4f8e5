//! Captives held between verb and "hostage": "took 12 tourists hostage".

use super::*;

/// "held four guards hostage", "are holding 30 people captive", "took 12 tourists
/// hostage": the count sits between the verb and "hostage", so no phrase entry covers it.
pub(super) fn read_held_captive(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let v = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if !matches!(
        v.lower.as_ref(),
        "held" | "holding" | "hold" | "holds" | "took" | "taken" | "taking" | "take" | "kept"
    ) {
        return None;
    }
    let captive = |t: &Tok| {
        matches!(
            t.lower.as_ref(),
            "hostage" | "hostages" | "captive" | "captives"
        )
    };
    let g = parse_group(toks, np.end);
    let (a, l) = g.toks?;
    // "four guards hostage" parses as one phrase: the last word is the verb's complement
    let (l, end) = if toks.get(l).is_some_and(captive) && l > a {
        (l - 1, l + 1)
    } else if toks.get(g.end).is_some_and(captive) {
        (l, g.end + 1)
    } else {
        return None;
    };
    let class = LEX.groups.longest_ending_at(toks, l + 1).map(|(_, c)| *c)?;
    if matches!(nonfig_at(toks, l), Some(NonFigure::NoGroup)) {
        return None;
    }
    let g = GroupParse {
        end: l + 1,
        toks: Some((a, l)),
        class,
        things: false,
        nogroup: false,
    };
    Some(Reading {
        metric: "detained",
        adjacent_group: true,
        end,
        group: g,
        hedged: false,
        parent: false,
        shape: "verb-count",
    })
}

/// "left 5,000 people homeless", "forced two million people from their homes", "drove
/// thousands from their villages", "forcing 300 families to flee": the count sits between
/// the verb and what the verb did to them, so no phrase entry covers it.
pub(super) fn read_displacing_object(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let v = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    let leaving = matches!(
        v.lower.as_ref(),
        "left" | "leaving" | "leaves" | "leave" | "made" | "making" | "rendered"
    );
    let forcing = matches!(
        v.lower.as_ref(),
        "forced" | "forcing" | "forces" | "force" | "drove" | "driving" | "driven" | "drives"
    );
    if !(leaving || forcing) {
        return None;
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    // a bare vague count ("force thousands from homes") is a headline's paraphrase of the
    // evacuations or flight the body counts; a counted noun makes it a figure
    if g.toks.is_none() && np.kind == ValueKind::Vague {
        return None;
    }
    let w = |k: usize| toks.get(g.end + k).map(|t| t.lower.as_ref()).unwrap_or("");
    let end = if leaving && w(0) == "homeless" {
        g.end + 1
    } else if forcing && matches!(w(0), "from" | "out") && homes_after(toks, g.end + 1) {
        g.end + 3
    } else if forcing && w(0) == "to" && matches!(w(1), "flee" | "leave" | "abandon") {
        g.end + 2
    } else {
        return None;
    };
    Some(Reading {
        metric: "displaced",
        adjacent_group: g.toks.is_some(),
        end,
        group: g,
        hedged: false,
        parent: false,
        shape: "verb-count",
    })
}

/// "[from] their homes", "[out of] the city", "[from] villages along the border"
fn homes_after(toks: &[Tok], from: usize) -> bool {
    (from..from + 3).any(|i| {
        toks.get(i).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "home"
                    | "homes"
                    | "houses"
                    | "villages"
                    | "village"
                    | "towns"
                    | "town"
                    | "city"
                    | "cities"
                    | "region"
                    | "area"
                    | "areas"
                    | "country"
                    | "land"
                    | "lands"
            )
        })
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn captives_held_between_verb_and_hostage() {
        assert_eq!(
            d("Inmates held three guards hostage for six hours."),
            vec![("detained", Exact, 3, Some(3), "security_forces")]
        );
        assert_eq!(
            metrics("The gang is holding 11 tourists captive in the hills."),
            vec![("detained", 11)]
        );
        // released, not held
        none("The kidnappers released three tourists on Monday.");
    }

    #[test]
    fn captivity_crossings_refugees_and_armed_head_counts() {
        assert_eq!(
            metrics("Some 40 aid workers remain in captivity."),
            vec![("detained", 40)]
        );
        assert_eq!(
            metrics("Roughly 9,000 have crossed into the neighbouring province since Friday."),
            vec![("displaced", 9000)]
        );
        assert_eq!(
            d("Officials said 750 refugees reached the border camp on Sunday."),
            vec![("displaced", Exact, 750, Some(750), "unspecified")]
        );
        let got = detect(
            "Around 15 gunmen are thought to be involved in the raid.",
            &[],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].metric, got[0].low, got[0].hedged),
            ("participants", 15, true)
        );
        // people involved in a crash are not armed attackers
        none("Forty people involved in the crash gave statements.");
    }

    #[test]
    fn a_count_left_homeless_or_forced_from_home_is_displaced() {
        for (s, low) in [
            ("The cyclone left 5,000 people homeless in the delta.", 5000),
            (
                "Fighting has forced two million people from their homes since spring.",
                2_000_000,
            ),
            (
                "The offensive drove thousands of families out of their villages.",
                2000,
            ),
            (
                "Shelling forced 300 residents to flee the town overnight.",
                300,
            ),
            (
                "The quake made 12,000 people homeless, officials said.",
                12000,
            ),
        ] {
            assert_eq!(metrics(s), vec![("displaced", low)], "{s}");
        }
        none("The coach left 3 players out of the squad.");
        none("The rains forced 40 matches to be postponed.");
        none("Officials forced 12 companies from the tender.");
        none("Floodwaters force thousands from homes along the coast");
    }
}
