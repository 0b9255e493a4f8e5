//! The store over SQL, written once for both backends (see `db.rs` for where they differ).

use crate::bulk::{insert_many, Pending};
use crate::dates::{bound, date_span, figure_dates};
use crate::db::{Db, Dialect, PgDb, SqliteDb, Val};
use crate::fingerprint::Fingerprint;
use crate::identity::{place_name_key, source_key};
use crate::rows::record_rows;
use crate::{
    Appearance, ClaimRow, DocRef, DocumentRow, EntityRow, EventRow, FigureRow, Filter, Incoming,
    PutOutcome, Result, SearchHit, StaleDoc, Stats, Store, StoreError, Triage,
};
use newsledger_model::{Document, FigureValue, Meta, ValueKind};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// A migration: version, name, SQL, and a Rust step run after the SQL in the same
/// transaction (for repairs SQL alone cannot express).
type Migration = (i64, &'static str, &'static str, Option<RustStep>);
type RustStep = fn(&mut dyn Db) -> Result<()>;

const SQLITE_MIGRATIONS: &[Migration] = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
        None,
    ),
    (
        2,
        "dates_story",
        include_str!("../migrations/sqlite/0002_dates_story.sql"),
        Some(repair_dates),
    ),
    (
        3,
        "language",
        include_str!("../migrations/sqlite/0003_language.sql"),
        None,
    ),
    (
        4,
        "russian_search",
        include_str!("../migrations/sqlite/0004_russian_search.sql"),
        None,
    ),
    (
        5,
        "band_index",
        include_str!("../migrations/sqlite/0005_band_index.sql"),
        None,
    ),
    (
        6,
        "unsourced_claims",
        include_str!("../migrations/sqlite/0006_unsourced_claims.sql"),
        None,
    ),
];
const PG_MIGRATIONS: &[Migration] = &[
    (
        1,
        "init",
        include_str!("../migrations/postgres/0001_init.sql"),
        None,
    ),
    (
        2,
        "dates_story",
        include_str!("../migrations/postgres/0002_dates_story.sql"),
        Some(repair_dates),
    ),
    (
        3,
        "language",
        include_str!("../migrations/postgres/0003_language.sql"),
        None,
    ),
    (
        4,
        "russian_search",
        include_str!("../migrations/postgres/0004_russian_search.sql"),
        None,
    ),
    (
        5,
        "band_index",
        include_str!("../migrations/postgres/0005_band_index.sql"),
        None,
    ),
    (
        6,
        "unsourced_claims",
        include_str!("../migrations/postgres/0006_unsourced_claims.sql"),
        None,
    ),
];

/// Any PostgreSQL writer holds this advisory lock for the length of its transaction, so
/// concurrent writers (several workers) see each other's texts when deciding what is a
/// duplicate. Extraction still runs in parallel; only the short writes queue.
const PG_WRITE_LOCK: i64 = 0x6e65_7773_6c64_6772;
const PG_MIGRATE_LOCK: i64 = 0x6e65_7773_6c64_6d67;

/// The [`Store`] over SQLite or PostgreSQL.
pub struct SqlStore {
    db: Mutex<Box<dyn Db>>,
    dialect: Dialect,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The key under which versions of one article are counted: its URL without fragment or
/// trailing slash, or its input id when it has no URL.
pub fn url_key(doc: &Document) -> String {
    match doc.meta.url.as_deref().map(str::trim) {
        Some(u) if !u.is_empty() => {
            let u = u.split('#').next().unwrap_or(u);
            u.trim_end_matches('/').to_string()
        }
        _ => format!("id:{}", doc.id),
    }
}

fn published(meta: &Meta) -> Option<String> {
    meta.published.map(|d| d.format("%Y-%m-%d").to_string())
}

impl SqlStore {
    /// Open or create a SQLite store at `path`.
    pub fn open_sqlite(path: &Path) -> Result<SqlStore> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let conn = rusqlite::Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers never block the writer; synchronous=NORMAL keeps every committed
        // transaction across a process crash (only an OS crash may lose the last ones,
        // and never leaves a partial one).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_prepared_statement_cache_capacity(256);
        let mut db = SqliteDb::new(conn);
        migrate(&mut db, SQLITE_MIGRATIONS)?;
        Ok(SqlStore {
            db: Mutex::new(Box::new(db)),
            dialect: Dialect::Sqlite,
        })
    }

    /// Connect to a PostgreSQL store (`postgres://user@host:port/db`), migrating it.
    pub fn open_postgres(url: &str) -> Result<SqlStore> {
        let client = postgres::Client::connect(url, postgres::NoTls)?;
        let mut db = PgDb::new(client);
        db.batch("SET client_min_messages = WARNING")?;
        db.batch(&format!("SELECT pg_advisory_lock({PG_MIGRATE_LOCK})"))?;
        let r = migrate(&mut db, PG_MIGRATIONS);
        db.batch(&format!("SELECT pg_advisory_unlock({PG_MIGRATE_LOCK})"))?;
        r?;
        Ok(SqlStore {
            db: Mutex::new(Box::new(db)),
            dialect: Dialect::Postgres,
        })
    }

    fn lock(&self) -> Result<MutexGuard<'_, Box<dyn Db>>> {
        self.db
            .lock()
            .map_err(|_| StoreError::Other("store lock poisoned by an earlier panic".into()))
    }

    fn begin(&self, db: &mut Box<dyn Db>) -> Result<()> {
        match self.dialect {
            Dialect::Sqlite => db.batch("BEGIN IMMEDIATE"),
            Dialect::Postgres => db.batch(&format!(
                "BEGIN; SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})"
            )),
        }
    }

    /// Run `f` per item inside one transaction, one savepoint per item: an item that fails
    /// is rolled back alone and reported; a failed commit fails the whole batch.
    fn in_batch<T>(
        &self,
        items: &[T],
        f: impl FnMut(&mut Box<dyn Db>, &T) -> Result<PutOutcome>,
    ) -> Result<Vec<PutOutcome>> {
        let mut db = self.lock()?;
        self.in_batch_locked(&mut db, items, f)
    }

    /// [`Self::in_batch`] on a connection already taken.
    fn in_batch_locked<T>(
        &self,
        db: &mut Box<dyn Db>,
        items: &[T],
        mut f: impl FnMut(&mut Box<dyn Db>, &T) -> Result<PutOutcome>,
    ) -> Result<Vec<PutOutcome>> {
        self.begin(db)?;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            if let Err(e) = db.batch("SAVEPOINT doc") {
                let _ = db.batch("ROLLBACK");
                return Err(e);
            }
            match f(db, it) {
                Ok(o) => {
                    db.batch("RELEASE SAVEPOINT doc")?;
                    out.push(o);
                }
                Err(e) => {
                    if let Err(e2) = db.batch("ROLLBACK TO SAVEPOINT doc; RELEASE SAVEPOINT doc") {
                        let _ = db.batch("ROLLBACK");
                        return Err(e2);
                    }
                    out.push(PutOutcome::Failed {
                        error: e.to_string(),
                    });
                }
            }
        }
        if let Err(e) = db.batch("COMMIT") {
            let _ = db.batch("ROLLBACK");
            return Err(e);
        }
        Ok(out)
    }

    /// The fast path of a batch: one transaction, no savepoints, every record row of the
    /// batch written at the end in multi-row statements. Any error rolls the whole batch
    /// back and is returned (the caller then takes the per-document path).
    fn put_bulk(
        &self,
        db: &mut Box<dyn Db>,
        docs: &[Incoming],
        version: &str,
    ) -> Result<Vec<PutOutcome>> {
        self.begin(db)?;
        let mut run = || -> Result<Vec<PutOutcome>> {
            let mut later = Pending::default();
            let mut out = Vec::with_capacity(docs.len());
            for inc in docs {
                out.push(put_one(db, inc, version, Some(&mut later))?);
            }
            later.flush(db)?;
            db.batch("COMMIT")?;
            Ok(out)
        };
        let r = run();
        if r.is_err() {
            let _ = db.batch("ROLLBACK");
        }
        r
    }
}

fn migrate(db: &mut dyn Db, migrations: &[Migration]) -> Result<()> {
    db.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )?;
    let done: HashSet<i64> = db
        .query("SELECT version FROM schema_migrations", &[])?
        .iter()
        .filter_map(|r| r.first().and_then(Val::int))
        .collect();
    for (v, name, sql, step) in migrations {
        if done.contains(v) {
            continue;
        }
        db.batch("BEGIN")?;
        let r = db.batch(sql).and_then(|()| match step {
            Some(f) => f(db),
            None => Ok(()),
        });
        let r = r.and_then(|()| {
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                &[Val::Int(*v), (*name).into(), now().into()],
            )
        });
        match r {
            Ok(_) => db.batch("COMMIT")?,
            Err(e) => {
                let _ = db.batch("ROLLBACK");
                return Err(StoreError::Other(format!("migration {v} ({name}): {e}")));
            }
        }
    }
    Ok(())
}

/// Migration 2's repair of rows written before dates were dates: a figure `as_of` coarser
/// than a day becomes its `period` (with first and last day) and the figure holds as of
/// the publication day of its document (also in its stored JSON); events and claims get
/// the first and last day of their dates. Records also carry a pipeline version older than
/// the one that writes these columns, so `reprocess` re-runs them in full.
fn repair_dates(db: &mut dyn Db) -> Result<()> {
    let rows = db.query(
        "SELECT f.id, f.as_of, f.json, d.published FROM figures f \
         JOIN contents c ON c.id = f.content_id JOIN documents d ON d.id = c.first_doc",
        &[],
    )?;
    for r in &rows {
        let dates = figure_dates(os(r, 1).as_deref(), None, os(r, 3).as_deref());
        let mut js: serde_json::Value = serde_json::from_str(&s(r, 2))?;
        if let Some(o) = js.as_object_mut() {
            o.insert("as_of".into(), dates.as_of.clone().into());
            match &dates.period {
                Some(p) => {
                    o.insert("period".into(), p.clone().into());
                }
                None => {
                    o.remove("period");
                }
            }
        }
        db.execute(
            "UPDATE figures SET as_of = $1, as_of_day = $2, period = $3, period_start = $4, \
             period_end = $5, json = $6 WHERE id = $7",
            &[
                dates.as_of.into(),
                dates.as_of_day.into(),
                dates.period.into(),
                dates.period_start.into(),
                dates.period_end.into(),
                js.to_string().into(),
                col(r, 0).clone(),
            ],
        )?;
    }
    for table in ["events", "claims"] {
        let rows = db.query(&format!("SELECT id, date FROM {table}"), &[])?;
        for r in &rows {
            let (a, b) = date_span(os(r, 1).as_deref());
            db.execute(
                &format!("UPDATE {table} SET date_start = $1, date_end = $2 WHERE id = $3"),
                &[a.into(), b.into(), col(r, 0).clone()],
            )?;
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ reading rows

fn col(r: &[Val], i: usize) -> &Val {
    r.get(i).unwrap_or(&Val::Null)
}
fn s(r: &[Val], i: usize) -> String {
    col(r, i).text().unwrap_or_default()
}
fn os(r: &[Val], i: usize) -> Option<String> {
    col(r, i).text()
}
fn n(r: &[Val], i: usize) -> i64 {
    col(r, i).int().unwrap_or(0)
}
fn on(r: &[Val], i: usize) -> Option<i64> {
    col(r, i).int()
}

/// Columns of [`DocRef`] in queries: the document the record's text first appeared in.
pub(crate) const DOC_COLS: &str =
    "d.id, d.content_id, d.ext_id, d.url, d.url_key, d.outlet, d.title, \
     d.published, d.version, d.is_current, d.language";

pub(crate) fn doc_ref(r: &[Val], at: usize) -> DocRef {
    DocRef {
        doc_id: n(r, at),
        content_id: n(r, at + 1),
        ext_id: s(r, at + 2),
        url: os(r, at + 3),
        url_key: s(r, at + 4),
        outlet: os(r, at + 5),
        title: os(r, at + 6),
        published: os(r, at + 7),
        version: n(r, at + 8),
        is_current: n(r, at + 9) != 0,
        language: os(r, at + 10),
    }
}

/// A stored `[span_start, span_end)` pair (never negative; checked valid when written).
fn span(r: &[Val], at: usize) -> [usize; 2] {
    [n(r, at).max(0) as usize, n(r, at + 1).max(0) as usize]
}

fn value_kind(s: &str) -> ValueKind {
    match s {
        "at_least" => ValueKind::AtLeast,
        "at_most" => ValueKind::AtMost,
        "approx" => ValueKind::Approx,
        "range" => ValueKind::Range,
        "vague" => ValueKind::Vague,
        _ => ValueKind::Exact,
    }
}

/// Builds a WHERE clause with numbered parameters.
struct Where {
    conds: Vec<String>,
    params: Vec<Val>,
}

impl Where {
    fn new() -> Self {
        Where {
            conds: Vec::new(),
            params: Vec::new(),
        }
    }
    fn p(&mut self, v: impl Into<Val>) -> String {
        self.params.push(v.into());
        format!("${}", self.params.len())
    }
    fn add(&mut self, cond: String) {
        self.conds.push(cond);
    }
    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conds.join(" AND "))
        }
    }
    fn page(&mut self, f: &Filter) -> String {
        let lim = f.limit.map_or(i64::MAX, |l| l as i64);
        let a = self.p(lim);
        let b = self.p(f.offset as i64);
        format!("LIMIT {a} OFFSET {b}")
    }
    /// The filter's `from`/`to` on stored day columns (ISO days: text order is date
    /// order): the record's last day on or after `from`, its first day on or before `to`.
    /// A coarse bound (`2031-03`) counts from its first day or to its last.
    fn days(&mut self, f: &Filter, first_col: &str, last_col: &str) {
        if let Some(a) = &f.from {
            let p = self.p(bound(a, false).unwrap_or_else(|| a.clone()));
            self.add(format!("{last_col} >= {p}"));
        }
        if let Some(b) = &f.to {
            let p = self.p(bound(b, true).unwrap_or_else(|| b.clone()));
            self.add(format!("{first_col} <= {p}"));
        }
    }
    /// A place filter: a `gn:` key, or a name matched against the place key and against
    /// the GeoNames ids that entities of that name carry.
    fn place(&mut self, column: &str, place: &str) {
        if place.starts_with("gn:") {
            let p = self.p(place);
            self.add(format!("{column} = {p}"));
        } else {
            let k = place_name_key(place);
            let p1 = self.p(format!("name:{k}"));
            let p2 = self.p(k);
            self.add(format!(
                "({column} = {p1} OR {column} IN (SELECT 'gn:' || CAST(geonames_id AS TEXT) \
                 FROM entities WHERE name_key = {p2} AND geonames_id IS NOT NULL))"
            ));
        }
    }
}

// ------------------------------------------------------------------ writing

/// Decide, against what is stored, what to do with one document.
fn classify(
    db: &mut Box<dyn Db>,
    doc: &Document,
    fp: &Fingerprint,
) -> Result<(Triage, Option<(i64, bool)>)> {
    let key = url_key(doc);
    let hit = db.query(
        "SELECT id, dup_of FROM contents WHERE hash = $1",
        &[fp.hash.clone().into()],
    )?;
    if let Some(r) = hit.first() {
        let cid = n(r, 0);
        let seen = db.query(
            "SELECT id FROM documents WHERE url_key = $1 AND content_id = $2",
            &[key.into(), Val::Int(cid)],
        )?;
        if !seen.is_empty() {
            return Ok((Triage::Unchanged, Some((cid, false))));
        }
        return Ok((Triage::Copy, Some((cid, false))));
    }
    // A new text at a URL we already have is a revision, never merged into a copy: the
    // outlet's own change of figures is what the revision is for.
    let known_url = !db
        .query(
            "SELECT id FROM documents WHERE url_key = $1 LIMIT 1",
            &[key.into()],
        )?
        .is_empty();
    let keys = fp.band_keys();
    if !known_url && !keys.is_empty() {
        // The texts sharing the most bands first: the likeliest copies. Each band gives at
        // most its BAND_RECENT newest texts, so look-alike texts (a templated bulletin
        // updated all day) do not make every lookup read all their predecessors.
        // The texts sharing the most bands first: the likeliest copies. (Reading each band's
        // newest texts only, in one UNION ALL per band, was cheaper for one writer among
        // thousands of look-alike texts but cost PostgreSQL 60% more CPU per document with
        // two concurrent workers; measured with scripts/bench-workers.sh, session 5.)
        let ph: Vec<String> = (1..=keys.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT c.id, c.minhash, c.numbers, c.words FROM contents c JOIN \
             (SELECT content_id, COUNT(*) AS hits FROM content_bands WHERE band_key IN ({}) \
              GROUP BY content_id ORDER BY hits DESC, content_id LIMIT 20) m \
             ON m.content_id = c.id WHERE c.dup_of IS NULL ORDER BY m.hits DESC, c.id",
            ph.join(", ")
        );
        let params: Vec<Val> = keys.iter().map(|&k| Val::Int(k)).collect();
        for r in &db.query(&sql, &params)? {
            let sig = Fingerprint::parse_minhash(&s(r, 1));
            if fp.near(&sig, &s(r, 2), n(r, 3) as usize) {
                return Ok((Triage::Copy, Some((n(r, 0), true))));
            }
        }
    }
    Ok((Triage::New, None))
}

/// Add one appearance of `content_id` at the document's URL as its next version.
fn add_document(
    db: &mut Box<dyn Db>,
    doc: &Document,
    content_id: i64,
    canonical_id: i64,
) -> Result<(i64, i64)> {
    let key = url_key(doc);
    let prev = db.query(
        "SELECT COALESCE(MAX(version), 0) FROM documents WHERE url_key = $1",
        &[key.clone().into()],
    )?;
    let version = prev.first().map_or(0, |r| n(r, 0)) + 1;
    db.execute(
        "UPDATE documents SET is_current = 0 WHERE url_key = $1 AND is_current = 1",
        &[key.clone().into()],
    )?;
    let outlet_key = doc.meta.outlet.as_deref().map(source_key);
    let id = db.query(
        "INSERT INTO documents (ext_id, url_key, url, outlet, outlet_key, title, published, \
         version, is_current, content_id, canonical_id, ingested_at, language) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12) RETURNING id",
        &[
            doc.id.clone().into(),
            key.into(),
            doc.meta.url.clone().into(),
            doc.meta.outlet.clone().into(),
            outlet_key.into(),
            doc.meta.title.clone().into(),
            published(&doc.meta).into(),
            Val::Int(version),
            Val::Int(content_id),
            Val::Int(canonical_id),
            now().into(),
            doc.meta.language.clone().into(),
        ],
    )?;
    let id = id
        .first()
        .and_then(|r| r.first())
        .and_then(Val::int)
        .ok_or_else(|| StoreError::Other("insert returned no id".into()))?;
    Ok((id, version))
}

/// Insert the records of a processed document for `content_id`; returns (count, skipped).
/// With `later`, the record rows are queued there for one multi-row write at the end of the
/// batch (nothing in the batch reads them back); without it they are written now, one
/// multi-row statement per table. `mark` stamps the content row with the version; a new
/// content row is stamped by its INSERT instead (see [`insert_content`]).
fn insert_records(
    db: &mut Box<dyn Db>,
    content_id: i64,
    doc: &Document,
    version: &str,
    later: Option<&mut Pending>,
    mark: bool,
) -> Result<(usize, Vec<String>)> {
    let rows = record_rows(doc, version);
    let mut skipped = rows.skipped;
    let mut seen: HashSet<(&str, String)> = HashSet::new();
    let mut count = 0;
    let mut now_rows = Pending::default();
    let queue = match later {
        Some(p) => p,
        None => &mut now_rows,
    };
    let mut cols_of: HashMap<&str, Vec<&'static str>> = HashMap::new();
    for (table, cols, mut vals) in rows.rows {
        let rid = vals.first().and_then(Val::text).unwrap_or_default();
        if !seen.insert((table, rid.clone())) {
            skipped.push(format!("{table} {rid}: repeated id"));
            continue;
        }
        let all = cols_of.entry(table).or_insert_with(|| {
            let mut all = vec!["content_id"];
            all.extend_from_slice(cols);
            all
        });
        vals.insert(0, Val::Int(content_id));
        queue.push(table, all, vals);
        count += 1;
    }
    for (kind, rid, body) in rows.search {
        if body.trim().is_empty() {
            continue;
        }
        queue.push(
            "search_items",
            &["content_id", "kind", "rid", "body"],
            vec![Val::Int(content_id), kind.into(), rid.into(), body.into()],
        );
    }
    now_rows.flush(db)?;
    if mark {
        db.execute(
            "UPDATE contents SET pipeline_version = $1, processed_at = $2 WHERE id = $3",
            &[version.into(), now().into(), Val::Int(content_id)],
        )?;
    }
    Ok((count, skipped))
}

/// Store one document. With `later`, its record rows are queued for the end of the batch.
fn put_one(
    db: &mut Box<dyn Db>,
    inc: &Incoming,
    version: &str,
    later: Option<&mut Pending>,
) -> Result<PutOutcome> {
    let doc = &inc.doc;
    let fp = Fingerprint::of(&doc.text);
    let (triage, hit) = classify(db, doc, &fp)?;
    match (triage, hit) {
        (Triage::Unchanged, Some((cid, _))) => {
            let r = db.query(
                "SELECT id FROM documents WHERE url_key = $1 AND content_id = $2",
                &[url_key(doc).into(), Val::Int(cid)],
            )?;
            Ok(PutOutcome::Unchanged {
                doc_id: r.first().map_or(0, |r| n(r, 0)),
            })
        }
        (Triage::Copy, Some((cid, near))) => {
            let canonical = db
                .query(
                    "SELECT COALESCE(dup_of, id) FROM contents WHERE id = $1",
                    &[Val::Int(cid)],
                )?
                .first()
                .map_or(cid, |r| n(r, 0));
            let content_id = if near {
                // Keep the near-copy's own text (nothing is lost), pointing at the original.
                insert_content(db, doc, &fp, Some(canonical), None)?
            } else {
                cid
            };
            let (doc_id, _) = add_document(db, doc, content_id, canonical)?;
            if near {
                db.execute(
                    "UPDATE contents SET first_doc = $1 WHERE id = $2",
                    &[Val::Int(doc_id), Val::Int(content_id)],
                )?;
            }
            Ok(PutOutcome::Duplicate {
                doc_id,
                of_content: canonical,
                near,
            })
        }
        _ => {
            // A processed text is stamped with the version by its own INSERT: a later UPDATE
            // of the indexed version column would rewrite the row and every index entry,
            // full-text ones included (on PostgreSQL, a fifth of the store's time).
            let stamp = inc.processed.then_some(version);
            let content_id = insert_content(db, doc, &fp, None, stamp)?;
            let (doc_id, v) = add_document(db, doc, content_id, content_id)?;
            db.execute(
                "UPDATE contents SET first_doc = $1 WHERE id = $2",
                &[Val::Int(doc_id), Val::Int(content_id)],
            )?;
            let (records, skipped) = if inc.processed {
                insert_records(db, content_id, doc, version, later, false)?
            } else {
                (0, Vec::new())
            };
            Ok(PutOutcome::Stored {
                doc_id,
                content_id,
                version: v,
                records,
                skipped,
            })
        }
    }
}

/// Insert a content row; `stamp` is the pipeline version of a text whose records follow in
/// the same transaction (None: not processed yet, or a near-copy that carries no records).
fn insert_content(
    db: &mut Box<dyn Db>,
    doc: &Document,
    fp: &Fingerprint,
    dup_of: Option<i64>,
    stamp: Option<&str>,
) -> Result<i64> {
    let r = db.query(
        "INSERT INTO contents (hash, minhash, numbers, words, dup_of, title, text, \
         pipeline_version, processed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        &[
            fp.hash.clone().into(),
            fp.minhash_hex().into(),
            fp.numbers.clone().into(),
            Val::Int(fp.words as i64),
            dup_of.into(),
            doc.meta.title.clone().into(),
            doc.text.clone().into(),
            stamp.map(str::to_string).into(),
            stamp.map(|_| now()).into(),
        ],
    )?;
    let id = r
        .first()
        .and_then(|r| r.first())
        .and_then(Val::int)
        .ok_or_else(|| StoreError::Other("insert returned no id".into()))?;
    // Only originals are looked up as near-copy targets.
    if dup_of.is_none() {
        // Written now, not queued: the next document of the batch looks copies up here.
        let rows: Vec<Vec<Val>> = fp
            .band_keys()
            .into_iter()
            .map(|k| vec![Val::Int(k), Val::Int(id)])
            .collect();
        insert_many(db, "content_bands", &["band_key", "content_id"], &rows)?;
    }
    Ok(id)
}

// ------------------------------------------------------------------ the trait

impl Store for SqlStore {
    fn backend(&self) -> &'static str {
        match self.dialect {
            Dialect::Sqlite => "sqlite",
            Dialect::Postgres => "postgres",
        }
    }

    fn triage(&self, docs: &[&Document]) -> Result<Vec<Triage>> {
        let mut db = self.lock()?;
        let mut out = Vec::with_capacity(docs.len());
        // Two documents of one batch can copy each other: the second is a copy once the
        // first is stored, so it needs no pipeline run either.
        let mut batch_hashes: HashMap<String, String> = HashMap::new();
        for d in docs {
            let fp = Fingerprint::of(&d.text);
            let (t, _) = classify(&mut db, d, &fp)?;
            let t = match (t, batch_hashes.get(&fp.hash)) {
                (Triage::New, Some(k)) if *k != url_key(d) => Triage::Copy,
                (Triage::New, Some(_)) => Triage::Unchanged,
                (t, _) => t,
            };
            batch_hashes.entry(fp.hash).or_insert_with(|| url_key(d));
            out.push(t);
        }
        Ok(out)
    }

    fn put_batch(&self, docs: &[Incoming], pipeline_version: &str) -> Result<Vec<PutOutcome>> {
        let mut db = self.lock()?;
        match self.put_bulk(&mut db, docs, pipeline_version) {
            Ok(out) => Ok(out),
            // Something in the batch failed: the transaction is rolled back and the batch
            // runs again one document at a time, so only the failing one is refused.
            Err(_) => self.in_batch_locked(&mut db, docs, |db, inc| {
                put_one(db, inc, pipeline_version, None)
            }),
        }
    }

    fn stats(&self) -> Result<Stats> {
        let mut db = self.lock()?;
        let mut count =
            |sql: &str| -> Result<i64> { Ok(db.query(sql, &[])?.first().map_or(0, |r| n(r, 0))) };
        Ok(Stats {
            documents: count("SELECT COUNT(*) FROM documents")?,
            contents: count("SELECT COUNT(*) FROM contents")?,
            canonical: count("SELECT COUNT(*) FROM contents WHERE dup_of IS NULL")?,
            urls: count("SELECT COUNT(DISTINCT url_key) FROM documents")?,
            figures: count("SELECT COUNT(*) FROM figures")?,
            claims: count("SELECT COUNT(*) FROM claims")?,
            entities: count("SELECT COUNT(*) FROM entities")?,
            events: count("SELECT COUNT(*) FROM events")?,
            timexes: count("SELECT COUNT(*) FROM timexes")?,
            unprocessed: count(
                "SELECT COUNT(*) FROM contents WHERE dup_of IS NULL AND pipeline_version IS NULL",
            )?,
        })
    }

    fn figures(&self, f: &Filter) -> Result<Vec<FigureRow>> {
        let mut w = Where::new();
        if let Some(cid) = f.content_id {
            let p = w.p(cid);
            w.add(format!("f.content_id = {p}"));
        }
        if let Some(m) = &f.metric {
            let p = w.p(m.as_str());
            w.add(format!("f.metric = {p}"));
        }
        if let Some(g) = &f.kind {
            let p = w.p(g.as_str());
            w.add(format!("f.group_class = {p}"));
        }
        if let Some(pl) = &f.place {
            w.place("f.place_key", pl);
        }
        if let Some(src) = &f.source {
            let p = w.p(source_key(src));
            w.add(format!("f.origin_key = {p}"));
        }
        w.days(f, "f.as_of_day", "f.as_of_day");
        let page = w.page(f);
        let sql = format!(
            "SELECT f.id, f.rid, f.metric, f.group_class, f.group_text, f.place, f.place_key, \
             f.as_of, f.as_of_day, f.origin, f.origin_key, f.sources, f.value_kind, f.low, \
             f.high, f.value_text, f.hedged, f.claim_rid, f.sentence, f.pipeline_version, \
             {DOC_COLS}, f.span_start, f.span_end, f.period, f.period_start, f.period_end, \
             f.increment, f.part_of, f.revises, f.retracted FROM figures f JOIN contents c ON c.id = f.content_id \
             JOIN documents d ON d.id = c.first_doc {} ORDER BY f.as_of_day IS NULL, f.as_of_day, f.id {page}",
            w.sql()
        );
        let rows = self.lock()?.query(&sql, &w.params)?;
        Ok(rows
            .iter()
            .map(|r| FigureRow {
                id: n(r, 0),
                rid: s(r, 1),
                metric: s(r, 2),
                group_class: s(r, 3),
                group_text: s(r, 4),
                place: os(r, 5),
                place_key: os(r, 6),
                as_of: os(r, 7),
                as_of_day: os(r, 8),
                origin: s(r, 9),
                origin_key: s(r, 10),
                sources: serde_json::from_str(&s(r, 11)).unwrap_or_default(),
                value: FigureValue {
                    kind: value_kind(&s(r, 12)),
                    low: n(r, 13).max(0) as u64,
                    high: on(r, 14).map(|h| h.max(0) as u64),
                    text: s(r, 15),
                },
                hedged: n(r, 16) != 0,
                claim: os(r, 17),
                sentence: s(r, 18),
                pipeline_version: s(r, 19),
                doc: doc_ref(r, 20),
                span: span(r, 31),
                period: os(r, 33),
                period_start: os(r, 34),
                period_end: os(r, 35),
                increment: n(r, 36) != 0,
                part_of: os(r, 37),
                revises: os(r, 38),
                retracted: n(r, 39) != 0,
            })
            .collect())
    }

    fn events(&self, f: &Filter) -> Result<Vec<EventRow>> {
        let mut w = Where::new();
        if let Some(cid) = f.content_id {
            let p = w.p(cid);
            w.add(format!("e.content_id = {p}"));
        }
        if let Some(k) = &f.kind {
            let p = w.p(k.as_str());
            w.add(format!("e.type = {p}"));
        }
        if let Some(pl) = &f.place {
            w.place("e.place_key", pl);
        }
        if let Some(src) = &f.source {
            let p = w.p(source_key(src));
            w.add(format!("(e.agent_key = {p} OR e.target_key = {p})"));
        }
        w.days(f, "e.date_start", "e.date_end");
        let page = w.page(f);
        let sql = format!(
            "SELECT e.id, e.rid, e.type, e.place, e.place_key, e.date, e.date_day, e.agent, \
             e.agent_key, e.target, e.target_key, e.status, e.hedged, e.trigger_text, \
             e.sentence, e.claim_rid, cl.speaker, e.pipeline_version, {DOC_COLS}, \
             e.span_start, e.span_end, e.date_start, e.date_end \
             FROM events e JOIN contents c ON c.id = e.content_id \
             JOIN documents d ON d.id = c.first_doc \
             LEFT JOIN claims cl ON cl.content_id = e.content_id AND cl.rid = e.claim_rid \
             {} ORDER BY e.date_start IS NULL, e.date_start, e.id {page}",
            w.sql()
        );
        let rows = self.lock()?.query(&sql, &w.params)?;
        Ok(rows
            .iter()
            .map(|r| EventRow {
                id: n(r, 0),
                rid: s(r, 1),
                kind: s(r, 2),
                place: os(r, 3),
                place_key: os(r, 4),
                date: os(r, 5),
                date_day: os(r, 6),
                agent: os(r, 7),
                agent_key: os(r, 8),
                target: os(r, 9),
                target_key: os(r, 10),
                status: s(r, 11),
                hedged: n(r, 12) != 0,
                trigger: s(r, 13),
                sentence: s(r, 14),
                claim: os(r, 15),
                claim_speaker: os(r, 16),
                pipeline_version: s(r, 17),
                doc: doc_ref(r, 18),
                span: span(r, 29),
                date_start: os(r, 31),
                date_end: os(r, 32),
            })
            .collect())
    }

    fn claims(&self, f: &Filter) -> Result<Vec<ClaimRow>> {
        let mut w = Where::new();
        if let Some(cid) = f.content_id {
            let p = w.p(cid);
            w.add(format!("cl.content_id = {p}"));
        }
        if let Some(src) = &f.source {
            let p = w.p(source_key(src));
            w.add(format!("cl.speaker_key = {p}"));
        }
        w.days(f, "cl.date_start", "cl.date_end");
        let page = w.page(f);
        let sql = format!(
            "SELECT cl.id, cl.rid, cl.speaker, cl.speaker_key, cl.chain, cl.cue, cl.kind, \
             cl.date, cl.medium, cl.hedged, cl.content_text, cl.pipeline_version, {DOC_COLS}, \
             cl.span_start, cl.span_end, cl.date_start \
             FROM claims cl JOIN contents c ON c.id = cl.content_id \
             JOIN documents d ON d.id = c.first_doc {} ORDER BY cl.id {page}",
            w.sql()
        );
        let rows = self.lock()?.query(&sql, &w.params)?;
        Ok(rows
            .iter()
            .map(|r| ClaimRow {
                id: n(r, 0),
                rid: s(r, 1),
                speaker: os(r, 2),
                speaker_key: os(r, 3),
                chain: serde_json::from_str(&s(r, 4)).unwrap_or_default(),
                cue: s(r, 5),
                kind: s(r, 6),
                date: os(r, 7),
                medium: os(r, 8),
                hedged: n(r, 9) != 0,
                content: s(r, 10),
                pipeline_version: s(r, 11),
                doc: doc_ref(r, 12),
                span: span(r, 23),
                date_start: os(r, 25),
            })
            .collect())
    }

    fn entities(&self, f: &Filter) -> Result<Vec<EntityRow>> {
        let mut w = Where::new();
        if let Some(cid) = f.content_id {
            let p = w.p(cid);
            w.add(format!("en.content_id = {p}"));
        }
        if let Some(k) = &f.kind {
            let p = w.p(k.to_uppercase());
            w.add(format!("en.type = {p}"));
        }
        if let Some(src) = &f.source {
            let p = w.p(source_key(src));
            w.add(format!("en.name_key = {p}"));
        }
        if let Some(pl) = &f.place {
            w.place("('gn:' || CAST(en.geonames_id AS TEXT))", pl);
        }
        let page = w.page(f);
        let sql = format!(
            "SELECT en.id, en.rid, en.type, en.subtype, en.name, en.name_key, en.geonames_id, \
             en.mentions, en.pipeline_version, {DOC_COLS}, en.json \
             FROM entities en JOIN contents c ON c.id = en.content_id \
             JOIN documents d ON d.id = c.first_doc {} ORDER BY en.id {page}",
            w.sql()
        );
        let rows = self.lock()?.query(&sql, &w.params)?;
        Ok(rows
            .iter()
            .map(|r| EntityRow {
                id: n(r, 0),
                rid: s(r, 1),
                kind: s(r, 2),
                subtype: os(r, 3),
                name: s(r, 4),
                name_key: s(r, 5),
                geonames_id: on(r, 6),
                mentions: n(r, 7),
                pipeline_version: s(r, 8),
                doc: doc_ref(r, 9),
                roles: serde_json::from_str::<serde_json::Value>(&s(r, 20))
                    .ok()
                    .and_then(|v| {
                        v.get("roles").and_then(|x| x.as_array()).map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(str::to_string))
                                .collect()
                        })
                    })
                    .unwrap_or_default(),
            })
            .collect())
    }

    fn documents(&self, f: &Filter) -> Result<Vec<DocumentRow>> {
        let mut w = Where::new();
        if let Some(src) = &f.source {
            let p = w.p(source_key(src));
            w.add(format!("d.outlet_key = {p}"));
        }
        w.days(f, "d.published", "d.published");
        let page = w.page(f);
        let sql = format!(
            "SELECT c.hash, c.dup_of, c.pipeline_version, d.ingested_at, {DOC_COLS} \
             FROM documents d JOIN contents c ON c.id = d.content_id {} ORDER BY d.id {page}",
            w.sql()
        );
        let rows = self.lock()?.query(&sql, &w.params)?;
        Ok(rows
            .iter()
            .map(|r| DocumentRow {
                content_hash: s(r, 0),
                copy_of: on(r, 1),
                pipeline_version: os(r, 2),
                ingested_at: s(r, 3),
                doc: doc_ref(r, 4),
            })
            .collect())
    }

    fn text(&self, content_id: i64) -> Result<Option<String>> {
        let rows = self.lock()?.query(
            "SELECT text FROM contents WHERE id = $1",
            &[Val::Int(content_id)],
        )?;
        Ok(rows.first().and_then(|r| os(r, 0)))
    }

    fn appearances(&self, content_ids: &[i64]) -> Result<HashMap<i64, Vec<Appearance>>> {
        let mut out: HashMap<i64, Vec<Appearance>> = HashMap::new();
        let mut db = self.lock()?;
        for chunk in content_ids.chunks(500) {
            if chunk.is_empty() {
                continue;
            }
            let ph: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT d.canonical_id, d.id, d.url, d.outlet, d.published, d.version, \
                 CASE WHEN d.content_id = d.canonical_id THEN 0 ELSE 1 END \
                 FROM documents d JOIN contents c ON c.id = d.content_id \
                 WHERE d.canonical_id IN ({}) ORDER BY d.id",
                ph.join(", ")
            );
            let params: Vec<Val> = chunk.iter().map(|&i| Val::Int(i)).collect();
            for r in db.query(&sql, &params)? {
                out.entry(n(&r, 0)).or_default().push(Appearance {
                    doc_id: n(&r, 1),
                    url: os(&r, 2),
                    outlet: os(&r, 3),
                    published: os(&r, 4),
                    version: n(&r, 5),
                    near: n(&r, 6) != 0,
                });
            }
        }
        Ok(out)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let lim = Val::Int(limit.min(10_000) as i64);
        let (doc_sql, rec_sql, q): (String, String, Val) = match self.dialect {
            Dialect::Sqlite => {
                // Quote every term: user text must never be parsed as FTS5 syntax.
                let terms: Vec<String> = query
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|t| !t.is_empty())
                    .map(|t| format!("\"{t}\""))
                    .collect();
                if terms.is_empty() {
                    return Ok(Vec::new());
                }
                (
                    format!(
                        "SELECT snippet(contents_fts, 1, '[', ']', '…', 16), -bm25(contents_fts), \
                         {DOC_COLS} FROM contents_fts JOIN contents c ON c.id = contents_fts.rowid \
                         JOIN documents d ON d.id = c.first_doc WHERE contents_fts MATCH $1 \
                         ORDER BY bm25(contents_fts) LIMIT $2"
                    ),
                    format!(
                        "SELECT si.kind, si.rid, snippet(records_fts, 0, '[', ']', '…', 16), \
                         -bm25(records_fts), {DOC_COLS} FROM records_fts \
                         JOIN search_items si ON si.id = records_fts.rowid \
                         JOIN contents c ON c.id = si.content_id \
                         JOIN documents d ON d.id = c.first_doc WHERE records_fts MATCH $1 \
                         ORDER BY bm25(records_fts) LIMIT $2"
                    ),
                    terms.join(" ").into(),
                )
            }
            Dialect::Postgres => (
                format!(
                    "SELECT ts_headline('english', left(c.text, 20000), q, \
                     'StartSel=[, StopSel=], MaxWords=20, MinWords=8'), \
                     CAST(ts_rank(c.tsv, q) AS DOUBLE PRECISION), {DOC_COLS} \
                     FROM contents c, plainto_tsquery('english', $1) q, documents d \
                     WHERE c.tsv @@ q AND d.id = c.first_doc ORDER BY ts_rank(c.tsv, q) DESC LIMIT $2"
                ),
                format!(
                    "SELECT si.kind, si.rid, ts_headline('english', si.body, q, \
                     'StartSel=[, StopSel=], MaxWords=20, MinWords=8'), \
                     CAST(ts_rank(si.tsv, q) AS DOUBLE PRECISION), {DOC_COLS} \
                     FROM search_items si JOIN contents c ON c.id = si.content_id \
                     JOIN documents d ON d.id = c.first_doc, plainto_tsquery('english', $1) q \
                     WHERE si.tsv @@ q ORDER BY ts_rank(si.tsv, q) DESC LIMIT $2"
                ),
                query.into(),
            ),
        };
        let mut db = self.lock()?;
        let mut hits = Vec::new();
        for r in db.query(&doc_sql, &[q.clone(), lim.clone()])? {
            hits.push(SearchHit {
                kind: "document".into(),
                rid: None,
                snippet: s(&r, 0),
                score: col(&r, 1).real().unwrap_or(0.0),
                doc: doc_ref(&r, 2),
            });
        }
        for h in crate::ru_search::document_hits(&mut db, self.dialect, query, lim.clone())? {
            // A Russian text also matches its exact words in the main index: keep one hit.
            if !hits
                .iter()
                .any(|o| o.kind == "document" && o.doc.doc_id == h.doc.doc_id)
            {
                hits.push(h);
            }
        }
        for r in db.query(&rec_sql, &[q, lim])? {
            hits.push(SearchHit {
                kind: s(&r, 0),
                rid: os(&r, 1),
                snippet: s(&r, 2),
                score: col(&r, 3).real().unwrap_or(0.0),
                doc: doc_ref(&r, 4),
            });
        }
        // Scores of the two indexes are not on one scale: rank each against its own best.
        for kind_is_doc in [true, false] {
            let best = hits
                .iter()
                .filter(|h| (h.kind == "document") == kind_is_doc)
                .map(|h| h.score)
                .fold(f64::MIN, f64::max);
            if best > 0.0 {
                for h in hits
                    .iter_mut()
                    .filter(|h| (h.kind == "document") == kind_is_doc)
                {
                    h.score /= best;
                }
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        hits.truncate(limit);
        Ok(hits)
    }

    fn stale(&self, pipeline_version: &str, after: i64, limit: usize) -> Result<Vec<StaleDoc>> {
        let rows = self.lock()?.query(
            "SELECT c.id, c.text, d.ext_id, d.url, d.outlet, d.title, d.published, d.language \
             FROM contents c JOIN documents d ON d.id = c.first_doc \
             WHERE c.dup_of IS NULL AND (c.pipeline_version IS NULL OR c.pipeline_version <> $1) \
             AND c.id > $2 ORDER BY c.id LIMIT $3",
            &[
                pipeline_version.into(),
                Val::Int(after),
                Val::Int(limit as i64),
            ],
        )?;
        Ok(rows
            .iter()
            .map(|r| StaleDoc {
                content_id: n(r, 0),
                doc: Document::new(
                    s(r, 2),
                    s(r, 1),
                    Meta {
                        published: os(r, 6)
                            .and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok()),
                        title: os(r, 5),
                        url: os(r, 3),
                        outlet: os(r, 4),
                        language: os(r, 7),
                    },
                ),
            })
            .collect())
    }

    fn replace_records(
        &self,
        docs: &[(i64, Document)],
        pipeline_version: &str,
    ) -> Result<Vec<PutOutcome>> {
        self.in_batch(docs, |db, (cid, doc)| {
            for t in [
                "figures",
                "claims",
                "entities",
                "events",
                "timexes",
                "search_items",
            ] {
                db.execute(
                    &format!("DELETE FROM {t} WHERE content_id = $1"),
                    &[Val::Int(*cid)],
                )?;
            }
            let (records, skipped) = insert_records(db, *cid, doc, pipeline_version, None, true)?;
            let r = db.query(
                "SELECT first_doc FROM contents WHERE id = $1",
                &[Val::Int(*cid)],
            )?;
            Ok(PutOutcome::Stored {
                doc_id: r.first().map_or(0, |r| n(r, 0)),
                content_id: *cid,
                version: 0,
                records,
                skipped,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store at schema 1 holding records written by an older pipeline: a figure dated
    /// by a week in `as_of`, an event dated by a week.
    fn old_rows(db: &mut dyn Db) {
        db.batch(
            "INSERT INTO contents (id, hash, minhash, numbers, words, text, first_doc) \
             VALUES (1, 'h1', '', '', 3, 'Six were pulled out this week.', 1);
             INSERT INTO documents (id, ext_id, url_key, published, version, is_current, \
             content_id, canonical_id, ingested_at) \
             VALUES (1, 'd1', 'id:d1', '2031-03-08', 1, 1, 1, 1, '2031-03-08T10:00:00Z');
             INSERT INTO figures (content_id, rid, metric, group_class, group_text, as_of, \
             as_of_day, origin, origin_key, sources, value_kind, low, high, value_text, hedged, \
             span_start, span_end, sentence, pipeline_version, json) VALUES \
             (1, 'f1', 'rescued', 'unspecified', '', '2031-W10', '2031-W10', 'X', 'x', '[]', \
             'exact', 6, 6, 'Six', 0, 0, 3, 'Six were pulled out this week.', 'old', \
             '{\"id\":\"f1\",\"as_of\":\"2031-W10\"}'),
             (1, 'f2', 'rescued', 'unspecified', '', '2031-03-07', '2031-03-07', 'X', 'x', \
             '[]', 'exact', 2, 2, 'two', 0, 0, 3, 'Six were pulled out this week.', 'old', \
             '{\"id\":\"f2\",\"as_of\":\"2031-03-07\"}');
             INSERT INTO events (content_id, rid, type, date, date_day, status, hedged, \
             trigger_text, sentence, span_start, span_end, pipeline_version, json) VALUES \
             (1, 'v1', 'rescue', '2031-W10', '2031-W10', 'occurred', 0, 'pulled', 's', 0, 3, \
             'old', '{}');",
        )
        .expect("old rows insert");
    }

    fn check_repaired(db: &mut dyn Db) {
        let r = db
            .query(
                "SELECT as_of, as_of_day, period, period_start, period_end, json FROM figures \
                 ORDER BY rid",
                &[],
            )
            .expect("figures read");
        let f1 = &r[0];
        assert_eq!(os(f1, 0), None);
        assert_eq!(s(f1, 1), "2031-03-08");
        assert_eq!(s(f1, 2), "2031-W10");
        assert_eq!(
            (s(f1, 3), s(f1, 4)),
            ("2031-03-03".into(), "2031-03-09".into())
        );
        let js: serde_json::Value = serde_json::from_str(&s(f1, 5)).expect("json");
        assert_eq!(js["period"], "2031-W10");
        assert!(js["as_of"].is_null());
        let f2 = &r[1];
        assert_eq!((s(f2, 1), os(f2, 2)), ("2031-03-07".into(), None));
        let e = db
            .query("SELECT date, date_start, date_end FROM events", &[])
            .expect("events read");
        assert_eq!(
            (s(&e[0], 0), s(&e[0], 1), s(&e[0], 2)),
            ("2031-W10".into(), "2031-03-03".into(), "2031-03-09".into())
        );
    }

    #[test]
    fn migration_repairs_coarse_dates_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory db");
        let mut db = SqliteDb::new(conn);
        migrate(&mut db, &SQLITE_MIGRATIONS[..1]).expect("schema 1");
        old_rows(&mut db);
        migrate(&mut db, SQLITE_MIGRATIONS).expect("schema 2");
        check_repaired(&mut db);
    }

    #[test]
    fn migration_repairs_coarse_dates_postgres() {
        let Some(url) = crate::testing::fresh_pg_database("migrate2") else {
            return;
        };
        let client = postgres::Client::connect(&url, postgres::NoTls).expect("pg connects");
        let mut db = PgDb::new(client);
        migrate(&mut db, &PG_MIGRATIONS[..1]).expect("schema 1");
        old_rows(&mut db);
        migrate(&mut db, PG_MIGRATIONS).expect("schema 2");
        check_repaired(&mut db);
    }
}
