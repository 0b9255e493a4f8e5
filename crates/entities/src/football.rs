//! Sports reports name football clubs by their town ("Chelsea beat Hull"): in a report
//! that names a league or two clubs by their full names, a town that is also a club's name
//! is the club. Clubs and leagues
//! are in `data/entities/football_clubs.tsv`.

use crate::names::{NameCand, Reading};
use newsledger_model::Document;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap as HashMap;

static CLUBS_TSV: &str = include_str!("../../../data/entities/football_clubs.tsv");

/// Name a report uses → the club's full name.
static CLUBS: Lazy<HashMap<&'static str, &'static str>> = Lazy::new(|| {
    CLUBS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
});

/// Leagues and cups whose naming makes a report a football report.
const LEAGUES: [&str; 8] = [
    "Premier League",
    "Football League",
    "League One",
    "League Two",
    "FA Cup",
    "Champions League",
    "Europa League",
    "EFL",
];

/// A football report: it names a club and a league or cup, or two clubs by full names
/// ("Newcastle United", "Crystal Palace").
fn is_football_report(doc: &Document, cands: &[NameCand]) -> bool {
    let mut full_names: Vec<&str> = cands
        .iter()
        .filter_map(|c| CLUBS.get(c.text.as_str()).filter(|f| **f == c.text))
        .copied()
        .filter(|f| f.contains(' '))
        .collect();
    full_names.sort_unstable();
    full_names.dedup();
    full_names.len() >= 2 || LEAGUES.iter().any(|l| doc.text.contains(l))
}

/// In a football report, names of clubs are read as the clubs, one cluster per club
/// whichever of its names the report uses.
pub fn read_clubs(doc: &Document, cands: &mut [NameCand]) {
    let any_club = cands.iter().any(|c| CLUBS.contains_key(c.text.as_str()));
    if !any_club || !is_football_report(doc, cands) {
        return;
    }
    for c in cands.iter_mut() {
        let reading_fits = matches!(
            c.reading,
            Reading::Place { .. }
                | Reading::Region { .. }
                | Reading::Person
                | Reading::Single
                | Reading::Org(_)
        );
        if !reading_fits || !c.roles.is_empty() {
            continue;
        }
        if let Some(full) = CLUBS.get(c.text.as_str()) {
            c.reading = Reading::Org("sports");
            c.text = (*full).to_string();
            c.weak = false;
            c.titled = false;
            c.cue = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_names::names;
    use newsledger_model::EntityType;

    #[test]
    fn towns_are_clubs_in_a_league_report() {
        let n = names(
            "Chelsea beat Hull City 2-0 to stay top of the Premier League. Hull had chances.",
        );
        assert!(n.contains(&("Chelsea".into(), EntityType::Org)), "{n:?}");
        assert!(n.contains(&("Hull City".into(), EntityType::Org)), "{n:?}");
        assert!(n.contains(&("Hull".into(), EntityType::Org)), "{n:?}");
    }

    #[test]
    fn two_full_club_names_make_a_football_report() {
        let n = names("Newcastle United held Crystal Palace at home, and Brighton lost again.");
        assert!(n.contains(&("Brighton".into(), EntityType::Org)), "{n:?}");
    }

    #[test]
    fn towns_stay_places_elsewhere() {
        let n = names("Floods closed roads around Hull and Sunderland on Monday.");
        assert!(n.contains(&("Hull".into(), EntityType::Place)), "{n:?}");
    }
}
