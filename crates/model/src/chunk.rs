//! Long documents in pieces. Several stages look at a sentence's neighbours, the
//! paragraph or the whole document, and their cost grows faster than the text: a 5 MB
//! document once took minutes and over 300× its size in memory. The [`crate::Pipeline`]
//! therefore cuts a document longer than its chunk size into chunks at paragraph breaks,
//! runs the stages on each chunk as if it were a document of its own, and merges the
//! chunks' layers back with spans shifted and ids renumbered. Documents up to the chunk
//! size never come here, so their records are exactly what the stages produce.

use crate::{
    Claim, Cue, Entity, EntityType, Event, Figure, Hedge, Layers, Mention, Segment, SegmentKind,
    Span, Speaker, Timex, Trigger,
};
use std::collections::HashMap;

/// Documents longer than this many bytes are processed in chunks of at most this size.
/// Chosen by measurement (scripts/large-doc.sh): smaller chunks lose more cross-sentence
/// context for little gain, larger ones let the stages' superlinear parts show again.
pub const DEFAULT_CHUNK_BYTES: usize = 256 * 1024;

/// How good a place to cut is, weakest first. A cut always prefers the strongest kind
/// available inside the size limit, so a paragraph is only split when a single paragraph is
/// longer than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Any char boundary: text without white space at all.
    Char,
    /// After white space.
    Space,
    /// After a sentence-final `.`, `!` or `?` (possibly followed by a closing quote).
    Sentence,
    /// After a single line break (a paragraph break for the segmenter unless the lines
    /// continue each other).
    Line,
    /// After a blank line.
    Paragraph,
}

/// The chunks of `text`, in order, each at most `max` bytes unless one char is longer.
/// Together they cover the text exactly, and every boundary is a char boundary.
pub fn chunk_spans(text: &str, max: usize) -> Vec<Span> {
    let max = max.max(1);
    let mut out = Vec::with_capacity(text.len() / max + 1);
    let mut start = 0;
    while start < text.len() {
        let end = if text.len() - start <= max {
            text.len()
        } else {
            cut_after(text, start, max)
        };
        out.push(Span::new(start, end));
        start = end;
    }
    out
}

/// Where to end a chunk that starts at `start` and may not exceed `max` bytes: the
/// strongest break in the window; among equals one in the window's second half (so chunks
/// do not get needlessly small), then the one with the most line breaks (several blank
/// lines in a row usually separate articles), then the latest. Always > `start`.
fn cut_after(text: &str, start: usize, max: usize) -> usize {
    let mut limit = (start + max).min(text.len());
    while limit > start && !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if limit == start {
        // A single char wider than `max`: take it whole.
        limit = start + 1;
        while limit < text.len() && !text.is_char_boundary(limit) {
            limit += 1;
        }
        return limit;
    }
    let half = start + max / 2;
    let bytes = text.as_bytes();
    // (kind, in second half, line breaks, position)
    let mut best = (Break::Char, limit >= half, 0usize, limit);
    let mut consider = |kind: Break, lines: usize, pos: usize| {
        if pos > start && pos <= limit {
            let cand = (kind, pos >= half, lines, pos);
            if cand > best {
                best = cand;
            }
        }
    };
    let mut i = start;
    while i < limit {
        if !bytes.get(i).is_some_and(|b| is_space(*b)) {
            i += 1;
            continue;
        }
        let run_start = i;
        let mut lines = 0;
        let mut after_last_newline = i;
        while i < limit && bytes.get(i).is_some_and(|b| is_space(*b)) {
            if bytes.get(i) == Some(&b'\n') {
                lines += 1;
                after_last_newline = i + 1;
            }
            i += 1;
        }
        match lines {
            0 if ends_sentence(bytes, run_start) => consider(Break::Sentence, 0, i),
            0 => consider(Break::Space, 0, i),
            1 => consider(Break::Line, 1, after_last_newline),
            n => consider(Break::Paragraph, n, after_last_newline),
        }
    }
    best.3
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0b' | b'\x0c')
}

/// True when the text before `at` ends a sentence: `.`, `!` or `?`, possibly followed by
/// one closing quote or bracket.
fn ends_sentence(bytes: &[u8], at: usize) -> bool {
    let Some(before) = bytes.get(..at) else {
        return false;
    };
    let closers: [&[u8]; 6] = [
        b"\"",
        b"'",
        b")",
        b"]",
        "\u{201d}".as_bytes(),
        "\u{2019}".as_bytes(),
    ];
    let body = closers
        .iter()
        .find_map(|c| before.strip_suffix(*c))
        .unwrap_or(before);
    matches!(body.last(), Some(b'.' | b'!' | b'?'))
}

/// Puts chunks' layers into the whole document's terms, chunk after chunk in text order.
///
/// Spans move by the chunk's offset and records are renumbered `t1`, `c1`, `f1`, `v1`…
/// through the document, with every reference between records following. Entity clusters
/// of the same type and canonical name in different chunks become one cluster, as they
/// would in one document, so the merger keeps the clusters until the last chunk
/// ([`Merger::into_entities`]). The token layer is dropped: it is the stages' working
/// layer, read by no output, and at one 24-byte record per few bytes of text it alone
/// would cost several times the text.
#[derive(Debug, Default)]
pub struct Merger {
    chunks: usize,
    timexes: usize,
    claims: usize,
    figures: usize,
    events: usize,
    entities: Vec<Entity>,
    /// (type, canonical name) → index into `entities`.
    entity_by_name: HashMap<(EntityType, String), usize>,
}

/// A chunk's old ids → the document's new ones, for one layer.
type IdMap = HashMap<String, String>;

impl Merger {
    pub fn new() -> Self {
        Merger::default()
    }

    /// One chunk's layers in document terms; `offset` is where the chunk starts in the
    /// document. Its entity clusters are kept here, so the returned entity layer is empty.
    pub fn place(&mut self, part: Layers, offset: usize) -> Layers {
        let first = self.chunks == 0;
        self.chunks += 1;
        let Layers {
            paragraphs,
            segments,
            tokens: _,
            residue,
            timexes,
            entities,
            claims,
            figures,
            events,
            residue_order: _,
        } = part;
        let shift = |s: Span| s.offset(offset);
        let mut l = Layers {
            paragraphs: paragraphs.into_iter().map(shift).collect(),
            residue: residue.into_iter().map(shift).collect(),
            ..Layers::default()
        };
        l.segments = segments
            .into_iter()
            .map(|Segment { kind, span }| Segment {
                // Each chunk saw its first heading as the headline; only the document's
                // first one is.
                kind: if !first && kind == SegmentKind::Headline {
                    SegmentKind::Subheading
                } else {
                    kind
                },
                span: shift(span),
            })
            .collect();

        let mut tmap = IdMap::new();
        let base = self.timexes;
        self.timexes += timexes.len();
        for (k, t) in timexes.into_iter().enumerate() {
            let id = format!("t{}", base + k + 1);
            tmap.insert(t.id.clone(), id.clone());
            l.timexes.push(Timex {
                id,
                span: shift(t.span),
                ..t
            });
        }
        // Anchors point backwards or forwards within the chunk: map them once all are known.
        for t in &mut l.timexes {
            remap(&mut t.anchor, &tmap);
        }

        let emap = self.merge_entities(entities, offset);

        let mut cmap = IdMap::new();
        let base = self.claims;
        self.claims += claims.len();
        for (k, c) in claims.into_iter().enumerate() {
            let id = format!("c{}", base + k + 1);
            cmap.insert(c.id.clone(), id.clone());
            let Claim {
                id: _,
                speaker,
                cue,
                content,
                kind,
                via,
                date,
                mut timex,
                medium,
                hedges,
                span,
            } = c;
            remap(&mut timex, &tmap);
            l.claims.push(Claim {
                id,
                speaker: speaker.map(|s| shift_speaker(s, offset, &emap)),
                cue: Cue {
                    span: shift(cue.span),
                    ..cue
                },
                content: content.into_iter().map(shift).collect(),
                kind,
                via: via
                    .into_iter()
                    .map(|v| shift_speaker(v, offset, &emap))
                    .collect(),
                date,
                timex,
                medium,
                hedges: hedges
                    .into_iter()
                    .map(|h| Hedge {
                        span: shift(h.span),
                        ..h
                    })
                    .collect(),
                span: shift(span),
            });
        }

        // Figures point at events: number the events first.
        let mut vmap = IdMap::new();
        for (k, e) in events.iter().enumerate() {
            vmap.insert(e.id.clone(), format!("v{}", self.events + k + 1));
        }
        let base = self.figures;
        self.figures += figures.len();
        for (k, f) in figures.into_iter().enumerate() {
            let Figure {
                id: _,
                metric,
                value,
                group,
                place,
                as_of,
                period,
                sources,
                hedged,
                mut claim,
                span,
                sentence,
                mut event,
            } = f;
            remap(&mut claim, &cmap);
            remap(&mut event, &vmap);
            l.figures.push(Figure {
                id: format!("f{}", base + k + 1),
                metric,
                value,
                group,
                // A place name, not an entity id (spec/figures.md).
                place,
                as_of,
                period,
                sources,
                hedged,
                claim,
                span: shift(span),
                sentence: shift(sentence),
                event,
            });
        }

        let base = self.events;
        self.events += events.len();
        for (k, e) in events.into_iter().enumerate() {
            let Event {
                id: _,
                kind,
                trigger,
                mut actors,
                mut place,
                date,
                mut timex,
                status,
                mut claim,
                hedged,
                span,
            } = e;
            for a in [&mut actors.agent, &mut actors.target]
                .into_iter()
                .flatten()
            {
                remap(&mut a.entity, &emap);
            }
            remap(&mut place, &emap);
            remap(&mut timex, &tmap);
            remap(&mut claim, &cmap);
            l.events.push(Event {
                id: format!("v{}", base + k + 1),
                kind,
                trigger: Trigger {
                    span: shift(trigger.span),
                    ..trigger
                },
                actors,
                place,
                date,
                timex,
                status,
                claim,
                hedged,
                span: shift(span),
            });
        }
        l
    }

    /// Adds a chunk's entity clusters, joining those already known by type and name.
    fn merge_entities(&mut self, entities: Vec<Entity>, offset: usize) -> IdMap {
        let mut emap = IdMap::new();
        for e in entities {
            let Entity {
                id: old,
                kind,
                subtype,
                name,
                aliases,
                mentions,
                roles,
                geo,
            } = e;
            let mentions = mentions.into_iter().map(|m| Mention {
                span: m.span.offset(offset),
                ..m
            });
            let key = (kind, name);
            let list = &mut self.entities;
            let known = self
                .entity_by_name
                .get(&key)
                .copied()
                .and_then(|i| list.get_mut(i));
            if let Some(have) = known {
                have.mentions.extend(mentions);
                for a in aliases {
                    if !have.aliases.contains(&a) {
                        have.aliases.push(a);
                    }
                }
                for r in roles {
                    if !have.roles.contains(&r) {
                        have.roles.push(r);
                    }
                }
                if have.subtype.is_none() {
                    have.subtype = subtype;
                }
                if have.geo.is_none() {
                    have.geo = geo;
                }
                emap.insert(old, have.id.clone());
                continue;
            }
            let id = format!("e{}", list.len() + 1);
            emap.insert(old, id.clone());
            self.entity_by_name.insert(key.clone(), list.len());
            list.push(Entity {
                id,
                kind,
                subtype,
                name: key.1,
                aliases,
                mentions: mentions.collect(),
                roles,
                geo,
            });
        }
        emap
    }

    /// The entity clusters of every chunk placed so far.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }
}

/// Appends one placed chunk's layers (see [`Merger::place`]) to the document's.
pub fn append(to: &mut Layers, part: Layers) {
    to.paragraphs.extend(part.paragraphs);
    to.segments.extend(part.segments);
    to.tokens.extend(part.tokens);
    to.residue.extend(part.residue);
    to.timexes.extend(part.timexes);
    to.entities.extend(part.entities);
    to.claims.extend(part.claims);
    to.figures.extend(part.figures);
    to.events.extend(part.events);
}

/// Points an id at its new number. Values that are not ids of the chunk (a name where no
/// entity matched, `DCT`) stay as they are.
fn remap(field: &mut Option<String>, map: &IdMap) {
    if let Some(new) = field.as_deref().and_then(|old| map.get(old)) {
        *field = Some(new.clone());
    }
}

fn shift_speaker(s: Speaker, offset: usize, emap: &IdMap) -> Speaker {
    let mut entity = s.entity;
    remap(&mut entity, emap);
    Speaker {
        span: s.span.offset(offset),
        entity,
        ..s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(text: &str, max: usize) -> Vec<Span> {
        let spans = chunk_spans(text, max);
        let mut at = 0;
        for s in &spans {
            assert_eq!(s.start(), at);
            assert!(s.end() > s.start());
            assert!(text.get(s.start()..s.end()).is_some(), "{s:?}");
            at = s.end();
        }
        assert_eq!(at, text.len());
        spans
    }

    #[test]
    fn cuts_at_blank_lines_before_lines_before_sentences() {
        let text = "One two.\nThree four five six.\n\nSeven eight. Nine ten eleven.";
        let spans = check_cover(text, 40);
        // The blank line is the only paragraph break inside the first 40 bytes.
        assert_eq!(
            text.get(..spans[0].end()),
            Some("One two.\nThree four five six.\n\n")
        );
        let spans = check_cover("Aa bb cc. Dd ee ff. Gg hh", 20);
        assert_eq!(spans[0], Span(0, 20));
        let spans = check_cover("Aa bb. cc dd ee ff gg hh", 20);
        assert_eq!(spans[0], Span(0, 7));
    }

    #[test]
    fn prefers_many_blank_lines_in_the_second_half() {
        let text = format!(
            "{}\n\n\n\n{}\n\n{}",
            "a".repeat(30),
            "b".repeat(10),
            "c".repeat(40)
        );
        let spans = check_cover(&text, 50);
        assert_eq!(spans[0].end(), 34);
        // In the first half only: the later, weaker break wins.
        let text = format!(
            "{}\n\n\n\n{}\n\n{}",
            "a".repeat(10),
            "b".repeat(30),
            "c".repeat(40)
        );
        let spans = check_cover(&text, 50);
        assert_eq!(spans[0].end(), 46);
    }

    #[test]
    fn never_splits_a_char() {
        for max in 1..12 {
            check_cover("ééé ü€€ 🙂🙂x\n\n€", max);
            check_cover("🙂🙂🙂🙂", max);
        }
        check_cover("", 5);
    }

    #[test]
    fn merged_ids_and_references_follow() {
        let chunk = |off: usize| {
            let mut l = Layers::default();
            l.timexes.push(Timex {
                id: "t1".into(),
                span: Span(0, 3),
                text: "now".into(),
                kind: crate::TimexType::Date,
                value: "PRESENT_REF".into(),
                anchor: Some("DCT".into()),
                modifier: None,
            });
            l.entities.push(Entity {
                id: "e1".into(),
                kind: EntityType::Person,
                subtype: None,
                name: if off == 0 { "Ann Lee" } else { "Bo Ng" }.into(),
                aliases: vec![],
                mentions: vec![Mention {
                    span: Span(4, 7),
                    kind: crate::MentionKind::Name,
                }],
                roles: vec![],
                geo: None,
            });
            l.entities.push(Entity {
                id: "e2".into(),
                kind: EntityType::Place,
                subtype: None,
                name: "Tarvo".into(),
                aliases: vec![format!("alias{off}")],
                mentions: vec![Mention {
                    span: Span(8, 13),
                    kind: crate::MentionKind::Name,
                }],
                roles: vec![],
                geo: None,
            });
            l.events.push(Event {
                id: "v1".into(),
                kind: "protest".into(),
                trigger: Trigger {
                    text: "x".into(),
                    span: Span(1, 2),
                },
                actors: crate::Actors {
                    agent: Some(crate::Actor {
                        text: "a".into(),
                        entity: Some("e1".into()),
                    }),
                    target: None,
                },
                place: Some("e2".into()),
                date: None,
                timex: Some("t1".into()),
                status: crate::EventStatus::Occurred,
                claim: None,
                hedged: false,
                span: Span(0, 13),
            });
            l
        };
        let mut m = Merger::new();
        let mut l = Layers::default();
        let a = m.place(chunk(0), 0);
        append(&mut l, a);
        let b = m.place(chunk(100), 100);
        assert!(b.entities.is_empty());
        append(&mut l, b);
        l.entities = m.into_entities();
        let ids: Vec<&str> = l.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e1", "e2", "e3"]);
        assert_eq!(l.entities[1].mentions.len(), 2);
        assert_eq!(l.entities[1].mentions[1].span, Span(108, 113));
        assert_eq!(l.entities[1].aliases, ["alias0", "alias100"]);
        let v = &l.events[1];
        assert_eq!(v.id, "v2");
        assert_eq!(v.span, Span(100, 113));
        assert_eq!(v.timex.as_deref(), Some("t2"));
        assert_eq!(v.place.as_deref(), Some("e2"));
        let agent = v.actors.agent.as_ref().and_then(|a| a.entity.as_deref());
        assert_eq!(agent, Some("e3"));
        assert_eq!(l.timexes[1].anchor.as_deref(), Some("DCT"));
    }
}
