//! Every failure leaves the server as JSON `{"error": "..."}` with a status that says whose
//! fault it was, so scripts can branch on the code and people can read the message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    /// Seconds for a `Retry-After` header (503s the client may retry).
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }
    /// 503 with `Retry-After: secs`: the server is busy or the work ran out of time.
    pub fn unavailable(message: impl Into<String>, secs: u64) -> Self {
        ApiError {
            retry_after: Some(secs.max(1)),
            ..Self::new(StatusCode::SERVICE_UNAVAILABLE, message)
        }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
    /// A store failure: logged in full on the server, reported without internals.
    pub fn internal(context: &str, e: impl std::fmt::Display) -> Self {
        eprintln!("newsledger serve: {context}: {e}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("{context} failed (see the server log)"),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        let mut r = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            r.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        r
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
