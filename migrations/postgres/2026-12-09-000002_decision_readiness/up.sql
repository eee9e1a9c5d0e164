-- What stood between a bid and submitting it when its go/no-go decision was
-- taken (JSON: roles unstaffed, sections open, invitations unanswered, days
-- to the deadline); NULL for decisions taken before it was kept.
ALTER TABLE bids ADD COLUMN decision_readiness TEXT;
