//! Parts of a year: quarters and halves ("the third quarter of 2031", "Q3", "H1 2031")
//! and seasons ("last spring").

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
use regex::SetMatches;

/// "the third quarter", "the first half of 2031".
pub(super) fn quarter(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.quarter, hits, gate::QUARTER, text) {
        let (Some(all), Some(o)) = (c.get(0), c.name("o")) else {
            continue;
        };
        let half = c
            .name("k")
            .is_some_and(|k| k.as_str().eq_ignore_ascii_case("half"));
        let q = match o.as_str().to_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            "fourth" | "4th" | "final" => 4,
            _ => continue,
        };
        if half && (q > 2 || (c.name("y").is_none() && c.name("ry").is_none())) {
            continue;
        }
        // "the second half" of a match is not a date; only years have halves here.
        let ry = c.name("ry").map(|x| x.as_str().to_lowercase());
        let year_rel = match ry.as_deref() {
            Some("last") => Some(-1),
            Some("next") => Some(1),
            Some(_) => Some(0),
            None => year_before_quarter(c.name("yp").map(|x| x.as_str())),
        };
        push(
            out,
            all.start(),
            all.end(),
            Reading::Quarter {
                q: if half { q.min(2) } else { q.min(4) },
                y: num(&c, "y").or_else(|| num(&c, "y0")),
                year_rel,
                half,
            },
        );
    }
}
/// The year a prefix gives a quarter: "this year's" (0), "last year's" and "the
/// year-ago" / "year-earlier" (-1), "next year's" (1).
fn year_before_quarter(prefix: Option<&str>) -> Option<i32> {
    let p = prefix?.to_lowercase();
    if p.starts_with("this") {
        Some(0)
    } else if p.starts_with("next") {
        Some(1)
    } else if p.starts_with("last") || p.contains("year-ago") || p.contains("year-earlier") {
        Some(-1)
    } else {
        None
    }
}

/// "Q3 2031", "H1 2031".
pub(super) fn qn(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.qn, hits, gate::QN, text) {
        let Some(all) = c.get(0) else { continue };
        let half = c.name("k").is_some_and(|k| k.as_str() == "H");
        let Some(q) = num::<u32>(&c, "n") else {
            continue;
        };
        if half && (q > 2 || c.name("y").is_none()) {
            continue;
        }
        push(
            out,
            all.start(),
            all.end(),
            Reading::Quarter {
                q,
                y: num(&c, "y"),
                year_rel: None,
                half,
            },
        );
    }
}
/// A season without a year.
pub(super) fn season(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.season, hits, gate::SEASON, text) {
        let (Some(all), Some(sm)) = (c.get(0), c.name("s")) else {
            continue;
        };
        let Some(code) = season_code(sm.as_str()) else {
            continue;
        };
        let relw = c.name("rel").map(|x| x.as_str().to_lowercase());
        if relw.is_none() {
            // "the Arab Spring", "Summer Olympics": part of a name.
            let pw = prev_word(text, all.start());
            if pw.is_some_and(|w| is_capitalised(w) && !MONTH_LICENCE.contains(&w)) {
                continue;
            }
            if is_capitalised(sm.as_str()) && next_word(text, sm.end()).is_some_and(is_capitalised)
            {
                continue;
            }
            // "could spring a surprise": a verb after a modal, pronoun or "to".
            let lic = pw.map(str::to_lowercase);
            if matches!(
                lic.as_deref(),
                Some(
                    "could"
                        | "would"
                        | "will"
                        | "may"
                        | "might"
                        | "can"
                        | "to"
                        | "did"
                        | "does"
                        | "do"
                        | "not"
                        | "they"
                        | "we"
                        | "you"
                        | "i"
                        | "should"
                        | "must"
                )
            ) {
                continue;
            }
        }
        let (rel, modifier) = match relw.as_deref() {
            Some("early") => (None, Some("START")),
            Some("late") => (None, Some("END")),
            r => (rel_of(r), None),
        };
        push(
            out,
            all.start(),
            all.end(),
            Reading::Season {
                code,
                rel,
                modifier,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::find_timexes;
    use chrono::NaiveDate;

    fn values(text: &str, dct: &str) -> Vec<(String, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        find_timexes(text, dct)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    #[test]
    fn a_quarter_with_its_year_before_it_is_one_timex() {
        let got = values(
            "Sales in this year's third quarter beat the year-ago third quarter and the \
             2029 third quarter, but not last year's fourth quarter.",
            "2031-11-05",
        );
        let want = [
            ("this year's third quarter", "2031-Q3"),
            ("the year-ago third quarter", "2030-Q3"),
            ("the 2029 third quarter", "2029-Q3"),
            ("last year's fourth quarter", "2030-Q4"),
        ];
        for (t, v) in want {
            assert!(
                got.contains(&(t.to_string(), v.to_string())),
                "{t}: {got:?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:?}");
    }
}
