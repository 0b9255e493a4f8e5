//! The mini pipeline segment → time → entities → claims → figures on the seed article
//! (read from ../shared at run time; skipped when absent).

use chrono_free::date;
use newsledger_claims::ClaimStage;
use newsledger_entities::EntityStage;
use newsledger_figures::FigureStage;
use newsledger_model::{testing, Document, Figure, Meta, Pipeline, ValueKind};
use newsledger_segment::SegmentStage;
use newsledger_time::TimeStage;

mod chrono_free {
    /// Publication date without a direct chrono dependency: parse through serde_json.
    pub fn date(s: &str) -> Option<newsledger_model::Meta> {
        serde_json::from_value(serde_json::json!({ "published": s })).ok()
    }
}

fn pipeline() -> Pipeline {
    Pipeline::new()
        .with(SegmentStage::new())
        .and_then(|p| p.with(TimeStage::new()))
        .and_then(|p| p.with(EntityStage::new()))
        .and_then(|p| p.with(ClaimStage::new()))
        .and_then(|p| p.with(FigureStage::new()))
        .expect("pipeline order")
}

fn seed() -> Option<Document> {
    let text = testing::shared_text(testing::SEED)?;
    let meta: Meta = date("2022-01-08").unwrap_or_default();
    let mut doc = Document::new("seed", text, meta);
    pipeline().run(&mut doc);
    Some(doc)
}

fn show(f: &Figure) -> String {
    format!(
        "{} {:?} {}-{:?} {:?}({}) as_of={:?} src={:?} place={:?} hedged={} span={:?}",
        f.metric,
        f.value.kind,
        f.value.low,
        f.value.high,
        f.group.text,
        f.group.class,
        f.as_of,
        f.sources,
        f.place,
        f.hedged,
        f.value.text
    )
}

/// (metric, kind, low, high, class, as_of, sources)
type Want = (
    &'static str,
    ValueKind,
    u64,
    Option<u64>,
    &'static str,
    &'static str,
    Vec<&'static str>,
);

#[test]
fn seed_has_exactly_the_eleven_figures() {
    let Some(doc) = seed() else { return };
    let figs = &doc.layers.figures;
    for f in figs {
        eprintln!("{}", show(f));
    }
    use ValueKind::*;
    // (metric, kind, low, high, class, as_of, sources)
    let want: Vec<Want> = vec![
        (
            "detained",
            Vague,
            3,
            Some(9),
            "officials",
            "2022-01-08",
            vec!["National Security Committee", "Khabar 24"],
        ),
        (
            "killed",
            Vague,
            24,
            Some(99),
            "unspecified",
            "2022-01-08",
            vec![],
        ),
        (
            "injured",
            Vague,
            200,
            Some(999),
            "unspecified",
            "2022-01-08",
            vec![],
        ),
        (
            "detained",
            Vague,
            2000,
            Some(9999),
            "protesters",
            "2022-01-08",
            vec![],
        ),
        (
            "killed",
            Vague,
            24,
            Some(99),
            "protesters",
            "2022-01-06",
            vec!["Almaty police official"],
        ),
        (
            "injured",
            Vague,
            200,
            Some(999),
            "protesters",
            "2022-01-06",
            vec!["Almaty police official"],
        ),
        (
            "killed",
            Exact,
            18,
            Some(18),
            "security_forces",
            "2022-01-07",
            vec!["Interior Ministry", "Khabar 24"],
        ),
        (
            "injured",
            Exact,
            748,
            Some(748),
            "security_forces",
            "2022-01-07",
            vec!["Interior Ministry", "Khabar 24"],
        ),
        (
            "killed",
            Exact,
            26,
            Some(26),
            "militants",
            "2022-01-07",
            vec!["Khabar 24"],
        ),
        (
            "injured",
            Exact,
            18,
            Some(18),
            "militants",
            "2022-01-07",
            vec!["Khabar 24"],
        ),
        (
            "detained",
            AtLeast,
            3000,
            None,
            "protesters",
            "2022-01-07",
            vec!["Khabar 24"],
        ),
    ];
    let got: Vec<_> = figs
        .iter()
        .map(|f| {
            (
                f.metric.as_str(),
                f.value.kind,
                f.value.low,
                f.value.high,
                f.group.class.as_str(),
            )
        })
        .collect();
    let want_values: Vec<_> = want.iter().map(|w| (w.0, w.1, w.2, w.3, w.4)).collect();
    assert_eq!(got, want_values, "figure values and groups");
    let mut misses = Vec::new();
    for (f, w) in figs.iter().zip(&want) {
        if f.as_of.as_deref() != Some(w.5) {
            misses.push(format!("{}: as_of {:?} want {}", f.id, f.as_of, w.5));
        }
        if f.sources != w.6 {
            misses.push(format!("{}: sources {:?} want {:?}", f.id, f.sources, w.6));
        }
        assert!(!f.hedged, "{} is not hedged", f.id);
        assert!(
            matches!(
                f.place.as_deref(),
                None | Some("Kazakhstan") | Some("Almaty")
            ),
            "{} place {:?}",
            f.id,
            f.place
        );
        // The issue ties the police official's figures to Almaty, where the official is.
        if w.6 == ["Almaty police official"] {
            assert_eq!(f.place.as_deref(), Some("Almaty"), "{} place", f.id);
        }
        assert!(!doc.slice(f.span).is_empty());
    }
    assert!(misses.is_empty(), "{misses:#?}");
    assert_eq!(figs[0].group.text, "high-profile officials");
    assert_eq!(figs[8].group.text, "“armed criminals”");
    let ids: Vec<_> = figs.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"f1"));
}
