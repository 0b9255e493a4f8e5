//! No input may make the extractor panic: random bytes, random text, random tag soup.
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = newsledger_html::extract_article(&bytes, None);
    }

    #[test]
    fn random_text(s in "\\PC{0,600}") {
        let _ = newsledger_html::extract_article(s.as_bytes(), Some(&s));
    }

    #[test]
    fn tag_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"share\">".to_string()),
        Just("</div>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
        Just("<script>".to_string()), Just("</script>".to_string()), Just("<!--".to_string()),
        Just("-->".to_string()), Just("<h1>".to_string()), Just("<table><tr><td>".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":".to_string()),
        Just("<meta charset=\"windows-1251\">".to_string()), Just("<br>".to_string()),
        "[a-zA-Zа-я .,]{0,80}".prop_map(|s| s),
    ], 0..60)) {
        let html = parts.concat();
        let _ = newsledger_html::extract_article(html.as_bytes(), None);
    }
}
