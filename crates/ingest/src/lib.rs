//! # newsledger-ingest
//!
//! Readers that turn inputs (`.txt`, `.jsonl`, stdin) into [`Document`]s. Each reader
//! streams: it hands every document, warning and error to a callback as soon as it has
//! it, so a large JSONL file never has to sit in memory whole, and one bad line never stops
//! the rest of the batch. Errors name the input (`FILE` or `FILE:LINE`) and the problem.
//!
//! Texts are kept byte for byte (no NFC, CRLF or BOM changes): every span downstream is a
//! byte offset into the text as given.

mod date;
mod feed;
mod jsonl;
pub mod language;
mod text;
mod warc;
pub mod web;

pub use date::parse_date;
pub use jsonl::read_jsonl;
pub use text::{decode_text, read_text_file};
pub use web::{read_bytes, read_web_input, ReadOptions, ReadStats};

use newsledger_model::{Document, Meta};
use std::io::Read;
use std::path::Path;

/// What a reader produces, in input order.
// Documents are nearly every item and move straight into the pipeline; boxing them would
// only add an allocation each.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Item {
    /// A document ready for the pipeline.
    Doc(Document),
    /// Input was read, but not cleanly (e.g. invalid UTF-8 decoded lossily).
    Warning(String),
    /// An input, or a line of it, could not be read; the rest goes on.
    Error(String),
}

/// Metadata given on the command line for plain-text inputs.
#[derive(Debug, Clone, Default)]
pub struct TextMeta {
    pub published: Option<chrono::NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

impl TextMeta {
    pub fn to_meta(&self) -> Meta {
        Meta {
            published: self.published,
            title: self.title.clone(),
            url: self.url.clone(),
            outlet: self.outlet.clone(),
            language: None,
        }
    }
}

/// Read one input path (`-` for stdin), dispatching on its extension.
pub fn read_input(path: &str, meta: &TextMeta, sink: &mut dyn FnMut(Item)) {
    if path == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().lock().read_to_end(&mut buf) {
            sink(Item::Error(format!("-: cannot read stdin: {e}")));
            return;
        }
        let first = buf.iter().find(|b| !b.is_ascii_whitespace());
        if first == Some(&b'{') {
            read_jsonl(std::io::Cursor::new(buf), "-", sink);
        } else if first == Some(&b'<') {
            web::read_html_bytes(&buf, "-", sink);
        } else {
            text::text_document(buf, "-", meta, sink);
        }
        return;
    }
    let p = Path::new(path);
    // Directories, HTML, WARC, feeds and gzip files: see `web`.
    if web::handles(p) {
        let mut stats = ReadStats::default();
        web::read_web_input(p, meta, &ReadOptions::default(), &mut stats, sink);
        return;
    }
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl") | Some("ndjson") => match std::fs::File::open(p) {
            Ok(f) => read_jsonl(std::io::BufReader::new(f), path, sink),
            Err(e) => sink(Item::Error(format!("{path}: cannot open: {e}"))),
        },
        _ => read_text_file(p, path, meta, sink),
    }
}
