// temporary debugging harness (to be deleted)
#[test]
fn dbg_sentences() {
    let Ok(s) = std::fs::read_to_string("/tmp/figdbg/s.txt") else { return };
    for line in s.lines().filter(|l| !l.trim().is_empty()) {
        let c = newsledger_figures::detect(line, &[]);
        println!("## {line}");
        for x in c {
            println!("   {} {:?} {} {:?} [{}|{}] shape={} span={:?}", x.metric, x.kind, x.low, x.high, x.group_text, x.group_class, x.shape, line.get(x.span.0..x.span.1));
        }
    }
}
