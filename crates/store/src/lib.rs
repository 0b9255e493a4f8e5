//! # newsledger-store
//!
//! One article is a snapshot; analysts need the story. This crate keeps every document and
//! every record the pipeline extracted from it, and answers the questions that span
//! articles: how a toll moved and who reported it ([`analysis::series`]), where sources
//! disagree ([`analysis::conflicts`]), what happened when ([`analysis::timeline`]), plus
//! full-text search and flat exports.
//!
//! Everything above this crate talks to the [`Store`] trait only, in the manner of a
//! tantivy `Directory`: [`open`] picks the backend from the location — a file path is an
//! embedded SQLite database (WAL, migrations from `migrations/sqlite` applied on open), a
//! `postgres://` URL is a PostgreSQL database with the same schema (`migrations/postgres`).
//! Both backends share one implementation of the logic ([`sql`]); they differ only in the
//! few statements where SQL dialects do (transactions, full-text search).
//!
//! Storage rules, the reasons the schema looks the way it does:
//! - **Idempotent**: a text is keyed by the hash of its normalised form; re-ingesting the
//!   same URL with the same text changes nothing, so an interrupted ingest can simply be run
//!   again.
//! - **Versions**: the same URL with a new text is a new version; both are kept, the latest
//!   is current, and the figures of both are compared (an outlet revising its own toll is a
//!   conflict worth showing).
//! - **Copies are not confirmations**: the same or nearly the same text under other URLs is
//!   stored once (with every place it appeared), so wire copy carried by ten outlets counts
//!   once in series and conflicts.
//! - **Atomic**: each batch is one transaction and each document one savepoint inside it;
//!   a crash leaves whole documents or nothing, and a bad document fails alone.

pub mod analysis;
mod bulk;
pub mod changes;
pub mod dates;
mod db;
pub mod export;
pub mod fingerprint;
pub mod identity;
pub mod relations;
mod rows;
mod ru_search;
pub mod sql;
pub mod story;
#[doc(hidden)]
pub mod testing;
mod translit;

use newsledger_model::{Document, FigureValue};
use serde::Serialize;
use std::collections::HashMap;

pub use sql::SqlStore;

/// What can go wrong talking to a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("postgres: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A document handed to the store, with whether the pipeline has run over it. A new text
/// stored unprocessed is kept with no records and picked up by `reprocess`.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub doc: Document,
    pub processed: bool,
}

/// What the store will do with a document, decided before the (costly) pipeline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Triage {
    /// This URL already has this text: nothing to do.
    Unchanged,
    /// The text (or a near-copy) is stored under another URL: only the appearance is new.
    Copy,
    /// A new text: run the pipeline.
    New,
}

/// What happened to one document of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PutOutcome {
    /// A new text (or a new version of a URL) with its records.
    Stored {
        doc_id: i64,
        content_id: i64,
        version: i64,
        records: usize,
        /// Records that failed validation and were skipped, with why.
        skipped: Vec<String>,
    },
    /// This URL already had this text.
    Unchanged { doc_id: i64 },
    /// The text is a copy (`near` = near-copy) of a stored one: one more place it appeared.
    Duplicate {
        doc_id: i64,
        of_content: i64,
        near: bool,
    },
    /// Nothing of this document was written.
    Failed { error: String },
}

/// Row counts, for summaries and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: i64,
    pub contents: i64,
    pub canonical: i64,
    pub urls: i64,
    pub figures: i64,
    pub claims: i64,
    pub entities: i64,
    pub events: i64,
    pub timexes: i64,
    pub unprocessed: i64,
}

/// Where a record comes from: the first place its text appeared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocRef {
    /// Row id of the document (one appearance of a text at a URL, at one version).
    pub doc_id: i64,
    /// Row id of the text.
    pub content_id: i64,
    /// The input's own id.
    pub ext_id: String,
    pub url: Option<String>,
    pub url_key: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub version: i64,
    pub is_current: bool,
    /// The document's language (`en`, `ru`…); absent for documents stored before it was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Another place a text appeared (wire copy, syndication).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appearance {
    pub doc_id: i64,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub version: i64,
    /// True when this appearance's text is only nearly (not exactly) the stored one.
    pub near: bool,
}

/// A stored figure with its provenance and cross-document keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureRow {
    pub id: i64,
    pub doc: DocRef,
    pub rid: String,
    pub metric: String,
    pub group_class: String,
    pub group_text: String,
    pub place: Option<String>,
    pub place_key: Option<String>,
    /// The day (`YYYY-MM-DD`) the figure holds as of, or none.
    pub as_of: Option<String>,
    /// The day the figure holds as of; the publication day when it has none. Always a day,
    /// so it orders as a date.
    pub as_of_day: Option<String>,
    /// A coarser TIMEX3 value dating the counted events (week, month, season, year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// First and last day of `period`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
    /// "three more died": adds to a total; never summed by the store.
    pub increment: bool,
    /// Record id (same text) of the total this figure is a part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Record id (same text) of the figure this one revises ("up from 31").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revises: Option<String>,
    /// The report withdraws this figure ("published in error").
    pub retracted: bool,
    /// First link of the source chain; the outlet itself when it speaks in its own voice.
    pub origin: String,
    pub origin_key: String,
    pub sources: Vec<String>,
    pub value: FigureValue,
    pub hedged: bool,
    pub claim: Option<String>,
    pub sentence: String,
    /// Byte offsets `[start, end)` of the evidence in the stored text of `doc.content_id`
    /// (`GET /api/texts/{content_id}`), so a reader lands on the exact words.
    pub span: [usize; 2],
    pub pipeline_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub doc: DocRef,
    pub rid: String,
    pub kind: String,
    pub place: Option<String>,
    pub place_key: Option<String>,
    pub date: Option<String>,
    /// The date's own grain when coarser than a day (`2031-W10`), else its day.
    pub date_day: Option<String>,
    /// First and last day of `date` (the timeline sorts by the first).
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub agent: Option<String>,
    pub agent_key: Option<String>,
    pub target: Option<String>,
    pub target_key: Option<String>,
    pub status: String,
    pub hedged: bool,
    pub trigger: String,
    pub sentence: String,
    pub claim: Option<String>,
    /// The speaker of the claim the event rests on, when there is one.
    pub claim_speaker: Option<String>,
    /// Byte offsets `[start, end)` of the evidence in the stored text of `doc.content_id`
    /// (`GET /api/texts/{content_id}`), so a reader lands on the exact words.
    pub span: [usize; 2],
    pub pipeline_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    pub id: i64,
    pub doc: DocRef,
    pub rid: String,
    /// Who the claim is attributed to; `None` when the text names no source.
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub chain: Vec<String>,
    pub cue: String,
    pub kind: String,
    pub date: Option<String>,
    /// First day of `date`, whatever its grain.
    pub date_start: Option<String>,
    pub medium: Option<String>,
    pub hedged: bool,
    pub content: String,
    /// Byte offsets `[start, end)` of the evidence in the stored text of `doc.content_id`
    /// (`GET /api/texts/{content_id}`), so a reader lands on the exact words.
    pub span: [usize; 2],
    pub pipeline_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRow {
    pub id: i64,
    pub doc: DocRef,
    pub rid: String,
    pub kind: String,
    pub subtype: Option<String>,
    pub name: String,
    pub name_key: String,
    pub geonames_id: Option<i64>,
    pub mentions: i64,
    /// Roles and titles of a person ("Prosecutor General"), from the record.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    pub pipeline_version: String,
}

/// Filters shared by the record queries; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub metric: Option<String>,
    /// Group class for figures, event type for events, entity type for entities.
    pub kind: Option<String>,
    /// A place name (any spelling known to the alias rules) or `gn:<GeoNames id>`.
    pub place: Option<String>,
    /// A source name: matches the origin of figures, the speaker of claims, the name of
    /// entities.
    pub source: Option<String>,
    /// Inclusive bounds on as_of / event date / claim date: days (`YYYY-MM-DD`) or coarser
    /// values, taken at their first (`from`) or last (`to`) day; a coarse event or claim
    /// date matches when its days overlap the bounds.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only the records of one stored text (`contents.id`), e.g. for a document view;
    /// answered from the `(content_id, rid)` index rather than a table scan.
    pub content_id: Option<i64>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// A stored text ready to be run through the pipeline again.
#[derive(Debug, Clone)]
pub struct StaleDoc {
    pub content_id: i64,
    pub doc: Document,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// `document`, `figure`, `claim`, `entity` or `event`.
    pub kind: String,
    pub rid: Option<String>,
    pub doc: DocRef,
    pub snippet: String,
    pub score: f64,
}

/// Document listing row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentRow {
    pub doc: DocRef,
    pub content_hash: String,
    /// Content id of the text this one copies, when it is a (near-)copy.
    pub copy_of: Option<i64>,
    pub pipeline_version: Option<String>,
    pub ingested_at: String,
}

/// The store. Implemented once over SQL ([`SqlStore`]) for SQLite and PostgreSQL; all
/// methods take `&self` so one store can be shared by threads (a server) behind an `Arc`.
pub trait Store: Send + Sync {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Decide per document whether the pipeline needs to run (see [`Triage`]).
    fn triage(&self, docs: &[&Document]) -> Result<Vec<Triage>>;
    /// Store a batch in one transaction (one savepoint per document). The outcomes are in
    /// input order. An `Err` means nothing of the batch was written.
    fn put_batch(&self, docs: &[Incoming], pipeline_version: &str) -> Result<Vec<PutOutcome>>;
    fn stats(&self) -> Result<Stats>;
    fn figures(&self, filter: &Filter) -> Result<Vec<FigureRow>>;
    fn events(&self, filter: &Filter) -> Result<Vec<EventRow>>;
    fn claims(&self, filter: &Filter) -> Result<Vec<ClaimRow>>;
    fn entities(&self, filter: &Filter) -> Result<Vec<EntityRow>>;
    fn documents(&self, filter: &Filter) -> Result<Vec<DocumentRow>>;
    /// The stored text of a content row.
    fn text(&self, content_id: i64) -> Result<Option<String>>;
    /// Every place each canonical text appeared, keyed by content id.
    fn appearances(&self, content_ids: &[i64]) -> Result<HashMap<i64, Vec<Appearance>>>;
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;
    /// Canonical texts whose records are missing or come from another pipeline version,
    /// with content id greater than `after`, in id order.
    fn stale(&self, pipeline_version: &str, after: i64, limit: usize) -> Result<Vec<StaleDoc>>;
    /// Replace the records of stored texts with those of re-processed documents, in one
    /// transaction (one savepoint per text).
    fn replace_records(
        &self,
        docs: &[(i64, Document)],
        pipeline_version: &str,
    ) -> Result<Vec<PutOutcome>>;
}

/// Open (creating and migrating if needed) the store at `location`: a `postgres://` or
/// `postgresql://` URL, else a SQLite file path.
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Box::new(SqlStore::open_postgres(location)?))
    } else {
        Ok(Box::new(SqlStore::open_sqlite(std::path::Path::new(
            location,
        ))?))
    }
}
