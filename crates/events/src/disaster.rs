//! Hazard, accident and response events: their family and GLIDE code, one event per
//! hazard in a document however often it is named, and the figures tied to the events they
//! count ("the quake killed 2,000" → the earthquake).

use newsledger_model::{Document, EntityType, Event, Figure, SegmentKind, Span};

/// Which family an event type belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Hazard,
    Accident,
    Response,
    Political,
}

/// The family of an event type.
pub fn family(kind: &str) -> Family {
    match kind {
        "earthquake" | "tsunami" | "flood" | "flash_flood" | "storm" | "wildfire" | "landslide"
        | "volcano" | "heat_wave" | "cold_wave" | "drought" | "epidemic" => Family::Hazard,
        "building_collapse" | "fire" | "explosion" | "mine_accident" | "transport_accident" => {
            Family::Accident
        }
        "evacuation" | "rescue_operation" | "search_operation" | "aid_delivery" => Family::Response,
        _ => Family::Political,
    }
}

/// The GLIDE hazard code of a type, where GLIDE has one. A storm's code depends on the
/// storm: `TC` for a tropical cyclone (hurricane, typhoon), `TO` for a tornado, `ST` for
/// other storms. Building collapses, explosions and mine accidents have no GLIDE class of
/// their own (GLIDE files them under `AC` or `OT`); responses are not hazards.
pub fn glide_code(kind: &str, trigger: &str) -> Option<&'static str> {
    Some(match kind {
        "earthquake" => "EQ",
        "tsunami" => "TS",
        "flood" => "FL",
        "flash_flood" => "FF",
        "storm" => storm_code(trigger),
        "wildfire" => "WF",
        "landslide" => "LS",
        "volcano" => "VO",
        "heat_wave" => "HT",
        "cold_wave" => "CW",
        "drought" => "DR",
        "epidemic" => "EP",
        "fire" => "FR",
        "transport_accident" => "AC",
        _ => return None,
    })
}

fn storm_code(trigger: &str) -> &'static str {
    let t = trigger.to_lowercase();
    if t.contains("tornado") || t.contains("twister") {
        "TO"
    } else if ["cyclone", "hurricane", "typhoon", "tropical", "landfall"]
        .iter()
        .any(|w| t.contains(w))
    {
        "TC"
    } else {
        "ST"
    }
}

/// A hazard, accident or response: every mention in a document names one happening unless
/// places tell them apart.
pub fn merges_per_document(kind: &str) -> bool {
    family(kind) != Family::Political
}

/// A type whose mentions are one happening whatever places they name: a story has one
/// earthquake or one rescue effort spread over many towns, but two shipwrecks are two.
pub fn one_per_document(kind: &str) -> bool {
    merges_per_document(kind) && !matches!(kind, "transport_accident" | "explosion" | "fire")
}

/// The event types a figure of `metric` counts, most likely first; `None` where any
/// hazard, accident or violent event may be meant.
fn preferred(metric: &str) -> Option<&'static [&'static str]> {
    Some(match metric {
        "rescued" => &["rescue_operation", "search_operation"],
        "evacuated" => &["evacuation", "order"],
        "deployed" => &["rescue_operation", "search_operation", "deployment"],
        "detained" => &["arrest"],
        "charged" => &["accusation", "arrest"],
        "participants" => &["protest", "riot"],
        _ => return None,
    })
}

/// A type that takes lives or homes: hazards, accidents and violence.
fn harmful(kind: &str) -> bool {
    matches!(family(kind), Family::Hazard | Family::Accident)
        || matches!(
            kind,
            "attack" | "clash" | "killing" | "riot" | "assault" | "explosion"
        )
}

/// One mention of an event: its trigger span, type and the id of the event it became.
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub kind: String,
    pub event: String,
}

/// Maps every trigger found (before restatements were merged) to the event it became: the
/// event of its type whose trigger overlaps it, else the last one of its type before it,
/// else the first of its type.
pub fn mentions(found: &[(Span, String)], events: &[Event]) -> Vec<Mention> {
    let mut out = Vec::with_capacity(found.len());
    for (span, kind) in found {
        let same = || events.iter().filter(|e| &e.kind == kind);
        let ev = same()
            .find(|e| e.trigger.span.overlaps(*span))
            .or_else(|| {
                same()
                    .rev()
                    .find(|e| e.trigger.span.start() <= span.start())
            })
            .or_else(|| same().next());
        if let Some(e) = ev {
            out.push(Mention {
                span: *span,
                kind: kind.clone(),
                event: e.id.clone(),
            });
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

/// How many mentions before a figure's sentence a figure may reach back to: enough for a
/// paragraph, bounded so a run-on document cannot make linking quadratic.
const LOOK_BACK: usize = 64;

/// The event a figure counts: a mention of a fitting type in the figure's sentence (the
/// nearest), else the last fitting mention before it, else the first fitting one after.
pub fn link(fig: &Figure, ms: &[Mention], principal: Option<&str>) -> Option<String> {
    let pref = preferred(&fig.metric);
    let fits = |m: &Mention| match pref {
        Some(p) => p.contains(&m.kind.as_str()),
        None => harmful(&m.kind) && !(principal.is_some() && consequence(&m.kind)),
    };
    let lo = ms.partition_point(|m| m.span.start() < fig.sentence.start());
    let hi = ms.partition_point(|m| m.span.start() < fig.sentence.end());
    let in_sentence = ms
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .filter(|m| fits(m))
        .min_by_key(|m| distance(m.span, fig.span));
    if let Some(m) = in_sentence {
        return Some(m.event.clone());
    }
    let before = ms
        .get(lo.saturating_sub(LOOK_BACK)..lo)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|m| fits(m));
    let after = || {
        ms.get(hi..)
            .unwrap_or(&[])
            .iter()
            .take(LOOK_BACK)
            .find(|m| fits(m))
    };
    let m = before.or_else(after);
    if let Some(m) = m {
        return Some(m.event.clone());
    }
    // A rescue or an evacuation with no response event of its own counts the hazard's
    // people.
    pref.and_then(|_| {
        ms.get(lo.saturating_sub(LOOK_BACK)..hi)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|m| matches!(family(&m.kind), Family::Hazard | Family::Accident))
            .filter(|_| matches!(fig.metric.as_str(), "rescued" | "evacuated" | "deployed"))
            .map(|m| m.event.clone())
    })
}

fn distance(a: Span, b: Span) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else if b.end() <= a.start() {
        a.start() - b.end()
    } else {
        0
    }
}

/// The place a story is about: the first place named in its body outside the dateline, a
/// town or region before a country when both come first in one sentence. Hazards and their responses with no
/// place of their own take it.
pub fn story_place(doc: &Document) -> Option<String> {
    let body_start = doc
        .content_segments()
        .find(|s| !matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading))
        .map_or(0, |s| s.span.start());
    let mut best: Option<(usize, bool, &str)> = None;
    for e in doc
        .layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place)
    {
        // A dateline names where the reporter filed from, not where it happened.
        let in_dateline = |s: usize| {
            doc.segment_at(s)
                .is_some_and(|g| g.kind == SegmentKind::Dateline)
        };
        let Some(first) = e
            .mentions
            .iter()
            .map(|m| m.span.start())
            .filter(|&s| s >= body_start && !in_dateline(s))
            .min()
        else {
            continue;
        };
        let country = e.subtype.as_deref() == Some("country");
        let sentence = doc.segment_at(first).map(|s| s.span.start());
        let better = match best {
            None => true,
            Some((b, bc, _)) => {
                let same =
                    sentence.is_some() && doc.segment_at(b).map(|s| s.span.start()) == sentence;
                if same {
                    bc && !country
                } else {
                    first < b
                }
            }
        };
        if better {
            best = Some((first, country, e.id.as_str()));
        }
    }
    best.map(|(_, _, id)| id.to_string())
}

/// Gives the story's place to hazards, accidents and responses that name none.
pub fn fill_places(doc: &Document, events: &mut [Event]) {
    if !events
        .iter()
        .any(|e| e.place.is_none() && merges_per_document(&e.kind))
    {
        return;
    }
    let place = story_place(doc);
    for e in events
        .iter_mut()
        .filter(|e| e.place.is_none() && merges_per_document(&e.kind))
    {
        e.place.clone_from(&place);
    }
}

/// Fills `Figure::event` for every figure of the document.
pub fn link_figures(doc: &mut Document, ms: &[Mention]) {
    let principal = principal_hazard(ms);
    for f in &mut doc.layers.figures {
        f.event = link(f, ms, principal.as_deref());
    }
}

/// What a hazard brings about: houses and dams that collapse, slides the rain sets off, the
/// cold survivors endure. Where the story has a hazard of its own, the dead, hurt, missing
/// and homeless are counted against that hazard, not against its consequences.
fn consequence(kind: &str) -> bool {
    matches!(
        kind,
        "building_collapse" | "landslide" | "cold_wave" | "fire"
    )
}

/// The story's hazard: the natural hazard, consequences aside, named most often (the
/// first named on a tie).
fn principal_hazard(ms: &[Mention]) -> Option<String> {
    // Event id → (mentions, order first named).
    let mut counts: std::collections::HashMap<&str, (usize, usize)> = Default::default();
    for m in ms
        .iter()
        .filter(|m| family(&m.kind) == Family::Hazard && !consequence(&m.kind))
    {
        let next = counts.len();
        counts.entry(&m.event).or_insert((0, next)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first)))
        .map(|(e, _)| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glide_codes_follow_the_storm() {
        assert_eq!(glide_code("earthquake", "quake"), Some("EQ"));
        assert_eq!(glide_code("storm", "Hurricane Vela"), Some("TC"));
        assert_eq!(glide_code("storm", "twister"), Some("TO"));
        assert_eq!(glide_code("storm", "dust storm"), Some("ST"));
        assert_eq!(glide_code("building_collapse", "collapsed"), None);
        assert_eq!(family("rescue_operation"), Family::Response);
        assert_eq!(family("protest"), Family::Political);
    }
}
