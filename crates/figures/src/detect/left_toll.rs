//! Toll phrases before their count: "the death toll rose to 300", "the number of
//! detainees reached 3,000", and who owns the toll ("the ministry's latest count").

use super::*;

/// Link words that say a toll went over its count ("topped 300", "climbs past 300"): the
/// count is a floor, not the toll itself.
pub(super) const CROSSING: &[&str] = &[
    "past",
    "beyond",
    "passed",
    "passes",
    "pass",
    "surpassed",
    "surpasses",
    "surpass",
    "exceeded",
    "exceeds",
    "exceed",
    "topped",
    "tops",
    "top",
    "crossed",
    "crosses",
    "cross",
    "exceeding",
    "surpassing",
    "topping",
];

/// Link words that say a toll is close to its count ("nears 300").
pub(super) const NEARING: &[&str] = &["nears", "neared", "nearing"];

/// Heads of a toll phrase that carry no metric of their own ("toll", "number of …").
pub(super) const TOLL_NOUNS: &[&str] = &["toll", "tally", "number", "count", "figure", "total"];

/// toll link count: "the death toll rose to 300", "the number of detainees reached 3,000"
pub(super) fn read_left_toll(
    toks: &[Tok],
    np: &NumPhrase,
    blocked: &[bool],
    prev_metric: Option<&'static str>,
) -> Option<Reading> {
    let link_start = link_before(toks, np, blocked)?;
    // "rose by 20" is an increment, and "by" is not a link: nothing to do.
    let head = toll_head(toks, link_start)?;
    let h = head.start;
    let vote_words = toks.iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "vote" | "votes" | "ballot" | "ballots" | "election" | "poll" | "polls" | "turnout"
        )
    });
    let metric = match head.metric {
        Some(m) => m,
        None if head.toll_noun && !vote_words => prev_metric.or_else(|| {
            let head_count = (h..link_start).any(|i| {
                toks.get(i)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "count" | "toll" | "tally"))
            });
            head_count.then_some("killed")
        })?,
        None => return None,
    };
    // a bare participle ("killed rose to") is only a toll inside "number of …"
    if !head.toll_noun {
        let head_is_toll = (h..link_start).any(|i| {
            metric_at(toks, i).is_some_and(|(_, m)| m.toll || m.noun)
                && toks.get(i).is_some_and(|t| t.lower != "held")
        });
        if !head_is_toll {
            return None;
        }
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    let adjacent_group = g.toks.is_some();
    let group = group_in_head(toks, np, g, h, link_start);
    Some(Reading {
        metric,
        adjacent_group,
        end: group.end.max(np.end),
        group,
        hedged: false,
        parent: false,
        shape: "toll-link-count",
    })
}

/// Link words right before the count ("rose to", "stood at", "climbed again on Tuesday,
/// to"): the token where they start.
fn link_before(toks: &[Tok], np: &NumPhrase, blocked: &[bool]) -> Option<usize> {
    let mut k = np.start;
    let mut links = 0;
    let mut skipped = 0;
    while k > 0 && links < 6 && skipped < 8 {
        let t = toks.get(k - 1)?;
        // "bringing the total to 76": after a determiner, "total" is the toll's noun
        let noun = TOLL_NOUNS.contains(&t.lower.as_ref())
            && k >= 2
            && toks.get(k - 2).is_some_and(|d| {
                matches!(d.lower.as_ref(), "the" | "a" | "its" | "their" | "this")
            });
        if noun {
            break;
        }
        if LINKS.contains(&t.lower.as_ref()) || is_adverb(&t.lower) {
            k -= 1;
            links += 1;
        } else if links > 0
            && (blocked.get(k - 1).copied().unwrap_or(false)
                || matches!(t.text, ",")
                || matches!(t.lower.as_ref(), "on" | "again" | "by" | "late" | "early"))
        {
            // "rose again on Tuesday, to 19": a date and a comma inside the link
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    (links > 0).then_some(k)
}

/// The head of a toll phrase before its link.
struct TollHead {
    /// First token of the head.
    start: usize,
    metric: Option<&'static str>,
    toll_noun: bool,
}

/// The head: scan back over a short prepositional phrase. "The death toll from Thursday's
/// magnitude 6.9 earthquake in the north has risen to 312": the head's prepositional
/// phrase may hold a possessive and a number. None when the head rules the count out.
fn toll_head(toks: &[Tok], link_start: usize) -> Option<TollHead> {
    let mut h = link_start;
    let mut steps = 0;
    let mut metric: Option<&'static str> = None;
    let mut toll_noun = false;
    while h > 0 && steps < 16 {
        let t = toks.get(h - 1)?;
        if !(t.is_word() || t.is_num() || matches!(t.text, "’" | "'" | "-" | "’s" | "'s")) {
            break;
        }
        // "since the unrest began on 3 May": the month, not the modal
        let month = t.text == "May" && h >= 2;
        if !month
            && (matches!(nonfig_at(toks, h - 1), Some(NonFigure::Forecast))
                || MODALS.contains(&t.lower.as_ref()))
        {
            return None;
        }
        if matches!(t.lower.as_ref(), "that" | "which") && toll_before(toks, h - 1) {
            // "the death toll from the storms that hit the coast has risen to 90": the
            // relative clause is part of the head, and names no metric of its own
            metric = None;
            h -= 1;
            steps += 1;
            continue;
        }
        if t.lower == "and" && metric.is_none() && toll_before(toks, h - 1) {
            // "the death toll from the quake and tsunami has risen to 800", "the number
            // of victims is rising and now stands at 900": one head, coordinated inside
            h -= 1;
            steps += 1;
            continue;
        }
        if matches!(
            t.lower.as_ref(),
            "said" | "says" | "and" | "but" | "while" | "that" | "reported" | "told"
        ) {
            break;
        }
        if TOLL_NOUNS.contains(&t.lower.as_ref()) {
            toll_noun = true;
            // "the number of victims": a toll phrase that names its metric
            if let Some((_, m)) = metric_at(toks, h - 1).filter(|(_, m)| m.toll) {
                metric = Some(m.metric);
            }
            let before = h.checked_sub(2).and_then(|i| toks.get(i));
            if before.is_some_and(|b| matches!(b.lower.as_ref(), "casualty" | "casualties")) {
                return None;
            }
            if t.lower == "toll" || t.lower == "tally" {
                metric = Some(toll_metric(toks, h, link_start, metric, before.is_some())?);
                break;
            }
        } else if let Some((_, m)) = metric_at(toks, h - 1) {
            // "deaths rose to", "the number of detainees reached": the metric is set, and
            // the scan goes on for "number of"
            if metric.is_none() && (m.toll || m.noun || m.pp) {
                metric = Some(m.metric);
            }
        }
        h -= 1;
        steps += 1;
    }
    Some(TollHead {
        start: h,
        metric,
        toll_noun,
    })
}

/// A "toll" or "tally" within the few words before a relative pronoun at `rel`, with no
/// clause break between them.
fn toll_before(toks: &[Tok], rel: usize) -> bool {
    (1..=8)
        .map_while(|b| rel.checked_sub(b).and_then(|i| toks.get(i)))
        .take_while(|t| t.is_word() && !matches!(t.lower.as_ref(), "said" | "and" | "but"))
        .any(|t| matches!(t.lower.as_ref(), "toll" | "tally" | "number"))
}

/// The metric of "toll"/"tally" at `h - 1`: the metric word before it ("death toll"),
/// else the one already found, else killed; None for a score ("his goal tally").
fn toll_metric(
    toks: &[Tok],
    h: usize,
    link_start: usize,
    metric: Option<&'static str>,
    has_before: bool,
) -> Option<&'static str> {
    if let Some((_, m)) = has_before
        .then(|| LEX.metrics.longest_ending_at(toks, h))
        .flatten()
    {
        return Some(m.metric);
    }
    if metric.is_some() {
        return metric;
    }
    // "his goal tally rose to 12", "the medal tally this season": a score
    let score = (h.saturating_sub(2)..link_start)
        .any(|i| matches!(nonfig_at(toks, i), Some(NonFigure::Score | NonFigure::Vote)));
    if score {
        return None;
    }
    Some("killed")
}

/// "the number of law enforcement officers killed rose to 23": with no group after the
/// count, the group is in the head.
fn group_in_head(
    toks: &[Tok],
    np: &NumPhrase,
    group: GroupParse,
    h: usize,
    link_start: usize,
) -> GroupParse {
    if group.toks.is_some() {
        return group;
    }
    if let Some(of) = (h..link_start).find(|&i| {
        toks.get(i).is_some_and(|t| t.lower == "of")
            && i.checked_sub(1)
                .and_then(|x| toks.get(x))
                .is_some_and(|t| matches!(t.lower.as_ref(), "number" | "count"))
    }) {
        let hg = parse_group(toks, of + 1);
        if hg.toks.is_some() && !hg.things && !hg.nogroup && hg.end <= link_start {
            return GroupParse { end: np.end, ..hg };
        }
    }
    group
}

/// "the Health Ministry's latest toll", "the government's count": who owns a toll phrase
/// before the count, as a sentence-relative byte span without the possessive ending.
pub(super) fn toll_possessor(toks: &[Tok], np_start: usize) -> Option<(usize, usize)> {
    let lo = np_start.saturating_sub(14);
    let noun = (lo..np_start).rev().find(|&i| {
        toks.get(i)
            .is_some_and(|t| TOLL_NOUNS.contains(&t.lower.as_ref()))
    })?;
    let mut k = noun;
    // adjectives between the owner and the noun: "latest", "official", "death"
    while k > lo {
        let t = toks.get(k - 1)?;
        if t.lower.ends_with("’s") || t.lower.ends_with("'s") {
            break;
        }
        let adjective = matches!(
            t.lower.as_ref(),
            "latest"
                | "official"
                | "own"
                | "previous"
                | "new"
                | "updated"
                | "revised"
                | "provisional"
                | "confirmed"
                | "death"
                | "overall"
                | "total"
                | "final"
                | "initial"
                | "earlier"
                | "daily"
                | "last"
                | "most"
                | "recent"
                | "first"
        );
        if !adjective || k + 3 < noun {
            return None;
        }
        k -= 1;
    }
    let poss = toks.get(k.checked_sub(1)?)?;
    if !(poss.lower.ends_with("’s") || poss.lower.ends_with("'s")) {
        return None;
    }
    let strip = if poss.text.ends_with("’s") {
        "’s".len()
    } else {
        2
    };
    let end = poss.end - strip;
    let mut start = poss.start;
    // "Health Ministry's": the capitalised words before belong to the name
    let mut b = k - 1;
    while b > 0
        && toks
            .get(b - 1)
            .is_some_and(|t| t.is_word() && t.is_capitalised())
    {
        b -= 1;
        start = toks.get(b)?.start;
    }
    if matches!(poss.lower.as_ref(), "its’s" | "it's") {
        return None;
    }
    Some((start, end.max(start)))
}

/// The value of a count, adjusted for its toll link: "the toll climbed past 300", "deaths
/// topped 1,000" are floors; "nears 300" is approximate. A "past"/"beyond" link joins the
/// value span.
pub(super) fn link_value(
    toks: &[Tok],
    np: &NumPhrase,
    r: &Reading,
    value_span: &mut (usize, usize),
) -> (ValueKind, u64, Option<u64>) {
    let (mut kind, low, mut high) = (np.kind, np.low, np.high);
    if r.shape == "toll-link-count" && np.kind == ValueKind::Exact {
        let before = np.start.checked_sub(1).and_then(|x| toks.get(x));
        if before.is_some_and(|t| CROSSING.contains(&t.lower.as_ref())) {
            kind = ValueKind::AtLeast;
            high = None;
            if before.is_some_and(|t| matches!(t.lower.as_ref(), "past" | "beyond")) {
                value_span.0 = before.map(|t| t.start).unwrap_or(value_span.0);
            }
        } else if before.is_some_and(|t| NEARING.contains(&t.lower.as_ref())) {
            kind = ValueKind::Approx;
            high = Some(low);
        }
    }
    (kind, low, high)
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn toll_heads_coordinated_inside_and_tolls_exceeding() {
        assert_eq!(
            metrics(
                "The death toll from the quake and tsunami has soared to 832, the agency said."
            ),
            vec![("killed", 832)]
        );
        assert_eq!(
            metrics("The number of victims is rising and now stands at 4,642 people, he said."),
            vec![("killed", 4642)]
        );
        assert_eq!(
            d("The Red Cross cited a toll exceeding 1,300."),
            vec![("killed", AtLeast, 1300, None, "unspecified")]
        );
        assert_eq!(
            metrics("The toll rose to 30 and the number of injured rose to 45."),
            vec![("killed", 30), ("injured", 45)]
        );
        none("Shares rose 4% and the index topped 5,000.");
        none("He scored twice and his tally passed 40.");
    }

    #[test]
    fn toll_phrases() {
        assert_eq!(
            metrics("The death toll from the cyclone rose to 4,300 on Tuesday, officials said."),
            vec![("killed", 4300)]
        );
        assert_eq!(
            metrics("The number of detainees has reached 9,900, the ministry said."),
            vec![("detained", 9900)]
        );
        assert_eq!(
            metrics("Officials put the death toll at 57."),
            vec![("killed", 57)]
        );
        assert_eq!(
            metrics(
                "The number of people charged over the riots reached 90, among them six minors."
            ),
            vec![("charged", 90), ("charged", 6)]
        );
        assert_eq!(
            metrics("The official tally rose to 12 on Monday and to 15 two days later."),
            vec![("killed", 12), ("killed", 15)]
        );
        assert_eq!(
            metrics("Killed: at least 40 people, including 7 children"),
            vec![("killed", 40), ("killed", 7)]
        );
        assert_eq!(metrics("Missing: 23"), vec![("missing", 23)]);
    }

    #[test]
    fn toll_head_with_a_long_phrase_before_its_link() {
        // the toll noun and "risen to" are kept apart by a phrase holding a possessive and a number
        assert_eq!(
            d("The death toll from Tuesday's magnitude 7.2 tremor off the southern coast has risen to 458, the agency said."),
            vec![("killed", Exact, 458, Some(458), "unspecified")]
        );
        assert_eq!(
            d("The toll from last week's landslides in the hill district of Orvan climbed to 63."),
            vec![("killed", Exact, 63, Some(63), "unspecified")]
        );
        assert_eq!(
            metrics(
                "The number of people arrested since the unrest began on 3 May has now reached 1,240."
            ),
            vec![("detained", 1240)]
        );
        assert_eq!(
            metrics("Cholera deaths in the camps since the 2029 outbreak began have risen to 212."),
            vec![("killed", 212)]
        );
        none("The price of bread in the capital since the 2029 reforms has risen to 40 dinars.");
    }
}
