//! Reporting verbs: speech, writing, belief and finding cues with their speaker and content.

use super::*;

/// Words that are reporting verbs in one use and nouns of reporting in another ("the
/// report said" vs "police report …"), shared by the noun-use checks below.
pub(super) const REPORT_NOUNS: &[&str] = &[
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

/// A reporting verb (speech, writing, belief, finding): its speaker before or after it, its
/// content before (content-first) or after it.
pub(super) fn verb_claim(
    ctx: &Ctx,
    si: usize,
    sa: usize,
    sb: usize,
    i: usize,
    mut c: Cand,
) -> Option<Cand> {
    let class = c.entry.class;
    let seg = ctx.doc.layers.segments.get(si)?;
    let nounish = class == CueClass::Stance || nounish(ctx, i);
    if noun_use(ctx, i, sa, nounish) || state_noun(ctx, i, sa) || naming_participle(ctx, i, sa) {
        return None;
    }
    // "As the Post reported, …", "As reported by the Post, …".
    if ctx.lower(sa) == "as" && i > sa && i <= sa + 8 {
        return as_clause(ctx, sa, sb, i, c);
    }
    // Passive with an agent: "the 118 acknowledged by the ministry", "was announced by X".
    if ctx.lower(i + 1) == "by" && i > sa && class != CueClass::Belief {
        return passive_agent(ctx, sa, sb, i, c);
    }
    let prev = before_cue(ctx, sa, i)?;
    // "“…?” asked X." where the question mark ended the sentence before.
    if prev.is_none() && speechy_class(class) {
        if let Some(q) = quote_before_sentence(ctx, sa) {
            return inverted_after_quote(ctx, sb, i, q, c);
        }
    }
    if class == CueClass::QuoteOnly {
        return quote_only(ctx, seg.span.start(), sa, sb, i, c);
    }
    let speechy = matches!(class, CueClass::Say | CueClass::Tell);
    let particle = particle_at(ctx, &c.entry.lemma, i + 1);
    if !particle && needs_particle(&c.entry.lemma) {
        return None;
    }
    let after = skip_mods(ctx, i + 1 + usize::from(particle), sb);
    let after_aud = if class == CueClass::Tell {
        skip_audience(ctx, after, sb)
    } else {
        after
    };
    c.attr
        .push(Span::new(c.cue.start(), tok_end(ctx, after_aud, i + 1)));
    // Inverted: "…,” said X." / "…, said the ministry." (speech verbs only)
    if let Some(p) = prev {
        if speechy {
            if let Some((na, nb, k)) = inverted_speaker(ctx, sa, sb, i, p, after) {
                return inverted_claim(ctx, seg.span, sa, sb, p, (na, nb, k), c);
            }
        }
        if ctx.is_close_quote(p) && !speechy {
            return None;
        }
    }
    // Speaker before the cue.
    let p = prev?;
    let at = At {
        seg: seg.span,
        sa,
        sb,
        i,
        after,
        after_aud,
    };
    speaker_before(ctx, &at, p, nounish, c)
}

/// Where a verb cue stands: its sentence, the cue token, and the first token after the cue's
/// modifiers (`after`) and after its audience (`after_aud`).
#[derive(Clone, Copy)]
struct At {
    seg: Span,
    sa: usize,
    sb: usize,
    i: usize,
    after: usize,
    after_aud: usize,
}

/// The speaker before the cue: a relative clause, a coordinated verb, an appositive or a
/// plain subject; then the content before (content-first) or after the cue.
fn speaker_before(ctx: &Ctx, at: &At, p: usize, nounish: bool, mut c: Cand) -> Option<Cand> {
    let At {
        seg,
        sa,
        sb,
        i,
        after,
        after_aud,
    } = *at;
    // A relative clause: "The union, which says it speaks for …, said …".
    if any(ctx.lower(p), &["who", "which"]) && p > sa {
        return relative_clause(ctx, sa, sb, p, after_aud, c);
    }
    if directive(ctx, &c.entry.lemma, after, sb) {
        return None;
    }
    // Coordinated verbs: "X accused … and said …" take the subject of the first.
    if any(ctx.lower(p), &["and", "but"]) && p > sa {
        return coordinated(ctx, sb, after_aud, c);
    }
    let ((a, b), outer_a) = if ctx.lower(p) == "," {
        appositive_np(ctx, p, sa).or_else(|| comma_inserts(ctx, p, sa))?
    } else if closes_insert(ctx, p) {
        inserted_np(ctx, p, sa)?
    } else {
        let np = back_np(ctx, p, sa)?;
        (np, np.0)
    };
    if bad_subject(ctx, &c, (a, b), after, nounish) {
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
    if let Some(ts) = timestamp_before(ctx, sa, a) {
        c.attr.push(ts);
    }
    // "“….” X said." where the quotation ended the sentence before.
    if outer_a == sa && (ends_here(ctx, i, sb, after_aud) || ends_here(ctx, i, sb, after)) {
        if let Some(q) = quote_before_sentence(ctx, sa) {
            c.content_first = true;
            c.sep = Some(q.end());
            c.content = vec![q];
            return Some(c);
        }
    }
    // Content-first: "…, X said." — the speaker follows a separator and the attribution ends
    // (after a quotation, a speech verb's attribution may go on: "“…,” she told a crowd in
    // Leeds on Friday").
    let ends = ends_here(ctx, i, sb, after_aud) || ends_here(ctx, i, sb, after);
    let after_quote = outer_a > sa
        && ctx.is_close_quote(outer_a - 1)
        && speechy_class(c.entry.class)
        && !any(ctx.lower(after_aud), &["that", ":"])
        && !ctx.is_open_quote(after_aud);
    if outer_a > sa && ctx.is_sep(outer_a - 1) && (ends || after_quote) {
        return content_first(ctx, seg, sa, sb, outer_a - 1, after_aud, c);
    }
    speaker_first(ctx, sa, sb, a, (after, after_aud), c)
}

fn speechy_class(class: CueClass) -> bool {
    matches!(class, CueClass::Say | CueClass::Tell)
}

/// A quotation that ends right before the sentence starting at token `sa` (the sentence
/// ended inside it: "“Can we win?” she asked."): its inner span.
fn quote_before_sentence(ctx: &Ctx, sa: usize) -> Option<Span> {
    let p = sa.checked_sub(1)?;
    if !ctx.is_close_quote(p) {
        return None;
    }
    let end = ctx.tok(p)?.span.end();
    let q = ctx.quotes.iter().find(|q| q.outer.end() == end)?;
    let s = trim_span(ctx.text, q.inner, &[]);
    (!s.is_empty()).then_some(s)
}

/// "“…?” asked X." with the quotation in the sentence before: the speaker after the cue.
fn inverted_after_quote(ctx: &Ctx, sb: usize, i: usize, q: Span, mut c: Cand) -> Option<Cand> {
    let after = skip_mods(ctx, i + 1, sb);
    let (na, nb) = fwd_np(ctx, after, sb)?;
    let k = skip_mods(ctx, nb, sb);
    if !(ends_here(ctx, i, sb, k) && na == after) {
        return None;
    }
    c.speaker = Some(SpkRef {
        span: np_span(ctx, na, nb),
    });
    c.attr.push(Span::new(c.cue.start(), tok_end(ctx, k, nb)));
    c.content_first = true;
    c.sep = Some(q.end());
    c.content = vec![q];
    Some(c)
}

/// The token before the cue's adverbs and auxiliaries (`Some(None)` when there is none);
/// `None` when the cue is negated or passive.
fn before_cue(ctx: &Ctx, sa: usize, i: usize) -> Option<Option<usize>> {
    let prev = if i > sa { skip_back(ctx, i, sa) } else { None };
    if i > sa && prev.is_none() {
        // negated, passive, or nothing before the cue but adverbs
        let j = i.checked_sub(1)?;
        if any(ctx.lower(j), NEG) || any(ctx.lower(j), BE) {
            return None;
        }
    }
    Some(prev)
}

/// "As the Post reported, …" / "As reported by the Post, …": the speaker inside the
/// as-clause, the content after its comma.
fn as_clause(ctx: &Ctx, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    let (na, nb, after) = if i == sa + 1 && ctx.lower(i + 1) == "by" {
        let (na, nb) = fwd_np(ctx, i + 2, sb)?;
        (na, nb, skip_mods(ctx, nb, sb))
    } else {
        let (na, nb) = back_np(ctx, skip_back(ctx, i, sa)?, sa)?;
        (na.max(sa + 1), nb, skip_mods(ctx, i + 1, sb))
    };
    if na >= nb || ctx.lower(after) != "," || after + 2 >= sb {
        return None;
    }
    c.speaker = Some(SpkRef {
        span: np_span(ctx, na, nb),
    });
    c.attr.push(Span::new(
        ctx.tok(sa)?.span.start(),
        tok_end(ctx, after, i + 1),
    ));
    c.forward_from = ctx.tok(after + 1).map(|t| t.span.start());
    Some(c)
}

/// A cue word that is also a noun of reporting ("the report", "claims", "fears").
fn nounish(ctx: &Ctx, i: usize) -> bool {
    any(ctx.lower(i), REPORT_NOUNS)
        || any(
            ctx.lower(i),
            &[
                "finds", "shows", "show", "notes", "states", "warns", "tells", "says", "suspects",
                "suspect", "posts", "writes",
            ],
        )
}

/// Noun uses: "any claims", "the report noted", "fears of".
fn noun_use(ctx: &Ctx, i: usize, sa: usize, nounish: bool) -> bool {
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
            return true;
        }
    }
    let noun_pp = (any(ctx.lower(i), REPORT_NOUNS) || ctx.lower(i) == "notes")
        && any(ctx.lower(i + 1), &["of", "about", "from", "by", "on"]);
    noun_pp
        || nounish
            && ctx
                .tok(i + 1)
                .is_some_and(|t| CUES.contains_key(&t.lower) || any(&t.lower, FINITE))
}

/// "the 118 acknowledged by the ministry", "was announced by X": the agent speaks, the
/// subject is the content.
fn passive_agent(ctx: &Ctx, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
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
    Some(c)
}

/// "“…,” she continued." — a cue that reports only as the tag of a quotation.
fn quote_only(
    ctx: &Ctx,
    seg_start: usize,
    sa: usize,
    sb: usize,
    i: usize,
    mut c: Cand,
) -> Option<Cand> {
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
    c.content = content_before(ctx, seg_start, sa, sep);
    (!c.content.is_empty()).then_some(c)
}

/// The attribution starting at token `k` reaches the end of the sentence, or a
/// comma/semicolon after which the sentence goes on with something other than the content.
fn ends_here(ctx: &Ctx, i: usize, sb: usize, k: usize) -> bool {
    let mut m = k;
    while m < sb
        && ctx.tok(m).is_some_and(|t| {
            t.is_punct()
                && matches!(
                    ctx.slice(t.span),
                    "." | "!" | "?" | "”" | "\"" | "’" | ")" | "''"
                )
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
}

/// The speaker of an inverted "…,” said X." / "…, said the ministry.": the noun phrase right
/// after the cue, with the attribution ending after it. Returns the phrase and the token
/// after the attribution.
fn inverted_speaker(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    i: usize,
    p: usize,
    after: usize,
) -> Option<(usize, usize, usize)> {
    if !(ctx.is_close_quote(p) || (ctx.lower(p) == "," && appositive_np(ctx, p, sa).is_none())) {
        return None;
    }
    let (na, nb) = fwd_np(ctx, after, sb)?;
    if na != after {
        return None;
    }
    let k = skip_mods(ctx, nb, sb);
    if ends_here(ctx, i, sb, k) {
        return Some((na, nb, k));
    }
    relative_tail(ctx, nb, sb).map(|e| (na, e, e))
}

/// Fill an inverted claim: the speaker after the cue, the content before the separator at `p`.
fn inverted_claim(
    ctx: &Ctx,
    seg: Span,
    sa: usize,
    sb: usize,
    p: usize,
    (na, nb, k): (usize, usize, usize),
    mut c: Cand,
) -> Option<Cand> {
    c.speaker = Some(SpkRef {
        span: np_span(ctx, na, nb),
    });
    c.attr
        .push(Span::new(ctx.tok(na)?.span.start(), tok_end(ctx, k, nb)));
    c.content_first = true;
    let sep_off = ctx.tok(p)?.span.start();
    c.sep = Some(sep_off);
    c.content = content_before(ctx, seg.start(), sa, p);
    split_quote_after(ctx, &mut c, k, sb);
    if let Some(t) = trailing_content(ctx, k, sb, seg.end()) {
        c.content.push(t);
    }
    (!c.content.is_empty()).then_some(c)
}

/// A relative clause: "The union, which says it speaks for …, said …": the clause up to the
/// next comma is the content of the antecedent.
fn relative_clause(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    p: usize,
    after_aud: usize,
    mut c: Cand,
) -> Option<Cand> {
    let class = c.entry.class;
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
    if j + 1 >= sb || any(ctx.lower(j), &["not", "for", "to"]) {
        return None;
    }
    c.speaker = Some(SpkRef {
        span: np_span(ctx, a, b),
    });
    // The clause ends at the next comma, or runs on as forward content ("…, who say the
    // plan is dead.").
    match (j..sb).find(|&k| ctx.lower(k) == ",") {
        Some(end) if end > j + 1 => c.content = vec![np_span(ctx, j, end)],
        Some(_) => return None,
        None => c.forward_from = ctx.tok(j).map(|t| t.span.start()),
    }
    Some(c)
}

/// Coordinated verbs: "X accused … and said …": the claim inherits the first verb's subject.
fn coordinated(ctx: &Ctx, sb: usize, after_aud: usize, mut c: Cand) -> Option<Cand> {
    let class = c.entry.class;
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
    Some(c)
}

/// Subjects that do not report: "nobody said", "it believes", a finding without a document
/// or study as subject, a counting verb without a counting body and a number.
fn bad_subject(ctx: &Ctx, c: &Cand, (a, b): (usize, usize), after: usize, nounish: bool) -> bool {
    let head = ctx.lower(b - 1);
    if any(
        ctx.lower(a),
        &["nobody", "none", "neither", "no", "nothing", "noone"],
    ) {
        return true;
    }
    let bad_subject = match c.entry.class {
        CueClass::Finding => !any(head, FINDING_SUBJ),
        CueClass::Belief | CueClass::Stance => {
            any(head, &["it", "there", "this", "i", "we", "you"]) || not_a_stance_holder(ctx, a, b)
        }
        _ => false,
    };
    if bad_subject {
        return true;
    }
    // "the agency has recorded 600 deaths", "the ministry counted 310,000 marchers": a
    // counting verb reports a tally only when a body counts and a number follows; "the team
    // recorded an album", "Smith recorded 12 rebounds" are not reports.
    if word_is(&c.entry.lemma, WordKind::Counting)
        && !(counting_body(ctx, a, b) && number_follows(ctx, after))
    {
        return true;
    }
    nounish
        && (a..b).any(|x| {
            ctx.tok(x).is_some_and(|t| {
                !t.cap && t.is_word() && (t.lower.ends_with("ed") || t.lower.ends_with("ing"))
            })
        })
}

/// A belief or stance is held by a named or described body, not by a count ("400 people
/// have sought medical help" is a figure) nor by a span that runs over a subordinate
/// clause's conjunction ("the minister until she proposed": the subject was lost).
fn not_a_stance_holder(ctx: &Ctx, a: usize, b: usize) -> bool {
    (a..b).any(|x| {
        ctx.tok(x).is_some_and(|t| {
            t.kind == crate::text::TK::Num
                || any(
                    &t.lower,
                    &[
                        "until",
                        "because",
                        "after",
                        "before",
                        "when",
                        "while",
                        "unless",
                        "although",
                        "dozens",
                        "hundreds",
                        "thousands",
                        "millions",
                        "scores",
                    ],
                )
        })
    })
}

/// A live-page timestamp with a day before the speaker ("Monday 18 July, 21:10 Police
/// said") dates the claim; a bare clock time says no more than the page's own date.
fn timestamp_before(ctx: &Ctx, sa: usize, a: usize) -> Option<Span> {
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
            return Some(ts.span.cover(te.span));
        }
    }
    None
}

/// "…, X said.": the content before the separator at token `sep`, and any second part of a
/// split quote or trailing clause after the attribution.
fn content_first(
    ctx: &Ctx,
    seg: Span,
    sa: usize,
    sb: usize,
    sep: usize,
    after_aud: usize,
    mut c: Cand,
) -> Option<Cand> {
    c.content_first = true;
    c.sep = Some(ctx.tok(sep)?.span.start());
    c.content = content_before(ctx, seg.start(), sa, sep);
    split_quote_after(ctx, &mut c, after_aud, sb);
    if let Some(t) = trailing_content(ctx, after_aud, sb, seg.end()) {
        c.content.push(t);
    }
    (!c.content.is_empty()).then_some(c)
}

/// Speaker first, content after the cue: "X said (that) …", "X told reporters …".
fn speaker_first(
    ctx: &Ctx,
    sa: usize,
    sb: usize,
    a: usize,
    (after, after_aud): (usize, usize),
    mut c: Cand,
) -> Option<Cand> {
    let class = c.entry.class;
    let mut j = after_aud;
    if class == CueClass::Tell && j == after && !any(ctx.lower(j), &["that", ":"]) {
        // "told" with no audience is not reporting ("tells a different story").
        return None;
    }
    if ctx.lower(j) == "," && ctx.is_open_quote(j + 1) {
        j += 1;
    }
    if matches!(class, CueClass::Weak | CueClass::Belief | CueClass::Finding)
        && !clause_follows(ctx, j, sb, class)
    {
        return None;
    }
    if ctx.lower(j) == "that" || ctx.lower(j) == ":" {
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

/// "…, adding that …", "…, telling reporters …": a participle continuing an attribution; its
/// speaker comes from the claim it continues.
pub(super) fn part_claim(ctx: &Ctx, sa: usize, sb: usize, i: usize, mut c: Cand) -> Option<Cand> {
    let t = ctx.tok(i)?;
    if ctx.lower(i.checked_sub(1)?) == "as" {
        return None;
    }
    let p = skip_back(ctx, i, sa)?;
    if ctx.lower(p) != "," {
        return None;
    }
    let mut j = skip_mods(ctx, i + 1, sb);
    if c.entry.lemma == "tell" {
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

#[cfg(test)]
mod tests {
    use crate::testing::{contents, run};

    fn triples(text: &str) -> Vec<(String, String, Vec<String>)> {
        let doc = run(text);
        doc.layers
            .claims
            .iter()
            .map(|c| {
                let content = contents(&doc, c);
                (c.speaker_text().to_string(), c.cue.text.clone(), content)
            })
            .collect()
    }

    #[test]
    fn an_as_clause_names_the_source() {
        let got = triples("As the Valley Courier reported, the mill will close in June.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the Valley Courier");
        assert_eq!(got[0].2, ["the mill will close in June"]);
        let got = triples("As reported by the Valley Courier, the mill will close in June.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "the Valley Courier");
    }

    #[test]
    fn a_quotation_that_ended_the_sentence_before_is_the_content() {
        let got = triples("“Can the mill stay open?” asked Lena Hart.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Lena Hart");
        assert_eq!(got[0].2, ["Can the mill stay open?"]);
        let got = triples("“The mill will stay open.” Ms. Hart said.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, ["The mill will stay open."]);
    }

    #[test]
    fn after_a_quotation_a_long_attribution_still_takes_it() {
        let got =
            triples("“The mill stays,” Ms. Hart told a crowd of workers in Leeds on Friday.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, ["The mill stays"]);
    }

    #[test]
    fn told_an_audience_somewhere_that() {
        let got = triples("The mayor told delegates at the county fair that the mill stays.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, ["the mill stays"]);
    }

    #[test]
    fn stance_words_used_as_nouns_are_not_cues() {
        assert!(triples("The plan drew criticism from the mayor's support staff.\n").is_empty());
        assert!(triples("Their criticized plan failed.\n").is_empty());
    }

    #[test]
    fn a_pronoun_after_a_subordinator_is_the_speaker() {
        let got = triples("The crowd cheered when she said the mill would stay.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "she");
        assert_eq!(got[0].2, ["the mill would stay"]);
    }

    #[test]
    fn a_sentence_adverb_between_subject_and_cue() {
        let got = triples("Mayor Ruiz however said the mill would stay.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Mayor Ruiz");
    }

    #[test]
    fn a_relative_clause_without_a_closing_comma_runs_to_the_end() {
        let got = triples("The plan upset the growers, who say the mill will close.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "say");
        assert_eq!(got[0].2, ["the mill will close"]);
    }
}
