//! A title inside a capitalised run: "Harnow County Mayor Ilse Vrank", "Pellik Chief Minister
//! Oru Tamsin". The run is three things — the place or body the office belongs to, the title,
//! the holder — and must not be read as one person's name. The run is cut before the title;
//! the words before it stay a name of their own when they are one (a gazetteer or lexicon
//! name, or two or more words: "Civil Defense"), and are part of the title otherwise
//! ("Revenue Minister", "Fire Chief").

use crate::gazetteer::GAZ;
use crate::lexicon::KNOWN;
use crate::names::role_at;
use crate::words::{text_of, Word};
use newsledger_model::Document;

/// Where a title starts inside the run `[i, j)` with a capitalised name after it, and
/// whether the words before it (`[i, k)`) are a name to keep.
pub fn title_inside(doc: &Document, w: &[Word], i: usize, j: usize) -> Option<(usize, bool)> {
    if j < i + 3 || role_at(w, i).is_some() {
        return None;
    }
    let k = (i + 1..j.saturating_sub(1)).find(|&k| {
        role_at(w, k).is_some_and(|(len, _)| {
            k + len < j
                && w.get(k + len).is_some_and(|y| y.cap)
                && !w.get(k - 1).is_some_and(|p| p.poss)
        })
    })?;
    let prefix = text_of(doc, w, i, k);
    // "Ostrin General Hospital" is a body, not a title; a known body before a title is
    // split off by the organisation rules ("UN High Commissioner …").
    let body_end = w.get(j - 1).is_some_and(|y| {
        crate::lexicon::ORG_HEAD
            .get(y.text)
            .is_some_and(|(_, p)| !matches!(p, crate::lexicon::HeadPos::Head))
    });
    if body_end || KNOWN.contains_key(text_of(doc, w, i, j)) || KNOWN.contains_key(prefix) {
        return None;
    }
    let keep = k > i + 1 || !GAZ.lookup(prefix).is_empty() || KNOWN.contains_key(prefix);
    Some((k, keep))
}

#[cfg(test)]
mod tests {
    use crate::test_names::names;
    use newsledger_model::EntityType;

    #[test]
    fn place_title_holder_runs_are_cut_before_the_title() {
        let n = names("Rescue teams were sent after Sindh Chief Minister Oru Tamsin asked for help on Friday.");
        assert!(n.contains(&("Sindh".into(), EntityType::Place)), "{n:?}");
        assert!(
            n.contains(&("Oru Tamsin".into(), EntityType::Person)),
            "{n:?}"
        );
        let n =
            names("The shelter opened on Monday, Harnow County Mayor Ilse Vrank told reporters.");
        assert!(n.iter().any(|(t, _)| t == "Ilse Vrank"), "{n:?}");
        assert!(!n.iter().any(|(t, _)| t.contains("Mayor")), "{n:?}");
    }

    #[test]
    fn a_portfolio_word_before_a_title_is_no_name() {
        let n = names("Aid would follow, Revenue Minister Pela Dorran said in a statement.");
        assert!(
            n.contains(&("Pela Dorran".into(), EntityType::Person)),
            "{n:?}"
        );
        assert!(!n.iter().any(|(t, _)| t.contains("Revenue")), "{n:?}");
        let n = names("Patients were moved from Ostrin General Hospital overnight.");
        assert!(
            n.contains(&("Ostrin General Hospital".into(), EntityType::Org)),
            "{n:?}"
        );
    }
}
