//! The story answer: its rules on invented sentences, the README's worked example on the
//! fictional corpus, and (when their texts are present) the real multi-article stories
//! against their hand-written gold.

use newsledger_ingest::{read_jsonl, Item};
use newsledger_model::{Document, ValueKind};
use newsledger_store::story::{story, Rule, StoryQuery};
use newsledger_store::testing::{add_figure, doc};
use newsledger_store::{Incoming, Store};
use std::path::Path;

fn fresh() -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let s = newsledger_store::open(path.to_str().expect("utf-8")).expect("open");
    (dir, s)
}

fn put(store: &dyn Store, docs: Vec<Document>) {
    let inc: Vec<Incoming> = docs
        .into_iter()
        .map(|doc| Incoming {
            doc,
            processed: true,
        })
        .collect();
    store.put_batch(&inc, "test/1").expect("batch");
}

#[allow(clippy::too_many_arguments)]
fn report(
    id: &str,
    day: &str,
    sentence: &str,
    figs: &[(&str, u64, ValueKind, &str, &str)],
    source: &str,
) -> Document {
    let mut d = doc(
        id,
        Some(&format!("https://{id}.example/a")),
        &format!("Outlet {id}"),
        day,
        &[sentence],
    );
    for (text, n, kind, group, metric) in figs {
        add_figure(
            &mut d,
            metric,
            text,
            *kind,
            *n,
            if *kind == ValueKind::AtLeast {
                None
            } else {
                Some(*n)
            },
            group,
            None,
            Some(day),
            &[source],
        );
    }
    d
}

fn killed(store: &dyn Store) -> newsledger_store::story::MetricStory {
    let s = story(
        store,
        &StoryQuery {
            metric: Some("killed".into()),
            ..StoryQuery::default()
        },
    )
    .expect("story");
    s.metrics.into_iter().next().expect("one metric")
}

/// The killed story of a fresh store holding `docs`.
fn killed_in(docs: Vec<Document>) -> newsledger_store::story::MetricStory {
    let (_d, s) = fresh();
    put(s.as_ref(), docs);
    killed(s.as_ref())
}

use ValueKind::{AtLeast, Exact};

#[test]
fn the_latest_day_wins_whatever_its_kind_and_parts_are_no_conflict() {
    let m = killed_in(vec![
        report(
            "a",
            "2031-06-01",
            "The quake killed 90 people, including 12 police officers, the agency said.",
            &[
                ("90 people", 90, Exact, "unspecified", "killed"),
                ("12 police officers", 12, Exact, "security_forces", "killed"),
            ],
            "Disaster Agency",
        ),
        report(
            "b",
            "2031-06-03",
            "At least 95 people have died, the agency said on Tuesday.",
            &[("At least 95 people", 95, AtLeast, "unspecified", "killed")],
            "Disaster Agency",
        ),
    ]);
    assert_eq!(m.current.status, "total");
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(95));
    assert_eq!(m.current.as_of.as_deref(), Some("2031-06-03"));
    // The 12 police are a breakdown, never the total nor a rival of it.
    assert!(m.breakdowns.iter().any(|b| b.group == "security_forces"));
    assert_eq!(m.chain.len(), 2);
    assert_eq!(m.chain[1].rule, Rule::LatestAsOf);
}

#[test]
fn smaller_counts_of_the_same_article_are_its_parts_not_rival_totals() {
    let m = killed_in(vec![report(
        "a",
        "2031-09-01",
        "More than 12,000 people have died since the war began; cholera has killed 210 \
             and dengue 65, the agency said.",
        &[
            (
                "More than 12,000 people",
                12_000,
                AtLeast,
                "unspecified",
                "killed",
            ),
            ("210", 210, Exact, "unspecified", "killed"),
            ("65", 65, Exact, "unspecified", "killed"),
        ],
        "Relief Agency",
    )]);
    assert_eq!(m.current.status, "total", "{}", m.current.summary);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(12_000));
    let parts: Vec<u64> = m
        .breakdowns
        .iter()
        .filter(|b| b.by == "part")
        .map(|b| b.latest.value.low)
        .collect();
    // Parts are shown as breakdowns (the latest per group and place), never in `current`.
    assert!(parts.contains(&210) || parts.contains(&65), "{parts:?}");
    assert_eq!(m.current.sources.len(), 1);

    // Two counts that together make the article's total are its parts too.
    let m = killed_in(vec![report(
        "b",
        "2031-09-02",
        "The toll passed 50,000: 44,200 dead in the north and 5,900 in the south.",
        &[
            ("50,000", 50_000, AtLeast, "unspecified", "killed"),
            ("44,200 dead", 44_200, Exact, "unspecified", "killed"),
            ("5,900", 5_900, Exact, "unspecified", "killed"),
        ],
        "Relief Agency",
    )]);
    assert_eq!(m.current.status, "total", "{}", m.current.summary);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(50_000));

    // A close second count is no part: 270 beside 400 stays in the answer's range.
    let m = killed_in(vec![
        report(
            "c",
            "2031-09-03",
            "The ministry counted 400 dead.",
            &[("400 dead", 400, Exact, "unspecified", "killed")],
            "Health Ministry",
        ),
        report(
            "d",
            "2031-09-03",
            "Doctors counted 270 dead.",
            &[("270 dead", 270, Exact, "unspecified", "killed")],
            "Doctors Union",
        ),
    ]);
    assert_eq!(m.current.status, "range", "{}", m.current.summary);
    assert_eq!((m.current.low, m.current.high), (Some(270), Some(400)));
}

#[test]
fn a_later_count_inside_a_vague_one_makes_it_precise() {
    let m = killed_in(vec![
        report(
            "a",
            "2031-10-01",
            "Thousands died in the floods, the governor's office said.",
            &[(
                "Thousands",
                2_000,
                ValueKind::Vague,
                "unspecified",
                "killed",
            )],
            "Governor's Office",
        ),
        report(
            "b",
            "2031-10-04",
            "The toll stands at 4,310, the health agency said.",
            &[("4,310", 4_310, Exact, "unspecified", "killed")],
            "Health Agency",
        ),
    ]);
    assert_eq!(m.current.status, "total", "{}", m.current.summary);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(4_310));

    // The same day too: "thousands" beside a precise count is no rival to it.
    let m = killed_in(vec![
        report(
            "c",
            "2031-10-04",
            "Thousands died in the floods, a rescuer said.",
            &[(
                "Thousands",
                2_000,
                ValueKind::Vague,
                "unspecified",
                "killed",
            )],
            "Rescue Team",
        ),
        report(
            "d",
            "2031-10-04",
            "The toll stands at 4,310, the health agency said.",
            &[("4,310", 4_310, Exact, "unspecified", "killed")],
            "Health Agency",
        ),
    ]);
    assert_eq!(m.current.status, "total", "{}", m.current.summary);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(4_310));
}

#[test]
fn increments_are_shown_not_summed_and_hedged_only_without_firm() {
    let m = killed_in(vec![
        report(
            "a",
            "2031-06-01",
            "The agency said 40 people had died in the floods.",
            &[("40 people", 40, Exact, "unspecified", "killed")],
            "Flood Agency",
        ),
        report(
            "b",
            "2031-06-02",
            "Officials said three more people had died overnight.",
            &[("three more people", 3, Exact, "unspecified", "killed")],
            "Flood Agency",
        ),
    ]);
    assert_eq!(
        m.current.value.as_ref().map(|v| v.low),
        Some(40),
        "never 43"
    );
    assert_eq!(m.increments.len(), 1);
    assert_eq!(m.increments[0].value.low, 3);
    let (_d2, s2) = fresh();
    let mut hedged = report(
        "c",
        "2031-06-05",
        "Unconfirmed reports suggest 300 people died.",
        &[("300 people", 300, Exact, "unspecified", "killed")],
        "residents",
    );
    hedged.layers.figures[0].hedged = true;
    put(s2.as_ref(), vec![hedged.clone()]);
    let m = killed(s2.as_ref());
    assert_eq!(m.current.rule, Rule::OnlyUnconfirmed);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(300));
    put(
        s2.as_ref(),
        vec![report(
            "d",
            "2031-06-04",
            "The agency said 41 people had died.",
            &[("41 people", 41, Exact, "unspecified", "killed")],
            "Flood Agency",
        )],
    );
    let m = killed(s2.as_ref());
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(41));
    assert_eq!(
        m.unconfirmed.len(),
        1,
        "the hedged 300 is shown, not chosen"
    );
}

#[test]
fn revisions_and_retractions_supersede_what_they_revise() {
    let m = killed_in(vec![
        report(
            "a",
            "2031-06-01",
            "The board said 120 people had died.",
            &[("120 people", 120, Exact, "unspecified", "killed")],
            "Health Board",
        ),
        report(
            "b",
            "2031-06-02",
            "The toll of 120 was published in error; the correct figure is 102.",
            &[
                ("120", 120, Exact, "unspecified", "killed"),
                ("102", 102, Exact, "unspecified", "killed"),
            ],
            "Health Board",
        ),
    ]);
    assert_eq!(m.current.value.as_ref().map(|v| v.low), Some(102));
    assert_eq!(m.current.status, "total", "the withdrawn 120 is no rival");
    assert_eq!(m.chain.last().map(|c| c.rule), Some(Rule::Retraction));
}

#[test]
fn an_office_its_title_and_its_holder_are_one_source() {
    use newsledger_model::{Entity, EntityType};
    let (_d, s) = fresh();
    let mut a = report(
        "a",
        "2031-06-01",
        "Chief Justice Officer Lena Brask said 50 people had been charged.",
        &[("50 people", 50, Exact, "unspecified", "charged")],
        "Lena Brask",
    );
    a.layers.entities.push(Entity {
        id: "e1".into(),
        kind: EntityType::Person,
        subtype: None,
        name: "Lena Brask".into(),
        aliases: vec![],
        mentions: vec![],
        roles: vec!["Attorney General".into()],
        geo: None,
    });
    let b = report(
        "b",
        "2031-06-01",
        "The Attorney General's Office said 50 people had been charged.",
        &[("50 people", 50, Exact, "unspecified", "charged")],
        "the Attorney General's Office",
    );
    let c = report(
        "c",
        "2031-06-01",
        "The attorney general said 50 people had been charged.",
        &[("50 people", 50, Exact, "unspecified", "charged")],
        "the attorney general",
    );
    put(s.as_ref(), vec![a, b, c]);
    let st = story(
        s.as_ref(),
        &StoryQuery {
            metric: Some("charged".into()),
            ..StoryQuery::default()
        },
    )
    .expect("story");
    let m = &st.metrics[0];
    assert_eq!(m.current.sources.len(), 1, "{:?}", m.current.sources);
    assert_eq!(m.current.sources[0].articles, 3);
}

/// Read a JSONL corpus, run the pipeline and store it.
fn ingest(store: &dyn Store, path: &Path) {
    let file = std::fs::File::open(path).expect("corpus");
    let mut docs = Vec::new();
    read_jsonl(std::io::BufReader::new(file), "corpus", &mut |i| {
        if let Item::Doc(d) = i {
            docs.push(d)
        }
    });
    let pipeline = newsledger_pipeline::default_pipeline().expect("pipeline");
    let refs: Vec<&Document> = docs.iter().collect();
    let triage = store.triage(&refs).expect("triage");
    let inc: Vec<Incoming> = docs
        .into_iter()
        .zip(triage)
        .map(|(mut doc, t)| {
            let processed = t == newsledger_store::Triage::New;
            if processed {
                pipeline.run(&mut doc);
            }
            Incoming { doc, processed }
        })
        .collect();
    store
        .put_batch(&inc, newsledger_pipeline::PIPELINE_VERSION)
        .expect("put");
}

/// The README's worked example: deaths in the fictional corpus.
#[test]
fn worked_example_on_the_fictional_corpus() {
    let (_d, s) = fresh();
    ingest(
        s.as_ref(),
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/reports.jsonl"),
    );
    let m = killed(s.as_ref());
    // The two current sources disagree: the official 47 and the rights group's 78, both
    // as of 10 March; the answer is the range, each side with its evidence.
    assert_eq!(m.current.status, "range", "{}", m.current.summary);
    assert_eq!((m.current.low, m.current.high), (Some(47), Some(78)));
    assert_eq!(m.current.as_of.as_deref(), Some("2031-03-10"));
    let origins: Vec<&str> = m
        .current
        .sources
        .iter()
        .map(|c| c.origin.as_str())
        .collect();
    assert!(origins.contains(&"Health Ministry") && origins.contains(&"Open Door Rights Centre"));
    // The chain: the first report, then each later day's count (latest as_of wins).
    let steps: Vec<(String, u64, Rule)> = m
        .chain
        .iter()
        .map(|c| (c.as_of.clone().unwrap_or_default(), c.value.low, c.rule))
        .collect();
    assert_eq!(steps.first().map(|s| s.2), Some(Rule::FirstReport));
    assert!(steps.contains(&("2031-03-04".into(), 19, Rule::LatestAsOf)));
    assert!(steps.contains(&("2031-03-06".into(), 31, Rule::LatestAsOf)));
    assert_eq!(
        steps.last(),
        Some(&("2031-03-09".into(), 78, Rule::LatestAsOf))
    );
    // Dates are days: no step is dated by a week.
    assert!(steps.iter().all(|s| s.0.len() == 10));
    // Groups are beside the total, never in it.
    assert!(m.breakdowns.iter().any(|b| b.group == "security_forces"));
    // The export carries the same answer as rows.
    let all = story(s.as_ref(), &StoryQuery::default()).expect("story");
    let t = newsledger_store::export::story_table(&all);
    newsledger_store::export::check(&t).expect("valid table");
    let mut csv = Vec::new();
    newsledger_store::export::write_csv(&t, &mut csv).expect("csv");
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(csv.lines().any(|l| l.starts_with("killed,current,range,")));
    assert!(csv
        .lines()
        .any(|l| l.starts_with("killed,chain,,latest_as_of,")));
}

/// Gold of one metric of one real story (`corpus/real/<set>/gold/story.jsonl`).
#[derive(serde::Deserialize)]
struct StoryGold {
    story: String,
    metric: String,
    current: GoldCurrent,
    #[serde(default)]
    chain: Vec<GoldStep>,
}
#[derive(serde::Deserialize)]
struct GoldCurrent {
    low: Option<u64>,
    high: Option<u64>,
    #[serde(default)]
    as_of: Vec<String>,
    #[serde(default)]
    origins: Vec<Vec<String>>,
}
#[derive(serde::Deserialize)]
struct GoldStep {
    low: Option<u64>,
}

fn real_dirs() -> Vec<std::path::PathBuf> {
    // The repository's own sets; NEWSLEDGER_REAL_CORPUS adds others (colon-separated
    // corpus/real directories), e.g. before they are merged.
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/real")];
    if let Ok(v) = std::env::var("NEWSLEDGER_REAL_CORPUS") {
        dirs.extend(v.split(':').filter(|s| !s.is_empty()).map(Into::into));
    }
    dirs
}

fn realdata() -> std::path::PathBuf {
    std::env::var("NEWSLEDGER_REALDATA").map_or_else(
        |_| Path::new(&std::env::var("HOME").unwrap_or_default()).join("newsledger-realdata"),
        Into::into,
    )
}

/// The documents of one story (`sources.jsonl` rows whose kind is the story), or the ids
/// whose texts are missing.
fn story_docs(set_dir: &Path, story: &str) -> Result<Vec<Document>, Vec<String>> {
    let set = set_dir
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let rows = std::fs::read_to_string(set_dir.join("sources.jsonl")).unwrap_or_default();
    let mut docs = Vec::new();
    let mut missing = Vec::new();
    for line in rows.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["kind"].as_str() != Some(story) {
            continue;
        }
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let Ok(text) = std::fs::read_to_string(realdata().join(set).join(format!("{id}.txt")))
        else {
            missing.push(id);
            continue;
        };
        let s = |k: &str| v[k].as_str().map(str::to_string);
        docs.push(Document::new(
            id,
            text,
            newsledger_model::Meta {
                published: s("published")
                    .and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                title: s("title"),
                url: s("url"),
                outlet: s("outlet"),
                language: None,
            },
        ));
    }
    if missing.is_empty() {
        Ok(docs)
    } else {
        Err(missing)
    }
}

/// One line of the score of a story answer against its gold.
fn score(g: &StoryGold, m: Option<&newsledger_store::story::MetricStory>) -> String {
    let Some(m) = m else {
        return format!("{} {}: no answer", g.story, g.metric);
    };
    let c = &m.current;
    let (lo, hi) = match c.status {
        "range" => (c.low, c.high),
        _ => (
            c.value.as_ref().map(|v| v.low),
            c.value.as_ref().and_then(|v| v.high),
        ),
    };
    let value_ok = lo == g.current.low && (g.current.high.is_none() || hi == g.current.high);
    let as_of_ok = c
        .as_of
        .as_ref()
        .is_some_and(|d| g.current.as_of.contains(d));
    let origins_hit = g
        .current
        .origins
        .iter()
        .filter(|names| {
            c.sources.iter().any(|s| {
                let o = s.origin.to_lowercase();
                if names.is_empty() {
                    s.outlet
                        .as_deref()
                        .is_some_and(|out| out.to_lowercase() == o)
                } else {
                    names.iter().any(|n| o.contains(&n.to_lowercase()))
                }
            })
        })
        .count();
    let chain_vals: Vec<u64> = m.chain.iter().map(|s| s.value.low).collect();
    let chain_hit = g
        .chain
        .iter()
        .filter(|s| s.low.is_some_and(|l| chain_vals.contains(&l)))
        .count();
    format!(
        "{} {}: answer {}..{} as of {} ({}) vs gold {:?}..{:?} as of {:?}: value {}, as_of {}, \
         origins {}/{}, chain {}/{} gold steps found ({} steps given)",
        g.story,
        g.metric,
        lo.map_or("-".into(), |v| v.to_string()),
        hi.map_or("-".into(), |v| v.to_string()),
        c.as_of.as_deref().unwrap_or("-"),
        c.status,
        g.current.low,
        g.current.high,
        g.current.as_of,
        if value_ok { "ok" } else { "MISS" },
        if as_of_ok { "ok" } else { "MISS" },
        origins_hit,
        g.current.origins.len(),
        chain_hit,
        g.chain.len(),
        m.chain.len()
    )
}

/// Every stored figure of a gold metric, for reading why an answer went wrong.
fn dump(s: &dyn Store, st: &str, golds: &[StoryGold]) {
    for g in golds.iter().filter(|g| g.story == st) {
        let f = newsledger_store::Filter {
            metric: Some(g.metric.clone()),
            ..Default::default()
        };
        for r in s.figures(&f).unwrap_or_default() {
            eprintln!(
                "  {st} {} {}..{:?} as_of {:?} period {:?} place {:?} [{}] group {} inc {} part {} hedged {} origin {:?} doc {} {:?}",
                g.metric,
                r.value.low,
                r.value.high,
                r.as_of_day,
                r.period,
                r.place,
                r.place_key.as_deref().unwrap_or("-"),
                r.group_class,
                r.increment,
                r.part_of.is_some(),
                r.hedged,
                r.origin,
                r.doc.ext_id,
                r.sentence.chars().take(160).collect::<String>()
            );
        }
    }
}

/// The real multi-article stories against their hand-written gold. Texts live outside the
/// repository; a story whose texts are absent is skipped with a note. The scores are
/// printed (run with `--nocapture`) and held to the floors measured last.
#[test]
fn real_stories_against_their_gold() {
    let mut lines = Vec::new();
    for root in real_dirs() {
        let Ok(sets) = std::fs::read_dir(&root) else {
            continue;
        };
        for set in sets.flatten().map(|e| e.path()) {
            let Ok(gold) = std::fs::read_to_string(set.join("gold/story.jsonl")) else {
                continue;
            };
            let golds: Vec<StoryGold> = gold
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect();
            let stories: std::collections::BTreeSet<&str> =
                golds.iter().map(|g| g.story.as_str()).collect();
            for st in stories {
                let docs = match story_docs(&set, st) {
                    Ok(d) if !d.is_empty() => d,
                    Ok(_) => continue,
                    Err(missing) => {
                        eprintln!(
                            "note: {st}: {} text(s) absent under {} (e.g. {}); skipped",
                            missing.len(),
                            realdata().display(),
                            missing[0]
                        );
                        continue;
                    }
                };
                let (_d, s) = fresh();
                let pipeline = newsledger_pipeline::default_pipeline().expect("pipeline");
                let inc: Vec<Incoming> = docs
                    .into_iter()
                    .map(|mut doc| {
                        pipeline.run(&mut doc);
                        Incoming {
                            doc,
                            processed: true,
                        }
                    })
                    .collect();
                s.put_batch(&inc, "real/1").expect("put");
                let ans = story(s.as_ref(), &StoryQuery::default()).expect("story");
                if std::env::var_os("NEWSLEDGER_STORY_DUMP").is_some() {
                    dump(s.as_ref(), st, &golds);
                }
                for g in golds.iter().filter(|g| g.story == st) {
                    let m = ans.metrics.iter().find(|m| m.metric == g.metric);
                    lines.push(score(g, m));
                }
            }
        }
    }
    if lines.is_empty() {
        eprintln!("note: no real story with texts present; nothing scored");
        return;
    }
    for l in &lines {
        eprintln!("{l}");
    }
    // Floors measured when the story rules were last changed (session 4: 7 values and 7
    // as_of days of 16 metric answers right; deaths right in 3 of the 4 stories): a change
    // that loses any of them fails here. Only checked when all four stories were scored.
    if lines.iter().filter(|l| l.contains(" killed: ")).count() == 4 {
        let value_ok = lines.iter().filter(|l| l.contains("value ok")).count();
        let as_of_ok = lines.iter().filter(|l| l.contains("as_of ok")).count();
        let killed_ok = lines
            .iter()
            .filter(|l| l.contains(" killed: ") && l.contains("value ok") && l.contains("as_of ok"))
            .count();
        assert!(value_ok >= 7, "values right: {value_ok} of {}", lines.len());
        assert!(as_of_ok >= 7, "as_of right: {as_of_ok} of {}", lines.len());
        assert!(killed_ok >= 3, "deaths right in {killed_ok} of 4 stories");
    }
}
