//! A figure's parts listed between dashes right after it: "21 bodies -- 11 men and 10
//! women -- were found", "the toll stood at 540 – 500 residents and 40 visitors –".

use super::*;

/// Is this token a dash that opens or closes an aside?
fn is_dash(t: &Tok) -> bool {
    matches!(t.text, "—" | "–" | "--" | "-")
}

/// A count with a person noun inside a dashed aside that opens right after the previous
/// figure (its number, or its number and counted noun), the aside closing with a dash.
/// Each part is a breakdown of that figure and may not exceed it.
pub(super) fn read_dash_list(toks: &[Tok], np: &NumPhrase, found: &Found) -> Option<Reading> {
    // the figure listed, not a part listed before this one
    let idx = found
        .out
        .iter()
        .rposition(|c| c.shape != "breakdown-dash")?;
    let prev = found.out.get(idx)?;
    let pe = *found.ends.get(idx)?;
    let pg = parse_group(toks, pe);
    let mut open = if pg.toks.is_some() && !pg.things {
        pg.end
    } else {
        pe
    };
    if !toks.get(open).is_some_and(is_dash) {
        return None;
    }
    // "--" may come as two tokens
    while toks.get(open + 1).is_some_and(is_dash) {
        open += 1;
    }
    if np.start <= open || np.start > open + 12 {
        return None;
    }
    // the count starts the aside or follows a list separator inside it
    let before = toks.get(np.start - 1)?;
    let listed = np.start == open + 1
        || (matches!(before.lower.as_ref(), "and" | ",")
            && toks[open + 1..np.start - 1].iter().all(|t| !is_dash(t)));
    if !listed {
        return None;
    }
    let close = (np.end..np.end + 16).find(|&k| toks.get(k).is_some_and(is_dash))?;
    let g = parse_group(toks, np.end);
    if g.toks.is_none() || g.things || g.nogroup || g.end > close {
        return None;
    }
    if prev.low == 0 || np.low > prev.high.unwrap_or(prev.low).max(prev.low) {
        return None;
    }
    Some(Reading {
        metric: "",
        adjacent_group: true,
        end: g.end,
        group: g,
        hedged: false,
        parent: true,
        shape: "breakdown-dash",
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn parts_listed_between_dashes_break_the_figure_down() {
        assert_eq!(
            d("Police said 52 people — 40 men and 12 women — were arrested overnight."),
            vec![
                ("detained", Exact, 52, Some(52), "unspecified"),
                ("detained", Exact, 40, Some(40), "civilians"),
                ("detained", Exact, 12, Some(12), "civilians"),
            ]
        );
        assert_eq!(
            metrics("The ministry said 31 bodies -- 20 men and 11 women -- had been found."),
            vec![("killed", 31), ("killed", 20), ("killed", 11)]
        );
        assert_eq!(
            metrics("The toll stood at 1,200 – 1,000 residents and 200 tourists – on Sunday."),
            vec![("killed", 1200), ("killed", 1000), ("killed", 200)]
        );
        // an aside with no people, or a part larger than the whole, is no breakdown
        assert_eq!(
            metrics(
                "At least 30 people died — 12 houses and 4 bridges were destroyed — in the storm."
            ),
            vec![("killed", 30)]
        );
        assert_eq!(
            metrics("Nine people were hurt – 40 residents were evacuated – when the wall fell."),
            vec![("injured", 9), ("evacuated", 40)]
        );
    }
}
