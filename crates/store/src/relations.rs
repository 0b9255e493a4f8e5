//! What a figure says about other figures, read from its sentence: the optional fields the
//! story answer needs and the figures stage does not (yet) give.
//!
//! - **increment**: "three more people died", "a further 288 were hurt": the number adds
//!   to a total; it is shown beside the total and never summed into one.
//! - **part_of**: "90 dead, including 12 police", "46 injured, 11 of them in hospital": the
//!   later number is a part of the earlier one in the same sentence; a total is never
//!   compared with its parts.
//! - **revises**: "rose to 41, up from 31", "a rise from the previous figure of eight",
//!   "revised down to 40": the new number replaces the old one, which is no longer current.
//! - **retracted**: "the figure of 120 was published in error": the report withdraws it.
//!
//! Cue lists are data (`data/store/relation_cues.tsv`).

use newsledger_model::{Document, Figure};
use once_cell::sync::Lazy;
use std::collections::HashMap;

const CUES_TSV: &str = include_str!("../../../data/store/relation_cues.tsv");

struct Cues {
    increment: Vec<String>,
    part: Vec<String>,
    part_after: Vec<String>,
    old_value: Vec<String>,
    revised_to: Vec<String>,
    retraction: Vec<String>,
}

static CUES: Lazy<Cues> = Lazy::new(|| {
    let mut c = Cues {
        increment: Vec::new(),
        part: Vec::new(),
        part_after: Vec::new(),
        old_value: Vec::new(),
        revised_to: Vec::new(),
        retraction: Vec::new(),
    };
    for line in CUES_TSV.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((kind, cue)) = line.split_once('\t') else {
            continue;
        };
        let cue = cue.trim().to_lowercase();
        match kind.trim() {
            "increment" => c.increment.push(cue),
            "part" => c.part.push(cue),
            "part_after" => c.part_after.push(cue),
            "old_value" => c.old_value.push(cue),
            "revised_to" => c.revised_to.push(cue),
            "retraction" => c.retraction.push(cue),
            _ => {}
        }
    }
    c
});

/// The relations of one figure (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relation {
    pub increment: bool,
    pub part_of: Option<String>,
    pub revises: Option<String>,
    pub retracted: bool,
}

/// Lower-cased words of a text, apostrophes and punctuation dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `hay` (words) contains the phrase `cue` (words) anywhere.
fn has_phrase(hay: &[String], cue: &str) -> bool {
    let cw: Vec<&str> = cue.split(' ').filter(|w| !w.is_empty()).collect();
    !cw.is_empty()
        && hay
            .windows(cw.len())
            .any(|w| w.iter().zip(&cw).all(|(a, b)| a == b))
}

fn ends_with_phrase(hay: &[String], cue: &str) -> bool {
    let cw: Vec<&str> = cue.split(' ').filter(|w| !w.is_empty()).collect();
    hay.len() >= cw.len()
        && hay[hay.len() - cw.len()..]
            .iter()
            .zip(&cw)
            .all(|(a, b)| a == b)
}

fn starts_with_phrase(hay: &[String], cue: &str) -> bool {
    let cw: Vec<&str> = cue.split(' ').filter(|w| !w.is_empty()).collect();
    hay.len() >= cw.len() && hay.iter().zip(&cw).all(|(a, b)| a == b)
}

fn text(doc: &Document, a: usize, b: usize) -> &str {
    doc.text.get(a.min(b)..b).unwrap_or("")
}

/// The word before a byte offset's window and the figure's own words: "a further 288",
/// "three more people" ("more than" is a qualifier, not an increment).
fn is_increment(doc: &Document, f: &Figure) -> bool {
    let before_start = doc.text[..f.span.start().min(doc.text.len())]
        .char_indices()
        .rev()
        .nth(20)
        .map_or(0, |(i, _)| i);
    let mut w = words(text(doc, before_start, f.span.start()));
    let keep = w.len().saturating_sub(2);
    w.drain(..keep);
    w.extend(words(text(doc, f.span.start(), f.span.end())));
    let after_end = doc.text[f.span.end().min(doc.text.len())..]
        .char_indices()
        .nth(12)
        .map_or(doc.text.len(), |(i, _)| f.span.end() + i);
    w.extend(
        words(text(doc, f.span.end(), after_end))
            .into_iter()
            .take(2),
    );
    w.iter().enumerate().any(|(i, x)| {
        CUES.increment.iter().any(|c| c == x)
            && !(x == "more" && w.get(i + 1).is_some_and(|n| n == "than" || n == "then"))
    })
}

fn is_retraction(words_of_sentence: &[String]) -> bool {
    CUES.retraction
        .iter()
        .any(|c| has_phrase(words_of_sentence, c))
}

/// Relations of every figure of a document, by figure id.
pub fn relations(doc: &Document) -> HashMap<String, Relation> {
    let figs = &doc.layers.figures;
    let mut out: HashMap<String, Relation> = figs
        .iter()
        .map(|f| {
            (
                f.id.clone(),
                Relation {
                    increment: is_increment(doc, f),
                    ..Relation::default()
                },
            )
        })
        .collect();
    let mut by_sentence: Vec<(usize, Vec<&Figure>)> = Vec::new();
    for f in figs {
        match by_sentence
            .iter_mut()
            .find(|(s, _)| *s == f.sentence.start())
        {
            Some((_, v)) => v.push(f),
            None => by_sentence.push((f.sentence.start(), vec![f])),
        }
    }
    for (_, fs) in &by_sentence {
        pairs_in_sentence(doc, fs, &mut out);
    }
    retractions(doc, &by_sentence, &mut out);
    out
}

/// part_of and revises between figures of one sentence, each later figure against the
/// nearest earlier one.
fn pairs_in_sentence(doc: &Document, fs: &[&Figure], out: &mut HashMap<String, Relation>) {
    let mut fs: Vec<&Figure> = fs.to_vec();
    fs.sort_by_key(|f| f.span.start());
    for (i, b) in fs.iter().enumerate().skip(1) {
        let Some(a) = fs.get(i - 1) else { continue };
        let between = words(text(doc, a.span.end(), b.span.start()));
        let after = words(text(
            doc,
            b.span.end(),
            (b.span.end() + 16).min(b.sentence.end()),
        ));
        let a_words = words(text(doc, a.sentence.start(), a.span.start()));
        if CUES.old_value.iter().any(|c| ends_with_phrase(&between, c)) {
            // "… to 41, up from 31": b is the old value a replaces.
            if let Some(r) = out.get_mut(&a.id) {
                r.revises = Some(b.id.clone());
            }
            continue;
        }
        if CUES
            .revised_to
            .iter()
            .any(|c| ends_with_phrase(&between, c))
            && !CUES
                .revised_to
                .iter()
                .any(|c| ends_with_phrase(&a_words, c))
        {
            // "the toll of 52 was revised down to 48": b replaces a.
            if let Some(r) = out.get_mut(&b.id) {
                r.revises = Some(a.id.clone());
            }
            continue;
        }
        let partitive = CUES.part.iter().any(|c| has_phrase(&between, c))
            || CUES
                .part_after
                .iter()
                .any(|c| starts_with_phrase(&after, c));
        let smaller = b.value.low <= a.value.high.unwrap_or(a.value.low).max(a.value.low);
        if partitive && smaller {
            // Parts of a part belong to the same total: "52, including 6 children and 9
            // police" makes both parts of 52.
            let total = out
                .get(&a.id)
                .and_then(|r| r.part_of.clone())
                .unwrap_or_else(|| a.id.clone());
            if let Some(r) = out.get_mut(&b.id) {
                r.part_of = Some(total);
            }
        } else if let Some(t) = out.get(&a.id).and_then(|r| r.part_of.clone()) {
            // "including 6 children and 9 police": a list continues the parts.
            let joined = between.iter().all(|w| w == "and" || w == "or");
            if joined && b.metric == a.metric {
                if let Some(r) = out.get_mut(&b.id) {
                    r.part_of = Some(t);
                }
            }
        }
    }
}

/// A sentence that withdraws a figure: the figures it names before the cue are retracted;
/// one that names none retracts the last figure before it in the document.
fn retractions(
    doc: &Document,
    by_sentence: &[(usize, Vec<&Figure>)],
    out: &mut HashMap<String, Relation>,
) {
    for seg in &doc.layers.segments {
        let s = doc.slice(seg.span);
        let w = words(s);
        if !is_retraction(&w) {
            continue;
        }
        let here: Vec<&Figure> = by_sentence
            .iter()
            .find(|(st, _)| *st == seg.span.start())
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let cue_at = CUES
            .retraction
            .iter()
            .filter_map(|c| s.to_lowercase().find(c.as_str()))
            .min()
            .map_or(seg.span.end(), |i| seg.span.start() + i);
        let before: Vec<&&Figure> = here.iter().filter(|f| f.span.start() < cue_at).collect();
        if before.is_empty() && here.is_empty() {
            let last = doc
                .layers
                .figures
                .iter()
                .filter(|f| f.span.end() <= seg.span.start())
                .max_by_key(|f| f.span.end());
            if let Some(r) = last.and_then(|f| out.get_mut(&f.id)) {
                r.retracted = true;
            }
            continue;
        }
        for f in &before {
            if let Some(r) = out.get_mut(&f.id) {
                r.retracted = true;
            }
        }
        // "… in error; the correct toll is 102": a later figure replaces the first one.
        if let (Some(first), Some(after)) = (
            before.first(),
            here.iter().find(|f| f.span.start() >= cue_at),
        ) {
            if let Some(r) = out.get_mut(&after.id) {
                r.revises = Some(first.id.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{add_figure, doc};
    use newsledger_model::ValueKind;

    fn one(sentence: &str, figs: &[(&str, u64, &str)]) -> (Document, HashMap<String, Relation>) {
        let mut d = doc("t", None, "Test Outlet", "2031-04-02", &[sentence]);
        for (text, n, group) in figs {
            add_figure(
                &mut d,
                "killed",
                text,
                ValueKind::Exact,
                *n,
                Some(*n),
                group,
                None,
                None,
                &[],
            );
        }
        let r = relations(&d);
        (d, r)
    }

    #[test]
    fn increments_add_to_a_total_and_more_than_does_not() {
        let (_, r) = one(
            "Officials said three more people died overnight in the valley.",
            &[("three more people", 3, "unspecified")],
        );
        assert!(r["f1"].increment);
        let (_, r) = one(
            "A further 45 guards were hurt near the bridge, the mayor said.",
            &[("A further 45", 45, "security_forces")],
        );
        assert!(r["f1"].increment);
        let (_, r) = one(
            "More than 60 people died in the valley, the mayor said.",
            &[("More than 60 people", 60, "unspecified")],
        );
        assert!(!r["f1"].increment);
    }

    #[test]
    fn parts_belong_to_the_total_they_follow() {
        let (_, r) = one(
            "The flood killed 90 people, including 12 police officers and 4 children.",
            &[
                ("90 people", 90, "unspecified"),
                ("12 police officers", 12, "security_forces"),
                ("4 children", 4, "children"),
            ],
        );
        assert_eq!(r["f2"].part_of.as_deref(), Some("f1"));
        assert_eq!(r["f3"].part_of.as_deref(), Some("f1"));
        assert_eq!(r["f1"].part_of, None);
        let (_, r) = one(
            "Some 46 wardens were hurt, 11 of them badly, the office said.",
            &[("46 wardens", 46, "unspecified"), ("11", 11, "unspecified")],
        );
        assert_eq!(r["f2"].part_of.as_deref(), Some("f1"));
    }

    #[test]
    fn an_old_value_is_revised_by_the_new_one() {
        let (_, r) = one(
            "The toll rose to 41 on Friday, up from 31 a day earlier, the clinic said.",
            &[("41", 41, "unspecified"), ("31", 31, "unspecified")],
        );
        assert_eq!(r["f1"].revises.as_deref(), Some("f2"));
        assert_eq!(r["f2"].revises, None);
        let (_, r) = one(
            "The count of 52 dead was later revised down to 48 by the board.",
            &[("52 dead", 52, "unspecified"), ("48", 48, "unspecified")],
        );
        assert_eq!(r["f2"].revises.as_deref(), Some("f1"));
    }

    #[test]
    fn a_retraction_withdraws_the_figure_it_names_or_the_one_before() {
        let (_, r) = one(
            "The toll of 120 was published in error; the correct figure is 102.",
            &[("120", 120, "unspecified"), ("102", 102, "unspecified")],
        );
        assert!(r["f1"].retracted);
        assert!(!r["f2"].retracted);
        assert_eq!(r["f2"].revises.as_deref(), Some("f1"));
        let mut d = doc(
            "t",
            None,
            "Test Outlet",
            "2031-04-02",
            &[
                "The board had reported 120 deaths on Monday.",
                "That earlier figure was published in error, it said.",
            ],
        );
        add_figure(
            &mut d,
            "killed",
            "120 deaths",
            ValueKind::Exact,
            120,
            Some(120),
            "unspecified",
            None,
            None,
            &[],
        );
        assert!(relations(&d)["f1"].retracted);
    }
}
