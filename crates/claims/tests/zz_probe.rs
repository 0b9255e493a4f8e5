mod common;
#[test]
fn probe() {
    let texts = std::fs::read_to_string("/tmp/hb/probe.txt").unwrap_or_default();
    for t in texts.split("\n\n") {
        let t = t.trim();
        if t.is_empty() { continue; }
        for (mode, doc) in [("seg", common::run(t)), ("full", common::run_full(t, "2030-05-05"))] {
            eprintln!("--- {mode}: {t}");
            common::dump(&doc);
        }
    }
}
