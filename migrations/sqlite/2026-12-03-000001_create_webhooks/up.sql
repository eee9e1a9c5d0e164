-- A co-op's webhook endpoints. The secret signs deliveries (HMAC), so it is
-- kept as given (whsec_…); after a rotation the previous one signs too,
-- until previous_secret_until.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    description TEXT NOT NULL,
    secret TEXT NOT NULL,
    previous_secret TEXT,
    previous_secret_until TIMESTAMP,
    disabled_at TIMESTAMP,
    disabled_reason TEXT,
    last_delivered_at TIMESTAMP,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX webhooks_by_coop ON webhooks (coop_id);

-- One message per endpoint and event, written with the event (the outbox);
-- its id is the webhook-id header, the same on every attempt. A worker
-- claims a due message by moving next_attempt_at past the attempt's lease in
-- the transaction that records the attempt, so no two workers make the same
-- attempt.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (webhook_id, event_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);

-- Every attempt, as the delivery log shows it: an attempt without
-- finished_at was cut short (the server stopped) and is made again.
CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status INTEGER,
    error TEXT,
    response TEXT,
    PRIMARY KEY (delivery_id, number)
);
