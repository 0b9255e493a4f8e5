use super::*;
use newsledger_model::{Meta, SegmentKind, TokenKind};

fn run(text: &str) -> Document {
    let mut doc = Document::new("t", text, Meta::default());
    SegmentStage.process(&mut doc);
    doc
}

fn sentences(doc: &Document) -> Vec<(&'static str, &str)> {
    doc.layers
        .segments
        .iter()
        .map(|s| {
            let k = match s.kind {
                SegmentKind::Headline => "H",
                SegmentKind::Subheading => "S",
                SegmentKind::Dateline => "D",
                SegmentKind::Sentence => ".",
            };
            (k, doc.slice(s.span))
        })
        .collect()
}

#[test]
fn headline_subheading_and_sentences() {
    let doc = run("Floods sweep the delta\nRain fell for a week. Rivers rose.\n‘We lost everything’\nMr. Okafor said the U.S. Army sent help on Jan. 4. The water kept rising.");
    let s = sentences(&doc);
    assert_eq!(
        s,
        vec![
            ("H", "Floods sweep the delta"),
            (".", "Rain fell for a week."),
            (".", "Rivers rose."),
            ("S", "‘We lost everything’"),
            (".", "Mr. Okafor said the U.S. Army sent help on Jan. 4."),
            (".", "The water kept rising."),
        ]
    );
}

#[test]
fn quotes_close_after_the_period() {
    let doc = run("“We will rebuild. Nobody will be left behind,” the mayor said. “Stay home!” she added. Aid arrived.");
    let s: Vec<&str> = sentences(&doc).into_iter().map(|x| x.1).collect();
    assert_eq!(
        s,
        vec![
            "“We will rebuild.",
            "Nobody will be left behind,” the mayor said.",
            "“Stay home!” she added.",
            "Aid arrived."
        ]
    );
}

#[test]
fn numbers_initials_and_ellipses() {
    let doc = run("About 1.2 million people, or 98% of the region, lost power. Gen. J. R. Adeyemi said No. 4 ward was hit... Rescuers kept digging.");
    let s: Vec<&str> = sentences(&doc).into_iter().map(|x| x.1).collect();
    assert_eq!(
        s,
        vec![
            "About 1.2 million people, or 98% of the region, lost power.",
            "Gen. J. R. Adeyemi said No. 4 ward was hit...",
            "Rescuers kept digging."
        ]
    );
}

#[test]
fn datelines_are_their_own_segment() {
    for (text, dl) in [
        (
            "PORT VELL, March 3. /FPA/. Troops entered the city.",
            "PORT VELL, March 3. /FPA/.",
        ),
        (
            "KESTRA, Norland (Wire Service) — Police fired tear gas.",
            "KESTRA, Norland (Wire Service) —",
        ),
        ("GENEVA — Talks resumed on Monday.", "GENEVA —"),
        (
            "LUND/NORTH HAVEN, May 2 (Tidewater Wire) - Ferries stopped.",
            "LUND/NORTH HAVEN, May 2 (Tidewater Wire) -",
        ),
    ] {
        let doc = run(text);
        let s = sentences(&doc);
        assert_eq!(s[0], ("D", dl), "{text}");
        assert_eq!(s[1].0, ".");
    }
}

#[test]
fn residue_lines() {
    let doc = run("Storm hits coast\nEnter your email to sign up for our Daily Brief newsletter.\nTwo people died, officials said.\nRead more: Why the levees failed\nPhoto: Ana Ruiz / Fictional Images\n© 2031 Example Media. All rights reserved.\nShare this article");
    let res: Vec<&str> = doc.layers.residue.iter().map(|&r| doc.slice(r)).collect();
    assert_eq!(res.len(), 5, "{res:?}");
    assert!(!res.iter().any(|r| r.contains("Two people died")));
    let content: Vec<&str> = doc.content_segments().map(|s| doc.slice(s.span)).collect();
    assert_eq!(
        content,
        vec!["Storm hits coast", "Two people died, officials said."]
    );
}

#[test]
fn hard_wrapped_paragraphs_join() {
    let text = "The river burst its banks overnight and flooded the low-lying\nneighbourhoods of the old town, officials said on Tuesday morning.\nRescue teams worked through the night to reach stranded families in\nthe northern districts, where the water was still rising fast.\n\nA second paragraph starts here and runs on for a while as well, to\nmake the text look like a wire story wrapped at seventy columns.\n";
    let doc = run(text);
    assert_eq!(doc.layers.paragraphs.len(), 2);
    assert_eq!(doc.layers.segments.len(), 3);
}

#[test]
fn tokens() {
    let doc = run("Kassym-Jomart's 3,000 U.S.-led troops, 98% (1.2m).");
    let toks: Vec<(&str, TokenKind)> = doc
        .layers
        .tokens
        .iter()
        .map(|t| (doc.slice(t.span), t.kind))
        .collect();
    assert_eq!(toks[0], ("Kassym-Jomart's", TokenKind::Word));
    assert_eq!(toks[1], ("3,000", TokenKind::Number));
    assert_eq!(toks[2], ("U.S.", TokenKind::Word));
    assert_eq!(toks[4], ("led", TokenKind::Word));
    assert!(toks.contains(&("98", TokenKind::Number)));
    assert!(toks.contains(&("%", TokenKind::Punct)));
}

#[test]
fn crlf_and_bom_are_kept_and_spans_slice() {
    let text = "\u{feff}Headline here\r\nFirst sentence. Second one.\r\n";
    let doc = run(text);
    for s in &doc.layers.segments {
        assert!(doc.text.get(s.span.start()..s.span.end()).is_some());
        assert!(!doc.slice(s.span).ends_with('\r'));
    }
    assert_eq!(doc.layers.segments.len(), 3);
}

#[test]
fn seed_article() {
    let Some(text) = newsledger_model::testing::shared_text(newsledger_model::testing::SEED) else {
        return;
    };
    let doc = run(&text);
    let lines: Vec<&str> = text.lines().collect();
    let seg_texts = sentences(&doc);
    // Headline and the two subheadings are their own segments.
    assert_eq!(seg_texts[0], ("H", lines[0]));
    assert!(seg_texts.contains(&("S", lines[10])), "line 11");
    assert!(seg_texts.contains(&("S", lines[16])), "line 17");
    // Line 13 is two sentences.
    let l13 = doc.layers.paragraphs[12];
    let in13: Vec<_> = doc
        .layers
        .segments
        .iter()
        .filter(|s| l13.contains(s.span))
        .collect();
    assert_eq!(in13.len(), 2);
    assert!(doc
        .slice(in13[1].span)
        .starts_with("According to the state broadcaster"));
    // The newsletter line is residue, and nothing else is.
    assert_eq!(doc.layers.residue.len(), 1);
    assert!(doc
        .slice(doc.layers.residue[0])
        .starts_with("Enter your email"));
    // Every span slices the text.
    for s in &doc.layers.segments {
        assert!(doc.text.get(s.span.start()..s.span.end()).is_some());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_spans_slice(s in "\\PC{0,200}") {
            let doc = run(&s);
            for seg in &doc.layers.segments {
                prop_assert!(doc.text.get(seg.span.start()..seg.span.end()).is_some());
            }
            for t in &doc.layers.tokens {
                prop_assert!(doc.text.get(t.span.start()..t.span.end()).is_some());
            }
        }

        #[test]
        fn news_like_text(s in "([A-Z][a-z]{0,6}|[0-9]{1,4}|[.,!?“”‘’\"' \n-]|Mr\\.|U\\.S\\.|…){0,80}") {
            let doc = run(&s);
            for seg in &doc.layers.segments {
                prop_assert!(doc.text.get(seg.span.start()..seg.span.end()).is_some());
                prop_assert!(!seg.span.is_empty());
            }
        }
    }
}

/// A spent budget stops the stage at its first paragraph; unlimited, the same text is cut.
#[test]
fn a_spent_budget_stops_segmenting() {
    let text = "Nine people died. Rescuers searched on.\n\nThe road reopened.\n";
    let mut doc = Document::new("t", text, Meta::default());
    doc.budget = newsledger_model::Budget::of(std::time::Duration::ZERO);
    SegmentStage.process(&mut doc);
    assert!(doc.layers.segments.is_empty());
    assert_eq!(run(text).layers.segments.len(), 3);
}
