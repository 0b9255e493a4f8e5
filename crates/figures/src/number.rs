//! Number phrases: a count as news writes it, with its qualifier, turned into the spec's
//! value kind and bounds ("more than 3,000" → at_least 3000; "20-30" → range; "dozens" →
//! vague 24–99; "a total of 18" → exact 18).

use crate::lexicon::{NumWord, LEX};
use crate::tokens::Tok;
use newsledger_model::ValueKind;

/// Counts above this are not counts of people affected by an event.
const MAX_COUNT: u64 = 10_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Core {
    Exact(u64),
    Approx(u64),
    Vague {
        low: u64,
        high: Option<u64>,
        needs_group: bool,
    },
}

/// A parsed number phrase, by token index into the sentence's tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct NumPhrase {
    pub start: usize,
    /// First token of the number itself (after any qualifier).
    pub core_start: usize,
    /// Token just after the number itself (before post qualifiers / range tails).
    pub core_end: usize,
    pub end: usize,
    pub kind: ValueKind,
    pub low: u64,
    pub high: Option<u64>,
    /// "some": a count only when a person noun follows.
    pub needs_group: bool,
    /// The bare word "one", which is often not a count.
    pub is_one: bool,
    pub qualified: bool,
    /// The core is written in digits.
    pub digits: bool,
}

fn is_space_gap(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        if matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}') {
            n += 1;
        } else {
            return false;
        }
    }
    n == 1
}

/// Value of a digit token: thousands separators or a decimal. `scaled` says a scale word
/// follows, which makes "1.200" a decimal instead of twelve hundred.
fn digit_value(text: &str, scaled: bool) -> Option<f64> {
    let has_comma = text.contains(',');
    let has_dot = text.contains('.');
    let groups_of_three = |sep: char| {
        let mut parts = text.split(sep);
        let first_ok = parts
            .next()
            .is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        first_ok && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    if has_comma && has_dot {
        // 1,234.5
        let t: String = text.chars().filter(|c| *c != ',').collect();
        return t.parse::<f64>().ok();
    }
    if has_comma {
        if groups_of_three(',') {
            let t: String = text.chars().filter(|c| *c != ',').collect();
            return t.parse::<f64>().ok();
        }
        // European decimal comma "1,5 million"
        if text.matches(',').count() == 1 {
            return text.replace(',', ".").parse::<f64>().ok();
        }
        return None;
    }
    if has_dot {
        if !scaled && groups_of_three('.') {
            let t: String = text.chars().filter(|c| *c != '.').collect();
            return t.parse::<f64>().ok();
        }
        return text.parse::<f64>().ok();
    }
    text.parse::<f64>().ok()
}

fn to_count(v: f64) -> Option<u64> {
    if !v.is_finite() || v <= 0.0 {
        return None;
    }
    let r = v.round();
    if (v - r).abs() > 1e-6 || r > MAX_COUNT as f64 {
        return None;
    }
    Some(r as u64)
}

/// A number written in digits starting at token `i`: separators, space-grouped thousands,
/// scale words ("1.2 million", "2.5m") and "2 dozen".
fn digits_at(toks: &[Tok], text: &str, i: usize) -> Option<(usize, Core)> {
    let t = toks.get(i)?;
    if !t.is_num() {
        return None;
    }
    let mut raw = t.text.to_string();
    let mut end = i + 1;
    // "3 000" with a single (thin) space between groups of three digits
    if t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()) {
        while let (Some(prev), Some(n)) = (toks.get(end - 1), toks.get(end)) {
            let gap = text.get(prev.end..n.start).unwrap_or("");
            if n.is_num()
                && n.text.len() == 3
                && n.text.bytes().all(|b| b.is_ascii_digit())
                && is_space_gap(gap)
            {
                raw.push_str(n.text);
                end += 1;
            } else {
                break;
            }
        }
    }
    let last = toks.get(end - 1)?;
    if let Some(n) = toks.get(end) {
        if n.is_word() {
            if let Some(sc) = LEX.scales.get(n.lower.as_ref()) {
                let glued = n.start == last.end;
                if !sc.glued || glued {
                    let v = digit_value(&raw, true)? * sc.mult as f64;
                    return to_count(v).map(|c| (end + 1, Core::Exact(c)));
                }
            }
            if n.lower == "dozen" {
                let v = digit_value(&raw, false)? * 12.0;
                return to_count(v).map(|c| (end + 1, Core::Approx(c)));
            }
        }
    }
    let v = digit_value(&raw, false)?;
    to_count(v).map(|c| (end, Core::Exact(c)))
}

/// A number written in words: "eighteen", "twenty-five", "two hundred and five",
/// "three million", "two dozen".
fn words_at(toks: &[Tok], i: usize) -> Option<(usize, Core)> {
    let mut total: u64 = 0;
    let mut cur: u64 = 0;
    let mut seen = false;
    let mut approx = false;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if !t.is_word() {
            break;
        }
        if t.lower == "and" && seen && (cur >= 100 || total > 0) {
            // "two hundred and five": only when a number word follows
            if toks
                .get(j + 1)
                .is_some_and(|n| n.is_word() && LEX.numbers.contains_key(n.lower.as_ref()))
            {
                j += 1;
                continue;
            }
            break;
        }
        let parts: Vec<&str> = t.lower.split('-').collect();
        let vals: Option<Vec<NumWord>> =
            parts.iter().map(|p| LEX.numbers.get(*p).copied()).collect();
        let Some(vals) = vals else { break };
        for v in vals {
            match v {
                NumWord::Unit(u) => cur = cur.saturating_add(u),
                NumWord::Scale(s) if s < 1000 => cur = cur.max(1).saturating_mul(s),
                NumWord::Scale(s) => {
                    total = total.saturating_add(cur.max(1).saturating_mul(s));
                    cur = 0;
                }
                NumWord::Dozen => {
                    cur = cur.max(1).saturating_mul(12);
                    approx = true;
                }
            }
        }
        seen = true;
        j += 1;
    }
    if !seen {
        return None;
    }
    let v = total.saturating_add(cur);
    if v == 0 || v > MAX_COUNT {
        return None;
    }
    Some((
        j,
        if approx {
            Core::Approx(v)
        } else {
            Core::Exact(v)
        },
    ))
}

fn vague_at(toks: &[Tok], i: usize) -> Option<(usize, Core)> {
    let (end, v) = LEX.vague.longest_at(toks, i)?;
    let core = match v.kind {
        ValueKind::Approx => Core::Approx(v.low),
        ValueKind::Exact => Core::Exact(v.low),
        _ => Core::Vague {
            low: v.low,
            high: v.high,
            needs_group: v.needs_group,
        },
    };
    Some((end, core))
}

fn core_at(toks: &[Tok], text: &str, i: usize) -> Option<(usize, Core)> {
    // "several hundred" / "a dozen" before plain number words
    if let Some(v) = vague_at(toks, i) {
        let some = matches!(
            v.1,
            Core::Vague {
                needs_group: true,
                ..
            }
        );
        // "some 5,800": "some" before a number is a qualifier, not a count; and bare
        // "some bodies" / "some protesters" is a determiner (no number of any size):
        // only "some other officials", set against people already named, counts
        if !some || toks.get(v.0).is_some_and(|t| t.lower == "other") {
            return Some(v);
        }
    }
    digits_at(toks, text, i).or_else(|| words_at(toks, i))
}

fn numeric_core_at(toks: &[Tok], text: &str, i: usize) -> Option<(usize, u64)> {
    match digits_at(toks, text, i).or_else(|| words_at(toks, i))? {
        (e, Core::Exact(n)) | (e, Core::Approx(n)) => Some((e, n)),
        _ => None,
    }
}

/// Parse the number phrase starting at token `i`, if any.
pub fn parse_at(toks: &[Tok], text: &str, i: usize) -> Option<NumPhrase> {
    let first = toks.get(i)?;
    // "between 20 and 30"
    if first.lower == "between" {
        let (e1, a) = numeric_core_at(toks, text, i + 1)?;
        if toks.get(e1).is_some_and(|t| t.lower == "and") {
            let (e2, b) = numeric_core_at(toks, text, e1 + 1)?;
            if b > a {
                return Some(NumPhrase {
                    start: i,
                    core_start: i + 1,
                    core_end: e2,
                    end: e2,
                    kind: ValueKind::Range,
                    low: a,
                    high: Some(b),
                    needs_group: false,
                    is_one: false,
                    qualified: true,
                    digits: toks.get(i + 1).is_some_and(|t| t.is_num()),
                });
            }
        }
        return None;
    }
    // qualifier, then the number; fall back to no qualifier ("some officials")
    let mut qual = None;
    let mut core_start = i;
    let mut parsed = None;
    if let Some((qe, k)) = LEX.pre_qualifiers.longest_at(toks, i) {
        if let Some(c) = core_at(toks, text, qe) {
            // "more" without "than" only before digits ("more 1,500")
            let bare_more = first.lower == "more" && qe == i + 1;
            if !bare_more || toks.get(qe).is_some_and(|t| t.is_num()) {
                qual = Some(*k);
                core_start = qe;
                parsed = Some(c);
            }
        }
    }
    let (core_end, core) = match parsed {
        Some(p) => p,
        None => core_at(toks, text, i)?,
    };
    let is_one = core_end == core_start + 1
        && toks.get(core_start).is_some_and(|t| t.lower == "one")
        && qual.is_none();
    let digits = toks.get(core_start).is_some_and(|t| t.is_num());
    let mut end = core_end;
    let (mut kind, mut low, mut high, needs_group) = match core {
        Core::Exact(n) => match qual {
            Some(ValueKind::AtLeast) => (ValueKind::AtLeast, n, None, false),
            Some(ValueKind::AtMost) => (ValueKind::AtMost, 0, Some(n), false),
            Some(ValueKind::Approx) => (ValueKind::Approx, n, Some(n), false),
            _ => (ValueKind::Exact, n, Some(n), false),
        },
        Core::Approx(n) => match qual {
            Some(ValueKind::AtLeast) => (ValueKind::AtLeast, n, None, false),
            Some(ValueKind::AtMost) => (ValueKind::AtMost, 0, Some(n), false),
            _ => (ValueKind::Approx, n, Some(n), false),
        },
        Core::Vague {
            low,
            high,
            needs_group,
        } => (ValueKind::Vague, low, high, needs_group && qual.is_none()),
    };
    let numeric = matches!(core, Core::Exact(_) | Core::Approx(_));
    if numeric {
        // ranges: "20 to 30", "20-30", "40 or 50"
        if let Some(t) = toks.get(end) {
            let joiner = matches!(t.lower.as_ref(), "to" | "-" | "–" | "—" | "or");
            let from_before = i > 0 && toks.get(i - 1).is_some_and(|p| p.lower == "from");
            if joiner && !from_before {
                if let Some((e2, b)) = numeric_core_at(toks, text, end + 1) {
                    let a = match core {
                        Core::Exact(n) | Core::Approx(n) => n,
                        _ => 0,
                    };
                    // "2.5 to 3 million": the first number takes the second's scale
                    let a = if a < 1000 && b >= 1_000_000 && b % 1_000_000 == 0 {
                        a.saturating_mul(1_000_000)
                    } else {
                        a
                    };
                    if b > a {
                        kind = ValueKind::Range;
                        low = a;
                        high = Some(b);
                        end = e2;
                    }
                }
            }
        }
        if kind != ValueKind::Range {
            if let Some((pe, k)) = LEX.post_qualifiers.longest_at(toks, end) {
                let glued = toks
                    .get(end)
                    .zip(toks.get(end - 1))
                    .is_some_and(|(a, b)| a.start == b.end);
                let sym = toks.get(end).is_some_and(|t| t.is_punct());
                if !sym || glued {
                    match k {
                        ValueKind::AtLeast => {
                            kind = ValueKind::AtLeast;
                            high = None;
                        }
                        ValueKind::Approx => {
                            kind = ValueKind::Approx;
                            high = Some(low);
                        }
                        _ => {}
                    }
                    end = pe;
                }
            }
        }
    }
    Some(NumPhrase {
        start: i,
        core_start,
        core_end,
        end,
        kind,
        low,
        high,
        needs_group,
        is_one,
        qualified: qual.is_some(),
        digits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn p(s: &str) -> Option<(ValueKind, u64, Option<u64>, String)> {
        let toks = tokenize(s);
        let n = parse_at(&toks, s, 0)?;
        let a = toks.get(n.start)?.start;
        let b = toks.get(n.end - 1)?.end;
        Some((n.kind, n.low, n.high, s[a..b].to_string()))
    }

    #[test]
    fn digits_and_separators() {
        use ValueKind::*;
        assert_eq!(
            p("3,000 people"),
            Some((Exact, 3000, Some(3000), "3,000".into()))
        );
        assert_eq!(p("3 000 people").map(|x| x.1), Some(3000));
        assert_eq!(p("3\u{2009}000 people").map(|x| x.1), Some(3000));
        assert_eq!(p("3.000 people").map(|x| x.1), Some(3000));
        assert_eq!(p("1.2 million people").map(|x| x.1), Some(1_200_000));
        assert_eq!(p("2.5m people").map(|x| x.1), Some(2_500_000));
        assert_eq!(p("1.5 people"), None);
        assert_eq!(p("0 people"), None);
    }

    #[test]
    fn words() {
        use ValueKind::*;
        assert_eq!(p("eighteen were").map(|x| x.1), Some(18));
        assert_eq!(p("two hundred and five people").map(|x| x.1), Some(205));
        assert_eq!(p("twenty-five people").map(|x| x.1), Some(25));
        assert_eq!(p("three million people").map(|x| x.1), Some(3_000_000));
        assert_eq!(
            p("a dozen people"),
            Some((Approx, 12, Some(12), "a dozen".into()))
        );
        assert_eq!(
            p("a thousand people").map(|x| (x.0, x.1)),
            Some((Approx, 1000))
        );
        assert_eq!(
            p("two dozen people").map(|x| (x.0, x.1)),
            Some((Approx, 24))
        );
    }

    #[test]
    fn qualifiers_and_ranges() {
        use ValueKind::*;
        assert_eq!(
            p("more than 3,000 protesters").map(|x| (x.0, x.1, x.2)),
            Some((AtLeast, 3000, None))
        );
        assert_eq!(
            p("3,000+ protesters").map(|x| (x.0, x.1, x.3)),
            Some((AtLeast, 3000, "3,000+".into()))
        );
        assert_eq!(
            p("up to 50 people").map(|x| (x.0, x.1, x.2)),
            Some((AtMost, 0, Some(50)))
        );
        assert_eq!(
            p("some 5,800 people").map(|x| (x.0, x.1)),
            Some((Approx, 5800))
        );
        // "some" alone is a determiner; "some other" sets a few against those named
        assert_eq!(p("some volunteers were hurt"), None);
        assert_eq!(
            p("some other clerks").map(|x| (x.0, x.1, x.2)),
            Some((Vague, 3, Some(9)))
        );
        assert_eq!(
            p("a total of 18 people").map(|x| (x.0, x.1, x.3)),
            Some((Exact, 18, "a total of 18".into()))
        );
        assert_eq!(
            p("20 to 30 people").map(|x| (x.0, x.1, x.2)),
            Some((Range, 20, Some(30)))
        );
        assert_eq!(
            p("between 20 and 30 people").map(|x| (x.0, x.1, x.2)),
            Some((Range, 20, Some(30)))
        );
        assert_eq!(
            p("20-30 people").map(|x| (x.0, x.1, x.2)),
            Some((Range, 20, Some(30)))
        );
        assert_eq!(
            p("as many as 40 or 50").map(|x| (x.0, x.1, x.2)),
            Some((Range, 40, Some(50)))
        );
        assert_eq!(
            p("at least 20-25 people").map(|x| (x.0, x.1, x.2)),
            Some((Range, 20, Some(25)))
        );
        assert_eq!(
            p("more 1,500 people").map(|x| (x.0, x.1)),
            Some((AtLeast, 1500))
        );
        assert_eq!(
            p("more than a dozen").map(|x| (x.0, x.1, x.2)),
            Some((AtLeast, 12, None))
        );
        assert_eq!(
            p("3,000-plus people").map(|x| (x.0, x.1)),
            Some((AtLeast, 3000))
        );
        assert_eq!(
            p("another 20 people").map(|x| (x.0, x.1)),
            Some((Exact, 20))
        );
        assert_eq!(
            p("nearly 10,000 people").map(|x| (x.0, x.1)),
            Some((Approx, 10000))
        );
        assert_eq!(
            p("2 to 3 million people").map(|x| (x.0, x.1, x.2)),
            Some((Range, 2_000_000, Some(3_000_000)))
        );
    }

    #[test]
    fn vague() {
        use ValueKind::*;
        assert_eq!(
            p("Dozens have").map(|x| (x.0, x.1, x.2)),
            Some((Vague, 24, Some(99)))
        );
        assert_eq!(
            p("tens of thousands of people").map(|x| (x.1, x.2)),
            Some((20000, Some(99999)))
        );
        assert_eq!(
            p("hundreds of thousands").map(|x| (x.1, x.2)),
            Some((200000, Some(999999)))
        );
        assert_eq!(
            p("several hundred people").map(|x| (x.1, x.2)),
            Some((200, Some(999)))
        );
        assert_eq!(
            p("millions of people").map(|x| (x.1, x.2)),
            Some((2000000, None))
        );
        assert_eq!(p("about a dozen").map(|x| (x.0, x.1)), Some((Approx, 12)));
        assert_eq!(p("a few").map(|x| (x.1, x.2)), Some((3, Some(9))));
    }
}
