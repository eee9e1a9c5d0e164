-- Email: each account's choices (a missing row means the defaults: no
-- digest, immediate mail on), the secret of its unsubscribe link, and when
-- its last digest went. Notifications that mail at once (invitations,
-- placement requests) carry their own small outbox: when a worker may next
-- try (NULL: nothing owed), how often it tried, and when it was sent.
CREATE TABLE mail_preferences (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest BOOLEAN NOT NULL DEFAULT FALSE,
    immediate BOOLEAN NOT NULL DEFAULT TRUE,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    digest_sent_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);

ALTER TABLE notifications ADD COLUMN mail_next_at TIMESTAMP;
ALTER TABLE notifications ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN mailed_at TIMESTAMP;

CREATE INDEX notifications_mail_due ON notifications (mail_next_at);
