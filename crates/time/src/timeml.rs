//! TempEval-3 TimeML output, so the stage can be scored with the standard tools.

use newsledger_model::{Document, TimexType};

/// XML-escapes text and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than written.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => o.push(c),
        }
    }
    o
}

pub fn type_name(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// The document as TempEval-3 TimeML: DOCID, the publication date as DCT (`t0`) and the
/// text with inline TIMEX3 tags. Timexes are taken from `doc.layers.timexes`; overlapping
/// or misaligned ones (which the stage never produces) are skipped.
pub fn to_timeml(doc: &Document) -> String {
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n");
    o.push_str(&format!("<DOCID>{}</DOCID>\n\n", escape(&doc.id)));
    if let Some(d) = doc.meta.published {
        let v = d.format("%Y-%m-%d").to_string();
        o.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{v}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{v}</TIMEX3></DCT>\n\n"
        ));
    }
    if let Some(t) = &doc.meta.title {
        o.push_str(&format!("<TITLE>{}</TITLE>\n\n", escape(t)));
    }
    o.push_str("<TEXT>");
    let mut pos = 0usize;
    let mut tx: Vec<_> = doc.layers.timexes.iter().collect();
    tx.sort_by_key(|t| t.span.start());
    for t in tx {
        let (s, e) = (t.span.start(), t.span.end());
        if s < pos {
            continue;
        }
        let (Some(before), Some(inner)) = (doc.text.get(pos..s), doc.text.get(s..e)) else {
            continue;
        };
        o.push_str(&escape(before));
        let tid = escape(&t.id);
        let mut attrs = format!(
            "tid=\"{tid}\" type=\"{}\" value=\"{}\"",
            type_name(t.kind),
            escape(&t.value)
        );
        if let Some(m) = &t.modifier {
            attrs.push_str(&format!(" mod=\"{}\"", escape(m)));
        }
        let temporal = t.anchor.is_some();
        attrs.push_str(&format!(" temporalFunction=\"{temporal}\""));
        match t.anchor.as_deref() {
            Some("DCT") => attrs.push_str(" anchorTimeID=\"t0\""),
            Some(a) => attrs.push_str(&format!(" anchorTimeID=\"{}\"", escape(a))),
            None => {}
        }
        attrs.push_str(" functionInDocument=\"NONE\"");
        o.push_str(&format!("<TIMEX3 {attrs}>{}</TIMEX3>", escape(inner)));
        pos = e;
    }
    o.push_str(&escape(doc.text.get(pos..).unwrap_or("")));
    o.push_str("</TEXT>\n\n</TimeML>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsledger_model::Meta;

    /// The text inside `<TEXT>` with its tags removed and the five XML entities decoded.
    fn stripped_text(xml: &str) -> Option<String> {
        let body = xml.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
        let mut plain = String::new();
        let mut in_tag = false;
        for c in body.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => plain.push(c),
                _ => {}
            }
        }
        Some(
            plain
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        )
    }

    #[test]
    fn tag_stripped_output_equals_the_input() {
        let text = "Shares of R&D firm \"Acme <Holdings>\" fell 5% on Monday & Tuesday; \
                    the board's <b>vote</b> is due 'next week' at 3 p.m. &amp; not before.\n\
                    Two days later, prices > costs < hopes.";
        let mut doc = Document::new(
            "q&a <1>",
            text,
            Meta {
                published: chrono::NaiveDate::from_ymd_opt(2031, 3, 5),
                ..Meta::default()
            },
        );
        doc.layers.timexes = crate::find_timexes(&doc.text, doc.meta.published);
        assert!(doc.layers.timexes.len() >= 3, "{:?}", doc.layers.timexes);
        let xml = to_timeml(&doc);
        assert_eq!(stripped_text(&xml).as_deref(), Some(text));
        assert!(xml.contains("<DOCID>q&amp;a &lt;1&gt;</DOCID>"));
        assert!(xml.contains("&quot;Acme &lt;Holdings&gt;&quot;"));
    }
}
