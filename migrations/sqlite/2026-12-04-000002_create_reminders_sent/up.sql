-- Reminders already given: one per item and moment (e.g. a bid's deadline
-- seven days away), so a reminder is never given twice, whichever instance
-- runs the reminders and however often.
CREATE TABLE reminders_sent (
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    moment TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (subject_type, subject_id, moment)
);
