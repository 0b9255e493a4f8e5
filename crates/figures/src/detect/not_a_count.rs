//! Numbers that are not counts of people: names, ordinals, ages, shares, prices, years;
//! and flights from a scene that are not displacement.

use super::*;

/// "hundreds of shoppers fled the building", "fans fled the stadium", "fled for cover":
/// running from a scene, not displacement. `me` is just after a bare "fled".
pub(super) fn fled_a_scene(toks: &[Tok], g: &GroupParse, me: usize) -> bool {
    if let Some((_, l)) = g.toks {
        if matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)) {
            return true;
        }
    }
    let mut i = me;
    while i < me + 6 {
        let Some(t) = toks.get(i) else { return false };
        if matches!(
            nonfig_at(toks, i),
            Some(NonFigure::Venue | NonFigure::Occasion)
        ) {
            return true;
        }
        if !matches!(
            t.lower.as_ref(),
            "the" | "a" | "an" | "from" | "out" | "of" | "in" | "panic" | "terror" | "burning"
        ) {
            return false;
        }
        i += 1;
    }
    false
}

/// Is the number at `np` a name, an ordinal, an age, a share, a price, a year or a time?
pub(super) fn not_a_count(toks: &[Tok], np: &NumPhrase) -> bool {
    let Some(core) = toks.get(np.core_start) else {
        return true;
    };
    let last_core = toks.get(np.core_end.saturating_sub(1)).unwrap_or(core);
    let prev = np.start.checked_sub(1).and_then(|i| toks.get(i));
    let next = toks.get(np.end);
    if core.is_num() && numeral_not_a_count(toks, np, core, last_core, prev) {
        return true;
    }
    // "the youngest person arrested is 13", "the oldest victim was 91": an age
    if prev.is_some_and(|p| matches!(p.lower.as_ref(), "is" | "was" | "aged"))
        && toks.get(..np.start).is_some_and(|b| {
            b.iter()
                .any(|t| matches!(t.lower.as_ref(), "youngest" | "oldest"))
        })
    {
        return true;
    }
    // "no one", "the one", "each one"
    if np.is_one
        && prev.is_some_and(|p| {
            matches!(
                p.lower.as_ref(),
                "no" | "the" | "any" | "every" | "each" | "someone" | "anyone" | "this" | "that"
            )
        })
    {
        return true;
    }
    if np.is_one && next.is_some_and(|n| matches!(n.lower.as_ref(), "of" | "another" | "day")) {
        // "one of the injured said" is not a count; "one of them police" is handled as a
        // breakdown below with an explicit check
        let them = toks
            .get(np.end + 1)
            .is_some_and(|t| matches!(t.lower.as_ref(), "them" | "whom" | "those"));
        if !them {
            return true;
        }
    }
    // 98%, 3 percent, $3 million, 3 million tenge
    if let Some(nf) = nonfig_at(toks, np.end) {
        if matches!(nf, NonFigure::Percent | NonFigure::Money) {
            return true;
        }
    }
    if let Some(p) = prev {
        if matches!(p.text, "$" | "£" | "€" | "¥" | "₹" | "₽") {
            return true;
        }
        if matches!(nonfig_at(toks, np.start - 1), Some(NonFigure::Age)) {
            return true;
        }
        if np.start >= 2
            && p.lower == "of"
            && toks.get(np.start - 2).is_some_and(|a| a.lower == "age")
        {
            return true;
        }
        if matches!(
            p.lower.as_ref(),
            "no." | "number" | "No" | "page" | "article" | "route"
        ) {
            return true;
        }
    }
    if let Some(n) = next {
        if matches!(nonfig_at(toks, np.end), Some(NonFigure::Age)) {
            return true;
        }
        if n.lower == "years" && toks.get(np.end + 1).is_some_and(|t| t.lower == "old") {
            return true;
        }
    }
    false
}

/// A numeral glued to a name, unit or symbol, or a year.
fn numeral_not_a_count(
    toks: &[Tok],
    np: &NumPhrase,
    core: &Tok,
    last_core: &Tok,
    prev: Option<&Tok>,
) -> bool {
    glued_before(toks, np, core, prev) || glued_after(toks, np, last_core) || a_year(np, core, prev)
}

/// G7, COVID-19, Boeing 737, Khabar 24, £5, 3/4
fn glued_before(toks: &[Tok], np: &NumPhrase, core: &Tok, prev: Option<&Tok>) -> bool {
    if let Some(p) = prev {
        // G7, COVID-19, Boeing 737, Khabar 24
        if p.end == core.start && (p.is_word() || matches!(p.text, "#" | "№")) {
            return true;
        }
        if p.text == "-" && p.end == core.start {
            let pp = np.start.checked_sub(2).and_then(|i| toks.get(i));
            if pp.is_some_and(|x| x.is_word() && x.end == p.start) {
                return true;
            }
        }
        if !np.qualified && p.is_word() && p.is_capitalised() && np.start > 1 {
            let lexical = LEX.metrics.longest_at(toks, np.start - 1).is_some()
                || LEX.groups.longest_at(toks, np.start - 1).is_some()
                || LEX.pre_qualifiers.longest_at(toks, np.start - 1).is_some()
                || is_stop(p)
                || is_calendar(&p.lower);
            if !lexical {
                return true;
            }
        }
        if matches!(p.text, ":" | "/" | "." | "£" | "$" | "€" | "¥" | "₹" | "₽")
            && p.end == core.start
        {
            return true;
        }
    }
    false
}

/// 7th, 1990s, 10am, 18-year-old, 10:30
fn glued_after(toks: &[Tok], np: &NumPhrase, last_core: &Tok) -> bool {
    if let Some(n) = toks.get(np.core_end) {
        if n.start == last_core.end {
            let scale = LEX.scales.contains_key(n.lower.as_ref());
            if n.is_word() && !scale {
                return true;
            }
            if matches!(n.text, ":" | "/") {
                return true;
            }
            if n.text == "-"
                && toks.get(np.core_end + 1).is_some_and(|w| {
                    w.is_word()
                        && w.start == n.end
                        && w.lower != "plus"
                        && !LEX.numbers.contains_key(w.lower.as_ref())
                })
            {
                return true;
            }
        }
    }
    false
}

/// a year: four digits, no separator, no qualifier, after a date-ish word
fn a_year(np: &NumPhrase, core: &Tok, prev: Option<&Tok>) -> bool {
    core.text.len() == 4
        && np.kind == ValueKind::Exact
        && (1800..=2100).contains(&np.low)
        && prev.is_none_or(|p| {
            matches!(
                p.lower.as_ref(),
                "in" | "since"
                    | "from"
                    | "until"
                    | "by"
                    | "of"
                    | "the"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "during"
                    | "and"
                    | "to"
                    | ","
                    | "’s"
                    | "'s"
            ) || is_calendar(&p.lower)
        })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn numbers_that_are_not_tolls() {
        for s in [
            "The toll could reach 20,000, experts warned.",
            "The team won 3-1 and scored 42 goals this season.",
            "Shares fell 3% after the company cut 5,000 jobs.",
            "He won 52% of the vote, with 1.2 million votes cast.",
            "She died on Tuesday at the age of 85.",
            "He is survived by three children and eight grandchildren.",
            "Khabar 24 reported the news.",
            "The G7 leaders met to discuss COVID-19.",
            "Some wounded were taken to a nearby hospital.",
            "The 15 Soviet republics gained independence in 1991.",
            "Buildings were damaged in three major cities.",
            "The ministry released 50 detainees on Friday.",
            "Arrest warrants were issued for 9 people.",
            "No one was killed in the blast.",
            "Fifteen people were killed or injured in the crash.",
            "The casualties totalled 300.",
            "A woman was killed and a four-year-old girl injured.",
            "Three former detainees described beatings.",
            "There were 58,100 births and 71,400 deaths last year.",
            "The town of 40,000 people lies on the coast.",
            // survivors are no toll unless a rescue verb counts them (see `rescued_out_of_danger`)
            "The charity's crews treated 23 survivors for hypothermia.",
            "Forty survivors gave evidence to the inquiry on Monday.",
            "The boat was carrying 120 passengers.",
            "A senior doctor said the figure could reach 100 once bodies were counted.",
            "Relatives of some of the missing were told to check police stations.",
            "The 30-year-old man was arrested.",
            "Prices rose by 45 percent to 3.10 dinars.",
            "He served 12 years in prison.",
            "A magnitude 7.8 quake struck at 4:17 a.m.",
        ] {
            none(s);
        }
    }

    #[test]
    fn more_numbers_that_are_not_tolls() {
        // ages
        none("The oldest of those arrested was 71.");
        // sport: injured players, attendance at a festival or a show
        none("Rovers are without four injured defenders for the cup tie.");
        none("Almost 90,000 people attended the three-day jazz festival.");
        // a participle before a thing
        none("Inspectors found 40 dead seals along the river bank.");
        // a hedge about another number in an added statement
        let got = detect(
            "Monitors said they had confirmed 310 deaths, adding that the true toll was likely far higher.",
            &[],
        );
        assert_eq!(got.len(), 1);
        assert!(!got[0].hedged);
    }

    #[test]
    fn fleeing_a_scene_is_not_displacement() {
        none("Witnesses said hundreds of shoppers fled the mall when the shooting began.");
        none("Thousands of fans fled the stadium in panic after a stand collapsed.");
        none("Dozens of people fled the burning building through a side door.");
        none("About 200 worshippers fled the mosque as the roof caught fire.");
        none("Some 60 guests fled the hotel after the alarm sounded.");
        // but fleeing homes, towns, the fighting or the country is
        assert_eq!(
            metrics("More than 300 people fled their homes in panic as the river rose."),
            vec![("displaced", 300)]
        );
        assert_eq!(
            metrics("Thousands of villagers fled the fighting."),
            vec![("displaced", 2000)]
        );
        assert_eq!(
            metrics("About 40,000 people have fled to neighbouring states."),
            vec![("displaced", 40_000)]
        );
    }

    #[test]
    fn staff_and_refugee_counts_outside_a_crisis() {
        // staff sent to an occasion or home, fans travelling, refugees in a story's plot
        none("The federation sent 25 medics to the tournament.");
        none("Some 200 nurses were sent home after the strike was called off.");
        none("About 5,000 fans crossed into the neighbouring country for the final.");
        none("The novel tells of 40 refugees who built a town.");
    }

    #[test]
    fn control_documents_stay_empty() {
        for s in [
            // sport
            "The club confirmed that four players were injured in Saturday's defeat.",
            "Three first-team players are injured and two more are doubtful for the final.",
            "The coach killed off any hope of a comeback as the striker was sent off after 58 minutes.",
            "Hundreds of fans gathered outside the stadium to greet the team.",
            "Thousands of runners took part in the city marathon on Sunday.",
            "About 40,000 fans attended the final.",
            "Nearly 3,000 runners were treated for heat exhaustion during the race.",
            // markets
            "Smaller lenders were the biggest casualties as the index lost 300 points.",
            "Two airlines became casualties of the price war, shedding 4,000 staff.",
            "The company's share price passed 300 after strong results.",
            "His goal tally rose to 12 with a late header.",
            "The striker's tally this season passed 30.",
            "The hosts' medal tally climbs to 41",
            "Attendance at Sunday's match topped 60,000.",
            // obituaries
            "The former senator died at 88 on Sunday after a long illness.",
            "She died at home aged 91, surrounded by 6 grandchildren.",
            "He died in 2019; 500 mourners attended his funeral.",
            // elections and budgets
            "The Green Party won 14 seats, and 12 members were elected for the first time.",
            "The ruling party lost 22 seats while 3 ministers were defeated.",
            "The council's budget will cut 1,200 jobs and close 14 libraries.",
            "The carmaker said it had cut 1,200 jobs at its plant.",
        ] {
            none(s);
        }
    }
}
