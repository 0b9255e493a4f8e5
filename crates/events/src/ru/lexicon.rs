//! The Russian trigger lexicon (`data/events/ru/triggers.tsv`), parsed once.

use once_cell::sync::Lazy;

const TRIGGERS: &str = include_str!("../../../../data/events/ru/triggers.tsv");

/// One word of a trigger phrase: exact, or a beginning ("землетрясени*").
#[derive(Debug, Clone)]
pub struct Pat {
    pub text: String,
    pub prefix: bool,
}

impl Pat {
    fn parse(w: &str) -> Pat {
        match w.strip_suffix('*') {
            Some(p) => Pat {
                text: p.to_string(),
                prefix: true,
            },
            None => Pat {
                text: w.to_string(),
                prefix: false,
            },
        }
    }
    pub fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(&self.text)
        } else {
            word == self.text
        }
    }
}

#[derive(Debug, Clone)]
pub struct Trig {
    pub kind: &'static str,
    pub words: Vec<Pat>,
    pub veto: Vec<Pat>,
    pub ctx: Vec<Pat>,
}

fn pats(list: &str) -> Vec<Pat> {
    list.split('|')
        .filter(|w| !w.is_empty())
        .map(Pat::parse)
        .collect()
}

pub static TRIGS: Lazy<Vec<Trig>> = Lazy::new(|| {
    let mut out = Vec::new();
    for line in TRIGGERS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = line.split('\t').collect();
        let (Some(&kind), Some(&phrase)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let mut t = Trig {
            kind,
            words: phrase
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(Pat::parse)
                .collect(),
            veto: Vec::new(),
            ctx: Vec::new(),
        };
        for opt in cols.get(2).copied().unwrap_or("").split(',') {
            if let Some(v) = opt.strip_prefix("veto=") {
                t.veto = pats(v);
            } else if let Some(v) = opt.strip_prefix("ctx=") {
                t.ctx = pats(v);
            }
        }
        if !t.words.is_empty() {
            out.push(t);
        }
    }
    // longest phrases first
    out.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    out
});
