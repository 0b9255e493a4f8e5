//! Weekdays: "Friday", "last Tuesday", "Sunday night", "every Monday".

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading, Rel};
use crate::lexicon::LEX;
use regex::SetMatches;

/// A weekday with its relative word and part of day.
pub(super) fn weekday(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.weekday, hits, gate::WEEKDAY, text) {
        let (Some(all), Some(wm)) = (c.get(0), c.name("wd")) else {
            continue;
        };
        let Some(wd) = LEX.weekdays.get(&wm.as_str().to_lowercase()).copied() else {
            continue;
        };
        if let Some(pw) = prev_word(text, all.start()) {
            if LEX.before_weekday.contains(pw) {
                continue;
            }
        }
        // "Saturday Night Live", "Monday Night Football": a name.
        if let Some(pm) = c.name("part") {
            if is_capitalised(pm.as_str())
                && !is_capitalised(
                    text.get(..wm.start())
                        .and_then(|b| prev_word(b, b.len()))
                        .unwrap_or("x"),
                )
                && next_word(text, pm.end()).is_some_and(is_capitalised)
            {
                continue;
            }
        }
        let part = c.name("part").map(|x| x.as_str().to_lowercase());
        if part.is_none() {
            if let Some(nw) = next_word(text, wm.end()) {
                if LEX.after_weekday.contains(nw) {
                    continue;
                }
            }
        }
        let part = part.as_deref().map(|p| match p {
            "morning" => "MO",
            "afternoon" => "AF",
            "evening" => "EV",
            _ => "NI",
        });
        let rel_lc = c.name("rel").map(|x| x.as_str().to_lowercase());
        if matches!(rel_lc.as_deref(), Some("every" | "each")) {
            push(
                out,
                all.start(),
                all.end(),
                Reading::Set(format!("XXXX-WXX-{wd}")),
            );
            continue;
        }
        let rel = rel_of(rel_lc.as_deref()).or_else(|| as_of_before(text, all.start()));
        push(
            out,
            all.start(),
            all.end(),
            Reading::Weekday { wd, rel, part },
        );
    }
}

/// "as of", "as at" or "as of late" right before `at`: the weekday names a status moment.
fn as_of_before(text: &str, at: usize) -> Option<Rel> {
    let (mut start, mut of) = prev_word_at(text, at)?;
    if of.eq_ignore_ascii_case("late") {
        (start, of) = prev_word_at(text, start)?;
    }
    let as_ = prev_word(text, start)?;
    (matches!(of, "of" | "at") && as_.eq_ignore_ascii_case("as")).then_some(Rel::Status)
}

#[cfg(test)]
mod tests {
    use crate::find_timexes;
    use chrono::NaiveDate;

    fn values(text: &str, dct: NaiveDate) -> Vec<String> {
        find_timexes(text, Some(dct))
            .into_iter()
            .map(|t| t.value)
            .collect()
    }

    /// "as of Friday" in a report dated Thursday is the next day; other status weekdays
    /// and plain weekdays keep their tense reading.
    #[test]
    fn as_of_the_day_after_the_report() {
        let thu = NaiveDate::from_ymd_opt(2021, 3, 4).unwrap_or_default();
        let v = values(
            "Eleven hikers were still missing as of Friday, wardens said.",
            thu,
        );
        assert_eq!(v, ["2021-03-05"]);
        let v = values("As at Friday the ferry had carried 310 cars.", thu);
        assert_eq!(v, ["2021-03-05"]);
        let v = values("Four roads were closed as of late Friday.", thu);
        assert_eq!(v, ["2021-03-05"]);
        let v = values("Nine shops were shut as of Monday, the council said.", thu);
        assert_eq!(v, ["2021-03-01"]);
        let v = values("The ferry sank on Friday, wardens said.", thu);
        assert_eq!(v, ["2021-02-26"]);
    }
}
