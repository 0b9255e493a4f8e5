//! Counts that lean on the figure before them: place ellipsis, a toll's earlier value,
//! a rival count credited to someone else, and coordinated objects.

use super::*;

/// "the 118 acknowledged by the interior ministry": who gave a rival count, as a
/// sentence-relative byte span (the words after "by", up to punctuation or a preposition).
pub(super) fn agent_after(toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let by = (from..from + 3).find(|&i| toks.get(i).is_some_and(|t| t.lower == "by"))?;
    let mut k = by + 1;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_ref(), "the" | "a" | "an"))
    {
        k += 1;
    }
    let first = k;
    while k < first + 5 {
        let Some(t) = toks.get(k) else { break };
        if !t.is_word() || (is_stop(t) && k > first) || is_calendar(&t.lower) {
            break;
        }
        k += 1;
    }
    if k == first {
        return None;
    }
    Some(span_of(toks, first, k - 1))
}

/// Counts that lean on the figure just before them: "41 in the capital, 7 in the north and
/// 4 in the south"; "rose to 41 on Friday and to 44 on Sunday"; "up from 31".
pub(super) fn read_elliptic(
    toks: &[Tok],
    np: &NumPhrase,
    out: &[Candidate],
    ends: &[usize],
) -> Option<Reading> {
    let prev = out.last()?;
    let pe = *ends.last()?;
    if np.start < pe || np.start - pe > 14 || toks.get(pe..np.start)?.iter().any(|t| t.text == ";")
    {
        return None;
    }
    let w = |i: usize| toks.get(i).map(|t| t.lower.as_ref()).unwrap_or("");
    let before = np.start.checked_sub(1).map(w).unwrap_or("");
    let before2 = np.start.checked_sub(2).map(w).unwrap_or("");
    let empty = GroupParse {
        end: np.end,
        toks: None,
        class: "unspecified",
        things: false,
        nogroup: false,
    };
    if let Some(r) = rival_count(toks, np, prev, before, before2, &empty) {
        return Some(r);
    }
    // place ellipsis: "41 in the capital, 7 in the north", "13 in the valley and two
    // elsewhere", a list opened by a colon ("missing in three towns: eight in Arl, …")
    if matches!(w(np.end), "in" | "at" | "elsewhere") && matches!(before, "," | "and" | ":") {
        return Some(Reading {
            metric: prev.metric,
            group: empty,
            adjacent_group: false,
            hedged: false,
            parent: true,
            end: np.end,
            shape: "breakdown-place",
        });
    }
    if prev.shape == "toll-link-count" {
        let again = (matches!(before, "to" | "at") && matches!(before2, "and" | ","))
            || (before == "from" && matches!(before2, "up" | "down" | "rise" | "rising" | ","));
        let g = parse_group(toks, np.end);
        let g = if g.things || g.nogroup { empty } else { g };
        if again {
            return Some(Reading {
                metric: prev.metric,
                adjacent_group: g.toks.is_some(),
                end: g.end.max(np.end),
                group: g,
                hedged: false,
                parent: false,
                shape: "toll-link-count",
            });
        }
    }
    None
}

/// "killing 19 children and two teachers": a count coordinated with a verb's object.
pub(super) fn read_coordinated_object(
    toks: &[Tok],
    np: &NumPhrase,
    out: &[Candidate],
    rends: &[usize],
) -> Option<Reading> {
    let prev = out.last()?;
    let pend = *rends.last()?;
    if !matches!(prev.shape, "verb-count" | "breakdown-including") {
        return None;
    }
    // ", " or "and" between the objects, or both: "six guards, two cooks, and four drivers"
    let sep = |t: &Tok| t.lower == "and" || t.text == ",";
    let joined = match toks.get(pend..np.start) {
        Some([a]) => sep(a),
        Some([a, b]) => a.text == "," && b.lower == "and",
        _ => false,
    };
    if !joined {
        return None;
    }
    let g = parse_group(toks, np.end);
    if g.toks.is_none() || g.things || g.nogroup {
        return None;
    }
    Some(Reading {
        metric: prev.metric,
        adjacent_group: true,
        end: g.end,
        group: g,
        hedged: false,
        parent: false,
        shape: prev.shape,
    })
}

/// "far more than the 118 acknowledged by the ministry", "compared with the 40 reported
/// earlier": a rival count of the toll just given, credited to someone else.
fn rival_count(
    toks: &[Tok],
    np: &NumPhrase,
    prev: &Candidate,
    before: &str,
    before2: &str,
    empty: &GroupParse,
) -> Option<Reading> {
    if !(before == "the"
        && matches!(
            before2,
            "than" | "with" | "to" | "against" | "versus" | "vs" | "vs." | "over"
        ))
    {
        return None;
    }
    let g = parse_group(toks, np.end);
    let g = if g.toks.is_some() && !g.things && !g.nogroup {
        g
    } else {
        empty.clone()
    };
    let reported = toks.get(g.end).is_some_and(|t| {
        matches!(
            t.lower.as_ref(),
            "acknowledged"
                | "admitted"
                | "reported"
                | "confirmed"
                | "announced"
                | "given"
                | "cited"
                | "claimed"
                | "recorded"
                | "registered"
                | "counted"
                | "listed"
                | "stated"
                | "published"
                | "released"
        )
    });
    if reported {
        return Some(Reading {
            metric: prev.metric,
            adjacent_group: g.toks.is_some(),
            end: g.end.max(np.end) + 1,
            group: g,
            hedged: false,
            parent: false,
            shape: "comparison",
        });
    }
    None
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn rival_counts_credited_to_someone_else() {
        let c = detect(
            "The rebels said at least 400 people had been detained, far more than the 96 acknowledged by the justice ministry.",
            &[],
        );
        let got: Vec<_> = c.iter().map(|c| (c.metric, c.low)).collect();
        assert_eq!(got, vec![("detained", 400), ("detained", 96)]);
        assert_eq!(c[1].shares_with, None, "a rival count keeps its own source");
        assert!(c[1].possessor.is_some());
        assert_eq!(
            metrics(
                "Local officials put the toll at 40, compared with the 65 reported by aid groups."
            ),
            vec![("killed", 40), ("killed", 65)]
        );
        // a comparison without a toll before it, or of things, is nothing
        none("Sales were far higher than the 300 reported by analysts.");
    }

    #[test]
    fn place_breakdowns_after_a_colon_or_elsewhere() {
        assert_eq!(
            metrics("Nine people are still missing in two towns: seven in Arl and two in Besk."),
            vec![("missing", 9), ("missing", 7), ("missing", 2)]
        );
        assert_eq!(
            metrics("The storm killed 11 people in the valley and three elsewhere in the region."),
            vec![("killed", 11), ("killed", 3)]
        );
        // a colon before a count with no toll before it is nothing
        none("The score at half time: two in the first minutes, then none.");
    }

    #[test]
    fn coordinated_counts_share_the_main_group_not_a_breakdowns() {
        let got = d("The blast killed 12 miners, including two apprentices, and injured 30.");
        assert_eq!(
            got.last(),
            Some(&("injured", Exact, 30, Some(30), "civilians"))
        );
    }
}
