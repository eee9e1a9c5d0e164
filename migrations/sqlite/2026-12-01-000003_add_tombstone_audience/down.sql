ALTER TABLE tombstones DROP COLUMN public;
