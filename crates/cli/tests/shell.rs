//! The CLI in the shell: the progress bar on a pseudo-terminal (through util-linux `script`),
//! never in stdout and never when stderr is a file; completion scripts and the manual page.

use std::path::Path;
use std::process::Command;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newsledger")
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A JSONL input big enough that the run outlasts the bar's first draw (the sample corpus,
/// repeated).
fn big_input(dir: &Path) -> String {
    let sample = include_str!("../../../corpus/reports.jsonl");
    let mut s = String::new();
    for i in 0..10 {
        for (k, line) in sample.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("sample line");
            v["id"] = serde_json::Value::String(format!("copy{i}-{k}"));
            s.push_str(&v.to_string());
            s.push('\n');
        }
    }
    let p = dir.join("docs.jsonl");
    std::fs::write(&p, s).expect("write input");
    p.display().to_string()
}

/// The sample corpus ten times over, each copy a new text at its own URL, so `ingest`
/// stores (and runs the pipeline on) every one.
fn distinct_input(dir: &Path) -> String {
    let sample = include_str!("../../../corpus/reports.jsonl");
    let mut s = String::new();
    for i in 0..10 {
        for (k, line) in sample.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).expect("sample line");
            v["id"] = serde_json::Value::String(format!("copy{i}-{k}"));
            v["url"] = serde_json::Value::String(format!("https://copies.example/{i}/{k}"));
            let text = v["text"].as_str().unwrap_or_default().to_string();
            v["text"] = serde_json::Value::String(format!("{text}\nFiled as copy {i}."));
            s.push_str(&v.to_string());
            s.push('\n');
        }
    }
    let p = dir.join("distinct.jsonl");
    std::fs::write(&p, s).expect("write input");
    p.display().to_string()
}

/// Run `shell_cmd` under a pseudo-terminal; returns what the terminal showed.
fn on_terminal(shell_cmd: &str) -> String {
    let out = Command::new("script")
        .args(["-qec", shell_cmd, "/dev/null"])
        .output()
        .expect("script runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn progress_bar_on_a_terminal_only() {
    if !have("script") {
        eprintln!("note: util-linux `script` is absent; pseudo-terminal test skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let input = big_input(dir.path());
    let out = dir.path().join("out.jsonl");
    let err = dir.path().join("err.txt");

    // stderr on the terminal, stdout to a file: the bar and the summary show on the terminal.
    let screen = on_terminal(&format!("{} extract {input} > {}", bin(), out.display()));
    assert!(screen.contains("ETA"), "no bar on the terminal: {screen:?}");
    assert!(screen.contains("extract: 230 read"), "{screen:?}");
    let ledgers = std::fs::read_to_string(&out).expect("output");
    assert_eq!(ledgers.lines().count(), 230);
    assert!(!ledgers.contains('\u{1b}') && !ledgers.contains("ETA"));

    // stderr to a file: no bar drawn, only the summary line.
    on_terminal(&format!(
        "{} extract {input} > {} 2> {}",
        bin(),
        out.display(),
        err.display()
    ));
    let log = std::fs::read_to_string(&err).expect("stderr file");
    assert!(!log.contains("ETA") && !log.contains('\u{1b}'), "{log:?}");
    assert!(log.contains("extract: 230 read"), "{log:?}");

    // Both on the terminal (a table would be interleaved): no bar.
    let screen = on_terminal(&format!("{} extract --sample --format table", bin()));
    assert!(!screen.contains("ETA"), "{screen:?}");

    // --quiet: nothing on stderr.
    on_terminal(&format!(
        "{} extract {input} --quiet > {} 2> {}",
        bin(),
        out.display(),
        err.display()
    ));
    assert_eq!(std::fs::read_to_string(&err).expect("stderr file"), "");
}

#[test]
fn ingest_progress_bar_on_a_terminal_only() {
    if !have("script") {
        eprintln!("note: util-linux `script` is absent; pseudo-terminal test skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let input = distinct_input(dir.path());
    let out = dir.path().join("out.txt");
    let err = dir.path().join("err.txt");
    let db = |name: &str| dir.path().join(name).display().to_string();

    // stderr on the terminal, stdout to a file: the bar and the summary line on the
    // terminal, the store's report alone in stdout.
    let screen = on_terminal(&format!(
        "{} ingest {input} --db {} > {}",
        bin(),
        db("a.db"),
        out.display()
    ));
    assert!(screen.contains("ETA"), "no bar on the terminal: {screen:?}");
    assert!(screen.contains("ingest: 230 read"), "{screen:?}");
    let report = std::fs::read_to_string(&out).expect("output");
    assert!(report.starts_with("read 230, stored"), "{report:?}");
    assert!(!report.contains('\u{1b}') && !report.contains("ETA"));

    // stderr to a file: no bar drawn, only the summary line.
    on_terminal(&format!(
        "{} ingest {input} --db {} > {} 2> {}",
        bin(),
        db("b.db"),
        out.display(),
        err.display()
    ));
    let log = std::fs::read_to_string(&err).expect("stderr file");
    assert!(!log.contains("ETA") && !log.contains('\u{1b}'), "{log:?}");
    assert!(log.contains("ingest: 230 read"), "{log:?}");

    // A second run over the same input: every document is skipped as unchanged.
    on_terminal(&format!(
        "{} ingest {input} --db {} > {} 2> {}",
        bin(),
        db("b.db"),
        out.display(),
        err.display()
    ));
    let log = std::fs::read_to_string(&err).expect("stderr file");
    assert!(log.contains("ingest: 230 read, 230 skipped"), "{log:?}");

    // Both on the terminal: no bar.
    let screen = on_terminal(&format!("{} ingest {input} --db {}", bin(), db("c.db")));
    assert!(!screen.contains("ETA"), "{screen:?}");

    // --quiet: nothing on stderr.
    on_terminal(&format!(
        "{} ingest {input} --quiet --db {} > {} 2> {}",
        bin(),
        db("d.db"),
        out.display(),
        err.display()
    ));
    assert_eq!(std::fs::read_to_string(&err).expect("stderr file"), "");
}

#[test]
fn completion_scripts_parse_and_the_manual_renders() {
    for shell in ["bash", "zsh", "fish"] {
        let out = Command::new(bin())
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(out.status.success());
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains("extract") && script.contains("published"),
            "{shell}"
        );
        if !have(shell) {
            eprintln!("note: {shell} is absent; its completion script is not syntax-checked");
            continue;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("completion");
        std::fs::write(&f, script.as_bytes()).expect("write");
        let check = match shell {
            "fish" => Command::new("fish").arg("--no-execute").arg(&f).output(),
            other => Command::new(other).arg("-n").arg(&f).output(),
        }
        .expect("shell runs");
        assert!(
            check.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    let out = Command::new(bin()).arg("man").output().expect("runs");
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH newsledger") && page.contains("extract"));
    if have("groff") {
        let dir = tempfile::tempdir().expect("temp dir");
        let f = dir.path().join("newsledger.1");
        std::fs::write(&f, page.as_bytes()).expect("write");
        let r = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&f)
            .output()
            .expect("groff runs");
        assert!(
            r.status.success() && r.stderr.is_empty(),
            "groff warnings: {}",
            String::from_utf8_lossy(&r.stderr)
        );
    } else {
        eprintln!("note: groff is absent; the manual page is not rendered");
    }
}
