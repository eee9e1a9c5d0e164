-- Claims to administer a co-op that has no admin (an imported entry): who
-- asked, why, and what the stewards decided. Approved, the claimant holds
-- the co-op's admin role; claims go with their co-op or account.
CREATE TABLE coop_claims (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX coop_claims_status ON coop_claims (status, created_at);
CREATE INDEX coop_claims_coop ON coop_claims (coop_id, user_id);
