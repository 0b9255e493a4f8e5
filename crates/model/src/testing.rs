//! Helpers for tests that read the shared development material beside the repository
//! (`../shared`). A fresh clone without it must still pass, so these return `None` and print
//! a note instead of failing.

use std::path::PathBuf;

/// Path of a file under `../shared` (relative to the workspace root), or `None` with a printed
/// note when it is absent.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let p = root.join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("note: skipping, ../shared/{rel} is not present");
        None
    }
}

/// Read a shared text file, or `None` with a printed note.
pub fn shared_text(rel: &str) -> Option<String> {
    let p = shared_path(rel)?;
    match std::fs::read_to_string(&p) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("note: skipping, cannot read {}: {e}", p.display());
            None
        }
    }
}

/// The seed article's path inside `../shared`.
pub const SEED: &str = "fixtures/000_5fd3b595c2b22735.txt";
