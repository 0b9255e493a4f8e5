//! Turning sentence-level candidates into figure records: sources and claim from the claims
//! layer, as-of date from the timex layer, place from the entities layer, and the merging
//! of restatements (a lede restating a later attributed sentence is one record).

use crate::detect::{detect, hedged_near, Candidate};
use newsledger_model::{
    Claim, Document, EntityType, Figure, FigureValue, Group, MentionKind, SegmentKind, Span,
    SpanIndex, TimexType,
};

/// Where a figure's as-of date came from, in the spec's order of priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum AsOfFrom {
    AsOf,
    Moment,
    Carried,
    Statement,
    Published,
    Nothing,
}

#[derive(Debug, Clone)]
struct Draft {
    cand: Candidate,
    seg: usize,
    para: Option<usize>,
    sentence: Span,
    span: Span,
    claim: Option<String>,
    sources: Vec<String>,
    as_of: Option<String>,
    as_of_from: AsOfFrom,
    /// The explicit "as of" date stated in this figure's sentence, if any.
    own_as_of: Option<String>,
    place: Option<String>,
    hedged: bool,
    /// Draft index of the figure this one shares group, date and source with.
    parent: Option<usize>,
}

/// A usable TIMEX3 date value: a calendar date, month, week or year (time part dropped).
fn date_value(v: &str) -> Option<String> {
    let d = v.split('T').next().unwrap_or("");
    let b = d.as_bytes();
    if b.len() >= 4 && b.iter().take(4).all(u8::is_ascii_digit) {
        Some(d.to_string())
    } else {
        None
    }
}

fn lower_before(doc: &Document, sentence: Span, at: usize, max: usize) -> String {
    let a = at.saturating_sub(max).max(sentence.start());
    let mut a2 = a;
    while a2 < at && !doc.text.is_char_boundary(a2) {
        a2 += 1;
    }
    doc.text.get(a2..at).unwrap_or("").to_lowercase()
}

pub(crate) fn clean_source(s: &str) -> String {
    // a live page's timestamp glued to the speaker ("08:30 Regional authorities say")
    let mut t = s
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.')
        .trim_start();
    for art in [
        "the ", "The ", "a ", "A ", "an ", "An ", "another ", "Another ", "one ", "One ",
    ] {
        if let Some(r) = t.strip_prefix(art) {
            t = r.trim_start();
            break;
        }
    }
    // "the country's civil protection department": the possessive names no one new
    for own in [
        "country's ",
        "country’s ",
        "nation's ",
        "nation’s ",
        "city's ",
        "city’s ",
        "state's ",
        "state’s ",
        "region's ",
        "region’s ",
        "province's ",
        "province’s ",
        "island's ",
        "island’s ",
        // "citing accounts from survivors": the survivors are the origin
        "accounts from ",
        "accounts by ",
        "accounts of ",
        "testimony from ",
        "testimonies from ",
    ] {
        if let Some(r) = t.strip_prefix(own) {
            t = r.trim_start();
            break;
        }
    }
    let t = strip_title(t);
    t.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace())
        .to_string()
}

/// "Sheriff Dana Holm" → "Dana Holm": a title before a name of two or more capitalised
/// words is dropped; a bare title ("the governor") is kept.
fn strip_title(s: &str) -> &str {
    let toks = crate::tokens::tokenize(s);
    let mut i = 0;
    while let Some((e, _)) = crate::lexicon::LEX.titles.longest_at(&toks, i) {
        i = e;
    }
    let rest = toks.get(i..).unwrap_or(&[]);
    let capitalised = rest.len() >= 2
        && rest
            .iter()
            .all(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase));
    match (i > 0 && capitalised, rest.first()) {
        (true, Some(first)) => s.get(first.start..).unwrap_or(s),
        _ => s,
    }
}

fn chain_of(claim: &Claim) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let links = std::iter::once((&claim.speaker.text, &claim.speaker.name))
        .chain(claim.via.iter().map(|v| (&v.text, &v.name)));
    for (text, name) in links {
        // "the mayor's office" resolved to an earlier "office" of someone else: a
        // possessor the resolved name does not carry names another body
        let name_l = name.to_lowercase();
        let head = text
            .to_lowercase()
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_string)
            .unwrap_or_default();
        let s = match possessor_word(text) {
            Some(w) if !name_l.contains(&w) && !head.is_empty() && name_l.contains(&head) => {
                text.clone()
            }
            _ => name.clone(),
        };
        let s = more_specific(text, &s);
        let c = clean_source(&s);
        if !c.is_empty() && out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// The speaker as written when it is more specific than the name it was resolved to:
/// "the Dravian interior ministry" (resolved "interior ministry") keeps its nationality,
/// "the UN human rights office" (resolved "United Nations") is an office of that body.
fn more_specific(text: &str, name: &str) -> String {
    let t = clean_source(text);
    let (tl, nl) = (t.to_lowercase(), name.to_lowercase());
    if tl.len() > nl.len()
        && tl.ends_with(&nl)
        && nl.chars().next().is_some_and(char::is_alphabetic)
    {
        let extra = t
            .len()
            .checked_sub(name.len())
            .and_then(|k| t.get(..k))
            .unwrap_or("")
            .trim();
        let nationality = !extra.contains(' ')
            && extra.chars().next().is_some_and(char::is_uppercase)
            && ["an", "ese", "ish", "i"].iter().any(|x| extra.ends_with(x))
            && name.chars().next().is_some_and(char::is_lowercase);
        if nationality {
            return t;
        }
    }
    let acronym: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    let words: Vec<&str> = t.split_whitespace().collect();
    let starts_with_body = words
        .first()
        .is_some_and(|w| (acronym.chars().count() >= 2 && *w == acronym) || tl.starts_with(&nl));
    let org_head = words.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "office"
                | "agency"
                | "commission"
                | "council"
                | "committee"
                | "department"
                | "mission"
                | "programme"
                | "program"
                | "fund"
                | "tribunal"
                | "court"
        )
    });
    if starts_with_body && org_head && words.len() >= 3 {
        return t;
    }
    name.to_string()
}

/// The lower-cased possessor of "the mayor's office" ("mayor"), if the phrase has one.
fn possessor_word(text: &str) -> Option<String> {
    let l = text.to_lowercase();
    let i = l.find("'s ").or_else(|| l.find("’s "))?;
    let head = l.get(..i)?;
    let w = head.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    (w.len() > 2 && !matches!(w, "country" | "nation" | "city" | "state" | "region"))
        .then(|| w.to_string())
}

/// The claim whose content holds the figure (innermost when claims nest).
fn claim_for(doc: &Document, span: Span) -> Option<&Claim> {
    let by_content = doc
        .layers
        .claims
        .iter()
        .filter_map(|c| {
            c.content
                .iter()
                .filter(|s| s.contains(span))
                .map(|s| s.len())
                .min()
                .map(|l| (l, c))
        })
        .min_by_key(|(l, _)| *l)
        .map(|(_, c)| c);
    by_content.or_else(|| {
        doc.layers
            .claims
            .iter()
            .filter(|c| c.span.contains(span) && !c.speaker.span.overlaps(span))
            .min_by_key(|c| c.span.len())
    })
}

/// Without a claims layer: "according to X" or a closing ", X said." in the sentence.
fn fallback_sources(sentence: &str) -> Vec<String> {
    let low = sentence.to_lowercase();
    if low.len() != sentence.len() {
        return Vec::new();
    }
    if let Some(p) = low.find("according to ") {
        let rest = sentence.get(p + 13..).unwrap_or("");
        let end = rest.find([',', '.', ';', '(']).unwrap_or(rest.len());
        let src = clean_source(rest.get(..end).unwrap_or(""));
        if !src.is_empty() && src.split_whitespace().count() <= 8 {
            return vec![src];
        }
    }
    for cue in [" said.", " said on ", " reported.", " told ", " announced."] {
        if let Some(p) = low.rfind(cue) {
            let head = sentence.get(..p).unwrap_or("");
            let start = head.rfind([',', '”', '"']).map(|i| i + 1).unwrap_or(0);
            let src = clean_source(head.get(start..).unwrap_or(""));
            let n = src.split_whitespace().count();
            if (1..=6).contains(&n) && !matches!(src.as_str(), "he" | "she" | "they" | "it") {
                return vec![src];
            }
        }
    }
    Vec::new()
}

/// The outlet's own staff ("a CWS reporter saw", "FPA reporters at the scene", "a list
/// compiled by the Courier") are the report's own voice, not a source.
fn own_voice_filter(doc: &Document, sources: Vec<String>) -> Vec<String> {
    let Some(outlet) = doc.meta.outlet.as_deref().filter(|o| !o.trim().is_empty()) else {
        return sources;
    };
    let outlet_l = outlet.to_lowercase();
    let outlet_l = outlet_l
        .strip_prefix("the ")
        .unwrap_or(&outlet_l)
        .to_string();
    let words: Vec<&str> = outlet
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    let abbrev: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    let last = words
        .last()
        .map(|w| w.to_lowercase())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "agency"
                    | "news"
                    | "press"
                    | "service"
                    | "wire"
                    | "television"
                    | "tv"
                    | "radio"
                    | "channel"
                    | "network"
                    | "daily"
                    | "online"
                    | "media"
                    | "group"
                    | "broadcasting"
                    | "broadcaster"
                    | "corporation"
                    | "centre"
                    | "center"
            )
        })
        .map(|w| format!("the {w}"));
    let is_own = |s: &str| {
        let l = s.to_lowercase();
        let whole_word = |needle: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| !needle.is_empty() && w == needle)
        };
        l.contains(&outlet_l)
            || (abbrev.chars().count() >= 2 && whole_word(&abbrev))
            || last
                .as_deref()
                .is_some_and(|x| words.len() >= 2 && l.contains(x))
    };
    sources.into_iter().filter(|s| !is_own(s)).collect()
}

/// When the publisher is not a news outlet (a rights group's bulletin, a ministry's
/// release), figures it states in its own voice are its own claims.
fn publisher_source(doc: &Document) -> Option<String> {
    let outlet = doc.meta.outlet.as_deref()?.trim();
    if outlet.is_empty() {
        return None;
    }
    let by_entity = doc.layers.entities.iter().any(|e| {
        e.kind == EntityType::Org
            && matches!(
                e.subtype.as_deref(),
                Some("ngo" | "government" | "international")
            )
            && (e.name.eq_ignore_ascii_case(outlet)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(outlet)))
    });
    let l = outlet.to_lowercase();
    let by_name = [
        "centre",
        "center",
        "watch",
        "amnesty",
        "committee",
        "council",
        "ministry",
        "commission",
        "office of",
        "red cross",
        "red crescent",
        "federation",
        "foundation",
        "institute",
        "united nations",
        "unicef",
        "unhcr",
        "ocha",
        "human rights",
    ]
    .iter()
    .any(|k| l.contains(k));
    (by_entity || by_name).then(|| outlet.to_string())
}

fn chains_corefer(a: &[String], b: &[String]) -> bool {
    (a.is_empty() && b.is_empty()) || a.iter().any(|x| b.contains(x))
}

/// Byte ranges of the clause around `span` inside the sentence.
fn clause_of(doc: &Document, sentence: Span, span: Span) -> Span {
    let s = doc.slice(sentence);
    let rel_a = span.start().saturating_sub(sentence.start());
    let rel_b = span.end().saturating_sub(sentence.start());
    let low = s.to_lowercase();
    if low.len() != s.len() {
        return sentence;
    }
    let mut a = 0;
    let mut b = s.len();
    for pat in [
        ";",
        ", and ",
        ", but ",
        " but ",
        ", while ",
        " while ",
        " whereas ",
    ] {
        for (i, _) in low.match_indices(pat) {
            if i + pat.len() <= rel_a {
                a = a.max(i + pat.len());
            } else if i >= rel_b {
                b = b.min(i);
            }
        }
    }
    Span::new(sentence.start() + a, sentence.start() + b)
}

const CUE_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "announced",
    "added",
    "stated",
    "according",
    "claimed",
    "confirmed",
    "tweeted",
    "wrote",
    "posted",
    "statement",
];

fn near_cue(doc: &Document, sentence: Span, t: Span) -> bool {
    let before = lower_before(doc, sentence, t.start(), 24);
    let after_end = (t.end() + 12).min(sentence.end());
    let mut e = after_end;
    while e > t.end() && !doc.text.is_char_boundary(e) {
        e -= 1;
    }
    let after = doc.text.get(t.end()..e).unwrap_or("").to_lowercase();
    let last_words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .collect();
    let first_after = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    last_words.iter().any(|w| CUE_WORDS.contains(w)) || CUE_WORDS.contains(&first_after)
}

/// The as-of date and where it came from, without carry-over.
fn own_date(doc: &Document, d: &Draft, claim: Option<&Claim>) -> (Option<String>, AsOfFrom) {
    let clause = clause_of(doc, d.sentence, d.span);
    let in_sentence: Vec<_> = doc
        .layers
        .timexes
        .iter()
        .filter(|t| {
            d.sentence.contains(t.span) && matches!(t.kind, TimexType::Date | TimexType::Time)
        })
        .collect();
    // explicit "as of"
    for t in &in_sentence {
        let before = lower_before(doc, d.sentence, t.span.start(), 16);
        let b = before.trim_end();
        let sentence_initial_by =
            b.ends_with("by") && b.trim_start_matches(|c: char| !c.is_alphabetic()) == "by";
        if b.ends_with("as of")
            || b.ends_with("as at")
            || b.ends_with("as of late")
            || sentence_initial_by
        {
            if let Some(v) = date_value(&t.value) {
                return (Some(v), AsOfFrom::AsOf);
            }
        }
    }
    // the dated moment the figure describes
    let claim_timex = claim.and_then(|c| c.timex.clone());
    let mut best: Option<(u8, usize, String)> = None;
    for t in &in_sentence {
        if claim_timex.as_deref() == Some(t.id.as_str()) || !clause.contains(t.span) {
            continue;
        }
        if claim.is_some_and(|c| c.cue.span.overlaps(t.span) || c.speaker.span.overlaps(t.span)) {
            continue;
        }
        if near_cue(doc, d.sentence, t.span) {
            continue;
        }
        // a live page's entry time ("09:42 The health office says…") dates the entry,
        // not the moment the figure describes
        let lead = doc
            .text
            .get(d.sentence.start()..t.span.start())
            .unwrap_or("x");
        if t.kind == TimexType::Time && lead.trim().is_empty() {
            continue;
        }
        // a dateline ("KORMAN, May 21 (Wire) — …") dates the report, not the figure
        if t.span.end() <= d.span.start() {
            let gap = doc.text.get(t.span.end()..d.span.start()).unwrap_or("");
            if [" - ", " — ", " – ", ") -", ") —", ") –"]
                .iter()
                .any(|x| gap.contains(x))
            {
                continue;
            }
        }
        // words that open a span ("since", "from") count only between the figure and a
        // date after it, not the figure's own "up from 31"
        let floor = if t.span.start() >= d.span.end() {
            d.span.end()
        } else {
            d.sentence.start()
        };
        let before = lower_before(doc, Span::new(floor, d.sentence.end()), t.span.start(), 24);
        let prev_words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .take(2)
            .collect();
        let opens_span = prev_words.iter().any(|w| {
            matches!(
                *w,
                "since"
                    | "from"
                    | "until"
                    | "till"
                    | "before"
                    | "began"
                    | "started"
                    | "begun"
                    | "beginning"
                    | "starting"
                    // "so far this year": a running total, as of now
                    | "far"
            )
        });
        if opens_span {
            continue;
        }
        let Some(v) = date_value(&t.value) else {
            continue;
        };
        let dist = if t.span.end() <= d.span.start() {
            d.span.start() - t.span.end()
        } else {
            // a date after the figure belongs to it only within the same phrase
            // ("killed in the port on Sunday", not "…, far more than … on Monday")
            let between = doc.text.get(d.span.end()..t.span.start()).unwrap_or(";");
            // "One guard, the convoy's driver, was killed … on Friday": an apposition's
            // commas do not part the figure from its verb phrase
            let after_apposition = between
                .strip_prefix(", ")
                .filter(|r| {
                    ["the ", "a ", "an ", "his ", "her ", "their "]
                        .iter()
                        .any(|d| r.starts_with(d))
                })
                .and_then(|r| r.find(", ").and_then(|i| r.get(i + 2..)))
                .unwrap_or(between);
            if between.contains([';', '—'])
                || (after_apposition.contains(',') && after_apposition.len() > 24)
            {
                continue;
            }
            // "risen to 23, up from 17 last night": the date belongs to the other count;
            // "fled since fighting resumed in March": it dates the fighting
            let bl = between.to_lowercase();
            if between.bytes().any(|b| b.is_ascii_digit()) || bl.contains(" since ") {
                continue;
            }
            t.span.start().saturating_sub(d.span.end())
        };
        // a day beats a week or a year
        let grain: u8 = match v.len() {
            10 => 3,
            4 => 1,
            _ => 2,
        };
        if best
            .as_ref()
            .is_none_or(|(bg, bd, _)| grain > *bg || (grain == *bg && dist < *bd))
        {
            best = Some((grain, dist, v));
        }
    }
    if let Some((_, _, v)) = best {
        return (Some(v), AsOfFrom::Moment);
    }
    if let Some(c) = claim {
        let v = c.date.as_deref().and_then(date_value).or_else(|| {
            c.timex
                .as_deref()
                .and_then(|id| doc.timex(id))
                .and_then(|t| date_value(&t.value))
        });
        if let Some(v) = v {
            return (Some(v), AsOfFrom::Statement);
        }
    }
    match doc.meta.published {
        Some(p) => (Some(p.format("%Y-%m-%d").to_string()), AsOfFrom::Published),
        None => (None, AsOfFrom::Nothing),
    }
}

/// "the ministry counted 310,000 demonstrators", "the agency has recorded more than 600
/// deaths": a body that counted the figure itself, named right before the counting verb.
fn counter_of(doc: &Document, sentence: Span, span: Span) -> Option<String> {
    let before = doc.text.get(sentence.start()..span.start())?;
    let trimmed = before.trim_end();
    let verb_start = [
        "counted",
        "recorded",
        "registered",
        "documented",
        "verified",
        "tallied",
    ]
    .iter()
    .find_map(|v| {
        trimmed
            .strip_suffix(v)
            .filter(|r| r.ends_with(' '))
            .map(str::len)
    })?;
    let mut subj_end = sentence.start() + verb_start;
    let head = doc.text.get(sentence.start()..subj_end)?.trim_end();
    for aux in [" has", " have", " had"] {
        if let Some(r) = head.strip_suffix(aux) {
            subj_end = sentence.start() + r.len();
            break;
        }
    }
    let subj_end = sentence.start() + doc.text.get(sentence.start()..subj_end)?.trim_end().len();
    doc.layers
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Org | EntityType::Person))
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.span.end() == subj_end && m.kind != MentionKind::Pronoun)
        })
        .map(|e| clean_source(&e.name))
}

/// A figure whose own clause is dated to a year at least two years before publication
/// ("the 2009 floods killed 40", "in 1998 a quake killed 2,000") counts an older event the
/// report recalls as background, not the events it covers. Dates that open a span ("since
/// 2011") are running totals and stay.
fn background_year(doc: &Document, d: &Draft) -> bool {
    let Some(pub_year) = doc.meta.published.map(|p| p.format("%Y").to_string()) else {
        return false;
    };
    let Ok(pub_year) = pub_year.parse::<i32>() else {
        return false;
    };
    let clause = clause_of(doc, d.sentence, d.span);
    doc.layers.timexes.iter().any(|t| {
        if !clause.contains(t.span) || !matches!(t.kind, TimexType::Date) {
            return false;
        }
        let Some(year) = t.value.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            return false;
        };
        if !t.value.as_bytes().iter().take(4).all(u8::is_ascii_digit) || year > pub_year - 2 {
            return false;
        }
        let before = lower_before(doc, clause, t.span.start(), 16);
        let prev = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        !matches!(prev, "since" | "from" | "between")
    })
}

fn place_rank(subtype: Option<&str>) -> u8 {
    match subtype {
        Some("landmark") => 4,
        Some("city") => 3,
        Some("region") => 2,
        Some("country") => 1,
        _ => 2,
    }
}

/// The most specific place mentioned in a span, nearest to `near` among equals.
fn place_in(doc: &Document, within: Span, near: usize) -> Option<String> {
    let mut best: Option<(u8, usize, &str)> = None;
    for e in &doc.layers.entities {
        if e.kind != EntityType::Place {
            continue;
        }
        for m in &e.mentions {
            if !within.contains(m.span) || m.kind == MentionKind::Pronoun || doc.is_residue(m.span)
            {
                continue;
            }
            let rank = place_rank(e.subtype.as_deref());
            let dist = m.span.start().abs_diff(near);
            let better = match best {
                None => true,
                Some((r, d, _)) => rank > r || (rank == r && dist < d),
            };
            if better {
                best = Some((rank, dist, e.name.as_str()));
            }
        }
    }
    best.map(|(_, _, n)| n.to_string())
}

/// The document's main place: the country mentioned most often.
fn main_place(doc: &Document) -> Option<String> {
    doc.layers
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Place && e.subtype.as_deref() == Some("country"))
        .map(|e| {
            let n = e
                .mentions
                .iter()
                .filter(|m| !doc.is_residue(m.span))
                .count();
            (n, e)
        })
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, _)| *n)
        .map(|(_, e)| e.name.clone())
}

/// Numbers inside dates and names are never counts.
/// Timex spans, then entity name-mention spans (in layer order), indexed once per document:
/// scanning both layers for every sentence was quadratic on one long document.
struct Blockers {
    timexes: SpanIndex,
    timex_spans: Vec<Span>,
    names: SpanIndex,
    name_spans: Vec<Span>,
}

impl Blockers {
    fn new(doc: &Document) -> Self {
        let timex_spans: Vec<Span> = doc.layers.timexes.iter().map(|t| t.span).collect();
        let name_spans: Vec<Span> = doc
            .layers
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter())
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| m.span)
            .collect();
        Blockers {
            timexes: SpanIndex::new(timex_spans.iter().copied()),
            names: SpanIndex::new(name_spans.iter().copied()),
            timex_spans,
            name_spans,
        }
    }
}

fn blocked_in(blockers: &Blockers, sentence: Span) -> Vec<(usize, usize)> {
    let rel = |s: Span| {
        (
            s.start().saturating_sub(sentence.start()),
            s.end().saturating_sub(sentence.start()),
        )
    };
    let timexes = blockers.timexes.overlapping(sentence).into_iter();
    let names = blockers.names.overlapping(sentence).into_iter();
    timexes
        .filter_map(|k| blockers.timex_spans.get(k))
        .chain(names.filter_map(|k| blockers.name_spans.get(k)))
        .map(|&s| rel(s))
        .collect()
}

/// A sentence that disowns the figures just before it ("The figures could not be
/// independently verified.").
fn disowns_previous(sentence: &str) -> bool {
    let low = sentence.to_lowercase();
    let hedge = [
        "independently verif",
        "independently confirm",
        "could not be verified",
        "could not be confirmed",
        "cannot be verified",
        "unable to verify",
        "not been verified",
        "not been confirmed",
    ]
    .iter()
    .any(|h| low.contains(h));
    let names = [
        "figure", "toll", "number", "tally", "claim", "report", "account", "casualt",
    ]
    .iter()
    .any(|w| low.contains(w));
    hedge && names
}

/// "The union's figures could not be confirmed" disowns the union's figures only, not the
/// ministry's given beside them: when the disowning sentence names whose figures it means,
/// the figure's sources must name that owner too.
pub(crate) fn owner_matches(sentence: &str, sources: &[String]) -> bool {
    let low = sentence.to_lowercase();
    let owner = low.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .or_else(|| w.strip_suffix("s'"))
            .or_else(|| w.strip_suffix("s’"))
            .filter(|o| {
                o.len() > 2
                    && !matches!(
                        *o,
                        "it" | "that" | "there" | "what" | "who" | "today" | "yesterday" | "let"
                    )
                    && !o.ends_with("day")
                    && ![
                        "figure", "toll", "number", "tally", "claim", "report", "account",
                        "casualt", "death", "ministr",
                    ]
                    .iter()
                    .any(|n| o.starts_with(n))
            })
    });
    let Some(owner) = owner else { return true };
    let stem: String = owner.chars().take(5).collect();
    sources.iter().any(|s| s.to_lowercase().contains(&stem))
}

/// Extract the figures of a document whose earlier layers are filled.
pub fn extract(doc: &Document) -> Vec<Figure> {
    let mut drafts: Vec<Draft> = Vec::new();
    let segs = &doc.layers.segments;
    let has_claims = !doc.layers.claims.is_empty();
    let main = main_place(doc);
    let blockers = Blockers::new(doc);
    for (si, seg) in segs.iter().enumerate() {
        if doc.is_residue(seg.span) {
            continue;
        }
        let text = doc.slice(seg.span);
        if text.is_empty() {
            continue;
        }
        let blocked = blocked_in(&blockers, seg.span);
        let cands = detect(text, &blocked);
        let base = drafts.len();
        for c in cands {
            let span = Span::new(seg.span.start() + c.span.0, seg.span.start() + c.span.1);
            let para = doc.paragraph_index_at(seg.span.start());
            let mut d = Draft {
                seg: si,
                para,
                sentence: seg.span,
                span,
                claim: None,
                sources: Vec::new(),
                as_of: None,
                as_of_from: AsOfFrom::Nothing,
                own_as_of: None,
                place: None,
                hedged: c.hedged,
                parent: None,
                cand: c,
            };
            if d.cand.needs_parent {
                // a breakdown of the last figure of the sentence before
                let prev_seg = prev_content_seg(doc, si);
                let Some(pi) = drafts
                    .iter()
                    .rposition(|p| Some(p.seg) == prev_seg && p.para == para)
                else {
                    continue;
                };
                let p = &drafts[pi];
                if d.cand.metric.is_empty() {
                    d.cand.metric = p.cand.metric;
                }
                if d.cand.group_text.is_empty() {
                    d.cand.group_text = p.cand.group_text.clone();
                    d.cand.group_class = p.cand.group_class;
                }
                if claim_for(doc, span).is_none() {
                    d.parent = Some(pi);
                    d.claim = p.claim.clone();
                    d.sources = p.sources.clone();
                    d.as_of = p.as_of.clone();
                    d.as_of_from = p.as_of_from;
                    // "Eighteen of them were rescued on Friday": its own dated moment
                    let (v, from) = own_date(doc, &d, None);
                    if from <= AsOfFrom::Moment {
                        d.as_of = v;
                        d.as_of_from = from;
                    }
                    d.place = p.place.clone();
                    d.hedged = d.hedged || hedged_near(text, d.cand.span);
                    drafts.push(d);
                    continue;
                }
            }
            if let Some(p) = d
                .cand
                .shares_with
                .map(|p| base + p)
                .and_then(|p| drafts.get(p))
            {
                // "18 killed and 748 injured": one group, place, date and source
                d.parent = d.cand.shares_with.map(|p| base + p);
                d.claim = p.claim.clone();
                d.sources = p.sources.clone();
                d.as_of = p.as_of.clone();
                d.as_of_from = p.as_of_from;
                d.own_as_of = p.own_as_of.clone();
                d.place = p.place.clone();
                d.hedged = d.hedged || p.hedged;
                drafts.push(d);
                continue;
            }
            // "Police detained at least 15 of them": "them" are the previous sentence's group
            if d.cand.group_text.is_empty() {
                let after = doc
                    .text
                    .get(seg.span.start() + d.cand.value_span.1..)
                    .unwrap_or("");
                if after.starts_with(" of them") || after.starts_with(" of those") {
                    let prev_seg = prev_content_seg(doc, si);
                    if let Some(p) = drafts.iter().rev().find(|p| Some(p.seg) == prev_seg) {
                        d.cand.group_text = p.cand.group_text.clone();
                        d.cand.group_class = p.cand.group_class;
                    }
                }
            }
            if background_year(doc, &d) {
                // "a 1998 tremor there killed more than 2,000": an older event's toll
                continue;
            }
            let claim = claim_for(doc, span);
            if let Some(cl) = claim {
                d.claim = Some(cl.id.clone());
                d.sources = chain_of(cl);
            } else if !has_claims {
                d.sources = fallback_sources(text);
            }
            if claim.is_none() && d.sources.is_empty() {
                if let Some(src) = counter_of(doc, seg.span, span) {
                    d.sources = vec![src];
                }
            }
            if claim.is_none() && d.cand.shape == "toll-link-count" {
                // "rose to 41, the ministry said, up from 31": the earlier toll of the same
                // sentence comes from the same source
                if let Some(p) = drafts[base..].iter().rev().find(|p| p.claim.is_some()) {
                    d.claim = p.claim.clone();
                    d.sources = p.sources.clone();
                }
            }
            if let Some((a, b)) = d.cand.possessor.filter(|_| claim.is_none()) {
                let ps = Span::new(seg.span.start() + a, seg.span.start() + b);
                // "Talvaria's toll" names a place, not a source
                let raw = clean_source(doc.slice(ps));
                let org_like = raw.chars().next().is_some_and(char::is_lowercase)
                    || raw.split_whitespace().last().is_some_and(|w| {
                        matches!(
                            w,
                            "Ministry"
                                | "Office"
                                | "Agency"
                                | "Council"
                                | "Committee"
                                | "Centre"
                                | "Center"
                                | "Service"
                                | "Services"
                                | "Department"
                                | "Police"
                                | "Army"
                                | "Government"
                                | "Authority"
                                | "Commission"
                                | "Command"
                        )
                    });
                let name = match doc.entity_at(ps) {
                    Some(e) if e.kind == EntityType::Place => String::new(),
                    Some(e) => e.name.clone(),
                    None if org_like => raw,
                    None => String::new(),
                };
                if !name.is_empty() && !d.sources.contains(&name) {
                    d.sources.insert(0, name);
                }
            }
            d.sources = own_voice_filter(doc, std::mem::take(&mut d.sources));
            // "unconfirmed reports" is a hedge, not a source
            d.sources.retain(|x| {
                !matches!(
                    x.to_lowercase().as_str(),
                    "reports"
                        | "unconfirmed reports"
                        | "unverified reports"
                        | "some reports"
                        | "rumours"
                        | "rumors"
                )
            });
            if d.sources.is_empty() {
                if let Some(o) = publisher_source(doc) {
                    d.sources.push(o);
                }
            }
            let (v, from) = own_date(doc, &d, claim);
            d.as_of = v;
            d.as_of_from = from;
            if from == AsOfFrom::AsOf {
                d.own_as_of = d.as_of.clone();
            }
            let mut place = place_in(doc, seg.span, span.start());
            if place.is_none() {
                // earlier sentences of the same paragraph
                let mut k = si;
                while place.is_none() && k > 0 {
                    k -= 1;
                    let Some(s) = segs.get(k) else { break };
                    if doc.paragraph_index_at(s.span.start()) != para {
                        break;
                    }
                    place = place_in(doc, s.span, s.span.end());
                }
            }
            d.place = place.or_else(|| main.clone());
            d.hedged = d.hedged || hedged_near(text, d.cand.span);
            drafts.push(d);
        }
    }
    header_as_of(doc, &mut drafts);
    carry_as_of(doc, &mut drafts);
    for i in 0..drafts.len() {
        if drafts[i].as_of_from <= AsOfFrom::Moment {
            continue;
        }
        if let Some(p) = drafts[i].parent.filter(|&p| p < i) {
            let (v, from) = (drafts[p].as_of.clone(), drafts[p].as_of_from);
            drafts[i].as_of = v;
            drafts[i].as_of_from = from;
        }
    }
    disowned(doc, &mut drafts);
    let drafts = merge_restatements(doc, drafts);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| Figure {
            id: format!("f{}", i + 1),
            metric: d.cand.metric.to_string(),
            value: FigureValue {
                kind: d.cand.kind,
                low: d.cand.low,
                high: d.cand.high,
                text: doc
                    .slice(Span::new(
                        d.sentence.start() + d.cand.value_span.0,
                        d.sentence.start() + d.cand.value_span.1,
                    ))
                    .to_string(),
            },
            group: Group {
                text: d.cand.group_text.clone(),
                class: d.cand.group_class.to_string(),
            },
            place: d.place,
            as_of: d.as_of,
            period: None,
            sources: d.sources,
            hedged: d.hedged,
            claim: d.claim,
            span: d.span,
            sentence: d.sentence,
            event: None,
        })
        .collect()
}

/// "Key figures (as of 27 September):" over a list of lines: the header's date holds for
/// the figures of the lines below it, up to the next full sentence.
fn header_as_of(doc: &Document, drafts: &mut [Draft]) {
    let segs = &doc.layers.segments;
    let mut current: Option<String> = None;
    let mut by_seg: Vec<Option<String>> = vec![None; segs.len()];
    for (k, sg) in segs.iter().enumerate() {
        if doc.is_residue(sg.span) {
            continue;
        }
        let text = doc.slice(sg.span).trim_end();
        if text.ends_with(':') {
            current = doc
                .layers
                .timexes
                .iter()
                .filter(|t| sg.span.contains(t.span))
                .find(|t| {
                    let b = lower_before(doc, sg.span, t.span.start(), 16);
                    let b = b.trim_end();
                    b.ends_with("as of") || b.ends_with("as at")
                })
                .and_then(|t| date_value(&t.value));
            continue;
        }
        if let Some(slot) = by_seg.get_mut(k) {
            slot.clone_from(&current);
        }
        if text.ends_with(['.', '!', '?']) {
            current = None;
        }
    }
    for d in drafts.iter_mut() {
        if d.as_of_from <= AsOfFrom::Moment {
            continue;
        }
        if let Some(Some(v)) = by_seg.get(d.seg) {
            d.as_of = Some(v.clone());
            d.as_of_from = AsOfFrom::AsOf;
            d.own_as_of = Some(v.clone());
        }
    }
}

/// An "As of X" date carries to the next sentence's figures when the same source goes on.
fn carry_as_of(doc: &Document, drafts: &mut [Draft]) {
    // segment → (paragraph, as-of value, sources of the figure that stated it)
    let mut stated: Vec<(usize, Option<usize>, String, Vec<String>)> = Vec::new();
    for d in drafts.iter_mut() {
        let (seg, para) = (d.seg, d.para);
        if d.own_as_of.is_none() && d.as_of_from > AsOfFrom::Moment {
            let prev = prev_content_seg(doc, seg);
            let from = stated
                .iter()
                .rev()
                .find(|(s, p, _, srcs)| {
                    Some(*s) == prev && *p == para && chains_corefer(srcs, &d.sources)
                })
                .map(|x| x.2.clone());
            if let Some(v) = from {
                d.as_of = Some(v);
                d.as_of_from = AsOfFrom::Carried;
            }
        }
        let carries = d.own_as_of.is_some() || d.as_of_from == AsOfFrom::Carried;
        if carries {
            if let Some(v) = d.as_of.clone() {
                stated.push((seg, para, v, d.sources.clone()));
            }
        }
    }
}

fn prev_content_seg(doc: &Document, seg: usize) -> Option<usize> {
    let segs = &doc.layers.segments;
    (0..seg)
        .rev()
        .find(|&k| segs.get(k).is_some_and(|s| !doc.is_residue(s.span)))
}

fn next_content_seg(doc: &Document, seg: usize) -> Option<usize> {
    let segs = &doc.layers.segments;
    (seg + 1..segs.len()).find(|&k| segs.get(k).is_some_and(|s| !doc.is_residue(s.span)))
}

fn disowned(doc: &Document, drafts: &mut [Draft]) {
    let with_figures: Vec<usize> = drafts.iter().map(|d| d.seg).collect();
    for d in drafts.iter_mut() {
        if d.hedged {
            continue;
        }
        // the sentence after this figure's, or the one after that when the next also holds
        // figures and the disowning sentence speaks of several ("Neither figure …")
        let n1 = next_content_seg(doc, d.seg);
        let n2 = n1.and_then(|n| next_content_seg(doc, n));
        for (k, n) in [n1, n2].into_iter().enumerate() {
            let Some(n) = n else { break };
            let Some(s) = doc.layers.segments.get(n) else {
                break;
            };
            if with_figures.contains(&n) {
                if k == 0 {
                    continue;
                }
                break;
            }
            let text = doc.slice(s.span);
            let l = text.to_lowercase();
            let plural = l.starts_with("neither") || l.contains("figures") || l.contains("both");
            if k == 1 && !plural {
                break;
            }
            if disowns_previous(text) && owner_matches(text, &d.sources) {
                d.hedged = true;
            }
            break;
        }
    }
}

fn same_bounds(a: &Candidate, b: &Candidate) -> bool {
    a.metric == b.metric && a.low == b.low && a.high == b.high
}

/// One record per claim: a later mention with the same metric and bounds restating an
/// earlier one (or the earlier one restating an attributed later one) is folded into the
/// first mention, which takes the sources named anywhere for it.
fn merge_restatements(doc: &Document, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    'next: for d in drafts {
        for a in out.iter_mut() {
            if a.seg == d.seg || !same_bounds(&a.cand, &d.cand) {
                continue;
            }
            // "…kills 19, governor says" over "…, the regional governor, Ilya Brask, said":
            // the headline's speaker is named in the attributed sentence
            let headline =
                doc.layers.segments.get(a.seg).is_some_and(|s| {
                    matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading)
                });
            let named_in_d = !a.sources.is_empty() && !d.sources.is_empty() && {
                let sent = doc.slice(d.sentence).to_lowercase();
                a.sources.iter().all(|x| {
                    // "UN says" over "the UN refugee agency UNHCR said"
                    let acronym: String = x
                        .split_whitespace()
                        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                        .collect();
                    let x = if acronym.chars().count() >= 2 && x.contains(' ') {
                        acronym.to_lowercase()
                    } else {
                        x.to_lowercase()
                    };
                    !x.is_empty()
                        && sent.match_indices(&x).any(|(i, _)| {
                            let before = sent.get(..i).and_then(|b| b.chars().next_back());
                            let after = sent.get(i + x.len()..).and_then(|r| r.chars().next());
                            !before.is_some_and(char::is_alphanumeric)
                                && !after.is_some_and(char::is_alphanumeric)
                        })
                })
            };
            let coreferent = headline && named_in_d;
            let sources_ok = a.sources.is_empty()
                || d.sources.is_empty()
                || a.sources == d.sources
                || coreferent;
            if !sources_ok {
                continue;
            }
            let dates_equal = a.as_of == d.as_of;
            let a_loose = matches!(a.as_of_from, AsOfFrom::Published | AsOfFrom::Statement);
            let d_loose = matches!(d.as_of_from, AsOfFrom::Published | AsOfFrom::Statement);
            let same_class = a.cand.group_class == d.cand.group_class;
            let one_unspecified =
                a.cand.group_class == "unspecified" || d.cand.group_class == "unspecified";
            let ok = if same_class {
                dates_equal || (a_loose && d_loose) || a.as_of_from == AsOfFrom::Published
            } else {
                // a headline's unnamed count restates the body's named one
                let loose_headline = headline
                    && a.cand.group_class == "unspecified"
                    && a.as_of_from == AsOfFrom::Published;
                one_unspecified && (dates_equal || loose_headline)
            };
            if !ok {
                continue;
            }
            if (a.sources.is_empty() || coreferent) && !d.sources.is_empty() {
                a.sources = d.sources.clone();
                a.claim = d.claim.clone();
            }
            if a.as_of_from == AsOfFrom::Published && d.as_of_from < AsOfFrom::Published {
                a.as_of = d.as_of.clone();
                a.as_of_from = d.as_of_from;
            }
            if a.place.is_none() {
                a.place = d.place.clone();
            }
            // "Troops killed scores" over "scores of protesters were killed": the restated
            // mention names who was counted
            if a.cand.group_text.is_empty() && !d.cand.group_text.is_empty() {
                a.cand.group_text = d.cand.group_text.clone();
                a.cand.group_class = d.cand.group_class;
            }
            a.hedged = a.hedged || d.hedged;
            continue 'next;
        }
        out.push(d);
    }
    out
}
