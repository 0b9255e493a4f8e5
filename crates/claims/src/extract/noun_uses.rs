//! Cue words in a noun's or a naming participle's use: "in 35 states that voted", "swing
//! states", "a group called Voters First". Neither reports anything.

use super::*;

/// Words before "states" that make it the plural noun.
const STATE_MODS: &[&str] = &[
    "swing",
    "battleground",
    "bellwether",
    "western",
    "eastern",
    "southern",
    "northern",
    "early",
    "other",
    "all",
    "these",
    "those",
    "many",
    "several",
    "some",
    "most",
    "both",
    "key",
    "united",
    "of",
    "in",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "red",
    "blue",
    "member",
    "primary",
    "remaining",
    "individual",
    "neighboring",
    "gulf",
];

/// "states" (or "state") used as a noun: a count, a determiner or a modifier before it, or
/// no "that", colon or quotation after it.
pub(super) fn state_noun(ctx: &Ctx, i: usize, sa: usize) -> bool {
    if !any(ctx.lower(i), &["states", "state"]) {
        return false;
    }
    let before = i > sa
        && ctx.tok(i - 1).is_some_and(|t| {
            t.kind == crate::text::TK::Num || any(&t.lower, STATE_MODS) || any(&t.lower, DETS)
        });
    let next = ctx.lower(i + 1);
    let verb_after = next == "that" || next == ":" || ctx.is_open_quote(i + 1);
    before || !verb_after
}

/// A naming participle after an indefinite noun phrase inside a clause: "a program called
/// X", "an aide named Y". A subject that opens the sentence ("A judge called the plan …")
/// is left alone.
pub(super) fn naming_participle(ctx: &Ctx, i: usize, sa: usize) -> bool {
    if !any(ctx.lower(i), &["called", "named", "dubbed", "titled"]) {
        return false;
    }
    let lim = i.saturating_sub(4).max(sa);
    let Some(k) = (lim..i).rev().find(|&k| any(ctx.lower(k), &["a", "an"])) else {
        return false;
    };
    let inside = (k + 1..i).all(|x| {
        ctx.tok(x)
            .is_some_and(|t| t.is_word() && !CUES.contains_key(&t.lower))
    });
    let opens = k == sa || !ctx.is_word(k - 1) || any(ctx.lower(k - 1), &["and", "but"]);
    inside && !opens
}

#[cfg(test)]
mod tests {
    use crate::testing::run;

    fn cues(text: &str) -> Vec<String> {
        run(text)
            .layers
            .claims
            .into_iter()
            .map(|c| c.cue.text)
            .collect()
    }

    #[test]
    fn states_as_a_noun_is_not_a_cue() {
        assert!(cues("The governor campaigned in nine states that vote next week.\n").is_empty());
        assert!(cues("Turnout fell in the swing states this year.\n").is_empty());
        assert_eq!(
            cues("The senator states that the fund broke no rules.\n"),
            ["states"]
        );
    }

    #[test]
    fn a_naming_participle_is_not_a_cue() {
        assert!(cues("She now runs a charity called Clean Wells in Ohio.\n").is_empty());
        assert_eq!(
            cues("Senator Vane called the plan a disaster.\n"),
            ["called"]
        );
    }
}
