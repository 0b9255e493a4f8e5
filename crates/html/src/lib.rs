//! # newsledger-html
//!
//! Analysts bring web pages, not clean text. This crate turns one HTML page into the article
//! it carries: the main text as paragraphs (without navigation, ads, related links, cookie
//! banners, newsletter boxes, captions, share buttons and comments) plus title, byline,
//! publication date and outlet, so the ledger's spans point into reporting and not into
//! page furniture.
//!
//! How, and why this way:
//! - Bytes → text honours BOM, transport and `<meta>` charsets but trusts valid UTF-8 over a
//!   wrong label, and sniffs windows-1251 vs windows-1252 for undeclared pages ([`charset`]).
//! - Scripts, styles, SVG and comments are cut with a substring search before parsing
//!   ([`prestrip`]): they are often half a news page and the HTML5 tokenizer is slow on them.
//! - The rest is parsed by html5ever (through `scraper`), a browser-grade HTML5 parser, so
//!   broken markup is repaired the way browsers repair it, then copied into a flat pre-order
//!   array ([`dom`]) where subtree sums are one sweep.
//! - The article container is chosen by our own content scoring ([`content`]), measured
//!   against Readability-style and trafilatura-style extractors in the crate README.
//!
//! Entry points: [`extract_article`] for one page, [`cli`] for the `newsledger text` command.

pub mod charset;
pub mod cli;
mod content;
mod dom;
pub mod meta;
pub mod prestrip;
pub mod score;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use content::is_furniture_line;

/// The article carried by one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Publication day, in the publication's own offset.
    pub published: Option<NaiveDate>,
    /// Outlet or site name (og:site_name, JSON-LD publisher, else the URL's host).
    pub outlet: Option<String>,
    /// The page URL as given, else og:url or the canonical link.
    pub url: Option<String>,
    /// Language the page declares (`<html lang>`, og:locale), if any.
    pub lang: Option<String>,
    /// Main text: paragraphs separated by a blank line ("\n\n").
    pub text: String,
    /// Encoding the bytes were decoded with (WHATWG name).
    pub encoding: String,
    /// Things a reader of the output should know (lossy decoding, text from JSON-LD).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Article {
    /// The paragraphs of the main text.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split("\n\n").filter(|p| !p.is_empty())
    }

    /// Text for the ledger: the title as its own first paragraph (so segmentation sees a
    /// headline), then the main text.
    pub fn document_text(&self) -> String {
        match self.title.as_deref() {
            Some(t) if !t.is_empty() && !self.text.starts_with(t) => {
                if self.text.is_empty() {
                    t.to_string()
                } else {
                    format!("{t}\n\n{}", self.text)
                }
            }
            _ => self.text.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum HtmlError {
    #[error("empty input")]
    Empty,
    #[error("not an HTML page (binary data: NUL byte at offset {0})")]
    Binary(usize),
    #[error("no article text found in the page")]
    NoArticle,
}

/// Options for [`extract_article_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The page's URL: a date in its path is a last resort for `published`, its host for
    /// `outlet`.
    pub url: Option<&'a str>,
    /// A charset stated outside the page (e.g. an HTTP `Content-Type` header).
    pub charset: Option<&'a str>,
}

/// Extract the article from an HTML page given as bytes (any charset).
pub fn extract_article(html: &[u8], url: Option<&str>) -> Result<Article, HtmlError> {
    extract_article_with(html, Options { url, charset: None })
}

/// Whether bytes look like binary data rather than markup: NUL bytes in the first 8 KiB
/// (UTF-16 pages start with a BOM and are handled before this check).
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    bytes
        .get(..bytes.len().min(8192))
        .and_then(|h| h.iter().position(|&b| b == 0))
}

/// [`extract_article`] with a transport charset.
pub fn extract_article_with(html: &[u8], opts: Options<'_>) -> Result<Article, HtmlError> {
    if html.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(HtmlError::Empty);
    }
    if let Some(off) = binary_offset(html) {
        return Err(HtmlError::Binary(off));
    }
    let decoded = charset::decode(html, opts.charset);
    let mut article = extract_from_str(&decoded.text, opts.url)?;
    article.encoding = decoded.encoding.to_string();
    if decoded.had_errors {
        article.warnings.push(format!(
            "some bytes are not valid {} and were replaced",
            decoded.encoding
        ));
    }
    Ok(article)
}

/// Text of an HTML fragment that holds nothing but a story (a feed item's content, an
/// `articleBody` in markup): every paragraph, minus furniture lines, link lists and hidden
/// parts, separated by blank lines. Plain text without tags comes back with its whitespace
/// collapsed per paragraph.
pub fn fragment_text(html: &str) -> String {
    let stripped = prestrip::strip(html);
    let doc = scraper::Html::parse_document(&stripped.html);
    let dom = dom::Dom::from_html(&doc);
    drop(doc);
    let meta = meta::PageMeta::default();
    content::extract(&dom, &meta, true).join("\n\n")
}

/// Extract the article from a page already decoded to text.
pub fn extract_from_str(html: &str, url: Option<&str>) -> Result<Article, HtmlError> {
    let stripped = prestrip::strip(html);
    let doc = scraper::Html::parse_document(&stripped.html);
    let dom = dom::Dom::from_html(&doc);
    drop(doc);
    let meta = meta::extract(&dom, &stripped.json_ld, url);
    let paragraphs = content::extract(&dom, &meta, false);
    let mut warnings = Vec::new();
    let dom_len: usize = paragraphs.iter().map(|p| p.len()).sum();
    let mut text = paragraphs.join("\n\n");
    // Pages rendered by script may carry the body only in JSON-LD; trust it when the page's
    // own markup yields much less.
    if let Some(ld) = meta.ld_body.as_deref() {
        let ld_paras: Vec<String> = ld
            .split(['\n', '\r'])
            .map(|l| {
                let mut s = String::new();
                dom::push_collapsed(&mut s, l);
                s.trim().to_string()
            })
            .filter(|l| !l.is_empty())
            .collect();
        let ld_len: usize = ld_paras.iter().map(|p| p.len()).sum();
        if ld_len > 400 && dom_len * 2 < ld_len {
            text = ld_paras.join("\n\n");
            warnings.push("main text taken from the page's JSON-LD articleBody".to_string());
        }
    }
    if text.trim().is_empty() {
        return Err(HtmlError::NoArticle);
    }
    Ok(Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        outlet: meta.outlet,
        url: meta.url,
        lang: meta.lang,
        text,
        encoding: "UTF-8".to_string(),
        warnings,
    })
}
