//! Forces or crews whose count is followed by their kit or their unit before the verb that
//! deploys them: "400 firefighters, 30 fire engines and two helicopters were at the scene",
//! "2,000 personnel of the coast guard have been deployed", "900 rescuers along with heavy
//! machinery have been sent".

use super::*;

/// Words that open a clause of their own: a count before one is no subject of the verb after.
fn clause_word(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "whom"
            | "which"
            | "that"
            | "after"
            | "when"
            | "while"
            | "where"
            | "but"
            | "said"
            | "says"
            | "because"
            | "since"
            | "if"
            | "than"
    )
}

/// crew count, up to fourteen words of kit, counts or unit names, auxiliary,
/// a deployment predicate ("were at the scene", "has been deployed").
pub(super) fn read_crews_with_gear(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    k: usize,
) -> Option<Reading> {
    // which crews count is the deployment verb's to judge ("Security" in the metric lexicon)
    if g.toks.is_none() || g.things || g.nogroup {
        return None;
    }
    let m = run_to_auxiliary(toks, k, 14, |m, t| {
        let fits = t.is_word() || t.is_num() || matches!(t.text, "," | "(" | ")");
        (fits && !clause_word(&t.lower)).then_some(m + 1)
    })?;
    // an auxiliary and a deployment predicate: "were at the scene", "have been sent"
    predicate_after(toks, g, adjacent_group, m, "crews-with-gear", |metric| {
        metric == "deployed"
    })
}

/// crew count, a subject and a deployment verb whose object the count is: "an extra 2,600
/// troops the government is sending", "the 300 medics that the agency has deployed".
pub(super) fn read_crews_object_relative(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let g = parse_group(toks, np.end);
    if g.toks.is_none() || g.things || g.nogroup {
        return None;
    }
    let mut i = g.end;
    if matches!(toks.get(i)?.lower.as_ref(), "that" | "which" | "whom") {
        i += 1;
    }
    // the subject: a determiner, a pronoun or a name first, then up to three more words
    let first = toks.get(i)?;
    let opens = matches!(
        first.lower.as_ref(),
        "the" | "its" | "their" | "his" | "her" | "it" | "they" | "we" | "he" | "she"
    ) || first.text.chars().next().is_some_and(char::is_uppercase);
    if !opens {
        return None;
    }
    let start = i;
    while i < start + 4 {
        let t = toks.get(i)?;
        let stop = !t.is_word()
            || AUX.contains(&t.lower.as_ref())
            || matches!(t.lower.as_ref(), "and" | "or" | "but" | "who")
            || LEX.metrics.longest_at(toks, i).is_some();
        if stop {
            break;
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    while toks
        .get(i)
        .is_some_and(|t| AUX.contains(&t.lower.as_ref()) && t.lower != "to")
    {
        i += 1;
    }
    let (e, m) = LEX.metrics.longest_at(toks, i)?;
    if !m.vt || m.metric != "deployed" || !require_ok(m.require, &g, toks) {
        return None;
    }
    // the count is the verb's object: no object of its own after it ("sending 40 trucks")
    let own_object = toks.get(e).is_some_and(|t| {
        t.is_num()
            || LEX.numbers.contains_key(t.lower.as_ref())
            || matches!(
                t.lower.as_ref(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "more" | "some"
            )
    });
    (!own_object).then(|| Reading::deployed_crew(g, "crews-object-relative"))
}

/// deployment verb, a count of kit, "and", crew count: "it sent 20 trucks and 300 soldiers",
/// "dispatched two helicopters and 40 rescuers". The kit is no figure; the crew is deployed.
pub(super) fn read_sent_with_kit(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let and = np.start.checked_sub(1)?;
    if toks.get(and)?.lower != "and" {
        return None;
    }
    // the kit: a count and up to three words, no punctuation
    let mut b = and;
    let mut words = 0;
    loop {
        b = b.checked_sub(1)?;
        let t = toks.get(b)?;
        if t.is_num() || LEX.numbers.contains_key(t.lower.as_ref()) {
            break;
        }
        if !t.is_word() || words >= 3 {
            return None;
        }
        words += 1;
    }
    if words == 0 {
        return None;
    }
    let kit = parse_group(toks, b + 1);
    if !kit.things {
        return None;
    }
    let (_, m) = LEX.metrics.longest_ending_at(toks, b)?;
    if !m.vt || m.metric != "deployed" {
        return None;
    }
    let g = parse_group(toks, np.end);
    if g.things || g.nogroup || g.toks.is_none() || !require_ok(m.require, &g, toks) {
        return None;
    }
    Some(Reading::deployed_crew(g, "sent-with-kit"))
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn kit_or_unit_between_a_crew_count_and_its_deployment() {
        assert_eq!(
            metrics(
                "Some 400 firefighters, 30 fire engines and two helicopters were at the scene."
            ),
            vec![("deployed", 400)]
        );
        assert_eq!(
            metrics(
                "The agency said 900 rescue personnel along with heavy machinery have been deployed."
            ),
            vec![("deployed", 900)]
        );
        assert_eq!(
            metrics(
                "About 2,000 personnel of the National Coast Guard (NCG) were sent to the bay."
            ),
            vec![("deployed", 2000)]
        );
        // a clause of its own in between, or people who are no crew, are no deployment
        none("Some 300 soldiers that the general praised in May were at the scene.");
        none("Some 50 shoppers, two dogs and a cat were at the scene.");
    }

    #[test]
    fn crews_searching_are_deployed() {
        assert_eq!(
            metrics("Some 60 soldiers were searching for the missing hikers."),
            vec![("deployed", 60)]
        );
        assert_eq!(
            metrics(
                "About 150 personnel of the Mountain Rescue Corps (MRC) and its partners are looking for survivors."
            ),
            vec![("deployed", 150)]
        );
        // people who are no crew are only looking
        none("About 40 residents were looking for their cars.");
    }

    #[test]
    fn crews_in_an_object_relative_clause_are_deployed() {
        assert_eq!(
            metrics("The first of an extra 1,500 soldiers and police the ministry is sending to the valley arrived on Monday."),
            vec![("deployed", 1500)]
        );
        assert_eq!(
            metrics("The 300 medics that the agency has deployed in the camps are tired."),
            vec![("deployed", 300)]
        );
        // people who are no crew, or a verb with an object of its own, are no deployment
        none("About 300 shoppers the store is sending home were angry.");
        none("Some 200 soldiers and the army is sending 40 trucks.");
    }

    #[test]
    fn crews_sent_after_their_kit_are_deployed() {
        assert_eq!(
            metrics("The province sent 20 trucks and 300 soldiers to the valley."),
            vec![("deployed", 300)]
        );
        assert_eq!(
            metrics("The hospital sent two ambulances and 12 medical staff to the mine."),
            vec![("deployed", 12)]
        );
        // shoppers are no crew; a count of people before "and" is read on its own
        none("The shop sold 20 trucks and 300 shoppers came.");
    }
}
