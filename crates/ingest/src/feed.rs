//! RSS and Atom feeds (feed-rs): one document per item with full content, or its summary
//! when the feed carries no more. Item markup is reduced to paragraphs with
//! `newsledger_html::fragment_text`.

use crate::web::Out;
use newsledger_model::{Document, Meta};

fn plain(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        newsledger_html::fragment_text(s)
    } else {
        s.trim().to_string()
    }
}

/// Read a feed held in memory, named `name` in messages.
pub(crate) fn read_feed(bytes: &[u8], name: &str, out: &mut Out<'_>) {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            out.error(format!("{name}: not a valid RSS/Atom feed: {e}"));
            return;
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.iter().enumerate() {
        out.stats.records += 1;
        let n = i + 1;
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.clone());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(plain)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| plain(&s.content))
                    .filter(|t| !t.is_empty())
            });
        let title = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty());
        let where_ = match &url {
            Some(u) => format!("{name}: item {n} ({u})"),
            None => format!("{name}: item {n}"),
        };
        let Some(body) = body else {
            out.skip(format!("{where_}: no content or summary"));
            continue;
        };
        let text = match &title {
            Some(t) if !body.starts_with(t.as_str()) => format!("{t}\n\n{body}"),
            _ => body,
        };
        let id = url.clone().unwrap_or_else(|| format!("{name}#{n}"));
        let published = entry.published.or(entry.updated).map(|d| d.date_naive());
        out.doc(Document::new(
            id,
            text,
            Meta {
                published,
                title,
                url,
                outlet: outlet.clone(),
                language: None,
            },
        ));
    }
}
