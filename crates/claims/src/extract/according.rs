//! "According to X", and relays: "citing X", "quoting X".

use super::*;

/// "According to X, …" / "…, according to X": the speaker after the phrase, the content before
/// or after it.
pub(super) fn according_claim(
    ctx: &Ctx,
    si: usize,
    sa: usize,
    sb: usize,
    i: usize,
    base: impl Fn(Span) -> Cand,
) -> Option<Cand> {
    let t = ctx.tok(i)?;
    let seg = ctx.doc.layers.segments.get(si)?;
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

/// "…, citing X" / "quoting X": the origin a host claim relays.
pub(super) fn relay_claim(ctx: &Ctx, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    let t = ctx.tok(i)?;
    let (na, nb) = fwd_np(ctx, i + 1, sb)?;
    c.speaker = Some(SpkRef {
        span: np_span(ctx, na, nb),
    });
    c.attr.push(Span::new(
        t.span.start(),
        tok_end(ctx, skip_mods(ctx, nb, sb), nb),
    ));
    Some(c)
}
