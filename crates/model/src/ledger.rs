//! The ledger: the public, serialised record of one document.

use crate::{Claim, Document, Entity, Event, Figure, Segment, Span, Timex};
use serde::{Deserialize, Serialize};

/// Bumped whenever the ledger's shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 5;

/// What optional parts a ledger carries.
#[derive(Debug, Clone, Copy, Default)]
pub struct LedgerOptions {
    /// Include the document text (always on for HTML/WARC/feeds, whose text is extracted).
    pub with_text: bool,
    /// Include the segment layer.
    pub annotations: bool,
}

/// One document's records, as written by `newsledger extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    pub schema_version: u32,
    pub id: String,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<String>,
    pub figures: Vec<Figure>,
    pub claims: Vec<Claim>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub timexes: Vec<Timex>,
    pub residue: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub segments: Option<Vec<Segment>>,
}

/// The same JSON as a [`Ledger`], borrowing the document's layers instead of copying
/// them: writers serialise this, so a large document's records are not held twice.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerView<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    pub published: Option<String>,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'a str>,
    pub figures: &'a [Figure],
    pub claims: &'a [Claim],
    pub entities: &'a [Entity],
    pub events: &'a [Event],
    pub timexes: &'a [Timex],
    pub residue: &'a [Span],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<&'a [Segment]>,
}

impl<'a> LedgerView<'a> {
    pub fn of(doc: &'a Document, opts: LedgerOptions) -> Self {
        let l = &doc.layers;
        LedgerView {
            schema_version: SCHEMA_VERSION,
            id: &doc.id,
            published: doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            title: doc.meta.title.as_deref(),
            url: doc.meta.url.as_deref(),
            outlet: doc.meta.outlet.as_deref(),
            language: doc.meta.language.as_deref(),
            figures: &l.figures,
            claims: &l.claims,
            entities: &l.entities,
            events: &l.events,
            timexes: &l.timexes,
            residue: &l.residue,
            text: opts.with_text.then_some(doc.text.as_str()),
            segments: opts.annotations.then_some(l.segments.as_slice()),
        }
    }
}

impl Ledger {
    pub fn from_document(doc: &Document, opts: LedgerOptions) -> Ledger {
        let l = &doc.layers;
        Ledger {
            schema_version: SCHEMA_VERSION,
            id: doc.id.clone(),
            published: doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
            title: doc.meta.title.clone(),
            url: doc.meta.url.clone(),
            outlet: doc.meta.outlet.clone(),
            language: doc.meta.language.clone(),
            figures: l.figures.clone(),
            claims: l.claims.clone(),
            entities: l.entities.clone(),
            events: l.events.clone(),
            timexes: l.timexes.clone(),
            residue: l.residue.clone(),
            text: opts.with_text.then(|| doc.text.clone()),
            segments: opts.annotations.then(|| l.segments.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Meta, SegmentKind};

    #[test]
    fn view_writes_the_same_json_as_the_ledger() {
        let meta = Meta {
            published: chrono::NaiveDate::from_ymd_opt(2031, 3, 4),
            title: Some("T".into()),
            url: None,
            outlet: Some("O".into()),
            language: None,
        };
        let mut doc = Document::new("d", "Some text.", meta);
        doc.layers.residue.push(Span(0, 4));
        doc.layers.segments.push(Segment {
            kind: SegmentKind::Sentence,
            span: Span(0, 10),
        });
        for (with_text, annotations) in [(false, false), (true, true), (true, false)] {
            let opts = LedgerOptions {
                with_text,
                annotations,
            };
            let owned = serde_json::to_string(&Ledger::from_document(&doc, opts)).ok();
            let view = serde_json::to_string(&LedgerView::of(&doc, opts)).ok();
            assert!(owned.is_some());
            assert_eq!(owned, view);
        }
    }

    #[test]
    fn a_claim_with_no_source_round_trips_with_a_null_speaker() {
        use crate::{ClaimKind, Cue};
        let text = "It was reported that the ferry had sailed.";
        let mut doc = Document::new("d", text, Meta::default());
        doc.layers.claims.push(Claim {
            id: "c1".into(),
            speaker: None,
            cue: Cue {
                text: "was reported".into(),
                span: Span(3, 15),
                lemma: "report".into(),
                distance: false,
            },
            content: vec![Span(21, 41)],
            kind: ClaimKind::Indirect,
            via: Vec::new(),
            date: None,
            timex: None,
            medium: None,
            hedges: Vec::new(),
            span: Span(0, 41),
        });
        let ledger = Ledger::from_document(&doc, LedgerOptions::default());
        let json = serde_json::to_string(&ledger).unwrap_or_default();
        assert!(json.contains(r#""speaker":null"#), "{json}");
        assert!(json.contains(&format!(r#""schema_version":{SCHEMA_VERSION}"#)));
        let back: Option<Ledger> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&ledger));
        let claim = &ledger.claims[0];
        assert!(claim.source_chain().is_empty());
        assert_eq!((claim.speaker_name(), claim.speaker_span()), ("", None));
    }
}
