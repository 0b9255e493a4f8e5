//! The message format on the queue: one document as JSON (`id`, `text`, `meta`), the same
//! fields the readers produce. Layers are not sent: workers run the pipeline themselves, so
//! a message stays the size of its text and every worker runs the same pipeline version.

use newsledger_model::{Document, Meta};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Debug, Serialize, Deserialize)]
struct WireDoc {
    id: String,
    text: String,
    #[serde(default)]
    meta: Meta,
}

/// The message body of a document.
pub fn encode(doc: &Document) -> Vec<u8> {
    let w = WireDoc {
        id: doc.id.clone(),
        text: doc.text.clone(),
        meta: doc.meta.clone(),
    };
    // Serialising plain strings and dates cannot fail; fall back to an empty body (which
    // the worker reports as undecodable) rather than panicking.
    serde_json::to_vec(&w).unwrap_or_default()
}

/// The document in a message body, or why there is none.
pub fn decode(body: &[u8]) -> Result<Document, String> {
    let w: WireDoc =
        serde_json::from_slice(body).map_err(|e| format!("undecodable message body: {e}"))?;
    Ok(Document::new(w.id, w.text, w.meta))
}

/// The message id: hex SHA-256 of the body. Text and metadata both count, so the very same
/// document sent twice is dropped by the duplicate window, while the same text under
/// another URL still reaches the store, which records it as one more place the text
/// appeared (copies are kept, not confirmed).
pub fn message_id(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str, url: Option<&str>) -> Document {
        Document::new(
            id,
            text,
            Meta {
                published: chrono::NaiveDate::from_ymd_opt(2031, 3, 4),
                title: Some("A title".into()),
                url: url.map(str::to_string),
                outlet: Some("Test Wire".into()),
                language: None,
            },
        )
    }

    #[test]
    fn round_trips_text_byte_for_byte() {
        let d = doc(
            "a",
            "Caf\u{e9}\r\n  two\u{2019}s \u{0}end",
            Some("https://x.example/a"),
        );
        let back = decode(&encode(&d)).unwrap();
        assert_eq!(back.id, d.id);
        assert_eq!(back.text, d.text);
        assert_eq!(back.meta, d.meta);
    }

    #[test]
    fn ids_follow_text_and_metadata() {
        let a = encode(&doc("a", "Same text.", Some("https://x.example/1")));
        let a2 = encode(&doc("a", "Same text.", Some("https://x.example/1")));
        let b = encode(&doc("a", "Same text.", Some("https://y.example/1")));
        assert_eq!(message_id(&a), message_id(&a2));
        assert_ne!(message_id(&a), message_id(&b));
        assert_eq!(message_id(&a).len(), 64);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decode(b"\xff\x00not json").is_err());
        assert!(decode(b"{\"id\": 3}").is_err());
    }
}
