//! Words around a Russian count that change what it counts (`data/figures/ru/context.tsv`):
//! people taking part in a rescue operation are personnel deployed; security forces that
//! "выехали" were sent, not displaced; "отец двоих детей" counts no one hurt; "пострадали
//! от наводнений" counts people affected, not injured.

use super::lexicon::LEX;
use super::numbers::NumPhrase;
use super::Sent;

impl Sent<'_> {
    /// The metric as its sentence reads it: `participants` in a sentence about a search or
    /// rescue operation, and `displaced` of security forces, are `deployed`; rescuers that
    /// "выехали к месту" displace no one (None).
    pub(super) fn metric_in_context(
        &self,
        metric: &'static str,
        class: &str,
    ) -> Option<&'static str> {
        let rescue = || {
            self.toks
                .iter()
                .any(|t| t.is_word() && LEX.in_context("rescue_work", &t.lc))
        };
        Some(match metric {
            "participants" if rescue() => "deployed",
            "displaced" if class == "security_forces" => "deployed",
            "displaced" if rescue() => return None,
            "displaced" if self.in_sentence("evacuation") => "evacuated",
            _ => metric,
        })
    }

    /// True when the word at `j` is a form whose stem only collides with a metric word's
    /// ("митинга" and "митингующих").
    pub(super) fn not_metric(&self, j: usize) -> bool {
        let lc = self.toks[j].lc.as_str();
        LEX.context
            .iter()
            .any(|(w, r)| *r == "not_metric" && *w == lc)
    }

    /// True when a word of the sentence begins with a word of this role.
    fn in_sentence(&self, role: &str) -> bool {
        self.toks
            .iter()
            .any(|t| t.is_word() && LEX.in_context(role, &t.lc))
    }

    /// True when a word of kinship stands right before the phrase ("отец двоих детей").
    pub(super) fn kin_before(&self, p: &NumPhrase) -> bool {
        p.qual > 0 && LEX.in_context("kin", &self.toks[p.qual - 1].lc)
    }

    /// True when the `injured` word at `mj` is "пострадали от" a disaster: people affected.
    pub(super) fn affected(&self, metric: &str, mj: usize) -> bool {
        let word = |k: usize| self.toks.get(mj + k).map_or("", |t| t.lc.as_str());
        metric == "injured"
            && word(0).starts_with("пострада")
            && word(1) == "от"
            && LEX.in_context("affected_by", word(2))
    }
}

#[cfg(test)]
mod tests {
    use crate::ru::tests::{row, summary};
    use newsledger_model::ValueKind::*;

    #[test]
    fn rescue_workers_kin_and_the_affected() {
        assert_eq!(
            summary("В поисковой операции на руднике участвовали 120 человек."),
            [row("deployed", Exact, 120, Some(120), "unspecified")]
        );
        assert_eq!(
            summary("На место выехали 40 спасателей."),
            [row("deployed", Exact, 40, Some(40), "security_forces")]
        );
        assert!(summary("Погиб отец троих детей, сообщили в больнице.").len() <= 1);
        assert!(summary("Погиб отец троих детей.").iter().all(|r| r.2 != 3));
        assert_eq!(
            summary("Около 40 участников митинга в Острине задержаны."),
            [row("detained", Approx, 40, Some(40), "protesters")]
        );
        assert_eq!(
            summary("В зоне отселения живут тысячи людей, свыше 800 человек уже выехали."),
            [row("evacuated", AtLeast, 800, None, "unspecified")]
        );
        assert!(summary("Спасатели выехали к месту, где под завалами трое туристов.").is_empty());
        assert!(summary("Более двух миллионов человек пострадали от наводнений.").is_empty());
        assert_eq!(
            summary("От взрыва пострадали 12 человек."),
            [row("injured", Exact, 12, Some(12), "unspecified")]
        );
    }
}
