//! The sentence-length cap. Stages look around inside a sentence (a toll verb for each number,
//! a speaker for each cue), so their cost grows with the square of the longest sentence. Run-on
//! text — flattened tables, lists with no full stop, spam — can hold hundreds of kilobytes in
//! one "sentence". Any segment longer than [`MAX_SENTENCE_BYTES`] is cut into pieces no longer
//! than the cap, at the best break near the end of each window: a semicolon, else a comma or a
//! dash, else white space, else a character boundary. Text whose sentences are all under the
//! cap is segmented exactly as before.

use newsledger_model::Span;

/// The longest segment, in bytes, that the stages see.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// A break is only taken in the last three quarters of a window, so no piece is tiny.
const MIN_PIECE: usize = MAX_SENTENCE_BYTES / 4;

/// Cut `span` of `text` into pieces of at most [`MAX_SENTENCE_BYTES`], trimmed of white space.
pub fn cap_span(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let (mut a, end) = (span.start(), span.end());
    while end - a > MAX_SENTENCE_BYTES {
        let b = break_in(text, a, a + MAX_SENTENCE_BYTES);
        push_trimmed(text, a, b, &mut out);
        a = b;
    }
    push_trimmed(text, a, end, &mut out);
    out
}

/// The end of the piece that starts at `a`, at most `limit` (exclusive bound of the window).
fn break_in(text: &str, a: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let lo = a + MIN_PIECE;
    // A break is the byte after the mark; the mark must be followed by white space.
    let after_mark = |marks: &[u8]| {
        (lo..limit.saturating_sub(1))
            .rev()
            .find(|&i| marks.contains(&bytes[i]) && bytes[i + 1].is_ascii_whitespace())
            .map(|i| i + 1)
    };
    if let Some(b) = after_mark(b";") {
        return b;
    }
    if let Some(b) = after_mark(b",") {
        return b;
    }
    if let Some(b) = (lo..limit).rev().find(|&i| bytes[i].is_ascii_whitespace()) {
        return b;
    }
    let mut b = limit;
    while b > a + 1 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        out.push(Span::new(a + lead, a + lead + t.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        cap_span(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.start()..s.end()])
            .collect()
    }

    #[test]
    fn short_text_is_one_piece() {
        assert_eq!(
            pieces("  Nine people died in the fire.  "),
            vec!["Nine people died in the fire."]
        );
    }

    #[test]
    fn run_on_list_breaks_after_semicolons() {
        let text: String = (0..400)
            .map(|i| format!("{i} hurt in ward {i}; "))
            .collect();
        let ps = pieces(&text);
        assert!(ps.len() > 1);
        for p in &ps {
            assert!(p.len() <= MAX_SENTENCE_BYTES, "{}", p.len());
            assert!(p.ends_with(';'), "{p:?}");
        }
        assert_eq!(ps.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn commas_then_spaces_then_characters() {
        let commas: String = "the mayor, ".repeat(500);
        assert!(pieces(&commas)
            .iter()
            .all(|p| p.ends_with(',') && p.len() <= MAX_SENTENCE_BYTES));
        let words: String = "word ".repeat(1000);
        assert!(pieces(&words)
            .iter()
            .all(|p| p.ends_with("word") && p.len() <= MAX_SENTENCE_BYTES));
        // One multi-byte character repeated with no break: cut on a character boundary.
        let solid: String = "ж".repeat(3000);
        let ps = pieces(&solid);
        assert!(ps
            .iter()
            .all(|p| p.len() <= MAX_SENTENCE_BYTES && !p.is_empty()));
        assert_eq!(ps.concat(), solid);
    }
}
