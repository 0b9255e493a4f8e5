//! The stage's own view of the text: words with possessives split off, and quotations paired
//! across sentences within a paragraph.

use newsledger_model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TK {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub span: Span,
    pub kind: TK,
    /// Lower-cased text; apostrophes folded to `'`.
    pub lower: String,
    /// First character is upper case.
    pub cap: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TK::Word
    }
    pub fn is_punct(&self) -> bool {
        self.kind == TK::Punct
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenise the text: words (inner hyphens, apostrophes, dotted abbreviations), numbers,
/// single punctuation characters; a trailing possessive `'s`/`’s` is its own token.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut i = 0;
    let end_of = |k: usize| -> usize { chars.get(k).map(|&(b, _)| b).unwrap_or(text.len()) };
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            // Two apostrophes are one quotation mark ('' as some newspapers print “ and ”).
            let len = if c == '\'' && chars.get(i + 1).is_some_and(|&(_, d)| d == '\'') {
                2
            } else {
                1
            };
            out.push(mk(text, Span::new(b, end_of(i + len)), TK::Punct));
            i += len;
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut j = i + 1;
        while j < n {
            let d = chars[j].1;
            if d.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars
                .get(j + 1)
                .map(|&(_, a)| a.is_alphanumeric())
                .unwrap_or(false);
            if next_alnum {
                let ok = if numeric {
                    matches!(d, ',' | '.')
                        && chars
                            .get(j + 1)
                            .map(|&(_, a)| a.is_ascii_digit())
                            .unwrap_or(false)
                } else {
                    d == '-' || is_apos(d) || d == '.'
                };
                if ok {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        let mut wend = end_of(j);
        // Split a final possessive off the word: "Russia’s" → "Russia" + "’s".
        let word = text.get(b..wend).unwrap_or("");
        let mut poss = None;
        if !numeric && word.chars().count() > 2 {
            for ap in ["'s", "’s", "'S", "’S"] {
                if word.ends_with(ap) {
                    let cut = wend - ap.len();
                    poss = Some(Span::new(cut, wend));
                    wend = cut;
                    break;
                }
            }
        }
        // Dotted abbreviations keep their final period: "U.S."
        if poss.is_none()
            && !numeric
            && (word.contains('.') || is_title(word) || is_initial(word))
            && text.get(wend..).is_some_and(|r| r.starts_with('.'))
        {
            wend += 1;
            j += 1;
        }
        out.push(mk(
            text,
            Span::new(b, wend),
            if numeric { TK::Num } else { TK::Word },
        ));
        if let Some(p) = poss {
            out.push(mk(text, p, TK::Word));
        }
        i = j;
    }
    out
}

/// A single capital letter before a period: an initial ("Ian H. Solomon").
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase()) && cs.next().is_none()
}

/// "Mr", "Sen" before a period: a title whose period belongs to it.
fn is_title(word: &str) -> bool {
    word.len() <= 6
        && word.chars().next().is_some_and(char::is_uppercase)
        && crate::lexicon::word_is(&word.to_ascii_lowercase(), crate::lexicon::WordKind::Title)
}

fn mk(text: &str, span: Span, kind: TK) -> Tok {
    let s = text.get(span.start()..span.end()).unwrap_or("");
    Tok {
        span,
        kind,
        // ASCII has no curly apostrophe: one allocation, same result.
        lower: if s.is_ascii() {
            s.to_ascii_lowercase()
        } else {
            s.to_lowercase().replace('’', "'")
        },
        cap: s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A quotation: from its opening mark to its closing mark (or the paragraph end when a quote
/// runs on into the next paragraph, as news style does).
#[derive(Debug, Clone, Copy)]
pub struct Quote {
    /// Opening mark to closing mark, both included.
    pub outer: Span,
    /// Between the marks.
    pub inner: Span,
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}
fn is_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Pair double quotation marks within each paragraph.
pub fn quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    let whole = [Span::new(0, text.len())];
    let paras: &[Span] = if paragraphs.is_empty() {
        &whole
    } else {
        paragraphs
    };
    for p in paras {
        let Some(pt) = text.get(p.start()..p.end()) else {
            continue;
        };
        let mut open: Option<(usize, usize)> = None; // (byte of mark, len)
        let mut straight_open: Option<usize> = None;
        let mut double_apos_open: Option<usize> = None;
        let mut skip = false;
        for (k, c) in pt.char_indices() {
            let b = p.start() + k;
            if skip {
                skip = false;
                continue;
            }
            if c == '\'' && pt.as_bytes().get(k + 1) == Some(&b'\'') {
                // '' … '': a pair of apostrophes used as a double quotation mark.
                skip = true;
                match double_apos_open.take() {
                    Some(ob) => out.push(Quote {
                        outer: Span::new(ob, b + 2),
                        inner: Span::new(ob + 2, b),
                    }),
                    None => double_apos_open = Some(b),
                }
            } else if is_open(c) {
                if let Some((ob, ol)) = open.take() {
                    // A new opening mark before the close: the earlier quote ran to here.
                    let end = trim_back(text, ob + ol, b);
                    out.push(Quote {
                        outer: Span::new(ob, end),
                        inner: Span::new(ob + ol, end),
                    });
                }
                open = Some((b, c.len_utf8()));
            } else if is_close(c) {
                if let Some((ob, ol)) = open.take() {
                    out.push(Quote {
                        outer: Span::new(ob, b + c.len_utf8()),
                        inner: Span::new(ob + ol, b),
                    });
                }
            } else if c == '"' {
                match straight_open.take() {
                    Some(ob) => out.push(Quote {
                        outer: Span::new(ob, b + 1),
                        inner: Span::new(ob + 1, b),
                    }),
                    None => straight_open = Some(b),
                }
            }
        }
        if let Some((ob, ol)) = open {
            let end = trim_back(text, ob + ol, p.end());
            out.push(Quote {
                outer: Span::new(ob, end),
                inner: Span::new(ob + ol, end),
            });
        }
        if let Some(ob) = double_apos_open {
            let end = trim_back(text, ob + 2, p.end());
            out.push(Quote {
                outer: Span::new(ob, end),
                inner: Span::new(ob + 2, end),
            });
        }
        if let Some(ob) = straight_open {
            let end = trim_back(text, ob + 1, p.end());
            out.push(Quote {
                outer: Span::new(ob, end),
                inner: Span::new(ob + 1, end),
            });
        }
    }
    out.sort_by_key(|q| q.outer.start());
    out
}

fn trim_back(text: &str, start: usize, mut end: usize) -> usize {
    while end > start {
        match text.get(..end).and_then(|s| s.chars().next_back()) {
            Some(c) if c.is_whitespace() => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Trim white space and the given trailing punctuation from a span.
pub fn trim_span(text: &str, span: Span, trailing: &[char]) -> Span {
    let mut a = span.start();
    let mut b = span.end();
    while a < b {
        match text.get(a..b).and_then(|s| s.chars().next()) {
            Some(c) if c.is_whitespace() => a += c.len_utf8(),
            _ => break,
        }
    }
    while b > a {
        match text.get(a..b).and_then(|s| s.chars().next_back()) {
            Some(c) if c.is_whitespace() || trailing.contains(&c) => b -= c.len_utf8(),
            _ => break,
        }
    }
    Span::new(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_is_split() {
        let t = tokenize("Russia’s President said 3,000 people.");
        let w: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            w,
            ["russia", "'s", "president", "said", "3,000", "people", "."]
        );
        assert!(t[0].cap);
    }

    #[test]
    fn quotes_pair_and_run_on() {
        let text = "“One. Two,” she said. “Three\nAnd “four” here";
        let nl = text.find('\n').unwrap_or(text.len());
        let paras = vec![Span::new(0, nl), Span::new(nl + 1, text.len())];
        let q = quotes(text, &paras);
        assert_eq!(q.len(), 3);
        assert_eq!(&text[q[0].inner.start()..q[0].inner.end()], "One. Two,");
        assert_eq!(&text[q[1].inner.start()..q[1].inner.end()], "Three");
        assert_eq!(&text[q[2].inner.start()..q[2].inner.end()], "four");
    }

    #[test]
    fn a_title_keeps_its_period() {
        let t = tokenize("Mr. Okafor and Sen. Vail spoke.");
        let w: Vec<&str> = t.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(w, ["mr.", "okafor", "and", "sen.", "vail", "spoke", "."]);
        let t = tokenize("Nora J. Falk");
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn two_apostrophes_make_a_quotation_mark() {
        let text = "''We will win,'' the mayor said. ''Soon.''";
        let t = tokenize(text);
        assert_eq!(t[0].lower, "''");
        let q = quotes(text, &[Span::new(0, text.len())]);
        assert_eq!(q.len(), 2);
        assert_eq!(&text[q[0].inner.start()..q[0].inner.end()], "We will win,");
        assert_eq!(&text[q[1].outer.start()..q[1].outer.end()], "''Soon.''");
        // a possessive of a plural stays apart from a following word
        let t = tokenize("the voters' choice");
        assert!(t.iter().all(|k| k.lower != "''"));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "", "’s", "a’", "“", "”", "\"", "é’s.", "1,", ".a.", "ǅ’S", "''", "'''", "a''",
        ] {
            let t = tokenize(s);
            let _ = quotes(s, &[Span::new(0, s.len())]);
            for k in t {
                assert!(s.get(k.span.start()..k.span.end()).is_some());
            }
        }
    }
}
