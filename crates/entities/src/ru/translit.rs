//! Latin spellings of Russian names, to tie "Шойгу" and "Shoigu" (or "Shoygu") together:
//! one transliteration (close to BGN/PCGN, the one news agencies mostly use) gives the alias
//! shown, and a loose key that forgets where the schemes differ (й as y/i/j, е as e/ye, х as
//! kh/h/x, the soft sign) is what two spellings are compared by.

/// The transliteration of a Cyrillic text (Latin characters pass through), by the model's
/// one letter table.
pub fn latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let Some(t) = newsledger_model::translit::latin_letter(lower) else {
            out.push(c);
            continue;
        };
        if c.is_uppercase() {
            let mut cs = t.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(t);
        }
    }
    out
}

/// A key two transliterations of one name share: lower case, letters only, with the letters
/// the schemes spell differently dropped or merged.
pub fn loose(s: &str) -> String {
    let l = latin(s).to_lowercase();
    let l = l
        .replace("shch", "sch")
        .replace("kh", "h")
        .replace('x', "h")
        .replace("ts", "c")
        .replace("tz", "c")
        .replace('w', "v")
        .replace("zh", "j");
    l.chars()
        .filter(|c| c.is_ascii_alphabetic() && !matches!(c, 'y' | 'i' | 'j'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_spellings_share_a_loose_key() {
        assert_eq!(latin("Шойгу"), "Shoygu");
        assert_eq!(loose("Шойгу"), loose("Shoigu"));
        assert_eq!(loose("Токаев"), loose("Tokayev"));
        assert_eq!(loose("Хабаров"), loose("Khabarov"));
        assert_ne!(loose("Шойгу"), loose("Sergu"));
    }
}
