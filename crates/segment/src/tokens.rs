//! Tokens: words (with inner hyphens, apostrophes and dotted abbreviations), numbers (with
//! separators and decimals) and single punctuation characters.

use newsledger_model::{Span, Token, TokenKind};

fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/' | ':')
}

/// Tokenise the whole text. Linear, allocation only for the output.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                kind: TokenKind::Punct,
                span: Span::new(i, i + c.len_utf8()),
            });
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut end = i + c.len_utf8();
        while let Some(&(k, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = k + d.len_utf8();
                it.next();
                continue;
            }
            if joins(d) {
                // Join only when an alphanumeric follows, and only the joiners that belong
                // to this kind of token: separators in numbers, hyphens/apostrophes in words.
                let after = text[k + d.len_utf8()..].chars().next();
                let ok = match after {
                    Some(a) if a.is_alphanumeric() => {
                        if numeric {
                            matches!(d, ',' | '.' | '-' | '/' | ':') && a.is_ascii_digit()
                                || d == '-'
                        } else {
                            matches!(d, '-' | '\'' | '’' | '.')
                        }
                    }
                    _ => false,
                };
                if ok {
                    it.next();
                    continue;
                }
            }
            break;
        }
        // Dotted abbreviations keep their final period: "U.S."
        if !numeric {
            let word = &text[i..end];
            if word.contains('.') && text[end..].starts_with('.') {
                end += 1;
                it.next();
            }
        }
        out.push(Token {
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            span: Span::new(i, end),
        });
    }
    out
}
