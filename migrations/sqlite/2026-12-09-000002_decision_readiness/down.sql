ALTER TABLE bids DROP COLUMN decision_readiness;
