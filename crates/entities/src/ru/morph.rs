//! Russian case forms for the names the lexicons hold in the nominative, and the reverse
//! steps the rules need (a surname's key, an adjective's nominative).
//!
//! Names decline by their ending: "Махачкала" → "Махачкалы", "Махачкале"; "Кемерово" →
//! "Кемерове" (and stays "Кемерово" when left undeclined); "Тбилиси" does not decline. The
//! forms are generated once when the lexicons load, so a look-up at run time is one hash
//! probe on the lower-cased word.

/// Lower case with ё read as е, the key every look-up uses.
pub fn key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

const HUSHING: &[char] = &['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ'];

fn strip<'a>(w: &'a str, end: &str) -> &'a str {
    w.strip_suffix(end).unwrap_or(w)
}

fn last_before(w: &str, end: &str) -> Option<char> {
    w.strip_suffix(end).and_then(|s| s.chars().last())
}

/// The endings an adjective takes in the six cases (nominative first), by its nominative
/// ending; `None` when the word is not adjective-shaped.
fn adjective_endings(w: &str) -> Option<(&'static str, [&'static str; 6])> {
    let soft_ii = last_before(w, "ий").is_some_and(|c| c == 'н');
    let table: &[(&str, [&str; 6])] = &[
        ("ый", ["ый", "ого", "ому", "ый", "ым", "ом"]),
        ("ой", ["ой", "ого", "ому", "ой", "ым", "ом"]),
        ("ая", ["ая", "ой", "ой", "ую", "ой", "ой"]),
        ("яя", ["яя", "ей", "ей", "юю", "ей", "ей"]),
        ("ое", ["ое", "ого", "ому", "ое", "ым", "ом"]),
        ("ее", ["ее", "его", "ему", "ее", "им", "ем"]),
        ("ые", ["ые", "ых", "ым", "ые", "ыми", "ых"]),
        ("ие", ["ие", "их", "им", "ие", "ими", "их"]),
    ];
    if w.chars().count() < 4 {
        return None;
    }
    if w.ends_with("ий") {
        let before = last_before(w, "ий")?;
        if soft_ii {
            return Some(("ий", ["ий", "его", "ему", "ий", "им", "ем"]));
        }
        if ['к', 'г', 'х'].contains(&before) {
            return Some(("ий", ["ий", "ого", "ому", "ий", "им", "ом"]));
        }
        return None;
    }
    table
        .iter()
        .find(|(e, _)| w.ends_with(e))
        .map(|(e, t)| (*e, *t))
}

/// Whether a lower-case word is adjective-shaped ("кемеровская", "нижний").
pub fn is_adjective(w: &str) -> bool {
    adjective_endings(w).is_some()
}

/// Whether a lower-case word has an adjective's ending in any case ("кемеровской",
/// "пермском", "главного").
pub fn adjective_form(w: &str) -> bool {
    w.chars().count() >= 5
        && [
            "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю", "ая", "яя",
            "ий", "ый", "ое", "ее", "ые", "ие", "ых", "их", "ыми", "ими",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The six case forms of a noun (nominative, genitive, dative, accusative, instrumental,
/// prepositional), each possibly with a second reading, from its lower-case nominative.
pub fn noun_cases(w: &str) -> [Vec<String>; 6] {
    let one = |b: &str, e: [&str; 6]| e.map(|x| vec![format!("{b}{x}")]);
    let last = w.chars().last().unwrap_or(' ');
    let mut out = if w.chars().count() < 3 || w.chars().any(|c| !c.is_alphabetic() && c != '-') {
        std::array::from_fn(|_| vec![w.to_string()])
    } else if w.ends_with("ия") {
        one(strip(w, "ия"), ["ия", "ии", "ии", "ию", "ией", "ии"])
    } else if last == 'я' {
        one(strip(w, "я"), ["я", "и", "е", "ю", "ей", "е"])
    } else if last == 'а' {
        let b = strip(w, "а");
        let hush = b.chars().last().is_some_and(|c| HUSHING.contains(&c));
        let soft = b.chars().last().is_some_and(|c| "жшчщц".contains(c));
        let gen = if hush { "и" } else { "ы" };
        let ins = if soft { "ей" } else { "ой" };
        one(b, ["а", gen, "е", "у", ins, "е"])
    } else if last == 'ь' {
        let b = strip(w, "ь");
        if w.ends_with("ль") {
            one(b, ["ь", "я", "ю", "ь", "ем", "е"])
        } else {
            one(b, ["ь", "и", "и", "ь", "ью", "и"])
        }
    } else if last == 'й' {
        let b = strip(w, "й");
        if w.ends_with("ий") {
            one(b, ["й", "я", "ю", "я", "ем", "и"])
        } else {
            one(b, ["й", "я", "ю", "я", "ем", "е"])
        }
    } else if last == 'о' {
        one(strip(w, "о"), ["о", "а", "у", "о", "ом", "е"])
    } else if last == 'ы' {
        one(strip(w, "ы"), ["ы", "", "ам", "ы", "ами", "ах"])
    } else if "еиуюэ".contains(last) || !last.is_alphabetic() {
        std::array::from_fn(|_| vec![w.to_string()])
    } else {
        // A consonant: masculine (accusative = nominative for things, = genitive for people).
        let mut c = one(w, ["", "а", "у", "", "ом", "е"]);
        c[3].push(format!("{w}а"));
        c
    };
    // A neuter place name is also left undeclined ("в Кемерово").
    if last == 'о' {
        for c in out.iter_mut() {
            c.push(w.to_string());
        }
    }
    out
}

/// The six case forms of one word: adjectives by their own table, the rest as nouns.
fn word_cases(w: &str, adjective: bool) -> [Vec<String>; 6] {
    match adjective_endings(w).filter(|_| adjective) {
        Some((end, e)) => {
            let b = strip(w, end);
            e.map(|x| vec![format!("{b}{x}")])
        }
        None => noun_cases(w),
    }
}

/// Every case form of a lower-case name of one or more words: leading adjectives and the
/// first noun decline together ("южная корея" → "южной кореи"), the words after the first
/// noun stay as they are ("министерство внутренних дел" → "министерства внутренних дел").
/// Words in capitals (acronyms) never decline.
pub fn phrase_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(head) = words.iter().position(|w| !is_adjective(w)) else {
        // Adjectives only ("светлый"): decline all of them.
        return combine(&words, words.len());
    };
    combine(&words, head + 1)
}

fn combine(words: &[&str], declined: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let per: Vec<[Vec<String>; 6]> = words
        .iter()
        .take(declined)
        .enumerate()
        .map(|(i, w)| {
            word_cases(
                w,
                i + 1 < declined || declined == words.len() && is_adjective(w),
            )
        })
        .collect();
    let tail = words.get(declined..).unwrap_or(&[]).join(" ");
    for case in 0..6 {
        let mut forms = vec![String::new()];
        for p in &per {
            let mut next = Vec::new();
            for f in &forms {
                for x in &p[case] {
                    next.push(if f.is_empty() {
                        x.clone()
                    } else {
                        format!("{f} {x}")
                    });
                }
            }
            forms = next;
        }
        for f in forms {
            let f = if tail.is_empty() {
                f
            } else {
                format!("{f} {tail}")
            };
            if !f.is_empty() && !out.contains(&f) {
                out.push(f);
            }
        }
    }
    if !out.iter().any(|f| f == &words.join(" ")) {
        out.push(words.join(" "));
    }
    out
}

/// The key that ties a surname's case forms together: "Алсынову", "Алсынова" and
/// "Алсынов" share "алсынов"; "Ивановой" and "Иванова" share "иванов".
pub fn surname_key(w: &str) -> String {
    let k = key(w);
    for end in [
        "ского",
        "скому",
        "ским",
        "ском",
        "ской",
        "скую",
        "ская",
        "ский",
        "ское",
        "ских",
        "ского",
        "ого",
        "ому",
        "ыми",
        "ими",
        "ый",
        "ий",
        "ая",
        "яя",
        "ое",
        "ые",
        "ие",
        "ых",
        "их",
        "ому",
        "ой",
        "ым",
        "ом",
        "ую",
        "у",
        "а",
        "е",
        "ы",
        "и",
        "ю",
        "я",
    ] {
        if let Some(b) = k.strip_suffix(end) {
            if b.chars().count() >= 3 {
                return if end.starts_with("ск") {
                    format!("{b}ск")
                } else {
                    b.to_string()
                };
            }
        }
    }
    k
}

/// The nominative of a surname written in the case its first name shows: "Сафонову" after
/// a dative first name is "Сафонов"; surnames of other shapes stay as written.
pub fn surname_nominative(w: &str, feminine: bool) -> String {
    let table: &[(&str, &str)] = if feminine {
        &[
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ову", "ова"),
            ("еву", "ева"),
            ("ину", "ина"),
            ("ской", "ская"),
            ("скую", "ская"),
        ]
    } else {
        &[
            ("ского", "ский"),
            ("ного", "ный"),
            ("ному", "ный"),
            ("скому", "ский"),
            ("ским", "ский"),
            ("ском", "ский"),
            ("ова", "ов"),
            ("ову", "ов"),
            ("овым", "ов"),
            ("ове", "ов"),
            ("ева", "ев"),
            ("еву", "ев"),
            ("евым", "ев"),
            ("еве", "ев"),
            ("ина", "ин"),
            ("ину", "ин"),
            ("иным", "ин"),
            ("ине", "ин"),
            ("ына", "ын"),
            ("ыну", "ын"),
            ("ыным", "ын"),
        ]
    };
    for (from, to) in table {
        if let Some(b) = w.strip_suffix(from) {
            if b.chars().count() >= 2 {
                return format!("{b}{to}");
            }
        }
    }
    w.to_string()
}

/// The nominative of a region's adjective + noun ("Кемеровской области" → "Кемеровская
/// область", "Пермскому краю" → "Пермский край"), from the noun's gender.
pub fn region_nominative(adj: &str, noun_key: &str) -> Option<(String, &'static str)> {
    let (noun, fem, neut) = match noun_key {
        k if k.starts_with("област") => ("область", true, false),
        k if k.starts_with("кра") => ("край", false, false),
        k if k.starts_with("округ") => ("округ", false, false),
        k if k.starts_with("район") => ("район", false, false),
        k if k.starts_with("республик") => ("республика", true, false),
        _ => return None,
    };
    let _ = neut;
    let stem_end = [
        "ого", "ому", "ой", "ую", "ая", "ым", "им", "ом", "ий", "ый", "его", "ему", "ей", "ем",
    ]
    .into_iter()
    .find(|e| adj.ends_with(e))?;
    let stem = strip(adj, stem_end);
    // the written ending tells a soft stem ("Нижнем", "Нижней") from a hard one
    let hard = !matches!(stem_end, "его" | "ему" | "ем" | "ей");
    let end = match (fem, hard) {
        (true, true) => "ая",
        (true, false) => "яя",
        (false, _)
            if stem
                .chars()
                .last()
                .is_some_and(|c| ['к', 'г', 'х'].contains(&c)) =>
        {
            "ий"
        }
        (false, true) => "ый",
        (false, false) => "ий",
    };
    let cap = if noun == "республика" {
        "Республика"
    } else {
        noun
    };
    Some((format!("{stem}{end} {cap}"), noun))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_decline_by_their_ending() {
        let has = |w: &str, f: &str| noun_cases(w).iter().flatten().any(|x| x == f);
        assert!(has("махачкала", "махачкалы") && has("махачкала", "махачкале"));
        assert!(has("новосибирск", "новосибирске") && has("новосибирск", "новосибирском"));
        assert!(has("кемерово", "кемерове") && has("кемерово", "кемерово"));
        assert!(has("россия", "россии") && has("россия", "россией"));
        assert!(has("пермь", "перми") && has("ярославль", "ярославле"));
        assert!(has("андрей", "андрея") && has("юрий", "юрию"));
        assert!(noun_cases("тбилиси")
            .iter()
            .flatten()
            .all(|x| x == "тбилиси"));
    }

    #[test]
    fn phrases_decline_up_to_their_first_noun() {
        let f = phrase_forms("южная корея");
        assert!(f.contains(&"южной кореи".to_string()), "{f:?}");
        let f = phrase_forms("министерство внутренних дел");
        assert!(
            f.contains(&"министерства внутренних дел".to_string()),
            "{f:?}"
        );
        let f = phrase_forms("следственный комитет");
        assert!(f.contains(&"следственного комитета".to_string()), "{f:?}");
        assert!(f.contains(&"следственным комитетом".to_string()), "{f:?}");
        let f = phrase_forms("минеральные воды");
        assert!(f.contains(&"минеральных водах".to_string()), "{f:?}");
    }

    #[test]
    fn surnames_share_a_key_across_cases() {
        assert_eq!(surname_key("Алсынову"), surname_key("Алсынов"));
        assert_eq!(surname_key("Жумалиева"), surname_key("Жумалиев"));
        assert_eq!(surname_key("Петровской"), surname_key("Петровский"));
        assert_eq!(surname_nominative("Сафонову", false), "Сафонов");
        assert_eq!(surname_nominative("Лебедевой", true), "Лебедева");
        assert_eq!(surname_nominative("Заречного", false), "Заречный");
    }

    #[test]
    fn region_names_return_to_the_nominative() {
        let n = |a: &str, k: &str| region_nominative(a, k).map(|x| x.0).unwrap_or_default();
        assert_eq!(n("Кемеровской", "области"), "Кемеровская область");
        assert_eq!(n("Пермскому", "краю"), "Пермский край");
        assert_eq!(n("Кунгурском", "округе"), "Кунгурский округ");
        assert_eq!(n("Центральном", "районе"), "Центральный район");
    }
}
