//! Adversarial input: per-byte cost of the whole pipeline on hostile shapes beside normal news
//! (a bench binary, in process, one thread; not a test).
//!
//! `cargo bench -p newsledger-pipeline --bench hostile -- [SIZES_MB] [stages]`, e.g. `-- 1,4`.
//! For each shape and size it builds one document of that size, runs the pipeline on it (as
//! `extract` does, with its chunking) and prints seconds and nanoseconds per byte, and the
//! ratio to the normal corpus (the fictional sample reports concatenated to the same size).
//! `stages` also prints each stage's time on the first 256 KB of every shape; `only=WORD`
//! runs the shapes whose name contains WORD (and normal news). Times are the process's CPU
//! time (not wall-clock), so a loaded machine does not inflate them. After the scaled shapes
//! come two of fixed size: one 5 MB line and 100,000 blank lines. The allocator is
//! mimalloc, as in the CLI.

use newsledger_model::{Document, Meta};

/// The allocator `newsledger extract` runs with (see crates/cli/src/main.rs): with the system
/// allocator the many small records of a 4 MB document cost more per byte than of a 1 MB one.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

/// One toll verb and nothing else, no sentence end.
fn toll_verb_alone(n: usize) -> String {
    repeat_to(n, |_| "killed ".into())
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

/// Quotes opened forty deep in four styles, then closed, with words between.
fn deep_quotes(n: usize) -> String {
    const OPEN: [&str; 4] = ["\"", "\u{201c}", "'", "\u{2018}"];
    const CLOSE: [&str; 4] = ["\"", "\u{201d}", "'", "\u{2019}"];
    repeat_to(n, |i| {
        let depth = i % 80;
        if depth < 40 {
            format!("{}they said {} ", OPEN[depth % 4], depth)
        } else {
            format!("were told{} ", CLOSE[(79 - depth) % 4])
        }
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

/// Every word or phrase of the English lexicons of the claims, events, figures, time and
/// entities stages, one after the other (the first column of each list; the events cue
/// lists are `|`-separated), the whole list over and over.
fn cue_words(n: usize) -> String {
    const LISTS: &[(&str, usize)] = &[
        (include_str!("../../../data/claims/cues.tsv"), 0),
        (include_str!("../../../data/claims/hedges.tsv"), 0),
        (include_str!("../../../data/claims/families.tsv"), 0),
        (include_str!("../../../data/claims/roles.tsv"), 0),
        (include_str!("../../../data/events/cues.tsv"), 1),
        (include_str!("../../../data/events/triggers.tsv"), 2),
        (include_str!("../../../data/figures/metrics.tsv"), 0),
        (include_str!("../../../data/figures/context.tsv"), 0),
        (include_str!("../../../data/figures/sources.tsv"), 0),
        (include_str!("../../../data/figures/hedges.tsv"), 0),
        (include_str!("../../../data/figures/qualifiers.tsv"), 0),
        (include_str!("../../../data/figures/groups.tsv"), 0),
        (include_str!("../../../data/figures/vague.tsv"), 0),
        (include_str!("../../../data/time/relative.tsv"), 0),
        (include_str!("../../../data/time/weekdays.tsv"), 0),
        (include_str!("../../../data/time/months.tsv"), 0),
        (include_str!("../../../data/time/modifiers.tsv"), 0),
        (include_str!("../../../data/time/holidays.tsv"), 0),
        (include_str!("../../../data/entities/roles.tsv"), 0),
    ];
    let words: Vec<&str> = LISTS
        .iter()
        .flat_map(|(text, col)| {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(move |l| l.split('\t').nth(*col))
                .flat_map(|f| f.split('|'))
                .map(str::trim)
                .filter(|w| !w.is_empty())
        })
        .collect();
    repeat_to(n, |i| format!("{} ", words[i % words.len()]))
}

/// CPU seconds used by this process so far.
fn cpu_now() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn run_once(pipeline: &newsledger_model::Pipeline, text: String) -> f64 {
    let meta = Meta {
        published: chrono::NaiveDate::from_ymd_opt(2022, 1, 8),
        ..Meta::default()
    };
    let mut doc = Document::new("bench", text, meta);
    let t0 = cpu_now();
    newsledger_pipeline::process(pipeline, &mut doc);
    cpu_now() - t0
}

fn per_stage(pipeline: &newsledger_model::Pipeline, text: &str) -> String {
    let mut end = text.len().min(256 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut doc = Document::new("stage", text[..end].to_string(), Meta::default());
    let mut parts = Vec::new();
    for stage in pipeline.stages() {
        let t0 = cpu_now();
        stage.process(&mut doc);
        parts.push(format!("{} {:.2}s", stage.name(), cpu_now() - t0));
    }
    parts.join(", ")
}

/// One row of the table: seconds, ns/byte, ratio to normal and to the shape's first size.
fn row(name: &str, bytes: f64, s: f64, base: f64, first: Option<(f64, f64)>) -> f64 {
    let ns = s * 1e9 / bytes;
    let growth = first.map_or(String::new(), |(f, mb)| {
        format!("  ({:.2}x its {mb}MB cost)", ns / f)
    });
    println!(
        "{:<24} {:>6.1} {:>9.2} {:>9.1} {:>9.2}{}",
        name,
        bytes / 1e6,
        s,
        ns,
        ns / base,
        growth
    );
    ns
}

/// Documents of a fixed size: one 5 MB line, and 100,000 blank lines around short reports.
fn fixed_shapes() -> Vec<(&'static str, String)> {
    let line = repeat_to(5_000_000, |i| format!("word{} ", i % 1000));
    let blanks = "Ten people died on Friday.\n".repeat(10)
        + &"\n".repeat(100_000)
        + &"Police said two were hurt.\n".repeat(10);
    vec![("one 5 MB line", line), ("100,000 blank lines", blanks)]
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
    let only = args.iter().find_map(|a| a.strip_prefix("only="));
    let Ok(pipeline) = newsledger_pipeline::default_pipeline() else {
        eprintln!("pipeline does not build");
        return;
    };
    let shapes: &[(&str, Maker)] = &[
        ("normal", normal),
        ("toll verb alone", toll_verb_alone),
        ("toll verb run-on", toll_run_on),
        ("stops turned to commas", commas_for_stops),
        ("weekday names", weekdays),
        ("short quotes", short_quotes),
        ("toll list", toll_list),
        ("list of names", names),
        ("flattened table", table),
        ("bare numbers", numbers),
        ("unbalanced quotes", nested_quotes),
        ("deeply nested quotes", deep_quotes),
        ("one long line", one_line),
        ("blank lines", blank_lines),
        ("mixed scripts", mixed_scripts),
        ("cue words in a row", cue_words),
    ];
    let mut normal_ns: Vec<f64> = Vec::new();
    println!(
        "{:<24} {:>6} {:>9} {:>9} {:>9}",
        "shape", "MB", "cpu s", "ns/byte", "x normal"
    );
    for (name, make) in shapes {
        if *name != "normal" && only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let mut first: Option<(f64, f64)> = None;
        for (k, mb) in sizes.iter().enumerate() {
            let text = make((mb * 1e6) as usize);
            let bytes = text.len() as f64;
            if stages && k == 0 {
                println!("  {name}: {}", per_stage(&pipeline, &text));
            }
            let s = run_once(&pipeline, text);
            let base = if *name == "normal" {
                s * 1e9 / bytes
            } else {
                normal_ns.get(k).copied().unwrap_or(1.0)
            };
            let ns = row(name, bytes, s, base, first);
            if *name == "normal" {
                normal_ns.push(ns);
            }
            first.get_or_insert((ns, sizes[0]));
        }
    }
    let base = normal_ns.last().copied().unwrap_or(1.0);
    for (name, text) in fixed_shapes() {
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let bytes = text.len() as f64;
        if stages {
            println!("  {name}: {}", per_stage(&pipeline, &text));
        }
        let s = run_once(&pipeline, text);
        row(name, bytes, s, base, None);
    }
}
