//! Full-text search in Russian documents: SQLite's `contents_ru_fts` (unicode61, no English
//! stemmer) queried with Snowball-stemmed prefixes, PostgreSQL's `tsv_ru` ('russian'
//! configuration). Runs only for queries with Cyrillic letters, so English searches are
//! unchanged.

use crate::db::Dialect;
use crate::db::{Db, Val};
use crate::sql::{doc_ref, DOC_COLS};
use crate::{Result, SearchHit};
use once_cell::sync::Lazy;
use rust_stemmers::{Algorithm, Stemmer};

static STEMMER: Lazy<Stemmer> = Lazy::new(|| Stemmer::create(Algorithm::Russian));

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// The FTS5 query of a user's words: Russian words as quoted stem prefixes ("погибш"*),
/// others quoted as they are; never FTS5 syntax from user text.
pub(crate) fn fts5_query(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| {
            if cyrillic(t) {
                let lc = t.to_lowercase().replace('ё', "е");
                format!("\"{}\"*", STEMMER.stem(&lc))
            } else {
                format!("\"{t}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Documents in Russian that match `query`, best first.
pub(crate) fn document_hits(
    db: &mut Box<dyn Db>,
    dialect: Dialect,
    query: &str,
    lim: Val,
) -> Result<Vec<SearchHit>> {
    if !cyrillic(query) {
        return Ok(Vec::new());
    }
    let (sql, q): (String, Val) = match dialect {
        Dialect::Sqlite => (
            format!(
                "SELECT snippet(contents_ru_fts, 1, '[', ']', '…', 16), -bm25(contents_ru_fts), \
                 {DOC_COLS} FROM contents_ru_fts JOIN contents c ON c.id = contents_ru_fts.rowid \
                 JOIN documents d ON d.id = c.first_doc WHERE contents_ru_fts MATCH $1 \
                 ORDER BY bm25(contents_ru_fts) LIMIT $2"
            ),
            fts5_query(query).into(),
        ),
        Dialect::Postgres => (
            format!(
                "SELECT ts_headline('russian', left(c.text, 20000), q, \
                 'StartSel=[, StopSel=], MaxWords=20, MinWords=8'), \
                 CAST(ts_rank(c.tsv_ru, q) AS DOUBLE PRECISION), {DOC_COLS} \
                 FROM contents c, plainto_tsquery('russian', $1) q, documents d \
                 WHERE c.tsv_ru @@ q AND d.id = c.first_doc ORDER BY ts_rank(c.tsv_ru, q) DESC LIMIT $2"
            ),
            query.into(),
        ),
    };
    Ok(db
        .query(&sql, &[q, lim])?
        .iter()
        .map(|r| SearchHit {
            kind: "document".into(),
            rid: None,
            snippet: r.first().and_then(Val::text).unwrap_or_default(),
            score: r.get(1).and_then(Val::real).unwrap_or(0.0),
            doc: doc_ref(r, 2),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_words_become_stem_prefixes() {
        assert_eq!(fts5_query("погибших Острин"), "\"погибш\"* \"острин\"*");
        assert_eq!(fts5_query("curfew"), "\"curfew\"");
    }
}
