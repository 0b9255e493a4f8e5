//! Names that a lone word makes only with its context: a US state or Canadian province
//! abbreviated after a town ("Maryville, Tenn."), a first name after "said" ("…, said
//! Robyn, an evacuee"), and the few known names written in lower case ("dpa reported").

use crate::lexicon::{self, KNOWN};
use crate::words::Word;
use once_cell::sync::Lazy;
use rustc_hash::FxHashSet as HashSet;

/// "Harnow, Tenn.": the full name of the state whose abbreviation is word `i` (its dot
/// right after it), after a comma and a capitalised town.
pub fn state_abbrev(w: &[Word], i: usize) -> Option<&'static str> {
    let x = w.get(i)?;
    let dot = w.get(i + 1)?;
    if !dot.is_punct(".") || dot.span.start() != x.span.end() {
        return None;
    }
    let comma = w.get(i.checked_sub(1)?)?;
    let town = w.get(i.checked_sub(2)?)?;
    if !comma.is_punct(",") || !town.cap {
        return None;
    }
    lexicon::value("state_abbrev", x.text)
}

/// "…," said Robyn, an evacuee': a lone capitalised word right after "said" or "says"
/// and before a comma or full stop is the speaker's name.
pub fn named_speaker(w: &[Word], a: usize) -> bool {
    let said = a
        .checked_sub(1)
        .and_then(|k| w.get(k))
        .is_some_and(|p| p.is("said") || p.is("says"));
    let ends = w
        .get(a + 1)
        .is_some_and(|n| n.is_punct(",") || n.is_punct("."));
    said && ends
}

/// Known names spelled in lower case ("dpa").
static LOWER_KNOWN: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    KNOWN
        .keys()
        .filter(|k| k.starts_with(|c: char| c.is_lowercase()) && !k.contains(' '))
        .copied()
        .collect()
});

/// Is the lower-case word a known name ("dpa")?
pub fn lower_known(x: &Word) -> bool {
    x.is_word && LOWER_KNOWN.contains(x.text)
}

#[cfg(test)]
mod tests {
    use crate::test_names::names;
    use newsledger_model::EntityType;

    #[test]
    fn a_state_abbreviation_after_a_town_is_the_state() {
        let n = names("The train left the rails near Harnow, Tenn., late on Friday.");
        assert!(n.contains(&("Tenn.".into(), EntityType::Place)), "{n:?}");
    }

    #[test]
    fn an_abbreviated_state_keeps_its_own_entity_but_dotted_countries_do_not() {
        let p = newsledger_model::Pipeline::new()
            .with(newsledger_segment::SegmentStage::new())
            .and_then(|p| p.with(crate::EntityStage::new()))
            .expect("pipeline");
        let text = "Snow fell on Harnow, Tenn., and across Tennessee. U.S. officials said the United States would help.";
        let mut doc = newsledger_model::Document::new("t", text, newsledger_model::Meta::default());
        p.run(&mut doc);
        let names: Vec<&str> = doc
            .layers
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            names.contains(&"Tenn.") && names.contains(&"Tennessee"),
            "{names:?}"
        );
        let us = doc
            .layers
            .entities
            .iter()
            .filter(|e| e.name == "United States")
            .count();
        assert_eq!(us, 1, "{names:?}");
    }

    #[test]
    fn a_first_name_after_said_is_a_person() {
        let n = names("\"We left at night,\" said Marta, a teacher. Marta now sleeps in a school.");
        assert_eq!(
            n.iter()
                .filter(|(t, k)| t == "Marta" && *k == EntityType::Person)
                .count(),
            2,
            "{n:?}"
        );
    }

    #[test]
    fn known_lower_case_names_are_found() {
        let n = names("Forty homes were lost in the storm, dpa reported on Sunday.");
        assert!(n.contains(&("dpa".into(), EntityType::Org)), "{n:?}");
    }
}
