//! Crowds counted at an event are participants; ballots, polls and occasions are not.

use super::*;

/// Ballots, polls, surveys, funerals, matches near a participants count: members who
/// "took part in the ballot" are voters and mourners who attended a funeral are no protest
/// crowd. Looks back a few words (a toll head such as "turnout
/// in the election") and forward to the end of the verb's own phrase.
pub(super) fn vote_near(toks: &[Tok], a: usize, b: usize) -> bool {
    let ends = |t: &Tok| {
        matches!(t.text, "," | ";" | ":" | "(")
            || matches!(
                t.lower.as_ref(),
                "as" | "while" | "when" | "after" | "before" | "but" | "whereas"
            )
    };
    let mut i = a;
    while i > 0 && a - i < 8 {
        let Some(t) = toks.get(i - 1) else { break };
        if ends(t) {
            break;
        }
        i -= 1;
    }
    let mut j = a;
    while j < b + 9 {
        let Some(t) = toks.get(j) else { break };
        if j >= b && ends(t) {
            break;
        }
        j += 1;
    }
    (i..j).any(|k| match nonfig_at(toks, k) {
        Some(NonFigure::Vote) => true,
        // the occasion itself was attended, not protested outside
        Some(NonFigure::Occasion) => {
            // "attended the four-day music festival": the verb may sit several words back
            let attended = toks
                .get(a..k)
                .unwrap_or(&[])
                .iter()
                .any(|t| matches!(t.lower.as_ref(), "attended" | "attend" | "attending"));
            let lo = k.saturating_sub(4);
            let before = toks.get(lo..k).unwrap_or(&[]);
            (attended
                || before.iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "attended" | "attend" | "attending" | "in" | "at" | "for"
                    )
                }))
                && !before.iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "outside" | "near" | "against" | "during" | "before" | "after"
                    )
                })
        }
        _ => false,
    })
}

/// A square, street or avenue within the few words after `from`.
fn public_place_after(toks: &[Tok], from: usize) -> bool {
    (from..from + 4).any(|i| {
        toks.get(i).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "square"
                    | "squares"
                    | "street"
                    | "streets"
                    | "avenue"
                    | "avenues"
                    | "boulevard"
                    | "plaza"
                    | "roads"
                    | "downtown"
            )
        })
    })
}

/// A crowd: protesters counted at an event, or people gathering.
pub(super) fn read_crowd(
    toks: &[Tok],
    np: &NumPhrase,
    g: GroupParse,
    adjacent_group: bool,
    k: usize,
    head: &str,
) -> Option<Reading> {
    if !(g.toks.is_some() || np.kind == ValueKind::Vague) {
        return None;
    }
    let crowd_head = matches!(
        head,
        "protesters" | "protestors" | "demonstrators" | "marchers"
    );
    let mut m = k;
    let mut verb = false;
    while m < k + 10 {
        let Some(x) = toks.get(m) else { break };
        if x.is_num() || matches!(x.text, ";" | ":" | "(") {
            break;
        }
        // "in the year to March": the month is no march
        if !x.is_capitalised()
            && matches!(
                x.lower.as_ref(),
                "gather"
                    | "gathered"
                    | "rally"
                    | "rallied"
                    | "march"
                    | "marched"
                    | "protest"
                    | "protested"
                    | "demonstrate"
                    | "demonstrated"
            )
        {
            verb = true;
            break;
        }
        // "filled the square", "packed the streets": a public place, not a hall or a mall
        if matches!(
            x.lower.as_ref(),
            "filled" | "packed" | "thronged" | "jammed" | "crowded"
        ) && public_place_after(toks, m + 1)
        {
            verb = true;
            break;
        }
        m += 1;
    }
    if (crowd_head || verb) && require_ok(Require::Crowd, &g, toks) {
        return Some(Reading {
            metric: "participants",
            end: g.end,
            group: g,
            adjacent_group,
            hedged: false,
            parent: false,
            shape: "crowd",
        });
    }
    None
}

/// "a march by nearly 10,000", "a rally of 5,000 people", "a protest by 300 students",
/// "a demonstration attended by about 2,000": the crowd counted after its event noun.
pub(super) fn read_event_crowd(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let by = toks.get(np.start.checked_sub(1)?)?;
    if !matches!(
        by.lower.as_ref(),
        "by" | "of" | "involving" | "drawing" | "drew"
    ) {
        return None;
    }
    // the event noun right before, or before "attended"/"joined" ("a rally attended by")
    let mut e = np.start - 1;
    if by.lower == "by"
        && e > 0
        && toks
            .get(e - 1)
            .is_some_and(|t| matches!(t.lower.as_ref(), "attended" | "joined" | "staged"))
    {
        e -= 1;
    }
    let event = toks.get(e.checked_sub(1)?)?;
    let is_event = !event.is_capitalised()
        && matches!(
            event.lower.as_ref(),
            "march"
                | "marches"
                | "rally"
                | "rallies"
                | "protest"
                | "protests"
                | "demonstration"
                | "demonstrations"
                | "procession"
                | "sit-in"
                | "vigil"
        );
    // "the raid by more than 100 fighters": armed people counted at an attack
    let is_attack = !event.is_capitalised()
        && by.lower == "by"
        && matches!(
            event.lower.as_ref(),
            "raid" | "raids" | "attack" | "attacks" | "assault" | "siege" | "ambush"
        );
    if !is_event && !is_attack {
        return None;
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    let req = if is_attack {
        Require::Armed
    } else {
        Require::Crowd
    };
    if g.things || g.nogroup || !require_ok(req, &g, toks) {
        return None;
    }
    Some(Reading {
        metric: "participants",
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "crowd",
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn crowds_are_participants() {
        assert_eq!(
            d("Tens of thousands of people took to the streets of the capital."),
            vec![("participants", Vague, 20_000, Some(99_999), "protesters")]
        );
        assert_eq!(
            metrics("Police tried to disperse several hundred demonstrators."),
            vec![("participants", 200)]
        );
        assert_eq!(
            metrics("Organisers put the crowd at 80,000."),
            vec![("participants", 80_000)]
        );
        none("Around 6,500 supporters watched the final.");
        none("The crowd of 40,000 fans cheered.");
        assert_eq!(
            d("The raid by more than 100 fighters stunned the capital."),
            vec![("participants", AtLeast, 100, None, "militants")]
        );
        none("The attack by two drones hit a depot.");
        none("The attack by 30 students on the policy was sharp.");
    }

    #[test]
    fn ballots_polls_and_occasions_have_no_participants() {
        none("Of the 820 members who took part in the ballot, 601 accepted the offer.");
        none("Some 8,000 members voted in the strike ballot, and 6,500 took part in the online poll.");
        none("More than 2 million people took part in the referendum.");
        none("Turnout in the election reached 3 million.");
        none("Thousands of students took part in a survey on campus safety.");
        none("About 500 mourners attended the funeral on Friday.");
        none("Some 1,200 delegates attended the summit.");
        none("About 2,000 people attended the funeral on Friday.");
        none("Around 300 people took part in the memorial ceremony.");
        // a protest crowd still counts, even beside a vote
        assert_eq!(
            metrics("Around 15,000 people took part in the march on Saturday."),
            vec![("participants", 15_000)]
        );
        assert_eq!(
            metrics(
                "Thousands of protesters gathered outside parliament as lawmakers voted on the bill."
            ),
            vec![("participants", 2000)]
        );
        assert_eq!(
            metrics("About 4,000 people gathered outside the Foreign Service building."),
            vec![("participants", 4000)]
        );
        assert_eq!(
            metrics("Hundreds of activists rallied outside the summit venue."),
            vec![("participants", 200)]
        );
    }

    #[test]
    fn a_capitalised_month_is_no_march() {
        none("Clinics treated 98,000 patients in the year to March.");
        assert_eq!(
            metrics("About 4,000 teachers marched to the ministry."),
            vec![("participants", 4000)]
        );
    }

    #[test]
    fn a_crowd_counted_after_its_event_noun() {
        for (s, low) in [
            (
                "Police blocked a march by nearly 10,000 people in the capital.",
                10000,
            ),
            (
                "It was a rally of 5,000 opposition supporters outside the court.",
                5000,
            ),
            ("A protest by 300 students closed the main road.", 300),
            (
                "The vigil, a demonstration attended by about 2,000, ended peacefully.",
                2000,
            ),
        ] {
            let got = metrics(s);
            assert_eq!(got, vec![("participants", low)], "{s}");
        }
        none("The march of 3 kilometres ended at the stadium.");
        none("A rally of 40 cars drove through the city centre.");
    }

    #[test]
    fn crowds_that_filled_a_square_or_turned_out() {
        for (s, low) in [
            (
                "Tens of thousands filled the central square on Sunday.",
                20000,
            ),
            (
                "Organisers estimated that at least 50,000 turned out.",
                50000,
            ),
            ("Hundreds poured into the streets after the verdict.", 200),
        ] {
            assert_eq!(metrics(s), vec![("participants", low)], "{s}");
        }
        none("About 40,000 fans packed the stadium for the final.");
        none("Some 2,000 runners filled the course on Sunday.");
    }
}
