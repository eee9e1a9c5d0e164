DROP INDEX alerts_by_subject;
DROP TABLE talent_alert_hits;
ALTER TABLE alerts DROP COLUMN subject;
