//! The `newsledger text` command, kept here so the binary only parses arguments.
//!
//! - `newsledger text PAGE.html [--json] [--url URL]`: the main text on stdout (paragraphs
//!   separated by blank lines), or with `--json` the whole [`Article`] as one JSON object.
//!   `-` reads the page from stdin.
//! - `newsledger text --batch IN_DIR OUT_DIR [--json]`: `OUT_DIR/<name>.txt` (or `.json`)
//!   for every `<name>.html` / `.htm` under IN_DIR (sub-folders are mirrored), in parallel.
//!   A page that fails is named on stderr and the rest go on.
//!
//! Exit codes follow the rest of the CLI: 0 when every page was read, 1 when some page could
//! not be read or held no article, 2 for usage errors (the caller's job).

use crate::{extract_article, Article, HtmlError};
use rayon::prelude::*;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why one page produced no output.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Html {
        path: String,
        #[source]
        source: HtmlError,
    },
}

/// Read a page from a path, or from stdin when the path is `-`.
fn read_input(path: &Path) -> Result<Vec<u8>, TextError> {
    let io = |source| TextError::Io {
        path: path.display().to_string(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map_err(io)?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(io)
    }
}

/// Extract one page read from `path` (`-` = stdin).
pub fn extract_file(path: &Path, url: Option<&str>) -> Result<Article, TextError> {
    let bytes = read_input(path)?;
    extract_article(&bytes, url).map_err(|source| TextError::Html {
        path: path.display().to_string(),
        source,
    })
}

/// Render an article as the command prints it: the text, or JSON with the metadata.
pub fn render(article: &Article, json: bool) -> String {
    if json {
        let mut s = serde_json::to_string_pretty(article).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    } else {
        let mut s = article.text.clone();
        s.push('\n');
        s
    }
}

/// `newsledger text PAGE [--json] [--url URL]`: write the result to `out`, warnings to `err`.
/// Returns the exit code.
pub fn text_cmd(
    page: &Path,
    json: bool,
    url: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match extract_file(page, url) {
        Ok(a) => {
            for w in &a.warnings {
                let _ = writeln!(err, "warning: {}: {w}", page.display());
            }
            if out.write_all(render(&a, json).as_bytes()).is_err() {
                return 1;
            }
            0
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            1
        }
    }
}

/// What a batch run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchSummary {
    pub pages: usize,
    pub written: usize,
    pub failed: usize,
    pub bytes_in: u64,
}

fn is_page(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("html" | "htm" | "xhtml")
    )
}

/// Every page file under `dir`, sorted, as paths relative to `dir`.
pub fn find_pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        for entry in std::fs::read_dir(dir.join(&rel))? {
            let entry = entry?;
            let name = rel.join(entry.file_name());
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(name);
            } else if is_page(&name) {
                out.push(name);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `newsledger text --batch IN_DIR OUT_DIR [--json]`. Failures are written to `err` as
/// `PATH: reason`; the summary line too.
pub fn text_batch(in_dir: &Path, out_dir: &Path, json: bool, err: &mut dyn Write) -> BatchSummary {
    let s = text_batch_with(in_dir, out_dir, json, err, &|_| {}, &|_| {});
    let _ = writeln!(
        err,
        "text: {} pages, {} written, {} failed",
        s.pages, s.written, s.failed
    );
    s
}

/// [`text_batch`] without its summary line, telling a progress display the total size of
/// the pages found (`total`) and the size of each page as it is done (`page`, called from
/// worker threads).
pub fn text_batch_with(
    in_dir: &Path,
    out_dir: &Path,
    json: bool,
    err: &mut dyn Write,
    total: &dyn Fn(u64),
    page: &(dyn Fn(u64) + Sync),
) -> BatchSummary {
    let pages = match find_pages(in_dir) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "error: {}: {e}", in_dir.display());
            return BatchSummary {
                failed: 1,
                ..Default::default()
            };
        }
    };
    let size_of = |rel: &PathBuf| {
        std::fs::metadata(in_dir.join(rel))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    total(pages.iter().map(size_of).sum());
    let ext = if json { "json" } else { "txt" };
    let results: Vec<(u64, Result<(), String>)> = pages
        .par_iter()
        .map(|rel| {
            let src = in_dir.join(rel);
            let dst = out_dir.join(rel).with_extension(ext);
            let size = size_of(rel);
            let r = extract_file(&src, None)
                .map_err(|e| e.to_string())
                .and_then(|a| {
                    if let Some(parent) = dst.parent() {
                        std::fs::create_dir_all(parent)
                            .map_err(|e| format!("{}: {e}", parent.display()))?;
                    }
                    std::fs::write(&dst, render(&a, json))
                        .map_err(|e| format!("{}: {e}", dst.display()))
                });
            page(size);
            (size, r)
        })
        .collect();
    let mut s = BatchSummary {
        pages: pages.len(),
        ..Default::default()
    };
    for (size, r) in results {
        s.bytes_in += size;
        match r {
            Ok(()) => s.written += 1,
            Err(e) => {
                s.failed += 1;
                let _ = writeln!(err, "error: {e}");
            }
        }
    }
    s
}
