//! Ledger writers: interchangeable sinks for one ledger per document, in the manner of
//! ripgrep's printers. JSONL streams; JSON writes one object, or an array when there are
//! several documents; the table is for people at a terminal.

use newsledger_model::{Document, Ledger, LedgerOptions};
use std::io::{self, Write};

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
    pending: Option<String>,
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

    /// Write one ledger; `force_text` adds the text even when the options leave it out (for
    /// text extracted from HTML, WARC or feeds, whose spans only make sense with it).
    pub fn write_with_text(&mut self, doc: &Document, force_text: bool) -> io::Result<()> {
        let mut opts = self.opts;
        opts.with_text |= force_text;
        let ledger = Ledger::from_document(doc, opts);
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, &ledger)?;
                self.out.write_all(b"\n")?;
            }
            Format::Json => {
                let s = serde_json::to_string_pretty(&ledger)?;
                match self.written {
                    0 => self.pending = Some(s),
                    1 => {
                        let first = self.pending.take().unwrap_or_default();
                        write!(self.out, "[\n{first},\n{s}")?;
                    }
                    _ => write!(self.out, ",\n{s}")?,
                }
            }
            Format::Table => write_table(&mut self.out, doc)?,
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            match self.written {
                0 => writeln!(self.out, "[]")?,
                1 => {
                    let first = self.pending.take().unwrap_or_default();
                    writeln!(self.out, "{first}")?;
                }
                _ => writeln!(self.out, "\n]")?,
            }
        }
        self.out.flush()?;
        Ok(self.out)
    }
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
