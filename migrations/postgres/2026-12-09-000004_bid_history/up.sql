-- What happened to a bid, who did it and when: opened, invited, answered,
-- roles and sections added, terms changed, decided, submitted, won, lost,
-- withdrawn. `coop_id` is the co-op an entry concerns (an invited one);
-- `detail` a role's or section's title, or the decision. Bids written
-- before it was kept get what their own rows say, with nobody named.
CREATE TABLE bid_history (
    id TEXT PRIMARY KEY NOT NULL,
    bid_id TEXT NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    what TEXT NOT NULL,
    coop_id TEXT REFERENCES coops (id) ON DELETE CASCADE,
    detail TEXT
);
CREATE INDEX bid_history_bid ON bid_history (bid_id, at);
INSERT INTO bid_history (id, bid_id, at, what)
    SELECT gen_random_uuid()::text, id, created_at, 'opened' FROM bids;
INSERT INTO bid_history (id, bid_id, at, what, coop_id)
    SELECT gen_random_uuid()::text, bid_id, invited_at, 'invited', coop_id
    FROM bid_members WHERE status <> 'lead';
INSERT INTO bid_history (id, bid_id, at, what, coop_id)
    SELECT gen_random_uuid()::text, bid_id, answered_at, status, coop_id
    FROM bid_members WHERE status IN ('accepted', 'declined') AND answered_at IS NOT NULL;
INSERT INTO bid_history (id, bid_id, at, what, detail)
    SELECT gen_random_uuid()::text, id, decided_at, 'decided',
        CASE WHEN decision_go THEN 'go' ELSE 'no_go' END
    FROM bids WHERE decided_at IS NOT NULL;
INSERT INTO bid_history (id, bid_id, at, what)
    SELECT gen_random_uuid()::text, id, submitted_at, 'submitted' FROM bids
    WHERE submitted_at IS NOT NULL;
INSERT INTO bid_history (id, bid_id, at, what)
    SELECT gen_random_uuid()::text, id, closed_at, state FROM bids
    WHERE closed_at IS NOT NULL AND state IN ('won', 'lost', 'withdrawn');
