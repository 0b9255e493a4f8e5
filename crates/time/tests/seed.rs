//! The seed article (read from ../shared at run time) through segment + time.

use chrono::NaiveDate;
use newsledger_model::{testing::shared_path, Document, Meta, Pipeline, TimexType};
use newsledger_segment::SegmentStage;
use newsledger_time::TimeStage;

fn seed() -> Option<Document> {
    let path = shared_path("fixtures/000_5fd3b595c2b22735.txt")?;
    let text = std::fs::read_to_string(path).ok()?;
    let mut doc = Document::new(
        "000_5fd3b595c2b22735",
        text,
        Meta {
            published: NaiveDate::from_ymd_opt(2022, 1, 8),
            ..Meta::default()
        },
    );
    let p = Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(TimeStage::new()))
        .ok()?;
    p.run(&mut doc);
    Some(doc)
}

#[test]
fn seed_must_show() {
    let Some(doc) = seed() else { return };
    let tx = &doc.layers.timexes;
    for t in tx {
        eprintln!(
            "{} {:?} {:?} {} {:?} {:?}",
            t.id, t.text, t.kind, t.value, t.anchor, t.modifier
        );
        assert_eq!(doc.slice(t.span), t.text);
    }
    let values = |text: &str| -> Vec<&str> {
        tx.iter()
            .filter(|t| t.text == text)
            .map(|t| t.value.as_str())
            .collect()
    };
    let sat = values("Saturday");
    assert!(sat.len() >= 5, "{sat:?}");
    assert!(sat.iter().all(|v| *v == "2022-01-08"), "{sat:?}");
    assert_eq!(values("Friday"), ["2022-01-07"]);
    let wed = values("Wednesday");
    assert_eq!(wed.len(), 2);
    assert!(wed.iter().all(|v| *v == "2022-01-05"), "{wed:?}");
    assert_eq!(values("January 5"), ["2022-01-05"]);
    assert_eq!(values("the following day"), ["2022-01-06"]);
    assert_eq!(values("January 10"), ["2022-01-10", "2022-01-10"]);
    assert_eq!(values("January 7"), ["2022-01-07"]);
    let week: Vec<&str> = tx
        .iter()
        .filter(|t| t.text.eq_ignore_ascii_case("earlier this week"))
        .map(|t| t.value.as_str())
        .collect();
    assert_eq!(week, ["2022-W01", "2022-W01"]);
    assert_eq!(values("March 2019"), ["2019-03"]);
    assert_eq!(values("1991"), ["1991"]);
    assert_eq!(values("2015"), ["2015"]);
    assert_eq!(values("2018"), ["2018"]);
    let dec = tx.iter().find(|t| t.text == "nearly three decades");
    assert!(dec.is_some_and(|t| t.kind == TimexType::Duration && t.value == "P3DE"));
    assert_eq!(values("recent days"), ["PAST_REF"]);
    // Numbers that are not dates stay out.
    for bad in ["24", "15", "98", "18", "748", "26", "3,000"] {
        assert!(tx.iter().all(|t| t.text != bad), "{bad} marked as a timex");
    }
    // Ids in document order.
    for (i, t) in tx.iter().enumerate() {
        assert_eq!(t.id, format!("t{}", i + 1));
    }
}
