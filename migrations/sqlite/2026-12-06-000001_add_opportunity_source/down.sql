ALTER TABLE opportunities DROP COLUMN source_account;
