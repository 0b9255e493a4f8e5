mod common;
#[test]
fn dbg() {
    for t in [
        "A spokesperson for the regional governor's office, speaking on condition of anonymity, said at least 40 buildings had collapsed in the city centre.",
        "President Erdal Yilmaz, who visited the area on Wednesday, pledged to rebuild every home within a year.",
    ] {
        let doc = common::run(t);
        common::dump(&doc);
        eprintln!("--");
    }
}
