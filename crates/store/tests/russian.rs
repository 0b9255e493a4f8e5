//! Reports in English and Russian of one invented event feed one story answer, and Russian
//! text is searchable by its stems. Every sentence here is invented for this test. (The
//! English report names no place: Russian figures carry no place yet, and a figure tied to
//! a place is a breakdown beside a whole-story total, never a step of its chain.)

use newsledger_ingest::{read_jsonl, Item};
use newsledger_model::Document;
use newsledger_store::story::{story, StoryQuery};
use newsledger_store::{Incoming, Store};

const REPORTS: &str = concat!(
    r#"{"id": "en-ferry", "published": "2031-05-02", "outlet": "Harbour Wire", "url": "https://harbour.example/ferry", "text": "Ferry fire off Velmora\nThe coast guard said on Friday that 12 people were killed when fire broke out on a passenger ferry. Rescue boats searched the water until dark and the cause of the fire was not yet known."}"#,
    "\n",
    r#"{"id": "ru-ferry", "published": "2031-05-03", "outlet": "Вестник Велморы", "url": "https://vestnik-velmora.example/parom", "language": "ru", "text": "Пожар на пароме у Велморы\nПо данным береговой охраны, число погибших при пожаре на пароме у порта Велмора возросло до 17. Спасатели продолжали поиски в субботу."}"#,
    "\n"
);

fn ingest(store: &dyn Store) -> Vec<Document> {
    let mut docs = Vec::new();
    read_jsonl(
        std::io::Cursor::new(REPORTS.as_bytes()),
        "reports",
        &mut |i| {
            if let Item::Doc(d) = i {
                docs.push(d)
            }
        },
    );
    let pipeline = newsledger_pipeline::default_pipeline().expect("pipeline");
    let inc: Vec<Incoming> = docs
        .iter()
        .cloned()
        .map(|mut doc| {
            pipeline.run(&mut doc);
            Incoming {
                doc,
                processed: true,
            }
        })
        .collect();
    store
        .put_batch(&inc, newsledger_pipeline::PIPELINE_VERSION)
        .expect("put");
    docs
}

#[test]
fn one_story_answer_cites_the_english_and_the_russian_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.db");
    let store = newsledger_store::open(path.to_str().expect("utf-8")).expect("open");
    let docs = ingest(store.as_ref());
    let langs: Vec<Option<&str>> = docs.iter().map(|d| d.meta.language.as_deref()).collect();
    assert_eq!(langs, [Some("en"), Some("ru")]);

    let s = story(
        store.as_ref(),
        &StoryQuery {
            metric: Some("killed".into()),
            ..StoryQuery::default()
        },
    )
    .expect("story");
    let killed = s.metrics.first().expect("a killed story");
    let steps: Vec<(u64, Option<&str>)> = killed
        .chain
        .iter()
        .map(|st| (st.value.low, st.first_reported.outlet.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [(12, Some("Harbour Wire")), (17, Some("Вестник Велморы"))],
        "{killed:#?}"
    );
    assert_eq!(killed.current.value.as_ref().map(|v| v.low), Some(17));

    // "паромы" is not in the text: its stem "паром" matches "пароме".
    let hits = store.search("паромы", 10).expect("search");
    assert!(
        hits.iter()
            .any(|h| h.doc.ext_id == "ru-ferry" && h.doc.language.as_deref() == Some("ru")),
        "{hits:#?}"
    );
}
