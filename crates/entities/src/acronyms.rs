//! Acronyms introduced in brackets: "the Korvan Relief Agency (KRA)". The word after an
//! opening bracket counts as a line start (a capital proves nothing there), but an all-caps
//! word alone in brackets right after a capitalised name is that name's short form, a name
//! mention of its own.

use crate::names::NameCand;
use crate::words::Word;
use newsledger_model::Document;

/// Is `w[a..b]` one all-caps word in brackets right after a capitalised word?
pub fn introduced_in_brackets(w: &[Word], a: usize, b: usize) -> bool {
    b == a + 1
        && a >= 2
        && w.get(a).is_some_and(|x| x.upper)
        && w.get(a - 1).is_some_and(|p| p.is_punct("("))
        && w.get(b).is_some_and(|q| q.is_punct(")"))
        && w.get(a - 2).is_some_and(|n| n.is_word && n.cap)
}

/// An all-caps short form ("AFAD", "NEMA", "UN-OCHA").
pub fn short_form(text: &str) -> bool {
    (2..=10).contains(&text.len())
        && text.chars().any(|c| c.is_uppercase())
        && text
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Candidate `k` stands alone in brackets right after candidate `k - 1` ("… Authority
/// (AFAD)"): the index of the name before it.
pub fn bracketed_after(doc: &Document, cands: &[NameCand], k: usize) -> Option<usize> {
    let c = cands.get(k)?;
    let p = cands.get(k.checked_sub(1)?)?;
    let gap = doc.text.get(p.span.end()..c.span.start())?;
    let closes = doc.text.get(c.span.end()..)?.starts_with(')');
    (p.seg == c.seg && gap.trim() == "(" && closes).then_some(k - 1)
}

#[cfg(test)]
mod tests {
    use crate::EntityStage;
    use newsledger_model::{Document, EntityType, MentionKind, Meta, Pipeline};
    use newsledger_segment::SegmentStage;

    /// A text through segmentation and the entity stage.
    fn entities_of(text: &str) -> Document {
        let p = Pipeline::new()
            .with(SegmentStage::new())
            .and_then(|p| p.with(EntityStage::new()))
            .expect("pipeline");
        let mut doc = Document::new("t", text, Meta::default());
        p.run(&mut doc);
        doc
    }

    #[test]
    fn a_short_form_in_brackets_belongs_to_the_body_before_it_whatever_its_letters() {
        let doc = entities_of(
            "The Flood Relief Authority (KORA) opened shelters. Later KORA said 300 people had left.",
        );
        let e = doc
            .layers
            .entities
            .iter()
            .find(|e| e.name == "Flood Relief Authority")
            .expect("authority");
        assert_eq!(
            e.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name)
                .count(),
            3
        );
    }

    #[test]
    fn a_bracketed_acronym_is_a_mention_of_the_name_before_it() {
        let doc = entities_of(
            "Teams from the Korvan Relief Agency (KRA) reached the valley on Monday. The KRA said forty people were safe.",
        );
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
