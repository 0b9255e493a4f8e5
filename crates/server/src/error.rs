//! Every failure leaves the server as JSON `{"error": "..."}` with a status that says whose
//! fault it was, so scripts can branch on the code and people can read the message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
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
        (self.status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
