//! Ledgers serialised away from the writer (`Renderer::render`, as the CLI does on all cores)
//! and written with `write_rendered` must give the bytes `write_with_text` gives, in every
//! format and option, for one document or several (the JSON array depends on the count).

use newsledger_model::{Document, LedgerOptions, Meta};
use newsledger_pipeline::output::{Format, LedgerWriter};

fn docs() -> Vec<Document> {
    let texts = [
        "Officials said on Monday that 12 people were hurt when a bridge gave way in the river \
         town of Ostrava, the regional fire service told reporters.",
        "“We will rebuild,” Mayor Lena Horvat said on Tuesday. About 300 homes lost power.",
        "No facts here, only a quiet afternoon and a cup of tea.",
    ];
    let pipeline = newsledger_pipeline::default_pipeline().expect("default pipeline builds");
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let meta = Meta {
                published: chrono::NaiveDate::from_ymd_opt(2031, 3, 5),
                title: (i == 1).then(|| "A title".to_string()),
                ..Meta::default()
            };
            let mut d = Document::new(format!("d{i}"), t.to_string(), meta);
            pipeline.run(&mut d);
            d
        })
        .collect()
}

#[test]
fn rendered_ledgers_match_the_written_ones() {
    let docs = docs();
    for format in [Format::Jsonl, Format::Json, Format::Table] {
        for (with_text, annotations) in [(false, false), (true, true)] {
            let opts = LedgerOptions {
                with_text,
                annotations,
            };
            for n in 0..=docs.len() {
                for force_text in [false, true] {
                    let mut direct = LedgerWriter::new(Vec::new(), format, opts);
                    let mut rendered = LedgerWriter::new(Vec::new(), format, opts);
                    for d in docs.iter().take(n) {
                        direct
                            .write_with_text(d, force_text)
                            .expect("write to memory");
                        let r = rendered
                            .renderer()
                            .render(d, force_text)
                            .expect("render to memory");
                        rendered.write_rendered(r).expect("write to memory");
                    }
                    let direct = direct.finish().expect("finish");
                    let rendered = rendered.finish().expect("finish");
                    assert!(
                        direct == rendered,
                        "{format:?} text={with_text} annotations={annotations} docs={n}\n{}\n---\n{}",
                        String::from_utf8_lossy(&direct),
                        String::from_utf8_lossy(&rendered)
                    );
                }
            }
        }
    }
}
