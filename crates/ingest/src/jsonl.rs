use crate::{parse_date, Item};
use newsledger_model::{Document, Meta};
use serde::Deserialize;
use std::io::BufRead;

/// One JSONL line. Unknown keys are ignored and `null` is accepted for every optional one.
#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    language: Option<String>,
}

/// Read JSONL: one document per line. A malformed line yields `FILE:LINE: <problem>` and
/// the reader goes on with the next line.
pub fn read_jsonl<R: BufRead>(mut reader: R, name: &str, sink: &mut dyn FnMut(Item)) {
    let mut buf = Vec::new();
    let mut lineno = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Item::Error(format!(
                    "{name}:{}: read error: {e}",
                    lineno + 1
                )));
                break;
            }
        }
        lineno += 1;
        let where_ = format!("{name}:{lineno}");
        let raw = match std::str::from_utf8(&buf) {
            Ok(s) => s,
            Err(e) => {
                sink(Item::Error(format!(
                    "{where_}: not valid UTF-8 (byte {} of the line)",
                    e.valid_up_to()
                )));
                continue;
            }
        };
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line, &where_) {
            Ok(mut doc) => {
                if let Some(w) = crate::language::settle(&mut doc) {
                    sink(Item::Warning(w));
                }
                sink(Item::Doc(doc))
            }
            Err(msg) => sink(Item::Error(format!("{where_}: {msg}"))),
        }
    }
}

fn parse_line(line: &str, where_: &str) -> Result<Document, String> {
    let l: Line = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let text = l.text.ok_or("missing \"text\"")?;
    let published = match l.published.as_deref() {
        None | Some("") => None,
        Some(s) => Some(parse_date(s).map_err(|e| format!("\"published\": {e}"))?),
    };
    let id = match l.id {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::Null) | None => l.url.clone().unwrap_or_else(|| where_.to_string()),
        Some(other) => return Err(format!("\"id\" must be a string, not {other}")),
    };
    Ok(Document::new(
        id,
        text,
        Meta {
            published,
            title: l.title,
            url: l.url,
            outlet: l.outlet,
            language: l.language,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Item> {
        let mut out = Vec::new();
        read_jsonl(std::io::Cursor::new(s.as_bytes()), "in.jsonl", &mut |i| {
            out.push(i)
        });
        out
    }

    #[test]
    fn good_bad_and_null_lines() {
        let items = read(concat!(
            "{\"id\":\"a\",\"text\":\"One.\",\"published\":\"2022-01-08\",\"title\":null,\"extra\":1}\n",
            "{not json}\n",
            "\n",
            "{\"id\":\"c\"}\n",
            "{\"id\":\"d\",\"text\":\"Two.\",\"published\":\"yesterday\"}\n",
            "{\"id\":7,\"text\":\"Three.\",\"published\":\"2022-01-08T23:00:00+06:00\"}",
        ));
        assert_eq!(items.len(), 5);
        assert!(matches!(&items[0], Item::Doc(d) if d.id == "a" && d.meta.published.is_some()));
        assert!(matches!(&items[1], Item::Error(m) if m.starts_with("in.jsonl:2: invalid JSON")));
        assert!(matches!(&items[2], Item::Error(m) if m.starts_with("in.jsonl:4: missing")));
        assert!(matches!(&items[3], Item::Error(m) if m.starts_with("in.jsonl:5: \"published\"")));
        assert!(matches!(&items[4], Item::Doc(d) if d.id == "7"));
    }
}
