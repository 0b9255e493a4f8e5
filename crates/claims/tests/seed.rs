//! The seed article's table of acts of reporting (issue 6). Reads ../shared at run time.

mod common;

use newsledger_model::testing::{shared_text, SEED};

/// (line, speaker name must contain, cue text must contain, via must contain)
const TABLE: &[(usize, &str, &str, &str)] = &[
    (1, "Tokayev", "tells", ""),
    (3, "Tokayev", "told", "Kremlin"),
    (4, "National Security Committee", "announced", "Khabar 24"),
    (6, "human rights organizations", "report", ""),
    (7, "local media", "reported", ""),
    (8, "Almaty police official", "according to", ""),
    (8, "TASS", "reported", ""),
    (10, "Tokayev", "told", ""),
    (12, "press office", "announced", ""),
    (13, "Interior Ministry", "quoting", "Khabar 24"),
    (13, "Khabar 24", "According to", ""),
    (14, "press office", "said", ""),
    (15, "Tokayev", "claimed", ""),
    (16, "Tokayev", "said", ""),
    (18, "Ukibai", "said", ""),
    (19, "Ukibai", "said", ""),
    (20, "Ukibai", "said", ""),
    (21, "Ukibai", "said", ""),
    (22, "Ukibai", "added", ""),
    (23, "Tokayev", "said", ""),
    (26, "statement", "according to", ""),
    (28, "human rights report", "noted", ""),
];

#[test]
fn seed_table_with_segments_only() {
    let Some(text) = shared_text(SEED) else {
        return;
    };
    check(&text, common::run(&text));
}

#[test]
fn seed_table_full_pipeline() {
    let Some(text) = shared_text(SEED) else {
        return;
    };
    let doc = common::run_full(&text, "2022-01-08");
    let line_of = |off: usize| text[..off].matches('\n').count() + 1;
    // Dates come from the time stage: the attribution clause's own timex.
    for (line, cue, date) in [
        (3, "told", "2022-01-08"),
        (12, "announced", "2022-01-08"),
        (16, "said", "2022-01-07"),
        (23, "said", "2022-01-05"),
    ] {
        let c = doc
            .layers
            .claims
            .iter()
            .find(|c| line_of(c.cue.span.start()) == line && c.cue.text == cue);
        let got = c.and_then(|c| c.date.clone());
        eprintln!("line {line} {cue}: date {got:?}");
        if !doc.layers.timexes.is_empty() {
            assert_eq!(got.as_deref(), Some(date), "date of line {line}");
        }
    }
    check(&text, doc);
}

fn check(text: &str, doc: newsledger_model::Document) {
    common::dump(&doc);
    let line_of = |off: usize| text[..off].matches('\n').count() + 1;
    let mut ok = 0;
    for &(line, spk, cue, via) in TABLE {
        let hit = doc.layers.claims.iter().any(|c| {
            line_of(c.cue.span.start()) == line
                && c.speaker_name().contains(spk)
                && c.cue.text.contains(cue)
                && (via.is_empty() || c.via.iter().any(|v| v.name.contains(via)))
        });
        if hit {
            ok += 1;
        } else {
            eprintln!("MISSING line {line}: {spk} / {cue} / {via}");
        }
    }
    eprintln!("{ok}/{} rows hold", TABLE.len());
    assert!(ok >= 20, "only {ok} of {} seed rows hold", TABLE.len());
}
