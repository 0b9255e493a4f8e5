//! Clock times: "3 p.m.", "10:30 GMT", "1400 hours", noon and midnight.

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
use regex::SetMatches;

/// "3 p.m.", "about 10:30 am EST".
pub(super) fn clock_ampm(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for c in caps(&p.clock_ampm, hits, gate::CLOCK_AMPM, text) {
        let Some(all) = c.get(0) else { continue };
        if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch == ',' || ch == '$')
        {
            continue;
        }
        let (Some(h), ap) = (
            num::<u32>(&c, "h"),
            c.name("ap").map(|x| x.as_str().to_lowercase()),
        ) else {
            continue;
        };
        let pm = ap.as_deref().is_some_and(|a| a.starts_with('p'));
        let h24 = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        push(
            out,
            all.start(),
            all.end(),
            Reading::Clock {
                h: h24,
                mi: num(&c, "mi").unwrap_or(0),
                zone: c
                    .name("z")
                    .is_some_and(|z| matches!(z.as_str(), "UTC" | "GMT")),
                day: None,
            },
        );
    }
}
/// "14:30", "1400 GMT".
pub(super) fn clock_colon(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    for (re, which) in [
        (&p.clock_colon, gate::CLOCK_COLON),
        (&p.clock_mil, gate::CLOCK_MIL),
    ] {
        for c in caps(re, hits, which, text) {
            let Some(all) = c.get(0) else { continue };
            if matches!(char_before(text, all.start()), Some(ch) if ch == '.' || ch == ',' || ch == ':' || ch == '$')
                || matches!(char_after(text, all.end()), Some(ch) if ch == ':' || ch.is_ascii_digit())
            {
                continue;
            }
            let (Some(h), Some(mi)) = (num::<u32>(&c, "h"), num::<u32>(&c, "mi")) else {
                continue;
            };
            let zone = c.name("z").map(|z| z.as_str());
            push(
                out,
                all.start(),
                all.end(),
                Reading::Clock {
                    h,
                    mi,
                    zone: matches!(zone, Some("UTC" | "GMT")),
                    day: None,
                },
            );
        }
    }
}
/// Noon, midday and midnight.
pub(super) fn noon(p: &Patterns, hits: &SetMatches, text: &str, out: &mut Vec<Cand>) {
    let noon = if hits.matched(gate::NOON) {
        p.noon.find_iter(text).collect()
    } else {
        Vec::new()
    };
    for m in noon {
        let h = if m.as_str().eq_ignore_ascii_case("midnight") {
            24
        } else {
            12
        };
        push(
            out,
            m.start(),
            m.end(),
            Reading::Clock {
                h,
                mi: 0,
                zone: false,
                day: None,
            },
        );
    }
}
