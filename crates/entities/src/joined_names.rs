//! Names made of more than one capitalised run, or of a run and a lower-case head:
//! "Disaster and Emergency Management Authority" and "Turks and Caicos" (joined by "and"),
//! "Devon and Cornwall police" and "the Pellik criminal court" (a body named after places),
//! "State House Nairobi" (a site and the city it stands in, two names in one run), and the
//! outlet's own name in its page furniture ("The Harwell Update Press Articles").

use crate::gazetteer::GAZ;
use crate::lexicon::{self, HeadPos, KNOWN, NON_NAME, ORG_HEAD};
use crate::names::Reading;
use crate::words::{text_of, Word};
use newsledger_model::Document;

/// The word `w[k]` (or it with the word before) is an organisation head that ends a name.
fn ends_in_org_head(w: &[Word], k: usize) -> bool {
    let Some(last) = w.get(k) else { return false };
    let tail = |t: &str| {
        ORG_HEAD
            .get(t)
            .is_some_and(|(_, p)| matches!(p, HeadPos::Tail | HeadPos::Both))
    };
    let two = k
        .checked_sub(1)
        .and_then(|p| w.get(p))
        .map(|p| format!("{} {}", p.text, last.text));
    tail(last.text) || two.as_deref().is_some_and(tail)
}

fn is_known_place(t: &str) -> bool {
    KNOWN.contains_key(t) || !GAZ.lookup(t).is_empty()
}

/// The run `w[i..j]` stands before "and" (`w[j]`): where the name ends if the "and" is
/// inside it. It is when the whole is a known name ("Trinidad and Tobago"), when the words
/// after "and" close an organisation's name and the run does not open with a place
/// ("Disaster and Emergency Management Authority", not "Turkey and Syria Civil Defense"),
/// and when names joined by "and", one a known place, are followed by "police" ("Devon and Cornwall police").
pub fn and_joined_end(doc: &Document, w: &[Word], i: usize, j: usize) -> Option<usize> {
    let prev = w.get(j.checked_sub(1)?)?;
    if !prev.cap || prev.poss || j - i > 4 || !w.get(j)?.is("and") {
        return None;
    }
    let mut k = j + 1;
    while w
        .get(k)
        .is_some_and(|y| y.is_word && y.cap && !NON_NAME.contains(y.text))
    {
        k += 1;
        if w.get(k - 1).is_some_and(|y| y.poss) {
            break;
        }
    }
    if k == j + 1 || k - j > 5 {
        return None;
    }
    if is_known_place(text_of(doc, w, i, k)) {
        return Some(k);
    }
    let left = text_of(doc, w, i, j);
    let right = text_of(doc, w, j + 1, k);
    let places = is_known_place(left) || is_known_place(right);
    if places
        && w.get(k)
            .is_some_and(|y| y.is_word && !y.cap && y.is("police"))
    {
        return Some(k);
    }
    let first = w.get(i)?;
    let opens_with_place = is_known_place(first.text) || is_known_place(left);
    // "the Water Authority and Dams Management Authority": two bodies, each with its head.
    let left_is_body = ends_in_org_head(w, j - 1);
    (!opens_with_place && !left_is_body && ends_in_org_head(w, k - 1)).then_some(k)
}

/// Lower-case heads that make "<place> [modifier] court" one body's name.
const COURT_MODIFIERS: [&str; 8] = [
    "criminal", "appeals", "high", "supreme", "district", "military", "federal", "civil",
];

/// Where a body named after the places `w[a..b]` ends: "Pellik court", "Pellik criminal
/// court", "Devon and Cornwall police" (places joined by "and" only; a single known place
/// before "police" stays a place, so its figures keep their place).
pub fn place_body_end(doc: &Document, w: &[Word], a: usize, b: usize) -> Option<usize> {
    let next = w.get(b)?;
    if !next.is_word || next.cap {
        return None;
    }
    let joined = (a..b).any(|k| w.get(k).is_some_and(|x| x.is("and")));
    if joined && next.is("police") {
        return Some(b + 1);
    }
    if joined || !is_known_place(text_of(doc, w, a, b)) {
        return None;
    }
    if next.is("court") {
        return Some(b + 1);
    }
    let court_next = w
        .get(b + 1)
        .is_some_and(|x| x.is_word && !x.cap && x.is("court"));
    (COURT_MODIFIERS.contains(&next.lower.as_str()) && court_next).then_some(b + 2)
}

/// The document's outlet named from word `w[a]` on ("The Harwell Update Press Articles"
/// on a page of the Harwell Update, where "Update" alone is no name): where its name ends.
pub fn outlet_at(doc: &Document, w: &[Word], a: usize) -> Option<usize> {
    let outlet = doc.meta.outlet.as_deref()?.trim();
    let outlet = outlet.strip_prefix("The ").unwrap_or(outlet);
    if !outlet.contains(' ') {
        return None;
    }
    let start = w.get(a)?.span.start();
    let rest = doc.text.get(start..)?.strip_prefix(outlet)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let end = start + outlet.len();
    (a + 1..a + 12).find(|&k| w.get(k - 1).is_some_and(|x| x.span.end() == end))
}

/// How the outlet's name ending before `w[e]` reads: by its head word when it has one
/// (a rights group's "… Centre" publishes too), else as a news organisation.
pub fn outlet_reading(w: &[Word], e: usize) -> Reading {
    let last = e.checked_sub(1).and_then(|k| w.get(k));
    let two = e
        .checked_sub(2)
        .and_then(|k| w.get(k))
        .zip(last)
        .and_then(|(p, l)| ORG_HEAD.get(format!("{} {}", p.text, l.text).as_str()))
        .map(|(sub, _)| *sub);
    let one = last
        .and_then(|x| ORG_HEAD.get(x.text))
        .map(|(sub, _)| *sub)
        .filter(|sub| *sub == "ngo");
    Reading::Org(two.or(one).unwrap_or("media"))
}

/// A site and the place it stands in, in one run ("State House Nairobi", "Harnow
/// Stadium Pellik"): where the site's name ends, when the rest is a known place.
pub fn site_then_place(doc: &Document, w: &[Word], a: usize, b: usize) -> Option<usize> {
    if b < a + 3 {
        return None;
    }
    (a + 2..b).find(|&k| {
        w.get(k - 1)
            .is_some_and(|x| lexicon::is("landmark_tail", x.text))
            && !GAZ.lookup(text_of(doc, w, k, b)).is_empty()
    })
}

/// "Northern California": a compass word before a known first-level region names a part
/// of it, a place of its own (not at a sentence start, where the capital proves nothing).
/// Before a country it is only a description ("Eastern Libya" is Libya).
pub fn compass_region(doc: &Document, w: &[Word], a: usize, b: usize) -> bool {
    let Some(first) = w.get(a) else { return false };
    if b < a + 2 || first.start || !lexicon::is("compass_lead", first.text) {
        return false;
    }
    let rest = text_of(doc, w, a + 1, b);
    GAZ.best(rest, &[], false)
        .and_then(|i| GAZ.place(i))
        .is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Region)
}

#[cfg(test)]
mod tests {
    use crate::test_names::names;
    use newsledger_model::EntityType;

    #[test]
    fn an_and_inside_a_body_name_is_kept() {
        let n = names("Officials of the Flood and Drought Relief Authority said the dams held.");
        assert!(
            n.contains(&("Flood and Drought Relief Authority".into(), EntityType::Org)),
            "{n:?}"
        );
        let n = names("The Canal Authority and Flood Control Agency shared the work.");
        assert!(!n.iter().any(|(t, _)| t.contains("Authority and")), "{n:?}");
        let n = names("Teams from Jordan and Lebanon Civil Defense joined the search.");
        assert!(!n.iter().any(|(t, _)| t.starts_with("Jordan and")), "{n:?}");
    }

    #[test]
    fn a_country_named_with_and_is_one_place() {
        let n = names("The storm passed over Turks and Caicos late on Sunday.");
        assert!(
            n.contains(&("Turks and Caicos".into(), EntityType::Place)),
            "{n:?}"
        );
    }

    #[test]
    fn bodies_named_after_places() {
        let n = names("Two men were charged by the Almaty criminal court on Friday.");
        assert!(
            n.contains(&("Almaty criminal court".into(), EntityType::Org)),
            "{n:?}"
        );
        let n = names("A spokesman for Devon and Cornwall police said the road was shut.");
        assert!(
            n.contains(&("Devon and Cornwall police".into(), EntityType::Org)),
            "{n:?}"
        );
    }

    #[test]
    fn the_outlet_names_itself_in_page_furniture() {
        let p = newsledger_model::Pipeline::new()
            .with(newsledger_segment::SegmentStage::new())
            .and_then(|p| p.with(crate::EntityStage::new()))
            .expect("pipeline");
        let meta = newsledger_model::Meta {
            outlet: Some("Harwell Update".into()),
            ..Default::default()
        };
        let text = "The Harwell Update Weekly Notes\n\nThe river rose in Harwell on Monday.";
        let mut doc = newsledger_model::Document::new("t", text, meta);
        p.run(&mut doc);
        let org = doc
            .layers
            .entities
            .iter()
            .find(|e| e.kind == EntityType::Org);
        assert!(
            org.is_some_and(|e| e.name == "Harwell Update"),
            "{:?}",
            doc.layers.entities
        );
    }

    #[test]
    fn a_site_and_its_city_in_one_run_are_two_names() {
        let n = names("Speaking at State House Nairobi, the minister gave the new count.");
        assert!(
            n.contains(&("State House".into(), EntityType::Place)),
            "{n:?}"
        );
        assert!(n.contains(&("Nairobi".into(), EntityType::Place)), "{n:?}");
    }

    #[test]
    fn a_compass_word_and_a_region_name_a_place_of_their_own() {
        let n = names("Fires spread in Northern California and in Oregon this week.");
        assert!(
            n.contains(&("Northern California".into(), EntityType::Place)),
            "{n:?}"
        );
    }
}
