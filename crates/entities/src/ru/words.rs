//! The words of a Russian document's content segments, with byte offsets into the document
//! and what the rules ask of them (capitalised, in capitals, sentence-initial, in quotes).

use super::morph::key;
use newsledger_model::{Document, SegmentKind};

#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower case, ё as е.
    pub key: String,
    /// First letter upper case.
    pub cap: bool,
    /// Two or more letters, all upper case ("МЧС", "ХАБАРОВСК").
    pub upper: bool,
    /// Has a Cyrillic letter.
    pub cyrillic: bool,
    /// First word of its segment, or first after sentence punctuation in it.
    pub initial: bool,
    /// Index of the segment.
    pub seg: usize,
    /// The segment is a headline or subheading.
    pub heading: bool,
    /// The characters between the previous word (or the segment start) and this one.
    pub gap: &'a str,
}

impl Word<'_> {
    /// Opens a quotation: «, " or „ just before it.
    pub fn opens_quote(&self) -> bool {
        self.gap.trim_end().ends_with(['«', '"', '„', '“'])
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of every content segment, in order.
pub fn words_of(doc: &Document) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for (si, s) in doc.content_segments().enumerate() {
        let base = s.span.start();
        let Some(text) = doc.text.get(base..s.span.end()) else {
            continue;
        };
        let heading = matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading);
        let mut prev_end = 0;
        let mut initial = true;
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_word_char(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner = (d == '-' || d == '\'')
                    && text
                        .get(j + 1..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(is_word_char);
                if is_word_char(d) || inner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let w = &text[i..end];
            let gap = &text[prev_end..i];
            if gap.contains(['.', '!', '?', '\n', ':', '|', '/']) {
                initial = true;
            }
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            out.push(Word {
                start: base + i,
                end: base + end,
                text: w,
                key: key(w),
                cap: w.chars().next().is_some_and(char::is_uppercase),
                upper: letters >= 2 && w.chars().all(|c| !c.is_lowercase()),
                cyrillic: w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                initial,
                seg: si,
                heading,
                gap,
            });
            initial = false;
            prev_end = end;
        }
    }
    out
}
