//! A sentence as the event rules see it: its tokens lower-cased (with curly apostrophes
//! folded), the clause each token belongs to, and cue-class lookups over token positions.

use crate::lexicon::{Class, Mask, WordBits, LEXICON};
use newsledger_model::{Document, EntityType, Span, SpanIndex, TokenKind};

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    /// Byte range of the token's lower-cased text in [`Sent::norm`].
    low: (usize, usize),
    pub kind: TokenKind,
    /// First character is upper case (a cheap proper-noun signal).
    pub cap: bool,
    /// The cue classes `low` belongs to or starts/ends a phrase of (see [`WordBits`]).
    pub bits: WordBits,
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub span: Span,
    pub toks: Vec<Tok>,
    /// The tokens lower-cased (curly apostrophes folded), joined by single spaces: one
    /// buffer instead of a string per token, and the text the trigger matcher runs on.
    pub norm: String,
    /// Clause index of each token.
    pub clause_of: Vec<usize>,
    /// Token ranges `[a, b)` of each clause.
    pub clauses: Vec<(usize, usize)>,
    /// Tokens inside a mention of a PLATFORM entity (a messaging app, a social network).
    pub platform: Vec<bool>,
    /// Union of the class bits of the words of the surrounding paragraph, for topic checks
    /// ("is this about security forces or about football?") that one sentence is too short
    /// to settle.
    pub para_words: Mask,
    /// Union of the class bits (word or phrase start) of the sentence's tokens: a class
    /// without its bit here has no member in the sentence.
    pub sent_bits: Mask,
    /// The paragraph's words, kept only when some class has no bit (more classes than a
    /// mask holds), for that class's topic check.
    pub para_slow: Vec<String>,
}

/// What sentences of one document share, computed once per document rather than per
/// sentence: the PLATFORM mentions, and the paragraph word bits of the last paragraph
/// seen (sentences come in document order, so consecutive ones share a paragraph).
#[derive(Debug, Default)]
pub struct DocCache {
    platform: Option<SpanIndex>,
    para: Option<(Span, Mask)>,
}

impl DocCache {
    pub fn new(doc: &Document) -> Self {
        let spans: Vec<Span> = doc
            .layers
            .entities
            .iter()
            .filter(|e| e.kind == EntityType::Platform)
            .flat_map(|e| e.mentions.iter().map(|m| m.span))
            .collect();
        DocCache {
            platform: (!spans.is_empty()).then(|| SpanIndex::new(spans)),
            para: None,
        }
    }
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
fn fold_into(s: &str, out: &mut String) {
    // ASCII text has no curly apostrophes and lower-cases byte by byte.
    if s.is_ascii() {
        let a = out.len();
        out.push_str(s);
        if let Some(tail) = out.get_mut(a..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    out.extend(
        s.chars()
            .map(|c| match c {
                '’' | '‘' | 'ʼ' => '\'',
                _ => c,
            })
            .flat_map(char::to_lowercase),
    );
}

/// Lower-cased words of a paragraph (word tokens; every token with the fallback tokeniser).
fn para_lows(doc: &Document, para: Span) -> Vec<String> {
    if doc.layers.tokens.is_empty() {
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
    }
}

/// Union of the single-word class bits of a paragraph's words.
fn para_bits(doc: &Document, para: Span) -> Mask {
    let lx = &*LEXICON;
    let mut buf = String::new();
    let mut bits = |sp: Span| {
        buf.clear();
        fold_into(doc.slice(sp), &mut buf);
        lx.word_bits(&buf).words
    };
    if doc.layers.tokens.is_empty() {
        simple_tokens(&doc.text, para)
            .into_iter()
            .fold(0, |m, (sp, _)| m | bits(sp))
    } else {
        doc.tokens_in(para)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .fold(0, |m, t| m | bits(t.span))
    }
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
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn new(doc: &Document, span: Span) -> Sent {
        Sent::new_in(doc, span, &mut DocCache::new(doc))
    }

    /// [`Sent::new`] with the document's shared facts cached across its sentences.
    pub fn new_in(doc: &Document, span: Span, cache: &mut DocCache) -> Sent {
        let raw: Vec<(Span, TokenKind)> = if doc.layers.tokens.is_empty() {
            simple_tokens(&doc.text, span)
        } else {
            doc.tokens_in(span)
                .iter()
                .filter(|t| span.contains(t.span))
                .map(|t| (t.span, t.kind))
                .collect()
        };
        let lx = &*LEXICON;
        let mut sent_bits: Mask = 0;
        let mut norm = String::with_capacity(span.len() + raw.len());
        let toks: Vec<Tok> = raw
            .into_iter()
            .enumerate()
            .map(|(i, (sp, kind))| {
                let text = doc.slice(sp);
                if i > 0 {
                    norm.push(' ');
                }
                let a = norm.len();
                fold_into(text, &mut norm);
                let low = (a, norm.len());
                let bits = lx.word_bits(norm.get(a..).unwrap_or(""));
                sent_bits |= bits.words | bits.first;
                Tok {
                    span: sp,
                    low,
                    kind,
                    cap: text.chars().next().is_some_and(char::is_uppercase),
                    bits,
                }
            })
            .collect();
        let platform = toks
            .iter()
            .map(|t| match &cache.platform {
                None => false,
                Some(idx) => !idx.overlapping(t.span).is_empty(),
            })
            .collect();
        let para = doc
            .paragraph_index_at(span.start())
            .and_then(|i| doc.layers.paragraphs.get(i).copied())
            .filter(|p| p.contains(span))
            .unwrap_or(span);
        let para_words = match cache.para {
            Some((p, m)) if p == para => m,
            _ => {
                let m = para_bits(doc, para);
                cache.para = Some((para, m));
                m
            }
        };
        let para_slow = if lx.every_class_has_a_bit() {
            Vec::new()
        } else {
            para_lows(doc, para)
        };
        let mut s = Sent {
            span,
            toks,
            norm,
            clause_of: Vec::new(),
            clauses: Vec::new(),
            platform,
            para_words,
            sent_bits,
            para_slow,
        };
        s.split_clauses();
        s
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn low(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.norm.get(t.low.0..t.low.1))
            .unwrap_or("")
    }

    /// Byte range of token `i`'s lower-cased text in [`Sent::norm`].
    pub fn low_range(&self, i: usize) -> Option<(usize, usize)> {
        self.toks.get(i).map(|t| t.low)
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
        match LEXICON.bit(class) {
            Some(bit) => self.toks.get(i).is_some_and(|t| t.bits.words & bit != 0),
            None => i < self.len() && LEXICON.class(class).words.contains(self.low(i)),
        }
    }

    /// Length in tokens of a class member (word or phrase) starting at `i`.
    pub fn member_at(&self, i: usize, class: &str) -> Option<usize> {
        let (c, bit) = LEXICON.class_bit(class);
        self.member_of(i, c, bit)
    }

    /// [`Sent::member_at`] for a class already looked up ([`Lexicon::class_bit`]), so a
    /// scan over many tokens looks the class up once.
    fn member_of(&self, i: usize, c: &Class, bit: Option<Mask>) -> Option<usize> {
        // A phrase can only start at a token that is the first word of one of the class's
        // phrases; the bits say whether it is, without comparing every phrase.
        let bits = self.toks.get(i).map(|t| t.bits).unwrap_or_default();
        let mut best = None;
        if bit.is_none_or(|b| bits.first & b != 0) {
            for p in &c.phrases {
                if p.iter().enumerate().all(|(k, w)| self.low(i + k) == w) {
                    best = best.max(Some(p.len()));
                }
            }
        }
        // As [`Sent::is`]: by the bit, else (a class past the mask) by its word list.
        let is = match bit {
            Some(b) => bits.words & b != 0,
            None => i < self.len() && c.words.contains(self.low(i)),
        };
        if best.is_none() && is {
            best = Some(1);
        }
        best
    }

    /// The class and bit of `class`, or None when the sentence has no member of it (its
    /// bit is not among the sentence's): a scan need not look at any token.
    fn class_here(&self, class: &str) -> Option<(&'static Class, Option<Mask>)> {
        let (c, bit) = LEXICON.class_bit(class);
        if bit.is_some_and(|b| self.sent_bits & b == 0) {
            return None;
        }
        Some((c, bit))
    }

    /// A class member that ends exactly at token `i` (inclusive).
    pub fn member_ending_at(&self, i: usize, class: &str) -> bool {
        let (c, bit) = LEXICON.class_bit(class);
        if self.is(i, class) {
            return true;
        }
        let bits = self.toks.get(i).map(|t| t.bits).unwrap_or_default();
        if bit.is_some_and(|b| bits.last & b == 0) {
            return false;
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
        match LEXICON.bit(class) {
            Some(bit) => {
                (self.sent_bits & bit != 0 && self.find_in(0, self.len(), class).is_some())
                    || self.para_words & bit != 0
            }
            None => {
                self.find_in(0, self.len(), class).is_some()
                    || LEXICON
                        .class(class)
                        .words
                        .iter()
                        .any(|w| self.para_slow.contains(w))
            }
        }
    }

    /// First position in `[a, b)` where a class member starts.
    pub fn find_in(&self, a: usize, b: usize, class: &str) -> Option<usize> {
        let (c, bit) = self.class_here(class)?;
        let end = b.min(self.len());
        (a..end).find(|&i| self.member_of(i, c, bit).is_some_and(|n| i + n <= end))
    }

    /// Last position in `[a, b)` where a class member starts.
    pub fn rfind_in(&self, a: usize, b: usize, class: &str) -> Option<usize> {
        let (c, bit) = self.class_here(class)?;
        let end = b.min(self.len());
        (a..end)
            .rev()
            .find(|&i| self.member_of(i, c, bit).is_some_and(|n| i + n <= end))
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

    /// `find_in` and `rfind_in` (class looked up once, no scan when the sentence has no
    /// member) answer as a scan of `member_at` over the range, for every class and range.
    #[test]
    fn range_scans_agree_with_member_at() {
        let texts = [
            "Police reportedly said that reports of looting were unconfirmed; killed killed.",
            "killed killed killed killed killed killed killed killed",
        ];
        let mut names: Vec<&str> = LEXICON.classes.keys().map(String::as_str).collect();
        names.push("no_such_class");
        for text in texts {
            let s = sent(text);
            let n = s.len();
            for name in &names {
                for a in 0..=n {
                    for b in a..=n + 1 {
                        let fits =
                            |i: &usize| s.member_at(*i, name).is_some_and(|m| i + m <= b.min(n));
                        let first = (a..b.min(n)).find(fits);
                        let last = (a..b.min(n)).rev().find(fits);
                        assert_eq!(s.find_in(a, b, name), first, "find_in {name} {a} {b}");
                        assert_eq!(s.rfind_in(a, b, name), last, "rfind_in {name} {a} {b}");
                    }
                }
            }
        }
    }

    /// The class look-ups by bits answer as the plain scans of the class's words and
    /// phrases they replaced, for every class and token.
    #[test]
    fn class_bits_agree_with_the_word_lists() {
        let texts = [
            "There were reports of gunfire near the bridge, as police looked on, witnesses said.",
            "Protesters were not detained; the army reportedly stormed the airport in Almaty.",
            "THE MINISTER’S OFFICE SAID IT WOULD NOT COMMENT — “WE DENY IT”.",
            "Fans celebrated the football win while riot police stood by the stadium.",
        ];
        let lx = &*LEXICON;
        assert!(lx.every_class_has_a_bit());
        let mut names: Vec<&str> = lx.classes.keys().map(String::as_str).collect();
        names.push("no_such_class");
        for text in texts {
            let s = sent(text);
            for name in &names {
                let class = lx.class(name);
                let low = |i: usize| s.low(i).to_string();
                for i in 0..s.len() + 2 {
                    let is = i < s.len() && class.words.contains(&low(i));
                    assert_eq!(s.is(i, name), is, "is {name} {i} in {text}");
                    let mut best = None;
                    for p in &class.phrases {
                        if p.iter().enumerate().all(|(k, w)| low(i + k) == *w) {
                            best = best.max(Some(p.len()));
                        }
                    }
                    if best.is_none() && is {
                        best = Some(1);
                    }
                    assert_eq!(s.member_at(i, name), best, "member_at {name} {i}");
                    let ending = is
                        || class.phrases.iter().any(|p| {
                            p.len() <= i + 1
                                && p.iter()
                                    .enumerate()
                                    .all(|(k, w)| low(i + 1 + k - p.len()) == *w)
                        });
                    assert_eq!(s.member_ending_at(i, name), ending, "ending {name} {i}");
                }
                let para: Vec<String> = (0..s.len())
                    .filter(|&i| s.toks[i].kind == TokenKind::Word)
                    .map(|i| s.low(i).to_string())
                    .collect();
                let topic = (0..s.len()).any(|i| s.member_at(i, name).is_some())
                    || class.words.iter().any(|w| para.contains(w));
                assert_eq!(s.topic(name), topic, "topic {name} in {text}");
            }
        }
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
