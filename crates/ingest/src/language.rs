//! The language of a document: declared by its source (JSONL `language`, HTML `lang`) or
//! detected here, and the warning for a language no stage has rules for.
//!
//! Detection looks at the first thousand bytes. Latin-script text is English unless
//! whatlang is sure it is another language (the rule `--english-only` has always used);
//! Cyrillic text is told apart among the Cyrillic languages whatlang knows, and text with
//! letters only Kazakh uses is Kazakh (whatlang has no Kazakh).

use newsledger_model::{Document, Lang};
use whatlang::{Detector, Lang as W};

/// Bytes of the text that decide its language.
const SAMPLE_BYTES: usize = 1000;

/// Letters of the Kazakh alphabet that Russian, Ukrainian and Belarusian do not have.
const KAZAKH_ONLY: &[char] = &[
    'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ',
];

/// A declared language tag reduced to its primary subtag in lower case ("ru-RU" → "ru");
/// `None` for an empty tag.
pub fn normalise(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").trim();
    (!primary.is_empty()).then(|| primary.to_ascii_lowercase())
}

/// The language of a text, as an ISO 639-1 code where one exists ("en", "ru", "uk"…).
pub fn detect(text: &str) -> String {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or("");
    let (mut cyrillic, mut latin, mut kazakh) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
            kazakh += usize::from(KAZAKH_ONLY.contains(&c));
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if cyrillic > latin {
        if kazakh >= 2 {
            return "kk".into();
        }
        let cyr = Detector::with_allowlist(vec![W::Rus, W::Ukr, W::Bel, W::Bul, W::Mkd, W::Srp]);
        return cyr.detect_lang(sample).map_or("ru".into(), code);
    }
    if english_words(sample) {
        return "en".into();
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() && info.lang() != W::Eng => code(info.lang()),
        _ => "en".into(),
    }
}

/// Words only English text has this often: three of them in the sample settle it without
/// running the detector (a cheap scan on the path every English document takes).
const ENGLISH_WORDS: &[&str] = &[
    " the ", " of ", " and ", " that ", " said ", " was ", " were ", " with ",
];

fn english_words(sample: &str) -> bool {
    let mut n = 0;
    for w in ENGLISH_WORDS {
        n += sample.matches(w).count();
        if n >= 3 {
            return true;
        }
    }
    false
}

/// ISO 639-1 for the languages news comes in most; whatlang's 639-3 code otherwise.
fn code(lang: W) -> String {
    let two = match lang {
        W::Eng => "en",
        W::Rus => "ru",
        W::Ukr => "uk",
        W::Bel => "be",
        W::Bul => "bg",
        W::Mkd => "mk",
        W::Srp => "sr",
        W::Deu => "de",
        W::Fra => "fr",
        W::Spa => "es",
        W::Ita => "it",
        W::Por => "pt",
        W::Pol => "pl",
        W::Tur => "tr",
        W::Ara => "ar",
        W::Cmn => "zh",
        W::Jpn => "ja",
        W::Nld => "nl",
        _ => return lang.code().to_string(),
    };
    two.to_string()
}

/// Fills a document's language when its source did not declare one, and returns the
/// warning for a language no stage has rules for (the document then gets no records).
pub fn settle(doc: &mut Document) -> Option<String> {
    let declared = doc.meta.language.as_deref().and_then(normalise);
    let lang = declared.unwrap_or_else(|| detect(&doc.text));
    doc.meta.language = Some(lang);
    (doc.lang() == Lang::Other).then(|| {
        format!(
            "{}: language '{}' has no extraction rules (English and Russian do); no records",
            doc.id,
            doc.meta.language.as_deref().unwrap_or("")
        )
    })
}

/// With `--english-only`: the message that skips a document whose language (declared, or
/// detected by [`settle`]) is not English; `None` for an English document.
pub fn not_english(doc: &Document) -> Option<String> {
    let lang = doc.meta.language.as_deref().and_then(normalise);
    match lang.as_deref() {
        None | Some("en") | Some("eng") => None,
        Some(l) => Some(format!(
            "{}: language '{l}' is not English; skipped (--english-only)",
            doc.id
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::Meta;

    #[test]
    fn english_only_names_a_document_in_another_language() {
        let mut doc = Document::new(
            "d-7",
            "Речной паром причалил к пристани в полдень.",
            Meta::default(),
        );
        doc.meta.language = Some("ru-RU".into());
        let msg = not_english(&doc).unwrap_or_default();
        assert!(msg.starts_with("d-7: language 'ru'"), "{msg}");
        doc.meta.language = Some("en".into());
        assert_eq!(not_english(&doc), None);
        doc.meta.language = None;
        assert_eq!(not_english(&doc), None);
    }

    #[test]
    fn english_and_russian_are_detected() {
        assert_eq!(
            detect("Police said on Friday that eleven people were detained in the port city."),
            "en"
        );
        assert_eq!(detect("В пятницу в портовом городе были задержаны одиннадцать человек, сообщили в полиции."), "ru");
    }

    #[test]
    fn ukrainian_and_kazakh_are_not_russian() {
        assert_eq!(
            detect("У п'ятницю в місті затримали одинадцять людей, повідомила поліція області."),
            "uk"
        );
        assert_eq!(
            detect("Жұма күні қалада он бір адам ұсталды, деп хабарлады полиция өкілдері."),
            "kk"
        );
    }

    #[test]
    fn declared_tags_win_and_others_warn() {
        let mut doc = Document::new(
            "a.txt",
            "Police said eleven people were detained.",
            Meta::default(),
        );
        doc.meta.language = Some("ru-RU".into());
        assert_eq!(settle(&mut doc), None);
        assert_eq!(doc.meta.language.as_deref(), Some("ru"));
        let mut doc = Document::new(
            "b.txt",
            "Жұма күні қалада он бір адам ұсталды, деп хабарлады.",
            Meta::default(),
        );
        let warning = settle(&mut doc).unwrap_or_default();
        assert!(warning.starts_with("b.txt: language 'kk'"), "{warning}");
    }

    #[test]
    fn english_function_words_settle_it_without_the_detector() {
        assert!(english_words(" the port said that the ferry was late "));
        assert!(!english_words(
            "Le port a dit que le ferry était en retard."
        ));
    }

    #[test]
    fn empty_text_is_english() {
        assert_eq!(detect(""), "en");
        assert_eq!(normalise(" "), None);
    }
}
