//! Progress on long runs: a bar on stderr (documents, bytes, documents/s, ETA where the total
//! is known) drawn only when stderr is a terminal and stdout is not, so a table or a ledger
//! on the terminal is never interleaved with it; and a one-line summary at the end.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Counts of a run, for the closing summary.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub read: u64,
    pub skipped: u64,
    pub failed: u64,
    pub records: u64,
    pub bytes: u64,
}

pub struct Progress {
    bar: Option<ProgressBar>,
    verb: &'static str,
    quiet: bool,
    started: Instant,
    pub tally: Tally,
}

/// True when a bar may be drawn: stderr is a terminal and stdout is not.
pub fn may_draw() -> bool {
    std::io::stderr().is_terminal() && !std::io::stdout().is_terminal()
}

/// The total size in bytes of the input paths (files, and files under directories), when
/// every one is a file or directory on disk; `None` for stdin or anything unreadable.
pub fn total_bytes(paths: &[String]) -> Option<u64> {
    let mut total = 0u64;
    for p in paths {
        if p == "-" {
            return None;
        }
        total += size_of(std::path::Path::new(p))?;
    }
    Some(total)
}

fn size_of(p: &std::path::Path) -> Option<u64> {
    let meta = std::fs::metadata(p).ok()?;
    if meta.is_file() {
        return Some(meta.len());
    }
    let mut total = 0u64;
    for entry in std::fs::read_dir(p).ok()?.flatten() {
        total += size_of(&entry.path()).unwrap_or(0);
    }
    Some(total)
}

impl Progress {
    /// `verb` names the work in the summary ("extract", "ingest"); `total` is the input size
    /// in bytes when known (the bar then shows a percentage and an ETA).
    pub fn new(verb: &'static str, total: Option<u64>, quiet: bool) -> Self {
        let bar = (!quiet && may_draw()).then(|| new_bar(total));
        Progress {
            bar,
            verb,
            quiet,
            started: Instant::now(),
            tally: Tally::default(),
        }
    }

    /// One document done, of `bytes` bytes, with `records` records.
    pub fn doc(&mut self, bytes: u64, records: u64) {
        self.tally.read += 1;
        self.tally.bytes += bytes;
        self.tally.records += records;
        if let Some(b) = &self.bar {
            b.set_message(format!("{} docs", self.tally.read));
            b.inc(bytes);
        }
    }

    /// Several documents done at once (`docs`, their `bytes` and `records`).
    pub fn docs(&mut self, docs: u64, bytes: u64, records: u64) {
        self.tally.read += docs;
        self.tally.bytes += bytes;
        self.tally.records += records;
        if let Some(b) = &self.bar {
            b.set_message(format!("{} docs", self.tally.read));
            b.inc(bytes);
        }
    }

    /// Count documents and bytes whose progress the bar has already shown (via [`Self::bar`]).
    pub fn count(&mut self, docs: u64, bytes: u64) {
        self.tally.read += docs;
        self.tally.bytes += bytes;
    }

    /// Set the total once it is known (the bar then shows a percentage and an ETA).
    pub fn set_total(&self, total: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total);
            if let Ok(style) = ProgressStyle::with_template(WITH_TOTAL) {
                b.set_style(style.progress_chars("=> "));
            }
        }
    }

    /// A handle on the bar for work on other threads (None when no bar is drawn).
    pub fn bar(&self) -> Option<ProgressBar> {
        self.bar.clone()
    }

    /// Say what the run is doing now (shown beside the bar).
    pub fn status(&self, msg: &str) {
        if let Some(b) = &self.bar {
            b.set_message(msg.to_string());
        }
    }

    pub fn skipped(&mut self, n: u64) {
        self.tally.skipped += n;
    }

    pub fn failed(&mut self) {
        self.tally.failed += 1;
    }

    pub fn failed_n(&mut self, n: u64) {
        self.tally.failed += n;
    }

    /// Print a line above the bar (or straight to stderr without one).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clear the bar and print the summary line, unless quiet.
    pub fn finish(self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        if !self.quiet {
            eprintln!("{}", self.summary());
        }
    }

    pub fn summary(&self) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let t = &self.tally;
        format!(
            "{}: {} read, {} skipped, {} failed, {} records, {:.1} MB in {:.1}s ({:.2} MB/s, {:.0} docs/s)",
            self.verb,
            t.read,
            t.skipped,
            t.failed,
            t.records,
            t.bytes as f64 / 1e6,
            secs,
            t.bytes as f64 / 1e6 / secs,
            t.read as f64 / secs
        )
    }
}

const WITH_TOTAL: &str =
    "{spinner} {msg} {bytes}/{total_bytes} [{wide_bar}] {percent}% {binary_bytes_per_sec} ETA {eta}";
const NO_TOTAL: &str = "{spinner} {msg} {bytes} {binary_bytes_per_sec} {elapsed}";

fn new_bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(n) => (
            ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            WITH_TOTAL,
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            NO_TOTAL,
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// A writer that moves the bar by the bytes written through it (for `export`).
pub struct Counting<W: std::io::Write> {
    pub inner: W,
    pub bar: Option<ProgressBar>,
    pub bytes: u64,
}

impl<W: std::io::Write> std::io::Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        if let Some(b) = &self.bar {
            b.inc(n as u64);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_what_was_done() {
        let mut p = Progress::new("extract", None, true);
        p.doc(2_000_000, 7);
        p.doc(1_000_000, 3);
        p.skipped(1);
        p.failed();
        let s = p.summary();
        assert!(
            s.starts_with("extract: 2 read, 1 skipped, 1 failed, 10 records, 3.0 MB"),
            "{s}"
        );
        // Quiet or not drawn: no bar exists in a test process (stderr is captured).
        assert!(p.bar.is_none());
    }

    #[test]
    fn batches_and_writers_count_too() {
        let mut p = Progress::new("ingest", None, true);
        p.docs(3, 900, 12);
        p.failed_n(2);
        p.set_total(10);
        assert!(p
            .summary()
            .starts_with("ingest: 3 read, 0 skipped, 2 failed, 12 records"));
        let mut w = Counting {
            inner: Vec::new(),
            bar: p.bar(),
            bytes: 0,
        };
        std::io::Write::write_all(&mut w, b"a,b\n1,2\n").expect("write");
        assert_eq!(w.bytes, 8);
        assert_eq!(w.inner, b"a,b\n1,2\n");
    }

    #[test]
    fn total_size_of_files_and_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.txt"), "12345").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::write(dir.path().join("sub/b.txt"), "123").expect("write");
        let paths = vec![dir.path().display().to_string()];
        assert_eq!(total_bytes(&paths), Some(8));
        assert_eq!(total_bytes(&["-".to_string()]), None);
    }
}
