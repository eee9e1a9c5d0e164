ALTER TABLE case_studies DROP COLUMN value_currency;
ALTER TABLE case_studies DROP COLUMN value_amount;
ALTER TABLE bids DROP COLUMN closed_at;
