//! Words, numbers and punctuation of one Russian sentence, with byte offsets into it.

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower case, ё as е.
    pub lc: String,
    /// The value of a number written in digits ("32 798", "1,5", "3000").
    pub num: Option<f64>,
    pub punct: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        !self.punct && self.num.is_none()
    }
}

/// Digits with a thousands space ("32 798") or a decimal comma or point ("1,5"); returns
/// the byte end and value.
fn digits(s: &str, at: usize) -> (usize, f64) {
    let b = s.as_bytes();
    let mut i = at;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut text: String = s[at..i].to_string();
    // Thousands groups: a space (or no-break space) then exactly three digits.
    loop {
        let rest = &s[i..];
        let gap = if rest.starts_with(' ') {
            1
        } else if rest.starts_with('\u{a0}') || rest.starts_with('\u{202f}') {
            rest.chars().next().map_or(1, char::len_utf8)
        } else {
            0
        };
        let group = rest.get(gap..gap + 3).unwrap_or("");
        let after = rest.as_bytes().get(gap + 3);
        if gap > 0
            && text.len() <= 3
            && group.len() == 3
            && group.bytes().all(|c| c.is_ascii_digit())
            && !after.is_some_and(u8::is_ascii_digit)
        {
            text.push_str(group);
            i += gap + 3;
        } else {
            break;
        }
    }
    if let (Some(&sep), Some(next)) = (b.get(i), b.get(i + 1)) {
        if (sep == b',' || sep == b'.') && next.is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            // "1.2.2029" is a date, not a decimal: leave it whole to the caller.
            if !(b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit)) {
                text.push('.');
                text.push_str(&s[i + 1..j]);
                i = j;
            }
        }
    }
    (i, text.parse().unwrap_or(0.0))
}

pub fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let (end, v) = digits(s, i);
            while it.peek().is_some_and(|&(j, _)| j < end) {
                it.next();
            }
            out.push(Tok {
                start: i,
                end,
                lc: s[i..end].to_string(),
                num: Some(v),
                punct: false,
            });
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner = (d == '-' || d == '\'')
                    && s[j + 1..].chars().next().is_some_and(char::is_alphabetic);
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let lc = s[i..end].to_lowercase().replace('ё', "е");
            out.push(Tok {
                start: i,
                end,
                lc,
                num: None,
                punct: false,
            });
            continue;
        }
        let end = i + c.len_utf8();
        out.push(Tok {
            start: i,
            end,
            lc: c.to_string(),
            num: None,
            punct: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_with_spaces_and_commas() {
        let t = tokenize("погибли 32 798 и 1,5 тыс. человек");
        let nums: Vec<f64> = t.iter().filter_map(|t| t.num).collect();
        assert_eq!(nums, [32798.0, 1.5]);
        assert_eq!(t.last().map(|t| t.lc.as_str()), Some("человек"));
    }
}
