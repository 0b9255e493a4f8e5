-- A claim may name no source ("it was reported that…"): its speaker and speaker_key are
-- NULL. SQLite cannot drop a NOT NULL constraint in place, so the table is rebuilt with the
-- same columns in the same order. Keep in step with the other dialect's 0006.
CREATE TABLE claims_0006 (
    id               INTEGER PRIMARY KEY,
    content_id       INTEGER NOT NULL REFERENCES contents(id),
    rid              TEXT    NOT NULL,
    speaker          TEXT,
    speaker_key      TEXT,
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
    date_start       TEXT,
    date_end         TEXT,
    UNIQUE (content_id, rid)
);
INSERT INTO claims_0006 (id, content_id, rid, speaker, speaker_key, chain, cue, kind, date,
    medium, hedged, content_text, span_start, span_end, pipeline_version, json, date_start,
    date_end)
SELECT id, content_id, rid, speaker, speaker_key, chain, cue, kind, date, medium, hedged,
    content_text, span_start, span_end, pipeline_version, json, date_start, date_end
FROM claims;
DROP TABLE claims;
ALTER TABLE claims_0006 RENAME TO claims;
CREATE INDEX claims_speaker ON claims(speaker_key);
