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
    let mut persons = 0;
    let mut unknown = 0;
    let m = run_to_auxiliary(toks, k, 16, |m, t| {
        if let Some((e, _)) = LEX.groups.longest_at(toks, m) {
            persons += 1;
            return Some(e);
        }
        if !list_word(&t.lower) {
            if !t.is_word() || unknown >= 2 {
                return None;
            }
            unknown += 1;
        }
        Some(m + 1)
    })?;
    if persons == 0 {
        return None;
    }
    // only a perfect or passive predicate ("have been detained", "were killed")
    predicate_after(toks, g, adjacent_group, m, "count-list-verb", |metric| {
        metric != "participants"
    })
}

/// The words between a count's noun phrase at `k` and the auxiliary of its verb, at most
/// `limit` of them: `step` reads the word at `m` and says where the next one starts, or
/// ends the search with None. The auxiliary's index, when one comes after a word or more.
pub(super) fn run_to_auxiliary(
    toks: &[Tok],
    k: usize,
    limit: usize,
    mut step: impl FnMut(usize, &Tok) -> Option<usize>,
) -> Option<usize> {
    let mut m = k;
    while m < k + limit {
        let t = toks.get(m)?;
        if AUX.contains(&t.lower.as_ref()) && t.lower != "to" {
            break;
        }
        m = step(m, t)?;
    }
    (m != k).then_some(m)
}

/// The count's verb read at the auxiliary `m`: a perfect or passive predicate (more than
/// the auxiliary) of a metric `keep` accepts, as the reading of `shape`.
pub(super) fn predicate_after(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    m: usize,
    shape: &'static str,
    keep: impl Fn(&str) -> bool,
) -> Option<Reading> {
    let r = count_verb_at(toks, g, adjacent_group, m)?;
    (keep(r.metric) && r.end > m + 1).then_some(Reading { shape, ..r })
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
