//! Page residue: furniture from the page a text was scraped from.

use newsledger_model::{Segment, Span};
use once_cell::sync::Lazy;
use regex::RegexSet;

/// Longest paragraph that can be residue as a whole; longer ones are reporting.
const MAX_RESIDUE_PARAGRAPH: usize = 300;
/// Longest sentence inside a longer paragraph that can be residue.
const MAX_RESIDUE_SENTENCE: usize = 200;

static PATTERNS: Lazy<RegexSet> = Lazy::new(|| {
    let pats: Vec<String> = include_str!("../../../data/segment/residue.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            // ASCII word boundaries keep the set on the lazy DFA: Unicode `\b` makes the
            // regex engine fall back to a slow NFA simulation on non-ASCII text.
            let l = l.replace("\\b", "(?-u:\\b)");
            if l.starts_with("(?-i)") {
                l
            } else {
                format!("(?i){l}")
            }
        })
        .collect();
    RegexSet::new(&pats).unwrap_or_else(|e| panic!("residue pattern is invalid: {e}"))
});

/// True when a line of text reads as page furniture.
pub fn is_residue_text(s: &str) -> bool {
    PATTERNS.is_match(s)
}

/// Residue spans: short paragraphs that match a pattern, and short sentences that do.
pub fn residue_spans(text: &str, paragraphs: &[Span], segments: &[Segment]) -> Vec<Span> {
    let mut out = Vec::new();
    for &p in paragraphs {
        if p.len() <= MAX_RESIDUE_PARAGRAPH
            && text.get(p.start()..p.end()).is_some_and(is_residue_text)
        {
            out.push(p);
        }
    }
    // Paragraph-level residue is sorted and disjoint: look a segment's paragraph up by
    // binary search rather than scanning every residue span per segment.
    let whole = out.len();
    for s in segments {
        let sp = s.span;
        let i = out[..whole].partition_point(|r| r.end() <= sp.start());
        let inside = out[..whole].get(i).is_some_and(|r| r.contains(sp));
        if sp.len() <= MAX_RESIDUE_SENTENCE
            && !inside
            && text.get(sp.start()..sp.end()).is_some_and(is_residue_text)
        {
            out.push(sp);
        }
    }
    out.sort();
    out
}
