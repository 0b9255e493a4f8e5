//! The whole pipeline never panics, and every record's spans slice the text, whatever the
//! input: random bytes (decoded lossily, as the readers do), random Unicode, and random
//! news-like text built from the words stages react to.

use newsledger_model::{Document, Meta, Span};
use proptest::prelude::*;

fn check(text: String) -> Result<(), TestCaseError> {
    let p =
        newsledger_pipeline::default_pipeline().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2031, 3, 4),
        ..Meta::default()
    };
    let mut doc = Document::new("prop", text, meta);
    p.run(&mut doc);
    let ok = |s: Span| doc.text.get(s.start()..s.end()).is_some();
    let l = &doc.layers;
    for s in &l.segments {
        prop_assert!(ok(s.span));
    }
    for t in &l.timexes {
        prop_assert!(ok(t.span));
    }
    for e in &l.entities {
        for m in &e.mentions {
            prop_assert!(ok(m.span));
        }
    }
    for c in &l.claims {
        prop_assert!(ok(c.span) && ok(c.cue.span) && c.speaker_span().is_none_or(ok));
        for s in &c.content {
            prop_assert!(ok(*s));
        }
    }
    for f in &l.figures {
        prop_assert!(ok(f.span) && ok(f.sentence));
        prop_assert!(!doc.is_residue(f.span));
    }
    for e in &l.events {
        prop_assert!(ok(e.span) && ok(e.trigger.span));
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "killed",
    "at least",
    "more than",
    "dozens",
    "hundreds of",
    "people",
    "police",
    "said",
    "according to",
    "the ministry",
    "reported",
    "quoting",
    "on Saturday",
    "the following day",
    "January 5",
    "As of",
    "“",
    "”",
    "\"",
    "reportedly",
    "injured",
    "detained",
    "protesters",
    "Tokayev",
    "Nur-Sultan",
    "3,000",
    "18",
    "1.2 million",
    "between",
    "and",
    "20-30",
    "-",
    "he added",
    ":",
    ".",
    ",",
    "\n",
    "Enter your email to sign up",
    "2022",
    "98%",
    "$5",
    "troops",
    "deployed",
    "stormed",
    "the airport",
    "in",
    "Mr.",
    "U.S.",
    "…",
    "é",
    "死",
    "🙂",
    "\r\n",
    "\u{feff}",
    "\t",
    "earlier this week",
    "last month",
    "nearly three decades",
];

fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(String::from_utf8_lossy(&bytes).into_owned())?;
    }

    #[test]
    fn random_unicode(s in "\\PC{0,300}") {
        check(s)?;
    }

    #[test]
    fn news_like(s in newsish()) {
        check(s)?;
    }
}
