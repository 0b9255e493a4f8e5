//! A streaming WARC reader: one record at a time, HTML responses to articles.
//!
//! Why not load the file: crawls are gigabytes. The reader holds one record block at a time
//! (skipping non-HTML records without buffering them) and a small batch of HTML payloads that
//! are extracted in parallel, so memory is bounded by the batch. A truncated record or gzip
//! member ends the stream with an error naming the input, the record number and its offset;
//! the records before it have already been handed on.

use crate::web::{article_doc, is_english, Out, MAX_PAGE_BYTES};
use rayon::prelude::*;
use std::io::{BufRead, Read};

/// Records extracted in parallel per batch, and the batch's byte budget.
const BATCH_RECORDS: usize = 64;
const BATCH_BYTES: usize = 32 << 20;

struct Header {
    warc_type: String,
    uri: Option<String>,
    content_type: String,
    length: Option<u64>,
}

/// One HTML payload waiting for extraction.
struct Pending {
    where_: String,
    fallback_id: String,
    body: Vec<u8>,
    charset: Option<String>,
    url: Option<String>,
}

/// Counts bytes consumed, for record offsets.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Name a read error the way a user can act on it: a damaged gzip stream is the usual cause.
fn read_error(e: &std::io::Error) -> String {
    let m = e.to_string();
    if e.kind() == std::io::ErrorKind::UnexpectedEof || m.contains("deflate") || m.contains("gzip")
    {
        format!("truncated or corrupt compressed data ({m})")
    } else {
        format!("cannot read: {m}")
    }
}

/// Read a header line (up to 64 KiB), without the line end. `Ok(None)` at end of input.
fn read_line<R: BufRead>(r: &mut R) -> std::io::Result<Option<String>> {
    let mut buf = Vec::new();
    let n = r.by_ref().take(64 << 10).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

fn split_header(line: &str) -> Option<(String, String)> {
    let (k, v) = line.split_once(':')?;
    Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
}

/// The charset parameter of a Content-Type value.
fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn is_html_type(ct: &str) -> bool {
    let ct = ct.to_ascii_lowercase();
    ct.contains("text/html") || ct.contains("application/xhtml")
}

/// Undo `Transfer-Encoding: chunked`; returns what could be decoded.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(eol) = rest.iter().position(|&b| b == b'\n') {
        let size_line = String::from_utf8_lossy(rest.get(..eol).unwrap_or(&[])).into_owned();
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        rest = rest.get(eol + 1..).unwrap_or(&[]);
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(rest.get(..take).unwrap_or(&[]));
        rest = rest.get(take..).unwrap_or(&[]);
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
    out
}

/// An HTTP response split into (status, content-type, body), with transfer and content
/// encodings undone. `None` when the block is not an HTTP response.
fn http_payload(block: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    let head_end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(block.get(..head_end.0)?);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let (mut ct, mut chunked, mut enc) = (String::new(), false, String::new());
    for l in lines {
        if let Some((k, v)) = split_header(l) {
            match k.as_str() {
                "content-type" => ct = v,
                "transfer-encoding" => chunked = v.to_ascii_lowercase().contains("chunked"),
                "content-encoding" => enc = v.to_ascii_lowercase(),
                _ => {}
            }
        }
    }
    let mut body = block.get(head_end.1..)?.to_vec();
    if chunked {
        body = dechunk(&body);
    }
    if enc.contains("gzip") || enc.contains("deflate") {
        let mut out = Vec::new();
        let ok = if enc.contains("gzip") {
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .take(MAX_PAGE_BYTES)
                .read_to_end(&mut out)
                .is_ok()
        } else {
            flate2::read::ZlibDecoder::new(body.as_slice())
                .take(MAX_PAGE_BYTES)
                .read_to_end(&mut out)
                .is_ok()
        };
        if ok {
            body = out;
        }
    }
    Some((status, ct, body))
}

fn flush(batch: &mut Vec<Pending>, out: &mut Out<'_>) {
    let check_lang = out.opts.english_only;
    // Extraction and language detection are the costly steps: both run in parallel.
    let results: Vec<_> = batch
        .par_iter()
        .map(|p| {
            let r = newsledger_html::extract_article_with(
                &p.body,
                newsledger_html::Options {
                    url: p.url.as_deref(),
                    charset: p.charset.as_deref(),
                },
            )
            .map(|a| {
                let d = article_doc(&a, p.fallback_id.clone());
                let english = !check_lang || is_english(&d.text);
                (a.warnings, d, english)
            });
            r
        })
        .collect();
    for (p, r) in batch.drain(..).zip(results) {
        match r {
            Ok((warnings, mut d, english)) => {
                for w in &warnings {
                    out.warn(format!("{}: {w}", p.where_));
                }
                // The crawl's URL names the record better than a canonical link in the page.
                // A blank WARC-Target-URI is none (an empty id otherwise; found by fuzzing).
                if let Some(u) = p.url.filter(|u| !u.trim().is_empty()) {
                    d.id = u.clone();
                    d.meta.url = Some(u);
                }
                out.doc_checked(d, english);
            }
            Err(e) => out.skip(format!("{}: {e}", p.where_)),
        }
    }
}

/// What the record-reading thread hands to the extracting one, in stream order.
enum Msg {
    Batch(Vec<Pending>),
    Record,
    Skip(String),
    SkipQuiet,
    Error(String),
}

/// Read a (decompressed) WARC stream named `name`. One thread parses records and
/// decompresses while the caller's thread extracts the previous batch in parallel.
pub(crate) fn read_warc<R: BufRead + Send>(reader: R, name: &str, out: &mut Out<'_>) {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Msg>(2);
        s.spawn(move || produce(reader, name, &tx));
        for msg in rx {
            match msg {
                Msg::Batch(mut b) => flush(&mut b, out),
                Msg::Record => out.stats.records += 1,
                Msg::Skip(w) => out.skip(w),
                Msg::SkipQuiet => out.stats.skipped_other += 1,
                Msg::Error(e) => out.error(e),
            }
        }
    });
}

fn produce<R: BufRead>(reader: R, name: &str, tx: &std::sync::mpsc::SyncSender<Msg>) {
    // A closed channel means the consumer is gone; nothing is left to do.
    let send = |m: Msg| {
        let _ = tx.send(m);
    };
    let mut r = Counting {
        inner: reader,
        pos: 0,
    };
    let mut batch: Vec<Pending> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut n = 0usize;
    loop {
        // Skip blank lines between records; stop cleanly at the end.
        let start;
        let version = loop {
            let at = r.pos;
            match read_line(&mut r) {
                Ok(None) => {
                    send(Msg::Batch(batch));
                    return;
                }
                Ok(Some(l)) if l.trim().is_empty() => continue,
                Ok(Some(l)) => {
                    start = at;
                    break l;
                }
                Err(e) => {
                    send(Msg::Batch(std::mem::take(&mut batch)));
                    send(Msg::Error(format!(
                        "{name}: after record {n} at offset {at}: {}",
                        read_error(&e)
                    )));
                    return;
                }
            }
        };
        n += 1;
        let where_ = |uri: &Option<String>| match uri {
            Some(u) => format!("{name}: record {n} at offset {start} ({u})"),
            None => format!("{name}: record {n} at offset {start}"),
        };
        if !version.starts_with("WARC/") {
            send(Msg::Batch(std::mem::take(&mut batch)));
            send(Msg::Error(format!(
                "{}: not a WARC record (starts with {:?})",
                where_(&None),
                version.chars().take(20).collect::<String>()
            )));
            return;
        }
        let mut h = Header {
            warc_type: String::new(),
            uri: None,
            content_type: String::new(),
            length: None,
        };
        loop {
            match read_line(&mut r) {
                Ok(Some(l)) if l.is_empty() => break,
                Ok(Some(l)) => {
                    if let Some((k, v)) = split_header(&l) {
                        match k.as_str() {
                            "warc-type" => h.warc_type = v.to_ascii_lowercase(),
                            "warc-target-uri" => {
                                h.uri = Some(v.trim_matches(['<', '>']).to_string())
                            }
                            "content-type" => h.content_type = v,
                            "content-length" => h.length = v.parse().ok(),
                            _ => {}
                        }
                    }
                }
                Ok(None) => {
                    send(Msg::Batch(std::mem::take(&mut batch)));
                    send(Msg::Error(format!(
                        "{}: truncated in its header",
                        where_(&h.uri)
                    )));
                    return;
                }
                Err(e) => {
                    send(Msg::Batch(std::mem::take(&mut batch)));
                    send(Msg::Error(format!(
                        "{}: cannot read header: {e}",
                        where_(&h.uri)
                    )));
                    return;
                }
            }
        }
        let Some(len) = h.length else {
            send(Msg::Batch(std::mem::take(&mut batch)));
            send(Msg::Error(format!("{}: no Content-Length", where_(&h.uri))));
            return;
        };
        send(Msg::Record);
        let wanted = match h.warc_type.as_str() {
            "response" => h.content_type.contains("application/http"),
            "resource" => is_html_type(&h.content_type),
            _ => false,
        };
        if !wanted || len > MAX_PAGE_BYTES {
            // Skip without buffering.
            match std::io::copy(&mut (&mut r).take(len), &mut std::io::sink()) {
                Ok(got) if got == len => {}
                Ok(got) => {
                    send(Msg::Batch(std::mem::take(&mut batch)));
                    send(Msg::Error(format!(
                        "{}: truncated: {got} of {len} bytes",
                        where_(&h.uri)
                    )));
                    return;
                }
                Err(e) => {
                    send(Msg::Batch(std::mem::take(&mut batch)));
                    send(Msg::Error(format!(
                        "{}: {}",
                        where_(&h.uri),
                        read_error(&e)
                    )));
                    return;
                }
            }
            if len > MAX_PAGE_BYTES {
                send(Msg::Skip(format!(
                    "{}: larger than {} MB, skipped",
                    where_(&h.uri),
                    MAX_PAGE_BYTES >> 20
                )));
            }
            continue;
        }
        let mut block = Vec::with_capacity(len as usize);
        match (&mut r).take(len).read_to_end(&mut block) {
            Ok(_) if block.len() as u64 == len => {}
            Ok(_) => {
                send(Msg::Batch(std::mem::take(&mut batch)));
                send(Msg::Error(format!(
                    "{}: truncated: {} of {len} bytes",
                    where_(&h.uri),
                    block.len()
                )));
                return;
            }
            Err(e) => {
                send(Msg::Batch(std::mem::take(&mut batch)));
                send(Msg::Error(format!(
                    "{}: {}",
                    where_(&h.uri),
                    read_error(&e)
                )));
                return;
            }
        }
        let (ct, body) = if h.warc_type == "response" {
            match http_payload(&block) {
                Some((status, ct, body)) if (200..300).contains(&status) => (ct, body),
                Some(_) => {
                    // Redirects and errors: counted, not reported one by one.
                    send(Msg::SkipQuiet);
                    continue;
                }
                None => {
                    send(Msg::Skip(format!(
                        "{}: not an HTTP response",
                        where_(&h.uri)
                    )));
                    continue;
                }
            }
        } else {
            (h.content_type.clone(), block)
        };
        // No Content-Type at all: sniff for markup rather than drop the page.
        let sniffed = ct.trim().is_empty()
            && body
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'<');
        if !is_html_type(&ct) && !sniffed {
            send(Msg::SkipQuiet);
            continue;
        }
        batch_bytes += body.len();
        batch.push(Pending {
            where_: where_(&h.uri),
            fallback_id: format!("{name}@{start}"),
            charset: charset_of(&ct),
            url: h.uri.clone(),
            body,
        });
        if batch.len() >= BATCH_RECORDS || batch_bytes >= BATCH_BYTES {
            send(Msg::Batch(std::mem::take(&mut batch)));
            batch_bytes = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_headers() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
        let (s, ct, body) = http_payload(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>x</p>",
        )
        .expect("http");
        assert_eq!((s, body.as_slice()), (200, b"<p>x</p>".as_slice()));
        assert_eq!(charset_of(&ct).as_deref(), Some("windows-1251"));
        assert!(http_payload(b"garbage").is_none());
    }
}
