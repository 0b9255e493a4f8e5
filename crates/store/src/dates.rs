//! Dates as dates. Records carry TIMEX3 values of every grain (a day, a week, a month, a
//! season, a year); the store orders, filters and groups them by the calendar days they
//! cover, never by their spelling (`2031-W10` sorts after `2031-03-14` as text, but the week
//! starts on 3 March).
//!
//! Every value becomes a first and a last day ([`span_of`]). Stored day columns hold only
//! ISO days written by [`iso`] (`YYYY-MM-DD`, four-digit years), whose text order is their
//! date order, so SQL `ORDER BY` and range comparisons on them are date comparisons.

use chrono::{Duration, NaiveDate, Weekday};

/// A day as stored: `YYYY-MM-DD`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Parse a stored or given day (`YYYY-MM-DD`, or a longer TIMEX3 value starting with one).
pub fn parse_day(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    let head = v.get(..10)?;
    if v.len() > 10 && !v[10..].starts_with('T') {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

fn year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn month_span(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    Some((first, next - Duration::days(1)))
}

fn months_span(y: i32, first: u32, last: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((month_span(y, first)?.0, month_span(y, last)?.1))
}

/// The first and last day a TIMEX3 calendar value covers: days (`2031-03-02`, with or
/// without a time), ISO weeks (`2031-W10`), weekends (`2031-W10-WE`), months (`2031-03`),
/// quarters (`2031-Q1`), halves (`2031-H1`), seasons (`2031-SP`/`SU`/`FA`/`WI`; northern
/// hemisphere, winter from December into the next year), years (`2031`) and decades
/// (`203`). `None` for anything else (durations, `PRESENT_REF`, `XXXX-03-02`).
pub fn span_of(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let v = value.trim();
    if let Some(d) = parse_day(v) {
        return Some((d, d));
    }
    if v.len() == 3 && v.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = v.parse().ok()?;
        return Some((
            NaiveDate::from_ymd_opt(y * 10, 1, 1)?,
            NaiveDate::from_ymd_opt(y * 10 + 9, 12, 31)?,
        ));
    }
    let (ys, rest) = match v.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let y = year(ys)?;
    let Some(rest) = rest else {
        return Some((
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
        ));
    };
    if let Some(w) = rest
        .strip_prefix('W')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        let (wn, tail) = match w.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (w, None),
        };
        let wn: u32 = wn.parse().ok().filter(|_| wn.len() == 2)?;
        let monday = NaiveDate::from_isoywd_opt(y, wn, Weekday::Mon)?;
        return match tail {
            None => Some((monday, monday + Duration::days(6))),
            Some("WE") => Some((monday + Duration::days(5), monday + Duration::days(6))),
            Some(d) if d.len() == 1 => {
                let n: i64 = d.parse().ok().filter(|n| (1..=7).contains(n))?;
                let day = monday + Duration::days(n - 1);
                Some((day, day))
            }
            _ => None,
        };
    }
    match rest {
        "SP" => months_span(y, 3, 5),
        "SU" => months_span(y, 6, 8),
        "FA" | "AU" => months_span(y, 9, 11),
        "WI" => Some((NaiveDate::from_ymd_opt(y, 12, 1)?, month_span(y + 1, 2)?.1)),
        "Q1" => months_span(y, 1, 3),
        "Q2" => months_span(y, 4, 6),
        "Q3" => months_span(y, 7, 9),
        "Q4" => months_span(y, 10, 12),
        "H1" => months_span(y, 1, 6),
        "H2" => months_span(y, 7, 12),
        m if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
            month_span(y, m.parse().ok()?)
        }
        _ => None,
    }
}

/// A filter bound given by a user: a day, or a coarser value taken at its first day
/// (`from`) or last day (`to`). `None` when the text is no calendar value.
pub fn bound(value: &str, upper: bool) -> Option<String> {
    let (a, b) = span_of(value)?;
    Some(iso(if upper { b } else { a }))
}

/// The dates of a figure as stored: `as_of` a day (or none), `as_of_day` the day it holds
/// as of (the publication day when it has none), and the coarser `period` with its days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureDates {
    pub as_of: Option<String>,
    pub as_of_day: Option<String>,
    pub period: Option<String>,
    pub period_start: Option<String>,
    pub period_end: Option<String>,
}

/// Normalise a figure's `as_of`/`period` pair: an `as_of` coarser than a day (older
/// pipelines wrote `2031-W10` there) becomes the `period` and the figure holds as of the
/// publication day, the day the report was made.
pub fn figure_dates(
    as_of: Option<&str>,
    period: Option<&str>,
    published: Option<&str>,
) -> FigureDates {
    let published = published.and_then(parse_day);
    let as_of = as_of.map(str::trim).filter(|s| !s.is_empty());
    let mut period = period
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let day = match as_of {
        Some(a) => match (parse_day(a), span_of(a)) {
            (Some(d), _) => Some(d),
            (None, Some(_)) => {
                period.get_or_insert_with(|| a.to_string());
                None
            }
            (None, None) => None,
        },
        None => None,
    };
    let span = period.as_deref().and_then(span_of);
    FigureDates {
        as_of: day.map(iso),
        as_of_day: day.or(published).or(span.map(|(_, b)| b)).map(iso),
        period,
        period_start: span.map(|(a, _)| iso(a)),
        period_end: span.map(|(_, b)| iso(b)),
    }
}

/// First and last day of an event or claim date (kept in its own grain), as stored days.
pub fn date_span(value: Option<&str>) -> (Option<String>, Option<String>) {
    match value.and_then(span_of) {
        Some((a, b)) => (Some(iso(a)), Some(iso(b))),
        None => (None, None),
    }
}

/// Order key of a stored day column: by date, undated last.
pub fn day_key(value: Option<&str>) -> (bool, Option<NaiveDate>) {
    let d = value.and_then(|v| span_of(v).map(|(a, _)| a));
    (d.is_none(), d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(v: &str) -> Option<(String, String)> {
        span_of(v).map(|(a, b)| (iso(a), iso(b)))
    }

    #[test]
    fn every_grain_has_a_first_and_last_day() {
        let p = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(sp("2031-03-02"), p("2031-03-02", "2031-03-02"));
        assert_eq!(sp("2031-03-02T14:00"), p("2031-03-02", "2031-03-02"));
        assert_eq!(sp("2031-W10"), p("2031-03-03", "2031-03-09"));
        assert_eq!(sp("2031-W10-WE"), p("2031-03-08", "2031-03-09"));
        assert_eq!(sp("2031-03"), p("2031-03-01", "2031-03-31"));
        assert_eq!(sp("2032-02"), p("2032-02-01", "2032-02-29"));
        assert_eq!(sp("2031-SU"), p("2031-06-01", "2031-08-31"));
        assert_eq!(sp("2031-WI"), p("2031-12-01", "2032-02-29"));
        assert_eq!(sp("2031-Q2"), p("2031-04-01", "2031-06-30"));
        assert_eq!(sp("2031"), p("2031-01-01", "2031-12-31"));
        assert_eq!(sp("203"), p("2030-01-01", "2039-12-31"));
        for bad in [
            "P3D",
            "XXXX-03-02",
            "PRESENT_REF",
            "",
            "2031-13",
            "2031-W60",
            "2031-03-02x",
        ] {
            assert_eq!(sp(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_week_sorts_by_its_monday_not_its_spelling() {
        // As text "2031-W10" > "2031-03-14"; as dates the week starts on 3 March.
        assert!(day_key(Some("2031-W10")) < day_key(Some("2031-03-14")));
        assert!(day_key(Some("2031-03-14")) < day_key(None));
    }

    #[test]
    fn a_coarse_as_of_becomes_the_period_dated_by_publication() {
        let d = figure_dates(Some("2031-W10"), None, Some("2031-03-08"));
        assert_eq!(d.as_of, None);
        assert_eq!(d.as_of_day.as_deref(), Some("2031-03-08"));
        assert_eq!(d.period.as_deref(), Some("2031-W10"));
        assert_eq!(d.period_start.as_deref(), Some("2031-03-03"));
        assert_eq!(d.period_end.as_deref(), Some("2031-03-09"));
        let d = figure_dates(Some("2031-03-04"), Some("2031-03"), Some("2031-05-01"));
        assert_eq!(d.as_of.as_deref(), Some("2031-03-04"));
        assert_eq!(d.as_of_day.as_deref(), Some("2031-03-04"));
        assert_eq!(d.period_end.as_deref(), Some("2031-03-31"));
        let d = figure_dates(None, None, None);
        assert_eq!(d.as_of_day, None);
    }

    #[test]
    fn bounds_take_the_edges_of_coarse_values() {
        assert_eq!(bound("2031-03", false).as_deref(), Some("2031-03-01"));
        assert_eq!(bound("2031-03", true).as_deref(), Some("2031-03-31"));
        assert_eq!(bound("soon", true), None);
    }
}
