//! Helpers for tests in this and other crates (the server, the workers): a throwaway
//! PostgreSQL database when `NEWSLEDGER_TEST_PG` is set, and hand-built documents.

use newsledger_model::{
    Actors, Claim, ClaimKind, Cue, Document, Event, EventStatus, Figure, FigureValue, Group, Meta,
    Segment, SegmentKind, Span, Speaker, Trigger, ValueKind,
};

/// A fresh, empty database on the server named by `NEWSLEDGER_TEST_PG` (a `postgres://`
/// URL), as a URL; `None` (after printing a note) when the variable is unset. Each call
/// creates a new database so tests never see each other's rows.
pub fn fresh_pg_database(tag: &str) -> Option<String> {
    let Ok(base) = std::env::var("NEWSLEDGER_TEST_PG") else {
        eprintln!("note: NEWSLEDGER_TEST_PG is not set; skipping the PostgreSQL run of {tag}");
        return None;
    };
    let name = format!(
        "nl_{}_{}_{}",
        tag.chars()
            .filter(char::is_ascii_alphanumeric)
            .take(20)
            .collect::<String>()
            .to_lowercase(),
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() % 1_000_000_000)
    );
    let mut admin = match postgres::Client::connect(&base, postgres::NoTls) {
        Ok(c) => c,
        Err(e) => panic!("NEWSLEDGER_TEST_PG is set but the server is not reachable: {e}"),
    };
    if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE {name}")) {
        panic!("cannot create test database {name}: {e}");
    }
    Some(with_database(&base, &name))
}

/// The URL with its database name replaced.
pub fn with_database(url: &str, db: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let scheme_end = head.find("://").map_or(0, |i| i + 3);
    let base = match head[scheme_end..].find('/') {
        Some(i) => &head[..scheme_end + i],
        None => head,
    };
    match query {
        Some(q) => format!("{base}/{db}?{q}"),
        None => format!("{base}/{db}"),
    }
}

/// A document whose text is the given sentences, one segment each.
pub fn doc(
    id: &str,
    url: Option<&str>,
    outlet: &str,
    published: &str,
    sentences: &[&str],
) -> Document {
    let text = sentences.join(" ");
    let mut d = Document::new(
        id,
        text,
        Meta {
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            title: Some(format!("Report {id}")),
            url: url.map(str::to_string),
            outlet: Some(outlet.to_string()),
            language: None,
        },
    );
    let mut at = 0;
    for s in sentences {
        d.layers.segments.push(Segment {
            kind: SegmentKind::Sentence,
            span: Span(at, at + s.len()),
        });
        at += s.len() + 1;
    }
    d
}

/// Add a figure whose value phrase is the first occurrence of `phrase` in the text.
#[allow(clippy::too_many_arguments)]
pub fn add_figure(
    d: &mut Document,
    metric: &str,
    phrase: &str,
    kind: ValueKind,
    low: u64,
    high: Option<u64>,
    class: &str,
    place: Option<&str>,
    as_of: Option<&str>,
    sources: &[&str],
) {
    let start = d.text.find(phrase).unwrap_or(0);
    let span = Span(start, start + phrase.len());
    let sentence = d
        .segment_at(start)
        .map_or(Span(0, d.text.len()), |s| s.span);
    let id = format!("f{}", d.layers.figures.len() + 1);
    d.layers.figures.push(Figure {
        id,
        metric: metric.into(),
        value: FigureValue {
            kind,
            low,
            high,
            text: phrase.into(),
        },
        group: Group {
            text: class.into(),
            class: class.into(),
        },
        place: place.map(str::to_string),
        as_of: as_of.map(str::to_string),
        period: None,
        sources: sources.iter().map(|s| s.to_string()).collect(),
        hedged: false,
        claim: None,
        span,
        sentence,
        event: None,
    });
}

/// Add an event triggered by the first occurrence of `trigger`.
pub fn add_event(
    d: &mut Document,
    kind: &str,
    trigger: &str,
    place: Option<&str>,
    date: Option<&str>,
) {
    let start = d.text.find(trigger).unwrap_or(0);
    let span = Span(start, start + trigger.len());
    let id = format!("v{}", d.layers.events.len() + 1);
    d.layers.events.push(Event {
        id,
        kind: kind.into(),
        trigger: Trigger {
            text: trigger.into(),
            span,
        },
        actors: Actors::default(),
        place: place.map(str::to_string),
        date: date.map(str::to_string),
        timex: None,
        status: EventStatus::Occurred,
        claim: None,
        hedged: false,
        span,
    });
}

/// Add a claim whose cue is the first occurrence of `cue` and whose content is the first
/// occurrence of `content`; `speaker` is the first occurrence of that mention, or `None`
/// for a claim that names no source.
pub fn add_claim(d: &mut Document, speaker: Option<&str>, cue: &str, content: &str) {
    let at = |d: &Document, s: &str| {
        let start = d.text.find(s).unwrap_or(0);
        Span(start, start + s.len())
    };
    let cue_span = at(d, cue);
    let content_span = at(d, content);
    let speaker = speaker.map(|s| Speaker {
        text: s.into(),
        span: at(d, s),
        entity: None,
        name: s.into(),
    });
    let start = [
        Some(cue_span),
        Some(content_span),
        speaker.as_ref().map(|s| s.span),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.start())
    .min()
    .unwrap_or(0);
    let end = [
        Some(cue_span),
        Some(content_span),
        speaker.as_ref().map(|s| s.span),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.end())
    .max()
    .unwrap_or(0);
    let id = format!("c{}", d.layers.claims.len() + 1);
    d.layers.claims.push(Claim {
        id,
        speaker,
        cue: Cue {
            text: cue.into(),
            span: cue_span,
            lemma: "say".into(),
            distance: false,
        },
        content: vec![content_span],
        kind: ClaimKind::Indirect,
        via: Vec::new(),
        date: None,
        timex: None,
        medium: None,
        hedges: Vec::new(),
        span: Span(start, end),
    });
}
