//! End-to-end tests of `newsledger extract`: formats, schema, spans and bad input.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsledger"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn schema() -> jsonschema::Validator {
    let s: Value = serde_json::from_str(include_str!("../../../schema/ledger.schema.json"))
        .expect("schema is JSON");
    jsonschema::validator_for(&s).expect("schema compiles")
}

/// Every span-like array in a ledger slices its text on char boundaries.
fn check_spans(v: &Value, text: &str, path: &str) {
    match v {
        Value::Array(a) => {
            if a.len() == 2 && a.iter().all(Value::is_u64) && path.ends_with("span")
                || path.ends_with("sentence")
                || path.ends_with("residue[]")
                || path.ends_with("content[]")
            {
                if let (Some(s), Some(e)) = (
                    a.first().and_then(Value::as_u64),
                    a.get(1).and_then(Value::as_u64),
                ) {
                    assert!(
                        text.get(s as usize..e as usize).is_some(),
                        "span {path} = [{s},{e}] does not slice the text"
                    );
                    return;
                }
            }
            for x in a {
                check_spans(x, text, &format!("{path}[]"));
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                if k != "text" {
                    check_spans(x, text, &format!("{path}.{k}"));
                }
            }
        }
        _ => {}
    }
}

#[test]
fn sample_validates_against_the_schema_and_spans_slice() {
    let out = run(&[
        "extract",
        "--sample",
        "--with-text",
        "--annotations",
        "--format",
        "jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ledgers = jsonl(&out);
    assert!(
        ledgers.len() >= 20,
        "sample has {} documents",
        ledgers.len()
    );
    let v = schema();
    for l in &ledgers {
        let errors: Vec<String> = v.iter_errors(l).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", l["id"]);
        let text = l["text"].as_str().expect("text");
        check_spans(l, text, "");
        // Evidence fields say what they slice.
        for f in l["figures"].as_array().into_iter().flatten() {
            let s = f["span"][0].as_u64().unwrap_or(0) as usize;
            let e = f["span"][1].as_u64().unwrap_or(0) as usize;
            assert_eq!(
                &text[s..e],
                f["value"]["text"]
                    .as_str()
                    .map(|_| &text[s..e])
                    .unwrap_or("")
            );
        }
        for t in l["timexes"].as_array().into_iter().flatten() {
            let s = t["span"][0].as_u64().unwrap_or(0) as usize;
            let e = t["span"][1].as_u64().unwrap_or(0) as usize;
            assert_eq!(
                Some(&text[s..e]),
                t["text"].as_str(),
                "timex text = its span"
            );
        }
    }
}

#[test]
fn json_is_an_object_for_one_document_and_an_array_for_several() {
    let dir = tempdir();
    let a = dir.join("a.txt");
    std::fs::write(&a, "Two people were hurt. Police said so.").expect("write");
    let out = run(&[
        "extract",
        "--format",
        "json",
        a.to_str().unwrap_or_default(),
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v.is_object());
    let out = run(&[
        "extract",
        "--format",
        "json",
        a.to_str().unwrap_or_default(),
        a.to_str().unwrap_or_default(),
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(2));
}

fn tempdir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "newsledger-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn bad_inputs_are_named_and_the_batch_goes_on() {
    let dir = tempdir();
    let bin_file = dir.join("photo.txt");
    std::fs::write(&bin_file, b"GIF89a\0\0\x01\x02").expect("write");
    let latin = dir.join("latin.txt");
    std::fs::write(&latin, b"Caf\xe9 owners said 3 people were hurt.").expect("write");
    let lines = dir.join("docs.jsonl");
    std::fs::write(
        &lines,
        "{\"id\":\"ok1\",\"text\":\"Fine.\"}\n{broken\n{\"id\":\"ok2\",\"text\":\"\"}\n",
    )
    .expect("write");
    let out = run(&[
        "extract",
        "--format",
        "jsonl",
        bin_file.to_str().unwrap_or_default(),
        latin.to_str().unwrap_or_default(),
        lines.to_str().unwrap_or_default(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("photo.txt: binary file"), "{stderr}");
    assert!(
        stderr.contains("latin.txt: not valid UTF-8 (first bad byte at offset 3)"),
        "{stderr}"
    );
    assert!(stderr.contains("docs.jsonl:2: invalid JSON"), "{stderr}");
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|l| l["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[0].ends_with("latin.txt"));
    assert_eq!(&ids[1..], ["ok1", "ok2"]);
}

#[test]
fn english_only_skips_text_and_jsonl_in_other_languages_by_name() {
    let dir = tempdir();
    let ru = dir.join("vesti.txt");
    std::fs::write(
        &ru,
        "В посёлке Озёрный у реки сгорел склад, пострадали два сторожа, сообщили спасатели.",
    )
    .expect("write");
    let en = dir.join("harbour.txt");
    std::fs::write(
        &en,
        "Two guards were hurt when a depot burned near the river, officials said.",
    )
    .expect("write");
    let lines = dir.join("mixed.jsonl");
    std::fs::write(
        &lines,
        "{\"id\":\"a-en\",\"text\":\"The ferry was late.\",\"language\":\"en\"}\n\
         {\"id\":\"a-ru\",\"text\":\"The ferry was late.\",\"language\":\"ru\"}\n\
         {\"id\":\"a-det\",\"text\":\"Паром опоздал на два часа из-за тумана над заливом.\"}\n",
    )
    .expect("write");
    let path = |p: &std::path::Path| p.to_str().unwrap_or_default().to_string();
    let out = run(&[
        "extract",
        "--english-only",
        "--format",
        "jsonl",
        &path(&ru),
        &path(&en),
        &path(&lines),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("vesti.txt: language 'ru' is not English"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a-ru: language 'ru' is not English"),
        "{stderr}"
    );
    // A detected language (Cyrillic text, no `language` field) is named too.
    assert!(
        stderr.contains("a-det: language '") && stderr.contains("is not English; skipped"),
        "{stderr}"
    );
    let ids: Vec<String> = jsonl(&out)
        .iter()
        .map(|l| l["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids[0].ends_with("harbour.txt"));
    assert_eq!(ids[1], "a-en");
    // Without the flag every document is read.
    let all = run(&["extract", "--format", "jsonl", &path(&ru), &path(&lines)]);
    assert_eq!(jsonl(&all).len(), 4);
}

#[test]
fn lossy_decoding_alone_exits_zero_and_empty_document_gives_empty_ledger() {
    let dir = tempdir();
    let latin = dir.join("latin.txt");
    std::fs::write(&latin, b"Caf\xe9.").expect("write");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let out = run(&[
        "extract",
        "--format",
        "jsonl",
        latin.to_str().unwrap_or_default(),
        empty.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let ls = jsonl(&out);
    assert_eq!(ls.len(), 2);
    for k in [
        "figures", "claims", "entities", "events", "timexes", "residue",
    ] {
        assert_eq!(ls[1][k].as_array().map(Vec::len), Some(0), "{k}");
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(run(&["extract", "--bogus"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "--published", "yesterday", "x.txt"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn stdin_text_and_jsonl() {
    let mut child = bin()
        .args([
            "extract",
            "--format",
            "jsonl",
            "--published",
            "2031-03-02",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Rain fell. Rivers rose.")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    let ls = jsonl(&out);
    assert_eq!(ls[0]["id"], "-");
    assert_eq!(ls[0]["published"], "2031-03-02");

    let mut child = bin()
        .args(["extract", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"{\"id\":\"x\",\"text\":\"A.\"}\n{\"id\":\"y\",\"text\":\"B.\"}\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(jsonl(&out).len(), 2);
}

#[test]
fn seed_segments_residue_and_spans() {
    let Some(path) = newsledger_model_path() else {
        return;
    };
    let out = run(&[
        "extract",
        "--format",
        "jsonl",
        "--published",
        "2022-01-08",
        "--with-text",
        "--annotations",
        &path,
    ]);
    assert!(out.status.success());
    let l = &jsonl(&out)[0];
    let text = l["text"].as_str().expect("text");
    let lines: Vec<&str> = text.lines().collect();
    let segs = l["segments"].as_array().expect("segments");
    let seg = |i: usize| {
        let s = &segs[i]["span"];
        (
            segs[i]["kind"].as_str().unwrap_or(""),
            &text[s[0].as_u64().unwrap_or(0) as usize..s[1].as_u64().unwrap_or(0) as usize],
        )
    };
    assert_eq!(seg(0), ("headline", lines[0]));
    let all: Vec<(&str, &str)> = (0..segs.len()).map(seg).collect();
    assert!(all.contains(&("subheading", lines[10])));
    assert!(all.contains(&("subheading", lines[16])));
    let residue = l["residue"].as_array().expect("residue");
    assert_eq!(residue.len(), 1);
    let r = &residue[0];
    assert_eq!(
        &text[r[0].as_u64().unwrap_or(0) as usize..r[1].as_u64().unwrap_or(0) as usize],
        lines[8]
    );
    check_spans(l, text, "");
    // No record rests on the residue line.
    let (rs, re) = (r[0].as_u64().unwrap_or(0), r[1].as_u64().unwrap_or(0));
    for k in ["figures", "claims", "events", "timexes"] {
        for rec in l[k].as_array().into_iter().flatten() {
            let s = rec["span"][0].as_u64().unwrap_or(0);
            assert!(!(rs..re).contains(&s), "{k} record inside residue");
        }
    }
}

fn newsledger_model_path() -> Option<String> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/000_5fd3b595c2b22735.txt");
    if p.exists() {
        Some(p.to_string_lossy().into_owned())
    } else {
        eprintln!("note: skipping, ../shared/fixtures is not present");
        None
    }
}

#[test]
fn extract_reports_and_skips_documents_over_their_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let short = dir.path().join("short.jsonl");
    std::fs::write(
        &short,
        "{\"id\": \"brief-1\", \"text\": \"Six people were hurt in Vell on Friday, police said.\"}\n\
         {\"id\": \"brief-2\", \"text\": \"Two ferries were held at Omsa after the storm.\"}\n",
    )
    .expect("write");
    // Over 256 KB: the chunked, streamed path.
    let long = dir.path().join("long.txt");
    let para = "Nine people were hurt in Vell on Friday, the harbour office said.\n\n";
    std::fs::write(&long, para.repeat(300_000 / para.len())).expect("write");
    let (s, l) = (
        short.to_str().expect("utf-8"),
        long.to_str().expect("utf-8"),
    );
    let out = run(&[
        "extract", s, l, "--format", "jsonl", "--quiet", "--budget", "0ms",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no ledger for a skipped document");
    let err = String::from_utf8_lossy(&out.stderr);
    for id in ["brief-1", "brief-2", "long"] {
        assert!(
            err.lines()
                .any(|l| l.contains(id) && l.contains("over its time budget")),
            "{id} is named: {err}"
        );
    }
    let out = run(&[
        "extract", s, "--format", "jsonl", "--quiet", "--budget", "none",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(jsonl(&out).len(), 2);
}
