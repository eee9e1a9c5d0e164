-- Conversations kept with what they are about: `thread` is `bid` or
-- `placement`, `thread_id` its id (they go with it: bids and placements are
-- never deleted while a co-op of theirs stands, and a co-op's deletion takes
-- its messages). In a bid, `to_coop_id` names the invited co-op a message is
-- between (with the bid's managers); NULL is the consortium's (or the
-- placement's two co-ops'). A closed account leaves its messages, unsigned.
CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    thread TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    to_coop_id TEXT REFERENCES coops (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    author_coop_id TEXT REFERENCES coops (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_thread ON messages (thread, thread_id, created_at);
