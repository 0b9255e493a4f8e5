//! Words and punctuation of one Russian sentence, with byte offsets into it.

/// One token: a word (letters and digits, inner hyphens) or one punctuation character.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower case, ё as е.
    pub lc: String,
    pub punct: bool,
    pub digits: bool,
}

pub fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner =
                    d == '-' && s[j + 1..].chars().next().is_some_and(char::is_alphanumeric);
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let word = &s[i..end];
            let digits = word.chars().all(|c| c.is_ascii_digit());
            let lc = word.to_lowercase().replace('ё', "е");
            out.push(Tok {
                start: i,
                end,
                lc,
                punct: false,
                digits,
            });
            continue;
        }
        let end = i + c.len_utf8();
        out.push(Tok {
            start: i,
            end,
            lc: c.to_string(),
            punct: true,
            digits: false,
        });
    }
    out
}
