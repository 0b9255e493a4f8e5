//! The extractor on our own fictional pages (tests-data/html): text quality, metadata,
//! furniture left out, bad input handled.

use newsledger_html::score::{counts, prf};
use newsledger_html::{extract_article, HtmlError};
use std::path::PathBuf;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests-data/html")
}

fn page(name: &str) -> Vec<u8> {
    std::fs::read(data_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn pages_with_expected_text() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(data_dir())
        .expect("tests-data/html")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter_map(|n| n.strip_suffix(".html").map(str::to_string))
        .filter(|stem| data_dir().join(format!("{stem}.txt")).exists())
        .collect();
    names.sort();
    names
}

#[test]
fn text_matches_expected_on_every_page() {
    let names = pages_with_expected_text();
    assert!(names.len() >= 6, "expected test pages, found {names:?}");
    let mut all = Vec::new();
    for stem in &names {
        let a = extract_article(&page(&format!("{stem}.html")), None)
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        let expected =
            std::fs::read_to_string(data_dir().join(format!("{stem}.txt"))).expect("expected text");
        let c = counts(&expected, &a.text, 1);
        let (p, r, f) = prf(&[c]);
        assert!(
            f >= 0.9,
            "{stem}: token P={p:.3} R={r:.3} F1={f:.3}\n---\n{}",
            a.text
        );
        all.push(counts(&expected, &a.text, 4));
    }
    let (_, _, f) = prf(&all);
    assert!(f >= 0.95, "mean shingle F1 {f:.3}");
}

#[test]
fn metadata_matches_expected() {
    for stem in pages_with_expected_text() {
        let Ok(meta) = std::fs::read_to_string(data_dir().join(format!("{stem}.meta.json"))) else {
            continue;
        };
        let want: serde_json::Value = serde_json::from_str(&meta).expect("meta json");
        let a = extract_article(&page(&format!("{stem}.html")), None).expect("article");
        let got = serde_json::to_value(&a).expect("serialise");
        for key in ["title", "byline", "published", "outlet"] {
            if let Some(w) = want.get(key) {
                assert_eq!(got.get(key), Some(w), "{stem}: {key}");
            }
        }
    }
}

#[test]
fn furniture_is_left_out() {
    let a = extract_article(&page("river-flood.html"), None).expect("article");
    for furniture in [
        "cookies",
        "Accept all",
        "Advertisement",
        "Sign up",
        "newsletter",
        "Photo: Ledger staff",
        "Comments",
        "riverwatcher",
        "Heavy rain forecast",
        "Share on",
        "All rights reserved",
        "World",
        "river correspondent",
    ] {
        assert!(
            !a.text.contains(furniture),
            "{furniture:?} leaked into:\n{}",
            a.text
        );
    }
    assert!(a.text.starts_with("ORVANA — The Kessel river"));
    assert_eq!(a.paragraphs().count(), 7);
    let t = extract_article(&page("teaser-cards.html"), None).expect("article");
    assert!(
        !t.text.contains("Rail freight"),
        "teaser card leaked:\n{}",
        t.text
    );
    assert!(!t.text.contains("Heatwave"));
}

#[test]
fn charsets_are_decoded() {
    let a = extract_article(&page("cp1251-declared.html"), None).expect("article");
    assert_eq!(a.encoding, "windows-1251");
    assert!(a.text.contains("Река Кессель прорвала две дамбы"));
    let b = extract_article(&page("latin1-sniffed.html"), None).expect("article");
    assert_eq!(b.encoding, "windows-1252");
    assert!(b.text.contains("céréaliers"));
    // The same page labelled as UTF-8 although it is not: the bytes win.
    let mut lying = page("latin1-sniffed.html");
    let head = b"<meta charset=\"utf-8\">";
    lying.splice(0..0, head.iter().copied());
    let c = extract_article(&lying, None).expect("article");
    assert!(c.text.contains("négociants"), "{}", c.text);
}

#[test]
fn json_ld_body_rescues_script_rendered_pages() {
    let a = extract_article(&page("script-rendered.html"), None).expect("article");
    assert!(a.text.contains("Morning Gull"));
    assert!(a.warnings.iter().any(|w| w.contains("JSON-LD")));
    assert_eq!(a.byline.as_deref(), Some("Tove Rannik"));
}

#[test]
fn bad_input_gives_clear_errors() {
    assert_eq!(
        extract_article(&page("bad/empty.html"), None),
        Err(HtmlError::Empty)
    );
    assert!(matches!(
        extract_article(&page("bad/binary.html"), None),
        Err(HtmlError::Binary(0))
    ));
    assert_eq!(
        extract_article(&page("bad/front-page.html"), None),
        Err(HtmlError::NoArticle)
    );
    let broken = extract_article(&page("bad/broken-markup.html"), None).expect("best effort");
    assert!(broken.text.contains("close the bridge for six weeks"));
    assert!(broken.text.contains("village of Amsel"));
    assert_eq!(
        HtmlError::NoArticle.to_string(),
        "no article text found in the page"
    );
}

#[test]
fn url_gives_date_and_outlet_when_the_page_does_not() {
    let html = b"<html><body><article><p>The bridge on the Tamsin road will close for six weeks from Monday while crews replace its deck, the roads office said.</p></article></body></html>";
    let a = extract_article(
        html,
        Some("https://www.valleypost.example/local/2030/07/02/bridge"),
    )
    .expect("article");
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2030-07-02")
    );
    assert_eq!(a.outlet.as_deref(), Some("valleypost.example"));
    assert!(a.document_text().starts_with("The bridge") || a.title.is_some());
}

#[test]
fn fragments_keep_every_paragraph() {
    let t = newsledger_html::fragment_text(
        "<p>The dam held overnight, engineers said.</p><p>Short.</p><div class=\"share\"><a href=\"#\">Share on X</a></div><p>Read more: <a href=\"/x\">Other story</a></p>",
    );
    assert_eq!(t, "The dam held overnight, engineers said.\n\nShort.");
    assert_eq!(
        newsledger_html::fragment_text("plain   words\nhere"),
        "plain words here"
    );
    assert_eq!(newsledger_html::fragment_text(""), "");
}

#[test]
fn table_rows_read_as_lines() {
    let html = b"<html><body><article><p>The league table after the twelfth round, with Sarn United two points clear at the top and Orvana Rovers close behind them.</p><table><tr><th>Pos</th><th>Club</th><th>Pts</th></tr><tr><td>1</td><td>Sarn United</td><td>28</td></tr><tr><td>2</td><td>Orvana Rovers</td><td>26</td></tr></table></article></body></html>";
    let a = extract_article(html, None).expect("article");
    assert!(
        a.text
            .contains("\n\n1 Sarn United 28\n\n2 Orvana Rovers 26"),
        "{}",
        a.text
    );
}
