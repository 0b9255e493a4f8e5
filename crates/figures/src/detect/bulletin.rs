//! Fact-box lines: "Killed: at least 52 people".

use super::*;

/// "Killed: at least 52 people" in a fact box.
pub(super) fn read_bulletin(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let colon = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if colon.text != ":" {
        return None;
    }
    let (me, m) = LEX.metrics.longest_ending_at(toks, np.start - 1)?;
    let lead = toks.get(..me)?;
    if !lead.iter().all(|t| t.is_punct()) {
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
    Some(Reading {
        metric: m.metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "bulletin",
    })
}
