-- Links to a bid's documents (drafts, the tender pack, evidence), kept
-- where they are rather than uploaded: who added each, for which co-op,
-- and when. They go with the bid.
CREATE TABLE bid_documents (
    id TEXT PRIMARY KEY NOT NULL,
    bid_id TEXT NOT NULL REFERENCES bids (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    kind TEXT,
    added_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    added_for_coop_id TEXT REFERENCES coops (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX bid_documents_bid ON bid_documents (bid_id, created_at);
