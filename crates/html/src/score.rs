//! Token-level precision/recall/F1 of extracted text against expected text.
//!
//! Tokens are runs of Unicode word characters, as in the common article-extraction
//! benchmarks. Two measures: a bag of single tokens, and a bag of 4-token shingles (which also
//! punishes text in the wrong order or glued to furniture). Per-document scores are averaged
//! over documents ("macro"), so long articles do not outweigh short ones.

use std::collections::HashMap;

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(text.get(s..i).unwrap_or(""));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(text.get(s..).unwrap_or(""));
    }
    out
}

/// True positives, false positives, false negatives of one document, normalised to sum to 1.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

fn bag<'a>(items: impl Iterator<Item = Vec<&'a str>>) -> HashMap<Vec<&'a str>, usize> {
    let mut m = HashMap::new();
    for k in items {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

/// Counts over `n`-token shingles (`n = 1`: single tokens).
pub fn counts(expected: &str, predicted: &str, n: usize) -> Counts {
    let n = n.max(1);
    let shingles = |t: &str| -> Vec<Vec<String>> {
        let toks = tokens(t);
        if toks.is_empty() {
            return Vec::new();
        }
        let k = toks.len().saturating_sub(n) + 1;
        (0..k)
            .map(|i| {
                toks.get(i..(i + n).min(toks.len()))
                    .unwrap_or(&[])
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            })
            .collect()
    };
    let e = shingles(expected);
    let p = shingles(predicted);
    let eb = bag(e.iter().map(|v| v.iter().map(String::as_str).collect()));
    let pb = bag(p.iter().map(|v| v.iter().map(String::as_str).collect()));
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &c) in &eb {
        let pc = pb.get(k).copied().unwrap_or(0);
        tp += c.min(pc) as f64;
        fn_ += c.saturating_sub(pc) as f64;
    }
    for (k, &c) in &pb {
        let ec = eb.get(k).copied().unwrap_or(0);
        fp += c.saturating_sub(ec) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        Counts {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        Counts::default()
    }
}

/// Macro precision, recall and F1 over documents.
pub fn prf(docs: &[Counts]) -> (f64, f64, f64) {
    let prec: Vec<f64> = docs
        .iter()
        .filter(|c| c.tp + c.fp > 0.0)
        .map(|c| {
            if c.fp == 0.0 && c.fn_ == 0.0 {
                1.0
            } else {
                c.tp / (c.tp + c.fp)
            }
        })
        .collect();
    let rec: Vec<f64> = docs
        .iter()
        .filter(|c| c.tp + c.fn_ > 0.0)
        .map(|c| {
            if c.fp == 0.0 && c.fn_ == 0.0 {
                1.0
            } else {
                c.tp / (c.tp + c.fn_)
            }
        })
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&prec), mean(&rec));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_partial_and_empty() {
        let c = counts(
            "the river rose two metres overnight",
            "the river rose two metres overnight",
            1,
        );
        assert_eq!(prf(&[c]), (1.0, 1.0, 1.0));
        let c = counts("a b c d", "a b x y", 1);
        let (p, r, _) = prf(&[c]);
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9);
        assert_eq!(counts("", "", 4), Counts::default());
        assert_eq!(
            tokens("Zürich, 3,000 — don't"),
            vec!["Zürich", "3", "000", "don", "t"]
        );
    }
}
