//! Value normalisation: turns a reading into a TIMEX3 value against the publication date
//! (DCT), the tense of its sentence and the last day the narrative mentioned.

use crate::extract::{words, Reading, Rel};
use crate::lexicon::LEX;
use chrono::{Datelike, Duration, NaiveDate};
use newsledger_model::TimexType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words ending in -ed that are not past-tense verbs.
const NOT_PAST_ED: &[&str] = &[
    "need",
    "needed",
    "indeed",
    "speed",
    "proceed",
    "exceed",
    "succeed",
    "red",
    "bed",
    "breed",
    "feed",
    "seed",
    "shed",
    "bred",
    "hundred",
    "united",
    "armed",
    "based",
    "so-called",
    "embed",
    "weed",
    "deed",
    "greed",
    "heed",
    "steed",
    "tweed",
];

/// Cues further away than this (bytes) say little about the expression, and stopping there
/// keeps sentences without any cue linear.
const MAX_CUE_DISTANCE: usize = 400;

/// One word of a sentence, classified once for every expression in the sentence.
struct CueWord {
    off: usize,
    lc: String,
    /// A cue regardless of where the expression is.
    fixed: Option<Tense>,
    /// An intent verb ("plans", "vowed"), and the offset of the "to" right after it.
    intent_to: Option<usize>,
    /// Punctuation that ends a clause (; : ! ? quotes, dashes) stands between this word and
    /// the one before it.
    clause_break: bool,
}

/// Words that put what follows in a forward-looking clause ("would stay shut until
/// Thursday", "could reach a million by August", "is expected to end before Friday").
const FORWARD_MODALS: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "would",
    "could",
    "may",
    "might",
    "must",
    "should",
    "expected",
    "expects",
    "plans",
    "plan",
    "intends",
    "scheduled",
    "due",
    "going",
];

/// Past finite forms that tell the clause as a report of what happened ("was shut until
/// Thursday"): scanning back for a modal stops at them.
const PAST_FINITE: &[&str] = &["was", "were", "had", "did", "said", "told"];

/// The tense one word gives regardless of where the expression is, and for an intent
/// verb the offset of the "to" after it (word `i` of `ws`, lower-cased in `lcs`).
fn word_cue(
    ws: &[(usize, &str)],
    lcs: &[String],
    i: usize,
    w: &str,
) -> (Option<Tense>, Option<usize>) {
    let lc: &str = lcs.get(i).map(String::as_str).unwrap_or_default();
    let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
    let prev = i
        .checked_sub(1)
        .and_then(|j| lcs.get(j))
        .map(String::as_str);
    let next = lcs.get(i + 1).map(String::as_str);
    // "had been due to expire Friday", "had planned to meet on Monday": the
    // expectation is told in the pluperfect, so its day lies in the past.
    let had = |j: usize| {
        let at = |k: Option<usize>| k.and_then(|k| lcs.get(k)).map(String::as_str);
        at(j.checked_sub(1)) == Some("had")
            || (at(j.checked_sub(1)) == Some("been") && at(j.checked_sub(2)) == Some("had"))
    };
    let pluperfect = had(i);
    let intent_to = if LEX.intent_cues.contains(lc) && !pluperfect {
        (i + 1..i + 5)
            .find(|&j| lcs.get(j).is_some_and(|x| x == "to"))
            .and_then(|j| ws.get(j).map(|x| x.0))
    } else {
        None
    };
    // "the ministry planned to pay on Friday": a plan told in the past is an intent
    // (forward only for a day after its "to"), and a past verb for a day before it.
    let planned_to = lc == "planned" && next == Some("to") && !passive_be(prev);
    let intent_to = if planned_to && !pluperfect {
        ws.get(i + 1).map(|x| x.0)
    } else {
        intent_to
    };
    let future_cue = LEX.future_cues.contains(lc) && (lower || lc != "may") && !planned_to;
    let future = future_cue && !pluperfect;
    // "should be completed", "has been held": the participle after be/been says
    // nothing; the auxiliary or modal before it does.
    let passive = matches!(prev, Some("be" | "been" | "being"));
    let fixed = if future {
        Some(Tense::Future)
    } else if future_cue || (pluperfect && LEX.intent_cues.contains(lc)) {
        Some(Tense::Past)
    } else if passive {
        None
    } else if planned_to
        || LEX.past_cues.contains(lc)
        || (lc.len() >= 5 && lc.ends_with("ed") && !NOT_PAST_ED.contains(&lc) && lower)
    {
        Some(Tense::Past)
    } else if LEX.present_cues.contains(lc) && lower {
        Some(Tense::Unknown)
    } else if lc == "to"
        && !i.checked_sub(1).is_some_and(had)
        && ((next == Some("be")
                && matches!(
                    prev,
                    Some("is" | "are" | "going" | "due" | "set" | "expected")
                ))
                // "shares are to resume trading Tuesday": be + to + verb is arranged.
                || (matches!(prev, Some("is" | "are"))
                    && next.is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))))
    {
        Some(Tense::Future)
    } else {
        None
    };
    (fixed, intent_to)
}
/// "is planned to", "was planned to": a passive, not a plan told in the past.
fn passive_be(prev: Option<&str>) -> bool {
    matches!(
        prev,
        Some("is" | "are" | "was" | "were" | "be" | "been" | "being")
    )
}

/// The tense cues of one sentence.
pub struct Cues {
    words: Vec<CueWord>,
    /// `told_before[i]`: a plain past form (was, had, said…) occurs among the first `i`
    /// words.
    told_before: Vec<bool>,
}

impl Cues {
    pub fn new(sentence: &str) -> Self {
        let ws = words(sentence);
        let lcs: Vec<String> = ws
            .iter()
            .map(|(_, w)| {
                // ASCII: lower-case the trimmed word in one allocation (same result).
                if w.is_ascii() {
                    w.trim_end_matches('.').to_ascii_lowercase()
                } else {
                    w.to_lowercase().trim_end_matches('.').to_string()
                }
            })
            .collect();
        let mut cues: Vec<(usize, Option<Tense>, Option<usize>)> = Vec::with_capacity(ws.len());
        for (i, (off, w)) in ws.iter().enumerate() {
            let (fixed, intent_to) = word_cue(&ws, &lcs, i, w);
            cues.push((*off, fixed, intent_to));
        }
        // The lower-cased words move into the cue words (no copy per word).
        let mut prev_end = 0usize;
        let breaks: Vec<bool> = ws
            .iter()
            .map(|(off, w)| {
                let gap = sentence.get(prev_end..*off).unwrap_or("");
                prev_end = off + w.len();
                gap.contains([';', ':', '!', '?', '(', ')', '"', '“', '”', '—', '–'])
            })
            .collect();
        let out: Vec<CueWord> = cues
            .into_iter()
            .zip(lcs)
            .zip(breaks)
            .map(|(((off, fixed, intent_to), lc), clause_break)| CueWord {
                off,
                lc,
                fixed,
                intent_to,
                clause_break,
            })
            .collect();
        let mut told_before = Vec::with_capacity(out.len() + 1);
        let mut seen = false;
        told_before.push(false);
        for w in &out {
            seen |= matches!(w.lc.as_str(), "was" | "were" | "had" | "did" | "said");
            told_before.push(seen);
        }
        Cues {
            words: out,
            told_before,
        }
    }

    /// Whether a modal or future verb governs the clause that word `k` is in: scanning back
    /// at most a dozen words, stopping at a clause break or a past finite verb.
    fn modal_before(&self, k: usize) -> bool {
        let Some(upto) = self.words.get(..=k) else {
            return false;
        };
        for (n, w) in upto.iter().rev().enumerate() {
            if n > 0 {
                // "May" the month is no modal.
                if FORWARD_MODALS.contains(&w.lc.as_str())
                    && (w.lc != "may" || w.fixed == Some(Tense::Future))
                {
                    return true;
                }
                if PAST_FINITE.contains(&w.lc.as_str()) || n > 12 {
                    return false;
                }
            }
            if w.clause_break {
                return false;
            }
        }
        false
    }

    /// "Until Thursday, they had not called him": a past finite verb (had, was, were,
    /// did) within six words after the expression, before another clause starts, tells the
    /// state as past.
    fn told_right_after(&self, e: usize) -> bool {
        let after = self.words.partition_point(|w| w.off < e);
        for w in self.words.get(after..).unwrap_or(&[]).iter().take(6) {
            // A new clause ("…, when crews were due back") tells its own time.
            if w.clause_break
                || matches!(
                    w.lc.as_str(),
                    "when" | "which" | "who" | "where" | "after" | "before" | "and" | "but"
                )
            {
                return false;
            }
            if matches!(w.lc.as_str(), "had" | "was" | "were" | "did") {
                return true;
            }
        }
        false
    }

    /// "as soon as" or "as early as" right before word `first`: the earliest point of
    /// what the clause's modal expects ("could land as soon as Tuesday").
    fn as_soon_as_before(&self, first: usize) -> bool {
        let lc = |back: usize| {
            first
                .checked_sub(back)
                .and_then(|i| self.words.get(i))
                .map(|w| w.lc.as_str())
        };
        lc(1) == Some("as") && matches!(lc(2), Some("soon" | "early")) && lc(3) == Some("as")
    }

    /// The tense nearest to `[s, e)` (offsets in the sentence), from cue words (will,
    /// said, -ed…). Scans outward from the expression, so long sentences stay cheap.
    pub fn tense_at(&self, s: usize, e: usize) -> Tense {
        let first = self.words.partition_point(|w| w.off < s);
        // "closed until Friday": a state that lasts up to the date points forward, unless
        // the sentence is plainly told in the past ("was unable to reach it until Thursday").
        let prev = first.checked_sub(1).and_then(|i| self.words.get(i));
        // "would stay closed until Thursday", "could reach a million by August": a deadline
        // under a modal or future verb of its own clause lies ahead, even in reported speech.
        if (prev.is_some_and(|w| {
            matches!(
                w.lc.as_str(),
                "until" | "till" | "through" | "by" | "before"
            )
        }) || self.as_soon_as_before(first))
            && self.modal_before(first.saturating_sub(1))
        {
            return Tense::Future;
        }
        if prev.is_some_and(|w| matches!(w.lc.as_str(), "until" | "till" | "through"))
            && !self.told_before.get(first).copied().unwrap_or(false)
            && !self.told_right_after(e)
        {
            return Tense::Future;
        }
        let cue = |w: &CueWord| match (w.intent_to, w.fixed) {
            (Some(to), _) if to < s => Some(Tense::Future),
            (_, Some(t)) => Some(t),
            _ => None,
        };
        let mut best: Option<(usize, Tense)> = None;
        let better = |best: Option<(usize, Tense)>, d: usize, t: Tense| match best {
            Some((bd, bt)) => d < bd || (d == bd && t == Tense::Future && bt != Tense::Future),
            None => true,
        };
        for w in self.words.get(..first).unwrap_or(&[]).iter().rev() {
            let d = s - w.off;
            if d > MAX_CUE_DISTANCE || best.is_some_and(|(bd, _)| d > bd) {
                break;
            }
            if let Some(t) = cue(w) {
                if better(best, d, t) {
                    best = Some((d, t));
                }
            }
        }
        // The governing verb usually comes before "on Monday"; a cue after the expression
        // counts only when nothing close precedes it.
        let after = self.words.partition_point(|w| w.off < e);
        for w in self.words.get(after..).unwrap_or(&[]) {
            let d = w.off.saturating_sub(e) + 60;
            if d > MAX_CUE_DISTANCE || best.is_some_and(|(bd, _)| d > bd) {
                break;
            }
            if let Some(t) = cue(w) {
                if better(best, d, t) {
                    best = Some((d, t));
                }
            }
        }
        best.map(|b| b.1).unwrap_or(Tense::Unknown)
    }
}

pub fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// What a value was resolved against.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    Absolute,
    Dct,
    Timex(String),
}

pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub basis: Basis,
    pub modifier: Option<String>,
}

/// The state carried through a document: the DCT and the last mentioned day.
pub struct Resolver {
    pub dct: Option<NaiveDate>,
    /// Day-precision dates mentioned so far, in order, with their (provisional) ids.
    anchors: Vec<(NaiveDate, String)>,
    /// Every dated mention (years, months, weeks, quarters, days) with its granularity
    /// ('Y', 'Q', 'M', 'W', 'D'): "that year" and "three years later" count from these.
    coarse: Vec<(NaiveDate, char, String)>,
}

impl Resolver {
    pub fn new(dct: Option<NaiveDate>) -> Self {
        Resolver {
            dct,
            anchors: Vec::new(),
            coarse: Vec::new(),
        }
    }

    /// The day relative expressions count from: the last mentioned day, else the DCT.
    /// Looking forward ("the following day", `days_ahead` > 0) in a story not told in the
    /// future, a day that would land after the DCT skips back past the reporting dates
    /// ("…, police said on Saturday. The next day…" in a Saturday report means the day
    /// after the last event date, not Sunday).
    fn anchor_for(&self, days_ahead: i64, tense: Tense) -> Option<(NaiveDate, Basis)> {
        let basis = |(d, id): &(NaiveDate, String)| (*d, Basis::Timex(id.clone()));
        if days_ahead > 0 && tense != Tense::Future {
            if let Some(dct) = self.dct {
                let fits = self.anchors.iter().rev().find(|(d, _)| {
                    d.checked_add_signed(Duration::days(days_ahead))
                        .is_some_and(|x| x <= dct)
                });
                if let Some(a) = fits {
                    return Some(basis(a));
                }
            }
        }
        match self.anchors.last() {
            Some(a) => Some(basis(a)),
            None => self.dct.map(|d| (d, Basis::Dct)),
        }
    }

    /// Remember a day-precision value as the new narrative anchor.
    pub fn note(&mut self, value: &str, id: &str) {
        let Some(d) = resolve_value_to_date(value) else {
            return;
        };
        let g = if value.len() == 4 {
            'Y'
        } else if value.contains('W') {
            'W'
        } else if value.contains('Q') {
            'Q'
        } else if value.contains('H') {
            'H'
        } else if value.len() == 7 {
            'M'
        } else {
            'D'
        };
        if g == 'D' {
            self.anchors.push((d, id.to_string()));
        }
        self.coarse.push((d, g, id.to_string()));
    }

    /// The last dated mention precise to a month (or to a year when `month` is false),
    /// else the DCT.
    fn coarse_anchor(&self, month: bool) -> Option<(NaiveDate, Basis)> {
        self.coarse
            .iter()
            .rev()
            .find(|(_, g, _)| !month || matches!(g, 'M' | 'W' | 'D'))
            .map(|(d, _, id)| (*d, Basis::Timex(id.clone())))
            .or_else(|| self.dct.map(|d| (d, Basis::Dct)))
    }

    /// The quarter a financial story is about: the last quarter mentioned, unless a day,
    /// week or month was mentioned after it (years do not move the focus: "a year ago"
    /// compares with the quarter). Returns the quarter's first day.
    fn focus_quarter(&self) -> Option<(NaiveDate, Basis)> {
        for (d, g, id) in self.coarse.iter().rev() {
            match g {
                'Y' => continue,
                'Q' => return Some((*d, Basis::Timex(id.clone()))),
                _ => return None,
            }
        }
        None
    }

    /// "the quarter", "the year-earlier quarter": the quarter in focus, else the latest
    /// quarter a report can cover (the one before the DCT's).
    fn quarter_anchor(&self) -> Option<(NaiveDate, Basis)> {
        self.focus_quarter().or_else(|| {
            let dct = self.dct?;
            let (y, m) = add_months(dct.year(), dct.month(), -3);
            let first = NaiveDate::from_ymd_opt(y, (m - 1) / 3 * 3 + 1, 1)?;
            Some((first, Basis::Dct))
        })
    }

    pub fn resolve(
        &self,
        r: &Reading,
        tense: Tense,
        day_hint: Option<NaiveDate>,
    ) -> Option<Resolved> {
        let date = |value: String, basis: Basis, modifier: Option<&str>| Resolved {
            kind: TimexType::Date,
            value,
            basis,
            modifier: modifier.map(str::to_string),
        };
        match r {
            Reading::Date {
                y,
                m,
                d,
                rel,
                modifier,
                yrel,
            } => {
                let (m, d) = (*m, *d);
                if d > 0 {
                    match y {
                        Some(y) => {
                            NaiveDate::from_ymd_opt(*y, m, d)?;
                            Some(date(
                                format!("{y:04}-{m:02}-{d:02}"),
                                Basis::Absolute,
                                *modifier,
                            ))
                        }
                        None => {
                            NaiveDate::from_ymd_opt(2000, m, d)?;
                            match self.dct {
                                Some(dct) => {
                                    let y = pick_year_for_day(dct, m, d, tense)?;
                                    Some(date(
                                        format!("{y:04}-{m:02}-{d:02}"),
                                        Basis::Dct,
                                        *modifier,
                                    ))
                                }
                                None => Some(date(
                                    format!("XXXX-{m:02}-{d:02}"),
                                    Basis::Absolute,
                                    *modifier,
                                )),
                            }
                        }
                    }
                } else {
                    match (y, self.dct) {
                        (Some(y), _) => {
                            Some(date(format!("{y:04}-{m:02}"), Basis::Absolute, *modifier))
                        }
                        (None, Some(dct)) => {
                            let y = match yrel {
                                Some(k) => dct.year() + k,
                                None => pick_year_for_month(dct, m, *rel, tense),
                            };
                            Some(date(format!("{y:04}-{m:02}"), Basis::Dct, *modifier))
                        }
                        (None, None) => {
                            Some(date(format!("XXXX-{m:02}"), Basis::Absolute, *modifier))
                        }
                    }
                }
            }
            Reading::Year {
                y,
                modifier,
                season,
            } => {
                let v = match season {
                    Some(s) => format!("{y:04}-{s}"),
                    None => format!("{y:04}"),
                };
                Some(date(v, Basis::Absolute, *modifier))
            }
            Reading::Prefix(p) => Some(date(p.clone(), Basis::Absolute, None)),
            Reading::Weekday { wd, rel, part } => {
                let (value, basis) = match self.dct {
                    Some(dct) => (fmt_date(weekday_date(dct, *wd, *rel, tense)), Basis::Dct),
                    None => (format!("XXXX-WXX-{wd}"), Basis::Absolute),
                };
                match part {
                    Some(p) => Some(Resolved {
                        kind: TimexType::Time,
                        value: format!("{value}T{p}"),
                        basis,
                        modifier: None,
                    }),
                    None => Some(date(value, basis, None)),
                }
            }
            Reading::FixedRu(i) => {
                let row = crate::extract::ru::RELATIVE.get(*i)?;
                let kind = match row.kind.as_str() {
                    "TIME" => TimexType::Time,
                    "SET" => TimexType::Set,
                    _ => TimexType::Date,
                };
                let (value, basis) = self.template(&row.template, &row.phrase, tense);
                Some(Resolved {
                    kind,
                    value,
                    basis,
                    modifier: row.modifier.clone(),
                })
            }
            Reading::Fixed(i) => {
                let row = LEX.relative.get(*i)?;
                let kind = match row.kind.as_str() {
                    "TIME" => TimexType::Time,
                    "DURATION" => TimexType::Duration,
                    "SET" => TimexType::Set,
                    _ => TimexType::Date,
                };
                // Overnight in a forecast is the coming night, not the last one.
                let template = if row.phrase == "overnight" && tense == Tense::Future {
                    "D0TNI"
                } else {
                    row.template.as_str()
                };
                let (value, basis) = self.template(template, &row.phrase, tense);
                Some(Resolved {
                    kind,
                    value,
                    basis,
                    modifier: row.modifier.clone(),
                })
            }
            Reading::Duration { value, modifier } => Some(Resolved {
                kind: TimexType::Duration,
                value: value.clone(),
                basis: Basis::Absolute,
                modifier: modifier.map(str::to_string),
            }),
            Reading::Set(v) => Some(Resolved {
                kind: TimexType::Set,
                value: v.clone(),
                basis: Basis::Absolute,
                modifier: None,
            }),
            Reading::Literal { kind, value } => Some(Resolved {
                kind: if *kind == "TIME" {
                    TimexType::Time
                } else {
                    TimexType::Date
                },
                value: value.clone(),
                basis: Basis::Absolute,
                modifier: None,
            }),
            Reading::Shift {
                n,
                unit,
                sign,
                from_anchor,
            } => {
                let (base, basis) = if *from_anchor {
                    match *unit {
                        "Y" | "DE" | "CE" => self.coarse_anchor(false)?,
                        "M" | "Q" => self.coarse_anchor(true)?,
                        _ => {
                            let ahead = if *unit == "D" && *sign > 0 {
                                n.round() as i64
                            } else {
                                0
                            };
                            self.anchor_for(ahead, tense)?
                        }
                    }
                } else {
                    (self.dct?, Basis::Dct)
                };
                // Beyond a few millennia there is no calendar value worth giving (and chrono
                // would refuse it).
                if !n.is_finite() || n.abs() > 1000.0 {
                    return Some(date("PAST_REF".to_string(), Basis::Absolute, None));
                }
                let k = (n.round() as i64) * (*sign as i64);
                // "profit rose from $2 million a year earlier": with a quarter in focus the
                // comparison is the same quarter of the earlier year.
                if *unit == "Y" && *sign < 0 {
                    if let Some((q, qb)) = self.focus_quarter() {
                        let v = format!("{:04}-Q{}", q.year() + k as i32, quarter_of(q));
                        return Some(date(v, qb, None));
                    }
                }
                let v = match *unit {
                    "D" => fmt_date(base.checked_add_signed(Duration::days(k))?),
                    "W" if k.abs() == 1 => {
                        fmt_date(base.checked_add_signed(Duration::days(7 * k))?)
                    }
                    "W" => fmt_week(base.checked_add_signed(Duration::days(7 * k))?),
                    "M" => {
                        let (y, m) = add_months(base.year(), base.month(), k as i32);
                        format!("{y:04}-{m:02}")
                    }
                    "Y" => format!("{:04}", base.year() + k as i32),
                    "DE" => format!("{:03}", (base.year() + 10 * k as i32) / 10),
                    "CE" => format!("{:02}", (base.year() + 100 * k as i32) / 100),
                    "Q" => {
                        let (y, m) = add_months(base.year(), base.month(), 3 * k as i32);
                        format!("{y:04}-Q{}", (m - 1) / 3 + 1)
                    }
                    _ => "PAST_REF".to_string(),
                };
                Some(date(v, basis, None))
            }
            Reading::Clock { h, mi, zone, day } => {
                let own = day
                    .as_ref()
                    .and_then(|r| self.resolve(r, tense, None))
                    .and_then(|r| resolve_value_to_date(&r.value).filter(|_| r.value.len() >= 10));
                let day = own.or(day_hint).or(self.dct);
                let z = if *zone { "Z" } else { "" };
                let v = match day {
                    Some(d) => format!("{}T{h:02}:{mi:02}{z}", fmt_date(d)),
                    None => format!("XXXX-XX-XXT{h:02}:{mi:02}{z}"),
                };
                Some(Resolved {
                    kind: TimexType::Time,
                    value: v,
                    basis: if day_hint.is_some() || self.dct.is_some() {
                        Basis::Dct
                    } else {
                        Basis::Absolute
                    },
                    modifier: None,
                })
            }
            Reading::DayPart { part, day } => {
                let r = self.resolve(day, tense, None)?;
                Some(Resolved {
                    kind: TimexType::Time,
                    value: format!("{}T{part}", r.value),
                    basis: r.basis,
                    modifier: None,
                })
            }
            Reading::NthWeekday { n, wd, m, y } => {
                let (year, month, basis) = match (y, m, self.dct) {
                    (Some(y), Some(m), _) => (*y, *m, Basis::Absolute),
                    (None, Some(m), Some(dct)) => {
                        (pick_year_for_month(dct, *m, None, tense), *m, Basis::Dct)
                    }
                    (None, None, Some(dct)) => (dct.year(), dct.month(), Basis::Dct),
                    _ => return Some(date("XXXX-XX-XX".to_string(), Basis::Absolute, None)),
                };
                let wd = chrono::Weekday::try_from((*wd as u8).saturating_sub(1)).ok()?;
                let d = if *n == 0 {
                    let (ny, nm) = add_months(year, month, 1);
                    let last = NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?;
                    let back = (last.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        .rem_euclid(7);
                    last.checked_sub_signed(Duration::days(back))?
                } else {
                    NaiveDate::from_weekday_of_month_opt(year, month, wd, *n as u8)?
                };
                Some(date(fmt_date(d), basis, None))
            }
            Reading::Season {
                code,
                rel,
                modifier,
            } => match self.dct {
                None => Some(date(format!("XXXX-{code}"), Basis::Absolute, *modifier)),
                Some(dct) => {
                    let idx = |c: &str| match c {
                        "SP" => 0,
                        "SU" => 1,
                        "FA" => 2,
                        _ => 3,
                    };
                    // Seasons in order (winter counts with the year it starts in, so
                    // January is still last year's winter); pick the nearest occurrence in
                    // the direction the tense says.
                    let (cur_year, cur) = match dct.month() {
                        1 | 2 => (dct.year() - 1, 3),
                        3..=5 => (dct.year(), 0),
                        6..=8 => (dct.year(), 1),
                        9..=11 => (dct.year(), 2),
                        _ => (dct.year(), 3),
                    };
                    let now = cur_year * 4 + cur;
                    let (lo, hi) = match (rel, tense) {
                        (Some(Rel::Last), _) => (-4, -1),
                        (Some(Rel::Next), _) => (1, 4),
                        (_, Tense::Past) => (-3, 0),
                        (_, Tense::Future) => (0, 3),
                        _ => (-1, 2),
                    };
                    let me = idx(code);
                    let y = (cur_year - 1..=cur_year + 1)
                        .find(|y| (lo..=hi).contains(&(y * 4 + me - now)))
                        .unwrap_or(cur_year);
                    Some(date(format!("{y:04}-{code}"), Basis::Dct, *modifier))
                }
            },
            Reading::Quarter {
                q,
                y,
                year_rel,
                half,
            } => {
                let k = if *half { "H" } else { "Q" };
                let (year, basis) = match (y, self.dct) {
                    (Some(y), _) => (format!("{y:04}"), Basis::Absolute),
                    (None, Some(dct)) => {
                        let dq = if *half {
                            (dct.month() - 1) / 6 + 1
                        } else {
                            quarter_of(dct)
                        };
                        let mut yy = dct.year() + year_rel.unwrap_or(0);
                        // The quarter just ended is the one reports are about, whatever
                        // the tense ("will report third-quarter results" in November).
                        let just_ended = !*half && *q % 4 + 1 == dq;
                        if year_rel.is_none() && just_ended {
                            if dq == 1 {
                                yy -= 1;
                            }
                        } else if year_rel.is_none() {
                            match tense {
                                Tense::Future if *q < dq => yy += 1,
                                Tense::Past | Tense::Unknown if *q > dq => yy -= 1,
                                _ => {}
                            }
                        }
                        (format!("{yy:04}"), Basis::Dct)
                    }
                    (None, None) => ("XXXX".to_string(), Basis::Absolute),
                };
                Some(date(format!("{year}-{k}{q}"), basis, None))
            }
        }
    }

    /// Evaluates a `relative.tsv` value template (see the file's header).
    fn template(&self, t: &str, phrase: &str, tense: Tense) -> (String, Basis) {
        // "the weekend" in a weekday report is the one before when told in the past
        // tense, the coming one otherwise.
        if t == "WKND" {
            return match self.dct {
                Some(dct) => {
                    let wd = dct.weekday().number_from_monday();
                    let back = match tense {
                        Tense::Past => wd <= 5,
                        Tense::Unknown => wd <= 3,
                        Tense::Future => false,
                    };
                    let day = if back {
                        dct.checked_sub_signed(Duration::days(7)).unwrap_or(dct)
                    } else {
                        dct
                    };
                    (format!("{}-WE", fmt_week(day)), Basis::Dct)
                }
                None => ("XXXX-WXX-WE".to_string(), Basis::Absolute),
            };
        }
        let base_len = t
            .find(|c: char| c == '+' || c == '-' || c.is_ascii_digit())
            .unwrap_or(0);
        let base = t.get(..base_len).unwrap_or("");
        if !matches!(
            base,
            "D" | "A" | "W" | "AW" | "M" | "AM" | "Y" | "AY" | "Q" | "AQ"
        ) {
            return (t.to_string(), Basis::Absolute);
        }
        let rest = t.get(base_len..).unwrap_or("");
        let num_len = rest
            .char_indices()
            .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '+' || c == '-'))))
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        let n: i64 = rest
            .get(..num_len)
            .and_then(|s| s.trim_start_matches('+').parse().ok())
            .unwrap_or(0);
        let suffix = rest.get(num_len..).unwrap_or("");
        let (day, basis) = if base == "AQ" {
            match self.quarter_anchor() {
                Some(a) => a,
                None => return (fallback(base, suffix, phrase), Basis::Absolute),
            }
        } else if base == "AY" || base == "AM" {
            match self.coarse_anchor(base == "AM") {
                Some(a) => a,
                None => return (fallback(base, suffix, phrase), Basis::Absolute),
            }
        } else if base.starts_with('A') {
            let ahead = if base == "A" { n } else { 0 };
            match self.anchor_for(ahead, tense) {
                Some(a) => a,
                None => return (fallback(base, suffix, phrase), Basis::Absolute),
            }
        } else {
            match self.dct {
                Some(d) => (d, Basis::Dct),
                None => return (fallback(base, suffix, phrase), Basis::Absolute),
            }
        };
        let v = match base {
            "D" | "A" => day
                .checked_add_signed(Duration::days(n))
                .map(fmt_date)
                .unwrap_or_default(),
            "W" | "AW" => day
                .checked_add_signed(Duration::days(7 * n))
                .map(fmt_week)
                .unwrap_or_default(),
            "M" | "AM" => {
                let (y, m) = add_months(day.year(), day.month(), n as i32);
                format!("{y:04}-{m:02}")
            }
            "Y" | "AY" => format!("{:04}", day.year() + n as i32),
            _ => {
                let (y, m) = add_months(day.year(), day.month(), 3 * n as i32);
                format!("{y:04}-Q{}", (m - 1) / 3 + 1)
            }
        };
        (format!("{v}{suffix}"), basis)
    }
}

fn fallback(base: &str, suffix: &str, phrase: &str) -> String {
    if matches!(phrase, "today" | "now") {
        return "PRESENT_REF".to_string();
    }
    let v = match base {
        "D" | "A" => "XXXX-XX-XX",
        "W" | "AW" => "XXXX-WXX",
        "M" | "AM" => "XXXX-XX",
        "Y" | "AY" => "XXXX",
        _ => "XXXX-QX",
    };
    format!("{v}{suffix}")
}

/// The weekday `wd` (1 = Monday) nearest to the DCT in the direction the tense says (a
/// status "as of" weekday may be the day after the DCT).
/// The DCT's own weekday is the DCT ("on Saturday" in a Saturday report).
pub fn weekday_date(dct: NaiveDate, wd: u32, rel: Option<Rel>, tense: Tense) -> NaiveDate {
    let cur = dct.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7); // days back to the last such weekday (0 = today)
    let fwd = (wd - cur).rem_euclid(7);
    let offset = match rel {
        Some(Rel::Last) => -(if back == 0 { 7 } else { back }),
        Some(Rel::Next) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        // A status "as of" the day after the report's date is that day, not six days back.
        Some(Rel::Status) if fwd == 1 => 1,
        _ => match tense {
            Tense::Future => fwd,
            _ => -back,
        },
    };
    dct.checked_add_signed(Duration::days(offset))
        .unwrap_or(dct)
}

fn pick_year_for_day(dct: NaiveDate, m: u32, d: u32, tense: Tense) -> Option<i32> {
    let mut best: Option<(i64, i32)> = None;
    for y in [dct.year() - 1, dct.year(), dct.year() + 1] {
        let Some(c) = NaiveDate::from_ymd_opt(y, m, d) else {
            continue;
        };
        let off = (c - dct).num_days();
        let cost = match tense {
            Tense::Past if off > 7 => off * 4,
            Tense::Future if off < -7 => -off * 4,
            Tense::Unknown if off > 0 => off * 2,
            _ => off.abs(),
        };
        if !matches!(best, Some((b, _)) if b <= cost) {
            best = Some((cost, y));
        }
    }
    best.map(|b| b.1).or(Some(dct.year()))
}

fn pick_year_for_month(dct: NaiveDate, m: u32, rel: Option<Rel>, tense: Tense) -> i32 {
    let (lo, hi) = match (rel, tense) {
        (Some(Rel::Last), _) => (-12, -1),
        (Some(Rel::Next), _) => (1, 12),
        // "this September" is the DCT year's, whichever side of the DCT it falls.
        (Some(Rel::This), _) => return dct.year(),
        (None | Some(Rel::Status), Tense::Past) => (-11, 0),
        // Last month's name in a forward-looking sentence is still last month's
        // ("to freeze prices at their February level" in March).
        (None | Some(Rel::Status), Tense::Future) => (-1, 10),
        (None | Some(Rel::Status), Tense::Unknown) => (-9, 2),
    };
    let cur = dct.year() * 12 + dct.month() as i32 - 1;
    for y in [dct.year() - 1, dct.year(), dct.year() + 1] {
        let diff = y * 12 + m as i32 - 1 - cur;
        if (lo..=hi).contains(&diff) {
            return y;
        }
    }
    dct.year()
}

/// The first day a TIMEX3 value denotes, when it names a day, week, month or year
/// (2022-01-08, 2022-01-08T15:00, 2022-W01, 2019-03, 2015). None for durations, sets,
/// references (PAST_REF) and underspecified values (XXXX-01-10).
pub fn resolve_value_to_date(value: &str) -> Option<NaiveDate> {
    let v = value.split('T').next().unwrap_or(value);
    let y: i32 = v.get(..4)?.parse().ok()?;
    let rest = v.get(4..).unwrap_or("");
    if rest.is_empty() {
        return NaiveDate::from_ymd_opt(y, 1, 1);
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(w) = rest.strip_prefix('W') {
        let wk: u32 = w.get(..2)?.parse().ok()?;
        return NaiveDate::from_isoywd_opt(y, wk, chrono::Weekday::Mon);
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let q: u32 = q.get(..1)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) - 1) * 3 + 1, 1);
    }
    let m: u32 = rest.get(..2)?.parse().ok()?;
    match rest.get(2..) {
        Some(r) if r.starts_with('-') => {
            let d: u32 = r.get(1..3)?.parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d)
        }
        _ => NaiveDate::from_ymd_opt(y, m, 1),
    }
}

#[cfg(test)]
mod quarter_focus_tests {
    use crate::find_timexes;
    use chrono::NaiveDate;

    fn values(text: &str, dct: &str) -> Vec<(String, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        find_timexes(text, dct)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    fn pair(t: &str, v: &str) -> (String, String) {
        (t.to_string(), v.to_string())
    }

    #[test]
    fn a_year_earlier_compares_with_the_quarter_in_focus() {
        let got = values(
            "Harbor Mills earned $4 million in the second quarter, against $3 million a year \
             earlier. Sales fell from a year ago.",
            "2031-08-20",
        );
        assert!(
            got.contains(&pair("the second quarter", "2031-Q2")),
            "{got:?}"
        );
        assert!(got.contains(&pair("a year earlier", "2030-Q2")), "{got:?}");
        // The comparison does not move the story: the next one still counts from Q2.
        assert!(got.contains(&pair("a year ago", "2030-Q2")), "{got:?}");
    }

    #[test]
    fn a_day_after_the_quarter_ends_the_focus() {
        let got = values(
            "Profit rose in the third quarter. On March 3 the board met, a year after the \
             founder left; a year earlier it had met twice.",
            "2031-03-10",
        );
        assert!(got.contains(&pair("a year earlier", "2030")), "{got:?}");
    }

    #[test]
    fn the_quarter_and_year_ago_periods() {
        let got = values(
            "The miller said net income for the quarter climbed, while year-earlier sales \
             were flat and the year-ago quarter had a loss.",
            "2031-11-02",
        );
        // No quarter named: the latest a report can cover, the one before the DCT's.
        assert!(got.contains(&pair("the quarter", "2031-Q3")), "{got:?}");
        assert!(got.contains(&pair("year-earlier", "2030-Q3")), "{got:?}");
        assert!(
            got.contains(&pair("the year-ago quarter", "2030-Q3")),
            "{got:?}"
        );
        let got = values(
            "Output in the first quarter rose; the latest quarter was the best in years.",
            "2031-05-02",
        );
        assert!(
            got.contains(&pair("the latest quarter", "2031-Q1")),
            "{got:?}"
        );
    }

    #[test]
    fn the_quarter_just_ended_whatever_the_tense() {
        let got = values(
            "The bakery will report third-quarter results next week.",
            "2031-11-02",
        );
        assert!(got.contains(&pair("third-quarter", "2031-Q3")), "{got:?}");
        let got = values(
            "The chain expects fourth-quarter sales to slip.",
            "2031-01-20",
        );
        assert!(got.contains(&pair("fourth-quarter", "2030-Q4")), "{got:?}");
        // Not the quarter just ended: the tense still decides.
        let got = values(
            "The chain expects first-quarter sales to slip.",
            "2031-11-02",
        );
        assert!(got.contains(&pair("first-quarter", "2032-Q1")), "{got:?}");
    }
}

#[cfg(test)]
mod tense_tests {
    use crate::find_timexes;
    use chrono::NaiveDate;

    fn values(text: &str) -> Vec<String> {
        // A Saturday report.
        let dct = NaiveDate::from_ymd_opt(2031, 5, 17);
        find_timexes(text, dct)
            .into_iter()
            .map(|t| t.value)
            .collect()
    }

    /// A plan told in the past dates a day before it in the past, a day after its "to"
    /// ahead; "is planned to" stays a future cue.
    #[test]
    fn planned_to_is_an_intent_told_in_the_past() {
        assert_eq!(
            values("On Tuesday, the co-op planned to pay its growers."),
            ["2031-05-13"]
        );
        assert_eq!(
            values("The co-op planned to pay its growers on Tuesday."),
            ["2031-05-20"]
        );
        assert_eq!(
            values("The payment is planned to reach growers on Tuesday."),
            ["2031-05-20"]
        );
    }

    /// A progressive intent looks forward as its simple forms do ("were planning to meet
    /// on Tuesday").
    #[test]
    fn a_progressive_intent_looks_forward() {
        assert_eq!(
            values("The growers were planning to meet the minister on Tuesday."),
            ["2031-05-20"]
        );
        assert_eq!(
            values("The growers were hoping to sell the crop by Tuesday."),
            ["2031-05-20"]
        );
    }

    /// A state up to a day stays ahead ("closed until Tuesday"), unless its clause tells
    /// it in the past, before or right after the day.
    #[test]
    fn until_a_day_told_in_the_past() {
        assert_eq!(
            values("The bridge stays closed until Tuesday."),
            ["2031-05-20"]
        );
        assert_eq!(
            values("Until Tuesday, the wardens had not named the driver."),
            ["2031-05-13"]
        );
        assert_eq!(
            values("The bridge stays closed until Tuesday, when crews were due back."),
            ["2031-05-20"]
        );
    }

    /// "as soon as Tuesday" under a modal is the coming Tuesday, even in reported speech.
    #[test]
    fn as_soon_as_under_a_modal_lies_ahead() {
        assert_eq!(
            values("The ferry could sail as soon as Tuesday, the captain said."),
            ["2031-05-20"]
        );
        assert_eq!(
            values("The ferry sailed on Tuesday, the captain said."),
            ["2031-05-13"]
        );
    }
}
