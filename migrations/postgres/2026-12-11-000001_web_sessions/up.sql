-- Signed-in sessions of the web pages: only the SHA-256 of each session's
-- cookie is kept, with the account's token version at sign-in (a password
-- change ends every session) and the token its forms must carry.
CREATE TABLE web_sessions (
    id_sha256 TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_version INTEGER NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
