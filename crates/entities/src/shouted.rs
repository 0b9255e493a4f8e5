//! Names set in capitals outside a marked dateline: a place line the segmenter left in the
//! text ("BRENNHOLM — Rescuers…", "VELDOR: Nine…"), a head in capitals ("PELLIK FLOOD
//! RELIEF"), an outlet in a photo credit ("/REUTERS", "(KESTREL)"). A word in capitals is a
//! name only when its title-case form is a gazetteer place or a lexicon name: capitals alone
//! prove nothing.

use crate::gazetteer::GAZ;
use crate::lexicon::{KnownKind, KNOWN, NON_NAME};
use crate::words::Word;

/// What a word in capitals names, read through its title-case form.
pub enum Shouted {
    Place(String),
    Known(String),
}

/// The reading of a word of four or more capitals that the lexicons do not know as written.
pub fn shouted(x: &Word, title: impl Fn(&str) -> String) -> Option<Shouted> {
    if !x.upper || x.text.len() < 4 || KNOWN.contains_key(x.text) || NON_NAME.contains(x.text) {
        return None;
    }
    if !x.text.chars().all(|c| c.is_alphabetic() || c == '-') {
        return None;
    }
    let t = title(x.text);
    if let Some(k) = KNOWN.get(t.as_str()) {
        // Only outlets and platforms: "UNION" or "PARTY" is a word, not a body.
        let outlet = !k.media_kind.is_empty() || k.kind == KnownKind::Platform;
        return outlet.then_some(Shouted::Known(t));
    }
    if NON_NAME.contains(t.as_str()) || GAZ.lookup(&t).is_empty() {
        return None;
    }
    Some(Shouted::Place(t))
}

#[cfg(test)]
mod tests {
    use crate::test_names::names;
    use newsledger_model::EntityType;

    #[test]
    fn places_and_outlets_in_capitals() {
        let n = names("Flood report\n\nCAIRO: Nine fishermen were missing after the storm, officials said.\n\nSANDBAGS ARRIVE\n\nKARACHI — Volunteers filled bags all night. (Photo: REUTERS)\n");
        assert!(n.contains(&("CAIRO".into(), EntityType::Place)), "{n:?}");
        assert!(n.contains(&("KARACHI".into(), EntityType::Place)), "{n:?}");
        assert!(n.contains(&("REUTERS".into(), EntityType::Org)), "{n:?}");
        assert!(
            !n.iter().any(|(t, _)| t == "SANDBAGS" || t == "ARRIVE"),
            "{n:?}"
        );
    }
}
