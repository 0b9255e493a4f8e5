//! Context rules drawn from how real reporting dates, sources and groups its counts, checked
//! through the mini pipeline on short texts written for these tests (none copied from news).

mod common;

use newsledger_model::Figure;

fn run(published: Option<&str>, text: &str) -> Vec<Figure> {
    common::figures(
        serde_json::json!({ "published": published, "outlet": "Harbour Wire" }),
        text,
    )
}

fn find(fs: &[Figure], metric: &str, low: u64) -> Figure {
    fs.iter()
        .find(|f| f.metric == metric && f.value.low == low)
        .cloned()
        .unwrap_or_else(|| panic!("no {metric} {low} in {fs:#?}"))
}

#[test]
fn the_day_next_to_the_report_verb_dates_an_unclaimed_figure() {
    let fs = run(
        Some("2034-04-09"),
        "Quake toll\nIn the hills alone, 310 people died in the quake, the Civil Defence Office [CDO] said on Friday.",
    );
    assert_eq!(
        find(&fs, "killed", 310).as_of.as_deref(),
        Some("2034-04-07")
    );
}

#[test]
fn the_day_a_quake_struck_does_not_date_its_growing_toll() {
    let fs = run(
        Some("2034-04-09"),
        "Quake toll\nAt least 900 people have been killed by the earthquake that struck the coast on Monday.",
    );
    assert_eq!(
        find(&fs, "killed", 900).as_of.as_deref(),
        Some("2034-04-09")
    );
    let fs = run(
        Some("2034-04-09"),
        "Quake toll\nThe earthquake on Monday has killed at least 700 people, officials said.",
    );
    assert_eq!(
        find(&fs, "killed", 700).as_of.as_deref(),
        Some("2034-04-09")
    );
    // a day the count itself describes still dates it
    let fs = run(
        Some("2034-04-09"),
        "Raid on the camp\nGunmen killed 14 villagers on Monday in a raid on the camp.",
    );
    assert_eq!(find(&fs, "killed", 14).as_of.as_deref(), Some("2034-04-03"));
}

#[test]
fn an_undated_report_is_dated_by_the_latest_day_it_states() {
    let fs = run(
        None,
        "Crossing\nThe dinghy left the beach on 3 April 2034. Four people drowned during the crossing.",
    );
    assert_eq!(find(&fs, "killed", 4).as_of.as_deref(), Some("2034-04-03"));
}

#[test]
fn a_pronoun_speaker_gives_every_figure_of_the_clause_its_source() {
    let fs = run(
        Some("2034-04-09"),
        "Floods\nMayor Lin Ode spoke to reporters at the town hall. He confirmed that 108 people had been evacuated, with eight treated in hospital.",
    );
    assert_eq!(find(&fs, "evacuated", 108).sources, vec!["Lin Ode"]);
    assert_eq!(find(&fs, "injured", 8).sources, vec!["Lin Ode"]);
}

#[test]
fn people_held_or_hurt_for_protesting_are_protesters() {
    let fs = run(
        Some("2034-04-09"),
        "Vote protests\nMore than 1,200 people have been detained for protesting against the vote, the interior minister said. Police detained 40 people at the border crossing on Friday.",
    );
    assert_eq!(find(&fs, "detained", 1200).group.class, "protesters");
    assert_eq!(find(&fs, "detained", 40).group.class, "unspecified");
}

#[test]
fn one_of_them_counts_the_group_named_before_it() {
    let fs = run(
        Some("2034-04-09"),
        "Clashes\nDuring the clashes, 139 police officers were hurt, two of which remain in hospital.",
    );
    assert_eq!(find(&fs, "injured", 2).group.class, "security_forces");
}

#[test]
fn a_nationality_is_not_a_civilian_class() {
    let fs = run(
        Some("2034-04-09"),
        "Rescue at sea\nThe coastguard said 45 Syrians were rescued off the cape on Saturday.",
    );
    assert_eq!(find(&fs, "rescued", 45).group.class, "unspecified");
}

#[test]
fn a_range_of_days_dates_the_figure_by_its_last_day() {
    let fs = run(
        Some("2034-04-09"),
        "Arrests\nA total of 2,310 people were arrested between 3 March 2034 and 6 April 2034 in the port, police said.",
    );
    assert_eq!(
        find(&fs, "detained", 2310).as_of.as_deref(),
        Some("2034-04-06")
    );
}

#[test]
fn an_undated_remark_takes_the_day_the_same_speaker_spoke() {
    let fs = run(
        Some("2034-04-09"),
        "Floods\nGovernor Lena Moor said on Tuesday that the river had burst its banks in three places. Moor added that 40 people were hurt in the town.",
    );
    assert_eq!(
        find(&fs, "injured", 40).as_of.as_deref(),
        Some("2034-04-04")
    );
}

#[test]
fn a_parenthetical_report_covers_the_count_after_it() {
    let fs = run(
        Some("2034-04-09"),
        "Market shooting\nA gunman opened fire in the covered market on Friday, police said, killing 12 people and wounding four.",
    );
    assert_eq!(find(&fs, "killed", 12).sources, vec!["police"]);
}

#[test]
fn a_storm_that_claimed_lives_is_not_a_speaker() {
    let fs = run(
        Some("2034-04-09"),
        "Storm\nThe storm claimed 40 more lives in the valley, raising the death toll to at least 95, rescue officials said on Tuesday.",
    );
    let f = find(&fs, "killed", 95);
    assert_eq!(f.sources, vec!["rescue officials"]);
    assert_eq!(f.as_of.as_deref(), Some("2034-04-04"));
}

#[test]
fn claims_by_a_body_that_another_denies_are_that_bodys() {
    let fs = run(
        Some("2034-04-09"),
        "Crackdown\nThe ministry has denied claims by rights groups that some 900 people had been detained.",
    );
    assert_eq!(find(&fs, "detained", 900).sources, vec!["rights groups"]);
}

#[test]
fn whoever_upgraded_a_toll_is_its_source() {
    let fs = run(
        Some("2034-04-09"),
        "Shooting\nCity police upgraded the toll to 14 dead on Friday night.",
    );
    assert_eq!(find(&fs, "killed", 14).sources, vec!["City police"]);
}

#[test]
fn a_headline_credit_is_the_headlines_source() {
    let fs = run(
        Some("2034-04-09"),
        "Nine dead in pier collapse – coastguard\nDivers searched the harbour through the night.",
    );
    assert_eq!(find(&fs, "killed", 9).sources, vec!["coastguard"]);
}

#[test]
fn people_taken_by_force_are_civilians() {
    let fs = run(
        Some("2034-04-09"),
        "Rescue\nSoldiers rescued 26 kidnapped people from a camp in the forest on Saturday, the army said.",
    );
    assert_eq!(find(&fs, "rescued", 26).group.class, "civilians");
}

#[test]
fn a_day_before_according_to_is_the_days_events() {
    let fs = run(
        Some("2034-04-09"),
        "Crackdown\nAt least 38 more protesters have been killed in the crackdown on Tuesday, according to the Arn Prisoners Support Group.",
    );
    assert_eq!(find(&fs, "killed", 38).as_of.as_deref(), Some("2034-04-04"));
}

#[test]
fn a_day_still_to_come_does_not_date_the_count() {
    let fs = run(
        Some("2034-04-09"),
        "Court\nOf those held, 27 have been charged with looting and will appear before a judge on Tuesday, according to the Tesh police.",
    );
    assert_eq!(
        find(&fs, "charged", 27).as_of.as_deref(),
        Some("2034-04-09")
    );
}

#[test]
fn the_agency_in_a_wire_report_is_not_the_wire() {
    let fs = common::figures(
        serde_json::json!({ "published": "2034-04-09", "outlet": "Harbour Wire Agency" }),
        "Volcano\nOfficially, 38,200 people have now been evacuated, the agency said.",
    );
    let f = find(&fs, "evacuated", 38200);
    assert_eq!(f.sources, vec!["agency"]);
}

#[test]
fn a_stance_is_not_where_a_count_in_its_reach_comes_from() {
    let fs = run(
        Some("2034-05-06"),
        "Talks on the border\nThe two prime ministers discussed reopening the crossing on Saturday, as dozens of customs officers were detained on suspicion of bribery.",
    );
    let f = find(&fs, "detained", 24);
    assert!(
        !f.sources.iter().any(|s| s.contains("prime minister")),
        "{:?}",
        f.sources
    );
}

#[test]
fn a_count_added_to_an_earlier_one_is_no_restatement() {
    let fs = run(
        Some("2034-04-09"),
        "Storm toll\nTwo people were killed by falling trees in the port. Another two people died as the storm moved inland, officials said.",
    );
    let killed: Vec<u64> = fs
        .iter()
        .filter(|f| f.metric == "killed")
        .map(|f| f.value.low)
        .collect();
    assert_eq!(killed, vec![2, 2]);
    // the same count stated again is one figure
    let fs = run(
        Some("2034-04-09"),
        "Storm toll\nTwo people were killed by falling trees in the port. The two people died on the quay, officials said.",
    );
    assert_eq!(fs.iter().filter(|f| f.metric == "killed").count(), 1);
    // an added count told twice is one figure
    let fs = run(
        Some("2034-04-09"),
        "Siege ends\nTroops killed two gunmen and captured three more after the siege. Soldiers captured three more fighters at the hotel, the ministry said.",
    );
    assert_eq!(fs.iter().filter(|f| f.metric == "detained").count(), 1);
}

#[test]
fn one_count_in_two_towns_is_two_figures() {
    let fs = run(
        Some("2034-04-09"),
        "Storm toll\nOfficials in Paris said two people were killed there. In Lyon, two people were killed by the floods.",
    );
    assert_eq!(fs.iter().filter(|f| f.metric == "killed").count(), 2);
    // sentences that name both places tell one count twice
    let fs = run(
        Some("2034-04-09"),
        "Storm toll\nTwo people were killed in Paris and Lyon. Rescuers in Lyon and Paris said two people were killed.",
    );
    assert_eq!(fs.iter().filter(|f| f.metric == "killed").count(), 1);
    // a town and its country are one place told twice
    let fs = run(
        Some("2034-04-09"),
        "Storm kills two in France\nTwo people were killed in Lyon by the floods.",
    );
    assert_eq!(fs.iter().filter(|f| f.metric == "killed").count(), 1);
}

#[test]
fn staff_sent_to_a_crisis_are_a_crew_not_civilians() {
    let fs = run(
        Some("2034-04-09"),
        "Quake relief\nThe agency said 900 emergency personnel had been deployed to the valley. Some 40 rescue workers were sent to the mine. Two rescue workers were hurt by falling rocks.",
    );
    let class = |m: &str, n: u64| find(&fs, m, n).group.class;
    assert_eq!(class("deployed", 900), "unspecified");
    assert_eq!(class("deployed", 40), "unspecified");
    // hurt, they are civilians; troops sent stay security forces
    assert_eq!(class("injured", 2), "civilians");
    let fs = run(
        Some("2034-04-09"),
        "Quake relief\nSome 300 soldiers were deployed to the valley.",
    );
    assert_eq!(find(&fs, "deployed", 300).group.class, "security_forces");
}
