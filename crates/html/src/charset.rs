//! Bytes to text: honour what the page declares, but trust the bytes over a wrong label.
//!
//! Order: a byte-order mark; then valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label
//! says (a legacy encoding almost never yields valid multi-byte UTF-8 by accident, while pages
//! labelled iso-8859-1 but saved as UTF-8 are common); then the transport's charset (HTTP
//! header) or the page's `<meta charset>` / `http-equiv`; then a sniff between windows-1251
//! and windows-1252 for undeclared legacy pages.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1251, WINDOWS_1252};
use once_cell::sync::Lazy;
use regex::bytes::Regex;

static META_CHARSET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i)<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{2,40})"#)
        .expect("static regex")
});

/// How the text was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (WHATWG name, e.g. "UTF-8", "windows-1251").
    pub encoding: &'static str,
    /// What the page or transport declared, if anything.
    pub declared: Option<String>,
    /// True when bytes could not be mapped and were replaced with U+FFFD.
    pub had_errors: bool,
}

/// The charset named in the first 4 KiB of a page's `<meta>` tags.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let c = META_CHARSET.captures(head)?;
    let m = c.get(1)?;
    Some(String::from_utf8_lossy(m.as_bytes()).to_ascii_lowercase())
}

/// Cyrillic text in windows-1251 is runs of high bytes (whole words); Latin text in
/// windows-1252 has isolated high bytes (accented letters between ASCII ones).
fn sniff_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut high = 0usize;
    let mut paired = 0usize;
    let mut prev_high = false;
    for &b in bytes {
        let h = b >= 0xC0;
        if h {
            high += 1;
            if prev_high {
                paired += 2;
            }
        }
        prev_high = h;
    }
    if high >= 8 && paired * 2 >= high {
        WINDOWS_1251
    } else {
        WINDOWS_1252
    }
}

/// Decode a page. `transport` is a charset from outside the page (an HTTP header in a WARC).
pub fn decode(bytes: &[u8], transport: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        let (text, had_errors) = enc.decode_without_bom_handling(rest);
        return Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
            declared: Some(format!("BOM {}", enc.name())),
            had_errors,
        };
    }
    let declared = transport
        .map(|s| s.trim().to_ascii_lowercase())
        .filter(|s| !s.is_empty())
        .or_else(|| declared_charset(bytes));
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: UTF_8.name(),
            declared,
            had_errors: false,
        };
    }
    let enc = declared
        .as_deref()
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        // A page that claims UTF-8 but is not valid UTF-8 was saved in a legacy encoding.
        .filter(|e| *e != UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
        .unwrap_or_else(|| sniff_legacy(bytes));
    let (text, _, had_errors) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        declared,
        had_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_and_sniffed() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let d = decode(page, None);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.text.contains("Привет"));
        let undeclared = b"<p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0, \xe4\xee\xe1\xf0\xfb\xe9 \xe4\xe5\xed\xfc</p>";
        assert_eq!(decode(undeclared, None).encoding, "windows-1251");
        let latin = b"<p>Caf\xe9 cr\xe8me na\xefve r\xe9sum\xe9 \xe0 la fa\xe7ade</p>";
        let d = decode(latin, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Café"));
    }

    #[test]
    fn utf8_wins_over_a_wrong_label() {
        let page = "<meta charset=\"iso-8859-1\"><p>Zürich café</p>".as_bytes();
        let d = decode(page, None);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Zürich"));
        let lying = b"<meta charset=\"utf-8\"><p>Z\xfcrich caf\xe9</p>";
        let d = decode(lying, None);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Zürich"));
    }
}
