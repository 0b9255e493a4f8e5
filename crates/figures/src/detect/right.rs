//! Right-reading shapes: count, counted noun, auxiliaries, metric verb or noun
//! ("18 police officers were killed", "50 arrests", "two bodies were recovered").

use super::*;

/// count [of] noun-phrase [pp] [aux] metric
pub(super) fn read_right(toks: &[Tok], text: &str, np: &NumPhrase) -> Option<Reading> {
    let mut j = np.end;
    // breakdowns: "12 of them police", "two of whom were children", "two of those killed"
    if toks.get(j).is_some_and(|t| t.lower == "of") {
        match of_phrase(toks, np, j) {
            OfStep::Read(r) => return r,
            OfStep::Skip(n) => j += n,
        }
    }
    if let Some(r) = modified_count_noun(toks, j) {
        return Some(r);
    }
    let g = parse_group(toks, j);
    // survivors are no toll, except as the ones rescued: "17 survivors were pulled out"
    let rescued_survivors = g.nogroup
        && group_head(toks, &g) == "survivors"
        && metric_at(toks, parse_aux(toks, g.end).0).is_some_and(|(_, m)| m.metric == "rescued");
    if g.things || (g.nogroup && !rescued_survivors) {
        return None;
    }
    if np.needs_group && g.toks.is_none() {
        return None;
    }
    let adjacent_group = g.toks.is_some() && g.toks.is_some_and(|(a, _)| a <= np.end + 2);
    let k = skip_coordinated(toks, text, &g);
    if let Some(r) = count_noun(toks, &g, k) {
        return Some(r);
    }
    let k = skip_parenthetical(toks, k);
    if let Some(r) = count_verb_at(toks, &g, adjacent_group, k) {
        return Some(r);
    }
    if let Some(r) = verb_after_phrase(toks, &g, adjacent_group, k) {
        return Some(r);
    }
    if let Some(r) = severity_breakdown(toks, &g, k).or_else(|| cause_breakdown(toks, &g, k)) {
        return Some(r);
    }
    let head = g
        .toks
        .and_then(|(_, l)| toks.get(l))
        .map(|t| t.lower.as_ref())
        .unwrap_or("");
    if let Some(r) = bodies_or_refugees(toks, &g, adjacent_group, head) {
        return Some(r);
    }
    if let Some(r) = read_distant_verb(toks, &g, adjacent_group, k) {
        return Some(r);
    }
    if let Some(r) = read_crews_with_gear(toks, &g, adjacent_group, k) {
        return Some(r);
    }
    read_crowd(toks, np, g, adjacent_group, k, head)
}

/// "3 police officers and 2 civilians were killed": skip coordinated counts; returns the
/// token after the last coordinated group.
fn skip_coordinated(toks: &[Tok], text: &str, g: &GroupParse) -> usize {
    let mut k = g.end;
    if g.toks.is_some() {
        let mut hops = 0;
        while hops < 3
            && toks
                .get(k)
                .is_some_and(|t| t.lower == "and" || t.text == ",")
        {
            let Some(np2) = parse_at(toks, text, k + 1) else {
                break;
            };
            let g2 = parse_group(toks, np2.end);
            if g2.toks.is_none() || g2.things || g2.nogroup {
                break;
            }
            k = g2.end;
            hops += 1;
        }
    }
    k
}

/// A count noun: "18 deaths", "50 arrests", "1,842 civilian deaths", "12 police arrests".
fn count_noun(toks: &[Tok], g: &GroupParse, k: usize) -> Option<Reading> {
    // "1,842 civilian deaths", "12 police arrests": a one-word group before the noun
    if let Some((a, b)) = g.toks.filter(|(a, b)| a == b && !g.things && !g.nogroup) {
        if let Some((me, m)) = metric_at(toks, b + 1).filter(|(_, m)| m.noun && !m.pp) {
            return Some(Reading {
                metric: m.metric,
                group: GroupParse {
                    end: me,
                    toks: Some((a, b)),
                    ..g.clone()
                },
                adjacent_group: true,
                hedged: false,
                parent: false,
                end: me,
                shape: "count-noun",
            });
        }
    }
    // count noun: "18 deaths", "50 arrests"
    if g.toks.is_none() {
        if let Some((me, m)) = metric_at(toks, k).filter(|(_, m)| m.noun && !m.pp) {
            return Some(Reading {
                metric: m.metric,
                group: g.clone(),
                adjacent_group: false,
                hedged: false,
                parent: false,
                end: me,
                shape: "count-noun",
            });
        }
    }
    None
}

/// "17,134 confirmed deaths", "two new heat-related deaths", "4,000 flood-related
/// deaths": one or two modifiers of a known kind before a count noun.
fn modified_count_noun(toks: &[Tok], j: usize) -> Option<Reading> {
    let modifier = |t: &Tok| {
        let w = t.lower.as_ref();
        t.is_word()
            && (matches!(
                w,
                "confirmed"
                    | "new"
                    | "additional"
                    | "further"
                    | "more"
                    | "reported"
                    | "recorded"
                    | "registered"
                    | "official"
                    | "known"
                    | "violent"
            ) || w.ends_with("-related"))
    };
    let mut k = j;
    while k < j + 2 && toks.get(k).is_some_and(modifier) {
        k += 1;
    }
    if k == j {
        return None;
    }
    let (me, m) = metric_at(toks, k).filter(|(_, m)| m.noun && !m.pp)?;
    Some(Reading {
        metric: m.metric,
        group: GroupParse {
            end: me,
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        },
        adjacent_group: false,
        hedged: false,
        parent: false,
        end: me,
        shape: "count-noun",
    })
}

/// parenthetical: ", including five children," / "(mostly civilians)"; returns the token
/// after it, or `k` when there is none.
fn skip_parenthetical(toks: &[Tok], k: usize) -> usize {
    let Some(t) = toks.get(k) else { return k };
    let dash = matches!(t.text, "—" | "–");
    if !(t.text == "," || t.text == "(" || dash) {
        return k;
    }
    let opener = toks.get(k + 1).map(|x| x.lower.as_ref()).unwrap_or("");
    let closer = match t.text {
        "(" => ")",
        "," => ",",
        d => d,
    };
    // ", two of them children," / "— 12 of whom were police —": a breakdown in between
    let count_of = toks.get(k + 1).is_some_and(|x| {
        x.is_num()
            || LEX
                .numbers
                .contains_key(x.lower.split('-').next().unwrap_or(""))
    }) && toks.get(k + 2).is_some_and(|x| x.lower == "of")
        && toks
            .get(k + 3)
            .is_some_and(|x| matches!(x.lower.as_ref(), "them" | "whom" | "those"));
    if t.text == "("
        || dash
        || count_of
        || matches!(
            opener,
            "including"
                | "mostly"
                | "mainly"
                | "most"
                | "many"
                | "among"
                | "all"
                | "some"
                | "both"
                | "largely"
                | "nearly"
                | "almost"
                | "half"
                // a participial aside: "40 people, thought to be traders, were killed"
                | "thought"
                | "believed"
                | "said"
                | "reportedly"
                | "apparently"
                | "suspected"
                | "aged"
                | "ages"
                // an apposition: "One hostage, the coach's driver, was killed"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
        )
    {
        let mut m = k + 1;
        while m < k + 16 {
            match toks.get(m) {
                Some(x) if x.text == closer => break,
                Some(_) => m += 1,
                None => break,
            }
        }
        if toks.get(m).is_some_and(|x| x.text == closer) {
            return m + 1;
        }
    }
    k
}

/// What a verb reading has settled so far.
struct VerbRead {
    group: GroupParse,
    end: usize,
    metric: &'static str,
    require: Require,
    hedged: bool,
}

/// count noun-phrase [aux] metric-verb, the verb phrase starting at `start`.
pub(super) fn count_verb_at(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    start: usize,
) -> Option<Reading> {
    let (ae, forecast, hedged, negated) = parse_aux(toks, start);
    if forecast || negated {
        return None;
    }
    let (me, m) = metric_at(toks, ae)?;
    if !(m.pp || m.vi) {
        return None;
    }
    if verb_ruled_out(toks, g, start, ae, me, m) {
        return None;
    }
    let mut r = VerbRead {
        group: g.clone(),
        end: me,
        metric: m.metric,
        require: m.require,
        hedged,
    };
    if r.group.toks.is_none() {
        r = participle_group(toks, r, m, start, ae, me)?;
    }
    if !require_ok(r.require, &r.group, toks) {
        return None;
    }
    Some(Reading {
        metric: r.metric,
        group: r.group,
        adjacent_group,
        hedged: r.hedged,
        parent: false,
        end: r.end,
        shape: "count-verb",
    })
}

/// A verb found after the count that still does not make it a toll.
fn verb_ruled_out(
    toks: &[Tok],
    g: &GroupParse,
    start: usize,
    ae: usize,
    me: usize,
    m: &MetricEntry,
) -> bool {
    // "N were held" needs an auxiliary: a bare "held" is too often "held talks"
    if ae == start && matches!(toks.get(ae).map(|t| t.lower.as_ref()), Some("held")) {
        return true;
    }
    if m.metric == "displaced"
        && me
            .checked_sub(1)
            .and_then(|x| toks.get(x))
            .is_some_and(|t| matches!(t.lower.as_ref(), "fled" | "flee" | "flees"))
        && fled_a_scene(toks, g, me)
    {
        return true;
    }
    if mixed_after(toks, me, m.metric) {
        return true;
    }
    if m.require == Require::Hospital && !hospital_after(toks, me) {
        return true;
    }
    // "5,000 fans crossed into Belgium for the final": a crowd on the move, not displaced
    m.metric == "displaced"
        && g.toks
            .is_some_and(|(_, l)| matches!(nonfig_at(toks, l), Some(NonFigure::VenueCrowd)))
}

/// A count with no noun before its participle: the participle may be an adjective of the
/// group after it ("18 wounded soldiers", "several wounded patients had died").
fn participle_group(
    toks: &[Tok],
    mut r: VerbRead,
    m: &MetricEntry,
    start: usize,
    ae: usize,
    me: usize,
) -> Option<VerbRead> {
    let g2 = parse_group(toks, me);
    if g2.toks.is_some() && !g2.things && !g2.nogroup {
        // "several wounded patients had died": the participle is an adjective
        let (ae2, forecast2, hedged2, negated2) = parse_aux(toks, g2.end);
        let later = metric_at(toks, ae2).filter(|(_, m2)| m2.pp || m2.vi);
        if ae == start && ae2 > g2.end && later.is_some() {
            if forecast2 || negated2 {
                return None;
            }
            let (me2, m2) = later?;
            r.metric = m2.metric;
            r.require = m2.require;
            r.hedged = r.hedged || hedged2;
            r.end = me2;
            r.group = GroupParse {
                toks: g2.toks.map(|(_, b)| (ae, b)),
                ..g2
            };
        } else {
            // "18 wounded soldiers", "30 dead protesters"
            r.end = g2.end;
            r.group = g2;
        }
    } else if m.pp
        && g2.toks.is_some_and(|(a, _)| {
            a == me
                && toks.get(a).is_some_and(|h| {
                    g2.nogroup
                        || (h.lower.ends_with('s') && !h.is_capitalised() && !is_calendar(&h.lower))
                })
        })
    {
        // "three injured forwards", "two dead horses": the participle describes
        // something that is not a group of people
        return None;
    }
    Some(r)
}

/// "18 people in the capital were killed", "23 people suspected of looting were detained"
fn verb_after_phrase(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    k: usize,
) -> Option<Reading> {
    let opens_phrase = |t: &Tok| {
        (PREPS.contains(&t.lower.as_ref()) && t.lower != "of")
            || (t.lower == "of" && g.toks.is_some())
            || matches!(
                t.lower.as_ref(),
                "suspected" | "accused" | "linked" | "wanted" | "who" | "aged"
            )
    };
    if !toks.get(k).is_some_and(opens_phrase) {
        return None;
    }
    let mut m = k + 1;
    while m < k + 9 {
        let x = toks.get(m)?;
        if !(x.is_word() || matches!(x.text, "’" | "'" | "-")) {
            return None;
        }
        if metric_at(toks, m).is_some_and(|(_, e)| e.pp || e.vi) || AUX.contains(&x.lower.as_ref())
        {
            // the first verb decides; after "who" ("who had gathered") the relative
            // clause's verb is the metric, unless it only says they protested and the
            // main clause charges, hurts or arrests them
            let r = count_verb_at(toks, g, adjacent_group, m);
            if r.as_ref().is_some_and(|r| r.metric == "participants") {
                if let Some(main) = main_verb_after(toks, g, adjacent_group, m) {
                    return Some(main);
                }
            }
            return r;
        }
        m += 1;
    }
    None
}

/// "50 protesters who had gathered outside parliament were detained": the main clause's
/// metric after a relative clause that only says they protested.
fn main_verb_after(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    from: usize,
) -> Option<Reading> {
    let mut m = from + 1;
    while m < from + 12 {
        let x = toks.get(m)?;
        if matches!(x.text, ";" | ":" | "(" | "." | "—") {
            return None;
        }
        if AUX.contains(&x.lower.as_ref())
            && toks
                .get(m.checked_sub(1)?)
                .is_some_and(|p| !AUX.contains(&p.lower.as_ref()))
        {
            let r = count_verb_at(toks, g, adjacent_group, m);
            if r.as_ref().is_some_and(|r| r.metric != "participants") {
                return r;
            }
        }
        m += 1;
    }
    None
}

/// "two bodies were recovered", "received 14 bodies"; "more than 2,000 refugees had
/// arrived": refugees are the displaced (spec), when the count is the subject of a clause
/// ("a novel about 40 refugees who…" is not).
fn bodies_or_refugees(
    toks: &[Tok],
    g: &GroupParse,
    adjacent_group: bool,
    head: &str,
) -> Option<Reading> {
    if matches!(head, "bodies" | "corpses") {
        return Some(Reading {
            metric: "killed",
            end: g.end,
            group: GroupParse {
                class: "unspecified",
                ..g.clone()
            },
            adjacent_group,
            hedged: false,
            parent: false,
            shape: "bodies",
        });
    }
    let clause_follows = toks.get(g.end).is_some_and(|t| {
        AUX.contains(&t.lower.as_ref()) || (t.lower.ends_with("ed") && !t.is_capitalised())
    });
    if matches!(head, "refugees" | "refugee" | "asylum-seekers") && !g.nogroup && clause_follows {
        return Some(Reading {
            metric: "displaced",
            end: g.end,
            group: g.clone(),
            adjacent_group,
            hedged: false,
            parent: false,
            shape: "refugees",
        });
    }
    None
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn counts_before_their_verb() {
        assert_eq!(
            d("At least 26 people were killed in the flooding."),
            vec![("killed", AtLeast, 26, None, "unspecified")]
        );
        assert_eq!(
            d("Dozens have been killed, hundreds injured and thousands of protesters detained."),
            vec![
                ("killed", Vague, 24, Some(99), "unspecified"),
                ("injured", Vague, 200, Some(999), "unspecified"),
                ("detained", Vague, 2000, Some(9999), "protesters"),
            ]
        );
        assert_eq!(
            d("Eleven migrants drowned when their boat capsized, and 30 others were rescued."),
            vec![
                ("killed", Exact, 11, Some(11), "unspecified"),
                ("rescued", Exact, 30, Some(30), "unspecified"),
            ]
        );
        assert_eq!(
            d("Up to 50 people are feared trapped under the debris."),
            vec![("missing", AtMost, 0, Some(50), "unspecified")]
        );
        assert_eq!(
            d("More than 200,000 people have fled their homes since the fighting began."),
            vec![("displaced", AtLeast, 200_000, None, "unspecified")]
        );
        assert_eq!(
            d("Some 5,800 people have been evacuated from the flood zone."),
            vec![("evacuated", Approx, 5800, Some(5800), "unspecified")]
        );
        assert_eq!(
            d("Two hundred and five people were injured."),
            vec![("injured", Exact, 205, Some(205), "unspecified")]
        );
        assert_eq!(
            d("One police officer was hurt."),
            vec![("injured", Exact, 1, Some(1), "security_forces")]
        );
        assert_eq!(
            d("Between 20 and 30 people were arrested."),
            vec![("detained", Range, 20, Some(30), "unspecified")]
        );
        assert_eq!(
            d("Around 2,500 troops were deployed to the border region."),
            vec![("deployed", Approx, 2500, Some(2500), "security_forces")]
        );
        assert_eq!(
            d("At least 3 police officers and 2 civilians were killed."),
            vec![
                ("killed", AtLeast, 3, None, "security_forces"),
                ("killed", Exact, 2, Some(2), "civilians"),
            ]
        );
        assert_eq!(
            d("Twenty-three people suspected of looting were detained."),
            vec![("detained", Exact, 23, Some(23), "unspecified")]
        );
    }

    #[test]
    fn groups_as_written() {
        let c = detect("Officials said 26 “armed bandits” had been killed.", &[]);
        assert_eq!(c[0].group_text, "“armed bandits”");
        assert_eq!(c[0].group_class, "militants");
        let c = detect(
            "Police said 44 members of the security forces were wounded.",
            &[],
        );
        assert_eq!(c[0].group_text, "members of the security forces");
        assert_eq!(c[0].group_class, "security_forces");
        let c = detect(
            "Several senior officials were detained on suspicion of treason.",
            &[],
        );
        assert_eq!(c[0].group_text, "senior officials");
        assert_eq!(c[0].group_class, "officials");
    }

    #[test]
    fn group_words_ended_by_adverbs_and_adjectives_before_the_noun() {
        assert_eq!(
            metrics("The landslide killed four farmers outright and buried dozens of homes."),
            vec![("killed", 4)]
        );
        assert_eq!(
            d("Monitors counted 2,310 civilian deaths since the siege began."),
            vec![("killed", Exact, 2310, Some(2310), "civilians")]
        );
        assert_eq!(
            d("Border guards said three suspected traffickers were detained at the crossing."),
            vec![("detained", Exact, 3, Some(3), "unspecified")]
        );
        assert_eq!(
            d("The storm killed six colleagues of the station chief."),
            vec![("killed", Exact, 6, Some(6), "civilians")]
        );
    }

    #[test]
    fn apposition_between_count_and_verb() {
        assert_eq!(
            metrics("One guard, a father of three, was shot dead at the gate."),
            vec![("killed", 1)]
        );
        assert_eq!(
            metrics("Two fishermen, both from the coastal village, were abducted overnight."),
            vec![("detained", 2)]
        );
    }

    #[test]
    fn wounds_named_by_body_part() {
        assert_eq!(
            d("Two guards were shot in the chest during the raid."),
            vec![("injured", Exact, 2, Some(2), "security_forces")]
        );
    }

    #[test]
    fn breakdowns_in_appositions_and_dashes() {
        assert_eq!(
            metrics("Three people, two of them children, were killed in the blast."),
            vec![("killed", 3), ("killed", 2)]
        );
        assert_eq!(
            metrics("Forty people — 12 of them police officers — were injured on Friday."),
            vec![("injured", 40), ("injured", 12)]
        );
        assert_eq!(
            metrics("Some 25 detainees (eight of whom are minors) were held overnight."),
            vec![("detained", 25), ("detained", 8)]
        );
        none("Three players, two of them strikers, were named in the squad.");
    }

    #[test]
    fn protesters_in_an_arrest_charge_or_injury_clause_take_that_metric() {
        for (s, metric, low) in [
            (
                "Forty protesters who had gathered outside parliament were detained by police.",
                "detained",
                40,
            ),
            (
                "Some 120 demonstrators who marched on the ministry were later charged with rioting.",
                "charged",
                120,
            ),
            (
                "Prosecutors charged 35 protesters with taking part in mass riots.",
                "charged",
                35,
            ),
            ("Police said 60 protesters were injured in the clashes.", "injured", 60),
            ("Riot police arrested 200 protesters on Saturday.", "detained", 200),
        ] {
            assert_eq!(metrics(s), vec![(metric, low)], "{s}");
        }
    }

    #[test]
    fn wordings_of_displacement_deployment_and_confirmation() {
        for (s, metric, low) in [
            (
                "Some 3,500 families lost their homes in the fire.",
                "displaced",
                3500,
            ),
            (
                "Nearly 40,000 people have sought refuge in neighbouring countries.",
                "displaced",
                40000,
            ),
            (
                "More than 6,000 residents have fled the country since March.",
                "displaced",
                6000,
            ),
            ("About 800 troops were flown in overnight.", "deployed", 800),
            (
                "Some 250 emergency workers are on the ground in the valley.",
                "deployed",
                250,
            ),
            (
                "Dozens of firefighters battled the blaze through the night.",
                "deployed",
                24,
            ),
            ("Twenty-one people are now confirmed dead.", "killed", 21),
            (
                "At least 17 people have faced charges over the looting.",
                "charged",
                17,
            ),
            (
                "Some 400 police were rushed in from the north.",
                "deployed",
                400,
            ),
            (
                "About 2,000 villagers became refugees overnight.",
                "displaced",
                2000,
            ),
            (
                "Eleven activists were put on trial in the capital.",
                "charged",
                11,
            ),
            (
                "Thousands joined the protests on Sunday.",
                "participants",
                2000,
            ),
        ] {
            assert_eq!(metrics(s), vec![(metric, low)], "{s}");
        }
        none("About 60 fans were on the ground floor when the alarm sounded.");
        none("Some 300 students filled the lecture hall for the debate.");
        none("Thousands of shoppers packed the malls on Saturday.");
        none("Two players are now confirmed for the final.");
    }

    #[test]
    fn quotation_marks_around_the_verb_and_corpses() {
        for (s, metric, low) in [
            (
                "Medics said 14 people were \u{201c}shot dead by guards\u{201d} at the gate.",
                "killed",
                14,
            ),
            (
                "Three people were killed and nine others \u{201c}badly\u{201d} hurt.",
                "killed",
                3,
            ),
            (
                "About 40 corpses were pulled from the river on Monday.",
                "killed",
                40,
            ),
        ] {
            assert_eq!(metrics(s).first(), Some(&(metric, low)), "{s}");
        }
        assert_eq!(
            metrics("Three people were killed and nine others \u{201c}badly\u{201d} hurt."),
            vec![("killed", 3), ("injured", 9)]
        );
        // a quoted word that is no verb leaves the count alone
        none("About 20 fans \u{201c}celebrated\u{201d} in the square.");
    }
}
