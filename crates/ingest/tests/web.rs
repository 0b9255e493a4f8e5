//! Web inputs: HTML pages, WARC (plain, gzipped, truncated), feeds, gzip, directories,
//! language skip. Pages come from tests-data/html (fictional, written by us); WARC files are
//! built here from them.
use flate2::write::GzEncoder;
use flate2::Compression;
use newsledger_ingest::{read_input, read_web_input, Item, ReadOptions, ReadStats, TextMeta};
use std::io::Write;
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests-data/html")
        .join(name)
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nl-ingest-web-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tmp dir");
    d.join(name)
}

fn collect(path: &Path, opts: &ReadOptions) -> (Vec<Item>, ReadStats) {
    let mut items = Vec::new();
    let mut stats = ReadStats::default();
    read_web_input(path, &TextMeta::default(), opts, &mut stats, &mut |it| {
        items.push(it)
    });
    (items, stats)
}

fn docs(items: &[Item]) -> Vec<&newsledger_model::Document> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn errors(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Error(e) => Some(e.as_str()),
            _ => None,
        })
        .collect()
}

fn record(kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:x>\r\n");
    if let Some(u) = uri {
        r.push_str(&format!("WARC-Target-URI: {u}\r\n"));
    }
    r.push_str(&format!(
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    ));
    let mut v = r.into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

fn http(status: &str, ct: &str, body: &[u8], chunked: bool) -> Vec<u8> {
    let mut v = format!("HTTP/1.1 {status}\r\nContent-Type: {ct}\r\n").into_bytes();
    if chunked {
        v.extend_from_slice(b"Transfer-Encoding: chunked\r\n\r\n");
        for c in body.chunks(700) {
            v.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
            v.extend_from_slice(c);
            v.extend_from_slice(b"\r\n");
        }
        v.extend_from_slice(b"0\r\n\r\n");
    } else {
        v.extend_from_slice(b"\r\n");
        v.extend_from_slice(body);
    }
    v
}

/// A small crawl: warcinfo, request, two article responses (one chunked, one windows-1251
/// declared only in the HTTP header), a 404, an image, a front page with no article.
fn crawl_records() -> Vec<Vec<u8>> {
    let river = std::fs::read(data("river-flood.html")).expect("page");
    let cp1251 = std::fs::read(data("cp1251-declared.html")).expect("page");
    let front = std::fs::read(data("bad/front-page.html")).expect("page");
    let app = "application/http; msgtype=response";
    vec![
        record(
            "warcinfo",
            None,
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            Some("https://harbourledger.example/a"),
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            Some("https://harbourledger.example/a"),
            app,
            &http("200 OK", "text/html; charset=utf-8", &river, true),
        ),
        record(
            "response",
            Some("https://vestnik.example/b"),
            app,
            &http("200 OK", "text/html; charset=windows-1251", &cp1251, false),
        ),
        record(
            "response",
            Some("https://harbourledger.example/missing"),
            app,
            &http("404 Not Found", "text/html", b"<p>gone</p>", false),
        ),
        record(
            "response",
            Some("https://harbourledger.example/img.jpg"),
            app,
            &http("200 OK", "image/jpeg", b"\xff\xd8\xff", false),
        ),
        record(
            "response",
            Some("https://velmoradaily.example/"),
            app,
            &http("200 OK", "text/html", &front, false),
        ),
    ]
}

#[test]
fn warc_plain_and_gz() {
    let recs = crawl_records();
    let plain = tmp("crawl.warc");
    std::fs::write(&plain, recs.concat()).expect("write");
    let gz = tmp("crawl.warc.gz");
    let mut f = std::fs::File::create(&gz).expect("create");
    for r in &recs {
        // One gzip member per record, as crawlers write them.
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(r).expect("gz");
        f.write_all(&e.finish().expect("gz")).expect("write");
    }
    drop(f);
    for p in [&plain, &gz] {
        let (items, stats) = collect(p, &ReadOptions::default());
        let d = docs(&items);
        assert_eq!(d.len(), 2, "{p:?}: {items:?}");
        assert_eq!(d[0].id, "https://harbourledger.example/a");
        assert!(d[0].text.starts_with("Kessel river bursts its banks"));
        assert!(d[0]
            .text
            .contains("ORVANA — The Kessel river broke through"));
        assert_eq!(
            d[0].meta.published.map(|x| x.to_string()).as_deref(),
            Some("2031-03-14")
        );
        assert!(d[1].text.contains("Река Кессель"), "{}", d[1].text);
        assert_eq!(stats.records, 7);
        assert_eq!(stats.docs, 2);
        assert!(errors(&items).is_empty(), "{items:?}");
        // The front page is reported (no article), not fatal.
        assert!(items.iter().any(|i| matches!(i, Item::Warning(w) if w.contains("velmoradaily.example") && w.contains("no article"))));
    }
}

#[test]
fn truncated_warc_and_gzip_keep_earlier_records() {
    let recs = crawl_records();
    let mut all = recs.concat();
    let cut = recs[..3].iter().map(Vec::len).sum::<usize>() + 200;
    all.truncate(cut);
    let p = tmp("cut.warc");
    std::fs::write(&p, &all).expect("write");
    let (items, _) = collect(&p, &ReadOptions::default());
    assert_eq!(docs(&items).len(), 1);
    let e = errors(&items);
    assert_eq!(e.len(), 1, "{items:?}");
    assert!(
        e[0].contains("cut.warc: record 4 at offset") && e[0].contains("truncated"),
        "{}",
        e[0]
    );

    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(&recs.concat()).expect("gz");
    let mut gz = enc.finish().expect("gz");
    gz.truncate(gz.len() - 100);
    let p = tmp("cut.warc.gz");
    std::fs::write(&p, &gz).expect("write");
    let (items, _) = collect(&p, &ReadOptions::default());
    let e = errors(&items);
    assert_eq!(e.len(), 1, "{items:?}");
    assert!(
        e[0].starts_with(&format!("{}: record", p.display())),
        "{}",
        e[0]
    );
    assert!(!docs(&items).is_empty(), "records before the cut are kept");
}

#[test]
fn not_a_warc_is_named() {
    let p = tmp("junk.warc");
    std::fs::write(&p, b"hello there\nthis is not a crawl\n").expect("write");
    let (items, _) = collect(&p, &ReadOptions::default());
    assert!(errors(&items)[0].contains("junk.warc: record 1 at offset 0: not a WARC record"));
}

#[test]
fn feeds_rss_atom_and_broken() {
    let (items, stats) = collect(&data("feeds/harbour.rss"), &ReadOptions::default());
    let d = docs(&items);
    assert_eq!(d.len(), 2, "{items:?}");
    assert_eq!(
        d[0].id,
        "https://harbourledger.example/world/2031/03/20/levee-repairs"
    );
    assert!(d[0]
        .text
        .starts_with("Kessel levee repairs to start in April\n\nRepairs to the two levees"));
    assert!(!d[0].text.contains("Share"));
    assert_eq!(
        d[0].meta.outlet.as_deref(),
        Some("The Harbour Ledger — World")
    );
    assert_eq!(
        d[0].meta.published.map(|x| x.to_string()).as_deref(),
        Some("2031-03-20")
    );
    assert!(d[1].text.contains("8% more from July"));
    assert_eq!(stats.records, 3);
    assert!(items.iter().any(
        |i| matches!(i, Item::Warning(w) if w.contains("item 3") && w.contains("no content"))
    ));

    let opts = ReadOptions {
        english_only: true,
        ..Default::default()
    };
    let (items, stats) = collect(&data("feeds/velmora.atom"), &opts);
    let d = docs(&items);
    assert_eq!(d.len(), 1);
    assert!(d[0].text.contains("Nine grain ships"));
    assert_eq!(stats.skipped_language, 1);

    let (items, _) = collect(&data("bad/broken-feed.rss"), &ReadOptions::default());
    assert!(
        errors(&items).iter().any(|e| e.contains("broken-feed.rss")),
        "{items:?}"
    );
}

#[test]
fn gzip_files_and_directories_with_globs() {
    let dir = tmp("tree");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::copy(data("teaser-cards.html"), dir.join("a.html")).expect("copy");
    let page = std::fs::read(data("blog-widgets.html")).expect("page");
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(&page).expect("gz");
    std::fs::write(dir.join("sub/b.html.gz"), e.finish().expect("gz")).expect("write");
    std::fs::write(dir.join("sub/notes.md"), "ignored").expect("write");
    std::fs::write(dir.join("c.txt"), "A plain text report about the dam.").expect("write");
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(b"not really gzip data follows").expect("gz");
    let mut bytes = gz.finish().expect("gz");
    bytes.truncate(12);
    std::fs::write(dir.join("sub/d.jsonl.gz"), bytes).expect("write");

    let (items, stats) = collect(&dir, &ReadOptions::default());
    let ids: Vec<&str> = docs(&items).iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 3, "{items:?}");
    assert!(ids.iter().any(|i| i.ends_with("a.html")));
    assert!(ids.iter().any(|i| i.contains("northgatecourier.example")));
    assert!(
        errors(&items).iter().any(|e| e.contains("d.jsonl.gz")),
        "{items:?}"
    );
    assert_eq!(stats.files, 4);

    let opts = ReadOptions {
        globs: vec!["**/*.html*".into()],
        ..Default::default()
    };
    let (items, _) = collect(&dir, &opts);
    assert_eq!(docs(&items).len(), 2);

    // The generic entry point dispatches web inputs too.
    let mut n = 0;
    read_input(
        &dir.join("a.html").to_string_lossy(),
        &TextMeta::default(),
        &mut |it| {
            if matches!(it, Item::Doc(_)) {
                n += 1
            }
        },
    );
    assert_eq!(n, 1);
}

#[test]
fn html_without_article_is_an_error_naming_the_file() {
    let (items, stats) = collect(&data("bad/front-page.html"), &ReadOptions::default());
    assert!(errors(&items)[0].ends_with("front-page.html: no article text found in the page"));
    assert_eq!(stats.failed, 1);
}

#[test]
fn summary_line_counts_everything() {
    let s = ReadStats {
        files: 2,
        records: 10,
        docs: 6,
        skipped_language: 1,
        skipped_other: 2,
        failed: 1,
        bytes: 2_000_000,
    };
    let line = s.summary(std::time::Duration::from_secs(2));
    assert_eq!(
        line,
        "read 2 files, 10 records: 6 documents, skipped 3 (not English 1, other 2), failed 1; 2.0 MB in 2.0 s (1.0 MB/s, 3 docs/s)"
    );
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        #[test]
        fn random_containers(bytes in proptest::collection::vec(any::<u8>(), 0..3000), cut in 0usize..3000) {
            // Random bytes, and a real crawl cut at a random point, as WARC, gzip and feed.
            let mut crawl = crawl_records().concat();
            crawl.truncate(cut.min(crawl.len()));
            crawl.extend_from_slice(&bytes);
            for (name, data) in [("r.warc", &bytes), ("c.warc", &crawl), ("r.warc.gz", &bytes), ("r.rss", &bytes), ("r.html.gz", &bytes)] {
                let p = tmp(name);
                std::fs::write(&p, data).expect("write");
                let _ = collect(&p, &ReadOptions { english_only: true, ..Default::default() });
            }
        }
    }
}
