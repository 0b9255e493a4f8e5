//! A byte-level pass that drops what the HTML tokenizer would only scan to throw away.
//!
//! News pages are often more than half inline script, style, SVG icons and comments. The
//! HTML5 tokenizer walks every byte of them one state at a time; finding their end tags
//! with a substring search is many times faster, and the tree that results is the same for
//! everything the extractor reads. JSON-LD scripts are kept aside for the metadata.

/// The page without scripts, styles, inline SVG, noscript, template and select blocks and
/// comments, plus the
/// bodies of the JSON-LD scripts found on the way.
pub struct Stripped {
    pub html: String,
    pub json_ld: Vec<String>,
}

fn starts_with_ci(hay: &[u8], at: usize, needle: &[u8]) -> bool {
    hay.get(at..at + needle.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(needle))
}

/// Position of the first case-insensitive occurrence of `needle` (ASCII, starting with '<')
/// at or after `from`.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while let Some(rel) = hay.get(i..)?.iter().position(|&b| b == first) {
        let at = i + rel;
        if starts_with_ci(hay, at, needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn is_tag_end(b: Option<&u8>) -> bool {
    matches!(
        b,
        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
    )
}

const RAW: [&[u8]; 6] = [
    b"script",
    b"style",
    b"svg",
    b"noscript",
    b"template",
    b"select",
];

pub fn strip(src: &str) -> Stripped {
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len() / 2);
    let mut json_ld = Vec::new();
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(rel) = bytes
        .get(i..)
        .and_then(|s| s.iter().position(|&b| b == b'<'))
    {
        let lt = i + rel;
        if starts_with_ci(bytes, lt, b"<!--") {
            let end = src
                .get(lt + 4..)
                .and_then(|s| s.find("-->"))
                .map_or(bytes.len(), |p| lt + 4 + p + 3);
            out.push_str(src.get(copied..lt).unwrap_or(""));
            copied = end;
            i = end;
            continue;
        }
        let mut matched = None;
        for name in RAW {
            if starts_with_ci(bytes, lt + 1, name) && is_tag_end(bytes.get(lt + 1 + name.len())) {
                matched = Some(name);
                break;
            }
        }
        let Some(name) = matched else {
            i = lt + 1;
            continue;
        };
        let Some(gt) = bytes
            .get(lt..)
            .and_then(|s| s.iter().position(|&b| b == b'>'))
        else {
            break;
        };
        let open_end = lt + gt + 1;
        let mut close = Vec::with_capacity(name.len() + 2);
        close.extend_from_slice(b"</");
        close.extend_from_slice(name);
        let (body_end, end) = match find_ci(bytes, open_end, &close) {
            Some(c) => {
                let after = bytes
                    .get(c..)
                    .and_then(|s| s.iter().position(|&b| b == b'>'))
                    .map_or(bytes.len(), |p| c + p + 1);
                (c, after)
            }
            None => (bytes.len(), bytes.len()),
        };
        if name == b"script" {
            let open = src.get(lt..open_end).unwrap_or("").to_ascii_lowercase();
            if open.contains("ld+json") {
                if let Some(body) = src.get(open_end..body_end) {
                    json_ld.push(body.to_string());
                }
            }
        }
        out.push_str(src.get(copied..lt).unwrap_or(""));
        copied = end;
        i = end;
    }
    out.push_str(src.get(copied..).unwrap_or(""));
    Stripped { html: out, json_ld }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_raw_text_elements_and_keeps_json_ld() {
        let s = strip(
            "<p>a</p><SCRIPT>if (a<b) { x('</div>') }</script><style>p{}</style>\
             <script type=\"application/ld+json\">{\"headline\":\"H\"}</script><!-- c --><p>b</p>\
             <svg><path/></svg><scripted>kept</scripted>",
        );
        assert_eq!(s.html, "<p>a</p><p>b</p><scripted>kept</scripted>");
        assert_eq!(s.json_ld, vec!["{\"headline\":\"H\"}".to_string()]);
        // Unterminated: everything after the opening is dropped, nothing panics.
        assert_eq!(strip("<p>x</p><script>never ends").html, "<p>x</p>");
        assert_eq!(strip("<p>x</p><!-- open").html, "<p>x</p>");
        assert_eq!(strip("<").html, "<");
    }
}
