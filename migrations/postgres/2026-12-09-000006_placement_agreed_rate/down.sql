ALTER TABLE placements DROP COLUMN agreed_rate_currency;
ALTER TABLE placements DROP COLUMN agreed_rate_amount;
