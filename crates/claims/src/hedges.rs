//! Hedges: the words by which a report marks what it relays as unconfirmed.

use crate::extract::Ctx;
use crate::lexicon::{HedgeScope, HEDGES};
use newsledger_model::{Document, Hedge, Span};

/// Labels that scare quotes are typically put around.
const LABEL_WORDS: &[&str] = &[
    "terrorist",
    "terrorists",
    "bandits",
    "criminals",
    "extremists",
    "extremist",
    "thugs",
    "provocateurs",
    "militants",
    "rioters",
    "looters",
    "agents",
    "liberation",
    "operation",
    "fake",
    "nazis",
    "traitors",
    "hooligans",
    "mercenaries",
    "saboteurs",
    "insurgents",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Lexicon hedges inside a span, with their scope.
pub fn lexical(text: &str, span: Span) -> Vec<(Hedge, HedgeScope)> {
    let Some(s) = text.get(span.start()..span.end()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in HEDGES.matcher.find_iter(s) {
        let before = s.get(..m.start()).and_then(|x| x.chars().next_back());
        let after = s.get(m.end()..).and_then(|x| x.chars().next());
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        let Some((kind, scope)) = HEDGES.entries.get(m.pattern().as_usize()) else {
            continue;
        };
        let hs = Span::new(span.start() + m.start(), span.start() + m.end());
        out.push((
            Hedge {
                text: s.get(m.start()..m.end()).unwrap_or("").to_string(),
                span: hs,
                kind: kind.clone(),
            },
            *scope,
        ));
    }
    out
}

/// Scare quotes: a short quoted label ("“armed criminals”") rather than quoted speech.
pub fn scare_quotes(ctx: &Ctx, span: Span) -> Vec<Hedge> {
    let mut out = Vec::new();
    for q in &ctx.quotes {
        if !span.contains(q.outer) {
            continue;
        }
        let inner = ctx.slice(q.inner).trim();
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            continue;
        }
        if inner.ends_with(['.', '!', '?', ','])
            || inner.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let lw: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let last = lw.last().map(String::as_str).unwrap_or("");
        let plural = last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is");
        let label = lw.iter().any(|w| LABEL_WORDS.contains(&w.as_str()));
        if plural || label {
            out.push(Hedge {
                text: ctx.slice(q.outer).to_string(),
                span: q.outer,
                kind: "scare_quote".into(),
            });
        }
    }
    out
}

/// Clause-level hedges in the sentence holding `span` (and, for disclaimers that name a
/// figure — "the figure could not be verified" — in the sentence after it). General
/// disclaimers about "any claims" and scare quotes are left out: by the figures contract they
/// do not make a figure hedged. Works without the claims layer.
pub fn sentence_hedges(doc: &Document, span: Span) -> Vec<Hedge> {
    let Some(si) = doc.segment_index_at(span.start()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(seg) = doc.layers.segments.get(si) {
        if !doc.is_residue(seg.span) {
            for (h, _) in lexical(&doc.text, seg.span) {
                if h.kind != "not_corroborated" {
                    out.push(h);
                }
            }
        }
    }
    if let Some(next) = doc.layers.segments.get(si + 1) {
        let t = doc.slice(next.span).to_lowercase();
        let names_figure = ["figure", "toll", "number", "tally", "count", "casualt"]
            .iter()
            .any(|w| t.contains(w));
        let same_para =
            doc.paragraph_index_at(next.span.start()) == doc.paragraph_index_at(span.start());
        if names_figure && same_para && !doc.is_residue(next.span) {
            for (h, scope) in lexical(&doc.text, next.span) {
                if scope == HedgeScope::Disclaimer && h.kind != "not_corroborated" {
                    out.push(h);
                }
            }
        }
    }
    out
}
