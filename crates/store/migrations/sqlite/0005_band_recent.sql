-- Near-copy candidates are read band by band, newest texts first and a bounded number per
-- band (see `classify` in sql.rs), so a band shared by thousands of look-alike texts costs
-- no more than any other. The band's index carries the content id to stop early.
CREATE INDEX content_bands_key_content ON content_bands(band_key, content_id);
DROP INDEX content_bands_key;
