//! Calendar dates: month-day-year, day-month, month-year, a month alone, ISO, slashed
//! and dotted numeric dates, named holidays and "the first Monday of March".

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
use crate::lexicon::LEX;
use regex::SetMatches;

/// "March 4, 2031".
pub(super) fn mdy(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.mdy, hits, gate::MDY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let (Some(d), Some(y)) = (num::<u32>(&c, "d"), num::<i32>(&c, "y")) else {
            continue;
        };
        push(out, all.start(), all.end(), Reading::date(Some(y), m, d));
    }
}
/// "4 March 2031", "4 March".
pub(super) fn dmy(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.dmy, hits, gate::DMY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(d) = num::<u32>(&c, "d") else {
            continue;
        };
        // "5 May" after a counting word is rarely a date ("up 5 May" is); keep it simple:
        // reject when the number is glued to a decimal or a larger number.
        if matches!(char_before(text, all.start()), Some(ch) if ch.is_ascii_digit() || ch == '.' || ch == ',')
        {
            continue;
        }
        let name = c.name("m").map(|x| x.as_str()).unwrap_or("");
        if name == "May" || name == "March" {
            // "3 May" is fine, but "the 3 March to…" is rare; require the month to be
            // followed by something that is not a lower-case verb complement.
            if let Some(nw) = next_word(text, c.name("m").map(|x| x.end()).unwrap_or(0)) {
                if c.name("y").is_none() && matches!(nw, "be" | "have" | "not" | "on" | "to") {
                    continue;
                }
            }
        }
        push(
            out,
            all.start(),
            all.end(),
            Reading::date(num(&c, "y"), m, d),
        );
    }
}
/// "March 4" without a year.
pub(super) fn md(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.md, hits, gate::MD, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(d) = num::<u32>(&c, "d") else {
            continue;
        };
        if md_blocked_after(text, all.start(), all.end()) {
            continue;
        }
        push(out, all.start(), all.end(), Reading::date(None, m, d));
    }
}
/// Whether what follows "Aug. 7" makes it part of a number ("Aug. 7:30", "7%") or a count
/// ("in May 15 people died"). After "on", "since" or "until" the month-day is a date
/// whatever follows ("on Aug. 7 killed 40", "on Jan. 6: the paper said").
fn md_blocked_after(text: &str, start: usize, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    let mut next = after.chars();
    let glued = match next.next() {
        Some(ch) if ch.is_ascii_digit() || ch == '%' => true,
        Some(':') => next.next().is_some_and(|ch| ch.is_ascii_digit()),
        _ => false,
    };
    if glued {
        return true;
    }
    let dated = prev_word(text, start).is_some_and(|w| {
        ["on", "since", "until"]
            .iter()
            .any(|p| w.eq_ignore_ascii_case(p))
    });
    !dated && next_word(text, end).is_some_and(|nw| LEX.count_noun.contains(nw) && nw != "of")
}

/// "March 2031", "early March 2031".
pub(super) fn my(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.my, hits, gate::MY, text) {
        let (Some(all), Some(m)) = (c.get(0), c.name("m").and_then(|m| LEX.month(m.as_str())))
        else {
            continue;
        };
        let Some(y) = num::<i32>(&c, "y") else {
            continue;
        };
        push(
            out,
            all.start(),
            all.end(),
            Reading::Date {
                y: Some(y),
                m,
                d: 0,
                rel: None,
                modifier: quarter_mod(c.name("q").map(|x| x.as_str())),
                yrel: None,
            },
        );
    }
}
/// A month alone: "in March", "last March", "March of next year".
pub(super) fn month(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.month, hits, gate::MONTH, text) {
        let (Some(all), Some(mm)) = (c.get(0), c.name("m")) else {
            continue;
        };
        let Some(m) = LEX.month(mm.as_str()) else {
            continue;
        };
        let relw = c.name("rel").map(|x| x.as_str());
        if relw.is_none() {
            let pw = prev_word(text, all.start());
            let licensed = pw.is_some_and(|w| MONTH_LICENCE.contains(&w));
            let name = mm.as_str();
            let strict = matches!(name, "May" | "MAY" | "March" | "MARCH");
            match pw {
                None => continue,
                Some(w) if is_capitalised(w) && !licensed => continue,
                Some(_) if strict && !licensed => continue,
                // "singer June Carter": a first name before a surname.
                Some(_)
                    if !licensed
                        && next_word(text, mm.end()).is_some_and(|w| {
                            is_capitalised(w)
                                && text.get(mm.end()..).is_some_and(|t| t.starts_with(' '))
                        }) =>
                {
                    continue
                }
                _ => {}
            }
            if strict {
                if let Some(nw) = next_word(text, mm.end()) {
                    if matches!(
                        nw,
                        "be" | "have"
                            | "not"
                            | "also"
                            | "well"
                            | "on"
                            | "to"
                            | "against"
                            | "toward"
                            | "towards"
                            | "through"
                            | "into"
                    ) {
                        continue;
                    }
                }
            }
        }
        let rel_lc = relw.map(|r| r.to_lowercase());
        let yrel = c
            .name("ry")
            .map(|r| match r.as_str().to_lowercase().as_str() {
                "next" | "the following" => 1,
                "last" | "the previous" => -1,
                _ => 0,
            });
        push(
            out,
            all.start(),
            all.end(),
            Reading::Date {
                y: None,
                m,
                d: 0,
                rel: rel_of(rel_lc.as_deref()),
                modifier: quarter_mod(rel_lc.as_deref()),
                yrel,
            },
        );
    }
}
/// "2031-03-04", with an optional "T10:30".
pub(super) fn iso(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.iso, hits, gate::ISO, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(y), Some(m), Some(d)) = (num(&c, "y"), num(&c, "m"), num(&c, "d")) else {
            continue;
        };
        match (num::<u32>(&c, "h"), num::<u32>(&c, "mi")) {
            (Some(h), Some(mi)) => push(
                out,
                all.start(),
                all.end(),
                Reading::Literal {
                    kind: "TIME",
                    value: format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"),
                },
            ),
            _ => push(out, all.start(), all.end(), Reading::date(Some(y), m, d)),
        }
    }
}
/// "3/4/2031", month first unless impossible.
pub(super) fn slash(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.slash, hits, gate::SLASH, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(a), Some(b), Some(ys)) = (
            num::<u32>(&c, "a"),
            num::<u32>(&c, "b"),
            c.name("y").map(|x| x.as_str()),
        ) else {
            continue;
        };
        let Ok(mut y) = ys.parse::<i32>() else {
            continue;
        };
        if ys.len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        // Month first unless that is impossible (a US-style default).
        let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        push(out, all.start(), all.end(), Reading::date(Some(y), m, d));
    }
}
/// "04.03.2031", day first.
pub(super) fn dotted(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.dotted, hits, gate::DOTTED, text) {
        let Some(all) = c.get(0) else { continue };
        let (Some(d), Some(m), Some(y)) = (num::<u32>(&c, "d"), num::<u32>(&c, "m"), num(&c, "y"))
        else {
            continue;
        };
        if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch.is_ascii_digit()) {
            continue;
        }
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            push(out, all.start(), all.end(), Reading::date(Some(y), m, d));
        }
    }
}
/// "the first Saturday of March", "the last Friday of the month".
pub(super) fn nth_weekday(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.nth_weekday, hits, gate::NTH_WEEKDAY, text) {
        let (Some(all), Some(o), Some(w)) = (c.get(0), c.name("o"), c.name("wd")) else {
            continue;
        };
        let n = match o.as_str().to_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" => 4,
            _ => 0,
        };
        let Some(wd) = LEX.weekdays.get(&w.as_str().to_lowercase()).copied() else {
            continue;
        };
        push(
            out,
            all.start(),
            all.end(),
            Reading::NthWeekday {
                n,
                wd,
                m: c.name("m").and_then(|m| LEX.month(m.as_str())),
                y: num(&c, "y"),
            },
        );
    }
}
/// Named holidays with a fixed day ("Christmas Day 2031") or on the nth weekday of a month
/// ("Thanksgiving", "Labor Day").
pub(super) fn holiday(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.holiday, hits, gate::HOLIDAY, text) {
        let Some(all) = c.get(0) else { continue };
        let name = all
            .as_str()
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ',' || ch.is_whitespace());
        let y = num(&c, "y");
        let reading = if let Some(&(m, d)) = LEX.holidays.get(name) {
            Reading::date(y, m, d)
        } else if let Some(&(n, wd, m)) = LEX.nth_holidays.get(name) {
            Reading::NthWeekday {
                n,
                wd,
                m: Some(m),
                y,
            }
        } else {
            continue;
        };
        push(out, all.start(), all.end(), reading);
    }
}

#[cfg(test)]
mod tests {
    use crate::find_timexes;
    use chrono::NaiveDate;

    /// After "on" a month-day is a date even before a count word or a colon; without it
    /// "May 15 people" stays a count.
    #[test]
    fn a_month_day_after_on_is_a_date() {
        let dct = NaiveDate::from_ymd_opt(2031, 8, 20);
        let texts = [
            ("The floods on Aug. 7 killed 40 people.", vec!["Aug. 7"]),
            (
                "The council wrote on Friday, Aug. 8: the dam holds.",
                vec!["Friday, Aug. 8"],
            ),
            ("By 7:30 in May 15 people had left.", vec!["7:30", "May"]),
        ];
        for (text, want) in texts {
            let got: Vec<String> = find_timexes(text, dct)
                .into_iter()
                .map(|t| t.text)
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_month_with_this_or_last_year_after_it_is_one_timex() {
        let dct = NaiveDate::from_ymd_opt(2031, 8, 20);
        let text = "The dam opened in February this year, a quarry closed in June last year and \
                    a bridge is due in March next year.";
        let got: Vec<(String, String)> = find_timexes(text, dct)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        let want = [
            ("February this year", "2031-02"),
            ("June last year", "2030-06"),
            ("March next year", "2032-03"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}
