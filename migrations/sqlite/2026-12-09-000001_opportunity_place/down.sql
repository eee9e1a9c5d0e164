ALTER TABLE opportunities DROP COLUMN place;
