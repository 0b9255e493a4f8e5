//! A crowd's size as someone estimated or claimed it: "organisers estimated some 80,000
//! at the rally", "police put the number of marchers at 40,000", "organisers claimed
//! 300,000 participants", and a crowd drawn onto the streets: "drew thousands to rallies".

use super::*;

/// Words that say the sentence is about a protest crowd.
fn crowd_word(w: &str) -> bool {
    matches!(
        w,
        "rally"
            | "rallies"
            | "protest"
            | "protests"
            | "march"
            | "marches"
            | "marchers"
            | "demonstration"
            | "demonstrations"
            | "demonstrators"
            | "demonstrators’"
            | "demonstrators'"
            | "protesters"
            | "protestors"
            | "participants"
            | "turnout"
            | "crowd"
            | "crowds"
            | "attending"
            | "vigil"
            | "sit-in"
    )
}

/// An estimating verb within the four words before the count, with a crowd word between
/// the verb's subject and the few words after the count; or "drew N to the rallies".
pub(super) fn read_crowd_estimate(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    // "estimated" may have been read as the count's own qualifier
    let verb = (0..=6).find_map(|b| {
        let i = np.start.checked_sub(b)?;
        let t = toks.get(i)?;
        if matches!(t.text, "," | ";" | "." | ":") {
            return Some(None);
        }
        let w = t.lower.as_ref();
        (matches!(
            w,
            "estimated" | "estimate" | "estimates" | "claimed" | "counted" | "put" | "drew"
        ) && (b > 0 || w == "estimated"))
            .then_some(Some(i))
    })??;
    let drew = toks.get(verb).is_some_and(|t| t.lower == "drew");
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup || !require_ok(Require::Crowd, &g, toks) {
        return None;
    }
    // "estimated the numbers attending at 36,000": a link "at" right before the count
    let at_link = toks.get(np.start - 1).is_some_and(|t| t.lower == "at");
    let gap_ok = np.start <= verb + 1 || at_link;
    let lo = verb.saturating_sub(4);
    let hi = (g.end.max(np.end) + 4).min(toks.len());
    let crowd = toks[lo..hi].iter().any(|t| crowd_word(&t.lower));
    let onto = drew
        && toks
            .get(g.end.max(np.end))
            .is_some_and(|t| matches!(t.lower.as_ref(), "to" | "onto" | "into"));
    if !gap_ok || !(crowd && (!drew || onto)) {
        return None;
    }
    Some(Reading {
        metric: "participants",
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: false,
        shape: "crowd-estimate",
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn crowds_as_estimated_or_claimed() {
        assert_eq!(
            d("Organisers estimated some 80,000 at the rally in the port city."),
            vec![("participants", Approx, 80_000, Some(80_000), "protesters")]
        );
        assert_eq!(
            metrics("Police put the estimate at 40,000 as the march peaked."),
            vec![("participants", 40_000)]
        );
        assert_eq!(
            metrics("A monitoring group estimated 52,000 participants, while organisers claimed 90,000."),
            vec![("participants", 52_000), ("participants", 90_000)]
        );
        assert_eq!(
            metrics("The third weekend of protests drew thousands to rallies in five cities."),
            vec![("participants", 2000)]
        );
        // estimates of other things, and crowds that are no protest, keep their numbers
        none("Organisers estimated 80,000 at the stadium for the final.");
        none("Police put the damage at 40,000 euros after the march.");
        none("The protest drew criticism from 12 ministers.");
    }
}
