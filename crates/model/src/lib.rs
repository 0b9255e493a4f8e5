//! # newsledger-model
//!
//! The one document model every stage reads and adds to, in the manner of a spaCy `Doc`:
//! the text exactly as given (never normalised) plus stand-off annotation layers addressed
//! by UTF-8 byte spans into that text. Every extracted record carries the span of its
//! evidence, so `&doc.text[span]` always reproduces what the record claims.
//!
//! The crate also defines the [`Stage`] trait and the [`Pipeline`] that runs stages in
//! order, and the [`Ledger`]: the serialised, public shape of one document's records.
//!
//! Layers, in the order the default pipeline fills them:
//! segments/tokens/paragraphs/residue → timexes → entities → claims → figures → events.

pub mod budget;
pub mod chunk;
mod ledger;
mod pipeline;
mod records;
mod span;
mod spanindex;
#[doc(hidden)]
pub mod testing;
pub mod translit;

pub use budget::{Budget, OverBudget};
pub use ledger::{Ledger, LedgerOptions, LedgerView, SCHEMA_VERSION};
pub use pipeline::{Layer, Pipeline, PipelineError, Stage};
pub use records::*;
pub use span::Span;
pub use spanindex::SpanIndex;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Metadata that comes with a document from its source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Publication date (the day in the publication's own offset).
    pub published: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Language of the text (ISO 639-1 where there is one: `en`, `ru`, `uk`…), as declared
    /// by the source or detected on ingest. `None` (documents built in code) reads as English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// A document: its id, its text exactly as given, its metadata and its annotation layers.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Meta,
    pub layers: Layers,
    /// How long the pipeline may spend on this document (unlimited unless set, e.g. by
    /// [`Pipeline::run_within`]); stages check it at sentence boundaries.
    pub budget: Budget,
}

/// Stand-off annotation layers. Each stage fills one or more of these; nothing here
/// copies text, everything points into [`Document::text`] by byte span.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// Paragraphs (blank-line or line separated blocks of text).
    pub paragraphs: Vec<Span>,
    /// Sentence-like segments: sentences, headlines, subheadings, datelines.
    pub segments: Vec<Segment>,
    /// Word, number and punctuation tokens.
    pub tokens: Vec<Token>,
    /// Page furniture (newsletter sign-ups, share buttons, credits): never yields facts.
    pub residue: Vec<Span>,
    pub timexes: Vec<Timex>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
    /// Remembers whether `residue` is in document order, so [`Document::is_residue`] can
    /// binary-search it instead of scanning it for every segment (quadratic on one long
    /// document). Internal: nothing outside this crate needs to touch it.
    #[doc(hidden)]
    pub residue_order: ResidueOrder,
}

/// Cache of "is the residue layer sorted" for [`Document::is_residue`], keyed by the
/// layer's address, length and end spans so that replacing or growing the layer (stages
/// and tests assign and push to it freely) is noticed and the check redone.
#[doc(hidden)]
#[derive(Default)]
pub struct ResidueOrder(std::sync::Mutex<Option<(ResidueKey, bool)>>);

type ResidueKey = (usize, usize, Option<Span>, Option<Span>);

impl Clone for ResidueOrder {
    fn clone(&self) -> Self {
        ResidueOrder::default()
    }
}

impl std::fmt::Debug for ResidueOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResidueOrder")
    }
}

impl ResidueOrder {
    /// True when both starts and ends of `spans` never decrease, the order a binary
    /// search in [`Document::is_residue`] relies on.
    fn sorted(&self, spans: &[Span]) -> bool {
        let key = (
            spans.as_ptr() as usize,
            spans.len(),
            spans.first().copied(),
            spans.last().copied(),
        );
        let mut guard = match self.0.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some((k, sorted)) = *guard {
            if k == key {
                return sorted;
            }
        }
        let sorted = spans
            .windows(2)
            .all(|w| w[0].start() <= w[1].start() && w[0].end() <= w[1].end());
        *guard = Some((key, sorted));
        sorted
    }
}

/// The rule set a document is routed to: each stage runs its English rules, its Russian
/// rules, or none (any other language yields no records; the caller warns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    Other,
}

impl Lang {
    /// The routing for a language code; `None` (not declared, not detected) is English,
    /// the language every stage was first written for.
    pub fn of(code: Option<&str>) -> Lang {
        let Some(code) = code else {
            return Lang::En;
        };
        let primary = code.split(['-', '_']).next().unwrap_or("").trim();
        if primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng") {
            Lang::En
        } else if primary.eq_ignore_ascii_case("ru") || primary.eq_ignore_ascii_case("rus") {
            Lang::Ru
        } else {
            Lang::Other
        }
    }
}

impl Document {
    /// Which language's rules the stages apply to this document.
    pub fn lang(&self) -> Lang {
        Lang::of(self.meta.language.as_deref())
    }

    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Meta) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            meta,
            layers: Layers::default(),
            budget: Budget::unlimited(),
        }
    }

    /// The text of a span. Returns "" for a span that does not fall on char boundaries
    /// inside the text, so a buggy stage can never make a caller panic.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start()..span.end()).unwrap_or("")
    }

    /// True when the span overlaps any residue span (page furniture).
    pub fn is_residue(&self, span: Span) -> bool {
        let res = &self.layers.residue;
        if res.len() <= 8 || !self.layers.residue_order.sorted(res) {
            return res.iter().any(|r| r.overlaps(span));
        }
        // Sorted by start and by end: the spans starting before `span` ends are a prefix,
        // and the last of them ends furthest right, so it alone decides the overlap.
        let k = res.partition_point(|r| r.start() < span.end());
        k.checked_sub(1)
            .and_then(|i| res.get(i))
            .is_some_and(|r| r.overlaps(span))
    }

    /// Segments that are not residue: the ones stages should extract facts from.
    pub fn content_segments(&self) -> impl Iterator<Item = &Segment> {
        self.layers
            .segments
            .iter()
            .filter(move |s| !self.is_residue(s.span))
    }

    /// The segment (sentence, headline…) that contains the byte offset, if any.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let segs = &self.layers.segments;
        let i = segs.partition_point(|s| s.span.end() <= offset);
        segs.get(i).filter(|s| s.span.start() <= offset)
    }

    /// Index of the segment containing the byte offset.
    pub fn segment_index_at(&self, offset: usize) -> Option<usize> {
        let segs = &self.layers.segments;
        let i = segs.partition_point(|s| s.span.end() <= offset);
        segs.get(i).filter(|s| s.span.start() <= offset).map(|_| i)
    }

    /// Index of the paragraph containing the byte offset.
    pub fn paragraph_index_at(&self, offset: usize) -> Option<usize> {
        let ps = &self.layers.paragraphs;
        let i = ps.partition_point(|p| p.end() <= offset);
        ps.get(i).filter(|p| p.start() <= offset).map(|_| i)
    }

    /// Tokens inside a span (by binary search on the sorted token layer).
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let toks = &self.layers.tokens;
        let a = toks.partition_point(|t| t.span.start() < span.start());
        let b = toks.partition_point(|t| t.span.start() < span.end());
        &toks[a..b.max(a)]
    }

    /// Entity cluster that has a mention overlapping the span, if any.
    pub fn entity_at(&self, span: Span) -> Option<&Entity> {
        self.layers
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
    }

    /// Entity by id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        let list = &self.layers.entities;
        by_id(list, id, 'e', |x: &Entity| x.id.as_str())
    }

    /// Timex by id.
    pub fn timex(&self, id: &str) -> Option<&Timex> {
        let list = &self.layers.timexes;
        by_id(list, id, 't', |x: &Timex| x.id.as_str())
    }

    /// Claim by id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        let list = &self.layers.claims;
        by_id(list, id, 'c', |x: &Claim| x.id.as_str())
    }
}

/// The record with id `id` in `list`. Stages number their records `{prefix}1`,
/// `{prefix}2`… in order, so `{prefix}n` is looked up at index n-1 first; anything else
/// (other ids, renumbered or hand-built layers) falls back to a scan. Ids are unique
/// within a layer, so the direct hit is the record a scan would find.
fn by_id<'a, T>(
    list: &'a [T],
    id: &str,
    prefix: char,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let direct = id
        .strip_prefix(prefix)
        .filter(|n| !n.starts_with('0'))
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| list.get(i))
        .filter(|x| id_of(x) == id);
    direct.or_else(|| list.iter().find(|x| id_of(x) == id))
}

#[cfg(test)]
mod lookup_tests {
    use super::*;

    fn scan(doc: &Document, span: Span) -> bool {
        doc.layers.residue.iter().any(|r| r.overlaps(span))
    }

    #[test]
    fn residue_lookup_matches_a_scan_sorted_or_not() {
        let mut doc = Document::new("d", "x".repeat(400), Meta::default());
        doc.layers.residue = (0..20).map(|i| Span::new(i * 20, i * 20 + 7)).collect();
        let probes: Vec<Span> = (0..400)
            .flat_map(|a| [Span::new(a, a), Span::new(a, a + 1), Span::new(a, a + 13)])
            .collect();
        for &p in &probes {
            assert_eq!(doc.is_residue(p), scan(&doc, p), "{p:?}");
        }
        // Appending out of order must be noticed.
        doc.layers.residue.push(Span::new(3, 300));
        for &p in &probes {
            assert_eq!(doc.is_residue(p), scan(&doc, p), "{p:?}");
        }
        doc.layers.residue.clear();
        assert!(!doc.is_residue(Span::new(0, 400)));
    }

    #[test]
    fn ids_found_directly_or_by_scan() {
        let list: Vec<String> = ["t1", "t2", "t3", "t7"].map(String::from).to_vec();
        let find = |id: &str| by_id(&list, id, 't', |x: &String| x.as_str()).cloned();
        assert_eq!(find("t2").as_deref(), Some("t2"));
        assert_eq!(find("t7").as_deref(), Some("t7"));
        assert!(find("t4").is_none());
        assert!(find("t02").is_none());
        assert!(find("x").is_none());
        assert!(find("t0").is_none());
    }
}

#[cfg(test)]
mod lang_tests {
    use super::Lang;

    #[test]
    fn codes_route_to_rule_sets() {
        assert_eq!(Lang::of(None), Lang::En);
        assert_eq!(Lang::of(Some("en-GB")), Lang::En);
        assert_eq!(Lang::of(Some("ru")), Lang::Ru);
        assert_eq!(Lang::of(Some("ru_RU")), Lang::Ru);
        assert_eq!(Lang::of(Some("uk")), Lang::Other);
        assert_eq!(Lang::of(Some("kk")), Lang::Other);
        assert_eq!(Lang::of(Some("")), Lang::Other);
    }
}
