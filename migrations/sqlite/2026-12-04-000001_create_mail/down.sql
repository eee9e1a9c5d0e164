DROP INDEX notifications_mail_due;
ALTER TABLE notifications DROP COLUMN mailed_at;
ALTER TABLE notifications DROP COLUMN mail_attempts;
ALTER TABLE notifications DROP COLUMN mail_next_at;
DROP TABLE mail_preferences;
