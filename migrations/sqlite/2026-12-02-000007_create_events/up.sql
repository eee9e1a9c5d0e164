-- Events someone must act on or know about, written in the transaction of
-- the change that caused them (the outbox that webhooks deliver from), and
-- each account's notifications of them. `seq` orders events as they were
-- committed (timestamps may tie).
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    link TEXT NOT NULL,
    summary TEXT NOT NULL,
    actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);


-- The co-ops whose webhooks hear of an event.
CREATE TABLE event_coops (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, coop_id)
);

CREATE INDEX event_coops_by_coop ON event_coops (coop_id);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    read_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, event_id)
);

CREATE INDEX notifications_by_user ON notifications (user_id, read_at, created_at);
