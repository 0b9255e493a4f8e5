//! Inputs the fuzzer (scripts/fuzz.sh) found breaking a reader, kept under
//! fuzz/regressions/<target>/ and read again here with the same checks as the fuzz targets:
//! no panic, and every document has an id.

use newsledger_ingest::{read_bytes, Item, TextMeta};
use std::path::Path;

#[test]
fn fuzz_findings_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut checked = 0;
    for (target, ext) in [
        ("html", "html"),
        ("warc", "warc"),
        ("feed", "xml"),
        ("jsonl", "jsonl"),
        ("text", "txt"),
        ("gzip", "jsonl.gz"),
    ] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in dir.flatten() {
            let bytes = std::fs::read(entry.path()).expect("readable");
            let mut docs = 0;
            read_bytes(
                &format!("input.{ext}"),
                &bytes,
                &TextMeta::default(),
                &mut |item| {
                    if let Item::Doc(d) = item {
                        docs += 1;
                        assert!(
                            !d.id.trim().is_empty(),
                            "{}: a document without an id: {:?}",
                            entry.path().display(),
                            d.id
                        );
                        assert!(d.meta.url.as_deref().is_none_or(|u| !u.trim().is_empty()));
                    }
                },
            );
            assert!(
                docs > 0,
                "{}: the page still yields its article",
                entry.path().display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "the regression inputs are found");
}
