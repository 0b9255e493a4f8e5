//! Extraction quality and speed on a directory of pages with expected text.
//!
//! `cargo run --release -p newsledger-html --example eval_dir -- DIR [GROUND_TRUTH.json] [OUT.json]`
//! DIR holds `NAME.html` pages. Expected text comes from `NAME.txt` beside each page, or from
//! a ground-truth JSON object `{NAME: {"articleBody": ..., "url": ...}}` (the layout of the
//! public article-extraction benchmark). Prints shingle and token P/R/F1 and pages/s.
use newsledger_html::score::{counts, prf};
use std::collections::BTreeMap;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: eval_dir DIR [GROUND_TRUTH.json] [OUT.json]");
        std::process::exit(2);
    };
    let gt: Option<serde_json::Value> = args
        .get(1)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|s| serde_json::from_str(&s).ok());
    let mut pages = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.sort();
    for p in names {
        let name = p
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let Some(stem) = name.strip_suffix(".html") else {
            continue;
        };
        let (expected, url) = match &gt {
            Some(g) => match g.get(stem) {
                Some(v) => (
                    v.get("articleBody")
                        .and_then(|x| x.as_str())
                        .unwrap_or("")
                        .to_string(),
                    v.get("url").and_then(|x| x.as_str()).map(str::to_string),
                ),
                None => continue,
            },
            None => match std::fs::read_to_string(p.with_extension("txt")) {
                Ok(t) => (t, None),
                Err(_) => continue,
            },
        };
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        pages.push((stem.to_string(), bytes, expected, url));
    }
    let reps: usize = std::env::var("REPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let t = std::time::Instant::now();
    let mut outs = Vec::new();
    for _ in 0..reps {
        outs.clear();
        for (_, b, _, url) in &pages {
            outs.push(
                newsledger_html::extract_article(b, url.as_deref())
                    .map(|a| a.text)
                    .unwrap_or_default(),
            );
        }
    }
    let el = t.elapsed().as_secs_f64() / reps as f64;
    let bytes: usize = pages.iter().map(|p| p.1.len()).sum();
    let mut sh = Vec::new();
    let mut tok = Vec::new();
    let mut out_json = BTreeMap::new();
    let verbose = std::env::var("VERBOSE").is_ok();
    for ((name, _, exp, _), got) in pages.iter().zip(&outs) {
        let c4 = counts(exp, got, 4);
        sh.push(c4);
        tok.push(counts(exp, got, 1));
        if verbose {
            let (p, r, f) = prf(&[c4]);
            let _ = writeln!(std::io::stdout(), "{name}\tP={p:.3}\tR={r:.3}\tF={f:.3}");
        }
        out_json.insert(name.clone(), serde_json::json!({"articleBody": got}));
    }
    let (p, r, f) = prf(&sh);
    let (tp, tr, tf) = prf(&tok);
    println!(
        "pages {}  shingle P={p:.3} R={r:.3} F1={f:.3}  token P={tp:.3} R={tr:.3} F1={tf:.3}",
        pages.len()
    );
    println!(
        "speed {:.0} pages/s  {:.1} MB/s (one core)",
        pages.len() as f64 / el,
        bytes as f64 / 1e6 / el
    );
    if let Some(out) = args.get(2) {
        let _ = std::fs::write(out, serde_json::to_string(&out_json).unwrap_or_default());
    }
}
