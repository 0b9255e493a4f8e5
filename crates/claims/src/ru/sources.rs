//! Who reports a Russian figure: "по данным Минздрава", "сообщили в МЧС", "передает
//! Вестник со ссылкой на полицию", "X заявил", "заявил X"; and the hedges that mark it
//! unconfirmed ("якобы", "по неподтвержденным данным").

use super::tokens::Tok;
use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Reporting cues, longest first: (phrase, kind).
static CUES: Lazy<Vec<(&'static str, &'static str)>> = Lazy::new(|| {
    let mut v: Vec<(&str, &str)> = rows(include_str!("../../../../data/claims/ru/sources.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.split_whitespace().count()));
    v
});

static SOURCE_NAMES: Lazy<HashMap<&'static str, &'static str>> = Lazy::new(|| {
    rows(include_str!("../../../../data/claims/ru/source_names.tsv"))
        .filter_map(|r| Some((*r.first()?, *r.get(1)?)))
        .collect()
});

static HEDGES: Lazy<Vec<&'static str>> = Lazy::new(|| {
    rows(include_str!("../../../../data/claims/ru/hedges.tsv"))
        .filter_map(|r| r.first().copied())
        .collect()
});

/// Lower-case words that may stand inside a source's name besides capitalised words and
/// acronyms (`data/figures/ru/name_words.txt`).
static NAME_WORDS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    include_str!("../../../../data/claims/ru/name_words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Beginnings of lower-case words that open a speaker's title (`data/claims/ru/titles.txt`).
static TITLES: Lazy<Vec<&'static str>> = Lazy::new(|| {
    include_str!("../../../../data/claims/ru/titles.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Personal pronouns that stand for the speaker named before ("сообщил он").
pub const PRONOUNS: &[&str] = &["он", "она", "они", "его", "ее", "её", "их"];

/// Words between a speech verb and its speaker ("сообщила сегодня пресс-секретарь").
const ADVERBS: &[&str] = &[
    "сегодня",
    "вчера",
    "накануне",
    "позднее",
    "позже",
    "ранее",
    "также",
    "днем",
    "днём",
    "утром",
    "вечером",
    "ночью",
    "официально",
];

const WEEKDAYS: &[&str] = &[
    "понедельник",
    "вторник",
    "среду",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
];

/// Words that end a common-noun speaker ("по словам очевидцев, …").
const STOPS: &[&str] = &[
    "на",
    "в",
    "во",
    "о",
    "об",
    "к",
    "с",
    "со",
    "по",
    "за",
    "из",
    "от",
    "до",
    "и",
    "а",
    "что",
    "это",
    "у",
    "при",
    "после",
    "уже",
    "сейчас",
    "тогда",
    "не",
];

/// Capitalised words that open sentences rather than name anyone.
const NOT_NAMES: &[&str] = &[
    "накануне",
    "вчера",
    "сегодня",
    "позднее",
    "позже",
    "ранее",
    "также",
    "однако",
    "как",
    "по",
    "в",
    "во",
    "на",
    "об",
    "о",
    "при",
    "после",
    "тогда",
    "затем",
    "кроме",
    "всего",
    "среди",
    "это",
    "напомним",
    "детали",
    "подробности",
    "фото",
    "видео",
];

fn name_word(toks: &[Tok], i: usize, text: &str) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.punct {
        // Quotes inside a name: Центр «Открытая дверь».
        return matches!(t.lc.as_str(), "«" | "»" | "„" | "“" | "\"");
    }
    if t.digits || NOT_NAMES.contains(&t.lc.as_str()) {
        return false;
    }
    let raw = text.get(t.start..t.end).unwrap_or("");
    raw.chars().next().is_some_and(char::is_uppercase) || NAME_WORDS.contains(t.lc.as_str())
}

/// Drops joining words and unbalanced quotes from the ends of a name's tokens.
fn trim_name(toks: &[Tok], (mut a, mut b): (usize, usize)) -> Option<(usize, usize)> {
    let quotes = |a: usize, b: usize| {
        let open = toks[a..b]
            .iter()
            .filter(|t| matches!(t.lc.as_str(), "«" | "„"))
            .count();
        let close = toks[a..b]
            .iter()
            .filter(|t| matches!(t.lc.as_str(), "»" | "“"))
            .count();
        (open, close)
    };
    while a < b {
        let (open, close) = quotes(a, b);
        let last = toks[b - 1].lc.as_str();
        let first = toks[a].lc.as_str();
        if last == "по"
            || matches!(last, "«" | "„" | "\"")
            || (matches!(last, "»" | "“") && close > open)
        {
            b -= 1;
        } else if first == "\""
            || (matches!(first, "«" | "„") && open > close)
            || matches!(first, "»" | "“")
        {
            a += 1;
        } else {
            break;
        }
    }
    (a < b).then_some((a, b))
}

/// The name that starts at token `i` (up to six words), as (first, end) token indices.
fn name_after(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
    let mut j = i;
    // "Канал 7", "Россия 1": a number right after a name word belongs to it.
    while j < i + 6
        && (name_word(toks, j, text) || j > i && toks[j].digits && name_word(toks, j - 1, text))
    {
        // A quoted name is taken whole: «Открытая дверь».
        if toks[j].lc == "«" {
            if let Some(k) = (j + 1..toks.len().min(j + 8)).find(|&k| toks[k].lc == "»") {
                j = k;
            }
        }
        j += 1;
    }
    trim_name(toks, (i, j))
}

/// The token after adverbs and a weekday that follow a speech verb at `i` ("сообщило в
/// четверг Центральное телевидение").
fn skip_adverbs(toks: &[Tok], mut i: usize) -> usize {
    loop {
        let lc = |k: usize| toks.get(k).map_or("", |t| t.lc.as_str());
        if ADVERBS.contains(&lc(i)) {
            i += 1;
        } else if matches!(lc(i), "в" | "во") && WEEKDAYS.contains(&lc(i + 1)) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// A speaker's title and name from token `i`: a lower-case title word, any words, and
/// the capitalised words that end it; the speaker is the person, the last two capitalised
/// words ("мэр города Свободного Роберт Каминский" → "Роберт Каминский"), or the whole
/// title when it ends in a body ("представитель областного ГУ МВД"); none without a
/// capitalised word.
fn titled_name_after(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if t.punct || !TITLES.iter().any(|p| t.lc.starts_with(p)) {
        return None;
    }
    let mut last_cap = None;
    for k in i + 1..toks.len().min(i + 16) {
        let tk = &toks[k];
        if tk.punct && !matches!(tk.lc.as_str(), "«" | "»" | "\"") || cue_at(toks, k).is_some() {
            break;
        }
        let raw = text.get(tk.start..tk.end).unwrap_or("");
        let cap = raw.starts_with(char::is_uppercase)
            || matches!(tk.lc.as_str(), "«" | "»" | "\"")
            || (tk.digits && last_cap == Some(k - 1));
        if cap {
            last_cap = Some(k);
        } else if last_cap.is_some() && !NAME_WORDS.contains(tk.lc.as_str()) {
            break;
        }
    }
    let last = last_cap?;
    let word = |k: usize| text.get(toks[k].start..toks[k].end).unwrap_or("");
    let person = |k: usize| {
        let w = word(k);
        w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    if last > i + 1 && person(last) && person(last - 1) {
        return Some((last - 1, last + 1));
    }
    trim_name(toks, (i, last + 1))
}

/// A common-noun speaker of up to three words after "по словам", "по данным"
/// ("по словам очевидцев", "по данным спасателей").
fn common_noun_after(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j < i + 3
        && toks
            .get(j)
            .is_some_and(|t| !t.punct && !t.digits && !STOPS.contains(&t.lc.as_str()))
    {
        j += 1;
    }
    (j > i).then_some((i, j))
}

/// The speaker of a cue of `kind` (phrase `phrase`) at `i` whose words end before `next`.
fn name_for(
    toks: &[Tok],
    (kind, phrase): (&str, &str),
    i: usize,
    next: usize,
    text: &str,
) -> Option<(usize, usize)> {
    if kind == "pronoun" {
        return Some((i + 1, i + 2));
    }
    let next = if kind == "verb" || kind == "relay" {
        skip_adverbs(toks, next)
    } else {
        next
    };
    if matches!(kind, "verb" | "relay")
        && toks
            .get(next)
            .is_some_and(|t| PRONOUNS.contains(&t.lc.as_str()))
    {
        return Some((next, next + 1));
    }
    // "со ссылкой на данные Министерства …": the body, not its data.
    let next = if kind == "via"
        && toks
            .get(next)
            .is_some_and(|t| matches!(t.lc.as_str(), "данные" | "информацию" | "сообщение"))
    {
        next + 1
    } else {
        next
    };
    if let Some(n) = titled_name_after(toks, next, text) {
        return Some(n);
    }
    // "В МВД позже сообщили": the name before, across adverbs.
    let mut at = i;
    while at > 0 && ADVERBS.contains(&toks[at - 1].lc.as_str()) {
        at -= 1;
    }
    match kind {
        "verb" | "relay" if !name_word(toks, next, text) => name_before(toks, at, text),
        "verb" => name_after(toks, next, text).or_else(|| name_before(toks, i, text)),
        "before" if phrase.starts_with("по ") || phrase.starts_with("согласно") => {
            name_after(toks, next, text).or_else(|| common_noun_after(toks, next))
        }
        _ => name_after(toks, next, text),
    }
}

/// True when a headline's words before a colon name a body: an acronym ("МВД Грузии:")
/// or a listed name word ("Пресс-служба полиции:"), not a place or a "Напомним:".
fn names_a_body(toks: &[Tok], k: usize, text: &str) -> bool {
    (0..k).all(|j| name_word(toks, j, text))
        && toks[..k].iter().any(|t| {
            let raw = text.get(t.start..t.end).unwrap_or("");
            NAME_WORDS.contains(t.lc.as_str())
                || (raw.chars().count() >= 2 && raw.chars().all(char::is_uppercase))
        })
}

/// The name that ends right before token `i`.
fn name_before(toks: &[Tok], i: usize, text: &str) -> Option<(usize, usize)> {
    let mut j = i;
    while j > 0 && j + 8 > i && name_word(toks, j - 1, text) {
        j -= 1;
        if toks[j].lc == "»" {
            if let Some(k) = (j.saturating_sub(8)..j).rev().find(|&k| toks[k].lc == "«") {
                j = k;
            }
        }
    }
    trim_name(toks, (j, i))
}

/// The source's name: a listed case form becomes its nominative ("Минздрава" → "Минздрав"),
/// anything else is kept as written.
fn canonical(toks: &[Tok], (a, b): (usize, usize), text: &str) -> String {
    let lc: Vec<&str> = toks[a..b].iter().map(|t| t.lc.as_str()).collect();
    if let Some(n) = SOURCE_NAMES.get(lc.join(" ").as_str()) {
        return (*n).to_string();
    }
    let raw = text.get(toks[a].start..toks[b - 1].end).unwrap_or("");
    // "Минздраве Талварии" → "Минздрав Талварии": the head word in its nominative.
    if let Some(n) = lc.first().and_then(|w| SOURCE_NAMES.get(*w)) {
        let rest = text.get(toks[a].end..toks[b - 1].end).unwrap_or("");
        // Keep the capital of a name written with one ("Полиция Острина").
        let mut head = n.to_string();
        if raw.starts_with(char::is_uppercase) {
            let mut cs = n.chars();
            head = cs
                .next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
        }
        return format!("{head}{rest}");
    }
    raw.to_string()
}

fn cue_at(toks: &[Tok], i: usize) -> Option<(&'static str, &'static str, usize)> {
    CUES.iter().find_map(|(phrase, kind)| {
        let mut j = i;
        for w in phrase.split_whitespace() {
            if toks.get(j).map(|t| t.lc.as_str()) != Some(w) {
                return None;
            }
            j += 1;
        }
        Some((*kind, *phrase, j))
    })
}

/// A source named in a sentence: its name (nominative where known) and byte span.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub text: String,
    pub span: (usize, usize),
}

/// The reporting of one sentence: who (origins first), through whom (relays), and the
/// first cue (byte span and its phrase).
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub origins: Vec<Named>,
    pub relays: Vec<Named>,
    pub cue: Option<((usize, usize), &'static str)>,
}

impl Attribution {
    /// Origin first, the relaying outlet last.
    pub fn chain(&self) -> Vec<String> {
        self.origins
            .iter()
            .chain(&self.relays)
            .map(|n| n.name.clone())
            .collect()
    }
}

/// The attribution of a sentence (its tokens and text).
pub fn attribution(toks: &[Tok], text: &str) -> Attribution {
    let mut out = Attribution::default();
    // "МВД Грузии: …" — a headline or lede that opens with its source and a colon.
    if let Some(k) = toks.iter().take(7).position(|t| t.lc == ":") {
        if k > 0 && names_a_body(toks, k, text) {
            out.cue = Some(((toks[k].start, toks[k].end), ":"));
            out.origins.push(Named {
                name: canonical(toks, (0, k), text),
                text: text
                    .get(toks[0].start..toks[k - 1].end)
                    .unwrap_or("")
                    .to_string(),
                span: (toks[0].start, toks[k - 1].end),
            });
        }
    }
    let mut i = 0;
    while i < toks.len() {
        let Some((kind, phrase, next)) = cue_at(toks, i) else {
            i += 1;
            continue;
        };
        let name = name_for(toks, (kind, phrase), i, next, text);
        if let Some((a, b)) = name {
            out.cue
                .get_or_insert(((toks[i].start, toks[next - 1].end), phrase));
            let named = Named {
                name: canonical(toks, (a, b), text),
                text: text
                    .get(toks[a].start..toks[b - 1].end)
                    .unwrap_or("")
                    .to_string(),
                span: (toks[a].start, toks[b - 1].end),
            };
            let list = if kind == "relay" {
                &mut out.relays
            } else {
                &mut out.origins
            };
            if !list.iter().any(|n| n.name == named.name) {
                list.push(named);
            }
        }
        i = next;
    }
    out
}

/// The source chain of a sentence, origin first, the relaying outlet last.
#[cfg(test)]
fn chain(toks: &[Tok], text: &str) -> Vec<String> {
    attribution(toks, text).chain()
}

/// The hedges of a sentence: (byte start, byte end) in its lower-cased text, which keeps
/// the byte offsets of the original for Cyrillic and ASCII letters.
pub fn hedges(sentence_lc: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for h in HEDGES.iter() {
        for (at, _) in sentence_lc.match_indices(h) {
            let before = sentence_lc[..at].chars().next_back();
            let after = sentence_lc[at + h.len()..].chars().next();
            if !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
            {
                out.push((at, at + h.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ru::tokens::tokenize;

    fn sources(s: &str) -> Vec<String> {
        chain(&tokenize(s), s)
    }

    #[test]
    fn cues_before_and_after_the_name() {
        assert_eq!(
            sources("По данным Минздрава, погибли 12 человек."),
            ["Минздрав"]
        );
        assert_eq!(sources("Об этом сообщили в МЧС."), ["МЧС"]);
        assert_eq!(
            sources("МВД Талварии: задержаны 20 человек"),
            ["МВД Талварии"]
        );
        assert_eq!(sources("Об этом сообщает Канал 7."), ["Канал 7"]);
        assert_eq!(
            sources("Об этом сообщили в Минздраве Талварии."),
            ["Минздрав Талварии"]
        );
        assert_eq!(
            sources("Центр «Открытая дверь» заявил, что задержаны 90 человек."),
            ["Центр «Открытая дверь»"]
        );
        assert_eq!(
            sources("Полиция Острина заявила, что задержаны 40 человек."),
            ["Полиция Острина"]
        );
    }

    #[test]
    fn titles_adverbs_and_headline_colons() {
        assert_eq!(
            sources("Задержаны 30 человек, сообщил в пятницу министр внутренних дел Талварии Олег Сомов."),
            ["Олег Сомов"]
        );
        assert_eq!(
            sources("Погибли 7 человек, заявил вице-губернатор области Иван Лесной."),
            ["Иван Лесной"]
        );
        assert_eq!(
            sources("Ранены 5 человек, сообщает представитель областного ГУ МВД."),
            ["представитель областного ГУ МВД"]
        );
        assert_eq!(
            sources("Задержаны 9 человек, сообщает Канал 7 со ссылкой на данные МВД."),
            ["МВД", "Канал 7"]
        );
        assert!(sources("Напомним: спасены 20 человек.").is_empty());
        assert_eq!(
            sources("В МЧС позже сообщили, что спасены 20 человек."),
            ["МЧС"]
        );
        assert_eq!(
            sources("Ранены 8 человек, сообщает телеканал «Острин 24»."),
            ["телеканал «Острин 24»"]
        );
        assert!(sources("Острин: задержаны 20 человек").is_empty());
        assert_eq!(
            sources("По словам спасателей, погибли 3 человека."),
            ["спасателей"]
        );
        assert_eq!(
            sources("Согласно последним данным Минздрава, ранены 12 человек."),
            ["Минздрав"]
        );
    }

    #[test]
    fn relays_come_last() {
        assert_eq!(
            sources("Как передает Вестник со ссылкой на МВД, задержаны 40 человек."),
            ["МВД", "Вестник"]
        );
    }

    #[test]
    fn hedge_words() {
        assert_eq!(hedges("якобы погибли 5 человек"), [(0, "якобы".len())]);
        assert_eq!(hedges("по неподтвержденным данным, ранены 3").len(), 1);
        assert!(hedges("погибли 5 человек").is_empty());
    }
}
