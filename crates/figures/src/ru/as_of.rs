//! The day a Russian figure holds as of: the date after "по состоянию на"; else a day named
//! in its sentence (the day it describes or the statement's day); else a "по состоянию на"
//! date of an earlier sentence of the same paragraph; else a day the sentence before it in
//! the paragraph named; else the publication day. A week,
//! month or year in the sentence is its `period`, never its `as_of`.

use super::lexicon::LEX;
use newsledger_model::{Document, Span};

/// The as-of date an earlier sentence set with "по состоянию на", the day the sentence
/// before named, and their paragraph.
#[derive(Default)]
pub struct Carry {
    para: Option<usize>,
    day: Option<String>,
    named: Option<String>,
}

pub struct Dates {
    pub as_of: Option<String>,
    pub period: Option<String>,
}

/// The day of a TIMEX3 value that names one ("2031-03-06", "2031-03-06TEV").
fn day_of(value: &str) -> Option<String> {
    let d = value.get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    ok.then(|| d.to_string())
}

fn paragraph_of(doc: &Document, at: usize) -> Option<usize> {
    doc.layers
        .paragraphs
        .iter()
        .position(|p| p.start() <= at && at < p.end().max(p.start() + 1))
}

/// True when the text before byte `at` ends with "по состоянию на".
fn after_as_of_cue(doc: &Document, at: usize) -> bool {
    let from = floor(&doc.text, at.saturating_sub(48));
    let before = doc.text.get(from..at).unwrap_or("").to_lowercase();
    before.trim_end().ends_with("по состоянию на")
}

/// The largest char boundary of `s` at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when a day the sentence before named may hold for this sentence: it is at most a
/// week before publication (not background history), and the sentence gives no running
/// total ("к настоящему моменту", "превысило").
fn narrative_day(doc: &Document, sentence: Span, day: &str) -> bool {
    let recent = doc.meta.published.is_none_or(|p| {
        let week_before = (0..7).try_fold(p, |d, _| d.pred_opt()).unwrap_or(p);
        let (from, to) = (
            week_before.format("%Y-%m-%d").to_string(),
            p.format("%Y-%m-%d").to_string(),
        );
        from.as_str() <= day && day <= to.as_str()
    });
    let lc = doc.slice(sentence).to_lowercase();
    let cumulative = lc
        .split(|c: char| !c.is_alphabetic())
        .any(|w| LEX.in_context("cumulative", w));
    recent && !cumulative
}

pub fn of_sentence(doc: &Document, sentence: Span, carry: &mut Carry) -> Dates {
    let para = paragraph_of(doc, sentence.start());
    if carry.para != para {
        *carry = Carry {
            para,
            day: None,
            named: None,
        };
    }
    let inside = doc
        .layers
        .timexes
        .iter()
        .filter(|t| sentence.contains(t.span));
    let mut named: Option<String> = None;
    let mut period: Option<String> = None;
    for t in inside {
        match day_of(&t.value) {
            Some(d) if after_as_of_cue(doc, t.span.start()) => {
                carry.day = Some(d.clone());
                return Dates {
                    as_of: Some(d),
                    period: None,
                };
            }
            Some(d) => {
                named.get_or_insert(d);
            }
            None if t.value.starts_with(|c: char| c.is_ascii_digit()) => {
                period.get_or_insert(t.value.clone());
            }
            None => {}
        }
    }
    let published = doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string());
    // A narrative goes on in the day its sentence before named: "Вечером 29 октября
    // начались беспорядки. Сотни людей прорвались …".
    let before = carry
        .named
        .take()
        .filter(|d| narrative_day(doc, sentence, d));
    carry.named.clone_from(&named);
    let as_of = named.or_else(|| carry.day.clone()).or(before).or(published);
    Dates { as_of, period }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_values() {
        assert_eq!(day_of("2031-03-06TEV").as_deref(), Some("2031-03-06"));
        assert_eq!(day_of("2031-W09"), None);
        assert_eq!(day_of("PAST_REF"), None);
    }
}
