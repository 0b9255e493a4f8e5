//! The stage must never panic, whatever the text: arbitrary Unicode, and random mixes of
//! the words its patterns look for.

use chrono::NaiveDate;
use newsledger_time::find_timexes;
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "May",
    "March",
    "Jan.",
    "5",
    "31",
    "2022",
    "1999",
    ",",
    ".",
    " ",
    "\n",
    "on",
    "Monday",
    "last",
    "next",
    "week",
    "days",
    "ago",
    "later",
    "the",
    "following",
    "day",
    "3",
    "p.m.",
    "12:30",
    "UTC",
    "'82",
    "1990s",
    "Q4",
    "fiscal",
    "nearly",
    "three",
    "decades",
    "every",
    "-",
    "/",
    "é",
    "’",
    "“",
    "Christmas",
    "spring",
    "of",
    "next year",
    "until",
    "will",
    "said",
    "99999999999",
    "0",
    "00:00",
    "24:00",
    "13/13/2013",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(s in "\\PC{0,200}") {
        let dct = NaiveDate::from_ymd_opt(2022, 1, 8);
        for t in find_timexes(&s, dct) {
            prop_assert_eq!(s.get(t.span.start()..t.span.end()), Some(t.text.as_str()));
        }
        let _ = find_timexes(&s, None);
    }

    #[test]
    fn mixes_of_trigger_words(ix in proptest::collection::vec(0..PIECES.len(), 0..40)) {
        let s: String = ix.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let dct = NaiveDate::from_ymd_opt(2022, 1, 8);
        let tx = find_timexes(&s, dct);
        for w in tx.windows(2) {
            prop_assert!(w[0].span.end() <= w[1].span.start(), "overlap in {:?}", s);
        }
        let _ = find_timexes(&s, None);
    }
}
