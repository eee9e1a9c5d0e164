-- Unknown is not "no": whether a co-op is happy to share its experience is
-- NULL until it says. Before this column false could not be told from never
-- said (imports wrote false for every co-op), so false reads unknown now.
ALTER TABLE coops ADD COLUMN shares_experience BOOLEAN;
UPDATE coops SET shares_experience = TRUE WHERE happy_to_share_experience;
ALTER TABLE coops DROP COLUMN happy_to_share_experience;
ALTER TABLE coops RENAME COLUMN shares_experience TO happy_to_share_experience;
-- The day a co-op became a member of the network (for imported co-ops the
-- directory's own listing date); NULL when never a member or not known.
ALTER TABLE coops ADD COLUMN member_since DATE;
-- How to reach a co-op, a JSON object of `email`, `phone` and `url` (NULL:
-- none given), and who may see it: `public` (everyone who may see the co-op)
-- or `network` (members of the network and the co-op's own people).
ALTER TABLE coops ADD COLUMN contact TEXT;
ALTER TABLE coops ADD COLUMN contact_visibility TEXT NOT NULL DEFAULT 'network';
-- How to reach a person, the same JSON object: for members of the network only.
ALTER TABLE people ADD COLUMN contact TEXT;
-- Enquiries to co-ops from signed-in accounts; they go with the co-op or the
-- sender's account. The per-sender limit counts by (sender_id, created_at).
CREATE TABLE enquiries (
    id TEXT PRIMARY KEY NOT NULL,
    coop_id TEXT NOT NULL REFERENCES coops (id) ON DELETE CASCADE,
    sender_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX enquiries_sender ON enquiries (sender_id, created_at);
CREATE INDEX enquiries_coop ON enquiries (coop_id, created_at);
