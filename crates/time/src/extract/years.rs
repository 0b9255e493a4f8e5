//! Years and longer calendar spans: bare and qualified years, decades, centuries,
//! two-digit years ("'98") and fiscal years.

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
use crate::lexicon::LEX;
use once_cell::sync::Lazy;
use regex::{Regex, SetMatches};

/// "2031", "early 2031", "the summer of 2031".
pub(super) fn year(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.year, hits, gate::YEAR, text) {
        let (Some(all), Some(ym)) = (c.get(0), c.name("y")) else {
            continue;
        };
        let Some(y) = num::<i32>(&c, "y") else {
            continue;
        };
        let qualified = c.name("q").is_some() || c.name("s").is_some();
        if !year_ok(text, ym.start(), ym.end(), y, qualified) {
            continue;
        }
        push(
            out,
            all.start(),
            all.end(),
            Reading::Year {
                y,
                modifier: quarter_mod(c.name("q").map(|x| x.as_str())),
                season: c.name("s").and_then(|s| season_code(s.as_str())),
            },
        );
    }
}
/// "the 1990s", "the '80s".
pub(super) fn decade(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.decade, hits, gate::DECADE, text) {
        let Some(all) = c.get(0) else { continue };
        let v = if let Some(f) = c.name("full") {
            f.as_str().get(..3).map(str::to_string)
        } else if let Some(s) = c.name("short") {
            // "the '80s" / "the 80s": twentieth century unless it reads as this one.
            let pw = prev_word(text, all.start()).map(str::to_lowercase);
            if matches!(
                pw.as_deref(),
                Some("their" | "his" | "her" | "mid" | "early" | "late")
            ) {
                continue;
            }
            let d = s.as_str().get(..1).map(|d| format!("19{d}"));
            if let Some(v) = d {
                // "the 80s" / "and 80s" keep only the decade; "'80s" keeps its apostrophe.
                let start = if all.as_str().starts_with(['\'', '’']) {
                    all.start()
                } else {
                    s.start()
                };
                push(out, start, all.end(), Reading::Prefix(v));
            }
            continue;
        } else {
            None
        };
        if let Some(v) = v {
            push(out, all.start(), all.end(), Reading::Prefix(v));
        }
    }
}
/// "the 20th century".
pub(super) fn century(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.century, hits, gate::CENTURY, text) {
        let Some(all) = c.get(0) else { continue };
        if let Some(n) = num::<u32>(&c, "n").filter(|n| (1..=21).contains(n)) {
            push(
                out,
                all.start(),
                all.end(),
                Reading::Prefix(format!("{:02}", n - 1)),
            );
        }
    }
}
/// "fiscal 2031", "FY31".
pub(super) fn fiscal(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.fiscal, hits, gate::FISCAL, text) {
        let (Some(all), Some(ys)) = (c.get(0), c.name("y")) else {
            continue;
        };
        let Ok(mut y) = ys.as_str().parse::<i32>() else {
            continue;
        };
        if ys.as_str().len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        push(
            out,
            all.start(),
            all.end(),
            Reading::Literal {
                kind: "DATE",
                // TimeBank and AQUAINT give a fiscal year the calendar year it is named for.
                value: format!("{y:04}"),
            },
        );
    }
}
/// A year said in words, as transcripts write it: "nineteen ninety-six", "the year two
/// thousand" ("two thousand" alone is a count). Only sentences holding "ineteen" or
/// "thousand" are scanned.
pub(super) fn spelled_year(text: &str, out: &mut Vec<Cand>) {
    static SPELLED: Lazy<Option<Regex>> = Lazy::new(|| {
        let units = "one|two|three|four|five|six|seven|eight|nine";
        Regex::new(&format!(
            r"(?i)\b(?:the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<u2>{units}|ten))?|nineteen[\s-]+(?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<u>{units}))?)\b"
        ))
        .ok()
    });
    if !(text.contains("ineteen") || text.contains("thousand")) {
        return;
    }
    let Some(re) = SPELLED.as_ref() else { return };
    let value = |m: Option<regex::Match>| {
        m.map_or(Some(0.0), |m| {
            LEX.numbers.get(&m.as_str().to_lowercase()).copied()
        })
    };
    for c in re.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let y = match c.name("t") {
            Some(t) => value(Some(t))
                .zip(value(c.name("u")))
                .map(|(t, u)| 1900.0 + t + u),
            None => value(c.name("u2")).map(|u| 2000.0 + u),
        };
        let Some(y) = y else { continue };
        // "nineteen forty-five-year-olds": a count, not a year.
        if matches!(char_after(text, all.end()), Some('-')) {
            continue;
        }
        let y = y as i32;
        // "in January nineteen ninety-seven": the month joins the year.
        let month = prev_word_at(text, all.start())
            .and_then(|(at, w)| Some((at, LEX.month(w)?)))
            .filter(|(_, _)| c.name("t").is_some());
        let (start, reading) = match month {
            Some((at, m)) => (at, Reading::date(Some(y), m, 0)),
            None => (
                all.start(),
                Reading::Year {
                    y,
                    modifier: None,
                    season: None,
                },
            ),
        };
        push(out, start, all.end(), reading);
    }
}
/// "in '98".
pub(super) fn short_year(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.short_year, hits, gate::SHORT_YEAR, text) {
        let (Some(all), Some(yy)) = (c.get(0), num::<i32>(&c, "yy")) else {
            continue;
        };
        if matches!(char_after(text, all.end()), Some(ch) if ch.is_alphanumeric())
            || matches!(char_before(text, all.start()), Some(ch) if ch.is_alphanumeric())
        {
            continue;
        }
        let pw = prev_word(text, all.start()).map(str::to_lowercase);
        if !matches!(
            pw.as_deref(),
            Some(
                "since"
                    | "in"
                    | "of"
                    | "from"
                    | "until"
                    | "by"
                    | "and"
                    | "to"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "the"
                    | "class"
            )
        ) {
            continue;
        }
        let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
        push(
            out,
            all.start(),
            all.end(),
            Reading::Year {
                y,
                modifier: None,
                season: None,
            },
        );
    }
}

/// Words at sentence start (capitalised) that may still stand before a year.
pub(super) const YEAR_OK_CAPITALISED: &[&str] = &[
    "In",
    "Since",
    "By",
    "Until",
    "Till",
    "During",
    "Before",
    "After",
    "From",
    "Through",
    "Between",
    "Throughout",
    "Of",
    "The",
    "Early",
    "Late",
    "Mid",
    "Around",
    "And",
    "Or",
    "As",
    "Until",
    "Unlike",
    "Like",
    "Back",
    "Also",
];

/// Whether a four-digit number at `[s, e)` reads as a year.
pub(super) fn year_ok(text: &str, s: usize, e: usize, y: i32, qualified: bool) -> bool {
    if glued_to_number(text, s, e) {
        return false;
    }
    if qualified {
        return (1000..=2100).contains(&y);
    }
    // "© 2031 Example Media": a copyright line, not a date in the story.
    let b = tail_lower(text, s, 16);
    let b = b.trim_end();
    if b.ends_with('©') || b.ends_with("(c)") || b.ends_with("copyright") {
        return false;
    }
    let nw = next_word(text, e);
    if let Some(nw) = nw {
        let lc = nw.to_lowercase();
        if LEX.count_noun.contains(lc.as_str()) {
            return false;
        }
        if matches!(
            lc.as_str(),
            "percent" | "per" | "bn" | "million" | "billion"
        ) {
            return false;
        }
    }
    let pw = prev_word(text, s);
    if let Some(pw) = pw {
        if LEX.count_before.contains(pw) || LEX.count_before.contains(&pw.to_lowercase()) {
            return false;
        }
        // After a capitalised word only modern years ("WWDC 2005", "Euro 2020"); an
        // older number there is a model or a flight.
        if is_capitalised(pw)
            && !YEAR_OK_CAPITALISED.contains(&pw)
            && LEX.month(pw).is_none()
            && (!(1950..=2100).contains(&y) || nw.is_some_and(is_capitalised))
        {
            return false;
        }
    }
    if (1900..=2100).contains(&y) {
        return true;
    }
    // Older years only with a clear year cue before them.
    matches!(
        pw.map(str::to_lowercase).as_deref(),
        Some(
            "in" | "since"
                | "until"
                | "from"
                | "by"
                | "of"
                | "between"
                | "during"
                | "before"
                | "after"
                | "the"
                | "and"
                | "year"
                | "circa"
                | "c."
        )
    )
}

/// A number at `[s, e)` glued to money, a larger number ("2,000", "1.500"), a per cent sign
/// or a word.
fn glued_to_number(text: &str, s: usize, e: usize) -> bool {
    if matches!(char_before(text, s), Some(ch) if ch.is_ascii_digit() || matches!(ch, '$' | '€' | '£' | '#' | '+' | '/'))
    {
        return true;
    }
    // "2,000" / "1.500": part of a larger number; "1991-92" is fine.
    if let Some(b) = text.get(..s) {
        let mut it = b.chars().rev();
        if let (Some(p), Some(pp)) = (it.next(), it.next()) {
            if matches!(p, ',' | '.') && pp.is_ascii_digit() {
                return true;
            }
        }
    }
    if let Some(a) = text.get(e..) {
        let mut it = a.chars();
        match (it.next(), it.next()) {
            (Some(',' | '.'), Some(d)) if d.is_ascii_digit() => return true,
            (Some('%'), _) => return true,
            (Some(ch), _) if ch.is_ascii_alphanumeric() => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::find_timexes;

    #[test]
    fn a_fiscal_year_is_the_year_it_is_named_for() {
        for (text, span) in [
            ("Orders for fiscal 2030 doubled.", "fiscal 2030"),
            ("Orders for FY2030 doubled.", "FY2030"),
            ("Orders for fiscal year 2030 doubled.", "fiscal year 2030"),
        ] {
            let got: Vec<(String, String)> = find_timexes(text, None)
                .into_iter()
                .map(|t| (t.text, t.value))
                .collect();
            assert_eq!(got, vec![(span.to_string(), "2030".to_string())], "{text}");
        }
    }

    /// Years in words are read as years; a count of two thousand is not one.
    #[test]
    fn a_year_in_words_is_a_year() {
        let got: Vec<(String, String)> = find_timexes(
            "The mill shut in nineteen eighty-one and the year two thousand saw it reopen, \
             when two thousand workers came back in May nineteen ninety-two.",
            None,
        )
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect();
        assert_eq!(
            got,
            [
                ("nineteen eighty-one".to_string(), "1981".to_string()),
                ("the year two thousand".to_string(), "2000".to_string()),
                ("May nineteen ninety-two".to_string(), "1992-05".to_string())
            ]
        );
    }
}
