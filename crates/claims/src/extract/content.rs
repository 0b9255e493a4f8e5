//! Where reported content begins and ends around a cue.

use super::*;

/// "…, the agency said on Saturday, with more than 1,400 injured": a clause after a closing
/// attribution that goes on with the content. `k` is the token after the attribution.
pub(super) fn trailing_content(ctx: &Ctx, k: usize, sb: usize, seg_end: usize) -> Option<Span> {
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

pub(super) fn tok_end(ctx: &Ctx, j: usize, min_j: usize) -> usize {
    // End offset of token j-1 (the last token of a region [.., j)).
    let k = j.max(min_j);
    ctx.tok(k.saturating_sub(1))
        .map(|t| t.span.end())
        .unwrap_or(0)
}

pub(super) fn np_span(ctx: &Ctx, a: usize, b: usize) -> Span {
    let s = ctx.tok(a).map(|t| t.span.start()).unwrap_or(0);
    let e = ctx
        .tok(b.saturating_sub(1))
        .map(|t| t.span.end())
        .unwrap_or(s);
    Span::new(s, e)
}

/// Where content starting at the segment start begins: a quote opened in an earlier
/// sentence extends it back to the opening mark.
pub(super) fn content_start(ctx: &Ctx, seg_start: usize, sa: usize) -> usize {
    let first = ctx.tok(sa).map(|t| t.span.start()).unwrap_or(seg_start);
    match ctx.quote_at(first) {
        Some(q) if q.outer.start() < seg_start => q.outer.start(),
        _ => first,
    }
}

/// Content before a separator at token p: a quote ending there, or the sentence up to it.
pub(super) fn content_before(ctx: &Ctx, seg_start: usize, sa: usize, p: usize) -> Vec<Span> {
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
pub(super) fn split_quote_after(ctx: &Ctx, c: &mut Cand, k: usize, sb: usize) {
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
