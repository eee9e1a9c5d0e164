ALTER TABLE opportunities DROP COLUMN region;
