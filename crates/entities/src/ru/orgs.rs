//! Russian organisations, outlets and platforms: the lexicon's names in every case form,
//! with the country or region that follows them ("МВД Грузии", "МЧС России", "ГУ МЧС по
//! Хабаровскому краю", "Следственный комитет по Кузбассу"), and names in quotes after an
//! organisation word ("партии «Новый путь»", "телеканал «Заря»").
//!
//! A body every country has, named without its country ("МВД", "Минздрав"), is the body of
//! the story's country: the country its places point to most (see `mod.rs`).

use super::cand::{joined, phrase_key, surface, Cand};
use super::data::{Org, LEX};
use super::morph::key;
use super::places::lookup;
use super::words::Word;
use newsledger_model::{EntityType, Geo};

fn country_geo(cc: &str) -> Geo {
    Geo {
        geonames_id: None,
        lat: None,
        lon: None,
        country: Some(cc.to_string()),
    }
}

/// The lexicon organisation of words `i..j`.
fn lookup_org(words: &[Word<'_>], i: usize, j: usize) -> Option<&'static Org> {
    let k = phrase_key(words, i, j)?;
    let idx = *LEX.org_forms.get(&k)?;
    LEX.orgs.get(idx as usize)
}

/// Words before a body that name one of its branches: "ГУ МЧС", "Главного управления МЧС",
/// "СУ СКР", "Дальневосточного регионального центра МЧС".
fn branch_before(words: &[Word<'_>], i: usize) -> usize {
    let Some(p) = i.checked_sub(1).filter(|&p| joined(words, p)) else {
        return i;
    };
    let w = &words[p];
    if w.upper && matches!(w.key.as_str(), "гу" | "су" | "гсу" | "уфсб" | "гу мвд")
    {
        return p;
    }
    let branchy = w.key.starts_with("управлен") || w.key.starts_with("центр");
    if !branchy {
        return i;
    }
    // up to two words before: "Главного управления", "Дальневосточного регионального центра"
    let mut s = p;
    while s > 0
        && s + 2 > p
        && joined(words, s - 1)
        && super::morph::adjective_form(&words[s - 1].key)
    {
        s -= 1;
    }
    if words[s].cap {
        s
    } else {
        i
    }
}

/// "по Хабаровскому краю", "по Кузбассу", "по городу Москве по району Хамовники": the end of
/// a branch's area, or `None`.
fn area_after(words: &[Word<'_>], j: usize) -> Option<usize> {
    let mut end = None;
    let mut k = j;
    while words.get(k).is_some_and(|w| w.key == "по") && k > 0 && joined(words, k - 1) {
        let mut m = k + 1;
        let mut cap = false;
        while m < words.len() && m < k + 4 && joined(words, m - 1) {
            let w = &words[m];
            // a person's first name after the area ends it ("… по району Хамовники Никита …")
            if LEX.first_names.contains_key(&w.key) && m > k + 1 {
                break;
            }
            let area_word = LEX.is("region_noun", &w.key)
                || matches!(w.key.as_str(), "городу" | "району" | "республике");
            if w.cap && w.cyrillic {
                cap = true;
            } else if !area_word {
                break;
            }
            m += 1;
            if cap
                && !words
                    .get(m)
                    .is_some_and(|n| LEX.is("region_noun", &n.key) || n.cap)
            {
                break;
            }
        }
        if !cap {
            break;
        }
        end = Some(m);
        k = m;
    }
    end
}

/// The country of a branch's area ("по Хабаровскому краю" → RU through Хабаровск).
fn area_country(words: &[Word<'_>], from: usize, to: usize) -> Option<&'static str> {
    (from..to).find_map(|i| {
        let w = &words[i];
        if !w.cap {
            return None;
        }
        if let Some(p) = lookup(words, i, i + 1) {
            return Some(p.country);
        }
        super::places::region_country(&w.key)
    })
}

fn kind_of(o: &Org) -> (EntityType, Option<&'static str>) {
    match o.kind {
        "platform" => (EntityType::Platform, None),
        "media" => (EntityType::Org, Some("media")),
        _ => (EntityType::Org, o.subtype),
    }
}

/// Lexicon organisations with their branches, areas and countries.
pub fn lexicon(text: &str, words: &[Word<'_>], out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if !w.cap {
            i += 1;
            continue;
        }
        let found = (1..=LEX.max_words.min(words.len() - i))
            .rev()
            .find_map(|n| lookup_org(words, i, i + n).map(|o| (n, o)));
        let Some((n, org)) = found else {
            hyphen_prefix(w, &mut *out);
            i += 1;
            continue;
        };
        // an acronym is read only when written in capitals
        if n == 1
            && w.text.chars().count() <= 4
            && !w.upper
            && org.canonical.chars().all(|c| c.is_uppercase())
        {
            i += 1;
            continue;
        }
        out.push(org_cand(text, words, i, i + n, org));
        i += n;
    }
}

/// The candidate of a listed body or outlet over `start..end`.
fn org_at(start: usize, end: usize, org: &'static Org) -> Cand {
    let (kind, subtype) = kind_of(org);
    Cand {
        start,
        end,
        kind,
        subtype,
        name: org.canonical.to_string(),
        key: format!("org:{}", org.canonical),
        geo: org.country.map(country_geo),
        prio: 5,
        needs_country: None,
    }
}

fn org_cand(text: &str, words: &[Word<'_>], i: usize, j: usize, org: &'static Org) -> Cand {
    let mut c = org_at(words[i].start, words[j - 1].end, org);
    if org.kind == "media" && joined(words, j - 1) {
        // an outlet's national edition: "Sputnik Казахстан"
        let edition =
            lookup(words, j, j + 1).filter(|p| p.country_level && key(p.name) == words[j].key);
        if let Some(p) = edition {
            let s = surface(text, words, i, j + 1);
            c.end = words[j].end;
            c.name = s.to_string();
            c.key = format!("org:{}", key(s));
            c.geo = Some(country_geo(p.country));
        }
    }
    if org.kind != "org" {
        return c;
    }
    let start = branch_before(words, i);
    // the country named after the body: "МВД Грузии", "Следственный комитет РФ"
    let mut end = j;
    let mut country = org.country;
    if joined(words, j - 1) {
        if let Some(p) = lookup(words, j, j + 1).filter(|p| p.country_level) {
            country = Some(p.country);
            end = j + 1;
        }
    }
    let mut area = false;
    if let Some(area_end) = area_after(words, end) {
        country = area_country(words, end, area_end).or(country);
        end = area_end;
        area = true;
    }
    c.start = words[start].start;
    c.end = words[end - 1].end;
    if start < i || area {
        // a branch or an area: its own entity, named as written
        let s = surface(text, words, start, end);
        c.name = s.to_string();
        c.key = format!("org:{}", key(s));
    } else if let Some(cc) = country {
        let gen = LEX.country_names.get(cc).map_or(cc, |n| n.1);
        c.name = if org.country.is_some() {
            org.canonical.to_string()
        } else {
            format!("{} {gen}", org.canonical)
        };
        c.key = format!("org:{}:{cc}", org.canonical);
    } else {
        c.needs_country = Some(org.canonical);
    }
    c.geo = country.map(country_geo);
    c
}

/// "партии «Новый путь»", "телеканала «Заря»": a name in quotes after an organisation word.
pub fn quoted(text: &str, words: &[Word<'_>], out: &mut Vec<Cand>) {
    for i in 0..words.len().saturating_sub(1) {
        let Some(sub) = LEX.head("quoted_org", &words[i].key) else {
            continue;
        };
        let next = &words[i + 1];
        if next.seg != words[i].seg || next.gap.len() > 4 {
            continue;
        }
        let latin = |w: &Word<'_>| w.cap && !w.cyrillic && w.text.chars().any(char::is_alphabetic);
        let mut j = i + 2;
        if next.opens_quote() {
            while j < words.len()
                && j < i + 6
                && words[j].seg == next.seg
                && !words[j].gap.contains(['»', '"', '“'])
            {
                j += 1;
            }
        } else if latin(next) && joined(words, i) {
            // "авиакомпании Blue Sky": a Latin-script name needs no quotes
            while j < i + 4 && latin_joined(words, j) {
                j += 1;
            }
        } else {
            continue;
        }
        let s = surface(text, words, i + 1, j);
        if s.is_empty() || !next.cap && !next.text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push(Cand {
            start: next.start,
            end: words[j - 1].end,
            kind: EntityType::Org,
            subtype: Some(sub),
            name: s.to_string(),
            key: format!("org:{}", loose_key(s)),
            geo: None,
            prio: 4,
            needs_country: None,
        });
    }
}

/// A multi-word name's key across cases: each word by its surname key ("Грузинской мечты"
/// and "Грузинская мечта" share one).
pub fn loose_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(super::morph::surname_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Telegram-канал", "МЧС-ники": a lexicon name before a hyphen inside one word.
fn hyphen_prefix(w: &Word<'_>, out: &mut Vec<Cand>) {
    let Some((head, _)) = w.text.split_once('-') else {
        return;
    };
    let Some(org) = LEX
        .org_forms
        .get(&key(head))
        .and_then(|&i| LEX.orgs.get(i as usize))
    else {
        return;
    };
    out.push(org_at(w.start, w.start + head.len(), org));
}

fn latin_joined(words: &[Word<'_>], j: usize) -> bool {
    j > 0 && joined(words, j - 1) && words.get(j).is_some_and(|w| w.cap && !w.cyrillic)
}

/// A quoted name already read as an organisation, named again in quotes without its head
/// word ("у офиса «Зелёного берега»").
pub fn quoted_again(text: &str, words: &[Word<'_>], known: &[Cand], out: &mut Vec<Cand>) {
    let keys: Vec<&Cand> = known
        .iter()
        .filter(|c| c.prio == 4 && c.kind == EntityType::Org)
        .collect();
    if keys.is_empty() {
        return;
    }
    for i in 0..words.len() {
        if !words[i].opens_quote() || !words[i].cap {
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && j < i + 5
            && words[j].seg == words[i].seg
            && !words[j].gap.contains(['»', '"', '“'])
        {
            j += 1;
        }
        let s = surface(text, words, i, j);
        let k = format!("org:{}", loose_key(s));
        if let Some(c) = keys.iter().find(|c| c.key == k) {
            out.push(Cand {
                start: words[i].start,
                end: words[j - 1].end,
                ..(*c).clone()
            });
        }
    }
}

/// Heads of an organisation's title: "Совет национальной безопасности Израиля",
/// "Центральное телевидение Китая".
const TITLE_HEADS: &[&str] = &[
    "совет",
    "министерств",
    "комитет",
    "служб",
    "управлени",
    "агентств",
    "департамент",
    "телевидени",
    "суд",
    "прокуратур",
    "парламент",
    "правительств",
    "штаб",
    "генштаб",
];

/// A capitalised title of lower-case words that ends in a country's name:
/// "Совет национальной безопасности Израиля", "Центральное телевидение Китая".
pub fn titled(text: &str, words: &[Word<'_>], out: &mut Vec<Cand>) {
    let is_head = |w: &Word<'_>| TITLE_HEADS.iter().any(|h| w.key.starts_with(h));
    for i in 0..words.len() {
        let w = &words[i];
        if !w.cap || w.upper || !w.cyrillic {
            continue;
        }
        // the title opens with its head or an adjective ("Государственной службы …"), not
        // with any capitalised word ("Об этом рассказал …")
        if !is_head(w) && !super::morph::adjective_form(&w.key) {
            continue;
        }
        let mut head = is_head(w);
        let mut tv = w.key.starts_with("телевидени");
        let mut j = i + 1;
        while j < words.len() && j < i + 6 && joined(words, j - 1) && !words[j].cap {
            head |= is_head(&words[j]);
            tv |= words[j].key.starts_with("телевидени");
            j += 1;
        }
        if !head || j == i + 1 || !joined(words, j - 1) {
            continue;
        }
        let Some(p) = lookup(words, j, j + 1).filter(|p| p.country_level) else {
            continue;
        };
        let s = surface(text, words, i, j + 1);
        out.push(Cand {
            start: w.start,
            end: words[j].end,
            kind: EntityType::Org,
            subtype: Some(if tv { "media" } else { "government" }),
            name: s.to_string(),
            key: format!("org:{}", loose_key(s)),
            geo: Some(country_geo(p.country)),
            prio: 4,
            needs_country: None,
        });
    }
}
