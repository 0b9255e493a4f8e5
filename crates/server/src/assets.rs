//! The web page's files, compiled into the binary so the page needs no CDN, no node and no
//! network — only this server.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Content Security Policy for the page: scripts, styles and API calls from this server
/// only. The page builds its DOM with text nodes, never with HTML strings from data.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub struct Asset {
    pub path: &'static str,
    pub mime: &'static str,
    pub body: &'static [u8],
}

pub const ASSETS: &[Asset] = &[
    Asset {
        path: "/",
        mime: "text/html; charset=utf-8",
        body: include_bytes!("../../../web/index.html"),
    },
    Asset {
        path: "/assets/app.js",
        mime: "text/javascript; charset=utf-8",
        body: include_bytes!("../../../web/app.js"),
    },
    Asset {
        path: "/assets/app.css",
        mime: "text/css; charset=utf-8",
        body: include_bytes!("../../../web/app.css"),
    },
    Asset {
        path: "/vendor/uplot/uPlot.iife.min.js",
        mime: "text/javascript; charset=utf-8",
        body: include_bytes!("../../../web/vendor/uplot/uPlot.iife.min.js"),
    },
    Asset {
        path: "/vendor/uplot/uPlot.min.css",
        mime: "text/css; charset=utf-8",
        body: include_bytes!("../../../web/vendor/uplot/uPlot.min.css"),
    },
    Asset {
        path: "/vendor/uplot/LICENSE",
        mime: "text/plain; charset=utf-8",
        body: include_bytes!("../../../web/vendor/uplot/LICENSE"),
    },
];

pub fn response(asset: &Asset) -> Response {
    let mut r = (StatusCode::OK, asset.body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(asset.mime));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}
