//! `as_of` is always a day; a week, weekend, month, season or year that dates the counted
//! events goes to `period` (shared spec, figures.md). Checked through the mini pipeline
//! segment → time → entities → claims → figures on sentences written for these tests.

mod common;

use newsledger_model::Figure;

/// Published on Wednesday 15 June 2033 (ISO week 24).
const PUBLISHED: &str = "2033-06-15";

fn run(text: &str) -> Vec<Figure> {
    common::figures(serde_json::json!({ "published": PUBLISHED }), text)
}

fn one(text: &str, metric: &str, low: u64) -> Figure {
    let fs = run(text);
    fs.iter()
        .find(|f| f.metric == metric && f.value.low == low)
        .cloned()
        .unwrap_or_else(|| panic!("no {metric} {low} in {fs:#?}"))
}

fn is_day(v: Option<&str>) -> bool {
    v.is_some_and(|v| {
        v.len() == 10
            && v.bytes()
                .enumerate()
                .all(|(i, b)| matches!(i, 4 | 7) || b.is_ascii_digit())
    })
}

#[test]
fn a_week_dates_the_events_and_the_statement_day_is_the_as_of() {
    let f = one(
        "Last week at least 30 people were killed in clashes in the capital, the health ministry said on Monday.",
        "killed",
        30,
    );
    assert_eq!(f.as_of.as_deref(), Some("2033-06-13"), "{f:#?}");
    assert_eq!(f.period.as_deref(), Some("2033-W23"), "{f:#?}");
}

#[test]
fn a_weekend_a_month_a_season_and_a_year_fall_back_to_the_publication_day() {
    for (text, metric, low, period) in [
        (
            "Over the weekend police detained 120 protesters in the port city of Varn.",
            "detained",
            120,
            "2033-W23-WE",
        ),
        (
            "The violence in March left 14 people dead in the border villages.",
            "killed",
            14,
            "2033-03",
        ),
        (
            "This summer 4,000 people have been displaced by floods along the river.",
            "displaced",
            4000,
            "2033-SU",
        ),
        (
            "Last year 85 miners were killed in collapses across the province.",
            "killed",
            85,
            "2032",
        ),
    ] {
        let f = one(text, metric, low);
        assert_eq!(f.as_of.as_deref(), Some(PUBLISHED), "{text}: {f:#?}");
        assert_eq!(f.period.as_deref(), Some(period), "{text}: {f:#?}");
    }
}

#[test]
fn an_explicit_as_of_day_beats_the_statement_day() {
    let f = one(
        "As of Sunday, 40 people had died in the outbreak, the ministry said on Monday.",
        "killed",
        40,
    );
    assert_eq!(f.as_of.as_deref(), Some("2033-06-12"), "{f:#?}");
    assert_eq!(f.period, None);
}

#[test]
fn a_day_the_figure_describes_stays_its_as_of_with_no_period() {
    let f = one(
        "Twelve people were killed when a bus overturned near Dorrin on Tuesday, police said.",
        "killed",
        12,
    );
    assert_eq!(f.as_of.as_deref(), Some("2033-06-14"), "{f:#?}");
    assert_eq!(f.period, None);
}

#[test]
fn every_as_of_is_a_day_or_null() {
    let text = "Earlier this month 200 people were arrested in the capital. In the spring \
                about 3,000 residents fled the valley, aid groups said last week. So far this \
                year 57 journalists have been detained, the press union said in a statement.";
    for f in run(text) {
        assert!(f.as_of.is_none() || is_day(f.as_of.as_deref()), "{f:#?}");
    }
}
