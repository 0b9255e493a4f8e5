//! A count whose counted noun is followed by a list or an apposition of more person nouns
//! before its verb: "more than 900 students, reporters and lawyers have been detained",
//! "dozens of people, mostly protesters but also police, have been killed".

use super::*;

/// Words a list of person nouns may hold between its nouns.
fn list_word(w: &str) -> bool {
    matches!(
        w,
        "," | "and"
            | "or"
            | "but"
            | "also"
            | "including"
            | "mainly"
            | "mostly"
            | "largely"
            | "chiefly"
            | "many"
            | "some"
            | "several"
            | "other"
            | "as"
            | "well"
            | "even"
            | "the"
            | "their"
            | "of"
            | "both"
            | "—"
            | "–"
    )
}

/// count noun-phrase, list of person nouns, auxiliary, metric participle. At most two
/// words in the list may be unknown modifiers ("school children"); a number, a clause
/// break or any other word ends the search.
pub(super) fn read_distant_verb(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    k: usize,
) -> Option<Reading> {
    g.toks?;
    let mut m = k;
    let mut persons = 0;
    let mut unknown = 0;
    while m < k + 16 {
        let t = toks.get(m)?;
        if AUX.contains(&t.lower.as_ref()) && t.lower != "to" {
            break;
        }
        if let Some((e, _)) = LEX.groups.longest_at(toks, m) {
            persons += 1;
            m = e;
            continue;
        }
        if !list_word(&t.lower) {
            if !t.is_word() || unknown >= 2 {
                return None;
            }
            unknown += 1;
        }
        m += 1;
    }
    if persons == 0 || m == k {
        return None;
    }
    let r = count_verb_at(toks, g, adjacent_group, m)?;
    // only a perfect or passive predicate ("have been detained", "were killed")
    (r.metric != "participants" && r.end > m + 1).then_some(Reading {
        shape: "count-list-verb",
        ..r
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn a_list_of_people_between_the_count_and_its_verb() {
        assert_eq!(
            d("More than 900 students, reporters and lawyers have been detained since May."),
            vec![("detained", AtLeast, 900, None, "civilians")]
        );
        assert_eq!(
            metrics(
                "Dozens of people, mostly protesters but also police officers, have been killed."
            ),
            vec![("killed", 24)]
        );
        // a clause of its own in between is not a list
        assert_eq!(
            metrics(
                "Some 2,000 protesters gathered outside the court where the men were arrested."
            ),
            vec![("participants", 2000)]
        );
    }
}
