//! Durations and the offsets built on them: "three days", "the past two weeks", "two
//! days ago", "a week later", ages ("a 40-year-old"), frequencies ("twice a day", "every
//! two weeks"), bare units ("for years") and coordinated numbers ("two or three days").

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
use crate::lexicon::LEX;
use regex::{Captures, Match, SetMatches};

/// A number and a unit.
pub(super) fn duration(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.duration, hits, gate::DURATION, text) {
        one_duration(&c, text, out);
    }
}

/// The pieces of one match of the duration pattern.
struct Dur<'t> {
    c: &'t Captures<'t>,
    all: Match<'t>,
    numm: Match<'t>,
    um: Match<'t>,
    code: &'static str,
    mult: f64,
    /// "ago", "later", "earlier", "old" or "of", lower-case.
    tail: Option<String>,
    numtxt: String,
    /// The length in units, when the number is not vague ("several").
    n: Option<f64>,
}

fn one_duration(c: &Captures, text: &str, out: &mut Vec<Cand>) -> Option<()> {
    let all = c.get(0)?;
    let (numm, um) = (c.name("num")?, c.name("u")?);
    let (code, mult) = unit_of(um.as_str())?;
    let tail = c
        .name("tail")
        .map(|t| t.as_str().trim().trim_start_matches('-').to_lowercase());
    let numtxt = numm.as_str().to_lowercase();
    let n = LEX.number(&numtxt).map(|n| n * mult);
    let d = Dur {
        c,
        all,
        numm,
        um,
        code,
        mult,
        tail,
        numtxt,
        n,
    };
    if not_a_length(&d, text) {
        return None;
    }
    if offset_or_age(&d, out) {
        return None;
    }
    let (start, modifier) = start_and_modifier(&d, text);
    let end_no_tail = match c.name("tail") {
        Some(t) if t.as_str().trim().eq_ignore_ascii_case("of") => t.start(),
        Some(_) => all.end(),
        None => all.end(),
    };
    let end = if matches!(d.tail.as_deref(), Some("later" | "earlier")) {
        c.name("tail").map(|t| t.start()).unwrap_or(end_no_tail)
    } else {
        end_no_tail
    };
    if frequency(&d, text, end, out) {
        return None;
    }
    push(
        out,
        start,
        end,
        Reading::Duration {
            value: duration_value(n, code),
            modifier,
        },
    );
    Some(())
}

/// Matches that are no length of time: ordinals ("a second time"), fractions ("three
/// quarters of"), digits glued to money or a larger number, occasions ("a day of
/// mourning") and ages ("aged 58 years").
fn not_a_length(d: &Dur, text: &str) -> bool {
    let (c, code, numtxt, tail) = (d.c, d.code, d.numtxt.as_str(), d.tail.as_deref());
    // "a second time" is an ordinal, "three quarters of" a fraction.
    if (code == "TS" && matches!(numtxt, "a" | "an"))
        || (code == "Q"
            && ((tail == Some("of") && c.name("adj").is_none())
                || (c.name("pp").is_none()
                    && c.name("adj").is_none()
                    && !numtxt.starts_with(|ch: char| ch.is_ascii_digit()))))
    {
        return true;
    }
    // Digits glued to a larger number or money are not durations ("$5 billion a year").
    if matches!(char_before(text, d.numm.start()), Some(ch) if ch.is_ascii_digit() || ch == '$' || ch == '.')
    {
        return true;
    }
    // "a day of mourning" names an occasion, not a length of time.
    if tail == Some("of") && matches!(numtxt, "a" | "an" | "one") && code == "D" {
        return true;
    }
    // "a median age of 43.6 years", "aged 58 years": ages, not spans of time.
    let before_num = tail_lower(text, d.all.start(), 40);
    before_num
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| matches!(w, "age" | "aged" | "ages"))
}

/// Where the timex starts and its `mod`: "over the next four years" leaves "over" out (a
/// preposition there), "the 10-year yield" leaves "the" to the noun.
fn start_and_modifier(d: &Dur, text: &str) -> (usize, Option<&'static str>) {
    let c = d.c;
    // "the 10-year yield": a bare "the" before an adjectival "N-unit" belongs to the noun.
    let adjectival_the = c
        .name("pp")
        .is_some_and(|pp| pp.as_str().trim().eq_ignore_ascii_case("the"))
        && text
            .get(d.numm.end()..d.um.start())
            .is_some_and(|g| g.contains('-'));
    // "over the next four years": with "the next/past", over/under are prepositions.
    let (start, mod_m) = match (c.name("mod"), c.name("pp")) {
        _ if adjectival_the => (d.numm.start(), None),
        (Some(m), Some(pp)) if matches!(m.as_str().to_lowercase().as_str(), "over" | "under") => {
            (pp.start(), None)
        }
        (m, _) => (d.all.start(), m),
    };
    let modifier = mod_m
        .and_then(|m| {
            let lc = m.as_str().to_lowercase();
            LEX.modifiers
                .iter()
                .find(|x| x.0 == lc)
                .map(|x| x.1.clone())
        })
        .map(|s| static_mod(&s));
    (start, modifier)
}

/// Ages ("a 27-year-old", "40 years old"), "two days ago" and "three days later": true
/// when the match was taken (or rejected) here.
fn offset_or_age(d: &Dur, out: &mut Vec<Cand>) -> bool {
    let (all, n, code) = (d.all, d.n, d.code);
    match d.tail.as_deref() {
        // "a 27-year-old volunteer", "she is 40 years old": an age describes a person,
        // it is not a span of time in the story. TimeBank and AQUAINT (the TempEval-3
        // training data) mark none of their 34 ages, so the match is taken and dropped.
        Some("old") => true,
        Some("ago") => {
            let reading = match n {
                Some(n) => Reading::Shift {
                    n,
                    unit: code,
                    sign: -1,
                    from_anchor: false,
                },
                None => Reading::Literal {
                    kind: "DATE",
                    value: "PAST_REF".into(),
                },
            };
            push(out, all.start(), all.end(), reading);
            true
        }
        Some(t @ ("later" | "earlier")) if n.is_some() && d.c.name("pp").is_none() => {
            let sign = if t == "later" { 1 } else { -1 };
            let reading = Reading::Shift {
                n: n.unwrap_or(1.0),
                unit: code,
                sign,
                from_anchor: true,
            };
            push(out, all.start(), all.end(), reading);
            true
        }
        _ => false,
    }
}

/// "twice a day", "$3 a year", "every two weeks": a frequency (a SET), not a duration.
fn frequency(d: &Dur, text: &str, end: usize, out: &mut Vec<Cand>) -> bool {
    let (c, all) = (d.c, d.all);
    if matches!(d.numtxt.as_str(), "a" | "an") && c.name("mod").is_none() {
        let pw = prev_word(text, all.start()).map(str::to_lowercase);
        let money = pw
            .as_deref()
            .is_some_and(|w| w.starts_with(['$', '€', '£']) || w.ends_with('%'));
        if money
            || matches!(
                pw.as_deref(),
                Some(
                    "once"
                        | "twice"
                        | "thrice"
                        | "times"
                        | "million"
                        | "billion"
                        | "per"
                        | "percent"
                        | "cent"
                        | "dollars"
                        | "euros"
                        | "pounds"
                )
            )
            || text
                .get(..all.start())
                .and_then(|b| b.trim_end().chars().next_back())
                .is_some_and(|ch| ch == '%')
        {
            let value = duration_value(Some(d.mult), d.code);
            push(out, all.start(), end, Reading::Set(value));
            return true;
        }
    }
    // "every two weeks": a frequency.
    let every = prev_word_at(text, all.start())
        .filter(|(_, w)| w.eq_ignore_ascii_case("every") || w.eq_ignore_ascii_case("each"));
    if let (Some((from, _)), None, None) = (every, c.name("mod"), c.name("pp")) {
        push(out, from, end, Reading::Set(duration_value(d.n, d.code)));
        return true;
    }
    false
}

/// A plural unit without a number: "for years", "months ago".
pub(super) fn bare_unit(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.bare_unit, hits, gate::BARE_UNIT, text) {
        let (Some(all), Some(um)) = (c.get(0), c.name("u")) else {
            continue;
        };
        let Some((code, _)) = unit_of(um.as_str()) else {
            continue;
        };
        let tail = c.name("tail").map(|t| t.as_str().trim().to_lowercase());
        // A unit right after a number belongs to that number (or to an age we rejected).
        if text
            .get(..all.start())
            .and_then(|b| b.trim_end().chars().next_back())
            .is_some_and(|ch| ch.is_ascii_digit())
        {
            continue;
        }
        // "the minutes of the meeting" are a record, not a span of time.
        if um.as_str().eq_ignore_ascii_case("minutes")
            && prev_word(text, all.start()).is_some_and(|w| w.eq_ignore_ascii_case("the"))
        {
            continue;
        }
        match tail.as_deref() {
            Some("old") => continue,
            Some("ago") => push(
                out,
                all.start(),
                all.end(),
                Reading::Literal {
                    kind: "DATE",
                    value: "PAST_REF".into(),
                },
            ),
            _ => push(
                out,
                all.start(),
                all.end(),
                Reading::Duration {
                    value: duration_value(None, code),
                    modifier: None,
                },
            ),
        }
    }
}
/// "two or three days": the first number gets its own duration.
pub(super) fn coordinated(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.coordinated, hits, gate::COORDINATED, text) {
        let (Some(n1), Some(um)) = (c.name("n1"), c.name("u")) else {
            continue;
        };
        let Some((code, mult)) = unit_of(um.as_str()) else {
            continue;
        };
        let Some(n) = LEX.number(n1.as_str()) else {
            continue;
        };
        if matches!(n1.as_str().to_lowercase().as_str(), "a" | "an") {
            continue;
        }
        push(
            out,
            n1.start(),
            n1.end(),
            Reading::Duration {
                value: duration_value(Some(n * mult), code),
                modifier: None,
            },
        );
    }
}

pub(super) fn unit_of(u: &str) -> Option<(&'static str, f64)> {
    let u = u.to_lowercase();
    let singular = match u.as_str() {
        "centuries" => "century",
        other => other.strip_suffix('s').unwrap_or(other),
    };
    LEX.units.get(singular).map(|x| (x.code, x.mult))
}

/// Formats a TIMEX3 duration value (P3D, PT24H, P2.5Y, PXY).
pub fn duration_value(n: Option<f64>, code: &str) -> String {
    let (t, c) = match code.strip_prefix('T') {
        Some(c) => ("T", c),
        None => ("", code),
    };
    match n {
        Some(n) if n.fract() == 0.0 => format!("P{t}{}{c}", n as i64),
        Some(n) => format!("P{t}{n}{c}"),
        None => format!("P{t}X{c}"),
    }
}

/// A `mod` value from the data file as one of TimeML's fixed names.
pub(super) fn static_mod(s: &str) -> &'static str {
    match s {
        "APPROX" => "APPROX",
        "MORE_THAN" => "MORE_THAN",
        "LESS_THAN" => "LESS_THAN",
        "EQUAL_OR_MORE" => "EQUAL_OR_MORE",
        "EQUAL_OR_LESS" => "EQUAL_OR_LESS",
        "START" => "START",
        "END" => "END",
        "MID" => "MID",
        _ => "APPROX",
    }
}
