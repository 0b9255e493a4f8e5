//! Places listed together are usually in one country: in "Punjab, Madhya Pradesh and
//! Rajasthan states" the Punjab is India's, though the report names Pakistan too. A name
//! that several countries' places share takes the country of the unambiguous places it is
//! listed with; failing that, the country the report named last before it, when one of
//! its readings lies there ("… in Pakistan, … the province of Punjab").

use crate::gazetteer::GAZ;
use crate::names::{NameCand, Reading};
use newsledger_model::Document;

/// The country every reading of a place name shares, if one.
fn sole_country(name: &str) -> Option<&'static str> {
    let mut found: Option<&'static str> = None;
    for &i in GAZ.lookup(name) {
        let c = GAZ.place(i)?.country;
        match found {
            Some(f) if f != c => return None,
            _ => found = Some(c),
        }
    }
    found
}

/// Text between two listed names: a comma, "and", "or", or a comma and one of them.
fn list_gap(gap: &str) -> bool {
    matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or")
}

fn place_name(c: &NameCand) -> Option<&str> {
    match &c.reading {
        Reading::Place { name, .. } => Some(name),
        _ => None,
    }
}

/// The country of the unambiguous places listed beside candidate `k` (up to three on each
/// side, in the same sentence), when they agree.
pub fn list_country(doc: &Document, cands: &[NameCand], k: usize) -> Option<&'static str> {
    let me = cands.get(k)?;
    let mut found: Option<&'static str> = None;
    for dir in [-1isize, 1] {
        let mut prev = me;
        for step in 1..=3isize {
            let Some(o) = k.checked_add_signed(dir * step).and_then(|j| cands.get(j)) else {
                break;
            };
            let (a, b) = if dir < 0 { (o, prev) } else { (prev, o) };
            let gap = doc.text.get(a.span.end()..b.span.start()).unwrap_or("");
            if o.seg != me.seg || !list_gap(gap) {
                break;
            }
            let Some(c) = place_name(o).and_then(sole_country) else {
                break;
            };
            if found.is_some_and(|f| f != c) {
                return None;
            }
            found = Some(c);
            prev = o;
        }
    }
    found
}

/// The country named last before candidate `k` (within 40 names back), when the name of
/// candidate `k` has a reading in it.
pub fn recent_country(cands: &[NameCand], k: usize) -> Option<&'static str> {
    let name = place_name(cands.get(k)?)?;
    if sole_country(name).is_some() {
        return None;
    }
    let readings = GAZ.lookup(name);
    let country = cands
        .get(k.saturating_sub(40)..k)?
        .iter()
        .rev()
        .filter_map(place_name)
        .filter_map(|n| GAZ.best(n, &[], false).and_then(|i| GAZ.place(i)))
        .find(|p| p.kind == crate::gazetteer::PlaceKind::Country)?
        .country;
    readings
        .iter()
        .filter_map(|&i| GAZ.place(i))
        .any(|p| p.country == country)
        .then_some(country)
}

#[cfg(test)]
mod tests {
    use crate::EntityStage;
    use newsledger_model::{Document, Meta, Pipeline};
    use newsledger_segment::SegmentStage;

    fn countries(text: &str) -> Vec<(String, Option<String>)> {
        let p = Pipeline::new()
            .with(SegmentStage::new())
            .and_then(|p| p.with(EntityStage::new()))
            .expect("pipeline");
        let mut doc = Document::new("t", text, Meta::default());
        p.run(&mut doc);
        doc.layers
            .entities
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    e.geo.as_ref().and_then(|g| g.country.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn a_shared_name_takes_the_country_named_last() {
        let c = countries(
            "Heat hit India and Pakistan. In Pakistan, 40 people died in the province of Punjab.",
        );
        assert!(
            c.iter()
                .any(|(n, cc)| n == "Punjab" && cc.as_deref() == Some("PK")),
            "{c:?}"
        );
    }

    #[test]
    fn a_shared_name_takes_the_country_of_its_list() {
        let c = countries(
            "Pakistan sent aid to Sindh. In India, heat killed 12 people in the Punjab, Rajasthan and Bihar states.",
        );
        assert!(
            c.iter()
                .any(|(n, cc)| n == "Punjab" && cc.as_deref() == Some("IN")),
            "{c:?}"
        );
    }
}
