//! The routes. Listings answer `{items, next}`: `next` is an opaque cursor to pass back as
//! `?cursor=` (null on the last page). Cross-document answers (series, estimates, conflicts,
//! timeline) are computed by the store's analysis functions over every figure or event that
//! matches the filters, then paged.

use crate::assets::{self, ASSETS};
use crate::docview::{self, Records};
use crate::error::{ApiError, ApiResult};
use crate::params::{Page, Params};
use crate::{ingest, AppState, Config};
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use newsledger_store::{analysis, FigureRow, Filter, Store, StoreError};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Most figures or events one cross-document answer reads; beyond that the client is told
/// to narrow its filters instead of the server reading the whole store per request.
pub const MAX_ANALYSIS_ROWS: usize = 200_000;

const OPENAPI: &str = include_str!("openapi.json");

const FIGURE_PARAMS: &[&str] = &[
    "metric", "group", "place", "source", "from", "to", "limit", "cursor",
];
const EVENT_PARAMS: &[&str] = &["type", "place", "source", "from", "to", "limit", "cursor"];
const CLAIM_PARAMS: &[&str] = &["source", "from", "to", "limit", "cursor"];
const ENTITY_PARAMS: &[&str] = &["type", "place", "source", "aggregate", "limit", "cursor"];
const DOC_PARAMS: &[&str] = &["source", "from", "to", "limit", "cursor"];
const SEARCH_PARAMS: &[&str] = &["q", "limit", "cursor"];

#[derive(Serialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

fn paged<T: Serialize>((items, next): (Vec<T>, Option<String>)) -> Json<Paged<T>> {
    Json(Paged { items, next })
}

pub fn router(state: AppState, config: &Config) -> anyhow::Result<Router> {
    let docs = if state.writer.is_some() {
        get(documents).merge(
            post(ingest::post_documents)
                .route_layer(middleware::from_fn_with_state(
                    state.clone(),
                    ingest::require_token,
                ))
                .layer(DefaultBodyLimit::max(config.body_limit)),
        )
    } else {
        get(documents)
    };
    let mut api = Router::new()
        .route("/api", get(index))
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(stats))
        .route("/api/documents", docs)
        .route("/api/texts/{content_id}", get(text_view))
        .route("/api/figures", get(figures))
        .route("/api/series", get(series))
        .route("/api/estimates", get(estimates))
        .route("/api/conflicts", get(conflicts))
        .route("/api/events", get(events))
        .route("/api/timeline", get(timeline))
        .route("/api/entities", get(entities))
        .route("/api/claims", get(claims))
        .route("/api/search", get(search))
        .route("/api/story", get(crate::story::story))
        .route("/api/changes", get(crate::story::changes_json))
        .route("/feeds/changes.atom", get(crate::story::feed));
    for a in ASSETS {
        api = api.route(a.path, get(move || async move { assets::response(a) }));
    }
    let mut app = api
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        // Bodies are refused above the limit on every route, not only the POST.
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(60),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ));
    if !config.cors.is_empty() {
        app = app.layer(cors_layer(&config.cors, config.write_token.is_some())?);
    }
    Ok(app)
}

fn cors_layer(origins: &[String], writable: bool) -> anyhow::Result<CorsLayer> {
    let mut methods = vec![Method::GET];
    if writable {
        methods.push(Method::POST);
    }
    let layer = CorsLayer::new()
        .allow_methods(methods)
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]);
    if origins.iter().any(|o| o == "*") {
        return Ok(layer.allow_origin(AllowOrigin::any()));
    }
    let list = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o.trim_end_matches('/'))
                .map_err(|e| anyhow::anyhow!("--cors {o:?}: {e}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(layer.allow_origin(AllowOrigin::list(list)))
}

async fn not_found(uri: Uri) -> ApiError {
    let path: String = uri.path().chars().take(200).collect();
    ApiError::not_found(format!("no such resource: {path}"))
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let msg = if method == Method::POST && uri.path() == "/api/documents" {
        "this server is read-only: start it with --write-token to accept documents".to_string()
    } else {
        format!("{method} is not allowed here")
    };
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, msg).into_response()
}

/// Run a blocking store call on the blocking pool.
pub(crate) async fn blocking<T, F>(state: &AppState, what: &'static str, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
{
    let st = state.clone();
    tokio::task::spawn_blocking(move || f(st.store.as_ref()))
        .await
        .map_err(|e| ApiError::internal(what, e))?
}

fn store_err(what: &'static str) -> impl Fn(StoreError) -> ApiError {
    move |e| ApiError::internal(what, e)
}

async fn index() -> Json<Value> {
    Json(json!({
        "openapi": "/api/openapi.json",
        "endpoints": ["/api/stats", "/api/documents", "/api/texts/{content_id}", "/api/figures",
            "/api/series", "/api/estimates", "/api/conflicts", "/api/events", "/api/timeline",
            "/api/entities", "/api/claims", "/api/search", "/api/story", "/api/changes",
            "/feeds/changes.atom"],
    }))
}

async fn openapi() -> Response {
    let mut r = OPENAPI.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

async fn stats(State(st): State<AppState>) -> ApiResult<Json<Value>> {
    let writable = st.writer.is_some();
    blocking(&st, "stats", move |s| {
        let stats = s.stats().map_err(store_err("stats"))?;
        Ok(Json(json!({
            "backend": s.backend(),
            "writable": writable,
            "pipeline_version": newsledger_pipeline::PIPELINE_VERSION,
            "counts": stats,
        })))
    })
    .await
}

/// Parse the parameters and the page, and build the store filter.
fn listing(
    q: &Option<String>,
    allowed: &[&str],
    kind_key: Option<&str>,
) -> ApiResult<(Params, Page, Filter)> {
    let p = Params::parse(q.as_deref(), allowed)?;
    let page = p.page()?;
    let f = p.filter(kind_key)?;
    Ok((p, page, f))
}

/// One paginated listing of a record table: parse and check the query, fetch one row more
/// than the page to know whether there is a next page, and answer `{items, next}`.
async fn list_records<R, F>(
    st: AppState,
    q: Option<String>,
    allowed: &'static [&'static str],
    kind_key: Option<&'static str>,
    what: &'static str,
    fetch: F,
) -> ApiResult<Response>
where
    R: Serialize + Send + 'static,
    F: FnOnce(&dyn Store, &Filter) -> Result<Vec<R>, StoreError> + Send + 'static,
{
    let (_, page, mut f) = listing(&q, allowed, kind_key)?;
    page.apply(&mut f);
    blocking(&st, what, move |s| {
        let rows = fetch(s, &f).map_err(store_err(what))?;
        Ok(paged(page.finish(rows)).into_response())
    })
    .await
}

async fn documents(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    list_records(st, q, DOC_PARAMS, None, "documents", |s, f| s.documents(f)).await
}

async fn figures(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    list_records(st, q, FIGURE_PARAMS, Some("group"), "figures", |s, f| {
        s.figures(f)
    })
    .await
}

async fn claims(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    list_records(st, q, CLAIM_PARAMS, None, "claims", |s, f| s.claims(f)).await
}

async fn events(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    list_records(st, q, EVENT_PARAMS, Some("type"), "events", |s, f| {
        s.events(f)
    })
    .await
}

/// Entities seen across documents, grouped by their cross-document identity.
#[derive(Debug, Serialize)]
struct EntitySummary {
    name: String,
    name_key: String,
    #[serde(rename = "type")]
    kind: String,
    subtype: Option<String>,
    geonames_id: Option<i64>,
    /// Distinct stored texts that mention it.
    documents: usize,
    mentions: i64,
    /// Other names it appears under.
    names: Vec<String>,
}

async fn entities(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let (p, page, mut f) = listing(&q, ENTITY_PARAMS, Some("type"))?;
    if !p.flag("aggregate")? {
        page.apply(&mut f);
        return blocking(&st, "entities", move |s| {
            let rows = s.entities(&f).map_err(store_err("entities"))?;
            Ok(paged(page.finish(rows)).into_response())
        })
        .await;
    }
    f.limit = Some(MAX_ANALYSIS_ROWS + 1);
    blocking(&st, "entities", move |s| {
        let rows = s.entities(&f).map_err(store_err("entities"))?;
        too_many(rows.len())?;
        let mut groups: BTreeMap<(String, String), (EntitySummary, BTreeSet<i64>)> =
            BTreeMap::new();
        for r in rows {
            let g = groups
                .entry((r.kind.clone(), r.name_key.clone()))
                .or_insert_with(|| {
                    (
                        EntitySummary {
                            name: r.name.clone(),
                            name_key: r.name_key.clone(),
                            kind: r.kind.clone(),
                            subtype: r.subtype.clone(),
                            geonames_id: r.geonames_id,
                            documents: 0,
                            mentions: 0,
                            names: Vec::new(),
                        },
                        BTreeSet::new(),
                    )
                });
            g.1.insert(r.doc.content_id);
            g.0.mentions += r.mentions;
            g.0.subtype = g.0.subtype.take().or(r.subtype);
            g.0.geonames_id = g.0.geonames_id.or(r.geonames_id);
            // Keep the longest spelling as the display name, the rest as other names.
            if r.name.len() > g.0.name.len() {
                let old = std::mem::replace(&mut g.0.name, r.name);
                g.0.names.push(old);
            } else if r.name != g.0.name {
                g.0.names.push(r.name);
            }
        }
        let mut all: Vec<EntitySummary> = groups
            .into_values()
            .map(|(mut e, docs)| {
                e.documents = docs.len();
                e.names.sort();
                e.names.dedup();
                e.names.retain(|n| *n != e.name);
                e
            })
            .collect();
        all.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then(b.mentions.cmp(&a.mentions))
                .then(a.name.cmp(&b.name))
        });
        Ok(paged(page.slice(all)).into_response())
    })
    .await
}

fn too_many(n: usize) -> ApiResult<()> {
    if n > MAX_ANALYSIS_ROWS {
        Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "more than {MAX_ANALYSIS_ROWS} records match; narrow the filters \
                 (metric, group, place, source, from, to)"
            ),
        ))
    } else {
        Ok(())
    }
}

/// Where each text appeared, by content id.
type Appearances = HashMap<i64, Vec<newsledger_store::Appearance>>;

/// Every figure matching the filter, with the places their texts appeared.
fn figure_rows(s: &dyn Store, mut f: Filter) -> ApiResult<(Vec<FigureRow>, Appearances)> {
    f.limit = Some(MAX_ANALYSIS_ROWS + 1);
    f.offset = 0;
    let rows = s.figures(&f).map_err(store_err("figures"))?;
    too_many(rows.len())?;
    let ids: Vec<i64> = rows
        .iter()
        .map(|r| r.doc.content_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let apps = s.appearances(&ids).map_err(store_err("appearances"))?;
    Ok((rows, apps))
}

async fn series(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let (_, page, f) = listing(&q, FIGURE_PARAMS, Some("group"))?;
    blocking(&st, "series", move |s| {
        let (rows, apps) = figure_rows(s, f)?;
        Ok(paged(page.slice(analysis::series(&rows, &apps))).into_response())
    })
    .await
}

async fn estimates(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let (_, page, f) = listing(&q, FIGURE_PARAMS, Some("group"))?;
    blocking(&st, "estimates", move |s| {
        let (rows, apps) = figure_rows(s, f)?;
        Ok(paged(page.slice(analysis::estimates(&rows, &apps))).into_response())
    })
    .await
}

async fn conflicts(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let (_, page, f) = listing(&q, FIGURE_PARAMS, Some("group"))?;
    blocking(&st, "conflicts", move |s| {
        let (rows, apps) = figure_rows(s, f)?;
        Ok(paged(page.slice(analysis::conflicts(&rows, &apps))).into_response())
    })
    .await
}

async fn timeline(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let (_, page, mut f) = listing(&q, EVENT_PARAMS, Some("type"))?;
    f.limit = Some(MAX_ANALYSIS_ROWS + 1);
    blocking(&st, "timeline", move |s| {
        let rows = s.events(&f).map_err(store_err("events"))?;
        too_many(rows.len())?;
        let ids: Vec<i64> = rows
            .iter()
            .map(|r| r.doc.content_id)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let apps = s.appearances(&ids).map_err(store_err("appearances"))?;
        Ok(paged(page.slice(analysis::timeline(&rows, &apps))).into_response())
    })
    .await
}

async fn search(State(st): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Response> {
    let p = Params::parse(q.as_deref(), SEARCH_PARAMS)?;
    let page = p.page()?;
    let Some(query) = p.string("q") else {
        return Err(ApiError::bad_request("q (the search terms) is required"));
    };
    // The store ranks; deep pages are re-read from the top, so keep them bounded.
    if page.offset > 10_000 {
        return Err(ApiError::bad_request("search pages end at 10,000 results"));
    }
    blocking(&st, "search", move |s| {
        let hits = s
            .search(&query, page.offset + page.limit + 1)
            .map_err(store_err("search"))?;
        Ok(paged(page.slice(hits)).into_response())
    })
    .await
}

/// `GET /api/texts/{content_id}`: one stored text, cut into evidence-marked pieces, with
/// its records and every place it appeared.
async fn text_view(
    State(st): State<AppState>,
    raw: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    let Ok(Path(raw)) = raw else {
        return Err(ApiError::bad_request(
            "content id must be a positive integer",
        ));
    };
    let id: i64 = raw
        .parse()
        .ok()
        .filter(|&i: &i64| i > 0)
        .ok_or_else(|| ApiError::bad_request("content id must be a positive integer"))?;
    blocking(&st, "text", move |s| {
        let text = s
            .text(id)
            .map_err(store_err("text"))?
            .ok_or_else(|| ApiError::not_found(format!("no stored text {id}")))?;
        let records = records_of(s, id)?;
        let (marks, unlocated) = docview::marks(&text, &records);
        let pieces = docview::pieces(&text, &marks);
        let appearances = s
            .appearances(&[id])
            .map_err(store_err("appearances"))?
            .remove(&id)
            .unwrap_or_default();
        let doc = records
            .figures
            .first()
            .map(|f| &f.doc)
            .or(records.claims.first().map(|c| &c.doc))
            .or(records.events.first().map(|e| &e.doc))
            .or(records.entities.first().map(|e| &e.doc))
            .cloned();
        Ok(Json(json!({
            "content_id": id,
            "doc": doc,
            "appearances": appearances,
            "pieces": pieces,
            "marks": marks,
            "unlocated": unlocated,
            "records": records,
        }))
        .into_response())
    })
    .await
}

/// The records of one stored text, read through the store's `content_id` filter (one
/// indexed query per table, whatever the size of the store).
fn records_of(s: &dyn Store, content_id: i64) -> ApiResult<Records> {
    let only = Filter {
        content_id: Some(content_id),
        ..Filter::default()
    };
    Ok(Records {
        figures: s.figures(&only).map_err(store_err("figures"))?,
        claims: s.claims(&only).map_err(store_err("claims"))?,
        events: s.events(&only).map_err(store_err("events"))?,
        entities: s.entities(&only).map_err(store_err("entities"))?,
    })
}
