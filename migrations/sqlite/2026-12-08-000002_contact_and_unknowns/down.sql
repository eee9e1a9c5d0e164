DROP TABLE enquiries;
ALTER TABLE people DROP COLUMN contact;
ALTER TABLE coops DROP COLUMN contact_visibility;
ALTER TABLE coops DROP COLUMN contact;
ALTER TABLE coops DROP COLUMN member_since;
ALTER TABLE coops ADD COLUMN shares_experience BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE coops SET shares_experience = TRUE WHERE happy_to_share_experience;
ALTER TABLE coops DROP COLUMN happy_to_share_experience;
ALTER TABLE coops RENAME COLUMN shares_experience TO happy_to_share_experience;
