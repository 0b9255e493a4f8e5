//! Who reported a figure: the claim's source chain, cleaned names, fallbacks when there is
//! no claim ("according to"), a body that counted the figure itself, the publisher.

use super::source_context::{is_generic, place_speaker};
use super::words::{context_word, ContextWord};
use super::*;

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
pub(super) fn strip_title(s: &str) -> &str {
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

pub(super) fn chain_of(claim: &Claim) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // A claim that names no source gives no origin.
    let Some(speaker) = &claim.speaker else {
        return out;
    };
    let links = std::iter::once((&speaker.text, &speaker.name))
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
pub(super) fn more_specific(text: &str, name: &str) -> String {
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
    if proper_name_holding(&t, name) {
        return t;
    }
    name.to_string()
}

/// "the Velm Observatory for Civil Rights" resolved to "Civil Rights", "Doctors of Arn
/// in Tesh" resolved to "Tesh": a written proper name that holds the resolved name as a
/// part is the fuller name of the body.
fn proper_name_holding(text: &str, name: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let connector = |w: &&str| matches!(*w, "of" | "for" | "the" | "and" | "on" | "in");
    words.len() >= 2
        && text.len() > name.len()
        && !name.is_empty()
        && text.contains(name)
        && words.first().is_some_and(cap)
        && words.last().is_some_and(cap)
        && words.iter().all(|w| cap(w) || connector(w))
        && words.iter().filter(|w| connector(w)).count() >= 1
}

/// The lower-cased possessor of "the mayor's office" ("mayor"), if the phrase has one.
pub(super) fn possessor_word(text: &str) -> Option<String> {
    let l = text.to_lowercase();
    let i = l.find("'s ").or_else(|| l.find("’s "))?;
    let head = l.get(..i)?;
    let w = head.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    (w.len() > 2 && !matches!(w, "country" | "nation" | "city" | "state" | "region"))
        .then(|| w.to_string())
}

/// A claim that reports rather than takes a stance ("pointed out that 40 died" reports the
/// count; the claims lexicon says so).
pub(super) fn reports(c: &Claim) -> bool {
    !newsledger_claims::is_stance(c)
}

/// The claim whose content holds the figure (innermost when claims nest).
pub(super) fn claim_for<'d>(doc: &'d Document, ix: &ClaimIndex, span: Span) -> Option<&'d Claim> {
    ix.claim_for(doc, span)
}

/// The claim a figure belongs to: the claim holding it, else a parenthetical report before
/// it in its sentence ("A gunman opened fire, police said, killing 12"); never a "claimed
/// N lives" read as speech.
pub(super) fn claim_of_figure<'d>(
    doc: &'d Document,
    ix: &ClaimIndex,
    span: Span,
    sentence: Span,
) -> Option<&'d Claim> {
    claim_for(doc, ix, span)
        .or_else(|| parenthetical_claim(doc, ix, span, sentence))
        .or_else(|| super::teller::quote_told(doc, span, sentence))
        .filter(|c| !claims_lives(doc, c))
}

/// ", police said, killing 12": a claim whose cue sits before the figure in the same
/// sentence, set off by commas, with its content before the speaker.
fn parenthetical_claim<'d>(
    doc: &'d Document,
    ix: &ClaimIndex,
    span: Span,
    sentence: Span,
) -> Option<&'d Claim> {
    let claims = &doc.layers.claims;
    let in_sentence = ix.cues_in_rev(sentence).into_iter();
    in_sentence.filter_map(|i| claims.get(i)).find(|c| {
        let cue = c.cue.span;
        let content_before = c
            .speaker_span()
            .is_some_and(|s| c.content.iter().all(|x| x.end() <= s.start()));
        let gap = doc.text.get(cue.end()..span.start()).unwrap_or(";");
        sentence.contains(cue)
            && cue.end() <= span.start()
            && content_before
            && !c.content.is_empty()
            && gap.starts_with(',')
            && gap.len() < 40
            && !gap.contains([';', '.', '"', '“', '”'])
    })
}

/// "The storm claimed 40 lives": "claimed" counts, it does not report.
fn claims_lives(doc: &Document, c: &Claim) -> bool {
    if !c.cue.text.to_lowercase().starts_with("claim") {
        return false;
    }
    c.content.first().is_some_and(|x| {
        doc.slice(*x).split_whitespace().take(5).any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphabetic()),
                "lives" | "life"
            )
        })
    })
}

/// "denied claims by rights groups that some 900 were held": the count is the claim of the
/// body after "claims by", not of the one who mentions it.
pub(super) fn reported_by(doc: &Document, c: &Claim, span: Span) -> Option<String> {
    let start = c.content.iter().find(|x| x.contains(span))?.start();
    let text = doc.text.get(start..span.start())?;
    let low = text.to_lowercase();
    let (k, cue) = [
        "claims by ",
        "claim by ",
        "reports by ",
        "allegations by ",
        "claims from ",
    ]
    .iter()
    .find_map(|cue| low.find(cue).map(|k| (k, cue.len())))?;
    let rest = text.get(k + cue..)?;
    let end = rest.find(" that ")?;
    match named(rest.get(..end)?)? {
        Attribution::Named(x) => Some(x),
        _ => None,
    }
}

/// Without a claims layer: "according to X" or a closing ", X said." in the sentence.
pub(super) fn fallback_sources(sentence: &str) -> Vec<String> {
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

/// When the publisher is not a news outlet (a rights group's bulletin, a ministry's
/// release), figures it states in its own voice are its own claims.
pub(super) fn publisher_source(doc: &Document) -> Option<String> {
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

pub(super) fn chains_corefer(a: &[String], b: &[String]) -> bool {
    (a.is_empty() && b.is_empty()) || a.iter().any(|x| b.contains(x))
}

/// "the ministry counted 310,000 demonstrators", "the agency has recorded more than 600
/// deaths": a body that counted the figure itself, named right before the counting verb.
pub(super) fn counter_of(doc: &Document, sentence: Span, span: Span) -> Option<String> {
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

/// A draft's sources: the claim's chain, else the sentence's own attribution; a body that
/// counted it; the same sentence's earlier toll's source; the toll's possessor; without
/// the report's own voice; else the publisher. `same_sentence` are the drafts before it in
/// its sentence.
pub(super) fn sources_for(
    doc: &Document,
    same_sentence: &[Draft],
    d: &mut Draft,
    claim: Option<&Claim>,
) {
    let seg = d.sentence;
    if let Some(cl) = claim {
        d.claim = Some(cl.id.clone());
        d.sources = chain_of(cl);
        if let Some(t) = super::teller::teller(doc, cl, seg) {
            // "…,” Dara Vell, an official, told AFP": the teller first, the outlet after
            d.sources.insert(0, t);
        }
        place_speaker(doc, cl, &mut d.sources);
        if let Some(x) = reported_by(doc, cl, d.span) {
            d.sources = vec![x];
        }
        if d.sources.first().is_some_and(|o| bare_pronoun(o)) {
            // "They said 56 of them died": the speaker is named before
            d.sources.clear();
            d.pronoun_source = true;
        }
    } else if doc.layers.claims.is_empty() {
        d.sources = fallback_sources(doc.slice(seg));
    }
    if claim.is_none() && d.sources.is_empty() {
        if let Some(src) = counter_of(doc, seg, d.span) {
            d.sources = vec![src];
        }
    }
    // a headline's source comes from the body sentence it restates
    let headline = doc
        .layers
        .segments
        .get(d.seg)
        .is_some_and(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading));
    if claim.is_none() && d.sources.is_empty() && !headline {
        let rel = (
            d.span.start().saturating_sub(seg.start()),
            d.span.end().saturating_sub(seg.start()),
        );
        let skip = claim_cues_in(doc, seg);
        match sentence_attribution_skipping(doc.slice(seg), rel, &skip) {
            Attribution::Named(s) => d.sources = vec![s],
            Attribution::Pronoun => d.pronoun_source = true,
            Attribution::None => {}
        }
    }
    if claim.is_none() && d.sources.is_empty() && headline {
        // "Nine dead in pier collapse – coastguard"
        if let Some(s) = headline_credit(doc.slice(seg)) {
            d.sources = vec![s];
        }
    }
    if claim.is_none() && d.cand.shape == "toll-link-count" {
        // "rose to 41, the ministry said, up from 31": the earlier toll of the same
        // sentence comes from the same source
        if let Some(p) = same_sentence.iter().rev().find(|p| p.claim.is_some()) {
            d.claim = p.claim.clone();
            d.sources = p.sources.clone();
        }
    }
    if claim.is_none() {
        possessor_source(doc, d);
    }
    d.sources = own_voice_filter(doc, std::mem::take(&mut d.sources));
    if let Some(cl) = claim.filter(|_| d.sources.is_empty() && !d.pronoun_source) {
        // "the agency said" resolved to the wire service publishing the report: a wire
        // does not call itself "the agency", the description names another body
        let written = clean_source(cl.speaker_text());
        if is_generic(&written) {
            d.sources = vec![written];
        }
    }
    d.sources = named_over_generic(std::mem::take(&mut d.sources));
    // "unconfirmed reports" is a hedge, not a source; "the latest" names no one
    d.sources.retain(|x| {
        !names_no_one(x)
            && !matches!(
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
}

/// A speaker left as a pronoun or demonstrative ("They", "This"): it names no one itself.
fn bare_pronoun(s: &str) -> bool {
    matches!(
        s.to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "this" | "that" | "these" | "those"
    )
}

/// A source of only words that never name a source ("latest", "the new").
fn names_no_one(s: &str) -> bool {
    let mut words = s
        .split_whitespace()
        .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
        .peekable();
    words.peek().is_some() && words.all(|w| context_word(w) == Some(ContextWord::NoSource))
}

/// The cues (sentence-relative) of the claims the claims layer read in this sentence; none
/// of them holds the figure, so their verbs are not its attribution.
fn claim_cues_in(doc: &Document, sentence: Span) -> Vec<(usize, usize)> {
    doc.layers
        .claims
        .iter()
        .filter(|c| sentence.contains(c.cue.span) && !claims_lives(doc, c))
        .map(|c| {
            (
                c.cue.span.start() - sentence.start(),
                c.cue.span.end() - sentence.start(),
            )
        })
        .collect()
}

/// "the Health Ministry's latest toll": the owner of the toll phrase is its first source;
/// "Talvaria's toll" names a place, not a source.
fn possessor_source(doc: &Document, d: &mut Draft) {
    let Some((a, b)) = d.cand.possessor else {
        return;
    };
    let seg = d.sentence;
    let ps = Span::new(seg.start() + a, seg.start() + b);
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

/// The named body beats a generic noun for the same statement: "the ministry's press
/// service" is the ministry; "a statement", "the state-run broadcaster" or "local TV" give
/// way to a named source in the same chain; a chain of generic nouns only is kept.
pub(super) fn named_over_generic(chain: Vec<String>) -> Vec<String> {
    let owned: Vec<String> = chain.into_iter().map(|s| relay_owner(&s)).collect();
    let named = owned.iter().filter(|s| !is_generic_relay(s)).count();
    let mut out: Vec<String> = Vec::new();
    for s in owned {
        if named > 0 && is_generic_relay(&s) {
            continue;
        }
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// "Interior Ministry's press service" → "Interior Ministry": the owner of a relay noun.
fn relay_owner(s: &str) -> String {
    for sep in ["'s ", "’s ", "s' "] {
        if let Some((owner, rest)) = s.split_once(sep) {
            let rest_l = rest.to_lowercase();
            let relay = [
                "press service",
                "press office",
                "press secretary",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "statement",
                "website",
                "telegram channel",
                "official channel",
                "media office",
                "information department",
                "press centre",
                "press center",
            ]
            .iter()
            .any(|r| rest_l == *r || rest_l.strip_prefix("official ") == Some(r));
            if relay && !owner.trim().is_empty() {
                return clean_source(owner);
            }
        }
    }
    s.to_string()
}

/// A source noun that names no one: a statement, a press service, local or state media.
fn is_generic_relay(s: &str) -> bool {
    let l = s.to_lowercase();
    let l = l.trim_start_matches("a ").trim_start_matches("the ");
    matches!(
        l,
        "statement"
            | "written statement"
            | "joint statement"
            | "press service"
            | "press release"
            | "press office"
            | "local tv"
            | "local television"
            | "local media"
            | "state media"
            | "state-run media"
            | "state tv"
            | "state television"
            | "state-run television"
            | "state-run tv"
            | "state broadcaster"
            | "state-run broadcaster"
            | "public broadcaster"
            | "broadcaster"
            | "news agency"
            | "state news agency"
            | "state-run news agency"
            | "media reports"
            | "local news outlets"
    )
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).

    #[test]
    fn sources_lose_titles_timestamps_and_generic_possessives() {
        use super::clean_source;
        assert_eq!(clean_source("Deputy Sheriff Mara Quint"), "Mara Quint");
        assert_eq!(clean_source("Rear Admiral Tove Lind"), "Tove Lind");
        assert_eq!(clean_source("the governor"), "governor");
        assert_eq!(clean_source("14:05 Port authorities"), "Port authorities");
        assert_eq!(
            clean_source("the nation's flood control office"),
            "flood control office"
        );
        assert_eq!(clean_source("accounts from passengers"), "passengers");
    }

    proptest::proptest! {
        #[test]
        fn source_cleaning_never_panics(s in "\\PC{0,60}") {
            let _ = super::clean_source(&s);
        }
    }

    #[test]
    fn a_named_body_beats_a_generic_noun_for_the_same_statement() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            super::named_over_generic(v(&["Emergencies Ministry's press service"])),
            v(&["Emergencies Ministry"])
        );
        assert_eq!(
            super::named_over_generic(v(&["statement", "Harbour Police"])),
            v(&["Harbour Police"])
        );
        assert_eq!(
            super::named_over_generic(v(&["health ministry", "state-run broadcaster"])),
            v(&["health ministry"])
        );
        assert_eq!(
            super::named_over_generic(v(&["local TV", "Channel Nine"])),
            v(&["Channel Nine"])
        );
        // only generic nouns: kept as written
        assert_eq!(
            super::named_over_generic(v(&["local TV"])),
            v(&["local TV"])
        );
        // sources that are not relays stay
        assert_eq!(
            super::named_over_generic(v(&["security sources", "Valley Times"])),
            v(&["security sources", "Valley Times"])
        );
        assert_eq!(
            super::named_over_generic(v(&["the governor's spokesman"])),
            v(&["governor"])
        );
    }

    #[test]
    fn a_pronoun_speaker_names_no_one_itself() {
        assert!(super::bare_pronoun("They"));
        assert!(super::bare_pronoun("this"));
        assert!(!super::bare_pronoun("Theyra Council"));
    }

    #[test]
    fn an_adjective_read_as_a_speaker_names_no_one() {
        assert!(super::names_no_one("latest"));
        assert!(super::names_no_one("the latest"));
        assert!(!super::names_no_one("latest police"));
        assert!(!super::names_no_one("the"));
        assert!(!super::names_no_one("coast guard"));
    }
}
