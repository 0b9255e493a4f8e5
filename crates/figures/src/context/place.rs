//! The most specific place a figure is tied to.

use super::*;

pub(super) fn place_rank(subtype: Option<&str>) -> u8 {
    match subtype {
        Some("landmark") => 4,
        Some("city") => 3,
        Some("region") => 2,
        Some("country") => 1,
        _ => 2,
    }
}

/// The most specific place mentioned in a span, nearest to `near` among equals.
pub(super) fn place_in(doc: &Document, within: Span, near: usize) -> Option<String> {
    own_place(doc, within, near).map(|(_, n)| n.to_string())
}

/// [`place_in`] with the place's rank.
pub(super) fn own_place(doc: &Document, within: Span, near: usize) -> Option<(u8, &str)> {
    let mut best: Option<(u8, usize, &str)> = None;
    for e in &doc.layers.entities {
        if e.kind != EntityType::Place {
            continue;
        }
        for m in &e.mentions {
            if !within.contains(m.span) || m.kind == MentionKind::Pronoun || doc.is_residue(m.span)
            {
                continue;
            }
            let rank = place_rank(e.subtype.as_deref());
            let dist = m.span.start().abs_diff(near);
            let better = match best {
                None => true,
                Some((r, d, _)) => rank > r || (rank == r && dist < d),
            };
            if better {
                best = Some((rank, dist, e.name.as_str()));
            }
        }
    }
    best.map(|(r, _, n)| (r, n))
}

/// The document's main place: the country mentioned most often.
pub(crate) fn main_place(doc: &Document) -> Option<String> {
    doc.layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place && e.subtype.as_deref() == Some("country"))
        .map(|e| {
            let n = e
                .mentions
                .iter()
                .filter(|m| !doc.is_residue(m.span))
                .count();
            (n, e)
        })
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e.name.clone())
}

/// The place in a figure's sentence near `at`, else in the earlier sentences of the same
/// paragraph.
pub(crate) fn place_near(doc: &Document, si: usize, at: usize) -> Option<String> {
    let segs = &doc.layers.segments;
    let seg = segs.get(si)?;
    let para = doc.paragraph_index_at(seg.span.start());
    let mut place = place_in(doc, seg.span, at);
    // earlier sentences of the same paragraph
    let mut k = si;
    while place.is_none() && k > 0 {
        k -= 1;
        let Some(s) = segs.get(k) else { break };
        if doc.paragraph_index_at(s.span.start()) != para {
            break;
        }
        place = place_in(doc, s.span, s.span.end());
    }
    place
}
