//! Cyrillic names in Latin letters, so that one person or body quoted in Russian and in
//! English reports is one source: "Ирма Веск" and "Irma Vesk" share a key. The scheme is the
//! one English-language news uses most for Russian names (BGN/PCGN without diacritics:
//! х → kh, ц → ts, ч → ch, ш → sh, щ → shch, ж → zh, ю → yu, я → ya, й and ы → y).

use newsledger_model::translit::latin_letter as latin;

/// The text with its Cyrillic letters (lower case) written in Latin; other characters as
/// they are. `None` when there is no Cyrillic letter.
pub fn to_latin(lower: &str) -> Option<String> {
    if !lower.chars().any(|c| latin(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match latin(c) {
            Some(l) => out.push_str(l),
            None => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_the_news_scheme() {
        assert_eq!(to_latin("ирма веск").as_deref(), Some("irma vesk"));
        assert_eq!(
            to_latin("анатолий жуков").as_deref(),
            Some("anatoliy zhukov")
        );
        assert_eq!(to_latin("irma vesk"), None);
    }
}
