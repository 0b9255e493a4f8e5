//! Finding acts of reporting: cues, their speakers and their content, in each content segment.

use crate::lexicon::{word_is, CueClass, CueEntry, WordKind, CUES};
use crate::text::{quotes, tokenize, trim_span, Quote, Tok};
use crate::words::*;
use newsledger_model::{Document, SegmentKind, Span, TimexType};

mod according;
mod content;
mod cue_span;
mod estimate;
mod finish;
mod inserts;
mod mention;
mod mods;
mod noun_uses;
mod np;
mod quoted;
mod speaker_tail;
mod speech;
mod survey;
mod unsourced;

use according::*;
use content::*;
pub(crate) use cue_span::cue_group;
use cue_span::{needs_particle, particle_at};
use estimate::*;
use finish::*;
use inserts::*;
pub(crate) use mention::speaker_extent;
use mods::*;
use noun_uses::*;
use np::*;
pub use np::{fwd_np, record_body};
use quoted::*;
use speaker_tail::*;
use speech::*;
use survey::*;
use unsourced::*;

/// A speaker mention before resolution: a span of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpkRef {
    pub span: Span,
}

/// A candidate claim while patterns are applied.
#[derive(Debug, Clone)]
pub struct Cand {
    pub seg: usize,
    pub cue: Span,
    pub cue_text_span: Span,
    pub entry: CueEntry,
    pub speaker: Option<SpkRef>,
    pub content: Vec<Span>,
    /// Regions of the attribution clause (for date and medium).
    pub attr: Vec<Span>,
    /// Attribution regions of outer claims this one was nested in (fallback date/medium).
    pub outer_attr: Vec<Span>,
    /// For content-first shapes: where the attribution starts (the separator).
    pub sep: Option<usize>,
    pub content_first: bool,
    /// Forward content still to be bounded.
    pub forward_from: Option<usize>,
    pub via: Vec<SpkRef>,
    pub dropped: bool,
    /// Takes its speaker from the attribution before it in the sentence ("… and said …").
    pub inherit: bool,
    /// "said that, according to Y, …": Y is the origin, relayed by this claim's speaker.
    pub relay_inside: bool,
    /// Token index of the cue (for ordering inside a segment).
    pub cue_tok: usize,
    /// The attribution names no source ("is expected to", "reportedly"): a claim with no
    /// speaker.
    pub no_source: bool,
}

impl Cand {
    /// A bare candidate for the cue at token `cue_tok`; patterns fill in the rest.
    fn new(seg: usize, cue: Span, entry: &CueEntry, cue_tok: usize) -> Self {
        Cand {
            seg,
            cue,
            cue_text_span: cue,
            entry: entry.clone(),
            speaker: None,
            content: Vec::new(),
            attr: Vec::new(),
            outer_attr: Vec::new(),
            sep: None,
            content_first: false,
            forward_from: None,
            via: Vec::new(),
            dropped: false,
            inherit: false,
            relay_inside: false,
            cue_tok,
            no_source: false,
        }
    }

    pub fn span(&self) -> Span {
        let mut s = self.cue;
        if let Some(sp) = self.speaker {
            s = s.cover(sp.span);
        }
        for c in &self.content {
            s = s.cover(*c);
        }
        s
    }
}

pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub quotes: Vec<Quote>,
    /// Date/time timex spans with their index in the timex layer.
    pub timexes: Vec<(Span, usize)>,
    /// Where quotations open and close (outer spans' starts and ends, sorted): asked per
    /// token, a scan of every quotation was quadratic on a page of short quotes.
    quote_starts: Vec<usize>,
    quote_ends: Vec<usize>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let text = doc.text.as_str();
        let toks = tokenize(text);
        let quotes = quotes(text, &doc.layers.paragraphs);
        let timexes = doc
            .layers
            .timexes
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, TimexType::Date | TimexType::Time))
            .map(|(i, t)| (t.span, i))
            .collect::<Vec<_>>();
        let mut timexes = timexes;
        timexes.sort_by_key(|(s, _)| (s.start(), s.end()));
        let mut quote_starts: Vec<usize> = quotes.iter().map(|q| q.outer.start()).collect();
        let mut quote_ends: Vec<usize> = quotes.iter().map(|q| q.outer.end()).collect();
        quote_starts.sort_unstable();
        quote_ends.sort_unstable();
        Ctx {
            doc,
            text,
            toks,
            quotes,
            timexes,
            quote_starts,
            quote_ends,
        }
    }

    pub fn slice(&self, s: Span) -> &'a str {
        self.text.get(s.start()..s.end()).unwrap_or("")
    }

    /// Token index range inside a span.
    pub fn tok_range(&self, s: Span) -> (usize, usize) {
        let a = self.toks.partition_point(|t| t.span.start() < s.start());
        let b = self.toks.partition_point(|t| t.span.start() < s.end());
        (a, b.max(a))
    }

    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    /// The quotation whose inner text holds the offset.
    pub fn quote_at(&self, off: usize) -> Option<&Quote> {
        // Quotes are sorted by start and do not nest: the candidate is the last one that
        // starts at or before the offset.
        let k = self.quotes.partition_point(|q| q.inner.start() <= off);
        k.checked_sub(1)
            .and_then(|k| self.quotes.get(k))
            .filter(|q| off < q.inner.end())
    }

    pub fn timeish(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let k = self
            .timexes
            .partition_point(|(s, _)| s.end() <= t.span.start());
        if self.timexes.get(k).is_some_and(|(s, _)| s.overlaps(t.span)) {
            return true;
        }
        if t.kind == crate::text::TK::Num {
            // "January 10", "10 January", "2019"
            let month = |k: Option<usize>| k.is_some_and(|k| any(self.lower(k), MONTHS));
            let year =
                t.lower.len() == 4 && (t.lower.starts_with("19") || t.lower.starts_with("20"));
            return year || month(i.checked_sub(1)) || month(Some(i + 1));
        }
        any(&t.lower, DAYWORDS)
    }

    fn is_open_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_punct() && self.quote_starts.binary_search(&t.span.start()).is_ok()
        })
    }

    fn is_close_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_punct()
                && matches!(self.slice(t.span), "”" | "\"" | "»" | "''")
                && self.quote_ends.binary_search(&t.span.end()).is_ok()
        })
    }

    fn is_sep(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.is_punct()
            && (matches!(self.slice(t.span), "," | "—" | "–" | ";") || self.is_close_quote(i))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.is_punct())
    }
}

/// Find every candidate claim in the document.
pub fn candidates(ctx: &Ctx) -> Vec<Cand> {
    let mut all = Vec::new();
    for (si, seg) in ctx.doc.layers.segments.iter().enumerate() {
        // Over the time budget: stop here; the pipeline drops the partial result.
        if ctx.doc.budget.expired() {
            break;
        }
        if seg.kind == SegmentKind::Dateline || ctx.doc.is_residue(seg.span) {
            continue;
        }
        let (sa, sb) = ctx.tok_range(seg.span);
        let mut cands = Vec::new();
        for i in sa..sb {
            if let Some(c) = analyze(ctx, si, sa, sb, i) {
                cands.push(c);
            }
        }
        if let Some(c) = colon_claim(ctx, si, sa, sb).or_else(|| label_colon(ctx, si, sa, sb)) {
            cands.push(c);
        }
        if let Some(c) = survey_frame(ctx, si, sa, sb) {
            cands.push(c);
        }
        add_unsourced(ctx, si, sa, sb, &mut cands);
        cands.sort_by_key(|c| c.cue_tok);
        finish_segment(ctx, si, sa, sb, &mut cands);
        all.extend(cands.into_iter().filter(|c| !c.dropped));
    }
    all
}

fn analyze(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize) -> Option<Cand> {
    let t = ctx.tok(i)?;
    if !t.is_word() {
        return None;
    }
    let entry = CUES.get(&t.lower)?;
    let seg = ctx.doc.layers.segments.get(si)?;
    // Inside a quotation a cue belongs to the quoted words.
    if ctx.quote_at(t.span.start()).is_some() && seg.kind != SegmentKind::Headline {
        return None;
    }
    let first = i == sa || (i == sa + 1 && ctx.is_open_quote(sa));
    if t.cap && !first && seg.kind != SegmentKind::Headline {
        return None;
    }
    let base = |cue: Span| Cand::new(si, cue, entry, i);
    match entry.class {
        CueClass::According => according_claim(ctx, si, sa, sb, i, base),
        CueClass::Relay => relay_claim(ctx, sb, i, base(t.span)),
        CueClass::Quoted => quoted(ctx, si, sa, sb, i, base(t.span)),
        CueClass::Part => part_claim(ctx, sa, sb, i, base(t.span)),
        CueClass::Put => put_claim(ctx, sa, sb, i, base(t.span)),
        CueClass::Belief if entry.lemma == "estimate" && put_linker(ctx, i, sb).is_some() => {
            // "the government estimated the crowd at 12,000": an estimate shape, not a belief.
            put_claim(ctx, sa, sb, i, base(t.span))
        }
        CueClass::Say
        | CueClass::Tell
        | CueClass::Weak
        | CueClass::Belief
        | CueClass::Finding
        | CueClass::QuoteOnly => verb_claim(ctx, si, sa, sb, i, base(t.span)),
        // Stances ("criticized the plan", "wants a recount") are attributions in the broad
        // sense PolNeAR marks; held by a body, never by a count (`bad_subject`).
        CueClass::Stance => verb_claim(ctx, si, sa, sb, i, base(t.span)),
        CueClass::NoSource => None,
    }
}

#[cfg(test)]
mod quote_lookup_tests {
    use super::*;

    /// Quote opens and closes found by binary search answer as a scan of the quotations.
    #[test]
    fn quote_look_ups_answer_as_the_scan() {
        let text = "\"Leave now,\" an official said. “Stay,” said another, ‘quietly’. \
                    «Go» — \"unclosed and \"nested \"deep\" ones\" here.\n";
        let doc = crate::testing::run(text);
        let ctx = Ctx::new(&doc);
        assert!(!ctx.quotes.is_empty());
        for i in 0..ctx.toks.len() + 1 {
            let t = ctx.toks.get(i);
            let open = t.is_some_and(|t| {
                t.is_punct() && ctx.quotes.iter().any(|q| q.outer.start() == t.span.start())
            });
            let close = t.is_some_and(|t| {
                t.is_punct()
                    && matches!(ctx.slice(t.span), "”" | "\"" | "»" | "''")
                    && ctx.quotes.iter().any(|q| q.outer.end() == t.span.end())
            });
            assert_eq!(ctx.is_open_quote(i), open, "open {i}");
            assert_eq!(ctx.is_close_quote(i), close, "close {i}");
        }
    }
}
