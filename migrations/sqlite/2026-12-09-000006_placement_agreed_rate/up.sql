-- The day rate the two co-ops agreed for a placement (minor units of its
-- currency); NULL when none was recorded. Shown to members of the two co-ops only.
ALTER TABLE placements ADD COLUMN agreed_rate_amount BIGINT;
ALTER TABLE placements ADD COLUMN agreed_rate_currency TEXT;
