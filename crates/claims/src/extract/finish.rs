//! Per-segment finishing: bounding forward content, relays, inherited speakers, nesting.

use super::*;

/// Bound forward content, attach relays, and nest claims inside the content of outer ones.
/// Where forward content stops: (cue start of the later attribution, bound offset).
type Bound = (usize, usize);

pub(super) fn finish_segment(ctx: &Ctx, si: usize, sa: usize, sb: usize, cands: &mut [Cand]) {
    let Some(seg) = ctx.doc.layers.segments.get(si) else {
        return;
    };
    let seg_end = trim_span(ctx.text, seg.span, &['.', '!', '?']).end();
    let _ = sb;
    // Where relays start: forward content stops before ", citing Y".
    let relay_bounds: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.entry.class == CueClass::Relay)
        .filter_map(|c| Some((c.cue.start(), comma_before(ctx, c.cue.start())?)))
        .collect();
    attach_relays(ctx, seg.span, sa, cands);
    relay_inside(cands);
    inherit_speakers(ctx, sa, cands);
    let bounds = content_bounds(ctx, sa, cands);
    for c in cands.iter_mut() {
        bound_content(ctx, seg.span, seg_end, (&relay_bounds, &bounds), c);
    }
    nest(cands);
}

/// Relays: "X reported, quoting Y" → Y via X.
fn attach_relays(ctx: &Ctx, seg: Span, sa: usize, cands: &mut [Cand]) {
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
                let start = content_start(ctx, seg.start(), sa);
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
}

/// "X said that, according to Y, …" → Y via X.
fn relay_inside(cands: &mut [Cand]) {
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
}

/// Participles and coordinated verbs take the speaker of the attribution they continue.
fn inherit_speakers(ctx: &Ctx, sa: usize, cands: &mut [Cand]) {
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
}

/// Where the forward content of an earlier claim stops at each later claim: (cue start,
/// bound offset).
fn content_bounds(ctx: &Ctx, sa: usize, cands: &[Cand]) -> Vec<(usize, usize)> {
    cands
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
        .collect()
}

/// Bound forward content at the next attribution in the sentence, a semicolon, or a relay.
fn bound_content(
    ctx: &Ctx,
    seg: Span,
    seg_end: usize,
    (relay_bounds, bounds): (&[Bound], &[Bound]),
    c: &mut Cand,
) {
    let Some(from) = c.forward_from else { return };
    if c.dropped {
        return;
    }
    let mut end = seg_end;
    for &(cue_start, b) in relay_bounds {
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
    for &(cue_start, b) in bounds {
        if cue_start > from && b > from && b < end {
            end = b;
        }
    }
    // A quotation left open at the sentence end runs on to its close.
    if end == seg_end {
        if let Some(q) = ctx
            .quotes
            .iter()
            .find(|q| q.outer.start() >= from && q.outer.start() < end && q.outer.end() > seg.end())
        {
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

/// Nesting: a claim inside the content of another is relayed by it.
fn nest(cands: &mut [Cand]) {
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
            // A claim that names no source is not relayed by the one around it.
            if k == o || inner.dropped || inner.no_source {
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
