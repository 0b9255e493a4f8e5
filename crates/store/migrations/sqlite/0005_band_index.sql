-- Near-copy candidates are counted per band over `band_key IN (…)`; the band's index carries
-- the content id, so the count reads the index alone.
CREATE INDEX content_bands_key_content ON content_bands(band_key, content_id);
DROP INDEX content_bands_key;
