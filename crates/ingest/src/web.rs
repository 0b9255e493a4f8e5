//! Web inputs: HTML pages, WARC crawls, RSS/Atom feeds, gzip files and directories.
//!
//! Analysts bring crawls and feeds, not clean text. Everything here streams: a WARC is read
//! record by record, a directory file by file, and HTML extraction (the costly step) runs in
//! parallel over small batches of records, so memory stays bounded by the batch, not by the
//! input. Ids are the page URL when there is one, else the path, plus `@OFFSET` (byte offset
//! of the record in the decompressed stream) or `#N` (item number) inside a container.
//!
//! Language: with [`ReadOptions::english_only`], documents whose text is reliably detected as
//! another language (whatlang) are skipped and counted in [`ReadStats::skipped_language`].

use crate::{Item, TextMeta};
use newsledger_model::{Document, Meta};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How web inputs are read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Skip documents reliably detected as not English.
    pub english_only: bool,
    /// Glob patterns (e.g. `**/*.html`) a file inside a directory must match; empty = every
    /// file with a known extension.
    pub globs: Vec<String>,
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Input files opened.
    pub files: usize,
    /// Records found inside containers (WARC records, feed items).
    pub records: usize,
    /// Documents handed on.
    pub docs: usize,
    /// Documents skipped as not English.
    pub skipped_language: usize,
    /// Pages or records skipped: not HTML, no article text, non-response WARC records.
    pub skipped_other: usize,
    /// Inputs, records or lines that could not be read.
    pub failed: usize,
    /// Bytes read from disk (compressed size for compressed inputs).
    pub bytes: u64,
}

impl ReadStats {
    /// The end-of-run summary line, e.g. for stderr.
    pub fn summary(&self, elapsed: std::time::Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-9);
        format!(
            "read {} files, {} records: {} documents, skipped {} (not English {}, other {}), failed {}; {:.1} MB in {:.1} s ({:.1} MB/s, {:.0} docs/s)",
            self.files,
            self.records,
            self.docs,
            self.skipped_language + self.skipped_other,
            self.skipped_language,
            self.skipped_other,
            self.failed,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs,
            self.docs as f64 / secs,
        )
    }
}

/// An HTML page read from stdin (`-` starting with `<`).
pub fn read_html_bytes(bytes: &[u8], name: &str, sink: &mut dyn FnMut(Item)) {
    let opts = ReadOptions::default();
    let mut stats = ReadStats::default();
    let mut out = Out {
        opts: &opts,
        stats: &mut stats,
        sink,
    };
    html_page(bytes, name, &mut out);
}

/// Largest single page or feed read into memory; larger ones are skipped with an error.
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

/// What kind of input a path names, from its extension(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Warc,
    Feed,
    Jsonl,
    Text,
}

/// The kind of a file name, and whether it is gzip-compressed.
pub fn kind_of(name: &str) -> Option<(Kind, bool)> {
    let lower = name.to_ascii_lowercase();
    let (base, gz) = match lower.strip_suffix(".gz") {
        Some(b) => (b.to_string(), true),
        None => (lower, false),
    };
    let ext = Path::new(&base)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let kind = match ext {
        "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
        "warc" => Kind::Warc,
        "xml" | "rss" | "atom" | "rdf" | "feed" => Kind::Feed,
        "jsonl" | "ndjson" => Kind::Jsonl,
        "txt" | "text" => Kind::Text,
        _ => return None,
    };
    Some((kind, gz))
}

/// Whether this module reads the path (a directory, or a web/compressed file). The lead's
/// `read_input` keeps `.txt`, `.jsonl` and stdin; everything else comes here.
pub fn handles(path: &Path) -> bool {
    if path.is_dir() {
        return true;
    }
    let name = path.to_string_lossy();
    matches!(
        kind_of(&name),
        Some((Kind::Html | Kind::Warc | Kind::Feed, _)) | Some((_, true))
    )
}

/// A counting sink wrapper: applies the language filter and keeps the stats.
pub(crate) struct Out<'a> {
    pub opts: &'a ReadOptions,
    pub stats: &'a mut ReadStats,
    pub sink: &'a mut dyn FnMut(Item),
}

impl Out<'_> {
    pub fn doc(&mut self, d: Document) {
        let english = !self.opts.english_only || is_english(&d.text);
        self.doc_checked(d, english);
    }
    /// A document whose language was already checked (in parallel, by the WARC reader).
    pub fn doc_checked(&mut self, mut d: Document, english: bool) {
        if self.opts.english_only && !english {
            self.stats.skipped_language += 1;
            return;
        }
        if let Some(w) = crate::language::settle(&mut d) {
            (self.sink)(Item::Warning(w));
        }
        self.stats.docs += 1;
        (self.sink)(Item::Doc(d));
    }
    pub fn warn(&mut self, w: String) {
        (self.sink)(Item::Warning(w));
    }
    pub fn skip(&mut self, w: String) {
        self.stats.skipped_other += 1;
        (self.sink)(Item::Warning(w));
    }
    pub fn error(&mut self, e: String) {
        self.stats.failed += 1;
        (self.sink)(Item::Error(e));
    }
    /// Pass through an item from a reader that does not know about stats (text, JSONL).
    pub fn item(&mut self, it: Item) {
        match it {
            Item::Doc(d) => self.doc(d),
            Item::Error(e) => self.error(e),
            Item::Warning(w) => self.warn(w),
        }
    }
}

/// Whether a text is English, or too short / too mixed to tell (then it is kept).
pub fn is_english(text: &str) -> bool {
    // The first few thousand bytes decide; detection on a whole long article costs time
    // and changes nothing.
    let mut end = text.len().min(1000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or("");
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() => info.lang() == whatlang::Lang::Eng,
        _ => true,
    }
}

/// A Document from an extracted article.
pub(crate) fn article_doc(a: &newsledger_html::Article, fallback_id: String) -> Document {
    // A blank URL (an empty canonical link or WARC-Target-URI) is no URL: the document
    // would otherwise have an empty id (found by fuzzing).
    let url = a.url.clone().filter(|u| !u.trim().is_empty());
    let id = url.clone().unwrap_or(fallback_id);
    Document::new(
        id,
        a.document_text(),
        Meta {
            published: a.published,
            title: a.title.clone(),
            url,
            outlet: a.outlet.clone(),
            language: a.lang.clone(),
        },
    )
}

fn read_capped(r: &mut dyn Read, name: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    r.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    if buf.len() as u64 > MAX_PAGE_BYTES {
        return Err(format!(
            "{name}: larger than {} MB, skipped",
            MAX_PAGE_BYTES >> 20
        ));
    }
    Ok(buf)
}

/// One HTML page (bytes already read). A page with no article is an error for a file given
/// by itself.
pub(crate) fn html_page(bytes: &[u8], name: &str, out: &mut Out<'_>) {
    match newsledger_html::extract_article(bytes, None) {
        Ok(a) => {
            for w in &a.warnings {
                out.warn(format!("{name}: {w}"));
            }
            out.doc(article_doc(&a, name.to_string()));
        }
        Err(e) => out.error(format!("{name}: {e}")),
    }
}

/// Read one web input: a directory, an HTML page, a WARC, a feed, or any of them gzipped
/// (`.html.gz`, `.warc.gz`, `.jsonl.gz`, `.txt.gz`, `.xml.gz`).
pub fn read_web_input(
    path: &Path,
    meta: &TextMeta,
    opts: &ReadOptions,
    stats: &mut ReadStats,
    sink: &mut dyn FnMut(Item),
) {
    let mut out = Out { opts, stats, sink };
    read_path(path, meta, &mut out);
}

fn read_path(path: &Path, meta: &TextMeta, out: &mut Out<'_>) {
    let name = path.display().to_string();
    if path.is_dir() {
        read_dir(path, meta, out);
        return;
    }
    let Some((kind, gz)) = kind_of(&name) else {
        // Unknown extension given explicitly: sniff HTML, else treat as text.
        read_unknown(path, meta, out);
        return;
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            out.error(format!("{name}: cannot open: {e}"));
            return;
        }
    };
    out.stats.files += 1;
    out.stats.bytes += file.metadata().map(|m| m.len()).unwrap_or(0);
    let raw = BufReader::with_capacity(1 << 16, file);
    read_stream(kind, gz, raw, &name, meta, out);
}

/// Reads bytes as if they were a file called `name` (its extension picks the reader; `.gz`
/// decompresses): what `extract` does with a file, without the file. Fuzzing and tests use
/// it; an unknown extension is read as text.
pub fn read_bytes(name: &str, bytes: &[u8], meta: &TextMeta, sink: &mut dyn FnMut(Item)) {
    let opts = ReadOptions::default();
    let mut stats = ReadStats::default();
    let mut out = Out {
        opts: &opts,
        stats: &mut stats,
        sink,
    };
    let (kind, gz) = kind_of(name).unwrap_or((Kind::Text, false));
    read_stream(
        kind,
        gz,
        std::io::Cursor::new(bytes.to_vec()),
        name,
        meta,
        &mut out,
    );
}

fn read_stream(
    kind: Kind,
    gz: bool,
    raw: impl BufRead + Send + 'static,
    name: &str,
    meta: &TextMeta,
    out: &mut Out<'_>,
) {
    let name = name.to_string();
    let mut reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    match kind {
        Kind::Warc => crate::warc::read_warc(reader, &name, out),
        Kind::Jsonl => crate::read_jsonl(reader, &name, &mut |it| out.item(it)),
        Kind::Html => match read_capped(&mut reader, &name) {
            Ok(b) => html_page(&b, &name, out),
            Err(e) => out.error(e),
        },
        Kind::Feed => match read_capped(&mut reader, &name) {
            Ok(b) => crate::feed::read_feed(&b, &name, out),
            Err(e) => out.error(e),
        },
        Kind::Text => match read_capped(&mut reader, &name) {
            Ok(b) => crate::text::text_document(b, &name, meta, &mut |it| out.item(it)),
            Err(e) => out.error(e),
        },
    }
}

fn read_unknown(path: &Path, meta: &TextMeta, out: &mut Out<'_>) {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            out.error(format!("{name}: cannot open: {e}"));
            return;
        }
    };
    out.stats.files += 1;
    out.stats.bytes += bytes.len() as u64;
    let head = String::from_utf8_lossy(bytes.get(..1024).unwrap_or(&bytes)).to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        html_page(&bytes, &name, out);
    } else {
        crate::text::text_document(bytes, &name, meta, &mut |it| out.item(it));
    }
}

fn read_dir(dir: &Path, meta: &TextMeta, out: &mut Out<'_>) {
    let globs = if out.opts.globs.is_empty() {
        None
    } else {
        let mut b = globset::GlobSetBuilder::new();
        for g in &out.opts.globs {
            match globset::Glob::new(g) {
                Ok(glob) => {
                    b.add(glob);
                }
                Err(e) => {
                    out.error(format!("--glob {g}: {e}"));
                    return;
                }
            }
        }
        match b.build() {
            Ok(s) => Some(s),
            Err(e) => {
                out.error(format!("--glob: {e}"));
                return;
            }
        }
    };
    let files = match walk(dir) {
        Ok(f) => f,
        Err(e) => {
            out.error(format!("{}: cannot list: {e}", dir.display()));
            return;
        }
    };
    for rel in files {
        let keep = match &globs {
            Some(g) => g.is_match(&rel),
            None => kind_of(&rel.to_string_lossy()).is_some(),
        };
        if keep {
            read_path(&dir.join(&rel), meta, out);
        }
    }
}

/// Files under `dir` (recursively, hidden entries skipped), relative and sorted.
fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(dir.join(&rel))? {
            let entry = entry?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let p = rel.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}
