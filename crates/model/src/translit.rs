//! Latin letters for Cyrillic ones, the scheme English-language news uses most for Russian
//! names (BGN/PCGN without diacritics: х → kh, ц → ts, ч → ch, ш → sh, щ → shch, ж → zh,
//! ю → yu, я → ya, й and ы → y), with the Kazakh and Ukrainian letters seen in names of the
//! region. One table for the store's source keys and the entity stage's aliases, so that a
//! name has one Latin spelling everywhere.

/// The Latin spelling of one lower-case Cyrillic letter; `None` for any other character.
pub fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        // Kazakh and Ukrainian letters seen in names of the region.
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ә' => "a",
        'ғ' => "g",
        'қ' => "k",
        'ң' => "n",
        'ө' => "o",
        'ұ' | 'ү' => "u",
        'һ' => "h",
        _ => return None,
    })
}
