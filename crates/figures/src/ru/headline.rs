//! A headline sums up its report: a count in a headline or subheading that names no
//! source takes the source of the first count of the same metric below it that names one
//! ("Число пострадавших превысило 1 200" over "По данным Минздрава, … 1 218 пострадавших").

use newsledger_model::{Document, Figure, SegmentKind, Span};

pub fn sources_from_body(doc: &Document, out: &mut [Figure]) {
    let heads: Vec<Span> = doc
        .content_segments()
        .filter(|s| matches!(s.kind, SegmentKind::Headline | SegmentKind::Subheading))
        .map(|s| s.span)
        .collect();
    for k in 0..out.len() {
        if !out[k].sources.is_empty() || !heads.contains(&out[k].sentence) {
            continue;
        }
        let metric = out[k].metric.as_str();
        let below = out[k + 1..]
            .iter()
            .find(|o| o.metric == metric && !o.sources.is_empty() && !heads.contains(&o.sentence))
            .map(|o| o.sources.clone());
        if let Some(src) = below {
            out[k].sources = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ru::tests::figures;

    #[test]
    fn a_headline_count_takes_the_source_below() {
        let f = figures(
            "Число раненых в Острине превысило 300\n\
             По данным Минздрава Талварии, ранены 312 человек, погибли 4.",
        );
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].sources, ["Минздрав Талварии"]);
        let f = figures("В Острине ранены 300 человек\nПогибли 4 человека, сообщили в МЧС.");
        assert!(f[0].sources.is_empty());
    }
}
