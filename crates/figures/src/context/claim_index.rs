//! The claims layer indexed once per document for the questions asked per figure: which
//! claims hold a span, which cues sit in a sentence, a speaker's dated claims. A scan of every
//! claim per figure was quadratic on one long document (a run-on page of "police said N were
//! killed" has thousands of both). Every answer is the claim a scan in layer order gave.

use super::*;
use std::cell::OnceCell;
use std::collections::HashMap;

pub(super) struct ClaimIndex {
    /// Content spans of the claims, claim by claim in layer order.
    contents: SpanIndex,
    /// The claim of each content span, by position in `contents`.
    content_claim: Vec<usize>,
    content_len: Vec<usize>,
    /// Whole claim spans, positions are claim indexes.
    spans: SpanIndex,
    /// (cue start, cue end, claim) sorted by start.
    cues: Vec<(usize, usize, usize)>,
    /// Whether each claim states a stance ([`newsledger_claims::is_stance`]) rather than
    /// reports ([`super::sources::reports`]).
    stance: Vec<bool>,
    /// Trimmed speaker name → (claim start, day) of the speaker's claims with a day, in
    /// layer order; built on first use.
    dated: OnceCell<HashMap<String, Vec<(usize, String)>>>,
}

impl ClaimIndex {
    pub(super) fn new(doc: &Document) -> Self {
        let claims = &doc.layers.claims;
        let mut content_spans = Vec::new();
        let mut content_claim = Vec::new();
        for (i, c) in claims.iter().enumerate() {
            for s in &c.content {
                content_spans.push(*s);
                content_claim.push(i);
            }
        }
        let mut cues: Vec<(usize, usize, usize)> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.cue.span.start(), c.cue.span.end(), i))
            .collect();
        cues.sort_unstable();
        ClaimIndex {
            content_len: content_spans.iter().map(|s| s.len()).collect(),
            contents: SpanIndex::new(content_spans),
            content_claim,
            spans: SpanIndex::new(claims.iter().map(|c| c.span)),
            cues,
            stance: claims.iter().map(|c| !super::sources::reports(c)).collect(),
            dated: OnceCell::new(),
        }
    }

    /// The claim (not a stance) whose content holds `span` most narrowly, the first such in
    /// layer order on a tie; else the narrowest whole claim holding it outside its speaker.
    pub(super) fn claim_for<'d>(&self, doc: &'d Document, span: Span) -> Option<&'d Claim> {
        let claims = &doc.layers.claims;
        let by_content = self
            .contents
            .containing(span)
            .into_iter()
            .filter_map(|p| Some((*self.content_len.get(p)?, *self.content_claim.get(p)?)))
            .filter(|&(_, c)| !self.is_stance(c))
            .min()
            .and_then(|(_, c)| claims.get(c));
        by_content.or_else(|| {
            self.spans
                .containing(span)
                .into_iter()
                .filter(|&c| !self.is_stance(c))
                .filter_map(|c| claims.get(c))
                .filter(|c| !c.speaker_span().is_some_and(|s| s.overlaps(span)))
                .min_by_key(|c| c.span.len())
        })
    }

    fn is_stance(&self, c: usize) -> bool {
        self.stance.get(c).copied().unwrap_or(true)
    }

    /// Indexes of the claims whose cue lies inside `sentence`, last first.
    pub(super) fn cues_in_rev(&self, sentence: Span) -> Vec<usize> {
        let from = self.cues.partition_point(|c| c.0 < sentence.start());
        let mut out: Vec<usize> = self.cues[from..]
            .iter()
            .take_while(|c| c.0 <= sentence.end())
            .filter(|c| c.1 <= sentence.end())
            .map(|c| c.2)
            .collect();
        out.sort_unstable_by(|a, b| b.cmp(a));
        out
    }

    /// The day of the latest dated claim of `name` (trimmed) that starts before `before`.
    pub(super) fn speaker_day(&self, doc: &Document, name: &str, before: usize) -> Option<String> {
        let dated = self.dated.get_or_init(|| {
            let mut m: HashMap<String, Vec<(usize, String)>> = HashMap::new();
            for o in &doc.layers.claims {
                if let Some(v) = claim_day(doc, o).filter(|v| is_day(v)) {
                    let key = o.speaker_name().trim().to_string();
                    m.entry(key).or_default().push((o.span.start(), v));
                }
            }
            m
        });
        dated
            .get(name)?
            .iter()
            .rev()
            .find(|(start, _)| *start < before)
            .map(|(_, v)| v.clone())
    }
}

#[cfg(test)]
mod tests {
    //! The index answers as the scans it replaces, on a document written for this test.
    use super::*;
    use newsledger_model::{ClaimKind, Cue, Meta, Speaker};

    /// (start, end) of the `n`th occurrence of `needle`.
    fn at(text: &str, needle: &str, n: usize) -> Span {
        let a = text.match_indices(needle).nth(n).map_or(0, |(a, _)| a);
        Span::new(a, a + needle.len())
    }

    /// A claim: speaker name and span, cue span, content span, statement day.
    fn claim(name: &str, speaker: Span, cue: Span, content: Span, day: &str) -> Claim {
        Claim {
            id: String::new(),
            speaker: Some(Speaker {
                text: name.into(),
                span: speaker,
                entity: None,
                name: name.into(),
            }),
            cue: Cue {
                text: "said".into(),
                span: cue,
                lemma: "say".into(),
                distance: false,
            },
            content: vec![content],
            kind: ClaimKind::Indirect,
            via: vec![],
            date: (!day.is_empty()).then(|| day.to_string()),
            timex: None,
            medium: None,
            hedges: vec![],
            span: Span::new(speaker.start(), content.end()),
        }
    }

    #[test]
    fn answers_as_a_scan_of_the_layer() {
        let text = "Medics said on Monday that nine were hurt. Medics said that four died. \
                    Wardens criticised the plan to move 30 families.";
        let mut doc = Document::new("t", text.to_string(), Meta::default());
        let mut c3 = claim(
            "Wardens",
            at(text, "Wardens", 0),
            at(text, "criticised", 0),
            at(text, "the plan to move 30 families", 0),
            "",
        );
        c3.cue.text = "criticised".into();
        doc.layers.claims = vec![
            claim(
                "Medics",
                at(text, "Medics", 0),
                at(text, "said", 0),
                at(text, "nine were hurt", 0),
                "2031-05-05",
            ),
            claim(
                "Medics",
                at(text, "Medics", 1),
                at(text, "said", 1),
                at(text, "four died", 0),
                "",
            ),
            c3,
        ];
        let ix = ClaimIndex::new(&doc);
        let of = |needle: &str| {
            ix.claim_for(&doc, at(text, needle, 0))
                .and_then(|c| doc.layers.claims.iter().position(|o| o == c))
        };
        assert_eq!(of("nine"), Some(0));
        assert_eq!(of("four"), Some(1));
        // a stance ("criticised") is no figure's claim
        assert_eq!(of("30"), None);
        let second = at(text, "Medics", 1).start();
        assert_eq!(
            ix.speaker_day(&doc, "Medics", second).as_deref(),
            Some("2031-05-05")
        );
        assert_eq!(ix.speaker_day(&doc, "Medics", 0), None);
        let first = Span::new(0, at(text, ".", 0).end());
        assert_eq!(ix.cues_in_rev(first), vec![0]);
        assert_eq!(ix.cues_in_rev(Span::new(0, text.len())), vec![2, 1, 0]);
    }
}
