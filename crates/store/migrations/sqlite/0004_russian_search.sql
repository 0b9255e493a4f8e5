-- Full-text search of Russian documents: unicode61 without the English (porter) stemmer,
-- ё folded to е; queries stem their Russian words (Snowball) and match them as prefixes.
CREATE VIRTUAL TABLE contents_ru_fts USING fts5(
    title, text, tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ru_fts AFTER INSERT ON documents WHEN new.language = 'ru' BEGIN
    INSERT INTO contents_ru_fts(rowid, title, text)
    SELECT c.id, c.title, c.text FROM contents c WHERE c.id = new.content_id
      AND NOT EXISTS (SELECT 1 FROM contents_ru_fts WHERE rowid = new.content_id);
END;
