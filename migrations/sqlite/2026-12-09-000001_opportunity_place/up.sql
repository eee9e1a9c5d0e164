-- Where a tender's work is as its address gives it (the delivery address's
-- locality and postcode, else the buyer's), so tenders can be ranked for
-- co-ops near them. NULL for tenders read before it was kept.
ALTER TABLE opportunities ADD COLUMN place TEXT;
