//! Unit tests on sentences written for these tests (none copied from news text).

use crate::detect::detect;
use newsledger_model::ValueKind;

/// (metric, kind, low, high, group class) of every toll in a sentence.
fn d(s: &str) -> Vec<(&'static str, ValueKind, u64, Option<u64>, &'static str)> {
    detect(s, &[])
        .into_iter()
        .map(|c| (c.metric, c.kind, c.low, c.high, c.group_class))
        .collect()
}

fn metrics(s: &str) -> Vec<(&'static str, u64)> {
    detect(s, &[])
        .into_iter()
        .map(|c| (c.metric, c.low))
        .collect()
}

#[test]
fn smoke() {
    assert_eq!(
        metrics("At least 26 people were killed in the flooding."),
        vec![("killed", 26)]
    );
}

#[test]
#[ignore]
fn dump() {
    let text = std::fs::read_to_string("/tmp/fig/sents.txt").unwrap_or_default();
    for line in text.lines() {
        let c = detect(line, &[]);
        println!("{line}");
        for x in c {
            println!(
                "    {} {:?} {}-{:?} grp={:?}({}) span={:?} hedged={} {}",
                x.metric,
                x.kind,
                x.low,
                x.high,
                x.group_text,
                x.group_class,
                &line[x.span.0..x.span.1],
                x.hedged,
                x.shape
            );
        }
    }
}
