-- Dates as dates, and the fields the story answer needs. Keep in step with the other
-- dialect's 0002. Day columns hold ISO days only (YYYY-MM-DD), whose text order is date
-- order; the Rust step of this migration (sql.rs, repair_dates) fills them for old rows.

-- A figure's coarser period (TIMEX3 week, month, season, year) with its first/last day.
ALTER TABLE figures ADD COLUMN period TEXT;
ALTER TABLE figures ADD COLUMN period_start TEXT;
ALTER TABLE figures ADD COLUMN period_end TEXT;
-- Derived in the store from the figure's sentence (see story_rules.rs):
-- increment: "3 more died" adds to a total; part_of: rid of the total this figure is a
-- part of ("12 police among 90 dead"); revises: rid of the figure this one revises
-- ("up from 31"); retracted: the report says this figure was wrong.
ALTER TABLE figures ADD COLUMN increment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE figures ADD COLUMN part_of TEXT;
ALTER TABLE figures ADD COLUMN revises TEXT;
ALTER TABLE figures ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0;

-- Events and claims keep their own grain in date; these are its first and last day.
ALTER TABLE events ADD COLUMN date_start TEXT;
ALTER TABLE events ADD COLUMN date_end TEXT;
ALTER TABLE claims ADD COLUMN date_start TEXT;
ALTER TABLE claims ADD COLUMN date_end TEXT;
CREATE INDEX events_start ON events(date_start);
