//! Adversarial input: per-byte cost of the whole pipeline on hostile shapes beside normal news
//! (a bench binary, in process, one thread; not a test).
//!
//! `cargo bench -p newsledger-pipeline --bench hostile -- [SIZES_MB] [stages]`, e.g. `-- 1,4`.
//! For each shape and size it builds one document of that size, runs the pipeline on it (as
//! `extract` does, with its chunking) and prints seconds and nanoseconds per byte, and the
//! ratio to the normal corpus (the fictional sample reports concatenated to the same size).
//! `stages` also prints each stage's time on the first 256 KB of every shape.

use newsledger_model::{Document, Meta};
use std::time::Instant;

type Maker = fn(usize) -> String;

fn repeat_to(n: usize, mut piece: impl FnMut(usize) -> String) -> String {
    let mut s = String::with_capacity(n + 256);
    let mut i = 0;
    while s.len() < n {
        s.push_str(&piece(i));
        i += 1;
    }
    s
}

fn normal(n: usize) -> String {
    let sample = include_str!("../../../corpus/reports.jsonl");
    let texts: Vec<String> = sample
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["text"].as_str().unwrap_or_default().to_string())
        .collect();
    repeat_to(n, |i| format!("{}\n\n", texts[i % texts.len()]))
}

fn toll_run_on(n: usize) -> String {
    repeat_to(n, |_| "Police said five people were killed ".into())
}

fn commas_for_stops(n: usize) -> String {
    normal(n).replace(". ", ", ")
}

fn weekdays(n: usize) -> String {
    repeat_to(n, |i| {
        [
            "Monday ",
            "Tuesday ",
            "on Wednesday ",
            "last Friday, ",
            "Sunday ",
        ][i % 5]
            .into()
    })
}

fn short_quotes(n: usize) -> String {
    repeat_to(n, |i| format!("\"Leave now,\" official {i} said. "))
}

fn toll_list(n: usize) -> String {
    repeat_to(n, |i| format!("{} killed, {} injured; ", i % 900, i % 700))
}

fn names(n: usize) -> String {
    let first = [
        "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hugo",
    ];
    let last = [
        "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka", "Ulloa",
    ];
    repeat_to(n, |i| {
        format!("{} {}, ", first[i % 8], last[(i / 8 + i) % 8])
    })
}

fn table(n: usize) -> String {
    repeat_to(n, |i| {
        format!(
            "Region {} | {} dead | {} injured | {} missing | {} displaced\n",
            i % 40,
            i % 97,
            i % 89,
            i % 13,
            i * 7 % 5000
        )
    })
}

fn numbers(n: usize) -> String {
    repeat_to(n, |i| format!("{} ", (i * 7919) % 100_000))
}

fn nested_quotes(n: usize) -> String {
    repeat_to(n, |i| {
        [
            "\u{201c}He said \"",
            "'they were ",
            "\u{2018}told ",
            "\u{201d} ",
            "\" ",
        ][i % 5]
            .into()
    })
}

fn one_line(n: usize) -> String {
    repeat_to(n, |i| format!("word{} ", i % 1000)).replace('\n', " ")
}

fn blank_lines(n: usize) -> String {
    repeat_to(n, |i| {
        if i % 1000 == 0 {
            "Ten people died.\n".into()
        } else {
            "\n".into()
        }
    })
}

fn mixed_scripts(n: usize) -> String {
    repeat_to(n, |i| {
        [
            "Погибли 12 человек. ",
            "قتل 5 أشخاص ",
            "死亡 7 人 ",
            "Ten people died in Ostrin. ",
            "\u{200b}\u{feff}",
        ][i % 5]
            .into()
    })
}

fn cue_words(n: usize) -> String {
    repeat_to(n, |i| {
        [
            "said ",
            "told ",
            "killed ",
            "injured ",
            "arrested ",
            "according to ",
            "reportedly ",
            "protest ",
            "clashes ",
            "yesterday ",
            "deployed ",
            "missing ",
            "evacuated ",
        ][i % 13]
            .into()
    })
}

fn run_once(pipeline: &newsledger_model::Pipeline, text: String) -> f64 {
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2022, 1, 8),
        ..Meta::default()
    };
    let mut doc = Document::new("bench", text, meta);
    let t0 = Instant::now();
    newsledger_pipeline::process(pipeline, &mut doc);
    t0.elapsed().as_secs_f64()
}

fn per_stage(pipeline: &newsledger_model::Pipeline, text: &str) -> String {
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut doc = Document::new("stage", text[..end].to_string(), Meta::default());
    let mut parts = Vec::new();
    for stage in pipeline.stages() {
        let t0 = Instant::now();
        stage.process(&mut doc);
        parts.push(format!(
            "{} {:.2}s",
            stage.name(),
            t0.elapsed().as_secs_f64()
        ));
    }
    parts.join(", ")
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let sizes: Vec<f64> = args
        .first()
        .map(|a| a.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![1.0, 4.0]);
    let stages = args.iter().any(|a| a == "stages");
    let Ok(pipeline) = newsledger_pipeline::default_pipeline() else {
        eprintln!("pipeline does not build");
        return;
    };
    let shapes: &[(&str, Maker)] = &[
        ("normal", normal),
        ("toll verb run-on", toll_run_on),
        ("stops turned to commas", commas_for_stops),
        ("weekday names", weekdays),
        ("short quotes", short_quotes),
        ("toll list", toll_list),
        ("list of names", names),
        ("flattened table", table),
        ("bare numbers", numbers),
        ("unbalanced quotes", nested_quotes),
        ("one long line", one_line),
        ("blank lines", blank_lines),
        ("mixed scripts", mixed_scripts),
        ("cue words in a row", cue_words),
    ];
    let mut normal_ns: Vec<f64> = Vec::new();
    println!(
        "{:<24} {:>6} {:>9} {:>9} {:>9}",
        "shape", "MB", "s", "ns/byte", "x normal"
    );
    for (name, make) in shapes {
        let mut first: Option<f64> = None;
        for (k, mb) in sizes.iter().enumerate() {
            let text = make((mb * 1e6) as usize);
            let bytes = text.len() as f64;
            if stages && k == 0 {
                println!("  {name}: {}", per_stage(&pipeline, &text));
            }
            let s = run_once(&pipeline, text);
            let ns = s * 1e9 / bytes;
            if *name == "normal" {
                normal_ns.push(ns);
            }
            let base = normal_ns.get(k).copied().unwrap_or(ns);
            let growth = first.map_or(String::new(), |f| {
                format!("  ({:.2}x its {}MB cost)", ns / f, sizes[0])
            });
            first.get_or_insert(ns);
            println!(
                "{:<24} {:>6.1} {:>9.2} {:>9.1} {:>9.2}{}",
                name,
                bytes / 1e6,
                s,
                ns,
                ns / base,
                growth
            );
        }
    }
}
