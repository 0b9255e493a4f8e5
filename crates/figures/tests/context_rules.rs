//! Document-level rules of the figures stage (dates, sources, restatements), checked through
//! the mini pipeline segment → time → entities → claims → figures on short texts written for
//! these tests.

mod common;

use newsledger_model::Figure;

fn run(published: &str, outlet: &str, text: &str) -> Vec<Figure> {
    common::figures(
        serde_json::json!({ "published": published, "outlet": outlet }),
        text,
    )
}

fn find(fs: &[Figure], metric: &str, low: u64) -> Option<Figure> {
    fs.iter()
        .find(|f| f.metric == metric && f.value.low == low)
        .cloned()
}

#[test]
fn an_older_event_recalled_as_background_is_no_figure() {
    let fs = run(
        "2034-04-02",
        "Harbour Wire",
        "Storm surge floods the delta\nAt least 12 people drowned in the delta on Tuesday, officials said. The region's worst floods, in 2011, killed more than 900 people.",
    );
    assert!(find(&fs, "killed", 12).is_some(), "{fs:#?}");
    assert!(find(&fs, "killed", 900).is_none(), "{fs:#?}");
}

#[test]
fn a_dateline_does_not_date_the_figure() {
    let fs = run(
        "2034-04-02",
        "Harbour Wire",
        "Delta storm\nPORT ELLIS, April 2 (Harbour Wire) - Nine fishermen died when their old trawler capsized and sank off the northern cape on Monday, the coastguard said.",
    );
    let f = find(&fs, "killed", 9).expect("the toll");
    assert_eq!(f.as_of.as_deref(), Some("2034-03-27"), "{f:#?}");
}

#[test]
fn a_key_figures_header_dates_the_lines_below_it() {
    let fs = run(
        "2034-04-02",
        "Harbour Relief Network",
        "Situation update\nKey figures (as of 30 March 2034):\nDeaths: 44\nPeople displaced: 8,000\nThe network thanks its donors.",
    );
    let f = find(&fs, "killed", 44).expect("the deaths line");
    assert_eq!(f.as_of.as_deref(), Some("2034-03-30"), "{f:#?}");
}

#[test]
fn a_breakdown_keeps_its_own_dated_moment() {
    let fs = run(
        "2034-04-07",
        "Harbour Wire",
        "Tunnel collapse\nTwenty workers were trapped when the tunnel caved in on Tuesday. Twelve of them were rescued on Thursday.",
    );
    let f = find(&fs, "rescued", 12).expect("the rescued");
    assert_eq!(f.as_of.as_deref(), Some("2034-04-06"), "{f:#?}");
}

#[test]
fn whoever_counted_a_figure_is_its_source() {
    let fs = run(
        "2034-04-06",
        "Harbour Wire",
        "Rallies\nThe Interior Ministry counted 52,000 demonstrators in the capital.",
    );
    let f = find(&fs, "participants", 52_000).expect("the crowd");
    assert_eq!(f.sources, vec!["Interior Ministry".to_string()], "{f:#?}");
}

#[test]
fn a_headline_speaker_named_in_the_lede_is_one_record_with_the_ledes_source() {
    let fs = run(
        "2034-04-07",
        "Harbour Wire",
        "Mortar fire kills 14 soldiers, army says\nMortar fire hit a base near the border on Wednesday, killing 14 soldiers, the army's chief of staff, Ivo Darrel, said.",
    );
    let all: Vec<&Figure> = fs
        .iter()
        .filter(|f| f.metric == "killed" && f.value.low == 14)
        .collect();
    assert_eq!(all.len(), 1, "{fs:#?}");
    assert_eq!(all[0].as_of.as_deref(), Some("2034-04-05"), "{fs:#?}");
}

#[test]
fn a_live_page_entry_time_does_not_date_the_figure() {
    let fs = run(
        "2034-04-07",
        "Harbour Live",
        "Floods: live\n11:20 The fire service says 37 people have been rescued from the roofs, up from 20 at dawn.",
    );
    let f = find(&fs, "rescued", 37).expect("the rescued");
    assert_eq!(f.as_of.as_deref(), Some("2034-04-07"), "{f:#?}");
}

#[test]
fn another_bodys_office_is_not_the_office_named_before() {
    let fs = run(
        "2034-04-07",
        "Harbour Wire",
        "Floods\nThe regional health office says 16 people have died.\nFour people are missing in Dunrow, the mayor's office said.",
    );
    let f = find(&fs, "missing", 4).expect("the missing");
    let origin = f.sources.first().map(|s| s.to_lowercase());
    assert_eq!(origin.as_deref(), Some("mayor's office"), "{f:#?}");
}

#[test]
fn an_apposition_does_not_part_a_figure_from_its_date() {
    let fs = run(
        "2034-04-07",
        "Harbour Wire",
        "Convoy attacked\nOne guard, the convoy's driver, was killed when the lorries were ambushed on Tuesday, officials said.",
    );
    let f = find(&fs, "killed", 1).expect("the guard");
    assert_eq!(f.as_of.as_deref(), Some("2034-04-04"), "{f:#?}");
}

#[test]
fn a_restated_headline_takes_the_group_named_in_the_body() {
    let fs = run(
        "2034-04-07",
        "Harbour Wire",
        "Police killed dozens in Ellis, monitors say\nDozens of protesters were killed by police in Ellis on Thursday, the monitors said.",
    );
    let all: Vec<&Figure> = fs.iter().filter(|f| f.metric == "killed").collect();
    assert_eq!(all.len(), 1, "{fs:#?}");
    assert_eq!(all[0].group.class, "protesters", "{fs:#?}");
}
