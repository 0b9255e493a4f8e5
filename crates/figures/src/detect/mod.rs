//! Finding tolls in one sentence: a number phrase plus the words around it that make it a
//! count of people killed, injured, detained…
//!
//! The grammar is a handful of shapes news writes tolls in, each checked around every
//! number phrase:
//! - count, counted noun, auxiliaries, metric participle/verb: "18 law enforcement
//!   personnel had been killed", "dozens of protesters killed", "eighteen died";
//! - metric verb, count: "killing at least 26", "police arrested 50 protesters";
//! - toll phrase, link, count: "the death toll rose to 300", "the number of detainees
//!   reached 3,000";
//! - count, metric noun: "18 deaths", "50 arrests";
//! - breakdowns of a figure just given: "12 of them police", "including five children".
//!
//! A counted noun must be a person noun from the group lexicon; anything else counts things
//! and the number is dropped. Precision first: a shape that does not fit yields nothing.

use crate::lexicon::{HedgeScope, MetricEntry, NonFigure, Require, LEX};
use crate::number::{parse_at, NumPhrase};
use crate::tokens::{tokenize, Tok};
use newsledger_model::ValueKind;

mod auxiliaries;
mod breakdowns;
mod bulletin;
mod captive;
mod crews_with_gear;
mod crowd_estimates;
mod crowds;
mod dash_lists;
mod distant_verb;
mod elliptic;
mod forces_present;
mod groups;
mod hedges;
mod left_toll;
mod left_verb;
mod lives;
mod not_a_count;
mod right;
mod words;

pub(crate) use words::WEEKDAYS;

use auxiliaries::*;
use breakdowns::*;
use bulletin::*;
use captive::*;
use crews_with_gear::*;
use crowd_estimates::*;
use crowds::*;
use dash_lists::*;
use distant_verb::*;
use elliptic::*;
use forces_present::*;
use groups::*;
use hedges::hedge_in_clause;
pub use hedges::hedged_near;
use left_toll::*;
use left_verb::*;
use lives::*;
use not_a_count::*;
use right::*;
use words::*;

/// A toll found in a sentence; offsets are relative to the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub metric: &'static str,
    pub kind: ValueKind,
    pub low: u64,
    pub high: Option<u64>,
    /// The number phrase as written ("a total of 18").
    pub value_span: (usize, usize),
    /// Number phrase plus the counted noun when adjacent.
    pub span: (usize, usize),
    pub group_text: String,
    pub group_class: &'static str,
    /// Index (in this sentence's candidates) of the figure this one shares its group and
    /// context with ("18 killed and 748 injured", "12 of them police").
    pub shares_with: Option<usize>,
    /// Hedged inside its own verb phrase ("may have been killed", "are feared dead").
    pub hedged: bool,
    /// Which shape matched, for debugging and tests.
    pub shape: &'static str,
    /// Who owns the toll phrase ("the Health Ministry's latest toll"), sentence-relative.
    pub possessor: Option<(usize, usize)>,
    /// A breakdown whose figure is in an earlier sentence ("Five of them were police
    /// officers."): `metric` is empty and the caller takes it from that figure.
    pub needs_parent: bool,
}

/// A counted noun phrase right after a count.
#[derive(Debug, Clone)]
struct GroupParse {
    /// Token just after the phrase (or the start when there is none).
    end: usize,
    /// Tokens of the phrase (first, last inclusive), quotes included.
    toks: Option<(usize, usize)>,
    class: &'static str,
    /// Words were there, but they do not name people.
    things: bool,
    nogroup: bool,
}

/// What the words after a count say about it.
#[derive(Debug, Clone)]
struct Reading {
    metric: &'static str,
    group: GroupParse,
    /// Group tokens adjacent to the number (part of the span).
    adjacent_group: bool,
    hedged: bool,
    /// Needs the previous figure of the sentence (breakdowns).
    parent: bool,
    end: usize,
    shape: &'static str,
}

impl Reading {
    /// A crew named right after its count is deployed (forces present, crews sent with kit).
    fn deployed_crew(group: GroupParse, shape: &'static str) -> Reading {
        Reading {
            metric: "deployed",
            adjacent_group: true,
            end: group.end,
            group,
            hedged: false,
            parent: false,
            shape,
        }
    }
}

/// Find the tolls in one sentence. `blocked` are sentence-relative byte ranges (dates,
/// names) whose numbers are never counts.
pub fn detect(sentence: &str, blocked: &[(usize, usize)]) -> Vec<Candidate> {
    if !crate::lexicon::may_hold_toll(sentence) {
        return Vec::new();
    }
    let toks = tokenize(sentence);
    let blocked_tok: Vec<bool> = toks
        .iter()
        .map(|t| blocked.iter().any(|&(a, b)| a < t.end && t.start < b))
        .collect();
    let stats = (0..toks.len()).any(|x| matches!(nonfig_at(&toks, x), Some(NonFigure::Stats)));
    let ctx = Sentence {
        toks: &toks,
        text: sentence,
        blocked,
        blocked_tok: &blocked_tok,
        stats,
    };
    let mut found = Found::default();
    let mut i = 0;
    while i < toks.len() {
        if !may_start_number(&toks, i) {
            i += 1;
            continue;
        }
        let Some(np) = parse_at(&toks, sentence, i) else {
            i += 1;
            continue;
        };
        if let Some((c, rend)) = candidate_at(&ctx, &np, &found) {
            found.out.push(c);
            found.ends.push(np.end);
            found.rends.push(rend);
        }
        i = np.end.max(i + 1);
    }
    found.out
}

/// One sentence being read.
struct Sentence<'a> {
    toks: &'a [Tok<'a>],
    text: &'a str,
    blocked: &'a [(usize, usize)],
    blocked_tok: &'a [bool],
    /// The sentence speaks of statistics (a count noun there is no toll).
    stats: bool,
}

/// The candidates found so far in a sentence.
#[derive(Default)]
struct Found {
    out: Vec<Candidate>,
    /// token index just after each candidate's number, for group sharing
    ends: Vec<usize>,
    /// token index just after each candidate's reading
    rends: Vec<usize>,
}

/// Can a number phrase start at token `i`?
fn may_start_number(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    t.is_num()
        || (t.is_word()
            && (LEX
                .numbers
                .contains_key(t.lower.split('-').next().unwrap_or(""))
                || LEX.vague.longest_at(toks, i).is_some()
                || LEX.pre_qualifiers.longest_at(toks, i).is_some()
                || t.lower == "between"))
}

/// The candidate a number phrase makes, with the token just after its reading.
fn candidate_at(s: &Sentence, np: &NumPhrase, found: &Found) -> Option<(Candidate, usize)> {
    let toks = s.toks;
    let core_span = span_of(toks, np.core_start, np.core_end.saturating_sub(1));
    if s.blocked
        .iter()
        .any(|&(a, b)| a < core_span.1 && core_span.0 < b)
        || not_a_count(toks, np)
    {
        return None;
    }
    // "the toll could reach 100": a forecast, whatever follows
    if forecast_before(toks, np) {
        return None;
    }
    let r = read_shapes(s, np, found)?;
    if cancelled(toks, np, &r) || (s.stats && r.shape.starts_with("count-noun")) {
        return None;
    }
    let a = attach(s, np, &r, found)?;
    let mut gclass = a.gclass;
    if a.metric == "participants" && vote_near(toks, np.start, r.end) {
        return None;
    }
    if a.metric == "participants" && gclass == "unspecified" {
        // a crowd counted at an event is a crowd of protesters unless named otherwise
        gclass = "protesters";
    }
    let mut value_span = span_of(toks, np.start, np.end.saturating_sub(1));
    let (kind, low, high) = link_value(toks, np, &r, &mut value_span);
    let span_end = if r.adjacent_group {
        r.group
            .toks
            .map(|(_, b)| span_of(toks, b, b).1)
            .unwrap_or(value_span.1)
    } else {
        value_span.1
    };
    let hedged = r.hedged || hedge_in_clause(toks, np.start, r.end);
    let c = Candidate {
        metric: a.metric,
        kind,
        low,
        high,
        value_span,
        span: (value_span.0, span_end.max(value_span.1)),
        group_text: a.gtext,
        group_class: gclass,
        shares_with: a.shares_with,
        hedged,
        shape: r.shape,
        needs_parent: a.needs_parent,
        possessor: if r.shape == "comparison" {
            agent_after(toks, r.end.saturating_sub(1))
        } else {
            toll_possessor(toks, np.start)
        },
    };
    Some((c, r.end))
}

/// Every shape, in order of precedence.
fn read_shapes(s: &Sentence, np: &NumPhrase, found: &Found) -> Option<Reading> {
    let toks = s.toks;
    let prev_metric = found.out.last().map(|c| c.metric);
    read_held_captive(toks, np)
        .or_else(|| read_displacing_object(toks, np))
        .or_else(|| read_paren_breakdown(toks, np))
        .or_else(|| read_dash_list(toks, np, found))
        .or_else(|| read_bulletin(toks, np))
        .or_else(|| read_left_toll(toks, np, s.blocked_tok, prev_metric))
        .or_else(|| read_left_breakdown(toks, np))
        .or_else(|| read_lives_claimed(toks, np))
        .or_else(|| read_left_verb(toks, np))
        .or_else(|| read_sent_with_kit(toks, np))
        .or_else(|| read_event_crowd(toks, np))
        .or_else(|| read_right(toks, s.text, np))
        .or_else(|| read_crowd_estimate(toks, np))
        .or_else(|| read_forces_present(toks, np))
        .or_else(|| read_crews_object_relative(toks, np))
        .or_else(|| read_coordinated_object(toks, np, &found.out, &found.rends))
        .or_else(|| read_elliptic(toks, np, &found.out, &found.ends))
}

/// "the toll could reach 100", "is expected to rise above 50": a forecast.
fn forecast_before(toks: &[Tok], np: &NumPhrase) -> bool {
    (1..=4).any(|b| {
        np.start
            .checked_sub(b)
            .and_then(|x| toks.get(x))
            .is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "reach"
                        | "rise"
                        | "climb"
                        | "exceed"
                        | "top"
                        | "hit"
                        | "surpass"
                        | "pass"
                        | "double"
                        | "increase"
                        | "grow"
                ) && (1..=3).any(|c| {
                    (np.start - b)
                        .checked_sub(c)
                        .and_then(|y| toks.get(y))
                        .is_some_and(|m| {
                            MODALS.contains(&m.lower.as_ref())
                                || matches!(
                                    nonfig_at(toks, np.start - b - c),
                                    Some(NonFigure::Forecast)
                                )
                                || m.lower == "to"
                        })
                })
            })
    })
}

/// cancelled: "50 detainees were released", "freed 30 hostages" (count nouns only)
fn cancelled(toks: &[Tok], np: &NumPhrase, r: &Reading) -> bool {
    let cancel_before = (1..=3).any(|b| {
        np.start
            .checked_sub(b)
            .is_some_and(|x| matches!(nonfig_at(toks, x), Some(NonFigure::Cancel)))
    });
    let cancel_after =
        (r.end..r.end + 3).any(|x| matches!(nonfig_at(toks, x), Some(NonFigure::Cancel)));
    (cancel_before || cancel_after) && r.shape.starts_with("count-noun")
}

/// A reading tied to the figures before it in the sentence.
struct Attached {
    metric: &'static str,
    shares_with: Option<usize>,
    gtext: String,
    gclass: &'static str,
    needs_parent: bool,
}

/// Metric, group and sharing of a reading, from the figure it breaks down or shares with.
fn attach(s: &Sentence, np: &NumPhrase, r: &Reading, found: &Found) -> Option<Attached> {
    let toks = s.toks;
    let out = &found.out;
    let prev = out.len().checked_sub(1);
    // "…, the mayor's office said, among them two children": a breakdown may sit
    // after an attribution
    let max_gap = if r.shape == "breakdown-including" {
        20
    } else {
        12
    };
    let gap_ok = |p: usize| {
        let pe = found.ends.get(p).copied().unwrap_or(0);
        // "22 people were taken to hospital; five of them remain in critical condition"
        np.start >= pe
            && np.start - pe <= max_gap
            && (r.shape.starts_with("breakdown")
                || !toks[pe..np.start].iter().any(|t| t.text == ";"))
    };
    let (gtext, gclass) = match r.group.toks {
        Some((a, b)) => {
            let (st, e) = span_of(toks, a, b);
            (s.text.get(st..e).unwrap_or("").to_string(), r.group.class)
        }
        None => (String::new(), "unspecified"),
    };
    let mut a = Attached {
        metric: r.metric,
        shares_with: None,
        gtext,
        gclass,
        needs_parent: false,
    };
    if r.parent && prev.filter(|&p| gap_ok(p)).is_none() {
        // "Five of them were police officers." after the figure's own sentence
        let initial = toks
            .get(..np.start)
            .is_some_and(|b| b.iter().all(|t| t.is_punct() || is_quote(t)));
        if !initial || !r.shape.starts_with("breakdown") {
            return None;
        }
        a.needs_parent = true;
    } else if r.parent {
        let p = prev.filter(|&p| gap_ok(p))?;
        if a.metric.is_empty() {
            a.metric = out[p].metric;
        }
        a.shares_with = Some(p);
        if a.gtext.is_empty() {
            a.gtext = out[p].group_text.clone();
            a.gclass = out[p].group_class;
        }
    } else if a.gtext.is_empty() {
        if let Some(p) = prev.filter(|&p| gap_ok(p)) {
            share_main_group(&mut a, out, p, r.shape);
        }
    }
    if a.metric.is_empty() && !a.needs_parent {
        return None;
    }
    Some(a)
}

/// "killing 19 civilians, including three children, and wounding 46": the 46 share the
/// main figure's group, not the breakdown's.
fn share_main_group(a: &mut Attached, out: &[Candidate], p: usize, shape: &str) {
    let p = if out[p].shape.starts_with("breakdown") {
        out[p].shares_with.unwrap_or(p)
    } else {
        p
    };
    a.gtext = out[p].group_text.clone();
    a.gclass = out[p].group_class;
    // "rose to 41 on Friday … up from 31 a day earlier": an earlier toll keeps
    // its own date; coordinated counts share everything
    if shape != "toll-link-count" && shape != "comparison" {
        a.shares_with = Some(p);
    }
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn more_crises() {
        assert_eq!(
            metrics("The death toll from the tremor has climbed to more than 2,300, with at least 5,000 injured."),
            vec![("killed", 2300), ("injured", 5000)]
        );
        assert_eq!(
            d("The coast guard said 61 migrants were rescued and at least 40 are missing."),
            vec![
                ("rescued", Exact, 61, Some(61), "unspecified"),
                ("missing", AtLeast, 40, None, "unspecified"),
            ]
        );
        assert_eq!(
            d("Two police officers were among those killed."),
            vec![("killed", Exact, 2, Some(2), "security_forces")]
        );
        assert_eq!(
            metrics("Some 40 people remain in hospital, three in critical condition."),
            vec![("injured", 40), ("injured", 3)]
        );
        assert_eq!(
            metrics("Rescuers have recovered 27 bodies so far."),
            vec![("killed", 27)]
        );
        assert_eq!(
            metrics("The quake destroyed 3,000 homes and left 20,000 people homeless."),
            vec![("displaced", 20_000)]
        );
        assert_eq!(
            metrics(
                "The storm killed at least 6, officials said, bringing the season's toll to 40."
            ),
            vec![("killed", 6), ("killed", 40)]
        );
        assert_eq!(
            metrics("Police arrested 48 people and charged 12 of them with rioting."),
            vec![("detained", 48), ("charged", 12)]
        );
        assert_eq!(
            d("Militants stormed the hotel, where some 150 guests were taken hostage."),
            vec![("detained", Approx, 150, Some(150), "civilians")]
        );
        assert!(
            detect(
                "At least 50 people were feared dead after the ferry capsized.",
                &[]
            )[0]
            .hedged
        );
        for s in [
            "The floods have affected more than 2 million people.",
            "The company laid off 300 workers.",
            "The stadium holds 60,000 fans.",
            "The measure passed 52 to 48.",
            "The 92-year-old died peacefully at home surrounded by his four children.",
            "The 22-year-old striker was injured in the 60th minute.",
            "The team lost 3 players to injury this season.",
            "Unemployment rose to 5.2 percent, with 40,000 jobs lost in March.",
            "Turnout was 62 percent, with 4.1 million ballots cast.",
            "The ministry reported 1,024 new cases of the disease.",
        ] {
            none(s);
        }
    }

    #[test]
    fn never_panics() {
        for s in [
            "",
            "1",
            "more than",
            "between 3 and",
            "3,",
            "—12—",
            "killed 9",
            "£5m",
            "é 3 000 é",
            "one of them",
            "Of them, 3",
            "\u{0}\u{feff}12 killed",
            "99999999999999999999 killed",
            "the toll rose to",
            ":",
            "Killed:",
            "12 of",
            "of whom 3",
        ] {
            let _ = detect(s, &[]);
            let _ = detect(s, &[(0, 100)]);
        }
    }

    proptest::proptest! {
        #[test]
        fn detect_never_panics_on_any_text(s in "\\PC{0,80}") {
            let _ = detect(&s, &[]);
        }

        #[test]
        fn extract_never_panics_on_odd_layers(s in "\\PC{0,80}", cut in 0usize..90) {
            use newsledger_model::{Document, Meta, Segment, SegmentKind, Span};
            let mut d = Document::new("p", s.clone(), Meta::default());
            // spans that may fall inside a character or past the end
            d.layers.paragraphs = vec![Span::new(0, s.len())];
            d.layers.segments = vec![
                Segment { kind: SegmentKind::Sentence, span: Span::new(0, cut.min(s.len())) },
                Segment { kind: SegmentKind::Sentence, span: Span::new(cut, s.len() + 3) },
            ];
            let _ = crate::extract(&d);
        }
    }

    #[test]
    fn evacuation_orders_and_hospital_transfers() {
        assert_eq!(
            d("About 6,500 villagers were ordered out of their homes as the dam weakened."),
            vec![("evacuated", Approx, 6500, Some(6500), "civilians")]
        );
        assert_eq!(
            metrics(
                "Thirty people were rushed to Kelso Royal and Mount Vale hospitals after the blast."
            ),
            vec![("injured", 30)]
        );
        // no hospital word: a trip, not an injury
        none("Forty pupils were taken to the museum by coach.");
        // an expulsion is no evacuation
        none("Twelve diplomats were ordered to leave the country within 48 hours.");
    }

    #[test]
    fn freed_from_rubble_is_a_rescue_but_freed_from_custody_is_not() {
        assert_eq!(
            metrics("Firefighters freed three people alive from the wreckage of the stand."),
            vec![("rescued", 3)]
        );
        none("The rebels freed 30 hostages on Tuesday.");
    }

    #[test]
    fn personnel_sent_to_a_crisis_are_deployed() {
        assert_eq!(
            d("The ministry has dispatched 85 paramedics to the flooded towns."),
            vec![("deployed", Exact, 85, Some(85), "civilians")]
        );
        // observers and engineers for a ballot or a plant are no crisis personnel
        none("The bloc deployed 300 election observers across the country.");
    }

    #[test]
    fn people_buried_and_not_yet_found_are_missing() {
        assert_eq!(
            d("Up to 15 villagers are feared buried under the mud."),
            vec![("missing", AtMost, 0, Some(15), "civilians")]
        );
        // a burial is no disappearance
        none("The 12 victims were buried on Sunday.");
    }

    #[test]
    fn headline_present_tense_flight_and_half_a_million() {
        assert_eq!(
            d("More than half a million flee rising floodwaters"),
            vec![("displaced", AtLeast, 500_000, None, "unspecified")]
        );
    }

    #[test]
    fn headline_tolls_in_the_present_tense() {
        assert_eq!(
            d("Quake toll climbs past 300 in mountain region"),
            vec![("killed", AtLeast, 300, None, "unspecified")]
        );
        assert_eq!(
            d("Ferry disaster: death toll rises above 90"),
            vec![("killed", AtLeast, 90, None, "unspecified")]
        );
        assert_eq!(
            d("Cyclone deaths top 1,000 as aid trickles in"),
            vec![("killed", AtLeast, 1000, None, "unspecified")]
        );
        assert_eq!(
            d("The number of soldiers killed in the offensive has gone beyond 70."),
            vec![("killed", AtLeast, 70, None, "security_forces")]
        );
        assert_eq!(
            d("Flood death toll nears 500"),
            vec![("killed", Approx, 500, Some(500), "unspecified")]
        );
        assert_eq!(
            d("Police arrest hundreds as port strike turns violent"),
            vec![("detained", Vague, 200, Some(999), "unspecified")]
        );
        assert_eq!(
            d("Troops detain 45 protesters after curfew"),
            vec![("detained", Exact, 45, Some(45), "protesters")]
        );
        assert_eq!(
            metrics("Monsoon floods displace thousands in the delta"),
            vec![("displaced", 2000)]
        );
        assert_eq!(
            metrics("Navy rescues 70 migrants stranded off the coast"),
            vec![("rescued", 70)]
        );
        assert_eq!(
            metrics("Authorities evacuate 8,000 as wildfire nears town"),
            vec![("evacuated", 8000)]
        );
        // markets and forecasts keep their numbers
        none("Index tops 5,000 for the first time as tech stocks rally");
        none("Officials fear the toll could climb past 1,000.");
        none("Police plan to arrest 30 more suspects this week.");
    }

    #[test]
    fn injuries_sustained_or_suffered() {
        assert_eq!(
            d("At least 11 soldiers sustained gunshot wounds in the clash."),
            vec![("injured", AtLeast, 11, None, "security_forces")]
        );
        assert_eq!(
            metrics("Four guards got injured in the scuffle."),
            vec![("injured", 4)]
        );
        assert_eq!(
            metrics("Several people have been critically burned, the fire chief said."),
            vec![("injured", 3)]
        );
        assert_eq!(
            metrics("Some 80 residents are undergoing treatment for smoke inhalation."),
            vec![("injured", 80)]
        );
        none("The 30 players suffered a heavy defeat.");
    }

    #[test]
    fn forces_and_crews_present_at_a_crisis_are_deployed() {
        assert_eq!(
            d("More than 6,000 police officers are on duty in the city centre."),
            vec![("deployed", AtLeast, 6000, None, "security_forces")]
        );
        assert_eq!(
            metrics("Around 4 000 officers were out in force across the capital."),
            vec![("deployed", 4000)]
        );
        assert_eq!(
            metrics("The agency had nearly 9,000 personnel working in the region."),
            vec![("deployed", 9000)]
        );
        assert_eq!(
            metrics("Hundreds of firefighters were still at the site on Monday."),
            vec![("deployed", 200)]
        );
        // people who are not forces or crisis staff are not deployed by being somewhere
        none("About 300 shoppers were in the area at the time.");
        none("Some 40 engineers are working on the new bridge.");
    }

    #[test]
    fn crowds_that_took_part_or_marched() {
        assert_eq!(
            d("Police said between 12,000 and 13,000 people participated."),
            vec![("participants", Range, 12_000, Some(13_000), "protesters")]
        );
        assert_eq!(
            metrics("Officials estimated 90,000 people were marching."),
            vec![("participants", 90_000)]
        );
        assert_eq!(
            metrics("Police believe about 150 people were involved in the disorder."),
            vec![("participants", 150)]
        );
        none("About 60,000 fans participated in the fun run.");
    }

    #[test]
    fn shelter_sought_evacuation_orders_and_custody_for_questioning() {
        assert_eq!(
            metrics("Some 70,000 people are seeking refuge in neighbouring towns."),
            vec![("displaced", 70_000)]
        );
        assert_eq!(
            metrics("About 3.1 million people have been left without shelter after the floods."),
            vec![("displaced", 3_100_000)]
        );
        assert_eq!(
            metrics("Nearly 9,000 villagers remain in evacuation centres."),
            vec![("displaced", 9000)]
        );
        assert_eq!(
            metrics("More than 200,000 residents have been forced to evacuate."),
            vec![("evacuated", 200_000)]
        );
        assert_eq!(
            metrics("At least 15,000 people were under evacuation orders."),
            vec![("evacuated", 15_000)]
        );
        assert_eq!(
            metrics("Twelve people were taken in by police for questioning."),
            vec![("detained", 12)]
        );
        assert_eq!(
            metrics("Some 260 protesters were put in pretrial detention."),
            vec![("detained", 260)]
        );
    }

    #[test]
    fn federal_charges_rescues_and_the_buried() {
        // a sentence is not counted as a charge (the spec names charged, indicted,
        // prosecuted)
        none("A court sentenced 14 officers to prison terms.");
        assert_eq!(
            metrics("More than 200 people now face federal charges over the riot."),
            vec![("charged", 200)]
        );
        assert_eq!(
            metrics("Two children were found alive in the ruins on Friday."),
            vec![("rescued", 2)]
        );
        assert_eq!(
            metrics("Lifeboat crews saved 38 passengers from the sinking ferry."),
            vec![("rescued", 38)]
        );
        assert_eq!(
            metrics("At least 20 others are still under the rubble."),
            vec![("missing", 20)]
        );
        none("The reform saved 300 jobs.");
    }

    #[test]
    fn nationals_counted_by_nationality_are_people() {
        assert_eq!(
            d("Seven Americans were killed in the ambush."),
            vec![("killed", Exact, 7, Some(7), "unspecified")]
        );
        assert_eq!(
            metrics("About 43,000 Libyans have been forced to flee their homes."),
            vec![("displaced", 43_000)]
        );
        none("The 27 Europeans agreed on sanctions.");
    }

    #[test]
    fn the_dead_listed_by_inclusion() {
        assert_eq!(
            d("The dead included three children."),
            vec![("killed", Exact, 3, Some(3), "children")]
        );
        assert_eq!(
            d("The injured include 12 firefighters."),
            vec![("injured", Exact, 12, Some(12), "civilians")]
        );
    }

    #[test]
    fn toll_heads_with_a_relative_clause_or_a_named_metric() {
        assert_eq!(
            metrics("The death toll from the storms that battered the coast last week has risen to 1,240 people, the agency said."),
            vec![("killed", 1240)]
        );
        assert_eq!(
            metrics("The number of victims now stands at 812 people, he said."),
            vec![("killed", 812)]
        );
        assert_eq!(
            metrics("The toll of the fire which swept the market rose to 44."),
            vec![("killed", 44)]
        );
    }

    #[test]
    fn metric_nouns_with_their_count_after_of() {
        assert_eq!(
            d("The unrest has included the killing of nine peacekeepers on Friday."),
            vec![("killed", Exact, 9, Some(9), "security_forces")]
        );
        assert_eq!(
            metrics("The shelling led to the injury of six people."),
            vec![("injured", 6)]
        );
        assert_eq!(
            metrics("Police confirmed the arrest of 14 suspects."),
            vec![("detained", 14)]
        );
        none("The evacuation of 3 hospitals began on Monday.");
    }

    #[test]
    fn asides_dying_and_a_third_object() {
        assert_eq!(
            metrics("Last week, 40 people, thought to be traders, were killed in the village."),
            vec![("killed", 40)]
        );
        assert_eq!(
            metrics(
                "Officials said 33 people had died in the floods, with 12 dying in the last day."
            ),
            vec![("killed", 33), ("killed", 12)]
        );
        assert_eq!(
            metrics(
                "Guards killed six attackers, two civilians, and four prisoners during the assault."
            ),
            vec![("killed", 6), ("killed", 2), ("killed", 4)]
        );
    }

    #[test]
    fn totals_modified_count_nouns_and_a_count_with_its_own_verb() {
        assert_eq!(
            metrics("Nineteen people died on Sunday, bringing the total to 76."),
            vec![("killed", 19), ("killed", 76)]
        );
        assert_eq!(
            metrics("There were 1,134 confirmed deaths in the north and 317 in the south."),
            vec![("killed", 1134), ("killed", 317)]
        );
        assert_eq!(
            metrics("The agency says two new heat-related deaths were reported on Monday."),
            vec![("killed", 2)]
        );
        assert_eq!(
            metrics("In the raid, two people including one woman were killed and 19 people were injured."),
            vec![("killed", 2), ("killed", 1), ("injured", 19)]
        );
        none("The ministry reported 1,024 new cases of the disease.");
    }

    #[test]
    fn estimated_crowds_ages_in_asides_and_refugees_sheltered() {
        assert_eq!(
            metrics(
                "Another 30,000 were estimated to be gathered in the park, 8,000 in the harbour."
            ),
            vec![("participants", 30_000), ("participants", 8000)]
        );
        assert_eq!(
            metrics("Police said a total of 5,022 people, aged 12 to 80, have been arrested since June."),
            vec![("detained", 5022)]
        );
        assert_eq!(
            metrics("Even before the war, the country was sheltering 500,000 refugees."),
            vec![("displaced", 500_000)]
        );
        assert_eq!(
            metrics("With over 1.2 million having fled the country, aid is short."),
            vec![("displaced", 1_200_000)]
        );
        assert_eq!(
            metrics("Nearly 90,000 people are now in camps."),
            vec![("displaced", 90_000)]
        );
        none("The cost was estimated to be 30 million.");
    }

    #[test]
    fn weekdays_end_a_group_and_states_that_may_hold_are_hedged() {
        assert_eq!(
            metrics("A bomber killed at least 13 people and injured 25 others Friday at a market."),
            vec![("killed", 13), ("injured", 25)]
        );
        assert_eq!(
            metrics(
                "Officials say more than 500,000 people statewide have been forced to evacuate."
            ),
            vec![("evacuated", 500_000)]
        );
        assert_eq!(
            metrics("Monitors said at least 12 people, including a boy, were killed and 30 were wounded."),
            vec![("killed", 12), ("injured", 30)]
        );
        let c = detect(
            "Aid groups have said 10,000 or more people may be missing.",
            &[],
        );
        assert_eq!(c.len(), 1);
        assert!(c[0].hedged && c[0].metric == "missing");
        // a future toll is still a forecast
        none("Up to 40 people could be killed if the dam fails.");
    }

    #[test]
    fn rescues_managed_hospital_transfers_and_headline_evacuations() {
        assert_eq!(
            metrics("Lifeboat crews managed to save 64 passengers."),
            vec![("rescued", 64)]
        );
        none("Crews tried to save 64 passengers.");
        assert_eq!(
            metrics("Two brothers, ages 5 and 11, were found alive on Sunday."),
            vec![("rescued", 2)]
        );
        assert_eq!(
            metrics("Over 900 people were brought to three hospitals overnight."),
            vec![("injured", 900)]
        );
        assert_eq!(
            metrics("Tens of thousands evacuate as the river rises"),
            vec![("evacuated", 20_000)]
        );
        assert_eq!(
            metrics("Three troops got seriously injured."),
            vec![("injured", 3)]
        );
    }

    #[test]
    fn members_of_an_armed_body_and_forces_at_work() {
        assert_eq!(
            metrics("Hundreds of members of the navy have been deployed to help."),
            vec![("deployed", 200)]
        );
        assert_eq!(
            metrics("On Sunday, 4,000 troops conducted house searches in the region."),
            vec![("deployed", 4000)]
        );
        none("Some 40 researchers conducted the survey.");
    }

    #[test]
    fn rescued_out_of_danger() {
        assert_eq!(
            d("Rescue crews pulled 23 survivors from collapsed homes overnight."),
            vec![("rescued", Exact, 23, Some(23), "unspecified")]
        );
        assert_eq!(
            d("Volunteers dragged nine people from the floodwaters."),
            vec![("rescued", Exact, 9, Some(9), "unspecified")]
        );
        assert_eq!(
            d("A trawler plucked 31 migrants from the sea after their dinghy sank."),
            vec![("rescued", Exact, 31, Some(31), "unspecified")]
        );
        assert_eq!(
            d("Twelve miners were brought out alive after four days underground."),
            vec![("rescued", Exact, 12, Some(12), "civilians")]
        );
        assert_eq!(
            d("Firefighters pulled out 5 residents from the burning tower."),
            vec![("rescued", Exact, 5, Some(5), "civilians")]
        );
        // the dead are not rescued, and pulling people out of a crowd is not a rescue
        assert_eq!(
            d("Divers pulled 14 bodies from the wreckage."),
            vec![("killed", Exact, 14, Some(14), "unspecified")]
        );
        none("Stewards pulled 30 supporters from the pitch.");
        none("Survivors told aid workers that 12 survivors were still in shock.");
    }
}

/// Helpers for the unit tests of every shape family.
#[cfg(test)]
pub(crate) mod test_util {
    pub(crate) use super::detect;
    pub(crate) use newsledger_model::ValueKind;
    pub(crate) use ValueKind::*;

    /// (metric, kind, low, high, group class) of every toll in a sentence.
    pub(crate) fn d(s: &str) -> Vec<(&'static str, ValueKind, u64, Option<u64>, &'static str)> {
        detect(s, &[])
            .into_iter()
            .map(|c| (c.metric, c.kind, c.low, c.high, c.group_class))
            .collect()
    }

    pub(crate) fn metrics(s: &str) -> Vec<(&'static str, u64)> {
        detect(s, &[])
            .into_iter()
            .map(|c| (c.metric, c.low))
            .collect()
    }

    pub(crate) fn none(s: &str) {
        let got = detect(s, &[]);
        assert!(got.is_empty(), "no figure expected in {s:?}, got {got:#?}");
    }
}
