//! A figure stated twice for the same claim is one record.

use super::*;

pub(super) fn same_bounds(a: &Candidate, b: &Candidate) -> bool {
    a.metric == b.metric && a.low == b.low && a.high == b.high
}

/// One record per claim: a later mention with the same metric and bounds restating an
/// earlier one (or the earlier one restating an attributed later one) is folded into the
/// first mention, which takes the sources named anywhere for it.
pub(super) fn merge_restatements(doc: &Document, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    'next: for d in drafts {
        for a in out.iter_mut() {
            if a.seg == d.seg || !same_bounds(&a.cand, &d.cand) {
                continue;
            }
            let added = added_count(doc, &d) && !added_count(doc, a);
            if added || places_differ(doc, a, &d) {
                continue;
            }
            // "…kills 19, governor says" over "…, the regional governor, Ilya Brask, said":
            // the headline's speaker is named in the attributed sentence
            let headline =
                doc.layers.segments.get(a.seg).is_some_and(|s| {
                    matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading)
                });
            let named_in_d = !a.sources.is_empty()
                && !d.sources.is_empty()
                && sources_named_in(doc, &a.sources, d.sentence);
            let coreferent = headline && (named_in_d || origins_corefer(&a.sources, &d.sources));
            let sources_ok = a.sources.is_empty()
                || d.sources.is_empty()
                || a.sources == d.sources
                || origins_corefer(&a.sources, &d.sources)
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
            take_restatement(a, &d, coreferent);
            continue 'next;
        }
        out.push(d);
    }
    out
}

/// "Another two people died", "a further 40 were hurt", "seven more were found": a count
/// added to one given before, never a restatement of it (unless that one was itself added:
/// "captured three more" told twice).
fn added_count(doc: &Document, d: &Draft) -> bool {
    let (vs, ve) = (
        d.sentence.start() + d.cand.value_span.0,
        d.sentence.start() + d.cand.value_span.1,
    );
    let before = lower_before(doc, d.sentence, vs, 16);
    let value = doc.text.get(vs..ve).unwrap_or("");
    let first = value.split_whitespace().next().unwrap_or("");
    let last_before = before.split_whitespace().next_back().unwrap_or("");
    let after = doc.text.get(ve..d.sentence.end()).unwrap_or("");
    let first_after = after.split_whitespace().next().unwrap_or("");
    let added = |w: &str| {
        w.eq_ignore_ascii_case("another")
            || w.eq_ignore_ascii_case("further")
            || w.eq_ignore_ascii_case("additional")
    };
    added(last_before) || added(first) || first_after.eq_ignore_ascii_case("more")
}

/// "two people were killed in Arnholt" and "two people died in Besk": counts tied, each in
/// its own sentence, to different places of one rank (two towns, two countries) are two
/// figures. A town and its country can be one, and so can two sentences that both name
/// both places ("in Arnholt and Besk").
fn places_differ(doc: &Document, a: &Draft, d: &Draft) -> bool {
    let own = |x: &Draft| own_place(doc, x.sentence, x.span.start());
    match (own(a), own(d)) {
        (Some((ra, pa)), Some((rd, pd))) => {
            ra == rd
                && pa != pd
                && !doc.slice(a.sentence).contains(pd)
                && !doc.slice(d.sentence).contains(pa)
        }
        _ => false,
    }
}

/// "UN says" over "the UN refugee agency UNHCR said": every source of a headline is named,
/// as a whole word (or by its acronym), in the sentence.
fn sources_named_in(doc: &Document, sources: &[String], sentence: Span) -> bool {
    let sent = doc.slice(sentence).to_lowercase();
    sources.iter().all(|x| {
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
}

/// The first mention `a` takes what the restatement `d` adds: its sources, a finer date,
/// a place, the group it names, a hedge.
/// Two chains whose origins name the same body: equal but for case ("Police", "police"),
/// or every word of the shorter is in the longer ("Health Office" and "the Arn Office of
/// Health").
pub(super) fn origins_corefer(a: &[String], b: &[String]) -> bool {
    let (Some(x), Some(y)) = (a.first(), b.first()) else {
        return false;
    };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && !matches!(*w, "the" | "and" | "for"))
            .map(str::to_lowercase)
            .collect()
    };
    let (wx, wy) = (words(x), words(y));
    let (short, long) = if wx.len() <= wy.len() {
        (wx, wy)
    } else {
        (wy, wx)
    };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

fn take_restatement(a: &mut Draft, d: &Draft, coreferent: bool) {
    if (a.sources.is_empty() || coreferent) && !d.sources.is_empty() {
        a.sources = d.sources.clone();
        a.claim = d.claim.clone();
    }
    if a.as_of_from == AsOfFrom::Published && d.as_of_from < AsOfFrom::Published {
        a.as_of = d.as_of.clone();
        a.as_of_from = d.as_of_from;
        if a.period.is_none() {
            a.period = d.period.clone();
        }
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
}

#[cfg(test)]
mod tests {
    use super::origins_corefer;

    #[test]
    fn origins_naming_one_body_corefer() {
        let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(origins_corefer(&v(&["Police"]), &v(&["police"])));
        assert!(origins_corefer(
            &v(&["Health Office"]),
            &v(&["Arn Office of Health", "Harbour Wire"])
        ));
        assert!(!origins_corefer(
            &v(&["Health Office"]),
            &v(&["Relief Office"])
        ));
        assert!(!origins_corefer(&v(&[]), &v(&["police"])));
    }
}
