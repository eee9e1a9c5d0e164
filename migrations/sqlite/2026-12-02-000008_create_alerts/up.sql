-- Alerts: saved opportunity filters of an account, or of a co-op (told to
-- its admins). A hit is kept per alert and opportunity, so that an alert
-- tells of a tender once, however often it is imported again.
CREATE TABLE alerts (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    coop_id TEXT REFERENCES coops (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    filters TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE INDEX alerts_by_user ON alerts (user_id);
CREATE INDEX alerts_by_coop ON alerts (coop_id);

CREATE TABLE alert_hits (
    alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (alert_id, opportunity_id)
);
