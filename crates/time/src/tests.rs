use super::*;
use newsledger_model::TimexType;

fn d(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// (text, value) pairs of the timexes found in `text` published on `dct`.
fn tv(text: &str, dct: &str) -> Vec<(String, String)> {
    find_timexes(text, d(dct))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn has(text: &str, dct: &str, span: &str, value: &str) {
    let got = tv(text, dct);
    assert!(
        got.iter().any(|(t, v)| t == span && v == value),
        "expected {span:?} = {value} in {text:?}, got {got:?}"
    );
}

fn none(text: &str, dct: &str) {
    let got = tv(text, dct);
    assert!(got.is_empty(), "expected no timex in {text:?}, got {got:?}");
}

#[test]
fn weekdays_follow_tense() {
    // 2022-01-08 is a Saturday.
    has(
        "The two leaders spoke on Saturday.",
        "2022-01-08",
        "Saturday",
        "2022-01-08",
    );
    has(
        "The minister said Friday that talks failed.",
        "2022-01-08",
        "Friday",
        "2022-01-07",
    );
    has(
        "Crowds gathered on Wednesday outside the hall.",
        "2022-01-08",
        "Wednesday",
        "2022-01-05",
    );
    has(
        "The court will rule on Monday.",
        "2022-01-08",
        "Monday",
        "2022-01-10",
    );
    has(
        "Voting is scheduled for Thursday.",
        "2022-01-08",
        "Thursday",
        "2022-01-13",
    );
    has(
        "The union met last Monday.",
        "2022-01-08",
        "last Monday",
        "2022-01-03",
    );
    has(
        "Fresh rain fell Saturday morning.",
        "2022-01-08",
        "Saturday morning",
        "2022-01-08TMO",
    );
}

#[test]
fn month_days_take_the_year_from_the_dct() {
    has(
        "On January 5, crowds stormed the square.",
        "2022-01-08",
        "January 5",
        "2022-01-05",
    );
    has(
        "Clashes began on 5 January.",
        "2022-01-08",
        "5 January",
        "2022-01-05",
    );
    has(
        "Rebels took the town on Jan. 5.",
        "2022-01-08",
        "Jan. 5",
        "2022-01-05",
    );
    // Rollover: a late-December date read in early January is last year's.
    has(
        "The fire started on December 28.",
        "2022-01-08",
        "December 28",
        "2021-12-28",
    );
    // And an early-January date announced in late December is next year's.
    has(
        "The vote will be held on January 9.",
        "2021-12-20",
        "January 9",
        "2022-01-09",
    );
    has(
        "He declared January 10 a day of mourning.",
        "2022-01-08",
        "January 10",
        "2022-01-10",
    );
    has(
        "The report came out on March 3, 2019.",
        "2022-01-08",
        "March 3, 2019",
        "2019-03-03",
    );
    has(
        "As of January 7, nine were missing.",
        "2022-01-08",
        "January 7",
        "2022-01-07",
    );
}

#[test]
fn without_a_dct_years_stay_unknown() {
    has(
        "The bridge fell on January 10.",
        "",
        "January 10",
        "XXXX-01-10",
    );
    has("The bridge fell on Tuesday.", "", "Tuesday", "XXXX-WXX-2");
}

#[test]
fn months_and_years() {
    has(
        "He stepped down in March 2019 after a long rule.",
        "2022-01-08",
        "March 2019",
        "2019-03",
    );
    has("The union collapsed in 1991.", "2022-01-08", "1991", "1991");
    has(
        "The agency's 2018 annual review criticised it.",
        "2022-01-08",
        "2018",
        "2018",
    );
    has(
        "The 2015 presidential vote was disputed.",
        "2022-01-08",
        "2015",
        "2015",
    );
    has(
        "Prices have risen since October.",
        "2022-01-08",
        "October",
        "2021-10",
    );
    has(
        "Talks resume in early 2023.",
        "2022-06-01",
        "early 2023",
        "2023",
    );
    has(
        "The dam was built in the 1960s.",
        "2022-06-01",
        "1960s",
        "196",
    );
}

#[test]
fn numbers_that_are_not_years() {
    none("Police detained 2000 people in the capital.", "2022-01-08");
    none("About 1500 troops arrived.", "2022-01-08");
    none("They marched past 2,000 homes.", "2022-01-08");
    none("Turnout reached 2015 voters in the ward.", "2022-01-08");
    none("Flight 1549 came down on the river.", "2022-01-08");
}

#[test]
fn verbs_and_names_are_not_months_or_days() {
    none("Officials may extend the curfew.", "2022-01-08");
    none("Thousands plan to march on the capital.", "2022-01-08");
    none("May I ask a question?", "2022-01-08");
    none("The Sunday Times reported the leak.", "2022-01-08");
    none("Prime Minister Theresa May resigned.", "2022-01-08");
    none("Khabar 24 showed the crowds.", "2022-01-08");
    none("The 15 former republics signed.", "2022-01-08");
    none("Black Monday still haunts traders.", "2022-01-08");
}

#[test]
fn relative_expressions() {
    let t =
        "On January 5, crowds stormed the airport. The violence continued into the following day.";
    has(t, "2022-01-08", "the following day", "2022-01-06");
    has(
        "Protests began earlier this week.",
        "2022-01-08",
        "earlier this week",
        "2022-W01",
    );
    has(
        "Prices rose last month.",
        "2022-01-08",
        "last month",
        "2021-12",
    );
    has("Output fell last year.", "2022-01-08", "last year", "2021");
    has(
        "The riots of recent days shocked many.",
        "2022-01-08",
        "recent days",
        "PAST_REF",
    );
    has(
        "The hall burned two days ago.",
        "2022-01-08",
        "two days ago",
        "2022-01-06",
    );
    has(
        "The strike is now in its third week.",
        "2022-01-08",
        "now",
        "PRESENT_REF",
    );
    has(
        "Power is currently out.",
        "2022-01-08",
        "currently",
        "PRESENT_REF",
    );
    has(
        "It may change in the future.",
        "2022-01-08",
        "the future",
        "FUTURE_REF",
    );
    has(
        "The minister resigned yesterday.",
        "2022-01-08",
        "yesterday",
        "2022-01-07",
    );
    has(
        "The ferry sails today.",
        "2022-01-08",
        "today",
        "2022-01-08",
    );
    has(
        "A curfew starts tonight.",
        "2022-01-08",
        "tonight",
        "2022-01-08TNI",
    );
    has(
        "Shops close this week.",
        "2022-01-08",
        "this week",
        "2022-W01",
    );
    has(
        "The strike ended last week.",
        "2022-01-08",
        "last week",
        "2021-W52",
    );
    let t = "The quake struck on March 2. Three days later, aid arrived.";
    has(t, "2022-03-10", "Three days later", "2022-03-05");
}

#[test]
fn durations_and_sets() {
    has(
        "He ruled for nearly three decades.",
        "2022-01-08",
        "nearly three decades",
        "P3DE",
    );
    has(
        "Guards searched for three days.",
        "2022-01-08",
        "three days",
        "P3D",
    );
    has("It followed days of violence.", "2022-01-08", "days", "PXD");
    has(
        "Within 24 hours the fire was out.",
        "2022-01-08",
        "24 hours",
        "PT24H",
    );
    has("Rescuers worked for hours.", "2022-01-08", "hours", "PTXH");
    has(
        "The plant runs every day.",
        "2022-01-08",
        "every day",
        "P1D",
    );
    has("Trains run daily.", "2022-01-08", "daily", "P1D");
    has(
        "It lasted two and a half years.",
        "2022-01-08",
        "two and a half years",
        "P2.5Y",
    );
    has(
        "A 12-hour curfew was imposed.",
        "2022-01-08",
        "12-hour",
        "PT12H",
    );
    // Ages describe a person, not a span of time: TimeBank and AQUAINT (the TempEval-3
    // training data) never mark them, so neither do we.
    none("A 45-year-old man was held.", "2022-01-08");
    none("The victim was 45 years old.", "2022-01-08");
    let tx = find_timexes("He ruled for nearly three decades.", d("2022-01-08"));
    assert_eq!(tx[0].kind, TimexType::Duration);
    assert_eq!(tx[0].modifier.as_deref(), Some("APPROX"));
}

#[test]
fn clock_times() {
    has(
        "Troops fired at 3 p.m. on Saturday.",
        "2022-01-08",
        "3 p.m. on Saturday",
        "2022-01-08T15:00",
    );
    has(
        "The blast came at 18:00 UTC on Tuesday.",
        "2009-12-16",
        "18:00 UTC on Tuesday",
        "2009-12-15T18:00Z",
    );
    has(
        "Shots rang out overnight.",
        "2022-01-08",
        "overnight",
        "2022-01-07TNI",
    );
}

#[test]
fn dates_in_other_forms() {
    has(
        "NUR-SULTAN, January 7. /TASS/ Troops landed.",
        "2022-01-08",
        "January 7",
        "2022-01-07",
    );
    has(
        "The filing is dated 2021-11-30.",
        "2022-01-08",
        "2021-11-30",
        "2021-11-30",
    );
    has(
        "Results for the third quarter of 2009 were weak.",
        "2009-11-03",
        "the third quarter of 2009",
        "2009-Q3",
    );
    has(
        "Sales slumped in the fourth quarter.",
        "2007-01-18",
        "the fourth quarter",
        "2006-Q4",
    );
    has(
        "Saturday, January 8, was calm.",
        "2022-01-09",
        "Saturday, January 8",
        "2022-01-08",
    );
}

#[test]
fn ids_spans_and_anchors() {
    let text = "Crowds met on Saturday. On January 5 shops shut; the following day they reopened.";
    let tx = find_timexes(text, d("2022-01-08"));
    let ids: Vec<&str> = tx.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2", "t3"]);
    for t in &tx {
        assert_eq!(&text[t.span.start()..t.span.end()], t.text);
    }
    assert_eq!(tx[0].anchor.as_deref(), Some("DCT"));
    assert_eq!(tx[2].anchor.as_deref(), Some("t2"));
}

#[test]
fn never_panics_on_odd_text() {
    let odd = [
        "",
        "\u{0}",
        "ééé January",
        "31 February",
        "May 32",
        "Jan.",
        "the ’80s and ’90s",
        "９月 2022年",
        "2022-13-45",
        "99:99 p.m.",
        "12/31/99",
        "\u{200b}Monday\u{200b}",
        "a a a a days days",
        "Q4 Q5 H3",
        "on Saturday\r\n\r\nSunday",
    ];
    for t in odd {
        let _ = find_timexes(t, d("2022-01-08"));
        let _ = find_timexes(t, None);
    }
    for n in 0..200u32 {
        let s: String = (0..40)
            .map(|i| char::from_u32((n * 7919 + i * 104729) % 0x3000).unwrap_or('x'))
            .collect();
        let _ = find_timexes(&s, d("2022-01-08"));
    }
}

#[test]
fn value_to_date() {
    assert_eq!(resolve_value_to_date("2022-01-08"), d("2022-01-08"));
    assert_eq!(resolve_value_to_date("2022-01-08TMO"), d("2022-01-08"));
    assert_eq!(resolve_value_to_date("2022-W01"), d("2022-01-03"));
    assert_eq!(resolve_value_to_date("2019-03"), d("2019-03-01"));
    assert_eq!(resolve_value_to_date("2015"), d("2015-01-01"));
    assert_eq!(resolve_value_to_date("PAST_REF"), None);
    assert_eq!(resolve_value_to_date("P3D"), None);
    assert_eq!(resolve_value_to_date("XXXX-01-10"), None);
}

#[test]
fn timeml_is_escaped_and_tagged() {
    use newsledger_model::{Document, Meta};
    let mut doc = Document::new(
        "doc<1>",
        "Rates & fees rose on Saturday.",
        Meta {
            published: d("2022-01-08"),
            ..Meta::default()
        },
    );
    doc.layers.timexes = find_timexes(&doc.text, doc.meta.published);
    let x = timeml::to_timeml(&doc);
    assert!(x.contains("<DOCID>doc&lt;1&gt;</DOCID>"));
    assert!(x.contains("functionInDocument=\"CREATION_TIME\">2022-01-08</TIMEX3>"));
    assert!(x.contains(
        "Rates &amp; fees rose on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-08\""
    ));
    assert!(x.contains(">Saturday</TIMEX3>."));
}

#[test]
fn business_news_conventions() {
    // 1998-10-28 was a Wednesday.
    let dct = "1998-10-28";
    has(
        "The chain said Tuesday that third-quarter profit fell.",
        dct,
        "Tuesday",
        "1998-10-27",
    );
    has(
        "The chain said Tuesday that third-quarter profit fell.",
        dct,
        "third-quarter",
        "1998-Q3",
    );
    has(
        "Fourth-quarter sales rose sharply.",
        "1999-01-20",
        "Fourth-quarter",
        "1998-Q4",
    );
    has(
        "Revenue for the nine months rose 4%.",
        dct,
        "the nine months",
        "P9M",
    );
    has(
        "Profit doubled from a year earlier.",
        dct,
        "a year earlier",
        "1997",
    );
    has(
        "Net income for fiscal 1998 was flat.",
        dct,
        "fiscal 1998",
        "1998",
    );
    has(
        "Stocks ended higher in late trading Monday night.",
        dct,
        "Monday night",
        "1998-10-26TNI",
    );
    has(
        "Losses piled up over the past 12 months.",
        dct,
        "the past 12 months",
        "P12M",
    );
    has(
        "The plant will close over the next four years.",
        dct,
        "the next four years",
        "P4Y",
    );
    has("Growth slowed in the 1980s.", dct, "1980s", "198");
    has(
        "He faces up to 10 years in prison.",
        dct,
        "up to 10 years",
        "P10Y",
    );
    has(
        "The talks stalled in mid-December.",
        "1999-01-20",
        "mid-December",
        "1998-12",
    );
    has("Dividends are paid quarterly.", dct, "quarterly", "P3M");
    has(
        "The fund lost $3 a share, or 2% a year.",
        dct,
        "a year",
        "P1Y",
    );
}

#[test]
fn weekends_holidays_seasons() {
    // 2022-01-10 was a Monday.
    has(
        "Crowds gathered over the weekend.",
        "2022-01-10",
        "the weekend",
        "2022-W01-WE",
    );
    has(
        "Crowds will gather this weekend.",
        "2022-01-10",
        "this weekend",
        "2022-W02-WE",
    );
    has(
        "Shops were shut on Christmas Day.",
        "2022-01-10",
        "Christmas Day",
        "2021-12-25",
    );
    has(
        "Parliament meets again in the spring.",
        "2022-01-10",
        "spring",
        "2022-SP",
    );
    has(
        "The drought began last summer.",
        "2022-01-10",
        "last summer",
        "2021-SU",
    );
    none("Activists of the Arab Spring met.", "2022-01-10");
}

#[test]
fn tense_cues_pick_the_direction() {
    // 2022-01-08 is a Saturday; cues are the words nearest the expression.
    has(
        "The party plans to hold a rally on Tuesday.",
        "2022-01-08",
        "Tuesday",
        "2022-01-11",
    );
    has(
        "The rally on Tuesday drew thousands, police said.",
        "2022-01-08",
        "Tuesday",
        "2022-01-04",
    );
    has(
        "Lawmakers agreed on Thursday to extend the curfew.",
        "2022-01-08",
        "Thursday",
        "2022-01-06",
    );
    has(
        "Officials say the vote is due in March.",
        "2022-01-08",
        "March",
        "2022-03",
    );
    has(
        "Officials said prices rose sharply in October.",
        "2022-01-08",
        "October",
        "2021-10",
    );
    has(
        "The contract runs out after October of next year.",
        "2022-01-08",
        "October of next year",
        "2023-10",
    );
}

#[test]
fn clock_and_coordination() {
    has(
        "The market opened at 9:30 a.m. Monday.",
        "2022-01-12",
        "9:30 a.m. Monday",
        "2022-01-10T09:30",
    );
    has(
        "The court sat until midnight.",
        "2022-01-12",
        "midnight",
        "2022-01-12T24:00",
    );
    has(
        "The process could take between 60 and 90 days.",
        "2022-01-12",
        "60",
        "P60D",
    );
    has(
        "The process could take between 60 and 90 days.",
        "2022-01-12",
        "90 days",
        "P90D",
    );
    has("Prices last peaked in '82.", "2022-01-12", "'82", "1982");
    none("Apple shipped iLife '11 to stores.", "2022-01-12");
}

#[test]
fn no_dates_in_counts_money_and_names() {
    for t in [
        "Rescuers pulled 1200 survivors from the rubble.",
        "The index fell 2,015 points.",
        "It cost $1999 to fix.",
        "Turnout was 1984 per cent of nothing.",
        "Around 1500 soldiers were deployed.",
        "Three quarters of the town flooded.",
        "She gave a second speech.",
        "The Russell 2000 Index slid.",
    ] {
        none(t, "2022-01-08");
    }
}

#[test]
fn passives_sets_and_the_year() {
    has(
        "The sale should be completed in October.",
        "2009-06-05",
        "October",
        "2009-10",
    );
    has(
        "Markets are closed every Sunday.",
        "2022-01-08",
        "every Sunday",
        "XXXX-WXX-7",
    );
    has(
        "Sales rose 5% for the year.",
        "2022-06-08",
        "the year",
        "2022",
    );
    none("It was the year of the flood.", "2022-06-08");
}

#[test]
fn market_and_obituary_numbers() {
    none("The index closed at 1950 on thin volume.", "2022-01-08");
    none(
        "The board approved the minutes of the meeting.",
        "2022-01-08",
    );
    has(
        "The author (1931-2022) wrote nine novels.",
        "2022-01-08",
        "1931",
        "1931",
    );
    has(
        "The author (1931-2022) wrote nine novels.",
        "2022-01-08",
        "2022",
        "2022",
    );
    has(
        "She was born in 1931 in a village.",
        "2022-01-08",
        "1931",
        "1931",
    );
    has(
        "The 2022 World Cup final was played on Sunday.",
        "2022-12-19",
        "Sunday",
        "2022-12-18",
    );
}

#[test]
fn huge_numbers_do_not_overflow() {
    for t in [
        "It formed 4000000000 years ago.",
        "99999999999999999999 days later it ended.",
        "The 9999999999999999999999-year plan.",
        "It ran for 1e400 years.",
    ] {
        let _ = find_timexes(t, d("2022-01-08"));
    }
}

#[test]
fn more_forms() {
    has(
        "Polls close at 8 p.m. EST on Tuesday.",
        "2022-01-08",
        "8 p.m. EST on Tuesday",
        "2022-01-04T20:00",
    );
    has(
        "The hearing lasted half an hour.",
        "2022-01-08",
        "half an hour",
        "PT30M",
    );
    has(
        "The law took effect on 08.01.2022 nationwide.",
        "2022-01-10",
        "08.01.2022",
        "2022-01-08",
    );
    none("Rebels could spring a surprise attack.", "2022-01-08");
    has(
        "Talks resume in the spring.",
        "2022-01-08",
        "spring",
        "2022-SP",
    );
}

#[test]
fn requests_point_forward() {
    has(
        "She urged supporters to rally in the capital on Monday.",
        "2022-01-08",
        "Monday",
        "2022-01-10",
    );
    has(
        "He told reporters on Monday that talks had failed.",
        "2022-01-08",
        "Monday",
        "2022-01-03",
    );
}

#[test]
fn the_next_day_skips_reporting_dates() {
    let t = "On January 5 crowds stormed the airport, police said on Saturday. The next day troops arrived.";
    has(t, "2022-01-08", "The next day", "2022-01-06");
    let t = "Crowds gathered on Thursday. The following day, troops arrived.";
    has(t, "2022-01-08", "The following day", "2022-01-07");
}

#[test]
fn nth_weekdays_and_parts_of_days() {
    has(
        "Crowds marched on the first Saturday of the month.",
        "2031-03-11",
        "the first Saturday of the month",
        "2031-03-01",
    );
    has(
        "Polls open on the last Sunday of March 2024.",
        "2022-01-08",
        "the last Sunday of March 2024",
        "2024-03-31",
    );
    has(
        "By the evening of March 4, the toll stood at 19.",
        "2031-03-11",
        "the evening of March 4",
        "2031-03-04TEV",
    );
}

#[test]
fn frequencies() {
    has(
        "Inspectors visit every two weeks.",
        "2022-01-08",
        "every two weeks",
        "P2W",
    );
    has(
        "The pill is taken twice a day.",
        "2022-01-08",
        "a day",
        "P1D",
    );
}

#[test]
fn quarters_of_hours_ages_and_adjectives() {
    let got = tv("We collapsed in the last quarter of an hour.", "2031-02-15");
    assert!(got.iter().all(|(_, v)| !v.contains('Q')), "{got:?}");
    none("The median age rose to 43.6 years.", "2031-02-15");
    has("The 10-year yield rose.", "2031-02-15", "10-year", "P10Y");
    has("Temperatures will fall to minus 11 degrees in the region on Friday, the coldest night since 2019.", "2031-02-26", "Friday", "2031-02-28");
}

#[test]
fn overnight() {
    has(
        "Frost will set in overnight on Friday.",
        "2031-02-26",
        "overnight on Friday",
        "2031-02-28TNI",
    );
    has(
        "Frost will set in overnight.",
        "2031-02-26",
        "overnight",
        "2031-02-26TNI",
    );
    has(
        "Shelling continued overnight.",
        "2031-02-26",
        "overnight",
        "2031-02-25TNI",
    );
}

#[test]
fn names_that_look_like_dates() {
    none("The singer June Carter recorded it.", "2022-01-08");
    none("He hosted Saturday Night Live twice.", "2022-01-08");
    has(
        "Workers marched on May Day.",
        "2022-05-03",
        "May Day",
        "2022-05-01",
    );
    has(
        "Prices rose in August after the vote.",
        "2022-10-03",
        "August",
        "2022-08",
    );
}

#[test]
fn stage_skips_residue_and_uses_segments() {
    use newsledger_model::{Document, Meta, Segment, SegmentKind, Span, Stage};
    let text = "Troops left on Friday.\nSubscribe by Monday for 50% off.\nThey return next week.";
    let mut doc = Document::new(
        "d",
        text,
        Meta {
            published: d("2022-01-08"),
            ..Meta::default()
        },
    );
    let spans = [Span(0, 22), Span(23, 55), Span(56, text.len())];
    doc.layers.segments = spans
        .iter()
        .map(|&span| Segment {
            kind: SegmentKind::Sentence,
            span,
        })
        .collect();
    doc.layers.residue = vec![spans[1]];
    TimeStage::new().process(&mut doc);
    let got: Vec<(&str, &str)> = doc
        .layers
        .timexes
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(got, [("Friday", "2022-01-07"), ("next week", "2022-W02")]);
    assert_eq!(doc.layers.timexes[1].id, "t2");
}

#[test]
fn anchors_of_coarser_dates() {
    let t = "The union collapsed in 1991. The following year, prices soared.";
    has(t, "2022-01-08", "The following year", "1992");
    let t = "He arrived in March 2019. Three years later he left.";
    has(t, "2022-06-08", "Three years later", "2022");
    let t = "Sales slumped in October 2008. That month, shares fell by half.";
    has(t, "2022-06-08", "That month", "2008-10");
    has(
        "Profit rose from a year earlier.",
        "2022-06-08",
        "a year earlier",
        "2021",
    );
}

#[test]
fn a_long_table_without_punctuation_stays_linear() {
    let s: String = (0..5000)
        .map(|i| format!("in {} ", 1900 + i % 200))
        .collect();
    let t = std::time::Instant::now();
    let tx = find_timexes(&s, d("2022-01-08"));
    assert_eq!(tx.len(), 5000);
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn deadlines_under_a_modal_point_forward() {
    // 2022-01-12 is a Wednesday.
    has(
        "The depot owner said the yard would remain shut until Monday.",
        "2022-01-12",
        "Monday",
        "2022-01-17",
    );
    has(
        "Engineers warned that repairs could drag on until Tuesday.",
        "2022-01-12",
        "Tuesday",
        "2022-01-18",
    );
    has(
        "Officials said stocks of seed grain might run out by October.",
        "2022-05-20",
        "October",
        "2022-10",
    );
    has(
        "The council said it is expected to publish the audit before Friday.",
        "2022-01-12",
        "Friday",
        "2022-01-14",
    );
    // Told in the past, the deadline stays behind.
    has(
        "The bridge was closed until Monday, the council said.",
        "2022-01-12",
        "Monday",
        "2022-01-10",
    );
    has(
        "Grain prices had fallen by October.",
        "2022-12-20",
        "October",
        "2022-10",
    );
}

#[test]
fn live_page_stamps_keep_their_entry_day() {
    // Published Wednesday 2022-01-12.
    let t = "Flood updates\n09:42 Crews say the river has risen sharply since last night.\n";
    has(t, "2022-01-12", "09:42", "2022-01-12T09:42");
    has(t, "2022-01-12", "last night", "2022-01-11TNI");
    // A bulleted stamp under a dated entry heading takes the heading's day.
    let t = "Tuesday 11 January\n• 18:05 The mayor thanked volunteers who worked yesterday.\n";
    has(t, "2022-01-12", "18:05", "2022-01-11T18:05");
    // Inside a sentence a time still takes the day named next to it.
    has(
        "Divers reached the hull yesterday and surfaced at 02:15.",
        "2022-01-12",
        "02:15",
        "2022-01-11T02:15",
    );
}

#[test]
fn a_time_on_a_day_is_one_timex() {
    // 2022-01-12 is a Wednesday.
    let t = "The roof gave way at 03:10 on Monday 10 January, residents said.";
    assert_eq!(
        tv(t, "2022-01-12"),
        [(
            "03:10 on Monday 10 January".to_string(),
            "2022-01-10T03:10".to_string()
        )]
    );
    has(
        "Polls will close at 8 p.m. on Friday.",
        "2022-01-12",
        "8 p.m. on Friday",
        "2022-01-14T20:00",
    );
    has(
        "The flight landed at 6 p.m. Tuesday, January 11.",
        "2022-01-12",
        "6 p.m. Tuesday, January 11",
        "2022-01-11T18:00",
    );
}

#[test]
fn ages_are_not_timexes() {
    for t in [
        "A trainee nurse, 31-year-old Petra Lind, was hurt.",
        "63-year-old Amos Kell ran the bakery for decades.",
        "Police named the driver as 19-year-old Ravi Osei.",
        "Her six-month-old daughter was unharmed.",
        "\u{201c}We lost everything,\u{201d} said Ona Brill, a 58-year-old baker.",
        "Residents aged 70 years and over were moved.",
    ] {
        let tx = find_timexes(t, d("2022-01-08"));
        assert!(
            tx.iter()
                .all(|x| !x.text.contains("old") && !x.text.contains("70")),
            "{t}: {tx:?}"
        );
    }
    // The age's number and unit do not leak into another reading either.
    has(
        "The 58-year-old baker reopened two days later.",
        "2022-01-08",
        "two days later",
        "2022-01-10",
    );
}

#[test]
fn expectations_in_the_pluperfect_lie_in_the_past() {
    // DCT Wednesday 2031-03-12.
    has(
        "The ferry strike had been due to end Friday evening.",
        "2031-03-12",
        "Friday evening",
        "2031-03-07TEV",
    );
    has(
        "The tender had been scheduled to close at noon Monday, the port said.",
        "2031-03-12",
        "noon Monday",
        "2031-03-10T12:00",
    );
    has(
        "Organisers had planned to march on Sunday before the rain.",
        "2031-03-12",
        "Sunday",
        "2031-03-09",
    );
    // Without "had" the same expectations still point ahead.
    has(
        "The ferry strike is due to end Friday evening.",
        "2031-03-12",
        "Friday evening",
        "2031-03-14TEV",
    );
}

#[test]
fn be_to_with_a_verb_is_arranged_ahead() {
    has(
        "Shares in the mill are to resume trading Tuesday.",
        "2031-03-12",
        "Tuesday",
        "2031-03-18",
    );
    has(
        "The inquiry is to hear the first witnesses on Monday.",
        "2031-03-12",
        "Monday",
        "2031-03-17",
    );
    // A reported past stays in the past.
    has(
        "Trading resumed on Tuesday, the exchange said.",
        "2031-03-12",
        "Tuesday",
        "2031-03-11",
    );
}

#[test]
fn holidays_on_the_nth_weekday_of_a_month() {
    // Thanksgiving 2031 is the fourth Thursday of November: the 27th.
    has(
        "Shelters expect more guests after Thanksgiving Day.",
        "2031-11-20",
        "Thanksgiving Day",
        "2031-11-27",
    );
    // Told in the past in January: last November's.
    has(
        "The mill closed the week of Thanksgiving, workers said.",
        "2032-01-14",
        "Thanksgiving",
        "2031-11-27",
    );
    // Labor Day 2031 is the first Monday of September, Memorial Day the last Monday of May.
    has(
        "The bridge reopens on Labor Day.",
        "2031-08-20",
        "Labor Day",
        "2031-09-01",
    );
    has(
        "Memorial Day 2031 fell on a rainy weekend.",
        "2031-08-20",
        "Memorial Day 2031",
        "2031-05-26",
    );
}

/// A spent budget stops the stage at its first sentence; unlimited, the same text is dated.
#[test]
fn a_spent_budget_stops_the_time_stage() {
    let text = "The bridge closed on Monday. It reopened on Friday.";
    let meta = newsledger_model::Meta {
        published: d("2031-05-09"),
        ..Default::default()
    };
    let run = |budget: newsledger_model::Budget| {
        let mut doc = Document::new("t", text, meta.clone());
        doc.budget = budget;
        TimeStage::new().process(&mut doc);
        doc.layers.timexes.len()
    };
    assert_eq!(
        run(newsledger_model::Budget::of(std::time::Duration::ZERO)),
        0
    );
    assert_eq!(run(newsledger_model::Budget::unlimited()), 2);
}
