//! `GET /api/story` (the story answer), `GET /api/changes` and the Atom feed of changes
//! `GET /feeds/changes.atom`.

use crate::api::blocking;
use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::AppState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use newsledger_store::changes::{changes, newest, Change};
use newsledger_store::story::{story as answer, StoryQuery};

const STORY_PARAMS: &[&str] = &["metric", "place", "from", "to", "q"];
const CHANGES_PARAMS: &[&str] = &["since"];
/// Entries in one feed document: the newest ones.
const FEED_ENTRIES: usize = 200;

pub(crate) async fn story(
    State(st): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let p = Params::parse(q.as_deref(), STORY_PARAMS)?;
    let sq = StoryQuery {
        metric: p.string("metric"),
        place: p.string("place"),
        from: p.day("from")?,
        to: p.day("to")?,
        query: p.string("q"),
    };
    blocking(&st, "story", move |s| {
        let a = answer(s, &sq).map_err(|e| ApiError::internal("story", e))?;
        Ok(Json(a).into_response())
    })
    .await
}

fn since(p: &Params) -> ApiResult<String> {
    Ok(p.day("since")?.unwrap_or_else(|| "0001-01-01".into()))
}

async fn fetch(st: &AppState, since: String) -> ApiResult<Vec<Change>> {
    blocking(st, "changes", move |s| {
        changes(s, &since).map_err(|e| ApiError::bad_request(e.to_string()))
    })
    .await
}

pub(crate) async fn changes_json(
    State(st): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let p = Params::parse(q.as_deref(), CHANGES_PARAMS)?;
    let all = fetch(&st, since(&p)?).await?;
    Ok(Json(serde_json::json!({ "items": all })).into_response())
}

pub(crate) async fn feed(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let p = Params::parse(q.as_deref(), CHANGES_PARAMS)?;
    let mut all = fetch(&st, since(&p)?).await?;
    all.reverse();
    all.truncate(FEED_ENTRIES);
    let mut r = atom(&all).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(r)
}

/// XML text escaping (element content and attribute values).
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

fn title(c: &Change) -> String {
    let f = &c.figure;
    let place = f
        .place
        .as_deref()
        .map(|p| format!(" in {p}"))
        .unwrap_or_default();
    let group = if c.group == "unspecified" {
        String::new()
    } else {
        format!(" ({})", c.group)
    };
    match &c.replaces {
        Some(old) => format!(
            "{}{group}{place}: {} replaces {} ({})",
            c.metric, f.value.text, old.value.text, f.origin
        ),
        None => format!(
            "{}{group}{place}: {} ({})",
            c.metric, f.value.text, f.origin
        ),
    }
}

/// The changes as an Atom 1.0 document (RFC 4287): feed id, title, updated, author and a
/// self link; one entry per change with a stable id, title, updated, link and summary.
pub(crate) fn atom(all: &[Change]) -> String {
    let fallback = newsledger_store::dates::parse_day("2000-01-01").unwrap_or_default();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.push_str("  <id>urn:newsledger:feed:changes</id>\n");
    x.push_str("  <title>newsledger: what changed in the ledger</title>\n");
    x.push_str(&format!(
        "  <updated>{}</updated>\n",
        esc(&newest(all, fallback))
    ));
    x.push_str("  <author><name>newsledger</name></author>\n");
    x.push_str("  <link rel=\"self\" href=\"/feeds/changes.atom\"/>\n");
    for c in all {
        let f = &c.figure;
        let mut summary = format!(
            "{} says {} as of {}: \"{}\" ({}{})",
            f.origin,
            f.value.text,
            f.as_of.as_deref().unwrap_or("undated"),
            f.sentence.split_whitespace().collect::<Vec<_>>().join(" "),
            f.outlet.as_deref().unwrap_or("?"),
            f.published
                .as_deref()
                .map(|p| format!(", {p}"))
                .unwrap_or_default()
        );
        if let Some(old) = &c.replaces {
            summary.push_str(&format!(
                " It replaces {} as of {}: \"{}\"",
                old.value.text,
                old.as_of.as_deref().unwrap_or("undated"),
                old.sentence
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <id>{}</id>\n", esc(&c.id)));
        x.push_str(&format!("    <title>{}</title>\n", esc(&title(c))));
        x.push_str(&format!("    <updated>{}</updated>\n", esc(&c.ingested_at)));
        x.push_str(&format!("    <link href=\"{}\"/>\n", esc(&f.link)));
        x.push_str(&format!("    <category term=\"{}\"/>\n", esc(c.kind)));
        x.push_str(&format!("    <summary>{}</summary>\n", esc(&summary)));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}
