//! Forces a country or body keeps somewhere: "the UN has 3,000 troops in the east",
//! "the ministry now has 900 police officers on the border".

use super::*;

/// has/have/had/keeps/maintains count security-forces noun in/on/across/along/at …
pub(super) fn read_forces_present(toks: &[Tok], np: &NumPhrase) -> Option<Reading> {
    let v = toks.get(np.start.checked_sub(1)?)?;
    if !matches!(
        v.lower.as_ref(),
        "has" | "have" | "had" | "keeps" | "kept" | "maintains" | "maintained"
    ) {
        return None;
    }
    let g = parse_group(toks, np.end);
    // troops and police only: staff a body "has" are its workforce
    if g.toks.is_none() || g.things || g.nogroup || g.class != "security_forces" {
        return None;
    }
    let at = toks.get(g.end)?;
    if !matches!(
        at.lower.as_ref(),
        "in" | "on" | "across" | "along" | "at" | "inside" | "stationed" | "deployed"
    ) {
        return None;
    }
    // "had 12 officers in custody", "has 40 soldiers in hospital": another metric
    if metric_at(toks, g.end).is_some() {
        return None;
    }
    Some(Reading::deployed_crew(g, "forces-present"))
}

#[cfg(test)]
mod tests {
    //! Unit tests on sentences written for these tests (none copied from news text).
    use crate::detect::test_util::*;

    #[test]
    fn forces_a_body_keeps_somewhere_are_deployed() {
        assert_eq!(
            d("The alliance has 3,000 troops in the eastern provinces."),
            vec![("deployed", Exact, 3000, Some(3000), "security_forces")]
        );
        assert_eq!(
            metrics("The ministry now has 900 soldiers on the border."),
            vec![("deployed", 900)]
        );
        // a workforce, or troops with no place, are no deployment
        none("The hospital has 300 doctors in its main building.");
        none("The army has 30,000 soldiers.");
        // soldiers held are detained, not deployed
        assert_eq!(
            metrics("The rebels had 12 soldiers in custody."),
            vec![("detained", 12)]
        );
    }
}
