//! Weekdays: "Friday", "last Tuesday", "Sunday night", "every Monday".

use super::context::*;
use super::patterns::{caps, gate, Patterns};
use super::{push, Cand, Reading};
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
        push(
            out,
            all.start(),
            all.end(),
            Reading::Weekday {
                wd,
                rel: rel_of(rel_lc.as_deref()),
                part,
            },
        );
    }
}
