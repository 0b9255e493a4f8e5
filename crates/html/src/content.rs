//! Finding the article in the page and turning it into paragraphs.
//!
//! Three passes over the flat tree:
//! 1. **Furniture**: elements that are never article text by tag (nav, aside, footer, forms,
//!    figures and captions, media) or by what their class/id/role says (cookie, newsletter,
//!    share, related, comments, ads: `data/html/junk_words.txt`), or hidden. A guard keeps any
//!    such element that holds most of the page's long paragraphs, so a body tagged
//!    `class="has-sidebar"` cannot take the article with it.
//! 2. **Blocks**: the remaining text cut at block-level boundaries, each with its length and
//!    the part of it inside links.
//! 3. **Container**: every element scores `good − α·other`, where `good` is the length of the
//!    prose-like blocks below it (long, few links) and `other` the length of everything else
//!    below it. The best element is the smallest one that takes in the article's paragraphs
//!    while leaving out lists of links and short furniture. An element whose class names an
//!    article body gets a bonus. Its blocks, minus furniture lines, are the text.

use crate::dom::{push_collapsed, Dom, Tag};
use crate::meta::PageMeta;
use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;
use regex::{Regex, RegexSet};
use std::collections::HashSet;

static JUNK_WORDS: &str = include_str!("../../../data/html/junk_words.txt");
static BODY_WORDS: &str = include_str!("../../../data/html/body_words.txt");
static BOILERPLATE: &str = include_str!("../../../data/html/boilerplate_lines.txt");

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One anchored regex over all furniture words: `^(?:exact|…)$` or `^(?:prefix|…)`.
static JUNK: Lazy<Regex> = Lazy::new(|| {
    let mut exact = Vec::new();
    let mut prefix = Vec::new();
    for l in data_lines(JUNK_WORDS) {
        match l.strip_suffix('*') {
            Some(p) => prefix.push(regex::escape(p)),
            None => exact.push(regex::escape(l)),
        }
    }
    Regex::new(&format!(
        "^(?:{})$|^(?:{})",
        exact.join("|"),
        prefix.join("|")
    ))
    .expect("static junk word list")
});

static BODY: Lazy<AhoCorasick> =
    Lazy::new(|| AhoCorasick::new(data_lines(BODY_WORDS)).expect("static body word list"));

/// Furniture-line patterns: (for paragraphs under 250 chars, for paragraphs under 1200 chars).
static FURNITURE_LINES: Lazy<(RegexSet, RegexSet)> = Lazy::new(|| {
    // ASCII word boundaries keep the sets on the fast DFA path for non-ASCII text.
    let compile = |l: &str| format!("(?i){}", l.replace(r"\b", r"(?-u:\b)"));
    let short = data_lines(BOILERPLATE)
        .filter(|l| !l.starts_with("long: "))
        .map(compile);
    let long = data_lines(BOILERPLATE)
        .filter_map(|l| l.strip_prefix("long: "))
        .map(compile);
    (
        RegexSet::new(short).expect("static boilerplate patterns"),
        RegexSet::new(long).expect("static boilerplate patterns"),
    )
});

const ROLE_JUNK: [&str; 12] = [
    "navigation",
    "complementary",
    "contentinfo",
    "dialog",
    "alertdialog",
    "banner",
    "menu",
    "menubar",
    "search",
    "tooltip",
    "toolbar",
    "note",
];

fn word_is_junk(w: &str) -> bool {
    JUNK.is_match(w)
}

/// Whether a class/id attribute names page furniture. Each token is tested whole
/// ("visually-hidden") and split into words at non-letters (the attribute is lowercased,
/// so "shareBar" is caught by the `sharebar*` prefix).
fn class_is_junk(class_id: &str) -> bool {
    // Embedded posts quoted in a story are reporting, even inside a "widget".
    if class_id.contains("tweet") {
        return false;
    }
    for token in class_id.split_ascii_whitespace() {
        if token.len() > 60 {
            continue;
        }
        if word_is_junk(token) {
            return true;
        }
        for w in token.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !w.is_empty() && word_is_junk(w) {
                return true;
            }
        }
    }
    false
}

fn class_is_body(class_id: &str) -> bool {
    BODY.is_match(class_id)
}

/// Whether a paragraph is a furniture line ("Advertisement", "Read more: …").
pub fn is_furniture_line(p: &str) -> bool {
    let p = p.trim();
    (p.len() < 250 && FURNITURE_LINES.0.is_match(p))
        || (p.len() < 1200 && FURNITURE_LINES.1.is_match(p))
}

struct Block {
    /// Nearest block-level ancestor of the block's first text node.
    owner: u32,
    /// Index of the block's first text node (places it in the tree).
    first: u32,
    text: String,
    len: usize,
    link_len: usize,
    /// Length of the link the block opens with (0 when it opens with plain text).
    lead_link: usize,
    /// Still inside the opening link.
    in_lead: bool,
    /// The opening link ends a sentence (a lede in bold link, not a headline).
    lead_sentence: bool,
    /// Matches a furniture-line pattern.
    furniture: bool,
    /// Inside furniture: never scored or output, seen only by the teaser test.
    dead: bool,
    heading: Option<u8>,
}

const ALPHA: f64 = 0.9;

fn link_density(b: &Block) -> f64 {
    b.link_len as f64 / b.len.max(1) as f64
}

/// A linked headline: the title of a card that points to another story.
fn is_link_title(b: &Block) -> bool {
    let ld = link_density(b);
    (b.heading.is_some() && ld > 0.6) || (b.len >= 40 && ld > 0.8)
}

/// A "Read more" link closing a teaser card.
fn is_read_more(b: &Block) -> bool {
    if b.len > 40 || link_density(b) < 0.6 {
        return false;
    }
    let t = b.text.to_lowercase();
    [
        "read more",
        "continue reading",
        "read the full",
        "full story",
        "read on",
        "more »",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// Blocks that belong to teaser cards for other stories: a small container (at most five
/// blocks, under 1000 characters) that opens with a linked headline or holds a "Read more"
/// link, and blocks that open
/// with a long link followed by a summary ("Headline Summary of the other story…") when a
/// page has several of them.
fn mark_teasers(dom: &Dom, blocks: &[Block]) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut count = vec![0u32; n];
    let mut more = vec![0u32; n];
    let mut chars = vec![0usize; n];
    let mut first = vec![u32::MAX; n];
    for (bi, b) in blocks.iter().enumerate() {
        let o = b.owner as usize;
        if let Some(c) = count.get_mut(o) {
            *c += 1;
        }
        if let Some(c) = chars.get_mut(o) {
            *c += b.len;
        }
        if let Some(f) = first.get_mut(o) {
            *f = (*f).min(bi as u32);
        }
        if is_read_more(b) {
            if let Some(m) = more.get_mut(o) {
                *m += 1;
            }
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes.get(i).map_or(0, |x| x.parent as usize);
        let (c, ch, f) = (
            count.get(i).copied().unwrap_or(0),
            chars.get(i).copied().unwrap_or(0),
            first.get(i).copied().unwrap_or(u32::MAX),
        );
        if let Some(v) = count.get_mut(p) {
            *v += c;
        }
        if let Some(v) = chars.get_mut(p) {
            *v += ch;
        }
        if let Some(v) = first.get_mut(p) {
            *v = (*v).min(f);
        }
        let m = more.get(i).copied().unwrap_or(0);
        if let Some(v) = more.get_mut(p) {
            *v += m;
        }
    }
    let mut out = vec![false; blocks.len()];
    let mut lead_teasers = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let ld = link_density(b);
        if b.dead || b.heading.is_some() || ld > 0.5 {
            continue;
        }
        if b.lead_link >= 30 && !b.lead_sentence && ld >= 0.1 && b.len < 400 {
            lead_teasers.push(bi);
            continue;
        }
        let mut a = b.owner as usize;
        for _ in 0..5 {
            let c = count.get(a).copied().unwrap_or(u32::MAX);
            if c > 5 || chars.get(a).copied().unwrap_or(usize::MAX) > 1000 {
                break;
            }
            let f = first.get(a).copied().unwrap_or(u32::MAX) as usize;
            if (f < bi && blocks.get(f).is_some_and(is_link_title))
                || more.get(a).copied().unwrap_or(0) > 0
            {
                if let Some(o) = out.get_mut(bi) {
                    *o = true;
                }
                break;
            }
            if a == 0 {
                break;
            }
            a = dom.nodes.get(a).map_or(0, |x| x.parent as usize);
        }
    }
    // One paragraph opening with a link is prose; a run of them is a list of stories.
    if lead_teasers.len() >= 3 {
        for bi in lead_teasers {
            if let Some(o) = out.get_mut(bi) {
                *o = true;
            }
        }
    }
    out
}

fn furniture_tag(t: Tag) -> bool {
    matches!(
        t,
        Tag::Head
            | Tag::Title
            | Tag::Nav
            | Tag::Aside
            | Tag::Footer
            | Tag::Control
            | Tag::Iframe
            | Tag::Figure
            | Tag::Figcaption
            | Tag::Media
            | Tag::Template
            | Tag::Dialog
            | Tag::Menu
            | Tag::Header
            | Tag::Form
    )
}

/// The article's paragraphs. With `whole_page`, every non-furniture paragraph of the input
/// (for fragments such as a feed item's content, which hold nothing but the story).
pub fn extract(dom: &Dom, meta: &PageMeta, whole_page: bool) -> Vec<String> {
    let n = dom.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    // Pass 0: text in long runs (prose) per subtree, for the guard; prose inside elements
    // that are furniture by tag alone (nav, footer, aside, forms) does not count.
    let mut long_p = vec![0usize; n];
    let mut tag_dead = vec![false; n];
    let mut in_p = vec![false; n];
    for i in 0..n {
        let Some(node) = dom.nodes.get(i) else { break };
        let p = node.parent as usize;
        let pd = i > 0 && tag_dead.get(p).copied().unwrap_or(false);
        let d = pd || (furniture_tag(node.tag) && node.tag != Tag::Form);
        if let Some(v) = tag_dead.get_mut(i) {
            *v = d;
        }
        let pp = i > 0 && in_p.get(p).copied().unwrap_or(false);
        if let Some(v) = in_p.get_mut(i) {
            *v = pp || node.tag == Tag::P;
        }
        if node.tag == Tag::P && !d && !pp {
            let t = dom.inner_text(i);
            if t.len() >= 80 {
                let l = t.chars().filter(|c| !c.is_whitespace()).count();
                if let Some(v) = long_p.get_mut(i) {
                    *v = l;
                }
            }
        } else if node.tag == Tag::Text && !d && !pp {
            let t = dom.node_text(i).trim();
            if t.len() >= 60 {
                let l = t.chars().filter(|c| !c.is_whitespace()).count();
                if let Some(v) = long_p.get_mut(i) {
                    *v = l;
                }
            }
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes.get(i).map_or(0, |x| x.parent as usize);
        let v = long_p.get(i).copied().unwrap_or(0);
        if let Some(pv) = long_p.get_mut(p) {
            *pv += v;
        }
    }
    let total_long = long_p.first().copied().unwrap_or(0);

    // Pass 1: furniture.
    let mut dead = vec![false; n];
    let mut in_link = vec![false; n];
    let mut heading = vec![0u8; n];
    let mut body_hint = vec![false; n];
    for i in 0..n {
        let Some(node) = dom.nodes.get(i) else { break };
        let p = node.parent as usize;
        let parent_dead = i > 0 && dead.get(p).copied().unwrap_or(false);
        let parent_link = i > 0 && in_link.get(p).copied().unwrap_or(false);
        let parent_heading = if i > 0 {
            heading.get(p).copied().unwrap_or(0)
        } else {
            0
        };
        let a = dom.attrs(i);
        let by_tag = furniture_tag(node.tag);
        let hard_tag = matches!(
            node.tag,
            Tag::Head
                | Tag::Title
                | Tag::Control
                | Tag::Iframe
                | Tag::Media
                | Tag::Template
                | Tag::Figcaption
        );
        let by_attr = a.is_some_and(|a| {
            a.hidden
                || a.role.as_deref().is_some_and(|r| ROLE_JUNK.contains(&r))
                || (!matches!(node.tag, Tag::Body | Tag::Html) && class_is_junk(&a.class_id))
        });
        let mut junk = by_tag || by_attr;
        if junk && !hard_tag {
            let lp = long_p.get(i).copied().unwrap_or(0);
            if total_long >= 300 && lp * 2 > total_long {
                junk = false;
            }
        }
        if let Some(d) = dead.get_mut(i) {
            *d = parent_dead || junk;
        }
        if let Some(l) = in_link.get_mut(i) {
            *l = parent_link || node.tag == Tag::A;
        }
        if let Some(h) = heading.get_mut(i) {
            *h = match node.tag {
                Tag::H1 => 1,
                Tag::H(k) => k,
                _ => parent_heading,
            };
        }
        if let (Some(a), Some(b)) = (a, body_hint.get_mut(i)) {
            *b = class_is_body(&a.class_id) || a.itemprop.as_deref() == Some("articleBody");
        }
    }

    // Pass 2: blocks.
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let mut open: Vec<u32> = Vec::new(); // open block elements (indices)
    let flush = |cur: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(mut b) = cur.take() {
            let t = b.text.trim();
            if !t.is_empty() {
                b.text = t.to_string();
                b.len = b.text.chars().count();
                b.furniture = is_furniture_line(&b.text);
                blocks.push(b);
            }
        }
    };
    let mut i = 0usize;
    while i < n {
        let Some(node) = dom.nodes.get(i) else { break };
        while let Some(&top) = open.last() {
            let end = dom.nodes.get(top as usize).map_or(0, |x| x.end as usize);
            if end <= i {
                open.pop();
                flush(&mut cur, &mut blocks);
            } else {
                break;
            }
        }
        // Furniture is kept as dead blocks when it is block-level: it never scores or
        // reaches the output, but the teaser test needs to see a card's linked headline
        // even when the headline sits in a <header>.
        if dead.get(i).copied().unwrap_or(true) {
            let parent_dead = i > 0 && dead.get(node.parent as usize).copied().unwrap_or(true);
            let hard = matches!(
                node.tag,
                Tag::Head | Tag::Title | Tag::Template | Tag::Control | Tag::Media | Tag::Iframe
            );
            if hard || (!parent_dead && !node.tag.is_block()) {
                if node.tag.is_block() || node.tag == Tag::Media {
                    flush(&mut cur, &mut blocks);
                }
                i = (node.end as usize).max(i + 1);
                continue;
            }
        }
        match node.tag {
            Tag::Text => {
                let t = dom.node_text(i);
                if cur.is_none() {
                    if t.trim().is_empty() {
                        i += 1;
                        continue;
                    }
                    cur = Some(Block {
                        owner: open.last().copied().unwrap_or(0),
                        first: i as u32,
                        text: String::new(),
                        len: 0,
                        link_len: 0,
                        lead_link: 0,
                        in_lead: true,
                        lead_sentence: false,
                        furniture: false,
                        dead: dead.get(i).copied().unwrap_or(true),
                        heading: match heading.get(i).copied().unwrap_or(0) {
                            0 => None,
                            h => Some(h),
                        },
                    });
                }
                if let Some(b) = cur.as_mut() {
                    let before = b.text.len();
                    push_collapsed(&mut b.text, t);
                    let added = b.text.get(before..).map_or(0, |s| s.trim().chars().count());
                    if in_link.get(i).copied().unwrap_or(false) {
                        b.link_len += added;
                        if b.in_lead {
                            b.lead_link += added;
                        }
                    } else if added > 0 && b.in_lead {
                        b.in_lead = false;
                        let stops = ['.', '!', '?', '"', '”', ':', ';'];
                        b.lead_sentence = b
                            .text
                            .get(..before)
                            .map(str::trim_end)
                            .is_some_and(|t| t.ends_with(stops))
                            || b.text
                                .get(before..)
                                .map(str::trim_start)
                                .is_some_and(|t| t.starts_with(stops));
                    }
                }
            }
            Tag::Cell => {
                if let Some(b) = cur.as_mut() {
                    if !b.text.ends_with(' ') {
                        b.text.push(' ');
                    }
                }
            }
            t if t.is_block() => {
                flush(&mut cur, &mut blocks);
                if node.end as usize > i + 1 {
                    open.push(i as u32);
                }
            }
            _ => {}
        }
        i += 1;
    }
    flush(&mut cur, &mut blocks);
    if blocks.iter().all(|b| b.dead) {
        return Vec::new();
    }

    let teaser = if whole_page {
        vec![false; blocks.len()]
    } else {
        mark_teasers(dom, &blocks)
    };

    // Pass 3: container.
    let mut good = vec![0f64; n];
    let mut other = vec![0f64; n];
    for (bi, b) in blocks.iter().enumerate() {
        if b.dead {
            continue;
        }
        let ld = b.link_len as f64 / b.len.max(1) as f64;
        let o = b.owner as usize;
        let (g, x) = if teaser.get(bi).copied().unwrap_or(false) {
            (0.0, b.len as f64)
        } else if b.heading.is_some() {
            (0.0, if ld > 0.5 { b.len as f64 } else { 0.0 })
        } else if b.len >= 80 && ld < 0.7 {
            (b.len as f64 * (1.0 - ld), b.len as f64 * ld)
        } else if b.len >= 30 && ld < 0.2 {
            (b.len as f64 * 0.5, 0.0)
        } else if ld < 0.2 && b.furniture {
            (0.0, b.len as f64)
        } else if ld < 0.2 {
            (0.0, b.len as f64 * 0.3)
        } else {
            (0.0, b.len as f64)
        };
        if let Some(v) = good.get_mut(o) {
            *v += g;
        }
        if let Some(v) = other.get_mut(o) {
            *v += x;
        }
    }
    for i in (1..n).rev() {
        let p = dom.nodes.get(i).map_or(0, |x| x.parent as usize);
        let (g, x) = (
            good.get(i).copied().unwrap_or(0.0),
            other.get(i).copied().unwrap_or(0.0),
        );
        if let Some(v) = good.get_mut(p) {
            *v += g;
        }
        if let Some(v) = other.get_mut(p) {
            *v += x;
        }
    }
    let mut best = 0usize;
    let mut best_score = f64::MIN;
    for i in 0..n {
        if dead.get(i).copied().unwrap_or(true) {
            continue;
        }
        let tag = dom.nodes.get(i).map_or(Tag::Other, |x| x.tag);
        if tag == Tag::Text {
            continue;
        }
        let g = good.get(i).copied().unwrap_or(0.0);
        let mut s = g - ALPHA * other.get(i).copied().unwrap_or(0.0);
        if body_hint.get(i).copied().unwrap_or(false) || tag == Tag::Article {
            s += 0.15 * g;
        }
        if s >= best_score {
            best_score = s;
            best = i;
        }
    }
    if whole_page {
        best = 0;
    }
    let range = best..dom.nodes.get(best).map_or(n, |x| x.end as usize);
    if std::env::var_os("NEWSLEDGER_HTML_DEBUG").is_some() {
        let mut path = Vec::new();
        let mut j = best;
        while j > 0 {
            let tag = dom.nodes.get(j).map(|x| x.tag);
            let cls = dom.attrs(j).map(|a| a.class_id.clone()).unwrap_or_default();
            path.push(format!("{tag:?}.{cls}"));
            j = dom.nodes.get(j).map_or(0, |x| x.parent as usize);
        }
        path.reverse();
        eprintln!(
            "best {best} score {best_score:.0} good {:.0} other {:.0}: {}",
            good.get(best).copied().unwrap_or(0.0),
            other.get(best).copied().unwrap_or(0.0),
            path.join(" > ")
        );
        for b in &blocks {
            let ld = b.link_len as f64 / b.len.max(1) as f64;
            let inside = range.contains(&(b.first as usize));
            eprintln!(
                "  [{}{}] owner {} len {} ld {ld:.2} {:?}",
                if inside { "*" } else { " " },
                b.heading.map_or(String::new(), |h| format!("h{h}")),
                b.owner,
                b.len,
                b.text.chars().take(90).collect::<String>()
            );
        }
    }

    // Output.
    let title = meta.title.as_deref().unwrap_or("");
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        if b.dead
            || !range.contains(&(b.first as usize))
            || teaser.get(bi).copied().unwrap_or(false)
        {
            continue;
        }
        let ld = b.link_len as f64 / b.len.max(1) as f64;
        if ld > 0.7 || (ld > 0.5 && b.len < 150) {
            continue;
        }
        if b.heading == Some(1) || (b.heading.is_some() && b.text == title) {
            continue;
        }
        if b.furniture {
            continue;
        }
        if b.len >= 40 && !seen.insert(b.text.as_str()) {
            continue;
        }
        out.push(b.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_classes() {
        assert!(class_is_junk("cookie-banner"));
        assert!(class_is_junk("c-newslettersignup"));
        assert!(class_is_junk("related-links"));
        assert!(class_is_junk("visually-hidden"));
        assert!(!class_is_junk("article-body"));
        assert!(!class_is_junk("story"));
        assert!(!class_is_junk("shareholders-report"));
        assert!(class_is_body("c-article-body__content"));
        assert!(!class_is_junk("article-widget article-tweet"));
    }

    #[test]
    fn furniture_lines() {
        assert!(is_furniture_line("Advertisement"));
        assert!(is_furniture_line(
            "Read more: Floods close the northern road"
        ));
        assert!(is_furniture_line("Sign up for our morning briefing"));
        assert!(!is_furniture_line(
            "Officials said 40 people had been evacuated."
        ));
    }
}
