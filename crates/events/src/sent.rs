//! A sentence as the event rules see it: its tokens lower-cased (with curly apostrophes
//! folded), the clause each token belongs to, and cue-class lookups over token positions.

use crate::lexicon::LEXICON;
use newsledger_model::{Document, Span, TokenKind};
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub low: String,
    pub kind: TokenKind,
    /// First character is upper case (a cheap proper-noun signal).
    pub cap: bool,
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub span: Span,
    pub toks: Vec<Tok>,
    /// Clause index of each token.
    pub clause_of: Vec<usize>,
    /// Token ranges `[a, b)` of each clause.
    pub clauses: Vec<(usize, usize)>,
    /// Tokens inside a mention of a PLATFORM entity (a messaging app, a social network).
    pub platform: Vec<bool>,
    /// Lower-cased words of the surrounding paragraph, for topic checks ("is this about
    /// security forces or about football?") that one sentence is too short to settle.
    pub para_words: HashSet<String>,
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Fallback tokeniser for documents whose token layer is empty (hand-built layers in tests,
/// or a pipeline without the segment stage's tokens): words, numbers, single punctuation.
fn simple_tokens(text: &str, span: Span) -> Vec<(Span, TokenKind)> {
    let mut out = Vec::new();
    let Some(s) = text.get(span.start()..span.end()) else {
        return out;
    };
    let mut cur: Option<(usize, usize, bool)> = None;
    for (i, c) in s.char_indices() {
        let inner = matches!(c, '-' | '\'' | '’') && cur.is_some();
        let next_alnum = s
            .get(i + c.len_utf8()..)
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
        if c.is_alphanumeric() || (inner && next_alnum) {
            cur = match cur {
                Some((a, _, num)) => Some((a, i + c.len_utf8(), num && c.is_ascii_digit())),
                None => Some((i, i + c.len_utf8(), c.is_ascii_digit())),
            };
            continue;
        }
        if let Some((a, b, num)) = cur.take() {
            let k = if num {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push((Span::new(a, b).offset(span.start()), k));
        }
        if !c.is_whitespace() {
            out.push((
                Span::new(i, i + c.len_utf8()).offset(span.start()),
                TokenKind::Punct,
            ));
        }
    }
    if let Some((a, b, num)) = cur {
        let k = if num {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push((Span::new(a, b).offset(span.start()), k));
    }
    out
}

impl Sent {
    pub fn new(doc: &Document, span: Span) -> Sent {
        let raw: Vec<(Span, TokenKind)> = if doc.layers.tokens.is_empty() {
            simple_tokens(&doc.text, span)
        } else {
            doc.tokens_in(span)
                .iter()
                .filter(|t| span.contains(t.span))
                .map(|t| (t.span, t.kind))
                .collect()
        };
        let toks: Vec<Tok> = raw
            .into_iter()
            .map(|(sp, kind)| {
                let text = doc.slice(sp);
                Tok {
                    span: sp,
                    low: fold(text),
                    kind,
                    cap: text.chars().next().is_some_and(char::is_uppercase),
                }
            })
            .collect();
        let platform = toks
            .iter()
            .map(|t| {
                doc.layers.entities.iter().any(|e| {
                    e.kind == newsledger_model::EntityType::Platform
                        && e.mentions.iter().any(|m| m.span.overlaps(t.span))
                })
            })
            .collect();
        let para = doc
            .paragraph_index_at(span.start())
            .and_then(|i| doc.layers.paragraphs.get(i).copied())
            .filter(|p| p.contains(span))
            .unwrap_or(span);
        let para_words = if doc.layers.tokens.is_empty() {
            simple_tokens(&doc.text, para)
                .into_iter()
                .map(|(sp, _)| fold(doc.slice(sp)))
                .collect()
        } else {
            doc.tokens_in(para)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| fold(doc.slice(t.span)))
                .collect()
        };
        let mut s = Sent {
            span,
            toks,
            clause_of: Vec::new(),
            clauses: Vec::new(),
            platform,
            para_words,
        };
        s.split_clauses();
        s
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.low.as_str()).unwrap_or("")
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.is(i, "quote")
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Token `i` is a single-word member of the class.
    pub fn is(&self, i: usize, class: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| LEXICON.class(class).words.contains(&t.low))
    }

    /// Length in tokens of a class member (word or phrase) starting at `i`.
    pub fn member_at(&self, i: usize, class: &str) -> Option<usize> {
        let c = LEXICON.class(class);
        let mut best = None;
        for p in &c.phrases {
            if p.iter().enumerate().all(|(k, w)| self.low(i + k) == w) {
                best = best.max(Some(p.len()));
            }
        }
        if best.is_none() && self.is(i, class) {
            best = Some(1);
        }
        best
    }

    /// A class member that ends exactly at token `i` (inclusive).
    pub fn member_ending_at(&self, i: usize, class: &str) -> bool {
        let c = LEXICON.class(class);
        if self.is(i, class) {
            return true;
        }
        c.phrases.iter().any(|p| {
            p.len() <= i + 1
                && p.iter()
                    .enumerate()
                    .all(|(k, w)| self.low(i + 1 + k - p.len()) == w)
        })
    }

    /// The sentence has a member of the class, or its paragraph has one of its words.
    pub fn topic(&self, class: &str) -> bool {
        self.find_in(0, self.len(), class).is_some()
            || LEXICON
                .class(class)
                .words
                .iter()
                .any(|w| self.para_words.contains(w))
    }

    /// First position in `[a, b)` where a class member starts.
    pub fn find_in(&self, a: usize, b: usize, class: &str) -> Option<usize> {
        (a..b.min(self.len())).find(|&i| {
            self.member_at(i, class)
                .is_some_and(|n| i + n <= b.min(self.len()))
        })
    }

    /// Last position in `[a, b)` where a class member starts.
    pub fn rfind_in(&self, a: usize, b: usize, class: &str) -> Option<usize> {
        (a..b.min(self.len())).rev().find(|&i| {
            self.member_at(i, class)
                .is_some_and(|n| i + n <= b.min(self.len()))
        })
    }

    /// Previous token that is not a quotation mark.
    pub fn prev_nq(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&k| !self.is_quote(k))
    }

    /// Next token at or after `i` that is not a quotation mark.
    pub fn next_nq(&self, i: usize) -> Option<usize> {
        (i..self.len()).find(|&k| !self.is_quote(k))
    }

    pub fn clause(&self, i: usize) -> (usize, usize) {
        self.clause_of
            .get(i)
            .and_then(|&c| self.clauses.get(c).copied())
            .unwrap_or((0, self.len()))
    }

    pub fn span_of(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start(), y.span.end()),
            _ => Span::new(self.span.start(), self.span.start()),
        }
    }

    /// Token index containing a byte offset.
    pub fn tok_at(&self, off: usize) -> Option<usize> {
        self.toks
            .iter()
            .position(|t| t.span.start() <= off && off < t.span.end())
    }

    /// Clauses: split at semicolons and dashes, before a comma followed by a subordinating
    /// word ("…, as officials were detained"), and before a reporting tail
    /// ("…, local media reported."). Plain commas (lists, appositions) do not split, so
    /// coordinated verb phrases share their date, place and hedge.
    fn split_clauses(&mut self) {
        let n = self.len();
        let mut cuts = vec![0usize];
        for i in 0..n {
            let w = self.low(i);
            if matches!(w, ";" | "—" | "–") || (w == "-" && i > 0 && i + 1 < n) {
                cuts.push(i + 1);
                continue;
            }
            if w == "," || w == "(" {
                let j = self.next_nq(i + 1).unwrap_or(n);
                if self.member_at(j, "subordinator").is_some() {
                    cuts.push(i);
                    continue;
                }
                // Reporting tail: a short phrase then a reporting verb, up to the end.
                let mut k = j;
                let mut tail = false;
                while k < n && k < j + 9 {
                    let wk = self.low(k);
                    if matches!(wk, "," | ";" | "(" | ")") && k > j {
                        break;
                    }
                    if self.is(k, "report_verb") && k > j {
                        tail = true;
                        break;
                    }
                    k += 1;
                }
                if tail {
                    cuts.push(i);
                }
            }
        }
        cuts.push(n);
        cuts.dedup();
        self.clause_of = vec![0; n];
        self.clauses.clear();
        for w in cuts.windows(2) {
            let &[a, b] = w else { continue };
            if a >= b {
                continue;
            }
            let id = self.clauses.len();
            self.clauses.push((a, b));
            for c in self.clause_of.iter_mut().take(b).skip(a) {
                *c = id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::{Meta, Segment, SegmentKind};

    fn sent(text: &str) -> Sent {
        let mut doc = Document::new("t", text, Meta::default());
        doc.layers.segments.push(Segment {
            kind: SegmentKind::Sentence,
            span: Span::new(0, text.len()),
        });
        Sent::new(&doc, Span::new(0, text.len()))
    }

    #[test]
    fn fallback_tokens_and_folding() {
        let s = sent("The mayor’s office was set on fire by rioters.");
        assert_eq!(s.low(1), "mayor's");
        assert_eq!(s.low(s.len() - 1), ".");
        assert!(s.cap(0));
    }

    #[test]
    fn clauses_split_at_subordinators_and_reporting_tails() {
        let s = sent("Crowds marched on the palace, as police looked on, witnesses said.");
        let as_i = (0..s.len()).find(|&i| s.low(i) == "as").unwrap_or(0);
        let wit = (0..s.len()).find(|&i| s.low(i) == "witnesses").unwrap_or(0);
        assert_ne!(s.clause(0), s.clause(as_i));
        assert_ne!(s.clause(as_i), s.clause(wit));
        let list = sent("Rioters looted shops, burned cars, and blocked roads.");
        assert_eq!(list.clauses.len(), 1);
    }

    #[test]
    fn multiword_members() {
        let s = sent("There were reports of gunfire near the bridge.");
        assert_eq!(s.member_at(2, "hedge"), Some(2));
        assert!(s.member_ending_at(3, "hedge"));
    }
}
