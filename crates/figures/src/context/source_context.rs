//! Sources read from the sentences around a figure: a generic description ("the monitoring
//! group", "a civil society organisation") stands for the body named nearby; a figure
//! with no source of its own in a sentence that continues an attributed one ("He said …",
//! "Of those, 12 were children.") takes that sentence's source.

use super::attribution::{source_like, source_word, SourceWord};
use super::*;

/// "monitoring group", "non-governmental organisation": lower-case words ending in a
/// generic source noun.
pub(super) fn is_generic(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    // "UK-registered organization": one capitalised modifier at most
    let capitals = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let first_only = capitals == 0
        || (capitals == 1 && words.len() >= 2 && words.first().is_some_and(|w| !is_lower(w)));
    first_only && is_lower(last) && source_word(last) == Some(SourceWord::Generic)
}

fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(|c| !c.is_uppercase())
}

/// The claim's speaker was resolved to a place: "the mayor" → "Toa Baja", "villagers in
/// the south of Arn" → "Arn". The written head is the source ("mayor", "villagers"); a
/// speaker that is only places ("Arn and Tesh states", where "states" is a noun) is no
/// source at all. A place alone before a report verb ("Arn said") stands for its
/// government and stays.
pub(super) fn place_speaker(doc: &Document, claim: &Claim, chain: &mut Vec<String>) {
    let Some(sp) = &claim.speaker else {
        return;
    };
    let is_place = |n: &str| {
        doc.layers.entities.iter().any(|e| {
            e.kind == EntityType::Place && (e.name == n || e.aliases.iter().any(|a| a == n))
        })
    };
    if !is_place(&sp.name) {
        return;
    }
    let text = clean_source(&sp.text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let proper = words.len() >= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "of" | "for" | "the" | "and" | "on" | "in")
        });
    if proper && text.contains(&sp.name) && text.len() > sp.name.len() {
        if let Some(o) = chain.first_mut() {
            *o = text.clone();
        }
        return;
    }
    let head_end = [" in ", " of ", " from ", " near "]
        .iter()
        .filter_map(|k| text.find(k))
        .min()
        .unwrap_or(text.len());
    let head = text.get(..head_end).unwrap_or(&text).trim();
    let head_is_place =
        head.is_empty() || is_place(head) || sp.name.contains(head) || head.contains(&sp.name);
    if !head_is_place {
        if let Some(o) = chain.first_mut() {
            *o = head.to_string();
        }
    } else if claim.cue.text == "states" {
        chain.clear();
    }
}

/// A name that can stand for a generic description: a proper name, not a person's.
fn body_name(doc: &Document, s: &str) -> bool {
    let proper = s.chars().next().is_some_and(char::is_uppercase) && source_like(s);
    let person =
        doc.layers.entities.iter().any(|e| {
            e.kind == EntityType::Person && (e.name == s || e.aliases.iter().any(|a| a == s))
        });
    proper && !person && !is_generic(s)
}

/// Named bodies around the document: (byte offset, name, named as a source), from drafts'
/// origins, claims' origins and organisation mentions (outlets left out).
fn named_bodies(doc: &Document, drafts: &[Draft]) -> Vec<(usize, String, bool)> {
    let mut out: Vec<(usize, String, bool)> = Vec::new();
    for d in drafts {
        if let Some(o) = d.sources.first().filter(|o| body_name(doc, o)) {
            out.push((d.span.start(), o.clone(), true));
        }
    }
    for c in &doc.layers.claims {
        let named = chain_of(c).into_iter().next().filter(|o| body_name(doc, o));
        if let (Some(o), Some(at)) = (named, c.speaker_span()) {
            out.push((at.start(), o, true));
        }
    }
    for e in &doc.layers.entities {
        if e.kind != EntityType::Org || e.subtype.as_deref() == Some("media") {
            continue;
        }
        let name = clean_source(&e.name);
        if !body_name(doc, &name) {
            continue;
        }
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            out.push((m.span.start(), name.clone(), false));
        }
    }
    // the outlet itself is no body a description of a source stands for
    out.retain(|(_, name, _)| !own_voice_filter(doc, vec![name.clone()]).is_empty());
    out.sort_by_key(|x| x.0);
    out
}

/// Replace a generic origin by the nearest body named before it (within the last three
/// sentences), else in its own or the next sentence; a body named as a source there beats
/// one only mentioned ("the rights group" after "the Arn Rights Network said …, blaming the
/// Tesh Brigade" is the network).
pub(super) fn resolve_generic(doc: &Document, drafts: &mut [Draft]) {
    if !drafts
        .iter()
        .any(|d| d.sources.first().is_some_and(|s| is_generic(s)))
    {
        return;
    }
    let bodies = named_bodies(doc, drafts);
    for d in drafts.iter_mut() {
        let Some(origin) = d.sources.first() else {
            continue;
        };
        if !is_generic(origin) {
            continue;
        }
        let back = (0..3).try_fold(d.seg, |s, _| prev_content_seg(doc, s));
        let from = back
            .and_then(|s| doc.layers.segments.get(s))
            .map_or(0, |s| s.span.start());
        let ahead = next_content_seg(doc, d.seg)
            .and_then(|s| doc.layers.segments.get(s))
            .map_or(d.sentence.end(), |s| s.span.end());
        let before = |speaker: bool| {
            bodies
                .iter()
                .rev()
                .find(|(at, _, s)| *at < d.sentence.start() && *at >= from && *s >= speaker)
        };
        let after = |speaker: bool| {
            bodies
                .iter()
                .find(|(at, _, s)| *at >= d.sentence.start() && *at < ahead && *s >= speaker)
        };
        let pick = before(true)
            .or_else(|| after(true))
            .or_else(|| before(false))
            .or_else(|| after(false));
        if let Some((_, name, _)) = pick {
            if let Some(o) = d.sources.first_mut() {
                *o = name.clone();
            }
        }
    }
}

/// A figure without a source whose sentence gives it to a pronoun, or which continues the
/// paragraph's attributed sentence just before it, takes that sentence's sources.
pub(super) fn carry_sources(doc: &Document, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if !d.sources.is_empty() || (d.claim.is_some() && !d.pronoun_source) || d.parent.is_some() {
            continue;
        }
        let headline = doc
            .layers
            .segments
            .get(d.seg)
            .is_some_and(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading));
        if headline {
            continue;
        }
        let prev = prev_content_seg(doc, d.seg);
        let same_para = prev
            .and_then(|p| doc.layers.segments.get(p))
            .is_some_and(|s| doc.paragraph_index_at(s.span.start()) == d.para);
        if !(d.pronoun_source || (same_para && continues(doc.slice(d.sentence)))) {
            continue;
        }
        // a pronoun speaker ("it said", "he added") names whoever the nearest earlier
        // sentence with a source named, up to three sentences back; a continuation takes
        // only the sentence just before
        let mut seg = prev;
        let mut found = None;
        for _ in 0..PRONOUN_REACH {
            let Some(p) = seg else { break };
            found = chain_in_seg(doc, &drafts[..i], p);
            if found.is_some() || !d.pronoun_source {
                break;
            }
            seg = prev_content_seg(doc, p);
        }
        if let Some(srcs) = found {
            drafts[i].sources = srcs;
        }
    }
    children_take_carried(drafts);
}

/// How many sentences back a pronoun speaker is looked up.
const PRONOUN_REACH: usize = 3;

/// The sources a segment gives: those of its sourced figures, else its first named claim.
fn chain_in_seg(doc: &Document, before: &[Draft], seg: usize) -> Option<Vec<String>> {
    let from_draft = before
        .iter()
        .rev()
        .find(|p| p.seg == seg && !p.sources.is_empty())
        .map(|p| p.sources.clone());
    from_draft.or_else(|| {
        let s = doc.layers.segments.get(seg)?;
        doc.layers
            .claims
            .iter()
            .filter(|c| s.span.contains(c.cue.span))
            .map(chain_of)
            .find(|c| !c.is_empty())
    })
}

/// "He said 30 were hurt and eight treated in hospital": a figure that shares its parent's
/// clause takes the source the parent was given by carrying over.
fn children_take_carried(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if !d.sources.is_empty() || d.claim.is_some() {
            continue;
        }
        let Some(p) = d.parent.filter(|&p| p < i) else {
            continue;
        };
        if drafts[p].claim.is_none() && !drafts[p].sources.is_empty() {
            drafts[i].sources = drafts[p].sources.clone();
        }
    }
}

/// A sentence that continues the one before rather than opening a new account: a
/// breakdown ("Of those, …", "Among the dead …", "Another 40 …") or a plain continuation
/// without a date, place or event of its own is decided by the caller's pronoun check.
fn continues(sentence: &str) -> bool {
    let l = sentence.trim_start().to_lowercase();
    [
        "of those",
        "of them",
        "of whom",
        "among them",
        "among those",
        "among the",
        "another ",
        "a further ",
        "including ",
        "they include",
        "most of",
        "many of",
        "some of",
        "the dead include",
        "the victims include",
        "the injured include",
    ]
    .iter()
    .any(|c| l.starts_with(c))
}

#[cfg(test)]
mod tests {
    //! Unit tests on phrases written for these tests.
    use super::{continues, is_generic};

    #[test]
    fn generic_descriptions_and_continuations() {
        assert!(is_generic("monitoring group"));
        assert!(is_generic("non-governmental organisation"));
        assert!(!is_generic("Velm Watch group"));
        assert!(!is_generic("police"));
        assert!(continues("Among the dead were four nurses."));
        assert!(continues("Another 30 were hurt."));
        assert!(!continues("Police arrested 12 people on Monday."));
    }
}
