//! The fixed phrases of `relative.tsv` ("yesterday", "the next day", "recently"), with
//! the context checks for those whose words have other uses.

use super::context::*;
use super::patterns::Patterns;
use super::{push, Cand, Reading};
use crate::lexicon::LEX;

/// Every phrase occurrence that passes its context check.
pub(super) fn phrases(p: &Patterns, text: &str, out: &mut Vec<Cand>) {
    // Every phrase occurrence, overlapping ones included: when a long phrase fails its
    // context check ("the day before the vote"), the shorter one inside it can still count;
    // `settle` keeps the longest of those that pass.
    for m in p.fixed.find_overlapping_iter(text) {
        let (ms, me) = (m.start(), m.end());
        let i = m.pattern().as_usize();
        let key = LEX.relative.get(i).map(|r| r.phrase.as_str()).unwrap_or("");
        let boundary = |ch: Option<char>| !ch.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let ok = boundary(char_before(text, ms))
            && boundary(char_after(text, me))
            // "soon-to-open", "now-defunct": part of a compound adjective.
            && !matches!(char_after(text, me), Some('-'))
            && fixed_ok(text, ms, me, key);
        if ok {
            push(out, ms, me, Reading::Fixed(i));
        } else if key == "the year" && accounting_year(text, me) {
            push(
                out,
                ms,
                me,
                Reading::Duration {
                    value: "P1Y".to_string(),
                    modifier: None,
                },
            );
        }
    }
}

/// "the year ended March 31", "for the year ending in June": an accounting year, one year
/// long, whose end the date after it gives.
fn accounting_year(text: &str, end: usize) -> bool {
    next_word(text, end).is_some_and(|w| w == "ended" || w == "ending")
}

/// Context checks for fixed phrases whose words have other uses.
pub(super) fn fixed_ok(text: &str, start: usize, end: usize, key: &str) -> bool {
    let pw = prev_word(text, start).map(str::to_lowercase);
    let nw = next_word(text, end).map(str::to_lowercase);
    match key {
        // "now" as a discourse particle is still PRESENT_REF in TimeML; but "now-defunct"
        // and "from now on" stay.
        "now" => !matches!(char_after(text, end), Some('-')),
        "the past" => !matches!(
            nw.as_deref(),
            Some("decade" | "year" | "week" | "month" | "few" | "two" | "three" | "several")
        ),
        "the present" => !matches!(nw.as_deref(), Some("government" | "day")),
        "annual" | "daily" | "weekly" | "monthly" | "yearly" => {
            // An adjective before a name ("the Daily Telegraph") is part of the name.
            text.get(start..end)
                .is_some_and(|t| t.chars().next().is_some_and(|c| c.is_lowercase()))
        }
        "the day after" | "the day before" | "the night before" | "the week before" => {
            // "the day after the vote" dates against that event, which we cannot resolve.
            nw.is_none() || matches!(nw.as_deref(), Some("and" | "but" | "as"))
        }
        "the day" => the_day_ok(nw.as_deref()),
        "the year" => the_year_ok(pw.as_deref(), nw.as_deref()),
        "recent" | "current" => {
            // "the current crisis", "recent talks"; not "its five current models".
            (key == "recent" || pw.as_deref() == Some("the"))
                && pw.as_deref() != Some("most")
                && nw
                    .as_deref()
                    .is_some_and(|w| w.chars().all(|c| c.is_lowercase()))
                && !matches!(
                    nw.as_deref(),
                    Some("account" | "accounts" | "affairs" | "events" | "and" | "or" | "of")
                )
        }
        "soon" => {
            !matches!(pw.as_deref(), Some("as" | "how" | "too"))
                && !matches!(
                    nw.as_deref(),
                    Some("as" | "after" | "afterwards" | "thereafter")
                )
        }
        "per day" | "per week" | "per month" | "per year" => true,
        // "quarterly earnings": an adjective classing the noun, not a frequency (TimeBank
        // leaves it out); "paid quarterly" stays.
        "quarterly" => {
            !nw.as_deref()
                .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
                || next_word(text, end).is_some_and(is_capitalised)
        }
        // "the last quarter of an hour", "the past of the city".
        "the last quarter" | "last quarter" | "this quarter" | "next quarter" => {
            nw.as_deref() != Some("of")
        }
        "overnight" => !matches!(pw.as_deref(), Some("an")),
        // A company's quarter, not "the quarter of the city", "the Latin Quarter" or "the
        // quarter century".
        "the quarter" | "that quarter" | "the latest quarter" | "the latest period" => {
            text.get(start..end)
                .is_some_and(|t| !t.contains("Quarter") && !t.contains("Period"))
                && !matches!(
                    nw.as_deref(),
                    Some("of" | "century" | "mile" | "hour" | "final" | "finals" | "note")
                )
        }
        _ => true,
    }
}

/// "the day" alone is the day in focus; "the day of the vote", "the day he left" are not.
fn the_day_ok(nw: Option<&str>) -> bool {
    !matches!(
        nw,
        Some(
            "of" | "when"
                | "that"
                | "after"
                | "before"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "you"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "which"
                | "where"
                | "following"
                | "ahead"
                | "is"
                | "was"
                | "will"
        )
    )
}

/// "in the year" (the current one), not "the year of the flood" or "the year before".
fn the_year_ok(pw: Option<&str>, nw: Option<&str>) -> bool {
    {
        matches!(
            pw,
            Some("in" | "for" | "during" | "throughout" | "through" | "of" | "all")
        ) && !matches!(
            nw,
            Some(
                "of" | "when"
                    | "that"
                    | "before"
                    | "after"
                    | "ended"
                    | "ending"
                    | "ago"
                    | "in"
                    | "which"
                    | "to"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "earlier"
                    | "later"
                    | "before,"
                    | "since"
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::candidates;

    fn spans(text: &str) -> Vec<&str> {
        candidates(text)
            .iter()
            .filter_map(|c| text.get(c.start..c.end))
            .collect()
    }

    #[test]
    fn an_accounting_year_is_a_year_long() {
        let text = "Revenue for the year ended June 30 rose, and the year ending in May was flat.";
        let got: Vec<(String, String)> = crate::find_timexes(text, None)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        assert!(
            got.contains(&("the year".to_string(), "P1Y".to_string())),
            "{got:?}"
        );
        assert!(spans("It was the year of the flood.").is_empty());
    }

    #[test]
    fn quarterly_before_a_noun_is_an_adjective() {
        assert!(spans("The mill raised its quarterly dividend.").is_empty());
        assert_eq!(spans("Interest is paid quarterly."), vec!["quarterly"]);
    }

    /// "by year-end" is the end of the DCT's year (as "the end of the year"); "the full
    /// year" of an earnings story is the DCT's year.
    #[test]
    fn year_end_and_the_full_year() {
        let dct = chrono::NaiveDate::from_ymd_opt(2030, 10, 30);
        let got: Vec<(String, String, Option<String>)> = crate::find_timexes(
            "The mill expects to hire 40 by year-end and to lift sales for the full year.",
            dct,
        )
        .into_iter()
        .map(|t| (t.text, t.value, t.modifier))
        .collect();
        assert_eq!(
            got,
            [
                ("year-end".into(), "2030".into(), Some("END".into())),
                ("the full year".into(), "2030".into(), None)
            ]
        );
        assert_eq!(spans("Cuts were done by year's end."), vec!["year's end"]);
    }

    #[test]
    fn a_company_quarter_but_not_a_city_quarter() {
        assert_eq!(spans("Sales for the quarter rose."), vec!["the quarter"]);
        assert!(spans("They walked through the quarter of the old town.").is_empty());
        assert!(spans("Crowds filled the Latin Quarter at night.")
            .iter()
            .all(|s| !s.contains("Quarter")));
        assert!(spans("It took the quarter century since.")
            .iter()
            .all(|s| !s.contains("quarter")));
    }
}
