//! Finding acts of reporting: cues, their speakers and their content, in each content segment.

use crate::lexicon::{word_is, CueClass, CueEntry, WordKind, CUES};
use crate::text::{quotes, tokenize, trim_span, Quote, Tok};
use crate::words::*;
use newsledger_model::{Document, SegmentKind, Span, TimexType};

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
}

impl Cand {
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
        Ctx {
            doc,
            text,
            toks,
            quotes,
            timexes,
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
            t.is_punct()
                && self
                    .quotes
                    .iter()
                    .any(|q| q.outer.start() == t.span.start())
        })
    }

    fn is_close_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_punct()
                && matches!(self.slice(t.span), "”" | "\"" | "»")
                && self.quotes.iter().any(|q| q.outer.end() == t.span.end())
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
        if let Some(c) = colon_claim(ctx, si, sa, sb) {
            cands.push(c);
        }
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
    let base = |cue: Span| Cand {
        seg: si,
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
        cue_tok: i,
    };
    match entry.class {
        CueClass::According => {
            if ctx.lower(i + 1) != "to" || i + 2 >= sb {
                return None;
            }
            let (na, mut nb) = fwd_np(ctx, i + 2, sb)?;
            // "according to plan", "according to the law": not a source.
            if any(ctx.lower(nb - 1), NOT_SOURCES) {
                return None;
            }
            let cue = t.span.cover(ctx.tok(i + 1)?.span);
            let mut c = base(cue);
            let mut na = na;
            // "according to a port spokesman, Ilse Varga, …": the named person speaks.
            if ctx.lower(nb) == "," && spokes_np(ctx, na, nb) {
                let lim = (nb + 7).min(sb);
                if let Some(m) = (nb + 2..lim).find(|&m| ctx.lower(m) == ",") {
                    if person_name(ctx, nb + 1, m) {
                        na = nb + 1;
                        nb = m;
                    }
                }
            }
            c.speaker = Some(SpkRef {
                span: np_span(ctx, na, nb),
            });
            // "according to hospital sources quoted by the group"
            if any(ctx.lower(nb), &["quoted", "cited"]) && ctx.lower(nb + 1) == "by" {
                if let Some((ra, rb)) = fwd_np(ctx, nb + 2, sb) {
                    c.via.push(SpkRef {
                        span: np_span(ctx, ra, rb),
                    });
                    nb = rb;
                }
            }
            let after = skip_mods(ctx, nb, sb);
            c.attr
                .push(Span::new(cue.start(), tok_end(ctx, after.max(nb), nb)));
            let seg_start = content_start(ctx, seg.span.start(), sa);
            let before_end = if i > sa && ctx.is_sep(i - 1) {
                ctx.tok(i - 1)?.span.start()
            } else {
                t.span.start()
            };
            if before_end > seg_start && i > sa {
                c.content.push(Span::new(seg_start, before_end));
            }
            // Content after the phrase: "According to X, …" or "…, according to X, …".
            let mut k = after;
            if ctx.lower(k) == "," {
                k += 1;
            }
            if k < sb && ctx.is_word(k) || ctx.is_open_quote(k) {
                if let Some(tk) = ctx.tok(k) {
                    c.forward_from = Some(tk.span.start());
                }
            }
            c.content_first = true;
            c.sep = Some(before_end);
            Some(c)
        }
        CueClass::Relay => {
            let (na, nb) = fwd_np(ctx, i + 1, sb)?;
            let mut c = base(t.span);
            c.speaker = Some(SpkRef {
                span: np_span(ctx, na, nb),
            });
            c.attr.push(Span::new(
                t.span.start(),
                tok_end(ctx, skip_mods(ctx, nb, sb), nb),
            ));
            Some(c)
        }
        CueClass::Quoted => quoted(ctx, si, sa, sb, i, base(t.span)),
        CueClass::Part => {
            if ctx.lower(i.checked_sub(1)?) == "as" {
                return None;
            }
            let p = skip_back(ctx, i, sa)?;
            if ctx.lower(p) != "," {
                return None;
            }
            let mut c = base(t.span);
            let mut j = skip_mods(ctx, i + 1, sb);
            if entry.lemma == "tell" {
                j = skip_audience(ctx, j, sb);
            }
            if ctx.lower(j) == "that" || ctx.lower(j) == ":" {
                j += 1;
            }
            if j + 1 >= sb {
                return None;
            }
            c.forward_from = ctx.tok(j).map(|t| t.span.start());
            c.attr.push(t.span);
            Some(c)
        }
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
    }
}

/// Where the number of an estimate shape is introduced: "put the crowd AT 80,000",
/// "estimated the toll AT 40", "gave a figure OF 31", "gave the number of dead AS 12".
fn put_linker(ctx: &Ctx, i: usize, sb: usize) -> Option<usize> {
    if !any(
        ctx.lower(i + 1),
        &["the", "its", "their", "his", "her", "a", "an"],
    ) {
        return None;
    }
    let give = ctx.lower(i) == "gave" || ctx.lower(i) == "gives";
    let links: &[&str] = if give { &["of", "as", "at"] } else { &["at"] };
    let num = |k: usize| {
        ctx.tok(k).is_some_and(|t| t.kind == crate::text::TK::Num)
            || any(ctx.lower(k), NUMBER_WORDS)
    };
    (i + 2..(i + 12).min(sb)).find(|&at| {
        any(ctx.lower(at), links)
            && (at + 1..(at + 5).min(sb)).any(num)
            && (!give || (i + 2..at).any(|k| word_is(ctx.lower(k), WordKind::Tally)))
    })
}

/// "Organisers put the crowd at 80,000", "police gave a figure of 31": the speaker before the
/// verb, the estimate after it.
fn put_claim(ctx: &Ctx, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    put_linker(ctx, i, sb)?;
    let p = skip_back(ctx, i, sa)?;
    let (a, b) = if ctx.lower(p) == "," {
        appositive_np(ctx, p, sa)?.0
    } else {
        back_np(ctx, p, sa)?
    };
    c.speaker = Some(SpkRef {
        span: np_span(ctx, a, b),
    });
    c.attr.push(np_span(ctx, a, b).cover(c.cue));
    c.forward_from = ctx.tok(i + 1).map(|t| t.span.start());
    Some(c)
}

/// "…, the agency said on Saturday, with more than 1,400 injured": a clause after a closing
/// attribution that goes on with the content. `k` is the token after the attribution.
fn trailing_content(ctx: &Ctx, k: usize, sb: usize, seg_end: usize) -> Option<Span> {
    if ctx.lower(k) != "," || k + 2 >= sb {
        return None;
    }
    let w = ctx.lower(k + 1);
    if !word_is(w, WordKind::Trail) {
        return None;
    }
    let start = ctx.tok(k + 1)?.span.start();
    let s = trim_span(ctx.text, Span::new(start, seg_end.max(start)), &['.', ';']);
    (!s.is_empty()).then_some(s)
}

fn tok_end(ctx: &Ctx, j: usize, min_j: usize) -> usize {
    // End offset of token j-1 (the last token of a region [.., j)).
    let k = j.max(min_j);
    ctx.tok(k.saturating_sub(1))
        .map(|t| t.span.end())
        .unwrap_or(0)
}

fn np_span(ctx: &Ctx, a: usize, b: usize) -> Span {
    let s = ctx.tok(a).map(|t| t.span.start()).unwrap_or(0);
    let e = ctx
        .tok(b.saturating_sub(1))
        .map(|t| t.span.end())
        .unwrap_or(s);
    Span::new(s, e)
}

/// Where content starting at the segment start begins: a quote opened in an earlier
/// sentence extends it back to the opening mark.
fn content_start(ctx: &Ctx, seg_start: usize, sa: usize) -> usize {
    let first = ctx.tok(sa).map(|t| t.span.start()).unwrap_or(seg_start);
    match ctx.quote_at(first) {
        Some(q) if q.outer.start() < seg_start => q.outer.start(),
        _ => first,
    }
}

/// Step back over adverbs, auxiliaries and time words between a cue and its speaker.
/// Returns the index of the first token left of them, or None for a negated or passive cue.
fn skip_back(ctx: &Ctx, i: usize, sa: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    loop {
        if j < sa {
            return None;
        }
        let w = ctx.lower(j);
        if any(w, NEG) {
            return None;
        }
        let adverb = w.len() > 4
            && w.ends_with("ly")
            && ctx.is_word(j)
            && !any(w, &["only", "family", "italy", "assembly"]);
        if any(w, PRE_CUE_SKIP) || adverb || (ctx.timeish(j) && ctx.is_word(j)) {
            if j == sa {
                return None;
            }
            j -= 1;
            continue;
        }
        if any(w, BE) && w != "'s" {
            return None;
        }
        return Some(j);
    }
}

/// The subject noun phrase ending at token j (inclusive), scanning left.
fn back_np(ctx: &Ctx, j: usize, sa: usize) -> Option<(usize, usize)> {
    let t = ctx.tok(j)?;
    if t.is_punct() {
        return None;
    }
    if any(
        &t.lower,
        &[
            "he", "she", "they", "it", "we", "some", "many", "others", "most", "several", "both",
        ],
    ) && (j == sa
        || !ctx.is_word(j - 1)
        || any(
            ctx.lower(j - 1),
            &["and", "but", "while", "though", "although", "whereas"],
        ))
    {
        return Some((j, j + 1));
    }
    let mut k = j as isize;
    let mut n = 0;
    while k >= sa as isize && n < 10 {
        let ku = k as usize;
        let Some(tk) = ctx.tok(ku) else { break };
        let w = tk.lower.as_str();
        let ok = if tk.is_punct() {
            matches!(ctx.slice(tk.span), "-" | "&" | "/")
                || (matches!(ctx.slice(tk.span), "'" | "’")
                    && ctx
                        .tok(ku.wrapping_sub(1))
                        .is_some_and(|p| p.lower.ends_with('s'))
                    && ku < j)
        } else if w == "'s" {
            true
        } else if w == "and" || w == "or" {
            ctx.tok(ku.wrapping_sub(1)).is_some_and(|p| p.cap)
                && ctx.tok(ku + 1).is_some_and(|p| p.cap)
        } else if any(w, BACK_STOP) || (CUES.contains_key(w) && ku != j) {
            false
        } else if !tk.cap && (w.ends_with("ed") || w.ends_with("ing")) && ku < j {
            // A verb form followed by a function word is a verb, not a modifier.
            let next = ctx.lower(ku + 1);
            !(any(next, PREPS) || any(next, DETS) || ctx.tok(ku + 1).is_some_and(|x| x.is_punct()))
        } else {
            true
        };
        if !ok {
            break;
        }
        k -= 1;
        n += 1;
    }
    let mut a = (k + 1) as usize;
    let b = j + 1;
    // Trim leading prepositions, conjunctions and adverbs, and the minutes of a live-page
    // timestamp ("09:42 Police say …": the tokens are "09", ":", "42").
    let num = |x: usize| ctx.tok(x).is_some_and(|t| t.kind == crate::text::TK::Num);
    while a < b {
        let w = ctx.lower(a);
        let clock = num(a) && a >= 2 && ctx.lower(a - 1) == ":" && num(a - 2);
        if clock
            || any(w, PREPS)
            || w == "and"
            || w == "or"
            || w == "'s"
            || (w.ends_with("ly") && w.len() > 4)
        {
            a += 1;
        } else {
            break;
        }
    }
    // "In a statement the ministry": a determiner after a noun starts the real subject.
    let mut cut = a;
    for x in a + 1..b {
        let w = ctx.lower(x);
        let prev = ctx.lower(x - 1);
        if any(w, &["the", "a", "an", "his", "her", "its", "their"])
            && !any(prev, PREPS)
            && prev != "'s"
            && !any(prev, DETS)
        {
            cut = x;
        }
    }
    a = cut;
    if a >= b {
        return None;
    }
    let head_ok = (a..b).any(|x| {
        let w = ctx.lower(x);
        ctx.is_word(x) && !any(w, DETS) && !any(w, PREPS) && w != "'s"
    });
    if !head_ok || any(ctx.lower(b - 1), DETS) || any(ctx.lower(b - 1), PREPS) {
        return None;
    }
    // A bare time expression is not a speaker.
    if (a..b).all(|x| ctx.timeish(x) || ctx.tok(x).is_some_and(|t| t.kind == crate::text::TK::Num))
    {
        return None;
    }
    Some((a, b))
}

/// A noun phrase starting at token a, scanning right (after "according to", "citing", or an
/// inverted "said X").
pub fn fwd_np(ctx: &Ctx, a: usize, sb: usize) -> Option<(usize, usize)> {
    let mut k = a;
    while k < sb && k < a + 14 {
        let Some(t) = ctx.tok(k) else { break };
        let w = t.lower.as_str();
        if t.is_punct() {
            if matches!(ctx.slice(t.span), "-" | "&" | "/") {
                k += 1;
                continue;
            }
            break;
        }
        if k > a
            && any(
                w,
                &[
                    "that", "who", "which", "whose", "where", "as", "when", "while", "saying",
                    "adding", "because", "but", "after", "before", "amid",
                ],
            )
        {
            break;
        }
        if CUES.contains_key(w)
            && k > a
            && !any(w, &["report", "reports", "claims", "estimates", "findings"])
        {
            break;
        }
        if k > a && any(w, FINITE) && w != "'s" {
            break;
        }
        if k > a && ctx.timeish(k) {
            // A time word ends the phrase unless the phrase goes on after it ("the 2018 report").
            let mut m = k;
            while m < sb && ctx.timeish(m) {
                m += 1;
            }
            let goes_on = ctx
                .tok(m)
                .is_some_and(|x| x.is_word() && !any(&x.lower, &["that", "and", "in", "on", "at"]))
                && m < sb;
            if !goes_on {
                break;
            }
        }
        if k > a
            && any(
                w,
                &["on", "in", "at", "late", "early", "last", "this", "earlier"],
            )
            && ctx.timeish(k + 1)
        {
            break;
        }
        k += 1;
    }
    let mut b = k;
    while b > a
        && (any(ctx.lower(b - 1), PREPS)
            || any(ctx.lower(b - 1), DETS)
            || ctx.lower(b - 1) == "and")
    {
        b -= 1;
    }
    let mut a2 = a;
    if ctx.lower(a2) == "the" && b > a2 + 1 {
        // keep the determiner: it belongs to the mention
        a2 = a;
    }
    if b <= a2 {
        return None;
    }
    let head_ok = (a2..b).any(|x| ctx.is_word(x) && !any(ctx.lower(x), DETS));
    head_ok.then_some((a2, b))
}

/// Skip modifiers of an attribution after the cue: time words, "in a statement", "on Twitter",
/// "to reporters", adverbs. Returns the first token after them.
fn skip_mods(ctx: &Ctx, mut j: usize, sb: usize) -> usize {
    let mut guard = 0;
    while j < sb && guard < 8 {
        guard += 1;
        let w = ctx.lower(j).to_string();
        // "said on condition of anonymity"
        if w == "on" && ctx.lower(j + 1) == "condition" && ctx.lower(j + 2) == "of" {
            j += 4;
            continue;
        }
        if ctx.timeish(j) && ctx.is_word(j)
            || ctx.tok(j).is_some_and(|t| t.kind == crate::text::TK::Num) && ctx.timeish(j)
        {
            j += 1;
            continue;
        }
        if w.len() > 4 && w.ends_with("ly") && ctx.is_word(j) && !any(&w, &["only"]) {
            j += 1;
            continue;
        }
        if any(&w, ATTR_PREPS) {
            if ctx.timeish(j + 1) {
                j += 2;
                continue;
            }
            // Look ahead for an audience, channel or time word inside a short phrase.
            let mut last = None;
            let mut m = j + 1;
            while m < sb && m <= j + 5 {
                let Some(t) = ctx.tok(m) else { break };
                if t.is_punct() && !matches!(ctx.slice(t.span), "-") {
                    break;
                }
                if t.lower == "that" {
                    break;
                }
                let medium = crate::lexicon::MEDIUM_HEADS.contains(t.lower.as_str());
                // Time words count right after the preposition ("on Friday", "late on
                // Friday", "in the morning"), not deep inside a clause.
                let near_time = ctx.timeish(m)
                    && (m == j + 1
                        || (m == j + 2
                            && any(
                                ctx.lower(j + 1),
                                &["the", "this", "last", "next", "on", "a"],
                            )));
                if any(&t.lower, AUDIENCE)
                    || medium
                    || near_time
                    || (t.cap && any(ctx.lower(m - 1), &["with", "to"]))
                {
                    last = Some(m);
                }
                // Past a verb-like word the phrase is a clause, not a modifier.
                if !t.cap
                    && !medium
                    && m > j + 1
                    && (t.lower.ends_with("ed") || any(&t.lower, FINITE))
                {
                    break;
                }
                m += 1;
            }
            if let Some(l) = last {
                j = l + 1;
                // A proper name right after ("an interview with CNN") belongs to the phrase.
                while j < sb
                    && ctx.tok(j).is_some_and(|t| t.cap && t.is_word())
                    && any(ctx.lower(l), &["with", "to"])
                {
                    j += 1;
                }
                continue;
            }
            if any(
                &w,
                &[
                    "also",
                    "again",
                    "then",
                    "separately",
                    "publicly",
                    "privately",
                    "earlier",
                    "later",
                ],
            ) {
                j += 1;
                continue;
            }
        }
        break;
    }
    j
}

/// Skip the audience of "told": "told Putin", "told reporters", "told the BBC".
fn skip_audience(ctx: &Ctx, mut j: usize, sb: usize) -> usize {
    let start = j;
    if ctx.tok(j).is_some_and(|t| t.cap && t.is_word()) {
        while j < sb
            && ctx
                .tok(j)
                .is_some_and(|t| (t.cap && t.is_word()) || t.lower == "'s")
        {
            j += 1;
        }
    } else if any(
        ctx.lower(j),
        &["the", "a", "state", "local", "his", "her", "their", "its"],
    ) {
        let mut m = j + 1;
        while m < sb && m < j + 4 && ctx.tok(m).is_some_and(|t| t.is_word()) {
            if ctx.tok(m).is_some_and(|t| t.cap) || any(ctx.lower(m), AUDIENCE) {
                let mut e = m + 1;
                while e < sb && ctx.tok(e).is_some_and(|t| t.cap && t.is_word()) {
                    e += 1;
                }
                return skip_mods(ctx, e, sb);
            }
            m += 1;
        }
    } else if any(ctx.lower(j), AUDIENCE) {
        j += 1;
    }
    if j == start {
        // "told his cabinet that …": a short object before "that".
        if let Some(t) = (j + 1..(j + 5).min(sb)).find(|&k| ctx.lower(k) == "that") {
            if (j..t).all(|k| ctx.is_word(k)) {
                return t;
            }
        }
        return j;
    }
    skip_mods(ctx, j, sb)
}

/// A weak cue needs a clause after it: "that", a quote, a colon, "to" + verb, a number,
/// or a finite verb soon after.
fn clause_follows(ctx: &Ctx, j: usize, sb: usize, class: CueClass) -> bool {
    let w = ctx.lower(j);
    if w == "that" || w == ":" || ctx.is_open_quote(j) {
        return true;
    }
    if w == "to" && class != CueClass::Finding {
        return true;
    }
    if class == CueClass::Finding && ctx.is_word(j) && !any(w, PREPS) {
        return true;
    }
    if matches!(class, CueClass::Weak | CueClass::Finding | CueClass::Belief) {
        let mut m = j;
        while any(
            ctx.lower(m),
            &[
                "at", "least", "more", "than", "over", "nearly", "about", "some", "a", "total",
                "of", "around", "up", "to", "as", "many", "almost", "roughly", "another",
                "further", "only", "just", "no", "fewer", "between",
            ],
        ) && m < j + 4
        {
            m += 1;
        }
        if (ctx.tok(m).is_some_and(|t| t.kind == crate::text::TK::Num)
            || any(ctx.lower(m), NUMBER_WORDS))
            && !ctx.timeish(m)
        {
            return true;
        }
    }
    if any(w, PREPS) || w == "," {
        return false;
    }
    let mut m = j;
    while m < sb && m < j + 12 {
        let Some(t) = ctx.tok(m) else { break };
        if t.is_punct() && matches!(ctx.slice(t.span), ";" | "." | "|" | "?" | "!") {
            break;
        }
        if any(&t.lower, FINITE) && m > j {
            return true;
        }
        m += 1;
    }
    false
}

/// Words that are reporting verbs in one use and nouns of reporting in another ("the
/// report said" vs "police report …"), shared by the noun-use checks below.
const REPORT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "claims",
    "claim",
    "estimates",
    "estimate",
    "fears",
    "fear",
    "hopes",
    "hope",
];

fn verb_claim(ctx: &Ctx, si: usize, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    let class = c.entry.class;
    let seg = ctx.doc.layers.segments.get(si)?;
    // Noun uses: "any claims", "the report noted", "fears of".
    let nounish = any(ctx.lower(i), REPORT_NOUNS)
        || any(
            ctx.lower(i),
            &[
                "finds", "shows", "show", "notes", "states", "warns", "tells", "says", "suspects",
                "suspect", "posts", "writes",
            ],
        );
    if i > sa {
        let p = ctx.lower(i - 1);
        if any(p, NOUN_DETS)
            || (nounish && any(p, DETS))
            || p == "'s"
            || nounish
                && any(
                    p,
                    &[
                        "unconfirmed",
                        "initial",
                        "earlier",
                        "media",
                        "news",
                        "new",
                        "further",
                        "conflicting",
                        "these",
                        "such",
                        "false",
                        "similar",
                    ],
                )
        {
            return None;
        }
    }
    let noun_pp = (any(ctx.lower(i), REPORT_NOUNS) || ctx.lower(i) == "notes")
        && any(ctx.lower(i + 1), &["of", "about", "from", "by", "on"]);
    if noun_pp
        || nounish
            && ctx
                .tok(i + 1)
                .is_some_and(|t| CUES.contains_key(&t.lower) || any(&t.lower, FINITE))
    {
        return None;
    }
    // Passive with an agent: "the 118 acknowledged by the ministry", "was announced by X".
    if ctx.lower(i + 1) == "by" && i > sa && class != CueClass::Belief {
        let (na, nb) = fwd_np(ctx, i + 2, sb)?;
        if (na..nb).all(|k| ctx.timeish(k) || !ctx.is_word(k)) {
            return None;
        }
        let mut j = i - 1;
        while j > sa && (any(ctx.lower(j), BE) || any(ctx.lower(j), PRE_CUE_SKIP)) {
            j -= 1;
        }
        let (ca, cb) = back_np(ctx, j, sa)?;
        c.speaker = Some(SpkRef {
            span: np_span(ctx, na, nb),
        });
        c.content = vec![np_span(ctx, ca, cb)];
        c.attr.push(c.cue.cover(np_span(ctx, na, nb)));
        return Some(c);
    }
    let prev = if i > sa { skip_back(ctx, i, sa) } else { None };
    if i > sa && prev.is_none() {
        // negated, passive, or nothing before the cue but adverbs
        let j = i.checked_sub(1)?;
        if any(ctx.lower(j), NEG) || any(ctx.lower(j), BE) {
            return None;
        }
    }
    if class == CueClass::QuoteOnly {
        // "“…,” she continued." — only as the tag of a quotation.
        let p = skip_back(ctx, i, sa)?;
        let (a, b) = if ctx.is_close_quote(p) {
            let (na, nb) = fwd_np(ctx, i + 1, sb)?;
            (na, nb)
        } else {
            back_np(ctx, p, sa)?
        };
        let sep = if ctx.is_close_quote(p) {
            p
        } else {
            a.checked_sub(1)?
        };
        if !(ctx.is_close_quote(sep)
            || ctx.is_close_quote(sep.saturating_sub(1)) && ctx.lower(sep) == ",")
        {
            return None;
        }
        c.speaker = Some(SpkRef {
            span: np_span(ctx, a, b),
        });
        c.attr.push(np_span(ctx, a, b).cover(c.cue));
        c.content_first = true;
        c.sep = Some(ctx.tok(sep)?.span.start());
        c.content = content_before(ctx, seg.span.start(), sa, sep);
        return (!c.content.is_empty()).then_some(c);
    }
    let speechy = matches!(class, CueClass::Say | CueClass::Tell);
    let after = skip_mods(ctx, i + 1, sb);
    let after_aud = if class == CueClass::Tell {
        skip_audience(ctx, after, sb)
    } else {
        after
    };
    c.attr
        .push(Span::new(c.cue.start(), tok_end(ctx, after_aud, i + 1)));
    let ends_here = |k: usize| -> bool {
        // The attribution reaches the end of the sentence, or a comma/semicolon after which
        // the sentence goes on with something other than the content.
        let mut m = k;
        while m < sb
            && ctx.tok(m).is_some_and(|t| {
                t.is_punct()
                    && matches!(ctx.slice(t.span), "." | "!" | "?" | "”" | "\"" | "’" | ")")
            })
        {
            m += 1;
        }
        if m >= sb {
            return true;
        }
        matches!(ctx.lower(k), "," | ";" | "—" | "–" | "(")
            || any(
                ctx.lower(k),
                &[
                    "following",
                    "after",
                    "amid",
                    "despite",
                    "as",
                    "while",
                    "when",
                    "before",
                    "in",
                    "but",
                    "and",
                ],
            ) && k > i + 1
    };
    // Inverted: "…,” said X." / "…, said the ministry." (speech verbs only)
    if let Some(p) = prev {
        if speechy
            && (ctx.is_close_quote(p)
                || (ctx.lower(p) == "," && appositive_np(ctx, p, sa).is_none()))
        {
            if let Some((na, nb)) = fwd_np(ctx, after, sb) {
                let k = skip_mods(ctx, nb, sb);
                if ends_here(k) && na == after {
                    c.speaker = Some(SpkRef {
                        span: np_span(ctx, na, nb),
                    });
                    c.attr
                        .push(Span::new(ctx.tok(na)?.span.start(), tok_end(ctx, k, nb)));
                    c.content_first = true;
                    let sep_off = ctx.tok(p)?.span.start();
                    c.sep = Some(sep_off);
                    c.content = content_before(ctx, seg.span.start(), sa, p);
                    split_quote_after(ctx, &mut c, k, sb);
                    if let Some(t) = trailing_content(ctx, k, sb, seg.span.end()) {
                        c.content.push(t);
                    }
                    return (!c.content.is_empty()).then_some(c);
                }
            }
        }
        if ctx.is_close_quote(p) && !speechy {
            return None;
        }
    }
    // Speaker before the cue.
    let p = prev?;
    // A relative clause: "The union, which says it speaks for …, said …".
    if any(ctx.lower(p), &["who", "which"]) && p > sa {
        let q = if ctx.lower(p - 1) == "," { p - 1 } else { p };
        let (a, b) = back_np(ctx, q.checked_sub(1)?, sa)?;
        if !(a..b).any(|x| ctx.tok(x).is_some_and(|t| t.cap)) && !any(ctx.lower(a), DEFINITE) {
            return None;
        }
        let mut j = after_aud;
        if matches!(class, CueClass::Weak | CueClass::Belief | CueClass::Finding)
            && !clause_follows(ctx, j, sb, class)
        {
            return None;
        }
        if ctx.lower(j) == "that" {
            j += 1;
        }
        // The clause ends at the next comma.
        let end = (j..sb).find(|&k| ctx.lower(k) == ",")?;
        if end <= j + 1 || any(ctx.lower(j), &["not", "for", "to"]) {
            return None;
        }
        c.speaker = Some(SpkRef {
            span: np_span(ctx, a, b),
        });
        c.content = vec![np_span(ctx, j, end)];
        return Some(c);
    }
    if directive(ctx, &c.entry.lemma, after, sb) {
        return None;
    }
    // Coordinated verbs: "X accused … and said …" take the subject of the first.
    if any(ctx.lower(p), &["and", "but"]) && p > sa {
        let mut j = after_aud;
        if matches!(class, CueClass::Weak | CueClass::Belief | CueClass::Finding)
            && !clause_follows(ctx, j, sb, class)
        {
            return None;
        }
        if ctx.lower(j) == "that" || ctx.lower(j) == ":" {
            j += 1;
        }
        if j + 1 >= sb {
            return None;
        }
        c.inherit = true;
        c.forward_from = ctx.tok(j).map(|t| t.span.start());
        return Some(c);
    }
    let ((a, b), outer_a) = if ctx.lower(p) == "," {
        appositive_np(ctx, p, sa)?
    } else {
        let np = back_np(ctx, p, sa)?;
        (np, np.0)
    };
    let head = ctx.lower(b - 1);
    if any(
        ctx.lower(a),
        &["nobody", "none", "neither", "no", "nothing", "noone"],
    ) {
        return None;
    }
    let bad_subject = match class {
        CueClass::Finding => !any(head, FINDING_SUBJ),
        CueClass::Belief => any(head, &["it", "there", "this", "i", "we", "you"]),
        _ => false,
    };
    if bad_subject {
        return None;
    }
    // "the agency has recorded 600 deaths", "the ministry counted 310,000 marchers": a
    // counting verb reports a tally only when a body counts and a number follows; "the team
    // recorded an album", "Smith recorded 12 rebounds" are not reports.
    if word_is(&c.entry.lemma, WordKind::Counting)
        && !(counting_body(ctx, a, b) && number_follows(ctx, after))
    {
        return None;
    }
    if nounish
        && (a..b).any(|x| {
            ctx.tok(x).is_some_and(|t| {
                !t.cap && t.is_word() && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
            })
        })
    {
        return None;
    }
    c.speaker = Some(SpkRef {
        span: np_span(ctx, a, b),
    });
    if i <= b + 3 {
        c.attr.push(np_span(ctx, a, b).cover(c.cue));
    } else {
        c.attr.push(np_span(ctx, a, b));
    }
    // A live-page timestamp with a day before the speaker ("Monday 18 July, 21:10 Police
    // said") dates the claim; a bare clock time says no more than the page's own date.
    if a > sa
        && (sa..a).any(|x| ctx.tok(x).is_some_and(|t| t.is_word()) && ctx.timeish(x))
        && (sa..a).all(|x| {
            ctx.timeish(x)
                || ctx.tok(x).is_some_and(|t| {
                    t.kind == crate::text::TK::Num || matches!(ctx.slice(t.span), ":" | "," | ".")
                })
        })
    {
        if let (Some(ts), Some(te)) = (ctx.tok(sa), ctx.tok(a - 1)) {
            c.attr.push(ts.span.cover(te.span));
        }
    }
    // Content-first: "…, X said." — the speaker follows a separator and the attribution ends.
    if outer_a > sa && ctx.is_sep(outer_a - 1) && (ends_here(after_aud) || ends_here(after)) {
        c.content_first = true;
        c.sep = Some(ctx.tok(outer_a - 1)?.span.start());
        c.content = content_before(ctx, seg.span.start(), sa, outer_a - 1);
        split_quote_after(ctx, &mut c, after_aud, sb);
        if let Some(t) = trailing_content(ctx, after_aud, sb, seg.span.end()) {
            c.content.push(t);
        }
        return (!c.content.is_empty()).then_some(c);
    }
    // Speaker first, content after the cue.
    let mut j = after_aud;
    if class == CueClass::Tell && j == after && !any(ctx.lower(j), &["that", ":"]) {
        // "told" with no audience is not reporting ("tells a different story").
        return None;
    }
    if matches!(class, CueClass::Weak | CueClass::Belief | CueClass::Finding)
        && !clause_follows(ctx, j, sb, class)
    {
        return None;
    }
    if ctx.lower(j) == "that"
        || ctx.lower(j) == ":"
        || ctx.lower(j) == "," && ctx.is_open_quote(j + 1)
    {
        j += 1;
    }
    // "said that, according to Y, …": the content starts after the inner attribution.
    if ctx.lower(j) == "," && ctx.lower(j + 1) == "according" {
        c.relay_inside = true;
        j += 1;
    }
    if j >= sb || !(ctx.is_word(j) || ctx.is_open_quote(j)) {
        return None;
    }
    // A leading phrase "In a read-out …, X told" belongs to the attribution.
    if a > sa
        && ctx.lower(a - 1) == ","
        && any(
            ctx.lower(sa),
            &[
                "in",
                "on",
                "at",
                "during",
                "speaking",
                "writing",
                "addressing",
            ],
        )
    {
        let lead = Span::new(ctx.tok(sa)?.span.start(), ctx.tok(a - 1)?.span.start());
        c.attr.push(lead);
    }
    c.forward_from = ctx.tok(j).map(|t| t.span.start());
    Some(c)
}

/// "urged the public to boil water", "asked residents to stay away", "called on donors to
/// give": an object and a to-infinitive after a directive cue ask someone to act; nothing is
/// reported as fact. `after` is the first token after the cue and its modifiers.
fn directive(ctx: &Ctx, lemma: &str, after: usize, sb: usize) -> bool {
    if !word_is(lemma, WordKind::Directive) {
        return false;
    }
    let mut m = after;
    if any(ctx.lower(m), &["on", "upon"]) || lemma == "appeal" && ctx.lower(m) == "to" {
        m += 1;
    }
    let start = m;
    while m < sb && m < start + 10 {
        let w = ctx.lower(m);
        if w == "to" {
            let verb_next = ctx.tok(m + 1).is_some_and(|t| {
                t.is_word() && t.kind != crate::text::TK::Num && !any(&t.lower, DETS)
            });
            return m > start && verb_next;
        }
        let np_part = ctx
            .tok(m)
            .is_some_and(|t| t.is_word() || t.kind == crate::text::TK::Num)
            || matches!(w, "'s" | "’s" | "-");
        // a clause of its own: "told the paper they were forced to wait"
        let clause = any(w, FINITE) || any(w, &["he", "she", "they", "we", "i", "it", "you"]);
        if !np_part || clause || w == "that" || CUES.contains_key(w) {
            return false;
        }
        m += 1;
    }
    false
}

/// An organisation that keeps counts: a body role noun ("the ministry", "police"), an
/// acronym ("the IOM"), or an organisation the entity layer knows that is not a company.
fn counting_body(ctx: &Ctx, a: usize, b: usize) -> bool {
    use crate::lexicon::{RoleClass, ROLES};
    // The head is the noun before a post-modifier: "a reporter for the paper" → reporter.
    let h = (a..b)
        .find(|&x| {
            any(
                ctx.lower(x + 1),
                &["for", "of", "at", "with", "from", "in", "on"],
            )
        })
        .unwrap_or(b.saturating_sub(1));
    if let Some(r) = ROLES.get(ctx.lower(h)) {
        return *r != RoleClass::Person;
    }
    let Some(t) = ctx.tok(h) else { return false };
    let w = ctx.slice(t.span);
    if w.chars().count() >= 2 && w.chars().all(|ch| ch.is_ascii_uppercase()) {
        return true;
    }
    ctx.doc.entity_at(t.span).is_some_and(|e| {
        e.kind == newsledger_model::EntityType::Org && e.subtype.as_deref() != Some("company")
    })
}

/// A number (possibly after "more than", "at least", "some"…) right after the cue.
fn number_follows(ctx: &Ctx, j: usize) -> bool {
    let mut m = j;
    while m < j + 3
        && any(
            ctx.lower(m),
            &[
                "at", "least", "more", "than", "over", "nearly", "about", "some", "almost",
                "roughly", "around", "another", "a", "further", "fewer", "up", "to",
            ],
        )
    {
        m += 1;
    }
    (ctx.tok(m).is_some_and(|t| t.kind == crate::text::TK::Num) || any(ctx.lower(m), NUMBER_WORDS))
        && !ctx.timeish(m)
}

/// The speaker of "NP1, APPOSITIVE, cue", and where NP1 starts.
fn appositive_np(ctx: &Ctx, p: usize, sa: usize) -> Option<((usize, usize), usize)> {
    // the previous comma: within 14 tokens, or 30 for a relative clause
    let mut q = p.checked_sub(1)?;
    let lim = p.saturating_sub(30).max(sa);
    while q > lim && ctx.lower(q) != "," {
        q -= 1;
    }
    if ctx.lower(q) != "," || q + 1 >= p {
        return None;
    }
    let first = ctx.tok(q + 1)?;
    let relative = any(
        &first.lower,
        &[
            "who",
            "which",
            "whose",
            "also",
            "speaking",
            "writing",
            "citing",
            "quoting",
            "according",
        ],
    );
    if !relative && p - q > 14 {
        return None;
    }
    let age = first.kind == crate::text::TK::Num && q + 2 == p;
    let starts_ok = relative
        || age
        || any(
            &first.lower,
            &[
                "the", "a", "an", "his", "her", "its", "their", "himself", "herself",
            ],
        )
        || first.cap
        || crate::lexicon::ROLES.contains_key(&first.lower);
    if !starts_ok {
        return None;
    }
    let np1 = back_np(ctx, q.checked_sub(1)?, sa)?;
    // NP1 must start the sentence or follow a separator, and look like a name or a definite NP.
    let (a, b) = np1;
    let boundary =
        a == sa || ctx.is_sep(a - 1) || ctx.is_open_quote(a - 1) || ctx.lower(a - 1) == ":";
    let named = (a..b).any(|x| ctx.tok(x).is_some_and(|t| t.cap))
        || any(ctx.lower(a), DEFINITE)
        || any(ctx.lower(a), DETS);
    if !(boundary && named) {
        return None;
    }
    if relative {
        return Some((np1, a));
    }
    // "A harbour spokesman, Ilse Varga, said": the named person is the speaker.
    if spokes_np(ctx, a, b) && person_name(ctx, q + 1, p) {
        return Some(((q + 1, p), a));
    }
    // Prefer the part that carries a proper name.
    let np1_named = (a..b).any(|x| {
        ctx.tok(x)
            .is_some_and(|t| t.cap && !(x == sa && any(&t.lower, DETS)))
    });
    if np1_named {
        Some((np1, a))
    } else {
        Some(((q + 1, p), a))
    }
}

/// A noun phrase that speaks for a body through a person ("a police spokesman", "the
/// ministry's spokeswoman", "a spokesperson for the port authority"): a lower-case person
/// role noun inside it.
fn spokes_np(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|x| {
        ctx.tok(x).is_some_and(|t| {
            !t.cap
                && t.is_word()
                && (word_is(&t.lower, WordKind::Spokes)
                    || crate::lexicon::ROLES.get(&t.lower)
                        == Some(&crate::lexicon::RoleClass::Person))
        })
    })
}

/// The body behind a text it issued, for a speaker mention that names such a text: "a
/// ministry statement", "the army's report", "a statement from the coast guard", "a bulletin
/// issued by the health office". A record with no body named ("the report") gives None.
pub fn record_body(ctx: &Ctx, span: Span) -> Option<Span> {
    let (a, b) = ctx.tok_range(span);
    let r = (a..b).find(|&k| {
        word_is(ctx.lower(k), WordKind::Record) || word_is(ctx.lower(k), WordKind::Account)
    })?;
    // What people told speaks for those people: "accounts from survivors".
    let told = word_is(ctx.lower(r), WordKind::Account);
    let bodyish = |k: usize| {
        ctx.tok(k).is_some_and(|t| {
            t.is_word()
                && (t.cap
                    || matches!(
                        crate::lexicon::ROLES.get(&t.lower),
                        Some(
                            crate::lexicon::RoleClass::Gov
                                | crate::lexicon::RoleClass::Org
                                | crate::lexicon::RoleClass::Media
                        )
                    ))
        })
    };
    let (x, y) = if r + 1 == b {
        // "a (new) ministry statement", "the army's report"
        let mut s = a;
        while s < r
            && (any(ctx.lower(s), DETS)
                || any(
                    ctx.lower(s),
                    &[
                        "new",
                        "latest",
                        "written",
                        "joint",
                        "brief",
                        "short",
                        "final",
                        "initial",
                        "daily",
                        "weekly",
                        "earlier",
                        "separate",
                        "recent",
                        "further",
                        "preliminary",
                        "second",
                        "first",
                        "later",
                    ],
                ))
        {
            s += 1;
        }
        let mut e = r;
        if e > s && ctx.lower(e - 1) == "'s" {
            e -= 1;
        }
        if e <= s || !bodyish(e - 1) || (s..e).any(|k| !ctx.is_word(k)) {
            return None;
        }
        (s, e)
    } else {
        // "a statement from the army", "a report issued by the office"
        let mut s = r + 1;
        if any(
            ctx.lower(s),
            &["issued", "released", "published", "posted", "put"],
        ) {
            s += 1;
            if ctx.lower(s) == "out" {
                s += 1;
            }
            if ctx.lower(s) != "by" {
                return None;
            }
        } else if !any(ctx.lower(s), &["from", "by"]) {
            return None;
        }
        s += 1;
        let people = |k: usize| told && ctx.tok(k).is_some_and(|t| t.is_word());
        if s >= b || !(s..b).any(|k| bodyish(k) || people(k)) {
            return None;
        }
        (s, b)
    };
    let start = ctx.tok(x)?.span.start();
    let end = ctx.tok(y - 1)?.span.end();
    (start < end).then(|| Span::new(start, end))
}

/// Tokens a..b read as a person's name ("Ilse Varga", "Inspector Lia Moor"): two to five
/// capitalised words, no determiner, and not an organisation or place when the entities
/// layer knows the span.
fn person_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    let n = b.saturating_sub(a);
    if !(2..=5).contains(&n) {
        return false;
    }
    let shape = (a..b).all(|x| {
        ctx.tok(x).is_some_and(|t| {
            (t.is_word() && t.cap && !any(&t.lower, DETS)) || ctx.slice(t.span) == "."
        })
    });
    if !shape {
        return false;
    }
    let (Some(ta), Some(tb)) = (ctx.tok(a), ctx.tok(b - 1)) else {
        return false;
    };
    let span = ta.span.cover(tb.span);
    ctx.doc
        .layers
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.span.overlaps(span)))
        .all(|e| e.kind == newsledger_model::EntityType::Person)
}

/// Content before a separator at token p: a quote ending there, or the sentence up to it.
fn content_before(ctx: &Ctx, seg_start: usize, sa: usize, p: usize) -> Vec<Span> {
    let Some(pt) = ctx.tok(p) else {
        return Vec::new();
    };
    let start = content_start(ctx, seg_start, sa);
    // The separator may be ",”" or "”," or just "”".
    let mut close = None;
    for k in [p, p.wrapping_sub(1)] {
        if ctx.is_close_quote(k) {
            close = ctx.tok(k).map(|t| t.span.end());
            break;
        }
    }
    if let Some(ce) = close {
        if let Some(q) = ctx.quotes.iter().find(|q| q.outer.end() == ce) {
            if q.outer.start() <= start {
                let s = trim_span(ctx.text, q.inner, &[',', ' ']);
                return if s.is_empty() { Vec::new() } else { vec![s] };
            }
            let s = trim_span(ctx.text, Span::new(start, q.outer.end()), &[',']);
            return vec![s];
        }
    }
    let s = trim_span(
        ctx.text,
        Span::new(start, pt.span.start()),
        &[',', ';', '—', '–'],
    );
    if s.is_empty() || s.end() <= start {
        Vec::new()
    } else {
        vec![s]
    }
}

/// "“A,” he said, “B.”": the second part of a split quote in the same sentence.
fn split_quote_after(ctx: &Ctx, c: &mut Cand, k: usize, sb: usize) {
    if ctx.lower(k) == "," && ctx.is_open_quote(k + 1) && k + 1 < sb {
        if let Some(t) = ctx.tok(k + 1) {
            if let Some(q) = ctx
                .quotes
                .iter()
                .find(|q| q.outer.start() == t.span.start())
            {
                let s = trim_span(ctx.text, q.inner, &[]);
                if !s.is_empty() {
                    c.content.push(s);
                }
            }
        }
    }
}

/// "X quoted Y as saying" / "X was quoted as saying" / "X was quoted by Y as saying".
fn quoted(ctx: &Ctx, _si: usize, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    let passive = i > sa && any(ctx.lower(i - 1), &["was", "were", "is", "are", "been"]);
    let mut j = i + 1;
    let mut relay_np = None;
    if passive {
        let p = i.checked_sub(2)?;
        let (a, b) = back_np(ctx, skip_back(ctx, p + 1, sa).unwrap_or(p), sa)?;
        c.speaker = Some(SpkRef {
            span: np_span(ctx, a, b),
        });
        if ctx.lower(j) == "by" {
            let (na, nb) = fwd_np(ctx, j + 1, sb)?;
            relay_np = Some(np_span(ctx, na, nb));
            j = nb;
        }
    } else {
        let p = skip_back(ctx, i, sa)?;
        let (a, b) = back_np(ctx, p, sa)?;
        relay_np = Some(np_span(ctx, a, b));
        let (na, nb) = fwd_np(ctx, j, sb)?;
        c.speaker = Some(SpkRef {
            span: np_span(ctx, na, nb),
        });
        j = nb;
    }
    j = skip_mods(ctx, j, sb);
    if !(ctx.lower(j) == "as" && any(ctx.lower(j + 1), &["saying", "telling", "stating"])) {
        return None;
    }
    c.cue = c.cue.cover(ctx.tok(j + 1)?.span);
    j += 2;
    j = skip_mods(ctx, j, sb);
    if ctx.lower(j) == "that" || ctx.lower(j) == ":" {
        j += 1;
    }
    if j >= sb {
        return None;
    }
    if let Some(r) = relay_np {
        c.via.push(SpkRef { span: r });
    }
    c.attr.push(c.cue);
    c.forward_from = ctx.tok(j).map(|t| t.span.start());
    Some(c)
}

/// "Zelensky: “We will not give up”" — a colon introducing a quotation after a name.
fn colon_claim(ctx: &Ctx, si: usize, sa: usize, sb: usize) -> Option<Cand> {
    let k = (sa..sb).find(|&k| ctx.lower(k) == ":")?;
    if k == sa || !ctx.is_open_quote(k + 1) || ctx.quote_at(ctx.tok(k)?.span.start()).is_some() {
        return None;
    }
    let (a, b) = back_np(ctx, k - 1, sa)?;
    let boundary = a == sa || ctx.is_sep(a - 1);
    let named = (a..b).any(|x| ctx.tok(x).is_some_and(|t| t.cap))
        || crate::lexicon::ROLES.contains_key(ctx.lower(b - 1));
    if !boundary || !named || b - a > 6 || CUES.contains_key(ctx.lower(k - 1)) {
        return None;
    }
    let t = ctx.tok(k)?;
    let q = ctx
        .quotes
        .iter()
        .find(|q| q.outer.start() == ctx.tok(k + 1).map(|t| t.span.start()).unwrap_or(0))?;
    Some(Cand {
        seg: si,
        cue: t.span,
        cue_text_span: t.span,
        entry: CueEntry {
            lemma: "colon".into(),
            class: CueClass::Say,
            distance: false,
        },
        speaker: Some(SpkRef {
            span: np_span(ctx, a, b),
        }),
        content: vec![trim_span(ctx.text, q.inner, &[])],
        attr: vec![t.span],
        outer_attr: Vec::new(),
        sep: None,
        content_first: false,
        forward_from: None,
        via: Vec::new(),
        dropped: false,
        inherit: false,
        relay_inside: false,
        cue_tok: k,
    })
}

/// Bound forward content, attach relays, and nest claims inside the content of outer ones.
fn finish_segment(ctx: &Ctx, si: usize, sa: usize, sb: usize, cands: &mut [Cand]) {
    let Some(seg) = ctx.doc.layers.segments.get(si) else {
        return;
    };
    let seg_end = trim_span(ctx.text, seg.span, &['.', '!', '?']).end();
    let _ = (sa, sb);
    // Where relays start: forward content stops before ", citing Y".
    let relay_bounds: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.entry.class == CueClass::Relay)
        .filter_map(|c| Some((c.cue.start(), comma_before(ctx, c.cue.start())?)))
        .collect();
    // Relays: "X reported, quoting Y" → Y via X.
    for r in 0..cands.len() {
        if cands[r].entry.class != CueClass::Relay {
            continue;
        }
        let host = (0..r)
            .rev()
            .find(|&h| {
                !cands[h].dropped
                    && !matches!(
                        cands[h].entry.class,
                        CueClass::Relay | CueClass::According | CueClass::Part
                    )
            })
            .or_else(|| {
                (r + 1..cands.len()).find(|&h| {
                    !cands[h].dropped
                        && !matches!(cands[h].entry.class, CueClass::Relay | CueClass::According)
                })
            });
        match host {
            Some(h) => {
                let rel = cands[r].clone();
                let hc = &mut cands[h];
                if let Some(sp) = hc.speaker.take() {
                    hc.via.insert(0, sp);
                }
                hc.speaker = rel.speaker;
                // Adjacent verbs make one cue: "reported, quoting"; otherwise the host's verb
                // stays the cue.
                let gap =
                    ctx.tok_range(Span::new(
                        hc.cue.end().min(rel.cue.start()),
                        rel.cue.start().max(hc.cue.end()),
                    ))
                    .1 - ctx
                        .tok_range(Span::new(
                            hc.cue.end().min(rel.cue.start()),
                            rel.cue.start().max(hc.cue.end()),
                        ))
                        .0;
                if gap <= 4 {
                    hc.cue = hc.cue.cover(rel.cue);
                    hc.cue_text_span = hc.cue;
                }
                hc.cue_tok = rel.cue_tok;
                hc.entry = rel.entry;
                hc.attr.extend(rel.attr);
                cands[r].dropped = true;
            }
            None => {
                // "…, citing officials." with no reporting verb: the relay is the attribution.
                let c = &mut cands[r];
                let cut = ctx
                    .text
                    .get(..c.cue.start())
                    .and_then(|s| s.trim_end().strip_suffix(','))
                    .map(|s| s.len())
                    .unwrap_or(c.cue.start());
                let start = content_start(ctx, seg.span.start(), sa);
                let s = trim_span(ctx.text, Span::new(start, cut.max(start)), &[',']);
                if s.is_empty() {
                    c.dropped = true;
                } else {
                    c.content.push(s);
                    c.content_first = true;
                    c.sep = Some(cut);
                }
            }
        }
    }
    // "X said that, according to Y, …" → Y via X.
    for h in 0..cands.len() {
        if !cands[h].relay_inside || cands[h].dropped {
            continue;
        }
        let from = cands[h].forward_from.unwrap_or(0);
        let hc = cands[h].cue;
        if let Some(a) = (0..cands.len()).find(|&a| {
            !cands[a].dropped
                && cands[a].entry.class == CueClass::According
                && cands[a].cue.start() > hc.start()
                && cands[a].cue.start() <= from
        }) {
            let inner = cands[a].speaker;
            cands[h].forward_from = cands[a].forward_from.or(cands[h].forward_from);
            let inner_via = cands[a].via.clone();
            let attr = cands[a].attr.clone();
            let outer = cands[h].speaker.take();
            if let Some(o) = outer {
                cands[h].via.insert(0, o);
            }
            for (k, v) in inner_via.into_iter().enumerate() {
                cands[h].via.insert(k, v);
            }
            cands[h].speaker = inner;
            cands[h].attr.extend(attr);
            cands[a].dropped = true;
        }
    }
    // Participles take the speaker of the attribution they continue.
    for p in 0..cands.len() {
        if !(cands[p].entry.class == CueClass::Part || cands[p].inherit) || cands[p].dropped {
            continue;
        }
        let host = (0..p).rev().find(|&h| {
            !cands[h].dropped
                && cands[h].speaker.is_some()
                && cands[h].entry.class != CueClass::Part
                && !cands[h].inherit
        });
        match host {
            Some(h) => {
                cands[p].speaker = cands[h].speaker;
                cands[p].via = cands[h].via.clone();
                let ha = cands[h].attr.clone();
                cands[p].outer_attr.extend(ha);
            }
            None => match subject_np(ctx, sa, cands[p].cue_tok) {
                Some(sp) => cands[p].speaker = Some(sp),
                None => cands[p].dropped = true,
            },
        }
    }
    // Bound forward content at the next attribution in the sentence.
    let bounds: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| !c.dropped)
        .filter_map(|c| {
            let b = if c.inherit {
                // "… and said …": the first verb's content ends before "and".
                let (ta, _) = ctx.tok_range(c.cue);
                (sa..ta)
                    .rev()
                    .find(|&k| any(ctx.lower(k), &["and", "but"]))
                    .and_then(|k| ctx.tok(k))
                    .map(|t| t.span.start())
            } else if c.content_first || matches!(c.entry.class, CueClass::Part | CueClass::Relay) {
                c.sep.or_else(|| comma_before(ctx, c.cue.start()))
            } else {
                // "…, while police put the crowd at 6,000": a second speaker opening its own
                // clause ends the content of the first.
                let (ta, _) = ctx.tok_range(c.speaker?.span);
                let conj = ta
                    .checked_sub(1)
                    .filter(|&k| {
                        any(
                            ctx.lower(k),
                            &["while", "whereas", "but", "although", "though", "and"],
                        )
                    })
                    .and_then(|k| k.checked_sub(1))
                    .filter(|&k| k >= sa && ctx.lower(k) == ",");
                conj.and_then(|k| ctx.tok(k)).map(|t| t.span.start())
            }?;
            Some((c.cue.start(), b))
        })
        .collect();
    for c in cands.iter_mut() {
        let Some(from) = c.forward_from else { continue };
        if c.dropped {
            continue;
        }
        let mut end = seg_end;
        for &(cue_start, b) in &relay_bounds {
            if cue_start > from && b > from && b < end {
                end = b;
            }
        }
        if let Some(semi) = ctx.text.get(from..seg_end).and_then(|t| {
            t.match_indices(';')
                .map(|(k, _)| from + k)
                .find(|&k| ctx.quote_at(k).is_none())
        }) {
            end = semi;
        }
        for &(cue_start, b) in &bounds {
            if cue_start > from && b > from && b < end {
                end = b;
            }
        }
        // A quotation left open at the sentence end runs on to its close.
        if end == seg_end {
            if let Some(q) = ctx.quotes.iter().find(|q| {
                q.outer.start() >= from && q.outer.start() < end && q.outer.end() > seg.span.end()
            }) {
                end = q.outer.end();
            }
        }
        let mut s = trim_span(ctx.text, Span::new(from, end), &[',', ';', '.', ':']);
        // Content that is exactly a quotation is the quoted words.
        if let Some(q) = ctx
            .quotes
            .iter()
            .find(|q| q.outer.start() == s.start() && q.outer.end() >= s.end().saturating_sub(1))
        {
            s = trim_span(ctx.text, q.inner, &[]);
        }
        if !s.is_empty() {
            c.content.insert(0, s);
            c.content.sort();
        }
        if c.content.is_empty() {
            c.dropped = true;
        }
    }
    // Nesting: a claim inside the content of another is relayed by it.
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&k| !cands[k].dropped && cands[k].content_first)
        .collect();
    order.sort_by_key(|&k| cands[k].content.iter().map(|s| s.len()).sum::<usize>());
    for o in order {
        if cands[o].dropped {
            continue;
        }
        let outer_content = cands[o].content.clone();
        let outer_spk = cands[o].speaker;
        let outer_via = cands[o].via.clone();
        let outer_attr = cands[o].attr.clone();
        let mut absorbed = false;
        for (k, inner) in cands.iter_mut().enumerate() {
            if k == o || inner.dropped {
                continue;
            }
            let sp = inner.span();
            if outer_content.iter().any(|oc| oc.contains(sp)) {
                if let Some(s) = outer_spk {
                    inner.via.push(s);
                }
                inner.via.extend(outer_via.iter().copied());
                inner.outer_attr.extend(outer_attr.iter().copied());
                absorbed = true;
            }
        }
        if absorbed {
            cands[o].dropped = true;
        }
    }
}

fn comma_before(ctx: &Ctx, off: usize) -> Option<usize> {
    let before = ctx.text.get(..off)?;
    let t = before.trim_end();
    t.strip_suffix(',').map(|s| s.len())
}

/// The subject of a sentence: its first noun phrase (after a leading "In …," phrase).
fn subject_np(ctx: &Ctx, sa: usize, limit: usize) -> Option<SpkRef> {
    let mut a = sa;
    if any(ctx.lower(sa), PREPS) {
        let c = (sa..limit).find(|&k| ctx.lower(k) == ",")?;
        a = c + 1;
    }
    let mut b = a;
    while b < limit && b < a + 8 {
        let Some(t) = ctx.tok(b) else { break };
        let w = t.lower.as_str();
        if t.is_punct()
            || (b > a
                && (any(w, BACK_STOP)
                    || (!t.cap
                        && !any(w, DETS)
                        && !crate::lexicon::ROLES.contains_key(w)
                        && w != "'s"
                        && !any(w, &["of", "state", "news", "local", "foreign", "former"]))))
        {
            break;
        }
        b += 1;
    }
    if b == a {
        return None;
    }
    let named = (a..b).any(|x| {
        ctx.tok(x).is_some_and(|t| t.cap) || crate::lexicon::ROLES.contains_key(ctx.lower(x))
    }) || any(ctx.lower(a), &["he", "she", "they", "it"]);
    named.then(|| SpkRef {
        span: np_span(ctx, a, b),
    })
}
