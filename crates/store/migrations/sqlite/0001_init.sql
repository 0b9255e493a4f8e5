-- newsledger store schema, SQLite dialect. Keep in step with ../postgres/0001_init.sql:
-- same tables, same columns, same meaning.

-- One row per distinct text (after normalisation). Near-copies of another text keep their
-- own row (nothing is thrown away) but point at it with dup_of and carry no records.
CREATE TABLE contents (
    id               INTEGER PRIMARY KEY,
    hash             TEXT    NOT NULL UNIQUE,
    minhash          TEXT    NOT NULL,
    numbers          TEXT    NOT NULL,
    words            INTEGER NOT NULL,
    dup_of           INTEGER REFERENCES contents(id),
    first_doc        INTEGER,
    title            TEXT,
    text             TEXT    NOT NULL,
    -- NULL until the records of this text have been extracted and stored.
    pipeline_version TEXT,
    processed_at     TEXT
);
CREATE INDEX contents_version ON contents(pipeline_version);

-- MinHash LSH band keys of texts that can be near-copied (see fingerprint.rs).
CREATE TABLE content_bands (
    band_key   INTEGER NOT NULL,
    content_id INTEGER NOT NULL REFERENCES contents(id)
);
CREATE INDEX content_bands_key ON content_bands(band_key);

-- One row per place a text appeared: a URL (or input id) and its version there.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    ext_id       TEXT    NOT NULL,
    url_key      TEXT    NOT NULL,
    url          TEXT,
    outlet       TEXT,
    outlet_key   TEXT,
    title        TEXT,
    published    TEXT,
    version      INTEGER NOT NULL,
    is_current   INTEGER NOT NULL,
    content_id   INTEGER NOT NULL REFERENCES contents(id),
    canonical_id INTEGER NOT NULL REFERENCES contents(id),
    ingested_at  TEXT    NOT NULL,
    UNIQUE (url_key, version),
    UNIQUE (url_key, content_id)
);
CREATE INDEX documents_canonical ON documents(canonical_id);
CREATE INDEX documents_content ON documents(content_id);

CREATE TABLE figures (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    metric           TEXT    NOT NULL,
    group_class      TEXT    NOT NULL,
    group_text       TEXT    NOT NULL,
    place            TEXT,
    place_key        TEXT,
    as_of            TEXT,
    as_of_day        TEXT,
    origin           TEXT    NOT NULL,
    origin_key       TEXT    NOT NULL,
    sources          TEXT    NOT NULL,
    value_kind       TEXT    NOT NULL,
    low              INTEGER NOT NULL,
    high             INTEGER,
    value_text       TEXT    NOT NULL,
    hedged           INTEGER NOT NULL,
    claim_rid        TEXT,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    sentence         TEXT    NOT NULL,
    pipeline_version TEXT    NOT NULL,
    json             TEXT    NOT NULL,
    UNIQUE (content_id, rid)
);
CREATE INDEX figures_key ON figures(metric, group_class, place_key, as_of_day);
CREATE INDEX figures_origin ON figures(origin_key);

CREATE TABLE claims (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    speaker          TEXT    NOT NULL,
    speaker_key      TEXT    NOT NULL,
    chain            TEXT    NOT NULL,
    cue              TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    date             TEXT,
    medium           TEXT,
    hedged           INTEGER NOT NULL,
    content_text     TEXT    NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    pipeline_version TEXT    NOT NULL,
    json             TEXT    NOT NULL,
    UNIQUE (content_id, rid)
);
CREATE INDEX claims_speaker ON claims(speaker_key);

CREATE TABLE entities (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    subtype          TEXT,
    name             TEXT    NOT NULL,
    name_key         TEXT    NOT NULL,
    geonames_id      INTEGER,
    mentions         INTEGER NOT NULL,
    pipeline_version TEXT    NOT NULL,
    json             TEXT    NOT NULL,
    UNIQUE (content_id, rid)
);
CREATE INDEX entities_key ON entities(name_key);
CREATE INDEX entities_geo ON entities(geonames_id);

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    place            TEXT,
    place_key        TEXT,
    date             TEXT,
    date_day         TEXT,
    agent            TEXT,
    agent_key        TEXT,
    target           TEXT,
    target_key       TEXT,
    status           TEXT    NOT NULL,
    claim_rid        TEXT,
    hedged           INTEGER NOT NULL,
    trigger_text     TEXT    NOT NULL,
    sentence         TEXT    NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    pipeline_version TEXT    NOT NULL,
    json             TEXT    NOT NULL,
    UNIQUE (content_id, rid)
);
CREATE INDEX events_key ON events(type, place_key, date_day);

CREATE TABLE timexes (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    type             TEXT    NOT NULL,
    value            TEXT    NOT NULL,
    text             TEXT    NOT NULL,
    pipeline_version TEXT    NOT NULL,
    json             TEXT    NOT NULL,
    UNIQUE (content_id, rid)
);

-- Searchable text of records (documents are searched through contents_fts).
CREATE TABLE search_items (
    id         INTEGER PRIMARY KEY,
    content_id INTEGER NOT NULL REFERENCES contents(id),
    kind       TEXT    NOT NULL,
    rid        TEXT    NOT NULL,
    body       TEXT    NOT NULL
);
CREATE INDEX search_items_content ON search_items(content_id);

CREATE VIRTUAL TABLE contents_fts USING fts5(
    title, text, content='contents', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER contents_fts_ai AFTER INSERT ON contents BEGIN
    INSERT INTO contents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE records_fts USING fts5(
    body, content='search_items', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
    INSERT INTO records_fts(rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
    INSERT INTO records_fts(records_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
