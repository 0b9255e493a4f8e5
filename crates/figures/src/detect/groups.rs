//! The counted noun phrase after a count, and what a metric requires of it.

use super::*;

pub(super) fn parse_group(toks: &[Tok], start: usize) -> GroupParse {
    let mut j = start;
    // "20 more people", "a further 12 additional officers"
    while toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_ref(), "more" | "additional" | "further"))
    {
        j += 1;
    }
    let first = j;
    let Some(lw) = last_group_word(toks, j) else {
        return GroupParse {
            end: first.min(start.max(first)),
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        };
    };
    // "members and supporters": a coordinated person noun extends the phrase
    let mut lw = lw;
    if toks
        .get(lw + 1)
        .is_some_and(|t| t.lower == "and" || t.lower == "or")
        && LEX.groups.longest_ending_at(toks, lw + 1).is_some()
    {
        if let Some((e, _)) = LEX.groups.longest_at(toks, lw + 2) {
            let next_is_count = toks
                .get(lw + 2)
                .is_some_and(|t| t.is_num() || LEX.numbers.contains_key(t.lower.as_ref()));
            if !next_is_count {
                lw = e - 1;
            }
        }
    }
    // the head is the last word; a closing quote right after it belongs to the phrase
    let mut last = lw;
    if toks.get(lw + 1).is_some_and(is_quote) {
        last = lw + 1;
    }
    // opening quote kept only when it was closed
    let mut begin = first;
    while begin < lw && toks.get(begin).is_some_and(is_quote) && last == lw {
        begin += 1;
    }
    let class = LEX.groups.longest_ending_at(toks, lw + 1).map(|(_, c)| *c);
    let nogroup = matches!(nonfig_at(toks, lw), Some(NonFigure::NoGroup));
    if last == lw {
        if let Some(g) = members_of(toks, begin, lw, class, nogroup) {
            return g;
        }
    }
    GroupParse {
        end: last + 1,
        toks: Some((begin, last)),
        class: class.unwrap_or("unspecified"),
        things: class.is_none(),
        nogroup,
    }
}

/// The last word of the noun phrase starting at `j`, if it has any words.
fn last_group_word(toks: &[Tok], mut j: usize) -> Option<usize> {
    let mut last_word: Option<usize> = None;
    let mut words = 0;
    // "two suspected smugglers", "three alleged members": an adjective here, not the
    // "23 people suspected of looting" that ends a phrase
    if toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_ref(), "suspected" | "alleged" | "accused"))
        && LEX.groups.longest_at(toks, j + 1).is_some()
    {
        last_word = Some(j);
        words = 1;
        j += 1;
    }
    while let Some(t) = toks.get(j) {
        if is_quote(t) {
            j += 1;
            continue;
        }
        if !t.is_word() || is_stop(t) || words >= 6 || group_ender(&t.lower) {
            break;
        }
        if ends_group(toks, j, words) {
            break;
        }
        last_word = Some(j);
        words += 1;
        j += 1;
    }
    last_word
}

/// Does the word at `j` (after `words` words of the phrase) end the noun phrase?
fn ends_group(toks: &[Tok], j: usize, words: usize) -> bool {
    let Some(t) = toks.get(j) else { return true };
    if LEX
        .numbers
        .contains_key(t.lower.split('-').next().unwrap_or(""))
        && words > 0
    {
        return true;
    }
    // "people defied the order": a verb after the head noun ends the phrase
    if words > 0
        && t.lower.ends_with("ed")
        && LEX.groups.longest_ending_at(toks, j).is_some()
        && LEX.groups.longest_at(toks, j).is_none()
        && LEX.groups.longest_at(toks, j + 1).is_none()
    {
        return true;
    }
    if let Some((_, m)) = metric_at(toks, j) {
        // a metric word ends the noun phrase, unless it is also a person noun
        // ("hostages", "detainees") that heads it
        let person = LEX.groups.longest_at(toks, j).is_some();
        if !(person && (m.noun || m.toll) && !m.pp) {
            return true;
        }
    }
    if is_adverb(&t.lower) && LEX.groups.longest_at(toks, j).is_none() {
        // adverb ("reportedly", "seriously") unless an adjective before a person noun
        let next_is_group = toks
            .get(j + 1)
            .is_some_and(|n| LEX.groups.longest_at(toks, j + 1).is_some() && n.is_word());
        if !next_is_group {
            return true;
        }
    }
    false
}

/// "members of the security forces", "supporters of the opposition leader", "participants
/// in the riots": the phrase after the head says who they are.
fn members_of(
    toks: &[Tok],
    begin: usize,
    lw: usize,
    class: Option<&'static str>,
    nogroup: bool,
) -> Option<GroupParse> {
    let head = toks.get(lw).map(|t| t.lower.as_ref()).unwrap_or("");
    let opens = matches!(
        head,
        "members" | "member" | "supporters" | "participants" | "relatives" | "families"
    ) && toks
        .get(lw + 1)
        .is_some_and(|t| t.lower == "of" || (t.lower == "in" && head == "participants"));
    if !opens {
        return None;
    }
    let mut k = lw + 2;
    let mut inner_last = None;
    while let Some(t) = toks.get(k) {
        if k > lw + 6
            || !t.is_word()
            || (is_stop(t) && !matches!(t.lower.as_ref(), "the" | "its" | "their"))
        {
            break;
        }
        if metric_at(toks, k).is_some() {
            break;
        }
        inner_last = Some(k);
        k += 1;
    }
    let il = inner_last?;
    let mut class = class;
    if let Some((_, c)) = LEX.groups.longest_ending_at(toks, il + 1) {
        if *c != "unspecified" {
            class = Some(c);
        }
    }
    Some(GroupParse {
        end: il + 1,
        toks: Some((begin, il)),
        class: class.unwrap_or("unspecified"),
        things: class.is_none(),
        nogroup,
    })
}

pub(super) fn require_ok(req: Require, g: &GroupParse, toks: &[Tok]) -> bool {
    let head = g
        .toks
        .and_then(|(_, l)| toks.get(l))
        .map(|t| t.lower.as_ref())
        .unwrap_or("");
    match req {
        Require::Any => true,
        // troops and police, or staff sent to a crisis ("120 health workers were deployed"),
        // not to a conference or back home
        Require::Security => {
            let staff_elsewhere = (g.end..g.end + 10)
                .map_while(|i| toks.get(i))
                .take_while(|t| !matches!(t.text, "," | ";" | "." | ":"))
                .any(|t| t.lower == "home")
                || (g.end..g.end + 10).any(|i| {
                    matches!(
                        nonfig_at(toks, i),
                        Some(NonFigure::Occasion | NonFigure::Vote)
                    )
                });
            g.toks.is_some()
                && (g.class == "security_forces"
                    || !staff_elsewhere
                        && g.toks.is_some_and(|(a, l)| {
                            (a..=l).any(|s| {
                                LEX.personnel
                                    .longest_at(toks, s)
                                    .is_some_and(|(e, _)| e == l + 1)
                            })
                        }))
        }
        // checked against the words after the verb by the caller
        Require::Hospital => true,
        Require::Crowd => {
            !matches!(
                head,
                "spectators"
                    | "fans"
                    | "runners"
                    | "athletes"
                    | "players"
                    | "voters"
                    | "guests"
                    | "visitors"
                    | "tourists"
                    | "pilgrims"
                    | "worshippers"
                    | "worshipers"
            ) && !g
                .toks
                .is_some_and(|(_, l)| matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)))
                && matches!(g.class, "protesters" | "unspecified" | "civilians")
        }
        Require::Armed => g.toks.is_some() && g.class == "militants",
        Require::Alive => {
            // bodies pulled from the rubble are the dead, not the rescued
            if g.toks.is_none() || matches!(head, "bodies" | "body" | "corpses" | "remains") {
                return false;
            }
            head == "survivors"
                // "pulled alive", "were brought out alive after…"
                || (g.end..g.end + 6).any(|i| toks.get(i).is_some_and(|t| t.lower == "alive"))
                || rescue_place_after(toks, g.end)
        }
    }
}

/// "taken to [Halvern General and St Brigid's] hospitals": a hospital word within the
/// few words after the verb, before any punctuation that ends the phrase.
pub(super) fn hospital_after(toks: &[Tok], from: usize) -> bool {
    for i in from..from + 8 {
        let Some(t) = toks.get(i) else { return false };
        if matches!(t.text, "," | ";" | ":" | "." | "(" | ")") {
            return false;
        }
        if matches!(
            t.lower.as_ref(),
            "hospital" | "hospitals" | "clinic" | "clinics" | "infirmary" | "hospice"
        ) {
            return true;
        }
    }
    false
}

/// "from the rubble", "out of the water", "from collapsed buildings": where people are
/// pulled out of alive. Looked for in the few words after the counted noun.
pub(super) fn rescue_place_after(toks: &[Tok], from: usize) -> bool {
    let mut opened = false;
    for i in from..from + 8 {
        let Some(t) = toks.get(i) else { return false };
        if t.is_punct() && t.text != "-" {
            return false;
        }
        if matches!(t.lower.as_ref(), "from" | "out" | "off") {
            opened = true;
        } else if opened && matches!(nonfig_at(toks, i), Some(NonFigure::RescuePlace)) {
            return true;
        }
    }
    false
}

/// The head word of a counted noun phrase, lower-cased ("" when there is none).
pub(super) fn group_head<'t>(toks: &'t [Tok], g: &GroupParse) -> &'t str {
    g.toks
        .and_then(|(_, l)| {
            // a closing quote may end the phrase
            let l = if toks.get(l).is_some_and(is_quote) {
                l.checked_sub(1)?
            } else {
                l
            };
            toks.get(l)
        })
        .map(|t| t.lower.as_ref())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn people_on_the_move_are_no_class_of_their_own() {
        assert_eq!(
            d("Coastguards rescued 40 migrants off the cape."),
            vec![("rescued", Exact, 40, Some(40), "unspecified")]
        );
        assert_eq!(
            d("Twelve passengers were killed when the bus overturned."),
            vec![("killed", Exact, 12, Some(12), "unspecified")]
        );
        // villagers are civilians
        assert_eq!(
            d("Twelve villagers were killed when the bridge fell."),
            vec![("killed", Exact, 12, Some(12), "civilians")]
        );
    }
}
