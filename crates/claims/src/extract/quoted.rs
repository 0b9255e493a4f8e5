//! "X was quoted as saying", and a colon introducing a quotation after a name.

use super::*;

/// "X quoted Y as saying" / "X was quoted as saying" / "X was quoted by Y as saying".
pub(super) fn quoted(
    ctx: &Ctx,
    _si: usize,
    sa: usize,
    sb: usize,
    i: usize,
    mut c: Cand,
) -> Option<Cand> {
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
pub(super) fn colon_claim(ctx: &Ctx, si: usize, sa: usize, sb: usize) -> Option<Cand> {
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
