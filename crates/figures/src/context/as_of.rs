//! The day a figure holds as of: an explicit "as of", the dated moment it describes, the
//! statement date, the publication date; carried over lists and same-source sentences.

use super::words::{context_word, has_word, ContextWord};
use super::*;
use crate::detect::WEEKDAYS;

/// A usable TIMEX3 date value: a calendar date, month, week or year (time part dropped).
pub(super) fn date_value(v: &str) -> Option<String> {
    let d = v.split('T').next().unwrap_or("");
    let b = d.as_bytes();
    if b.len() >= 4 && b.iter().take(4).all(u8::is_ascii_digit) {
        Some(d.to_string())
    } else {
        None
    }
}

/// Byte ranges of the clause around `span` inside the sentence.
pub(super) fn clause_of(doc: &Document, sentence: Span, span: Span) -> Span {
    let s = doc.slice(sentence);
    let rel_a = span.start().saturating_sub(sentence.start());
    let rel_b = span.end().saturating_sub(sentence.start());
    thread_local! {
        static LAST: std::cell::RefCell<Option<Breaks>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|b| b.sentence != s) {
            *last = Some(Breaks::new(s));
        }
        match last.as_ref().and_then(|b| b.around(rel_a, rel_b)) {
            Some((a, b)) => Span::new(sentence.start() + a, sentence.start() + b),
            None => sentence,
        }
    })
}

const BREAKS: [&str; 7] = [
    ";",
    ", and ",
    ", but ",
    " but ",
    ", while ",
    " while ",
    " whereas ",
];

/// The clause breaks of one sentence, found once for all its figures (the search outward
/// from each figure went to both ends of a run-on sentence without breaks, per figure).
/// The last sentence's breaks are kept between calls.
struct Breaks {
    sentence: String,
    /// A sentence whose lowercase has other byte lengths is taken whole, as before.
    whole: bool,
    /// Byte offsets where a break ends, and where one starts, ascending.
    ends: Vec<usize>,
    starts: Vec<usize>,
}

impl Breaks {
    fn new(s: &str) -> Self {
        let relength =
            |c: char| c.to_lowercase().map(char::len_utf8).sum::<usize>() != c.len_utf8();
        let whole = !s.is_ascii() && s.chars().any(relength);
        let bytes = s.as_bytes();
        let at = |i: usize, p: &str| {
            bytes
                .get(i..i + p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
        };
        let (mut ends, mut starts) = (Vec::new(), Vec::new());
        if !whole {
            for i in 0..=bytes.len() {
                if BREAKS.iter().any(|p| i >= p.len() && at(i - p.len(), p)) {
                    ends.push(i);
                }
                if BREAKS.iter().any(|p| at(i, p)) {
                    starts.push(i);
                }
            }
        }
        Breaks {
            sentence: s.to_string(),
            whole,
            ends,
            starts,
        }
    }

    /// The clause around `[rel_a, rel_b)`: after the last break ending at or before it, up
    /// to the first starting at or after it; None for a sentence taken whole.
    fn around(&self, rel_a: usize, rel_b: usize) -> Option<(usize, usize)> {
        if self.whole {
            return None;
        }
        let len = self.sentence.len();
        let upto = rel_a.min(len);
        let k = self.ends.partition_point(|&e| e <= upto);
        let a = k
            .checked_sub(1)
            .and_then(|k| self.ends.get(k))
            .copied()
            .filter(|&e| e >= 1)
            .unwrap_or(0);
        let k = self.starts.partition_point(|&i| i < rel_b);
        let b = self
            .starts
            .get(k)
            .copied()
            .filter(|&i| i < len)
            .unwrap_or(len);
        Some((a, b))
    }
}

/// [`clause_of`] as it was written before the breaks were kept: the reference the tests
/// compare it with.
#[cfg(test)]
fn clause_of_scan(s: &str, rel_a: usize, rel_b: usize) -> Option<(usize, usize)> {
    let relength = |c: char| c.to_lowercase().map(char::len_utf8).sum::<usize>() != c.len_utf8();
    if !s.is_ascii() && s.chars().any(relength) {
        return None;
    }
    let bytes = s.as_bytes();
    let at = |i: usize, p: &str| {
        bytes
            .get(i..i + p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    let a = (1..=rel_a.min(bytes.len()))
        .rev()
        .find(|&e| BREAKS.iter().any(|p| e >= p.len() && at(e - p.len(), p)))
        .unwrap_or(0);
    let b = (rel_b..bytes.len())
        .find(|&i| BREAKS.iter().any(|p| at(i, p)))
        .unwrap_or(bytes.len());
    Some((a, b))
}

#[cfg(test)]
mod clause_tests {
    use super::*;

    /// The kept breaks answer as the outward search, for every span of every sentence.
    #[test]
    fn kept_breaks_answer_as_the_scan() {
        let sentences = [
            "Nine died; 40 were hurt, and 12 are missing, but the rest WHILE others whereas 3",
            "killed 5 killed 6 killed 7",
            "Ärzte: İstanbul; 5 died, but 6 lived",
            "Ten people died in Ostrin, while 3 fled; ",
            "",
        ];
        for s in sentences {
            let b = Breaks::new(s);
            for x in 0..=s.len() + 2 {
                for y in x..=s.len() + 2 {
                    assert_eq!(b.around(x, y), clause_of_scan(s, x, y), "{s:?} {x} {y}");
                }
            }
        }
    }
}

pub(super) const CUE_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "reported",
    "reports",
    "announced",
    "added",
    "stated",
    "according",
    "claimed",
    "confirmed",
    "tweeted",
    "wrote",
    "posted",
    "statement",
];

pub(super) fn near_cue(doc: &Document, sentence: Span, t: Span) -> bool {
    let before = lower_before(doc, sentence, t.start(), 24);
    let after_end = (t.end() + 12).min(sentence.end());
    let mut e = after_end;
    while e > t.end() && !doc.text.is_char_boundary(e) {
        e -= 1;
    }
    let after = doc.text.get(t.end()..e).unwrap_or("").to_lowercase();
    let last_words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .collect();
    let first_after = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // "killed on Sunday, according to the group": the day is the killings', not a
    // statement's ("according to" carries no day of its own)
    last_words.iter().any(|w| CUE_WORDS.contains(w))
        || (CUE_WORDS.contains(&first_after) && first_after != "according")
}

/// The as-of date and where it came from, without carry-over.
pub(super) fn own_date(
    doc: &Document,
    ix: &ClaimIndex,
    d: &Draft,
    claim: Option<&Claim>,
) -> (Option<String>, AsOfFrom, Option<String>) {
    let in_sentence: Vec<_> = doc
        .layers
        .timexes
        .iter()
        .filter(|t| {
            d.sentence.contains(t.span) && matches!(t.kind, TimexType::Date | TimexType::Time)
        })
        .collect();
    // a week, month, season or year dates the counted events, never the count: it is kept
    // as the period and the day comes from the statement or the publication
    let mut period = None;
    let explicit = explicit_as_of(doc, d, &in_sentence);
    match explicit {
        Some(v) if is_day(&v) => return (Some(v), AsOfFrom::AsOf, None),
        Some(v) => period = Some(v),
        None => {}
    }
    match moment_of(doc, d, claim, &in_sentence) {
        Some(v) if is_day(&v) => return (Some(v), AsOfFrom::Moment, period),
        Some(v) => period = period.or(Some(v)),
        None => {}
    }
    if let Some(c) = claim {
        let v = claim_day(doc, c).or_else(|| speaker_day(doc, ix, c));
        match v {
            Some(v) if is_day(&v) => return (Some(v), AsOfFrom::Statement, period),
            Some(v) => period = period.or(Some(v)),
            None => {}
        }
    }
    if let Some(v) = cue_date(doc, d, &in_sentence) {
        return (Some(v), AsOfFrom::Statement, period);
    }
    match doc.meta.published {
        Some(p) => (
            Some(p.format("%Y-%m-%d").to_string()),
            AsOfFrom::Published,
            period,
        ),
        None => match document_day(doc) {
            Some(v) => (Some(v), AsOfFrom::Published, period),
            None => (None, AsOfFrom::Nothing, period),
        },
    }
}

/// The date of a claim's statement, if it has one.
pub(super) fn claim_day(doc: &Document, c: &Claim) -> Option<String> {
    c.date.as_deref().and_then(date_value).or_else(|| {
        c.timex
            .as_deref()
            .and_then(|id| doc.timex(id))
            .and_then(|t| date_value(&t.value))
    })
}

/// "Lena Moor said on Tuesday … Moor added that 40 were hurt": an undated claim takes the
/// day of the same speaker's nearest dated claim before it (one briefing, one day).
fn speaker_day(doc: &Document, ix: &ClaimIndex, c: &Claim) -> Option<String> {
    let name = c.speaker_name().trim();
    if name.is_empty() {
        return None;
    }
    ix.speaker_day(doc, name, c.span.start())
}

/// "…, the agency said on Friday" with no claim (or an undated one) holding the figure: the
/// day next to the report verb of the figure's sentence is the statement's.
fn cue_date(doc: &Document, d: &Draft, in_sentence: &[&Timex]) -> Option<String> {
    in_sentence
        .iter()
        .filter(|t| after_report_verb(doc, d.sentence, t.span) && !entry_or_dateline(doc, d, t))
        .filter_map(|t| date_value(&t.value))
        .find(|v| is_day(v))
}

/// "said on Friday", "told reporters Friday": the day follows a report verb (not "…
/// on Monday, according to", where the day belongs to what comes before).
fn after_report_verb(doc: &Document, sentence: Span, t: Span) -> bool {
    let before = lower_before(doc, sentence, t.start(), 24);
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| CUE_WORDS.contains(&w) && w != "according")
}

/// A document without a publication date is dated by the latest full day its text states
/// ("Boats landed on 3 May 2031 …"): the fallback for figures nothing else dates.
fn document_day(doc: &Document) -> Option<String> {
    doc.layers
        .timexes
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| date_value(&t.value))
        .filter(|v| is_day(v))
        .max()
}

/// A calendar day, `YYYY-MM-DD`: the only value an as-of may take.
pub(super) fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// An explicit "as of" date in the figure's sentence ("as of", "as at", a sentence-initial
/// "by").
fn explicit_as_of(doc: &Document, d: &Draft, in_sentence: &[&Timex]) -> Option<String> {
    for t in in_sentence {
        let before = lower_before(doc, d.sentence, t.span.start(), 16);
        let b = before.trim_end();
        let sentence_initial_by =
            b.ends_with("by") && b.trim_start_matches(|c: char| !c.is_alphabetic()) == "by";
        if b.ends_with("as of")
            || b.ends_with("as at")
            || b.ends_with("as of late")
            || sentence_initial_by
        {
            if let Some(v) = date_value(&t.value) {
                return Some(weekday_after_report(doc, t, v));
            }
        }
    }
    None
}

/// "By Friday, 30 had died" in a report dated Thursday: the time stage reads a bare weekday
/// after a sentence-opening "by" as the latest past one, six days back, but a stated
/// current state names the day after the report's date (a report dated by its first
/// version and updated the next day). Any other value is kept. ("as of", "as at" and "as
/// of late" with a weekday are read so by the time stage itself.)
fn weekday_after_report(doc: &Document, t: &Timex, v: String) -> String {
    let word = doc.slice(t.span).to_lowercase();
    let bare_weekday = WEEKDAYS.iter().any(|w| word.starts_with(w));
    let Some(published) = doc.meta.published else {
        return v;
    };
    let six_back = (0..6).try_fold(published, |d, _| d.pred_opt());
    let next = published.succ_opt();
    match (six_back, next) {
        (Some(back), Some(next)) if bare_weekday && back.format("%Y-%m-%d").to_string() == v => {
            next.format("%Y-%m-%d").to_string()
        }
        _ => v,
    }
}

/// The dated moment the figure describes: the finest, then nearest date of its clause
/// that is not the statement's, a cue's, a dateline's or a live entry's time.
fn moment_of(
    doc: &Document,
    d: &Draft,
    claim: Option<&Claim>,
    in_sentence: &[&Timex],
) -> Option<String> {
    let clause = clause_of(doc, d.sentence, d.span);
    let claim_timex = claim.and_then(|c| c.timex.clone());
    let mut best: Option<(u8, usize, String)> = None;
    for t in in_sentence {
        if claim_timex.as_deref() == Some(t.id.as_str()) || !clause.contains(t.span) {
            continue;
        }
        if claim.is_some_and(|c| {
            c.cue.span.overlaps(t.span) || c.speaker_span().is_some_and(|s| s.overlaps(t.span))
        }) {
            continue;
        }
        if near_cue(doc, d.sentence, t.span) || entry_or_dateline(doc, d, t) {
            continue;
        }
        if opens_span_before(doc, d, t) || dates_the_event(doc, d, t) {
            continue;
        }
        let Some(v) = range_end(doc, d, t, in_sentence).or_else(|| date_value(&t.value)) else {
            continue;
        };
        let Some(dist) = moment_distance(doc, d, t) else {
            continue;
        };
        // a day beats a week or a year
        let grain: u8 = match v.len() {
            10 => 3,
            4 => 1,
            _ => 2,
        };
        if best
            .as_ref()
            .is_none_or(|(bg, bd, _)| grain > *bg || (grain == *bg && dist < *bd))
        {
            best = Some((grain, dist, v));
        }
    }
    best.map(|(_, _, v)| v)
}

/// "arrested between 9 June and 31 October": a range of days dates the figure by its last.
fn range_end(doc: &Document, d: &Draft, t: &Timex, in_sentence: &[&Timex]) -> Option<String> {
    let before = lower_before(doc, d.sentence, t.span.start(), 10);
    if !before.trim_end().ends_with("between") {
        return None;
    }
    let end = in_sentence.iter().find(|o| {
        o.span.start() > t.span.end()
            && doc
                .text
                .get(t.span.end()..o.span.start())
                .is_some_and(|g| g.trim_start_matches(',').trim() == "and")
    })?;
    date_value(&end.value)
}

/// A live page's entry time ("09:42 The health office says…") dates the entry, and a
/// dateline ("KORMAN, May 21 (Wire) — …") dates the report, not the figure.
fn entry_or_dateline(doc: &Document, d: &Draft, t: &Timex) -> bool {
    let lead = doc
        .text
        .get(d.sentence.start()..t.span.start())
        .unwrap_or("x");
    if t.kind == TimexType::Time && lead.trim().is_empty() {
        return true;
    }
    if t.span.end() <= d.span.start() {
        let gap = doc.text.get(t.span.end()..d.span.start()).unwrap_or("");
        if [" - ", " — ", " – ", ") -", ") —", ") –"]
            .iter()
            .any(|x| gap.contains(x))
        {
            return true;
        }
    }
    false
}

/// Words that open a span ("since", "from") count only between the figure and a date after
/// it, not the figure's own "up from 31".
fn opens_span_before(doc: &Document, d: &Draft, t: &Timex) -> bool {
    let floor = if t.span.start() >= d.span.end() {
        d.span.end()
    } else {
        d.sentence.start()
    };
    let before = lower_before(doc, Span::new(floor, d.sentence.end()), t.span.start(), 24);
    let prev_words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .collect();
    prev_words.iter().any(|w| {
        matches!(
            *w,
            "since"
                | "from"
                | "until"
                | "till"
                | "before"
                | "began"
                | "started"
                | "begun"
                | "beginning"
                | "starting"
                // "so far this year": a running total, as of now
                | "far"
        )
    })
}

/// A date that names an event whose count keeps growing rather than the count: "killed in
/// the quakes that struck on Monday", "arrested during the marches that followed the 3 May
/// vote"; and a disaster named by its day ("Friday's earthquake has killed 900", "the
/// quake on Monday has killed 700", "hurt in the 6 May floods"), whose toll keeps growing
/// after that day.
fn dates_the_event(doc: &Document, d: &Draft, t: &Timex) -> bool {
    let (a, b) = if t.span.start() >= d.span.end() {
        (d.span.end(), t.span.start())
    } else {
        (t.span.end(), d.span.start())
    };
    let between = doc.text.get(a..b).unwrap_or("").to_lowercase();
    let relative = [" that ", " which ", " after ", " when ", " where "]
        .iter()
        .any(|k| between.contains(k));
    let growing =
        has_word(&between, ContextWord::Disaster) || has_word(&between, ContextWord::Protest);
    if relative && growing {
        return true;
    }
    // "31 have been charged and will appear in court on Monday": a day still to come
    let future = [" will ", " would ", " due to ", " expected to ", " set to "]
        .iter()
        .any(|k| between.contains(k));
    if future && t.span.start() >= d.span.end() {
        return true;
    }
    // "the earthquake on Monday has killed 700": the day is the quake's
    let before = lower_before(doc, d.sentence, t.span.start(), 24);
    let named_before = before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| context_word(w) == Some(ContextWord::Disaster));
    if named_before && t.span.end() <= d.span.start() {
        return true;
    }
    let after = doc.text.get(t.span.end()..d.sentence.end()).unwrap_or("");
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    after
        .split_whitespace()
        .take(3)
        .any(|w| context_word(w) == Some(ContextWord::Disaster))
}

/// Bytes between the figure and a date; None when a date after the figure is not in its
/// phrase.
fn moment_distance(doc: &Document, d: &Draft, t: &Timex) -> Option<usize> {
    if t.span.end() <= d.span.start() {
        return Some(d.span.start() - t.span.end());
    }
    // a date after the figure belongs to it only within the same phrase
    // ("killed in the port on Sunday", not "…, far more than … on Monday")
    let between = doc.text.get(d.span.end()..t.span.start()).unwrap_or(";");
    // "One guard, the convoy's driver, was killed … on Friday": an apposition's
    // commas do not part the figure from its verb phrase
    let after_apposition = between
        .strip_prefix(", ")
        .filter(|r| {
            ["the ", "a ", "an ", "his ", "her ", "their "]
                .iter()
                .any(|d| r.starts_with(d))
        })
        .and_then(|r| r.find(", ").and_then(|i| r.get(i + 2..)))
        .unwrap_or(between);
    if between.contains([';', '—'])
        || (after_apposition.contains(',') && after_apposition.len() > 24)
    {
        return None;
    }
    // "risen to 23, up from 17 last night": the date belongs to the other count;
    // "fled since fighting resumed in March": it dates the fighting
    let bl = between.to_lowercase();
    if between.bytes().any(|b| b.is_ascii_digit()) || bl.contains(" since ") {
        return None;
    }
    Some(t.span.start().saturating_sub(d.span.end()))
}

/// A figure whose own clause is dated to a year at least two years before publication
/// ("the 2009 floods killed 40", "in 1998 a quake killed 2,000") counts an older event the
/// report recalls as background, not the events it covers. Dates that open a span ("since
/// 2011") are running totals and stay.
pub(super) fn background_year(doc: &Document, d: &Draft) -> bool {
    let Some(pub_year) = doc.meta.published.map(|p| p.format("%Y").to_string()) else {
        return false;
    };
    let Ok(pub_year) = pub_year.parse::<i32>() else {
        return false;
    };
    let clause = clause_of(doc, d.sentence, d.span);
    doc.layers.timexes.iter().any(|t| {
        if !clause.contains(t.span) || !matches!(t.kind, TimexType::Date) {
            return false;
        }
        let Some(year) = t.value.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            return false;
        };
        if !t.value.as_bytes().iter().take(4).all(u8::is_ascii_digit) || year > pub_year - 2 {
            return false;
        }
        let before = lower_before(doc, clause, t.span.start(), 16);
        let prev = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        !matches!(prev, "since" | "from" | "between")
    })
}

/// "Key figures (as of 27 September):" over a list of lines: the header's date holds for
/// the figures of the lines below it, up to the next full sentence.
pub(super) fn header_as_of(doc: &Document, drafts: &mut [Draft]) {
    let segs = &doc.layers.segments;
    let mut current: Option<String> = None;
    let mut by_seg: Vec<Option<String>> = vec![None; segs.len()];
    for (k, sg) in segs.iter().enumerate() {
        if doc.is_residue(sg.span) {
            continue;
        }
        let text = doc.slice(sg.span).trim_end();
        if text.ends_with(':') {
            current = doc
                .layers
                .timexes
                .iter()
                .filter(|t| sg.span.contains(t.span))
                .find(|t| {
                    let b = lower_before(doc, sg.span, t.span.start(), 16);
                    let b = b.trim_end();
                    b.ends_with("as of") || b.ends_with("as at")
                })
                .and_then(|t| date_value(&t.value))
                .filter(|v| is_day(v));
            continue;
        }
        if let Some(slot) = by_seg.get_mut(k) {
            slot.clone_from(&current);
        }
        if text.ends_with(['.', '!', '?']) {
            current = None;
        }
    }
    for d in drafts.iter_mut() {
        if d.as_of_from <= AsOfFrom::Moment {
            continue;
        }
        if let Some(Some(v)) = by_seg.get(d.seg) {
            d.as_of = Some(v.clone());
            d.as_of_from = AsOfFrom::AsOf;
            d.own_as_of = Some(v.clone());
        }
    }
}

/// An "As of X" date carries to the next sentence's figures when the same source goes on.
pub(super) fn carry_as_of(doc: &Document, drafts: &mut [Draft]) {
    // segment → (paragraph, as-of value, sources of the figure that stated it)
    let mut stated: Vec<(usize, Option<usize>, String, Vec<String>)> = Vec::new();
    for d in drafts.iter_mut() {
        let (seg, para) = (d.seg, d.para);
        if d.own_as_of.is_none() && d.as_of_from > AsOfFrom::Moment {
            let prev = prev_content_seg(doc, seg);
            let from = stated
                .iter()
                .rev()
                .find(|(s, p, _, srcs)| {
                    Some(*s) == prev && *p == para && chains_corefer(srcs, &d.sources)
                })
                .map(|x| x.2.clone());
            if let Some(v) = from {
                d.as_of = Some(v);
                d.as_of_from = AsOfFrom::Carried;
            }
        }
        let carries = d.own_as_of.is_some() || d.as_of_from == AsOfFrom::Carried;
        if carries {
            if let Some(v) = d.as_of.clone() {
                stated.push((seg, para, v, d.sources.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clause_of, is_day};
    use newsledger_model::{Document, Meta, Span};

    /// The earlier clause finder (lowercase the sentence, scan it for every break), kept as
    /// the reference the bounded one must agree with.
    fn reference(s: &str, rel_a: usize, rel_b: usize) -> (usize, usize) {
        let low = s.to_lowercase();
        if low.len() != s.len() {
            return (0, s.len());
        }
        let (mut a, mut b) = (0, s.len());
        for pat in super::BREAKS {
            for (i, _) in low.match_indices(pat) {
                if i + pat.len() <= rel_a {
                    a = a.max(i + pat.len());
                } else if i >= rel_b {
                    b = b.min(i);
                }
            }
        }
        (a, b)
    }

    #[test]
    fn clause_stops_at_the_nearest_breaks() {
        let text = "Four died in Vell; six were hurt in Omsa, but officials in Tarn said none whereas others disagreed";
        let doc = Document::new("t", text, Meta::default());
        let all = Span::new(0, text.len());
        let at = |w: &str| {
            text.find(w)
                .map(|i| Span::new(i, i + w.len()))
                .expect("word")
        };
        assert_eq!(
            doc.slice(clause_of(&doc, all, at("six"))),
            " six were hurt in Omsa"
        );
        assert_eq!(
            doc.slice(clause_of(&doc, all, at("Four"))),
            "Four died in Vell"
        );
        assert_eq!(
            doc.slice(clause_of(&doc, all, at("others"))),
            "others disagreed"
        );
    }

    #[test]
    fn clause_agrees_with_the_lowercasing_reference_on_the_corpus() {
        let corpus = include_str!("../../../../corpus/reports.jsonl");
        for line in corpus.lines().take(40) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            for sent in v["text"].as_str().unwrap_or_default().split(". ") {
                let doc = Document::new("t", sent, Meta::default());
                let whole = Span::new(0, sent.len());
                let starts: Vec<usize> = (0..=sent.len())
                    .filter(|&i| sent.is_char_boundary(i))
                    .step_by(3)
                    .collect();
                for &a in &starts {
                    let b = (a + 4).min(sent.len());
                    let got = clause_of(&doc, whole, Span::new(a, b));
                    assert_eq!(
                        (got.start(), got.end()),
                        reference(sent, a, b),
                        "{sent:?} {a}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_a_calendar_day_is_a_day() {
        assert!(is_day("2033-06-15"));
        for v in [
            "2033-W23",
            "2033-W23-WE",
            "2033-06",
            "2033-SU",
            "2033",
            "2033-06-1",
            "",
        ] {
            assert!(!is_day(v), "{v}");
        }
    }
}
