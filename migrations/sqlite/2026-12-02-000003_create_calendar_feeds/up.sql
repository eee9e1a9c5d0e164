-- Secret calendar feed URLs, so that calendar apps (which send no token)
-- can subscribe: one per co-op, or per person of a co-op. Only a SHA-256
-- hash of each secret is kept; deleting the row revokes the URL.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    person_id TEXT REFERENCES people (id) ON DELETE CASCADE,
    secret_sha256 TEXT NOT NULL UNIQUE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX calendar_feeds_by_coop ON calendar_feeds (coop_id);
