//! A flat, pre-order copy of the parsed page that the extractor walks.
//!
//! html5ever builds a linked tree (it must: the HTML5 tree builder re-parents nodes). The
//! extractor only ever needs "every node below this one" and "the parent of this one", which
//! a pre-order array answers with a range, so aggregates over subtrees become one reverse
//! sweep instead of recursive walks.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// What the extractor cares about in a tag name. Everything else is `Other` (inline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Text,
    Doc,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    A,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Control,
    Iframe,
    Figure,
    Figcaption,
    Media,
    H1,
    H(u8),
    List,
    Li,
    Dl,
    Table,
    Row,
    Cell,
    Blockquote,
    Pre,
    Br,
    Hr,
    Time,
    Address,
    Template,
    Dialog,
    Menu,
    OtherBlock,
    Other,
}

impl Tag {
    fn from_name(name: &str) -> Tag {
        match name {
            "a" => Tag::A,
            "p" => Tag::P,
            "div" => Tag::Div,
            "span" | "b" | "i" | "em" | "strong" | "u" | "small" | "sup" | "sub" | "abbr"
            | "cite" | "q" | "mark" | "font" | "code" | "s" | "del" | "ins" => Tag::Other,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "button" | "input" | "select" | "textarea" | "option" | "label" | "fieldset"
            | "legend" | "datalist" | "output" => Tag::Control,
            "iframe" | "frame" | "frameset" => Tag::Iframe,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "img" | "picture" | "video" | "audio" | "canvas" | "object" | "embed" | "svg"
            | "math" | "map" | "source" | "track" => Tag::Media,
            "h1" => Tag::H1,
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" | "ol" => Tag::List,
            "li" => Tag::Li,
            "dl" | "dt" | "dd" => Tag::Dl,
            "table" | "thead" | "tbody" | "tfoot" | "caption" => Tag::Table,
            "tr" => Tag::Row,
            "td" | "th" => Tag::Cell,
            "blockquote" => Tag::Blockquote,
            "pre" => Tag::Pre,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "time" => Tag::Time,
            "address" => Tag::Address,
            "template" | "script" | "style" | "noscript" => Tag::Template,
            "dialog" => Tag::Dialog,
            "menu" => Tag::Menu,
            "html" => Tag::Html,
            "head" => Tag::Head,
            "body" => Tag::Body,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "center" | "details" | "summary" | "hgroup" => Tag::OtherBlock,
            _ => Tag::Other,
        }
    }

    /// Whether the tag starts a new paragraph of output text. Table cells do not: a row
    /// reads as one line ("DL  Larry Smith  63  85%"), cells separated by a space.
    pub fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::A | Tag::Other | Tag::Time | Tag::Media | Tag::Control | Tag::Cell
        )
    }

    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H(_))
    }
}

/// One node of the flat tree.
#[derive(Debug, Clone)]
pub struct DNode {
    pub tag: Tag,
    /// Index of the parent (the root points to itself).
    pub parent: u32,
    /// One past the last node of this node's subtree.
    pub end: u32,
    /// For text nodes: the byte range of its text in [`Dom::text`].
    pub text: (u32, u32),
    /// Index into [`Dom::attrs`] for elements that carry attributes the extractor reads.
    pub attrs: u32,
}

/// The attributes the extractor reads, copied out of the parse tree.
#[derive(Debug, Clone, Default)]
pub struct Attrs {
    /// class and id, lowercased, space separated.
    pub class_id: String,
    pub role: Option<String>,
    pub itemprop: Option<String>,
    pub hidden: bool,
    pub href: Option<String>,
    /// meta: name/property/itemprop (lowercased) and content; time: datetime.
    pub name: Option<String>,
    pub content: Option<String>,
    pub rel: Option<String>,
    pub lang: Option<String>,
}

pub struct Dom {
    pub nodes: Vec<DNode>,
    pub attrs: Vec<Attrs>,
    pub text: String,
}

pub const NO_ATTRS: u32 = u32::MAX;

fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(|c| c.to_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

impl Dom {
    pub fn from_html(html: &Html) -> Dom {
        let tree = &html.tree;
        let mut nodes: Vec<DNode> = Vec::with_capacity(tree.nodes().len());
        let mut attrs: Vec<Attrs> = Vec::new();
        let mut text = String::new();
        let mut stack: Vec<u32> = Vec::new();
        for edge in tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let parent = stack.last().copied().unwrap_or(0);
                    let idx = nodes.len() as u32;
                    let mut dn = DNode {
                        tag: Tag::Other,
                        parent,
                        end: idx + 1,
                        text: (0, 0),
                        attrs: NO_ATTRS,
                    };
                    match node.value() {
                        Node::Document | Node::Fragment => dn.tag = Tag::Doc,
                        Node::Text(t) => {
                            dn.tag = Tag::Text;
                            let s = text.len() as u32;
                            text.push_str(t);
                            dn.text = (s, text.len() as u32);
                        }
                        Node::Element(el) => {
                            dn.tag = Tag::from_name(el.name());
                            let mut a = Attrs::default();
                            let mut keep = false;
                            for (k, v) in el.attrs() {
                                match k {
                                    "class" | "id" => {
                                        if !a.class_id.is_empty() {
                                            a.class_id.push(' ');
                                        }
                                        a.class_id.push_str(&v.to_ascii_lowercase());
                                        keep = true;
                                    }
                                    "role" => {
                                        a.role = Some(v.to_ascii_lowercase());
                                        keep = true;
                                    }
                                    "itemprop" => {
                                        a.itemprop = Some(v.to_string());
                                        keep = true;
                                    }
                                    "hidden" => {
                                        a.hidden = true;
                                        keep = true;
                                    }
                                    "aria-hidden" if v.eq_ignore_ascii_case("true") => {
                                        a.hidden = true;
                                        keep = true;
                                    }
                                    "style" if style_hides(v) => {
                                        a.hidden = true;
                                        keep = true;
                                    }
                                    "href" if dn.tag == Tag::Link => {
                                        a.href = Some(v.to_string());
                                        keep = true;
                                    }
                                    "name" | "property" if dn.tag == Tag::Meta => {
                                        if a.name.is_none() {
                                            a.name = Some(v.to_ascii_lowercase());
                                        }
                                        keep = true;
                                    }
                                    "content" | "datetime" => {
                                        a.content = Some(v.to_string());
                                        keep = true;
                                    }
                                    "rel" if matches!(dn.tag, Tag::Link | Tag::A) => {
                                        a.rel = Some(v.to_ascii_lowercase());
                                        keep = true;
                                    }
                                    "lang" if dn.tag == Tag::Html => {
                                        a.lang = Some(v.to_string());
                                        keep = true;
                                    }
                                    _ => {}
                                }
                            }
                            if keep {
                                dn.attrs = attrs.len() as u32;
                                attrs.push(a);
                            }
                        }
                        _ => {}
                    }
                    nodes.push(dn);
                    stack.push(idx);
                }
                Edge::Close(_) => {
                    if let Some(idx) = stack.pop() {
                        let end = nodes.len() as u32;
                        if let Some(n) = nodes.get_mut(idx as usize) {
                            n.end = end;
                        }
                    }
                }
            }
        }
        Dom { nodes, attrs, text }
    }

    pub fn attrs(&self, i: usize) -> Option<&Attrs> {
        let n = self.nodes.get(i)?;
        if n.attrs == NO_ATTRS {
            None
        } else {
            self.attrs.get(n.attrs as usize)
        }
    }

    pub fn node_text(&self, i: usize) -> &str {
        match self.nodes.get(i) {
            Some(n) if n.tag == Tag::Text => self
                .text
                .get(n.text.0 as usize..n.text.1 as usize)
                .unwrap_or(""),
            _ => "",
        }
    }

    /// All text below node `i`, whitespace collapsed.
    pub fn inner_text(&self, i: usize) -> String {
        let end = self.nodes.get(i).map_or(i, |n| n.end as usize);
        let mut out = String::new();
        for j in i..end {
            push_collapsed(&mut out, self.node_text(j));
        }
        out.trim().to_string()
    }
}

/// Append `s` to `out` with runs of whitespace turned into one space.
pub fn push_collapsed(out: &mut String, s: &str) {
    let mut last_space = out.is_empty() || out.ends_with(' ') || out.ends_with('\n');
    for c in s.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            out.push(c);
            last_space = false;
        }
    }
}
