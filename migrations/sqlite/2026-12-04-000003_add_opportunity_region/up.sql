-- Where a tender's work is (an item's delivery region, else the buyer's),
-- for alerts by region.
ALTER TABLE opportunities ADD COLUMN region TEXT;
