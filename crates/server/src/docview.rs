//! The document view: a stored text cut into pieces, each piece tagged with the records
//! whose evidence covers it, so the page can wrap evidence in `<mark>` without doing any
//! offset arithmetic itself (the store's spans are UTF-8 byte offsets; the browser counts
//! UTF-16 units — cutting here keeps the two from ever disagreeing).
//!
//! The store keeps each record's evidence span as byte offsets into the stored text, and
//! its sentence as an exact slice of that text: the sentence marked is the occurrence that
//! holds the span, so a sentence repeated verbatim marks the right copy.

use newsledger_store::{ClaimRow, EntityRow, EventRow, FigureRow};
use serde::Serialize;

/// One evidence span of one record, in byte offsets of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    /// The record's id within the document (`f1`, `c2`, `v3`).
    pub rid: String,
    /// `sentence` (the evidence sentence / claim content) or `focus` (the number phrase of
    /// a figure, the trigger of an event) — the page shows the second more strongly.
    pub role: &'static str,
    pub start: usize,
    pub end: usize,
}

/// A run of text with the records that cover it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Piece {
    pub text: String,
    /// Records whose evidence sentence covers this run.
    pub refs: Vec<String>,
    /// Records whose focus (number phrase, trigger) covers this run.
    pub focus: Vec<String>,
}

/// The records of one text, with where each one's evidence was found.
#[derive(Debug, Clone, Serialize)]
pub struct Records {
    pub figures: Vec<FigureRow>,
    pub claims: Vec<ClaimRow>,
    pub events: Vec<EventRow>,
    pub entities: Vec<EntityRow>,
}

/// Locate `needle` in `text` at or after byte `from`; `None` when absent or empty.
fn locate(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let hay = text.get(from..)?;
    hay.find(needle)
        .map(|i| (from + i, from + i + needle.len()))
}

/// The stored span when it slices `text` (it always should; an edited or foreign store is
/// not trusted blindly).
fn checked(text: &str, [start, end]: [usize; 2]) -> Option<(usize, usize)> {
    (start < end && text.get(start..end).is_some()).then_some((start, end))
}

/// The occurrence of `sentence` that holds `span`; the first occurrence when none does.
fn sentence_around(
    text: &str,
    sentence: &str,
    span: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    if let Some((a, b)) = span {
        let mut from = 0;
        while let Some(s) = locate(text, sentence, from) {
            if s.0 <= a && b <= s.1 {
                return Some(s);
            }
            if s.0 > a {
                break;
            }
            from = s.0 + sentence.chars().next().map_or(1, char::len_utf8);
        }
    }
    locate(text, sentence, 0)
}

/// Every evidence span of the records that can be found in `text`, and the ids of records
/// whose evidence could not be found (reported, never silently dropped).
pub fn marks(text: &str, r: &Records) -> (Vec<Mark>, Vec<String>) {
    let mut out = Vec::new();
    let mut missing = Vec::new();
    let mut push = |rid: &str, role: &'static str, (start, end): (usize, usize)| {
        out.push(Mark {
            rid: rid.to_string(),
            role,
            start,
            end,
        })
    };
    for f in &r.figures {
        let span = checked(text, f.span);
        match (sentence_around(text, &f.sentence, span), span) {
            (Some(s), focus) => {
                push(&f.rid, "sentence", s);
                let focus = focus
                    .or_else(|| locate(text, &f.value.text, s.0))
                    .filter(|v| s.0 <= v.0 && v.1 <= s.1);
                if let Some(v) = focus {
                    push(&f.rid, "focus", v);
                }
            }
            (None, Some(v)) => push(&f.rid, "focus", v),
            (None, None) => missing.push(f.rid.clone()),
        }
    }
    for c in &r.claims {
        // Split quotes are stored joined by " … "; each part is its own span, searched
        // from the start of the claim's own span.
        let mut found = false;
        let mut from = checked(text, c.span).map_or(0, |s| s.0);
        for part in c.content.split(" … ") {
            if let Some(s) = locate(text, part, from) {
                push(&c.rid, "sentence", s);
                from = s.1;
                found = true;
            }
        }
        if !found {
            match checked(text, c.span) {
                Some(s) => push(&c.rid, "sentence", s),
                None => missing.push(c.rid.clone()),
            }
        }
    }
    for e in &r.events {
        let span = checked(text, e.span);
        match sentence_around(text, &e.sentence, span) {
            Some(s) => {
                push(&e.rid, "sentence", s);
                let from = span.map_or(s.0, |v| v.0.max(s.0));
                let trigger = locate(text, &e.trigger, from)
                    .filter(|t| t.1 <= s.1)
                    .or_else(|| locate(text, &e.trigger, s.0).filter(|t| t.1 <= s.1));
                if let Some(t) = trigger {
                    push(&e.rid, "focus", t);
                }
            }
            None => missing.push(e.rid.clone()),
        }
    }
    (out, missing)
}

/// Cut `text` at every mark boundary; each piece lists the records covering it.
pub fn pieces(text: &str, marks: &[Mark]) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        cuts.push(m.start);
        cuts.push(m.end);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let Some(t) = text.get(a..b) else { continue };
        let covering = |role: &str| -> Vec<String> {
            let mut ids: Vec<String> = marks
                .iter()
                .filter(|m| m.role == role && m.start <= a && b <= m.end)
                .map(|m| m.rid.clone())
                .collect();
            ids.dedup();
            ids
        };
        let refs = covering("sentence");
        let focus = covering("focus");
        match out.last_mut() {
            Some(p) if p.refs == refs && p.focus == focus => p.text.push_str(t),
            _ => out.push(Piece {
                text: t.to_string(),
                refs,
                focus,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(rid: &str, role: &'static str, start: usize, end: usize) -> Mark {
        Mark {
            rid: rid.into(),
            role,
            start,
            end,
        }
    }

    #[test]
    fn pieces_cover_the_text_exactly() {
        let text = "Crowds gathered. Guards held 12 men — “no comment”, said Łukasz.";
        let s = text.find("Guards").unwrap();
        let n = text.find("12 men").unwrap();
        let ms = vec![
            mark("f1", "sentence", s, text.len()),
            mark("f1", "focus", n, n + "12 men".len()),
            mark("c1", "sentence", text.find('“').unwrap(), text.len()),
        ];
        let ps = pieces(text, &ms);
        let joined: String = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        assert!(ps
            .iter()
            .any(|p| p.text == "12 men" && p.focus == vec!["f1"]));
        assert!(ps
            .iter()
            .any(|p| p.refs == vec!["f1".to_string(), "c1".to_string()]));
        assert_eq!(ps.first().map(|p| p.refs.is_empty()), Some(true));
    }

    #[test]
    fn a_repeated_sentence_marks_the_copy_that_holds_the_span() {
        let text = "Police said two died. Later: Police said two died. End.";
        let second = text.rfind("Police").unwrap();
        let span = Some((second + 12, second + 15));
        assert_eq!(
            sentence_around(text, "Police said two died.", span),
            Some((second, second + 21))
        );
        // Without a span, or with one outside every copy, the first copy is marked.
        assert_eq!(
            sentence_around(text, "Police said two died.", None),
            Some((0, 21))
        );
        assert_eq!(
            sentence_around(text, "Police said two died.", Some((52, 54))),
            Some((0, 21))
        );
        assert_eq!(checked(text, [5, 400]), None);
        assert_eq!(checked("ŁŁ", [1, 2]), None);
    }

    #[test]
    fn bad_marks_never_panic() {
        let text = "ŁŁŁ";
        let ms = vec![mark("x", "sentence", 1, 99), mark("y", "focus", 5, 2)];
        let ps = pieces(text, &ms);
        let joined: String = ps.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(locate(text, "", 0), None);
        assert_eq!(locate(text, "Ł", 1), None);
    }
}
