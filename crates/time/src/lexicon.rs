//! The stage's word lists, parsed once from the data files in `data/time/`.

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const MONTHS: &str = include_str!("../../../data/time/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../data/time/numbers.tsv");
const UNITS: &str = include_str!("../../../data/time/units.tsv");
const MODIFIERS: &str = include_str!("../../../data/time/modifiers.tsv");
const RELATIVE: &str = include_str!("../../../data/time/relative.tsv");
const CONTEXT: &str = include_str!("../../../data/time/context.tsv");
const BLOCKERS: &str = include_str!("../../../data/time/blockers.tsv");
const HOLIDAYS: &str = include_str!("../../../data/time/holidays.tsv");
const HOLIDAYS_NTH: &str = include_str!("../../../data/time/holidays_nth.tsv");

fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// A month name as written; the number is looked up through [`Lexicon::month`].
pub struct Month {
    pub name: String,
    pub full: bool,
}

pub struct Relative {
    pub phrase: String,
    pub kind: String,
    pub template: String,
    pub modifier: Option<String>,
}

pub struct Unit {
    pub code: &'static str,
    pub mult: f64,
}

pub struct Lexicon {
    pub months: Vec<Month>,
    pub month_by_name: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub numbers: HashMap<String, f64>,
    pub units: HashMap<String, Unit>,
    pub modifiers: Vec<(String, String)>,
    pub relative: Vec<Relative>,
    pub future_cues: HashSet<String>,
    pub past_cues: HashSet<String>,
    pub present_cues: HashSet<String>,
    pub intent_cues: HashSet<String>,
    pub after_weekday: HashSet<String>,
    pub before_weekday: HashSet<String>,
    pub count_noun: HashSet<String>,
    pub count_before: HashSet<String>,
    /// Fixed-date holidays: name as written → (month, day).
    pub holidays: HashMap<String, (u32, u32)>,
    /// Holidays on the nth weekday of a month: name as written → (n, weekday, month), n = 0
    /// for the last.
    pub nth_holidays: HashMap<String, (u32, u32, u32)>,
}

fn unit_code(code: &str) -> &'static str {
    match code {
        "TS" => "TS",
        "TM" => "TM",
        "TH" => "TH",
        "D" => "D",
        "W" => "W",
        "M" => "M",
        "Q" => "Q",
        "Y" => "Y",
        "DE" => "DE",
        "CE" => "CE",
        _ => "D",
    }
}

pub static LEX: Lazy<Lexicon> = Lazy::new(|| {
    let mut months = Vec::new();
    let mut month_by_name = HashMap::default();
    for r in rows(MONTHS) {
        if let (Some(n), Some(num)) = (r.first(), r.get(1).and_then(|x| x.parse::<u32>().ok())) {
            let full = r.get(2).is_some_and(|k| *k == "full");
            month_by_name.insert(n.to_lowercase(), num);
            months.push(Month {
                name: n.to_string(),
                full,
            });
        }
    }
    let weekdays = rows(WEEKDAYS)
        .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.parse().ok()?)))
        .collect();
    let numbers = rows(NUMBERS)
        .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.parse().ok()?)))
        .collect();
    let units = rows(UNITS)
        .filter_map(|r| {
            Some((
                r.first()?.to_lowercase(),
                Unit {
                    code: unit_code(r.get(1)?),
                    mult: r.get(2)?.parse().ok()?,
                },
            ))
        })
        .collect();
    let mut modifiers: Vec<(String, String)> = rows(MODIFIERS)
        .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.to_string())))
        .collect();
    modifiers.sort_by_key(|m| std::cmp::Reverse(m.0.len()));
    let relative: Vec<Relative> = rows(RELATIVE)
        .filter_map(|r| {
            Some(Relative {
                phrase: r.first()?.to_lowercase(),
                kind: r.get(1)?.to_string(),
                template: r.get(2)?.to_string(),
                modifier: r.get(3).filter(|m| !m.is_empty()).map(|m| m.to_string()),
            })
        })
        .collect();
    let mut future_cues = HashSet::default();
    let mut past_cues = HashSet::default();
    let mut present_cues = HashSet::default();
    let mut intent_cues = HashSet::default();
    for r in rows(CONTEXT) {
        match (r.first(), r.get(1)) {
            (Some(w), Some(&"future")) => {
                future_cues.insert(w.to_lowercase());
            }
            (Some(w), Some(&"past")) => {
                past_cues.insert(w.to_lowercase());
            }
            (Some(w), Some(&"present")) => {
                present_cues.insert(w.to_lowercase());
            }
            (Some(w), Some(&"intent")) => {
                intent_cues.insert(w.to_lowercase());
            }
            _ => {}
        }
    }
    let mut after_weekday = HashSet::default();
    let mut before_weekday = HashSet::default();
    let mut count_noun = HashSet::default();
    let mut count_before = HashSet::default();
    for r in rows(BLOCKERS) {
        let (Some(k), Some(w)) = (r.first(), r.get(1)) else {
            continue;
        };
        let w = w.to_string();
        match *k {
            "after_weekday" => after_weekday.insert(w),
            "before_weekday" => before_weekday.insert(w),
            "count_noun" => count_noun.insert(w),
            "count_before" => count_before.insert(w),
            _ => false,
        };
    }
    let holidays = rows(HOLIDAYS)
        .filter_map(|r| {
            Some((
                r.first()?.to_string(),
                (r.get(1)?.parse().ok()?, r.get(2)?.parse().ok()?),
            ))
        })
        .collect();
    let nth_holidays = rows(HOLIDAYS_NTH)
        .filter_map(|r| {
            let n = |i: usize| r.get(i)?.parse::<u32>().ok();
            Some((r.first()?.to_string(), (n(1)?, n(2)?, n(3)?)))
        })
        .collect();
    Lexicon {
        holidays,
        nth_holidays,
        months,
        month_by_name,
        weekdays,
        numbers,
        units,
        modifiers,
        relative,
        future_cues,
        past_cues,
        present_cues,
        intent_cues,
        after_weekday,
        before_weekday,
        count_noun,
        count_before,
    }
});

impl Lexicon {
    /// Month number of a name or abbreviation ("Sept." → 9), any case.
    pub fn month(&self, s: &str) -> Option<u32> {
        self.month_by_name
            .get(&s.trim_end_matches('.').to_lowercase())
            .copied()
    }

    /// Value of a number phrase: digits ("24", "2.5"), words ("three", "twenty-five",
    /// "a couple of"), with an optional "and a half".
    pub fn number(&self, s: &str) -> Option<f64> {
        let s = s.trim().to_lowercase();
        let (s, half) = match s.strip_suffix("and a half") {
            Some(r) => (r.trim().to_string(), 0.5),
            None => (s, 0.0),
        };
        let s = s.replace(',', "");
        if let Ok(v) = s.parse::<f64>() {
            return Some(v + half);
        }
        let s = s.replace(['\u{2010}', '\u{2011}'], "-");
        if let Some(v) = self.numbers.get(&s) {
            return Some(v + half);
        }
        // Compounds are tens plus units only ("twenty-five").
        let parts: Vec<&str> = s.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [t, u] => {
                let (t, u) = (*self.numbers.get(*t)?, *self.numbers.get(*u)?);
                let tens = (20.0..100.0).contains(&t) && t % 10.0 == 0.0;
                (tens && (1.0..10.0).contains(&u)).then_some(t + u + half)
            }
            _ => None,
        }
    }
}
