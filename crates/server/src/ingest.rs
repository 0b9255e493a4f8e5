//! `POST /api/documents`: ingest over HTTP, only when the server was started with a write
//! token. The body is one document object or an array of them, in the same shape as a
//! JSONL input line (`{id, text, published, title, url, outlet}`), and goes through the same
//! reader, triage and pipeline as `newsledger ingest`. A body with any unreadable document
//! is refused whole, so a client never has to work out which half was stored.

use crate::api::blocking;
use crate::error::{ApiError, ApiResult};
use crate::AppState;
use crate::Writer;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use newsledger_ingest::{read_jsonl, Item};
use newsledger_model::budget::fmt_duration;
use newsledger_model::{Budget, Document, OverBudget};
use newsledger_store::{Incoming, Store, Triage};
use serde_json::{json, Value};

/// Most documents one request may carry.
pub const MAX_DOCS_PER_REQUEST: usize = 1000;

/// Compare without an early exit, so response timing does not reveal how much of a guessed
/// token was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// Checked before the body is read: an unauthenticated client cannot make the server read
/// (or parse) anything.
pub async fn require_token(
    State(st): State<AppState>,
    headers: HeaderMap,
    req: Request,
    next: Next,
) -> Response {
    let Some(w) = &st.writer else {
        return ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "this server is read-only")
            .into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(t) if same(t.as_bytes(), w.token.as_bytes()) => next.run(req).await,
        _ => {
            let mut r = ApiError::new(
                StatusCode::UNAUTHORIZED,
                "writing needs Authorization: Bearer <the server's write token>",
            )
            .into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            r
        }
    }
}

/// Cancels the request's budget when dropped: if the client goes away or the outer
/// timeout answers first, the handler is dropped and the blocking work stops storing.
struct CancelOnDrop(Budget);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Reads the body within the writer's time and size limits: 408 for a slow client, 413 for
/// a large body.
async fn read_body(w: &Writer, body: Body) -> ApiResult<Bytes> {
    let read = axum::body::to_bytes(body, w.body_limit);
    match tokio::time::timeout(w.body_timeout, read).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {}",
                fmt_duration(w.body_timeout)
            ),
        )),
        Ok(Err(e)) => {
            let too_large =
                std::iter::successors(Some(&e as &(dyn std::error::Error + 'static)), |e| {
                    e.source()
                })
                .any(|e| e.is::<http_body_util::LengthLimitError>());
            Err(if too_large {
                ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
            } else {
                ApiError::bad_request(format!("reading the body: {e}"))
            })
        }
        Ok(Ok(b)) => Ok(b),
    }
}

pub async fn post_documents(State(st): State<AppState>, body: Body) -> ApiResult<Response> {
    let Some(w) = &st.writer else {
        return Err(ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "this server is read-only",
        ));
    };
    let Ok(_permit) = w.permits.clone().try_acquire_owned() else {
        return Err(ApiError::unavailable(
            "too many write requests in progress; retry shortly",
            1,
        ));
    };
    let body = read_body(w, body).await?;
    let (docs, warnings) = parse_documents(&body)?;
    // The budget starts once the body is in; it is cancelled if this handler is dropped.
    let budget = Budget::from_limit(w.budget);
    let guard = CancelOnDrop(budget.clone());
    let st2 = st.clone();
    let out = blocking(&st, "ingest", move |s| {
        let Some(w) = &st2.writer else {
            return Err(ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "this server is read-only",
            ));
        };
        store_documents(s, w, docs, warnings, &budget)
    })
    .await;
    drop(guard);
    out
}

/// The body as documents, by the JSONL reader's rules; any unreadable document refuses all.
fn parse_documents(body: &[u8]) -> ApiResult<(Vec<Document>, Vec<String>)> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("body is not JSON: {e}")))?;
    let values = match value {
        Value::Array(a) => a,
        v @ Value::Object(_) => vec![v],
        _ => {
            return Err(ApiError::bad_request(
                "body must be a document object or an array of them",
            ))
        }
    };
    if values.is_empty() {
        return Err(ApiError::bad_request("no documents in the body"));
    }
    if values.len() > MAX_DOCS_PER_REQUEST {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("at most {MAX_DOCS_PER_REQUEST} documents per request"),
        ));
    }
    // One JSON object per line: the JSONL reader then applies exactly the rules of file
    // ingest (required text, date formats, id fallbacks), numbering errors by position.
    let mut lines = String::new();
    for (i, v) in values.iter().enumerate() {
        if !v.is_object() {
            return Err(ApiError::bad_request(format!(
                "document {}: must be an object",
                i + 1
            )));
        }
        lines.push_str(&v.to_string());
        lines.push('\n');
    }
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    read_jsonl(
        std::io::Cursor::new(lines),
        "document",
        &mut |item| match item {
            Item::Doc(d) => docs.push(d),
            Item::Warning(w) => warnings.push(w),
            Item::Error(e) => errors.push(e),
        },
    );
    if !errors.is_empty() {
        return Err(ApiError::bad_request(format!(
            "nothing stored: {}",
            errors.join("; ")
        )));
    }
    Ok((docs, warnings))
}

/// Runs the pipeline on the new documents within `budget` and stores the batch, or, over
/// the budget, stores nothing and answers 503 naming the document.
fn store_documents(
    s: &dyn Store,
    w: &Writer,
    docs: Vec<Document>,
    warnings: Vec<String>,
    budget: &Budget,
) -> ApiResult<Response> {
    let refs: Vec<&Document> = docs.iter().collect();
    let triage = s
        .triage(&refs)
        .map_err(|e| ApiError::internal("triage", e))?;
    let mut incoming = Vec::with_capacity(docs.len());
    for (mut doc, t) in docs.into_iter().zip(triage) {
        let processed = t == Triage::New;
        if processed {
            if let Err(e) =
                newsledger_pipeline::process_within(&w.pipeline, &mut doc, budget.clone())
            {
                return Err(over_budget(&doc.id, e));
            }
        }
        incoming.push(Incoming { doc, processed });
    }
    // The client may be gone (the handler dropped): then nothing is stored either.
    if let Err(e) = budget.check() {
        return Err(over_budget("(request)", e));
    }
    let ids: Vec<String> = incoming.iter().map(|i| i.doc.id.clone()).collect();
    let outcomes = s
        .put_batch(&incoming, newsledger_pipeline::PIPELINE_VERSION)
        .map_err(|e| ApiError::internal("ingest", e))?;
    let items: Vec<Value> = ids
        .into_iter()
        .zip(outcomes)
        .map(|(id, o)| json!({ "id": id, "outcome": o }))
        .collect();
    Ok((
        StatusCode::OK,
        Json(json!({ "items": items, "warnings": warnings })),
    )
        .into_response())
}

fn over_budget(id: &str, e: OverBudget) -> ApiError {
    let secs = e.limit.map_or(1, |l| l.as_secs().max(1));
    ApiError::unavailable(
        format!("document {id:?}: {e}; nothing of this request was stored"),
        secs,
    )
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn token_comparison() {
        assert!(same(b"abcdefabcdefabcdef", b"abcdefabcdefabcdef"));
        assert!(!same(b"abcdefabcdefabcdef", b"abcdefabcdefabcdeX"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"abcd", b"abc"));
        assert!(!same(b"", b"a"));
        assert!(same(b"", b""));
    }
}
