//! # newsledger-claims
//!
//! The claims stage. Analysts trust a number only as far as its source, so every act of
//! reporting in a document becomes a [`Claim`]: who said it (the mention as written and who
//! it resolves to), the cue, the reported content (several spans when a quote is split by
//! its cue), whether it is direct, indirect or mixed speech, the relays it came through
//! ("Khabar 24 reported, quoting the Interior Ministry" → Interior Ministry via Khabar 24),
//! when and through what medium it was made, and the hedges by which the report keeps its
//! distance ("reportedly", "without offering evidence", scare quotes).
//!
//! The rules are written for news style in general: speaker-first and content-first
//! attributions, inverted "said X", "according to X", relays, nesting, quotes that span
//! sentences, and beliefs or findings attributed to people and documents. Cues, hedges,
//! media and role nouns are data (`data/claims/`).
//!
//! Later stages use [`claim_covering`], [`hedges_for`] and [`sentence_hedges`]: a figure's
//! `sources` is the covering claim's [`Claim::source_chain`], its `claim` that claim's id.

mod extract;
mod hedges;
mod lexicon;
mod resolve;
pub mod ru;
mod text;
mod words;

pub use hedges::sentence_hedges;

/// The family of an attribution from its cue as written and whether it names a source:
/// `speech`, `writing`, `belief`, `intention`, `evidence` (by the cue's first word that is
/// not an auxiliary or adverb, from `data/claims/families.tsv`), `according`, `colon`,
/// `no-source` (no source named, whatever the cue), or `other`.
pub fn cue_family(cue: &str, has_source: bool) -> &'static str {
    if !has_source {
        return "no-source";
    }
    let lower = cue.trim().to_lowercase().replace('’', "'");
    if lower.starts_with(':') || lower.starts_with('-') || lower.starts_with('—') {
        return "colon";
    }
    let words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty());
    for w in words {
        if w == "according" {
            return "according";
        }
        let adverb = w.len() > 4 && w.ends_with("ly") && w != "only";
        if lexicon::word_is(w, lexicon::WordKind::CueAux) || adverb {
            continue;
        }
        return lexicon::FAMILIES.get(w).copied().unwrap_or("other");
    }
    "other"
}

#[cfg(test)]
pub(crate) mod testing {
    //! A mini pipeline (segment → claims) for the rules' unit tests.
    use newsledger_model::{Document, Meta, Stage};

    /// Segment and run the claims stage over a text.
    pub fn run(text: &str) -> Document {
        let mut doc = Document::new("t", text, Meta::default());
        newsledger_segment::SegmentStage::new().process(&mut doc);
        crate::ClaimStage::new().process(&mut doc);
        doc
    }

    /// The texts of a claim's content spans.
    pub fn contents(doc: &Document, c: &newsledger_model::Claim) -> Vec<String> {
        c.content
            .iter()
            .map(|s| doc.slice(*s).to_string())
            .collect()
    }

    #[test]
    fn pointed_out_reports_and_pointed_to_takes_a_stance() {
        let doc = run("The coroner pointed out that 40 had died. The mayor pointed to the rain.");
        let stance: Vec<(String, bool)> = doc
            .layers
            .claims
            .iter()
            .map(|c| (c.cue.text.clone(), crate::is_stance(c)))
            .collect();
        assert_eq!(
            stance,
            [
                ("pointed out".to_string(), false),
                ("pointed to".to_string(), true)
            ]
        );
    }

    #[test]
    fn cue_families() {
        use crate::cue_family;
        assert_eq!(cue_family("has also said", true), "speech");
        assert_eq!(cue_family("tweeted", true), "writing");
        assert_eq!(cue_family("fears", true), "belief");
        assert_eq!(cue_family("wants", true), "intention");
        assert_eq!(cue_family("shows", true), "evidence");
        assert_eq!(cue_family("according to", true), "according");
        assert_eq!(cue_family(":", true), "colon");
        assert_eq!(cue_family("was reported", false), "no-source");
        assert_eq!(cue_family("zzz", true), "other");
    }

    /// The cue texts of a text's claims, in order.
    pub fn cues(text: &str) -> Vec<String> {
        run(text)
            .layers
            .claims
            .into_iter()
            .map(|c| c.cue.text)
            .collect()
    }

    /// The speaker texts of a text's claims, in order.
    pub fn speakers(text: &str) -> Vec<String> {
        run(text)
            .layers
            .claims
            .into_iter()
            .map(|c| c.speaker.map(|s| s.text).unwrap_or_default())
            .collect()
    }
}

use extract::{candidates, cue_group, record_body, speaker_extent, Cand, Ctx};
use lexicon::{HedgeScope, RoleClass, MEDIA};
use newsledger_model::{Claim, ClaimKind, Cue, Document, Hedge, Layer, Span, Stage};
use resolve::Resolver;

/// Fills the claims layer.
#[derive(Debug, Default, Clone)]
pub struct ClaimStage;

impl ClaimStage {
    pub fn new() -> Self {
        ClaimStage
    }
}

impl Stage for ClaimStage {
    fn name(&self) -> &'static str {
        "claims"
    }
    fn needs(&self) -> &'static [Layer] {
        &[
            Layer::Segments,
            Layer::Tokens,
            Layer::Timexes,
            Layer::Entities,
        ]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Claims]
    }
    fn process(&self, doc: &mut Document) {
        doc.layers.claims = match doc.lang() {
            newsledger_model::Lang::En => extract_claims(doc),
            newsledger_model::Lang::Ru => ru::extract_claims(doc),
            newsledger_model::Lang::Other => Vec::new(),
        };
    }
}

/// True when the claim's cue states a stance ("discussed restoring order", "criticized the
/// plan") rather than reporting what is so: such a claim is an attribution, but it is not
/// where a figure in its reach comes from.
pub fn is_stance(claim: &Claim) -> bool {
    // Called per figure and claim: look the word up as written first, lower-cased only when
    // that misses.
    let text = claim.cue.text.as_str();
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    let Some(entry) = lexicon::CUES
        .get(first)
        .or_else(|| lexicon::CUES.get(&first.to_lowercase()))
        .filter(|e| e.class == lexicon::CueClass::Stance)
    else {
        return false;
    };
    // "pointed out that 40 died" reports what is so; "pointed to the polls" is a stance. The
    // cue must be just the verb and that particle.
    let reporting = match (words.next(), words.next()) {
        (Some(p), None) => {
            text.len() == first.len() + 1 + p.len()
                && lexicon::REPORTING_PARTICLES
                    .get(&entry.lemma)
                    .is_some_and(|ps| ps.iter().any(|x| x.eq_ignore_ascii_case(p)))
        }
        _ => false,
    };
    !reporting
}

/// The innermost claim whose content (or, failing that, whole span) covers a byte span.
pub fn claim_covering(doc: &Document, span: Span) -> Option<&Claim> {
    let by_content = doc
        .layers
        .claims
        .iter()
        .filter_map(|c| {
            c.content
                .iter()
                .filter(|s| s.contains(span))
                .map(|s| (s.len(), c))
                .min_by_key(|x| x.0)
        })
        .min_by_key(|x| x.0)
        .map(|x| x.1);
    by_content.or_else(|| {
        doc.layers
            .claims
            .iter()
            .filter(|c| c.span.contains(span))
            .min_by_key(|c| c.span.len())
    })
}

/// Hedges of the covering claim that lie in the same sentence as the span, by the figures
/// contract's narrower rule: general disclaimers ("has not corroborated any claims") and
/// scare quotes are left out. Hedges in the next sentence count only when that sentence
/// names the figure; for hedges in a sentence with no claim, use [`sentence_hedges`].
pub fn hedges_for(doc: &Document, span: Span) -> Vec<&Hedge> {
    let Some(c) = claim_covering(doc, span) else {
        return Vec::new();
    };
    let seg = doc.segment_index_at(span.start());
    c.hedges
        .iter()
        .filter(|h| h.kind != "not_corroborated" && h.kind != "scare_quote")
        .filter(|h| {
            let hs = doc.segment_index_at(h.span.start());
            hs == seg
                || (hs.is_some() && hs == seg.map(|s| s + 1) && {
                    let t = doc
                        .layers
                        .segments
                        .get(hs.unwrap_or(0))
                        .map(|s| doc.slice(s.span).to_lowercase())
                        .unwrap_or_default();
                    ["figure", "toll", "number", "tally", "count"]
                        .iter()
                        .any(|w| t.contains(w))
                })
        })
        .collect()
}

/// Run the stage on a document and return its claims.
pub fn extract_claims(doc: &Document) -> Vec<Claim> {
    let ctx = Ctx::new(doc);
    let mut cands = candidates(&ctx);
    cands.retain(|c| !headline_summary(&ctx, c));
    attach_untagged_quotes(&ctx, &mut cands);
    cands.sort_by_key(|c| (c.cue.start(), c.cue.end()));
    let mut resolver = Resolver::new(&ctx);
    let mut claims = Vec::new();
    let mut classes = Vec::new();
    for c in &cands {
        if c.speaker.is_none() && !c.no_source {
            continue;
        }
        // Relays go into the history too (so "the agency" can find the outlet that relayed),
        // before the speaker, who stays the most recent.
        let via = c
            .via
            .iter()
            .map(|v| resolver.resolve(v.span, true))
            .collect();
        let speaker = c
            .speaker
            .map(|sp| speaker_of(&ctx, &mut resolver, c, sp.span));
        let last = resolver.history.last().filter(|_| speaker.is_some());
        let class = last.and_then(|h| h.class);
        let descs = last.map(|h| h.descs.clone()).unwrap_or_default();
        let (date, timex) = date_of(&ctx, c);
        let kind = kind_of(&ctx, &c.content);
        claims.push(Claim {
            id: String::new(),
            speaker,
            cue: Cue {
                text: ctx.slice(cue_group(&ctx, c)).to_string(),
                span: cue_group(&ctx, c),
                lemma: c.entry.lemma.clone(),
                distance: c.entry.distance,
            },
            content: c.content.clone(),
            kind,
            via,
            date,
            timex,
            medium: medium_of(&ctx, c),
            hedges: Vec::new(),
            span: c.span(),
        });
        classes.push((class, descs, c.seg));
    }
    attach_hedges(&ctx, &mut claims, &classes);
    for (k, c) in claims.iter_mut().enumerate() {
        c.id = format!("c{}", k + 1);
    }
    claims
}

/// The candidate's speaker resolved, with the mention as written in full.
fn speaker_of(ctx: &Ctx, resolver: &mut Resolver, c: &Cand, sp: Span) -> newsledger_model::Speaker {
    // "a ministry statement said": the ministry speaks, through its statement.
    let mut speaker = match record_body(ctx, sp) {
        Some(body) => resolver.resolve_body(body, true),
        None => resolver.resolve(sp, true),
    };
    // The mention as written in full (with an appositive); resolution used its head.
    if let Some(ext) = speaker_extent(ctx, c).filter(|e| *e != speaker.span) {
        speaker.span = ext;
        speaker.text = ctx.slice(ext).to_string();
    }
    speaker
}

/// A headline or standfirst that sums up the body's sourcing ("…, governor says", "Police
/// say …", "Aid agencies warn …") is the outlet's label for claims the body reports in full,
/// so it is not an act of reporting of its own. A headline that reports an exchange between
/// parties ("X tells Y that …") is kept: there the telling is itself the news; so is a
/// headline that gives a speaker's own words after a colon ("Relief chief: “…”").
fn headline_summary(ctx: &Ctx, c: &Cand) -> bool {
    let headline = ctx.doc.layers.segments.get(c.seg).is_some_and(|s| {
        matches!(
            s.kind,
            newsledger_model::SegmentKind::Headline | newsledger_model::SegmentKind::Subheading
        )
    });
    headline && c.entry.class != lexicon::CueClass::Tell && c.entry.lemma != "colon"
}

/// Quotes with no cue of their own continue the speaker before them: in the same paragraph,
/// or at the start of the next one after a quoted claim.
fn attach_untagged_quotes(ctx: &Ctx, cands: &mut [Cand]) {
    let doc = ctx.doc;
    for q in &ctx.quotes {
        if doc.is_residue(q.outer)
            || cands
                .iter()
                .any(|c| c.content.iter().any(|s| s.overlaps(q.inner)) || c.cue.overlaps(q.outer))
        {
            continue;
        }
        let inner = ctx.slice(q.inner).trim();
        let words = inner.split_whitespace().count();
        if words < 4 && !inner.ends_with(['.', '!', '?']) {
            continue;
        }
        let Some(qp) = doc.paragraph_index_at(q.outer.start()) else {
            continue;
        };
        // The segment must not be a headline.
        if doc
            .segment_at(q.outer.start())
            .is_some_and(|s| s.kind != newsledger_model::SegmentKind::Sentence)
        {
            continue;
        }
        let prev = cands
            .iter_mut()
            .filter(|c| c.span().end() <= q.outer.start())
            .max_by_key(|c| c.span().end());
        let Some(c) = prev else { continue };
        let cp = doc.paragraph_index_at(c.cue.start());
        let para_start = doc
            .layers
            .paragraphs
            .get(qp)
            .map(|p| p.start())
            .unwrap_or(0);
        let opens_para = ctx
            .text
            .get(para_start..q.outer.start())
            .is_some_and(|s| s.trim().is_empty());
        let quoted_before = c.content.iter().any(|s| ctx.quote_at(s.start()).is_some());
        let ok = cp == Some(qp) || (opens_para && quoted_before && cp.map(|p| p + 1) == Some(qp));
        if ok {
            let s = text::trim_span(ctx.text, q.inner, &[]);
            if !s.is_empty() {
                c.content.push(s);
            }
        }
    }
}

fn kind_of(ctx: &Ctx, content: &[Span]) -> ClaimKind {
    let mut direct = 0;
    let mut other = 0;
    let mut partial = false;
    for s in content {
        if ctx.quotes.iter().any(|q| q.inner.contains(*s)) {
            direct += 1;
        } else {
            other += 1;
            if ctx.quotes.iter().any(|q| q.outer.overlaps(*s)) {
                partial = true;
            }
        }
    }
    if direct > 0 && other == 0 {
        ClaimKind::Direct
    } else if direct > 0 || partial {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

fn date_of(ctx: &Ctx, c: &Cand) -> (Option<String>, Option<String>) {
    for regions in [&c.attr, &c.outer_attr] {
        for r in regions.iter() {
            if let Some((_, i)) = ctx
                .timexes
                .iter()
                .find(|(s, _)| r.contains(*s) || r.overlaps(*s))
            {
                if let Some(t) = ctx.doc.layers.timexes.get(*i) {
                    return (Some(t.value.clone()), Some(t.id.clone()));
                }
            }
        }
    }
    (None, None)
}

fn medium_of(ctx: &Ctx, c: &Cand) -> Option<String> {
    let mut regions: Vec<Span> = c.attr.clone();
    if let Some(s) = c.speaker {
        regions.push(s.span);
    }
    for set in [regions, c.outer_attr.clone()] {
        let mut best: Option<(usize, String)> = None;
        for r in &set {
            let (a, b) = ctx.tok_range(*r);
            for k in a..b {
                if ctx.tok(k).is_some_and(|t| t.span == c.cue)
                    && any_of(ctx.lower(k), &["report", "reports"])
                {
                    continue;
                }
                for (ws, m) in MEDIA.iter() {
                    let hit = ws.iter().enumerate().all(|(x, w)| ctx.lower(k + x) == w)
                        && k + ws.len() <= b;
                    if hit {
                        let off = ctx.tok(k).map(|t| t.span.start()).unwrap_or(0);
                        if best.as_ref().is_none_or(|(o, _)| off < *o) {
                            best = Some((off, m.clone()));
                        }
                        break;
                    }
                }
            }
        }
        if let Some((_, m)) = best {
            return Some(m);
        }
    }
    None
}

fn any_of(w: &str, set: &[&str]) -> bool {
    set.contains(&w)
}

/// Agent words of a general disclaimer ("claims made by the government or president").
const AGENT_WORDS: &[&str] = &[
    "government",
    "president",
    "authorities",
    "officials",
    "ministry",
    "police",
    "military",
    "army",
    "kremlin",
    "regime",
    "leader",
    "spokesman",
    "spokeswoman",
    "state",
    "prime",
];

fn attach_hedges(
    ctx: &Ctx,
    claims: &mut [Claim],
    info: &[(Option<RoleClass>, Vec<String>, usize)],
) {
    let doc = ctx.doc;
    for (si, seg) in doc.layers.segments.iter().enumerate() {
        if doc.is_residue(seg.span) {
            continue;
        }
        let mut found = hedges::lexical(ctx.text, seg.span);
        for h in hedges::scare_quotes(ctx, seg.span) {
            found.push((h, HedgeScope::Clause));
        }
        for (h, scope) in found {
            let in_span: Vec<usize> = (0..claims.len())
                .filter(|&k| claims[k].span.contains(h.span))
                .collect();
            let targets: Vec<usize> = if !in_span.is_empty() {
                if h.kind == "scare_quote" {
                    let inner: Vec<usize> = in_span
                        .iter()
                        .copied()
                        .filter(|&k| claims[k].content.iter().any(|s| s.overlaps(h.span)))
                        .collect();
                    if inner.is_empty() {
                        in_span
                    } else {
                        inner
                    }
                } else {
                    in_span
                }
            } else if scope == HedgeScope::Clause {
                (0..claims.len())
                    .filter(|&k| info.get(k).is_some_and(|i| i.2 == si))
                    .collect()
            } else {
                disclaimer_targets(ctx, claims, info, si, seg.span, h.span)
            };
            for k in targets {
                if let Some(c) = claims.get_mut(k) {
                    if !c.hedges.iter().any(|x| x.span == h.span) {
                        c.hedges.push(h.clone());
                    }
                }
            }
        }
    }
}

/// A disclaimer sentence covers the earlier claims (same or previous paragraph) by the
/// agents it names; when it names none, the claims of the sentence before it.
fn disclaimer_targets(
    ctx: &Ctx,
    claims: &[Claim],
    info: &[(Option<RoleClass>, Vec<String>, usize)],
    si: usize,
    seg: Span,
    hedge: Span,
) -> Vec<usize> {
    let doc = ctx.doc;
    let after = ctx.slice(Span::new(hedge.end(), seg.end())).to_lowercase();
    let words: Vec<&str> = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let agents: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| AGENT_WORDS.contains(w))
        .collect();
    let para = doc.paragraph_index_at(seg.start());
    let earlier: Vec<usize> = (0..claims.len())
        .filter(|&k| claims[k].span.end() <= hedge.start())
        .filter(|&k| {
            let p = doc.paragraph_index_at(claims[k].cue.span.start());
            let opens_para = doc.paragraph_index_at(seg.start())
                != si
                    .checked_sub(1)
                    .and_then(|x| doc.layers.segments.get(x))
                    .and_then(|s| doc.paragraph_index_at(s.span.start()));
            p == para || (opens_para && p.is_some() && p.map(|x| x + 1) == para)
        })
        .collect();
    if !agents.is_empty() || words.iter().any(|w| *w == "claims" || *w == "claim") {
        let named: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&k| {
                let c = &claims[k];
                let name = c.speaker_name().to_lowercase();
                let by_name = name
                    .split_whitespace()
                    .any(|n| n.len() > 2 && words.contains(&n));
                let (class, descs, _) = info.get(k).cloned().unwrap_or((None, Vec::new(), 0));
                let by_role = descs.iter().any(|d| agents.contains(&d.as_str()))
                    || (class == Some(RoleClass::Gov)
                        && agents.iter().any(|a| {
                            matches!(
                                *a,
                                "government"
                                    | "authorities"
                                    | "officials"
                                    | "ministry"
                                    | "police"
                                    | "military"
                                    | "army"
                                    | "kremlin"
                                    | "regime"
                                    | "state"
                            )
                        }));
                by_name || by_role
            })
            .collect();
        if !named.is_empty() {
            return named;
        }
    }
    // No agent named: the claims of the sentence before ("neither figure", "both claims":
    // of the two before).
    let whole = ctx.slice(seg).to_lowercase();
    let reach = if whole.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "neither" | "both" | "none" | "figures" | "claims" | "accounts"
        )
    }) {
        2
    } else {
        1
    };
    (0..claims.len())
        .filter(|&k| {
            info.get(k).is_some_and(|i| i.2 < si && i.2 + reach >= si) && earlier.contains(&k)
        })
        .collect()
}
