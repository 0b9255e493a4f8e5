//! Metric verbs before their count: "killing at least 26", "arrested 50 protesters".

use super::*;

/// metric-verb count: "killing at least 26", "arrested 50 protesters"
pub(super) fn read_left_verb(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let unit = unit_before(toks, np.start);
    let (vs, m) = LEX
        .metrics
        .longest_ending_at(toks, unit.unwrap_or(np.start))?;
    if !m.vt || (unit.is_some() && m.metric != "deployed") {
        return None;
    }
    // "vowed to kill 100", "could kill thousands"
    if let Some(p) = vs.checked_sub(1).and_then(|i| toks.get(i)) {
        // "managed to save 104": an outcome, not an intention
        let managed = p.lower == "to"
            && vs
                .checked_sub(2)
                .and_then(|i| toks.get(i))
                .is_some_and(|w| matches!(w.lower.as_ref(), "managed" | "able"));
        if (p.lower == "to" && !managed) || MODALS.contains(&p.lower.as_ref()) {
            return None;
        }
        if matches!(nonfig_at(toks, vs - 1), Some(NonFigure::Forecast)) {
            return None;
        }
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of")
        && toks.get(j + 1).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "them" | "the" | "those" | "their" | "his" | "her" | "its" | "our"
            )
        })
    {
        j += 2;
    } else if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    let rescued_survivors = m.metric == "rescued" && group_head(toks, &g) == "survivors";
    if g.things || (g.nogroup && !rescued_survivors) {
        return None;
    }
    if np.needs_group && g.toks.is_none() {
        return None;
    }
    // "the crash killed 3 and injured 12" is fine; "killed 3 in 2019" too; but a count
    // directly followed by a pp of another metric is a different shape ("injuring 5 killed")
    if !require_ok(m.require, &g, toks) {
        return None;
    }
    Some(Reading {
        metric: m.metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "verb-count",
    })
}

/// "sent [a division of] 3,000 troops", "deployed [a contingent of] 200 police": a unit
/// noun between the verb and the count; the token where it starts.
fn unit_before(toks: &[Tok], start: usize) -> Option<usize> {
    let of = toks.get(start.checked_sub(1)?)?;
    let unit = toks.get(start.checked_sub(2)?)?;
    let det = toks.get(start.checked_sub(3)?)?;
    let is_unit = matches!(
        unit.lower.as_ref(),
        "division"
            | "contingent"
            | "battalion"
            | "brigade"
            | "force"
            | "team"
            | "unit"
            | "detachment"
            | "squad"
            | "regiment"
            | "convoy"
            | "column"
    );
    let is_det = matches!(
        det.lower.as_ref(),
        "a" | "an" | "another" | "one" | "second" | "new" | "further"
    );
    (of.lower == "of" && is_unit && is_det).then(|| start - 3)
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn verbs_before_their_counts() {
        assert_eq!(
            metrics(
                "The earthquake killed at least 1,200 people and injured more than 3,500 others."
            ),
            vec![("killed", 1200), ("injured", 3500)]
        );
        assert_eq!(
            d("A gunman opened fire at a school, killing 19 pupils and two teachers."),
            vec![
                ("killed", Exact, 19, Some(19), "civilians"),
                ("killed", Exact, 2, Some(2), "civilians"),
            ]
        );
        assert_eq!(
            metrics("Floods Kill 30 In Southern Province"),
            vec![("killed", 30)]
        );
        assert_eq!(
            d("Gunmen abducted more than 80 students from a boarding school."),
            vec![("detained", AtLeast, 80, None, "civilians")]
        );
        assert_eq!(
            metrics("The riots have claimed the lives of at least 500 people."),
            vec![("killed", 500)]
        );
        assert_eq!(
            d("Riot police rounded up dozens of activists overnight."),
            vec![("detained", Vague, 24, Some(99), "protesters")]
        );
        assert_eq!(
            metrics("The blaze killed 11 and injured 40."),
            vec![("killed", 11), ("injured", 40)]
        );
        assert_eq!(
            d("The ambush left 14 soldiers dead."),
            vec![("killed", Exact, 14, Some(14), "security_forces")]
        );
        assert_eq!(
            metrics("Crews pulled six people alive from the collapsed hotel."),
            vec![("rescued", 6)]
        );
    }

    #[test]
    fn a_unit_between_the_sending_verb_and_its_count() {
        assert_eq!(
            metrics("The government sent a division of 3,000 troops to the border."),
            vec![("deployed", 3000)]
        );
        assert_eq!(
            metrics("Officials deployed a contingent of 200 police officers to the port."),
            vec![("deployed", 200)]
        );
        none("The club sent a team of 11 players to the tournament.");
        none("The firm sent a team of 40 engineers to the trade fair.");
    }

    #[test]
    fn charges_and_indictments_as_verbs_and_nouns() {
        for (s, low) in [
            ("Prosecutors indicted 60 people over the riots.", 60),
            (
                "A court charged 14 protesters with vandalism on Monday.",
                14,
            ),
            ("By Friday, 23 indictments had been issued.", 23),
            (
                "Prosecutors are charging 9 officers with abuse of power.",
                9,
            ),
        ] {
            assert_eq!(metrics(s), vec![("charged", low)], "{s}");
        }
        none("The bank charged 3 percent interest.");
        none("The ministry charged 40 dollars for each permit.");
    }
}
