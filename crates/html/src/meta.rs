//! Page metadata: title, byline, publication date and outlet.
//!
//! Publishers state these several ways at once (Open Graph and article: meta tags, schema.org
//! JSON-LD and microdata, `<time>` elements, the URL path). They disagree rarely, and when
//! they do the most specific statement wins: an explicit publication time in meta tags or
//! JSON-LD beats a `<time>` element, which beats a date in the URL.

use crate::dom::{Dom, Tag};
use chrono::{DateTime, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    /// JSON-LD `articleBody`, when the page states it.
    pub ld_body: Option<String>,
    /// Every `<h1>` text, in document order.
    pub h1: Vec<String>,
}

static ISO_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s_])").expect("static regex"));
static SLASH_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b").expect("static regex"));
static URL_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|-|_|\.|$)")
        .expect("static regex")
});
static URL_DATE_DMY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/(0[1-9]|[12]\d|3[01])[/-](0[1-9]|1[0-2])[/-]((?:19|20)\d{2})/")
        .expect("static regex")
});
static WORD_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b",
    )
    .expect("static regex")
});

fn month_from_name(s: &str) -> Option<u32> {
    let l = s.to_ascii_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A publication date from the ways pages write one: ISO 8601 / RFC 3339 (the day in its
/// own offset), RFC 2822, `YYYY/MM/DD`, "January 8, 2022", "8 Jan 2022", unix seconds.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(c) = ISO_DATE.captures(s) {
        return ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str());
    }
    if let Some(c) = SLASH_DATE.captures(s) {
        return ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    if s.len() >= 9 && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { n / 1000 } else { n };
        return DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    }
    let c = WORD_DATE.captures(s)?;
    if let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
        let m = month_from_name(m.as_str())?;
        return NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d.as_str().parse().ok()?);
    }
    let (m, d, y) = (c.get(4)?, c.get(5)?, c.get(6)?);
    let m = month_from_name(m.as_str())?;
    NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d.as_str().parse().ok()?)
}

/// A date written in a URL path: `/2022/01/08/`, `/2022-01-08-slug`, `/20220108/`.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    if let Some(c) = URL_DATE.captures(url) {
        return ymd(c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str());
    }
    let c = URL_DATE_DMY.captures(url)?;
    ymd(c.get(3)?.as_str(), c.get(2)?.as_str(), c.get(1)?.as_str())
}

/// The host of a URL without `www.`, used as the outlet when the page names none.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    Some(host.trim_start_matches("www.").to_ascii_lowercase())
}

fn clean(s: &str) -> Option<String> {
    let mut out = String::new();
    crate::dom::push_collapsed(&mut out, s);
    let t = out.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        let s = s.to_ascii_lowercase();
        s.contains("article") || s.contains("posting") || s == "report" || s.contains("liveblog")
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

fn names_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(a) => a.iter().flat_map(names_of).collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .and_then(clean)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// Flatten JSON-LD into its objects (top-level arrays and `@graph`).
fn ld_objects(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => {
            for x in a {
                ld_objects(x, out);
            }
        }
        Value::Object(mut o) => {
            if let Some(g) = o.remove("@graph") {
                ld_objects(g, out);
            }
            out.push(Value::Object(o));
        }
        _ => {}
    }
}

fn parse_ld(src: &str) -> Option<Value> {
    let t = src
        .trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>");
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    // Pages often put raw newlines and tabs inside JSON strings; JSON forbids them.
    let fixed: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&fixed).ok()
}

#[derive(Default)]
struct Ld {
    headline: Option<String>,
    published: Option<NaiveDate>,
    authors: Vec<String>,
    publisher: Option<String>,
    body: Option<String>,
    site_name: Option<String>,
}

fn read_json_ld(scripts: &[String]) -> Ld {
    let mut ld = Ld::default();
    let mut objs = Vec::new();
    for s in scripts {
        if let Some(v) = parse_ld(s) {
            ld_objects(v, &mut objs);
        }
    }
    // Article objects first, then anything else (WebPage, WebSite, Organization).
    let (arts, others): (Vec<&Value>, Vec<&Value>) = objs.iter().partition(|v| is_article_type(v));
    for o in arts.iter().chain(others.iter()) {
        let art = is_article_type(o);
        if ld.published.is_none() {
            ld.published = o
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(parse_date);
        }
        if art {
            if ld.headline.is_none() {
                ld.headline = o.get("headline").and_then(Value::as_str).and_then(clean);
            }
            if ld.authors.is_empty() {
                if let Some(a) = o.get("author") {
                    ld.authors = names_of(a);
                }
            }
            if ld.publisher.is_none() {
                ld.publisher = o
                    .get("publisher")
                    .and_then(|p| names_of(p).into_iter().next());
            }
            if ld.body.is_none() {
                ld.body = o
                    .get("articleBody")
                    .and_then(Value::as_str)
                    .map(str::to_string);
            }
        } else if o.get("@type").and_then(Value::as_str) == Some("WebSite")
            && ld.site_name.is_none()
        {
            ld.site_name = o.get("name").and_then(Value::as_str).and_then(clean);
        }
    }
    ld
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with('/')
}

/// "By Jane Doe and John Roe" → "Jane Doe and John Roe".
fn clean_byline(s: &str) -> Option<String> {
    let s = clean(s)?;
    let t = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s)
        .trim();
    if t.is_empty() || t.len() > 200 || looks_like_url(t) {
        None
    } else {
        Some(t.to_string())
    }
}

/// Cut an outlet suffix or prefix from a `<title>`: "Headline | Outlet" → "Headline".
fn clean_title(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_outlet = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o))
                || (tail.split_whitespace().count() <= 4 && head.len() > tail.len() * 2);
            if tail_is_outlet {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

pub fn extract(dom: &Dom, json_ld: &[String], url: Option<&str>) -> PageMeta {
    let mut metas: HashMap<String, String> = HashMap::new();
    let mut title_tag: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut item_date: Option<NaiveDate> = None;
    let mut item_author: Vec<String> = Vec::new();
    let mut time_date: Option<NaiveDate> = None;
    let mut byline_el: Option<String> = None;
    let mut class_date: Option<NaiveDate> = None;
    let mut lang: Option<String> = None;
    let mut h1 = Vec::new();
    for (i, n) in dom.nodes.iter().enumerate() {
        let a = dom.attrs(i);
        match n.tag {
            Tag::Html => {
                if let Some(l) = a.and_then(|a| a.lang.clone()) {
                    lang = Some(l);
                }
            }
            Tag::Title if title_tag.is_none() => title_tag = clean(&dom.inner_text(i)),
            Tag::Meta => {
                if let Some(a) = a {
                    if let (Some(k), Some(v)) = (&a.name, &a.content) {
                        metas.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
            }
            Tag::Link => {
                if let Some(a) = a {
                    if a.rel.as_deref() == Some("canonical") && canonical.is_none() {
                        canonical = a.href.clone();
                    }
                }
            }
            Tag::H1 => {
                if let Some(t) = clean(&dom.inner_text(i)) {
                    h1.push(t);
                }
            }
            Tag::Time if time_date.is_none() => {
                time_date = a
                    .and_then(|a| a.content.as_deref())
                    .and_then(parse_date)
                    .or_else(|| parse_date(&dom.inner_text(i)));
            }
            _ => {}
        }
        if let Some(a) = a {
            if let Some(ip) = &a.itemprop {
                match ip.as_str() {
                    "datePublished" if item_date.is_none() => {
                        item_date = a
                            .content
                            .as_deref()
                            .and_then(parse_date)
                            .or_else(|| parse_date(&dom.inner_text(i)));
                    }
                    "author" | "creator" if item_author.is_empty() => {
                        if let Some(t) = a
                            .content
                            .as_deref()
                            .and_then(clean_byline)
                            .or_else(|| clean_byline(&dom.inner_text(i)))
                        {
                            item_author.push(t);
                        }
                    }
                    _ => {}
                }
            }
            // Small subtrees only: a class word on a page wrapper must not cost a walk of
            // the whole page each time.
            let small = (n.end as usize).saturating_sub(i) <= 40;
            if byline_el.is_none()
                && small
                && n.tag != Tag::Meta
                && (a.class_id.contains("byline")
                    || a.rel.as_deref() == Some("author")
                    || (a.class_id.contains("author") && !a.class_id.contains("bio")))
            {
                let t = dom.inner_text(i);
                if t.len() < 100 {
                    byline_el = clean_byline(&t);
                }
            }
            if class_date.is_none()
                && small
                && n.tag != Tag::Meta
                && a.class_id.contains("date")
                && !a.class_id.contains("update")
            {
                let t = dom.inner_text(i);
                if t.len() < 100 {
                    class_date = parse_date(&t);
                }
            }
        }
    }
    let ld = read_json_ld(json_ld);
    let m = |k: &str| metas.get(k).map(String::as_str);

    let page_url = url
        .map(str::to_string)
        .or_else(|| m("og:url").map(str::to_string))
        .or(canonical);

    let published = [
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
        "datepublished",
    ]
    .iter()
    .find_map(|k| m(k).and_then(parse_date))
    .or(ld.published)
    .or(item_date)
    .or_else(|| {
        [
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "og:updated_time",
            "article:modified_time",
        ]
        .iter()
        .find_map(|k| m(k).and_then(parse_date))
    })
    .or(time_date)
    .or(class_date)
    .or_else(|| page_url.as_deref().and_then(date_from_url));

    let outlet = m("og:site_name")
        .and_then(clean)
        .or(ld.publisher)
        .or(ld.site_name)
        .or_else(|| m("application-name").and_then(clean))
        .or_else(|| m("publisher").and_then(clean))
        .or_else(|| page_url.as_deref().and_then(host_of));

    let title = m("og:title")
        .and_then(clean)
        .or(ld.headline)
        .or_else(|| m("twitter:title").and_then(clean))
        .or_else(|| h1.first().cloned())
        .or_else(|| {
            title_tag
                .as_deref()
                .map(|t| clean_title(t, outlet.as_deref()))
        })
        .map(|t| clean_title(&t, outlet.as_deref()));

    let byline = if !ld.authors.is_empty() {
        Some(ld.authors.join(", "))
    } else {
        m("author")
            .and_then(clean_byline)
            .or_else(|| m("article:author").and_then(clean_byline))
            .or_else(|| m("dc.creator").and_then(clean_byline))
            .or_else(|| m("sailthru.author").and_then(clean_byline))
            .or_else(|| (!item_author.is_empty()).then(|| item_author.join(", ")))
            .or(byline_el)
    };

    PageMeta {
        title,
        byline,
        published,
        outlet,
        url: page_url,
        lang: lang.or_else(|| m("og:locale").map(str::to_string)),
        ld_body: ld.body,
        h1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_shapes() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 8);
        assert_eq!(parse_date("2022-01-08T23:30:00+06:00"), d);
        assert_eq!(parse_date("2022-01-08"), d);
        assert_eq!(parse_date("20220108"), d);
        assert_eq!(parse_date("Sat, 08 Jan 2022 10:00:00 GMT"), d);
        assert_eq!(parse_date("January 8, 2022"), d);
        assert_eq!(parse_date("8 Jan. 2022"), d);
        assert_eq!(parse_date("Updated Jan 8th, 2022 at 9am"), d);
        assert_eq!(parse_date("2022/1/8"), d);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2022-13-45"), None);
    }

    #[test]
    fn dates_in_urls() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 8);
        assert_eq!(date_from_url("https://x.example/news/2022/01/08/slug"), d);
        assert_eq!(date_from_url("https://x.example/2022-01-08-slug.html"), d);
        assert_eq!(date_from_url("https://x.example/a/20220108/slug"), d);
        assert_eq!(date_from_url("https://x.example/story/123456"), None);
    }

    #[test]
    fn titles_lose_outlet_suffix() {
        assert_eq!(
            clean_title(
                "Dam breaks in the north | The Daily Lantern",
                Some("The Daily Lantern")
            ),
            "Dam breaks in the north"
        );
        assert_eq!(clean_title("No separator here", None), "No separator here");
        assert_eq!(
            host_of("https://www.lantern.example/a/b"),
            Some("lantern.example".into())
        );
    }
}
