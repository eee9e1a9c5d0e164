-- Secret URLs of an account's deadline calendar, for calendar apps that
-- cannot send a token; only the secret's SHA-256 is kept. One per account:
-- a new one replaces the old.
CREATE TABLE deadline_feeds (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_sha256 TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
