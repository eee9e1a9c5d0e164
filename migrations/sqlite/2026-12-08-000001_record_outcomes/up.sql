-- When a bid was won, lost or withdrawn, so the network's totals can say
-- what it won in a year. Bids closed before this column take their last change.
ALTER TABLE bids ADD COLUMN closed_at TIMESTAMP;
UPDATE bids SET closed_at = updated_at WHERE state IN ('won', 'lost', 'withdrawn');
-- A case study's contract value, in minor units, where the co-ops say it.
ALTER TABLE case_studies ADD COLUMN value_amount BIGINT;
ALTER TABLE case_studies ADD COLUMN value_currency TEXT;
