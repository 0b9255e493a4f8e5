//! Turning sentence-level candidates into figure records: sources and claim from the claims
//! layer, as-of date from the timex layer, place from the entities layer, and the merging
//! of restatements (a lede restating a later attributed sentence is one record).

use crate::detect::{detect, hedged_near, Candidate};
use newsledger_model::{
    Claim, Document, EntityType, Figure, FigureValue, Group, MentionKind, SegmentKind, Span,
    SpanIndex, Timex, TimexType,
};

mod as_of;
mod attribution;
mod claim_index;
mod group_class;
mod own_voice;
pub(crate) mod place;
mod restatements;
mod source_context;
mod sources;
mod teller;
mod words;

use as_of::*;
use attribution::*;
use claim_index::*;
use group_class::*;
use own_voice::*;
use place::*;
use restatements::*;
use source_context::*;
use sources::*;

/// Where a figure's as-of date came from, in the spec's order of priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum AsOfFrom {
    AsOf,
    Moment,
    Carried,
    Statement,
    Published,
    Nothing,
}

#[derive(Debug, Clone)]
struct Draft {
    cand: Candidate,
    seg: usize,
    para: Option<usize>,
    sentence: Span,
    span: Span,
    claim: Option<String>,
    sources: Vec<String>,
    as_of: Option<String>,
    as_of_from: AsOfFrom,
    /// A week, weekend, month, season or year dating the counted events (never an as-of).
    period: Option<String>,
    /// The explicit "as of" date stated in this figure's sentence, if any.
    own_as_of: Option<String>,
    place: Option<String>,
    hedged: bool,
    /// The sentence gives the figure to a pronoun ("He said …"): the speaker is named before.
    pronoun_source: bool,
    /// Draft index of the figure this one shares group, date and source with.
    parent: Option<usize>,
}

fn lower_before(doc: &Document, sentence: Span, at: usize, max: usize) -> String {
    let a = at.saturating_sub(max).max(sentence.start());
    let mut a2 = a;
    while a2 < at && !doc.text.is_char_boundary(a2) {
        a2 += 1;
    }
    doc.text.get(a2..at).unwrap_or("").to_lowercase()
}

/// Numbers inside dates and names are never counts.
/// Timex spans, then entity name-mention spans (in layer order), indexed once per document:
/// scanning both layers for every sentence was quadratic on one long document.
struct Blockers {
    timexes: SpanIndex,
    timex_spans: Vec<Span>,
    names: SpanIndex,
    name_spans: Vec<Span>,
}

impl Blockers {
    fn new(doc: &Document) -> Self {
        let timex_spans: Vec<Span> = doc.layers.timexes.iter().map(|t| t.span).collect();
        let name_spans: Vec<Span> = doc
            .layers
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| m.span)
            .collect();
        Blockers {
            timexes: SpanIndex::new(timex_spans.iter().copied()),
            names: SpanIndex::new(name_spans.iter().copied()),
            timex_spans,
            name_spans,
        }
    }
}

fn blocked_in(blockers: &Blockers, sentence: Span) -> Vec<(usize, usize)> {
    let rel = |s: Span| {
        (
            s.start().saturating_sub(sentence.start()),
            s.end().saturating_sub(sentence.start()),
        )
    };
    let timexes = blockers.timexes.overlapping(sentence).into_iter();
    let names = blockers.names.overlapping(sentence).into_iter();
    timexes
        .filter_map(|k| blockers.timex_spans.get(k))
        .chain(names.filter_map(|k| blockers.name_spans.get(k)))
        .map(|&s| rel(s))
        .collect()
}

/// Extract the figures of a document whose earlier layers are filled.
pub fn extract(doc: &Document) -> Vec<Figure> {
    let mut drafts: Vec<Draft> = Vec::new();
    let main = main_place(doc);
    let blockers = Blockers::new(doc);
    let claims = ClaimIndex::new(doc);
    for (si, seg) in doc.layers.segments.iter().enumerate() {
        // Over the time budget: stop here; the pipeline drops the partial result.
        if doc.budget.expired() {
            break;
        }
        if doc.is_residue(seg.span) {
            continue;
        }
        let text = doc.slice(seg.span);
        if text.is_empty() {
            continue;
        }
        let blocked = blocked_in(&blockers, seg.span);
        let cands = detect(text, &blocked);
        let base = drafts.len();
        for c in cands {
            let at = At {
                seg: si,
                sentence: seg.span,
                base,
                claims: &claims,
            };
            if let Some(d) = draft_for(doc, &drafts, &at, c, &main) {
                drafts.push(d);
            }
        }
    }
    resolve_generic(doc, &mut drafts);
    carry_sources(doc, &mut drafts);
    // a generic source carried from the sentence before stands for the body named there
    resolve_generic(doc, &mut drafts);
    header_as_of(doc, &mut drafts);
    carry_as_of(doc, &mut drafts);
    parents_as_of(&mut drafts);
    disowned(doc, &mut drafts);
    protest_clause(doc, &mut drafts);
    captives(doc, &mut drafts);
    deployed_staff(&mut drafts);
    let drafts = merge_restatements(doc, drafts);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| to_figure(doc, i, d))
        .collect()
}

/// Where a candidate was found.
struct At<'a> {
    seg: usize,
    sentence: Span,
    /// Index of the sentence's first draft.
    base: usize,
    claims: &'a ClaimIndex,
}

/// The draft of one candidate, given the drafts before it; None when it is dropped.
fn draft_for(
    doc: &Document,
    drafts: &[Draft],
    at: &At<'_>,
    c: Candidate,
    main: &Option<String>,
) -> Option<Draft> {
    let seg = at.sentence;
    let span = Span::new(seg.start() + c.span.0, seg.start() + c.span.1);
    let para = doc.paragraph_index_at(seg.start());
    let mut d = Draft {
        seg: at.seg,
        para,
        sentence: seg,
        span,
        claim: None,
        sources: Vec::new(),
        as_of: None,
        as_of_from: AsOfFrom::Nothing,
        period: None,
        own_as_of: None,
        place: None,
        hedged: c.hedged,
        pronoun_source: false,
        parent: None,
        cand: c,
    };
    if d.cand.needs_parent {
        // a breakdown of the last figure of the sentence before
        let prev_seg = prev_content_seg(doc, at.seg);
        let pi = drafts
            .iter()
            .rposition(|p| Some(p.seg) == prev_seg && p.para == para)?;
        let p = &drafts[pi];
        if d.cand.metric.is_empty() {
            d.cand.metric = p.cand.metric;
        }
        if d.cand.group_text.is_empty() {
            d.cand.group_text = p.cand.group_text.clone();
            d.cand.group_class = p.cand.group_class;
        }
        if claim_for(doc, at.claims, span).is_none() {
            return Some(breakdown_of(doc, at.claims, p, pi, d));
        }
    }
    if let Some(p) = d
        .cand
        .shares_with
        .map(|p| at.base + p)
        .and_then(|p| drafts.get(p))
    {
        // "18 killed and 748 injured": one group, place, date and source
        d.parent = d.cand.shares_with.map(|p| at.base + p);
        d.claim = p.claim.clone();
        d.sources = p.sources.clone();
        d.as_of = p.as_of.clone();
        d.as_of_from = p.as_of_from;
        d.period = p.period.clone();
        d.own_as_of = p.own_as_of.clone();
        d.place = p.place.clone();
        d.hedged = d.hedged || p.hedged;
        return Some(d);
    }
    of_them_in_sentence(doc, &mut d);
    them_group(doc, drafts, at.seg, &mut d);
    if background_year(doc, &d) {
        // "a 1998 tremor there killed more than 2,000": an older event's toll
        return None;
    }
    let claim = claim_of_figure(doc, at.claims, span, seg);
    sources_for(doc, &drafts[at.base..], &mut d, claim);
    date_place_hedge(doc, at, &mut d, claim, main);
    Some(d)
}

/// A draft's own date, period, place and hedge.
fn date_place_hedge(
    doc: &Document,
    at: &At<'_>,
    d: &mut Draft,
    claim: Option<&Claim>,
    main: &Option<String>,
) {
    let seg = at.seg;
    let (v, from, period) = own_date(doc, at.claims, d, claim);
    d.as_of = v;
    d.as_of_from = from;
    d.period = period;
    if from == AsOfFrom::AsOf {
        d.own_as_of = d.as_of.clone();
    }
    d.place = place_near(doc, seg, d.span.start()).or_else(|| main.clone());
    d.hedged = d.hedged || hedged_near(doc.slice(d.sentence), d.cand.span);
}

/// "Five of them were police officers.": a breakdown of figure `p` (draft `pi`) of the
/// sentence before, sharing its claim, sources, date and place.
fn breakdown_of(doc: &Document, ix: &ClaimIndex, p: &Draft, pi: usize, mut d: Draft) -> Draft {
    d.parent = Some(pi);
    d.claim = p.claim.clone();
    d.sources = p.sources.clone();
    d.as_of = p.as_of.clone();
    d.as_of_from = p.as_of_from;
    // "Eighteen of them were rescued on Friday": its own dated moment
    let (v, from, period) = own_date(doc, ix, &d, None);
    if from <= AsOfFrom::Moment {
        d.as_of = v;
        d.as_of_from = from;
    }
    d.period = period.or_else(|| p.period.clone());
    d.place = p.place.clone();
    d.hedged = d.hedged || hedged_near(doc.slice(d.sentence), d.cand.span);
    d
}

/// "Police detained at least 15 of them": "them" are the previous sentence's group.
fn them_group(doc: &Document, drafts: &[Draft], si: usize, d: &mut Draft) {
    if !d.cand.group_text.is_empty() {
        return;
    }
    let after = doc
        .text
        .get(d.sentence.start() + d.cand.value_span.1..)
        .unwrap_or("");
    if after.starts_with(" of them") || after.starts_with(" of those") {
        let prev_seg = prev_content_seg(doc, si);
        if let Some(p) = drafts.iter().rev().find(|p| Some(p.seg) == prev_seg) {
            d.cand.group_text = p.cand.group_text.clone();
            d.cand.group_class = p.cand.group_class;
        }
    }
}

/// A figure that shares with an earlier one and has no dated moment takes its date.
fn parents_as_of(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        if drafts[i].as_of_from <= AsOfFrom::Moment {
            continue;
        }
        if let Some(p) = drafts[i].parent.filter(|&p| p < i) {
            let (v, from) = (drafts[p].as_of.clone(), drafts[p].as_of_from);
            drafts[i].as_of = v;
            drafts[i].as_of_from = from;
            if drafts[i].period.is_none() {
                drafts[i].period = drafts[p].period.clone();
            }
        }
    }
}

/// The record of a draft.
fn to_figure(doc: &Document, i: usize, d: Draft) -> Figure {
    Figure {
        id: format!("f{}", i + 1),
        metric: d.cand.metric.to_string(),
        value: FigureValue {
            kind: d.cand.kind,
            low: d.cand.low,
            high: d.cand.high,
            text: doc
                .slice(Span::new(
                    d.sentence.start() + d.cand.value_span.0,
                    d.sentence.start() + d.cand.value_span.1,
                ))
                .to_string(),
        },
        group: Group {
            text: d.cand.group_text.clone(),
            class: d.cand.group_class.to_string(),
        },
        place: d.place,
        as_of: d.as_of,
        period: d.period,
        sources: d.sources,
        hedged: d.hedged,
        claim: d.claim,
        span: d.span,
        sentence: d.sentence,
        event: None,
    }
}

fn prev_content_seg(doc: &Document, seg: usize) -> Option<usize> {
    let segs = &doc.layers.segments;
    (0..seg)
        .rev()
        .find(|&k| segs.get(k).is_some_and(|s| !doc.is_residue(s.span)))
}

fn next_content_seg(doc: &Document, seg: usize) -> Option<usize> {
    let segs = &doc.layers.segments;
    (seg + 1..segs.len()).find(|&k| segs.get(k).is_some_and(|s| !doc.is_residue(s.span)))
}

#[cfg(test)]
mod tests {
    //! Sources, dates and restatements on documents written for these tests.
    use crate::extract;
    use newsledger_model::{
        Claim, ClaimKind, Cue, Document, Meta, Segment, SegmentKind, Span, Speaker, Timex,
        TimexType,
    };

    fn span_of(text: &str, needle: &str) -> Span {
        let a = text.find(needle).unwrap_or(0);
        Span::new(a, a + needle.len())
    }

    fn timex(id: &str, text: &str, needle: &str, value: &str) -> Timex {
        Timex {
            id: id.into(),
            span: span_of(text, needle),
            text: needle.into(),
            kind: TimexType::Date,
            value: value.into(),
            anchor: None,
            modifier: None,
        }
    }

    fn claim(id: &str, text: &str, speaker: &str, name: &str, content: &str) -> Claim {
        let c = span_of(text, content);
        Claim {
            id: id.into(),
            speaker: Some(Speaker {
                text: speaker.into(),
                span: span_of(text, speaker),
                entity: None,
                name: name.into(),
            }),
            cue: Cue {
                text: "said".into(),
                span: span_of(text, "said"),
                lemma: "say".into(),
                distance: false,
            },
            content: vec![c],
            kind: ClaimKind::Indirect,
            via: vec![],
            date: None,
            timex: None,
            medium: None,
            hedges: vec![],
            span: c,
        }
    }

    /// A document with one paragraph per line and one sentence per ". "-terminated part.
    fn doc(text: &str) -> Document {
        let meta: Meta = serde_json::from_value(serde_json::json!({"published": "2031-03-05"}))
            .unwrap_or_default();
        let mut d = Document::new("t", text, meta);
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let end = start + line.trim_end().len();
            d.layers.paragraphs.push(Span::new(start, end));
            let mut s = start;
            for part in text[start..end].split_inclusive(". ") {
                let e = s + part.trim_end().len();
                d.layers.segments.push(Segment {
                    kind: SegmentKind::Sentence,
                    span: Span::new(s, e),
                });
                s += part.len();
            }
            start += line.len();
        }
        d
    }

    #[test]
    fn sources_dates_carry_over_and_restatements() {
        let text = "Twelve soldiers killed in border clash\n\
                    As of Monday, 12 soldiers had been killed, the ministry said. \
                    According to the ministry, 30 rebels were killed. \
                    Police detained 40 people on Tuesday.";
        let mut d = doc(text);
        d.layers.timexes = vec![
            timex("t1", text, "Monday", "2031-03-03"),
            timex("t2", text, "Tuesday", "2031-03-04"),
        ];
        d.layers.claims = vec![
            claim(
                "c1",
                text,
                "the ministry",
                "Interior Ministry",
                "As of Monday, 12 soldiers had been killed",
            ),
            claim(
                "c2",
                text,
                "the ministry,",
                "Interior Ministry",
                "30 rebels were killed",
            ),
        ];
        let f = extract(&d);
        let got: Vec<_> = f
            .iter()
            .map(|x| {
                (
                    x.id.as_str(),
                    x.metric.as_str(),
                    x.value.low,
                    x.as_of.as_deref(),
                    x.sources.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                // the headline restates the attributed lede: one record, first mention
                (
                    "f1",
                    "killed",
                    12,
                    Some("2031-03-03"),
                    vec!["Interior Ministry".to_string()]
                ),
                // "As of Monday" carries to the next sentence of the same source
                (
                    "f2",
                    "killed",
                    30,
                    Some("2031-03-03"),
                    vec!["Interior Ministry".to_string()]
                ),
                // the dated moment, in the report's own voice
                ("f3", "detained", 40, Some("2031-03-04"), vec![]),
            ]
        );
        assert_eq!(f[0].claim.as_deref(), Some("c1"));
        assert_eq!(d.slice(f[0].span), "Twelve soldiers");
    }

    #[test]
    fn as_of_the_weekday_after_the_report_date_is_the_next_day() {
        // published Wednesday 2031-03-05; "Thursday" read back to 2031-02-27
        let text = "As of Thursday, 8 people had been killed in the floods. \
                    On Thursday, 40 people were detained.";
        let mut d = doc(text);
        let second = text.rfind("Thursday").unwrap_or(0);
        let mut late = timex("t2", text, "Thursday", "2031-02-27");
        late.span = Span::new(second, second + "Thursday".len());
        d.layers.timexes = vec![timex("t1", text, "Thursday", "2031-02-27"), late];
        let f = extract(&d);
        let got: Vec<_> = f
            .iter()
            .map(|x| (x.value.low, x.as_of.as_deref()))
            .collect();
        // only the stated current state moves; a dated event keeps the time stage's day
        assert_eq!(got, vec![(8, Some("2031-03-06")), (40, Some("2031-02-27"))]);
    }

    #[test]
    fn residue_yields_nothing_and_publication_date_is_the_fallback() {
        let text = "Three people were killed in the storm.\nSign up: 500 readers were injured by our newsletter.";
        let mut d = doc(text);
        d.layers.residue = vec![span_of(
            text,
            "Sign up: 500 readers were injured by our newsletter.",
        )];
        let f = extract(&d);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].as_of.as_deref(), Some("2031-03-05"));
        assert!(f[0].sources.is_empty());
    }

    #[test]
    fn pronoun_speaker_reaches_back_past_a_sentence_without_source() {
        let text = "The coastguard said two boats had been sent out. \
                    The sea was rough all night. \
                    Nine fishermen were still missing, it added.";
        let mut d = doc(text);
        d.layers.claims = vec![claim(
            "c1",
            text,
            "The coastguard",
            "coastguard",
            "two boats had been sent out",
        )];
        let f = extract(&d);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].metric, "missing");
        assert_eq!(f[0].sources, vec!["coastguard".to_string()]);
    }

    /// A claims layer that took the outlet after "told" for the speaker.
    fn told_outlet_claim(text: &str, content: &str) -> Claim {
        let mut c = claim("c1", text, "AFP", "Agence France-Presse", content);
        c.cue = Cue {
            text: "told".into(),
            span: span_of(text, "told"),
            lemma: "tell".into(),
            distance: false,
        };
        c
    }

    #[test]
    fn the_teller_before_told_is_the_source_not_the_outlet() {
        let text = "\u{201c}The count at the clinic is 31 dead,\u{201d} Omar Telli, a district nurse, told AFP.";
        let mut d = doc(text);
        // content misread as the teller's title: the figure is held by no claim
        d.layers.claims = vec![told_outlet_claim(text, "a district nurse")];
        let f = extract(&d);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].sources,
            vec!["Omar Telli".to_string(), "Agence France-Presse".to_string()]
        );
        // a pronoun teller names no one: the figure keeps no outlet as its origin
        let text = "\u{201c}We counted 31 dead,\u{201d} she told AFP.";
        let mut d = doc(text);
        d.layers.claims = vec![told_outlet_claim(text, "We counted 31 dead")];
        let f = extract(&d);
        assert!(f[0].sources.is_empty(), "{:?}", f[0].sources);
    }

    #[test]
    fn pointed_out_reports_a_count_pointed_to_does_not() {
        let text = "The warden pointed out that 17 guards were hurt in the riot.";
        let mut d = doc(text);
        let mut c = claim(
            "c1",
            text,
            "The warden",
            "warden",
            "17 guards were hurt in the riot",
        );
        c.cue = Cue {
            text: "pointed out".into(),
            span: span_of(text, "pointed out"),
            lemma: "point".into(),
            distance: false,
        };
        d.layers.claims = vec![c];
        let f = extract(&d);
        assert_eq!(f[0].sources, vec!["warden".to_string()]);
        assert_eq!(f[0].claim.as_deref(), Some("c1"));
    }

    #[test]
    fn according_to_fallback_without_claims_layer() {
        let text = "Nine people died, according to the fire brigade.";
        let f = extract(&doc(text));
        assert_eq!(f[0].sources, vec!["fire brigade".to_string()]);
    }
}
