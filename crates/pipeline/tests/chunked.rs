//! A long document is run in chunks. When its chunks are whole reports, the records must be
//! the ones each report gets on its own — same evidence spans (shifted), same values, same
//! references once ids are read as what they point to — and every span must still slice the
//! long text. The chunk size is lowered so a few corpus reports make a "long" document.

use newsledger_model::{Document, Layers, Meta, SegmentKind, Span};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Reports are joined by three blank lines: a stronger break than any inside a report,
/// where the chunker cuts by preference.
const SEP: &str = "\n\n\n\n";

fn reports() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/reports.jsonl");
    let raw = std::fs::read_to_string(path).expect("corpus/reports.jsonl is in the repo");
    raw.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(Value::as_str).map(String::from))
        .collect()
}

fn meta() -> Meta {
    Meta {
        published: chrono::NaiveDate::from_ymd_opt(2031, 3, 5),
        outlet: Some("Test Wire".into()),
        ..Meta::default()
    }
}

/// Every 2-number array in a record is a span: move it by `-by`.
fn unshift(v: &mut Value, by: usize) {
    match v {
        Value::Array(a) if a.len() == 2 && a.iter().all(Value::is_u64) => {
            for x in a.iter_mut() {
                let n = x.as_u64().unwrap_or(0) as usize;
                assert!(n >= by, "span before its chunk");
                *x = Value::from(n - by);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| unshift(x, by)),
        Value::Object(o) => o.values_mut().for_each(|x| unshift(x, by)),
        _ => {}
    }
}

/// Replace ids and references by what they point at (entity name, position of the timex or
/// claim relative to `by`), so records compare across numbering.
fn deref(v: &mut Value, l: &Layers, by: usize) {
    let entity = |id: &str| {
        l.entities
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("entity {:?} {}", e.kind, e.name))
    };
    let timex = |id: &str| {
        l.timexes
            .iter()
            .find(|t| t.id == id)
            .map(|t| format!("timex@{}", t.span.start().saturating_sub(by)))
    };
    let claim = |id: &str| {
        l.claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| format!("claim@{}", c.span.start().saturating_sub(by)))
    };
    let event = |id: &str| {
        l.events
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("event@{}", e.span.start().saturating_sub(by)))
    };
    let Value::Object(o) = v else { return };
    o.remove("id");
    for (k, x) in o.iter_mut() {
        let resolved = match (k.as_str(), x.as_str()) {
            ("entity" | "place", Some(s)) => entity(s),
            ("timex" | "anchor", Some(s)) => timex(s),
            ("claim", Some(s)) => claim(s),
            ("event", Some(s)) => event(s),
            _ => None,
        };
        if let Some(r) = resolved {
            *x = Value::from(r);
        } else if x.is_object() || x.is_array() {
            match x {
                Value::Array(a) => a.iter_mut().for_each(|y| deref(y, l, by)),
                _ => deref(x, l, by),
            }
        }
    }
}

/// Records of one layer inside `range`, relative to its start, ids dereferenced.
fn norm<T: serde::Serialize>(
    recs: &[T],
    span_of: impl Fn(&T) -> Span,
    l: &Layers,
    range: Span,
) -> Vec<Value> {
    recs.iter()
        .filter(|r| range.contains(span_of(r)))
        .map(|r| {
            let mut v = serde_json::to_value(r).expect("records serialise");
            deref(&mut v, l, range.start());
            unshift(&mut v, range.start());
            v
        })
        .collect()
}

#[test]
fn chunks_of_whole_reports_give_each_report_its_own_records() {
    let all = reports();
    let longest = all.iter().map(String::len).max().unwrap_or(0);
    let max = longest + SEP.len() + 1;
    // With every report over half the chunk size, each window holds exactly one separator.
    let picked: Vec<String> = all
        .into_iter()
        .filter(|r| 2 * (r.len() + SEP.len()) > max)
        .collect();
    assert!(picked.len() >= 10, "too few corpus reports");

    let pipeline = newsledger_pipeline::default_pipeline()
        .expect("default pipeline builds")
        .chunk_bytes(max);
    let mut big = Document::new("big", picked.join(SEP), meta());
    pipeline.run(&mut big);
    let bl = &big.layers;
    assert!(
        bl.tokens.is_empty(),
        "token layer is dropped after chunking"
    );

    // Every span slices the long text, and text fields quote what they point at.
    let slices = |s: Span, text: &str| {
        assert_eq!(big.text.get(s.start()..s.end()), Some(text), "{s:?}");
    };
    for t in &bl.timexes {
        slices(t.span, &t.text);
    }
    for c in &bl.claims {
        slices(c.cue.span, &c.cue.text);
        if let Some(sp) = &c.speaker {
            slices(sp.span, &sp.text);
        }
        for s in c.content.iter().chain([&c.span]) {
            assert!(big.text.get(s.start()..s.end()).is_some());
        }
    }
    for e in &bl.events {
        slices(e.trigger.span, &e.trigger.text);
    }
    for f in &bl.figures {
        assert!(big.text.get(f.span.start()..f.span.end()).is_some());
        assert!(f.sentence.contains(f.span));
    }

    let mut total = [0usize; 5];
    let mut names = HashSet::new();
    let mut mentions = 0;
    let mut at = 0;
    for (i, report) in picked.iter().enumerate() {
        let range = Span::new(at, at + report.len());
        assert_eq!(big.slice(range), report);
        // The chunk owns the separator after its report.
        let chunk = Span::new(at, (at + report.len() + SEP.len()).min(big.text.len()));
        at = chunk.end();

        let mut alone = Document::new("one", report.clone(), meta());
        pipeline.run(&mut alone);
        let al = &alone.layers;
        let whole = Span::new(0, report.len());

        let mut segs = al.segments.clone();
        if i > 0 {
            for s in &mut segs {
                if s.kind == SegmentKind::Headline {
                    s.kind = SegmentKind::Subheading;
                }
            }
        }
        let got: Vec<_> = bl
            .segments
            .iter()
            .filter(|s| chunk.contains(s.span))
            .map(|s| (s.kind, unshifted(s.span, chunk.start())))
            .collect();
        let want: Vec<_> = segs.iter().map(|s| (s.kind, s.span)).collect();
        assert_eq!(got, want, "segments of report {i}");

        assert_eq!(
            norm(&bl.timexes, |t| t.span, bl, chunk),
            norm(&al.timexes, |t| t.span, al, whole),
            "timexes of report {i}"
        );
        assert_eq!(
            norm(&bl.claims, |c| c.span, bl, chunk),
            norm(&al.claims, |c| c.span, al, whole),
            "claims of report {i}"
        );
        assert_eq!(
            norm(&bl.figures, |f| f.sentence, bl, chunk),
            norm(&al.figures, |f| f.sentence, al, whole),
            "figures of report {i}"
        );
        assert_eq!(
            norm(&bl.events, |e| e.span, bl, chunk),
            norm(&al.events, |e| e.span, al, whole),
            "events of report {i}"
        );
        let shifted = |s: Span| Span::new(s.start() + chunk.start(), s.end() + chunk.start());
        assert_eq!(
            bl.residue
                .iter()
                .filter(|r| chunk.contains(**r))
                .copied()
                .collect::<Vec<_>>(),
            al.residue.iter().map(|r| shifted(*r)).collect::<Vec<_>>(),
            "residue of report {i}"
        );

        // Each cluster of the report is (part of) the long document's cluster of that name.
        let by_name: HashMap<_, _> = bl.entities.iter().map(|e| ((e.kind, &e.name), e)).collect();
        for e in &al.entities {
            let merged = by_name
                .get(&(e.kind, &e.name))
                .expect("cluster kept by name");
            for m in &e.mentions {
                let want = shifted(m.span);
                assert!(
                    merged
                        .mentions
                        .iter()
                        .any(|x| x.span == want && x.kind == m.kind),
                    "mention {want:?} of {} in report {i}",
                    e.name
                );
            }
            assert!(e.aliases.iter().all(|a| merged.aliases.contains(a)));
            assert!(e.roles.iter().all(|r| merged.roles.contains(r)));
            names.insert((e.kind, e.name.clone()));
            mentions += e.mentions.len();
        }
        for (n, len) in total.iter_mut().zip([
            al.timexes.len(),
            al.claims.len(),
            al.figures.len(),
            al.events.len(),
            al.segments.len(),
        ]) {
            *n += len;
        }
    }
    assert_eq!(at, big.text.len());
    assert_eq!(
        total,
        [
            bl.timexes.len(),
            bl.claims.len(),
            bl.figures.len(),
            bl.events.len(),
            bl.segments.len()
        ]
    );
    assert!(total[0] > 0 && total[1] > 0 && total[2] > 0 && total[3] > 0);
    assert_eq!(
        bl.entities.len(),
        names.len(),
        "one cluster per type and name"
    );
    let merged_mentions: usize = bl.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(merged_mentions, mentions);
    // Ids are numbered through the document.
    for (k, t) in bl.timexes.iter().enumerate() {
        assert_eq!(t.id, format!("t{}", k + 1));
    }
    for (k, e) in bl.entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", k + 1));
    }
    for (k, c) in bl.claims.iter().enumerate() {
        assert_eq!(c.id, format!("c{}", k + 1));
    }
}

fn unshifted(s: Span, by: usize) -> Span {
    Span::new(s.start() - by, s.end() - by)
}

#[test]
fn short_documents_are_not_chunked() {
    let Some(report) = reports().into_iter().next() else {
        return;
    };
    let p = newsledger_pipeline::default_pipeline().expect("default pipeline builds");
    let mut a = Document::new("a", report.clone(), meta());
    p.run(&mut a);
    let p = p.chunk_bytes(report.len());
    let mut b = Document::new("a", report, meta());
    p.run(&mut b);
    assert!(!a.layers.tokens.is_empty());
    assert_eq!(a.layers.tokens, b.layers.tokens);
    let la = newsledger_model::Ledger::from_document(&a, Default::default());
    let lb = newsledger_model::Ledger::from_document(&b, Default::default());
    assert_eq!(la, lb);
}

/// Writing a long document as its chunks come out gives the bytes of running it whole and
/// writing its ledger, in every format and option, alone or between other documents.
#[test]
fn streamed_ledgers_match_the_held_ones() {
    use newsledger_model::LedgerOptions;
    use newsledger_pipeline::output::{Format, LedgerWriter};
    let texts = reports();
    let short = texts.first().cloned().unwrap_or_default();
    let long = texts
        .iter()
        .take(6)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    let pipeline = newsledger_pipeline::default_pipeline()
        .expect("default pipeline builds")
        .chunk_bytes(2000);
    assert!(pipeline.chunks_of(&long).is_some_and(|c| c.len() > 2));
    let docs = [
        Document::new("long", long.clone(), meta()),
        Document::new("short", short, meta()),
        Document::new("long2", long, Meta::default()),
    ];
    let ran: Vec<Document> = docs
        .iter()
        .map(|d| {
            let mut d = d.clone();
            pipeline.run(&mut d);
            d
        })
        .collect();
    for format in [Format::Jsonl, Format::Json, Format::Table] {
        for (with_text, annotations) in [(false, false), (true, true)] {
            let opts = LedgerOptions {
                with_text,
                annotations,
            };
            for n in 1..=docs.len() {
                let mut held = LedgerWriter::new(Vec::new(), format, opts);
                let mut streamed = LedgerWriter::new(Vec::new(), format, opts);
                for (d, r) in docs.iter().zip(&ran).take(n) {
                    held.write(r).expect("write to memory");
                    streamed
                        .run_and_write(&pipeline, d, false)
                        .expect("write to memory");
                }
                let held = held.finish().expect("finish");
                let streamed = streamed.finish().expect("finish");
                assert!(held.len() > 100);
                assert!(
                    held == streamed,
                    "{format:?} text={with_text} annotations={annotations} docs={n}\n{}\n---\n{}",
                    String::from_utf8_lossy(&held[..held.len().min(600)]),
                    String::from_utf8_lossy(&streamed[..streamed.len().min(600)])
                );
            }
        }
    }
}
