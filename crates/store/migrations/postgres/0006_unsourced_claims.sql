-- A claim may name no source ("it was reported that…"): its speaker and speaker_key are
-- NULL. Keep in step with the other dialect's 0006.
ALTER TABLE claims ALTER COLUMN speaker DROP NOT NULL;
ALTER TABLE claims ALTER COLUMN speaker_key DROP NOT NULL;
