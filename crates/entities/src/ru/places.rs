//! Russian place names: the gazetteer in every case form ("в Махачкале", "из Хабаровска"),
//! regions by their adjective and noun ("в Кемеровской области", "Пермскому краю"),
//! settlements, streets and landmarks after their head word ("в селе Озёрное", "на улице
//! Садовой", "шахта «Северная»"), and a capitalised word after "в"/"из" that nothing else
//! explains ("в Баймаке").

use super::cand::{joined, phrase_key, surface, Cand};
use super::data::{Place, LEX};
use super::morph::{adjective_form, is_adjective, key, region_nominative};
use super::words::Word;
use newsledger_model::{EntityType, Geo};

fn subtype(p: &Place) -> &'static str {
    if p.country_level {
        "country"
    } else if p.region {
        "region"
    } else {
        "city"
    }
}

fn place_cand(w0: &Word<'_>, w1: &Word<'_>, p: &Place, prio: u8) -> Cand {
    Cand {
        start: w0.start,
        end: w1.end,
        kind: EntityType::Place,
        subtype: Some(subtype(p)),
        name: p.name.to_string(),
        key: if p.id != 0 {
            format!("geo:{}", p.id)
        } else {
            format!("place:{}", key(p.name))
        },
        geo: Some(p.geo()),
        prio,
        needs_country: None,
    }
}

/// The gazetteer place of words `i..j`, if their phrase is a case form of a place name.
pub fn lookup(words: &[Word<'_>], i: usize, j: usize) -> Option<&'static Place> {
    let k = phrase_key(words, i, j)?;
    let idx = *LEX.place_forms.get(&k)?.first()?;
    LEX.places.get(idx as usize)
}

/// A capitalised word read at a sentence start or in a heading needs more to be a place:
/// a country, a region, a city of a million, a dateline, or the same word capitalised
/// inside a sentence ("Ровно" opening a sentence is "exactly"; "так" lower case elsewhere
/// does not make "Так" a town).
fn trusted(words: &[Word<'_>], i: usize, p: &Place) -> bool {
    let w = &words[i];
    if !w.initial && !w.heading {
        return true;
    }
    p.country_level
        || p.region
        || p.population >= 1_000_000
        || dateline_head(words, i)
        || words.iter().any(|o| o.cap && !o.initial && o.key == w.key)
}

/// The first word of its segment with a comma after it: "ХАБАРОВСК, 14 сентября".
fn dateline_head(words: &[Word<'_>], i: usize) -> bool {
    let first = words[i].upper && (i == 0 || words[i - 1].seg != words[i].seg);
    first
        && words
            .get(i + 1)
            .is_some_and(|n| n.gap.trim_start().starts_with(','))
}

/// Gazetteer places, longest phrase first.
pub fn gazetteer(words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len() {
        let w = &words[i];
        if !w.cap || !w.cyrillic || LEX.first_names.contains_key(&w.key) && joined(words, i) {
            continue;
        }
        for n in (1..=LEX.max_words.min(words.len() - i)).rev() {
            let Some(p) = lookup(words, i, i + n) else {
                continue;
            };
            // A word in capitals is a place only as a country's acronym ("КНР") or at the
            // head of a dateline ("ХАБАРОВСК, 14 сентября"), not in a heading in capitals.
            if w.upper
                && n == 1
                && !(p.country_level && w.text.chars().count() <= 4 || dateline_head(words, i))
            {
                break;
            }
            // A name in quotes names a thing after the place: a road, a ship, a shop.
            if w.opens_quote() {
                break;
            }
            // An adjective-shaped town name before a lower-case noun is the adjective of a
            // longer name: "Центральный район", "Московский вокзал".
            let next_lower = words.get(i + n).is_some_and(|x| !x.cap) && joined(words, i + n - 1);
            if n == 1 && is_adjective(&key(p.name)) && next_lower {
                break;
            }
            if trusted(words, i, p) {
                out.push(place_cand(w, &words[i + n - 1], p, 2));
            }
            break;
        }
    }
}

/// The country of a region read from its adjective: "Курской" is formed from "Курск",
/// "Кемеровской" from "Кемерово", "Харьковской" from "Харьков".
pub fn region_country(adj_key: &str) -> Option<&'static str> {
    let stem = [
        "ская",
        "ской",
        "скую",
        "ском",
        "ский",
        "ского",
        "скому",
        "ским",
    ]
    .into_iter()
    .find_map(|e| adj_key.strip_suffix(e))?;
    let with_sk = format!("{stem}ск");
    let tries = [
        with_sk,
        format!("{stem}о"),
        format!("{stem}а"),
        format!("{stem}ь"),
        stem.to_string(),
    ];
    tries.iter().find_map(|t| {
        let idx = *LEX.place_forms.get(t)?.first()?;
        let p = LEX.places.get(idx as usize)?;
        (key(p.name) == *t).then_some(p.country)
    })
}

/// "Кемеровской области", "Пермскому краю", "Кунгурском округе", "Республике Дагестан".
pub fn regions(words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len().saturating_sub(1) {
        let (a, b) = (&words[i], &words[i + 1]);
        if !joined(words, i) || !LEX.is("region_noun", &b.key) {
            continue;
        }
        if a.cap && a.cyrillic && adjective_form(&a.key) {
            let Some((name, _)) = region_nominative(a.text, &b.key) else {
                continue;
            };
            let country = region_country(&a.key);
            let mut c = region_cand(a.start, b.end, name, country);
            // a region the list knows by a name of its own is that region ("Приморского
            // края" and "Приморье")
            let known = LEX.place_forms.get(&key(&c.name)).and_then(|v| v.first());
            if let Some(p) = known
                .and_then(|&i| LEX.places.get(i as usize))
                .filter(|p| p.region)
            {
                c.key = format!("place:{}", key(p.name));
            }
            out.push(c);
        }
    }
    // "Республика Дагестан" and its case forms: the noun first, then the name.
    for i in 0..words.len().saturating_sub(1) {
        let (a, b) = (&words[i], &words[i + 1]);
        if a.key.starts_with("республик") && a.cap && b.cap && joined(words, i) {
            let name = format!("Республика {}", b.text);
            let country = lookup(words, i + 1, i + 2).map(|p| p.country);
            out.push(region_cand(a.start, b.end, name, country));
        }
    }
}

fn region_cand(start: usize, end: usize, name: String, country: Option<&'static str>) -> Cand {
    Cand {
        start,
        end,
        kind: EntityType::Place,
        subtype: Some("region"),
        key: format!("place:{}", key(&name)),
        name,
        geo: country.map(|c| Geo {
            geonames_id: None,
            lat: None,
            lon: None,
            country: Some(c.to_string()),
        }),
        prio: 4,
        needs_country: None,
    }
}

/// The capitalised words that follow word `i` in its segment (at most two), as an end index.
/// A second word joins only when it does not open a name of its own: a region ("Светлая
/// Приморского края") or a known place ("провинции Филиппин Себу" is the country, then the
/// province).
fn cap_run(words: &[Word<'_>], i: usize) -> Option<usize> {
    if !joined(words, i) || !words.get(i + 1)?.cap {
        return None;
    }
    let j = i + 2;
    let second = words.get(j).filter(|w| w.cap && joined(words, j - 1));
    let own = |k: usize| {
        lookup(words, k, k + 1).is_some()
            || words
                .get(k + 1)
                .is_some_and(|n| LEX.is("region_noun", &n.key))
    };
    match second {
        Some(_) if lookup(words, i + 1, j + 1).is_some() => Some(j + 1),
        Some(_) if !own(i + 1) && !own(j) => Some(j + 1),
        _ => Some(j),
    }
}

fn unknown_place(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    j: usize,
    sub: &'static str,
    prio: u8,
) -> Cand {
    let s = surface(text, words, i, j);
    let known = lookup(words, i, j);
    Cand {
        start: words[i].start,
        end: words[j - 1].end,
        kind: EntityType::Place,
        subtype: Some(known.map_or(sub, subtype)),
        name: known.map_or_else(|| s.to_string(), |p| p.name.to_string()),
        key: match known {
            Some(p) if p.id != 0 => format!("geo:{}", p.id),
            _ => format!("place:{}", key(s)),
        },
        geo: known.map(Place::geo),
        prio,
        needs_country: None,
    }
}

/// Settlements, streets and landmarks named after their head word.
pub fn headed(text: &str, words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len() {
        let w = &words[i];
        if w.cap && !w.upper {
            continue;
        }
        if LEX.is("settlement", &w.key) {
            // "провинции Филиппин Себу": the country in the genitive, then the name
            let country_first = lookup(words, i + 1, i + 2).is_some_and(|p| p.country_level)
                && words.get(i + 2).is_some_and(|n| n.cap)
                && joined(words, i + 1);
            let from = if country_first { i + 1 } else { i };
            if let Some(j) = cap_run(words, from) {
                let i = from;
                let sub = if matches!(w.key.get(..4), Some("уезд" | "пров" | "штат")) {
                    "region"
                } else {
                    "city"
                };
                out.push(unknown_place(text, words, i + 1, j, sub, 3));
            }
        } else if LEX.is("street", &w.key) {
            if let Some(j) = cap_run(words, i) {
                let mut c = unknown_place(text, words, i + 1, j, "landmark", 3);
                c.start = w.start;
                c.subtype = Some("landmark");
                c.name = format!("улица {}", surface(text, words, i + 1, j));
                c.key = format!("place:{}", key(&c.name));
                c.geo = None;
                out.push(c);
            }
        } else if LEX.is("landmark", &w.key) {
            landmark_after(text, words, i, out);
        }
    }
    adjective_landmarks(words, out);
}

/// "шахте «Северная»", "ТЦ «Заря»", "площади Ала-Тоо": the name after a landmark head.
fn landmark_after(text: &str, words: &[Word<'_>], i: usize, out: &mut Vec<Cand>) {
    let Some(next) = words.get(i + 1) else { return };
    if next.seg != words[i].seg {
        return;
    }
    let j = if next.opens_quote() {
        // up to the word before the closing quote
        let mut j = i + 2;
        while j < words.len()
            && j < i + 5
            && words[j].seg == next.seg
            && !words[j].gap.contains(['»', '"', '“'])
        {
            j += 1;
        }
        j
    } else if next.cap && joined(words, i) && lookup(words, i + 1, i + 2).is_none() {
        i + 2
    } else {
        return;
    };
    if next.gap.len() > 4 {
        return;
    }
    let mut c = unknown_place(text, words, i + 1, j, "landmark", 3);
    c.subtype = Some("landmark");
    out.push(c);
}

/// "на Хованском кладбище": a capitalised adjective before a landmark noun inside a
/// sentence (`landmark_noun` of heads.tsv).
fn adjective_landmarks(words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len().saturating_sub(1) {
        let (a, b) = (&words[i], &words[i + 1]);
        let adjective = a.cap && !a.initial && adjective_form(&a.key) && joined(words, i);
        if !adjective || !LEX.is("landmark_noun", &b.key) {
            continue;
        }
        out.push(Cand {
            start: a.start,
            end: b.end,
            kind: EntityType::Place,
            subtype: Some("landmark"),
            key: format!("place:{}", super::morph::surname_key(&a.key)),
            name: format!("{} {}", a.text, b.text),
            geo: None,
            prio: 3,
            needs_country: None,
        });
    }
}

/// A capitalised word after "в", "из", "под"… that no lexicon knows: a place (no id).
pub fn after_preposition(text: &str, words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len().saturating_sub(1) {
        let (p, w) = (&words[i], &words[i + 1]);
        if p.cap && !p.initial || !LEX.is("place_prep", &p.key) || !joined(words, i) {
            continue;
        }
        if !w.cap || w.upper || !w.cyrillic || LEX.first_names.contains_key(&w.key) {
            continue;
        }
        // places after "в"/"из" are in the prepositional or genitive: "в Службу спасения"
        // is an institution, "в Баймаке" a town
        let ending_ok = w.key.ends_with(['е', 'и', 'а', 'ы', 'я']);
        if LEX.org_forms.contains_key(&w.key) || !ending_ok {
            continue;
        }
        let mut c = unknown_place(text, words, i + 1, i + 2, "city", 1);
        if c.geo.is_none() {
            // the prepositional "-е" of a consonant stem: "в Баймаке" → "Баймак"
            if let Some(stem) = w.text.strip_suffix('е') {
                if stem
                    .chars()
                    .last()
                    .is_some_and(|c| !"аеёиоуыэюяьй".contains(c))
                {
                    c.name = stem.to_string();
                    c.key = format!("place:{}", key(stem));
                }
            }
        }
        out.push(c);
    }
}
