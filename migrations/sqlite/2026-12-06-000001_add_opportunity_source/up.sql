-- Whose an opportunity is, and so who may give it a newer release: NULL for
-- the network's (a steward's import or entry, `coophub import ocds`, a sync),
-- else the id of the member co-op admin's account that imported or entered
-- it. Rows from before this column are the network's.
ALTER TABLE opportunities ADD COLUMN source_account TEXT;
