//! Russian person names: a first name (any case) with an optional patronymic and a surname
//! ("Владимиру Сафонову", "Анна Сергеевна Лебедева"), initials and a surname ("А. И.
//! Петров"), a role word and a surname-shaped word ("губернатор Махонин"). Later mentions of
//! the surname alone join the person in `mod.rs`.

use super::cand::{joined, Cand};
use super::data::LEX;
use super::morph::{key, surname_key, surname_nominative};
use super::words::Word;
use newsledger_model::EntityType;

fn is_patronymic(k: &str) -> bool {
    ["ович", "евич", "овн", "евн", "ичн", "инич"]
        .iter()
        .any(|e| k.contains(e))
        && k.chars().count() >= 6
}

/// Endings a surname of the common shapes has (after its case ending is stripped).
pub fn surname_shaped(k: &str) -> bool {
    let sk = surname_key(k);
    [
        "ов", "ев", "ин", "ын", "ск", "цк", "енко", "ко", "ук", "юк", "дзе", "швил", "ян", "янц",
        "ич", "их", "ых", "ай", "ий",
    ]
    .iter()
    .any(|e| sk.ends_with(e))
}

/// A word that may be a surname: capitalised Cyrillic, not in capitals, not a first name,
/// not an organisation of the lexicon.
fn surname_like(w: &Word<'_>) -> bool {
    w.cap
        && w.cyrillic
        && !w.upper
        && w.text.chars().count() >= 2
        && !LEX.first_names.contains_key(&w.key)
        && !LEX.org_forms.contains_key(&w.key)
}

fn person(start: usize, end: usize, name: String, surname: &str) -> Cand {
    Cand {
        start,
        end,
        kind: EntityType::Person,
        subtype: None,
        key: format!("per:{}", surname_key(surname)),
        name,
        geo: None,
        prio: 4,
        needs_country: None,
    }
}

/// First name, optional patronymic, surname.
pub fn full_names(words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len() {
        let w = &words[i];
        if !w.cap || w.upper {
            continue;
        }
        let Some(&(first, case, fem)) = LEX.first_names.get(&w.key) else {
            continue;
        };
        if !joined(words, i) {
            continue;
        }
        let mut j = i + 1;
        let mut patronymic = None;
        if words.get(j).is_some_and(|p| p.cap && is_patronymic(&p.key)) {
            patronymic = Some(j);
            j += 1;
        }
        let sur = words
            .get(j)
            .filter(|s| surname_like(s) && (patronymic.is_none() || joined(words, j - 1)));
        match sur {
            Some(s) => {
                let nom = if case == 0 {
                    s.text.to_string()
                } else {
                    surname_nominative(s.text, fem)
                };
                out.push(person(w.start, s.end, format!("{first} {nom}"), s.text));
            }
            None => {
                if let Some(p) = patronymic.and_then(|p| words.get(p)) {
                    out.push(person(
                        w.start,
                        p.end,
                        format!("{first} {}", p.text),
                        w.text,
                    ));
                }
            }
        }
    }
}

/// "А. Петров", "А. И. Петров", "А.И. Петров".
pub fn initials(words: &[Word<'_>], out: &mut Vec<Cand>) {
    let is_initial = |w: &Word<'_>| w.text.chars().count() == 1 && w.cap && w.cyrillic;
    for i in 0..words.len() {
        if !is_initial(&words[i])
            || i > 0 && is_initial(&words[i - 1]) && words[i].gap.trim() == "."
        {
            continue;
        }
        let mut j = i + 1;
        while words
            .get(j)
            .is_some_and(|w| is_initial(w) && w.gap.trim() == "." && w.seg == words[i].seg)
        {
            j += 1;
        }
        let Some(s) = words.get(j) else { continue };
        if s.seg != words[i].seg
            || s.gap.trim() != "."
            || !surname_like(s)
            || !surname_shaped(&s.key)
        {
            continue;
        }
        out.push(person(words[i].start, s.end, s.text.to_string(), s.text));
    }
}

/// A role word and a surname-shaped word: "губернатор Махонин", "адвоката Сидоренко".
pub fn after_roles(words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len().saturating_sub(1) {
        let r = &words[i];
        if r.cap && !r.initial || !LEX.is("role", &r.key) || !joined(words, i) {
            continue;
        }
        let s = &words[i + 1];
        if surname_like(s)
            && surname_shaped(&s.key)
            && super::places::lookup(words, i + 1, i + 2).is_none()
        {
            out.push(person(s.start, s.end, s.text.to_string(), s.text));
        }
    }
}

/// Mentions of a known person's surname alone ("Чабуев", "Жумалиева"), and a Latin spelling
/// of it ("Shoigu" for "Шойгу") by either transliteration.
pub fn surname_mentions(words: &[Word<'_>], people: &[(String, String)], out: &mut Vec<Cand>) {
    if people.is_empty() {
        return;
    }
    for w in words {
        if !w.cap || w.upper || w.text.chars().count() < 3 {
            continue;
        }
        let k = if w.cyrillic {
            format!("per:{}", surname_key(w.text))
        } else {
            let lk = super::translit::loose(&key(w.text));
            match people.iter().find(|(_, latin)| *latin == lk) {
                Some((pk, _)) => pk.clone(),
                None => continue,
            }
        };
        if let Some((pk, _)) = people.iter().find(|(pk, _)| *pk == k) {
            out.push(person(w.start, w.end, w.text.to_string(), w.text));
            if let Some(c) = out.last_mut() {
                c.key = pk.clone();
                c.prio = 2;
            }
        }
    }
}
