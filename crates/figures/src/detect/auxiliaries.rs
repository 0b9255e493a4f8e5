//! Auxiliaries, modals and adverbs between a count and its verb.

use super::*;

/// Auxiliaries and adverbs before a metric: returns (end, forecast, hedged, negated).
pub(super) fn parse_aux(toks: &[Tok], start: usize) -> (usize, bool, bool, bool) {
    let mut j = start;
    let mut forecast = false;
    let mut hedged = false;
    let mut negated = false;
    let mut n = 0;
    while let Some(t) = toks.get(j) {
        // "were “killed by …”", "others “gravely” wounded": quotation marks around the verb
        // or its adverb stand between a count and its verb
        if is_quote_mark(t)
            && toks
                .get(j + 1)
                .is_some_and(|x| verb_side_word(toks, j + 1, x))
        {
            j += 1;
            continue;
        }
        if n >= 9 || !t.is_word() {
            break;
        }
        let w = t.lower.as_ref();
        if metric_at(toks, j).is_some_and(|(_, m)| m.pp || m.vi) && !matches!(w, "held") {
            break;
        }
        if MODALS.contains(&w) {
            let next_have = toks.get(j + 1).is_some_and(|x| x.lower == "have")
                || toks.get(j + 2).is_some_and(|x| x.lower == "have");
            // "may be missing", "could be trapped": a state that may hold now is a
            // hedged count, not a forecast
            let state = toks.get(j + 1).is_some_and(|x| x.lower == "be")
                && toks.get(j + 2).is_some_and(|x| {
                    matches!(
                        x.lower.as_ref(),
                        "missing" | "dead" | "trapped" | "buried" | "stranded" | "unaccounted"
                    )
                });
            if next_have || state {
                hedged = true;
            } else {
                forecast = true;
            }
        } else if matches!(w, "expected" | "projected" | "set" | "likely" | "predicted") {
            let to_have = toks.get(j + 1).is_some_and(|x| x.lower == "to")
                && toks.get(j + 2).is_some_and(|x| x.lower == "have");
            if toks.get(j + 1).is_some_and(|x| x.lower == "to") && !to_have {
                forecast = true;
            } else {
                hedged = true;
            }
        } else if matches!(w, "not" | "never") {
            negated = true;
        } else if matches!(w, "feared" | "believed" | "thought") {
            hedged = true;
        } else if !(AUX.contains(&w) || is_adverb(w)) {
            break;
        }
        n += 1;
        j += 1;
    }
    (j, forecast, hedged, negated)
}

fn is_quote_mark(t: &Tok) -> bool {
    matches!(
        t.text,
        "\u{201c}" | "\u{201d}" | "\"" | "\u{2018}" | "\u{2019}"
    )
}

/// An auxiliary, adverb or metric verb: a word a quotation mark may open on after a count.
fn verb_side_word(toks: &[Tok], j: usize, x: &Tok) -> bool {
    let w = x.lower.as_ref();
    x.is_word()
        && (AUX.contains(&w)
            || is_adverb(w)
            || metric_at(toks, j).is_some_and(|(_, m)| m.pp || m.vi))
}

/// "killed or injured", "dead and wounded": a total that mixes metrics.
pub(super) fn mixed_after(toks: &[Tok], end: usize, metric: &str) -> bool {
    let Some(t) = toks.get(end) else { return false };
    if !matches!(t.lower.as_ref(), "or" | "and" | "and/or" | "/") {
        return false;
    }
    let mut k = end + 1;
    // "killed and seriously injured"
    while toks.get(k).is_some_and(|x| is_adverb(&x.lower)) {
        k += 1;
    }
    metric_at(toks, k).is_some_and(|(_, m)| (m.pp || m.vi) && m.metric != metric)
}
