//! Context words from `data/figures/context.tsv`: disasters whose toll keeps growing, protest
//! words, words that are never a source. Looked up one lower-cased word at a time.

use std::collections::HashMap;

/// The role of a context word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextWord {
    Disaster,
    Protest,
    Captive,
    NoSource,
}

/// A "word<TAB>role" lexicon (lines starting with `#` are comments) as a map from the
/// lower-cased word to its role; rows whose role `role_of` does not know are skipped.
pub(crate) fn word_roles<R: Copy>(tsv: &str, role_of: fn(&str) -> Option<R>) -> HashMap<String, R> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split('\t');
            let w = it.next()?.trim();
            let role = role_of(it.next()?.trim())?;
            (!w.is_empty()).then(|| (w.to_lowercase(), role))
        })
        .collect()
}

static WORDS: once_cell::sync::Lazy<HashMap<String, ContextWord>> =
    once_cell::sync::Lazy::new(|| {
        word_roles(
            include_str!("../../../../data/figures/context.tsv"),
            |r| match r {
                "disaster" => Some(ContextWord::Disaster),
                "protest" => Some(ContextWord::Protest),
                "captive" => Some(ContextWord::Captive),
                "nosource" => Some(ContextWord::NoSource),
                _ => None,
            },
        )
    });

/// The role of one word (punctuation around it ignored, any case).
pub(crate) fn context_word(w: &str) -> Option<ContextWord> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return None;
    }
    if w.chars().all(|c| !c.is_uppercase()) {
        return WORDS.get(w).copied();
    }
    WORDS.get(&w.to_lowercase()).copied()
}

/// Whether any word of `text` has the role.
pub(crate) fn has_word(text: &str, role: ContextWord) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| context_word(w) == Some(role))
}

#[cfg(test)]
mod tests {
    use super::{context_word, has_word, ContextWord};

    #[test]
    fn context_words_are_read_from_the_data_file() {
        assert_eq!(context_word("Quake"), Some(ContextWord::Disaster));
        assert_eq!(context_word("protests,"), Some(ContextWord::Protest));
        assert_eq!(context_word("latest"), Some(ContextWord::NoSource));
        assert_eq!(context_word("ministry"), None);
        assert!(has_word(
            "held after the rallies in the port",
            ContextWord::Protest
        ));
        assert!(!has_word("held after the talks", ContextWord::Protest));
    }
}
