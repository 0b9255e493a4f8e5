//! Russian number phrases: digits ("32 798", "5 тыс.", "32 тыс. 798", "1,2 млн"), words
//! ("двадцать три", "две тысячи"), collectives ("трое", "пятеро"), vague counts ("десятки",
//! "несколько сотен"), ranges ("20-30", "от 20 до 30") and the qualifier before them
//! ("более", "около", "по меньшей мере", "до").

use super::lexicon::{stem, NumKind, LEX};
use super::tokens::Tok;
use newsledger_model::ValueKind;

/// A number phrase over tokens `[start, end)`; `qual` is the first token of its qualifier.
#[derive(Debug, Clone)]
pub struct NumPhrase {
    pub qual: usize,
    pub end: usize,
    pub kind: ValueKind,
    pub low: u64,
    pub high: Option<u64>,
    /// "трое", "пятеро": counts people by itself.
    pub collective: bool,
}

/// Verbs before "до" that make it the new value, not a ceiling ("возросло до 30").
const RISE: &[&str] = &[
    "возросл",
    "вырос",
    "вырасл",
    "увелич",
    "достигл",
    "сократ",
    "снизил",
    "поднял",
];

fn words_match(toks: &[Tok], at: usize, phrase: &str) -> Option<usize> {
    let mut i = at;
    for w in phrase.split_whitespace() {
        if toks.get(i).map(|t| t.lc.as_str()) != Some(w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// A scale word at `i` ("тыс.", "миллиона"), with its abbreviation period; returns
/// (multiplier, next token).
fn scale(toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    let t = toks.get(i)?;
    let (v, k) = *LEX.numbers.get(&t.lc)?;
    if k != NumKind::Scale {
        return None;
    }
    let dot = toks.get(i + 1).is_some_and(|d| d.lc == ".")
        && matches!(t.lc.as_str(), "тыс" | "млн" | "млрд");
    Some((v, i + 1 + usize::from(dot)))
}

/// Number words from `i` that add up ("сто двадцать три"), then a scale ("две тысячи").
fn words_value(toks: &[Tok], i: usize) -> Option<(u64, usize, bool)> {
    let mut j = i;
    let mut sum = 0u64;
    while let Some(&(v, NumKind::Word)) = toks.get(j).and_then(|t| LEX.numbers.get(&t.lc)) {
        sum += v;
        j += 1;
    }
    if j == i {
        let (v, k) = *toks.get(i).and_then(|t| LEX.numbers.get(&t.lc))?;
        return (k == NumKind::Collective).then_some((v, i + 1, true));
    }
    if let Some((mult, next)) = scale(toks, j) {
        let (rest, after) = words_rest(toks, next);
        return Some((sum * mult + rest, after, false));
    }
    Some((sum, j, false))
}

fn words_rest(toks: &[Tok], i: usize) -> (u64, usize) {
    let mut j = i;
    let mut sum = 0u64;
    while let Some(&(v, NumKind::Word)) = toks.get(j).and_then(|t| LEX.numbers.get(&t.lc)) {
        sum += v;
        j += 1;
    }
    (sum, j)
}

/// "полторы тысячи", "полутора сотен", "полтора миллиона": one and a half of the scale
/// after it; (value, next token).
fn half(toks: &[Tok], i: usize) -> Option<(u64, usize)> {
    if !matches!(toks.get(i)?.lc.as_str(), "полторы" | "полтора" | "полутора")
    {
        return None;
    }
    let mult = match toks.get(i + 1)?.lc.as_str() {
        "сотни" | "сотен" | "сотню" => 100,
        _ => scale(toks, i + 1)?.0,
    };
    let next = scale(toks, i + 1).map_or(i + 2, |(_, n)| n);
    Some((mult + mult / 2, next))
}

/// A plain number at `i`: digits with scale and remainder, or words.
fn value(toks: &[Tok], i: usize) -> Option<(u64, usize, bool)> {
    if let Some((v, next)) = half(toks, i) {
        return Some((v, next, false));
    }
    let t = toks.get(i)?;
    if let Some(v) = t.num {
        if let Some((mult, next)) = scale(toks, i + 1) {
            let base = (v * mult as f64).round() as u64;
            // "32 тыс. 798": a remainder under the scale.
            if let Some(r) = toks
                .get(next)
                .and_then(|t| t.num)
                .filter(|r| (*r as u64) < mult)
            {
                return Some((base + r as u64, next + 1, false));
            }
            return Some((base, next, false));
        }
        return Some((v.round() as u64, i + 1, false));
    }
    words_value(toks, i)
}

/// A vague count at `i` ("десятки", "несколько сотен").
fn vague(toks: &[Tok], i: usize) -> Option<NumPhrase> {
    for (phrase, kind, low, high) in &LEX.vague {
        if let Some(end) = words_match(toks, i, phrase) {
            return Some(NumPhrase {
                qual: i,
                end,
                kind: *kind,
                low: *low,
                high: *high,
                collective: false,
            });
        }
    }
    None
}

/// True when a verb or noun of change ("возросло", "об увеличении числа погибших")
/// stands within the eight words before "до" at `at`, in the same clause: "до" then
/// gives the new value, not a ceiling.
fn rise_before(toks: &[Tok], at: usize) -> bool {
    toks[at.saturating_sub(8)..at]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.lc.as_str(), "." | ";" | "!" | "?" | ","))
        .any(|t| {
            let s = stem(&t.lc);
            RISE.iter().any(|r| s.starts_with(r))
        })
}

/// The qualifier ending right before token `at`, if any: (first token, kind).
fn qualifier(toks: &[Tok], at: usize) -> Option<(usize, ValueKind)> {
    for (phrase, kind) in &LEX.qualifiers {
        let n = phrase.split_whitespace().count();
        let Some(from) = at.checked_sub(n) else {
            continue;
        };
        if words_match(toks, from, phrase) != Some(at) {
            continue;
        }
        if phrase == "до" && rise_before(toks, from) {
            // The new value itself: "до" is not part of the number phrase.
            return Some((at, ValueKind::Exact));
        }
        return Some((from, *kind));
    }
    None
}

/// "больше миллиона", "почти тысячу": a scale word alone after a qualifier counts one of
/// its unit.
fn bare_scale(toks: &[Tok], i: usize) -> Option<NumPhrase> {
    let (n, k) = *LEX.numbers.get(&toks.get(i)?.lc)?;
    if k != NumKind::Scale || vague(toks, i).is_some() {
        return None;
    }
    let (qual, kind) = qualifier(toks, i).filter(|(_, k)| *k != ValueKind::Exact)?;
    let (low, high) = match kind {
        ValueKind::AtLeast => (n, None),
        ValueKind::AtMost => (0, Some(n)),
        _ => (n, Some(n)),
    };
    Some(NumPhrase {
        qual,
        end: scale(toks, i).map_or(i + 1, |(_, e)| e),
        kind,
        low,
        high,
        collective: false,
    })
}

/// The number phrase starting at token `i`, if one does.
pub fn at(toks: &[Tok], i: usize) -> Option<NumPhrase> {
    if vague(toks, i).is_some_and(|v| v.end == i + 1) {
        // "более тысячи", "около сотни": one thousand or hundred, qualified.
        let one = match toks[i].lc.as_str() {
            "тысячи" | "тысячу" => Some(1000),
            "сотни" | "сотню" => Some(100),
            _ => None,
        };
        if let (Some(n), Some((qual, kind))) = (one, qualifier(toks, i)) {
            if kind != ValueKind::Exact {
                let (low, high) = match kind {
                    ValueKind::AtLeast => (n, None),
                    ValueKind::AtMost => (0, Some(n)),
                    _ => (n, Some(n)),
                };
                return Some(NumPhrase {
                    qual,
                    end: i + 1,
                    kind,
                    low,
                    high,
                    collective: false,
                });
            }
        }
    }
    if let Some(p) = bare_scale(toks, i) {
        return Some(p);
    }
    if let Some(v) = vague(toks, i) {
        let (qual, kind) = qualifier(toks, i).map_or((i, v.kind), |(q, k)| {
            (q, if k == ValueKind::Exact { v.kind } else { k })
        });
        let kind = if kind == ValueKind::AtMost || kind == ValueKind::AtLeast {
            v.kind
        } else {
            kind
        };
        return Some(NumPhrase { qual, kind, ..v });
    }
    let (low, end, collective) = value(toks, i)?;
    // Ranges: "20-30", "20–30", "от 20 до 30".
    let dash = toks
        .get(end)
        .is_some_and(|t| matches!(t.lc.as_str(), "-" | "–" | "—"));
    let from_to = i >= 1 && toks[i - 1].lc == "от" && toks.get(end).is_some_and(|t| t.lc == "до");
    if dash || from_to {
        if let Some((high, e2, _)) = value(toks, end + 1).filter(|(h, _, _)| *h > low) {
            let qual = if from_to { i - 1 } else { i };
            return Some(NumPhrase {
                qual,
                end: e2,
                kind: ValueKind::Range,
                low,
                high: Some(high),
                collective,
            });
        }
    }
    let (qual, kind) = qualifier(toks, i).unwrap_or((i, ValueKind::Exact));
    let (low, high) = match kind {
        ValueKind::AtLeast => (low, None),
        ValueKind::AtMost => (0, Some(low)),
        _ => (low, Some(low)),
    };
    Some(NumPhrase {
        qual,
        end,
        kind,
        low,
        high,
        collective,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ru::tokens::tokenize;

    fn first(s: &str) -> Option<(ValueKind, u64, Option<u64>)> {
        let toks = tokenize(s);
        (0..toks.len())
            .find_map(|i| at(&toks, i))
            .map(|p| (p.kind, p.low, p.high))
    }

    #[test]
    fn digits_scales_and_remainders() {
        assert_eq!(
            first("задержаны 5 тыс. человек"),
            Some((ValueKind::Exact, 5000, Some(5000)))
        );
        assert_eq!(
            first("задержаны 32 тыс. 798 человек"),
            Some((ValueKind::Exact, 32798, Some(32798)))
        );
        assert_eq!(
            first("эвакуированы 1,2 млн жителей"),
            Some((ValueKind::Exact, 1_200_000, Some(1_200_000)))
        );
    }

    #[test]
    fn words_and_collectives() {
        assert_eq!(
            first("погибли двадцать три человека"),
            Some((ValueKind::Exact, 23, Some(23)))
        );
        assert_eq!(
            first("задержаны две тысячи человек"),
            Some((ValueKind::Exact, 2000, Some(2000)))
        );
        assert_eq!(
            first("пятеро погибли"),
            Some((ValueKind::Exact, 5, Some(5)))
        );
    }

    #[test]
    fn qualifiers_ranges_and_vague() {
        assert_eq!(
            first("погибли более 40 человек"),
            Some((ValueKind::AtLeast, 40, None))
        );
        assert_eq!(
            first("ранены по меньшей мере 12"),
            Some((ValueKind::AtLeast, 12, None))
        );
        assert_eq!(
            first("около 300 жителей"),
            Some((ValueKind::Approx, 300, Some(300)))
        );
        assert_eq!(
            first("до 50 человек"),
            Some((ValueKind::AtMost, 0, Some(50)))
        );
        assert_eq!(
            first("число погибших возросло до 30"),
            Some((ValueKind::Exact, 30, Some(30)))
        );
        assert_eq!(
            first("от 20 до 30 человек"),
            Some((ValueKind::Range, 20, Some(30)))
        );
        assert_eq!(
            first("ранены 20-25 человек"),
            Some((ValueKind::Range, 20, Some(25)))
        );
        assert_eq!(
            first("десятки людей"),
            Some((ValueKind::Vague, 24, Some(99)))
        );
        assert_eq!(
            first("более тысячи пожарных"),
            Some((ValueKind::AtLeast, 1000, None))
        );
        assert_eq!(
            first("число раненых превысило 1 200"),
            Some((ValueKind::AtLeast, 1200, None))
        );
        assert_eq!(
            first("сотни тысяч жителей"),
            Some((ValueKind::Vague, 200_000, Some(999_999)))
        );
    }

    #[test]
    fn halves_bare_scales_and_a_distant_rise() {
        assert_eq!(
            first("ранения получили полторы тысячи человек"),
            Some((ValueKind::Exact, 1500, Some(1500)))
        );
        assert_eq!(
            first("задержанных уже больше полутора тысяч"),
            Some((ValueKind::AtLeast, 1500, None))
        );
        assert_eq!(
            first("эвакуировали полторы сотни жителей"),
            Some((ValueKind::Exact, 150, Some(150)))
        );
        assert_eq!(
            first("с побережья вывезли больше миллиона жителей"),
            Some((ValueKind::AtLeast, 1_000_000, None))
        );
        assert_eq!(
            first("задержали почти тысячу человек"),
            Some((ValueKind::Approx, 1000, Some(1000)))
        );
        assert_eq!(
            first("сообщили об увеличении числа жертв в Острине до девяти человек"),
            Some((ValueKind::Exact, 9, Some(9)))
        );
    }
}
