//! Russian time expressions: dates with the month in any case ("9 января 2022 года",
//! "3 марта", "к 5 марта"), months and years ("в январе", "в 2021 году"), digit dates
//! (09.01.2022), weekdays ("в пятницу", "в прошлую среду") and the fixed phrases of
//! `data/time/ru/relative.tsv` ("накануне", "на прошлой неделе"). Candidates carry the
//! same [`Reading`]s as English ones, so one resolver gives both their values.

use super::{push, Cand, Reading, Rel};
use crate::lexicon::Relative;
use crate::resolve::Tense;
use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

fn rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn table(src: &'static str) -> HashMap<&'static str, u32> {
    rows(src)
        .filter_map(|r| Some((*r.first()?, r.get(1)?.parse().ok()?)))
        .collect()
}

static MONTHS: Lazy<HashMap<&'static str, u32>> =
    Lazy::new(|| table(include_str!("../../../../data/time/ru/months.tsv")));
static WEEKDAYS: Lazy<HashMap<&'static str, u32>> =
    Lazy::new(|| table(include_str!("../../../../data/time/ru/weekdays.tsv")));

/// The rows of `data/time/ru/relative.tsv`; [`Reading::FixedRu`] indexes them.
pub static RELATIVE: Lazy<Vec<Relative>> = Lazy::new(|| {
    rows(include_str!("../../../../data/time/ru/relative.tsv"))
        .filter_map(|r| {
            Some(Relative {
                phrase: r.first()?.to_lowercase(),
                kind: r.get(1)?.to_string(),
                template: r.get(2)?.to_string(),
                modifier: r.get(3).filter(|m| !m.is_empty()).map(|m| m.to_string()),
            })
        })
        .collect()
});

/// An alternation of words, longest first, each escaped.
fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut ws: Vec<&str> = words.collect();
    ws.sort_by_key(|w| std::cmp::Reverse(w.len()));
    ws.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

struct Patterns {
    day_month: Regex,
    month_year: Regex,
    digits: Regex,
    year: Regex,
    weekday: Regex,
    fixed: Regex,
}

static PAT: Lazy<Option<Patterns>> = Lazy::new(|| {
    let full = alternation(MONTHS.keys().copied().filter(|w| !w.ends_with('.')));
    let abbr = alternation(MONTHS.keys().copied().filter(|w| w.ends_with('.')));
    let months = format!(r"(?:{full})\b|(?:{abbr})");
    let weekdays = alternation(WEEKDAYS.keys().copied());
    let fixed = alternation(RELATIVE.iter().map(|r| r.phrase.as_str()));
    let year_word = r"(?:\s*(?:года\b|году\b|год\b|г\.))?";
    Some(Patterns {
        day_month: Regex::new(&format!(
            r"\b(?:(?P<d1>\d{{1,2}})\s*[-–—]\s*)?(?P<d>\d{{1,2}})\s+(?P<m>{months})(?:\s+(?P<y>\d{{4}}){year_word})?"
        ))
        .ok()?,
        month_year: Regex::new(&format!(
            r"\b(?P<m>{months})(?:\s+(?P<y>\d{{4}}){year_word})?"
        ))
        .ok()?,
        digits: Regex::new(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})\b").ok()?,
        year: Regex::new(r"\b(?P<y>(?:1[89]|20)\d\d)(?:-?м)?\s*(?:года|году|год|г\.)").ok()?,
        weekday: Regex::new(&format!(
            r"(?i:\b(?:в|во)\s+(?:(?P<rel>прошлую|прошлый|прошлое|минувшую|минувший|минувшее|эту|этот|это|следующую|следующий|следующее)\s+)?)(?P<wd>{weekdays})\b"
        ))
        .ok()?,
        fixed: Regex::new(&format!(r"(?i)\b(?:{fixed})\b")).ok()?,
    })
});

/// Every Russian candidate of one sentence, overlaps settled longest-first.
pub fn candidates(text: &str) -> Vec<Cand> {
    let Some(p) = PAT.as_ref() else {
        return Vec::new();
    };
    let mut out: Vec<Cand> = Vec::new();
    dates(p, text, &mut out);
    weekdays(p, text, &mut out);
    for m in p.fixed.find_iter(text) {
        let lc = m.as_str().to_lowercase();
        if let Some(i) = RELATIVE.iter().position(|r| r.phrase == lc) {
            push(&mut out, m.start(), m.end(), Reading::FixedRu(i));
        }
    }
    settle(out)
}

fn dates(p: &Patterns, text: &str, out: &mut Vec<Cand>) {
    for c in p.day_month.captures_iter(text) {
        let (Some(all), Some(dm), Some(mm)) = (c.get(0), c.name("d"), c.name("m")) else {
            continue;
        };
        let (Ok(d), Some(&m)) = (dm.as_str().parse::<u32>(), MONTHS.get(mm.as_str())) else {
            continue;
        };
        let y = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        let start = c.name("d1").map_or(dm.start(), |m| m.start());
        let end = all.end();
        if (1..=31).contains(&d) {
            push(out, start, end, Reading::date(y, m, d));
        }
    }
    for c in p.month_year.captures_iter(text) {
        let (Some(all), Some(mm)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let Some(&m) = MONTHS.get(mm.as_str()) else {
            continue;
        };
        let y = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
        // An abbreviation names a month only next to a year.
        if mm.as_str().ends_with('.') && y.is_none() {
            continue;
        }
        push(out, mm.start(), all.end(), Reading::date(y, m, 0));
    }
    for c in p.digits.captures_iter(text) {
        let (Some(all), Some(d), Some(m), Some(y)) =
            (c.get(0), c.name("d"), c.name("m"), c.name("y"))
        else {
            continue;
        };
        let (Ok(d), Ok(m), Ok(mut y)) = (
            d.as_str().parse::<u32>(),
            m.as_str().parse::<u32>(),
            y.as_str().parse::<i32>(),
        ) else {
            continue;
        };
        if y < 100 {
            y += 2000;
        }
        if (1..=31).contains(&d) && (1..=12).contains(&m) {
            push(out, all.start(), all.end(), Reading::date(Some(y), m, d));
        }
    }
    for c in p.year.captures_iter(text) {
        let (Some(all), Some(ym)) = (c.get(0), c.name("y")) else {
            continue;
        };
        if let Ok(y) = ym.as_str().parse::<i32>() {
            push(
                out,
                ym.start(),
                all.end(),
                Reading::Year {
                    y,
                    modifier: None,
                    season: None,
                },
            );
        }
    }
}

fn weekdays(p: &Patterns, text: &str, out: &mut Vec<Cand>) {
    for c in p.weekday.captures_iter(text) {
        let Some(wm) = c.name("wd") else { continue };
        let Some(&wd) = WEEKDAYS.get(wm.as_str().to_lowercase().as_str()) else {
            continue;
        };
        let rel = c
            .name("rel")
            .map(|r| match r.as_str().to_lowercase().as_str() {
                "эту" | "этот" | "это" => Rel::This,
                "следующую" | "следующий" | "следующее" => Rel::Next,
                _ => Rel::Last,
            });
        let start = c.name("rel").map_or(wm.start(), |r| r.start());
        push(
            out,
            start,
            wm.end(),
            Reading::Weekday {
                wd,
                rel,
                part: None,
            },
        );
    }
}

/// Longest first; a candidate inside a longer one goes.
fn settle(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if out.last().is_some_and(|l: &Cand| c.start < l.end) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Words that put a Russian sentence in the future ("состоится", "будет"); otherwise news
/// is told in the past.
const FUTURE_CUES: &[&str] = &[
    "будет",
    "будут",
    "состоится",
    "пройдет",
    "пройдёт",
    "начнется",
    "начнётся",
    "планируется",
    "намерен",
    "намерены",
    "собирается",
    "ожидается",
];

/// The tense a weekday or month without a year resolves by.
pub fn tense(sentence: &str) -> Tense {
    let lc = sentence.to_lowercase();
    let future = lc
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FUTURE_CUES.contains(&w));
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}

#[cfg(test)]
mod tests {
    use newsledger_model::{Lang, Span};

    /// (text, value) of every timex in one Russian sentence published on Friday 7 March 2031.
    fn values(s: &str) -> Vec<(String, String)> {
        let dct = chrono::NaiveDate::from_ymd_opt(2031, 3, 7);
        crate::annotate_in(s, &[Span::new(0, s.len())], dct, Lang::Ru)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn full_dates_with_year_words() {
        assert_eq!(
            values("Протесты начались 9 января 2029 года в Острине."),
            [pair("9 января 2029 года", "2029-01-09")]
        );
        assert_eq!(
            values("Сводка от 09.01.2029 устарела."),
            [pair("09.01.2029", "2029-01-09")]
        );
        assert_eq!(
            values("В 2029 году город вырос."),
            [pair("2029 году", "2029")]
        );
    }

    #[test]
    fn months_in_every_case() {
        assert_eq!(
            values("Это случилось 3 марта."),
            [pair("3 марта", "2031-03-03")]
        );
        assert_eq!(
            values("Мост откроют к 5 мая."),
            [pair("5 мая", "2031-05-05")]
        );
        assert_eq!(values("В феврале было тихо."), [pair("феврале", "2031-02")]);
        assert_eq!(values("Маяк на мысе погас."), []);
    }

    #[test]
    fn weekdays_and_fixed_phrases() {
        assert_eq!(
            values("Пожар вспыхнул в среду."),
            [pair("среду", "2031-03-05")]
        );
        assert_eq!(
            values("Накануне спасатели ушли."),
            [pair("Накануне", "2031-03-06")]
        );
        assert_eq!(
            values("На прошлой неделе было сухо."),
            [pair("На прошлой неделе", "2031-W09")]
        );
        assert_eq!(
            values("Вчера вечером шел дождь."),
            [pair("Вчера вечером", "2031-03-06TEV")]
        );
    }
}
