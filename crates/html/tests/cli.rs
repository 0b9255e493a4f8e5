//! The `newsledger text` command logic: one page, JSON, batch with a failing page.
use newsledger_html::cli::{text_batch, text_cmd};
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests-data/html")
        .join(name)
}

#[test]
fn one_page_as_text_and_json() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        text_cmd(&data("river-flood.html"), false, None, &mut out, &mut err),
        0
    );
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("ORVANA — The Kessel river"));
    assert!(text.contains("\n\nWater reached"));

    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        text_cmd(&data("river-flood.html"), true, None, &mut out, &mut err),
        0
    );
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["published"], "2031-03-14");
    assert_eq!(v["outlet"], "The Harbour Ledger");
    assert_eq!(v["byline"], "Mira Talvek");

    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        text_cmd(
            &data("bad/front-page.html"),
            false,
            None,
            &mut out,
            &mut err
        ),
        1
    );
    let msg = String::from_utf8(err).expect("utf-8");
    assert!(
        msg.contains("front-page.html: no article text found"),
        "{msg}"
    );
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        text_cmd(&data("missing.html"), false, None, &mut out, &mut err),
        1
    );
}

#[test]
fn batch_writes_txt_per_page_and_names_failures() {
    let root = std::env::temp_dir().join(format!("nl-html-batch-{}", std::process::id()));
    let (inp, out) = (root.join("in"), root.join("out"));
    std::fs::create_dir_all(inp.join("sub")).expect("mkdir");
    std::fs::copy(data("teaser-cards.html"), inp.join("a.html")).expect("copy");
    std::fs::copy(data("blog-widgets.html"), inp.join("sub/b.htm")).expect("copy");
    std::fs::copy(data("bad/front-page.html"), inp.join("c.html")).expect("copy");
    std::fs::write(inp.join("notes.md"), "not a page").expect("write");
    let mut err = Vec::new();
    let s = text_batch(&inp, &out, false, &mut err);
    assert_eq!((s.pages, s.written, s.failed), (3, 2, 1));
    let a = std::fs::read_to_string(out.join("a.txt")).expect("a.txt");
    assert!(a.starts_with("Dock workers at the port of Sarn"));
    assert!(out.join("sub/b.txt").exists());
    assert!(!out.join("c.txt").exists());
    let msg = String::from_utf8(err).expect("utf-8");
    assert!(msg.contains("c.html: no article text found"), "{msg}");
    let _ = std::fs::remove_dir_all(&root);
}
