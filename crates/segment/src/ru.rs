//! Russian segmentation rules: abbreviations and sentence openers (data files under
//! `data/segment/ru/`), «ёлочки» and „лапки“ closing quotes, dialogue dashes after a quote
//! ("«…!» — сказал он" is one sentence) and wire datelines ("АЛМАТЫ, 7 января. /Агентство/.").

use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How a Russian abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuAbbrev {
    /// Precedes a name or number ("ул.", "им."): never ends a sentence.
    Title,
    /// Ends a sentence only before a sentence opener ("г.", "тыс.").
    Other,
}

static ABBREVIATIONS: Lazy<HashMap<&'static str, RuAbbrev>> = Lazy::new(|| {
    include_str!("../../../data/segment/ru/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_prefix("title:") {
            Some(w) => (w, RuAbbrev::Title),
            None => (l, RuAbbrev::Other),
        })
        .collect()
});

static OPENERS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    include_str!("../../../data/segment/ru/openers.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Datelines of Russian wire copy at the start of a paragraph: a place in capitals, a day
/// and month, then the agency between slashes or after a dash.
static DATELINE: Lazy<Regex> = Lazy::new(|| {
    let pat = r"^[А-ЯЁ][А-ЯЁ\-]+(?:[ \-/][А-ЯЁ][А-ЯЁ\-]+){0,3},\s+\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4}(?:\s+г\.)?)?(?:\s*/[^/\n]{1,30}/\.?|\s+[-–—]\s+[^.\n]{1,40}\.)\s*";
    Regex::new(pat).unwrap_or_else(|e| panic!("Russian dateline pattern is invalid: {e}"))
});

pub(crate) fn abbreviation(word: &str) -> Option<RuAbbrev> {
    ABBREVIATIONS.get(word).copied()
}

pub(crate) fn is_opener(word: &str) -> bool {
    OPENERS.contains(word)
}

/// Closing quotes of Russian text: » and the “ that closes „лапки“.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '»' | '“')
}

/// True when the text after a sentence-final quote is the attribution of a direct speech
/// ("— сказал он"): a dash, then a lower-case word.
pub(crate) fn dialogue_attribution(after: &str) -> bool {
    let mut rest = after.trim_start();
    let Some(c) = rest.chars().next() else {
        return false;
    };
    if !matches!(c, '—' | '–' | '-') {
        return false;
    }
    rest = rest[c.len_utf8()..].trim_start();
    rest.chars().next().is_some_and(char::is_lowercase)
}

/// The byte length of a dateline at the start of a paragraph, if there is one.
pub(crate) fn dateline(p: &str) -> Option<usize> {
    DATELINE.find(p).map(|m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::{Lang, Span};

    fn sentences(p: &str) -> Vec<&str> {
        crate::segments_of_paragraph_in(p, Span::new(0, p.len()), false, Lang::Ru)
            .iter()
            .map(|s| &p[s.span.start()..s.span.end()])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let p = "Пожар начался на ул. Садовой в г. Острин. Погибли 5 чел., т.е. все жильцы. \
                 Погибли 7 чел. В городе объявлен траур.";
        assert_eq!(
            sentences(p),
            [
                "Пожар начался на ул. Садовой в г. Острин.",
                "Погибли 5 чел., т.е. все жильцы.",
                "Погибли 7 чел.",
                "В городе объявлен траур."
            ]
        );
        let p = "Сквер им. Горина закрыт. По словам А. Петрова, тысячи людей ушли.";
        assert_eq!(
            sentences(p),
            [
                "Сквер им. Горина закрыт.",
                "По словам А. Петрова, тысячи людей ушли."
            ]
        );
    }

    #[test]
    fn quotes_and_dialogue_dashes() {
        let p = "«Все спасены!» — сказал глава МЧС. „Пожар потушен.“ Работы продолжаются.";
        assert_eq!(
            sentences(p),
            [
                "«Все спасены!» — сказал глава МЧС.",
                "„Пожар потушен.“",
                "Работы продолжаются."
            ]
        );
        let p = "— Мы не уйдем, — сказал один из жителей. — Нам некуда идти.";
        assert_eq!(
            sentences(p),
            [
                "— Мы не уйдем, — сказал один из жителей.",
                "— Нам некуда идти."
            ]
        );
    }

    #[test]
    fn data_loads() {
        assert_eq!(abbreviation("ул"), Some(RuAbbrev::Title));
        assert_eq!(abbreviation("г"), Some(RuAbbrev::Other));
        assert!(is_opener("Однако"));
    }

    #[test]
    fn dialogue_dash_continues() {
        assert!(dialogue_attribution(" — сказал он."));
        assert!(!dialogue_attribution(" — Вечером всё стихло."));
        assert!(!dialogue_attribution(" Он ушёл."));
    }

    #[test]
    fn wire_dateline() {
        assert_eq!(
            dateline("ОСТРИН, 5 марта. /Вестник/. Спасатели"),
            Some("ОСТРИН, 5 марта. /Вестник/. ".len())
        );
        assert_eq!(dateline("Остров был тих."), None);
    }
}
