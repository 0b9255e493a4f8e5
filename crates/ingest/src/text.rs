use crate::{Item, TextMeta};
use newsledger_model::Document;
use std::path::Path;

/// How far into a file to look for NUL bytes when deciding that it is binary.
const BINARY_SNIFF: usize = 8192;

/// Decode bytes as UTF-8, lossily when they are not valid. Returns the text and, when the
/// bytes were not valid UTF-8, the offset of the first bad byte.
pub fn decode_text(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let s = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (s, Some(bad))
        }
    }
}

/// Read a plain-text file as one document whose id is the path as given.
pub fn read_text_file(path: &Path, id: &str, meta: &TextMeta, sink: &mut dyn FnMut(Item)) {
    match std::fs::read(path) {
        Ok(bytes) => text_document(bytes, id, meta, sink),
        Err(e) => sink(Item::Error(format!("{id}: cannot read: {e}"))),
    }
}

/// Turn the bytes of a text input into a document (or an error for binary input).
pub(crate) fn text_document(bytes: Vec<u8>, id: &str, meta: &TextMeta, sink: &mut dyn FnMut(Item)) {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if let Some(pos) = sniff.iter().position(|&b| b == 0) {
        sink(Item::Error(format!(
            "{id}: binary file (NUL byte at offset {pos}), skipped"
        )));
        return;
    }
    let (text, bad) = decode_text(bytes);
    if let Some(off) = bad {
        sink(Item::Warning(format!(
            "{id}: not valid UTF-8 (first bad byte at offset {off}); decoded lossily, spans refer to the decoded text"
        )));
    }
    let mut doc = Document::new(id, text, meta.to_meta());
    if let Some(w) = crate::language::settle(&mut doc) {
        sink(Item::Warning(w));
    }
    sink(Item::Doc(doc));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(bytes: &[u8]) -> Vec<Item> {
        let mut out = Vec::new();
        text_document(bytes.to_vec(), "f.txt", &TextMeta::default(), &mut |i| {
            out.push(i)
        });
        out
    }

    #[test]
    fn binary_is_skipped_with_a_named_error() {
        let items = collect(b"abc\0def");
        assert!(
            matches!(&items[..], [Item::Error(m)] if m.contains("f.txt") && m.contains("offset 3"))
        );
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_warning() {
        let items = collect(b"ok \xff then");
        assert!(matches!(&items[0], Item::Warning(m) if m.contains("offset 3")));
        assert!(matches!(&items[1], Item::Doc(d) if d.text == "ok \u{fffd} then"));
    }

    #[test]
    fn text_is_kept_byte_for_byte() {
        let raw = "\u{feff}Title\r\nBody.\r\n";
        let items = collect(raw.as_bytes());
        assert!(matches!(&items[0], Item::Doc(d) if d.text == raw));
    }
}
