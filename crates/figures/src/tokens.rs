//! A sentence-local tokenizer tuned for number phrases.
//!
//! The segment stage's tokens are made for the whole document; the figure grammar needs a
//! few things they do not give directly: a lower-cased form for lexicon lookups, and whether
//! two tokens touch ("2.5m", "3,000+", "G7", "COVID-19"), which decides between a scale
//! suffix, a qualifier and a name. Offsets are byte offsets into the sentence slice.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lower: Cow<'a, str>,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }
    pub fn is_punct(&self) -> bool {
        self.kind == Kind::Punct
    }
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Inner joiners that keep a word whole when a letter follows: high-profile, don't, U.S.
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '\u{2011}')
}

pub fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
            continue;
        }
        let kind;
        let mut end = i + c.len_utf8();
        it.next();
        if is_word_char(c) {
            kind = Kind::Word;
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if is_inner_joiner(d) {
                    let next = s.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    if next.is_some_and(is_word_char) {
                        end = j + d.len_utf8();
                        it.next();
                    } else if d == '.' && s.get(i..j).is_some_and(|w| w.contains('.')) {
                        // closing period of an abbreviation like U.S.
                        end = j + d.len_utf8();
                        it.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = Kind::Num;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else if d == ',' || d == '.' {
                    let next = s.get(j + 1..).and_then(|r| r.chars().next());
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        end = j + 1;
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        } else {
            kind = Kind::Punct;
        }
        let text = s.get(i..end).unwrap_or("");
        let lower = if text.chars().any(char::is_uppercase) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        out.push(Tok {
            kind,
            start: i,
            end,
            text,
            lower,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_words_and_punct() {
        let t = tokenize("More than 3,000+ high-profile officials, COVID-19 and 2.5m U.S. troops");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "More",
                "than",
                "3,000",
                "+",
                "high-profile",
                "officials",
                ",",
                "COVID",
                "-",
                "19",
                "and",
                "2.5",
                "m",
                "U.S.",
                "troops"
            ]
        );
        assert_eq!(t[0].lower, "more");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "—",
            "3,",
            "a.",
            "’s",
            "1.2.3,4",
            "é9é",
            "\u{2009}5\u{2009}000",
        ] {
            let _ = tokenize(s);
        }
    }
}
