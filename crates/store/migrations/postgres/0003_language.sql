-- The language of each document (ISO 639-1: en, ru, uk…), as declared by its source or
-- detected on ingest; NULL for documents stored before it was kept. Keep in step with the
-- other dialect's 0003.
ALTER TABLE documents ADD COLUMN language TEXT;
