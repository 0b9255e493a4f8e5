//! The report's own voice: sources that are the outlet itself, and figures a later
//! sentence disowns.

use super::*;

/// The outlet's own staff ("a CWS reporter saw", "FPA reporters at the scene", "a list
/// compiled by the Courier") are the report's own voice, not a source.
pub(super) fn own_voice_filter(doc: &Document, sources: Vec<String>) -> Vec<String> {
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

/// A sentence that disowns the figures just before it ("The figures could not be
/// independently verified.").
pub(super) fn disowns_previous(sentence: &str) -> bool {
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

pub(super) fn disowned(doc: &Document, drafts: &mut [Draft]) {
    // sorted, for a binary search per figure (a scan per figure was quadratic on long lists)
    let mut with_figures: Vec<usize> = drafts.iter().map(|d| d.seg).collect();
    with_figures.sort_unstable();
    with_figures.dedup();
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
            if with_figures.binary_search(&n).is_ok() {
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

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).

    #[test]
    fn a_disclaimer_that_names_an_owner_covers_only_its_figures() {
        use super::owner_matches;
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let s = "The union's figures could not be confirmed.";
        assert!(owner_matches(s, &v(&["Union leaders"])));
        assert!(!owner_matches(s, &v(&["interior ministry"])));
        assert!(!owner_matches(s, &[]));
        let s = "The rebels’ claims could not be independently verified.";
        assert!(owner_matches(s, &v(&["rebel commanders"])));
        assert!(!owner_matches(s, &v(&["army"])));
        // no owner named, or the owner is the figure itself or a day: covers every figure
        assert!(owner_matches(
            "Neither figure could be verified.",
            &v(&["army"])
        ));
        assert!(owner_matches(
            "The toll's accuracy could not be verified.",
            &v(&["army"])
        ));
        assert!(owner_matches(
            "Monday's figure could not be confirmed.",
            &[]
        ));
    }
}
