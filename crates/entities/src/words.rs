//! A word-level view of one segment's tokens, with the facts the name rules ask about
//! every word: capitalised? possessive? first word of its sentence?

use crate::lexicon;
use newsledger_model::{Document, SegmentKind, Span, TokenKind};

#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// The word without a possessive ending ("Kazakhstan" for "Kazakhstan’s").
    pub text: &'a str,
    /// Span of `text`.
    pub span: Span,
    pub poss: bool,
    pub lower: String,
    /// Starts with an upper-case letter (or is an "al-Assad"-style particle name).
    pub cap: bool,
    /// Two or more letters, all upper case ("CNN", "TASS").
    pub upper: bool,
    pub is_word: bool,
    pub is_num: bool,
    /// First word of a sentence or of a quotation: its capital says nothing.
    pub start: bool,
}

impl Word<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn is_punct(&self, s: &str) -> bool {
        !self.is_word && !self.is_num && self.text == s
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "(" | "«" | "—" | "–" | ":")
}

fn strip_possessive(t: &str) -> Option<&str> {
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(core) = t.strip_suffix(suf) {
            if !core.is_empty() {
                return Some(core);
            }
        }
    }
    None
}

/// The words of a segment. Abbreviated titles keep their period ("Gen.", "Mr.").
pub fn words_of<'a>(doc: &'a Document, seg: Span, kind: SegmentKind) -> Vec<Word<'a>> {
    let toks = doc.tokens_in(seg);
    let mut out: Vec<Word<'a>> = Vec::with_capacity(toks.len());
    let headline = matches!(kind, SegmentKind::Headline | SegmentKind::Subheading);
    let mut skip_next = false;
    for (i, t) in toks.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let Some(raw) = doc.text.get(t.span.start()..t.span.end()) else {
            continue;
        };
        let mut span = t.span;
        let mut text = raw;
        let mut poss = false;
        if t.kind == TokenKind::Word {
            if let Some(core) = strip_possessive(raw) {
                text = core;
                span = Span::new(t.span.start(), t.span.start() + core.len());
                poss = true;
            } else if let Some(next) = toks.get(i + 1) {
                // "Mr." / "Gen." are one word when the lexicon knows them with the period.
                if next.span.start() == t.span.end()
                    && doc.text.get(next.span.start()..next.span.end()) == Some(".")
                {
                    let with = format!("{}.", raw.to_lowercase());
                    if lexicon::ROLE.contains_key(with.as_str()) {
                        if let Some(tx) = doc.text.get(t.span.start()..next.span.end()) {
                            text = tx;
                            span = Span::new(t.span.start(), next.span.end());
                            skip_next = true;
                        }
                    }
                }
            }
        }
        let is_word = t.kind == TokenKind::Word;
        let mut chars = text.chars();
        let first = chars.next().unwrap_or(' ');
        let particle_name = is_word
            && ["al-", "el-", "Al-", "El-", "bin-", "ibn-"]
                .iter()
                .any(|p| text.starts_with(p) && text[p.len()..].starts_with(char::is_uppercase));
        let cap = is_word && (first.is_uppercase() || particle_name);
        let (letters, all_upper) = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .fold((0usize, true), |(n, all), c| {
                (n + 1, all && c.is_uppercase())
            });
        let upper = is_word && letters >= 2 && all_upper;
        let prev = out.last();
        let start = headline
            || match prev {
                None => true,
                Some(p) => !p.is_word && !p.is_num && is_open_quote(p.text),
            };
        out.push(Word {
            text,
            span,
            poss,
            lower: if text.is_ascii() {
                text.to_ascii_lowercase()
            } else {
                text.to_lowercase()
            },
            cap,
            upper,
            is_word,
            is_num: t.kind == TokenKind::Number,
            start,
        });
    }
    out
}

/// Text of words `a..b` as written in the document (from the first word's start to the
/// last word's core end).
pub fn text_of<'a>(doc: &'a Document, w: &[Word<'_>], a: usize, b: usize) -> &'a str {
    match (w.get(a), b.checked_sub(1).and_then(|l| w.get(l))) {
        (Some(x), Some(y)) if x.span.start() <= y.span.end() => {
            doc.text.get(x.span.start()..y.span.end()).unwrap_or("")
        }
        _ => "",
    }
}

pub fn span_of(w: &[Word<'_>], a: usize, b: usize) -> Option<Span> {
    let x = w.get(a)?;
    let y = w.get(b.checked_sub(1)?)?;
    Some(Span::new(x.span.start(), y.span.end()))
}
