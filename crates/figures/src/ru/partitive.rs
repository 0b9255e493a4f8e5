//! A count of part of a group counted just before: "пострадали 25 человек, среди них
//! двое детей", "десять из них в больнице", "один из пострадавших". The part takes the
//! metric of the whole when its own clause names none.

use super::numbers::NumPhrase;
use super::Sent;

/// Words before a number that open a part of the group counted before.
const BEFORE: &[&[&str]] = &[
    &["среди", "них"],
    &["из", "них"],
    &["среди", "которых"],
    &["из", "которых"],
    &["в", "том", "числе"],
];

impl Sent<'_> {
    /// True when the phrase counts part of an earlier group: "из них" or "из которых"
    /// right after it, or one of `BEFORE` right before it.
    pub(super) fn partitive(&self, p: &NumPhrase) -> bool {
        let after = |k: usize| self.toks.get(p.end + k).map(|t| t.lc.as_str());
        if after(0) == Some("из") && matches!(after(1), Some("них" | "которых")) {
            return true;
        }
        BEFORE.iter().any(|ws| {
            p.qual >= ws.len()
                && self.toks[p.qual - ws.len()..p.qual]
                    .iter()
                    .zip(ws.iter())
                    .all(|(t, w)| t.lc == *w)
        })
    }

    /// "один из пострадавших": the metric word at `j` right after "из". "Один из
    /// участников" names a speaker, not a count.
    pub(super) fn partitive_of(&self, p: &NumPhrase, j: usize) -> bool {
        j == p.end + 1
            && self.toks.get(p.end).is_some_and(|t| t.lc == "из")
            && self.metric_at(j).is_some_and(|(m, _)| m != "participants")
    }
}

#[cfg(test)]
mod tests {
    use crate::ru::tests::{row, summary};
    use newsledger_model::ValueKind::*;

    #[test]
    fn a_part_takes_the_metric_of_the_whole() {
        assert_eq!(
            summary("В Острине ранены 14 человек, среди них трое детей."),
            [
                row("injured", Exact, 14, Some(14), "unspecified"),
                row("injured", Exact, 3, Some(3), "children")
            ]
        );
        assert_eq!(
            summary("Задержаны 30 человек. Шесть из них оставлены под стражей."),
            [
                row("detained", Exact, 30, Some(30), "unspecified"),
                row("detained", Exact, 6, Some(6), "unspecified")
            ]
        );
        assert_eq!(
            summary("Один из пострадавших остается в тяжелом состоянии."),
            [row("injured", Exact, 1, Some(1), "unspecified")]
        );
        assert!(summary("«Мы останемся», — сказал один из участников шествия.").is_empty());
    }
}
