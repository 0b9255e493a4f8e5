//! Breakdowns of a figure just given: "including five children", "among them 12
//! police", "(5 in the last 24 hours)".

use super::*;

/// "Deaths: 61 (5 in the last 24 hours)": a count in brackets right after a figure, for a
/// recent period, is a breakdown of that figure by time.
pub(super) fn read_paren_breakdown(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let open = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    if open.text != "(" {
        return None;
    }
    let w = |k: usize| toks.get(np.end + k).map(|t| t.lower.as_ref()).unwrap_or("");
    let recent = (matches!(w(0), "in" | "over" | "during")
        && matches!(w(1), "the")
        && matches!(w(2), "last" | "past"))
        || matches!(w(0), "today" | "yesterday" | "overnight");
    if !recent {
        return None;
    }
    let close = (np.end..np.end + 8).find(|&k| toks.get(k).is_some_and(|t| t.text == ")"))?;
    Some(Reading {
        metric: "",
        group: GroupParse {
            end: np.end,
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        },
        adjacent_group: false,
        hedged: false,
        parent: true,
        end: close,
        shape: "breakdown-period",
    })
}

/// "including five children", "among them 12 police", "among the dead were 12 children"
pub(super) fn read_left_breakdown(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let p = np.start.checked_sub(1).and_then(|i| toks.get(i))?;
    let mut metric = "";
    let ok = match p.lower.as_ref() {
        "including" | "includes" | "included" | "include" => {
            // "the dead included three children": the list names its own metric
            if let Some(m) = listed_metric(toks, np.start - 1) {
                metric = m;
            }
            true
        }
        // "including a pregnant woman and four minors"
        "and" => {
            (2..8).any(|b| {
                np.start
                    .checked_sub(b)
                    .and_then(|i| toks.get(i))
                    .is_some_and(|t| t.lower == "including")
            }) && !toks
                .get(np.start.saturating_sub(8)..np.start)
                .is_some_and(|w| w.iter().any(|t| matches!(t.text, ";" | "." | "(" | ")")))
        }
        "them" | "whom" => np
            .start
            .checked_sub(2)
            .and_then(|i| toks.get(i))
            .is_some_and(|t| t.lower == "among" || t.lower == "of"),
        "were" | "was" | "are" => {
            // among the dead were N …
            let mut found = false;
            for back in 2..6 {
                let Some(i) = np.start.checked_sub(back) else {
                    break;
                };
                if let Some((_, m)) = metric_at(toks, i).filter(|(_, m)| m.pp || m.toll) {
                    let among = (1..4).any(|b| {
                        i.checked_sub(b)
                            .and_then(|x| toks.get(x))
                            .is_some_and(|t| t.lower == "among")
                    });
                    if among {
                        metric = m.metric;
                        found = true;
                    }
                    break;
                }
            }
            found
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut j = np.end;
    if toks.get(j).is_some_and(|t| t.lower == "of") && !np.digits {
        j += 1;
    }
    let g = parse_group(toks, j);
    if g.things || g.nogroup {
        return None;
    }
    // "two people including a woman were killed and 19 people were injured": after
    // "and", a count with its own verb is a figure of its own, not a listed part
    if p.lower == "and" {
        let e = g.end.max(np.end);
        let (ae, ..) = parse_aux(toks, e);
        if ae > e && metric_at(toks, ae).is_some_and(|(_, m)| m.pp || m.vi) {
            return None;
        }
    }
    // "including 3 in the capital": place breakdown keeps the parent's group
    Some(Reading {
        metric,
        adjacent_group: g.toks.is_some(),
        end: g.end.max(np.end),
        group: g,
        hedged: false,
        parent: metric.is_empty(),
        shape: "breakdown-including",
    })
}

/// "the dead include(d)", "the injured included": a metric word (a participle used as a
/// noun, or a toll noun) right before the verb of inclusion, after "the".
fn listed_metric(toks: &[Tok], verb: usize) -> Option<&'static str> {
    let w = verb.checked_sub(1)?;
    let det = toks.get(w.checked_sub(1)?)?;
    if !matches!(det.lower.as_ref(), "the" | "those") {
        return None;
    }
    let (e, m) = metric_at(toks, w)?;
    (e == verb && (m.pp || m.toll) && !toks[w].lower.ends_with("ing")).then_some(m.metric)
}

/// What "of" after a count says: a breakdown read here, or words to skip before the
/// counted noun ("two of the officers", "27 of its members", "dozens of protesters").
pub(super) enum OfStep {
    Read(Option<Reading>),
    Skip(usize),
}

/// The "of" after a count, at token `j`: "12 of them police", "two of whom were children",
/// "two of those killed".
pub(super) fn of_phrase(toks: &[Tok], np: &NumPhrase, j: usize) -> OfStep {
    let w2 = toks.get(j + 1).map(|t| t.lower.as_ref()).unwrap_or("");
    if np.needs_group {
        // "some of them", "some of the missing": a determiner, not a count
        return OfStep::Read(None);
    }
    if matches!(w2, "them" | "whom" | "these" | "those" | "the" | "which") {
        let k = j + 2;
        // "of those killed were children", "41 of the deaths occurred in …"
        if let Some((me, m)) = metric_at(toks, k).filter(|(_, m)| m.pp || m.toll || m.noun) {
            if matches!(w2, "those" | "the" | "these") {
                return OfStep::Read(of_the_metric(toks, me, m.metric));
            }
        }
        if matches!(w2, "them" | "whom" | "these") {
            return OfStep::Read(of_them(toks, k));
        }
        // "two of the officers were killed"
        OfStep::Skip(2)
    } else if matches!(w2, "its" | "their" | "our" | "his" | "her") {
        // "27 of its members", "Eighteen of our patients"
        OfStep::Skip(2)
    } else if np.kind == ValueKind::Vague || !np.digits {
        // "dozens of protesters", "thousands of people"
        OfStep::Skip(1)
    } else {
        OfStep::Read(None)
    }
}

/// "two of those killed were children", "41 of the deaths occurred in …": `k` is just
/// after the metric word.
fn of_the_metric(toks: &[Tok], k: usize, metric: &'static str) -> Option<Reading> {
    let copula = toks.get(k).is_some_and(|t| {
        matches!(
            t.lower.as_ref(),
            "were" | "was" | "are" | "is" | "included" | "include" | "includes"
        )
    });
    let g = if copula {
        let (ae, _, _, neg) = parse_aux(toks, k);
        if neg {
            return None;
        }
        let ae = if toks.get(ae).is_some_and(|t| t.lower.starts_with("includ")) {
            ae + 1
        } else {
            ae
        };
        parse_group(toks, ae)
    } else {
        parse_group(toks, k)
    };
    let g = if g.things || g.nogroup || !copula {
        GroupParse {
            end: k,
            toks: None,
            class: "unspecified",
            things: false,
            nogroup: false,
        }
    } else {
        g
    };
    Some(Reading {
        metric,
        end: g.end.max(k),
        group: g,
        adjacent_group: false,
        hedged: false,
        parent: false,
        shape: "breakdown-of-metric",
    })
}

/// "12 of them police", "of whom 160 remain in hospital": the parent's metric with an own
/// group, place or severity, or an own metric ("12 of them were killed").
fn of_them(toks: &[Tok], k: usize) -> Option<Reading> {
    let (ae, _, _, neg) = parse_aux(toks, k);
    if neg {
        return None;
    }
    if let Some((me, m)) = metric_at(toks, ae).filter(|(_, m)| m.pp || m.vi) {
        return Some(Reading {
            metric: m.metric,
            group: GroupParse {
                end: ae,
                toks: None,
                class: "unspecified",
                things: false,
                nogroup: false,
            },
            adjacent_group: false,
            hedged: false,
            parent: true,
            end: me,
            shape: "breakdown-own-metric",
        });
    }
    let g = parse_group(toks, ae);
    if g.things || g.nogroup {
        return None;
    }
    if let Some((me, m)) = metric_at(toks, g.end).filter(|(_, m)| m.pp || m.vi) {
        return Some(Reading {
            metric: m.metric,
            group: g,
            adjacent_group: false,
            hedged: false,
            parent: true,
            end: me,
            shape: "breakdown-own-metric",
        });
    }
    Some(Reading {
        metric: "",
        end: g.end.max(ae),
        group: g,
        adjacent_group: false,
        hedged: false,
        parent: true,
        shape: "breakdown-of-them",
    })
}

/// breakdown by severity without its own verb: "12 seriously", "three critically"
pub(super) fn severity_breakdown(toks: &[Tok], g: &GroupParse, k: usize) -> Option<Reading> {
    let severe = g.toks.is_none()
        && toks.get(k).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "seriously" | "critically" | "severely" | "gravely" | "badly" | "fatally"
            )
        })
        && toks
            .get(k + 1)
            .is_none_or(|t| t.is_punct() || t.lower == "and");
    severe.then(|| Reading {
        metric: "",
        group: g.clone(),
        adjacent_group: false,
        hedged: false,
        parent: true,
        end: k + 1,
        shape: "breakdown-severity",
    })
}

/// breakdown by cause or wound without its own verb: "30 with gunshot wounds, two with
/// burns", "12 with serious head injuries".
pub(super) fn cause_breakdown(toks: &[Tok], g: &GroupParse, k: usize) -> Option<Reading> {
    if g.toks.is_some() || toks.get(k).is_none_or(|t| t.lower != "with") {
        return None;
    }
    let wound = (k + 1..k + 5).find(|&i| {
        toks.get(i).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "wounds"
                    | "wound"
                    | "injuries"
                    | "injury"
                    | "burns"
                    | "fractures"
                    | "trauma"
                    | "cuts"
                    | "bruises"
            )
        })
    })?;
    if toks
        .get(k + 1..wound)
        .is_some_and(|w| w.iter().any(|t| !t.is_word() || t.is_num()))
    {
        return None;
    }
    Some(Reading {
        metric: "",
        group: g.clone(),
        adjacent_group: false,
        hedged: false,
        parent: true,
        end: wound + 1,
        shape: "breakdown-cause",
    })
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn breakdowns_share_the_figure_before_them() {
        let c = detect(
            "The blast killed 30 people, 12 of them police officers.",
            &[],
        );
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[1].metric, c[1].low, c[1].group_class),
            ("killed", 12, "security_forces")
        );
        assert_eq!(c[1].shares_with, Some(0));
        let c = detect(
            "Three people were killed and 12 wounded, two of them seriously.",
            &[],
        );
        assert_eq!(
            c.iter().map(|x| (x.metric, x.low)).collect::<Vec<_>>(),
            vec![("killed", 3), ("injured", 12), ("injured", 2)]
        );
        assert_eq!(
            metrics("Two of those killed were children."),
            vec![("killed", 2)]
        );
        assert_eq!(
            d("Among the dead were five aid workers."),
            vec![("killed", Exact, 5, Some(5), "civilians")]
        );
        assert_eq!(
            metrics("Of the dead, 41 died in the port, 7 in the hills and 4 in the capital."),
            vec![("killed", 41), ("killed", 7), ("killed", 4)]
        );
        // a breakdown that opens its sentence waits for the caller to find its figure
        let c = detect("Five of them were firefighters.", &[]);
        assert_eq!(c.len(), 1);
        assert!(c[0].needs_parent);
        // "18 killed and 748 injured": the second shares the first's group
        let c = detect("Nine border guards were killed and 40 injured.", &[]);
        assert_eq!(c[1].group_text, "border guards");
        assert_eq!(c[1].shares_with, Some(0));
    }

    #[test]
    fn a_breakdown_after_a_semicolon_or_an_attribution() {
        assert_eq!(
            metrics(
                "Fourteen workers were taken to hospital; three of them are in intensive care."
            ),
            vec![("injured", 14), ("injured", 3)]
        );
        assert_eq!(
            d("Nine people are still missing in the hills, rescuers said, among them four hikers from abroad."),
            vec![
                ("missing", Exact, 9, Some(9), "unspecified"),
                ("missing", Exact, 4, Some(4), "civilians")
            ]
        );
        assert_eq!(
            d("Volunteers rescued 40 people, including an elderly couple and six infants."),
            vec![
                ("rescued", Exact, 40, Some(40), "unspecified"),
                ("rescued", Exact, 6, Some(6), "children")
            ]
        );
    }

    #[test]
    fn bracketed_recent_counts_break_a_figure_down_by_time() {
        let got = d("Fatalities: 140 (12 over the past 24 hours)");
        assert_eq!(
            got,
            vec![
                ("killed", Exact, 140, Some(140), "unspecified"),
                ("killed", Exact, 12, Some(12), "unspecified")
            ]
        );
        none("Sessions: 14 (3 in the last week)");
    }

    #[test]
    fn breakdowns_by_wound_and_in_quotes() {
        assert_eq!(
            metrics("At least 45 people were hurt, 30 with gunshot wounds and two with burns."),
            vec![("injured", 45), ("injured", 30), ("injured", 2)]
        );
        assert_eq!(
            metrics("\"Nineteen were killed, of whom 12 were police,\" the governor said."),
            vec![("killed", 19), ("killed", 12)]
        );
        none("The striker played on with 2 cracked ribs.");
    }
}
