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

    /// True when the sentence opens with the part ("Из них 204 …", "Шесть из них …"): it
    /// may then take the metric of the count in the sentence before.
    pub(super) fn opens_with_part(&self, p: &NumPhrase) -> bool {
        let first = self.toks.iter().position(|t| !t.punct).unwrap_or(0);
        p.qual == first
            || BEFORE
                .iter()
                .any(|ws| p.qual == first + ws.len() && self.partitive(p))
    }

    /// "одного из лидеров", "одна из спасенных девочек", "один из фигурантов": one person
    /// singled out, not a count. Only "один из пострадавших (погибших)" in the nominative
    /// counts a toll ("один из них в реанимации").
    pub(super) fn one_of_someone(&self, p: &NumPhrase, metric: &str) -> bool {
        let one = p.end == p.qual + 1 && p.low == 1 && p.high == Some(1);
        let of = self.toks.get(p.end).is_some_and(|t| t.lc == "из");
        let nominative = matches!(self.toks[p.qual].lc.as_str(), "один" | "одна" | "одно");
        one && of && !(nominative && matches!(metric, "injured" | "killed"))
    }

    /// "В Москве задержаны 95 человек. В Острине 62. В Велморе — 30.": a short sentence of
    /// a place and a number only goes on with the count of the sentence before.
    pub(super) fn elliptical(&self, p: &NumPhrase) -> bool {
        let words: Vec<&str> = self
            .toks
            .iter()
            .filter(|t| !t.punct)
            .map(|t| t.lc.as_str())
            .collect();
        let opens = matches!(words.first(), Some(&("в" | "во")));
        let ends = self.toks[p.end..]
            .iter()
            .all(|t| matches!(t.lc.as_str(), "." | "!" | ";"));
        opens && ends && words.len() <= 5
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
        assert!(summary("Полиция задержала одного из лидеров партии.").is_empty());
        assert_eq!(
            summary("В Острине задержаны 95 человек. В Велморе 62. В Талвине - 30."),
            [
                row("detained", Exact, 95, Some(95), "unspecified"),
                row("detained", Exact, 62, Some(62), "unspecified"),
                row("detained", Exact, 30, Some(30), "unspecified")
            ]
        );
        assert!(summary("В Острине задержаны 95 человек. В 2029 году их было 62.").len() == 1);
        assert!(summary("На снимке одна из спасенных девочек.").is_empty());
        // A part takes the metric of a count in the sentence before only when it opens
        // its sentence.
        assert_eq!(
            summary("Эвакуированы 50 жителей. В доме жили 80 человек, в том числе трое детей."),
            [row("evacuated", Exact, 50, Some(50), "civilians")]
        );
    }
}
