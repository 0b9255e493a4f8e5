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

    pub fn skipped(&mut self, n: u64) {
        self.tally.skipped += n;
    }

    pub fn failed(&mut self) {
        self.tally.failed += 1;
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

fn new_bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(n) => (
            ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            "{spinner} {msg} {bytes}/{total_bytes} [{wide_bar}] {percent}% {binary_bytes_per_sec} ETA {eta}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {msg} {bytes} {binary_bytes_per_sec} {elapsed}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
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
