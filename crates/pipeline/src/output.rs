//! Ledger writers: interchangeable sinks for one ledger per document, in the manner of
//! ripgrep's printers. JSONL streams; JSON writes one object, or an array when there are
//! several documents; the table is for people at a terminal.
//!
//! A document long enough for the pipeline to cut into chunks is written by
//! [`LedgerWriter::run_and_write`] without ever holding its records: they are serialised
//! chunk by chunk into one spool per layer (an unnamed temporary file, or memory when no
//! temporary file can be made) and the spools are copied out in ledger order at the end.
//! The bytes are the same as [`LedgerWriter::write`] gives for the same records.

use newsledger_model::{Document, Layers, LedgerOptions, LedgerView, Pipeline, SCHEMA_VERSION};
use serde::Serialize;
use std::io::{self, Seek, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Table,
}

/// Writes ledgers to an output in one format.
pub struct LedgerWriter<W: Write> {
    out: W,
    format: Format,
    opts: LedgerOptions,
    /// JSON: the first ledger is held back until we know whether an array is needed.
    pending: Option<Pending>,
    written: usize,
}

impl<W: Write> LedgerWriter<W> {
    pub fn new(out: W, format: Format, opts: LedgerOptions) -> Self {
        LedgerWriter {
            out,
            format,
            opts,
            pending: None,
            written: 0,
        }
    }

    pub fn write(&mut self, doc: &Document) -> io::Result<()> {
        self.write_with_text(doc, false)
    }

    /// What [`LedgerWriter::write_with_text`] needs to serialise a ledger, without the output:
    /// it can be sent to other threads, so ledgers are serialised in parallel with the
    /// pipeline and only their bytes are written in order (see [`LedgerWriter::write_rendered`]).
    pub fn renderer(&self) -> Renderer {
        Renderer {
            format: self.format,
            opts: self.opts,
        }
    }

    /// Write a ledger [`Renderer::render`] made; the bytes are those
    /// [`LedgerWriter::write_with_text`] writes for the same document.
    pub fn write_rendered(&mut self, rendered: Rendered) -> io::Result<()> {
        match self.format {
            Format::Json if self.written == 0 => self.pending = Some(Pending::Bytes(rendered.0)),
            Format::Json => {
                self.json_separator()?;
                self.out.write_all(&rendered.0)?;
            }
            Format::Jsonl | Format::Table => self.out.write_all(&rendered.0)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Write one ledger; `force_text` adds the text even when the options leave it out (for
    /// text extracted from HTML, WARC or feeds, whose spans only make sense with it).
    pub fn write_with_text(&mut self, doc: &Document, force_text: bool) -> io::Result<()> {
        let mut opts = self.opts;
        opts.with_text |= force_text;
        let ledger = LedgerView::of(doc, opts);
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, &ledger)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                let s = serde_json::to_string_pretty(&ledger)?;
                if self.written == 0 {
                    self.pending = Some(Pending::Text(s));
                } else {
                    self.json_separator()?;
                    self.out.write_all(s.as_bytes())?;
                }
            }
            Format::Table => write_table(&mut self.out, doc)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Before a JSON ledger that is not the first: open the array (releasing the held-back
    /// first ledger) or separate from the previous one.
    fn json_separator(&mut self) -> io::Result<()> {
        if self.written == 1 {
            self.out.write_all(b"[\n")?;
            if let Some(first) = self.pending.take() {
                first.copy_to(&mut self.out)?;
            }
        }
        self.out.write_all(b",\n")
    }

    /// Run the pipeline over `doc` and write its ledger. A document the pipeline cuts into
    /// chunks is written as its chunks leave the stages, so its records are never all in
    /// memory at once; others are run and written as [`LedgerWriter::write_with_text`] does.
    /// Over the document's [`Document::budget`] nothing is written and the error carries
    /// the [`newsledger_model::OverBudget`] (see `OverBudget::in_io`).
    pub fn run_and_write(
        &mut self,
        pipeline: &Pipeline,
        doc: &Document,
        force_text: bool,
    ) -> io::Result<()> {
        let chunks = pipeline.chunks_of(&doc.text);
        let Some(chunks) = chunks.filter(|_| self.format != Format::Table) else {
            // Whole documents, and the table (which is for people, who do not read 50 MB).
            let mut d = doc.clone();
            pipeline.run_within(&mut d, doc.budget.clone())?;
            return self.write_with_text(&d, force_text);
        };
        let mut opts = self.opts;
        opts.with_text |= force_text;
        let pretty = self.format == Format::Json;
        let mut spools = Spools::new(opts.annotations, pretty);
        let entities = crate::run_streamed(pipeline, doc, &chunks, |part| spools.push(&part))?;
        match self.format {
            Format::Json if self.written == 0 => {
                let mut held = Spool::new();
                spools.write_ledger(&mut held, doc, &entities, opts)?;
                self.pending = Some(Pending::Spool(held));
            }
            Format::Json => {
                self.json_separator()?;
                spools.write_ledger(&mut self.out, doc, &entities, opts)?;
            }
            _ => {
                spools.write_ledger(&mut self.out, doc, &entities, opts)?;
                self.out.write_all(b"\n")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            match self.written {
                0 => writeln!(self.out, "[]")?,
                1 => {
                    if let Some(first) = self.pending.take() {
                        first.copy_to(&mut self.out)?;
                    }
                    writeln!(self.out)?;
                }
                _ => writeln!(self.out, "\n]")?,
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Serialises ledgers in a writer's format and options, on any thread.
#[derive(Debug, Clone, Copy)]
pub struct Renderer {
    format: Format,
    opts: LedgerOptions,
}

/// One ledger's bytes, ready for [`LedgerWriter::write_rendered`].
#[derive(Debug, Default)]
pub struct Rendered(Vec<u8>);

impl Renderer {
    /// The ledger of `doc` as [`LedgerWriter::write_with_text`] would write it (JSON ledgers
    /// without their array separators, which depend on the ledgers before).
    pub fn render(&self, doc: &Document, force_text: bool) -> io::Result<Rendered> {
        let mut opts = self.opts;
        opts.with_text |= force_text;
        let mut out = Vec::new();
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &LedgerView::of(doc, opts))?;
                out.push(b'\n');
            }
            Format::Json => serde_json::to_writer_pretty(&mut out, &LedgerView::of(doc, opts))?,
            Format::Table => write_table(&mut out, doc)?,
        }
        Ok(Rendered(out))
    }
}

/// A held-back first JSON ledger.
enum Pending {
    Text(String),
    Bytes(Vec<u8>),
    Spool(Spool),
}

impl Pending {
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Pending::Text(s) => out.write_all(s.as_bytes()),
            Pending::Bytes(b) => out.write_all(&b),
            Pending::Spool(s) => s.copy_to(out),
        }
    }
}

/// Bytes written now and read back once: an unnamed temporary file (removed by the system
/// when closed), or memory when none can be made.
enum Spool {
    File(io::BufWriter<std::fs::File>),
    Memory(Vec<u8>),
}

impl Spool {
    fn new() -> Self {
        match tempfile::tempfile() {
            Ok(f) => Spool::File(io::BufWriter::new(f)),
            Err(_) => Spool::Memory(Vec::new()),
        }
    }

    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Spool::File(w) => {
                let mut f = w.into_inner().map_err(|e| e.into_error())?;
                f.rewind()?;
                io::copy(&mut f, out)?;
                Ok(())
            }
            Spool::Memory(v) => out.write_all(&v),
        }
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Spool::File(w) => w.write(buf),
            Spool::Memory(v) => v.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Spool::File(w) => w.write_all(buf),
            Spool::Memory(v) => v.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spool::File(w) => w.flush(),
            Spool::Memory(_) => Ok(()),
        }
    }
}

/// The elements of one JSON array of the ledger, serialised as they come.
struct ArraySpool {
    spool: Spool,
    len: usize,
}

impl ArraySpool {
    fn new() -> Self {
        ArraySpool {
            spool: Spool::new(),
            len: 0,
        }
    }

    fn push_all<T: Serialize>(&mut self, recs: &[T], pretty: bool) -> io::Result<()> {
        for r in recs {
            if self.len > 0 {
                self.spool.write_all(if pretty { b",\n" } else { b"," })?;
            }
            write_element(&mut self.spool, r, pretty)?;
            self.len += 1;
        }
        Ok(())
    }

    fn write_array(self, out: &mut dyn Write, pretty: bool) -> io::Result<()> {
        match (self.len, pretty) {
            (0, _) => out.write_all(b"[]"),
            (_, true) => {
                out.write_all(b"[\n")?;
                self.spool.copy_to(out)?;
                out.write_all(b"\n  ]")
            }
            (_, false) => {
                out.write_all(b"[")?;
                self.spool.copy_to(out)?;
                out.write_all(b"]")
            }
        }
    }
}

/// One element of an array that is a value of the ledger object: compact, or pretty at
/// the depth `serde_json::to_string_pretty` of the whole ledger puts it (two levels of two
/// spaces; JSON strings never hold a raw newline, so every newline is a line break).
fn write_element<T: Serialize>(out: &mut dyn Write, rec: &T, pretty: bool) -> io::Result<()> {
    if !pretty {
        serde_json::to_writer(&mut *out, rec)?;
        return Ok(());
    }
    let s = serde_json::to_string_pretty(rec)?;
    out.write_all(b"    ")?;
    out.write_all(s.replace('\n', "\n    ").as_bytes())
}

/// The spooled layers of a ledger being written chunk by chunk.
struct Spools {
    pretty: bool,
    figures: ArraySpool,
    claims: ArraySpool,
    events: ArraySpool,
    timexes: ArraySpool,
    residue: ArraySpool,
    segments: Option<ArraySpool>,
}

impl Spools {
    fn new(annotations: bool, pretty: bool) -> Self {
        Spools {
            pretty,
            figures: ArraySpool::new(),
            claims: ArraySpool::new(),
            events: ArraySpool::new(),
            timexes: ArraySpool::new(),
            residue: ArraySpool::new(),
            segments: annotations.then(ArraySpool::new),
        }
    }

    fn push(&mut self, l: &Layers) -> io::Result<()> {
        let p = self.pretty;
        self.figures.push_all(&l.figures, p)?;
        self.claims.push_all(&l.claims, p)?;
        self.events.push_all(&l.events, p)?;
        self.timexes.push_all(&l.timexes, p)?;
        self.residue.push_all(&l.residue, p)?;
        if let Some(s) = &mut self.segments {
            s.push_all(&l.segments, p)?;
        }
        Ok(())
    }

    /// The whole ledger, keys in [`LedgerView`]'s order.
    fn write_ledger(
        self,
        out: &mut dyn Write,
        doc: &Document,
        entities: &[newsledger_model::Entity],
        opts: LedgerOptions,
    ) -> io::Result<()> {
        let p = self.pretty;
        let key = |out: &mut dyn Write, first: bool, name: &str| -> io::Result<()> {
            let lead: &[u8] = match (first, p) {
                (true, true) => b"{\n  ",
                (true, false) => b"{",
                (false, true) => b",\n  ",
                (false, false) => b",",
            };
            out.write_all(lead)?;
            serde_json::to_writer(&mut *out, name)?;
            out.write_all(if p { b": " } else { b":" })
        };
        let published = doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string());
        key(out, true, "schema_version")?;
        scalar(out, &SCHEMA_VERSION)?;
        key(out, false, "id")?;
        scalar(out, &doc.id)?;
        key(out, false, "published")?;
        scalar(out, &published)?;
        key(out, false, "title")?;
        scalar(out, &doc.meta.title)?;
        key(out, false, "url")?;
        scalar(out, &doc.meta.url)?;
        key(out, false, "outlet")?;
        scalar(out, &doc.meta.outlet)?;
        key(out, false, "figures")?;
        self.figures.write_array(out, p)?;
        key(out, false, "claims")?;
        self.claims.write_array(out, p)?;
        key(out, false, "entities")?;
        write_slice(out, entities, p)?;
        key(out, false, "events")?;
        self.events.write_array(out, p)?;
        key(out, false, "timexes")?;
        self.timexes.write_array(out, p)?;
        key(out, false, "residue")?;
        self.residue.write_array(out, p)?;
        if opts.with_text {
            key(out, false, "text")?;
            scalar(out, &doc.text)?;
        }
        if let Some(s) = self.segments {
            key(out, false, "segments")?;
            s.write_array(out, p)?;
        }
        out.write_all(if p { b"\n}" } else { b"}" })
    }
}

/// A string, number or null: the same compact and pretty.
fn scalar<T: Serialize + ?Sized>(out: &mut dyn Write, v: &T) -> io::Result<()> {
    serde_json::to_writer(out, v)?;
    Ok(())
}

/// A whole array from records in memory.
fn write_slice<T: Serialize>(out: &mut dyn Write, recs: &[T], pretty: bool) -> io::Result<()> {
    if recs.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(if pretty { b"[\n" } else { b"[" })?;
    for (i, r) in recs.iter().enumerate() {
        if i > 0 {
            out.write_all(if pretty { b",\n" } else { b"," })?;
        }
        write_element(&mut *out, r, pretty)?;
    }
    out.write_all(if pretty { b"\n  ]" } else { b"]" })
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let t: String = s.chars().take(n.saturating_sub(1)).collect();
        format!("{t}…")
    }
}

fn write_table<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let l = &doc.layers;
    let published = doc
        .meta
        .published
        .map(|d| d.to_string())
        .unwrap_or_else(|| "-".into());
    writeln!(
        out,
        "== {}  (published {published}; {} figures, {} claims, {} entities, {} events, {} timexes)",
        doc.id,
        l.figures.len(),
        l.claims.len(),
        l.entities.len(),
        l.events.len(),
        l.timexes.len()
    )?;
    if !l.figures.is_empty() {
        writeln!(
            out,
            "  {:<12} {:<22} {:<28} {:<14} {:<11} sources",
            "metric", "value", "group", "place", "as_of"
        )?;
        for f in &l.figures {
            let hedge = if f.hedged { " (hedged)" } else { "" };
            writeln!(
                out,
                "  {:<12} {:<22} {:<28} {:<14} {:<11} {}{hedge}",
                f.metric,
                clip(&f.value.text, 22),
                clip(&format!("{} ({})", f.group.text, f.group.class), 28),
                clip(f.place.as_deref().unwrap_or("-"), 14),
                f.as_of.as_deref().unwrap_or("-"),
                f.sources.join(" → ")
            )?;
        }
    }
    for e in &l.events {
        writeln!(
            out,
            "  event {:<14} {:<11} {}",
            e.kind,
            e.date.as_deref().unwrap_or("-"),
            clip(&e.trigger.text, 40)
        )?;
    }
    writeln!(out)
}
