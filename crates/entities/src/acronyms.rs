//! Acronyms introduced in brackets: "the Korvan Relief Agency (KRA)". The word after an
//! opening bracket counts as a line start (a capital proves nothing there), but an all-caps
//! word alone in brackets right after a capitalised name is that name's short form, a name
//! mention of its own.

use crate::words::Word;

/// Is `w[a..b]` one all-caps word in brackets right after a capitalised word?
pub fn introduced_in_brackets(w: &[Word], a: usize, b: usize) -> bool {
    b == a + 1
        && a >= 2
        && w.get(a).is_some_and(|x| x.upper)
        && w.get(a - 1).is_some_and(|p| p.is_punct("("))
        && w.get(b).is_some_and(|q| q.is_punct(")"))
        && w.get(a - 2).is_some_and(|n| n.is_word && n.cap)
}

#[cfg(test)]
mod tests {
    use crate::EntityStage;
    use newsledger_model::{Document, EntityType, MentionKind, Meta, Pipeline};
    use newsledger_segment::SegmentStage;

    #[test]
    fn a_bracketed_acronym_is_a_mention_of_the_name_before_it() {
        let p = Pipeline::new()
            .with(SegmentStage::new())
            .and_then(|p| p.with(EntityStage::new()))
            .expect("pipeline");
        let text = "Teams from the Korvan Relief Agency (KRA) reached the valley on Monday. The KRA said forty people were safe.";
        let mut doc = Document::new("t", text, Meta::default());
        p.run(&mut doc);
        let e = doc
            .layers
            .entities
            .iter()
            .find(|e| e.name == "Korvan Relief Agency")
            .expect("agency");
        assert_eq!(e.kind, EntityType::Org);
        let names: Vec<&str> = e
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| doc.slice(m.span))
            .collect();
        assert_eq!(
            names,
            ["Korvan Relief Agency", "KRA", "KRA"],
            "{:?}",
            doc.layers.entities
        );
    }
}
