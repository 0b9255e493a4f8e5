//! Fuzz target: the warc reader on arbitrary bytes, read as a file named `input.warc`. Every
//! document it yields must have a text its spans can address (checked by the reader's own
//! contract: valid UTF-8, which `String` guarantees), and nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let meta = newsledger_ingest::TextMeta::default();
    let mut docs = 0usize;
    newsledger_ingest::read_bytes("input.warc", data, &meta, &mut |item| {
        if let newsledger_ingest::Item::Doc(d) = item {
            docs += 1;
            assert!(!d.id.is_empty(), "a document without an id");
        }
    });
    let _ = docs;
});
