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
        no_source: false,
    })
}

/// "SMITH: We will …" (a transcript), "Port Authority: Ferries will run" (a label naming who
/// speaks): a short capitalised name opening the sentence, a colon, and a statement. The name
/// must be in capitals or known to the entity layer as a person or organisation, so that
/// "Ostrin: …" (a place) or "Update: …" is not a speaker.
pub(super) fn label_colon(ctx: &Ctx, si: usize, sa: usize, sb: usize) -> Option<Cand> {
    let k = (sa..(sa + 6).min(sb)).find(|&k| ctx.lower(k) == ":")?;
    let t = ctx.tok(k)?;
    if k == sa || ctx.is_open_quote(k + 1) || ctx.quote_at(t.span.start()).is_some() {
        return None;
    }
    let words_after = (k + 1..sb).filter(|&x| ctx.is_word(x)).take(3).count();
    let name_ok = (sa..k).all(|x| {
        ctx.tok(x)
            .is_some_and(|w| (w.is_word() && w.cap) || w.lower == "'s" || w.lower == ".")
    });
    if words_after < 3 || !name_ok || (sa..k).any(|x| ctx.timeish(x)) {
        return None;
    }
    if (sa..k).any(|x| word_is(ctx.lower(x), WordKind::Label)) {
        return None;
    }
    let name = ctx.tok(sa)?.span.cover(ctx.tok(k - 1)?.span);
    let shouted = ctx
        .slice(name)
        .chars()
        .filter(|c| c.is_alphabetic())
        .count()
        > 1
        && !ctx.slice(name).chars().any(|c| c.is_lowercase());
    let known = ctx
        .doc
        .layers
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.span.overlaps(name)))
        .map(|e| e.kind)
        .collect::<Vec<_>>();
    let speaks = !known.is_empty()
        && known.iter().all(|k| {
            matches!(
                k,
                newsledger_model::EntityType::Person | newsledger_model::EntityType::Org
            )
        });
    if !(shouted || speaks) {
        return None;
    }
    let start = ctx.tok(k + 1)?.span.start();
    let seg = ctx.doc.layers.segments.get(si)?;
    let content = trim_span(
        ctx.text,
        Span::new(start, seg.span.end().max(start)),
        &['.'],
    );
    let mut c = Cand::new(si, t.span, &colon_entry(), k);
    c.speaker = Some(SpkRef { span: name });
    c.content = vec![content];
    c.attr = vec![t.span];
    Some(c)
}

fn colon_entry() -> CueEntry {
    CueEntry {
        lemma: "colon".into(),
        class: CueClass::Say,
        distance: false,
    }
}
