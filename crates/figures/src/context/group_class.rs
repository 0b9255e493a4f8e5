//! Group classes decided by the words around a figure rather than its counted noun: people
//! held, hurt or charged for protesting are protesters; "two of which", "one of them" count
//! the group named before them in the sentence.

use super::as_of::clause_of;
use super::words::{context_word, ContextWord};
use super::*;
use crate::lexicon::LEX;

/// Counted nouns that name no one in particular ("people", "individuals", none at all).
fn plain_people(group_text: &str) -> bool {
    let t = group_text.trim().to_lowercase();
    let head = t.rsplit(' ').next().unwrap_or("");
    t.is_empty() || matches!(head, "people" | "persons" | "individuals" | "others")
}

/// "1,100 people detained for protesting", "charged over the riots", "hurt while taking part
/// in the march": plain people counted as detained, injured or charged in a clause that
/// names a protest are protesters.
pub(super) fn protest_clause(doc: &Document, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let c = &d.cand;
        if c.group_class != "unspecified"
            || !matches!(c.metric, "detained" | "injured" | "charged")
            || !plain_people(&c.group_text)
        {
            continue;
        }
        let clause = clause_of(doc, d.sentence, d.span);
        let after = doc.text.get(d.span.end()..clause.end()).unwrap_or("");
        if protest_follows(after) {
            d.cand.group_class = "protesters";
        }
    }
}

/// A protest the count took part in, named close after it (14 words) and tied to it by a
/// word of taking part ("detained for protesting", "hurt during the rallies", "held for
/// taking part in the march"). A protest that only came before or around the count ("after
/// the riots", "when marchers clashed with police", "charged with rioting") says nothing
/// about who was counted; nor does a capitalised word ("since March 19").
fn protest_follows(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(14).collect();
    words.iter().enumerate().any(|(k, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.chars().all(|c| !c.is_uppercase());
        let tied = words
            .get(k.saturating_sub(3)..k)
            .unwrap_or(&[])
            .iter()
            .any(|p| {
                matches!(
                    p.trim_matches(|c: char| !c.is_alphanumeric()),
                    "for"
                        | "during"
                        | "in"
                        | "at"
                        | "amid"
                        | "over"
                        | "since"
                        | "part"
                        | "participating"
                        | "joining"
                )
            });
        lower && tied && context_word(w) == Some(ContextWord::Protest)
    })
}

/// "Twelve officers were hurt, two of which remain in hospital"; "they attacked the patrol
/// and killed one of them": a count of "them/which/whom" with no noun takes the group of
/// the nearest group noun before it in its sentence.
pub(super) fn of_them_in_sentence(doc: &Document, d: &mut Draft) {
    if !d.cand.group_text.is_empty() {
        return;
    }
    let rel_end = d.cand.value_span.1;
    let after = doc.text.get(d.sentence.start() + rel_end..).unwrap_or("");
    if ![" of them", " of which", " of whom", " of those"]
        .iter()
        .any(|k| after.starts_with(k))
    {
        return;
    }
    let before = doc
        .text
        .get(d.sentence.start()..d.sentence.start() + d.cand.value_span.0)
        .unwrap_or("");
    let toks = crate::tokens::tokenize(before);
    // an object ("attacked the patrol", "139 officers"), not the sentence's subject
    // ("Police detained 15 of them")
    let object = |start: usize| {
        start >= 2
            && toks.get(start - 1).is_some_and(|t| {
                matches!(t.lower.as_ref(), "the" | "these" | "those" | "their")
                    || t.text.chars().all(|c| c.is_ascii_digit() || c == ',')
            })
    };
    let found = (0..toks.len()).rev().find_map(|k| {
        let (start, class) = LEX.groups.longest_ending_at(&toks, k + 1)?;
        if !object(start) {
            return None;
        }
        let (a, b) = (toks.get(start)?.start, toks.get(k)?.end);
        Some((before.get(a..b)?.to_string(), *class))
    });
    if let Some((text, class)) = found {
        d.cand.group_text = text;
        d.cand.group_class = class;
    }
}

/// "300 rescue workers were sent", "45 medical staff were deployed": staff sent to a crisis
/// are counted as a crew, not as civilians against fighters; the crew's class is unspecified.
pub(super) fn deployed_staff(drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        if d.cand.metric == "deployed" && d.cand.group_class == "civilians" {
            d.cand.group_class = "unspecified";
        }
    }
}

/// "rescued 26 kidnapped people", "the seven abducted persons", "31 travellers
/// kidnapped on the highway": people taken by force and counted as freed, held, missing or
/// killed are civilians when their noun names no one in particular.
pub(super) fn captives(doc: &Document, drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let c = &d.cand;
        if c.group_class != "unspecified"
            || !matches!(c.metric, "rescued" | "detained" | "missing" | "killed")
        {
            continue;
        }
        let span_text = doc.slice(d.span);
        let after = doc.text.get(d.span.end()..d.sentence.end()).unwrap_or("");
        let captive = span_text
            .split_whitespace()
            .chain(after.split_whitespace().take(2))
            .any(|w| context_word(w) == Some(ContextWord::Captive));
        if captive {
            d.cand.group_class = "civilians";
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_people, protest_follows};

    #[test]
    fn a_protest_named_close_after_the_count() {
        assert!(protest_follows(
            " were detained for protesting against the vote"
        ));
        assert!(protest_follows(" have been hurt during the rallies"));
        assert!(!protest_follows(
            " injured after 300 marchers clashed with police"
        ));
        assert!(protest_follows(
            " held for taking part in the march on the bridge"
        ));
        assert!(!protest_follows(
            " arrested after a night of rioting in the port"
        ));
        assert!(!protest_follows(" charged with rioting"));
        assert!(!protest_follows(" hurt when police and protesters clashed"));
        assert!(!protest_follows(" have been detained since March 19"));
        assert!(!protest_follows(
            " were held at the border on charges of smuggling goods by night across the river, weeks before the protests"
        ));
    }

    #[test]
    fn plain_people_name_no_one_in_particular() {
        assert!(plain_people("people"));
        assert!(plain_people(""));
        assert!(plain_people("other individuals"));
        assert!(!plain_people("police officers"));
    }
}
