-- Full-text search of Russian text with PostgreSQL's 'russian' configuration (Snowball
-- stemming), for texts with Cyrillic letters near their start.
ALTER TABLE contents ADD COLUMN tsv_ru tsvector
    GENERATED ALWAYS AS (CASE WHEN left(text, 2000) ~ '[А-Яа-яЁё]'
        THEN to_tsvector('russian', left(coalesce(title, '') || ' ' || text, 200000)) END) STORED;
CREATE INDEX contents_tsv_ru ON contents USING GIN (tsv_ru);
