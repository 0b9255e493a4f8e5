//! # newsledger-time
//!
//! Tolls mean nothing without their dates. This stage finds every temporal expression in
//! the content segments of a document (never in residue) and normalises it to a TIMEX3
//! type and value, resolved against the publication date (DCT) and the narrative:
//! weekdays by the tense around them ("said Friday" in a Saturday report is the day
//! before), month-days without a year from the DCT (with rollover near New Year),
//! "the following day" from the last day mentioned, "earlier this week" to the DCT's ISO
//! week, durations (P3D, P3DE), sets (P1D) and references (PAST_REF, PRESENT_REF).
//!
//! Later stages (figures' `as_of`, claims' and events' `date`) look timexes up by span in
//! `doc.layers.timexes`; [`resolve_value_to_date`] turns a value back into a day.
//! [`timeml::to_timeml`] writes a document in TempEval-3 TimeML for scoring.
//!
//! Lexicons and phrase tables live in `data/time/` (see its README).

mod extract;
mod lexicon;
mod resolve;
pub mod timeml;

use chrono::NaiveDate;
use newsledger_model::{Budget, Document, Lang, Layer, Span, Stage, Timex};

pub use resolve::{resolve_value_to_date, weekday_date, Tense};

/// Fills `doc.layers.timexes`.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimeStage;

impl TimeStage {
    pub fn new() -> Self {
        TimeStage
    }
}

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn needs(&self) -> &'static [Layer] {
        &[Layer::Segments, Layer::Tokens]
    }

    fn adds(&self) -> &'static [Layer] {
        &[Layer::Timexes]
    }

    fn process(&self, doc: &mut Document) {
        let mut spans: Vec<Span> = doc.content_segments().map(|s| s.span).collect();
        if spans.is_empty() && doc.layers.segments.is_empty() {
            // No segmentation ran: fall back to our own rough sentence split.
            spans = rough_sentences(&doc.text);
        }
        let (text, dct, budget) = (&doc.text, doc.meta.published, &doc.budget);
        doc.layers.timexes = match doc.lang() {
            Lang::En => annotate_within(text, &spans, dct, Lang::En, budget),
            Lang::Ru => annotate_within(text, &spans, dct, Lang::Ru, budget),
            Lang::Other => Vec::new(),
        };
    }
}

/// Finds and resolves every timex of `text`, sentence by sentence (`sentences` are byte
/// spans, in document order; text outside them is ignored).
pub fn annotate(text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<Timex> {
    annotate_in(text, sentences, dct, Lang::En)
}

/// [`annotate`] with the candidate rules of a language (English or Russian); both share
/// the resolver.
pub fn annotate_in(
    text: &str,
    sentences: &[Span],
    dct: Option<NaiveDate>,
    lang: Lang,
) -> Vec<Timex> {
    annotate_within(text, sentences, dct, lang, &Budget::unlimited())
}

/// [`annotate_in`] that stops at the first sentence after `budget` runs out (the pipeline
/// then drops the partial result).
pub fn annotate_within(
    text: &str,
    sentences: &[Span],
    dct: Option<NaiveDate>,
    lang: Lang,
    budget: &Budget,
) -> Vec<Timex> {
    let ru = lang == Lang::Ru;
    let mut resolver = resolve::Resolver::new(dct);
    let mut out: Vec<Timex> = Vec::new();
    // Anchors are noted under provisional ids (a candidate may still fail to resolve);
    // they are mapped to the final t1, t2… at the end.
    let mut provisional = 0usize;
    let mut final_of: rustc_hash::FxHashMap<String, String> = Default::default();
    // The day of the last line that is nothing but a date (a live page's entry heading).
    let mut entry_day: Option<NaiveDate> = None;
    for sp in sentences {
        if budget.expired() {
            break;
        }
        let Some(sent) = text.get(sp.start()..sp.end()) else {
            continue;
        };
        let cands = if ru {
            extract::ru::candidates(sent)
        } else {
            extract::candidates(sent)
        };
        if cands.is_empty() {
            continue;
        }
        let cues = resolve::Cues::new(sent);
        // Clock times take their day from a day named in the same sentence, so resolve
        // the rest first.
        let mut resolved: Vec<Option<resolve::Resolved>> = Vec::with_capacity(cands.len());
        let mut ids: Vec<String> = Vec::with_capacity(cands.len());
        for c in cands.iter() {
            provisional += 1;
            ids.push(format!("p{provisional}"));
            if matches!(c.reading, extract::Reading::Clock { .. }) {
                resolved.push(None);
                continue;
            }
            let tense = if ru {
                extract::ru::tense(sent)
            } else {
                cues.tense_at(c.start, c.end)
            };
            let r = resolver.resolve(&c.reading, tense, None);
            if let Some(r) = &r {
                if let Some(id) = ids.last() {
                    // A year-earlier quarter is a comparison; the story stays on its quarter.
                    if !(r.value.contains("-Q") && looks_back(&c.reading)) {
                        resolver.note(&r.value, id);
                    }
                }
            }
            resolved.push(r);
        }
        for (k, c) in cands.iter().enumerate() {
            if matches!(c.reading, extract::Reading::Clock { .. }) {
                // A live-page stamp ("09:42 Rescuers say…") dates its entry: it takes the
                // day of the entry heading or the publication day, never a day the entry
                // goes on to mention ("…since last night").
                let hint = if stamp_at_line_start(sent, c.start) {
                    entry_day
                } else {
                    nearest_day(&cands, &resolved, k)
                };
                let tense = cues.tense_at(c.start, c.end);
                if let Some(slot) = resolved.get_mut(k) {
                    *slot = resolver.resolve(&c.reading, tense, hint);
                }
            }
        }
        if let ([c], [Some(r)]) = (cands.as_slice(), resolved.as_slice()) {
            let rest = |a: usize, b: usize| sent.get(a..b).unwrap_or("x");
            let bare = |g: &str| {
                g.chars()
                    .all(|ch| ch.is_whitespace() || ":.,-–—".contains(ch))
            };
            if bare(rest(0, c.start)) && bare(rest(c.end, sent.len())) && r.value.len() == 10 {
                entry_day = resolve_value_to_date(&r.value).or(entry_day);
            }
        }
        for ((c, r), pid) in cands.iter().zip(resolved).zip(ids) {
            let Some(r) = r else { continue };
            let span = Span::new(sp.start() + c.start, sp.start() + c.end);
            let id = format!("t{}", out.len() + 1);
            final_of.insert(pid, id.clone());
            out.push(Timex {
                id,
                span,
                text: text.get(span.start()..span.end()).unwrap_or("").to_string(),
                kind: r.kind,
                value: r.value,
                anchor: match r.basis {
                    resolve::Basis::Absolute => None,
                    resolve::Basis::Dct => Some("DCT".to_string()),
                    resolve::Basis::Timex(t) => Some(t),
                },
                modifier: r.modifier,
            });
        }
    }
    for t in out.iter_mut() {
        if let Some(a) = t.anchor.as_mut() {
            if a != "DCT" {
                *a = final_of
                    .get(a.as_str())
                    .cloned()
                    .unwrap_or_else(|| "DCT".to_string());
            }
        }
    }
    out
}

/// "a year ago", "a year earlier", "the year-ago quarter": readings that compare with an
/// earlier time rather than move the story there.
fn looks_back(r: &extract::Reading) -> bool {
    match r {
        extract::Reading::Shift { sign, .. } => *sign < 0,
        extract::Reading::Fixed(i) => lexicon::LEX
            .relative
            .get(*i)
            .is_some_and(|row| row.template.starts_with("AQ-")),
        _ => false,
    }
}

/// Whether the clock time at `start` opens a line of `sent` (after a bullet or dash, if
/// any). A day joined to the time ("09:42 today") still wins: it is part of the reading.
fn stamp_at_line_start(sent: &str, start: usize) -> bool {
    let before = sent.get(..start).unwrap_or("x");
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.chars()
        .all(|ch| ch.is_whitespace() || "•·*-–—|>".contains(ch))
}

/// The day of the closest day-precision timex in the same sentence.
fn nearest_day(
    cands: &[extract::Cand],
    resolved: &[Option<resolve::Resolved>],
    k: usize,
) -> Option<NaiveDate> {
    let me = cands.get(k)?;
    cands
        .iter()
        .zip(resolved)
        .enumerate()
        .filter(|(i, _)| *i != k)
        .filter_map(|(_, (c, r))| {
            let r = r.as_ref()?;
            let v = r.value.as_str();
            if v.len() < 10 || v.contains('W') {
                return None;
            }
            let d = resolve_value_to_date(v)?;
            let dist = if c.start >= me.end {
                c.start - me.end
            } else {
                me.start.saturating_sub(c.end)
            };
            Some((dist, d))
        })
        .min_by_key(|x| x.0)
        .map(|x| x.1)
}

/// Sentence spans by line breaks and sentence-final punctuation before a capital.
pub fn rough_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' => {
                let next = bytes.get(k + 1).map(|x| x.1);
                let after = bytes.get(k + 2).map(|x| x.1);
                matches!(next, Some(' '))
                    && after.is_some_and(|a| a.is_uppercase() || a == '“' || a == '"')
                    && !abbreviation_before(text, i)
            }
            _ => false,
        };
        if end_here {
            let e = i + c.len_utf8();
            if text.get(start..e).is_some_and(|s| !s.trim().is_empty()) {
                out.push(Span::new(start, e));
            }
            start = e;
        }
    }
    if text.get(start..).is_some_and(|s| !s.trim().is_empty()) {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// Whether the word ending at the period at `dot` is an abbreviation ("a.m.", "U.S.",
/// "Jan.", "Mr.") rather than the end of a sentence.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    word.contains('.')
        || (word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase))
}

/// Convenience for callers without a pipeline: timexes of a plain text.
pub fn find_timexes(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    annotate(text, &rough_sentences(text), dct)
}

#[cfg(test)]
mod tests;
