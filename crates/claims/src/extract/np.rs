//! Speaker noun phrases: scanning left of a cue, right of it, appositives, named people.

use super::*;

/// Words after which a nominative pronoun opens a clause of its own.
const SUBORDINATORS: &[&str] = &[
    "when", "as", "if", "because", "after", "before", "since", "until", "what", "where", "why",
    "how", "which", "who", "whom", "once", "whether", "than", "so", "whatever", "whenever",
    "unless", "though", "although", "while", "whereas", "time",
];

/// The subject noun phrase ending at token j (inclusive), scanning left.
pub(super) fn back_np(ctx: &Ctx, j: usize, sa: usize) -> Option<(usize, usize)> {
    let t = ctx.tok(j)?;
    if t.is_punct() {
        return None;
    }
    // A nominative pronoun after a subordinator or a wh-word is a subject ("when he said",
    // "what she said was", "which they say is").
    if any(&t.lower, &["he", "she", "they", "we", "i"])
        && j > sa
        && any(ctx.lower(j - 1), SUBORDINATORS)
    {
        return Some((j, j + 1));
    }
    if any(
        &t.lower,
        &[
            "he", "she", "they", "it", "we", "i", "some", "many", "others", "most", "several",
            "both",
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
        if !np_token_ok(ctx, k as usize, j) {
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

/// The speaker of "NP1, APPOSITIVE, cue", and where NP1 starts.
pub(super) fn appositive_np(ctx: &Ctx, p: usize, sa: usize) -> Option<((usize, usize), usize)> {
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
    // "Rep. Ana Ortiz (D-Ohio), chair of …": the parenthesis goes with the name before it.
    let before = if ctx.lower(q.checked_sub(1)?) == ")" {
        let open = (sa..q - 1).rev().take(8).find(|&k| ctx.lower(k) == "(")?;
        open.checked_sub(1)?
    } else {
        q.checked_sub(1)?
    };
    let np1 = back_np(ctx, before, sa)?;
    // NP1 must start the sentence or follow a separator, and look like a name or a definite NP.
    let (a, b) = np1;
    let boundary = a == sa
        || ctx.is_sep(a - 1)
        || ctx.is_open_quote(a - 1)
        || ctx.lower(a - 1) == ":"
        || (any(ctx.lower(a - 1), &["and", "but"])
            && (a..b).any(|x| ctx.tok(x).is_some_and(|t| t.cap)));
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
pub(super) fn spokes_np(ctx: &Ctx, a: usize, b: usize) -> bool {
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
    let (x, y) = if r + 1 == b {
        record_body_before(ctx, a, r)?
    } else {
        record_body_after(ctx, r, b)?
    };
    let start = ctx.tok(x)?.span.start();
    let end = ctx.tok(y - 1)?.span.end();
    (start < end).then(|| Span::new(start, end))
}

/// A word that can name an issuing body: capitalised, or a government, organisation or
/// media role noun.
fn bodyish(ctx: &Ctx, k: usize) -> bool {
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
}

/// "a (new) ministry statement", "the army's report": the body before the record noun at `r`.
fn record_body_before(ctx: &Ctx, a: usize, r: usize) -> Option<(usize, usize)> {
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
    if e <= s || !bodyish(ctx, e - 1) || (s..e).any(|k| !ctx.is_word(k)) {
        return None;
    }
    Some((s, e))
}

/// "a statement from the army", "a report issued by the office": the body after the record
/// noun at `r`. What people told speaks for those people: "accounts from survivors".
fn record_body_after(ctx: &Ctx, r: usize, b: usize) -> Option<(usize, usize)> {
    let told = word_is(ctx.lower(r), WordKind::Account);
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
    if s >= b || !(s..b).any(|k| bodyish(ctx, k) || people(k)) {
        return None;
    }
    Some((s, b))
}

/// Tokens a..b read as a person's name ("Ilse Varga", "Inspector Lia Moor"): two to five
/// capitalised words, no determiner, and not an organisation or place when the entities
/// layer knows the span.
pub(super) fn person_name(ctx: &Ctx, a: usize, b: usize) -> bool {
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

pub(super) fn comma_before(ctx: &Ctx, off: usize) -> Option<usize> {
    let before = ctx.text.get(..off)?;
    let t = before.trim_end();
    t.strip_suffix(',').map(|s| s.len())
}

/// The subject of a sentence: its first noun phrase (after a leading "In …," phrase).
pub(super) fn subject_np(ctx: &Ctx, sa: usize, limit: usize) -> Option<SpkRef> {
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

/// Token `ku` can belong to a subject noun phrase ending at token `j`.
fn np_token_ok(ctx: &Ctx, ku: usize, j: usize) -> bool {
    let Some(tk) = ctx.tok(ku) else {
        return false;
    };
    let w = tk.lower.as_str();
    if tk.is_punct() {
        matches!(ctx.slice(tk.span), "-" | "&" | "/")
            || (matches!(ctx.slice(tk.span), "'" | "’")
                && ctx
                    .tok(ku.wrapping_sub(1))
                    .is_some_and(|p| p.lower.ends_with('s'))
                && ku < j)
    } else if w == "'s" {
        true
    } else if w == "and" || w == "or" {
        ctx.tok(ku.wrapping_sub(1)).is_some_and(|p| p.cap) && ctx.tok(ku + 1).is_some_and(|p| p.cap)
    } else if any(w, BACK_STOP) || (CUES.contains_key(w) && ku != j) {
        false
    } else if !tk.cap && (w.ends_with("ed") || w.ends_with("ing")) && ku < j {
        // A verb form followed by a function word is a verb, not a modifier.
        let next = ctx.lower(ku + 1);
        !(any(next, PREPS) || any(next, DETS) || ctx.tok(ku + 1).is_some_and(|x| x.is_punct()))
    } else {
        true
    }
}
