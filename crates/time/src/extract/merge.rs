//! Settling overlaps and joining neighbours: a weekday with the date after it, a clock time
//! with its day, a part of day with its day.

use super::{Cand, Reading};
use crate::lexicon::LEX;

/// Keep the longest candidates; among equal lengths the earliest pattern wins.
pub(super) fn settle(text: &str, v: Vec<Cand>) -> Vec<Cand> {
    let mut order: Vec<(usize, Cand)> = v.into_iter().enumerate().collect();
    order.sort_by_key(|(i, c)| (std::cmp::Reverse(c.end - c.start), c.start, *i));
    // Kept spans by start; they never overlap, so only the one starting last before a
    // candidate's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut kept: Vec<Cand> = Vec::new();
    for (_, c) in order {
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &te)| te > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.start);
    merge(text, kept)
}

/// The part of day a fixed phrase names when it reads "the morning/afternoon/evening/night".
pub(super) fn part_of_day(r: &Reading) -> Option<&'static str> {
    let Reading::Fixed(i) = r else { return None };
    match LEX.relative.get(*i)?.phrase.as_str() {
        "the morning" => Some("MO"),
        "the afternoon" => Some("AF"),
        "the evening" => Some("EV"),
        "the night" | "overnight" => Some("NI"),
        _ => None,
    }
}

pub(super) fn gap_is(text: &str, a: usize, b: usize, comma: bool) -> bool {
    b >= a
        && b - a <= 3
        && text
            .get(a..b)
            .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || (comma && c == ',')))
}

/// Joins a weekday with the date right after it ("Saturday, January 8") and a clock time
/// with the day right after it ("3 p.m. Saturday").
pub(super) fn merge(text: &str, v: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(v.len());
    for c in v {
        if let Some(last) = out.last_mut() {
            if join_part_of_day(text, last, &c)
                || join_clock_day(text, last, &c)
                || join_after_comma(text, last, &c)
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// "the evening of March 4", "overnight on Friday", "overnight Friday".
fn join_part_of_day(text: &str, last: &mut Cand, c: &Cand) -> bool {
    if let (Some(part), true) = (part_of_day(&last.reading), is_day(&c.reading)) {
        // "the evening of March 4", "overnight on Friday", "overnight Friday".
        let of = text.get(last.end..c.start).is_some_and(|g| {
            let g = g.trim();
            g.eq_ignore_ascii_case("of")
                || ((g.is_empty() || g.eq_ignore_ascii_case("on"))
                    && text
                        .get(last.start..last.end)
                        .is_some_and(|t| t.eq_ignore_ascii_case("overnight")))
        });
        if of {
            last.reading = Reading::DayPart {
                part,
                day: Box::new(c.reading.clone()),
            };
            last.end = c.end;
            return true;
        }
    }
    false
}

/// "5 p.m. Saturday", "02:40 on Saturday 4 March", "3 p.m. Saturday, January 8".
fn join_clock_day(text: &str, last: &mut Cand, c: &Cand) -> bool {
    let with_comma = gap_is(text, last.end, c.start, true);
    let spaced = gap_is(text, last.end, c.start, false);
    // "02:40 on Saturday 4 March", "5 p.m. on Friday": one point in time (TimeML
    // joins a time with its day; the preposition between them stays inside).
    let on = text
        .get(last.end..c.start)
        .is_some_and(|g| g.trim().eq_ignore_ascii_case("on") && g.starts_with(' '));
    if on || spaced {
        if let (Reading::Clock { day: None, .. }, true) = (&last.reading, is_day(&c.reading)) {
            if let Reading::Clock { h, mi, zone, .. } = last.reading.clone() {
                last.end = c.end;
                last.reading = Reading::Clock {
                    h,
                    mi,
                    zone,
                    day: Some(Box::new(c.reading.clone())),
                };
                return true;
            }
        }
    }
    // "3 p.m. Saturday, January 8": the full date replaces the weekday.
    if with_comma {
        if let Reading::Clock { day: Some(day), .. } = &mut last.reading {
            if matches!(**day, Reading::Weekday { part: None, .. }) && is_date_with_day(&c.reading)
            {
                **day = c.reading.clone();
                last.end = c.end;
                return true;
            }
        }
    }
    false
}

/// "Saturday, January 8" (the date replaces the weekday) and "March 4, 3 p.m.".
fn join_after_comma(text: &str, last: &mut Cand, c: &Cand) -> bool {
    let with_comma = gap_is(text, last.end, c.start, true);
    let spaced = gap_is(text, last.end, c.start, false);
    if with_comma {
        match (&last.reading, &c.reading) {
            (Reading::Weekday { part: None, .. }, Reading::Date { d, .. }) if *d > 0 => {
                last.end = c.end;
                last.reading = c.reading.clone();
                return true;
            }
            (
                day,
                Reading::Clock {
                    day: None,
                    h,
                    mi,
                    zone,
                },
            ) if is_date_with_day(day) => {
                last.reading = Reading::Clock {
                    h: *h,
                    mi: *mi,
                    zone: *zone,
                    day: Some(Box::new(day.clone())),
                };
                last.end = c.end;
                return true;
            }
            (Reading::Clock { day: None, .. }, next) if spaced && is_day(next) => {
                if let Reading::Clock { h, mi, zone, .. } = last.reading.clone() {
                    last.end = c.end;
                    last.reading = Reading::Clock {
                        h,
                        mi,
                        zone,
                        day: Some(Box::new(next.clone())),
                    };
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// A written calendar date with its day ("5 March 2031", "March 4").
pub(super) fn is_date_with_day(r: &Reading) -> bool {
    matches!(r, Reading::Date { d, .. } if *d > 0)
}

/// Readings that name one day (a time can attach to them).
pub(super) fn is_day(r: &Reading) -> bool {
    match r {
        Reading::Date { d, .. } => *d > 0,
        Reading::Weekday { part: None, .. } => true,
        Reading::Fixed(i) => LEX
            .relative
            .get(*i)
            .is_some_and(|x| x.kind == "DATE" && x.template.starts_with('D')),
        _ => false,
    }
}
