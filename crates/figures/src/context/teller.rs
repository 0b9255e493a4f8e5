//! A quotation closed and then credited as "…,” Name, title, told <outlet>": the one who
//! told is the source and the outlet told only relays it, even when the claims layer took
//! the outlet after "told" for the speaker.

use newsledger_model::{Claim, Document, Span};

/// The closing quotation marks a teller's quote ends with.
const CLOSING: [char; 2] = ['”', '"'];

/// A "told" claim whose speaker is the addressee after the cue ("told AFP").
fn told_an_outlet(c: &Claim) -> bool {
    c.cue.lemma == "tell"
        && c.speaker_span()
            .is_some_and(|s| s.start() >= c.cue.span.end())
}

/// The teller written between the closing quote and "told", up to its first comma:
/// "Dara Vell" in "…,” Dara Vell, a district official, told AFP". `None` when no quote
/// closes before the cue in the sentence or the words there are no name or pronoun.
pub(super) fn teller(doc: &Document, c: &Claim, sentence: Span) -> Option<String> {
    if !told_an_outlet(c) || !sentence.contains(c.cue.span) {
        return None;
    }
    let before = doc.text.get(sentence.start()..c.cue.span.start())?;
    let q = before.rfind(CLOSING)?;
    let after = before.get(q..)?.trim_start_matches(CLOSING);
    let after = after.trim_start_matches([',', ' ']).trim_end();
    let name = after.split(',').next()?.trim();
    let words = name.split_whitespace().count();
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    let pronoun = matches!(name, "he" | "she" | "they" | "it");
    ((1..=6).contains(&words) && (capital || pronoun)).then(|| name.to_string())
}

/// The "told" claim crediting a quotation that holds the figure: its cue comes after the
/// figure in the same sentence, with the quotation closing between them.
pub(super) fn quote_told(doc: &Document, span: Span, sentence: Span) -> Option<&Claim> {
    doc.layers.claims.iter().find(|c| {
        let cue = c.cue.span;
        told_an_outlet(c)
            && sentence.contains(cue)
            && cue.start() >= span.end()
            && doc
                .text
                .get(span.end()..cue.start())
                .is_some_and(|gap| gap.contains(CLOSING) && gap.len() < 160)
    })
}
