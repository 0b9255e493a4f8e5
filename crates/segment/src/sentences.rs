//! Paragraphs and sentence-like segments.

use newsledger_model::{Lang, Segment, SegmentKind, Span};
use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbrev {
    /// Always followed by a name: never ends a sentence.
    Title,
    /// Does not end a sentence before a day number.
    Month,
    /// Ends a sentence only when a common sentence opener follows.
    Other,
}

static ABBREVIATIONS: Lazy<HashMap<String, Abbrev>> = Lazy::new(|| {
    include_str!("../../../data/segment/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            if let Some(w) = l.strip_prefix("title:") {
                (w.to_string(), Abbrev::Title)
            } else if let Some(w) = l.strip_prefix("month:") {
                (w.to_string(), Abbrev::Month)
            } else {
                (l.to_string(), Abbrev::Other)
            }
        })
        .collect()
});

/// Words that open sentences: after an ambiguous abbreviation ("U.S.", "Inc.") one of these
/// means the abbreviation ended the sentence.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "At",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Officials",
    "Police",
];

/// Wire datelines at the start of a paragraph: `NUR-SULTAN, January 7. /TASS/.`,
/// `KYIV, Ukraine (AP) —`, `LONDON (Reuters) -`, `GENEVA —`, and two-city datelines
/// (`BRUSSELS/PARIS, May 2 (Wire) -`).
static DATELINE: Lazy<Regex> = Lazy::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let pat = format!(
        r"^[A-Z][A-Z'’.\-]+(?:[ \-/][A-Z][A-Z'’.\-]+){{0,3}}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){{0,2}})?(?:,\s+(?:{month}\s+\d{{1,2}}|\d{{1,2}}\s+{month})(?:,?\s+\d{{4}})?)?(?:\.?\s*/[^/\n]{{1,30}}/\.?|\s*\([^)\n]{{1,40}}\)\s*[-–—]+|\s+[-–—]+)\s*"
    );
    Regex::new(&pat).unwrap_or_else(|e| panic!("dateline pattern is invalid: {e}"))
});

fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Paragraph spans. Lines are paragraphs, except that a hard-wrapped text (most lines of
/// similar width, blocks separated by blank lines) has blank-line blocks as paragraphs, and a
/// line that stops mid-sentence before a lower-case continuation is joined to the next.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // (start, end) of each line without its newline.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));

    let nonblank: Vec<&(usize, usize)> = lines
        .iter()
        .filter(|(a, b)| !is_blank(&text[*a..*b]))
        .collect();
    let has_blank_lines = nonblank.len() < lines.len();
    let wrapped = nonblank
        .iter()
        .filter(|(a, b)| (55..=100).contains(&text[*a..*b].chars().count()))
        .count();
    let hard_wrapped = has_blank_lines && nonblank.len() >= 5 && wrapped * 10 >= nonblank.len() * 7;

    let mut out: Vec<Span> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for &(a, b) in &lines {
        let line = &text[a..b];
        if is_blank(line) {
            if let Some(c) = cur.take() {
                out.push(trim(text, c.0, c.1));
            }
            continue;
        }
        cur = match cur {
            None => Some((a, b)),
            Some((ca, cb)) => {
                let join = hard_wrapped || continues(&text[ca..cb], line);
                if join {
                    Some((ca, b))
                } else {
                    out.push(trim(text, ca, cb));
                    Some((a, b))
                }
            }
        };
    }
    if let Some(c) = cur {
        out.push(trim(text, c.0, c.1));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A line that ends mid-sentence and a next line starting in lower case are one paragraph.
fn continues(prev: &str, next: &str) -> bool {
    let p = prev.trim_end();
    let n = next.trim_start();
    let ends_open = p
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    let starts_lower = n.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && starts_lower
}

fn trim(text: &str, a: usize, b: usize) -> Span {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    Span::new(a + lead, a + lead + t.len())
}

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»', '*'];
const TERMINALS: &[char] = &['.', '!', '?', '…', ':'];

/// True when the paragraph reads as a heading: no final punctuation (closing quotes aside),
/// and short.
fn is_heading(p: &str) -> bool {
    let core = p.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace());
    let last = match core.chars().last() {
        Some(c) => c,
        None => return false,
    };
    if TERMINALS.contains(&last) || last == ',' || last == ';' {
        return false;
    }
    p.split_whitespace().count() <= 25
}

/// Segments of one paragraph. `first` marks the document's first paragraph (a heading there
/// is the headline; later ones are subheadings).
pub fn segments_of_paragraph(text: &str, para: Span, first: bool) -> Vec<Segment> {
    segments_of_paragraph_in(text, para, first, Lang::En)
}

/// [`segments_of_paragraph`] with the rules of a language (English or Russian).
pub fn segments_of_paragraph_in(text: &str, para: Span, first: bool, lang: Lang) -> Vec<Segment> {
    let ru = lang == Lang::Ru;
    let mut out = Vec::new();
    let Some(p) = text.get(para.start()..para.end()) else {
        return out;
    };
    if p.len() <= crate::cap::MAX_SENTENCE_BYTES && is_heading(p) {
        let kind = if first {
            SegmentKind::Headline
        } else {
            SegmentKind::Subheading
        };
        out.push(Segment { kind, span: para });
        return out;
    }
    let mut body_start = para.start();
    let dateline_end = if ru {
        crate::ru::dateline(p)
    } else {
        DATELINE.find(p).map(|m| m.end())
    };
    if let Some(m_end) = dateline_end {
        let d = trim(text, para.start(), para.start() + m_end);
        // Keep the dateline only when a sentence follows it.
        if m_end < p.len() && !d.is_empty() {
            out.push(Segment {
                kind: SegmentKind::Dateline,
                span: d,
            });
            body_start = para.start() + m_end;
        }
    }
    for s in split_sentences(text, Span::new(body_start, para.end()), ru) {
        for piece in crate::cap::cap_span(text, s) {
            out.push(Segment {
                kind: SegmentKind::Sentence,
                span: piece,
            });
        }
    }
    out
}

/// The word (letters and inner periods) that ends just before byte `i` of `s`.
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map(|(j, c)| j + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map(|(j, _)| j)
        .unwrap_or(s.len());
    &s[..end]
}

/// Split a span of running text into sentences.
fn split_sentences(text: &str, span: Span, ru: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(s) = text.get(span.start()..span.end()) else {
        return out;
    };
    let base = span.start();
    let mut sent_start = 0usize;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Extend over repeated terminals ("...", "?!") and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…')
                || CLOSERS.contains(&d)
                || (ru && crate::ru::is_closer(d))
            {
                j = k + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &s[j..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        if rest.len() == trimmed.len() {
            // No white space after the terminal: "3.5", "U.S.-led", "hehad.Next".
            continue;
        }
        let next = trimmed.chars().next().unwrap_or(' ');
        if next.is_lowercase() || (ru && crate::ru::dialogue_attribution(trimmed)) {
            continue;
        }
        let ends = if ru {
            ends_russian_sentence_after_period(s, i, trimmed)
        } else {
            ends_sentence_after_period(s, i, trimmed)
        };
        if c == '.' && j == i + 1 && !ends {
            continue;
        }
        let end = j;
        let next_start = s.len() - trimmed.len();
        out.push(trim(text, base + sent_start, base + end));
        sent_start = next_start;
    }
    if sent_start < s.len() {
        out.push(trim(text, base + sent_start, base + s.len()));
    }
    out.retain(|sp| !sp.is_empty());
    out
}

/// [`ends_sentence_after_period`] for Russian: its abbreviations, openers and initials.
fn ends_russian_sentence_after_period(s: &str, i: usize, after: &str) -> bool {
    use crate::ru::{abbreviation, is_opener, RuAbbrev};
    let word = word_before(s, i);
    if word.is_empty() {
        return true;
    }
    let opener = is_opener(first_word(after));
    match abbreviation(word) {
        Some(RuAbbrev::Title) => return false,
        Some(RuAbbrev::Other) => return opener,
        None => {}
    }
    let mut chars = word.chars();
    // A single capital initial ("А. Петров").
    if let (Some(c0), None) = (chars.next(), chars.next()) {
        if c0.is_uppercase() {
            return opener;
        }
    }
    // Dotted abbreviations ("т.е", "т.д"): end only before an opener.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return opener;
    }
    true
}

/// Decide whether a single period at byte `i` of `s` ends the sentence, given the text after.
fn ends_sentence_after_period(s: &str, i: usize, after: &str) -> bool {
    let word = word_before(s, i);
    let next_is_digit = after.chars().next().is_some_and(|c| c.is_ascii_digit());
    let next_word = first_word(after);
    let opener = OPENERS.contains(&next_word);
    if word.is_empty() {
        return true;
    }
    match ABBREVIATIONS.get(word) {
        Some(Abbrev::Title) => return false,
        Some(Abbrev::Month) => return !next_is_digit,
        Some(Abbrev::Other) => {
            if matches!(word, "No" | "Nos" | "Nr") {
                return !next_is_digit;
            }
            return opener;
        }
        None => {}
    }
    let mut chars = word.chars();
    // A single capital initial ("John F. Kennedy").
    if let (Some(c0), None) = (chars.next(), chars.next()) {
        if c0.is_uppercase() {
            return opener;
        }
    }
    // Dotted acronyms (U.S, E.U, a.m): end only before an opener.
    if word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return opener;
    }
    true
}
